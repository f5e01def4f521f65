"""Aggregates for dashboards and the bilateral summary, on the seed data."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Country, EventCountry
from tests import factories
from tests.writes import save

pytestmark = pytest.mark.usefixtures("seeded")


def stats(api, query):
    response = api.get(f"/api/stats/events/?{query}")
    assert response.status_code == 200, response.json()
    data = response.json()
    return {r["key"]: r["count"] for r in data["results"]}, data


def test_stats_by_each_grouping(api):
    assert stats(api, "group_by=month")[0] == {
        "2024-10": 1,
        "2024-09": 1,
        "2024-08": 1,
        "2024-07": 2,
    }
    assert stats(api, "group_by=month")[1]["wider_than_period"] == 1
    assert stats(api, "group_by=year")[0] == {"2024": 5, "2023": 1}
    assert stats(api, "group_by=type")[0]["visit"] == 2
    assert stats(api, "group_by=country")[0] == {"IN": 5, "UA": 4, "RU": 3}
    assert stats(api, "group_by=pair")[0] == {"IN-UA": 3, "IN-RU": 2, "RU-UA": 1}


def test_stats_follow_the_event_filters(api):
    counts, data = stats(api, "group_by=type&country=IN&country=UA")
    assert counts == {"meeting": 1, "talks": 1, "visit": 1}
    assert data["total"] == 3


@pytest.mark.parametrize(
    ("query", "parameter"),
    [("group_by=weekday", "group_by"), ("", "group_by"), ("group_by=type&country=ZZ", "country")],
)
def test_stats_bad_parameters_are_named(api, query, parameter):
    response = api.get(f"/api/stats/events/?{query}")
    assert response.status_code == 400
    assert parameter in response.json()


def test_relation_summary_india_ukraine(api):
    data = api.get("/api/relations/IN/UA/").json()
    assert data["countries"] == ["IN", "UA"]
    assert data["event_count"] == 3
    assert data["counts_by_year"] == [{"key": "2024", "count": 3}]
    assert {r["key"] for r in data["counts_by_type"]} == {"meeting", "talks", "visit"}
    assert len(data["agreements"]) == 4
    assert {a["status"] for a in data["agreements"]} == {"approved"}
    assert [e["date_label"] for e in data["latest_events"]] == [
        "26 Oct 2024",
        "late Sep 2024",
        "Aug 2024",
    ]
    assert [s["official"]["name"] for s in data["statements"]] == [
        "Herman Smetanin",
        "Ravi Shankar",
    ]
    assert data["timeline_url"].endswith("/timeline/relations/IN-UA/")


def test_relation_accepts_alpha3_and_either_order(api):
    assert api.get("/api/relations/UKR/IND/").json()["event_count"] == 3


def test_relation_with_unknown_or_same_country(api):
    assert api.get("/api/relations/IN/ZZ/").status_code == 404
    assert api.get("/api/relations/IN/IN/").status_code == 400


def event_scans(api, path) -> int:
    """Queries of `path` that read the events table."""
    with CaptureQueriesContext(connection) as queries:
        assert api.get(path).status_code == 200
    return sum('"events_event"' in query["sql"] for query in queries)


@pytest.mark.parametrize(
    "path",
    [
        "/api/stats/events/?group_by=month",
        "/api/stats/events/?group_by=year&type=visit&type=meeting",
        "/api/stats/events/?group_by=year&country=IN",
        "/api/stats/events/?group_by=pair",
        "/api/stats/events/?group_by=country",
    ],
)
def test_counts_the_tallies_can_give_do_not_read_the_events(api, path):
    assert event_scans(api, path) == 0


@pytest.mark.parametrize(
    "path", ["/api/stats/events/?group_by=year&country=IN", "/api/relations/IN/UA/"]
)
def test_aggregates_follow_a_new_event_at_once(api, path):
    api.get(path)
    event = factories.EventFactory(date_start=dt.date(2025, 3, 1))
    for code in ("IN", "UA"):
        save(EventCountry(event=event, country=Country.objects.get(iso_alpha2=code)))
    counts = api.get(path).json()
    assert {"key": "2025", "count": 1} in counts.get("results", counts.get("counts_by_year"))


def test_relation_summary_follows_the_event_filters(api):
    data = api.get("/api/relations/IN/UA/?date_before=2024-08").json()
    assert data["event_count"] == 1
    assert data["counts_by_type"] == [{"key": "visit", "count": 1}]
    assert [e["date_label"] for e in data["latest_events"]] == ["Aug 2024"]
    # The quotes were said on 26 Oct, outside the range.
    assert data["statements"] == []


def test_relation_summary_of_a_range_without_events_is_empty(api):
    data = api.get("/api/relations/IN/UA/?date_after=2030").json()
    assert data["event_count"] == 0
    assert data["counts_by_year"] == data["latest_events"] == data["statements"] == []


def test_relation_summary_with_type_and_text_filters(api):
    data = api.get("/api/relations/IN/UA/?type=meeting&type=talks").json()
    assert data["event_count"] == 2
    assert {r["key"] for r in data["counts_by_type"]} == {"meeting", "talks"}


def test_relation_country_filter_adds_a_third_country(api):
    # No event involves India, Ukraine and Russia together in the seed.
    assert api.get("/api/relations/IN/UA/?country=RU").json()["event_count"] == 0


@pytest.mark.parametrize(
    ("query", "name"), [("date_after=someday", "date_after"), ("type=parade", "type")]
)
def test_relation_bad_filter_is_a_400_naming_it(api, query, name):
    response = api.get(f"/api/relations/IN/UA/?{query}")
    assert response.status_code == 400
    assert name in response.json()
