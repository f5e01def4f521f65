"""The dictionary the extractor reads names with: countries (names, ISO codes, aliases,
demonyms, capitals), officials (names and other spellings), posts and their holders, topics.

Built from the database into an Aho-Corasick automaton (pyahocorasick), so finding every
known name in an article costs one pass over its text however many names are known. The
build is cached in the process and rebuilt when those tables change: signals catch changes
made in this process at once, and a fingerprint of the tables (largest keys and history
ids, one cheap query) catches those made by other processes.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import ahocorasick
from django.db import connections
from django.db.models.signals import post_delete, post_save

from events.models import (
    Country,
    CountryName,
    Official,
    OfficialName,
    Post,
    Tenure,
    Topic,
)
from extraction.topics import TOPIC_WORDS

SOURCE_MODELS = (Country, CountryName, Official, OfficialName, Post, Tenure, Topic)

# ISO codes that are also English words or everyday abbreviations: "AI", "PM", "IT", "ARE".
# Written in capitals they are far more often the word than the country.
CODES_READ_AS_WORDS = frozenset(
    "AD AI AM AN AS AT BE BY CD CV DJ DO FM GM GO HE HI ID IN IS IT LA MA MD ME MY NA NO OK "
    "OR PM PR PS SA SO ST TO TV VC WE "
    "AND ARE BEL BEN CAN COD COL COM CUB DOM GAB GIN GUM HTI IRL MAC MAR MLI MNE MOZ NIC PAN "
    "PER POL SOM SUR TON TUN USA".split()
) - {"USA"}


# Seats of government that news text uses for the government itself, as it does capitals
# ("the White House announced", "Downing Street said").
GOVERNMENT_SEATS = {
    "White House": "US",
    "State Department": "US",
    "Pentagon": "US",
    "Downing Street": "GB",
    "Elysee": "FR",
    "\u00c9lys\u00e9e": "FR",
    "Elysee Palace": "FR",
    "Quai d'Orsay": "FR",
    "Zhongnanhai": "CN",
    "Bankova": "UA",
}


# Regions, continents and seas whose names hold a country's name or demonym: "the South
# American neighbours" are not the United States, "the Gulf of Guinea" is not Guinea. Matched
# like names so that, being longer, they win over what they contain, then dropped.
REGIONS = (
    "South America", "South American", "South Americans", "Latin America", "Latin American",
    "Latin Americans", "Central America", "Central American", "Central Americans",
    "North America", "North American", "North Americans", "Inter-American", "Pan-American",
    "Pan American", "Ibero-American", "Afro-American", "Indian Ocean", "Indian subcontinent",
    "Indian Subcontinent", "South China Sea", "East China Sea", "Gulf of Guinea", "New Guinea",
    "Irish Sea", "Sea of Japan", "Korean Peninsula", "Korean peninsula", "Arabian Peninsula",
    "Arabian Sea", "Persian Gulf",
)  # fmt: skip


CITIES_FILE = Path(__file__).resolve().parent / "data" / "cities.tsv"


@cache
def cities() -> dict[str, str]:
    """Major cities that are not capitals, with their country's alpha-2 (data/cities.tsv,
    shipped with the project): "talks in Istanbul" took place in Turkey."""
    found = {}
    for line in CITIES_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, alpha2 = line.split("\t")
            found[name.strip()] = alpha2.strip()
    return found


@dataclass(frozen=True)
class OfficialEntry:
    pk: int
    public_id: str
    name: str
    country: str | None  # alpha-2 of the country the person acts for, when known
    surnames: tuple[str, ...]


@dataclass(frozen=True)
class PostEntry:
    pk: int
    title: str
    kind: str
    country: str | None
    accredited_to: str | None


@dataclass(frozen=True)
class NameMatch:
    """A known name found in text: a country (value: alpha-2), an official (value: pk) or a
    topic (value: slug). `how` says what kind of name matched: name, alias, demonym,
    capital, city, code, spelling."""

    start: int
    end: int
    text: str
    kind: str
    value: object
    how: str


@dataclass
class Gazetteer:
    countries: dict[str, str]  # alpha-2 -> name
    country_pks: dict[str, int]
    codes: dict[str, str]  # "UKR" -> "UA"
    officials: dict[int, OfficialEntry]
    surnames: dict[str, tuple[int, ...]]
    posts: dict[int, PostEntry]
    posts_by_title: dict[str, tuple[int, ...]]
    post_holders: dict[int, tuple[tuple[int, date | None, date | None], ...]]
    official_posts: dict[int, tuple[tuple[int, date | None, date | None], ...]]
    topics: dict[str, int]  # slug -> pk
    automaton: object = field(repr=False)
    size: int = 0

    def find(self, text: str) -> tuple[list[NameMatch], list[NameMatch]]:
        """Known names in `text` as (countries and officials, topics), each list in order and
        without overlaps (the longest name wins). Whole words only: "India" is not found
        inside "Indian", which is found as the demonym."""
        lowered = _lower_keeping_length(text)
        entities, topics = [], []
        if self.size:
            for end, (length, payloads) in self.automaton.iter(lowered):
                start = end - length + 1
                if (start > 0 and _is_word_char(text[start - 1])) or (
                    end + 1 < len(text) and _is_word_char(text[end + 1])
                ):
                    continue
                found = text[start : end + 1]
                hyphenated = (start > 0 and text[start - 1] == "-") or text[
                    end + 1 : end + 2
                ] == "-"
                for original, kind, value, how in payloads:
                    if how == "topic" and hyphenated:
                        continue  # "post-war" is not about war
                    if not _case_fits(original, found, how):
                        continue
                    target = topics if kind == "topic" else entities
                    target.append(NameMatch(start, end + 1, found, kind, value, how))
        entities.extend(self._codes(text))
        entities = [m for m in _longest_first(entities) if m.kind != "region"]
        return entities, _longest_first(topics)

    def _codes(self, text: str) -> list[NameMatch]:
        matches = []
        for match in _CODE.finditer(text):
            alpha2 = self.codes.get(match.group())
            if alpha2:
                matches.append(
                    NameMatch(match.start(), match.end(), match.group(), "country", alpha2, "code")
                )
        return matches

    def official_country(self, pk: int, day: date | None) -> str | None:
        """The country an official acted for on `day`: the post held then, else their own."""
        if day is not None:
            for post_pk, start, end in self.official_posts.get(pk, ()):
                post = self.posts[post_pk]
                if post.country and (start is None or start <= day) and (end is None or day <= end):
                    return post.country
        return self.officials[pk].country

    def holders_on(self, post_pk: int, day: date) -> list[int]:
        """Officials who held the post on `day`, the most recently started first."""
        held = [
            (start or date.min, official)
            for official, start, end in self.post_holders.get(post_pk, ())
            if (start is None or start <= day) and (end is None or day <= end)
        ]
        return [official for _, official in sorted(held, reverse=True)]

    def find_post(self, titles, country: str | None) -> PostEntry | None:
        """The first post whose title (any case) is one of `titles`, of `country`."""
        for title in titles:
            for pk in self.posts_by_title.get(title.lower(), ()):
                post = self.posts[pk]
                if country is None or post.country == country:
                    return post
        return None


_CODE = re.compile(r"\b[A-Z]{2,3}\b")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _lower_keeping_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters lower to two ("İ"); keep those as they are so offsets hold.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _case_fits(original: str, found: str, how: str) -> bool:
    if how == "topic":
        return True
    if original.isupper() and len(original.replace(".", "")) <= 5:
        return found == original  # acronyms: "UAE", "PRC", "U.S."
    first = original[0]
    return not first.isupper() or found[0].isupper()


def _longest_first(matches: list[NameMatch]) -> list[NameMatch]:
    """Leftmost-longest matches; two readings of the very same words are both kept
    ("Georgia" the country and a person of that name)."""
    matches.sort(key=lambda m: (m.start, -(m.end - m.start), m.kind, str(m.value)))
    kept: list[NameMatch] = []
    reach = -1
    for match in matches:
        if match.start >= reach:
            kept.append(match)
            reach = match.end
        elif kept and (kept[-1].start, kept[-1].end) == (match.start, match.end):
            if (kept[-1].kind, kept[-1].value) != (match.kind, match.value):
                kept.append(match)
    return kept


def _variants(name: str) -> list[str]:
    """Spellings of `name` that text uses for it: without accents, with the other
    apostrophe."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    forms = [name, plain] if len(plain) == len(name) else [name]
    out = []
    for form in forms:
        out += [form, form.replace("'", "\u2019"), form.replace("\u2019", "'")]
    return [f for f in dict.fromkeys(out) if f != name]


