"""API views. Thin: filtering lives in events/filters.py, aggregates in events/selectors.py,
nested writes in events/services.py, representation in events/api/events.py."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import ProtectedError
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from events import data_version
from events.api import entities
from events.api.events import EventSerializer, EventWriteSerializer, api_errors
from events.api.exports import EXPORT_RENDERERS, EXPORTS
from events.api.pagination import EventPagination
from events.api.permissions import ReadOnly
from events.api.reading import EventReader, parse_fields
from events.filters import (
    AgreementFilter,
    CountryFilter,
    EventFilter,
    OfficialFilter,
    OrganizationFilter,
    SourceFilter,
    StatementFilter,
)
from events.models import (
    Agreement,
    Country,
    Event,
    Official,
    Organization,
    Source,
    Statement,
    Topic,
)
from events.page_cache import cached_page
from events.selectors import GROUPINGS, event_counts, relation_summary
from events.services import event_create, event_update

EXPORT_FORMAT = OpenApiParameter(
    "format",
    str,
    enum=["json", *EXPORTS],
    description="json (paginated), or an export of every matching event: csv, ics, "
    "timelinejs, geojson, plover (JSON Lines).",
)


FIELDS_PARAMETER = OpenApiParameter(
    "fields",
    str,
    description="Comma-separated fields to return (default: all), e.g. "
    "id,title,date_label,countries,participants.",
)
CURSOR_PARAMETER = OpenApiParameter(
    "cursor",
    str,
    description="Keyset paging: empty for the first page, then the `next` link's value. "
    "Constant cost at any depth; no total count.",
)


class ProtectedDeleteMixin:
    """A record others depend on is not deleted: 409 with the reason, nothing lost."""

    def perform_destroy(self, instance):
        try:
            instance.delete()
        except ProtectedError as error:
            names = sorted({str(obj._meta.verbose_name_plural) for obj in error.protected_objects})
            raise ProtectedRecord(
                f"{instance} is referred to by {', '.join(names)}; remove those links first."
            ) from None


class ProtectedRecord(ValidationError):
    status_code = status.HTTP_409_CONFLICT


EXPORT_CHUNK = 500
# What the event list reads from its URL.
LIST_PARAMETERS = frozenset(EventFilter.base_filters) | {
    "page",
    "page_size",
    "cursor",
    "fields",
    "format",
}


def read_in_order(reader: EventReader, ids: list) -> list[dict]:
    """`ids`' events, read in one go, in the order of `ids`."""
    if not ids:
        return []
    events = reader.read(Event.objects.filter(pk__in=ids))
    position = {pk: index for index, pk in enumerate(ids)}
    order = sorted(range(len(events)), key=lambda i: position[reader.keys[i][-1]])
    return [events[i] for i in order]


