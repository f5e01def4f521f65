"""Download what I see: each listing links to the API's exports of its filters, and each
link gives exactly the events the listing lists (across its pages), no more, no fewer."""

import csv
import datetime as dt
import html
import io
import json
import re

import pytest
from django.urls import reverse

from events.models import Event
from events.services import write_unit
from tests import factories
from tests.timeline.page_text import event_titles

FORMATS = ("csv", "ics", "timelinejs", "geojson")


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def download_links(content: str) -> dict[str, str]:
    nav = re.search(r'<nav class="downloads".*?</nav>', content, re.S).group(0)
    urls = [html.unescape(url) for url in re.findall(r'href="([^"]+)"', nav)]
    return {re.search(r"format=(\w+)", url).group(1): url for url in urls}


def listed_titles(client, url) -> list[str]:
    """The titles of every event the listing lists, following its "next" links."""
    titles = []
    while url:
        content = page(client, url)
        titles += event_titles(content)
        following = re.search(r'rel="next" href="([^"]+)"', content)
        url = url.split("?")[0] + html.unescape(following.group(1)) if following else None
    return titles


def exported_titles(client, url: str, name: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    body = b"".join(response.streaming_content).decode()
    if name == "csv":
        return [row["title"] for row in csv.DictReader(io.StringIO(body))]
    if name == "ics":
        unfolded = body.replace("\r\n ", "")
        summaries = re.findall(r"^SUMMARY:(.*)$", unfolded, re.M)
        return [re.sub(r"\\([,;\\])", r"\1", s.strip()) for s in summaries]
    if name == "timelinejs":
        return [html.unescape(e["text"]["headline"]) for e in json.loads(body)["events"]]
    return [f["properties"]["title"] for f in json.loads(body)["features"]]


LISTINGS = [
    "/timeline/",
    "/timeline/?country=IN&country=UA",
    "/timeline/?type=visit&ordering=date",
    "/timeline/?date_after=2024-08&date_before=2024-09",
    "/timeline/?q=Modi",
    "/timeline/countries/UA/",
    "/timeline/countries/RU/?type=visit",
    "/timeline/relations/IN-UA/",
    "/timeline/relations/IN-RU/?date_before=2024-07",
    "/timeline/officials/narendra-modi/",
    "/timeline/officials/narendra-modi/?country=UA",
]


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize("url", LISTINGS)
def test_every_download_link_gives_exactly_the_listed_events(client, url):
    listed = listed_titles(client, url)
    assert listed, "a listing with events shows what is at stake"
    links = download_links(page(client, url))
    assert sorted(links) == sorted(FORMATS)
    located = set(Event.objects.filter(latitude__isnull=False).values_list("title", flat=True))
    for name, link in links.items():
        assert link.startswith(reverse("api:event-list") + "?")
        expected = [t for t in listed if t in located] if name == "geojson" else listed
        assert sorted(exported_titles(client, link, name)) == sorted(expected), (name, link)


@pytest.mark.usefixtures("seeded")
def test_a_page_fixed_filter_is_written_into_the_links(client):
    links = download_links(page(client, "/timeline/relations/IN-UA/?type=visit"))
    assert "country=IN&country=UA" in links["csv"]
    assert "type=visit" in links["csv"]


@pytest.mark.django_db
def test_downloads_hold_every_page_of_the_list_not_the_page_shown(client):
    with write_unit():
        for day in range(53):  # more than a page of 50
            factories.EventFactory(
                date_start=dt.date(2024, 5, 1) + dt.timedelta(days=day), title=f"Parley {day}"
            )
        factories.EventFactory(title="Unrelated call", type="call")
    first = page(client, "/timeline/?q=Parley")
    assert len(event_titles(first)) == 50
    following = html.unescape(re.search(r'rel="next" href="([^"]+)"', first).group(1))
    links = download_links(page(client, "/timeline/" + following))
    assert "cursor" not in links["csv"]
    assert len(exported_titles(client, links["csv"], "csv")) == 53
    assert len(exported_titles(client, links["ics"], "ics")) == 53


@pytest.mark.usefixtures("seeded")
def test_a_listing_that_cannot_be_read_offers_no_downloads(client):
    response = client.get("/timeline/?date_after=not-a-date")
    assert response.status_code == 400
    assert 'class="downloads"' not in response.content.decode()
