"""Scale benchmark: ingest N synthetic articles into a store, then 1,000 new ones; 1 vs 2 Dask workers.

    nice -n 19 .venv/bin/python bench/scale.py --articles 20000
    nice -n 19 .venv/bin/python bench/scale.py --articles 5000 --postgres postgresql://sitrep:sitrep@127.0.0.1:5432/sitrep_test
    .venv/bin/python bench/scale.py --articles 2000 --dask 600 --json bench/out/scale.json

The corpus is the synthetic generator's (`bench/synthetic_corpus.py`), written
as JSON Lines parts of ``PART`` articles.  Each ingest runs ``sitrep.runs.ingest.ingest``
(what ``sitrep ingest`` runs) in a fresh process, which reports its wall time,
peak RSS (``ru_maxrss``) and, every ``CHECKPOINT`` articles, the time and RSS so far:
the growth of RSS per article and the rate late in the run are the basis of the
extrapolation to 1,000,000 articles, printed apart and marked as such.

Measured:
* **ingest**: articles/s end to end (interpreter start to exit: reading, the
  per-article stages, writing, resolution), the split between processing+writing
  and the final resolution, and peak RSS;
* **store**: bytes per article beyond the article text (SQLite: the file after a
  WAL checkpoint, with the largest tables from ``dbstat``; PostgreSQL: the total
  relation size of the schema's tables);
* **1,000 new**: a second ``ingest`` of the next 1,000 articles of the corpus into
  the full store, seconds end to end;
* **Dask**: the per-article work (``DaskRunner.process_batches``) over the same
  ``--dask`` articles on a ``LocalCluster`` of 1 and of 2 worker processes (after
  a warm-up task per worker), and the ratio of their throughputs.  The calling
  process pickles and unpickles every article and document, so on a 2-CPU machine
  it competes with the workers; the load average is printed beside.

PostgreSQL runs when ``--postgres URL`` or ``SITREP_TEST_POSTGRES_URL`` is given
(scripts/start-postgres.sh starts one); the run uses a private schema, dropped after.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

#: Articles per JSON Lines part (about 4 MB: well under ``max_file_bytes``).
PART = 2000
#: Articles between two checkpoints of time and RSS in an ingest.
CHECKPOINT = 1000
NEW = 1000
TARGET = 1_000_000
SEED = 11


def _rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


# ---------------------------------------------------------------- the child


def child(db: str, parts: list[str], scheduler: str | None, workers: int | None) -> None:
    """One ``ingest`` in this process; prints one JSON line of measurements."""
    from sitrep.config import load_settings
    from sitrep.runs.ingest import ingest

    started = time.perf_counter()
    checkpoints: list[tuple[int, float, int]] = []
    done = [0, 0.0]

    def progress(_source: str) -> None:
        done[0] += 1
        done[1] = time.perf_counter() - started
        if done[0] % CHECKPOINT == 0:
            checkpoints.append((int(done[0]), done[1], _rss_bytes()))

    settings = load_settings(db=db, scheduler=scheduler)
    summary = ingest(parts, settings, progress, jsonl=True, workers=workers)
    seconds = time.perf_counter() - started
    result = {
        "seconds_in_process": seconds,
        "processed_by": done[1],
        "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "checkpoints": checkpoints,
        "new": summary.articles_new,
        "skipped": summary.articles_skipped,
        "failures": len(summary.failures),
        "incidents": summary.incidents,
        "figures": summary.figures,
    }
    print(json.dumps(result))


def _ingest(
    db: str, parts: list[Path], scheduler: str | None = None, workers: int | None = None
) -> dict[str, Any]:
    """Run ``child`` in a fresh interpreter; its measurements plus the wall time end to end."""
    args = [sys.executable, __file__, "--child", db, *map(str, parts)]
    if scheduler:
        args += ["--scheduler", scheduler]
    if workers:
        args += ["--workers", str(workers)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("SITREP_")}
    started = time.perf_counter()
    out = subprocess.run(args, check=True, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - started
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    result["wall"] = wall
    return result


# ---------------------------------------------------------------- the corpus


def write_corpus(n: int, new: int, folder: Path) -> tuple[list[Path], list[Path], dict[Path, int]]:
    """The first ``n`` articles in parts, the next ``new`` in one more; each part's text bytes."""
    from synthetic_corpus import iter_documents

    full: list[Path] = []
    extra: list[Path] = []
    text_bytes: dict[Path, int] = {}
    out = None
    for i, doc in enumerate(iter_documents(n + new, seed=SEED)):
        if i % PART == 0 or i == n:
            if out:
                out.close()
            target = extra if i >= n else full
            target.append(folder / f"part-{len(full) + len(extra):04d}.jsonl")
            out = target[-1].open("w", encoding="utf-8")
        a = doc.article
        text_bytes[target[-1]] = text_bytes.get(target[-1], 0) + len(a.text.encode())
        record = {"id": a.id, "text": a.text, "title": a.title, "outlet": a.outlet}
        record["published"] = a.published.isoformat() if a.published else None
        assert out is not None
        out.write(json.dumps(record) + "\n")
    if out:
        out.close()
    return full, extra, text_bytes


