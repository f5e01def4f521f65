"""Sentences and clauses with their offsets in the text.

A clause is the unit an event is read from: "The visit included a hug between the two leaders
on July 8, hours after Russia bombed the Okhmatdyt children's hospital" reports two events,
one a clause, and the second takes its date from the first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words whose trailing full stop does not end a sentence: "Oct. 26", "U.S. President".
ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat "
    "sun mr mrs ms dr st gen lt col maj capt sgt adm cmdr sen rep gov prof pres amb sec dept "
    "no nos vs etc jr sr inc corp ltd co approx est fig u.s u.k u.n e.u u.s.a a.m p.m".split()
)

# A parenthesis after a full stop stays with its sentence: a photo credit ends a caption.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018]?[A-Z\d])")
_WORD_BEFORE = re.compile(r"([\w.]+)\.?[\"'\u201d\u2019)\]]*$")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Span]:
    """Sentences of `text`, each with its offsets; paragraphs (line breaks) always end one."""
    sentences = []
    for paragraph in re.finditer(r"[^\n]+", text):
        offset, body = paragraph.start(), paragraph.group()
        start = 0
        for end_mark in _SENTENCE_END.finditer(body):
            if _is_abbreviation(body[start : end_mark.end()]):
                continue
            _append(sentences, body, offset, start, end_mark.end())
            start = end_mark.end()
        _append(sentences, body, offset, start, len(body))
    return sentences


def _is_abbreviation(head: str) -> bool:
    word = _WORD_BEFORE.search(head.rstrip())
    if word is None:
        return False
    token = word.group(1).rstrip(".").lower()
    # A single capital ("George W. Bush") is an initial, not a sentence end.
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _append(sentences: list[Span], body: str, offset: int, start: int, end: int) -> None:
    piece = body[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        begin = offset + start + lead
        sentences.append(Span(begin, begin + len(stripped), stripped))


# An opening adverbial that reports its own event: "Ahead of Modi's visit to Kyiv in August,
# the Indian prime minister visited Moscow".
_OPENING_CLAUSE = re.compile(
    r"^(?:Ahead of|After|Before|Following|Prior to|Days after|Days before|Weeks after"
    r"|Weeks before|Shortly after|Shortly before|Hours after|Hours before)\b[^,]{3,}?,\s+"
)
# Where a second event begins inside a sentence: ", hours after Russia bombed ...".
_CLAUSE_BREAK = re.compile(
    r"\s*;\s+|,\s+(?=(?:(?:just|only|some|about|several|a\s+few|\w+)\s+)?"
    r"(?:hours?|minutes?|days?|weeks?|months?|shortly|soon|moments?)\s+(?:after|before)\b)"
    r"|,\s+(?=(?:shortly|soon|just|right|moments|hours|days)\s+(?:after|before)\b)"
    r"|,\s+(?=(?:while|whereas|but)\b)"
)
# Where two date phrases of one clause are told apart: ", with trade reaching ... in 2023".
_BETWEEN_DATES = [
    re.compile(r",\s+(?=(?:with|and|while|as|after|before|following|ahead of|then)\b)"),
    re.compile(r"\s+(?=that\s)"),  # "agreed on Thursday that [they] will join on Jan. 1"
    re.compile(r",\s+"),
    re.compile(r"\s+(?=(?:and|after|before|following|ahead of|then)\s)"),
]


def split_clauses(sentence: Span) -> list[Span]:
    """The sentence's clauses, in order, each with offsets in the whole text."""
    cuts = []
    opening = _OPENING_CLAUSE.match(sentence.text)
    if opening:
        cuts.append(opening.end())
    cuts.extend(m.end() for m in _CLAUSE_BREAK.finditer(sentence.text))
    return _cut(sentence, sorted(set(cuts)))


def split_between(clause: Span, gaps: list[tuple[int, int]]) -> list[Span]:
    """Split `clause` once in each gap (offsets in the whole text) between two of its date
    phrases, at the best boundary the gap holds; a gap without one leaves the dates
    together."""
    cuts = []
    for gap_start, gap_end in gaps:
        text = clause.text[gap_start - clause.start : gap_end - clause.start]
        for pattern in _BETWEEN_DATES:
            boundaries = list(pattern.finditer(text))
            if boundaries:  # the last one before the second date
                cuts.append(gap_start - clause.start + boundaries[-1].end())
                break
    return _cut(clause, sorted(set(cuts)))


def _cut(span: Span, cuts: list[int]) -> list[Span]:
    pieces, start = [], 0
    for cut in [*cuts, len(span.text)]:
        piece = span.text[start:cut]
        stripped = piece.strip().rstrip(",;")
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            begin = span.start + start + lead
            pieces.append(Span(begin, begin + len(stripped), stripped))
        start = cut
    return pieces
