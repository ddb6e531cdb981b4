"""False merges of entity resolution on real text, against our judgement of a random sample.

The corpus is that of bench/statement_judgements.py, chosen and ingested by its ``select`` and
``store_path`` (see its docstring: press releases of both presidents' offices, English video
addresses and English web pages read where they lie in ../shared, the store kept under
out/statement_judgements/ and rebuilt with ``--rebuild``). The entities are the export's
(``claimgraph.export.entity_record``): by default as the current resolution rules make them from the
store's entity mentions (``claimgraph.update.resolve_stored_mentions``: resolving takes seconds, so a
change to src/claimgraph/resolve shows without ingesting again; the mentions are the ingest's), with
``--stored`` as the store's last ingest resolved them (what ``claimgraph export`` writes).

A multi-name entity is one whose mentions are written under two or more names: the texts of its
mentions, once case, diacritics, a leading "the", a possessive and a person's title are set aside
(``names.display_form`` and ``names.fold``). Names only the knowledge base adds are not counted: they
are no merge. An entity's set is the set of most of its mentions (``press_ru``, ``press_ua``,
``address``, ``page``; a tie goes to the first in that order). ``--sample [N]`` draws N of them
(default 60) split evenly across the sets, ranked within a set by a hash of the seed and the entity's
id (``statement_judgements.draw_sample``), so an entity the rules keep stays in the sample when others
change. Each is printed with its names, and for each name how often it is written, its label and
one mention in context, the entity's description, knowledge-base link and the rules that merged it.
``--find TEXT`` prints every entity with a name containing TEXT (to look for splits).

bench/data/merge_judgements.csv holds the verdicts of every seed (bench/data/README.md gives the
criteria): ``seed``, ``set``, ``entity`` (its id), ``type``, ``names`` (the entity's names as the
sample prints them, sorted, joined by " | ": the only words of the sources the file holds),
``false_merge`` (1 when two of the names denote different real things), ``junk`` (1 when a name is
cut or no name at all), ``split`` (names of other entities that denote the same thing, blank when we
saw none) and ``reason`` (``ok``, or ``class: detail`` parts separated by ``;``). ``--report`` (the
default) matches the rows of the seed to the sampled entities by id and names and prints the
false-merge and junk shares by set and overall; a row whose entity no longer exists with those names
is stale (its merge changed: judge the entity again), and sampled entities with no row are listed.

    python bench/merge_judgements.py [--seed 1] [--rebuild] [--stored] [--report] [--sample [N]]
                                     [--find TEXT]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from claimgraph.export import entity_record
from claimgraph.models import Entity
from claimgraph.query import corpus_entities
from claimgraph.resolve.entities import MergeReason
from claimgraph.resolve.names import display_form, fold
from claimgraph.settings import Settings
from claimgraph.store import Store
from claimgraph.update import resolve_stored_mentions
from statement_judgements import (
    DATA,
    SETS,
    draw_sample,
    judged_store,
    judging_arguments,
    print_reason_classes,
    read_csv,
    share,
    source_name,
)

JUDGEMENTS: Final = DATA / "merge_judgements.csv"
COLUMNS: Final = ("seed", "set", "entity", "type", "names", "false_merge", "junk", "split", "reason")
DEFAULT_SAMPLE: Final = 60
CONTEXT: Final = 90
NAME_SEPARATOR: Final = " | "


@dataclass(frozen=True, slots=True)
class Name:
    """One of an entity's names: the form written most often, how many mentions, the label of the
    first, and that mention's context."""

    text: str
    mentions: int
    label: str
    source: str
    start: int
    end: int
    context: str


@dataclass(frozen=True, slots=True)
class MultiName:
    entity: dict[str, Any]  # the export's record
    set: str
    names: tuple[Name, ...]
    reasons: tuple[MergeReason, ...]

    @property
    def key(self) -> str:
        return NAME_SEPARATOR.join(sorted(n.text for n in self.names))


