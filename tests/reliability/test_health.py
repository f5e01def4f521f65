"""The health check load balancers poll (its 503 is tested with a real PostgreSQL
restart in test_database_restart.py)."""

import pytest


@pytest.mark.django_db
def test_health_is_ok_uncached_and_open_even_when_reads_need_a_login(client, settings):
    settings.READ_REQUIRES_LOGIN = True

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_answers_probes_by_address_and_over_plain_http(client, settings):
    settings.ALLOWED_HOSTS = ["timeline.example.org"]
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")

    assert response.status_code == 200
    # Everything else still goes through both checks.
    assert client.get("/api/", HTTP_HOST="10.0.0.7:8000").status_code == 400
