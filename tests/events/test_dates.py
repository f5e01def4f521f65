"""The fuzzy date value type: DOMAIN.md's table row by row, then parsing, labels, EDTF,
order and overlap."""

from datetime import UTC, date, datetime

import pytest

from events.dates import (
    DatePrecision,
    DateQualifier,
    FuzzyDate,
    FuzzyDateError,
    moment_label,
    parse_fuzzy_date,
    parse_moment,
)

P = DatePrecision

# DOMAIN.md "Dates with precision": (editor text, start, end, precision, shown as, EDTF)
DOMAIN_TABLE = [
    ("26 Oct 2024", date(2024, 10, 26), date(2024, 10, 26), P.DAY, "26 Oct 2024", "2024-10-26"),
    (
        "July 8-9, 2024",
        date(2024, 7, 8),
        date(2024, 7, 9),
        P.DAY_RANGE,
        "8\u20139 Jul 2024",
        "2024-07-08/2024-07-09",
    ),
    (
        "late September 2024",
        date(2024, 9, 21),
        date(2024, 9, 30),
        P.PART_OF_MONTH,
        "late Sep 2024",
        "2024-09-21/2024-09-30",
    ),
    ("in August 2024", date(2024, 8, 1), date(2024, 8, 31), P.MONTH, "Aug 2024", "2024-08"),
    (
        "in the first quarter of 2025",
        date(2025, 1, 1),
        date(2025, 3, 31),
        P.QUARTER,
        "Q1 2025",
        "2025-01/2025-03",
    ),
    ("in 2023", date(2023, 1, 1), date(2023, 12, 31), P.YEAR, "2023", "2023"),
]


@pytest.mark.parametrize(("text", "start", "end", "precision", "label", "edtf"), DOMAIN_TABLE)
def test_domain_table_row_parses_to_its_range_precision_and_label(
    text, start, end, precision, label, edtf
):
    fuzzy = parse_fuzzy_date(text)
    assert (fuzzy.start, fuzzy.end, fuzzy.precision) == (start, end, precision)
    assert fuzzy.label == label
    assert fuzzy.edtf == edtf


@pytest.mark.parametrize(("text", "start", "end", "precision", "label", "edtf"), DOMAIN_TABLE)
def test_domain_table_label_and_edtf_read_back_to_the_same_date(
    text, start, end, precision, label, edtf
):
    assert parse_fuzzy_date(label) == FuzzyDate(start, end, precision)
    assert parse_fuzzy_date(edtf) == FuzzyDate(start, end, precision)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-10-26", FuzzyDate.day(date(2024, 10, 26))),
        ("26 Oct 2024", FuzzyDate.day(date(2024, 10, 26))),
        ("Oct. 26, 2024", FuzzyDate.day(date(2024, 10, 26))),
        ("26th of October 2024", FuzzyDate.day(date(2024, 10, 26))),
        ("8-9 Jul 2024", FuzzyDate.day_range(date(2024, 7, 8), date(2024, 7, 9))),
        ("8\u20139 July 2024", FuzzyDate.day_range(date(2024, 7, 8), date(2024, 7, 9))),
        ("8 to 9 July 2024", FuzzyDate.day_range(date(2024, 7, 8), date(2024, 7, 9))),
        ("30 Jun \u2013 2 Jul 2024", FuzzyDate.day_range(date(2024, 6, 30), date(2024, 7, 2))),
        ("June 30 - July 2, 2024", FuzzyDate.day_range(date(2024, 6, 30), date(2024, 7, 2))),
        (
            "30 Dec 2024 \u2013 2 Jan 2025",
            FuzzyDate.day_range(date(2024, 12, 30), date(2025, 1, 2)),
        ),
        ("late Sep 2024", FuzzyDate.part_of_month(2024, 9, "late")),
        ("mid-September 2024", FuzzyDate.part_of_month(2024, 9, "mid")),
        ("early Sept. 2024", FuzzyDate.part_of_month(2024, 9, "early")),
        ("Aug 2024", FuzzyDate.month(2024, 8)),
        ("2024-08", FuzzyDate.month(2024, 8)),
        ("Q1 2025", FuzzyDate.quarter(2025, 1)),
        ("2025-Q3", FuzzyDate.quarter(2025, 3)),
        ("2025-34", FuzzyDate.quarter(2025, 2)),
        ("2023", FuzzyDate.year(2023)),
        ("2024-08-01/2024-08-31", FuzzyDate.month(2024, 8)),
    ],
)
def test_parses_what_editors_type(text, expected):
    assert parse_fuzzy_date(text) == expected


