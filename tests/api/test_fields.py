"""`fields=` on every list and export: only the fields asked for; an unknown one is a
400 on `fields` naming those the list has."""

import csv
import io
import json

import pytest

pytestmark = pytest.mark.usefixtures("seeded")


def body(response):
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content).decode()


@pytest.mark.parametrize(
    ("path", "fields"),
    [
        ("/api/countries/", ["code", "name"]),
        ("/api/topics/", ["slug"]),
        ("/api/officials/", ["id", "name"]),
        ("/api/organizations/", ["id", "name"]),
        ("/api/agreements/", ["id", "status"]),
        ("/api/sources/", ["id", "headline"]),
        ("/api/statements/", ["id", "text"]),
        ("/api/posts/", ["id", "title"]),
        ("/api/tenures/", ["official", "period_label"]),
        ("/api/participants/", ["event_id", "role"]),
        ("/api/events/", ["id", "title"]),
    ],
)
def test_every_list_returns_only_the_fields_asked(api, path, fields):
    response = api.get(f"{path}?fields={','.join(fields)}")
    assert response.status_code == 200, response.json()
    results = response.json()["results"]
    assert results and all(set(r) == set(fields) for r in results)
    bad = api.get(f"{path}?fields={fields[0]},nonsense")
    assert bad.status_code == 400
    assert list(bad.json()) == ["fields"] and "nonsense" in bad.json()["fields"][0]


def test_a_record_s_detail_takes_fields(api):
    official = api.get("/api/officials/?fields=id").json()["results"][0]
    detail = api.get(f"/api/officials/{official['id']}/?fields=name,tenures").json()
    assert set(detail) == {"name", "tenures"}


def test_groupings_take_fields(api):
    assert api.get("/api/groupings/?fields=code,name").json()[0] == {
        "code": "EU",
        "name": "European Union",
    }
    assert set(api.get("/api/groupings/150/?fields=members").json()) == {"members"}
    assert api.get("/api/groupings/?fields=size").status_code == 400


def test_csv_exports_write_only_the_columns_asked(api):
    text = body(api.get("/api/events/?format=csv&fields=title,id,date_edtf"))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["id", "title", "date_edtf"]
    assert len(rows) > 1 and all(len(r) == 3 for r in rows)
    participants = body(api.get("/api/participants/?format=csv&fields=event_id,role"))
    assert participants.splitlines()[0] == "event_id,role"


def test_plover_and_geojson_exports_keep_only_the_keys_asked(api):
    lines = body(api.get("/api/events/?format=plover&fields=id,date,event")).splitlines()
    assert lines and all(set(json.loads(line)) == {"id", "date", "event"} for line in lines)
    collection = json.loads(body(api.get("/api/events/?format=geojson&fields=title")))
    assert collection["features"]
    assert all(set(f["properties"]) == {"title"} for f in collection["features"])


@pytest.mark.parametrize(
    "query",
    ["format=csv&fields=nonsense", "format=ics&fields=title", "format=timelinejs&fields=id"],
)
def test_fields_an_export_cannot_give_are_a_400(api, query):
    response = api.get(f"/api/events/?{query}")
    assert response.status_code == 400
    assert list(response.json()) == ["fields"]
