"""`country_any=`: events involving any of several countries (`country=` means all of them),
through the API's list, its stats, its schema and the timeline, which share the filter."""

import pytest
from django.urls import reverse

from events.models import Country, EventCountry
from tests import factories
from tests.timeline.page_text import event_titles
from tests.writes import save

pytestmark = pytest.mark.usefixtures("seeded")

# The seed's events involving Russia, newest first (8 Jul 2024 twice, 2023).
RUSSIA = 3
ALL_SEED_EVENTS = 6


def listed(api, query):
    response = api.get(f"/api/events/?{query}&page_size=100")
    assert response.status_code == 200, response.json()
    data = response.json()
    ids = [e["id"] for e in data["results"]]
    # No row twice, however many of the countries an event involves.
    assert len(ids) == len(set(ids)) == data["count"]
    return ids


@pytest.fixture
def elsewhere(seeded):
    """An event of India and a user-assigned country only: in no seed country pair (after
    `seeded`: inside the test's own savepoint)."""
    event = factories.EventFactory(title="India meets Country XA")
    save(EventCountry(event=event, country=Country.objects.get(iso_alpha2="IN")))
    save(EventCountry(event=event, country=factories.CountryFactory(iso_alpha2="XA")))
    return event


def test_any_country_is_the_union_of_each_country_s_events(api, elsewhere):
    russia, ukraine = listed(api, "country=RU"), listed(api, "country=UA")
    assert len(russia) == RUSSIA
    union = set(russia) | set(ukraine)
    # The strike involves both: once, not twice.
    assert len(union) < len(russia) + len(ukraine)
    for query in ["country_any=RU,UA", "country_any=RU&country_any=UA", "country_any=rus,ukr"]:
        assert set(listed(api, query)) == union
    assert str(elsewhere.public_id) not in union
    assert str(elsewhere.public_id) in listed(api, "country_any=XA,RU")


def test_any_country_keeps_the_list_order(api):
    assert listed(api, "country_any=RU,UA") == listed(api, "")[:ALL_SEED_EVENTS]
    oldest = listed(api, "country_any=RU,UA&ordering=date")
    assert oldest == list(reversed(listed(api, "country_any=RU,UA")))


def test_any_and_all_countries_combine(api, elsewhere):
    india = listed(api, "country=IN")
    assert str(elsewhere.public_id) in india
    both = listed(api, "country=IN&country_any=RU,UA")
    assert set(both) == set(india) - {str(elsewhere.public_id)}


def test_any_country_pages_by_cursor(api):
    first = api.get("/api/events/?country_any=RU,UA&cursor=&page_size=2").json()
    second = api.get(first["next"]).json()
    ids = [e["id"] for e in first["results"] + second["results"]]
    assert ids == listed(api, "country_any=RU,UA")[:4]


@pytest.mark.parametrize("query", ["country_any=ZZ", "country_any=IN,ZZ", "country_any=%2C%2Cxx"])
def test_unknown_country_is_a_400_naming_country_any(api, query):
    response = api.get(f"/api/events/?{query}")
    assert response.status_code == 400
    assert list(response.json()) == ["country_any"]


def test_more_countries_than_a_grouping_has_is_refused(api):
    codes = ",".join(["IN"] * 251)
    response = api.get(f"/api/events/?country_any={codes}")
    assert response.status_code == 400
    assert "country_any" in response.json()


def test_a_region_s_worth_of_countries_is_accepted(api):
    codes = ",".join(Country.objects.values_list("iso_alpha2", flat=True)[:60])
    assert api.get(f"/api/events/?country_any={codes}").status_code == 200


def test_stats_count_the_events_of_any_country(api):
    data = api.get("/api/stats/events/?group_by=type&country_any=RU").json()
    assert data["total"] == RUSSIA
    data = api.get("/api/stats/events/?group_by=month&country_any=RU,UA").json()
    assert data["total"] == ALL_SEED_EVENTS


def test_schema_documents_country_any(api):
    schema = api.get("/api/schema/?format=json").json()
    parameters = schema["paths"]["/api/events/"]["get"]["parameters"]
    (country_any,) = [p for p in parameters if p["name"] == "country_any"]
    assert "at least one" in country_any["description"]
    assert country_any["schema"]["type"] == "array"


def test_timeline_lists_the_events_of_any_country(client):
    response = client.get(reverse("timeline:index") + "?country_any=RU")
    assert response.status_code == 200
    assert len(event_titles(response.content.decode())) == RUSSIA
    bad = client.get(reverse("timeline:index") + "?country_any=ZZ")
    assert bad.status_code == 400
