"""Loaded language and persuasion techniques, span by span, from curated lexicons.

A lexicon is a CSV file with the columns ``pattern, kind, technique, note`` (lines starting with ``#``
are comments). ``kind`` says how the pattern is read:

- ``phrase``: the words as written, in any case, with any run of spaces or hyphens between them
  ("meat grinder" also finds "meat-grinder" and "meatgrinder");
- ``stem``: a phrase whose last word may take an ending of up to three letters, for inflections
  and plurals ("occupier" finds "occupiers", "окупант" finds "окупантів");
- ``regex``: a Python regular expression, for transliteration variants and for words a stem would
  over-match ("orcs?" must not find "orchestra").

Every pattern matches whole words only, without regard to case. ``technique`` is a name of the
SemEval/CheckThat! persuasion taxonomy (``TECHNIQUES``); ``note`` says why the words persuade rather
than inform. The bundled lexicon is ``claimgraph/data/techniques.csv``; a user's own file (the
``techniques_lexicon`` setting) is read beside it and wins where both match the same words, so a
user can relabel a bundled entry as well as add new ones.

An optional fifth column, ``literal_when``, holds a regular expression for words that show the
entry's words used in a literal sense when they stand in the same sentence: "orcs" beside Tolkien
or a film, a "meat grinder" beside a kitchen, a "clown" at a circus. Such matches are not flagged.

Where matches overlap, the one starting first wins, then the longer ("neo-Nazis" over "Nazis"), then
the entry read first. Whose words a span is (``voice``): "speaker" when it lies inside a quotation
or the content of an attributed statement, else "outlet".

Each entry's regular expression is costly to run over a whole article (the leading whole-word check
defeats the engine's literal scan), so every entry carries the literal strings any match must
contain (its ``anchors``, read off the parsed pattern); an entry runs only over texts whose
lowercased form holds them, which is about a tenth of the entries for a typical article.
"""

from __future__ import annotations

import csv
import functools
import importlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Final

from claimgraph.errors import UsageError
from claimgraph.extract.quotes import find_quotes
from claimgraph.models import Span, TechniqueSpan

STAGE: Final = "techniques-lexicon"
USER_STAGE: Final = "techniques-user-lexicon"
KINDS: Final = ("phrase", "stem", "regex")
COLUMNS: Final = ("pattern", "kind", "technique", "note")
OPTIONAL_COLUMNS: Final = ("literal_when",)

TECHNIQUES: Final = frozenset(
    {
        "Name_Calling-Labeling",
        "Loaded_Language",
        "Appeal_to_Fear-Prejudice",
        "Doubt",
        "Exaggeration-Minimisation",
        "Flag_Waving",
        "Repetition",
        "Slogans",
        "Whataboutism",
        "Causal_Oversimplification",
        "Black-and-White_Fallacy",
        "Thought-terminating_Cliches",
        "Appeal_to_Authority",
        "Bandwagon",
        "Red_Herring",
        "Straw_Man",
        "Obfuscation-Vagueness-Confusion",
        "Reductio_ad_hitlerum",
        "Appeal_to_Hypocrisy",
        "Guilt_by_Association",
        "Appeal_to_Values",
        "Appeal_to_Popularity",
        "Conversation_Killer",
        "Questioning_the_Reputation",
    }
)
"""The technique names a lexicon may use: those of SemEval-2020 task 11 and SemEval-2023 task 3."""

# Spaces and hyphens of every width that news copy puts between the words of a phrase.
_JOINER: Final = r"[\s\-\u2010\u2011\u2012\u2013]*"
_APOSTROPHES: Final = "'\u2019\u02bc"
_STEM_ENDING: Final = r"[^\W\d_]{0,3}"
# Written into a phrase or stem, these would be matched as the characters themselves.
_REGEX_SYNTAX: Final = re.compile(r"\(\?|[|\\\[]")


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    pattern: str
    kind: str
    technique: str
    note: str
    stage: str
    regex: re.Pattern[str]
    # Sets of lowercase literals: every match contains one of each set. None when there are none.
    anchors: tuple[frozenset[str], ...] | None
    # Words that, in the match's sentence, show the entry's words used in a literal sense.
    literal_when: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Entries in the order they win ties: a user's file before the bundled one."""

    entries: tuple[LexiconEntry, ...]


def bundled_lexicon_text() -> str:
    return resources.files("claimgraph").joinpath("data", "techniques.csv").read_text(encoding="utf-8")


@functools.lru_cache(maxsize=8)
def load_lexicon(user_file: str | None = None) -> Lexicon:
    """The bundled lexicon, with the entries of ``user_file`` (a path) ahead of it when given.
    Cached per path: ingest asks once per document."""
    bundled = parse_lexicon(bundled_lexicon_text(), origin="the bundled techniques lexicon", stage=STAGE)
    if user_file is None:
        return Lexicon(bundled)
    path = Path(user_file)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the techniques lexicon ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: the techniques lexicon is not UTF-8 text ({exc})") from exc
    return Lexicon(parse_lexicon(text, origin=str(path), stage=USER_STAGE) + bundled)


