"""On SQLite, a full-text index (FTS5) over Event.search_text, kept in step by triggers.

Text search on SQLite matched every word as a substring: a scan of every event, 2.6 s a
query at a million. PostgreSQL has its own full-text index (0003) and gets nothing here.
The index holds no copy of the text (content=events_event): the triggers give it each
row's old and new text as rows are written, whichever way they are (the ORM, the
importer's inserts, loaddata, flush).
"""

from django.db import migrations

TABLE = "events_event_fts"

CREATE = [
    f"""CREATE VIRTUAL TABLE {TABLE} USING fts5(
        search_text, content='events_event', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    f"""CREATE TRIGGER {TABLE}_insert AFTER INSERT ON events_event BEGIN
        INSERT INTO {TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    f"""CREATE TRIGGER {TABLE}_delete AFTER DELETE ON events_event BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
    END""",
    f"""CREATE TRIGGER {TABLE}_update AFTER UPDATE OF search_text ON events_event BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
        INSERT INTO {TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')",
]
DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {TABLE}_update",
    f"DROP TABLE IF EXISTS {TABLE}",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("events", "0009_official_name_index")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
