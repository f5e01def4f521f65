"""An event's participants as the API writes them, built as JSON text by the database.

Read as rows, a page of fifty events brings a couple of hundred participant rows, each
converted column by column (four public ids among them) and shaped into nested dicts in
Python: more than half of a list page's time. The database builds the same JSON in the
page's own query instead (a correlated subquery per event, as a hand-written query would),
and Python parses it in C. A test holds the shape to EventSerializer's.

The outer event is referred to by its table name: the reader's queries select from
events_event at the top level.
"""

from django.db import connections
from django.db.models.expressions import RawSQL


def _sqlite_uuid(column: str) -> str:
    # SQLite keeps a UUIDField as 32 hex digits; the API writes the dashed form.
    parts = [(1, 8), (9, 4), (13, 4), (17, 4), (21, 12)]
    return " || '-' || ".join(f"substr({column}, {start}, {length})" for start, length in parts)


# One object per participant, keys in the API's order. On SQLite, json() keeps a nested
# object JSON (not a string) where CASE or a subquery column would drop its JSON subtype;
# rows are ordered in the FROM subquery, which SQLite does not flatten into an aggregate.
SQLITE = f"""
SELECT json_group_array(json(p.item)) FROM (
  SELECT json_object(
    'id', {_sqlite_uuid("pa.public_id")},
    'official', json(CASE WHEN o.id IS NULL THEN NULL ELSE json_object(
      'id', {_sqlite_uuid("o.public_id")}, 'name', o.name, 'slug', o.slug) END),
    'organization', json(CASE WHEN g.id IS NULL THEN NULL ELSE json_object(
      'id', {_sqlite_uuid("g.public_id")}, 'name', g.name, 'slug', g.slug) END),
    'country', c.iso_alpha2,
    'role', pa.role,
    'post', json(CASE WHEN ps.id IS NULL THEN NULL ELSE json_object(
      'id', {_sqlite_uuid("ps.public_id")}, 'title', ps.title) END),
    'note', pa.note
  ) AS item
  FROM events_participant pa
  LEFT JOIN events_official o ON o.id = pa.official_id
  LEFT JOIN events_organization g ON g.id = pa.organization_id
  LEFT JOIN events_country c ON c.id = pa.country_id
  LEFT JOIN events_post ps ON ps.id = pa.post_id
  WHERE pa.event_id = "events_event"."id"
  ORDER BY pa.id
) AS p"""

# json_build_object, not jsonb_build_object: jsonb would reorder the keys.
POSTGRESQL = """
SELECT json_agg(json_build_object(
    'id', pa.public_id::text,
    'official', CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object(
      'id', o.public_id::text, 'name', o.name, 'slug', o.slug) END,
    'organization', CASE WHEN g.id IS NULL THEN NULL ELSE json_build_object(
      'id', g.public_id::text, 'name', g.name, 'slug', g.slug) END,
    'country', c.iso_alpha2,
    'role', pa.role,
    'post', CASE WHEN ps.id IS NULL THEN NULL ELSE json_build_object(
      'id', ps.public_id::text, 'title', ps.title) END,
    'note', pa.note
  ) ORDER BY pa.id)::text
FROM events_participant pa
LEFT JOIN events_official o ON o.id = pa.official_id
LEFT JOIN events_organization g ON g.id = pa.organization_id
LEFT JOIN events_country c ON c.id = pa.country_id
LEFT JOIN events_post ps ON ps.id = pa.post_id
WHERE pa.event_id = "events_event"."id"
"""

SQL = {"sqlite": SQLITE, "postgresql": POSTGRESQL}


def participants_json(using: str) -> RawSQL:
    """The outer event's participants as a JSON array (text; NULL when it has none)."""
    return RawSQL(f"({SQL[connections[using].vendor]})", [])
