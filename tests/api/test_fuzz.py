"""The API fuzzed against its own OpenAPI schema: every operation, generated inputs
(bounded), as an editor's script and as an anonymous client: no server errors, no status
code the schema does not list, and bodies and content types that match it.

FUZZ_EXAMPLES sets the examples per operation (default 5; CI takes 3 to keep within its time); run with
FUZZ_EXAMPLES=100 for a deeper search."""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from access.models import ApiToken
from config.wsgi import application
from tests import factories

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)

pytestmark = pytest.mark.usefixtures("seeded")


@pytest.fixture(autouse=True)
def keep_the_test_transaction():
    """Schemathesis calls the WSGI app directly, so Django's request signals run and would
    close the connection that holds the test's transaction (Django's own test client
    disconnects them the same way)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(params=["editor", "anonymous"])
def client_headers(request):
    """As an editor's script, writes reach validation and the database; anonymous, they are
    refused, with the statuses the schema gives."""
    if request.param == "anonymous":
        return {}
    _, key = ApiToken.issue(factories.editor(), "fuzz", ApiToken.Scope.WRITE)
    return {"Authorization": f"Token {key}"}


@schema.parametrize()
@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "5")),
    deadline=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)
def test_api_has_no_server_errors_and_keeps_to_its_schema(case, client_headers):
    if not client_headers and case.method == "GET":
        # Reads answer an anonymous client as they answer an editor's script.
        pytest.skip("anonymous reads are the editor's reads")
    response = case.call(headers=client_headers)
    case.validate_response(
        response,
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )
