"""Deleted events brought back from their history."""

from datetime import timedelta

from django.core.exceptions import ValidationError

from events import history
from events.derived import dependents
from events.models import (
    Agreement,
    Citation,
    Event,
    EventCountry,
    EventRelation,
    Participant,
    Statement,
)
from events.services.events import (
    EVENT_FIELDS,
    CitationSpec,
    EventSpec,
    ParticipantSpec,
    event_update,
)
from events.services.records import detached_reason
from events.services.unit import current, service

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


@service
def event_restore(event_id: int) -> Event:
    """Bring back a deleted event as it was when deleted, with the same key and public id:
    its participants, countries, citations, relations and topics, and the quotes and
    agreements it was detached from. Raises ValidationError if there is nothing to restore."""
    deleted = deleted_events().filter(id=event_id).first()
    if deleted is None:
        raise ValidationError("This event is not deleted, or its history is gone.")
    window = (deleted.history_date - CASCADE_WINDOW, deleted.history_date + CASCADE_WINDOW)
    changes = current()
    event = deleted.instance
    event.save()
    changes.event_created(event.pk)
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
    # The events it relates to list it again.
    changes.touch_events(dependents.related_to([event_id]))
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
        if isinstance(row, EventCountry):
            # History leaves out the copy of the event's sort key: copy it again.
            for name in EventCountry.SORT_FIELDS:
                setattr(row, name, getattr(row.event, name))
        row.save()


def _reattach(model, event_id: int, window) -> None:
    """Point back at the event the rows that were detached from it when it was deleted."""
    detached = model.history.filter(
        history_type="~",
        history_date__range=window,
        history_change_reason=detached_reason(event_id),
    ).values_list("id", flat=True)
    for row in model.objects.filter(pk__in=list(detached), event__isnull=True):
        row.event_id = event_id
        row.save()


@service
def event_revert(event: Event, version) -> Event:
    """Make `event` what it was at `version` of its history, as one write: its own fields
    as set on `event` (the revert form shows them from the version, and the editor may
    adjust them), and its topics, participants, countries named and citations as they
    stood until the next save. Rows whose official, body, country or source was deleted
    since cannot come back and are left out. Raises ValidationError, as event_update does,
    if the result would be invalid or repeat another event."""
    until = history.version_until(event.pk, version)
    rows = {
        model: history.present(history.rows_as_of(model, event.pk, until))
        for model in (Participant, EventCountry, Citation)
    }
    spec = EventSpec(
        **{name: getattr(event, name) for name in EVENT_FIELDS},
        date=event.date,
        topics=history.topics_of(version),
        countries=[link.country for link in rows[EventCountry] if link.chosen],
        participants=[ParticipantSpec.of(row) for row in rows[Participant]],
        citations=[CitationSpec(row.source, row.excerpt) for row in rows[Citation]],
    )
    return event_update(event, spec)
