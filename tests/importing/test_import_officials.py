"""import_officials: people, posts and tenures from a Wikidata SPARQL result, a Popolo file
or a CSV (tests/importing/data/officials/, written for these tests); idempotent, all or
nothing, bad input named by row and field."""

import json
import re
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from events.models import Official, OfficialName, Post, Tenure
from extraction.extract import extract_candidates

pytestmark = pytest.mark.usefixtures("seeded")

DATA = Path(__file__).parent / "data" / "officials"


def run(*args):
    call_command("import_officials", *map(str, args), verbosity=0)


def counts():
    return (
        Official.objects.count(),
        OfficialName.objects.count(),
        Post.objects.count(),
        Tenure.objects.count(),
    )


def tenures_of(name):
    return sorted(
        (
            t.post.title,
            t.post.kind,
            t.post.country.iso_alpha2,
            t.start_earliest and t.start_earliest.isoformat(),
            t.end_latest and t.end_latest.isoformat(),
        )
        for t in Tenure.objects.filter(official__name=name).select_related("post__country")
    )


def test_a_wikidata_result_gives_people_posts_and_tenures():
    run(DATA / "sparql.json")
    marbach = Official.objects.get(name="Ilse Marbach")
    assert (marbach.wikidata_qid, marbach.country.iso_alpha2) == ("Q90000001", "AT")
    assert tenures_of("Ilse Marbach") == [
        ("Chancellor of Austria", "head_of_government", "AT", "2021-10-11", None),
        ("Minister of Foreign Affairs of Austria", "minister", "AT", "2019-06-03", "2021-10-11"),
    ]
    assert tenures_of("Tiago Almendra") == [
        ("President of Portugal", "head_of_state", "PT", "2016-03-09", None)
    ]


def test_a_popolo_file_gives_people_with_other_names_and_memberships():
    run(DATA / "popolo.json", "--country", "EE")
    tamm = Official.objects.get(name="Kadri Tamm")
    assert tamm.wikidata_qid == "Q90000003"
    assert list(tamm.names.values_list("name", flat=True)) == ["K. Tamm"]
    assert tenures_of("Kadri Tamm") == [
        ("Minister of Foreign Affairs of Estonia", "minister", "EE", "2022-07-18", None)
    ]
    assert tenures_of("Rein Kask") == [
        ("Member of the Riigikogu", "legislator", "EE", "2019-01-01", "2023-04-10")
    ]


def test_a_csv_gives_tenures_with_fuzzy_dates_and_kinds():
    run(DATA / "officials.csv")
    assert tenures_of("Amara Okonjo") == [
        ("Ambassador of Nigeria to Ghana", "ambassador", "NG", "2018-01-01", "2022-12-31"),
        ("Minister of Foreign Affairs of Nigeria", "minister", "NG", "2023-08-21", None),
    ]
    okonjo = Official.objects.get(name="Amara Okonjo")
    assert sorted(okonjo.names.values_list("name", flat=True)) == [
        "A. Okonjo",
        "Amara Okonjo-Bello",
    ]
    assert tenures_of("Luis Ferreyra") == [
        ("Vice President of Argentina", "other", "AR", "2019-12-01", "2023-12-10")
    ]


@pytest.mark.parametrize(
    "args", [("sparql.json",), ("popolo.json", "--country", "EE"), ("officials.csv",)]
)
def test_running_a_file_again_creates_nothing(args):
    run(DATA / args[0], *args[1:])
    before = counts()
    run(DATA / args[0], *args[1:])
    assert counts() == before


def test_a_later_file_ends_a_tenure_it_left_open(tmp_path):
    run(DATA / "sparql.json")
    data = json.loads((DATA / "sparql.json").read_text())
    data["results"]["bindings"][2]["end"] = {"type": "literal", "value": "2026-03-09T00:00:00Z"}
    later = tmp_path / "later.json"
    later.write_text(json.dumps(data))
    before = counts()
    run(later)
    assert counts() == before
    assert tenures_of("Tiago Almendra")[0][4] == "2026-03-09"


def test_an_imported_official_gives_the_country_of_the_post_held_that_day():
    run(DATA / "sparql.json")
    text = "Ilse Marbach met the Kenyan president in Nairobi on Monday."
    (candidate,) = extract_candidates(text, date(2024, 3, 6))
    assert sorted(candidate.countries) == ["AT", "KE"]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad.csv", "name,country\nA B,NG\n", "line 1: missing column(s): post"),
        ("bad.csv", "name,country,post\n,NG,Minister\n", "line 2: name: missing"),
        ("bad.csv", "name,country,post\nA B,Nigeria,Minister\n", "line 2: country: 'Nigeria'"),
        ("bad.csv", "name,country,post,start\nA B,NG,Minister,soon\n", "line 2: start: cannot"),
        ("bad.csv", "name,country,post,post_kind\nA B,NG,Minister,boss\n", "line 2: post_kind"),
        ("bad.csv", "name,country,post\nA B,XX,Minister\n", "line 2: country: XX is not a known"),
        (
            "bad.csv",
            "name,country,post,start,end\nA B,NG,Minister,2020,2019\n",
            "line 2: end_latest: The tenure ends before it starts",
        ),
        ("bad.json", "{", "line 1: not valid JSON"),
        ("bad.json", '{"a": 1}', "neither a SPARQL result"),
        ("bad.json", '{"head": {}, "results": {}}', "results.bindings: missing"),
        (
            "bad.json",
            '{"head": {}, "results": {"bindings": [{"person": {"value": "x"}}]}}',
            "results.bindings[0]: person: 'x' is not a Wikidata item",
        ),
        (
            "bad.json",
            '{"persons": [{"id": "1", "name": "A B"}], "memberships": [{"person_id": "1", '
            '"role": "member", "organization_id": "x"}]}',
            "memberships[0]: country: the post has no country; give --country",
        ),
        (
            "bad.json",
            '{"persons": [], "memberships": [{"person_id": "9"}]}',
            "memberships[0]: person_id: '9' is no person",
        ),
    ],
)
def test_bad_input_names_the_row_and_field_and_writes_nothing(tmp_path, name, text, message):
    path = tmp_path / name
    path.write_text(text)
    before = counts()
    with pytest.raises(CommandError, match=re.escape(message)):
        run(path)
    assert counts() == before


def test_a_bad_row_after_good_ones_writes_nothing_of_them(tmp_path):
    path = tmp_path / "half.csv"
    path.write_text(
        "name,country,post,start,end\n"
        "Good Person,NG,Minister of Trade of Nigeria,2020,\n"
        "Bad Person,NG,Minister of Finance of Nigeria,2021,2020\n"
    )
    before = counts()
    with pytest.raises(CommandError, match="line 3"):
        run(path)
    assert counts() == before
    assert not Official.objects.filter(name="Good Person").exists()


def test_a_missing_file_is_an_error():
    with pytest.raises(CommandError, match="No such file"):
        run(DATA / "nowhere.csv")
