"""The id of an incident merged into another answers 301 with the survivor's URL."""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.config import Settings
from sitrep.serve.app import create_app
from sitrep.serve.fake import write_demo
from sitrep.store import open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette asks for httpx2 here
    from fastapi.testclient import TestClient


@pytest.fixture
def merged(tmp_path: Path) -> Iterator[tuple[TestClient, str, str]]:
    """The demo store after its first two incidents became one: (client, survivor, absorbed)."""
    path = tmp_path / "merged.db"
    with open_store(Settings(db=str(path))) as store:
        write_demo(store)
        corpus = store.load_corpus()
        first, second, *rest = corpus.incidents
        one = dataclasses.replace(
            first, id="incident-natural", reports=first.reports + second.reports
        )
        store.replace_resolution(dataclasses.replace(corpus, incidents=(one, *rest)))
        (survivor,) = {first.id, second.id} & {i.id for i in store.list_incidents()}
    absorbed = ({first.id, second.id} - {survivor}).pop()
    app = create_app(Settings(db=str(path)))
    with TestClient(app, base_url="http://127.0.0.1:8765") as client:
        yield client, survivor, absorbed


def test_the_api_redirects_an_absorbed_id(merged: tuple[TestClient, str, str]) -> None:
    client, survivor, absorbed = merged
    response = client.get(f"/api/incidents/{absorbed}", follow_redirects=False)
    assert response.status_code == 301
    assert response.headers["location"] == f"/api/incidents/{survivor}"
    followed = client.get(f"/api/incidents/{absorbed}")
    assert followed.status_code == 200 and followed.json()["id"] == survivor
    assert client.get(f"/api/incidents/{survivor}", follow_redirects=False).status_code == 200


def test_the_incident_page_redirects_keeping_the_query(merged: tuple[TestClient, str, str]) -> None:
    client, survivor, absorbed = merged
    response = client.get(f"/incidents/{absorbed}?from=map", follow_redirects=False)
    assert response.status_code == 301
    assert response.headers["location"] == f"/incidents/{survivor}?from=map"
    page = client.get(f"/incidents/{absorbed}")
    assert page.status_code == 200 and survivor in page.text


def test_an_unknown_id_is_still_a_404(merged: tuple[TestClient, str, str]) -> None:
    client, _, _ = merged
    assert client.get("/api/incidents/incident-0000", follow_redirects=False).status_code == 404
    assert client.get("/incidents/incident-0000", follow_redirects=False).status_code == 404


def test_the_openapi_schema_documents_the_301(merged: tuple[TestClient, str, str]) -> None:
    client, _, _ = merged
    operation = client.get("/openapi.json").json()["paths"]["/api/incidents/{incident_id}"]["get"]
    assert {"200", "301", "404"} <= set(operation["responses"])
