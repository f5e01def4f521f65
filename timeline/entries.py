"""What a timeline entry shows, read as plain values: one query per kind of thing an entry
lists, however many entries, and no model instances (on a page of fifty they cost more than
the queries). The entry template (includes/event.html) reads these dicts; a rendered entry
is kept in the cache under a digest of its dict, so it is reused exactly as long as what it
shows is unchanged."""

import hashlib
from collections import defaultdict
from pathlib import Path

from django.db.models import Q

from events.dates import DatePrecision, DateQualifier, FuzzyDate
from events.event_types import EventType, coding_for
from events.models import (
    Agreement,
    AgreementStatus,
    Citation,
    Event,
    EventCountry,
    EventRelation,
    Participant,
    Statement,
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
    """The entries of `queryset`'s events (filtered, ordered, sliced), in order."""
    rows = list(queryset.values(*EVENT_VALUES))
    ids = [row["pk"] for row in rows]
    if not ids:
        return []
    related = {
        "participants": _participants(ids),
        "countries": _grouped(
            EventCountry.objects.filter(event_id__in=ids)
            .order_by("country__name")
            .values_list("event_id", "country__iso_alpha2", "country__name"),
            lambda code, name: {"code": code, "name": name},
        ),
        "topics": _grouped(
            Event.topics.through.objects.filter(event_id__in=ids)
            .order_by("topic__name")
            .values_list("event_id", "topic__slug", "topic__name"),
            lambda slug, name: {"slug": slug, "name": name},
        ),
        "agreements": _grouped(
            Agreement.objects.filter(event_id__in=ids)
            .order_by("title", "pk")
            .values_list("event_id", "public_id", "title", "kind", "status", "disclosed"),
            lambda public_id, title, kind, status, disclosed: {
                "public_id": public_id,
                "title": title,
                "kind_label": KIND_LABELS.get(kind, kind),
                "status": status,
                "status_label": AGREEMENT_STATUS_LABELS.get(status, status),
                "disclosed": disclosed,
            },
        ),
        "statements": _grouped(
            Statement.objects.filter(event_id__in=ids)
            .order_by("pk")
            .values_list(
                "event_id",
                "text",
                "official__name",
                "official__slug",
                "organization__name",
                "source__headline",
                "source__url",
            ),
            lambda text, official, slug, organization, headline, url: {
                "text": text,
                "official_name": official,
                "official_slug": slug,
                "organization_name": organization,
                "source_headline": headline,
                "source_url": url,
            },
        ),
        "citations": _grouped(
            Citation.objects.filter(event_id__in=ids)
            .order_by("pk")
            .values_list(
                "event_id",
                "excerpt",
                "source__headline",
                "source__url",
                "source__publisher__name",
                "source__published_at",
            ),
            lambda excerpt, headline, url, publisher, published_at: {
                "excerpt": excerpt,
                "headline": headline,
                "url": url,
                "publisher": publisher,
                "published_at": published_at,
            },
        ),
    }
    dates = {row["pk"]: _date(row) for row in rows}
    relations = _relations(ids, dates)
    return [_entry(row, dates[row["pk"]], related, relations) for row in rows]


def _grouped(rows, build) -> dict:
    grouped = defaultdict(list)
    for event_id, *values in rows:
        grouped[event_id].append(build(*values))
    return grouped


def _date(row: dict, prefix: str = "") -> FuzzyDate:
    return FuzzyDate.trusted(
        row[f"{prefix}date_start"],
        row[f"{prefix}date_end"],
        row[f"{prefix}date_precision"],
        row[f"{prefix}date_qualifier"],
    )


def _participants(ids) -> dict:
    rows = (
        Participant.objects.filter(event_id__in=ids)
        .order_by("event_id", "pk")
        .values_list(
            "event_id",
            "role",
            "official__name",
            "official__slug",
            "organization__name",
            "country__name",
            "post__title",
        )
    )
    grouped = defaultdict(list)
    for event_id, role, official, slug, organization, country, post in rows:
        grouped[event_id].append(
            {
                "label": participant_label(
                    official or organization or country, post, official, country
                ),
                "official_slug": slug,
                "role": role,
                "role_label": ROLE_LABELS.get(role, role),
            }
        )
    return grouped


def _on_one_exact_day(date: FuzzyDate) -> bool:
    return date.precision == DatePrecision.DAY and date.qualifier == DateQualifier.EXACT


def _relations(ids, dates: dict) -> dict:
    """Each event's relations worded from its side ("follows" for a relation stored the
    other way), oldest related event first."""
    other = ("pk", "public_id", "slug", "title", "date_start", "date_end", "date_precision")
    other = (*other, "date_qualifier")
    rows = EventRelation.objects.filter(Q(from_event_id__in=ids) | Q(to_event_id__in=ids)).values(
        "kind",
        "note",
        "from_event_id",
        "to_event_id",
        *(f"from_event__{name}" for name in other),
        *(f"to_event__{name}" for name in other),
    )
    grouped = defaultdict(list)
    for row in rows:
        kind = EventRelation.Kind(row["kind"])
        for own, side, label in (
            ("from_event_id", "to_event__", kind.label),
            ("to_event_id", "from_event__", EventRelation.INVERSE_LABELS[kind]),
        ):
            event_id = row[own]
            if event_id not in dates:
                continue
            date = _date(row, side)
            mine = dates[event_id]
            grouped[event_id].append(
                {
                    "label": str(label),
                    "same_day": _on_one_exact_day(mine)
                    and _on_one_exact_day(date)
                    and date.start == mine.start,
                    "note": row["note"],
                    "ref": row[f"{side}slug"] or row[f"{side}public_id"],
                    "title": row[f"{side}title"],
                    "date_label": date.label,
                    "order": (date.start, date.end, row[f"{side}pk"]),
                }
            )
    for entries in grouped.values():
        entries.sort(key=lambda entry: entry["order"])
    return grouped


def _entry(row: dict, date: FuzzyDate, related: dict, relations: dict) -> dict:
    pk = row["pk"]
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
        **{kind: values.get(pk, []) for kind, values in related.items()},
        "related": relations.get(pk, []),
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
