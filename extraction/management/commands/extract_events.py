"""Read an article and print the events it reports, with dates resolved against its
publication date: the first draft editors get in admin, for scripts and checks."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from extraction.extract import MAX_TEXT_CHARS, ExtractionInputError, extract_from_input
from extraction.outlets import clean_home_country


class Command(BaseCommand):
    help = (
        "Print the candidate events of an article (a file, or - for standard input) as a "
        "table or as JSON. Nothing is saved."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The article's text file; - reads standard input.")
        parser.add_argument(
            "--published",
            required=True,
            help="Publication date, YYYY-MM-DD: what incomplete dates are resolved against.",
        )
        parser.add_argument("--format", choices=["table", "json"], default="table")
        parser.add_argument(
            "--home-country",
            help="The outlet's country, ISO alpha-2 (KR): the side a text leaves implied "
            '("the president visited Tokyo"). A dateline\'s country takes precedence.',
        )

    def handle(self, *args, path, published, format, home_country=None, **options):
        text = self.read(path)
        try:
            home_country = clean_home_country(home_country)
        except ExtractionInputError as error:
            raise CommandError(f"--home-country: {error.message}") from None
        try:
            candidates = extract_from_input(text, published, home_country)
        except ExtractionInputError as error:
            raise CommandError(error.message) from None
        if format == "json":
            rows = [candidate.as_dict() for candidate in candidates]
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        self.write_table(candidates)

    def read(self, path: str) -> str:
        # One character past the limit is enough to refuse a huge paste with its size.
        try:
            if path == "-":
                return sys.stdin.read(MAX_TEXT_CHARS + 1)
            with open(path, encoding="utf-8") as stream:
                return stream.read(MAX_TEXT_CHARS + 1)
        except FileNotFoundError:
            raise CommandError(f"No such file: {path}") from None
        except (IsADirectoryError, PermissionError) as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        except UnicodeDecodeError:
            raise CommandError(f"{path} is not UTF-8 text.") from None

    def write_table(self, candidates) -> None:
        columns = ("date", "precision", "type", "status", "countries", "officials", "sentence")
        rows = []
        for candidate in candidates:
            row = candidate.as_dict()
            sentence = row["sentence"]
            rows.append(
                (
                    row["date_label"],
                    row["date_precision"],
                    row["event_type"] + (" (background)" if row["background"] else ""),
                    row["status"],
                    ", ".join(row["countries"]),
                    ", ".join(row["officials"]),
                    sentence if len(sentence) <= 70 else sentence[:69] + "\u2026",
                )
            )
        widths = [max(len(str(r[i])) for r in [columns, *rows]) for i in range(len(columns))]
        for row in [columns, *rows]:
            self.stdout.write(
                "  ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)).rstrip()
            )
