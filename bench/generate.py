"""A realistic synthetic data set of diplomatic events, as a CSV the importer reads.

    python bench/generate.py --events 1000000 --output bench/data/events-1000000.csv

Shaped like real event data: a few countries take part in most diplomacy (a Zipf-like
skew over ISO codes, the G20 and Ukraine at the head), about 50,000 officials (kept in
proportion for smaller sets), about three participants per event, dates from 1990 on with
more recent years busier, and the mix of date precisions articles give (mostly days, some
months, parts of months, ranges, quarters and years). Deterministic for a given --seed.
"""

import argparse
import csv
import random
import sys
from datetime import date, timedelta
from pathlib import Path

import pycountry

# The most active first: the head of the skew.
LEADERS = (
    "US RU CN UA IN FR DE GB JP TR IL IR SA PL KR BR IT CA AU ZA EG QA AE ID MX PK KZ BY HU "
    "ES NL SE FI NO RO GE AZ AM MD RS VN TH MY SG NG KE ET AR CL CO VE".split()
)
OTHERS = sorted({c.alpha_2 for c in pycountry.countries} - set(LEADERS))
COUNTRIES = LEADERS + OTHERS
# Zipf-like weights: the k-th country is 1/k^0.9 as active as the first.
WEIGHTS = [1 / (rank**0.9) for rank in range(1, len(COUNTRIES) + 1)]

TYPES = [
    ("meeting", 30),
    ("visit", 14),
    ("call", 14),
    ("talks", 10),
    ("summit", 4),
    ("agreement", 8),
    ("statement", 10),
    ("aid", 3),
    ("sanction", 3),
    ("cooperation", 2),
    ("strike", 1.5),
    ("attack", 0.5),
]
PRECISIONS = [
    ("day", 68),
    ("day_range", 8),
    ("part_of_month", 5),
    ("month", 11),
    ("quarter", 2),
    ("year", 6),
]
# The seed's topic slugs: the importer refuses a topic that is not recorded.
TOPICS = ["trade", "defense-industry", "economy", "reconstruction", "culture", "war", ""]
VERBS = {
    "meeting": "meets",
    "visit": "visits",
    "call": "holds a call with",
    "talks": "holds talks with",
    "summit": "attends a summit with",
    "agreement": "signs an agreement with",
    "statement": "issues a statement on",
    "aid": "pledges aid to",
    "sanction": "sanctions",
    "cooperation": "agrees joint projects with",
    "strike": "strikes",
    "attack": "attacks",
}
ROLES_BY_TYPE = {"visit": ("visitor", "host"), "strike": ("actor", "target")}
ROLES_BY_TYPE["attack"] = ROLES_BY_TYPE["strike"]
SYLLABLES = "ka lo mi ren vos ta dru nel ser go vi an ol za mir tek bar sun del ko ra pe".split()
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
FIRST_YEAR, LAST_YEAR = 1990, 2026

COLUMNS = [
    "external_id",
    "date",
    "type",
    "title",
    "countries",
    "participants",
    "location",
    "location_country",
    "latitude",
    "longitude",
    "topics",
    "summary",
    "source_url",
]


def official_names(rng: random.Random, count: int) -> dict[str, list[str]]:
    """`count` distinct invented names, spread over countries as activity is."""
    by_country: dict[str, list[str]] = {c: [] for c in COUNTRIES}
    seen = set()
    while len(seen) < count:
        country = rng.choices(COUNTRIES, WEIGHTS)[0]
        first = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        last = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        name = f"{first} {last}"
        if name not in seen:
            seen.add(name)
            by_country[country].append(name)
    return by_country


def fuzzy_text(rng: random.Random, precision: str) -> str:
    """A date as an editor or a feed would write it."""
    # Recent years are busier: a square-root skew toward the end of the range.
    year = LAST_YEAR - int((LAST_YEAR - FIRST_YEAR + 1) * (1 - rng.random() ** 0.6))
    year = max(FIRST_YEAR, min(LAST_YEAR, year))
    month = rng.randint(1, 12)
    if precision == "year":
        return str(year)
    if precision == "quarter":
        return f"Q{rng.randint(1, 4)} {year}"
    if precision == "month":
        return f"{MONTHS[month - 1]} {year}"
    if precision == "part_of_month":
        return f"{rng.choice(['early', 'mid', 'late'])} {MONTHS[month - 1]} {year}"
    day = date(year, month, 1) + timedelta(days=rng.randint(0, 27))
    if precision == "day_range":
        end = day + timedelta(days=rng.randint(1, 3))
        return f"{day.isoformat()}/{end.isoformat()}"
    return day.isoformat()


def rows(count: int, officials: int, seed: int):
    rng = random.Random(seed)
    people = official_names(rng, officials)
    types, type_weights = zip(*TYPES, strict=True)
    precisions, precision_weights = zip(*PRECISIONS, strict=True)
    for number in range(1, count + 1):
        kind = rng.choices(types, type_weights)[0]
        shape = rng.random()
        size = 1 if shape < 0.12 else (2 if shape < 0.85 else rng.randint(3, 6))
        countries = []
        while len(countries) < size:
            code = rng.choices(COUNTRIES, WEIGHTS)[0]
            if code not in countries:
                countries.append(code)
        participants = []
        roles = ROLES_BY_TYPE.get(kind, ("participant", "participant"))
        for index, code in enumerate(countries):
            role = roles[min(index, 1)]
            pool = people[code]
            if pool and rng.random() < 0.9:
                participants.append(f"{rng.choice(pool)}|{role}|{code}")
                if rng.random() < 0.35 and len(pool) > 1:
                    participants.append(f"{rng.choice(pool)}|delegate|{code}")
            else:
                participants.append(f"|{role}|{code}")
        leader = participants[0].split("|")[0] or countries[0]
        other = countries[1] if len(countries) > 1 else "partners"
        title = f"{leader} {VERBS[kind]} {other}"
        located = rng.random() < 0.4
        yield {
            "external_id": f"SYN:{seed}:{number}",
            "date": fuzzy_text(rng, rng.choices(precisions, precision_weights)[0]),
            "type": kind,
            "title": title,
            "countries": ";".join(countries),
            "participants": ";".join(participants),
            "location": f"Capital of {countries[-1]}" if located else "",
            "location_country": countries[-1] if located else "",
            "latitude": f"{rng.uniform(-60, 70):.4f}" if located else "",
            "longitude": f"{rng.uniform(-170, 170):.4f}" if located else "",
            "topics": rng.choice(TOPICS),
            "summary": f"{title}. Synthetic event {number} for benchmarks.",
            "source_url": f"https://news.example/{seed}/{number // 3}",
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument(
        "--officials", type=int, help="Default: 50,000 scaled to the size (at least 500)."
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    officials = args.officials or max(500, min(50_000, args.events // 20))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, COLUMNS)
        writer.writeheader()
        writer.writerows(rows(args.events, officials, args.seed))
    print(
        f"Wrote {args.events:,} events ({officials:,} officials) to {args.output}", file=sys.stderr
    )


if __name__ == "__main__":
    main()
