"""Events through the API: the shape an event reads with (declared for the schema; built
by events.api.reading), and what a write accepts.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events.dates import DatePrecision, DateQualifier, FuzzyDate, FuzzyDateError, parse_fuzzy_date
from events.event_types import EventType
from events.models import (
    Country,
    Event,
    Official,
    Organization,
    Participant,
    Post,
    Source,
    Topic,
)
from events.services import CitationSpec, EventSpec, ParticipantSpec

# Reading -----------------------------------------------------------------------------------


def ref(record, *, name="name"):
    """A linked record as {"id", "name", "slug"}; None when absent."""
    if record is None:
        return None
    return {"id": str(record.public_id), "name": getattr(record, name), "slug": record.slug}


def date_data(record) -> dict:
    """A fuzzy-dated record's date fields as the API writes them."""
    fuzzy = record.date
    return {
        "date_start": record.date_start.isoformat(),
        "date_end": record.date_end.isoformat(),
        "date_precision": DatePrecision(record.date_precision).slug,
        "date_qualifier": record.date_qualifier,
        "date_label": fuzzy.label,
        "date_edtf": fuzzy.edtf,
    }


# The declared shape (schema and writes) -------------------------------------------------------


class RefSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    slug = serializers.CharField()


class PostRefSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    title = serializers.CharField()


class CodingSerializer(serializers.Serializer):
    plover_event = serializers.CharField(allow_null=True, help_text="PLOVER event, e.g. CONSULT.")
    plover_mode = serializers.CharField(allow_null=True, help_text="PLOVER mode, e.g. visit.")
    cameo_root = serializers.CharField(allow_null=True, help_text="CAMEO root code, e.g. 04.")


class LocationSerializer(serializers.Serializer):
    name = serializers.CharField(allow_blank=True, required=False, default="")
    country = serializers.CharField(allow_null=True, required=False, default=None)
    latitude = serializers.FloatField(
        allow_null=True, required=False, default=None, min_value=-90, max_value=90
    )
    longitude = serializers.FloatField(
        allow_null=True, required=False, default=None, min_value=-180, max_value=180
    )


class ParticipantSerializer(serializers.Serializer):
    id = serializers.UUIDField(read_only=True)
    official = RefSerializer(allow_null=True)
    organization = RefSerializer(allow_null=True)
    country = serializers.CharField(allow_null=True)
    role = serializers.ChoiceField(choices=Participant.Role.choices)
    post = PostRefSerializer(allow_null=True)
    note = serializers.CharField(allow_blank=True)


class EventAgreementSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    title = serializers.CharField()
    kind = serializers.CharField()
    status = serializers.CharField(allow_blank=True)
    disclosed = serializers.BooleanField()


class EventSourceSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    url = serializers.CharField(allow_blank=True)
    headline = serializers.CharField()
    publisher = serializers.CharField(allow_null=True)
    published_at = serializers.DateTimeField(allow_null=True)
    excerpt = serializers.CharField(allow_blank=True)


class EventStatementSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    official = RefSerializer(allow_null=True)
    organization = RefSerializer(allow_null=True)
    text = serializers.CharField()
    source = serializers.UUIDField()


class RelatedEventSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    title = serializers.CharField()
    date_label = serializers.CharField()
    relation = serializers.CharField(help_text="precedes, follows, is part of, includes, ...")
    note = serializers.CharField(allow_blank=True)


PRECISIONS = [p.slug for p in DatePrecision]


