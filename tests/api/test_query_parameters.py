"""A query parameter the endpoint does not read is a 400 naming it, and so is a
single-value parameter given twice: never a silently unfiltered or differently filtered
answer."""

import pytest

pytestmark = pytest.mark.usefixtures("seeded")


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/api/events/?countries=US", "countries"),
        ("/api/events/?page=1&sort=date", "sort"),
        ("/api/stats/events/?group_by=month&countries=US", "countries"),
        ("/api/officials/?in_office=2024", "in_office"),
        ("/api/agreements/?date=2024", "date"),
        ("/api/topics/?q=trade", "q"),
        ("/api/relations/IN/UA/?year=2024", "year"),
    ],
)
def test_an_unknown_parameter_is_a_400_naming_it(api, path, name):
    response = api.get(path)
    assert response.status_code == 400
    assert list(response.json()) == [name]


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("ordering=date&ordering=-date", "ordering"),
        ("q=trade&q=visit", "q"),
        ("page=1&page=2", "page"),
        ("format=json&format=csv", "format"),
    ],
)
def test_a_single_value_parameter_given_twice_is_a_400(api, query, name):
    response = api.get(f"/api/events/?{query}")
    assert response.status_code == 400
    assert list(response.json()) == [name]


@pytest.mark.parametrize(
    "query",
    [
        "country=IN&country=UA",
        "type=visit&type=call",
        "date_after=2024-01&date_before=2024-12&ordering=date&page=1&page_size=5&fields=id",
        "cursor=&q=visit",
        "format=json&precision=day&precision=month&status=held",
    ],
)
def test_every_parameter_the_list_reads_is_accepted(api, query):
    assert api.get(f"/api/events/?{query}").status_code == 200


def test_the_agreements_date_range_reads_both_suffixes(api):
    response = api.get("/api/agreements/?date_after=2000&date_before=2030&page_size=5")
    assert response.status_code == 200


def test_a_detail_reads_fields(api):
    url = api.get("/api/events/?page_size=1").json()["results"][0]["url"]
    assert api.get(url, {"fields": "id,title"}).status_code == 200
    assert api.get(url, {"field": "id"}).status_code == 400
