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
HEIGHT: Final = 600
LABELLED: Final = 15  # the most mentioned places get a label; the rest a dot
_CHAR_WIDTH: Final = 7.5  # of the labels' 13 px font, on average
_LINE: Final = 14

Box = tuple[float, float, float, float]  # left, top, right, bottom
_UKRAINE: Final = ((44.0, 53.0), (22.0, 41.0))  # the frame when no place has coordinates


def map_svg(places: Sequence[PlaceEntry], *, basemap: str) -> str:
    located = [p for p in places if p.lat is not None and p.lon is not None]
    lats = [p.lat for p in located if p.lat is not None] or list(_UKRAINE[0])
    lons = [p.lon for p in located if p.lon is not None] or list(_UKRAINE[1])
    margin_lat = max(1.5, 0.1 * (max(lats) - min(lats)))
    margin_lon = max(1.5, 0.1 * (max(lons) - min(lons)))
    south, north = min(lats) - margin_lat, max(lats) + margin_lat
    west, east = min(lons) - margin_lon, max(lons) + margin_lon
    squeeze = math.cos(math.radians((south + north) / 2))  # equirectangular, true to scale mid-frame
    # Widen the frame to WIDTH:HEIGHT, whichever way it falls short.
    wide, tall = (east - west) * squeeze, north - south
    if wide / tall < WIDTH / HEIGHT:
        extra = (tall * WIDTH / HEIGHT - wide) / squeeze / 2
        west, east = west - extra, east + extra
    else:
        extra = (wide * HEIGHT / WIDTH - tall) / 2
        south, north = south - extra, north + extra
    scale = HEIGHT / (north - south)
    width, height = WIDTH, HEIGHT

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) * squeeze * scale, (north - lat) * scale

    from claimgraph.server.basemap import svg_paths  # deferred: the server package loads FastAPI

    outlines = svg_paths(basemap, xy, width, height, centre=(west + east) / 2)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="Map of the places named" '
        'font-family="DejaVu Sans, Arial, sans-serif">',
        f'<rect width="{width}" height="{height}" fill="#dfe9f2"/>',
    ]
    parts += [f'<path d="{d}" fill="#f4f1ea" stroke="#b9b3a6" stroke-width="0.6"/>' for d in outlines]
    most = max((p.mentions for p in located), default=1)
    taken: list[Box] = []
    for rank, place in enumerate(located):
        assert place.lat is not None and place.lon is not None
        x, y = xy(place.lon, place.lat)
        r = 3 + 8 * math.sqrt(place.mentions / most)
        title = escape(f"{place.name}: {place.mentions} mentions")
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#c0392b" fill-opacity="0.75" '
            f'stroke="#fff" stroke-width="0.8"><title>{title}</title></circle>'
        )
        if rank < LABELLED and (spot := _free_spot(place.name, x, y, r, taken)) is not None:
            lx, ly, anchor = spot
            parts.append(
                f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" font-size="13" fill="#1d1d1f" '
                f'stroke="#fff" stroke-width="3" paint-order="stroke">{escape(place.name)}</text>'
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


def _free_spot(name: str, x: float, y: float, r: float, taken: list[Box]) -> tuple[float, float, str] | None:
    """Where a label of ``name`` beside the dot at (x, y) overlaps no label placed before it: right of
    the dot, left of it, above, below; None when every spot is taken (the places table still lists the
    place). The spot found is added to ``taken``."""
    width = len(name) * _CHAR_WIDTH
    spots = (
        (x + r + 3, y + 4, "start", (x + r + 3, y - 10, x + r + 3 + width, y + 4)),
        (x - r - 3, y + 4, "end", (x - r - 3 - width, y - 10, x - r - 3, y + 4)),
        (x, y - r - 4, "middle", (x - width / 2, y - r - 4 - _LINE, x + width / 2, y - r - 4)),
        (x, y + r + _LINE, "middle", (x - width / 2, y + r, x + width / 2, y + r + _LINE)),
    )
    for lx, ly, anchor, box in spots:
        if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken):
            taken.append(box)
            return lx, ly, anchor
    return None
