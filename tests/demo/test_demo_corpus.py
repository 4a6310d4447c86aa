"""The bundled demo corpus shows what sitrep is for: here, a figure two sources dispute."""

from __future__ import annotations

import pytest

from sitrep.config import Settings
from sitrep.demo import build_demo
from sitrep.model import Contradiction, Figure
from sitrep.resolve.claimants import claimant_family
from sitrep.store import open_store


@pytest.fixture(scope="module")
def demo_contradictions(tmp_path_factory: pytest.TempPathFactory) -> list[Contradiction]:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo(Settings(db=str(db)))
    with open_store(Settings(db=str(db)), read_only=True) as store:
        return store.list_contradictions()


def test_the_demo_has_a_figure_contradiction_between_two_claimants(
    demo_contradictions: list[Contradiction],
) -> None:
    disputes = [c for c in demo_contradictions if c.kind == "figure"]
    assert disputes, "the demo ledger would show no figure contradiction"
    for dispute in disputes:
        claims = [c for c in dispute.claims if isinstance(c, Figure)]
        assert len(claims) >= 2
        assert {(c.metric, c.scope) for c in claims} == {(dispute.metric, dispute.scope)}
        assert len({claimant_family(c.claimant) for c in claims}) >= 2


def test_the_governor_and_the_un_dispute_civilians_killed_in_kharkiv(
    demo_contradictions: list[Contradiction],
) -> None:
    kharkiv = [
        c
        for c in demo_contradictions
        if c.kind == "figure"
        and c.metric == "civilians_killed"
        and (c.scope or "").startswith("Kharkiv")
    ]
    assert kharkiv
    families = {
        claimant_family(f.claimant) for c in kharkiv for f in c.claims if isinstance(f, Figure)
    }
    assert {"un", "the-regional-governor"} <= families
