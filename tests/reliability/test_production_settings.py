"""Production settings as the environment gives them: HSTS's scope is a choice (off unless
asked for), and the deployment checks pass either way."""

import json
import subprocess
import sys

import pytest

from tests.reliability.servers import PRODUCTION, ROOT, environment


def production_settings(**env) -> dict:
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "s.SECURE_HSTS_PRELOAD, s.SESSION_COOKIE_SECURE, s.SESSION_IDLE_TIMEOUT]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment(
            "sqlite:////tmp/settings-test.sqlite3",
            **{**PRODUCTION, "DJANGO_SECURE_SSL_REDIRECT": "true"},
            DJANGO_SETTINGS_MODULE="config.settings",
            **env,
        ),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.splitlines()[-1])


def test_hsts_covers_this_host_only_by_default():
    assert production_settings() == [31536000, False, False, True, 3600]


@pytest.mark.parametrize("value", ["true", "false"])
def test_hsts_subdomains_and_preload_are_configurable(value):
    hsts = production_settings(
        DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS=value, DJANGO_SECURE_HSTS_PRELOAD=value
    )
    assert hsts[1:3] == [value == "true"] * 2


def test_secure_cookies_and_the_idle_timeout_are_configurable():
    assert production_settings(DJANGO_SECURE_COOKIES="false", DJANGO_SESSION_IDLE_MINUTES="5")[
        3:
    ] == [False, 300]


@pytest.mark.parametrize("value", ["true", "false"])
def test_make_check_deploy_passes_with_hsts_scope_on_or_off(value):
    result = subprocess.run(
        ["make", "--no-print-directory", "check-deploy"],
        cwd=ROOT,
        env=environment(
            "sqlite:////tmp/settings-test.sqlite3",
            DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS=value,
            DJANGO_SECURE_HSTS_PRELOAD=value,
        ),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