# ---------------------------------------------------------------- store size


def sqlite_bytes(db: str) -> tuple[int, list[tuple[str, int]]]:
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try:
            tables = conn.execute(
                "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 8"
            ).fetchall()
        except sqlite3.OperationalError:  # SQLite built without dbstat
            tables = []
    size = sum(os.path.getsize(p) for p in (db, f"{db}-wal") if os.path.exists(p))
    return size, [(str(n), int(b)) for n, b in tables]


def postgres_schema(base: str) -> tuple[str, str]:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    joiner = "&" if "?" in base else "?"
    return schema, f"{base}{joiner}options=-csearch_path%3D{schema}"


def postgres_bytes(base: str, schema: str) -> tuple[int, list[tuple[str, int]]]:
    import psycopg

    sql = (
        "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %s AND c.relkind = 'r' ORDER BY 2 DESC"
    )
    with psycopg.connect(base, autocommit=True) as conn:
        rows = conn.execute(sql, (schema,)).fetchall()
    return sum(int(b) for _, b in rows), [(str(n), int(b)) for n, b in rows[:8]]


def drop_schema(base: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


# ---------------------------------------------------------------- Dask


def _cpu_seconds() -> float:
    """User + system CPU seconds of this process (run on each worker too)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def dask_throughput(parts: list[Path], n: int, workers_list: list[int]) -> dict[str, Any]:
    """Per-article work over the first ``n`` articles, in this process and per cluster size:
    articles/s, and the CPU seconds per article the workers and the calling process spent."""
    from sitrep.config import Settings
    from sitrep.ingest import read_paths
    from sitrep.runs.cluster import connect
    from sitrep.runs.extraction import BATCH_SIZE, LOCAL, Runner, batched

    settings = Settings()
    items = []
    for item in read_paths([str(p) for p in parts], settings, "jsonl"):
        items.append(item)
        if len(items) == n:
            break

    def timed(runner: Runner, warm: int) -> float:
        for _ in runner.process_batches([items[:warm]], settings):
            pass  # models and gazetteer load once per process: not throughput
        started = time.perf_counter()
        for _ in runner.process_batches(batched(items, BATCH_SIZE), settings):
            pass
        return time.perf_counter() - started

    def workers_cpu(runner: Any) -> float:
        return float(sum(runner.client.run(_cpu_seconds).values()))

    out: dict[str, Any] = {"articles": len(items), "load_before": os.getloadavg()[0]}
    before = _cpu_seconds()
    out["in_process"] = len(items) / timed(LOCAL, 5)
    out["in_process_cpu"] = (_cpu_seconds() - before) / len(items)
    for workers in workers_list:
        with connect("local", workers) as runner:
            warm = runner.chunk * workers
            for _ in runner.process_batches([items[:warm]], settings):
                pass
            worker_before, client_before = workers_cpu(runner), _cpu_seconds()
            out[f"workers_{workers}"] = len(items) / timed(runner, 0)
            out[f"workers_{workers}_cpu"] = (workers_cpu(runner) - worker_before) / len(items)
            out[f"workers_{workers}_client_cpu"] = (_cpu_seconds() - client_before) / len(items)
    out["load_after"] = os.getloadavg()[0]
    return out


# ---------------------------------------------------------------- report


def _store_run(
    name: str, db: str, full: list[Path], extra: list[Path], text: int, size_of: Any
) -> dict[str, Any]:
    first = _ingest(db, full)
    size, tables = size_of()
    second = _ingest(db, extra)
    return {
        "name": name,
        "first": first,
        "second": second,
        "size": size,
        "tables": tables,
        "text": text,
    }


def _rate_late(checkpoints: list[list[float]]) -> float | None:
    """Articles/s of processing+writing over the last half of the checkpoints."""
    if len(checkpoints) < 4:
        return None
    (a, ta, _), (b, tb, _) = checkpoints[len(checkpoints) // 2], checkpoints[-1]
    return (b - a) / (tb - ta)


def _rss_slope(checkpoints: list[list[float]]) -> float | None:
    """RSS growth per article over the last half of the checkpoints."""
    if len(checkpoints) < 4:
        return None
    (a, _, ra), (b, _, rb) = checkpoints[len(checkpoints) // 2], checkpoints[-1]
    return (rb - ra) / (b - a)


def print_store(run: dict[str, Any], n: int) -> None:
    first, second = run["first"], run["second"]
    mib = 2**20
    print(f"\n== {run['name']}: {n:,} articles ==")
    print(
        f"ingest end to end     {first['wall']:8.1f} s   {first['new'] / first['wall']:7.1f} articles/s"
    )
    print(
        f"  processing+writing  {first['processed_by']:8.1f} s   {first['new'] / first['processed_by']:7.1f} articles/s"
        f"   resolution {first['seconds_in_process'] - first['processed_by']:6.1f} s"
    )
    print(f"  peak RSS            {first['peak_rss'] / mib:8.0f} MiB")
    print(
        f"  new / failures      {first['new']:,} / {first['failures']}   incidents {first['incidents']:,}  figures {first['figures']:,}"
    )
    beyond = (run["size"] - run["text"]) / first["new"]
    print(
        f"store                 {run['size'] / mib:8.1f} MiB   {run['size'] / first['new']:7.0f} B/article,"
        f" {beyond:7.0f} B/article beyond the text ({run['text'] / first['new']:.0f} B of text)"
    )
    for table, size in run["tables"]:
        print(f"  {table:<30} {size / first['new']:8.0f} B/article")
    print(
        f"{second['new']:,} new into the full store: {second['wall']:6.1f} s end to end"
        f" (in process {second['seconds_in_process']:.1f} s, resolution {second['seconds_in_process'] - second['processed_by']:.1f} s)"
    )
    late, slope = _rate_late(first["checkpoints"]), _rss_slope(first["checkpoints"])
    if late is not None and slope is not None:
        rss = first["checkpoints"][-1][2] + slope * (TARGET - first["checkpoints"][-1][0])
        print(f"EXTRAPOLATION to {TARGET:,} (linear from the last half of this run, not measured):")
        print(
            f"  processing+writing rate late in the run {late:7.1f} articles/s;"
            f" RSS grows {slope:.0f} B/article -> about {rss / mib:,.0f} MiB before resolution"
        )


def print_dask(result: dict[str, Any]) -> None:
    print(f"\n== Dask: per-article work over {result['articles']:,} articles ==")
    ms = 1000 * result["in_process_cpu"]
    print(
        f"in process              {result['in_process']:7.1f} articles/s   CPU {ms:5.1f} ms/article"
    )
    for w in [k[8:] for k in result if k.startswith("workers_") and k[8:].isdigit()]:
        worker, client = (1000 * result[f"workers_{w}{s}"] for s in ("_cpu", "_client_cpu"))
        print(
            f"LocalCluster {w} worker(s)  {result[f'workers_{w}']:7.1f} articles/s   CPU {worker:5.1f} ms/article"
            f" on the workers, {client:5.1f} in the calling process (scheduler included)"
        )
    if "workers_1" in result and "workers_2" in result:
        print(
            f"2 workers / 1 worker    {result['workers_2'] / result['workers_1']:7.2f}x  (measured)"
        )
        w1, c1 = result["workers_1_cpu"], result["workers_1_client_cpu"]
        w2, c2 = result["workers_2_cpu"], result["workers_2_client_cpu"]
        free = min(2 / w2, 1 / c2) / min(1 / w1, 1 / c1)
        shared = min(2 / (w2 + c2), 1 / c2) / min(1 / w1, 2 / (w1 + c1))
        print(
            "ESTIMATE from those CPU costs, not measured: 2 workers / 1 ="
            f" {free:.2f}x with a CPU for each worker and one for the calling process,"
            f" {shared:.2f}x with 2 CPUs in all"
        )
    print(
        f"load average {result['load_before']:.2f} before, {result['load_after']:.2f} after"
        f" (CPUs: {os.cpu_count()}): other processes take CPU from the workers"
    )


def dask_ingest(parts: list[Path], folder: Path) -> dict[str, Any]:
    """A whole ``ingest`` of ``parts`` into fresh SQLite files: in process, then on 1 and 2 workers."""
    out: dict[str, Any] = {}
    print("\n== whole ingest into SQLite (cluster start included) ==")
    for name, workers in (("in process", None), ("1 worker", 1), ("2 workers", 2)):
        db = str(folder / f"dask-ingest-{workers or 0}.db")
        run = _ingest(db, parts, "local" if workers else None, workers)
        out[name] = run
        print(
            f"{name:<12} {run['wall']:7.1f} s  {run['new'] / run['wall']:6.1f} articles/s"
            f"  calling process peak RSS {run['peak_rss'] / 2**20:5.0f} MiB  (load {os.getloadavg()[0]:.2f})"
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000, help="articles in the full store")
    parser.add_argument(
        "--new", type=int, default=NEW, help="new articles ingested into the full store"
    )
    parser.add_argument(
        "--postgres", default=os.environ.get("SITREP_TEST_POSTGRES_URL"), help="PostgreSQL URL"
    )
    parser.add_argument(
        "--postgres-articles", type=int, help="articles on PostgreSQL (default: --articles)"
    )
    parser.add_argument(
        "--dask", type=int, default=1500, help="articles for 1 vs 2 workers (0: skip)"
    )
    parser.add_argument("--no-sqlite", action="store_true", help="skip the SQLite run")
    parser.add_argument(
        "--dask-ingest",
        type=int,
        default=0,
        help="also ingest this many articles into SQLite end to end in one process and with"
        " --scheduler local on 1 and 2 workers (cluster start included)",
    )
    parser.add_argument("--json", type=Path, help="also write the measurements here")
    args = parser.parse_args()
    results: dict[str, Any] = {"articles": args.articles, "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="sitrep-scale-") as tmp:
        folder = Path(tmp)
        full, extra, text_bytes = write_corpus(args.articles, args.new, folder)
        text = sum(text_bytes[p] for p in full)
        if not args.no_sqlite:
            db = str(folder / "scale.db")
            run = _store_run("SQLite", db, full, extra, text, lambda: sqlite_bytes(db))
            print_store(run, args.articles)
            results["sqlite"] = run
        if args.postgres:
            n = args.postgres_articles or args.articles
            pg_full = full[: -(-n // PART)]
            pg_text = sum(text_bytes[p] for p in pg_full)
            schema, url = postgres_schema(args.postgres)
            try:
                run = _store_run(
                    "PostgreSQL",
                    url,
                    pg_full,
                    extra,
                    pg_text,
                    lambda: postgres_bytes(args.postgres, schema),
                )
            finally:
                drop_schema(args.postgres, schema)
            print_store(run, run["first"]["new"])
            results["postgres"] = run
        if args.dask:
            results["dask"] = dask_throughput(full, args.dask, [1, 2])
            print_dask(results["dask"])
        if args.dask_ingest:
            results["dask_ingest"] = dask_ingest(full[: -(-args.dask_ingest // PART)], folder)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        rest = sys.argv[2:]
        scheduler = rest[rest.index("--scheduler") + 1] if "--scheduler" in rest else None
        workers = int(rest[rest.index("--workers") + 1]) if "--workers" in rest else None
        paths = [p for p in rest if p.endswith(".jsonl")]
        child(rest[0], paths, scheduler, workers)
    else:
        main()
