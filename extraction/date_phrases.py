"""Date phrases of news text, resolved against the publication date.

A small grammar of the phrases articles use ("Oct. 26", "July 8-9", "late September", "in
August", "in 2023", "since February 2022", "on Wednesday", "earlier this month", "last
year") rather than a general date parser: general parsers read "we" as a Wednesday, drop
"late" from "late September" and widen spans, and precision is the point here.

Incomplete dates are resolved as DOMAIN.md says: what the text reports as past goes to the
latest matching date on or before publication, what it announces to the earliest on or after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from events.dates import DateQualifier, FuzzyDate, FuzzyDateError, last_day_of_month

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
QUARTERS.update({"fourth": 4, "4th": 4, "final": 4})
PARTS = {"early": "early", "beginning": "early", "start": "early", "mid": "mid"}
PARTS.update({"middle": "mid", "late": "late", "end": "late"})

# Month names are matched capitalised only: "may" and "march" are also verbs.
_MON = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_WD = r"(?:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_Y = r"(?:1[89]\d\d|20\d\d|21\d\d)(?!\d)"
_TO = r"\s*(?P<sep>-|\u2013|\u2014|(?i:to|through|until|and))\s*"
_PREP = (
    r"(?i:in|since|during|until|till|by|from|through|throughout|of|before|after|for"
    r"|between|and|to|early|late|mid|last|this|next|around|about|on)"
)

# (kind, pattern); named groups carry the parts. Longer matches win over shorter ones that
# overlap them, then the earlier kind in this list.
_GRAMMAR = [
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    (
        "range_mdy_months",
        rf"\b{_WD}(?P<m>{_MON})\s+(?P<d>{_D})(?:,?\s+(?P<y>{_Y}))?{_TO}"
        rf"(?P<m2>{_MON})\s+(?P<d2>{_D})(?:,?\s+(?P<y2>{_Y}))?",
    ),
    (
        "range_dmy_months",
        rf"\b(?P<d>{_D})\s+(?P<m>{_MON})(?:\s+(?P<y>{_Y}))?{_TO}"
        rf"(?P<d2>{_D})\s+(?P<m2>{_MON})(?:,?\s+(?P<y2>{_Y}))?",
    ),
    ("range_mdy", rf"\b(?P<m>{_MON})\s+(?P<d>{_D}){_TO}(?P<d2>{_D})(?:,?\s+(?P<y>{_Y}))?"),
    ("range_dmy", rf"\b(?P<d>{_D}){_TO}(?P<d2>{_D})\s+(?P<m>{_MON})(?:,?\s+(?P<y>{_Y}))?"),
    ("mdy", rf"\b{_WD}(?P<m>{_MON})\s+(?:the\s+)?(?P<d>{_D})(?:,?\s+(?P<y>{_Y}))?"),
    ("dmy", rf"\b{_WD}(?:the\s+)?(?P<d>{_D})\s+(?:of\s+)?(?P<m>{_MON})(?:,?\s+(?P<y>{_Y}))?"),
    (
        "part_of_month",
        rf"(?i:\b(?P<part>early|mid|late|the\s+(?:beginning|start|middle|end)\s+of))"
        rf"[\s-]+(?P<m>{_MON})(?:,?\s+(?P<y>{_Y}))?",
    ),
    (
        "part_of_relative_month",
        r"(?i:\b(?P<part>early|mid|late)[\s-]+(?P<which>last|this|next)\s+month\b)",
    ),
    ("month_year", rf"\b(?P<m>{_MON})\s+(?:of\s+)?(?P<y>{_Y})"),
    # Not before a day or a year: "in August 2024" is a month_year, "in August 23" a day.
    (
        "month",
        rf"\b{_PREP}\s+(?:(?i:the\s+month\s+of)\s+)?(?P<m>{_MON})(?![\w-])(?!\.?,?\s+\d)",
    ),
    (
        "quarter",
        rf"(?i:\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final)"
        rf"\s+quarter(?:\s+of\s+(?:(?P<which>this|last|next)\s+year|(?P<y>{_Y})))?)",
    ),
    ("quarter_code", rf"\bQ(?P<q>[1-4])(?:\s+(?P<y>{_Y}))?\b"),
    (
        "half",
        rf"(?i:\b(?:the\s+)?(?P<h>first|second)\s+half\s+of\s+"
        rf"(?:(?P<which>this|last|next)\s+year|(?P<y>{_Y})))",
    ),
    (
        "year_part",
        rf"(?i:\b(?:early|mid|late|the\s+(?:end|start|beginning|middle)\s+of)[\s-]+)(?P<y>{_Y})",
    ),
    ("year", rf"\b{_PREP}\s+(?P<y>{_Y})(?!\s*(?:%|percent|people|troops|km|tons))"),
    ("year_attributive", rf"\b(?i:the)\s+(?P<y>{_Y})(?=\s+[A-Za-z])"),
    (
        "weekday_range",
        r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
        r"\s*(?P<sep>-|\u2013|(?i:and|to|through|until))\s*"
        r"(?P<wd2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    ),
    (
        "weekday",
        r"(?:\b(?P<which>(?i:last|next|this|on|since|by|until|from|early|late))\s+)?"
        r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        r"(?:\s+(?i:morning|afternoon|evening|night))?",
    ),
    (
        "relative_day",
        r"(?i:\b(?P<rel>yesterday|today|tomorrow|tonight|last\s+night|earlier\s+today"
        r"|later\s+today)\b)",
    ),
    (
        "relative_period",
        r"(?i:\b(?P<which>earlier\s+this|later\s+this|last|this|next|the\s+past"
        r"|the\s+coming|the\s+previous)\s+(?P<unit>week|month|year|weekend)\b)",
    ),
    (
        "ago",
        r"(?i:\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
        r"\s+(?P<unit>day|week|month|year)s?\s+ago\b)",
    ),
]
# What a window must hold for a rule to have a chance: a month name (m), a day number (d), a
# year (y), a weekday (w), "Q1" (c), or a word of relative dates: yesterday, today (r);
# week, month, year (p); quarter (q); half (h); ago (a).
_NEEDS = {
    "iso": "y", "range_mdy_months": "md", "range_dmy_months": "md", "range_mdy": "md",
    "range_dmy": "md", "mdy": "md", "dmy": "md", "part_of_month": "m",
    "part_of_relative_month": "p", "month_year": "my", "month": "m", "quarter": "q",
    "quarter_code": "c", "half": "h", "year_part": "y", "year": "y", "year_attributive": "y",
    "weekday_range": "w", "weekday": "w", "relative_day": "r", "relative_period": "p", "ago": "a",
}  # fmt: skip
_COMPILED = [(kind, re.compile(pattern), set(_NEEDS[kind])) for kind, pattern in _GRAMMAR]
_PRIORITY = {kind: index for index, (kind, _) in enumerate(_GRAMMAR)}

_APPROXIMATE = re.compile(
    r"(?i:\b(?:around|about|approximately|circa|roughly|some\s*time\s+in|c\.)\s*$)"
)
_UNCERTAIN = re.compile(r"(?i:\b(?:reportedly|allegedly|possibly|probably)(?:\s+\w+)?\s*$)")
_RELATION = re.compile(r"(?i:\b(since|until|till|by|before|after|ahead\s+of)\s*$)")


@dataclass(frozen=True)
class DatePhrase:
    """A date phrase found in text: where it is, what it says, and its resolved date.
    `relation` is "since", "until", "before" or "after" when the phrase bounds a period
    rather than dating an event; `future` tells whether it resolved after publication."""

    start: int
    end: int
    text: str
    kind: str
    groups: dict
    qualifier: DateQualifier
    relation: str
    direction: str  # "past" or "future" when the phrase itself says so, else ""

    def resolve(self, published: date, announced: bool) -> FuzzyDate | None:
        """The date this phrase names, read in an article published on `published`; an
        `announced` phrase (what "will" happen) resolves on or after that day. None when
        the phrase names no calendar date ("Feb. 30")."""
        forward = self.direction == "future" or (announced and self.direction != "past")
        try:
            return _RESOLVERS[self.kind](self.groups, published, forward, self.qualifier)
        except (ValueError, FuzzyDateError):
            return None


# Every phrase holds one of these; the grammar runs only in windows around them, and only
# the rules a window's anchors allow, which keeps a 1,000-word article to a few milliseconds.
_ANCHOR = re.compile(
    r"\b(?P<y>1[89]\d\d|2[01]\d\d)\b|(?P<d>\d{1,2})(?!\d)"
    r"|\b(?P<m>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"|\b(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b(?P<c>Q[1-4])\b"
    r"|\b(?i:(?P<r>yesterday|today|tomorrow|tonight|night)|(?P<p>week|weekend|month|year)"
    r"|(?P<q>quarter)|(?P<h>half)|(?P<a>ago))\b"
)
_REACH = 45  # how far a phrase reaches beyond its anchor: "the beginning of September"


def _windows(text: str) -> list[tuple[int, int, set[str]]]:
    windows: list[list] = []
    for anchor in _ANCHOR.finditer(text):
        start, end = max(0, anchor.start() - _REACH), min(len(text), anchor.end() + _REACH)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
            windows[-1][2].add(anchor.lastgroup)
        else:
            windows.append([start, end, {anchor.lastgroup}])
    # Widen to whitespace so no word is cut at a window's edge.
    spans = []
    for start, end, needs in windows:
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        spans.append((start, end, needs))
    return spans


def find_date_phrases(text: str) -> list[DatePhrase]:
    """Every date phrase of `text`, in order, none overlapping another."""
    found = []
    for window_start, window_end, anchors in _windows(text):
        for kind, pattern, needs in _COMPILED:
            if not needs <= anchors:
                continue
            for match in pattern.finditer(text, window_start, window_end):
                if _two_days_not_a_range(match):
                    continue
                found.append((match.start(), match.end(), kind, match))
    # Longest first, then the grammar's order, then leftmost; keep what does not overlap.
    found.sort(key=lambda f: (-(f[1] - f[0]), _PRIORITY[f[2]], f[0]))
    taken = bytearray(len(text))
    phrases = []
    for start, end, kind, match in found:
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        phrases.append(_phrase(text, start, end, kind, match))
    return sorted(phrases, key=lambda p: p.start)


def _two_days_not_a_range(match: re.Match) -> bool:
    """ "July 8 and 10" names two days; only "July 8 and 9" reads as a span. So with
    weekdays: "on Friday and Saturday" is a span, "Monday and Wednesday" two days."""
    groups = match.groupdict()
    if groups.get("wd2"):
        gap = (WEEKDAYS.index(groups["wd2"].lower()) - WEEKDAYS.index(groups["wd"].lower())) % 7
        return gap == 0 or (groups["sep"].lower() == "and" and gap != 1)
    if (groups.get("sep") or "").lower() != "and" or groups.get("m2"):
        return False
    return _day(groups["d2"]) - _day(groups["d"]) != 1


def _phrase(text: str, start: int, end: int, kind: str, match: re.Match) -> DatePhrase:
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    before = text[max(0, start - 30) : start]
    head = match.group(0).lower()
    qualifier = DateQualifier.EXACT
    if _APPROXIMATE.search(before) or head.startswith(("around ", "about ")):
        qualifier = DateQualifier.APPROXIMATE
    elif _UNCERTAIN.search(before):
        qualifier = DateQualifier.UNCERTAIN
    relation = ""
    first_word = head.split(maxsplit=1)[0] if head else ""
    for candidate in (first_word, (_RELATION.search(before) or [None, ""])[1]):
        if candidate in {"since", "until", "till", "by", "before", "after"}:
            relation = {"till": "until", "by": "until"}.get(candidate, candidate)
            break
        if candidate.startswith("ahead"):
            relation = "before"
            break
    return DatePhrase(
        start=start,
        end=end,
        text=match.group(0),
        kind=kind,
        groups=groups,
        qualifier=qualifier,
        relation=relation,
        direction=_direction(kind, groups),
    )


def _direction(kind: str, groups: dict) -> str:
    word = " ".join(
        str(groups.get(k, "")).lower() for k in ("which", "rel", "n", "unit") if k in groups
    )
    if kind == "ago" or any(w in word for w in ("last", "earlier", "past", "previous", "yest")):
        return "past"
    if any(w in word for w in ("next", "later", "coming", "tomorrow", "tonight")):
        return "future"
    return ""


# Resolution ---------------------------------------------------------------------------


def _month(token: str) -> int:
    return MONTHS[token.rstrip(".").lower()]


def _day(token: str) -> int:
    return int(re.match(r"\d+", token).group())


def _nearest_year(published: date, forward: bool, fits) -> int:
    """The year closest to publication, looking back (or forward when `forward`), for which
    `fits(year)` holds; leap days may need a few years."""
    for offset in range(0, 9):
        year = published.year + offset if forward else published.year - offset
        try:
            if fits(year):
                return year
        except ValueError:
            continue
    raise ValueError("no year fits")


def _on_or_before(published: date, start_of) -> callable:
    return lambda year: start_of(year) <= published


def _on_or_after(published: date, end_of) -> callable:
    return lambda year: end_of(year) >= published


def _year_for(groups, published, forward, first, last) -> int:
    """The stated year, or the one that puts [first(year), last(year)] on the right side of
    publication."""
    if "y" in groups:
        return int(groups["y"])
    fits = _on_or_after(published, last) if forward else _on_or_before(published, first)
    return _nearest_year(published, forward, fits)


def _resolve_iso(g, published, forward, q):
    return FuzzyDate.day(date(int(g["y"]), int(g["m"]), int(g["d"])), q)


def _resolve_day(g, published, forward, q):
    month, day = _month(g["m"]), _day(g["d"])
    year = _year_of_weekday(g, published, month, day)
    if year is None:
        year = _year_for(g, published, forward, *(lambda y: date(y, month, day),) * 2)
    return FuzzyDate.day(date(year, month, day), q)


def _year_of_weekday(g, published, month, day) -> int | None:
    """ "Friday, May 26" without a year: the year, next to publication's, in which May 26
    is a Friday; the weekday says more than the tense ("arrives on Friday, May 26")."""
    if "wd" not in g or "y" in g:
        return None
    weekday = WEEKDAYS.index(g["wd"].lower())
    fits = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            day_of = date(year, month, day)
        except ValueError:
            continue
        if day_of.weekday() == weekday:
            fits.append((abs((day_of - published).days), year))
    return min(fits)[1] if fits else None


def _resolve_range(g, published, forward, q):
    month, day = _month(g["m"]), _day(g["d"])
    month2 = _month(g["m2"]) if "m2" in g else month
    day2 = _day(g["d2"])
    if "y2" in g and "y" not in g:
        g = {**g, "y": g["y2"] if (month2, day2) >= (month, day) else str(int(g["y2"]) - 1)}
    # The range's last day in a given start year (it may run into the next year): an
    # announced range already under way ("will hold talks on Oct. 26-28", published on the
    # 27th) is this year's, not next year's.
    rolls = (month2, day2) < (month, day)
    year = _year_for(
        g,
        published,
        forward,
        lambda y: date(y, month, day),
        lambda y: date(y + rolls, month2, day2),
    )
    start = date(year, month, day)
    end_year = int(g.get("y2", year + (1 if (month2, day2) < (month, day) else 0)))
    end = date(end_year, month2, day2)
    if end == start:
        return FuzzyDate.day(start, q)
    if end < start or (end - start).days > 62:
        return None  # "June 15 and 30" is two dates, not a fortnight
    return FuzzyDate.day_range(start, end, q)


def _resolve_part_of_month(g, published, forward, q):
    month = _month(g["m"])
    part = PARTS[g["part"].split()[-2 if g["part"].lower().startswith("the") else 0].lower()]
    probe = FuzzyDate.part_of_month
    year = _year_for(
        g,
        published,
        forward,
        lambda y: probe(y, month, part).start,
        lambda y: probe(y, month, part).end,
    )
    return FuzzyDate.part_of_month(year, month, part, q)


def _shift_month(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _resolve_part_of_relative_month(g, published, forward, q):
    shift = {"last": -1, "this": 0, "next": 1}[g["which"].lower()]
    year, month = _shift_month(published, shift)
    return FuzzyDate.part_of_month(year, month, PARTS[g["part"].lower()], q)


def _resolve_month(g, published, forward, q):
    month = _month(g["m"])
    year = _year_for(
        g,
        published,
        forward,
        lambda y: date(y, month, 1),
        lambda y: last_day_of_month(y, month),
    )
    return FuzzyDate.month(year, month, q)


def _relative_year(g, published) -> int | None:
    which = g.get("which", "").lower()
    return {"this": 0, "last": -1, "next": 1}.get(which, None) if which else None


def _resolve_quarter(g, published, forward, q):
    number = int(g["q"]) if g["q"].isdigit() else QUARTERS[g["q"].lower()]
    shift = _relative_year(g, published)
    if shift is not None:
        return FuzzyDate.quarter(published.year + shift, number, q)
    year = _year_for(
        g,
        published,
        forward,
        lambda y: FuzzyDate.quarter(y, number).start,
        lambda y: FuzzyDate.quarter(y, number).end,
    )
    return FuzzyDate.quarter(year, number, q)


def _resolve_half(g, published, forward, q):
    shift = _relative_year(g, published)
    year = published.year + shift if shift is not None else int(g["y"])
    first = g["h"].lower() == "first"
    start, end = (date(year, 1, 1), date(year, 6, 30)) if first else (date(year, 7, 1), None)
    return FuzzyDate.from_range(start, end or date(year, 12, 31), q)


def _resolve_year(g, published, forward, q):
    return FuzzyDate.year(int(g["y"]), q)


def _resolve_weekday(g, published, forward, q):
    weekday = WEEKDAYS.index(g["wd"].lower())
    which = g.get("which", "").lower()
    if which == "next" or (forward and which != "last"):
        strict = which == "next"
        delta = (weekday - published.weekday()) % 7 or (7 if strict else 0)
        return FuzzyDate.day(published + timedelta(days=delta), q)
    strict = which == "last"
    delta = (published.weekday() - weekday) % 7 or (7 if strict else 0)
    return FuzzyDate.day(published - timedelta(days=delta), q)


def _resolve_weekday_range(g, published, forward, q):
    """ "on Friday and Saturday": reported, the latest such span that has ended by
    publication; announced, the first that has not."""
    first, last = WEEKDAYS.index(g["wd"].lower()), WEEKDAYS.index(g["wd2"].lower())
    length = (last - first) % 7
    if forward:
        start = published + timedelta(days=(first - published.weekday()) % 7)
    else:
        end = published - timedelta(days=(published.weekday() - last) % 7)
        start = end - timedelta(days=length)
    return FuzzyDate.day_range(start, start + timedelta(days=length), q)


def _resolve_relative_day(g, published, forward, q):
    rel = " ".join(g["rel"].lower().split())
    offset = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(rel, 0)
    return FuzzyDate.day(published + timedelta(days=offset), q)


def _resolve_relative_period(g, published, forward, q):
    which, unit = " ".join(g["which"].lower().split()), g["unit"].lower()
    day = published
    if unit == "weekend":
        saturday_back = published - timedelta(days=(published.weekday() - 5) % 7)
        if which in ("next", "the coming", "later this") or (forward and which == "this"):
            saturday = published + timedelta(days=(5 - published.weekday()) % 7 or 7)
            if which == "this" and published.weekday() == 6:
                saturday = published - timedelta(days=1)
        elif which == "last" and published.weekday() in (5, 6):
            saturday = saturday_back - timedelta(days=7)
        else:
            saturday = saturday_back
        return FuzzyDate.day_range(saturday, saturday + timedelta(days=1), q)
    if unit == "week":
        monday = day - timedelta(days=day.weekday())
        if which in ("last", "the previous"):
            return FuzzyDate.day_range(monday - timedelta(days=7), monday - timedelta(days=1), q)
        if which == "next":
            return FuzzyDate.day_range(monday + timedelta(days=7), monday + timedelta(days=13), q)
        if which == "the past":
            return FuzzyDate.from_range(published - timedelta(days=7), published, q)
        if which == "the coming":
            return FuzzyDate.from_range(published, published + timedelta(days=7), q)
        return _this_period(monday, monday + timedelta(days=6), published, which, forward, q)
    if unit == "month":
        if which in ("last", "the previous", "next"):
            year, month = _shift_month(published, -1 if which != "next" else 1)
            return FuzzyDate.month(year, month, q)
        if which in ("the past", "the coming"):
            return _within_days(published, 30, which == "the coming", q)
        first = published.replace(day=1)
        return _this_period(
            first, last_day_of_month(first.year, first.month), published, which, forward, q
        )
    # year
    if which in ("last", "the previous", "next"):
        return FuzzyDate.year(published.year + (1 if which == "next" else -1), q)
    if which in ("the past", "the coming"):
        return _within_days(published, 365, which == "the coming", q)
    return _this_period(
        date(published.year, 1, 1), date(published.year, 12, 31), published, which, forward, q
    )


def _within_days(published: date, days: int, forward: bool, q) -> FuzzyDate:
    if forward:
        return FuzzyDate.from_range(published, published + timedelta(days=days), q)
    return FuzzyDate.from_range(published - timedelta(days=days), published, q)


def _this_period(first, last, published, which, forward, q) -> FuzzyDate:
    """ "this month" is the month; "earlier this month" the part of it before publication,
    "later this month" the part after."""
    if which == "earlier this":
        return FuzzyDate.from_range(first, max(first, published - timedelta(days=1)), q)
    if which == "later this":
        return FuzzyDate.from_range(min(last, published + timedelta(days=1)), last, q)
    return FuzzyDate.from_range(first, last, q)


def _resolve_ago(g, published, forward, q):
    count = NUMBER_WORDS.get(g["n"].lower()) or int(g["n"])
    unit = g["unit"].lower()
    if unit == "day":
        return FuzzyDate.day(published - timedelta(days=count), q)
    if unit == "week":
        return FuzzyDate.day(published - timedelta(weeks=count), DateQualifier.APPROXIMATE)
    if unit == "month":
        year, month = _shift_month(published, -count)
        return FuzzyDate.month(year, month, DateQualifier.APPROXIMATE)
    return FuzzyDate.year(published.year - count, DateQualifier.APPROXIMATE)


_RESOLVERS = {
    "iso": _resolve_iso,
    "range_mdy_months": _resolve_range,
    "range_dmy_months": _resolve_range,
    "range_mdy": _resolve_range,
    "range_dmy": _resolve_range,
    "mdy": _resolve_day,
    "dmy": _resolve_day,
    "part_of_month": _resolve_part_of_month,
    "part_of_relative_month": _resolve_part_of_relative_month,
    "month_year": _resolve_month,
    "month": _resolve_month,
    "quarter": _resolve_quarter,
    "quarter_code": _resolve_quarter,
    "half": _resolve_half,
    "year_part": _resolve_year,
    "year": _resolve_year,
    "year_attributive": _resolve_year,
    "weekday_range": _resolve_weekday_range,
    "weekday": _resolve_weekday,
    "relative_day": _resolve_relative_day,
    "relative_period": _resolve_relative_period,
    "ago": _resolve_ago,
}
