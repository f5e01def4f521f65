"""Nested event writes: all or nothing, errors named by path, public ids kept on update."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from events.dates import FuzzyDate
from events.models import Citation, Event, Participant
from events.services import CitationSpec, EventSpec, ParticipantSpec, event_create, event_update
from tests import factories

pytestmark = pytest.mark.django_db


def spec(**overrides):
    values = dict(title="Talks", type="talks", date=FuzzyDate.parse("late Sep 2024"))
    values.update(overrides)
    return EventSpec(**values)


def test_event_create_writes_participants_citations_and_countries():
    tenure = factories.TenureFactory(start=date(2020, 1, 1))
    source = factories.SourceFactory()
    topic = factories.TopicFactory()
    event = event_create(
        spec(
            participants=[ParticipantSpec(official=tenure.official, role="host")],
            citations=[CitationSpec(source=source, excerpt="They talked.")],
            topics=[topic],
        )
    )
    (participant,) = event.participants.all()
    assert participant.post == tenure.post
    assert list(event.countries.all()) == [tenure.post.country]
    assert event.citations.get().excerpt == "They talked."
    assert list(event.topics.all()) == [topic]
    event.refresh_from_db()
    assert tenure.official.name in event.search_text


def test_event_create_refuses_a_bad_part_and_writes_nothing():
    official = factories.OfficialFactory()
    with pytest.raises(ValidationError) as error:
        event_create(
            spec(
                participants=[
                    ParticipantSpec(official=official, role="host"),
                    ParticipantSpec(official=official, role="host"),
                    ParticipantSpec(official=None, role="host"),
                ]
            )
        )
    assert set(error.value.message_dict) == {"participants.1.official", "participants.2"}
    assert (Event.objects.count(), Participant.objects.count()) == (0, 0)


def test_event_create_names_the_event_field_at_fault():
    with pytest.raises(ValidationError) as error:
        event_create(spec(title="", latitude=50))
    assert {"title", "longitude"} <= set(error.value.message_dict)
    assert Event.objects.count() == 0


def test_event_create_refuses_a_source_cited_twice():
    source = factories.SourceFactory()
    with pytest.raises(ValidationError) as error:
        event_create(spec(citations=[CitationSpec(source), CitationSpec(source)]))
    assert "citations.1.source" in error.value.message_dict
    assert Citation.objects.count() == 0


def test_event_update_keeps_public_ids_of_what_stays_and_removes_the_rest():
    stay, leave = factories.OfficialFactory(), factories.OfficialFactory()
    event = event_create(
        spec(
            participants=[
                ParticipantSpec(official=stay, role="host"),
                ParticipantSpec(official=leave, role="visitor"),
            ]
        )
    )
    kept = event.participants.get(official=stay)
    newcomer = factories.OfficialFactory()
    event_update(
        event,
        spec(
            title="Renamed",
            participants=[
                ParticipantSpec(official=stay, role="host", note="chaired"),
                ParticipantSpec(official=newcomer, role="visitor"),
            ],
        ),
    )
    event.refresh_from_db()
    assert event.title == "Renamed"
    rows = {p.official: p for p in event.participants.all()}
    assert set(rows) == {stay, newcomer}
    assert rows[stay].public_id == kept.public_id and rows[stay].note == "chaired"


def test_event_update_that_fails_changes_nothing():
    official = factories.OfficialFactory()
    event = event_create(spec(participants=[ParticipantSpec(official=official, role="host")]))
    with pytest.raises(ValidationError):
        event_update(event, spec(title="Changed", participants=[ParticipantSpec(role="host")]))
    event.refresh_from_db()
    assert event.title == "Talks"
    assert event.participants.get().official == official


def test_a_write_refreshes_the_search_text_once_however_many_rows_change():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    officials = [factories.OfficialFactory() for _ in range(10)]
    with CaptureQueriesContext(connection) as queries:
        event_create(spec(participants=[ParticipantSpec(official=o) for o in officials]))
    refreshes = [q for q in queries if 'SET "search_text"' in q["sql"]]
    assert len(refreshes) == 1
