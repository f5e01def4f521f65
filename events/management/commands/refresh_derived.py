"""Check, and repair, the data the project derives and stores (events.derived): posts held
and participants' countries, the countries involved with their sort keys, search text,
agreements' status and the tallies. Writes keep them current; run this after changing the
database some other way (raw SQL, QuerySet.update, a partial restore)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from events.derived import agreements, countries, posts, revision, search, tallies
from events.models import Agreement, Event

CHUNK = 5000


class Command(BaseCommand):
    help = "Check and repair derived data: posts, countries involved, search text, status, tallies."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Only report what is out of step (exit 1 if anything is); change nothing.",
        )

    def handle(self, *args, check, **options):
        found = {"participants": 0, "country links": 0, "search texts": 0, "statuses": 0}
        ids = list(Event.objects.order_by("pk").values_list("pk", flat=True))
        with transaction.atomic():
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start : start + CHUNK]
                found["participants"] += posts.refresh_participants(chunk)
                found["country links"] += countries.refresh_links(chunk)
                found["search texts"] += search.refresh_search_texts(chunk)
            agreement_ids = Agreement.objects.values_list("pk", flat=True)
            before = dict(Agreement.objects.values_list("pk", "status"))
            agreements.refresh_statuses(agreement_ids)
            after = dict(Agreement.objects.values_list("pk", "status"))
            found["statuses"] = sum(before[pk] != after.get(pk) for pk in before)
            stored = tallies.stored()
            tallies.rebuild()
            recounted = tallies.stored()
            found["tally counts"] = sum(
                stored[key] != recounted[key] for key in set(stored) | set(recounted)
            )
            if check:
                transaction.set_rollback(True)
            else:
                # The data was changed behind the app's back: clients must not keep pages.
                revision.bump()
        summary = ", ".join(f"{count} {name}" for name, count in found.items())
        if check:
            if any(found.values()):
                raise CommandError(f"Out of step: {summary}. Run refresh_derived to repair.")
            self.stdout.write(f"All derived data is in step ({len(ids)} events).")
        else:
            self.stdout.write(f"Repaired {summary} ({len(ids)} events).")
