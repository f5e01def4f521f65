"""Read replicas: with DATABASE_REPLICA_URLS set, reads go to a replica and writes to the
primary ("default")."""

import random
import threading
from contextlib import contextmanager

from django.conf import settings
from django.db import connections

_state = threading.local()


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica_")]


@contextmanager
def reads_from_primary():
    """Inside, reads go to the primary: for what must reflect the latest writes without
    the cost of a transaction (results kept in the cache under the data version)."""
    previous = getattr(_state, "primary", False)
    _state.primary = True
    try:
        yield
    finally:
        _state.primary = previous


class ReplicaRouter:
    """Sends reads to a randomly chosen replica, except inside a transaction on the primary,
    where a read must see the writes before it (a replica lags behind the primary)."""

    def db_for_read(self, model, **hints):
        replicas = replica_aliases()
        if (
            not replicas
            or getattr(_state, "primary", False)
            or connections["default"].in_atomic_block
        ):
            return "default"
        return random.choice(replicas)

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # Replicas hold the primary's data: a row read from one relates to a row of another.
        return True

    def allow_migrate(self, db, app_label, **hints):
        # Replicas get their schema by replication, not from migrate.
        return db == "default"
