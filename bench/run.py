"""The scale benchmark: a realistic data set of N events loaded through the importer into
SQLite and PostgreSQL, then the typical dashboard page timed through the real HTTP stack
and compared, in the same run, with the best single SQL query for the same rows and (on
SQLite) with Datasette serving the same file. Writes bench/results.json.

    make bench BENCH_EVENTS=1000000          # or: python bench/run.py --events N

The page: events involving Ukraine from 2022 to 2023, newest first, 50 rows, with
participants. Each figure is a median over --requests sequential requests after a warm-up.
Nothing is kept on the server (docs/caching.md): every figure is a page read and rendered
for the request (cold), except the `_kept` ones, which are a client revalidating the page
it holds (If-None-Match, answered 304 from the data's revision). `cold_pages_p50_ms` times
the pages people open first: the default timeline, a country, a relation, an official,
the admin event list with and without a search, and counts by month and by pair.
PostgreSQL runs in a database the benchmark creates and drops, on the server that
DATABASE_URL_BENCH names (default: the local one).
"""

import argparse
import json
import os
import secrets
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
PYTHON = sys.executable

COUNTRY, AFTER, BEFORE = "UA", "2022-01-01", "2023-12-31"
PAGE_FIELDS = "id,title,type,date_start,date_end,date_precision,date_label,countries,participants"
API_PAGE = (
    f"/api/events/?country={COUNTRY}&date_after={AFTER}&date_before={BEFORE}"
    f"&cursor=&fields={PAGE_FIELDS}"
)
TIMELINE_PAGE = f"/timeline/?country={COUNTRY}&date_after={AFTER}&date_before={BEFORE}"
# The pages people open cold (the keys); {official} is the busiest official's slug.
COLD_PAGES = {
    "timeline": "/timeline/",
    "country_page": "/timeline/countries/UA/",
    "relation_page": "/timeline/relations/RU-UA/",
    "official_page": "/timeline/officials/{official}/",
    # The pictures of the same filters (issue 16): unfiltered they count from the tallies.
    "visual_page": "/timeline/visual/",
    "visual_pairs_page": "/timeline/visual/?group=pair",
    "visual_country_page": "/timeline/visual/?country=UA&date_after=2022&date_before=2023",
    "network_page": "/timeline/network/",
    "network_country_page": "/timeline/network/?country=UA&date_after=2022&date_before=2023",
    "map_page": "/timeline/map/",
    "map_country_page": "/timeline/map/?country=UA",
    "admin_changelist": "/admin/events/event/",
    "admin_search": "/admin/events/event/?q=Ukraine",
    "stats_month": "/api/stats/events/?group_by=month",
    "stats_pair": "/api/stats/events/?group_by=pair",
}

# The best single query for the page's rows, written by hand for each database: the
# country's links in the date range through their chronological index, with countries and
# participants aggregated per event.
ORDER = (
    "ORDER BY ec.date_start DESC, ec.date_precision DESC, ec.date_end DESC, ec.title DESC, "
    "ec.event_id DESC LIMIT 50"
)
SQL = {
    "postgresql": f"""
SELECT e.public_id, e.title, e.type, e.date_start, e.date_end, e.date_precision,
  (SELECT string_agg(c.iso_alpha2, ',') FROM events_eventcountry l
     JOIN events_country c ON c.id = l.country_id WHERE l.event_id = e.id) AS countries,
  (SELECT json_agg(json_build_object('official', o.name, 'organization', g.name,
     'country', pc.iso_alpha2, 'role', p.role, 'post', ps.title) ORDER BY p.id)
     FROM events_participant p
     LEFT JOIN events_official o ON o.id = p.official_id
     LEFT JOIN events_organization g ON g.id = p.organization_id
     LEFT JOIN events_country pc ON pc.id = p.country_id
     LEFT JOIN events_post ps ON ps.id = p.post_id
     WHERE p.event_id = e.id) AS participants
FROM events_eventcountry ec JOIN events_event e ON e.id = ec.event_id
WHERE ec.country_id = %(country)s AND ec.date_end >= %(after)s AND ec.date_start <= %(before)s
{ORDER}""",
    "sqlite": f"""
SELECT e.public_id, e.title, e.type, e.date_start, e.date_end, e.date_precision,
  (SELECT group_concat(c.iso_alpha2, ',') FROM events_eventcountry l
     JOIN events_country c ON c.id = l.country_id WHERE l.event_id = e.id) AS countries,
  (SELECT json_group_array(json_object('official', o.name, 'organization', g.name,
     'country', pc.iso_alpha2, 'role', p.role, 'post', ps.title))
     FROM events_participant p
     LEFT JOIN events_official o ON o.id = p.official_id
     LEFT JOIN events_organization g ON g.id = p.organization_id
     LEFT JOIN events_country pc ON pc.id = p.country_id
     LEFT JOIN events_post ps ON ps.id = p.post_id
     WHERE p.event_id = e.id) AS participants
FROM events_eventcountry ec JOIN events_event e ON e.id = ec.event_id
WHERE ec.country_id = :country AND ec.date_end >= :after AND ec.date_start <= :before
{ORDER}""",
}


