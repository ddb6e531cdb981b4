"""Briefs (issue 12): the sample corpus's and the dev corpus's, in HTML, Markdown and PDF, checked for
their sections and for every citation resolving: ``text[start:end]`` of the cited document is the
quoted words, in the HTML, in the Markdown and in the PDF's text (pdftotext)."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from markupsafe import escape

from claimgraph.brief import Brief, build_brief, write_brief
from claimgraph.brief.build import period_start, sentence_around
from claimgraph.brief.mapsvg import map_svg
from claimgraph.brief.model import PlaceEntry
from claimgraph.brief.render import md_unescape, render_html, render_markdown
from claimgraph.cli import main
from claimgraph.errors import BriefEmpty, RendererMissing, UsageError
from claimgraph.query import dispute_views
from claimgraph.settings import Settings
from claimgraph.store import Store

from ..conftest import REPO

if TYPE_CHECKING:
    from spacy.language import Language

CHROMIUM = Path("/usr/bin/chromium")
SECTIONS = ("who", "timeline", "disputes", "numbers", "places", "loaded-language", "method", "sources")
SETTINGS = Settings(basemap=str(REPO / "node_modules" / "world-atlas" / "countries-50m.json"))

_HTML_CITATION = re.compile(
    r'<li class="citation" id="c(\d+)" value="\1" data-doc="([^"]+)" data-start="(\d+)" data-end="(\d+)">'
    r'<span class="cited">“(.*?)”</span>(.*?)</li>',
    re.DOTALL,
)
_MD_CITATION = re.compile(
    r"^\[\^(\d+)\]: “(.*)” — .*Document `([^`]+)`, characters (\d+)–(\d+); ", re.MULTILINE
)


def html_citations(page: str) -> dict[int, tuple[str, int, int, str]]:
    """Endnote number -> (document, start, end, quoted words) of every citation in an HTML brief."""
    found = {}
    for number, doc, start, end, quoted, rest in _HTML_CITATION.findall(page):
        assert f'Document <code>{doc}</code>, <span class="offsets">characters {start}–{end}</span>' in rest
        found[int(number)] = (doc, int(start), int(end), html.unescape(quoted))
    return found


def md_citations(text: str) -> dict[int, tuple[str, int, int, str]]:
    return {
        int(n): (doc, int(start), int(end), md_unescape(quoted))
        for n, quoted, doc, start, end in _MD_CITATION.findall(text)
    }


def texts_of(db: Path, docs: set[str]) -> dict[str, str]:
    with Store(db, read_only=True) as store:
        return {doc: store.find_document(doc)[0].text for doc in docs}


def check_html(page: str, db: Path) -> dict[int, tuple[str, int, int, str]]:
    for section in SECTIONS:
        assert re.search(rf'<section id="{section}">\s*<h2>', page), section
    cited = html_citations(page)
    assert cited, "no citation parsed"
    assert page.count('<li class="citation"') == len(cited), "a citation did not parse"
    texts = texts_of(db, {doc for doc, _, _, _ in cited.values()})
    for number, (doc, start, end, quoted) in cited.items():
        assert texts[doc][start:end] == quoted, (number, doc, start, end)
    body = page.split('<section id="sources">')[0]
    marks = {int(n) for n in re.findall(r'<a class="cite" href="#c(\d+)">\[\1\]</a>', body)}
    assert marks == set(cited), "every citation is cited in the text and every mark has its endnote"
    # Self-contained: nothing is fetched when the page is opened.
    assert not re.search(r"<script|<link|<img|<iframe|@import|url\(", page, re.IGNORECASE)
    assert not re.search(r'\ssrc="', page)
    return cited


def check_markdown(text: str, db: Path) -> dict[int, tuple[str, int, int, str]]:
    for heading in ("Who is quoted", "Timeline", "Disputes", "Numbers as reported", "Places",
                    "Loaded language", "Method", "Sources"):  # fmt: skip
        assert f"\n## {heading}\n" in text, heading
    cited = md_citations(text)
    assert cited
    assert len(re.findall(r"^\[\^\d+\]: ", text, re.MULTILINE)) == len(cited), "a footnote did not parse"
    texts = texts_of(db, {doc for doc, _, _, _ in cited.values()})
    for number, (doc, start, end, quoted) in cited.items():
        expected = texts[doc][start:end].replace("\n", " ").replace("\r", " ")
        assert expected == quoted, (number, doc, start, end)
    body = text.split("\n## Sources\n")[0]
    assert {int(n) for n in re.findall(r"\[\^(\d+)\]", body)} == set(cited)
    return cited


def check_model(brief: Brief, db: Path) -> None:
    """The quoted words are the statements' own, the said dates theirs."""
    assert [c.number for c in brief.citations] == list(range(1, len(brief.citations) + 1))
    with Store(db, read_only=True) as store:
        statements = {(s.content.doc, s.content.start, s.content.end): s for s in store.statements()}
    for speaker in brief.speakers:
        assert speaker.quotes and speaker.statements >= len(speaker.quotes)
        for quote in speaker.quotes:
            c = brief.cite(quote.citation)
            statement = statements[c.doc, c.start, c.end]
            assert statement.content_text == c.quote and statement.said_on == quote.said_on
    counts = [s.statements for s in brief.speakers]
    assert counts == sorted(counts, reverse=True), "most quoted first"
    m = brief.method
    assert m.attributed + m.anonymous + m.unresolved == m.statements


