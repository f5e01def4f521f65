"""The timeline index: every event, newest first, with its honest date label."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import EventCountry
from tests import factories

pytestmark = pytest.mark.usefixtures("seeded")

SEED_ORDER = [
    "Smetanin meets Indian Ambassador Shankar on defense industry cooperation",
    "Zelensky and Modi discuss trade, defense cooperation and reconstruction",
    "Modi makes his first visit to Ukraine",
    "Russian strike hits Okhmatdyt children&#x27;s hospital in Kyiv",
    "Modi visits Moscow and holds talks with Putin",
    "India-Russia bilateral trade reaches a historic high",
]


def test_root_redirects_to_the_timeline(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("timeline:index")


def test_timeline_lists_seed_events_newest_first(client):
    content = client.get(reverse("timeline:index")).content.decode()
    positions = [content.index(title) for title in SEED_ORDER]
    assert positions == sorted(positions)


def test_timeline_shows_dates_as_precisely_as_known(client):
    content = client.get(reverse("timeline:index")).content.decode()
    for edtf, label in [
        ("2024-10-26", "26 Oct 2024"),
        ("2024-09-21/2024-09-30", "late Sep 2024"),
        ("2024-08", "Aug 2024"),
        ("2024-07-08", "8 Jul 2024"),
        ("2023", "2023"),
    ]:
        assert f'<time datetime="{edtf}">{label}</time>' in content


def test_timeline_shows_participants_with_the_posts_they_held(client):
    content = client.get(reverse("timeline:index")).content.decode()
    assert "Herman Smetanin, Minister of Strategic Industries of Ukraine" in content
    assert "Vladimir Putin, President of Russia" in content


def test_timeline_escapes_what_editors_type(client):
    factories.EventFactory(title="<script>alert(1)</script>", summary="<b>bold</b>")
    content = client.get(reverse("timeline:index")).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "&lt;b&gt;bold&lt;/b&gt;" in content


def test_timeline_costs_the_same_queries_for_more_events(client):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("timeline:index")).status_code == 200
        return len(captured)

    few = queries()
    for _ in range(15):
        participant = factories.ParticipantFactory()
        EventCountry.objects.create(event=participant.event, country=factories.CountryFactory())
    assert queries() == few