def log(message: str):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# The cold pages each scan more: fewer requests give a stable median.
COLD_REQUESTS = 30


def median_ms(call, requests: int, warmup: int = 10) -> float:
    for _ in range(warmup):
        call()
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(timings), 2)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within {seconds:.0f} s")


def fetch(url: str, headers: dict | None = None, expect: int = 200) -> dict:
    """One request on a new connection, read to the end (as a dashboard's would be);
    returns the response's headers."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()
            status, found = response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        status, found = error.code, dict(error.headers)
    if status != expect:
        raise SystemExit(f"{url} answered {status}, not {expect}")
    return found


def revalidate(url: str):
    """A client that holds `url` asking whether it changed (If-None-Match): a 304."""
    etag = fetch(url)["ETag"]
    return lambda: fetch(url, {"If-None-Match": etag}, expect=304)


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def worker(env: dict, *args: str) -> dict:
    result = subprocess.run(
        [PYTHON, "bench/worker.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"bench/worker.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def server_env(database_url: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_STATIC_MANIFEST": "false",
        "DJANGO_THROTTLE_ANON": "100000000/min",
        "DJANGO_CACHE_URL": "locmemcache://",
        # Plain HTTP on loopback: the session cookie is sent without TLS.
        "DJANGO_SECURE_COOKIES": "false",
    }


def start(command: list[str], env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def measure_database(
    vendor: str, database_url: str, csv_path: Path, requests: int, reuse: bool
) -> dict:
    env = {**os.environ, "DATABASE_URL": database_url}
    # An import's figures are kept beside the data, so --reuse can time pages again
    # without loading a million events again.
    imported_file = DATA / f"import-{vendor}-{csv_path.stem}.json"
    if reuse and imported_file.exists():
        imported = json.loads(imported_file.read_text())
        log(f"{vendor}: reusing the imported database ({imported['events']:,} events)")
    else:
        log(f"{vendor}: migrate and load the countries and seed")
        manage(env, "migrate", "-v0")
        manage(env, "load_seed", "-v0")
        log(f"{vendor}: import {csv_path.name}")
        imported = worker(env, "import", str(csv_path))
        imported_file.write_text(json.dumps(imported))
        log(f"{vendor}: {imported['events']:,} events in {imported['import_s']:.0f} s")
    figures = {
        "events": imported["events"],
        "import_events_per_s": round(imported["events"] / imported["import_s"]),
        "copy_events_per_s": round(imported["events"] / imported["copy_s"]),
        "import_vs_copy": round(imported["import_s"] / imported["copy_s"], 2),
        "queries_per_page": worker(env, "queries", API_PAGE),
    }

    log(f"{vendor}: time the pages, cold and revalidated")
    figures.update(time_pages(database_url, requests, worker(env, "visitor")))

    log(f"{vendor}: time the raw SQL")
    figures["sql_page_p50_ms"] = median_ms(sql_runner(vendor, database_url), requests)
    figures["api_vs_sql_p50"] = round(figures["api_page_p50_ms"] / figures["sql_page_p50_ms"], 2)
    figures["api_minus_floor_vs_sql_p50"] = round(
        (figures["api_page_p50_ms"] - figures["http_floor_p50_ms"]) / figures["sql_page_p50_ms"], 2
    )
    figures["api_kept_vs_sql_p50"] = round(
        figures["api_page_kept_p50_ms"] / figures["sql_page_p50_ms"], 2
    )
    # The PostgreSQL target: the page within twice what the query and HTTP alone cost.
    figures["api_vs_sql_plus_floor_p50"] = round(
        figures["api_page_p50_ms"] / (figures["sql_page_p50_ms"] + figures["http_floor_p50_ms"]),
        2,
    )
    for suffix in ("", "_kept"):
        figures[f"timeline{suffix}_vs_api_p50"] = round(
            figures[f"timeline_page{suffix}_p50_ms"] / figures[f"api_page{suffix}_p50_ms"], 2
        )
    if vendor == "sqlite":
        figures.update(measure_datasette(database_url, requests, figures))
    return figures


def time_pages(database_url: str, requests: int, visitor: dict) -> dict:
    """The pages' medians through gunicorn on loopback: every request read and rendered
    (nothing is kept on the server), and a client revalidating what it holds (304)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start(
        [PYTHON, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1"],
        server_env(database_url),
    )
    figures = {}
    full = API_PAGE.replace(f"&fields={PAGE_FIELDS}", "")
    try:
        wait_for(base + "/healthz")
        figures["api_page_p50_ms"] = median_ms(lambda: fetch(base + API_PAGE), requests)
        figures["api_full_page_p50_ms"] = median_ms(lambda: fetch(base + full), requests)
        figures["timeline_page_p50_ms"] = median_ms(lambda: fetch(base + TIMELINE_PAGE), requests)
        figures["api_page_kept_p50_ms"] = median_ms(revalidate(base + API_PAGE), requests)
        figures["api_full_page_kept_p50_ms"] = median_ms(revalidate(base + full), requests)
        figures["timeline_page_kept_p50_ms"] = median_ms(revalidate(base + TIMELINE_PAGE), requests)
        # The least any page can cost here: a new connection, gunicorn, Django's
        # middleware and one trivial query (the health check).
        figures["http_floor_p50_ms"] = median_ms(lambda: fetch(base + "/healthz"), requests)
        cookie = {"Cookie": f"sessionid={visitor['session']}"}
        cold = {}
        for name, path in COLD_PAGES.items():
            url = base + path.format(official=visitor["official"])
            headers = cookie if path.startswith("/admin/") else None
            cold[name] = median_ms(
                lambda url=url, headers=headers: fetch(url, headers), COLD_REQUESTS, warmup=3
            )
        figures["cold_pages_p50_ms"] = cold
    finally:
        server.terminate()
        server.wait(timeout=30)
    return figures


def sql_runner(vendor: str, database_url: str):
    """A callable running the page's best SQL on one open connection, rows fetched."""
    if vendor == "sqlite":
        connection = sqlite3.connect(database_url.removeprefix("sqlite:///"))
        country = connection.execute(
            "SELECT id FROM events_country WHERE iso_alpha2 = ?", [COUNTRY]
        ).fetchone()[0]
        params = {"country": country, "after": AFTER, "before": BEFORE}
        return lambda: connection.execute(SQL["sqlite"], params).fetchall()
    connection = psycopg.connect(database_url, autocommit=True)
    country = connection.execute(
        "SELECT id FROM events_country WHERE iso_alpha2 = %s", [COUNTRY]
    ).fetchone()[0]
    params = {"country": country, "after": AFTER, "before": BEFORE}
    return lambda: connection.execute(SQL["postgresql"], params).fetchall()


def measure_datasette(database_url: str, requests: int, figures: dict) -> dict:
    path = Path(database_url.removeprefix("sqlite:///"))
    port = free_port()
    server = start(
        [
            PYTHON,
            "-m",
            "datasette",
            "serve",
            str(path),
            "--port",
            str(port),
            "--immutable",
            str(path),
            "--setting",
            "sql_time_limit_ms",
            "10000",
        ],
        dict(os.environ),
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/-/versions.json")
        with sqlite3.connect(path) as connection:
            country = connection.execute(
                "SELECT id FROM events_country WHERE iso_alpha2 = ?", [COUNTRY]
            ).fetchone()[0]
        query = urllib.parse.urlencode(
            {
                "sql": SQL["sqlite"],
                "country": country,
                "after": AFTER,
                "before": BEFORE,
                "_shape": "array",
            }
        )
        url = f"{base}/{path.stem}.json?{query}"
        log("sqlite: time Datasette")
        p50 = median_ms(lambda: fetch(url), requests)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {
        "datasette_page_p50_ms": p50,
        "api_vs_datasette_p50": round(figures["api_page_p50_ms"] / p50, 2),
        "api_kept_vs_datasette_p50": round(figures["api_page_kept_p50_ms"] / p50, 2),
    }


def postgresql_url(admin_url: str, name: str) -> str:
    parts = urllib.parse.urlsplit(admin_url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def postgresql_database(admin_url: str, name: str) -> str:
    """A new, empty database `name` on the server of `admin_url`."""
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return postgresql_url(admin_url, name)


def drop_postgresql_database(admin_url: str, name: str):
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def extraction_ms() -> float:
    result = subprocess.run(
        [PYTHON, "bench/extract.py", "--runs", "30"], cwd=ROOT, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"bench/extract.py failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout[result.stdout.index("{") :])["extract_ms_per_1000_words_median"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200, help="Timed requests per page.")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="Time pages on the databases a previous --keep run loaded, without importing.",
    )
    parser.add_argument(
        "--keep", action="store_true", help="Keep the PostgreSQL database for --reuse."
    )
    args = parser.parse_args()

    DATA.mkdir(parents=True, exist_ok=True)
    csv_path = DATA / f"events-{args.events}.csv"
    if not csv_path.exists():
        log(f"generate {args.events:,} events")
        subprocess.run(
            [PYTHON, "bench/generate.py", "--events", str(args.events), "--output", str(csv_path)],
            cwd=ROOT,
            check=True,
        )
    results = {"page": {"api": API_PAGE, "timeline": TIMELINE_PAGE}, "requests": args.requests}
    databases = args.databases.split(",")
    if "sqlite" in databases:
        path = DATA / f"bench-{args.events}.sqlite3"
        if not args.reuse:
            path.unlink(missing_ok=True)
        results["sqlite"] = measure_database(
            "sqlite", f"sqlite:///{path}", csv_path, args.requests, args.reuse
        )
    if "postgresql" in databases:
        admin = os.environ.get("DATABASE_URL_BENCH", "postgres://postgres@127.0.0.1:5432/postgres")
        name = f"dt_bench_{args.events}"
        url = postgresql_url(admin, name) if args.reuse else postgresql_database(admin, name)
        try:
            results["postgresql"] = measure_database(
                "postgresql", url, csv_path, args.requests, args.reuse
            )
        finally:
            if not args.keep:
                drop_postgresql_database(admin, name)
    log("time extraction")
    results["extract_ms_per_1000_words"] = extraction_ms()
    args.output.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
