import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests import factories


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def editor_api(db):
    """An editor's script: token authentication."""
    client = APIClient()
    token = Token.objects.create(user=factories.editor())
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def analyst_api(db):
    client = APIClient()
    token = Token.objects.create(user=factories.analyst())
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client
