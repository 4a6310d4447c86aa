"""Request-scoped access to what ``create_app`` set up: the store and the settings."""

from __future__ import annotations

from typing import Annotated, cast

from fastapi import Depends, Request

from sitrep.config import Settings
from sitrep.store.base import QueryStore

__all__ = ["SettingsDep", "StoreDep", "get_settings", "get_store"]


def get_store(request: Request) -> QueryStore:
    return cast(QueryStore, request.app.state.store)


def get_settings(request: Request) -> Settings:
    return cast(Settings, request.app.state.settings)


StoreDep = Annotated[QueryStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
