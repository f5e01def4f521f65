"""The data version that cached results are kept under: any change to a domain record, by
whatever path, replaces it."""

import pytest
from django.core.management import call_command
from django.db import connection

from events import data_version
from events.models import Event, Topic
from tests import factories

pytestmark = pytest.mark.usefixtures("seeded")


def test_the_version_is_stable_while_nothing_changes():
    assert data_version.current() == data_version.current()


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda: factories.EventFactory(), id="create"),
        pytest.param(lambda: Event.objects.first().save(), id="update"),
        pytest.param(lambda: factories.EventFactory().delete(), id="delete"),
        pytest.param(
            lambda: Event.objects.first().topics.add(Topic.objects.create(slug="t", name="T")),
            id="many-to-many",
        ),
        pytest.param(lambda: call_command("refresh_derived", verbosity=0), id="refresh_derived"),
    ],
)
def test_every_kind_of_change_replaces_the_version(change):
    before = data_version.current()
    change()
    assert data_version.current() != before


def test_the_version_moves_once_more_when_the_writing_transaction_commits():
    """A reader that computed from the data as it was before the commit kept its result
    under the version of the moment; the commit moves on from it, once however many rows
    the transaction wrote."""
    factories.EventFactory()
    factories.EventFactory()
    due = [f for _, f, _ in connection.run_on_commit if f is data_version._replace]
    assert len(due) == 1
    inside = data_version.current()
    due[0]()
    assert data_version.current() != inside


def test_records_of_other_apps_leave_it_alone(django_user_model):
    before = data_version.current()
    django_user_model.objects.create_user("someone")
    assert data_version.current() == before


def test_deleting_records_of_other_apps_stays_set_wise(django_user_model):
    """The receivers are connected to this app's models only: a receiver for every
    sender would make Django delete every app's rows one by one."""
    from django.contrib.sessions.models import Session
    from django.db.models.deletion import Collector

    assert Collector(using="default").can_fast_delete(Session.objects.all())


def test_a_search_text_refresh_moves_the_version():
    from events.search_text import refresh_search_texts

    before = data_version.current()
    refresh_search_texts([Event.objects.first().pk])
    assert data_version.current() != before
