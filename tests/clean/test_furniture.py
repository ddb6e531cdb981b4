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
        "We hope you're enjoying the Ledger's open-minded reporting.",
        "Automatic translation from Ukrainian. The editorial office does not share the views of the sources.",
        "Topics: Army | Politics | Economy | Regions",
        "We are independent. Help us keep reporting: card 5375 4141 0000 1234 or donate online.",
        "#Odesa #drones #port",
        "jk/mb/rt",
        "The use of the materials is allowed only with the hyperlink to the site.",
        "Subscribed to the Ledger? Register your account with the email of your subscription.",
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
        "We hope you are safe, the mayor told residents who stayed in the city.",
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


# --- issue 21: furniture of real-world plain text and markdown -----------------------------------
BODY = "Ukrainian forces held the line near the town for another week, officials said on Sunday."


@pytest.mark.parametrize(
    ("furniture", "look_alike"),
    [
        ("Updated 40 minutes ago", "Updated figures came in 40 minutes ago, the ministry said."),
        ("7-minute read", "It is a 7-minute drive from the front, the driver said."),
        (
            "Graphic: Dnipro Herald, based on General Staff data",
            "Maps by the General Staff show little change.",
        ),
        ("Gallery: 24 photos", "Photographers took 24 photos of the crater, the police said."),
        ("Telegram | Viber | Email", "Facebook, Twitter and Telegram removed the accounts on Monday."),
        ("Facebook  Twitter  WhatsApp", "Telegram"),
        (
            "Machine translation from Ukrainian.",
            "Machine translation from Russian is often unreliable, the linguist said.",
        ),
        (
            "This article was automatically translated from Russian. Source: regional media.",
            "Translated automatically, the order read: hold the bridge at any cost.",
        ),
        (
            "Our standards: The Danube Courier ethics code",
            "Our standards are higher than theirs, the minister said.",
        ),
        ("Corrections policy", "The corrections policy of the army was changed in May."),
        (
            "This interview has been condensed and edited for clarity.",
            "The interview was edited, the lawyer claimed.",
        ),
        (
            "See all stories from the Frontline Diaries series",
            "Read other reports before you judge us, he said.",
        ),
        (
            "About us | Contacts | Advertising | Jobs",
            "Kyiv | The council voted to rename 40 streets on Tuesday.",
        ),
        ("Text: Halyna Moroz", "Text: the full agreement runs to 40 pages."),
        ("Interview by Oksana Lytvyn", "Interview by phone was the only option, the lawyer said."),
        (
            "(Reporting by Iryna Bondar in Odesa; additional reporting by the Warsaw bureau; "
            "editing by Piotr Nowak)",
            "Reporting by the BBC newsroom found widespread fraud.",
        ),
    ],
)
def test_furniture_goes_and_its_look_alike_stays(furniture: str, look_alike: str) -> None:
    result = filter_furniture(f"{BODY}\n\n{furniture}\n\n{look_alike}\n\n{BODY}", layout="plain")
    assert result.dropped == (furniture,)
    assert result.text == f"{BODY}\n\n{look_alike}\n\n{BODY}"


def test_a_masthead_tagline_and_menu_above_the_title_go() -> None:
    text = (
        "Dnipro Herald\n"
        "Independent news from the Dnipro valley\n"
        "\n"
        "News | Politics | War | Culture\n"
        "\n"
        "Council votes to rebuild the Kaidatsky bridge\n"
        "\n"
        "June 3, 2024 · 4 min read · Dnipro Herald staff\n"
        "\n"
        "The city council voted on Monday to rebuild the bridge, the mayor said.\n"
        "\n"
        "The mayor said the website was down for most of the day.\n"
    )
    result = filter_furniture(text, layout="plain")
    assert result.text == (
        "The city council voted on Monday to rebuild the bridge, the mayor said.\n\n"
        "The mayor said the website was down for most of the day."
    )
    assert result.signals.title == "Council votes to rebuild the Kaidatsky bridge"
    assert [s.published for s in result.signals.stamps] == [date(2024, 6, 3)]
    assert result.signals.authors == ("Dnipro Herald staff",)


