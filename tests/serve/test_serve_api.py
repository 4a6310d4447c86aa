"""The JSON API: every endpoint against its OpenAPI schema, filters, paging and errors."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from serve_openapi import errors, response_schema

ENDPOINTS = [
    ("/api/incidents", "/api/incidents"),
    ("/api/incidents?limit=1&offset=1", "/api/incidents"),
    ("/api/incidents?limit=1&after=inc-kyiv-0304", "/api/incidents"),
    ("/api/incidents/inc-kharkiv-0302", "/api/incidents/{incident_id}"),
    ("/api/figures", "/api/figures"),
    ("/api/figures?metric=civilians_killed", "/api/figures"),
    ("/api/contradictions", "/api/contradictions"),
    ("/api/stories", "/api/stories"),
    ("/api/articles/a3", "/api/articles/{article_id}"),
]


@pytest.fixture
def spec(client: TestClient) -> dict[str, Any]:
    data: dict[str, Any] = client.get("/openapi.json").json()
    return data


@pytest.mark.parametrize(("url", "route"), ENDPOINTS)
def test_responses_match_openapi(
    client: TestClient, spec: dict[str, Any], url: str, route: str
) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert errors(response.json(), response_schema(spec, route), spec) == []


@pytest.mark.parametrize("fmt", ["csv", "acled", "geojson", "jsonl", "parquet"])
def test_export_responses_match_openapi(client: TestClient, spec: dict[str, Any], fmt: str) -> None:
    response = client.get(f"/api/export?format={fmt}")
    assert response.status_code == 200
    declared = spec["paths"]["/api/export"]["get"]["responses"]["200"]["content"]
    media_type = response.headers["content-type"].split(";")[0]
    assert media_type in {d.split(";")[0] for d in declared}
    assert response.content


def test_checker_catches_a_wrong_shape(spec: dict[str, Any]) -> None:
    schema = response_schema(spec, "/api/incidents")
    assert errors(
        {"items": [{"id": 3}], "limit": 1, "offset": 0, "next_offset": None}, schema, spec
    )
    assert errors({"items": [], "limit": "1", "offset": 0, "next_offset": None}, schema, spec)


def test_openapi_lists_every_endpoint(spec: dict[str, Any]) -> None:
    assert {
        "/api/incidents",
        "/api/incidents/{incident_id}",
        "/api/figures",
        "/api/contradictions",
        "/api/stories",
        "/api/articles/{article_id}",
        "/api/export",
    } <= set(spec["paths"])
    params = {p["name"] for p in spec["paths"]["/api/incidents"]["get"]["parameters"]}
    assert params == {
        "date_from",
        "date_to",
        "oblast",
        "event_type",
        "min_killed",
        "q",
        "bbox",
        "limit",
        "offset",
        "after",
    }


def _ids(client: TestClient, query: str) -> list[str]:
    response = client.get(f"/api/incidents?{query}")
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["inc-kyiv-0304", "inc-odesa-0303", "inc-kharkiv-0302"]),
        ("date_from=2022-03-03", ["inc-kyiv-0304", "inc-odesa-0303"]),
        ("date_from=2022-03-02&date_to=2022-03-02", ["inc-kharkiv-0302"]),
        ("oblast=Kharkiv", ["inc-kharkiv-0302"]),
        ("event_type=air_drone_strike", ["inc-kyiv-0304", "inc-odesa-0303"]),
        ("event_type=battles", []),
        ("min_killed=2", ["inc-kharkiv-0302"]),
        ("q=port", ["inc-odesa-0303"]),
        ("bbox=35,49,37,51", ["inc-kharkiv-0302"]),
        ("limit=2", ["inc-kyiv-0304", "inc-odesa-0303"]),
        ("limit=2&offset=2", ["inc-kharkiv-0302"]),
        ("after=inc-odesa-0303", ["inc-kharkiv-0302"]),
        ("after=inc-kyiv-0304&event_type=air_drone_strike", ["inc-odesa-0303"]),
    ],
)
def test_incident_filters(client: TestClient, query: str, expected: list[str]) -> None:
    assert _ids(client, query) == expected


def test_paging_points_to_the_next_page(client: TestClient) -> None:
    first = client.get("/api/incidents?limit=2").json()
    assert first["next_offset"] == 2
    assert client.get("/api/incidents?limit=2&offset=2").json()["next_offset"] is None


def test_cursor_paging_follows_next_to_the_end(client: TestClient) -> None:
    seen, query = [], "limit=1"
    while query:
        page = client.get(f"/api/incidents?{query}").json()
        seen += [item["id"] for item in page["items"]]
        query = page["next"] and f"limit=1&after={page['next']}"
    assert seen == _ids(client, "")


def test_an_unknown_cursor_is_404(client: TestClient) -> None:
    response = client.get("/api/incidents?after=gone")
    assert response.status_code == 404
    assert "start again" in response.json()["detail"]


def test_bbox_corners_in_either_order(client: TestClient) -> None:
    assert _ids(client, "bbox=22,44,41,53") == _ids(client, "bbox=41,53,22,44")


@pytest.mark.parametrize(
    "query", ["bbox=1,2,3", "bbox=1,2,3,x", "limit=0", "min_killed=-1", "date_from=yesterday"]
)
def test_bad_filters_are_422(client: TestClient, query: str) -> None:
    assert client.get(f"/api/incidents?{query}").status_code == 422


@pytest.mark.parametrize("url", ["/api/incidents/nope", "/api/articles/nope"])
def test_unknown_ids_are_404_json(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "nope" in response.json()["detail"]


def test_incident_keeps_each_source_and_evidence_offsets(client: TestClient) -> None:
    incident = client.get("/api/incidents/inc-kharkiv-0302").json()
    by_outlet = {r["outlet"]: r for r in incident["report_list"]}
    assert by_outlet["Example Herald"]["killed"]["value"] == 4
    assert by_outlet["Example Times"]["killed"]["qualifier"] == "at_least"
    assert incident["killed_range"] == [4, 5]
    for report in incident["report_list"]:
        text = client.get(f"/api/articles/{report['article_id']}").json()["text"]
        for evidence in report["evidence"]:
            assert text[evidence["start"] : evidence["end"]] == evidence["text"]


def test_ledger_has_a_line_per_claimant_and_marks_contested(client: TestClient) -> None:
    (series,) = client.get("/api/figures").json()
    assert (series["metric"], series["scope"]) == ("civilians_killed", "Ukraine")
    lines = {line["claimant"]: line["points"] for line in series["lines"]}
    assert set(lines) == {"OHCHR", "State Emergency Service of Ukraine"}
    assert all(p["contested"] for points in lines.values() for p in points)
    kinds = sorted(c["kind"] for c in client.get("/api/contradictions").json())
    assert kinds == ["figure", "incident"]
