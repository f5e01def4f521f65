"""Many counterparts in one story (issue 15): "on the sidelines he met the presidents of A, B
and C" is one bilateral meeting per counterpart, each with the subject's side. The texts are
written for these tests."""

from datetime import date

import pytest

from extraction.extract import extract_candidates

pytestmark = pytest.mark.usefixtures("seeded")


def sides(text, published, home_country=None):
    return [
        (c.date.start.isoformat(), str(c.event_type), sorted(c.countries))
        for c in extract_candidates(text, published, home_country=home_country)
    ]


def test_each_president_met_on_the_sidelines_is_a_meeting_of_its_own():
    text = (
        "On the sidelines of the forum on Tuesday, the Uzbek president met the presidents of "
        "Latvia, Senegal and Uruguay."
    )
    assert sides(text, date(2024, 6, 6)) == [
        ("2024-06-04", "meeting", ["LV", "UZ"]),
        ("2024-06-04", "meeting", ["SN", "UZ"]),
        ("2024-06-04", "meeting", ["UY", "UZ"]),
    ]


def test_counterparts_from_a_list_keep_the_subjects_person():
    text = "Narendra Modi held talks with his counterparts from Greece and Cyprus on Monday."
    candidates = extract_candidates(text, date(2024, 3, 6))
    assert [sorted(c.countries) for c in candidates] == [["GR", "IN"], ["CY", "IN"]]
    assert all([p.name for p in c.people] == ["Narendra Modi"] for c in candidates)


def test_the_outlets_country_is_the_side_of_an_unnamed_subject():
    text = "The prime minister met the leaders of Peru and Chile on Friday in Lima."
    assert sides(text, date(2024, 11, 18), home_country="NZ") == [
        ("2024-11-15", "meeting", ["NZ", "PE"]),
        ("2024-11-15", "meeting", ["CL", "NZ", "PE"]),
    ]


def test_leaders_of_several_countries_meeting_together_stay_one_meeting():
    text = "The presidents of Kenya, Uganda and Tanzania met in Arusha on Thursday."
    assert sides(text, date(2024, 5, 4)) == [("2024-05-02", "meeting", ["KE", "TZ", "UG"])]


def test_a_list_without_a_side_of_its_own_is_not_split():
    text = "Envoys met the delegations of Sudan and Chad in Geneva on Monday."
    assert len(extract_candidates(text, date(2024, 8, 14))) == 1
