"""Attributed statements: who said what, with which cue, through which channel, and when.

Rules over the spaCy parse, in four passes over one document:

1. Labelled lines. A transcript or headline line opened by a speaker's name and a colon
   (``PENCE: Well, ...``, ``Zelensky: Bakhmut will not fall``), or a quotation signed at the end of
   its line (``"We stayed." ― Anna Kovalenko``), is that speaker's words. An all-capitals label
   counts only when it labels two or more lines (transcript speakers recur, "BREAKING:" does not).
2. Direct quotes. Every top-level quotation (see ``quotes``) looks for its cue: a speech verb after
   the closing mark in the same sentence (``"...," he said`` / ``"...," said Stupak``) or before the
   opening mark (``Zelensky said: "..."``, ``he added, saying "..."``). Quotes sharing one cue, or a
   cue and its participle (``added, saying``), form one statement. A cue with a clause of its own
   after a closed quotation reports that clause, not the quotation. A quote with no cue that opens
   its paragraph continues the previous statement's speaker when that statement is in the same or
   the previous paragraph; any other uncued quote is a scare quote, nickname or title, not speech.
3. Indirect and mixed speech. A speech or belief verb outside quotes whose clausal complement
   (``X said (that) ...``, ``X told AFP ...``) gives the content, also when the cue is set off by
   commas inside or after it (``The plan, a source said, is ...``); ``according to X`` takes the rest
   of its sentence; ``X called for ...`` what is called for. Speech acts with an object or a topic
   (``praised the defenders for ...``, ``accused Kyiv of ...``, ``spoke about ...``) and commitments
   with an infinitive (``vowed to retake ...``, ``urged the allies to ...``) take those as content.
   Content holding a quotation is mixed; indirect speech that runs into another cue's quotation
   stops before that cue.
4. Speakers. The verb's subject (or a postposed subject) is the speaker: a named entity, a noun
   phrase ("the governor", "a Ukrainian soldier"), or a pronoun; never a dateline ("KYIV (AP) —"), a
   date, or a word of the quotation the parser took for the subject. An appositive supplies the
   description ("Serhiy Haidai, governor of ..."). Resolution, in order:
   - a name is its own referent (its entity mention);
   - a personal pronoun (he, she) resolves to the speaker of the nearest earlier statement whose
     speaker is a person, within the three previous paragraphs; failing that, to the nearest
     earlier PERSON mention in the same or previous paragraph; "they"/"it" likewise to the nearest
     earlier organisation, group or place speaker;
   - "who"/"which" stand for the noun they follow (kept as written, the noun as referent); in a
     restrictive "that" clause ("a new ad that urges") the noun itself is the speaker;
   - a definite role noun ("the military expert", "the governor") resolves to the nearest earlier
     person whose appositive or title contains that noun;
   - an indefinite or plural common noun ("a Ukrainian soldier", "officials") is an anonymous
     source: kept as written and never pinned on a nearby name.

Only the article's own attributions are statements. Cue verbs inside a direct quote are the
speaker's words, and a report inside another statement's content (``X said Machado promised to
stay``) is part of what X said: the article vouches for X's words only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Final

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from claimgraph.clean.dates import find_dates
from claimgraph.extract.quotes import Quote, find_quotes
from claimgraph.extract.times import WEEKDAYS, day_named
from claimgraph.lang import word_expansions, word_list, word_rows
from claimgraph.models import Span, Speaker, Statement
from claimgraph.nlp import TITLES
from claimgraph.resolve.names import HEAD_OF_STATE, given_name, given_name_key, name_keys, token_key
from claimgraph.resolve.places import country_name, country_of_nationality

STAGE: Final = "statements-rules"

SPEECH_LEMMAS: Final = word_list("speech_verbs")
BELIEF_LEMMAS: Final = frozenset("believe think expect fear hope doubt suspect feel worry reckon".split())
# Sources that are documents or findings: "the poll shows that ...", "investigators found that ...".
EVIDENCE_LEMMAS: Final = frozenset("show find know realize learn determine demonstrate prove".split())
# "The message reads: ...": a document's words, reported by the verb that says what it holds.
DOCUMENT_LEMMAS: Final = frozenset({"read"})
DOCUMENT_NOUNS: Final = frozenset(
    "message letter telegram greeting greetings address statement note decree resolution text "
    "declaration communique communiqué appeal card inscription".split()
)
_CUE_LEMMAS: Final = SPEECH_LEMMAS | BELIEF_LEMMAS | EVIDENCE_LEMMAS | DOCUMENT_LEMMAS
# Speech verbs that report only with their particle: "pointed out that", "summed up that".
_PARTICLE_OF: Final = {verb: particles[0] for verb, particles in word_expansions("particle_verbs").items()}
# Speech acts whose content is an object or a prepositional phrase rather than a clause: "cited the
# losses", "praised the defenders", "accused Kyiv of shelling", "spoke about the offensive".
ACT_LEMMAS: Final = frozenset(
    "cite mention discuss express praise hail applaud thank congratulate denounce decry blast slam "
    "criticize criticise condemn attack mock dismiss reject defend blame accuse charge endorse oppose "
    "question challenge tout highlight echo reveal propose recommend apologize apologise lament compare "
    "liken refer speak talk warn urge ask deny acknowledge confirm announce describe admire".split()
)
# Commitments and demands whose content is an infinitive: "vowed to retake", "urged Kyiv to negotiate".
INTENTION_LEMMAS: Final = frozenset(
    "vow pledge promise threaten urge order demand agree offer propose instruct invite advise".split()
)
_ACT_CUES: Final = ACT_LEMMAS | INTENTION_LEMMAS
# "showed the bridge", "told reporters", "wrote a letter": objects that are not what was said.
# Verbs of showing, which report something only when someone, or some document, shows it.
_SHOWING: Final = frozenset({"show", "prove", "demonstrate", "indicate", "suggest", "confirm", "mean"})
_OBJECT_IS_NOT_CONTENT: Final = (
    EVIDENCE_LEMMAS
    | {"tell", "write", "add", "post", "assess", "maintain", "conclude"}
    # "reaffirmed its commitment to ...": a stance kept, no words; "affirmed that ..." says something
    | {"affirm", "reaffirm", "proclaim"}
    | {"indicate", "mean"}
)
# Prepositions that carry what a speech act is about ("spoke about", "accused X of"), unlike time or place.
_TOPIC_PREPOSITIONS: Final = frozenset("about of for against over as on to with into from".split())
# "to show the Russians 'victory'": a quotation is framed by a speech or thought verb only.
_QUOTE_CUE_LEMMAS: Final = SPEECH_LEMMAS | BELIEF_LEMMAS | DOCUMENT_LEMMAS | {"order", "command"}
_PARTICIPLE_CUES: Final = frozenset({"VBG", "VBN"})
_PERSON_PRONOUNS: Final = frozenset({"he", "she", "him", "her", "his"})
_GROUP_PRONOUNS: Final = frozenset({"they", "them", "it", "we", "its", "their"})
_OBJECT_PRONOUNS: Final = frozenset({"me", "him", "her", "us", "them"})
_GROUP_LABELS: Final = frozenset({"ORG", "GPE", "NORP", "MILITARY_UNIT", "FAC"})
# Words after an unnamed source that place it: "close to the Kremlin", "familiar with the matter".
_SOURCE_STANDING: Final = frozenset({"close", "familiar", "briefed", "knowledgeable", "involved", "speaking"})
_NOBODY: Final = frozenset({"none", "nobody", "noone", "neither", "nothing", "no-one"})
_INDEFINITE: Final = frozenset({"a", "an", "one", "some", "several", "two", "three", "many", "another"})
_CHANNEL_WORDS: Final = frozenset(
    "page channel account address interview meeting statement briefing conference post video speech "
    "broadcast television tv radio tweet telegram twitter facebook x blog website letter op-ed podcast "
    "show appearance session message remarks comments newspaper column article report program "
    "programme talk call forum summit hearing testimony parliament interview telethon".split()
)
# Nouns that report what someone said or holds: "Trump's claim that ...".
CLAIM_NOUNS: Final = frozenset(
    "claim statement assertion warning promise pledge suggestion argument allegation accusation insistence "
    "admission announcement prediction belief assessment contention testimony assurance denial "
    "objection".split()
)
# Heads of noun phrases that name an institution, not a person: "the ministry", "its office".
ORGANISATION_NOUNS: Final = word_list("organisation_nouns")
# "PENCE: Well, look ...", "Zelensky: Bakhmut will not fall", "Anna Kovalenko ― “We stayed.”": a line
# opened by a speaker's name and a colon (or a dash before a quotation) is that speaker's words; so is a
# quotation signed at the end of its line, epigraph style ("“We stayed.” ― Anna Kovalenko").
_NAME: Final = r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}"
# A transcript turn may be labelled with the speaker's title too: "President of Russia Vladimir Putin:".
_MORE_NAME_WORDS: Final = r"(?:[ \t]+(?:(?:of|the|for|and|on)[ \t]+){0,2}[A-Z][\w.'’-]*){0,7}"
_TITLED_NAME: Final = r"[A-Z][\w.'’-]*" + _MORE_NAME_WORDS
_LABEL_LINE: Final = re.compile(
    rf"(?m)^[ \t]*[\"“]?(?P<label>{_TITLED_NAME})(?:[ \t]*\([^()\n]{{1,40}}\))?[ \t]*(?P<sep>:|―|—|–)"
    r"[ \t]*(?P<rest>\S[^\n]*)"
)
# A publisher's cut ("<…>"), a section break ("* * *"), a bracketed summary ("(... as well.)") or a
# quotation's closing mark ends what went before too; a label may say what the turn is about
# ("Vladimir Putin (on the congress):").
_INLINE_LABEL: Final = re.compile(
    rf"(?<=[.!?…>*)\]\"”][ \t])(?P<label>{_TITLED_NAME})(?:[ \t]*\([^()\n]{{1,60}}\))?[ \t]*(?P<sep>:)[ \t]+"
    r"(?=[\"“A-Z])"
)
# A title-led label run on after a heading with no full stop ("Beginning of talks President of Russia
# Vladimir Putin: ..."), as scrapes that lost their line breaks leave them.
_RUN_ON_TITLED_LABEL: Final = re.compile(
    r"(?<=[a-z] )(?P<label>(?:President|Prime|Minister|Deputy|Chairman|Chairwoman|Head|Governor|Secretary"
    r"|Spokesman|Spokeswoman|Speaker|Mayor|Ambassador|Director|Commander)\b"
    + _MORE_NAME_WORDS
    + r")(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*(?P<sep>:)[ \t]+(?=[\"“A-Z])"
)
# An untitled name run on after a heading the same way ("Meeting with Government members Vladimir
# Putin: ..."): a speaker only when the name is a person's (checked where labels are read).
_RUN_ON_NAMED_LABEL: Final = re.compile(
    r"(?<=[a-z] )(?P<label>[A-Z][a-z]+(?:[ \t]+[A-Z][\w'’-]+){1,2})[ \t]*(?P<sep>:)[ \t]+(?=[\"“A-Z])"
)
# A label scraped with its tooltip, the name then the surname, given name and title run together:
# "Igor Shchegolev Shchegolev IgorPresidential Plenipotentiary Envoy to the Central Federal District :".
_TOOLTIP_LABEL: Final = re.compile(
    r"(?P<label>(?P<given>[A-Z][a-z]+)[ \t]+(?P<surname>[A-Z][\w'’-]+))[ \t]+(?P=surname)[ \t]+(?P=given)"
    r"(?P<title>[A-Z][^:\n]{0,160}?)[ \t]*(?P<sep>:)[ \t]+(?=[\"“A-Z])"
)
_CUT_AND_SUMMARY: Final = re.compile(
    r"<(?:…|\.\.\.)>[ \t]*\(|(?<=[.!?…][ \t])To be continued\b"
    # "... go ahead please.(In her remarks, Council member NAME talked about ...)": the outlet's summary
    # of the next remarks, a bracketed sentence after the turn's last, maybe with brackets of its own
    # ("... in the Federal Penitentiary Service system (FSIN), ..."); not a stage note on the speaker's
    # own turn ("(Addressing General Director ... NAME.) I hope, ..."), after which the speaker goes on
    r"|(?<=[.!?…])[ \t]*\((?!(?:Addressing|Turning|Speaking|Looking|Pointing)\b)"
    r"(?=[A-Z](?:[^()\n]|\([^()\n]*\)){40,}\))"
)
_SIGNED_LINE: Final = re.compile(
    rf"(?m)(?P<rest>[\"“”][^\n]+[\"”])[ \t]*(?P<sep>―|—|–)[ \t]*(?P<label>{_NAME})[ \t]*$"
)
# Labels of page furniture and headline kickers, not speakers.
_NOT_SPEAKER_LABELS: Final = frozenset(
    "update updated note editor's editor’s breaking related watch read photo photos video source sources "
    "correction contributing byline abstract poll polls report revealed exclusive analysis opinion q a "
    "live latest the this warning summary transcript caption credit dear more".split()
)
_OPENING_QUOTES: Final = frozenset("\"“”«‘'")
_CLOSING_QUOTES: Final = frozenset("\"”»’'")
# "KYIV, Ukraine (AP) — ", "LONDON (Reuters) - ", "New York (AFP) – ": where and by whom, not who.
DATELINE: Final = re.compile(
    r"[ \t]*(?:[A-Z]{3,}[A-Z .'’-]*|[A-Z][\w.'’ -]{1,30}(?=[^\n—–]{0,30}\())"
    r"(?:,[^\n—–()]{1,30})?(?:[ \t]*\([A-Za-z. ]{2,20}\)){0,2}[ \t]*(?:—|–|--|-)[ \t]"
)
_SUBJECT_DEPS: Final = frozenset({"nsubj", "nsubjpass"})
# Where a cue carries its time: "said Monday" (npadvmod), "said on Monday" (prep), "told AFP late
# Monday", "in a video address on Sunday" (prep holding the channel and its day).
_TIME_MODIFIER_DEPS: Final = frozenset({"npadvmod", "prep", "tmod", "advmod", "dobj", "dative"})
_CONTENT_DEPS: Final = frozenset({"ccomp", "xcomp", "parataxis"})
_NOUN_PHRASE_POS: Final = frozenset({"DET", "ADJ", "NOUN", "PROPN", "CCONJ", "NUM"})
# Whose count or view a sentence gives: "By the count of X", "In the view of X", "By X's estimate".
_SOURCE_FRAMES: Final = frozenset(
    {"count", "estimate", "reckoning", "tally", "view", "word", "assessment", "opinion", "calculation"}
)
# "By his data, ...", "By our information, ...": text translated from Ukrainian or Russian ("за його
# даними", "по нашей информации").
_DATA_FRAMES: Final = frozenset({"data", "datum", "information", "figure", "figures"})
_IMAGERY: Final = frozenset({"footage", "image", "imagery", "photo", "photograph", "video", "picture"})
# What a source publishes: "according to data from the ministry", "a report by the UN".
_SOURCE_DOCUMENTS: Final = frozenset(
    {
        "calculation",
        "data",
        "datum",
        "figure",
        "estimate",
        "survey",
        "analysis",
        "study",
        "report",
        "research",
        "poll",
        "census",
        "audit",
    }
)
_RELATIVE_TO: Final = frozenset({"after", "before", "since", "until", "till", "following", "ahead", "prior"})
_DAY_WORDS: Final = word_list("day_words")
_SPEAKER_TRIM_DEPS: Final = frozenset({"appos", "relcl", "acl", "punct", "prep", "cc", "conj", "advmod"})
_REFUSALS: Final = frozenset({"decline", "refuse"})
# What one declines to do when one says nothing: "declined to comment", "refused to say".
_SILENT_VERBS: Final = SPEECH_LEMMAS | frozenset(
    "discuss elaborate speculate respond answer detail name identify disclose give provide".split()
)
_QUESTION_VERBS: Final = frozenset({"ask", "question", "quiz", "interrogate"})
_EMPTY_CONTENT: Final = frozenset(
    {"this", "that", "so", "it", "otherwise", "differently", "nothing", "something", "everything"}
    # Lead-ins whose words follow in the next sentence: "I emphasized the main thing."
    | {"the main thing", "the most important thing", "one thing", "the following", "this word", "the word"}
    | {"one more thing", "two things", "a few things", "several things", "the key thing", "this point"}
    # "Kiev says many things": an amount of talk, with nothing of what was said.
    | {"many things", "a lot", "lots of things", "a lot of things", "much", "all sorts of things", "things"}
    | {"all kinds of things", "different things", "various things", "a great deal", "many different things"}
)
# The terms a source spoke on, not what it said: "spoke on condition of anonymity", "asked not to be named".
_ANONYMITY_TERMS: Final = re.compile(
    r"(?:on\s+(?:the\s+)?condition\s+(?:of|that)|(?:not\s+)?to\s+be\s+(?:named|identified)|anonymously)\b",
    re.I,
)


@dataclass(slots=True)
class _Draft:
    content_start: int
    content_end: int
    kind: str
    cue: Token
    cue_text: str
    paragraph: int
    speaker: Speaker | None = None
    speaker_head: Token | None = None
    quotes: list[Quote] = field(default_factory=list)
    cues: set[int] = field(default_factory=set)
    turn: bool = False  # a transcript turn, opened by its speaker's label
    said_on: dt.date | None = None  # the day its label gives ("NAME, 17.11.2026, 04:12:")


def extract_statements(
    doc_id: str,
    doc: Doc,
    *,
    published: dt.date | None = None,
    authors: tuple[str, ...] = (),
    house: str | None = None,
) -> list[Statement]:
    """Every attributed statement in ``doc``, in text order, with offsets into ``doc.text``.

    ``authors`` are the document's authors by its metadata: the text's own first person ("I", "we"
    outside any quotation or turn) is its one author, when it has one. ``house`` is the office that
    publishes it ("the President of Ukraine", from ``publishing_office``): "The President" of its
    text, unqualified, is that office's holder, not a foreign president named nearby.
    """
    text = _text(doc)
    paragraph_starts = _paragraph_starts(text)
    quotes = [q for q in find_quotes(text) if q.depth == 0]
    labelled = (
        _labelled_statements(doc, doc_id, paragraph_starts)
        + _interview_answers(doc, doc_id, paragraph_starts)
        + _signed_posts(doc, doc_id, paragraph_starts)
        + _embedded_posts(doc, doc_id, paragraph_starts)
    )
    # '"PENCE: Well, ...': the label says who speaks better than any cue near the quotation marks.
    direct = [
        d for d in _direct_statements(doc, quotes, paragraph_starts) if not _overlaps(d, labelled)
    ] + labelled
    used_cues = {i for d in direct for i in d.cues}
    # "TASS: The ministry announced the capture of X": a digest's headline, whose report the body gives.
    headlines = [(m.start(), m.end()) for m in _LABEL_LINE.finditer(text) if _headline(m["rest"])]
    indirect = [
        d
        for d in _indirect_statements(doc, doc_id, quotes, paragraph_starts, used_cues)
        if not any(start <= d.cue.idx < end for start, end in headlines)
    ]
    drafts = direct + [d for d in (_stop_before_quotes(doc, d, direct) for d in indirect) if d is not None]
    drafts += _continued_turns(doc, drafts, paragraph_starts)
    drafts.sort(key=lambda d: d.content_start)
    drafts = _attach_uncued_quotes(doc, _outermost(drafts), quotes, paragraph_starts)
    for draft in drafts:
        _add_what_for_fragments(doc, draft)
    statements: list[Statement] = []
    resolved: list[tuple[_Draft, Speaker]] = []
    event_day = _transcript_day(text, drafts, published)
    meeting_day = _meeting_day(text, published)
    speeches = [(d.content_start, d.content_end) for d in drafts if d.turn or d.kind == "direct"]
    spoken_text = _spoken_in_first_person(doc, speeches)
    for draft in drafts:
        if _thing_as_source(draft) or _asked(doc, draft) or _asks_about_reports(doc, draft, drafts):
            continue
        if not draft.turn and _recurring_saying(draft):
            continue
        if _others_belief_in_speech(draft, speeches, spoken_text=spoken_text) or _faith_in(draft):
            continue
        # A quotation or a turn is someone's words whatever its frame: these readings are of reported speech.
        reported = not draft.turn and draft.kind != "direct"
        if reported and (
            _habitual_saying(draft) or _nobodys_belief(draft) or _unnamed_naming(draft) or _imperative(draft)
        ):
            continue
        own_words = len(authors) == 1 and _first_person(draft) and not draft.turn
        if own_words:
            # "We note the feat of ..." in an address: its author's "we", whoever spoke before.
            speaker = replace(_unresolved_speaker(doc, doc_id, draft), author=authors[0])
        else:
            speaker = _resolve_speaker(doc, doc_id, draft, resolved, paragraph_starts)
        if not draft.turn and _function_word(doc, speaker):
            continue  # "add in the tofu from Step 1": a misparsed recipe, no one speaking
        if house is not None and _house_head(speaker.text, house):
            speaker = replace(speaker, referent=None, author=house)
        resolved.append((draft, speaker))
        content = _trim(text, draft.content_start, draft.content_end)
        if content is None or speaker.text.lower() in _ADDRESSEES:
            continue  # "you have announced the start": the addressee, or anyone, is no speaker
        start, end = content
        if draft.kind == "direct" and _only_questions(text[start:end]):
            continue  # '"Why did you not leave?" she asked.': a question claims nothing
        statements.append(
            Statement(
                id=_statement_id(doc_id, start, end),
                content=Span(doc_id, start, end),
                content_text=text[start:end],
                kind=draft.kind,
                speaker=speaker,
                cue=draft.cue_text,
                cue_span=Span(doc_id, draft.cue.idx, draft.cue.idx + len(draft.cue.text)),
                stage=STAGE,
                channel=_channel(draft.cue),
                said_on=draft.said_on
                or _said_on(draft.cue, published)
                or _said_a_day_apart(draft, statements, resolved)
                or _said_on_before(draft, speaker, statements, resolved)
                or _said_today(draft, text[start:end], published)
                or (event_day if draft.turn else None)
                or (meeting_day if draft.cue.tag_ == "VBD" or draft.cue.lower_ == "according" else None),
            )
        )
    return statements


def _others_belief_in_speech(draft: _Draft, speeches: list[tuple[int, int]], *, spoken_text: bool) -> bool:
    """ "Russia thinks it can outlast us", "the occupiers fear our drones", said in a speech, a turn or
    a quotation: what the speaker asserts of others' minds, not words the others said. In a report
    written in the third person ("Western officials believe ...") the belief is its holder's view."""
    if draft.cue.lemma_ not in BELIEF_LEMMAS | _ATTITUDES or _first_person(draft):
        return False
    inside = any(start <= draft.cue.idx < end for start, end in speeches)
    return inside or (spoken_text and not draft.turn and draft.kind != "direct")


# Attitudes a speaker may ascribe to others as beliefs ("the whole world admires our defenders").
_ATTITUDES: Final = frozenset({"admire", "respect", "appreciate", "value"})


def _unnamed_naming(draft: _Draft) -> bool:
    """ "what is called 'denazification'", "this can be called terror", "a condition dubbed X": a
    name given in the passive with no one giving it is the writer's label, not anyone's words."""
    cue = draft.cue
    return cue.lemma_ in _NAMING_VERBS and _passive(cue) and _agent_of(cue) is None


def _agent_of(cue: Token) -> Token | None:
    """Who does what a passive naming says: its "by" phrase, which the parser may hang on the name
    given ("was called 'a disgrace' by the opposition leader")."""
    for token in cue.subtree:
        if token.i > cue.i and token.lower_ == "by" and token.dep_ in ("agent", "prep"):
            if (
                token.dep_ == "prep"
                and token.head.i != cue.i
                and token.head.dep_ not in ("oprd", "dobj", "attr")
            ):
                continue
            return next((g for g in token.children if g.dep_ == "pobj"), None)
    return None


_NAMING_VERBS: Final = frozenset({"call", "dub", "name", "term", "label", "brand"})


def _faith_in(draft: _Draft) -> bool:
    """ "We believe in them, take care of them.": believing in someone is faith, not a view; the
    clause the parser hangs it on is no content of it."""
    cue = draft.cue
    return cue.lemma_ == "believe" and any(c.dep_ == "prep" and c.lower_ == "in" for c in cue.children)


def _nobodys_belief(draft: _Draft) -> bool:
    """ "It is expected that ...", "it is believed that ...", "the leadership can be convinced that
    ...": a belief in the passive with no one holding it, or one that may yet be brought about, is the
    writer's forecast or hope, not anyone's words. ("It was noted in the ministry" is speech.)"""
    cue = draft.cue
    if not (cue.lemma_ in BELIEF_LEMMAS or cue.lower_ == "convinced"):
        return False
    if not _passive(cue) or any(c.dep_ == "agent" for c in cue.children):
        return False
    subject = draft.speaker_head or _speaker_token(cue)
    expletive = subject is not None and subject.lower_ == "it"
    may_yet = any(
        c.dep_ == "aux" and (c.lower_ in _MODALS or c.lower_ in _OBLIGATIONS or c.lower_ == "can")
        for c in cue.children
    )
    return expletive or may_yet


def _imperative(draft: _Draft) -> bool:
    """ "Demand peace from your government!", "Tell everyone that ...": an order to the reader has no
    speaker; what is to be said is not yet said."""
    cue = draft.cue
    if cue.tag_ != "VB" or cue.dep_ != "ROOT":
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in cue.children)


def _habitual_saying(draft: _Draft) -> bool:
    """ "Everyone has always said that ...", "politicians often say that ...": a saying of anyone at
    any time, the writer's maxim, not words someone said."""
    if not any(c.dep_ == "advmod" and c.lower_ in _HABITUALLY for c in draft.cue.children):
        return False
    subject = draft.speaker_head or _speaker_token(draft.cue)
    if subject is None:
        return False
    universal = subject.lower_ in _ANYONE
    bare_plural = subject.tag_ == "NNS" and not any(
        c.dep_ in ("det", "poss", "nummod") for c in subject.children
    )
    return universal or bare_plural


def _recurring_saying(draft: _Draft) -> bool:
    """ "Every time Putin says 'talks', ...", "whenever the ministry announces ...": a saying that
    recurs is the frame of what follows, no one occasion's words, quoted or not."""
    return any(
        (c.dep_ == "advmod" and c.lower_ == "whenever")
        or (
            c.dep_ == "npadvmod"
            and c.lower_ == "time"
            and any(d.lower_ in ("every", "each") for d in c.children)
        )
        for c in draft.cue.children
    )


_HABITUALLY: Final = frozenset(
    {"always", "often", "usually", "sometimes", "frequently", "generally", "traditionally"}
)
_ANYONE: Final = frozenset({"everyone", "everybody", "anyone", "anybody", "people", "nobody", "all"})


def _spoken_in_first_person(doc: Doc, speeches: list[tuple[int, int]]) -> bool:
    """Whether the text outside quotations and turns speaks as "I" or "we" (an address, a column):
    a reporter's text does not."""
    own = sum(
        1
        for token in doc
        if token.lower_ in _FIRST_PERSON
        and token.dep_ in ("nsubj", "nsubjpass")
        and not any(start <= token.idx < end for start, end in speeches)
    )
    return own >= _SPOKEN_TEXT_PRONOUNS


# First-person subjects outside quotations that make a text a speech or a column, not a report.
_SPOKEN_TEXT_PRONOUNS: Final = 4


def _function_word(doc: Doc, speaker: Speaker) -> bool:
    """A speaker that is one preposition, conjunction, particle or adverb: no one."""
    if speaker.span is None:
        return False
    words = doc.char_span(speaker.span.start, speaker.span.end, alignment_mode="expand")
    return (
        words is not None
        and len(words) == 1
        and words[0].is_lower
        and words[0].pos_ in ("ADP", "SCONJ", "CCONJ", "PART", "ADV")
    )


def _asked(doc: Doc, draft: _Draft) -> bool:
    """ "Did the minister say that the bridge would be rebuilt?": a report inside a question asserts
    nothing; nor does a question reported ("asked whether Ukraine will join", "asked how they could
    help"), though PolNeAR counts it as attributed, nor asking someone about something or asking
    a question. Asking for something or someone to do something is a request, and says it."""
    if draft.kind == "direct" or draft.turn:
        return False
    if draft.cue.lemma_ == "ask":
        asked = doc.char_span(draft.content_start, draft.content_end, alignment_mode="expand")
        opening = _text(doc)[draft.content_start : draft.content_start + 12].lower()
        if re.match(r"(?:whether|if|how|why|what|when|where|who|which)\b", opening):
            return True
        if asked is not None and not any(
            t.pos_ in ("VERB", "AUX") or (t.lower_ == "for" and t.head.i == draft.cue.i) for t in asked
        ):
            return True  # "asked Vasyl about his plans", "ask the last question", "ask the citizens"
    sentence = draft.cue.sent
    ending = sentence.text.rstrip().rstrip("\"”»’' )")
    quoted = any(t.is_quote for t in sentence)
    return (
        ending.endswith("?") and not quoted and sentence.start_char <= draft.content_start < sentence.end_char
    )


def _thing_as_source(draft: _Draft) -> bool:
    """ "A doormat that reminds you to wipe your feet", "a factor that predicts how long people
    live", "History tells us that ...": verbs that things do as well as people report speech only
    when their subject is no event or thing. Of a relative "that" or "which", the noun it stands
    for decides: a person, a group, a body, a document or a name speaks."""
    if draft.turn or draft.cue.lemma_ not in _THINGS_DO_TOO:
        return False
    subject = draft.speaker_head or _speaker_token(draft.cue)
    if subject is None or subject.lower_ == "who":
        return False
    if subject.lower_ == "it" and _passive(draft.cue):
        return False  # "it was underlined in the department": someone underlined it; things do so actively
    if subject.lower_ in ("that", "which") and subject.head.dep_ == "relcl":
        noun = subject.head.head
        if noun.pos_ == "PROPN" or noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return False
        return noun.lemma_.lower() not in _SPEAKING_NOUNS
    return _a_state_of_affairs(subject)


