"""Caching at the edge (edge.conditional): every read carries an ETag of the data's
revision, a client holding it gets 304 without the page being read, any change shows at
once, and records' detail pages carry their own version, which guards writes (412)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from events.models import Event, EventCountry, Official
from tests import factories
from tests.writes import save

pytestmark = pytest.mark.usefixtures("seeded")

MODI_VISIT = "091ce69b-02c8-50a9-9e14-1dfd8f9d6b00"
PAGES = [
    "/api/events/?country=IN&fields=id,title,participants",
    "/api/events/?cursor=&type=visit",
    "/api/stats/events/?group_by=month",
    "/api/relations/IN/UA/",
    "/api/officials/",
    "/timeline/?country=UA",
    "/timeline/countries/IN/",
    "/timeline/relations/IN-UA/",
    f"/timeline/events/{MODI_VISIT}/",
]


def get(client, path, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **headers)
    return response, queries


@pytest.mark.parametrize("path", PAGES)
def test_a_client_holding_the_page_gets_304_until_the_data_changes(client, path):
    first = client.get(path)
    assert first.status_code == 200
    etag = first["ETag"]
    unchanged, queries = get(client, path, HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    # Only the revision is read: nothing of the page.
    assert [q["sql"] for q in queries if "events_revision" not in q["sql"]] == []

    modi = Official.objects.get(slug="narendra-modi")
    save(modi, name="Narendra Damodardas Modi")
    changed = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


@pytest.mark.parametrize("path", PAGES)
def test_caches_in_front_may_keep_a_read_but_must_revalidate_it(client, path):
    response = client.get(path)
    assert response["Cache-Control"] == "public, no-cache"


def test_reads_that_need_a_login_are_private(client, settings):
    settings.READ_REQUIRES_LOGIN = True
    client.force_login(factories.analyst())
    response = client.get("/timeline/")
    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_a_new_event_shows_at_once_on_the_api_and_the_timeline(client):
    api, timeline = "/api/events/?country=IN&fields=id,title", "/timeline/?country=IN"
    etags = client.get(api)["ETag"], client.get(timeline)["ETag"]
    event = factories.EventFactory(title="Modi meets the Kenyan president")
    save(EventCountry(event=event, country=factories.CountryFactory(iso_alpha2="IN")))
    for path, etag in zip((api, timeline), etags, strict=True):
        response = client.get(path, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 200
        assert "Modi meets the Kenyan president" in response.content.decode()


def test_a_command_line_import_shows_at_once(client, tmp_path):
    from django.core.management import call_command

    etag = client.get("/timeline/")["ETag"]
    path = tmp_path / "events.csv"
    path.write_text("external_id,date,type,title\nC-1,2024-10-02,call,Imported call\n")
    call_command("import_events", str(path), stdout=open("/dev/null", "w"))
    response = client.get("/timeline/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "Imported call" in response.content.decode()


def test_errors_and_redirects_carry_no_validators(client):
    for path in ("/timeline/countries/XX/", "/timeline/countries/ukr/", "/api/events/?page=99"):
        response = client.get(path)
        assert response.status_code in (301, 404)
        assert not response.has_header("ETag")


def test_last_modified_is_sent_once_the_revision_is_a_second_old(client, monkeypatch):
    """Last-Modified has whole seconds: a revision younger than one could change again
    within the second it names."""
    from datetime import timedelta

    from django.utils import timezone

    from edge import conditional

    factories.EventFactory()
    assert not client.get("/timeline/").has_header("Last-Modified")  # just written
    later = timezone.now() + timedelta(seconds=2)
    monkeypatch.setattr(conditional.timezone, "now", lambda: later)
    response = client.get("/timeline/")
    modified = response["Last-Modified"]
    assert client.get("/timeline/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304


def test_pages_of_another_release_are_not_taken_as_current(client, settings):
    etag = client.get("/timeline/")["ETag"]
    settings.RELEASE = "next"
    assert client.get("/timeline/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_the_browsable_api_carries_no_validators(client):
    response = client.get("/api/events/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert not response.has_header("ETag")


def test_json_and_csv_of_the_same_url_have_their_own_etags(client):
    json_etag = client.get("/api/events/?country=IN")["ETag"]
    csv = client.get("/api/events/?country=IN", HTTP_ACCEPT="text/csv")
    assert csv.status_code == 200 and csv["ETag"] != json_etag


# A record's own version ---------------------------------------------------------------


@pytest.fixture
def editor_api():
    api = APIClient()
    api.force_authenticate(factories.editor())
    return api


def test_an_events_etag_is_its_version_and_moves_when_anything_it_shows_changes(editor_api):
    path = f"/api/events/{MODI_VISIT}/"
    etag = editor_api.get(path)["ETag"]
    factories.EventFactory(title="Unrelated")  # another event: this one's version stays
    assert editor_api.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304
    modi = Official.objects.get(slug="narendra-modi")
    save(modi, name="N. Modi")  # shown in its participants
    assert editor_api.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_write_from_a_stale_read_is_refused_with_412(editor_api):
    path = f"/api/events/{MODI_VISIT}/"
    etag = editor_api.get(path)["ETag"]
    first = editor_api.patch(path, {"title": "First editor"}, format="json", HTTP_IF_MATCH=etag)
    assert first.status_code == 200
    assert first["ETag"] != etag
    second = editor_api.patch(path, {"title": "Second editor"}, format="json", HTTP_IF_MATCH=etag)
    assert second.status_code == 412
    # Like every API error, JSON saying what to do.
    assert second["Content-Type"] == "application/json"
    assert "read it again" in second.json()["detail"]
    assert Event.objects.get(public_id=MODI_VISIT).title == "First editor"
    third = editor_api.patch(
        path, {"title": "Second editor"}, format="json", HTTP_IF_MATCH=first["ETag"]
    )
    assert third.status_code == 200


def test_a_delete_from_a_stale_read_is_refused_with_412(editor_api):
    path = f"/api/events/{MODI_VISIT}/"
    etag = editor_api.get(path)["ETag"]
    editor_api.patch(path, {"summary": "Changed meanwhile."}, format="json")
    assert editor_api.delete(path, HTTP_IF_MATCH=etag).status_code == 412
    assert Event.objects.filter(public_id=MODI_VISIT).exists()
