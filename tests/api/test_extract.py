"""POST /api/extract/: the extractor for editors' tools, with its input checked."""

import pytest

from events.models import Country, Event, Organization
from tests import factories
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


OUTLET_TEXT = "The foreign minister received the visiting Omani minister on Thursday."


def test_the_home_country_is_the_side_the_text_leaves_implied(editor_api):
    body = {"text": OUTLET_TEXT, "published": "2023-06-03", "home_country": "in"}
    response = editor_api.post("/api/extract/", body, format="json")
    assert response.status_code == 200, response.json()
    assert sorted(response.json()[0]["countries"]) == ["IN", "OM"]


def test_the_home_country_is_read_from_a_sources_publisher(editor_api):
    newspaper = factories.OrganizationFactory(
        kind=Organization.Kind.MEDIA, country=Country.objects.get(iso_alpha2="IN")
    )
    source = factories.SourceFactory(publisher=newspaper)
    body = {"text": OUTLET_TEXT, "published": "2023-06-03", "source": str(source.public_id)}
    response = editor_api.post("/api/extract/", body, format="json")
    assert response.status_code == 200, response.json()
    assert sorted(response.json()[0]["countries"]) == ["IN", "OM"]


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"home_country": "XX"}, "home_country"),
        ({"home_country": 7}, "home_country"),
        ({"source": "not-an-id"}, "source"),
        ({"source": "0190c6a0-0000-7000-8000-000000000000"}, "source"),
    ],
)
def test_a_bad_home_country_or_source_is_a_400_naming_it(editor_api, extra, field):
    body = {"text": OUTLET_TEXT, "published": "2023-06-03", **extra}
    response = editor_api.post("/api/extract/", body, format="json")
    assert response.status_code == 400, response.json()
    assert field in response.json()
