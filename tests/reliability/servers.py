"""Real processes for the reliability tests: manage.py commands, and runserver or gunicorn
started on a free port against a database of the test's own (a SQLite file, or a database
on the local PostgreSQL server), their stderr kept in a file the test can read."""

import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUNICORN_CONFIG = ROOT / "config" / "gunicorn.py"

# What `make serve` sets, less what needs a real deployment: HTTPS, Redis and collectstatic.
PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "test-only-secret-key-for-the-reliability-tests-0123456789",
    "DJANGO_SECURE_SSL_REDIRECT": "false",
    "DJANGO_STATIC_MANIFEST": "false",
    "DJANGO_CACHE_URL": "locmemcache://",
}


def environment(database_url: str, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return {**env, "DATABASE_URL": database_url, **extra}


def manage(*args, database_url: str, **extra) -> str:
    """Run manage.py against that database; its stdout, or an error with its stderr."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment(database_url, **extra),
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(url, data=None, method=None, headers=None, timeout=30):
    """(status, headers, body) of one HTTP request; a JSON body for a dict `data`."""
    body = json.dumps(data).encode() if data is not None else None
    headers = {"Content-Type": "application/json", **(headers or {})} if body else headers
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@contextmanager
def running(kind: str, database_url: str, log: Path, workers: int = 3, **extra):
    """runserver (as `make run`: DEBUG, threads) or gunicorn (as `make serve`: production
    settings, the project's gunicorn config, `workers` processes) on a free port; yields its
    base URL. Its stderr goes to `log`."""
    port = free_port()
    if kind == "runserver":
        command = ["manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"]
        env = environment(database_url, **extra)
    else:
        command = ["-m", "gunicorn", "config.wsgi", "-c", str(GUNICORN_CONFIG)]
        command += ["--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
        # gunicorn's control socket is one path per user: leave it to real servers.
        command += ["--no-control-socket"]
        env = environment(database_url, **{**PRODUCTION, **extra})
    with open(log, "wb") as stderr:
        server = subprocess.Popen(
            [sys.executable, *command], cwd=ROOT, env=env, stdout=stderr, stderr=stderr
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if request(base + "/healthz", timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"{kind} did not start:\n{log.read_text()}")
            time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def copy_sqlite(source: Path, target: Path) -> str:
    """A copy of a SQLite database (through the backup API: whatever its journal mode);
    the copy's URL."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return f"sqlite:///{target}"


def checkout_prefix() -> str:
    """The prefix of the databases these tests create on the shared PostgreSQL server:
    named after the checkout's folder, so two checkouts' runs never meet."""
    return re.sub(r"\W+", "_", ROOT.name.lower()).strip("_") or "dt"


def postgres_available() -> bool:
    return shutil.which("psql") is not None and (
        subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode == 0
    )


def psql(sql: str, database: str = "postgres") -> str:
    result = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-Atqc", sql],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout
