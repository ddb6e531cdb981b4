"""Ingest at scale: synthetic corpora of 1k, 10k and 100k documents, ours next to bare spaCy.

Corpus. The cleaned texts of samples/corpus (read back from a throwaway store the sample corpus is
ingested into once) are the stories. A synthetic document opens with one story's lead paragraph,
keeps about half of that story's other paragraphs in order and puts paragraphs of the other stories
in between (5 to 10 paragraphs in all, about as long as the samples); a paragraph without quotations
sometimes loses a sentence. Then it is recast. The sample corpus's people (governor, mayor, colonel,
minister, general, mercenary, analyst, residents), places (town, region, river, village) and some
organisations become ones drawn from generated pools, in the sample's spelling style (Ukrainian or
Russian-style transliteration, capitals in a dateline). The pools grow with N: about N/25 towns,
each with its own region, river, mayor and brigade, and N/8 names each for men and women, a few of
them drawn far more often than the rest; about N/5 distinct people end up named, fewer as N grows
relative to the mentions. Figures are scaled by a per-document factor (same significant figures,
percentages kept below 100), the publication date is spread over 2024 and the weekdays, month names
and dates in the text move with it, and two "said" in seven become "stated" or "added". Two
documents thus share little wording: most pairs have no five-word shingle in common. About 5% are
wire copies of a story up to 20 documents earlier: another outlet and URL, perhaps a day later, one
or two words or sentences changed, sometimes a dateline added (shingle similarity about 0.8-0.97), so
copy detection has work. The records are JSONL (url, title, outlet, authors, published, text) in
files of --shard lines, written one at a time; every document is a function of (seed, N, index), so
the same command writes the same corpus.

Measured per size, each side in its own child process on the same texts (n_process=2 by default):
  ours  `claimgraph.ingest.ingest` into a fresh store (the pipeline loaded first, timed apart):
        documents/s from loading the pipeline to the end of the corpus-wide stages; the per-document
        phase (read, clean, spaCy, extraction, store) next to the corpus-wide stages
        (`report.corpus_seconds`); store size (.duckdb plus .wal); documents, entity mentions,
        statements and rejections in the store.
  peer  `spacy.load(model)` + `nlp.pipe(texts, n_process=2)` over the JSONL texts, load included.
--peer-max N skips the peer above N documents; the table then says "not measured".
Peak memory: this script samples every 0.2 s the RSS of the child and all its descendants (spaCy's
worker processes) and keeps the largest sum; pages a forked worker shares with its parent count in
both, so the sum is an upper bound. The child's ru_maxrss (its largest single process, itself or a
worker) is a cross-check.
Incremental step (at the largest size, unless --no-incremental): 1% more new documents from the same
pools ingested into that store by a new process, pipeline loaded beforehand. Its per-document seconds
set against the full run's rate, and its corpus-wide seconds against the full run's, show whether new
articles cost in proportion to themselves or to the corpus.

Targets: throughput ratio ours/peer >= 0.7 at every size; peak RSS of ours < 2 GB at 100k; the
corpus-wide stages at 10k take <= 15 times as long as at 1k (near-linear, never quadratic). Other
load on the machine moves the figures.

    python bench/scale.py [--sizes 1000,10000,100000] [--peer-max N] [--no-incremental]
                          [--json FILE] [--n-process 2] [--seed 7] [--keep DIR] [--generate-only]

--json writes the figures after every size, so an interrupted long run keeps what it measured.
On two cores a 1k run takes about three minutes; 100k takes hours.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import itertools
import json
import math
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "corpus"
DEFAULT_SIZES = (1000, 10000, 100000)
TARGET_RATIO = 0.7
TARGET_RSS_MB = 2048
TARGET_RSS_AT = 100_000
TARGET_CORPUS_SLOPE = 1.5  # tenfold corpus: corpus-wide stages at most 15 times as long
SAMPLE_EVERY = 0.2
COPY_SHARE = 0.05
YEAR_START = dt.date(2024, 1, 1)
DEFAULT_PUBLISHED = dt.date(2024, 3, 15)  # for a template without a publication date

# --- who and what the sample corpus names, and what each name stands for ---------------------------

# surface form -> (role, part, style). part: full name, surname or given name of a person; a place;
# an organisation. style: "uk" (Ukrainian transliteration), "ru" (Russian-style), "upper" (dateline).
CAST: dict[str, tuple[str, str, str]] = {
    "Oleksandr Hrytsenko": ("governor", "full", "uk"),
    "Aleksandr Gritsenko": ("governor", "full", "ru"),
    "Hrytsenko": ("governor", "surname", "uk"),
    "Gritsenko": ("governor", "surname", "ru"),
    "Iryna Soroka": ("mayor", "full", "uk"),
    "Irina Soroka": ("mayor", "full", "ru"),
    "Soroka": ("mayor", "surname", "uk"),
    "Mykola Bondar": ("colonel", "full", "uk"),
    "Nikolai Bondar": ("colonel", "full", "ru"),
    "Bondar": ("colonel", "surname", "uk"),
    "Taras Orlenko": ("minister", "full", "uk"),
    "Orlenko": ("minister", "surname", "uk"),
    "Igor Lazutin": ("general", "full", "ru"),
    "Lazutin": ("general", "surname", "ru"),
    "Vadim Kurganov": ("mercenary", "full", "ru"),
    "Vadim": ("mercenary", "given", "ru"),
    "Kurganov": ("mercenary", "surname", "ru"),
    "Ruth Asante": ("analyst", "full", "uk"),
    "Asante": ("analyst", "surname", "uk"),
    "Halyna": ("resident", "given", "uk"),
    "Olena": ("coordinator", "given", "uk"),
    "Velykyi Mlyn": ("town", "place", "uk"),
    "Velikiy Mlin": ("town", "place", "ru"),
    "VELYKYI MLYN": ("town", "place", "upper"),
    "Zarechna": ("region", "place", "uk"),
    "Ostra": ("river", "place", "uk"),
    "Dubky": ("village", "place", "uk"),
    "Kurgan Company": ("militia", "org", ""),
    "Halden": ("think_tank", "org", ""),
    "Red Meadow": ("volunteers", "org", ""),
    "Northern Grouping": ("grouping", "org", ""),
}
FEMALE_ROLES = frozenset(("mayor", "analyst", "resident", "coordinator"))  # "she" in the samples
NAME_RE = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in sorted(CAST, key=len, reverse=True)) + r")\b")

MALE_GIVEN = (
    ("Oleksandr", "Aleksandr"), ("Mykola", "Nikolai"), ("Serhii", "Sergei"), ("Dmytro", "Dmitry"),
    ("Andrii", "Andrei"), ("Volodymyr", "Vladimir"), ("Yurii", "Yuri"), ("Oleh", "Oleg"),
    ("Ihor", "Igor"), ("Vasyl", "Vasily"), ("Petro", "Pyotr"), ("Pavlo", "Pavel"),
    ("Mykhailo", "Mikhail"), ("Viktor", "Viktor"), ("Vadym", "Vadim"), ("Taras", "Taras"),
    ("Bohdan", "Bogdan"), ("Roman", "Roman"), ("Yevhen", "Yevgeny"), ("Anatolii", "Anatoly"),
    ("Hryhorii", "Grigory"), ("Ivan", "Ivan"), ("Maksym", "Maksim"), ("Artem", "Artyom"),
    ("Stepan", "Stepan"), ("Denys", "Denis"), ("Kostiantyn", "Konstantin"), ("Leonid", "Leonid"),
    ("Valerii", "Valery"), ("Fedir", "Fyodor"),
)  # fmt: skip
FEMALE_GIVEN = (
    ("Iryna", "Irina"), ("Olena", "Elena"), ("Halyna", "Galina"), ("Nataliia", "Natalya"),
    ("Oksana", "Oksana"), ("Tetiana", "Tatyana"), ("Liudmyla", "Lyudmila"), ("Mariia", "Maria"),
    ("Kateryna", "Yekaterina"), ("Yuliia", "Yulia"), ("Svitlana", "Svetlana"), ("Hanna", "Anna"),
    ("Larysa", "Larisa"), ("Valentyna", "Valentina"), ("Olha", "Olga"), ("Viktoriia", "Viktoria"),
    ("Nadiia", "Nadezhda"), ("Zoia", "Zoya"), ("Lesia", "Lesya"), ("Khrystyna", "Kristina"),
)  # fmt: skip
SURNAME_STEMS = (
    "Koval Melnyk Shevch Bond Tkach Kravch Oliin Lys Moroz Petr Savch Rudn March Hryts Pavl Sydor Kozl "
    "Vasyl Ostap Horb Zhuk Levch Karp Fedor Holub Demch Kuzm Tymosh Yarem Danyl Bil Zaits Chorn Kost "
    "Lytv Prokop Hordi Sor Orl Lazut Bereh Voron Sokol Dovh Shyr Muz Ryb Solov Hnat Kryv"
).split()
SURNAME_MIDDLES = ("", "", "", "an", "el", "ov", "yk", "ar", "ush")
SURNAME_SUFFIXES = ("enko", "uk", "chuk", "ko", "ov", "ev", "in", "ovych", "skyi", "ets", "iak", "yn", "ak")
FEMININE_ENDINGS = (("skyi", "ska"), ("ov", "ova"), ("ev", "eva"), ("in", "ina"), ("yn", "yna"))
PLACE_STEMS = (
    "Bor Dub Lys Kam Ber Hor Mal Zel Vol Pol Tern Krasn Sokol Vyshn Lozov Myrn Pisk Step Kol Yas Chern "
    "Bil Zolot Ozer Riz Shyr Sosn Topol Vil Hrab Kyn Luh Prud Ridk Sad Tsv Vyr Zhyt Mlyn Klen"
).split()
PLACE_MIDDLES = ("", "", "o", "yn", "ar", "ets")
PLACE_SUFFIXES = (
    "ivka", "ove", "ne", "ky", "yn", "opil", "horod", "ivske", "any", "ets", "ychi", "ivtsi", "ok"
)  # fmt: skip
PLACE_PREFIXES = ("Velykyi", "Mala", "Nova", "Stara", "Verkhnia", "Nyzhnia")
RIVER_SUFFIXES = ("a", "ets", "ka", "yn", "ia", "ava")
REGION_SUFFIXES = ("a", "ska", "ivshchyna", "ytsia", "ana")
THINK_TANKS = (
    "Halden Ardent Meridian Northgate Kestrel Linden Carver Ashby Brenner Ostrand Vantage Harrow Fenwick "
    "Corran Lisle Marlow"
).split()
COLOURS = ("Red", "Green", "Blue", "White", "Golden", "Silver", "Black", "Grey")
GROUP_NOUNS = ("Meadow", "River", "Cross", "Hands", "Road", "Harbour", "Bridge", "Star")
GROUPINGS = ("Northern", "Southern", "Eastern", "Western", "Central", "Coastal")
OUTLET_NOUNS = ("Courier", "Herald", "Daily", "Post", "Monitor", "Observer", "Gazette", "Times", "Dispatch")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH = "|".join(MONTHS)
# At one position a date is tried before a brigade ordinal, and both before a bare number, so a date's
# day and year are never scaled as quantities.
FIGURE_RE = re.compile(
    rf"(?P<date>\b(?:(?P<d1>\d{{1,2}}) )?(?P<month>{_MONTH})"
    r"(?: (?P<d2>\d{1,2}),)?(?: (?P<year>\d{4}))?\b)"
    r"|(?P<brigade>\b\d+(?:st|nd|rd|th) Brigade\b)"
    rf"|(?P<weekday>\b(?:{'|'.join(WEEKDAYS)})\b)"
    r"|(?P<num>\b\d{1,3}(?:,\d{3})+\b|\b\d+\b)"
)
# Light edits that make a wire copy differ from its original by a word.
SYNONYMS = (
    (" said ", " stated "),
    (" about ", " around "),
    (" told ", " informed "),
    (" more than ", " over "),
    (" town ", " city "),
    (" warned ", " cautioned "),
    (" claimed ", " asserted "),
)
# Reporting verbs vary from one writer to the next.
SAID_RE = re.compile(r"\bsaid\b")
SAID_VARIANTS = ("said", "said", "said", "said", "said", "stated", "added")
SENTENCE_RE = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z“\"])")


# --- the generated world ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Person:
    given_uk: str
    given_ru: str
    surname: str
    stem: str

    def render(self, part: str, style: str) -> str:
        given = self.given_ru if style == "ru" else self.given_uk
        surname = russian_style(self.surname) if style == "ru" else self.surname
        if part == "given":
            return given
        if part == "surname":
            return surname
        return f"{given} {surname}"


@dataclass(frozen=True, slots=True)
class Town:
    name: str
    region: int
    river: str
    village: str
    mayor: int
    colonel: int
    brigade: int


@dataclass(frozen=True, slots=True)
class Template:
    text: str
    title: str
    outlet: str
    published: dt.date | None


@dataclass(slots=True)
class Record:
    fields: dict[str, Any]
    town: str
    region: str
    copy_of: int | None = None


def russian_style(name: str) -> str:
    """A name as Russian-language sources transliterate it: Hrytsenko -> Gritsenko, Velykyi -> Velikiy."""
    words = []
    for word in name.split(" "):
        word = re.sub(r"yi$", "iy", word).replace("ii", "i")
        word = re.sub(r"(?<=.)y(?!$)", "i", word)
        word = re.sub(r"(?<=.)(?<![KkZzSsCc])h", "g", word)
        words.append("G" + word[1:] if word.startswith("H") else word)
    return " ".join(words)


def log_uniform(rng: random.Random, n: int) -> int:
    """An index in [0, n) where rank k comes up with probability about 1/(k+1): a few are everywhere."""
    return min(n - 1, int((n + 1) ** rng.random()) - 1)


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].rstrip("-")


def round_figures(value: float, figures: int) -> int:
    if value < 1:
        return 1
    scale = 10 ** max(0, math.floor(math.log10(value)) + 1 - figures)
    return max(1, int(round(value / scale) * scale))


@dataclass(slots=True)
class Cast:
    """Who and what one document names, by role."""

    people: dict[str, tuple[tuple[int, bool], Person]]
    places: dict[str, str]
    orgs: dict[str, str]
    brigade: int


class World:
    """The pools a corpus of `size` documents draws from; every draw is seeded by (seed, size, key)."""

    def __init__(self, size: int, seed: int, templates: Sequence[Template]) -> None:
        self.size = size
        self.seed = seed
        self.templates = templates
        self.n_people = max(60, size // 8)
        self.n_towns = max(20, size // 25)
        self.n_regions = max(5, min(30, self.n_towns // 20))
        self.n_rivers = max(5, self.n_towns // 10)
        self.n_outlets = max(8, size // 500)
        self.n_journalists = max(12, size // 100)
        rng = self.rng("ministers")
        self.ministers = [rng.randrange(self.n_people) for _ in range(4)]  # one per quarter of 2024
        self._people: dict[tuple[str, int, bool], Person] = {}
        self._towns: dict[int, Town] = {}
        self.people_named: set[tuple[int, bool]] = set()
        self.towns_named: set[str] = set()

    def rng(self, *key: object) -> random.Random:
        return random.Random("/".join(str(k) for k in (self.seed, self.size, *key)))

    def person(self, index: int, female: bool, kind: str = "person") -> Person:
        key = (kind, index, female)
        if (found := self._people.get(key)) is not None:
            return found
        rng = self.rng(*key)
        given_uk, given_ru = rng.choice(FEMALE_GIVEN if female else MALE_GIVEN)
        stem = rng.choice(SURNAME_STEMS) + rng.choice(SURNAME_MIDDLES)
        surname = stem + rng.choice(SURNAME_SUFFIXES)
        if female:
            for masculine, feminine in FEMININE_ENDINGS:
                if surname.endswith(masculine):
                    surname = surname[: -len(masculine)] + feminine
                    break
        person = Person(given_uk, given_ru, surname, stem)
        self._people[key] = person
        return person

    def place(self, kind: str, index: int) -> str:
        rng = self.rng(kind, index)
        stem = rng.choice(PLACE_STEMS) + rng.choice(PLACE_MIDDLES)
        if kind == "river":
            return stem + rng.choice(RIVER_SUFFIXES)
        if kind == "region":
            return stem + rng.choice(REGION_SUFFIXES)
        name = stem + rng.choice(PLACE_SUFFIXES)
        if kind == "town" and rng.random() < 0.2:
            name = f"{rng.choice(PLACE_PREFIXES)} {name}"
        return name

    def town(self, index: int) -> Town:
        if (found := self._towns.get(index)) is not None:
            return found
        rng = self.rng("town-facts", index)
        town = Town(
            name=self.place("town", index),
            region=rng.randrange(self.n_regions),
            river=self.place("river", rng.randrange(self.n_rivers)),
            village=self.place("village", rng.randrange(self.n_towns * 3)),
            mayor=rng.randrange(self.n_people),
            colonel=rng.randrange(self.n_people),
            brigade=rng.randrange(1, 250),
        )
        self._towns[index] = town
        return town

    def outlet(self, index: int) -> tuple[str, str]:
        rng = self.rng("outlet", index)
        name = f"{self.place('outlet-town', index)} {rng.choice(OUTLET_NOUNS)}"
        if rng.random() < 0.4:
            name = f"The {name}"
        return name, domain_of(name)

    def cast(self, rng: random.Random, published: dt.date | None) -> Cast:
        town = self.town(log_uniform(rng, self.n_towns))
        governor = self.rng("governor", town.region).randrange(self.n_people)
        quarter = (published.month - 1) // 3 if published else 0
        # Office holders go with their town, region or quarter; public figures are drawn by popularity;
        # residents come from the whole pool, so most are named once.
        picks = {
            "governor": governor,
            "mayor": town.mayor,
            "colonel": town.colonel,
            "minister": self.ministers[quarter],
            "general": log_uniform(rng, self.n_people),
            "mercenary": log_uniform(rng, self.n_people),
            "analyst": log_uniform(rng, self.n_people),
            "resident": rng.randrange(self.n_people),
            "coordinator": rng.randrange(self.n_people),
        }
        people = {
            role: ((index, role in FEMALE_ROLES), self.person(index, role in FEMALE_ROLES))
            for role, index in picks.items()
        }
        return Cast(
            people=people,
            places={
                "town": town.name,
                "region": self.place("region", town.region),
                "river": town.river,
                "village": town.village,
            },
            orgs={
                "militia": f"{people['mercenary'][1].stem} Company",
                "think_tank": rng.choice(THINK_TANKS),
                "volunteers": f"{rng.choice(COLOURS)} {rng.choice(GROUP_NOUNS)}",
                "grouping": f"{rng.choice(GROUPINGS)} Grouping",
            },
            brigade=town.brigade,
        )

    # --- documents ---

    def is_copy(self, index: int) -> bool:
        return index > 0 and self.rng("is-copy", index).random() < COPY_SHARE

    def record(self, index: int) -> Record:
        if not self.is_copy(index):
            return self.original(index)
        source = index - self.rng("copy-of", index).randint(1, 20)
        while source >= 0 and self.is_copy(source):
            source -= 1
        if source < 0:
            return self.original(index)
        return self.wire_copy(index, source, self.original(source))

    def original(self, index: int) -> Record:
        rng = self.rng("doc", index)
        lead = rng.randrange(len(self.templates))
        template = self.templates[lead]
        published = YEAR_START + dt.timedelta(days=rng.randrange(366)) if rng.random() < 0.95 else None
        paragraphs = paragraphs_of(template.text)
        # The lead paragraph, some of its own story's paragraphs in order, and paragraphs from the
        # other stories in between: two documents share little wording beyond what a recast name
        # or figure changes, as two reports of one war would.
        body = [p for p in paragraphs[1:] if rng.random() < 0.5]
        others = [p for k, t in enumerate(self.templates) if k != lead for p in paragraphs_of(t.text)[1:]]
        for _ in range(min(len(others), max(0, rng.randint(4, 8) - len(body)))):
            body.insert(rng.randint(0, len(body)), others.pop(rng.randrange(len(others))))
        body = [shortened(p, rng) if rng.random() < 0.3 else p for p in body]
        cast = self.cast(rng, published)
        shift = (published or DEFAULT_PUBLISHED) - (template.published or DEFAULT_PUBLISHED)
        recast = Recaster(self, cast, rng, shift)
        text = recast("\n\n".join([paragraphs[0], *body]))
        title = recast(template.title)
        if rng.random() < 0.3:
            outlet, domain = template.outlet, domain_of(template.outlet)
        else:
            outlet, domain = self.outlet(log_uniform(rng, self.n_outlets))
        authors = [
            self.person(log_uniform(rng, self.n_journalists), rng.random() < 0.4, "journalist").render(
                "full", "uk"
            )
            for _ in range(1 if rng.random() < 0.8 else 2)
        ]
        fields: dict[str, Any] = {
            "url": article_url(domain, published, title, index),
            "title": title,
            "outlet": outlet,
            "authors": authors,
        }
        if published:
            fields["published"] = published.isoformat()
        fields["text"] = text
        return Record(fields, cast.places["town"], cast.places["region"])

    def wire_copy(self, index: int, source: int, original: Record, attempt: int = 0) -> Record:
        """The original lightly edited and republished by another outlet (a day later at most)."""
        rng = self.rng("copy", index, attempt)
        fields = dict(original.fields)
        paragraphs = fields["text"].split("\n\n")
        # One or two word or sentence edits, sometimes a dateline: copies of one story differ from
        # the original and, nearly always, from each other.
        for _ in range(rng.choice((1, 1, 2))):
            if rng.random() < 0.5:
                swaps = [
                    (k, m.start(), old, new)
                    for k, paragraph in enumerate(paragraphs)
                    for old, new in SYNONYMS
                    for m in re.finditer(re.escape(old), paragraph)
                ]
                if swaps:
                    k, at, old, new = rng.choice(swaps)
                    paragraphs[k] = paragraphs[k][:at] + new + paragraphs[k][at + len(old) :]
                    continue
            if cuttable := [k for k, p in enumerate(paragraphs) if shortened(p, rng) != p]:
                k = rng.choice(cuttable)
                paragraphs[k] = shortened(paragraphs[k], rng)
            else:
                paragraphs.append("This article was republished from a wire service.")
        if rng.random() < 0.5 and not paragraphs[0].startswith(original.town.upper()):
            dateline = f"{original.town.upper()}, {original.region} region ({fields['outlet']}) - "
            paragraphs[0] = dateline + paragraphs[0]
        outlet, domain = self.outlet(log_uniform(rng, self.n_outlets))
        if outlet == fields["outlet"]:
            outlet, domain = self.outlet(
                (self.n_outlets // 2 + log_uniform(rng, self.n_outlets)) % self.n_outlets
            )
        published = dt.date.fromisoformat(fields["published"]) if "published" in fields else None
        if published and rng.random() < 0.4:
            published += dt.timedelta(days=1)
            fields["published"] = published.isoformat()
        fields.pop("text")
        fields["url"] = article_url(domain, published, fields["title"], index)
        fields["outlet"] = outlet
        fields["text"] = "\n\n".join(paragraphs)
        return Record(fields, original.town, original.region, copy_of=source)


class Recaster:
    """One document's substitutions: names by role, figures scaled, dates moved; a repeated figure
    gets the same new value throughout the document."""

    def __init__(self, world: World, cast: Cast, rng: random.Random, shift: dt.timedelta) -> None:
        self.world = world
        self.cast = cast
        self.rng = rng
        self.shift = shift
        self.factor = math.exp(rng.uniform(-0.7, 0.7))
        self.figures: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        text = FIGURE_RE.sub(self._figure, NAME_RE.sub(self._name, text))
        return SAID_RE.sub(lambda _: self.rng.choice(SAID_VARIANTS), text)

    def _name(self, match: re.Match[str]) -> str:
        role, part, style = CAST[match.group(0)]
        if part == "org":
            return self.cast.orgs[role]
        if part == "place":
            name = self.cast.places[role]
            if role == "town":
                self.world.towns_named.add(name)
            if style == "ru":
                return russian_style(name)
            return name.upper() if style == "upper" else name
        key, person = self.cast.people[role]
        self.world.people_named.add(key)
        return person.render(part, style)

    def _figure(self, match: re.Match[str]) -> str:
        if match.group("date"):
            return self._date(match)
        if weekday := match.group("weekday"):
            return WEEKDAYS[(WEEKDAYS.index(weekday) + self.shift.days) % 7]
        if match.group("brigade"):
            return f"{ordinal(self.cast.brigade)} Brigade"
        raw = match.group("num")
        value = int(raw.replace(",", ""))
        if value == 0 or ("," not in raw and 1900 <= value <= 2100):  # a year stays as it is
            return raw
        if raw not in self.figures:
            figures = max(1, len(str(value).rstrip("0")))
            if match.string[match.end() : match.end() + 9].startswith((" percent", "%", " per cent")):
                new = min(95, max(5, round_figures(value * math.exp(self.rng.uniform(-0.4, 0.2)), figures)))
            else:
                new = round_figures(value * self.factor * math.exp(self.rng.uniform(-0.1, 0.1)), figures)
            self.figures[raw] = f"{new:,}" if "," in raw or new >= 10_000 else str(new)
        return self.figures[raw]

    def _date(self, match: re.Match[str]) -> str:
        month = MONTHS.index(match.group("month")) + 1
        day_text = match.group("d1") or match.group("d2")
        year_text = match.group("year")
        try:
            if day_text:
                moved = dt.date(int(year_text or 2024), month, int(day_text)) + self.shift
                name = MONTHS[moved.month - 1]
                year = f" {moved.year}" if year_text else ""
                if match.group("d1"):
                    return f"{moved.day} {name}{year}"
                return f"{name} {moved.day}," + year
        except ValueError:
            return match.group(0)
        months = (int(year_text or 2024) * 12 + month - 1) + round(self.shift.days / 30.44)
        if year_text:
            return f"{MONTHS[months % 12]} {months // 12}"
        return MONTHS[months % 12]


def shortened(paragraph: str, rng: random.Random) -> str:
    """The paragraph less one sentence, unless it quotes someone (a cut could break the quotation)."""
    sentences = SENTENCE_RE.split(paragraph)
    if len(sentences) < 2 or any(q in paragraph for q in '"“”'):
        return paragraph
    del sentences[rng.randrange(len(sentences))]
    return " ".join(sentences)


def paragraphs_of(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def domain_of(outlet: str) -> str:
    return slug(outlet.removeprefix("The ")).replace("-", "") + ".example"


def article_url(domain: str, published: dt.date | None, title: str, index: int) -> str:
    day = published.strftime("%Y/%m/%d") if published else "undated"
    return f"https://{domain}/{day}/{slug(title)}-{index}"


@dataclass(slots=True)
class Generated:
    docs: int = 0
    copies: int = 0
    distinct_texts: int = 0
    megabytes: float = 0.0
    seconds: float = 0.0
    people_named: int = 0
    towns_named: int = 0
    files: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__ if name != "files"}


def write_corpus(world: World, folder: Path, start: int, count: int, shard: int) -> Generated:
    """Documents start..start+count-1 as JSONL shards in `folder`, written one record at a time."""
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    out = Generated()
    hashes: set[int] = set()
    handle = None
    written = 0
    try:
        for index in range(start, start + count):
            if handle is None or (index - start) % shard == 0:
                if handle is not None:
                    handle.close()
                path = folder / f"docs-{index:07d}.jsonl"
                out.files.append(path.name)
                handle = path.open("w", encoding="utf-8")
            record = world.record(index)
            attempt = 0
            while hash(record.fields["text"]) in hashes and record.copy_of is not None and attempt < 5:
                # Another copy of the same story came out with the same edits: edit this one anew.
                attempt += 1
                record = world.wire_copy(index, record.copy_of, world.original(record.copy_of), attempt)
            line = json.dumps(record.fields, ensure_ascii=False) + "\n"
            handle.write(line)
            written += len(line.encode("utf-8"))
            out.docs += 1
            out.copies += record.copy_of is not None
            hashes.add(hash(record.fields["text"]))
    finally:
        if handle is not None:
            handle.close()
    out.distinct_texts = len(hashes)
    out.megabytes = written / 1e6
    out.seconds = time.perf_counter() - started
    out.people_named = len(world.people_named)
    out.towns_named = len(world.towns_named)
    return out


# --- the measured sides, each run as a child process of this script -------------------------------


def own_max_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def side_templates(out: Path) -> dict[str, Any]:
    """Ingest samples/corpus into a throwaway store and write its cleaned documents to `out`."""
    from claimgraph.ingest import ingest
    from claimgraph.settings import Settings
    from claimgraph.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=str(Path(tmp) / "samples.duckdb"), n_process=1, progress=False)
        report = ingest([SAMPLES], settings=settings)
        with Store(settings.db, read_only=True) as store:
            templates = [
                {
                    "text": doc.text,
                    "title": doc.metadata.title or "",
                    "outlet": doc.metadata.outlet or "Wire",
                    "published": doc.metadata.published.isoformat() if doc.metadata.published else None,
                }
                for doc in store.documents()
            ]
    out.write_text(json.dumps(templates, ensure_ascii=False), encoding="utf-8")
    return {"templates": len(templates), "rejected": len(report.rejected)}


def side_ours(folder: Path, db: Path, n_process: int) -> dict[str, Any]:
    """`ingest` of every shard in `folder` into the store `db` (new or existing)."""
    from claimgraph.ingest import ingest
    from claimgraph.nlp import load_pipeline
    from claimgraph.settings import Settings
    from claimgraph.store import Store

    settings = Settings(db=str(db), n_process=n_process, progress=False)
    started = time.perf_counter()
    nlp = load_pipeline(settings=settings)
    load = time.perf_counter() - started
    report = ingest([folder], settings=settings, nlp=nlp)
    seconds = time.perf_counter() - started
    with Store(settings.db, read_only=True) as store:
        counts = store.counts()
    wal = db.with_name(db.name + ".wal")
    store_bytes = db.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    return {
        "new": report.new,
        "unchanged": report.unchanged,
        "rejected": len(report.rejected),
        "rejections": [f"{r.source}: {r.reason}" for r in report.rejected[:5]],
        "seconds": seconds,
        "load_seconds": load,
        "per_document_seconds": report.seconds - report.corpus_seconds,
        "corpus_seconds": report.corpus_seconds,
        "corpus_stage_seconds": report.corpus.seconds if report.corpus else {},
        "store_mb": store_bytes / 2**20,
        "documents": counts.documents,
        "entity_mentions": counts.entity_mentions,
        "statements": counts.statements,
        "max_rss_mb": own_max_rss_mb(),
    }


def jsonl_texts(folder: Path) -> Iterator[str]:
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)["text"]


def side_bare(folder: Path, n_process: int) -> dict[str, Any]:
    """Bare spaCy over the same texts: the model as installed, nlp.pipe with our batch size."""
    import spacy

    from claimgraph.settings import DEFAULT_SETTINGS

    started = time.perf_counter()
    nlp = spacy.load(DEFAULT_SETTINGS.spacy_model)
    load = time.perf_counter() - started
    count = sum(
        1
        for _ in nlp.pipe(
            jsonl_texts(folder), n_process=n_process, batch_size=DEFAULT_SETTINGS.nlp_batch_size
        )
    )
    return {
        "docs": count,
        "seconds": time.perf_counter() - started,
        "load_seconds": load,
        "max_rss_mb": own_max_rss_mb(),
    }


def tree_rss(process: Any) -> int:
    """RSS in bytes of a process and all its descendants, summed (0 once it has gone)."""
    import psutil

    try:
        members = [process, *process.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for member in members:
        with contextlib.suppress(psutil.Error):  # a worker that ended since the listing
            total += member.memory_info().rss
    return total


class ChildFailed(Exception):
    """A side ended with an error; its message ends with the tail of the child's stderr."""


