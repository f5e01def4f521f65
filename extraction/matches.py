"""Events already recorded that a candidate may be: offered for linking, so that an article
reporting a known event adds a citation rather than a duplicate."""

from __future__ import annotations

from django.db.models import Count, Q

from events.dates import FuzzyDate
from events.models import Event


def similar_events(
    date: FuzzyDate, countries: list[str], official_pks: list[int], event_type: str, limit=5
) -> list[Event]:
    """Recorded events whose dates overlap `date` and that involve the same countries (two
    of them, or the one named) or one of the same officials; those on the very same dates
    first, then those of the same type."""
    wanted = list(dict.fromkeys(countries))
    shared = min(2, len(wanted))
    candidates = Event.objects.overlapping(date.start, date.end).annotate(
        shared_countries=Count(
            "event_countries",
            filter=Q(event_countries__country__iso_alpha2__in=wanted),
            distinct=True,
        ),
        shared_officials=Count(
            "participants", filter=Q(participants__official__in=official_pks), distinct=True
        ),
    )
    condition = Q(shared_officials__gt=0)
    if shared:
        condition |= Q(shared_countries__gte=shared)
    found = list(candidates.filter(condition).order_by("date_start", "pk")[:50])
    found.sort(
        key=lambda e: (
            (e.date_start, e.date_end) != (date.start, date.end),
            e.type != event_type,
            -e.shared_officials,
            abs((e.date_start - date.start).days),
        )
    )
    return found[:limit]


def same_event(event: Event, date: FuzzyDate, event_type: str) -> bool:
    """Whether a similar event is surely the candidate: the same dates and type."""
    return (event.date_start, event.date_end) == (date.start, date.end) and (
        event.type == event_type
    )
