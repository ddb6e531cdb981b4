from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.errors import UsageError
from claimgraph.extract.techniques import (
    STAGE,
    TECHNIQUES,
    USER_STAGE,
    Lexicon,
    bundled_lexicon_text,
    find_techniques,
    load_lexicon,
    parse_lexicon,
    spoken_spans,
)
from tests.strategies import news_text


def found(text: str, *, speech: Sequence[tuple[int, int]] = ()) -> list[tuple[str, str, str]]:
    return [(t.text, t.technique, t.voice) for t in find_techniques("d", text, speech=speech)]


def test_labels_in_every_direction_and_their_variants() -> None:
    text = (
        "The occupiers shelled the town. Okupants and okupanty alike, said the post. The orcs retreated, "
        "the rashists and ruscists regrouped, and Moscow again called Kyiv's leaders neo-Nazis and the "
        "Kiev regime a junta, while the Kyiv junta answered. Окупанти пішли."
    )
    assert [(t, k) for t, k, _ in found(text)] == [
        ("occupiers", "Name_Calling-Labeling"),
        ("Okupants", "Name_Calling-Labeling"),
        ("okupanty", "Name_Calling-Labeling"),
        ("orcs", "Name_Calling-Labeling"),
        ("rashists", "Name_Calling-Labeling"),
        ("ruscists", "Name_Calling-Labeling"),
        ("neo-Nazis", "Name_Calling-Labeling"),
        ("Kiev regime", "Name_Calling-Labeling"),
        ("Kyiv junta", "Name_Calling-Labeling"),
        ("Окупанти", "Name_Calling-Labeling"),
    ]


def test_loaded_phrases_and_other_techniques() -> None:
    text = (
        "They were sent as cannon fodder into the meat-grinder in human wave attacks. "
        "He called Putin the bunker grandpa and the general a piece of s*** and spoke of genocide. "
        "The so-called referendum; Europe will be next. Russia is a terrorist state. Never, never, never."
    )
    assert [(t, k) for t, k, _ in found(text)] == [
        ("cannon fodder", "Loaded_Language"),
        ("meat-grinder", "Loaded_Language"),
        ("human wave attacks", "Loaded_Language"),
        ("bunker grandpa", "Name_Calling-Labeling"),
        ("piece of s***", "Name_Calling-Labeling"),
        ("genocide", "Loaded_Language"),
        ("so-called", "Doubt"),
        ("will be next", "Appeal_to_Fear-Prejudice"),
        ("terrorist state", "Name_Calling-Labeling"),
        ("Never, never, never", "Repetition"),
    ]


def test_whole_words_only_and_neutral_lookalikes() -> None:
    assert found("An orchestra played for the occupants of the building; the orca swam.") == []
    assert found("The vote will be next week and the attack was staged from Belarus.") == []
    assert found("The play was staged by a Kharkiv company; the butcher of the village shop.") == []
    assert found("He said the massacre in Bucha was staged, and the Butcher of Bucha laughed.") == [
        ("massacre in Bucha was staged", "Doubt", "outlet"),
        ("Butcher of Bucha", "Name_Calling-Labeling", "outlet"),
    ]
    assert found("Anti-fascist rallies; the Nazis in Kyiv") == [("Nazis", "Name_Calling-Labeling", "outlet")]


def test_offsets_are_the_text_and_overlaps_keep_the_longer() -> None:
    text = "Moscow calls them neo-Nazis; the puppet regime in Kyiv, it says, answers to the West."
    spans = find_techniques("doc-1", text)
    assert [t.text for t in spans] == ["neo-Nazis", "puppet regime"]
    for t in spans:
        assert t.span.doc == "doc-1"
        assert text[t.span.start : t.span.end] == t.text
        assert t.stage == STAGE
    assert spans[1].rule.startswith("(?:kiev|kyiv")


def test_voice_is_the_speaker_inside_quotes_and_statements_else_the_outlet() -> None:
    text = (
        'The occupiers advanced. "The orcs will not pass," the commander said. '
        "He said that the rashists had fled."
    )
    reported = text.index("the rashists")
    assert found(text) == [
        ("occupiers", "Name_Calling-Labeling", "outlet"),
        ("orcs", "Name_Calling-Labeling", "speaker"),
        ("rashists", "Name_Calling-Labeling", "outlet"),
    ]
    *_, last = found(text, speech=[(reported, len(text) - 1)])
    assert last == ("rashists", "Name_Calling-Labeling", "speaker")


