"""On SQLite, a full-text index (FTS5) over Event.search_text, kept in step by triggers
(see events.search_index). Text search matched every word as a substring: a scan of every
event, 2.6 s a query at a million. Nothing changes on PostgreSQL."""

from django.db import migrations

from events import search_index


def create(apps, schema_editor):
    search_index.ensure(schema_editor.connection)


def drop(apps, schema_editor):
    search_index.drop(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("events", "0009_official_name_index")]

    operations = [migrations.RunPython(create, drop)]