_THINGS_DO_TOO: Final = word_list("things_do_too")


def speech_author(title: str | None, *, outlet: str | None = None) -> str | None:
    """Who speaks in a text whose title says it is their words: "Address by the President of Ukraine
    on the unity of Ukrainian society" -> "the President of Ukraine"; "Joint Statement of the Heads
    of State of the Associated Trio" -> "the Heads of State of the Associated Trio". An office named
    without its country ("speech by the President") is the office of the publisher that names it
    ("Office of the President of Ukraine") -> "the President of Ukraine"."""
    found = _SPEECH_TITLE.search(title or "")
    if found is None:
        return None
    who = _SPEECH_TITLE_TAIL.split(found.group("who"), maxsplit=1)[0].strip(" ,.:;")
    if len(who.split()) < 2:
        return None
    house = publishing_office(outlet)
    return house if house is not None and _house_head(who, house) else who


def publishing_office(outlet: str | None) -> str | None:
    """The head of state's or government's office a publisher is ("president.gov.ua (Office of the
    President of Ukraine, English site)" -> "the President of Ukraine"), if it is one."""
    office = _PUBLISHING_OFFICE.search(outlet or "")
    return None if office is None else f"the {office['office']} of {office['country']}"


def _house_head(speaker: str, house: str) -> bool:
    """Whether a speaker is named only by the publishing office's title: "The President" in a release
    of "the President of Ukraine"; "the Head of State" for a president."""
    named = speaker.lower()
    office = house.lower().split(" of ")[0]
    return named == office or (office == "the president" and named in ("the head of state", "head of state"))


# At the head of the title, or after its headline and a dash or colon ("The new package must ... -
# address by the President of Ukraine"); "issued by" and its like may stand between.
_SPEECH_TITLE: Final = re.compile(
    r"(?:^|\s[-–—:]\s+)(?:joint\s+)?(?:statement|address|appeal|speech|message|declaration|remarks)s?"
    r"\s+(?:(?:issued|made|delivered|released|signed)\s+)?(?:of|by)\s+(?P<who>.+)$",
    re.IGNORECASE,
)
# Where the speaker's name in such a title ends: the occasion, place or addressee that follows.
_SPEECH_TITLE_TAIL: Final = re.compile(
    r"\s+(?:on|at|in|to|following|regarding|concerning|during|for|after|with regard to)"
    r"\s+(?![A-Z][a-z]+\s+of\b)"
)
# A publisher that is a head of state's or government's office: "president.gov.ua (Office of the
# President of Ukraine, English site)", "Press service of the Prime Minister of Moldova".
# The official site of the office, named as the office itself: "President of Ukraine".
_PUBLISHING_OFFICE: Final = re.compile(
    r"(?:\b(?i:office|press service|administration|executive office)\s+of\s+the\s+|^(?:the\s+)?)"
    r"(?P<office>President|Prime Minister|Chancellor)\s+of\s+(?:the\s+)?"
    r"(?P<country>[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,3})"
)


def _transcript_day(text: str, drafts: list[_Draft], published: dt.date | None) -> dt.date | None:
    """The day a transcript's turns were spoken: the day its lead gives the event ("On 10 November,
    the two leaders held a press conference"), or else the day it was published, as transcripts are
    released the day they are spoken."""
    turns = [d.cue.idx for d in drafts if d.turn]
    if not turns or published is None:
        return None
    lead = text[: min(turns)]
    # "Russia announced on Tuesday that ... We spoke to NAME on Sunday": the interview's own day, from
    # the first sentence about the interview that names one ("We asked NAME ... The conversation took
    # place on Monday")
    told = [sentence for sentence in re.split(r"(?<=[.!?])\s+", lead) if _INTERVIEWED.search(sentence)]
    for sentence in told:
        if day_named(sentence, published) is not None:
            return _event_day(sentence, published)
    return _event_day(told[0], published) if told else _event_day(lead, published)


def _event_day(lead: str, published: dt.date) -> dt.date:
    """The day a lead gives its event, when that is within a week of the report; else the report's."""
    day = day_named(lead, published)
    if day is not None and dt.timedelta(0) <= published - day <= _LEAD_DAY_REACH:
        return day
    return published


def _meeting_day(text: str, published: dt.date | None) -> dt.date | None:
    """The day of the meeting, call or visit a report opens with ("The President held a meeting on
    the energy situation", "On Tuesday the ministers met in Brussels"): what its people said, in the
    past tense and with no day of its own, they said there. The lead's day, or the report's."""
    if published is None:
        return None
    # The lead is the first paragraph that tells of a meeting, among the first few: a site's header,
    # a breadcrumb, a headline or a dateline line may come before it.
    for lead in text[:_LEAD_REACH].split("\n\n")[:_LEAD_PARAGRAPHS]:
        if _MEETING_LEAD.search(lead[:400]):
            return _event_day(lead, published)
        if len(lead.split()) > _HEADER_WORDS:
            return None  # a paragraph of the body came first: a meeting told of later is not the report's
    return None


_LEAD_REACH: Final = 1500
_LEAD_PARAGRAPHS: Final = 5
_HEADER_WORDS: Final = 25  # a headline, a site's name, a breadcrumb or a dateline is shorter


_MEETING_LEAD: Final = re.compile(
    r"\b(?:held|chaired|hosted|had)\s+(?:an?\s+)?(?:\w+\s+){0,2}(?:meeting|conversation|phone\s+call|call|talks|"
    r"conference|briefing|session)\b|\bmet\s+(?:with\b|in\b)|\btook\s+part\s+in\b",
    re.IGNORECASE,
)
_INTERVIEWED: Final = re.compile(
    r"\b(?:spoke|talked)\s+(?:(?:by|on|over)\s+(?:the\s+)?(?:phone|telephone|video\s+link|air)\s+)?(?:to|with)\b|\binterviewed\b|\bsat\s+down\s+with\b|\b(?:we|I)\s+met\b"
    r"|\binterview\s+(?:was\s+)?(?:recorded|held|conducted)\b"
    r"|\b(?:conversation|interview)\s+(?:took\s+place|was\s+(?:held|recorded|conducted))\b|\b(?:we|I)\s+asked\b",
    re.IGNORECASE,
)
# A lead's date further back than this names some earlier event, not the one transcribed.
_LEAD_DAY_REACH: Final = dt.timedelta(days=7)


def _said_today(draft: _Draft, words: str, published: dt.date | None) -> dt.date | None:
    """ "'Today, 390 defenders returned home,' the President said": quoted words that say "today"
    were spoken on the day of the report that quotes them, when it names no other."""
    return published if draft.kind == "direct" and _TODAY.search(words) else None


_TODAY: Final = re.compile(r"\b(?:[Tt]oday|[Tt]onight|this (?:morning|evening|afternoon))\b")


def _said_a_day_apart(
    draft: _Draft, statements: list[Statement], resolved: list[tuple[_Draft, Speaker]]
) -> dt.date | None:
    """ "On Saturday, X said ... . The day before, Y had reported ...": a day counted from the day of
    the statement before it in the same paragraph."""
    if not statements or statements[-1].said_on is None or len(resolved) < 2:
        return None
    if draft.paragraph - resolved[-2][0].paragraph > 1:
        return None  # a day counted from a statement further back is a guess
    for phrase in _time_phrases(draft.cue):
        shift = _DAY_APART.get(" ".join(phrase.lower().split()))
        if shift is not None:
            return statements[-1].said_on + dt.timedelta(days=shift)
    return None


_DAY_APART: Final = {
    "the day before": -1,
    "the previous day": -1,
    "a day earlier": -1,
    "the day earlier": -1,
    "a day before": -1,
    "the next day": 1,
    "the following day": 1,
    "a day later": 1,
    "the day after": 1,
    "the same day": 0,
    "on the same day": 0,
    "that same day": 0,
    "later that day": 0,
}


def _said_on_before(
    draft: _Draft, speaker: Speaker, statements: list[Statement], resolved: list[tuple[_Draft, Speaker]]
) -> dt.date | None:
    """ "X said on Monday ... . 'More words,' he added.": the same speaker, going on in the same
    paragraph with no day of their own, is still speaking that day."""
    if not statements or len(resolved) < 2 or speaker.referent is None:
        return None
    previous_draft, previous = resolved[-2]
    said = statements[-1]
    if previous_draft.paragraph != draft.paragraph or said.speaker is not previous:
        return None
    return said.said_on if previous.referent == speaker.referent else None


_last_text: tuple[Doc | None, str] = (None, "")


def _stop_before_quotes(doc: Doc, draft: _Draft, direct: list[_Draft]) -> _Draft | None:
    """An indirect statement that runs into a direct one: ``said the move was made by Bratton and
    said, "Who ...?"`` keeps its own words, up to the conjunction before the second cue. A
    complement that is all frame of the quote (``said: "..."``) is no statement of its own."""
    overlapping = [d for d in direct if _overlaps(draft, [d]) and not (d.turn and _within(draft, d))]
    if not overlapping:
        return draft
    first = min(overlapping, key=lambda d: d.content_start)
    cut = min(first.content_start, first.cue.idx)
    own = (
        doc.char_span(draft.content_start, cut, alignment_mode="contract")
        if cut > draft.content_start
        else None
    )
    words = [t for t in own or [] if t.is_alpha]
    # Drop the conjunction, and any subject of the second cue, that joined the two statements.
    while words and (
        words[-1].lower_ in ("and", "but", "or") or first.cue.i in (words[-1].i, words[-1].head.i)
    ):
        words.pop()
    if len(words) < 3:
        return None
    draft.content_end = words[-1].idx + len(words[-1].text)
    draft.quotes = [q for q in draft.quotes if q.end <= draft.content_end]
    if not draft.quotes:
        draft.kind = "indirect"
    return draft


def _asks_about_reports(doc: Doc, turn: _Draft, drafts: list[_Draft]) -> bool:
    """A turn that gives others' reports and asks about them ("Mr President, the ministry reported that
    ... . Kiev says ... . Who is right?"): the reports are their sources' statements, and the rest is a
    question, which claims nothing."""
    if not turn.turn:
        return False
    cues = [d.cue.idx for d in drafts if d is not turn and _within(d, turn)]
    if not cues:
        return False
    text = _text(doc)
    rest = [
        text[max(s.start_char, turn.content_start) : min(s.end_char, turn.content_end)]
        for s in doc.sents
        if s.start_char < turn.content_end
        and turn.content_start < s.end_char
        and not any(s.start_char <= cue < s.end_char for cue in cues)
    ]
    return _only_questions(" ".join(rest))


def _within(draft: _Draft, turn: _Draft) -> bool:
    """Whether a statement, cue and words, lies inside a transcript turn's words."""
    return (
        turn.content_start <= min(draft.cue.idx, draft.content_start)
        and draft.content_end <= turn.content_end
    )


def _overlaps(draft: _Draft, others: list[_Draft]) -> bool:
    return any(draft.content_start < o.content_end and o.content_start < draft.content_end for o in others)


def _outermost(drafts: list[_Draft]) -> list[_Draft]:
    """Drop statements whose cue lies inside another statement's content.

    In ``X said Machado promised to stay``, the promise is part of what X said: the article vouches
    only for X's words, so the nested report is not a statement of its own. A content that holds
    its own cue (``..., he said, ...``) is a frame around the cue, not around other statements.
    """
    relays = [d for d in drafts if any(_relays(d, inner) for inner in drafts if inner is not d)]
    drafts = [d for d in drafts if not any(d is relay for relay in relays)]
    containers = [
        (d.content_start, d.content_end, d.turn)
        for d in drafts
        if not d.content_start <= d.cue.idx < d.content_end
    ]
    # "Putin: ... The Chief of the General Staff reported to me that ...": a report a speaker relays in
    # a transcript turn is its source's statement too; the turn is what the transcript vouches for, as a
    # whole, and its own "I" is the turn's speaker already.
    return [
        d
        for d in drafts
        if not any(
            start <= d.cue.idx < end and (not turn or not _reported_in_turn(d))
            for start, end, turn in containers
        )
    ]


def _reported_in_turn(draft: _Draft) -> bool:
    """Whether a statement inside a transcript turn is someone else's report the speaker relays: a
    clause said by another ("the ministry reported that it was taken"), not the speaker's own "I"
    or courtesies ("dear Alexander, thank you for coming"), nor a report named without its words
    ("the Russians announce such things every week"), though a count is words enough."""
    doc = draft.cue.doc
    words = doc.char_span(draft.content_start, draft.content_end, alignment_mode="expand")
    own = draft.speaker is not None and draft.speaker.text.lower() in ("our", "my")  # "our estimates"
    return (
        not _first_person(draft)
        and not own
        and draft.cue.lemma_ not in _COURTESY_VERBS
        and words is not None
        # a clause, or a count ("the ministry reported 34 drones over the region")
        and any(
            t.pos_ in ("VERB", "AUX") or (t.like_num and t.head.lower_ not in ("times", "time"))
            for t in words
        )
    )


_COURTESY_VERBS: Final = frozenset({"thank", "congratulate", "welcome", "greet", "wish"})


def _relays(outer: _Draft, inner: _Draft) -> bool:
    """ "The report also notes that NAME said on November 12 that ...": a content that is nothing but
    another attribution relays it, and the words are the named speaker's."""
    if outer.turn or not outer.content_start <= inner.cue.idx < outer.content_end:
        return False
    # Only a document or a relaying verb passes words on; "Officials said Kyiv claimed ..." is the
    # officials' account.
    source = outer.speaker_head or _speaker_token(outer.cue)
    if outer.cue.lemma_ not in _RELAYING and (source is None or source.lemma_.lower() not in DOCUMENT_NOUNS):
        return False
    subject = inner.speaker_head or _speaker_token(inner.cue)
    if (
        source is not None
        and source.lemma_.lower() not in DOCUMENT_NOUNS
        and inner.cue.lemma_ not in _REPORTED
    ):
        return False  # "The President noted that the partners had agreed": his account of their deed
    return (
        subject is not None
        and abs(subject.left_edge.idx - outer.content_start) <= 1
        and inner.content_end >= outer.content_end - 1
    )


def _text(doc: Doc) -> str:
    """``doc.text``, which spaCy rebuilds from every token on each access, read once per document.

    The rules read slices of the text hundreds of times per document; rebuilding it each time
    was most of their cost. The cache holds the last document only and is keyed by identity.
    """
    global _last_text
    if _last_text[0] is not doc:
        _last_text = (doc, doc.text)
    return _last_text[1]


def _statement_id(doc_id: str, start: int, end: int) -> str:
    return "st_" + hashlib.sha1(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:12]


def _paragraph_starts(text: str) -> list[int]:
    starts = [0]
    position = text.find("\n\n")
    while position >= 0:
        starts.append(position + 2)
        position = text.find("\n\n", position + 2)
    return starts


def _paragraph_texts(text: str, starts: list[int]) -> list[str]:
    """Each paragraph's words, from its start to the next one's, without the spaces that end it."""
    ends = [*starts[1:], len(text)]
    return [text[start:end].rstrip() for start, end in zip(starts, ends, strict=True)]


def _paragraph_of(offset: int, starts: list[int]) -> int:
    low, high = 0, len(starts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if starts[middle] <= offset:
            low = middle
        else:
            high = middle - 1
    return low


def _inside(offset: int, quotes: Iterable[Quote]) -> bool:
    return any(q.inner_start <= offset < q.inner_end for q in quotes)


def _is_cue(token: Token, *, lemmas: frozenset[str] = _CUE_LEMMAS) -> bool:
    if token.pos_ == "VERB" and token.lemma_ == "put":
        # "..., as one of them put it", "put it bluntly: ...": how someone worded it.
        children = list(token.children)
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in children) and any(
            (c.dep_ == "mark" and c.lower_ == "as") or (c.text == ":" and c.i > token.i) for c in children
        )
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in lemmas:
        return False
    lemma = token.lemma_.lower()
    if lemma in _PARTICLE_OF:
        # "summed up the season" names a topic; "summed up that ..." reports
        particle = any(c.dep_ == "prt" and c.lower_ == _PARTICLE_OF[lemma] for c in token.children)
        return particle and (lemma != "sum" or not any(c.dep_ == "dobj" for c in token.children))
    if lemma in DOCUMENT_LEMMAS:
        return any(c.dep_ in _SUBJECT_DEPS and c.lemma_.lower() in DOCUMENT_NOUNS for c in token.children)
    return not (lemma == "post" and token.tag_ == "VBN")  # "a video posted Monday" is not a cue


def _cue_text(cue: Token) -> str:
    """The cue with its particle ("point out") and a named recipient of "tell" ("told AFP")."""
    parts = [cue]
    for child in cue.children:
        if child.dep_ == "prt":
            parts.append(child)
        elif (
            child.dep_ in ("dative", "dobj")
            and cue.lemma_ == "tell"
            and (child.ent_type_ or child.pos_ == "PROPN")
        ):
            parts.extend(child.subtree)
    parts.sort(key=lambda t: t.i)
    return " ".join(t.text for t in parts)


# -- direct quotes -----------------------------------------------------------------------------------


def _direct_statements(doc: Doc, quotes: list[Quote], paragraph_starts: list[int]) -> list[_Draft]:
    by_cue: dict[int, _Draft] = {}
    for quote in quotes:
        if _is_title(_text(doc)[quote.inner_start : quote.inner_end]):
            continue
        found = _cue_after(doc, quote, quotes) or _cue_before(doc, quote, quotes)
        if found is None:
            continue
        cue, speaker_head = found
        # "..., he added, saying '...'": the participle continues the same statement.
        anchor = cue.head if cue.tag_ in _PARTICIPLE_CUES and cue.head.i in by_cue else cue
        draft = by_cue.get(anchor.i)
        if draft is None:
            draft = _Draft(
                quote.inner_start,
                quote.inner_end,
                "direct",
                anchor,
                _cue_text(anchor),
                _paragraph_of(quote.start, paragraph_starts),
                speaker_head=speaker_head,
            )
            by_cue[anchor.i] = draft
        else:
            draft.content_end = max(draft.content_end, quote.inner_end)
        draft.quotes.append(quote)
        draft.cues |= {anchor.i, cue.i}
    drafts = list(by_cue.values())
    for draft in drafts:
        _extend_partial_quote(doc, draft)
    return drafts


def _is_title(quoted: str) -> bool:
    """``on "Fox News Sunday,"``: a short quotation in title case names a show or work, it is not speech."""
    words = [w for w in quoted.replace("’", "'").split() if any(ch.isalpha() for ch in w)]
    small = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "with", "at", "by"}
    return (
        0 < len(words) <= 6
        and all(w[0].isupper() or w.lower() in small for w in words)
        and words[0][0].isupper()
    )


def _extend_partial_quote(doc: Doc, draft: _Draft) -> None:
    """A quote opening mid-sentence after a paraphrased subject is a mixed statement of the whole clause."""
    first = draft.quotes[0]
    token = _token_at(doc, first.start)
    if token is None:
        return
    sentence = token.sent
    lead = _text(doc)[sentence.start_char : first.start]
    if (
        sentence.start_char < first.start
        and len(lead.split()) >= 2
        and not any(_is_cue(t) for t in sentence if t.idx < first.start)
        and not lead.rstrip().endswith((":", ","))
        and draft.cue.idx > first.start
    ):
        draft.content_start = sentence.start_char
        draft.kind = "mixed"


def _token_at(doc: Doc, offset: int) -> Token | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _cue_after(doc: Doc, quote: Quote, quotes: list[Quote]) -> tuple[Token, Token] | None:
    """A cue in the same sentence after the closing mark: ``"...," X said`` / ``said X``."""
    if quote.runs_on:
        return None
    tail = _text(doc)[quote.end : quote.end + 3]
    if tail[:1] not in (",", " ", "") and not tail.startswith(("\u2014", "-")):
        return None
    closing = _token_at(doc, quote.end - 1)
    if closing is None or _inside_a_reported_clause(doc, quote):
        return None
    quoted_text = _text(doc)[quote.inner_start : quote.inner_end].rstrip()
    sentence_closed_inside = quoted_text.endswith((".", "?", "!")) and not tail.startswith(",")
    stop = len(doc)
    for token in doc[closing.i + 1 :]:
        if token.text in {".", "!", "?"} or _inside(token.idx, quotes) or "\n" in token.text:
            stop = token.i
            break
    for token in doc[closing.i + 1 : stop]:
        if not _is_cue(token, lemmas=_QUOTE_CUE_LEMMAS) or _negated(token) or _unrealised(token):
            continue
        # "...word." She said the rest ...: a new sentence after a closed quote is not its cue, nor is
        # a cue with a clause of its own ('..."identity." Cruz says he is not familiar with it').
        if sentence_closed_inside and (token.i > closing.i + 3 or _reports_clause_after(token)):
            return None
        if any(t.dep_ == "cc" and t.head.pos_ in ("VERB", "AUX") for t in doc[closing.i + 1 : token.i]):
            # '"...", and accused Moscow of ...': a predicate of its own, not a cue of the quote ("NAME
            # of X and Y University said" joins two nouns, not two predicates).
            return None
        if any(
            c.dep_ in _SUBJECT_DEPS and c.left_edge.idx <= quote.start and quote.end <= c.right_edge.idx
            for c in token.children
        ):
            return None  # 'The so-called "management" of the plant claims ...': a word of who speaks
        subject = _speaker_token(token)
        if subject is not None and subject.idx < quote.start and _reports_clause_after(token):
            # 'X called it "a farce" and said the talks were over': the cue goes on from a subject
            # before the quotation to a clause of its own; it is not the quotation's cue.
            return None
        if subject is not None and subject.idx < quote.end:
            subject = None  # the parser took a word of the quotation for the subject of its cue
        speaker = (
            subject
            or _phrase_head(doc, closing.i + 1, token.i)
            or _named_after_addressee(doc, token, stop)
            or _phrase_head(doc, token.i + 1, stop)
        )
        return (token, speaker) if speaker is not None else None
    return None


def _named_after_addressee(doc: Doc, cue: Token, stop: int) -> Token | None:
    """'"...," said to journalists the press secretary NAME': a translation names whom it was said to
    first, then who said it; the name after the addressee speaks."""
    to = doc[cue.i + 1] if cue.i + 1 < stop else None
    addressee = (
        None if to is None or to.lower_ != "to" else next((c for c in to.children if c.dep_ == "pobj"), None)
    )
    if addressee is None:
        return None
    named = next(
        (e for e in doc.ents if e.label_ in ("PERSON", "ORG") and addressee.i < e.start and e.end <= stop),
        None,
    )
    return None if named is None else named.root


def _inside_a_reported_clause(doc: Doc, quote: Quote) -> bool:
    """'The ministry said its forces had carried out a "high-precision strike" on depots that, it
    said, ...': a quotation inside the clause a cue before it reports is part of that statement."""
    inner = _token_at(doc, quote.inner_start)
    if inner is None:
        return False
    head = inner
    for _ in range(8):
        if (
            head.dep_ == "ccomp"
            and head.head.i < quote.start
            and _is_cue(head.head)
            and head.head.idx < quote.start
        ):
            return head.i < inner.i or head.left_edge.idx < quote.start
        if head.head.i == head.i:
            return False
        head = head.head
    return False


def _reports_clause_after(cue: Token) -> bool:
    return any(c.dep_ in _CONTENT_DEPS and c.i > cue.i and c.right_edge.i - c.i >= 2 for c in cue.children)


def _phrase_head(doc: Doc, start: int, end: int) -> Token | None:
    """The head of the noun phrase in ``doc[start:end]``: its first nominal whose head lies outside it.

    Covers a speaker the parser did not attach as the subject (``"...," one soldier in X said``).
    """
    for token in doc[start:end]:
        if token.pos_ in ("NOUN", "PROPN", "PRON") and not start <= token.head.i < end:
            # "... before asking her": an object pronoun is the addressee, never the speaker.
            return None if token.lower_ in _OBJECT_PRONOUNS else token
    return None


def _cue_before(doc: Doc, quote: Quote, quotes: list[Quote]) -> tuple[Token, Token] | None:
    """A cue before the opening mark in the same sentence: ``X said: "..."``, ``adding "..."``."""
    opening = _token_at(doc, quote.start)
    if opening is None:
        return None
    sentence = opening.sent
    start = sentence.start
    lead = _text(doc)[sentence.start_char : quote.start].strip()
    if not lead and sentence.start > 0:
        # "He said:\n\n'...'" — a cue ending in a colon introduces the quote that follows it.
        previous = doc[sentence.start - 1]
        while previous.i > 0 and previous.is_space:
            previous = doc[previous.i - 1]
        if previous.text != ":":
            return None
        start = previous.sent.start
    for token in reversed(doc[start : opening.i]):
        if _inside(token.idx, quotes):
            break
        if not _is_cue(token, lemmas=_QUOTE_CUE_LEMMAS) or _negated(token):
            continue
        if _unrealised(token):
            # 'X said Russia will respond "in a mirror manner."': no response has been given; the
            # quoted words are X's, found as a mixed statement by the indirect pass.
            return None
        between = _text(doc)[token.idx + len(token.text) : quote.start]
        if len(between.split()) > 8 or " that " in f" {between} ":
            return None
        if token.dep_ == "ccomp" and token.head.i < token.i and _is_cue(token.head):
            # 'She said she expected adoption "before the summit"': the quote ends a clause another
            # cue reports; the indirect pass makes that clause a mixed statement.
            return None
        if between.split()[:1] and between.split()[0].lower() in _ABOUT_PREPOSITIONS:
            return None  # 'what TASS reported about the "special military operation"': a topic
        if _named_in_a_phrase_of(token, quote) and not between.rstrip().endswith((",", ":")):
            return None  # 'said during a press marathon "30 questions to the President"': a name
        # "told AFP there was 'consensus'": the clause starts before the quote, so the statement is
        # the clause (mixed), found by the indirect pass.
        for child in token.children:
            if child.dep_ in _CONTENT_DEPS and token.idx < min(t.idx for t in child.subtree) < quote.start:
                first = min(child.subtree, key=lambda t: t.i)
                if not first.is_punct:
                    return None
        speaker = _speaker_token(token)
        return (token, speaker) if speaker is not None else None
    return None


def _named_in_a_phrase_of(cue: Token, quote: Quote) -> bool:
    """Whether quoted words belong to a phrase of the cue's own before them: the name of an event or a
    work ("during a press marathon "30 questions ...""), not words the cue reports."""
    inner = _token_at(cue.doc, quote.inner_start)
    if inner is None:
        return False
    return any(
        inner in c.subtree for c in cue.children if c.dep_ == "prep" and cue.i < c.i and c.idx < quote.start
    )


def _attach_uncued_quotes(
    doc: Doc, drafts: list[_Draft], quotes: list[Quote], paragraph_starts: list[int]
) -> list[_Draft]:
    """Give a quote with no cue of its own to the statement it continues, if any."""
    claimed = {id(q) for d in drafts for q in d.quotes}
    covered = [(d.content_start, d.content_end) for d in drafts]
    out = list(drafts)
    for quote in quotes:
        if id(quote) in claimed or any(s < quote.end and quote.start < e for s, e in covered):
            continue
        paragraph = _paragraph_of(quote.start, paragraph_starts)
        inner = _text(doc)[quote.inner_start : quote.inner_end]
        if len(inner.split()) < 4:
            continue
        previous = [
            d for d in out if d.content_start < quote.start and paragraph - 1 <= d.paragraph <= paragraph
        ]
        if not previous:
            continue
        source = max(previous, key=lambda d: d.content_start)
        if quote.start != paragraph_starts[paragraph]:
            if _next_quoted_sentence(doc, source, quote, inner):
                # One statement across its cue, as for '"...," he added, "..."'.
                source.content_end = quote.inner_end
                source.quotes.append(quote)
                claimed.add(id(quote))
            elif source.kind != "direct" and _quoted_sentence_after(doc, source, quote, inner):
                # 'Judin said the ruling was wrong. "It ignores the law."': the same speaker goes on,
                # one statement in two sentences, as for a quotation continued after its cue.
                source.content_end = quote.inner_end
                source.quotes.append(quote)
                source.kind = "mixed"
                claimed.add(id(quote))
            continue
        out.append(
            _Draft(
                quote.inner_start,
                quote.inner_end,
                "direct",
                source.cue,
                source.cue_text,
                paragraph,
                speaker=source.speaker,
                speaker_head=source.speaker_head,
                quotes=[quote],
            )
        )
        claimed.add(id(quote))
    out.sort(key=lambda d: d.content_start)
    return out


def _next_quoted_sentence(doc: Doc, source: _Draft, quote: Quote, inner: str) -> bool:
    """``"We will hold," the commander said. "The river is our last line."``: a whole quoted sentence
    right after the sentence of a direct statement goes on with that statement."""
    if source.kind != "direct" or not inner.rstrip().endswith(_SENTENCE_ENDS):
        return False
    text = _text(doc)
    if not text[source.content_end : quote.start].strip(" \t\"”»’'"):
        return True  # a third quoted sentence after two, nothing said between them
    after_cue = max(source.content_end, source.cue.idx + len(source.cue.text))
    stop = _SENTENCE_STOP.search(text, after_cue, quote.start + 1)
    return stop is not None and not text[stop.end() : quote.start].strip()


def _quoted_sentence_after(doc: Doc, source: _Draft, quote: Quote, inner: str) -> bool:
    """A whole quoted sentence opening the sentence right after the sentence of a reported one."""
    if not inner.rstrip().endswith(_SENTENCE_ENDS) or not inner[:1].isupper():
        return False
    text = _text(doc)
    stop = _SENTENCE_STOP.search(text, max(source.content_end, source.cue.idx + len(source.cue.text)) - 1)
    return stop is not None and not text[stop.end() : quote.start].strip(" \t\"”»’')")


_SENTENCE_ENDS: Final = (".", "!", "?", "…")
_SENTENCE_STOP: Final = re.compile(r"[.!?…]")


