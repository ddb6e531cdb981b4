from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from claimgraph.cli import main
from claimgraph.collect import collect_feed, collect_sitemap, fetch
from claimgraph.collect.crawl import document_from_response
from claimgraph.models import HttpResponse, RawDocument
from claimgraph.settings import Settings
from claimgraph.store import Store

from .site import Route, Site, serve

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.slow

ROBOTS = b"User-agent: *\nDisallow: /private/\n"


def article(title: str, sentence: str, *, published: str = "2023-05-14") -> bytes:
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                     "datePublished": f"{published}T10:00:00Z"})  # fmt: skip
    return (
        f"<!doctype html><html><head><title>{title}</title>"
        f'<meta property="article:published_time" content="{published}T10:00:00Z">'
        f'<script type="application/ld+json">{ld}</script></head><body><article><h1>{title}</h1>'
        f"<p>{sentence}</p><p>Residents told reporters that the situation in the town remained tense "
        "but calm, and that the roads out of it stayed open through the night.</p>"
        "</article></body></html>"
    ).encode()


PAGES = {
    "/news/bridge": article("Bridge stands", "The governor said on Monday that the bridge still stands."),
    "/news/dam": article(
        "Dam holds", "The mayor said on Tuesday that the dam holds.", published="2023-05-16"
    ),
    "/news/school": article("School reopens", "The head teacher said on Friday that the school reopens."),
    "/private/draft": article("Draft", "An editor said the draft is not ready."),
}


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as running:
        running.routes["/robots.txt"] = Route(ROBOTS, headers={"Content-Type": "text/plain"})
        for path, body in PAGES.items():
            running.routes[path] = Route(
                body, etag=f'"{path}"', last_modified="Mon, 15 May 2023 10:00:00 GMT"
            )
        yield running


def settings(tmp_path: Path) -> Settings:
    return Settings(db=str(tmp_path / "s.duckdb"), n_process=1, progress=False, fetch_rate=0,
                    fetch_timeout=2.0, fetch_retries=1, fetch_backoff=0.01)  # fmt: skip


def test_fetch_stores_the_page_its_answer_and_its_own_date(tmp_path: Path, site: Site, nlp: Language) -> None:
    site.routes["/old-link"] = Route(status=301, headers={"Location": "/news/bridge"})
    report = fetch([site.url("/old-link"), site.url("/news/dam")], settings=settings(tmp_path), nlp=nlp)
    assert report.ingest is not None and report.ingest.new == 2, report.rejected
    assert (report.fetched, report.not_modified, report.failed) == (2, 0, [])
    with Store(settings(tmp_path).db, read_only=True) as store:
        docs = {d.source: d for d in store.documents()}
        assert set(docs) == {site.url("/news/bridge"), site.url("/news/dam")}  # the final URL
        assert docs[site.url("/news/bridge")].metadata.published == dt.date(2023, 5, 14)
        assert docs[site.url("/news/dam")].metadata.published == dt.date(2023, 5, 16)
        assert docs[site.url("/news/bridge")].metadata.url == site.url("/news/bridge")
        responses = store.responses()
        assert {(r[0], r[1], r[2]) for r in responses} == {
            (site.url("/old-link"), site.url("/news/bridge"), 200),
            (site.url("/news/dam"), site.url("/news/dam"), 200),
        }
        kept = store.stored_response(site.url("/old-link"))
        assert kept is not None and kept.body == PAGES["/news/bridge"]
        assert kept.header("ETag") == '"/news/bridge"'

    # A re-run: conditional requests, 304s, nothing new stored.
    before = len(site.log)
    again = fetch([site.url("/old-link"), site.url("/news/dam")], settings=settings(tmp_path), nlp=nlp)
    assert (again.fetched, again.not_modified, again.new_responses) == (0, 2, 0)
    assert again.ingest is not None and (again.ingest.new, again.ingest.unchanged) == (0, 2)
    rerun = site.log[before:]
    assert all(r.headers.get("If-None-Match") for r in rerun if r.path.startswith("/news/"))
    with Store(settings(tmp_path).db, read_only=True) as store:
        assert len(store.responses()) == 2
        assert store.counts().documents == 2


def test_fetch_failures_are_rejections_naming_the_url(
    tmp_path: Path, site: Site, nlp: Language, capsys: pytest.CaptureFixture[str]
) -> None:
    site.routes["/broken"] = Route(b"", status=500)
    site.routes["/logo.png"] = Route(b"\x89PNG", headers={"Content-Type": "image/png"})
    db = settings(tmp_path).db
    argv = ["fetch", site.url("/broken"), site.url("/private/draft"), site.url("/logo.png"),
            site.url("/news/school"), "--db", db, "--fetch-rate", "0", "--fetch-retries", "1",
            "--fetch-backoff", "0.01", "--n-process", "1", "--no-progress"]  # fmt: skip
    assert main(argv) == 3
    out = capsys.readouterr().out
    assert f"{site.url('/broken')} [fetch]: gave up after 2 attempts: HTTP 500 Internal Server Error" in out
    assert f"{site.url('/private/draft')} [fetch]: forbidden by {site.url('/robots.txt')}" in out
    assert f"{site.url('/logo.png')} [fetch]: not an HTML page (Content-Type image/png)" in out
    assert "ingested: 1 new" in out
    assert "/private/draft" not in site.paths()
    with Store(db, read_only=True) as store:
        assert {r.source for r in store.rejections()} == {
            site.url("/broken"),
            site.url("/private/draft"),
            site.url("/logo.png"),
        }


