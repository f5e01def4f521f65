"""The events-per-month chart: one bar per month of the range, what it cannot place said
in words, and the same data as a table of links."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Country, EventCountry
from events.selectors import Counts
from events.services import write_unit
from importing.api import import_file
from tests import factories
from tests.timeline.page_text import event_titles, texts
from tests.writes import save
from timeline.chart import MAX_BARS, MAX_YEAR_LABELS, PLOT_HEIGHT, month_chart

SEED_MONTHS = Counts(
    "month",
    [
        {"key": k, "count": c}
        for k, c in [("2024-10", 1), ("2024-09", 1), ("2024-08", 1), ("2024-07", 2)]
    ],
    1,
)


def test_every_month_of_the_range_gets_a_bar_even_without_events():
    chart = month_chart(SEED_MONTHS)
    # Padded back to a year, so four months do not fill the width.
    assert [bar.key for bar in chart.bars][:2] == ["2023-11", "2023-12"]
    assert [bar.key for bar in chart.bars][-1] == "2024-10"
    assert len(chart.bars) == 12
    assert [bar.count for bar in chart.bars][-4:] == [2, 1, 1, 1]
    assert sum(bar.count == 0 for bar in chart.bars) == 8


def test_bar_heights_are_proportional_and_months_left_to_right():
    chart = month_chart(SEED_MONTHS)
    july, august = chart.bars[-4], chart.bars[-3]
    assert july.height == PLOT_HEIGHT and august.height == PLOT_HEIGHT / 2
    assert july.x < august.x
    assert chart.busiest.label == "Jul 2024"
    assert (chart.placed, chart.wider_than_period, chart.total) == (5, 1, 6)


def test_ten_years_of_months_are_bars_of_a_month_not_padded():
    rows = [{"key": "2024-12", "count": 3}, {"key": "2015-01", "count": 1}]
    chart = month_chart(Counts("month", rows, 0))
    assert len(chart.bars) == 10 * 12 and chart.period == "month"
    assert chart.bars[0].label == "Jan 2015"
    # One event among hundreds still shows.
    assert chart.bars[0].height >= 2


@pytest.mark.parametrize(
    "first, period, label",
    [
        ("1995-01", "quarter", "Q1 1995"),
        ("1950-03", "year", "1950"),
        ("1800-07", "5 years", "1800\u20131804"),
    ],
)
def test_a_long_range_is_drawn_in_longer_periods_so_bars_stay_visible(first, period, label):
    rows = [{"key": "2024-12", "count": 3}, {"key": first, "count": 1}]
    chart = month_chart(Counts("month", rows, 0))
    assert chart.period == period
    assert len(chart.bars) <= MAX_BARS
    assert chart.bars[0].label == label
    # On a phone's 340 px of plot, every bar is at least two pixels wide.
    assert min(bar.width for bar in chart.bars) / 100 * 340 >= 2
    assert sum(bar.count for bar in chart.bars) == 4


def test_a_quarter_bar_links_to_its_three_months():
    rows = [{"key": "2024-12", "count": 3}, {"key": "1995-02", "count": 1}]
    bar = month_chart(Counts("month", rows, 0)).bars[0]
    assert (bar.label, bar.date_after, bar.date_before, bar.count) == (
        "Q1 1995",
        "1995-01",
        "1995-03",
        1,
    )


@pytest.mark.parametrize(
    "first", ["2023-11", "2019-02", "2000-06", "1990-01", "1950-05", "1800-07"]
)
def test_every_year_tick_is_labelled_and_stands_on_its_january(first):
    rows = [{"key": "2024-12", "count": 3}, {"key": first, "count": 1}]
    chart = month_chart(Counts("month", rows, 0))
    assert 1 <= len(chart.years) <= MAX_YEAR_LABELS
    slot = 100 / len(chart.bars)
    for mark in chart.years:
        bar = chart.bars[round(mark.x / slot)]
        # The bar at the tick starts that year: January, Q1, the year, or 5 years from it.
        assert bar.key == f"{mark.year}-01", (mark, bar)
    years = [mark.year for mark in chart.years]
    if len(years) > 1:
        step = years[1] - years[0]
        # Evenly spaced, on round years: 1990, 2000, 2010 rather than 1993, 2003.
        assert all(b - a == step for a, b in zip(years, years[1:], strict=False))
        assert all(year % step == 0 for year in years)


def test_the_first_year_of_a_padded_range_gets_no_tick_in_its_november():
    chart = month_chart(SEED_MONTHS)  # Nov 2023 to Oct 2024
    assert [(mark.year, chart.bars[round(mark.x / (100 / 12))].label) for mark in chart.years] == [
        (2024, "Jan 2024")
    ]


def test_no_events_no_bars():
    chart = month_chart(Counts("month", [], 2))
    assert chart.bars == [] and chart.total == 2


@pytest.mark.usefixtures("seeded")
class TestOnThePage:
    def content(self, client, query=""):
        response = client.get(reverse("timeline:index") + query)
        assert response.status_code == 200
        return response.content.decode()

    def test_chart_is_inline_svg_above_the_list(self, client):
        content = self.content(client)
        assert content.index("<svg") < content.index('class="event-title"')
        assert 'role="img" aria-labelledby="chart-title chart-desc"' in content
        assert '<title id="chart-title">Events per month, Nov 2023 to Oct 2024</title>' in content
        assert "busiest month is Jul 2024 with 2" in content
        assert content.count('<rect class="chart-bar"') == 4
        assert "<title>Jul 2024: 2 events</title>" in content

    def test_chart_says_how_many_events_it_cannot_place(self, client):
        note = texts(self.content(client), "p", "chart-note")
        assert note == [
            "1 event dated only to a longer period (a quarter, a year, days across months) "
            "is not in the chart."
        ]

    def test_table_lists_each_month_with_a_link_that_narrows_the_list(self, client):
        content = self.content(client, "?country=IN")
        rows = texts(content, "tr")[1:]
        assert rows == ["Oct 2024 1", "Sep 2024 1", "Aug 2024 1", "Jul 2024 1"]
        assert (
            'href="?country=IN&amp;date_after=2024-07&amp;date_before=2024-07">Jul 2024</a>'
            in content
        )

    def test_each_bar_links_to_the_list_of_its_month(self, client):
        content = self.content(client)
        bars = re.findall(
            r'<a class="chart-link" href="\?([^"]+)"[^>]*>.*?<title>(\w+ \d+): (\d+) events?</title>',
            content,
        )
        assert [label for _, label, _ in bars] == ["Jul 2024", "Aug 2024", "Sep 2024", "Oct 2024"]
        for link, label, count in bars:
            listed = event_titles(self.content(client, "?" + link.replace("&amp;", "&")))
            assert len(listed) == int(count), label
        assert "?date_after=2024-07&amp;date_before=2024-07" in content

    def test_one_event_matches_in_the_singular(self, client):
        summary = texts(self.content(client, "?q=Smetanin"), "p", "listing-summary")[0]
        assert summary.startswith("1 event matches the filters.")
        summary = texts(self.content(client, "?country=IN&country=RU"), "p", "listing-summary")[0]
        assert summary.startswith("2 events match the filters.")

    def test_chart_follows_the_filters(self, client):
        content = self.content(client, "?country=IN&country=RU")
        assert content.count('<rect class="chart-bar"') == 1
        assert "<title>Jul 2024: 1 event</title>" in content
        assert "2 events match the filters." in content

    def test_counts_follow_a_new_event_at_once(self, client):
        self.content(client, "?country=IN")
        event = factories.EventFactory(date_start=dt.date(2024, 10, 1))
        save(EventCountry(event=event, country=Country.objects.get(iso_alpha2="IN")))
        assert "<title>Oct 2024: 2 events</title>" in self.content(client, "?country=IN")
        assert "<title>Oct 2024: 2 events</title>" in self.content(client)

    def test_the_chart_of_all_events_is_read_from_the_tallies(self, client):
        with CaptureQueriesContext(connection) as queries:
            self.content(client)
        assert not any("COUNT(" in q["sql"] and '"events_event"' in q["sql"] for q in queries)

    def test_an_import_changes_the_counts(self, client, tmp_path):
        assert "<title>Oct 2024: 1 event</title>" in self.content(client)
        path = tmp_path / "events.csv"
        path.write_text("external_id,date,type,title\nC-1,2024-10-02,call,Imported\n")
        import_file(str(path))
        assert "<title>Oct 2024: 2 events</title>" in self.content(client)

    def test_every_page_of_the_same_filters_draws_the_same_chart(self, client):
        with write_unit():  # one transaction, derived once
            for day in range(55):  # more than a page
                start = dt.date(2024, 5, 1) + dt.timedelta(days=day)
                factories.EventFactory(date_start=start, title=f"Spring talks {day}")
        first = self.content(client, "?q=Spring")
        following = re.search(r'rel="next" href="\?([^"]+)"', first).group(1)
        second = self.content(client, "?" + following.replace("&amp;", "&"))
        chart = first[first.index('<figure class="chart">') : first.index("</figure>")]
        assert chart in second
        assert "cursor" not in chart  # its links start the list again


def test_chart_markup_has_no_style_attributes_for_the_content_security_policy():
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    html = render_to_string(
        "timeline/includes/chart.html",
        {"chart": month_chart(SEED_MONTHS)},
        request=RequestFactory().get("/timeline/"),
    )
    assert html.count('<rect class="chart-bar"') == 4
    assert not re.search(r"\sstyle=", html)
