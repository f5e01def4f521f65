"""Events through the API: the shape an event reads with (its schema, made from the one
declaration in events.projection), and what a write accepts (EventInputSerializer).
"""

from decimal import Decimal

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events import limits
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
from events.projection import EVENT
from events.services import CitationSpec, EventSpec, ParticipantSpec


class SlugField(serializers.SlugRelatedField):
    """A record by its slug. Text holding a NUL is no slug, and PostgreSQL cannot even
    compare it with one (a DataError): refused before the query."""

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("invalid")
        return super().to_internal_value(data)


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


# The shape events read with, for the schema: made from the projection's declaration.
EventSerializer = type(
    "Event",
    (serializers.Serializer,),
    {
        "__doc__": "An event as the API returns it: every field, or those `fields=` asks for.",
        **{name: declared.schema for name, declared in EVENT.items()},
        # `fields=` may leave any of them out: the schema requires none (events.api.schema).
        "fields_may_be_omitted": True,
    },
)


class RefSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    slug = serializers.CharField()


class LocationSerializer(serializers.Serializer):
    name = serializers.CharField(allow_blank=True, required=False, default="")
    country = serializers.CharField(allow_null=True, required=False, default=None)
    latitude = serializers.FloatField(
        allow_null=True, required=False, default=None, min_value=-90, max_value=90
    )
    longitude = serializers.FloatField(
        allow_null=True, required=False, default=None, min_value=-180, max_value=180
    )


PRECISIONS = [p.slug for p in DatePrecision]


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
    country = CountryCodeField(
        required=False, allow_null=True, help_text="The country represented (ISO code)."
    )
    role = serializers.ChoiceField(
        choices=Participant.Role.choices,
        default="participant",
        help_text="Part played in the event.",
    )
    post = RecordRefField(Post.objects.all(), slug_field=None, required=False, allow_null=True)
    note = serializers.CharField(
        allow_blank=True, required=False, default="", max_length=300, help_text="A note."
    )

    def validate(self, data):
        if not (data.get("official") or data.get("organization") or data.get("country")):
            raise serializers.ValidationError(
                {"official": "Name an official, an organization or a country."}
            )
        return data


class SourceCitationWriteSerializer(serializers.Serializer):
    id = RecordRefField(Source.objects.all(), slug_field=None, help_text="The source's id.")
    excerpt = serializers.CharField(
        allow_blank=True, required=False, default="", max_length=limits.EXCERPT_CHARS
    )


