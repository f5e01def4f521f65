"""Load people with their posts and tenures from a Wikidata query result, a Popolo /
EveryPolitician file or a CSV (docs/importing.md), so the extractor knows who held which post
when. Re-running a file creates nothing; a bad file writes nothing."""

import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from events.services.people import officials_import
from importing.officials import OfficialsFileError, read_officials


class Command(BaseCommand):
    help = (
        "Import officials, posts and tenures from FILE: a Wikidata SPARQL JSON result, a "
        "Popolo JSON file or a CSV (see docs/importing.md). All or nothing; idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The file (UTF-8); - reads standard input.")
        parser.add_argument(
            "--country",
            help="ISO alpha-2 of the posts' country, for Popolo files that give none.",
        )

    def handle(self, *args, path, country=None, **options):
        text = self.read(path)
        try:
            records = read_officials(text, path, country)
            result = officials_import(records)
        except OfficialsFileError as error:
            raise CommandError(f"{path}: {error}") from None
        except ValidationError as error:
            messages = [
                f"{where}: {message}"
                for where, listed in error.message_dict.items()
                for message in listed
            ]
            raise CommandError(f"{path}: nothing imported. " + " ".join(messages)) from None
        self.stdout.write(
            f"{len(records)} people read: created {result.officials} officials, "
            f"{result.names} other names, {result.posts} posts, {result.tenures} tenures; "
            f"completed {result.updated}."
        )

    def read(self, path: str) -> str:
        try:
            if path == "-":
                return sys.stdin.read()
            with open(path, encoding="utf-8-sig") as stream:
                return stream.read()
        except FileNotFoundError:
            raise CommandError(f"No such file: {path}") from None
        except (IsADirectoryError, PermissionError) as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        except UnicodeDecodeError:
            raise CommandError(f"{path} is not UTF-8 text.") from None
