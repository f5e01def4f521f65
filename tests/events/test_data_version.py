"""The data version that cached results are kept under: any change to a domain record, by
whatever path, replaces it."""

import pytest
from django.core.management import call_command

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


def test_the_version_moves_again_when_the_writing_transaction_commits(
    django_capture_on_commit_callbacks,
):
    """A reader that computed from the data as it was before the commit stored its result
    under the version of the moment; the commit moves on from it."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        factories.EventFactory()
        inside = data_version.current()
    for callback in callbacks:
        callback()
    assert data_version.current() != inside


def test_records_of_other_apps_leave_it_alone(django_user_model):
    before = data_version.current()
    django_user_model.objects.create_user("someone")
    assert data_version.current() == before
