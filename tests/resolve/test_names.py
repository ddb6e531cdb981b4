from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.resolve.names import acronym, display_form, fold, name_keys, near


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mykhaylo Podolyak", "Mykhailo Podolyak"),
        ("Prigozhin", "Prigozin"),
        ("Syrskyi", "Syrsky"),
        ("Yusov", "Usov"),
        ("Yusoff", "Usov"),
        ("Sergei Shoigu", "Sergey Shoigu"),
        ("Бахмут", "Bakhmut"),
        ("Пригожин", "Prigozhin"),
        ("Зеленський", "Zelenskyy"),
        ("Kupiansk", "Kupyansk"),
        ("Sievierodonetsk", "Severodonetsk"),
    ],
)
def test_spellings_of_one_name_share_keys(a: str, b: str) -> None:
    assert name_keys(a) == name_keys(b)


@pytest.mark.parametrize(("a", "b"), [("Putin", "Pushin"), ("Luhansk", "Lutsk"), ("Kherson", "Kharkiv")])
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert name_keys(a) != name_keys(b)


def test_numbers_are_part_of_a_name() -> None:
    assert name_keys("24th Mechanized Brigade") != name_keys("47th Mechanized Brigade")


def test_near_allows_one_edit_on_long_keys_only() -> None:
    assert near("prigozin", "prigozyn")
    assert near("zelenski", "zelenksi")  # two letters swapped
    assert not near("putin", "patin")  # too short to tell a typo from another name
    assert not near("ivanov", "ivanova")  # the feminine form is another person
    assert not near("shoigu", "shoigu" + "xx")


def test_titles_go_only_from_people() -> None:
    assert display_form("Defense Minister Sergei Shoigu", person=True) == "Sergei Shoigu"
    assert display_form("the Russian Federation") == "Russian Federation"
    assert display_form("the Kremlin's") == "Kremlin"


def test_acronym_of_capitalised_words() -> None:
    assert acronym("Institute for the Study of War") == "ISW"
    assert acronym("Armed Forces of Ukraine") == "AFU"
    assert acronym("Wagner") == ""


@given(st.text(max_size=80))
def test_keys_are_plain_lowercase_letters_for_any_text(text: str) -> None:
    keys = name_keys(text, person=True)
    assert all(key and key.isascii() and key.isalnum() and key == key.lower() for key in keys)
    assert fold(fold(text)) == fold(text)
