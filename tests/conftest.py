import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

from tests import factories


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: rate-limit counts of one test must not
    throttle the next."""
    cache.clear()


@pytest.fixture(scope="module")
def seed_data(django_db_setup, django_db_blocker):
    """The countries and the seed article, loaded once per test module inside a transaction
    that is rolled back after the module (as Django's setUpTestData does); each test still
    runs in its own savepoint. Modules that use it should use it for all their tests."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_seed", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def seeded(seed_data, db):
    """The seed data, as `make setup` loads it, for one test."""


@pytest.fixture
def editor_client(client, db):
    client.force_login(factories.editor())
    return client


@pytest.fixture
def analyst_client(client, db):
    client.force_login(factories.analyst())
    return client
