"""Candidates from the shapes of real wire copy (issue 15): durations that give ranges,
modality and tense that give the status and the direction a date resolves in. The texts are
written for these tests."""

from datetime import date

import pytest

from extraction.extract import extract_candidates

pytestmark = pytest.mark.usefixtures("seeded")


def dated(text, published):
    return [
        (c.date.start.isoformat(), c.date.end.isoformat(), c.date.precision.slug, str(c.status))
        for c in extract_candidates(text, published)
    ]


def test_a_weekday_and_date_choose_the_year_and_a_future_day_is_planned():
    text = "Chile's president arrives in Peru on Friday, May 26, for talks on trade."
    assert dated(text, date(2017, 5, 22)) == [("2017-05-26", "2017-05-26", "day", "planned")]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        (
            "Kenya's president is on a two-day state visit to Uganda, where he arrived on Tuesday.",
            date(2019, 3, 14),  # a Thursday
            ("2019-03-12", "2019-03-13", "day_range", "held"),
        ),
        (
            "Malaysia's foreign minister will pay a three day visit to Thailand from July 7.",
            date(2022, 7, 1),
            ("2022-07-07", "2022-07-09", "day_range", "planned"),
        ),
        (
            "The Australian prime minister made a five-day trip starting July 9 to Vietnam.",
            date(2023, 7, 20),
            ("2023-07-09", "2023-07-13", "day_range", "held"),
        ),
        (
            "Samoa's prime minister held talks with Tongan officials on Friday and Saturday.",
            date(2023, 7, 3),  # a Monday
            ("2023-06-30", "2023-07-01", "day_range", "held"),
        ),
    ],
)
def test_durations_give_ranges(text, published, expected):
    assert dated(text, published) == [expected]


def test_a_day_within_a_longer_visit_stays_a_day():
    text = "The Spanish king met Mexico's president on Friday at the end of a three-day visit."
    assert dated(text, date(2024, 4, 27)) == [("2024-04-26", "2024-04-26", "day", "held")]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        (
            "The Serbian and Croatian ministers may first meet on March 1 in Zagreb.",
            date(2021, 2, 20),
            ("2021-03-01", "2021-03-01", "day", "planned"),
        ),
        (
            "Chile's president is due in Uruguay on Jan. 23 for talks.",
            date(2023, 1, 20),
            ("2023-01-23", "2023-01-23", "day", "planned"),
        ),
        (
            "Uruguay has invited the leaders of Bolivia and Peru for the Jan. 24 summit.",
            date(2023, 1, 10),
            ("2023-01-24", "2023-01-24", "day", "planned"),
        ),
        (
            "Talks between Serbia and Kosovo are scheduled for Aug. 14 in Brussels.",
            date(2024, 8, 1),
            ("2024-08-14", "2024-08-14", "day", "planned"),
        ),
        (
            "The Ugandan president is expected in Nairobi on Thursday for a meeting.",
            date(2024, 5, 6),  # a Monday
            ("2024-05-09", "2024-05-09", "day", "planned"),
        ),
        (
            "Ecuador's president had planned to visit Colombia on Oct. 7, but the trip was "
            "postponed.",
            date(2019, 10, 2),
            ("2019-10-07", "2019-10-07", "day", "cancelled"),
        ),
        (
            "Mexico's president cancelled a visit to Cuba set for Nov. 5.",
            date(2019, 10, 30),
            ("2019-11-05", "2019-11-05", "day", "cancelled"),
        ),
    ],
)
def test_modality_gives_the_status_and_dates_forward(text, published, expected):
    assert dated(text, published) == [expected]


def test_a_statement_date_is_the_statements_and_past():
    text = (
        "According to a ministry statement on Monday, the Egyptian foreign minister will "
        "hold talks with Sudanese officials in Khartoum."
    )
    (candidate,) = extract_candidates(text, date(2020, 11, 18))  # a Wednesday
    assert (candidate.date.start, candidate.status, candidate.event_type) == (
        date(2020, 11, 16),
        "held",
        "statement",
    )


def summary(text, published):
    return [
        (
            c.date.start.isoformat(),
            c.date.end.isoformat(),
            str(c.status),
            str(c.event_type),
            sorted(c.countries),
        )
        for c in extract_candidates(text, published)
    ]


def test_every_date_of_a_sentence_is_a_candidate_of_its_own():
    text = (
        "The Italian leaders said they would meet their Spanish counterparts on June 27-28, "
        "followed by a meeting of the defence ministers in August."
    )
    assert summary(text, date(2021, 6, 1)) == [
        ("2021-06-27", "2021-06-28", "planned", "meeting", ["ES", "IT"]),
        ("2021-08-01", "2021-08-31", "planned", "meeting", ["ES", "IT"]),
    ]


