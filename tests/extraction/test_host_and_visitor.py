"""Host and visitor from the verbs, and the subject carried from one sentence to the next
(issue 15). The texts are written for these tests."""

from datetime import date

import pytest

from extraction.extract import extract_candidates

pytestmark = pytest.mark.usefixtures("seeded")


def roles(text, published, home_country=None):
    return [
        (str(c.event_type), sorted(c.countries), dict(sorted(c.country_roles.items())))
        for c in extract_candidates(text, published, home_country=home_country)
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The Bolivian president received the visiting Paraguayan foreign minister on Monday.",
            ("meeting", ["BO", "PY"], {"BO": "host", "PY": "visitor"}),
        ),
        (
            "The Bolivian foreign minister was received by the Paraguayan president on Monday.",
            ("meeting", ["BO", "PY"], {"BO": "visitor", "PY": "host"}),
        ),
        (
            "Bolivia's president hosted Paraguayan ministers on Monday.",
            ("meeting", ["BO", "PY"], {"BO": "host", "PY": "visitor"}),
        ),
        (
            "The Bolivian foreign minister called on the Paraguayan president on Monday.",
            ("meeting", ["BO", "PY"], {"BO": "visitor", "PY": "host"}),
        ),
        (
            "The Bolivian president welcomed his Paraguayan counterpart on Monday.",
            ("meeting", ["BO", "PY"], {"BO": "host", "PY": "visitor"}),
        ),
    ],
)
def test_the_verb_says_who_hosts_and_who_visits(text, expected):
    assert roles(text, date(2024, 9, 4)) == [expected]


def test_the_host_of_a_courtesy_call_is_the_person_called_on():
    text = "The Nepali foreign minister called on Narendra Modi in New Delhi on Tuesday."
    (candidate,) = extract_candidates(text, date(2022, 5, 11))
    assert candidate.event_type == "meeting"
    assert [(p.name, p.role) for p in candidate.people] == [("Narendra Modi", "host")]


def test_an_appeal_is_still_a_statement():
    text = "The Bolivian president called on Paraguay to reopen the border on Monday."
    assert [row[0] for row in roles(text, date(2024, 9, 4))] == ["statement"]


def test_the_minister_of_the_next_sentence_is_the_subject_of_the_one_before():
    text = (
        "Uruguay's foreign minister landed in Quito on Sunday. The minister was received by "
        "the Ecuadorian president on Monday."
    )
    assert roles(text, date(2024, 9, 4)) == [
        ("visit", ["EC", "UY"], {"EC": "host", "UY": "visitor"}),
        ("meeting", ["EC", "UY"], {"EC": "host", "UY": "visitor"}),
    ]


def test_he_of_the_next_sentence_is_the_subject_of_the_one_before():
    text = (
        "Kenya's new foreign minister was sworn in on Tuesday. On Wednesday he met the "
        "Ugandan ambassador."
    )
    assert roles(text, date(2023, 10, 6)) == [
        ("appointment", ["KE"], {}),
        ("meeting", ["KE", "UG"], {}),
    ]


def test_a_country_named_after_the_name_is_the_persons():
    text = "Foreign Minister Arvid Lindqvist of Sweden met the South Korean president on Monday."
    (candidate,) = extract_candidates(text, date(2023, 11, 7))
    assert [(p.name, p.country) for p in candidate.people] == [("Arvid Lindqvist", "SE")]
    assert sorted(candidate.countries) == ["KR", "SE"]