class EventSerializer(serializers.Serializer):
    """An event as the API returns it."""

    id = serializers.UUIDField(help_text="Stable public id; never changes.")
    url = serializers.URLField()
    slug = serializers.CharField()
    title = serializers.CharField()
    type = serializers.ChoiceField(choices=EventType.choices)
    coding = CodingSerializer()
    status = serializers.ChoiceField(choices=Event.Status.choices)
    date_start = serializers.DateField(help_text="First day the event can fall on.")
    date_end = serializers.DateField(help_text="Last day the event can fall on (inclusive).")
    date_precision = serializers.ChoiceField(choices=PRECISIONS)
    date_qualifier = serializers.ChoiceField(choices=DateQualifier.choices)
    date_label = serializers.CharField(help_text='As people read it: "late Sep 2024".')
    date_edtf = serializers.CharField(help_text="Extended Date/Time Format (ISO 8601-2).")
    location = LocationSerializer()
    countries = serializers.ListField(child=serializers.CharField(), help_text="ISO alpha-2.")
    participants = ParticipantSerializer(many=True)
    topics = serializers.ListField(child=serializers.CharField(), help_text="Topic slugs.")
    summary = serializers.CharField(allow_blank=True)
    agreements = EventAgreementSerializer(many=True)
    sources = EventSourceSerializer(many=True)
    statements = EventStatementSerializer(many=True)
    related_events = RelatedEventSerializer(many=True)
    external_id = serializers.CharField(allow_blank=True)
    timeline_url = serializers.URLField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


# Writing -----------------------------------------------------------------------------------


@extend_schema_field(
    {"type": "string", "description": "A record's id (or slug, where it has one)."}
)
class RecordRefField(serializers.Field):
    """A record given by public id or slug, or as the {"id": ...} object reads return."""

    def __init__(self, queryset, *, slug_field="slug", **kwargs):
        self.queryset, self.slug_field = queryset, slug_field
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, dict):
            data = data.get("id") or data.get("slug")
        if not isinstance(data, str) or not data.strip():
            raise serializers.ValidationError("Give the id or slug of an existing record.")
        found = self.queryset.by_reference(data, self.slug_field).first()
        if found is None:
            noun = self.queryset.model._meta.verbose_name
            raise serializers.ValidationError(f"No {noun} with the id or slug {data!r}.")
        return found

    def to_representation(self, value):
        return str(value.public_id)


@extend_schema_field({"type": "string", "example": "UA"})
class CountryCodeField(serializers.Field):
    def to_internal_value(self, data):
        country = Country.objects.by_code(str(data)).first() if isinstance(data, str) else None
        if country is None:
            raise serializers.ValidationError(
                f"Unknown country code {data!r}; use ISO alpha-2 (UA) or alpha-3 (UKR)."
            )
        return country

    def to_representation(self, value):
        return value.iso_alpha2


class ParticipantWriteSerializer(serializers.Serializer):
    official = RecordRefField(Official.objects.all(), required=False, allow_null=True)
    organization = RecordRefField(Organization.objects.all(), required=False, allow_null=True)
    country = CountryCodeField(required=False, allow_null=True)
    role = serializers.ChoiceField(choices=Participant.Role.choices, default="participant")
    post = RecordRefField(Post.objects.all(), slug_field=None, required=False, allow_null=True)
    note = serializers.CharField(allow_blank=True, required=False, default="", max_length=300)

    def validate(self, data):
        if not (data.get("official") or data.get("organization") or data.get("country")):
            raise serializers.ValidationError(
                {"official": "Name an official, an organization or a country."}
            )
        return data


class SourceCitationWriteSerializer(serializers.Serializer):
    id = RecordRefField(Source.objects.all(), slug_field=None, help_text="The source's id.")
    excerpt = serializers.CharField(allow_blank=True, required=False, default="")


