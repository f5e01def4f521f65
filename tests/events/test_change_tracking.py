"""Change tracking that sync can trust: whenever anything in an event's representation
changes, its updated_at moves, in the writing transaction; events it does not show keep
theirs."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from events.dates import DatePrecision as P
from events.models import (
    Agreement,
    AgreementStatusChange,
    Citation,
    Country,
    Event,
    EventRelation,
    Official,
    Organization,
    Participant,
    Post,
    Source,
    Statement,
    Tenure,
    Topic,
)
from events.services import InUse, event_set_topics, record_delete
from tests import factories
from tests.writes import delete, save

pytestmark = pytest.mark.usefixtures("seeded")

MODI_VISIT = "091ce69b-02c8-50a9-9e14-1dfd8f9d6b00"


def stamps():
    return dict(Event.objects.values_list("pk", "updated_at"))


def moved(before) -> set[int]:
    after = stamps()
    return {pk for pk, stamp in after.items() if before.get(pk) != stamp}


def events_of(**participating) -> set[int]:
    return set(Participant.objects.filter(**participating).values_list("event_id", flat=True))


def renaming(model, lookup, field, value):
    def change():
        record = model.objects.get(**lookup)
        save(record, **{field: value})

    return change


def test_renaming_an_official_moves_their_events_and_only_theirs():
    before = stamps()
    renaming(Official, {"slug": "narendra-modi"}, "name", "N. Modi")()
    modi = Official.objects.get(slug="narendra-modi")
    shown = events_of(official=modi) | set(
        Statement.objects.filter(official=modi).values_list("event_id", flat=True)
    )
    assert moved(before) == shown and shown


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            lambda: renaming(
                Source, {"headline__icontains": "defense industry"}, "headline", "New"
            )(),
            lambda: set(
                Citation.objects.filter(source__headline="New").values_list("event_id", flat=True)
            ),
            id="a source's headline",
        ),
        pytest.param(
            lambda: renaming(Organization, {"name": "The Kyiv Independent"}, "name", "TKI")(),
            lambda: set(
                Citation.objects.filter(source__publisher__name="TKI").values_list(
                    "event_id", flat=True
                )
            ),
            id="a publisher's name",
        ),
        pytest.param(
            lambda: renaming(Country, {"iso_alpha2": "IN"}, "name", "Bharat")(),
            lambda: set(
                Event.objects.filter(countries__iso_alpha2="IN").values_list("pk", flat=True)
            ),
            id="a country's name",
        ),
        pytest.param(
            lambda: renaming(Post, {"title": "Prime Minister of India"}, "title", "PM of India")(),
            lambda: events_of(post__title="PM of India"),
            id="a post's title",
        ),
    ],
)
def test_renaming_what_events_show_moves_those_events(change, expected):
    before = stamps()
    change()
    assert moved(before) == expected() and expected()


def test_a_new_quote_moves_its_event():
    event = Event.objects.get(public_id=MODI_VISIT)
    before = stamps()
    save(
        Statement(
            event=event,
            official=Official.objects.get(slug="narendra-modi"),
            source=Source.objects.first(),
            text="A new quote.",
        )
    )
    assert moved(before) == {event.pk}


def test_an_agreement_moving_from_approved_to_ratified_moves_its_event():
    change = AgreementStatusChange.objects.select_related("agreement").first()
    agreement = change.agreement
    before = stamps()
    save(
        AgreementStatusChange(
            agreement=agreement,
            status="ratified",
            date_start=date(2025, 1, 10),
            date_end=date(2025, 1, 10),
            date_precision=P.DAY,
        )
    )
    agreement.refresh_from_db()
    assert agreement.status == "ratified"
    assert moved(before) == {agreement.event_id}


def test_a_relation_moves_both_events():
    first, second = Event.objects.order_by("pk")[:2]
    before = stamps()
    relation = save(EventRelation(from_event=first, to_event=second, kind="precedes"))
    assert moved(before) == {first.pk, second.pk}
    before = stamps()
    delete(relation)
    assert moved(before) == {first.pk, second.pk}


def test_retitling_an_event_moves_the_events_related_to_it():
    relation = EventRelation.objects.select_related("from_event").first()
    before = stamps()
    save(relation.from_event, title="Retitled")
    assert moved(before) == {relation.from_event_id, relation.to_event_id}


def test_deleting_an_event_moves_the_events_related_to_it():
    relation = EventRelation.objects.first()
    before = stamps()
    record_delete(relation.from_event)
    assert moved(before) == {relation.to_event_id}


def test_topics_given_or_renamed_move_their_events():
    event = Event.objects.get(public_id=MODI_VISIT)
    topic = factories.TopicFactory()
    before = stamps()
    event_set_topics(event, [*event.topics.all(), topic])
    assert moved(before) == {event.pk}
    before = stamps()
    save(topic, slug="renamed-topic")
    assert moved(before) == {event.pk}


def test_a_topic_in_use_is_not_deleted():
    topic = Topic.objects.get(slug="trade")
    tagged = topic.events.count()
    with pytest.raises(InUse):
        record_delete(topic)
    assert Topic.objects.get(slug="trade").events.count() == tagged


def test_a_new_tenure_moves_the_events_whose_post_it_changes():
    official = factories.OfficialFactory()
    event = factories.EventFactory(date_start=date(2024, 3, 1))
    save(Participant(event=event, official=official))
    before = stamps()
    save(Tenure(official=official, post=factories.PostFactory(), start_earliest=None))
    assert event.pk in moved(before)
    assert Participant.objects.get(event=event).post is not None


def test_an_edit_that_changes_nothing_shown_leaves_events_alone():
    before = stamps()
    save(Official.objects.get(slug="narendra-modi"), note="A private note.")
    assert moved(before) == set()


def test_updated_at_moves_in_the_writing_transaction():
    start = timezone.now() - timedelta(seconds=1)
    renaming(Official, {"slug": "narendra-modi"}, "name", "N. Modi")()
    modi = Official.objects.get(slug="narendra-modi")
    assert all(e.updated_at >= start for e in Event.objects.filter(participants__official=modi))


def record_stamps(model):
    return dict(model.objects.values_list("pk", "updated_at"))


def test_other_records_move_when_what_they_show_is_renamed():
    officials, statements = record_stamps(Official), record_stamps(Statement)
    sources, agreements = record_stamps(Source), record_stamps(Agreement)
    post = Post.objects.get(title="Prime Minister of India")
    save(post, title="PM of India")
    holders = set(Tenure.objects.filter(post=post).values_list("official_id", flat=True))
    assert {pk for pk, t in record_stamps(Official).items() if officials[pk] != t} == holders

    modi = Official.objects.get(slug="narendra-modi")
    save(modi, name="N. Modi")
    quoted = set(Statement.objects.filter(official=modi).values_list("pk", flat=True))
    assert {pk for pk, t in record_stamps(Statement).items() if statements[pk] != t} == quoted

    publisher = Organization.objects.filter(publications__isnull=False).first()
    save(publisher, name="Renamed publisher")
    published = set(Source.objects.filter(publisher=publisher).values_list("pk", flat=True))
    assert {pk for pk, t in record_stamps(Source).items() if sources[pk] != t} == published

    agreement = Agreement.objects.first()
    save(
        AgreementStatusChange(
            agreement=agreement,
            status="ratified",
            date_start=date(2025, 1, 10),
            date_end=date(2025, 1, 10),
            date_precision=P.DAY,
        )
    )
    assert record_stamps(Agreement)[agreement.pk] != agreements[agreement.pk]
