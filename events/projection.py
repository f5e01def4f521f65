"""The one read projection of an event: how an event reads in the API, its exports and the
timeline, declared once (EVENT) and read in one query per page.

Each field of the declaration says what it reads (columns of the event, or a list built by
the database as JSON in the page's own query, with Django's expressions: events.expressions)
and how it is described in the API's schema (a DRF field with its help text): the schema
(events.api.schema) and the reader (EventReader) are both made from it, so they cannot
drift apart. `?fields=` picks among the fields; only what they need is read.

No model instances are built: on a page of fifty events they cost more than the query.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import orjson
from django.db.models import Expression, F, OuterRef, TextField
from rest_framework import serializers

from events.dates import DatePrecision, DateQualifier, FuzzyDate
from events.event_types import EventType, coding_for
from events.expressions import (
    Array,
    ISOTimestamp,
    JSONBoolean,
    JSONList,
    Object,
    UUIDText,
    object_or_null,
)
from events.models import (
    Agreement,
    Citation,
    Event,
    EventCountry,
    EventRelation,
    Participant,
    Statement,
)
from events.models.event import SORT_FIELDS

# Nested lists ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One key of the objects of a nested list: its schema and the expression it reads."""

    schema: serializers.Field
    expression: object


@dataclass(frozen=True)
class Nested:
    """A list inside an event, built by the database: the rows of `rows(event)` (a
    queryset correlated to the outer event), one object per row with `items`, ordered."""

    name: str  # the schema component's name
    rows: Callable
    items: dict[str, Item]
    ordering: tuple[str, ...] = ("pk",)
    help_text: str = ""  # what the list holds, for the schema

    def expression(self) -> JSONList:
        item = Object(**{key: i.expression for key, i in self.items.items()})
        return JSONList(self.rows(OuterRef("pk")), item, self.ordering)

    def serializer(self) -> serializers.Serializer:
        fields = {key: i.schema for key, i in self.items.items()}
        return type(self.name, (serializers.Serializer,), fields)(
            many=True, help_text=self.help_text
        )


def ref(path: str, schema_name: str, help_text: str) -> Item:
    """A linked official or organization as {"id", "name", "slug"}, or null."""
    schema = type(
        schema_name,
        (serializers.Serializer,),
        {
            "id": serializers.UUIDField(help_text="The record's public id."),
            "name": serializers.CharField(),
            "slug": serializers.CharField(),
        },
    )(allow_null=True, help_text=help_text)
    value = Object(
        id=UUIDText(f"{path}__public_id"), name=F(f"{path}__name"), slug=F(f"{path}__slug")
    )
    return Item(schema, object_or_null(path, value))


def text(help_text: str = "", **options) -> serializers.CharField:
    return serializers.CharField(help_text=help_text, **options)


