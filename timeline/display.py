"""How fetched events are arranged for reading: grouped by year and month, and each event's
relations worded from its own side. Works on prefetched data only (no queries)."""

import calendar
from dataclasses import dataclass
from itertools import groupby

from events.dates import DatePrecision, DateQualifier
from events.models import Event, EventRelation


@dataclass
class MonthGroup:
    # None for events dated to more than one month ("Q3 2024", "2023"): they are not put
    # under a month they may not belong to.
    month: int | None
    year: int
    events: list[Event]

    @property
    def heading(self) -> str:
        if self.month is None:
            return "Over several months"
        return f"{calendar.month_name[self.month]} {self.year}"


@dataclass
class YearGroup:
    year: int
    months: list[MonthGroup]


def _month_of(event: Event) -> int | None:
    start, end = event.date_start, event.date_end
    return start.month if (start.year, start.month) == (end.year, end.month) else None


def group_by_year_and_month(events: list[Event]) -> list[YearGroup]:
    """Consecutive runs of `events`, in the order given, by the year and month they start
    in. The order is the page's order, so a group never moves an event."""
    years = []
    for year, in_year in groupby(events, key=lambda e: e.date_start.year):
        months = [
            MonthGroup(month, year, list(in_month))
            for month, in_month in groupby(in_year, key=_month_of)
        ]
        years.append(YearGroup(year, months))
    return years


@dataclass
class RelatedEvent:
    label: str  # "precedes", "follows", "is context for", "has as context"
    event: Event
    note: str
    same_day: bool


def _on_one_exact_day(event: Event) -> bool:
    return event.date_precision == DatePrecision.DAY and event.date_qualifier == DateQualifier.EXACT


def related_events(event: Event) -> list[RelatedEvent]:
    """The events `event` relates to, worded from its side ("follows" for a relation stored
    the other way), oldest first. Needs for_listing()'s prefetches."""
    related = [
        RelatedEvent(relation.get_kind_display(), relation.to_event, relation.note, False)
        for relation in event.relations_from.all()
    ] + [
        RelatedEvent(
            EventRelation.INVERSE_LABELS[relation.kind], relation.from_event, relation.note, False
        )
        for relation in event.relations_to.all()
    ]
    for item in related:
        item.same_day = (
            _on_one_exact_day(event)
            and _on_one_exact_day(item.event)
            and item.event.date_start == event.date_start
        )
    return sorted(related, key=lambda r: (r.event.date_start, r.event.date_end, r.event.pk))
