"""Event.search_text, the text search runs on: composed from the event and what hangs off it,
and refreshed set-wise, once per event per request rather than once per changed row.

Signals ask for a refresh (`request_refresh`); inside `batched_refresh()` (every request,
through DerivedDataMiddleware, and every service write) the asks are collected and served
at the end with a fixed number of queries, however many rows changed.
"""

import threading
from collections import defaultdict
from collections.abc import Iterable
from contextlib import contextmanager

from events import data_version

_state = threading.local()
CHUNK = 500


def compose_search_text(title, summary, location, names: Iterable[str], quotes: Iterable[str]):
    """Everything text search should find an event by, one item a line, each once: its
    title, summary, place, the names (and other spellings) of who took part, and quotes."""
    parts = [title, summary, location, *names, *quotes]
    return "\n".join(dict.fromkeys(part for part in parts if part))


def search_texts(event_ids: Iterable[int]) -> dict[int, str]:
    """The search text of each of these events (those that still exist), from four
    queries, whatever their number."""
    from events.models import Event, OfficialName, Participant, Statement

    ids = sorted(set(event_ids))
    events = Event.objects.filter(pk__in=ids).values_list("pk", "title", "summary", "location")
    names = defaultdict(list)
    officials = defaultdict(set)
    participants = Participant.objects.filter(event_id__in=ids).order_by("event_id", "pk")
    for event_id, official_id, *who in participants.values_list(
        "event_id", "official_id", "official__name", "organization__name", "country__name"
    ):
        names[event_id].extend(name for name in who if name)
        if official_id:
            officials[official_id].add(event_id)
    spellings = OfficialName.objects.filter(official_id__in=officials).order_by("pk")
    for official_id, name in spellings.values_list("official_id", "name"):
        for event_id in officials[official_id]:
            names[event_id].append(name)
    quotes = defaultdict(list)
    statements = Statement.objects.filter(event_id__in=ids).order_by("pk")
    for event_id, text in statements.values_list("event_id", "text"):
        quotes[event_id].append(text)
    return {
        pk: compose_search_text(title, summary, location, names[pk], quotes[pk])
        for pk, title, summary, location in events
    }


def refresh_search_texts(event_ids: Iterable[int]) -> None:
    """Recompute and store the search text of these events, a chunk at a time (ids of
    events since deleted are skipped). Derived data: no history entry, no new updated_at."""
    from events.models import Event

    ids = sorted(set(event_ids))
    for start in range(0, len(ids), CHUNK):
        texts = search_texts(ids[start : start + CHUNK])
        rows = [Event(pk=pk, search_text=text) for pk, text in texts.items()]
        Event.objects.bulk_update(rows, ["search_text"])
    # bulk_update sends no signals, and a request's refresh runs after its transaction:
    # what was counted on the old texts (a text search's count) is stale now.
    if ids:
        data_version.changed()


@contextmanager
def batched_refresh():
    """Collect refresh requests made inside, and serve them once at the end."""
    if getattr(_state, "pending", None) is not None:
        yield  # an outer batch serves them
        return
    _state.pending = set()
    try:
        yield
    finally:
        pending, _state.pending = _state.pending, None
    if pending:
        refresh_search_texts(pending)


def request_refresh(event_ids: Iterable[int]) -> None:
    """Ask for these events' search text to be recomputed: now, or at the end of the
    current batch."""
    ids = {pk for pk in event_ids if pk}
    pending = getattr(_state, "pending", None)
    if pending is not None:
        pending.update(ids)
    elif ids:
        refresh_search_texts(ids)


class DerivedDataMiddleware:
    """Serves the search-text refreshes a request asks for once, at its end."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with batched_refresh():
            return self.get_response(request)
