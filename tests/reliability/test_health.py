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
