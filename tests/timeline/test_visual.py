"""The visual timeline: the list's filtered events in lanes by type or by country pair,
fuzzy dates drawn as ranges and uncertain ones hatched; past MAX_DRAWN events, counts per
lane and year from SQL (the tallies when the filters allow), each cell a link to its
events."""

import datetime as dt
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

import events.lanes
from events.dates import DatePrecision
from events.models import Country, EventCountry
from events.services import write_unit
from tests import factories
from tests.timeline.page_text import event_titles, texts
from tests.writes import save
from timeline.axis import Axis

SEED_TYPES = {
    "visit": 2,
    "meeting": 1,
    "talks or negotiations": 1,
    "missile or air strike (context)": 1,
}


def page(client, query="", status=200):
    response = client.get("/timeline/visual/" + query)
    assert response.status_code == status
    return response.content.decode()


def marks(content):
    """(classes, x, width, title) of each event drawn."""
    return re.findall(
        r'<rect class="(mark[^"]*)" x="([\d.]+)%" y="\d+" width="([\d.]+)%" height="12">'
        r"<title>([^<]*)</title>",
        content,
    )


def cells(content):
    """(link, title, count) of each counted cell."""
    found = re.findall(
        r'<a href="([^"]+)" tabindex="-1"><rect class="cell[^"]*"[^>]*><title>([^<]*): (\d+) events?</title>',
        content,
    )
    return [(html.unescape(link), title, int(n)) for link, title, n in found]


def lane_rows(content):
    return texts(content.split('<table class="visual-table">')[1], "tr")[1:]


@pytest.mark.usefixtures("seeded")
class TestDrawn:
    def test_each_event_is_a_mark_in_its_type_lane_linking_to_its_page(self, client):
        content = page(client)
        assert len(marks(content)) == 6
        rows = lane_rows(content)
        assert rows[: len(SEED_TYPES)] == [f"{label} {n}" for label, n in SEED_TYPES.items()]
        assert (
            '<a href="/timeline/events/2024-08-01-modi-makes-his-first-visit-to-ukraine/"'
            in content
        )

    def test_fuzzy_dates_are_ranges_as_wide_as_they_are_uncertain(self, client):
        drawn = {
            title.split(": ", 1)[1]: (cls, float(w)) for cls, _, w, title in marks(page(client))
        }
        year_cls, year_width = drawn["India-Russia bilateral trade reaches a historic high"]
        month_cls, month_width = drawn["Modi makes his first visit to Ukraine"]
        day_cls, day_width = drawn["Modi visits Moscow and holds talks with Putin"]
        assert "fuzzy" in year_cls and "fuzzy" in month_cls and "fuzzy" not in day_cls
        # 2023 over Jan 2023 - Oct 2024 (670 days); August over the same.
        assert year_width == pytest.approx(365 / 670 * 100, abs=0.01)
        assert month_width == pytest.approx(31 / 670 * 100, abs=0.01)
        assert day_width < month_width

    def test_approximate_and_uncertain_dates_are_hatched(self, client):
        factories.EventFactory(title="Reported call", date_qualifier="uncertain", type="call")
        factories.EventFactory(title="Call around then", date_qualifier="approximate", type="call")
        drawn = {title.split(": ", 1)[1]: cls for cls, _, _, title in marks(page(client))}
        assert "uncertain" in drawn["Reported call"]
        assert "uncertain" in drawn["Call around then"]
        assert "uncertain" not in drawn["Modi visits Moscow and holds talks with Putin"]
        assert 'id="hatch"' in page(client)

    def test_grouped_by_pair_an_event_is_in_each_pair_it_joins(self, client):
        content = page(client, "?group=pair")
        assert lane_rows(content) == ["India – Ukraine 3", "India – Russia 2", "Russia – Ukraine 1"]
        assert 'aria-current="true">country pair</strong>' in content
        assert '<a href="/timeline/?country=IN&amp;country=UA">India – Ukraine</a>' in content

    def test_the_filters_of_the_list_apply(self, client):
        content = page(client, "?country=IN&country=RU")
        assert sorted(t.split(": ", 1)[1] for *_, t in marks(content)) == [
            "India-Russia bilateral trade reaches a historic high",
            "Modi visits Moscow and holds talks with Putin",
        ]
        # The form keeps the grouping when the filters change.
        assert '<input type="hidden" name="group" value="pair">' in page(client, "?group=pair")

    def test_links_lead_to_the_same_filters_elsewhere(self, client):
        content = page(client, "?country=IN")
        assert '<a href="/timeline/?country=IN">List</a>' in content
        assert '<strong aria-current="page">Visual timeline</strong>' in content
        assert '<a href="/timeline/visual/?country=IN">Visual timeline</a>' in (
            client.get("/timeline/?country=IN").content.decode()
        )

    @pytest.mark.parametrize(
        "query",
        ["?group=decade", "?date_after=yesterday-ish", "?country=XX", "?group=pair&type=nope"],
    )
    def test_bad_input_is_a_400_with_the_form_saying_why(self, client, query):
        content = page(client, query, status=400)
        assert 'class="errors" role="alert"' in content
        assert '<svg class="visual-plot"' not in content

    def test_nothing_matching_says_so(self, client):
        assert "No events match these filters." in page(client, "?q=zzzzqqq")


