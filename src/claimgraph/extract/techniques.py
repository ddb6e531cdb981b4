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
``literal_scope`` (optional) widens where those words are looked for: ``passage`` reads the
sentences around the match too (about 600 characters before and 400 after), for words whose
literal sense is set by the topic of a passage rather than by one sentence ("the Nazis were driven
out" in an address on the Second World War); ``sentence`` (the default) reads the match's sentence.
``proper`` (optional, ``yes``) marks words that come from a proper noun and carry a capital
wherever they stand ("Nazis", "Banderites"): a capital tells nothing about them (see below).

Besides the entry's own ``literal_when``, some uses are never flagged, whatever the entry:

- a word talked about rather than used: glossed ("'okupanty' means occupiers", "the word 'orcs'",
  "the concept of genocide");
- a word inside a name: the capitalised name of a law, treaty, museum, memorial, day or other
  institution ("the Convention on the Prevention and Punishment of the Crime of Genocide", "the
  Kigali Genocide Memorial"), a title of a few capitalised words in quotation marks ("The Great
  Dictator"), or a capitalised common word joined to another capitalised word as part of a
  person's or a work's name ("Anne-Marie Slaughter", "Despicable Me"), unless the entry is
  ``proper``;
- a charge in a list of criminal charges ("charged with terrorism and genocide", "counts of
  murder, torture and pillage").

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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Final

from claimgraph.errors import UsageError
from claimgraph.extract.quotes import find_quotes
from claimgraph.lang import word_list
from claimgraph.models import Span, TechniqueSpan

STAGE: Final = "techniques-lexicon"
USER_STAGE: Final = "techniques-user-lexicon"
KINDS: Final = ("phrase", "stem", "regex")
COLUMNS: Final = ("pattern", "kind", "technique", "note")
OPTIONAL_COLUMNS: Final = ("literal_when", "literal_scope", "proper")
SCOPES: Final = ("sentence", "passage")

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
    # Words that, in the match's sentence (or passage), show the entry's words used in a literal sense.
    literal_when: re.Pattern[str] | None = None
    # Whether ``literal_when`` is looked for in the sentences around the match, not only in its own.
    literal_passage: bool = False
    # Whether the words come from a proper noun, so that a capital says nothing about a name.
    proper: bool = False


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
        literal_when, scope, proper = (
            row[at[c]].strip() if len(row) > at.get(c, len(row)) else "" for c in OPTIONAL_COLUMNS
        )
        if not pattern:
            raise UsageError(f"{where}: the pattern is empty")
        if kind not in KINDS:
            raise UsageError(f"{where}: kind {kind!r} is none of {', '.join(KINDS)}")
        if kind != "regex" and _REGEX_SYNTAX.search(pattern):
            raise UsageError(f"{where}: {pattern!r} reads as a regular expression; give it kind regex")
        if technique not in TECHNIQUES:
            raise UsageError(f"{where}: {technique!r} is not a technique of the persuasion taxonomy")
        if scope and scope not in SCOPES:
            raise UsageError(f"{where}: literal_scope {scope!r} is none of {', '.join(SCOPES)}")
        if proper.lower() not in ("", "yes", "no"):
            raise UsageError(f"{where}: proper {proper!r} is neither yes nor no")
        regex = _compile(pattern, kind, where=where)
        literal = _compile(literal_when, "regex", where=f"{where}, literal_when") if literal_when else None
        entries.append(
            LexiconEntry(
                pattern,
                kind,
                technique,
                note,
                stage,
                regex,
                _anchors(regex),
                literal,
                literal_passage=scope == "passage",
                proper=proper.lower() == "yes",
            )
        )
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
# The passage a ``literal_scope`` of ``passage`` reads: this much before and after the match, cut
# to whole sentences.
_PASSAGE_BEFORE: Final = 600
_PASSAGE_AFTER: Final = 400
_METALANGUAGE: Final = r"(?:word|term|slur|label|nickname|epithet|insult|slang)s?"
# A word talked about rather than used: a glossary or a translator's note ("'Okupanty' means
# occupiers", "a contemptuous word for Nazis", "the term 'orcs'", "the concept of genocide").
_MENTION_AFTER: Final = re.compile(
    rf"[\"”'’»]*\s*(?:\([^)]{{0,80}}\)\s*)?(?:means|meant|stands for|(?:is|are) (?:an? |the )?"
    rf"(?:[^\W\d_]+ ){{0,3}}{_METALANGUAGE}(?!\w))",
    re.IGNORECASE,
)
_MENTION_BEFORE: Final = re.compile(
    rf"(?<!\w)(?:means|meant|{_METALANGUAGE} for|(?:the|a|an) (?:[^\W\d_]+ ){{0,2}}{_METALANGUAGE}"
    rf"|(?:concept|notion|definition|meaning) of(?: the {_METALANGUAGE})?)"
    rf"\s*[\"“'‘«]?$",
    re.IGNORECASE,
)
# A label denied right before it: "my family are not traitors", "There are no Nazis here", "police
# deny brutality", "rejected the accusations of genocide": the words are the other side's, rejected.
_DENIED_BEFORE: Final = re.compile(
    r"(?<!\w)(?:(?:not|never|no|nor)\s+(?:(?:a|an|the|any|some)\s+)?"
    r"|(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?)\s+(?:(?:the|any|all)\s+)?"
    r"(?:(?:charges?|accusations?|claims?|allegations?)\s+(?:of\s+)?)?)$",
    re.IGNORECASE,
)
# A charge in a list of criminal charges, after the words that bring the charges in and before the
# sentence ends ("charged with murder, terrorism and genocide"). Being accused of something by the
# other side is not a charge.
_CHARGED: Final = re.compile(
    r"(?<!\w)(?:charged with|charges? (?:of|including|include|that include)|on charges|counts? of"
    r"|convicted of|indicted (?:on|for)|(?:found|pleaded|pled) (?:not )?guilty (?:of|to)|on suspicion of"
    r"|suspected of|arrested (?:on|for)|prosecuted for|sentenced (?:[^\W\d_]+ ){0,5}for)(?!\w)"
    r"[^.;!?]{0,200}$",
    re.IGNORECASE,
)
# Names: the words that join a name's capitalised words ("Museum of the Holodomor Genocide"), and
# the words that make a run of capitalised words the name of a law, an institution, a place or a
# day, so that a word inside it names rather than judges.
_NAME_JOINERS: Final = frozenset(
    {"of", "the", "on", "and", "for", "in", "to", "against", "de", "du", "la", "&"}
)
_NAME_HEADS: Final = frozenset(
    """act acts law laws code convention conventions treaty charter protocol declaration resolution
    statute covenant accord accords agreement museum memorial monument cemetery day week month
    operation institute centre center committee commission council foundation fund prize award
    order medal street square avenue park hall festival movement campaign initiative programme
    program forum conference summit society association union league party university library
    archive inc ltd llc corp company studios records""".split()
)
_NAME_TOKEN: Final = r"(?<![\w'’.\-])(?:[A-Z][\w'’.\-]*|of|the|on|and|for|in|to|against|de|du|la|&)(?![\w'’])"
_CAPITALISED_RUN_BEFORE: Final = re.compile(rf"(?:{_NAME_TOKEN} )+$")
_CAPITALISED_RUN_AFTER: Final = re.compile(rf"(?: {_NAME_TOKEN})+")
_NEIGHBOUR_BEFORE: Final = re.compile(r"(?<![\w'’])([A-Z][\w'’]*)[ \-]$")
# The next word, or a company's suffix after a comma ("Monsters, Inc.").
_NEIGHBOUR_AFTER: Final = re.compile(r" ([A-Z][\w'’]*)|, (Inc|Ltd|LLC|Corp)\b")
_OPENING_QUOTES: Final = '"“«'
_CLOSING_QUOTES: Final = '"”»'
_ARTICLES: Final = frozenset({"The", "A", "An"})


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end of the sentence around ``start:end``, as near as ``_SENTENCE_BREAK`` tells."""
    window_start = max(0, start - _CONTEXT)
    before = [m.end() for m in _SENTENCE_BREAK.finditer(text, window_start, start)]
    after = _SENTENCE_BREAK.search(text, end, end + _CONTEXT)
    return (
        before[-1] if before else window_start,
        after.start() if after else min(len(text), end + _CONTEXT),
    )


def _passage_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Whole sentences from about ``_PASSAGE_BEFORE`` characters before the match to about
    ``_PASSAGE_AFTER`` after it."""
    before = max(0, start - _PASSAGE_BEFORE)
    after = min(len(text), end + _PASSAGE_AFTER)
    return (
        min(_sentence_bounds(text, before, before)[0], start),
        max(_sentence_bounds(text, after, after)[1], end),
    )


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _name_head(word: str) -> bool:
    return _capitalised(word) and word.lower().strip(".'’") in _NAME_HEADS


def _in_name(entry: LexiconEntry, text: str, start: int, end: int, sentence_start: int) -> bool:
    """Whether the capitalised words at ``start:end`` are part of a name: of a law, an institution
    or a day (a run of capitalised words holding a word of ``_NAME_HEADS``), a title in quotation
    marks, or a person's or a work's name (a single common word joined to a capitalised one)."""
    if not _capitalised(text[start:end]):
        return False
    before = _CAPITALISED_RUN_BEFORE.search(text, max(sentence_start, start - 150), start)
    after = _CAPITALISED_RUN_AFTER.match(text, end, end + 150)
    if any(_name_head(w) for w in (after.group() if after else "").split()):
        return True  # "the Kigali Genocide Memorial", "Heroes of the Fatherland Day"
    words = (before.group() if before else "").split()
    heads = [i for i, w in enumerate(words) if _name_head(w)]
    if heads and any(w in _NAME_JOINERS for w in words[heads[-1] + 1 :]):
        return True  # "the Convention on the Prevention of Genocide", not "Victory Day Nazis"
    if entry.technique != "Slogans" and _in_quoted_title(text, start, end, sentence_start):
        return True
    if entry.proper or start == sentence_start or any(ch.isspace() for ch in text[start:end]):
        return False
    if text[sentence_start:start].rstrip()[-1:] in ":;\"“«‘'(—–":
        return False
    left = _NEIGHBOUR_BEFORE.search(text, max(sentence_start, start - 40), start)
    right = _NEIGHBOUR_AFTER.match(text, end, end + 40)
    if right is not None and right.group(2):
        return True
    return any(
        m is not None
        and m.group(1)
        and m.group(1).lower() not in _NAME_JOINERS
        and m.start(1) != sentence_start
        for m in (left, right)
    )


def _in_quoted_title(text: str, start: int, end: int, sentence_start: int) -> bool:
    """Whether ``start:end`` lies in a short quotation of capitalised words: a title ("The Great
    Dictator"), of two words when the first is an article, else of three to eight."""
    opening = max(text.rfind(q, max(sentence_start, start - 80), start) for q in _OPENING_QUOTES)
    if opening < 0:
        return False
    closings = [i for q in _CLOSING_QUOTES if (i := text.find(q, end, end + 80)) >= 0]
    if not closings:
        return False
    words = text[opening + 1 : min(closings)].split()
    if any(not re.fullmatch(r"[\w'’\-]+", w) for w in words):
        return False
    if not 2 <= len(words) <= 8 or (len(words) == 2 and words[0] not in _ARTICLES):
        return False
    return _capitalised(words[0]) and all(_capitalised(w) or w in _NAME_JOINERS for w in words)


def _not_used(entry: LexiconEntry, text: str, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` are mentioned rather than used, part of a name or of a
    list of charges, or used in the literal sense the entry's ``literal_when`` describes."""
    if _MENTION_AFTER.match(text, end, end + 120) or _MENTION_BEFORE.search(text, max(0, start - 60), start):
        return True
    if entry.technique in _LABELS and _DENIED_BEFORE.search(text, max(0, start - 60), start):
        return True
    sentence_start, sentence_end = _sentence_bounds(text, start, end)
    if _in_name(entry, text, start, end, sentence_start) or _CHARGED.search(text, sentence_start, start):
        return True
    if entry.literal_when is None:
        return False
    if entry.literal_passage:
        sentence_start, sentence_end = _passage_bounds(text, start, end)
    return entry.literal_when.search(text, sentence_start, sentence_end) is not None


# Techniques that name someone or something, which a denial right before rejects.
_LABELS: Final = frozenset({"Name_Calling-Labeling", "Loaded_Language", "Reductio_ad_hitlerum"})


def _literal(word: str) -> str:
    # An apostrophe in a phrase stands for every way copy writes one ("Putin's", "Putin’s").
    return "".join(f"[{_APOSTROPHES}]" if ch in _APOSTROPHES else re.escape(ch) for ch in word)


def _about_fiction(text: str) -> bool:
    """Whether a text tells of a game, a film or a book rather than of public affairs: words of
    fiction, at least five and ``_FICTION_DENSITY`` in a thousand, and more of them than words of war and
    government (a game wiki's "nightmares", a review's "Nazi regime" of a game set in the 1930s)."""
    words = _WORD.findall(text.lower())
    if not words:
        return False
    fiction = sum(word in word_list("fiction_words") for word in words)
    public = sum(word in word_list("public_affairs_words") for word in words)
    return fiction >= _FICTION_WORDS and fiction * 1000 >= _FICTION_DENSITY * len(words) and fiction > public


_WORD: Final = re.compile(r"[^\W\d_]+")
_FICTION_DENSITY: Final = 5
_FICTION_WORDS: Final = 5  # fewer tell nothing of a page's kind


def spoken_spans(statements: Iterable[tuple[int, int, str, str]]) -> list[tuple[int, int]]:
    """The (start, end) of the statement contents that are words reported as someone's, from each
    statement's (start, end, cue, speaker as written). A view the text states in its own first person
    ("I'm sure that ...", "we expect ...", "we have no doubt ...", in an address) is the text's own
    voice: its author's words, not speech it reports."""
    return [
        (start, end)
        for start, end, cue, speaker in statements
        if not (speaker.lower() in _FIRST_PERSON and set(cue.lower().split()) & _STATED_VIEWS)
    ]


_FIRST_PERSON: Final = frozenset({"i", "we"})
# The cue words of a view held rather than words said ("sure", "expect", "doubt").
_STATED_VIEWS: Final = frozenset(
    "sure convinced confident certain expect expects expected believe believes believed think thinks thought "
    "hope hopes hoped doubt doubts doubted feel feels felt".split()
)


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
    if _about_fiction(text):
        return []
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
