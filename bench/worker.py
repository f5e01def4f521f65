"""The parts of the benchmark that run inside Django, against the database DATABASE_URL
names; bench/run.py starts it once per database and reads the JSON it prints.

    python bench/worker.py import FILE      import through the importer, with timings
    python bench/worker.py queries PATH     queries one GET of PATH makes, at page sizes 10 and 100
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from importing.api import import_file  # noqa: E402


def run_import(path: str) -> dict:
    result = import_file(path)
    if result.rejected_batches:
        raise SystemExit(
            f"The import rejected {result.rejected_batches} batches: {result.errors[:3]}"
        )
    seconds = result.seconds
    return {
        "events": result.events,
        "rows": sum(result.created.values()),
        "import_s": seconds["total"],
        # The same prepared rows, written with COPY (PostgreSQL) or batched inserts
        # (SQLite), and committed: the COPY baseline, measured inside the run.
        "copy_s": seconds["write"],
    }


def count_queries(path: str) -> dict:
    client = Client(HTTP_HOST="localhost")
    counts = {}
    for size in (10, 100):
        cache.clear()  # a cold page: nothing kept from the one before
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{path}&page_size={size}")
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        counts[str(size)] = len(queries)
    return counts


if __name__ == "__main__":
    command, argument = sys.argv[1], sys.argv[2]
    output = run_import(argument) if command == "import" else count_queries(argument)
    print(json.dumps(output))
