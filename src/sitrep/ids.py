"""Stable ids for resolved records: a short hash of the parts that define them.

A leaf module: the resolve rules mint these ids and the store keeps them, so both import it.
"""

from __future__ import annotations

import hashlib

__all__ = ["figure_key", "report_key", "stable_id"]


def stable_id(kind: str, *parts: str) -> str:
    """``kind-<16 hex>``: the same parts give the same id in every process and run."""
    digest = hashlib.blake2b("\x1f".join((kind, *parts)).encode("utf-8"), digest_size=8)
    return f"{kind}-{digest.hexdigest()}"


def report_key(article_id: str, index: int) -> str:
    """Key of the ``index``-th report of an article (its position in ``Document.reports``)."""
    return f"{article_id}#r{index}"


def figure_key(article_id: str, index: int) -> str:
    """Key of the ``index``-th figure of an article (its position in ``Document.figures``)."""
    return f"{article_id}#f{index}"
