"""Saving what an editor ticked: new people, new events with participants and citations,
and citations on events already recorded, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from events.dates import FuzzyDate
from events.models import Country, Event, Official, Source, Topic
from events.services import (
    CitationSpec,
    EventSpec,
    ParticipantSpec,
    citation_add,
    errors_at,
    event_create,
    official_create,
)


@dataclass
class ReviewedPerson:
    """A person the text names whom the database did not know, as the editor left them."""

    key: str
    name: str
    create: bool
    country: Country | None = None
    post_title: str = ""
    post_kind: str = ""
    accredited_to: Country | None = None


@dataclass
class ReviewedEvent:
    """A candidate as the editor left it: to create, to link to `link_to`, or neither."""

    include: bool
    excerpt: str
    link_to: Event | None = None
    title: str = ""
    type: str = ""
    status: str = Event.Status.HELD
    date: FuzzyDate | None = None
    countries: list[Country] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    new_people: list[str] = field(default_factory=list)  # ReviewedPerson keys
    topics: list[Topic] = field(default_factory=list)
    location: str = ""
    location_country: Country | None = None
    roles: dict[str, str] = field(default_factory=dict)  # "official:12", "new:key", "country:UA"


@dataclass
class SaveResult:
    created: list[Event] = field(default_factory=list)
    linked: list[Event] = field(default_factory=list)
    already_cited: list[Event] = field(default_factory=list)
    people: list[Official] = field(default_factory=list)


def same_person(person) -> Official | None:
    """An official already recorded under this name who is surely the same person: of the
    same country, or, with no country to tell, the only one so named. A namesake of
    another country is someone else."""
    namesakes = list(Official.objects.filter(name__iexact=" ".join(person.name.split())))
    if person.country is not None:
        return next((o for o in namesakes if o.country_id in (person.country.pk, None)), None)
    return namesakes[0] if len(namesakes) == 1 else None


@transaction.atomic
def extraction_save(
    source: Source, people: list[ReviewedPerson], events: list[ReviewedEvent]
) -> SaveResult:
    """Create the ticked people and events and cite `source` for each event, with the
    sentence as excerpt; a candidate linked to an existing event gets a citation there
    instead. All or nothing: a ValidationError keyed "events.2.title" or "people.0.name"
    names what to correct, and nothing is written."""
    result = SaveResult()
    created_people: dict[str, Official] = {}
    errors: dict = {}
    attested = f"Named in \u201c{source.headline}\u201d"
    if source.published_at:
        attested += f" ({source.published_at:%d %b %Y})"
    for index, person in enumerate(people):
        if not person.create:
            continue
        existing = same_person(person)
        if existing is not None:
            created_people[person.key] = existing  # known by now: link, never duplicate
            continue
        try:
            official = official_create(
                person.name,
                country=person.country,
                post_title=person.post_title,
                post_kind=person.post_kind or "other",
                accredited_to=person.accredited_to,
                tenure_note=f"{attested}.",
            )
        except ValidationError as error:
            errors.update(errors_at(f"people.{index}", error))
            continue
        created_people[person.key] = official
        result.people.append(official)

    for index, reviewed in enumerate(events):
        if not reviewed.include:
            continue
        if reviewed.link_to is not None:
            _, created = citation_add(reviewed.link_to, source, reviewed.excerpt)
            (result.linked if created else result.already_cited).append(reviewed.link_to)
            continue
        missing = [key for key in reviewed.new_people if key not in created_people]
        if missing:
            errors[f"events.{index}.new_people"] = [
                "Tick \u201ccreate\u201d for the new people this event names, or untick them here."
            ]
            continue
        try:
            result.created.append(event_create(_spec(source, reviewed, created_people)))
        except ValidationError as error:
            errors.update(errors_at(f"events.{index}", error))
    if errors:
        raise ValidationError(errors)
    return result


def _spec(source: Source, reviewed: ReviewedEvent, created_people: dict) -> EventSpec:
    participants = [
        ParticipantSpec(official=official, role=reviewed.roles.get(f"official:{official.pk}"))
        for official in reviewed.officials
    ] + [
        ParticipantSpec(official=created_people[key], role=reviewed.roles.get(f"new:{key}"))
        for key in reviewed.new_people
    ]
    for spec in participants:
        spec.role = spec.role or "participant"
    codes = {country.iso_alpha2: country for country in reviewed.countries}
    for key, role in reviewed.roles.items():
        kind, _, code = key.partition(":")
        if kind == "country" and code in codes:
            participants.append(ParticipantSpec(country=codes[code], role=role))
    return EventSpec(
        title=reviewed.title,
        type=reviewed.type,
        date=reviewed.date,
        status=reviewed.status,
        location=reviewed.location,
        location_country=reviewed.location_country,
        topics=reviewed.topics,
        countries=reviewed.countries,
        participants=participants,
        citations=[CitationSpec(source=source, excerpt=reviewed.excerpt)],
    )
