"""What a timeline entry shows, read as plain values: the events with what each lists
(participants, countries, topics, agreements, quotes, sources, related events) built as
JSON by the database in the same query (events.json_sql); one query however many
entries, and no model instances (on a page of fifty they cost more than the query). The
entry template (includes/event.html) reads these dicts; a rendered entry is kept in the
cache under a digest of its dict, so it is reused exactly as long as what it shows is
unchanged."""

import hashlib
from pathlib import Path

from events import json_sql
from events.dates import DatePrecision, DateQualifier, FuzzyDate
from events.event_types import EventType, coding_for
from events.json_sql import (
    AGREEMENTS,
    CITATIONS,
    COUNTRIES,
    PARTICIPANTS,
    STATEMENTS,
    TOPICS,
    JsonSQL,
    related_events,
)
from events.models import (
    Agreement,
    AgreementStatus,
    Event,
    Participant,
)
from events.models.event import participant_label

EVENT_VALUES = (
    "pk",
    "public_id",
    "slug",
    "type",
    "status",
    "title",
    "summary",
    "location",
    "location_country__name",
    "latitude",
    "longitude",
    "date_start",
    "date_end",
    "date_precision",
    "date_qualifier",
)
TYPE_LABELS = dict(EventType.choices)
STATUS_LABELS = dict(Event.Status.choices)
ROLE_LABELS = dict(Participant.Role.choices)
KIND_LABELS = dict(Agreement.Kind.choices)
AGREEMENT_STATUS_LABELS = dict(AgreementStatus.choices)


def read_entries(queryset) -> list[dict]:
    """The entries of `queryset`'s events (filtered, ordered, sliced), in order: one query,
    the events with what each lists built as JSON by the database."""
    sql = JsonSQL(queryset.db)
    lists = {f"{name}_json": build(sql) for name, build in NESTED.items()}
    for direction in ("from", "to"):
        lists[f"relations_{direction}_json"] = related_events(sql, direction, *_other_event(sql))
    return [_entry(row) for row in queryset.values(*EVENT_VALUES, **lists)]


def _participants(sql: JsonSQL):
    item = sql.array("pa.role", "o.name", "o.slug", "g.name", "c.name", "ps.title")
    return sql.rows(item, PARTICIPANTS)


def _countries(sql: JsonSQL):
    return sql.rows(sql.array("c.iso_alpha2", "c.name"), COUNTRIES)


def _topics(sql: JsonSQL):
    return sql.rows(sql.array("t.slug", "t.name"), TOPICS)


def _agreements(sql: JsonSQL):
    item = sql.array(
        sql.uuid("ag.public_id"), "ag.title", "ag.kind", "ag.status", sql.boolean("ag.disclosed")
    )
    return sql.rows(item, AGREEMENTS)


def _statements(sql: JsonSQL):
    item = sql.array("st.text", "o.name", "o.slug", "g.name", "so.headline", "so.url")
    return sql.rows(item, STATEMENTS)


def _citations(sql: JsonSQL):
    item = sql.array("ci.excerpt", "so.headline", "so.url", "pu.name", "so.published_at")
    return sql.rows(item, CITATIONS)


# What an entry lists, each read as JSON arrays of values (events.json_sql).
NESTED = {
    "participants": _participants,
    "countries": _countries,
    "topics": _topics,
    "agreements": _agreements,
    "statements": _statements,
    "citations": _citations,
}


