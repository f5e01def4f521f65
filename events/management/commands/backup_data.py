"""Back up the database to a file: pg_dump on PostgreSQL, SQLite's online backup on SQLite,
or, with --format json, a portable dump of every row with its primary key (events.backups:
restores exactly, into either database). Every backup is readable by its owner only."""

import os
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from events import backups

SUFFIX = {"json": ".jsonl", "postgresql": ".dump", "sqlite": ".sqlite3"}


def pg_environment(db: dict) -> dict:
    env = {"PGDATABASE": db["NAME"]}
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if db.get(key):
            env[var] = str(db[key])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


class Command(BaseCommand):
    help = "Write a backup of the database to backups/ (or --output) and print its path."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="File to write (default: backups/...).")
        parser.add_argument(
            "--format",
            choices=["native", "json"],
            default="native",
            help="native: pg_dump or a SQLite copy (fast, exact); json: portable records.",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, output, format, database, **options):
        connection = connections[database]
        vendor = connection.vendor
        kind = "json" if format == "json" else vendor
        if kind not in SUFFIX:
            raise CommandError(f"No native backup for {vendor}; use --format json.")
        if output is None:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            folder = Path(settings.BASE_DIR) / "backups"
            folder.mkdir(mode=0o700, exist_ok=True)
            output = folder / f"{vendor}-{stamp}{SUFFIX[kind]}"
        output.parent.mkdir(parents=True, exist_ok=True)
        # Written beside the target and renamed when complete: a backup that failed half-way
        # never looks like one.
        partial = output.with_name(f".{output.name}.partial")
        try:
            if kind == "json":
                with backups.private_file(partial) as stream:
                    backups.dump(stream, database)
            elif kind == "postgresql":
                with backups.private_file(partial) as stream:
                    result = subprocess.run(
                        ["pg_dump", "--format=custom", "--no-owner"],
                        env={**_base_env(), **pg_environment(connection.settings_dict)},
                        stdout=stream,
                        stderr=subprocess.PIPE,
                        text=True,
                    )
                if result.returncode != 0:
                    raise CommandError(f"pg_dump failed: {result.stderr.strip()}")
            else:
                backups.private_file(partial).close()
                connection.ensure_connection()
                # The online backup API copies a consistent snapshot while others write; the
                # copy leaves WAL mode so that it is one self-contained file.
                with sqlite3.connect(partial) as target:
                    connection.connection.backup(target)
                    target.execute("PRAGMA journal_mode=DELETE")
                target.close()
            partial.replace(output)
        finally:
            partial.unlink(missing_ok=True)
        self.stdout.write(str(output))


def _base_env() -> dict:
    return {k: v for k, v in os.environ.items() if not k.startswith("PG")}
