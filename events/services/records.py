"""One record saved or deleted, and what follows from it: the door admin forms and inlines,
the API's serializers and the factories of the tests go through for a single row.

Each model has its effects: which events (or other records) the change reaches, and so
what is derived again (events.derived) and whose updated_at moves. They are declared here,
model by model, in one table (EFFECTS)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import ProtectedError

from events.derived import dependents
from events.derived.slugs import assign_slug, slug_text
from events.models import (
    Agreement,
    AgreementParty,
    AgreementStatusChange,
    Author,
    Citation,
    Country,
    CountryName,
    Event,
    EventCountry,
    EventRelation,
    Official,
    OfficialName,
    Organization,
    Participant,
    Post,
    Source,
    SourceAuthor,
    Statement,
    Tenure,
    Topic,
)
from events.services.unit import current, service

# What of an event shows on the events related to it.
EVENT_SHOWN_ON_RELATED = (
    "title",
    "slug",
    "date_start",
    "date_end",
    "date_precision",
    "date_qualifier",
)
NAME_FIELDS = ("name", "slug")


def changed(old, new, fields: Iterable[str]) -> bool:
    """Whether any of `fields` differs between the stored row and the one written (a new
    record, or a deleted one, has changed everything)."""
    if old is None or new is None:
        return True
    return any(getattr(old, f) != getattr(new, f) for f in fields)


def both(old, new, attribute: str) -> set:
    """The value of `attribute` before and after: a row moved between parents reaches both."""
    return {getattr(record, attribute) for record in (old, new) if record is not None} - {None}


@dataclass(frozen=True)
class Effects:
    """What a write of one row of a model reaches. `before(old, new, changes)` runs before
    the row is written (new is None on delete), `after` once it is."""

    before: Callable = lambda old, new, changes: None
    after: Callable = lambda old, new, changes: None
    slugged: bool = False


def _event_before(old, new, changes):
    if old is not None:
        changes.before_event_rows_change([old.pk])
        if new is None:
            # Deleted: the events related to it lose it (asked now, before the cascade).
            changes.touch_events(dependents.related_to([old.pk]))


def _event_after(old, new, changes):
    if new is None:
        return
    if old is None:
        changes.event_created(new.pk)
    elif changed(old, new, EVENT_SHOWN_ON_RELATED):
        changes.touch_events(dependents.related_to([new.pk]))


def _event_rows(old, new, changes):
    """Participants and countries are the event's own rows."""
    changes.before_event_rows_change(both(old, new, "event_id"))


# Who a participant is: when it changes, a country that was filled in for the previous
# one (from their post, or their own country) is theirs, not the new participant's.
PARTICIPANT_IDENTITY = ("official_id", "organization_id", "post_id")


def _participant_before(old, new, changes):
    _event_rows(old, new, changes)
    if old is None or new is None or not changed(old, new, PARTICIPANT_IDENTITY):
        return
    filled_from = {
        getattr(old.post, "country_id", None),
        getattr(old.official, "country_id", None),
        getattr(old.organization, "country_id", None),
    } - {None}
    if new.country_id == old.country_id and old.country_id in filled_from:
        # Left as it was shown: let the new participant's post and country fill it
        # (events.derived.posts), and the countries involved follow (derived.countries).
        new.country = None


def _sort_key_from_event(old, new, changes):
    _event_rows(old, new, changes)
    if new is not None and new.event_id:
        for name in EventCountry.SORT_FIELDS:
            setattr(new, name, getattr(new.event, name))


def _touch_event(old, new, changes):
    changes.touch_events(both(old, new, "event_id"))


def _retext_event(old, new, changes):
    changes.retext_events(both(old, new, "event_id"))


def _relation(old, new, changes):
    changes.touch_events(both(old, new, "from_event_id") | both(old, new, "to_event_id"))


def _official(old, new, changes):
    if old is not None and changed(old, new, NAME_FIELDS):
        changes.retext_events(query=dependents.participating(officials=[old.pk]))
        changes.touch_events(query=dependents.quoting(officials=[old.pk]))
        # Quotes show who said them.
        changes.touch_record(Statement, query=_keys(Statement, official=old.pk))


def _official_names(old, new, changes):
    officials = both(old, new, "official_id")
    changes.retext_events(query=dependents.participating(officials=officials))
    for pk in officials:
        changes.touch_record(Official, pk)


def _tenure(old, new, changes):
    officials = both(old, new, "official_id")
    # The posts held on events' dates follow the tenures.
    changes.before_event_rows_change(
        dependents.participating(officials=officials).values_list("event_id", flat=True)
    )
    for pk in officials:
        changes.touch_record(Official, pk)


def _organization(old, new, changes):
    if old is not None and changed(old, new, NAME_FIELDS):
        changes.retext_events(query=dependents.participating(organizations=[old.pk]))
        changes.touch_events(query=dependents.quoting(organizations=[old.pk]))
        changes.touch_events(query=dependents.citing(publishers=[old.pk]))
        # Records that show it by name: quotes, sources it published, bodies within it,
        # agreements it is party to.
        changes.touch_record(Statement, query=_keys(Statement, organization=old.pk))
        changes.touch_record(Source, query=_keys(Source, publisher=old.pk))
        changes.touch_record(Organization, query=_keys(Organization, parent=old.pk))
        changes.touch_record(Agreement, query=_keys(Agreement, parties__organization=old.pk))


