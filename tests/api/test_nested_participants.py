"""Participants are built as JSON by the database (events.api.nested): the same shape,
values and order on SQLite and PostgreSQL as the fields say, whatever the names hold."""

import pytest

from events.models import Participant
from tests import factories

pytestmark = pytest.mark.django_db


def read(api, event):
    response = api.get(f"/api/events/{event.public_id}/?fields=participants")
    assert response.status_code == 200, response.json()
    return response.json()["participants"]


def test_every_kind_of_participant_reads_with_its_nested_records(api):
    ukraine = factories.CountryFactory(iso_alpha2="UA", iso_alpha3="UKR", name="Ukraine")
    event = factories.EventFactory()
    # Names a hand-built JSON string would break: quotes, backslashes, control
    # characters, non-Latin letters and a character outside the BMP.
    official = factories.OfficialFactory(name='Volodymyr "Vova" Zelenskyy \\ Зеленський 🇺🇦')
    post = factories.PostFactory(title="President\tof Ukraine\n", country=ukraine)
    organization = factories.OrganizationFactory(name="Verkhovna Rada", country=None)
    first = Participant.objects.create(
        event=event,
        official=official,
        post=post,
        post_chosen=True,
        country=ukraine,
        role="host",
        note="Kyiv",
    )
    second = Participant.objects.create(
        event=event, organization=organization, role="participant", note=""
    )
    third = Participant.objects.create(event=event, country=ukraine, role="signatory")

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
        for index in range(number):
            participant = factories.ParticipantFactory(event=event)
            names.setdefault(str(event.public_id), []).append(participant.official.name)
    results = api.get("/api/events/?fields=id,participants").json()["results"]
    read_names = {
        e["id"]: [p["official"]["name"] for p in e["participants"]]
        for e in results
        if e["participants"]
    }
    assert read_names == names