def test_a_second_date_takes_the_traveller_but_not_the_first_place():
    text = (
        "The Japanese foreign minister will visit Thailand on Monday, December 14, and "
        "Malaysia on Tuesday, December 15."
    )
    assert summary(text, date(2020, 12, 10)) == [
        ("2020-12-14", "2020-12-14", "planned", "visit", ["JP", "TH"]),
        ("2020-12-15", "2020-12-15", "planned", "visit", ["JP", "MY"]),
    ]


def test_a_past_clause_after_an_announced_one_is_not_made_planned():
    text = (
        "The Dutch prime minister will visit Kenya on Friday, after he met Ghana's president "
        "in Accra on Tuesday."
    )
    rows = summary(text, date(2024, 5, 8))  # a Wednesday
    assert [r[:3] for r in rows] == [
        ("2024-05-10", "2024-05-10", "planned"),
        ("2024-05-07", "2024-05-07", "held"),
    ]


def countries_of(text, published, **kwargs):
    return [
        (c.date.start.isoformat(), sorted(c.countries))
        for c in extract_candidates(text, published, **kwargs)
    ]


def test_the_dateline_gives_the_home_side_and_is_no_event():
    text = (
        "NEW DELHI, Sept. 13 (Reuters) - Foreign Minister Mehta met his Japanese counterpart "
        "in Tokyo on Thursday, the ministry said."
    )
    assert countries_of(text, date(2024, 9, 13)) == [("2024-09-12", ["IN", "JP"])]


def test_the_outlets_country_gives_the_home_side_of_a_visit():
    text = "The president visited Tokyo on Monday to meet the Japanese prime minister."
    published = date(2025, 3, 12)  # a Wednesday
    assert countries_of(text, published) == [("2025-03-10", ["JP"])]
    assert countries_of(text, published, home_country="KR") == [("2025-03-10", ["JP", "KR"])]


def test_the_home_side_is_not_added_where_the_text_names_both_sides():
    text = "Brazil's president met his Chinese counterpart in Beijing on Friday."
    assert countries_of(text, date(2024, 4, 27), home_country="KR") == [
        ("2024-04-26", ["BR", "CN"])
    ]


def test_a_surname_named_earlier_with_a_nationality_keeps_it():
    text = (
        "Egyptian Foreign Minister Karim Mansour flew to Jordan on Sunday. Foreign Minister "
        "Mansour met his Jordanian counterpart in Amman on Monday."
    )
    assert countries_of(text, date(2024, 5, 8)) == [
        ("2024-05-05", ["EG", "JO"]),
        ("2024-05-06", ["EG", "JO"]),
    ]


def test_a_known_official_gives_the_country_of_the_post_held_that_day():
    from events.models import Country
    from tests import factories

    post = factories.PostFactory(
        title="Minister of Foreign Affairs of Pakistan",
        country=Country.objects.get(iso_alpha2="PK"),
    )
    factories.TenureFactory(
        official=factories.OfficialFactory(name="Tariq Qasim Rana"),
        post=post,
        start=date(2018, 8, 1),
    )
    text = "Foreign Minister Rana met his Chinese counterpart in Beijing on Friday."
    assert countries_of(text, date(2020, 8, 22)) == [("2020-08-21", ["CN", "PK"])]


def test_wire_copys_present_tense_of_travel_announces():
    text = "The Thai king arrives in Laos on Sunday for a three-day state visit."
    assert dated(text, date(2018, 6, 1)) == [("2018-06-03", "2018-06-05", "day_range", "planned")]


def test_a_period_since_qualifies_a_party_and_parts_no_event():
    text = (
        "Uruguay's president, in office since March 2020, received the visiting Bolivian "
        "foreign minister in Montevideo on Thursday."
    )
    assert countries_of(text, date(2021, 5, 14)) == [("2021-05-13", ["BO", "UY"])]


def test_the_day_someone_took_office_dates_no_event():
    text = (
        "The Bolivian president, who took office in November 2020, met Peru's president in "
        "La Paz on Thursday."
    )
    rows = [r for r in summary(text, date(2021, 5, 14))]
    assert [r[:2] for r in rows if r[3] != "other"] == [("2021-05-13", "2021-05-13")]


def test_a_statement_and_the_event_it_reports_are_two_candidates():
    text = (
        "Morocco said on Monday it had called off a visit by the Spanish foreign minister "
        "planned for Oct. 20."
    )
    assert summary(text, date(2021, 10, 13)) == [  # a Wednesday
        ("2021-10-11", "2021-10-11", "held", "statement", ["MA"]),
        ("2021-10-20", "2021-10-20", "cancelled", "visit", ["ES", "MA"]),
    ]
