"""Restore a backup written by backup_data, replacing what the database holds."""

import sqlite3
import subprocess
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from events import backups
from events.derived import revision
from events.management.commands.backup_data import _base_env, pg_environment

KINDS = {".dump": "postgresql", ".sqlite3": "sqlite", ".jsonl": "json", ".json": "legacy json"}


class Command(BaseCommand):
    help = "Replace the database's contents with a backup (.dump, .sqlite3 or .jsonl)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask before replacing the data."
        )

    def handle(self, *args, file, database, yes, **options):
        if not file.is_file():
            raise CommandError(f"No backup at {file}.")
        connection = connections[database]
        kind = KINDS.get(file.suffix)
        if kind is None:
            raise CommandError("A backup ends in .dump (PostgreSQL), .sqlite3 or .jsonl.")
        if kind not in ("json", "legacy json", connection.vendor):
            raise CommandError(
                f"{file.name} is a {kind} backup; this database is {connection.vendor}. "
                "Restore a --format json backup to move between databases."
            )
        if kind == "json":
            try:
                backups.read_header(file)
            except backups.BackupError as error:
                raise CommandError(str(error)) from None
        if not yes and input(f"Replace everything in the database with {file}? [y/N] ") != "y":
            raise CommandError("Nothing restored.")

        if kind == "postgresql":
            connection.close()
            result = subprocess.run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    f"--dbname={connection.settings_dict['NAME']}",
                    str(file),
                ],
                env={**_base_env(), **pg_environment(connection.settings_dict)},
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                raise CommandError(f"pg_restore failed; nothing changed: {result.stderr.strip()}")
        elif kind == "sqlite":
            connection.ensure_connection()
            with sqlite3.connect(file) as source:
                source.backup(connection.connection)
        elif kind == "json":
            # The file holds rows, not the schema: bring the schema up to date, check the
            # rows fit it, then replace them all in one transaction.
            call_command("migrate", database=database, verbosity=0)
            try:
                backups.check_migrations(backups.read_header(file), database)
                count = backups.load(file, database)
            except backups.BackupError as error:
                raise CommandError(f"{error} Nothing changed.") from None
            self.stdout.write(f"Restored {count} records.")
        else:
            # A dump of natural-key records, as backup_data wrote before the .jsonl format:
            # loaded as before (loaddata); make a new backup once it is restored.
            call_command("migrate", database=database, verbosity=0)
            with transaction.atomic(using=database):
                call_command("flush", database=database, interactive=False, verbosity=0)
                call_command("loaddata", str(file), database=database, verbosity=0)
        # Pages clients hold of the data before the restore must not be taken as current.
        with transaction.atomic(using=database):
            revision.bump(using=database)
        self.stdout.write(f"Restored {file}.")
