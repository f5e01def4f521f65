"""POST /api/events/batch/: a pipeline's day of events in one call, safe to send again.
Each event is upserted by its `external_id` (events.services.upserts) in a transaction of
its own, so one bad event is reported with its field errors and the others are written;
sending the same batch again reports them `unchanged` and changes nothing."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from events.api.events import EventInputSerializer, api_errors
from events.api.parameters import check_query_parameters
from events.api.renderers import JSONParser
from events.api.views import event_links
from events.models import Event
from events.services import event_upsert

# A batch is written inside one request: the bound keeps a request to seconds, and a
# day's events of a busy feed (a few hundred) to one call.
MAX_BATCH = 500


class BatchResult(serializers.Serializer):
    index = serializers.IntegerField(help_text="The event's place in the batch, from 0.")
    external_id = serializers.CharField(allow_blank=True)
    status = serializers.ChoiceField(choices=["created", "updated", "unchanged", "error"])
    id = serializers.UUIDField(required=False, help_text="The event's public id (not on error).")
    url = serializers.URLField(required=False)
    errors = serializers.DictField(
        required=False, help_text="On error: field errors, as a single write's 400 gives them."
    )


class EventBatchView(APIView):
    """Upsert up to 500 events by `external_id`: `{"events": [<event as POST /api/events/
    takes, with external_id>, ...]}`. The answer (200) has one result per event, in order:
    created, updated, unchanged, or error with its field errors (that event is not
    written; the others are). A batch that is not a list of 1 to 500 objects is a 400."""

    parser_classes = [JSONParser]
    # Editors' model permissions are checked on the events the batch writes.
    queryset = Event.objects.all()

    @extend_schema(
        request=inline_serializer(
            "EventBatch", {"events": EventInputSerializer(many=True, max_length=MAX_BATCH)}
        ),
        responses=inline_serializer(
            "EventBatchResults",
            {
                "results": BatchResult(many=True),
                "counts": serializers.DictField(
                    child=serializers.IntegerField(),
                    help_text="Results by status: {created, updated, unchanged, error}.",
                ),
            },
        ),
    )
    def post(self, request):
        check_query_parameters(request, self, None)
        items = self._items(request.data)
        links = event_links(request)
        results = [self._upsert(index, item, links) for index, item in enumerate(items)]
        counts = dict.fromkeys(("created", "updated", "unchanged", "error"), 0)
        for result in results:
            counts[result["status"]] += 1
        return Response({"results": results, "counts": counts})

    @staticmethod
    def _items(data) -> list:
        if not isinstance(data, dict) or not isinstance(data.get("events"), list):
            raise ValidationError({"events": ['Send {"events": [...]}: a list of events.']})
        items = data["events"]
        if not items:
            raise ValidationError({"events": ["Send at least one event."]})
        if len(items) > MAX_BATCH:
            raise ValidationError(
                {"events": [f"At most {MAX_BATCH} events a batch; this one has {len(items)}."]}
            )
        return items

    def _upsert(self, index, item, links) -> dict:
        external_id = item.get("external_id") if isinstance(item, dict) else None
        result = {
            "index": index,
            "external_id": external_id if isinstance(external_id, str) else "",
        }
        if not isinstance(item, dict):
            return {
                **result,
                "status": "error",
                "errors": {"non_field_errors": ["Send an object."]},
            }
        if not isinstance(external_id, str) or not external_id.strip():
            errors = {"external_id": ["Each event of a batch needs its external_id."]}
            return {**result, "status": "error", "errors": errors}
        stored = Event.objects.filter(external_id=external_id).first()
        serializer = EventInputSerializer(stored, data=item, context={"request": self.request})
        if not serializer.is_valid():
            return {**result, "status": "error", "errors": serializer.errors}
        try:
            event, outcome = event_upsert(serializer.to_spec())
        except DjangoValidationError as error:
            return {**result, "status": "error", "errors": api_errors(error)}
        public_id = str(event.public_id)
        return {
            **result,
            "status": str(outcome),
            "id": public_id,
            "url": links["url"].replace("{id}", public_id),
        }
