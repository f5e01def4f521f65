"""Events written whole: the API's nested writes, extraction and the admin's event page
describe an event as one value (EventSpec) and these make the stored records match it, in
one unit of work. A ValidationError names the field at fault; nested rows by position, as
dotted paths: {"participants.1.official": [...]}."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from django.core.exceptions import ValidationError

from events.dates import FuzzyDate
from events.derived.slugs import assign_slug, slug_text
from events.models import (
    Citation,
    Country,
    Event,
    EventCountry,
    Official,
    Organization,
    Participant,
    Post,
    Source,
    Topic,
)
from events.services.errors import errors_at
from events.services.records import EFFECTS, record_save
from events.services.unit import current, service


@dataclass
class ParticipantSpec:
    """Who takes part in an event: an official, an organization or a country (or an official
    acting for an organization and a country), in a role. `post` is the editor's choice;
    None lets the official's tenures on the event's date decide it."""

    official: Official | None = None
    organization: Organization | None = None
    country: Country | None = None
    role: str = Participant.Role.PARTICIPANT
    post: Post | None = None
    note: str = ""

    @classmethod
    def of(cls, row) -> "ParticipantSpec":
        """The spec of a stored participant row (or a historical copy of one): its post only
        when the editor chose it, else the tenures decide it again."""
        return cls(
            official=row.official,
            organization=row.organization,
            country=row.country,
            role=row.role,
            post=row.post if row.post_chosen else None,
            note=row.note,
        )

    @property
    def identity(self) -> tuple:
        """What makes two participations the same (the database's unique constraints)."""
        if self.official is not None:
            return ("official", self.official.pk, self.role)
        if self.organization is not None:
            return ("organization", self.organization.pk, self.role)
        return ("country", getattr(self.country, "pk", None), self.role)


@dataclass
class CitationSpec:
    source: Source
    excerpt: str = ""


@dataclass
class EventSpec:
    """Everything an event record holds, as one value: what an API body or an extracted
    candidate describes. `countries` are those the editor names; participants' countries
    are involved as well (events.derived.countries)."""

    title: str
    type: str
    date: FuzzyDate
    status: str = Event.Status.HELD
    summary: str = ""
    location: str = ""
    location_country: Country | None = None
    latitude: object = None
    longitude: object = None
    external_id: str = ""
    topics: Sequence[Topic] = ()
    countries: Sequence[Country] = ()
    participants: Sequence[ParticipantSpec] = field(default_factory=list)
    citations: Sequence[CitationSpec] = field(default_factory=list)


EVENT_FIELDS = (
    "title",
    "type",
    "status",
    "summary",
    "location",
    "location_country",
    "latitude",
    "longitude",
    "external_id",
)


def event_spec(event: Event) -> EventSpec:
    """The spec that describes `event` as stored: what an update starts from."""
    return EventSpec(
        **{name: getattr(event, name) for name in EVENT_FIELDS},
        date=event.date,
        topics=list(event.topics.all()),
        countries=[link.country for link in event.event_countries.filter(chosen=True)],
        participants=[
            ParticipantSpec.of(p)
            for p in event.participants.select_related("official", "organization", "country")
        ],
        citations=[
            CitationSpec(source=c.source, excerpt=c.excerpt)
            for c in event.citations.select_related("source")
        ],
    )


def _participant_rows(event: Event, specs: Sequence[ParticipantSpec], errors: dict) -> list:
    """Participant instances for `specs`, reusing the event's existing row for the same
    participation (so its public id survives an update), validated."""
    existing = {}
    if event.pk:
        for row in event.participants.all():
            spec = ParticipantSpec(row.official, row.organization, row.country, row.role)
            existing[spec.identity] = row
    rows, seen = [], set()
    for index, spec in enumerate(specs):
        row = existing.get(spec.identity) or Participant(event=event)
        for name, value in spec.__dict__.items():
            setattr(row, name, value)
        # A post named in the write is the editor's choice; none means: derive it.
        row.post_chosen = spec.post is not None
        try:
            if spec.identity in seen:
                raise ValidationError(
                    {"official": "The same participant appears twice in this role."}
                )
            seen.add(spec.identity)
            # Uniqueness against stored rows is settled above: the set is replaced whole.
            row.full_clean(exclude={"event"}, validate_constraints=False)
        except ValidationError as error:
            errors.update(errors_at(f"participants.{index}", error))
        rows.append(row)
    return rows


def _citation_rows(event: Event, specs: Sequence[CitationSpec], errors: dict) -> list:
    existing = {row.source_id: row for row in event.citations.all()} if event.pk else {}
    rows, seen = [], set()
    for index, spec in enumerate(specs):
        row = existing.get(spec.source.pk) or Citation(event=event, source=spec.source)
        row.excerpt = spec.excerpt
        try:
            if spec.source.pk in seen:
                raise ValidationError({"source": "This source is cited twice."})
            seen.add(spec.source.pk)
            row.full_clean(exclude={"event"}, validate_constraints=False)
        except ValidationError as error:
            errors.update(errors_at(f"citations.{index}", error))
        rows.append(row)
    return rows


def _who(official_id, organization_id, country_id) -> tuple:
    """Who takes part, whatever the role or the post: an official, else an organization,
    else a country."""
    if official_id is not None:
        return ("official", official_id)
    if organization_id is not None:
        return ("organization", organization_id)
    return ("country", country_id)


def duplicate_of(event: Event, taking_part: Iterable[tuple]) -> Event | None:
    """A stored event other than `event` (as it is about to be saved) that it would repeat:
    the same type, title (in any case) and date, with the same people, organizations and
    countries taking part (`taking_part`: (official_id, organization_id, country_id) of
    each participant, whatever the role). Saving one report twice (an API client
    retrying, an editor extracting an article again) must not give two records of one
    meeting. The admin's participant inline asks this too, as it holds the participants."""
    same = Event.objects.filter(
        type=event.type,
        title__iexact=event.title.strip(),
        date_start=event.date_start,
        date_end=event.date_end,
        date_precision=event.date_precision,
    ).prefetch_related("participants")
    if event.pk:
        same = same.exclude(pk=event.pk)
    wanted = {_who(*ids) for ids in taking_part}
    for other in same[:20]:
        stored = {
            _who(p.official_id, p.organization_id, p.country_id) for p in other.participants.all()
        }
        if stored == wanted:
            return other
    return None


def duplicate_error(repeated: Event) -> ValidationError:
    return ValidationError(
        "This event is already recorded (same type, title, date and participants): "
        f"{repeated.public_id}. Edit that one instead.",
        code="duplicate",
    )


def _save(event: Event, spec: EventSpec) -> Event:
    changes = current()
    old = Event.objects.filter(pk=event.pk).first() if event.pk else None
    EFFECTS[Event].before(old, event, changes)
    errors: dict = {}
    for name in EVENT_FIELDS:
        setattr(event, name, getattr(spec, name))
    event.date = spec.date
    assign_slug(event, slug_text(event))
    try:
        event.full_clean()
    except ValidationError as error:
        errors.update(error.message_dict)
    participants = _participant_rows(event, spec.participants, errors)
    citations = _citation_rows(event, spec.citations, errors)
    taking_part = [
        tuple(
            getattr(getattr(p, name), "pk", None)
            for name in ("official", "organization", "country")
        )
        for p in spec.participants
    ]
    if not errors and (repeated := duplicate_of(event, taking_part)) is not None:
        errors["title"] = [duplicate_error(repeated)]
    if errors:
        raise ValidationError(errors)

    event.save()
    EFFECTS[Event].after(old, event, changes)
    event.topics.set(spec.topics)
    kept = [p.pk for p in participants if p.pk]
    for gone in event.participants.exclude(pk__in=kept):
        gone.delete()
    for participant in participants:
        participant.event = event
        participant.save()
    for gone in event.citations.exclude(source__in=[c.source_id for c in citations]):
        gone.delete()
    for citation in citations:
        citation.event = event
        citation.save()
    chosen = {c.pk for c in spec.countries}
    for link in event.event_countries.all():
        if link.country_id in chosen and not link.chosen:
            link.chosen = True
            link.save()
        elif link.country_id not in chosen and link.chosen:
            # No longer the editor's: it stays while a participant is of that country.
            link.chosen = False
            link.save()
        chosen.discard(link.country_id)
    for country_id in chosen:
        link = EventCountry(event=event, country_id=country_id, chosen=True)
        for name in EventCountry.SORT_FIELDS:
            setattr(link, name, getattr(event, name))
        link.save()
    changes.touch_events([event.pk])
    return event


@service
def event_create(spec: EventSpec) -> Event:
    """Create an event with its participants, citations, topics and countries, or nothing:
    any invalid part raises ValidationError and nothing is written."""
    return _save(Event(), spec)


@service
def event_update(event: Event, spec: EventSpec) -> Event:
    """Make `event` what `spec` describes, keeping its public id and those of participants
    and citations that stay; rows `spec` leaves out are removed. All or nothing."""
    return _save(event, spec)


@service
def event_change(event: Event, **values) -> Event:
    """Change only the parts of `event` named (EventSpec's fields), keeping the rest as
    stored: a partial update (the API's PATCH)."""
    return _save(event, replace(event_spec(event), **values))


@service
def event_set_topics(event: Event, topics: Sequence[Topic]) -> None:
    """Give `event` exactly these topics."""
    if {t.pk for t in topics} != set(event.topics.values_list("pk", flat=True)):
        event.topics.set(topics)
        current().touch_events([event.pk])


@service
def citation_add(event: Event, source: Source, excerpt: str = "") -> tuple[Citation, bool]:
    """Cite `source` for an event already recorded, and say whether the citation is new. An
    event that already cites the source keeps its citation; an empty excerpt is filled."""
    citation = Citation.objects.filter(event=event, source=source).first()
    if citation is None:
        return record_save(Citation(event=event, source=source, excerpt=excerpt)), True
    if excerpt and not citation.excerpt:
        citation.excerpt = excerpt
        record_save(citation)
    return citation, False
