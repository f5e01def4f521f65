"""A time axis for the pictures drawn on the server: positions of days as percentages of
the width, and labelled ticks on round dates (1 January of round years, or the first of
months over a short range), thinned so that labels never crowd a phone's width."""

import datetime as dt
from dataclasses import dataclass

from events.dates import MONTH_ABBREVIATIONS

# Four-digit years at about 30 px, "Oct 2024" at about 50: this many fit a 340 px plot.
MAX_YEAR_LABELS = 8
MAX_MONTH_LABELS = 5
YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
MONTH_STEPS = (1, 2, 3, 6, 12)


@dataclass
class Tick:
    label: str
    x: float  # percent of the width
    anchor: str = "middle"  # "start" / "end" near an edge, so the label is not cut off


@dataclass
class Axis:
    """Days from `first` to `last` (inclusive) across 100% of the width."""

    first: dt.date
    last: dt.date

    @classmethod
    def around(cls, first: dt.date, last: dt.date) -> "Axis":
        """Whole months around [first, last]: a single day is not the whole width."""
        start = first.replace(day=1)
        following = (last.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
        return cls(start, following - dt.timedelta(days=1))

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def x(self, day: dt.date) -> float:
        """Where `day` begins."""
        return round((day - self.first).days / self.days * 100, 4)

    def width(self, first: dt.date, last: dt.date) -> float:
        """The width of the days from `first` to `last` inclusive."""
        return round(((last - first).days + 1) / self.days * 100, 4)

    def ticks(self) -> list[Tick]:
        years = [
            dt.date(year, 1, 1)
            for year in range(self.first.year, self.last.year + 1)
            if dt.date(year, 1, 1) >= self.first
        ]
        if len(years) >= 2:
            step = _step(YEAR_STEPS, [d.year for d in years], MAX_YEAR_LABELS)
            marks = [(d, str(d.year)) for d in years if d.year % step == 0]
        else:
            months = []
            day = self.first
            while day <= self.last:
                months.append(day)
                day = (day + dt.timedelta(days=32)).replace(day=1)
            step = _step(MONTH_STEPS, [d.month - 1 for d in months], MAX_MONTH_LABELS)
            marks = [
                (d, f"{MONTH_ABBREVIATIONS[d.month - 1]} {d.year}")
                for d in months
                if (d.month - 1) % step == 0
            ]
        ticks = []
        for day, label in marks:
            x = self.x(day)
            ticks.append(Tick(label, x, "start" if x < 4 else "end" if x > 96 else "middle"))
        return ticks


def _step(steps: tuple[int, ...], values: list[int], most: int) -> int:
    """The smallest step whose multiples among `values` are at most `most`."""
    return next((step for step in steps if sum(v % step == 0 for v in values) <= most), steps[-1])
