"""Which encoding an article's bytes are in, and repairing text that was decoded in the wrong one.

The order of evidence, strongest first:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. the bytes being valid UTF-8 (legacy 8-bit text practically never is, past a few letters);
3. for HTML, the charset the page declares (``<meta charset>``, ``http-equiv`` or an XML
   declaration), when the bytes decode in it and read no less plausibly than our own guess;
4. otherwise an 8-bit guess: Cyrillic (cp1251, KOI8-R, KOI8-U) or Western (cp1252, which also
   reads latin-1). Cyrillic is chosen when, read as cp1251, the high bytes make words of Cyrillic
   letters alone rather than Latin words with odd letters inside; between the Cyrillic code pages
   the one whose text is the more plausible Russian/Ukrainian wins: letter frequencies, letter case
   (KOI8 read as cp1251, and the reverse, swaps upper and lower case) and no box-drawing characters.

Every step is a fixed rule over the bytes, so the same bytes always give the same text. Mojibake
(UTF-8 that was once decoded as cp1252, latin-1 or cp1251 and saved again) is repaired by
``repair_mojibake`` with ftfy's encoding fixer, and only by it: a line is changed only when
re-encoding its garbled characters gives valid UTF-8 and ftfy judges the result less garbled.
"""

from __future__ import annotations

import codecs
import itertools
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from ftfy import TextFixerConfig, apply_plan, fix_encoding_and_explain

__all__ = [
    "Decoded",
    "bom_encoding",
    "cyrillic_plausibility",
    "declared_charset",
    "decode_bytes",
    "decode_with",
    "guess_8bit",
    "repair_mojibake",
]

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Guessing reads only the start of a file: enough text to decide, and a bounded cost per file.
_SAMPLE_BYTES: Final = 32_768
_DECLARATION_BYTES: Final = 4096

_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+?encoding\s*=\s*["']([\w.:-]+)""", re.IGNORECASE)

