"""Fetching pages, feeds and sitemaps into the store, through the same ingest as files.

Every answer is kept in the store (``http_responses``: bytes, headers, final URL), once per URL and
content, with its validators (``http_validators``), which the next request for the URL sends back:
a page that has not changed answers 304 and costs neither its bytes nor an analysis. A fetched page
becomes a RawDocument whose source is its final URL (after redirects), read as a file is, and goes
through ``claimgraph.ingest.pipeline.ingest_documents``; cleaning takes its publication date from
the page's own metadata (meta tags, JSON-LD, via htmldate) and its URL. A 304 hands the stored answer
to ingest, which finds its content stored and counts it unchanged, so a re-run after an interruption
still ingests what was fetched before it.

A feed's or sitemap's items are remembered once fetched (``listed_urls``), and a re-run fetches only
the new ones; an item that failed for a reason that may pass (a 5xx, a time-out) is tried again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from claimgraph.collect.feeds import Listed, parse_feed, parse_sitemap
from claimgraph.collect.http import HttpClient, check_url, gunzip_bounded
from claimgraph.errors import FeedInvalid, FetchFailed, UsageError
from claimgraph.ingest.pipeline import IngestReport, ingest_documents
from claimgraph.ingest.readers import content_hash, content_type, document_from_bytes
from claimgraph.models import HttpResponse, Metadata, RawDocument, Rejection
from claimgraph.settings import DEFAULT_SETTINGS, Settings
from claimgraph.store import Store

if TYPE_CHECKING:
    from spacy.language import Language

MAX_SITEMAP_DEPTH: Final = 3
"""How deep sitemap indexes may nest (an index of indexes of sitemaps is depth 2)."""

_HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES: Final = frozenset({"text/plain"})


@dataclass(slots=True)
class CollectReport:
    listed: int = 0
    """URLs the feed or sitemap listed (0 for ``fetch``)."""
    skipped: int = 0
    """Listed URLs fetched by an earlier run, so not asked for again."""
    fetched: int = 0
    """Pages that answered 2xx."""
    not_modified: int = 0
    """Pages that answered 304: unchanged since the stored answer."""
    new_responses: int = 0
    """Answers whose bytes were new to the store."""
    requests: int = 0
    """HTTP requests sent, robots.txt, retries and redirects included."""
    failed: list[Rejection] = field(default_factory=list)
    """Pages (and nested sitemaps) that could not be fetched, and why."""
    ingest: IngestReport | None = None
    seconds: float = 0.0

    @property
    def rejected(self) -> list[Rejection]:
        """Everything that did not become a document: fetch failures and ingest rejections."""
        return self.failed + (self.ingest.rejected if self.ingest else [])


def fetch(
    urls: Sequence[str],
    *,
    settings: Settings = DEFAULT_SETTINGS,
    nlp: Language | None = None,
    client: HttpClient | None = None,
) -> CollectReport:
    """Fetch pages and ingest them into the store at ``settings.db`` (see the module docstring)."""
    for url in urls:
        check_url(url)
    report = CollectReport()
    return _run(
        list(dict.fromkeys(urls)), listing=None, report=report, settings=settings, nlp=nlp, client=client
    )


def collect_feed(
    url: str,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    nlp: Language | None = None,
    client: HttpClient | None = None,
    limit: int | None = None,
) -> CollectReport:
    """Fetch the items of an RSS or Atom feed not fetched before (at most ``limit``) and ingest them."""

    def items(store: Store, http: HttpClient, report: CollectReport) -> list[Listed]:
        answer = listing_answer(url, store=store, client=http, report=report)
        return parse_feed(answer.body, url=answer.final_url)

    return _run_listing(url, items, settings=settings, nlp=nlp, client=client, limit=limit)


def collect_sitemap(
    url: str,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    nlp: Language | None = None,
    client: HttpClient | None = None,
    limit: int | None = None,
) -> CollectReport:
    """Fetch the pages of a sitemap (a urlset, or a sitemap index of them, nested at most
    MAX_SITEMAP_DEPTH deep; gzipped or not) not fetched before (at most ``limit``) and ingest them."""

    def items(store: Store, http: HttpClient, report: CollectReport) -> list[Listed]:
        return sitemap_pages(url, store=store, client=http, report=report, settings=settings)

    return _run_listing(url, items, settings=settings, nlp=nlp, client=client, limit=limit)


def sitemap_pages(
    url: str, *, store: Store, client: HttpClient, report: CollectReport, settings: Settings
) -> list[Listed]:
    """The page URLs of a sitemap and of the sitemaps it indexes. The top sitemap failing raises;
    a nested one failing is put in ``report.failed`` and the rest are read."""
    pages: dict[str, Listed] = {}
    visited: set[str] = set()

    def read(sitemap_url: str, depth: int) -> None:
        visited.add(sitemap_url)
        answer = listing_answer(sitemap_url, store=store, client=client, report=report)
        body = answer.body
        if body[:2] == b"\x1f\x8b":
            body = gunzip_bounded(body, limit=settings.max_response_bytes, url=answer.final_url)
        kind, entries = parse_sitemap(body, url=answer.final_url)
        if kind == "urlset":
            for entry in entries:
                pages.setdefault(entry.url, entry)
            return
        for entry in entries:
            if entry.url in visited:
                continue
            if depth >= MAX_SITEMAP_DEPTH:
                problem = f"sitemap indexes nested deeper than {MAX_SITEMAP_DEPTH}; not read"
                report.failed.append(Rejection(entry.url, problem, "fetch"))
                continue
            try:
                read(entry.url, depth + 1)
            except (FetchFailed, FeedInvalid) as exc:
                report.failed.append(Rejection(entry.url, _problem(exc), "fetch"))

    read(url, 0)
    return list(pages.values())


def listing_answer(url: str, *, store: Store, client: HttpClient, report: CollectReport) -> HttpResponse:
    """The current answer for a feed or sitemap: fetched conditionally, the stored one on a 304."""
    answer = conditional_get(url, store=store, client=client, report=report)
    if answer.status == 304:
        return answer
    if not answer.body.strip():
        raise FeedInvalid(url, "empty answer")
    return answer


def conditional_get(
    url: str,
    *,
    store: Store,
    client: HttpClient,
    report: CollectReport,
    validators: tuple[str | None, str | None] | None = None,
    keep: list[tuple[HttpResponse, str]] | None = None,
) -> HttpResponse:
    """GET ``url`` with the validators of its stored answer (``validators`` when the caller read
    them already); a 304 gives the stored answer back (status 304, stored bytes). A new answer is
    stored at once, or appended to ``keep`` for the caller to store with others in one transaction."""
    etag, last_modified = validators if validators is not None else store.validators(url)
    answer = client.get(url, etag=etag, last_modified=last_modified)
    if answer.status == 304:
        stored = store.stored_response(url)
        if stored is not None:
            report.not_modified += 1
            return HttpResponse(stored.url, stored.final_url, 304, stored.headers, stored.body)
        answer = client.get(url)  # validators without their answer: ask afresh
    report.fetched += 1
    if keep is None:
        report.new_responses += store.record_responses([(answer, content_hash(answer.body))])
    else:
        keep.append((answer, content_hash(answer.body)))
    return answer


def document_from_response(answer: HttpResponse, *, settings: Settings) -> RawDocument | Rejection:
    """A fetched page as a document whose source is its final URL, or why it cannot be one."""
    media_type, charset = content_type(answer.header("Content-Type"))
    if media_type and media_type not in _HTML_TYPES | _TEXT_TYPES:
        return Rejection(answer.final_url, f"not an HTML page (Content-Type {media_type})", "fetch")
    return document_from_bytes(
        answer.body,
        source=answer.final_url,
        html=media_type in _HTML_TYPES or not media_type,
        hints=Metadata(url=answer.final_url),
        limit=settings.max_file_bytes,
        charset=charset,
    )


def _problem(exc: FetchFailed | FeedInvalid) -> str:
    return exc.problem


Lister = Callable[[Store, HttpClient, CollectReport], list[Listed]]
"""What a feed or sitemap lists, read through the run's store and client."""


