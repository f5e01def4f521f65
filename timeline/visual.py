"""The visual timeline laid out on the server: lanes (by type or by country pair) across
a time axis, each event a mark from its first to its last possible day (a fuzzy date is a
range; an approximate or uncertain one is hatched), or, past events.lanes.MAX_DRAWN
events, one cell per lane and period shaded by its count. Positions are percentages of
the width, as in the month chart, so one drawing fits a phone and a wide screen."""

import datetime as dt
from dataclasses import dataclass, field

from django.http import QueryDict

from events.lanes import ALONE, OTHER, Lanes
from timeline.axis import Axis, Tick

LANE_LABEL = 16  # px above a lane's marks for its name
ROW = 12  # px a row of marks
ROW_GAP = 3
LANE_GAP = 10
MAX_ROWS = 4  # overlapping marks stack this deep, then overlap
MIN_WIDTH = 0.5  # percent: a one-day event over decades is still a mark to point at
AXIS_HEIGHT = 24
# Periods a cell may stand for, in years, past a few years of counts.
BIN_YEARS = (1, 5, 10, 50, 100)
MAX_CELLS = 60  # per lane: about 5 px a cell on a phone


@dataclass
class Mark:
    title: str
    label: str  # the date as the pages write it
    url: str
    x: float
    width: float
    y: int
    fuzzy: bool  # a range, not a day
    uncertain: bool  # approximate or uncertain: hatched


@dataclass
class Cell:
    label: str  # "2024", "Oct 2024", "1990–1994"
    count: int
    url: str
    x: float
    width: float
    y: int
    height: int
    shade: float  # 0.15 (one event) to 1 (the busiest cell)


@dataclass
class Lane:
    key: str
    label: str
    y: int
    height: int
    count: int = 0
    url: str = ""  # the list of this lane's events
    marks: list[Mark] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    busiest: Cell | None = None


@dataclass
class Picture:
    group_by: str
    drawn: bool
    lanes: list[Lane]
    ticks: list[Tick]
    height: int
    first_label: str = ""
    last_label: str = ""
    wider: int = 0  # binned: events spanning a period, not placed
    period: str = ""  # binned: what a cell stands for


def _lane_label(key: str, group_by: str, names: dict, type_label) -> str:
    if key == OTHER:
        return "Other pairs" if group_by == "pair" else "Other"
    if key == ALONE:
        return "One country or none"
    if group_by == "type":
        return type_label(key)
    first, second = key.split("-")
    return f"{names.get(first, first)} \u2013 {names.get(second, second)}"


def lane_query(data: QueryDict, key: str, group_by: str, **dates) -> str | None:
    """The listing's query narrowed to lane `key` (and `dates`): a type replaces the
    types asked for; a pair's countries are added to those asked for."""
    if key in (OTHER, ALONE):
        return None
    query = data.copy()
    if group_by == "type":
        query.setlist("type", [key])
    else:
        asked = [c for v in query.getlist("country") for c in v.split(",") if c]
        query.setlist("country", list(dict.fromkeys([*asked, *key.split("-")])))
    for name, value in dates.items():
        query[name] = value
    return query.urlencode()


def picture(lanes: Lanes, data: QueryDict, names: dict, type_label, links) -> Picture:
    """Lay out `lanes` (events.lanes.event_lanes); `data` is the listing's filter query
    (without paging), `names` alpha-2 -> country name, `links` the timeline's URLs."""
    index = links.index()
    if lanes.drawn:
        return _drawn(lanes, data, names, type_label, links, index)
    return _binned(lanes, data, names, type_label, index)


def _stack(marks: list[tuple[float, float, dict]]) -> list[tuple[int, float, float, dict]]:
    """Rows for marks (x, width, event) sorted by x: each in the first row free at its x."""
    ends: list[float] = []
    placed = []
    for x, width, event in sorted(marks, key=lambda m: (m[0], -m[1])):
        row = next((i for i, end in enumerate(ends) if end <= x), None)
        if row is None:
            row = len(ends) if len(ends) < MAX_ROWS else min(range(MAX_ROWS), key=ends.__getitem__)
            if row == len(ends):
                ends.append(0.0)
        ends[row] = x + width + 0.2
        placed.append((row, x, width, event))
    return placed


