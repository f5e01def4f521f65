"""What runs after migrate: the staff groups' permissions, and SQLite's search index.

Derived data is not kept by signals: writes go through events.services, whose unit of work
derives it (events.derived)."""

from django.apps import apps as global_apps
from django.db import connections
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from events import search_index
from events.permissions import sync_groups


@receiver(post_migrate)
def grant_group_permissions(sender, using="default", apps=global_apps, **kwargs):
    # Runs after each app migrates; the events app's run sees every model's permissions.
    if sender.name == "events":
        sync_groups(apps, using=using)


@receiver(post_migrate)
def restore_search_index(sender, using="default", **kwargs):
    # A migration that rebuilt the events table on SQLite dropped the index's triggers.
    if sender.name == "events":
        search_index.ensure(connections[using])
