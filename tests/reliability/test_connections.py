"""Database connections are kept between requests on both databases: a new SQLite
connection parses the whole schema and starts with a cold page cache (about 1 ms of a
10 ms API page at a million events)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def database_settings(url: str, **env) -> dict:
    """settings.DATABASES["default"] as the settings module builds it for `url`."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "d = settings.DATABASES['default']; "
        "print(json.dumps({k: d[k] for k in ('CONN_MAX_AGE', 'CONN_HEALTH_CHECKS')}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": url,
            **env,
        },
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    "url", ["sqlite:////tmp/connections-test.sqlite3", "postgres://postgres@127.0.0.1:5432/x"]
)
def test_connections_are_kept_a_minute_and_checked_on_both_databases(url):
    assert database_settings(url) == {"CONN_MAX_AGE": 60, "CONN_HEALTH_CHECKS": True}


def test_how_long_is_configurable():
    url = "sqlite:////tmp/connections-test.sqlite3"
    assert database_settings(url, DJANGO_CONN_MAX_AGE="0")["CONN_MAX_AGE"] == 0