class EventWriteSerializer(serializers.Serializer):
    """An event as clients write it: the read shape, with the date as text or as fields,
    linked records by id or slug, and participants and sources nested."""

    title = serializers.CharField(max_length=300)
    type = serializers.ChoiceField(choices=EventType.choices)
    status = serializers.ChoiceField(choices=Event.Status.choices, default=Event.Status.HELD)
    date = serializers.CharField(
        required=False,
        help_text='The date as an editor types it: "26 Oct 2024", "late Sep 2024", "2023". '
        "Or give date_start, date_end and date_precision.",
    )
    date_start = serializers.DateField(required=False)
    date_end = serializers.DateField(required=False)
    date_precision = serializers.ChoiceField(choices=PRECISIONS, required=False)
    date_qualifier = serializers.ChoiceField(choices=DateQualifier.choices, required=False)
    location = LocationSerializer(required=False)
    countries = serializers.ListField(child=CountryCodeField(), required=False, default=list)
    participants = ParticipantWriteSerializer(many=True, required=False, default=list)
    topics = serializers.ListField(
        child=serializers.SlugRelatedField(slug_field="slug", queryset=Topic.objects.all()),
        required=False,
        default=list,
    )
    summary = serializers.CharField(allow_blank=True, required=False, default="")
    sources = SourceCitationWriteSerializer(many=True, required=False, default=list)
    external_id = serializers.CharField(
        allow_blank=True, required=False, default="", max_length=100
    )

    def validate(self, data):
        data["fuzzy_date"] = self._fuzzy_date(data)
        location = data.get("location") or {}
        if location.get("country"):
            country = Country.objects.by_code(location["country"]).first()
            if country is None:
                raise serializers.ValidationError(
                    {"location": {"country": [f"Unknown country code {location['country']!r}."]}}
                )
            location["country"] = country
        data["location"] = location
        return data

    def _fuzzy_date(self, data) -> FuzzyDate:
        qualifier = data.get("date_qualifier")
        if data.get("date"):
            try:
                fuzzy = parse_fuzzy_date(data["date"])
            except FuzzyDateError as error:
                raise serializers.ValidationError({"date": [error.message]}) from None
            # A qualifier written into the text ("c.", "?") wins over date_qualifier.
            if qualifier and fuzzy.qualifier == DateQualifier.EXACT:
                fuzzy = FuzzyDate(fuzzy.start, fuzzy.end, fuzzy.precision, qualifier)
            return fuzzy
        start, end = data.get("date_start"), data.get("date_end")
        if start is None:
            raise serializers.ValidationError(
                {"date": ["Give the date as text, or date_start (with date_end and precision)."]}
            )
        end = end or start
        try:
            if data.get("date_precision"):
                precision = DatePrecision.from_slug(data["date_precision"])
                return FuzzyDate(start, end, precision, qualifier or DateQualifier.EXACT)
            return FuzzyDate.from_range(start, end, qualifier or DateQualifier.EXACT)
        except FuzzyDateError as error:
            field = {"end": "date_end", "start": "date_start"}.get(error.field, "date_precision")
            raise serializers.ValidationError({field: [error.message]}) from None

    def to_spec(self) -> EventSpec:
        data = self.validated_data
        location = data["location"]
        return EventSpec(
            title=data["title"],
            type=data["type"],
            status=data["status"],
            date=data["fuzzy_date"],
            summary=data["summary"],
            location=location.get("name", ""),
            location_country=location.get("country"),
            latitude=coordinate(location.get("latitude")),
            longitude=coordinate(location.get("longitude")),
            external_id=data["external_id"],
            topics=data["topics"],
            countries=data["countries"],
            participants=[
                ParticipantSpec(
                    official=p.get("official"),
                    organization=p.get("organization"),
                    country=p.get("country"),
                    role=p["role"],
                    post=p.get("post"),
                    note=p["note"],
                )
                for p in data["participants"]
            ],
            citations=[CitationSpec(source=s["id"], excerpt=s["excerpt"]) for s in data["sources"]],
        )


def coordinate(value: float | None) -> Decimal | None:
    """Degrees as stored: five decimals (about a metre)."""
    return None if value is None else Decimal(str(round(value, 5)))


# Model and service errors use dotted paths and model field names; clients see the write
# shape's names, nested as DRF nests them.
WRITE_NAMES = {
    "date_start": "date_start",
    "date_end": "date_end",
    "date_precision": "date_precision",
    "location": "location.name",
    "location_country": "location.country",
    "latitude": "location.latitude",
    "longitude": "location.longitude",
    "citations": "sources",
}


def api_errors(error: DjangoValidationError) -> dict:
    """A service's ValidationError as DRF's nested error shape:
    {"participants.1.official": [...]} -> {"participants": {"1": {"official": [...]}}}."""
    nested: dict = {}
    for path, messages in error.message_dict.items():
        head, _, rest = path.partition(".")
        head = WRITE_NAMES.get(head, head)
        if head == "__all__":
            head = "non_field_errors"
        keys = [*head.split("."), *(rest.split(".") if rest else [])]
        node = nested
        for key in keys[:-1]:
            node = node.setdefault(key, {})
        node[keys[-1]] = messages
    return nested
