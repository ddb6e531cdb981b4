"""Quality of the statements stage on real text, against our judgement of a random sample.

The corpus is a fixed, seeded selection of real texts in ../shared (read where they lie, never
copied into the repository): press releases of both presidents' offices
(corpus/real/press_releases_en.jsonl, ``PRESS_PER_SIDE`` of each ``side``), the Ukrainian
President's video addresses in English (corpus/real/addresses_en.jsonl, ``ADDRESSES``), and English
web pages (``PAGES_PER_FOLDER`` from each of eval/external/article-extraction/html and
eval/external/htmldate/html, among the pages whose ``<html lang>`` says English), drawn with
``random.Random(seed)``. The chosen JSONL records are written to a temporary folder and
ingested with the library as ``claimgraph ingest`` does; the store is kept under
out/statement_judgements/ (gitignored), named by the seed and a hash of the selection, and reused
until ``--rebuild`` (rebuild after a change to the pipeline, or the figures are the old code's).

The sets are ``press_ru``, ``press_ua``, ``address`` and ``page``. A statement is named by
its document's source (a record's URL, a page's file name) and its content's character offsets into
the stored, cleaned text. ``--sample [N]`` draws N statements (default 120), split evenly across the
sets: within a set, statements are ranked by a hash of the seed, source and offsets, so a statement
the pipeline keeps stays in the sample when others change. Each is printed with its speaker, cue,
the speaker's resolved entity (from claimgraph.export.build_export) and its context, to be judged.

bench/data/statement_judgements.csv holds the verdicts (bench/data/README.md gives the criteria):
``real`` (an attributed statement at all), ``speaker`` (1, 0.5 for an unresolved pronoun whose
antecedent is right, 0), ``entity`` (the speaker's entity is the right one; blank when none is
expected), ``content`` (the span covers what was said), with the speaker span the verdict was about
(``speaker_start``/``speaker_end``) and a reason in our words. ``--report`` (the default) matches
the verdicts to the statements the store holds now by (source, start, end) and prints the shares, by
set and overall; speaker, entity and content are shares of the real statements. A judgement whose
statement is no longer produced is stale, and one whose speaker span has moved counts as unjudged
for speaker and entity; sampled statements with no judgement are listed.

bench/data/statement_recall.csv holds every attributed statement we found reading ``RECALL_DOCS``
documents in full (chosen by the seed, ``--recall-docs`` prints them with the statements the system
found): whether the system found it (``found``) and with the right speaker (``speaker_right``). Each
seed's recall lives in a file of its own, like its verdicts: ``statement_recall.csv`` is seed 1's,
another seed's is ``statement_recall_seed{N}.csv`` (``recall_file``). The report prints recall from
the seed's file (or says it has none), and flags rows where whether a statement overlaps the span
now disagrees with ``found``.

    python bench/statement_judgements.py [--seed 1] [--rebuild] [--report] [--sample [N]] [--recall-docs]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import random
import re
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, TypeVar

from claimgraph.export import build_export
from claimgraph.ingest import ingest
from claimgraph.settings import Settings
from claimgraph.store import Store

ROOT: Final = Path(__file__).resolve().parent.parent
SHARED: Final = ROOT.parent / "shared"
REAL: Final = SHARED / "corpus" / "real"
PRESS: Final = REAL / "press_releases_en.jsonl"
ADDRESSES_FILE: Final = REAL / "addresses_en.jsonl"
PAGE_FOLDERS: Final = (
    SHARED / "eval" / "external" / "article-extraction" / "html",
    SHARED / "eval" / "external" / "htmldate" / "html",
)
OUT: Final = ROOT / "out" / "statement_judgements"
DATA: Final = Path(__file__).resolve().parent / "data"
T = TypeVar("T")
JUDGEMENTS: Final = DATA / "statement_judgements.csv"  # seed 1; another seed's: judgements_file(seed)
RECALL: Final = DATA / "statement_recall.csv"  # seed 1; another seed's: recall_file(seed)

PRESS_PER_SIDE: Final = 20
ADDRESSES: Final = 20
PAGES_PER_FOLDER: Final = 20
SETS: Final = ("press_ru", "press_ua", "address", "page")
DEFAULT_SAMPLE: Final = 120
CONTEXT: Final = 200
# The documents read in full for recall: how many of each set, and the longest text (in characters)
# one may have, so that a careful reading stays possible.
RECALL_DOCS: Final = {"press_ru": 1, "press_ua": 1, "address": 1, "page": 2}
RECALL_MAX_CHARS: Final = 8000
RECALL_MIN_PAGE_CHARS: Final = 1500

_SENTENCE: Final = re.compile(r"[^\s].*?(?:[.!?][\"”’)]*(?=\s+[\"“A-Z0-9])|(?=\n)|$)")
_HTML_LANG: Final = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2})", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Selection:
    """The chosen inputs: JSONL records (set, line) and page files (path), and the set of each
    source as the store will name it."""

    records: tuple[tuple[str, bytes], ...]
    pages: tuple[Path, ...]

    def key(self, seed: int) -> str:
        digest = hashlib.sha256(f"seed {seed}\n".encode())
        for set_name, line in self.records:
            digest.update(set_name.encode() + b"\0" + hashlib.sha256(line).digest())
        for page in self.pages:
            digest.update(page.name.encode() + b"\0")
        return f"seed{seed}-{digest.hexdigest()[:12]}"

    def set_of(self) -> dict[str, str]:
        sets = {str(json.loads(line)["url"]): s for s, line in self.records}
        sets.update({p.name: "page" for p in self.pages})
        return sets


def jsonl_lines(path: Path) -> list[bytes]:
    return [line.rstrip(b"\r") for line in path.read_bytes().split(b"\n") if line.strip()]


def english_page(path: Path) -> bool:
    """Whether the page's ``<html lang>`` says English (a page that declares no language is left out)."""
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    found = _HTML_LANG.search(data[:20_000])
    return found is not None and found.group(1).lower() == b"en"


