"""Reads that span several models: aggregate counts for charts and dashboards, the summary
of a bilateral relation, and the data's revision. The API and the timeline pages both call
these.

Counts of all events, of one country's or of every pair are read from the tallies
(events.models.tallies, kept by events.derived) when the filters allow it: a few hundred
rows instead of a scan of every event. Anything else is counted from the events
themselves, in SQL; both give the same answer (tests hold them to it).
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    DateField,
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
    PairMonthTally,
    PairTally,
    Post,
    Statement,
    Tenure,
)
from events.models.fuzzy import DatePart, WeekStart

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
        """Every event counted (by a period: placed or not)."""
        if self.group_by in (*TIME_BUCKETS, "type"):
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
    if not all(isinstance(c, Country) for c in active.get("country") or []):
        # A grouping (country=EU) is several countries: the tallies count one or two.
        return None
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
        rows = PairMonthTally.objects.filter(first=first, second=second)
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
            first_code=F("first__iso_alpha2"), second_code=F("second__iso_alpha2"), n=F("count")
        )
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


# Tables for dashboards: one or two dimensions, periods zero-filled ------------------------

# Periods: an event is counted in one when its whole date range lies in it.
TIME_BUCKETS = ("week", "month", "quarter", "year")
# What a table can be grouped by, one or two at a time (at most one period; country and
# pair are two views of the same links).
DIMENSIONS = ("week", "month", "quarter", "year", "type", "country", "pair")
# A zero-filled table has a row for every period and series: bounded, so that one
# request for weeks over centuries does not build millions of rows.
MAX_FILLED_ROWS = 100_000


class TooManyRows(ValueError):
    """A zero-filled table would have more than MAX_FILLED_ROWS rows."""


def dimensions_of(text: str) -> tuple[str, ...]:
    """The dimensions of a `group_by` value ("month,type"); ValueError saying what is
    wrong with it."""
    names = tuple(name.strip() for name in (text or "").split(","))
    if not names or not all(names):
        raise ValueError(f"Give one or two of: {', '.join(DIMENSIONS)}, comma-separated.")
    unknown = [name for name in names if name not in DIMENSIONS]
    if unknown:
        raise ValueError(
            f"Unknown: {', '.join(unknown)}. Use one or two of: {', '.join(DIMENSIONS)}."
        )
    if len(names) > 2:
        raise ValueError("At most two dimensions.")
    if len(set(names)) < len(names):
        raise ValueError("Give two different dimensions.")
    if sum(name in TIME_BUCKETS for name in names) > 1:
        raise ValueError("At most one period (week, month, quarter or year).")
    if {"country", "pair"} <= set(names):
        raise ValueError("country and pair cannot be combined.")
    return names


@dataclass(frozen=True)
class Period:
    """A kind of period: the SQL that places an event's range in one, and the periods as
    consecutive integers (to fill the gaps between them) and as keys."""

    name: str

    def slot(self, prefix: str = ""):
        """The period the range lies in (a Monday for weeks, an integer otherwise), or
        NULL when it reaches into another."""
        start, end = F(f"{prefix}date_start"), F(f"{prefix}date_end")
        if self.name == "week":
            return Case(
                When(Q(Exact(WeekStart(start), WeekStart(end))), then=WeekStart(start)),
                default=None,
                output_field=DateField(),
            )
        year = DatePart(start, "year")
        same = Q(Exact(year, DatePart(end, "year")))
        if self.name == "year":
            placed = year
        elif self.name == "month":
            month = DatePart(start, "month")
            same &= Q(Exact(month, DatePart(end, "month")))
            placed = year * 100 + month
        else:
            # Integer division on both databases: months 1-3 are quarter 1.
            quarter = (DatePart(start, "month") + 2) / 3
            same &= Q(Exact(quarter, (DatePart(end, "month") + 2) / 3))
            placed = year * 10 + quarter
        return Case(When(same, then=placed), default=None, output_field=IntegerField())

    def key_of_slot(self, slot) -> str | None:
        if slot is None:
            return None
        if self.name == "week":
            if isinstance(slot, str):  # a backend that returns the date as text
                slot = dt.date.fromisoformat(slot)
            return self.key(self.index_of_day(slot))
        if self.name == "year":
            return self.key(slot)
        if self.name == "month":
            return self.key(slot // 100 * 12 + slot % 100 - 1)
        return self.key(slot // 10 * 4 + slot % 10 - 1)

    def index_of_day(self, day: dt.date) -> int:
        if self.name == "week":
            # 1 Jan 0001 (ordinal 1) is a Monday.
            return (day.toordinal() - 1) // 7
        if self.name == "year":
            return day.year
        if self.name == "month":
            return day.year * 12 + day.month - 1
        return day.year * 4 + (day.month - 1) // 3

    def index_of_key(self, key: str) -> int:
        if self.name == "week":
            year, week = key.split("-W")
            return self.index_of_day(dt.date.fromisocalendar(int(year), int(week), 1))
        if self.name == "year":
            return int(key)
        if self.name == "month":
            year, month = key.split("-")
            return int(year) * 12 + int(month) - 1
        year, quarter = key.split("-Q")
        return int(year) * 4 + int(quarter) - 1

    def key(self, index: int) -> str:
        """2024-W43 (ISO week), 2024-10, 2024-Q4, 2024."""
        if self.name == "week":
            iso = dt.date.fromordinal(index * 7 + 1).isocalendar()
            return f"{iso.year:04d}-W{iso.week:02d}"
        if self.name == "year":
            return f"{index:04d}"
        if self.name == "month":
            return f"{index // 12:04d}-{index % 12 + 1:02d}"
        return f"{index // 4:04d}-Q{index % 4 + 1}"


PERIODS = {name: Period(name) for name in TIME_BUCKETS}


@dataclass
class Table:
    """Event counts by one or two dimensions: rows of (keys, count), keys in the order of
    `dimensions`. With a period, newest first, and within one most frequent first;
    without, most frequent first. Events wider than one period are not in the rows:
    `wider_than_period` counts them."""

    dimensions: tuple[str, ...]
    rows: list[tuple[tuple[str, ...], int]]
    total: int
    wider_than_period: int = 0


def event_table(
    events: QuerySet,
    dimensions: tuple[str, ...],
    filters: dict | None = None,
    *,
    fill: bool = False,
    span: tuple[dt.date | None, dt.date | None] = (None, None),
) -> Table:
    """Count `events` (a filtered queryset) by `dimensions` (see dimensions_of), in SQL.
    One dimension of the older groupings comes from event_counts (and so from the tallies
    when `filters` allow). With `fill`, every period from the first to the last of `span`
    (the filtered date range; an open side ends at the data's first or last period) has a
    row for each series, zero when nothing was counted: TooManyRows past
    MAX_FILLED_ROWS."""
    if len(dimensions) == 1 and dimensions[0] in GROUPINGS:
        counts = event_counts(events, dimensions[0], filters)
        rows = [((row["key"],), row["count"]) for row in counts.rows]
        wider = counts.wider_than_period
        if dimensions[0] in ("country", "pair"):
            total = event_total(events, filters)
        else:
            total = counts.total
    else:
        rows, wider = _grouped(events.order_by(), dimensions)
        if len(dimensions) == 1:
            total = sum(count for _, count in rows) + wider
        else:
            total = event_total(events, filters)
    time = next((i for i, name in enumerate(dimensions) if name in TIME_BUCKETS), None)
    if fill and time is not None:
        rows = _filled(rows, len(dimensions), time, PERIODS[dimensions[time]], span)
    return Table(dimensions, rows, total, wider)


def _grouped(events: QuerySet, dimensions: tuple[str, ...]):
    """One GROUP BY over the events (or, by country or pair, over their country links)
    and, with a period and a second dimension, a count of the events wider than one."""
    if {"country", "pair"} & set(dimensions):
        # The links repeat the event's dates: only the type needs the event.
        base = EventCountry.objects.filter(event__in=events.values("pk"))
        if "pair" in dimensions:
            # Each event's countries joined with themselves, each unordered pair once.
            base = base.filter(
                event__event_countries__country__iso_alpha2__gt=F("country__iso_alpha2")
            )
        counted, type_column = Count("event_id", distinct=True), "event__type"
    else:
        # Distinct: a filter through a join would yield an event once per match.
        base, counted, type_column = events, Count("pk", distinct=True), "type"
    columns = {}
    for i, name in enumerate(dimensions):
        if name in TIME_BUCKETS:
            columns[f"k{i}"] = PERIODS[name].slot()
        elif name == "type":
            columns[f"k{i}"] = F(type_column)
        elif name == "country":
            columns[f"k{i}"] = F("country__iso_alpha2")
        else:
            columns[f"k{i}"] = F("country__iso_alpha2")
            columns[f"k{i}_second"] = F("event__event_countries__country__iso_alpha2")
    rows, unplaced = [], 0
    for row in base.values(**columns).annotate(n=counted).order_by():
        keys = []
        for i, name in enumerate(dimensions):
            value = row[f"k{i}"]
            if name in TIME_BUCKETS:
                value = PERIODS[name].key_of_slot(value)
            elif name == "pair":
                value = f"{value}-{row[f'k{i}_second']}"
            keys.append(value)
        if None in keys:
            unplaced += row["n"]
        else:
            rows.append((tuple(keys), row["n"]))
    time = next((i for i, name in enumerate(dimensions) if name in TIME_BUCKETS), None)
    if time is not None and len(dimensions) > 1:
        # The unplaced rows count an event once per country or pair: count events.
        slot = PERIODS[dimensions[time]].slot()
        unplaced = (
            events.alias(slot=slot)
            .filter(slot__isnull=True)
            .aggregate(n=Count("pk", distinct=True))
        )["n"]
    return _ordered(rows, time), unplaced


def _ordered(rows: list, time: int | None) -> list:
    """Most frequent first, then by key; with a period, newest period first (stable)."""
    rows = sorted(rows, key=lambda row: (-row[1], row[0]))
    if time is not None:
        rows.sort(key=lambda row: row[0][time], reverse=True)
    return rows


def _filled(rows: list, width: int, time: int, period: Period, span: tuple) -> list:
    """`rows` with a zero row for every period of `span` and series without a count."""
    indexes = [period.index_of_key(keys[time]) for keys, _ in rows]
    first = period.index_of_day(span[0]) if span[0] else min(indexes, default=None)
    last = period.index_of_day(span[1]) if span[1] else max(indexes, default=None)
    if first is None and last is None:
        return rows
    first, last = (first if first is not None else last), (last if last is not None else first)
    # The series: the other dimension's values, most events first (a chart's legend).
    totals: dict[tuple, int] = defaultdict(int)
    for keys, count in rows:
        totals[keys[:time] + keys[time + 1 :]] += count
    series = sorted(totals, key=lambda s: (-totals[s], s)) if width > 1 else [()]
    if (last - first + 1) * len(series) > MAX_FILLED_ROWS:
        raise TooManyRows(
            f"A zero-filled table of {last - first + 1} periods and {len(series)} series "
            f"passes {MAX_FILLED_ROWS} rows: narrow the date range or use a longer period."
        )
    counted = dict(rows)
    filled = []
    for index in range(last, first - 1, -1):
        key = period.key(index)
        for rest in series:
            keys = rest[:time] + (key,) + rest[time:]
            filled.append((keys, counted.get(keys, 0)))
    return filled


def partners(country: Country, limit: int) -> list[tuple[Country, int]]:
    """The countries `country` most often shares events with, and how many (tallied)."""
    pairs = PairTally.objects.filter(Q(first=country) | Q(second=country)).order_by("-count", "pk")[
        :limit
    ]
    found = []
    for first_id, second_id, count in pairs.values_list("first_id", "second_id", "count"):
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
