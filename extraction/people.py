"""People in text: known officials by name and spelling, "title + name" patterns
("Strategic Industries Minister Herman Smetanin", "India's Ambassador to Ukraine Ravi
Shankar", "Radoslaw Sikorski, Poland's foreign minister"), posts named without a name ("the
Indian prime minister"), and later surname-only mentions ("Smetanin said") that refer back to
the full one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick

from events.models import Post
from extraction.gazetteer import Gazetteer, NameMatch

K = Post.Kind
# Title heads, the post kind each implies. Longest first when matched.
TITLE_HEADS: dict[str, str] = {
    "first deputy prime minister": K.DEPUTY_MINISTER,
    "deputy prime minister": K.DEPUTY_MINISTER,
    "prime minister": K.HEAD_OF_GOVERNMENT,
    "president-elect": K.OTHER,
    "prime minister-designate": K.OTHER,
    "counterpart": K.OTHER,  # "his Russian counterpart Sergei Lavrov": a person, no post
    "vice president": K.OTHER,
    "vice-president": K.OTHER,
    "president": K.HEAD_OF_STATE,
    "chancellor": K.HEAD_OF_GOVERNMENT,
    "premier": K.HEAD_OF_GOVERNMENT,
    "king": K.HEAD_OF_STATE,
    "queen": K.HEAD_OF_STATE,
    "emir": K.HEAD_OF_STATE,
    "sultan": K.HEAD_OF_STATE,
    "crown prince": K.OTHER,
    "deputy minister": K.DEPUTY_MINISTER,
    "minister": K.MINISTER,
    "secretary of state": K.MINISTER,
    "secretary-general": K.LEADER,
    "secretary general": K.LEADER,
    "secretary": K.MINISTER,
    "ambassador": K.AMBASSADOR,
    "special envoy": K.ENVOY,
    "envoy": K.ENVOY,
    "permanent representative": K.ENVOY,
    "special representative": K.ENVOY,
    "spokesperson": K.SPOKESPERSON,
    "spokesman": K.SPOKESPERSON,
    "spokeswoman": K.SPOKESPERSON,
    "chairman": K.LEADER,
    "chairwoman": K.LEADER,
    "commissioner": K.LEADER,
    "director-general": K.LEADER,
    "commander-in-chief": K.MILITARY,
    "chief of staff": K.OTHER,
    "general": K.MILITARY,
    "admiral": K.MILITARY,
    "speaker": K.LEGISLATOR,
    "senator": K.LEGISLATOR,
    "national security adviser": K.OTHER,
    "national security advisor": K.OTHER,
    "adviser": K.OTHER,
    "advisor": K.OTHER,
}


def _heads_automaton():
    automaton = ahocorasick.Automaton()
    for head in TITLE_HEADS:
        automaton.add_word(head, len(head))
    automaton.make_automaton()
    return automaton


_HEADS = _heads_automaton()
_WINDOW = 90  # characters around a title head that its possessor and name can span
# Title modifiers that are words of the title, not of the ministry: "Deputy Foreign Minister".
RANKS = {"deputy": "Deputy", "first": "First", "acting": "Acting", "former": "Former"}
# How a ministry is usually named in a post's full title.
PORTFOLIOS = {"foreign": "Foreign Affairs", "interior": "Internal Affairs"}
NOT_NAMES = frozenset(
    "the a an on in at and of to for with by from as he she they it his her their its this that "
    "these those who which mr mrs ms dr sir madam said says told after before during since "
    "while when where but or if minister ministry president office government parliament "
    "embassy state states republic kingdom union council committee agency department "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december jan feb mar apr jun jul aug sep "
    "sept oct nov dec".split()
)
NAME_PARTICLES = frozenset(
    "von van der de del della da di la le bin bint al el ibn abu dos das du ben".split()
)
# Words of address that open a name without being one of its parts: "Sheikh Abdullah".
HONORIFICS = frozenset("sheikh sheikha shaikh prince princess".split())
_MOST_NAME_WORDS = 4  # parts of a name, not counting particles and honorifics

_OF_COUNTRY = re.compile(r",?\s+of\s+(?:the\s+)?")
_TOKEN = re.compile(r"[^\W_]+(?:[-.][^\W_]+)*|['\u2019]s\b|\S")


class Token(NamedTuple):
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper() and self.text[:1].isalpha()


@dataclass
class PersonProposal:
    """Someone named with a title whom the database does not know: offered for creation
    with the country and post the title gives."""

    name: str
    country: str | None
    post_title: str
    post_kind: str
    accredited_to: str | None = None
    post_pk: int | None = None  # an existing post the title names

    @property
    def key(self) -> str:
        return " ".join(self.name.lower().split())

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass
class Title:
    """A title in text: "Strategic Industries Minister", "the Indian prime minister"."""

    start: int
    end: int
    kind: str
    head: str
    modifiers: list[str]
    country: str | None
    accredited_to: str | None
    capitalized: bool

    def titles(self, countries: dict[str, str]) -> list[str]:
        """The post's full title, in the forms posts are usually recorded under, most
        likely first: "Minister of Strategic Industries of Ukraine", "Ambassador of India
        to Ukraine", "Prime Minister of India"."""
        head = " ".join(w.capitalize() if w not in ("of", "in") else w for w in self.head.split())
        head = head.replace("-general", "-General").replace("-in-chief", "-in-Chief")
        ranks = [RANKS[m.lower()] for m in self.modifiers if m.lower() in RANKS]
        portfolio = " ".join(
            m if m[:1].isupper() else m.capitalize()
            for m in self.modifiers
            if m.lower() not in RANKS
        )
        portfolio = PORTFOLIOS.get(portfolio.lower(), portfolio)
        of_country = f" of {country_in_title(countries, self.country)}" if self.country else ""
        to_country = (
            f" to {country_in_title(countries, self.accredited_to)}" if self.accredited_to else ""
        )
        rank = " ".join(ranks)
        rank = f"{rank} " if rank else ""
        forms = []
        if portfolio and self.kind in (K.MINISTER, K.DEPUTY_MINISTER):
            forms.append(f"{rank}{head} of {portfolio}{of_country}")
        if portfolio:
            forms.append(f"{rank}{' '.join(self.modifiers_plain())} {head}{of_country}")
        forms.append(f"{rank}{head}{of_country}{to_country}")
        return list(dict.fromkeys(f.strip() for f in forms))

    def modifiers_plain(self) -> list[str]:
        return [
            m if m[:1].isupper() else m.capitalize()
            for m in self.modifiers
            if m.lower() not in RANKS
        ]


