"""Derived data kept in step with what editors change, whichever way they change it (admin
forms, inlines, bulk deletes, the API)."""

from django.apps import apps as global_apps
from django.db import connections
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_delete,
)
from django.dispatch import receiver

from events import data_version, search_index
from events.models import (
    AgreementStatusChange,
    Event,
    EventCountry,
    Official,
    OfficialName,
    Organization,
    Participant,
    Statement,
)
from events.permissions import sync_groups
from events.search_text import request_refresh
from events.services import detached_reason


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


def data_changed(sender, using="default", **kwargs):
    data_version.changed(using)


# Every record of this app, history included: a filter can look at any of them (names,
# quotes, sources). Connected model by model, not to every sender: a post_delete receiver
# for all models would turn every app's fast (set-wise) deletes into row-by-row ones.
for model in global_apps.get_app_config("events").get_models():
    post_save.connect(data_changed, sender=model, dispatch_uid=f"data_changed_save_{model}")
    post_delete.connect(data_changed, sender=model, dispatch_uid=f"data_changed_delete_{model}")
    for field in model._meta.local_many_to_many:
        m2m_changed.connect(
            data_changed, sender=field.remote_field.through, dispatch_uid=f"data_changed_{field}"
        )


@receiver(post_save, sender=AgreementStatusChange)
@receiver(post_delete, sender=AgreementStatusChange)
def refresh_agreement_status(sender, instance, raw=False, **kwargs):
    if not raw:
        instance.agreement.refresh_status()


@receiver(post_save, sender=Participant)
def involve_participant_country(sender, instance, raw=False, **kwargs):
    """A participant's country is involved in the event; editors may add others, and a
    country stays involved when a participant is removed until an editor removes it."""
    if not raw and instance.country_id:
        EventCountry.objects.get_or_create(
            event_id=instance.event_id, country_id=instance.country_id
        )


@receiver(post_save, sender=Event)
def refresh_event_search_text(sender, instance, raw=False, **kwargs):
    if not raw:
        request_refresh([instance.pk])


@receiver(post_save, sender=Participant)
@receiver(post_delete, sender=Participant)
@receiver(post_save, sender=Statement)
@receiver(post_delete, sender=Statement)
def refresh_search_text_of_event(sender, instance, raw=False, **kwargs):
    """Participants' names and quotes are searched with the event's own text; a quote moved
    to another event leaves the first one too."""
    if not raw:
        request_refresh([instance.event_id, getattr(instance, "_loaded_event_id", None)])


@receiver(post_save, sender=Official)
@receiver(post_save, sender=OfficialName)
@receiver(post_delete, sender=OfficialName)
@receiver(post_save, sender=Organization)
def refresh_search_text_of_participants_events(sender, instance, raw=False, **kwargs):
    """A renamed official or organization, or a new spelling, is found in every event they
    took part in."""
    if raw:
        return
    if sender is OfficialName:
        taking_part = {"official_id": instance.official_id}
    elif sender is Official:
        taking_part = {"official_id": instance.pk}
    else:
        taking_part = {"organization_id": instance.pk}
    request_refresh(
        Participant.objects.filter(**taking_part).values_list("event_id", flat=True).distinct()
    )


@receiver(pre_delete, sender=Event)
def detach_quotes_and_agreements(sender, instance, **kwargs):
    """A deleted event's quotes and agreements stay, detached. Detach them one by one (the
    database would do it in one UPDATE) so that history records it and a restore can
    attach them again."""
    for related in (*instance.statements.all(), *instance.agreements.all()):
        related.event = None
        related._change_reason = detached_reason(instance.pk)
        related.save()
