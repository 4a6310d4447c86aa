"""``/api/stories``: near-duplicate articles grouped as one story."""

from __future__ import annotations

from fastapi import APIRouter

from sitrep.serve.deps import StoreDep
from sitrep.serve.schemas import StoryOut, story_out

router = APIRouter(prefix="/api/stories", tags=["stories"])


@router.get("", response_model=list[StoryOut], summary="Stories")
def list_stories(store: StoreDep) -> list[StoryOut]:
    """Every story with the ids of the articles it groups."""
    return [story_out(s) for s in store.list_stories()]
