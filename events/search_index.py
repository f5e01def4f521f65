"""SQLite's full-text index over Event.search_text (FTS5), kept in step by triggers.

The index holds no copy of the text (content=events_event): the triggers give it each
row's old and new text as rows are written, whichever way they are (the ORM, the
importer's inserts, loaddata, flush). PostgreSQL has its own full-text index (a GIN index
on the column, migration 0003) and needs none of this.

SQLite's schema editor changes a column by copying the table and dropping the old one,
which drops its triggers: after every migrate, `ensure()` puts back what is missing and
rebuilds the index from the table if it had to.
"""

TABLE = "events_event_fts"
TRIGGERS = {
    f"{TABLE}_insert": f"""AFTER INSERT ON events_event BEGIN
        INSERT INTO {TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    f"{TABLE}_delete": f"""AFTER DELETE ON events_event BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
    END""",
    f"{TABLE}_update": f"""AFTER UPDATE OF search_text ON events_event BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
        INSERT INTO {TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
}


def ensure(connection) -> bool:
    """Create the index and its triggers where missing (SQLite only); True when it had to,
    the index then rebuilt from the events table."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE name = %s OR (type = 'trigger' AND name IN "
            f"({', '.join(['%s'] * len(TRIGGERS))}))",
            [TABLE, *TRIGGERS],
        )
        present = {row[0] for row in cursor.fetchall()}
        if present == {TABLE, *TRIGGERS}:
            return False
        if TABLE not in present:
            cursor.execute(
                f"CREATE VIRTUAL TABLE {TABLE} USING fts5(search_text, content='events_event', "
                "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')"
            )
        for name, body in TRIGGERS.items():
            if name not in present:
                cursor.execute(f"CREATE TRIGGER {name} {body}")
        # Rows written while a trigger was missing are not in the index: read them all.
        cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")
    return True


def drop(connection):
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for name in TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
