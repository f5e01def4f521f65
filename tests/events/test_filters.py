"""The event filters the API and the timeline share, on the seed data."""

import pytest
from django.http import QueryDict

from events.filters import EventFilter
from events.models import Event

pytestmark = pytest.mark.usefixtures("seeded")


def labels(query):
    f = EventFilter(QueryDict(query), queryset=Event.objects.all())
    assert f.is_valid(), f.errors
    return [e.date_label for e in f.qs]


def errors(query):
    f = EventFilter(QueryDict(query), queryset=Event.objects.all())
    assert not f.is_valid()
    return f.errors


def test_no_filter_lists_everything_newest_first():
    assert labels("") == [
        "26 Oct 2024",
        "late Sep 2024",
        "Aug 2024",
        "8 Jul 2024",
        "8 Jul 2024",
        "2023",
    ]


def test_ordering_by_date_is_oldest_first():
    assert labels("ordering=date")[0] == "2023"


@pytest.mark.parametrize(
    "query", ["country=IN&country=UA", "country=in,ukr", "country=IND&country=UA"]
)
def test_country_pair_needs_both_countries(query):
    assert labels(query) == ["26 Oct 2024", "late Sep 2024", "Aug 2024"]


def test_unknown_country_code_is_named():
    assert "XX" in errors("country=IN&country=XX")["country"][0]


def test_official_by_slug_or_public_id():
    by_slug = labels("official=narendra-modi")
    assert by_slug == ["late Sep 2024", "Aug 2024", "8 Jul 2024"]
    from events.models import Official

    modi = Official.objects.get(slug="narendra-modi")
    assert labels(f"official={modi.public_id}") == by_slug
    assert "nobody" in errors("official=nobody")["official"][0]


def test_organization_filter():
    assert labels("organization=embassy-of-india-in-ukraine") == ["26 Oct 2024"]


def test_type_topic_and_precision_filters():
    assert labels("type=visit") == ["Aug 2024", "8 Jul 2024"]
    assert labels("type=visit&type=talks") == ["late Sep 2024", "Aug 2024", "8 Jul 2024"]
    assert labels("topic=defense-industry") == ["26 Oct 2024", "late Sep 2024"]
    assert labels("precision=part_of_month") == ["late Sep 2024"]
    assert "type" in errors("type=picnic")
    assert "topic" in errors("topic=gardening")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("date_after=2024-09-25&date_before=2024-09-25", ["late Sep 2024"]),
        ("date_after=2024-09", ["26 Oct 2024", "late Sep 2024"]),
        ("date_before=2024-07-31", ["8 Jul 2024", "8 Jul 2024", "2023"]),
        ("date_after=2023-12-31&date_before=2024-07-07", ["2023"]),
        ("date_after=Aug 2024&date_before=Aug 2024", ["Aug 2024"]),
    ],
)
def test_dates_match_every_event_whose_range_overlaps(query, expected):
    assert labels(query) == expected


def test_bad_dates_are_named():
    assert "date_after" in errors("date_after=not-a-date")
    assert "date_before" in errors("date_after=2025&date_before=2024")


def test_text_search_over_names_and_quotes():
    assert labels("q=Okhmatdyt") == ["8 Jul 2024", "8 Jul 2024"]  # the strike and the visit
    assert labels("q=hospital children") == ["8 Jul 2024", "8 Jul 2024"]
    assert labels("q=Shankar") == ["26 Oct 2024"]
    assert labels("q=Zelenskyy") == ["late Sep 2024"]


def test_updated_since():
    assert labels("updated_since=2030-01-01T00:00:00Z") == []
    assert "updated_since" in errors("updated_since=yesterday")


def test_type_and_topic_filters_need_no_distinct():
    from events.filters import EventFilter as Filter

    sql = str(
        Filter(
            QueryDict("type=visit&topic=trade&topic=economy"), queryset=Event.objects.all()
        ).qs.query
    )
    assert "DISTINCT" not in sql
