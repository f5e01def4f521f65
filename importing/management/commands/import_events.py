"""Bulk import of events from a CSV file: every row checked, batches written whole or not
at all, nothing imported twice. See docs/importing.md."""

import textwrap
from argparse import RawDescriptionHelpFormatter

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from importing.api import ImportFileError, import_file
from importing.columns import help_text
from importing.presets import PRESETS
from importing.run import DEFAULT_BATCH_SIZE


class Command(BaseCommand):
    help = (
        textwrap.fill(
            "Import events from a CSV file (- reads standard input). Rows are checked; a "
            "batch with a bad row is reported by line and none of it is written; rows "
            "already imported (same external_id, or same source_url, dates and title) are "
            "skipped. See docs/importing.md.",
            88,
        )
        + "\n\nColumns (header names; --map renames others onto them):\n"
        + help_text()
        + "\n\nPresets:\n"
        + "\n".join(
            textwrap.fill(
                f"{name}: {preset.description}",
                88,
                initial_indent="  ",
                subsequent_indent="      ",
            )
            for name, preset in PRESETS.items()
        )
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter  # keep the column list's lines
        return parser

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV file; - reads standard input.")
        parser.add_argument("--preset", help=f"Read a data set's export: {', '.join(PRESETS)}.")
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="SRC=TARGET",
            help="Rename the file's column SRC to TARGET (repeatable).",
        )
        parser.add_argument("--delimiter", help="Field separator (default , ; tab for gdelt).")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=DEFAULT_BATCH_SIZE,
            help=f"Rows per transaction (default {DEFAULT_BATCH_SIZE}).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report; write nothing."
        )
        parser.add_argument("--user", help="Username recorded in history as the author.")
        parser.add_argument("--no-progress", action="store_true", help="No progress line.")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, **options):
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        user = None
        if options["user"]:
            users = get_user_model()._default_manager.db_manager(options["database"])
            try:
                user = users.get_by_natural_key(options["user"])
            except users.model.DoesNotExist:
                raise CommandError(f"No user named {options['user']!r}.") from None
        try:
            result = import_file(
                options["file"],
                preset=options["preset"],
                mapping=options["map"],
                delimiter=options["delimiter"],
                batch_size=options["batch_size"],
                dry_run=options["dry_run"],
                user=user,
                using=options["database"],
                on_error=self.stderr.write,
                progress_stream=None if options["no_progress"] else self.stderr,
            )
        except ImportFileError as error:
            raise CommandError(str(error)) from None
        for line in result.summary():
            self.stdout.write(line)
        if result.rejected_batches:
            raise CommandError(
                f"Rows were rejected ({result.rejected_rows:,}); fix the lines reported and "
                "run the import again: what was imported is skipped."
            )
