"""Fuzzy dates: what an article says ("on Oct. 26", "in late September", "in August") kept as an
inclusive range of days plus the precision it was given with.

The range is what SQL sorts and filters on; the precision is what keeps the label honest
("late Sep 2024", never "21 Sep 2024"). One value type serves the models, the admin forms, the
API and the extractor, so every part of the project reads and writes dates the same way.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import total_ordering

from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime


class DatePrecision(models.IntegerChoices):
    """How precisely a date is known. Stored as an integer so that "more precise first"
    is a plain column in the chronological index."""

    DAY = 1, "day"
    DAY_RANGE = 2, "day range"
    PART_OF_MONTH = 3, "part of month"
    MONTH = 4, "month"
    QUARTER = 5, "quarter"
    YEAR = 6, "year"

    @property
    def slug(self) -> str:
        """The name used in URLs, filters and exports: "day_range", "part_of_month"."""
        return self.name.lower()

    @classmethod
    def from_slug(cls, slug: str) -> DatePrecision:
        try:
            return cls[slug.strip().upper()]
        except KeyError:
            names = ", ".join(p.slug for p in cls)
            raise FuzzyDateError(f"Unknown precision {slug!r}; use one of {names}.") from None


class DateQualifier(models.TextChoices):
    """How sure the source is of the date (EDTF's "~" and "?")."""

    EXACT = "exact", "as stated"
    APPROXIMATE = "approximate", "approximate (around)"
    UNCERTAIN = "uncertain", "uncertain (reportedly)"


class FuzzyDateError(ValueError):
    """A date that cannot be read or whose parts disagree. `field` names the part at fault
    ("start", "end", "precision" or "text") so forms and the API can attach the message."""

    def __init__(self, message: str, field: str = "text"):
        super().__init__(message)
        self.message = message
        self.field = field


MONTH_ABBREVIATIONS = [calendar.month_abbr[m] for m in range(1, 13)]
_PRECISIONS = {p.value: p for p in DatePrecision}
_QUALIFIERS = {q.value: q for q in DateQualifier}
PARTS_OF_MONTH = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3}
QUARTER_WORDS["4th"] = 4
# EDTF level 2 spells quarters as pseudo-months 33-36.
EDTF_QUARTER_OFFSET = 32


def last_day_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _part_of_month_bounds(year: int, month: int, part: str) -> tuple[date, date]:
    first, last = PARTS_OF_MONTH[part]
    end = last_day_of_month(year, month) if part == "late" else date(year, month, last)
    return date(year, month, first), end


