"""Which language a document is written in: lingua's statistical detector, backed by the letters.

``detect_language(text)`` gives the ISO 639-1 code of the text's main language, or None when there
is too little text to tell. It reads the first ``SAMPLE_CHARS`` characters only (an article's
language is the one it opens in; on news pages reading all of it changed 2 answers in 1,159) and
answers None below ``MIN_LETTERS`` letters or ``MIN_WORDS`` words: below that lingua's answer is
wrong often enough to be a guess (one in seven English snippets of 20–29 letters), and names,
numbers, datelines and photo credits are not a language. None is also the answer for a script no
language in ``LANGUAGES`` is written in.

The detector is lingua (lingua-language-detector) restricted to ``LANGUAGES``, the languages war
and crisis news is met in; a text in another language is named as the closest of them (Tagalog as
Indonesian, Catalan as Spanish), which is harmless: only English is analysed for now, and the
others are stored, searchable and shown. lingua runs in its low-accuracy mode (trigram models
only): about 85 MB with every model loaded, against 700–900 MB and 10 s of loading in its
high-accuracy mode. The two agree on texts of more than about 80 characters, so on articles; on
titles the low mode is worse, mostly by naming English heavy with foreign names as Italian, French
or Swedish, and a short text with English marker words ("the", "of", "with", ...) is English.

The letters settle Ukrainian, Russian and Belarusian, which lingua confuses with each other (and
with Kazakh and Macedonian) on short texts: in Cyrillic text, і ї є ґ and none of ы э ъ ё is
Ukrainian, the reverse Russian, and ў (with none of the letters only Ukrainian has) is Belarusian.
Where both kinds of letter occur (a quotation in the other language, a Belarusian text without ў)
or a letter of another Cyrillic alphabet does, lingua's answer stands.

The lingua detector is built once per process by ``language_detector()`` (cached: building is cheap,
models load on first use and are shared by every detector in the process). It cannot be pickled:
worker processes build their own through the same function, which pickles by name (a forked worker
inherits the parent's, models loaded).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

__all__ = [
    "LANGUAGES",
    "MIN_LETTERS",
    "MIN_WORDS",
    "SAMPLE_CHARS",
    "SHORT_CHARS",
    "detect_language",
    "east_slavic_by_letters",
    "is_analysed",
    "language_detector",
]

# The languages whose text the per-document analyses read (spaCy's English model and our English
# rules). A text too short to tell (None) is read as English, the commonest language of our input.
ANALYSED_LANGUAGES: Final = frozenset({"en"})


def is_analysed(language: str | None) -> bool:
    """Whether a document in ``language`` goes through the analyses, or is only stored and shown."""
    return language is None or language in ANALYSED_LANGUAGES


# The languages war and crisis news is met in: the Russia–Ukraine war's parties (Ukrainian, Russian,
# Belarusian); their neighbours and the states that report on the war most (Polish, Romanian,
# Hungarian, Czech, Slovak, the Balkans, the Baltic and Nordic languages, German, French, Spanish,
# Italian, Portuguese, Dutch, Turkish, Greek); the Caucasus and Central Asia (Georgian, Armenian,
# Azerbaijani, Kazakh); the Middle East (Arabic, Hebrew, Persian); East, South and Southeast Asia
# (Chinese, Japanese, Korean, Hindi, Bengali, ...). A language whose script is its own (Greek,
# Georgian, Armenian, Hebrew, Korean, Thai, the Indian scripts) costs nothing: lingua names it from
# the letters, with no model, and without it such a text would get None. Each Latin or Cyrillic one
# is another model to score and another answer to confuse with, so some are left out on purpose:
# Bosnian (Croatian and Serbian name it), Nynorsk (Bokmål), Catalan, Basque, Galician, Irish, Welsh,
# Latin and Esperanto, and the African, Pacific and Philippine languages, which war news is rarely
# written in; Urdu and Marathi (they share the Arabic and Devanagari scripts with listed languages).
# Measured on 3,833 news texts, these 49 cost 6–9 ms a document, against 5 for 25 languages and 14
# for all 75; all 75 named two Tagalog pages and a Catalan one rightly, but also an English press
# release and a German page Latin and a line of English Maori.
LANGUAGES: Final[tuple[Language, ...]] = (
    Language.ENGLISH,
    # East Slavic
    Language.UKRAINIAN,
    Language.RUSSIAN,
    Language.BELARUSIAN,
    # Central and Eastern Europe, the Balkans
    Language.POLISH,
    Language.CZECH,
    Language.SLOVAK,
    Language.HUNGARIAN,
    Language.ROMANIAN,
    Language.BULGARIAN,
    Language.SERBIAN,
    Language.CROATIAN,
    Language.SLOVENE,
    Language.MACEDONIAN,
    Language.ALBANIAN,
    Language.GREEK,
    # The Baltic and the Nordic countries
    Language.LITHUANIAN,
    Language.LATVIAN,
    Language.ESTONIAN,
    Language.FINNISH,
    Language.SWEDISH,
    Language.BOKMAL,
    Language.DANISH,
    # Western Europe
    Language.GERMAN,
    Language.FRENCH,
    Language.SPANISH,
    Language.ITALIAN,
    Language.PORTUGUESE,
    Language.DUTCH,
    # Turkey, the Caucasus, Central Asia, the Middle East
    Language.TURKISH,
    Language.GEORGIAN,
    Language.ARMENIAN,
    Language.AZERBAIJANI,
    Language.KAZAKH,
    Language.ARABIC,
    Language.HEBREW,
    Language.PERSIAN,
    # Asia
    Language.CHINESE,
    Language.JAPANESE,
    Language.KOREAN,
    Language.HINDI,
    Language.BENGALI,
    Language.GUJARATI,
    Language.PUNJABI,
    Language.TAMIL,
    Language.TELUGU,
    Language.THAI,
    Language.VIETNAMESE,
    Language.INDONESIAN,
)

SAMPLE_CHARS: Final = 3000
MIN_LETTERS: Final = 30
MIN_WORDS: Final = 3
# Below this many characters lingua's low-accuracy mode often names English (titles heavy with foreign
# names) as Italian, French or Swedish: two or more English marker words, a tenth of the words or more,
# make such a text English.
SHORT_CHARS: Final = 200

# An ideograph or a Hangul syllable carries about what a short word does, and Chinese and Japanese
# write no spaces: each counts as this many letters and as a word.
_IDEOGRAPH_WEIGHT: Final = 3

_UKRAINIAN_LETTERS: Final = frozenset("іїєґ")
_RUSSIAN_LETTERS: Final = frozenset("ыэъё")
_UKRAINIAN_ONLY: Final = frozenset("їєґ")  # і is Belarusian too
_BELARUSIAN_LETTER: Final = "ў"
# Letters of the Kazakh, Serbian and Macedonian alphabets that Ukrainian, Russian and Belarusian lack.
_OTHER_CYRILLIC: Final = frozenset("әғқңөұүһђћјљњџѓќѕ")
_EAST_SLAVIC: Final = frozenset({"uk", "ru", "be"})
_CYRILLIC_SCRIPT: Final = frozenset(Language.all_with_cyrillic_script())

# English words that are not (common) words of the other Latin-script languages in LANGUAGES ("of" is
# Dutch too, hence two markers at least; "have", "had", "was", "will", "week", "last", "still" and
# "told" are Danish, Dutch or German words, so they are not markers), with the verbs news reports
# speech by.
_ENGLISH_MARKERS: Final = frozenset(
    (
        "the of and with that which from said were this has been their they would who against about its "
        "after while could should because according yesterday added claimed denied warned announced "
        "reported stated explained noted insisted confirmed"
    ).split()
)
_ENGLISH_MARKER_SHARE: Final = 0.1
_LATIN_SCRIPT: Final = frozenset(Language.all_with_latin_script())

_WORD: Final = re.compile(r"[^\W\d_]{2,}")
_IDEOGRAPHIC: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


@lru_cache(maxsize=1)
def language_detector() -> LanguageDetector:
    """The lingua detector for ``LANGUAGES``, one per process."""
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the main language of ``text``, or None when there is too little text to tell."""
    sample = _sample(text)
    if not _enough_text(sample):
        return None
    found = language_detector().detect_language_of(sample)
    if found is None:
        return None
    if found in _LATIN_SCRIPT and found is not Language.ENGLISH and _reads_as_english(sample):
        return "en"
    code = found.iso_code_639_1.name.lower()
    if found in _CYRILLIC_SCRIPT:
        return east_slavic_by_letters(sample, bulgarian_possible=code not in _EAST_SLAVIC) or code
    return code