def parse_lexicon(text: str, *, origin: str, stage: str) -> tuple[LexiconEntry, ...]:
    """The entries of a lexicon file's text; an error names ``origin`` and the line at fault."""
    # Comments go before the CSV reader sees the text, keeping line numbers for messages.
    numbered = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if not line.startswith("#")]
    numbered = [(n, line) for n, line in numbered if line.strip()]
    if not numbered:
        return ()
    # One row a line, so that a message can name the line.
    rows = [next(csv.reader([line])) for _, line in numbered]
    header = [cell.strip().lower() for cell in rows[0]]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise UsageError(f"{origin}: a techniques lexicon needs the column(s) {', '.join(missing)}")
    at = {name: header.index(name) for name in COLUMNS + OPTIONAL_COLUMNS if name in header}
    required = max(at[c] for c in COLUMNS) + 1
    entries = []
    for (line, _), row in zip(numbered[1:], rows[1:], strict=True):
        where = f"{origin}, line {line}"
        if len(row) < required:
            raise UsageError(f"{where}: expected {len(header)} columns, found {len(row)}")
        pattern, kind, technique, note = (row[at[c]].strip() for c in COLUMNS)
        literal_when = row[at["literal_when"]].strip() if len(row) > at.get("literal_when", len(row)) else ""
        if not pattern:
            raise UsageError(f"{where}: the pattern is empty")
        if kind not in KINDS:
            raise UsageError(f"{where}: kind {kind!r} is none of {', '.join(KINDS)}")
        if kind != "regex" and _REGEX_SYNTAX.search(pattern):
            raise UsageError(f"{where}: {pattern!r} reads as a regular expression; give it kind regex")
        if technique not in TECHNIQUES:
            raise UsageError(f"{where}: {technique!r} is not a technique of the persuasion taxonomy")
        regex = _compile(pattern, kind, where=where)
        literal = _compile(literal_when, "regex", where=f"{where}, literal_when") if literal_when else None
        entries.append(LexiconEntry(pattern, kind, technique, note, stage, regex, _anchors(regex), literal))
    return tuple(entries)


def _compile(pattern: str, kind: str, *, where: str) -> re.Pattern[str]:
    if kind == "regex":
        body = pattern
    else:
        words = [w for w in re.split(r"[\s\-]+", pattern) if w]
        escaped = [_literal(word) for word in words]
        if kind == "stem":
            escaped[-1] += _STEM_ENDING
        body = _JOINER.join(escaped)
    try:
        compiled = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
    except re.error as exc:
        raise UsageError(f"{where}: not a valid pattern ({exc})") from exc
    if compiled.search(""):
        raise UsageError(f"{where}: the pattern matches empty text")
    return compiled


# Anchors are only trusted in letters whose case folding we check in each text (see _folds_plainly).
# The standard library's own parser of patterns (untyped, and private: a Python without it only
# loses the anchors' speed, never a match).
try:
    regex_parser: Any = importlib.import_module("re._parser")
except ImportError:
    regex_parser = None

_ANCHOR_ALPHABET: Final = frozenset(
    [chr(c) for c in range(0x20, 0x7F)] + [chr(c) for c in range(0x400, 0x500)]
)
_ALPHABET_CLASS: Final = re.compile(
    "[" + "".join(re.escape(ch) for ch in sorted(_ANCHOR_ALPHABET)) + "]", re.IGNORECASE
)


def _anchors(regex: re.Pattern[str]) -> tuple[frozenset[str], ...] | None:
    try:
        found = _required_literals(list(regex_parser.parse(regex.pattern, regex.flags)))
    except Exception:  # no parser, or one of another shape: the entry just always runs
        return None
    required = [
        frozenset(a.lower() for a in group)
        for group in found
        if all(set(a) <= _ANCHOR_ALPHABET for a in group)
    ]
    return tuple(required) or None