def test_a_headline_below_the_stamp_of_a_release_and_its_masthead() -> None:
    text = (
        "Ministry of Energy of Ukraine\n"
        "Official portal\n"
        "\n"
        "News | Statements | Contacts\n"
        "\n"
        "4 March 2024 - 11:20\n"
        "\n"
        "Minister meets grid operators in Lviv\n"
        "\n"
        "The minister met the heads of the regional grid operators in Lviv on Monday, the ministry said.\n"
    )
    result = filter_furniture(text, layout="plain")
    assert result.text == (
        "The minister met the heads of the regional grid operators in Lviv on Monday, the ministry said."
    )
    assert result.signals.title == "Minister meets grid operators in Lviv"


def test_a_standfirst_under_a_short_headline_stays() -> None:
    standfirst = "Traffic returns to the Kaidatsky bridge after three months of repairs"
    text = f"Dnipro Herald\n\nBridge reopens\n\nBy Marta Hrytsenko\n\nMay 4, 2025\n\n{standfirst}\n\n{BODY}"
    result = filter_furniture(text, layout="plain")
    assert result.dropped == ("Dnipro Herald", "Bridge reopens", "By Marta Hrytsenko", "May 4, 2025")
    assert result.text == f"{standfirst}\n\n{BODY}"


@pytest.mark.parametrize(
    "line",
    [
        "“We will hold the city whatever it costs” — the commander",
        "Dear colleagues,",
        "* Mayor of Sumy Oleksandr Lysenko",
        "Oksana Melnyk, 62",
        "They held the bridge.",
        "Zaluzhnyi: Hold the line",
    ],
)
def test_a_masthead_is_only_a_masthead_when_every_line_above_the_title_is_one(line: str) -> None:
    text = f"Eastline\n\n{line}\n\nThe siege of Avdiivka\n\nBy Marta Hrytsenko\n\n{BODY}"
    result = filter_furniture(text, layout="plain")
    assert result.signals.title == "The siege of Avdiivka"
    assert result.dropped == ("The siege of Avdiivka", "By Marta Hrytsenko")


def test_a_breadcrumb_and_a_composite_header_line_in_markdown() -> None:
    text = (
        "[Home](/) / [Analysis](/analysis) / Orikhiv\n"
        "\n"
        "# Analysts see slow Russian gains near Orikhiv\n"
        "\n"
        "*March 3, 2025 · 5 min read · By Taras Melnyk*\n"
        "\n"
        f"{BODY}\n"
    )
    result = filter_furniture(text, layout="markdown")
    assert result.text == BODY
    assert [s.published for s in result.signals.stamps] == [date(2025, 3, 3)]
    assert result.signals.authors == ("Taras Melnyk",)


def test_a_relative_update_after_the_date_goes_with_it() -> None:
    stamp = "June 9, 2024 10:02 AM EEST Updated 2 hours ago"
    text = f"Drones hit the port of Izmail\n\nBy Lena Sokil\n\n{stamp}\n\n{BODY}"
    result = filter_furniture(text, layout="plain")
    assert result.text == BODY
    assert stamp in result.dropped
    assert [s.published for s in result.signals.stamps] == [date(2024, 6, 9)]


def test_a_date_and_time_parted_by_a_dash_never_reach_the_first_sentence() -> None:
    text = "12 March 2025 - 09:40 Rescuers pulled two people from the rubble, the emergency service said."
    result = filter_furniture(text, layout="plain")
    assert result.text == "Rescuers pulled two people from the rubble, the emergency service said."
    assert [s.published for s in result.signals.stamps] == [date(2025, 3, 12)]


def test_a_staff_byline_counts_only_in_the_header() -> None:
    text = f"Dnipro Herald staff\n\n{BODY}\n\nMedical staff\n\n{BODY}"
    result = filter_furniture(text, layout="plain")
    assert result.dropped == ("Dnipro Herald staff",)
    assert "Medical staff" in result.text


