"""Long lists page by cursor: each page starts after the last event of the previous one, read
through the chronological index, never by OFFSET."""

import datetime as dt
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.keyset import Cursor, InvalidCursor
from events.models import Event
from tests.timeline.page_text import event_titles
from tests.timeline.test_index import SEED_TITLES
from tests.writes import save
from timeline import queries

NEXT_LINK = re.compile(r'<a rel="next" href="([^"]+)"')


def test_cursor_survives_the_round_trip_through_a_url():
    cursor = Cursor((dt.date(2024, 7, 8), 1, dt.date(2024, 7, 8), "Київ — talks", 42), True)
    text = cursor.encode()
    assert re.fullmatch(r"[A-Za-z0-9_-]+", text)
    assert Cursor.decode(text) == cursor


@pytest.mark.parametrize(
    "text",
    [
        "not base64 at all!",
        "W10",  # []
        "WyJhIiwyLDMsNCw1LDZd",  # ["a",2,3,4,5,6]: dates that are not dates
        Cursor((dt.date(2024, 1, 1), 1, dt.date(2024, 1, 1), "t", 1), True).encode()[:-4],
    ],
)
def test_a_cursor_not_made_by_the_timeline_is_refused(text):
    with pytest.raises(InvalidCursor):
        Cursor.decode(text)


def follow_pages(client, url):
    """Every page from `url` on, by the "next" links."""
    pages = []
    while url:
        response = client.get(url)
        assert response.status_code == 200
        content = response.content.decode()
        pages.append(event_titles(content))
        found = NEXT_LINK.search(content)
        url = reverse("timeline:index") + html.unescape(found.group(1)) if found else None
    return pages


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize(("ordering", "expected"), [("", SEED_TITLES), ("date", SEED_TITLES[::-1])])
def test_pages_list_every_event_once_in_order(client, monkeypatch, ordering, expected):
    monkeypatch.setattr(queries, "EVENTS_PER_PAGE", 2)
    query = f"?ordering={ordering}" if ordering else ""
    pages = follow_pages(client, reverse("timeline:index") + query)
    assert [len(p) for p in pages] == [2, 2, 2]
    assert [title for p in pages for title in p] == expected


@pytest.mark.usefixtures("seeded")
def test_next_page_keeps_the_filters(client, monkeypatch):
    monkeypatch.setattr(queries, "EVENTS_PER_PAGE", 1)
    pages = follow_pages(client, reverse("timeline:index") + "?country=IN&country=UA")
    assert [title for p in pages for title in p] == SEED_TITLES[:3]


@pytest.mark.usefixtures("seeded")
def test_a_later_page_links_back_to_the_first(client, monkeypatch):
    monkeypatch.setattr(queries, "EVENTS_PER_PAGE", 3)
    first = client.get(reverse("timeline:index") + "?type=visit&type=strike&type=meeting")
    content = first.content.decode()
    assert "First page" not in content
    later = html.unescape(NEXT_LINK.search(content).group(1))
    content = client.get(reverse("timeline:index") + later).content.decode()
    assert 'href="?type=visit&amp;type=strike&amp;type=meeting">First page</a>' in content
    assert NEXT_LINK.search(content) is None


@pytest.mark.usefixtures("seeded")
def test_pages_are_read_by_key_not_by_offset(client, monkeypatch):
    monkeypatch.setattr(queries, "EVENTS_PER_PAGE", 2)
    first = client.get(reverse("timeline:index")).content.decode()
    later = html.unescape(NEXT_LINK.search(first).group(1))
    with CaptureQueriesContext(connection) as captured:
        client.get(reverse("timeline:index") + later)
    page_query = next(q["sql"] for q in captured if "LIMIT 3" in q["sql"])
    assert "OFFSET" not in page_query
    # The sort key compared as a row, which the index can seek to.
    assert '"date_end", "events_event"."title", "events_event"."id") < (' in page_query


@pytest.mark.usefixtures("seeded")
def test_events_sharing_every_sort_column_but_the_key_are_split_across_pages(client, monkeypatch):
    monkeypatch.setattr(queries, "EVENTS_PER_PAGE", 2)
    for _ in range(5):
        save(
            Event(
                title="Same",
                type="meeting",
                date_start=dt.date(2024, 1, 1),
                date_end=dt.date(2024, 1, 1),
                date_precision=1,
            )
        )
    pages = follow_pages(
        client, reverse("timeline:index") + "?date_after=2024-01-01&date_before=2024-01-01"
    )
    assert [len(p) for p in pages] == [2, 2, 1]


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize("cursor", ["garbage", "oldest-first"])
def test_a_damaged_page_link_is_a_400_that_says_so(client, cursor):
    if cursor == "oldest-first":
        event = Event.objects.chronological().first()
        cursor = Cursor(event.sort_key, newest_first=False).encode()  # used on newest first
    response = client.get(reverse("timeline:index"), {"cursor": cursor})
    assert response.status_code == 400
    assert "This page link is damaged" in response.content.decode()


@pytest.mark.usefixtures("seeded")
def test_a_page_past_the_end_says_there_are_no_more_events(client):
    oldest = Event.objects.chronological().first()
    cursor = Cursor(oldest.sort_key, newest_first=True).encode()
    response = client.get(reverse("timeline:index"), {"cursor": cursor})
    assert response.status_code == 200
    assert "No more events." in response.content.decode()


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize("damaged_first", [True, False])
def test_a_damaged_cursor_says_so_only_on_its_own_page(client, damaged_first):
    """The form and the chart are kept per filters, the cursor aside: a damaged cursor's
    message must not be kept into the valid page of the same filters, nor left out."""
    message = "This page link is damaged"
    pages = ["/timeline/?country=UA&cursor=bogus", "/timeline/?country=UA"]
    if not damaged_first:
        pages.reverse()
    responses = {path: client.get(path) for path in pages}
    damaged = responses["/timeline/?country=UA&cursor=bogus"]
    assert damaged.status_code == 400
    assert message in damaged.content.decode()
    valid = responses["/timeline/?country=UA"]
    assert valid.status_code == 200
    assert message not in valid.content.decode()
