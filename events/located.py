"""Reads for the map: the filtered events that have coordinates, counted per place in
SQL. Places are cells of a grid of CELL_DEGREES: one place where editors give the same
coordinates (a capital), and a bounded number of rows however many events there are
(the partial index `event_located` holds only the located events' coordinates)."""

from dataclasses import dataclass

from django.db.models import Avg, Count, F, Max, Min, QuerySet
from django.db.models.functions import Floor

CELL_DEGREES = 1
MOST_PLACES = 400  # the busiest cells drawn; the rest are counted in `more`


@dataclass
class Place:
    latitude: float  # the mean of the cell's events: the place itself when it is one
    longitude: float
    name: str  # as the source names it ("Kyiv"); "" when none is given
    names: int  # 1 when every event in the cell names the same place
    count: int


@dataclass
class Located:
    places: list[Place]  # busiest first
    located: int  # events with coordinates
    more: int  # located events in cells not among `places`


def event_places(events: QuerySet) -> Located:
    """The events of `events` (filtered) that have coordinates, per place, busiest first."""
    located = events.order_by().filter(latitude__isnull=False)
    rows = list(
        located.values(
            row=Floor((F("latitude") + 90) / CELL_DEGREES),
            column=Floor((F("longitude") + 180) / CELL_DEGREES),
        )
        .annotate(
            n=Count("pk", distinct=True),
            lat=Avg("latitude"),
            lon=Avg("longitude"),
            first=Min("location"),
            last=Max("location"),
        )
        .order_by("-n", "row", "column")[:MOST_PLACES]
    )
    places = [
        Place(
            float(row["lat"]),
            float(row["lon"]),
            row["first"] or row["last"] or "",
            1 if row["first"] == row["last"] else 2,
            row["n"],
        )
        for row in rows
    ]
    total = located.count() if len(rows) == MOST_PLACES else sum(p.count for p in places)
    return Located(places, total, total - sum(p.count for p in places))