def rss(*paths: str, site: Site) -> bytes:
    items = "".join(f"<item><title>{p}</title><link>{site.url(p)}</link></item>" for p in paths)
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()
    )


def test_feed_rerun_fetches_only_new_items(tmp_path: Path, site: Site, nlp: Language) -> None:
    site.routes["/feed.xml"] = Route(rss("/news/bridge", "/private/draft", site=site),
                                     headers={"Content-Type": "application/rss+xml"})  # fmt: skip
    first = collect_feed(site.url("/feed.xml"), settings=settings(tmp_path), nlp=nlp)
    assert (first.listed, first.skipped, first.fetched) == (2, 0, 2)  # the feed and one page
    assert [r.source for r in first.failed] == [site.url("/private/draft")]
    site.routes["/feed.xml"] = Route(rss("/news/dam", "/news/bridge", "/private/draft", site=site))
    before = len(site.log)
    second = collect_feed(site.url("/feed.xml"), settings=settings(tmp_path), nlp=nlp)
    assert (second.listed, second.skipped) == (3, 2)
    assert [r.path for r in site.log[before:]] == ["/robots.txt", "/feed.xml", "/news/dam"]
    assert second.ingest is not None and second.ingest.new == 1
    assert "/private/draft" not in site.paths()


def test_atom_feed(tmp_path: Path, site: Site, nlp: Language) -> None:
    entries = "".join(
        f'<entry><title>x</title><link href="{site.url(p)}"/></entry>' for p in ("/news/school",)
    )
    site.routes["/atom.xml"] = Route(f'<feed xmlns="http://www.w3.org/2005/Atom">{entries}</feed>'.encode())
    report = collect_feed(site.url("/atom.xml"), settings=settings(tmp_path), nlp=nlp)
    assert report.ingest is not None and report.ingest.new == 1


def test_gzipped_sitemap_index_and_robots(tmp_path: Path, site: Site, nlp: Language) -> None:
    urlset = "".join(f"<url><loc>{site.url(p)}</loc></url>" for p in ("/news/bridge", "/private/draft"))
    site.routes["/sitemap-news.xml.gz"] = Route(
        gzip.compress(f"<urlset>{urlset}</urlset>".encode()), headers={"Content-Type": "application/gzip"}
    )
    site.routes["/sitemap-more.xml"] = Route(
        f"<urlset><url><loc>{site.url('/news/dam')}</loc></url></urlset>".encode()
    )
    index = "".join(f"<sitemap><loc>{site.url(p)}</loc></sitemap>"
                    for p in ("/sitemap-news.xml.gz", "/sitemap-more.xml", "/sitemap-gone.xml"))  # fmt: skip
    site.routes["/sitemap.xml"] = Route(f"<sitemapindex>{index}</sitemapindex>".encode())
    report = collect_sitemap(site.url("/sitemap.xml"), settings=settings(tmp_path), nlp=nlp)
    assert report.listed == 3
    assert report.ingest is not None and report.ingest.new == 2
    assert {r.source: r.reason for r in report.failed} == {
        site.url("/sitemap-gone.xml"): "HTTP 404 Not Found",
        site.url("/private/draft"): f"forbidden by {site.url('/robots.txt')}; not fetched",
    }
    assert "/private/draft" not in site.paths()
    again = collect_sitemap(site.url("/sitemap.xml"), settings=settings(tmp_path), nlp=nlp, limit=5)
    assert (again.listed, again.skipped) == (3, 3)


def test_feed_that_fails_is_an_error_with_its_own_exit_status(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.routes["/feed.xml"] = Route(b"", status=500)
    site.routes["/bomb.xml"] = Route(b'<!DOCTYPE r [<!ENTITY a "aaaa">]><rss>&a;</rss>')
    db = settings(tmp_path).db
    common = ["--db", db, "--fetch-retries", "0", "--fetch-rate", "0"]
    assert main(["feed", site.url("/feed.xml"), *common]) == 7
    assert (
        f"fetch-failed: {site.url('/feed.xml')}: gave up after 1 attempt: HTTP 500" in capsys.readouterr().err
    )
    assert main(["feed", site.url("/bomb.xml"), *common]) == 2
    assert "refused unsafe XML" in capsys.readouterr().err
    assert main(["fetch", "file:///etc/passwd", *common]) == 7
    assert "file:///etc/passwd: not an http or https URL" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("text/html; charset=ISO-8859-2", "Mieszkańcy Łodzi mówią, że żółte ściany zostały."),
        ('text/html; charset="iso-8859-2"', "Mieszkańcy Łodzi mówią, że żółte ściany zostały."),
        # The page's own declaration wins over the header's.
        ("text/html; charset=windows-1252", "Mieszkańcy Łodzi mówią, że żółte ściany zostały."),
    ],
)
def test_a_page_is_read_in_the_charset_its_headers_name_when_it_names_none(
    header: str, expected: str
) -> None:
    sentence = "Mieszkańcy Łodzi mówią, że żółte ściany zostały."
    own = '<meta charset="iso-8859-2">' if "1252" in header else ""
    body = f"<html><head>{own}</head><body><p>{sentence}</p></body></html>".encode("iso-8859-2")
    answer = HttpResponse("http://x.example/a", "http://x.example/a", 200, (("Content-Type", header),), body)
    document = document_from_response(answer, settings=Settings())
    assert isinstance(document, RawDocument)
    assert expected in document.content
