"""The JSON backup is the way between SQLite and PostgreSQL: after editors have changed
and deleted records (history rows then point at rows that are gone), it goes both ways
and every row of every table comes back as it was, history included, and nothing else:
no row made by the restore itself, no session. Real databases: SQLite files and a
database of its own on the local PostgreSQL server, driven through manage.py as
`make backup FORMAT=json` and `make restore` drive them."""

import json
import os
import stat
import subprocess
import sys

import pytest

from tests.reliability.servers import (
    ROOT,
    checkout_prefix,
    copy_sqlite,
    environment,
    postgres_available,
    psql,
)

pytestmark = [
    pytest.mark.skipif(not postgres_available(), reason="needs a PostgreSQL server"),
    # They make databases of both kinds themselves, whatever the suite runs on: once is
    # enough, in the SQLite run of `make test` (CI runs the suite on both).
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="runs in the suite's SQLite run; it makes its own databases",
    ),
]


def run(url, *steps) -> list:
    """The steps (tests/reliability/backup_probe.py) in one process on that database."""
    result = subprocess.run(
        [sys.executable, "-m", "tests.reliability.backup_probe", json.dumps(steps)],
        cwd=ROOT,
        env=environment(url),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def private(path):
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    return path


# Sessions are left out of backups; the data's revision is replaced by a restore, so
# that no client takes a page it holds from before it as current (docs/caching.md).
NOT_RESTORED = {"sessions.Session", "events.Revision"}


def without_sessions(tables: dict) -> dict:
    return {label: rows for label, rows in tables.items() if label not in NOT_RESTORED}


def assert_same_rows(restored: dict, original: dict):
    assert restored["sessions.Session"] == []
    assert (
        restored["events.Revision"] and restored["events.Revision"] != original["events.Revision"]
    )
    restored, original = without_sessions(restored), without_sessions(original)
    assert restored.keys() == original.keys()
    for label in original:
        assert restored[label] == original[label], label


def records(path) -> list[str]:
    """The file's records, less its header (which says when and from where)."""
    return path.read_text().splitlines()[1:]


@pytest.fixture(scope="module")
def postgres():
    """An empty database of the tests' own on the local server, dropped afterwards."""
    name = f"{checkout_prefix()}_backup_{os.getpid()}"
    psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    psql(f'CREATE DATABASE "{name}"')
    yield f"postgres://postgres@127.0.0.1:5432/{name}"
    psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def sqlite(seeded_sqlite, tmp_path):
    return copy_sqlite(seeded_sqlite[0], tmp_path / "source.sqlite3")


def test_sqlite_to_a_fresh_postgresql_after_deletes(sqlite, postgres, tmp_path):
    path, again = tmp_path / "sqlite.jsonl", tmp_path / "again.jsonl"
    [original] = run(sqlite, ["edit", "on SQLite"], ["rows"], ["backup", str(path)])
    assert original["sessions.Session"] and original["events.HistoricalEvent"]
    assert '"model": "sessions.session"' not in private(path).read_text()

    # A database with no tables yet: the restore migrates it.
    restored, written = run(
        postgres, ["restore", str(path)], ["rows"], ["backup", str(again)], ["write"]
    )
    assert_same_rows(restored, original)
    # Byte for byte: the restored database backs up to the very same records.
    assert records(private(again)) == records(path)
    assert written == 3

    # Into the same SQLite database, after more changes: as it was at the backup.
    [restored] = run(sqlite, ["edit", "after the backup"], ["restore", str(path)], ["rows"])
    assert_same_rows(restored, original)


def test_postgresql_to_sqlite_after_deletes(sqlite, postgres, tmp_path):
    seed, path, again = (tmp_path / f"{name}.jsonl" for name in ("seed", "postgres", "again"))
    run(sqlite, ["backup", str(seed)])
    [original] = run(
        postgres, ["restore", str(seed)], ["edit", "on PostgreSQL"], ["rows"], ["backup", str(path)]
    )

    # Into another SQLite database, whose own records (seed, an editor) all go.
    target = copy_sqlite(tmp_path / "source.sqlite3", tmp_path / "target.sqlite3")
    restored, (found, expected) = run(
        target,
        ["edit", "on the target"],
        ["restore", str(path)],
        ["rows"],
        ["backup", str(again)],
        ["search"],
    )
    assert_same_rows(restored, original)
    assert found == expected > 0
    assert records(private(again)) == records(path)

    # Into the same PostgreSQL database, after more changes.
    [restored] = run(postgres, ["edit", "after the backup"], ["restore", str(path)], ["rows"])
    assert_same_rows(restored, original)
