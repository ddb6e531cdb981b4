"""The brief's map: one standalone SVG drawn offline from the country outlines the web map uses
(``claimgraph.server.basemap``, Natural Earth via world-atlas) with a dot and a label per place that
has coordinates. Styles are attributes, not CSS classes, so the file looks the same inline in HTML,
beside a Markdown file, or printed. Without the outlines file the places sit on a plain background."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
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

    outlines = outline_paths(basemap, xy, width, height, centre=(west + east) / 2)
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


def outline_paths(
    basemap: str,
    project: Callable[[float, float], tuple[float, float]],
    width: float,
    height: float,
    *,
    centre: float,
) -> list[str]:
    """SVG path data of the country rings that fall in the frame. A ring crossing the antimeridian
    (Fiji, Chukotka) is unwrapped, its longitudes kept within 180 degrees of each other and of the
    frame's ``centre``, so that it draws no line across the whole map."""
    from claimgraph.server.basemap import country_rings  # deferred: the server package loads FastAPI

    out: list[str] = []
    for ring in country_rings(basemap):
        unwrapped: list[tuple[float, float]] = []
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
