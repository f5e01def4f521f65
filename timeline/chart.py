"""The events-per-month bar chart above each list, laid out on the server as inline SVG.

Bars are positioned in percentages of the chart's width, so one drawing fits a phone and a
wide screen without scaling its text, and the page needs no script or chart library. Past
MAX_BARS months a bar stands for a quarter, a year or more (calendar-aligned), so that on
a 375 px phone every bar is still a couple of pixels wide; each bar links to the listing
narrowed to its period.
"""

from dataclasses import dataclass

from events.dates import MONTH_ABBREVIATIONS
from events.selectors import Counts

PLOT_TOP = 18  # room for the scale label
PLOT_HEIGHT = 110
HEIGHT = PLOT_TOP + PLOT_HEIGHT + 20  # and for the year labels below
# A short range is padded to a year, so a single month is a bar, not a slab.
MIN_MONTHS = 12
# About 2.8 px a bar on a phone's 340 px of plot: still a visible bar and a target.
MAX_BARS = 120
# What one bar may stand for, in months: a month, a quarter, a year, 5, 10, 50, 100 years.
BIN_MONTHS = (1, 3, 12, 60, 120, 600, 1200)
# Year labels are four digits (about 30 px): eight fit a phone's width with room between.
MAX_YEAR_LABELS = 8
# Labelled years are multiples of a step, so a long axis reads 1990, 2000, 2010.
YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
BIN_NAMES = {1: "month", 3: "quarter", 12: "year"}


@dataclass
class Bar:
    key: str  # "2024-07" (the bar's first month)
    label: str  # "Jul 2024", "Q3 2024", "2024", "1990–1994"
    count: int
    x: float  # percent of the width
    width: float
    y: float  # pixels
    height: float
    date_after: str = ""  # the date filters that narrow the list to the bar's period
    date_before: str = ""
    slot_x: float = 0.0  # the bar's whole slot: the link's target area
    slot_width: float = 0.0


@dataclass
class YearMark:
    """A labelled tick at the start (1 January) of a year."""

    year: int
    x: float
    anchor: str = "middle"  # "start" or "end" near an edge, so the label is not cut off


@dataclass
class MonthChart:
    bars: list[Bar]  # every period of the range, oldest first, empty ones too
    years: list[YearMark]
    wider_than_period: int
    placed: int
    max_count: int
    height: int = HEIGHT
    plot_top: int = PLOT_TOP
    baseline: int = PLOT_TOP + PLOT_HEIGHT
    busiest: Bar | None = None  # the latest of the fullest periods
    bin_months: int = 1

    @property
    def total(self) -> int:
        return self.placed + self.wider_than_period

    @property
    def period(self) -> str:
        """What a bar stands for: "month", "quarter", "year" or "5 years"."""
        return BIN_NAMES.get(self.bin_months) or f"{self.bin_months // 12} years"

    @property
    def periods(self) -> str:
        return {"month": "months", "quarter": "quarters", "year": "years"}.get(
            self.period, self.period
        )

    @property
    def bars_with_events(self) -> list[Bar]:
        """The table version: periods that have events, newest first, as the list reads."""
        return [bar for bar in reversed(self.bars) if bar.count]


def _month_index(key: str) -> int:
    year, month = key.split("-")
    return int(year) * 12 + int(month) - 1


def _month_key(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _bin_label(start: int, months: int) -> tuple[str, str, str]:
    """The label of the bin of `months` months from month index `start`, and the date
    filters (date_after, date_before) that select it."""
    year, month = divmod(start, 12)
    if months == 1:
        key = _month_key(start)
        return f"{MONTH_ABBREVIATIONS[month]} {year}", key, key
    if months == 3:
        return f"Q{month // 3 + 1} {year}", _month_key(start), _month_key(start + 2)
    if months == 12:
        return f"{year}", f"{year}", f"{year}"
    last = year + months // 12 - 1
    return f"{year}\u2013{last}", f"{year}", f"{last}"


def month_chart(counts: Counts) -> MonthChart:
    """Lay out `counts` (event_counts(..., "month")) as bars, one per month from the first
    to the last month with events, or one per longer period over a long range."""
    by_month = {_month_index(row["key"]): row["count"] for row in counts.rows}
    placed = sum(by_month.values())
    if not by_month:
        return MonthChart([], [], counts.wider_than_period, 0, 0)
    last = max(by_month)
    first = min(min(by_month), last - MIN_MONTHS + 1)
    size = next(
        (months for months in BIN_MONTHS if last // months - first // months + 1 <= MAX_BARS),
        BIN_MONTHS[-1],
    )
    by_bin: dict[int, int] = {}
    for index, count in by_month.items():
        by_bin[index // size] = by_bin.get(index // size, 0) + count
    bins = range(first // size, last // size + 1)
    slot = 100 / len(bins)
    top = max(by_bin.values())
    bars = []
    for position, number in enumerate(bins):
        count = by_bin.get(number, 0)
        # A period with one event among periods with hundreds still shows a sliver.
        height = max(2.0, PLOT_HEIGHT * count / top) if count else 0.0
        label, after, before = _bin_label(number * size, size)
        bars.append(
            Bar(
                key=_month_key(number * size),
                label=label,
                count=count,
                x=round(position * slot + slot * 0.1, 4),
                width=round(slot * 0.8, 4),
                y=round(PLOT_TOP + PLOT_HEIGHT - height, 2),
                height=round(height, 2),
                date_after=after,
                date_before=before,
                slot_x=round(position * slot, 4),
                slot_width=round(slot, 4),
            )
        )
    return MonthChart(
        bars=bars,
        years=_year_marks(bins, size, slot),
        wider_than_period=counts.wider_than_period,
        placed=placed,
        max_count=top,
        busiest=[bar for bar in bars if bar.count == top][-1],
        bin_months=size,
    )


def _year_marks(bins: range, size: int, slot: float) -> list[YearMark]:
    """A labelled tick at each year's start within the range, thinned to the multiples of
    the smallest step that leaves at most MAX_YEAR_LABELS; a year that starts before the
    range (the padded first months) has no tick, so no label ever stands for another
    month than January."""
    starts = {}  # year -> position of the bin starting on its 1 January
    for position, number in enumerate(bins):
        month = number * size
        if month % 12 == 0:
            starts[month // 12] = position
    # A step whose multiples start bars: a bar of 5 years starts in 1990, 1995, ...
    bin_years = max(1, size // 12)
    step = next(
        (
            step
            for step in YEAR_STEPS
            if step % bin_years == 0 and sum(year % step == 0 for year in starts) <= MAX_YEAR_LABELS
        ),
        YEAR_STEPS[-1],
    )
    marks = []
    for year, position in starts.items():
        if year % step:
            continue
        x = round(position * slot, 4)
        anchor = "start" if x < 3 else "end" if x > 97 else "middle"
        marks.append(YearMark(year, x, anchor))
    return marks
