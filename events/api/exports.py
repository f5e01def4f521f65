"""Event exports: what a filtered event list looks like as CSV (spreadsheets), ICS
(calendars), TimelineJS JSON, GeoJSON (maps) and PLOVER JSON Lines (event data:
events.api.plover).

Each writer takes the event dicts of `events.projection.EventReader` and yields text, so
exports stream at any size and say exactly what the API says. Dates carry their EDTF form
and precision; nothing is shown more precisely than it is known.
"""

import csv
import html
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, timedelta

from rest_framework.renderers import BaseRenderer

from events.api.plover import PLOVER_KEYS, plover_export
from events.api.renderers import FastJSONRenderer
from events.projection import PARTICIPANT_COLUMNS

# Renderers only name the formats for content negotiation and the schema: the list view
# streams the export itself.


class ExportRenderer(BaseRenderer):
    charset = "utf-8"
    # The body's schema in the OpenAPI document (events.api.schema): text unless told.
    response_schema: dict = {"type": "string"}

    def render(self, data, accepted_media_type=None, renderer_context=None):
        # Errors (400s) come here as dicts: show them as JSON, whatever was asked for.
        return json.dumps(data).encode()


class CSVRenderer(ExportRenderer):
    media_type, format = "text/csv", "csv"


class ICSRenderer(ExportRenderer):
    media_type, format = "text/calendar", "ics"


class TimelineJSRenderer(ExportRenderer):
    media_type, format = "application/json", "timelinejs"
    response_schema = {
        "type": "object",
        "title": "TimelineJS",
        "description": "With format=timelinejs: a TimelineJS 3 document.",
        "properties": {"title": {"type": "object"}, "events": {"type": "array"}},
        "required": ["events"],
    }


class GeoJSONRenderer(ExportRenderer):
    media_type, format = "application/geo+json", "geojson"
    response_schema = {
        "type": "object",
        "description": "A GeoJSON FeatureCollection of the events with coordinates.",
        "properties": {
            "type": {"type": "string", "enum": ["FeatureCollection"]},
            "features": {"type": "array", "items": {"type": "object"}},
        },
        "required": ["type", "features"],
    }


class PloverRenderer(ExportRenderer):
    media_type, format = "application/x-ndjson", "plover"


EXPORT_RENDERERS = [CSVRenderer, ICSRenderer, TimelineJSRenderer, GeoJSONRenderer, PloverRenderer]


class JSONErrorsMixin:
    """An error answering an export (a 400 naming a filter, a 404, a 429) is JSON with a
    JSON content type: a client that asked for text/csv must not parse it as CSV."""

    def finalize_response(self, request, response, *args, **kwargs):
        asked = getattr(request, "accepted_renderer", None)
        if getattr(response, "exception", False) and isinstance(asked, ExportRenderer):
            request.accepted_renderer = FastJSONRenderer()
            request.accepted_media_type = FastJSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)


# CSV --------------------------------------------------------------------------------------

CSV_COLUMNS = [
    "id",
    "title",
    "type",
    "plover_event",
    "plover_mode",
    "cameo_root",
    "status",
    "date_start",
    "date_end",
    "date_precision",
    "date_qualifier",
    "date_label",
    "date_edtf",
    "location",
    "location_country",
    "latitude",
    "longitude",
    "countries",
    "participants",
    "topics",
    "summary",
    "agreements",
    "source_urls",
    "timeline_url",
    "updated_at",
]


def spreadsheet_safe(value):
    """Keep a spreadsheet from running a cell as a formula (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def participant_label(p: dict) -> str:
    who = (p["official"] or p["organization"] or {}).get("name") or p["country"] or ""
    post = f", {p['post']['title']}" if p["post"] else ""
    country = f" [{p['country']}]" if p["country"] and p["official"] else ""
    return f"{who}{post}{country} ({p['role']})"


def csv_row(event: dict, columns: Sequence[str] = CSV_COLUMNS) -> list:
    location = event["location"]
    row = {
        **{k: event[k] for k in CSV_COLUMNS if k in event},
        **event["coding"],
        "location": location["name"],
        "location_country": location["country"] or "",
        "latitude": "" if location["latitude"] is None else location["latitude"],
        "longitude": "" if location["longitude"] is None else location["longitude"],
        "countries": ";".join(event["countries"]),
        "participants": "; ".join(participant_label(p) for p in event["participants"]),
        "topics": ";".join(event["topics"]),
        "agreements": "; ".join(f"{a['title']} ({a['status']})" for a in event["agreements"]),
        "source_urls": " ".join(s["url"] for s in event["sources"] if s["url"]),
    }
    return [spreadsheet_safe("" if row[k] is None else row[k]) for k in columns]


def csv_lines(header: list[str], rows: Iterable[list]) -> Iterator[str]:
    """The header, then each row, as CSV text a row at a time (to stream)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def csv_export(events: Iterable[dict], columns: Sequence[str] | None = None) -> Iterator[str]:
    """One row an event; lists joined with ";". `columns`: those of CSV_COLUMNS only."""
    columns = columns or CSV_COLUMNS
    return csv_lines(columns, (csv_row(event, columns) for event in events))


def participants_csv_export(
    rows: Iterable[dict], columns: Sequence[str] | None = None
) -> Iterator[str]:
    """One row a participant (events.projection.PARTICIPANT_ROW): empty cells for what a
    participant does not have (an official, a post)."""
    columns = columns or PARTICIPANT_COLUMNS
    return csv_lines(
        columns,
        (
            [spreadsheet_safe("" if row[k] is None else str(row[k])) for k in columns]
            for row in rows
        ),
    )


