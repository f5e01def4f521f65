"""Reads the timeline pages make. Filtering is EventFilter's (the API's parameters and
meaning), counting events.selectors', paging the API's keyset paginator; this module puts a
listing together and looks records up."""

import math
import uuid
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.http import Http404, QueryDict
from rest_framework.exceptions import ValidationError

from events.api.pagination import KeysetPagination
from events.filters import EventFilter
from events.lanes import LANE_GROUPINGS, event_lanes
from events.located import event_places
from events.models import (
    Agreement,
    AgreementParty,
    AgreementStatusChange,
    Country,
    Event,
    Official,
    Tenure,
)
from events.models.agreements import in_lifecycle_order
from events.network import OFFICIAL_EVENTS, country_network, official_network
from events.selectors import active_filters, event_counts, partners
from timeline.chart import MonthChart, month_chart
from timeline.display import YearGroup, group_by_year_and_month
from timeline.entries import EntryReader, Names
from timeline.jinja import event_type_label, links
from timeline.network import circle
from timeline.same_filters import filter_query
from timeline.visual import Picture, picture
from timeline.world import SVG_STATIC, VIEW_BOX, project

EVENTS_PER_PAGE = 50
PARTNERS_SHOWN = 10


@dataclass
class EventListing:
    """One page of filtered events, grouped for reading, with the chart of all of them."""

    filter: EventFilter
    data: QueryDict  # the request's parameters with the page's fixed filters applied
    errors: dict[str, list[str]]
    names: Names | None = None
    newest_first: bool = True
    paged: bool = False  # read from a cursor: not the first page
    groups: list[YearGroup] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)  # entries (timeline.entries)
    next_cursor: str | None = None
    chart: MonthChart | None = None

    @property
    def queryset(self):
        """Every event matching the filters, in the page's order (valid listings only)."""
        return self.filter.qs

    @property
    def filters(self) -> dict:
        """The filters' cleaned values (valid listings only)."""
        return self.filter.form.cleaned_data


def filtered_events(params: QueryDict, *, fixed: dict[str, list[str]] | None = None):
    """The listing of `params` filtered and validated, without reading a page of it: what
    the pictures of the same events start from."""
    data = params.copy()
    for name, values in (fixed or {}).items():
        data.setlist(name, values)
    event_filter = EventFilter(data, queryset=Event.objects.all())
    listing = EventListing(event_filter, data, errors={})
    listing.newest_first = data.get("ordering") != "date"
    listing.paged = bool(data.get("cursor"))
    if not event_filter.is_valid():
        listing.errors.update({name: list(errs) for name, errs in event_filter.errors.items()})
        return listing
    listing.names = Names.load()
    return listing


def event_listing(params: QueryDict, *, fixed: dict[str, list[str]] | None = None):
    """The events matching `params` (the API's filter parameters, plus `cursor`) and the
    page's `fixed` filters ({"country": ["UA"]}), which win over the same parameters."""
    listing = filtered_events(params, fixed=fixed)
    if listing.errors:
        return listing
    event_filter, data = listing.filter, listing.data
    paginator = KeysetPagination()
    paginator.page_size = EVENTS_PER_PAGE
    try:
        listing.events = paginator.paginate(event_filter.qs, data, EntryReader(listing.names))
    except ValidationError as error:  # a damaged cursor or page size: the request's fault
        detail = error.detail
        listing.errors.update(
            cursor=[
                "This page link is damaged or was made for another order; "
                "start again from the first page."
            ]
            if "cursor" in detail
            else [str(m) for messages in detail.values() for m in messages]
        )
        return listing
    listing.next_cursor = paginator.next_cursor
    listing.groups = group_by_year_and_month(listing.events)
    listing.chart = month_chart(event_counts(listing.queryset, "month", listing.filters))
    return listing


def country_by_code(code: str) -> Country:
    """The country with ISO alpha-2 or alpha-3 `code`, in any case; 404 otherwise."""
    country = Country.objects.by_code(code).first()
    if country is None:
        raise Http404(f"No country with the code {code!r}.")
    return country


def relation_countries(pair: str) -> tuple[Country, Country]:
    """The two countries of "IN-UA" (alpha-2 or alpha-3, any case, any order), in the
    canonical order: by alpha-2. 404 for unknown codes or a country with itself."""
    first_code, dash, second_code = pair.partition("-")
    if not dash or "-" in second_code:
        raise Http404("A relation is two country codes joined by a hyphen: IN-UA.")
    countries = sorted(
        (country_by_code(first_code), country_by_code(second_code)),
        key=lambda c: c.iso_alpha2,
    )
    if countries[0] == countries[1]:
        raise Http404("A relation needs two different countries.")
    return countries[0], countries[1]


@dataclass
class Partner:
    country: Country
    count: int
    pair: str  # the relation page's canonical "IN-UA"


def partner_counts(listing: EventListing, country: Country) -> list[Partner]:
    """The countries most often involved with `country` in the listing's events: tallied
    when the listing has no other filter, counted from its events otherwise."""
    if set(active_filters(listing.filters)) == {"country"}:
        found = partners(country, PARTNERS_SHOWN)
    else:
        rows = event_counts(listing.queryset, "country").rows
        counts = [(row["key"], row["count"]) for row in rows if row["key"] != country.iso_alpha2]
        counts = counts[:PARTNERS_SHOWN]
        by_code = Country.objects.in_bulk([code for code, _ in counts], field_name="iso_alpha2")
        found = [(by_code[code], count) for code, count in counts]
    return [
        Partner(other, count, "-".join(sorted((other.iso_alpha2, country.iso_alpha2))))
        for other, count in found
    ]


