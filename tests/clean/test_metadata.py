"""Title, outlet, authors and publication date from signals, page metadata and hints."""

from __future__ import annotations

from datetime import date

from claimgraph.clean.dates import Stamp
from claimgraph.clean.furniture import Signals
from claimgraph.clean.html import Page
from claimgraph.clean.metadata import infer_metadata, merge
from claimgraph.models import Metadata

NO_HINTS = Metadata()


def page(**fields: object) -> Page:
    values: dict[str, object] = {
        "text": "",
        "title": None,
        "authors": (),
        "sitename": None,
        "published": None,
    }
    values["url"] = None
    values.update(fields)
    return Page(**values)  # type: ignore[arg-type]


def stamp(published: date | None = None, *, updated: date | None = None, labelled: bool = False) -> Stamp:
    return Stamp(published=published, updated=updated, labelled=labelled)


def test_hints_win_field_by_field_and_empty_hints_do_not() -> None:
    inferred = Metadata(title="Inferred", outlet="Newsweek", authors=("A B",), published=date(2023, 1, 2))
    hints = Metadata(title="Stated", outlet="", authors=(), published=None, url="https://x.example/a")
    assert merge(hints, inferred) == Metadata(
        title="Stated",
        outlet="Newsweek",
        authors=("A B",),
        published=date(2023, 1, 2),
        url="https://x.example/a",
    )


def test_a_labelled_stamp_beats_a_header_stamp_which_beats_the_url_which_beats_an_update() -> None:
    dated_url = Signals(urls=("https://www.newsweek.com/2023/01/05/x",))
    assert infer_metadata(dated_url, text="", hints=NO_HINTS).published == date(2023, 1, 5)
    header = Signals(stamps=(stamp(date(2023, 1, 4)),), urls=dated_url.urls)
    assert infer_metadata(header, text="", hints=NO_HINTS).published == date(2023, 1, 4)
    labelled = Signals(stamps=(stamp(date(2023, 1, 4)), stamp(date(2023, 1, 3), labelled=True)))
    assert infer_metadata(labelled, text="", hints=NO_HINTS).published == date(2023, 1, 3)
    only_update = Signals(stamps=(stamp(updated=date(2023, 1, 9)),))
    assert infer_metadata(only_update, text="", hints=NO_HINTS).published == date(2023, 1, 9)
    assert (
        infer_metadata(Signals(), text="Fighting went on since May 2022.", hints=NO_HINTS).published is None
    )


def test_the_page_date_comes_first_for_html() -> None:
    signals = Signals(stamps=(stamp(date(2023, 1, 4), labelled=True),))
    found = infer_metadata(signals, text="", hints=NO_HINTS, page=page(published=date(2023, 1, 1)))
    assert found.published == date(2023, 1, 1)


def test_outlet_from_a_known_domain_then_site_name_then_copyright_then_domain() -> None:
    known = Signals(urls=("https://www.themoscowtimes.com/2023/03/07/x",), credits=("Someone Else",))
    assert (
        infer_metadata(known, text="", hints=NO_HINTS, page=page(sitename="MT")).outlet == "The Moscow Times"
    )
    unknown = Signals(urls=("https://eastline.example/a",), credits=("Eastline News",))
    assert infer_metadata(
        unknown, text="", hints=NO_HINTS, page=page(sitename="the moscow times")
    ).outlet == ("The Moscow Times")
    assert infer_metadata(unknown, text="", hints=NO_HINTS).outlet == "Eastline News"
    assert infer_metadata(Signals(urls=unknown.urls), text="", hints=NO_HINTS).outlet == "Eastline"
    assert infer_metadata(Signals(credits=("Newsweek Digital",)), text="", hints=NO_HINTS).outlet == (
        "Newsweek Digital"
    )


def test_outlet_from_how_the_text_speaks_of_itself() -> None:
    text = (
        "Markku Kivinen told Newsweek that Russia wants the whole region. "
        "William Reno told Newsweek on Monday that the gains were minor. A soldier told Reuters the same."
    )
    assert infer_metadata(Signals(), text=text, hints=NO_HINTS).outlet == "Newsweek"
    once = "Markku Kivinen told Newsweek that Russia wants the whole region."
    assert infer_metadata(Signals(), text=once, hints=NO_HINTS).outlet is None
    wire = "A soldier told AFP the town would fall. Another told AFP the same."
    assert infer_metadata(Signals(), text=wire, hints=NO_HINTS).outlet is None
    reached = "Newsweek has reached out to the Kremlin for comment. An official told Newsweek it was false."
    assert infer_metadata(Signals(), text=reached, hints=NO_HINTS).outlet == "Newsweek"


def test_authors_from_page_then_byline_then_credit_trailer() -> None:
    signals = Signals(authors=("Nick Mordowanec",), trailer_authors=("Lena Marsh",))
    assert infer_metadata(signals, text="", hints=NO_HINTS).authors == ("Nick Mordowanec",)
    assert infer_metadata(Signals(trailer_authors=("Lena Marsh",)), text="", hints=NO_HINTS).authors == (
        "Lena Marsh",
    )
    html = page(authors=("Priya Raman",))
    assert infer_metadata(signals, text="", hints=NO_HINTS, page=html).authors == ("Priya Raman",)


def test_title_and_url() -> None:
    signals = Signals(title="Headline", urls=("https://a.example/x", "https://b.example/y"))
    found = infer_metadata(signals, text="", hints=Metadata(url="https://hint.example/z"))
    assert (found.title, found.url) == ("Headline", "https://hint.example/z")
    assert infer_metadata(signals, text="", hints=NO_HINTS).url == "https://a.example/x"
