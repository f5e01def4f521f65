"""Rows related to an event, as a JSON array the database builds inside the event query.

Read in queries of their own, a page's related rows (participants, countries, quotes...)
cost a query per kind and a Python conversion of every column of every row: most of a
list page's time. Built by the database as one JSON text per event (a correlated
subquery, as a hand-written query would do it), they cost one parse in C. SQLite
(json_object, json_array, json_group_array) and PostgreSQL (json_build_object,
json_build_array, json_agg) spell this differently; JsonSQL hides that.

The subqueries name the outer event by its table: use them in queries that select from
events_event at the top level (the API's and the timeline's readers do).
"""

import json
from datetime import UTC, date, datetime
from typing import NamedTuple

from django.db import connections
from django.db.models.expressions import RawSQL

from events.dates import FuzzyDate
from events.models import (
    Agreement,
    Citation,
    Country,
    Event,
    EventCountry,
    EventRelation,
    Official,
    Organization,
    Participant,
    Post,
    Source,
    Statement,
    Topic,
)

OUTER_EVENT = '"events_event"."id"'


class JsonSQL:
    """SQL expressions building JSON, for the database `using` names."""

    def __init__(self, using: str):
        self.postgresql = connections[using].vendor == "postgresql"

    def object(self, **fields: str) -> str:
        """A JSON object of SQL expressions, keys in the order given (json_build_object:
        jsonb would reorder them)."""
        function = "json_build_object" if self.postgresql else "json_object"
        pairs = ", ".join(f"'{key}', {value}" for key, value in fields.items())
        return f"{function}({pairs})"

    def array(self, *values: str) -> str:
        function = "json_build_array" if self.postgresql else "json_array"
        return f"{function}({', '.join(values)})"

    def boolean(self, column: str) -> str:
        """A boolean column as JSON true or false (SQLite keeps 1 and 0)."""
        if self.postgresql:
            return column
        return f"json(CASE WHEN {column} THEN 'true' ELSE 'false' END)"

    def uuid(self, column: str) -> str:
        """A UUIDField as text, dashed. SQLite keeps it as 32 hex digits."""
        if self.postgresql:
            return f"{column}::text"
        parts = [(1, 8), (9, 4), (13, 4), (17, 4), (21, 12)]
        return " || '-' || ".join(f"substr({column}, {start}, {size})" for start, size in parts)

    def optional(self, column: str, value: str) -> str:
        """`value` (JSON), or null where `column` is NULL (a left join found nothing). On
        SQLite, json() keeps it JSON: CASE drops the JSON subtype, which would make it a
        string inside the outer object."""
        case = f"CASE WHEN {column} IS NULL THEN NULL ELSE {value} END"
        return case if self.postgresql else f"json({case})"

    def rows(self, item: str, related: "Related") -> RawSQL:
        """A subquery: `item` (a JSON expression over `related`'s aliases) for each of the
        outer event's rows of `related`, in its order, as a JSON array in text; NULL for
        none.
        SQLite aggregates the ordered FROM subquery in its order (it does not flatten a
        subquery with ORDER BY into an aggregate); PostgreSQL orders inside json_agg."""
        tables, event, order = related
        if self.postgresql:
            sql = (
                f"SELECT json_agg({item} ORDER BY {order})::text FROM {tables} "
                f"WHERE {event} = {OUTER_EVENT}"
            )
        else:
            sql = (
                f"SELECT json_group_array(json(nested.item)) FROM (SELECT {item} AS item "
                f"FROM {tables} WHERE {event} = {OUTER_EVENT} ORDER BY {order}) AS nested"
            )
        return RawSQL(f"({sql})", [])


class Related(NamedTuple):
    """An event's rows of some kind: the tables joined (with the aliases items use), the
    column naming the event, the order."""

    tables: str
    event: str
    order: str


def _table(model) -> str:
    return model._meta.db_table


PARTICIPANTS = Related(
    f"{_table(Participant)} pa"
    f" LEFT JOIN {_table(Official)} o ON o.id = pa.official_id"
    f" LEFT JOIN {_table(Organization)} g ON g.id = pa.organization_id"
    f" LEFT JOIN {_table(Country)} c ON c.id = pa.country_id"
    f" LEFT JOIN {_table(Post)} ps ON ps.id = pa.post_id",
    event="pa.event_id",
    order="pa.id",
)
COUNTRIES = Related(
    f"{_table(EventCountry)} ec JOIN {_table(Country)} c ON c.id = ec.country_id",
    event="ec.event_id",
    order="c.name",
)
TOPICS = Related(
    f"{_table(Event.topics.through)} et JOIN {_table(Topic)} t ON t.id = et.topic_id",
    event="et.event_id",
    order="t.name",
)
AGREEMENTS = Related(f"{_table(Agreement)} ag", event="ag.event_id", order="ag.title, ag.id")
CITATIONS = Related(
    f"{_table(Citation)} ci"
    f" JOIN {_table(Source)} so ON so.id = ci.source_id"
    f" LEFT JOIN {_table(Organization)} pu ON pu.id = so.publisher_id",
    event="ci.event_id",
    order="ci.id",
)
STATEMENTS = Related(
    f"{_table(Statement)} st"
    f" JOIN {_table(Source)} so ON so.id = st.source_id"
    f" LEFT JOIN {_table(Official)} o ON o.id = st.official_id"
    f" LEFT JOIN {_table(Organization)} g ON g.id = st.organization_id",
    event="st.event_id",
    order="st.id",
)


# The other event's date, last in each relation's array (see relations_of).
OTHER_DATE = ("o.date_start", "o.date_end", "o.date_precision", "o.date_qualifier")


def related_events(sql: JsonSQL, direction: str, *columns: str) -> RawSQL:
    """rows() of the outer event's relations: "from" those it states ("precedes X"), "to"
    those stated of it. Each is an array of the relation's kind and note, `columns` of the
    event at the other end (alias `o`) and that event's date, in the order the relations
    were made."""
    own, other = ("from_event_id", "to_event_id")[:: 1 if direction == "from" else -1]
    relations = Related(
        f"{_table(EventRelation)} r JOIN {_table(Event)} o ON o.id = r.{other}",
        event=f"r.{own}",
        order="r.id",
    )
    return sql.rows(sql.array("r.kind", "r.note", *columns, *OTHER_DATE), relations)


def relations_of(row: dict) -> list[tuple[str, str, list, FuzzyDate]]:
    """The relations related_events() read into `row` ("relations_from_json" and
    "relations_to_json"), seen from the row's event: those it states first, then those
    stated of it, worded from its side ("follows" for a "precedes" stated of it). Each is
    (label, note, the other event's `columns`, its date)."""
    found = []
    for direction in ("from", "to"):
        for kind, note, *other, start, end, precision, qualifier in loads(
            row[f"relations_{direction}_json"]
        ):
            kind = EventRelation.Kind(kind)
            label = kind.label if direction == "from" else EventRelation.INVERSE_LABELS[kind]
            date = FuzzyDate.trusted(day(start), day(end), precision, qualifier)
            found.append((str(label), note, other, date))
    return found


def loads(text: str | None) -> list:
    """A rows() value as a list (an event with no rows reads NULL)."""
    return json.loads(text) if text else []


def timestamp(text: str | None) -> datetime | None:
    """A timestamp inside rows(): SQLite writes it as stored (naive, UTC), PostgreSQL in
    ISO form with its offset."""
    if text is None:
        return None
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def day(text: str) -> date:
    """A date inside rows(), as both databases write it (ISO)."""
    return date.fromisoformat(text)
