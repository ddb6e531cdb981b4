"""RSS and Atom feeds, and sitemaps: the article URLs they list.

Parsed with defusedxml: a document declaring entities (the "billion laughs" XML bomb and its kin) or
pointing at external resources is refused, never expanded. Namespaces are ignored, so RSS 0.9x/2.0,
RSS 1.0 (RDF) and Atom 0.3/1.0 feeds all read alike.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Final, Literal
from urllib.parse import urljoin, urlsplit

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException

from claimgraph.errors import FeedInvalid

MAX_ITEMS: Final = 50_000
"""Most URLs taken from one feed or sitemap file (the sitemap protocol's own limit)."""

_XML_BASE: Final = "{http://www.w3.org/XML/1998/namespace}base"


@dataclass(frozen=True, slots=True)
class Listed:
    """A URL a feed or sitemap lists, with the date it gives (pubDate, published, lastmod) as given."""

    url: str
    date: str | None = None
    title: str | None = None


def parse_xml(data: bytes, *, url: str) -> ET.Element:
    """The root element of an XML document; FeedInvalid for broken XML or one defusedxml refuses."""
    try:
        root: ET.Element = safe_xml.fromstring(
            data, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException as exc:
        raise FeedInvalid(url, f"refused unsafe XML ({type(exc).__name__}): entities and external "
                          "references are never expanded") from None  # fmt: skip
    except ET.ParseError as exc:
        raise FeedInvalid(url, f"not well-formed XML ({exc})") from None
    return root


def local(tag: object) -> str:
    """An element's name without its namespace."""
    return str(tag).rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element: ET.Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    return element.text.strip() or None


def _child(element: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in element if local(c.tag) == name), None)


def _web_url(base: str, value: str | None) -> str | None:
    if not value:
        return None
    try:
        absolute = urljoin(base, value.strip())
        parts = urlsplit(absolute)
        parts.port  # noqa: B018 - raises ValueError for a port that is no number
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return absolute


def _unique(items: list[Listed]) -> list[Listed]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item.url not in seen:
            seen.add(item.url)
            out.append(item)
    return out[:MAX_ITEMS]


def parse_feed(data: bytes, *, url: str) -> list[Listed]:
    """The item URLs of an RSS or Atom feed, in the feed's order, each once; relative links are
    resolved against the feed's URL (or xml:base); anything but http(s) is left out."""
    root = parse_xml(data, url=url)
    kind = local(root.tag)
    if kind == "feed":
        return _unique(_atom_entries(root, base=root.get(_XML_BASE) or url))
    if kind == "rss":
        channel = _child(root, "channel")
        items = list(channel if channel is not None else root)
    elif kind == "RDF":
        items = list(root)
    else:
        raise FeedInvalid(url, f"not an RSS or Atom feed (its root element is <{kind}>)")
    found = []
    for item in items:
        if local(item.tag) != "item":
            continue
        link = _text(_child(item, "link"))
        guid = _child(item, "guid")
        if not link and guid is not None and guid.get("isPermaLink", "true").lower() != "false":
            link = _text(guid)
        target = _web_url(url, link)
        if target is not None:
            date = _text(_child(item, "pubDate")) or _text(_child(item, "date"))
            found.append(Listed(target, date, _text(_child(item, "title"))))
    return _unique(found)


def _atom_entries(root: ET.Element, *, base: str) -> list[Listed]:
    found = []
    for entry in root:
        if local(entry.tag) != "entry":
            continue
        links = [c for c in entry if local(c.tag) == "link" and c.get("href")]
        chosen = next((c for c in links if c.get("rel", "alternate") == "alternate"), None)
        if chosen is None and links:
            chosen = links[0]
        target = _web_url(entry.get(_XML_BASE) or base, chosen.get("href") if chosen is not None else None)
        if target is not None:
            date = _text(_child(entry, "published")) or _text(_child(entry, "updated"))
            found.append(Listed(target, date, _text(_child(entry, "title"))))
    return found


SitemapKind = Literal["urlset", "sitemapindex"]


def parse_sitemap(data: bytes, *, url: str) -> tuple[SitemapKind, list[Listed]]:
    """("urlset", the page URLs) or ("sitemapindex", the sitemap URLs) of a sitemap, with lastmod."""
    root = parse_xml(data, url=url)
    kind = local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        raise FeedInvalid(
            url, f"not a sitemap (its root element is <{kind}>, not <urlset> or <sitemapindex>)"
        )
    child = "url" if kind == "urlset" else "sitemap"
    found = []
    for entry in root:
        if local(entry.tag) != child:
            continue
        target = _web_url(url, _text(_child(entry, "loc")))
        if target is not None:
            found.append(Listed(target, _text(_child(entry, "lastmod"))))
    return ("urlset" if kind == "urlset" else "sitemapindex"), _unique(found)