def select(seed: int) -> Selection:
    """The seeded choice of records and pages: the same on every run for a seed."""
    rng = random.Random(seed)
    records: list[tuple[str, bytes]] = []
    press = jsonl_lines(PRESS)
    for side, set_name in (("RU", "press_ru"), ("UA", "press_ua")):
        of_side = [line for line in press if json.loads(line).get("side") == side]
        records += [(set_name, line) for line in rng.sample(of_side, PRESS_PER_SIDE)]
    records += [("address", line) for line in rng.sample(jsonl_lines(ADDRESSES_FILE), ADDRESSES)]
    pages: list[Path] = []
    for folder in PAGE_FOLDERS:
        english = [p for p in sorted(folder.iterdir()) if p.is_file() and english_page(p)]
        pages += sorted(rng.sample(english, PAGES_PER_FOLDER))
    return Selection(tuple(records), tuple(pages))


def store_path(selection: Selection, seed: int, *, rebuild: bool) -> Path:
    """The cached store of the selection, ingested first when absent or when asked to."""
    folder = OUT / selection.key(seed)
    db = folder / "store.duckdb"
    if db.exists() and not rebuild:
        print(f"reusing {db.relative_to(ROOT)} (--rebuild after a pipeline change)", file=sys.stderr)
        built = db.stat().st_mtime
        newer = [p for p in (ROOT / "src" / "claimgraph").rglob("*.py") if p.stat().st_mtime > built]
        if newer:
            print(f"  {len(newer)} source files changed since it was built, e.g. {newer[0]}", file=sys.stderr)
        return db
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        by_set: dict[str, list[bytes]] = defaultdict(list)
        for set_name, line in selection.records:
            by_set[set_name].append(line)
        files = []
        for set_name, lines in by_set.items():
            target = Path(tmp) / f"{set_name}.jsonl"
            target.write_bytes(b"".join(line + b"\n" for line in lines))
            files.append(target)
        building = folder / "building.duckdb"
        print(
            f"ingesting {len(selection.records)} records and {len(selection.pages)} pages ...",
            file=sys.stderr,
        )
        report = ingest([*files, *selection.pages], settings=Settings(db=str(building), progress=False))
        for rejection in report.rejected:
            print(f"rejected: {rejection.source}: {rejection.reason}", file=sys.stderr)
    building.rename(db)
    return db


