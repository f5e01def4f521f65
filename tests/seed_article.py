"""The seed article's text, as the project ships it (fixtures/seed.json), so tests and
benches do not depend on files outside the repository."""

import json
from datetime import date
from functools import cache
from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "seed.json"
PUBLISHED = date(2024, 10, 27)


@cache
def seed_article_text() -> str:
    records = json.loads(FIXTURE.read_text(encoding="utf-8"))
    (source,) = [r for r in records if r["model"] == "events.source"]
    return source["fields"]["text"]
