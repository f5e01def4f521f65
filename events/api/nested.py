"""The lists inside an API event (countries, topics, participants, agreements, sources,
statements), built as JSON by the database in the page's own query (events.json_sql), in
the API's shape: keys in the API's order, ids dashed. A test holds them to the rows they
are read from."""

from django.db.models.expressions import RawSQL

from events.json_sql import (
    AGREEMENTS,
    CITATIONS,
    COUNTRIES,
    PARTICIPANTS,
    STATEMENTS,
    TOPICS,
    JsonSQL,
)


def _ref(sql: JsonSQL, alias: str) -> str:
    """{"id", "name", "slug"} of the official or organization joined as `alias`, or null."""
    record = sql.object(
        id=sql.uuid(f"{alias}.public_id"), name=f"{alias}.name", slug=f"{alias}.slug"
    )
    return sql.optional(f"{alias}.id", record)


def participants(sql: JsonSQL) -> RawSQL:
    item = sql.object(
        id=sql.uuid("pa.public_id"),
        official=_ref(sql, "o"),
        organization=_ref(sql, "g"),
        country="c.iso_alpha2",
        role="pa.role",
        post=sql.optional("ps.id", sql.object(id=sql.uuid("ps.public_id"), title="ps.title")),
        note="pa.note",
    )
    return sql.rows(item, PARTICIPANTS)


def agreements(sql: JsonSQL) -> RawSQL:
    item = sql.object(
        id=sql.uuid("ag.public_id"),
        title="ag.title",
        kind="ag.kind",
        status="ag.status",
        disclosed=sql.boolean("ag.disclosed"),
    )
    return sql.rows(item, AGREEMENTS)


def sources(sql: JsonSQL) -> RawSQL:
    """Citations with their source. published_at is as the database writes a timestamp:
    events.api.reading puts it in ISO form."""
    item = sql.object(
        id=sql.uuid("so.public_id"),
        url="so.url",
        headline="so.headline",
        publisher="pu.name",
        published_at="so.published_at",
        excerpt="ci.excerpt",
    )
    return sql.rows(item, CITATIONS)


def statements(sql: JsonSQL) -> RawSQL:
    item = sql.object(
        id=sql.uuid("st.public_id"),
        official=_ref(sql, "o"),
        organization=_ref(sql, "g"),
        text="st.text",
        source=sql.uuid("so.public_id"),
    )
    return sql.rows(item, STATEMENTS)


# The event's countries and topics, as their codes and slugs (one-value arrays, which
# events.api.reading flattens and sorts).
CODES = {
    "countries": lambda sql: sql.rows(sql.array("c.iso_alpha2"), COUNTRIES),
    "topics": lambda sql: sql.rows(sql.array("t.slug"), TOPICS),
}
NESTED = {
    "participants": participants,
    "agreements": agreements,
    "sources": sources,
    "statements": statements,
}