def _drawn(lanes, data, names, type_label, links, index) -> Picture:
    events = lanes.events
    starts = [dt.date.fromisoformat(e["date_start"]) for e in events]
    ends = [dt.date.fromisoformat(e["date_end"]) for e in events]
    if not events:
        return Picture(lanes.group_by, True, [], [], 0)
    axis = Axis.around(min(starts), max(ends))
    y = 0
    drawn = []
    for key in lanes.lanes:
        in_lane = []
        for event, start, end in zip(events, starts, ends, strict=True):
            if key in event["lanes"]:
                width = max(MIN_WIDTH, axis.width(start, end))
                # A widened mark on the last days stays inside the plot.
                in_lane.append((min(axis.x(start), 100 - width), width, event))
        stacked = _stack(in_lane)
        rows = max((row for row, *_ in stacked), default=0) + 1
        height = LANE_LABEL + rows * (ROW + ROW_GAP)
        query = lane_query(data, key, lanes.group_by)
        lane = Lane(
            key,
            _lane_label(key, lanes.group_by, names, type_label),
            y,
            height,
            count=len(in_lane),
            url=f"{index}?{query}" if query is not None else "",
        )
        for row, x, width, event in stacked:
            lane.marks.append(
                Mark(
                    title=event["title"],
                    label=event["date_label"],
                    url=links.event(event["slug"] or event["id"]),
                    x=x,
                    width=width,
                    y=y + LANE_LABEL + row * (ROW + ROW_GAP),
                    fuzzy=event["date_precision"] != "day",
                    uncertain=event["date_qualifier"] != "exact",
                )
            )
        drawn.append(lane)
        y += height + LANE_GAP
    return Picture(
        lanes.group_by,
        True,
        drawn,
        axis.ticks(),
        y,
        first_label=_day(axis.first),
        last_label=_day(axis.last),
    )


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def _binned(lanes, data, names, type_label, index) -> Picture:
    years = [year for _, year, _, _ in lanes.counts]
    if not years:
        return Picture(lanes.group_by, False, [], [], 0, wider=lanes.wider)
    first, last = min(years), max(years)
    size = next((n for n in BIN_YEARS if last // n - first // n + 1 <= MAX_CELLS), BIN_YEARS[-1])
    first, last = first // size * size, (last // size + 1) * size - 1
    axis = Axis(dt.date(first, 1, 1), dt.date(last, 12, 31))
    by_cell: dict[tuple[str, int], int] = {}
    for key, year, _, count in lanes.counts:
        by_cell[key, year // size] = by_cell.get((key, year // size), 0) + count
    top = max(by_cell.values())
    y = 0
    drawn = []
    for key in lanes.lanes:
        height = LANE_LABEL + ROW * 2
        query = lane_query(data, key, lanes.group_by)
        lane = Lane(
            key,
            _lane_label(key, lanes.group_by, names, type_label),
            y,
            height,
            url=f"{index}?{query}" if query is not None else "",
        )
        for (lane_key, number), count in sorted(by_cell.items()):
            if lane_key != key:
                continue
            start, end = number * size, number * size + size - 1
            label = str(start) if size == 1 else f"{start}\u2013{end}"
            query = lane_query(
                data, key, lanes.group_by, date_after=str(start), date_before=str(end)
            )
            cell = Cell(
                label=label,
                count=count,
                url=f"{index}?{query}" if query is not None else "",
                x=axis.x(dt.date(start, 1, 1)),
                width=axis.width(dt.date(start, 1, 1), dt.date(end, 12, 31)),
                y=y + LANE_LABEL,
                height=ROW * 2,
                shade=round(0.15 + 0.85 * count / top, 3),
            )
            lane.cells.append(cell)
            lane.count += count
        lane.busiest = max(lane.cells, key=lambda c: (c.count, c.label), default=None)
        drawn.append(lane)
        y += height + LANE_GAP
    return Picture(
        lanes.group_by,
        False,
        drawn,
        axis.ticks(),
        y,
        first_label=str(first),
        last_label=str(last),
        wider=lanes.wider,
        period="year" if size == 1 else f"{size} years",
    )