PARTICIPANTS = Nested(
    "Participant",
    lambda event: Participant.objects.filter(event=event),
    {
        "id": Item(
            serializers.UUIDField(help_text="The participation's public id."),
            UUIDText("public_id"),
        ),
        "official": ref("official", "OfficialRef", "The person taking part, if one."),
        "organization": ref(
            "organization", "OrganizationRef", "The body taking part, or that they act for."
        ),
        "country": Item(
            text("ISO alpha-2 code of the country represented.", allow_null=True),
            F("country__iso_alpha2"),
        ),
        "role": Item(
            serializers.ChoiceField(
                choices=Participant.Role.choices, help_text="Part played in the event."
            ),
            F("role"),
        ),
        "post": Item(
            type(
                "PostRef",
                (serializers.Serializer,),
                {"id": serializers.UUIDField(), "title": serializers.CharField()},
            )(allow_null=True, help_text="The post the official held on the event's date."),
            object_or_null("post", Object(id=UUIDText("post__public_id"), title=F("post__title"))),
        ),
        "note": Item(text("The editor's note on this participation."), F("note")),
    },
    help_text="Who took part: officials with the post held that day, bodies, countries.",
)
AGREEMENTS = Nested(
    "EventAgreement",
    lambda event: Agreement.objects.filter(event=event),
    {
        "id": Item(serializers.UUIDField(help_text="The agreement's id."), UUIDText("public_id")),
        "title": Item(text("The agreement's name."), F("title")),
        "kind": Item(
            serializers.ChoiceField(
                choices=Agreement.Kind.choices, help_text="Treaty, memorandum, deal, ..."
            ),
            F("kind"),
        ),
        "status": Item(
            text("Latest step of its lifecycle; empty when none is recorded.", allow_blank=True),
            F("status"),
        ),
        "disclosed": Item(
            serializers.BooleanField(help_text="Whether its text or details were disclosed."),
            JSONBoolean("disclosed"),
        ),
    },
    ordering=("title", "pk"),
    help_text="Agreements signed or announced at this event.",
)
SOURCES = Nested(
    "EventSource",
    lambda event: Citation.objects.filter(event=event),
    {
        "id": Item(
            serializers.UUIDField(help_text="The source's id."), UUIDText("source__public_id")
        ),
        "url": Item(
            text("The article's address (empty for print).", allow_blank=True), F("source__url")
        ),
        "headline": Item(text("The article's headline."), F("source__headline")),
        "publisher": Item(text("The outlet.", allow_null=True), F("source__publisher__name")),
        "published_at": Item(
            serializers.DateTimeField(allow_null=True, help_text="When it was published (UTC)."),
            ISOTimestamp("source__published_at"),
        ),
        "excerpt": Item(
            text("The passage that reports the event.", allow_blank=True), F("excerpt")
        ),
    },
    help_text="The sources that report it, each with the passage.",
)
STATEMENTS = Nested(
    "EventStatement",
    lambda event: Statement.objects.filter(event=event),
    {
        "id": Item(serializers.UUIDField(help_text="The statement's id."), UUIDText("public_id")),
        "official": ref("official", "SpeakerRef", "Who said it, if a person."),
        "organization": ref("organization", "SpeakingBodyRef", "The body that said it."),
        "text": Item(text("The quote."), F("text")),
        "source": Item(
            serializers.UUIDField(help_text="The source's id."), UUIDText("source__public_id")
        ),
        "source_headline": Item(text("The source's headline."), F("source__headline")),
        "source_url": Item(text("The source's address.", allow_blank=True), F("source__url")),
    },
    help_text="What was said about it, quoted from the sources.",
)


def _related(direction: str):
    """An event's relations stated from it ("from") or of it ("to"), each as an array:
    kind, note, then the other event's id, slug, title and date columns."""
    own, other = ("from_event", "to_event")[:: 1 if direction == "from" else -1]
    item = Array(
        F("kind"),
        F("note"),
        UUIDText(f"{other}__public_id"),
        F(f"{other}__slug"),
        F(f"{other}__title"),
        F(f"{other}__date_start"),
        F(f"{other}__date_end"),
        F(f"{other}__date_precision"),
        F(f"{other}__date_qualifier"),
    )
    return JSONList(EventRelation.objects.filter(**{own: OuterRef("pk")}), item)


RELATED_EVENT = type(
    "RelatedEvent",
    (serializers.Serializer,),
    {
        "id": serializers.UUIDField(help_text="The other event's id."),
        "title": serializers.CharField(help_text="The other event's title."),
        "date_label": serializers.CharField(help_text="Its date as people read it."),
        "relation": serializers.CharField(help_text="precedes, follows, is part of, includes, ..."),
        "note": serializers.CharField(allow_blank=True, help_text="The editor's note."),
        "slug": serializers.CharField(help_text="The other event's permalink part."),
        "date_start": serializers.DateField(help_text="First day it can fall on."),
        "date_end": serializers.DateField(help_text="Last day it can fall on (inclusive)."),
        "date_precision": serializers.ChoiceField(
            choices=[p.slug for p in DatePrecision], help_text="How precisely it is dated."
        ),
        "date_qualifier": serializers.ChoiceField(
            choices=DateQualifier.choices, help_text="As stated, approximate or uncertain."
        ),
    },
)


def _day(text_: str):
    from datetime import date

    return date.fromisoformat(text_)


def related_events(row: dict) -> list[dict]:
    """The relations read into `row`, seen from its event: those it states first, then those
    stated of it, worded from its side ("follows" for a "precedes" stated of it)."""
    found = []
    for direction in ("from", "to"):
        for kind, note, public_id, slug, title, start, end, precision, qualifier in _list(
            row[f"_relations_{direction}"]
        ):
            kind = EventRelation.Kind(kind)
            label = kind.label if direction == "from" else EventRelation.INVERSE_LABELS[kind]
            date = FuzzyDate.trusted(_day(start), _day(end), precision, qualifier)
            found.append(
                {
                    "id": public_id,
                    "title": title,
                    "date_label": date.label,
                    "relation": str(label),
                    "note": note,
                    "slug": slug,
                    "date_start": start,
                    "date_end": end,
                    "date_precision": DatePrecision(precision).slug,
                    "date_qualifier": qualifier,
                }
            )
    return found


