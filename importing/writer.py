"""Writing prepared rows: table layouts (which columns, in what order, and the matching
history table's columns), id allocation, and the writers: COPY on PostgreSQL, executemany
on SQLite.

The importer writes tuples, not model instances: at a million events, instances and
signals cost more than the database does. Everything signals would derive is derived
before (see prepare.py); the layouts read the models' fields so a new column with a
default is filled, and one the importer cannot fill stops it before it writes.
"""

import os
import time
from dataclasses import dataclass, field
from operator import itemgetter

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from psycopg.adapt import Dumper
from psycopg.pq import Format
from simple_history.models import HistoricalRecords

# The columns of a history row that say who changed what, when and why.
HISTORY_FIELDS = ("history_date", "history_change_reason", "history_type", "history_user_id")


@dataclass
class TableRows:
    """Rows for one table, in `columns` order, ready for the database."""

    table: str
    columns: tuple[str, ...]
    rows: list[tuple] = field(default_factory=list)


def _constant_default(model_field: models.Field, connection):
    """The value a column the importer does not fill gets: the field's default, which must
    not vary per row (a uuid4 default would be one value for every row)."""
    if model_field.has_default() and callable(model_field.default):
        raise ImproperlyConfigured(
            f"The importer does not fill {model_field.model.__name__}.{model_field.name}, "
            "whose default is computed per row: add it to the importer's columns."
        )
    value = model_field.get_default()
    if value is None and not model_field.null:
        raise ImproperlyConfigured(
            f"The importer does not fill {model_field.model.__name__}.{model_field.name}, "
            "which has no default: add it to the importer's columns."
        )
    return model_field.get_db_prep_save(value, connection)


class Layout:
    """How one model's new rows are written.

    `filled` names the attributes the importer computes, in the order its tuples hold
    them; the model's other columns follow with their (constant) defaults. The history
    row of a created record repeats the tracked fields and adds who, when and why,
    matched by name from the history model's own fields, so excluded fields stay out.
    """

    def __init__(self, model, filled: tuple[str, ...], connection, *, history_ids=False):
        self.model = model
        concrete = {f.attname: f for f in model._meta.concrete_fields}
        unknown = [name for name in filled if name not in concrete]
        if unknown:
            raise ImproperlyConfigured(f"{model.__name__} has no field {', '.join(unknown)}.")
        others = [f for name, f in concrete.items() if name not in filled]
        self.defaults = tuple(_constant_default(f, connection) for f in others)
        attnames = [*filled, *(f.attname for f in others)]
        self.columns = tuple(concrete[name].column for name in attnames)
        self.table = model._meta.db_table
        self.history_ids = history_ids
        self._history_layout(model.history.model, attnames, connection)

    def _history_layout(self, history_model, attnames: list[str], connection):
        taken, extra_columns, extra_values = [], [], []
        pk = history_model._meta.pk
        for history_field in history_model._meta.concrete_fields:
            name = history_field.attname
            if history_field is pk or name in HISTORY_FIELDS:
                continue
            if name in attnames:
                taken.append(name)
            else:
                extra_columns.append(history_field.column)
                extra_values.append(_constant_default(history_field, connection))
        self.history_table = history_model._meta.db_table
        self.history_pk = pk.column
        self.history_columns = tuple(
            [history_model._meta.get_field(n).column for n in taken]
            + extra_columns
            + ([pk.column] if self.history_ids else [])
            + [history_model._meta.get_field(n).column for n in HISTORY_FIELDS]
        )
        positions = [attnames.index(name) for name in taken]
        # itemgetter of one position returns a value, not a tuple.
        getter = itemgetter(*positions)
        self._pick = getter if len(positions) > 1 else (lambda row: (getter(row),))
        self._history_extra = tuple(extra_values)

    def table_rows(self) -> TableRows:
        return TableRows(self.table, self.columns)

    def history_rows(self) -> TableRows:
        return TableRows(self.history_table, self.history_columns)

    def history(self, rows: list[tuple], stamp: tuple, history_ids=None) -> list[tuple]:
        """History rows ("+") for `rows` (complete tuples of this layout). `stamp` is
        (history_date, change_reason, "+", user_id); `history_ids` when allocated here."""
        pick, extra = self._pick, self._history_extra
        if history_ids is None:
            tail = extra + stamp
            return [pick(row) + tail for row in rows]
        return [
            pick(row) + extra + (hid,) + stamp for row, hid in zip(rows, history_ids, strict=True)
        ]


