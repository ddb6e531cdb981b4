"""Entity resolution: `resolve_entities` on hand-judged name pairs, then timed on synthetic corpora.

Pairs: bench/data/name_pairs.csv (written for this benchmark, see bench/data/README.md) holds name
pairs judged to be the same real-world entity (same=1) or not (0), in categories such as
transliteration, corruption, surname, acronym, cyrillic and type_guard. Each pair becomes two
one-sentence documents, "a" and "b", with one mention in each (the name's offsets, the pair's type,
stage "bench"). A fresh `resolve_entities(mentions, texts=texts, kb=kb)` call resolves each pair on
its own, and the prediction is "same" when both mentions end up in one entity. Every pair runs twice:
with the bundled knowledge base (`KnowledgeBase.bundled()`) and with none (`KnowledgeBase.empty()`).
The report gives pairwise precision (the share of predicted-same pairs judged the same) and recall
(the share of judged-same pairs predicted the same), per category and overall, with both KB settings
side by side. Targets, with the bundled KB: precision >= 0.98, recall >= 0.90.

Scale: deterministic synthetic corpora (1,000 and 10,000 documents by default) with 20-40 mentions
per document. The names come from a pool of a few thousand invented people, organisations, units and
places, plus some real ones, written in variant forms: surname alone, titles, transliteration swaps
and one-letter damage. Each size is timed around a single `resolve_entities` call, with the KB loaded
and the resolver warmed up first. Sizes up to 2,000 documents take the best of 3 runs, larger sizes
run once. For a tenfold corpus the time ratio should stay <= 15: near-linear, never quadratic.

    python bench/resolution.py [--pairs FILE] [--show-errors] [--no-scale] [--sizes 1000 10000]
                               [--seed 13] [--scale-kb bundled|empty]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.models import EntityMention, Span
from claimgraph.resolve import resolve_entities
from claimgraph.resolve.kb import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAIRS = ROOT / "bench" / "data" / "name_pairs.csv"
COLUMNS = ("a", "a_type", "b", "b_type", "same", "category", "note")
TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "MILITARY_UNIT")
TARGET_PRECISION = 0.98
TARGET_RECALL = 0.90
# A tenfold corpus may take at most 1.5 times ten as long: linear with some slack, never quadratic.
TARGET_SLOPE = 1.5
STAGE = "bench"

# One sentence per type of name. The name comes first, as in a lead sentence, except for places.
PAIR_TEMPLATES = {
    "PERSON": "{} said on Monday that the talks had stalled.",
    "ORG": "{} said on Monday that the talks had stalled.",
    "NORP": "{} said on Monday that the talks had stalled.",
    "MILITARY_UNIT": "{} said on Monday that the talks had stalled.",
    "GPE": "Officials in {} said on Monday that the talks had stalled.",
    "LOC": "Officials in {} said on Monday that the talks had stalled.",
    "FAC": "Officials at {} said on Monday that the talks had stalled.",
}
KB_SETTINGS: dict[str, Callable[[], KnowledgeBase]] = {
    "bundled": KnowledgeBase.bundled,
    "empty": KnowledgeBase.empty,
}


# ---------------------------------------------------------------------------------------------------
# Pairs


@dataclass(frozen=True, slots=True)
class Pair:
    line: int
    a: str
    a_type: str
    b: str
    b_type: str
    same: bool
    category: str
    note: str


@dataclass(slots=True)
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, gold: bool, predicted: bool) -> None:
        if gold and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass(slots=True)
class Outcome:
    """One KB setting's verdicts: every pair's prediction, and the time the calls took."""

    predicted: dict[int, bool] = field(default_factory=dict)
    seconds: float = 0.0


def load_pairs(path: Path) -> list[Pair]:
    if not path.exists():
        sys.exit(f"no pairs file: {path}")
    pairs: list[Pair] = []
    problems: list[str] = []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            sys.exit(f"{path}: the header must be {','.join(COLUMNS)}")
        for line, row in enumerate(reader, start=2):
            values = {k: (row.get(k) or "").strip() for k in COLUMNS}
            if not values["a"] or not values["b"] or not values["category"]:
                problems.append(f"line {line}: a, b and category must not be empty")
            for key in ("a_type", "b_type"):
                if values[key] not in TYPES:
                    problems.append(f"line {line}: {key} {values[key]!r} is not one of {', '.join(TYPES)}")
            if values["same"] not in ("0", "1"):
                problems.append(f"line {line}: same must be 0 or 1, not {values['same']!r}")
            pairs.append(
                Pair(
                    line=line,
                    a=values["a"],
                    a_type=values["a_type"],
                    b=values["b"],
                    b_type=values["b_type"],
                    same=values["same"] == "1",
                    category=values["category"],
                    note=values["note"],
                )
            )
    if problems:
        sys.exit(f"{path}: bad rows\n  " + "\n  ".join(problems))
    if not pairs:
        sys.exit(f"{path}: no pairs")
    return pairs


def pair_document(doc: str, name: str, label: str) -> tuple[str, EntityMention]:
    template = PAIR_TEMPLATES[label]
    start = template.index("{}")
    text = template.format(name)
    span = Span(doc, start, start + len(name))
    assert text[span.start : span.end] == name
    return text, EntityMention(span=span, text=name, label=label, stage=STAGE)


def predict_same(pair: Pair, kb: KnowledgeBase) -> bool:
    """Whether the resolver puts the mention in document "a" and the one in "b" into one entity.

    Entities are matched to the mentions by document, not by exact span, so a resolver that trims a
    title off a span still counts. A mention left out of every entity counts as not merged."""
    text_a, mention_a = pair_document("a", pair.a, pair.a_type)
    text_b, mention_b = pair_document("b", pair.b, pair.b_type)
    entities = resolve_entities([mention_a, mention_b], texts={"a": text_a, "b": text_b}, kb=kb)
    return any({span.doc for span in entity.mentions} >= {"a", "b"} for entity in entities)


def evaluate(pairs: Sequence[Pair], kb: KnowledgeBase) -> Outcome:
    outcome = Outcome()
    predict_same(pairs[0], kb)  # untimed: loads whatever the resolver loads on first use
    started = time.perf_counter()
    for pair in pairs:
        outcome.predicted[pair.line] = predict_same(pair, kb)
    outcome.seconds = time.perf_counter() - started
    return outcome


def tally(pairs: Sequence[Pair], outcome: Outcome) -> Tally:
    counts = Tally()
    for pair in pairs:
        counts.add(pair.same, outcome.predicted[pair.line])
    return counts


def ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def report_pairs(pairs: Sequence[Pair], outcomes: dict[str, Outcome], show_errors: bool) -> None:
    categories = list(dict.fromkeys(pair.category for pair in pairs))
    settings = list(outcomes)
    head = f"{'category':<18} {'pairs':>5} {'same':>4} {'diff':>4}"
    head += "".join(f" | {f'{name} KB: P':>15} {'R':>6} {'FP':>3} {'FN':>3}" for name in settings)
    print(head)
    print("-" * len(head))
    groups: list[tuple[str, list[Pair]]] = [(c, [p for p in pairs if p.category == c]) for c in categories]
    groups.append(("overall", list(pairs)))
    for name, members in groups:
        if name == "overall":
            print("-" * len(head))
        same = sum(p.same for p in members)
        row = f"{name:<18} {len(members):>5} {same:>4} {len(members) - same:>4}"
        for setting in settings:
            counts = tally(members, outcomes[setting])
            row += f" | {ratio(counts.precision):>15} {ratio(counts.recall):>6} {counts.fp:>3} {counts.fn:>3}"
        print(row)
    print()
    for setting in settings:
        print(f"{setting} KB: {len(pairs)} pairs resolved in {outcomes[setting].seconds:.2f}s")
    if "bundled" in outcomes:
        overall = tally(pairs, outcomes["bundled"])
        checks = (
            ("precision", overall.precision, TARGET_PRECISION),
            ("recall", overall.recall, TARGET_RECALL),
        )
        verdicts = []
        for label, value, target in checks:
            verdict = "met" if value is not None and value >= target else "MISSED"
            verdicts.append(f"{label} {ratio(value)} (target >= {target:.2f}: {verdict})")
        print("targets with the bundled KB: " + "; ".join(verdicts))
    if show_errors:
        for setting in settings:
            predicted = outcomes[setting].predicted
            wrong = [p for p in pairs if predicted[p.line] != p.same]
            print(f"\nwrong pairs with the {setting} KB ({len(wrong)}):")
            for p in wrong:
                kind = "FN (split)" if p.same else "FP (merged)"
                note = f"  [{p.note}]" if p.note else ""
                print(f"  {kind:<11} {p.category:<17} {p.a} ({p.a_type})  ~  {p.b} ({p.b_type}){note}")


# ---------------------------------------------------------------------------------------------------
# Synthetic corpora

FIRST_NAMES: tuple[tuple[str, ...], ...] = (
    ("Oleksandr", "Aleksandr", "Alexander"),
    ("Serhiy", "Serhii", "Sergei", "Sergey"),
    ("Dmytro", "Dmitry", "Dmitriy"),
    ("Andriy", "Andrii", "Andrei"),
    ("Mykola", "Nikolai"),
    ("Yuriy", "Yurii", "Yuri"),
    ("Oleksiy", "Oleksii", "Alexei", "Aleksey"),
    ("Volodymyr", "Vladimir"),
    ("Vitaliy", "Vitalii", "Vitali"),
    ("Yevhen", "Yevgeny", "Evgeny"),
    ("Ihor", "Igor"),
    ("Oleh", "Oleg"),
    ("Pavlo", "Pavel"),
    ("Mykhailo", "Mykhaylo", "Mikhail"),
    ("Hennadiy", "Gennady"),
    ("Kyrylo", "Kirill"),
    ("Taras",),
    ("Bohdan",),
    ("Ivan",),
    ("Petro", "Pyotr"),
    ("Vasyl", "Vasily"),
    ("Maksym", "Maxim"),
    ("Roman",),
    ("Olena", "Yelena", "Elena"),
    ("Iryna", "Irina"),
    ("Nataliia", "Natalya", "Natalia"),
    ("Yuliia", "Yulia"),
    ("Tetiana", "Tatiana", "Tatyana"),
    ("Oksana",),
    ("Svitlana", "Svetlana"),
    ("Hanna", "Anna"),
    ("Liudmyla", "Lyudmila"),
)
SURNAME_STEMS = (
    "bil hor dor kov kral lys mar mel nov orl pan pet ros sav shev sten tkach tym vas vol yar zhur "
    "hryts kuz lyt moroz bond kravch sydor hav marchuk ostap pylyp bereh dovh karp klym lozh myron "
    "nazar oliin prok rud semen tereshch usyk fedor khom tsyb chorn shul yakym zin vlas hlib"
).split()
SURNAME_MIDDLES = ("", "", "a", "o", "e", "yn", "ov", "al", "ar", "ysh", "en")
SURNAME_SUFFIXES = ("enko", "chuk", "ov", "ev", "yak", "skyi", "in", "uk", "ych", "iv", "ko", "ak", "ets")
PLACE_STEMS = (
    "bil hlyb zal nov star krasn chorn kam sol pol yar dub ber lyp ver step zor myr ozer kriv zel "
    "vys kur pid nyzh ol hor lys sosn topol "
).split()
PLACE_MIDDLES = ("o", "e", "y", "a", "och", "ian", "ohor", "ovod", "ob", "ets", "an")
PLACE_SUFFIXES = ("ivka", "ske", "ne", "horod", "ove", "yar", "sk", "ynka", "pil", "ivske", "ianka")
ORG_WORDS = (
    "Northern Eastern Southern Western Central Free United National Independent Volunteer Civic "
    "Regional Frontline Coastal Steppe Carpathian Dnipro Donets Maritime Border"
).split()
ORG_NOUNS = (
    "Foundation Council Institute Agency Union Committee Centre Network Movement Association "
    "Monitoring Mission Observatory Fund Group Coalition Service"
).split()
ORG_TAILS = ("", "", "for Reconstruction", "for Civil Rights", "of Ukraine", "for Energy Security")
UNIT_KINDS = ("Mechanized", "Assault", "Territorial Defense", "Artillery", "Marine", "Jaeger", "Tank")
TITLES = ("Colonel", "Gen.", "Governor", "Mayor", "Deputy Minister", "Commander", "spokesman", "Lt. Col.")
# A few real names in their common variants, so the KB is used as well.
REAL: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("PERSON", ("Volodymyr Zelensky", "Zelensky", "Zelenskyy", "President Volodymyr Zelensky")),
    ("PERSON", ("Vladimir Putin", "Putin", "President Vladimir Putin")),
    ("PERSON", ("Sergei Shoigu", "Shoigu", "Sergey Shoigu", "Defense Minister Sergei Shoigu")),
    ("PERSON", ("Yevgeny Prigozhin", "Prigozhin", "Prigozin", "Yevgeniy Prigozhin")),
    ("PERSON", ("Oleksandr Syrskyi", "Syrskyi", "Syrsky")),
    ("PERSON", ("Mykhailo Podolyak", "Podolyak", "Mykhaylo Podolyak")),
    ("GPE", ("Kyiv", "Kiev")),
    ("GPE", ("Kharkiv", "Kharkov")),
    ("GPE", ("Bakhmut", "Artemivsk", "Бахмут")),
    ("GPE", ("Zaporizhzhia", "Zaporozhye")),
    ("ORG", ("Wagner Group", "Wagner", "PMC Wagner")),
    ("ORG", ("Armed Forces of Ukraine", "AFU")),
    ("ORG", ("Institute for the Study of War", "ISW")),
    ("ORG", ("Russian Defense Ministry", "Russia's Ministry of Defense", "Russian Ministry of Defence")),
)
SENTENCES = {
    "PERSON": (
        "{} said on Monday that the talks had stalled.",
        "According to {}, the shelling went on overnight.",
        "{} told reporters that the front line was holding.",
        "A statement from {} was read out in the evening.",
    ),
    "ORG": (
        "{} said the convoy had been hit near the bridge.",
        "Officials at {} declined to comment.",
        "A report by {} described heavy losses.",
    ),
    "MILITARY_UNIT": (
        "Soldiers of the {} repelled an attack at dawn.",
        "The {} said it had lost two vehicles.",
    ),
    "GPE": (
        "Shelling near {} continued on Monday.",
        "Residents of {} were evacuated by bus.",
        "Fighting around {} intensified overnight.",
    ),
}
# "$" ties a swap to the end of the word.
SWAPS = (
    ("skyi", "sky"),
    ("skyi", "skiy"),
    ("kh", "h"),
    ("zh", "z"),
    ("ii", "iy"),
    ("iy", "yi"),
    ("ia", "ya"),
    ("iu", "yu"),
    ("ivka", "ovka"),
    ("ske$", "skoye"),
    ("ne$", "noye"),
    ("horod", "gorod"),
    ("H", "G"),
    ("Kh", "H"),
    ("Zh", "Z"),
    ("ov$", "off"),
)


@dataclass(frozen=True, slots=True)
class SynthEntity:
    id: int
    label: str
    forms: tuple[str, ...]  # the first form is the canonical one
    weights: tuple[float, ...]


def swapped(word: str, rng: random.Random) -> str:
    """One transliteration swap that applies to the word (a "$" ties it to the end), or the word itself."""
    options = [
        (old, new) for old, new in SWAPS if (word.endswith(old[:-1]) if old.endswith("$") else old in word)
    ]
    if not options:
        return word
    old, new = rng.choice(options)
    if old.endswith("$"):
        return word[: -len(old) + 1] + new
    return word.replace(old, new, 1)


def corrupted(word: str, rng: random.Random) -> str:
    """One letter changed, dropped, doubled or swapped with its neighbour (words of 6+ letters)."""
    if len(word) < 6:
        return word
    i = rng.randrange(1, len(word) - 1)
    operation = rng.randrange(4)
    if operation == 0:
        return word[:i] + rng.choice("aeiouy") + word[i + 1 :]
    if operation == 1:
        return word[:i] + word[i + 1 :]
    if operation == 2:
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def synthetic_pool(rng: random.Random, people: int, orgs: int, units: int, places: int) -> list[SynthEntity]:
    """The real names first, then the invented ones in random order: the order is popularity rank."""
    real: list[tuple[str, dict[str, float]]] = []
    invented: list[tuple[str, dict[str, float]]] = []
    seen: set[str] = set()

    def add(
        label: str, forms: Sequence[str], weights: Sequence[float], into: list[tuple[str, dict[str, float]]]
    ) -> None:
        if forms[0] in seen:
            return
        seen.add(forms[0])
        into.append((label, dict(zip(forms, weights, strict=True))))  # a repeated form keeps one weight

    for label, names in REAL:
        add(label, names, [3.0] + [1.0] * (len(names) - 1), real)
    for _ in range(people):
        first_forms = rng.choice(FIRST_NAMES)
        first = first_forms[0]
        surname = (
            rng.choice(SURNAME_STEMS) + rng.choice(SURNAME_MIDDLES) + rng.choice(SURNAME_SUFFIXES)
        ).title()
        full = f"{first} {surname}"
        forms = [
            full,
            surname,
            f"{rng.choice(TITLES)} {full}",
            f"{rng.choice(first_forms)} {surname}",
            f"{first} {swapped(surname, rng)}",
            f"{first} {corrupted(surname, rng)}",
        ]
        add("PERSON", forms, [40, 30, 10, 8, 8, 4], invented)
    for _ in range(orgs):
        words = [rng.choice(ORG_WORDS), rng.choice(ORG_NOUNS)]
        if rng.random() < 0.5:
            words.insert(1, rng.choice(ORG_WORDS))
        tail = rng.choice(ORG_TAILS)
        name = " ".join([*words, tail]).strip()
        initials = "".join(w[0] for w in name.split() if w[0].isupper())
        damaged = " ".join([*words[:-1], corrupted(words[-1], rng), tail]).strip()
        add("ORG", [name, initials, " ".join(words), damaged], [60, 20, 12, 8], invented)
    for _ in range(units):
        number = rng.randrange(1, 250)
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        kind = rng.choice(UNIT_KINDS)
        full = f"{number}{suffix} Separate {kind} Brigade"
        short = f"{number}{suffix} {kind} Brigade"
        add("MILITARY_UNIT", [full, short, f"{number}{suffix} Brigade"], [50, 40, 10], invented)
    for _ in range(places):
        name = (rng.choice(PLACE_STEMS) + rng.choice(PLACE_MIDDLES) + rng.choice(PLACE_SUFFIXES)).title()
        if rng.random() < 0.15:
            name = f"{rng.choice(('Nova', 'Stara', 'Velyka', 'Mala', 'Verkhnia'))} {name}"
        add("GPE", [name, swapped(name, rng), corrupted(name, rng)], [80, 15, 5], invented)
    rng.shuffle(invented)
    return [
        SynthEntity(index, label, tuple(forms), tuple(forms.values()))
        for index, (label, forms) in enumerate(real + invented)
    ]


@dataclass(slots=True)
class Corpus:
    texts: dict[str, str]
    mentions: list[EntityMention]
    used: int  # distinct pool entities mentioned: the entity count a perfect resolver would give


def synthetic_corpus(pool: Sequence[SynthEntity], n_docs: int, seed: int) -> Corpus:
    """n_docs documents of 20-40 mention sentences each; entity popularity follows a Zipf-like curve,
    a document's first mention of a person is a full name and later ones are often the surname."""
    rng = random.Random(f"{seed}-{n_docs}")
    cumulative: list[float] = []
    total = 0.0
    for rank in range(len(pool)):
        total += 1.0 / (rank + 1) ** 0.8
        cumulative.append(total)
    texts: dict[str, str] = {}
    mentions: list[EntityMention] = []
    used: set[int] = set()
    for index in range(n_docs):
        doc = f"syn{index:06d}"
        cast = list(dict.fromkeys(rng.choices(pool, cum_weights=cumulative, k=rng.randint(6, 14))))
        seen_in_doc: set[int] = set()
        parts: list[str] = []
        offset = 0
        for _ in range(rng.randint(20, 40)):
            entity = cast[min(int(rng.expovariate(0.35)), len(cast) - 1)]
            if entity.label == "PERSON" and entity.id not in seen_in_doc:
                form = entity.forms[0] if rng.random() < 0.7 else rng.choice(entity.forms)
            else:
                form = rng.choices(entity.forms, weights=entity.weights)[0]
            seen_in_doc.add(entity.id)
            used.add(entity.id)
            template = rng.choice(SENTENCES[entity.label])
            start = offset + template.index("{}")
            sentence = template.format(form)
            mentions.append(
                EntityMention(
                    span=Span(doc, start, start + len(form)), text=form, label=entity.label, stage=STAGE
                )
            )
            parts.append(sentence)
            offset += len(sentence) + 1
        texts[doc] = " ".join(parts)
    return Corpus(texts, mentions, len(used))


