"""A :class:`Brief` as one self-contained HTML file or as Markdown.

HTML: the CSS and the map (an SVG) are inline; no script, no font, no image is fetched, so the file
works offline and as an e-mail attachment. Citations are endnotes: ``<a class="cite" href="#cN">``
after each fact, and ``<li class="citation" id="cN" data-doc data-start data-end>`` under Sources
holding the quoted words in ``<span class="cited">``.

Markdown: citations are footnotes, ``[^N]`` after each fact and ``[^N]: “words” — outlet, …
Document `ID`, characters START–END; SOURCE`` at the end; in quoted words the characters Markdown
reads as syntax are escaped with a backslash and line breaks become spaces. The map is an SVG file
written beside the Markdown file (``NAME.map.svg``) and linked as an image.

The prose is fixed template sentences around quoted, cited facts: nothing is paraphrased.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Final

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from claimgraph import __version__
from claimgraph.brief.mapsvg import map_svg
from claimgraph.brief.model import Brief, NumberGroup, TechniqueEntry
from claimgraph.settings import DEFAULT_SETTINGS, Settings

TEMPLATES: Final = Path(__file__).parent / "templates"
UNKNOWN: Final = "outlet unknown"


def scope_sentence(brief: Brief) -> str:
    m = brief.method
    what = f"{m.documents:,} of the store's {m.store_documents:,} articles"
    if brief.about_kind == "entity":
        what += f" (those naming {brief.about})"
    elif brief.about_kind == "search":
        what += f" (those the full-text search finds for “{brief.about}”)"
    if brief.date_from or brief.date_to:
        what += f", published {brief.date_from or 'any time'} to {brief.date_to or 'now'}"
    return f"Built on {brief.generated} from {what}."


def spread_sentence(group: NumberGroup, cite: Callable[[int], str], esc: Callable[[str], str]) -> str:
    """The spread of a group's precise numbers, citing the lowest and the highest report; ``esc``
    escapes the words for the output format."""
    precise = [r for r in group.reports if r.qualifier != "vague"]
    lowest = min(precise, key=lambda r: r.value) if precise else None
    highest = max(precise, key=lambda r: r.high if r.high is not None else r.value) if precise else None
    unit = f" {esc(group.unit)}" if group.unit else ""
    reports = f"{len(group.reports)} reports from {group.outlets} outlet{'s' if group.outlets != 1 else ''}"
    if lowest is None or highest is None or group.low == group.high:
        return f"{reports}, all giving {_number(group.low)}{unit}" + (cite(lowest.citation) if lowest else "")
    ratio = f"; the highest is {group.high / group.low:.1f} times the lowest" if group.low > 0 else ""
    return (
        f"{reports}, from {esc(lowest.words)}{cite(lowest.citation)} ({esc(lowest.outlet or UNKNOWN)})"
        f" to {esc(highest.words)}{cite(highest.citation)} ({esc(highest.outlet or UNKNOWN)}){ratio}."
    )


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def method_lines(brief: Brief, *, basemap: str) -> list[str]:
    m = brief.method
    span = (
        f"published from {m.first_published} to {m.last_published}"
        if m.first_published
        else "with no publication date known"
    )
    undated = f"; {m.undated_documents} without a known publication date" if m.undated_documents else ""
    outlets = ", ".join(f"{name} ({n})" for name, n in m.outlets)
    unresolved = ", ".join(f"“{w}”" for w in m.unresolved_examples)
    lines = [
        f"Corpus: {m.documents:,} articles ({m.store_documents:,} in the store), {span}{undated}.",
        f"Outlets, by articles read: {outlets}.",
        f"Copies of one wire story are counted once: {m.copies:,} of these articles are near-copies of "
        "another one here and were not read again (their statements, numbers and places are not counted "
        "twice). Disputes are listed from every article, copies included.",
        f"Statements: {m.statements:,} found; {m.attributed:,} attributed to a named person or "
        f"organisation; {m.anonymous:,} from anonymous sources; {m.unresolved:,} that claimgraph could not "
        f"attribute to anyone named" + (f" (speakers such as {unresolved})" if unresolved else "") + ".",
        f"Places: {len(brief.places)} shown; {m.places_without_coordinates} of the places named have no "
        "coordinates (not in the offline gazetteer, or ambiguous) and are not on the map."
        + (
            ""
            if m.basemap
            else f" The country outlines ({basemap}) are missing; `make install` fetches them."
        ),
        "Each section shows the most frequent items only: the export (claimgraph export) holds them all.",
        "What claimgraph cannot see: articles not in the store; pictures, video, audio and captions "
        "dropped when cleaning; words said without a quotation or a reporting verb; whether a statement "
        "is true; who is behind an outlet; a dated event described without a date; numbers written in "
        "ways its rules do not read; loaded words missing from its lexicon, or used ironically.",
        "All findings come from fixed rules and a statistical language model (spaCy) and can be wrong: "
        "check each against its source, which the bracketed number names.",
    ]
    return lines


def _technique_rows(brief: Brief, by: str) -> list[TechniqueEntry]:
    return [t for t in brief.techniques if t.by == by]


def render_html(brief: Brief, *, settings: Settings = DEFAULT_SETTINGS) -> str:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]), keep_trailing_newline=True
    )

    def cite(number: int) -> Markup:
        return Markup(f'<a class="cite" href="#c{number}">[{number}]</a>')

    def quote(number: int, highlight: str | None = None) -> Markup:
        words = brief.cite(number).quote
        if highlight:
            at = words.find(highlight)
            if at >= 0:
                end = at + len(highlight)
                return Markup(
                    f"{escape(words[:at])}<strong>{escape(words[at:end])}</strong>{escape(words[end:])}"
                )
        return escape(words)

    template = env.get_template("brief.html")
    return template.render(
        brief=brief,
        css=Markup((TEMPLATES / "brief.css").read_text(encoding="utf-8")),
        version=__version__,
        scope=scope_sentence(brief),
        cite=cite,
        quote=quote,
        spread=lambda g: Markup(spread_sentence(g, lambda n: str(cite(n)), lambda t: str(escape(t)))),
        techniques=lambda by: _technique_rows(brief, by),
        min_words=brief.method.min_speaker_words,
        map_svg=Markup(map_svg(brief.places, basemap=settings.basemap)),
        method=method_lines(brief, basemap=settings.basemap),
    )


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md_escape(text: str) -> str:
    """Text as Markdown shows it literally, on one line."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split("\n")).replace("\r", " "))


