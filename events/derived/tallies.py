"""Event counts kept by month, by country and month, by pair of countries, and by pair,
month and type (events.models.tallies), changed by each write by the difference it makes.

A write records the counts its events are in before it changes them (`keys_of`, while the
rows still hold the old values) and again after; the difference is added in one statement
per table. `rebuild()` counts everything again from the events (refresh_derived).
"""

from collections import Counter
from collections.abc import Iterable
from datetime import date
from itertools import combinations

from django.db import connections, router

from events.models import (
    CountryMonthTally,
    Event,
    EventCountry,
    MonthTally,
    PairMonthTally,
    PairTally,
)

MONTH, COUNTRY, PAIR, PAIR_MONTH = "month", "country", "pair", "pair_month"
TABLES = {
    MONTH: MonthTally,
    COUNTRY: CountryMonthTally,
    PAIR: PairTally,
    PAIR_MONTH: PairMonthTally,
}
COLUMNS = {
    MONTH: ("year", "month", "spans_years", "type", "status"),
    COUNTRY: ("country_id", "year", "month", "spans_years"),
    PAIR: ("first_id", "second_id"),
    PAIR_MONTH: ("first_id", "second_id", "year", "month", "spans_years", "type"),
}


def period(start: date, end: date) -> tuple[int, int, bool]:
    """(year, month, spans_years) of a range: its month when it lies in one, else 0."""
    same_month = (start.year, start.month) == (end.year, end.month)
    return start.year, start.month if same_month else 0, start.year != end.year


def event_keys(start, end, type_, status, countries: Iterable[int]) -> list[tuple]:
    """The counts one event is in."""
    year, month, spans = period(start, end)
    countries = sorted(set(countries))
    keys = [(MONTH, year, month, spans, type_, status)]
    keys += [(COUNTRY, country, year, month, spans) for country in countries]
    for first, second in combinations(countries, 2):
        keys += [(PAIR, first, second), (PAIR_MONTH, first, second, year, month, spans, type_)]
    return keys


def keys_of(event_ids: Iterable[int]) -> Counter:
    """The counts these events (as stored now) are in, each as often as it is."""
    ids = set(event_ids)
    counts = Counter()
    if not ids:
        return counts
    countries: dict[int, list[int]] = {}
    for event_id, country_id in EventCountry.objects.filter(event_id__in=ids).values_list(
        "event_id", "country_id"
    ):
        countries.setdefault(event_id, []).append(country_id)
    for pk, start, end, type_, status in Event.objects.filter(pk__in=ids).values_list(
        "pk", "date_start", "date_end", "type", "status"
    ):
        counts.update(event_keys(start, end, type_, status, countries.get(pk, ())))
    return counts


def apply(delta: Counter, using: str | None = None) -> None:
    """Add `delta` (key -> change, as keys_of() gives them) to the stored counts.

    Increments are written as one upsert per table (INSERT ... ON CONFLICT DO UPDATE
    SET count = count + excluded.count): Django's bulk_create can only overwrite on
    conflict, and reading then writing would lose a concurrent writer's increment.
    Decrements never take a count below zero (a count made wrong behind the app's back
    must not fail an editor's write: refresh_derived repairs it), and rows at zero go."""
    using = using or router.db_for_write(Event)
    connection = connections[using]
    greatest = "GREATEST" if connection.vendor == "postgresql" else "MAX"
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table_key, model in TABLES.items():
            columns = COLUMNS[table_key]
            table = quote(model._meta.db_table)
            rows = [(*key[1:], change) for key, change in delta.items() if key[0] == table_key]
            up = [row for row in rows if row[-1] > 0]
            down = [(-row[-1], *row[:-1]) for row in rows if row[-1] < 0]
            names = ", ".join(quote(c) for c in columns)
            if up:
                marks = ", ".join(["%s"] * (len(columns) + 1))
                cursor.executemany(
                    f"INSERT INTO {table} ({names}, count) VALUES ({marks}) "
                    f"ON CONFLICT ({names}) DO UPDATE SET count = {table}.count + excluded.count",
                    up,
                )
            if down:
                where = " AND ".join(f"{quote(c)} = %s" for c in columns)
                cursor.executemany(
                    f"UPDATE {table} SET count = {greatest}(count - %s, 0) WHERE {where}", down
                )
                cursor.executemany(
                    f"DELETE FROM {table} WHERE {where} AND count = 0", [row[1:] for row in down]
                )


def rebuild(using: str | None = None, chunk: int = 20_000) -> None:
    """Count every event again, replacing the stored counts."""
    for model in TABLES.values():
        model.objects.using(using).all().delete()
    ids = Event.objects.using(using).order_by("pk").values_list("pk", flat=True)
    batch: list[int] = []
    total = Counter()
    for pk in ids.iterator(chunk_size=chunk):
        batch.append(pk)
        if len(batch) == chunk:
            total.update(keys_of(batch))
            batch = []
    total.update(keys_of(batch))
    apply(total, using)


def stored(using: str | None = None) -> Counter:
    """The counts as stored, keyed as keys_of() keys them (for checking)."""
    counts = Counter()
    for table_key, model in TABLES.items():
        for row in model.objects.using(using).values_list(*COLUMNS[table_key], "count"):
            counts[(table_key, *row[:-1])] = row[-1]
    return counts
