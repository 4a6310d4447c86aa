"""The inputs bench/fuzz.py reported slow, each read and processed again, timed (issue 13).

    nice -n 10 .venv/bin/python bench/fuzz_slow_inputs.py [--only 102:3841 ...]
    nice -n 10 .venv/bin/python bench/fuzz_slow_inputs.py --built    # the BUILT text inputs

Each input is rebuilt from its seed and number (``fuzz.replay``: the run's random draws,
so rebuilding one replays the readers over the inputs before it, a few minutes in all).
Then every article read from it goes through every stage of ``sitrep.pipeline``, as
``sitrep ingest`` would (the fuzz run processes only a share of them).  Printed per input:
the seconds the fuzz run took on it when it was found (wall time, on a loaded machine),
the CPU seconds now, the slowest stages, and the process's peak RSS so far.  The bar of
issue 13 is under 90 s and 1.5 GB each; exits 1 if any input misses it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import resource
import sys
import time
from collections import Counter
from pathlib import Path
from types import ModuleType

from sitrep.config import Settings
from sitrep.ingest.sources import read_bytes
from sitrep.model import Document, Failure
from sitrep.pipeline import STAGES

#: (seed, input number): the fuzz run's seconds on it when it was found (RSS, Atom, JSON Lines).
FOUND: dict[tuple[int, int], int] = {
    (1, 2229): 99,
    (102, 2204): 27,
    (102, 3841): 302,
    (111, 367): 48,
    (113, 2190): 44,
    (113, 4308): 22,
    (114, 4844): 59,
    (115, 3902): 43,
    (116, 3714): 52,
}
#: Text inputs found by mutating the text seeds as fuzz.mutate does, with one chunk repeated
#: 1,000-2,000 times (the largest inputs one edit makes), built here at the fuzzer's largest
#: size: name -> (what is repeated in seed a.txt, CPU seconds on main at ab640d6).
BUILT: dict[str, tuple[str, str]] = {
    "chain": ("'injureand ' x19,000 before 'injured 12'", "RecursionError (extract_reports)"),
    "chain-1700": ("'injureand ' x1,700 before 'injured 12'", "RecursionError (extract_reports)"),
    "name-run": ("'Ol' x20,000 for the 'Ol' of 'Oleh'", "10.2 s (claimants._appositive)"),
    "place-run": ("'Kharkiv' x5,400 in 'on Kharkiv killed'", "12.5 s (claimants._SUBJECT_SAYS)"),
    "place-run-190k": (
        "'Kharkiv' x27,000 in 'on Kharkiv killed'",
        "296 s (claimants._SUBJECT_SAYS)",
    ),
    "digit-run": ("'2' x56,600 in 'February 2022'", "200 s (figures._FLED, _IDP)"),
    "clause-chain": ("'lians and injured ' x4,400 in 'civilians'", "3.7 s (_clause_subject)"),
}
BAR_SECONDS, BAR_MB = 90.0, 1536.0


def built(fuzz: ModuleType, name: str) -> tuple[str, bytes]:
    """The file name and bytes of the ``BUILT`` input ``name``."""
    seed = next(data for _, file, data in fuzz.SEEDS if file == "a.txt").decode()
    if name.startswith("chain"):
        times = 1_700 if name == "chain-1700" else 19_000
        text = seed.replace("injured 12", "injureand " * times + "injured 12")
    elif name.startswith("place-run"):
        text = seed.replace(
            "on Kharkiv killed",
            "on " + "Kharkiv" * (27_000 if name.endswith("190k") else 5_400) + " killed",
        )
    elif name == "digit-run":
        text = seed.replace("February 2022", "February " + "2" * 56_600 + "022")
    elif name == "clause-chain":
        text = seed.replace("civilians and", "civi" + "lians and injured " * 4_400 + "lians and")
    else:
        text = seed.replace("Oleh", "Ol" * 20_000 + "eh")
    return "a.txt", text.encode()


def _fuzz() -> ModuleType:
    path = Path(__file__).with_name("fuzz.py")
    spec = importlib.util.spec_from_file_location("sitrep_bench_fuzz", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def rebuilt(
    fuzz: ModuleType, wanted: list[tuple[int, int]]
) -> dict[tuple[int, int], tuple[str, bytes]]:
    """The file name and bytes of each wanted input, one replay per seed."""
    out: dict[tuple[int, int], tuple[str, bytes]] = {}
    settings = Settings()
    others = [data for _, _, data in fuzz.SEEDS]
    for seed in sorted({s for s, _ in wanted}):
        numbers = {n for s, n in wanted if s == seed}
        rng = random.Random(seed)
        for number in range(max(numbers) + 1):
            fmt, name, data = rng.choice(fuzz.SEEDS)
            mutated = fuzz.mutate(data, rng, others)
            if number in numbers:
                out[(seed, number)] = (name, mutated)
            for _ in fuzz.fuzz_input(fmt, name, mutated, settings, fuzz.Findings()):
                rng.random()  # the draw of the run's pipeline share
    return out


def timed(name: str, data: bytes, settings: Settings) -> dict[str, object]:
    """CPU seconds to read ``data`` and run every stage over each article, per stage."""
    started = time.process_time()
    articles = [
        a for a in read_bytes(data, name, settings, name, None) if not isinstance(a, Failure)
    ]
    stages: Counter[str] = Counter()
    for article in articles:
        doc = Document(article=article)
        for stage in STAGES:
            t = time.process_time()
            doc = stage(doc, settings)
            stages[stage.__name__] += time.process_time() - t
    return {
        "articles": len(articles),
        "longest_chars": max((len(a.text) for a in articles), default=0),
        "cpu_seconds": round(time.process_time() - started, 2),
        "slowest_stages": {k: round(v, 2) for k, v in stages.most_common(3)},
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", help="seed:number of the inputs to time")
    parser.add_argument("--built", action="store_true", help="time the BUILT inputs only")
    args = parser.parse_args()
    settings = Settings()
    missed = False
    if args.built:
        for key, (what, before) in BUILT.items():
            name, data = built(_fuzz(), key)
            result = timed(name, data, settings)
            missed |= result["cpu_seconds"] >= BAR_SECONDS or result["peak_rss_mb"] >= BAR_MB  # type: ignore[operator]
            print(json.dumps({"input": key, "what": what, "bytes": len(data), "before": before,
                              **result}), flush=True)  # fmt: skip
        raise SystemExit(1 if missed else 0)
    wanted = [tuple(map(int, s.split(":"))) for s in args.only] if args.only else list(FOUND)
    inputs = rebuilt(_fuzz(), wanted)  # type: ignore[arg-type]
    for key in wanted:
        name, data = inputs[key]  # type: ignore[index]
        result = timed(name, data, settings)
        found = FOUND.get(key)  # type: ignore[arg-type]
        missed |= result["cpu_seconds"] >= BAR_SECONDS or result["peak_rss_mb"] >= BAR_MB  # type: ignore[operator]
        print(json.dumps({"input": f"{key[0]}:{key[1]}", "file": name, "bytes": len(data),
                          "found_seconds": found, **result}), flush=True)  # fmt: skip
    raise SystemExit(1 if missed else 0)


if __name__ == "__main__":
    sys.exit(main())
