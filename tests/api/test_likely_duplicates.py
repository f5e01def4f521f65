"""The API refuses a new event that looks like one already recorded with 409, naming
it, unless the client says it is new (`confirm_new`)."""

import pytest

from events.models import Event

pytestmark = pytest.mark.usefixtures("seeded")

SEED_VISIT = "Modi makes his first visit to Ukraine"  # Aug 2024: Modi, and Ukraine as host


def api_visit(**extra):
    return {
        "title": "Modi arrives in Kyiv",
        "type": "visit",
        "date": "23 Aug 2024",
        "participants": [
            {"official": "narendra-modi", "role": "visitor"},
            {"country": "UA", "role": "host"},
        ],
        **extra,
    }


def test_the_api_answers_409_naming_the_likely_duplicate(editor_api):
    response = editor_api.post("/api/events/", api_visit(), format="json")
    assert response.status_code == 409, response.json()
    seed = Event.objects.get(title=SEED_VISIT)
    likely = response.json()["likely_duplicate"]
    assert likely["id"] == str(seed.public_id) and likely["title"] == SEED_VISIT
    assert likely["url"].endswith(f"/api/events/{seed.public_id}/")
    assert "confirm_new" in response.json()["detail"]
    assert not Event.objects.filter(title="Modi arrives in Kyiv").exists()


def test_the_api_saves_a_likely_duplicate_the_client_says_is_new(editor_api):
    response = editor_api.post("/api/events/", api_visit(confirm_new=True), format="json")
    assert response.status_code == 201, response.json()
    assert Event.objects.filter(title="Modi arrives in Kyiv").exists()


def test_the_schema_documents_confirm_new_and_the_409(api):
    schema = api.get("/api/schema/", {"format": "json"}).json()
    create = schema["paths"]["/api/events/"]["post"]
    assert "409" in create["responses"]
    body = create["requestBody"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
    assert "confirm_new" in schema["components"]["schemas"][body]["properties"]
