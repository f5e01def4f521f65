"""Saving reviewed candidates: people the text names are linked when they are surely
already recorded, and created otherwise."""

import pytest

from extraction.saving import ReviewedPerson, same_person
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_recorded_official_of_the_same_country_is_the_same_person():
    india = factories.CountryFactory(iso_alpha2="IN")
    shankar = factories.OfficialFactory(name="Ravi Shankar", country=india)
    person = ReviewedPerson(key="new:1", name="ravi  shankar", create=True, country=india)
    assert same_person(person) == shankar


def test_a_namesake_of_another_country_is_someone_else():
    india, nepal = (
        factories.CountryFactory(iso_alpha2="IN"),
        factories.CountryFactory(iso_alpha2="NP"),
    )
    factories.OfficialFactory(name="Ravi Shankar", country=nepal)
    person = ReviewedPerson(key="new:1", name="Ravi Shankar", create=True, country=india)
    assert same_person(person) is None


def test_without_a_country_only_a_single_namesake_is_taken():
    factories.OfficialFactory(name="Ravi Shankar")
    person = ReviewedPerson(key="new:1", name="Ravi Shankar", create=True)
    assert same_person(person) is not None
    factories.OfficialFactory(name="Ravi Shankar")
    assert same_person(person) is None
