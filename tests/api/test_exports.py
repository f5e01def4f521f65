"""Every export, parsed back the way its users would read it."""

import csv
import io
import json
from datetime import date

import icalendar
import pytest

from events.models import Event
from tests import factories

pytestmark = pytest.mark.usefixtures("seeded")


def export(api, query):
    response = api.get(f"/api/events/?{query}")
    assert response.status_code == 200
    return response, b"".join(response.streaming_content).decode()


def test_csv_has_one_row_an_event_with_edtf_dates(api):
    response, text = export(api, "format=csv&country=IN&country=UA")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["date_label"] for r in rows] == ["26 Oct 2024", "late Sep 2024", "Aug 2024"]
    talks = rows[1]
    assert (talks["date_start"], talks["date_end"], talks["date_precision"]) == (
        "2024-09-21",
        "2024-09-30",
        "part_of_month",
    )
    assert talks["date_edtf"] == "2024-09-21/2024-09-30"
    assert talks["countries"] == "IN;UA"
    assert "Narendra Modi, Prime Minister of India [IN] (participant)" in talks["participants"]
    assert rows[2]["agreements"].count("(approved)") == 4


def test_csv_cells_cannot_run_as_spreadsheet_formulas(api):
    factories.EventFactory(title='=HYPERLINK("http://evil.example")')
    _, text = export(api, "format=csv&q=HYPERLINK")
    (row,) = csv.DictReader(io.StringIO(text))
    assert row["title"].startswith("'=")


def test_ics_is_a_calendar_of_all_day_events_spanning_the_fuzzy_range(api):
    response, text = export(api, "format=ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(text)
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == Event.objects.count()
    talks = events["Zelensky and Modi discuss trade, defense cooperation and reconstruction"]
    assert talks.decoded("DTSTART") == date(2024, 9, 21)
    assert talks.decoded("DTEND") == date(2024, 10, 1)  # exclusive end
    assert "late Sep 2024" in str(talks["DESCRIPTION"])
    assert "part of month" in str(talks["DESCRIPTION"])
    assert all(line.endswith("\r") or not line for line in text.split("\n"))
    assert max(len(line.encode()) for line in text.split("\r\n")) <= 75


def test_timelinejs_shows_only_the_date_parts_that_are_known(api):
    _, text = export(api, "format=timelinejs")
    slides = {s["text"]["headline"]: s for s in json.loads(text)["events"]}
    visit = slides["Modi makes his first visit to Ukraine"]
    assert visit["start_date"] == {"year": 2024, "month": 8}
    assert visit["display_date"] == "Aug 2024"
    trade = slides["India-Russia bilateral trade reaches a historic high"]
    assert trade["start_date"] == {"year": 2023}
    meeting = slides["Smetanin meets Indian Ambassador Shankar on defense industry cooperation"]
    assert meeting["start_date"] == {"year": 2024, "month": 10, "day": 26}
    assert "end_date" not in meeting


def test_geojson_maps_the_events_with_coordinates(api):
    _, text = export(api, "format=geojson")
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection"
    places = {
        f["properties"]["title"]: f["geometry"]["coordinates"] for f in collection["features"]
    }
    assert places["Modi visits Moscow and holds talks with Putin"] == [37.6173, 55.7558]
    assert len(places) == 3  # the events in Kyiv and Moscow; the rest have no place
    assert {f["properties"]["date_edtf"] for f in collection["features"]} >= {"2024-08"}


def test_plover_lines_put_actors_and_recipients_in_lists(api):
    _, text = export(api, "format=plover")
    records = [json.loads(line) for line in text.splitlines()]
    strike = next(r for r in records if r["mode"] == ["aerial"])
    assert strike["event"] == ["ASSAULT"] and strike["event_type"] == "ASSAULT"
    assert [a["code"] for a in strike["actor"]] == ["RUS"]
    assert [r["code"] for r in strike["recipient"]] == ["UKR"]
    moscow = next(r for r in records if (r["event_loc"] or {}).get("resolved_place") == "Moscow")
    assert (moscow["event_type"], moscow["mode"]) == ("CONSULT", ["visit"])
    assert [a["entity_text"] for a in moscow["actor"]] == ["Narendra Modi"]
    assert [r["entity_text"] for r in moscow["recipient"]] == ["Vladimir Putin"]
    assert moscow["event_loc"]["country_code"] == "RUS"
    assert moscow["cite_info"]["title"].startswith("Ukraine, India")
    assert moscow["date"] == moscow["enddate"] == moscow["date_edtf"] == "2024-07-08"
    # The trade milestone has no PLOVER category and is left out.
    assert len(records) == Event.objects.count() - 1


def test_exports_follow_the_filters(api):
    _, text = export(api, "format=csv&type=strike")
    assert len(list(csv.DictReader(io.StringIO(text)))) == 1


@pytest.mark.parametrize("export_format", ["csv", "ics", "geojson", "plover"])
def test_an_export_with_a_bad_filter_is_a_json_400_naming_it(api, export_format):
    response = api.get(f"/api/events/?format={export_format}&date_after=whenever")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "date_after" in response.json()


def test_an_export_asked_for_by_accept_answers_errors_as_json(api):
    response = api.get("/api/events/?date_after=whenever", HTTP_ACCEPT="text/csv")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"


def test_ics_has_no_bare_carriage_returns_in_values(api):
    factories.EventFactory(title="Carriagereturns", summary="Line one\r\nLine two\rLine three")
    _, text = export(api, "format=ics&q=Carriagereturns")
    (event,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert "Line one\nLine two\nLine three" in str(event["DESCRIPTION"])
    assert "\r" not in text.replace("\r\n", "")


def test_timelinejs_escapes_editors_text(api):
    factories.EventFactory(title="<img src=x onerror=alert(1)>", summary="<b>hi</b>")
    _, text = export(api, "format=timelinejs&q=onerror")
    (slide,) = json.loads(text)["events"]
    assert slide["text"]["headline"] == "&lt;img src=x onerror=alert(1)&gt;"
    assert slide["text"]["text"] == "&lt;b&gt;hi&lt;/b&gt;"
