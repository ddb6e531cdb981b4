"""Letters that regular expressions compiled with IGNORECASE take for ASCII letters.

Python's ``re`` matches "ſep" (with a long s) for ``sep``, "Km" (with the Kelvin sign) for
``km``, and "İ" or "ı" for ``i``; yet ``str.lower()`` of what matched is no key of the tables
those patterns index ("ſep", "i̇"), which raised KeyError deep inside the extractors. They scan
a copy of the text with these letters replaced one for one, so every offset still points into the
original.
"""

from __future__ import annotations

from typing import Final

_TWINS: Final = str.maketrans({"\u017f": "s", "\u212a": "K", "\u0131": "i", "\u0130": "I"})


def ascii_twins(text: str) -> str:
    """``text`` with the non-ASCII twins of ASCII letters replaced; the same length, character for
    character."""
    return text.translate(_TWINS)
