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

from django.db import connections
from django.db.models.expressions import RawSQL

from events.models import Event, EventRelation

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

    def rows(self, item: str, tables: str, *, event: str, order: str) -> RawSQL:
        """A subquery: `item` (a JSON expression) for each row of `tables` whose `event`
        column is the outer event's, in `order`, as a JSON array in text; NULL for none.
        SQLite aggregates the ordered FROM subquery in its order (it does not flatten a
        subquery with ORDER BY into an aggregate); PostgreSQL orders inside json_agg."""
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


def related_events(sql: JsonSQL, direction: str, *columns: str) -> RawSQL:
    """rows() of the outer event's relations: "from" those it states ("precedes X"), "to"
    those stated of it. Each is an array of the relation's kind and note, then `columns`
    of the event at the other end (alias `o`), in the order the relations were made."""
    own, other = ("from_event_id", "to_event_id")[:: 1 if direction == "from" else -1]
    tables = f"{EventRelation._meta.db_table} r JOIN {Event._meta.db_table} o ON o.id = r.{other}"
    return sql.rows(sql.array("r.kind", "r.note", *columns), tables, event=f"r.{own}", order="r.id")


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
