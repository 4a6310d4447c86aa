"""Hypothesis fuzz targets, bounded for CI: every reader, the pipeline, resolution, the store.

The mutations and the checks are bench/fuzz.py's (run it for 100,000 inputs);
here each target gets a few dozen examples.
"""

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
    spec = importlib.util.spec_from_file_location("sitrep_bench_fuzz", ROOT / "bench" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["sitrep_bench_fuzz"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


fuzz = _load_fuzz()
SETTINGS = Settings()
OTHERS = [data for _, _, data in fuzz.SEEDS]
_bounded = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


def _no_bugs(findings: object) -> None:
    bugs = dict(findings.examples)  # type: ignore[attr-defined]
    assert not bugs, bugs


@pytest.mark.parametrize("seed", range(len(fuzz.SEEDS)), ids=[name for _, name, _ in fuzz.SEEDS])
@_bounded
@given(rng=st.randoms(use_true_random=False))
def test_mutated_input_is_read_or_reported(seed: int, rng: random.Random) -> None:
    fmt, name, data = fuzz.SEEDS[seed]
    findings = fuzz.Findings()
    fuzz.fuzz_input(fmt, name, fuzz.mutate(data, rng, OTHERS), SETTINGS, findings)
    _no_bugs(findings)


@pytest.mark.parametrize("seed", range(len(fuzz.SEEDS)), ids=[name for _, name, _ in fuzz.SEEDS])
@_bounded
@given(data=st.binary(max_size=4000))
def test_random_bytes_are_read_or_reported(seed: int, data: bytes) -> None:
    fmt, name, _ = fuzz.SEEDS[seed]
    findings = fuzz.Findings()
    fuzz.fuzz_input(fmt, name, data, SETTINGS, findings)
    _no_bugs(findings)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(rng=st.randoms(use_true_random=False))
def test_mutated_articles_pass_the_pipeline_resolution_and_store(
    rng: random.Random, tmp_path_factory: pytest.TempPathFactory
) -> None:
    findings = fuzz.Findings()
    articles = []
    for _ in range(6):
        fmt, name, data = rng.choice(fuzz.SEEDS)
        articles += fuzz.fuzz_input(fmt, name, fuzz.mutate(data, rng, OTHERS), SETTINGS, findings)
    docs = fuzz._process(articles, SETTINGS, findings)
    fuzz._resolve_and_store(docs, SETTINGS, findings)
    _no_bugs(findings)
