"""The parts of the benchmark that run inside Django, against the database DATABASE_URL
names; bench/run.py starts it once per database and reads the JSON it prints.

    python bench/worker.py import FILE      import through the importer, with timings
    python bench/worker.py queries PATH     queries one GET of PATH makes, at page sizes 10 and 100
    python bench/worker.py visitor          an editor's session key, and the busiest official
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


def visitor() -> dict:
    """A staff session for the admin pages, and the official with the most events."""
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.db.models import Count

    from events.models import Official

    user, _ = get_user_model().objects.get_or_create(
        username="bench", defaults={"is_staff": True, "is_superuser": True}
    )
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.create()
    busiest = (
        Official.objects.annotate(n=Count("participations"))
        .order_by("-n")
        .values_list("slug", flat=True)[:1]
    )
    return {"session": session.session_key, "official": busiest[0]}


def count_queries(path: str) -> dict:
    client = Client(HTTP_HOST="localhost")
    counts = {}
    for size in (10, 100):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{path}&page_size={size}")
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        counts[str(size)] = len(queries)
    return counts


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "import":
        output = run_import(sys.argv[2])
    elif command == "visitor":
        output = visitor()
    else:
        output = count_queries(sys.argv[2])
    print(json.dumps(output))
