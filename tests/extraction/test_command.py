"""`extract_events` and the input checks it shares with the API: JSON or a table for good
input, a clear message and nothing saved for bad input."""

import io
import json
import sys
from datetime import UTC, date, datetime

import pytest
from django.core.management import CommandError, call_command

from events.models import Event
from extraction.extract import (
    MAX_TEXT_CHARS,
    ExtractionInputError,
    NoEventsFound,
    clean_input,
    extract_from_input,
)
from tests.seed_article import seed_article_text

pytestmark = pytest.mark.usefixtures("seeded")


@pytest.fixture
def seed_file(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(seed_article_text(), encoding="utf-8")
    return path


def run(*args, stdin=None):
    out = io.StringIO()
    if stdin is not None:
        sys.stdin, saved = io.StringIO(stdin), sys.stdin
    try:
        call_command("extract_events", *args, stdout=out)
    finally:
        if stdin is not None:
            sys.stdin = saved
    return out.getvalue()


def test_json_lists_one_object_per_candidate_with_the_documented_keys(seed_file):
    rows = json.loads(run(str(seed_file), "--published", "2024-10-27", "--format", "json"))
    first = rows[0]
    assert (first["date_start"], first["date_end"], first["date_precision"]) == (
        "2024-10-26",
        "2024-10-26",
        "day",
    )
    assert (first["countries"], first["officials"], first["event_type"]) == (
        ["UA", "IN"],
        ["Herman Smetanin", "Ravi Shankar"],
        "meeting",
    )
    assert "Oct. 26" in first["sentence"]


def test_without_format_json_it_prints_a_table(seed_file):
    output = run(str(seed_file), "--published", "2024-10-27")
    header, first, *_ = output.splitlines()
    assert header.split()[:4] == ["date", "precision", "type", "status"]
    assert first.startswith("26 Oct 2024") and "Herman Smetanin, Ravi Shankar" in first


def test_a_dash_reads_standard_input():
    rows = json.loads(
        run("-", "--published", "2024-10-27", "--format", "json", stdin=seed_article_text())
    )
    assert len([r for r in rows if not r["background"]]) == 5


@pytest.mark.parametrize(
    "stdin, published, message",
    [
        ("", "2024-10-27", "The text is empty"),
        ("   \n\t", "2024-10-27", "The text is empty"),
        ("Ukraine and India talked about trade.", "2024-10-27", "Found no dated event"),
        ("Modi visited Kyiv on Aug. 23.", "27/10/2024", "Could not read the publication date"),
        ("Modi visited Kyiv on Aug. 23.", "2024-02-30", "Could not read the publication date"),
        ("a" * (5 * 1024 * 1024), "2024-10-27", "longer than 100,000 characters"),
    ],
)
def test_bad_input_is_a_command_error_and_saves_nothing(stdin, published, message):
    events = Event.objects.count()
    with pytest.raises(CommandError, match=message):
        run("-", "--published", published, stdin=stdin)
    assert Event.objects.count() == events


def test_a_missing_file_is_a_command_error():
    with pytest.raises(CommandError, match="No such file"):
        run("/nonexistent/article.txt", "--published", "2024-10-27")


def test_input_checks_name_the_field_at_fault():
    with pytest.raises(ExtractionInputError) as error:
        clean_input("text", "yesterday")
    assert error.value.field == "published"
    with pytest.raises(ExtractionInputError) as error:
        clean_input(None, "2024-10-27")
    assert error.value.field == "text"
    with pytest.raises(ExtractionInputError):
        clean_input("x" * (MAX_TEXT_CHARS + 1), "2024-10-27")
    with pytest.raises(NoEventsFound):
        extract_from_input("Nothing happened.", "2024-10-27")


def test_the_publication_date_may_be_a_date_a_datetime_or_iso_text():
    expected = date(2024, 10, 27)
    for value in (
        expected,
        "2024-10-27",
        "2024-10-27T04:15:00+02:00",
        datetime(2024, 10, 27, 2, 15, tzinfo=UTC),
    ):
        assert clean_input("text", value).published == expected


def test_a_publication_time_with_an_offset_is_dated_in_the_project_time_zone(settings):
    settings.TIME_ZONE = "UTC"
    # 01:15 in Kyiv on the 27th is still the 26th in UTC, as a stored published_at is.
    assert clean_input("text", "2024-10-27T01:15:00+02:00").published == date(2024, 10, 26)
    assert clean_input("text", datetime(2024, 10, 26, 23, 15, tzinfo=UTC)).published == date(
        2024, 10, 26
    )
    assert clean_input("text", "2024-10-27").published == date(2024, 10, 27)


def test_the_outlets_country_is_the_implied_side(tmp_path):
    path = tmp_path / "visit.txt"
    path.write_text("The president visited Tokyo on Monday to meet Japanese officials.")
    rows = json.loads(
        run(str(path), "--published", "2025-03-12", "--format", "json", "--home-country", "kr")
    )
    assert [(r["date_start"], sorted(r["countries"])) for r in rows] == [
        ("2025-03-10", ["JP", "KR"])
    ]
    with pytest.raises(CommandError, match="--home-country: XX"):
        run(str(path), "--published", "2025-03-12", "--home-country", "XX")
