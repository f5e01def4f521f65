"""/api/participants/: one row per participant of the filtered events, in JSON keyset pages
and as CSV; on the seed data."""

import base64
import csv
import datetime as dt
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Participant
from events.projection import PARTICIPANT_COLUMNS
from events.services import write_unit
from tests import factories

pytestmark = pytest.mark.usefixtures("seeded")


def rows(api, query=""):
    response = api.get(f"/api/participants/?{query}")
    assert response.status_code == 200, response.json()
    data = response.json()
    assert set(data) == {"next", "results"}
    return data["results"]


def every_page(api, query):
    """Every row, following `next` from the first page."""
    found, url = [], f"/api/participants/?{query}"
    while url:
        data = api.get(url).json()
        found += data["results"]
        url = data["next"]
    return found


def csv_rows(api, query=""):
    response = api.get(f"/api/participants/?format=csv&{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "participants.csv" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode()
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames == PARTICIPANT_COLUMNS
    return list(reader)


def test_one_row_per_participant_with_the_post_held_that_day(api):
    found = rows(api, "country=IN&country=UA")
    assert [r["date_label"] for r in found] == ["26 Oct 2024"] * 2 + ["late Sep 2024"] * 2 + [
        "Aug 2024"
    ] * 2
    smetanin = next(r for r in found if r["official_slug"] == "herman-smetanin")
    assert smetanin["post_title"] == "Minister of Strategic Industries of Ukraine"
    assert smetanin["country"] == "UA"
    assert smetanin["organization_name"] == "Ministry of Strategic Industries of Ukraine"
    assert smetanin["event_title"].startswith("Smetanin meets Indian Ambassador Shankar")
    assert (smetanin["date_start"], smetanin["date_edtf"], smetanin["event_type"]) == (
        "2024-10-26",
        "2024-10-26",
        "meeting",
    )
    # A country taking part as itself: no official, no post.
    (ukraine,) = [r for r in found if r["official_id"] is None]
    assert (ukraine["country"], ukraine["role"], ukraine["post_title"]) == ("UA", "host", None)
    assert all(set(r) == set(PARTICIPANT_COLUMNS) for r in found)


@pytest.mark.parametrize(
    "query",
    ["", "type=visit", "official=narendra-modi", "country_any=RU", "date_after=2024-08", "q=Putin"],
)
def test_the_event_filters_apply(api, query):
    events = api.get(f"/api/events/?{query}&page_size=100").json()["results"]
    expected = [(e["id"], p["id"]) for e in events for p in e["participants"]]
    assert sorted((r["event_id"], r["id"]) for r in rows(api, query)) == sorted(expected)


def test_events_newest_or_oldest_first_and_each_event_s_participants_as_entered(api):
    newest, oldest = rows(api), rows(api, "ordering=date")
    events = [e["id"] for e in api.get("/api/events/").json()["results"]]
    assert list(dict.fromkeys(r["event_id"] for r in newest)) == events
    assert list(dict.fromkeys(r["event_id"] for r in oldest)) == events[::-1]
    entered = {
        event: list(Participant.objects.filter(event__public_id=event).order_by("pk"))
        for event in events
    }
    for found in (newest, oldest):
        for event, participants in entered.items():
            ids = [r["id"] for r in found if r["event_id"] == event]
            assert ids == [str(p.public_id) for p in participants]


@pytest.fixture
def crowded(seeded):
    """Five events on one day, three participants each: ties on the date (after `seeded`:
    inside the test's own savepoint)."""
    with write_unit():
        for _ in range(5):
            event = factories.EventFactory(date_start=dt.date(2025, 1, 15))
            for _ in range(3):
                factories.ParticipantFactory(event=event)


@pytest.mark.parametrize("order", ["", "ordering=date"])
@pytest.mark.usefixtures("crowded")
def test_cursor_pages_give_every_row_once(api, order):
    whole = rows(api, f"{order}&page_size=500")
    assert len(whole) == len({r["id"] for r in whole}) == 15 + 12
    for size in (1, 2, 4):
        assert every_page(api, f"{order}&page_size={size}&cursor=") == whole


def test_a_cursor_of_another_list_or_order_is_a_400(api):
    event_cursor = api.get("/api/events/?cursor=&page_size=1").json()["next"].split("cursor=")[1]
    first = api.get("/api/participants/?page_size=1").json()["next"]
    for query in [
        f"cursor={event_cursor}",
        "cursor=garbage",
        first.split("?")[1] + "&ordering=date",
    ]:
        response = api.get(f"/api/participants/?{query}")
        assert response.status_code == 400, query
        assert list(response.json()) == ["cursor"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("country=ZZ", "country"),
        ("country_any=ZZ", "country_any"),
        ("date_after=someday", "date_after"),
        ("official=nobody", "official"),
        ("page_size=0", "page_size"),
        ("page_size=501", "page_size"),
        ("format=csv&type=picnic", "type"),
    ],
)
def test_bad_parameters_are_a_400_naming_them(api, query, parameter):
    response = api.get(f"/api/participants/?{query}")
    assert response.status_code == 400
    # An export's error is JSON too, whatever format was asked for.
    assert parameter in json.loads(response.content)


