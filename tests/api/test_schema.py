"""The OpenAPI schema validates, and its docs page is served from our own static files."""

import re

import pytest
from django.core.management import call_command


def test_schema_validates_without_warnings(tmp_path):
    output = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(output))
    schema = output.read_text()
    for path in ["/api/events/", "/api/events/deleted/", "/api/stats/events/", "/api/relations/"]:
        assert path in schema


@pytest.mark.django_db
def test_schema_and_docs_are_served(client):
    assert client.get("/api/schema/").status_code == 200
    docs = client.get("/api/docs/").content.decode()
    # Every script and stylesheet comes from this site, none from a CDN.
    assets = re.findall(r'(?:src|href)="([^"]+)"', docs)
    assert assets and all(a.startswith("/") for a in assets), assets
