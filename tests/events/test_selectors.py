"""Aggregates and the bilateral summary, on the seed data."""

import pytest

from events.models import Country, Event
from events.selectors import event_counts, relation_summary

pytestmark = pytest.mark.usefixtures("seeded")


def rows(group_by, events=None):
    counts = event_counts(events or Event.objects.all(), group_by)
    return {r["key"]: r["count"] for r in counts.rows}, counts.wider_than_period


def test_counts_by_month_place_only_events_within_one_month():
    assert rows("month") == ({"2024-10": 1, "2024-09": 1, "2024-08": 1, "2024-07": 2}, 1)


def test_counts_by_year_type_country_and_pair():
    assert rows("year") == ({"2024": 5, "2023": 1}, 0)
    assert rows("type")[0] == {"visit": 2, "meeting": 1, "talks": 1, "strike": 1, "other": 1}
    assert rows("country")[0] == {"IN": 5, "UA": 4, "RU": 3}
    assert rows("pair")[0] == {"IN-UA": 3, "IN-RU": 2, "RU-UA": 1}


def test_counts_follow_the_queryset_they_are_given():
    visits = Event.objects.filter(type="visit")
    assert rows("pair", visits)[0] == {"IN-UA": 1, "IN-RU": 1}


def test_unknown_grouping_is_refused():
    with pytest.raises(ValueError):
        event_counts(Event.objects.all(), "weekday")


def test_india_ukraine_relation_summary():
    india, ukraine = Country.objects.get(iso_alpha2="IN"), Country.objects.get(iso_alpha2="UA")
    summary = relation_summary(india, ukraine)
    assert summary.event_count == 3
    assert {r["key"]: r["count"] for r in summary.counts_by_year.rows} == {"2024": 3}
    assert summary.agreements.count() == 4
    assert {a.status for a in summary.agreements} == {"approved"}
    assert [e.date_label for e in summary.events.newest_first()] == [
        "26 Oct 2024",
        "late Sep 2024",
        "Aug 2024",
    ]
    assert [s.official.name for s in summary.statements] == ["Herman Smetanin", "Ravi Shankar"]


def test_relation_summary_is_symmetric():
    india, russia = Country.objects.get(iso_alpha2="IN"), Country.objects.get(iso_alpha2="RU")
    assert (
        relation_summary(india, russia).event_count
        == relation_summary(russia, india).event_count
        == 2
    )
    assert relation_summary(india, russia).agreements.count() == 0


def test_an_event_matching_several_topics_counts_once():
    from django.http import QueryDict

    from events.filters import EventFilter

    query = QueryDict("topic=trade&topic=economy&topic=defense-industry")
    events = EventFilter(query, queryset=Event.objects.all()).qs
    assert rows("month", events)[0] == {"2024-10": 1, "2024-09": 1}
    assert rows("type", events)[0] == {"meeting": 1, "talks": 1, "other": 1}
