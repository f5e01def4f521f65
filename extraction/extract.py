"""Extraction's entry point: candidate events of an article, from checked input."""

from extraction.agreements import AgreementCandidate, find_agreements
from extraction.candidates import Candidate, CandidatePerson, extract_candidates
from extraction.inputs import (
    MAX_TEXT_CHARS,
    ExtractionInput,
    ExtractionInputError,
    NoEventsFound,
    clean_input,
)


def extract_from_input(text, published, home_country=None) -> list[Candidate]:
    """Check the input, extract, and insist on a result: ExtractionInputError names what is
    wrong with empty, oversized or undated text and an unreadable publication date.
    `home_country` is the outlet's country (alpha-2), the side the text leaves implied."""
    checked = clean_input(text, published)
    candidates = extract_candidates(checked.text, checked.published, home_country=home_country)
    if not candidates:
        raise NoEventsFound(
            "Found no dated event in the text: no sentence names both a date (such as "
            "\u201con Oct. 26\u201d or \u201cin August\u201d) and a country or official."
        )
    return candidates


__all__ = [
    "MAX_TEXT_CHARS",
    "AgreementCandidate",
    "Candidate",
    "CandidatePerson",
    "ExtractionInput",
    "ExtractionInputError",
    "NoEventsFound",
    "clean_input",
    "extract_candidates",
    "extract_from_input",
    "find_agreements",
]