@dataclass(frozen=True, slots=True)
class Corpus:
    documents: dict[str, dict[str, Any]]  # by source
    statements: list[dict[str, Any]]
    sets: dict[str, str]  # source -> set


def source_name(source: str) -> str:
    return source if "://" in source else Path(source).name


def read_corpus(db: Path, sets: dict[str, str]) -> Corpus:
    """Every statement of the store with its source, set, speaker spans and speaker entity's name."""
    with Store(db, read_only=True) as store:
        export = build_export(store)
        stored = {s.id: s for s in store.statements()}
    entities = {e["id"]: e for e in export["entities"]}
    documents = {}
    by_id = {}
    for d in export["documents"]:
        name = source_name(d["source"])
        documents[name] = {**d, "source": name, "set": sets.get(name, "?")}
        by_id[d["id"]] = documents[name]
    statements = []
    for record in export["statements"]:
        doc = by_id[record["doc"]]
        speaker = stored[record["id"]].speaker
        entity = entities.get(record["speaker"]["entity"] or "")
        statements.append(
            {
                **record,
                "source": doc["source"],
                "set": doc["set"],
                "doc_text": doc["text"],
                "speaker_span": (speaker.span.start, speaker.span.end) if speaker.span else None,
                "referent": (speaker.referent.start, speaker.referent.end) if speaker.referent else None,
                "entity_name": entity["name"] if entity else None,
                "entity_kb": entity["kb_id"] if entity else None,
                "entity_description": entity["description"] if entity else None,
            }
        )
    statements.sort(key=lambda s: (SETS.index(s["set"]) if s["set"] in SETS else 9, s["source"], s["start"]))
    return Corpus(documents, statements, sets)


def key_of(s: dict[str, Any]) -> tuple[str, int, int]:
    return (s["source"], s["start"], s["end"])


def rank(seed: int, s: dict[str, Any]) -> str:
    return hashlib.sha256(f"{seed}|{s['source']}|{s['start']}|{s['end']}".encode()).hexdigest()


def draw_sample(statements: Sequence[dict[str, Any]], n: int, seed: int) -> list[dict[str, Any]]:
    """``n`` statements split evenly across the sets, each set's first by the seeded hash."""
    return draw_evenly(statements, n, set_of=lambda s: s["set"], rank=lambda s: rank(seed, s))


def draw_evenly(
    items: Sequence[T], n: int, *, set_of: Callable[[T], str], rank: Callable[[T], str]
) -> list[T]:
    """``n`` items split evenly across the sets (a set with too few gives its share to the others),
    each set's items taken in the order of ``rank``, so that an item the pipeline keeps stays drawn."""
    by_set: dict[str, list[T]] = {name: [] for name in SETS}
    for item in items:
        by_set.setdefault(set_of(item), []).append(item)
    for members in by_set.values():
        members.sort(key=rank)
    quota = dict.fromkeys(by_set, 0)
    left = n
    while left > 0:
        open_sets = [name for name, members in by_set.items() if quota[name] < len(members)]
        if not open_sets:
            break
        for name in open_sets:
            if left == 0:
                break
            quota[name] += 1
            left -= 1
    return [item for name, members in by_set.items() for item in members[: quota[name]]]


def print_reason_classes(reasons: Iterable[str], *, heading: str) -> None:
    """How often each class of error was given: the words of each reason's parts before ':'."""
    classes: Counter[str] = Counter()
    for reason in reasons:
        for part in reason.split(";"):
            part = part.strip()
            if part and not part.startswith("ok"):
                classes[part.split(":")[0].strip()] += 1
    if classes:
        print(heading)
        for name, n in classes.most_common():
            print(f"  {n:3}  {name}")
        print()


