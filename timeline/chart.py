"""The events-per-month bar chart above each list, laid out on the server as inline SVG.

Bars are positioned in percentages of the chart's width, so one drawing fits a phone and a
wide screen without scaling its text, and the page needs no script or chart library.
"""

import math
from dataclasses import dataclass

from events.dates import MONTH_ABBREVIATIONS
from events.selectors import Counts

PLOT_TOP = 18  # room for the scale label
PLOT_HEIGHT = 110
HEIGHT = PLOT_TOP + PLOT_HEIGHT + 20  # and for the year labels below
# A short range is padded to a year, so a single month is a bar, not a slab.
MIN_MONTHS = 12
MAX_YEAR_LABELS = 10


@dataclass
class Bar:
    key: str  # "2024-07", what the date filters take
    label: str  # "Jul 2024"
    count: int
    x: float  # percent of the width
    width: float
    y: float  # pixels
    height: float


@dataclass
class YearMark:
    year: int
    x: float
    labelled: bool


@dataclass
class MonthChart:
    bars: list[Bar]  # every month of the range, oldest first, empty months too
    years: list[YearMark]
    wider_than_period: int
    placed: int
    max_count: int
    height: int = HEIGHT
    plot_top: int = PLOT_TOP
    baseline: int = PLOT_TOP + PLOT_HEIGHT
    busiest: Bar | None = None  # the latest of the fullest months

    @property
    def total(self) -> int:
        return self.placed + self.wider_than_period

    @property
    def months_with_events(self) -> list[Bar]:
        """The table version: months that have events, newest first, as the list reads."""
        return [bar for bar in reversed(self.bars) if bar.count]


def _month_index(key: str) -> int:
    year, month = key.split("-")
    return int(year) * 12 + int(month) - 1


def _month_key(index: int) -> tuple[int, int]:
    return index // 12, index % 12 + 1


def month_chart(counts: Counts) -> MonthChart:
    """Lay out `counts` (event_counts(..., "month")) as bars, one per month from the first
    to the last month with events."""
    by_month = {_month_index(row["key"]): row["count"] for row in counts.rows}
    placed = sum(by_month.values())
    if not by_month:
        return MonthChart([], [], counts.wider_than_period, 0, 0)
    last = max(by_month)
    first = min(min(by_month), last - MIN_MONTHS + 1)
    months = range(first, last + 1)
    slot = 100 / len(months)
    top = max(by_month.values())
    bars = []
    for position, index in enumerate(months):
        year, month = _month_key(index)
        count = by_month.get(index, 0)
        # A month with one event among months with hundreds still shows a sliver.
        height = max(2.0, PLOT_HEIGHT * count / top) if count else 0.0
        bars.append(
            Bar(
                key=f"{year:04d}-{month:02d}",
                label=f"{MONTH_ABBREVIATIONS[month - 1]} {year}",
                count=count,
                x=round(position * slot + slot * 0.1, 4),
                width=round(slot * 0.8, 4),
                y=round(PLOT_TOP + PLOT_HEIGHT - height, 2),
                height=round(height, 2),
            )
        )
    return MonthChart(
        bars=bars,
        years=_year_marks(months, slot),
        wider_than_period=counts.wider_than_period,
        placed=placed,
        max_count=top,
        busiest=[bar for bar in bars if bar.count == top][-1],
    )


def _year_marks(months: range, slot: float) -> list[YearMark]:
    starts = {}
    for position, index in enumerate(months):
        starts.setdefault(_month_key(index)[0], position)
    every = math.ceil(len(starts) / MAX_YEAR_LABELS)
    marks = []
    for number, (year, position) in enumerate(starts.items()):
        x = round(position * slot, 4)
        # A label starting near the right edge would be cut off.
        room = x < 92 or len(starts) == 1
        marks.append(YearMark(year, x, labelled=number % every == 0 and room))
    return marks
