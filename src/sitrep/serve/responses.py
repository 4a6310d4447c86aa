"""Error responses as the OpenAPI schema declares them (404 bodies; 422 is FastAPI's own)."""

from __future__ import annotations

from pydantic import BaseModel

__all__ = ["NOT_FOUND", "ErrorOut"]


class ErrorOut(BaseModel):
    """The body of a 404 (and of other errors but 422): what went wrong, in one line."""

    detail: str


#: ``responses=`` of a route that answers 404 for an unknown id.
NOT_FOUND: dict[int | str, dict[str, object]] = {404: {"model": ErrorOut}}
