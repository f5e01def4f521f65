"""The seed article's facts as fixtures, and loading them safely."""

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from events.models import (
    Agreement,
    AgreementStatus,
    Country,
    CountryName,
    Event,
    EventRelation,
    Official,
    Post,
    Source,
    Statement,
)
from events.selectors import holders_of, post_of
from tests.writes import delete, save

pytestmark = pytest.mark.usefixtures("seeded")

FIXTURES = Path(settings.BASE_DIR) / "fixtures"


def counts():
    return {m._meta.label: m.objects.count() for m in apps.get_app_config("events").get_models()}


def test_every_iso_country_is_loaded_with_names_for_the_seed_countries(seeded):
    assert Country.objects.count() == 249
    ukraine = Country.objects.get(iso_alpha2="UA")
    assert (ukraine.iso_alpha3, ukraine.iso_numeric, ukraine.name) == ("UKR", "804", "Ukraine")
    names = {(n.name, n.kind) for n in ukraine.names.all()}
    assert {("Kyiv", "capital"), ("Ukrainian", "demonym")} <= names
    assert ("New Delhi", "capital") in {
        (n.name, n.kind) for n in Country.objects.get(iso_alpha2="IN").names.all()
    }
    russia = Country.objects.get(iso_alpha2="RU")
    assert russia.name == "Russia"
    assert "Russian Federation" in {n.name for n in russia.names.all()}


G20 = "AR AU BR CA CN FR DE IN ID IT JP MX RU SA ZA KR TR GB US".split()
NEIGHBOURS = "UA PL BY MD RO HU SK KZ GE FI EE LV LT NO MN AZ KP PK NP BD LK BT MM".split()


def test_g20_and_neighbours_have_a_demonym_or_capital(seeded):
    kinds = {code: set() for code in G20 + NEIGHBOURS}
    for code, kind in CountryName.objects.filter(country__iso_alpha2__in=kinds).values_list(
        "country__iso_alpha2", "kind"
    ):
        kinds[code].add(kind)
    assert [code for code, found in kinds.items() if not found & {"demonym", "capital"}] == []


def test_committed_country_fixture_is_what_the_command_generates(tmp_path):
    output = tmp_path / "countries.json"
    call_command("build_country_fixture", output=output, stdout=open("/dev/null", "w"))
    assert json.loads(output.read_text()) == json.loads((FIXTURES / "countries.json").read_text())


def test_seed_has_the_five_dated_events_with_domain_md_dates(seeded):
    labels = {e.title: (e.date_label, e.type) for e in Event.objects.all()}
    assert labels["Smetanin meets Indian Ambassador Shankar on defense industry cooperation"] == (
        "26 Oct 2024",
        "meeting",
    )
    assert labels["Zelensky and Modi discuss trade, defense cooperation and reconstruction"] == (
        "late Sep 2024",
        "talks",
    )
    assert labels["Modi makes his first visit to Ukraine"] == ("Aug 2024", "visit")
    assert labels["Modi visits Moscow and holds talks with Putin"] == ("8 Jul 2024", "visit")
    assert labels["Russian strike hits Okhmatdyt children's hospital in Kyiv"] == (
        "8 Jul 2024",
        "strike",
    )
    assert labels["India-Russia bilateral trade reaches a historic high"] == ("2023", "other")


def test_seed_meeting_has_its_participants_posts_quotes_and_topic(seeded):
    meeting = Event.objects.get(date_start=date(2024, 10, 26))
    assert sorted(p.display_name for p in meeting.participants.all()) == [
        "Herman Smetanin, Minister of Strategic Industries of Ukraine",
        "Ravi Shankar, Ambassador of India to Ukraine",
    ]
    assert sorted(c.iso_alpha2 for c in meeting.countries.all()) == ["IN", "UA"]
    assert [t.slug for t in meeting.topics.all()] == ["defense-industry"]
    quotes = {s.official.name: s.text for s in Statement.objects.filter(event=meeting)}
    assert quotes["Herman Smetanin"].startswith("Ukraine is open to expanding")
    assert quotes["Ravi Shankar"].startswith("I welcome the proposal")


def test_seed_talks_cover_every_topic_the_article_names(seeded):
    talks = Event.objects.get(date_precision=3)
    assert {t.slug for t in talks.topics.all()} == {
        "trade",
        "economy",
        "defense-industry",
        "reconstruction",
        "education",
        "science",
        "culture",
    }


