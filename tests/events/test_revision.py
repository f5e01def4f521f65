"""The data's revision (events.models.Revision), which conditional GETs compare: every
write through the services, the importer, load_seed, refresh_derived and restore replaces
it, in the writing transaction; nothing else does."""

import pytest
from django.core.management import call_command
from django.db import transaction

from events.models import Event, Statement, Topic
from events.selectors import revision
from events.services import event_set_topics, record_delete, record_save
from tests import factories

pytestmark = pytest.mark.usefixtures("seeded")


def token():
    current = revision()
    return current.token if current else None


def test_the_revision_is_stable_while_nothing_changes():
    assert token() == token()


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda: factories.EventFactory(), id="create"),
        pytest.param(lambda: record_save(Event.objects.first()), id="update"),
        pytest.param(lambda: record_delete(factories.EventFactory()), id="delete"),
        pytest.param(
            lambda: event_set_topics(
                Event.objects.first(), [record_save(Topic(slug="t", name="T"))]
            ),
            id="topics",
        ),
        pytest.param(lambda: call_command("refresh_derived", verbosity=0), id="refresh_derived"),
    ],
)
def test_every_kind_of_write_replaces_the_revision(change):
    before = token()
    change()
    assert token() != before


def test_a_write_that_is_rolled_back_leaves_the_revision_as_it_was():
    before = token()
    with pytest.raises(RuntimeError), transaction.atomic():
        factories.EventFactory()
        assert token() != before  # inside the transaction, its own revision
        raise RuntimeError("rolled back")
    assert token() == before


def test_records_of_other_apps_leave_it_alone(django_user_model):
    before = token()
    django_user_model.objects.create_user("someone")
    assert token() == before


def test_a_refresh_that_finds_nothing_to_repair_changes_nothing_with_check():
    before = token()
    call_command("refresh_derived", "--check", verbosity=0, stdout=open("/dev/null", "w"))
    assert token() == before


def test_load_seed_replaces_the_revision_when_it_creates_records():
    record_delete(Statement.objects.filter(official__name="Ravi Shankar").first())
    before = token()
    call_command("load_seed", verbosity=0)
    assert token() != before
