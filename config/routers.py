"""Read replicas: with DATABASE_REPLICA_URLS set, reads go to a replica and writes to the
primary ("default").

A request reads from one replica only (PinReplicaMiddleware): the data's revision, which
the page's ETag is made of, and the page itself then come from the same copy of the data.
Read from two replicas at different points of replay, a page could carry the ETag of a
newer revision than its data, and a client would keep it as current."""

import random
import threading
from contextlib import contextmanager

from django.conf import settings
from django.db import connections

_state = threading.local()


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica_")]


@contextmanager
def one_replica():
    """Inside, every read goes to the same replica (chosen at the first read)."""
    previous = getattr(_state, "pinned", None)
    _state.pinned = ""  # chosen at the first read
    try:
        yield
    finally:
        _state.pinned = previous


class PinReplicaMiddleware:
    """Each request reads from one replica (see one_replica)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with one_replica():
            return self.get_response(request)


class ReplicaRouter:
    """Sends reads to a replica (the request's own, or one chosen at random outside a
    request), except inside a transaction on the primary, where a read must see the writes
    before it (a replica lags behind the primary)."""

    def db_for_read(self, model, **hints):
        replicas = replica_aliases()
        if not replicas or connections["default"].in_atomic_block:
            return "default"
        pinned = getattr(_state, "pinned", None)
        if pinned is None:
            return random.choice(replicas)
        if not pinned:
            pinned = _state.pinned = random.choice(replicas)
        return pinned

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # Replicas hold the primary's data: a row read from one relates to a row of another.
        return True

    def allow_migrate(self, db, app_label, **hints):
        # Replicas get their schema by replication, not from migrate.
        return db == "default"
