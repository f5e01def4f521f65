"""Rate limits: 429 with Retry-After, counted in the shared cache."""

import socket

import pytest
from django.core.cache import caches
from rest_framework.test import APIClient

from access.models import ApiToken
from access.throttling import AnonymousThrottle, TokenThrottle
from tests import factories

pytestmark = pytest.mark.django_db


def redis_running() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.fixture(params=["locmem", "redis"])
def throttle_cache(request, settings):
    """Limits counted in the in-process cache, and in Redis as production shares them."""
    if request.param == "redis":
        if not redis_running():
            pytest.skip("no Redis on 127.0.0.1:6379")
        settings.CACHES = {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": "redis://127.0.0.1:6379/15",
                "KEY_PREFIX": "throttle-test",
            }
        }
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture
def rates(monkeypatch):
    """Low limits for these tests. DRF's throttles read their rates once, into a class
    attribute, so that is what is patched (and restored)."""
    low = {"anon": "3/min", "token": "5/min"}
    monkeypatch.setattr(AnonymousThrottle, "THROTTLE_RATES", low)
    monkeypatch.setattr(TokenThrottle, "THROTTLE_RATES", low)


def test_anonymous_clients_get_429_with_retry_after(throttle_cache, rates):
    client = APIClient()
    statuses = [client.get("/api/topics/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/topics/")
    assert int(response["Retry-After"]) > 0
    assert "throttled" in response.json()["detail"].lower()


def test_each_token_has_its_own_limit(throttle_cache, rates):
    user = factories.analyst()
    keys = [ApiToken.issue(user, name)[1] for name in ("one", "two")]
    clients = []
    for key in keys:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        clients.append(client)
    assert [clients[0].get("/api/topics/").status_code for _ in range(6)][-1] == 429
    assert clients[1].get("/api/topics/").status_code == 200


def test_a_forwarded_for_header_does_not_reset_the_anonymous_limit(throttle_cache, rates):
    client = APIClient()
    statuses = [
        client.get("/api/topics/", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code for n in range(4)
    ]
    assert statuses[-1] == 429