def run_scale(sizes: Sequence[int], seed: int, kb_name: str) -> None:
    rng = random.Random(seed)
    pool = synthetic_pool(rng, people=2400, orgs=450, units=250, places=900)
    labels = Counter(entity.label for entity in pool)
    print(
        f"\nscale: pool of {len(pool):,} synthetic entities "
        f"({', '.join(f'{n:,} {label}' for label, n in labels.most_common())}), {kb_name} KB, seed {seed}"
    )
    kb = KB_SETTINGS[kb_name]()
    warm = synthetic_corpus(pool, 20, seed)
    resolve_entities(warm.mentions, texts=warm.texts, kb=kb)
    head = f"{'docs':>7} {'mentions':>9} {'true ents':>9} {'resolved':>9} {'seconds':>8} {'mentions/s':>10}"
    print(head)
    print("-" * len(head))
    timings: list[float] = []
    for n_docs in sizes:
        corpus = synthetic_corpus(pool, n_docs, seed)
        best = float("inf")
        n_entities = 0
        for _ in range(3 if n_docs <= 2000 else 1):
            started = time.perf_counter()
            entities = resolve_entities(corpus.mentions, texts=corpus.texts, kb=kb)
            best = min(best, time.perf_counter() - started)
            n_entities = len(entities)
        timings.append(best)
        rate = len(corpus.mentions) / best if best > 0 else float("inf")
        print(
            f"{n_docs:>7,} {len(corpus.mentions):>9,} {corpus.used:>9,} {n_entities:>9,} "
            f"{best:>8.2f} {rate:>10,.0f}"
        )
    if len(sizes) >= 2 and timings[0] > 0:
        growth = sizes[-1] / sizes[0]
        target = TARGET_SLOPE * growth
        slowdown = timings[-1] / timings[0]
        verdict = "met" if slowdown <= target else "MISSED"
        print(
            f"time ratio {sizes[-1]:,}/{sizes[0]:,} docs: {slowdown:.1f} "
            f"(target <= {target:.0f}, linear would be {growth:.0f}: {verdict})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--pairs", type=Path, default=DEFAULT_PAIRS, help=f"pairs file (default {DEFAULT_PAIRS})"
    )
    parser.add_argument(
        "--show-errors", action="store_true", help="list the pairs each KB setting gets wrong"
    )
    parser.add_argument(
        "--scale",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="time resolve_entities on synthetic corpora (default on)",
    )
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[1000, 10000],
        help="corpus sizes in documents (default 1000 10000)",
    )
    parser.add_argument("--seed", type=int, default=13, help="seed of the synthetic corpora (default 13)")
    parser.add_argument(
        "--scale-kb",
        choices=tuple(KB_SETTINGS),
        default="bundled",
        help="KB for the scale runs (default bundled)",
    )
    args = parser.parse_args()
    if any(n < 1 for n in args.sizes):
        parser.error("--sizes must be positive")

    pairs = load_pairs(args.pairs)
    print(f"{len(pairs)} pairs from {args.pairs}\n")
    outcomes = {name: evaluate(pairs, make()) for name, make in KB_SETTINGS.items()}
    report_pairs(pairs, outcomes, args.show_errors)
    if args.scale:
        run_scale(sorted(args.sizes), args.seed, args.scale_kb)


if __name__ == "__main__":
    main()