@pytest.fixture(scope="module")
def sample_brief(sample_db: Path) -> Brief:
    with Store(sample_db, read_only=True) as store:
        return build_brief(store, settings=SETTINGS, today=dt.date(2024, 6, 1))


@pytest.mark.slow
def test_sample_brief_html(sample_brief: Brief, sample_db: Path, tmp_path: Path) -> None:
    check_model(sample_brief, sample_db)
    assert sample_brief.speakers and sample_brief.disputes and sample_brief.numbers and sample_brief.timeline
    out = tmp_path / "brief.html"
    assert write_brief(sample_brief, fmt="html", out=out, settings=SETTINGS) == [out]
    page = out.read_text(encoding="utf-8")
    cited = check_html(page, sample_db)
    assert len(cited) == len(sample_brief.citations)
    # The sample's places are fictional but for one pin, so the map's frame holds a country or two.
    assert "<svg" in page and page.count("<path") > 0, "the map is drawn inline, with country outlines"
    # Both sides of every dispute, side by side, with the store's explanation.
    for dispute in sample_brief.disputes:
        assert str(escape(dispute.explanation)) in page


@pytest.mark.slow
def test_sample_brief_markdown(sample_brief: Brief, sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    written = write_brief(sample_brief, fmt="md", out=out, settings=SETTINGS)
    assert written == [out, tmp_path / "brief.map.svg"]
    text = out.read_text(encoding="utf-8")
    assert "![Map of the places named](brief.map.svg)" in text
    assert (tmp_path / "brief.map.svg").read_text(encoding="utf-8").startswith("<svg")
    assert len(check_markdown(text, sample_db)) == len(sample_brief.citations)


@pytest.mark.slow
def test_dev_brief(shared: Path, nlp: Language, tmp_path: Path) -> None:
    from claimgraph.ingest import ingest

    db = tmp_path / "dev.duckdb"
    ingest([shared / "corpus" / "dev"], settings=Settings(db=str(db), n_process=1, progress=False), nlp=nlp)
    with Store(db, read_only=True) as store:
        brief = build_brief(store, settings=SETTINGS)
    check_model(brief, db)
    assert brief.speakers and brief.citations
    page = render_html(brief, settings=SETTINGS)
    assert len(check_html(page, db)) == len(brief.citations)
    assert len(check_markdown(render_markdown(brief, map_file=None, settings=SETTINGS), db)) == len(
        brief.citations
    )


@pytest.mark.slow
def test_about_an_entity_a_query_and_dates(sample_db: Path, sample_brief: Brief) -> None:
    with Store(sample_db, read_only=True) as store:
        labels = store.labels()
        entity = build_brief(store, about="Hrytsenko", settings=SETTINGS)
        assert entity.about_kind == "entity" and entity.title == "Brief: Oleksandr Hrytsenko"
        assert 0 < entity.method.documents < sample_brief.method.documents
        search = build_brief(store, about="grain mill", settings=SETTINGS)
        assert search.about_kind == "search" and 0 < search.method.documents < sample_brief.method.documents
        april = build_brief(
            store, date_from=dt.date(2024, 4, 1), date_to=dt.date(2024, 4, 30), settings=SETTINGS
        )
        cited_docs = {c.doc for c in april.citations}
        in_april = {
            d
            for d, (_, _, day) in labels.items()
            if day and dt.date(2024, 4, 1) <= day <= dt.date(2024, 4, 30)
        }
        assert april.method.documents == len(in_april)
        assert {
            c.doc for q in april.speakers for c in map(april.cite, (x.citation for x in q.quotes))
        } <= in_april
        assert cited_docs
        with pytest.raises(BriefEmpty, match="selects no document"):
            build_brief(store, about="qqqxyzzy", settings=SETTINGS)
        with pytest.raises(BriefEmpty):
            build_brief(store, date_from=dt.date(1990, 1, 1), date_to=dt.date(1990, 1, 2), settings=SETTINGS)
        with pytest.raises(UsageError, match="after"):
            build_brief(store, date_from=dt.date(2024, 5, 1), date_to=dt.date(2024, 4, 1))


@pytest.mark.slow
def test_cli_brief(sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli.md"
    assert (
        main(["brief", "--db", str(sample_db), "--about", "Lazutin", "--format", "md", "--out", str(out)])
        == 0
    )
    assert "wrote" in capsys.readouterr().out and out.exists() and (tmp_path / "cli.map.svg").exists()
    assert (
        main(["brief", "--db", str(sample_db), "--about", "qqqxyzzy", "--out", str(tmp_path / "x.html")]) == 2
    )
    assert "brief-empty" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()
    with pytest.raises(SystemExit) as exit_:
        main(["brief", "--db", str(sample_db), "--from", "March", "--out", str(tmp_path / "y.html")])
    assert exit_.value.code == 2


def test_pdf_without_chromium_is_a_clear_error(
    sample_brief: Brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMGRAPH_CHROMIUM", str(tmp_path / "no-chromium"))
    with pytest.raises(RendererMissing, match="Chromium is missing") as error:
        write_brief(sample_brief, fmt="pdf", out=tmp_path / "b.pdf")
    assert error.value.exit_status == 5 and "apt-get install chromium" in str(error.value)
    assert not (tmp_path / "b.pdf").exists()


def printable(text: str) -> str:
    # pdftotext joins a word hyphenated at a line's end and drops the hyphen ("six-" "hour" gives
    # "sixhour"): hyphens are left out on both sides too.
    return "".join(ch for ch in text if unicodedata.category(ch) not in ("So", "Cn", "Co") and ch != "-")


@pytest.mark.parametrize("_", [None], ids=["pdf"])
@pytest.mark.slow
@pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: `apt-get install chromium` (CI does)"
)
@pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext is missing: `apt-get install poppler-utils`"
)
def test_pdf_holds_the_same_citations(_: None, sample_brief: Brief, sample_db: Path, tmp_path: Path) -> None:
    pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    out = tmp_path / "brief.pdf"
    write_brief(sample_brief, fmt="pdf", out=out, settings=SETTINGS)
    assert out.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, check=True, text=True
    ).stdout
    # Lines break at spaces and after hyphens and dashes: compared without any white space. A symbol
    # no installed font draws (an emoji, without fonts-noto-color-emoji) prints as a blank box that
    # pdftotext cannot read back: symbols are left out on both sides.
    flat = printable("".join(text.split()))
    cited = html_citations(render_html(sample_brief, settings=SETTINGS))
    texts = texts_of(sample_db, {doc for doc, _, _, _ in cited.values()})
    for number, (doc, start, end, quoted) in cited.items():
        assert texts[doc][start:end] == quoted
        assert f"Document{doc},characters{start}–{end}" in flat, number
        assert f"“{printable(''.join(quoted.split()))}”" in flat, (number, quoted)
    for heading in (
        "Who is quoted",
        "Timeline",
        "Disputes",
        "Numbers as reported",
        "Places",
        "Method",
        "Sources",
    ):
        assert heading.replace(" ", "") in flat


