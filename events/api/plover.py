"""The PLOVER export (`?format=plover`): one JSON Lines record an event, named and
coded as the PLOVER specification's "Data Fields" chapter names them
(openeventdata/PLOVER, PLOVER_MANUAL.tex: the "PLOVER JSON", entity and location
tables), so that tools reading PLOVER or POLECAT read it.

    id, date, enddate        the event's public id; its date range (YYYY-MM-DD)
    event, event_type        the PLOVER category, as the manual's list and as a name
    mode, context            lists, or null when none applies (as the manual says)
    actor, recipient         lists of entities: {"code": ISO alpha-3, "entity_text",
                             "office"}; compound and reciprocal actors are one list
    event_loc                the location object (resolved_place, lat, lon, country_code)
    event_text, cite_info    the summary, and the first source cited
    status                   held, planned or cancelled (besides the spec's fields)

Cancelled meetings are coded REJECT, as the manual codes a cancellation, and planned
ones AGREE (events.event_types), never as if they happened. Fields the spec does not
name (status, date_precision, date_edtf, cameo_root, topics, mediator, citations, url)
are ours, which the spec allows ("Providers should feel free to include named fields
beyond those provided here").
"""

import json
from collections.abc import Iterable, Iterator, Sequence

from events.event_types import coding_for, topic_contexts
from events.models import Country

# The side of a record each role stands on. The manual's CONSULT: "the visitor will
# always be coded as the actor and the host will be the recipient", and where no side
# hosts, "all of the entities are considered as the actor and no recipient is included".
RECIPIENT_ROLES = {"host", "target", "subject"}
OTHER_ROLES = {"mediator"}


def _entity(participant: dict, countries: dict) -> dict:
    code = participant["country"]
    who = participant["official"] or participant["organization"] or {}
    entity = {
        "code": countries[code][0] if code in countries else None,
        "entity_text": who.get("name") or (countries[code][1] if code in countries else None),
        "role": participant["role"],
    }
    if participant["post"]:
        entity["office"] = participant["post"]["title"]
    return entity


def _sides(participants: list[dict], countries: dict) -> tuple[list, list, list]:
    actors, recipients, others = [], [], []
    for participant in participants:
        entity = _entity(participant, countries)
        if participant["role"] in RECIPIENT_ROLES:
            recipients.append(entity)
        elif participant["role"] in OTHER_ROLES:
            others.append(entity)
        else:
            actors.append(entity)
    if not actors and recipients:
        # A host alone (its guests unnamed) still acted.
        actors, recipients = recipients, []
    return actors, recipients, others


def _location(location: dict, countries: dict) -> dict | None:
    code = location["country"]
    if not (location["name"] or code or location["latitude"] is not None):
        return None
    return {
        "resolved_place": location["name"] or None,
        "lat": location["latitude"],
        "lon": location["longitude"],
        "country": countries[code][1] if code in countries else None,
        "country_code": countries[code][0] if code in countries else None,
    }


def _cite_info(source: dict) -> dict:
    return {
        "url": source["url"] or None,
        "title": source["headline"],
        "publication": source["publisher"],
        "published": source["published_at"],
    }


def plover_record(event: dict, countries: dict) -> dict | None:
    """The PLOVER record of an event dict (events.projection), or None for a type PLOVER
    has no category for (statements, appointments, elections). `countries` maps alpha-2
    codes to (alpha-3, name)."""
    coding = event["coding"]
    category = coding["plover_event"]
    if category is None:
        return None
    actors, recipients, mediators = _sides(event["participants"], countries)
    diplomacy = not coding_for(event["type"]).is_context
    contexts = topic_contexts(event["topics"], diplomatic=diplomacy)
    return {
        "id": event["id"],
        "date": event["date_start"],
        "enddate": event["date_end"],
        "event": [category],
        "event_type": category,
        "mode": [coding["plover_mode"]] if coding["plover_mode"] else None,
        "context": contexts or None,
        "actor": actors,
        "recipient": recipients,
        "event_loc": _location(event["location"], countries),
        "event_text": [event["summary"] or event["title"]],
        "cite_info": _cite_info(event["sources"][0]) if event["sources"] else None,
        "status": event["status"],
        "title": event["title"],
        "date_precision": event["date_precision"],
        "date_edtf": event["date_edtf"],
        "cameo_root": coding["cameo_root"],
        "topics": event["topics"],
        "mediator": mediators,
        "citations": [
            {**_cite_info(s), "source_id": s["id"], "excerpt": s["excerpt"]}
            for s in event["sources"]
        ],
        "url": event["timeline_url"],
    }


# Every key of a record, in order (what `fields=` chooses from).
PLOVER_KEYS = [
    "id",
    "date",
    "enddate",
    "event",
    "event_type",
    "mode",
    "context",
    "actor",
    "recipient",
    "event_loc",
    "event_text",
    "cite_info",
    "status",
    "title",
    "date_precision",
    "date_edtf",
    "cameo_root",
    "topics",
    "mediator",
    "citations",
    "url",
]


def plover_export(events: Iterable[dict], keys: Sequence[str] | None = None) -> Iterator[str]:
    """PLOVER JSON Lines, one record an event (`keys`: only those of PLOVER_KEYS);
    events with no PLOVER category are left out."""
    countries = {
        alpha2: (alpha3, name)
        for alpha2, alpha3, name in Country.objects.values_list("iso_alpha2", "iso_alpha3", "name")
    }
    for event in events:
        record = plover_record(event, countries)
        if record is not None:
            if keys is not None:
                record = {key: record[key] for key in keys}
            yield json.dumps(record, ensure_ascii=False) + "\n"
