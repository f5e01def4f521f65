"""Restore a backup written by backup_data, replacing what the database holds."""

import sqlite3
import subprocess
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from events.derived import revision
from events.management.commands.backup_data import _base_env, pg_environment


class Command(BaseCommand):
    help = "Replace the database's contents with a backup (.dump, .sqlite3 or .json)."

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
        kind = {".dump": "postgresql", ".sqlite3": "sqlite", ".json": "json"}.get(file.suffix)
        if kind is None:
            raise CommandError("A backup ends in .dump (PostgreSQL), .sqlite3 or .json.")
        if kind not in ("json", connection.vendor):
            raise CommandError(
                f"{file.name} is a {kind} backup; this database is {connection.vendor}. "
                "Restore a --format json backup to move between databases."
            )
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
        else:
            # A JSON backup holds records, not the schema: migrate, empty, then load, in one
            # transaction so a bad file leaves the data as it was.
            call_command("migrate", database=database, verbosity=0)
            with transaction.atomic(using=database):
                call_command("flush", database=database, interactive=False, verbosity=0)
                call_command("loaddata", str(file), database=database, verbosity=0)
        # Pages clients hold of the data before the restore must not be taken as current.
        with transaction.atomic(using=database):
            revision.bump(using=database)
        self.stdout.write(f"Restored {file}.")
