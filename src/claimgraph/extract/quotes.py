"""Quotation spans in running text: straight and curly double quotes, guillemets, doubled apostrophes
(``''``), nesting, and quotes that run on across paragraphs.

Straight quotes do not say whether they open or close, so each mark is read from its neighbours: a
mark after a space and before a letter opens, one after a letter and before a space or punctuation
closes. A stack pairs them, which also handles a straight quote nested in a straight quote
(``"The so-called "battle for Donbas" has ..."``). A quote still open at the end of a paragraph runs
to that paragraph's end and is flagged ``runs_on``: the news convention is that the next paragraph
reopens it without the first one closing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

_OPENERS: Final = frozenset("“«„")
_CLOSERS: Final = frozenset("”»")
_AMBIGUOUS: Final = frozenset('"')
_ALL_MARKS: Final = _OPENERS | _CLOSERS | _AMBIGUOUS
_OPEN_CONTEXT: Final = frozenset(" \t\n([{—–-/:;")


@dataclass(frozen=True, slots=True)
class Quote:
    """``start``/``end`` include the marks; ``inner_start``/``inner_end`` are the quoted words."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    depth: int
    runs_on: bool = False


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in ``text``, outer before inner, in order of their opening marks."""
    quotes: list[Quote] = []
    paragraph_start = 0
    while paragraph_start < len(text):
        paragraph_end = text.find("\n\n", paragraph_start)
        if paragraph_end < 0:
            paragraph_end = len(text)
        found = _paragraph_quotes(text, paragraph_start, paragraph_end)
        quotes.extend(found or _single_quotes(text, paragraph_start, paragraph_end))
        paragraph_start = paragraph_end + 2
    return sorted(quotes, key=lambda q: (q.start, q.depth))


def _paragraph_quotes(text: str, start: int, end: int) -> list[Quote]:
    found: list[Quote] = []
    stack: list[tuple[int, int]] = []  # (position, width) of each open mark
    i = start
    while i < end:
        mark, width = _mark_at(text, i, end)
        if not mark:
            i += 1
            continue
        before = text[i - 1] if i > start else " "
        after = text[i + width] if i + width < end else " "
        if _opens(mark, before, after, open_quotes=len(stack)) or _glued_opening(
            text, i + width, end, mark, before, after, open_quotes=len(stack)
        ):
            unclosed = _closed_by_a_sentence_end(text, stack[-1], i) if stack and mark in _OPENERS else None
            if unclosed is not None:
                # '“poppycock, unless you count the dead vote.? In 2013, he wrote that X had “whined”':
                # a curly opening mark inside a curly quotation that a sentence has ended since opens a
                # new one; the first lost its closing mark (to a bad encoding) at that sentence's end.
                opened, opened_width = stack.pop()
                found.append(Quote(opened, unclosed, opened + opened_width, unclosed, depth=len(stack)))
            stack.append((i, width))
        elif stack:
            opened, opened_width = stack.pop()
            found.append(Quote(opened, i + width, opened + opened_width, i, depth=len(stack)))
            if stack and _closes_its_outer_quote(text, i + width, end, mark, stack):
                # '"We cannot decide for those who say: "No, we will not talk".  According to ...': one
                # mark closed the inner quotation and the outer one at the end of their sentence.
                opened, opened_width = stack.pop()
                found.append(Quote(opened, i + width, opened + opened_width, i, depth=len(stack)))
        i += width
    if stack:
        # The outermost unclosed quote runs on to the paragraph's end; inner unclosed marks are noise.
        opened, opened_width = stack[0]
        inner_end = end
        while inner_end > opened + opened_width and text[inner_end - 1].isspace():
            inner_end -= 1
        found.append(Quote(opened, inner_end, opened + opened_width, inner_end, depth=0, runs_on=True))
    return found


def _glued_opening(
    text: str, after_mark: int, end: int, mark: str, before: str, after: str, *, open_quotes: int
) -> bool:
    """A straight mark with letters on both sides inside a quotation ('bequeathed to"collect sacred
    relics." Your work ...', spaces lost in a scrape) opens an inner quotation when the paragraph
    holds enough marks after it to close that and every quotation open."""
    if mark not in _AMBIGUOUS or not open_quotes or not (before.isalnum() and after.isalnum()):
        return False
    return text.count('"', after_mark, end) >= open_quotes + 1


def _closes_its_outer_quote(
    text: str, after_mark: int, end: int, mark: str, stack: list[tuple[int, int]]
) -> bool:
    """Whether a straight mark closing an inner quotation at the end of a sentence closes the one
    quotation still open too, opened by a straight mark: when the straight marks left in the
    paragraph cannot close it in pairs of their own."""
    if mark not in _AMBIGUOUS or len(stack) != 1 or text[stack[0][0]] not in _AMBIGUOUS:
        return False
    if not _SENTENCE_AFTER_A_MARK.match(text, after_mark):
        return False
    return text.count('"', after_mark, end) % 2 == 0


# The end of a sentence right after a closing mark, and the capital of the next one.
_SENTENCE_AFTER_A_MARK: Final = re.compile(r"[.!?…]\s+(?=[A-Z])")


def _closed_by_a_sentence_end(text: str, opened: tuple[int, int], at: int) -> int | None:
    """Where a curly quotation opened at ``opened`` must have closed, when a sentence has ended and a
    new one begun between it and a curly opening mark at ``at``: the end of that sentence."""
    position, width = opened
    if text[position] not in _OPENERS:
        return None
    ends = list(_SENTENCE_END.finditer(text, position + width, at))
    return ends[-1].start() + len(ends[-1].group(1)) if ends else None


# A sentence's end and the capital of the next; a lost closing mark often comes out as "?".
_SENTENCE_END: Final = re.compile(r"([.!?…][?”\"]?)\s+(?=[A-Z])")


# British-style quotations in single marks: 'We are on a rapid trajectory. So it is time to act,' said
# the governor. An apostrophe can look like either mark ("it's", "the boys' bikes"), so a mark opens
# only before a capital, after a space or a dash, and closes only after the sentence's punctuation.
_SINGLE_OPENING: Final = re.compile(r"(?:^|(?<=[\s(—–-]))['‘](?=[A-Z])")
_SINGLE_CLOSING: Final = re.compile(r"(?<=[,.!?…])['’](?=\s|$|[)—–-])")


def _single_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quotations in single marks in a paragraph with no double ones; not nested."""
    found: list[Quote] = []
    at = start
    while (opening := _SINGLE_OPENING.search(text, at, end)) is not None:
        closing = _SINGLE_CLOSING.search(text, opening.end(), end)
        if closing is None:
            break
        following = _SINGLE_OPENING.search(text, opening.end(), closing.start())
        if following is not None:
            at = following.start()  # an opening mark with no close before the next one: a stray
            continue
        found.append(Quote(opening.start(), closing.end(), opening.end(), closing.start(), depth=0))
        at = closing.end()
    return found


def _mark_at(text: str, i: int, end: int) -> tuple[str, int]:
    """The quotation mark starting at ``i`` and its width, or ``("", 0)``. Typewriter-era copy (and
    text converted from it) writes a double quote as two apostrophes, or opens it with two backticks."""
    ch = text[i]
    if ch in _ALL_MARKS:
        return ch, 1
    pair = text[i : i + 2] if i + 1 < end else ""
    if pair == "''":
        return '"', 2
    if pair == "``":
        return "“", 2
    return "", 0


def _opens(mark: str, before: str, after: str, *, open_quotes: int) -> bool:
    spaced_before = before.isspace() or before in _OPEN_CONTEXT
    spaced_after = after.isspace() or after in ",.;:!?)]}"
    if spaced_before and not spaced_after:
        return mark not in _CLOSERS or open_quotes == 0
    if spaced_after and not spaced_before:
        return mark in _OPENERS and open_quotes == 0
    if mark in _OPENERS:
        return True
    if mark in _CLOSERS:
        return False
    return open_quotes == 0