def judging_arguments(doc: str, *, items: str) -> argparse.ArgumentParser:
    """The options every judged sample takes: the seed, a rebuild, the report and a sample to judge."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=1, help="seed of the document choice and the sample")
    parser.add_argument("--rebuild", action="store_true", help="ingest the selection again")
    parser.add_argument("--report", action="store_true", help="print the figures (the default)")
    parser.add_argument(
        "--sample", type=int, nargs="?", const=DEFAULT_SAMPLE, help=f"print N sampled {items} to judge"
    )
    return parser


def judged_store(parser: argparse.ArgumentParser) -> tuple[argparse.Namespace, Selection, Path]:
    """The parsed options, the seed's selection of real texts and its store (ingested when absent or
    asked to); stops with a message when the shared real texts are not beside the repository."""
    args = parser.parse_args()
    missing = [str(p) for p in (PRESS, ADDRESSES_FILE, *PAGE_FOLDERS) if not p.exists()]
    if missing:
        sys.exit(f"absent: {', '.join(missing)} (the shared real texts lie beside the repository)")
    selection = select(args.seed)
    return args, selection, store_path(selection, args.seed, rebuild=args.rebuild)


def context(s: dict[str, Any], width: int = CONTEXT) -> str:
    text = s["doc_text"]
    before = text[max(0, s["start"] - width) : s["start"]]
    after = text[s["end"] : s["end"] + width]
    return " ".join(f"...{before}[[{text[s['start'] : s['end']]}]]{after}...".split())


def span_text(s: dict[str, Any], span: tuple[int, int] | None) -> str:
    return "-" if span is None else repr(s["doc_text"][span[0] : span[1]])


def print_statement(i: int, s: dict[str, Any]) -> None:
    speaker = s["speaker"]
    entity = (
        s["entity_name"] and f"{s['entity_name']} ({s['entity_kb'] or 'no kb'}; {s['entity_description']})"
    )
    print(f"[{i}] {s['set']} {s['source']} {s['start']}-{s['end']} kind={s['kind']} cue={s['cue']!r}")
    print(
        f"    speaker={speaker['text']!r} at {s['speaker_span']} referent={span_text(s, s['referent'])}"
        f" description={speaker['description']!r} anonymous={speaker['anonymous']} said_on={s['said_on']}"
    )
    print(f"    entity={entity or '-'}")
    print(f"    content={s['content']!r}")
    print(f"    context={context(s)}")
    where = s["speaker_span"] or ("", "")
    print(f"    csv: {s['set']},{s['source']},{s['start']},{s['end']},{where[0]},{where[1]}")
    print()


# Judgements ------------------------------------------------------------------------------------


def read_csv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def share(values: Iterable[float]) -> str:
    values = list(values)
    if not values:
        return "    -          "
    return f"{sum(values) / len(values):.3f} ({sum(values):g}/{len(values)})".ljust(15)


def speaker_key(s: dict[str, Any]) -> tuple[str, str]:
    """The statement's speaker span as the judgements file writes it ("" for none)."""
    span = s["speaker_span"]
    return (str(span[0]), str(span[1])) if span else ("", "")


def judgements_file(seed: int) -> Path:
    """Each seed's verdicts in a file of their own: a fresh seed is a fresh, untuned sample."""
    return JUDGEMENTS if seed == 1 else DATA / f"statement_judgements_seed{seed}.csv"


def recall_file(seed: int) -> Path:
    """Each seed's recall in a file of its own, like its verdicts."""
    return RECALL if seed == 1 else DATA / f"statement_recall_seed{seed}.csv"