def test_a_users_lexicon_adds_entries_and_wins_ties(tmp_path: Path) -> None:
    own = tmp_path / "mine.csv"
    own.write_text(
        "# our own words\npattern,kind,technique,note\n"
        "occupier,stem,Loaded_Language,relabelled for this project\n"
        "liberator,stem,Loaded_Language,the invader's word for itself\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon(str(own))
    spans = find_techniques("d", "The liberators and the occupiers, and the orcs.", lexicon=lexicon)
    assert [(t.text, t.technique, t.stage) for t in spans] == [
        ("liberators", "Loaded_Language", USER_STAGE),
        ("occupiers", "Loaded_Language", USER_STAGE),
        ("orcs", "Name_Calling-Labeling", STAGE),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("pattern,kind,technique\n", "needs the column(s) note"),
        ("pattern,kind,technique,note\norcs,glob,Loaded_Language,x\n", "line 2: kind 'glob'"),
        ("pattern,kind,technique,note\norcs,phrase,Propaganda,x\n", "line 2: 'Propaganda' is not"),
        ("pattern,kind,technique,note\n(orcs,regex,Loaded_Language,x\n", "line 2: not a valid pattern"),
        ("pattern,kind,technique,note\n# c\n(?:x)?,regex,Loaded_Language,x\n", "line 3: the pattern matches"),
        ("pattern,kind,technique,note\n,phrase,Loaded_Language,x\n", "line 2: the pattern is empty"),
        (
            "pattern,kind,technique,note\norc(?:s|ish),stem,Loaded_Language,x\n",
            "line 2: 'orc(?:s|ish)' reads",
        ),
    ],
)
def test_a_broken_lexicon_names_the_line(content: str, message: str) -> None:
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")):
        parse_lexicon(content, origin="mine.csv", stage=USER_STAGE)


def test_a_missing_lexicon_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot read the techniques lexicon"):
        load_lexicon(str(tmp_path / "absent.csv"))


def test_the_bundled_lexicon_is_valid_and_explained() -> None:
    entries = parse_lexicon(bundled_lexicon_text(), origin="bundled", stage=STAGE)
    assert len(entries) >= 80
    assert {e.technique for e in entries} <= TECHNIQUES
    assert all(e.note for e in entries)
    assert len({e.technique for e in entries}) >= 12


@settings(max_examples=300, deadline=None)
@given(news_text() | st.text(max_size=120), st.lists(st.tuples(st.integers(0, 200), st.integers(0, 40))))
def test_never_crashes_and_spans_are_valid(text: str, speech: list[tuple[int, int]]) -> None:
    spans = find_techniques("d", text, speech=[(s, s + n) for s, n in speech])
    reached = 0
    for t in spans:
        assert reached <= t.span.start < t.span.end <= len(text)
        assert text[t.span.start : t.span.end] == t.text
        assert t.voice in ("speaker", "outlet")
        assert t.technique in TECHNIQUES
        reached = t.span.end


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["occupiers", "cannon fodder", "bunker grandpa", "orcs", "collective West"]),
    news_text(),
)
def test_a_phrase_is_found_wherever_it_stands(phrase: str, around: str) -> None:
    text = f"{around} {phrase} {around}"
    spans = find_techniques("d", text)
    start = len(around) + 1
    assert any(t.span.start <= start and start + len(phrase) <= t.span.end for t in spans)


def test_so_called_doubts_a_name_or_claim_but_not_a_term_it_introduces() -> None:
    assert found("The so-called grey zone between the trenches is mined.") == []
    doubted = found("The so-called 'humanitarian pause' and the so-called Donetsk republic.")
    assert [t for t, _, _ in doubted] == ["so-called", "so-called"]
    assert [t for t, _, _ in found("It called the vote a so-called referendum.")] == ["so-called"]


def test_letters_that_fold_oddly_are_still_matched() -> None:
    # The long s matches "s" and the capital I with a dot "i" without regard to case, though their
    # lowercase forms differ: the anchors' quick check must not drop these matches.
    long_s, dotted_i = "\u017f", "\u0130"
    assert found(f"The Nazi{long_s} in Kyiv and the K{dotted_i}ev regime.") == [
        (f"Nazi{long_s}", "Name_Calling-Labeling", "outlet"),
        (f"K{dotted_i}ev regime", "Name_Calling-Labeling", "outlet"),
    ]


