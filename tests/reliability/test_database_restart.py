"""A PostgreSQL restart under a running production server (gunicorn, persistent
connections): requests during the outage get a clean 503, requests after it succeed
without restarting the app. Restarts the machine's PostgreSQL, so it runs only there."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections

ROOT = Path(settings.BASE_DIR)
ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")

pytestmark = [
    # Every other test on the server would fail while it is down.
    pytest.mark.alone,
    pytest.mark.skipif(not ON_POSTGRES, reason="restarts the local PostgreSQL server"),
    pytest.mark.skipif(not Path("/etc/postgresql").is_dir(), reason="no local cluster"),
]


def cluster(action: str):
    version = sorted(os.listdir("/etc/postgresql"))[0]
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action],
        check=True,
        capture_output=True,
    )
    if action != "stop":
        for _ in range(60):
            if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode == 0:
                return
            time.sleep(0.5)
        raise RuntimeError("PostgreSQL did not come back")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def production_server(transactional_db):
    """gunicorn on this test database, one worker so its one connection is reused."""
    call_command("load_seed", verbosity=0)
    db = settings.DATABASES["default"]
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "test-only-secret-key-for-the-restart-test-0123456789",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_STATIC_MANIFEST": "false",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                get(base + "/api/")
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)
        # The test's own connection died with the restart; reconnect for teardown.
        connections.close_all()


def test_database_restart_gives_503_then_recovers_without_restarting_the_app(production_server):
    events = production_server + "/api/events/"
    status, _, body = get(events)
    assert status == 200 and json.loads(body)["count"] == 6
    cluster("stop")
    try:
        # Pages are read from the database, not kept on the server: a 503 that says why.
        status, headers, body = get(events + "?page_size=3")
        assert status == 503
        assert headers.get("Retry-After") == "5"
        assert "database is unavailable" in json.loads(body)["detail"]
        status, _, body = get(production_server + "/timeline/")
        assert status == 503 and b"database is unavailable" in body
        status, headers, body = get(production_server + "/healthz")
        assert (status, json.loads(body)["status"]) == (503, "unavailable")
    finally:
        cluster("start")
    status, _, body = get(events)
    assert status == 200 and json.loads(body)["count"] == 6
    status, _, body = get(production_server + "/healthz")
    assert (status, json.loads(body)) == (200, {"status": "ok"})
