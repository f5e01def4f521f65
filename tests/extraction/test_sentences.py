"""Sentences and clauses: full stops of abbreviations do not end a sentence, a photo credit
stays with its caption, and a second event inside a sentence gets its own clause."""

from extraction.sentences import Span, split_clauses, split_sentences


def texts(spans):
    return [span.text for span in spans]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = "They met on Oct. 26 in the U.S. capital. George W. Bush spoke. Talks went on."
    assert texts(split_sentences(text)) == [
        "They met on Oct. 26 in the U.S. capital.",
        "George W. Bush spoke.",
        "Talks went on.",
    ]


def test_a_photo_credit_stays_with_its_caption_and_lines_end_sentences():
    text = "Smetanin meets Shankar. (Ministry of Ukraine/web)\nSmetanin met Shankar."
    assert texts(split_sentences(text)) == [
        "Smetanin meets Shankar. (Ministry of Ukraine/web)",
        "Smetanin met Shankar.",
    ]


def test_offsets_point_into_the_text():
    text = "First one.  Second one."
    for span in split_sentences(text):
        assert text[span.start : span.end] == span.text


def test_hours_after_opens_a_clause_of_its_own():
    sentence = Span(0, 0, "The hug came on July 8, hours after Russia bombed a hospital in Kyiv.")
    assert texts(split_clauses(sentence)) == [
        "The hug came on July 8",
        "hours after Russia bombed a hospital in Kyiv.",
    ]


def test_an_opening_adverbial_is_its_own_clause():
    sentence = Span(0, 0, "Ahead of his visit to Kyiv in August, Modi visited Moscow.")
    assert texts(split_clauses(sentence)) == [
        "Ahead of his visit to Kyiv in August",
        "Modi visited Moscow.",
    ]
