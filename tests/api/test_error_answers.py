"""Every answer under /api/ is JSON, including the ones for paths and formats it lacks, and
a write sent to a path without its slash is not lost."""

import pytest

from events.models import Event

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/api/nothing-here/", "/api/events/a/b/c/", "/api/eventz"])
def test_an_unknown_api_path_is_a_json_404(api, path):
    response = api.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "No API endpoint" in response.json()["detail"]


def test_a_write_without_the_slash_is_sent_on_with_its_method(editor_api):
    body = {"title": "Talks in Geneva", "type": "meeting", "date": "2024-05-02"}
    response = editor_api.post("/api/events?dry=1", body, format="json")
    # 308, not Django's 301: clients repeat a 308 with the same method and body.
    assert response.status_code == 308
    assert response["Location"] == "/api/events/?dry=1"
    assert Event.objects.count() == 0
    assert editor_api.post("/api/events/", body, format="json").status_code == 201


def test_a_read_without_the_slash_is_sent_on(api):
    response = api.get("/api/countries")
    assert response.status_code == 308
    assert response["Location"] == "/api/countries/"


def test_an_unknown_format_is_a_406_naming_the_formats(api):
    response = api.get("/api/events/", {"format": "xml"})
    assert response.status_code == 406
    assert response["Content-Type"] == "application/json"
    detail = response.json()["detail"]
    assert "'xml'" in detail and "json" in detail and "csv" in detail