def md_unescape(text: str) -> str:
    """Undo :func:`md_escape`'s backslashes (line breaks stay spaces)."""
    return re.sub(r"\\(.)", r"\1", text)


def render_markdown(brief: Brief, *, map_file: str | None, settings: Settings = DEFAULT_SETTINGS) -> str:
    """The brief as Markdown; ``map_file`` is the map SVG's path relative to the Markdown file (None: no
    map image, the table of places only)."""

    def cite(number: int) -> str:
        return f"[^{number}]"

    def quote(number: int) -> str:
        return "“" + md_escape(brief.cite(number).quote) + "”"

    def when(said: object, published: object) -> str:
        return f"said {said}" if said else (f"published {published}" if published else "undated")

    out = [f"# {md_escape(brief.title)}", "", md_escape(scope_sentence(brief)), ""]
    out += [
        "Every quotation below is the exact text of the article it comes from; the footnote after it names "
        "the source: outlet, document, the characters quoted and the article's address.",
        "",
        "## Who is quoted",
        "",
    ]
    if not brief.speakers:
        out += ["No statement in these articles is attributed to a named person or organisation.", ""]
    for s in brief.speakers:
        plural = "s" if s.statements != 1 else ""
        out += [
            f"### {md_escape(s.name)}",
            "",
            f"{s.statements} statement{plural} in {s.documents} article{'s' if s.documents != 1 else ''}"
            + (f" · {md_escape(', '.join(s.outlets))}" if s.outlets else ""),
            "",
        ]
        for q in s.quotes:
            channel = f", {md_escape(q.channel)}" if q.channel else ""
            out.append(
                f"- {quote(q.citation)}{cite(q.citation)} — {md_escape(q.speaker_words)} ({q.kind}, "
                f"“{md_escape(q.cue)}”{channel}); {md_escape(q.outlet or 'outlet unknown')}, "
                f"{when(q.said_on, q.published)}"
            )
        out.append("")
    out += ["## Timeline", ""]
    if not brief.timeline:
        out += ["No statement or event in these articles carries a date.", ""]
    for t in brief.timeline:
        outlet = md_escape(t.outlet or "outlet unknown")
        if t.kind == "said":
            out.append(
                f"- **{t.date}** — {md_escape(t.what)} said: {quote(t.citation)}{cite(t.citation)} ({outlet})"
            )
        else:
            out.append(
                f"- **{t.date}** — “{md_escape(t.what)}”: {quote(t.citation)}{cite(t.citation)} ({outlet})"
            )
    out += ["", "## Disputes", ""]
    if not brief.disputes:
        out += ["claimgraph found no two sources contradicting each other in these articles.", ""]
    for d in brief.disputes:
        cited = "".join(cite(side.citation) for side in (d.a, *d.against))
        out.append(f"- **{d.kind}**: {md_escape(d.explanation)}{cited}")
        for n, side in enumerate((d.a, *d.against)):
            source = f"{md_escape(side.outlet or 'outlet unknown')}, {side.published or 'undated'}"
            against = "against: " if n == 1 else ""
            out.append(f"  - {against}{quote(side.citation)}{cite(side.citation)} — {source}")
    out += ["", "## Numbers as reported", ""]
    if not brief.numbers:
        out += ["No quantity is counted by more than one article here.", ""]
    for g in brief.numbers:
        unit = f" ({md_escape(g.unit)})" if g.unit else ""
        out += [f"### {md_escape(g.about)}{unit}", "", spread_sentence(g, cite, md_escape), ""]
        for r in g.reports:
            out.append(
                f"- {md_escape(r.outlet or UNKNOWN)}, {r.published or 'undated'}: "
                f"**{md_escape(r.words)}** — {quote(r.citation)}{cite(r.citation)}"
            )
        out.append("")
    out += ["## Places", ""]
    if map_file:
        out += [f"![Map of the places named]({map_file})", ""]
    if not brief.places:
        out += ["No place is named in these articles.", ""]
    for p in brief.places:
        where = f"{p.lat:.3f}, {p.lon:.3f}" if p.lat is not None and p.lon is not None else "no coordinates"
        out.append(
            f"- {md_escape(p.name)}: {p.mentions} mentions, {where}; first: "
            f"{quote(p.citation)}{cite(p.citation)}"
        )
    out += ["", "## Loaded language", ""]
    for by in ("outlet", "speaker"):
        rows = _technique_rows(brief, by)
        out += [f"### By {by}", ""]
        if not rows:
            out += [f"No {by} here uses a phrase of the techniques lexicon.", ""]
        for row in rows:
            used = ", ".join(f"{name} {n}" for name, n in row.techniques)
            examples = " ".join(f"{quote(e.citation)}{cite(e.citation)}" for e in row.examples)
            out.append(
                f"- {md_escape(row.name)}: {row.per_1000_words:.2f} per 1,000 words ({row.spans} spans in "
                f"{row.words:,} words): {md_escape(used)}" + (f"; e.g. {examples}" if examples else "")
            )
        out.append("")
    out += [
        "An outlet's words are its articles outside attributed statements; a speaker's are their "
        f"statements. Speakers with fewer than {brief.method.min_speaker_words} words of statements are "
        "left out.",
        "",
        "## Method",
        "",
    ]
    out += [f"- {md_escape(line)}" for line in method_lines(brief, basemap=settings.basemap)]
    out += ["", "## Sources", ""]
    for c in brief.citations:
        title = f", *{md_escape(c.title)}*" if c.title else ""
        source = f"<{c.source}>" if c.source.startswith(("http://", "https://")) else f"`{c.source}`"
        out.append(
            f"[^{c.number}]: “{md_escape(c.quote)}” — {md_escape(c.outlet or 'outlet unknown')}{title}, "
            f"{c.published or 'undated'}. Document `{c.doc}`, characters {c.start}–{c.end}; {source}"
        )
    out += ["", f"claimgraph {__version__} · {brief.generated}", ""]
    return "\n".join(out)
