"""The brief's map: one standalone SVG drawn offline from the country outlines the web map uses
(``claimgraph.server.basemap``, Natural Earth via world-atlas) with a dot and a label per place that
has coordinates. Styles are attributes, not CSS classes, so the file looks the same inline in HTML,
beside a Markdown file, or printed. Without the outlines file the places sit on a plain background."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final
from xml.sax.saxutils import escape

from claimgraph.brief.model import PlaceEntry

WIDTH: Final = 900
MAX_HEIGHT: Final = 620
LABELLED: Final = 15  # the most mentioned places get a label; the rest a dot
_UKRAINE: Final = ((44.0, 53.0), (22.0, 41.0))  # the frame when no place has coordinates


def map_svg(places: Sequence[PlaceEntry], *, basemap: str) -> str:
    located = [p for p in places if p.lat is not None and p.lon is not None]
    lats = [p.lat for p in located if p.lat is not None] or list(_UKRAINE[0])
    lons = [p.lon for p in located if p.lon is not None] or list(_UKRAINE[1])
    margin = 1.5
    south, north = min(lats) - margin, max(lats) + margin
    west, east = min(lons) - margin, max(lons) + margin
    squeeze = math.cos(math.radians((south + north) / 2))  # equirectangular, true to scale mid-frame
    scale = min(WIDTH / ((east - west) * squeeze), MAX_HEIGHT / (north - south))
    width = round((east - west) * squeeze * scale)
    height = round((north - south) * scale)

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) * squeeze * scale, (north - lat) * scale

    from claimgraph.server.basemap import svg_paths  # deferred: the server package loads FastAPI

    outlines = svg_paths(basemap, xy, width, height)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="Map of the places named" '
        'font-family="DejaVu Sans, Arial, sans-serif">',
        f'<rect width="{width}" height="{height}" fill="#dfe9f2"/>',
    ]
    parts += [f'<path d="{d}" fill="#f4f1ea" stroke="#b9b3a6" stroke-width="0.6"/>' for d in outlines]
    most = max((p.mentions for p in located), default=1)
    for rank, place in enumerate(located):
        assert place.lat is not None and place.lon is not None
        x, y = xy(place.lon, place.lat)
        r = 3 + 8 * math.sqrt(place.mentions / most)
        title = escape(f"{place.name}: {place.mentions} mentions")
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#c0392b" fill-opacity="0.75" '
            f'stroke="#fff" stroke-width="0.8"><title>{title}</title></circle>'
        )
        if rank < LABELLED:
            parts.append(
                f'<text x="{x + r + 3:.1f}" y="{y + 4:.1f}" font-size="13" fill="#1d1d1f" stroke="#fff" '
                f'stroke-width="3" paint-order="stroke">{escape(place.name)}</text>'
            )
    if not located:
        note = "No place named in this brief has coordinates"
        parts.append(
            f'<text x="{width / 2:.0f}" y="{height / 2:.0f}" text-anchor="middle" font-size="18" '
            f'fill="#555">{escape(note)}</text>'
        )
    if not outlines:
        parts.append(
            f'<text x="8" y="{height - 8}" font-size="11" fill="#555">'
            f"{escape('Country outlines missing (' + basemap + '): make install fetches them')}</text>"
        )
    parts.append(
        f'<text x="{width - 8}" y="{height - 8}" text-anchor="end" font-size="10" fill="#777">'
        f"{escape('Outlines: Natural Earth (world-atlas)')}</text>"
        if outlines
        else ""
    )
    parts.append("</svg>")
    return "\n".join(p for p in parts if p)
