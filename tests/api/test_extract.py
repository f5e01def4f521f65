"""POST /api/extract/: the extractor for editors' tools, with its input checked."""

import pytest

from events.models import Event
from tests.seed_article import seed_article_text

pytestmark = pytest.mark.usefixtures("seeded")


def test_editor_gets_the_seed_articles_dated_events(editor_api):
    text = seed_article_text()
    before = Event.objects.count()
    response = editor_api.post(
        "/api/extract/", {"text": text, "published": "2024-10-27"}, format="json"
    )
    assert response.status_code == 200, response.json()
    found = {(c["date_start"], c["date_end"], c["date_precision"]) for c in response.json()}
    assert {
        ("2024-10-26", "2024-10-26", "day"),
        ("2024-09-21", "2024-09-30", "part_of_month"),
        ("2024-08-01", "2024-08-31", "month"),
        ("2024-07-08", "2024-07-08", "day"),
    } <= found
    meeting = next(c for c in response.json() if c["date_start"] == "2024-10-26")
    assert sorted(meeting["countries"]) == ["IN", "UA"]
    assert set(meeting["officials"]) == {"Herman Smetanin", "Ravi Shankar"}
    assert Event.objects.count() == before  # a draft: nothing saved


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": "", "published": "2024-10-27"}, "text"),
        ({"text": "Nothing happened to anyone.", "published": "2024-10-27"}, "text"),
        ({"text": "Modi met Zelensky on Oct. 26.", "published": "last Sunday"}, "published"),
        ({"text": "x " * 60_000, "published": "2024-10-27"}, "text"),
        ({"published": "2024-10-27"}, "text"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(editor_api, body, field):
    response = editor_api.post("/api/extract/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_a_5_mb_paste_is_refused_with_a_message(editor_api):
    response = editor_api.post(
        "/api/extract/",
        {"text": "word " * 1_000_000, "published": "2024-10-27"},
        format="json",
    )
    assert response.status_code == 413
    assert "too large" in response.json()["detail"]


def test_only_editors_extract(api, analyst_api):
    body = {"text": "Modi met Zelensky on Oct. 26.", "published": "2024-10-27"}
    assert api.post("/api/extract/", body, format="json").status_code == 401
    assert analyst_api.post("/api/extract/", body, format="json").status_code == 403
