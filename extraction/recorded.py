"""What is already recorded that a reading of an article may name again: the records a
source's extraction saved (events citing it, agreements whose steps it is the source of),
and officials known under another spelling of a name the text gives ("Abdullah bin
Zayed" for "Sheikh Abdullah bin Zayed Al Nahyan"). Reading these makes extraction
idempotent: what was saved is shown as saved, never offered for creation again."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import Q

from events.models import Agreement, Citation, Country, Event, Official

# Words that go with a name without being part of it.
_HONORIFICS = {
    "sheikh",
    "shaikh",
    "sheikha",
    "dr",
    "mr",
    "mrs",
    "ms",
    "sir",
    "dame",
    "prince",
    "princess",
    "emir",
    "he",
    "hrh",
}
# Particles that some spellings of a name keep and others drop.
_PARTICLES = {"bin", "bint", "ibn", "al", "el", "ul", "de", "da", "di", "du", "van", "von"}
_PARTICLES |= {"der", "den", "la", "le", "dos", "das"}
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*", re.UNICODE)


def name_words(name: str) -> tuple[str, ...]:
    """The words of a name that tell people apart: no honorifics, no particles."""
    words = [w.casefold() for w in _WORD.findall(name)]
    words = [w.split("-", 1)[1] if w.startswith(("al-", "el-")) else w for w in words]
    return tuple(w for w in words if w not in _HONORIFICS and w not in _PARTICLES)


def same_name(a: str, b: str) -> bool:
    """Whether two spellings name the same person: the same words, or the shorter (of two
    words at least) running inside the longer or giving its first and last words in order
    ("Joseph Otieno" for "Joseph Mwangi Otieno"). One word alone is too weak to tell."""
    x, y = name_words(a), name_words(b)
    if not x or not y:
        return False
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    if len(short) < 2:
        return False
    runs = any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))
    if runs:
        return True
    if short[0] != long[0] or short[-1] != long[-1]:
        return False
    position = 0
    for word in short:
        try:
            position = long.index(word, position) + 1
        except ValueError:
            return False
    return True


def known_official(name: str, country: Country | None = None) -> Official | None:
    """The official recorded under `name` or a spelling of it (same_name) who is surely
    this person: of the same country (or of none recorded), and the only one so named. A
    namesake of another country is someone else."""
    words = name_words(name)
    if not words:
        return None
    # The longest word narrows the search to a handful of rows; same_name decides.
    anchor = max(words, key=len)
    found = (
        Official.objects.filter(Q(name__icontains=anchor) | Q(names__name__icontains=anchor))
        .distinct()
        .prefetch_related("names")[:50]
    )
    matching = [
        official
        for official in found
        if (country is None or official.country_id in (None, country.pk))
        and any(same_name(name, spelling) for spelling in _spellings(official))
    ]
    exact = [
        o
        for o in matching
        if any(" ".join(name.split()).casefold() == s.casefold() for s in _spellings(o))
    ]
    if len(exact) == 1:
        return exact[0]
    return matching[0] if len(matching) == 1 else None


def _spellings(official: Official) -> list[str]:
    return [official.name, *(n.name for n in official.names.all())]


def _plain(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Recorded:
    """The records a source's extraction saved: events citing it (with each citation's
    excerpt), agreements it is the source of, and the officials taking part in those
    events."""

    events: dict[int, Event] = field(default_factory=dict)
    excerpts: dict[str, list[Event]] = field(default_factory=dict)
    agreements: list[Agreement] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)

    def saved_events(self, candidates, matches: list[list[Event]]) -> list[Event | None]:
        """The saved event each candidate is (`matches`: each one's similar events), none
        claimed twice: first those cited with its sentence and of its type or dates (one
        sentence may report two events) or similar events that cite this source; then, for
        the rest, the only unclaimed event cited with its sentence (the editor corrected
        both its type and its date)."""
        claimed: set[int] = set()
        found: list[Event | None] = []
        for candidate, similar in zip(candidates, matches, strict=True):
            event = self.event_for(candidate, similar, claimed)
            if event is not None:
                claimed.add(event.pk)
            found.append(event)
        for index, candidate in enumerate(candidates):
            if found[index] is None:
                same = self._cited_with(candidate.sentence, claimed)
                if len(same) == 1:
                    found[index] = same[0]
                    claimed.add(same[0].pk)
        return found

    def _cited_with(self, sentence: str, claimed: set[int]) -> list[Event]:
        return [e for e in self.excerpts.get(_plain(sentence), ()) if e.pk not in claimed]

    def event_for(self, candidate, matches: list[Event], claimed: set[int]) -> Event | None:
        """The saved event a candidate surely is, of those not `claimed` by another one."""
        same = self._cited_with(candidate.sentence, claimed)
        date = candidate.date
        fitting = [
            e
            for e in same
            if e.type == candidate.event_type
            or (e.date_start <= date.end and date.start <= e.date_end)
        ]
        if fitting:
            return fitting[0]
        similar = [m for m in matches if m.pk in self.events and m.pk not in claimed]
        return similar[0] if similar else None

    def agreement_for(self, sentence: str, kind: str, parties: list[str]) -> Agreement | None:
        """The saved agreement an agreement candidate is: one whose step notes its sentence,
        or of the same kind between the same parties."""
        for agreement in self.agreements:
            notes = {_plain(c.note) for c in agreement.status_changes.all()}
            if _plain(sentence)[:300] in notes:
                return agreement
        wanted = set(parties)
        for agreement in self.agreements:
            codes = {p.country.iso_alpha2 for p in agreement.parties.all() if p.country}
            if agreement.kind == kind and codes == wanted:
                return agreement
        return None


def recorded_from(source) -> Recorded:
    """What was saved from `source` (see Recorded), in three queries."""
    recorded = Recorded()
    if source.pk is None:
        return recorded
    for citation in Citation.objects.filter(source=source).select_related("event"):
        recorded.events[citation.event_id] = citation.event
        if citation.excerpt:
            recorded.excerpts.setdefault(_plain(citation.excerpt), []).append(citation.event)
    recorded.agreements = list(
        Agreement.objects.filter(
            Q(status_changes__source=source) | Q(event__citations__source=source)
        )
        .distinct()
        .prefetch_related("status_changes", "parties__country")
    )
    recorded.officials = list(
        Official.objects.filter(participations__event__in=list(recorded.events)).distinct()
    )
    return recorded