def test_anchors_are_the_literals_every_match_holds() -> None:
    def anchors(pattern: str) -> list[set[str]] | None:
        text = f"pattern,kind,technique,note\n{pattern},regex,Doubt,x\n"
        (entry,) = parse_lexicon(text, origin="t", stage=STAGE)
        return None if entry.anchors is None else [set(group) for group in entry.anchors]

    assert anchors("neo-?Nazis?") == [{"neo"}, {"nazi"}]
    assert anchors("(?:kiev|kyiv) regimes?") == [{"k"}, {"iev", "yiv"}, {" regime"}]
    assert anchors("bloody( regime)?") == [{"bloody"}]
    assert anchors("[a-z]+ists?") == [{"ist"}]
    assert anchors("(?:junta|[a-z]+) regime") == [{" regime"}]
    assert anchors("\\w{3}") is None


def _without_anchors(lexicon: Lexicon) -> Lexicon:
    return Lexicon(tuple(dataclasses.replace(entry, anchors=None) for entry in lexicon.entries))


_LEXICON_WORDS = [w for e in load_lexicon().entries for w in re.findall(r"[^\W\d_]{3,}", e.pattern)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(_LEXICON_WORDS)
        | st.sampled_from(["\u212a", "\u017f", "\u0130", "\u0131", " ", "-", ", ", '"', "'s "])
        | news_text(),
        max_size=25,
    ).map(" ".join)
)
def test_the_anchor_check_only_skips_entries_that_cannot_match(text: str) -> None:
    lexicon = load_lexicon()
    assert find_techniques("d", text, lexicon=lexicon) == find_techniques(
        "d", text, lexicon=_without_anchors(lexicon)
    )


def test_words_used_in_a_literal_sense_in_their_sentence_are_not_flagged() -> None:
    assert (
        found("A clown entertained children at the circus. The orcs besiege Helm's Deep in the film.") == []
    )
    assert found("The clown in the Kremlin threatened Europe. The children hid from the orcs.") == [
        ("clown", "Name_Calling-Labeling", "outlet"),
        ("orcs", "Name_Calling-Labeling", "outlet"),
    ]


@pytest.mark.parametrize(
    ("literal", "loaded"),
    [
        ("Farmers slaughtered the flock of hens after bird flu reached the village.",
         "The soldiers slaughtered the villagers who stayed behind."),
        ("Rats had infested the cellar where the family sheltered.",
         "The city is infested with traitors, the blogger wrote."),
        ("Prosecutors charged the commander with murder, torture and genocide.",
         "What happened in the town was genocide."),
        ("The butchers keep a meat grinder running in the back room.",
         "The front near the river has become a meat grinder."),
        ("The museum shows how Viking invaders raided the coast.",
         "The invaders shelled the school again."),
    ],
)  # fmt: skip
def test_literal_senses_and_charges_are_not_loaded_language(literal: str, loaded: str) -> None:
    assert found(literal) == []
    assert found(loaded) != []


