"""Where a report came from: the outlet's name (from the URL's domain when none is known) and URL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sitrep.ingest.outlets import OUTLET_DOMAINS, outlet_from_url

__all__ = ["Source", "article_sources", "outlet_label"]


@dataclass(frozen=True, slots=True)
class Source:
    """An article's outlet (a name, never a hex id; ``None`` only when nothing tells) and URL."""

    outlet: str | None
    url: str | None


def _folded(name: str) -> str:
    return name.casefold().removeprefix("the ").strip()


#: Known outlets by folded name: "Kyiv Independent" and "The Kyiv Independent" are one.
_CANONICAL = {_folded(name): name for name in OUTLET_DOMAINS.values()}


def outlet_label(outlet: str | None, url: str | None) -> str | None:
    """One name per outlet: a known outlet's name (from its URL's domain, or its name in
    another spelling), else the name given, else the URL's registered domain."""
    from_url = outlet_from_url(url) if url else None
    if from_url in OUTLET_DOMAINS.values():
        return from_url
    if outlet:
        return _CANONICAL.get(_folded(outlet), outlet)
    return from_url


def article_sources(store: Any, article_ids: Sequence[str]) -> dict[str, Source]:
    """Article id -> :class:`Source`: one query on a SQL store, else one lookup per article."""
    ids = list(dict.fromkeys(article_ids))
    db = getattr(store, "db", None)
    if db is not None:
        from sitrep.store.queries import article_sources as query

        pairs = query(db, ids)
    else:
        articles = {a: store.get_article(a) for a in ids}
        pairs = {a: (doc.outlet, doc.url) for a, doc in articles.items() if doc is not None}
    return {a: Source(outlet_label(o, u), u) for a, (o, u) in pairs.items()}
