"""HTML pages: trafilatura's text through the furniture filter, and the page's own metadata."""

from __future__ import annotations

from datetime import date, timedelta

from htmldate import find_date

from claimgraph.clean import clean_document
from claimgraph.clean.html import EXTRACTOR, extract_page
from claimgraph.models import Metadata, RawDocument

BODY = [
    "Russian forces shelled the outskirts of Kherson overnight, damaging a hospital and two schools, "
    "the regional military administration said on Wednesday morning.",
    "“The strikes began shortly after midnight and went on for three hours,” the head of the administration "
    "told reporters at a briefing in the city centre, adding that rescuers were still at work.",
    "Read also: Kherson residents queue for water as repairs drag on",
    "Electricity was cut to about 10,000 households, the local power company said, and repair crews were "
    "waiting for the shelling to stop before they could reach the damaged substation.",
    "Officials said the evacuation of the two schools had been completed before the strike, and that no "
    "children were among the wounded taken to the regional hospital.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Shelling hits Kherson hospital | Dnipro Daily</title>
<meta property="og:site_name" content="Dnipro Daily">
<meta property="og:title" content="Shelling hits Kherson hospital">
<meta property="article:published_time" content="2023-02-15T08:10:00+02:00">
<meta name="author" content="Iryna Koval">
</head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience.</p><button>Accept all</button></div>
<nav><a href="/">Home</a> <a href="/war">War</a></nav>
<article>
<h1>Shelling hits Kherson hospital</h1>
{"".join(f"<p>{paragraph}</p>" for paragraph in BODY)}
<aside><h3>Related</h3><ul><li><a href="/a">Kherson counts the cost</a></li></ul></aside>
</article>
<footer><p>© 2023 Dnipro Daily. All rights reserved.</p></footer>
</body></html>"""


def clean(markup: str, *, url: str | None = None) -> tuple[str, Metadata, str]:
    raw = RawDocument(
        source="page.html", content=markup, media_type="text/html", content_hash="h", hints=Metadata(url=url)
    )
    cleaned = clean_document(raw)
    return cleaned.text, cleaned.metadata, cleaned.extractor


def test_the_article_text_without_page_or_article_furniture() -> None:
    text, _, extractor = clean(PAGE)
    assert text == "\n\n".join(p for p in BODY if not p.startswith("Read also"))
    assert extractor == f"{EXTRACTOR} + furniture-filter"
    assert EXTRACTOR.startswith("trafilatura ")


def test_trafilatura_alone_keeps_the_inline_furniture_the_filter_drops() -> None:
    assert "Read also: Kherson residents" in extract_page(PAGE, url=None).text


def test_metadata_from_the_page() -> None:
    _, metadata, _ = clean(PAGE)
    assert metadata.title == "Shelling hits Kherson hospital"
    assert metadata.outlet == "Dnipro Daily"
    assert metadata.authors == ("Iryna Koval",)
    assert metadata.published == date(2023, 2, 15)


def test_a_known_domain_names_the_outlet_and_the_hint_url_is_kept() -> None:
    _, metadata, _ = clean(PAGE, url="https://www.kyivpost.com/post/123")
    assert metadata.outlet == "Kyiv Post"
    assert metadata.url == "https://www.kyivpost.com/post/123"


def test_a_page_without_an_article_gives_empty_text() -> None:
    text, metadata, _ = clean("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert text == ""
    assert metadata.published is None


def undated_page(footer: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return f"<html><head><title>Kherson</title></head><body><article>{paragraphs}</article>{footer}</body>"


def test_a_copyright_year_is_never_the_publication_date() -> None:
    markup = undated_page("<footer><p>© 2019 Dnipro Daily</p></footer>")
    # htmldate on its own falls back to the copyright year here.
    assert find_date(markup, original_date=True) == "2019-01-01"
    _, metadata, _ = clean(markup)
    assert metadata.published is None


def test_new_years_day_stands_when_the_page_says_so() -> None:
    _, metadata, _ = clean(
        undated_page("<footer><p>© 2019</p></footer>"), url="https://x.example/2019/01/01/a"
    )
    assert metadata.published == date(2019, 1, 1)


def test_a_page_dated_a_little_ahead_of_this_machines_clock_keeps_its_date() -> None:
    ahead = date.today().replace(day=1) + timedelta(days=62)
    markup = PAGE.replace("2023-02-15T08:10:00+02:00", f"{ahead.isoformat()}T08:10:00+02:00")
    _, metadata, _ = clean(markup)
    assert metadata.published == ahead
