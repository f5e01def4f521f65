"""Event types from the words that report them: "met", "visited", "talks", "phone call",
"signed", "approved", "bombed", ... mapped to the event types of DOMAIN.md.

When a clause holds several, the more specific frame wins: a visit during which agreements
were approved is a visit, talks by phone are a call, a meeting at a summit is a summit
unless it was held "on the sidelines" of it. The words are found with one Aho-Corasick pass,
like the names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from events.event_types import EventType as T


def _forms(*stems: str) -> list[str]:
    """ "visit|s|ed|ing" -> visit, visits, visited, visiting."""
    words = []
    for stem in stems:
        head, *endings = stem.split("|")
        words.extend([head, *(head + ending for ending in endings)] if endings else [head])
    return words


# The words of each type, most specific type first: this order is the priority between types.
TRIGGERS: list[tuple[str, list[str]]] = [
    (
        T.SUMMIT,
        # Not "G7" or "BRICS" alone: "a G7 leader" is no summit.
        _forms("summit|s", "conference|s", "forum|s", "ministerial"),
    ),
    (
        T.VISIT,
        _forms(
            "visit|s|ed|ing", "trip|s", "tour|s|ed", "state visit", "travel to",
            "travels to", "traveled to", "travelled to", "traveling to", "travelling to",
            "arrived in", "arrives in", "arriving in", "landed in", "flew to",
        ),
    ),
    (
        T.CALL,
        [
            f"{medium} {kind}"
            for medium in ("phone", "telephone", "video")
            for kind in ("call", "calls", "conversation", "conversations", "talks")
        ]
        + _forms(
            "call with", "calls with", "spoke by phone", "spoke by telephone",
            "spoke on the phone", "phoned", "held a call", "had a call", "videoconference",
            "video conference", "video link",
        ),
    ),
    (
        T.STRIKE,
        _forms(
            "bomb|ed|ing|ings|s", "air strike|s", "airstrike|s", "missile strike|s",
            "missile attack|s", "drone strike|s", "drone attack|s", "rocket attack|s", "struck",
            "shelled",
        ),
    ),
    (
        T.ATTACK,
        _forms(
            "attack|s|ed", "assault|s|ed", "offensive", "raid|s|ed", "invaded", "invasion",
            "incursion",
        ),
    ),
    (
        T.SANCTION,
        _forms(
            "sanction|s|ed", "embargo", "blacklist|ed", "expel|led|s", "imposed tariffs",
            "export ban",
        ),
    ),
    (
        T.AGREEMENT,
        _forms(
            "sign|ed|s|ing", "ink|ed|s", "ratify", "ratified", "ratifies", "approve|d|s",
            "concluded", "agreement|s", "deal|s", "treaty", "treaties", "memorandum",
            "memoranda", "accord|s", "mou|s", "pact|s", "struck a deal", "struck an agreement",
            "reached an agreement", "reached a deal",
        ),
    ),
    (
        T.APPOINTMENT,
        _forms(
            "appointed", "was named", "were named", "been named", "sworn in", "nominated",
            "took office", "inaugurated", "dismissed", "resigned",
        ),
    ),
    (T.ELECTION, _forms("election|s", "elected", "re-elected", "referendum", "polls")),
    (T.AID, _forms("aid", "assistance", "pledged", "donated", "grant|s", "aid package")),
    (
        T.COOPERATION,
        _forms(
            "delivered", "supplied", "shipped", "joint exercise|s", "joint drill|s",
            "joint production", "exercises", "drills",
        ),
    ),
    (
        T.TALKS,
        _forms(
            "talks", "talked", "discussed", "discusses", "discussion|s", "negotiated",
            "negotiation|s", "negotiating", "consultation|s", "dialogue",
        ),
    ),
    (
        T.MEETING,
        _forms(
            "met", "meet|s|ing|ings", "hosted", "sat down with", "gathered", "received",
            "welcomed", "welcomes", "courtesy call", "paid a call on", "paid a courtesy call on",
        ),
    ),
    (
        T.STATEMENT,
        _forms(
            "statement|s", "announced", "declared", "condemned", "warned", "called for",
            "called on", "urged", "press conference", "news conference", "told reporters",
            "said", "says",
        ),
    ),
]  # fmt: skip
PRIORITY = {event_type: rank for rank, (event_type, _) in enumerate(TRIGGERS)}
# Families whose mentions of one event may continue each other across sentences.
CONSULT = frozenset({T.MEETING, T.TALKS, T.CALL, T.VISIT, T.SUMMIT})


def _automaton():
    words: dict[str, str] = {}
    for event_type, phrases in TRIGGERS:
        for phrase in phrases:
            words.setdefault(phrase, event_type)  # a word keeps its most specific type
    automaton = ahocorasick.Automaton()
    for phrase, event_type in words.items():
        automaton.add_word(phrase, (len(phrase), event_type))
    automaton.make_automaton()
    return automaton


_WORDS = _automaton()
# "to visit", "to sign": a purpose or an invitation, not an event, unless announced.
_INFINITIVE = re.compile(r"\bto\s+$", re.IGNORECASE)
_ANNOUNCING = re.compile(
    r"\b(?:expected|due|set|scheduled|plans?|planning|planned|going|intends?|intend|agreed"
    r"|is|are|will|would)\s+to\s+$",
    re.IGNORECASE,
)
_SIDELINES = re.compile(r"\b(?:sidelines?|margins?)\s+of\s+(?:the\s+)?[\w\s-]{0,40}$", re.I)


_ARTICLE = re.compile(r"\b(?:the|a|an|his|her|their|its)\s+$", re.IGNORECASE)
_CALLED_ON = re.compile(r"calls?\s+on|called\s+on")
# Where the object of "called on" ends: a place, a time, the clause's end.
_OBJECT_END = re.compile(
    r"[,.;:]|\s(?:in|on|at|during|while|before|after|and\s+(?:invited|discussed|held|handed"
    r"|conveyed|briefed|thanked|presented))\s",
    re.IGNORECASE,
)


def _appeal(text: str, end: int) -> bool:
    """Whether "called on" at `end` is an appeal ("called on Iran to release ...", "called
    on all sides for restraint") rather than a courtesy call on a person."""
    rest = text[end : end + 160]
    stop = _OBJECT_END.search(rest)
    segment = rest[: stop.start()] if stop else rest
    return bool(re.search(r"\s(?:to|for)\s", segment + " "))


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    text: str
    type: str


def find_triggers(text: str) -> list[Trigger]:
    """Words of `text` that report an event, with their type, in order; where two overlap
    the longer wins ("missile attack" over "attack", "press conference" over "conference")."""
    lowered = text.lower() if len(text.lower()) == len(text) else text
    matches = []
    for end, (length, event_type) in _WORDS.iter(lowered):
        start = end - length + 1
        if (start > 0 and text[start - 1].isalnum()) or (
            end + 1 < len(text) and (text[end + 1].isalnum() or text[end + 1] == "-")
        ):
            continue
        matches.append((start, end + 1, event_type))
    matches.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    found, reach = [], -1
    for start, end, event_type in matches:
        if start < reach:
            continue  # inside a longer trigger that starts earlier or at the same place
        before = text[max(0, start - 80) : start]
        if _INFINITIVE.search(before) and not _ANNOUNCING.search(before):
            continue
        if event_type == T.SUMMIT and _SIDELINES.search(before):
            continue
        if lowered[start:end] == "visiting" and _ARTICLE.search(before):
            continue  # "received the visiting Peruvian minister": who, not what happened
        if event_type == T.STATEMENT and _CALLED_ON.fullmatch(lowered[start:end]):
            # "called on the Indian prime minister in New Delhi" is a visit's courtesy call;
            # "called on Iran to release ..." an appeal.
            if not _appeal(text, end):
                event_type = T.MEETING
        found.append(Trigger(start, end, text[start:end], event_type))
        reach = end
    return found


# Types that frame whatever else the clause reports: talks during a visit make a visit, a
# meeting at a summit a summit, a discussion by phone a call.
FRAMES = (T.SUMMIT, T.VISIT, T.CALL)


def choose_type(triggers: list[Trigger]) -> str | None:
    """The event type a clause reports: a framing type (summit, visit, call) if it names
    one; else its first trigger, which is usually the main verb ("met ... as he pressed
    Congress to approve more aid" is a meeting); a statement only when nothing else is
    reported."""
    if not triggers:
        return None
    types = [t.type for t in triggers]
    for frame in FRAMES:
        if frame in types:
            return frame
    return next((t for t in types if t != T.STATEMENT), T.STATEMENT)


def definite_reference(text: str) -> str | None:
    """The type of event a clause opens by referring back to ("The visit included ..."):
    a definite trigger noun as its subject."""
    match = re.match(
        r"\s*(?:The|This|That|Their|His|Her)\s+(?:\w+\s+){0,2}?"
        r"(visit|trip|meeting|talks|call|conversation|summit|discussions?|negotiations)\b",
        text,
    )
    if match is None:
        return None
    return {
        "visit": T.VISIT,
        "trip": T.VISIT,
        "meeting": T.MEETING,
        "call": T.CALL,
        "conversation": T.CALL,
        "summit": T.SUMMIT,
    }.get(match.group(1).lower(), T.TALKS)
