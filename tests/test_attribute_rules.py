from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from claimgraph.attribute_rules import COMPONENT, STOCK_COMPONENT, indexable, use_indexed_rules
from claimgraph.settings import DEFAULT_SETTINGS
from tests.conftest import SHARED

ATTRIBUTES = ("tag_", "pos_", "lemma_", "dep_", "is_space")


def annotations(docs: list[Doc]) -> list[tuple[object, ...]]:
    return [(t.i, *(getattr(t, a) for a in ATTRIBUTES), str(t.morph)) for d in docs for t in d]


@pytest.fixture(scope="module")
def stock() -> Language:
    return spacy.load(DEFAULT_SETTINGS.spacy_model, exclude=["ner"])


def test_the_model_rules_are_indexable(stock: Language) -> None:
    ruler = stock.get_pipe(STOCK_COMPONENT)
    assert isinstance(ruler, AttributeRuler) and indexable(ruler)


def test_same_annotations_as_the_stock_ruler_on_the_sample_corpus(stock: Language, sample_db: Path) -> None:
    with duckdb.connect(str(sample_db), read_only=True) as db:
        texts = [row[0] for row in db.execute("SELECT text FROM documents ORDER BY id").fetchall()]
    # The real articles too, when the shared data sits beside the repository.
    texts += [path.read_text(encoding="utf-8") for path in sorted(SHARED.glob("corpus/dev/*.txt"))]
    texts.append("I ain't gonna say he's wrong, y'all.\n\nShe'd've known. 'Cause it's 5 p.m.")
    indexed = spacy.load(DEFAULT_SETTINGS.spacy_model, exclude=["ner"])
    use_indexed_rules(indexed)
    assert COMPONENT in indexed.pipe_names and STOCK_COMPONENT not in indexed.pipe_names
    expected = annotations(list(stock.pipe(texts)))
    assert len(expected) > 2_000
    assert annotations(list(indexed.pipe(texts))) == expected


def small_rulers() -> tuple[Language, Language]:
    """Two blank pipelines with the same hand-made rules: every operator, a two-token rule, a rule
    that sets the second token of its match, a negative index and a later rule overriding an earlier."""
    rules = [
        {"patterns": [[{"LOWER": "the"}]], "attrs": {"LEMMA": "THE"}},
        {"patterns": [[{"LOWER": {"IN": ["the", "a"]}}]], "attrs": {"LEMMA": "article"}},
        {"patterns": [[{"LOWER": {"REGEX": "^ca"}}]], "attrs": {"LEMMA": "ca-word"}},
        {"patterns": [[{"LOWER": {"NOT_IN": ["cat", "the", "a", "sat", "."]}}]], "attrs": {"LEMMA": "other"}},
        {"patterns": [[{"LOWER": "cat"}, {"LOWER": "sat"}]], "attrs": {"LEMMA": "sit"}, "index": 1},
        {"patterns": [[{"LOWER": "a"}, {"LOWER": "cat"}]], "attrs": {"LEMMA": "feline"}, "index": -1},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"LEMMA": "SPACE"}},
        {"patterns": [[{"LOWER": "mat"}], [{"LOWER": "hat"}]], "attrs": {"LEMMA": "thing"}},
    ]
    pipelines = []
    for indexed in (False, True):
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe(STOCK_COMPONENT)
        assert isinstance(ruler, AttributeRuler)
        ruler.add_patterns(rules)
        if indexed:
            use_indexed_rules(nlp)
            assert COMPONENT in nlp.pipe_names
        pipelines.append(nlp)
    return pipelines[0], pipelines[1]


@pytest.mark.parametrize(
    "text",
    ["the cat sat on a mat", "A cat sat. The  hat, a cat, a car.", "", "cat", "  ", "sat cat sat a cat"],
)
def test_same_as_the_stock_ruler_for_every_operator(text: str) -> None:
    stock, indexed = small_rulers()
    assert [t.lemma_ for t in indexed(text)] == [t.lemma_ for t in stock(text)]


def test_rules_the_tables_cannot_express_keep_the_stock_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(STOCK_COMPONENT)
    assert isinstance(ruler, AttributeRuler)
    ruler.add_patterns([{"patterns": [[{"LOWER": "cat", "OP": "+"}]], "attrs": {"LEMMA": "cats"}}])
    assert not indexable(ruler)
    use_indexed_rules(nlp)
    assert nlp.pipe_names == [STOCK_COMPONENT]
