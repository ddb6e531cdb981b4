"""Title, outlet, authors and publication date, from what the page and its furniture said.

Each field takes the most direct statement available. The publication date only ever comes from a
date stamp, a byline, a dated URL, the page's metadata or a wire dateline: never from the article's
prose, from related-links furniture or from a copyright year. Without any of those it is None.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import fields, replace
from datetime import date
from typing import Final

from claimgraph.clean.dates import date_from_url, dateline_date
from claimgraph.clean.furniture import Signals
from claimgraph.clean.html import Page
from claimgraph.clean.outlets import AGENCIES, OUTLETS, known_outlet, name_from_domain, outlet_for_url
from claimgraph.models import Metadata

# Other outlets quote the wire services all the time; telling them something proves nothing.
_QUOTED_BY_OTHERS: Final = frozenset(
    {a.casefold() for a in AGENCIES}
    | {"associated press", "ria novosti", "interfax-ukraine", "sputnik", "anadolu agency", "rt"}
)
# How an outlet speaks of itself: "told Newsweek", "Newsweek has reached out to ... for comment".
# Both start with literals rather than a word boundary: a boundary test at every position of the
# text costs more than the whole match; _self_reference checks the boundary itself.
_TOLD = re.compile(
    r"(?:told|contacted|emailed|(?:speaking|spoke|talking|talked)\s+to"
    r"|in\s+(?:a\s+statement|an\s+interview|comments?|remarks)\s+(?:to|with))\s+(?:[Tt]he\s+)?"
    r"(?P<name>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})"
)
_REACHED_OUT = re.compile(
    r"(?P<name>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})\s+(?:has\s+|had\s+)?(?:reached\s+out|contacted)\b"
)
_BY_SHORT_NAME: Final = {name.removeprefix("The ").casefold(): name for name in OUTLETS.values()}
_SELF_NAMES: Final = {
    short: name for short, name in _BY_SHORT_NAME.items() if name.casefold() not in _QUOTED_BY_OTHERS
}


def infer_metadata(signals: Signals, *, text: str, hints: Metadata, page: Page | None = None) -> Metadata:
    """Everything cleaning learnt about the article, with ``hints`` winning field by field."""
    urls = [u for u in (hints.url, *signals.urls, page.url if page else None) if u]
    inferred = Metadata(
        title=(page.title if page else None) or signals.title,
        outlet=_outlet(urls, signals=signals, text=text, page=page),
        authors=(page.authors if page else ()) or signals.authors or signals.trailer_authors,
        published=_published(urls, signals=signals, page=page, text=text),
        url=urls[0] if urls else None,
    )
    return merge(hints, inferred)


def merge(hints: Metadata, inferred: Metadata) -> Metadata:
    """``inferred`` with every field that ``hints`` states (not None, not empty) taken from ``hints``."""
    stated = {f.name: getattr(hints, f.name) for f in fields(Metadata)}
    return replace(inferred, **{name: value for name, value in stated.items() if value not in (None, "", ())})


def _published(urls: list[str], *, signals: Signals, page: Page | None, text: str) -> date | None:
    if page is not None and page.published is not None:
        return page.published
    labelled = next((s.published for s in signals.stamps if s.labelled and s.published), None)
    if labelled is not None:
        return labelled
    stamped = next((s.published for s in signals.stamps if s.published), None)
    if stamped is not None:
        return stamped
    for url in urls:
        dated = date_from_url(url)
        if dated is not None:
            return dated
    # Wire copy stripped of its page keeps its day in the dateline ("ODESA, Nov 3 (Reuters) - ").
    filed = dateline_date(text, today=date.today())
    if filed is not None:
        return filed
    # Only an update stamp: publication was on or before it, most often the same day, and it is the
    # nearest date the page gives.
    return next((s.updated for s in signals.stamps if s.updated), None)


def _outlet(urls: list[str], *, signals: Signals, text: str, page: Page | None) -> str | None:
    for url in urls:
        name, from_table = outlet_for_url(url)
        if from_table:
            return name
    if page is not None and page.sitename:
        return _canonical(page.sitename)
    if signals.credits:
        return _canonical(signals.credits[0])
    for url in urls:
        name, _ = outlet_for_url(url)
        if name:
            return name
    return _self_reference(text)


def _canonical(name: str) -> str:
    """The table's spelling of an outlet name (``the moscow times`` → ``The Moscow Times``)."""
    key = name.strip().removeprefix("The ").removeprefix("the ").casefold()
    known = _BY_SHORT_NAME.get(key)
    if known is not None:
        return known
    if "." in name and " " not in name.strip():
        site = known_outlet(name.strip().casefold()) or name_from_domain(name.strip().casefold())
        if site:
            return site
    return name.strip()


def _self_reference(text: str) -> str | None:
    """The known outlet the text keeps naming as its own ("told Newsweek" twice), if exactly one."""
    counts: Counter[str] = Counter()
    for m in _TOLD.finditer(text):
        if m.start() and text[m.start() - 1].isalnum():
            continue
        words = m["name"].split()
        # "told Kyiv Post Monday": the longest leading run of capitalised words that is an outlet.
        counts.update(_first_known(" ".join(words[:n]) for n in range(len(words), 0, -1)))
    if "reached out" in text or "contacted" in text:
        for m in _REACHED_OUT.finditer(text):
            words = m["name"].split()
            counts.update(_first_known(" ".join(words[n:]) for n in range(len(words))))
    ranked = counts.most_common(2)
    if not ranked:
        return None
    best, hits = ranked[0]
    if hits < 2 or (len(ranked) > 1 and ranked[1][1] == hits):
        return None
    return best


def _first_known(candidates: Iterable[str]) -> list[str]:
    for candidate in candidates:
        name = _SELF_NAMES.get(candidate.casefold())
        if name is not None:
            return [name]
    return []