@extend_schema_view(
    list=extend_schema(parameters=[EXPORT_FORMAT, FIELDS_PARAMETER, CURSOR_PARAMETER]),
    retrieve=extend_schema(parameters=[FIELDS_PARAMETER]),
    create=extend_schema(request=EventWriteSerializer, responses={201: EventSerializer}),
    update=extend_schema(request=EventWriteSerializer, responses=EventSerializer),
    partial_update=extend_schema(request=EventWriteSerializer, responses=EventSerializer),
)
class EventViewSet(viewsets.ModelViewSet):
    """Events, newest first, filtered as the timeline is (country, official, type, topic,
    date range, text, ...). Writes take participants and sources nested, in one transaction.

    Pages: `page` and `page_size` (with a total `count`), or `cursor` (empty for the first
    page; each response gives the `next` one) for deep or incremental reads at constant
    cost. `fields=id,title,date_label,participants` returns only those fields."""

    queryset = Event.objects.all()
    serializer_class = EventSerializer
    filterset_class = EventFilter
    pagination_class = EventPagination
    lookup_field = "public_id"
    # Writes are nested documents: JSON only.
    parser_classes = [JSONParser]

    def get_renderers(self):
        renderers = super().get_renderers()
        if self.action == "list":
            renderers += [renderer() for renderer in EXPORT_RENDERERS]
        return renderers

    def get_queryset(self):
        return Event.objects.all()

    def reader(self) -> EventReader:
        return EventReader(self.request, parse_fields(self.request.query_params.get("fields")))

    def list(self, request, *args, **kwargs):
        renderer = request.accepted_renderer
        # A page of plain JSON (not indented on request) is the same bytes for everyone
        # until the data changes.
        if renderer.format == "json" and request.accepted_media_type == renderer.media_type:
            return cached_page(request, lambda: self.json_page(request), LIST_PARAMETERS)
        events = self.filter_queryset(self.get_queryset())
        export = EXPORTS.get(renderer.format)
        if export:
            return self.export(events, *export)
        return self.page(request, events)

    def page(self, request, events) -> Response:
        page = self.paginator.page_of(events, request)
        reader = self.reader()
        return self.paginator.response(reader.read(page.queryset), page, reader)

    def json_page(self, request) -> HttpResponse:
        response = self.page(request, self.filter_queryset(self.get_queryset()))
        renderer = request.accepted_renderer
        content = renderer.render(response.data, renderer.media_type, self.get_renderer_context())
        return HttpResponse(content, content_type=renderer.media_type)

    def export(self, events, writer, content_type, filename):
        """Every matching event, read a chunk at a time so memory stays flat."""
        reader = EventReader(self.request)

        def rows():
            ids = events.values_list("pk", flat=True)
            chunk = []
            for pk in ids.iterator(chunk_size=EXPORT_CHUNK):
                chunk.append(pk)
                if len(chunk) == EXPORT_CHUNK:
                    yield from read_in_order(reader, chunk)
                    chunk = []
            yield from read_in_order(reader, chunk)

        response = StreamingHttpResponse(writer(rows()), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def retrieve(self, request, *args, **kwargs):
        event = self.get_object()
        return Response(self.reader().read(Event.objects.filter(pk=event.pk))[0])

    def create(self, request, *args, **kwargs):
        event = self._write(None, request.data)
        return Response(self.read_one(event), status=status.HTTP_201_CREATED)

    def update(self, request, *args, partial=False, **kwargs):
        event = self.get_object()
        data = request.data
        if partial:
            if not isinstance(data, dict):
                raise ValidationError({"non_field_errors": ["Send a JSON object."]})
            data = patched(write_shape(self.read_one(event), chosen_posts(event)), data)
        return Response(self.read_one(self._write(event, data)))

    def read_one(self, event) -> dict:
        return EventReader(self.request).read(Event.objects.filter(pk=event.pk))[0]

    def _write(self, event, data):
        serializer = EventWriteSerializer(data=data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        try:
            if event is None:
                saved = event_create(serializer.to_spec())
            else:
                saved = event_update(event, serializer.to_spec())
        except DjangoValidationError as error:
            raise ValidationError(api_errors(error)) from None
        return saved

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "since", OpenApiTypes.DATETIME, description="Deleted at or after this time."
            )
        ],
        responses=inline_serializer(
            "DeletedEvent",
            {"id": serializers.UUIDField(), "deleted_at": serializers.DateTimeField()},
            many=True,
        ),
        filters=False,
    )
    @action(detail=False, methods=["get"], filterset_class=None)
    def deleted(self, request):
        """Events removed since a time, for dashboards that sync incrementally (restored
        events are not listed)."""
        field = serializers.DateTimeField()
        removed = Event.history.filter(history_type="-")
        if "since" in request.query_params:
            try:
                since = field.to_internal_value(request.query_params["since"])
            except serializers.ValidationError as error:
                raise ValidationError({"since": error.detail}) from None
            removed = removed.filter(history_date__gte=since)
        removed = removed.exclude(public_id__in=Event.objects.values("public_id"))
        page = self.paginate_queryset(removed.order_by("history_date", "history_id"))
        rows = [{"id": str(r.public_id), "deleted_at": r.history_date.isoformat()} for r in page]
        return self.get_paginated_response(rows)


