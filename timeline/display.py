"""How a page's entries are arranged for reading: grouped by year and month (no queries)."""

from dataclasses import dataclass
from itertools import groupby

from events.dates import MONTH_ABBREVIATIONS


@dataclass
class MonthGroup:
    # None for events dated to more than one month ("Q3 2024", "2023"): they are not put
    # under a month they may not belong to.
    month: int | None
    year: int
    events: list[dict]  # entries (timeline.entries)

    @property
    def heading(self) -> str:
        if self.month is None:
            return "Over several months"
        # As event dates and the chart write months: "Oct 2024".
        return f"{MONTH_ABBREVIATIONS[self.month - 1]} {self.year}"


@dataclass
class YearGroup:
    year: int
    months: list[MonthGroup]


def _month_of(entry: dict) -> int | None:
    start, end = entry["date_start"], entry["date_end"]
    return start.month if (start.year, start.month) == (end.year, end.month) else None


def group_by_year_and_month(entries: list[dict]) -> list[YearGroup]:
    """Consecutive runs of `entries` (timeline.entries), in the order given, by the year
    and month they start in. The order is the page's order, so a group never moves an
    event."""
    years = []
    for year, in_year in groupby(entries, key=lambda e: e["date_start"].year):
        months = [
            MonthGroup(month, year, list(in_month))
            for month, in_month in groupby(in_year, key=_month_of)
        ]
        years.append(YearGroup(year, months))
    return years
