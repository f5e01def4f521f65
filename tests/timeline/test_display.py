"""How entries are arranged for reading: groups by year and month, and relations worded from
each event's side."""

import datetime as dt

import pytest

from events.dates import FuzzyDate
from events.models import Event, EventRelation
from tests import factories
from tests.writes import save
from timeline.display import group_by_year_and_month
from timeline.entries import EntryReader, Names


def event(date, title="Event"):
    return {"title": title, "date_start": date.start, "date_end": date.end}


def related_events(event):
    (entry,) = EntryReader(Names.load()).read(Event.objects.filter(pk=event.pk))
    return entry["related"]


def test_groups_follow_the_order_given_and_keep_wider_dates_out_of_months():
    events = [
        event(FuzzyDate.day(dt.date(2024, 7, 8))),
        event(FuzzyDate.quarter(2024, 3)),
        event(FuzzyDate.month(2024, 7)),
        event(FuzzyDate.day_range(dt.date(2023, 12, 30), dt.date(2024, 1, 2))),
        event(FuzzyDate.year(2023)),
    ]
    groups = group_by_year_and_month(events)
    assert [year.year for year in groups] == [2024, 2023]
    assert [[m.heading for m in year.months] for year in groups] == [
        ["Jul 2024", "Over several months", "Jul 2024"],
        ["Over several months"],
    ]
    assert [len(m.events) for year in groups for m in year.months] == [1, 1, 1, 2]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("other_date", "same_day"),
    [
        (FuzzyDate.day(dt.date(2024, 7, 8)), True),
        (FuzzyDate.day(dt.date(2024, 7, 8), qualifier="approximate"), False),
        (FuzzyDate.month(2024, 7), False),
        (FuzzyDate.day(dt.date(2024, 7, 9)), False),
    ],
)
def test_same_day_only_when_both_are_that_exact_day(other_date, same_day):
    strike = factories.EventFactory(date_start=dt.date(2024, 7, 8))
    other = factories.EventFactory(
        date_start=other_date.start,
        date_end=other_date.end,
        date_precision=other_date.precision,
        date_qualifier=other_date.qualifier,
    )
    save(EventRelation(from_event=strike, to_event=other, kind="context_for"))
    [shown] = related_events(other)
    assert shown["label"] == "has as context"
    assert shown["title"] == strike.title
    assert shown["same_day"] is same_day


@pytest.mark.django_db
def test_relations_both_ways_are_listed_oldest_first_in_their_own_words():
    middle = factories.EventFactory(title="Summit", date_start=dt.date(2024, 5, 1))
    before = factories.EventFactory(title="Talks", date_start=dt.date(2024, 4, 1))
    after = factories.EventFactory(title="Signing", date_start=dt.date(2024, 6, 1))
    save(EventRelation(from_event=before, to_event=middle, kind="precedes"))
    save(EventRelation(from_event=after, to_event=middle, kind="part_of"))
    shown = related_events(middle)
    assert [(r["label"], r["title"]) for r in shown] == [
        ("follows", "Talks"),
        ("includes", "Signing"),
    ]
    [from_after] = related_events(after)
    assert (from_after["label"], from_after["title"]) == ("is part of", "Summit")