def test_late_february_ends_on_the_29th_in_a_leap_year():
    assert parse_fuzzy_date("late Feb 2024").end == date(2024, 2, 29)
    assert parse_fuzzy_date("late Feb 2023").end == date(2023, 2, 28)


@pytest.mark.parametrize(
    ("text", "qualifier", "label", "edtf"),
    [
        ("c. 26 Oct 2024", DateQualifier.APPROXIMATE, "c. 26 Oct 2024", "2024-10-26~"),
        ("around Oct. 26, 2024", DateQualifier.APPROXIMATE, "c. 26 Oct 2024", "2024-10-26~"),
        ("2024-10-26~", DateQualifier.APPROXIMATE, "c. 26 Oct 2024", "2024-10-26~"),
        ("reportedly 26 Oct 2024", DateQualifier.UNCERTAIN, "26 Oct 2024?", "2024-10-26?"),
        ("2024-10-26?", DateQualifier.UNCERTAIN, "26 Oct 2024?", "2024-10-26?"),
        ("Aug 2024?", DateQualifier.UNCERTAIN, "Aug 2024?", "2024-08?"),
        (
            "c. late Sep 2024",
            DateQualifier.APPROXIMATE,
            "c. late Sep 2024",
            "2024-09-21~/2024-09-30~",
        ),
    ],
)
def test_approximate_and_uncertain_dates_say_so(text, qualifier, label, edtf):
    fuzzy = parse_fuzzy_date(text)
    assert fuzzy.qualifier == qualifier
    assert (fuzzy.label, fuzzy.edtf) == (label, edtf)
    assert parse_fuzzy_date(fuzzy.edtf) == fuzzy


def test_day_range_across_months_and_years_names_both_ends():
    assert FuzzyDate.day_range(date(2024, 6, 30), date(2024, 7, 2)).label == (
        "30 Jun \u2013 2 Jul 2024"
    )
    assert FuzzyDate.day_range(date(2024, 12, 30), date(2025, 1, 2)).label == (
        "30 Dec 2024 \u2013 2 Jan 2025"
    )


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("", "text"),
        ("   ", "text"),
        ("yesterday", "text"),
        ("31 Feb 2024", "text"),
        ("2024-13", "text"),
        ("9-8 Jul 2024", "end"),
        ("2024-10-26/2024-10-01", "end"),
    ],
)
def test_unreadable_or_impossible_text_is_refused_with_a_message(text, field):
    with pytest.raises(FuzzyDateError) as error:
        parse_fuzzy_date(text)
    assert error.value.field == field
    assert error.value.message


@pytest.mark.parametrize(
    ("start", "end", "precision"),
    [
        (date(2024, 10, 26), date(2024, 10, 27), P.DAY),
        (date(2024, 10, 26), date(2024, 10, 26), P.DAY_RANGE),
        (date(2024, 9, 20), date(2024, 9, 30), P.PART_OF_MONTH),
        (date(2024, 9, 21), date(2024, 10, 1), P.PART_OF_MONTH),
        (date(2024, 8, 2), date(2024, 8, 31), P.MONTH),
        (date(2024, 8, 1), date(2024, 8, 30), P.MONTH),
        (date(2025, 2, 1), date(2025, 4, 30), P.QUARTER),
        (date(2025, 1, 1), date(2025, 3, 30), P.QUARTER),
        (date(2023, 1, 2), date(2023, 12, 31), P.YEAR),
        (date(2023, 1, 1), date(2024, 12, 31), P.YEAR),
    ],
)
def test_a_range_its_precision_cannot_describe_is_refused(start, end, precision):
    with pytest.raises(FuzzyDateError) as error:
        FuzzyDate(start, end, precision)
    assert error.value.field == "precision"


def test_end_before_start_is_refused_on_the_end():
    with pytest.raises(FuzzyDateError) as error:
        FuzzyDate(date(2024, 10, 26), date(2024, 10, 25), P.DAY_RANGE)
    assert error.value.field == "end"


def test_from_range_picks_the_named_precision_that_fits_exactly():
    assert FuzzyDate.from_range(date(2024, 9, 21), date(2024, 9, 30)).precision == P.PART_OF_MONTH
    assert FuzzyDate.from_range(date(2024, 1, 1), date(2024, 12, 31)).precision == P.YEAR
    assert FuzzyDate.from_range(date(2024, 7, 8), date(2024, 7, 9)).precision == P.DAY_RANGE
    assert FuzzyDate.from_range(date(2024, 7, 8), date(2024, 7, 8)).precision == P.DAY


