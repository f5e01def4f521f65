"""The same filtered events elsewhere: the API's exports of them (CSV, calendar,
TimelineJS, GeoJSON). The timeline's filters are
the API's parameters, so each link is the listing's query with its page's fixed filters
written in (a country page's country), without the cursor: a download is every matching
event, not the page shown."""

from dataclasses import dataclass
from functools import cache

from django.http import QueryDict
from django.urls import reverse

# (format, what the link says, what it is for), in the order the page offers them.
DOWNLOADS = (
    ("csv", "CSV", "a spreadsheet, one row an event"),
    ("ics", "Calendar (ICS)", "all-day calendar entries"),
    ("timelinejs", "TimelineJS", "JSON for TimelineJS"),
    ("geojson", "GeoJSON", "the events with coordinates, for a map"),
)
# Parameters of one page of a list, not of what it lists.
PAGE_ONLY = ("cursor", "page", "page_size", "format", "group")


@dataclass
class Link:
    label: str
    url: str
    description: str = ""
    current: bool = False


@cache
def _events_api() -> str:
    return reverse("api:event-list")


def filter_query(data: QueryDict) -> QueryDict:
    """`data` (a listing's parameters, fixed filters applied) without what only chooses a
    page of it."""
    query = data.copy()
    for name in PAGE_ONLY:
        query.pop(name, None)
    return query


def downloads(data: QueryDict) -> list[Link]:
    """Links to every export of the events that `data` filters."""
    found = []
    for name, label, description in DOWNLOADS:
        query = filter_query(data)
        query["format"] = name
        found.append(Link(label, f"{_events_api()}?{query.urlencode()}", description))
    return found


# The timeline's pictures of a filtered list: (URL name, link text).
VIEWS = (
    ("timeline:index", "List"),
    ("timeline:visual", "Visual timeline"),
    ("timeline:network", "Who met whom"),
    ("timeline:map", "Where"),
)


@cache
def _view_url(name: str) -> str:
    return reverse(name)


def views(data: QueryDict, current: str | None = None) -> list[Link]:
    """Links to the list and to each picture of the events `data` filters; `current` is
    the URL name of the page showing them (the list of a country, a relation or an
    official is not the index: none is current there)."""
    query = filter_query(data).urlencode()
    suffix = f"?{query}" if query else ""
    return [Link(label, _view_url(name) + suffix, current=name == current) for name, label in VIEWS]
