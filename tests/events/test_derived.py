"""Derived data (events.derived) stays what the records say, whichever way they are
written: the tallies give the counts a scan of the events gives, the countries involved
follow the participants, and refresh_derived finds nothing to repair."""

import random
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.dates import FuzzyDate
from events.derived import tallies
from events.models import Country, Event, EventCountry, Participant
from events.selectors import event_counts
from events.services import (
    EventSpec,
    ParticipantSpec,
    event_change,
    event_create,
    event_update,
    record_delete,
)
from importing.api import import_file
from tests import factories
from tests.writes import delete, save

pytestmark = pytest.mark.usefixtures("seeded")

CODES = ["IN", "UA", "RU", "US", "CN", "FR"]


def assert_in_step():
    """The stored tallies are a recount of the events, and the counts they give are the
    counts of the events themselves."""
    recount = tallies.keys_of(Event.objects.values_list("pk", flat=True))
    assert +recount == +tallies.stored()
    everything = Event.objects.all()
    for group_by in ("month", "year", "type", "country", "pair"):
        tallied = event_counts(everything, group_by, filters={})
        counted = event_counts(everything, group_by)
        assert (tallied.rows, tallied.wider_than_period) == (
            counted.rows,
            counted.wider_than_period,
        ), group_by
    india = Country.objects.get(iso_alpha2="IN")
    for group_by in ("month", "year"):
        tallied = event_counts(Event.objects.involving(india), group_by, {"country": [india]})
        counted = event_counts(Event.objects.involving(india), group_by)
        assert (
            tallied.rows == counted.rows and tallied.wider_than_period == counted.wider_than_period
        )
    visits = Event.objects.filter(type="visit")
    assert (
        event_counts(visits, "month", {"type": ["visit"]}).rows
        == event_counts(visits, "month").rows
    )
    # A relation page's counts, of every type or some (either order of the pair).
    ukraine = Country.objects.get(iso_alpha2="UA")
    for group_by in ("month", "year", "type"):
        for types in ([], ["visit", "call"]):
            pair = Event.objects.involving(ukraine, india)
            if types:
                pair = pair.filter(type__in=types)
            filters = {"country": [ukraine, india], "type": types}
            with CaptureQueriesContext(connection) as read:
                tallied = event_counts(pair, group_by, filters)
            assert all("events_event" not in q["sql"] for q in read.captured_queries)
            counted = event_counts(pair, group_by)
            assert (tallied.rows, tallied.wider_than_period) == (
                counted.rows,
                counted.wider_than_period,
            ), (group_by, types)


def random_date(rng) -> FuzzyDate:
    start = date(2020, 1, 1) + timedelta(days=rng.randint(0, 1800))
    return rng.choice(
        [
            FuzzyDate.day(start),
            FuzzyDate.month(start.year, start.month),
            FuzzyDate.year(start.year),
            FuzzyDate.day_range(start, start + timedelta(days=rng.randint(1, 40))),
        ]
    )


def test_tallies_follow_every_kind_of_write():
    rng = random.Random(7)
    countries = {code: Country.objects.get(iso_alpha2=code) for code in CODES}
    created = []
    for number in range(25):
        spec = EventSpec(
            title=f"Random {number}",
            type=rng.choice(["meeting", "visit", "call"]),
            status=rng.choice(["held", "planned"]),
            date=random_date(rng),
            countries=rng.sample(list(countries.values()), rng.randint(0, 2)),
            participants=[
                ParticipantSpec(country=c, role="participant")
                for c in rng.sample(list(countries.values()), rng.randint(0, 3))
            ],
        )
        created.append(event_create(spec))
    assert_in_step()
    for event in rng.sample(created, 10):
        event_change(event, date=random_date(rng), type="summit")
    for event in rng.sample(created, 5):
        if not event.event_countries.filter(country=countries["US"]).exists():
            save(EventCountry(event=event, country=countries["US"]))
    for participant in Participant.objects.filter(event__in=created)[:5]:
        delete(participant)
    for event in rng.sample(created, 5):
        record_delete(Event.objects.get(pk=event.pk))
    assert_in_step()


def test_tallies_follow_an_import(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text(
        "external_id,date,type,title,countries\n"
        "T-1,2024-10-02,call,One,IN;UA\n"
        "T-2,Q3 2023,meeting,Two,RU;US;CN\n"
        "T-3,2021,visit,Three,FR\n"
    )
    import_file(str(path))
    assert_in_step()


def test_the_countries_involved_follow_a_corrected_participant():
    india, ukraine, poland = (Country.objects.get(iso_alpha2=c) for c in ("IN", "UA", "PL"))
    event = event_create(
        EventSpec(
            title="Talks",
            type="meeting",
            date=FuzzyDate.day(date(2024, 5, 1)),
            countries=[india],
            participants=[ParticipantSpec(country=ukraine, role="host")],
        )
    )
    assert set(event.countries.all()) == {india, ukraine}
    spec_participants = [ParticipantSpec(country=poland, role="host")]
    event_update(
        event,
        EventSpec(
            title="Talks",
            type="meeting",
            date=event.date,
            countries=[india],
            participants=spec_participants,
        ),
    )
    # Ukraine came with the participant and went with it; India is the editor's own.
    assert set(event.countries.all()) == {india, poland}


def test_a_participant_edited_alone_moves_the_countries_too():
    event = factories.EventFactory()
    participant = factories.ParticipantFactory(
        event=event, official=None, country=factories.CountryFactory()
    )
    first = participant.country
    assert list(event.countries.all()) == [first]
    second = factories.CountryFactory()
    save(participant, country=second)
    assert list(event.countries.all()) == [second]


def test_refresh_derived_finds_everything_in_step_and_repairs_what_is_not(capsys):
    call_command("refresh_derived", "--check")
    # Behind the app's back: a link's sort key and a tally go wrong.
    link = EventCountry.objects.first()
    EventCountry.objects.filter(pk=link.pk).update(title="stale")
    from events.models import MonthTally

    MonthTally.objects.filter(pk=MonthTally.objects.first().pk).update(count=999)
    with pytest.raises(Exception, match="Out of step"):
        call_command("refresh_derived", "--check")
    call_command("refresh_derived")
    call_command("refresh_derived", "--check")
    assert_in_step()
