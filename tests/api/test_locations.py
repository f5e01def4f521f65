"""Every 201 names the created record's API URL in `Location`, and that URL reads it."""

import pytest

from events.models import Official, Post

pytestmark = pytest.mark.usefixtures("seeded")


def created_at(client, path, body):
    response = client.post(path, body, format="json")
    assert response.status_code == 201, response.json()
    location = response["Location"]
    assert location.startswith("http://testserver/api/")
    read = client.get(location)
    assert read.status_code == 200
    return location, read.json()


def test_a_source_s_location_is_its_api_url_not_the_article(editor_api):
    body = {
        "headline": "Talks",
        "url": "https://news.example/talks",
        "publisher": "kyiv-independent",
    }
    location, source = created_at(editor_api, "/api/sources/", body)
    assert location == f"http://testserver/api/sources/{source['id']}/"
    assert source["url"] == "https://news.example/talks"


@pytest.mark.parametrize(
    ("path", "body", "expected"),
    [
        ("/api/topics/", {"slug": "fisheries", "name": "Fisheries"}, "/api/topics/fisheries/"),
        (
            "/api/countries/",
            {"code": "XK", "alpha3": "XKX", "numeric": "999", "name": "Kosovo"},
            "/api/countries/XK/",
        ),
        ("/api/officials/", {"name": "Ann Other"}, None),
        ("/api/organizations/", {"name": "Ministry of Tests", "kind": "ministry"}, None),
        ("/api/posts/", {"title": "Minister of Tests", "kind": "minister"}, None),
        (
            "/api/events/",
            {"title": "Talks", "type": "talks", "date": "2025", "countries": ["IN"]},
            None,
        ),
    ],
)
def test_every_created_record_is_located(editor_api, path, body, expected):
    location, record = created_at(editor_api, path, body)
    if expected is None:
        expected = f"{path}{record['id']}/"
    assert location == f"http://testserver{expected}"


def test_a_tenure_is_located(editor_api):
    body = {
        "official": str(Official.objects.get(slug="narendra-modi").public_id),
        "post": str(Post.objects.get(title="President of Russia").public_id),
        "start": "2031",
    }
    location, tenure = created_at(editor_api, "/api/tenures/", body)
    assert location == f"http://testserver/api/tenures/{tenure['id']}/"
