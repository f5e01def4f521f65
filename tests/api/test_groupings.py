"""Groupings of countries (EU, ASEAN, M49 regions, ...) as values of the event filters,
members counted on the event's date, and the list of them at /api/groupings/."""

import datetime as dt
import json

import pytest

from events.groupings import DATA_FILE, all_groupings
from events.models import Country, EventCountry
from tests import factories
from tests.writes import save

pytestmark = pytest.mark.usefixtures("seeded")


def event_of(title, day, *codes):
    event = factories.EventFactory(title=title, date_start=day)
    for code in codes:
        save(EventCountry(event=event, country=Country.objects.get(iso_alpha2=code)))
    return event


def titles(api, query):
    response = api.get(f"/api/events/?{query}&page_size=100&fields=title")
    assert response.status_code == 200, response.json()
    return {e["title"] for e in response.json()["results"]}


@pytest.fixture
def brexit(seeded):
    event_of("UK and US, 2019", dt.date(2019, 6, 1), "GB", "US")
    event_of("UK and US, 2021", dt.date(2021, 6, 1), "GB", "US")
    event_of("France and Ukraine, 2021", dt.date(2021, 6, 1), "FR", "UA")


def test_a_grouping_as_country_means_a_member_on_the_event_s_date(api, brexit):
    assert titles(api, "country=EU") == {"UK and US, 2019", "France and Ukraine, 2021"}


def test_a_grouping_combines_with_a_country(api, brexit):
    assert titles(api, "country=EU&country=UA") == {"France and Ukraine, 2021"}
    assert titles(api, "country=eu,US") == {"UK and US, 2019"}


def test_groupings_in_country_any_are_any_member(api):
    event_of("Singapore and Kenya", dt.date(2024, 3, 1), "SG", "KE")
    event_of("Timor-Leste, 2024", dt.date(2024, 3, 1), "TL")
    event_of("Timor-Leste, 2026", dt.date(2026, 3, 1), "TL")
    event_of("Brazil", dt.date(2024, 3, 1), "BR")
    found = titles(api, "country_any=ASEAN,AFRICAN-UNION")
    # Timor-Leste joined ASEAN on 26 Oct 2025.
    assert found == {"Singapore and Kenya", "Timor-Leste, 2026"}
    assert titles(api, "country_any=ASEAN&country_any=BR") == {
        "Singapore and Kenya",
        "Timor-Leste, 2026",
        "Brazil",
    }


def test_un_regions_by_code_or_slug(api):
    # The seed's events are all in Asia or Europe (India, Ukraine, Russia).
    event_of("Peru and Chile", dt.date(2024, 3, 1), "PE", "CL")
    assert titles(api, "country=005") == titles(api, "country=south-america") == {"Peru and Chile"}
    assert titles(api, "country=419") == {"Peru and Chile"}
    europe = api.get("/api/events/?country=150").json()["count"]
    ukraine_or_russia = api.get("/api/events/?country_any=UA,RU").json()["count"]
    assert europe == ukraine_or_russia > 0


def test_a_grouping_filters_stats_and_relations(api, brexit):
    stats = api.get("/api/stats/events/?group_by=year&country=EU").json()
    assert {r["key"]: r["count"] for r in stats["results"]} == {"2019": 1, "2021": 1}
    relation = api.get("/api/relations/US/GB/?country=EU").json()
    assert relation["event_count"] == 1


def test_an_unknown_grouping_is_a_400_naming_the_parameter(api):
    response = api.get("/api/events/?country_any=EU,MERCOSURX")
    assert response.status_code == 400
    assert "MERCOSURX" in response.json()["country_any"][0]


def test_australia_is_still_au(api):
    event_of("Australia", dt.date(2024, 3, 1), "AU")
    assert titles(api, "country=AU") == {"Australia"}


def test_other_filters_take_no_groupings(api):
    response = api.get("/api/officials/?country=EU")
    assert response.status_code == 400
    assert "country" in response.json()


def test_groupings_are_listed_with_members_and_dates(api):
    data = api.get("/api/groupings/").json()
    codes = [g["code"] for g in data]
    assert {"EU", "AFRICAN-UNION", "ASEAN", "NATO", "G7", "G20", "BRICS", "150", "035"} <= set(
        codes
    )
    eu = api.get("/api/groupings/eu/").json()
    assert eu["name"] == "European Union"
    assert {"country": "GB", "since": "1973-01-01", "until": "2020-01-31"} in eu["members"]
    assert api.get("/api/groupings/035/").json()["part_of"] == "142"
    assert api.get("/api/groupings/NOPE/").status_code == 404
    assert api.get("/api/groupings/?kind=forum").status_code == 400


def test_every_member_is_a_known_country_and_no_code_is_a_country_code():
    countries = set(Country.objects.values_list("iso_alpha2", flat=True))
    codes = countries | set(Country.objects.values_list("iso_alpha3", flat=True))
    for grouping in all_groupings():
        assert {m.country for m in grouping.members} <= countries, grouping.code
        assert grouping.code.upper() not in codes and grouping.slug.upper() not in codes
        for m in grouping.members:
            assert m.since is None or m.until is None or m.since < m.until


def test_region_membership_sums_up():
    data = json.loads(DATA_FILE.read_text())
    by_code = {g["code"]: {m["country"] for m in g["members"]} for g in data["groupings"]}
    assert len(by_code["EU"]) == 28  # 27 members and the United Kingdom until 2020
    assert len(by_code["NATO"]) == 32
    assert len(by_code["AFRICAN-UNION"]) == 55
    # Each sub-region is inside its region.
    for g in data["groupings"]:
        if g["part_of"]:
            assert by_code[g["code"]] <= by_code[g["part_of"]], g["code"]
