"""Saving what an editor reviewed: new people, new events with their participants, the
links between them, agreements, and citations on events already recorded, in one
transaction through events.services."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from events.dates import FuzzyDate
from events.models import (
    Agreement,
    Country,
    Event,
    EventRelation,
    Official,
    OfficialName,
    Post,
    Source,
    Tenure,
    Topic,
)
from events.services import (
    CitationSpec,
    EventSpec,
    ParticipantSpec,
    agreement_save,
    citation_add,
    errors_at,
    event_create,
    official_create,
    official_save,
    record_save,
    write_unit,
)
from extraction.recorded import known_official

PART_OF = "part_of"
FOLLOWS = "follows"


@dataclass
class ReviewedPerson:
    """A person the text names whom the database did not know, as the editor left them.
    `spelling` is the name as the text wrote it: kept as another spelling when the editor
    corrected the name, so that the next reading of the text finds the official."""

    key: str
    name: str
    create: bool
    country: Country | None = None
    post_title: str = ""
    post_kind: str = ""
    accredited_to: Country | None = None
    spelling: str = ""


@dataclass
class ReviewedParticipant:
    """One participant row: a known official, a new person (by key), a name typed by the
    editor, or a country alone (a host country whose people the text does not name)."""

    event: int  # index of the candidate it belongs to
    official: Official | None = None
    person: str = ""  # ReviewedPerson key
    name: str = ""
    country: Country | None = None
    role: str = "participant"
    post_title: str = ""


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
    topics: list[Topic] = field(default_factory=list)
    location: str = ""
    location_country: Country | None = None
    relation: str = ""  # PART_OF or FOLLOWS the candidate at `relation_to`
    relation_to: int | None = None  # index of that candidate


@dataclass
class ReviewedAgreement:
    """An agreement candidate as the editor left it, signed at the candidate `event`."""

    include: bool
    excerpt: str
    title: str = ""
    kind: str = Agreement.Kind.AGREEMENT
    parties: list[Country] = field(default_factory=list)
    status: str = ""
    date: FuzzyDate | None = None
    event: int | None = None


@dataclass
class SaveResult:
    created: list[Event] = field(default_factory=list)
    linked: list[Event] = field(default_factory=list)
    already_cited: list[Event] = field(default_factory=list)
    people: list[Official] = field(default_factory=list)
    relations: list[EventRelation] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)


def same_person(person) -> Official | None:
    """An official already recorded under this name or one of its spellings who is surely
    the same person (extraction.recorded.known_official)."""
    return known_official(person.name, person.country)


def extraction_save(
    source: Source,
    people: list[ReviewedPerson],
    events: list[ReviewedEvent],
    participants: list[ReviewedParticipant] = (),
    agreements: list[ReviewedAgreement] = (),
) -> SaveResult:
    """Create the ticked people, events (with their participants), links between events and
    agreements; cite `source` for each event with its sentence as excerpt (a candidate
    linked to an existing event gets a citation there instead). One unit of work, all or
    nothing: a ValidationError keyed "events.2.title", "people.0.name",
    "participants.3.name" or "agreements.0.date_text" names what to correct."""
    with write_unit():
        return _save(source, people, events, list(participants), list(agreements))


def _save(source, people, events, participants, agreements) -> SaveResult:
    result = SaveResult()
    errors: dict = {}
    attested = f"Named in \u201c{source.headline}\u201d"
    if source.published_at:
        attested += f" ({source.published_at:%d %b %Y})"
    created_people = _people(people, attested, result, errors)

    saved: dict[int, Event] = {}
    for index, reviewed in enumerate(events):
        if not reviewed.include:
            continue
        if reviewed.link_to is not None:
            _, created = citation_add(reviewed.link_to, source, reviewed.excerpt)
            (result.linked if created else result.already_cited).append(reviewed.link_to)
            saved[index] = reviewed.link_to
            continue
        rows = [(i, p) for i, p in enumerate(participants) if p.event == index]
        specs, row_errors = [], {}
        for row_index, row in rows:
            try:
                specs.append(_participant(row, created_people, attested, result))
            except ValidationError as error:
                row_errors.update(errors_at(f"participants.{row_index}", error))
        if row_errors:
            errors.update(row_errors)
            continue
        try:
            event = event_create(_spec(source, reviewed, specs))
        except ValidationError as error:
            errors.update(errors_at(f"events.{index}", error))
            continue
        result.created.append(event)
        saved[index] = event

    # A candidate left unticked because it is recorded already can still be linked to: an
    # agreement signed at it, a new call part of it.
    for index, reviewed in enumerate(events):
        if index not in saved and reviewed.link_to is not None:
            saved[index] = reviewed.link_to
    for index, reviewed in enumerate(events):
        wanted = reviewed.include and reviewed.relation and reviewed.relation_to is not None
        if wanted and index in saved:
            other = saved.get(reviewed.relation_to)
            if other is None or other == saved[index]:
                errors[f"events.{index}.relation_to"] = [
                    "Save the event this one is linked to, or remove the link."
                ]
                continue
            result.relations += _relate(saved[index], reviewed.relation, other)

    for index, reviewed in enumerate(agreements):
        if not reviewed.include:
            continue
        event = saved.get(reviewed.event) if reviewed.event is not None else None
        if reviewed.event is not None and event is None:
            errors[f"agreements.{index}.event"] = [
                "Save the event it was signed at, or leave the event empty."
            ]
            continue
        try:
            result.agreements.append(_agreement(source, reviewed, event))
        except ValidationError as error:
            errors.update(errors_at(f"agreements.{index}", error))
    if errors:
        raise ValidationError(errors)
    return result


def _people(people, attested, result, errors) -> dict[str, Official]:
    created: dict[str, Official] = {}
    for index, person in enumerate(people):
        if not person.create:
            continue
        existing = same_person(person)
        if existing is not None:
            created[person.key] = existing  # known by now: link, never duplicate
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
            spelling = " ".join(person.spelling.split())
            if spelling and spelling.casefold() != official.name.casefold():
                official_save(official, names=[{"name": spelling, "kind": OfficialName.Kind.SHORT}])
        except ValidationError as error:
            errors.update(errors_at(f"people.{index}", error))
            continue
        created[person.key] = official
        result.people.append(official)
    return created


def _participant(row, created_people, attested, result) -> ParticipantSpec:
    official = row.official
    if official is None and row.person:
        official = created_people.get(row.person)
        if official is None:
            raise ValidationError(
                {"name": "Tick \u201ccreate\u201d for this person above, or remove the row."}
            )
    elif official is None and row.name.strip():
        official = known_official(row.name, row.country)
        if official is None:
            official = official_create(
                row.name,
                country=row.country,
                post_title=row.post_title,
                tenure_note=f"{attested}.",
            )
            result.people.append(official)
    elif official is None and row.country is None:
        raise ValidationError({"name": "Name the participant, or give a country."})
    post = _post(row.post_title, official, attested) if official is not None else None
    country = row.country if official is None else None
    return ParticipantSpec(official=official, country=country, role=row.role, post=post)


def _post(title: str, official: Official, attested: str) -> Post | None:
    """The post titled `title` that the official held (or of the official's country), or
    a new one of that country, held by the official as the source attests; none (the
    tenures decide) when the title is empty."""
    title = " ".join(title.split())
    if not title:
        return None
    posts = Post.objects.filter(title__iexact=title)
    held = posts.filter(tenures__official=official).first()
    if held is not None:
        return held
    post = posts.filter(country_id=official.country_id).first()
    if post is None:
        post = record_save(Post(title=title, kind=Post.Kind.OTHER, country=official.country))
    record_save(Tenure(official=official, post=post, note=f"{attested}."))
    return post


def _relate(event: Event, kind: str, other: Event) -> list[EventRelation]:
    if kind == PART_OF:
        relation = EventRelation(from_event=event, to_event=other, kind=EventRelation.Kind.PART_OF)
    else:  # FOLLOWS: the other precedes this one
        relation = EventRelation(from_event=other, to_event=event, kind=EventRelation.Kind.PRECEDES)
    if EventRelation.objects.filter(
        from_event=relation.from_event, to_event=relation.to_event, kind=relation.kind
    ).exists():
        return []
    return [record_save(relation)]


def _agreement(source: Source, reviewed: ReviewedAgreement, event: Event | None) -> Agreement:
    if not reviewed.title.strip():
        raise ValidationError({"title": "Give the agreement a title."})
    changes = []
    if reviewed.status:
        if reviewed.date is None:
            raise ValidationError({"date_text": "Give the date of this status."})
        changes.append(
            {
                "status": reviewed.status,
                "date": reviewed.date,
                "party": None,
                "source": source,
                "note": reviewed.excerpt[:300],
            }
        )
    agreement = Agreement(title=reviewed.title.strip(), kind=reviewed.kind, event=event)
    return agreement_save(
        agreement,
        parties=[{"country": country} for country in reviewed.parties],
        status_changes=changes,
    )


def _spec(source: Source, reviewed: ReviewedEvent, participants) -> EventSpec:
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
