import pytest

from tests.reliability.servers import manage

SEED = """
from django.core.management import call_command
from access.models import ApiToken
from tests import factories
call_command("load_seed", verbosity=0)
print(ApiToken.issue(factories.editor(username="editor"), "tests", "write")[1])
"""


@pytest.fixture(scope="session")
def seeded_sqlite(tmp_path_factory):
    """A SQLite database file as `make setup` leaves it, with an editor and a write token,
    made once per session (migrating takes seconds); tests copy it. (path, token key)."""
    path = tmp_path_factory.mktemp("seeded") / "seeded.sqlite3"
    url = f"sqlite:///{path}"
    manage("migrate", "--noinput", "-v0", database_url=url)
    key = manage("shell", "-v0", "-c", SEED, database_url=url).strip().splitlines()[-1]
    return path, key