def _required_literals(items: list[tuple[object, object]]) -> list[frozenset[str]]:
    """Sets of strings such that every match of the parsed ``items`` contains one string of each
    set: the runs of literal characters, and the alternatives of a group or branch."""
    c = regex_parser
    required: list[frozenset[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op is c.LITERAL and isinstance(arg, int):
            run.append(chr(arg))
            continue
        if run:
            required.append(frozenset(["".join(run)]))
            run = []
        if op is c.SUBPATTERN and isinstance(arg, tuple):
            required += _required_literals(list(arg[-1]))
        elif op is c.BRANCH and isinstance(arg, tuple):
            branches = [_best(_required_literals(list(branch))) for branch in arg[1]]
            if all(branches):
                required.append(frozenset().union(*branches))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and isinstance(arg, tuple) and arg[0] >= 1:
            required += _required_literals(list(arg[2]))
    if run:
        required.append(frozenset(["".join(run)]))
    return required


def _best(required: list[frozenset[str]]) -> frozenset[str]:
    """The set of ``required`` whose shortest string is longest (empty when there is none)."""
    return max(required, key=lambda s: min(map(len, s)), default=frozenset())


@functools.lru_cache(maxsize=4096)
def _folds_plainly(ch: str) -> bool:
    """Whether a text's lowercased form keeps every anchor match of ``ch``: the regular expressions
    match without regard to case by the engine's own folding (the long s matches "s", the Kelvin
    sign "k"), which ``str.lower`` need not share."""
    if not _ALPHABET_CLASS.match(ch):
        return True
    lower = ch.lower()
    if len(lower) != 1:
        return False
    return all(a.lower() == lower for a in _ANCHOR_ALPHABET if re.fullmatch(re.escape(a), ch, re.IGNORECASE))


# Where one sentence ends and the next begins, near enough for telling a literal sense by context.
_SENTENCE_BREAK: Final = re.compile(r"(?<=[.!?])[\"'”»’)]*\s+|\n")
_CONTEXT: Final = 400
_METALANGUAGE: Final = r"(?:word|term|slur|label|nickname|epithet|insult|slang)s?"
# A word talked about rather than used: a glossary or a translator's note ("'Okupanty' means
# occupiers", "a contemptuous word for Nazis", "the term 'orcs'").
_MENTION_AFTER: Final = re.compile(
    rf"[\"”'’»]*\s*(?:\([^)]{{0,80}}\)\s*)?(?:means|meant|stands for|(?:is|are) (?:an? |the )?"
    rf"(?:[^\W\d_]+ ){{0,3}}{_METALANGUAGE}(?!\w))",
    re.IGNORECASE,
)
_MENTION_BEFORE: Final = re.compile(
    rf"(?<!\w)(?:means|meant|{_METALANGUAGE} for|(?:the|a|an) (?:[^\W\d_]+ ){{0,2}}{_METALANGUAGE})"
    rf"\s*[\"“'‘«]?$",
    re.IGNORECASE,
)


def _not_used(entry: LexiconEntry, text: str, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` are mentioned rather than used, or used in the literal
    sense the entry's ``literal_when`` describes."""
    if _MENTION_AFTER.match(text, end, end + 120) or _MENTION_BEFORE.search(text, max(0, start - 60), start):
        return True
    if entry.literal_when is None:
        return False
    window_start = max(0, start - _CONTEXT)
    before = [m.end() for m in _SENTENCE_BREAK.finditer(text, window_start, start)]
    after = _SENTENCE_BREAK.search(text, end, end + _CONTEXT)
    sentence_start = before[-1] if before else window_start
    sentence_end = after.start() if after else min(len(text), end + _CONTEXT)
    return entry.literal_when.search(text, sentence_start, sentence_end) is not None


def _literal(word: str) -> str:
    # An apostrophe in a phrase stands for every way copy writes one ("Putin's", "Putin’s").
    return "".join(f"[{_APOSTROPHES}]" if ch in _APOSTROPHES else re.escape(ch) for ch in word)


def find_techniques(
    doc_id: str,
    text: str,
    *,
    speech: Sequence[tuple[int, int]] = (),
    lexicon: Lexicon | None = None,
) -> list[TechniqueSpan]:
    """The technique spans of one document's cleaned text, in text order. ``speech`` holds the
    (start, end) of words attributed to a speaker besides the quotations found in ``text``, such as
    the content of indirect statements."""
    lexicon = lexicon if lexicon is not None else load_lexicon()
    lowered = text.lower() if all(_folds_plainly(ch) for ch in set(text)) else None
    found: list[tuple[int, int, int, LexiconEntry]] = []
    for rank, entry in enumerate(lexicon.entries):
        anchors = entry.anchors
        if (
            lowered is not None
            and anchors is not None
            and not all(any(a in lowered for a in group) for group in anchors)
        ):
            continue
        for match in entry.regex.finditer(text):
            if match.end() > match.start() and not _not_used(entry, text, match.start(), match.end()):
                found.append((match.start(), match.end(), rank, entry))
    if not found:
        return []
    found.sort(key=lambda f: (f[0], f[0] - f[1], f[2]))
    spoken = [(q.inner_start, q.inner_end) for q in find_quotes(text)] + list(speech)
    out: list[TechniqueSpan] = []
    reached = 0
    for start, end, _, entry in found:
        if start < reached:
            continue
        reached = end
        voice = "speaker" if any(s <= start and end <= e for s, e in spoken) else "outlet"
        out.append(
            TechniqueSpan(
                span=Span(doc_id, start, end),
                text=text[start:end],
                technique=entry.technique,
                rule=entry.pattern,
                voice=voice,
                stage=entry.stage,
            )
        )
    return out