def _surnames(name: str) -> list[str]:
    words = [w.strip(".,") for w in name.split()]
    words = [w for w in words if w and w.lower() not in {"jr", "sr", "ii", "iii"}]
    return [words[-1]] if len(words) >= 2 and len(words[-1]) >= 3 else []


def build_gazetteer(using: str = "default") -> Gazetteer:
    """Read the names from the database and build the automaton (about a second for 50,000
    officials)."""
    keys: dict[str, list] = defaultdict(list)

    def add(name: str, kind: str, value, how: str) -> None:
        name = " ".join(name.split())
        if len(name) < 2:
            return
        # "Cote d'Ivoire" for "Côte d'Ivoire", "Turkiye" for "Türkiye"; either apostrophe.
        for variant in dict.fromkeys((name, *_variants(name))):
            key = _lower_keeping_length(variant)
            if all(p[1:] != (kind, value, how) for p in keys[key]):
                keys[key].append((variant, kind, value, how))

    for region in REGIONS:
        add(region, "region", None, "region")

    countries, country_pks, codes = {}, {}, {}
    pk_to_alpha2 = {}
    for pk, alpha2, alpha3, name, official_name in Country.objects.using(using).values_list(
        "pk", "iso_alpha2", "iso_alpha3", "name", "official_name"
    ):
        countries[alpha2], country_pks[alpha2], pk_to_alpha2[pk] = name, pk, alpha2
        add(name, "country", alpha2, "name")
        if official_name:
            add(official_name, "country", alpha2, "name")
        for code in (alpha2, alpha3):
            if code not in CODES_READ_AS_WORDS:
                codes[code] = alpha2
    for name, alpha2 in GOVERNMENT_SEATS.items():
        if alpha2 in countries:
            add(name, "country", alpha2, "capital")
    for name, alpha2 in cities().items():
        if alpha2 in countries:
            add(name, "country", alpha2, "city")
    for country_id, name, kind in CountryName.objects.using(using).values_list(
        "country_id", "name", "kind"
    ):
        alpha2 = pk_to_alpha2[country_id]
        add(name, "country", alpha2, kind)
        if kind == CountryName.Kind.DEMONYM and name[-1] in "nie" and " " not in name:
            add(f"{name}s", "country", alpha2, kind)  # "Ukrainians", "Israelis"

    posts, posts_by_title = {}, defaultdict(list)
    for pk, title, kind, country_id, accredited_id in Post.objects.using(using).values_list(
        "pk", "title", "kind", "country_id", "accredited_to_id"
    ):
        posts[pk] = PostEntry(
            pk, title, kind, pk_to_alpha2.get(country_id), pk_to_alpha2.get(accredited_id)
        )
        posts_by_title[title.lower()].append(pk)

    post_holders, official_posts = defaultdict(list), defaultdict(list)
    for official_id, post_id, start, end in Tenure.objects.using(using).values_list(
        "official_id", "post_id", "start_earliest", "end_latest"
    ):
        post_holders[post_id].append((official_id, start, end))
        official_posts[official_id].append((post_id, start, end))

    spellings = defaultdict(list)
    for official_id, name in OfficialName.objects.using(using).values_list("official_id", "name"):
        spellings[official_id].append(name)
    officials, surnames = {}, defaultdict(list)
    for pk, public_id, name, country_id in Official.objects.using(using).values_list(
        "pk", "public_id", "name", "country_id"
    ):
        country = pk_to_alpha2.get(country_id)
        if country is None:
            held = [posts[p].country for p, _, _ in official_posts.get(pk, ()) if posts[p].country]
            country = held[-1] if held else None
        names = [name, *spellings.get(pk, ())]
        own_surnames = tuple(dict.fromkeys(s for n in names for s in _surnames(n)))
        officials[pk] = OfficialEntry(pk, str(public_id), name, country, own_surnames)
        for surname in own_surnames:
            surnames[surname.lower()].append(pk)
        for spelling in names:
            add(spelling, "official", pk, "name")

    topics = dict(Topic.objects.using(using).values_list("slug", "pk"))
    for slug, name in Topic.objects.using(using).values_list("slug", "name"):
        add(name, "topic", slug, "topic")
        for word in TOPIC_WORDS.get(slug, ()):
            add(word, "topic", slug, "topic")

    automaton = ahocorasick.Automaton()
    for key, payloads in keys.items():
        automaton.add_word(key, (len(key), tuple(payloads)))
    if keys:
        automaton.make_automaton()
    return Gazetteer(
        countries=countries,
        country_pks=country_pks,
        codes=codes,
        officials=officials,
        surnames={k: tuple(v) for k, v in surnames.items()},
        posts=posts,
        posts_by_title={k: tuple(v) for k, v in posts_by_title.items()},
        post_holders={k: tuple(v) for k, v in post_holders.items()},
        official_posts={k: tuple(v) for k, v in official_posts.items()},
        topics=topics,
        automaton=automaton,
        size=len(keys),
    )