# A new date (as text or as fields) replaces these; its certainty stays unless the text
# states one ("c.", "?").
DATE_RANGE_FIELDS = ("date_start", "date_end", "date_precision")


def patched(current: dict, changes: dict) -> dict:
    """The write body a PATCH means: `current` (the event as a PUT would send it) with what
    `changes` names, nested location merged field by field."""
    data = dict(current)
    if "date" in changes or "date_start" in changes:
        for name in DATE_RANGE_FIELDS:
            data.pop(name)
    for name, value in changes.items():
        if name == "location" and isinstance(value, dict):
            data["location"] = {**current["location"], **value}
        else:
            data[name] = value
    return data


def chosen_posts(event) -> dict[str, str]:
    """The posts editors chose for the event's participants (participant id -> post id)."""
    rows = event.participants.filter(post_chosen=True).values_list("public_id", "post__public_id")
    return {str(participant): str(post) for participant, post in rows}


def write_shape(data: dict, chosen: dict[str, str]) -> dict:
    """An event as read, turned into the body a PUT would send. Posts derived from tenures
    are left out, so they are derived again (for a new date, say); chosen ones are kept."""
    return {
        "title": data["title"],
        "type": data["type"],
        "status": data["status"],
        "date_start": data["date_start"],
        "date_end": data["date_end"],
        "date_precision": data["date_precision"],
        "date_qualifier": data["date_qualifier"],
        "location": data["location"],
        "countries": data["countries"],
        "participants": [
            {
                "official": p["official"],
                "organization": p["organization"],
                "country": p["country"],
                "role": p["role"],
                "post": chosen.get(p["id"]),
                "note": p["note"],
            }
            for p in data["participants"]
        ],
        "topics": data["topics"],
        "summary": data["summary"],
        "sources": [{"id": s["id"], "excerpt": s["excerpt"]} for s in data["sources"]],
        "external_id": data["external_id"],
    }


class RecordViewSet(ProtectedDeleteMixin, viewsets.ModelViewSet):
    lookup_field = "public_id"


class CountryViewSet(ProtectedDeleteMixin, viewsets.ModelViewSet):
    """Every ISO 3166-1 country, with the names that point to it in text."""

    queryset = Country.objects.prefetch_related("names").order_by("name")
    serializer_class = entities.CountrySerializer
    filterset_class = CountryFilter
    lookup_field = "iso_alpha2"
    lookup_url_kwarg = "code"

    def get_object(self):
        country = Country.objects.by_code(self.kwargs["code"]).prefetch_related("names").first()
        if country is None:
            raise Http404("No country with that code.")
        self.check_object_permissions(self.request, country)
        return country


class TopicViewSet(ProtectedDeleteMixin, viewsets.ModelViewSet):
    queryset = Topic.objects.order_by("name")
    serializer_class = entities.TopicSerializer
    lookup_field = "slug"


class OfficialViewSet(RecordViewSet):
    """People, their other spellings and the posts they held."""

    queryset = Official.objects.select_related("country").prefetch_related(
        "names", "tenures__post__country"
    )
    serializer_class = entities.OfficialSerializer
    filterset_class = OfficialFilter


class OrganizationViewSet(RecordViewSet):
    queryset = Organization.objects.select_related("country", "parent")
    serializer_class = entities.OrganizationSerializer
    filterset_class = OrganizationFilter


class AgreementViewSet(RecordViewSet):
    """Agreements with their parties and dated lifecycle."""

    queryset = Agreement.objects.select_related("event").prefetch_related(
        "parties__country",
        "parties__organization",
        "status_changes__party",
        "status_changes__source",
    )
    serializer_class = entities.AgreementSerializer
    filterset_class = AgreementFilter


