"""POST /api/events/batch/: upserts by external_id with a result per event, safe to run
again, bounded in size."""

import pytest

from events.api.batches import MAX_BATCH
from events.models import Event

pytestmark = pytest.mark.usefixtures("seeded")

URL = "/api/events/batch/"


def item(external_id, title, **extra):
    return {
        "external_id": external_id,
        "title": title,
        "type": "meeting",
        "date": "12 Mar 2025",
        "countries": ["IN", "UA"],
        "participants": [{"official": "narendra-modi", "role": "visitor"}],
        **extra,
    }


def send(client, events):
    response = client.post(URL, {"events": events}, format="json")
    assert response.status_code == 200, response.json()
    return response.json()


def test_a_batch_creates_then_reports_unchanged_when_sent_again(editor_api):
    batch = [item("feed:1", "Modi meets Zelensky"), item("feed:2", "Modi meets Sybiha")]
    first = send(editor_api, batch)
    assert [r["status"] for r in first["results"]] == ["created", "created"]
    assert first["counts"] == {"created": 2, "updated": 0, "unchanged": 0, "error": 0}
    stamps = dict(
        Event.objects.filter(external_id__startswith="feed:").values_list(
            "external_id", "updated_at"
        )
    )
    again = send(editor_api, batch)
    assert [r["status"] for r in again["results"]] == ["unchanged", "unchanged"]
    assert [r["id"] for r in again["results"]] == [r["id"] for r in first["results"]]
    assert (
        dict(
            Event.objects.filter(external_id__startswith="feed:").values_list(
                "external_id", "updated_at"
            )
        )
        == stamps
    )
    assert Event.objects.filter(external_id__startswith="feed:").count() == 2
    detail = editor_api.get(first["results"][0]["url"]).json()
    assert detail["title"] == "Modi meets Zelensky"


def test_a_changed_event_is_updated_and_the_rest_left_alone(editor_api):
    send(editor_api, [item("feed:1", "Modi meets Zelensky"), item("feed:2", "Modi meets Sybiha")])
    results = send(
        editor_api,
        [item("feed:1", "Modi meets Zelensky in Kyiv"), item("feed:2", "Modi meets Sybiha")],
    )["results"]
    assert [r["status"] for r in results] == ["updated", "unchanged"]
    assert Event.objects.get(external_id="feed:1").title == "Modi meets Zelensky in Kyiv"


def test_topics_and_countries_in_another_order_are_unchanged(editor_api):
    send(
        editor_api,
        [item("feed:1", "Talks", countries=["IN", "UA"], topics=["trade", "defense-industry"])],
    )
    results = send(
        editor_api,
        [item("feed:1", "Talks", countries=["UA", "IN"], topics=["defense-industry", "trade"])],
    )["results"]
    assert results[0]["status"] == "unchanged", results


def test_a_bad_event_is_reported_with_its_field_errors_and_the_others_written(editor_api):
    results = send(
        editor_api,
        [
            item("feed:1", "Fine"),
            item("feed:2", "Bad date", date="someday"),
            {k: v for k, v in item("", "No id").items() if k != "external_id"},
            item("feed:3", "Nobody", participants=[{"official": "no-such-person"}]),
            "not an object",
        ],
    )["results"]
    assert [r["status"] for r in results] == ["created", "error", "error", "error", "error"]
    assert "date" in results[1]["errors"]
    assert "external_id" in results[2]["errors"]
    assert "official" in results[3]["errors"]["participants"]["0"]
    assert "non_field_errors" in results[4]["errors"]
    assert list(
        Event.objects.filter(external_id__startswith="feed:").values_list("external_id", flat=True)
    ) == ["feed:1"]


def test_a_batch_over_the_cap_or_empty_or_malformed_is_a_400(editor_api):
    too_many = [item(f"feed:{i}", f"Meeting {i}") for i in range(MAX_BATCH + 1)]
    for body in ({"events": too_many}, {"events": []}, {"event": []}, [item("feed:1", "x")]):
        response = editor_api.post(URL, body, format="json")
        assert response.status_code == 400
        assert list(response.json()) == ["events"]
    assert not Event.objects.filter(external_id__startswith="feed:").exists()


def test_only_editors_send_batches(api, analyst_api):
    assert api.post(URL, {"events": [item("feed:1", "x")]}, format="json").status_code == 401
    assert (
        analyst_api.post(URL, {"events": [item("feed:1", "x")]}, format="json").status_code == 403
    )
    assert not Event.objects.filter(external_id="feed:1").exists()
