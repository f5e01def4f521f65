"""Groupings of countries that the event filters take as values, as a country code is:
organizations and forums (EU, AFRICAN-UNION, ASEAN, NATO, G7, G20, BRICS) and the UN M49
regions and sub-regions (150 Europe, 035 South-eastern Asia, ...). `country=EU` is "an EU
member took part"; `country_any=ASEAN,AFRICAN-UNION` "a member of either".

Membership is reference data shipped with the code (events/data/groupings.json), not
rows editors change: it is read once per process. An organization's members are counted
as of the first day of the event's date range, so the United Kingdom is in the EU for an
event of 2019 and not for one of 2021. M49 regions carry no dates (the classification is
geographic and current).
"""

import datetime as dt
import functools
import json
from dataclasses import dataclass
from pathlib import Path

from django.db.models import Q

DATA_FILE = Path(__file__).resolve().parent / "data" / "groupings.json"


@dataclass(frozen=True)
class Membership:
    country: str  # ISO alpha-2
    since: dt.date | None = None
    until: dt.date | None = None


@dataclass(frozen=True)
class Grouping:
    code: str
    slug: str
    name: str
    kind: str  # organization, forum or un_m49
    members: tuple[Membership, ...]
    part_of: str | None = None
    note: str = ""

    def links_condition(self, prefix: str = "") -> Q:
        """A condition on event-country links (events.EventCountry, or a relation to it
        named by `prefix`): the link's country was a member on the event's first day."""
        periods: dict[tuple, list[str]] = {}
        for member in self.members:
            periods.setdefault((member.since, member.until), []).append(member.country)
        condition = Q(pk__in=[])
        for (since, until), codes in periods.items():
            period = Q(**{f"{prefix}country__iso_alpha2__in": codes})
            if since is not None:
                period &= Q(**{f"{prefix}date_start__gte": since})
            if until is not None:
                period &= Q(**{f"{prefix}date_start__lte": until})
            condition |= period
        return condition

    def members_on(self, day: dt.date | None = None) -> list[str]:
        """The members' alpha-2 codes on `day` (today when None)."""
        day = day or dt.date.today()
        return [
            m.country
            for m in self.members
            if (m.since is None or m.since <= day) and (m.until is None or day <= m.until)
        ]


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@functools.cache
def all_groupings() -> tuple[Grouping, ...]:
    """Every grouping, in the data file's order (organizations, then M49 regions)."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return tuple(
        Grouping(
            code=g["code"],
            slug=g["slug"],
            name=g["name"],
            kind=g["kind"],
            part_of=g.get("part_of"),
            note=g.get("note", ""),
            members=tuple(
                Membership(m["country"], _date(m.get("since")), _date(m.get("until")))
                for m in g["members"]
            ),
        )
        for g in data["groupings"]
    )


@functools.cache
def _by_name() -> dict[str, Grouping]:
    names = {}
    for grouping in all_groupings():
        names[grouping.code.upper()] = names[grouping.slug.upper()] = grouping
    return names


def grouping_named(name: str) -> Grouping | None:
    """The grouping whose code or slug is `name` (any case), or None. No grouping's code
    is an ISO 3166-1 code (hence AFRICAN-UNION: AU is Australia), so a country code never
    names one."""
    return _by_name().get((name or "").strip().upper())
