import pytest
from rest_framework.test import APIClient

from access.models import ApiToken
from tests import factories


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def editor_api(db):
    """An editor's script: token authentication."""
    client = APIClient()
    _, key = ApiToken.issue(factories.editor(), "script", ApiToken.Scope.WRITE)
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def analyst_api(db):
    client = APIClient()
    _, key = ApiToken.issue(factories.analyst(), "dashboard", ApiToken.Scope.WRITE)
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client
