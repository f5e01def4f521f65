"""Likely duplicates: a stored event that a new one probably repeats, though not exactly
(exact repeats are refused by the services: events.services.events.duplicate_of). Two
reports of one meeting rarely agree on the title or the date's precision, so an event is
a likely duplicate when its date overlaps and either it involves the same countries with
a similar title, or the same people, bodies and countries take part. The admin asks the
editor to confirm (events.admin_confirm); the API answers 409 unless `confirm_new`.

Cheap by construction: each question is one indexed query (the countries' link rows
carry the event's date: eventcountry_chronological; participants are indexed by official:
participant_official_event), a few candidates at most compared in Python."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher

from django.db.models import Prefetch

from events.models import Event, EventCountry, Participant

# How alike two titles must be (difflib's ratio of their lowercased words) to count as
# one event's; "Modi visits Kyiv" and "Modi's visit to Kyiv" reach it, "Modi visits
# Moscow" and "Modi visits Kyiv" do not.
SIMILAR_TITLE = 0.75
CANDIDATES = 20


@dataclass(frozen=True)
class Proposed:
    """The parts of an event about to be saved that tell whether it repeats another."""

    title: str
    start: date
    end: date
    countries: frozenset[int]
    # Who takes part: ("official", pk), ("organization", pk) or ("country", pk).
    taking_part: frozenset[tuple]
    pk: int | None = None


def proposed_of(spec) -> Proposed:
    """What an EventSpec (events.services) proposes to record."""
    taking_part = frozenset(
        who(
            *(
                getattr(getattr(p, name), "pk", None)
                for name in ("official", "organization", "country")
            )
        )
        for p in spec.participants
    )
    countries = {c.pk for c in spec.countries}
    for p in spec.participants:
        named = p.country or getattr(p.official or p.organization, "country", None)
        if named is not None:
            countries.add(named.pk)
    return Proposed(spec.title, spec.date.start, spec.date.end, frozenset(countries), taking_part)


def similar_titles(one: str, other: str) -> bool:
    words = [" ".join(title.casefold().replace("'s", "").split()) for title in (one, other)]
    return SequenceMatcher(None, *words).ratio() >= SIMILAR_TITLE


def likely_duplicate(proposed: Proposed) -> Event | None:
    """The stored event `proposed` most likely repeats, or None."""
    candidates = Event.objects.none()
    if proposed.countries:
        candidates = candidates | Event.objects.filter(
            pk__in=_involving_all(proposed.countries, proposed.start, proposed.end)
        )
    officials = sorted(pk for kind, pk in proposed.taking_part if kind == "official")
    if officials:
        candidates = candidates | Event.objects.filter(
            pk__in=Participant.objects.filter(official_id=officials[0])
            .filter(event__date_end__gte=proposed.start, event__date_start__lte=proposed.end)
            .values("event_id")[:CANDIDATES]
        )
    if proposed.pk:
        candidates = candidates.exclude(pk=proposed.pk)
    candidates = candidates.order_by("date_start", "pk").prefetch_related(
        Prefetch(
            "participants",
            queryset=Participant.objects.only(
                "event_id", "official_id", "organization_id", "country_id"
            ),
        ),
        Prefetch("event_countries", queryset=EventCountry.objects.only("event_id", "country_id")),
    )[:CANDIDATES]
    for event in candidates:
        if _repeats(proposed, event):
            return event
    return None


def _involving_all(countries: Iterable[int], start: date, end: date):
    first, *_ = sorted(countries)
    return EventCountry.objects.filter(
        country_id=first, date_end__gte=start, date_start__lte=end
    ).values("event_id")[:CANDIDATES]


def _repeats(proposed: Proposed, event: Event) -> bool:
    if not (event.date_end >= proposed.start and event.date_start <= proposed.end):
        return False
    involved = {link.country_id for link in event.event_countries.all()}
    if (
        proposed.countries
        and proposed.countries <= involved
        and similar_titles(proposed.title, event.title)
    ):
        return True
    taking_part = {
        who(p.official_id, p.organization_id, p.country_id) for p in event.participants.all()
    }
    return bool(proposed.taking_part) and taking_part == set(proposed.taking_part)


def who(official_id, organization_id, country_id) -> tuple:
    """Who takes part, whatever the role or post: an official, else a body, else a country."""
    if official_id is not None:
        return ("official", official_id)
    if organization_id is not None:
        return ("organization", organization_id)
    return ("country", country_id)
