"""Recompute the data the project derives and stores for speed: each event's search text and
the sort key its country links carry. Signals and the importer keep them current; run this
after changing the database some other way (raw SQL, QuerySet.update, a partial restore)."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import OuterRef, Subquery

from events import data_version
from events.models import Event, EventCountry
from events.search_text import CHUNK, refresh_search_texts


class Command(BaseCommand):
    help = "Recompute events' search text and their country links' sort keys."

    def handle(self, *args, **options):
        with transaction.atomic():
            event = Event.objects.filter(pk=OuterRef("event_id"))
            links = EventCountry.objects.update(
                **{name: Subquery(event.values(name)[:1]) for name in EventCountry.SORT_FIELDS}
            )
        ids = list(Event.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), CHUNK * 20):
            with transaction.atomic():
                refresh_search_texts(ids[start : start + CHUNK * 20])
        # The data was changed behind the app's back: what was computed from it is stale.
        data_version.changed()
        self.stdout.write(f"Refreshed {len(ids)} events' search text and {links} country links.")
