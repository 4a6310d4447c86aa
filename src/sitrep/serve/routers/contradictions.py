"""``/api/contradictions``: where sources disagree beyond what their qualifiers allow."""

from __future__ import annotations

from fastapi import APIRouter

from sitrep.serve.deps import StoreDep
from sitrep.serve.schemas import ContradictionOut, contradiction_out

router = APIRouter(prefix="/api/contradictions", tags=["contradictions"])


@router.get("", response_model=list[ContradictionOut], summary="Contradictions")
def list_contradictions(store: StoreDep) -> list[ContradictionOut]:
    """Every recorded contradiction, figure and incident kinds, with the claims involved."""
    return [contradiction_out(c) for c in store.list_contradictions()]
