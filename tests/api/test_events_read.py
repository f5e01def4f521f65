"""Reading events: shape, filters through HTTP, pagination, order, query counts."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.api.events import EventSerializer
from events.models import Citation, Country, Event, EventCountry
from events.services import write_unit
from tests import factories
from tests.writes import save

pytestmark = pytest.mark.usefixtures("seeded")


def labels(api, query=""):
    response = api.get(f"/api/events/?{query}")
    assert response.status_code == 200, response.json()
    return [e["date_label"] for e in response.json()["results"]]


def test_event_reads_with_its_date_participants_sources_and_relations(api):
    (event,) = api.get("/api/events/?q=Okhmatdyt&type=visit").json()["results"]
    assert event["title"] == "Modi visits Moscow and holds talks with Putin"
    assert event["coding"] == {
        "plover_event": "CONSULT",
        "plover_mode": "visit",
        "cameo_root": "04",
    }
    assert (event["date_start"], event["date_end"], event["date_precision"]) == (
        "2024-07-08",
        "2024-07-08",
        "day",
    )
    assert (event["date_label"], event["date_edtf"]) == ("8 Jul 2024", "2024-07-08")
    assert event["countries"] == ["IN", "RU"]
    assert event["location"] == {
        "name": "Moscow",
        "country": "RU",
        "latitude": 55.7558,
        "longitude": 37.6173,
    }
    posts = {p["official"]["name"]: (p["role"], p["post"]["title"]) for p in event["participants"]}
    assert posts == {
        "Narendra Modi": ("visitor", "Prime Minister of India"),
        "Vladimir Putin": ("host", "President of Russia"),
    }
    assert event["sources"][0]["headline"].startswith("Ukraine, India discuss")
    assert "hug" in event["sources"][0]["excerpt"]
    relations = {(r["relation"], r["title"]) for r in event["related_events"]}
    assert relations == {
        ("precedes", "Modi makes his first visit to Ukraine"),
        ("has as context", "Russian strike hits Okhmatdyt children's hospital in Kyiv"),
        ("has as context", "India-Russia bilateral trade reaches a historic high"),
    }
    assert event["timeline_url"].endswith(f"/timeline/events/{event['id']}/")


def test_event_detail_by_public_id(api):
    event = Event.objects.get(date_precision=3)
    data = api.get(f"/api/events/{event.public_id}/").json()
    assert data["date_label"] == "late Sep 2024"
    assert "reconstruction" in data["topics"] and len(data["topics"]) == 7
    assert api.get("/api/events/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_agreements_read_on_their_event(api):
    (visit,) = api.get("/api/events/?precision=month").json()["results"]
    assert len(visit["agreements"]) == 4
    assert {(a["status"], a["disclosed"]) for a in visit["agreements"]} == {("approved", False)}


def assert_shape(value, field, path="event"):
    """`value` has exactly the keys `field` declares, all the way down."""
    if value is None:
        assert field.allow_null, f"{path} is null but not declared nullable"
        return
    child = getattr(field, "child", None)
    if child is not None:
        assert isinstance(value, list), path
        for index, item in enumerate(value):
            assert_shape(item, child, f"{path}[{index}]")
    elif hasattr(field, "fields"):
        readable = {n for n, f in field.fields.items() if not f.write_only}
        assert set(value) == readable, f"{path}: {set(value) ^ readable}"
        for name in readable:
            assert_shape(value[name], field.fields[name], f"{path}.{name}")


def test_representation_has_exactly_the_declared_fields(api):
    """The schema is generated from EventSerializer; the data comes from event_data."""
    for event in api.get("/api/events/").json()["results"]:
        assert_shape(event, EventSerializer())


def test_filters_work_through_http(api):
    assert labels(api, "country=IN&country=UA") == ["26 Oct 2024", "late Sep 2024", "Aug 2024"]
    assert labels(api, "country=IND&country=RUS") == ["8 Jul 2024", "2023"]
    assert labels(api, "official=vladimir-putin") == ["8 Jul 2024"]
    assert labels(api, "organization=ministry-of-strategic-industries-of-ukraine") == [
        "26 Oct 2024"
    ]
    assert labels(api, "type=strike") == ["8 Jul 2024"]
    assert labels(api, "topic=reconstruction") == ["late Sep 2024"]
    assert labels(api, "precision=year") == ["2023"]
    assert labels(api, "date_after=2024-09-25&date_before=2024-09-25") == ["late Sep 2024"]
    assert labels(api, "q=Shankar") == ["26 Oct 2024"]
    assert labels(api, "ordering=date")[0] == "2023"


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("date_after=not-a-date", "date_after"),
        ("date_before=2024-02-30", "date_before"),
        ("country=ZZ", "country"),
        ("official=nobody", "official"),
        ("type=picnic", "type"),
        ("topic=gardening", "topic"),
        ("precision=fortnight", "precision"),
        ("ordering=title", "ordering"),
        ("updated_since=yesterday", "updated_since"),
        ("page_size=0", "page_size"),
        ("page_size=501", "page_size"),
        ("page_size=ten", "page_size"),
    ],
)
def test_malformed_filters_get_400_naming_the_parameter(api, query, parameter):
    response = api.get(f"/api/events/?{query}")
    assert response.status_code == 400
    assert parameter in response.json()


def test_page_size_pages_in_a_stable_order(api):
    for _ in range(7):
        factories.EventFactory(title="Same day")
    seen = []
    page = "/api/events/?page_size=3&ordering=date"
    while page:
        data = api.get(page).json()
        seen += [e["id"] for e in data["results"]]
        page = data["next"]
    assert len(seen) == len(set(seen)) == Event.objects.count()


def test_updated_since_lists_what_changed(api):
    event = Event.objects.get(date_precision=4)
    event.summary = "Edited."
    save(event)
    since = event.updated_at.isoformat()
    ids = [e["id"] for e in api.get("/api/events/", {"updated_since": since}).json()["results"]]
    assert ids == [str(event.public_id)]


def count_queries(api, path):
    """Queries of a cold request: nothing kept from the one before (the count is)."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert api.get(path).status_code == 200
    return len(queries)


