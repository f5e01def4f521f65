"""Officials' posts through the API: /api/posts/ and /api/tenures/ (filters, editors'
writes through the services), and an official's `tenures` refused on write rather than
dropped unsaid."""

import datetime as dt

import pytest

from events.models import Country, Official, Participant, Post, Tenure
from tests import factories

pytestmark = pytest.mark.usefixtures("seeded")


def rows(api, path):
    response = api.get(path)
    assert response.status_code == 200, response.json()
    return response.json()["results"]


@pytest.fixture
def strategic_industries():
    return Post.objects.get(title="Minister of Strategic Industries of Ukraine")


def test_who_held_a_post_on_a_day(api, strategic_industries):
    found = rows(
        api, f"/api/tenures/?country=UA&post={strategic_industries.public_id}&on=2024-10-26"
    )
    assert [t["official"]["name"] for t in found] == ["Herman Smetanin"]
    assert found[0]["post"]["title"] == "Minister of Strategic Industries of Ukraine"
    assert found[0]["post"]["country"] == "UA"


def test_tenures_filter_by_official_and_date(api):
    putin = rows(api, "/api/tenures/?official=vladimir-putin")
    assert len(putin) >= 2
    assert all(t["official"]["slug"] == "vladimir-putin" for t in putin)
    assert rows(api, "/api/tenures/?official=vladimir-putin&on=1990-01-01") == []
    assert rows(api, "/api/tenures/?country=IN&on=2024-10-26")
    assert not rows(api, "/api/tenures/?country=BR")


@pytest.mark.parametrize(
    ("query", "name"),
    [("on=someday", "on"), ("official=nobody-at-all", "official"), ("country=ZZ", "country")],
)
def test_bad_tenure_filters_are_400s_naming_them(api, query, name):
    response = api.get(f"/api/tenures/?{query}")
    assert response.status_code == 400
    assert name in response.json()


def test_an_editor_records_a_tenure_and_participants_show_the_post(editor_api):
    official = factories.OfficialFactory(name="Ann Envoy")
    event = factories.EventFactory(date_start=dt.date(2024, 10, 26))
    factories.ParticipantFactory(event=event, official=official)
    post = editor_api.post(
        "/api/posts/",
        {"title": "Envoy of Ukraine to the Moon", "kind": "envoy", "country": "UA"},
        format="json",
    )
    assert post.status_code == 201, post.json()
    response = editor_api.post(
        "/api/tenures/",
        {"official": official.slug, "post": post.json()["id"], "start": "Sep 2024"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    tenure = response.json()
    assert tenure["start"]["date_label"] == "Sep 2024" and tenure["end"] is None
    assert tenure["period_label"] == "since Sep 2024"
    # Written through the services: the participant's post of that day is derived.
    assert Participant.objects.get(event=event).post.title == "Envoy of Ukraine to the Moon"
    changed = editor_api.patch(
        f"/api/tenures/{tenure['id']}/", {"end": "2024-10-01"}, format="json"
    )
    assert changed.status_code == 200, changed.json()
    assert Participant.objects.get(event=event).post is None
    assert editor_api.delete(f"/api/tenures/{tenure['id']}/").status_code == 204
    assert not Tenure.objects.filter(official=official).exists()


def test_a_tenure_ending_before_it_starts_is_a_400_naming_end(editor_api):
    official = factories.OfficialFactory()
    post = factories.PostFactory(country=Country.objects.get(iso_alpha2="UA"))
    response = editor_api.post(
        "/api/tenures/",
        {
            "official": str(official.public_id),
            "post": str(post.public_id),
            "start": "2024",
            "end": "2020",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "end" in response.json()
    bad_date = editor_api.post(
        "/api/tenures/",
        {"official": str(official.public_id), "post": str(post.public_id), "start": "soon"},
        format="json",
    )
    assert list(bad_date.json()) == ["start"]


def test_readers_do_not_write_tenures(api, analyst_api):
    official, post = factories.OfficialFactory(), factories.PostFactory()
    body = {"official": str(official.public_id), "post": str(post.public_id)}
    assert api.post("/api/tenures/", body, format="json").status_code == 401
    assert analyst_api.post("/api/tenures/", body, format="json").status_code == 403


def test_tenures_on_an_official_are_refused_not_dropped(editor_api):
    modi = Official.objects.get(slug="narendra-modi")
    before = modi.tenures.count()
    body = editor_api.get(f"/api/officials/{modi.public_id}/").json()
    body["tenures"] = []
    response = editor_api.put(f"/api/officials/{modi.public_id}/", body, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["tenures"]
    assert modi.tenures.count() == before
    created = editor_api.post(
        "/api/officials/", {"name": "New One", "tenures": [{"post": "x"}]}, format="json"
    )
    assert created.status_code == 400 and "tenures" in created.json()
    assert not Official.objects.filter(name="New One").exists()


def test_posts_filter_by_country_and_title(api):
    titles = [p["title"] for p in rows(api, "/api/posts/?country=UA&q=strategic")]
    assert titles == ["Minister of Strategic Industries of Ukraine"]
