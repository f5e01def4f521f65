"""ACLED and GDELT files through their presets: the samples in data/ are invented events in
each data set's real layout."""

from datetime import date

import pytest

from events.models import Event, Source
from tests.importing.conftest import DATA, assert_search_text_is_derived

pytestmark = pytest.mark.usefixtures("seeded")


def participants(event) -> list[tuple]:
    return [
        (
            p.role,
            p.organization.name if p.organization else None,
            p.country.iso_alpha2 if p.country else None,
        )
        for p in event.participants.order_by("pk")
    ]


@pytest.fixture
def acled(import_events):
    outcome = import_events(DATA / "acled-sample.csv", "--preset", "acled", "--no-progress")
    assert outcome.error is None, outcome.err
    return outcome


@pytest.fixture
def gdelt(import_events):
    outcome = import_events(DATA / "gdelt-sample.tsv", "--preset", "gdelt", "--no-progress")
    assert outcome.error is None, outcome.err
    return outcome


def test_acled_events_import_with_their_actors_place_and_notes(acled):
    event = Event.objects.get(external_id="ACLED:UKR190001")

    assert (event.type, event.date_start, event.date_precision) == ("strike", date(2024, 7, 8), 1)
    assert participants(event) == [
        ("actor", "Military Forces of Russia (2000-)", "UA"),
        ("target", "Civilians (Ukraine)", "UA"),
    ]
    assert (event.location, event.location_country.iso_alpha2) == ("Kyiv", "UA")
    assert str(event.latitude) == "50.45010"
    assert "children's hospital" in event.summary and "Fatalities: 2." in event.summary
    assert event.title.startswith("Shelling/artillery/missile attack: Military Forces of Russia")
    assert_search_text_is_derived(event)


def test_acled_time_precision_becomes_the_dates_precision(acled):
    week = Event.objects.get(external_id="ACLED:UKR190002")
    month = Event.objects.get(external_id="ACLED:IND190003")

    assert (week.date_start, week.date_precision, week.date_qualifier) == (
        date(2024, 7, 10),
        1,
        "approximate",
    )
    assert (month.date_start, month.date_end, month.date_precision) == (
        date(2024, 8, 1),
        date(2024, 8, 31),
        4,
    )


def test_acled_event_types_map_onto_ours(acled):
    types = dict(
        Event.objects.filter(external_id__startswith="ACLED:").values_list("external_id", "type")
    )

    assert types == {
        "ACLED:UKR190001": "strike",
        "ACLED:UKR190002": "attack",
        "ACLED:IND190003": "other",
        "ACLED:UKR190004": "agreement",
        "ACLED:XKX190005": "other",
    }


def test_acled_unknown_country_code_leaves_the_event_without_a_country(acled):
    kosovo = Event.objects.get(external_id="ACLED:XKX190005")

    assert kosovo.location_country is None
    assert list(kosovo.countries.all()) == []
    assert participants(kosovo) == [
        ("actor", "Rioters (Kosovo)", None),
        ("target", "Police Forces of Kosovo (2008-)", None),
    ]


def test_acled_import_twice_creates_nothing_new(acled, import_events):
    again = import_events(DATA / "acled-sample.csv", "--preset", "acled", "--no-progress")

    assert "Skipped 5 rows already imported" in again.out


def test_an_acled_header_without_its_key_columns_is_refused(csv_file, import_events):
    outcome = import_events(
        csv_file("id,date,type\n1,2024-01-01,Battles\n"), "--preset", "acled", "--no-progress"
    )

    assert "Not an ACLED header: it lacks event_id_cnty, event_date, event_type" in str(
        outcome.error
    )


def test_acled_columns_can_be_mapped_from_another_spelling(csv_file, import_events):
    path = csv_file(
        "ID,Date,Type,Actor 1,ISO\nUKR9,2024-01-02,Battles,Military Forces of Ukraine (2019-),804\n"
    )

    outcome = import_events(
        path,
        "--preset",
        "acled",
        *("--map", "ID=event_id_cnty", "--map", "Date=event_date", "--map", "Type=event_type"),
        *("--map", "Actor 1=actor1", "--map", "ISO=iso"),
        "--no-progress",
    )

    assert outcome.error is None, outcome.err
    assert participants(Event.objects.get(external_id="ACLED:UKR9")) == [
        ("actor", "Military Forces of Ukraine (2019-)", "UA")
    ]


def test_gdelt_events_import_with_actors_type_place_and_source(gdelt):
    event = Event.objects.get(external_id="GDELT:1187654321")

    assert (event.type, event.date_start, event.title) == (
        "attack",
        date(2024, 7, 8),
        "RUSSIA \u2013 UKRAINE: fight",
    )
    # RUSMIL is Russia's military: an organization; UKR is the country itself.
    assert participants(event) == [("actor", "RUSSIA", "RU"), ("target", None, "UA")]
    assert (event.location, event.location_country.iso_alpha2) == (
        "Kyiv, Kyyiv, Misto, Ukraine",
        "UA",
    )
    assert (
        event.citations.get().source.url == "https://news.example/2024/07/08/kyiv-hospital-strike"
    )
    assert "CAMEO 190" in event.summary


def test_gdelt_cameo_roots_map_onto_our_types(gdelt):
    types = dict(
        Event.objects.filter(external_id__startswith="GDELT:").values_list("external_id", "type")
    )

    assert types == {
        "GDELT:1187654321": "attack",
        "GDELT:1187654322": "meeting",
        "GDELT:1187654323": "statement",
        "GDELT:1187654324": "sanction",
        "GDELT:1187654325": "other",
    }


def test_gdelt_regional_codes_and_named_sources_are_left_out_not_refused(gdelt):
    africa = Event.objects.get(external_id="GDELT:1187654323")

    assert participants(africa) == [("actor", "AFRICA", None)]
    assert not africa.citations.exists()
    assert not Source.objects.filter(url="BBC Monitoring").exists()


def test_gdelt_place_country_is_read_from_the_places_name(gdelt):
    sanction = Event.objects.get(external_id="GDELT:1187654324")

    assert sanction.location_country.iso_alpha2 == "US"
    assert participants(sanction) == [("actor", "UNITED STATES", "US"), ("target", None, "RU")]


def test_a_gdelt_row_of_the_wrong_shape_is_an_error_with_its_line(csv_file, import_events):
    sample = (DATA / "gdelt-sample.tsv").read_text()
    path = csv_file(sample + "1187654399\t20240903\tbroken\n", name="broken.tsv")

    outcome = import_events(path, "--preset", "gdelt", "--no-progress")

    assert "line 6: row: 3 fields where 61 are expected" in outcome.err
    assert outcome.error is not None


def test_a_gdelt_export_with_a_header_reads_its_columns_by_name(csv_file, import_events):
    path = csv_file(
        "GLOBALEVENTID\tSQLDATE\tActor1Name\tActor1CountryCode\tEventRootCode\tSOURCEURL\n"
        "99\t20240105\tUKRAINE\tUKR\t05\thttps://news.example/99\n",
        name="export.tsv",
    )

    outcome = import_events(path, "--preset", "gdelt", "--no-progress")

    assert outcome.error is None, outcome.err
    event = Event.objects.get(external_id="GDELT:99")
    assert (event.type, event.title) == ("agreement", "UKRAINE: engage in diplomatic cooperation")
