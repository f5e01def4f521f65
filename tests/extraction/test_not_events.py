"""What is not an event of the story (issue 15): when someone took office, a swearing-in
read as a meeting, and the page around the report (links, bylines, time stamps, section
headers). The texts are written for these tests."""

from datetime import date

import pytest

from extraction.extract import extract_candidates

pytestmark = pytest.mark.usefixtures("seeded")


def read(text, published):
    return [
        (c.date.start.isoformat(), str(c.event_type), sorted(c.countries))
        for c in extract_candidates(text, published)
    ]


def test_taking_office_neither_dates_nor_types_the_event():
    text = (
        "The Ghanaian president, who has worked closely with Togo since he took office "
        "in January 2017, received its prime minister in Accra on Monday."
    )
    assert read(text, date(2019, 6, 12)) == [("2019-06-10", "meeting", ["GH", "TG"])]


def test_a_swearing_in_is_an_appointment():
    text = "Ghana's new foreign minister was sworn in on Tuesday in Accra."
    assert read(text, date(2023, 10, 6)) == [("2023-10-03", "appointment", ["GH"])]


@pytest.mark.parametrize(
    "furniture",
    [
        "Related: Top 10 moments of Turkish diplomacy in 2020",
        "Read more: How Turkey mediated in 2020",
        "Top 5 Turkish foreign policy stories of 2020",
        "By Staff Reporter | Updated 15 February 2021",
        "Turkey | Published 15 February 2021, 09:15 GMT",
        "Updated: 15 February 2021 - Turkey desk",
        "(Photo: Turkish foreign ministry, 2020)",
        "By Jane Roe, Reuters",
        "By Jane Roe and John Doe | 15 February 2021",
    ],
)
def test_page_furniture_is_no_event(furniture):
    text = f"{furniture}\nThe Norwegian foreign minister visited Colombia on Friday.\n{furniture}"
    assert read(text, date(2021, 2, 15)) == [("2021-02-12", "visit", ["CO", "NO"])]


def test_a_dateline_after_the_pages_header_is_still_a_dateline():
    text = (
        "Turkey | Updated 3 March 2022, 09:15 GMT\n"
        "ANKARA, March 3 - The foreign minister will travel to Cairo on March 9."
    )
    assert read(text, date(2022, 3, 3)) == [("2022-03-09", "visit", ["EG", "TR"])]


def test_a_sentence_that_opens_with_by_is_not_a_byline():
    text = "By Friday, the Chilean president had visited Argentina."
    assert [row[2] for row in read(text, date(2024, 3, 4))] == [["AR", "CL"]]
