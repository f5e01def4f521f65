"""Steps of the backup round-trip tests, run in a process of their own against the database
of DATABASE_URL: `python -m tests.reliability.backup_probe STEPS_AS_JSON`, each step a list
(["edit", tag], ["rows"], ["backup", path], ["restore", path], ["write"], ["search"]). Prints the
results of the steps that have one (rows, write), as a JSON list. Backups and restores go
through the commands `make backup FORMAT=json` and `make restore` run."""

import json
import os
import sys
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.apps import apps  # noqa: E402
from django.core.management import call_command  # noqa: E402


def edit(tag):
    """What editors do in a day: a change (and a change of topics, which history records
    too), a participant removed, an event deleted (its participants' and countries' history
    rows now name an event that is gone), a token issued, an admin log entry, a session."""
    from django.contrib.admin.models import CHANGE, LogEntry
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.sessions.backends.db import SessionStore

    from access.models import ApiToken
    from events.models import Event, Participant, Topic
    from tests import factories

    editor = factories.editor(username=f"editor-{tag}".replace(" ", "-"))
    events = list(Event.objects.order_by("pk"))
    events[0].title += f" (edited {tag})"
    events[0].save()
    events[0].topics.add(*Topic.objects.order_by("pk")[:2])
    Participant.objects.filter(event=events[1]).order_by("pk").first().delete()
    events[2].delete()
    ApiToken.issue(editor, f"script {tag}", "write")
    LogEntry.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(Event),
        object_id=str(events[0].pk),
        object_repr=tag,
        action_flag=CHANGE,
        change_message="[]",
    )
    session = SessionStore()
    session["editor"] = editor.pk
    session.create()


def rows():
    """Every row of every model's table, read through the ORM (so that both databases'
    values compare as Python values), independently of the backup code."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        fields = [f.attname for f in model._meta.concrete_fields]
        query = model._base_manager.order_by("pk").values_list(*fields)
        tables[model._meta.label] = [list(row) for row in query]
    return tables


def write():
    """A restored database takes new records (PostgreSQL's sequences are past the restored
    ids) and their history; the number of history rows written."""
    from events.models import Event
    from tests import factories

    event = factories.EventFactory(title="Written after the restore")
    event.title += " and changed"
    event.save()
    event.delete()
    return Event.history.filter(title__startswith="Written after").count()


def search():
    """SQLite's full-text index agrees with the events table after a restore (its triggers
    saw every row go and come): (events it finds for "Modi", events whose text has it)."""
    from django.db import connection

    from events.models import Event

    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO events_event_fts(events_event_fts, rank) VALUES ('integrity-check', 1)"
        )
        cursor.execute("SELECT count(*) FROM events_event_fts WHERE events_event_fts MATCH 'modi'")
        found = cursor.fetchone()[0]
    return found, Event.objects.filter(search_text__icontains="modi").count()


def main(steps):
    results = []
    for name, *args in steps:
        if name == "edit":
            edit(*args)
        elif name == "backup":
            call_command(
                "backup_data", format="json", output=Path(args[0]), stdout=open(os.devnull, "w")
            )
        elif name == "restore":
            call_command("restore_data", Path(args[0]), yes=True, stdout=open(os.devnull, "w"))
        else:
            results.append({"rows": rows, "write": write, "search": search}[name]())
    print(json.dumps(results, default=str))


if __name__ == "__main__":
    main(json.loads(sys.argv[1]))