def _run_listing(
    url: str,
    items: Lister,
    *,
    settings: Settings,
    nlp: Language | None,
    client: HttpClient | None,
    limit: int | None,
) -> CollectReport:
    check_url(url)
    if limit is not None and limit < 0:
        raise UsageError(f"--limit {limit} is not a number of pages")
    report = CollectReport()
    return _run(None, listing=url, lister=items, report=report, settings=settings, nlp=nlp, client=client,
                limit=limit)  # fmt: skip


def _run(
    urls: list[str] | None,
    *,
    listing: str | None,
    report: CollectReport,
    settings: Settings,
    nlp: Language | None,
    client: HttpClient | None,
    lister: Lister | None = None,
    limit: int | None = None,
) -> CollectReport:
    started = time.perf_counter()
    http = client if client is not None else HttpClient(settings=settings)
    requests_before = http.requests
    settled: list[str] = []
    # Answers are stored commit_every at a time; one lost to an interruption is fetched again.
    answers: list[tuple[HttpResponse, str]] = []
    with Store(settings.db, memory_limit=settings.db_memory_limit) as store:

        def keep_answers() -> None:
            report.new_responses += store.record_responses(answers)
            answers.clear()

        try:
            if urls is None:
                assert listing is not None and lister is not None
                listed = lister(store, http, report)
                report.listed = len(listed)
                seen = store.listed_urls(listing)
                urls = [item.url for item in listed if item.url not in seen]
                report.skipped = len(listed) - len(urls)
                if limit is not None:
                    urls = urls[:limit]
            pages = urls
            known = store.validators_of(pages)

            def documents() -> Iterator[RawDocument | Rejection]:
                for page in pages:
                    if len(answers) >= settings.commit_every:
                        keep_answers()
                    try:
                        answer = conditional_get(
                            page,
                            store=store,
                            client=http,
                            report=report,
                            validators=known.get(page, (None, None)),
                            keep=answers,
                        )
                    except FetchFailed as exc:
                        report.failed.append(Rejection(page, exc.problem, "fetch"))
                        if not exc.transient:
                            settled.append(page)
                        continue
                    settled.append(page)
                    yield document_from_response(answer, settings=settings)

            report.ingest = ingest_documents(
                documents(), settings=settings, nlp=nlp, total=len(pages), store=store, desc="fetch"
            )
        finally:
            keep_answers()
            # Only now: a page is remembered once its document is stored, so an interrupted run
            # fetches it again (conditionally) rather than losing it.
            if listing is not None and report.ingest is not None:
                store.record_listed(listing, settled)
            if report.failed:
                store.record_rejections(report.failed)
            report.requests = http.requests - requests_before
    report.seconds = time.perf_counter() - started
    return report