@pytest.mark.slow
@pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: `apt-get install chromium` (CI does)"
)
def test_html_renders_to_png_pages(sample_brief: Brief, tmp_path: Path) -> None:
    pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    from claimgraph.brief.pdf import html_to_png_pages

    pages = html_to_png_pages(render_html(sample_brief, settings=SETTINGS), tmp_path / "pages")
    assert len(pages) >= 3
    for page in pages:
        assert page.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    print(f"brief pages rendered to {tmp_path / 'pages'}")


def test_sentence_around() -> None:
    text = "First one. The town, said Mr. X, fell on Monday. Next!\nA line without end"
    at = text.index("Monday")
    left, right = sentence_around(text, at, at + len("Monday"))
    assert text[left:right] == "X, fell on Monday."  # "Mr." ends a sentence as the rules read it
    at = text.index("without")
    assert text[slice(*sentence_around(text, at, at + 7))] == "A line without end"
    long = "word " * 300 + "target " + "word " * 300
    at = long.index("target")
    left, right = sentence_around(long, at, at + 6)
    assert left <= at < at + 6 <= right and right - left <= 320


def test_period_start() -> None:
    assert period_start("2024-03-14") == dt.date(2024, 3, 14)
    assert period_start("2024-03") == dt.date(2024, 3, 1)
    assert period_start("2024") == dt.date(2024, 1, 1)
    assert period_start("2024-W14") == dt.date(2024, 4, 1)
    assert period_start("2024-SP") is None and period_start("2024-02-30") is None


