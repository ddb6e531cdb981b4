"""The model's attribute rules (tag → part of speech and morphology, plus word exceptions) applied
through lookup tables instead of spaCy's Matcher.

spaCy's ``attribute_ruler`` tests each of its patterns (179 in en_core_web_sm) against every token
with the general Matcher; on news text that takes about a seventh of the whole parse. Its patterns
are nearly all one token with an exact tag or word, so a table keyed on the first token's word or
tag finds the few candidates of a token directly. The result is the same as the stock component's
(``tests/test_attribute_rules.py`` compares every token attribute on the corpora): the same
patterns, matched against the doc as the parser left it, applied in the stock order (by pattern,
then position) so that later patterns win. A model whose patterns use anything the tables cannot
express keeps the stock component (``indexable``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

COMPONENT: Final = "claimgraph_attribute_rules"
STOCK_COMPONENT: Final = "attribute_ruler"

# The token attributes the tables read, in the column order of ``Doc.to_array``.
_COLUMNS: Final = ("LOWER", "TAG", "DEP", "IS_SPACE")
_OPERATORS: Final = frozenset({"IN", "NOT_IN", "REGEX"})

_REMEMBERED_ROWS: Final = 200_000
_Test = Callable[[tuple[int, ...]], bool]


def indexable(ruler: AttributeRuler) -> bool:
    """Whether every pattern of ``ruler`` is a fixed run of tokens tested only on their word, tag,
    dependency or whitespace, with equality, IN, NOT_IN or REGEX."""
    for pattern in ruler.patterns:
        alternatives = pattern["patterns"]
        if not isinstance(alternatives, list):
            return False
        for alternative in alternatives:
            if not isinstance(alternative, list):
                return False
            for spec in alternative:
                if not isinstance(spec, dict):
                    return False
                for key, value in spec.items():
                    if key not in _COLUMNS:
                        return False
                    if isinstance(value, dict) and (len(value) != 1 or not set(value) <= _OPERATORS):
                        return False
    return True


@dataclass(frozen=True, slots=True)
class _Pattern:
    rule: int  # the stock ruler's index of the rule: the order in which rules are applied
    length: int
    index: int  # which token of a match gets the attributes (negative counts from the end)
    tests: tuple[_Test, ...]  # one per token


class _Tables:
    """Patterns filed under the words or tags their first token must have, so that a token is only
    tested against patterns that can start on it."""

    def __init__(self) -> None:
        self.by_word: dict[int, list[_Pattern]] = {}
        self.by_tag: dict[int, list[_Pattern]] = {}
        self.always: list[_Pattern] = []

    def candidates(self, row: tuple[int, ...]) -> list[_Pattern]:
        return self.by_word.get(row[0], []) + self.by_tag.get(row[1], []) + self.always

    def file(self, pattern: _Pattern, first: Mapping[str, Any], vocab: Vocab) -> None:
        for column, table in (("LOWER", self.by_word), ("TAG", self.by_tag)):
            value = first.get(column)
            if isinstance(value, str):
                table.setdefault(vocab.strings.add(value), []).append(pattern)
                return
            if isinstance(value, dict) and "IN" in value:
                for member in value["IN"]:
                    table.setdefault(vocab.strings.add(member), []).append(pattern)
                return
        self.always.append(pattern)


class IndexedAttributeRules:
    """A pipeline component with the stock attribute ruler's patterns and attributes (see the module)."""

    def __init__(self, vocab: Vocab, rules: Sequence[Mapping[str, Any]], attrs: Sequence[dict[int, Any]]):
        self._vocab = vocab
        self._attrs = list(attrs)
        self._one_token = _Tables()  # looked up once per distinct row, then remembered
        self._longer = _Tables()  # looked up at every token
        self._one_token_rules: dict[tuple[int, ...], tuple[int, ...]] = {}
        for rule, entry in enumerate(rules):
            for alternative in entry["patterns"]:
                pattern = _Pattern(
                    rule,
                    len(alternative),
                    entry.get("index", 0),
                    tuple(self._token_test(spec) for spec in alternative),
                )
                one_token = pattern.length == 1 and pattern.index in (0, -1)
                tables = self._one_token if one_token else self._longer
                tables.file(pattern, alternative[0], self._vocab)

    @classmethod
    def from_stock(cls, ruler: AttributeRuler) -> IndexedAttributeRules:
        return cls(ruler.vocab, ruler.patterns, ruler.attrs)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = [tuple(row) for row in doc.to_array(list(_COLUMNS)).tolist()]
        matches: list[tuple[int, int, int]] = []  # (rule, start, token given the attributes)
        for start, row in enumerate(rows):
            rules = self._one_token_rules.get(row)
            if rules is None:
                rules = self._one_token_rules_of(row)
            matches.extend((rule, start, start) for rule in rules)
            for pattern in self._longer.candidates(row):
                end = start + pattern.length
                if end > len(rows) or not all(
                    test(rows[start + offset]) for offset, test in enumerate(pattern.tests)
                ):
                    continue
                target = start + (pattern.index if pattern.index >= 0 else pattern.length + pattern.index)
                if not start <= target < end:
                    raise ValueError(f"attribute rule {pattern.rule} points outside its match")
                matches.append((pattern.rule, start, target))
        matches.sort()
        for rule, _start, target in matches:
            set_token_attrs(doc[target], self._attrs[rule])
        return doc

    def _one_token_rules_of(self, row: tuple[int, ...]) -> tuple[int, ...]:
        """The one-token rules a token with these attributes matches, remembered: a corpus repeats
        the same few thousand (word, tag, dependency) rows."""
        if len(self._one_token_rules) >= _REMEMBERED_ROWS:
            self._one_token_rules.clear()
        rules = tuple(pattern.rule for pattern in self._one_token.candidates(row) if pattern.tests[0](row))
        self._one_token_rules[row] = rules
        return rules

    def _token_test(self, spec: Mapping[str, Any]) -> _Test:
        checks: list[Callable[[tuple[int, ...]], bool]] = [
            self._check(_COLUMNS.index(key), value) for key, value in spec.items()
        ]
        return lambda row: all(check(row) for check in checks)

    def _check(self, column: int, value: Any) -> Callable[[tuple[int, ...]], bool]:
        strings = self._vocab.strings
        if isinstance(value, bool):
            wanted = int(value)
            return lambda row: row[column] == wanted
        if isinstance(value, str):
            key = strings.add(value)
            return lambda row: row[column] == key
        ((operator, operand),) = value.items()
        if operator == "REGEX":
            expression = re.compile(operand)
            return lambda row: expression.search(strings[row[column]]) is not None
        members = frozenset(strings.add(member) for member in operand)
        if operator == "IN":
            return lambda row: row[column] in members
        return lambda row: row[column] not in members


def use_indexed_rules(nlp: Language) -> None:
    """Put the indexed rules in place of ``nlp``'s stock attribute ruler, when it has one they can
    express; otherwise leave ``nlp`` as it is."""
    if STOCK_COMPONENT not in nlp.pipe_names:
        return
    stock = nlp.get_pipe(STOCK_COMPONENT)
    if not isinstance(stock, AttributeRuler) or not indexable(stock):
        return
    nlp.add_pipe(COMPONENT, before=STOCK_COMPONENT)
    nlp.remove_pipe(STOCK_COMPONENT)


@Language.factory(COMPONENT)
def make_attribute_rules(nlp: Language, name: str) -> IndexedAttributeRules:
    """The rules of the stock attribute ruler already in ``nlp`` (spaCy builds factories from a
    config; the rules come from the loaded model instead)."""
    stock = nlp.get_pipe(STOCK_COMPONENT)
    if not isinstance(stock, AttributeRuler):
        raise TypeError(f"{COMPONENT} needs the model's {STOCK_COMPONENT} in the pipeline")
    return IndexedAttributeRules.from_stock(stock)
