"""Name keys: the forms under which two spellings of one name compare equal.

A name goes through three folds, each written for a way the same name reaches us spelled differently:

- ``fold``: case, diacritics, curly quotes, and Cyrillic letters transliterated (Ukrainian letters
  when the word has one of ``іїєґ``, Russian otherwise), so "Бахмут" and "Bakhmut" meet;
- ``display_form``: a leading "the" and a possessive "'s" dropped, and for people the titles and roles
  in front of a name ("Defense Minister Sergei Shoigu", "Gen. Valery Gerasimov");
- ``token_key``: the romanisation systems' disagreements folded away (kh/h, zh/z, yu/u, ya/a, y/i/j,
  iy/yi endings, a final -ff or -f for -v after o or e, doubled letters, and Ukrainian h for Russian
  g), so Mykhaylo/Mykhailo, Prigozhin/Prigozin, Syrskyi/Syrsky, Yusov/Usov/Yusoff, Budanof/Budanov,
  Sergei/Sergey and Haidai/Gaidai share one key;
- ``given_name_key``: a given name's Ukrainian, Russian and English forms (Volodymyr, Vladimir;
  Oleksiy, Alexei, Aleksey) share the key of the first form in ``data/given_names.txt``.

What is left after the folds is compared exactly, or, for long enough keys, allowing one edit
(``near``): machine translation and typing damage a letter or two, rarely more.

``person_like`` tells a text that could be a person's name from one that cannot ("Jose Luevano 1",
"CA @ Shoreline Amphitheatre", "Viera d. Rockledge": a table row, a tour date, a match result).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Final

_CYRILLIC_RUSSIAN: Final = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split(),
        strict=True,
    )
)
_CYRILLIC_UKRAINIAN: Final = _CYRILLIC_RUSSIAN | {
    "г": "h",
    "ґ": "g",
    "и": "y",
    "і": "i",
    "ї": "yi",
    "є": "ye",
}
_UKRAINIAN_ONLY: Final = frozenset("іїєґ")

# Words that introduce a name without being part of it.
# "The head of state", "the head of the Ukrainian state": the president, whichever state's. Statements
# resolve a speaker so named, and the export finds the person in that office.
HEAD_OF_STATE: Final = re.compile(r"^(?:the )?head of (?:the )?(?:[a-z]+ )?state\b")
TITLE_WORDS: Final = frozenset(
    "president vice prime minister deputy defense defence foreign interior minister's secretary "
    "spokesman spokeswoman spokesperson commander chief head leader founder owner adviser advisor aide "
    "general gen gen. lt lt. lieutenant col col. colonel maj maj. major sgt sgt. sergeant capt capt. "
    "captain admiral marshal mr mr. mrs mrs. ms ms. dr dr. sen sen. senator rep rep. gov gov. governor "
    "mayor ambassador chancellor king queen pope patriarch former ex late acting top senior russian "
    "ukrainian american british french german belarusian chechen kremlin pentagon military army "
    "mercenary boss chairman chairwoman director analyst expert journalist blogger "
    "commander-in-chief".split()
)
_LEADING_THE: Final = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE: Final = re.compile(r"['’]s?$")
_NON_LETTERS: Final = re.compile(r"[^a-z0-9]")  # "24th" and "47th" Brigade are two units
_DOUBLED: Final = re.compile(r"(.)\1+")
# A Slavic surname's final -ov/-ev written -off, -of, -eff or -ef (Reznikoff, Budanof, Medvedef).
_FINAL_F: Final = re.compile(r"(?<=..[oe])f+$")
# Roman numerals: "II" is not "I" with a letter doubled.
_ROMAN: Final = re.compile(r"(?=[ivxlc])(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
# Patronymics as their keys end (-ovych, -ovich, -evich written with ch; -ovna, -evna, -ivna).
_PATRONYMIC: Final = re.compile(r"(?:[oe]vicg|[oei]vna)$")
# Lower-case words that join two names into a listing or a result ("Viera d. Rockledge" is a match).
_JOINING: Final = frozenset({"and", "vs", "v", "versus", "at", "def", "beat", "defeated"})
# Order matters: digraphs before the single letters they contain.
_ROMANISATION: Final = (
    ("shch", "sc"),
    ("kh", "h"),
    ("zh", "z"),
    ("ck", "k"),
    ("x", "ks"),
    ("ph", "f"),
    ("w", "v"),
    ("yu", "u"),
    ("iu", "u"),
    ("ya", "a"),
    ("ia", "a"),
    ("ie", "e"),
    ("ye", "e"),
    ("yi", "i"),
    ("iy", "i"),
    ("ij", "i"),
    ("y", "i"),
    ("j", "i"),
    # Ukrainian writes h where Russian writes g: Haidai/Gaidai, Oleh/Oleg, Syniehubov/Sinegubov.
    ("h", "g"),
)


_UNDECOMPOSED: Final = str.maketrans(
    {"ø": "o", "æ": "ae", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "œ": "oe"}
)


def fold(text: str) -> str:
    """Lower case, no diacritics, straight quotes, Cyrillic in Latin letters."""
    lowered = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    if any("\u0400" <= ch <= "\u04ff" for ch in lowered):
        lowered = " ".join(_transliterate(word) for word in lowered.split(" "))
    # Letters no decomposition takes apart: "Støre" is "Store", "Łódź" "Lodz".
    decomposed = unicodedata.normalize("NFKD", lowered.translate(_UNDECOMPOSED))
    # Lower case once more: compatibility forms ("𝕬") decompose to capitals; and a Cyrillic letter with
    # an accent ("ѐ") is a plain one once the accent is gone, to be transliterated like the rest.
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    if any("\u0400" <= ch <= "\u04ff" for ch in folded):
        folded = " ".join(_transliterate(word) for word in folded.split(" "))
    return folded


def _transliterate(word: str) -> str:
    table = _CYRILLIC_UKRAINIAN if any(ch in _UKRAINIAN_ONLY for ch in word) else _CYRILLIC_RUSSIAN
    return "".join(table.get(ch, ch) for ch in word).replace("_", "")


def display_form(text: str, *, person: bool = False) -> str:
    """The name without a leading "the" or a trailing possessive, and for a person without the title
    in front of it ("Defense Minister Sergei Shoigu"; "the Russian Federation" keeps its "Russian")."""
    words = _LEADING_THE.sub("", " ".join(text.split())).split(" ")
    while person and len(words) > 1 and words[0].lower().strip(",") in TITLE_WORDS:
        words.pop(0)
    return _POSSESSIVE.sub("", " ".join(words)).strip(" .,;:-\"'")


@lru_cache(maxsize=65536)
def token_key(word: str) -> str:
    """One word's key: folded, letters and digits only, romanisation differences removed."""
    key = _NON_LETTERS.sub("", fold(word))
    if _ROMAN.fullmatch(key):
        return key  # World War II
    key = _DOUBLED.sub(r"\1", _FINAL_F.sub("v", key))  # Yusoff is Yusov, Budanof Budanov
    for written, spoken in _ROMANISATION:
        key = key.replace(written, spoken)
    return _DOUBLED.sub(r"\1", key)