def test_chronological_order_is_start_then_more_precise_then_end():
    year = FuzzyDate.year(2024)
    quarter = FuzzyDate.quarter(2024, 1)
    month = FuzzyDate.month(2024, 1)
    early = FuzzyDate.part_of_month(2024, 1, "early")
    long_range = FuzzyDate.day_range(date(2024, 1, 1), date(2024, 1, 15))
    day = FuzzyDate.day(date(2024, 1, 1))
    next_day = FuzzyDate.day(date(2024, 1, 2))
    shuffled = [next_day, year, month, long_range, quarter, day, early]
    assert sorted(shuffled) == [day, long_range, early, month, quarter, year, next_day]


def test_late_september_overlaps_25_september():
    late_september = parse_fuzzy_date("late Sep 2024")
    assert late_september.overlaps(date(2024, 9, 25), date(2024, 9, 25))
    assert late_september.overlaps(date(2024, 9, 30), None)
    assert not late_september.overlaps(date(2024, 10, 1), None)
    assert not late_september.overlaps(None, date(2024, 9, 20))


def test_a_year_overlaps_any_filter_that_touches_it():
    year = FuzzyDate.year(2023)
    assert year.overlaps(date(2023, 12, 31), date(2024, 6, 1))
    assert not year.overlaps(date(2024, 1, 1), date(2024, 6, 1))


def test_contains_is_inclusive_at_both_ends():
    august = FuzzyDate.month(2024, 8)
    assert august.contains(date(2024, 8, 1)) and august.contains(date(2024, 8, 31))
    assert not august.contains(date(2024, 9, 1))


def test_precision_slugs_name_the_precision_for_urls_and_exports():
    assert [p.slug for p in P] == [
        "day",
        "day_range",
        "part_of_month",
        "month",
        "quarter",
        "year",
    ]
    assert P.from_slug("part_of_month") == P.PART_OF_MONTH
    with pytest.raises(FuzzyDateError):
        P.from_slug("fortnight")


# Numeric days and publication moments ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("13/07/2019", date(2019, 7, 13)),
        ("07/13/2019", date(2019, 7, 13)),
        ("07.07.2019", date(2019, 7, 7)),
        ("25-12-2019", date(2019, 12, 25)),
    ],
)
def test_a_numeric_day_that_reads_one_way_only_is_accepted(text, day):
    assert parse_fuzzy_date(text) == FuzzyDate.day(day)


@pytest.mark.parametrize("text", ["07/09/2019", "7.9.2019", "09-07-2019"])
def test_a_numeric_day_that_reads_both_ways_is_refused_naming_both(text):
    with pytest.raises(FuzzyDateError) as refused:
        parse_fuzzy_date(text)
    assert "7 Sep 2019" in refused.value.message and "9 Jul 2019" in refused.value.message
    assert "either order" in refused.value.message


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("9 Jul 2019", datetime(2019, 7, 9, tzinfo=UTC)),
        ("July 9, 2019", datetime(2019, 7, 9, tzinfo=UTC)),
        ("9 Jul 2019 04:15", datetime(2019, 7, 9, 4, 15, tzinfo=UTC)),
        ("July 9, 2019 at 4:15 pm", datetime(2019, 7, 9, 16, 15, tzinfo=UTC)),
        ("2019-07-09", datetime(2019, 7, 9, tzinfo=UTC)),
        ("2019-07-09T04:15:00+03:00", datetime(2019, 7, 9, 1, 15, tzinfo=UTC)),
    ],
)
def test_a_publication_moment_takes_the_date_grammar_and_an_optional_time(text, moment):
    assert parse_moment(text) == moment


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("07/09/2019", "either order"),
        ("Jul 2019", "one exact day"),
        ("c. 9 Jul 2019", "one exact day"),
        ("9 Jul 2019 25:61", "no such time"),
        ("", "Enter a date"),
    ],
)
def test_a_publication_moment_that_is_not_one_day_is_refused_saying_why(text, words):
    with pytest.raises(FuzzyDateError) as refused:
        parse_moment(text)
    assert words in refused.value.message


def test_a_moment_reads_back_as_typed():
    assert moment_label(parse_moment("9 Jul 2019")) == "9 Jul 2019"
    assert moment_label(parse_moment("9 Jul 2019 04:15")) == "9 Jul 2019 04:15"
