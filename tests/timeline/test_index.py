"""The timeline index on the seed data: what each entry shows, in which order and groups."""

import pytest
from django.urls import reverse

from events.models import Citation, Source
from tests import factories
from tests.timeline.page_text import event_titles, texts
from tests.writes import save

pytestmark = pytest.mark.usefixtures("seeded")

SEED_TITLES = [
    "Smetanin meets Indian Ambassador Shankar on defense industry cooperation",
    "Zelensky and Modi discuss trade, defense cooperation and reconstruction",
    "Modi makes his first visit to Ukraine",
    "Russian strike hits Okhmatdyt children's hospital in Kyiv",
    "Modi visits Moscow and holds talks with Putin",
    "India-Russia bilateral trade reaches a historic high",
]


def page(client, query=""):
    response = client.get(reverse("timeline:index") + query)
    assert response.status_code == 200
    return response.content.decode()


def entries(content):
    """Each listed event's text, by its title."""
    return dict(zip(event_titles(content), texts(content, "article"), strict=True))


def test_root_redirects_to_the_timeline(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("timeline:index")


def test_timeline_lists_seed_events_newest_first(client):
    assert event_titles(page(client)) == SEED_TITLES


def test_order_control_switches_to_oldest_first(client):
    content = page(client)
    assert 'href="?ordering=date"' in content
    assert event_titles(page(client, "?ordering=date")) == SEED_TITLES[::-1]


def test_timeline_groups_events_by_year_then_month(client):
    content = page(client)
    assert [h for h in texts(content, "h2") if h != "Filter events"] == ["2024", "2023"]
    # "2023" is a whole year: it is not put under January.
    assert texts(content, "h3") == [
        "Oct 2024",
        "Sep 2024",
        "Aug 2024",
        "Jul 2024",
        "Over several months",
    ]


def test_timeline_shows_dates_as_precisely_as_known(client):
    content = page(client)
    for edtf, label in [
        ("2024-10-26", "26 Oct 2024"),
        ("2024-09-21/2024-09-30", "late Sep 2024"),
        ("2024-08", "Aug 2024"),
        ("2024-07-08", "8 Jul 2024"),
        ("2023", "2023"),
    ]:
        assert f'<time datetime="{edtf}">{label}</time>' in content


def test_timeline_shows_participants_with_the_posts_they_held(client):
    shown = entries(page(client))
    assert "Herman Smetanin, Minister of Strategic Industries of Ukraine" in shown[SEED_TITLES[0]]
    assert "Ravi Shankar, Ambassador of India to Ukraine" in shown[SEED_TITLES[0]]
    assert "Vladimir Putin, President of Russia (host)" in shown[SEED_TITLES[4]]


def test_entry_shows_type_place_countries_and_summary(client):
    visit = entries(page(client))["Modi makes his first visit to Ukraine"]
    assert "Aug 2024 visit Kyiv, Ukraine" in visit
    assert "Countries: India, Ukraine" in visit
    assert "Ukraine and India approved four cooperation agreements" in visit


def test_entry_shows_agreements_with_their_status(client):
    visit = entries(page(client))["Modi makes his first visit to Ukraine"]
    for number in range(1, 5):
        assert (
            f"Ukraine-India cooperation agreement ({number} of 4, details not disclosed) "
            "agreement, approved, details not disclosed"
        ) in visit


def test_entry_shows_quotes_with_speaker_and_source(client):
    meeting = entries(page(client))[SEED_TITLES[0]]
    assert "Ukraine is open to expanding the scope of partnerships in the defense sector" in meeting
    assert (
        "Herman Smetanin, Ministry of Strategic Industries of Ukraine — "
        "Ukraine, India discuss strengthening defense industry cooperation"
    ) in meeting


def test_entry_cites_its_sources(client):
    for text in entries(page(client)).values():
        assert (
            "Source Ukraine, India discuss strengthening defense industry cooperation, "
            "The Kyiv Independent, 27 Oct 2024"
        ) in text


def test_sources_with_a_web_address_are_links_and_others_are_not(client):
    event = factories.EventFactory(title="Cited twice")
    linked = factories.SourceFactory(headline="Linked", url="https://news.example/a")
    # Written past the services, whose validation refuses such an address, as an older
    # database or a raw import could hold it.
    unsafe = Source.objects.create(headline="Unsafe", url="javascript:alert(1)")
    save(Citation(event=event, source=linked))
    save(Citation(event=event, source=unsafe))
    content = page(client)
    assert '<a href="https://news.example/a" rel="noreferrer">Linked</a>' in content
    assert "javascript:" not in content
    assert "<cite>Unsafe</cite>" in content


def test_related_events_are_worded_from_each_side(client):
    shown = entries(page(client))
    moscow, strike = shown[SEED_TITLES[4]], shown[SEED_TITLES[3]]
    assert f"has as context (same day): {SEED_TITLES[3]} 8 Jul 2024" in moscow
    assert f"is context for (same day): {SEED_TITLES[4]} 8 Jul 2024" in strike
    assert f"precedes: {SEED_TITLES[2]} Aug 2024" in moscow
    assert f"follows: {SEED_TITLES[4]} 8 Jul 2024" in shown[SEED_TITLES[2]]
    # A year and a day never share "the same day".
    assert f"is context for: {SEED_TITLES[4]}" in shown[SEED_TITLES[5]]


def test_timeline_escapes_what_editors_type(client):
    event = factories.EventFactory(title="<script>alert(1)</script>", summary="<b>bold</b>")
    source = factories.SourceFactory(headline="<i>headline</i>")
    save(Citation(event=event, source=source, excerpt="<img src=x>"))
    content = page(client)
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "&lt;b&gt;bold&lt;/b&gt;" in content
    assert "&lt;i&gt;headline&lt;/i&gt;" in content
