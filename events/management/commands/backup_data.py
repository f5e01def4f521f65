"""Back up the database to a file: pg_dump on PostgreSQL, SQLite's online backup on SQLite,
or, with --format json, a portable dump of every record with natural keys (loads into
either database)."""

import os
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

# Everything but derived or rebuildable tables: sessions and content types come back on
# migrate; permissions too.
JSON_EXCLUDE = ["contenttypes", "auth.permission", "sessions", "admin.logentry"]


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
        suffix = {"json": ".json", "postgresql": ".dump", "sqlite": ".sqlite3"}
        kind = "json" if format == "json" else vendor
        if kind not in suffix:
            raise CommandError(f"No native backup for {vendor}; use --format json.")
        if output is None:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            output = Path(settings.BASE_DIR) / "backups" / f"{vendor}-{stamp}{suffix[kind]}"
        output.parent.mkdir(parents=True, exist_ok=True)

        if kind == "json":
            call_command(
                "dumpdata",
                natural_foreign=True,
                natural_primary=True,
                exclude=JSON_EXCLUDE,
                indent=1,
                output=str(output),
                database=database,
                verbosity=0,
            )
        elif kind == "postgresql":
            env = pg_environment(connection.settings_dict)
            result = subprocess.run(
                ["pg_dump", "--format=custom", "--no-owner", f"--file={output}"],
                env={**_base_env(), **env},
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                output.unlink(missing_ok=True)
                raise CommandError(f"pg_dump failed: {result.stderr.strip()}")
        else:
            connection.ensure_connection()
            # The online backup API copies a consistent snapshot while others write.
            with sqlite3.connect(output) as target:
                connection.connection.backup(target)
        self.stdout.write(str(output))


def _base_env() -> dict:
    return {k: v for k, v in os.environ.items() if not k.startswith("PG")}
