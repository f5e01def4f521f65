"""People recorded under another spelling are the same person: short and long names, with
and without honorifics and particles; a single word or a namesake abroad is not enough."""

import pytest

from events.models import OfficialName
from extraction.recorded import known_official, same_name
from tests import factories
from tests.writes import save


@pytest.mark.parametrize(
    "a, b",
    [
        ("Sheikh Abdullah bin Zayed Al", "Abdullah bin Zayed Al Nahyan"),
        ("Abdullah bin Zayed", "Sheikh Abdullah bin Zayed Al Nahyan"),
        ("Joseph Otieno", "Joseph Mwangi Otieno"),
        ("Ursula von der Leyen", "Ursula Leyen"),
        ("Dr Subrahmanyam Jaishankar", "subrahmanyam  jaishankar"),
    ],
)
def test_spellings_of_one_name_are_the_same_person(a, b):
    assert same_name(a, b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Otieno", "Joseph Mwangi Otieno"),  # a surname alone tells no one apart
        ("Joseph Kamau", "Joseph Mwangi Otieno"),
        ("Abdullah bin Zayed", "Mohammed bin Zayed"),
    ],
)
def test_different_names_are_different_people(a, b):
    assert not same_name(a, b)


@pytest.mark.django_db
def test_an_official_is_found_by_a_shorter_spelling_of_the_same_country():
    uae = factories.CountryFactory(iso_alpha2="AE")
    minister = factories.OfficialFactory(name="Abdullah bin Zayed Al Nahyan", country=uae)
    assert known_official("Sheikh Abdullah bin Zayed Al", uae) == minister
    assert known_official("Abdullah bin Zayed") == minister


@pytest.mark.django_db
def test_an_official_is_found_by_a_recorded_other_spelling():
    official = factories.OfficialFactory(name="Volodymyr Zelensky")
    save(OfficialName(official=official, name="Wolodymyr Selenskyj"))
    assert known_official("Wolodymyr Selenskyj") == official


@pytest.mark.django_db
def test_a_namesake_abroad_or_two_namesakes_are_not_taken():
    kenya, india = (
        factories.CountryFactory(iso_alpha2="KE"),
        factories.CountryFactory(iso_alpha2="IN"),
    )
    factories.OfficialFactory(name="Joseph Mwangi Otieno", country=india)
    assert known_official("Joseph Otieno", kenya) is None
    factories.OfficialFactory(name="Joseph Mwangi Otieno", country=None)
    factories.OfficialFactory(name="Joseph Kariuki Otieno", country=None)
    assert known_official("Joseph Otieno") is None