def name_key(text: str, label: str) -> str:
    """Two mention texts are one name when this is equal."""
    return fold(display_form(text, person=label == "PERSON"))


def resolution(db: Path, *, stored: bool) -> tuple[list[Entity], dict[str, list[MergeReason]]]:
    with Store(db, read_only=True) as store:
        found = (
            corpus_entities(store)
            if stored
            else resolve_stored_mentions(store.connection, settings=Settings())
        )
    return found.entities, found.reasons


def multi_name_entities(db: Path, sets: dict[str, str], *, stored: bool) -> list[MultiName]:
    """The entities written under two or more names, each with its set, names and merge reasons."""
    entities, reasons = resolution(db, stored=stored)
    with Store(db, read_only=True) as store:
        con = store.connection
        documents = {
            doc: (source, text)
            for doc, source, text in con.execute("SELECT id, source, text FROM documents").fetchall()
        }
        labels = {
            (doc, start, end): label
            for doc, start, end, label in con.execute(
                'SELECT doc, start, "end", label FROM entity_mentions'
            ).fetchall()
        }
    texts = {doc: text for doc, (_, text) in documents.items()}
    found = []
    for entity in entities:
        record = entity_record(entity, texts)
        by_name: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for m in record["mentions"]:
            label = labels.get((m["doc"], m["start"], m["end"]), "?")
            by_name[name_key(m["text"], label)].append({**m, "label": label})
        if len(by_name) < 2:
            continue
        names = []
        for mentions in by_name.values():
            first = mentions[0]
            text = texts[first["doc"]]
            before = text[max(0, first["start"] - CONTEXT) : first["start"]]
            after = text[first["end"] : first["end"] + CONTEXT]
            forms = Counter(" ".join(m["text"].split()) for m in mentions)
            names.append(
                Name(
                    text=max(forms, key=lambda f: (forms[f], f)),
                    mentions=len(mentions),
                    label=first["label"],
                    source=source_name(documents[first["doc"]][0]),
                    start=first["start"],
                    end=first["end"],
                    context=" ".join(
                        f"...{before}[[{text[first['start'] : first['end']]}]]{after}...".split()
                    ),
                )
            )
        in_set = Counter(sets.get(source_name(documents[m["doc"]][0]), "?") for m in record["mentions"])
        chosen = max(in_set, key=lambda s: (in_set[s], -(SETS.index(s) if s in SETS else 9)))
        names.sort(key=lambda n: (-n.mentions, n.text))
        found.append(MultiName(record, chosen, tuple(names), tuple(reasons.get(entity.id, []))))
    return found


def sample_of(items: Sequence[MultiName], n: int, seed: int) -> list[MultiName]:
    """``n`` entities split evenly across the sets, each set's first by a hash of the seed and the
    entity's id (``draw_sample`` ranks by source and offsets: the id stands in for the source)."""
    by_id = {item.entity["id"]: item for item in items}
    drawn = draw_sample(
        [{"set": item.set, "source": item.entity["id"], "start": 0, "end": 0} for item in items], n, seed
    )
    return [by_id[d["source"]] for d in drawn]


def print_entity(i: int, item: MultiName, seed: int) -> None:
    e = item.entity
    print(
        f"[{i}] {item.set} {e['id']} {e['type']} {e['name']!r} kb={e['kb_id'] or '-'}"
        f" ({e['description'] or '-'})"
    )
    for name in item.names:
        print(f"    {name.text!r} x{name.mentions} {name.label} in {name.source} {name.start}-{name.end}")
        print(f"        {name.context}")
    for reason in item.reasons:
        print(f"    merged: {reason.a!r} ~ {reason.b!r}: {reason.rule}")
    print(f'    csv: {seed},{item.set},{e["id"]},{e["type"]},"{item.key}"')
    print()


