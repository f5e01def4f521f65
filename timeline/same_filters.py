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
