"""Checking one import row: every reason a row is refused is reported with its column."""

from datetime import date
from decimal import Decimal

import pytest

from events.models import Country
from importing.columns import COLUMNS
from importing.resolve import Registry
from importing.rows import RowErrors, Validator
from tests import factories

pytestmark = pytest.mark.usefixtures("seeded")


def row(**values) -> tuple:
    cells = dict.fromkeys(COLUMNS, "")
    cells.update(date="2024-10-26", type="meeting", title="Talks")
    cells.update(values)
    return tuple(cells[name] for name in COLUMNS)


def validate(**values):
    return Validator(Registry("default")).validate(row(**values), line=7)


def errors_of(**values) -> list[tuple[str, str]]:
    with pytest.raises(RowErrors) as raised:
        validate(**values)
    return raised.value.errors


def test_a_date_as_editors_type_it_gives_range_precision_and_qualifier():
    value = validate(date="c. late Sep 2024")

    assert (value.date_start, value.date_end, value.date_precision, value.date_qualifier) == (
        date(2024, 9, 21),
        date(2024, 9, 30),
        3,
        "approximate",
    )


def test_a_date_in_parts_is_checked_against_its_precision():
    value = validate(
        date="", date_start="2024-08-01", date_end="2024-08-31", date_precision="month"
    )
    assert (value.date_start, value.date_end, value.date_precision) == (
        date(2024, 8, 1),
        date(2024, 8, 31),
        4,
    )

    problems = errors_of(
        date="", date_start="2024-08-02", date_end="2024-08-31", date_precision="month"
    )
    assert problems == [("date_precision", problems[0][1])]
    assert "month" in problems[0][1]


def test_a_day_needs_no_end_and_other_precisions_do():
    assert validate(date="", date_start="2024-08-02", date_precision="day").date_end == date(
        2024, 8, 2
    )
    assert errors_of(date="", date_start="2024-08-01", date_precision="month") == [
        ("date_end", "required unless the precision is day")
    ]


def test_every_bad_cell_of_a_row_is_reported():
    problems = dict(
        errors_of(
            external_id="x" * 101,
            date="31 Feb 2024",
            type="dinner",
            title="",
            status="rumoured",
            countries="UA;ZZ",
            latitude="95",
            longitude="30",
            topics="trade;gossip",
            source_url="ftp://news.example/a",
        )
    )

    assert set(problems) == {
        "external_id",
        "date",
        "type",
        "title",
        "status",
        "countries",
        "latitude",
        "topics",
        "source_url",
    }
    assert problems["countries"] == "unknown country code 'ZZ'"
    assert problems["topics"] == "no topic has the slug 'gossip'"
    assert "out of range" in problems["latitude"]


def test_coordinates_come_in_pairs_and_are_rounded_to_the_columns_places():
    assert errors_of(latitude="50.45") == [
        ("longitude", "give both latitude and longitude, or neither")
    ]
    value = validate(latitude="50.450123456", longitude="-30.5")
    assert (value.latitude, value.longitude) == (Decimal("50.45012"), Decimal("-30.50000"))


def test_a_title_longer_than_the_column_is_refused():
    assert errors_of(title="t" * 301) == [("title", "longer than 300 characters")]


def test_source_details_need_a_source_url():
    assert errors_of(excerpt="They met.") == [("excerpt", "needs a source_url")]


def test_participants_name_officials_organizations_and_countries():
    value = validate(
        participants="Zelenskiy|host|UKR; org:Government of India|visitor|IN ;|mediator|TR"
    )

    official, organization, country = value.participants
    assert (official.kind, official.role, official.official_id is not None) == (
        "official",
        "host",
        True,
    )
    assert (organization.kind, organization.organization_id is not None) == ("organization", True)
    assert (country.kind, country.country_id) == (
        "country",
        Country.objects.get(iso_alpha2="TR").pk,
    )


def test_a_participant_with_a_bad_role_or_code_is_reported():
    assert errors_of(participants="Narendra Modi|guest|IN;Someone|host|QQ") == [
        ("participants", errors_of(participants="Narendra Modi|guest|IN")[0][1]),
        ("participants", "unknown country code 'QQ'"),
    ]


def test_the_same_participant_twice_in_one_role_is_an_error():
    problems = errors_of(participants="Narendra Modi|host|IN;narendra  modi|host|")

    assert problems == [("participants", "'narendra  modi|host|' is named twice in this role")]


def test_a_name_several_officials_share_is_settled_by_country_or_refused():
    ukraine, russia = Country.objects.get(iso_alpha2="UA"), Country.objects.get(iso_alpha2="RU")
    ukrainian = factories.OfficialFactory(name="Ivan Petrenko", country=ukraine)
    factories.OfficialFactory(name="Ivan Petrenko", country=russia)

    assert (
        validate(participants="Ivan Petrenko|host|UA").participants[0].official_id == ukrainian.pk
    )
    assert errors_of(participants="Ivan Petrenko|host|") == [
        ("participants", "'Ivan Petrenko' names 2 officials; add a country code.")
    ]


def test_the_key_is_the_external_id_or_a_hash_of_source_dates_and_title():
    assert validate(external_id=" ACLED:1 ").key == "ACLED:1"
    keyed = validate(source_url="https://news.example/a")
    assert keyed.key.startswith("key:") and len(keyed.key) <= 100
    assert validate(source_url="https://news.example/a", date="26 Oct 2024").key == keyed.key
    assert validate(source_url="https://news.example/b").key != keyed.key


def test_a_nul_character_is_refused_by_column():
    assert errors_of(title="Tal\x00ks") == [("title", "contains a NUL character")]