def find(db: Path, text: str, *, stored: bool) -> None:
    """Every entity with a name containing ``text`` (case and diacritics aside), multi-name or not."""
    wanted = fold(text)
    entities, _ = resolution(db, stored=stored)
    for entity in entities:
        names = (entity.name, *entity.aliases)
        if any(wanted in fold(n) for n in names):
            print(
                f"{entity.id} {entity.type} {entity.name!r} mentions={len(entity.mentions)}"
                f" names={list(names)}"
            )


def report(items: Sequence[MultiName], sample: Sequence[MultiName], seed: int) -> None:
    rows = [r for r in read_csv(JUDGEMENTS) if r["seed"] == str(seed)]
    current = {(item.entity["id"], item.key): item for item in items}
    sampled = {(item.entity["id"], item.key) for item in sample}
    matched: dict[tuple[str, str], dict[str, str]] = {}
    stale = []
    for row in rows:
        key = (row["entity"], row["names"])
        if key in current:
            matched[key] = row
        else:
            stale.append(row)
    counts = Counter(item.set for item in items)
    print(f"seed {seed}: {len(items)} multi-name entities")
    for name in SETS:
        print(f"  {name:9} {counts[name]:4}")
    judged = [
        (item, matched[(item.entity["id"], item.key)])
        for item in sample
        if (item.entity["id"], item.key) in matched
    ]
    print(
        f"sample: {len(sample)}; judged: {len(judged)}; rows of seed {seed}: {len(rows)}; stale: {len(stale)}"
    )
    print()
    print(f"{'set':9} {'n':>4}  {'false merge':15} {'junk':15} {'free of false merges':20}")
    for name in (*SETS, "all"):
        part = [j for item, j in judged if name in ("all", item.set)]
        merges = [float(j["false_merge"]) for j in part]
        print(
            f"{name:9} {len(part):4}  {share(merges)} {share(float(j['junk']) for j in part)}"
            f" {share(1 - m for m in merges)}"
        )
    print("(target: false merges <= 0.03 of sampled multi-name entities)")
    print()
    print_reason_classes(
        (j["reason"] for _, j in judged), heading="classes (the words of each reason before ':'):"
    )
    wrong = [(item, j) for item, j in judged if j["false_merge"] == "1" or j["junk"] == "1" or j["split"]]
    if wrong:
        print("false merges, junk and splits:")
        for item, j in wrong:
            flags = f"false_merge={j['false_merge']} junk={j['junk']}" + (
                f" split={j['split']!r}" if j["split"] else ""
            )
            print(f"  {item.set} {item.entity['name']!r}: {flags}: {j['reason']}")
        print()
    outside = [key for key in matched if key not in sampled]
    if outside:
        print(f"rows matching an entity no longer in the sample: {len(outside)}")
    unjudged = [(i, item) for i, item in enumerate(sample, 1) if (item.entity["id"], item.key) not in matched]
    print(f"sampled entities with no judgement: {len(unjudged)} of {len(sample)} (--sample to judge them)")
    for i, item in unjudged:
        print(f"  [{i}] {item.set} {item.entity['id']} {item.key!r}")
    if stale:
        print(f"stale rows (no entity with that id and those names now): {len(stale)}")
        for row in stale:
            print(
                f"  {row['set']} {row['entity']} {row['names']!r}:"
                f" false_merge={row['false_merge']} {row['reason']}"
            )


def main() -> None:
    parser = judging_arguments(__doc__, items="entities")
    parser.add_argument("--stored", action="store_true", help="the entities as the last ingest resolved them")
    parser.add_argument("--find", metavar="TEXT", help="print the entities with a name containing TEXT")
    args, selection, db = judged_store(parser)
    items = multi_name_entities(db, selection.set_of(), stored=args.stored)
    sample = sample_of(items, args.sample or DEFAULT_SAMPLE, args.seed)
    if args.find:
        find(db, args.find, stored=args.stored)
    if args.sample is not None:
        for i, item in enumerate(sample, 1):
            print_entity(i, item, args.seed)
    if args.report or (args.sample is None and not args.find):
        report(items, sample, args.seed)


if __name__ == "__main__":
    main()
