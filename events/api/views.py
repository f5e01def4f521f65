"""API views. Thin: filtering is events/filters.py's, counting events/selectors.py's,
writes events/services', an event's representation events/projection.py's; conditional
GETs and Cache-Control are edge's."""

from functools import wraps

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.utils.decorators import method_decorator
from django.views.decorators.http import condition
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from edge.conditional import cache_control, conditional_on_revision, version_etag
from events.api import entities
from events.api.events import EventInputSerializer, EventSerializer, api_errors
from events.api.exports import (
    EXPORT_FIELDS,
    EXPORT_RENDERERS,
    EXPORTS,
    CSVRenderer,
    JSONErrorsMixin,
    participants_csv_export,
)
from events.api.fields import FIELDS_PARAMETER as RECORD_FIELDS
from events.api.fields import FieldsMixin, chosen_fields, only
from events.api.pagination import (
    PAGE_SIZE_HELP,
    BoundedPageNumberPagination,
    EventPagination,
    KeysetPagination,
)
from events.api.parameters import CheckedFilterBackend, check_query_parameters
from events.api.permissions import ReadOnly
from events.api.renderers import JSONParser
from events.duplicates import likely_duplicate, proposed_of
from events.filters import (
    UPDATE_ORDERINGS,
    AgreementFilter,
    CountryFilter,
    EventFilter,
    EventListFilter,
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
    Participant,
    Source,
    Statement,
    Topic,
)
from events.projection import (
    FIELDS,
    PARTICIPANT_COLUMNS,
    EventReader,
    ParticipantReader,
    ParticipantRowSerializer,
    UnknownFields,
    iso_timestamp,
    parse_fields,
)
from events.selectors import (
    DIMENSIONS,
    TIME_BUCKETS,
    TooManyRows,
    dimensions_of,
    event_table,
    relation_summary,
)
from events.services import InUse, event_change, event_create, event_update, record_delete

EXPORT_FORMAT = OpenApiParameter(
    "format",
    str,
    enum=["json", *EXPORTS],
    description="json (paginated), or an export of every matching event: csv, ics, "
    "timelinejs, geojson, plover (JSON Lines).",
)
FIELDS_PARAMETER = OpenApiParameter(
    "fields",
    {"type": "array", "items": {"type": "string", "enum": list(FIELDS)}},
    style="form",
    explode=False,
    description="Comma-separated fields to return (default: all), e.g. "
    "id,title,date_label,countries,participants. With an export, its columns (csv), "
    "properties (geojson) or keys (plover); ics and timelinejs have a fixed shape (400).",
)
EXPORT_CHUNK = 500

read_conditional = method_decorator(conditional_on_revision)


def event_links(request) -> dict[str, str]:
    """URL templates of the links an event carries ("{id}" for its public id): built once
    per request, so a page of links costs string formatting, not URL resolution."""
    placeholder = "00000000-0000-0000-0000-000000000000"
    detail = reverse("api:event-detail", args=[placeholder], request=request)
    timeline = request.build_absolute_uri(f"/timeline/events/{placeholder}/")
    return {
        "url": detail.replace(placeholder, "{id}"),
        "timeline_url": timeline.replace(placeholder, "{id}"),
    }


def read_all(queryset, reader, newest_first: bool):
    """Every row of `queryset` (ordered, with after()), read by `reader` a chunk at a time
    from the last key read, so that memory stays flat and no chunk costs an OFFSET."""
    page = queryset
    while True:
        chunk = reader.read(page[:EXPORT_CHUNK])
        yield from chunk
        if len(chunk) < EXPORT_CHUNK:
            return
        page = queryset.after(reader.keys[-1], newest_first=newest_first)


def read_all_by_update(queryset, reader, latest_first: bool):
    """read_all for events in the order they changed: each chunk starts after the last
    event read's (updated_at, pk), looked up by its key (one row's read a chunk)."""
    page = queryset
    while True:
        chunk = reader.read(page[:EXPORT_CHUNK])
        yield from chunk
        if len(chunk) < EXPORT_CHUNK:
            return
        last_pk = reader.keys[-1][-1]
        key = Event.objects.filter(pk=last_pk).values_list("updated_at", "pk").get()
        page = queryset.updated_after(key, latest_first=latest_first)


