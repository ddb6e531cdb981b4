"""A brief's HTML printed to PDF by headless Chromium, driven by Playwright.

Debian's Chromium (``/usr/bin/chromium``, or ``CLAIMGRAPH_CHROMIUM``) is launched directly:
Playwright's own browser downloads are never used. The page is loaded from a file with every request
other than that file refused, so printing fetches nothing either.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Final

from claimgraph.errors import RendererMissing

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM: Final = Path("/usr/bin/chromium")


def chromium_path() -> Path:
    """The Chromium to launch: $CLAIMGRAPH_CHROMIUM, else /usr/bin/chromium; RendererMissing when absent."""
    path = Path(os.environ.get("CLAIMGRAPH_CHROMIUM") or CHROMIUM)
    if not path.is_file():
        raise RendererMissing(f"Chromium is missing at {path}")
    return path


@contextmanager
def page_showing(html: str, *, width: int) -> Iterator[Page]:
    """A headless Chromium page showing ``html``, loaded from a file, every other request refused."""
    browser_path = chromium_path()
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise RendererMissing("the playwright package is not installed") from exc
    with tempfile.TemporaryDirectory(prefix="claimgraph-brief-") as tmp:
        page_file = Path(tmp) / "brief.html"
        page_file.write_text(html, encoding="utf-8")
        url = page_file.as_uri()
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(browser_path), args=["--no-sandbox"])
                try:
                    page = browser.new_page(viewport={"width": width, "height": 900})
                    page.route(
                        "**/*", lambda route: route.continue_() if route.request.url == url else route.abort()
                    )
                    page.goto(url, wait_until="load")
                    yield page
                finally:
                    browser.close()
        except PlaywrightError as exc:
            raise RendererMissing(f"Chromium at {browser_path} failed on the brief ({exc.message})") from exc


def html_to_png_pages(html: str, folder: Path, *, width: int = 1000, page_height: int = 1400) -> list[Path]:
    """Screenshots of ``html`` as it shows on a screen ``width`` pixels wide, cut into pages
    ``page_height`` pixels tall: ``folder/page-01.png``, ... (the last page shorter)."""
    folder.mkdir(parents=True, exist_ok=True)
    pages = []
    with page_showing(html, width=width) as page:
        height = int(page.evaluate("document.documentElement.scrollHeight"))
        for number, top in enumerate(range(0, height, page_height), start=1):
            target = folder / f"page-{number:02d}.png"
            clip = {"x": 0, "y": top, "width": width, "height": min(page_height, height - top)}
            page.screenshot(path=str(target), full_page=True, clip=clip)  # type: ignore[arg-type]
            pages.append(target)
    return pages


def html_to_pdf(html: str, out: Path) -> None:
    """Print ``html`` (a self-contained page) to the PDF file ``out`` (A4, backgrounds printed)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    with page_showing(html, width=1000) as page:
        page.pdf(path=str(partial), format="A4", print_background=True, prefer_css_page_size=True)
    partial.replace(out)
