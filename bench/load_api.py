"""Latency under concurrent clients: `sitrep serve` in its own process, N clients on loopback.

    .venv/bin/python bench/load_api.py [--clients 32] [--requests 40] [--incidents 20000]
    .venv/bin/python bench/load_api.py --db postgresql://sitrep:sitrep@127.0.0.1:5432/sitrep_bench

Builds (once, then reuses) a store of synthetic incidents with bench/api_latency.py's
builder, starts ``sitrep serve`` on a free port of 127.0.0.1, and runs ``--clients``
concurrent clients (asyncio + httpx), each making ``--requests`` requests over a mix
of the API and the UI: the incident list, a filtered list, one incident as JSON and
as its page, the figures ledger and the map page.  Prints p50/p95/max per endpoint
for one client and for ``--clients``.  Bounded: clients x requests requests in all,
to loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

import httpx

HERE = Path(__file__).resolve().parent


def _api_latency() -> ModuleType:
    spec = importlib.util.spec_from_file_location("api_latency", HERE / "api_latency.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serving(db: str) -> Iterator[str]:
    """``sitrep serve`` on a free loopback port, in its own process; its base URL."""
    port = _free_port()
    sitrep = str(Path(sys.executable).with_name("sitrep"))
    env = dict(os.environ, SITREP_DB=db)
    server = subprocess.Popen(
        [sitrep, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(f"{base}/api/stories", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def _paths(base: str) -> dict[str, list[str]]:
    """Endpoint name -> the URLs its requests pick from."""
    ids = [
        i["id"] for i in httpx.get(f"{base}/api/incidents?limit=200", timeout=30).json()["items"]
    ]
    return {
        "GET /api/incidents": ["/api/incidents"],
        "GET /api/incidents (filtered)": ["/api/incidents?oblast=Kharkiv&min_killed=2"],
        "GET /api/incidents/{id}": [f"/api/incidents/{i}" for i in ids],
        "GET /incidents/{id} (page)": [f"/incidents/{i}" for i in ids],
        "GET /api/figures": ["/api/figures"],
        "GET / (map page)": ["/"],
    }


async def _client(
    base: str, paths: dict[str, list[str]], requests: int, seed: int, times: dict[str, list[float]]
) -> None:
    rng = random.Random(seed)
    names = sorted(paths)
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        for _ in range(requests):
            name = rng.choice(names)
            url = rng.choice(paths[name])
            started = time.perf_counter()
            response = await client.get(url)
            times[name].append((time.perf_counter() - started) * 1000)
            response.raise_for_status()


async def _load(
    base: str, paths: dict[str, list[str]], clients: int, requests: int
) -> dict[str, list[float]]:
    times: dict[str, list[float]] = defaultdict(list)
    await asyncio.gather(*(_client(base, paths, requests, n, times) for n in range(clients)))
    return times


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def _report(title: str, times: dict[str, list[float]], seconds: float) -> None:
    total = sum(len(v) for v in times.values())
    print(f"\n{title}: {total} requests in {seconds:.1f} s ({total / seconds:.0f}/s)")
    print(f"{'endpoint':<30} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name in sorted(times):
        values = times[name]
        print(
            f"{name:<30} {len(values):>5} {statistics.median(values):>8.1f} {_p95(values):>8.1f} {max(values):>8.1f}"
        )
    every = [t for v in times.values() for t in v]
    print(
        f"{'all':<30} {len(every):>5} {statistics.median(every):>8.1f} {_p95(every):>8.1f} {max(every):>8.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--requests", type=int, default=40, help="per client")
    parser.add_argument("--incidents", type=int, default=20_000)
    parser.add_argument(
        "--db", default="bench/out/load.db", help="SQLite path or postgresql:// URL"
    )
    args = parser.parse_args()
    latency = _api_latency()
    if latency.needs_build(args.db, False):
        latency.build(args.db, args.incidents)
    with serving(args.db) as base:
        paths = _paths(base)
        for clients, requests in ((1, max(60, args.requests)), (args.clients, args.requests)):
            asyncio.run(_load(base, paths, 2, 5))  # warm-up
            started = time.perf_counter()
            times = asyncio.run(_load(base, paths, clients, requests))
            _report(f"{clients} client(s) on {args.db}", times, time.perf_counter() - started)


if __name__ == "__main__":
    main()
