"""The queries every list is built on: chronological order, date-range overlap, countries
involved, and derived data kept in step with edits."""

from datetime import date

import pytest

from events.dates import DatePrecision as P
from events.dates import FuzzyDate
from events.models import Event, EventCountry, OfficialName, Participant, Statement
from tests import factories
from tests.writes import save

pytestmark = pytest.mark.django_db


def make(title, text):
    fuzzy = FuzzyDate.parse(text)
    return factories.EventFactory(
        title=title,
        date_start=fuzzy.start,
        date_end=fuzzy.end,
        date_precision=fuzzy.precision,
    )


def test_chronological_order_puts_the_more_precise_first_at_equal_starts():
    year = make("A year", "2024")
    month = make("A month", "Jan 2024")
    day = make("A day", "1 Jan 2024")
    early = make("Early January", "early Jan 2024")
    next_day = make("Next day", "2 Jan 2024")
    assert list(Event.objects.chronological()) == [day, early, month, year, next_day]
    assert list(Event.objects.newest_first()) == [next_day, year, month, early, day]


def test_equal_dates_order_by_title_then_key():
    b = make("B", "8 Jul 2024")
    a = make("A", "8 Jul 2024")
    a2 = make("A", "8 Jul 2024")
    assert list(Event.objects.chronological()) == [a, a2, b]


@pytest.mark.parametrize(
    ("after", "before", "expected"),
    [
        (date(2024, 9, 25), date(2024, 9, 25), {"late Sep"}),
        (date(2024, 9, 30), None, {"late Sep", "26 Oct"}),
        (None, date(2024, 8, 15), {"Aug", "8 Jul", "2023"}),
        (date(2024, 8, 31), date(2024, 9, 21), {"Aug", "late Sep"}),
        (date(2023, 12, 31), date(2024, 1, 1), {"2023"}),
        (date(2024, 10, 27), None, set()),
    ],
)
def test_a_date_filter_matches_every_event_whose_range_overlaps_it(after, before, expected):
    for title, text in [
        ("26 Oct", "26 Oct 2024"),
        ("late Sep", "late Sep 2024"),
        ("Aug", "Aug 2024"),
        ("8 Jul", "8 Jul 2024"),
        ("2023", "2023"),
    ]:
        make(title, text)
    found = {e.title for e in Event.objects.overlapping(after, before)}
    assert found == expected


def test_involving_a_country_pair_needs_both_countries():
    india, ukraine, russia = (factories.CountryFactory(iso_alpha2=c) for c in ("IN", "UA", "RU"))
    both = factories.EventFactory(title="both")
    only_india = factories.EventFactory(title="India and Russia")
    for event, countries in [(both, [india, ukraine]), (only_india, [india, russia])]:
        for country in countries:
            save(EventCountry(event=event, country=country))
    assert list(Event.objects.involving(india, ukraine)) == [both]
    assert set(Event.objects.involving(india)) == {both, only_india}


def test_a_participants_country_becomes_involved_in_the_event():
    event = factories.EventFactory()
    country = factories.CountryFactory()
    save(Participant(event=event, official=None, country=country, role="host"))
    assert list(event.countries.all()) == [country]


def test_event_slug_is_readable_and_unique():
    first = make("Modi visits Moscow", "8 Jul 2024")
    second = make("Modi visits Moscow", "8 Jul 2024")
    assert first.slug == "2024-07-08-modi-visits-moscow"
    assert second.slug == "2024-07-08-modi-visits-moscow-2"


def test_public_id_survives_edits():
    event = factories.EventFactory()
    public_id = event.public_id
    event.title = "Renamed"
    save(event)
    event.refresh_from_db()
    assert event.public_id == public_id


def test_event_date_label_and_edtf_come_from_its_fields():
    event = factories.EventFactory(
        date_start=date(2024, 9, 21), date_end=date(2024, 9, 30), date_precision=P.PART_OF_MONTH
    )
    assert event.date_label == "late Sep 2024"
    assert event.date_edtf == "2024-09-21/2024-09-30"


