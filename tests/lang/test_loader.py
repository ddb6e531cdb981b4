from __future__ import annotations

from claimgraph.lang import word_expansions, word_groups, word_list


def test_a_list_is_its_lower_cased_entries_without_comments() -> None:
    agencies = word_list("news_agencies")
    assert "tass" in agencies and "ria novosti" in agencies
    assert not any(entry.startswith("#") for entry in agencies)


def test_a_group_holds_its_first_word_among_its_words() -> None:
    assert word_groups("name_word_equivalents")["regional"] >= {"regional", "oblast", "region"}


def test_an_expansion_keeps_the_order_of_its_words() -> None:
    assert word_expansions("name_abbreviations")["ova"] == ("oblast", "military", "administration")
    assert word_expansions("calling_verbs")["call"] == ("for", "upon")
