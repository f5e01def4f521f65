"""The records around events: lookups, filters, writes and protected deletes."""

import pytest

from events.models import Agreement, Country, Official, Post, Source

pytestmark = pytest.mark.usefixtures("seeded")


def results(api, path):
    response = api.get(path)
    assert response.status_code == 200, response.json()
    return response.json()["results"]


def test_country_by_alpha2_or_alpha3_with_its_names(api):
    ukraine = api.get("/api/countries/ukr/").json()
    assert ukraine["code"] == "UA" and ukraine["numeric"] == "804"
    assert {"name": "Kyiv", "kind": "capital"} in ukraine["names"]
    assert api.get("/api/countries/ZZ/").status_code == 404
    assert [c["code"] for c in results(api, "/api/countries/?q=Ukrainian")] == ["UA"]


def test_officials_filter_by_country_post_and_office_date(api):
    assert {o["slug"] for o in results(api, "/api/officials/?country=IN")} == {
        "narendra-modi",
        "ravi-shankar",
    }
    post = Post.objects.get(title="President of Russia")
    putin = results(api, f"/api/officials/?post={post.public_id}")
    assert [o["name"] for o in putin] == ["Vladimir Putin"]
    assert len(putin[0]["tenures"]) == 2
    in_2010 = results(api, f"/api/officials/?post={post.public_id}&in_office_on=2010-06-01")
    assert in_2010 == []
    assert [o["name"] for o in results(api, "/api/officials/?q=Zelenskyy")] == [
        "Volodymyr Zelensky"
    ]
    assert "in_office_on" in api.get("/api/officials/?in_office_on=someday").json()


def test_agreements_filter_by_party_status_kind_and_date(api):
    assert len(results(api, "/api/agreements/?party=IN&party=UA")) == 4
    assert results(api, "/api/agreements/?party=RU") == []
    assert len(results(api, "/api/agreements/?status=approved&kind=agreement")) == 4
    assert results(api, "/api/agreements/?status=ratified") == []
    assert len(results(api, "/api/agreements/?date_after=2024-08-15&date_before=2024-08-15")) == 4
    assert results(api, "/api/agreements/?date_after=2024-09-01") == []
    agreement = results(api, "/api/agreements/?party=UA")[0]
    assert agreement["status_changes"][0]["date_label"] == "Aug 2024"
    assert {p["country"] for p in agreement["parties"]} == {"IN", "UA"}


