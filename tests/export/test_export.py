"""Exports read back by the tools analysts use: pandas (CSV, Parquet), GeoJSON, JSON Lines, ACLED."""

from __future__ import annotations

import io
import json
import warnings
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.errors import ConfigError
from sitrep.export import (
    ACLED_COLUMNS,
    EVENT_LABELS,
    FORMATS,
    ROW_COLUMNS,
    SUB_EVENT_LABELS,
    write_export,
)
from sitrep.model import EVENT_TYPES
from sitrep.serve.fake import QueryStore
from sitrep.store import IncidentFilter


def _export(store: QueryStore, fmt: str, filters: IncidentFilter | None = None) -> bytes:
    out = io.BytesIO()
    write_export(store, fmt, out, filters, timestamp=1_700_000_000)
    return out.getvalue()


def test_csv_reads_back_with_pandas(store: QueryStore) -> None:
    frame = pd.read_csv(io.BytesIO(_export(store, "csv")))
    assert list(frame.columns) == list(ROW_COLUMNS)
    kharkiv = frame.set_index("id").loc["inc-kharkiv-0302"]
    assert (
        kharkiv["killed"],
        kharkiv["killed_qualifier"],
        kharkiv["killed_min"],
        kharkiv["killed_max"],
    ) == (5, "at_least", 4, 5)
    assert kharkiv["outlets"] == "Example Herald; Example Times"
    odesa = frame.set_index("id").loc["inc-odesa-0303"]
    assert pd.isna(odesa["killed"])  # unknown stays unknown, not 0


def test_parquet_reads_back_with_pandas(store: QueryStore) -> None:
    frame = pd.read_parquet(io.BytesIO(_export(store, "parquet")))
    assert len(frame) == 3
    assert str(frame["injured"].dtype) == "int64" or frame["injured"].isna().any()
    assert frame.set_index("id").loc["inc-kharkiv-0302", "lat"] == pytest.approx(49.9808)


def test_geojson_is_a_feature_collection_of_lon_lat_points(store: QueryStore) -> None:
    data = json.loads(_export(store, "geojson"))
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == 3
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert 22 < lon < 41 and 44 < lat < 53  # Ukraine, in (lon, lat) order
        assert (lon, lat) == (feature["properties"]["lon"], feature["properties"]["lat"])


def test_jsonl_keeps_reports_and_evidence(store: QueryStore) -> None:
    records = [json.loads(line) for line in _export(store, "jsonl").decode().splitlines()]
    kharkiv = next(r for r in records if r["id"] == "inc-kharkiv-0302")
    assert [r["killed"]["value"] for r in kharkiv["reports"]] == [4, 5]
    assert kharkiv["reports"][0]["evidence"][0]["start"] > 0
    assert kharkiv["date"] == "2022-03-02"


def test_acled_has_acleds_columns_and_labels(store: QueryStore) -> None:
    frame = pd.read_csv(io.BytesIO(_export(store, "acled")), keep_default_na=False)
    assert tuple(frame.columns) == ACLED_COLUMNS
    row = frame.set_index("event_id_cnty").loc["UKR-inc-kharkiv-0302"]
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["sub_event_type"] == "Shelling/artillery/missile attack"
    assert row["fatalities"] == 5
    assert row["actor1"] == "Military Forces of Russia (2000-)"
    assert (row["country"], row["iso"], row["admin1"]) == ("Ukraine", 804, "Kharkiv")
    assert row["timestamp"] == 1646179200  # the day its numbers are stated for, not export time
    assert row["interaction"] in {"17", "80", "78", "18"}
    assert set(frame["sub_event_type"]) <= set(SUB_EVENT_LABELS.values())


def test_every_event_type_has_an_acled_label() -> None:
    assert set(EVENT_LABELS) == set(EVENT_TYPES)
    assert {s for subs in EVENT_TYPES.values() for s in subs} == set(SUB_EVENT_LABELS)


def test_filters_apply_to_exports(store: QueryStore) -> None:
    frame = pd.read_csv(io.BytesIO(_export(store, "csv", IncidentFilter(oblast="Odes"))))
    assert list(frame["id"]) == ["inc-odesa-0303"]


def test_unknown_format_says_which_exist(store: QueryStore) -> None:
    with pytest.raises(ConfigError, match="csv, acled"):
        _export(store, "xlsx")


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_export_writes_each_format(export_db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(
        app, ["export", "--format", fmt, "--db", str(export_db), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "wrote 3 incidents" in result.output
    assert out.stat().st_size > 100


def test_cli_export_to_stdout(export_db: Path) -> None:
    result = CliRunner().invoke(
        app, ["export", "--format", "csv", "--db", str(export_db), "--oblast", "kyiv"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].startswith("inc-kyiv-0304,2022-03-04")


def test_cli_export_rejects_unknown_format(export_db: Path) -> None:
    result = CliRunner().invoke(app, ["export", "--format", "xlsx", "--db", str(export_db)])
    assert result.exit_code == 2


def test_api_export_uses_the_same_function(store: QueryStore) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from sitrep.config import Settings
    from sitrep.serve.app import create_app

    with TestClient(create_app(Settings(), store), base_url="http://127.0.0.1:8765") as client:
        for fmt in ("csv", "geojson", "jsonl", "parquet"):
            response = client.get(f"/api/export?format={fmt}")
            assert response.status_code == 200
            assert response.content == _export(store, fmt)
        assert client.get("/api/export?format=xlsx").status_code == 422
        assert (
            client.get("/api/export?format=geojson&oblast=kyiv").json()["features"][0]["id"]
            == "inc-kyiv-0304"
        )
