"""Whole read pages kept under the data version (events.page_cache): a repeated page costs
no query, a change shows at once, clients revalidate with ETags, and what depends on the
client (rate limits, read permissions) is still checked on every request."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from access.throttling import AnonymousThrottle
from events import data_version
from events.models import Event, Official
from tests import factories

pytestmark = pytest.mark.usefixtures("seeded")

PAGES = [
    "/api/events/?country=IN&fields=id,title,participants",
    "/api/events/?cursor=&type=visit",
    "/timeline/?country=UA",
    "/timeline/countries/IN/",
    "/timeline/relations/IN-UA/",
]


def get(client, path, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **headers)
    return response, len(queries)


@pytest.mark.parametrize("path", PAGES)
def test_a_repeated_page_is_answered_from_the_cache_without_a_query(client, path):
    first, first_queries = get(client, path)
    again, again_queries = get(client, path)
    assert first.status_code == again.status_code == 200
    assert first_queries > 0
    assert again_queries == 0
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert again["ETag"] == first["ETag"]


@pytest.mark.parametrize("path", PAGES)
def test_a_client_holding_the_page_gets_304_until_the_data_changes(client, path):
    etag = client.get(path)["ETag"]
    unchanged, queries = get(client, path, HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    assert queries == 0

    modi = Official.objects.get(slug="narendra-modi")
    modi.name = "Narendra Damodardas Modi"
    modi.save()
    changed = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert "Narendra Damodardas Modi" in changed.content.decode()
    assert changed["ETag"] != etag


def test_a_change_that_leaves_the_page_as_it_was_keeps_its_etag(client):
    path = "/api/events/?country=IN&fields=id,title"
    etag = client.get(path)["ETag"]
    factories.EventFactory(title="Elsewhere")  # the version moves; this page does not
    assert client.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_a_new_event_shows_at_once_on_the_api_and_the_timeline(client):
    api, timeline = "/api/events/?country=IN&fields=id,title", "/timeline/?country=IN"
    client.get(api), client.get(timeline)
    event = factories.EventFactory(title="Modi meets the Kenyan president")
    event.event_countries.create(country=factories.CountryFactory(iso_alpha2="IN"))
    assert "Modi meets the Kenyan president" in client.get(api).content.decode()
    assert "Modi meets the Kenyan president" in client.get(timeline).content.decode()


def test_a_deleted_event_leaves_the_kept_page_at_once(client):
    path = "/api/events/?q=Okhmatdyt&fields=id,title"
    assert "Okhmatdyt" in client.get(path).content.decode()
    Event.objects.filter(title__contains="Okhmatdyt").delete()
    assert "Okhmatdyt" not in client.get(path).content.decode()


def test_a_change_behind_the_apps_back_shows_once_the_version_moves(client):
    """QuerySet.update sends no signals: the page is kept until the version moves, as
    refresh_derived (the command for changes made behind the app's back) moves it."""
    path = "/api/events/?official=narendra-modi&fields=id,participants"
    client.get(path)
    Official.objects.filter(slug="narendra-modi").update(name="N. Modi")
    assert "N. Modi" not in client.get(path).content.decode()
    data_version.changed()
    assert "N. Modi" in client.get(path).content.decode()


def test_pages_are_kept_per_host_since_their_links_are_absolute(client):
    path = "/api/events/?page_size=1&fields=id"
    one = client.get(path, HTTP_HOST="localhost").json()
    other = client.get(path, HTTP_HOST="127.0.0.1").json()
    assert one["next"].startswith("http://localhost/")
    assert other["next"].startswith("http://127.0.0.1/")


@pytest.mark.parametrize(
    "path", ["/api/events/?country=XX", "/api/events/?page=999", "/timeline/events/nope/"]
)
def test_errors_are_not_kept_nor_answered_304(client, path):
    status = client.get(path).status_code
    assert status in (400, 404)
    assert not [key for key in cache._cache if ":page:" in key]
    again = client.get(path, HTTP_IF_NONE_MATCH="*")
    assert again.status_code == status
    assert "ETag" not in again


def test_the_etag_is_the_pages_bytes_so_a_304_never_outlives_them(client):
    """A change the version does not see (behind the app's back, or a deploy) shows once
    the kept page expires, and the old ETag is no longer answered 304 then."""
    path = "/api/events/?official=narendra-modi&fields=id,participants"
    etag = client.get(path)["ETag"]
    Official.objects.filter(slug="narendra-modi").update(name="N. Modi")
    cache.delete_many([key.removeprefix(":1:") for key in cache._cache if ":page:" in key])
    response = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "N. Modi" in response.content.decode()
    assert response["ETag"] != etag


def test_a_304_carries_the_etag(client):
    path = "/timeline/?country=IN"
    etag = client.get(path)["ETag"]
    response = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag


def test_pages_are_kept_per_version_of_the_code(client, monkeypatch):
    path = "/api/events/?country=IN&fields=id"
    client.get(path)
    monkeypatch.setattr(data_version, "CODE", "a-new-deploy")
    _, queries = get(client, path)
    assert queries > 0


def test_urls_with_parameters_the_page_does_not_read_are_not_kept(client):
    for path in ["/api/events/?fields=id&utm_source=mail", "/timeline/?junk=1"]:
        client.get(path)
        response, queries = get(client, path)
        assert response.status_code == 200
        assert queries > 0
        assert "ETag" not in response
    assert not [key for key in cache._cache if ":page:" in key]


def test_indented_json_asked_for_is_indented_and_not_kept(client):
    path = "/api/events/?fields=id"
    response = client.get(path, HTTP_ACCEPT="application/json; indent=2")
    assert response.content.startswith(b'{\n  "count"')
    assert "ETag" not in response
    plain = client.get(path)
    assert plain.content.startswith(b'{"count"')


def test_the_rate_limit_counts_pages_answered_from_the_cache(monkeypatch):
    monkeypatch.setattr(AnonymousThrottle, "THROTTLE_RATES", {"anon": "3/min", "token": "5/min"})
    api = APIClient()
    path = "/api/events/?fields=id"
    assert [api.get(path).status_code for _ in range(4)] == [200, 200, 200, 429]


def test_read_permissions_are_checked_before_a_kept_page(client, settings):
    path = "/timeline/?country=IN"
    assert client.get(path).status_code == 200  # kept
    settings.READ_REQUIRES_LOGIN = True
    assert client.get(path).status_code == 302  # to the login page
    assert APIClient().get("/api/events/?fields=id").status_code in (401, 403)


def test_other_formats_and_writes_are_not_kept(client):
    csv, queries = get(client, "/api/events/?format=csv")
    assert csv.status_code == 200
    b"".join(csv.streaming_content)
    assert "ETag" not in csv
    browsable = client.get("/api/events/?format=api")
    assert "ETag" not in browsable


def test_the_page_cache_can_be_switched_off(client, settings):
    settings.PAGE_CACHE = False
    path = "/api/events/?country=IN&fields=id"
    client.get(path)
    response, queries = get(client, path)
    assert queries > 0
    assert "ETag" not in response
