"""Word lists by language: one folder per language (``en/``), one word or phrase a line, ``#`` for
comments. Code asks for a list by name and language; the words live here as data, not in code, so a
language is added as a folder, not as edits across modules."""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["word_list"]


@cache
def word_list(name: str, *, language: str = "en") -> frozenset[str]:
    """The lower-cased entries of ``lang/<language>/<name>.txt``."""
    text = resources.files("claimgraph").joinpath("lang", language, f"{name}.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return frozenset(line.lower() for line in lines if line and not line.startswith("#"))
