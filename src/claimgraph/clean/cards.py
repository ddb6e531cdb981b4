"""Name cards a transcript scrape printed twice.

The Kremlin's transcripts give each speaker a card: the name as "Given Surname", then "Surname Given"
with the post glued on ("Dmitry Kozak Kozak DmitryDeputy Chief of Staff of the Presidential Executive
Office: Mr President, ..."). A scrape that keeps both leaves junk words in the text and hides the turn's
label. The second form and the post glued to it are dropped, so the turn reads as the site shows it:
"... Dmitry Kozak: Mr President, ...". The post, when the card also gives it before the name ("Deputy
Chief of Staff ... Dmitry Kozak"), stays there.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["collapse_name_cards"]

# Given Surname Surname Given, the post glued to the second given name, up to the turn's colon (a
# "(retranslated)" note may stand before it).
_CARD: Final = re.compile(
    r"(?P<given>[A-Z][a-z]+(?:-[A-Z][a-z]+)?) (?P<surname>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?) "
    r"(?P=surname) (?P=given)(?=[A-Z(])[^:\n]{0,160}?:"
)


def collapse_name_cards(text: str) -> str:
    """``text`` with every doubled name card cut to "Given Surname:"."""
    return _CARD.sub(lambda m: f"{m['given']} {m['surname']}:", text)
