"""Reads that span several models: aggregate counts for charts and dashboards, the summary
of a bilateral relation, and the data's revision. The API and the timeline pages both call
these.

Counts of all events, of one country's or of every pair are read from the tallies
(events.models.tallies, kept by events.derived) when the filters allow it: a few hundred
rows instead of a scan of every event. Anything else is counted from the events
themselves, in SQL; both give the same answer (tests hold them to it).
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.lookups import Exact

from events.derived import revision as revisions
from events.derived.posts import post_held, tenures_of
from events.models import (
    Agreement,
    Country,
    CountryMonthTally,
    Event,
    EventCountry,
    MonthTally,
    Official,
    PairTally,
    Post,
    Statement,
    Tenure,
)
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

    @property
    def total(self) -> int:
        """Every event counted (by month or year: placed or not)."""
        if self.group_by in ("month", "year", "type"):
            return sum(row["count"] for row in self.rows) + self.wider_than_period
        raise ValueError("A total is not the sum of counts by country or pair.")


# Which filters each tally can answer for (the EventFilter's cleaned values).
ACTIVE_IGNORED = {"ordering"}


def _given(value) -> bool:
    """Whether a filter's cleaned value filters anything (an unused one is None, "", [] or
    an empty queryset)."""
    if isinstance(value, QuerySet):
        return not value.query.is_empty()
    return value not in (None, "", [], ())


def active_filters(filters: dict | None) -> dict:
    """The filters of a filter set's cleaned values that are in use."""
    return {k: v for k, v in (filters or {}).items() if k not in ACTIVE_IGNORED and _given(v)}


def event_counts(events: QuerySet, group_by: str, filters: dict | None = None) -> Counts:
    """Count `events` (a filtered queryset) by month, year, type, country or country pair.
    `filters` (the filter set's cleaned values that made `events`) lets the count come
    from the tallies when they can answer for those filters."""
    if group_by not in GROUPINGS:
        raise ValueError(f"group_by must be one of {', '.join(GROUPINGS)}")
    if filters is not None:
        tallied = _from_tallies(group_by, active_filters(filters))
        if tallied is not None:
            return tallied
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


def event_total(events: QuerySet, filters: dict | None = None) -> int:
    """How many events `events` holds (from the tallies when `filters` allow)."""
    if filters is not None:
        tallied = _from_tallies("type", active_filters(filters))
        if tallied is not None:
            return tallied.total
    return events.count()


def _counts_by_period(events: QuerySet, period: str) -> Counts:
    """One query: each event's start period, or 0 where its range reaches into another
    period (counted apart, as wider than one)."""
    start_year, end_year = DatePart(F("date_start"), "year"), DatePart(F("date_end"), "year")
    same = Q(Exact(start_year, end_year))
    if period == "month":
        same &= Q(Exact(DatePart(F("date_start"), "month"), DatePart(F("date_end"), "month")))
        placed = DatePart(F("date_start"), "year") * 100 + DatePart(F("date_start"), "month")
    else:
        placed = DatePart(F("date_start"), "year")
    slot = Case(When(same, then=placed), default=Value(0), output_field=IntegerField())
    # Distinct: a filter through a join (several topics) yields an event once per match.
    rows = events.values(slot=slot).annotate(count=Count("pk", distinct=True)).order_by("-slot")
    result, wider = [], 0
    for row in rows:
        if not row["slot"]:
            wider = row["count"]
        elif period == "month":
            result.append(
                {"key": _period_key(period, *divmod(row["slot"], 100)), "count": row["count"]}
            )
        else:
            result.append({"key": _period_key(period, row["slot"], None), "count": row["count"]})
    return Counts(period, result, wider)


def _period_key(period: str, year: int, month: int | None) -> str:
    return f"{year:04d}-{month:02d}" if period == "month" else f"{year:04d}"