def streamed(lines, content_type: str, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(lines, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class FilterSetBackend(CheckedFilterBackend):
    """django-filter's backend, keeping the filter set on the view: pages count from the
    tallies when the filters allow (events.selectors.event_total)."""

    def get_filterset(self, request, queryset, view):
        view.filterset = super().get_filterset(request, queryset, view)
        return view.filterset


class LocatedCreateMixin(mixins.CreateModelMixin):
    """Creates as DRF does, answering the created record's API URL as `Location` (DRF's
    own takes the body's `url`, which for a source is the article's)."""

    def perform_create(self, serializer):
        self.created = serializer.save()

    def get_success_headers(self, data):
        kwarg = self.lookup_url_kwarg or self.lookup_field
        value = getattr(self.created, self.lookup_field)
        url = reverse(f"api:{self.basename}-detail", kwargs={kwarg: value}, request=self.request)
        return {"Location": url}


class InUseConflict(ValidationError):
    status_code = status.HTTP_409_CONFLICT


LIKELY_DUPLICATE_SCHEMA = {
    "type": "object",
    "properties": {
        "detail": {"type": "string"},
        "likely_duplicate": {
            "type": "object",
            "properties": {
                "id": {"type": "string", "format": "uuid"},
                "url": {"type": "string", "format": "uri"},
                "title": {"type": "string"},
                "date_label": {"type": "string"},
            },
        },
    },
}


class ServiceDestroyMixin(mixins.DestroyModelMixin):
    """Deletes through events.services; a record others depend on is kept: 409 with the
    reason, nothing lost."""

    def perform_destroy(self, instance):
        try:
            record_delete(instance)
        except InUse as error:
            raise InUseConflict({"detail": error.messages[0]}) from None


class DeletedFeedMixin:
    """`deleted/?since=<time>`: records removed since then (not those restored since), for
    clients that sync with `updated_since`."""

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "since", OpenApiTypes.DATETIME, description="Deleted at or after this time."
            )
        ],
        responses=inline_serializer(
            "DeletedRecord",
            {"id": serializers.UUIDField(), "deleted_at": serializers.DateTimeField()},
            many=True,
        ),
        filters=False,
    )
    @action(
        detail=False,
        methods=["get"],
        filterset_class=None,
        pagination_class=BoundedPageNumberPagination,
    )
    def deleted(self, request, *args, **kwargs):
        model = self.get_queryset().model
        removed = model.history.filter(history_type="-")
        if "since" in request.query_params:
            field = serializers.DateTimeField()
            try:
                since = field.to_internal_value(request.query_params["since"])
            except serializers.ValidationError as error:
                raise ValidationError({"since": error.detail}) from None
            removed = removed.filter(history_date__gte=since)
        removed = removed.exclude(public_id__in=model.objects.values("public_id"))
        rows = self.paginate_queryset(removed.order_by("history_date", "history_id"))
        return self.get_paginated_response(
            [
                {"id": str(r.public_id), "deleted_at": iso_timestamp(r.history_date.isoformat())}
                for r in rows
            ]
        )


def _event_version(request, public_id=None, **kwargs):
    """The event's version (its updated_at, which moves whenever anything it shows
    changes), as its ETag: a GET gives it, a write's If-Match must match it."""
    if public_id is None:
        return None
    version = _event_modified(request, public_id)
    # As the body writes its updated_at, which a create's ETag is made from.
    return version_etag(iso_timestamp(version.isoformat()), request) if version else None


def _event_modified(request, public_id=None, **kwargs):
    """The event's updated_at, or None when there is no such event (the view says 404)."""
    events = Event.objects.by_reference(public_id or "", slug_field=None)
    return events.values_list("updated_at", flat=True).first()


STALE_VERSION = (
    "The event changed since the version your If-Match or If-Unmodified-Since names: read "
    "it again (GET gives its current ETag) and resend the change."
)


def _versioned(view):
    """Django's conditional processing on the event's version, with its bodiless 412 given
    a JSON body like every other API error."""
    conditional = condition(etag_func=_event_version, last_modified_func=_event_modified)(view)

    @wraps(view)
    def answer(request, *args, **kwargs):
        response = conditional(request, *args, **kwargs)
        if response.status_code == status.HTTP_412_PRECONDITION_FAILED:
            return JsonResponse({"detail": STALE_VERSION}, status=response.status_code)
        return response

    return answer


versioned = method_decorator(_versioned)