def test_a_list_page_costs_the_same_queries_at_page_size_10_and_100(api):
    source = factories.SourceFactory()
    with write_unit():  # one transaction, derived once
        for _ in range(110):
            participant = factories.ParticipantFactory(post=factories.PostFactory())
            save(EventCountry(event=participant.event, country=factories.CountryFactory()))
            save(Citation(event=participant.event, source=source, excerpt="Reported."))
    ten = count_queries(api, "/api/events/?page_size=10")
    assert ten == count_queries(api, "/api/events/?page_size=100")
    # A filter costs its own lookup, once, whatever the page size.
    filtered = count_queries(api, "/api/events/?page_size=10&country=XA")
    assert filtered == count_queries(api, "/api/events/?page_size=100&country=XA") <= ten + 1


def test_fields_limits_the_representation(api):
    results = api.get("/api/events/?fields=title,date_label,participants").json()["results"]
    assert all(set(e) == {"id", "title", "date_label", "participants"} for e in results)
    response = api.get("/api/events/?fields=title,colour")
    assert response.status_code == 400 and "colour" in str(response.json()["fields"])


def test_cursor_pages_read_everything_once_in_order(api):
    for number in range(7):
        factories.EventFactory(title=f"Same day {number}")
    seen, page = [], "/api/events/?cursor=&page_size=4&ordering=date"
    while page:
        data = api.get(page).json()
        assert "count" not in data
        seen += [e["id"] for e in data["results"]]
        page = data["next"]
    expected = [str(e.public_id) for e in Event.objects.chronological()]
    assert seen == expected


def test_a_damaged_or_foreign_cursor_is_a_400(api):
    assert "cursor" in api.get("/api/events/?cursor=garbage").json()
    first = api.get("/api/events/?cursor=&page_size=1").json()["next"]
    token = first.split("cursor=")[1].split("&")[0]
    response = api.get(f"/api/events/?cursor={token}&ordering=date&page_size=1")
    assert response.status_code == 400 and "cursor" in response.json()


def test_a_dashboard_page_costs_three_queries_at_any_size(api):
    """Events of a country in a date range, newest first, with participants."""
    source = factories.SourceFactory()
    ukraine = Country.objects.get(iso_alpha2="UA")
    with write_unit():  # one transaction, derived once
        for _ in range(110):
            participant = factories.ParticipantFactory(post=factories.PostFactory())
            save(EventCountry(event=participant.event, country=ukraine))
            save(Citation(event=participant.event, source=source, excerpt="Reported."))
    query = (
        "/api/events/?country=UA&date_after=2020&date_before=2025&cursor="
        "&fields=id,title,date_start,date_end,date_precision,date_label,countries,participants"
    )
    ten = count_queries(api, query + "&page_size=10")
    # The country's lookup, the data's revision (the ETag), then the events with their
    # countries and participants.
    assert ten == count_queries(api, query + "&page_size=100") == 3
    page_mode = query.replace("&cursor=", "")
    assert count_queries(api, page_mode + "&page_size=10") == ten + 1  # the COUNT


def test_the_count_of_all_events_is_read_from_the_tallies_and_follows_a_new_one(api):
    with CaptureQueriesContext(connection) as queries:
        count = api.get("/api/events/?type=visit").json()["count"]
    assert count == Event.objects.filter(type="visit").count()
    assert not any("COUNT(" in q["sql"] and '"events_event"' in q["sql"] for q in queries)
    factories.EventFactory(type="visit")
    assert api.get("/api/events/?type=visit").json()["count"] == count + 1


def test_a_filtered_count_is_counted_and_follows_a_new_event(api):
    assert api.get("/api/events/?country=IN").json()["count"] == 5
    india = Country.objects.get(iso_alpha2="IN")
    save(EventCountry(event=factories.EventFactory(), country=india))
    assert api.get("/api/events/?country=IN").json()["count"] == 6