@pytest.mark.usefixtures("seeded")
class TestCounted:
    """Past MAX_DRAWN events (lowered here so that the seed and a few more pass it)."""

    @pytest.fixture(autouse=True)
    def few_drawn(self, monkeypatch):
        monkeypatch.setattr(events.lanes, "MAX_DRAWN", 2)

    def add_events(self):
        india, ukraine = (Country.objects.get(iso_alpha2=c) for c in ("IN", "UA"))
        with write_unit():
            for year, kind in [(2010, "call"), (2010, "call"), (2016, "visit")]:
                event = factories.EventFactory(
                    date_start=dt.date(year, 3, 1), type=kind, title=f"Old {kind} {year}"
                )
                save(EventCountry(event=event, country=india))
                save(EventCountry(event=event, country=ukraine))

    @pytest.mark.parametrize(
        "query",
        [
            "",
            "?q=Old",
            "?type=call&type=visit",
            "?group=pair",
            "?group=pair&q=Modi",
            "?group=pair&country=UA",
        ],
    )
    def test_each_cell_links_to_exactly_its_events(self, client, query):
        self.add_events()
        content = page(client, query)
        assert not marks(content)
        found = cells(content)
        assert found
        for link, title, count in found:
            assert len(event_titles(client.get(link).content.decode())) == count, (title, link)

    def test_lanes_count_every_event_of_their_type(self, client):
        self.add_events()
        rows = lane_rows(page(client))
        assert "phone or video call 2 2010 (2)" in rows
        assert "visit 3 2024 (2)" in rows

    def test_the_unfiltered_picture_is_counted_from_the_tallies(self, client):
        self.add_events()
        with CaptureQueriesContext(connection) as queries:
            page(client)
        assert not any("COUNT(" in q["sql"] and '"events_event"' in q["sql"] for q in queries)

    def test_events_that_all_span_years_are_said_to_not_fit_a_cell(self, client):
        with write_unit():
            for n in range(3):
                factories.EventFactory(
                    title=f"Long process {n}",
                    date_start=dt.date(2010, 1, 1),
                    date_end=dt.date(2012, 12, 31),
                    date_precision=DatePrecision.DAY_RANGE,
                )
        content = page(client, "?q=process")
        assert "All 3 matching events span more than a year" in content

    def test_cells_are_years_over_a_long_range_and_bounded(self, client):
        with write_unit():
            factories.EventFactory(date_start=dt.date(1820, 5, 1), title="Congress")
        content = page(client)
        assert "Events per 5 years" in content
        assert (
            max(len(re.findall(r'class="cell', lane)) for lane in content.split('<g class="lane">'))
            <= 60
        )


@pytest.mark.django_db
def test_queries_are_few_however_many_events_are_drawn(client, django_assert_max_num_queries):
    with write_unit():
        for day in range(120):
            factories.EventFactory(date_start=dt.date(2020, 1, 1) + dt.timedelta(days=day * 3))
    for query in ("", "?group=pair"):
        with django_assert_max_num_queries(12):
            page(client, query)


def test_axis_labels_years_on_their_first_of_january():
    axis = Axis.around(dt.date(2019, 5, 3), dt.date(2024, 10, 26))
    ticks = axis.ticks()
    assert [t.label for t in ticks] == ["2020", "2021", "2022", "2023", "2024"]
    assert ticks[0].x == axis.x(dt.date(2020, 1, 1))


def test_axis_over_a_few_months_labels_months_and_over_centuries_round_years():
    months = Axis.around(dt.date(2024, 7, 8), dt.date(2024, 10, 26)).ticks()
    assert [t.label for t in months] == ["Jul 2024", "Aug 2024", "Sep 2024", "Oct 2024"]
    years = Axis(dt.date(1800, 1, 1), dt.date(2024, 12, 31)).ticks()
    assert [t.label for t in years] == ["1800", "1850", "1900", "1950", "2000"]