# ICS (RFC 5545) ---------------------------------------------------------------------------


def ics_escape(text: str) -> str:
    # Browsers submit CRLF; a bare CR inside a value is not allowed by RFC 5545.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def ics_fold(line: str) -> str:
    """Fold a content line at 75 octets, as RFC 5545 requires, without splitting a UTF-8
    character."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line + "\r\n"
    parts, current, limit = [], b"", 75
    for char in line:
        piece = char.encode()
        if len(current) + len(piece) > limit:
            parts.append(current.decode())
            current, limit = b"", 74  # continuation lines start with a space
        current += piece
    parts.append(current.decode())
    return "\r\n ".join(parts) + "\r\n"


def ics_event(event: dict, stamp: str) -> str:
    start = date.fromisoformat(event["date_start"])
    end = date.fromisoformat(event["date_end"]) + timedelta(days=1)  # DTEND is exclusive
    description = [
        f"Date: {event['date_label']} (precision: {event['date_precision'].replace('_', ' ')}, "
        f"EDTF {event['date_edtf']})",
    ]
    if event["participants"]:
        description.append(
            "Participants: " + "; ".join(participant_label(p) for p in event["participants"])
        )
    if event["summary"]:
        description.append(event["summary"])
    for source in event["sources"]:
        description.append(f"Source: {source['headline']} {source['url']}".strip())
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event['id']}@diplomatic-timeline",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{end:%Y%m%d}",
        f"SUMMARY:{ics_escape(event['title'])}",
        f"DESCRIPTION:{ics_escape(chr(10).join(description))}",
        f"CATEGORIES:{ics_escape(event['type'])}",
        f"URL:{event['timeline_url']}",
    ]
    location = event["location"]
    if location["name"]:
        lines.append(f"LOCATION:{ics_escape(location['name'])}")
    if location["latitude"] is not None:
        lines.append(f"GEO:{location['latitude']};{location['longitude']}")
    if event["status"] == "cancelled":
        lines.append("STATUS:CANCELLED")
    elif event["status"] == "planned":
        lines.append("STATUS:TENTATIVE")
    lines.append("END:VEVENT")
    return "".join(ics_fold(line) for line in lines)


def ics_export(events: Iterable[dict]) -> Iterator[str]:
    """All-day events spanning each fuzzy range; the precision is in the description."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    yield "".join(
        ics_fold(line)
        for line in [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Diplomatic Timeline//Events//EN",
            "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:Diplomatic Timeline",
        ]
    )
    for event in events:
        yield ics_event(event, stamp)
    yield ics_fold("END:VCALENDAR")


# TimelineJS -------------------------------------------------------------------------------


def timelinejs_date(day: str, precision: str) -> dict:
    """Only the parts the precision knows: a month-precise date has no day."""
    value = date.fromisoformat(day)
    parts = {"year": value.year}
    if precision in ("day", "day_range", "part_of_month", "month"):
        parts["month"] = value.month
    if precision in ("day", "day_range"):
        parts["day"] = value.day
    return parts


def timelinejs_event(event: dict) -> dict:
    precision = event["date_precision"]
    slide = {
        "unique_id": event["id"],
        "start_date": timelinejs_date(event["date_start"], precision),
        "display_date": event["date_label"],
        # TimelineJS renders these as HTML: editors' text is escaped.
        "text": {"headline": html.escape(event["title"]), "text": html.escape(event["summary"])},
        "group": event["type"],
    }
    if precision != "day":
        slide["end_date"] = timelinejs_date(event["date_end"], precision)
    return slide


def timelinejs_export(events: Iterable[dict]) -> Iterator[str]:
    """A TimelineJS 3 JSON document, streamed one slide at a time."""
    yield '{"title": {"text": {"headline": "Diplomatic Timeline"}}, "events": ['
    for index, event in enumerate(events):
        yield ("," if index else "") + json.dumps(timelinejs_event(event))
    yield "]}"


# GeoJSON ----------------------------------------------------------------------------------

GEO_PROPERTIES = [
    "id",
    "title",
    "type",
    "date_start",
    "date_end",
    "date_precision",
    "date_label",
    "date_edtf",
    "countries",
    "timeline_url",
]


def geojson_export(
    events: Iterable[dict], properties: Sequence[str] | None = None
) -> Iterator[str]:
    """A FeatureCollection of the events that have coordinates; `properties`: only those
    of GEOJSON_PROPERTIES."""
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for event in events:
        location = event["location"]
        if location["latitude"] is None:
            continue
        feature = {
            "type": "Feature",
            "id": event["id"],
            "geometry": {
                "type": "Point",
                "coordinates": [location["longitude"], location["latitude"]],
            },
            "properties": {
                **{k: event[k] for k in GEO_PROPERTIES},
                "location": location["name"],
            },
        }
        if properties is not None:
            kept = feature["properties"]
            feature["properties"] = {k: kept[k] for k in properties}
        yield ("" if first else ",") + json.dumps(feature)
        first = False
    yield "]}"


# What `fields=` chooses from in each export; those absent have a fixed shape.
EXPORT_FIELDS = {
    "csv": CSV_COLUMNS,
    "geojson": [*GEO_PROPERTIES, "location"],
    "plover": PLOVER_KEYS,
}

EXPORTS = {
    "csv": (csv_export, "text/csv; charset=utf-8", "events.csv"),
    "ics": (ics_export, "text/calendar; charset=utf-8", "events.ics"),
    "timelinejs": (timelinejs_export, "application/json", "events-timelinejs.json"),
    "geojson": (geojson_export, "application/geo+json", "events.geojson"),
    "plover": (plover_export, "application/x-ndjson", "events-plover.jsonl"),
}
