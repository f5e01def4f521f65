"""Reads that span several models: aggregate counts for charts and dashboards, and the
summary of a bilateral relation. The API and the timeline pages both call these."""

from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet

from events import data_version
from events.models import Agreement, Country, Event, EventCountry, Statement
from events.models.fuzzy import DatePart

GROUPINGS = ("month", "year", "type", "country", "pair")


@dataclass
class Counts:
    """Event counts per key, most recent or most frequent first as the grouping suits.
    For month and year, an event counts in a period only when its whole date range lies
    in it: "2023" is not counted in January 2023. Those wider than one period are counted
    in `wider_than_period`, so a chart can say how many it cannot place."""

    group_by: str
    rows: list[dict]
    wider_than_period: int = 0


def event_counts(events: QuerySet, group_by: str) -> Counts:
    """Count `events` (any filtered queryset) by month, year, type, country or country
    pair, in SQL."""
    if group_by not in GROUPINGS:
        raise ValueError(f"group_by must be one of {', '.join(GROUPINGS)}")
    events = events.order_by()
    if group_by in ("month", "year"):
        return _counts_by_period(events, group_by)
    if group_by == "type":
        rows = (
            events.values(key=F("type"))
            .annotate(count=Count("pk", distinct=True))
            .order_by("-count", "key")
        )
        return Counts(group_by, list(rows))
    links = EventCountry.objects.filter(event__in=events.values("pk"))
    if group_by == "country":
        rows = (
            links.values(key=F("country__iso_alpha2"))
            .annotate(count=Count("event_id"))
            .order_by("-count", "key")
        )
        return Counts(group_by, list(rows))
    # Pairs: each event's countries joined with themselves, each unordered pair once.
    rows = (
        links.filter(event__event_countries__country__iso_alpha2__gt=F("country__iso_alpha2"))
        .values(
            first=F("country__iso_alpha2"),
            second=F("event__event_countries__country__iso_alpha2"),
        )
        .annotate(count=Count("event_id", distinct=True))
        .order_by("-count", "first", "second")
    )
    return Counts(group_by, [{"key": f"{r['first']}-{r['second']}", **r} for r in rows])


def _counts_by_period(events: QuerySet, period: str) -> Counts:
    parts = ["year", "month"] if period == "month" else ["year"]
    same_period = Q()
    for part in parts:
        same_period &= Q(
            **{f"start_{part}": DatePart(F("date_end"), part)},
        )
    annotated = events.annotate(
        **{f"start_{part}": DatePart(F("date_start"), part) for part in parts}
    )
    placed = annotated.filter(same_period)
    # Distinct: a filter through a join (several topics) yields an event once per match.
    rows = placed.values(*[f"start_{p}" for p in parts]).annotate(count=Count("pk", distinct=True))
    rows = rows.order_by(*[f"-start_{p}" for p in parts])
    result = []
    for row in rows:
        key = (
            f"{row['start_year']:04d}-{row['start_month']:02d}"
            if period == "month"
            else f"{row['start_year']:04d}"
        )
        result.append({"key": key, "count": row["count"]})
    wider = annotated.exclude(same_period).values("pk").distinct().count()
    return Counts(period, result, wider)


@dataclass
class RelationSummary:
    """What two countries did together: their shared events, agreements and quotes."""

    countries: tuple[Country, Country]
    events: QuerySet
    event_count: int
    counts_by_year: Counts
    counts_by_type: Counts
    agreements: QuerySet
    latest_events: list
    statements: QuerySet


def relation_summary(first: Country, second: Country, latest: int = 5) -> RelationSummary:
    """The bilateral relation between two countries: every event involving both, counts by
    year and type, agreements both are party to (with status), the latest events with
    their details, and quotes from their shared events, newest first."""
    events = Event.objects.involving(first, second)
    agreements = (
        Agreement.objects.filter(parties__country=first)
        .filter(parties__country=second)
        .select_related("event")
        .prefetch_related("parties__country", "parties__organization")
        .order_by("-event__date_start", "title")
    )
    # From the quotes to their events, not the other way: a busy pair shares tens of
    # thousands of events and few quotes.
    statements = (
        Statement.objects.filter(
            *(
                Exists(EventCountry.objects.filter(event=OuterRef("event_id"), country=country))
                for country in (first, second)
            )
        )
        .select_related("official", "organization", "event", "source")
        .order_by("-event__date_start", "pk")
    )
    # Each count scans every shared event (tens of thousands for busy pairs).
    event_count, by_year, by_type = data_version.cached(
        "relation:counts",
        (first.pk, second.pk),
        lambda: (events.count(), event_counts(events, "year"), event_counts(events, "type")),
    )
    return RelationSummary(
        countries=(first, second),
        events=events,
        event_count=event_count,
        counts_by_year=by_year,
        counts_by_type=by_type,
        agreements=agreements,
        latest_events=list(events.with_details().newest_first()[:latest]),
        statements=statements,
    )
