"""Date phrases resolved against the publication date: past reports to the latest matching
date on or before it, announcements to the earliest on or after it, precision kept."""

from datetime import date

import pytest

from events.dates import DateQualifier
from extraction.date_phrases import find_date_phrases

PUBLISHED = date(2024, 10, 27)  # a Sunday, as the seed article's


def resolved(text, published=PUBLISHED, announced=False):
    phrases = find_date_phrases(text)
    assert len(phrases) == 1, [p.text for p in phrases]
    fuzzy = phrases[0].resolve(published, announced)
    return fuzzy.start.isoformat(), fuzzy.end.isoformat(), fuzzy.precision.slug


@pytest.mark.parametrize(
    "text, expected",
    [
        ("met on Oct. 26 to discuss", ("2024-10-26", "2024-10-26", "day")),
        ("talks on July 8-9 in Moscow", ("2024-07-08", "2024-07-09", "day_range")),
        ("a summit on June 15-16", ("2024-06-15", "2024-06-16", "day_range")),
        ("discussions in late September", ("2024-09-21", "2024-09-30", "part_of_month")),
        ("agreements in August during", ("2024-08-01", "2024-08-31", "month")),
        ("a historic high in 2023.", ("2023-01-01", "2023-12-31", "year")),
        ("ties with Moscow since February 2022", ("2022-02-01", "2022-02-28", "month")),
        ("The ministers met on Wednesday", ("2024-10-23", "2024-10-23", "day")),
        ("who visited earlier this month", ("2024-10-01", "2024-10-26", "day_range")),
        ("the talks held last year", ("2023-01-01", "2023-12-31", "year")),
        ("in the first quarter of 2025", ("2025-01-01", "2025-03-31", "quarter")),
        ("growth slowed in Q3 2023", ("2023-07-01", "2023-09-30", "quarter")),
        ("on 26 October 2024", ("2024-10-26", "2024-10-26", "day")),
        ("from July 30 to Aug. 2", ("2024-07-30", "2024-08-02", "day_range")),
        ("in mid-October", ("2024-10-11", "2024-10-20", "part_of_month")),
        ("at the end of September", ("2024-09-21", "2024-09-30", "part_of_month")),
        ("on Monday, Oct. 21, 2024", ("2024-10-21", "2024-10-21", "day")),
        ("two days ago", ("2024-10-25", "2024-10-25", "day")),
        ("last week", ("2024-10-14", "2024-10-20", "day_range")),
    ],
)
def test_past_reports_resolve_as_domain_md_says(text, expected):
    assert resolved(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("will meet on Oct. 26", ("2025-10-26", "2025-10-26", "day")),
        ("will meet on Wednesday", ("2024-10-30", "2024-10-30", "day")),
        ("will visit in August", ("2025-08-01", "2025-08-31", "month")),
        ("is expected in late October", ("2024-10-21", "2024-10-31", "part_of_month")),
        ("will visit on Nov. 4", ("2024-11-04", "2024-11-04", "day")),
    ],
)
def test_announcements_resolve_on_or_after_publication(text, expected):
    assert resolved(text, announced=True) == expected


def test_a_phrase_that_names_its_direction_overrides_the_tense():
    assert resolved("next month", announced=False) == ("2024-11-01", "2024-11-30", "month")
    assert resolved("yesterday", announced=True) == ("2024-10-26", "2024-10-26", "day")


def test_a_past_date_is_never_after_publication():
    for text in ("on Oct. 28", "in November", "in late December", "on Monday", "on Dec. 31"):
        start, _, _ = resolved(text)
        assert date.fromisoformat(start) <= PUBLISHED, text


def test_publication_day_itself_counts_as_past():
    assert resolved("on Sunday") == ("2024-10-27", "2024-10-27", "day")
    assert resolved("on Oct. 27") == ("2024-10-27", "2024-10-27", "day")


def test_we_and_may_are_words_not_dates():
    assert find_date_phrases("we are ready and we may consider it") == []
    assert find_date_phrases("march on, said the minister") == []


def test_a_year_needs_a_preposition_or_a_month():
    assert find_date_phrases("killing 2023 people") == []
    assert [p.text for p in find_date_phrases("trade grew in 2023")] == ["in 2023"]


def test_two_days_joined_by_and_are_a_range_only_when_consecutive():
    assert resolved("on July 8 and 9") == ("2024-07-08", "2024-07-09", "day_range")
    assert [p.text for p in find_date_phrases("on July 8 and 10")] == ["July 8"]


def test_leap_day_resolves_to_the_last_leap_year():
    assert resolved("on Feb. 29", published=date(2027, 3, 1)) == ("2024-02-29",) * 2 + ("day",)


def test_an_impossible_day_resolves_to_nothing():
    (phrase,) = find_date_phrases("on Sept. 31")
    assert phrase.resolve(PUBLISHED, False) is None


def test_since_marks_a_period_start():
    (phrase,) = find_date_phrases("ties with Moscow since February 2022")
    assert phrase.relation == "since"


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("around Oct. 3", DateQualifier.APPROXIMATE),
        ("reportedly on Oct. 2", DateQualifier.UNCERTAIN),
    ],
)
def test_qualifiers_are_read_from_the_words_before(text, qualifier):
    (phrase,) = find_date_phrases(text)
    assert phrase.resolve(PUBLISHED, False).qualifier == qualifier


def test_month_names_end_a_sentence_without_taking_its_full_stop():
    (phrase,) = find_date_phrases("They met in mid-October.")
    assert phrase.text == "mid-October"


def test_an_announced_range_already_under_way_stays_this_year():
    # Published on 27 Oct 2024, talks "will be held on Oct. 26-28": the range reaches past
    # publication, so it is this year's.
    assert resolved("will hold talks on Oct. 26-28", announced=True) == (
        "2024-10-26",
        "2024-10-28",
        "day_range",
    )
    assert resolved("will meet on Dec. 30 - Jan. 2", announced=True) == (
        "2024-12-30",
        "2025-01-02",
        "day_range",
    )


def test_a_weekday_with_its_date_chooses_the_year():
    # Published Monday 22 May 2017; 26 May is a Friday in 2017, a Thursday in 2016.
    monday = date(2017, 5, 22)
    assert resolved("arrives on Friday, May 26,", monday) == ("2017-05-26", "2017-05-26", "day")
    # Published 2 Jan 2018, "on Friday, Jan. 5" is 2018's even as a report: 5 Jan 2017
    # was a Thursday.
    assert resolved("the ministers meet on Friday, Jan. 5", date(2018, 1, 2)) == (
        "2018-01-05",
        "2018-01-05",
        "day",
    )
    # Past when the weekday fits the past: Wednesday, Dec. 28 in a report of 3 Jan 2017.
    assert resolved("they met on Wednesday, Dec. 28", date(2017, 1, 3)) == (
        "2016-12-28",
        "2016-12-28",
        "day",
    )


def test_two_consecutive_weekdays_are_a_range():
    monday = date(2023, 7, 3)
    assert resolved("in Suva on Friday and Saturday", monday) == (
        "2023-06-30",
        "2023-07-01",
        "day_range",
    )
    assert resolved("will meet on Friday and Saturday", monday, announced=True) == (
        "2023-07-07",
        "2023-07-08",
        "day_range",
    )
    assert resolved("talks from Monday to Wednesday", monday) == (
        "2023-06-26",
        "2023-06-28",
        "day_range",
    )
    assert [p.text for p in find_date_phrases("on Monday and Wednesday")] == [
        "on Monday",
        "Wednesday",
    ]