def run_child(side: str, *options: str) -> dict[str, Any]:
    """Run one side in a child process, sampling the peak RSS of its process tree meanwhile."""
    import psutil

    command = [sys.executable, str(Path(__file__).resolve()), "--side", side, *options]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err, text=True)
        peak = 0
        try:
            tree = psutil.Process(child.pid)
            while child.poll() is None:
                peak = max(peak, tree_rss(tree))
                time.sleep(SAMPLE_EVERY)
        except psutil.NoSuchProcess:
            pass
        child.wait()
        wall = time.perf_counter() - started
        if child.returncode != 0:
            err.seek(0)
            raise ChildFailed(f"the {side} side failed (exit {child.returncode}):\n{err.read()[-3000:]}")
        out.seek(0)
        result: dict[str, Any] = json.loads(out.read().strip().splitlines()[-1])
    result["peak_tree_mb"] = peak / 2**20
    result["wall_seconds"] = wall
    return result


# --- the run -------------------------------------------------------------------------------------


def load_templates(workdir: Path) -> list[Template]:
    path = workdir / "templates.json"
    run_child("templates", "--out", str(path))
    rows = json.loads(path.read_text(encoding="utf-8"))
    if not rows:
        sys.exit(f"no documents came out of {SAMPLES}")
    return [
        Template(
            text=row["text"],
            title=row["title"],
            outlet=row["outlet"],
            published=dt.date.fromisoformat(row["published"]) if row["published"] else None,
        )
        for row in rows
    ]


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"--sizes takes numbers separated by commas, not {text!r}") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("--sizes needs at least one positive number")
    return sizes


