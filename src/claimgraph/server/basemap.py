"""Country outlines for the map, offline: Natural Earth borders as TopoJSON from the npm package
``world-atlas`` (``make install`` puts it in ``node_modules/``; the path is the ``basemap`` setting).

TopoJSON stores each border once as a delta-encoded, quantised arc; a country is a list of rings
made of arcs (a negative index means the arc reversed). Without the file the map shows its places
on a plain background.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

Point = tuple[float, float]  # (lon, lat)


@lru_cache(maxsize=2)
def country_rings(path: str) -> tuple[tuple[Point, ...], ...]:
    """Every ring of every country in the TopoJSON file at ``path`` (empty when there is none)."""
    file = Path(path)
    if not file.is_file():
        return ()
    topology = json.loads(file.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    rings: list[tuple[Point, ...]] = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs", [])
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            for ring in polygon:
                rings.append(tuple(_ring(ring, arcs)))
    return tuple(rings)


def svg_paths(
    path: str,
    project: Callable[[float, float], Point],
    width: float,
    height: float,
    *,
    centre: float = 0.0,
) -> list[str]:
    """SVG path data for the rings that fall in the frame, projected, points closer than a pixel merged.
    A ring crossing the antimeridian (Fiji, Chukotka) is unwrapped, its longitudes kept within 180
    degrees of each other and of the frame's ``centre`` longitude, so that it draws no line across the
    whole map."""
    out: list[str] = []
    for ring in country_rings(path):
        unwrapped: list[Point] = []
        shift = 0.0
        for lon, lat in ring:
            if unwrapped:
                previous = unwrapped[-1][0]
                while lon + shift - previous > 180:
                    shift -= 360
                while lon + shift - previous < -180:
                    shift += 360
            unwrapped.append((lon + shift, lat))
        middle = sum(lon for lon, _ in unwrapped) / len(unwrapped)
        turn = 360 * round((centre - middle) / 360)
        points = [project(lon + turn, lat) for lon, lat in unwrapped]
        xs = [x for x, _ in points]
        ys = [y for _, y in points]
        if max(xs) < 0 or min(xs) > width or max(ys) < 0 or min(ys) > height:
            continue
        kept = [points[0]]
        for x, y in points[1:]:
            if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= 1:
                kept.append((x, y))
        if len(kept) >= 3:
            out.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in kept) + "Z")
    return out


def _decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    transform = topology.get("transform")
    decoded: list[list[Point]] = []
    for arc in topology["arcs"]:
        if transform is None:
            decoded.append([(float(x), float(y)) for x, y in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points: list[Point] = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(indices: list[int], arcs: list[list[Point]]) -> list[Point]:
    points: list[Point] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points
