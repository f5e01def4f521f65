"""Derived data: what the project computes from what editors write and stores, for speed
or for sync, kept in this one package and changed set-wise, once per write transaction.

    posts.py        participants' posts held on the event's date, and their countries
    countries.py    the countries involved in each event, with a copy of its sort key
    search.py       each event's search text
    agreements.py   agreements' status, from their lifecycle
    tallies.py      event counts by month, by country and month, by pair of countries
    dependents.py   which events show a record: whose updated_at a change moves
    slugs.py        slugs
    revision.py     the data's revision, which conditional GETs compare

Writers (events.services; the importer, which derives its rows with these functions before
it writes them) record what they change in a Changes; flush() derives from it in the
writing transaction. `manage.py refresh_derived` checks and repairs with the same
functions."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone

from events.derived import agreements, countries, posts, revision, search, tallies
from events.models import Agreement, Event


@dataclass
class Changes:
    """What one write transaction changed, as far as derived data cares."""

    # Events whose own rows changed (the event, its participants or countries): every
    # derived datum of theirs is computed again.
    rederive: set[int] = field(default_factory=set)
    # Events whose search text may have changed (a participant renamed, a quote moved).
    retext: set[int] = field(default_factory=set)
    retext_queries: list[QuerySet] = field(default_factory=list)
    # Events whose representation changed otherwise (a source's headline): updated_at.
    touch: set[int] = field(default_factory=set)
    touch_queries: list[QuerySet] = field(default_factory=list)
    # Agreements whose lifecycle changed: status computed again.
    agreements: set[int] = field(default_factory=set)
    # Other records whose representation changed (an official's spellings, a quote's
    # speaker renamed): updated_at, by key or by a queryset of keys.
    records: dict[type, set[int]] = field(default_factory=dict)
    record_queries: list[tuple[type, QuerySet]] = field(default_factory=list)
    # Tally changes so far, and the events whose counts before the write are in them.
    tally_delta: Counter = field(default_factory=Counter)
    snapped: set[int] = field(default_factory=set)
    written: bool = False

    def before_event_rows_change(self, event_ids) -> None:
        """Call before writing an event's own rows (the event, its participants, its
        countries): takes its counts as they stand, once, and marks it for re-deriving."""
        ids = {pk for pk in event_ids if pk} - self.snapped
        if ids:
            self.tally_delta.subtract(tallies.keys_of(ids))
            self.snapped |= ids
        self.rederive |= {pk for pk in event_ids if pk}
        self.written = True

    def event_created(self, pk: int) -> None:
        """A new event: in no count before this write."""
        self.snapped.add(pk)
        self.rederive.add(pk)
        self.written = True

    def retext_events(self, ids=(), query: QuerySet | None = None) -> None:
        self.retext |= {pk for pk in ids if pk}
        if query is not None:
            self.retext_queries.append(query)
        self.written = True

    def touch_events(self, ids=(), query: QuerySet | None = None) -> None:
        self.touch |= {pk for pk in ids if pk}
        if query is not None:
            self.touch_queries.append(query)
        self.written = True

    def agreement_lifecycle_changed(self, agreement_ids) -> None:
        self.agreements |= {pk for pk in agreement_ids if pk}
        self.written = True

    def touch_record(self, model, pk=None, query: QuerySet | None = None) -> None:
        if pk:
            self.records.setdefault(model, set()).add(pk)
        if query is not None:
            self.record_queries.append((model, query))
        self.written = True

    def wrote(self) -> None:
        """Something was written that only the revision follows (a country's alias)."""
        self.written = True


def flush(changes: Changes) -> None:
    """Derive what `changes` calls for, in the current transaction, set-wise."""
    if not changes.written:
        return
    now = timezone.now()
    if changes.agreements:
        changes.touch |= agreements.refresh_statuses(changes.agreements)
        changes.records.setdefault(Agreement, set()).update(changes.agreements)
    rederive = set(Event.objects.filter(pk__in=changes.rederive).values_list("pk", flat=True))
    # Counts before, for events re-derived because something else changed (a tenure).
    changes.before_event_rows_change(rederive)
    if rederive:
        posts.refresh_participants(rederive)
        countries.refresh_links(rederive)
        changes.tally_delta.update(tallies.keys_of(rederive))
    delta = Counter({key: n for key, n in changes.tally_delta.items() if n})
    if delta:
        tallies.apply(delta)
    retext = rederive | changes.retext
    for query in changes.retext_queries:
        retext |= set(Event.objects.filter(pk__in=query).values_list("pk", flat=True))
    search.refresh_search_texts(retext)
    touched = rederive | retext | changes.touch
    Event.objects.filter(pk__in=touched).update(updated_at=now)
    for query in changes.touch_queries:
        Event.objects.filter(pk__in=query).update(updated_at=now)
    for model, pks in changes.records.items():
        model.objects.filter(pk__in=pks).update(updated_at=now)
    for model, query in changes.record_queries:
        model.objects.filter(pk__in=query).update(updated_at=now)
    revision.bump(now)