def test_event_type_maps_to_plover_and_cameo():
    visit = factories.EventFactory(type="visit")
    assert (visit.coding.plover_event, visit.coding.plover_mode, visit.coding.cameo_root) == (
        "CONSULT",
        "visit",
        "04",
    )
    planned = factories.EventFactory(type="meeting", status="planned")
    assert planned.coding.plover_event == "AGREE"
    strike = factories.EventFactory(type="strike")
    assert strike.coding.is_context and strike.coding.plover_event == "ASSAULT"


def test_search_finds_events_by_title_participant_spelling_and_quote():
    official = factories.OfficialFactory(name="Volodymyr Zelensky")
    save(OfficialName(official=official, name="Zelenskyy"))
    event = factories.EventFactory(title="Talks on reconstruction", summary="Held in Kyiv.")
    save(Participant(event=event, official=official))
    source = factories.SourceFactory()
    save(Statement(event=event, official=official, source=source, text="We welcome investment."))
    factories.EventFactory(title="Unrelated summit")
    for text in ["reconstruction", "Zelenskyy", "investment", "Kyiv", "zelensky reconstruction"]:
        assert list(Event.objects.search(text)) == [event], text
    assert list(Event.objects.search("nowhere")) == []
    assert Event.objects.search("").count() == 2


def test_search_follows_a_renamed_official():
    official = factories.OfficialFactory(name="Old Name")
    event = factories.EventFactory()
    save(Participant(event=event, official=official))
    official.name = "New Name"
    save(official)
    assert list(Event.objects.search("New Name")) == [event]
    assert list(Event.objects.search("Old")) == []


def test_country_links_carry_the_events_sort_key():
    event = make("Talks", "late Sep 2024")
    link = save(EventCountry(event=event, country=factories.CountryFactory()))
    assert (link.date_start, link.date_end, link.date_precision, link.title) == (
        event.date_start,
        event.date_end,
        event.date_precision,
        "Talks",
    )
    event.date = FuzzyDate.parse("Oct 2024")
    event.title = "Renamed talks"
    save(event)
    link.refresh_from_db()
    assert (link.date_start, link.date_end, link.date_precision, link.title) == (
        date(2024, 10, 1),
        date(2024, 10, 31),
        P.MONTH,
        "Renamed talks",
    )


def test_a_country_filter_orders_and_ranges_on_that_countrys_index():
    country = factories.CountryFactory()
    queryset = (
        Event.objects.involving(country, start=date(2024, 1, 1))
        .overlapping(start=date(2024, 1, 1))
        .newest_first()
    )
    sql = str(queryset.query)
    # One join to the country's links, carrying the date range and the order.
    assert sql.count('"events_eventcountry"') == 1
    assert 'lead."date_end" >=' in sql
    assert 'ORDER BY lead."date_start" DESC' in sql


def test_keyset_after_continues_a_country_filtered_order():
    country = factories.CountryFactory()
    events = [make(f"Event {n}", f"{n + 1} Jan 2024") for n in range(5)]
    for event in events:
        save(EventCountry(event=event, country=country))
    ordered = Event.objects.involving(country).newest_first()
    third = list(ordered)[2]
    rest = ordered.after(third.sort_key, newest_first=True)
    assert [e.title for e in rest] == ["Event 1", "Event 0"]


def test_a_quote_moved_to_another_event_leaves_the_first_ones_search():
    first, second = factories.EventFactory(title="First"), factories.EventFactory(title="Second")
    source = factories.SourceFactory()
    official = factories.OfficialFactory()
    statement = save(Statement(event=first, official=official, source=source, text="Unmistakable"))
    assert list(Event.objects.search("Unmistakable")) == [first]
    statement = type(statement).objects.get(pk=statement.pk)
    statement.event = second
    save(statement)
    assert list(Event.objects.search("Unmistakable")) == [second]


def test_a_renamed_organization_is_found_in_its_events():
    organization = factories.OrganizationFactory(name="Old Ministry")
    event = factories.EventFactory()
    save(Participant(event=event, organization=organization))
    organization.name = "Ministry of Renamed Affairs"
    save(organization)
    assert list(Event.objects.search("Renamed")) == [event]
