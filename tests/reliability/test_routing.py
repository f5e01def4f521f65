"""Which database a read goes to when replicas are configured (the routing itself; the
end-to-end run against a second PostgreSQL database is test_replicas.py)."""

import pytest

from config import routers
from events import data_version
from events.models import Event


@pytest.fixture
def one_replica(monkeypatch):
    monkeypatch.setattr(routers, "replica_aliases", lambda: ["replica_0"])
    return routers.ReplicaRouter()


def test_reads_go_to_the_replica_except_where_they_must_see_the_latest_writes(one_replica):
    assert one_replica.db_for_read(Event) == "replica_0"
    with routers.reads_from_primary():
        assert one_replica.db_for_read(Event) == "default"
    assert one_replica.db_for_read(Event) == "replica_0"


def test_results_kept_under_the_data_version_are_read_on_the_primary(one_replica, db):
    """The version moves when the primary commits; a replica may lag behind it."""
    seen = data_version.cached("test:routing", (), lambda: one_replica.db_for_read(Event))
    assert seen == "default"