def is_acronym(letters: str) -> bool:
    """Whether letters, dots left out, are an acronym: two to six capitals of any script ("EU", "ЗСУ")."""
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def name_keys(text: str, *, person: bool = False) -> tuple[str, ...]:
    """The keys of a name's words, punctuation (and a person's title) left out; an acronym's letters
    are kept as written (BMI and BMJ are two names, not one spelt two ways), but not a person's
    initials ("J.J. Abrams")."""
    # "Disney+", "Canal+": the plus names another thing (a streaming service, not the studio).
    words = re.split(r"[\s\-]+", display_form(text, person=person).replace("+", " plus"))
    keys = ((None if person else _acronym_key(w)) or token_key(fold(w)) for w in words)
    return tuple(key for key in keys if key)


def _acronym_key(word: str) -> str | None:
    """The letters of an acronym in Latin capitals with at most one vowel ("BMJ", "USSR", "S.C."),
    kept as they are: romanisation rules are for names that are spoken, and "KYIV" in a dateline is
    a name, not an acronym."""
    letters = word.replace(".", "")
    if not (2 <= len(letters) <= 5 and letters.isascii() and letters.isalpha() and letters.isupper()):
        return None
    return letters.lower() if sum(ch in "AEIOUY" for ch in letters) <= 1 else None


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    text = resources.files("claimgraph").joinpath("data", "given_names.txt").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            forms = [token_key(form) for form in line.split()]
            for form in forms:
                out.setdefault(form, forms[0])
    return out


def given_name_key(key: str) -> str:
    """The shared key of a given name's forms ("vladimir" and "volodimir" -> one key)."""
    return _given_names().get(key, key)


def given_name(key: str) -> bool:
    """Whether a name key is one of the given names of ``data/given_names.txt`` ("Michael")."""
    return key in _given_names()