def test_a_users_lexicon_may_name_literal_senses(tmp_path: Path) -> None:
    own = tmp_path / "mine.csv"
    own.write_text(
        "pattern,kind,technique,note,literal_when\n"
        "liberator,stem,Loaded_Language,the invader's word for itself,history|1945\n"
        "crusader,stem,Loaded_Language,a holy-war label\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon(str(own))
    text = "The liberators of 1945 were honoured. The liberators raised a flag; the crusaders cheered."
    spans = find_techniques("d", text, lexicon=lexicon)
    assert [(t.text, t.stage) for t in spans] == [("liberators", USER_STAGE), ("crusaders", USER_STAGE)]
    assert spans[0].span.start == text.index("liberators raised")
    broken = "pattern,kind,technique,note,literal_when\norcs,phrase,Loaded_Language,x,(film\n"
    with pytest.raises(UsageError, match="line 2, literal_when: not a valid pattern"):
        parse_lexicon(broken, origin="mine.csv", stage=USER_STAGE)


def test_a_word_talked_about_is_not_flagged_but_a_word_used_is() -> None:
    glossary = (
        'Translator\'s note: "Okupanty" means occupiers. "Natsyky" is a contemptuous word for Nazis. '
        'The term "orcs" is everywhere.'
    )
    assert found(glossary) == []
    used = found("This means the occupiers will stay. The orcs came.")
    assert [t for t, _, _ in used] == ["occupiers", "orcs"]


def test_a_word_inside_a_name_is_not_flagged() -> None:
    # Names of laws, institutions and days, titles in quotation marks, people's and works' names.
    assert found("Delegates met to mark the Convention on the Punishment of the Crime of Genocide.") == []
    assert found("Wreaths were laid at the Zorianka Genocide Memorial on Sunday.") == []
    assert found("Veterans were honoured on Heroes of the Motherland Day in Tver.") == []
    assert found('The club screened "The Last Tyrant of Varnia" to a full hall.') == []
    assert found("Among the signatories were the historian Lena Savage and the drummer Rick Filth.") == []
    assert found("The children watched Despicable Me twice and a cartoon from Monsters, Inc. once.") == []
    # The same words used, and labels from proper nouns, which carry a capital anyway.
    assert [t for t, _, _ in found("What the army did there was Genocide, pure and simple.")] == ["Genocide"]
    assert [t for t, _, _ in found("The marchers were Black Sun Nazis, the anchor said.")] == ["Nazis"]
    assert [t for t, _, _ in found("The tyrant of Varnia fled.")] == ["tyrant"]


def test_charges_in_a_list_of_criminal_charges_are_not_flagged() -> None:
    assert found("The indictment lists two counts of murder and one act of terrorism.") == []
    assert found("He was charged with looting, brutal assault and acts of terror in the port.") == []
    # An accusation, or guilt asserted, is no charge.
    accused = found("Kyiv accused Moscow of acts of terrorism; Moscow is guilty of genocide, it said.")
    assert [t for t, _, _ in accused] == ["acts of terrorism", "genocide"]


def test_the_nazis_of_the_second_world_war_are_not_a_label() -> None:
    history = (
        "In 1942 partisans blew up the rail bridge near the village. In reprisal, the Nazis shot "
        "forty hostages. The square was renamed after the war."
    )
    assert found(history) == []
    assert found("Residents hid their grain from the German occupiers and the Nazi invaders.") == []
    # No marker of the Second World War near it, or a qualifier that makes the Nazis today's.
    assert [t for t, _, _ in found("The Nazis are shelling our towns again, the anchor said.")] == ["Nazis"]
    today = "In 1943 our grandfathers freed the city. Today the Kyiv Nazis shell it."
    assert [t for t, _, _ in found(today)] == ["Kyiv Nazis"]
    assert [t for t, _, _ in found("The occupiers blocked the road near the old German cemetery.")] == [
        "occupiers"
    ]


@pytest.mark.parametrize(
    ("literal", "loaded"),
    [
        ("Investigators vowed to bring every war criminal to justice.",
         "The minister called the general a war criminal on television."),
        ("Lawyers argued for days over the definition of genocide.",
         "The shelling of the district is genocide, the governor said."),
        ("Several dictators of the 19th century feared the press.",
         "The dictator sent more troops to the border."),
        ("Analysts see the strikes as an existential threat to the general's rule.",
         "The alliance is an existential threat to our nation, the host said."),
        ("Knights of the First Crusade reached the city after a long siege.",
         "The senator called the sanctions a crusade against our farmers."),
        ("Everyone knows about the flooding downstream of the dam.",
         "Everyone knows the West started this war."),
        ("The team faces a brutal schedule in March. Protesters marched against police brutality.",
         "It was a brutal assault on a sleeping city."),
        ("Clear-cutting strips biomass and nutrients from the forest.",
         "The commanders treat the conscripts as biomass."),
        ("She wore a clown costume and a red nose to work on Friday.",
         "That clown in the ministry has lied again."),
        ("He won praise for playing a ruthless banker in the series.",
         "The ruthless shelling went on all night."),
        ("Farmers avoid the so-called humanitarian corridor – a road the army rarely checks.",
         "The so-called humanitarian corridor was shelled within an hour."),
    ],
)  # fmt: skip
def test_legal_historical_and_literal_senses_are_not_flagged(literal: str, loaded: str) -> None:
    assert found(literal) == []
    assert found(loaded) != []


def test_a_lexicon_reads_the_scope_of_literal_senses_and_proper_words(tmp_path: Path) -> None:
    own = tmp_path / "mine.csv"
    own.write_text(
        "pattern,kind,technique,note,literal_when,literal_scope,proper\n"
        "liberator,stem,Loaded_Language,the invader's word for itself,1945,passage\n"
        "Zorians,phrase,Name_Calling-Labeling,a label from a people's name,,,yes\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon(str(own))
    text = "It was 1945. The liberators came in May. Old Zorians and New Zorians argued."
    spans = find_techniques("d", text, lexicon=lexicon)
    assert [(t.text, t.stage) for t in spans] == [("Zorians", USER_STAGE), ("Zorians", USER_STAGE)]
    for column, value in (("literal_scope", "paragraph"), ("proper", "maybe")):
        broken = f"pattern,kind,technique,note,{column}\norcs,phrase,Loaded_Language,x,{value}\n"
        with pytest.raises(UsageError, match=f"line 2: {column} '{value}'"):
            parse_lexicon(broken, origin="mine.csv", stage=USER_STAGE)


def test_an_attack_called_a_regimes_terrorist_act_and_soldiers_called_mercenaries_are_flagged() -> None:
    found = {
        s.technique
        for s in find_techniques(
            "d",
            'Peskov called the attack "another terrorist act of the Kyiv regime". '
            "Up to 60 militants and foreign mercenaries were destroyed.",
        )
    }
    assert found >= {"Loaded_Language", "Name_Calling-Labeling"}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Gazprom is holding the whole continent hostage with its prices.",
            ["holding the whole continent hostage"],
        ),
        ("The gunmen were holding 12 passengers hostage.", []),
        ("The so-called military bloggers wrote that the town was encircled.", ["so-called"]),
    ],
)
def test_hostage_metaphors_and_doubted_names(text: str, found: list[str]) -> None:
    assert [t.text for t in find_techniques("d", text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("It was a bloody provocation for the Western press.", ["bloody provocation"]),
        ("They stage funerals for the cameras.", ["stage funerals for the cameras"]),
        ('The embassy called it "a staged show".', ["staged show"]),
        ("The channel is part of the propaganda machine.", ["propaganda machine"]),
        ("The school theatre staged a show for parents.", []),
    ],
)
def test_dismissals_as_staged_and_propaganda_machines(text: str, found: list[str]) -> None:
    assert [t.text for t in find_techniques("d", text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Kiev acts on orders of its Western curators.", ["Western curators"]),
        ("The mercenaries of the aggression shelled the port.", ["mercenaries of the aggression"]),
        ("Zelensky, whose term of office expired in May, spoke.", ["whose term of office expired"]),
    ],
)
def test_masters_hired_hands_and_expired_mandates(text: str, found: list[str]) -> None:
    assert [t.text for t in find_techniques("d", text)] == found


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("After the loss of the village the militants of the AFU withdrew.", "militants of the AFU"),
        ("Odesa, Reni, Izmail: this is Russian terror against food security.", "Russian terror"),
        ("Residents call the daily drone hunts a safari on people.", "safari on people"),
        ("The group said it killed soldiers of the crusader army near the border.", "crusader army"),
        ("The military said it struck a terrorist cell near the hospital.", "terrorist cell"),
    ],
)
def test_labels_of_the_other_side_in_war_reporting(text: str, phrase: str) -> None:
    assert [t for t, _, _ in found(text)] == [phrase]


