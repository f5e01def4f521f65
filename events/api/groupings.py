"""/api/groupings/: the groupings of countries the event filters take as values
(events.groupings), with their members and when they joined or left."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from events.api.fields import FIELDS_PARAMETER, chosen_fields, only
from events.api.parameters import check_query_parameters
from events.api.permissions import ReadOnly
from events.groupings import all_groupings, grouping_named


class MembershipSerializer(serializers.Serializer):
    country = serializers.CharField(help_text="ISO alpha-2.")
    since = serializers.DateField(allow_null=True, help_text="Joined (null: not dated).")
    until = serializers.DateField(allow_null=True, help_text="Left (null: still a member).")


class GroupingSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="The value country= and country_any= take: EU, 150.")
    slug = serializers.CharField(help_text="Also accepted as the value: european-union.")
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=["organization", "forum", "un_m49"])
    part_of = serializers.CharField(
        allow_null=True, help_text="The M49 region a sub-region is part of (035 is in 142)."
    )
    note = serializers.CharField(help_text="What membership counts, where it is not obvious.")
    members = MembershipSerializer(many=True)


class GroupingViewSet(viewsets.ViewSet):
    """Groupings of countries: organizations and forums (EU, AFRICAN-UNION, ASEAN, NATO,
    G7, G20, BRICS) with their members' dates, and the UN M49 regions and sub-regions.
    Any of their codes is a value of the event filters country= and country_any=; an
    organization's members count as of the event's first day."""

    permission_classes = [ReadOnly]
    lookup_field = "code"
    lookup_value_regex = "[^/]+"
    query_parameters = ("fields",)

    @extend_schema(responses=GroupingSerializer(many=True), parameters=[FIELDS_PARAMETER])
    def list(self, request):
        check_query_parameters(request, self, None)
        names = self._fields(request)
        return Response(list(only(GroupingSerializer(all_groupings(), many=True).data, names)))

    @extend_schema(responses=GroupingSerializer, parameters=[FIELDS_PARAMETER])
    def retrieve(self, request, code=None):
        check_query_parameters(request, self, None)
        names = self._fields(request)
        grouping = grouping_named(code)
        if grouping is None:
            raise Http404("No grouping with that code.")
        return Response(next(only([GroupingSerializer(grouping).data], names)))

    @staticmethod
    def _fields(request):
        return chosen_fields(request.query_params.get("fields"), list(GroupingSerializer().fields))
