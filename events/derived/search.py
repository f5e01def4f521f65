"""Event.search_text, the text search runs on: the event's title, summary and place, the
names (and other spellings) of who took part, and the quotes attached to it."""

from collections import defaultdict
from collections.abc import Iterable

from events.models import Event, OfficialName, Participant, Statement

CHUNK = 500


def compose_search_text(title, summary, location, names: Iterable[str], quotes: Iterable[str]):
    """Everything text search should find an event by, one item a line, each once."""
    parts = [title, summary, location, *names, *quotes]
    return "\n".join(dict.fromkeys(part for part in parts if part))


def search_texts(event_ids: Iterable[int]) -> dict[int, str]:
    """The search text of each of these events (those that still exist), from four
    queries, whatever their number."""
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


def refresh_search_texts(event_ids: Iterable[int]) -> int:
    """Recompute and store the search text of these events, a chunk at a time, writing
    only those that changed; returns how many did."""
    ids = sorted(set(event_ids))
    changed = 0
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        texts = search_texts(chunk)
        stored = dict(Event.objects.filter(pk__in=chunk).values_list("pk", "search_text"))
        rows = [Event(pk=pk, search_text=text) for pk, text in texts.items() if stored[pk] != text]
        Event.objects.bulk_update(rows, ["search_text"])
        changed += len(rows)
    return changed
