"""Posts and who held them (tenures) through the API: /api/posts/ and /api/tenures/,
read by anyone who may read, written by editors through events.services (record_save,
which also re-derives the post each participant held on the event's day)."""

from django.db.models import F
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events.api.entities import NamedRefField, RecordSerializer
from events.api.events import CountryCodeField, RecordRefField
from events.api.views import RecordViewSet
from events.dates import FuzzyDateError, parse_fuzzy_date
from events.filters import PostFilter, TenureFilter
from events.models import Official, Organization, Post, Tenure


class PostSerializer(RecordSerializer):
    country = CountryCodeField(
        required=False, allow_null=True, help_text="The country whose post it is."
    )
    organization = NamedRefField(Organization.objects.all(), required=False, allow_null=True)
    accredited_to = CountryCodeField(
        required=False, allow_null=True, help_text="Ambassadors and envoys: posted to."
    )

    class Meta:
        model = Post
        fields = [
            "id",
            "title",
            "kind",
            "country",
            "organization",
            "accredited_to",
            "created_at",
            "updated_at",
        ]


BOUND_SCHEMA = {
    "type": "object",
    "nullable": True,
    "properties": {
        "date_start": {"type": "string", "format": "date"},
        "date_end": {"type": "string", "format": "date"},
        "date_precision": {"type": "string"},
        "date_label": {"type": "string"},
    },
}


@extend_schema_field(BOUND_SCHEMA)
class TenureBoundField(serializers.Field):
    """A tenure's start or end: written as date text ("2019", "Sep 2024", "26 Oct 2024"),
    read as its range, precision and label; null when unknown (an end: still in office)."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            raise serializers.ValidationError('A date as text: "2019", "Sep 2024", "2024-10-26".')
        try:
            return parse_fuzzy_date(data)
        except FuzzyDateError as error:
            raise serializers.ValidationError(error.message) from None

    def to_representation(self, fuzzy):
        return {
            "date_start": fuzzy.start.isoformat(),
            "date_end": fuzzy.end.isoformat(),
            "date_precision": fuzzy.precision.slug,
            "date_label": fuzzy.label,
        }


TENURE_POST = {
    "type": "object",
    "properties": {
        "id": {"type": "string", "format": "uuid"},
        "title": {"type": "string"},
        "kind": {"type": "string"},
        "country": {"type": "string", "nullable": True},
    },
    "required": ["id"],
}


@extend_schema_field(
    {
        "oneOf": [{"type": "string", "description": "The post's public id."}, TENURE_POST],
        "description": 'Written as the post\'s public id (or {"id"}); read as the post.',
    }
)
class TenurePostField(RecordRefField):
    def to_representation(self, post):
        return {
            "id": str(post.public_id),
            "title": post.title,
            "kind": post.kind,
            "country": post.country.iso_alpha2 if post.country_id else None,
        }


class TenureSerializer(RecordSerializer):
    """Who held which post from when to when."""

    error_names = {
        **{field: "start" for field in Tenure.START_FIELDS.values()},
        **{field: "end" for field in Tenure.END_FIELDS.values()},
    }

    official = NamedRefField(Official.objects.all(), help_text="Slug or public id.")
    post = TenurePostField(Post.objects.all(), slug_field=None)
    start = TenureBoundField(required=False, allow_null=True)
    end = TenureBoundField(required=False, allow_null=True)
    period_label = serializers.CharField(read_only=True)

    class Meta:
        model = Tenure
        fields = [
            "id",
            "official",
            "post",
            "start",
            "end",
            "period_label",
            "note",
            "created_at",
            "updated_at",
        ]

    def validate(self, data):
        for side, fields in (("start", Tenure.START_FIELDS), ("end", Tenure.END_FIELDS)):
            if side in data:
                fuzzy = data.pop(side)
                data[fields["start"]] = fuzzy.start if fuzzy else None
                data[fields["end"]] = fuzzy.end if fuzzy else None
                data[fields["precision"]] = int(fuzzy.precision) if fuzzy else None
        return data


class PostViewSet(RecordViewSet):
    """Posts people hold in turn (Prime Minister of India, Ambassador of India to
    Ukraine): filter by country, kind, organization or title."""

    queryset = Post.objects.select_related("country", "organization", "accredited_to")
    serializer_class = PostSerializer
    filterset_class = PostFilter


class TenureViewSet(RecordViewSet):
    """Who held which post when: filter by official, country (the post's), post, or
    `on=<day>` (in office that day: "Ukraine's Strategic Industries Minister on
    2024-10-26" is `?country=UA&post=<id>&on=2024-10-26`). Editors write them here; an
    official's `tenures` read the same records."""

    queryset = Tenure.objects.select_related("official", "post__country").order_by(
        "post__title", F("start_earliest").asc(nulls_first=True), "pk"
    )
    serializer_class = TenureSerializer
    filterset_class = TenureFilter
