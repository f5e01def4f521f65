"""The lists inside an event (participants, agreements, sources, statements) are built as
JSON by the database (events.api.nested): the API's shape, values and order on SQLite and
PostgreSQL, whatever the names hold."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Citation, EventRelation, Participant, Statement
from tests import factories
from tests.writes import save

pytestmark = pytest.mark.django_db


def read(api, event, field="participants"):
    response = api.get(f"/api/events/{event.public_id}/?fields={field}")
    assert response.status_code == 200, response.json()
    return response.json()[field]


def test_every_kind_of_participant_reads_with_its_nested_records(api):
    ukraine = factories.CountryFactory(iso_alpha2="UA", iso_alpha3="UKR", name="Ukraine")
    event = factories.EventFactory()
    # Names a hand-built JSON string would break: quotes, backslashes, control
    # characters, non-Latin letters and a character outside the BMP.
    official = factories.OfficialFactory(name='Volodymyr "Vova" Zelenskyy \\ Зеленський 🇺🇦')
    post = factories.PostFactory(title="President\tof Ukraine\n", country=ukraine)
    organization = factories.OrganizationFactory(name="Verkhovna Rada", country=None)
    first = save(
        Participant(
            event=event,
            official=official,
            post=post,
            post_chosen=True,
            country=ukraine,
            role="host",
            note="Kyiv",
        )
    )
    second = save(Participant(event=event, organization=organization, role="participant", note=""))
    third = save(Participant(event=event, country=ukraine, role="signatory"))

    assert read(api, event) == [
        {
            "id": str(first.public_id),
            "official": {
                "id": str(official.public_id),
                "name": official.name,
                "slug": official.slug,
            },
            "organization": None,
            "country": "UA",
            "role": "host",
            "post": {"id": str(post.public_id), "title": post.title},
            "note": "Kyiv",
        },
        {
            "id": str(second.public_id),
            "official": None,
            "organization": {
                "id": str(organization.public_id),
                "name": "Verkhovna Rada",
                "slug": organization.slug,
            },
            "country": None,
            "role": "participant",
            "post": None,
            "note": "",
        },
        {
            "id": str(third.public_id),
            "official": None,
            "organization": None,
            "country": "UA",
            "role": "signatory",
            "post": None,
            "note": third.note,
        },
    ]


def test_participants_keep_the_order_they_were_added_in(api):
    event = factories.EventFactory()
    # Names in reverse alphabetical order, so an order by name would show.
    added = [
        factories.ParticipantFactory(event=event, official=factories.OfficialFactory(name=name))
        for name in ("Zelenskyy", "Modi", "Albanese", "Putin")
    ]
    assert [p["id"] for p in read(api, event)] == [str(p.public_id) for p in added]


def test_an_event_without_participants_reads_an_empty_list(api):
    event = factories.EventFactory()
    assert read(api, event) == []


def test_a_page_reads_each_events_own_participants(api):
    events = factories.EventFactory.create_batch(3)
    names = {}
    for number, event in enumerate(events):
        for _ in range(number):
            participant = factories.ParticipantFactory(event=event)
            names.setdefault(str(event.public_id), []).append(participant.official.name)
    results = api.get("/api/events/?fields=id,participants").json()["results"]
    read_names = {
        e["id"]: [p["official"]["name"] for p in e["participants"]]
        for e in results
        if e["participants"]
    }
    assert read_names == names


def test_agreements_read_by_title_with_disclosed_as_a_boolean(api):
    event = factories.EventFactory()
    secret = factories.AgreementFactory(event=event, title="On defence", disclosed=False)
    public = factories.AgreementFactory(event=event, title="On agriculture", disclosed=True)
    assert read(api, event, "agreements") == [
        {
            "id": str(agreement.public_id),
            "title": agreement.title,
            "kind": agreement.kind,
            "status": agreement.status,
            "disclosed": agreement.disclosed,
        }
        for agreement in (public, secret)
    ]


def test_sources_read_with_publisher_and_publication_time_in_iso_form(api):
    event = factories.EventFactory()
    publisher = factories.OrganizationFactory(name="The Hindu")
    dated = factories.SourceFactory(
        publisher=publisher,
        published_at=dt.datetime(2024, 10, 26, 14, 5, 9, 120000, tzinfo=dt.UTC),
    )
    undated = factories.SourceFactory(headline='A "quoted" headline')
    save(Citation(event=event, source=dated, excerpt="Modi met Zelenskyy."))
    save(Citation(event=event, source=undated))
    assert read(api, event, "sources") == [
        {
            "id": str(dated.public_id),
            "url": dated.url,
            "headline": dated.headline,
            "publisher": "The Hindu",
            "published_at": "2024-10-26T14:05:09.120000Z",
            "excerpt": "Modi met Zelenskyy.",
        },
        {
            "id": str(undated.public_id),
            "url": undated.url,
            "headline": 'A "quoted" headline',
            "publisher": None,
            "published_at": None,
            "excerpt": "",
        },
    ]


def test_statements_read_with_who_spoke_and_their_source(api):
    event = factories.EventFactory()
    source = factories.SourceFactory()
    official = factories.OfficialFactory(name="Dmytro Kuleba")
    ministry = factories.OrganizationFactory(name="Ministry of External Affairs")
    by_official = save(Statement(event=event, official=official, source=source, text="We agreed."))
    by_body = save(Statement(event=event, organization=ministry, source=source, text="Noted."))
    ref = {"id": str(official.public_id), "name": official.name, "slug": official.slug}
    body = {"id": str(ministry.public_id), "name": ministry.name, "slug": ministry.slug}
    assert read(api, event, "statements") == [
        {
            "id": str(by_official.public_id),
            "official": ref,
            "organization": None,
            "text": "We agreed.",
            "source": str(source.public_id),
            "source_headline": source.headline,
            "source_url": source.url,
        },
        {
            "id": str(by_body.public_id),
            "official": None,
            "organization": body,
            "text": "Noted.",
            "source": str(source.public_id),
            "source_headline": source.headline,
            "source_url": source.url,
        },
    ]


def test_a_full_page_is_one_query_and_the_revision_whatever_it_lists(api):
    for _ in range(3):
        event = factories.EventFactory()
        factories.ParticipantFactory(event=event)
        factories.AgreementFactory(event=event)
        save(Citation(event=event, source=factories.SourceFactory()))
        save(
            Statement(
                event=event,
                official=factories.OfficialFactory(),
                source=factories.SourceFactory(),
                text="Yes.",
            )
        )
        save(EventRelation(from_event=event, to_event=factories.EventFactory(), kind="precedes"))
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert api.get("/api/events/?cursor=").status_code == 200
    # The events with every list inside them, related events included; and the data's
    # revision, which the page's ETag is made of.
    assert len(queries) == 2
