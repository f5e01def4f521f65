"""Load fixtures without touching what is already stored.

`loaddata` overwrites every matching record, so running it on each `make setup` would undo
editors' corrections to seed records. This command creates what is missing (records are
matched by natural key: ISO code, slug or public id) and leaves existing records as they
are, in one transaction.
"""

import os

from django.core import serializers
from django.core.management.base import BaseCommand, CommandError
from django.core.management.commands.loaddata import Command as LoadData
from django.db import DEFAULT_DB_ALIAS, transaction

from events.models import Event
from events.services import write_unit

DEFAULT_FIXTURES = ["countries", "seed"]


class Command(BaseCommand):
    help = "Create the records of fixtures that are missing; never change existing ones."

    def add_arguments(self, parser):
        parser.add_argument(
            "fixtures", nargs="*", default=DEFAULT_FIXTURES, help="Fixture names or paths."
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, fixtures, database, **options):
        finder = LoadData()
        finder.using, finder.verbosity = database, 0
        finder.app_label, finder.format = None, None
        finder.serialization_formats = serializers.get_public_serializer_formats()
        created = existing = 0
        self.created_events = []
        with transaction.atomic(using=database), write_unit() as changes:
            for label in fixtures:
                try:
                    found = finder.find_fixtures(label)
                except CommandError as error:
                    raise CommandError(f"{label}: {error}") from None
                for path, _, _ in found:
                    _, fmt, compression = finder.parse_name(os.path.basename(path))
                    if compression:
                        raise CommandError(f"{path}: compressed fixtures are not supported.")
                    c, e = self.load_file(path, fmt, database)
                    created, existing = created + c, existing + e
            # Fixtures load raw, past the services: what they derive is derived here.
            for event in self.created_events:
                changes.event_created(event.pk)
            if created:
                changes.wrote()
        if options["verbosity"]:
            self.stdout.write(f"Created {created} records; {existing} were already present.")

    def load_file(self, path, fmt, database):
        created = existing = 0
        deferred = []
        with open(path, encoding="utf-8") as stream:
            objects = serializers.deserialize(
                fmt, stream, using=database, handle_forward_references=True
            )
            for obj in objects:
                if obj.object.pk is not None:
                    existing += 1  # found by its natural key
                    continue
                obj.save(using=database)
                created += 1
                if isinstance(obj.object, Event):
                    self.created_events.append(obj.object)
                if obj.deferred_fields:
                    deferred.append(obj)
        for obj in deferred:
            obj.save_deferred_fields(using=database)
        return created, existing