class M2MHistoryLayout:
    """A many-to-many field's links (Event.topics) and their history: link rows are
    (id, record id, target id); each history row points to the history row of the record
    the link belongs to."""

    def __init__(self, model, field_name: str):
        m2m_field = model._meta.get_field(field_name)
        through = m2m_field.remote_field.through
        fields = {f.attname: f for f in through._meta.concrete_fields}
        filled = (
            "id",
            f"{m2m_field.m2m_field_name()}_id",
            f"{m2m_field.m2m_reverse_field_name()}_id",
        )
        if set(fields) != set(filled):
            raise ImproperlyConfigured(
                f"{through.__name__} has columns the importer does not fill: "
                f"{', '.join(sorted(set(fields) - set(filled)))}."
            )
        self.table = through._meta.db_table
        self.columns = tuple(fields[name].column for name in filled)
        history_model = HistoricalRecords.m2m_models[m2m_field]
        history_fk = history_model._meta.get_field("history")
        names = []
        for history_field in history_model._meta.concrete_fields:
            if history_field is history_model._meta.pk or history_field is history_fk:
                continue
            if history_field.attname not in filled:
                raise ImproperlyConfigured(
                    f"{history_model.__name__}.{history_field.name} is not on {through.__name__}."
                )
            names.append(history_field.attname)
        self.history_table = history_model._meta.db_table
        self.history_columns = (
            *(history_model._meta.get_field(name).column for name in names),
            history_fk.column,
        )
        self._pick = itemgetter(*(filled.index(name) for name in names))

    def history(self, rows: list[tuple], history_id_of: dict) -> list[tuple]:
        """`history_id_of` maps a record's id to the id of its history row."""
        pick = self._pick
        return [(*pick(row), history_id_of[row[1]]) for row in rows]


# Writers -------------------------------------------------------------------------------


_last_stamp = 0


def time_ordered_uuids(count: int) -> bytearray:
    """`count` version-7 UUIDs (RFC 9562) as 16 bytes each: the current Unix time in
    milliseconds, then randomness from one read of the OS. A batch's ids share their
    first bytes, so each lands beside the last in the public-id indexes; random (version
    4) ids would touch a page anywhere in them per row, which at millions of rows means
    a read and a write of a page not in the cache. uuid.uuid4() also costs five times as
    much per id, and an import makes several per event."""
    global _last_stamp
    raw = bytearray(os.urandom(16 * count))
    # Each call a later millisecond than the last, so batches sort in the order made
    # even when the clock has not moved on.
    stamp = _last_stamp = max(time.time_ns() // 1_000_000, _last_stamp + 1)
    raw[0::16], raw[1::16], raw[2::16], raw[3::16], raw[4::16], raw[5::16] = (
        bytes([stamp >> shift & 0xFF]) * count for shift in (40, 32, 24, 16, 8, 0)
    )
    raw[6::16] = bytes(b & 0x0F | 0x70 for b in raw[6::16])  # version 7
    raw[8::16] = bytes(b & 0x3F | 0x80 for b in raw[8::16])  # RFC 9562 variant
    return raw


class RawUUIDDumper(Dumper):
    """Writes a UUID given as its 16 bytes: binary COPY's format for uuid columns."""

    format = Format.BINARY

    def dump(self, obj):
        return obj


class Writer:
    """Allocates ids and writes TableRows on one connection, inside the caller's
    transaction."""

    def __init__(self, connection):
        self.connection = connection

    @staticmethod
    def for_connection(connection) -> "Writer":
        if connection.vendor == "postgresql":
            return PostgresWriter(connection)
        if connection.vendor == "sqlite":
            return SqliteWriter(connection)
        raise ImproperlyConfigured(
            f"The importer writes to PostgreSQL or SQLite, not {connection.vendor}."
        )

    def begin(self):
        """Called first in each batch's transaction."""

    def public_ids(self, count: int) -> list:
        """`count` new public ids, as this database stores them."""
        raise NotImplementedError

    def adapt_datetime(self, value):
        return value

    def allocate(self, table: str, column: str, count: int):
        raise NotImplementedError

    def write(self, tables: list[TableRows]):
        raise NotImplementedError

    def refresh_statistics(self, written: dict[str, int]) -> list[str]:
        """After an import, bring the planner's statistics up to date where the rows
        written (table -> count) changed a table by more than STALE; returns the tables
        analyzed. Without this, the first queries after a large import are planned for
        the tables as they were (autovacuum analyzes them only later)."""
        return []


class PostgresWriter(Writer):
    """COPY ... FROM STDIN in binary format: the types come from the catalog, so values
    go as Python objects without text formatting."""

    def __init__(self, connection):
        super().__init__(connection)
        self._sequences: dict[tuple, str] = {}
        self._types: dict[str, dict[str, int]] = {}

    def public_ids(self, count: int) -> list[bytes]:
        raw = time_ordered_uuids(count)
        return [bytes(raw[i : i + 16]) for i in range(0, 16 * count, 16)]

    def allocate(self, table: str, column: str, count: int) -> list[int]:
        if not count:
            return []
        with self.connection.cursor() as cursor:
            sequence = self._sequences.get((table, column))
            if sequence is None:
                cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, column])
                sequence = self._sequences[(table, column)] = cursor.fetchone()[0]
            # One round trip for the batch; nextval is safe beside concurrent writers.
            cursor.execute("SELECT nextval(%s) FROM generate_series(1, %s)", [sequence, count])
            return [row[0] for row in cursor.fetchall()]

    def _column_types(self, cursor, table: str) -> dict[str, int]:
        types = self._types.get(table)
        if types is None:
            cursor.execute(
                "SELECT attname, atttypid::int FROM pg_attribute "
                "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped",
                [table],
            )
            types = self._types[table] = dict(cursor.fetchall())
        return types

    def write(self, tables: list[TableRows]):
        quote = self.connection.ops.quote_name
        # The driver's errors, raised as Django's (IntegrityError, ...), as its cursor would.
        with self.connection.cursor() as cursor, self.connection.wrap_database_errors:
            raw = cursor.cursor  # psycopg's own cursor: Django's wrapper has no copy()
            # Public ids are 16 bytes (see public_ids): dumped as they are, on this cursor
            # only, for every uuid column.
            dumper = type("RawUUID", (RawUUIDDumper,), {"oid": raw.adapters.types["uuid"].oid})
            raw.adapters.register_dumper("importing.writer.RawUUID", dumper)
            for part in tables:
                if not part.rows:
                    continue
                types = self._column_types(cursor, part.table)
                columns = ", ".join(quote(c) for c in part.columns)
                sql = f"COPY {quote(part.table)} ({columns}) FROM STDIN (FORMAT BINARY)"
                with raw.copy(sql) as copy:
                    copy.set_types([types[c] for c in part.columns])
                    write_row = copy.write_row
                    for row in part.rows:
                        write_row(row)

    # Autovacuum's own threshold (autovacuum_analyze_scale_factor's default).
    STALE = 0.1

    def refresh_statistics(self, written: dict[str, int]) -> list[str]:
        tables = [table for table, count in written.items() if count]
        if not tables:
            return []
        quote = self.connection.ops.quote_name
        with self.connection.cursor() as cursor:
            # reltuples is the row count at the last ANALYZE (-1: never analyzed); the
            # import's own inserts do not change it.
            # to_regclass finds each table as ANALYZE will: through the search path.
            cursor.execute(
                "SELECT name, c.reltuples FROM unnest(%s::text[]) AS name "
                "JOIN pg_class c ON c.oid = to_regclass(quote_ident(name))",
                [tables],
            )
            known = dict(cursor.fetchall())
            stale = [t for t in tables if written[t] > self.STALE * max(known.get(t, -1), 0)]
            if stale:
                cursor.execute(f"ANALYZE {', '.join(quote(t) for t in stale)}")
        return stale


