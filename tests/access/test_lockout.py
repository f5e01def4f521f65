"""Brute force: failed API tokens and failed admin logins count against the client's
address, which is locked out (429 with Retry-After) past the limit; other addresses, and
the address once the lockout is over, are served as before."""

import time

import pytest
from django.test import Client
from rest_framework.test import APIClient

from access.models import ApiToken
from tests import factories

pytestmark = pytest.mark.django_db

ATTACKER, NEIGHBOUR = "203.0.113.7", "198.51.100.20"


@pytest.fixture
def limits(settings):
    settings.TOKEN_FAILURE_LIMIT = 3
    settings.TOKEN_LOCKOUT_SECONDS = 60
    return settings


@pytest.fixture
def good_key():
    return ApiToken.issue(factories.editor(), "script", ApiToken.Scope.WRITE)[1]


def get(key, address=ATTACKER):
    client = APIClient(REMOTE_ADDR=address)
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client.get("/api/topics/")


def test_failed_tokens_lock_the_address_out_even_for_a_good_token(limits, good_key):
    assert [get(f"dt_guess_{n}").status_code for n in range(3)] == [401, 401, 401]
    response = get(good_key)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert "Too many failed API tokens" in response.json()["detail"]
    assert get("dt_guess_again").status_code == 429
    # Another address, and readers without a token at that one, are served.
    assert get(good_key, NEIGHBOUR).status_code == 200
    assert APIClient(REMOTE_ADDR=ATTACKER).get("/api/topics/").status_code == 200


def test_malformed_and_revoked_tokens_count_too(limits, good_key):
    token = ApiToken.objects.get()
    token.revoke()
    client = APIClient(REMOTE_ADDR=ATTACKER)
    client.credentials(HTTP_AUTHORIZATION="Token two parts")
    assert client.get("/api/topics/").status_code == 401
    assert [get(good_key).status_code for _ in range(3)] == [401, 401, 429]


def test_the_lockout_ends_after_its_time(limits, good_key):
    limits.TOKEN_LOCKOUT_SECONDS = 1
    for n in range(3):
        get(f"dt_guess_{n}")
    assert get(good_key).status_code == 429
    time.sleep(1.1)
    assert get(good_key).status_code == 200


def test_good_tokens_do_not_count(limits, good_key):
    for _ in range(5):
        assert get(good_key).status_code == 200
    assert [get(f"dt_guess_{n}").status_code for n in range(2)] == [401, 401]
    assert get(good_key).status_code == 200


def login(password, address=ATTACKER):
    client = Client(REMOTE_ADDR=address)
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "admin", "password": password}
    )
    return response.status_code, client


def test_failed_admin_logins_lock_the_address_out(settings):
    settings.AXES_FAILURE_LIMIT = 3
    factories.UserFactory(username="admin", password="the-right-password", is_superuser=True)
    # The login form again (200) until the limit, then 429, the right password included.
    assert [login("wrong")[0] for _ in range(3)] == [200, 200, 429]
    assert login("the-right-password")[0] == 429
    status, client = login("the-right-password", NEIGHBOUR)
    assert status == 302 and client.get("/admin/").status_code == 200


def test_a_successful_admin_login_clears_the_address_count(settings):
    settings.AXES_FAILURE_LIMIT = 3
    factories.UserFactory(username="admin", password="the-right-password", is_superuser=True)
    assert [login("typo")[0] for _ in range(2)] == [200, 200]
    assert login("the-right-password")[0] == 302
    assert [login("typo")[0] for _ in range(2)] == [200, 200]


def test_a_lockout_made_by_another_process_is_seen_within_seconds(limits, good_key, monkeypatch):
    from django.core.cache import cache

    from access import lockout

    assert get(good_key).status_code == 200  # remembered here as not locked out
    cache.set(f"access:token-lockout:{ATTACKER}", time.time() + 60, timeout=60)
    assert get(good_key).status_code == 200
    monkeypatch.setattr(lockout, "CLEAR_SECONDS", 0)
    lockout._clear_until.clear()  # as after CLEAR_SECONDS
    assert get(good_key).status_code == 429
