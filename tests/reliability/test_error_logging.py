"""Errors are logged in production: `make serve` with a 500 forced writes the traceback to
its stderr, with the request's id, which is also on the response, in the error body and in
the access log line. (A test-only URL raises: tests/reliability/failing_settings.py.)"""

import os
import re
import signal
import subprocess
import time

import pytest
from django.test import Client

from tests.reliability.servers import PRODUCTION, ROOT, copy_sqlite, environment, free_port
from tests.reliability.servers import request as http


@pytest.fixture
def make_serve(seeded_sqlite, tmp_path):
    """`make serve` itself (migrate, seed, collectstatic, gunicorn with the project's
    config), on a copy of the seeded database, with the failing URL added; yields its base
    URL and the path of its output (stdout and stderr)."""
    url = copy_sqlite(seeded_sqlite[0], tmp_path / "db.sqlite3")
    port = free_port()
    log = tmp_path / "serve.log"
    env = environment(
        url, **PRODUCTION, DJANGO_SETTINGS_MODULE="tests.reliability.failing_settings"
    )
    env.pop("MAKEFLAGS", None)
    with open(log, "wb") as out:
        # Its own process group: make, gunicorn and its workers are stopped together.
        serve = subprocess.Popen(
            ["make", "--no-print-directory", "serve", f"PORT={port}", "WORKERS=1"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=out,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if http(base + "/healthz", timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            if serve.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"make serve did not start:\n{log.read_text()}")
            time.sleep(0.2)
        yield base, log
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        try:
            serve.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(serve.pid, signal.SIGKILL)
            serve.wait()


def test_a_500_under_make_serve_is_logged_with_its_traceback_and_request_id(make_serve):
    base, log = make_serve
    status, headers, body = http(base + "/boom/", headers={"X-Request-ID": "req-500-page"})
    assert status == 500 and headers["X-Request-ID"] == "req-500-page"
    assert b"it has been logged (request req-500-page)" in body
    status, headers, body = http(base + "/api/boom/")
    generated = headers["X-Request-ID"]
    assert status == 500 and re.fullmatch(r"[0-9a-f]{32}", generated)
    assert generated in body.decode()

    deadline = time.monotonic() + 5
    while "api/boom" not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.1)  # the access log line is written after the response
    output = log.read_text()
    error = re.search(
        r"\[ERROR\] \[req-500-page\] django.request: Internal Server Error: /boom/\n"
        r"Traceback \(most recent call last\):\n(.*\n)*?RuntimeError: forced failure",
        output,
    )
    assert error, output
    assert "[WARNING] [req-500-page] events: About to fail on purpose" in output
    assert f"[ERROR] [{generated}] django.request: Internal Server Error: /api/boom/" in output
    assert re.search(r'"GET /boom/ HTTP/1.1" 500 .* req-500-page \d+ms', output), output


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("given", "kept"),
    [("4f1c-9a/edge:7", True), ("x" * 129, False), ("two words", False), ("ünïcode", False)],
)
def test_a_request_id_from_the_proxy_is_kept_only_when_sane(given, kept):
    response = Client().get("/healthz", HTTP_X_REQUEST_ID=given)
    assert (response["X-Request-ID"] == given) is kept
    assert re.fullmatch(r"[\w.:/+=-]{1,128}", response["X-Request-ID"], re.ASCII)
