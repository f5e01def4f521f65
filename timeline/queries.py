"""Reads the timeline pages make. Filtering is EventFilter's (the API's parameters and
meaning), counting is events.selectors'; this module pages, groups and looks records up."""

import uuid
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.http import Http404, QueryDict

from events import data_version
from events.filters import EventFilter
from events.keyset import Cursor, InvalidCursor, keyset_page
from events.models import (
    Agreement,
    AgreementParty,
    AgreementStatusChange,
    Country,
    Event,
    Official,
    Tenure,
    Topic,
)
from events.models.agreements import in_lifecycle_order
from events.selectors import Counts, event_counts
from timeline.chart import MonthChart, month_chart
from timeline.display import YearGroup, group_by_year_and_month
from timeline.entries import read_entries

EVENTS_PER_PAGE = 50
PARTNERS_SHOWN = 10


@dataclass
class EventListing:
    """One page of filtered events, grouped for reading, with the chart of all of them."""

    filter: EventFilter
    data: QueryDict  # the request's parameters with the page's fixed filters applied
    errors: dict[str, list[str]]
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


def event_listing(params: QueryDict, *, fixed: dict[str, list[str]] | None = None):
    """The events matching `params` (the API's filter parameters, plus `cursor`) and the
    page's `fixed` filters ({"country": ["UA"]}), which win over the same parameters."""
    data = params.copy()
    for name, values in (fixed or {}).items():
        data.setlist(name, values)
    event_filter = EventFilter(data, queryset=Event.objects.all())
    listing = EventListing(event_filter, data, errors={})
    listing.newest_first = data.get("ordering") != "date"
    if not event_filter.is_valid():
        listing.errors.update({name: list(errs) for name, errs in event_filter.errors.items()})
    cursor = None
    if data.get("cursor"):
        listing.paged = True
        try:
            cursor = Cursor.decode(data["cursor"])
            if cursor.newest_first != listing.newest_first:
                raise InvalidCursor("made for the other order")
        except InvalidCursor:
            listing.errors["cursor"] = [
                "This page link is damaged or was made for another order; "
                "start again from the first page."
            ]
    if listing.errors:
        return listing

    events = event_filter.qs
    listing.chart = month_chart(counts_for(listing, "month"))
    page = keyset_page(
        events,
        newest_first=listing.newest_first,
        cursor=cursor,
        size=EVENTS_PER_PAGE,
        read=read_entries,
        key=lambda entry: entry["sort_key"],
    )
    listing.events, listing.next_cursor = page.items, page.next_cursor
    listing.groups = group_by_year_and_month(page.items)
    return listing


def counts_for(listing: EventListing, group_by: str) -> Counts:
    """event_counts() of the listing's events: a scan of every matching event (tens of
    milliseconds at a million), so kept while the data is unchanged."""
    return data_version.cached(
        "timeline:counts",
        (group_by, EventFilter.key(listing.data)),
        lambda: event_counts(listing.queryset, group_by),
    )


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
    """The countries most often involved with `country` in the listing's events."""
    rows = counts_for(listing, "country").rows
    counts = {row["key"]: row["count"] for row in rows if row["key"] != country.iso_alpha2}
    top = list(counts)[:PARTNERS_SHOWN]
    found = Country.objects.in_bulk(top, field_name="iso_alpha2")
    return [
        Partner(found[code], counts[code], "-".join(sorted((code, country.iso_alpha2))))
        for code in top
    ]


def event_by_ref(ref: str) -> dict:
    """The entry of the event whose public id or slug is `ref` (timeline.entries)."""
    found = read_entries(Event.objects.by_reference(ref)[:1])
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


def filter_choices() -> dict:
    """What the filter form offers: every country and topic, in reading order, and the
    officials when they are few enough to list. Not narrowed to those found in some event:
    asking that of every country costs a scan of the countries-involved table for each
    country that has none. The same on every page until the data changes: kept."""
    return data_version.cached("timeline:filter-choices", (), _filter_choices)


def _filter_choices() -> dict:
    officials = list(
        Official.objects.order_by("name").values_list("slug", "name")[: OFFICIALS_IN_SELECT + 1]
    )
    return {
        "countries": list(
            Country.objects.order_by("name").values_list("iso_alpha2", "iso_alpha3", "name")
        ),
        "officials": officials if len(officials) <= OFFICIALS_IN_SELECT else None,
        "topics": list(Topic.objects.order_by("name").values_list("slug", "name")),
    }