@extend_schema_view(
    list=extend_schema(parameters=[EXPORT_FORMAT, FIELDS_PARAMETER], responses=EventSerializer),
    retrieve=extend_schema(parameters=[FIELDS_PARAMETER], responses=EventSerializer),
    create=extend_schema(
        request=EventInputSerializer,
        responses={
            201: EventSerializer,
            409: OpenApiResponse(
                LIKELY_DUPLICATE_SCHEMA,
                description="The event looks like one already recorded (overlapping date, "
                "and the same countries with a similar title, or the same participants): "
                'nothing is saved. Send it again with `"confirm_new": true` if it is new.',
            ),
        },
    ),
    update=extend_schema(request=EventInputSerializer, responses=EventSerializer),
    partial_update=extend_schema(request=EventInputSerializer, responses=EventSerializer),
)
class EventViewSet(JSONErrorsMixin, DeletedFeedMixin, ServiceDestroyMixin, viewsets.GenericViewSet):
    """Events, newest first, filtered as the timeline is (country, official, type, topic,
    date range, text, ...). Writes take participants and sources nested, in one transaction.

    Pages: `page` and `page_size` (with a total `count`), or `cursor` (empty for the first
    page; each response gives the `next` one) for deep or incremental reads at constant
    cost. `fields=id,title,date_label,participants` returns only those fields."""

    queryset = Event.objects.all()
    serializer_class = EventSerializer
    filterset_class = EventListFilter
    filter_backends = [FilterSetBackend]
    pagination_class = EventPagination
    lookup_field = "public_id"
    # Read by the view itself, besides filters and pages (events.api.parameters).
    query_parameters = ("fields",)
    # Writes are nested documents: JSON only.
    parser_classes = [JSONParser]

    def get_renderers(self):
        renderers = super().get_renderers()
        if self.action == "list":
            renderers += [renderer() for renderer in EXPORT_RENDERERS]
        return renderers

    def get_serializer_class(self):
        if self.action in ("create", "update", "partial_update"):
            return EventInputSerializer
        return EventSerializer

    def reader(self, all_fields: bool = False) -> EventReader:
        try:
            fields = None if all_fields else parse_fields(self.request.query_params.get("fields"))
        except UnknownFields as error:
            raise ValidationError({"fields": [str(error)]}) from None
        return EventReader(fields, event_links(self.request))

    def read_one(self, event: Event, all_fields: bool = True) -> dict:
        return self.reader(all_fields).read(Event.objects.filter(pk=event.pk))[0]

    @read_conditional
    def list(self, request, *args, **kwargs):
        events = self.filter_queryset(self.get_queryset())
        export = EXPORTS.get(request.accepted_renderer.format)
        if export:
            return self.export(events, *export)
        if self._by_update() and "cursor" in request.query_params:
            # A cursor carries an event's place in the date order.
            raise ValidationError(
                {
                    "cursor": [
                        "Cursors follow the date order (ordering=date or -date); with "
                        "ordering=updated_at, page with page= (or sync with updated_since)."
                    ]
                }
            )
        return self.get_paginated_response(self.paginate_queryset(events))

    def export(self, events, writer, content_type, filename):
        reader = self.reader(all_fields=True)
        writer = self._narrowed(writer)
        if self._by_update():
            latest_first = self.request.query_params["ordering"].startswith("-")
            rows = read_all_by_update(events, reader, latest_first)
        else:
            rows = read_all(events, reader, self._newest_first())
        return streamed(writer(rows), content_type, filename)

    def _narrowed(self, writer):
        """The export's writer, writing only the `fields=` asked for."""
        raw = self.request.query_params.get("fields")
        export_format = self.request.accepted_renderer.format
        if raw is None:
            return writer
        if export_format not in EXPORT_FIELDS:
            formats = ", ".join(["json", *EXPORT_FIELDS])
            raise ValidationError(
                {"fields": [f"{export_format} has a fixed shape; fields= applies to {formats}."]}
            )
        names = chosen_fields(raw, EXPORT_FIELDS[export_format])
        return lambda rows: writer(rows, names)

    def _by_update(self) -> bool:
        return self.request.query_params.get("ordering") in UPDATE_ORDERINGS

    def _newest_first(self) -> bool:
        return self.request.query_params.get("ordering") != "date"

    @versioned
    def retrieve(self, request, *args, **kwargs):
        event = self.get_object()
        response = Response(self.reader().read(Event.objects.filter(pk=event.pk))[0])
        cache_control(response)
        return response

    def create(self, request, *args, **kwargs):
        serializer = EventInputSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        spec = serializer.to_spec()
        if not serializer.validated_data.get("confirm_new"):
            self._refuse_likely_duplicate(spec)
        event = self._write(lambda: event_create(spec))
        body = self.read_one(event)
        headers = {
            "Location": body["url"],
            "ETag": f'"{version_etag(body["updated_at"], request)}"',
        }
        return Response(body, status=status.HTTP_201_CREATED, headers=headers)

    def _refuse_likely_duplicate(self, spec) -> None:
        """409 naming the stored event `spec` probably repeats (events.duplicates)."""
        likely = likely_duplicate(proposed_of(spec))
        if likely is None:
            return
        shown = self.read_one(likely)
        raise InUseConflict(
            {
                "detail": "This event looks like one already recorded (overlapping date, "
                "and the same countries with a similar title, or the same participants). "
                'Nothing was saved; send "confirm_new": true if it is a different event.',
                "likely_duplicate": {
                    name: shown[name] for name in ("id", "url", "title", "date_label")
                },
            }
        )

    @versioned
    def update(self, request, *args, partial=False, **kwargs):
        event = self.get_object()
        if not isinstance(request.data, dict):
            raise ValidationError({"non_field_errors": ["Send a JSON object."]})
        serializer = EventInputSerializer(
            event, data=request.data, partial=partial, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        if partial:
            saved = self._write(lambda: event_change(event, **serializer.spec_values()))
        else:
            saved = self._write(lambda: event_update(event, serializer.to_spec()))
        body = self.read_one(saved)
        return Response(body, headers={"ETag": f'"{version_etag(body["updated_at"], request)}"'})

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    @versioned
    def destroy(self, request, *args, **kwargs):
        return super().destroy(request, *args, **kwargs)

    @staticmethod
    def _write(service):
        try:
            return service()
        except DjangoValidationError as error:
            raise ValidationError(api_errors(error)) from None


class ParticipantPagination(KeysetPagination):
    """Keyset pages only (`cursor` may be left out for the first page): a participants'
    list is read to the end, not jumped into, so it needs no total count."""

    def get_schema_operation_parameters(self, view):
        size = PAGE_SIZE_HELP.format(most=settings.API_MAX_PAGE_SIZE, default=self.page_size)
        return [
            {
                "name": "cursor",
                "required": False,
                "in": "query",
                "description": "Empty or absent for the first page, then the `next` link's value.",
                "schema": {"type": "string"},
            },
            {
                "name": "page_size",
                "required": False,
                "in": "query",
                "description": size,
                "schema": {"type": "integer", "minimum": 1, "maximum": settings.API_MAX_PAGE_SIZE},
            },
        ]


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter(
                "format",
                str,
                enum=["json", "csv"],
                description="json (keyset pages), or csv: every matching participant.",
            ),
            RECORD_FIELDS,
        ],
        responses=ParticipantRowSerializer,
    )
)
class ParticipantViewSet(JSONErrorsMixin, viewsets.GenericViewSet):
    """One row per participant of the events the event filters match (country,
    country_any, official, type, date range, ...): the event, its date, the official,
    the post held that day, the country, the organization and the role. In the events'
    order (`ordering`), then as entered; `?format=csv` exports every row."""

    # The filters select events (the filter set's model); the rows are their participants.
    queryset = Event.objects.all()
    serializer_class = ParticipantRowSerializer
    filterset_class = EventFilter
    filter_backends = [FilterSetBackend]
    pagination_class = ParticipantPagination
    permission_classes = [ReadOnly]

    query_parameters = ("fields",)

    def get_renderers(self):
        return [*super().get_renderers(), CSVRenderer()]

    def reader(self) -> ParticipantReader:
        return ParticipantReader()

    @read_conditional
    def list(self, request, *args, **kwargs):
        events = self.filter_queryset(self.get_queryset())
        names = chosen_fields(request.query_params.get("fields"), PARTICIPANT_COLUMNS)
        newest_first = request.query_params.get("ordering") != "date"
        participants = Participant.objects.of_events(events)
        participants = participants.newest_first() if newest_first else participants.chronological()
        if request.accepted_renderer.format == "csv":
            rows = read_all(participants, self.reader(), newest_first)
            return streamed(
                participants_csv_export(rows, names), "text/csv; charset=utf-8", "participants.csv"
            )
        rows = self.paginate_queryset(participants)
        return self.get_paginated_response(list(only(rows, names)))


