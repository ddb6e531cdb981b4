"""Outlet names from web addresses."""

from __future__ import annotations

import pytest

from claimgraph.clean.outlets import OUTLETS, hostname, known_outlet, name_from_domain, outlet_for_url


@pytest.mark.parametrize(
    ("url", "name", "from_table"),
    [
        ("https://www.themoscowtimes.com/2023/03/07/x", "The Moscow Times", True),
        ("https://www.newsweek.com/russia-1234", "Newsweek", True),
        ("https://english.nv.ua/nation/x.html", "NV", True),
        ("https://www.pravda.com.ua/eng/news/2023/03/07/1/", "Ukrainska Pravda", True),
        ("kyivindependent.com/x", "The Kyiv Independent", True),
        ("https://zarechna-herald.com.ua/war/1", "Zarechna Herald", False),
        ("https://eastline.example/2024/03/14/x", "Eastline", False),
        ("not a url", None, False),
        ("https://localhost/x", None, False),
    ],
)
def test_outlet_for_url(url: str, name: str | None, from_table: bool) -> None:
    assert outlet_for_url(url) == (name, from_table)


def test_a_subdomain_falls_back_to_its_parent_only_through_the_table() -> None:
    assert known_outlet("edition.cnn.com") == "CNN"
    assert known_outlet("notnewsweek.com") is None


def test_name_from_domain_needs_letters() -> None:
    assert name_from_domain("123.com") is None
    assert hostname("HTTPS://WWW.BBC.CO.UK/news") == "bbc.co.uk"


def test_the_table_covers_the_outlets_the_corpus_is_about() -> None:
    assert len(OUTLETS) >= 60
    for domain in (
        "kyivindependent.com",
        "pravda.com.ua",
        "ukrinform.net",
        "meduza.io",
        "tass.com",
        "ria.ru",
    ):
        assert domain in OUTLETS
    for domain in ("interfax.ru", "reuters.com", "apnews.com", "bbc.com", "nytimes.com"):
        assert domain in OUTLETS