def test_editor_records_an_agreements_lifecycle(editor_api):
    response = editor_api.post(
        "/api/agreements/",
        {
            "title": "Agreement on agriculture and food industry",
            "kind": "agreement",
            "parties": [{"country": "IN"}, {"country": "UA"}],
            "status_changes": [
                {"status": "signed", "date": "23 Aug 2024"},
                {"status": "ratified", "date": "2025", "party": "UA"},
            ],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["status"] == "ratified"
    assert [c["date_label"] for c in data["status_changes"]] == ["23 Aug 2024", "2025"]
    agreement = Agreement.objects.get(public_id=data["id"])
    assert agreement.status == "ratified"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"parties": [{"country": "IN"}, {"country": "IN"}]}, "parties"),
        ({"parties": [{"country": "ZZ"}]}, "parties"),
        ({"status_changes": [{"status": "signed", "date": "soonish"}]}, "status_changes"),
        ({"kind": "handshake"}, "kind"),
        # A lifecycle that cannot have happened in that order.
        (
            {
                "status_changes": [
                    {"status": "in_force", "date": "2020"},
                    {"status": "signed", "date": "Mar 2025"},
                ]
            },
            "status_changes",
        ),
        (
            {
                "parties": [{"country": "IN"}, {"country": "UA"}],
                "status_changes": [
                    {"status": "signed", "date": "23 Aug 2024"},
                    {"status": "ratified", "date": "Jan 2024", "party": "UA"},
                ],
            },
            "status_changes",
        ),
    ],
)
def test_bad_agreement_writes_are_named_and_save_nothing(editor_api, body, field):
    before = Agreement.objects.count()
    data = {"title": "Draft", "kind": "mou", **body}
    response = editor_api.post("/api/agreements/", data, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert Agreement.objects.count() == before


def test_editor_creates_an_official_with_other_spellings(editor_api, api):
    response = editor_api.post(
        "/api/officials/",
        {
            "name": "Andrii Sybiha",
            "country": "UA",
            "wikidata_qid": "Q12345678",
            "other_names": [{"name": "Andriy Sybiha", "kind": "spelling"}],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["slug"] == "andrii-sybiha"
    assert api.post("/api/officials/", {"name": "X"}, format="json").status_code == 401
    duplicate = editor_api.post(
        "/api/officials/", {"name": "Copy", "wikidata_qid": "Q3874799"}, format="json"
    )
    assert duplicate.status_code == 400


def test_bad_wikidata_id_is_named(editor_api):
    response = editor_api.post(
        "/api/officials/", {"name": "Someone", "wikidata_qid": "3874799"}, format="json"
    )
    assert response.status_code == 400
    assert "wikidata_qid" in response.json()


def test_editor_records_a_source_with_authors_and_a_statement(editor_api):
    response = editor_api.post(
        "/api/sources/",
        {
            "headline": "Modi, Zelensky meet in New York",
            "url": "https://news.example/modi-zelensky",
            "publisher": "kyiv-independent",
            "authors": ["Dmytro Basmat", "Another Reporter"],
            "published_at": "2024-09-23T20:00:00Z",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    source = response.json()
    assert source["authors"] == ["Dmytro Basmat", "Another Reporter"]
    assert source["publisher"]["slug"] == "kyiv-independent"
    again = editor_api.post(
        "/api/sources/",
        {"headline": "Copy", "url": "https://news.example/modi-zelensky"},
        format="json",
    )
    assert again.status_code == 400 and "url" in str(again.json())
    statement = editor_api.post(
        "/api/statements/",
        {"official": "narendra-modi", "source": source["id"], "text": "We support peace."},
        format="json",
    )
    assert statement.status_code == 201, statement.json()
    speakerless = editor_api.post(
        "/api/statements/", {"source": source["id"], "text": "Unattributed."}, format="json"
    )
    assert speakerless.status_code == 400 and "official" in speakerless.json()


def test_deleting_a_record_events_depend_on_is_refused_with_the_reason(editor_api):
    modi = Official.objects.get(slug="narendra-modi")
    response = editor_api.delete(f"/api/officials/{modi.public_id}/")
    assert response.status_code == 409
    assert "participant" in str(response.json())
    assert Official.objects.filter(pk=modi.pk).exists()
    source = Source.objects.get()
    assert editor_api.delete(f"/api/sources/{source.public_id}/").status_code == 409
    assert editor_api.delete("/api/countries/UA/").status_code == 409
    assert Country.objects.filter(iso_alpha2="UA").exists()


def test_analysts_cannot_write_records(analyst_api):
    assert (
        analyst_api.post("/api/topics/", {"slug": "x", "name": "X"}, format="json").status_code
        == 403
    )
    assert analyst_api.get("/api/topics/").status_code == 200


def test_a_slug_already_taken_is_a_400_not_a_crash(editor_api):
    response = editor_api.post(
        "/api/officials/", {"name": "Another Modi", "slug": "narendra-modi"}, format="json"
    )
    assert response.status_code == 400
    assert "slug" in response.json()


def test_names_differing_only_in_case_are_a_400(editor_api):
    response = editor_api.post(
        "/api/officials/",
        {"name": "Jane Doe", "other_names": [{"name": "J. Doe"}, {"name": "j. doe"}]},
        format="json",
    )
    assert response.status_code == 400 and "other_names" in response.json()
    response = editor_api.patch(
        "/api/countries/UA/",
        {"names": [{"name": "Kyiv", "kind": "capital"}, {"name": "KYIV", "kind": "capital"}]},
        format="json",
    )
    assert response.status_code == 400 and "names" in response.json()


def test_an_agreements_unchanged_lifecycle_keeps_its_ids(editor_api):
    agreement = Agreement.objects.filter(parties__country__iso_alpha2="UA").first()
    before = editor_api.get(f"/api/agreements/{agreement.public_id}/").json()
    changes = [
        {"status": c["status"], "date": c["date_label"], "party": c["party"], "note": c["note"]}
        for c in before["status_changes"]
    ] + [{"status": "in_force", "date": "2025"}]
    response = editor_api.patch(
        f"/api/agreements/{agreement.public_id}/", {"status_changes": changes}, format="json"
    )
    assert response.status_code == 200, response.json()
    after = response.json()["status_changes"]
    assert after[0]["id"] == before["status_changes"][0]["id"]
    assert response.json()["status"] == "in_force"


@pytest.mark.parametrize(
    ("published", "stored"),
    [
        ("9 Jul 2019", "2019-07-09T00:00:00Z"),
        ("July 9, 2019 04:15", "2019-07-09T04:15:00Z"),
        ("2019-07-09T04:15:00+00:00", "2019-07-09T04:15:00Z"),
    ],
)
def test_a_source_publication_date_takes_the_date_grammar(editor_api, published, stored):
    response = editor_api.post(
        "/api/sources/", {"headline": "Visit report", "published_at": published}, format="json"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["published_at"].replace("+00:00", "Z") == stored


def test_a_source_date_whose_day_and_month_could_swap_is_a_400_on_the_field(editor_api):
    response = editor_api.post(
        "/api/sources/", {"headline": "Visit report", "published_at": "07/09/2019"}, format="json"
    )
    assert response.status_code == 400
    assert "either order" in response.json()["published_at"][0]
    assert not Source.objects.filter(headline="Visit report").exists()