@extend_schema_view(
    list=extend_schema(parameters=[RECORD_FIELDS]),
    retrieve=extend_schema(parameters=[RECORD_FIELDS]),
)
@method_decorator(conditional_on_revision, name="list")
@method_decorator(conditional_on_revision, name="retrieve")
class RecordViewSet(
    FieldsMixin,
    DeletedFeedMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    LocatedCreateMixin,
    mixins.UpdateModelMixin,
    ServiceDestroyMixin,
    viewsets.GenericViewSet,
):
    """A kind of record around events: list, detail and editors' writes (through the
    serializers, which write through events.services), by public id."""

    lookup_field = "public_id"


@extend_schema_view(
    list=extend_schema(parameters=[RECORD_FIELDS]),
    retrieve=extend_schema(parameters=[RECORD_FIELDS]),
)
@method_decorator(conditional_on_revision, name="list")
@method_decorator(conditional_on_revision, name="retrieve")
class CountryViewSet(
    FieldsMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    LocatedCreateMixin,
    mixins.UpdateModelMixin,
    ServiceDestroyMixin,
    viewsets.GenericViewSet,
):
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


@extend_schema_view(
    list=extend_schema(parameters=[RECORD_FIELDS]),
    retrieve=extend_schema(parameters=[RECORD_FIELDS]),
)
@method_decorator(conditional_on_revision, name="list")
@method_decorator(conditional_on_revision, name="retrieve")
class TopicViewSet(
    FieldsMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    LocatedCreateMixin,
    mixins.UpdateModelMixin,
    ServiceDestroyMixin,
    viewsets.GenericViewSet,
):
    """What events are about; a topic given to events is not deleted (409)."""

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
    key = serializers.CharField(help_text="2024-W43, 2024-10, 2024-Q4, 2024, visit, UA or IN-UA")
    count = serializers.IntegerField()


