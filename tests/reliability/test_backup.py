"""make backup / make restore: a backup brings back exactly what was there."""

import os
import stat

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from events.models import Event, Participant, Statement

pytestmark = pytest.mark.django_db(transaction=True)


def snapshot():
    return (
        sorted(Event.objects.values_list("public_id", "title", "date_start")),
        Participant.objects.count(),
        Statement.objects.count(),
    )


def backup(tmp_path, fmt):
    call_command("load_seed", verbosity=0)
    suffix = {"json": ".jsonl", "postgresql": ".dump", "sqlite": ".sqlite3"}
    path = tmp_path / f"backup{suffix['json' if fmt == 'json' else connection.vendor]}"
    call_command("backup_data", format=fmt, output=path, stdout=open("/dev/null", "w"))
    assert path.stat().st_size > 0
    return path


@pytest.mark.parametrize("fmt", ["native", "json"])
def test_a_backup_is_readable_by_its_owner_only(tmp_path, fmt):
    old = os.umask(0o022)  # the usual umask, under which files are world-readable
    try:
        path = backup(tmp_path, fmt)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not list(tmp_path.glob(".*partial"))


@pytest.mark.parametrize("fmt", ["native", "json"])
def test_restore_brings_back_what_the_backup_held(tmp_path, fmt):
    path = backup(tmp_path, fmt)
    before = snapshot()
    Event.objects.filter(date_start="2024-10-26").delete()
    Event.objects.update(title="Vandalised")
    assert snapshot() != before
    call_command("restore_data", path, yes=True, stdout=open("/dev/null", "w"))
    connection.close()  # a native restore replaced the tables under this connection
    assert snapshot() == before


def test_restore_refuses_a_missing_file_or_a_foreign_format(tmp_path):
    call_command("load_seed", verbosity=0)
    before = snapshot()
    with pytest.raises(CommandError, match="No backup"):
        call_command("restore_data", tmp_path / "nothing.dump", yes=True)
    foreign = tmp_path / ("other.sqlite3" if connection.vendor == "postgresql" else "other.dump")
    foreign.write_bytes(b"not this database's kind")
    with pytest.raises(CommandError, match="format json"):
        call_command("restore_data", foreign, yes=True)
    assert snapshot() == before


def test_a_broken_json_backup_changes_nothing(tmp_path):
    call_command("load_seed", verbosity=0)
    before = snapshot()
    broken = tmp_path / "broken.json"
    broken.write_text('[{"model": "events.event", "fields": {"title": "no date"}}]')
    with pytest.raises(Exception):  # noqa: B017  (loaddata raises its own error types)
        call_command("restore_data", broken, yes=True)
    assert snapshot() == before


def test_a_json_backup_that_fails_half_way_changes_nothing(tmp_path):
    path = backup(tmp_path, "json")
    with open(path, "a") as stream:
        stream.write('{"model": "events.event", "pk": 1, "fields": {"date_start": "never"}}\n')
    Event.objects.update(title="Changed since")
    before = snapshot()
    with pytest.raises(Exception):  # noqa: B017  (the deserializer's own error types)
        call_command("restore_data", path, yes=True, stdout=open("/dev/null", "w"))
    assert snapshot() == before


def test_a_file_that_is_not_a_json_backup_is_refused_before_anything_changes(tmp_path):
    call_command("load_seed", verbosity=0)
    before = snapshot()
    other = tmp_path / "other.jsonl"
    other.write_text('{"model": "events.event", "pk": 1, "fields": {}}\n')
    with pytest.raises(CommandError, match="not a backup written by backup_data"):
        call_command("restore_data", other, yes=True)
    assert snapshot() == before