def _from_tallies(group_by: str, active: dict) -> Counts | None:
    """The counts from the tallies, or None when they cannot answer for these filters."""
    if set(active) <= {"type", "status"} and group_by in ("month", "year", "type"):
        rows = MonthTally.objects.all()
        if active.get("type"):
            rows = rows.filter(type__in=active["type"])
        if active.get("status"):
            rows = rows.filter(status__in=active["status"])
        return _tallied_periods(rows, group_by)
    countries = active.get("country") or []
    if set(active) == {"country"} and len(countries) == 1 and group_by in ("month", "year"):
        return _tallied_periods(CountryMonthTally.objects.filter(country=countries[0]), group_by)
    if (
        set(active) <= {"country", "type"}
        and len({c.pk for c in countries}) == 2
        and group_by in ("month", "year", "type")
    ):
        # A relation page: the pair's events, of some types or all.
        first, second = sorted(c.pk for c in countries)
        rows = PairTally.objects.filter(first=first, second=second)
        if active.get("type"):
            rows = rows.filter(type__in=active["type"])
        return _tallied_periods(rows, group_by)
    if not active and group_by == "country":
        rows = (
            CountryMonthTally.objects.values(key=F("country__iso_alpha2"))
            .annotate(count=Sum("count"))
            .order_by("-count", "key")
        )
        return Counts(group_by, list(rows))
    if not active and group_by == "pair":
        rows = PairTally.objects.values(
            first_code=F("first__iso_alpha2"), second_code=F("second__iso_alpha2")
        ).annotate(n=Sum("count"))
        pairs = []
        for row in rows:
            first, second = sorted((row["first_code"], row["second_code"]))
            pairs.append(
                {"key": f"{first}-{second}", "first": first, "second": second, "count": row["n"]}
            )
        pairs.sort(key=lambda r: (-r["count"], r["first"], r["second"]))
        return Counts(group_by, pairs)
    return None


def _tallied_periods(rows: QuerySet, group_by: str) -> Counts:
    if group_by == "type":
        counted = rows.values(key=F("type")).annotate(count=Sum("count")).order_by("-count", "key")
        return Counts(group_by, list(counted))
    by_key: dict[str, int] = defaultdict(int)
    wider = 0
    for year, month, spans, count in rows.values_list("year", "month", "spans_years", "count"):
        if group_by == "month" and month:
            by_key[_period_key("month", year, month)] += count
        elif group_by == "year" and not spans:
            by_key[_period_key("year", year, None)] += count
        else:
            wider += count
    ordered = sorted(by_key.items(), reverse=True)
    return Counts(group_by, [{"key": k, "count": n} for k, n in ordered if n], wider)


def partners(country: Country, limit: int) -> list[tuple[Country, int]]:
    """The countries `country` most often shares events with, and how many (tallied)."""
    pairs = (
        PairTally.objects.filter(Q(first=country) | Q(second=country))
        .values_list("first_id", "second_id")
        .annotate(total=Sum("count"))
        .order_by("-total", "first_id", "second_id")[:limit]
    )
    found = []
    for first_id, second_id, count in pairs:
        found.append((second_id if first_id == country.pk else first_id, count))
    by_pk = Country.objects.in_bulk([pk for pk, _ in found])
    return [(by_pk[pk], count) for pk, count in found]


@dataclass
class RelationSummary:
    """What two countries did together: their shared events, agreements and quotes."""

    countries: tuple[Country, Country]
    events: QuerySet
    event_count: int
    counts_by_year: Counts
    counts_by_type: Counts
    agreements: QuerySet
    statements: QuerySet


def relation_summary(
    first: Country,
    second: Country,
    events: QuerySet | None = None,
    filters: dict | None = None,
) -> RelationSummary:
    """The bilateral relation between two countries: their shared events (`events` when
    given: the event filters applied, `filters` their cleaned values), counts by year and
    type, agreements both are party to (with status), and quotes from their shared events,
    newest first."""
    if events is None:
        events = Event.objects.involving(first, second)
        filters = {"country": [first, second]}
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
        .filter(event__in=events.order_by().values("pk"))
        .select_related("official", "organization", "event", "source")
        .order_by("-event__date_start", "pk")
    )
    by_year = event_counts(events, "year", filters)
    return RelationSummary(
        countries=(first, second),
        events=events,
        event_count=by_year.total,
        counts_by_year=by_year,
        counts_by_type=event_counts(events, "type", filters),
        agreements=agreements,
        statements=statements,
    )


def holders_of(post: Post, day):
    """The officials who held `post` on `day` (usually one): "who was Ukraine's Strategic
    Industries Minister on 26 Oct 2024?"."""
    return Official.objects.filter(
        tenures__in=Tenure.objects.in_office_on(day).filter(post=post)
    ).distinct()


def post_of(official: Official, day, country: Country | None = None) -> Post | None:
    """The post `official` held on `day`, chosen as a participant's is (events.derived.posts):
    with several, the one for `country` if given, else the most recently started."""
    held = post_held(tenures_of([official.pk]).get(official.pk, ()), day, country and country.pk)
    return Post.objects.get(pk=held.post_id) if held else None


def revision():
    """The data's revision (events.models.Revision): what conditional GETs compare."""
    return revisions.current()
