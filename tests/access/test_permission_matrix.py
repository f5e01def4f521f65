"""Who may do what: (anonymous, analyst, editor, admin) x (read pages, read API, write API,
admin pages, user management), every cell."""

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from tests import factories

pytestmark = pytest.mark.usefixtures("seeded")

ROLES = ["anonymous", "analyst", "editor", "admin"]


def client_for(role):
    client = APIClient()
    if role == "analyst":
        client.force_login(factories.analyst())
    elif role == "editor":
        client.force_login(factories.editor())
    elif role == "admin":
        client.force_login(
            get_user_model().objects.create_superuser("root", "root@example.org", "a-long-pw-1")
        )
    return client


def new_event():
    return {
        "title": "Matrix meeting",
        "type": "meeting",
        "date": "26 Oct 2024",
        "participants": [{"country": "UA", "role": "host"}],
    }


EXPECTED = {
    # capability: {role: status}
    "read pages": {"anonymous": 200, "analyst": 200, "editor": 200, "admin": 200},
    "read API": {"anonymous": 200, "analyst": 200, "editor": 200, "admin": 200},
    "write API": {"anonymous": 401, "analyst": 403, "editor": 201, "admin": 201},
    "admin pages": {"anonymous": 302, "analyst": 200, "editor": 200, "admin": 200},
    "admin writes": {"anonymous": 302, "analyst": 403, "editor": 200, "admin": 200},
    "user management": {"anonymous": 302, "analyst": 403, "editor": 403, "admin": 200},
    "API token management": {"anonymous": 302, "analyst": 403, "editor": 403, "admin": 200},
}

REQUESTS = {
    "read pages": lambda c: c.get("/timeline/"),
    "read API": lambda c: c.get("/api/events/"),
    "write API": lambda c: c.post("/api/events/", new_event(), format="json"),
    "admin pages": lambda c: c.get("/admin/events/event/"),
    "admin writes": lambda c: c.get("/admin/events/event/add/"),
    "user management": lambda c: c.get("/admin/auth/user/"),
    "API token management": lambda c: c.get("/admin/access/apitoken/"),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("capability", list(EXPECTED))
def test_permission_matrix(capability, role):
    response = REQUESTS[capability](client_for(role))
    assert response.status_code == EXPECTED[capability][role]
    if response.status_code == 302:
        assert "/admin/login/" in response["Location"]