COUNT_ROW_SCHEMA = {
    "type": "object",
    "title": "One dimension",
    "properties": {
        "key": {"type": "string", "example": "2024-10"},
        "count": {"type": "integer"},
    },
    "required": ["key", "count"],
}
TABLE_ROW_SCHEMA = {
    "type": "object",
    "title": "Two dimensions",
    "description": "A property per dimension, named as in group_by, and the count: "
    '{"month": "2024-10", "type": "visit", "count": 2}.',
    "properties": {"count": {"type": "integer"}},
    "required": ["count"],
    "additionalProperties": {"type": "string"},
}


# anyOf: a one-dimension row is also a valid two-dimension one (a string property and count).
@extend_schema_field({"anyOf": [COUNT_ROW_SCHEMA, TABLE_ROW_SCHEMA]})
class StatsRowField(serializers.DictField):
    """A row of /api/stats/events/: its shape follows the number of dimensions."""


class StatsParameters(serializers.Serializer):
    """The query parameters of /api/stats/events/ besides the event filters."""

    group_by = serializers.CharField(
        help_text="One or two of week, month, quarter, year, type, country, pair, "
        "comma-separated (at most one period; not country with pair): month, "
        "month,type, year,pair. An event counts in a period when its whole date range "
        "lies in it (weeks are ISO weeks: 2024-W43)."
    )
    fill = serializers.ChoiceField(
        choices=["zero"],
        required=False,
        help_text="zero: with a period in group_by, a row for every period of the "
        "filtered date range (date_after to date_before; an open side ends at the first or "
        "last period with events), and for two dimensions for every period and value, "
        "with count 0 where no event is counted.",
    )

    def validate_group_by(self, value):
        try:
            return dimensions_of(value)
        except ValueError as error:
            raise serializers.ValidationError(str(error)) from None

    def validate(self, data):
        if data.get("fill") and not set(data["group_by"]) & set(TIME_BUCKETS):
            raise ValidationError({"fill": ["fill=zero needs a period in group_by."]})
        return data


class EventStats(serializers.Serializer):
    group_by = serializers.CharField(help_text="As asked: month, or month,type.")
    dimensions = serializers.ListField(
        child=serializers.ChoiceField(choices=DIMENSIONS),
        help_text="group_by's dimensions, in order.",
    )
    total = serializers.IntegerField(help_text="Events matching the filters.")
    wider_than_period = serializers.IntegerField(
        help_text="With a period: events whose date range spans more than one period "
        "(not in the results)."
    )
    results = serializers.ListField(
        child=StatsRowField(),
        help_text="One dimension: {key, count} rows. Two: a property per dimension and "
        "count. With a period, newest first; otherwise most frequent first.",
    )


