"""The public entry point: clean_document(raw) -> CleanedDocument."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from claimgraph.clean import clean_document
from claimgraph.errors import InputRejected
from claimgraph.models import Metadata, RawDocument

ARTICLE = """# Kyiv says it repelled a night attack

By Olena Petrenko

Mar 14, 2024

Air defences shot down most of the drones launched overnight, the air force said on Thursday.

© 2024 Eastline News. All rights reserved.
"""


def raw(content: str, *, media_type: str = "text/plain", hints: Metadata | None = None) -> RawDocument:
    return RawDocument(
        source="a.txt", content=content, media_type=media_type, content_hash="h", hints=hints or Metadata()
    )


def test_plain_text_goes_through_the_filter_alone() -> None:
    cleaned = clean_document(raw(ARTICLE))
    assert (
        cleaned.text
        == "Air defences shot down most of the drones launched overnight, the air force said on Thursday."
    )
    assert cleaned.extractor == "furniture-filter"
    assert cleaned.metadata == Metadata(
        title="Kyiv says it repelled a night attack",
        outlet="Eastline News",
        authors=("Olena Petrenko",),
        published=date(2024, 3, 14),
    )
    assert cleaned.dropped_lines[0] == "# Kyiv says it repelled a night attack"


def test_markdown_too() -> None:
    assert clean_document(raw(ARTICLE, media_type="text/markdown")).extractor == "furniture-filter"


def test_hints_win_but_empty_hints_do_not() -> None:
    hints = Metadata(
        title="Stated title", published=date(2024, 3, 13), outlet=None, authors=(), language="en"
    )
    metadata = clean_document(raw(ARTICLE, hints=hints)).metadata
    assert metadata.title == "Stated title"
    assert metadata.published == date(2024, 3, 13)
    assert metadata.outlet == "Eastline News"
    assert metadata.authors == ("Olena Petrenko",)
    assert metadata.language == "en"


def test_the_text_is_a_function_of_the_words_alone() -> None:
    decomposed = unicodedata.normalize("NFD", ARTICLE.replace("Kyiv", "Kyïv").replace("\n", "\r\n"))
    assert clean_document(raw(decomposed)).text == clean_document(raw(ARTICLE.replace("Kyiv", "Kyïv"))).text


def test_an_unknown_media_type_is_rejected() -> None:
    with pytest.raises(InputRejected, match="application/pdf"):
        clean_document(raw("%PDF", media_type="application/pdf"))


def test_nothing_left_is_an_empty_text() -> None:
    assert clean_document(raw("Advertisement\n\n© 2024 Example\n")).text == ""


@pytest.mark.parametrize(
    ("content", "published", "first_words"),
    [
        (
            "2023-11-02 ODESA, Nov 2 (Reuters) - The port was hit again overnight, officials said.\n\n"
            "Two cranes were damaged and a warehouse burned.",
            date(2023, 11, 2),
            "ODESA, Nov 2 (Reuters) - The port",
        ),
        (
            "April 9, 2024 The council met in the basement of the school, the mayor said.\n\n"
            "Nobody was hurt.",
            date(2024, 4, 9),
            "The council met",
        ),
    ],
)
def test_a_date_heading_a_plain_text_article_is_its_stamp_not_its_text(
    content: str, published: date, first_words: str
) -> None:
    cleaned = clean_document(raw(content))
    assert cleaned.metadata.published == published
    assert cleaned.text.startswith(first_words)


def test_a_date_inside_the_first_sentence_stays_in_it() -> None:
    content = "On April 9, 2024 the council met in the basement of the school, the mayor said.\n"
    cleaned = clean_document(raw(content))
    assert cleaned.text == content.strip()


def test_a_markdown_stamp_among_reading_time_and_staff_credit_dates_the_article() -> None:
    content = (
        "# Grid operator restores power in Odesa\n\n"
        "_April 2, 2025 · 3 min read · Eastline staff_\n\n"
        "Power was restored to most of Odesa by the evening, the grid operator said on Wednesday.\n"
    )
    cleaned = clean_document(raw(content, media_type="text/markdown"))
    assert cleaned.metadata.published == date(2025, 4, 2)
    assert (
        cleaned.text
        == "Power was restored to most of Odesa by the evening, the grid operator said on Wednesday."
    )


BODY = (
    "Repair crews restored heating to most of the district by the evening, the city council said on Friday."
)


@pytest.mark.parametrize(
    ("header", "published"),
    [
        # date, clock time and author parted by bars
        ("Lviv Post\n\nOctober 9, 2026 | 18:40 | Marta Hnatiuk", date(2026, 10, 9)),
        # a kicker beside the date, above the first sentence
        ("DAILY PRESS REVIEW | 09.10.2026", date(2026, 10, 9)),
        # date, clock and the place the release was issued
        ("Meeting on the heating season\nOctober 9, 2026, 12:30, Novo-Ogaryovo", date(2026, 10, 9)),
    ],
)
def test_header_lines_of_date_clock_kicker_place_and_author_date_the_article_and_are_dropped(
    header: str, published: date
) -> None:
    cleaned = clean_document(raw(f"{header}\n\n{BODY}\n\nPipes in two schools are still cold."))
    assert cleaned.metadata.published == published
    assert "2026" not in cleaned.text
    assert BODY in cleaned.text


def test_a_wire_dateline_dates_copy_that_has_no_other_date() -> None:
    content = (
        "Heating returns to Lviv district\n\nBy Marta Hnatiuk\n\n"
        "LVIV, Oct 9 (Reuters) - Repair crews restored heating to most of the district by the evening, "
        "the city council said on Friday.\n\nPipes in two schools are still cold."
    )
    assert clean_document(raw(content)).metadata.published == date(2026, 10, 9)


@pytest.mark.parametrize(
    "line",
    [
        "Sources: Interfax-Ukraine, Ukrinform, Suspilne and the Kyiv City Council",
        "The translation is automatic and has not been reviewed. Names are spelled as in the originals.",
        "This review appears every weekday. The next issue - 12.10.2026.",
        "Follow our coverage of the energy war at https://example.org/energy",
    ],
)
def test_digest_notices_and_plugs_are_dropped(line: str) -> None:
    cleaned = clean_document(raw(f"{BODY}\n\n{line}\n\nPipes in two schools are still cold."))
    assert line not in cleaned.text
    assert BODY in cleaned.text


@pytest.mark.parametrize(
    "line",
    [
        "Sources: the governor said the town had fallen, and the army denied it within the hour.",
        "The next issue of concern, the mayor said, is water.",
        "Follow the money, the auditor said on Friday.",
    ],
)
def test_sentences_that_open_like_notices_are_kept(line: str) -> None:
    cleaned = clean_document(raw(f"{BODY}\n\n{line}\n\nPipes in two schools are still cold."))
    assert line in cleaned.text


@pytest.mark.parametrize(
    ("header", "published"),
    [
        ("Briefing by the Foreign Ministry Spokesman, Minsk, October 9, 2026", date(2026, 10, 9)),
        ("PRESS NOTE\nLviv, 9 October 2026", date(2026, 10, 9)),
        ("# The Weekly Front\n\n*Issue 12 · Friday, October 9, 2026 · 4 min read*", date(2026, 10, 9)),
    ],
)
def test_headings_that_end_in_their_date_and_numbered_issues(header: str, published: date) -> None:
    cleaned = clean_document(raw(f"{header}\n\n{BODY}\n\nPipes in two schools are still cold."))
    assert cleaned.metadata.published == published
    assert BODY in cleaned.text


def test_a_numeric_date_glued_to_the_first_sentence() -> None:
    cleaned = clean_document(
        raw(f"Heating returns\n\n10/09/2026{BODY}\n\nPipes in two schools are still cold.")
    )
    assert cleaned.metadata.published == date(2026, 10, 9)
    assert cleaned.text.split("\n\n")[1] == BODY or BODY in cleaned.text


@pytest.mark.parametrize(
    "line",
    [
        "Please turn on JavaScript to use this feature",
        "Comments (27)",
        "Listen to this article | 6 mins",
        "Found a mistake? Write to us: desk@example.org",
        "Follow Eastline News:",
        "Print version | Version for the visually impaired",
        "Print | Share: Facebook | Telegram",
        "Share this explainer: Facebook | Telegram",
        "For further information, please contact: the press desk, desk@example.org",
        "The views expressed in this column are the author's own.",
        "Music by Hromada Sound. Produced by Iryna Lys.",
        "Press service of the Ministry of Health of Ukraine",
        "By our correspondent in Odesa",
        "Frontline Weekly is listener-supported. Support the show on Patreon.",
        "You are receiving this email because you signed up at example.org.",
    ],
)
def test_interface_credits_and_notices_of_many_sites_are_dropped(line: str) -> None:
    cleaned = clean_document(raw(f"{BODY}\n\n{line}\n\nPipes in two schools are still cold."))
    assert line not in cleaned.text
    assert BODY in cleaned.text


def test_a_menu_with_an_age_rating_is_navigation() -> None:
    cleaned = clean_document(raw(f"ODESA NEWS | Region | Incidents | 18+\n\n{BODY}"))
    assert "18+" not in cleaned.text


@pytest.mark.parametrize(
    "line",
    [
        "Explore more on these topics: Ukraine, Energy, Europe",
        "If you find this useful, you can support my work on Ko-fi.",
        "Author: Staff correspondent, Mykolaiv",
        "(Compiled from agency reports)",
    ],
)
def test_topics_tip_jars_author_labels_and_compilation_notes_are_dropped(line: str) -> None:
    cleaned = clean_document(raw(f"{BODY}\n\n{line}\n\nPipes in two schools are still cold."))
    assert line not in cleaned.text


def test_a_feature_header_dates_and_signs_it_below_its_standfirst() -> None:
    text = (
        "World | Ukraine\n\n"
        "Life on the river: a town across the water from the guns\n\n"
        "For three years the town has been shelled from the bank opposite, and the people who stay have "
        "built their lives around it\n\n"
        "Marta Lind in Kherson\n\n"
        "Sun 29 Nov 2026 06.00 GMT\n\n"
        "Olha keeps a broom by the door of her kitchen, and she uses it to close the shutters when the "
        "drones come over the street at night."
    )
    cleaned = clean_document(raw(text))
    assert (cleaned.metadata.published, cleaned.metadata.authors) == (date(2026, 11, 29), ("Marta Lind",))
    heading = clean_document(
        raw("PRESS DIGEST — 20.11.2026\n\nThe court sentenced the soldier to life on Thursday.")
    )
    assert heading.metadata.published == date(2026, 11, 20)


def test_a_digest_heading_that_names_its_day_dates_the_digest() -> None:
    text = (
        "UA-PRESS DIGEST\nWhat the Ukrainian media wrote on 20.11.2026\n\n"
        "Automatic translation from Ukrainian\n\n"
        "The spokesman stated on Wednesday that the fire did not come from the Defence Forces.\n"
    )
    cleaned = clean_document(raw(text))
    assert cleaned.metadata.published == date(2026, 11, 20)
    plain = clean_document(raw("Russia attacked Kyiv on 20.11.2026\n\nThe mayor said the grid held.\n"))
    assert plain.metadata.published is None


@pytest.mark.parametrize(
    ("header", "outlet"),
    [
        ("President of Ukraine Official website", "President of Ukraine"),
        ("Ministry of Defence of Latvia | official site", "Ministry of Defence of Latvia"),
        ("State Border Guard Service — Official Web Portal", "State Border Guard Service"),
    ],
)
def test_a_site_header_naming_its_owner_names_the_outlet(header: str, outlet: str) -> None:
    text = (
        f"{header}\nHome › News\n\nThe minister met the delegation\n\n1 December 2026 - 17:20\n\n"
        "On 1 December the minister met the delegation in Riga and discussed winter supplies.\n"
    )
    cleaned = clean_document(raw(text))
    assert cleaned.metadata.outlet == outlet
    assert header not in cleaned.text


def test_an_official_website_mentioned_in_a_sentence_is_news() -> None:
    line = "The statement was posted on the ministry's official website on Monday evening."
    cleaned = clean_document(raw(f"Ministry posts statement\n\n{line}\n"))
    assert line in cleaned.text


@pytest.mark.parametrize(
    "line",
    [
        "All materials of the site are available under the license Creative Commons Attribution 4.0.",
        "Content is licensed under CC BY 4.0 unless stated otherwise.",
        "When using the materials, a hyperlink to KYIV EVENING DIGEST is obligatory.",
        "Translated from Spanish by the editorial staff. Reproduction prohibited without authorization.",
        "The translation is automatic and was not edited. The wording of the sources is preserved.",
        "This article was machine translated and may contain errors.",
        "Any use of the materials is allowed only with a reference to the source.",
        "Print | Share: Facebook | Telegram | X",
    ],
)
def test_licences_translation_notes_and_share_rows_are_dropped(line: str) -> None:
    text = f"Drones hit the port\n\nDrones hit the port of Zorianka overnight, the governor said.\n\n{line}\n"
    assert line not in clean_document(raw(text)).text


@pytest.mark.parametrize(
    "line",
    [
        "The photos were released under a Creative Commons licence, the agency said.",
        "The ministry said reproduction of the maps was banned in 2019.",
    ],
)
def test_news_about_licences_is_kept(line: str) -> None:
    text = f"Drones hit the port\n\nDrones hit the port of Zorianka overnight, the governor said.\n\n{line}\n"
    assert line in clean_document(raw(text)).text


def test_a_name_above_a_journalists_role_is_the_byline() -> None:
    text = (
        "Why a small mining town matters\n\n17 November 2026\n\nHelen Marsh\nEurope digital reporter\n\n"
        "Russia says it has captured the town. Kyiv says its troops are still fighting there.\n"
    )
    cleaned = clean_document(raw(text))
    assert "Helen Marsh" not in cleaned.text
    assert cleaned.metadata.authors == ("Helen Marsh",)
