"""POST /api/extract/: candidate events in an article's text, for editors' scripts (nothing
is saved)."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from events.api.permissions import CanAddEvents
from events.api.renderers import JSONParser
from events.models import Source
from extraction.extract import ExtractionInputError, extract_from_input
from extraction.outlets import clean_home_country, outlet_country


class ExtractRequest(serializers.Serializer):
    text = serializers.CharField(
        trim_whitespace=False, help_text="The article's text (at most 100,000 characters)."
    )
    published = serializers.CharField(
        help_text="The article's publication date (YYYY-MM-DD): incomplete dates in the text "
        "are resolved against it."
    )
    home_country = serializers.CharField(
        required=False,
        allow_null=True,
        allow_blank=True,
        help_text="The outlet's country (ISO alpha-2, such as KR): the side the text leaves "
        'implied ("the president visited Tokyo"). A dateline\'s country takes precedence.',
    )
    source = serializers.SlugRelatedField(
        slug_field="public_id",
        queryset=Source.objects.select_related("publisher__country"),
        required=False,
        allow_null=True,
        help_text="A recorded source (its id): its publisher's country is the home country "
        "when home_country is not given.",
    )


class CandidatePerson(serializers.Serializer):
    name = serializers.CharField()
    official = serializers.UUIDField(allow_null=True, help_text="A known official, or null.")
    new = serializers.BooleanField(help_text="Not yet recorded: offered for creation.")
    country = serializers.CharField(allow_null=True)
    role = serializers.CharField()
    post = serializers.CharField(allow_null=True, help_text="The post named in the text.")


class Candidate(serializers.Serializer):
    date_start = serializers.DateField()
    date_end = serializers.DateField()
    date_precision = serializers.CharField()
    date_qualifier = serializers.CharField()
    date_label = serializers.CharField()
    date_edtf = serializers.CharField()
    date_text = serializers.CharField(help_text="The date as the text gives it.")
    date_relation = serializers.CharField(allow_blank=True, help_text='"since" for "since ..."')
    status = serializers.CharField(help_text="held, or planned for what the text announces.")
    event_type = serializers.CharField()
    background = serializers.BooleanField(help_text="Context rather than the news itself.")
    title = serializers.CharField()
    countries = serializers.ListField(child=serializers.CharField())
    officials = serializers.ListField(child=serializers.CharField())
    people = CandidatePerson(many=True)
    country_roles = serializers.DictField(child=serializers.CharField())
    topics = serializers.ListField(child=serializers.CharField())
    location = serializers.CharField(allow_blank=True)
    location_country = serializers.CharField(allow_null=True)
    sentence = serializers.CharField()


class ExtractView(APIView):
    """Candidate events in an article's text, with dates resolved against its publication
    date: a first draft for editors (nothing is saved)."""

    permission_classes = [CanAddEvents]
    parser_classes = [JSONParser]

    @extend_schema(request=ExtractRequest, responses=Candidate(many=True))
    def post(self, request):
        body = ExtractRequest(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        try:
            home = clean_home_country(data.get("home_country"))
            if home is None and data.get("source") is not None:
                home = outlet_country(data["source"])
            candidates = extract_from_input(data["text"], data["published"], home)
        except ExtractionInputError as error:
            raise ValidationError({error.field: [error.message]}) from None
        return Response([candidate.as_dict() for candidate in candidates])
