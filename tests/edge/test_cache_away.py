"""A shared cache that is away never fails a request: django-redis answers as if empty
(rate limits then let requests through, and say so in the log), and /healthz says the
service is degraded. With Redis there, rate limits are counted in it."""

import logging

import pytest
from django.core.cache import caches

from tests import factories

pytestmark = pytest.mark.usefixtures("seeded")

REDIS_OPTIONS = {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25, "IGNORE_EXCEPTIONS": True}
PAGES = [
    "/api/events/",
    "/api/stats/events/?group_by=pair",
    "/timeline/",
    "/timeline/countries/UA/",
]


def redis_at(settings, location):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "test",
            "OPTIONS": REDIS_OPTIONS,
        }
    }
    return caches["default"]


def test_with_the_cache_away_every_page_answers_and_health_says_degraded(client, settings, caplog):
    redis_at(settings, "redis://127.0.0.1:1/0")  # nothing listens there
    with caplog.at_level(logging.WARNING, logger="edge.cache"):
        for path in PAGES:
            assert client.get(path).status_code == 200, path
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json()["status"] == "degraded"
    # The rate limit could not count: the log says so.
    assert any(record.name == "edge.cache" for record in caplog.records)


def test_an_editor_can_write_with_the_cache_away(settings):
    from rest_framework.test import APIClient

    redis_at(settings, "redis://127.0.0.1:1/0")
    api = APIClient()
    api.force_authenticate(factories.editor())
    created = api.post(
        "/api/events/",
        {"title": "Written while the cache is away", "type": "call", "date": "2 Oct 2024"},
        format="json",
    )
    assert created.status_code == 201


def test_with_redis_there_health_is_ok_and_rate_limits_are_counted(client, settings, monkeypatch):
    from access.throttling import AnonymousThrottle

    cache = redis_at(settings, "redis://127.0.0.1:6379/15")
    if not cache.client.get_client(write=True).ping():  # pragma: no cover
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    cache.clear()
    monkeypatch.setattr(AnonymousThrottle, "THROTTLE_RATES", {"anon": "3/min"})
    try:
        assert client.get("/healthz").json()["status"] == "ok"
        statuses = [client.get("/api/topics/").status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
    finally:
        cache.clear()