_NAMES_WITH_THE = ("United ", "Republic ", "Democratic Republic", "Central African", "Czech")


def country_in_title(countries: dict[str, str], code: str) -> str:
    """A country's name as a title writes it: "of India", "of the United States"."""
    name = countries.get(code, code)
    if name.startswith(_NAMES_WITH_THE) or name.endswith(("Islands", "lands", "Philippines")):
        return f"the {name}"
    return name


@dataclass
class PersonMention:
    """A person named in text: a known official (`official`), a proposal for a new one
    (`proposal`), or a post whose holder on the event's date is meant (`post`)."""

    start: int
    end: int
    text: str
    official: int | None = None
    proposal: PersonProposal | None = None
    title: Title | None = None
    post: int | None = None
    how: str = "name"  # name, title, surname, post


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words and punctuation of text[start:end], with offsets in `text`."""
    make = Token._make
    end = len(text) if end is None else end
    return [make((m.start(), m.end(), m.group())) for m in _TOKEN.finditer(text, start, end)]


def find_people(text: str, gazetteer: Gazetteer, entities: list[NameMatch]) -> list[PersonMention]:
    """Every person mention in `text`, in order: known officials (by name, by title and
    surname, by a surname already introduced in full), new people named with a title, and
    posts named without a person."""
    country_at = {m.start: m for m in entities if m.kind == "country"}
    country_ending = {m.end: m for m in entities if m.kind == "country"}
    officials_at = {m.start: m for m in entities if m.kind == "official"}
    covered = _covered(entities)
    mentions: dict[int, PersonMention] = {}
    for match in entities:
        if match.kind == "official":
            mentions[match.start] = PersonMention(
                match.start, match.end, match.text, official=match.value
            )
    resume = 0
    for head_start, head_end, head in _title_heads(text):
        if head_start < resume:
            continue
        tokens = tokenize(text, *_window(text, head_start, head_end))
        index = _token_index_at(tokens, head_start, 0)
        end = _token_index_at(tokens, head_end, index)
        found = _title_at(tokens, index, end, head, country_at, country_ending, covered)
        if found is None:
            continue
        after, title = found
        resume = tokens[after - 1].end
        person = _named_after(tokens, after, title, gazetteer, officials_at, covered)
        if person is not None and person.proposal is not None and title.country is None:
            # "Foreign Minister Arvid Lindqvist of Sweden": the country after the name.
            of = _OF_COUNTRY.match(text, person.end)
            match = country_at.get(of.end()) if of else None
            if match is not None:
                title.country, title.end = match.value, match.end
                person = _named_after(tokens, after, title, gazetteer, officials_at, covered)
        if person is None:
            person = _named_before(tokens, title, gazetteer, officials_at)
        if person is not None:
            existing = mentions.get(person.start)
            if existing is not None and existing.official is not None:
                existing.title = title
            else:
                mentions[person.start] = person
        elif title.country:
            mentions[title.start] = PersonMention(
                title.start, title.end, text[title.start : title.end], title=title, how="post"
            )
    _one_person_per_name(mentions)
    _resolve_surnames(text, gazetteer, mentions, covered)
    return sorted(mentions.values(), key=lambda m: m.start)


def _name_parts(name: str) -> tuple[str, ...]:
    return tuple(w for w in name.lower().split() if w not in HONORIFICS)


def _one_person_per_name(mentions: dict[int, PersonMention]) -> None:
    """A short and a long name of one person are one proposal: "Foreign Minister Abdullah
    bin Zayed" and "Sheikh Abdullah bin Zayed Al Nahyan". A name is another's short form
    when its words run, in order and unbroken, inside the longer one, and the two countries,
    where given, agree; the longer name is kept."""
    proposals = [m for m in mentions.values() if m.proposal is not None]
    for mention in proposals:
        short = mention.proposal
        parts = _name_parts(short.name)
        if len(parts) < 2:
            continue
        longer = [
            other.proposal for other in proposals if _short_form_of(short, parts, other.proposal)
        ]
        if longer:
            chosen = max(longer, key=lambda p: len(_name_parts(p.name)))
            if chosen.country is None:
                chosen.country = short.country
            mention.proposal = chosen


def _short_form_of(short: PersonProposal, parts: tuple[str, ...], long: PersonProposal) -> bool:
    long_parts = _name_parts(long.name)
    return (
        len(long_parts) > len(parts)
        and _runs_inside(parts, long_parts)
        and (short.country is None or long.country is None or short.country == long.country)
    )


def _runs_inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _title_heads(text: str):
    lowered = text.lower() if len(text.lower()) == len(text) else text
    found = []
    for end, length in _HEADS.iter(lowered):
        start = end - length + 1
        if (start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-")) or (
            end + 1 < len(text) and (text[end + 1].isalnum() or text[end + 1] == "-")
        ):
            continue
        found.append((start, end + 1, lowered[start : end + 1]))
    # Longest first at one place: "prime minister" over "minister".
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept, reach = [], -1
    for item in found:
        if item[0] >= reach:
            kept.append(item)
            reach = item[1]
    return kept


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def _covered(entities: list[NameMatch]) -> set[int]:
    return {offset for m in entities for offset in range(m.start, m.end)}


def _title_at(tokens, index, end, head, country_at, country_ending, covered):
    head = " ".join(head.split())
    first = tokens[index]
    capitalized = first.capitalized
    # Modifiers: the words between the possessor and the head ("Strategic Industries").
    modifiers: list[Token] = []
    cursor = index - 1
    while cursor >= 0 and len(modifiers) < 4:
        token = tokens[cursor]
        if token.start in covered or token.lower in NOT_NAMES or not token.text[:1].isalpha():
            break
        if capitalized != token.capitalized and token.lower not in RANKS:
            break
        modifiers.insert(0, token)
        cursor -= 1
    country = None
    possessor_start = modifiers[0].start if modifiers else first.start
    if cursor >= 0 and tokens[cursor].text in ("'s", "\u2019s"):
        cursor -= 1
    if cursor >= 0 and tokens[cursor].end in country_ending:
        match = country_ending[tokens[cursor].end]
        country, possessor_start = match.value, match.start
    elif not capitalized:
        return None  # "the minister said": no post to name without a country
    accredited = None
    after = end
    if after + 1 < len(tokens) and tokens[after].lower in ("to", "of", "in"):
        match = country_at.get(tokens[after + 1].start)
        preposition = tokens[after].lower
        envoy = TITLE_HEADS[head] in (K.AMBASSADOR, K.ENVOY)
        if match is not None and (preposition == "to" or (preposition == "in" and envoy)):
            accredited = match.value
            after = _token_index_at(tokens, match.end, after + 1)
        elif match is not None and preposition == "of" and country in (None, match.value):
            country = match.value
            after = _token_index_at(tokens, match.end, after + 1)
    if head in ("ambassador", "envoy", "special envoy") and accredited is None and not country:
        return None
    title = Title(
        start=possessor_start,
        end=tokens[after - 1].end,
        kind=TITLE_HEADS[head],
        head=head,
        modifiers=[m.text for m in modifiers],
        country=country,
        accredited_to=accredited,
        capitalized=capitalized,
    )
    return after, title


def _token_index_at(tokens: list[Token], offset: int, start: int) -> int:
    """The index of the first token at or after `offset`, searching from `start`."""
    return bisect_left(tokens, offset, lo=start, key=lambda token: token.start)


def _name_tokens(tokens: list[Token], index: int, step: int = 1) -> list[Token]:
    """Up to four capitalised words from `index` on (or back, with step -1), with
    particles ("von der") inside."""
    words: list[Token] = []
    cursor = index
    # "Sheikh Abdullah bin Zayed Al Nahyan": "bin" and "Al" are parts, not the name's end.
    while 0 <= cursor < len(tokens) and _name_words(words) < _MOST_NAME_WORDS:
        token = tokens[cursor]
        if token.capitalized and token.lower not in NOT_NAMES:
            words.append(token)
        elif token.lower in NAME_PARTICLES and words:
            words.append(token)
        else:
            break
        cursor += step
    while words and (not words[-1].capitalized or words[-1].lower in NAME_PARTICLES):
        words.pop()
    return words if step == 1 else list(reversed(words))


def _name_words(words: list[Token]) -> int:
    return sum(
        1
        for w in words
        if w.capitalized and w.lower not in NAME_PARTICLES and w.lower not in HONORIFICS
    )


def _named_after(tokens, index, title, gazetteer, officials_at, covered):
    # "his Russian counterpart Sergei Lavrov": a lowercase title names someone only with
    # its country.
    if (not title.capitalized and not title.country) or index >= len(tokens):
        return None
    official = officials_at.get(tokens[index].start)
    if official is not None:
        return PersonMention(
            official.start, official.end, official.text, official=official.value, title=title
        )
    words = _name_tokens(tokens, index)
    if not words or any(w.start in covered for w in words):
        return None
    return _person(words, title, gazetteer)


def _named_before(tokens, title, gazetteer, officials_at):
    """ "Radoslaw Sikorski, Poland's foreign minister": the name before a comma."""
    cursor = _token_index_at(tokens, title.start, 0) - 1
    if cursor >= 0 and tokens[cursor].lower == "the":
        cursor -= 1
    if cursor < 1 or tokens[cursor].text != ",":
        return None
    words = _name_tokens(tokens, cursor - 1, step=-1)
    if not words:
        return None
    official = officials_at.get(words[0].start)
    if official is not None and official.end == words[-1].end:
        return PersonMention(
            official.start, official.end, official.text, official=official.value, title=title
        )
    return _person(words, title, gazetteer)


def _person(words: list[Token], title: Title, gazetteer: Gazetteer) -> PersonMention | None:
    name = " ".join(w.text for w in words)
    start, end = words[0].start, words[-1].end
    if len([w for w in words if w.capitalized]) == 1:
        # A surname alone names someone only when the title and surname fit one official.
        official = _official_by_title_and_surname(words[0].text, title, gazetteer)
        if official is None:
            return None
        return PersonMention(start, end, name, official=official, title=title, how="title")
    titles = [] if title.head == "counterpart" else title.titles(gazetteer.countries)
    post = gazetteer.find_post(titles, title.country)
    proposal = PersonProposal(
        name=name,
        country=title.country,
        post_title=post.title if post else (titles[0] if titles else ""),
        post_kind=post.kind if post else title.kind,
        accredited_to=title.accredited_to,
        post_pk=post.pk if post else None,
    )
    return PersonMention(start, end, name, proposal=proposal, title=title, how="title")


def _official_by_title_and_surname(surname, title, gazetteer) -> int | None:
    candidates = gazetteer.surnames.get(surname.lower(), ())
    if title.country:
        candidates = tuple(
            pk for pk in candidates if gazetteer.officials[pk].country in (title.country, None)
        )
    return candidates[0] if len(candidates) == 1 else None


def _resolve_surnames(text, gazetteer, mentions, covered) -> None:
    """A surname after the person was named in full means that person: "Smetanin said"."""
    introduced: dict[str, PersonMention] = {}
    for mention in sorted(mentions.values(), key=lambda m: m.start):
        for surname in _surnames_of(mention, gazetteer):
            introduced.setdefault(surname, mention)
    if not introduced:
        return
    taken = {offset for m in mentions.values() for offset in range(m.start, m.end)}
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, introduced)) + r")\b")
    for match in pattern.finditer(text):
        earlier = introduced[match.group()]
        if match.start() < earlier.end or match.start() in taken or match.start() in covered:
            continue
        mentions[match.start()] = PersonMention(
            match.start(),
            match.end(),
            match.group(),
            official=earlier.official,
            proposal=earlier.proposal,
            how="surname",
        )


def _surnames_of(mention: PersonMention, gazetteer: Gazetteer) -> tuple[str, ...]:
    if mention.official is not None:
        return gazetteer.officials[mention.official].surnames
    if mention.proposal is not None and len(mention.proposal.name.split()) > 1:
        # "Abdullah bin Zayed" later stands for "Sheikh Abdullah bin Zayed Al Nahyan".
        words = [w for w in mention.proposal.name.split() if w.lower() not in HONORIFICS]
        short = [
            " ".join(words[:i])
            for i in range(len(words) - 1, 2, -1)
            if words[i].lower() in NAME_PARTICLES
        ]
        return (mention.proposal.surname, *short)
    return ()