def _post(old, new, changes):
    if old is not None and changed(old, new, ("title", "kind", "country_id")):
        changes.touch_events(query=dependents.participating(posts=[old.pk]))
        # Officials list the posts they held.
        changes.touch_record(Official, query=_keys(Tenure, "official_id", post=old.pk))


def _country(old, new, changes):
    if old is not None and changed(old, new, ("name", "iso_alpha2")):
        changes.touch_events(query=dependents.involving([old.pk]))
        changes.retext_events(query=dependents.participating(countries=[old.pk]))
    changes.wrote()


def _topic(old, new, changes):
    if old is not None and changed(old, new, ("name", "slug")):
        changes.touch_events(query=dependents.tagged([old.pk]))
    changes.wrote()


def _keys(model, field="pk", **lookup):
    """The keys (`field`) of `model`'s rows matching `lookup`, as a subquery."""
    return model.objects.filter(**lookup).values(field)


def _source(old, new, changes):
    if old is not None and changed(old, new, ("url", "headline", "publisher_id", "published_at")):
        changes.touch_events(query=dependents.citing(sources=[old.pk]))
        changes.touch_events(query=dependents.quoting(sources=[old.pk]))


def _byline(old, new, changes):
    for pk in both(old, new, "source_id"):
        changes.touch_record(Source, pk)


def _agreement(old, new, changes):
    changes.touch_events(both(old, new, "event_id"))
    record = new or old
    changes.agreement_lifecycle_changed([record.pk] if new is not None else [])


def _agreement_part(old, new, changes):
    for pk in both(old, new, "agreement_id"):
        changes.touch_record(Agreement, pk)


def _status_change(old, new, changes):
    changes.agreement_lifecycle_changed(both(old, new, "agreement_id"))


def _only_revision(old, new, changes):
    changes.wrote()


EFFECTS: dict[type, Effects] = {
    Event: Effects(before=_event_before, after=_event_after, slugged=True),
    Participant: Effects(before=_participant_before, after=_event_rows),
    EventCountry: Effects(before=_sort_key_from_event, after=_event_rows),
    Citation: Effects(after=_touch_event),
    Statement: Effects(after=_retext_event),
    EventRelation: Effects(after=_relation),
    Official: Effects(after=_official, slugged=True),
    OfficialName: Effects(after=_official_names),
    Tenure: Effects(after=_tenure),
    Organization: Effects(after=_organization, slugged=True),
    Post: Effects(after=_post),
    Country: Effects(after=_country),
    CountryName: Effects(after=_only_revision),
    Topic: Effects(after=_topic),
    Source: Effects(after=_source),
    SourceAuthor: Effects(after=_byline),
    Author: Effects(after=_only_revision),
    Agreement: Effects(after=_agreement),
    AgreementParty: Effects(after=_agreement_part),
    AgreementStatusChange: Effects(after=_status_change),
}


def _stored(record):
    if record.pk is None:
        return None
    return type(record)._default_manager.filter(pk=record.pk).first()


@service
def record_save(record, *, validate: bool = True):
    """Validate and save one record, and record what it reaches. Raises ValidationError
    (with the model's own messages) and writes nothing when the record is invalid."""
    effects = EFFECTS[type(record)]
    changes = current()
    old = _stored(record)
    effects.before(old, record, changes)
    if effects.slugged:
        assign_slug(record, slug_text(record))
    if validate:
        record.full_clean()
    record.save()
    effects.after(old, record, changes)
    changes.wrote()
    return record


class InUse(ValidationError):
    """A record that others depend on: deleting it would lose them (an API's 409)."""


def delete_refusal(record) -> str | None:
    """Why `record` may not be deleted though no foreign key protects it, or None: a topic
    given to events would silently leave them untagged."""
    if isinstance(record, Topic) and record.pk:
        count = record.events.count()
        if count:
            return (
                f"The topic \u201c{record}\u201d is given to {count} "
                f"event{'s' * (count != 1)}; remove it from them first."
            )
    return None


@service
def record_delete(record) -> None:
    """Delete one record, and what its model cascades to, recording what that reaches.
    Raises InUse when records that must be kept depend on it."""
    effects = EFFECTS[type(record)]
    changes = current()
    refusal = delete_refusal(record)
    if refusal:
        raise InUse(refusal)
    if isinstance(record, Event):
        _detach_from_event(record)
    effects.before(record, None, changes)
    try:
        record.delete()
    except ProtectedError as error:
        names = sorted({str(obj._meta.verbose_name_plural) for obj in error.protected_objects})
        raise InUse(
            f"\u201c{record}\u201d is referred to by {', '.join(names)}; remove those links first."
        ) from None
    effects.after(record, None, changes)
    changes.wrote()


@service
def records_delete(queryset) -> int:
    """Delete every record of `queryset`, one by one (each with its effects)."""
    count = 0
    for record in queryset:
        record_delete(record)
        count += 1
    return count


def detached_reason(event_id: int) -> str:
    """The history note on a quote or agreement detached from a deleted event."""
    return f"detached from deleted event {event_id}"


def _detach_from_event(event: Event) -> None:
    """A deleted event's quotes and agreements stay, detached. One by one (the database
    would do it in one UPDATE) so that history records it and a restore can attach them
    again."""
    changes = current()
    for related in (*event.statements.all(), *event.agreements.all()):
        related.event = None
        related._change_reason = detached_reason(event.pk)
        related.save()
        if isinstance(related, Agreement):
            changes.touch_record(Agreement, related.pk)
