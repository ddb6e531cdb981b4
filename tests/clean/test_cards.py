from __future__ import annotations

import pytest

from claimgraph.clean.cards import collapse_name_cards


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Please, Mr Kozak. Deputy Head of the Office Dmitry Kozak Kozak DmitryDeputy Head of the Office: "
            "Mr President, thank you.",
            "Please, Mr Kozak. Deputy Head of the Office Dmitry Kozak: Mr President, thank you.",
        ),
        (
            "Welcome! President of Palestine Mahmoud Abbas Abbas MahmoudPresident of Palestine"
            "(retranslated): "
            "Thank you.",
            "Welcome! President of Palestine Mahmoud Abbas: Thank you.",
        ),
        (
            "Minister Olena Kovalenko Kovalenko OlenaMinister of Health : Good afternoon.",
            "Minister Olena Kovalenko: Good afternoon.",
        ),
    ],
)
def test_a_name_card_printed_twice_is_cut_to_the_name(text: str, expected: str) -> None:
    assert collapse_name_cards(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Anna Anna said: no.",
        "Dmitry Kozak said: Kozak Dmitry is how the list writes it.",
        "The Kozak Kozak Bridge: a local name.",
    ],
)
def test_text_that_only_repeats_words_is_left_alone(text: str) -> None:
    assert collapse_name_cards(text) == text
