"""Runs of the importer beyond one file's rows: standard input, a batch the database
refuses, slugs that clash with editors' ones, and what the benchmark reads back."""

import io
import sys
import uuid
from datetime import date
from types import SimpleNamespace

import pytest
from django.db import connection, transaction

from events.models import Event, Official
from importing.api import Importer, import_file
from importing.reader import open_rows, open_text
from importing.writer import SqliteWriter
from tests import factories

pytestmark = pytest.mark.usefixtures("seeded")


def test_standard_input_is_read_for_a_dash(monkeypatch, import_events):
    data = b"external_id,date,type,title\nIN-1,2024-02-01,call,Piped in\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))

    outcome = import_events("-", "--no-progress")

    assert outcome.error is None, outcome.err
    event = Event.objects.get(external_id="IN-1")
    assert event.history.get().history_change_reason == "import <stdin>"


def test_a_batch_the_database_refuses_is_reported_and_the_import_goes_on(csv_file):
    path = csv_file(
        """
        external_id,date,type,title,participants
        R-1,2024-01-01,meeting,One,New Person|host|UA
        R-2,2024-01-02,meeting,Two,
        """
    )
    errors = []
    importer = Importer(batch_size=1, on_error=errors.append)
    # Taken after the importer loaded what exists: its new official's slug now clashes.
    factories.OfficialFactory(name="Someone Else", slug="new-person")
    stream, name = open_text(str(path))
    with stream:
        result = importer.run(open_rows(stream, name, importer.registry))

    assert errors and errors[0].startswith("lines 2-2: the database refused the batch:")
    assert (result.rejected_batches, result.events) == (1, 1)
    assert list(
        Event.objects.filter(external_id__startswith="R-").values_list("external_id", flat=True)
    ) == ["R-2"]
    assert not Official.objects.filter(name="New Person").exists()


def test_an_imported_slug_that_an_editor_already_took_is_numbered_on():
    factories.EventFactory(slug="2024-01-01-talks-987654")
    preparer = Importer().preparer
    row = SimpleNamespace(date_start=date(2024, 1, 1), title="Talks")

    with transaction.atomic():
        slugs = preparer.event_slugs([row, row], [987654, 987655])

    assert slugs == ["2024-01-01-talks-987654-2", "2024-01-01-talks-987655"]


def test_import_file_returns_counts_timings_and_the_prepared_rows(csv_file):
    path = csv_file("date,type,title,countries\n2024-02-01,call,Kept,UA;IN\n")

    result = import_file(str(path), keep_prepared=True)

    assert (result.events, result.created["eventcountry"], result.rejected_rows) == (1, 2, 0)
    assert set(result.seconds) >= {"setup", "read", "prepare", "write", "total"}
    (batch,) = result.prepared
    tables = {part.table: len(part.rows) for part in batch.tables}
    assert tables["events_event"] == tables["events_historicalevent"] == 1
    assert tables["events_eventcountry"] == tables["events_historicaleventcountry"] == 2


def test_imported_public_ids_are_time_ordered_uuids(csv_file):
    """Version 7: later batches sort after earlier ones, so each batch's ids land beside
    the last in the public-id indexes instead of anywhere in them."""
    path = csv_file(
        """
        external_id,date,type,title,participants
        T-1,2024-01-01,meeting,One,Ann Ordered|host|UA
        T-2,2024-01-02,meeting,Two,Ann Ordered|host|UA
        T-3,2024-01-03,meeting,Three,Ann Ordered|host|UA
        """
    )
    import_file(str(path), batch_size=1)

    events = list(Event.objects.filter(external_id__startswith="T-").order_by("external_id"))
    ids = [event.public_id for event in events]
    assert {(i.version, i.variant) for i in ids} == {(7, uuid.RFC_4122)}
    assert ids == sorted(ids, key=lambda i: i.bytes)
    participant = events[0].participants.get()
    assert participant.public_id.version == 7


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's page cache")
def test_a_sqlite_import_widens_the_page_cache(csv_file):
    path = csv_file("external_id,date,type,title\nC-1,2024-02-01,call,Cached\n")
    import_file(str(path))

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        assert cursor.fetchone()[0] == -SqliteWriter.CACHE_KIB


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner statistics")
def test_an_import_that_grows_a_table_renews_its_statistics(csv_file):
    """Planned with the statistics of the tables before it, the first queries after a
    large import pick plans for small tables (seen: 40 ms instead of 5 at a million)."""
    rows = "\n".join(f"S-{n},2024-02-01,call,Stat {n},UA;PL" for n in range(50))
    path = csv_file("external_id,date,type,title,countries\n" + rows + "\n")

    result = import_file(str(path))

    assert {"events_event", "events_eventcountry", "events_historicalevent"} <= set(result.analyzed)
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'events_event'")
        assert cursor.fetchone()[0] >= 50

    # A few rows more change the table by less than a tenth: no new ANALYZE.
    path = csv_file("external_id,date,type,title\nS-X,2024-02-02,call,One more\n")
    assert import_file(str(path)).analyzed == []
