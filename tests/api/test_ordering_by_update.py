"""`ordering=updated_at` / `-updated_at` on the event list and its exports: the order
events changed in, for syncs and "recently changed" panels."""

import csv
import io

import pytest

from events.api import views
from events.models import Event
from tests import factories
from tests.writes import save

pytestmark = pytest.mark.usefixtures("seeded")


@pytest.fixture
def changed_last():
    """A seed event edited after every other event was written."""
    factories.EventFactory(title="Written last")
    event = Event.objects.order_by("date_start").first()
    save(event, summary="Edited now.")
    return event


def ids(api, query):
    response = api.get(f"/api/events/?{query}&page_size=100&fields=id,updated_at")
    assert response.status_code == 200, response.json()
    return [e["id"] for e in response.json()["results"]]


def test_latest_changed_first_and_last(api, changed_last):
    latest = ids(api, "ordering=-updated_at")
    assert latest[0] == str(changed_last.public_id)
    assert ids(api, "ordering=updated_at") == latest[::-1]
    stamps = [
        e["updated_at"]
        for e in api.get("/api/events/?ordering=-updated_at&fields=updated_at").json()["results"]
    ]
    assert stamps == sorted(stamps, reverse=True)


def test_ordering_by_update_combines_with_filters(api, changed_last):
    found = ids(api, "ordering=-updated_at&country=RU")
    assert found[0] == str(changed_last.public_id)
    assert set(found) == set(ids(api, "country=RU"))


def test_an_export_in_update_order_reads_every_event_across_chunks(api, changed_last, monkeypatch):
    monkeypatch.setattr(views, "EXPORT_CHUNK", 2)
    body = b"".join(api.get("/api/events/?ordering=-updated_at&format=csv").streaming_content)
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    assert [r["id"] for r in rows] == ids(api, "ordering=-updated_at")
    assert len(rows) == Event.objects.count()


def test_a_cursor_in_update_order_is_a_400_naming_it(api):
    response = api.get("/api/events/?ordering=updated_at&cursor=")
    assert response.status_code == 400
    assert list(response.json()) == ["cursor"]


def test_lists_ordered_by_date_only_refuse_it(api):
    response = api.get("/api/participants/?ordering=updated_at")
    assert response.status_code == 400
    assert list(response.json()) == ["ordering"]
