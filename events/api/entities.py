"""Serializers for the records around events: countries, officials, organizations,
agreements, sources, statements, topics. Records are named by public id (countries by ISO
code, topics by slug); links are written as an id or slug, or as the object reads return."""

import datetime as dt

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events import limits
from events.api.events import CountryCodeField, RecordRefField, RefSerializer, date_data, ref
from events.dates import FuzzyDateError, parse_fuzzy_date, parse_moment
from events.models import (
    Agreement,
    AgreementStatus,
    Country,
    CountryName,
    Event,
    Official,
    OfficialName,
    Organization,
    Source,
    Statement,
    Topic,
)
from events.services import agreement_save, country_save, official_save, record_save, source_save


class ServiceWrites:
    """Writes through events.services: `create` and `update` set the validated fields on
    the record and hand it, with its nested lists (`nested`), to `save_record`; the
    model's own validation errors come back as the API's, on the fields named."""

    nested: tuple[str, ...] = ()
    # Model field names as this serializer spells them, for errors.
    error_names: dict[str, str] = {}

    def create(self, validated_data):
        return self._write(self.Meta.model(), validated_data)

    def update(self, instance, validated_data):
        return self._write(instance, validated_data)

    def _write(self, record, data):
        nested = {name: data.pop(name) for name in self.nested if name in data}
        for name, value in data.items():
            setattr(record, name, value)
        try:
            return self.save_record(record, **nested)
        except DjangoValidationError as error:
            raise serializers.ValidationError(self._errors_of(error)) from None

    def _errors_of(self, error):
        if not hasattr(error, "error_dict"):
            return {"non_field_errors": error.messages}
        return {
            self.error_names.get(name, "non_field_errors" if name == "__all__" else name): messages
            for name, messages in error.message_dict.items()
        }

    def save_record(self, record, **nested):
        return record_save(record)


class UTCDateTimeField(serializers.DateTimeField):
    """A time as the whole API writes one: ISO 8601 in UTC with a Z
    ("2024-10-27T04:15:00Z"), whatever zone admin shows times in (DJANGO_TIME_ZONE)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("default_timezone", dt.UTC)
        super().__init__(**kwargs)


class RecordSerializer(ServiceWrites, serializers.ModelSerializer):
    """Public id as `id`, and the sync timestamps, read-only."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.DateTimeField: UTCDateTimeField,
    }

    id = serializers.UUIDField(source="public_id", read_only=True)
    created_at = UTCDateTimeField(read_only=True)
    updated_at = UTCDateTimeField(read_only=True)


@extend_schema_field(RefSerializer)
class NamedRefField(serializers.Field):
    """Read as {"id", "name", "slug"}, written as id or slug."""

    def __init__(self, queryset, **kwargs):
        self.ref_field = RecordRefField(queryset)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return ref(value)

    def to_internal_value(self, data):
        return self.ref_field.to_internal_value(data)


# Countries and topics ------------------------------------------------------------------------


class CountryNameSerializer(serializers.ModelSerializer):
    class Meta:
        model = CountryName
        fields = ["name", "kind"]


class CountrySerializer(ServiceWrites, serializers.ModelSerializer):
    nested = ("names",)
    error_names = {"iso_alpha2": "code", "iso_alpha3": "alpha3", "iso_numeric": "numeric"}

    code = serializers.CharField(source="iso_alpha2", max_length=2)
    alpha3 = serializers.CharField(source="iso_alpha3", max_length=3)
    numeric = serializers.CharField(source="iso_numeric", max_length=3)
    names = CountryNameSerializer(many=True, required=False, max_length=limits.NAMES)

    class Meta:
        model = Country
        fields = ["code", "alpha3", "numeric", "name", "official_name", "names"]

    def validate(self, data):
        for field, length in (("iso_alpha2", 2), ("iso_alpha3", 3)):
            value = data.get(field)
            if value is not None and (len(value) != length or not value.isalpha()):
                raise serializers.ValidationError(
                    {
                        field.replace("iso_alpha2", "code").replace("iso_", ""): [
                            f"{length} letters."
                        ]
                    }
                )
            if value is not None:
                data[field] = value.upper()
        if data.get("iso_numeric") is not None and not data["iso_numeric"].isdigit():
            raise serializers.ValidationError({"numeric": ["Three digits."]})
        return data

    def validate_names(self, names):
        return distinct_names(names)

    def save_record(self, record, names=None):
        return country_save(record, names)


