"""Oversized or malformed requests are refused with a 4xx that says why."""

import base64
import json

import pytest

from access.models import ApiToken
from events.api.renderers import UNSTORABLE_TEXT
from events.models import Event
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_token_client(client):
    _, key = ApiToken.issue(factories.editor(), "script", ApiToken.Scope.WRITE)
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
    return client


def test_an_oversized_body_is_a_413_saying_so(editor_token_client):
    body = json.dumps({"title": "x" * 3_000_000, "type": "meeting", "date": "2024"})
    response = editor_token_client.post("/api/events/", body, content_type="application/json")
    assert response.status_code == 413
    assert "too large" in response.json()["detail"]
    assert Event.objects.count() == 0


def test_an_oversized_page_is_a_400_naming_page_size(client):
    response = client.get("/api/events/", {"page_size": 100_000})
    assert response.status_code == 400
    assert "page_size" in response.json()


def test_malformed_json_is_a_400(editor_token_client):
    response = editor_token_client.post(
        "/api/events/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert "JSON" in response.json()["detail"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/events/?country=%00",
        "/api/officials/?country=U%00",
        "/api/relations/I%00/UA/",
        "/timeline/?country=%00",
        "/timeline/countries/U%00/",
        "/timeline/events/a%00b/",
        "/timeline/visual/?country=%00",
        "/timeline/visual/?group=%00",
        "/timeline/network/?country=%00",
        "/timeline/map/?country=%00",
    ],
)
def test_a_nul_character_is_a_400_not_a_crash(client, path):
    assert client.get(path).status_code == 400


def test_too_many_countries_is_a_400_naming_country(client):
    codes = ",".join(["UA", "IN", "RU", "US", "CN", "FR", "DE", "GB", "JP", "TR", "PL"])
    response = client.get(f"/api/events/?country={codes}")
    assert response.status_code == 400
    assert "At most 10" in response.json()["country"][0]


@pytest.mark.parametrize(
    "cursor",
    [
        # precision 9 and a key past 64 bits: out of what the columns hold
        "WzEsIjIwMjQtMDEtMDEiLDksIjIwMjQtMDEtMDEiLCJ4IiwxXQ",
        "WzEsIjIwMjQtMDEtMDEiLDEsIjIwMjQtMDEtMDEiLCJ4IiwxMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwXQ",
    ],
)
def test_an_out_of_range_cursor_is_a_400(client, cursor):
    response = client.get(f"/api/events/?cursor={cursor}")
    assert response.status_code == 400
    assert "cursor" in response.json()


def test_read_login_covers_the_timeline_too(client, settings):
    settings.READ_REQUIRES_LOGIN = True
    response = client.get("/timeline/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert client.get("/api/events/").status_code == 401


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/api/events/?date_after=50%25", "date_after"),
        ("/api/events/?date_before=50%25", "date_before"),
        ("/api/stats/events/?group_by=month&date_after=50%25", "date_after"),
        ("/api/officials/?in_office_on=50%25", "in_office_on"),
        ("/api/agreements/?date_after=50%25", "date"),
        ("/api/events/?page=%C2%B9", "page"),
        ("/api/events/?page_size=%C2%B9", "page_size"),
    ],
)
def test_input_that_looks_like_a_format_string_or_a_digit_is_a_400(client, path, field):
    response = client.get(path)
    assert response.status_code == 400
    assert field in response.json()


def test_a_timeline_date_with_a_percent_sign_is_a_400_that_says_so(client):
    response = client.get("/timeline/?date_after=50%25")
    assert response.status_code == 400
    assert "50%" in response.content.decode()


def _cursor(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize(
    "raw",
    [
        # pk true: an int to Python, a boolean to PostgreSQL (bigint < boolean fails)
        b'[1,"2024-01-01",1,"2024-01-01","x",true]',
        # a title with a lone surrogate, which no database encodes
        b'[1,"2024-01-01",1,"2024-01-01","\\ud800",1]',
        # nested past the decoder's recursion
        b"[" * 5000 + b"]" * 5000,
    ],
    ids=["pk-true", "lone-surrogate", "deep"],
)
def test_a_cursor_the_database_cannot_take_is_a_400(client, raw):
    response = client.get("/api/events/", {"cursor": _cursor(raw)})
    assert response.status_code == 400
    assert "cursor" in response.json()


def test_deeply_nested_json_is_a_400(editor_token_client):
    body = '{"title": ' + "[" * 5000 + "]" * 5000 + "}"
    response = editor_token_client.post("/api/events/", body, content_type="application/json")
    assert response.status_code == 400
    assert "nested too deeply" in response.json()["detail"]


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ({"topics": ["\u0000"]}, {"topics": {"0": [UNSTORABLE_TEXT]}}),
        ({"title": "\ud800"}, {"title": [UNSTORABLE_TEXT]}),
        (
            {"participants": [{"note": "a\u0000"}]},
            {"participants": {"0": {"note": [UNSTORABLE_TEXT]}}},
        ),
    ],
)
def test_text_no_column_can_hold_is_a_400_naming_the_field(editor_token_client, body, error):
    # json.dumps writes "\u0000" and "\ud800" as escapes, as a client's JSON would.
    payload = json.dumps({"title": "T", "type": "meeting", "date": "2024", **body})
    response = editor_token_client.post("/api/events/", payload, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == error
    assert Event.objects.count() == 0


def test_a_taken_external_id_is_a_400_naming_the_field(editor_token_client):
    body = json.dumps({"title": "T", "type": "meeting", "date": "2024", "external_id": "x-1"})
    post = editor_token_client.post
    assert post("/api/events/", body, content_type="application/json").status_code == 201
    response = post("/api/events/", body, content_type="application/json")
    assert response.status_code == 400
    assert list(response.json()) == ["external_id"]


def test_an_event_keeps_its_own_external_id_on_update(editor_token_client):
    body = {"title": "T", "type": "meeting", "date": "2024", "external_id": "x-1"}
    created = editor_token_client.post("/api/events/", json.dumps(body), "application/json")
    url = created.json()["url"]
    response = editor_token_client.put(url, json.dumps(body), "application/json")
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"code": "UA", "alpha3": "QZQ", "numeric": "999"}, "code"),
        ({"code": "QZ", "alpha3": "UKR", "numeric": "998"}, "alpha3"),
        ({"code": "QY", "alpha3": "QYQ", "numeric": "804"}, "numeric"),
    ],
)
def test_a_taken_iso_code_is_a_400_naming_the_field(editor_token_client, body, field):
    factories.CountryFactory(iso_alpha2="UA", iso_alpha3="UKR", iso_numeric="804")
    payload = json.dumps({**body, "name": "Duplicate"})
    response = editor_token_client.post("/api/countries/", payload, "application/json")
    assert response.status_code == 400
    assert list(response.json()) == [field]
