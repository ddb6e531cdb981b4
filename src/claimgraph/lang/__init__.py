"""Word lists by language: one folder per language (``en/``), one word or phrase a line, ``#`` for
comments. Code asks for a list by name and language; the words live here as data, not in code, so a
language is added as a folder, not as edits across modules."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

__all__ = ["word_expansions", "word_groups", "word_list", "word_rows"]


@cache
def word_list(name: str, *, language: str = "en") -> frozenset[str]:
    """The lower-cased entries of ``lang/<language>/<name>.txt``."""
    return frozenset(_entries(name, language))


@cache
def word_groups(name: str, *, language: str = "en") -> Mapping[str, frozenset[str]]:
    """Each first word of a line of ``lang/<language>/<name>.txt`` -> the words of its line, itself
    among them: a list of words that stand for one another."""
    groups: dict[str, frozenset[str]] = {}
    for line in _entries(name, language):
        words = line.split()
        groups[words[0]] = frozenset(words)
    return MappingProxyType(groups)


@cache
def word_expansions(name: str, *, language: str = "en") -> Mapping[str, tuple[str, ...]]:
    """Each first word of a line of ``lang/<language>/<name>.txt`` -> the words after it, in their
    order: an abbreviation and what it stands for."""
    return MappingProxyType(
        {words[0]: tuple(words[1:]) for line in _entries(name, language) if (words := line.split())}
    )


@cache
def word_rows(name: str, *, language: str = "en") -> tuple[tuple[str, ...], ...]:
    """The words of each line of ``lang/<language>/<name>.txt``, in order: rows whose first word may
    repeat ("governor head regional administration", "governor head oblast administration")."""
    return tuple(words for line in _entries(name, language) if (words := tuple(line.split())))


def _entries(name: str, language: str) -> list[str]:
    text = resources.files("claimgraph").joinpath("lang", language, f"{name}.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return [line.lower() for line in lines if line and not line.startswith("#")]