def measure_size(
    size: int, templates: Sequence[Template], workdir: Path, args: argparse.Namespace, *, increment: bool
) -> dict[str, Any]:
    """Generate the corpus of one size, then run ours, the peer and the incremental step on it.

    A side that fails is recorded with its error (and printed) so that the other sizes still run.
    """
    folder = workdir / f"size-{size}"
    shutil.rmtree(folder, ignore_errors=True)  # a kept folder from an earlier run starts afresh
    corpus, db = folder / "corpus", folder / "store.duckdb"
    world = World(size, args.seed, templates)
    generated = write_corpus(world, corpus, 0, size, args.shard)
    log(
        f"[{size}] generated {generated.docs} documents ({generated.copies} wire copies, "
        f"{generated.distinct_texts} distinct texts, {generated.people_named} people and "
        f"{generated.towns_named} towns named, {generated.megabytes:.1f} MB) in {generated.seconds:.1f} s"
    )
    row: dict[str, Any] = {"size": size, "generated": generated.figures(), "ours": None, "peer": None}
    row["ratio"] = row["increment"] = None
    if args.generate_only:
        return row
    n_process = str(args.n_process)
    try:
        ours = run_child("ours", "--folder", str(corpus), "--db", str(db), "--n-process", n_process)
        ours["docs_per_second"] = ours["new"] / ours["seconds"]
        row["ours"] = ours
        log(f"[{size}] ours: {ours['new']} stored in {ours['seconds']:.1f} s")
    except ChildFailed as failure:
        row["error"] = str(failure)
        log(f"[{size}] {failure}")
        return row
    if args.peer_max is None or size <= args.peer_max:
        try:
            peer = run_child("bare", "--folder", str(corpus), "--n-process", n_process)
            peer["docs_per_second"] = peer["docs"] / peer["seconds"]
            row["peer"] = peer
            row["ratio"] = ours["docs_per_second"] / peer["docs_per_second"]
            log(f"[{size}] bare spaCy: {peer['docs']} in {peer['seconds']:.1f} s")
        except ChildFailed as failure:
            row["peer"] = {"error": str(failure)}
            log(f"[{size}] {failure}")
    if increment:
        extra = max(1, round(size * args.increment_share))
        added = write_corpus(world, folder / "increment", size, extra, args.shard)
        try:
            step = run_child(
                "ours", "--folder", str(folder / "increment"), "--db", str(db), "--n-process", n_process
            )
            step["generated"] = added.docs
            row["increment"] = step
            log(f"[{size}] increment: {step['new']} more stored in {step['seconds']:.1f} s")
        except ChildFailed as failure:
            row["increment"] = {"error": str(failure), "generated": added.docs}
            log(f"[{size}] {failure}")
    return row


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def failure_line(error: str) -> str:
    """The exception line at the end of a child's traceback."""
    lines = [line for line in error.strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else error


def report(rows: Sequence[dict[str, Any]], args: argparse.Namespace) -> dict[str, Any]:
    """Print the tables and the targets; return the verdicts for the JSON file."""

    def peer_cell(row: dict[str, Any], key: str, spec: str, width: int) -> str:
        peer = row["peer"]
        text = "not measured" if peer is None else "failed" if "error" in peer else format(peer[key], spec)
        return f"{text:>{width}}"

    measured = [row for row in rows if row["ours"] is not None]
    print(
        f"\nsynthetic corpora from {SAMPLES.relative_to(ROOT)}, seed {args.seed}, n_process={args.n_process}"
    )
    print(
        f"{'docs':>7} {'ours d/s':>9} {'spaCy d/s':>12} {'ratio':>12} {'RSS ours MB':>12} "
        f"{'RSS spaCy MB':>13} {'store MB':>9} {'per-doc s':>10} {'corpus s':>9}"
    )
    for row in rows:
        ours = row["ours"]
        if ours is None:
            print(f"{row['size']:>7} ours failed: {failure_line(row.get('error', ''))}")
            continue
        ratio = "not measured" if row["ratio"] is None else f"{row['ratio']:.2f}"
        print(
            f"{row['size']:>7} {ours['docs_per_second']:>9.1f} "
            f"{peer_cell(row, 'docs_per_second', '.1f', 12)} {ratio:>12} {ours['peak_tree_mb']:>12.0f} "
            f"{peer_cell(row, 'peak_tree_mb', '.0f', 13)} "
            f"{ours['store_mb']:>9.1f} {ours['per_document_seconds']:>10.1f} {ours['corpus_seconds']:>9.2f}"
        )
    if not measured:
        return {}
    loads = ", ".join(f"{row['ours']['load_seconds']:.1f}" for row in measured)
    print(
        "d/s: documents per second from loading the model to the end (the model took "
        f"{loads} s to load for ours); RSS: peak of the process tree; per-doc s: read, clean, spaCy, "
        "extraction, store; corpus s: the corpus-wide stages after them."
    )
    print(
        f"\n{'docs':>7} {'stored':>7} {'rejected':>8} {'mentions':>9} {'statements':>10} {'copies':>7} "
        f"{'distinct':>8} {'people':>7} {'towns':>6} {'maxrss ours':>11} {'maxrss spaCy':>12}"
    )
    for row in measured:
        ours, gen = row["ours"], row["generated"]
        print(
            f"{row['size']:>7} {ours['documents']:>7} {ours['rejected']:>8} {ours['entity_mentions']:>9} "
            f"{ours['statements']:>10} {gen['copies']:>7} {gen['distinct_texts']:>8} "
            f"{gen['people_named']:>7} {gen['towns_named']:>6} {ours['max_rss_mb']:>11.0f} "
            f"{peer_cell(row, 'max_rss_mb', '.0f', 12)}"
        )
        for rejection in ours["rejections"]:
            print(f"        rejected: {rejection}")
    print(
        "copies: wire copies generated; distinct: documents whose text no other has; people, towns: "
        "distinct ones named; maxrss: ru_maxrss, the largest single process (MB)"
    )
    for row in measured:
        step = row["increment"]
        if step is None:
            continue
        if "error" in step:
            print(
                f"\nincrement at {row['size']} ({step['generated']} documents) failed: "
                + failure_line(step["error"])
            )
            continue
        full = row["ours"]
        full_rate = full["per_document_seconds"] / max(1, full["new"])
        step_rate = step["per_document_seconds"] / max(1, step["new"])
        print(
            f"\nincrement at {row['size']}: {step['new']} new documents into the same store "
            f"({step['rejected']} rejected): per-document stages {step['per_document_seconds']:.1f} s "
            f"({step_rate * 1000:.0f} ms/doc; the full run {full_rate * 1000:.0f} ms/doc), corpus-wide "
            f"stages {step['corpus_seconds']:.2f} s (the full run {full['corpus_seconds']:.2f} s), "
            f"peak RSS {step['peak_tree_mb']:.0f} MB"
        )

    targets: dict[str, Any] = {}
    print("\ntargets")
    for row in measured:
        name = f"throughput ratio >= {TARGET_RATIO} at {row['size']}"
        if row["ratio"] is None:
            why = "failed" if row["peer"] else f"--peer-max {args.peer_max}"
            print(f"  {name}: not measured ({why})")
            targets[f"ratio_{row['size']}"] = None
        else:
            ok = row["ratio"] >= TARGET_RATIO
            print(f"  {name}: {row['ratio']:.2f} {verdict(ok)}")
            targets[f"ratio_{row['size']}"] = ok
    by_size = {row["size"]: row for row in measured}
    name = f"peak RSS < {TARGET_RSS_MB} MB at {TARGET_RSS_AT}"
    if TARGET_RSS_AT in by_size:
        peak = by_size[TARGET_RSS_AT]["ours"]["peak_tree_mb"]
        print(f"  {name}: {peak:.0f} MB {verdict(peak < TARGET_RSS_MB)}")
        targets["rss_100k"] = peak < TARGET_RSS_MB
    else:
        largest = measured[-1]
        print(
            f"  {name}: not measured (the largest run, {largest['size']} documents, "
            f"peaked at {largest['ours']['peak_tree_mb']:.0f} MB)"
        )
        targets["rss_100k"] = None
    for small, large in itertools.pairwise(measured):
        growth = large["ours"]["corpus_seconds"] / max(small["ours"]["corpus_seconds"], 1e-9)
        limit = TARGET_CORPUS_SLOPE * large["size"] / small["size"]
        print(
            f"  corpus-wide stages {small['size']} -> {large['size']}: "
            f"{small['ours']['corpus_seconds']:.2f} -> {large['ours']['corpus_seconds']:.2f} s, "
            f"x{growth:.1f} (the same slack as the target would allow x{limit:.1f})"
        )
    name = f"corpus-wide stages 10k/1k <= {TARGET_CORPUS_SLOPE * 10:.0f}"
    if 1000 in by_size and 10000 in by_size:
        growth = by_size[10000]["ours"]["corpus_seconds"] / max(by_size[1000]["ours"]["corpus_seconds"], 1e-9)
        ok = growth <= TARGET_CORPUS_SLOPE * 10
        print(f"  {name}: x{growth:.1f} {verdict(ok)}")
        targets["corpus_10k_over_1k"] = ok
    else:
        print(f"  {name}: not measured (needs sizes 1000 and 10000)")
        targets["corpus_10k_over_1k"] = None
    return targets


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=parse_sizes, default=list(DEFAULT_SIZES), help="e.g. 1000,10000")
    parser.add_argument("--peer-max", type=int, help="measure bare spaCy only up to this many documents")
    parser.add_argument(
        "--incremental",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="after the largest size, ingest --increment-share more documents into its store",
    )
    parser.add_argument("--increment-share", type=float, default=0.01)
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shard", type=int, default=1000, help="records per JSONL file")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep corpora and stores")
    parser.add_argument("--generate-only", action="store_true", help="write the corpora (to --keep) and stop")
    parser.add_argument("--side", choices=("templates", "ours", "bare"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.side == "templates":
        result = side_templates(args.out)
    elif args.side == "ours":
        result = side_ours(args.folder, args.db, args.n_process)
    elif args.side == "bare":
        result = side_bare(args.folder, args.n_process)
    if args.side:
        print(json.dumps(result))
        return 0
    if args.generate_only and args.keep is None:
        parser.error("--generate-only writes to the folder given by --keep")

    rows: list[dict[str, Any]] = []

    def write_json(targets: dict[str, Any] | None) -> None:
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            figures = {"seed": args.seed, "n_process": args.n_process, "peer_max": args.peer_max}
            args.json.write_text(json.dumps({**figures, "sizes": rows, "targets": targets}, indent=2))

    with tempfile.TemporaryDirectory(prefix="claimgraph-scale-") as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        try:
            templates = load_templates(workdir)
        except ChildFailed as failure:
            log(f"cannot read the sample corpus: {failure}")
            return 1
        for size in args.sizes:
            increment = args.incremental and size == args.sizes[-1]
            rows.append(measure_size(size, templates, workdir, args, increment=increment))
            if args.keep is None:
                shutil.rmtree(workdir / f"size-{size}", ignore_errors=True)
            write_json(None)  # what is measured so far survives an interrupted long run
    if args.generate_only:
        return 0
    write_json(report(rows, args))
    if args.json:
        print(f"\nfigures written to {args.json}")
    failed = any(
        "error" in row or any(isinstance(row[k], dict) and "error" in row[k] for k in ("peer", "increment"))
        for row in rows
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
