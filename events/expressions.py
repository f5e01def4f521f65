"""Database expressions Django lacks, for building JSON in the database (events.projection).

Django 5.2 has JSONObject and JSONArray; what a list page also needs is an aggregate that
collects a correlated subquery's rows into one JSON array in their order, and a few
per-backend spellings (a UUID as text, a boolean as JSON, a timestamp in ISO form). Each is
an Expression with an `as_sqlite` / `as_postgresql` method: the ORM compiles them like its
own, with the aliases it chooses.
"""

from django.db import models
from django.db.models import Case, F, Func, Subquery, Value, When
from django.db.models.functions import Cast, JSONObject


class UUIDText(Func):
    """A UUIDField as dashed text ("0192f1e4-...")."""

    arity = 1
    output_field = models.TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="(%(expressions)s)::text")

    def as_sqlite(self, compiler, connection, **extra_context):
        # SQLite stores UUIDField as 32 hex digits.
        sql, params = compiler.compile(self.source_expressions[0])
        parts = [(1, 8), (9, 4), (13, 4), (17, 4), (21, 12)]
        text = " || '-' || ".join(f"substr({sql}, {start}, {size})" for start, size in parts)
        return f"({text})", params * len(parts)


class JSONBoolean(Func):
    """A boolean column as JSON true/false (SQLite keeps booleans as 1 and 0)."""

    arity = 1
    output_field = models.JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return compiler.compile(self.source_expressions[0])

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="json(CASE WHEN %(expressions)s THEN 'true' ELSE 'false' END)",
        )


class ISOTimestamp(Func):
    """A DateTimeField as its ISO text inside JSON ("2024-10-27T04:15:00+00:00"): what
    PostgreSQL writes for a timestamptz in UTC, and what SQLite's stored text becomes."""

    arity = 1
    output_field = models.TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        # The JSON text of a timestamptz, unquoted: ISO, in the session's zone (UTC).
        return self.as_sql(compiler, connection, template="(to_json(%(expressions)s) #>> '{}')")

    def as_sqlite(self, compiler, connection, **extra_context):
        # Django stores naive UTC text on SQLite: "2024-10-27 04:15:00[.ffffff]".
        return self.as_sql(
            compiler, connection, template="(replace(%(expressions)s, ' ', 'T') || '+00:00')"
        )


class Object(JSONObject):
    """JSONObject that keeps its keys in the order given on every backend: Django builds
    JSONB on PostgreSQL, which reorders keys; json_build_object keeps them."""

    def as_postgresql(self, compiler, connection, **extra_context):
        copy = self.copy()
        copy.set_source_expressions(
            [
                Cast(expression, models.TextField()) if index % 2 == 0 else expression
                for index, expression in enumerate(copy.get_source_expressions())
            ]
        )
        return Func.as_sql(copy, compiler, connection, function="JSON_BUILD_OBJECT")

    def as_sqlite(self, compiler, connection, **extra_context):
        return Func.as_sql(self, compiler, connection, function="JSON_OBJECT")


class Array(Func):
    """A JSON array of the values given, in order, nulls kept (json_build_array on
    PostgreSQL, json_array on SQLite)."""

    output_field = models.JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="JSON_BUILD_ARRAY", **extra_context)

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="JSON_ARRAY", **extra_context)


class JSONValue(Func):
    """Marks text that is JSON as JSON inside another JSON value (SQLite loses the mark
    through CASE and subqueries, and would quote it as a string)."""

    arity = 1
    output_field = models.JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return compiler.compile(self.source_expressions[0])

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="json(%(expressions)s)")


def object_or_null(present: str, value) -> JSONValue:
    """`value` (a JSON expression), or JSON null where the column `present` is NULL (a
    left join that found nothing: an absent official)."""
    return JSONValue(
        Case(When(**{f"{present}__isnull": False}, then=value), default=Value(None)),
        output_field=models.JSONField(),
    )


class JSONList(Subquery):
    """The rows of `queryset` (correlated to the outer query with OuterRef) as one JSON
    array, as text, in the order of `ordering`: one `item` per row, a JSON value
    (`json_items`) or a plain column; NULL or [] when there is none.

    PostgreSQL (and SQLite from 3.44) order inside the aggregate. Older SQLite has no ORDER
    BY there: it aggregates the ordered subquery in its order (it does not flatten a
    subquery with ORDER BY into an aggregate), which is what the inner ORDER BY is for."""

    output_field = models.TextField()

    def __init__(self, queryset, item, ordering=("pk",), json_items=True):
        self.ordering, self.json_items = tuple(ordering), json_items
        columns = {f"_o{i}": F(name.lstrip("-")) for i, name in enumerate(self.ordering)}
        super().__init__(queryset.order_by(*self.ordering).values(item=item, **columns))

    def as_sql(self, compiler, connection, template=None, **extra_context):
        inner, params = self.query.as_sql(compiler, connection)
        order = ", ".join(
            f"_rows._o{i}{' DESC' if name.startswith('-') else ''}"
            for i, name in enumerate(self.ordering)
        )
        if connection.vendor == "postgresql":
            sql = f"(SELECT json_agg(_rows.item ORDER BY {order})::text FROM {inner} _rows)"
            return sql, params
        item = "json(_rows.item)" if self.json_items else "_rows.item"
        if connection.Database.sqlite_version_info >= (3, 44):
            item = f"{item} ORDER BY {order}"
        return f"(SELECT json_group_array({item}) FROM {inner} _rows)", params
