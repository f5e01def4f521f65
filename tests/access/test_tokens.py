"""API tokens: scoped, hashed, revocable, created and revoked in admin."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from rest_framework.test import APIClient

from access.models import ApiToken, hash_key
from events.models import Event
from tests import factories

pytestmark = pytest.mark.django_db

EVENT = {"title": "Token meeting", "type": "meeting", "date": "2024", "countries": []}


def with_key(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_only_a_hash_of_the_key_is_stored():
    token, key = ApiToken.issue(factories.editor(), "script", ApiToken.Scope.WRITE)
    assert key.startswith(token.prefix) and key not in str(ApiToken.objects.values_list())
    assert token.key_hash == hash_key(key)


def test_a_write_token_writes_as_its_editor():
    _, key = ApiToken.issue(factories.editor(), "script", ApiToken.Scope.WRITE)
    response = with_key(key).post("/api/events/", EVENT, format="json")
    assert response.status_code == 201, response.json()


def test_a_read_token_never_writes_even_for_an_editor():
    _, key = ApiToken.issue(factories.editor(), "dashboard", ApiToken.Scope.READ)
    client = with_key(key)
    assert client.get("/api/events/").status_code == 200
    response = client.post("/api/events/", EVENT, format="json")
    assert response.status_code == 403
    assert Event.objects.count() == 0


def test_a_write_token_of_an_analyst_still_cannot_write():
    _, key = ApiToken.issue(factories.analyst(), "script", ApiToken.Scope.WRITE)
    assert with_key(key).post("/api/events/", EVENT, format="json").status_code == 403


@pytest.mark.parametrize("state", ["unknown", "revoked", "expired", "inactive user"])
def test_a_bad_token_is_refused_with_401_not_treated_as_anonymous(state):
    token, key = ApiToken.issue(factories.editor(), "script", ApiToken.Scope.WRITE)
    if state == "unknown":
        key = key + "x"
    elif state == "revoked":
        token.revoke()
    elif state == "expired":
        token.expires_at = timezone.now() - timedelta(minutes=1)
        token.save()
    else:
        token.user.is_active = False
        token.user.save()
    assert with_key(key).get("/api/events/").status_code == 401


def test_use_is_recorded():
    token, key = ApiToken.issue(factories.analyst(), "dashboard")
    with_key(key).get("/api/events/")
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_admin_creates_a_token_and_sees_the_key_once(client):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "a-long-pw-1")
    owner = factories.analyst()
    client.force_login(admin)
    response = client.post(
        "/admin/access/apitoken/add/",
        {"name": "Newsroom dashboard", "user": owner.pk, "scope": "read"},
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    key = re.search(r'<code id="api-key">([^<]+)</code>', response.content.decode()).group(1)
    assert "api-key" not in str(response.cookies.get("messages", ""))
    token = ApiToken.objects.get(name="Newsroom dashboard")
    assert token.key_hash == hash_key(key)
    assert with_key(key).get("/api/events/").status_code == 200
    # Revoking in admin stops the key at once.
    client.post(
        "/admin/access/apitoken/",
        {"action": "revoke", "_selected_action": [token.pk]},
    )
    assert with_key(key).get("/api/events/").status_code == 401
    change_page = client.get(f"/admin/access/apitoken/{token.pk}/change/").content.decode()
    assert key not in change_page


def test_issue_token_prints_a_working_key_once(capsys):
    from django.core.management import CommandError, call_command

    editor = factories.editor()
    call_command("issue_token", editor.username, name="script", scope="write")
    key = capsys.readouterr().out.strip()
    response = with_key(key).post("/api/events/", EVENT, format="json")
    assert response.status_code == 201
    with pytest.raises(CommandError, match="No user"):
        call_command("issue_token", "nobody", name="x")
