"""Who held which post when, and the post a participant held on the event's date."""

from datetime import date

import pytest

from events.dates import DatePrecision as P
from events.models import Participant, Tenure
from events.selectors import holders_of
from tests import factories
from tests.writes import save

pytestmark = pytest.mark.django_db


def test_holders_change_hands_at_the_tenure_boundary():
    post = factories.PostFactory()
    before = factories.TenureFactory(post=post, start=date(2020, 1, 1), end=date(2024, 9, 4))
    after = factories.TenureFactory(post=post, start=date(2024, 9, 5))
    assert list(holders_of(post, date(2024, 9, 4))) == [before.official]
    assert list(holders_of(post, date(2024, 9, 5))) == [after.official]
    assert list(holders_of(post, date(2030, 1, 1))) == [after.official]
    assert list(holders_of(post, date(2019, 12, 31))) == []


def test_a_fuzzy_start_counts_from_its_earliest_day():
    tenure = factories.TenureFactory(
        start_earliest=date(2024, 9, 1), start_latest=date(2024, 9, 30), start_precision=P.MONTH
    )
    assert tenure.period_label == "since Sep 2024"
    assert list(Tenure.objects.in_office_on(date(2024, 9, 3))) == [tenure]
    assert list(Tenure.objects.in_office_on(date(2024, 8, 31))) == []


def test_participant_post_is_filled_from_tenures_on_the_event_date():
    tenure = factories.TenureFactory(start=date(2024, 9, 5))
    event = factories.EventFactory(date_start=date(2024, 10, 26))
    participant = save(Participant(event=event, official=tenure.official))
    assert participant.post == tenure.post
    assert participant.country == tenure.post.country


def test_participant_before_the_tenure_gets_no_post():
    tenure = factories.TenureFactory(start=date(2024, 9, 5))
    event = factories.EventFactory(date_start=date(2024, 8, 1))
    participant = save(Participant(event=event, official=tenure.official))
    assert participant.post is None


def test_a_post_chosen_by_the_editor_is_kept():
    tenure = factories.TenureFactory(start=date(2024, 9, 5))
    other_post = factories.PostFactory()
    event = factories.EventFactory()
    participant = save(
        Participant(event=event, official=tenure.official, post=other_post, post_chosen=True)
    )
    assert participant.post == other_post
    event.date_start = event.date_end = date(2025, 1, 1)
    save(event)
    participant.refresh_from_db()
    assert participant.post == other_post


def test_a_derived_post_follows_a_new_event_date():
    official = factories.OfficialFactory()
    old = factories.TenureFactory(official=official, start=date(2010, 1, 1), end=date(2019, 12, 31))
    new = factories.TenureFactory(official=official, start=date(2020, 1, 1))
    event = factories.EventFactory(date_start=date(2015, 6, 1))
    participant = save(Participant(event=event, official=official))
    assert participant.post == old.post
    event.date_start = event.date_end = date(2024, 6, 1)
    save(event)
    participant.refresh_from_db()
    assert participant.post == new.post


def test_with_two_posts_at_once_the_one_for_the_participants_country_wins():
    official = factories.OfficialFactory()
    home = factories.TenureFactory(official=official, start=date(2020, 1, 1))
    abroad = factories.TenureFactory(official=official, start=date(2022, 1, 1))
    event = factories.EventFactory(date_start=date(2024, 1, 1))
    participant = save(Participant(event=event, official=official, country=home.post.country))
    assert participant.post == home.post
    # Without a country, the most recently started post is taken.
    other = save(Participant(event=event, official=official, role="speaker"))
    assert other.post == abroad.post


def test_tenure_period_labels():
    assert factories.TenureFactory().period_label == "dates unknown"
    assert factories.TenureFactory(start=date(2014, 5, 26)).period_label == "since 26 May 2014"
    assert (
        factories.TenureFactory(start=date(2000, 5, 7), end=date(2008, 5, 7)).period_label
        == "7 May 2000 \u2013 7 May 2008"
    )
