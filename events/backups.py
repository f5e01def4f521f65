"""Portable backups (`make backup FORMAT=json`): every row of every table, loadable into
SQLite or PostgreSQL, and restored exactly as it was.

The file is JSON Lines: a header (what wrote it, from which database, at which migrations),
then one Django record a line, model after model, each with its primary key. Primary keys,
not natural keys: history rows point at records since deleted (a deleted event's
participants), which have no natural key to write any more, and a restore must give every
row back under the id it had. The links of many-to-many fields are tables of their own here
(with their ids), not lists inside their records; content types and permissions are
records too, so whatever points at them (permissions of groups, admin log entries) stays
right. Sessions are left out: they are live credentials, not data.

A restore empties every table and inserts the records as they are, raw: no save() and no
signal, so nothing is derived or recorded again (simple_history would otherwise add a
history row, dated now, for every record whose many-to-many links are set), then sets
PostgreSQL's sequences past the largest ids. It is one transaction: a file that fails
half-way leaves the database as it was.
"""

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, time
from pathlib import Path
from typing import IO

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers import jsonl
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connections, router, transaction
from django.db.migrations.recorder import MigrationRecorder

FORMAT = "diplomatic-timeline backup"
VERSION = 1
# Live credentials: a restore signs everyone out rather than bring back old sessions. The
# data's revision is the running database's own: a restore makes a new one.
LEFT_OUT = {"sessions.session", "events.revision"}
BATCH = 1000


class BackupError(Exception):
    """The file is not a backup this code can restore; nothing was changed."""


def backed_up_models(using: str) -> list:
    """Every model whose table is in the database, many-to-many link tables included, in a
    stable order; less what is left out."""
    models = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if not meta.managed or meta.proxy or meta.swapped or meta.label_lower in LEFT_OUT:
            continue
        if router.allow_migrate_model(using, model):
            models.append(model)
    return models


def private_file(path: Path) -> IO:
    """`path` opened for writing, readable by its owner only (0600), whatever the umask:
    a backup holds every account's password hash and every token's hash."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    return os.fdopen(fd, "w", encoding="utf-8")


class ExactEncoder(DjangoJSONEncoder):
    """Times to the microsecond, as they are stored: Django's encoder cuts them to the
    millisecond (as JavaScript's dates have it), so a dumpdata does not give them back."""

    def default(self, o):
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


class RecordSerializer(jsonl.Serializer):
    """Django's JSON Lines records, without the many-to-many lists: each link table is
    written as a model of its own, so its rows keep their ids (and a record needs no query
    per field to list its links)."""

    def handle_m2m_field(self, obj, field):
        pass


@contextmanager
def snapshot(connection):
    """Reads that all see the database at one moment, while others go on writing."""
    if connection.vendor == "postgresql":
        with transaction.atomic(using=connection.alias):
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    elif connection.vendor == "sqlite":
        # Not atomic(): its BEGIN IMMEDIATE would hold the write lock, and every editor's
        # save would wait, for the whole dump. A deferred read transaction in WAL mode
        # reads one snapshot and blocks nobody.
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("COMMIT")
    else:
        with transaction.atomic(using=connection.alias):
            yield


def applied_migrations(connection) -> list[list[str]]:
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def dump(stream: IO, using: str) -> int:
    """Write every backed-up row to `stream`; the number of records."""
    connection = connections[using]
    count = 0
    with snapshot(connection):
        header = {
            "format": FORMAT,
            "version": VERSION,
            "written_at": datetime.now(UTC).isoformat(),
            "database": connection.vendor,
            "migrations": applied_migrations(connection),
        }
        stream.write(json.dumps(header) + "\n")
        for model in backed_up_models(using):
            rows = model._base_manager.using(using).order_by(model._meta.pk.attname)
            serializer = RecordSerializer()
            serializer.serialize(rows.iterator(chunk_size=2000), stream=stream, cls=ExactEncoder)
            count += rows.count()
    return count


def read_header(path: Path) -> dict:
    """The header of a backup file, or BackupError if it is not one."""
    with open(path, encoding="utf-8") as stream:
        try:
            header = json.loads(stream.readline())
        except ValueError:
            header = None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BackupError(f"{path.name} is not a backup written by backup_data --format json.")
    if header.get("version") != VERSION:
        raise BackupError(f"{path.name} is a version {header.get('version')} backup.")
    return header


def check_migrations(header: dict, using: str) -> None:
    """Records fit the schema they were written from: refuse a backup made by code with
    migrations this database has not got (newer code)."""
    unknown = {tuple(m) for m in header["migrations"]} - {
        tuple(m) for m in applied_migrations(connections[using])
    }
    if unknown:
        names = ", ".join(f"{app}.{name}" for app, name in sorted(unknown)[:5])
        raise BackupError(
            f"The backup was made by newer code (migrations {names} are not applied here); "
            "restore it with the version that made it."
        )


def _records(path: Path, using: str) -> Iterator:
    with open(path, encoding="utf-8") as stream:
        stream.readline()  # the header
        yield from serializers.deserialize("jsonl", stream, using=using)


def load(path: Path, using: str) -> int:
    """Replace the database's contents with the backup at `path` (its header read and its
    migrations checked first); the number of records. One transaction."""
    connection = connections[using]
    models = set(backed_up_models(using))
    with transaction.atomic(using=using):
        tables = connection.introspection.django_table_names(only_existing=True)
        connection.ops.execute_sql_flush(
            connection.ops.sql_flush(no_style(), tables, reset_sequences=True)
        )
        count = 0
        batch, model = [], None
        for record in _records(path, using):
            obj = record.object
            if type(obj) not in models:
                raise BackupError(f"A backup holds no {obj._meta.label} records.")
            if obj.pk is None or record.m2m_data:
                raise BackupError("Records without primary keys are not a backup_data backup.")
            if type(obj) is not model or len(batch) >= BATCH:
                _insert(model, batch, using)
                batch, model = [], type(obj)
            batch.append(obj)
            count += 1
        _insert(model, batch, using)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), list(models)):
                cursor.execute(sql)
    # Content types are cached by id in the process; the ids may be others now.
    ContentType.objects.clear_cache()
    return count


def _insert(model, objs, using):
    """Insert the rows as they are: raw, as loaddata saves, so that no field fills itself
    in (auto_now, defaults), and without save() or signals, which loaddata would send."""
    if not objs:
        return
    fields = [f for f in model._meta.local_concrete_fields if not f.generated]
    size = max(1, connections[using].ops.bulk_batch_size(fields, objs))
    for start in range(0, len(objs), size):
        model._base_manager.using(using)._insert(
            objs[start : start + size], fields=fields, using=using, raw=True
        )
