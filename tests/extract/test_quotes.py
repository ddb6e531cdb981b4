from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimgraph.extract.quotes import find_quotes


def inner(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quotes(text) if q.depth == 0]


def test_straight_curly_and_guillemets() -> None:
    text = 'He said "we hold", she said “they left” and «no».'
    assert inner(text) == ["we hold", "they left", "no"]


def test_straight_quote_nested_in_straight_quote() -> None:
    text = '"The so-called "battle for Donbas" goes on. It is bad," said Stupak.'
    quotes = find_quotes(text)
    assert [(q.depth, text[q.inner_start : q.inner_end]) for q in quotes] == [
        (0, 'The so-called "battle for Donbas" goes on. It is bad,'),
        (1, "battle for Donbas"),
    ]


def test_quote_running_on_into_the_next_paragraph() -> None:
    text = '"First paragraph of the quote.\n\n"Second paragraph," he said.'
    quotes = [q for q in find_quotes(text) if q.depth == 0]
    assert quotes[0].runs_on
    assert text[quotes[0].inner_start : quotes[0].inner_end] == "First paragraph of the quote."
    assert text[quotes[1].inner_start : quotes[1].inner_end] == "Second paragraph,"
    assert not quotes[1].runs_on


def test_doubled_apostrophes_and_backticks_are_double_quotes() -> None:
    text = "''We will not leave,'' he said, and ``they know it'' too. The soldiers' families waited."
    assert inner(text) == ["We will not leave,", "they know it"]


def test_apostrophes_are_not_quotes() -> None:
    assert inner("Russia's army and the soldiers' morale") == []


@given(st.text(alphabet=st.sampled_from(list('ab "“”«»\n.,')), max_size=80))
def test_quotes_are_well_formed_for_any_text(text: str) -> None:
    for quote in find_quotes(text):
        assert 0 <= quote.start < quote.inner_start <= quote.inner_end <= quote.end <= len(text)
        assert "\n\n" not in text[quote.start : quote.end]


def test_single_marks_quote_only_where_no_double_ones_do_and_apostrophes_stay_apostrophes() -> None:
    text = "'Fine,' she said. 'We will go,' he replied. The boys' bikes were gone, it's said."
    assert [text[q.inner_start : q.inner_end] for q in find_quotes(text)] == ["Fine,", "We will go,"]
    assert find_quotes("The boys' bikes and the girls' coats were gone, it's said.") == []
    mixed = "\"We stay,\" he said of the 'grey zone'."
    assert [mixed[q.inner_start : q.inner_end] for q in find_quotes(mixed)] == ["We stay,"]


def test_a_curly_quotation_that_lost_its_closing_mark_ends_with_its_sentence() -> None:
    text = (
        "He called the report “nonsense from start to finish.? Two years later, he wrote that the "
        "minister had “lied” about it."
    )
    spans = [text[q.start : q.end] for q in find_quotes(text)]
    assert spans == ["“nonsense from start to finish.?", "“lied”"]


def test_a_curly_quotation_nested_in_one_sentence_stays_nested() -> None:
    text = "She said: “The so-called “truce” is over,” and left."
    found = find_quotes(text)
    assert [(text[q.start : q.end], q.depth) for q in found] == [
        ("“The so-called “truce” is over,”", 0),
        ("“truce”", 1),
    ]


def nested(text: str) -> list[tuple[int, str]]:
    return [(q.depth, text[q.inner_start : q.inner_end]) for q in find_quotes(text)]


def test_a_mark_glued_between_letters_opens_an_inner_quotation() -> None:
    text = 'The letter reads:"We keep what they asked us to"guard for all time." Thank you," he wrote.'
    assert nested(text) == [
        (0, 'We keep what they asked us to"guard for all time." Thank you,'),
        (1, "guard for all time."),
    ]
    assert inner('The "Azov"regiment said so.') == ["Azov"]


def test_one_mark_closing_an_inner_and_its_outer_quotation_at_a_sentence_end() -> None:
    text = (
        'She said: "We will not tell those who say: "Give up now".  After that, the talks ended. '
        '"We stood firm," she added.'
    )
    assert nested(text) == [
        (0, 'We will not tell those who say: "Give up now'),
        (1, "Give up now"),
        (0, "We stood firm,"),
    ]
    assert nested('"He told me: "Go home." Then he left," she said.') == [
        (0, 'He told me: "Go home." Then he left,'),
        (1, "Go home."),
    ]


def test_a_straight_inner_quotation_never_closes_a_curly_outer_one() -> None:
    text = (
        'She said: “We will not tell those who say: "Give up now".  After that, the talks ended.” '
        "Then she left."
    )
    assert nested(text) == [
        (0, 'We will not tell those who say: "Give up now".  After that, the talks ended.'),
        (1, "Give up now"),
    ]
