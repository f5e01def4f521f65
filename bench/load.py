"""Load test: many concurrent clients against the production server on loopback.

    python bench/load.py --serve                  # starts `make serve` on a free port
    python bench/load.py --url http://127.0.0.1:8000 --clients 100 --duration 60

Each client repeats a dashboard-and-reader mix (event lists, filters, text search, detail,
stats, a relation, timeline pages) until the time is up. Prints requests per second,
latency percentiles and errors (any status >= 400 or failed connection), and writes them
as JSON (--output). With --serve, rate limits are lifted for the run: this measures
capacity, not the limits.
"""

import argparse
import asyncio
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent

# (weight, path template); {event} is filled with a real event id.
MIX = [
    (30, "/api/events/?page_size=50"),
    (15, "/api/events/?country=IN&country=UA"),
    (10, "/api/events/?q=defense"),
    (10, "/api/events/{event}/"),
    (10, "/api/stats/events/?group_by=month"),
    (5, "/api/relations/IN/UA/"),
    (15, "/timeline/"),
    (5, "/timeline/events/{event}/"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, workers: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_THROTTLE_ANON": "100000000/min",
        "DJANGO_THROTTLE_TOKEN": "100000000/min",
    }
    return subprocess.Popen(
        ["make", "-s", "serve", f"PORT={port}", f"WORKERS={workers}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


async def wait_until_up(client: httpx.AsyncClient, url: str, seconds: float = 120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if (await client.get(url + "/api/")).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        await asyncio.sleep(0.5)
    raise SystemExit(f"The server at {url} did not answer within {seconds:.0f} s.")


async def event_ids(client: httpx.AsyncClient, url: str) -> list[str]:
    data = (await client.get(url + "/api/events/?page_size=100")).json()
    ids = [e["id"] for e in data["results"]]
    if not ids:
        raise SystemExit("The database has no events: run `make setup` (or load the bench set).")
    return ids


async def one_client(client, url, ids, deadline, latencies, errors, rng):
    paths = [p for _, p in MIX]
    weights = [w for w, _ in MIX]
    while time.monotonic() < deadline:
        path = rng.choices(paths, weights)[0].format(event=rng.choice(ids))
        started = time.perf_counter()
        try:
            response = await client.get(url + path)
            await response.aread()
            status = response.status_code
        except httpx.HTTPError as error:
            errors[type(error).__name__] += 1
            continue
        latencies.append((time.perf_counter() - started) * 1000)
        if status >= 400:
            errors[f"HTTP {status}"] += 1


async def run(url: str, clients: int, duration: float) -> dict:
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        await wait_until_up(client, url)
        ids = await event_ids(client, url)
        latencies, errors = [], Counter()
        deadline = time.monotonic() + duration
        started = time.monotonic()
        await asyncio.gather(
            *(
                one_client(client, url, ids, deadline, latencies, errors, random.Random(n))
                for n in range(clients)
            )
        )
        elapsed = time.monotonic() - started
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0] * 99
    total = len(latencies) + sum(v for k, v in errors.items() if not k.startswith("HTTP"))
    return {
        "clients": clients,
        "duration_s": round(elapsed, 1),
        "requests": total,
        "requests_per_s": round(total / elapsed, 1),
        "p50_ms": round(quantiles[49], 1),
        "p95_ms": round(quantiles[94], 1),
        "p99_ms": round(quantiles[98], 1),
        "errors": sum(errors.values()),
        "errors_by_kind": dict(errors),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="A running server (default: start one with --serve).")
    parser.add_argument("--serve", action="store_true", help="Start `make serve` for the run.")
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--duration", type=float, default=60, help="Seconds (at most 600).")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--output", type=Path, help="Write the figures as JSON here too.")
    args = parser.parse_args()
    if not args.url and not args.serve:
        parser.error("give --url of a running server, or --serve")
    if not 0 < args.duration <= 600:
        parser.error("--duration must be between 0 and 600 seconds")
    if args.url and not args.url.startswith(("http://127.", "http://localhost", "http://[::1]")):
        parser.error("--url must be on loopback: this tool does not load other hosts")

    server = None
    url = args.url
    if args.serve:
        port = free_port()
        server = start_server(port, args.workers)
        url = f"http://127.0.0.1:{port}"
    try:
        figures = asyncio.run(run(url.rstrip("/"), args.clients, args.duration))
    finally:
        if server is not None:
            os.killpg(server.pid, 15)
            server.wait(timeout=30)
    print(json.dumps(figures, indent=2))
    if args.output:
        args.output.write_text(json.dumps(figures, indent=2) + "\n")
    return 1 if figures["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
