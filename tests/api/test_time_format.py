"""One time format everywhere: ISO 8601 in UTC with a Z, in every list, record, feed and
export, whatever zone admin shows times in."""

import csv
import io
import re

import pytest

from events.models import Event
from tests.writes import delete

pytestmark = pytest.mark.usefixtures("seeded")

UTC_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z")
LOOKS_LIKE_A_TIME = re.compile(r"\d{4}-\d\d-\d\dT")


def times_in(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from times_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from times_in(item)
    elif isinstance(value, str) and LOOKS_LIKE_A_TIME.match(value):
        yield value


@pytest.fixture
def kyiv_time(settings):
    # Admin in Kyiv's zone: what the API writes must not follow it.
    settings.TIME_ZONE = "Europe/Kyiv"


@pytest.mark.parametrize(
    "path",
    [
        "/api/events/",
        "/api/events/?cursor=",
        "/api/sources/",
        "/api/officials/",
        "/api/organizations/",
        "/api/agreements/",
        "/api/statements/",
        "/api/posts/",
        "/api/tenures/",
        "/api/events/deleted/",
    ],
)
def test_every_time_is_utc_with_z(api, kyiv_time, path):
    delete(Event.objects.order_by("pk").last())
    response = api.get(path)
    assert response.status_code == 200, response.json()
    found = list(times_in(response.json()))
    assert found, "no time to check"
    assert [t for t in found if not UTC_TIME.fullmatch(t)] == []


def test_an_event_s_times_and_its_etag_agree(api, kyiv_time):
    event = Event.objects.order_by("pk").first()
    response = api.get(f"/api/events/{event.public_id}/")
    body = response.json()
    assert UTC_TIME.fullmatch(body["updated_at"]) and UTC_TIME.fullmatch(body["created_at"])
    again = api.get(f"/api/events/{event.public_id}/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_the_csv_export_writes_utc_with_z(api, kyiv_time):
    body = b"".join(api.get("/api/events/?format=csv").streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert rows and all(UTC_TIME.fullmatch(r["updated_at"]) for r in rows)