def _list(text_: str | None) -> list:
    """A JSONList value as a list (no rows may read NULL)."""
    return orjson.loads(text_) if text_ else []


def iso_timestamp(value: str | None) -> str | None:
    """A UTC timestamp the database (or isoformat) wrote in ISO form, as the API writes
    every time: six digits of fraction when it has one (PostgreSQL trims trailing zeros;
    Python's isoformat does not), and Z for UTC ("2024-10-27T04:15:00Z")."""
    if value is None:
        return value
    if value.endswith("+00:00"):
        value = value[: -len("+00:00")] + "Z"
    if "." not in value:
        return value
    head, _, rest = value.partition(".")
    length = len(rest) - len(rest.lstrip("0123456789"))
    return f"{head}.{rest[:length].ljust(6, '0')}{rest[length:]}"


def _sources(row: dict) -> list[dict]:
    sources = _list(row["_sources"])
    for source in sources:
        source["published_at"] = iso_timestamp(source["published_at"])
    return sources


# Top-level fields ------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """A field of an event: its schema, the columns and annotations it reads, and how its
    value is made from the row (with the reader, for links)."""

    schema: serializers.Field
    build: Callable  # (reader, row) -> value
    columns: tuple[str, ...] = ()
    annotations: dict = field(default_factory=dict)


def _column(name, schema) -> Field:
    return Field(schema, lambda reader, row: row[name], columns=(name,))


DATE_COLUMNS = ("date_start", "date_end", "date_precision", "date_qualifier")


def _date(name) -> Callable:
    def build(reader, row):
        return reader.date_parts(row)[name]

    return build


CODINGS = {
    (event_type, status): {
        "plover_event": coding.plover_event,
        "plover_mode": coding.plover_mode,
        "cameo_root": coding.cameo_root,
    }
    for event_type in EventType.values
    for status in Event.Status.values
    for coding in [
        coding_for(
            event_type,
            planned=status == Event.Status.PLANNED,
            cancelled=status == Event.Status.CANCELLED,
        )
    ]
}
CODING = type(
    "Coding",
    (serializers.Serializer,),
    {
        "plover_event": serializers.CharField(
            allow_null=True, help_text="PLOVER event, e.g. CONSULT."
        ),
        "plover_mode": serializers.CharField(allow_null=True, help_text="PLOVER mode, e.g. visit."),
        "cameo_root": serializers.CharField(allow_null=True, help_text="CAMEO root code, e.g. 04."),
    },
)
LOCATION = type(
    "Location",
    (serializers.Serializer,),
    {
        "name": serializers.CharField(allow_blank=True, help_text="Place as the source names it."),
        "country": serializers.CharField(allow_null=True, help_text="ISO alpha-2."),
        "latitude": serializers.FloatField(allow_null=True, min_value=-90, max_value=90),
        "longitude": serializers.FloatField(allow_null=True, min_value=-180, max_value=180),
    },
)


def _location(reader, row):
    latitude, longitude = row["latitude"], row["longitude"]
    return {
        "name": row["location"],
        "country": row["location_country__iso_alpha2"],
        "latitude": float(latitude) if latitude is not None else None,
        "longitude": float(longitude) if longitude is not None else None,
    }


def _codes(name):
    return lambda reader, row: _list(row[name])


EVENT: dict[str, Field] = {
    "id": Field(
        serializers.UUIDField(help_text="Stable public id; never changes."),
        lambda reader, row: row["_id"],
    ),
    "url": Field(
        serializers.URLField(help_text="This event in the API."),
        lambda reader, row: reader.link("url", row["_id"]),
    ),
    "slug": _column("slug", text("Readable permalink part.")),
    "title": _column("title", text("What happened, in a line: who met whom, about what.")),
    "type": _column(
        "type",
        serializers.ChoiceField(
            choices=EventType.choices, help_text="What kind of event (see `coding` for PLOVER)."
        ),
    ),
    "coding": Field(
        CODING(
            help_text="PLOVER and CAMEO codes of the type (planned events as AGREE, "
            "cancelled ones as REJECT)."
        ),
        lambda reader, row: CODINGS[row["type"], row["status"]],
        columns=("type", "status"),
    ),
    "status": _column(
        "status",
        serializers.ChoiceField(
            choices=Event.Status.choices,
            help_text="Whether it took place, is planned or was cancelled.",
        ),
    ),
    "date_start": Field(
        serializers.DateField(help_text="First day the event can fall on."),
        _date("date_start"),
        columns=DATE_COLUMNS,
    ),
    "date_end": Field(
        serializers.DateField(help_text="Last day the event can fall on (inclusive)."),
        _date("date_end"),
        columns=DATE_COLUMNS,
    ),
    "date_precision": Field(
        serializers.ChoiceField(
            choices=[p.slug for p in DatePrecision], help_text="How precisely the date is known."
        ),
        _date("date_precision"),
        columns=DATE_COLUMNS,
    ),
    "date_qualifier": Field(
        serializers.ChoiceField(
            choices=DateQualifier.choices, help_text="As stated, approximate or uncertain."
        ),
        _date("date_qualifier"),
        columns=DATE_COLUMNS,
    ),
    "date_label": Field(
        text('As people read it: "late Sep 2024".'), _date("date_label"), columns=DATE_COLUMNS
    ),
    "date_edtf": Field(
        text("Extended Date/Time Format (ISO 8601-2): 2024-09-21/2024-09-30, 2024-08."),
        _date("date_edtf"),
        columns=DATE_COLUMNS,
    ),
    "location": Field(
        LOCATION(help_text="Where it took place."),
        _location,
        columns=("location", "location_country__iso_alpha2", "latitude", "longitude"),
    ),
    "countries": Field(
        serializers.ListField(
            child=serializers.CharField(), help_text="Every country involved, ISO alpha-2."
        ),
        _codes("_countries"),
        annotations={
            "_countries": lambda: JSONList(
                EventCountry.objects.filter(event=OuterRef("pk")),
                F("country__iso_alpha2"),
                ordering=("country__iso_alpha2",),
                json_items=False,
            )
        },
    ),
    "participants": Field(
        PARTICIPANTS.serializer(),
        lambda reader, row: _list(row["_participants"]),
        annotations={"_participants": PARTICIPANTS.expression},
    ),
    "topics": Field(
        serializers.ListField(child=serializers.CharField(), help_text="Topic slugs."),
        _codes("_topics"),
        annotations={
            "_topics": lambda: JSONList(
                Event.topics.through.objects.filter(event=OuterRef("pk")),
                F("topic__slug"),
                ordering=("topic__slug",),
                json_items=False,
            )
        },
    ),
    "summary": _column("summary", text("The editor's summary (may be empty).", allow_blank=True)),
    "agreements": Field(
        AGREEMENTS.serializer(),
        lambda reader, row: _list(row["_agreements"]),
        annotations={"_agreements": AGREEMENTS.expression},
    ),
    "sources": Field(
        SOURCES.serializer(),
        lambda reader, row: _sources(row),
        annotations={"_sources": SOURCES.expression},
    ),
    "statements": Field(
        STATEMENTS.serializer(),
        lambda reader, row: _list(row["_statements"]),
        annotations={"_statements": STATEMENTS.expression},
    ),
    "related_events": Field(
        RELATED_EVENT(
            many=True, help_text="Events this one follows, precedes, is part of or includes."
        ),
        lambda reader, row: related_events(row),
        annotations={
            "_relations_from": lambda: _related("from"),
            "_relations_to": lambda: _related("to"),
        },
    ),
    "external_id": _column(
        "external_id", text("Identifier in the data set it was imported from.", allow_blank=True)
    ),
    "timeline_url": Field(
        serializers.URLField(help_text="This event's page on the timeline."),
        lambda reader, row: reader.link("timeline_url", row["_id"]),
    ),
    "created_at": Field(
        serializers.DateTimeField(help_text="When the event was first recorded (UTC)."),
        lambda reader, row: iso_timestamp(row["_created_at"]),
        annotations={"_created_at": lambda: ISOTimestamp("created_at")},
    ),
    "updated_at": Field(
        serializers.DateTimeField(help_text="Moves whenever anything this event shows changes."),
        lambda reader, row: iso_timestamp(row["_updated_at"]),
        annotations={"_updated_at": lambda: ISOTimestamp("updated_at")},
    ),
}
FIELDS = tuple(EVENT)


class Compiled(Expression):
    """An expression over the events table, compiled by the ORM once per database and then
    reused: the lists of a page (JSONList) are a tree of dozens of expressions, and
    compiling it again for every request cost a third of a list page's time.

    `build()` makes the expression; it is compiled as an annotation of Event.objects.all(),
    whose base table is "events_event", so an outer reference compiles to
    "events_event"."id". Use it only in querysets of events (whose base table that is)."""

    contains_aggregate = False
    contains_over_clause = False

    def __init__(self, key: str, build, output_field=None):
        super().__init__(output_field=output_field or TextField())
        self.key, self.build = key, build

    def __repr__(self):
        return f"Compiled({self.key!r})"

    def resolve_expression(self, *args, **kwargs):
        return self  # nothing to resolve: it names no field of the outer query

    def get_group_by_cols(self):
        return []

    def as_sql(self, compiler, connection):
        return _compiled(self.key, self.build, connection.alias)


_COMPILED: dict = {}


def _compiled(key: str, build, alias: str):
    found = _COMPILED.get((alias, key))
    if found is None:
        query = Event.objects.using(alias).annotate(**{key: build()}).values(key).query
        compiler = query.get_compiler(alias)
        compiler.setup_query()
        sql, params = compiler.compile(query.annotations[key])
        found = _COMPILED[(alias, key)] = (sql, tuple(params))
    return found


@lru_cache(maxsize=64)
def _selection(fields: tuple[str, ...]) -> tuple[tuple, dict]:
    """The columns and annotations `fields` read, built once per set of fields (the ORM
    copies expressions as it resolves them, so they are shared safely)."""
    columns = dict.fromkeys(("pk", *SORT_FIELDS))
    annotations = {"_id": UUIDText("public_id")}
    for name in fields:
        declared = EVENT[name]
        columns.update(dict.fromkeys(declared.columns))
        annotations.update({key: Compiled(key, make) for key, make in declared.annotations.items()})
    return tuple(columns), annotations


class UnknownFields(ValueError):
    """`fields` names fields an event does not have."""


def parse_fields(text_: str | None) -> set[str]:
    """The `fields` parameter: comma-separated names; all of them when absent."""
    if not text_:
        return set(FIELDS)
    names = {name.strip() for name in text_.split(",") if name.strip()}
    unknown = sorted(names - set(FIELDS))
    if unknown:
        raise UnknownFields(
            f"Unknown field: {', '.join(unknown)}. Choose from {', '.join(FIELDS)}."
        )
    return names | {"id"}


class EventReader:
    """Reads events into their representation, only the `fields` asked for. `links` are
    URL templates for the fields that link ("url", "timeline_url"), "{id}" standing for
    the public id: the caller (the API, the timeline) knows its addresses."""

    def __init__(self, fields: set[str] | None = None, links: dict[str, str] | None = None):
        wanted = set(fields or FIELDS)
        self.fields = [name for name in FIELDS if name in wanted]
        self.links = links or {}
        self.keys: list[tuple] = []
        self._dates: dict = {}

    def link(self, name: str, public_id: str) -> str | None:
        template = self.links.get(name)
        return template.replace("{id}", public_id) if template else None

    def date_parts(self, row: dict) -> dict:
        """The date fields of the row's event (computed once per row)."""
        if self._dates.get("row") is not row:
            date = FuzzyDate.trusted(
                row["date_start"], row["date_end"], row["date_precision"], row["date_qualifier"]
            )
            self._dates = {
                "row": row,
                "date_start": row["date_start"].isoformat(),
                "date_end": row["date_end"].isoformat(),
                "date_precision": date.precision.slug,
                "date_qualifier": row["date_qualifier"],
                "date_label": date.label,
                "date_edtf": date.edtf,
            }
        return self._dates

    def queryset(self, queryset):
        """`queryset` (filtered, ordered, sliced) as the value rows read() turns into events."""
        columns, annotations = _selection(tuple(self.fields))
        return queryset.values(*columns, **annotations)

    def read(self, queryset) -> list[dict]:
        """The events of `queryset`, represented, in order; `keys` gets each one's sort
        key (for the next page's cursor)."""
        rows = list(self.queryset(queryset))
        self.keys = [(*(row[name] for name in SORT_FIELDS), row["pk"]) for row in rows]
        builders = [(name, EVENT[name].build) for name in self.fields]
        return [{name: build(self, row) for name, build in builders} for row in rows]