class EventStatsView(APIView):
    """Event counts for charts, with the event list's filters: by one or two dimensions,
    zero-filled on request."""

    permission_classes = [ReadOnly]
    filterset_class = EventFilter
    # The schema reads the event filters from these (filters=True: they are this view's
    # parameters too).
    queryset = Event.objects.all()
    filter_backends = [FilterSetBackend]
    query_parameters = ("group_by", "fill")

    @extend_schema(
        parameters=[
            StatsParameters,
            # One comma-separated value: the serializer's field would read as a string.
            OpenApiParameter(
                "group_by",
                {
                    "type": "array",
                    "items": {"type": "string", "enum": list(DIMENSIONS)},
                    "minItems": 1,
                    "maxItems": 2,
                    "uniqueItems": True,
                },
                required=True,
                style="form",
                explode=False,
                description=StatsParameters().fields["group_by"].help_text,
            ),
        ],
        responses=EventStats,
        filters=True,
    )
    @read_conditional
    def get(self, request):
        asked = StatsParameters(data=request.query_params)
        asked.is_valid(raise_exception=True)
        dimensions, fill = asked.validated_data["group_by"], "fill" in asked.validated_data
        events = FilterSetBackend().filter_queryset(request, self.queryset.all(), self)
        filters = self.filterset.form.cleaned_data
        span = (filters.get("date_after"), filters.get("date_before"))
        try:
            table = event_table(events, dimensions, filters, fill=fill, span=span)
        except TooManyRows as error:
            raise ValidationError({"fill": [str(error)]}) from None
        if len(dimensions) == 1:
            results = [{"key": keys[0], "count": count} for keys, count in table.rows]
        else:
            results = [
                {**dict(zip(dimensions, keys, strict=True)), "count": n} for keys, n in table.rows
            ]
        return Response(
            {
                "group_by": ",".join(dimensions),
                "dimensions": list(dimensions),
                "total": table.total,
                "wider_than_period": table.wider_than_period,
                "results": results,
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


# The newest quotes and events of a relation; the rest are a query away.
RELATION_STATEMENTS = 20
RELATION_LATEST = 5


class RelationView(APIView):
    """What two countries did together: counts by year and type, agreements and their
    status, the latest events and quotes. The event filters narrow the shared events
    (`?date_after=2024&type=visit`), and the counts, events and quotes with them; a
    `country=` names further countries every event must also involve."""

    permission_classes = [ReadOnly]
    filterset_class = EventFilter
    # The schema reads the event filters from these (filters=True).
    queryset = Event.objects.all()
    filter_backends = [FilterSetBackend]

    @extend_schema(responses=RelationSummarySerializer, filters=True)
    @read_conditional
    def get(self, request, first, second):
        check_query_parameters(request, self, EventFilter)
        a, b = Country.objects.by_code(first).first(), Country.objects.by_code(second).first()
        if a is None or b is None:
            raise Http404("Unknown country code.")
        if a == b:
            raise ValidationError({"countries": ["Name two different countries."]})
        summary = relation_summary(a, b, *self.filtered_events(request, a, b))
        pair = "-".join(sorted([a.iso_alpha2, b.iso_alpha2]))
        context = {"request": request}
        reader = EventReader(links=event_links(request))
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
                "latest_events": reader.read(summary.events.newest_first()[:RELATION_LATEST]),
                "statements": entities.StatementSerializer(
                    summary.statements[:RELATION_STATEMENTS], many=True, context=context
                ).data,
                "timeline_url": request.build_absolute_uri(f"/timeline/relations/{pair}/"),
            }
        )

    def filtered_events(self, request, a: Country, b: Country):
        """The events of both countries matching the request's event filters, and the
        filters' cleaned values (which let the counts come from the tallies)."""
        data = request.query_params.copy()
        data.setlist("country", [a.iso_alpha2, b.iso_alpha2, *data.getlist("country")])
        event_filter = EventFilter(data, queryset=self.queryset.all(), request=request)
        if not event_filter.is_valid():
            raise ValidationError(event_filter.errors)
        return event_filter.qs, event_filter.form.cleaned_data