def test_map_svg_offline(tmp_path: Path) -> None:
    places = [
        PlaceEntry("e1", "Kharkiv", 5, 49.99, 36.23, 1),
        PlaceEntry("e2", "Suva", 1, -18.14, 178.44, 2),
        PlaceEntry("e3", "Nowhere", 3, None, None, 3),
    ]
    svg = map_svg(places, basemap=SETTINGS.basemap)
    assert svg.count("<circle") == 2 and ">Kharkiv</text>" in svg and "Nowhere" not in svg
    if Path(SETTINGS.basemap).is_file():
        # No ring crosses the frame from one edge to the other (the antimeridian unwrapped).
        for path in re.findall(r'<path d="([^"]+)"', svg):
            xs = [float(x) for x in re.findall(r"[ML](-?[\d.]+),", path)]
            steps = [abs(b - a) for a, b in itertools.pairwise(xs)]
            assert max(steps, default=0) < 800
    bare = map_svg(places[2:], basemap=str(tmp_path / "absent.json"))
    assert "No place named in this brief has coordinates" in bare and "Country outlines missing" in bare


@pytest.mark.slow
def test_disputes_that_share_a_passage_are_one_entry(sample_brief: Brief, sample_db: Path) -> None:
    with Store(sample_db, read_only=True) as store:
        views = dispute_views(store)
    where = {c.number: (c.doc, c.start, c.end) for c in sample_brief.citations}
    shown = {
        frozenset({where[d.a.citation], where[other.citation]})
        for d in sample_brief.disputes
        for other in d.against
    }
    stored = {frozenset({(v.a.doc, v.a.start, v.a.end), (v.b.doc, v.b.start, v.b.end)}) for v in views}
    assert shown == stored, "every stored dispute is in the brief, once"
    assert len(sample_brief.disputes) < len(views), "the samples hold a claim disputed by several passages"
    assert any(len(d.against) > 1 for d in sample_brief.disputes)


def test_map_labels_of_neighbouring_places_do_not_overlap() -> None:
    # Bakhmut, Chasiv Yar and Kostiantynivka lie a few kilometres apart: on a map of Ukraine their
    # labels would print over each other.
    places = [
        PlaceEntry("e1", "Bakhmut", 9, 48.59, 38.0, 1),
        PlaceEntry("e2", "Chasiv Yar", 4, 48.59, 37.84, 2),
        PlaceEntry("e3", "Kostiantynivka", 3, 48.53, 37.71, 3),
        PlaceEntry("e4", "Kyiv", 2, 50.45, 30.52, 4),
        PlaceEntry("e5", "Kharkiv", 2, 49.99, 36.23, 5),
    ]
    svg = map_svg(places, basemap="absent.json")
    labels = re.findall(r'<text x="([\d.]+)" y="([\d.]+)" text-anchor="(\w+)"[^>]*>([^<]+)</text>', svg)
    boxes = []
    for x, y, anchor, name in labels:
        width = 7.5 * len(name)
        left = {"start": float(x), "end": float(x) - width, "middle": float(x) - width / 2}[anchor]
        boxes.append((left, float(y) - 10, left + width, float(y) + 4))
    assert len(boxes) >= 4
    for a, b in itertools.combinations(boxes, 2):
        assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


@pytest.mark.slow
def test_disputes_of_some_documents_are_those_with_a_side_in_them(sample_db: Path) -> None:
    with Store(sample_db, read_only=True) as store:
        every = dispute_views(store)
        chosen = {every[0].a.doc, every[-1].b.doc}
        assert dispute_views(store, docs=chosen) == [v for v in every if {v.a.doc, v.b.doc} & chosen]
        assert dispute_views(store, docs=set()) == []