# Participants as rows ---------------------------------------------------------------------

# One row per participant, flat (no nesting): the shape loaded into a data frame or a
# network tool, the same in JSON and CSV. (column, schema, expression read).
PARTICIPANT_ROW = (
    (
        "id",
        serializers.UUIDField(help_text="The participation's public id."),
        UUIDText("public_id"),
    ),
    (
        "event_id",
        serializers.UUIDField(help_text="The event's public id."),
        UUIDText("event__public_id"),
    ),
    ("event_title", text("The event's title."), F("event__title")),
    (
        "event_type",
        serializers.ChoiceField(choices=EventType.choices, help_text="The event's type."),
        F("event__type"),
    ),
    ("date_start", serializers.DateField(help_text="The event's first possible day."), None),
    ("date_end", serializers.DateField(help_text="The event's last possible day."), None),
    (
        "date_precision",
        serializers.ChoiceField(
            choices=[p.slug for p in DatePrecision], help_text="How precisely it is dated."
        ),
        None,
    ),
    ("date_label", text("The event's date as shown: 26 Oct 2024, late Sep 2024."), None),
    ("date_edtf", text("The event's date in EDTF: 2024-10-26, 2024-08, 2023."), None),
    (
        "official_id",
        serializers.UUIDField(allow_null=True, help_text="The person taking part, if one."),
        UUIDText("official__public_id"),
    ),
    (
        "official_name",
        text("The person's name, if a person.", allow_null=True),
        F("official__name"),
    ),
    ("official_slug", text("The person's slug.", allow_null=True), F("official__slug")),
    (
        "post_id",
        serializers.UUIDField(allow_null=True, help_text="The post held on the event's date."),
        UUIDText("post__public_id"),
    ),
    ("post_title", text("Prime Minister of India.", allow_null=True), F("post__title")),
    (
        "country",
        text("ISO alpha-2 of the country represented.", allow_null=True),
        F("country__iso_alpha2"),
    ),
    (
        "organization_id",
        serializers.UUIDField(
            allow_null=True, help_text="The body taking part, or that they act for."
        ),
        UUIDText("organization__public_id"),
    ),
    (
        "organization_name",
        text("The body taking part, or that they act for.", allow_null=True),
        F("organization__name"),
    ),
    (
        "role",
        serializers.ChoiceField(
            choices=Participant.Role.choices, help_text="Part played in the event."
        ),
        F("role"),
    ),
)
PARTICIPANT_COLUMNS = [name for name, _, _ in PARTICIPANT_ROW]
ParticipantRowSerializer = type(
    "ParticipantRow",
    (serializers.Serializer,),
    {name: schema for name, schema, _ in PARTICIPANT_ROW},
)


