"""Reads for the visual timeline: the filtered events in lanes (by type or by country
pair), either each event (when few enough to draw) or counts per lane and month (when
not), so that the picture costs a bounded read at any size.

Counts come from the tallies (events.models.tallies) when the filters allow, as
events.selectors' do, and from one GROUP BY otherwise; nothing is counted in Python but
the MAX_DRAWN events read to be drawn.
"""

from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Sum, Value, When
from django.db.models.lookups import Exact

from events.models import EventCountry, MonthTally, PairMonthTally
from events.models.fuzzy import DatePart
from events.projection import EventReader
from events.selectors import active_filters, event_counts

# Past this many events a picture of each is unreadable (and slow to send): count instead.
MAX_DRAWN = 300
# Lanes shown; the rest are counted together as "other".
LANES_SHOWN = 12
LANE_GROUPINGS = ("type", "pair")
OTHER = "_other"  # the lane of everything not in a shown lane (no type or pair key)
ALONE = "_alone"  # pair lanes: events with fewer than two countries
DRAWN_FIELDS = {
    "id",
    "slug",
    "title",
    "type",
    "date_start",
    "date_end",
    "date_precision",
    "date_qualifier",
    "date_label",
    "countries",
}


@dataclass
class Lanes:
    """The filtered events in lanes. `events` (each with its "lanes") when at most
    MAX_DRAWN match; otherwise `counts`: (lane, year, month, count), month 0 for events
    whose range spans months and `spans_years` for those that span years (counted in
    `wider`, not placed)."""

    group_by: str
    lanes: list[str]  # lane keys, busiest first; OTHER / ALONE last when present
    events: list[dict] | None = None
    counts: list[tuple[str, int, int, int]] = field(default_factory=list)
    wider: int = 0

    @property
    def drawn(self) -> bool:
        return self.events is not None


def event_lanes(events: QuerySet, group_by: str, filters: dict | None = None) -> Lanes:
    """The events of `events` (filtered, ordered) in lanes by `group_by` ("type" or
    "pair"); `filters` (the filter set's cleaned values) lets counts come from the
    tallies."""
    if group_by not in LANE_GROUPINGS:
        raise ValueError(f"group_by must be one of {', '.join(LANE_GROUPINGS)}")
    rows = EventReader(DRAWN_FIELDS).read(events[: MAX_DRAWN + 1])
    if len(rows) <= MAX_DRAWN:
        return _drawn(rows, group_by)
    if group_by == "type":
        return _counted_by_type(events, active_filters(filters))
    return _counted_by_pair(events, filters)


def _pairs_of(countries: list[str]) -> list[str]:
    return [f"{a}-{b}" for a, b in combinations(sorted(countries), 2)]


def _drawn(rows: list[dict], group_by: str) -> Lanes:
    """Lanes for a few events, counted over those read (at most MAX_DRAWN)."""
    if group_by == "type":
        tally = Counter(row["type"] for row in rows)
        for row in rows:
            row["lanes"] = [row["type"]]
        return Lanes(group_by, [key for key, _ in tally.most_common()], events=rows)
    tally = Counter(pair for row in rows for pair in _pairs_of(row["countries"]))
    shown = [pair for pair, _ in sorted(tally.items(), key=lambda p: (-p[1], p[0]))]
    shown = shown[:LANES_SHOWN]
    extra = []
    for row in rows:
        pairs = _pairs_of(row["countries"])
        row["lanes"] = [pair for pair in pairs if pair in shown]
        if not row["lanes"]:
            row["lanes"] = [OTHER if pairs else ALONE]
            if row["lanes"][0] not in extra:
                extra.append(row["lanes"][0])
    return Lanes(group_by, shown + sorted(extra, key=[OTHER, ALONE].index), events=rows)


def _month_slot(prefix: str = ""):
    """The month (1-12) an event's range lies in, 0 when it spans months."""
    start, end = F(f"{prefix}date_start"), F(f"{prefix}date_end")
    same = Q(Exact(DatePart(start, "year"), DatePart(end, "year"))) & Q(
        Exact(DatePart(start, "month"), DatePart(end, "month"))
    )
    return Case(
        When(same, then=DatePart(start, "month")), default=Value(0), output_field=IntegerField()
    )


