"""Events written by the identifier of the data set they come from (`external_id`): a
pipeline sends what it has, again and again, and each event is created once, changed when
the data changed, and left alone (its updated_at too) when it did not."""

from enum import StrEnum

from django.core.exceptions import ValidationError

from events.models import Event
from events.services.events import (
    EventSpec,
    ParticipantSpec,
    event_create,
    event_spec,
    event_update,
)
from events.services.unit import service


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


def _comparable(spec: EventSpec) -> tuple:
    """What `spec` stores besides its participants, in a form where order that is not
    kept does not count: topics, countries and citations are sets."""
    return (
        spec.title,
        spec.type,
        spec.date,
        spec.status,
        spec.summary,
        spec.location,
        getattr(spec.location_country, "pk", None),
        spec.latitude,
        spec.longitude,
        spec.external_id,
        frozenset(t.pk for t in spec.topics),
        frozenset(c.pk for c in spec.countries),
        frozenset((c.source.pk, c.excerpt) for c in spec.citations),
    )


def _participation(p: ParticipantSpec, country_given: bool = True) -> tuple:
    # A participant's country left empty is derived (its post's or the official's) and
    # stored in the same column: a write leaving it empty again changes nothing.
    return (
        getattr(p.official, "pk", None),
        getattr(p.organization, "pk", None),
        getattr(p.country, "pk", None) if country_given else None,
        p.role,
        getattr(p.post, "pk", None),
        p.note,
    )


def _same(stored: EventSpec, spec: EventSpec) -> bool:
    """Whether writing `spec` over the event `stored` describes would change nothing."""
    if _comparable(stored) != _comparable(spec) or len(stored.participants) != len(
        spec.participants
    ):
        return False
    return all(
        _participation(old, new.country is not None) == _participation(new)
        for old, new in zip(stored.participants, spec.participants, strict=True)
    )


@service
def event_upsert(spec: EventSpec) -> tuple[Event, Outcome]:
    """The event whose external_id is spec's, made what `spec` describes: created when
    there is none, updated when it differs, untouched when it is the same. All or nothing
    (a ValidationError names the field, as event_create's)."""
    if not spec.external_id:
        raise ValidationError({"external_id": "Give the event's id in its data set."})
    stored = Event.objects.select_for_update().filter(external_id=spec.external_id).first()
    if stored is None:
        return event_create(spec), Outcome.CREATED
    if _same(event_spec(stored), spec):
        return stored, Outcome.UNCHANGED
    return event_update(stored, spec), Outcome.UPDATED
