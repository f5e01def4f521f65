"""Which events show a record (change tracking): an event's representation holds its
participants' names, its sources, quotes, agreements, topics, related events and
countries, so a change to any of them is a change to the event, and its updated_at moves
(incremental sync sees it). Each function answers with a queryset of event ids, so a
change that reaches many events is one UPDATE, not a list in memory."""

from django.db.models import Q

from events.models import (
    Citation,
    Event,
    EventCountry,
    EventRelation,
    Participant,
    Statement,
)


def _ids(queryset, field="event_id"):
    return queryset.values(field)


def participating(*, officials=(), organizations=(), posts=(), countries=()):
    """Events in which these officials, organizations, posts or countries take part."""
    condition = Q(pk__in=[])
    for field, values in (
        ("official_id__in", officials),
        ("organization_id__in", organizations),
        ("post_id__in", posts),
        ("country_id__in", countries),
    ):
        if values:
            condition |= Q(**{field: list(values)})
    return _ids(Participant.objects.filter(condition))


def quoting(*, officials=(), organizations=(), sources=()):
    """Events with quotes by these speakers, or from these sources."""
    condition = Q(pk__in=[])
    for field, values in (
        ("official_id__in", officials),
        ("organization_id__in", organizations),
        ("source_id__in", sources),
    ):
        if values:
            condition |= Q(**{field: list(values)})
    return _ids(Statement.objects.filter(condition, event__isnull=False))


def citing(*, sources=(), publishers=()):
    """Events citing these sources, or sources these organizations published."""
    condition = Q(pk__in=[])
    if sources:
        condition |= Q(source_id__in=list(sources))
    if publishers:
        condition |= Q(source__publisher_id__in=list(publishers))
    return _ids(Citation.objects.filter(condition))


def involving(countries):
    """Events involving these countries."""
    return _ids(EventCountry.objects.filter(country_id__in=list(countries)))


def tagged(topics):
    """Events with these topics."""
    return _ids(Event.topics.through.objects.filter(topic_id__in=list(topics)))


def related_to(event_ids) -> set[int]:
    """Events related to these (either way): they show the other event's title and date."""
    ids = list(event_ids)
    pairs = EventRelation.objects.filter(Q(from_event_id__in=ids) | Q(to_event_id__in=ids))
    found = set()
    for from_id, to_id in pairs.values_list("from_event_id", "to_event_id"):
        found.update((from_id, to_id))
    return found - set(ids)
