"""Cleaning: a raw article becomes its body text plus what is known about it.

HTML goes through trafilatura, then the furniture filter (trafilatura keeps related-link lists,
captions and pleas that sit inside the article markup); plain text and markdown go through the
furniture filter alone.
"""

from __future__ import annotations

import unicodedata
from typing import Final

from claimgraph.clean.cards import collapse_name_cards
from claimgraph.clean.furniture import Layout, filter_furniture
from claimgraph.clean.html import EXTRACTOR as HTML_EXTRACTOR
from claimgraph.clean.html import extract_page
from claimgraph.clean.metadata import infer_metadata
from claimgraph.errors import InputRejected
from claimgraph.models import CleanedDocument, RawDocument

__all__ = ["clean_document"]

_FILTER: Final = "furniture-filter"


def clean_document(raw: RawDocument) -> CleanedDocument:
    """The article text of ``raw`` without page furniture, and its metadata (``raw.hints`` win).

    Raises ``InputRejected`` for a media type cleaning does not handle.
    """
    if raw.media_type == "text/html":
        page = extract_page(raw.content, url=raw.hints.url)
        filtered = filter_furniture(
            collapse_name_cards(page.text), layout="lines", known_title=page.title or raw.hints.title
        )
        metadata = infer_metadata(filtered.signals, text=filtered.text, hints=raw.hints, page=page)
        return CleanedDocument(
            text=filtered.text,
            metadata=metadata,
            extractor=f"{HTML_EXTRACTOR} + {_FILTER}",
            dropped_lines=filtered.dropped,
        )
    if raw.media_type in ("text/plain", "text/markdown"):
        # One normal form, so that the same words always give the same text and offsets.
        content = collapse_name_cards(unicodedata.normalize("NFC", raw.content))
        layout: Layout = "markdown" if raw.media_type == "text/markdown" else "plain"
        filtered = filter_furniture(content, layout=layout, known_title=raw.hints.title)
        metadata = infer_metadata(filtered.signals, text=filtered.text, hints=raw.hints)
        return CleanedDocument(
            text=filtered.text, metadata=metadata, extractor=_FILTER, dropped_lines=filtered.dropped
        )
    raise InputRejected(raw.source, f"cannot clean media type {raw.media_type!r}")