def _labelled_statements(doc: Doc, doc_id: str, paragraph_starts: list[int]) -> list[_Draft]:
    """Transcript, headline and epigraph lines: ``LABEL: words``, ``Name ― "words"``, ``"words" ― Name``.

    An opening label is a speaker when it is a person's name (with a title or without), or a name
    that labels two or more turns of the document with a colon (a transcript's or an interview's
    speakers recur, "BYKOV:" or "Yavir:" whatever the parser makes of the name; a one-off
    "BREAKING:" does not), and any all-capitals label in a document with three or more of them (a
    transcript). A turn may also open after the end of a sentence, in a transcript whose line breaks
    were lost ("... Mr President. Vladimir Putin: How ..."); a turn runs to the next turn's label or
    the end of its line. A signature after a quotation at the end of its line is a speaker whatever
    the name.
    """
    text = _text(doc)
    labels = sorted(_labels(text), key=lambda found: found.start)
    recurring = Counter(found.label for found in labels if found.sep == ":" and not found.signed)
    # In a transcript every speaker's label is in capitals, though one may speak only once.
    transcript = sum(n for label, n in recurring.items() if label.isupper()) >= 3
    opening = [found for found in labels if not found.signed]
    for found, following in pairwise(opening):
        if following.start < found.rest_end:
            found.rest_end = len(text[: following.start].rstrip())
    for found in opening:
        # "... We will work on this. <…>(Pavel Gusev spoke about ...)": after the publisher's cut, or
        # right after a sentence, a bracketed summary of others' remarks is the outlet's, not the
        # turn's; so is "To be continued."
        summary = _CUT_AND_SUMMARY.search(text, found.rest_start, found.rest_end)
        if summary is not None:
            found.rest_end = len(text[: summary.start()].rstrip())
    drafts: list[_Draft] = []
    speakers: set[str] = set()
    # Where an interview's turns begin: what comes before introduces its people.
    first_turn = next(
        (f.start for f in labels if f.label.lower() in _ASKING_LABELS | _ANSWERING_LABELS), None
    )
    for found in labels:
        label, rest = found.label, text[found.rest_start : found.rest_end]
        if len(rest.split()) < 3 or not _label_words_ok(label) or label.lower() in _ASKING_LABELS:
            continue  # "Question (Suspilne): ...": what a reporter asks; a claim inside it is found alone
        if not found.signed and found.sep != ":" and rest[0] not in _OPENING_QUOTES:
            continue  # "WASHINGTON — The Senate ...": a dateline, not a speaker
        tokens = doc.char_span(found.start, found.end, alignment_mode="expand")
        separator = _token_at(doc, found.sep_start)
        if tokens is None or separator is None:
            continue
        person = _entity_of(tokens[-1])
        titled = person is not None and person.label_ == "PERSON" and tokens.start < person.start
        if len(label.split()) > 4 and not titled:
            continue  # a long capitalised run that is no titled name is a heading
        # A name that already labelled a turn ("Governor Petro Kovalenko:", then "Petro Kovalenko:").
        is_person = titled or label in speakers or all(t.ent_type_ == "PERSON" for t in tokens)
        if found.inline and not is_person and recurring[label] < 2:
            continue
        if not is_person and not label.isupper() and all(t.tag_ == "NNS" for t in tokens if t.is_alpha):
            continue  # "Advantages:", "Disadvantages:": a list's heading, however often it recurs
        if (
            not found.signed
            and not is_person
            and recurring[label] < 2
            and not (transcript and label.isupper())
        ):
            continue
        guest = (
            _interviewee(doc, doc_id, text[:first_turn])
            if label.lower() in _ANSWERING_LABELS and first_turn is not None
            else None
        )
        if guest is not None:
            # "GUEST: ...": the person the introduction says the host talks to.
            speaker = replace(guest, description=label)
        elif titled and person is not None:
            # "Prime Minister Denys Shmyhal: ...": the person speaks; the title describes them.
            name = Span(doc_id, person.start_char, person.end_char)
            title = doc[tokens.start : person.start].text
            speaker = Speaker(text=person.text, span=name, referent=name, description=title)
        else:
            labelled = Span(doc_id, found.start, found.end)
            named = _named_before(doc, doc_id, label, found.start)
            speaker = Speaker(text=label, span=labelled, referent=named or labelled)
        speakers.add(speaker.text)
        if _only_questions(rest, speaker=speaker.text):
            continue  # the interviewer's question, a greeting: a turn with nothing said
        if not found.signed and _headline(rest):
            continue  # "TASS: The ministry announced the liberation of X": a digest's headline
        words = doc.char_span(found.rest_start, found.rest_end, alignment_mode="expand")
        if guest is None and words is not None and not any(_finite(t) for t in words):
            # "Containers: 2 Green, 1 Purple", "NAME: Dealing in methamphetamine, held in jail":
            # a labelled list, no sentence said
            continue
        end = found.rest_end - (rest.rstrip()[-1:] in _CLOSING_QUOTES)
        paragraph = _paragraph_of(found.start, paragraph_starts)
        drafts.append(
            _Draft(
                found.rest_start,
                end,
                "direct",
                separator,
                found.sep,  # the token may hold more: "Anna Berg(on grants):"
                paragraph,
                speaker=speaker,
                turn=True,
            )
        )
    return drafts


def _only_an_opener(doc: Doc, start: int, end: int) -> bool:
    """Whether the words from ``start`` to ``end`` only open a sentence, set off by a comma and
    saying nothing of their own: "However,", "In general,", "At the same time,"."""
    words = _text(doc)[start:end]
    span = doc.char_span(start, end, alignment_mode="contract")
    return (
        words.rstrip().endswith(",")
        and 0 < len(words.split()) <= 4
        and span is not None
        and not any(
            t.pos_ in ("VERB", "AUX", "NOUN", "PROPN", "NUM") and t.lower_ not in _OPENER_NOUNS for t in span
        )
    )


# Nouns of openers that set a claim's frame, not its matter: "In general,", "At the same time,".
_OPENER_NOUNS: Final = frozenset({"general", "time", "addition", "turn", "fact", "meantime", "case", "whole"})


def _finite(token: Token) -> bool:
    """A verb that makes a sentence: finite ("is", "said", "will"), or a bare verb that heads its
    sentence ("Thank you", "Let me say"); not a participle in a list ("held in jail")."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    return token.tag_ in ("VBD", "VBZ", "VBP", "MD") or (token.tag_ == "VB" and token.dep_ == "ROOT")


def _signed_posts(doc: Doc, doc_id: str, paragraph_starts: list[int]) -> list[_Draft]:
    """Posts quoted one after another, each under a line naming its author and when it was posted
    ("Vyacheslav Chaus, head of the regional administration, 17.11.2026, 04:12:" and the post on the
    next line): each post is its author's words, said that day."""
    text = _text(doc)
    drafts: list[_Draft] = []
    for m in _POST_HEADER.finditer(text):
        names = doc.char_span(*m.span("name"), alignment_mode="contract")
        # The header's colon, or the clock time that closes a header without one, stands for the cue.
        mark = m.start("colon") if m["colon"] else m.start("bare") if m["bare"] else m.end("clocked") - 1
        colon = _token_at(doc, mark)
        if names is None or colon is None or not any(t.ent_type_ in ("PERSON", "ORG") for t in names):
            continue
        start, end = m.start("post"), m.end("post")
        while start < end and text[start] in _OPENING_QUOTES:
            start += 1
        while end > start and text[end - 1] in _CLOSING_QUOTES:
            end -= 1
        if len(text[start:end].split()) < 3:
            continue
        drafts.append(
            _post(doc_id, m, (start, end), colon, ":", m["info"] or m["clocked"] or "", paragraph_starts)
        )
    return drafts


def _embedded_posts(doc: Doc, doc_id: str, paragraph_starts: list[int]) -> list[_Draft]:
    """A post a page embeds, as its text keeps it: the post's paragraph, then a line with a dash, its
    author's name, the account and the day ("— Digital Foundry (@digitalfoundry) November 18, 2019").
    The post is its author's words, said that day, not the outlet's."""
    text = _text(doc)
    drafts: list[_Draft] = []
    for m in _EMBED_SIGNATURE.finditer(text):
        before = text[: m.start()].rstrip()
        start = before.rfind("\n") + 1
        end = len(_POST_LINK.sub("", before[start:]).rstrip()) + start
        dash = _token_at(doc, m.start("dash"))
        if dash is None or len(text[start:end].split()) < 3 or _EMBED_SIGNATURE.match(text, start):
            continue
        drafts.append(_post(doc_id, m, (start, end), dash, "(post)", m["day"], paragraph_starts))
    return drafts


def _post(
    doc_id: str,
    found: re.Match[str],
    words: tuple[int, int],
    cue: Token,
    cue_text: str,
    dated: str,
    paragraph_starts: list[int],
) -> _Draft:
    """A post's words as its author's (the ``name`` its header or signature gives), said the day the
    ``dated`` words of that line give."""
    name = Span(doc_id, *found.span("name"))
    days = find_dates(dated)
    return _Draft(
        *words,
        "direct",
        cue,
        cue_text,
        _paragraph_of(words[0], paragraph_starts),
        speaker=Speaker(text=found["name"], span=name, referent=name),
        turn=True,
        said_on=days[0][2] if days else None,
    )


# The signature line under an embedded post: a dash, the author's name, the account, the day.
_EMBED_SIGNATURE: Final = re.compile(
    r"(?m)^[ \t]*(?P<dash>[—–-])[ \t]*(?P<name>[^\n()]{1,60}?)[ \t]*\(@\w{1,30}\)[ \t]*"
    r"(?P<day>[A-Z][a-z]+\.? \d{1,2}, \d{4})[ \t]*$"
)
# The link to a post's picture or video that closes its text ("pic.twitter.com/4p7SXk7JPW").
_POST_LINK: Final = re.compile(r"(?:\s+(?:pic\.twitter\.com|https?://)\S+)+\s*$")


def _interview_answers(doc: Doc, doc_id: str, paragraph_starts: list[int]) -> list[_Draft]:
    """An interview printed as questions and answers, each paragraph opened by a dash ("— Is the
    town lost?" / "— No. ...") or by "Q:" and "A:": every answer is the words of the person the
    introduction names, with the paragraphs that carry it on before the next question.

    Only a text with at least two questions each answered is an interview; the interviewee is the
    person the paragraphs before the first question name most often, and without one nobody is.
    """
    text = _text(doc)
    paragraphs = _paragraph_texts(text, paragraph_starts)
    marked: list[tuple[int, int, int, bool]] = []  # paragraph, start of its words, end, is a question
    for number, (start, words) in enumerate(zip(paragraph_starts, paragraphs, strict=True)):
        m = _INTERVIEW_MARK.match(words)
        if m is not None:
            # A question may lead in with what others say ("Russia says it crossed. Is that true?").
            asked = m["mark"][:1] in "Qq" or words.rstrip("\"”»’' ").endswith("?")
            marked.append((number, start + m.end(), start + len(words), asked))
    answered = [i for i in range(1, len(marked)) if marked[i - 1][3] and not marked[i][3]]
    if len(answered) < 2:
        return _unmarked_answers(doc, doc_id, paragraph_starts)
    interviewee = _interviewee(doc, doc_id, text[: paragraph_starts[marked[0][0]]])
    if interviewee is None:
        return []
    drafts: list[_Draft] = []
    for i in answered:
        number, start, end, _ = marked[i]
        following = marked[i + 1][0] if i + 1 < len(marked) else len(paragraph_starts)
        mark = _token_at(doc, paragraph_starts[number])
        if mark is None:
            continue
        drafts.append(_Draft(start, end, "direct", mark, mark.text, number, speaker=interviewee, turn=True))
        for further in range(number + 1, following if i + 1 < len(marked) else number + 1):
            words = paragraphs[further]
            if words and not _only_questions(words):
                at = paragraph_starts[further]
                drafts.append(
                    _Draft(
                        at,
                        at + len(words),
                        "direct",
                        mark,
                        mark.text,
                        further,
                        speaker=interviewee,
                        turn=True,
                    )
                )
    return drafts


def _unmarked_answers(doc: Doc, doc_id: str, paragraph_starts: list[int]) -> list[_Draft]:
    """An interview printed with no marks: after an introduction that says it is one ("We asked
    NAME ...", "spoke to NAME"), short paragraphs that end with a question mark, each followed by its
    answer. The paragraph after each question is the interviewee's; at least three questions are
    answered. A paragraph after the answer is left alone: with no marks, the interviewer's next
    prompt may be a statement ("Russian milbloggers write that ...")."""
    text = _text(doc)
    paragraphs = _paragraph_texts(text, paragraph_starts)
    asked = [bool(words) and words.endswith("?") and len(words) <= _QUESTION_CHARS for words in paragraphs]
    # "Q:" / "NAME:" turns are a labelled transcript's, read as such
    labelled = {n for n, words in enumerate(paragraphs) if _LABEL_LINE.match(words)}
    answers = [
        n
        for n in range(1, len(paragraphs))
        if asked[n - 1] and paragraphs[n] and not asked[n] and not {n - 1, n} & labelled
    ]
    if len(answers) < _UNMARKED_ANSWERS:
        return []
    introduction = text[: paragraph_starts[answers[0] - 1]]
    if not _INTERVIEWED.search(introduction):
        return []
    interviewee = _interviewee(doc, doc_id, introduction)
    if interviewee is None:
        return []
    drafts: list[_Draft] = []
    for number in answers:
        mark = _token_at(doc, paragraph_starts[number])
        if mark is None:
            continue
        start = paragraph_starts[number]
        drafts.append(
            _Draft(
                start,
                start + len(paragraphs[number]),
                "direct",
                mark,
                "",
                number,
                speaker=interviewee,
                turn=True,
            )
        )
    return drafts


_QUESTION_CHARS: Final = 300
_UNMARKED_ANSWERS: Final = 3


def _interviewee(doc: Doc, doc_id: str, introduction: str) -> Speaker | None:
    """The person an interview's introduction names most often (by surname), the one talked to, with or
    asked ("NAME talks to NAME2", "a conversation with NAME2", "We asked NAME2") first on a tie, then the
    first named."""
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= len(introduction) and len(e) > 1]
    if not people:
        return None
    counts = Counter(e[-1].text for e in doc.ents if e.label_ == "PERSON" and e.end_char <= len(introduction))

    def talked_to(person: TokenSpan) -> bool:
        return any(
            t.lower_ in ("to", "with", "guest", "interviewee", "asked")
            for t in doc[max(0, person.start - 6) : person.start]
        )

    best = max(people, key=lambda e: (counts[e[-1].text], talked_to(e), -e.start))
    span = Span(doc_id, best.start_char, best.end_char)
    return Speaker(text=best.text, span=span, referent=span)


def _headline(words: str) -> bool:
    """A short line closed by no punctuation: a headline after an outlet's label, never a turn."""
    stripped = words.rstrip()
    return len(stripped.split()) <= _HEADLINE_WORDS and stripped[-1:].isalnum()


_HEADLINE_WORDS: Final = 20


def _only_questions(words: str, *, speaker: str | None = None) -> bool:
    """A turn that asks and says nothing: every sentence is a question ("What else needs to be done?"
    or "Many are interested in whether ..."), a courtesy ("Understood.", "Thank you very much.", "Good
    afternoon, colleagues.") or, when the turn's ``speaker`` is named, the asker introducing
    themselves ("Good afternoon, Mr President, Anna Berg, a nurse from Lviv.")."""
    words = _TITLE_ABBREVIATION.sub(r"\1", words)  # "Mr. President, did you ...?" is one sentence
    sentences = [m.group().strip() for m in _SENTENCE_CHUNK.finditer(words) if m.group().strip()]
    return bool(sentences) and all(
        s.rstrip("\"”»’' ").endswith("?")
        or _ASKING.search(s) is not None
        or _courtesy(s)
        or _introduction(s, speaker)
        for s in sentences
    )


def _courtesy(sentence: str) -> bool:
    words = sentence.lower().strip(" .,!<>…[]")  # "<…>": a cut the publisher marked
    return not words or _COURTESY.fullmatch(words) is not None


def _introduction(sentence: str, speaker: str | None) -> bool:
    """ "Anna Berg, a nurse from Lviv.", "My name is Anna Berg.": who is asking, after any courtesy."""
    if speaker is None:
        return False
    rest = _GREETING.sub("", sentence.lower().strip())
    return rest.startswith(speaker.lower())


_GREETING: Final = re.compile(
    r"^(?:(?:good (?:morning|afternoon|evening|day)|hello|hi|mr\.? president|madam president|colleagues"
    r"|my name is|i am|i'm)\b[ ,!.]*)+"
)


# A sentence that only puts a question, or says what one asked about: "I have a question about ...",
# "Many are also interested in whether ...", "I would like to know if ...", "I am referring to ...".
_ASKING: Final = re.compile(
    r"^(?:[\w,' ]{0,40}\b(?:interested (?:in|to know) (?:whether|if|how|what|when|why)"
    r"|(?:wonder|wondering|want to know|would like to know|like to ask|want to ask)"
    r" (?:whether|if|how|what|when|why)"
    r"|(?:i|we) have (?:a|one|another|two|three) (?:short |brief |last )?questions?\b)"
    r"|(?:i am|i'm) (?:referring to|talking about)\b)",
    re.IGNORECASE,
)


_COURTESY: Final = re.compile(
    r"(?:(?:thank you(?: very much)?|thanks|good (?:morning|afternoon|evening|day)|understood|good|fine|yes|"
    r"no|all right|okay|ok|welcome|please|goodbye|colleagues|friends|mr\.? president|madam president"
    r"|(?:please\s+)?go ahead|you have the floor|the floor is yours|over to you|next question)"
    r"[ ,!]*)+"
)


_RESEARCH_BODIES: Final = frozenset(
    "institute centre center lab laboratory school foundation university observatory".split()
)
_GENDERED: Final = {"she": "f", "her": "f", "he": "m", "him": "m", "his": "m"}
_MALE_GIVEN_IN_A: Final = frozenset(
    {"mykola", "nikita", "mykyta", "ilya", "illia", "luka", "foma", "kuzma", "sava"}
)
_FEMALE_SURNAMES: Final = ("ova", "eva", "ina", "ska", "skaya", "tska", "zka")
_MALE_SURNAMES: Final = ("ov", "ev", "enko", "skyi", "skiy", "sky", "tskyi", "chuk", "yuk", "uk", "vych")
_RELATIVE_PRONOUNS: Final = frozenset({"who", "that", "which", "whom"})
_VOCATIVES: Final = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "madam", "dear", "sir"})
# A post's header line: its author's name (a person, or a body with its area: "State Emergency Service in
# Kharkiv region"), maybe a title and the time, and a colon; the post follows
# on the next line (or after one blank line: cleaning keeps paragraphs apart so).
_POST_HEADER: Final = re.compile(
    r"(?m)^[^\w\n\"“]{0,4}[ \t]*(?P<name>[A-ZА-ЯІЇЄҐЁ][\w'’.-]+"
    r"(?:[ \t]+(?:(?:of|in|for|the|and)[ \t]+)?[A-ZА-ЯІЇЄҐЁ][\w'’.-]+){1,4}"
    r"(?:[ \t]+(?:region|oblast|district|city|community))?)"
    # ", head of the regional administration, 17.11.2026, 04:12:" or "| Вінницька ОВА, 18.11.2026 02:14"
    r"(?:(?P<info>[ \t]*[,|·][^\n:]{0,100}(?::\d\d[^\n:]{0,20})?)(?P<colon>:)"
    r"|(?P<clocked>[ \t]*[,|·][^\n:]{0,100}\d{1,2}:\d\d)|(?P<bare>:))"
    r"[ \t]*\n(?:[ \t]*\n)?(?P<post>[^\n]+)"
)
# How an interview's paragraphs open: a dash, or "Q:" and "A:".
_INTERVIEW_MARK: Final = re.compile(
    r"[ \t]*(?:(?P<mark>[—–]|-(?=[ \t])|[QqAa](?=[:.][ \t]))[:.]?)[ \t]*(?=\S)"
)
# Labels of an interview's answers, whose speaker the introduction names.
_ANSWERING_LABELS: Final = frozenset({"guest", "interviewee", "a", "answer"})
# Labels of a press conference's or interview's questions, whoever asks them.
_ASKING_LABELS: Final = frozenset(
    {"question", "q", "journalist", "reporter", "correspondent", "interviewer", "host", "presenter", "anchor"}
    | {"moderator"}
)
_TITLE_ABBREVIATION: Final = re.compile(r"\b(Mr|Mrs|Ms|Dr|Prof|Gen|Gov|Sen|Rep|St)\.")
_SENTENCE_CHUNK: Final = re.compile(r"[^.!?…]+[.!?…]*[\"”»’']*")


def _continued_turns(doc: Doc, drafts: list[_Draft], paragraph_starts: list[int]) -> list[_Draft]:
    """A transcript turn's further paragraphs, up to the next label: each is the same speaker's words.

    A paragraph goes on with the turn before it when it is prose (it ends a sentence), nobody else is
    reported in it (a first-person "we also spoke about ..." is the turn's own words), and either it
    speaks in the first or second person or another turn's label follows it: narration after a
    transcript ("The leaders agreed to meet again.") does neither.
    """
    text = _text(doc)
    turns = sorted((d for d in drafts if d.turn), key=lambda d: d.content_start)
    labelled = {d.paragraph for d in turns}
    reported = {d.paragraph for d in drafts if not d.turn and not _first_person(d)}
    continued: list[_Draft] = []
    for turn in turns:
        if text.find("\n", turn.content_end) != turn.content_end and turn.content_end < len(text):
            continue  # the turn ends inside its line: the next words are someone else's
        paragraph = turn.paragraph + 1
        while paragraph < len(paragraph_starts) and paragraph not in labelled and paragraph not in reported:
            start = paragraph_starts[paragraph]
            end = (
                len(text[: paragraph_starts[paragraph + 1]].rstrip())
                if paragraph + 1 < len(paragraph_starts)
                else len(text.rstrip())
            )
            words = text[start:end]
            if (
                not words.endswith(_SENTENCE_ENDS)
                or len(words.split()) < 4
                or _LABEL_LINE.match(words)
                or _only_questions(words)  # the interviewer's next question, however it is labelled
            ):
                break
            follows = paragraph + 1 in labelled or (
                paragraph + 1 < len(paragraph_starts)
                and _LABEL_LINE.match(text, paragraph_starts[paragraph + 1])
            )
            if not (_ADDRESSING.search(words) or follows):
                break
            continued.append(
                replace(turn, content_start=start, content_end=end, paragraph=paragraph, quotes=[])
            )
            paragraph += 1
    return continued


def _first_person(draft: _Draft) -> bool:
    own = _FIRST_PERSON | {"me", "us"}  # "It seems to me that ...": the one it seems to
    if draft.speaker is not None:
        return draft.speaker.text.lower() in own
    subject = draft.speaker_head or _speaker_token(draft.cue)
    return subject is not None and subject.lower_ in own


_FIRST_PERSON: Final = frozenset({"i", "we"})
_TELLING: Final = frozenset({"tell", "inform", "brief", "report", "assure", "warn", "say"})
# Of those, the verbs whose passive subject is always the one addressed ("was told", "were warned").
_ADDRESSING_VERBS: Final = word_list("addressing_verbs")
_ADDRESSEES: Final = frozenset({"you"})
_KNOWING: Final = frozenset({"know", "learn", "realize", "realise", "understand"})
# "We have all felt how much they want freedom": what was perceived, not a view put.
_PERCEIVING: Final = word_list("perceiving_verbs")
_ADDRESSING: Final = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Uu]s|[Mm]y|[Mm]e|[Yy]ou|[Yy]our)\b")


@dataclass(slots=True)
class _Label:
    """A speaker's label and where the words it labels lie."""

    label: str
    start: int
    end: int
    sep: str
    sep_start: int
    rest_start: int
    rest_end: int
    signed: bool = False  # after the words, as a signature
    inline: bool = False  # after a sentence, not at the start of a line


def _labels(text: str) -> Iterable[_Label]:
    for m in _LABEL_LINE.finditer(text):
        yield _Label(m["label"], *m.span("label"), m["sep"], m.start("sep"), *m.span("rest"))
    # A title opens the label whatever word comes before it ("... of the Union State President of the
    # Republic of Belarus NAME:", "Russian Prime Minister NAME:"): the name closing it is the speaker.
    titled = [
        m
        for m in _RUN_ON_TITLED_LABEL.finditer(text)
        if text[: m.start()].split()[-1:] not in (["Prime"], ["Deputy"], ["Vice"], ["Acting"], ["First"])
    ]
    # "President of Moldova NAME:" is a titled label; the name alone after "of" is no label of its own.
    named = [
        m
        for m in _RUN_ON_NAMED_LABEL.finditer(text)
        if _after_a_lower_case_word(text, m.start())
        and text[: m.start()].split()[-1] not in ("of", "the", "for", "and", "on")
        and not any(t.start() <= m.start() < t.end() for t in titled)
    ]
    run_on = (*titled, *named)
    for m in (*_INLINE_LABEL.finditer(text), *run_on):
        yield _Label(
            m["label"], *m.span("label"), ":", m.start("sep"), m.end(), _line_end(text, m.end()), inline=True
        )
    for m in _TOOLTIP_LABEL.finditer(text):
        # The title the tooltip repeats stands before the name too: it is part of the label, not of
        # the turn before.
        before = text[: m.start("label")].rstrip()
        title = m["title"].strip()
        start = len(before) - len(title) if title and before.endswith(title) else m.start("label")
        label = text[start : m.end("label")]
        yield _Label(
            label, start, m.end("label"), ":", m.start("sep"), m.end(), _line_end(text, m.end()), inline=True
        )
    for m in _SIGNED_LINE.finditer(text):
        yield _Label(m["label"], *m.span("label"), m["sep"], m.start("sep"), *m.span("rest"), signed=True)


def _line_end(text: str, at: int) -> int:
    """Where the words of the line holding ``at`` end, trailing spaces left out."""
    line_end = text.find("\n", at)
    return len(text[: line_end if line_end >= 0 else len(text)].rstrip())


def _after_a_lower_case_word(text: str, at: int) -> bool:
    """Whether the word before ``at`` is all lower case: "talks President ..." but not "Prime Minister"."""
    before = text[max(0, at - 40) : at].split()
    return bool(before) and before[-1].islower()


def _named_before(doc: Doc, doc_id: str, label: str, at: int) -> Span | None:
    """The full name a transcript's label stands for: "BYKOV:" after "The host, Rostislav Bykov, ...",
    the person named nearest before the label (else first after it) with more words than the label,
    ending in the label's words."""
    words = label.lower().split()
    named = [
        ent
        for ent in doc.ents
        if ent.label_ == "PERSON"
        and len(ent) > len(words)
        and [t.lower_ for t in ent][-len(words) :] == words
    ]
    before = [ent for ent in named if ent.end_char <= at]
    found = before[-1] if before else next(iter(named), None)
    return None if found is None else Span(doc_id, found.start_char, found.end_char)


def _label_words_ok(label: str) -> bool:
    # Only the label's capitalised words: "of the" inside a title ("President of the Republic of
    # Finland NAME") is no kicker; nor is a day ("11 a.m. Saturday:" ends a fixture's heading).
    words = [w.lower().strip(".'") for w in label.replace("’", "'").split() if w[:1].isupper()]
    return not any(w in _NOT_SPEAKER_LABELS or w in WEEKDAYS for w in words)


# -- indirect and mixed speech ------------------------------------------------------------------------


def _indirect_statements(
    doc: Doc, doc_id: str, quotes: list[Quote], paragraph_starts: list[int], used_cues: set[int]
) -> list[_Draft]:
    drafts: list[_Draft] = []
    for token in doc:
        if token.i in used_cues or _inside(token.idx, quotes) or _negated(token) or _unrealised(token):
            continue
        if _reports_nothing(token):
            continue
        teller = None
        if token.lemma_ in _TELLING and any(
            c.dep_ == "nsubjpass" and (c.lower_ in _FIRST_PERSON or token.lemma_ in _ADDRESSING_VERBS)
            for c in token.children
        ):
            # "As I was informed, ...", "They were told it would be a short exercise": the one told is
            # no speaker; the teller is, when named ("were told by the chairman", "in an email from").
            teller = _named_teller(token)
            if teller is None:
                continue
        if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            draft = _according_to(doc, doc_id, token, paragraph_starts)
        elif token.i == token.sent.start and token.lower_ in ("by", "in"):
            draft = _source_frame(doc, doc_id, token, paragraph_starts)
        elif token.lemma_ in ("seem", "appear") and token.pos_ == "VERB":
            draft = _seems_to_me(doc, token, paragraph_starts)
        elif token.lemma_ in ("draw", "call") and any(c.lower_ == "attention" for c in token.children):
            draft = _drawn_attention(token, paragraph_starts)
        elif (marker := _call_marker(token)) is not None:
            draft = _called_for(doc, token, marker, paragraph_starts)
        elif (
            token.lemma_ in ("call", "describe", "label", "brand", "dub", "name", "term")
            and token.pos_ == "VERB"
        ):
            draft = _characterisation(doc, token, paragraph_starts)
        elif (counted := _count_object(token)) is not None:
            draft = _count_given(token, counted, paragraph_starts)
        elif token.lemma_ == "make" and token.pos_ == "VERB":
            draft = _made_clear(doc, token, paragraph_starts)
        elif token.lemma_ in _RECEIVING and token.pos_ == "VERB":
            draft = _received_from(doc, doc_id, token, paragraph_starts)
        elif _is_cue(token):
            draft = (
                _framing(doc, doc_id, token, paragraph_starts)
                or _stated_before(doc, doc_id, token, paragraph_starts)
                or _clausal(doc, token, paragraph_starts)
                or _that_clause_unparsed(doc, token, paragraph_starts)
            )
            if draft is None and (items := _listed(doc, token, paragraph_starts)):
                drafts.extend(items)
                continue
            # "fears an attack", "expects profits": a belief with an object voices nothing, unless
            # the speaker voices it ("We expect decisions from our partners").
            if draft is None and (
                token.lemma_ not in _OBJECT_IS_NOT_CONTENT | BELIEF_LEMMAS or _voiced_by_the_speaker(token)
            ):
                draft = _act(doc, token, paragraph_starts)
        elif token.lemma_ in _ACT_CUES and token.pos_ == "VERB":
            draft = _act(doc, token, paragraph_starts)
        elif token.pos_ == "NOUN" and token.lemma_ in CLAIM_NOUNS:
            draft = _nominal(doc, doc_id, token, paragraph_starts)
        elif token.lemma_ == "doubt" and token.pos_ == "NOUN":
            draft = _no_doubt(doc, token, paragraph_starts)
        elif token.lower_ in _CONVICTION and (
            # "is convinced that" parses as a passive verb as often as an adjective
            token.dep_ == "acomp" or any(c.dep_ == "auxpass" for c in token.children)
        ):
            draft = _convinced(doc, token, paragraph_starts)
        else:
            draft = None
        if draft is None or _described_belief(draft):
            continue
        if teller is not None:
            draft.speaker_head = teller
        if any(q.start < draft.content_end and draft.content_start < q.end for q in quotes):
            draft.kind = "mixed"
            draft.quotes = [q for q in quotes if draft.content_start <= q.start < draft.content_end]
        drafts.append(draft)
    return drafts


