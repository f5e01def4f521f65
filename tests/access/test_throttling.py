"""Rate limits: 429 with Retry-After, counted in the shared cache."""

import socket

import pytest
from django.core.cache import caches
from rest_framework.test import APIClient

from access.models import ApiToken
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
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": "redis://127.0.0.1:6379/15",
                "KEY_PREFIX": "throttle-test",
            }
        }
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture
def rates(settings):
    rest = {**settings.REST_FRAMEWORK}
    rest["DEFAULT_THROTTLE_RATES"] = {"anon": "3/min", "token": "5/min"}
    settings.REST_FRAMEWORK = rest
    # DRF reads the rates once per throttle class.
    from rest_framework.settings import api_settings

    api_settings.reload()
    from access.throttling import AnonymousThrottle, TokenThrottle

    AnonymousThrottle.THROTTLE_RATES = TokenThrottle.THROTTLE_RATES = rest["DEFAULT_THROTTLE_RATES"]
    yield
    api_settings.reload()
    AnonymousThrottle.THROTTLE_RATES = TokenThrottle.THROTTLE_RATES = (
        api_settings.DEFAULT_THROTTLE_RATES
    )


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
