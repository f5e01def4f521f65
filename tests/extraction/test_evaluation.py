"""Recall on the evaluation set (evaluation_set.py): paragraphs on real diplomatic events,
with the date ranges and countries they should yield. Run with -s to see the report."""

import pytest

from extraction.extract import extract_candidates
from tests.extraction.evaluation_set import PARAGRAPHS

pytestmark = pytest.mark.usefixtures("seeded")

MINIMUM_RECALL = 0.9


def evaluate():
    """Per expected event: whether a candidate has its exact range and precision, whether
    that candidate names every expected country, and whether its type is the expected one."""
    rows, future = [], []
    for paragraph in PARAGRAPHS:
        candidates = extract_candidates(paragraph.text, paragraph.published)
        future += [
            (paragraph.name, c.date.label)
            for c in candidates
            if c.status == "held" and c.date.start > paragraph.published
        ]
        for expected in paragraph.events:
            same_dates = [
                c
                for c in candidates
                if (c.date.start.isoformat(), c.date.end.isoformat(), c.date.precision.slug)
                == (expected.start, expected.end, expected.precision)
            ]
            countries = [c for c in same_dates if expected.countries <= set(c.countries)]
            typed = [c for c in countries if not expected.type or c.event_type == expected.type]
            rows.append((paragraph.name, bool(same_dates), bool(countries), bool(typed)))
    return rows, future


def test_recall_of_dates_and_countries_is_at_least_90_percent():
    rows, _ = evaluate()
    total = len(rows)
    dates = sum(row[1] for row in rows) / total
    countries = sum(row[2] for row in rows) / total
    types = sum(row[3] for row in rows) / total
    missed = [row[0] for row in rows if not row[2]]
    print(
        f"\nevaluation set: {len(PARAGRAPHS)} paragraphs, {total} expected events\n"
        f"  date range and precision recall: {dates:.1%}\n"
        f"  date range with countries recall: {countries:.1%}\n"
        f"  ... and event type: {types:.1%}\n"
        f"  missed: {missed or 'none'}"
    )
    assert len(PARAGRAPHS) >= 15
    assert dates >= MINIMUM_RECALL, missed
    assert countries >= MINIMUM_RECALL, missed


def test_no_past_report_is_dated_after_its_publication():
    _, future = evaluate()
    assert future == []
