"""The dictionary matcher: whole words, names and codes as written, rebuilt when the names
in the database change."""

import pytest

from events.models import Country, CountryName, OfficialName
from extraction import gazetteer as gazetteer_module
from extraction.gazetteer import get_gazetteer
from tests import factories
from tests.writes import save

pytestmark = pytest.mark.usefixtures("seeded")


def found(text):
    entities, _ = get_gazetteer().find(text)
    return [(m.text, m.kind, m.value, m.how) for m in entities]


def test_a_country_name_is_not_found_inside_a_longer_word():
    assert found("Indiana") == []
    assert found("the Indian prime minister") == [("Indian", "country", "IN", "demonym")]
    assert found("India's ambassador") == [("India", "country", "IN", "name")]


def test_capitals_aliases_and_seats_of_government_name_their_country():
    assert [(t, v) for t, _, v, _ in found("between Kyiv and New Delhi, said the Kremlin")] == [
        ("Kyiv", "UA"),
        ("New Delhi", "IN"),
        ("Kremlin", "RU"),
    ]
    assert [v for _, _, v, _ in found("the White House said")] == ["US"]


def test_codes_are_read_in_capitals_only_and_not_when_they_are_words():
    assert [v for _, _, v, _ in found("UKR and IND signed; the US too")] == ["UA", "IN", "US"]
    assert found("ukr and ind") == []
    assert found("IN AN AI WORLD, IT IS") == []


def test_names_are_matched_capitalised():
    assert found("the turkey was roasted") == []
    assert [v for _, _, v, _ in found("Turkey and Georgia")] == ["TR", "GE"]


def test_officials_are_found_by_name_and_other_spellings():
    names = [(t, k) for t, k, _, _ in found("Zelenskyy met Volodymyr Zelensky and Narendra Modi")]
    assert names == [
        ("Zelenskyy", "official"),
        ("Volodymyr Zelensky", "official"),
        ("Narendra Modi", "official"),
    ]


def test_topics_ignore_hyphenated_words():
    _, topics = get_gazetteer().find("post-war reconstruction and defense industry trade")
    assert [m.value for m in topics] == ["reconstruction", "defense-industry", "trade"]


def test_the_gazetteer_is_cached_until_its_names_change():
    first = get_gazetteer()
    assert get_gazetteer() is first
    save(CountryName(country=Country.objects.get(iso_alpha2="UA"), name="Kyivland", kind="alias"))
    rebuilt = get_gazetteer()
    assert rebuilt is not first
    assert [v for _, _, v, _ in found("Kyivland")] == ["UA"]


def test_a_change_made_elsewhere_is_seen_through_the_fingerprint():
    first = get_gazetteer()
    official = factories.OfficialFactory(name="Radoslaw Sikorski")
    # Another process wrote it: this one's signals never fired.
    gazetteer_module._cache["default"] = (gazetteer_module.fingerprint(), first)
    OfficialName.objects.bulk_create([OfficialName(official=official, name="Radek Sikorski")])
    assert gazetteer_module.fingerprint() != gazetteer_module._cache["default"][0]
    assert [t for t, *_ in found("Radek Sikorski")] == ["Radek Sikorski"]


def codes(text):
    return [v for _, kind, v, _ in found(text) if kind == "country"]


@pytest.mark.parametrize(
    "text",
    [
        "the president welcomed his South American neighbours",
        "a summit of Latin American and Caribbean States",
        "the North American free trade pact",
        "the Inter-American Development Bank",
        "piracy in the Gulf of Guinea and the Indian Ocean",
        "patrols in the South China Sea",
    ],
)
def test_regions_continents_and_seas_are_not_countries(text):
    assert codes(text) == []


def test_parts_of_a_country_name_the_country_they_belong_to():
    assert codes("the prime minister visited Northern Ireland and Dublin") == ["GB", "IE"]


def test_names_are_found_without_their_accents_and_with_either_apostrophe():
    assert codes("talks in Cote d'Ivoire") == ["CI"]
    assert codes("talks in Côte d\u2019Ivoire") == ["CI"]
    assert codes("Turkiye and Türkiye") == ["TR", "TR"]


def test_demonyms_of_smaller_countries_are_known():
    assert codes("the Guinean, Ivorian, Fijian and Chilean ministers") == [
        "GN",
        "CI",
        "FJ",
        "CL",
    ]
    assert codes("a Papua New Guinean delegation") == ["PG"]
