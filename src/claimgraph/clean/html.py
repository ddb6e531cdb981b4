"""HTML pages: the article text and the page's own metadata, from trafilatura and htmldate."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from importlib.metadata import version
from typing import Any, Final

from htmldate import find_date
from trafilatura import bare_extraction
from trafilatura.settings import Document

from claimgraph.clean.dates import date_from_url

EXTRACTOR: Final = f"trafilatura {version('trafilatura')}"

# trafilatura's own date lookup gives htmldate the page's canonical URL rather than the one we were
# handed, and it is skipped altogether when trafilatura finds no article; so the date comes from a
# separate htmldate call and trafilatura's lookup is kept to its cheap mode.
_TRAFILATURA_DATE_PARAMS: Final[dict[str, Any]] = {"original_date": True, "extensive_search": False}
_AUTHOR_SPLIT = re.compile(r"\s*;\s*")
_NEW_YEAR = re.compile(r"(?P<iso>(?:19|20)\d\d)[-/]01[-/]01|\b0?1[./]0?1[./](?P<dmy>(?:19|20)\d\d)\b")
_NOT_AN_AUTHOR = re.compile(r"[/@]|\d|https?:", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Page:
    text: str  # trafilatura's text, one paragraph a line
    title: str | None
    authors: tuple[str, ...]
    sitename: str | None
    published: date | None
    url: str | None


def extract_page(markup: str, *, url: str | None) -> Page:
    """The main text and metadata of an HTML page; empty text when trafilatura finds no article."""
    document = bare_extraction(
        markup,
        url=url,
        with_metadata=True,
        include_comments=False,
        output_format="python",
        date_extraction_params=dict(_TRAFILATURA_DATE_PARAMS),
    )
    published = _published(markup, url)
    if not isinstance(document, Document):
        return Page(text="", title=None, authors=(), sitename=None, published=published, url=url)
    return Page(
        text=unicodedata.normalize("NFC", document.text or ""),
        title=(document.title or "").strip() or None,
        authors=_authors(document.author),
        sitename=(document.sitename or "").strip() or None,
        published=published,
        url=url or document.url or None,
    )


def _authors(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    names = (name.strip() for name in _AUTHOR_SPLIT.split(value))
    return tuple(dict.fromkeys(name for name in names if name and not _NOT_AN_AUTHOR.search(name)))


def _published(markup: str, url: str | None) -> date | None:
    # original_date: the publication date, not the last edit, which is what a record of "who said
    # what, when" needs; it also scores best on htmldate's own evaluation pages.
    latest = _latest_date()
    value = _iso(find_date(markup, url=url, original_date=True, extensive_search=True, max_date=latest))
    if value is None or (value.month, value.day) != (1, 1) or _says_new_year(value, markup, url):
        return value
    # htmldate falls back to the copyright year as 1 January when nothing better turns up; a
    # publication date is never read off a copyright notice, so look again without that fallback.
    fast = _iso(find_date(markup, url=url, original_date=True, extensive_search=False, max_date=latest))
    if fast is None or (fast.month, fast.day) != (1, 1) or _says_new_year(fast, markup, url):
        return fast
    return None


def _latest_date() -> str:
    """The latest publication date a page may state. htmldate stops at this machine's today; a page
    may be dated later by its own clock (a time zone ahead, a clock or an archive set elsewhere), and
    its metadata still says when it appeared, so allow up to a year ahead."""
    return (date.today() + timedelta(days=_DAYS_AHEAD)).isoformat()


_DAYS_AHEAD = 366


def _says_new_year(value: date, markup: str, url: str | None) -> bool:
    """Whether the page states 1 January of that year outright (in its URL or as a full date)."""
    if url is not None and date_from_url(url) == value:
        return True
    year = str(value.year)
    return any(year in (m["iso"], m["dmy"]) for m in _NEW_YEAR.finditer(markup))


def _iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
