"""The review page's first values: what the reader found, set against what is recorded.

A candidate already saved from this source is shown as saved and not ticked; a person
recorded under another spelling is linked, never offered for creation; a call or meeting
within a visit's dates with the same people is proposed as part of it, its participants
taking the visit's roles (the visitor stays the visitor, the host country's people host).
Saving these values as they are therefore creates exactly what is new."""

from __future__ import annotations

from dataclasses import dataclass, field

from events.event_types import EventType
from events.models import Country, Participant
from extraction.agreements import AgreementCandidate
from extraction.candidates import Candidate
from extraction.forms import NEW, PART_OF
from extraction.matches import same_event, similar_events
from extraction.recorded import Recorded, known_official

R = Participant.Role
# What happens within a visit rather than being one.
_WITHIN_VISIT = {EventType.MEETING, EventType.CALL, EventType.TALKS, EventType.AGREEMENT}
_WITHIN_VISIT |= {EventType.STATEMENT, EventType.COOPERATION}


@dataclass
class Review:
    events: list[dict] = field(default_factory=list)
    event_offers: list[dict] = field(default_factory=list)
    participants: list[dict] = field(default_factory=list)
    people: list[dict] = field(default_factory=list)
    agreements: list[dict] = field(default_factory=list)
    agreement_offers: list[dict] = field(default_factory=list)


def review_of(
    candidates: list[Candidate],
    agreements: list[AgreementCandidate],
    recorded: Recorded,
    topic_pks: dict[str, int],
) -> Review:
    """The forms' initial values and offers for `candidates` and `agreements`."""
    review = Review()
    codes = {c for cand in candidates for c in cand.countries}
    codes |= {p.country for cand in candidates for p in cand.people if p.country}
    countries, _ = Country.objects.by_codes(sorted(codes))
    people: dict[str, dict] = {}
    wanted: set[str] = set()
    containers = [_container(candidates, i) for i in range(len(candidates))]
    similar = [
        similar_events(c.date, c.countries, [o.pk for o in c.officials], c.event_type)
        for c in candidates
    ]
    saved_events = recorded.saved_events(candidates, similar)
    for index, candidate in enumerate(candidates):
        matches, saved = similar[index], saved_events[index]
        linked = saved or next(
            (m for m in matches if same_event(m, candidate.date, candidate.event_type)), None
        )
        include = saved is None and not candidate.background
        review.event_offers.append({"matches": matches, "saved": saved})
        container = containers[index]
        review.events.append(
            {
                "include": include,
                "action": str(linked.public_id) if linked else NEW,
                "title": candidate.title,
                "type": candidate.event_type,
                "status": candidate.status,
                "date_text": candidate.date.label,
                "countries": ", ".join(candidate.countries),
                "topics": [topic_pks[s] for s in candidate.topics if s in topic_pks],
                "location": candidate.location,
                "location_country": candidate.location_country or "",
                "excerpt": candidate.sentence,
                "relation": PART_OF if container is not None else "",
                "relation_to": container + 1 if container is not None else None,
            }
        )
        visit = candidates[container] if container is not None else None
        for person in candidate.people:
            row = {
                "keep": True,
                "event": index,
                "name": person.name,
                "country": person.country or "",
                "role": _role(person, candidate, visit),
                "post": "",
            }
            official = person.official
            if official is None and person.proposal is not None:
                known = known_official(person.proposal.name, countries.get(person.country))
                if known is not None:
                    row.update(who=f"official:{known.pk}", name=known.name)
                else:
                    proposal = person.proposal
                    # The post is the new person's, set once in the people table.
                    row["who"] = f"new:{proposal.key}"
                    initial = people.setdefault(proposal.key, _person_initial(proposal))
                    if not initial["country"] and row["role"] == R.HOST and visit is not None:
                        # The host's people are of the host country when the text says
                        # no other.
                        initial["country"] = row["country"] = visit.location_country or ""
                    if include:
                        wanted.add(proposal.key)
            elif official is not None:
                row["who"] = f"official:{official.pk}"
            review.participants.append(row)
        named = {p.country for p in candidate.people}
        for code, role in candidate.country_roles.items():
            if code not in named:
                review.participants.append(
                    {"keep": True, "event": index, "who": "", "name": "", "country": code}
                    | {"role": str(role), "post": ""}
                )
    for key, initial in people.items():
        initial["create"] = key in wanted
        review.people.append(initial)
    # Events an agreement can be tied to as the page stands: saved with it, or recorded.
    signing = {i for i, e in enumerate(review.events) if e["include"] or e["action"] != NEW}
    for agreement in agreements:
        saved = recorded.agreement_for(agreement.sentence, agreement.kind, agreement.parties)
        review.agreement_offers.append({"saved": saved})
        review.agreements.append(
            {
                "include": saved is None,
                "excerpt": agreement.sentence,
                "title": agreement.title,
                "kind": agreement.kind,
                "parties": ", ".join(agreement.parties),
                # A status needs its date: without one the editor adds it or none is saved.
                "status": agreement.status if agreement.date else "",
                "date_text": agreement.date.label if agreement.date else "",
                "event": agreement.event + 1 if agreement.event in signing else None,
            }
        )
    return review


def _person_initial(proposal) -> dict:
    return {
        "key": proposal.key,
        "spelling": proposal.name,
        "name": proposal.name,
        "country": proposal.country or "",
        "post_title": proposal.post_title,
        "post_kind": proposal.post_kind,
        "accredited_to": proposal.accredited_to or "",
    }


def _container(candidates: list[Candidate], index: int) -> int | None:
    """The visit candidate that `candidates[index]` falls within: its dates inside the
    visit's, sharing a person or, with no person named, the countries."""
    candidate = candidates[index]
    if candidate.event_type not in _WITHIN_VISIT or candidate.background:
        return None
    keys = {p.key for p in candidate.people}
    for other_index, other in enumerate(candidates):
        if other_index == index or other.event_type != EventType.VISIT or other.background:
            continue
        if not (other.date.start <= candidate.date.start and candidate.date.end <= other.date.end):
            continue
        if keys & {p.key for p in other.people} or (
            not keys and set(candidate.countries) <= set(other.countries)
        ):
            return other_index
    return None


def _role(person, candidate: Candidate, visit: Candidate | None) -> str:
    """The extractor's role, or within a visit the role the person had in the visit."""
    if visit is None or person.role != R.PARTICIPANT:
        return str(person.role)
    for other in visit.people:
        if other.key == person.key:
            return str(other.role)
    host = visit.location_country
    visitors = {p.country for p in visit.people if p.role == R.VISITOR and p.country}
    # Not the visitor and of the host country, or of no stated country but not the
    # visitor's: "his Indian counterpart" receiving the visitor.
    if host and (person.country == host or (person.country is None and visitors)):
        return R.HOST
    return str(person.role)
