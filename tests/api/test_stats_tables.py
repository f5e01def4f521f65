"""/api/stats/events/ as dashboards draw it: two dimensions in one request, week and
quarter buckets, zero-filled series over the filtered range; on the seed data.

The seed's events: 26 Oct 2024 (meeting, IN-UA), late Sep 2024 (talks, IN-UA), Aug 2024
(visit, IN-UA), 8 Jul 2024 (visit, IN-RU), 8 Jul 2024 (strike, RU-UA), 2023 (other, IN-RU).
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventCountry
from events.services import write_unit
from tests import factories
from tests.writes import save

pytestmark = pytest.mark.usefixtures("seeded")


def stats(api, query):
    response = api.get(f"/api/stats/events/?{query}")
    assert response.status_code == 200, response.json()
    return response.json()


def by_key(data):
    return {r["key"]: r["count"] for r in data["results"]}


def by_keys(data):
    names = data["dimensions"]
    for row in data["results"]:
        assert set(row) == {*names, "count"}
    return {tuple(r[n] for n in names): r["count"] for r in data["results"]}


def test_weeks_are_iso_weeks_holding_the_whole_range(api):
    data = stats(api, "group_by=week")
    # 26 Oct 2024 is in the week from Monday 21 Oct; 8 Jul 2024 a Monday. Late Sep
    # (21-30 Sep) reaches into a second week, August and 2023 into many.
    assert by_key(data) == {"2024-W43": 1, "2024-W28": 2}
    assert list(by_key(data)) == ["2024-W43", "2024-W28"]
    assert (data["wider_than_period"], data["total"]) == (3, 6)


def test_quarters(api):
    data = stats(api, "group_by=quarter")
    assert by_key(data) == {"2024-Q4": 1, "2024-Q3": 4}
    assert (data["wider_than_period"], data["total"]) == (1, 6)


def test_one_dimension_keeps_its_shape(api):
    data = stats(api, "group_by=month")
    assert set(data) >= {"group_by", "total", "wider_than_period", "results"}
    assert data["group_by"] == "month" and data["dimensions"] == ["month"]
    assert all(set(row) == {"key", "count"} for row in data["results"])


def test_month_by_type(api):
    data = stats(api, "group_by=month,type")
    assert data["group_by"] == "month,type"
    assert by_keys(data) == {
        ("2024-10", "meeting"): 1,
        ("2024-09", "talks"): 1,
        ("2024-08", "visit"): 1,
        ("2024-07", "strike"): 1,
        ("2024-07", "visit"): 1,
    }
    # Newest month first; the 2023 event fills no month.
    assert [r["month"] for r in data["results"]][0] == "2024-10"
    assert (data["wider_than_period"], data["total"]) == (1, 6)


def test_each_type_s_months_are_its_own_month_counts(api):
    table = by_keys(stats(api, "group_by=type,month"))
    for kind in ["visit", "meeting", "strike"]:
        months = by_key(stats(api, f"group_by=month&type={kind}"))
        assert {m: n for (t, m), n in table.items() if t == kind} == months


def test_year_by_pair_and_country_by_type(api):
    assert by_keys(stats(api, "group_by=year,pair")) == {
        ("2024", "IN-UA"): 3,
        ("2024", "IN-RU"): 1,
        ("2024", "RU-UA"): 1,
        ("2023", "IN-RU"): 1,
    }
    data = stats(api, "group_by=country,type")
    table = by_keys(data)
    assert table[("IN", "visit")] == 2 and table[("UA", "strike")] == 1
    assert sum(n for (c, _), n in table.items() if c == "RU") == 3
    assert (data["total"], data["wider_than_period"]) == (6, 0)


def test_two_dimensions_follow_the_event_filters(api):
    data = stats(api, "group_by=month,country&country=IN&country=UA")
    assert by_keys(data) == {
        ("2024-10", "IN"): 1,
        ("2024-10", "UA"): 1,
        ("2024-09", "IN"): 1,
        ("2024-09", "UA"): 1,
        ("2024-08", "IN"): 1,
        ("2024-08", "UA"): 1,
    }
    # Wider events are counted once, not once per country.
    data = stats(api, "group_by=week,country&country=IN&country=UA")
    assert (data["total"], data["wider_than_period"]) == (3, 2)


def test_zero_filled_months_over_the_filtered_range(api):
    data = stats(api, "group_by=month&fill=zero&date_after=2024-06&date_before=2024-11")
    assert data["results"] == [
        {"key": "2024-11", "count": 0},
        {"key": "2024-10", "count": 1},
        {"key": "2024-09", "count": 1},
        {"key": "2024-08", "count": 1},
        {"key": "2024-07", "count": 2},
        {"key": "2024-06", "count": 0},
    ]


def test_an_open_range_is_filled_from_the_first_to_the_last_period_counted(api):
    weeks = stats(api, "group_by=week&fill=zero")["results"]
    assert [w["key"] for w in weeks] == [f"2024-W{n:02d}" for n in range(43, 27, -1)]
    assert sum(w["count"] for w in weeks) == 3
    # Unfiltered months come from the tallies: filled the same way.
    months = stats(api, "group_by=month&fill=zero")["results"]
    assert [m["key"] for m in months] == ["2024-10", "2024-09", "2024-08", "2024-07"]
    quarters = stats(api, "group_by=quarter&fill=zero&date_before=2025-06")["results"]
    assert quarters == [
        {"key": "2025-Q2", "count": 0},
        {"key": "2025-Q1", "count": 0},
        {"key": "2024-Q4", "count": 1},
        {"key": "2024-Q3", "count": 4},
    ]


def test_weeks_fill_across_a_year_with_53_iso_weeks(api):
    # 2020 has ISO weeks 1 to 53; 28 Dec 2020 begins week 53, 4 Jan 2021 week 1.
    keys = [
        r["key"]
        for r in stats(api, "group_by=week&fill=zero&date_after=2020-12-21&date_before=2021-01-10")[
            "results"
        ]
    ]
    assert keys == ["2021-W01", "2020-W53", "2020-W52"]


def test_two_dimensions_zero_filled_give_every_series_every_period(api):
    data = stats(api, "group_by=month,type&fill=zero&date_after=2024-07&date_before=2024-10")
    table = by_keys(data)
    months, kinds = (
        ["2024-10", "2024-09", "2024-08", "2024-07"],
        {"meeting", "talks", "visit", "strike"},
    )
    assert set(table) == {(m, k) for m in months for k in kinds}
    assert table[("2024-07", "visit")] == 1 and table[("2024-10", "visit")] == 0
    assert [r["month"] for r in data["results"]] == [m for m in months for _ in kinds]


def test_filling_counts_nothing_new(api):
    filled = stats(api, "group_by=month,type&fill=zero")
    plain = stats(api, "group_by=month,type")
    assert {k: n for k, n in by_keys(filled).items() if n} == by_keys(plain)
    assert filled["total"] == plain["total"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("group_by=month,year", "group_by"),
        ("group_by=country,pair", "group_by"),
        ("group_by=month,type,country", "group_by"),
        ("group_by=type,type", "group_by"),
        ("group_by=month,", "group_by"),
        ("group_by=,", "group_by"),
        ("group_by=fortnight", "group_by"),
        ("group_by=month&fill=forward", "fill"),
        ("group_by=type&fill=zero", "fill"),
        ("group_by=type,country&fill=zero", "fill"),
        ("group_by=week,type&country_any=XX", "country_any"),
    ],
)
def test_bad_parameters_are_a_400_naming_them(api, query, parameter):
    response = api.get(f"/api/stats/events/?{query}")
    assert response.status_code == 400
    assert list(response.json()) == [parameter]


def test_a_zero_filled_table_too_large_to_send_is_a_400_naming_fill(api, monkeypatch):
    # Dates stop at 1800-2199, so weeks over the whole range fit the real bound: lower it.
    monkeypatch.setattr("events.selectors.MAX_FILLED_ROWS", 1_000)
    response = api.get(
        "/api/stats/events/?group_by=week&fill=zero&date_after=1800&date_before=2199"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["fill"]


def test_a_table_is_counted_in_sql_whatever_the_number_of_events(api):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            stats(api, "group_by=week,country&country_any=IN,UA")
        return len(captured)

    before = queries()
    with write_unit():
        for day in range(40):
            event = factories.EventFactory(date_start=dt.date(2024, 1, 1) + dt.timedelta(day))
            save(EventCountry(event=event, country=factories.CountryFactory(iso_alpha2="IN")))
    assert queries() == before
    assert stats(api, "group_by=week&country=IN")["total"] == 45


def test_schema_documents_the_parameters_and_both_row_shapes(api):
    schema = api.get("/api/schema/?format=json").json()
    operation = schema["paths"]["/api/stats/events/"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"group_by", "fill", "country_any", "date_after"} <= names
    (group_by,) = [p for p in operation["parameters"] if p["name"] == "group_by"]
    assert "month,type" in group_by["description"]
    stats_schema = schema["components"]["schemas"]["EventStats"]
    rows = stats_schema["properties"]["results"]["items"]["anyOf"]
    assert {row["title"] for row in rows} == {"One dimension", "Two dimensions"}