class EventInputSerializer(serializers.Serializer):
    """An event as clients write it: the read shape, with the date as text or as fields,
    linked records by id or slug, and participants and sources nested. With
    `partial=True` (PATCH) only the fields given are validated and changed."""

    title = serializers.CharField(
        max_length=300, help_text="What happened, in a line: who met whom, about what."
    )
    type = serializers.ChoiceField(choices=EventType.choices, help_text="What kind of event.")
    status = serializers.ChoiceField(
        choices=Event.Status.choices,
        default=Event.Status.HELD,
        help_text="held (the default), planned or cancelled.",
    )
    date = serializers.CharField(
        required=False,
        help_text='The date as an editor types it: "26 Oct 2024", "late Sep 2024", "2023". '
        "Or give date_start, date_end and date_precision.",
    )
    date_start = serializers.DateField(
        required=False, help_text="With date_end and date_precision, instead of date."
    )
    date_end = serializers.DateField(required=False, help_text="Last day (inclusive).")
    date_precision = serializers.ChoiceField(
        choices=PRECISIONS, required=False, help_text="What the range is: a day, a month, ..."
    )
    date_qualifier = serializers.ChoiceField(
        choices=DateQualifier.choices,
        required=False,
        help_text="exact (the default), approximate or uncertain.",
    )
    location = LocationSerializer(required=False, help_text="Where it took place.")
    countries = serializers.ListField(
        child=CountryCodeField(),
        required=False,
        default=list,
        max_length=limits.COUNTRIES,
        help_text="Countries involved besides the participants' (ISO codes).",
    )
    participants = ParticipantWriteSerializer(
        many=True,
        required=False,
        default=list,
        max_length=limits.PARTICIPANTS,
        help_text=f"Who took part (at most {limits.PARTICIPANTS}); replaces the stored list.",
    )
    topics = serializers.ListField(
        child=SlugField(slug_field="slug", queryset=Topic.objects.all()),
        required=False,
        default=list,
        max_length=limits.TOPICS,
        help_text="Topic slugs.",
    )
    summary = serializers.CharField(
        allow_blank=True,
        required=False,
        default="",
        max_length=limits.SUMMARY_CHARS,
        help_text="The editor's summary.",
    )
    sources = SourceCitationWriteSerializer(
        many=True,
        required=False,
        default=list,
        max_length=limits.CITATIONS,
        help_text="The sources that report it, each with its passage.",
    )
    external_id = serializers.CharField(
        allow_blank=True,
        required=False,
        default="",
        max_length=100,
        help_text="Its id in the data set it comes from; unique when given.",
    )
    confirm_new = serializers.BooleanField(
        required=False,
        default=False,
        write_only=True,
        help_text="On create: true saves the event even if it looks like one already "
        "recorded (overlapping date, and the same countries with a similar title, or the "
        "same participants); otherwise such a create is refused with 409 naming it.",
    )

    def validate_external_id(self, value):
        # The model's constraint is conditional (blank ids may repeat), so Django reports
        # its violation under no field: name the field here.
        taken = Event.objects.filter(external_id=value)
        if self.instance is not None:
            taken = taken.exclude(pk=self.instance.pk)
        if value and taken.exists():
            raise serializers.ValidationError("Another event has this external_id.")
        return value

    def validate(self, data):
        dated = {"date", "date_start", "date_end", "date_precision", "date_qualifier"} & set(data)
        if dated or not self.partial:
            data["fuzzy_date"] = self._fuzzy_date(data)
        if "location" in data or not self.partial:
            data["location"] = self._location(data.get("location") or {})
        return data

    def _location(self, given: dict) -> dict:
        """The location as stored: on a partial write, the fields given over the stored."""
        event = self.instance
        location = {}
        if self.partial and event is not None:
            location = {
                "name": event.location,
                "country": event.location_country,
                "latitude": None if event.latitude is None else float(event.latitude),
                "longitude": None if event.longitude is None else float(event.longitude),
            }
        for name in ("name", "latitude", "longitude"):
            if name in self.initial_data.get("location", {}) or not self.partial:
                location[name] = given.get(name, "" if name == "name" else None)
        if "country" in self.initial_data.get("location", {}) or not self.partial:
            code = given.get("country")
            country = Country.objects.by_code(code).first() if code else None
            if code and country is None:
                raise serializers.ValidationError(
                    {"location": {"country": [f"Unknown country code {code!r}."]}}
                )
            location["country"] = country
        return location

    def _fuzzy_date(self, data) -> FuzzyDate:
        event = self.instance if self.partial else None
        qualifier = data.get("date_qualifier")
        if data.get("date"):
            try:
                fuzzy = parse_fuzzy_date(data["date"])
            except FuzzyDateError as error:
                raise serializers.ValidationError({"date": [error.message]}) from None
            # A qualifier written into the text ("c.", "?") wins over date_qualifier; a
            # partial write's new date keeps the stored certainty unless told otherwise.
            if fuzzy.qualifier == DateQualifier.EXACT:
                qualifier = qualifier or (event.date_qualifier if event else None)
                if qualifier:
                    fuzzy = FuzzyDate(fuzzy.start, fuzzy.end, fuzzy.precision, qualifier)
            return fuzzy
        start, end = data.get("date_start"), data.get("date_end")
        if event is not None and start is None:
            if "date_end" in data or "date_precision" in data:
                raise serializers.ValidationError(
                    {"date_start": ["Give date_start with date_end and date_precision."]}
                )
            # Only the certainty changes.
            stored = event.date
            return FuzzyDate(stored.start, stored.end, stored.precision, qualifier)
        if start is None:
            raise serializers.ValidationError(
                {"date": ["Give the date as text, or date_start (with date_end and precision)."]}
            )
        end = end or start
        qualifier = qualifier or (event.date_qualifier if event else DateQualifier.EXACT)
        try:
            if data.get("date_precision"):
                precision = DatePrecision.from_slug(data["date_precision"])
                return FuzzyDate(start, end, precision, qualifier)
            return FuzzyDate.from_range(start, end, qualifier)
        except FuzzyDateError as error:
            field = {"end": "date_end", "start": "date_start"}.get(error.field, "date_precision")
            raise serializers.ValidationError({field: [error.message]}) from None

    def spec_values(self) -> dict:
        """EventSpec's fields that the validated data gives (all of them unless partial)."""
        data = self.validated_data
        values = {
            name: data[name]
            for name in ("title", "type", "status", "summary", "external_id", "topics", "countries")
            if name in data
        }
        if "fuzzy_date" in data:
            values["date"] = data["fuzzy_date"]
        if "location" in data:
            location = data["location"]
            values.update(
                location=location.get("name", ""),
                location_country=location.get("country"),
                latitude=coordinate(location.get("latitude")),
                longitude=coordinate(location.get("longitude")),
            )
        if "participants" in data:
            values["participants"] = [
                ParticipantSpec(
                    official=p.get("official"),
                    organization=p.get("organization"),
                    country=p.get("country"),
                    role=p["role"],
                    post=p.get("post"),
                    note=p["note"],
                )
                for p in data["participants"]
            ]
        if "sources" in data:
            values["citations"] = [
                CitationSpec(source=s["id"], excerpt=s["excerpt"]) for s in data["sources"]
            ]
        return values

    def to_spec(self) -> EventSpec:
        return EventSpec(**self.spec_values())


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
