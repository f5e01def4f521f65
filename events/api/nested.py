"""The lists inside an API event (participants, agreements, sources, statements), built as
JSON by the database in the page's own query (events.json_sql), in the API's shape: keys
in the API's order, ids dashed. A test holds them to the rows they are read from."""

from django.db.models.expressions import RawSQL

from events.json_sql import JsonSQL
from events.models import (
    Agreement,
    Citation,
    Country,
    Official,
    Organization,
    Participant,
    Post,
    Source,
    Statement,
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
    tables = (
        f"{Participant._meta.db_table} pa"
        f" LEFT JOIN {Official._meta.db_table} o ON o.id = pa.official_id"
        f" LEFT JOIN {Organization._meta.db_table} g ON g.id = pa.organization_id"
        f" LEFT JOIN {Country._meta.db_table} c ON c.id = pa.country_id"
        f" LEFT JOIN {Post._meta.db_table} ps ON ps.id = pa.post_id"
    )
    return sql.rows(item, tables, event="pa.event_id", order="pa.id")


def agreements(sql: JsonSQL) -> RawSQL:
    item = sql.object(
        id=sql.uuid("ag.public_id"),
        title="ag.title",
        kind="ag.kind",
        status="ag.status",
        disclosed=sql.boolean("ag.disclosed"),
    )
    tables = f"{Agreement._meta.db_table} ag"
    return sql.rows(item, tables, event="ag.event_id", order="ag.title, ag.id")


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
    tables = (
        f"{Citation._meta.db_table} ci"
        f" JOIN {Source._meta.db_table} so ON so.id = ci.source_id"
        f" LEFT JOIN {Organization._meta.db_table} pu ON pu.id = so.publisher_id"
    )
    return sql.rows(item, tables, event="ci.event_id", order="ci.id")


def statements(sql: JsonSQL) -> RawSQL:
    item = sql.object(
        id=sql.uuid("st.public_id"),
        official=_ref(sql, "o"),
        organization=_ref(sql, "g"),
        text="st.text",
        source=sql.uuid("so.public_id"),
    )
    tables = (
        f"{Statement._meta.db_table} st"
        f" JOIN {Source._meta.db_table} so ON so.id = st.source_id"
        f" LEFT JOIN {Official._meta.db_table} o ON o.id = st.official_id"
        f" LEFT JOIN {Organization._meta.db_table} g ON g.id = st.organization_id"
    )
    return sql.rows(item, tables, event="st.event_id", order="st.id")


NESTED = {
    "participants": participants,
    "agreements": agreements,
    "sources": sources,
    "statements": statements,
}
