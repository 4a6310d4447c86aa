"""bench/fuzz.py's mutations read with a small max_file_bytes, so that every input takes
the streaming readers (records, entries and crawl records one at a time): each is read
or reported, never an unforeseen error.  Bounded for CI: a few dozen examples a format."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.config import Settings

ROOT = Path(__file__).resolve().parents[2]


def _load_fuzz() -> ModuleType:
    name = "sitrep_bench_fuzz"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


fuzz = _load_fuzz()
OTHERS = [data for _, _, data in fuzz.SEEDS]


@pytest.mark.parametrize("seed", range(len(fuzz.SEEDS)), ids=[name for _, name, _ in fuzz.SEEDS])
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(rng=st.randoms(use_true_random=False), limit=st.sampled_from([300, 1000, 3000]))
def test_streamed_mutated_input_is_read_or_reported(
    seed: int, rng: random.Random, limit: int
) -> None:
    fmt, name, data = fuzz.SEEDS[seed]
    findings = fuzz.Findings()
    fuzz.fuzz_input(
        fmt, name, fuzz.mutate(data, rng, OTHERS), Settings(max_file_bytes=limit), findings
    )
    assert not dict(findings.examples), dict(findings.examples)
