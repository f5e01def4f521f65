"""CORS (django-cors-headers): the origins of DJANGO_CORS_ALLOWED_ORIGINS may read the API
from a browser; nobody else, and nothing outside /api/."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings

DASHBOARD = "https://dash.example.org"

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("allowed")]


@pytest.fixture
def allowed():
    with override_settings(CORS_ALLOWED_ORIGINS=[DASHBOARD]):
        yield


def test_a_listed_origin_may_read_the_api(api):
    response = api.get("/api/countries/?q=India", HTTP_ORIGIN=DASHBOARD)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == DASHBOARD
    assert "origin" in response["Vary"].lower()
    # A script can read the ETag to send it back.
    assert "etag" in response["Access-Control-Expose-Headers"].lower()
    assert "Access-Control-Allow-Credentials" not in response


def test_an_error_carries_the_headers_too(api):
    response = api.get("/api/events/?country=ZZ", HTTP_ORIGIN=DASHBOARD)
    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == DASHBOARD


def test_a_preflight_allows_a_token_and_conditional_requests(api):
    response = api.options(
        "/api/events/",
        HTTP_ORIGIN=DASHBOARD,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, if-none-match",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == DASHBOARD
    allowed_headers = response["Access-Control-Allow-Headers"].lower()
    assert "authorization" in allowed_headers and "if-none-match" in allowed_headers


def test_other_origins_get_no_cors_headers(api):
    response = api.get("/api/countries/", HTTP_ORIGIN="https://elsewhere.example.com")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_nothing_outside_the_api(client):
    response = client.get("/timeline/", HTTP_ORIGIN=DASHBOARD)
    assert "Access-Control-Allow-Origin" not in response
    response = client.get("/admin/login/", HTTP_ORIGIN=DASHBOARD)
    assert "Access-Control-Allow-Origin" not in response


def origins_from_environment(value: str | None) -> list[str]:
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_CORS_ALLOWED_ORIGINS"}
    if value is not None:
        environment["DJANGO_CORS_ALLOWED_ORIGINS"] = value
    environment["DJANGO_SETTINGS_MODULE"] = "config.settings"
    code = "import django; django.setup(); from django.conf import settings; "
    code += "print('|'.join(settings.CORS_ALLOWED_ORIGINS))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    return [origin for origin in result.stdout.strip().split("|") if origin]


def test_origins_come_from_the_environment_and_default_to_none():
    assert origins_from_environment(None) == []
    assert origins_from_environment("https://a.example.org, http://localhost:3000") == [
        "https://a.example.org",
        "http://localhost:3000",
    ]