# What browsers do with these labels (the WHATWG Encoding Standard): latin-1 and ASCII pages are
# read as windows-1252, whose extra characters (curly quotes, dashes) such pages do use.
_LABELS: Final = {
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso_8859-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1252": "cp1252",
    "x-cp1252": "cp1252",
    "windows-1251": "cp1251",
    "x-cp1251": "cp1251",
    "koi8": "koi8-r",
    "koi8r": "koi8-r",
    "cskoi8r": "koi8-r",
    "koi8-ru": "koi8-u",
}
# Python codecs a page may name that are not character sets: a declaration of one is ignored.
_NOT_CHARSETS: Final = frozenset(
    {"undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "utf-7", "mbcs", "oem"}
)

_CYRILLIC_CODECS: Final = ("cp1251", "koi8-r", "koi8-u")
_WESTERN_CODEC: Final = "cp1252"


def _whatwg_table(codec: str) -> str:
    # Bytes a Windows code page leaves undefined map to the code point of the same number, as in
    # browsers, so that no byte sequence fails to decode.
    chars = []
    for byte in range(256):
        try:
            chars.append(bytes([byte]).decode(codec))
        except UnicodeDecodeError:
            chars.append(chr(byte))
    return "".join(chars)


_TABLES: Final = {codec: _whatwg_table(codec) for codec in ("cp1251", "cp1252")}


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # the codec the bytes were read with: utf-8, utf-16, cp1251, koi8-u, ...
    declared: str | None = None  # the page's declared charset, when it named a known one


def bom_encoding(data: bytes) -> str | None:
    """The codec a byte-order mark at the start of ``data`` announces, or None."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def decode_bytes(data: bytes, *, html: bool = False, charset: str | None = None) -> Decoded:
    """``data`` as text, in the encoding the module docstring's rules find. ``charset`` is a label
    the bytes came with from outside them (an HTTP Content-Type header): it stands in for the page's
    own declaration when the page makes none, and is checked against the bytes the same way.

    Raises ``UnicodeDecodeError`` only when a byte-order mark announces UTF-16 or UTF-32 and the
    bytes after it break that encoding; every other input decodes.
    """
    if (codec := bom_encoding(data)) is not None:
        if codec != "utf-8-sig":
            return Decoded(data.decode(codec), codec)
        try:
            return Decoded(data.decode(codec), "utf-8")
        except UnicodeDecodeError:
            return Decoded(_utf8_replacing(data[len(codecs.BOM_UTF8) :]), "utf-8")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data) if html else None
    if declared is None and charset is not None:
        declared = _codec_for_label(charset)
    if _is_mostly_utf8(data):
        return Decoded(_utf8_replacing(data), "utf-8", declared)
    guessed = guess_8bit(data)
    if declared is not None and declared != guessed and _declaration_holds(data, declared, guessed):
        # A page may name any codec registered with Python, another library's too, and no store
        # takes half a surrogate pair from one that yields it.
        return Decoded(without_lone_surrogates(decode_with(data, declared)), declared, declared)
    return Decoded(decode_with(data, guessed), guessed, declared)


def _is_mostly_utf8(data: bytes) -> bool:
    # A UTF-8 file with a few broken bytes (a truncated character, a pasted legacy fragment) is
    # still UTF-8: reading all of it as cp1252 would garble every other non-ASCII character.
    # Legacy 8-bit text forms valid multi-byte sequences only by accident, a few in a thousand.
    sample = data[:_SAMPLE_BYTES].decode("utf-8", errors="replace")
    broken = sample.count("\ufffd")
    valid = sum(1 for ch in sample if not ch.isascii()) - broken
    return valid >= 8 and valid >= 20 * broken


def _utf8_replacing(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def declared_charset(data: bytes) -> str | None:
    """The codec an HTML or XHTML page declares for itself, or None if it names none we know."""
    head = data[:_DECLARATION_BYTES]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        if (m := pattern.search(head)) is not None:
            return _codec_for_label(m.group(1).decode("ascii", errors="replace"))
    return None


def _codec_for_label(label: str) -> str | None:
    key = label.strip().lower()
    if key in _LABELS:
        return _LABELS[key]
    try:
        info = codecs.lookup(key)
    except LookupError:
        return None
    name = info.name
    # A page cannot be UTF-16 or UTF-32 without a byte-order mark (WHATWG ignores such labels).
    if name in _NOT_CHARSETS or name.startswith(("utf-16", "utf-32")):
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None
    return _LABELS.get(name, name)


def decode_with(data: bytes, codec: str) -> str:
    """``data`` in ``codec``; cp1251 and cp1252 as browsers read them, where every byte decodes.

    Raises ``UnicodeError`` for bytes another codec cannot decode."""
    if codec in _TABLES:
        return codecs.charmap_decode(data, "strict", _TABLES[codec])[0]
    return data.decode(codec)


def _declaration_holds(data: bytes, declared: str, guessed: str) -> bool:
    """Whether the bytes agree with the declared charset: they decode in it, and the text reads
    about as plausibly as in our own guess (a page saying windows-1251 that is really KOI8-R,
    or latin-1 that is really cp1251, reads much worse than the guess)."""
    sample = data[:_SAMPLE_BYTES]
    try:
        decode_with(data, declared)
        if declared in _TABLES:
            declared_text = decode_with(sample, declared)
        else:
            # The sample may end inside a multi-byte character: decode only its whole characters.
            declared_text = codecs.getincrementaldecoder(declared)().decode(sample, final=False)
    except (UnicodeError, LookupError):
        return False
    guessed_text = decode_with(sample, guessed)
    margin = 3.0 + 0.25 * sum(1 for byte in sample if byte >= 0x80)
    return cyrillic_plausibility(declared_text) >= cyrillic_plausibility(guessed_text) - margin


def guess_8bit(data: bytes) -> str:
    """The 8-bit codec ``data`` most plausibly uses: one of cp1251, koi8-r, koi8-u or cp1252."""
    sample = data[:_SAMPLE_BYTES]
    readings = {codec: decode_with(sample, codec) for codec in _CYRILLIC_CODECS}
    if not any(_reads_as_cyrillic(text) for text in readings.values()):
        return _WESTERN_CODEC
    # max() keeps the first of equals: cp1251 is the commoner page, koi8-r the commoner KOI8.
    return max(_CYRILLIC_CODECS, key=lambda codec: cyrillic_plausibility(readings[codec]))


_LETTERS = re.compile(r"[^\W\d_]+")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def _reads_as_cyrillic(text: str) -> bool:
    # The Cyrillic code pages map most high bytes to Cyrillic letters. Western text read in one
    # puts a Cyrillic letter inside Latin words ("d\u0449clar\u0449" for "déclaré" in cp1251);
    # real Cyrillic text read in any of them has words of Cyrillic letters alone. One-letter words
    # are no evidence: French "à" reads as the Russian word "а".
    cyrillic = mixed = 0
    for word in _LETTERS.findall(text):
        if not _CYRILLIC_LETTER.search(word):
            continue
        if _ASCII_LETTER.search(word):
            mixed += 1
        elif len(word) > 1:
            cyrillic += 1
    return cyrillic > mixed


# Letters per thousand in running Russian and Ukrainian news text (the two averaged; a letter only
# one language has counts half its own frequency). Approximate, and needed only roughly: the
# misreadings this separates swap frequent letters for rare ones.
_CYRILLIC_PER_MILLE: Final = {
    "о": 102.0, "а": 76.0, "и": 67.3, "е": 66.3, "н": 66.0, "т": 56.3, "в": 50.2, "с": 47.9,
    "р": 47.2, "л": 39.5, "к": 35.5, "д": 31.4, "м": 31.1, "у": 30.1, "і": 29.5, "п": 28.1,
    "я": 21.1, "з": 19.3, "ь": 16.7, "г": 16.5, "б": 15.5, "ч": 14.2, "й": 12.1, "х": 10.4,
    "ы": 9.5, "ж": 9.2, "ш": 7.2, "ю": 7.2, "ц": 6.4, "щ": 4.8, "ї": 3.5, "ф": 2.8, "є": 2.0,
    "э": 1.6, "ъ": 0.2, "ё": 0.2, "ґ": 0.1,
}  # fmt: skip
_LOG_CYRILLIC: Final = {letter: math.log(n / 1000) for letter, n in _CYRILLIC_PER_MILLE.items()}
# Other Cyrillic letters (Belarusian ў, Serbian and Macedonian ј љ њ ...): real, but rare here.
_LOG_RARE_CYRILLIC: Final = math.log(0.1 / 1000)
_LOG_OTHER_LETTER: Final = math.log(0.01)
_LOG_SYMBOL: Final = math.log(0.005)
# Box drawing (what KOI8's upper half holds), control and unassigned characters: never in prose.
_LOG_JUNK: Final = math.log(0.00001)
# A word mixing Latin and Cyrillic (or Greek) letters: what a Western page read as cp1251 gives.
_LOG_MIXED_WORD: Final = math.log(0.0005)
_LOG_IMPOSSIBLE: Final = math.log(0.001)
_LOG_UNLIKELY: Final = math.log(0.02)
_VOWELS: Final = frozenset("аеёиоуыэюяіїє")
_NEVER_FIRST: Final = frozenset("ьъы")
_NEVER_AFTER_VOWEL: Final = frozenset("ьъ")
_ONE_LETTER_WORDS: Final = frozenset("авиксоуяізй")
_SIGNS: Final = frozenset("ьъ'’")
# Russian and Ukrainian words seldom run four consonants together ("взгляд", "дзвін" do); a
# misreading that swaps vowels for consonants ("фронт" read as "ТПНМР") runs five.
_MOST_CONSONANTS: Final = 3
_COMMON_SYMBOLS: Final = frozenset("©®°№™")
_NORMAL_CATEGORIES: Final = frozenset("Zs Pd Pi Pf Ps Pe Po Pc Sc Sm No Nd".split())
# A case change from lower to upper inside a word ("вБИНХР") is what reading KOI8 as cp1251, or the
# reverse, does to capitalised words; text wholly in either case is no evidence (headlines).
_LOG_CASE_CHANGE: Final = math.log(0.005)
# Prose is mostly lower case, though: a mild preference, outweighed by a few letters' frequencies.
_LOG_CAPITALS: Final = math.log(0.85)


def cyrillic_plausibility(text: str) -> float:
    """How plausible ``text`` is as prose (a log-likelihood; higher is better), judged on what can
    differ between readings of the same bytes: its non-ASCII characters and its letters' case.

    Cyrillic letters count by their frequency in Russian and Ukrainian and by what may follow
    what (no soft sign after a vowel or at a word start, one-letter words only of the few there
    are); other letters count alike; symbols that prose never holds, case changes inside a word
    and words mixing Latin and Cyrillic letters count heavily against.
    """
    score = 0.0
    case = ""  # the case of the letter before, "" outside a word
    before = ""  # the Cyrillic letter before, lower-cased, "" when the one before was none
    length = consonants = 0  # letters of the word so far, Cyrillic consonants in a row at its end
    latin = other_script = False
    for ch in text:
        if ch.isalpha():
            length += 1
            letter = ""
            if not ch.isascii():
                if "\u0400" <= ch <= "\u04ff":
                    letter = ch.lower()
                    score += _LOG_CYRILLIC.get(letter, _LOG_RARE_CYRILLIC)
                    score += _sequence_cost(before, letter, word_start=length == 1)
                    consonants = 0 if letter in _VOWELS or letter in _SIGNS else consonants + 1
                    if consonants > _MOST_CONSONANTS:
                        score += _LOG_UNLIKELY
                    other_script = True
                else:
                    score += _LOG_OTHER_LETTER
                    other_script = other_script or "\u0370" <= ch < "\u0400"
            else:
                latin = True
            if ch.isupper():
                if case == "lower":
                    score += _LOG_CASE_CHANGE
                elif case == "upper":
                    score += _LOG_CAPITALS
                case = "upper"
            elif ch.islower():
                case = "lower"
            before = letter
            continue
        score += _word_end_cost(before, length, latin=latin, other_script=other_script)
        latin = other_script = False
        case = before = ""
        length = consonants = 0
        if not ch.isascii():
            score += _symbol_cost(ch)
    return score + _word_end_cost(before, length, latin=latin, other_script=other_script)


def _sequence_cost(before: str, letter: str, *, word_start: bool) -> float:
    if letter in _NEVER_FIRST and word_start:
        return _LOG_IMPOSSIBLE
    if letter in _NEVER_AFTER_VOWEL and before in _VOWELS:
        return _LOG_IMPOSSIBLE
    if letter == "й" and before and before not in _VOWELS:
        return _LOG_UNLIKELY
    return 0.0


def _word_end_cost(last: str, length: int, *, latin: bool, other_script: bool) -> float:
    cost = _LOG_MIXED_WORD if latin and other_script else 0.0
    if length == 1 and last and last not in _ONE_LETTER_WORDS:
        cost += _LOG_UNLIKELY
    return cost


def _symbol_cost(ch: str) -> float:
    if ch in _COMMON_SYMBOLS:
        return _LOG_SYMBOL
    if "\u2500" <= ch <= "\u259f":
        return _LOG_JUNK
    category = unicodedata.category(ch)
    if category in _NORMAL_CATEGORIES or category.startswith("M"):
        return _LOG_SYMBOL
    return _LOG_JUNK


# Only the steps that undo a wrong decoding: no quote straightening, no entity unescaping, no
# guessing at bytes that were lost (ftfy would put U+FFFD there) or at a space that was once a
# no-break space.
_REPAIR: Final = TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=False,
    replace_lossy_sequences=False,
    decode_inconsistent_utf8=True,
    fix_c1_controls=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=True,
)
# The wrong readings undone: UTF-8 taken for latin-1, cp1252 or cp1251, the ones this field meets.
# ftfy also tries MacRoman, cp437 and other code pages; on short Western text those readings find
# "mojibake" in fine text ("”à" would become "ӈ"), so a plan using one is cut before it.
_REPAIR_STEPS: Final = frozenset(
    {
        ("encode", "latin-1"),
        ("encode", "sloppy-windows-1252"),
        ("encode", "sloppy-windows-1251"),
        ("decode", "utf-8"),
        ("decode", "utf-8-variants"),
        ("apply", "decode_inconsistent_utf8"),
    }
)
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def repair_mojibake(text: str) -> str:
    """``text`` with its mojibake undone (``donâ€™t`` -> ``don’t``), line by line; a line that reads
    correctly, or whose garbling cannot be undone exactly, comes back unchanged."""
    if text.isascii():
        return text
    # Line by line, so that one garbled line is repaired even when the rest of the text holds
    # characters no wrong decoding could have produced.
    return "".join(_repair_line(line) for line in text.splitlines(keepends=True))


def _repair_line(line: str) -> str:
    if line.isascii():
        return line
    # ftfy re-encodes U+FFFD as byte 0x1A, turning a replacement character into a control one;
    # no garbled sequence spans one, so the pieces between are repaired on their own.
    pieces = line.split("\ufffd")
    repaired = [_repair_piece(piece) if not piece.isascii() else piece for piece in pieces]
    if any(_controls(after) > _controls(before) for before, after in zip(pieces, repaired, strict=True)):
        return line
    # Half a surrogate pair (from a JSON escape) is no character, repaired or not, and no store takes it.
    return without_lone_surrogates("\ufffd".join(repaired))


def _repair_piece(text: str) -> str:
    fixed = fix_encoding_and_explain(text, _REPAIR)
    plan = [(step.action, step.parameter) for step in fixed.explanation or ()]
    allowed = list(itertools.takewhile(lambda step: step in _REPAIR_STEPS, plan))
    if len(allowed) == len(plan):
        return fixed.text
    while allowed and allowed[-1][0] == "encode":
        allowed.pop()  # an encoding without its decoding is half a step
    return apply_plan(text, allowed) if allowed else text


def _controls(text: str) -> int:
    return sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")


def without_lone_surrogates(text: str) -> str:
    """``text`` with unpaired surrogates (from JSON escapes such as ``\\ud800``) made U+FFFD: they
    are not characters, and UTF-8 cannot hold them."""
    return _LONE_SURROGATE.sub("\ufffd", text)
