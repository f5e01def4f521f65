"""The read router: replicas for reads, the primary for writes and for reads inside a
write transaction, one replica for all of a request's reads."""

import pytest

from config import routers
from events.models import Event


@pytest.fixture
def two_replicas(monkeypatch):
    monkeypatch.setattr(routers, "replica_aliases", lambda: ["replica_0", "replica_1"])
    return routers.ReplicaRouter()


def test_reads_go_to_a_replica_and_writes_to_the_primary(two_replicas):
    assert two_replicas.db_for_read(Event) in ("replica_0", "replica_1")
    assert two_replicas.db_for_write(Event) == "default"


def test_a_requests_reads_all_go_to_one_replica(two_replicas):
    """Its revision and its page come from the same copy of the data."""
    for _ in range(20):
        with routers.one_replica():
            chosen = {two_replicas.db_for_read(Event) for _ in range(20)}
        assert len(chosen) == 1


def test_reads_inside_a_write_transaction_see_the_primary(two_replicas, db):
    from django.db import transaction

    with transaction.atomic():
        assert two_replicas.db_for_read(Event) == "default"
