from __future__ import annotations

import json
from pathlib import Path

from claimgraph.server.basemap import country_rings, svg_paths


def test_topojson_arcs_decode_into_rings_and_paths(tmp_path: Path) -> None:
    # Two countries sharing one border arc (arc 1), stored once and walked backwards by the second.
    topology = {
        "type": "Topology",
        "transform": {"scale": [1, 1], "translate": [30, 45]},
        "arcs": [
            [[0, 0], [0, 4], [4, 0]],
            [[4, 4], [0, -4]],
            [[4, 0], [-4, 0]],
            [[4, 4], [4, 0], [0, -4], [-4, 0]],
        ],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1, 2]]},
                    {"type": "MultiPolygon", "arcs": [[[3, -2]]]},
                ],
            }
        },
    }
    path = tmp_path / "countries.json"
    path.write_text(json.dumps(topology), encoding="utf-8")
    first, second = country_rings(str(path))
    assert first == ((30, 45), (30, 49), (34, 49), (34, 45), (30, 45))
    assert second == ((34, 49), (38, 49), (38, 45), (34, 45), (34, 49))
    paths = svg_paths(str(path), lambda lon, lat: ((lon - 30) * 10, (49 - lat) * 10), 100, 100)
    assert paths[0].startswith("M0.0,40.0L0.0,0.0")
    assert country_rings(str(tmp_path / "absent.json")) == ()
