"""Rate-limit headers on every API answer: the limit of the throttle in force, what is
left of it and when a request frees up, counted as the throttles count (429 included),
and read without counting for answers given before the throttles run."""

import pytest
from rest_framework.test import APIClient

from access.models import ApiToken
from access.throttling import AnonymousThrottle, TokenThrottle
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def rates(monkeypatch):
    low = {"anon": "3/min", "token": "5/min"}
    monkeypatch.setattr(AnonymousThrottle, "THROTTLE_RATES", low)
    monkeypatch.setattr(TokenThrottle, "THROTTLE_RATES", low)


def limits(response):
    return (
        response["RateLimit-Limit"],
        response["RateLimit-Remaining"],
        int(response["RateLimit-Reset"]),
        response["RateLimit-Policy"],
    )


def test_anonymous_answers_count_down_to_the_429(rates):
    client = APIClient()
    answers = [client.get("/api/topics/") for _ in range(4)]
    assert [r.status_code for r in answers] == [200, 200, 200, 429]
    assert [r["RateLimit-Remaining"] for r in answers] == ["2", "1", "0", "0"]
    assert all(r["RateLimit-Limit"] == "3" and r["RateLimit-Policy"] == "3;w=60" for r in answers)
    assert 0 < int(answers[-1]["RateLimit-Reset"]) <= 60


def test_a_token_carries_its_own_limit(rates):
    _, key = ApiToken.issue(factories.analyst(), "dashboard")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert limits(client.get("/api/events/"))[:2] == ("5", "4")


def test_errors_and_exports_carry_them_too(rates):
    client = APIClient()
    assert client.get("/api/events/?country=ZZ")["RateLimit-Remaining"] == "2"
    assert client.get("/api/events/?format=csv")["RateLimit-Remaining"] == "1"


def test_a_denied_write_reads_the_count_without_counting(rates):
    client = APIClient()
    client.get("/api/topics/")
    denied = client.post("/api/topics/", {"slug": "x", "name": "X"}, format="json")
    assert denied.status_code == 401
    assert limits(denied)[:2] == ("3", "2")
    assert client.get("/api/topics/")["RateLimit-Remaining"] == "1"


def test_an_editor_in_the_browser_is_not_limited_and_gets_none(client):
    client.force_login(factories.editor())
    response = client.get("/api/topics/")
    assert response.status_code == 200
    assert "RateLimit-Limit" not in response
