"""Where: the filtered events with coordinates counted per place in SQL and drawn over
country outlines shipped with the app (Natural Earth via world-atlas), nothing from
another host."""

import datetime as dt
import re
from collections import Counter
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

import events.located
from events.located import event_places
from events.models import Event
from tests import factories
from tests.timeline.page_text import texts
from timeline.world import SVG_FILE, country_shapes, project, world_svg


def page(client, query="", status=200):
    response = client.get("/timeline/map/" + query)
    assert response.status_code == status
    return response.content.decode()


def places_table(content):
    return texts(content.split('<table class="places-table">')[1], "tr")[1:]


@pytest.mark.usefixtures("seeded")
class TestPage:
    @pytest.mark.parametrize("query", ["", "?country=RU", "?type=visit", "?date_after=2024-08"])
    def test_places_count_the_located_events_the_filters_match(self, client, query):
        from django.http import QueryDict

        from events.filters import EventFilter

        matching = EventFilter(QueryDict(query.lstrip("?")), queryset=Event.objects.all()).qs
        expected = Counter(
            matching.filter(latitude__isnull=False).values_list("location", flat=True)
        )
        rows = places_table(page(client, query))
        assert sorted((row.split()[0], int(row.split()[-1])) for row in rows) == sorted(
            expected.items()
        )

    def test_a_place_is_drawn_where_its_coordinates_put_it(self, client):
        content = page(client)
        x, y = project(30.5234, 50.4501)  # Kyiv, as the seed gives it
        found = re.search(
            r'<circle class="map-point" cx="([\d.]+)" cy="([\d.]+)" r="[\d.]+"><title>Kyiv: 2 events',
            content,
        )
        assert (float(found.group(1)), float(found.group(2))) == pytest.approx((x, y), abs=0.01)
        assert '<image href="/static/timeline/map/world-110m.svg"' in content

    def test_places_close_together_share_a_point_that_says_so(self, client):
        factories.EventFactory(
            location="Irpin", latitude=Decimal("50.52"), longitude=Decimal("30.25")
        )
        content = page(client)
        assert (
            "Irpin and places near it: 3 events" in content
            or "Kyiv and places near it: 3 events" in content
        )

    def test_events_without_coordinates_say_so(self, client):
        assert "None of the events matching these filters has coordinates." in page(
            client, "?type=talks"
        )

    def test_past_the_places_drawn_the_rest_are_counted(self, client, monkeypatch):
        monkeypatch.setattr(events.located, "MOST_PLACES", 1)
        content = page(client)
        assert "3 events with coordinates" in content
        assert "1 event at quieter places is not drawn." in content

    def test_bad_filters_are_a_400(self, client):
        assert 'role="alert"' in page(client, "?country=ZZ", status=400)

    def test_links_lead_to_the_same_filters_elsewhere(self, client):
        content = page(client, "?country=UA")
        assert '<strong aria-current="page">Where</strong>' in content
        assert '<a href="/timeline/network/?country=UA">Who met whom</a>' in content


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's query plan")
def test_the_count_reads_the_located_events_index():
    factories.EventFactory(
        location="Kyiv",
        latitude=Decimal("50.45"),
        longitude=Decimal("30.52"),
        date_start=dt.date(2020, 1, 1),
    )
    with CaptureQueriesContext(connection) as queries:
        found = event_places(Event.objects.all())
    assert found.located == Event.objects.filter(latitude__isnull=False).count() >= 1
    grouped = next(q["sql"] for q in queries if "GROUP BY" in q["sql"])
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {grouped}")
        plan = " ".join(str(row) for row in cursor.fetchall())
    # Only the located events' index is read: not every event.
    assert "event_located" in plan and "event_chronological" not in plan, plan


def test_the_shipped_outlines_are_what_the_map_data_makes():
    assert SVG_FILE.read_text() == world_svg(), "run manage.py build_world_map"


def test_outlines_are_decoded_and_projected_in_degrees():
    ukraine = next(shape for shape in country_shapes() if shape.name == "Ukraine")
    points = [tuple(map(float, p.split())) for p in re.split("[MLZ]", ukraine.path) if p]
    xs, ys = [x - 180 for x, _ in points], [90 - y for _, y in points]
    # Ukraine lies between about 22°E and 40°E, 44°N and 52.4°N.
    assert 21 < min(xs) < 23 and 39 < max(xs) < 41
    assert 44 < min(ys) < 46 and 51.5 < max(ys) < 53
    assert len(country_shapes()) > 170


def test_no_outline_jumps_across_the_map_at_the_antimeridian():
    for shape in country_shapes():
        for ring in re.findall(r"M([^MZ]+)Z", shape.path):
            xs = [float(point.split()[0]) for point in ring.split("L")]
            assert all(abs(b - a) < 180 for a, b in zip(xs, xs[1:], strict=False)), shape.name
    russia = next(shape for shape in country_shapes() if shape.name == "Russia")
    # Chukotka reaches past 180°: drawn at the map's east edge and again at its west.
    xs = [float(p.split()[0]) for p in re.split("[MLZ]", russia.path) if p]
    assert max(xs) > 359 and min(xs) < 1
