"""Oversized or malformed requests are refused with a 4xx that says why."""

import json

import pytest

from access.models import ApiToken
from events.models import Event
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_token_client(client):
    _, key = ApiToken.issue(factories.editor(), "script", ApiToken.Scope.WRITE)
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
    return client


def test_an_oversized_body_is_a_400_saying_so(editor_token_client):
    body = json.dumps({"title": "x" * 3_000_000, "type": "meeting", "date": "2024"})
    response = editor_token_client.post("/api/events/", body, content_type="application/json")
    assert response.status_code == 400
    assert "too large" in response.json()["detail"]
    assert Event.objects.count() == 0


def test_an_oversized_page_is_a_400_naming_page_size(client):
    response = client.get("/api/events/", {"page_size": 100_000})
    assert response.status_code == 400
    assert "page_size" in response.json()


def test_malformed_json_is_a_400(editor_token_client):
    response = editor_token_client.post(
        "/api/events/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert "JSON" in response.json()["detail"]