class TopicSerializer(ServiceWrites, serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["slug", "name", "description"]


# People and organizations --------------------------------------------------------------------


class OrganizationSerializer(RecordSerializer):
    country = CountryCodeField(required=False, allow_null=True)
    parent = NamedRefField(Organization.objects.all(), required=False, allow_null=True)
    slug = serializers.SlugField(required=False, max_length=80)

    class Meta:
        model = Organization
        fields = [
            "id",
            "slug",
            "name",
            "abbreviation",
            "kind",
            "country",
            "parent",
            "wikidata_qid",
            "website",
            "created_at",
            "updated_at",
        ]


class OtherNameSerializer(serializers.ModelSerializer):
    class Meta:
        model = OfficialName
        fields = ["name", "kind", "language"]


class TenureReadSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    post = serializers.DictField()
    start = serializers.DictField(allow_null=True)
    end = serializers.DictField(allow_null=True)
    period_label = serializers.CharField()

    def to_representation(self, tenure):
        def bound(fuzzy):
            if fuzzy is None:
                return None
            return {
                "date_start": fuzzy.start.isoformat(),
                "date_end": fuzzy.end.isoformat(),
                "date_precision": fuzzy.precision.slug,
                "date_label": fuzzy.label,
            }

        post = tenure.post
        return {
            "id": str(tenure.public_id),
            "post": {
                "id": str(post.public_id),
                "title": post.title,
                "kind": post.kind,
                "country": post.country.iso_alpha2 if post.country_id else None,
            },
            "start": bound(tenure.start),
            "end": bound(tenure.end),
            "period_label": tenure.period_label,
        }


def distinct_names(names):
    """Names differing only in case are one name (the database holds them unique so)."""
    seen = set()
    for entry in names:
        key = entry["name"].casefold()
        if key in seen:
            raise serializers.ValidationError(f"{entry['name']!r} is given twice.")
        seen.add(key)
    return names


class OfficialSerializer(RecordSerializer):
    nested = ("names",)
    country = CountryCodeField(required=False, allow_null=True)
    slug = serializers.SlugField(required=False, max_length=80)
    other_names = OtherNameSerializer(
        source="names", many=True, required=False, max_length=limits.NAMES
    )
    tenures = TenureReadSerializer(
        many=True, read_only=True, help_text="Posts held (read only: written at /api/tenures/)."
    )

    class Meta:
        model = Official
        fields = [
            "id",
            "slug",
            "name",
            "country",
            "wikidata_qid",
            "note",
            "other_names",
            "tenures",
            "created_at",
            "updated_at",
        ]

    def to_internal_value(self, data):
        # Read-only here, so DRF would drop them unsaid: a client would believe its
        # posts saved. They are records of their own, written at /api/tenures/.
        if isinstance(data, dict) and "tenures" in data:
            raise serializers.ValidationError(
                {
                    "tenures": [
                        "Posts held are not written here: send each to /api/tenures/ "
                        '({"official", "post", "start", "end"}).'
                    ]
                }
            )
        return super().to_internal_value(data)

    def validate_other_names(self, names):
        return distinct_names(names)

    def save_record(self, record, names=None):
        return official_save(record, names)


# Agreements ---------------------------------------------------------------------------------


class PartySerializer(serializers.Serializer):
    country = CountryCodeField(required=False, allow_null=True)
    organization = NamedRefField(Organization.objects.all(), required=False, allow_null=True)

    def to_representation(self, party):
        return {
            "country": party.country.iso_alpha2 if party.country_id else None,
            "organization": ref(party.organization),
        }

    def validate(self, data):
        if bool(data.get("country")) == bool(data.get("organization")):
            raise serializers.ValidationError(
                {"country": ["A party is a country or an organization (one of them)."]}
            )
        return data


class StatusChangeSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    status = serializers.ChoiceField(choices=AgreementStatus.choices)
    date = serializers.CharField(
        write_only=True, help_text='As an editor types it: "Aug 2024", "23 Aug 2024".'
    )
    date_start = serializers.DateField(read_only=True)
    date_end = serializers.DateField(read_only=True)
    date_precision = serializers.CharField(read_only=True)
    date_qualifier = serializers.CharField(read_only=True)
    date_label = serializers.CharField(read_only=True)
    date_edtf = serializers.CharField(read_only=True)
    party = CountryCodeField(required=False, allow_null=True)
    source = RecordRefField(Source.objects.all(), slug_field=None, required=False, allow_null=True)
    note = serializers.CharField(allow_blank=True, required=False, default="", max_length=300)

    def to_representation(self, change):
        return {
            "id": str(change.public_id),
            "status": change.status,
            **date_data(change),
            "party": change.party.iso_alpha2 if change.party_id else None,
            "source": str(change.source.public_id) if change.source_id else None,
            "note": change.note,
        }

    def validate_date(self, value):
        try:
            return parse_fuzzy_date(value)
        except FuzzyDateError as error:
            raise serializers.ValidationError(error.message) from None


class AgreementSerializer(RecordSerializer):
    nested = ("parties", "status_changes")
    event = RecordRefField(Event.objects.all(), required=False, allow_null=True)
    parties = PartySerializer(many=True, required=False, max_length=limits.PARTIES)
    status_changes = StatusChangeSerializer(
        many=True, required=False, max_length=limits.STATUS_CHANGES
    )
    status = serializers.CharField(read_only=True, help_text="Latest status change.")

    class Meta:
        model = Agreement
        fields = [
            "id",
            "title",
            "kind",
            "status",
            "disclosed",
            "summary",
            "text_url",
            "event",
            "parties",
            "status_changes",
            "created_at",
            "updated_at",
        ]

    def validate_parties(self, parties):
        keys = [(p.get("country") or p.get("organization")).pk for p in parties]
        if len(keys) != len(set(keys)):
            raise serializers.ValidationError("The same party appears twice.")
        return parties

    def save_record(self, record, parties=None, status_changes=None):
        return agreement_save(record, parties, status_changes)


# Sources and statements ----------------------------------------------------------------------


class AuthorNamesField(serializers.ListField):
    child = serializers.CharField(max_length=200)

    def get_attribute(self, source):
        return source.author_names

    def to_representation(self, names):
        return list(names)


class MomentField(UTCDateTimeField):
    """A date-time written as ISO 8601 or in the date grammar of every date field ("9 Jul
    2019 04:15", "July 9, 2019"; the time is optional). A numeric day whose day and month
    could be swapped ("07/09/2019") is refused, saying why."""

    def to_internal_value(self, value):
        if not isinstance(value, str):
            self.fail("invalid", format="ISO 8601 or 9 Jul 2019 04:15")
        try:
            return parse_moment(value)
        except FuzzyDateError as error:
            raise serializers.ValidationError(error.message) from None


class SourceSerializer(RecordSerializer):
    nested = ("authors",)
    published_at = MomentField(
        required=False,
        allow_null=True,
        help_text="When the source was published: ISO 8601, or a day as the source gives "
        "it (9 Jul 2019, July 9, 2019) with an optional time (04:15). Numeric days whose "
        "day and month could be read either way (07/09/2019) are refused.",
    )
    publisher = NamedRefField(Organization.objects.all(), required=False, allow_null=True)
    authors = AuthorNamesField(
        required=False, max_length=limits.NAMES, help_text="Authors' names, in order."
    )

    class Meta:
        model = Source
        fields = [
            "id",
            "url",
            "headline",
            "kind",
            "publisher",
            "authors",
            "published_at",
            "language",
            "text",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {"text": {"required": False}}

    def validate_authors(self, names):
        if len({n.casefold() for n in names}) != len(names):
            raise serializers.ValidationError("An author is named twice.")
        return names

    def save_record(self, record, authors=None):
        return source_save(record, authors)


class StatementSerializer(RecordSerializer):
    official = NamedRefField(Official.objects.all(), required=False, allow_null=True)
    organization = NamedRefField(Organization.objects.all(), required=False, allow_null=True)
    event = RecordRefField(Event.objects.all(), required=False, allow_null=True)
    source = RecordRefField(Source.objects.all(), slug_field=None)

    class Meta:
        model = Statement
        fields = [
            "id",
            "official",
            "organization",
            "event",
            "source",
            "text",
            "language",
            "created_at",
            "updated_at",
        ]
