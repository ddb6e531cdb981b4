"""Claims and the disputes between them.

A claim is a statement's content (or a sentence holding a number) read for three things, each keyed
by the places it names (its topic):

- numbers: its quantities and what they count, in a slot ("population", "troops", "civilians",
  "deaths", ... from the counted words, with the unit);
- status of a place: taken (captured, seized, took control of, fell to, withdrew from, liberated)
  or held (still hold, repelled, defended, not captured, remain in control of), and encircled or not;
- stance on a place's importance: negative ("not of any strategic importance", "symbolic") or
  positive ("key", "strategically important", "will allow further offensive operations").

Two claims from different sources dispute each other when they share a place (or neither names one)
and: their numbers in one slot lie further apart than the tolerance their hedges allow (exact figures
1%, round ones 3%, hedged ones 5%, ranges their own width; "more than 70" only disputes a smaller one);
one says a place was taken and the other that it is held, or one says encircled and the other not;
or one calls it important and the other unimportant. Copies of one text are one source: identical
claims never dispute each other, and a claim repeated by syndication is not corroboration either.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Final

from claimgraph.extract.quantities import find_quantities
from claimgraph.extract.statements import DATELINE
from claimgraph.extract.times import MONTH_NAMES, WEEKDAYS
from claimgraph.models import ClaimSentence, Quantity, Span
from claimgraph.resolve.kb import KnowledgeBase, type_family
from claimgraph.resolve.names import name_keys

if TYPE_CHECKING:
    from spacy.language import Language

_SLOTS: Final = {
    "population": "population", "people": "population", "residents": "population",
    "inhabitants": "population", "troops": "troops", "soldiers": "troops", "fighters": "troops",
    "servicemen": "troops", "defenders": "troops", "mercenaries": "troops", "reinforcements": "troops",
    "men": "troops",
    "civilians": "civilians", "deaths": "deaths", "dead": "deaths", "killed": "deaths",
    "casualties": "casualties", "wounded": "wounded", "prisoners": "prisoners", "tanks": "tanks",
    "drones": "drones", "missiles": "missiles", "shells": "shells", "refugees": "refugees",
    "displaced": "refugees", "children": "children", "buildings": "buildings", "homes": "buildings",
    "employees": "population", "workers": "population", "drivers": "population", "staff": "population",
    "bodies": "deaths", "villagers": "population", "fishermen": "population", "passengers": "population",
    "miners": "population", "farmers": "population", "worshippers": "population", "pilgrims": "population",
    "students": "population", "patients": "population", "shoppers": "population", "citizens": "population",
}  # fmt: skip
_KILLED_AND_WOUNDED: Final = re.compile(
    r"\s+(?:(?:men|soldiers|troops|people|servicemen|civilians)\s+)?(?:killed|dead)\s+(?:and|or)\s+"
    r"(?:wounded|injured)\b",
    re.I,
)
# What the counted are doing, so that the people evacuated are not compared with the people remaining.
_STATES: Final = (
    # A prisoner exchange, however each side words it: "390 defenders returned home", "307 prisoners
    # of war were handed over".
    (
        "exchanged",
        r"\b(?:returned\s+home|brought\s+(?:back\s+)?home|handed\s+over|exchanged|swapped|freed|released"
        r"|(?:were|was|been)\s+returned|(?:are|were|is)\s+(?:back\s+)?home"
        # "23 children returned to government-controlled territory": brought back from the occupier
        r"|returned\s+to\s+(?:the\s+)?(?:government-controlled|Ukrainian-controlled|Ukraine|their\s+famil))\b",
    ),
    (
        "remaining",
        r"\b(?:remain(?:s|ed|ing)?|left|still\s+(?:here|there|in|living|lives?)|living|stay(?:ed|ing)?|trapped)\b",
    ),
    ("evacuated", r"\b(?:evacuat\w*|fled|flee\w*|left\s+the|displaced)\b"),
    # "seven soldiers fell with arms in hand", "dozens of terrorists were neutralised": the dead
    (
        "killed",
        r"\b(?:killed|killing|died|dead|deaths?|lost\s+(?:his|her|their)\s+li(?:fe|ves)|fell\s+(?:with\s+arms|in\s+battle"
        r"|in\s+combat|defending)|neutrali[sz]ed|eliminated)\b",
    ),
    # captured as a deed done to them ("had captured 300 soldiers", "were captured"), not "150 captured
    # servicemen were handed over"
    (
        "captured",
        r"\b(?:(?:was|were|been|had|have|has)\s+captured|captured\s+(?:more\s+than\s+|about\s+|over\s+"
        r"|at\s+least\s+|some\s+)?\d|taken\s+(?:prisoner|captive)|taken\s+into\s+captivity)\b",
    ),
    (
        "wounded",
        r"\b(?:wounded|wounding|injured|injuring|hospitali[sz]ed|taken\s+to\s+(?:a\s+|the\s+)?hospital)\b",
    ),
    ("sheltering", r"\b(?:shelter\w*|holds?|housing|hiding)\b"),
)
_BEFORE_THE_WAR: Final = re.compile(
    r"\b(?:pre-war|prewar|before\s+the\s+(?:(?:beginning|start|outbreak)\s+of\s+the\s+)?"
    r"(?:full[\s-]+scale\s+)?(?:war|invasion|special\s+military\s+operation))\b",
    re.I,
)
_TAKEN: Final = re.compile(
    r"\b(?:captured|seized|took(?:\s+(?:full|complete))?\s+control\s+of|taken(?:\s+(?:full|complete))?\s+control"
    r"|(?:has|have|had)\s+(?:now\s+)?(?:been\s+)?(?:(?:completely|fully|entirely)\s+)?(?:taken|captured|seized|fallen"
    # "two employees had been taken to hospital": taken somewhere, no place taken
    r"|liberated|retaken)(?!\s+(?:to\s+(?:a\s+|the\s+)?hospital|to\s+safety|into\s+(?:custody|account|captivity)|hostage"
    r"|prisoner|captive|ill|aback|away|part|place)\b)|took(?!\s+(?:place|part))"
    r"|regain(?:ed|s)?\s+(?:full\s+|complete\s+)?control"
    r"|fell(?:\s+to)?|(?:has|had)\s+fallen|occupied(?!\s+(?:territor|area|region|land|part|zone|Crimea|Donbas))|liberated(?!\s+(?:territor|area|region|land|part|zone))|retook|retaken|recaptured|entered"
    r"|withdr(?:ew|awn|awing|awal)\s+from|retreat(?:ed|ing)\s+from|pulled\s+out\s+of|abandoned"
    # "the garrison had left Zarichne", not "3,100 people had left the Kupiansk district"
    r"|(?<!people\s)(?<!residents\s)(?<!civilians\s)(?<!families\s)(?<!who\s)(?:have|has|had)\s+left\s+(?:the\s+)?[A-Z]\w+|lost\s+(?:the\s+)?(?:town|city|village|control\s+of)|(?:driven|pushed|forced)\s+out\s+of|cleared|completed\s+(?:the\s+|their\s+)?"
    r"(?:capture|withdrawal)|(?:fully|completely|entirely)\s+(?:under|in)\s+(?:their|its|our)\s+control"
    r"|control\s+(?:all|the\s+whole|the\s+entire)\s+of)\b",
    re.I,
)
_HELD: Final = re.compile(
    r"\b(?:still\s+(?:hold|holds|held|holding|control|controls|in\s+control|defend\w*|fighting|there|ours)"
    r"|(?:is|are|remains?)\s+(?:ours|in\s+our\s+hands|under\s+our\s+control)"
    r"|(?:is|are|was|were)\s+holding|holding\s+(?:out|the\s+line|positions)|continue[sd]?\s+to\s+(?:hold|defend|control)"
    r"|repell?(?:ed|ing)|repulsed|fended\s+off|(?:has|have)\s+not\s+(?:been\s+)?(?:captured|taken|fallen)"
    r"|not\s+captured|(?:remains?|remained)\s+(?:in\s+control|under\s+(?:Ukrainian|Russian)\s+control|in\s+parts?)"
    r"|(?:remains?|remained|is|are)\s+under\s+the\s+control\s+of\s+(?:the\s+)?(?:Defen[cs]e\s+Forces|Ukrainian|Armed\s+Forces\s+of\s+Ukraine)"
    r"|in\s+Ukrainian\s+hands|attacks?\s+(?:on\s+[\w-]+\s+)?(?:had\s+|have\s+)?failed|no\s+[\w-]+\s+(?:soldiers|troops|units)\s+"
    r"(?:had\s+|have\s+)?entered|no\s+[\w-]+\s+bridgehead|den(?:y|ied|ies)\s+(?:claims?\s+)?(?:that\s+)?(?:it\s+)?"
    r"(?:had\s+)?(?:captur|tak|los)\w*"
    # "our warriors hold the southern and western parts of the city", "its troops are still in the city":
    # the defenders are there, whatever the other side says ("fighting continues" is not enough: a
    # part of the town may be taken while fighting goes on)
    r"|(?:hold|holds|control|controls)\s+(?:the\s+)?(?:[\w-]+\s+(?:and\s+[\w-]+\s+)?)?"
    r"(?:parts?|outskirts|districts?|quarters?)\s+of\s+(?:the\s+(?:city|town|village)|(?-i:[A-Z])\w*)"
    r"|still\s+(?:in|inside)\s+(?:the\s+)?(?:city|town|village))\b",
    re.I,
)
_DESTROYED: Final = re.compile(r"\b(?:destroyed|blown\s+up|collapsed|razed|wiped\s+out)\b", re.I)
_STANDING: Final = re.compile(
    r"\b(?:still\s+stand(?:s|ing)?|(?:is|remains?)\s+intact|still\s+in\s+use|not\s+(?:been\s+)?destroyed"
    r"|damaged\s+but\s+(?:still\s+)?(?:standing|usable|in\s+use|passable))\b",
    re.I,
)
# Whether an industrial or energy facility was hit: the refinery "was hit", "the hit of the installation",
# "caused a fire"; or "was not damaged", "damage of the infrastructure is not present".
_FACILITY_WORD: Final = (
    r"(refiner(?:y|ies)|enterprises?|plants?|terminals?|depots?|infrastructure|installations?|units?|"
    r"facilit(?:y|ies)|factor(?:y|ies)|substations?|berths?|tanks?|pipelines?|warehouses?)\b"
)
_FACILITY: Final = re.compile(r"\b" + _FACILITY_WORD, re.I)
# A facility's word that stands for the whole site, whatever part the other side names ("the enterprise
# was not damaged" against "a processing unit was hit").
_WHOLE_SITE: Final = frozenset({"enterprise", "facility", "infrastructure", "refinery", "plant", "terminal"})
_NOT_DAMAGED: Final = re.compile(
    r"\b(?:(?:was|were|is|are|has|have|had)\s+not\s+(?:been\s+)?(?:damaged|hit|affected)|no\s+damage|undamaged"
    r"|suffered\s+no\s+damage|without\s+(?:any\s+)?damag(?:e|ing)|(?:damage|destruction)\s+(?:of|to)\s+(?:the\s+)?"
    r"[\w\s-]{0,40}?(?:is|was|are|were)\s+not\s+(?:present|recorded|observed|reported)"
    r"|(?:there\s+(?:is|was)\s+)?no\s+(?:damage|destruction)\s+(?:to|of)\b"
    # "the plant is working normally", "the work of the enterprise is not disrupted": spared
    r"|(?:is|are|was|were)\s+(?:working|operating|functioning)\s+(?:normally|as\s+usual)"
    r"|works?\s+(?:normally|as\s+usual|in\s+(?:the\s+)?(?:regular|normal)\s+mode)"
    r"|(?:work|operation)\s+of\s+the\s+(?:[\w-]+\s+){1,4}?(?:is|was)\s+not\s+(?:disrupted|interrupted|affected)"
    r"|did\s+not\s+stop\s+(?:even\s+)?(?:for\s+)?(?:a|one)\s+(?:day|hour|minute))",
    re.I,
)
_DAMAGED: Final = re.compile(
    r"\b(?:(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:hit|damaged|struck|set\s+on\s+fire)"
    r"|the\s+hit\s+(?:of|on)|caused\s+(?:a\s+)?(?:large\s+|big\s+)?fire|fire\s+broke\s+out|damaging"
    # "the unit remains out of work": stopped by the hit
    r"|(?:remains?|remained|is|was)\s+out\s+of\s+(?:work|operation|action|service)"
    # "drones hit the Orsk oil refinery": the facility the verb's object
    r"|(?:hit|struck|damaged)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}" + _FACILITY_WORD + ")",
    re.I,
)
_MONTH_WORD: Final = "(?:" + "|".join(names[0] for names in MONTH_NAMES) + r")\b"
_PERIOD: Final = re.compile(
    r"\b(?:this|last|past)\s+(?:week|month|weekend)|\btoday\b|\byesterday\b|\bin\s+the\s+(?:past|last)\s+\w+\s+"
    r"(?:days|weeks|hours)|\bover\s+the\s+weekend\b"
    # "have killed thousands of civilians over the past decade": a count over years
    r"|\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:decades?|years?|months)\b|\bsince\s+(?:19|20)\d\d\b"
    # "between August and mid-November", "since the start of the year": a count over a season
    rf"|\bbetween\s+(?:early\s+|mid-|late\s+)?{_MONTH_WORD}\s+and\s+(?:early\s+|mid-|late\s+)?{_MONTH_WORD}"
    r"|\bsince\s+the\s+(?:start|beginning)\s+of\b",
    re.I,
)
SAME_TIME_DAYS: Final = 14
_WEEKDAY: Final = re.compile(r"\b(" + "|".join(day.title() for day in WEEKDAYS) + r")\b")
# A day of a month, either way round: "On 3 March", "on April 20".
_MONTH_DAY: Final = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_WORD})|\b({_MONTH_WORD})\s+(\d{{1,2}})\b", re.I)
_OBJECTS: Final = re.compile(
    r"\b(bridge|dam|plant|power station|station|hospital|school|airport|port|depot|church|theatre|theater|"
    r"railway|road|tower|building)s?\b",
    re.I,
)
_ENCIRCLED: Final = re.compile(r"\b(?:encircled|surrounded|cut\s+off|in\s+a\s+cauldron|besieged)\b", re.I)
_NOT_ENCIRCLED: Final = re.compile(
    r"\b(?:not\s+(?:been\s+)?(?:encircled|surrounded|cut\s+off)|supply\s+(?:lines?|routes?)\s+(?:remain|are)\s+open"
    r"|no\s+encirclement)\b",
    re.I,
)
# Evaluations, for stance: what one source calls important, working or legitimate and another calls
# meaningless, failed or a crime.
_UNIMPORTANT: Final = re.compile(
    r"\b(?:not\s+of\s+(?:any|much)\s+(?:strategic|military)\s+(?:importance|value|significance)"
    r"|(?:little|no|limited)\s+(?:strategic|military|operational|real)?\s*(?:importance|value|significance|effect)"
    r"|(?:strategically|militarily)\s+(?:insignificant|unimportant|meaningless)|symbolic(?:ally)?"
    r"|not\s+(?:strategically\s+)?important|does\s+not\s+matter|of\s+no\s+importance|failed|failure|sham"
    r"|chaotic|rout|war\s+crime|terroris[tm]\w*|illegal|useless|meaningless|no\s+difference|done\s+nothing"
    r"|(?:had|have|has)\s+no\s+(?:significant\s+|real\s+)?effect"
    # "is fake", "a fake", not "the fake factory" naming something
    r"|(?:is|are|was|were|a|all|pure|just)\s+fakes?(?!\s+(?:factory|factories|news\s+factory))"
    r"|staged|propaganda\s+stunt|stalled|collapsed)\b",
    re.I,
)
_IMPORTANT: Final = re.compile(
    r"\b(?:(?:strategically|militarily)\s+(?:important|vital|crucial|significant)|(?:great|huge|key|major)"
    r"\s+(?:strategic|military)\s+(?:importance|value|significance)|key\s+(?:town|city|stronghold|hub|position)"
    r"|(?:allow|enable|open)\s+(?:for\s+|the\s+(?:way|road)\s+(?:to|for)\s+)?(?:further|new|deeper)?\s*offensive"
    r"|open\s+the\s+(?:way|road)|gateway\s+to|stepping\s+stone|crucial|vital|decisive|change\s+the\s+course"
    r"|legitimate|free\s+and\s+fair|smooth(?:ly)?|orderly|(?:according\s+to|on)\s+plan|on\s+track|helped|effective"
    r"|successful(?:ly)?|badly\s+hurting|hurting"
    # "the sanctions are working", not "working for the other side"
    r"|(?:is|are|was|were|been|be)\s+(?:clearly\s+|already\s+)?working(?!\s+(?:for|with|on|in|at|to|as))"
    r")\b",
    re.I,
)
_STANCE_STOP: Final = frozenset(
    "said says saying officials official ukraine ukraine's russia russia's russian russians ukrainian "
    "ukrainians moscow kremlin kyiv western ministry defence defense military forces troops would their "
    "which there about after before against under while where other these those being since still "
    "according described called claims claimed insisted admit admitted spokesman commander analysts".split()
)
_STRUCK: Final = re.compile(
    r"\b(?:hit|hits|struck|strikes?|striking|targeted|attacked|destroyed|shelled|bombed|eliminated)\b", re.I
)
_MILITARY_TARGET: Final = re.compile(
    r"\b(?:military\s+(?:targets?|facilit(?:y|ies)|objects?|infrastructure|installations?|sites?)"
    r"|(?:temporary\s+)?deployment\s+points?|command\s+posts?|(?:ammunition|arms|weapons?|military|fuel)\s+depots?"
    r"|workshops?\s+(?:for|assembling|producing|making)|(?:production|assembly)\s+(?:facilit(?:y|ies)|sites?|shops?)"
    r"|air\s+defen[cs]e\s+(?:systems?|positions?)|manpower\s+and\s+(?:military\s+)?equipment|airfields?"
    r"|(?:meeting|gathering)\s+of\s+(?:the\s+)?(?:command(?:ing)?\s+staff|commanders|officers|servicemen)"
    r"|command\s+staff|military[\s-]industrial|training\s+(?:camps?|bases?|cent(?:re|er)s?|grounds?)|barracks"
    # "a tank repair base", "a weapons storage facility", "a workshop where armoured vehicles were repaired"
    r"|(?:tank|vehicle|armou?r\w*|aircraft|drone|weapons?)\s+repair\s+(?:bases?|plants?|shops?|workshops?|facilit\w+)"
    r"|(?:weapons?|arms|ammunition|missile|rocket)\s+(?:storage|stores?|caches?|stockpiles?)|terror\s+infrastructure"
    r"|(?:plant|factory|enterprise|facility|workshop|base)s?\s+(?:in\s+\w+\s+)?where\s+[\w\s]{1,40}?"
    r"(?:were|are|was|is)\s+(?:repaired|produced|assembled|made|stored|serviced)"
    r"|(?:militant|terrorist|rebel|insurgent)s?(?:'|’)?\s+(?:camps?|bases?|hideouts?|positions?)|(?:fuel|ammunition)\s+(?:storages?|stores?|storage\s+facilit\w+)"
    r"|(?:used|serving)\s+(?:for|by)\s+(?:the\s+)?(?:supply\s+of\s+)?(?:the\s+)?(?:formations|units|troops|army|AFU|APU)"
    r"|(?:plant|factory|enterprise|facility|workshop)s?\s+(?:in\s+\w+\s+)?(?:that|which)\s+"
    r"(?:repair|produc|manufactur|assembl|made|makes|make|servic)\w*"
    r"|places?\s+where\s+[\w\s]{1,30}(?:were|are)\s+(?:stationed|deployed|based))\b",
    re.I,
)
_CIVILIAN_ONLY: Final = re.compile(
    r"\b(?:(?:only|purely|exclusively|entirely)\s+civilian"
    r"|no\s+military\s+(?:facilit(?:y|ies)|objects?|targets?|sites?|installations?|presence|units?)"
    r"|there\s+(?:were|was|are|is|had\s+been|have\s+been)\s+no\s+(?:soldiers|troops|military|weapons|fighters"
    r"|militants|combatants|armed\s+men)"
    r"|not\s+a\s+military\s+(?:target|facility|object|site)|nothing\s+military"
    # "eight apartments, a pharmacy and a dentist's office, and nothing else"
    r"|(?:apartments?|flats?|homes?|houses?|shops?|pharmacy|school|office)[^.]{0,60}\band\s+nothing\s+else"
    # who was aboard or hit: "Everyone on the bus was a civilian", "all of them were civilians"
    r"|(?:everyone|everybody|all\s+of\s+them|all\s+(?:the\s+|those\s+)?(?:passengers|victims|dead|killed|wounded))"
    r"(?:\s+[\w\s]{1,25}?)?\s+(?:was|were)\s+(?:a\s+)?civilians?)\b",
    re.I,
)
_VEHICLE: Final = r"(?:bus|minibus|shuttle|train|car|vehicle|truck|lorry|van|boat|ship)"
_FIGHTERS: Final = (
    r"(?:servicem[ae]n|soldiers|militants|troops|military(?:\s+personnel)?|fighters|combatants)"
)
# Who was aboard a vehicle struck: soldiers on a bus make it a military target in its attacker's telling.
_MILITARY_ABOARD: Final = re.compile(
    rf"\bthere\s+(?:were|was)\s+(?:\w+\s+){{0,2}}{_FIGHTERS}\b[^.]{{0,40}}?\b(?:on|in|aboard)\s+"
    rf"(?:the\s+|that\s+|this\s+)?{_VEHICLE}\b"
    rf"|\b(?:on|in|aboard)\s+(?:the\s+|that\s+|this\s+)?{_VEHICLE}\b[^.,;]{{0,30}}?\s+there\s+(?:were|was)\s+"
    rf"(?:\w+\s+){{0,2}}"
    rf"{_FIGHTERS}\b"
    rf"|\b{_VEHICLE}\s+(?:carrying|transporting|full\s+of)\s+(?:\w+\s+){{0,2}}{_FIGHTERS}\b",
    re.I,
)
_PEOPLE_CAPTURED: Final = re.compile(
    r"\bcaptured\s+(?:more\s+than\s+|about\s+|over\s+|some\s+|at\s+least\s+)?(?:\d[\d,]*|dozens|hundreds|scores)\b"
    r"|\b(?:soldiers?|fighters?|troops|servicem[ae]n|people|civilians|prisoners)\b[^.]{0,40}\b(?:was|were)\s+captured\b",
    re.I,
)
_NEGATED_TAKEN: Final = re.compile(
    r"\b(?:not|never|n't|deny|denied|denies|false|nobody|no\s+one|nothing)\b[^.]{0,30}$", re.I
)


@dataclass(frozen=True, slots=True)
class Reading:
    """What one claim asserts, for comparison."""

    places: frozenset[str]
    numbers: tuple[tuple[str, Quantity], ...] = ()  # (slot, quantity)
    status: str | None = None  # "taken" or "held"
    encircled: bool | None = None
    stance: str | None = None  # "unimportant" or "important"
    years: frozenset[str] = field(default_factory=frozenset)
    destroyed: bool | None = None  # a bridge, dam or building destroyed, or still standing
    scoped: bool = False  # its numbers count within a period ("evacuated 230 people this week")
    when: dt.date | None = None  # when it was reported: claims weeks apart may both be true
    objects: frozenset[str] = field(default_factory=frozenset)  # "bridge", "dam": what was destroyed
    subjects: frozenset[str] = field(default_factory=frozenset)  # content words: what a stance is about
    # Weekdays named: Monday's count is not Thursday's.
    days: frozenset[str] = field(default_factory=frozenset)
    stance_words: str | None = None  # the words that carry the stance, for the explanation
    place_names: tuple[tuple[str, str], ...] = ()  # (key, name as written) of its places
    target: str | None = None  # what a strike hit: "military" or "civilian"
    names: frozenset[str] = field(default_factory=frozenset)  # its proper names, lower-cased
    attacker: str | None = None  # the side said to have carried out an attack ("Russia", "the Houthis")
    denies_attack: bool = False  # "our forces did not fire a single shell at Taiz"
    # What an attack hit or was made with ("market", "shell"): two attacks on one place are one event
    # only when their words meet.
    attack_words: frozenset[str] = field(default_factory=frozenset)
    # Its places are the sentences' before it or its story's, not its own: within its story it is
    # about whatever the story is about ("The army gave a lower toll: 18 bodies").
    placeless: bool = False
    damaged: bool | None = None  # an industrial or energy facility hit, or said not to be damaged
    facilities: frozenset[str] = field(default_factory=frozenset)  # "refinery", "unit": what was hit
    # Whether people were warned in time: "SMS alerts had been sent" against "we received no warning".
    warned: bool | None = None


def reading_to_json(reading: Reading) -> str:
    """A reading as JSON, so that the store can keep it and compare it later without reading again."""
    return json.dumps(
        {
            "places": sorted(reading.places),
            "numbers": [
                [
                    slot,
                    q.span.doc,
                    q.span.start,
                    q.span.end,
                    q.text,
                    q.value,
                    q.high,
                    q.unit,
                    q.qualifier,
                    q.about,
                    q.stage,
                ]
                for slot, q in reading.numbers
            ],
            "status": reading.status,
            "encircled": reading.encircled,
            "stance": reading.stance,
            "years": sorted(reading.years),
            "destroyed": reading.destroyed,
            "scoped": reading.scoped,
            "when": reading.when.isoformat() if reading.when else None,
            "objects": sorted(reading.objects),
            "subjects": sorted(reading.subjects),
            "days": sorted(reading.days),
            "stance_words": reading.stance_words,
            "place_names": [list(pair) for pair in reading.place_names],
            "target": reading.target,
            "names": sorted(reading.names),
            "attacker": reading.attacker,
            "denies_attack": reading.denies_attack,
            "attack_words": sorted(reading.attack_words),
            "placeless": reading.placeless,
            "damaged": reading.damaged,
            "facilities": sorted(reading.facilities),
            "warned": reading.warned,
        },
        ensure_ascii=False,
    )


def reading_from_json(text: str) -> Reading:
    data = json.loads(text)
    return Reading(
        places=frozenset(data["places"]),
        numbers=tuple(
            (slot, Quantity(Span(doc, start, end), said, value, high, unit, qualifier, about, stage))
            for slot, doc, start, end, said, value, high, unit, qualifier, about, stage in data["numbers"]
        ),
        status=data["status"],
        encircled=data["encircled"],
        stance=data["stance"],
        years=frozenset(data["years"]),
        destroyed=data["destroyed"],
        scoped=data["scoped"],
        when=dt.date.fromisoformat(data["when"]) if data["when"] else None,
        objects=frozenset(data["objects"]),
        subjects=frozenset(data["subjects"]),
        days=frozenset(data["days"]),
        stance_words=data["stance_words"],
        place_names=tuple((key, name) for key, name in data["place_names"]),
        # absent from readings stored before targets and names were read
        target=data.get("target"),
        names=frozenset(data.get("names", ())),
        # absent from readings stored before attacks were read
        attacker=data.get("attacker"),
        denies_attack=data.get("denies_attack", False),
        attack_words=frozenset(data.get("attack_words", ())),
        placeless=data.get("placeless", False),
        # absent from readings stored before damage was read
        damaged=data.get("damaged"),
        facilities=frozenset(data.get("facilities", ())),
        # absent from readings stored before warnings were read
        warned=data.get("warned"),
    )


@dataclass(frozen=True, slots=True)
class Side:
    doc: str
    start: int
    end: int
    text: str
    statement: str | None = None
    copies: str | None = None  # the group of near-duplicate documents (one wire story) it belongs to


@dataclass(frozen=True, slots=True)
class Dispute:
    id: str
    kind: str
    topic: str | None
    a: Side
    b: Side
    explanation: str


def read_claim(text: str, *, places: Iterable[str] | None = None, when: dt.date | None = None) -> Reading:
    """The numbers, status and stance ``text`` asserts. ``places`` are its places when the caller knows
    them (the place mentions of a corpus); without them capitalised words stand in."""
    named = _named(_places_in(text) if places is None else places)
    numbers = tuple(
        (_slot_in_state(slot, _state(text, q)), q)
        for q in find_quantities("claim", text)
        if (slot := _slot(q, text)) is not None and not _earlier_value(text, q)
    ) + tuple(_no_one(text))
    taken = _TAKEN.search(text)
    if taken and _PEOPLE_CAPTURED.search(text):
        taken = None  # "captured more than 300 soldiers": prisoners, no place taken
    held = _HELD.search(text)
    if taken and _NEGATED_TAKEN.search(text[: taken.start()]):
        held, taken = taken, None
    status = "held" if held else "taken" if taken else None
    encircled = False if _NOT_ENCIRCLED.search(text) else True if _ENCIRCLED.search(text) else None
    judged = _UNIMPORTANT.search(text) or _IMPORTANT.search(text)
    stance = None if judged is None else "unimportant" if judged.re is _UNIMPORTANT else "important"
    stance_words = judged.group(0) if judged else None
    years = frozenset(re.findall(r"\b(?:19|20)\d\d\b", text))
    destroyed = False if _STANDING.search(text) else True if _DESTROYED.search(text) else None
    scoped = bool(_PERIOD.search(text))
    # The days a sentence names, by weekday or date: two counts for two days are two states, not a dispute
    # ("500 killed on 3 March", "606 on 20 April").
    days = frozenset(d.lower() for d in _WEEKDAY.findall(text)) | frozenset(
        f"{m[1] or m[4]} {(m[2] or m[3])[:3].lower()}" for m in _MONTH_DAY.finditer(text)
    )
    objects = frozenset(o.lower() for o in _OBJECTS.findall(text)) if destroyed is not None else frozenset()
    subjects = _subjects(text) if stance else frozenset()
    target = _target(text)
    attacker, denies_attack = _attack(text)
    return Reading(
        frozenset(named),
        numbers,
        status,
        encircled,
        stance,
        years,
        destroyed,
        scoped,
        when,
        objects,
        subjects,
        days,
        stance_words,
        tuple(sorted(named.items())),
        target,
        _proper_names(text),
        attacker,
        denies_attack,
        _attack_words(text) if attacker or denies_attack else frozenset(),
        damaged=(damaged := _damage(text)),
        facilities=_facilities(text) if damaged is not None else frozenset(),
        warned=_warning(text),
    )


def _warning(text: str) -> bool | None:
    """Whether a sentence says people were warned before the danger came ("SMS alerts had been sent to
    all phones", "the alert was declared nine minutes before the first hit"), or that no warning came
    in time ("we received no warning", "the sirens sounded only after the first explosions"), or
    neither."""
    if _NOT_WARNED.search(text):
        return False
    if _WARNED.search(text):
        return True
    return None


_ALERTS: Final = (
    r"(?:warnings?|alerts?|alarms?|sirens?|evacuation\s+orders?|air\s+raid\s+(?:alert|alarm|warning)s?)"
)
_NOT_WARNED: Final = re.compile(
    rf"\b(?:no|never\s+(?:got|received|had)\s+(?:a|any))\s+(?:[\w-]+\s+){{0,2}}?{_ALERTS}"
    r"|\bwithout\s+(?:any\s+)?(?:prior\s+|advance\s+)?(?:warnings?|alerts?|notice)\b"
    r"|\b(?:no|not\s+a)\s+(?:single\s+)?(?:sms|text|message)\b|\bphones?\s+got\s+no\b"
    r"|\b(?:nobody|no\s+one|never)\s+(?:warned|told)\s+us\b|\b(?:were|was|had\s+been|have\s+been)\s+not\s+warned\b"
    r"|\b(?:not|never)\s+(?:been\s+)?warned\b"
    rf"|\b{_ALERTS}\s+(?:did\s+not|didn't|never)\s+(?:sound|come|go\s+off|work)\b"
    rf"|\b{_ALERTS}\s+(?:\w+\s+){{0,2}}(?:only\s+after|too\s+late|came\s+late|after\s+the\s+first)\b",
    re.I,
)
_WARNED: Final = re.compile(
    rf"\b{_ALERTS}\s+(?:\w+\s+){{0,6}}?(?:had\s+been\s+|have\s+been\s+|were\s+|was\s+|been\s+)?"
    r"(?:sent|issued|sounded|declared|broadcast|given|activated|raised)\b"
    rf"|\b(?:issued|sent|declared|sounded|gave|broadcast)\s+(?:[\w-]+\s+){{0,4}}?{_ALERTS}"
    r"|\bwarned\s+(?:residents|people|the\s+public|villagers|citizens|the\s+population)\b"
    r"|\b(?:had|have|has)\s+been\s+warned\b|\b(?:were|was)\s+warned\s+(?:in\s+advance|in\s+time|before|beforehand)\b"
    rf"|\b{_ALERTS}\s+(?:\w+\s+){{0,6}}?(?:\d+\s+)?(?:minutes?|hours?)\s+before\b"
    r"|\b(?:declared|sounded|issued)\s+(?:in\s+advance|in\s+time|on\s+time)\b",
    re.I,
)


def _facilities(text: str) -> frozenset[str]:
    words = (word.lower() for word in _FACILITY.findall(text))
    return frozenset(w[:-3] + "y" if w.endswith("ies") else w.removesuffix("s") for w in words)


def _damage(text: str) -> bool | None:
    """Whether the sentence says an industrial or energy facility was hit (True) or not damaged
    (False); None when it names no facility or says neither."""
    if not _FACILITY.search(text):
        return None
    if _NOT_DAMAGED.search(text):
        return False
    damaged = _DAMAGED.search(text)
    if damaged is None or _CONDITIONAL.search(text, 0, damaged.start()):
        return None  # "if a primary unit had been hit, throughput could fall": no report of a hit
    return True


# An "if" or "whether" opening the clause before the words: a supposition, not a report.
_CONDITIONAL: Final = re.compile(r"\b(?:if|whether|unless)\b[^.;:]{0,80}$", re.I)


_SENTENCE: Final = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’']?|$)")
STAGE: Final = "claims-rules"


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence read as a claim, with the place names it was read with (kept so that it can be read
    again the same way)."""

    side: Side
    reading: Reading
    places: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Sentence:
    start: int  # where the sentence pattern matched, spaces included
    end: int
    offset: int  # where its words begin
    text: str
    opens_paragraph: bool


def _sentences(text: str) -> Iterator[_Sentence]:
    for match in _SENTENCE.finditer(text):
        start, end = match.start(), match.end()
        sentence = text[start:end].strip()
        offset = start + (len(text[start:end]) - len(text[start:end].lstrip()))
        yield _Sentence(start, end, offset, sentence, "\n\n" in text[max(0, start - 2) : start + 1])


# The fewest words of a sentence read as a claim: "Nobody warned us." asserts something, "Kyiv." nothing.
_CLAIM_WORDS: Final = 3


def claim_sentences(doc_id: str, text: str, *, published: dt.date | None) -> list[ClaimSentence]:
    """The sentences of a document that assert something, read without places (a per-document
    stage: which places a sentence names depends on the corpus, what it asserts does not)."""
    found: list[ClaimSentence] = []
    for sentence in _sentences(text):
        if len(sentence.text.split()) < _CLAIM_WORDS:
            continue
        reading = read_claim(sentence.text, places=[], when=published)
        if asserts_something(reading):
            span = Span(doc_id, sentence.offset, sentence.offset + len(sentence.text))
            found.append(ClaimSentence(span, reading_to_json(reading), STAGE))
    return found


def document_claims(
    doc_id: str,
    text: str,
    *,
    published: dt.date | None,
    statements: Sequence[tuple[str, int, int]],
    place_words: PlaceWords,
    readings: Mapping[int, Reading] | None = None,
) -> list[Claim]:
    """Every sentence of a document that asserts a number, a place's status or a stance on it.

    Its places are the words ``place_words`` finds in it (the corpus's town and region names); a
    sentence naming no place takes the places of the sentence before it in its paragraph ("It is a
    symbolic matter" after a sentence about Bakhmut). A sentence inside a statement's content (given
    as ``(id, start, end)``) names that statement. ``readings`` (by where a sentence begins) are the
    document's ``claim_sentences``, when it has been through that stage: then only they are read.
    """
    claims: list[Claim] = []
    sentences = list(_sentences(text))
    # "KYIV, Ukraine (AP) — Russia fired ...": where a story was filed is not what its first
    # sentence is about, but it tells where the story happens: it counts towards the main place.
    datelines = [DATELINE.match(sentence.text) or _FILED.fullmatch(sentence.text) for sentence in sentences]
    named = [
        [
            place
            for place in place_words.findall(sentence.text[dateline.end() :] if dateline else sentence.text)
            if not _speaking_capital(place, sentence.text) and not _names_a_unit(place, sentence.text)
        ]
        for sentence, dateline in zip(sentences, datelines, strict=True)
    ]
    # "The defenders still hold the town", "7,500 civilians are still here": a sentence whose
    # paragraph has named no place yet is about the place the document names most.
    counts = Counter(place for places in named for place in places)
    filed = [place for dateline in datelines if dateline for place in place_words.findall(dateline.group())]
    counts.update(filed)
    # The place named most, the first named on a tie (a headline names it first).
    first = {place: i for i, places in reversed(list(enumerate(named))) for place in places}
    first.update({place: -1 for place in filed})
    top = max(counts, key=lambda p: (counts[p], -first[p])) if counts else None
    main = [top] if top is not None else []
    previous_places: list[str] = []
    last_named: list[str] = []
    for sentence, own in zip(sentences, named, strict=True):
        if sentence.opens_paragraph:
            previous_places = []
        town = last_named if _THE_TOWN.match(sentence.text) else []
        places = own or previous_places or town or main
        if (
            own
            and main
            and main[0] not in own
            and all(_part_of_a_town(p, sentence.text, main[0]) for p in own)
        ):
            # "a building in the Zamostianskyi district": a part of the town the story is about
            places = [*own, *main]
        previous_places = own or previous_places
        last_named = own or last_named
        if readings is None:
            if len(sentence.text.split()) < _CLAIM_WORDS:
                continue
            reading = replace(read_claim(sentence.text, places=places, when=published), placeless=not own)
            if not asserts_something(reading):
                continue
        elif sentence.offset in readings:
            reading = with_places(readings[sentence.offset], places, own=bool(own))
        else:
            continue
        statement_id = next((i for i, s, e in statements if s < sentence.end and sentence.start < e), None)
        side = Side(
            doc_id, sentence.offset, sentence.offset + len(sentence.text), sentence.text, statement_id
        )
        claims.append(Claim(side, reading, tuple(places)))
    return claims


def _speaking_capital(place: str, sentence: str) -> bool:
    """Whether ``place`` speaks in the sentence, as a government does ("Moscow says the town has been
    liberated", "Kyiv denies ..."): it is who makes the claim, not what the claim is about."""
    return re.search(rf"\b{re.escape(place)}\s+{_SAYS}", sentence) is not None


_SAYS: Final = (
    r"(?:says|said|claims|claimed|denies|denied|insists|insisted|accuses|accused|announced|reports|reported"
    r"|warns|warned|maintains|argues)\b"
)


def _names_a_unit(place: str, sentence: str) -> bool:
    """Whether ``place`` is only part of the name of a unit whose spokesman speaks ("the spokesperson
    for the Kharkiv operational-tactical group stated that ... the town"): the claim is about another
    place. A unit struck at a place ("struck the command of the Sumy grouping") is there."""
    return (
        re.search(
            rf"{_UNIT_VOICES}\s+(?:of|for)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?{re.escape(place)}\s+(?:[\w-]+\s+)?{_UNITS}",
            sentence,
            re.I,
        )
        is not None
    )


_UNIT_VOICES: Final = r"\b(?:spokes(?:man|woman|person)|speaker|commander|press\s+service|representative)"
_UNITS: Final = r"(?:group|grouping|brigade|battalion|regiment|division|garrison)\b"


def _part_of_a_town(place: str, sentence: str, town: str) -> bool:
    """Whether the sentence names ``place`` as a part of ``town``: "the Zamostianskyi district"."""
    named = re.search(rf"\s{_TOWN_PARTS}$", place, re.I)
    if named is not None and _named([place[: named.start()]]).keys() == _named([town]).keys():
        return False  # "the Kupiansk district" around Kupiansk: the town is part of it, not it of the town
    return bool(named or re.search(rf"\b{re.escape(place)}\s+{_TOWN_PARTS}", sentence))


_TOWN_PARTS: Final = r"(?:district|microdistrict|neighbou?rhood|quarter|borough)\b"
# "MOSCOW, 19 November. /TASS/." as a sentence of its own: where a digest's item was filed.
_FILED: Final = re.compile(r"[A-Z]{3,}[A-Z .'’-]*,\s+\d{1,2}\s+[A-Z][a-z]+\.?")
# A sentence about "The city" or "This town" as its subject goes on about the town named last.
_THE_TOWN: Final = re.compile(r"(?:The|This)\s+(?:city|town|village|settlement)\b(?!\s+of\b)")


class PlaceWords:
    """Finds the corpus's place names in a sentence as whole words, in any spelling with the same name
    keys ("Velikiy Mlin" for "Velykyi Mlyn"), the longest first where names overlap ("Kharkiv Oblast"
    before "Kharkiv"). Names are looked up by their first word's key: thousands of names in one
    regular expression would be tried at every position of every sentence.

    ``present`` gives the present name of a place named in another form ("Dobropolye": Dobropillia),
    which is then what is found, so that claims naming it either way share a topic."""

    def __init__(self, names: Iterable[str], *, present: Mapping[str, str] | None = None) -> None:
        self._by_first_key: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for name in sorted(set(names), key=lambda n: (-len(_WORD.findall(n)), n)):
            keys = tuple(_word_key(word) for word in _WORD.findall(name))
            if keys and keys[0]:
                self._by_first_key[keys[0]].append((keys, (present or {}).get(name, name)))

    def findall(self, text: str) -> list[str]:
        words = _WORD.findall(text)
        found: list[str] = []
        at = 0
        while at < len(words):
            word = words[at]
            match = None
            if word[:1].isupper() or word[:1].isdigit():
                for keys, name in self._by_first_key.get(_word_key(word), ()):
                    if tuple(_word_key(w) for w in words[at : at + len(keys)]) == keys:
                        match = (name, len(keys))
                        break
            if match is None:
                at += 1
                continue
            found.append(match[0])
            at += match[1]
        return found


_WORD: Final = re.compile(r"\w[\w'’.-]*\w|\w")


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    return " ".join(name_keys(word)) or word.lower()


def _named(places: Iterable[str]) -> dict[str, str]:
    # Places compare by name keys: "Velikiy Mlin" in one outlet is "Velykyi Mlyn" in another.
    return {_place_key(keys): p for p in places if (keys := name_keys(p))}


def _place_key(keys: tuple[str, ...]) -> str:
    """A place's name keys, under the knowledge base's name for it ("Dimitrov" is Myrnohrad, "Artemovsk"
    Bakhmut), with the vowel before a closing "v" left out and a Russian ending in its Ukrainian form:
    the Russian and Ukrainian forms of one town ("Kharkov" and "Kharkiv", "Petropavlovka" and
    "Petropavlivka", "Kiev" and "Kyiv", "Dobropolye" and "Dobropillia") then meet."""
    keys = _known_place_names().get(keys, keys)
    return " ".join(_ukrainian_ending(_IKAVISM.sub("v", key)) for key in keys)


def _ukrainian_ending(key: str) -> str:
    """A town's key with the Russian ending of its name in its Ukrainian form: "Dobropolye" is
    Dobropillia, "Selidovo" Selydove."""
    for russian, ukrainian in _RUSSIAN_ENDINGS:
        key = russian.sub(ukrainian, key)
    return key


_RUSSIAN_ENDINGS: Final = (
    (re.compile(r"(?<=.{3})pole$"), "pila"),
    (re.compile(r"(?<=.{3}[^aeiou])ovo$"), "ove"),
    (re.compile(r"(?<=.{3}[^aeiou])evo$"), "eve"),
)


@lru_cache(maxsize=1)
def _known_place_names() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Name keys of every name the knowledge base gives a place, to those of its main name."""
    found: dict[tuple[str, ...], tuple[str, ...]] = {}
    for entry in KnowledgeBase.bundled().entries.values():
        if type_family(entry.type) == "place" and (main := name_keys(entry.name)):
            for name in entry.aliases:
                if keys := name_keys(name):
                    found.setdefault(keys, main)
    return found


_IKAVISM: Final = re.compile(r"[aeiouy]v(?=(?:ka|sk|ske|ska|sko|skyi|ske)?$)")


def with_places(reading: Reading, places: Iterable[str], *, own: bool = True) -> Reading:
    """A reading made without places, given them: the same as reading the sentence with them;
    ``own``: the sentence names them (else they are those of the sentences before it)."""
    named = _named(places)
    return replace(
        reading, places=frozenset(named), place_names=tuple(sorted(named.items())), placeless=not own
    )


def _places_in(text: str) -> list[str]:
    """The towns and regions a lone sentence names, by the same NER and gazetteer as a corpus."""
    from claimgraph.nlp import load_pipeline  # deferred: the model loads only for lone sentences
    from claimgraph.resolve.places import country_code

    nlp = _pipeline(load_pipeline)
    return [
        e.text for e in nlp(text).ents if e.label_ in ("GPE", "LOC", "FAC") and country_code(e.text) is None
    ]


_loaded: list[Language] = []


def _pipeline(load: Callable[[], Language]) -> Language:
    if not _loaded:
        _loaded.append(load())
    return _loaded[0]


def asserts_something(reading: Reading) -> bool:
    return bool(
        reading.numbers
        or reading.status
        or reading.stance
        or reading.encircled is not None
        or reading.destroyed is not None
        or reading.target is not None
        or reading.attacker is not None
        or reading.denies_attack
        or reading.damaged is not None
        or reading.warned is not None
    )


def dispute_kind(a: str, b: str) -> str | None:
    """ "numeric", "status" or "stance" when sentences ``a`` and ``b`` dispute each other, else None."""
    found = compare(read_claim(a), read_claim(b), same_text=wording(a) == wording(b))
    return found[0] if found else None


def compare(
    a: Reading, b: Reading, *, same_text: bool = False, one_story: bool = False
) -> tuple[str, str] | None:
    """(kind, explanation) of the disagreement between two readings, or None. ``one_story``: both are
    of one document, where two accounts of an attack on one thing ("the convoy") are of one event
    wherever each places it."""
    if same_text:
        return None
    things = a.attack_words & b.attack_words & _TARGETS if one_story else frozenset()
    if things and (found := _attackers_disagree(a, b, things)):
        return found
    if a.when and b.when and abs((a.when - b.when).days) > SAME_TIME_DAYS:
        return None  # weeks apart: the facts may have changed in between
    # "84 missiles on Monday", "28 on Thursday": two days, two counts (a place taken on Sunday and
    # held on Tuesday still disputes).
    other_days = bool(a.days and b.days and not a.days & b.days)
    if (
        a.objects & b.objects
        and a.destroyed is not None
        and b.destroyed is not None
        and a.destroyed != b.destroyed
    ):
        # One structure named the same way at the same time: "the bridge was destroyed" against "the
        # bridge over the Ostra still stands" (a river's name beside a town's is no contradiction).
        thing = sorted(a.objects & b.objects)[0]
        return "status", f"one says the {thing} was destroyed, the other that it still stands"
    if a.years and b.years and not a.years & b.years:
        return None  # claims about different years can both be true
    exchange = any(slot.endswith("exchanged") for slot, _ in a.numbers)
    # Within one story, a count with no place of its own is of the story's event.
    story = one_story and (a.placeless or b.placeless)
    if _same_topic(a, b) or exchange or story:
        # An exchange of prisoners is one event wherever each side says it happened.
        for slot_a, qa in a.numbers:
            # A count over a period ("this week") is no count of a state; an exchange is one event,
            # whenever it is said to have happened ("Today, 390 returned home").
            if a.scoped != b.scoped and not slot_a.endswith("exchanged"):
                continue
            for slot_b, qb in b.numbers:
                if (
                    slot_a == slot_b
                    and qa.unit == qb.unit
                    and not other_days
                    and _numbers_disagree(qa, qb, toll=slot_a in _TOLLS)
                ):
                    return "numeric", f"{slot_a}: {qa.text} vs {qb.text}"
        if a.status and b.status and a.status != b.status:
            return "status", f"one says {_place(a, b)} was taken, the other that it is still held"
        if a.encircled is not None and b.encircled is not None and a.encircled != b.encircled:
            return "status", f"one says {_place(a, b)} is encircled, the other that it is not"
        if a.warned is not None and b.warned is not None and a.warned != b.warned and not other_days:
            return "status", f"one says {_place(a, b)} was warned in time, the other that no warning came"
        if a.target and b.target and a.target != b.target:
            return (
                "status",
                f"one says the strike on {_place(a, b)} hit a military target, the other only civilians",
            )
        # Each side attacks somewhere most days: two attackers named for one place dispute each other
        # when the words of the attack meet (the market, the shells), not over a count for a season.
        one_event = not (a.attack_words and b.attack_words) or bool(a.attack_words & b.attack_words)
        if found := _attackers_disagree(a, b, frozenset(), one_event=one_event):
            return found
    if (_sites(a) & _sites(b) or story) and (found := _damage_disagrees(a, b)) is not None:
        return found
    # A stance is about a place or a thing ("the counteroffensive", "the sanctions"): shared words will do.
    if a.stance and b.stance and a.stance != b.stance and (a.places & b.places or a.subjects & b.subjects):
        subject = _place(a, b) if a.places & b.places else sorted(a.subjects & b.subjects)[0]
        return "stance", f'on {subject}: "{a.stance_words}" against "{b.stance_words}"'
    return None


def _sites(reading: Reading) -> frozenset[str]:
    """Where a facility stands, as its claims name it: the town of a district or region named after it
    ("the Kstovo district", "the Nizhny Novgorod region"), since a refinery is placed either way."""
    return frozenset(_site(place) for place in reading.places)


def _site(place: str) -> str:
    return next((place.removesuffix(s) for s in _AREA_SUFFIXES if place.endswith(s)), place)


_AREA_SUFFIXES: Final = (" district", " region", " oblast", " raion", " krai", " province")


def _damage_disagrees(a: Reading, b: Reading) -> tuple[str, str] | None:
    """A facility said to be hit against one said not to be damaged: the same facility's word, or a
    word for the whole site on one side ("the enterprise") against a part of it on the other."""
    if a.damaged is None or b.damaged is None or a.damaged == b.damaged:
        return None
    shared = a.facilities & b.facilities
    if not shared and not (a.facilities | b.facilities) & _WHOLE_SITE:
        return None
    hit = a if a.damaged else b
    thing = sorted(shared or hit.facilities)[0]
    sites = sorted(_sites(a) & _sites(b))
    # the town as written where a side names it, else the district or region named after it
    named = sorted(
        (key != site, name)
        for site in sites[:1]
        for key, name in (*a.place_names, *b.place_names)
        if _site(key) == site
    )
    where = f" at {named[0][1]}" if named else ""
    return "status", f"one says the {thing}{where} was hit, the other that it was not damaged"


def _attackers_disagree(
    a: Reading, b: Reading, things: frozenset[str], *, one_event: bool = True
) -> tuple[str, str] | None:
    """Two sides named for one attack (``one_event``: the words of the two attacks meet), or one
    named and the attack denied; of ``things`` when given ("the convoy"), else of the place the two
    readings share."""
    if a.scoped or b.scoped:
        return None  # a count for a season is no one attack
    target = f"the {sorted(things)[0]}" if things else _place(a, b)
    if a.attacker and b.attacker and a.attacker != b.attacker and one_event:
        return "status", f"who attacked {target}: one names {a.attacker}, the other {b.attacker}"
    if (a.attacker and b.denies_attack) or (b.attacker and a.denies_attack):
        blamed = a.attacker or b.attacker
        return "status", f"one blames {blamed} for the attack on {target}, the other denies an attack"
    return None


# What an attack hit, as opposed to what it was made with: two accounts in one story of an attack on
# "the convoy" are of one attack.
_TARGETS: Final = frozenset(
    {"market", "school", "hospital", "building", "convoy", "port", "bridge", "plant", "depot", "shelter"}
    | {"church", "mosque", "camp", "train", "station", "bus", "ambulance"}
)


def _proper_names(text: str) -> frozenset[str]:
    """Capitalised words inside the sentence (not its first word), nationalities and sides aside."""
    words = re.findall(r"(?<=[\s(“\"'])[A-Z][\w'’-]+", text)
    return frozenset(w.lower() for w in words if w.lower() not in _STANCE_STOP)


def _target(text: str) -> str | None:
    """What a strike hit by this sentence: "military" ("struck a workshop assembling drones", "hit a
    temporary deployment point"), "civilian" ("only civilian buildings were hit", "there is no military
    facility there"), or None."""
    if _CIVILIAN_ONLY.search(text):
        return "civilian"
    aboard = _MILITARY_ABOARD.search(text)
    if aboard is not None and not _NEGATED_TAKEN.search(text[: aboard.start()]):
        return "military"  # "there were servicemen on that bus", "a shuttle carrying militants"
    struck = _STRUCK.search(text)
    # "a 'tank repair base' was hit": what a passive strike hit comes before it
    passive = (
        struck is not None and re.search(r"\b(?:was|were|been|being)\s+$", text[: struck.start()]) is not None
    )
    military = _MILITARY_TARGET.search(text, 0 if passive else struck.end()) if struck else None
    if military is None or _NEGATED_TAKEN.search(text[: military.start()]):
        return None
    return "military"


def _attack(text: str) -> tuple[str | None, bool]:
    """Who this sentence says carried out an attack ("the shells were fired from Houthi positions",
    "blamed Russia", "fragments of an Iskander-M missile"), and whether it denies one ("our forces
    did not fire a single shell at Taiz", "denied any involvement")."""
    patterns = _attack_patterns()
    # The attacker named first: "a Ukrainian drone attack had damaged the line on territory Russia holds".
    named = sorted(
        (found.start("actor"), found["actor"])
        for pattern in patterns.attacker
        if (found := pattern.search(text)) is not None
        and not _NEGATED_TAKEN.search(text[max(0, found.start() - 30) : found.start()])
    )
    if named:
        return patterns.sides[named[0][1].lower()], False
    return None, bool(patterns.denial.search(text))


def _attack_words(text: str) -> frozenset[str]:
    words = (word.lower().removesuffix("s") for word in _ATTACK_WORDS.findall(text))
    return frozenset(_ONE_ATTACK_WORD.get(word, word) for word in words)


# Words two reports use for one thing: "a residential building" is "the house"; "a missile" "a rocket".
_ONE_ATTACK_WORD: Final = {"house": "building", "apartment": "building", "rocket": "missile"}
# What an attack was made with; with what it hit (``_TARGETS``), the words of an attack.
_WEAPON_WORDS: Final = frozenset({"shell", "missile", "drone", "bomb", "mine"})
_ATTACK_WORDS: Final = re.compile(
    r"\b(?:" + "|".join(sorted(_TARGETS | _WEAPON_WORDS | _ONE_ATTACK_WORD.keys())) + r")s?\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class _AttackPatterns:
    attacker: tuple[re.Pattern[str], ...]
    denial: re.Pattern[str]
    sides: dict[str, str]


@lru_cache(maxsize=1)
def _attack_patterns() -> _AttackPatterns:
    text = resources.files("claimgraph").joinpath("data", "actors.txt").read_text(encoding="utf-8")
    sides: dict[str, str] = {}
    weapons: list[str] = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            phrase, side, *kind = line.split("\t")
            sides[phrase.lower()] = side
            if kind == ["weapon"]:
                weapons.append(phrase)

    def named(phrases: Iterable[str]) -> str:
        return (
            "(?P<actor>"
            + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
            + r")(?![\w-])"
        )

    actor = named(sides)
    deed = (
        r"(?:fired|launched|carried out|dropped|hit|struck|shelled|caused|attacked|bombed|targeted|killed"
        r"|destroyed|damaged|cut|disabled|knocked out)"
    )
    article = r"[\"“]?(?:(?:the|a|an)\s+)?"
    projectile = r"(?:rocket|missile|shell|drone|bomb|interceptor|projectile)s?"
    # "fired from positions held by the RSF", "damaged by a rocket of the Ukrainian air defence"
    position = rf"(?:(?:positions?\s+(?:of|held by)|{projectile}\s+of)\s+{article})?"
    means = (
        r"(?:forces|troops|army|military|drones?|missiles?|artillery|shells?|warplanes?|aircraft|jets?"
        r"|fighters|militants|rockets?|units?|(?:glide\s+|guided\s+|aerial\s+|cluster\s+)?bombs?)"
    )
    attacker = (
        # "fired from Houthi positions", "launched by the Rapid Support Forces", "hit by a Ukrainian missile"
        # not "on territory controlled by Russia": who holds a place is no attacker
        re.compile(
            rf"\b{deed}\b[^.;]{{0,60}}?(?<!controlled\s)(?<!occupied\s)(?<!held\s)\b(?:by|from)\s+{article}{position}{actor}",
            re.IGNORECASE,
        ),
        # "blamed the Houthis", "accused Russia of shelling", "held Hamas responsible"
        re.compile(
            rf"\b(?:blam(?:e|es|ed|ing)|accus(?:e|es|ed|ing)|held|holds)\s+{article}{actor}", re.IGNORECASE
        ),
        # "Russian forces struck", "Israeli warplanes bombed", "the RSF shelled"
        re.compile(rf"\b{actor}(?:'s|’s)?\s+(?:{means}\s+)?(?:(?:had|have|has)\s+)?{deed}\b", re.IGNORECASE),
        # "fragments of an Iskander-M missile": a weapon only one side fires
        re.compile(rf"\b{named(weapons)}"),
        # "there fell a rocket of the Russian air defence": a defender's own missile hit the place
        re.compile(
            rf"\b(?:fell|landed|exploded|hit|struck)\b[^.;]{{0,40}}?\b(?:a|an|the)\s+{projectile}\s+of\s+{article}{actor}",
            re.IGNORECASE,
        ),
        re.compile(
            rf"\b{projectile}\s+of\s+{article}{actor}(?:\s+air[\s-]+defen[cs]e)?\s+(?:had\s+|has\s+)?"
            r"(?:fell|landed|exploded|hit|struck|damaged)\b",
            re.IGNORECASE,
        ),
        re.compile(
            rf"\b{actor}\s+air[\s-]+defen[cs]e\s+{projectile}\s+(?:that\s+|which\s+)?(?:had\s+)?"
            r"(?:fell|landed|exploded|hit|struck|damaged|caused)\b",
            re.IGNORECASE,
        ),
        # "Ukrainian air defence, not a Russian missile, destroyed the dormitory": the defence itself
        re.compile(
            rf"\b{actor}\s+air[\s-]+defen[cs]e\b(?:\s*,[^,.;]{{1,40}},)?\s+(?:had\s+|has\s+)?{deed}\b",
            re.IGNORECASE,
        ),
        # "it was a Russian drone", "that was a Ukrainian missile": what hit, named afterwards
        re.compile(
            rf"\b(?:it|this|that)\s+was\s+{article}{actor}\s+(?:{means}|{projectile})(?![\w-])", re.IGNORECASE
        ),
        # "a Ukrainian drone attack had damaged the line", "a Russian missile strike"
        re.compile(
            rf"\b{actor}\s+(?:{means}\s+)?(?:attack|strike|shelling|bombardment|raid)s?\b", re.IGNORECASE
        ),
        # "as a result of the strike of the Ukrainian militants on a bus stop"
        re.compile(
            rf"\b(?:strike|attack|shelling|bombing|bombardment)s?\s+(?:of|by)\s+{article}{actor}",
            re.IGNORECASE,
        ),
    )
    denial = re.compile(
        r"\b(?:we|our\s+\w+|its\s+\w+|their\s+\w+|they)\s+(?:did|do|does|have|has|had)\s*(?:not|n't|never)\s+"
        r"(?:\w+\s+)?(?:fire|strike|attack|shell|bomb|target|hit|launch|carry out)\b"
        r"|\bden(?:y|ies|ied|ying)\s+(?:any\s+)?"
        r"(?:responsibility|involvement|(?:carrying out|launching) (?:the|any))"
        r"|\bhad nothing to do with (?:the|this) (?:attack|strike|shelling|blast|explosion)"
        r"|\bden(?:y|ies|ied|ying)\b[^.;]{0,40}\bthat\b[^.;]{0,30}\b(?:drones?|forces|troops|missiles?|shells?|units)\b"
        # "the blast was caused by an army ammunition depot": no attack, an explosion of stored arms
        r"|\bcaused by [\"“]?(?:an? |the |its own |their own )?(?:\w+ )?"
        r"(?:ammunition|munitions|arms|weapons) (?:depot|store)",
        re.IGNORECASE,
    )
    return _AttackPatterns(attacker, denial, sides)


def _subjects(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z][a-z'-]{4,}", text.lower())
    return frozenset(
        w
        for w in words
        if w not in _STANCE_STOP and not _UNIMPORTANT.fullmatch(w) and not _IMPORTANT.fullmatch(w)
    )


def _same_topic(a: Reading, b: Reading) -> bool:
    # Claims naming no known place compare only when they share a proper name (a town the gazetteer
    # does not know): "All attacks were repelled" is about nothing one can check.
    return bool(a.places & b.places) or (not (a.places or b.places) and bool(a.names & b.names))


def _place(a: Reading, b: Reading) -> str:
    shared = sorted(a.places & b.places)
    if not shared:
        return "the place"
    return dict(a.place_names).get(shared[0], shared[0])


def _slot(quantity: Quantity, text: str = "") -> str | None:
    after = text[quantity.span.end : quantity.span.end + 40]
    before = text[max(0, quantity.span.start - 40) : quantity.span.start].lower()
    if quantity.unit == "%":
        share = re.match(r"\s+of\s+(?:[\w']+'s\s+|the\s+|[A-Z]\w+\s+)?([a-z]+)", after)
        return f"share of {share.group(1)}" if share else None
    if quantity.unit in ("km", "m", "mi", "km2", "mi2"):
        if re.match(r"\s+(?:from|away\s+from|of)\s+[A-Z]", after):
            return f"distance {quantity.unit}"
        if re.search(
            r"\b(?:advanc\w*|moved\s+forward|gain\w*|push\w*|retak\w*|retook|captur\w*|liberat\w*)", before
        ):
            return "advance"
        return None
    if quantity.unit is None and _TOLL_BEFORE.search(before):
        return "deaths"  # "put the national toll at six", "the real toll was nine"
    if quantity.about is None or quantity.unit == "times":
        return None
    if _KILLED_AND_WOUNDED.match(after):
        return "casualties"  # "46 killed and wounded" counts both, not the dead
    # "47 Ukrainian unmanned aerial vehicles", "87 UAV": drones by their long name or its letters
    words = re.findall(r"[a-z]+", _UNMANNED.sub("drones", quantity.about.lower()))
    if (
        words
        and words[-1] in _SUPPLIED
        and _WITHOUT_SUPPLY.search(text[max(0, quantity.span.start - 60) : quantity.span.end + 60])
    ):
        # "90 thousand apartments without heating", "without power remain 120,000 consumers": the homes
        # cut off are counted, not buildings or people.
        return _CUT_OFF
    for word in reversed(words):
        if word in _SLOTS:
            return _SLOTS[word]
    return None


_UNMANNED: Final = re.compile(r"\bunmanned(?:\s+aerial)?(?:\s+(?:vehicles?|aircraft|systems?))?\b|\buavs?\b")
# A death toll named before its number: "the toll was nine", "put the toll in the province at six",
# "raised the death toll to 34", "a toll of 45".
_TOLL_BEFORE: Final = re.compile(
    r"\btoll\b[^.;:!?\d]{0,40}?\b(?:was|is|stands|stood|rose|climbed|reached|hit|risen|at|to|of)\s+$",
    re.I,
)
# Who a supply reaches, counted when it is cut: homes, households, consumers.
_SUPPLIED: Final = frozenset(
    {"apartments", "flats", "households", "homes", "consumers", "customers", "subscribers"}
)
_WITHOUT_SUPPLY: Final = re.compile(
    r"\b(?:without|no|lost|cut\s+off\s+from|left\s+without)\s+(?:\w+\s+)?(?:heat(?:ing)?|power|electricity|light"
    r"|water|gas|heat\s+supply|water\s+supply|power\s+supply)\b|\bde-?energi[sz]ed\b|\bblackouts?\b",
    re.I,
)
_CUT_OFF: Final = "homes cut off"


def _slot_in_state(slot: str, state: str) -> str:
    """A slot with what its counted are doing. Those who remain in a town, leave it or shelter in it
    are its civilians whether called "people", "residents" or "civilians": "About 900 people remain"
    and "3,000 civilians remain" count one thing. Homes cut off are so whatever else the words say
    ("without heating remain 40 thousand apartments")."""
    if slot == _CUT_OFF:
        return slot
    if state in ("remaining", "evacuated", "sheltering") and slot == "population":
        slot = "civilians"
    if state == "exchanged" and slot in ("troops", "prisoners", "civilians", "population"):
        slot = "prisoners"  # soldiers, defenders and civilians come home in one exchange
    if state == "captured" and slot in ("troops", "prisoners", "civilians", "population"):
        return "prisoners taken"  # "captured more than 300 soldiers", "not a single soldier was captured"
    if slot == "deaths" or (state == "killed" and slot in ("civilians", "population")):
        # "31 civilians killed", "two people were killed", "18 bodies": one death toll
        return "deaths"
    if slot == "wounded" or (state == "wounded" and slot in ("civilians", "population")):
        return "wounded"
    return f"{slot} {state}".strip()


def _state(text: str, quantity: Quantity) -> str:
    """What the counted are doing, from the words around the number: "12,000 civilians remain" and
    "7,500 are still here" count the same thing; "evacuated 230 people" counts another. The nearest
    such words decide: in "killing six people and wounding 31" the six are dead, the 31 wounded."""
    start = max(0, quantity.span.start - 40)
    window = text[start : quantity.span.end + 90]
    number_at, number_end = quantity.span.start - start, quantity.span.end - start
    nearest: tuple[int, int, str] | None = None
    for rank, (state, words) in enumerate(_state_patterns()):
        for found in words.finditer(window):
            distance = max(number_at - found.end(), found.start() - number_end, 0)
            if nearest is None or (distance, rank) < nearest[:2]:
                nearest = (distance, rank, state)
    if nearest is None and _BEFORE_THE_WAR.search(text):
        # A frame for the whole sentence, however far from its number: "the town, where before the
        # start of the special military operation lived more than 32 thousand people".
        return "before the war"
    return nearest[2] if nearest else ""


@lru_cache(maxsize=1)
def _state_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return (
        *((state, re.compile(words, re.I)) for state, words in _STATES),
        ("before the war", _BEFORE_THE_WAR),
    )


_NO_ONE: Final = re.compile(
    # "no one was killed", "No civilian driver lost his life", "not a single soldier was wounded"
    r"\b(?:nobody|no\s+one|not\s+(?:a\s+)?single|no)\s+(?P<who>(?:[\w-]+\s+){0,2}?(?:of\s+(?:the\s+)?[\w-]+\s+)?"
    r"(?:[\w-]+\s+){0,2}?)"
    r"(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+)?"
    r"(?P<what>killed|died|lost\s+(?:his|her|their)\s+li(?:fe|ves)|wounded|injured|hurt|captured)\b"
    # "there were no casualties", "no deaths were reported"
    r"|\b(?:there\s+(?:were|was|have\s+been|had\s+been)\s+no|no)\s+(?:[a-z-]+\s+)?"
    r"(?P<counted>casualties|deaths|fatalities|victims|injuries|dead)\b",
    re.I,
)
_NO_ONE_SLOTS: Final = {
    "killed": "deaths", "died": "deaths", "wounded": "wounded", "injured": "wounded", "hurt": "wounded",
    "casualties": "casualties", "deaths": "deaths", "fatalities": "deaths", "victims": "deaths",
    "captured": "prisoners taken",
    "injuries": "wounded", "dead": "deaths",
}  # fmt: skip


def _no_one(text: str) -> Iterator[tuple[str, Quantity]]:
    """Tolls of nobody, as a count of zero: "no civilian driver lost his life" disputes "nine of our
    drivers were killed"."""
    for found in _NO_ONE.finditer(text):
        word = (found["what"] or found["counted"]).lower()
        slot = "deaths" if word.startswith("lost") else _NO_ONE_SLOTS[word]
        about = (found["who"] or "").strip() or word
        span = Span("claim", found.start(), found.end())
        yield slot, Quantity(span, found.group(0), 0.0, None, None, None, about, STAGE)


def _earlier_value(text: str, quantity: Quantity) -> bool:
    """ "down from 12,000 in March": a figure given as the past value of the claim's own number."""
    return bool(
        re.search(r"\b(?:from|than)\s+$", text[max(0, quantity.span.start - 12) : quantity.span.start])
    )


_TOLLS: Final = frozenset({"deaths", "wounded", "casualties"})
# A toll is given "at least" so many: the count known so far, not an open bound. It may still grow as
# the dead are found ("at least 12" and then 13), but a count half as large again is another count
# ("at least 19 killed" and "at least 43 killed" dispute each other).
_TOLL_FLOORS: Final = frozenset({"at least", "no fewer than", "no less than", "not less than"})


def _numbers_disagree(a: Quantity, b: Quantity, *, toll: bool = False) -> bool:
    low_a, high_a = _bounds(a, toll=toll)
    low_b, high_b = _bounds(b, toll=toll)
    return high_a < low_b or high_b < low_a


def _bounds(q: Quantity, *, toll: bool = False) -> tuple[float, float]:
    """The interval a quantity allows, widened by its hedge and roundness."""
    low, high = q.value, q.high if q.high is not None else q.value
    qualifier = q.qualifier or ""
    if toll and qualifier in _TOLL_FLOORS:
        return low, high * 1.5 + 2
    if qualifier in (
        "more than",
        "over",
        "at least",
        "vague",
        "no fewer than",
        "no less than",
        "not less than",
    ):
        return low, float("inf")
    if qualifier in (
        "less than",
        "fewer than",
        "under",
        "up to",
        "at most",
        "as many as",
        "no more than",
        "not more than",
    ):
        return 0.0, high
    hedged = qualifier in (
        "about",
        "around",
        "approximately",
        "roughly",
        "nearly",
        "almost",
        "some",
        "estimated",
    )
    round_number = low >= 100 and low % (10 ** (len(str(int(low))) - 1)) == 0
    tolerance = 0.05 if hedged else 0.03 if round_number else 0.01
    return low * (1 - tolerance), high * (1 + tolerance)


def wording(text: str) -> str:
    """A sentence's words, lower-cased: copies of one sentence have one wording."""
    return " ".join(re.findall(r"\w+", text.lower()))


def disputes_in_blocks(
    claims: Sequence[tuple[Side, Reading]],
    *,
    blocks_wanted: Collection[tuple[str, str]] | None = None,
    involving: Collection[int] | None = None,
    voices: Mapping[str, str] | None = None,
) -> Iterator[Dispute]:
    """Disputes among claims of different documents, each claim standing for its wording (the caller
    keeps the first copy of each: a wire story carried by ten outlets is compared once); with
    ``involving`` (indices into ``claims``), only those with a side among them.

    Two claims of one document are compared when two voices make them: statements of two speakers
    (``voices`` gives who makes each statement, by its id), or a statement and the document's own
    narration ("Moscow says the village is taken; the brigade says it holds").

    Claims are compared only within blocks that share a place (or a stance's subject, or a destroyed
    structure) and a predicate (a number slot, status, encirclement, destruction, stance), so the work
    grows with the claims that could disagree, not with all pairs; with ``blocks_wanted``, only in
    those blocks. Two claims are compared in the first block they share, so a caller going through
    the blocks in parts, each part with every claim of its blocks, compares each pair once."""
    blocks: dict[tuple[str, str, int | None], list[int]] = defaultdict(list)
    keys_of: list[set[tuple[str, str]]] = []
    for i, (_, reading) in enumerate(claims):
        week = _week(reading.when)
        keys_of.append(block_keys(reading, doc=claims[i][0].doc))
        for place, predicate in keys_of[i]:
            if blocks_wanted is None or (place, predicate) in blocks_wanted:
                blocks[(place, predicate, week)].append(i)
    dated: dict[tuple[str, str], list[int]] = defaultdict(list)
    for (place, predicate, week), members in blocks.items():
        if week is not None:
            dated[(place, predicate)].extend(members)
    for (place, predicate, week), members in blocks.items():
        # Reports at most 14 days apart fall in the same fortnight or in neighbouring ones; an undated
        # report may be of any time, so it meets every dated one.
        if week is None:
            others = dated.get((place, predicate), [])
        else:
            others = blocks.get((place, predicate, week + 1), [])
        for n, i in enumerate(members):
            for j in members[n + 1 :] + others:
                if involving is not None and i not in involving and j not in involving:
                    continue
                side_a, reading_a = claims[i]
                side_b, reading_b = claims[j]
                one_story = side_a.doc == side_b.doc
                # Two claims sharing several blocks are compared in the first of them only: no record
                # of the pairs compared, which grow with the square of the largest block.
                if min(keys_of[i] & keys_of[j]) != (place, predicate):
                    continue
                if one_story:
                    if _one_voice(_voice(side_a, voices), _voice(side_b, voices)):
                        continue
                elif _copies(side_a) == _copies(side_b):
                    continue
                found = compare(reading_a, reading_b, one_story=one_story)
                if found is None:
                    continue
                kind, explanation = found
                key = f"{side_a.doc}:{side_a.start}:{side_b.doc}:{side_b.start}:{kind}"
                yield Dispute(
                    id="dsp_" + hashlib.sha1(key.encode()).hexdigest()[:12],
                    kind=kind,
                    topic=_place(reading_a, reading_b) if reading_a.places & reading_b.places else None,
                    a=side_a,
                    b=side_b,
                    explanation=explanation,
                )


def _week(day: dt.date | None) -> int | None:
    """A fortnight's number: claims reported within 14 days of each other share it or are neighbours."""
    return None if day is None else day.toordinal() // SAME_TIME_DAYS


def _voice(side: Side, voices: Mapping[str, str] | None) -> str | None:
    """Who makes a claim: its statement's speaker, or None for the document's own narration."""
    if side.statement is None:
        return None
    return (voices or {}).get(side.statement, side.statement)


def _one_voice(a: str | None, b: str | None) -> bool:
    """Whether two speakers may be one: the same words, or one named by part of the other's ("the
    governor" after "the regional governor"); the narration is one voice."""
    if a is None or b is None:
        return a is b
    words_a, words_b = set(re.findall(r"\w+", a)) - {"the"}, set(re.findall(r"\w+", b)) - {"the"}
    return words_a <= words_b or words_b <= words_a


def _copies(side: Side) -> str:
    return side.copies or side.doc


def _copied_wordings(sides: Sequence[Side]) -> set[tuple[str, str]]:
    """(group, wording) pairs that repeat a wording already counted for an earlier group: the same
    sentence in two unrelated documents is one source too (a quoted statement, a copied line)."""
    first_group: dict[str, str] = {}
    repeated: set[tuple[str, str]] = set()
    for side in sorted(sides, key=lambda s: (_copies(s), s.start)):
        words = wording(side.text)
        group = first_group.setdefault(words, _copies(side))
        if group != _copies(side):
            repeated.add((_copies(side), words))
    return repeated


def block_keys(reading: Reading, *, doc: str) -> set[tuple[str, str]]:
    """(topic, predicate) pairs: only claims sharing one are ever compared. The blocks of a story
    (``doc``): a thing attacked in it, and its counts, hold its own claims only."""
    places = reading.places or frozenset({""})
    keys = {
        (place if not slot.endswith("exchanged") else "", f"number {slot}")
        for place in places
        for slot, _ in reading.numbers
    }
    if reading.status or reading.encircled is not None:
        keys |= {(place, "status") for place in places}
    if reading.destroyed is not None:
        keys |= {(thing, "destroyed") for thing in reading.objects}
    if reading.stance:
        keys |= {(topic, "stance") for topic in reading.places | reading.subjects}
    if reading.target:
        keys |= {(place, "target") for place in places}
    if reading.warned is not None:
        keys |= {(place, "warned") for place in places} | {(f"{_THING}{doc}", "warned")}
    if reading.damaged is not None:
        keys |= {(site, "damaged") for site in _sites(reading)} | {(f"{_THING}{doc}", "damaged")}
    if reading.attacker or reading.denies_attack:
        keys |= {(place, "attack") for place in places if place}
        keys |= {(f"{_THING}{doc}{_THING}{thing}", "attack") for thing in reading.attack_words & _TARGETS}
    keys |= {(f"{_THING}{doc}", f"number {slot}") for slot, _ in reading.numbers}
    return keys


_THING: Final = "#"  # a block of one story: its document's id, and the thing attacked


@dataclass(frozen=True, slots=True)
class Assertion:
    """One normal form a claim takes: "Bakhmut — status: held"."""

    topic: str  # its places' name keys, sorted: what claims are grouped by
    shown: str  # its places as written, for reading
    predicate: str
    value: str


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """One normalised assertion ("Bakhmut — status: held") and every sentence that makes it.
    ``independent`` counts distinct wordings: a wire story copied by ten outlets is one source."""

    id: str
    text: str
    topic: str | None
    predicate: str
    value: str
    sides: tuple[Side, ...]
    independent: int


def assertions(reading: Reading) -> list[Assertion]:
    """The normal forms a reading asserts, by which claims are grouped."""
    topic = ", ".join(sorted(reading.places))
    shown = ", ".join(sorted(name for _, name in reading.place_names))
    out = [(slot, _rounded(q)) for slot, q in reading.numbers]
    if reading.status:
        out.append(("status", reading.status))
    if reading.encircled is not None:
        out.append(("encircled", "yes" if reading.encircled else "no"))
    if reading.destroyed is not None:
        for thing in sorted(reading.objects) or ["structure"]:
            out.append((f"{thing} destroyed", "yes" if reading.destroyed else "no"))
    if reading.stance:
        out.append(("judged", "negatively" if reading.stance == "unimportant" else "positively"))
    if reading.target:
        out.append(("strike hit", reading.target))
    if reading.attacker:
        out.append(("attacked by", reading.attacker))
    if reading.denies_attack:
        out.append(("attack", "denied"))
    if reading.damaged is not None:
        out.append(("facility damaged", "yes" if reading.damaged else "no"))
    if reading.warned is not None:
        out.append(("warned in time", "yes" if reading.warned else "no"))
    return [Assertion(topic, shown, predicate, value) for predicate, value in out]


def group_claims(claims: Iterable[tuple[Side, Sequence[Assertion]]]) -> list[ClaimGroup]:
    """Claims grouped across documents by their normal form (same topic, predicate and value)."""
    groups: dict[tuple[str, str, str], list[Side]] = defaultdict(list)
    shown: dict[str, str] = {}  # a topic's keys -> its places as first written
    for side, made in claims:
        for assertion in made:
            groups[(assertion.topic, assertion.predicate, assertion.value)].append(side)
            shown.setdefault(assertion.topic, assertion.shown)
    out: list[ClaimGroup] = []
    for (topic_key, predicate, value), sides in sorted(groups.items()):
        topic = shown.get(topic_key, topic_key)
        text = f"{topic or 'unnamed place'} — {predicate}: {value}"
        out.append(
            ClaimGroup(
                id="clm_" + hashlib.sha1(text.encode()).hexdigest()[:12],
                text=text,
                topic=topic or None,
                predicate=predicate,
                value=value,
                sides=tuple(sides),
                independent=len({(_copies(s), wording(s.text)) for s in sides} - _copied_wordings(sides)),
            )
        )
    return out


def _rounded(quantity: Quantity) -> str:
    """A quantity's value as a claim states it, with its hedge: "about 12,000", "200-400 m"."""
    value = f"{quantity.value:,.0f}" if quantity.value == int(quantity.value) else f"{quantity.value:,}"
    if quantity.high is not None:
        value += f"-{quantity.high:,.0f}"
    if quantity.unit:
        value += f" {quantity.unit}"
    hedge = _HEDGES.get(quantity.qualifier or "", quantity.qualifier)
    return f"{hedge} {value}" if hedge and hedge != "vague" else value


# Hedges that say the same thing, so that "some 12,000" and "about 12,000" are one claim.
_HEDGES: Final = {
    "around": "about", "approximately": "about", "roughly": "about", "some": "about", "estimated": "about",
    "an estimated": "about", "nearly": "almost", "over": "more than", "fewer than": "less than",
    "under": "less than",
}  # fmt: skip