def report(corpus: Corpus, sample: Sequence[dict[str, Any]], seed: int) -> None:
    current = {key_of(s): s for s in corpus.statements}
    rows = read_csv(judgements_file(seed)) if judgements_file(seed).exists() else []
    judged: list[tuple[dict[str, Any], dict[str, str], bool]] = []  # statement, verdict, speaker still judged
    stale = []
    for row in rows:
        found = current.get((row["source"], int(row["start"]), int(row["end"])))
        if found is None:
            stale.append(row)
        else:
            judged.append((found, row, (row["speaker_start"], row["speaker_end"]) == speaker_key(found)))
    counts = Counter(s["set"] for s in corpus.statements)
    docs = Counter(d["set"] for d in corpus.documents.values())
    print(f"seed {seed}: {len(corpus.documents)} documents, {len(corpus.statements)} statements")
    for name in SETS:
        print(f"  {name:9} {docs[name]:3} documents {counts[name]:5} statements")
    print(f"judgements: {len(rows)}; matching a current statement: {len(judged)}; stale: {len(stale)}")
    moved = [(s, j) for s, j, same in judged if not same]
    print()

    def figures(items: list[tuple[dict[str, Any], dict[str, str], bool]]) -> dict[str, list[float]]:
        real = [j for _, j, _ in items if j["real"] == "1"]
        with_speaker = [j for s, j, same in items if same and j["real"] == "1"]
        return {
            "real": [float(j["real"]) for _, j, _ in items],
            "speaker": [float(j["speaker"]) for j in with_speaker],
            "entity": [float(j["entity"]) for j in with_speaker if j["entity"] != ""],
            "content": [float(j["content"]) for j in real],
        }

    header = f"{'set':9} {'n':>4}  {'real':15} {'speaker right':15} {'entity right':15} {'content right':15}"
    print(header)
    for name in (*SETS, "all"):
        items = [t for t in judged if name in ("all", t[0]["set"])]
        f = figures(items)
        print(
            f"{name:9} {len(items):4}  {share(f['real'])} {share(f['speaker'])} {share(f['entity'])}"
            f" {share(f['content'])}"
        )
    # The sample is split evenly across the sets; weighting each set's shares by its share of all the
    # statements gives the corpus-wide estimate.
    weighted = {}
    total = sum(counts[name] for name in SETS)
    for measure in ("real", "speaker", "entity", "content"):
        parts = []
        for name in SETS:
            values = figures([t for t in judged if t[0]["set"] == name])[measure]
            if values and total:
                parts.append((counts[name], sum(values) / len(values)))
        weight = sum(w for w, _ in parts)
        weighted[measure] = sum(w * v for w, v in parts) / weight if weight else float("nan")
    print(
        f"{'weighted':9} {'':4}  {weighted['real']:<15.3f} {weighted['speaker']:<15.3f}"
        f" {weighted['entity']:<15.3f} {weighted['content']:<15.3f}"
    )
    print("(speaker, entity and content are shares of the real statements; 'weighted' weights each set")
    print(" by its number of statements in the store; targets: real >= 0.93, speaker >= 0.92,")
    print(" content >= 0.95)")
    print()

    print_reason_classes(
        (j["reason"] for _, j, _ in judged), heading="error classes (first words of each reason, before ':'):"
    )

    wrong = [
        (s, j)
        for s, j, _ in judged
        if j["real"] != "1" or j["speaker"] not in ("1", "") or j["entity"] == "0" or j["content"] == "0"
    ]
    if wrong:
        print("judged wrong in some respect:")
        for s, j in wrong:
            verdicts = f"real={j['real']} speaker={j['speaker'] or '-'} entity={j['entity'] or '-'}"
            verdicts += f" content={j['content'] or '-'}"
            print(f"  {s['set']} {s['source']} {s['start']}-{s['end']} speaker={s['speaker']['text']!r}")
            print(f"      {verdicts}: {j['reason']}")
        print()

    recall_report(corpus, seed)

    judged_keys = {key_of(s) for s, _, _ in judged}
    unjudged = [(i, s) for i, s in enumerate(sample, 1) if key_of(s) not in judged_keys]
    print(f"sampled statements with no judgement: {len(unjudged)} of {len(sample)} (--sample to judge them)")
    for i, s in unjudged:
        print(f"  [{i}] {s['set']} {s['source']} {s['start']}-{s['end']} {s['content'][:80]!r}")
    if moved:
        print(f"judgements whose speaker span has moved (speaker and entity unjudged): {len(moved)}")
        for s, j in moved:
            print(
                f"  {s['source']} {s['start']}-{s['end']}: judged speaker at {j['speaker_start']}-"
                f"{j['speaker_end']}, now {s['speaker_span']} {s['speaker']['text']!r}"
            )
    if stale:
        print(f"stale judgements (the statement is no longer produced): {len(stale)}")
        for row in stale:
            print(f"  {row['set']} {row['source']} {row['start']}-{row['end']}: {row['reason']}")


# Recall ----------------------------------------------------------------------------------------


