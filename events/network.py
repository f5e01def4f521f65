"""Reads for "who met whom": for the filtered events that are meetings, visits, calls,
summits or talks (PLOVER's CONSULT), how often each pair of countries, and each pair of
officials, took part in one together. Counted in SQL: from the pair tally (by month and
type) when the filters allow, else one GROUP BY over the events' country links (or
participants) joined with themselves."""

from dataclasses import dataclass

from django.db.models import Count, F, QuerySet, Sum

from events.event_types import CODINGS
from events.models import EventCountry, Official, PairMonthTally, Participant
from events.selectors import active_filters

# The types that bring parties together (coded CONSULT): meeting, visit, call, summit, talks.
MEETING_TYPES = tuple(
    str(kind) for kind, coding in CODINGS.items() if coding.plover_event == "CONSULT"
)
# Edges read, busiest first: enough for a picture of the top nodes and its table.
MOST_EDGES = 200
# Officials are paired over the latest meetings only: two participants of each of
# millions of events joined with each other is not a page's read.
OFFICIAL_EVENTS = 5000


@dataclass
class Edge:
    first: str  # country code or official slug (the smaller first)
    second: str
    count: int


@dataclass
class Network:
    edges: list[Edge]  # busiest first, at most MOST_EDGES
    types: list[str]  # the meeting types counted (those of the filters, if any)
    names: dict[str, str]  # key -> display name (officials; countries' come from the page)
    latest_only: bool = False  # officials: counted over the latest OFFICIAL_EVENTS


def _types(active: dict) -> list[str]:
    asked = active.get("type")
    return [t for t in MEETING_TYPES if not asked or t in asked]


def _ordered(rows, first: str, second: str) -> list[Edge]:
    edges = [Edge(*sorted((row[first], row[second])), row["n"]) for row in rows]
    return sorted(edges, key=lambda e: (-e.count, e.first, e.second))[:MOST_EDGES]


def country_network(events: QuerySet, filters: dict | None = None) -> Network:
    """Pairs of countries in the meetings among `events` (filtered; `filters` their
    cleaned values), with how many meetings each pair shared."""
    active = active_filters(filters)
    types = _types(active)
    if not types:
        return Network([], [], {})
    countries = active.get("country") or []
    if set(active) <= {"type"} or (
        set(active) <= {"type", "country"} and len({c.pk for c in countries}) == 2
    ):
        rows = PairMonthTally.objects.filter(type__in=types)
        if countries:
            first, second = sorted(c.pk for c in countries)
            rows = rows.filter(first=first, second=second)
        rows = (
            rows.values(a=F("first__iso_alpha2"), b=F("second__iso_alpha2"))
            .annotate(n=Sum("count"))
            .order_by("-n")[:MOST_EDGES]
        )
    else:
        meetings = events.order_by().filter(type__in=types).values("pk")
        rows = (
            EventCountry.objects.filter(event__in=meetings)
            .filter(event__event_countries__country__iso_alpha2__gt=F("country__iso_alpha2"))
            .values(a=F("country__iso_alpha2"), b=F("event__event_countries__country__iso_alpha2"))
            .annotate(n=Count("event_id", distinct=True))
            .order_by("-n")[:MOST_EDGES]
        )
    return Network(_ordered(rows, "a", "b"), types, {})


def official_network(events: QuerySet, filters: dict | None = None) -> Network:
    """Pairs of officials who took part in the same meetings among `events` (the latest
    OFFICIAL_EVENTS of them), with how many."""
    types = _types(active_filters(filters))
    if not types:
        return Network([], [], {})
    meetings = events.filter(type__in=types).order_by(
        "-date_start", "-date_precision", "-date_end", "-title", "-pk"
    )
    latest = meetings.values("pk")[:OFFICIAL_EVENTS]
    latest_only = meetings[OFFICIAL_EVENTS : OFFICIAL_EVENTS + 1].exists()
    rows = (
        Participant.objects.filter(event__in=latest, official__isnull=False)
        .filter(
            event__participants__official__slug__gt=F("official__slug"),
        )
        .values(a=F("official__slug"), b=F("event__participants__official__slug"))
        .annotate(n=Count("event_id", distinct=True))
        .order_by("-n")[:MOST_EDGES]
    )
    edges = _ordered(rows, "a", "b")
    slugs = {slug for edge in edges for slug in (edge.first, edge.second)}
    names = dict(Official.objects.filter(slug__in=slugs).values_list("slug", "name"))
    return Network(edges, types, names, latest_only)
