"""``/api/articles/{id}``: the raw text that every offset points into."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from sitrep.serve.deps import StoreDep
from sitrep.serve.responses import NOT_FOUND
from sitrep.serve.schemas import ArticleOut, article_out

router = APIRouter(prefix="/api/articles", tags=["articles"])


@router.get("/{article_id}", response_model=ArticleOut, summary="One article", responses=NOT_FOUND)
def get_article(article_id: str, store: StoreDep) -> ArticleOut:
    """The article as ingested: metadata and the decoded raw text."""
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"No article {article_id!r}.")
    return article_out(article)