@pytest.mark.parametrize(
    "text",
    [
        "In the Middle Ages the crusader army laid siege to Jerusalem.",
        "Police arrested a terrorist cell that was plotting attacks on the metro.",
    ],
)
def test_their_literal_senses_are_no_technique(text: str) -> None:
    assert found(text) == []


def test_a_war_machine_and_apostates_are_labels_unless_historical_or_scholarly() -> None:
    assert [t for _, t, _ in found("Drones hit the Russian war machine in Novorossiysk.")] == [
        "Loaded_Language"
    ]
    assert [t for _, t, _ in found("The fighters called the government a junta of apostates.")] == [
        "Name_Calling-Labeling"
    ]
    assert found("The American war machine of 1943 outproduced Germany.") == []
    assert found("The scholar wrote on apostates and conversion in the 12th century.") == []


def test_armed_opponents_labelled_terrorists_and_the_literal_sense_beside_a_terror_group() -> None:
    text = (
        'Jets struck "a camp of KIA terrorists" near the river. State radio said armed terrorist groups '
        'had fled and that "twelve terrorists" had been killed. '
    )
    assert [t for t, _, _ in found(text)] == [
        "KIA terrorists",
        "armed terrorist groups",
        'twelve terrorists" had been killed',
    ]
    assert found("Two ISIS terrorists were killed in the raid, the coalition said.") == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The minister said Sandu's clique had sold the country.", "Sandu's clique"),
        ("State television blamed the ruling clique in Tbilisi.", "ruling clique"),
        ("Officials called the dam threats energy blackmail.", "energy blackmail"),
        ("The statement blamed Hemedti's militias for the looting.", "Hemedti's militias"),
        ("A terrorist gang attacked the checkpoint, the ministry said.", "terrorist gang"),
        ("The army said it struck terrorist infrastructure near the border.", "terrorist infrastructure"),
    ],
)
def test_a_side_labelled_a_clique_militias_or_terror_and_a_threat_labelled_blackmail(
    text: str, label: str
) -> None:
    assert [t for t, _, _ in found(text)] == [label]