class SqliteWriter(Writer):
    """executemany in the batch's transaction. Ids are handed out by the importer: once
    the transaction holds SQLite's write lock nobody else can insert, so the ids after
    the largest ever used are free."""

    # SQLite caches 2 MB of pages by default: past a few hundred thousand events the
    # indexes an import updates outgrow it, and inserts read and write the same pages
    # again and again. The cache grows only as pages are read, up to this (in KiB).
    CACHE_KIB = 256 * 1024

    def __init__(self, connection):
        super().__init__(connection)
        self._next: dict[tuple, int] = {}
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = -{self.CACHE_KIB}")

    def public_ids(self, count: int) -> list[str]:
        # UUIDField's storage on databases without a uuid type: 32 hex digits.
        text = time_ordered_uuids(count).hex()
        return [text[i : i + 32] for i in range(0, 32 * count, 32)]

    def adapt_datetime(self, value):
        return self.connection.ops.adapt_datetimefield_value(value)

    def begin(self):
        self._next.clear()
        with self.connection.cursor() as cursor:
            # A write that changes nothing still takes the write lock, until commit.
            cursor.execute("UPDATE sqlite_sequence SET seq = seq WHERE 0")

    def allocate(self, table: str, column: str, count: int) -> range:
        key = (table, column)
        first = self._next.get(key)
        if first is None:
            quote = self.connection.ops.quote_name
            with self.connection.cursor() as cursor:
                cursor.execute(f"SELECT max({quote(column)}) FROM {quote(table)}")
                largest = cursor.fetchone()[0] or 0
                # AUTOINCREMENT never reuses an id, even a deleted one's.
                cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
                found = cursor.fetchone()
                first = max(largest, found[0] if found else 0) + 1
        self._next[key] = first + count
        return range(first, first + count)

    def write(self, tables: list[TableRows]):
        quote = self.connection.ops.quote_name
        with self.connection.cursor() as cursor, self.connection.wrap_database_errors:
            raw = cursor.cursor  # the driver's cursor, without Django's per-call wrapping
            for part in tables:
                if not part.rows:
                    continue
                columns = ", ".join(quote(c) for c in part.columns)
                marks = ", ".join(["%s"] * len(part.columns))
                raw.executemany(
                    f"INSERT INTO {quote(part.table)} ({columns}) VALUES ({marks})", part.rows
                )
