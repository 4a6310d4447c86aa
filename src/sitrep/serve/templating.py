"""The Jinja2 environment of the UI: autoescaping on, a few display filters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from sitrep.report.text import describe_count, label
from sitrep.serve.schemas import NumberOut

__all__ = ["format_count", "render", "templates"]


def format_count(number: NumberOut | None) -> str:
    """``at least 5``, ``dozens``, or ``unknown``: what the source said, never a guess."""
    return "unknown" if number is None else describe_count(number.value, number.qualifier)


_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.globals["static"] = lambda path: f"/static/{path}"
_env.filters["count"] = format_count
_env.filters["humanize"] = label
templates = Jinja2Templates(env=_env)


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)