class ParticipantReader:
    """Reads participants (a ParticipantQuerySet) into rows of PARTICIPANT_ROW, their
    event's date told as the event's is (EventReader.date_parts); `keys` gets each row's
    sort key (for the next page's cursor)."""

    key_length = len(SORT_FIELDS) + 2

    def __init__(self):
        self.keys: list[tuple] = []
        self._events = EventReader(fields=set())

    def read(self, queryset) -> list[dict]:
        # Read under aliases: several columns share a name with a model field (id, role).
        read = {f"c_{name}": expr for name, _, expr in PARTICIPANT_ROW if expr is not None}
        dates = {f"d_{name}": F(f"event__{name}") for name in (*DATE_COLUMNS, *SORT_FIELDS)}
        rows = list(queryset.values("pk", "event_id", **read, **dates))
        self.keys = [
            (*(row[f"d_{name}"] for name in SORT_FIELDS), row["event_id"], row["pk"])
            for row in rows
        ]
        found = []
        for row in rows:
            event_date = self._events.date_parts({name: row[f"d_{name}"] for name in DATE_COLUMNS})
            found.append(
                {
                    name: row[f"c_{name}"] if f"c_{name}" in row else event_date[name]
                    for name in PARTICIPANT_COLUMNS
                }
            )
        return found
