"""The Jinja2 environment of the UI: autoescaping on, a few display filters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from sitrep.export.words import describe_count, label
from sitrep.serve.schemas import NumberOut

__all__ = ["excerpt", "format_count", "link_url", "render", "templates"]

EXCERPT = 180  # characters of evidence shown in a table cell; the whole sentence is one click away


def format_count(number: NumberOut | None) -> str:
    """``at least 5``, ``dozens``, or ``unknown``: what the source said, never a guess."""
    return "unknown" if number is None else describe_count(number.value, number.qualifier)


def excerpt(text: str, number: NumberOut | None = None, width: int = EXCERPT) -> str:
    """``text`` cut to about ``width`` characters around its number, never before it."""
    if len(text) <= width:
        return text
    at = -1
    if number is not None and number.value is not None:
        for form in (f"{number.value:,}", str(number.value)):
            at = text.find(form)
            if at >= 0:
                break
    start = max(0, min(at - width // 3, len(text) - width)) if at >= 0 else 0
    end = start + width
    # Whole words at both ends.
    if start > 0:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        end = (
            text.rfind(" ", start, end)
            if text.rfind(" ", start, end) > (at if at >= 0 else start)
            else end
        )
    return ("…" if start > 0 else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def link_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address to link to; ``None`` for anything else
    (``javascript:``, ``data:``, a bare path), so that an article's URL cannot run code."""
    if not url:
        return None
    scheme = url.split(":", 1)[0].lower()
    return url if scheme in ("http", "https") and "://" in url else None


_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.globals["static"] = lambda path: f"/static/{path}"
_env.filters["count"] = format_count
_env.filters["humanize"] = label
_env.filters["excerpt"] = excerpt
_env.filters["link_url"] = link_url
templates = Jinja2Templates(env=_env)


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)