def test_csv_has_the_json_rows(api, monkeypatch):
    # Chunks of two: the export follows the keys across chunks, as the event export does.
    monkeypatch.setattr("events.api.views.EXPORT_CHUNK", 2)
    exported = csv_rows(api, "country_any=RU")
    listed = rows(api, "country_any=RU")
    assert [r["id"] for r in exported] == [r["id"] for r in listed]
    putin = next(r for r in exported if r["official_slug"] == "vladimir-putin")
    assert (putin["post_title"], putin["date_label"], putin["role"]) == (
        "President of Russia",
        "8 Jul 2024",
        "host",
    )
    # Nulls are empty cells.
    assert any(r["organization_id"] == "" for r in exported)


def test_csv_cells_cannot_run_as_formulas(api):
    official = factories.OfficialFactory(name="=HYPERLINK(1)")
    factories.ParticipantFactory(official=official)
    (row,) = csv_rows(api, f"official={official.slug}")
    assert row["official_name"] == "'=HYPERLINK(1)"


def test_the_post_is_the_one_held_on_the_event_s_date(api):
    official = factories.OfficialFactory()
    deputy = factories.TenureFactory(
        official=official, start=dt.date(2019, 1, 1), end=dt.date(2022, 12, 31)
    )
    minister = factories.TenureFactory(official=official, start=dt.date(2023, 1, 1))
    for day in (dt.date(2021, 5, 5), dt.date(2024, 5, 5)):
        factories.ParticipantFactory(
            official=official, event=factories.EventFactory(date_start=day)
        )
    found = rows(api, f"official={official.slug}&ordering=date")
    assert [r["post_title"] for r in found] == [deputy.post.title, minister.post.title]


def test_a_page_costs_the_same_queries_at_any_size(api, crowded):
    def queries(size):
        with CaptureQueriesContext(connection) as captured:
            rows(api, f"page_size={size}&country_any=IN,UA")
        return len(captured)

    assert queries(2) == queries(100)


def test_schema_documents_the_rows_filters_and_cursor(api):
    schema = api.get("/api/schema/?format=json").json()
    operation = schema["paths"]["/api/participants/"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {
        "country",
        "country_any",
        "official",
        "date_after",
        "cursor",
        "page_size",
        "format",
    } <= names
    row = schema["components"]["schemas"]["ParticipantRow"]
    assert set(row["properties"]) == set(PARTICIPANT_COLUMNS)


@pytest.mark.parametrize(
    "key",
    [
        # a participant's key past 64 bits, two extra keys, a key that is not a number
        [1, "2024-01-01", 1, "2024-01-01", "x", 1, 2**70],
        [1, "2024-01-01", 1, "2024-01-01", "x", 1, 2, 3],
        [1, "2024-01-01", 1, "2024-01-01", "x", 1, "2"],
    ],
)
def test_a_malformed_participant_cursor_is_a_400(api, key):
    cursor = base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")
    response = api.get(f"/api/participants/?cursor={cursor}")
    assert response.status_code == 400
    assert list(response.json()) == ["cursor"]
