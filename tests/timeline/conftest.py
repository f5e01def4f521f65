import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_counts():
    """Costly counts are cached between requests; no test may see another test's."""
    cache.clear()
    yield
    cache.clear()
