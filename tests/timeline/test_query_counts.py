"""Every page costs the same number of queries however many events, participants, quotes,
sources, agreements and relations it shows."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import (
    Agreement,
    AgreementParty,
    AgreementStatusChange,
    Citation,
    Country,
    Event,
    EventCountry,
    EventRelation,
    Official,
    Participant,
    Statement,
    Topic,
)
from events.services import event_set_topics
from tests import factories
from tests.writes import save

pytestmark = pytest.mark.usefixtures("seeded")


MODI_VISIT = "091ce69b-02c8-50a9-9e14-1dfd8f9d6b00"
FIRST_AGREEMENT = "fb66f5d4-bc33-5bd5-b6df-32b796abc66a"
# Generous bounds that still catch a query per event (a page shows up to 50).
MOST_QUERIES = 40


def add_rich_event(number):
    """An India-Ukraine event with Modi (his post derived), another participant, a topic,
    a citation, a quote, an agreement with parties and a status, and relations both ways."""
    india, ukraine = Country.objects.get(iso_alpha2="IN"), Country.objects.get(iso_alpha2="UA")
    modi = Official.objects.get(slug="narendra-modi")
    seed_visit = Event.objects.get(public_id=MODI_VISIT)
    event = factories.EventFactory(date_start=dt.date(2024, 1, 1) + dt.timedelta(days=number))
    save(Participant(event=event, official=modi, role="visitor"))
    factories.ParticipantFactory(event=event, role="host")
    save(EventCountry(event=event, country=ukraine))
    event_set_topics(event, [Topic.objects.get(slug="trade")])
    source = factories.SourceFactory()
    save(Citation(event=event, source=source, excerpt="It happened."))
    save(Statement(event=event, official=modi, source=source, text="We agree."))
    agreement = factories.AgreementFactory(event=event)
    for country in (india, ukraine):
        save(AgreementParty(agreement=agreement, country=country))
    save(
        AgreementStatusChange(
            agreement=agreement,
            status="signed",
            date_start=event.date_start,
            date_end=event.date_end,
            date_precision=1,
            source=source,
        )
    )
    save(EventRelation(from_event=event, to_event=seed_visit, kind="precedes"))
    save(EventRelation(from_event=seed_visit, to_event=event, kind="context_for"))
    return event, agreement


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize(
    "url",
    [
        "/timeline/",
        "/timeline/?country=IN&country=UA&topic=trade&topic=economy",
        "/timeline/countries/UA/",
        "/timeline/relations/IN-UA/",
        "/timeline/officials/narendra-modi/",
        f"/timeline/events/{MODI_VISIT}/",
    ],
)
def test_page_costs_the_same_queries_for_more_events(client, url):
    before = count_queries(client, url)
    for number in range(12):
        add_rich_event(number)
    assert count_queries(client, url) == before <= MOST_QUERIES


def test_agreement_page_costs_the_same_queries_for_a_longer_lifecycle(client):
    url = f"/timeline/agreements/{FIRST_AGREEMENT}/"
    before = count_queries(client, url)
    agreement = Agreement.objects.get(public_id=FIRST_AGREEMENT)
    for day in range(1, 8):
        save(
            AgreementStatusChange(
                agreement=agreement,
                status="ratified",
                date_start=dt.date(2024, 9, day),
                date_end=dt.date(2024, 9, day),
                date_precision=1,
                party=Country.objects.get(iso_alpha2="UA"),
                source=factories.SourceFactory(),
            )
        )
        save(AgreementParty(agreement=agreement, organization=factories.OrganizationFactory()))
    assert count_queries(client, url) == before <= MOST_QUERIES


def test_a_listing_reads_its_entries_in_one_query(client):
    """Its entries are one query (the events with everything each lists); the chart, the
    form's choices and the names, the country's lookup and the revision a few more."""
    for number in range(12):
        add_rich_event(number)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/timeline/?country=UA").status_code == 200
    pages = [q["sql"] for q in queries if q["sql"].startswith('SELECT "events_event"."id"')]
    assert len(pages) == 1
    assert "json_" in pages[0]  # its lists built by the database
    assert len(queries) <= 8
