"""The API under hostile parameters: bounded integers and texts (422), security headers
on every response (errors and 500s included), and the Host header checked."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitrep.config import Settings
from sitrep.serve.app import create_app
from sitrep.serve.fake import FakeStore, demo_store, write_demo
from sitrep.store import open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette asks for httpx2 here
    from fastapi.testclient import TestClient

BASE = "http://127.0.0.1:8765"
HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options")
HUGE = str(2**63)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "demo.db"
    with open_store(Settings(db=str(path))) as store:
        write_demo(store)
    return path


@pytest.fixture(params=["fake", "sqlite"])
def client(request: pytest.FixtureRequest, demo_db: Path) -> Iterator[TestClient]:
    store = demo_store() if request.param == "fake" else None
    app = create_app(Settings(db=str(demo_db)), store)
    with TestClient(app, base_url=BASE) as test_client:
        yield test_client


def _has_headers(response: Any) -> None:
    for name in HEADERS:
        assert name in response.headers, (response.status_code, name)


@pytest.mark.parametrize("path", ["/api/incidents", "/api/export"])
@pytest.mark.parametrize(
    "query",
    [
        f"offset={HUGE}",
        f"min_killed={HUGE}",
        "min_killed=1000000001",
        "offset=-1",
        f"limit={HUGE}",
        "oblast=" + "K" * 50_000,
        "q=" + "x" * 5_000,
        "event_type=" + "a" * 1_000,
        "after=" + "z" * 1_000,
        "bbox=" + "1," * 2_000,
    ],
)
def test_out_of_bounds_parameters_are_422_with_headers(
    client: TestClient, path: str, query: str
) -> None:
    response = client.get(f"{path}?{query}")
    assert response.status_code == 422, response.text[:200]
    _has_headers(response)


@pytest.mark.parametrize(
    "path", ["/api/incidents?offset=1000000000", "/api/incidents?min_killed=1000000000"]
)
def test_the_largest_allowed_values_work(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.json()["items"] == []


class _Broken(FakeStore):
    def list_incidents(self, filters: Any = None) -> Any:
        raise RuntimeError("boom")


def test_a_500_has_the_security_headers() -> None:
    store = demo_store()
    store.__class__ = _Broken
    app = create_app(Settings(), store)
    with TestClient(app, base_url=BASE, raise_server_exceptions=False) as client:
        response = client.get("/api/incidents")
    assert response.status_code == 500
    _has_headers(response)


@pytest.mark.parametrize("path", ["/api/incidents/nope", "/no/such/page", "/api/incidents?limit=x"])
def test_errors_have_the_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in {404, 422}
    _has_headers(response)


@pytest.mark.parametrize(
    ("listen", "host", "status"),
    [
        ("127.0.0.1", "127.0.0.1:8765", 200),
        ("127.0.0.1", "localhost:8765", 200),
        ("127.0.0.1", "[::1]:8765", 200),
        ("127.0.0.1", "LOCALHOST", 200),
        ("127.0.0.1", "rebind.attacker.example:8765", 400),
        ("127.0.0.1", "127.0.0.1.attacker.example", 400),
        ("sitrep.internal", "sitrep.internal:8765", 200),
        ("sitrep.internal", "localhost:8765", 400),
        ("0.0.0.0", "anything.example", 200),
    ],
)
def test_the_host_header_must_name_the_configured_host(listen: str, host: str, status: int) -> None:
    app = create_app(Settings(host=listen), demo_store())
    with TestClient(app, base_url=BASE) as client:
        response = client.get("/api/stories", headers={"Host": host})
    assert response.status_code == status
    _has_headers(response)