# Cache -----------------------------------------------------------------------------------

_lock = threading.Lock()
_cache: dict[str, tuple[tuple, Gazetteer]] = {}


def fingerprint(using: str = "default") -> tuple:
    """What changes whenever the names change: each table's largest key and largest history
    id (every create, edit and delete through Django writes a history row). Index lookups
    only, in one query."""
    parts = []
    for model in SOURCE_MODELS:
        history = model.history.model
        parts.append(f"(SELECT MAX(id) FROM {model._meta.db_table})")
        parts.append(f"(SELECT MAX(history_id) FROM {history._meta.db_table})")
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}")
        return tuple(cursor.fetchone())


def get_gazetteer(using: str = "default") -> Gazetteer:
    """The gazetteer for the database `using`, built on first use and again whenever its
    names have changed."""
    current = fingerprint(using)
    cached = _cache.get(using)
    if cached is not None and cached[0] == current:
        return cached[1]
    with _lock:
        cached = _cache.get(using)
        if cached is not None and cached[0] == current:
            return cached[1]
        gazetteer = build_gazetteer(using)
        _cache[using] = (current, gazetteer)
        return gazetteer


def invalidate(**kwargs) -> None:
    """Forget every built gazetteer; the next extraction rebuilds it."""
    _cache.clear()


for _model in SOURCE_MODELS:
    # Raw saves (fixtures) write no history row; the signals still tell this process.
    post_save.connect(invalidate, sender=_model, dispatch_uid=f"extraction-{_model.__name__}-save")
    post_delete.connect(
        invalidate, sender=_model, dispatch_uid=f"extraction-{_model.__name__}-delete"
    )
