"""Read replicas: reads go to a replica, writes (and reads inside a transaction) to the
primary. Run against two real databases on the local PostgreSQL server: the replica is made
as a copy of the primary, then given a row the primary lacks, so reads show where they went."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="needs a PostgreSQL server")

PROBE = """
import json
from datetime import date
from django.db import transaction
from events.models import Event
from tests.writes import save
read = sorted(Event.objects.values_list("title", flat=True))
with transaction.atomic():
    save(Event(title="Written", type="meeting", date_start=date(2024, 1, 1),
                         date_end=date(2024, 1, 1), date_precision=1))
    inside = sorted(Event.objects.values_list("title", flat=True))
print(json.dumps({"read": read, "inside": inside}))
"""


def psql(sql):
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qc", sql],
        check=True,
        capture_output=True,
    )


def manage(*args, env):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


@pytest.fixture
def primary_and_replica():
    names = [f"dt_router_{role}_{os.getpid()}" for role in ("primary", "replica")]
    urls = [f"postgres://postgres@127.0.0.1:5432/{name}" for name in names]
    for name in names:
        psql(f'DROP DATABASE IF EXISTS "{name}"')
    psql(f'CREATE DATABASE "{names[0]}"')
    try:
        manage("migrate", "-v0", env={"DATABASE_URL": urls[0]})
        # The replica starts as a copy of the primary, as replication would make it.
        psql(f'CREATE DATABASE "{names[1]}" TEMPLATE "{names[0]}"')
        manage(
            "shell",
            "-c",
            "from datetime import date; from events.models import Event; "
            "from tests.writes import save; "
            "save(Event(title='Only on the replica', type='meeting', "
            "date_start=date(2024, 1, 1), date_end=date(2024, 1, 1), date_precision=1))",
            env={"DATABASE_URL": urls[1]},
        )
        yield urls
    finally:
        for name in names:
            psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_reads_go_to_the_replica_and_writes_to_the_primary(primary_and_replica):
    primary, replica = primary_and_replica
    out = manage(
        "shell", "-c", PROBE, env={"DATABASE_URL": primary, "DATABASE_REPLICA_URLS": replica}
    )
    seen = json.loads(out.strip().splitlines()[-1])
    assert seen["read"] == ["Only on the replica"]  # read from the replica
    assert seen["inside"] == ["Written"]  # inside a transaction: the primary, with the write
    on_primary = manage(
        "shell",
        "-c",
        "from events.models import Event; print(sorted(Event.objects.values_list('title', "
        "flat=True)))",
        env={"DATABASE_URL": primary},
    )
    assert "Written" in on_primary and "Only on the replica" not in on_primary
