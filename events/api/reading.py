"""How events read through the API, built from plain value rows.

A page of events is one query, whatever the page size: the events, with their countries,
topics, participants, agreements, sources, statements and related events built in the same
query (the lists as JSON by the database: events.api.nested, events.json_sql). No model
instances: building them costs more than the query on a page of fifty. `?fields=` limits
the work to what a dashboard shows. EventSerializer (events.api.events) declares this
shape for the schema; a test holds the two to the same keys.
"""

from urllib.parse import urljoin

from django.urls import reverse
from rest_framework.exceptions import ValidationError

from events import json_sql
from events.api.nested import CODES, NESTED
from events.dates import FuzzyDate
from events.event_types import EventType, coding_for
from events.json_sql import JsonSQL, related_events
from events.models.event import SORT_FIELDS

# Every field an event reads with, in order; `?fields=` picks among them.
FIELDS = (
    "id",
    "url",
    "slug",
    "title",
    "type",
    "coding",
    "status",
    "date_start",
    "date_end",
    "date_precision",
    "date_qualifier",
    "date_label",
    "date_edtf",
    "location",
    "countries",
    "participants",
    "topics",
    "summary",
    "agreements",
    "sources",
    "statements",
    "related_events",
    "external_id",
    "timeline_url",
    "created_at",
    "updated_at",
)
DATE_FIELDS = {
    "date_start",
    "date_end",
    "date_precision",
    "date_qualifier",
    "date_label",
    "date_edtf",
}
DATE_COLUMNS = ("date_start", "date_end", "date_precision", "date_qualifier")
# The event columns each field reads; the key and the sort key are always read.
EVENT_VALUES = {
    "slug": ("slug",),
    "title": ("title",),
    "type": ("type",),
    "status": ("status",),
    "summary": ("summary",),
    "external_id": ("external_id",),
    "coding": ("type", "status"),
    "location": ("location", "location_country__iso_alpha2", "latitude", "longitude"),
    "created_at": ("created_at",),
    "updated_at": ("updated_at",),
    **dict.fromkeys(DATE_FIELDS, DATE_COLUMNS),
}
PLACEHOLDER = "00000000-0000-0000-0000-000000000000"


def parse_fields(text: str | None) -> set[str]:
    """The `fields` parameter: comma-separated names; all of them when absent."""
    if not text:
        return set(FIELDS)
    names = {name.strip() for name in text.split(",") if name.strip()}
    unknown = sorted(names - set(FIELDS))
    if unknown:
        raise ValidationError(
            {"fields": [f"Unknown field: {', '.join(unknown)}. Choose from {', '.join(FIELDS)}."]}
        )
    return names | {"id"}


def fuzzy(row: dict, prefix: str = "") -> FuzzyDate:
    return FuzzyDate.trusted(
        row[f"{prefix}date_start"],
        row[f"{prefix}date_end"],
        row[f"{prefix}date_precision"],
        row[f"{prefix}date_qualifier"],
    )


# Each type's codes, as the API writes them (planned events are coded apart).
CODINGS = {
    (event_type, planned): {
        "plover_event": coding.plover_event,
        "plover_mode": coding.plover_mode,
        "cameo_root": coding.cameo_root,
    }
    for event_type in EventType.values
    for planned in (False, True)
    for coding in [coding_for(event_type, planned=planned)]
}


class EventReader:
    """Reads events into the API's representation, loading only the `fields` asked for."""

    def __init__(self, request=None, fields: set[str] | None = None):
        self.fields = fields or set(FIELDS)
        self.keys: list[tuple] = []
        base = request.build_absolute_uri("/") if request is not None else "/"
        # Built once: a page of URLs then costs string formatting, not URL resolution.
        self.detail_url = urljoin(base, reverse("api:event-detail", args=[PLACEHOLDER]))
        self.timeline_url = urljoin(base, "timeline/events/")

    def wants(self, *names) -> bool:
        return any(name in self.fields for name in names)

    def read(self, queryset) -> list[dict]:
        """The events of `queryset` (filtered, ordered, sliced), represented, in order."""
        annotations = {}
        sql = JsonSQL(queryset.db)
        for name, build in (CODES | NESTED).items():
            if self.wants(name):
                annotations[f"{name}_json"] = build(sql)
        if self.wants("related_events"):
            other = (sql.uuid("o.public_id"), "o.title")
            for direction in ("from", "to"):
                annotations[f"relations_{direction}_json"] = related_events(sql, direction, *other)
        # Only the columns the fields need: on SQLite each timestamp read is parsed in
        # Python, and the place's country costs a join.
        columns = {"pk": None, "public_id": None, **dict.fromkeys(SORT_FIELDS)}
        for name in self.fields:
            columns.update(dict.fromkeys(EVENT_VALUES.get(name, ())))
        rows = list(queryset.values(*columns, **annotations))
        # Each event's sort key, for the next page's cursor and for reordering.
        self.keys = [(*(row[name] for name in SORT_FIELDS), row["pk"]) for row in rows]
        return [self.event(row) for row in rows]

    def event(self, row: dict) -> dict:
        """One event's representation, with only the fields asked for."""
        wanted = self.fields
        public_id = str(row["public_id"])
        data = {"id": public_id}
        if "url" in wanted:
            data["url"] = self.detail_url.replace(PLACEHOLDER, public_id)
        for name in ("slug", "title", "type", "status", "summary", "external_id"):
            if name in wanted:
                data[name] = row[name]
        if "coding" in wanted:
            data["coding"] = CODINGS[row["type"], row["status"] == "planned"]
        if wanted & DATE_FIELDS:
            date = fuzzy(row)
            data.update(
                date_start=row["date_start"].isoformat(),
                date_end=row["date_end"].isoformat(),
                date_precision=date.precision.slug,
                date_qualifier=row["date_qualifier"],
                date_label=date.label,
                date_edtf=date.edtf,
            )
        if "location" in wanted:
            latitude, longitude = row["latitude"], row["longitude"]
            data["location"] = {
                "name": row["location"],
                "country": row["location_country__iso_alpha2"],
                "latitude": float(latitude) if latitude is not None else None,
                "longitude": float(longitude) if longitude is not None else None,
            }
        if "timeline_url" in wanted:
            data["timeline_url"] = f"{self.timeline_url}{public_id}/"
        for name in ("created_at", "updated_at"):
            if name in wanted:
                data[name] = row[name].isoformat()
        for name in CODES:
            if f"{name}_json" in row:
                data[name] = sorted(code for (code,) in json_sql.loads(row[f"{name}_json"]))
        for name in NESTED:
            if f"{name}_json" in row:
                data[name] = json_sql.loads(row[f"{name}_json"])
        for source in data.get("sources", ()):
            published = json_sql.timestamp(source["published_at"])
            source["published_at"] = published.isoformat() if published else None
        if "relations_from_json" in row:
            data["related_events"] = [
                {
                    "id": public_id,
                    "title": title,
                    "date_label": date.label,
                    "relation": label,
                    "note": note,
                }
                for label, note, (public_id, title), date in json_sql.relations_of(row)
            ]
        return {name: data[name] for name in FIELDS if name in data and name in wanted}
