"""Candidate events: what an article reports, one clause at a time, with its resolved date,
countries, people, type and topics, for an editor to tick, correct and save.

A clause with a date and a word that reports an event makes a candidate. Around that rule:
a clause may take its date from the one before it ("on July 8, hours after Russia bombed
..."); a dated clause that refers back to an undated event ("The visit included ...") takes
that event's people; a following sentence about the same people ("Zelensky and Modi
discussed trade ...") joins its candidate's excerpt; and one event reported twice (a photo
caption and the text) becomes one candidate.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from events.dates import DatePrecision, FuzzyDate
from events.event_types import EventType as T
from events.models import Event, Participant
from extraction.date_phrases import DatePhrase, find_date_phrases
from extraction.gazetteer import Gazetteer, NameMatch, get_gazetteer
from extraction.people import PersonMention, PersonProposal, find_people
from extraction.sentences import Span, split_between, split_clauses, split_sentences
from extraction.triggers import (
    CONSULT,
    PRIORITY,
    Trigger,
    choose_type,
    definite_reference,
    find_triggers,
)

R = Participant.Role

# What "will happen": the clause announces rather than reports.
_ANNOUNCED = re.compile(
    r"(?i:\b(?:will|shall|(?:is|are|was|were)\s+(?:expected|due|set|scheduled|slated|poised)"
    r"\s+(?:to|in|at|for|on)|(?:scheduled|slated|set)\s+for|plans?\s+to|planning\s+to"
    r"|intends?\s+to|(?:is|are)\s+going\s+to|would|upcoming|to\s+be\s+held"
    r"|(?:has|have|had|was|were)\s+(?:been\s+)?invited|invites?|inviting"
    r"|(?:is|are)\s+to\s+(?:visit|meet|hold|travel|sign|attend|host|receive)"
    # Wire copy's present for what is coming: "arrives in Hanoi on Sunday".
    r"|arrives|departs|leaves\s+for|heads\s+(?:to|for)|travels\s+to|flies\s+to)\b|\w'll\b)"
    # "may meet", "might visit": lower case only, "May" is a month.
    r"|\b(?:may|might|could)\s+(?:first\s+|also\s+|soon\s+|then\s+)?"
    r"(?:meet|visit|hold|travel|sign|attend|host|receive|hold|go|be\s+held)\b"
)
# What was to happen and did not: "had planned to visit ... but the trip was postponed".
_CALLED_OFF = re.compile(
    r"\b(?:postpone[sd]?|postponing|cancel(?:l?ed|s)?|cancel(?:l)?ing|called\s+off|calls?\s+off"
    r"|scrap(?:ped|s)?|shelved|put\s+off|had\s+planned|had\s+been\s+(?:due|scheduled"
    r"|expected|set|planned))\b",
    re.IGNORECASE,
)
# A date that is the statement's, not the event's: "according to a statement on Monday, the
# minister will hold talks", "the White House announced on Wednesday".
_SAID_ON = re.compile(
    r"\b(?:said|says|announced|statement|declared|confirmed|told\s+reporters|reported)"
    r"(?:\s+(?:on|in|late|early))?\s*$",
    re.IGNORECASE,
)
# "a two-day state visit", "a three day visit", "a five-day trip": how long the event lasts.
_LASTING = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|[2-9]|1[0-4])[-\s]day\s+"
    r"(?:(?:state|official|working|regional|foreign|overseas|diplomatic)\s+)?"
    r"(?:visit|trip|tour|stay|mission|journey)\b",
    re.IGNORECASE,
)
# A day that starts what lasts: "from July 7", "starting July 9", "arrived on Tuesday".
_STARTS_ON = re.compile(
    r"\b(?:from|starting|beginning|began|begins|begin|start(?:s|ed)?|arriv(?:ed|es|ing|e)"
    r"|land(?:ed|s|ing))(?:\s+(?:in|at|on)\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)?"
    r"(?:\s+on)?\s*$",
    re.IGNORECASE,
)
# A clause that goes on with the event of the one before it, in the same sentence: "will
# visit Laos on Monday, December 14, and Cambodia on Tuesday, December 15", "would meet on
# June 27-28, followed by a meeting of the foreign ministers in August".
_GOES_ON = re.compile(r"^(?:and|then|and\s+then|followed\s+by|as\s+well\s+as)\b", re.I)
# What a statement goes on to report, its speaker the subject: "(that) it had called off".
_REPORTED_BY = re.compile(r"^(?:that\s+)?(?:it|he|she|they|the\s+ministry)\b", re.I)
# A dateline opens wire copy: "ISLAMABAD, Aug. 22 -", "BEIJING (Reuters) -". Its place is
# where the outlet writes from, its date the copy's, neither an event.
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,3})"
    r"(?:\s*,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"  # ", Pakistan" / ", D.C."
    r"(?:\s*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"  # ", Aug. 22"
    r"(?:\s*\([^()\n]{1,40}\))?"  # "(Reuters)"
    r"\s*(?:-{1,2}|\u2013|\u2014|:)\s+"
)
# When someone took office, not an event of the story: "in office since March 2018", "since
# he took office in April 2016", "who came to power in 2019".
_TENURE = re.compile(
    r"\b(?:in\s+office|in\s+power|at\s+the\s+helm|took\s+office|taking\s+office"
    r"|came\s+to\s+power|coming\s+to\s+power|assumed\s+office)(?:\s+(?:since|in|on))?\s*$",
    re.IGNORECASE,
)
# "his Chinese counterpart Wang Yi": the subject is of another country than the counterpart.
_COUNTERPART = re.compile(r"\b(?:his|her|their)\s+(?:[\w-]+\s+){0,2}counterparts?\b", re.I)
# The people met, by country, after the verb: "the presidents of", "the leaders of", "her
# counterparts from", "separate meetings with the prime ministers of".
_COUNTERPART_LIST = re.compile(
    r"\b(?:presidents|leaders|prime\s+ministers|premiers|heads\s+of\s+(?:state|government)"
    r"|(?:foreign\s+|defen[cs]e\s+|trade\s+)?ministers|counterparts|delegations|monarchs"
    r"|kings|chancellors)\s+(?:of|from)\s+",
    re.IGNORECASE,
)
# What lies between the countries of such a list: "Finland, Ghana and the Philippines".
_LIST_GLUE = re.compile(r"(?:the\s+)?|\s*,?\s*(?:and\s+|as\s+well\s+as\s+)?(?:the\s+)?", re.I)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_NUMBERS.update({"eight": 8, "nine": 9, "ten": 10})
# A clause that happened at the time of the one before it: "hours after Russia bombed ...".
_SAME_TIME = re.compile(
    r"^(?:just\s+|only\s+|some\s+|a\s+few\s+|several\s+|\w+\s+)?(?:hours?|minutes?|moments?)"
    r"\s+(?:after|before|later|earlier)\b|^(?:shortly|soon|just|right)\s+(?:after|before)\b"
    r"|^(?:on\s+)?the\s+same\s+day\b|^(?:later|earlier)\s+that\s+day\b",
    re.IGNORECASE,
)
_SEVERAL_DAYS = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)-day\s+(?:\w+\s+)?$", re.I
)
_HOSTING = re.compile(r"\bhost(?:s|ed|ing)?\b", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
_TWO_PEOPLE = re.compile(
    r"\b(?:the|both)\s+(?:two\s+)?(?:leaders|presidents|prime\s+ministers|ministers"
    r"|heads\s+of\s+state|foreign\s+ministers|counterparts|officials)\b",
    re.IGNORECASE,
)
_TWO_COUNTRIES = re.compile(
    r"\b(?:the\s+two|both)\s+(?:countries|nations|states|sides|governments|parties)\b"
    r"|\bbilateral\b",
    re.IGNORECASE,
)
_ANAPHORIC_OPENING = re.compile(
    r"^\W*(?:The|Both)\s+(?:two\s+)?(?:parties|sides|leaders|ministers|deals?|agreements?"
    r"|documents|talks|meeting|visit|call|presidents|countries)\b|^\W*(?:They|Both)\b"
)
_LOCATIVE = re.compile(
    r"(?:\bin|\bto|\bat|\bvisit(?:ed|ing|s)?|\barrived\s+in)\s+(?:the\s+)?$", re.IGNORECASE
)
_CAPTION = re.compile(r"\((?:[^()]*/[^()]*|[^()]*(?:[Pp]hoto|Getty|AFP|Reuters|AP)[^()]*)\)\W*$")


@dataclass(frozen=True)
class KnownOfficial:
    pk: int
    public_id: str
    name: str


@dataclass
class CandidatePerson:
    """Someone taking part: a known official or a person proposed for creation."""

    name: str
    country: str | None
    role: str = R.PARTICIPANT
    official: KnownOfficial | None = None
    proposal: PersonProposal | None = None

    @property
    def key(self) -> tuple:
        if self.official is not None:
            return ("official", self.official.pk)
        return ("new", self.proposal.key if self.proposal else self.name.lower())


@dataclass
class Candidate:
    """An event the text reports, as a first draft for an editor."""

    sentence: str
    start: int
    end: int
    date: FuzzyDate
    date_text: str
    event_type: str
    status: str = Event.Status.HELD
    date_relation: str = ""
    countries: list[str] = field(default_factory=list)
    people: list[CandidatePerson] = field(default_factory=list)
    country_roles: dict[str, str] = field(default_factory=dict)
    topics: list[str] = field(default_factory=list)
    location: str = ""
    location_country: str | None = None
    background: bool = False
    trigger: str = ""
    title: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list, repr=False)
    clause: str = field(default="", repr=False)
    caption: bool = field(default=False, repr=False)
    # The one counterpart of a meeting read off a list ("met the presidents of A, B and C"):
    # candidates of one clause with different counterparts are different meetings.
    counterpart: str | None = field(default=None, repr=False)
    # The side carried from the sentence before ("The minister ..."), who is the subject.
    subject: str | None = field(default=None, repr=False)

    @property
    def officials(self) -> list[KnownOfficial]:
        return [p.official for p in self.people if p.official is not None]

    @property
    def proposals(self) -> list[PersonProposal]:
        return [p.proposal for p in self.people if p.proposal is not None]

    def as_dict(self) -> dict:
        """The candidate as JSON: what the command prints and the API returns."""
        return {
            "date_start": self.date.start.isoformat(),
            "date_end": self.date.end.isoformat(),
            "date_precision": self.date.precision.slug,
            "date_qualifier": str(self.date.qualifier),
            "date_label": self.date.label,
            "date_edtf": self.date.edtf,
            "date_text": self.date_text,
            "date_relation": self.date_relation,
            "status": str(self.status),
            "event_type": str(self.event_type),
            "background": self.background,
            "title": self.title,
            "countries": list(self.countries),
            "officials": [p.name for p in self.people],
            "people": [
                {
                    "name": p.name,
                    "official": p.official.public_id if p.official else None,
                    "new": p.official is None,
                    "country": p.country,
                    "role": str(p.role),
                    "post": p.proposal.post_title if p.proposal else None,
                }
                for p in self.people
            ],
            "country_roles": {code: str(role) for code, role in self.country_roles.items()},
            "topics": list(self.topics),
            "location": self.location,
            "location_country": self.location_country,
            "sentence": self.sentence,
        }


@dataclass
class _Clause:
    span: Span
    sentence: Span
    phrases: list[DatePhrase]
    triggers: list[Trigger]
    countries: list[NameMatch]
    people: list[PersonMention]


@dataclass
class _Pending:
    """An undated event mention that a dated clause of the next sentence may refer to."""

    event_type: str
    people: list[CandidatePerson]
    countries: list[str]
    sentence: Span
    location: tuple[str, str | None] = ("", None)


def extract_candidates(
    text: str,
    published: date,
    gazetteer: Gazetteer | None = None,
    home_country: str | None = None,
) -> list[Candidate]:
    """The events `text` reports, read as of `published` (the article's publication date),
    in the order the text gives them. `home_country` (alpha-2) is the outlet's country, the
    side a reader assumes when the text leaves it out; a dateline's country overrides it.
    Reads no database beyond the cached gazetteer."""
    return _Reader(text, published, gazetteer or get_gazetteer(), home_country).read()


class _Reader:
    def __init__(self, text: str, published: date, gazetteer: Gazetteer, home: str | None = None):
        self.text, self.published, self.gazetteer = text, published, gazetteer
        entities, topic_matches = gazetteer.find(text)
        # Page furniture ("Related: Top 10 ... in 2020", bylines, "Updated 3 March 2022")
        # reports nothing; the copy, and its dateline, begin after what opens the page.
        self.furniture = _furniture(text)
        body = next((end for start, end in self.furniture if start == 0), 0)
        while any(start == body for start, _ in self.furniture):
            body = next(end for start, end in self.furniture if start == body)
        body += len(text[body:]) - len(text[body:].lstrip())
        # The dateline: its country is the home side, not a party; its date no event's.
        dateline = _DATELINE.match(text[body:])
        self.dateline_end = body + dateline.end() if dateline else 0
        # "GENEVA, March 3 -" says where the copy was filed, not whose it is: a city that is
        # no capital names no home side.
        in_dateline = [
            m
            for m in entities
            if m.kind == "country" and m.how != "city" and body <= m.start < self.dateline_end
        ]
        if in_dateline:
            home = in_dateline[0].value
        self.home = home
        entities = [
            m for m in entities if m.start >= self.dateline_end and not self._in_furniture(m)
        ]
        topic_matches = [m for m in topic_matches if not self._in_furniture(m)]
        people = [m for m in find_people(text, gazetteer, entities) if not self._in_furniture(m)]
        # Offsets inside titles: "Ambassador to Ukraine" names a post, not a place.
        self.in_titles = {
            offset
            for m in people
            if m.title is not None
            for offset in range(m.title.start, m.title.end)
        }
        # Everything found, by position, so a clause takes its share by bisection.
        self.countries = _ByPosition([m for m in entities if m.kind == "country"])
        self.topics = _ByPosition(topic_matches)
        self.people = _ByPosition(people)
        self.phrases = _ByPosition(
            [
                p
                for p in find_date_phrases(text)
                if p.start >= self.dateline_end and not self._in_furniture(p)
            ]
        )
        self.triggers = _ByPosition([t for t in find_triggers(text) if not self._in_furniture(t)])
        self.candidates: list[Candidate] = []

    def _in_furniture(self, found) -> bool:
        if not self.furniture:  # most texts: no page around them
            return False
        return any(start <= found.start < end for start, end in self.furniture)

    # Reading ----------------------------------------------------------------------------

    def read(self) -> list[Candidate]:
        sentences = split_sentences(self.text)
        pending: _Pending | None = None
        last: Candidate | None = None
        previous_sentence: Span | None = None
        for sentence in sentences:
            clauses = self._clauses(sentence)
            made, undated = [], None
            previous_date: tuple[FuzzyDate, DatePhrase] | None = None
            for clause in clauses:
                candidate, dated = self._candidate(
                    clause, previous_date, pending, previous_sentence, made[-1] if made else None
                )
                if dated is not None:
                    previous_date = dated
                if candidate is not None:
                    made.extend(self._per_counterpart(candidate, clause))
                elif dated is None and clause.triggers:
                    undated = undated or clause
            if made:
                self.candidates.extend(made)
                last = made[-1]
            elif last is not None and self._continues(last, sentence, clauses):
                last.sentence = f"{last.sentence} {sentence.text}"
                last.spans.append((sentence.start, sentence.end))
                self._add_people(last, self.people.within(sentence.start, sentence.end), last.date)
            else:
                last = None
            pending = self._pending(undated) if undated is not None else None
            previous_sentence = sentence
        candidates = _merge_duplicates(self.candidates, self.gazetteer.countries)
        for candidate in candidates:
            self._finish(candidate)
        return candidates

    def _clauses(self, sentence: Span) -> list[_Clause]:
        clauses = []
        for span in split_clauses(sentence):
            # "Chile's president, in office since March 2018, received ... on Thursday": a
            # tenure's start qualifies a party; it parts no events.
            phrases = [p for p in self.phrases.within(span.start, span.end) if not self._tenure(p)]
            pieces = [span]
            if len(phrases) > 1:
                gaps = [(a.end, b.start) for a, b in zip(phrases, phrases[1:], strict=False)]
                pieces = split_between(span, gaps)
                pieces = [part for piece in pieces for part in self._after_said_on(piece)]
            for piece in pieces:
                clauses.append(
                    _Clause(
                        span=piece,
                        sentence=sentence,
                        phrases=self.phrases.within(piece.start, piece.end),
                        triggers=self.triggers.within(piece.start, piece.end),
                        countries=self.countries.within(piece.start, piece.end),
                        people=self.people.within(piece.start, piece.end),
                    )
                )
        return clauses

    def _candidate(self, clause, previous_date, pending, previous_sentence, before=None):
        """The candidate a clause reports (or None), and the date it carries, if any;
        `before` is the candidate of the clause before it in the same sentence."""
        if not clause.phrases and previous_date is None:
            return None, None
        called_off = bool(clause.phrases) and bool(_CALLED_OFF.search(clause.span.text))
        announced = bool(clause.phrases) and (
            called_off or bool(_ANNOUNCED.search(clause.span.text))
        )
        goes_on = before if before is not None and _GOES_ON.match(clause.span.text) else None
        if (
            before is not None
            and before.event_type == T.STATEMENT
            and _REPORTED_BY.match(clause.span.text)
        ):
            goes_on = before  # "Algeria said on Monday it had called off ...": it is Algeria
        if goes_on is not None and not announced and goes_on.status != Event.Status.HELD:
            # "..., and Cambodia on Tuesday": what was announced goes on being announced.
            called_off = goes_on.status == Event.Status.CANCELLED
            announced = True
        said_on = bool(clause.phrases) and self._said_on(clause.phrases[0])
        dated = self._date_of(clause, announced and not said_on)
        if dated is None and previous_date is not None and _SAME_TIME.match(clause.span.text):
            dated = previous_date
        if dated is None:
            return None, None
        fuzzy, phrase = dated
        lasting = self._lasting(clause, fuzzy, phrase)
        if lasting is not None:
            fuzzy = lasting
        if said_on:
            status = Event.Status.HELD
        elif called_off:
            status = Event.Status.CANCELLED
        elif announced or fuzzy.start > self.published:
            status = Event.Status.PLANNED
        else:
            status = Event.Status.HELD
        triggers = [
            t
            for t in clause.triggers
            if t.type != T.APPOINTMENT or not self._takes_office(t, clause)
        ]
        if said_on:
            # The clause's date is its statement's: the event it announces is undated.
            triggers = [t for t in triggers if t.type == T.STATEMENT] or [
                Trigger(phrase.start, phrase.start, "statement", T.STATEMENT)
            ]
        if fuzzy.precision == DatePrecision.DAY:
            # A day of "a three-day visit" is not the visit: it is what happened that day.
            triggers = [t for t in triggers if not self._longer_visit(t)] or triggers
        referred = definite_reference(clause.span.text)
        refers_back = (
            referred is not None
            and pending is not None
            and (referred == pending.event_type or referred in CONSULT)
            and not any(m.how == "name" for m in clause.people)
        )
        if referred is not None and not refers_back and len(triggers) > 1:
            # "The meeting follows discussions ... in late September": the date is the
            # discussions'; the meeting is another event, already reported.
            triggers = triggers[1:]
        event_type = choose_type(triggers)
        if event_type is None and goes_on is not None and not goes_on.background:
            event_type = goes_on.event_type
        candidate = Candidate(
            sentence=clause.sentence.text,
            start=clause.sentence.start,
            end=clause.sentence.end,
            date=fuzzy,
            date_text=phrase.text,
            date_relation=phrase.relation,
            event_type=event_type or T.OTHER,
            status=status,
            background=event_type is None,
            trigger=_trigger_word(triggers, event_type),
            spans=[(clause.span.start, clause.span.end)],
            clause=clause.span.text,
            caption=bool(_CAPTION.search(clause.sentence.text)),
        )
        self._add_people(candidate, clause.people, fuzzy)
        if _PRONOUN.search(clause.span.text) and clause.span.start > clause.sentence.start:
            # "..., where he held talks with Zelensky": he is the sentence's subject.
            subject = self.people.within(clause.sentence.start, clause.span.start)[:1]
            self._add_people(candidate, subject, fuzzy)
        if (
            previous_sentence is not None
            and clause.span.start == clause.sentence.start
            and _SUBJECT_AGAIN.match(clause.span.text)
        ):
            # "Chile's foreign minister landed in Lima. The minister was received by ...":
            # the subject of the sentence before.
            self._add_subject(candidate, previous_sentence, fuzzy)
        if _TWO_PEOPLE.search(clause.span.text) and len(candidate.people) < 2:
            self._add_people(candidate, self._recent_people(clause, previous_sentence), fuzzy)
        if refers_back:
            # "The visit included a hug ... on July 8": the visit of the sentence before.
            candidate.sentence = f"{pending.sentence.text} {clause.sentence.text}"
            candidate.start = pending.sentence.start
            candidate.spans.insert(0, (pending.sentence.start, pending.sentence.end))
            if PRIORITY[pending.event_type] < PRIORITY.get(candidate.event_type, 99):
                candidate.event_type, candidate.background = pending.event_type, False
            for person in pending.people:
                self._merge_person(candidate, person)
            for code in pending.countries:
                _add(candidate.countries, code)
            candidate.location, candidate.location_country = pending.location
        for match in clause.countries:
            _add(candidate.countries, match.value)
        if _TWO_COUNTRIES.search(clause.span.text) and len(candidate.countries) < 2:
            for code in self._recent_countries(clause, previous_sentence):
                _add(candidate.countries, code)
        if goes_on is not None and not candidate.people:
            # The same people go on: "the minister will visit Laos ..., and Cambodia ...".
            own_place = bool(candidate.countries)
            for person in goes_on.people:
                self._merge_person(candidate, person)
            for code in goes_on.countries:
                # Laos was where the first visit went; Cambodia is this one's place.
                if not own_place or code != goes_on.location_country:
                    _add(candidate.countries, code)
        if not candidate.countries and not candidate.people:
            return None, dated  # a byline's date, a date with nobody in it
        if not candidate.location:
            candidate.location, candidate.location_country = self._place(clause)
        self._home_side(candidate, clause)
        self._roles(candidate, clause)
        return candidate, dated

    def _add_subject(self, candidate: Candidate, sentence: Span, fuzzy: FuzzyDate) -> None:
        """Add the subject of `sentence`, its first person or post named (else its first
        country not named as a place), to the candidate."""
        mentions = self.people.within(sentence.start, sentence.end)
        if mentions:
            person = self._person(mentions[0], fuzzy)
            if person is not None:
                self._merge_person(candidate, person)
                candidate.subject = person.country
                return
            if mentions[0].title is not None and mentions[0].title.country:
                _add(candidate.countries, mentions[0].title.country)
                candidate.subject = mentions[0].title.country
                return
        for match in self.countries.within(sentence.start, sentence.end):
            if not _LOCATIVE.search(self.text[max(0, match.start - 20) : match.start]):
                _add(candidate.countries, match.value)
                candidate.subject = match.value
                return

    def _per_counterpart(self, candidate: Candidate, clause: _Clause) -> list[Candidate]:
        """ "On the sidelines he met the presidents of Finland, Ghana and Chile": one
        bilateral meeting per country of the list, each with the subject's side. The list
        must follow the verb and the subject must have a side of its own, so "the presidents
        of Russia, Turkey and Iran met" stays one meeting of three."""
        if candidate.event_type not in (T.MEETING, T.TALKS, T.CALL):
            return [candidate]
        listed = _COUNTERPART_LIST.search(clause.span.text)
        if listed is None:
            return [candidate]
        list_start = clause.span.start + listed.end()
        if not any(t.start < list_start for t in clause.triggers):
            return [candidate]
        counterparts: list[str] = []
        cursor = list_start
        for match in clause.countries:
            if match.start < list_start:
                continue
            if not _LIST_GLUE.fullmatch(self.text[cursor : match.start]):
                break
            _add(counterparts, match.value)
            cursor = match.end
        if len(counterparts) < 2:
            return [candidate]
        side = [c for c in candidate.countries if c not in counterparts]
        side_start = [m.value for m in clause.countries if m.start < list_start]
        side = [c for c in side if c in side_start or c not in _values(clause.countries)]
        if not side and self.home and self.home not in counterparts:
            side = [self.home]
        if not side:
            return [candidate]
        place = candidate.location_country
        split = []
        for code in counterparts:
            one = replace(
                candidate,
                countries=list(dict.fromkeys([*side, code, *([place] if place else [])])),
                people=[
                    p
                    for p in candidate.people
                    if p.country not in counterparts or p.country == code
                ],
                country_roles=dict(candidate.country_roles),
                spans=list(candidate.spans),
                counterpart=code,
            )
            split.append(one)
        return split

    def _home_side(self, candidate: Candidate, clause: _Clause) -> None:
        """The side the text leaves to the reader: "Foreign Minister Qureshi met his Chinese
        counterpart" in copy from Islamabad, or a visit to one country by an unnamed side,
        is the outlet's (or dateline's) country."""
        home = self.home
        if home is None or home in candidate.countries or len(candidate.countries) != 1:
            return
        (only,) = candidate.countries
        counterpart = bool(_COUNTERPART.search(clause.span.text))
        visit_to_it = candidate.event_type == T.VISIT and candidate.location_country == only
        # "The foreign minister received the visiting Omani minister": a subject without a
        # country is the outlet's own.
        opening = max(clause.span.start, self.dateline_end)
        unnamed = clause.span.start == clause.sentence.start and bool(
            _UNNAMED_SUBJECT.match(self.text[opening : clause.span.end])
        )
        if counterpart or visit_to_it or (unnamed and candidate.subject is None):
            _add(candidate.countries, home)

    def _after_said_on(self, piece: Span) -> list[Span]:
        """ "Algeria said on Monday it had called off a visit ... planned for Oct. 20": the
        statement's date, then what it reports, each a clause of its own."""
        phrases = [p for p in self.phrases.within(piece.start, piece.end) if not self._tenure(p)]
        if len(phrases) < 2 or not self._said_on(phrases[0]):
            return [piece]
        cut = phrases[0].end - piece.start
        head, tail = piece.text[:cut], piece.text[cut:]
        lead = len(tail) - len(tail.lstrip(" ,"))
        rest = tail[lead:]
        if not rest:
            return [piece]
        return [
            Span(piece.start, piece.start + len(head), head),
            Span(piece.start + cut + lead, piece.end, rest),
        ]

    def _takes_office(self, trigger: Trigger, clause: _Clause) -> bool:
        """ "since he took office in April 2016": the words of a tenure's start that a
        date excluded as a tenure follows; they qualify a party, they report nothing."""
        return any(
            0 <= phrase.start - trigger.end <= 12 and self._tenure(phrase)
            for phrase in self.phrases.within(trigger.end, clause.sentence.end)
        )

    def _tenure(self, phrase: DatePhrase) -> bool:
        return bool(_TENURE.search(self.text[max(0, phrase.start - 40) : phrase.start]))

    def _said_on(self, phrase: DatePhrase) -> bool:
        return bool(_SAID_ON.search(self.text[max(0, phrase.start - 40) : phrase.start]))

    def _lasting(self, clause: _Clause, fuzzy: FuzzyDate, phrase: DatePhrase):
        """The range of "a two-day state visit ... arrived on Tuesday", "a three day visit
        from July 7": the day that starts it and the days it lasts."""
        if fuzzy.precision != DatePrecision.DAY or len(clause.phrases) != 1:
            return None
        lasting = _LASTING.search(clause.sentence.text)
        if lasting is None:
            return None
        before = self.text[max(clause.sentence.start, phrase.start - 40) : phrase.start]
        if not _STARTS_ON.search(before):
            return None
        word = lasting.group("n").lower()
        days = int(word) if word.isdigit() else _NUMBERS[word]
        return FuzzyDate.day_range(
            fuzzy.start, fuzzy.start + timedelta(days=days - 1), fuzzy.qualifier
        )

    def _longer_visit(self, trigger: Trigger) -> bool:
        before = self.text[max(0, trigger.start - 30) : trigger.start]
        return trigger.type == T.VISIT and bool(_SEVERAL_DAYS.search(before))

    def _date_of(self, clause: _Clause, announced: bool):
        resolved = []
        for phrase in clause.phrases:
            fuzzy = phrase.resolve(self.published, announced)
            if fuzzy is not None:
                resolved.append((fuzzy, phrase))
        if not resolved:
            return None
        # A date that dates the event beats one that bounds a period ("since 2022") or says
        # when someone took office.
        plain = [
            r
            for r in resolved
            if r[1].relation not in ("since", "until") and not self._tenure(r[1])
        ]
        return (plain or resolved)[0]

    def _recent_people(self, clause: _Clause, previous_sentence: Span | None):
        start = previous_sentence.start if previous_sentence else clause.sentence.start
        recent = self.people.within(start, clause.span.start)
        chosen: list[PersonMention] = []
        seen = set()
        for mention in reversed(recent):
            key = mention.official or (mention.proposal.key if mention.proposal else None)
            if key is None and mention.how == "post":
                key = ("post", mention.start)
            if key is not None and key not in seen:
                seen.add(key)
                chosen.insert(0, mention)
            if len(chosen) == 2:
                break
        return chosen if len(chosen) == 2 else []

    def _recent_countries(self, clause: _Clause, previous_sentence: Span | None):
        start = previous_sentence.start if previous_sentence else clause.sentence.start
        codes: list[str] = []
        for match in self.countries.within(start, clause.span.start):
            _add(codes, match.value)
        return codes[-2:] if len(codes) >= 2 else []

    def _add_people(self, candidate: Candidate, mentions, fuzzy: FuzzyDate) -> None:
        for mention in mentions:
            person = self._person(mention, fuzzy)
            if person is not None:
                self._merge_person(candidate, person)

    def _merge_person(self, candidate: Candidate, person: CandidatePerson) -> None:
        if all(p.key != person.key for p in candidate.people):
            candidate.people.append(person)
        if person.country:
            _add(candidate.countries, person.country)

    def _person(self, mention: PersonMention, fuzzy: FuzzyDate) -> CandidatePerson | None:
        official = mention.official
        if official is None and mention.how == "post" and mention.title is not None:
            titles = mention.title.titles(self.gazetteer.countries)
            post = self.gazetteer.find_post(titles, mention.title.country)
            holders = self.gazetteer.holders_on(post.pk, fuzzy.start) if post else []
            official = holders[0] if holders else None
        if official is not None:
            entry = self.gazetteer.officials[official]
            return CandidatePerson(
                name=entry.name,
                country=self.gazetteer.official_country(official, fuzzy.start),
                official=KnownOfficial(entry.pk, entry.public_id, entry.name),
            )
        if mention.proposal is not None:
            return CandidatePerson(
                name=mention.proposal.name,
                country=mention.proposal.country,
                proposal=mention.proposal,
            )
        return None

    def _pending(self, clause: _Clause) -> _Pending:
        people = [p for p in (self._person(m, _as_of(self.published)) for m in clause.people) if p]
        countries: list[str] = []
        for match in clause.countries:
            _add(countries, match.value)
        for person in people:
            if person.country:
                _add(countries, person.country)
        return _Pending(
            choose_type(clause.triggers), people, countries, clause.sentence, self._place(clause)
        )

    def _continues(self, last: Candidate, sentence: Span, clauses: list[_Clause]) -> bool:
        """Whether an undated sentence goes on about the candidate of the sentence before:
        "The parties did not disclose ...", "Zelensky and Modi discussed trade ..."."""
        if _ANAPHORIC_OPENING.match(sentence.text):
            return True
        mentions = self.people.within(sentence.start, sentence.end)
        names = {self._person(m, last.date).key for m in mentions if self._person(m, last.date)}
        known = {p.key for p in last.people}
        kinds = {t.type for c in clauses for t in c.triggers}
        return (
            bool(names)
            and names <= known
            and last.event_type in CONSULT
            and bool(kinds & CONSULT)
            and not kinds - CONSULT - {T.AGREEMENT, T.STATEMENT}
        )

    # Details ----------------------------------------------------------------------------

    def _place(self, clause: _Clause) -> tuple[str, str | None]:
        """Where the clause's event took place: a country or capital after "in", "to",
        "visited"."""
        aside = self._asides(clause)
        for match in clause.countries:
            if match.how in ("demonym", "code"):
                continue
            if match.start in self.in_titles or any(a <= match.start < b for a, b in aside):
                continue
            if _LOCATIVE.search(self.text[max(0, match.start - 20) : match.start]):
                return match.text, match.value
        return "", None

    def _asides(self, clause: _Clause) -> list[tuple[int, int]]:
        """Relative clauses inside the clause (", who has been to Nigeria twice since ...,"):
        what they name is neither the event's place nor a side of its verb."""
        return [
            (clause.span.start + m.start(), clause.span.start + m.end())
            for m in _ASIDE.finditer(clause.span.text)
        ]

    def _roles(self, candidate: Candidate, clause: _Clause) -> None:
        kind = candidate.event_type
        if kind in (T.MEETING, T.TALKS, T.VISIT):
            self._verb_roles(candidate, clause)
        if kind == T.VISIT and not candidate.location_country:
            hosting = _HOSTING.search(clause.span.text)
            hosts = [
                p
                for p in candidate.people
                if hosting
                and p.country
                and self.text.find(p.name, clause.span.start) < clause.span.start + hosting.start()
            ]
            if hosts:
                # "Biden will host Modi for a state visit": the host's country is the place.
                candidate.location_country = hosts[0].country
        if kind == T.VISIT and candidate.location_country:
            host = candidate.location_country
            for person in candidate.people:
                person.role = R.HOST if person.country == host else R.VISITOR
            if all(p.country != host for p in candidate.people):
                candidate.country_roles[host] = R.HOST
        elif kind in (T.STRIKE, T.ATTACK, T.SANCTION):
            trigger = next((t for t in clause.triggers if t.type == kind), None)
            if trigger is None:
                return
            for match in clause.countries:
                role = R.ACTOR if match.end <= trigger.start else R.TARGET
                candidate.country_roles.setdefault(match.value, role)

    def _verb_roles(self, candidate: Candidate, clause: _Clause) -> None:
        """Host and visitor from the verb: who received, hosted or welcomed is the host, who
        was received, called on or visited the visitor; the sides are the countries and
        people before and after the verb."""
        hosting = _HOST_VERB.search(clause.span.text)
        visiting = _VISITOR_VERB.search(clause.span.text)
        if hosting is None and visiting is None:
            return
        verb = min((v for v in (hosting, visiting) if v), key=lambda v: v.start())
        at = clause.span.start + verb.start()
        subject_hosts = verb is hosting and not verb.group("passive")
        before: list[str] = []
        after: list[str] = []
        aside = self._asides(clause)
        for match in clause.countries:
            if not any(a <= match.start < b for a, b in aside):
                _add(before if match.start < at else after, match.value)
        for mention in clause.people:
            person = self._person(mention, candidate.date)
            if person is not None and person.country:
                _add(before if mention.start < at else after, person.country)
        after = [code for code in after if code not in before]
        if not before:
            # The subject unnamed here: the one carried from the sentence before, or home.
            carried = (candidate.subject, self.home)
            before = [c for c in carried if c and c in candidate.countries and c not in after]
            before = before[:1]
        if not before or not after:
            return
        host, visitor = (before, after) if subject_hosts else (after, before)
        for code in host:
            candidate.country_roles[code] = R.HOST
        for code in visitor:
            candidate.country_roles[code] = R.VISITOR
        for person in candidate.people:
            if person.country in host:
                person.role = R.HOST
            elif person.country in visitor:
                person.role = R.VISITOR

    def _finish(self, candidate: Candidate) -> None:
        slugs: list[str] = []
        for start, end in sorted(candidate.spans):
            for match in self.topics.within(start, end):
                _add(slugs, match.value)
        candidate.topics = slugs
        candidate.title = _title(candidate, self.gazetteer.countries)


# Lines of a web page that are not the report: links to other stories, bylines, time
# stamps, section headers, picture credits.
_FURNITURE_LINE = re.compile(
    r"^[ \t]*(?:"
    r"(?:Related|Read\s+more|Read\s+also|Also\s+read|See\s+also|More\s+on\s+this|Watch"
    r"|Listen|Photos?|Image|Video|Subscribe|Advertisement|Sign\s+up|Share|Trending|Recommended"
    r"|Most\s+read|Editor'?s\s+picks?)\s*[:|\u2013\u2014-]"
    r"|Top\s+\d+\b"
    r"|(?:Updated|Published|Posted|Last\s+updated|First\s+published)\b"
    r"|[^\n|.]{1,40}\|[^\n]*\b(?:Updated|Published|Posted|GMT|UTC)\b"
    r"|\((?:Photo|Image|Picture|File)[^()\n]*\)[ \t]*$"
    # "By Jane Roe, Reuters", "By Jane Roe and John Doe | Updated ...", not "By Friday, ...".
    r"|By\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April"
    r"|May|June|July|August|September|October|November|December)\b)"
    r"(?:[A-Z][\w.'-]*[ \t]*){1,4}(?:(?:,|and)[ \t]+(?:[A-Z][\w.'-]*[ \t]*){1,4})?(?:\||$))"
    r"[^\n]*",
    re.MULTILINE,
)


def _furniture(text: str) -> list[tuple[int, int]]:
    """The spans of the page's furniture lines, each to the start of the next line."""
    spans = []
    for match in _FURNITURE_LINE.finditer(text):
        end = match.end()
        if text[end : end + 1] == "\n":
            end += 1
        spans.append((match.start(), end))
    return spans


_UNNAMED_SUBJECT = re.compile(
    r"^\W*(?:(?:On|Later|Earlier|Then)\b[^,]{0,30}?,\s+)?the\s+(?:(?:foreign|defen[cs]e|trade"
    r"|finance|interior|external\s+affairs|prime)\s+)?(?:minister|president|premier|chancellor"
    r"|king|queen|emir|leader|government|ministry)\b(?!\s+of\b)",
    re.IGNORECASE,
)
_ASIDE = re.compile(r",\s+(?:who|which|whose)\b[^,;]*,")
# The subject of the sentence before, named again: "He met ...", "The minister was ...".
_SUBJECT_AGAIN = re.compile(
    r"^\W*(?:(?:On|Later|Earlier|Then|Afterwards|The\s+next\s+day)\b[^,]{0,30}?,?\s+)?"
    r"(?:he|she|the\s+(?:visiting\s+)?(?:minister|president|prime\s+minister|chancellor|premier"
    r"|foreign\s+minister|visitor|king|queen|emir|envoy|ambassador|secretary|leader))\b"
    r"(?!\s+of\b)",
    re.IGNORECASE,
)
# Verbs whose subject hosts ("received", "hosted", "welcomed"), or with "was ... by", visits.
_HOST_VERB = re.compile(
    r"\b(?P<passive>(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?)?"
    r"(?:received|hosted|welcomed|greeted|receives|hosts|welcomes)\b(?(passive)\s+by\b)",
    re.IGNORECASE,
)
# Verbs whose subject visits: "called on", "visited", "arrived in", "paid a visit to".
_VISITOR_VERB = re.compile(
    r"\b(?:called\s+on|calls\s+on|visited|visits|arrived\s+in|arrives\s+in|landed\s+in"
    r"|flew\s+to|travell?ed\s+to|paid\s+(?:a\s+)?(?:\w+\s+)?(?:visit|call)s?\s+(?:to|on))\b",
    re.IGNORECASE,
)


class _ByPosition:
    """Things found in the text (each with a `start`), sorted, sliced by position."""

    def __init__(self, items: list):
        self.items = sorted(items, key=lambda item: item.start)
        self.starts = [item.start for item in self.items]

    def within(self, start: int, end: int) -> list:
        """The items that start in [start, end)."""
        return self.items[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


def _values(matches: list[NameMatch]) -> set:
    return {m.value for m in matches}


def _as_of(day: date) -> FuzzyDate:
    return FuzzyDate.day(day)


def _add(items: list, item) -> None:
    if item is not None and item not in items:
        items.append(item)


def _trigger_word(triggers: list[Trigger], event_type: str | None) -> str:
    return next((t.text for t in triggers if t.type == event_type), "")


def _merge_duplicates(candidates: list[Candidate], countries: dict[str, str]) -> list[Candidate]:
    """One event reported twice (a photo caption and the text, or "Modi's visit to Kyiv in
    August" after "Modi's first visit to Ukraine ... in August") becomes one candidate."""
    kept: list[Candidate] = []
    for candidate in candidates:
        twin = next((k for k in kept if _same_event(k, candidate)), None)
        if twin is None:
            kept.append(candidate)
            continue
        if twin.caption and not candidate.caption:
            twin.sentence, twin.start, twin.end = candidate.sentence, candidate.start, candidate.end
            twin.spans, twin.caption = candidate.spans, False
        if PRIORITY.get(candidate.event_type, 99) < PRIORITY.get(twin.event_type, 99):
            twin.event_type = candidate.event_type
        for person in candidate.people:
            if all(p.key != person.key for p in twin.people):
                twin.people.append(person)
        for code in candidate.countries:
            _add(twin.countries, code)
        for code, role in candidate.country_roles.items():
            twin.country_roles.setdefault(code, role)
        # A city is a better place than its country: "Kyiv" over "Ukraine".
        twin_is_country = twin.location == countries.get(twin.location_country or "")
        if candidate.location and (
            not twin.location
            or (twin_is_country and twin.location_country == candidate.location_country)
        ):
            twin.location, twin.location_country = candidate.location, candidate.location_country
    return kept


def _same_event(a: Candidate, b: Candidate) -> bool:
    if (a.date, a.status, a.background) != (b.date, b.status, b.background):
        return False
    if a.counterpart != b.counterpart and a.counterpart and b.counterpart:
        return False
    if a.event_type != b.event_type and not {a.event_type, b.event_type} <= CONSULT:
        return False
    people_a, people_b = {p.key for p in a.people}, {p.key for p in b.people}
    if people_a or people_b:
        return bool(people_a & people_b)
    return set(a.countries) == set(b.countries)


def _names(people: list[CandidatePerson]) -> str:
    return _listed([p.name for p in people])


def _listed(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


_AGREEMENT_VERBS = {"sign": "sign", "ink": "sign", "appr": "approve", "rati": "ratify"}


def _title(candidate: Candidate, countries: dict[str, str]) -> str:
    """A first title for the event, in the style of the seed's: "Modi visits Moscow"."""
    people = candidate.people
    places = [countries.get(code, code) for code in candidate.countries]
    parties = _names(people) if people else _listed(places[:4])
    kind = candidate.event_type
    roles = candidate.country_roles
    actors = [countries.get(c, c) for c, r in roles.items() if r == R.ACTOR]
    targets = [countries.get(c, c) for c, r in roles.items() if r == R.TARGET]
    where = candidate.location or " and ".join(targets)
    # With one person named, the other side is the other countries: "Erdogan holds talks
    # with Russia and Ukraine".
    others = [
        countries.get(code, code)
        for code in candidate.countries
        if len(people) == 1 and code != people[0].country
    ]
    if kind in (T.MEETING, T.TALKS, T.CALL) and len(people) == 1 and others:
        verb = {T.MEETING: "meets", T.TALKS: "holds talks with", T.CALL: "speaks by phone with"}
        title = f"{people[0].name} {verb[kind]} {_listed(others)}"
    elif kind == T.MEETING and len(people) >= 2:
        title = f"{people[0].name} meets {_names(people[1:])}"
    elif kind == T.MEETING:
        title = f"{parties} meet" if parties else "Meeting"
    elif kind == T.TALKS:
        title = f"{parties} hold talks"
    elif kind == T.CALL:
        title = f"{parties} speak by phone"
    elif kind == T.VISIT:
        visitors = [p for p in people if p.role != R.HOST] or people
        who = _names(visitors) if visitors else parties
        place = candidate.location or countries.get(candidate.location_country or "", "")
        if not people:
            title = f"Visit to {place or _listed(places)}"
        else:
            title = f"{who} visits {place}" if place else f"{who} visit"
    elif kind == T.SUMMIT:
        title = f"Summit in {candidate.location}" if candidate.location else f"Summit: {parties}"
    elif kind == T.AGREEMENT:
        verb = _AGREEMENT_VERBS.get(candidate.trigger.lower()[:4], "reach")
        title = f"{parties} {verb} an agreement"
    elif kind in (T.STRIKE, T.ATTACK):
        noun = "Strike" if kind == T.STRIKE else "Attack"
        title = f"{noun} by {' and '.join(actors) or parties}" + (f" on {where}" if where else "")
    elif kind == T.SANCTION:
        title = f"Sanctions by {' and '.join(actors) or parties}" + (
            f" on {' and '.join(targets)}" if targets else ""
        )
    elif kind == T.STATEMENT:
        title = f"Statement by {parties}"
    elif kind == T.APPOINTMENT:
        title = f"Appointment: {parties}"
    elif kind == T.ELECTION:
        title = f"Election in {' and '.join(places[:1]) or parties}"
    elif kind == T.AID:
        title = f"Aid: {parties}"
    elif kind == T.COOPERATION:
        title = f"Cooperation: {parties}"
    else:
        words = (candidate.clause or candidate.sentence).split()
        title = " ".join(words[:14]) + ("\u2026" if len(words) > 14 else "")
    if candidate.status == Event.Status.PLANNED:
        title = f"{title} (planned)"
    return title[:300]
