"""The project's event types, and how each maps onto the coding schemes of event data.

PLOVER (and POLECAT, which codes with it) names an event and a mode; CAMEO (GDELT, ICEWS)
names a two-digit root. Mapping our plain types onto both lets our records meet those data
sets. Where a scheme has no category (PLOVER dropped CAMEO's "make public statement"; neither
codes appointments or elections) the code is None rather than a misleading near miss.
"""

from dataclasses import dataclass

from django.db import models


class EventType(models.TextChoices):
    MEETING = "meeting", "meeting"
    VISIT = "visit", "visit"
    CALL = "call", "phone or video call"
    SUMMIT = "summit", "summit or multilateral meeting"
    TALKS = "talks", "talks or negotiations"
    AGREEMENT = "agreement", "agreement signed or approved"
    STATEMENT = "statement", "statement"
    APPOINTMENT = "appointment", "appointment"
    AID = "aid", "aid"
    COOPERATION = "cooperation", "material cooperation"
    SANCTION = "sanction", "sanction"
    ATTACK = "attack", "attack (context)"
    STRIKE = "strike", "missile or air strike (context)"
    ELECTION = "election", "election (context)"
    OTHER = "other", "other context"


@dataclass(frozen=True)
class Coding:
    plover_event: str | None
    plover_mode: str | None
    cameo_root: str | None
    is_context: bool = False  # not diplomacy itself, but what explains it


CODINGS: dict[str, Coding] = {
    EventType.MEETING: Coding("CONSULT", None, "04"),
    EventType.VISIT: Coding("CONSULT", "visit", "04"),
    EventType.CALL: Coding("CONSULT", "phone", "04"),
    EventType.SUMMIT: Coding("CONSULT", "multilateral", "04"),
    EventType.TALKS: Coding("CONSULT", None, "04"),
    EventType.AGREEMENT: Coding("SUPPORT", None, "05"),
    EventType.STATEMENT: Coding(None, None, "01"),
    EventType.APPOINTMENT: Coding(None, None, None),
    EventType.AID: Coding("AID", None, "07"),
    EventType.COOPERATION: Coding("COOPERATE", None, "06"),
    EventType.SANCTION: Coding("SANCTION", None, "16"),
    EventType.ATTACK: Coding("ASSAULT", None, "19", is_context=True),
    EventType.STRIKE: Coding("ASSAULT", "aerial", "19", is_context=True),
    EventType.ELECTION: Coding(None, None, None, is_context=True),
    EventType.OTHER: Coding(None, None, None, is_context=True),
}

# What an announced, not yet held, event codes as: PLOVER's AGREE covers a promise or a
# planned meeting; CAMEO's root 03 is "express intent to cooperate".
PLANNED = Coding("AGREE", None, "03")


# What a called-off event codes as: the PLOVER manual (PLOVER_MANUAL.tex, SANCTION's
# ambiguities) codes "Cancellation of meetings" as REJECT; CAMEO's root 12 is "reject".
# Only types that code as something when they happen: a cancelled statement is nothing.
CANCELLED = Coding("REJECT", None, "12")


def coding_for(event_type: str, planned: bool = False, cancelled: bool = False) -> Coding:
    """How an event of `event_type` codes in PLOVER and CAMEO: announced ones as AGREE,
    cancelled ones as REJECT, never as if they had happened."""
    coding = CODINGS[EventType(event_type)]
    if planned:
        return PLANNED
    if cancelled and coding.plover_event is not None:
        return CANCELLED
    return coding


# Topics (by slug) as PLOVER contexts (PLOVER_MANUAL.tex, "General contexts"): what an
# event was about, in the words PLOVER data is filtered by. Topics without one (culture,
# education) are in the export's own `topics` only.
TOPIC_CONTEXTS = {
    "trade": "economic",
    "economy": "economic",
    "economic-cooperation": "economic",
    "finance": "economic",
    "investment": "economic",
    "reconstruction": "economic",
    "defense-industry": "military",
    "defense": "military",
    "defence": "military",
    "military": "military",
    "security": "military",
    "energy": "natural_resource",
    "natural-resources": "natural_resource",
    "technology": "technology",
    "health": "health",
    "migration": "migration",
    "refugees": "migration",
    "environment": "environment",
    "climate": "environment",
    "human-rights": "human_rights",
    "humanitarian-aid": "human_security",
    "food-security": "human_security",
    "terrorism": "terrorism",
    "nuclear": "cbrn",
    "cyber": "cyber",
    "elections": "election",
    "law": "legal",
    "territory": "territory",
    "corruption": "corruption",
    "disinformation": "misinformation",
    "intelligence": "intelligence",
}


def topic_contexts(topics, diplomatic: bool = True) -> list[str]:
    """The PLOVER contexts of an event's topic slugs; `diplomatic` (diplomacy itself,
    not a context event such as a strike) adds PLOVER's "diplomatic"."""
    contexts = ["diplomatic"] if diplomatic else []
    for slug in topics:
        context = TOPIC_CONTEXTS.get(slug)
        if context and context not in contexts:
            contexts.append(context)
    return contexts
