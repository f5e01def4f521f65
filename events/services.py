"""Writes that touch several records, each one transaction: the API's nested writes, the
extraction workflow and imports call these, so every path validates and derives the same
way. A ValidationError names the field at fault; nested rows by position, as dotted paths:
{"participants.1.official": [...]}.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction

from events.dates import FuzzyDate
from events.models import (
    Agreement,
    Citation,
    Country,
    Event,
    EventCountry,
    EventRelation,
    Official,
    Organization,
    Participant,
    Post,
    Source,
    Statement,
    Tenure,
    Topic,
)
from events.search_text import batched_refresh


@dataclass
class ParticipantSpec:
    """Who takes part in an event: an official, an organization or a country (or an official
    acting for an organization and a country), in a role."""

    official: Official | None = None
    organization: Organization | None = None
    country: Country | None = None
    role: str = Participant.Role.PARTICIPANT
    post: Post | None = None
    note: str = ""

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
    candidate describes."""

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


def errors_at(prefix: str, error: ValidationError) -> dict:
    """`error`'s messages under dotted paths below `prefix` ("participants.1.official");
    errors of the whole row under `prefix` itself."""
    if not hasattr(error, "error_dict"):
        return {prefix: error.messages}
    return {
        prefix if name == NON_FIELD_ERRORS else f"{prefix}.{name}": messages
        for name, messages in error.message_dict.items()
    }


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


def _save(event: Event, spec: EventSpec) -> Event:
    errors: dict = {}
    for name in EVENT_FIELDS:
        setattr(event, name, getattr(spec, name))
    event.date = spec.date
    try:
        event.full_clean()
    except ValidationError as error:
        errors.update(error.message_dict)
    participants = _participant_rows(event, spec.participants, errors)
    citations = _citation_rows(event, spec.citations, errors)
    if errors:
        raise ValidationError(errors)

    event.save()
    event.topics.set(spec.topics)
    kept = [p.pk for p in participants if p.pk]
    event.participants.exclude(pk__in=kept).delete()
    for participant in participants:
        participant.event = event
        participant.save()
    event.citations.exclude(source__in=[c.source_id for c in citations]).delete()
    for citation in citations:
        citation.event = event
        citation.save()
    countries = {c.pk for c in spec.countries} | {
        p.country_id for p in participants if p.country_id
    }
    event.event_countries.exclude(country__in=countries).delete()
    for country_id in countries:
        EventCountry.objects.get_or_create(event=event, country_id=country_id)
    return event


@transaction.atomic
def event_create(spec: EventSpec) -> Event:
    """Create an event with its participants, citations, topics and countries, or nothing:
    any invalid part raises ValidationError and nothing is written."""
    with batched_refresh():
        return _save(Event(), spec)


@transaction.atomic
def event_update(event: Event, spec: EventSpec) -> Event:
    """Make `event` what `spec` describes, keeping its public id and those of participants
    and citations that stay; rows `spec` leaves out are removed. All or nothing."""
    with batched_refresh():
        return _save(event, spec)


@transaction.atomic
def official_create(
    name: str,
    *,
    country: Country | None = None,
    post_title: str = "",
    post_kind: str = Post.Kind.OTHER,
    accredited_to: Country | None = None,
    tenure_note: str = "",
) -> Official:
    """Create an official and, given a post title, a tenure of that post (found by title and
    country, or created) with unknown dates; `tenure_note` says where the person is
    attested in office. All or nothing; a ValidationError names the field at fault."""
    official = Official(name=" ".join(name.split()), country=country)
    try:
        official.full_clean(exclude={"slug"})
    except ValidationError as error:
        raise ValidationError(errors_at("official", error)) from None
    official.save()
    if post_title:
        title = " ".join(post_title.split())
        post = Post.objects.filter(title__iexact=title, country=country).first()
        if post is None:
            post = Post(title=title, kind=post_kind, country=country, accredited_to=accredited_to)
            try:
                post.full_clean()
            except ValidationError as error:
                raise ValidationError(errors_at("post", error)) from None
            post.save()
        tenure = Tenure(official=official, post=post, note=tenure_note)
        tenure.full_clean()
        tenure.save()
    return official


@transaction.atomic
def citation_add(event: Event, source: Source, excerpt: str = "") -> tuple[Citation, bool]:
    """Cite `source` for an event already recorded, and say whether the citation is new. An
    event that already cites the source keeps its citation; an empty excerpt is filled."""
    citation, created = Citation.objects.get_or_create(
        event=event, source=source, defaults={"excerpt": excerpt}
    )
    if not created and excerpt and not citation.excerpt:
        citation.excerpt = excerpt
        citation.save(update_fields=["excerpt"])
    return citation, created


# Restoring a deleted event -------------------------------------------------------------------

# The rows deleted with an event (its cascade) are recorded within moments of it.
CASCADE_WINDOW = timedelta(minutes=1)


def deleted_events():
    """The latest deletion record of each event that is deleted now, newest first."""
    existing = Event.objects.values("pk")
    return (
        Event.history.filter(history_type="-")
        .exclude(id__in=existing)
        .select_related("history_user")
        .order_by("-history_date")
    )


@transaction.atomic
def event_restore(event_id: int) -> Event:
    """Bring back a deleted event as it was when deleted, with the same key and public id:
    its participants, countries, citations, relations and topics, and the quotes and
    agreements it was detached from. Raises ValidationError if there is nothing to restore."""
    deleted = deleted_events().filter(id=event_id).first()
    if deleted is None:
        raise ValidationError("This event is not deleted, or its history is gone.")
    window = (deleted.history_date - CASCADE_WINDOW, deleted.history_date + CASCADE_WINDOW)
    with batched_refresh():
        event = deleted.instance
        event.save()
        # Topics as last recorded before the deletion (whose own record has none left).
        before = (
            Event.history.filter(id=event_id, history_date__lt=deleted.history_date)
            .exclude(history_type="-")
            .order_by("-history_date")
            .first()
        )
        event.topics.set([row.topic_id for row in before.topics.all()] if before else [])
        # Countries first: restoring a participant would otherwise add its country anew.
        for model, links in (
            (EventCountry, {"event_id": event_id}),
            (Participant, {"event_id": event_id}),
            (Citation, {"event_id": event_id}),
            (EventRelation, {"from_event_id": event_id}),
            (EventRelation, {"to_event_id": event_id}),
        ):
            _restore_rows(model, links, window)
        for model in (Statement, Agreement):
            _reattach(model, event_id, window)
    return event


def _restore_rows(model, links: dict, window) -> None:
    """Re-create the rows of `model` deleted with the event (their last recorded state)."""
    records = model.history.filter(history_type="-", history_date__range=window, **links).order_by(
        "-history_date"
    )
    seen = set()
    for record in records:
        if record.id in seen or model.objects.filter(pk=record.id).exists():
            continue
        seen.add(record.id)
        row = record.instance
        if isinstance(row, EventRelation) and not (
            Event.objects.filter(pk=row.from_event_id).exists()
            and Event.objects.filter(pk=row.to_event_id).exists()
        ):
            continue  # the other event is gone too
        row.save()


def detached_reason(event_id: int) -> str:
    """The history note on a quote or agreement detached from a deleted event."""
    return f"detached from deleted event {event_id}"


def _reattach(model, event_id: int, window) -> None:
    """Point back at the event the rows that were detached from it when it was deleted."""
    detached = model.history.filter(
        history_type="~",
        history_date__range=window,
        history_change_reason=detached_reason(event_id),
    ).values_list("id", flat=True)
    model.objects.filter(pk__in=list(detached), event__isnull=True).update(event_id=event_id)
