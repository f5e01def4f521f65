"""The countries involved in an event (EventCountry): those an editor named (chosen) and
every participant's country, each link carrying a copy of the event's sort key."""

from collections.abc import Iterable

from events.models import Event, EventCountry, Participant

SORT_FIELDS = EventCountry.SORT_FIELDS


def refresh_links(event_ids: Iterable[int]) -> int:
    """Make these events' country links what their chosen countries and participants say,
    with the events' current sort keys: missing participants' countries are added, those
    no participant is of any more removed (chosen ones stay), stale sort keys rewritten.
    Returns how many links changed."""
    ids = set(event_ids)
    if not ids:
        return 0
    events = {row["pk"]: row for row in Event.objects.filter(pk__in=ids).values("pk", *SORT_FIELDS)}
    wanted = set(
        Participant.objects.filter(event_id__in=events, country__isnull=False)
        .values_list("event_id", "country_id")
        .distinct()
    )
    links = list(
        EventCountry.objects.filter(event_id__in=events).values(
            "pk", "event_id", "country_id", "chosen", *SORT_FIELDS
        )
    )
    stored = {(link["event_id"], link["country_id"]) for link in links}
    gone = [
        link["pk"]
        for link in links
        if not link["chosen"] and (link["event_id"], link["country_id"]) not in wanted
    ]
    stale = [
        EventCountry(pk=link["pk"], **{f: events[link["event_id"]][f] for f in SORT_FIELDS})
        for link in links
        if link["pk"] not in gone
        and any(link[f] != events[link["event_id"]][f] for f in SORT_FIELDS)
    ]
    new = [
        EventCountry(
            event_id=event_id,
            country_id=country_id,
            chosen=False,
            **{f: events[event_id][f] for f in SORT_FIELDS},
        )
        for event_id, country_id in sorted(wanted - stored)
    ]
    if gone:
        # One by one through delete(), so history records each removal.
        for link in EventCountry.objects.filter(pk__in=gone):
            link.delete()
    EventCountry.objects.bulk_update(stale, SORT_FIELDS, batch_size=500)
    if new:
        created = EventCountry.objects.bulk_create(new, batch_size=500)
        EventCountry.history.bulk_history_create(created)
    return len(gone) + len(stale) + len(new)
