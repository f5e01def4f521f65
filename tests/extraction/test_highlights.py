"""The article as the review page shows it: escaped, in paragraphs, every mention marked
with what it was read as."""

from datetime import date

import pytest

from extraction.highlights import marked_text, mentions

pytestmark = pytest.mark.usefixtures("seeded")


def test_the_text_is_escaped_and_its_mentions_marked():
    text = (
        "<script>alert(1)</script> Narendra Modi met Volodymyr Zelensky in Kyiv on Monday.\n"
        "A second paragraph."
    )
    html = marked_text(text, mentions(text, date(2025, 7, 9)))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'title="date: read as 7 Jul 2025">on Monday</mark>' in html
    assert 'mention-place" title="place: Ukraine">Kyiv</mark>' in html
    assert 'mention-person" title="person: recorded: Narendra Modi">Narendra Modi</mark>' in html
    assert html.count("<p>") == 2


def test_mentions_never_overlap():
    text = "Prime Minister Narendra Modi of India visited Ukraine on 23 August 2024."
    found = mentions(text, date(2024, 8, 25))
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    assert {m.kind for m in found} >= {"person", "country", "date"}