def test_what_the_outlet_says_of_itself_at_the_end_goes_but_news_does_not() -> None:
    disclaimer = "The Meridian Wire relays reports of monitoring groups and is not affiliated with them."
    notice = f"{BODY}\n\n{disclaimer}\n\n© 2025 Meridian Wire"
    result = filter_furniture(notice, layout="plain")
    assert result.text == BODY
    for ending in (
        "The volunteer battalion is not affiliated with the army.",
        "Meridian Wire is not affiliated with the ministry, its editor said.",
        "Meridian Wire reports that the bridge was hit twice.",
    ):
        kept = filter_furniture(f"{BODY}\n\n{ending}\n\n© 2025 Meridian Wire", layout="plain")
        assert ending in kept.text


def test_a_kicker_above_the_title_never_names_the_outlet() -> None:
    # "Ukraine" above the headline is a kicker, dropped with the masthead; it is no outlet, so the
    # closing sentence about Ukraine stays.
    last = "Ukraine is ready to talk, but not to give up its land."
    text = f"Ukraine\n\nTalks in Istanbul end without a deal\n\nBy Marta Hrytsenko\n\n{BODY}\n\n{last}"
    result = filter_furniture(text, layout="plain")
    assert result.dropped[0] == "Ukraine"
    assert result.text == f"{BODY}\n\n{last}"


def test_an_appeal_naming_the_outlet_closes_the_text_but_a_slogan_does_not() -> None:
    appeal = "Support the Kharkiv Post: independent journalism needs readers like you"
    result = filter_furniture(f"{BODY}\n\nSupport for the ceasefire is growing.\n\n{appeal}", layout="plain")
    assert result.dropped == (appeal,)
    assert "Support for the ceasefire is growing." in result.text
    slogan = "Support Ukraine: the rally drew 5,000 people in Vilnius."
    assert filter_furniture(f"{BODY}\n\n{slogan}", layout="plain").dropped == ()


def test_two_lines_that_were_not_wrapped_stay_two_paragraphs() -> None:
    text = (
        f"{BODY}\n\n"
        "Residents of the eastern districts were told to stay home\n"
        "Schools in the city will reopen on Monday after the winter holidays, the mayor said."
    )
    result = filter_furniture(text, layout="plain")
    assert result.text.split("\n\n") == [
        BODY,
        "Residents of the eastern districts were told to stay home",
        "Schools in the city will reopen on Monday after the winter holidays, the mayor said.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "*Weekly conflict brief · 27 November 2026 · 6 min read*",
        "**Share this brief:** X · Facebook · LinkedIn · Email",
        "When reprinting or using any materials, a hyperlink to example.ua is mandatory.",
        "Reprinting photos without written permission of the editorial office is prohibited.",
        "Newsletter: Sign up for the World Brief, delivered every morning.",
    ],
)
def test_kicked_stamps_share_labels_reprint_rules_and_newsletter_labels_are_furniture(line: str) -> None:
    text = f"Title of the piece\n\n{line}\n\nThe council met on Monday and agreed to repair the bridge.\n"
    kept = filter_furniture(text, layout="markdown").text
    assert plain(line) not in kept and "agreed to repair the bridge" in kept


@pytest.mark.parametrize(
    "line",
    [
        "The weekly brief · the council's agenda · the vote",
        "Reprinting the report was a mistake, the editor said.",
        "The newsletter said the vote had been postponed.",
    ],
)
def test_look_alikes_of_those_lines_are_kept(line: str) -> None:
    text = f"Title of the piece\n\nThe council met on Monday.\n\n{line}\n\nThe vote is next week.\n"
    assert plain(line) in filter_furniture(text, layout="markdown").text


def test_a_desk_before_a_role_under_a_byline_is_a_role_line() -> None:
    text = "A headline about the war\n\nBy Anna Moroz\nWorld Affairs Correspondent\n\nThe town was shelled.\n"
    assert "Correspondent" not in filter_furniture(text, layout="plain").text


def test_a_short_sentence_ending_in_a_date_is_no_stamp() -> None:
    result = filter_furniture("Lyman said on March 3, 2023.", layout="plain")
    assert "Lyman said on March 3, 2023." in result.text
