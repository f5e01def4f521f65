"""SQLite under concurrent editors (`make run`, and `make serve` without DATABASE_URL):
every write waits its turn instead of failing with "database is unavailable". Driven over
HTTP against real servers on a real SQLite file, whatever database the suite runs on."""

import json
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.reliability.servers import copy_sqlite, manage, request, running

WRITERS = 12


@pytest.fixture
def database(seeded_sqlite, tmp_path):
    path, key = seeded_sqlite
    return copy_sqlite(path, tmp_path / "db.sqlite3"), tmp_path / "db.sqlite3", key


def all_at_once(count, send):
    """send(i) for i in range(count), from `count` threads released together."""
    start = threading.Barrier(count)

    def one(i):
        start.wait()
        return send(i)

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(one, range(count)))


@pytest.mark.parametrize("kind", ["runserver", "gunicorn"])
def test_concurrent_writes_all_succeed(kind, database, tmp_path):
    """12 creates at once, then 4 changes of one event at once."""
    url, path, key = database
    auth = {"Authorization": f"Token {key}"}
    with running(kind, url, tmp_path / "server.log") as base:
        status, _, body = request(base + "/api/sources/", headers=auth)
        source = json.loads(body)["results"][0]["id"]

        def create(i):
            event = {
                "title": f"Concurrent meeting {i}",
                "type": "meeting",
                "date": "23 Sep 2024",
                # The same people as the seed's late-Sep talks: new, not a duplicate.
                "confirm_new": True,
                "participants": [
                    {"official": "volodymyr-zelensky", "role": "host"},
                    {"official": "narendra-modi", "role": "visitor"},
                ],
                "sources": [{"id": source}],
            }
            status, _, body = request(base + "/api/events/", event, headers=auth)
            return status, body

        created = all_at_once(WRITERS, create)
        assert [status for status, _ in created] == [201] * WRITERS, created
        event = base + f"/api/events/{json.loads(created[0][1])['id']}/"

        def change(i):
            return request(event, {"summary": f"Edited by editor {i}"}, "PATCH", auth)[0]

        changed = all_at_once(4, change)
        _, _, body = request(event, headers=auth)
        log = (tmp_path / "server.log").read_text()
    assert changed == [200] * 4, log
    assert json.loads(body)["summary"].startswith("Edited by editor ")
    with sqlite3.connect(path) as db:
        count = db.execute(
            "SELECT count(*) FROM events_event WHERE title LIKE 'Concurrent meeting %'"
        ).fetchone()[0]
        history = db.execute(
            "SELECT count(*) FROM events_historicalevent WHERE title LIKE 'Concurrent meeting %'"
        ).fetchone()[0]
    assert count == WRITERS and history >= WRITERS + 4


def test_the_database_is_in_wal_mode_with_a_busy_timeout(database, tmp_path):
    """What makes the above work, as the settings give it to every connection."""
    url, _, _ = database
    out = manage(
        "shell",
        "-v0",
        "-c",
        "from django.db import connection; c = connection.cursor(); "
        "print(c.execute('PRAGMA journal_mode').fetchone()[0], "
        "c.execute('PRAGMA busy_timeout').fetchone()[0], connection.transaction_mode)",
        database_url=url,
    )
    mode, timeout, transaction_mode = out.split()
    assert (mode, transaction_mode) == ("wal", "IMMEDIATE")
    assert int(timeout) >= 10_000
