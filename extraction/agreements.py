"""Agreement candidates: memoranda of understanding, treaties, accords, agreements and deals
an article mentions, with their parties (countries), date and status, for an editor to
save as agreements (events.services.agreement_save), signed at an event candidate when
the same sentence reports one.

One candidate per sentence that names an agreement between countries; a later "the
agreement" or "the deal" of the same kind refers back to it and makes none."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from events.dates import FuzzyDate
from events.models import Agreement, AgreementStatus
from extraction.candidates import _ANNOUNCED, Candidate
from extraction.date_phrases import find_date_phrases
from extraction.gazetteer import Gazetteer, get_gazetteer
from extraction.sentences import split_sentences

K = Agreement.Kind

_MENTION = re.compile(
    r"\b(?P<mou>memorand(?:um|a)\s+of\s+understanding|MoUs?\b|MOUs?\b)"
    r"|\b(?P<treaty>treat(?:y|ies))\b"
    r"|\b(?P<joint>joint\s+(?:statement|declaration|communiqu[eé]))\b"
    r"|\b(?P<roadmap>road\s?map)\b"
    r"|\b(?P<agreement>accords?|agreements?|deals?|pacts?)\b",
    re.IGNORECASE,
)
_KINDS = {
    "mou": K.MOU,
    "treaty": K.TREATY,
    "joint": K.JOINT_STATEMENT,
    "roadmap": K.ROADMAP,
    "agreement": K.AGREEMENT,
}
# What the agreement is about: "on digital payments", "for visa exemption".
_SUBJECT = re.compile(
    r"^\s+(?:on|for|in\s+the\s+field\s+of|covering|to\s+boost)\s+"
    r"(?P<subject>(?:(?!(?:that|which|between|with|signed|was|were|is|in|last|during|at|by"
    r"|and\s+(?:a|an|the))\b)[\w'-]+\s*){1,6})",
    re.IGNORECASE,
)
_SIGNED = re.compile(
    r"\b(?:sign(?:ed|s|ing)?|ink(?:ed|s)?|conclud(?:ed|es)|clinch(?:ed|es)|struck|seal(?:ed|s)"
    r"|exchang(?:ed|es))\b",
    re.IGNORECASE,
)
_NEGOTIATING = re.compile(
    r"\b(?:negotiat(?:e|es|ing|ions?)|talks\s+on|working\s+on|finalis|finaliz|draft)\w*",
    re.IGNORECASE,
)
_RATIFIED = re.compile(r"\bratif(?:ied|ies|y)\b", re.IGNORECASE)
_IN_FORCE = re.compile(r"\b(?:entered|enters|came|comes)\s+into\s+force\b", re.IGNORECASE)
_REFERS_BACK = re.compile(r"(?:\bthe|\bthis|\bthat|\bsuch)\s+(?:\w+\s+)?$", re.IGNORECASE)


@dataclass
class AgreementCandidate:
    """An agreement the text mentions, as a first draft for an editor."""

    sentence: str
    start: int  # where the mention is in the text
    end: int
    kind: str
    title: str
    parties: list[str]  # alpha-2 codes
    status: str  # an AgreementStatus value, or "" when the text does not say
    date: FuzzyDate | None
    date_text: str
    event: int | None  # index of the event candidate reporting its signature

    def as_dict(self) -> dict:
        return {
            "kind": str(self.kind),
            "title": self.title,
            "parties": list(self.parties),
            "status": str(self.status),
            "date_label": self.date.label if self.date else None,
            "date_text": self.date_text,
            "event": self.event,
            "sentence": self.sentence,
        }


def find_agreements(
    text: str,
    published: date,
    candidates: list[Candidate] = (),
    gazetteer: Gazetteer | None = None,
) -> list[AgreementCandidate]:
    """The agreements `text` mentions between countries, read as of `published`; each is
    tied to the event candidate (of `candidates`) whose excerpt holds its sentence."""
    gazetteer = gazetteer or get_gazetteer()
    entities, _ = gazetteer.find(text)
    countries = [m for m in entities if m.kind == "country"]
    phrases = find_date_phrases(text)
    found: list[AgreementCandidate] = []
    for sentence in split_sentences(text):
        mention = _MENTION.search(sentence.text)
        if mention is None:
            continue
        kind = _KINDS[mention.lastgroup]
        before = sentence.text[: mention.start()]
        if _REFERS_BACK.search(before) and any(a.kind == kind for a in found):
            continue
        start, end = sentence.start + mention.start(), sentence.start + mention.end()
        event = _event_of(candidates, start)
        parties = list(
            dict.fromkeys(m.value for m in countries if sentence.start <= m.start < sentence.end)
        )
        if len(parties) < 2 and event is not None:
            parties = list(dict.fromkeys([*parties, *candidates[event].countries]))
        if not parties:
            continue
        status = _status(sentence.text)
        fuzzy, date_text = _date(sentence, phrases, published, status, start)
        if fuzzy is None and event is not None:
            fuzzy, date_text = candidates[event].date, candidates[event].date_text
        subject = _SUBJECT.match(sentence.text[mention.end() :])
        found.append(
            AgreementCandidate(
                sentence=sentence.text,
                start=start,
                end=end,
                kind=kind,
                title=_title(kind, subject, parties, gazetteer.countries),
                parties=parties,
                status=status,
                date=fuzzy,
                date_text=date_text,
                event=event,
            )
        )
    return found


def _event_of(candidates, offset: int) -> int | None:
    for index, candidate in enumerate(candidates):
        spans = candidate.spans or [(candidate.start, candidate.end)]
        if any(start <= offset < end for start, end in spans):
            return index
    return None


def _status(sentence: str) -> str:
    if _IN_FORCE.search(sentence):
        return AgreementStatus.IN_FORCE
    if _RATIFIED.search(sentence):
        return AgreementStatus.RATIFIED
    announced = _ANNOUNCED.search(sentence)
    if _SIGNED.search(sentence):
        # "will sign", "are expected to sign": proposed until it is signed.
        return AgreementStatus.PROPOSED if announced else AgreementStatus.SIGNED
    if _NEGOTIATING.search(sentence) or announced:
        return AgreementStatus.PROPOSED
    return ""


def _date(sentence, phrases, published, status, offset):
    """The date phrase of the sentence nearest the mention, resolved."""
    inside = [p for p in phrases if sentence.start <= p.start < sentence.end and not p.relation]
    announced = status == AgreementStatus.PROPOSED
    for phrase in sorted(inside, key=lambda p: abs(p.start - offset)):
        fuzzy = phrase.resolve(published, announced)
        if fuzzy is not None:
            return fuzzy, phrase.text
    return None, ""


def _title(kind, subject, parties, names: dict[str, str]) -> str:
    label = Agreement.Kind(kind).label
    label = label[0].upper() + label[1:]
    if subject is not None:
        return f"{label} on {' '.join(subject.group('subject').split())}"
    listed = [names.get(code, code) for code in parties]
    between = " and ".join([", ".join(listed[:-1]), listed[-1]] if len(listed) > 1 else listed)
    return f"{label} between {between}"
