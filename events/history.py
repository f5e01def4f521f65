"""An event's history as an editor reads it: its own versions (django-simple-history) and
the changes to the rows that belong to it (participants, countries involved, citations)
and its topics, in one story of who changed what and when; and those rows as they stood
at a version, which a revert brings back (events.services.restore.event_revert).

The rows keep their own history tables, one per model. A change to them is told with the
event version it was saved with (an admin form saves the event, then its inlines; the
services save the event, then its rows): the latest version before it by the same person,
moments before. A change made on its own (a citation added from the source's page) is an
entry of its own."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import ObjectDoesNotExist

from events.models import Citation, Event, EventCountry, Participant, Topic

# How long after an event's version the rows saved with it may be recorded (one request).
SAME_SAVE = timedelta(seconds=10)
# The event's own fields that are bookkeeping, not what an editor changed.
UNTOLD_FIELDS = ["updated_at", "created_at", "topics"]
# Each kind of row, told as (what it is, the fields whose change is told).
ROWS = {
    Participant: ("participant", ("official", "organization", "country", "role", "post", "note")),
    EventCountry: ("country involved", ("country", "chosen")),
    Citation: ("source", ("source", "excerpt")),
}


@dataclass
class Change:
    """One change: `what` changed from `old` to `new` (empty when added or removed)."""

    what: str
    old: str = ""
    new: str = ""


@dataclass
class HistoryEntry:
    """One save: an event version (`version`, which can be reverted to) with the changes
    saved with it, or changes to its rows saved on their own (`version` None)."""

    date: datetime
    user: object
    version: object = None
    action: str = ""
    changes: list[Change] = field(default_factory=list)
    last: datetime | None = None
    # Until when the event stood as this entry left it: the next entry's date.
    until: datetime | None = None


def event_history(event_id: int) -> list[HistoryEntry]:
    """Every save of the event and of its rows, newest first."""
    versions = list(
        Event.history.filter(id=event_id).select_related("history_user").order_by("history_date")
    )
    rows = sorted(
        (record for model in ROWS for record in _row_records(model, event_id)),
        key=lambda record: record.history_date,
    )
    entries: list[HistoryEntry] = []
    previous_version = None
    for record in sorted([*versions, *rows], key=lambda r: r.history_date):
        if isinstance(record, Event.history.model):
            entry = HistoryEntry(
                date=record.history_date,
                user=record.history_user,
                version=record,
                action=record.get_history_type_display(),
                changes=_version_changes(record, previous_version),
                last=record.history_date,
            )
            entries.append(entry)
            previous_version = record
            continue
        entry = entries[-1] if entries else None
        if entry is None or not _same_save(entry, record):
            entry = HistoryEntry(
                date=record.history_date,
                user=record.history_user,
                action="Changed its " + ROWS[record.instance_type][0] + "s",
                last=record.history_date,
            )
            entries.append(entry)
        entry.changes.extend(_row_changes(record))
        entry.last = record.history_date
    for entry, following in zip(entries, entries[1:], strict=False):
        entry.until = following.date
    return entries[::-1]


def _same_save(entry: HistoryEntry, record) -> bool:
    # Derived rows (countries added for a participant) are recorded without a user.
    same_user = record.history_user_id in (None, getattr(entry.user, "pk", None))
    return same_user and record.history_date - entry.last <= SAME_SAVE


def _row_records(model, event_id: int) -> list:
    records = list(model.history.filter(event_id=event_id).order_by("history_date", "history_id"))
    # Each record with the one before it of the same row, to tell what changed.
    latest = {}
    for record in records:
        record.previous_of_row = latest.get(record.id)
        latest[record.id] = record
    return records


def _shown(record, name: str) -> str:
    try:
        value = getattr(record, name)
    except ObjectDoesNotExist:
        return "(deleted)"
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if name == "role":
        return Participant.Role(value).label
    return str(value)


def _row_label(record) -> str:
    if record.instance_type is Participant:
        who = next(
            (
                _shown(record, n)
                for n in ("official", "organization", "country")
                if getattr(record, f"{n}_id")
            ),
            "—",
        )
        return f"{who} ({_shown(record, 'role')})"
    return _shown(record, "country" if record.instance_type is EventCountry else "source")


def _row_changes(record) -> list[Change]:
    kind, fields = ROWS[record.instance_type]
    label = _row_label(record)
    if record.history_type == "+":
        return [Change(f"{kind} added", new=label)]
    if record.history_type == "-":
        return [Change(f"{kind} removed", old=label)]
    before = record.previous_of_row
    if before is None:
        return []
    return [
        Change(f"{kind} {label}: {name}", _shown(before, name), _shown(record, name))
        for name in fields
        if getattr(before, f"{name}_id", getattr(before, name))
        != getattr(record, f"{name}_id", getattr(record, name))
    ]


def _version_changes(version, previous) -> list[Change]:
    if previous is None:
        return []
    delta = version.diff_against(previous, excluded_fields=UNTOLD_FIELDS)
    changes = [
        Change(
            str(Event._meta.get_field(c.field).verbose_name),
            _shown(previous, c.field),
            _shown(version, c.field),
        )
        for c in delta.changes
    ]
    before, after = _topic_ids(previous), _topic_ids(version)
    names = Topic.objects.in_bulk(before ^ after)
    changes += [Change("topic added", new=str(names.get(pk, pk))) for pk in sorted(after - before)]
    changes += [
        Change("topic removed", old=str(names.get(pk, pk))) for pk in sorted(before - after)
    ]
    return changes


def _topic_ids(version) -> set[int]:
    return set(version.topics.values_list("topic_id", flat=True))


def version_until(event_id: int, version) -> datetime | None:
    """Until when the event stood as `version` (and the rows saved with it) left it: the
    date of the next save of the event or its rows; None for the latest."""
    for entry in event_history(event_id):
        if entry.version is not None and entry.version.history_id == version.history_id:
            return entry.until
    return None


def rows_as_of(model, event_id: int, until: datetime | None) -> list:
    """The event's rows of `model` as they stood before `until` (now, when None), as
    instances rebuilt from their history."""
    records = model.history.filter(event_id=event_id)
    if until is not None:
        records = records.filter(history_date__lt=until)
    latest = records.latest_of_each().order_by("history_date", "history_id")
    return [record.instance for record in latest if record.history_type != "-"]


def topics_of(version) -> list[Topic]:
    """The topics the event had at `version`, those that still exist."""
    return list(Topic.objects.filter(pk__in=_topic_ids(version)))


def present(records: Iterable) -> list:
    """Rows whose referents all still exist (an official deleted since has no row to bring
    back)."""
    kept = []
    for row in records:
        try:
            for name in ("official", "organization", "country", "post", "source"):
                if hasattr(row, f"{name}_id"):
                    getattr(row, name)
        except ObjectDoesNotExist:
            continue
        kept.append(row)
    return kept