def _spans_years(prefix: str = ""):
    same = Q(
        Exact(DatePart(F(f"{prefix}date_start"), "year"), DatePart(F(f"{prefix}date_end"), "year"))
    )
    return Case(When(same, then=Value(0)), default=Value(1), output_field=IntegerField())


def _counted(rows, lane_of, shown: list[str] | None) -> tuple[Counter, int]:
    """Counts by (lane, year, month) from value rows with year, month, spans and n, and
    how many span years (not placed); a lane not `shown` is counted as OTHER."""
    counts: Counter = Counter()
    wider = 0
    for row in rows:
        if row["spans"]:
            wider += row["n"]
            continue
        lane = lane_of(row)
        if shown is not None and lane not in shown:
            lane = OTHER
        counts[lane, row["year"], row["month"]] += row["n"]
    return counts, wider


def _counted_by_type(events: QuerySet, active: dict) -> Lanes:
    countries = active.get("country") or []
    if set(active) <= {"type", "status"}:
        rows = MonthTally.objects.all()
        if active.get("type"):
            rows = rows.filter(type__in=active["type"])
        if active.get("status"):
            rows = rows.filter(status__in=active["status"])
        rows = rows.values("year", "month", "type", spans=F("spans_years")).annotate(n=Sum("count"))
    elif set(active) <= {"country", "type"} and len({c.pk for c in countries}) == 2:
        first, second = sorted(c.pk for c in countries)
        rows = PairMonthTally.objects.filter(first=first, second=second)
        if active.get("type"):
            rows = rows.filter(type__in=active["type"])
        rows = rows.values("year", "month", "type", spans=F("spans_years")).annotate(n=Sum("count"))
    else:
        rows = (
            events.order_by()
            .values(
                "type",
                year=DatePart(F("date_start"), "year"),
                month=_month_slot(),
                spans=_spans_years(),
            )
            .annotate(n=Count("pk", distinct=True))
        )
    counts, wider = _counted(rows.order_by(), lambda row: row["type"], None)
    totals: Counter = Counter()
    for (lane, _, _), n in counts.items():
        totals[lane] += n
    lanes = [lane for lane, _ in sorted(totals.items(), key=lambda t: (-t[1], t[0]))]
    return Lanes(
        "type", lanes, counts=[(*key, n) for key, n in sorted(counts.items())], wider=wider
    )


def _counted_by_pair(events: QuerySet, filters: dict | None) -> Lanes:
    """The busiest pairs (event_counts: tallied when the filters allow), then their counts
    by month: from the pair tally when the filters are at most types, else one GROUP BY
    over the filtered events' country links joined with themselves."""
    active = active_filters(filters)
    top = event_counts(events, "pair", filters).rows[:LANES_SHOWN]
    shown = [row["key"] for row in top]
    codes = {code for row in top for code in (row["first"], row["second"])}
    if set(active) <= {"type"}:
        rows = PairMonthTally.objects.filter(
            first__iso_alpha2__in=codes, second__iso_alpha2__in=codes
        )
        if active.get("type"):
            rows = rows.filter(type__in=active["type"])
        rows = rows.values(
            "year",
            "month",
            a=F("first__iso_alpha2"),
            b=F("second__iso_alpha2"),
            spans=F("spans_years"),
        ).annotate(n=Sum("count"))
    else:
        rows = (
            EventCountry.objects.filter(event__in=events.order_by().values("pk"))
            .filter(
                country__iso_alpha2__in=codes,
                event__event_countries__country__iso_alpha2__in=codes,
                event__event_countries__country__iso_alpha2__gt=F("country__iso_alpha2"),
            )
            .values(
                a=F("country__iso_alpha2"),
                b=F("event__event_countries__country__iso_alpha2"),
                year=DatePart(F("date_start"), "year"),
                month=_month_slot(),
                spans=_spans_years(),
            )
            .annotate(n=Count("event_id", distinct=True))
        )

    def pair(row):
        return "-".join(sorted((row["a"], row["b"])))

    counts, wider = _counted(rows.order_by(), pair, shown)
    counts = {key: n for key, n in counts.items() if key[0] != OTHER}
    # Only the shown pairs are counted by month: events of other pairs are not drawn, and
    # an event of several pairs is in each of their lanes.
    return Lanes(
        "pair", shown, counts=[(*key, n) for key, n in sorted(counts.items())], wider=wider
    )
