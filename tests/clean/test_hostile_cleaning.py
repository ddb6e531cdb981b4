"""Cleaning any page, markdown or plain text gives a cleaned document or our own rejection."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.clean import clean_document
from claimgraph.clean.dates import MAX_YEAR, MIN_YEAR
from claimgraph.errors import InputRejected
from claimgraph.models import CleanedDocument, Metadata, RawDocument
from tests.strategies import html_pages, markdown_text, news_text

# trafilatura and htmldate take some milliseconds a page: fewer examples, and no deadline, which a
# loaded machine would miss.
_PAGES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_TEXTS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# As the readers hand them on: stripped, and None rather than empty.
_hints = st.builds(
    Metadata,
    title=st.none() | news_text(max_pieces=5).map(str.strip).filter(bool),
    url=st.none()
    | st.sampled_from(["https://example.org/2023/03/07/x", "nonsense", "https://", "/2023/13/45/"]),
    published=st.none() | st.dates(),
)


def clean(content: str, media_type: str, hints: Metadata) -> CleanedDocument | None:
    raw = RawDocument(source="input", content=content, media_type=media_type, content_hash="h", hints=hints)
    try:
        return clean_document(raw)
    except InputRejected as rejected:
        assert rejected.source == "input"
        assert rejected.reason
        return None


def well_formed(cleaned: CleanedDocument | None, hints: Metadata) -> None:
    if cleaned is None:
        return
    assert isinstance(cleaned.text, str)
    cleaned.text.encode("utf-8")
    meta = cleaned.metadata
    if hints.published is not None:
        assert meta.published == hints.published
    elif meta.published is not None:
        assert isinstance(meta.published, dt.date)
        assert MIN_YEAR <= meta.published.year <= MAX_YEAR
    for value in (meta.title, meta.outlet, *meta.authors):
        assert value is None or (isinstance(value, str) and value == value.strip() and value)


@_PAGES
@given(html_pages(), _hints)
def test_any_page_cleans(page: str, hints: Metadata) -> None:
    well_formed(clean(page, "text/html", hints), hints)


@_PAGES
@given(st.text(max_size=300), _hints)
def test_any_text_as_html_cleans(text: str, hints: Metadata) -> None:
    well_formed(clean(text, "text/html", hints), hints)


@_TEXTS
@given(markdown_text(), _hints)
def test_any_markdown_cleans(text: str, hints: Metadata) -> None:
    well_formed(clean(text, "text/markdown", hints), hints)


@_TEXTS
@given(st.one_of(news_text(max_pieces=60), st.text(max_size=400)), _hints)
def test_any_plain_text_cleans(text: str, hints: Metadata) -> None:
    cleaned = clean(text, "text/plain", hints)
    assert cleaned is not None  # plain text is always cleanable, to an empty text at worst
    well_formed(cleaned, hints)


@settings(max_examples=20, deadline=None)
@given(st.text(max_size=20), st.sampled_from(["application/pdf", "", "text/HTML", "text/csv"]))
def test_other_media_types_are_our_rejection(text: str, media_type: str) -> None:
    assert clean(text, media_type, Metadata()) is None