def near(a: str, b: str) -> bool:
    """Equal keys, or one edit apart (a letter changed, added, dropped or two swapped) when both are
    at least six letters long: shorter names differ by one letter too often to be one name. In keys
    of several words the edited word itself must be that long, or a plural of the other."""
    if a == b:
        return True
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1:
        return False
    if re.sub(r"\D", "", a) != re.sub(r"\D", "", b):
        return False  # the 24th and the 25th Brigade
    if _numerals(a) != _numerals(b):
        return False  # World War I and World War II
    if _gendered_pair(a, b):
        return False
    words_a, words_b = a.split(" "), b.split(" ")
    if len(words_a) == len(words_b) > 1:
        # In a name of several words the edit falls in one word, which must be long enough to tell
        # a typo from another word (Group D is not Group H), or be the plural of the other (Guards).
        differing = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
        if len(differing) != 1:
            return False
        x, y = sorted(differing[0], key=len)
        return y == x + "s" or near(x, y)
    return _within_one_edit(a, b)


def _gendered_pair(a: str, b: str) -> bool:
    """Ivanov/Ivanova, Kovalenko/Kovalenka, Zelenskyy/Zelenska, Zaluzhnyi/Zaluzhna: a Slavic
    surname's feminine form is another person (an adjectival surname's -y/-yi ending becomes -a)."""
    short, long_ = sorted((a, b), key=len)
    if long_ == short + "a":
        return True
    return len(a) == len(b) and a[:-1] == b[:-1] and {a[-1], b[-1]} == {"i", "a"} and a[-2] in "kn"


def _numerals(key: str) -> list[str]:
    return [word for word in key.split(" ") if _ROMAN.fullmatch(word)]


def _within_one_edit(a: str, b: str) -> bool:
    if len(a) == len(b):
        differences = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(differences) == 1:
            return True
        first, *rest = differences
        return rest == [first + 1] and a[first] == b[first + 1] and a[first + 1] == b[first]
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


_PRONOUNS: Final = frozenset("i you he she it we they me him her us them his its our their".split())


def person_like(text: str) -> bool:
    """Whether ``text`` could be a person's name, or a person's name with a role in front ("Wagner boss
    Yevgeny Prigozhin"): words of letters (with apostrophes, hyphens, quotes and the periods of
    initials), none of them a lower-case abbreviation or a joining word ("d.", "vs", "and"). Digits and
    other signs never are: "Jose Luevano 1" is a row of a results table, "CA @ Shoreline
    Amphitheatre" a tour date, and "Viera d. Rockledge" a match result."""
    words = display_form(text, person=True).split()
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return False  # "He" at the head of a sentence
    for word in words:
        if not all(ch.isalpha() or ch in "'’-.\"“”" for ch in word):
            return False
        if word.islower() and (word.endswith(".") or word in _JOINING):
            return False
    return bool(words)


# Letters that may abbreviate a name: at least two capitals ("RNDDH", "FAMa", "MoD"), no digits.
ACRONYM_SHAPE: Final = re.compile(r"(?=(?:[a-z&]*[A-Z]){2})[A-Z][A-Za-z&]{1,7}")
_DEFINED_AFTER: Final = re.compile(r"[ \t]?\((" + ACRONYM_SHAPE.pattern + r")\)")


def defined_acronym(after: str) -> str | None:
    """The acronym a text defines right after a name, from the text that follows it: " (RNDDH) said"
    -> "RNDDH"."""
    found = _DEFINED_AFTER.match(after)
    return found.group(1) if found else None


def acronym(text: str) -> str:
    """The initials of a name's capitalised words, an acronym among them whole: "Institute for the
    Study of War" -> "ISW", "UN Security Council" -> "UNSC"."""
    words = [w for w in re.split(r"[\s\-]+", display_form(text)) if w]
    initials = [w if len(w) > 1 and w.isalpha() and w.isupper() else w[0] for w in words if w[0].isupper()]
    return "".join(initials) if len(initials) >= 2 else ""


def patronymic(key: str) -> bool:
    """Whether a name key is an East Slavic patronymic (Petrovych, Sergeyevich, Ivanovna): the middle
    name of a person written in full, shared by every child of a Petro, never their surname."""
    return _PATRONYMIC.search(key) is not None


def patronymic_stem(key: str) -> str:
    """A patronymic-shaped key without its ending: the given name it would be formed from ("petr" of
    "petrovicg"), or a surname's stem ("raik" of Raikovych)."""
    return _PATRONYMIC.sub("", key)
