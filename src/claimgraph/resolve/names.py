"""Name keys: the forms under which two spellings of one name compare equal.

A name goes through three folds, each written for a way the same name reaches us spelled differently:

- ``fold``: case, diacritics, curly quotes, and Cyrillic letters transliterated (Ukrainian letters
  when the word has one of ``іїєґ``, Russian otherwise), so "Бахмут" and "Bakhmut" meet;
- ``display_form``: a leading "the" and a possessive "'s" dropped, and for people the titles and roles
  in front of a name ("Defense Minister Sergei Shoigu", "Gen. Valery Gerasimov");
- ``token_key``: the romanisation systems' disagreements folded away (kh/h, zh/z, yu/u, ya/a, y/i/j,
  iy/yi endings, a final -ff for -v, doubled letters, and Ukrainian h for Russian g), so
  Mykhaylo/Mykhailo, Prigozhin/Prigozin, Syrskyi/Syrsky, Yusov/Usov/Yusoff, Sergei/Sergey and
  Haidai/Gaidai share one key;
- ``given_name_key``: a given name's Ukrainian, Russian and English forms (Volodymyr, Vladimir;
  Oleksiy, Alexei, Aleksey) share the key of the first form in ``data/given_names.txt``.

What is left after the folds is compared exactly, or, for long enough keys, allowing one edit
(``near``): machine translation and typing damage a letter or two, rarely more.
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


def fold(text: str) -> str:
    """Lower case, no diacritics, straight quotes, Cyrillic in Latin letters."""
    lowered = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    if any("\u0400" <= ch <= "\u04ff" for ch in lowered):
        lowered = " ".join(_transliterate(word) for word in lowered.split(" "))
    decomposed = unicodedata.normalize("NFKD", lowered)
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
    key = _DOUBLED.sub(r"\1", re.sub("ff$", "v", key))  # Yusoff is Yusov
    for written, spoken in _ROMANISATION:
        key = key.replace(written, spoken)
    return _DOUBLED.sub(r"\1", key)


def name_keys(text: str, *, person: bool = False) -> tuple[str, ...]:
    """The keys of a name's words, punctuation (and a person's title) left out."""
    words = re.split(r"[\s\-]+", fold(display_form(text, person=person)))
    return tuple(key for key in (token_key(w) for w in words) if key)


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


def near(a: str, b: str) -> bool:
    """Equal keys, or one edit apart (a letter changed, added, dropped or two swapped) when both are
    at least six letters long: shorter names differ by one letter too often to be one name."""
    if a == b:
        return True
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1:
        return False
    if re.sub(r"\D", "", a) != re.sub(r"\D", "", b):
        return False  # the 24th and the 25th Brigade
    if _gendered_pair(a, b):
        return False
    return _within_one_edit(a, b)


def _gendered_pair(a: str, b: str) -> bool:
    """Ivanov/Ivanova, Kovalenko/Kovalenka: a Slavic surname's feminine form is another person."""
    short, long_ = sorted((a, b), key=len)
    return long_ == short + "a"


def _within_one_edit(a: str, b: str) -> bool:
    if len(a) == len(b):
        differences = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(differences) == 1:
            return True
        first, *rest = differences
        return rest == [first + 1] and a[first] == b[first + 1] and a[first + 1] == b[first]
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def acronym(text: str) -> str:
    """The initials of a name's capitalised words: "Institute for the Study of War" -> "ISW"."""
    words = [w for w in re.split(r"[\s\-]+", display_form(text)) if w]
    initials = [w[0] for w in words if w[0].isupper()]
    return "".join(initials) if len(initials) >= 2 else ""
