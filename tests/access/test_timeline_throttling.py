"""The timeline's rate limits (access.throttling): pages by address like the API's, text
searches under a tighter limit that leaves other pages and other readers served."""

import pytest

from access.throttling import TimelinePageThrottle, TimelineSearchThrottle
from tests import factories

pytestmark = pytest.mark.usefixtures("seeded")


@pytest.fixture
def low_rates(monkeypatch):
    low = {"timeline": "6/min", "timeline_search": "2/min"}
    monkeypatch.setattr(TimelinePageThrottle, "THROTTLE_RATES", low)
    monkeypatch.setattr(TimelineSearchThrottle, "THROTTLE_RATES", low)


def test_past_the_page_limit_an_address_gets_a_429_page(client, low_rates):
    statuses = [client.get("/timeline/").status_code for _ in range(7)]
    assert statuses == [200] * 6 + [429]
    refused = client.get("/timeline/countries/UA/")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1
    assert b"Too many requests" in refused.content


def test_a_burst_of_searches_is_limited_without_starving_other_pages(client, low_rates):
    searches = [client.get("/timeline/", {"q": f"word{n}"}).status_code for n in range(3)]
    assert searches == [200, 200, 429]
    # The same address still reads pages without a search...
    assert client.get("/timeline/countries/UA/").status_code == 200
    # ... and another reader still searches.
    other = client.get("/timeline/", {"q": "Kyiv"}, REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 200


def test_signed_in_staff_are_not_limited(client, low_rates):
    client.force_login(factories.editor())
    assert {client.get("/timeline/", {"q": f"w{n}"}).status_code for n in range(8)} == {200}


def test_admin_and_api_are_not_counted_against_the_timeline(client, low_rates):
    for _ in range(8):
        client.get("/api/countries/")
    assert client.get("/timeline/").status_code == 200
