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


@pytest.mark.parametrize(
    "path", ["/api/relations/IN/UA/", "/api/stats/events/", "/api/participants/"]
)
@pytest.mark.parametrize("method", ["post", "delete", "trace"])
def test_a_method_a_read_only_endpoint_lacks_is_a_405(api, path, method):
    response = getattr(api, method)(path)
    # Not a 401: no credentials would make it work.
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    ("factory", "path"),
    [
        ("OfficialFactory", "/api/officials/{0.public_id}/"),
        ("OrganizationFactory", "/api/organizations/{0.public_id}/"),
        ("CountryFactory", "/api/countries/{0.iso_alpha2}/"),
        ("SourceFactory", "/api/sources/{0.public_id}/"),
        ("TopicFactory", "/api/topics/{0.slug}/"),
    ],
)
def test_a_record_nothing_depends_on_is_deleted(editor_api, factory, path):
    """A 500 once: the name-change effect compared the deleted row with nothing."""
    from tests import factories

    record = getattr(factories, factory)()
    assert editor_api.delete(path.format(record)).status_code == 204
    assert not type(record).objects.filter(pk=record.pk).exists()