def east_slavic_by_letters(text: str, *, bulgarian_possible: bool = False) -> str | None:
    """ "uk", "ru" or "be" when the letters of Cyrillic ``text`` decide between the three, else None.

    None too when ``text`` has a letter that only other Cyrillic alphabets have (Kazakh, Serbian,
    Macedonian). With ``bulgarian_possible`` ъ alone does not make the text Russian: it is
    Bulgarian's commonest vowel letter."""
    letters = set(text.lower())
    if letters & _OTHER_CYRILLIC:
        return None
    russian_letters = _RUSSIAN_LETTERS - {"ъ"} if bulgarian_possible else _RUSSIAN_LETTERS
    ukrainian = bool(letters & _UKRAINIAN_LETTERS)
    russian = bool(letters & russian_letters)
    if _BELARUSIAN_LETTER in letters:
        return None if letters & _UKRAINIAN_ONLY else "be"
    if ukrainian and not russian:
        return "uk"
    if russian and not ukrainian:
        return "ru"
    return None


def _sample(text: str) -> str:
    """The opening of ``text``, cut at a space, as valid UTF-8 (lone surrogates replaced)."""
    if len(text) > SAMPLE_CHARS:
        cut = text.rfind(" ", SAMPLE_CHARS // 2, SAMPLE_CHARS)
        text = text[: cut if cut > 0 else SAMPLE_CHARS]
    return text.encode("utf-8", "replace").decode("utf-8")


def _reads_as_english(sample: str) -> bool:
    if len(sample) >= SHORT_CHARS:
        return False
    words = [w.lower() for w in _WORD.findall(sample)]
    markers = sum(w in _ENGLISH_MARKERS for w in words)
    return markers >= 2 and markers >= _ENGLISH_MARKER_SHARE * len(words)


def _enough_text(sample: str) -> bool:
    ideographs = len(_IDEOGRAPHIC.findall(sample))
    words = len(_WORD.findall(sample)) + ideographs
    letters = sum(ch.isalpha() for ch in sample) + (_IDEOGRAPH_WEIGHT - 1) * ideographs
    return letters >= MIN_LETTERS and words >= MIN_WORDS
