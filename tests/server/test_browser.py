"""The web UI in a real browser: Debian's Chromium driven by Playwright, over a served store.

The store holds the sample corpus plus one hostile record whose metadata carries script. The test
clicks through every page the way a reader would and checks that each one loads, has a heading and
a Content-Security-Policy, and that nothing from an article ran: no dialog, no title change, no
global set, no error, no blocked script reported by the browser.

It needs the ``playwright`` package and ``/usr/bin/chromium`` (``apt-get install chromium``); Playwright's
own browser downloads are never used. Without either it skips; CI installs both (``.ci/run``).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed (requirements-dev.txt)"
)

from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Response, sync_playwright

from ..conftest import SAMPLES

if TYPE_CHECKING:
    from spacy.language import Language

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: `apt-get install chromium` (CI does)"
    ),
]

PAYLOAD = "window.__pwned=1;document.title='pwned';alert(1)"
# Markup in article text is stripped by cleaning, so the payloads ride in the record's metadata, which
# every list shows, and in the raw source, which the reader links to.
HOSTILE = (
    '{"title": "<script>' + PAYLOAD + '</script>Mayor speaks", '
    '"outlet": "<img src=x onerror=\\"' + PAYLOAD + '\\">", '
    '"authors": ["<svg onload=\\"' + PAYLOAD + '\\"></svg>"], "published": "2024-03-16", '
    '"text": "The mayor said on Monday that 7,000 civilians remain in Velykyi Mlyn. '
    "<script>" + PAYLOAD + '</script> A soldier said the bridge still stands."}\n'
)

# Runs in every page before its own content (Playwright injects it outside the page's CSP): any
# assignment to document.title is recorded, so a title set and reset in between checks still shows.
TITLE_SENSOR = """
(() => {
  const title = Object.getOwnPropertyDescriptor(Document.prototype, 'title');
  Object.defineProperty(Document.prototype, 'title', {
    configurable: true,
    get() { return title.get.call(this); },
    set(value) {
      (window.__titles = window.__titles || []).push(String(value));
      title.set.call(this, value);
    },
  });
})();
"""


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Iterator[str]:
    from claimgraph.ingest import ingest
    from claimgraph.server import create_app
    from claimgraph.server.background import serving
    from claimgraph.settings import Settings

    folder = tmp_path_factory.mktemp("browser")
    shutil.copytree(SAMPLES, folder / "samples")
    (folder / "hostile.jsonl").write_text(HOSTILE, encoding="utf-8")
    db = folder / "browser.duckdb"
    ingest([folder], settings=Settings(db=str(db), n_process=1, progress=False), nlp=nlp)

    with serving(create_app(settings=Settings(db=str(db)))) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture()
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh page that fails the test if anything in it runs script, opens a dialog or errs."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 800})
    context.add_init_script(TITLE_SENSOR)
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    blocked: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message} at {page.url}")
        dialog.dismiss()

    def on_console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            blocked.append(f"{message.text} at {page.url}")

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: errors.append(f"{error} at {page.url}"))
    page.on("console", on_console)
    yield page
    context.close()
    assert dialogs == [], "a dialog opened: script from an article ran"
    assert errors == [], "a script error on the page"
    assert blocked == [], "the page held script the policy had to block: something was not escaped"


def check(page: Page, response: Response | None, *, heading: bool = True) -> None:
    """The page that just loaded answered 200 with the policy, has a heading, and ran nothing."""
    assert response is not None, page.url
    assert response.status == 200, page.url
    assert "script-src 'none'" in (response.header_value("content-security-policy") or ""), page.url
    if heading:
        assert page.locator("main h1").count() == 1, page.url
        assert page.locator("main h1").inner_text().strip(), page.url
    assert page.title() != "pwned", page.url
    assert page.evaluate("() => window.__pwned === undefined"), page.url
    assert page.evaluate("() => window.__titles === undefined"), (page.url, page.evaluate("window.__titles"))


def click(page: Page, selector: str, *, heading: bool = True) -> None:
    """Follow the first link matching ``selector`` and check where it leads."""
    link = page.locator(selector).first
    assert link.count() == 1, f"no link {selector!r} on {page.url}"
    with page.expect_navigation() as navigation:
        link.click()
    check(page, navigation.value, heading=heading)


def path(page: Page) -> str:
    """The path and query of the page's URL, without the fragment."""
    url = urlsplit(page.url)
    return url.path + (f"?{url.query}" if url.query else "")


def test_every_page_through_the_navigation(page: Page) -> None:
    check(page, page.goto("/"))
    assert page.locator("main h1").inner_text() == "Overview"
    for name, target in [
        ("Documents", "/documents"),
        ("Entities", "/entities"),
        ("Timeline", "/timeline"),
        ("Map", "/map"),
        ("Disputes", "/disputes"),
    ]:
        click(page, f"header nav a:text-is('{name}')")
        assert path(page) == target
    page.fill("header input[name=q]", "bridge")
    with page.expect_navigation() as navigation:
        page.press("header input[name=q]", "Enter")
    check(page, navigation.value)
    assert path(page) == "/search?q=bridge"
    assert page.locator("main ol.hits li a").count() > 0
    click(page, "header a.brand")
    assert path(page) == "/"


def test_links_lead_into_the_reader_and_to_entities(page: Page) -> None:
    check(page, page.goto("/documents"))
    click(page, "main tbody a[href^='/documents/']")
    assert path(page).startswith("/documents/")
    assert page.locator("main .text").inner_text().strip()

    check(page, page.goto("/entities"))
    click(page, "main tbody a[href^='/entities/']")
    assert path(page).startswith("/entities/")
    click(page, "main a[href^='/documents/']:visible")  # a statement or mention, into the reader
    assert path(page).startswith("/documents/")

    check(page, page.goto("/disputes"))
    assert page.locator("main section.dispute").count() > 0
    click(page, "main section.dispute a:text-is('in context')")
    assert path(page).startswith("/documents/")
    assert page.locator("main article h1").count() == 1

    check(page, page.goto("/timeline"))
    click(page, "main ol.timeline a[href^='/documents/']")
    assert path(page).startswith("/documents/")

    check(page, page.goto("/search?q=bridge"))
    click(page, "main ol.hits a[href^='/documents/']")
    assert path(page).startswith("/documents/")


def test_nothing_from_the_hostile_article_runs(page: Page) -> None:
    check(page, page.goto("/"))  # the outlet is listed here
    assert "<img src=x onerror=" in page.locator("main").inner_text()
    click(page, "header nav a:text-is('Documents')")
    click(page, "main tbody a:has-text('Mayor speaks')")
    assert page.locator("main h1").inner_text().startswith("<script>window.__pwned=1")  # shown as text
    assert "<svg onload=" in page.locator("main p.meta").inner_text()
    click(page, "main a:text-is('raw source')", heading=False)
    assert "<script>" in page.locator("body").inner_text()
    for url in ("/search?q=mayor", "/timeline", "/disputes", "/entities"):
        check(page, page.goto(url))
