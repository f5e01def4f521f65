"""Candidates from the seed article: its five dated events with the ranges, precisions,
countries and officials of DOMAIN.md, and what surrounds them."""

from datetime import date

import pytest

from extraction.extract import extract_candidates
from tests.seed_article import PUBLISHED, seed_article_text

pytestmark = pytest.mark.usefixtures("seeded")


@pytest.fixture
def candidates():
    return extract_candidates(seed_article_text(), PUBLISHED)


def summary(candidate):
    data = candidate.as_dict()
    return (
        data["date_start"],
        data["date_end"],
        data["date_precision"],
        data["event_type"],
        set(data["countries"]),
        set(data["officials"]),
    )


def test_the_seed_article_yields_its_five_dated_events(candidates):
    events = [summary(c) for c in candidates if not c.background]
    assert events == [
        (
            "2024-10-26", "2024-10-26", "day", "meeting", {"UA", "IN"},
            {"Herman Smetanin", "Ravi Shankar"},
        ),
        (
            "2024-09-21", "2024-09-30", "part_of_month", "talks", {"UA", "IN"},
            {"Volodymyr Zelensky", "Narendra Modi"},
        ),
        ("2024-08-01", "2024-08-31", "month", "visit", {"UA", "IN"}, {"Narendra Modi"}),
        (
            "2024-07-08", "2024-07-08", "day", "visit", {"IN", "RU"},
            {"Narendra Modi", "Vladimir Putin"},
        ),
        ("2024-07-08", "2024-07-08", "day", "strike", {"RU", "UA"}, set()),
    ]  # fmt: skip


def test_context_dates_are_offered_as_background_unticked(candidates):
    background = [summary(c)[:3] for c in candidates if c.background]
    assert background == [
        ("2022-02-01", "2022-02-28", "month"),
        ("2023-01-01", "2023-12-31", "year"),
    ]
    since = next(c for c in candidates if c.background)
    assert since.date_relation == "since"


def test_the_caption_and_the_text_make_one_meeting_cited_by_the_text(candidates):
    (meeting,) = [c for c in candidates if c.event_type == "meeting"]
    assert meeting.sentence.startswith(
        "Ukraine's Strategic Industries Minister Herman Smetanin met with"
    )
    assert meeting.topics == ["defense-industry"]


def test_a_following_sentence_about_the_same_people_joins_the_excerpt(candidates):
    (talks,) = [c for c in candidates if c.event_type == "talks"]
    assert talks.sentence.endswith("according to the statement by the president's office.")
    assert {"trade", "economy", "reconstruction", "education", "science", "culture"} <= set(
        talks.topics
    )


def test_the_visit_refers_back_to_moscow_and_the_two_leaders(candidates):
    moscow = next(c for c in candidates if c.event_type == "visit" and c.date.start.month == 7)
    assert moscow.sentence.startswith("Ahead of Modi's first visit to Kyiv in August")
    assert (moscow.location, moscow.location_country) == ("Moscow", "RU")
    roles = {p.name: p.role for p in moscow.people}
    assert roles == {"Narendra Modi": "visitor", "Vladimir Putin": "host"}


def test_the_strike_takes_the_date_of_the_clause_before_it(candidates):
    (strike,) = [c for c in candidates if c.event_type == "strike"]
    assert strike.country_roles == {"RU": "actor", "UA": "target"}
    assert strike.location == "Kyiv"


def test_the_august_visit_is_hosted_by_ukraine(candidates):
    (august,) = [c for c in candidates if c.date.precision.slug == "month" and not c.background]
    assert august.country_roles == {"UA": "host"}
    assert august.sentence.endswith("The parties did not disclose the details of the deals.")


def test_every_candidate_is_json_with_the_documented_keys(candidates):
    required = {
        "date_start", "date_end", "date_precision", "countries", "officials", "event_type",
        "sentence",
    }  # fmt: skip
    for candidate in candidates:
        assert required <= set(candidate.as_dict())


def test_an_announcement_is_planned_after_publication():
    (candidate,) = extract_candidates(
        "Indian Prime Minister Narendra Modi will visit Ukraine on Aug. 23.", date(2024, 8, 10)
    )
    assert (candidate.status, candidate.date.start) == ("planned", date(2024, 8, 23))
    (past,) = extract_candidates(
        "Indian Prime Minister Narendra Modi visited Ukraine on Aug. 23.", date(2024, 8, 10)
    )
    assert (past.status, past.date.start) == ("held", date(2023, 8, 23))


def test_a_text_without_dates_or_without_parties_yields_nothing():
    assert extract_candidates("Ukraine and India discussed defense.", PUBLISHED) == []
    assert extract_candidates("It rained on Oct. 26.", PUBLISHED) == []
