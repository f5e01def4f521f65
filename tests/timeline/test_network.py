"""Who met whom: for the filtered meetings, visits, calls, summits and talks, the pairs of
countries and of officials that shared them, with counts from SQL (the pair tally when the
filters allow), drawn as a circle of the busiest and listed in full as a table."""

import html
import re
from collections import Counter
from itertools import combinations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

import events.network
from events.models import Event
from events.network import MEETING_TYPES, Edge, Network
from tests.timeline.page_text import event_titles, texts
from timeline.network import HEIGHT, NODES_SHOWN, WIDTH, circle

pytestmark = pytest.mark.usefixtures("seeded")


def page(client, query="", status=200):
    response = client.get("/timeline/network/" + query)
    assert response.status_code == status
    return response.content.decode()


def table(content, section):
    part = content.split(f'<section class="network" aria-labelledby="{section}-title">')[1]
    part = part.split("</section>")[0]
    return texts(part, "tr")[1:]


def expected_pairs(events, key):
    """Pairs counted the slow way, over every event in Python (the test's own answer)."""
    counted = Counter()
    for event in events.filter(type__in=MEETING_TYPES).prefetch_related(
        "countries", "participants__official"
    ):
        members = (
            {c.name for c in event.countries.all()}
            if key == "countries"
            else {p.official.name for p in event.participants.all() if p.official}
        )
        for pair in combinations(sorted(members), 2):
            counted[pair] += 1
    return sorted(f"{a} – {b} {n}" for (a, b), n in counted.items())


@pytest.mark.parametrize("query", ["", "?country=UA", "?date_after=1900", "?type=visit", "?q=Modi"])
def test_pairs_are_counted_as_the_events_say(client, query):
    from django.http import QueryDict

    from events.filters import EventFilter

    content = page(client, query)
    matching = EventFilter(QueryDict(query.lstrip("?")), queryset=Event.objects.all()).qs
    assert sorted(table(content, "countries")) == expected_pairs(matching, "countries")
    assert sorted(table(content, "officials")) == expected_pairs(matching, "officials")


def test_the_seed_network(client):
    content = page(client)
    assert table(content, "countries") == ["India – Ukraine 3", "India – Russia 1"]
    assert content.count('<circle class="network-node"') == 3 + 5
    assert "<title>India and Ukraine: 3 meetings</title>" in content


def test_each_pair_links_to_exactly_its_meetings(client):
    content = page(client, "?date_after=2024")
    links = re.findall(r'<th scope="row"><a href="([^"]+)">([^<]+)</a></th><td>(\d+)</td>', content)
    assert links
    for link, pair, count in links:
        assert len(event_titles(client.get(html.unescape(link)).content.decode())) == int(count), (
            pair
        )


def test_types_that_bring_no_one_together_draw_nothing(client):
    content = page(client, "?type=strike")
    assert "No two countries met in these events." in content
    assert "<svg" not in content.split("<h1>")[1]


def test_unfiltered_countries_are_counted_from_the_pair_tally(client):
    with CaptureQueriesContext(connection) as queries:
        page(client)
    assert not any("COUNT(" in q["sql"] and "events_eventcountry" in q["sql"] for q in queries)


def test_officials_are_paired_over_the_latest_meetings_and_the_page_says_so(client, monkeypatch):
    monkeypatch.setattr(events.network, "OFFICIAL_EVENTS", 1)
    monkeypatch.setattr("timeline.queries.OFFICIAL_EVENTS", 1)
    content = page(client)
    # The latest meeting: Smetanin and Shankar, 26 Oct 2024.
    assert table(content, "officials") == ["Herman Smetanin – Ravi Shankar 1"]
    assert "Counted over the latest 1 meetings that match." in content


def test_bad_filters_are_a_400(client):
    assert 'role="alert"' in page(client, "?date_before=soon", status=400)


def test_the_circle_draws_the_busiest_nodes_apart_and_inside():
    edges = [Edge(f"A{i:02d}", f"B{i:02d}", 30 - i) for i in range(20)]
    drawing = circle(
        Network(edges, ["meeting"], {}),
        label=str,
        short=str,
        node_url=lambda key: f"/{key}/",
        pair_url=lambda a, b: "",
    )
    assert len(drawing.nodes) == NODES_SHOWN and drawing.more_nodes == 40 - NODES_SHOWN
    assert [n.key for n in drawing.nodes[:2]] == ["A00", "B00"]
    spots = {(n.x, n.y) for n in drawing.nodes}
    assert len(spots) == NODES_SHOWN
    assert all(0 < n.x < WIDTH and 0 < n.y < HEIGHT for n in drawing.nodes)
    shown = {n.key for n in drawing.nodes}
    assert all(line.first.key in shown and line.second.key in shown for line in drawing.lines)
    assert len(drawing.pairs) == 20  # the table has every pair
    widths = sorted(line.width for line in drawing.lines)
    assert widths[-1] == 8 and widths[0] >= 1