class SourceViewSet(RecordViewSet):
    queryset = Source.objects.select_related("publisher").prefetch_related("bylines__author")
    serializer_class = entities.SourceSerializer
    filterset_class = SourceFilter


class StatementViewSet(RecordViewSet):
    queryset = Statement.objects.select_related("official", "organization", "event", "source")
    serializer_class = entities.StatementSerializer
    filterset_class = StatementFilter


# Aggregates -------------------------------------------------------------------------------


class CountRow(serializers.Serializer):
    key = serializers.CharField(help_text="2024-10, 2024, visit, UA or IN-UA")
    count = serializers.IntegerField()


class EventStats(serializers.Serializer):
    group_by = serializers.ChoiceField(choices=GROUPINGS)
    total = serializers.IntegerField(help_text="Events matching the filters.")
    wider_than_period = serializers.IntegerField(
        help_text="By month or year: events whose date spans more than one period."
    )
    results = CountRow(many=True)


class EventStatsView(APIView):
    """Event counts for charts, with the event list's filters."""

    permission_classes = [ReadOnly]
    filterset_class = EventFilter

    @extend_schema(
        parameters=[
            OpenApiParameter("group_by", str, enum=list(GROUPINGS), required=True),
        ],
        responses=EventStats,
    )
    def get(self, request):
        group_by = request.query_params.get("group_by")
        if group_by not in GROUPINGS:
            raise ValidationError({"group_by": [f"Use one of: {', '.join(GROUPINGS)}."]})
        events = DjangoFilterBackend().filter_queryset(request, Event.objects.all(), self)
        counts, total = data_version.cached(
            "api:stats",
            (group_by, EventFilter.key(request.query_params)),
            lambda: (event_counts(events, group_by), events.count()),
        )
        return Response(
            {
                "group_by": group_by,
                "total": total,
                "wider_than_period": counts.wider_than_period,
                "results": [{"key": r["key"], "count": r["count"]} for r in counts.rows],
            }
        )


class RelationSummarySerializer(serializers.Serializer):
    countries = serializers.ListField(child=serializers.CharField())
    event_count = serializers.IntegerField()
    counts_by_year = CountRow(many=True)
    counts_by_type = CountRow(many=True)
    agreements = entities.AgreementSerializer(many=True)
    latest_events = EventSerializer(many=True)
    statements = entities.StatementSerializer(many=True)
    timeline_url = serializers.CharField()


# The newest quotes of a relation; the rest are a statements query away.
RELATION_STATEMENTS = 20


class RelationView(APIView):
    """What two countries did together: counts by year and type, agreements and their
    status, the latest events and quotes."""

    permission_classes = [ReadOnly]

    @extend_schema(responses=RelationSummarySerializer)
    def get(self, request, first, second):
        a, b = Country.objects.by_code(first).first(), Country.objects.by_code(second).first()
        if a is None or b is None:
            raise Http404("Unknown country code.")
        if a == b:
            raise ValidationError({"countries": ["Name two different countries."]})
        summary = relation_summary(a, b)
        latest = Event.objects.filter(pk__in=[e.pk for e in summary.latest_events])
        pair = "-".join(sorted([a.iso_alpha2, b.iso_alpha2]))
        context = {"request": request}
        return Response(
            {
                "countries": [a.iso_alpha2, b.iso_alpha2],
                "event_count": summary.event_count,
                "counts_by_year": summary.counts_by_year.rows,
                "counts_by_type": summary.counts_by_type.rows,
                "agreements": entities.AgreementSerializer(
                    summary.agreements.prefetch_related(
                        "status_changes__party", "status_changes__source"
                    ),
                    many=True,
                    context=context,
                ).data,
                "latest_events": EventReader(request).read(latest.newest_first()),
                "statements": entities.StatementSerializer(
                    summary.statements[:RELATION_STATEMENTS], many=True, context=context
                ).data,
                "timeline_url": request.build_absolute_uri(f"/timeline/relations/{pair}/"),
            }
        )