@pytest.mark.parametrize(
    "text",
    [
        "At school she belonged to a small clique of chess players.",
        "The actor was convicted of blackmail in 2019.",
        "Islamic State terrorist gangs were routed, the coalition said.",
    ],
)
def test_cliques_blackmail_and_terror_groups_named_as_such_are_no_labels(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Then came the so-called Geneva Accords or the Framework of Principles, to use its full name.",
        "They use so-called drone boats – they pack small hulls with explosives.",
        "Wild dogs bite children in the villages. Then these dogs are poisoned by the residents.",
    ],
)
def test_a_term_named_or_explained_and_animals_of_a_passage_are_literal(text: str) -> None:
    assert found(text) == []


def test_a_page_about_a_game_or_a_film_flags_nothing_and_a_war_page_still_does() -> None:
    review = (
        "The game follows a young spy through 1930s Berlin. Players guide the character through the "
        "streets, where the regime's thugs slaughtered the villagers, and each quest ends with a choice. "
        "The film tie-in trailer is out. The game comes to console next month, and players who finish "
        "it unlock a second character."
    )
    assert found(review) == []
    war = (
        "The minister said the thugs slaughtered the villagers. The game of nerves goes on, he said, and "
        "players in Moscow watch the film of the ruins while the army shells the town."
    )
    assert [t for t, _, _ in found(war)] == ["thugs", "slaughtered"]


@pytest.mark.parametrize(
    "text",
    [
        "Both sides signed the Package of Measures, the so-called Minsk agreements, in 2015.",
        "Both sides signed the Package of Measures (the so-called Minsk agreements) in 2015.",
        "We remember the Holodomor, Babyn Yar and the genocide in Rwanda.",
        "Her ancestors survived the genocide of Native Americans, the judge said.",
        "The hero played by Chaplin says that dictators free themselves but enslave the people.",
    ],
)
def test_names_given_beside_a_name_and_history_are_no_technique(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("They shelled Kramatorsk, the so-called DPR said.", "so-called"),
        ("The dictator in the Kremlin fears his own people.", "dictator"),
        ("Russia commits genocide in Ukraine, the minister said.", "genocide"),
    ],
)
def test_the_same_words_used_of_the_present_are_flagged(text: str, word: str) -> None:
    assert [t for t, _, _ in found(text)] == [word]


@pytest.mark.parametrize(
    "text",
    [
        "My brothers are not traitors, he said.",
        "There are no Nazis in our town.",
        "The police deny brutality.",
        "Minsk rejected the accusations of genocide.",
    ],
)
def test_a_label_denied_right_before_it_is_not_used(text: str) -> None:
    assert found(text) == []


def test_a_label_after_a_denied_word_is_used() -> None:
    assert [t for t, _, _ in found("They are not soldiers, they are neo-Nazis.")] == ["neo-Nazis"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The gangster regime in Minsk jails its critics.", "gangster regime"),
        ("Putin's arsonists struck the power plant again.", "Putin's arsonists"),
        ("This is blackmail, plain and simple.", "blackmail, plain and simple"),
        ("State television propagandists cheered the strike.", "propagandists"),
        ("The appeasers in the capitals want talks at any price.", "appeasers"),
    ],
)
def test_labels_of_an_op_ed(text: str, words: str) -> None:
    assert [t for t, _, _ in found(text)] == [words]


def test_propagandists_and_appeasers_of_history_are_no_labels() -> None:
    assert found("Goebbels and other propagandists of 1939 lied to the nation.") == []
    assert found("Chamberlain and the appeasers of the Munich Agreement failed.") == []


def test_a_view_stated_in_the_first_person_is_the_texts_own_voice() -> None:
    text = "I am sure that the occupiers will lose. The minister said the occupiers would pay."
    statements = [(15, 38, "sure", "I"), (58, 81, "said", "the minister")]
    speech = spoken_spans(statements)
    assert speech == [(58, 81)]
    voices = [(t.text, t.voice) for t in find_techniques("d", text, speech=speech)]
    assert voices == [("occupiers", "outlet"), ("occupiers", "speaker")]
    assert spoken_spans([(0, 5, "expects", "The Kremlin"), (6, 9, "believe", "we")]) == [(0, 5)]
