"""Countries from cities that are not capitals (extraction/data/cities.tsv), from demonyms
of smaller states, and from an official's post on the event's date; never from a region
(issue 15). The texts are written for these tests."""

from datetime import date

import pytest

from events.models import Country
from extraction.extract import extract_candidates
from extraction.gazetteer import cities, get_gazetteer
from tests import factories

pytestmark = pytest.mark.usefixtures("seeded")


def countries(text, published):
    return [sorted(c.countries) for c in extract_candidates(text, published)]


def test_every_city_of_the_list_is_of_a_known_country():
    known = set(Country.objects.values_list("iso_alpha2", flat=True))
    assert len(cities()) >= 300
    assert {code for code in cities().values()} <= known


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Kenyan president flew to Sydney on Monday.", ["AU", "KE"]),
        ("Syrian and Turkish officials held talks in Istanbul on Monday.", ["SY", "TR"]),
        ("The Brazilian foreign minister visited Shanghai on Monday.", ["BR", "CN"]),
        ("The Chilean president arrived in Sao Paulo on Monday.", ["BR", "CL"]),
        ("The Chilean president arrived in São Paulo on Monday.", ["BR", "CL"]),
    ],
)
def test_a_major_city_names_its_country(text, expected):
    assert countries(text, date(2024, 3, 6)) == [expected]


def test_a_city_is_the_events_place():
    (candidate,) = extract_candidates(
        "The Kenyan president flew to Sydney on Monday.", date(2024, 3, 6)
    )
    assert (candidate.location, candidate.location_country) == ("Sydney", "AU")


def test_a_region_names_no_country_even_beside_a_city():
    text = "The French president began a tour of West Africa in Dakar on Saturday."
    assert countries(text, date(2025, 2, 17)) == [["FR", "SN"]]


def test_a_demonym_of_a_smaller_state_names_it():
    text = "The Beninese and Togolese presidents met on Monday."
    assert countries(text, date(2024, 3, 6)) == [["BJ", "TG"]]


def test_a_city_in_a_dateline_is_no_home_side():
    text = "GENEVA, March 6 - The Kenyan president met his counterpart on Monday."
    assert countries(text, date(2024, 3, 6)) == [["KE"]]


def test_an_officials_country_is_that_of_the_post_held_on_the_events_date():
    official = factories.OfficialFactory(name="Tomas Verhaegen", country=None)
    belgium = Country.objects.get(iso_alpha2="BE")
    nato = Country.objects.get(iso_alpha2="NL")
    post = factories.PostFactory(title="Minister for Foreign Affairs of Belgium", country=belgium)
    later = factories.PostFactory(title="Ambassador of the Netherlands", country=nato)
    factories.TenureFactory(
        official=official, post=post, start=date(2019, 1, 1), end=date(2022, 12, 31)
    )
    factories.TenureFactory(official=official, post=later, start=date(2023, 1, 1))
    get_gazetteer()
    text = "Tomas Verhaegen met the Kenyan president in Nairobi on Monday."
    assert countries(text, date(2021, 3, 3)) == [["BE", "KE"]]
    assert countries(text, date(2024, 3, 6)) == [["KE", "NL"]]
