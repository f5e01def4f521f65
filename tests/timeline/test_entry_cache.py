"""Rendered entries are reused from the cache exactly while what they show is unchanged."""

import pytest
from django.core.cache import cache
from django.test.utils import override_settings

from events.models import Agreement, Official, Participant, Statement
from tests import factories

pytestmark = pytest.mark.usefixtures("seeded")

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture(autouse=True)
def real_cache():
    # Whole pages off: these are about the entries inside a page rendered anew.
    with override_settings(CACHES=LOCMEM, PAGE_CACHE=False):
        cache.clear()
        yield
        cache.clear()


def entry_keys():
    return [key for key in cache._cache if "timeline:entry:" in key]


def test_a_second_view_reuses_the_rendered_entries(client):
    client.get("/timeline/")
    stored = entry_keys()
    assert len(stored) == 6  # the seed's events
    client.get("/timeline/")
    assert entry_keys() == stored


@pytest.mark.parametrize(
    "edit",
    [
        lambda: Official.objects.filter(slug="narendra-modi").update(name="N. Modi (renamed)"),
        lambda: Statement.objects.filter(official__slug="ravi-shankar").update(text="New quote"),
        lambda: Agreement.objects.update(status="ratified"),
        lambda: Participant.objects.filter(official__slug="vladimir-putin").update(role="speaker"),
    ],
    ids=["official renamed", "quote edited", "agreement status", "participant role"],
)
def test_an_edit_anywhere_in_an_entry_shows_at_once(client, edit):
    before = client.get("/timeline/").content.decode()
    edit()  # even behind Django's back: the key is the content, not a signal
    after = client.get("/timeline/").content.decode()
    assert after != before


def test_a_new_event_is_rendered_fresh(client):
    client.get("/timeline/")
    factories.EventFactory(title="Brand new meeting")
    assert "Brand new meeting" in client.get("/timeline/").content.decode()