def event_entry(ref: str) -> dict:
    """The entry of the event whose public id or slug is `ref` (timeline.entries)."""
    found = EntryReader(Names.load()).read(Event.objects.by_reference(ref)[:1])
    if not found:
        raise Http404("No event with this id or slug.")
    return found[0]


def official_with_posts(slug: str) -> Official:
    """The official with `slug`, with other spellings and tenures (posts held), earliest
    first; 404 otherwise."""
    tenures = Tenure.objects.select_related("post__country", "post__organization").order_by(
        "start_earliest", "end_latest", "pk"
    )
    official = (
        Official.objects.select_related("country")
        .prefetch_related("names", Prefetch("tenures", queryset=tenures))
        .filter(slug=slug)
        .first()
    )
    if official is None:
        raise Http404("No official with this slug.")
    return official


def agreement_with_lifecycle(public_id: uuid.UUID) -> Agreement:
    """The agreement with its parties, the event where it was signed, and its status
    changes; 404 otherwise."""
    agreement = (
        Agreement.objects.select_related("event")
        .prefetch_related(
            Prefetch(
                "parties",
                queryset=AgreementParty.objects.select_related("country", "organization"),
            ),
            Prefetch(
                "status_changes",
                queryset=AgreementStatusChange.objects.select_related("party", "source__publisher"),
            ),
        )
        .filter(public_id=public_id)
        .first()
    )
    if agreement is None:
        raise Http404("No agreement with this id.")
    return agreement


def lifecycle(agreement: Agreement) -> list[AgreementStatusChange]:
    """Status changes in the order the agreement's status is derived from."""
    return in_lifecycle_order(agreement.status_changes.all())


# Up to this many officials are offered in a select; past it (a data set of thousands) the
# form asks for a name or slug instead of sending every one of them with each page.
OFFICIALS_IN_SELECT = 300


def filter_choices(names: Names | None = None) -> dict:
    """What the filter form offers: every country and topic, in reading order, and the
    officials when they are few enough to list. Not narrowed to those found in some event:
    asking that of every country costs a scan of the countries-involved table for each
    country that has none."""
    names = names or Names.load()
    officials = list(
        Official.objects.order_by("name").values_list("slug", "name")[: OFFICIALS_IN_SELECT + 1]
    )
    return {
        "countries": [(a2, names.alpha3[a2], name) for a2, name in names.countries.items()],
        "officials": officials if len(officials) <= OFFICIALS_IN_SELECT else None,
        "topics": list(names.topics.items()),
    }


class PictureError(ValueError):
    """A picture's own parameter (not a filter) cannot be read: a 400 naming it."""

    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter


def visual_timeline(listing: EventListing, group: str | None) -> Picture:
    """The listing's events in lanes by `group` ("type", the default, or "pair")."""
    group = group or "type"
    if group not in LANE_GROUPINGS:
        raise PictureError("group", "Group by type or by pair.")
    lanes = event_lanes(listing.queryset, group, listing.filters)
    return picture(
        lanes, filter_query(listing.data), listing.names.countries, event_type_label, links
    )


def who_met_whom(listing: EventListing) -> dict:
    """The countries and the officials of the listing's meetings, visits, calls, summits
    and talks, each as a circle of its busiest members."""
    names = listing.names.countries
    data = filter_query(listing.data)
    index = links.index()

    def pair_url(first, second):
        query = data.copy()
        asked = [c for v in query.getlist("country") for c in v.split(",") if c]
        query.setlist("country", list(dict.fromkeys([*asked, first, second])))
        query.setlist("type", network_types)
        return f"{index}?{query.urlencode()}"

    found = country_network(listing.queryset, listing.filters)
    network_types = found.types
    countries = circle(
        found,
        label=lambda code: names.get(code, code),
        short=lambda code: code,
        node_url=links.country,
        pair_url=pair_url,
    )
    people = official_network(listing.queryset, listing.filters)
    officials = circle(
        people,
        label=lambda slug: people.names.get(slug, slug),
        short=lambda slug: people.names.get(slug, slug).split()[-1],
        node_url=links.official,
        pair_url=lambda first, second: "",
    )
    return {"countries": countries, "officials": officials, "official_events": OFFICIAL_EVENTS}


@dataclass
class MapPoint:
    x: float  # the projection's units (timeline.world)
    y: float
    r: float
    label: str
    count: int
    latitude: float
    longitude: float


PLACES_LISTED = 50


def event_map(listing: EventListing) -> dict:
    """The listing's located events per place, as points over the world's outlines."""
    found = event_places(listing.queryset)
    top = max((place.count for place in found.places), default=1)
    points = []
    for place in found.places:
        x, y = project(place.longitude, place.latitude)
        name = place.name or f"{place.latitude:.1f}, {place.longitude:.1f}"
        label = name if place.names == 1 else f"{name} and places near it"
        # Areas, not radii, in proportion to the counts.
        radius = 0.8 + 5 * math.sqrt(place.count / top)
        points.append(
            MapPoint(
                round(x, 2),
                round(y, 2),
                round(radius, 2),
                label,
                place.count,
                place.latitude,
                place.longitude,
            )
        )
    return {
        "located": found,
        # The smallest on top, so that a busy place never hides a quiet one beside it.
        "points": sorted(points, key=lambda point: -point.count),
        "places": points[:PLACES_LISTED],
        "view_box": " ".join(str(n) for n in VIEW_BOX),
        "world": SVG_STATIC,
    }