def test_seed_strike_is_context_for_the_moscow_visit_the_same_day(seeded):
    relation = EventRelation.objects.get(kind="context_for", from_event__type="strike")
    assert relation.from_event.type == "strike"
    assert relation.from_event.date_start == relation.to_event.date_start == date(2024, 7, 8)
    assert EventRelation.objects.filter(
        kind="precedes", from_event__location="Moscow", to_event__date_precision=4
    ).exists()


def test_every_seed_event_cites_the_article(seeded):
    source = Source.objects.get()
    assert source.headline == "Ukraine, India discuss strengthening defense industry cooperation"
    assert source.published_at == datetime(2024, 10, 27, 2, 15, tzinfo=UTC)
    assert [a.name for a in source.authors.all()] == ["Dmytro Basmat"]
    assert source.publisher.name == "The Kyiv Independent"
    for event in Event.objects.all():
        assert event.citations.filter(source=source).exclude(excerpt="").exists(), event


def test_seed_officials_have_wikidata_ids_where_known(seeded):
    qids = dict(Official.objects.values_list("name", "wikidata_qid"))
    assert qids["Volodymyr Zelensky"] == "Q3874799"
    assert qids["Narendra Modi"] == "Q1058"
    assert qids["Vladimir Putin"] == "Q7747"
    zelensky = Official.objects.get(name="Volodymyr Zelensky")
    assert "Zelenskyy" in {n.name for n in zelensky.names.all()}


def test_loading_the_seed_twice_creates_no_duplicates(seeded):
    before = counts()
    call_command("load_seed", verbosity=0)
    assert counts() == before
    call_command("loaddata", "countries", "seed", verbosity=0)
    assert counts() == before


def test_loading_the_seed_keeps_an_editors_correction(seeded):
    event = Event.objects.get(date_start=date(2024, 10, 26))
    event.title = "Corrected by an editor"
    save(event)
    call_command("load_seed", verbosity=0)
    event.refresh_from_db()
    assert event.title == "Corrected by an editor"


def test_load_seed_recreates_a_deleted_seed_record(seeded):
    for statement in Statement.objects.filter(official__name="Ravi Shankar"):
        delete(statement)
    call_command("load_seed", verbosity=0)
    assert Statement.objects.filter(official__name="Ravi Shankar").count() == 1


def test_who_held_ukraines_strategic_industries_post_on_26_october_2024(seeded):
    post = Post.objects.get(title="Minister of Strategic Industries of Ukraine")
    assert [o.name for o in holders_of(post, date(2024, 10, 26))] == ["Herman Smetanin"]
    # Smetanin was appointed on 5 Sep 2024: the day before, no holder is recorded.
    assert list(holders_of(post, date(2024, 9, 4))) == []


def test_a_person_with_two_terms_holds_the_post_only_during_them(seeded):
    putin = Post.objects.get(title="President of Russia").tenures.first().official
    assert post_of(putin, date(2005, 1, 1)).title == "President of Russia"
    assert post_of(putin, date(2010, 1, 1)) is None
    assert post_of(putin, date(2024, 7, 8)).title == "President of Russia"


def test_seed_agreements_are_four_undisclosed_approvals_at_the_kyiv_visit(seeded):
    agreements = Agreement.objects.filter(event__title="Modi makes his first visit to Ukraine")
    assert agreements.count() == 4
    for agreement in agreements:
        assert not agreement.disclosed
        assert agreement.status == AgreementStatus.APPROVED
        assert {p.country.iso_alpha2 for p in agreement.parties.all()} == {"IN", "UA"}
        (change,) = agreement.status_changes.all()
        assert change.date_label == "Aug 2024"


def test_refresh_derived_repairs_what_a_raw_update_left_stale():
    event = Event.objects.get(date_start=date(2024, 10, 26))
    Event.objects.filter(pk=event.pk).update(title="Retitled behind Django's back", search_text="")
    call_command("refresh_derived", stdout=open("/dev/null", "w"))
    event.refresh_from_db()
    assert "Retitled" in event.search_text
    assert {link.title for link in event.event_countries.all()} == {"Retitled behind Django's back"}
