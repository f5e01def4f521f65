"""The OpenAPI schema says what the API does (events.api.schema): reads open, every error
an operation can answer listed with its JSON body, parameters with their real shapes and
bounds, every field of an event described."""

import pytest
from django.conf import settings
from drf_spectacular.generators import SchemaGenerator

from events.projection import FIELDS

METHODS = ("get", "post", "put", "patch", "delete")


def generated():
    return SchemaGenerator().get_schema(request=None, public=True)


def operations(schema):
    for path, item in schema["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def parameter(schema, path, name):
    found = [p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == name]
    assert found, name
    return found[0]


def test_reads_are_open_and_writes_need_credentials():
    for path, method, operation in operations(generated()):
        if method == "get":
            assert "security" not in operation, path
        else:
            assert operation["security"], (method, path)
            assert {} not in operation["security"], (method, path)


def test_reads_need_credentials_when_the_deployment_says_so(settings):
    settings.READ_REQUIRES_LOGIN = True
    for path, method, operation in operations(generated()):
        assert operation["security"] and {} not in operation["security"], (method, path)
        assert "403" in operation["responses"], (method, path)


def test_every_operation_lists_its_errors_with_json_bodies():
    schema = generated()
    for path, method, operation in operations(schema):
        codes = set(operation["responses"])
        assert {"400", "401", "406", "429", "503"} <= codes, (method, path)
        if method != "get":
            assert {"403", "409"} <= codes, (method, path)
        if method in ("post", "put", "patch"):
            assert {"413", "415"} <= codes, (method, path)
        if method in ("put", "patch", "delete") and "{" in path:
            assert "412" in codes, (method, path)
        if "{" in path:
            assert "404" in codes, (method, path)
        for code in codes - {"200", "201", "204", "304"}:
            content = operation["responses"][code]["content"]
            assert list(content) == ["application/json"], (method, path, code)
    assert schema["components"]["schemas"]["Error"]["required"] == ["detail"]


def test_exports_are_described_with_their_media_types():
    content = generated()["paths"]["/api/events/"]["get"]["responses"]["200"]["content"]
    assert {"application/json", "text/csv", "text/calendar", "application/x-ndjson"} <= set(content)


def test_parameters_carry_their_shapes_and_bounds():
    schema = generated()
    topic = parameter(schema, "/api/events/", "topic")
    assert topic["schema"] == {"type": "array", "items": {"type": "string", "example": "trade"}}
    assert topic["description"]
    fields = parameter(schema, "/api/events/", "fields")
    assert fields["schema"]["items"]["enum"] == list(FIELDS)
    assert fields["explode"] is False
    page_size = parameter(schema, "/api/events/", "page_size")["schema"]
    assert (page_size["minimum"], page_size["maximum"]) == (1, settings.API_MAX_PAGE_SIZE)
    assert parameter(schema, "/api/events/", "page")["schema"]["minimum"] == 1
    group_by = parameter(schema, "/api/stats/events/", "group_by")
    assert group_by["required"] and group_by["explode"] is False
    assert (group_by["schema"]["minItems"], group_by["schema"]["maxItems"]) == (1, 2)
    # The stats take the event filters.
    names = {p["name"] for p in schema["paths"]["/api/stats/events/"]["get"]["parameters"]}
    assert {"country", "country_any", "type", "topic", "date_after", "q"} <= names
    precision = parameter(schema, "/api/events/", "precision")["schema"]["items"]
    assert precision["type"] == "string" and "day_range" in precision["enum"]


@pytest.mark.parametrize(
    "component",
    ["Event", "Participant", "ParticipantRow", "EventInputRequest", "ParticipantWriteRequest"],
)
def test_every_field_of_an_event_and_a_participant_is_described(component):
    properties = generated()["components"]["schemas"][component]["properties"]
    assert [name for name, field in properties.items() if not field.get("description")] == []


def test_bounded_fields_carry_their_bounds():
    event = generated()["components"]["schemas"]["EventInputRequest"]["properties"]
    assert event["participants"]["maxItems"] == 500
    assert event["countries"]["maxItems"] == 300
    assert event["summary"]["maxLength"] == 10_000
