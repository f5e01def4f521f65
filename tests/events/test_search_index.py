"""Text search through the database's full-text index, on either database: words are
matched with English stemming (on SQLite each also as the start of a longer word); what a
reader types is text, never query syntax; the SQLite index follows every kind of write."""

import pytest
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection

from events import search_index
from events.models import Event, Participant
from importing.api import import_file
from tests import factories
from tests.writes import delete, save

pytestmark = pytest.mark.django_db


def titles(text):
    return sorted(Event.objects.search(text).values_list("title", flat=True))


def test_words_match_stemmed():
    factories.EventFactory(title="Defence ministers meeting")
    factories.EventFactory(title="Talks on investments")
    assert titles("meetings") == ["Defence ministers meeting"]
    assert titles("investment") == ["Talks on investments"]
    assert titles("defence investments") == []


@pytest.mark.skipif(connection.vendor != "sqlite", reason="prefixes: SQLite's search only")
def test_on_sqlite_a_word_also_matches_as_a_prefix():
    factories.EventFactory(title="Zelenskyy meets defence ministers")
    assert titles("Zelensk minister") == ["Zelenskyy meets defence ministers"]


@pytest.mark.parametrize(
    "text", ['"', '" OR "', "NEAR(", "*", "-", "( )", "title:x", "a AND", "^", "'; --"]
)
def test_query_syntax_in_the_text_is_text(text):
    factories.EventFactory(title="Anything")
    assert list(Event.objects.search(text)) == []


def test_punctuation_beside_words_is_dropped_as_on_postgresql():
    factories.EventFactory(title="Grain corridor talks")
    assert titles("( grain") == ["Grain corridor talks"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index")
def test_the_sqlite_index_follows_inserts_updates_deletes_and_imports(tmp_path):
    event = factories.EventFactory(title="First title")
    gone = factories.EventFactory(title="Deleted soon")
    save(Participant(event=event, official=factories.OfficialFactory(name="Ann Lee")))
    event.title = "Second title"
    save(event)
    delete(gone)
    path = tmp_path / "events.csv"
    path.write_text("external_id,date,type,title\nF-1,2024-02-01,call,Imported words\n")
    import_file(str(path))

    assert titles("first") == [] and titles("second") == ["Second title"]
    assert titles("Lee") == ["Second title"]
    assert titles("deleted") == [] and titles("imported") == ["Imported words"]
    with connection.cursor() as cursor:
        # Raises when the index and the events table disagree.
        cursor.execute("INSERT INTO events_event_fts(events_event_fts) VALUES ('integrity-check')")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index")
def test_after_a_migrate_that_dropped_the_triggers_they_are_back_and_rows_indexed():
    """SQLite's schema editor rebuilds a table to change a column, dropping its triggers;
    post_migrate puts them back and reindexes what was written meanwhile."""
    with connection.cursor() as cursor:
        for name in search_index.TRIGGERS:  # as dropping the table does
            cursor.execute(f"DROP TRIGGER {name}")
    factories.EventFactory(title="Written without the trigger")
    assert titles("without") == []

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    assert titles("without") == ["Written without the trigger"]
    assert search_index.ensure(connection) is False  # all there now
