"""The line-level furniture filter, on small articles written for these tests."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.clean.furniture import filter_furniture, plain

WORD = re.compile(r"\w+")


def words(text: str) -> set[str]:
    return set(WORD.findall(text.casefold()))


ARTICLE = """# Drones hit the grain port overnight

By [Olena Petrenko](/authors/op) and Mark Lee

March 07, 2023

Soldiers unload crates at the port. **Regional Administration**

Russian drones struck the grain port of Izmail overnight, the regional governor said on Tuesday.

**Related article:** [Ports reopen after a week of strikes](#)

The governor said three warehouses burned and that nobody was hurt.

Read also:

  • Shipping insurers raise their rates
  • Farmers count the cost of the blockade

Officials said the port would reopen on Thursday.

Support our journalism — donate

© 2023 Danube Courier. All rights reserved.

Original url:

<https://www.danube-courier.com.ua/2023/03/07/drones-hit-port>
"""


def test_the_article_keeps_its_body_and_loses_its_furniture() -> None:
    result = filter_furniture(ARTICLE, layout="plain")
    assert result.text == (
        "Russian drones struck the grain port of Izmail overnight, the regional governor said on Tuesday.\n\n"
        "The governor said three warehouses burned and that nobody was hurt.\n\n"
        "Officials said the port would reopen on Thursday."
    )
    assert "By [Olena Petrenko](/authors/op) and Mark Lee" in result.dropped
    assert "• Farmers count the cost of the blockade" in result.dropped
    assert len(result.dropped) == 12


def test_what_the_furniture_said_is_kept_as_signals() -> None:
    signals = filter_furniture(ARTICLE, layout="plain").signals
    assert signals.title == "Drones hit the grain port overnight"
    assert signals.authors == ("Olena Petrenko", "Mark Lee")
    assert [s.published for s in signals.stamps] == [date(2023, 3, 7)]
    assert signals.urls == ("https://www.danube-courier.com.ua/2023/03/07/drones-hit-port",)
    assert signals.credits == ("Danube Courier",)


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Zelensky visits the front",
        "READ ALSO: Kyiv hit by drones",
        "Related Posts",
        "You may also like:",
        "Photo: Getty Images",
        "Soldiers near Bakhmut on March 5, 2023. (Photo by Aris Messinis / AFP)",
        "A destroyed tank outside Kyiv. SERGEI SUPINSKY/AFP via Getty Images",
        "![A ruined school](https://img.example/1.jpg) The school after the strike.",
        "Copyright 2023 The Kyiv Independent",
        "We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.",
        "Privacy Policy | Terms of Use",
        "Subscribe to our Telegram channel",
        "Follow us on Twitter and Facebook",
        "Become a member today and support independent journalism.",
        "Sign up for our daily newsletter",
        "Tags: Ukraine, Russia, Bakhmut",
        "Advertisement",
        "Share this article",
        "5 min read",
        "Reporting by Pavel Polityuk; Editing by Tom Brown",
        "Source: Ukrinform",
        "Keith Bradsher contributed reporting from Hong Kong.",
        "https://t.me/example_channel/123",
        "Listen: https://podcast.example/ep12",
        "press@example.com",
        "If you notice a mistake, select it and press Ctrl+Enter",
        "* * *",
        "We could have put this story behind a paywall. You could close this page now, or chip in.",
        "If you appreciate our reporting from the front, consider becoming a supporter for 3 euros a month.",
        "Copying of our materials is allowed only with an active hyperlink to the source.",
        "Full or partial reproduction of the materials requires the editors' written consent.",
        "This publication was funded by a foundation grant. It is the sole responsibility of the authors.",
        "The views expressed here do not necessarily reflect the views of the donor.",
    ],
)
def test_furniture_lines_are_dropped(line: str) -> None:
    body = "Ukrainian forces held the line near the town for another week, officials said on Sunday."
    result = filter_furniture(f"{body}\n\n{line}\n\n{body}", layout="plain")
    assert result.dropped == (line.strip(),)
    assert result.text == f"{body}\n\n{body}"


@pytest.mark.parametrize(
    "line",
    [
        "Ukraine wants to become a member of NATO, Zelensky said on Monday.",
        "“The West must support us,” he said.",
        "By continuing the offensive, Russia hopes to take Bakhmut before spring.",
        "A Reuters/Ipsos poll found support for aid at 40 percent.",
        "Research by the Institute for the Study of War shows that Russia lost ground.",
        "Millions of Ukrainians subscribe to Telegram channels run by the military.",
        "He urged people to make a donation to the army.",
        "The EU pledged to support independent media in Russia.",
        "By clicking on the link, victims downloaded malware.",
        "The privacy policy was changed.",
        "Copyright infringement cases rose in 2022.",
        "Your support helps Ukraine win, Zelensky told Congress.",
        "Sign up to fight, the recruiting posters say.",
        "Footage of Bakhmut's defense on the Internet is compared with photos from the First World War.",
        "Battles for Bakhmut",
        "March 5, 2023 marked the anniversary of the first assault.",
        "By Monday the town had fallen.",
        "Related fighting was reported in Soledar.",
        "Troops “can only slightly halt the offensive,” he said, calling it a “piece of s***” in private.",
        "Russia bears sole responsibility for the war, the minister said.",
        "The school was rebuilt with the financial support of the European Union.",
        "Moldova is becoming a member of the bloc's energy union, officials said.",
        "If you look at the map, the front has barely moved since spring.",
        "Residents were told to close their shutters at night.",
    ],
)
def test_body_lines_survive(line: str) -> None:
    body = "Ukrainian forces held the line near the town for another week, officials said on Sunday."
    result = filter_furniture(f"{body}\n\n{line}\n\n{body}", layout="plain")
    assert result.dropped == ()
    assert plain(line) in result.text


def test_a_bare_date_below_the_header_is_content_but_a_labelled_one_is_not() -> None:
    body = "The exhibition of war photography opened in Lviv on Friday, its curators said."
    text = f"{body}\n\n{body}\n\n29 November 2022 | 20 January 2023\n\nUpdated: 5 March 2023"
    result = filter_furniture(text, layout="plain")
    assert result.dropped == ("Updated: 5 March 2023",)
    assert result.signals.stamps == ()


def test_a_date_in_a_related_list_is_never_a_stamp() -> None:
    body = "The exhibition of war photography opened in Lviv on Friday, its curators said."
    result = filter_furniture(f"Read also:\n\n• Kherson: a year on\n\n{body}", layout="plain")
    assert result.signals.stamps == ()


def test_read_also_block_of_plain_headlines() -> None:
    body = "The exhibition of war photography opened in Lviv on Friday, its curators said."
    text = f"{body}\n\nRead also:\n\nWho is the new defence minister?\n\nKherson one year on\n\n{body}"
    result = filter_furniture(text, layout="plain")
    assert result.text == f"{body}\n\n{body}"


def test_a_subheading_after_a_bulleted_read_also_block_stays() -> None:
    body = "The exhibition of war photography opened in Lviv on Friday, its curators said."
    result = filter_furniture(
        f"{body}\n\nRead also:\n\n• Kherson a year on\n\nBattles for Bakhmut\n\n{body}", layout="plain"
    )
    assert result.text == f"{body}\n\nBattles for Bakhmut\n\n{body}"


def test_markdown_syntax_goes_and_words_stay() -> None:
    text = (
        "Troops withdrew, [AFP](#) reported, citing *two officers* and a **senior** official "
        "in a [statement](https://gov.example/s?id=1) and a video , in which he spoke."
    )
    result = filter_furniture(text, layout="markdown")
    assert result.text == (
        "Troops withdrew, AFP reported, citing two officers and a senior official "
        "in a statement and a video, in which he spoke."
    )


def test_a_paragraph_broken_mid_sentence_is_rejoined() -> None:
    text = "A Ukrainian soldier near the\n\n\ntown also told AFP that units had begun to retreat."
    result = filter_furniture(text, layout="plain")
    assert result.text == "A Ukrainian soldier near the town also told AFP that units had begun to retreat."


def test_a_closed_paragraph_is_not_rejoined() -> None:
    text = "He said this in an interview.\n\nthe next paragraph starts in lower case."
    assert filter_furniture(text, layout="plain").text.count("\n\n") == 1


def test_hard_wrapped_plain_text_becomes_one_paragraph() -> None:
    text = (
        "The governor said on Tuesday that the bridge over the river had been\n"
        "destroyed in an overnight strike and that the last road out of the town\n"
        "was now closed to civilian traffic.\n"
        "\n"
        "He spoke from the regional capital."
    )
    result = filter_furniture(text, layout="plain")
    assert result.text.split("\n\n")[0] == (
        "The governor said on Tuesday that the bridge over the river had been destroyed in an overnight "
        "strike and that the last road out of the town was now closed to civilian traffic."
    )


def test_markdown_lines_of_one_block_are_one_paragraph_but_list_items_are_not() -> None:
    text = "The mayor said\nthe town was holding.\n\n- first item\n- second item"
    assert filter_furniture(text, layout="markdown").text == (
        "The mayor said the town was holding.\n\nfirst item\n\nsecond item"
    )


def test_a_plain_headline_above_a_byline_is_the_title() -> None:
    text = "Ostra bridge destroyed as shelling cuts last road\n\nBy Marta Kovalenko\nMar 14, 2024\n\nIt fell."
    result = filter_furniture(text, layout="plain")
    assert result.signals.title == "Ostra bridge destroyed as shelling cuts last road"
    assert result.text == "It fell."


def test_a_header_line_repeating_the_known_title_goes() -> None:
    body = "The governor ordered the evacuation of every child on Saturday."
    result = filter_furniture(
        f"Governor orders evacuation\n{body}", layout="lines", known_title="Governor orders evacuation"
    )
    assert result.text == body


def test_bare_url_inside_the_text_is_not_the_articles_own() -> None:
    body = "The ministry published the figures on its website on Monday, officials said."
    result = filter_furniture(f"{body}\n\nhttps://mod.example/2023/01/02/figures\n\n{body}", layout="plain")
    assert result.signals.urls == ()
    assert result.dropped == ("https://mod.example/2023/01/02/figures",)


def test_output_is_deterministic_and_line_endings_do_not_matter() -> None:
    first = filter_furniture(ARTICLE, layout="plain")
    assert filter_furniture(ARTICLE, layout="plain") == first
    assert filter_furniture(ARTICLE.replace("\n", "\r\n"), layout="plain").text == first.text


_LINE = st.one_of(
    st.sampled_from(
        [
            "By Nick Mordowanec",
            "Dec 27, 2022",
            "Read also:",
            "  • Some related headline",
            "© 2023 Newsweek. All rights reserved.",
            "**Related article:** [A headline](#)",
            "Original url:",
            "<https://example.com/2023/03/07/x>",
            "the sentence goes on in lower case",
            "A caption. **Credit Agency**",
            "",
        ]
    ),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80),
)


@settings(max_examples=200)
@given(st.lists(_LINE, max_size=12), st.sampled_from(["plain", "markdown", "lines"]))
def test_output_only_holds_words_of_the_input(lines: list[str], layout: str) -> None:
    content = "\n".join(lines)
    result = filter_furniture(content, layout=layout)  # type: ignore[arg-type]
    assert words(result.text) <= words(plain(content)) | words(content)
    stripped = {line.strip() for line in content.splitlines()}
    assert all(line in stripped for line in result.dropped)
    assert "\n\n\n" not in result.text and result.text == result.text.strip()
