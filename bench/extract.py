"""How fast is extraction? A 1,000-word article read with 50,000 officials known.

    .venv/bin/python bench/extract.py [--officials 50000] [--runs 50]

Works in a throwaway test database (in memory on SQLite; test_<name> on PostgreSQL), never in
the development database: migrates it, loads the countries and the seed, adds synthetic
officials with spellings, posts and tenures, then times the extraction call with the matcher
already built (the figure the 20 ms target is for, in wall time and in the process's CPU
time), the call with its freshness check, and the one-off build. Prints JSON.
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from events.models import Country, Official, OfficialName, Post, Tenure  # noqa: E402
from extraction.extract import extract_candidates  # noqa: E402
from extraction.gazetteer import fingerprint, get_gazetteer, invalidate  # noqa: E402
from tests.extraction.evaluation_set import PARAGRAPHS, READING, REPORTING  # noqa: E402
from tests.seed_article import PUBLISHED, seed_article_text  # noqa: E402

SYLLABLES = "ka lo mi ren vos ta dru nel ser go vi an ol za mir tek bar sun del ko".split()


def synthetic_name(rng: random.Random) -> str:
    def word(parts):
        return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()

    return f"{word(2)} {word(3)}"


def add_officials(count: int, rng: random.Random) -> list[str]:
    """`count` officials with distinct names, a spelling for one in five, and a post and
    tenure for one in ten; returns their names."""
    countries = list(Country.objects.values_list("pk", flat=True))
    names: set[str] = set()
    while len(names) < count:
        names.add(synthetic_name(rng))
    ordered = sorted(names)
    Official.objects.bulk_create(
        [
            Official(name=name, slug=f"bench-{i}", country_id=rng.choice(countries))
            for i, name in enumerate(ordered)
        ],
        batch_size=5000,
    )
    officials = list(Official.objects.filter(slug__startswith="bench-").values_list("pk", "name"))
    OfficialName.objects.bulk_create(
        [
            OfficialName(official_id=pk, name=name.replace("k", "c"))
            for pk, name in officials[::5]
            if "k" in name
        ],
        batch_size=5000,
        ignore_conflicts=True,
    )
    posts = Post.objects.bulk_create(
        [
            Post(title=f"Minister of Portfolio {i}", kind="minister", country_id=countries[i % 200])
            for i in range(count // 10)
        ],
        batch_size=5000,
    )
    Tenure.objects.bulk_create(
        [
            Tenure(official_id=pk, post_id=post.pk)
            for (pk, _), post in zip(officials[::10], posts, strict=False)
        ],
        batch_size=5000,
    )
    return ordered


def article(known: list[str], rng: random.Random, words: int = 1000) -> str:
    """About `words` words of diplomatic news: the seed article, the evaluation paragraphs
    (those of real reporting's shapes first: datelines, furniture, counterparts, cities),
    and sentences naming synthetic officials."""
    paragraphs = [seed_article_text()] + [p.text for p in READING + REPORTING + PARAGRAPHS]
    text = "\n\n".join(paragraphs)
    while len(text.split()) < words:
        a, b = rng.sample(known, 2)
        text += (
            f"\n\nForeign Minister {a} met {b} in Kyiv on Oct. {rng.randint(1, 25)} to discuss "
            "trade and energy cooperation between the two countries."
        )
    kept = text.split(" ")
    while len(" ".join(kept).split()) > words:
        kept.pop()
    return " ".join(kept)


def timed(call, runs: int, clock=time.perf_counter) -> list[float]:
    times = []
    for _ in range(runs):
        start = clock()
        call()
        times.append((clock() - start) * 1000)
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officials", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=50)
    options = parser.parse_args()

    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        call_command("load_seed", verbosity=0)
        rng = random.Random(5)
        names = add_officials(options.officials, rng)
        text = article(names, rng)
        word_count = len(text.split())

        invalidate()
        start = time.perf_counter()
        gazetteer = get_gazetteer()
        build_ms = (time.perf_counter() - start) * 1000

        extract_candidates(text, PUBLISHED, gazetteer)  # warm caches of re and the automaton
        bare = timed(lambda: extract_candidates(text, PUBLISHED, gazetteer), options.runs)
        checked = timed(lambda: extract_candidates(text, PUBLISHED), options.runs)
        check = timed(fingerprint, options.runs)
        # The process's own CPU time: on a machine shared with other work, wall time also
        # counts the waits for a core.
        cpu = timed(
            lambda: extract_candidates(text, PUBLISHED, gazetteer), options.runs, time.process_time
        )
        candidates = extract_candidates(text, PUBLISHED, gazetteer)
        per_1000 = 1000 / word_count
        print(
            json.dumps(
                {
                    "database": connection.vendor,
                    "officials_known": Official.objects.count(),
                    "names_in_matcher": gazetteer.size,
                    "article_words": word_count,
                    "candidates": len(candidates),
                    "build_ms": round(build_ms, 1),
                    "extract_ms_per_1000_words_median": round(
                        statistics.median(bare) * per_1000, 2
                    ),
                    "extract_ms_per_1000_words_p95": round(
                        statistics.quantiles(bare, n=20)[-1] * per_1000, 2
                    ),
                    "extract_cpu_ms_per_1000_words_median": round(
                        statistics.median(cpu) * per_1000, 2
                    ),
                    "with_freshness_check_ms_per_1000_words_median": round(
                        statistics.median(checked) * per_1000, 2
                    ),
                    "freshness_check_ms_median": round(statistics.median(check), 2),
                    "target_ms_per_1000_words": 20,
                },
                indent=2,
            )
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