@total_ordering
@dataclass(frozen=True, eq=True)
class FuzzyDate:
    """An inclusive range of days with the precision it was stated in.

    Construct through the class methods (`day`, `month`, `parse`, ...) or directly; the
    constructor refuses a range that its precision cannot describe.
    """

    start: date
    end: date
    precision: DatePrecision
    qualifier: DateQualifier = DateQualifier.EXACT

    def __post_init__(self):
        object.__setattr__(self, "precision", DatePrecision(self.precision))
        object.__setattr__(self, "qualifier", DateQualifier(self.qualifier))
        check_consistency(self.start, self.end, self.precision)

    # Constructors ---------------------------------------------------------------------

    @classmethod
    def day(cls, day: date, qualifier=DateQualifier.EXACT) -> FuzzyDate:
        return cls(day, day, DatePrecision.DAY, qualifier)

    @classmethod
    def day_range(cls, start: date, end: date, qualifier=DateQualifier.EXACT) -> FuzzyDate:
        return cls(start, end, DatePrecision.DAY_RANGE, qualifier)

    @classmethod
    def part_of_month(
        cls, year: int, month: int, part: str, qualifier=DateQualifier.EXACT
    ) -> FuzzyDate:
        start, end = _part_of_month_bounds(year, month, part)
        return cls(start, end, DatePrecision.PART_OF_MONTH, qualifier)

    @classmethod
    def month(cls, year: int, month: int, qualifier=DateQualifier.EXACT) -> FuzzyDate:
        return cls(
            date(year, month, 1), last_day_of_month(year, month), DatePrecision.MONTH, qualifier
        )

    @classmethod
    def quarter(cls, year: int, quarter: int, qualifier=DateQualifier.EXACT) -> FuzzyDate:
        first_month = 3 * (quarter - 1) + 1
        return cls(
            date(year, first_month, 1),
            last_day_of_month(year, first_month + 2),
            DatePrecision.QUARTER,
            qualifier,
        )

    @classmethod
    def year(cls, year: int, qualifier=DateQualifier.EXACT) -> FuzzyDate:
        return cls(date(year, 1, 1), date(year, 12, 31), DatePrecision.YEAR, qualifier)

    @classmethod
    def from_range(cls, start: date, end: date, qualifier=DateQualifier.EXACT) -> FuzzyDate:
        """The coarsest named precision whose span is exactly [start, end]: 1-31 Aug is
        "Aug", 21-30 Sep is "late Sep", 8-9 Jul stays a day range."""
        if end < start:
            raise FuzzyDateError(f"The end ({end}) is before the start ({start}).", "end")
        for precision in reversed(DatePrecision):
            try:
                return cls(start, end, precision, qualifier)
            except FuzzyDateError:
                continue
        raise AssertionError("a day range accepts any span of two or more days")

    @classmethod
    def trusted(cls, start, end, precision, qualifier=DateQualifier.EXACT) -> FuzzyDate:
        """A date read back from the database, whose constraints already hold it consistent:
        built without checking again (a page of events builds many)."""
        fuzzy = object.__new__(cls)
        object.__setattr__(fuzzy, "start", start)
        object.__setattr__(fuzzy, "end", end)
        object.__setattr__(fuzzy, "precision", _PRECISIONS[precision])
        object.__setattr__(fuzzy, "qualifier", _QUALIFIERS[qualifier])
        return fuzzy

    @classmethod
    def or_none(cls, start, end, precision, qualifier=DateQualifier.EXACT) -> FuzzyDate | None:
        """The date these fields describe, or None while they are incomplete or disagree
        (a half-filled form, an unknown tenure end)."""
        try:
            return cls(start, end, precision, qualifier or DateQualifier.EXACT)
        except (FuzzyDateError, TypeError, ValueError):
            return None

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Read a date as an editor types it; see `parse_fuzzy_date`."""
        return parse_fuzzy_date(text)

    # Reading --------------------------------------------------------------------------

    @property
    def label(self) -> str:
        """The date as people read it: "26 Oct 2024", "8–9 Jul 2024", "late Sep 2024"."""
        text = self._plain_label()
        if self.qualifier == DateQualifier.APPROXIMATE:
            return f"c. {text}"
        if self.qualifier == DateQualifier.UNCERTAIN:
            return f"{text}?"
        return text

    def _plain_label(self) -> str:
        s, e, p = self.start, self.end, self.precision
        if p == DatePrecision.DAY:
            return _day_label(s)
        if p == DatePrecision.DAY_RANGE:
            if (s.year, s.month) == (e.year, e.month):
                return f"{s.day}\u2013{e.day} {MONTH_ABBREVIATIONS[s.month - 1]} {s.year}"
            if s.year == e.year:
                return f"{s.day} {MONTH_ABBREVIATIONS[s.month - 1]} \u2013 {_day_label(e)}"
            return f"{_day_label(s)} \u2013 {_day_label(e)}"
        if p == DatePrecision.PART_OF_MONTH:
            part = {1: "early", 11: "mid", 21: "late"}[s.day]
            return f"{part} {MONTH_ABBREVIATIONS[s.month - 1]} {s.year}"
        if p == DatePrecision.MONTH:
            return f"{MONTH_ABBREVIATIONS[s.month - 1]} {s.year}"
        if p == DatePrecision.QUARTER:
            return f"Q{(s.month - 1) // 3 + 1} {s.year}"
        return str(s.year)

    @property
    def edtf(self) -> str:
        """The Extended Date/Time Format (ISO 8601-2) form: "2024-08", "2024-10-26~"."""
        mark = {DateQualifier.EXACT: "", DateQualifier.APPROXIMATE: "~"}.get(self.qualifier, "?")
        s, e, p = self.start, self.end, self.precision
        if p == DatePrecision.DAY:
            return f"{s.isoformat()}{mark}"
        if p == DatePrecision.MONTH:
            return f"{s:%Y-%m}{mark}"
        if p == DatePrecision.YEAR:
            return f"{s.year:04d}{mark}"
        if p == DatePrecision.QUARTER:
            # Level 0 month interval; the level 2 quarter codes (2025-33) are rarely read.
            return f"{s:%Y-%m}{mark}/{e:%Y-%m}{mark}"
        return f"{s.isoformat()}{mark}/{e.isoformat()}{mark}"

    @property
    def sort_key(self) -> tuple[date, int, date]:
        """Chronological order: by start; at equal starts the more precise first, then by end."""
        return (self.start, int(self.precision), self.end)

    def __lt__(self, other: FuzzyDate) -> bool:
        if not isinstance(other, FuzzyDate):
            return NotImplemented
        return self.sort_key < other.sort_key

    def overlaps(self, start: date | None, end: date | None) -> bool:
        """Whether any day of this range lies in [start, end]; None leaves that side open."""
        return (start is None or self.end >= start) and (end is None or self.start <= end)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return self.label


def _day_label(day: date) -> str:
    return f"{day.day} {MONTH_ABBREVIATIONS[day.month - 1]} {day.year}"


# The dates the system records: the modern diplomatic record, and plans well ahead. Outside
# them a date is a typo far more often than a fact ("Q4 9999"), and every consumer (the
# calendar export's next day, the chart's year axis) would have to cope with it.
EARLIEST = date(1800, 1, 1)
LATEST = date(2199, 12, 31)
OUT_OF_RANGE = f"Dates run from {EARLIEST.year} to {LATEST.year}; {{day}} is outside that."


def check_consistency(start: date, end: date, precision: DatePrecision) -> None:
    """Raise FuzzyDateError unless [start, end] is a range that `precision` describes, within
    EARLIEST..LATEST. The database enforces the same shape rules (see events.models.fuzzy)."""
    if start is None or end is None:
        raise FuzzyDateError(
            "A date needs both a start and an end.", "start" if not start else "end"
        )
    for day, part in ((start, "start"), (end, "end")):
        if not EARLIEST <= day <= LATEST:
            raise FuzzyDateError(OUT_OF_RANGE.format(day=day.isoformat()), part)
    if end < start:
        raise FuzzyDateError(f"The end ({end}) is before the start ({start}).", "end")
    p = DatePrecision(precision)
    if p == DatePrecision.DAY:
        if start != end:
            raise FuzzyDateError(
                "A date with day precision starts and ends on the same day; "
                "use \u201cday range\u201d for several days.",
                "precision",
            )
        return
    if p == DatePrecision.DAY_RANGE:
        if start == end:
            raise FuzzyDateError(
                "A day range spans at least two days; use \u201cday\u201d for one.", "precision"
            )
        return
    if p == DatePrecision.PART_OF_MONTH:
        parts = {v[0]: k for k, v in PARTS_OF_MONTH.items()}
        part = parts.get(start.day)
        if part is None or (start.year, start.month) != (end.year, end.month):
            raise FuzzyDateError(
                "Part of month means early (days 1-10), mid (11-20) or late (21-end) of one month.",
                "precision",
            )
        bounds = _part_of_month_bounds(start.year, start.month, part)
        if (start, end) != bounds:
            raise FuzzyDateError(
                f"{part.capitalize()} {MONTH_ABBREVIATIONS[start.month - 1]} {start.year} "
                f"runs from {bounds[0]} to {bounds[1]}.",
                "precision",
            )
        return
    if p == DatePrecision.MONTH:
        if start.day != 1 or end != last_day_of_month(start.year, start.month):
            raise FuzzyDateError(
                "A date with month precision runs from the first to the last day of one month.",
                "precision",
            )
        return
    if p == DatePrecision.QUARTER:
        if (
            start.day != 1
            or start.month not in (1, 4, 7, 10)
            or end != last_day_of_month(start.year, start.month + 2)
        ):
            raise FuzzyDateError(
                "A quarter runs from 1 Jan, 1 Apr, 1 Jul or 1 Oct to the end of its third month.",
                "precision",
            )
        return
    if (start.month, start.day, end.month, end.day) != (1, 1, 12, 31) or start.year != end.year:
        raise FuzzyDateError(
            "A date with year precision runs from 1 Jan to 31 Dec of one year.", "precision"
        )


# Parsing -------------------------------------------------------------------------------

_MONTH = (
    r"(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
)
_DAY = r"(\d{1,2})"
_YEAR = r"(\d{4})"
_ISO_PART = r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    (name, re.compile(rf"^{pattern}$"))
    for name, pattern in [
        ("iso_interval", rf"{_ISO_PART}/{_ISO_PART}"),
        ("edtf_quarter", r"(\d{4})-(3[3-6])"),
        ("iso", _ISO_PART),
        ("quarter", r"q([1-4]) ?-? ?(\d{4})"),
        ("quarter_year_first", r"(\d{4}) ?-? ?q([1-4])"),
        ("quarter_words", rf"(first|second|third|fourth|1st|2nd|3rd|4th) quarter (?:of )?{_YEAR}"),
        ("part_of_month", rf"(early|mid|late) ?-? ?{_MONTH} {_YEAR}"),
        ("month", rf"{_MONTH} {_YEAR}"),
        ("day_dmy", rf"{_DAY} {_MONTH} {_YEAR}"),
        ("day_mdy", rf"{_MONTH} {_DAY} {_YEAR}"),
        ("range_dmy", rf"{_DAY} ?- ?{_DAY} {_MONTH} {_YEAR}"),
        ("range_mdy", rf"{_MONTH} {_DAY} ?- ?{_DAY} {_YEAR}"),
        ("range_dmy_months", rf"{_DAY} {_MONTH}(?: {_YEAR})? ?- ?{_DAY} {_MONTH} {_YEAR}"),
        ("range_mdy_months", rf"{_MONTH} {_DAY}(?: {_YEAR})? ?- ?{_MONTH} {_DAY} {_YEAR}"),
        # 07/09/2019, 07-09-2019, 07.09.2019 (dots are spaces by now): read only when the
        # order of day and month cannot matter (_numeric_day).
        ("numeric_day", r"(\d{1,2})([/ -])(\d{1,2})\2(\d{4})"),
    ]
]

_APPROXIMATE_WORDS = ("circa", "around", "about", "approximately", "approx", "ca", "c")
_UNCERTAIN_WORDS = ("reportedly", "possibly", "probably")
EXAMPLES = "26 Oct 2024, 8\u20139 Jul 2024, late Sep 2024, Aug 2024, Q1 2025, 2023"


def _month_number(token: str) -> int:
    return MONTH_ABBREVIATIONS.index(token[:3].capitalize()) + 1


def _normalise(text: str) -> str:
    text = text.strip().lower()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)  # hyphens, en and em dashes, minus
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)  # 26th -> 26
    text = re.sub(r"\bto\b|\buntil\b|\bthrough\b", "-", text)
    text = text.replace(",", " ").replace(".", " ")
    text = re.sub(r"\bof\b(?! ?\d)", " ", text)  # "26 of October"; keep "quarter of 2025"
    text = re.sub(r"^(?:(?:in|on|during|the)\s+)+", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _split_qualifier(text: str) -> tuple[str, DateQualifier]:
    # EDTF marks may follow each end of an interval ("2024-09-21~/2024-09-30~").
    if "?" in text:
        return text.replace("?", "").strip(), DateQualifier.UNCERTAIN
    if "~" in text:
        return text.replace("~", "").strip(), DateQualifier.APPROXIMATE
    first, _, rest = text.partition(" ")
    if first.rstrip(".") in _APPROXIMATE_WORDS and rest:
        return rest, DateQualifier.APPROXIMATE
    if first in _UNCERTAIN_WORDS and rest:
        return rest, DateQualifier.UNCERTAIN
    return text, DateQualifier.EXACT


def _iso_bounds(year: str, month: str | None, day: str | None) -> tuple[date, date, str]:
    y = int(year)
    if month is None:
        return date(y, 1, 1), date(y, 12, 31), "year"
    m = int(month)
    if day is None:
        return date(y, m, 1), last_day_of_month(y, m), "month"
    d = date(y, m, int(day))
    return d, d, "day"


def parse_fuzzy_date(text: str) -> FuzzyDate:
    """Read a date as an editor types it and return its range and precision.

    Accepts ISO and EDTF forms ("2024-10-26", "2024-08", "2023", "2024-09-21/2024-09-30",
    "2024-10-26~"), day-month-year and month-day-year with full or short month names
    ("26 Oct 2024", "Oct. 26, 2024"), day ranges ("8-9 Jul 2024", "July 8-9, 2024",
    "30 Jun - 2 Jul 2024"), parts of months ("late Sep 2024"), months ("Aug 2024"), quarters
    ("Q1 2025", "first quarter of 2025") and years, optionally qualified as approximate
    ("c.", "around", "~") or uncertain ("reportedly", "?").
    """
    if not isinstance(text, str) or not text.strip():
        raise FuzzyDateError(f"Enter a date, such as {EXAMPLES}.")
    raw = text
    # Qualifiers are read before punctuation is dropped: "c." and "?" are punctuation.
    body, qualifier = _split_qualifier(text.strip().lower())
    body = _normalise(body)
    try:
        for name, pattern in _PATTERNS:
            match = pattern.match(body)
            if match:
                return _build(name, match.groups(), qualifier)
    except ValueError as error:
        if isinstance(error, FuzzyDateError):
            raise
        # date() rejects 31 Feb and month 13 with a message that names the part.
        raise FuzzyDateError(f"{raw.strip()!r} is not a calendar date: {error}.") from None
    raise FuzzyDateError(f"Could not read {raw.strip()!r} as a date; write it like {EXAMPLES}.")


def _build(name: str, g: tuple, qualifier: DateQualifier) -> FuzzyDate:
    if name == "iso_interval":
        start, _, _ = _iso_bounds(*g[:3])
        _, end, _ = _iso_bounds(*g[3:])
        return FuzzyDate.from_range(start, end, qualifier)
    if name == "iso":
        start, end, kind = _iso_bounds(*g)
        if kind == "day":
            return FuzzyDate.day(start, qualifier)
        if kind == "month":
            return FuzzyDate.month(start.year, start.month, qualifier)
        return FuzzyDate.year(start.year, qualifier)
    if name == "edtf_quarter":
        return FuzzyDate.quarter(int(g[0]), int(g[1]) - EDTF_QUARTER_OFFSET, qualifier)
    if name == "quarter":
        return FuzzyDate.quarter(int(g[1]), int(g[0]), qualifier)
    if name == "quarter_year_first":
        return FuzzyDate.quarter(int(g[0]), int(g[1]), qualifier)
    if name == "quarter_words":
        return FuzzyDate.quarter(int(g[1]), QUARTER_WORDS[g[0]], qualifier)
    if name == "part_of_month":
        return FuzzyDate.part_of_month(int(g[2]), _month_number(g[1]), g[0], qualifier)
    if name == "month":
        return FuzzyDate.month(int(g[1]), _month_number(g[0]), qualifier)
    if name == "numeric_day":
        return FuzzyDate.day(_numeric_day(int(g[0]), int(g[2]), int(g[3])), qualifier)
    if name == "day_dmy":
        return FuzzyDate.day(date(int(g[2]), _month_number(g[1]), int(g[0])), qualifier)
    if name == "day_mdy":
        return FuzzyDate.day(date(int(g[2]), _month_number(g[0]), int(g[1])), qualifier)
    if name == "range_dmy":
        year, month = int(g[3]), _month_number(g[2])
        return _day_span(date(year, month, int(g[0])), date(year, month, int(g[1])), qualifier)
    if name == "range_mdy":
        year, month = int(g[3]), _month_number(g[0])
        return _day_span(date(year, month, int(g[1])), date(year, month, int(g[2])), qualifier)
    if name == "range_dmy_months":
        end_year = int(g[5])
        start_year = int(g[2]) if g[2] else end_year
        start = date(start_year, _month_number(g[1]), int(g[0]))
        return _day_span(start, date(end_year, _month_number(g[4]), int(g[3])), qualifier)
    # range_mdy_months
    end_year = int(g[5])
    start_year = int(g[2]) if g[2] else end_year
    start = date(start_year, _month_number(g[0]), int(g[1]))
    return _day_span(start, date(end_year, _month_number(g[3]), int(g[4])), qualifier)


def _numeric_day(first: int, second: int, year: int) -> date:
    """A day written in digits only. Whether 07/09/2019 is 7 September or 9 July depends on
    the writer's country, and a wrong guess moves every date resolved from it, so it is read
    only when one reading is possible: equal parts, or one part above 12."""
    if first == second or second > 12:
        return date(year, second if first == second else first, second)
    if first > 12:
        return date(year, second, first)
    one, other = date(year, second, first), date(year, first, second)
    raise FuzzyDateError(
        f"{first:02d}/{second:02d}/{year} could be {_day_label(one)} or {_day_label(other)}: "
        "day and month come in either order in numeric dates. Write the month as a word "
        f"({_day_label(one)}) or the date as year-month-day ({one.isoformat()})."
    )


def parse_moment(text: str) -> datetime:
    """A moment as an editor or a client types it (a source's publication time): an ISO
    date-time ("2024-10-27T04:15:00+00:00"), or a day in the grammar of parse_fuzzy_date
    followed by an optional time ("27 Oct 2024 04:15", "Oct. 27, 2024", "2024-10-27").
    Without a time, the moment is the start of the day; without a zone, it is in the
    current time zone. Raises FuzzyDateError saying what is wrong."""
    text = text.strip() if isinstance(text, str) else ""
    try:
        moment = parse_datetime(text)
    except ValueError:
        moment = None
    if moment is None:
        day_text, at = _split_time(text)
        fuzzy = parse_fuzzy_date(day_text)
        if fuzzy.precision != DatePrecision.DAY or fuzzy.qualifier != DateQualifier.EXACT:
            raise FuzzyDateError(
                f"{day_text!r} is not one day ({fuzzy.precision.label}, "
                f"{fuzzy.qualifier.label}): a publication date is one exact day, "
                "such as 9 Jul 2019 or 2019-07-09."
            )
        moment = datetime.combine(fuzzy.start, at or time())
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


_TIME_AT_END = re.compile(
    r"^(?P<day>.+?)[\s,t]+(?:at\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})"
    r"(?::(?P<second>\d{2}))?\s*(?P<half>[ap]\.?m\.?)?\s*(?:utc|gmt|z)?$",
    re.IGNORECASE,
)


def _split_time(text: str) -> tuple[str, time | None]:
    """The day's text and the time of day written after it, if any."""
    found = _TIME_AT_END.match(text)
    if not found:
        return text, None
    hour, minute = int(found["hour"]), int(found["minute"])
    half = (found["half"] or "").lower().replace(".", "")
    if half and not 1 <= hour <= 12:
        raise FuzzyDateError(f"{hour} {half} is not a time of day.")
    if half:
        hour = hour % 12 + (12 if half == "pm" else 0)
    try:
        return found["day"], time(hour, minute, int(found["second"] or 0))
    except ValueError:
        raise FuzzyDateError(f"{text!r} has no such time of day.") from None


def moment_label(moment: datetime) -> str:
    """A publication time as parse_moment reads it back: "27 Oct 2024 04:15", or the day
    alone when no time was given (the start of the day)."""
    local = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    day = _day_label(local.date())
    return day if local.time() == time() else f"{day} {local:%H:%M}"


def _day_span(start: date, end: date, qualifier: DateQualifier) -> FuzzyDate:
    if end < start:
        raise FuzzyDateError(f"The end ({end}) is before the start ({start}).", "end")
    if start == end:
        return FuzzyDate.day(start, qualifier)
    return FuzzyDate.day_range(start, end, qualifier)