def _lists(row: dict) -> dict:
    """The entry's lists from the row's JSON, shaped for the template."""
    rows = {name: json_sql.loads(row[f"{name}_json"]) for name in NESTED}
    return {
        "participants": [
            {
                "label": participant_label(
                    official or organization or country, post, official, country
                ),
                "official_slug": slug,
                "role": role,
                "role_label": ROLE_LABELS.get(role, role),
            }
            for role, official, slug, organization, country, post in rows["participants"]
        ],
        "countries": [{"code": code, "name": name} for code, name in rows["countries"]],
        "topics": [{"slug": slug, "name": name} for slug, name in rows["topics"]],
        "agreements": [
            {
                "public_id": public_id,
                "title": title,
                "kind_label": KIND_LABELS.get(kind, kind),
                "status": status,
                "status_label": AGREEMENT_STATUS_LABELS.get(status, status),
                "disclosed": disclosed,
            }
            for public_id, title, kind, status, disclosed in rows["agreements"]
        ],
        "statements": [
            {
                "text": text,
                "official_name": official,
                "official_slug": slug,
                "organization_name": organization,
                "source_headline": headline,
                "source_url": url,
            }
            for text, official, slug, organization, headline, url in rows["statements"]
        ],
        "citations": [
            {
                "excerpt": excerpt,
                "headline": headline,
                "url": url,
                "publisher": publisher,
                "published_at": json_sql.timestamp(published_at),
            }
            for excerpt, headline, url, publisher, published_at in rows["citations"]
        ],
    }


def _date(row: dict, prefix: str = "") -> FuzzyDate:
    return FuzzyDate.trusted(
        row[f"{prefix}date_start"],
        row[f"{prefix}date_end"],
        row[f"{prefix}date_precision"],
        row[f"{prefix}date_qualifier"],
    )


def _on_one_exact_day(date: FuzzyDate) -> bool:
    return date.precision == DatePrecision.DAY and date.qualifier == DateQualifier.EXACT


def _other_event(sql: JsonSQL) -> tuple[str, ...]:
    """What a relation shows of the event at its other end (its date comes too)."""
    return ("o.id", sql.uuid("o.public_id"), "o.slug", "o.title")


def _relations(row: dict, mine: FuzzyDate) -> list[dict]:
    """The event's relations worded from its side ("follows" for a relation stored the
    other way), oldest related event first."""
    related = [
        {
            "label": label,
            "same_day": _on_one_exact_day(mine)
            and _on_one_exact_day(other)
            and other.start == mine.start,
            "note": note,
            "ref": slug or public_id,
            "title": title,
            "date_label": other.label,
            "order": (other.start, other.end, pk),
        }
        for label, note, (pk, public_id, slug, title), other in json_sql.relations_of(row)
    ]
    related.sort(key=lambda entry: entry["order"])
    return related


def _entry(row: dict) -> dict:
    pk = row["pk"]
    date = _date(row)
    coding = coding_for(row["type"], planned=row["status"] == Event.Status.PLANNED)
    return {
        "pk": pk,
        "public_id": row["public_id"],
        "ref": row["slug"] or row["public_id"],
        "type": row["type"],
        "type_label": TYPE_LABELS.get(row["type"], row["type"]),
        "is_context": coding.is_context,
        "coding": {
            "plover_event": coding.plover_event,
            "plover_mode": coding.plover_mode,
            "cameo_root": coding.cameo_root,
        },
        "status": row["status"],
        "status_label": STATUS_LABELS.get(row["status"], row["status"]),
        "title": row["title"],
        "summary": row["summary"],
        "location": row["location"],
        "location_country_name": row["location_country__name"],
        "latitude": row["latitude"],
        "longitude": row["longitude"],
        "date_start": date.start,
        "date_end": date.end,
        "sort_key": (date.start, int(date.precision), date.end, row["title"], pk),
        "date_label": date.label,
        "date_edtf": date.edtf,
        **_lists(row),
        "related": _relations(row, date),
    }


def _template_version() -> str:
    """Entries rendered by an earlier version of the template are not reused."""
    source = Path(__file__).parent / "templates" / "timeline" / "includes" / "event.html"
    return hashlib.sha256(source.read_bytes()).hexdigest()[:16]


TEMPLATE_VERSION = _template_version()


def entry_key(entry: dict, *, level: int, link: bool) -> str:
    """The cache key of an entry rendered at heading `level`: a digest of the template's
    version and everything the entry shows."""
    digest = hashlib.sha256(repr((TEMPLATE_VERSION, level, link, entry)).encode()).hexdigest()
    return f"timeline:entry:{digest}"