def _named_teller(verb: Token) -> Token | None:
    """Who told those a passive "told" or "informed" has as its subject: the agent ("were told by the
    chairman"), or the sender of the message it came in ("were told in an email from NAME")."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
        if child.dep_ == "prep" and child.lower_ in ("in", "via", "through"):
            message = next((g for g in child.children if g.dep_ == "pobj"), None)
            if message is None or message.lemma_ not in _MESSAGES:
                continue
            sender = next((g for g in message.children if g.dep_ == "prep" and g.lower_ == "from"), None)
            if sender is not None:
                return next((g for g in sender.children if g.dep_ == "pobj"), None)
    return None


# What words come in: "told in an email from NAME", "received a report from NAME: ...".
_MESSAGES: Final = frozenset(
    {"email", "e-mail", "letter", "memo", "message", "note", "post", "statement", "call"}
    | {"report", "word", "information", "news", "assurance", "confirmation", "signal", "briefing", "update"}
)


def _drawn_attention(verb: Token, paragraph_starts: list[int]) -> _Draft | None:
    """ "drew attention to the importance of ...", "called attention to ...": the point made is what
    the "to" phrase names."""
    attention = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "attention"), None)
    if attention is None or _speaker_token(verb) is None:
        return None
    to = next(
        (c for c in (*attention.children, *verb.children) if c.dep_ == "prep" and c.lower_ == "to"), None
    )
    point = None if to is None else next((c for c in to.children if c.dep_ in ("pobj", "pcomp")), None)
    if point is None or point.right_edge.i - point.left_edge.i < 1:
        return None
    end = _clause_end(verb, point.right_edge)
    return _indirect(point.left_edge.idx, end.idx + len(end.text), verb, paragraph_starts)


def _voiced_by_the_speaker(cue: Token) -> bool:
    """ "We expect decisions", "I hope for peace": a belief the speaker states in the first person;
    not "We have all felt how much they want freedom", what was perceived."""
    subject = _speaker_token(cue)
    perceived = any(
        c.dep_ in _CONTENT_DEPS and c.left_edge.tag_ in ("WP", "WRB", "WDT") for c in cue.children
    )
    return (
        cue.lemma_ in BELIEF_LEMMAS
        and subject is not None
        and subject.lower_ in _FIRST_PERSON
        and not perceived
    )


def _described_belief(draft: _Draft) -> bool:
    """ "businessmen who feel that the state is on their side": a relative clause in which the writer
    says what others think or know, not words anyone said."""
    if draft.cue.lemma_ not in BELIEF_LEMMAS | EVIDENCE_LEMMAS:
        return False
    subject = draft.speaker_head or _speaker_token(draft.cue)
    return subject is not None and subject.lower_ in _RELATIVE_PRONOUNS


def _negated(verb: Token) -> bool:
    """Whether a verb says that nobody said it: "did not respond to a request for comment", "never
    apologised", "None of the guests mentioned ...", "no official confirmed ..."."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    # "without admitting any losses": a speech the sentence says did not happen.
    if verb.dep_ == "pcomp" and verb.head.lower_ == "without":
        return True
    # "does not intend to comment", "did not want to say": the speech is negated with its frame.
    if verb.dep_ == "xcomp" and any(c.dep_ == "neg" for c in verb.head.children):
        return True
    # "said nothing about the strike", "told no one": what was said is nothing.
    if any(c.dep_ in ("dobj", "ccomp") and c.lower_ in _NOBODY for c in verb.children):
        return True
    # "declined to comment", "refused to elaborate": a refusal to speak is no statement, and the
    # speech verb it refuses is none either.
    if verb.lemma_ in _REFUSALS and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in _SILENT_VERBS for c in verb.children
    ):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _REFUSALS and verb.lemma_.lower() in _SILENT_VERBS:
        return True
    # "Asked about the strike, the general ...", "Clinton was asked why ...": the subject of a passive
    # question is who was asked, and the question is no claim. ("I'm told that ..." stays: an unnamed
    # source told the writer something.)
    if verb.lemma_.lower() in _QUESTION_VERBS and _passive(verb):
        return True
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None:
        return False
    return subject.lower_ in _NOBODY or any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


_REFLEXIVES: Final = frozenset(
    {"myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves", "themselves"}
)


def _reports_nothing(verb: Token) -> bool:
    """Uses of a cue's verb that report no words:
    - a participle describing a noun ("the corridors agreed upon with Russia"), also when parsed as
      the sentence's verb;
    - thinking about something with no thought given ("we are thinking about the rear");
    - saying what is not a report ("we say their names", "said goodbye");
    - a thing that boasts a feature;
    - a view expressed on a topic with no view given ("expressed his point of view on X");
    - words said to oneself ("they tell themselves it is fine"): a thought, not a statement."""
    if verb.pos_ != "VERB":
        return False
    children = list(verb.children)
    if any(c.dep_ in ("dobj", "dative") and c.lower_ in _REFLEXIVES for c in children):
        return True
    clause = any(c.dep_ in _CONTENT_DEPS for c in children)
    objects = [c for c in children if c.dep_ == "dobj"]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_ in _AGREEING:
        return True
    if any(
        c.dep_ == "ccomp" and c.left_edge.dep_ == "aux" and not _has_subject(c) for c in children
    ) and not any(c.dep_ == "ccomp" and (_has_that(c) or _has_subject(c)) for c in children):
        # "The corridors agreed upon with Russia did not work": the parser took the sentence's own
        # predicate for a clause reported by a participle; a reported clause has its subject. Beside
        # a "that" clause of the cue's ("told Reuters that the hotel, closed since 2022, had been
        # rented"), such a predicate is the rest of that clause.
        return True
    if verb.lemma_ in BELIEF_LEMMAS and not clause and not objects:
        return any(c.dep_ == "prep" and c.lower_ in ("about", "of") for c in children)
    if verb.lemma_ == "say" and any(o.lemma_.lower() in _UTTERED for o in objects):
        return True
    if verb.lemma_ == "boast" and objects and not clause:
        return True
    return (
        verb.lemma_ == "express"
        and not clause
        and any(o.lemma_.lower() in _VIEW_NOUNS and not _has_clause(o) for o in objects)
    )


def _has_subject(clause: Token) -> bool:
    return any(c.dep_ in (*_SUBJECT_DEPS, "expl") for c in clause.children)


def _has_clause(noun: Token) -> bool:
    """Whether a noun goes on with what it holds: "the view that ...", "concern that ..."."""
    return any(c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i for c in noun.subtree)


# Verbs of agreeing whose participle names an agreed thing: "the corridors agreed upon".
_AGREEING: Final = frozenset({"agree", "approve", "announce", "promise", "declare", "propose"})
# What one says that reports nothing: "say their names", "say goodbye", "say a prayer".
_UTTERED: Final = frozenset({"name", "goodbye", "farewell", "prayer", "grace", "hello", "mass"})
_VIEW_NOUNS: Final = frozenset({"view", "opinion", "position", "thought", "point", "vision", "perspective"})


def _unrealised(verb: Token) -> bool:
    """Whether a speech the sentence speaks of has not happened: a prediction or a possibility ("they
    will say that ...", "Moscow could claim ..."), or a condition ("if they ask for ..."). A speaker's
    own "I will say this: ..." is said as it is announced."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    modal = any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)
    if modal and not (subject is not None and subject.lower_ == "i"):
        return True
    # "we need to think about", "each must show that", "let's show that", "no country will want to
    # invite": a task, a wish or a forecast. Saying, thanking and the like are done as they are
    # announced ("I must say", "I want to thank").
    done_by_saying = verb.lemma_ in SPEECH_LEMMAS or verb.lemma_ in ACT_LEMMAS
    clause = verb
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children):
            return True
        if not done_by_saying and (
            any(c.dep_ == "aux" and c.lower_ in _OBLIGATIONS for c in clause.children)
            or (clause.dep_ == "xcomp" and clause.head.lemma_ in _NOT_YET_DONE)
            or (clause.dep_ == "ccomp" and clause.head.lemma_ == "let")
        ):
            return True
        if (
            clause.i != verb.i
            and any(c.dep_ == "aux" and c.lower_ in _MODALS for c in clause.children)
            and not any(c.dep_ in _SUBJECT_DEPS and c.lower_ in _FIRST_PERSON for c in clause.children)
        ):
            return True  # "no country will want to invite", but "I would like to inform you that"
        if clause.dep_ not in ("conj", "xcomp") or clause.head.i == clause.i:
            break
        clause = clause.head
    return False


_OBLIGATIONS: Final = frozenset({"must", "should", "ought"})
_NOT_YET_DONE: Final = frozenset({"need", "want", "let", "try", "wish", "have"})


# What a report is about, not what it says: 'reported about the "operation"', 'wrote on "the deal"'.
_ABOUT_PREPOSITIONS: Final = frozenset({"about", "on", "regarding", "concerning", "over"})
_MODALS: Final = frozenset({"will", "would", "could", "might", "may", "shall", "'ll", "’ll", "wo"})


def _listed(doc: Doc, cue: Token, paragraph_starts: list[int]) -> list[_Draft]:
    """``The General Staff writes that:`` closing its paragraph, then a list: each item is a statement
    of the cue's speaker. The items are the paragraphs that follow (cleaning leaves a bulleted list
    as one paragraph an item) while each before ends with a semicolon or a comma, up to one that
    closes the list with a full stop."""
    text = _text(doc)
    paragraph_end = text.find("\n\n", cue.idx)
    if paragraph_end < 0 or _speaker_token(cue) is None:
        return []
    if not _LIST_LEAD.fullmatch(text, cue.idx + len(cue.text), paragraph_end) and not _leads_in(
        doc, cue, paragraph_end
    ):
        return []
    items: list[_Draft] = []
    start = paragraph_end + 2
    while start < len(text) and len(items) < _MOST_LISTED_ITEMS:
        end = text.find("\n\n", start)
        end = len(text) if end < 0 else end
        item = text[start:end].rstrip()
        if not item or item.endswith(":"):
            break
        content_end = start + len(item.rstrip(";,."))
        items.append(_indirect(start, content_end, cue, paragraph_starts))
        if not item.endswith((";", ",")):
            break
        start = end + 2
    return items


def _leads_in(doc: Doc, cue: Token, paragraph_end: int) -> bool:
    """ "The governor wrote on Telegram:", "Here is what NAME told Suspilne earlier:": a cue with
    only its channel, addressee or time after it, closing its paragraph with a colon, introduces the
    paragraph that follows."""
    lead = doc.char_span(cue.idx + len(cue.text), paragraph_end, alignment_mode="contract")
    if lead is None or not lead.text.rstrip().endswith(":") or len(lead) > 10:
        return False
    return all(
        t.text == ":" or (not t.is_sent_start and t.dep_ not in _CONTENT_DEPS and t.lower_ != "that")
        for t in lead
        if not t.is_space
    )


# What may stand between a list's cue and its colon: "writes that:", "said the following:".
_LIST_LEAD: Final = re.compile(r"[ \t]*(?:,[ \t]*)?(?:that|the following|as follows)?[ \t]*:[ \t]*")
_MOST_LISTED_ITEMS: Final = 20


def _passive(verb: Token) -> bool:
    """A passive verb: "was asked", or a bare participle opening a clause ("Asked about it, ...")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("advcl", "acl")
        and not any(c.dep_ in ("aux", "nsubj") for c in verb.children)
    )


def _clausal(doc: Doc, cue: Token, paragraph_starts: list[int]) -> _Draft | None:
    subject = _speaker_token(cue)
    if subject is None:
        return None
    if cue.lemma_ in BELIEF_LEMMAS and cue.dep_ in ("xcomp", "ccomp") and cue.head.lemma_ in _CAUSING:
        return None  # "led employees to believe that ...": a belief brought about, no one's words
    if cue.lemma_ in _KNOWING and subject.lower_ not in _FIRST_PERSON:
        # "they know that ...", "the world has learned that ...": the writer says what others know;
        # "I know that ..." is the speaker's own stated view.
        return None
    if cue.lemma_ in EVIDENCE_LEMMAS and not any(c.dep_ == "ccomp" and _has_that(c) for c in cue.children):
        # "found the body", "know the area": without a "that" clause these verbs report nothing.
        return None
    if cue.lemma_ in _SHOWING and _a_state_of_affairs(subject):
        # "This indicates that ...", "the liberation proves that ...", "ten weeks showed that ...":
        # the writer draws an inference from events; nobody said it.
        return None
    complements = [c for c in cue.children if c.dep_ in _CONTENT_DEPS and c.i > cue.i]
    if cue.lemma_ in ("say", "tell", "add", "write", "report", "claim", "deny"):
        # "said Monday that ..." sometimes parses the clause as an adverbial or conjoined verb.
        complements += [
            c for c in cue.children if c.dep_ in ("advcl", "conj") and c.i > cue.i and _has_that(c)
        ]
    if cue.lemma_ in SPEECH_LEMMAS:
        complements += _that_clause_on_a_phrase(cue)  # "assessed in its update that ..."
    # "vowed to bolster", "said to be": an infinitive is an intention or hearsay frame, not a report;
    # "expects profits to rise" is a forecast, no belief anyone voiced.
    complements = [
        c
        for c in complements
        if (c.dep_ != "xcomp" or (c.pos_ == "VERB" and (not _has_to(c) or cue.lemma_ in INTENTION_LEMMAS)))
        and not (cue.lemma_ in BELIEF_LEMMAS and _has_to(c))
    ]
    if not complements:
        return _preceding_clause(doc, cue, paragraph_starts) or _parenthetical(doc, cue, paragraph_starts)
    complements.sort(key=lambda c: c.i)
    clause = complements[0]
    tokens = sorted(t.i for t in clause.subtree)
    # "said in a statement that pressure remained low ..., and that water would return": the parser
    # hung the first clause on the phrase and the second on the cue; both were said.
    tokens += [t.i for c in complements[1:] if c.dep_ == "conj" and _has_that(c) for t in c.subtree]
    tokens.sort()
    believed = cue.lemma_ in BELIEF_LEMMAS or cue.lemma_ in _KNOWING or cue.lemma_ in _PERCEIVING
    if believed and doc[tokens[0]].tag_ in ("WP", "WRB", "WDT"):
        return None  # "before the murderers feel what a fair response is": no view, a question's answer
    if cue.lemma_ in _TELLING_WHAT and doc[tokens[0]].lower_ in ("what", "whatever"):
        return None  # "told President Biden what the country needs": a topic, the needs unsaid
    start_token = doc[tokens[0]]
    # "claimed that the town held": the conjunction, however parsed ("that" as an object of "held");
    # not the pronoun of "said that was a lie", a subject before its verb.
    conjunction = start_token.dep_ == "mark" or (
        start_token.dep_ == "dobj" and doc[tokens[0] + 1].pos_ not in ("VERB", "AUX")
    )
    if start_token.lower_ == "that" and (conjunction or clause.dep_ == "relcl"):
        start_token = doc[tokens[0] + 1]
    if clause.dep_ == "ccomp" and (leading := _leading_time_phrase(clause)) is not None:
        start_token = doc[leading.end]  # the cue's day, not what was said
    addressed = _object_of_a_subjectless_clause(cue, clause)
    if addressed is not None:
        start_token = addressed
    end_token = _clause_end(cue, doc[tokens[-1]])
    if end_token.i - start_token.i < 2 or "\n\n" in _text(doc)[cue.idx : end_token.idx]:
        return None
    if start_token.i == end_token.i or doc[start_token.i : end_token.i + 1].text.lower() in _EMPTY_CONTENT:
        return None
    return _indirect(start_token.idx, end_token.idx + len(end_token.text), cue, paragraph_starts)


def _object_of_a_subjectless_clause(cue: Token, clause: Token) -> Token | None:
    """``urged residents of the left bank to leave``, ``announced a package of aid worth 1.3
    billion euros``: a complement with no subject of its own goes with the cue's object before it
    (whom it was urged on, what the parser split off the object), so the content opens there."""
    if any(c.dep_ in (*_SUBJECT_DEPS, "expl") for c in clause.children) or (
        clause.dep_ != "xcomp" and clause.pos_ in ("VERB", "AUX")
    ):
        return None  # "told the Courier there was no panic": the object is whom it was told
    obj = next((c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < clause.i), None)
    return None if obj is None else obj.left_edge


