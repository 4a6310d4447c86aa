"""Evidence shown in context: the paragraph around an offset span, the span marked, all escaped."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

__all__ = ["Passage", "highlight", "mark_terms", "paragraph_bounds"]


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph of the raw text with ``[start, end)`` marked; ``html`` is safe to render."""

    html: Markup
    start: int
    end: int


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The line(s) containing ``[start, end)``: articles keep one paragraph per line."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return left, len(text) if right == -1 else right


def highlight(text: str, start: int, end: int) -> Passage:
    """Escape the paragraph around ``text[start:end]`` and wrap that span in ``<mark>``.

    Offsets outside the text are clamped, so a stale offset degrades to an
    unmarked paragraph instead of an error.
    """
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    end = max(start, end)
    left, right = paragraph_bounds(text, start, end)
    html = Markup('{}<mark class="evidence">{}</mark>{}').format(
        escape(text[left:start]), escape(text[start:end]), escape(text[end:right])
    )
    return Passage(html, left, right)


def mark_terms(text: str, query: str) -> Markup:
    """Escape ``text`` and mark each occurrence of the query's words (search results)."""
    words = [re.escape(w) for w in re.findall(r"\w+", query) if len(w) > 1]
    if not words:
        return escape(text)
    parts = re.split(f"({'|'.join(words)})", text, flags=re.IGNORECASE)
    return Markup("").join(
        Markup('<mark class="term">{}</mark>').format(p) if n % 2 else escape(p)
        for n, p in enumerate(parts)
    )
