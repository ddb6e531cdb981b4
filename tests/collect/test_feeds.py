from __future__ import annotations

from xml.sax.saxutils import escape

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.collect.feeds import parse_feed, parse_sitemap
from claimgraph.errors import FeedInvalid

BASE = "http://news.example/feed.xml"

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>News</title>
<item><title>One</title><link>http://news.example/a</link>
<pubDate>Mon, 01 May 2023 10:00:00 GMT</pubDate></item>
<item><title>Two</title><link>/b</link></item>
<item><title>Guid only</title><guid>http://news.example/c</guid></item>
<item><title>Not a permalink</title><guid isPermaLink="false">tag:123</guid></item>
<item><title>Mail</title><link>mailto:editor@news.example</link></item>
<item><title>Again</title><link>http://news.example/a</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://news.example/atom/">
<title>News</title>
<entry><title>One</title><link rel="alternate" href="one"/><link rel="self" href="http://x.example/self"/>
<published>2023-05-01T10:00:00Z</published></entry>
<entry><title>Two</title><link href="http://news.example/two"/><updated>2023-05-02T10:00:00Z</updated></entry>
<entry><title>No link</title></entry>
</feed>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="http://news.example/"><title>News</title></channel>
<item rdf:about="http://news.example/r1"><title>R1</title><link>http://news.example/r1</link></item>
</rdf:RDF>"""

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss><channel><item><link>&lol3;</link></item></channel></rss>"""

EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss><channel><item><link>&xxe;</link></item></channel></rss>"""


def test_rss_items_in_order_resolved_and_once() -> None:
    items = parse_feed(RSS, url=BASE)
    assert [i.url for i in items] == [
        "http://news.example/a",
        "http://news.example/b",
        "http://news.example/c",
    ]
    assert items[0].date == "Mon, 01 May 2023 10:00:00 GMT"
    assert items[0].title == "One"


def test_atom_entries_take_the_alternate_link_against_xml_base() -> None:
    items = parse_feed(ATOM, url=BASE)
    assert [(i.url, i.date) for i in items] == [
        ("http://news.example/atom/one", "2023-05-01T10:00:00Z"),
        ("http://news.example/two", "2023-05-02T10:00:00Z"),
    ]


def test_rss_1_0_rdf() -> None:
    assert [i.url for i in parse_feed(RDF, url=BASE)] == ["http://news.example/r1"]


@pytest.mark.parametrize("document", [BOMB, EXTERNAL])
def test_xml_bombs_and_external_entities_are_refused(document: bytes) -> None:
    with pytest.raises(FeedInvalid, match="refused unsafe XML"):
        parse_feed(document, url=BASE)


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        (b"<html><body>not a feed</body></html>", "not an RSS or Atom feed"),
        (b"<rss><channel><item>", "not well-formed XML"),
        (b"\xff\xfe garbage", "not well-formed XML"),
    ],
)
def test_what_is_no_feed_is_named(document: bytes, problem: str) -> None:
    with pytest.raises(FeedInvalid, match=problem):
        parse_feed(document, url=BASE)


def test_sitemap_urlset_and_index() -> None:
    urlset = b"""<?xml version="1.0" encoding="UTF-8"?>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>http://news.example/a</loc><lastmod>2023-05-01</lastmod></url>
      <url><loc> http://news.example/b </loc></url>
      <url><loc>javascript:alert(1)</loc></url>
    </urlset>"""
    kind, entries = parse_sitemap(urlset, url=BASE)
    assert kind == "urlset"
    assert [(e.url, e.date) for e in entries] == [
        ("http://news.example/a", "2023-05-01"),
        ("http://news.example/b", None),
    ]
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>http://news.example/s1.xml.gz</loc></sitemap></sitemapindex>"""
    assert parse_sitemap(index, url=BASE) == ("sitemapindex", [parse_sitemap(index, url=BASE)[1][0]])
    with pytest.raises(FeedInvalid, match="not a sitemap"):
        parse_sitemap(RSS, url=BASE)


_PATHS = st.lists(
    st.text("abcdefghij0123456789-_", min_size=1, max_size=12), min_size=0, max_size=8, unique=True
)
_TITLES = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30)


@given(paths=_PATHS, title=_TITLES)
def test_rss_and_atom_give_back_the_links_they_list(paths: list[str], title: str) -> None:
    urls = [f"https://site.example/{p}" for p in paths]
    rss = "".join(f"<item><title>{escape(title)}</title><link>{u}</link></item>" for u in urls)
    atom = "".join(f'<entry><title>{escape(title)}</title><link href="{u}"/></entry>' for u in urls)
    rss_doc = f"<rss><channel>{rss}</channel></rss>".encode()
    atom_doc = f'<feed xmlns="http://www.w3.org/2005/Atom">{atom}</feed>'.encode()
    assert [i.url for i in parse_feed(rss_doc, url=BASE)] == urls
    assert [i.url for i in parse_feed(atom_doc, url=BASE)] == urls
    sitemap = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    assert [e.url for e in parse_sitemap(f"<urlset>{sitemap}</urlset>".encode(), url=BASE)[1]] == urls


@given(st.binary(max_size=400))
def test_any_bytes_give_items_or_feed_invalid(data: bytes) -> None:
    try:
        items = parse_feed(data, url=BASE)
    except FeedInvalid:
        return
    assert all(i.url.startswith(("http://", "https://")) for i in items)


@given(st.text(max_size=200))
def test_any_text_inside_a_link_never_escapes_http(text: str) -> None:
    doc = f"<rss><channel><item><link>{escape(text)}</link></item></channel></rss>".encode(errors="replace")
    try:
        items = parse_feed(doc, url=BASE)
    except FeedInvalid:
        return
    assert all(i.url.startswith(("http://", "https://")) for i in items)
