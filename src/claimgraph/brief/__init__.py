"""Briefs: a sourced report of a store (or of the articles about one entity or query) as one
self-contained HTML file, Markdown or PDF. ``build_brief`` gathers the typed ``Brief``; ``write_brief``
renders and writes it. See ``claimgraph brief --help`` and the README."""

from __future__ import annotations

from pathlib import Path
from typing import Final, Literal

from claimgraph.brief.build import DEFAULT_LIMITS, Limits, build_brief
from claimgraph.brief.model import Brief, Citation
from claimgraph.errors import UsageError
from claimgraph.settings import DEFAULT_SETTINGS, Settings

BriefFormat = Literal["html", "md", "pdf"]
BRIEF_FORMATS: Final[tuple[BriefFormat, ...]] = ("html", "md", "pdf")

__all__ = [
    "BRIEF_FORMATS",
    "DEFAULT_LIMITS",
    "Brief",
    "BriefFormat",
    "Citation",
    "Limits",
    "build_brief",
    "write_brief",
]


def write_brief(
    brief: Brief, *, fmt: BriefFormat, out: Path, settings: Settings = DEFAULT_SETTINGS
) -> list[Path]:
    """Render ``brief`` as ``fmt`` into ``out``; returns the files written (Markdown: the .md and its
    map, ``NAME.map.svg`` beside it)."""
    from claimgraph.brief.render import render_html, render_markdown

    if fmt not in BRIEF_FORMATS:
        raise UsageError(f"unknown brief format {fmt!r}; choose one of {', '.join(BRIEF_FORMATS)}")
    if out.exists() and out.is_dir():
        raise UsageError(f"{out} is a folder; give the file to write")
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "html":
        _write(out, render_html(brief, settings=settings))
        return [out]
    if fmt == "pdf":
        from claimgraph.brief.pdf import html_to_pdf

        html_to_pdf(render_html(brief, settings=settings), out)
        return [out]
    from claimgraph.brief.mapsvg import map_svg

    map_file = out.with_name(out.stem + ".map.svg")
    _write(map_file, map_svg(brief.places, basemap=settings.basemap) + "\n")
    _write(out, render_markdown(brief, map_file=map_file.name, settings=settings))
    return [out, map_file]


def _write(path: Path, content: str) -> None:
    # A half-written brief must never stand where a good one was.
    tmp = path.with_name(path.name + ".partial")
    tmp.write_text(content, encoding="utf-8")
    tmp.replace(path)