def recall_documents(corpus: Corpus, seed: int) -> list[dict[str, Any]]:
    """The documents read in full for recall: per set, drawn with the seed among the stored
    documents no longer than ``RECALL_MAX_CHARS`` (pages also no shorter than
    ``RECALL_MIN_PAGE_CHARS`` and in English)."""
    rng = random.Random(f"recall {seed}")
    chosen = []
    for name, n in RECALL_DOCS.items():
        candidates = sorted(
            (
                d
                for d in corpus.documents.values()
                if d["set"] == name
                and len(d["text"]) <= RECALL_MAX_CHARS
                and (name != "page" or (len(d["text"]) >= RECALL_MIN_PAGE_CHARS and d["language"] == "en"))
            ),
            key=lambda d: d["source"],
        )
        chosen += rng.sample(candidates, min(n, len(candidates)))
    return chosen


def print_recall_documents(corpus: Corpus, seed: int) -> None:
    for d in recall_documents(corpus, seed):
        text = d["text"]
        print(f"=== {d['set']} {d['source']} ({len(text)} characters) title={d['title']!r}")
        # One sentence a line (roughly), each with its offset: the texts' paragraph breaks were
        # often lost.
        for match in _SENTENCE.finditer(text):
            print(f"{match.start():6}| {match.group()}")
        print("--- statements the system found:")
        for s in corpus.statements:
            if s["source"] == d["source"]:
                print(
                    f"  {s['start']}-{s['end']} speaker={s['speaker']['text']!r} entity={s['entity_name']!r}"
                    f" cue={s['cue']!r} kind={s['kind']}: {s['content'][:100]!r}"
                )
        print()


def recall_report(corpus: Corpus, seed: int) -> None:
    path = recall_file(seed)
    if not path.exists():
        print(f"no recall judgements for seed {seed} ({path.name} is absent)")
        print()
        return
    every = read_csv(path)
    rows = [r for r in every if r["source"] in corpus.documents]
    if len(rows) < len(every):
        print(f"recall: {len(every) - len(rows)} rows of {path.name} are of documents this selection lacks")
    if not rows:
        print(f"no recall judgements for this selection in {path.name}")
        print()
        return
    by_source: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for s in corpus.statements:
        by_source[s["source"]].append((s["start"], s["end"]))
    print("recall: the attributed statements we found reading whole documents, and how many of them")
    print("the system found (a statement of its own on the span), and found with the right speaker:")
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        groups[f"{corpus.sets.get(row['source'], '?')} {row['source']}"].append(row)
    for row in rows:
        groups[corpus.sets.get(row["source"], "?")].append(row)
    groups["all"] = rows
    for name, items in groups.items():
        found = sum(int(r["found"]) for r in items)
        right = sum(int(r["found"]) * int(r["speaker_right"]) for r in items)
        n = len(items)
        print(f"  {found / n:.3f} ({found}/{n})  right speaker {right / n:.3f} ({right}/{n})  {name}")
    drift = []
    for row in rows:
        start, end = int(row["start"]), int(row["end"])
        overlapping = any(a < end and start < b for a, b in by_source.get(row["source"], []))
        if overlapping != (row["found"] == "1"):
            drift.append((row, overlapping))
    if drift:
        print("  rows where whether a statement overlaps the span now disagrees with 'found' (re-judge):")
        for row, overlapping in drift:
            state = "overlapped" if overlapping else "not overlapped"
            print(f"    {row['source']} {row['start']}-{row['end']} found={row['found']}, now {state}")
    print()


def main() -> None:
    parser = judging_arguments(__doc__, items="statements")
    parser.add_argument(
        "--recall-docs",
        action="store_true",
        help="print the documents read for recall, with their statements",
    )
    args, selection, db = judged_store(parser)
    corpus = read_corpus(db, selection.set_of())
    sample = draw_sample(corpus.statements, args.sample or DEFAULT_SAMPLE, args.seed)
    if args.sample is not None:
        for i, s in enumerate(sample, 1):
            print_statement(i, s)
    if args.recall_docs:
        print_recall_documents(corpus, args.seed)
    if args.report or (args.sample is None and not args.recall_docs):
        report(corpus, sample, args.seed)


if __name__ == "__main__":
    main()
