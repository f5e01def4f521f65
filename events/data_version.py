"""The version of the events data: a token in the shared cache that is replaced whenever a
domain record changes, so that what is computed from the data (counts, charts) can be
cached under it and is never served once the data has changed.

Every process sees a change at once when the cache is shared (Redis, as `make serve`
configures). With the in-process default, another process's writes (an import run from the
command line, say) are seen when the cached result expires (KEPT_SECONDS).
"""

import hashlib
from collections.abc import Callable
from pathlib import Path
from uuid import uuid4

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, transaction

from config.routers import reads_from_primary

KEY = "events:data-version"
# How long a result is kept. The version makes a kept result right where the cache is
# shared; the time bounds how long an in-process cache may hold back another process's
# writes (an import run from the command line).
KEPT_SECONDS = 300


def _code_digest() -> str:
    """A digest of the project's code and templates. What is kept was computed by them, and
    the version lives in the shared cache, across deploys: a deploy that changes them must
    not serve what the code before it computed."""
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for app in ("access", "config", "events", "timeline"):
        for path in sorted((root / app).rglob("*")):
            if path.suffix in (".py", ".html"):
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


CODE = _code_digest()


def current() -> str:
    version = cache.get(KEY)
    if version is None:
        cache.add(KEY, uuid4().hex, timeout=None)  # add: racing processes agree on one
        version = cache.get(KEY)
    # A cache that keeps nothing (the dummy backend): a new version each time, no reuse.
    return version or uuid4().hex


def changed(using: str = DEFAULT_DB_ALIAS):
    """Say the data changed. The version moves now, so a reader inside the writing
    transaction does not get results from before it, and again when the transaction
    commits, so a result computed meanwhile from the data as it was is not kept."""
    _replace()
    connection = transaction.get_connection(using)
    # Once per transaction at commit, however many rows it writes (a loaddata writes
    # thousands). A rolled-back transaction drops its callbacks, so none is left behind.
    if connection.in_atomic_block and any(
        callback is _replace for _, callback, _ in connection.run_on_commit
    ):
        return
    transaction.on_commit(_replace, using=using)


def _replace():
    cache.set(KEY, uuid4().hex, timeout=None)


def key_for(name: str, parts) -> str:
    """The cache key of `name` computed for `parts` (with a stable repr) from the data as it
    is now, by the code as it is now."""
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    return f"{name}:{current()}:{CODE}:{digest}"


def cached(name: str, parts, compute: Callable, timeout: int = KEPT_SECONDS):
    """compute(), kept under the data version: `name` says what it is and `parts` (with a
    stable repr) what it was computed for. For aggregates that scan many rows and are asked
    for again and again (counts, charts); a change to the data makes them be computed anew."""
    key = key_for(name, parts)
    value = cache.get(key)
    if value is None:
        # Read on the primary: a replica may not have replayed the change that made this
        # version yet, and what it counted would be kept under the new version.
        with reads_from_primary():
            value = compute()
        cache.set(key, value, timeout)
    return value