def _framing(doc: Doc, doc_id: str, cue: Token, paragraph_starts: list[int]) -> _Draft | None:
    """A report framing a clause of its own, as the text words it: ``As the mayor said on Monday,
    the water is back``, ``As reported by the General Staff, ...``, ``..., as the ministry said.``
    In text translated from Ukrainian or Russian the speaker follows the verb: ``As informed the
    mayor NAME in Telegram, ...``, ``..., informed the head of the regional administration NAME.``,
    ``..., reported in the Ministry of Defence.`` And where the parser lost the subject in commas
    (``..., the head of the city administration, NAME, said on Wednesday.``) the name the cue
    closes on speaks. The clause outside the frame is what was said."""
    if cue.lemma_ not in SPEECH_LEMMAS or cue.pos_ != "VERB":
        return None
    if any(c.dep_ == "ccomp" and _has_that(c) for c in cue.children):
        return None  # "..., as Kyiv warned that Moscow was trying to ...": a report of its own
    sentence = cue.sent
    words = [t for t in doc[sentence.start : sentence.end] if not t.is_space]
    while words and words[-1].is_punct:
        words.pop()
    if not words or cue.i > words[-1].i:
        return None
    first_word, end = words[0].i, words[-1].i + 1
    before = doc[cue.i - 1] if cue.i > sentence.start else None
    mark = next((c for c in cue.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    if mark is None and before is not None and before.lower_ == "as":
        mark = before
    subject = next(
        (c for c in cue.children if _nominal_subject(c) and c.i < cue.i and (mark is None or c.i > mark.i)),
        None,
    )
    speaker: Speaker | None = None
    if mark is not None and mark.i == first_word:
        closing = next((t for t in doc[cue.i + 1 : end - 1] if t.text == ","), None)
        if closing is None:
            return None
        frame_end, content = closing.i, (closing.i + 1, end)
    elif mark is not None and mark.i > first_word and doc[mark.i - 1].text == ",":
        frame_end, content = end, (first_word, mark.i - 1)
    elif (
        mark is None
        and before is not None
        and before.text == ","
        and _postposing(cue)
        and (named_after := _named_after(doc, doc_id, cue, end)) is not None
    ):
        # "About 140 civilians still live there, among them elderly people ..., said to RIA Novosti
        # the head of the administration NAME": the name after the cue speaks, whatever noun before
        # the comma the parser took for the subject
        speaker, frame_end, content = named_after, end, (first_word, before.i)
    elif mark is not None or subject is not None or any(_nominal_subject(c) for c in cue.children):
        return None
    elif (named := _named_right_before(doc, doc_id, cue, first_word)) is not None:
        speaker, phrase_start = named
        frame_end, content = end, (first_word, phrase_start - 1)
    elif before is not None and before.text == "," and _postposing(cue):
        frame_end, content = end, (first_word, before.i)
    elif (
        before is not None
        and before.dep_ == "auxpass"
        and before.i - 1 > first_word
        and doc[before.i - 1].text == ","
        and _postposing(cue)
    ):
        # "..., was stressed in the company": translated Russian drops the "it" of the passive.
        frame_end, content = end, (first_word, before.i - 1)
    else:
        return None
    words_said = doc[content[0] : content[1]]
    # "Nobody suffered, specified the governor.": two words are enough when they are a clause.
    clause_of_two = (
        len(words_said) == 2 and words_said[0].dep_ in _SUBJECT_DEPS and words_said[1].pos_ == "VERB"
    )
    if (len(words_said) < 3 and not clause_of_two) or "\n\n" in words_said.text:
        return None
    if speaker is None:
        speaker = (
            _speaker_from_phrase(doc, subject, doc_id)
            if subject is not None
            else _speaker_after(doc, doc_id, cue, frame_end)
        )
    if speaker is None:
        return None
    first, last = doc[content[0]], doc[content[1] - 1]
    draft = _indirect(first.idx, last.idx + len(last.text), cue, paragraph_starts)
    draft.speaker = speaker
    return draft


def _named_after(doc: Doc, doc_id: str, cue: Token, end: int) -> Speaker | None:
    """The person a cue closing its sentence names after itself, as its speaker."""
    speaker = _speaker_after(doc, doc_id, cue, end)
    if speaker is None or speaker.referent is None:
        return None
    named = doc.char_span(speaker.referent.start, speaker.referent.end, alignment_mode="expand")
    return speaker if named is not None and any(t.ent_type_ == "PERSON" for t in named) else None


def _nominal_subject(token: Token) -> bool:
    """A subject that names someone: not a participle the parser made the subject ("Nine were killed
    and 14 wounded ..., informed the head of the DPR NAME")."""
    return token.dep_ in _SUBJECT_DEPS and token.pos_ not in ("VERB", "AUX")


def _stated_before(doc: Doc, doc_id: str, cue: Token, paragraph_starts: list[int]) -> _Draft | None:
    """ "The enemy shelled Kharkiv overnight. This was stated by the governor NAME.": a passive cue
    whose subject points back ("this", "that") reports the sentence before it, in its paragraph or
    closing the paragraph before; the agent is the speaker."""
    if not _passive(cue) or cue.lemma_ not in SPEECH_LEMMAS:
        return None
    subject = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    speaker_head = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subject is None or subject.lower_ not in ("this", "that") or speaker_head is None:
        return None
    if cue.sent.start == 0:
        return None
    previous = doc[cue.sent.start - 1].sent
    words = [t for t in previous if not t.is_space]
    while words and words[-1].is_punct:
        words.pop()
    if len(words) < 3:
        return None
    first, last = words[0], words[-1]
    draft = _indirect(first.idx, last.idx + len(last.text), cue, paragraph_starts)
    end = max(t.i for t in agent.subtree) + 1 if agent is not None else cue.i + 1
    draft.speaker = (
        _titled_agent(doc, doc_id, speaker_head)
        or _speaker_after(doc, doc_id, cue, end)
        or _speaker_from_phrase(doc, speaker_head, doc_id)
    )
    return draft


def _titled_agent(doc: Doc, doc_id: str, head: Token) -> Speaker | None:
    """ "stated by Adviser to the Head of the President's Office Mykhailo Podoliak": the person whose
    name closes the run of title words the parser split from the agent; the title describes them."""
    end = head.i
    while end + 1 < len(doc) and (
        doc[end + 1].text[:1].isupper()
        or doc[end + 1].lower_ in ("of", "the", "to", "for", "and", "'s", "’s")
    ):
        end += 1
    person = next(
        (e for e in doc.ents if e.label_ == "PERSON" and head.i < e.start and e.end - 1 <= end), None
    )
    if person is None or head.lower_ not in TITLES:
        return None
    name = Span(doc_id, person.start_char, person.end_char)
    return Speaker(text=person.text, span=name, referent=name, description=doc[head.i : person.start].text)


def _postposing(cue: Token) -> bool:
    """Whether a cue after a clause's comma can have its speaker after it: a finite verb ("...,
    informed the governor") or a participle with its source ("..., reported in the ministry"), with
    no clause of its own."""
    doc = cue.doc
    at = cue.i + 1
    # "reported on Monday in the headquarters": the day may come between the verb and its source
    while at < len(doc) and doc[at].dep_ == "prep" and doc[at].head.i == cue.i and _channel_or_time(doc[at]):
        at = _adjunct_end(doc[at]) + 1
    after = doc[at] if at < len(doc) else None
    finite = cue.tag_ in ("VBD", "VBZ", "VBP") or (after is not None and after.lower_ in ("in", "by", "at"))
    # "..., informed Enerhoatom on Thursday": the parser takes the verb for a participle and the
    # name after it for its object; no auxiliary makes it passive, so the name speaks.
    named_after = (
        after is not None
        and after.i == cue.i + 1
        and after.tag_ == "NNP"
        and after.ent_type_ in ("ORG", "PERSON", "GPE")
        and not any(c.dep_ in ("aux", "auxpass") for c in cue.children)
    )
    # "..., informed in the air of the telemarathon the head of the region NAME": after the channel,
    # a phrase naming a person, with no verb of its own, up to the sentence's end.
    named_after_channel = (
        after is not None
        and at > cue.i + 1
        and any(e.label_ == "PERSON" and at <= e.start < cue.sent.end for e in doc.ents)
        and not any(t.pos_ in ("VERB", "AUX") for t in doc[at : cue.sent.end])
    )
    finite = finite or (cue.tag_ == "VBN" and (named_after or named_after_channel))
    return finite and not any(
        c.dep_ in _CONTENT_DEPS | {"dobj"} and c.pos_ in ("VERB", "AUX") and c.i > cue.i for c in cue.children
    )


def _named_right_before(doc: Doc, doc_id: str, cue: Token, sentence_start: int) -> tuple[Speaker, int] | None:
    """A person named right before a subjectless cue, set off by commas, with their title before
    them: the speaker, and where the phrase naming them starts (after a comma)."""
    end = cue.i - 1 if doc[cue.i - 1].text == "," else cue.i
    name = next((e for e in doc.ents if e.label_ == "PERSON" and e.end == end), None)
    if name is None or name.start <= sentence_start + 3:
        return None
    start = name.start
    span = Span(doc_id, name.start_char, name.end_char)
    title = None
    if doc[start - 1].text == ",":
        comma = next((t.i for t in reversed(doc[sentence_start : start - 1]) if t.text == ","), None)
        if comma is not None and comma + 1 < start - 1 and doc[comma + 1 : start - 1].root.lower_ in TITLES:
            title, start = doc[comma + 1 : start - 1].text, comma + 1
    if doc[start - 1].text != ",":
        return None
    return Speaker(text=name.text, span=span, referent=span, description=title), start


def _speaker_after(doc: Doc, doc_id: str, cue: Token, end: int) -> Speaker | None:
    """The speaker written after its verb, up to ``end``: "informed the mayor NAME in Telegram",
    "reported by the General Staff", "reported in the Ministry of Defence". A channel or a day
    after the speaker ("in Telegram", "on Wednesday") is not part of it."""
    tokens = [t for t in doc[cue.i + 1 : end] if not t.is_space]
    if cue.lemma_ == "tell" or (tokens and tokens[0].lower_ == "to"):
        # "told reporters": whom it was told, never who told it; "told to journalists the press
        # secretary NAME", "said to RIA Novosti the head of the administration NAME" (a translation's
        # order): the teller after whom it was told to
        addressee = next((c for c in tokens[0].children if c.dep_ == "pobj"), None) if tokens else None
        if addressee is None or tokens[0].lower_ != "to":
            return None
        tokens = [t for t in tokens if t.i > addressee.i]
    while tokens and (tokens[0].pos_ in ("ADP", "ADV", "PART") or tokens[0].is_punct):
        if tokens[0].pos_ == "ADP" and _channel_or_time(tokens[0]):
            # "reported on Monday in the headquarters": the day before the source is not the source
            last = _adjunct_end(tokens[0])
            tokens = [t for t in tokens if t.i > last]
            continue
        tokens.pop(0)  # "reported by", "reported in", "informed also"
    for i, token in enumerate(tokens):
        if i and token.pos_ == "ADP" and token.lower_ != "of" and _channel_or_time(token):
            tokens = tokens[:i]
            break
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if not tokens or len(tokens) > 15 or any(t.pos_ in ("VERB", "AUX", "PRON", "SCONJ") for t in tokens):
        return None
    if not any(t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in ("DATE", "TIME") for t in tokens):
        return None  # "said on Wednesday": a day is nobody
    phrase = doc[tokens[0].i : tokens[-1].i + 1]
    person = next(
        (
            e
            for e in doc.ents
            if e.label_ == "PERSON"
            and phrase.start <= e.start
            and e.end <= phrase.end
            and not _modifies_a_noun(e)
        ),
        None,
    )
    if person is not None:
        span = Span(doc_id, person.start_char, person.end_char)
        title = _title_text(doc, doc[phrase.start : person.start])
        return Speaker(text=person.text, span=span, referent=span, description=title)
    return _speaker_from_phrase(doc, phrase.root, doc_id)


def _adjunct_end(preposition: Token) -> int:
    """Where a day or channel phrase ends. "declared on 13 November the official representative NAME",
    "informed in the air of the telemarathon the head of the region NAME": the parser may hang the
    speaker after it on the day, or on any noun of the phrase with no comma between, as an
    apposition, which is no part of it."""
    doc = preposition.doc
    apposed = {
        t.i
        for o in preposition.subtree
        for a in o.children
        if a.dep_ == "appos"
        and a.i > o.i
        and (o.ent_type_ in ("DATE", "TIME") or doc[a.left_edge.i - 1].text != ",")
        for t in a.subtree
    }
    return max(t.i for t in preposition.subtree if t.i not in apposed)


def _channel_or_time(preposition: Token) -> bool:
    """ "in Telegram", "on his Facebook page", "on Wednesday", "during the telethon"."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    return any(
        o.ent_type_ in ("DATE", "TIME") or o.lower_ in _CHANNEL_WORDS or o.lower_ in ("telethon", "air")
        for o in objects
    )


def _preceding_clause(doc: Doc, cue: Token, paragraph_starts: list[int]) -> _Draft | None:
    """``The van was diverted, a source said.``: the cue closes the sentence and the clause before it
    is what was said (the parser hangs that clause on the cue as a complement)."""
    before = [
        c for c in cue.children if c.dep_ in _CONTENT_DEPS and c.i < cue.i
    ] or _clause_misread_as_adverbial(cue)
    subject = _speaker_token(cue)
    if subject is None:
        return None
    misread = [c for c in cue.children if c.dep_ in _SUBJECT_DEPS and c.i < subject.left_edge.i]
    if not before and misread and doc[subject.left_edge.i - 1].text == ",":
        # "A drone strike ... killed 43 people on Wednesday, the Sudan Doctors Network said": the
        # parser made the clause's subject a second subject of the cue; what was said is all before the
        # comma, after any dateline.
        opening = _token_at(doc, _dateline_end(doc, cue.sent.start)) or doc[cue.sent.start]
        start, end = opening, doc[subject.left_edge.i - 2]
        if end.i - start.i < 2 or "\n\n" in _text(doc)[start.idx : end.idx]:
            return None
        return _indirect(start.idx, end.idx + len(end.text), cue, paragraph_starts)
    if not before and _hung_on_the_clause(cue, subject):
        # "She had struggled, Cruz explained, recalling ...", "The train reached 88.5 kph, the
        # governor said": here the parser hangs the cue on the clause, as a parenthesis or a conjunct.
        comma = doc[subject.left_edge.i - 1]
        start = doc[cue.sent.start]
        if comma.text != "," or comma.i - start.i < 3 or "\n\n" in _text(doc)[start.idx : cue.idx]:
            return None
        end = doc[comma.i - 1]
        return _indirect(start.idx, end.idx + len(end.text), cue, paragraph_starts)
    if not before and cue.dep_ == "ROOT" and doc[subject.left_edge.i - 1].text == ",":
        # "During the week the APU lost ..., it was noted in the department": the parser hung the
        # reported clause on a phrase of the cue; all before the comma is what was said when it is a
        # clause, with a finite verb and its subject.
        start, comma = doc[cue.sent.start], doc[subject.left_edge.i - 1]
        said = doc[start.i : comma.i]
        if not any(_finite(t) and any(c.dep_ in _SUBJECT_DEPS for c in t.children) for t in said):
            return None
        if len(said) < 3 or "\n\n" in said.text or _words_after_the_cue(cue) > 6:
            return None
        end = doc[comma.i - 1]
        return _indirect(start.idx, end.idx + len(end.text), cue, paragraph_starts)
    if not before or subject.i < before[0].i:
        return None
    if _words_after_the_cue(cue) > 6:
        return None
    tokens = sorted(t.i for t in before[0].subtree if t.i < subject.left_edge.i - 1)
    start, end = doc[tokens[0]], doc[tokens[-1]]
    comma = doc[subject.left_edge.i - 1]
    if comma.text == "," and end.i < comma.i - 1 and "\n" not in _text(doc)[end.idx : comma.idx]:
        end = doc[comma.i - 1]  # "..., and some were defenders of Mariupol, NAME said": up to the comma
    if end.i - start.i < 2 or "\n\n" in _text(doc)[start.idx : cue.idx]:
        return None
    # Everything the sentence says before ", it added" is reported, also what the parser left out of
    # the clause: a first conjunct ("A, but B, it added"), a leading phrase ("Since May, ...").
    opening = doc[cue.sent.start]
    if opening.i < start.i and "\n" not in _text(doc)[opening.idx : start.idx]:
        start = opening
    return _indirect(start.idx, end.idx + len(end.text), cue, paragraph_starts)


def _words_after_the_cue(cue: Token) -> int:
    """How many words follow a closing cue that are not its own. What follows the cue may be its own:
    a day, a place, a channel ("said on Thursday at a meeting of the contact group"), the speaker
    ("..., said David Marcus, an energy consultant in Boston"); anything else beyond a few words is a
    sentence going on."""
    own = {
        t.i
        for c in cue.children
        if c.i > cue.i
        and (c.dep_ in ("prep", "npadvmod", "advmod", *_SUBJECT_DEPS) or _when_clause(c) or _further_cue(c))
        for t in c.subtree
    }
    doc = cue.doc
    return sum(
        1 for t in doc[cue.i + 1 : cue.sent.end] if not t.is_punct and "\n" not in t.text and t.i not in own
    )


def _further_cue(clause: Token) -> bool:
    """ "..., Kiper wrote on Telegram, adding that ...": a second report, a statement of its own."""
    return clause.dep_ == "advcl" and clause.tag_ == "VBG" and _is_cue(clause)


def _when_clause(clause: Token) -> bool:
    """ "..., the mayor said on Tuesday, a day after a bomb exploded in a school yard": when it was
    said, not what."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("after", "before", "when", "while", "as", "since")
        for c in clause.children
    )


def _clause_misread_as_adverbial(cue: Token) -> list[Token]:
    """``Since May, the enemy has used 120 bombs, the administration reported.``: an opening phrase
    makes the parser read the reported clause as an adverbial of the cue. It is what was said when it
    has a subject of its own and the cue reports nothing after itself."""
    if any(c.dep_ in ("dobj", "attr", *_CONTENT_DEPS) and c.i > cue.i for c in cue.children):
        return []
    return [
        c
        for c in cue.children
        if c.dep_ == "advcl" and c.i < cue.i and any(g.dep_ in _SUBJECT_DEPS for g in c.children)
    ]


def _hung_on_the_clause(cue: Token, subject: Token) -> bool:
    head = cue.head
    if head.i >= subject.left_edge.i:
        return False
    if cue.dep_ == "parataxis":
        return True
    # A conjunct joined by a comma alone; "..., and the governor said" reports nothing before it. An
    # "and" before an earlier conjunct ("liberated X and continued ..., the ministry said") is that one's.
    after = max((c.i for c in head.children if c.dep_ == "conj" and c.i < cue.i), default=head.i)
    return cue.dep_ == "conj" and not any(c.dep_ == "cc" and after < c.i < cue.i for c in head.children)


def _parenthetical(doc: Doc, cue: Token, paragraph_starts: list[int]) -> _Draft | None:
    """``But to prevent problems, he said, officials should be vigilant.``: a cue set off by commas
    inside the sentence reports the whole sentence around it."""
    subject = _speaker_token(cue)
    if subject is None or cue.i + 1 >= len(doc):
        return None
    first = min(subject.left_edge.i, cue.i)
    # "..., the partner told them, ...": the cue's own words (an addressee, a day) may follow it.
    last = max((t.i for t in cue.subtree if t.i >= cue.i and not t.is_punct), default=cue.i)
    if last - cue.i > 3 or last + 1 >= len(doc):
        return None
    if first == 0 or doc[first - 1].text != "," or doc[last + 1].text != ",":
        return None
    sentence = cue.sent
    start, end = sentence.start, sentence.end - 1
    while end > start and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    if end - start < 4 or "\n\n" in doc[start : end + 1].text:
        return None
    return _indirect(doc[start].idx, doc[end].idx + len(doc[end].text), cue, paragraph_starts)


def _antecedent(subject: Token) -> Token:
    """The noun a relative pronoun stands for ("a fact that confirms": "fact"), else the subject.
    After an apposition set off by commas, the noun it describes: "the Van Medical Chamber, a branch
    of the Turkish Medical Association, which said" is the chamber speaking."""
    if subject.tag_ not in ("WDT", "WP") or subject.head.dep_ != "relcl":
        return subject
    noun = anchor = subject.head.head
    while anchor.dep_ in ("pobj", "prep") and anchor.head is not anchor:
        anchor = anchor.head
    if anchor.dep_ == "appos" and subject.i > 0 and subject.doc[subject.i - 1].text == ",":
        return anchor.head
    return noun


def _a_state_of_affairs(subject: Token) -> bool:
    """A subject that is an event or a stretch of time, not a speaker or a document: "this", "which",
    "the liberation", "these ten weeks", "the decision"."""
    if subject.lower_ in ("this", "that", "these", "those", "it", "which", "what"):
        return True
    if subject.ent_type_ in ("DATE", "TIME") or subject.lemma_.lower() in _TIMES_AND_EVENTS:
        return True
    singular = subject.lemma_.lower()  # "bombings show that" as much as "the bombing shows"
    # "the government", "the administration", "the authorities": bodies, for all their endings
    return subject.pos_ == "NOUN" and singular.endswith(_EVENT_ENDINGS) and singular not in _SPEAKING_BODIES


# Verbs that bring a belief about: "led them to believe", "made us think".
_CAUSING: Final = frozenset({"lead", "cause", "make", "encourage", "prompt", "push", "force", "convince"})
_TIMES_AND_EVENTS: Final = frozenset(
    "day week month year hour time history war event fact practice experience life reality".split()
    + "strike attack shelling bombing step action result way situation example behaviour behavior".split()
    + "pandemic epidemic outbreak crisis conflict disaster".split()
)
_EVENT_ENDINGS: Final = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ing")
# Nouns with those endings that do report: "the investigation showed", "the assessment indicates".
_DOCUMENT_LIKE: Final = frozenset(
    {"investigation", "assessment", "documentation", "examination", "publication", "statement", "finding"}
)
# Nouns for who speaks, whatever their ending: bodies and people ("the government", "the
# authorities"); with titles and documents, the nouns a relative "that" may stand for as a speaker.
_SPEAKING_BODIES: Final = ORGANISATION_NOUNS | word_list("people_nouns") | _DOCUMENT_LIKE
_SPEAKING_NOUNS: Final = _SPEAKING_BODIES | TITLES | DOCUMENT_NOUNS | _SOURCE_DOCUMENTS


def _convinced(doc: Doc, adjective: Token, paragraph_starts: list[int]) -> _Draft | None:
    """``I am sure that ...``, ``We are convinced the front will hold``: a stated conviction, its
    clause the content."""
    # The parser hangs the subject on the verb, or, for "is convinced" read as a passive, on "is".
    holders = [adjective.head, *(c for c in adjective.children if c.dep_ in ("aux", "auxpass"))]
    subject = next((c for h in holders for c in h.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None or subject.i > adjective.i:
        return None
    if adjective.lower_ in _GRATITUDE:
        # "I am grateful to our partners for the new package": thanks, to whom and for what.
        if subject.lower_ not in _FIRST_PERSON:
            return None
        # "grateful to you for this support": the "for" may hang on the verb.
        thanks = [
            c
            for c in (*adjective.children, *adjective.head.children)
            if c.dep_ == "prep" and c.lower_ in ("to", "for") and c.i > adjective.i
        ]
        if not any(len(list(c.subtree)) >= 3 and _what_for(c) for c in thanks):
            # "grateful to you", "grateful for that", "grateful to all our heroes": whom, or nothing,
            # said of what
            return None
        # "..., as well as to all the Lithuanian people": more of those thanked
        thanks += [
            c
            for c in (*adjective.children, *adjective.head.children)
            if c.dep_ == "cc" and c.i > adjective.i and any(g.dep_ == "prep" for g in c.children)
        ]
        tokens = sorted(t.i for c in thanks for t in c.subtree)
        # "to all the doctors who work in Kyiv and Dnipro, in Vinnytsia and Lviv, ...": the parser
        # may leave the rest of a list of those thanked out of the phrase
        holder = adjective.head if adjective.dep_ == "acomp" else adjective
        first, last = doc[tokens[0]], _clause_end(holder, doc[tokens[-1]])
        draft = _indirect(first.idx, last.idx + len(last.text), adjective, paragraph_starts)
        draft.speaker_head = subject
        return draft
    clause = next((c for c in adjective.children if c.dep_ in ("ccomp", "advcl") and c.i > adjective.i), None)
    held = next(
        (c for c in adjective.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > adjective.i), None
    )
    if (
        clause is None
        and held is not None
        and subject.lower_ in _FIRST_PERSON
        and len(list(held.subtree)) >= 3
    ):
        # "I am convinced of our success": the speaker's own conviction, of what it holds
        words = sorted(t.i for t in held.subtree if t.i > held.i)
        first, last = doc[words[0]], doc[words[-1]]
        draft = _indirect(first.idx, last.idx + len(last.text), adjective, paragraph_starts)
        draft.speaker_head = subject
        return draft
    if clause is None:
        return _conviction_after_colon(doc, adjective, subject, paragraph_starts)
    tokens = sorted(t.i for t in clause.subtree)
    start = tokens[1] if doc[tokens[0]].lower_ == "that" and doc[tokens[0]].dep_ == "mark" else tokens[0]
    end = _clause_end(adjective, doc[tokens[-1]])
    if end.i - start < 2 or "\n\n" in doc[start : end.i + 1].text:
        return None
    draft = _indirect(doc[start].idx, end.idx + len(end.text), adjective, paragraph_starts)
    draft.speaker_head = subject
    return draft


def _no_doubt(doc: Doc, doubt: Token, paragraph_starts: list[int]) -> _Draft | None:
    """ "I have no doubt that Ukraine will win": a conviction, its that-clause the content."""
    verb = doubt.head
    if verb.lemma_ != "have" or not any(c.dep_ == "det" and c.lower_ == "no" for c in doubt.children):
        return None
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    clause = next((c for c in doubt.children if c.dep_ in ("acl", "ccomp") and _has_that(c)), None)
    if subject is None or clause is None:
        return None
    tokens = sorted(t.i for t in clause.subtree)
    start, end = doc[tokens[1]], _clause_end(verb, doc[tokens[-1]])
    if end.i - start.i < 2:
        return None
    draft = _indirect(start.idx, end.idx + len(end.text), doubt, paragraph_starts)
    draft.speaker_head = subject
    return draft


def _seems_to_me(doc: Doc, verb: Token, paragraph_starts: list[int]) -> _Draft | None:
    """ "It seems to me that laws should be passed on time": a view the speaker puts, its clause the
    content; "it seems that" alone says nobody's view."""
    holder = next(
        (
            o
            for p in verb.children
            if p.dep_ == "prep" and p.lower_ == "to"
            for o in p.children
            if o.dep_ == "pobj" and o.lower_ in ("me", "us")
        ),
        None,
    )
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if holder is None or clause is None:
        return None
    tokens = sorted(t.i for t in clause.subtree)
    start = doc[tokens[0] + 1] if doc[tokens[0]].lower_ == "that" else doc[tokens[0]]
    end = _clause_end(verb, doc[tokens[-1]])
    if end.i - start.i < 2:
        return None
    draft = _indirect(start.idx, end.idx + len(end.text), verb, paragraph_starts, cue_text="seems to")
    draft.speaker_head = holder
    return draft


def _conviction_after_colon(
    doc: Doc, adjective: Token, subject: Token, paragraph_starts: list[int]
) -> _Draft | None:
    """ "I am sure of this: Ukraine will win": what the speaker is sure of follows the colon."""
    sentence_end = adjective.sent.end
    colon = next(
        (t for t in doc[adjective.i + 1 : min(sentence_end, adjective.i + 4)] if t.text == ":"), None
    )
    if colon is None or adjective.lower_ in _GRATITUDE:
        return None
    words = _colon_clause(doc, colon, breaking="\n\n")
    if words is None:
        return None
    draft = _indirect(*words, adjective, paragraph_starts)
    draft.speaker_head = subject
    return draft


def _colon_clause(doc: Doc, colon: Token, *, breaking: str) -> tuple[int, int] | None:
    """Where the words after a colon lie, to the end of its sentence without closing punctuation:
    three words at least, and no ``breaking`` (a line or paragraph break) in between."""
    words = [t for t in doc[colon.i + 1 : colon.sent.end] if not t.is_space]
    while words and words[-1].is_punct:
        words.pop()
    if len(words) < 3 or breaking in doc[colon.i : words[-1].i + 1].text:
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


# Adjectives that state a conviction: "I am sure that ...".
_GRATITUDE: Final = frozenset({"grateful", "thankful"})
_CONVICTION: Final = frozenset({"sure", "convinced", "confident", "certain"}) | _GRATITUDE


_SPREADING: Final = word_list("spreading_verbs")


def _nominal(doc: Doc, doc_id: str, noun: Token, paragraph_starts: list[int]) -> _Draft | None:
    """``Trump's claim that ...``, ``the ministry's warning that ...``: a claim noun with a that-clause and
    a possessive owner. Without an owner the claim has no speaker and is left alone."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None) or _owner_of(noun)
    # A "that" the parser marks as the conjunction opens the claim, even of a clause it calls relative.
    clause = next(
        (c for c in noun.children if c.dep_ in ("acl", "ccomp", "appos", "relcl") and _has_that(c)), None
    ) or next((c for c in noun.subtree if _opens_with_that(c)), None)
    if clause is None and noun.dep_ == "dobj" and noun.head.lemma_ in _SPREADING:
        # "gave assurances that ...": the parser may hang the clause on the verb
        clause = next(
            (c for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.i and _has_that(c)), None
        )
    if owner is None and noun.dep_ == "dobj" and noun.head.lemma_ in _SPREADING:
        # "Russian channels spread the claim that ...": who spreads a claim makes it theirs
        owner = _speaker_token(noun.head)
    if owner is None or clause is None or owner.lower_ in ("our", "my", "your"):
        return None
    tokens = sorted(t.i for t in clause.subtree)
    start = tokens[1] if doc[tokens[0]].lower_ == "that" else tokens[0]
    end = tokens[-1]
    if end - start < 2:
        return None
    draft = _indirect(doc[start].idx, doc[end].idx + len(doc[end].text), noun, paragraph_starts)
    draft.speaker = _speaker_from_phrase(doc, owner, doc_id)
    return draft


# "I received a report from the commander: ...", "we hear from Moscow that ...": the sender speaks.
_RECEIVING: Final = frozenset({"receive", "get", "hear"})


def _received_from(doc: Doc, doc_id: str, verb: Token, paragraph_starts: list[int]) -> _Draft | None:
    """``received a report from NAME: ...``, ``received assurances from X that ...``, ``hear from Moscow
    that ...``: the words are the sender's, not the one who received them. A message with no words of
    its own ("received a report from the commander.") is no statement."""
    message = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _MESSAGES), None)
    if message is None and (verb.lemma_ != "hear" or any(c.dep_ == "dobj" for c in verb.children)):
        return None
    holders = [verb] if message is None else [message, verb]
    source = next(
        (
            o
            for h in holders
            for p in h.children
            if p.dep_ == "prep" and p.lower_ == "from"
            for o in p.children
            if o.dep_ == "pobj"
        ),
        None,
    )
    if source is None or not _someone(source):
        return None  # "news from the front": a place, not who sent it
    clause = next(
        (
            c
            for h in holders
            for c in h.children
            if c.dep_ in ("ccomp", "acl") and _has_that(c) and c.i > source.i
        ),
        None,
    )
    if clause is not None:
        tokens = sorted(t.i for t in clause.subtree)
        start = tokens[1] if doc[tokens[0]].lower_ == "that" else tokens[0]
        words: tuple[int, int] | None = (doc[start].idx, doc[tokens[-1]].idx + len(doc[tokens[-1]].text))
    else:
        after = source.right_edge.i + 1
        colon = doc[after] if after < len(doc) and doc[after].text == ":" else None
        words = _colon_clause(doc, colon, breaking="\n") if colon is not None else None
    if words is None:
        return None
    draft = _indirect(words[0], words[1], verb, paragraph_starts)
    draft.speaker = _speaker_from_phrase(doc, source, doc_id)
    return draft


def _owner_of(noun: Token) -> Token | None:
    """ "the statements of the Kremlin that ...", "the claims of Kyiv that ...": whose the claim is, named
    after "of"."""
    return next(
        (
            o
            for p in noun.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children
            if o.dep_ == "pobj" and _someone(o)
        ),
        None,
    )


def _someone(noun: Token) -> bool:
    """A noun that names a person, a group of people or a body: a name, a title, an organisation."""
    if noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (lemma in TITLES or lemma in _SPEAKING_BODIES)


_COUNT_GIVING: Final = word_list("count_giving_verbs")
# Of those, the verbs that estimate whatever they put at a number, a count or not.
_ESTIMATING: Final = word_list("estimating_verbs")
_COUNT_NOUNS: Final = word_list("count_nouns")


def _made_clear(doc: Doc, make: Token, paragraph_starts: list[int]) -> _Draft | None:
    """ "Putin made it clear that the Russian side would study the responses": the "that" clause is
    what was said, hung on "clear" or on the verb."""
    clear = next((c for c in make.children if c.lower_ == "clear" and c.i > make.i), None)
    if clear is None or _speaker_token(make) is None:
        return None
    clause = next(
        (
            c
            for c in (*clear.children, *make.children)
            if c.dep_ in ("ccomp", "advcl", "acl")
            and c.i > clear.i
            and (_has_that(c) or c.left_edge.lower_ == "that")
        ),
        None,
    )
    if clause is None:
        return None
    tokens = sorted(t.i for t in clause.subtree)
    start = doc[tokens[0] + 1] if doc[tokens[0]].lower_ == "that" else doc[tokens[0]]
    end = _clause_end(make, doc[tokens[-1]])
    if end.i - start.i < 2:
        return None
    cue_text = doc[make.i : clear.i + 1].text
    return _indirect(start.idx, end.idx + len(end.text), make, paragraph_starts, cue_text=cue_text)


def _count_object(verb: Token) -> Token | None:
    """The count a verb gives as its subject's own figure: "put the number of injured at 27"."""
    if verb.pos_ != "VERB" or verb.tag_ == "VBG" or verb.lemma_ not in _COUNT_GIVING:
        return None  # "..., bringing the number of villages to 47": what a deed led to, said by nobody
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    counted = next((c for c in objects if c.lemma_.lower() in _COUNT_NOUNS), None)
    if counted is None and verb.lemma_ in _ESTIMATING:
        # "put its magnitude at 6.3", "put food inflation at 3.6%": whatever is put at a number (not
        # at an hour: "put the meeting at 5 pm")
        numbers = [
            p
            for p in verb.children
            if p.dep_ == "prep"
            and p.lower_ == "at"
            and any(t.like_num and t.ent_type_ not in ("TIME", "DATE") for t in p.subtree)
        ]
        counted = next((c for c in objects if any(p.i > c.i for p in numbers)), None)
    return counted


def _count_given(verb: Token, count: Token, paragraph_starts: list[int]) -> _Draft | None:
    """ "The city council put the number of injured at 27", "the ministry raised the toll to 31",
    "the administration still gives the figure of 19 injured": the count with its number is what the
    subject says, wherever the number stands; a count with no number ("gave a higher figure") says
    nothing yet."""
    if _speaker_token(verb) is None or any(c.dep_ == "auxpass" for c in verb.children):
        return None
    numbered = [
        p
        for p in verb.children
        if p.dep_ == "prep"
        and p.lower_ in ("at", "to")
        and p.i > count.i
        and any(t.like_num for t in p.subtree)
    ]
    if numbered:
        last = numbered[-1].right_edge
    elif any(t.like_num for t in count.subtree):
        last = count.right_edge
    else:
        return None
    following = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    if following is not None and last.like_num and following.tag_ in ("VBN", "JJ", "NNS"):
        last = following  # "the figure of 9 wounded": the parser hangs what is counted elsewhere
    return _indirect(count.left_edge.idx, last.idx + len(last.text), verb, paragraph_starts)


def _act(doc: Doc, verb: Token, paragraph_starts: list[int]) -> _Draft | None:
    """``X praised the defenders for their courage``, ``X vowed to retake the town``: the verb's
    arguments after it (object, complement, topic phrases) are the content."""
    subject = _speaker_token(verb)
    if subject is None or any(c.dep_ == "auxpass" for c in verb.children):
        return None
    if any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") and c.i < verb.i for c in verb.children):
        return None  # "What TASS reported about the war": a heading naming reports, none of their words
    if (verb.lemma_ in _SHOWING or verb.lemma_ in INTENTION_LEMMAS) and _a_state_of_affairs(
        _antecedent(subject)
    ):
        # "a fact that confirms ...": an inference, in any construction; "the configuration of forces
        # threatens the south": a danger, not a threat anyone made
        return None
    if (misread := _that_clause_misread(doc, verb)) is not None:
        first, last = doc[misread[0]], doc[misread[1]]
        return _indirect(first.idx, last.idx + len(last.text), verb, paragraph_starts)
    if verb.lemma_ in _SPEECH_WITH_WORDS_ONLY and not any(
        c.dep_ == "dobj" and c.lemma_.lower() in _WORDS_SAID for c in verb.children
    ):
        return None  # "repeating its crimes" is an action; "repeated the call" is speech
    if verb.lemma_ in _INFINITIVE_ONLY and not any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return None  # "ordered a chest X-ray", "offered help": deeds; "ordered the troops to withdraw"
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.lemma_ == "cite" and objects and all(_a_source(o) for o in objects):
        return None  # "RIA Novosti cited Security Council Secretary NAME": whom, not what
    asked = any(o.lemma_ in ("question", "call", "request") for o in objects)
    if verb.lemma_ in ("answer", "respond") and asked:
        return None  # "answered the question about X": which question, not the answer
    if verb.lemma_ in ("feel", "recall", "remember") and objects:
        # "we have all felt their wish for freedom", "we recall the feat of our ancestors": a feeling
        # or a commemoration; only "recalled that ..." reports something.
        return None
    if verb.lemma_ == "oppose" and any(o.lemma_ in _FORCES for o in objects):
        return None  # "opposing an army ten times larger": fighting it, not a stance
    if verb.lemma_ == "confirm" and any(o.ent_type_ in ("ORG", "PERSON") for o in objects):
        return None  # "Parliament confirmed the new Commission": a vote, not a statement
    lead_in = verb.lemma_ in SPEECH_LEMMAS and any(_lead_in_object(o) for o in objects)
    if (verb.lemma_ in ("speak", "talk") or lead_in) and (after_colon := _words_after_a_colon(doc, verb)):
        # "I speak directly in such cases: the occupiers will answer for everything.", "They all say
        # one thing: ..."
        return _indirect(after_colon[0], after_colon[1], verb, paragraph_starts)
    if verb.lemma_ in _PHYSICAL_SENSE and not _spoken_sense(verb):
        return None  # "attacked the district with drones", "defend the state", "charged the crowd"
    arguments = [
        c
        for c in verb.children
        if c.i > verb.i
        and (
            c.dep_ in ("dobj", "ccomp", "xcomp", "oprd", "dative")
            or (
                c.dep_ == "prep"
                and c.lower_ in _TOPIC_PREPOSITIONS
                # "congratulated the explorers on their professional holiday": the occasion is said
                and (not _is_time_phrase(c) or verb.lemma_ in ("congratulate", "greet"))
            )
            # "vowed on Monday to bolster": an adverb between them makes the parser call it adverbial.
            or (c.dep_ == "advcl" and verb.lemma_ in INTENTION_LEMMAS and _has_to(c))
            # "urged the partners to help, because the war affects everyone": the reason is said too
            or _reason(c)
            # "thanked the Parliament, including for defensive support"; "thanked them for their
            # support, including defensive support"
            or (
                c.dep_ == "prep"
                and c.lower_ == "including"
                and (any(g.lower_ == "for" for g in c.children) or verb.lemma_ == "thank")
            )
        )
    ]
    if arguments:
        # "stressed the need for sanctions, so that Moscow would feel ...": what it is for, too.
        arguments += [c for c in verb.children if c.i > verb.i and _purpose(c)]
    if objects:
        # "We expect them, the world leaders, to show ...", "I invite Swedish architects, Swedish
        # companies, ... to take part": the rest of a list of those addressed, and what they are to
        # do, which the parser hangs on the verb.
        arguments += [
            c
            for c in verb.children
            if c.i > objects[0].i
            and c not in arguments
            and (
                (c.dep_ in ("npadvmod", "appos", "conj") and c.pos_ in ("NOUN", "PROPN"))
                or (c.dep_ == "advcl" and _has_to(c))
            )
        ]
    if verb.lemma_ in ("speak", "talk"):
        # "spoke about the offensive", not "spoke to reporters" (the audience) or "with Macron".
        arguments = [
            c for c in arguments if c.dep_ == "prep" and c.lower_ in ("about", "of", "on", "against")
        ]
    if verb.lemma_ in _ANSWERING:
        # "will respond to every strike": what is answered is no answer; an answer says something.
        # "We respond to the invaders with courage": the manner of a deed, unless it is with words.
        arguments = [
            c
            for c in arguments
            if not (c.dep_ == "prep" and c.lower_ == "to" and not _holds_a_clause(c))
            and not (
                c.dep_ == "prep"
                and c.lower_ == "with"
                and not any(t.lemma_.lower() in _WORDS_SAID for t in c.subtree)
                and not _holds_a_clause(c)
            )
        ]
    if verb.lemma_ in _TOPIC_VERBS and not any(_says_something(c) for c in arguments):
        return None  # "discussed air defence", "spoke about the front": a topic, nothing said of it
    if verb.lemma_ == "thank" and not any(_what_for(c) for c in arguments):
        return None  # "thanked the heroes": whom, with nothing said of what for
    if verb.lemma_ in _REPORTING_ON and all(
        c.dep_ == "prep" and c.lower_ in ("on", "about", "to") for c in arguments
    ):
        # "reported on the situation at the front", "had reported to the president": what the report
        # was about, or to whom it went, not what it said
        return None
    if (
        verb.lemma_ == "agree"
        and arguments
        and all(c.dep_ == "prep" and c.lower_ in ("on", "upon", "about") for c in arguments)
        and not any(_says_something(c) for c in arguments)
    ):
        return None  # "agreed on the next steps": an agenda, nothing said of it
    if not arguments:
        return None
    tokens = sorted(t.i for c in arguments for t in c.subtree)
    start, end = doc[tokens[0]], doc[tokens[-1]]
    while end.i > start.i and end.is_punct:
        end = doc[end.i - 1]
    if end.i - start.i < 1 or "\n" in _text(doc)[start.idx : end.idx]:
        return None
    words = doc[start.i : end.i + 1]
    if words.text.lower() in _EMPTY_CONTENT or _ANONYMITY_TERMS.match(words.text):
        return None
    if not any(t.pos_ in ("NOUN", "PROPN", "NUM", "VERB") for t in words):
        return None  # "agreed with them", "apologised to anyone": nobody's words in it
    return _indirect(start.idx, end.idx + len(end.text), verb, paragraph_starts)


# Verbs that report speech only when what they take is words: "repeated the call", not "repeating
# its crimes".
_SPEECH_WITH_WORDS_ONLY: Final = frozenset({"repeat", "reiterate", "echo"})
_WORDS_SAID: Final = CLAIM_NOUNS | frozenset(
    "call calls demand demands words message question questions offer threat threats position view "
    "views point points line slogan mantra argument arguments appeal request invitation".split()
)


# Acts that are speech only in one sense: "attacked the plan as reckless" but "attacked the district",
# "defended the decision" but "defend the state".
_PHYSICAL_SENSE: Final = frozenset({"attack", "defend", "charge", "blast", "slam", "challenge"})
_POLICY_NOUNS: Final = _WORDS_SAID | frozenset(
    "plan plans proposal proposals decision decisions policy policies law laws bill move deal reform "
    "reforms idea ideas approach strategy remarks comments stance record budget sanctions agreement "
    "measure measures ruling verdict report reports choice actions conduct handling response".split()
)


def _a_source(noun: Token) -> bool:
    """A person, a body or a source cited for what they said: "NAME", "a security source"."""
    return noun.ent_type_ in ("PERSON", "ORG", "NORP") or noun.lemma_.lower() in _CITED_SOURCES


_CITED_SOURCES: Final = word_list("cited_sources")


def _lead_in_object(noun: Token) -> bool:
    """ "one thing", "the following", "two things": an object that only announces the words after it."""
    return " ".join(t.lower_ for t in noun.subtree) in _EMPTY_CONTENT


def _words_after_a_colon(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """Where the words a colon after the verb introduces lie, in the same sentence, when only the
    verb's manner, time or place stands between them ("speak directly in such cases: ...")."""
    sentence_end = verb.sent.end
    colon = next((t for t in doc[verb.i + 1 : min(sentence_end, verb.i + 8)] if t.text == ":"), None)
    if colon is None or any(
        t.pos_ in ("VERB", "AUX") or t.lower_ in ("about", "of", "on") for t in doc[verb.i + 1 : colon.i]
    ):
        return None  # "spoke about the war: its costs and lessons" lists a topic
    return _colon_clause(doc, colon, breaking="\n")


def _spoken_sense(verb: Token) -> bool:
    """Whether the act is done in words: it is for, over or as something ("attacked the government
    over prices", "slammed the plan as reckless"), or its object is something said or decided."""
    if any(c.dep_ == "prep" and c.lower_ in ("for", "over", "as") for c in verb.children):
        return True
    # The surface form: "its position" is a stance, "Ukrainian positions" are trenches.
    return any(c.dep_ == "dobj" and c.lower_ in _POLICY_NOUNS for c in verb.children)


_ANSWERING: Final = frozenset({"respond", "reply", "answer"})
_FORCES: Final = frozenset("army troop force enemy invader occupier aggressor horde offensive".split())
_INFINITIVE_ONLY: Final = frozenset({"order", "offer", "advise"})
# Verbs that name what was talked about, which is no statement unless something is said of it.
_TOPIC_VERBS: Final = frozenset(
    {"speak", "talk", "discuss", "inform", "explain", "refer", "brief", "mention"}
)
# Verbs that name a topic with a free relative: "told them what the country needs" (but "told them
# how the soldiers shot his brother" says what happened).
_TELLING_WHAT: Final = frozenset({"tell", "explain", "describe", "show"})


# Verbs that say something with an object or a clause, and name a topic with "on" or "about".
_REPORTING_ON: Final = frozenset({"report", "write", "comment", "testify", "update"})


def _says_something(argument: Token) -> bool:
    """What a topic verb takes says something when it takes a side ("spoke against the war") or
    names a stance on the topic ("spoke about the need to strengthen ...", "discussed the danger of
    ..."); "discussed the situation at the front" or "talked about how to end the war" name a topic."""
    if argument.lower_ == "against":
        return True
    # "the threat of a new offensive" says there is one; "the threats to the grid" name a topic.
    return any(t.lemma_.lower() in _STANCE_NOUNS and t.tag_ == "NN" for t in argument.subtree)


_STANCE_NOUNS: Final = frozenset(
    "need necessity importance readiness danger threat risk inadmissibility unacceptability "
    "impossibility urgency".split()
)


def _holds_a_clause(argument: Token) -> bool:
    """Whether a phrase holds a clause of its own ("to the journalists that the bridge was closed"),
    not counting a relative clause about one of its nouns."""
    return any(
        t.pos_ in ("VERB", "AUX") and t.tag_ != "VBG" and t.dep_ != "relcl"
        for t in argument.subtree
        if t is not argument
    )


def _that_clause_misread(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """``We emphasize that continuous violations ... pose a threat``: the parser read "that" as a
    determiner, the clause's subject as the object and its verb as a second verb of the cue. The
    clause runs from after "that" to the end of the sentence."""
    if verb.lemma_ not in SPEECH_LEMMAS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.left_edge.lower_ != "that" or obj.left_edge.i != verb.i + 1:
        return None
    predicate = next(
        (
            c
            for c in verb.children
            if c.dep_ == "conj"
            and c.pos_ in ("VERB", "AUX")
            and c.i > obj.i
            and not any(g.dep_ in _SUBJECT_DEPS for g in c.children)
            and not any(g.dep_ == "cc" and obj.i < g.i < c.i for g in verb.children)
        ),
        None,
    )
    if predicate is None:
        return None
    end = _clause_end(verb, predicate.right_edge)
    while end.i > predicate.i and end.is_punct:
        end = doc[end.i - 1]
    return verb.i + 2, end.i


def _that_clause_unparsed(doc: Doc, cue: Token, paragraph_starts: list[int]) -> _Draft | None:
    """'claimed on November 14 that its forces "liberated" the town': a scare quote or a long name
    can leave the parser with no clause at all, "that" hung on the cue or on a noun after it. When
    only the cue's day and channel stand between it and "that", the words from after "that" to the
    sentence's end are what was said."""
    if (
        cue.lemma_ not in SPEECH_LEMMAS
        or cue.pos_ != "VERB"
        or any(c.dep_ in _CONTENT_DEPS for c in cue.children)
    ):
        return None
    adjuncts = {
        t.i
        for c in cue.children
        if c.dep_ in ("prep", "npadvmod", "advmod") and c.i > cue.i
        for t in c.subtree
    }
    at = cue.i + 1
    while at < cue.sent.end and at in adjuncts and doc[at].lower_ != "that":
        at += 1
    if at >= cue.sent.end or doc[at].lower_ != "that" or doc[at].dep_ not in ("mark", "det"):
        return None  # "since an attack that killed 12": a relative "that" opens no report
    words = [t for t in doc[at + 1 : cue.sent.end] if not t.is_space]
    while words and words[-1].is_punct:
        words.pop()
    if len(words) < 3 or not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in words):
        return None
    if not any(t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB") for t in words):
        return None
    return _indirect(words[0].idx, words[-1].idx + len(words[-1].text), cue, paragraph_starts)


def _that_clause_on_a_phrase(cue: Token) -> list[Token]:
    """``said after the November 12 attack that sites had not been hit``: the parser hangs the "that"
    clause on the phrase between cue and clause, as a relative clause. A relative clause's "that" is
    its subject or object; one marked by "that" as a conjunction is the cue's complement."""
    return [
        clause
        for phrase in cue.children
        if phrase.dep_ in ("prep", "npadvmod") and phrase.i > cue.i
        for clause in phrase.subtree
        if (
            (
                clause.dep_ in ("relcl", "acl")
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
            )
            or (clause.dep_ == "relcl" and _misread_object(clause))
        )
    ][:1]


def _misread_object(clause: Token) -> bool:
    """ "told reporters at the reception point that 41 of those returned needed treatment": "that"
    read as the object of a relative clause which has a subject of its own and a second verb left
    over; the clause is what was said."""
    that = clause.left_edge
    return (
        that.lower_ == "that"
        and that.dep_ == "dobj"
        and any(c.dep_ in _SUBJECT_DEPS for c in clause.children)
        and any(t.pos_ == "VERB" and t.i != clause.i for t in clause.subtree)
    )


def _is_time_phrase(prep: Token) -> bool:
    return any(t.ent_type_ in ("DATE", "TIME") for t in prep.subtree)


def _clause_end(cue: Token, subtree_end: Token) -> Token:
    """Where reported content ends: the sentence's end, unless the cue itself goes on after it.

    The parser often cuts a long complement short (an appositive or a dash inside it ends the
    subtree), while in news the reported clause nearly always runs to the end of the sentence.
    """
    sentence = cue.sent
    end = subtree_end
    if (outer := _predicate_after_a_relative_clause(cue)) is not None and outer.i <= subtree_end.i + 1:
        # "The ministry, which warned that the dam could break, evacuated the town": the content
        # ends where the sentence's own predicate begins.
        end = cue.doc[outer.i - 1]
        while end.i > cue.i and end.is_punct:
            end = cue.doc[end.i - 1]
        return end
    if outer is not None:
        sentence = cue.doc[sentence.start : outer.i]
    if cue.dep_ == "advcl" and cue.head.i > subtree_end.i:
        # "When we warned that the blockade would lead to war, many did not believe it": the
        # sentence's main clause after the cue's is no part of what was said.
        while end.i > cue.i and end.is_punct:
            end = cue.doc[end.i - 1]
        return end
    second = next(
        (t for t in cue.doc[cue.i + 1 : subtree_end.i + 1] if _cue_owning_a_second_predicate(t) == cue), None
    )
    if second is not None:
        # "wrote that the grid was stable, and called on residents to ...": the content ends before
        # the speaker's second act.
        end = cue.doc[second.i - 1]
        while end.i > cue.i and (end.is_punct or end.dep_ == "cc"):
            end = cue.doc[end.i - 1]
        return end
    for token in cue.doc[subtree_end.i + 1 : sentence.end]:
        if "\n" in token.text:
            break
        if (
            token.head == cue
            and (token.dep_ == "advcl" or (token.dep_ == "conj" and token.pos_ == "VERB"))
            and not _listed_predicate(token, cue)
            and not _reason(token)
        ):
            return subtree_end
        if (not token.is_punct or token.text == "%") and "\n" not in token.text:
            end = token
    return end


def _predicate_after_a_relative_clause(cue: Token) -> Token | None:
    """The first word of the predicate whose subject a cue's relative clause describes ("were" of
    "Residents who said ... were evacuated"), when it follows the cue."""
    if cue.dep_ != "relcl" or cue.head.dep_ not in _SUBJECT_DEPS:
        return None
    predicate = cue.head.head
    if predicate.i < cue.i:
        return None
    helpers = [c for c in predicate.children if c.dep_ in ("aux", "auxpass", "neg") and c.i > cue.i]
    return min([predicate, *helpers], key=lambda t: t.i)


def _purpose(phrase: Token) -> bool:
    """ "so that Moscow feels ...", "in order to unlock the peace process", "so as to": a purpose."""
    if phrase.dep_ == "advcl":
        marks = [m.lower_ for m in phrase.children if m.dep_ == "mark"]
        return marks[:2] in (["so", "that"], ["so"]) or marks[:2] == ["in", "order"]
    if phrase.dep_ == "prep" and phrase.lower_ == "in":
        return phrase.i + 1 < len(phrase.doc) and phrase.doc[phrase.i + 1].lower_ == "order"
    return False


def _add_what_for_fragments(doc: Doc, draft: _Draft) -> None:
    """ "I thank everyone who is fighting. For our freedom. For our children.": thanks go on through
    the verbless fragments after them that say what for."""
    if draft.kind == "direct" or not (draft.cue.lemma_ == "thank" or draft.cue.lower_ in _GRATITUDE):
        return
    text = _text(doc)
    last = doc.char_span(draft.content_end - 1, draft.content_end, alignment_mode="expand")
    if last is None:
        return
    sentence = last[0].sent
    while sentence.end < len(doc):
        following = doc[sentence.end].sent
        words = [t for t in following if not t.is_space]
        gap = text[draft.content_end : following.start_char]
        if (
            not words
            or words[0].lower_ != "for"
            or "\n" in gap
            or any(t.pos_ in ("VERB", "AUX") for t in words)
        ):
            return
        end = words[-1] if not words[-1].is_punct or len(words) == 1 else words[-2]
        draft.content_end = end.idx + len(end.text)
        sentence = following


def _what_for(argument: Token) -> bool:
    """Whether thanks say what for: "for the new package", "because ...", or a clause on those thanked
    ("our rescuers, who worked for two days without rest", "to the doctors who save lives")."""
    described = any(t.dep_ in ("relcl", "acl") for t in argument.subtree)
    if argument.dep_ == "prep":
        # "to our partners for the new package": the "for" may hang on those thanked
        return any(t.lower_ == "for" and t.dep_ == "prep" for t in argument.subtree) or described
    return _reason(argument) or described


def _reason(clause: Token) -> bool:
    """ "..., because the war affects everyone": why, as the speaker gives it."""
    return clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "because" for m in clause.children)


def _listed_predicate(verb: Token, cue: Token) -> bool:
    """ "it was emphasised that Russia and China have close positions, consistently uphold the law,
    seek to build ...": a present-tense predicate with no subject or conjunction of its own, which
    the parser hung on the past-tense cue, goes on listing what the clause's subject does."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ in ("VBP", "VBZ")
        and cue.tag_ in ("VBD", "VBN")
        and not any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in verb.children)
    )


def _cue_owning_a_second_predicate(verb: Token) -> Token | None:
    """ "The minister wrote that the grid was stable, and called on residents to save power": a
    past-tense act with no subject after ", and", which the parser joined to the reported clause, is
    the speaker's second act; the cue whose clause it was joined to, or None."""
    if (
        verb.dep_ != "conj"
        or verb.tag_ != "VBD"
        or any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
        or not (_is_cue(verb) or verb.lemma_ in _ACT_CUES or verb.lemma_ == "call")
        or verb.doc[verb.i - 1].lower_ != "and"
        or verb.doc[verb.i - 2].text != ","
    ):
        return None
    clause = verb.head
    while clause.dep_ == "conj":
        clause = clause.head
    cue = clause.head
    if clause.dep_ != "ccomp" or cue == clause or cue.tag_ != "VBD" or not _is_cue(cue):
        return None
    return cue


def _indirect(
    start: int, end: int, cue: Token, paragraph_starts: list[int], *, cue_text: str | None = None
) -> _Draft:
    return _Draft(
        start, end, "indirect", cue, cue_text or _cue_text(cue), _paragraph_of(cue.idx, paragraph_starts)
    )


def _has_to(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _has_that(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)


def _opens_with_that(clause: Token) -> bool:
    """ "a warning to NATO leaders that Russia would attack": the parser may make the conjunction
    "that" an object, not the clause's mark, and hang the clause on the nearest noun; tagged as a
    conjunction, with a subject of the clause's own after it, it is no relative pronoun."""
    opening = clause.left_edge
    return (
        clause.dep_ in ("acl", "relcl")
        and opening.lower_ == "that"
        and opening.tag_ == "IN"
        and any(c.dep_ in _SUBJECT_DEPS and c.i > opening.i for c in clause.children)
    )


_GOVERNING_DOCUMENTS: Final = word_list("governing_documents")


def _according_to(doc: Doc, doc_id: str, according: Token, paragraph_starts: list[int]) -> _Draft | None:
    to = next(c for c in according.children if c.lower_ == "to")
    named = source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if named is None or source is None:
        return None
    if source.lemma_ in _IMAGERY:
        return None  # "According to geolocated footage, ...": what pictures show, nobody's words
    if source.lemma_.lower() in _GOVERNING_DOCUMENTS:
        return None  # "according to the bill, the fund pays ...": what the law provides, under it
    if source.lemma_ in _SOURCE_FRAMES | _SOURCE_DOCUMENTS:
        # "according to calculations by the Kyiv School of Economics", "according to the army's
        # estimate": whose calculations they are is the source.
        source = next(
            (
                g
                for c in source.children
                if c.dep_ == "prep" and c.lower_ in ("by", "of", "from")
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        ) or next((c for c in source.children if c.dep_ == "poss"), source)
    sentence = according.sent
    # The phrase ends with its source: when the parser makes "According" the root, the whole
    # sentence hangs under it ("According to the ministry, in the east the enemy lost ...").
    phrase_start, phrase_end = according, doc[max(named.right_edge.i, to.i)]
    # "According to the Air Force, 79 drones ...": the parser may hang the clause's subject on the
    # source; the source ends at the comma after it.
    comma = next((t for t in doc[named.i + 1 : phrase_end.i + 1] if t.text == ","), None)
    if comma is not None:
        phrase_end = doc[comma.i - 1]
    # "200 were killed, according to X, and 40 were children, according to Y": each source gives
    # its own clause of a coordination.
    clause = according.head
    opening = clause.left_edge.idx if clause.dep_ == "conj" and clause.left_edge.i > sentence.start else None
    before = (opening or sentence.start_char, phrase_start.idx)
    # "According to X, A, and B": an opening source gives the whole sentence; only one closing A is
    # followed by other people's words ("A, according to X, and residents told ...").
    closes = len(_text(doc)[before[0] : before[1]].split()) > 0
    after = (
        phrase_end.idx + len(phrase_end.text),
        _end_of_sourced_clause(according, phrase_end) if closes else sentence.end_char,
    )
    words_before = len(_text(doc)[before[0] : before[1]].split())
    if _only_an_opener(doc, *before):
        # "In general, according to experts, the roads will last": the source opens the claim
        words_before = 0
        after = (after[0], sentence.end_char)
    words_after = len(_text(doc)[after[0] : after[1]].strip(" .,").split())
    if words_before and words_after:
        # "The reason, according to X, is the river": the claim is the whole sentence around it.
        start, end = sentence.start_char, sentence.end_char
    else:
        start, end = before if words_before else after
    if len(_text(doc)[start:end].split()) < 3:
        return None
    # "X said Y, according to a statement": the named speaker inside is the attribution to keep. An
    # opening "According to ISW, the Kremlin announced ..." is the source's account of what others said.
    if words_before and any(
        # "The data show X, according to analysis by Y": what data show is no attribution of its own.
        _is_cue(t) and t.lemma_ not in _SHOWING and _speaker_token(t) is not None
        for t in sentence
        if start <= t.idx < end
    ):
        return None
    draft = _indirect(start, end, according, paragraph_starts, cue_text="according to")
    draft.speaker = _speaker_from_phrase(doc, source, doc_id)
    return draft


def _end_of_sourced_clause(according: Token, phrase_end: Token) -> int:
    """Where the clause an "according to" phrase sources ends: the sentence's end, or the "and" that
    opens a clause of its own after the phrase ("X is so, according to the army, and residents told
    ...": the residents' words are theirs)."""
    clause = according.head
    for conjunction in according.doc[phrase_end.i + 1 : according.sent.end]:
        if conjunction.dep_ != "cc" or conjunction.head.i != clause.i:
            continue
        joined = next((c for c in clause.children if c.dep_ == "conj" and c.i > conjunction.i), None)
        if joined is not None and any(c.dep_ in _SUBJECT_DEPS for c in joined.children):
            return conjunction.idx
    return according.sent.end_char


def _source_frame(doc: Doc, doc_id: str, opening: Token, paragraph_starts: list[int]) -> _Draft | None:
    """``By the count of NAME, an analyst at X, drones struck 19 refineries``, ``In the view of the
    mayor, ...``, ``By the army's count, ...``: a sentence opened by whose count or view it gives is
    that source's statement, from the subject of its clause to its end."""
    frame = next((c for c in opening.children if c.dep_ == "pobj"), None)
    if frame is None or not (
        frame.lemma_ in _SOURCE_FRAMES or (opening.lower_ == "by" and frame.lemma_.lower() in _DATA_FRAMES)
    ):
        return None
    if not any(c.dep_ in ("det", "poss") for c in frame.children):
        return None  # "In view of this, ...": because of it; "in the view of X" gives X's view
    source = _of_object(frame) or next((c for c in frame.children if c.dep_ == "poss"), None)
    if source is None:
        return None
    sentence = opening.sent
    subject = next(
        (
            t
            for t in doc[source.i + 1 : sentence.end]
            if t.dep_ in _SUBJECT_DEPS and t.head.i > t.i and doc[t.left_edge.i - 1].text == ","
        ),
        None,
    )
    if subject is not None and any(_finite(t) for t in doc[source.i + 1 : subject.left_edge.i]):
        # "By the data of X, in the settlement remain 64 residents, the majority of them ...": the
        # subject after a later comma belongs to a clause after the one the frame opens
        subject = None
    if subject is not None:
        content_start = subject.left_edge.i
    else:
        # "By his data, during the last week the enemy lost ...": the clause after the frame's comma,
        # opened by whatever adverbial, when it has a subject or a finite verb of its own (a
        # translation keeps the order "in the workshop were prepared 20 drones").
        comma = opening.right_edge.i + 1
        if comma >= sentence.end or doc[comma].text != ",":
            return None
        rest = doc[comma + 1 : sentence.end]
        if not any((t.dep_ in _SUBJECT_DEPS and t.head.i > t.i) or _finite(t) for t in rest):
            return None
        content_start = comma + 1
    if len(doc[content_start : sentence.end]) < 3:
        return None
    words = (
        doc[opening.i : frame.i + 1].text
        if source.dep_ == "poss"
        else doc[opening.i : source.left_edge.i].text
    )
    draft = _indirect(doc[content_start].idx, sentence.end_char, opening, paragraph_starts, cue_text=words)
    draft.speaker = _speaker_from_phrase(doc, source, doc_id)
    return draft


def _called_for(doc: Doc, call: Token, marker: Token, paragraph_starts: list[int]) -> _Draft | None:
    """``called for talks``, ``is calling for the allies to step up``, ``called upon Kyiv to ...``."""
    if _speaker_token(call) is None:
        return None
    # "called for X to be 'erased'": the parser hangs the demanded clause on the verb, not on "for".
    opened = marker.head if marker.dep_ == "mark" else marker
    parts = [t.i for t in opened.subtree if t.i > marker.i] + [
        t.i
        for c in call.children
        if c.dep_ in _CONTENT_DEPS | {"advcl"} and c.i > marker.i
        for t in c.subtree
    ]
    start, end = marker.i + 1, max(parts, default=marker.i)
    if end - start < 1:
        return None
    cue_text = f"{call.text} {marker.text}"
    return _indirect(
        doc[start].idx, doc[end].idx + len(doc[end].text), call, paragraph_starts, cue_text=cue_text
    )


_CALLS: Final = word_expansions("calling_verbs")


def _call_marker(call: Token) -> Token | None:
    """The "for" or "upon" right after a form of "call", attached to it or to the clause it opens;
    the "for" of "ask" or "appeal" only opening a clause ("asked for the investigation to be
    resumed", not "asked for the bill")."""
    if call.lemma_ not in _CALLS or call.pos_ != "VERB" or call.i + 1 >= len(call.doc):
        return None
    marker = call.doc[call.i + 1]
    if marker.lower_ not in _CALLS[call.lemma_]:
        return None
    if call.lemma_ == "call" and marker.head == call:
        return marker
    if marker.dep_ == "mark" and marker.head.head == call:
        return marker
    # "asked for the inquest to be reopened": the parser may hang the infinitive on the noun
    demanded = [c for c in marker.children if c.dep_ == "pobj"]
    if marker.head == call and any(
        _has_to(c) for d in demanded for c in d.children if c.dep_ in ("relcl", "acl")
    ):
        return marker
    return None


def _characterisation(doc: Doc, verb: Token, paragraph_starts: list[int]) -> _Draft | None:
    """``called the charges fabricated``, ``described X as Y``, ``called on X to Y``: the object and
    what it is called is the content."""
    # "The militia calls its commander 'the Blacksmith'": the present simple is a standing nickname,
    # not something said on an occasion.
    if _speaker_token(verb) is None or verb.tag_ in ("VBZ", "VBP"):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    on = next((c for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon")), None)
    tail = [
        c
        for c in verb.children
        if c.dep_ in ("oprd", "xcomp", "ccomp", "advcl")
        and c.i > verb.i
        # "... as the nation faces a reckoning": a clause of time or reason says when, not what
        and not any(m.dep_ == "mark" and m.lower_ != "to" for m in c.children)
    ]
    tail += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]
    if obj is None and tail and tail[0].dep_ == "oprd":
        # 'called Wilson "an outstanding nominee"': the parser makes the object a predicate too
        obj, tail = tail[0], tail[1:]
    if obj is None and on is not None and verb.lemma_ == "call":
        obj = next((c for c in on.children if c.dep_ == "pobj"), None)
    if obj is not None:
        # 'called the ruling "a disgrace"': the parser hangs the quoted verdict on the object.
        tail += [
            c for c in obj.children if c.dep_ == "appos" and c.i > obj.i and doc[c.left_edge.i - 1].is_quote
        ]
    if obj is not None and not tail and (verdict := _quoted_verdict(doc, obj)) is not None:
        # 'called this "a cynical lie"': the parser took "this" for the quoted noun's determiner.
        return _indirect(verdict[0], verdict[1], verb, paragraph_starts, cue_text=verb.text)
    if obj is not None and not tail and any(t.is_quote for t in obj.subtree):
        tail = [obj]  # 'called Wilson's record "extremely problematic"': the verdict inside the object
    if obj is None or not tail:
        return None
    indices = [t.i for t in obj.subtree] + [t.i for c in tail for t in c.subtree]
    if obj.tag_ in ("WDT", "WP") and obj.i < verb.i:
        # "the law, which he described as one of the most controversial": what it was called; the
        # relative pronoun and the cue before it are no part of it
        indices = [t.i for c in tail for t in c.subtree if not (t.i == c.i and t.lower_ == "as")]
        if not indices:
            return None
    start, end = doc[min(indices)], doc[max(indices)]
    if end.i - start.i < 1 or "\n" in _text(doc)[start.idx : end.idx]:
        return None
    return _indirect(start.idx, end.idx + len(end.text), verb, paragraph_starts, cue_text=verb.text)


def _quoted_verdict(doc: Doc, obj: Token) -> tuple[int, int] | None:
    """Where the quoted words lie of an object written 'this "a cynical lie ..."': a pointing word, then
    a quotation holding the rest of the object."""
    words = list(obj.subtree)
    if (
        len(words) < 4
        or words[0].lower_ not in ("this", "that", "it", "these", "those")
        or not words[1].is_quote
    ):
        return None
    last = words[-1]
    closing = next((t for t in doc[last.i + 1 : last.i + 3] if t.is_quote), None)
    if closing is None:
        return None
    return words[2].idx, closing.idx


# -- speakers ----------------------------------------------------------------------------------------


def _speaker_token(cue: Token) -> Token | None:
    """The cue's grammatical subject; a participle cue borrows the subject of the verb it hangs on."""
    quoted = _quoted_as_saying(cue)
    if quoted is not None:
        return quoted
    spokesperson = _spoken_through(cue)
    if spokesperson is not None:
        return spokesperson
    verb = cue
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        # "Butembo (DR Congo) (AFP) - ..., a local leader told AFP": a dateline is no second subject.
        filed = _dateline_end(cue.doc, cue.sent.start)
        subjects = [c for c in subjects if c.idx >= filed] or subjects
        # "Mr President, Russia says ...": the parser may make the person addressed a second subject.
        subjects = [c for c in subjects if not _vocative(c, among=len(subjects))] or subjects
        # "The co-mayor of Ercis, NAME, said": a hyphenated word the parser made three subjects is one,
        # its last part the head
        subjects = [c for c in subjects if not _part_before_a_hyphen(c)] or subjects
        # "NAME after the strike again demanded": of two subjects the parser gives, the named one.
        subject = next((c for c in subjects if c.ent_type_ in ("PERSON", "ORG")), None) or next(
            iter(subjects), None
        )
        if subject is not None:
            return _real_subject(subject, cue)
        owner = _cue_owning_a_second_predicate(verb)
        if verb is cue and _main_verb_misread_as_modifier(cue):
            return _real_subject(cue.head, cue)
        if owner is not None:
            verb = owner
        elif verb.dep_ in ("advcl", "conj", "xcomp") and verb.head is not verb:
            verb = verb.head
        else:
            return _subject_before_an_aside(cue) or _closing_source(cue) or _body_spoken_in(cue)
    return None


def _body_spoken_in(cue: Token) -> Token | None:
    """ "In the Ministry of Defence informed that ...", "In the Air Force answered that ...": a
    translation from Russian or Ukrainian ("в Минобороны сообщили") names the body the words came
    from in a phrase opening the sentence, and the verb has no subject."""
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ == "auxpass" for c in cue.children):
        return None
    opening = next(
        (c for c in cue.children if c.dep_ == "prep" and c.lower_ == "in" and c.i == cue.sent.start), None
    )
    body = None if opening is None else next((c for c in opening.children if c.dep_ == "pobj"), None)
    if body is None or not (body.ent_type_ == "ORG" or body.lemma_.lower() in _SPEAKING_BODIES):
        return None
    return body


def _main_verb_misread_as_modifier(cue: Token) -> bool:
    """ "The speaker of the group NAME informed in the air of the telethon that ...": after a long
    subject the parser may take the sentence's verb for a participle modifying it, leaving the
    subject as the root. A "that" clause shows the verb reports."""
    subject = cue.head
    return (
        cue.dep_ == "acl"
        and subject.dep_ == "ROOT"
        and subject.pos_ in ("NOUN", "PROPN")
        and cue.tag_ in ("VBD", "VBN")
        and any(c.dep_ == "ccomp" and _has_that(c) for c in cue.children)
    )


def _part_before_a_hyphen(token: Token) -> bool:
    """A token that a hyphen with no spaces joins to the next word ("co" and "-" of "co-mayor")."""
    doc = token.doc
    if token.text == "-":
        return not token.whitespace_ and token.i > 0 and not doc[token.i - 1].whitespace_
    return (
        token.i + 2 < len(doc)
        and doc[token.i + 1].text == "-"
        and not token.whitespace_
        and not doc[token.i + 1].whitespace_
    )


def _spoken_through(cue: Token) -> Token | None:
    """ "The management claims through its spokeswoman NAME that ...": the person it speaks through."""
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.lower_ == "through"):
        for through in (c for c in prep.children if c.dep_ == "pobj"):
            named = [through, *(c for c in through.children if c.dep_ == "appos")]
            person = next((t for t in named if t.ent_type_ == "PERSON"), None)
            if person is not None:
                return person  # a spokesperson with no name leaves the body the speaker
    return None


def _dateline_end(doc: Doc, sentence_start: int) -> int:
    """Where a dateline opening the sentence's line ends (the sentence's start when there is none)."""
    start = doc[sentence_start].idx
    dateline = _line_dateline(_text(doc), start)
    return dateline.end() if dateline is not None and dateline.end() > start else start


def _line_dateline(text: str, offset: int) -> re.Match[str] | None:
    """The dateline opening the line that holds ``offset``, if any."""
    return DATELINE.match(text, text.rfind("\n", 0, offset) + 1)


def _quoted_as_saying(cue: Token) -> Token | None:
    """ "RIA Novosti quoted the district head as saying that ...", "cited officials as saying ...":
    the one quoted speaks, not the outlet that quotes them."""
    marker = cue.head
    if cue.dep_ != "pcomp" or marker.lower_ != "as" or marker.head.lemma_ not in ("quote", "cite"):
        return None
    return next((c for c in marker.head.children if c.dep_ == "dobj"), None)


def _subject_before_an_aside(cue: Token) -> Token | None:
    """ "NAME, who runs a kitchen and is not related to the mayor, told ...": the parser lost the
    subject in the aside; the name opening the sentence, or the person a "who" aside describes, set
    off by the commas that close right before the cue, is it."""
    doc, sentence = cue.doc, cue.sent
    # The parser may hang the cue on the aside's verb ("NAME, whose son was captured, said"): "dep".
    if (
        cue.dep_ not in ("ROOT", "dep")
        or cue.tag_ not in ("VBD", "VBZ", "VBP")
        or cue.i < 2
        or doc[cue.i - 1].text != ","
    ):
        return None
    first = _entity_of(doc[sentence.start])
    if first is not None and first.label_ in ("PERSON", "ORG") and first.end < cue.i - 1:
        return first.root if doc[first.end].text == "," else None
    # "In Wiesbaden, Germany, Lt. Gen. NAME, who heads the group, told ...": after a place phrase,
    # the person a "who" aside is about.
    for ent in reversed([e for e in doc.ents if sentence.start <= e.start and e.end < cue.i - 2]):
        if ent.label_ == "PERSON" and doc[ent.end].text == "," and doc[ent.end + 1].lower_ == "who":
            return ent.root
    return None


def _closing_source(cue: Token) -> Token | None:
    """ "..., when the rebels attacked with mortars and drones, residents and aid workers said.": the
    parser joined the source to a list before it. A bare noun phrase between the last comma and a cue
    that ends the sentence is its source."""
    doc = cue.doc
    if cue.tag_ != "VBD" or cue.i + 1 >= len(doc) or not _ends_its_sentence(cue):
        return None
    comma = next((t for t in reversed(doc[cue.sent.start : cue.i]) if t.text == ","), None)
    if comma is None or not 1 <= cue.i - comma.i - 1 <= 8:
        return None
    phrase = doc[comma.i + 1 : cue.i]
    if not all(t.pos_ in _NOUN_PHRASE_POS for t in phrase):
        return None
    return _phrase_head(doc, phrase.start, phrase.end)


def _ends_its_sentence(cue: Token) -> bool:
    """Whether only the cue's own time and channel follow it to the sentence's end: "said.", "said on
    Saturday in a summary of the week's results."."""
    rest = [t for t in cue.doc[cue.i + 1 : cue.sent.end] if not t.is_space]
    if not rest or rest[-1].text not in (".", "!"):
        return False
    rest = rest[:-1]
    return all(t.pos_ not in ("VERB", "AUX") and t.text != "," for t in rest) and all(
        t.head.i == cue.i or cue.i < t.head.i <= rest[-1].i for t in rest
    )


def _subject_before_a_quoted_word(subject: Token, cue: Token) -> Token | None:
    """'NAME called this "a lie told over the bodies" and said ...': the parser may take a word of the
    quotation before the cue for its subject; the named subject that opens the sentence speaks."""
    doc = cue.doc
    opening = subject.left_edge.i - 1
    if opening < subject.sent.start or not doc[opening].is_quote or subject.i > cue.i:
        return None
    if not any(t.is_quote for t in doc[subject.i + 1 : cue.i]):
        return None  # no closing mark between: not a quoted word
    return next(
        (
            t
            for t in doc[subject.sent.start : opening]
            if t.dep_ in _SUBJECT_DEPS and t.ent_type_ in ("PERSON", "ORG")
        ),
        None,
    )


def _real_subject(subject: Token, cue: Token) -> Token | None:
    """The subject, unless the parser took a dateline (``KYIV (AP) — The governor said``) or a date
    (``Saturday the governor said``) for it: then the noun phrase after it, before the cue."""
    doc = cue.doc
    if (named := _subject_before_a_quoted_word(subject, cue)) is not None:
        return named
    dateline = _line_dateline(_text(doc), subject.idx)
    if (
        dateline is not None
        and subject.idx < dateline.end() <= cue.idx
        # "NATO — the alliance said": an organisation's name is not where a story was filed.
        and ("(" in dateline.group() or subject.ent_type_ != "ORG")
    ):
        after = _token_at(doc, dateline.end())
        return None if after is None else _phrase_head(doc, after.i, min(cue.i, subject.sent.end))
    if subject.ent_type_ in ("DATE", "TIME") and subject.i < cue.i:
        return _phrase_head(doc, subject.right_edge.i + 1, cue.i)
    closing = _entity_ending_at(doc, cue.i)
    if (
        closing is not None
        and closing.label_ in ("ORG", "PERSON", "MILITARY_UNIT")
        and subject.i < closing.start
        and any(t.text == "," for t in doc[subject.i : closing.start])
        and doc[closing.start - 1].text in (",", "'s", "’s")
    ):
        # "... some were defenders of Mariupol, Ukraine's Coordination Headquarters ... said": the
        # name right before the cue, after the clause's last comma, speaks; the parser took a noun
        # of the clause for the subject.
        return closing.root
    if (named := _name_apposed_to_description(subject)) is not None:
        return named
    addressed = _vocative(subject)
    for named in (c for c in subject.children if c.dep_ == "appos" and c.i > subject.i):
        # "Mr President, Russia says ...", "Olena, Russia says ...": the person addressed, and after
        # the comma the subject. An apposition is closed by a comma before the verb ("NAME, the
        # minister, said"); the subject after a form of address runs into the verb.
        if addressed or (
            _at_sentence_start(subject.left_edge)
            and subject.pos_ == named.pos_ == "PROPN"
            and doc[named.left_edge.i - 1].text == ","
            and named.right_edge.i + 1 == cue.i
        ):
            return named
    return None if addressed else subject


def _name_apposed_to_description(subject: Token) -> Token | None:
    """ "One of the channels, Frontovoy Vestnik, wrote", 'the Telegram channel "Dneprovsky Rubezh" wrote':
    a subject that only describes (no name, no title) followed by the name it stands for, set off by
    a comma or quotation marks; the name speaks."""
    doc = subject.doc
    if subject.ent_type_ in ("PERSON", "ORG") or subject.lower_ in TITLES or subject.pos_ == "PRON":
        return None
    for named in (c for c in subject.children if c.dep_ == "appos" and c.i > subject.i):
        opening = doc[named.left_edge.i - 1]
        # A name with commas of its own ("the Philippine Atmospheric, Geophysical and ...") is read
        # in pieces; the description keeps it whole.
        whole = not any(t.text == "," for t in named.subtree)
        if named.pos_ == "PROPN" and whole and (opening.text == "," or opening.is_quote):
            return named
    return None


def _at_sentence_start(token: Token) -> bool:
    """Whether only punctuation (an interview's dash, a quote mark) comes before ``token`` in its sentence."""
    return all(t.is_punct or t.is_space for t in token.doc[token.sent.start : token.i])


def _vocative(subject: Token, *, among: int = 1) -> bool:
    """A form of address opening the sentence, set off by a comma: "Mr President,", "Dear colleagues,",
    or a name ("Olena, Russia says ...") when the verb has another subject after it."""
    doc, first, last = subject.doc, subject.left_edge, subject.right_edge
    closing = next((t for t in doc[first.i : last.i + 2] if t.text == ","), None)
    return (
        _at_sentence_start(first)
        and (first.lower_ in _VOCATIVES or among > 1)
        and closing is not None
        and closing.i <= subject.i + 1
    )


def _entity_ending_at(doc: Doc, end: int) -> TokenSpan | None:
    return next((e for e in doc.ents if e.end == end), None)


def _entity_of(token: Token) -> TokenSpan | None:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _speaker_from_phrase(doc: Doc, head: Token, doc_id: str) -> Speaker:
    if head.tag_ in ("WDT", "WP") and head.head.dep_ == "relcl":
        # "the Daily, which reported": the speaker is written as "which" and stands for the noun.
        noun = _speaker_from_phrase(doc, _antecedent(head), doc_id)
        if head.lower_ == "that":
            # "a new ad that urges voters": a restrictive clause names its speaker by the noun itself.
            return noun
        return replace(
            noun,
            text=head.text,
            span=Span(doc_id, head.idx, head.idx + len(head.text)),
            referent=noun.referent or noun.span,
        )
    completed = any(
        (c.dep_ == "prep" and c.lower_ in ("of", "from")) or (c.dep_ == "relcl" and head.lower_ in _WHO_HEADS)
        for c in head.rights
    )
    if head.pos_ == "PRON" and not completed:
        return Speaker(text=head.text, span=Span(doc_id, head.idx, head.idx + len(head.text)))
    # "President NAME and Prime Minister NAME"; not "Military expert, reserve colonel NAME", nor "The
    # head of the council and commander of the army, General NAME"
    paired = any(c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in head.rights) and any(
        c.dep_ == "cc" and c.lower_ == "and" for c in head.rights
    )
    if not paired and (titled := _titled_name(doc, head)) is not None:
        name, title = titled
        span = Span(doc_id, name.start_char, name.end_char)
        return Speaker(text=name.text, span=span, referent=span, description=title)
    entity = _entity_of(head)
    kept = [head] + [
        t
        for c in head.lefts
        if c.dep_ not in _SPEAKER_TRIM_DEPS
        for t in c.subtree
        # "Tomorrow Russia announced": the day, which the parser hung on the name, is no part of it
        if t.lower_ not in _DAY_WORDS
    ]
    if entity is not None:
        # "Volodymyr Zelenskyy explained" tagged as one work of art: the verb is the cue, no name.
        kept += [
            t
            for t in entity
            if (t.i < head.i or t.pos_ not in ("VERB", "AUX")) and t.lower_ not in _DAY_WORDS
        ]
    # "the Russian Ministry of Defense": keep an "of" phrase that is part of the proper name.
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and head.lower_ in TITLES:
            # "the head of the Russian state", "The Head of the Ukrainian state", "the commander of
            # the brigade": the office is named by the whole phrase, up to any clause or aside after it.
            phrase = list(child.subtree)
            cut = next((t.i for t in phrase if t.is_punct or t.pos_ in ("VERB", "AUX")), None)
            kept += [t for t in phrase if cut is None or t.i < cut]
        elif child.dep_ == "prep" and child.lower_ == "of" and head.pos_ == "PROPN":
            kept += [t for t in child.subtree if t.pos_ in ("PROPN", "ADP", "DET", "ADJ")]
        elif (head.pos_ != "PROPN" and _places_a_source(child)) or (
            # "a Ukrainian close to the action", parsed with "close" as the noun
            head.lower_ in _SOURCE_STANDING and child.dep_ == "prep"
        ):
            kept += list(child.subtree)
        elif head.pos_ != "PROPN" and (
            (child.dep_ == "prep" and child.lower_ in ("of", "from"))
            or (child.dep_ == "relcl" and head.lower_ in _WHO_HEADS)
        ):
            # "Most of the candidates", "Senators from both parties", "Those who stayed": the words
            # that say who the speakers are.
            kept += _up_to_an_aside(child)
    group = [c for c in head.rights if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
    if group and any(c.dep_ == "cc" and c.lower_ == "and" for c in head.rights):
        # "Vladimir Putin and Kassym-Jomart Tokayev said": both speak, and no one of them alone.
        kept += [t for member in group for t in _up_to_an_aside(member)]
        kept += [c for c in head.rights if c.dep_ == "cc"]
        entity = None
    if any(t.dep_ == "conj" and t.ent_type_ == "PERSON" and t.i > head.i for t in kept):
        entity = None  # "NAME of CUNY and NAME of Oregon State", the second hung on the first's "of"
    indices = sorted({t.i for t in kept})
    first, last = doc[indices[0]], doc[indices[-1]]
    span = Span(doc_id, first.idx, last.idx + len(last.text))
    appositions = (
        _phrase_text(doc, c) for c in head.children if c.dep_ == "appos" and c.ent_type_ != "PERSON"
    )
    description = next((a for a in appositions if a), None)
    determiner = next((c.lower_ for c in head.lefts if c.dep_ in ("det", "nummod")), None)
    is_named = (
        entity is not None
        and entity.label_ not in ("NORP", "DATE", "CARDINAL")
        # "the Head of State noted", "the Commander-in-Chief said": a capitalised office names nobody.
        and not _only_an_office(entity.text)
    )
    # "The analysts wrote": people named by their work for a body named before are that body's voice.
    analysts = determiner == "the" and head.lower_ in _ANALYSTS
    anonymous = (
        not is_named
        and not analysts
        and head.pos_ == "NOUN"
        and (determiner in _INDEFINITE or head.tag_ == "NNS")
        # "The messages read": documents someone named sent, not unnamed people
        and not (determiner == "the" and head.lemma_.lower() in DOCUMENT_NOUNS)
    )
    referent = Span(doc_id, entity.start_char, entity.end_char) if is_named and entity is not None else None
    named_aside = next(
        (
            found
            for c in head.children
            if c.dep_ == "appos" and c.i > head.i
            if (found := _entity_of(c)) is not None and found.label_ in ("ORG", "GPE", "FAC", "PRODUCT")
        ),
        None,
    )
    if named_aside is None and head.pos_ == "NOUN":
        named_aside = _name_set_off_after(doc, head)
    if referent is None and named_aside is not None:
        # "the grid operator, Ukrenergo, said": the body named beside its description speaks.
        referent, anonymous = Span(doc_id, named_aside.start_char, named_aside.end_char), False
    return Speaker(
        text=_text(doc)[span.start : span.end],
        span=span,
        referent=referent,
        description=description,
        anonymous=anonymous,
    )


def _name_set_off_after(doc: Doc, head: Token) -> TokenSpan | None:
    """ "according to the UN's humanitarian office, OCHA.": an organisation's name set off by a comma
    right after a phrase describing it, closed by punctuation, which the parser hung elsewhere."""
    comma = head.right_edge.i + 1
    if comma + 1 >= len(doc) or doc[comma].text != ",":
        return None
    name = next((e for e in doc.ents if e.start == comma + 1 and e.label_ in ("ORG", "FAC")), None)
    if name is None or name.end >= len(doc) or not doc[name.end].is_punct:
        return None
    return name


def _only_an_office(words: str) -> bool:
    lowered = words.lower().removeprefix("the ")
    return bool(HEAD_OF_STATE.match(lowered)) or all(
        word in TITLES or word in ("of", "in") for word in _WORD_OR_HYPHEN.split(lowered) if word
    )


def _up_to_an_aside(token: Token) -> list[Token]:
    """A phrase's words up to the first comma, dash or bracket of an aside after it."""
    phrase = sorted(token.subtree, key=lambda t: t.i)
    cut = next((t.i for t in phrase if t.i > token.i and t.text in (",", "(", "—", "–", ";")), None)
    return [t for t in phrase if cut is None or t.i < cut]


# Heads that a relative clause completes as a speaker: "those who stayed", "everyone who saw it".
_WHO_HEADS: Final = frozenset({"those", "anyone", "everyone", "people", "all", "many", "some", "others"})


def _titled_name(doc: Doc, head: Token) -> tuple[TokenSpan, str] | None:
    """A person named with a title: the name and the title, which describes them.

    "Presidential adviser Mykhailo Podolyak", "its leader Denis Pushilin" (the title before the
    name), "the country's deputy defence minister, Hanna Maliar," (the name in apposition to the
    title) and "the head of the regional administration Petro Ivanov" (the name closing the
    title's "of" phrase): the person speaks, not their office, and the title is what the article
    says they are.
    """
    entity = _entity_of(head)
    if entity is not None and entity.label_ == "PERSON":
        if entity.start > 0 and doc[entity.start - 1].tag_ == "POS":
            return None  # "Zelensky's adviser said": the name belongs to another noun
        before = [
            t
            for t in head.lefts
            if t.i < entity.start and t.dep_ not in ("advmod", "npadvmod")
            for t in t.subtree
            if t.i < entity.start
        ]
        if title := _title_text(doc, before):
            return entity, title
    if head.pos_ not in ("NOUN", "PROPN") or (head.lower_ not in TITLES and head.pos_ != "NOUN"):
        return None
    found = _name_in_title_phrase(doc, head)
    if found is None:
        return None
    name, title_end = found
    aside = {t.i for t in head.subtree if t.dep_ in ("relcl", "acl") for t in t.subtree}
    words = [
        t
        for t in head.subtree
        if t.i < title_end and t.i not in aside and not (t.dep_ == "advmod" and t.i < head.i)
    ]
    title = _title_text(doc, words)
    return (name, title) if title else None


def _modifies_a_noun(name: TokenSpan) -> bool:
    """Whether a name is only a modifier of a common noun after it ("the Vovcha group", "a Wagner
    unit"), which the tagger may still read as a person."""
    last = name[-1]
    return last.dep_ == "compound" and last.head.i >= name.end and last.head.pos_ == "NOUN"


def _name_in_title_phrase(doc: Doc, head: Token) -> tuple[TokenSpan, int] | None:
    """The person a title phrase names after its head: set off by a comma ("Military expert, reserve
    colonel NAME"; "the commander of a battalion, a certain NAME") or closing an "of" phrase whose
    organisation comes first ("the head of the GUR NAME"). A name that is itself the object of the
    preposition belongs to someone else's title ("the lawyer of NAME", "an adviser to President
    NAME"). Returns the name and where the title ends."""
    subtree = {t.i for t in head.subtree}
    for name in (e for e in doc.ents if e.label_ == "PERSON" and e.start > head.i and e.start in subtree):
        if _modifies_a_noun(name):
            continue  # "the spokesman of the Vovcha group of forces NAME": a word naming the group
        # "The secretary of the council, who acts as mayor, NAME": an aside about the title is skipped.
        aside = {t.i for t in doc[head.i + 1 : name.start] if t.dep_ in ("relcl", "acl") for t in t.subtree}
        between = [t for t in doc[head.i + 1 : name.start] if t.i not in aside]
        if any(t.i not in subtree or t.pos_ in ("VERB", "AUX") or "\n" in t.text for t in between):
            return None
        if name.start > 0 and doc[name.start - 1].tag_ == "POS":
            return None
        set_off = next((t for t in reversed(between) if t.text == ","), None)
        if set_off is not None and all(
            t.dep_ in ("det", "amod", "compound") or t.lower_ in TITLES
            for t in doc[set_off.i + 1 : name.start]
        ):
            if head.lower_ not in TITLES and set_off.i != head.i + 1:
                return None
            # "Military expert, reserve colonel NAME": a second title belongs to the description;
            # "the commander of a battalion, a certain NAME" ends the title at the comma.
            titled_again = any(t.lower_ in TITLES for t in doc[set_off.i + 1 : name.start])
            return name, name.start if titled_again else set_off.i
        prepositions = [t for t in between if t.pos_ == "ADP"]
        if between and not any(t.whitespace_ for t in doc[head.i : between[-1].i]):
            return name, name.start  # "Commander-in-Chief NAME": one hyphenated title
        if not prepositions and all(t.dep_ in ("compound", "amod") for t in between):
            return name, name.start  # "Its leader NAME", "the regional governor NAME"
        if head.lower_ not in TITLES or not prepositions:
            return None
        owner = doc[prepositions[-1].i + 1 : name.start]
        if any(t.pos_ in ("NOUN", "PROPN") and t.lower_ not in TITLES for t in owner):
            return name, name.start
        if prepositions[-1].lower_ == "of" and [t.lower_ for t in owner][:1] == ["the"] and len(owner) == 2:
            # "Adviser to the Head of the Office of the President NAME": the office's chain of
            # titles ends where the name begins; "an adviser to President NAME" names the president
            return name, name.start
        return None
    return None


def _title_text(doc: Doc, tokens: Iterable[Token]) -> str | None:
    """The words of a title, without the punctuation around it; None when none is a word."""
    indices = sorted({t.i for t in tokens})
    while indices and (doc[indices[-1]].is_punct or doc[indices[-1]].is_space):
        indices.pop()
    while indices and (doc[indices[0]].is_punct or doc[indices[0]].is_space):
        indices.pop(0)
    if not any(doc[i].is_alpha for i in indices):
        return None
    return doc[indices[0] : indices[-1] + 1].text


def _places_a_source(modifier: Token) -> bool:
    """Whether a phrase after an unnamed source says where it stands: "a source close to the
    Kremlin", "officials familiar with the talks", "a person with knowledge of the plan"."""
    if modifier.lower_ in _SOURCE_STANDING:
        return True
    return modifier.lower_ == "with" and any(c.lower_ in ("knowledge", "access") for c in modifier.children)


def _phrase_text(doc: Doc, token: Token) -> str:
    indices = sorted(t.i for t in token.subtree)
    while indices and doc[indices[-1]].is_punct:
        indices.pop()
    return doc[indices[0] : indices[-1] + 1].text if indices else ""


def _unresolved_speaker(doc: Doc, doc_id: str, draft: _Draft) -> Speaker:
    """The speaker as the text words it, before any pronoun or role is resolved."""
    if draft.speaker is not None:
        return draft.speaker
    subject = draft.speaker_head or _speaker_token(draft.cue)
    return _speaker_from_phrase(doc, subject, doc_id) if subject is not None else Speaker(text="", span=None)


def _resolve_speaker(
    doc: Doc, doc_id: str, draft: _Draft, earlier: list[tuple[_Draft, Speaker]], paragraph_starts: list[int]
) -> Speaker:
    raw = _unresolved_speaker(doc, doc_id, draft)
    lowered = raw.text.lower()
    if lowered in ("it", "") and _passive(draft.cue) and (issuer := _issuer_named_in(draft.cue)) is not None:
        # '"...," it is said in the summary of the military department', "..., was stressed in the
        # company": the body whose document it is, or the body itself, as the text names it.
        issued = replace(draft, speaker=_speaker_from_phrase(doc, issuer, doc_id))
        return _resolve_speaker(doc, doc_id, issued, earlier, paragraph_starts)
    if lowered == "it" and _passive(draft.cue):
        # "It was noted that ...", "it must be said": nobody is named, and no earlier "it" is meant;
        # after "The presidents discussed ...", the sides of the talks noted it.
        sides = _plural_subject_before(doc, draft, sentences=3) if draft.cue.lemma_ in _SIDES_NOTE else None
        if sides is not None:
            return replace(raw, referent=Span(doc_id, sides.start_char, sides.end_char))
        return replace(raw, anonymous=True)
    if lowered in _FIRST_PERSON and not draft.turn and draft.kind != "direct":
        signed = _signed_heading(doc, draft, paragraph_starts)
        if signed is not None:
            # "David Solomon, CEO of Goldman Sachs, on LinkedIn" over a post: its "I" is his
            name, title = signed
            return replace(raw, referent=Span(doc_id, name.start_char, name.end_char), description=title)
        # "The ministry said the town held. We believe ...": outside quotation marks (where no cue of
        # a report is looked for) the text's "we" is its writer's, never the last speaker's
        return raw
    if lowered in _PERSON_PRONOUNS or lowered in _GROUP_PRONOUNS:
        wants_person = lowered in _PERSON_PRONOUNS
        group = _plural_subject_before(doc, draft, sentences=2) if lowered in ("they", "them") else None
        named = _person_subject_before(doc, draft, paragraph_starts) if wants_person else None
        for previous_draft, previous in reversed(earlier):
            if draft.paragraph - previous_draft.paragraph > 3:
                break
            if group is not None and group.start_char > previous_draft.cue.idx:
                break  # the people named since that statement are nearer
            if named is not None and named.start_char > previous_draft.cue.idx:
                # 'NAME rejected that. "...," she told AFP': the subject of the sentence right
                # before is nearer than an earlier speaker
                break
            if previous.text.lower() in _PERSON_PRONOUNS | _GROUP_PRONOUNS and previous.referent is None:
                continue
            if _is_person(doc, previous) == wants_person and not _other_gender(
                lowered, _referent_text(doc, previous)
            ):
                # An anonymous antecedent, or a group, has no entity; pointing at its words still
                # shows who "he" or "they" is.
                return replace(
                    raw,
                    referent=previous.referent
                    or (previous.span if previous.anonymous or not wants_person else None),
                    description=previous.description,
                    anonymous=previous.anonymous,
                    author=previous.author,  # "The President ... He thanked": the house's head
                )
        if wants_person and (mention := _nearest_person_before(doc, draft, paragraph_starts)) is not None:
            return replace(raw, referent=Span(doc_id, mention.start_char, mention.end_char))
        if group is not None:
            return replace(raw, referent=Span(doc_id, group.start_char, group.end_char))
        return raw
    if raw.referent is None and not raw.anonymous and lowered.startswith("the "):
        # "the governor", "the President of Russia": the role is the noun before any "of" phrase,
        # and the words of that phrase must describe the person too. "The head of state" is the
        # president, whichever state's.
        role, of_words = _office(lowered)
        # "the acting mayor" is the acting mayor named before; "the Minister" no deputy minister
        qualifiers = _QUALIFIER_WORD.findall(of_words) + sorted(
            set(lowered.split()) & word_list("lesser_ranks")
        )
        if role.endswith("s") and role[:-1] in DOCUMENT_NOUNS:
            role = role[:-1]  # "The messages read": each is its sender's
        if role in DOCUMENT_NOUNS:
            # "The message reads: ...": the words are those of whoever sent it.
            sender = _sender_before(doc, draft)
            if sender is None:
                return raw
            written = replace(draft, speaker=_speaker_from_phrase(doc, sender, doc_id))
            resolved = _resolve_speaker(doc, doc_id, written, earlier, paragraph_starts)
            # The document stays the words' speaker here; who sent it is its referent, or, when
            # that is not resolved, its description ("The President of Russia").
            unresolved = resolved.referent is None
            return replace(raw, referent=resolved.referent, description=resolved.text if unresolved else None)
        if role in ORGANISATION_NOUNS or role in _ANALYSTS:
            nationality = _nationality_words(doc, raw)
            if (
                role in ORGANISATION_NOUNS
                and (organisation := _organisation_before(doc, draft, {role})) is not None
                and _named_for(organisation.text, nationality)
            ):
                return replace(raw, referent=Span(doc_id, organisation.start_char, organisation.end_char))
            # "the department", "the state energy company", "The analysts": a body named by what it
            # is, after its name was given as a source, is the organisation last quoted.
            if (
                role in _ANALYSTS
                and (named := _organisation_before(doc, draft, _RESEARCH_BODIES, {"ORG"})) is not None
            ):
                # "The Institute for the Study of War (ISW) has not observed ... The analysts wrote":
                # the institute the text has named last, quoted or not.
                return replace(raw, referent=Span(doc_id, named.start_char, named.end_char))
            quoted = _organisation_last_quoted(doc, draft, earlier)
            if quoted is None or not _named_for(_text(doc)[quoted.start : quoted.end], nationality):
                return raw  # "The Israeli military" after the WHO was quoted is not the WHO
            if _proper_name(raw.text) and not _words_in(raw.text, _text(doc)[quoted.start : quoted.end]):
                return raw  # "the General Staff said" after the Air Force was quoted is not the Air Force
            if role in _NAMED_BODIES and role not in _text(doc)[quoted.start : quoted.end].lower():
                return (
                    raw  # "the city council" after the Air Force was quoted is a council, not the Air Force
                )
            return replace(raw, referent=quoted)
        # "The Russian president" is no President of the European Council: a nationality before the
        # role must be the title's country too.
        countries = [_country_stems(word) for word in _nationality_words(doc, raw)]
        for _, previous in reversed(earlier):
            described = (previous.description or "").lower()
            # "the President" is not the "Head of the Office of the President": the office a
            # description names is its head noun, before any "of".
            if (
                previous.referent is not None
                and described
                and _office(described)[0] == role
                and all(q in described for q in qualifiers)
                and _of_countries(described.split(), countries)
                and not set(described.split()) & word_list("lesser_ranks") - set(qualifiers)
            ):
                return replace(raw, referent=previous.referent, description=previous.description)
        titled = _titled_person_before(doc, draft, [role, *qualifiers], countries) or _titled_person_after(
            doc, draft, [role, *qualifiers], paragraph_starts, countries
        )
        if titled is not None:
            return replace(raw, referent=Span(doc_id, titled.start_char, titled.end_char))
    return raw


def _office(phrase: str) -> tuple[str, str]:
    """The role a lower-case title names, its head noun before any "of", and the words of that "of"
    phrase: "the president of russia" -> ("president", "russia"); "the head of state" is the president."""
    role_words, _, of_words = HEAD_OF_STATE.sub("the president", phrase).partition(" of ")
    return (role_words.split() or [""])[-1], of_words


_RELAYING: Final = frozenset({"note", "cite", "quote", "recall", "relay", "mention"})
# What a relaying report passes on as words: "notes that NAME said / stated / wrote".
_REPORTED: Final = frozenset(
    {"say", "tell", "state", "write", "report", "declare", "announce", "claim", "add"}
)
# Plural people named by their work, who write for an organisation: "The analysts noted".
_ANALYSTS: Final = frozenset({"analysts", "researchers", "authors", "experts", "monitors", "investigators"})
_TITLE_TOKENS: Final = 12
_TITLE_STOPS: Final = frozenset({".", ",", ";", ":", "!", "?", "(", ")", '"', "“", "”"})
# "Commander-in-Chief" holds the role "commander" as much as "the commander" does.
_WORD_OR_HYPHEN: Final = re.compile(r"[\s-]+")
_QUALIFIER_WORD: Final = re.compile(r"[^\W\d_]{3,}")
_STEM: Final = 5  # "russi" is Russia's and the Russian's


def _is_person(doc: Doc, speaker: Speaker) -> bool:
    if " and " in speaker.text:
        return False  # "Scher and Van Den Hoek": two people are "they"
    if speaker.referent is not None and not speaker.anonymous:
        span = doc.char_span(speaker.referent.start, speaker.referent.end, alignment_mode="expand")
        return span is not None and any(t.ent_type_ == "PERSON" for t in span)
    words = speaker.text.lower().split()
    if not words or speaker.text.lower() in _GROUP_PRONOUNS or words[-1] in ORGANISATION_NOUNS:
        return False
    return not words[-1].endswith("s")


def _nationality_words(doc: Doc, speaker: Speaker) -> list[str]:
    """The nationality or place words of a speaker named by what it is ("the Israeli military",
    "Russia's defence ministry"): they say whose body it is."""
    if speaker.span is None:
        return []
    span = doc.char_span(speaker.span.start, speaker.span.end, alignment_mode="expand")
    return [t.lower_ for t in span or [] if t.ent_type_ in ("NORP", "GPE") and t.is_alpha]


def _named_for(name: str, nationality: list[str]) -> bool:
    """Whether an organisation's name fits those words: "Israel Defense Forces" for "Israeli"."""
    lowered = name.lower()
    return all(word[:5] in lowered for word in nationality)


def _proper_name(words: str) -> bool:
    """ "the General Staff", "The Defence Ministry": a body's name in capitals, not a description."""
    named = words.split()[1:] if words.lower().startswith("the ") else words.split()
    return bool(named) and all(w[:1].isupper() for w in named)


# Bodies a description names by what they are, which only a body of that kind can be: a council is
# no ministry, whatever "the department" or "the agency" may stand for.
_NAMED_BODIES: Final = frozenset(
    {"council", "court", "parliament", "committee", "commission", "embassy", "university", "hospital"}
    | {"prosecutor's", "church", "party", "union", "bank", "school"}
)


def _words_in(words: str, name: str) -> bool:
    own = set(words.lower().split()) - {"the"}
    return own <= set(name.lower().split())


def _organisation_last_quoted(doc: Doc, draft: _Draft, earlier: list[tuple[_Draft, Speaker]]) -> Span | None:
    """The organisation the last statement, within three paragraphs, was resolved to; a person or
    another role quoted last names none, since the department may be theirs."""
    if not earlier:
        return None
    previous_draft, previous = earlier[-1]
    if draft.paragraph - previous_draft.paragraph > 3 or previous.referent is None:
        return None
    span = doc.char_span(previous.referent.start, previous.referent.end, alignment_mode="expand")
    if span is None or not any(t.ent_type_ in _GROUP_LABELS for t in span):
        return None
    return None if any(t.ent_type_ == "PERSON" for t in span) else previous.referent


def _organisation_before(
    doc: Doc, draft: _Draft, nouns: Collection[str], labels: Collection[str] = _GROUP_LABELS
) -> TokenSpan | None:
    """The last organisation named before the cue whose name holds one of these nouns ("the centre";
    "Institute", "Lab" for the analysts of a research body)."""
    for ent in reversed([e for e in doc.ents if e.label_ in labels and e.end_char < draft.cue.idx]):
        if any(t.lower_ in nouns for t in ent):
            return ent
    return None


def _issuer_named_in(cue: Token) -> Token | None:
    """Who issued the document a passive cue names ("it is said in the summary of the military
    department"): the owner in its "of" phrase, else the document itself; or the body the cue
    names ("it was stressed in the company")."""
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.lower_ == "in"):
        document = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if document is None:
            continue
        if document.lemma_.lower() in ORGANISATION_NOUNS or document.ent_type_ == "ORG":
            return document  # "it was stressed in the ministry": translated Russian for the ministry's words
        if document.lemma_.lower() in DOCUMENT_NOUNS | _REPORT_NOUNS:
            return _of_object(document) or document
    return None


def _of_object(noun: Token) -> Token | None:
    """The object of a noun's "of" phrase: "the summary of the ministry" -> "ministry"."""
    return next(
        (
            g
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ),
        None,
    )


_REPORT_NOUNS: Final = frozenset({"summary", "report", "bulletin", "update", "briefing", "release"})


def _plural_subject_before(doc: Doc, draft: _Draft, *, sentences: int = 1) -> TokenSpan | None:
    """The people a sentence before (the last of ``sentences``) names as its subject, for a "they"
    no statement before stands for: "The Presidents assessed ... They agreed to ...", "NAME and
    NAME met. They said ...". A run of sentences whose subject is "they" already, or that has none
    ("Do not give up."), leads back to the people they are about ("Russian propagandists calculate
    ... They talk about it. They boast that ...")."""
    sentence = draft.cue.sent
    budget = sentences
    while budget > 0 and sentence.start > 0:
        sentence = doc[sentence.start - 1].sent
        if (found := _plural_subject(doc, sentence)) is not None:
            return found
        if not _continues_a_they(sentence):
            budget -= 1
    return None


def _continues_a_they(sentence: TokenSpan) -> bool:
    subjects = [t for t in sentence if t.dep_ in _SUBJECT_DEPS and t.head.dep_ == "ROOT"]
    return len(sentence) > 1 and all(t.lower_ in ("they", "them") for t in subjects)


def _plural_subject(doc: Doc, sentence: TokenSpan) -> TokenSpan | None:
    people_nouns = word_list("people_nouns")
    for token in sentence:
        if token.dep_ not in _SUBJECT_DEPS or token.head.dep_ not in ("ROOT", "conj"):
            continue
        pair = any(c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in token.children)
        plural = token.tag_ in ("NNS", "NNPS")
        people = plural and (token.lemma_.lower() in people_nouns or _nationality_plural(token))
        if (token.ent_type_ == "PERSON" and pair) or people:
            words = [t for t in token.subtree if not t.is_punct or t.i < token.right_edge.i]
            # "Russian propagandists on their media resources": the people, not where they speak.
            relative = next(
                (
                    t.i
                    for t in words
                    if t.i > token.i
                    and (
                        t.dep_ in ("relcl", "acl")
                        or (t.dep_ == "prep" and t.head.i == token.i and t.lower_ != "of")
                    )
                ),
                None,
            )
            end = (relative - 1) if relative is not None else words[-1].i
            while end > token.i and doc[end].is_punct:
                end -= 1
            return doc[token.left_edge.i : end + 1]
    return None


def _nationality_plural(token: Token) -> bool:
    """ "Ukrainians", "Sudanese": people of a nation, however the model tagged the word."""
    if token.ent_type_ == "NORP":
        return True
    singular = token.text[:-1] if token.text.endswith("s") else token.text
    return token.text[:1].isupper() and country_of_nationality(name_keys(singular)) is not None


# What the sides of talks do, said impersonally in a readout: "It was noted / agreed / stressed".
_SIDES_NOTE: Final = frozenset(
    {"note", "agree", "stress", "emphasise", "emphasize", "express", "confirm", "underline"}
)


def _signed_heading(doc: Doc, draft: _Draft, paragraph_starts: list[int]) -> tuple[TokenSpan, str] | None:
    """The person a heading line names over first-person text: a short paragraph of its own that opens
    with a name and a comma ("David Solomon, CEO of Goldman Sachs on LinkedIn"), no sentence, within
    the few paragraphs before; with the rest of the line, their description."""
    text = _text(doc)
    for paragraph in range(draft.paragraph - 1, max(-1, draft.paragraph - _HEADING_REACH), -1):
        start = paragraph_starts[paragraph]
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end].strip()
        if not line or len(line) > _HEADING_CHARS or line.endswith((".", "!", "?", ":")):
            continue
        name = next((e for e in doc.ents if e.label_ == "PERSON" and e.start_char == start), None)
        if name is None or not text.startswith(",", name.end_char):
            continue
        rest = doc.char_span(name.end_char + 1, end, alignment_mode="expand")
        if rest is not None and not any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in rest):
            return name, rest.text.strip()
    return None


_HEADING_REACH: Final = 15  # paragraphs a signed post may run on under its heading
_HEADING_CHARS: Final = 120


def _person_subject_before(doc: Doc, draft: _Draft, paragraph_starts: list[int]) -> TokenSpan | None:
    """The person named as the subject of the sentence's main clause before the pronoun ("NAME spoke
    about the law, which he described as ..."), or of the sentence right before the statement, in its
    paragraph ('NAME rejected that. "...," she told AFP')."""
    pronoun = draft.speaker_head or _speaker_token(draft.cue) or draft.cue
    opening = _token_at(doc, min(draft.content_start, draft.cue.idx))
    if opening is None:
        return None
    sentences = [(pronoun.sent, pronoun.i)]
    if opening.sent.start > 0:
        before = doc[opening.sent.start - 1].sent
        if before.start_char >= paragraph_starts[draft.paragraph]:
            sentences.append((before, before.end))
    for sentence, until in sentences:
        named = next(
            (
                e
                for e in doc.ents
                if e.label_ == "PERSON"
                and sentence.start <= e.start
                and e.end <= until
                and e.root.dep_ in _SUBJECT_DEPS
                and e.root.head.dep_ == "ROOT"
                and e.root.head.i != draft.cue.i
                and not _other_gender(pronoun.lower_, e.text)
            ),
            None,
        )
        if named is not None:
            return named
    return None


def _nearest_person_before(doc: Doc, draft: _Draft, paragraph_starts: list[int]) -> TokenSpan | None:
    earliest = paragraph_starts[max(0, draft.paragraph - 1)]
    pronoun = (draft.speaker_head or _speaker_token(draft.cue) or draft.cue).lower_
    candidates = [
        e
        for e in doc.ents
        if e.label_ == "PERSON"
        and earliest <= e.start_char < draft.cue.idx
        and not _other_gender(pronoun, e.text)
    ]
    if not candidates:
        return None
    # "Simmons teed up McDonald's cameo. '...,' he said.": of the people of the last sentence that
    # names any, the subject, not an owner.
    last_sentence = candidates[-1].sent.start
    subjects = [e for e in candidates if e.sent.start == last_sentence and e.root.dep_ in _SUBJECT_DEPS]
    return subjects[-1] if subjects else candidates[-1]


def _referent_text(doc: Doc, speaker: Speaker) -> str:
    span = speaker.referent or speaker.span
    return _text(doc)[span.start : span.end] if span is not None else speaker.text


def _other_gender(pronoun: str, name: str) -> bool:
    """Whether "she" or "he" cannot be this person, by the name's form: East Slavic given names
    ending in -a and surnames in -ova, -ska are a woman's; surnames in -ov, -enko, -skyi with a
    given name not ending in -a are a man's. Other names say nothing."""
    words = [w for w in re.findall(r"[^\W\d_]+", name) if w[:1].isupper()]
    if len(words) < 2 or pronoun not in _GENDERED:
        return False
    given, surname = words[0].lower(), words[-1].lower()
    # A given name in -a is a woman's only beside an East Slavic surname: Moussa Sidibé, Luca Rossi
    # and Joshua Kim are men.
    slavic = surname.endswith(_FEMALE_SURNAMES + _MALE_SURNAMES)
    female = (given.endswith("a") and given not in _MALE_GIVEN_IN_A and slavic) or surname.endswith(
        _FEMALE_SURNAMES
    )
    male = given in _MALE_GIVEN_IN_A or (not given.endswith("a") and surname.endswith(_MALE_SURNAMES))
    # A given name of the list in any spelling ("Vladimir" for Volodymyr) is a man's unless its
    # Ukrainian form ends in -a ("Olena", "Tetiana").
    known = given_name_key(token_key(given))
    if given_name(known):
        male = not known.endswith("a") or given in _MALE_GIVEN_IN_A
        female = not male
    return (_GENDERED[pronoun] == "f" and male and not female) or (
        _GENDERED[pronoun] == "m" and female and not male
    )


def _sender_before(doc: Doc, draft: _Draft) -> Token | None:
    """The subject of the last "sent a message", "addressed a letter", "sent his greetings" before
    the cue, within the previous three sentences."""
    sentence = draft.cue.sent
    first = sentence.start
    for _ in range(3):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    for verb in reversed(doc[first : draft.cue.i]):
        if verb.lemma_ not in _SENDING_LEMMAS | _GREETING_ACTS or verb.pos_ != "VERB":
            continue
        sent = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        # "Vladimir Putin congratulated the brigade ... The message reads": greeting is sending one.
        if verb.lemma_ in _GREETING_ACTS or any(
            t.lemma_.lower() in DOCUMENT_NOUNS | _GREETINGS for c in sent for t in c.subtree
        ):
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ != "PRON":
                return subject
    return None


_SENDING_LEMMAS: Final = frozenset(
    {"send", "address", "issue", "write", "sign", "publish", "post", "deliver"}
)
_GREETINGS: Final = frozenset({"greeting", "condolence", "congratulation", "wish"})
_GREETING_ACTS: Final = frozenset({"congratulate", "greet", "condole"})


def _titled_person_before(
    doc: Doc, draft: _Draft, role: list[str], countries: Sequence[frozenset[str]] = ()
) -> TokenSpan | None:
    """The last PERSON before the cue introduced with these role words ("Governor X", "X, the
    governor", "President of Russia X")."""
    earlier = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char < draft.cue.idx][::-1]
    return _titled_person(doc, earlier, role, countries)


def _titled_person_after(
    doc: Doc,
    draft: _Draft,
    role: list[str],
    paragraph_starts: list[int],
    countries: Sequence[frozenset[str]] = (),
) -> TokenSpan | None:
    """The first PERSON after the cue, in its paragraph or the next two, introduced with these role
    words: a lead's "the city's mayor said" names "Mayor X" further down."""
    reach = (
        paragraph_starts[draft.paragraph + 3]
        if draft.paragraph + 3 < len(paragraph_starts)
        else len(_text(doc))
    )
    later = [e for e in doc.ents if e.label_ == "PERSON" and draft.cue.idx < e.start_char < reach]
    return _titled_person(doc, later, role, countries)


def _titled_person(
    doc: Doc, people: list[TokenSpan], role: list[str], countries: Sequence[frozenset[str]] = ()
) -> TokenSpan | None:
    """The first of ``people`` introduced with these role words, and of these countries (each given by
    its stems, ``_country_stems``)."""
    for ent in people:
        # The title right before the name, up to a punctuation mark: "Commander-in-Chief of the
        # Armed Forces of Ukraine NAME".
        first = ent.start
        while (
            first > 0
            and ent.start - first < _TITLE_TOKENS
            and doc[first - 1].text not in _TITLE_STOPS
            and doc[first - 1].pos_ not in ("VERB", "AUX")
            and doc[first - 1].ent_type_ != "PERSON"
        ):
            first -= 1
        before = doc[first : ent.start]
        # After the name only as its apposition ("X, the governor of ..."): words further on may
        # be another person's title.
        after = None
        if doc[ent.end : ent.end + 1].text == ",":
            last = ent.end + 1
            while (
                last < min(len(doc), ent.end + _TITLE_TOKENS)
                and doc[last].text not in _TITLE_STOPS
                and doc[last].pos_ not in ("VERB", "AUX")
            ):
                last += 1
            after = doc[ent.end : last]
        if any(w is not None and _holds_role(w.text.lower(), role, countries) for w in (before, after)):
            return ent
    return None


def _holds_role(title: str, role: list[str], countries: Sequence[frozenset[str]] = ()) -> bool:
    """Whether a title gives the role (its first word) as its head, before any "of", and names the
    rest somewhere: "President of Russia" holds the president's role, "Head of the Office of the
    President" does not, nor does "Deputy Minister" the minister's."""
    words = _WORD_OR_HYPHEN.split(title)
    equivalent = [
        row for row in word_rows("role_equivalents") if row[0] == role[0] and set(words).issuperset(row[1:])
    ]
    if equivalent:
        # "the regional governor": "head of the Rivne regional military administration"
        return set(words).issuperset(role[1:]) and _of_countries(words, countries)
    head = _WORD_OR_HYPHEN.split(title.removeprefix(", ").partition(" of ")[0])
    if role[0] not in head or set(head[: head.index(role[0])]) & word_list("lesser_ranks") - set(role):
        return False  # "Deputy Minister NAME" is not "the Minister"
    return set(words).issuperset(role) and _of_countries(words, countries)


def _of_countries(words: Sequence[str], countries: Sequence[frozenset[str]]) -> bool:
    """Whether a title's words name each of these countries by one of its stems ("finla" of "the
    Finnish president", in "President of Finland")."""
    return all(any(w.startswith(stem) for w in words for stem in stems) for stems in countries)


def _country_stems(nationality: str) -> frozenset[str]:
    """A nationality word's stems: its own and its country's ("finni", "finla")."""
    country = country_of_nationality(name_keys(nationality))
    named = country_name(country) if country else None
    return frozenset({nationality[:_STEM], *([named.lower()[:_STEM]] if named else [])})


# -- channel and date ----------------------------------------------------------------------------------


def _channel(cue: Token) -> str | None:
    """The medium of the statement: "his Telegram page" → "Telegram page", "told Newsweek" → "Newsweek"."""
    for child in cue.children:
        if child.dep_ != "prep":
            continue
        for pobj in (c for c in child.children if c.dep_ == "pobj"):
            words = {t.lower_ for t in pobj.subtree}
            if pobj.lower_ in _CHANNEL_WORDS or words & {"telegram", "twitter", "facebook"}:
                return _channel_phrase(pobj)
    if cue.lemma_ == "tell":
        recipient = next((c for c in cue.children if c.dep_ in ("dative", "dobj")), None)
        if recipient is not None and (recipient.pos_ == "PROPN" or recipient.ent_type_ == "ORG"):
            entity = _entity_of(recipient)
            if entity is None:
                return _channel_phrase(recipient)
            return (entity[1:] if entity[0].lower_ == "the" else entity).text
    return None


def _channel_phrase(noun: Token) -> str:
    # Keep the noun's own modifiers and a "with"/"to" phrase (interview with X, address to the nation);
    # drop the leading determiner or possessive and any time or place phrase.
    kept = [t for t in noun.lefts if t.dep_ not in ("det", "poss", "punct") for t in t.subtree]
    kept.append(noun)
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("with", "to"):
            kept.extend(child.subtree)
    kept.sort(key=lambda t: t.i)
    return " ".join(t.text for t in kept if "\n" not in t.text)


def _said_on(cue: Token, published: dt.date | None) -> dt.date | None:
    """The day named by a time modifier of the cue ("said Monday", "told AFP on Tuesday", "said on
    March 6"), of its channel ("in his evening address on Sunday", also when the channel hangs on
    the subject: "NAME in his address on 13 May said", "in his address, which was broadcast on
    December 31, said"), or heading a complement with no "that" ("said on Sunday its forces had
    ...", where the parser gives the day to the clause)."""
    if published is None:
        return None
    for phrase in _time_phrases(cue):
        if " ".join(phrase.lower().split()) in _DAY_APART:
            continue  # counted from the statement before, not from the publication date
        if (day := day_named(phrase, published)) is not None:
            return day
        if (weeks := _WEEKS_AGO.search(phrase)) is not None:
            # "A week ago, the ministry announced": a week is named as its ISO week, the saying was a
            # day, that many weeks before the report's
            count = _COUNT_WORDS.get(weeks["n"].lower()) or int(weeks["n"])
            return published - dt.timedelta(weeks=count)
    return None


_ISSUING: Final = frozenset({"publish", "release", "issue", "post", "circulate"})
_WEEKS_AGO: Final = re.compile(r"\b(?P<n>a|one|two|three|four|\d)\s+weeks?\s+ago\b", re.IGNORECASE)
_COUNT_WORDS: Final = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}


def _time_phrases(cue: Token) -> Iterable[str]:
    yield from _own_time_phrases(cue)
    # "On Friday in Bishkek, he repeated the tale: the city, Putin said, is ...": a time that opens the
    # sentence is the time of everything said in it
    opening = cue.sent[0]
    if opening.dep_ == "prep" and opening.i < cue.i and any(t.ent_type_ == "DATE" for t in opening.subtree):
        yield cue.doc[opening.i : opening.right_edge.i + 1].text


def _own_time_phrases(cue: Token) -> Iterable[str]:
    doc = cue.doc
    # "said in a statement released on Monday", "it is said in the summary ..., published on Saturday":
    # the day the document came out
    documents = [
        d
        for prep in cue.children
        if prep.dep_ == "prep" and prep.lower_ in ("in", "on")
        for d in prep.children
        if d.dep_ == "pobj"
    ]
    issued = [c for d in documents for c in d.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    issued += [c for c in cue.children if c.dep_ == "advcl" and c.tag_ == "VBN" and c.lemma_ in _ISSUING]
    for verb in issued:
        yield from (
            doc[p.left_edge.i : p.right_edge.i + 1].text
            for p in verb.children
            if p.dep_ in ("prep", "npadvmod") and any(t.ent_type_ == "DATE" for t in p.subtree)
        )
    excluded = {t.i for c in cue.children if c.dep_ in _CONTENT_DEPS | _SUBJECT_DEPS for t in c.subtree}
    modifiers = [
        child
        for child in cue.children
        # "said after the November 12 attack": a day the saying followed, not the day of it.
        if child.i not in excluded and child.dep_ in _TIME_MODIFIER_DEPS and child.lower_ not in _RELATIVE_TO
    ]
    for at, child in enumerate(modifiers):
        after = modifiers[at + 1] if at + 1 < len(modifiers) else None
        if after is not None and after.left_edge.i == child.right_edge.i + 1:
            # "On Tuesday last week": two modifiers side by side name one day
            yield doc[child.left_edge.i : after.right_edge.i + 1].text
        yield doc[child.left_edge.i : child.right_edge.i + 1].text
    if cue.dep_ == "advcl" and cue.tag_ == "VBG" and cue.head.pos_ == "VERB" and cue.head.i < cue.i:
        # "published the footage the same day, saying it showed ...": the participle's time is its verb's
        yield from (
            doc[c.left_edge.i : c.right_edge.i + 1].text
            for c in cue.head.children
            if c.dep_ in ("prep", "npadvmod", "tmod") and c.i < cue.i and c.lower_ not in _RELATIVE_TO
        )
    if cue.dep_ == "conj" and cue.head.pos_ == "VERB" and cue.head.i < cue.i:
        # "On 24 November, NAME posted a video and wrote that ...", "visited the hospital on Wednesday
        # and said ...": the day of the first verb, before or after it
        head_excluded = {
            t.i
            for c in cue.head.children
            if c.dep_ in _CONTENT_DEPS | _SUBJECT_DEPS | {"conj"}
            for t in c.subtree
        }
        for child in cue.head.children:
            if child.i not in head_excluded and child.dep_ in ("prep", "npadvmod") and child.i < cue.i:
                yield doc[child.left_edge.i : child.right_edge.i + 1].text
    for child in cue.children:
        if child.dep_ in _SUBJECT_DEPS:
            # "A resident reached by phone on Monday said": the day the speaker was reached
            for verb in child.children:
                if verb.dep_ == "acl" and verb.tag_ == "VBN":
                    yield from (
                        doc[p.left_edge.i : p.right_edge.i + 1].text
                        for p in verb.children
                        if p.dep_ in ("prep", "npadvmod") and any(t.ent_type_ == "DATE" for t in p.subtree)
                    )
        if child.dep_ == "advcl" and child.tag_ == "VBG" and child.i < cue.i:
            # "Thanking Germany in his address on November 1, NAME said": the occasion of the words.
            yield doc[child.left_edge.i : child.right_edge.i + 1].text
        if child.dep_ in _SUBJECT_DEPS:
            for prep in child.children:
                if prep.dep_ == "prep" and any(o.lower_ in _CHANNEL_WORDS for o in prep.children):
                    yield doc[prep.left_edge.i : prep.right_edge.i + 1].text
                elif (
                    prep.dep_ == "prep"
                    and prep.right_edge.i == cue.i - 1
                    and any(o.ent_type_ == "DATE" for o in prep.children)
                ):
                    # "NAME on the air of the telethon on Wednesday declared": a day right before the
                    # verb is the verb's, wherever the parser hangs it.
                    yield doc[prep.i : prep.right_edge.i + 1].text
            # "the report of the ministry of 11 November says": a dated document's day.
            for dated in child.subtree:
                if dated.lower_ in ("of", "from", "dated") and any(
                    o.ent_type_ == "DATE" and o.dep_ == "pobj" for o in dated.children
                ):
                    yield doc[dated.i : dated.right_edge.i + 1].text
        elif child.dep_ == "ccomp" and child.i > cue.i and not _has_that(child):
            leading = _leading_time_phrase(child)
            if leading is not None:
                yield leading.text


def _leading_time_phrase(clause: Token) -> TokenSpan | None:
    """A day phrase opening a complement before its subject: "[on Sunday] its forces had captured"."""
    subject = next((c for c in clause.children if c.dep_ in _SUBJECT_DEPS), None)
    first = clause.left_edge
    for child in clause.children:
        if (
            subject is not None
            and child.i == first.i
            and child.i < subject.i
            and child.dep_ in ("prep", "npadvmod")
        ):
            phrase = clause.doc[child.left_edge.i : child.right_edge.i + 1]
            if all(t.ent_type_ in ("DATE", "TIME") or t.pos_ == "ADP" for t in phrase):
                return phrase
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    original = start
    while start < end and (text[start].isspace() or text[start] in '"“”«»,:;'):
        start += 1
    if (label := _IN_PART.match(text, start, end)) is not None:
        # 'The message reads, in part: "..."': what the message says follows the label, to the end of
        # its quotation when the sentence cut it short.
        start = label.end()
        opening = text[label.end() - 1]
        close = {'"': '"', "“": "”", "«": "»"}.get(opening)
        paragraph_end = text.find("\n\n", start)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        closed_at = text.find(close, start, paragraph_end) if close else -1
        if close and closed_at > end:
            end = closed_at
    lead_in = _LEAD_IN.match(text, start, end)
    if lead_in is not None and lead_in.group(1).lower() in _EMPTY_CONTENT:
        start = lead_in.end()  # "said the following: the bridge will be rebuilt": the words after it
    if (manner := _MANNER.match(text, start, end)) is not None:
        start = manner.end()  # "allows us to say with confidence that ...": how it was said
    if (agency := _AGENCY_TAG.match(text, start, end)) is not None:
        start = agency.end()  # "KRASNODAR, 16 November. /RIA Novosti/. Debris ...": the digest's source tag
    if (citing := _CITING.match(text, start, end)) is not None:
        start = citing.end()  # "said, citing a security source, that ...": whose word it relays
    if (start == 0 or text[start - 1] == "\n") and (dateline := DATELINE.match(text, start, end)):
        start = dateline.end()  # "BRUSSELS, June 5 (Reuters) - ": where the story was filed, not said
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",:;—–-"):
        end -= 1
    if end - start < 2:
        return None
    # 'refer to him as "the ghost."': a quotation the content opens, it also closes, with what the
    # quotation holds of its sentence's end.
    content = text[start:end]
    for opening, closing in _QUOTATION_MARKS:
        unclosed = (
            content.count(opening) % 2 == 1
            if opening == closing
            else content.rfind(opening) > content.rfind(closing)
        )
        if unclosed and (tail := _CLOSING_AFTER[closing].match(text, end)) is not None:
            return start, tail.end()
        unopened = (
            content.count(closing) % 2 == 1
            if opening == closing
            else content.count(closing) > content.count(opening)
        )
        if unopened and content.endswith(closing) and opening in text[original:start]:
            # 'wrote that "the town was taken".': the quotation whose opening mark was trimmed off
            # loses its closing mark too
            return start, end - 1
    return start, end


_IN_PART: Final = re.compile(r"in\s+part\s*[:,]\s*[\"“«]?")
_AGENCY_TAG: Final = re.compile(r"/[A-Z][\w .'’-]{1,30}/\.?[ \t]*")
_CITING: Final = re.compile(r"citing\s[^,;.]{1,80},\s*(?:that\s+)?")
_MANNER: Final = re.compile(
    r"with\s+(?:full\s+|great\s+|absolute\s+|complete\s+)?(?:confidence|certainty|conviction)\s+that\s+",
    re.IGNORECASE,
)
_LEAD_IN: Final = re.compile(r"((?:\w+ ){0,2}\w+)\s*:\s*[\"“«]?")
_QUOTATION_MARKS: Final = (('"', '"'), ("“", "”"), ("«", "»"))
_CLOSING_AFTER: Final = {close: re.compile(rf"[.,!?…]?{re.escape(close)}") for _, close in _QUOTATION_MARKS}
