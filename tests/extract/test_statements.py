from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from claimgraph.extract.statements import extract_statements, publishing_office, speech_author
from claimgraph.models import Statement

if TYPE_CHECKING:
    from spacy.language import Language

PUBLISHED = dt.date(2024, 3, 14)  # a Thursday
Extract = Callable[[str], list[Statement]]


@pytest.fixture(scope="module")
def extract(nlp: Language) -> Extract:
    def run(text: str) -> list[Statement]:
        return extract_statements("d1", nlp(text), published=PUBLISHED)

    return run


def referent_text(text: str, statement: Statement) -> str | None:
    ref = statement.speaker.referent
    return text[ref.start : ref.end] if ref else None


def test_direct_quote_with_postposed_speaker(extract: Extract) -> None:
    text = '"The bridge is gone and the town is cut off," said Taras Orlenko.'
    (st,) = extract(text)
    assert st.kind == "direct"
    assert st.content_text == "The bridge is gone and the town is cut off"
    assert st.speaker.text == "Taras Orlenko"
    assert st.cue == "said"
    assert text[st.content.start : st.content.end] == st.content_text


def test_indirect_speech_with_appositive_channel_and_day(extract: Extract) -> None:
    text = (
        "Petro Kovalenko, governor of the Zarechna region, said Monday on his Telegram channel that "
        "the evacuation of the eastern districts would continue through the weekend."
    )
    (st,) = extract(text)
    assert st.kind == "indirect"
    assert st.content_text.startswith("the evacuation of the eastern districts")
    assert st.speaker.description == "governor of the Zarechna region"
    assert st.channel == "Telegram channel"
    assert st.said_on == dt.date(2024, 3, 11)


def test_pronoun_resolves_to_previous_speaker_and_split_quote_is_one_statement(extract: Extract) -> None:
    text = (
        '"We have enough shells for a week," Colonel Andriy Melnyk told reporters.\n\n'
        '"After that," he added, "we will have to pull back from the river."'
    )
    first, second = extract(text)
    assert referent_text(text, first) == "Andriy Melnyk"
    assert second.speaker.text == "he"
    assert referent_text(text, second) == "Andriy Melnyk"
    assert "After that" in second.content_text and "pull back from the river" in second.content_text


def test_mixed_statement_from_indirect_speech_with_quoted_fragments(extract: Extract) -> None:
    text = 'The mayor told the Harbour Courier there was "no panic" in the town and that shops "remain open."'
    (st,) = extract(text)
    assert st.kind == "mixed"
    assert st.content_text.startswith("there was")
    assert st.channel == "Harbour Courier"


def test_according_to_takes_the_rest_of_the_sentence(extract: Extract) -> None:
    text = "About 7,500 civilians remain in the town, according to the regional administration."
    (st,) = extract(text)
    assert st.cue == "according to"
    assert st.content_text == "About 7,500 civilians remain in the town"
    assert st.speaker.text == "the regional administration"


def test_anonymous_source_is_not_pinned_on_a_name(extract: Extract) -> None:
    text = (
        "Governor Petro Kovalenko visited the hospital on Tuesday.\n\n"
        "A soldier in the town told NWA that the bridge had been hit twice overnight."
    )
    (st,) = extract(text)
    assert st.speaker.anonymous
    assert st.speaker.referent is None
    assert st.speaker.text == "A soldier"


def test_role_noun_resolves_through_an_earlier_appositive(extract: Extract) -> None:
    text = (
        "Iryna Soroka, the mayor of Velykyi Mlyn, said the shelters were full. "
        '"We need buses," Soroka said.\n\n'
        "The mayor warned that the water supply would fail within days."
    )
    statements = extract(text)
    assert len(statements) == 3
    assert referent_text(text, statements[-1]) in {"Iryna Soroka", "Soroka"}


def test_scare_quotes_nicknames_and_reported_speech_inside_quotes_are_not_statements(
    extract: Extract,
) -> None:
    text = (
        'The militia calls its commander "the Blacksmith" and its base "the Ark."\n\n'
        '"He said the order came from above, and we obeyed," Melnyk said.'
    )
    statements = extract(text)
    assert len(statements) == 1
    assert statements[0].speaker.text == "Melnyk"
    assert statements[0].content_text.startswith("He said the order")


def test_multi_paragraph_quote_keeps_its_speaker(extract: Extract) -> None:
    text = (
        '"The first wave came at dawn. We held the line," Melnyk said.\n\n'
        '"The second wave came at noon, with armour and drones overhead."\n\n'
        "The town council met in the evening."
    )
    first, second = extract(text)
    assert second.kind == "direct"
    assert second.content_text.startswith("The second wave came at noon")
    assert second.speaker.text == first.speaker.text == "Melnyk"


def test_relative_pronoun_speaker_points_to_its_noun(extract: Extract) -> None:
    text = "Eastline News, which reported on Monday that the bridge had been destroyed, did not answer."
    (st,) = extract(text)
    assert st.speaker.text == "which"
    assert referent_text(text, st) == "Eastline News"
    assert st.content_text.startswith("the bridge had been destroyed")


def test_parenthetical_cue_reports_the_whole_sentence(extract: Extract) -> None:
    text = "The old bridge, the governor said, was no longer safe for trucks or buses."
    (st,) = extract(text)
    assert "was no longer safe for trucks or buses" in st.content_text
    assert st.content_text.startswith("The old bridge")
    assert st.speaker.text == "the governor"


def test_claim_noun_with_an_owner_is_a_statement(extract: Extract) -> None:
    text = "Orlenko's claim that the bridge still stands was rejected by the mercenaries."
    (st,) = extract(text)
    assert st.content_text == "the bridge still stands"
    assert st.speaker.text == "Orlenko"
    assert st.cue == "claim"


def test_speech_acts_and_commitments_take_their_object_as_content(extract: Extract) -> None:
    text = (
        "The mayor praised the volunteers for their courage during the shelling.\n\n"
        "Ukraine vowed on Monday to bolster its defences in the city.\n\n"
        "The governor accused Moscow of shelling the hospital."
    )
    praised, vowed, accused = extract(text)
    assert praised.cue == "praised"
    assert praised.content_text == "the volunteers for their courage"  # not when or where
    assert vowed.content_text == "to bolster its defences in the city"
    assert vowed.speaker.text == "Ukraine"
    assert accused.content_text == "Moscow of shelling the hospital"


def test_a_report_inside_what_someone_said_is_part_of_it(extract: Extract) -> None:
    text = "The spokesman said the commander had promised to hold the line until spring."
    (st,) = extract(text)
    assert st.speaker.text == "The spokesman"
    assert st.content_text == "the commander had promised to hold the line until spring"


def test_time_and_place_phrases_are_not_what_a_speech_act_is_about(extract: Extract) -> None:
    text = "The minister spoke on Tuesday about the need to reopen the grain corridor."
    (st,) = extract(text)
    assert st.content_text == "about the need to reopen the grain corridor"


def test_evidence_verbs_with_an_object_report_nothing(extract: Extract) -> None:
    assert extract("A video shows soldiers walking along the river.") == []


def test_transcript_labels_and_signed_quotations_name_their_speaker(extract: Extract) -> None:
    text = (
        "KOVALENKO: We stayed in the cellar for three weeks.\n\n"
        "HOST: Why did you not leave earlier?\n\n"
        "KOVALENKO: There was no road left to take.\n\n"
        "“We will rebuild every house in this street.” ― Petro Marchenko\n\n"
        "WASHINGTON — The Senate voted on Tuesday.\n\n"
        "UPDATE: The bridge reopened."
    )
    statements = extract(text)
    assert [(st.speaker.text, st.content_text) for st in statements] == [
        ("KOVALENKO", "We stayed in the cellar for three weeks."),
        # The host only asks: a question is no statement.
        ("KOVALENKO", "There was no road left to take."),
        ("Petro Marchenko", "We will rebuild every house in this street."),
    ]
    assert {st.kind for st in statements} == {"direct"}


def test_datelines_dates_and_quoted_words_are_not_speakers(extract: Extract) -> None:
    text = (
        "KYIV, Ukraine (AP) — The regional governor said the evacuation would go on.\n\n"
        "Saturday at the party convention the senator said taxes would rise.\n\n"
        '"My own brother, who lives there, could not leave," the mayor told reporters.'
    )
    governor, senator, mayor = extract(text)
    assert governor.speaker.text == "The regional governor"
    assert senator.speaker.text == "the senator"
    assert mayor.speaker.text == "the mayor"


def test_a_cue_with_its_own_clause_is_not_the_previous_quotes_cue(extract: Extract) -> None:
    text = (
        'The order covers "sexual orientation and gender identity." Cruz says he is not familiar with it.\n\n'
        'The mayor said the move was made by the police chief and said, "He has our full trust."'
    )
    statements = extract(text)
    assert [(st.kind, st.content_text) for st in statements] == [
        ("indirect", "he is not familiar with it"),
        ("indirect", "the move was made by the police chief"),
        ("direct", "He has our full trust."),
    ]


def test_parenthetical_cue_with_an_addressee_before_a_paragraph_break(extract: Extract) -> None:
    text = (
        "The solution, the engineer told them, was a pontoon bridge.\n\n"
        "Otherwise, she said, the town is lost.\n\n"
    )
    solution, otherwise = extract(text)
    assert solution.content_text == "The solution, the engineer told them, was a pontoon bridge"
    assert solution.speaker.text == "the engineer"
    assert otherwise.speaker.text == "she"


def test_calls_for_and_a_clause_closed_by_its_cue(extract: Extract) -> None:
    text = (
        "The minister is calling for the allies to step up deliveries of shells.\n\n"
        "The governor called upon residents to leave the city.\n\n"
        "The line had held for a month, the commander explained, pointing at the map."
    )
    allies, residents, held = extract(text)
    assert allies.content_text == "the allies to step up deliveries of shells"
    assert residents.content_text == "residents to leave the city"
    assert held.content_text == "The line had held for a month"
    assert held.speaker.text == "the commander"


def test_a_name_that_labels_several_lines_is_a_speaker_whatever_the_parser_makes_of_it(nlp: Language) -> None:
    text = (
        "The paper spoke to the deputy.\n\n"
        "Kovalsk Daily: Can the town be held?\n\n"
        "Yavir: Of course it can be held, and it must be.\n\n"
        "Kovalsk Daily: And the talks?\n\n"
        "Yavir: There will be no talks with that clown in his bunker.\n\n"
        "Update: the deputy later left the faction.\n"
    )
    said = extract_statements("d", nlp(text))
    speakers = [(s.speaker.text, s.content_text) for s in said]
    assert ("Yavir", "Of course it can be held, and it must be.") in speakers
    assert ("Yavir", "There will be no talks with that clown in his bunker.") in speakers
    assert not any(speaker == "Update" for speaker, _ in speakers)


def test_in_a_transcript_a_speaker_who_speaks_once_is_still_a_speaker(nlp: Language) -> None:
    text = (
        "HOST: Welcome to the programme, where we discuss the war.\n\n"
        "GUEST: Thank you, it is a pleasure to be here tonight.\n\n"
        "HOST: What happens next on the river?\n\n"
        "COLONEL: The crossing will be retaken within a week.\n"
    )
    speakers = {(s.speaker.text, s.content_text) for s in extract_statements("d", nlp(text))}
    assert ("COLONEL", "The crossing will be retaken within a week.") in speakers
    assert ("GUEST", "Thank you, it is a pleasure to be here tonight.") in speakers
    lone = "BREAKING: Shelling reported near the bridge this morning.\n\nResidents were told to stay inside."
    assert not extract_statements("d", nlp(lone))


def test_a_transcript_label_stands_for_the_full_name_given_before_it(nlp: Language) -> None:
    text = (
        "The host, Rostislav Bykov, opened the show. The colonel Pyotr Khlebnikov joined him.\n\n"
        "BYKOV: We will talk about the river crossing tonight.\n\n"
        "KHLEBNIKOV: The crossing will be retaken within a week.\n\n"
        "BYKOV: Thank you, colonel, for coming to the studio.\n"
    )
    doc = nlp(text)
    said = {s.content_text: s.speaker for s in extract_statements("d", doc)}
    colonel = said["The crossing will be retaken within a week."]
    assert colonel.text == "KHLEBNIKOV" and colonel.referent is not None
    assert text[colonel.referent.start : colonel.referent.end] == "Pyotr Khlebnikov"


@pytest.mark.parametrize(
    "text",
    [
        "Severny Prostor TV did not respond to a request for comment.",
        "None of the guests mentioned the burnt-out bus near Dubky.",
        "No official confirmed that the bridge had fallen.",
        "He never said that the town would fall.",
    ],
)
def test_a_cue_that_says_nobody_said_it_is_no_statement(nlp: Language, text: str) -> None:
    assert extract_statements("d", nlp(text)) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The talks have stalled, according to a source close to the Kremlin.",
            "a source close to the Kremlin",
        ),
        (
            "An official familiar with the matter said the talks had stalled.",
            "An official familiar with the matter",
        ),
        (
            "A person with knowledge of the plan said it would go ahead.",
            "A person with knowledge of the plan",
        ),
        (
            "Troops have died there, according to a Ukrainian close to the action.",
            "a Ukrainian close to the action",
        ),
    ],
)
def test_an_unnamed_source_keeps_the_words_that_place_it(nlp: Language, text: str, speaker: str) -> None:
    (said,) = extract_statements("d", nlp(text))
    assert said.speaker.text == speaker and said.speaker.anonymous


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "A soldier, who spoke on condition of anonymity, said the town had fallen.",
            [("A soldier", "the town had fallen")],
        ),
        (
            "One woman, who asked to be identified only as Zinaida, said the house was taken.",
            [("One woman", "the house was taken")],
        ),
        ("Few analysts agree with them.", []),
    ],
)
def test_the_terms_a_source_spoke_on_are_not_what_it_said(
    nlp: Language, text: str, said: list[tuple[str, str]]
) -> None:
    assert [(s.speaker.text, s.content_text) for s in extract_statements("d", nlp(text))] == said


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "Moldova's deputy foreign minister, Ion Rusu, said on Monday that the crossing would reopen.",
            "Ion Rusu",
            "Moldova's deputy foreign minister",
        ),
        (
            "Presidential adviser Taras Hlushko said the negotiators had not met since spring.",
            "Taras Hlushko",
            "Presidential adviser",
        ),
        (
            "Its leader Bohdan Ostapenko threatened to block the highway if the plant closed.",
            "Bohdan Ostapenko",
            "Its leader",
        ),
        (
            "Representative of the State Emergency Service Oksana Dzhuma stated that four shelters were full",
            "Oksana Dzhuma",
            "Representative of the State Emergency Service",
        ),
        (
            "The ferry sank within minutes of leaving port, the regional governor, Ihor Kachur, said.",
            "Ihor Kachur",
            "the regional governor",
        ),
    ],
)
def test_a_person_named_with_a_title_is_the_speaker_and_the_title_describes_them(
    extract: Extract, text: str, name: str, title: str
) -> None:
    (st,) = extract(text)
    assert st.speaker.text == name
    assert st.speaker.description == title
    assert referent_text(text, st) == name


def test_a_role_noun_later_finds_the_person_its_title_described(extract: Extract) -> None:
    text = (
        "The ferry sank within minutes of leaving port, the regional governor, Ihor Kachur, said on Tuesday. "
        "Divers were still searching the wreck, the governor said."
    )
    first, second = extract(text)
    assert first.content_text == "The ferry sank within minutes of leaving port"
    assert first.said_on == dt.date(2024, 3, 12)
    assert referent_text(text, second) == "Ihor Kachur"


@pytest.mark.parametrize(
    "text",
    [
        "The ministry declined to comment on the report.",
        "A spokeswoman for the governor refused to say how many shelters were open.",
        "Asked about the strike, the general said nothing about the losses.",
        "The utility expects power cuts to last until the spring.",
        "Residents fear another attack on the dam.",
    ],
)
def test_refusals_silences_and_forecasts_are_no_statements(extract: Extract, text: str) -> None:
    assert extract(text) == []


def test_a_turn_labelled_with_a_title_and_a_name_is_that_persons(extract: Extract) -> None:
    text = (
        "President of Moldova Ana Ciobanu: We agreed to open two more crossings before the winter.\n\n"
        "Prime Minister Denys Shmyhal: The power lines will be restored by Friday, I am sure of it."
    )
    first, second = extract(text)
    assert (first.speaker.text, first.speaker.description) == ("Ana Ciobanu", "President of Moldova")
    assert first.content_text == "We agreed to open two more crossings before the winter."
    assert (second.speaker.text, second.speaker.description) == ("Denys Shmyhal", "Prime Minister")
    assert referent_text(text, second) == "Denys Shmyhal"


def test_turns_whose_line_breaks_were_lost_run_to_the_next_label(extract: Extract) -> None:
    text = (
        "The governor met the head of the district council. Governor Petro Kovalenko: Good afternoon. "
        "How many shelters are open now? Iryna Sobko: Nine shelters are open, and two more will open in "
        "March. Petro Kovalenko: Then we will send more generators to the district."
    )
    turns = extract(text)
    # The governor's first turn only greets and asks: no statement, but the turn ends at the next label.
    assert [(t.speaker.text, t.content_text) for t in turns] == [
        ("Iryna Sobko", "Nine shelters are open, and two more will open in March."),
        ("Petro Kovalenko", "Then we will send more generators to the district."),
    ]


def test_a_colon_after_a_sentence_is_no_turn_without_a_speakers_name(extract: Extract) -> None:
    text = "The plan has three parts. Phase One: the bridges are repaired before the roads are."
    assert all(s.kind != "direct" for s in extract(text))


def test_a_list_introduced_by_a_cue_gives_its_speaker_each_item(extract: Extract) -> None:
    text = (
        "The regional administration reported the following:\n\n"
        "three villages were without power overnight;\n\n"
        "the water station in Bilokamianka was repaired,\n\n"
        "and 40 residents were moved to shelters.\n\n"
        "Schools will stay closed until Monday."
    )
    items = extract(text)
    assert [(s.speaker.text, s.content_text) for s in items] == [
        ("The regional administration", "three villages were without power overnight"),
        ("The regional administration", "the water station in Bilokamianka was repaired"),
        ("The regional administration", "and 40 residents were moved to shelters"),
    ]


def test_the_title_of_a_country_finds_the_person_who_holds_it(extract: Extract) -> None:
    text = (
        "President of Moldova Ana Ciobanu met President of Kazakhstan Kassym-Jomart Tokayev in Astana. "
        "The President of Kazakhstan said the grain corridor would stay open. "
        "The President of Moldova said the border crossings would reopen in May."
    )
    first, second = extract(text)
    assert referent_text(text, first) == "Kassym-Jomart Tokayev"
    assert referent_text(text, second) == "Ana Ciobanu"


def test_a_whole_quoted_sentence_after_a_direct_statement_goes_on_with_it(extract: Extract) -> None:
    text = (
        "The mayor spoke to residents on Sunday. "
        '"Nobody will be left behind," she said. "The buses leave at nine every morning." '
        '"The last one leaves at noon." Volunteers handed out water.'
    )
    (st,) = extract(text)
    assert st.kind == "direct" and st.speaker.text == "she"
    assert st.content_text == (
        'Nobody will be left behind," she said. "The buses leave at nine every morning." '
        '"The last one leaves at noon.'
    )


def test_a_quoted_sentence_after_narration_is_not_a_continuation(extract: Extract) -> None:
    text = (
        '"Nobody will be left behind," the mayor said. Volunteers handed out water. '
        '"The buses leave at nine every morning."'
    )
    (st,) = extract(text)
    assert st.content_text == "Nobody will be left behind"


def test_a_quotation_the_content_opens_it_also_closes(extract: Extract) -> None:
    text = 'The general described the retreat as "a regrouping of forces."'
    (st,) = extract(text)
    assert st.content_text == 'the retreat as "a regrouping of forces."'


def test_a_message_that_reads_is_the_words_of_whoever_sent_it(extract: Extract) -> None:
    text = (
        "Governor Petro Kovalenko sent a message of greetings to the volunteers of the Zarechna "
        'rescue service. The message reads, in part:"Your work has saved hundreds of lives this winter."'
    )
    (st,) = extract(text)
    assert st.kind == "direct" and st.cue == "reads"
    assert st.content_text == "Your work has saved hundreds of lives this winter."
    assert referent_text(text, st) == "Petro Kovalenko"


def test_a_sign_that_reads_is_no_statement(extract: Extract) -> None:
    text = 'He reads the newspaper every morning. The sign on the door reads "Closed until May".'
    assert extract(text) == []


def test_a_lists_headings_are_no_speakers(extract: Extract) -> None:
    text = (
        "Advantages: It is cheap, light and easy to repair in the field.\n\n"
        "Disadvantages: It drains the battery within two hours of use.\n\n"
        "Advantages: Spare parts are sold everywhere.\n\n"
        "Olga Petrova: Eleven schools reopened in May, and four more will open in September."
    )
    (st,) = extract(text)
    assert st.speaker.text == "Olga Petrova"


def test_an_impersonal_it_is_nobody_named(extract: Extract) -> None:
    text = (
        "The European Court of Human Rights ruled on the case in May. "
        "It was noted at the session that the evidence had been gathered legally."
    )
    (st,) = extract(text)
    assert st.speaker.anonymous and st.speaker.referent is None


@pytest.mark.parametrize(
    "text",
    [
        "The enemy keeps repeating its crimes in the occupied towns.",
        "The aggressor intends to seize the whole region.",
    ],
)
def test_actions_and_intentions_are_no_statements(extract: Extract, text: str) -> None:
    assert extract(text) == []


def test_repeating_words_is_speech(extract: Extract) -> None:
    (st,) = extract("The mayor repeated her call for more generators on Tuesday.")
    assert st.content_text.startswith("her call for more generators")


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "As informed the mayor of the town Oleksiy Petrenko in Telegram, in the Shevchenkivskyi "
            "district a fire broke out, two people were injured.",
            "Oleksiy Petrenko",
            "in the Shevchenkivskyi district a fire broke out, two people were injured",
        ),
        (
            "In Kharkiv region the enemy shelled a hospital, informed the head of the regional "
            "administration Petro Ivanov.",
            "Petro Ivanov",
            "In Kharkiv region the enemy shelled a hospital",
        ),
        (
            "As the mayor said on Monday, the water supply was restored in most districts.",
            "the mayor",
            "the water supply was restored in most districts",
        ),
        (
            "As reported by the General Staff, the enemy lost 1,200 soldiers over the past day.",
            "the General Staff",
            "the enemy lost 1,200 soldiers over the past day",
        ),
        (
            "The water supply was restored in most districts, as the mayor said on Monday.",
            "the mayor",
            "The water supply was restored in most districts",
        ),
        (
            "Air defence shot down 57 drones over the Belgorod region, informed in the defence department.",
            "the defence department",
            "Air defence shot down 57 drones over the Belgorod region",
        ),
    ],
)
def test_a_report_framing_a_clause_gives_the_clause_outside_the_frame(
    extract: Extract, text: str, speaker: str, content: str
) -> None:
    """Translated word order puts the speaker after the verb; "as" frames a clause of its own."""
    (st,) = extract(text)
    assert (st.speaker.text, st.content_text) == (speaker, content)


def test_a_frame_without_a_speaker_reports_nothing(extract: Extract) -> None:
    assert extract("As expected, the talks failed.") == []
    assert extract("He visited the front, told reporters nothing and left.") == []


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "The spokesman of the Navy Dmytro Koval told reporters that 12 boats were destroyed.",
            "Dmytro Koval",
            "The spokesman of the Navy",
        ),
        (
            "Even the commander of one battalion, a certain Denys Moroz, admitted that the situation "
            "is difficult.",
            "Denys Moroz",
            "the commander of one battalion",
        ),
        (
            "Military expert, reserve colonel Hennadiy Lysak said the road to the city was open.",
            "Hennadiy Lysak",
            "Military expert, reserve colonel",
        ),
        (
            "The head of the regional administration Petro Ivanov said two people were injured.",
            "Petro Ivanov",
            "The head of the regional administration",
        ),
    ],
)
def test_a_name_closing_a_title_phrase_is_the_speaker(
    extract: Extract, text: str, name: str, title: str
) -> None:
    (st,) = extract(text)
    assert (st.speaker.text, st.speaker.description) == (name, title)


def test_a_name_the_title_is_of_is_someone_else(extract: Extract) -> None:
    for text in (
        "The lawyer of Alexei Navalny said the verdict was political.",
        "An adviser to President Volodymyr Zelensky said the talks had stalled.",
    ):
        (st,) = extract(text)
        # The lawyer or the adviser speaks: the person named in the title is nobody's referent.
        assert st.speaker.text.startswith(("The lawyer", "An adviser")) and st.speaker.referent is None


@pytest.mark.parametrize(
    "text",
    [
        "The troops attacked the district with drones.",
        "Russian troops attacked Ukrainian positions near the river.",
        "Our soldiers defend the state every day.",
        "Police charged the protesters.",
        "Prosecutors charged him with treason.",
        "The two leaders discussed air defence and joint drone production.",
        "The minister spoke about the situation at the front.",
        "We talked about the threats to the energy system.",
    ],
)
def test_physical_acts_and_bare_topics_are_no_statements(extract: Extract, text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The senator attacked the president's plan as reckless.", "the president's plan as reckless"),
        ("The opposition attacked the government over rising prices.", "the government over rising prices"),
        ("The minister defended the decision to raise taxes.", "the decision to raise taxes"),
        ("She talked about the danger of a new offensive.", "about the danger of a new offensive"),
    ],
)
def test_acts_done_in_words_are_statements(extract: Extract, text: str, content: str) -> None:
    (st,) = extract(text)
    assert st.content_text == content


def test_a_turn_goes_on_over_its_paragraphs_up_to_narration_or_the_next_label(extract: Extract) -> None:
    text = (
        "President of the Republic of Finland Ari Laine: Thank you. It is an honour to be here.\n\n"
        "Peace must be just, and Ukraine must be at the table.\n\n"
        "Question: Will you meet again this year?\n\n"
        "Prime Minister Olena Hrytsenko: We will meet in the autumn.\n\n"
        "We also spoke about the situation at the front. Our forces pushed the enemy back by 3 km.\n\n"
        "The leaders then visited a hospital in the city centre."
    )
    statements = extract(text)
    assert [(st.speaker.text, st.content_text) for st in statements] == [
        ("Ari Laine", "Thank you. It is an honour to be here."),
        ("Ari Laine", "Peace must be just, and Ukraine must be at the table."),
        ("Olena Hrytsenko", "We will meet in the autumn."),
        (
            "Olena Hrytsenko",
            "We also spoke about the situation at the front. Our forces pushed the enemy back by 3 km.",
        ),
    ]
    assert statements[0].speaker.description == "President of the Republic of Finland"


def test_the_head_of_state_is_the_president_named_before(extract: Extract) -> None:
    text = (
        "President Oleh Marchuk visited the town on Monday. "
        '"Every strike will be answered," stated the Head of State.'
    )
    (st,) = extract(text)
    assert referent_text(text, st) == "Oleh Marchuk"


def test_the_same_speaker_going_on_speaks_on_the_same_day(extract: Extract) -> None:
    text = (
        'Governor Oleh Syniehubov said on Monday that 12 people were injured. "A school was hit," he added.'
    )
    first, second = extract(text)
    assert first.said_on == second.said_on == dt.date(2024, 3, 11)


def test_a_name_set_off_before_a_subjectless_cue_is_its_speaker(extract: Extract) -> None:
    text = (
        "The road to Kharkiv remains open, although it is under constant drone attack, the head of the "
        "city military administration, Maksym Tarasenko, said on Wednesday."
    )
    (st,) = extract(text)
    assert (st.speaker.text, st.speaker.description) == (
        "Maksym Tarasenko",
        "the head of the city military administration",
    )
    assert st.content_text == "The road to Kharkiv remains open, although it is under constant drone attack"


def test_whom_it_was_told_is_never_the_speaker(extract: Extract) -> None:
    (st,) = extract(
        "The bridge is closed to traffic, the regional governor, Oleh Syniehubov, told reporters on Monday."
    )
    assert st.speaker.text == "Oleh Syniehubov"


def test_a_cue_going_on_from_a_subject_before_a_quotation_is_not_its_cue(extract: Extract) -> None:
    text = (
        'Foreign Ministry spokeswoman Maria Zakharova called the meeting "a gathering of sponsors" and '
        'said the new weapons would "burn like the previous ones."'
    )
    assert {st.speaker.text for st in extract(text)} == {"Maria Zakharova"}


def test_speech_negated_with_its_frame_is_no_statement(extract: Extract) -> None:
    text = 'Dmytro Peskov told journalists that the Kremlin does not intend to comment "the hysterics".'
    (st,) = extract(text)
    assert st.speaker.text == "Dmytro Peskov"
    assert st.content_text.startswith("the Kremlin does not intend to comment")


@pytest.mark.parametrize(
    ("text", "day", "content"),
    [
        (
            "The defence ministry said on Sunday its forces had captured the village.",
            dt.date(2024, 3, 10),
            "its forces had captured the village",
        ),
        (
            "President Oleh Marchuk in his evening address on 12 March named the strike a cynical terror.",
            dt.date(2024, 3, 12),
            "the strike a cynical terror",
        ),
        (
            "The mayor, in his address, which was broadcast on March 11, said the shelters were open.",
            dt.date(2024, 3, 11),
            "the shelters were open",
        ),
        (
            '"Today, 390 defenders returned home," the President said.',
            PUBLISHED,
            "Today, 390 defenders returned home",
        ),
    ],
)
def test_the_day_said_comes_from_the_cue_its_channel_or_the_quoted_today(
    extract: Extract, text: str, day: dt.date, content: str
) -> None:
    (st,) = extract(text)
    assert (st.said_on, st.content_text) == (day, content)


def test_a_day_inside_what_was_said_is_not_the_day_it_was_said(extract: Extract) -> None:
    (st,) = extract("The minister said the talks on Monday had failed.")
    assert st.said_on is None


def test_what_others_know_is_the_writers_claim_and_what_we_know_is_said(extract: Extract) -> None:
    assert extract("They know that the bridge is mined.") == []
    assert extract("The people of the city have learned that freedom has a price.") == []
    (st,) = extract("We know that the bridge is mined.")
    assert st.content_text == "the bridge is mined"


def test_the_texts_own_first_person_is_its_author(nlp: Language) -> None:
    text = (
        "I believe that the front will hold. We know that the army is ready.\n\n"
        '"I was there," a soldier said.\n\n'
        "Oksana Melnyk: I saw the strike."
    )
    statements = extract_statements("d1", nlp(text), published=PUBLISHED, authors=("Oleh Marchuk",))
    by_content = {st.content_text: st.speaker for st in statements}
    assert by_content["the front will hold"].author == "Oleh Marchuk"
    assert by_content["the army is ready"].author == "Oleh Marchuk"
    assert by_content["I was there"].author is None  # a quoted "I" is the quoted speaker
    assert by_content["I saw the strike."].author is None  # a turn's "I" is its label's
    two = extract_statements("d1", nlp(text), published=PUBLISHED, authors=("A B", "C D"))
    assert all(st.speaker.author is None for st in two)


def test_this_was_stated_by_reports_the_sentence_before(extract: Extract) -> None:
    text = "The enemy shelled Kharkiv again overnight. This was stated by the governor Oleh Syniehubov."
    (st,) = extract(text)
    assert (st.speaker.text, st.content_text) == (
        "Oleh Syniehubov",
        "The enemy shelled Kharkiv again overnight",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine will respond to every strike on its cities.",
        "Russia keeps shelling the town without admitting any losses.",
    ],
)
def test_answering_a_deed_and_speech_done_without_are_no_statements(extract: Extract, text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "His doctor ordered a chest X-ray.",
        "They talked about how to prevent such a war.",
        "For most businesses the rule is simple: you have announced the start of business.",
    ],
)
def test_deeds_topics_and_the_addressee_are_no_statements(extract: Extract, text: str) -> None:
    assert extract(text) == []


def test_a_whole_quoted_sentence_after_a_reported_one_goes_on_with_its_speaker(extract: Extract) -> None:
    text = (
        'Judin said the ruling ignored the law. "It takes the courts years to catch up with the companies."'
    )
    (st,) = extract(text)
    assert st.speaker.text == "Judin" and st.kind == "mixed"
    assert st.content_text == (
        'the ruling ignored the law. "It takes the courts years to catch up with the companies."'
    )


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("I am sure that Ukraine will win this war.", "Ukraine will win this war"),
        ("We are convinced the front will hold.", "the front will hold"),
    ],
)
def test_a_stated_conviction_is_a_statement(extract: Extract, text: str, content: str) -> None:
    (st,) = extract(text)
    assert st.content_text == content


def test_an_aside_between_a_title_and_the_name_is_skipped(extract: Extract) -> None:
    text = (
        "The secretary of the city council, who performs the duties of the mayor, Serhiy Melnyk, "
        "informed that 17 buildings were damaged."
    )
    (st,) = extract(text)
    assert (st.speaker.text, st.speaker.description) == ("Serhiy Melnyk", "The secretary of the city council")


def test_a_cue_followed_by_its_day_and_place_reports_the_clause_before_without_the_dateline(
    extract: Extract,
) -> None:
    text = (
        "BRUSSELS, June 5 (Reuters) - Germany will provide an additional 1.9 billion euros for air "
        "defence this year, Defence Minister Boris Pistorius said on Thursday at a meeting of the "
        "contact group at NATO headquarters."
    )
    (st,) = extract(text)
    assert st.speaker.text == "Boris Pistorius"
    assert st.content_text == "Germany will provide an additional 1.9 billion euros for air defence this year"


def test_a_subjectless_report_after_its_clause_takes_the_speaker_after_it(extract: Extract) -> None:
    (st,) = extract("Last week the enemy lost 11,200 soldiers on the front, informs the General Staff.")
    assert (st.speaker.text, st.content_text) == (
        "the General Staff",
        "Last week the enemy lost 11,200 soldiers on the front",
    )


def test_an_assessment_with_a_clause_is_a_statement_and_assessing_damage_is_not(extract: Extract) -> None:
    (st,) = extract("ISW assesses that the Russian command likely intends to seize the town before autumn.")
    assert st.content_text == "the Russian command likely intends to seize the town before autumn"
    assert extract("Engineers assessed the damage to the bridge.") == []


def test_a_name_opening_the_sentence_before_an_aside_is_the_speaker(extract: Extract) -> None:
    text = (
        'Iryna Melnyk, who runs the volunteer kitchen "Warm Hands" and is not related to the acting mayor, '
        "told reporters that her team had cooked more than 1,500 portions since Tuesday."
    )
    (st,) = extract(text)
    assert st.speaker.text == "Iryna Melnyk"
    assert st.content_text == "her team had cooked more than 1,500 portions since Tuesday"


def test_as_someone_put_it_attributes_the_quotation(extract: Extract) -> None:
    text = 'Residents sleep in the basement, although "rats had infested the cellar," as one of them put it.'
    (st,) = extract(text)
    assert st.cue == "put" and "rats had infested the cellar" in st.content_text
    assert extract("He put it on the table.") == []


@pytest.mark.parametrize(
    "text",
    [
        "This indicates that the enemy is failing.",
        "The gradual liberation of our land proves that we can win.",
        "These almost ten weeks proved that the country is strong.",
        "The company will maintain contact with the families.",
        "The corporation concluded loan agreements with two banks.",
        "Putin explained the reasons for the decision.",
        "Diplomats informed the world about the events.",
        "They will say that the strike was staged.",
        "Moscow could claim that the talks failed.",
        "If they ask for weapons, we will help.",
        "DEAR ABBY: My husband never listens to me when I talk about money.",
    ],
)
def test_inferences_deeds_topics_predictions_and_salutations_are_no_statements(
    extract: Extract, text: str
) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The investigation showed that the missile was Russian.", "the missile was Russian"),
        ("The poll shows that most people support the plan.", "most people support the plan"),
        ("I will say this: the front will hold.", "the front will hold"),
        ("He concluded that the plan had failed.", "the plan had failed"),
    ],
)
def test_documents_showing_and_a_speakers_own_announcement_are_statements(
    extract: Extract, text: str, content: str
) -> None:
    (st,) = extract(text)
    assert st.content_text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "I am grateful to our partners for the new defence package.",
            "to our partners for the new defence package",
        ),
        ("I sincerely admire the courage of our medics.", "the courage of our medics"),
    ],
)
def test_thanks_reaffirmations_and_praise_are_statements(extract: Extract, text: str, content: str) -> None:
    (st,) = extract(text)
    assert st.content_text == content
    assert extract("The soldiers were grateful for the food.") == []


def test_a_titled_label_run_on_after_a_heading_opens_a_turn(extract: Extract) -> None:
    text = (
        "Beginning of Russian-Palestinian talks President of Russia Vladimir Putin: Mr President, I am "
        "glad to see you. This is why I would like to thank you for accepting our invitation."
    )
    (st,) = extract(text)
    assert (st.speaker.text, st.speaker.description) == ("Vladimir Putin", "President of Russia")
    assert st.content_text.startswith("Mr President, I am glad to see you.")


def test_a_that_clause_the_parser_read_as_an_object_is_the_whole_clause(extract: Extract) -> None:
    text = (
        "We emphasize that continuous destabilisation and violations of international law in many "
        "parts of the region pose a serious threat to peace, security and stability."
    )
    (st,) = extract(text)
    assert st.content_text.startswith("continuous destabilisation")
    assert st.content_text.endswith("a serious threat to peace, security and stability")
    (praise,) = extract("He praised that decision and left the room.")
    assert praise.content_text == "that decision"


@pytest.mark.parametrize(
    ("title", "author"),
    [
        ("Address by the President of Ukraine on the unity of Ukrainian society", "the President of Ukraine"),
        ("Joint Statement of the Heads of State of the Trio", "the Heads of State of the Trio"),
        ("Statement by the Ministry of Foreign Affairs on the referendum", "the Ministry of Foreign Affairs"),
        ("Zelensky met Macron in Paris", None),
        ("The grid will hold this winter - address by Prime Minister Anna Berg", "Prime Minister Anna Berg"),
        (
            "We will rebuild Kharkiv – Speech by the President of Ukraine to the Bundestag",
            "the President of Ukraine",
        ),
        ("Critics mocked the speech by the mayor", None),
        (
            "Joint statement issued by the Foreign Ministers of Chile and Peru after talks",
            "the Foreign Ministers of Chile and Peru",
        ),
        ("Statement made by the Secretary General at the summit", "the Secretary General"),
        (None, None),
    ],
)
def test_a_title_that_says_whose_words_follow_names_the_speaker(
    title: str | None, author: str | None
) -> None:
    assert speech_author(title) == author


@pytest.mark.parametrize(
    ("title", "outlet", "author"),
    [
        (
            "Bridges will be rebuilt - speech by the President at the donors' meeting",
            "president.example (Office of the President of Moldova, English site)",
            "the President of Moldova",
        ),
        (
            "Address by the Prime Minister",
            "Press Service of the Prime Minister of Georgia",
            "the Prime Minister of Georgia",
        ),
        # A publisher that is no head's office says nothing of which president.
        ("Address by the President", "Daily Herald", "the President"),
        # The office the title names is another than the publisher's: the title stands.
        ("Speech by the Prime Minister", "Office of the President of Moldova", "the Prime Minister"),
        ("Speech by the President of France", "Office of the Moldovan President", "the President of France"),
    ],
)
def test_an_office_without_its_country_is_the_publishing_office(title: str, outlet: str, author: str) -> None:
    assert speech_author(title, outlet=outlet) == author


def test_thanks_say_something_only_with_whom_or_what_they_are_for(extract: Extract) -> None:
    assert extract("I am grateful to you.") == []
    assert extract("I am grateful for that.") == []
    (everyone,) = extract("I am grateful to everyone who defends Ukraine.")
    assert everyone.content_text == "to everyone who defends Ukraine"
    (support,) = extract("I am grateful to you for this support.")
    assert support.content_text == "to you for this support"


def test_a_turn_of_courtesies_and_questions_says_nothing(extract: Extract) -> None:
    text = (
        "Vladimir Putin: We have to support this project.\n\n"
        "Denis Manturov: Understood. What else needs to be done to support this project?\n\n"
        "Vladimir Putin: Thank you very much. <…>\n\n"
        "Denis Manturov: Thank you. The plant will open in May."
    )
    assert [st.content_text for st in extract(text)] == [
        "We have to support this project.",
        "Thank you. The plant will open in May.",
    ]


def test_a_labelled_list_is_no_turn(extract: Extract) -> None:
    text = "Portion Fix Containers: 2 Green, 1 Purple.\n\nPortion Fix Containers: 1 Green, 2 Blue."
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("I am sure of this: Ukraine will win this war.", "Ukraine will win this war"),
        (
            "The Prime Minister instructed the ministries to prepare the budget by Friday.",
            "the ministries to prepare the budget by Friday",
        ),
    ],
)
def test_a_conviction_before_a_colon_and_an_instruction_are_statements(
    extract: Extract, text: str, content: str
) -> None:
    (st,) = extract(text)
    assert st.content_text == content


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("I invite you to show your support.", "I", "you to show your support"),
        ("I will remind you that the war is not over.", "I", "the war is not over"),
        ('"Get down!" an officer shouts.', "an officer", "Get down!"),
        (
            "The grid is stable for now, said David Marcus, an energy consultant in Boston.",
            "David Marcus",
            "The grid is stable for now",
        ),
    ],
)
def test_invitations_reminders_shouts_and_a_speaker_described_after_the_cue(
    extract: Extract, text: str, speaker: str, content: str
) -> None:
    (st,) = extract(text)
    assert (st.speaker.text, st.content_text) == (speaker, content)


def test_a_quoted_question_claims_nothing_and_a_link_label_is_no_speaker(extract: Extract) -> None:
    assert extract('"Why did you not leave earlier?" she asked.') == []
    (st,) = extract('"We stayed. Where could we go?" she said.')
    assert st.content_text == "We stayed. Where could we go?"
    text = "MORE: The mayor resigned after the vote.\n\nMORE: The council met again today."
    assert extract(text) == []


def test_a_quoted_order_is_its_officers(extract: Extract) -> None:
    (st,) = extract('"Retreat to the second line!" an officer ordered.')
    assert (st.speaker.text, st.content_text) == ("an officer", "Retreat to the second line!")
    assert extract("The officer ordered a retreat.") == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Vladimir Putin and Kassym-Jomart Tokayev said the talks were useful.",
            "Vladimir Putin and Kassym-Jomart Tokayev",
        ),
        ("Most of the candidates said the debate was unfair.", "Most of the candidates"),
        ("Those who stayed in the city said the shelling never stopped.", "Those who stayed in the city"),
        ("Senators from both parties said the bill would pass.", "Senators from both parties"),
    ],
)
def test_the_words_that_say_who_speaks_stay_with_the_speaker(
    extract: Extract, text: str, speaker: str
) -> None:
    (st,) = extract(text)
    assert st.speaker.text == speaker
    assert st.speaker.referent is None  # a group, or nobody named: no one person's words


def test_a_fact_that_confirms_is_an_inference(extract: Extract) -> None:
    assert extract("This is a fact that confirms that the enemy is weak.") == []
    (st,) = extract("The minister said the harvest grew by 75%.")
    assert st.content_text == "the harvest grew by 75%"


def test_according_to_ends_with_its_source_whatever_the_parser_hangs_under_it(extract: Extract) -> None:
    text = (
        "According to the ministry, in the Kupyansk direction the enemy lost up to 45 servicemen "
        "over the day."
    )
    (st,) = extract(text)
    assert st.speaker.text == "the ministry"
    assert st.content_text.startswith("in the Kupyansk direction the enemy lost")


@pytest.mark.parametrize(
    "text",
    [
        "According to the harbour master, approx. 38 ships were waiting at anchor on Tuesday.",
        "Port officials said about 40 ships, incl. two tankers, were waiting at anchor on Tuesday.",
    ],
)
def test_an_abbreviation_does_not_end_the_sentence_of_a_statement(extract: Extract, text: str) -> None:
    (st,) = extract(text)
    assert "ships" in st.content_text and "waiting at anchor" in st.content_text


def test_a_quotation_after_a_response_still_to_come_is_the_reporters_speakers(extract: Extract) -> None:
    text = 'The spokeswoman said on Thursday that Moscow will respond to the new tariffs "in kind and fast."'
    (st,) = extract(text)
    assert (st.speaker.text, st.kind) == ("The spokeswoman", "mixed")
    assert st.content_text == 'Moscow will respond to the new tariffs "in kind and fast."'


def test_a_heading_that_names_reports_says_nothing(extract: Extract) -> None:
    assert extract('What the agencies reported about the "liberation" of the region. Unedited.') == []
    assert extract('The envoy commented on "the deal of the decade" yesterday.') == []


def test_transcript_turns_are_said_on_the_day_their_lead_gives_or_else_published(nlp: Language) -> None:
    turns = (
        "Prime Minister Anna Berg: We agreed on a new package of drones for the front.\n\n"
        "Question (Radio North): Madam Prime Minister, will there be more?\n\n"
        "Prime Minister Anna Berg: Yes. Our factories will double their output next year.\n"
    )
    published = dt.date(2026, 11, 12)
    lead = "On 10 November, the two leaders held a joint press conference in Kyiv.\n\n"
    statements = extract_statements("d1", nlp(lead + turns), published=published)
    assert [st.said_on for st in statements] == [dt.date(2026, 11, 10)] * 2
    assert not any("will there be more" in st.content_text for st in statements)
    statements = extract_statements("d1", nlp(turns), published=published)
    assert [st.said_on for st in statements] == [published] * 2


def test_the_person_a_who_aside_describes_speaks_after_a_place_phrase(extract: Extract) -> None:
    text = (
        "In Kharkiv, Ukraine, Mayor Ihor Terekhov, who has led the city since 2020, said the trams "
        "would run again on Monday."
    )
    (st,) = extract(text)
    assert st.speaker.text == "Ihor Terekhov"
    assert st.content_text == "the trams would run again on Monday"


def test_an_inline_label_after_a_cut_with_what_the_turn_is_about_opens_a_turn(extract: Extract) -> None:
    text = (
        "Congratulations to all of you. <…> Anna Berg(on the new campus): First, I would like to say "
        "that the campus will open in May. <…> Anna Berg(on grants): Second, every student will get "
        "a grant next year."
    )
    turns = [st for st in extract(text) if st.cue == ":"]
    assert [(st.speaker.text, st.content_text[:6]) for st in turns] == [
        ("Anna Berg", "First,"),
        ("Anna Berg", "Second"),
    ]


# --- session 10: clause shapes the parser misreads, source frames, interviews -----------------------


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # A first conjunct before the reported clause is reported too.
        (
            "Crews cleared the main road, but the bridge stays closed, the agency added.",
            "the agency",
            "Crews cleared the main road, but the bridge stays closed",
        ),
        # An opening phrase makes the parser read the clause as an adverbial of the cue.
        (
            "Since the start of the week, the army has downed 60 drones over the city, the mayor reported.",
            "the mayor",
            "Since the start of the week, the army has downed 60 drones over the city",
        ),
    ],
)
def test_everything_before_a_closing_cue_is_reported(
    extract: Extract, text: str, speaker: str, content: str
) -> None:
    (st,) = extract(text)
    assert (st.speaker.text, st.content_text) == (speaker, content)


def test_a_source_joined_to_a_list_before_a_closing_cue_is_still_the_source(extract: Extract) -> None:
    text = (
        "Shelling resumed on Friday, when the guns hit the depot with rockets and mines, "
        "farmers and local volunteers said."
    )
    (st,) = extract(text)
    assert st.speaker.text == "farmers and local volunteers"
    assert "the guns hit the depot with rockets and mines" in st.content_text
    assert "volunteers" not in st.content_text


def test_a_that_clause_after_a_phrase_is_the_content_and_the_phrase_gives_no_day(extract: Extract) -> None:
    (st,) = extract("The governor said after the March 9 strike that the plant had not been damaged.")
    assert st.content_text == "the plant had not been damaged"
    assert st.said_on is None


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "By the count of Iryna Holub, a researcher at the Kyiv-based centre Dovira, the army lost 14 "
            "helicopters this year.",
            "Iryna Holub",
            "By the count of",
            "the army lost 14 helicopters this year.",
        ),
        ("In the view of the rector, the campus can reopen in May.", "the rector", "In the view of", None),
        ("By the border guards' tally, 900 people crossed on Sunday.", "the border guards", None, None),
    ],
)
def test_a_sentence_opened_by_whose_count_or_view_it_gives(
    extract: Extract, text: str, speaker: str, cue: str | None, content: str | None
) -> None:
    (st,) = extract(text)
    assert st.speaker.text == speaker
    assert cue is None or st.cue == cue
    assert content is None or st.content_text == content


def test_an_ordinary_opening_phrase_is_no_source_frame(extract: Extract) -> None:
    assert extract("In the morning, the market opened as usual.") == []


def test_an_opening_according_to_keeps_the_source_over_a_report_inside(extract: Extract) -> None:
    (st,) = extract("According to the monitors, the army announced the withdrawal too early to save face.")
    assert st.speaker.text == "the monitors"
    assert st.content_text.startswith("the army announced the withdrawal")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The mayor urged families in the riverside districts to leave before dark.",
            "families in the riverside districts to leave before dark",
        ),
        (
            "The council announced a fund for repairs worth 40 million hryvnias.",
            "a fund for repairs worth 40 million hryvnias",
        ),
    ],
)
def test_a_complement_without_a_subject_goes_with_the_object(
    extract: Extract, text: str, content: str
) -> None:
    (st,) = extract(text)
    assert st.content_text == content


def test_a_second_predicate_calling_on_others_is_its_own_statement(extract: Extract) -> None:
    text = "The minister wrote on Facebook that the grid was stable, and called on residents to save power."
    contents = {st.content_text for st in extract(text)}
    assert "residents to save power" in contents


def test_a_form_of_address_is_not_the_speaker(extract: Extract) -> None:
    (st,) = extract("Mr Minister, Hungary says it will block the next loan.")
    assert st.speaker.text == "Hungary"


def test_press_conference_questions_are_no_statements_but_a_claim_inside_one_is(extract: Extract) -> None:
    text = (
        "Question (Radio Svoboda): Madam Minister, Russia says it has taken Kurakhove. Is that so?\n\n"
        "Minister of Defence of the Republic of Estonia Liis Kask: No. The town is held, and I spoke "
        "with the commanders this morning."
    )
    found = {(st.speaker.text, st.content_text) for st in extract(text)}
    assert ("Russia", "it has taken Kurakhove") in found
    assert ("Liis Kask", "No. The town is held, and I spoke with the commanders this morning.") in found
    assert not any(speaker.startswith(("Question", "Madam")) for speaker, _ in found)


INTERVIEW = """"We hold the roads": medic Taras Bondar on the Siversk front

Taras Bondar has served as a combat medic since 2022. We talked with Taras Bondar about evacuations.

— Taras, the Russian side says the town is surrounded. Is that true?

— No. The roads are under fire, but our vehicles go in and out every night.

We lose more vehicles than people now, and that is the right way round.

— What do you need most?

— Armoured ambulances and trained drivers. Money comes, drivers do not.
"""


def test_dash_interview_answers_are_the_interviewees_words(extract: Extract) -> None:
    statements = extract(INTERVIEW)
    answers = [st for st in statements if st.kind == "direct"]
    assert [st.content_text.split(".")[0] for st in answers] == [
        "No",
        "We lose more vehicles than people now, and that is the right way round",
        "Armoured ambulances and trained drivers",
    ]
    assert {st.speaker.text for st in answers} == {"Taras Bondar"}
    claim = next(st for st in statements if st.kind == "indirect")
    assert (claim.speaker.text, claim.content_text) == ("the Russian side", "the town is surrounded")


def test_dashes_without_questions_are_no_interview(extract: Extract) -> None:
    text = (
        "Volunteer Anna Kravets listed what the shelter needs.\n\n"
        "— blankets and heaters for the night;\n\n— bottled water;\n\n— generators and fuel."
    )
    assert [st for st in extract(text) if st.kind == "direct"] == []


def test_q_and_a_labels_make_an_interview(extract: Extract) -> None:
    text = (
        "Olha Marchenko runs the city's water utility. We asked Olha Marchenko about the winter.\n\n"
        "Q: Will the pumps work during blackouts?\n\nA: Yes. Every station now has a generator.\n\n"
        "Q: And the pipes?\n\nA: Half of them are older than I am, but we replace them street by street."
    )
    answers = [st for st in extract(text) if st.kind == "direct"]
    assert [st.speaker.text for st in answers] == ["Olha Marchenko", "Olha Marchenko"]
    assert answers[0].content_text == "Yes. Every station now has a generator."


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Exports fell by a third, according to calculations by the Centre for Economic Strategy.",
            "the Centre for Economic Strategy",
        ),
        ("According to the navy's estimates, 12 landing craft were sunk.", "the navy"),
        ("According to data from the border service, 2,000 people crossed.", "the border service"),
    ],
)
def test_according_to_a_document_names_whose_it_is(extract: Extract, text: str, speaker: str) -> None:
    (st,) = extract(text)
    assert st.speaker.text == speaker


def test_a_hyphenated_title_before_a_name_describes_the_speaker(extract: Extract) -> None:
    (st,) = extract("Ukraine's Commander-in-Chief Oleksandr Syrskyi said on Monday the front had stabilised.")
    assert st.speaker.text == "Oleksandr Syrskyi"


def referents(extract: Extract, text: str) -> list[tuple[str, str | None]]:
    return [(st.speaker.text, referent_text(text, st)) for st in extract(text)]


def test_a_body_named_by_what_it_is_is_the_organisation_last_quoted(extract: Extract) -> None:
    text = (
        "Naftogaz said two compressor stations were hit overnight. "
        "The state energy company added that repairs would take weeks."
    )
    assert referents(extract, text)[1] == ("The state energy company", "Naftogaz")


def test_the_analysts_speak_for_the_institute_quoted_before(extract: Extract) -> None:
    text = "The Centre for Defence Strategies said the front moved. The analysts wrote that it would hold."
    assert referents(extract, text)[1] == ("The analysts", "The Centre for Defence Strategies")


def test_a_capitalised_office_is_resolved_to_the_person_who_holds_it(extract: Extract) -> None:
    text = (
        "President of Ukraine Volodymyr Zelenskyy held a meeting of the Staff.\n\n"
        '"We will answer every strike," the Head of State noted.'
    )
    assert referents(extract, text)[-1] == ("the Head of State", "Volodymyr Zelenskyy")


def test_a_report_relaying_a_named_speaker_gives_the_speakers_words(extract: Extract) -> None:
    (st,) = extract(
        "The bulletin also notes that General Serhii Nayev said on March 12 that the border was mined."
    )
    assert (st.speaker.text, st.content_text, st.said_on) == (
        "Serhii Nayev",
        "the border was mined",
        dt.date(2024, 3, 12),
    )


def test_a_person_reporting_anothers_claim_stays_the_speaker(extract: Extract) -> None:
    (st,) = extract("Officials said Minsk claimed the convoy had turned back.")
    assert st.speaker.text == "Officials"


@pytest.mark.parametrize(
    ("text", "said_on"),
    [
        # the day of the statement before, in the same paragraph, counts
        (
            "On Monday, the navy said two boats were sunk. The day before, its spokesman had said one was.",
            dt.date(2024, 3, 10),
        ),
        (
            'Opening the session on March 4, the speaker said: "We sit until the budget passes."',
            dt.date(2024, 3, 4),
        ),
        ('"The bridge stands," the statement of the regional council of 7 March reads.', dt.date(2024, 3, 7)),
    ],
)
def test_the_day_of_saying_from_the_occasion_and_the_day_before(
    extract: Extract, text: str, said_on: dt.date
) -> None:
    assert extract(text)[-1].said_on == said_on


@pytest.mark.parametrize(
    "text",
    [
        "In view of this, reconstruction must start before the winter.",
        "Moderator: Please go ahead.\n\nAnna Berg: Please go ahead.",
        "We support farmers who feel that the state has forgotten them.",
        "The Ukrainian Ministry of Defence reported on the situation at the front.",
        "According to geolocated footage, the troops advanced two kilometres.",
        "TASS: The ministry announced the capture of the village\n\nRIA: The governor reported new strikes",
    ],
)
def test_idioms_floor_giving_described_beliefs_topics_imagery_and_headlines_say_nothing(
    extract: Extract, text: str
) -> None:
    assert extract(text) == []


def test_a_relative_clause_of_belief_leaves_the_main_statement(extract: Extract) -> None:
    (st,) = extract("The mayor, who believes the bridge will hold, said repairs start on Monday.")
    assert (st.speaker.text, st.content_text) == ("The mayor", "repairs start on Monday")


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("We expect clear decisions from our partners.", "We", "clear decisions from our partners"),
        ("The ministry countered that the figures were old.", "The ministry", "the figures were old"),
    ],
)
def test_a_stated_expectation_and_a_counter(extract: Extract, text: str, speaker: str, content: str) -> None:
    (st,) = extract(text)
    assert (st.speaker.text, st.content_text) == (speaker, content)


def test_a_belief_with_an_object_voiced_by_others_is_no_statement(extract: Extract) -> None:
    assert extract("Investors expect higher rates.") == []


def test_others_beliefs_told_in_a_speech_are_the_speakers_claims(extract: Extract) -> None:
    address = (
        "Good evening, fellow citizens!\n\nToday I met our commanders. We discussed the front. We will "
        "hold every town.\n\nThe invaders think that they can outlast us. I believe that we will win.\n\n"
        "We also count on our partners."
    )
    found = [(st.speaker.text, st.content_text) for st in extract(address)]
    assert ("I", "we will win") in found
    assert not any(speaker == "The invaders" for speaker, _ in found)
    quoted = extract('The mayor said: "They suspect that the river will rise again. It will not."')
    assert [st.speaker.text for st in quoted] == ["The mayor"]


def test_a_belief_in_a_report_is_its_holders_view(extract: Extract) -> None:
    (st,) = extract("KYIV, May 4 (Reuters) - Western officials believe that Russia has lost 300,000 troops.")
    assert (st.speaker.text, st.content_text) == ("Western officials", "Russia has lost 300,000 troops")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "I thank everyone who is fighting. For our freedom. For our children!",
            "everyone who is fighting. For our freedom. For our children",
        ),
        (
            "We are grateful to the nurses who work in Sumy. For every night.",
            "to the nurses who work in Sumy. For every night",
        ),
        (
            "I thank Norway for its aid, including heavy generators.",
            "Norway for its aid, including heavy generators",
        ),
        (
            "I thank the rescuers who worked all night. For now, the roads are closed.",
            "the rescuers who worked all night",
        ),
    ],
)
def test_thanks_run_on_through_what_they_are_for(extract: Extract, text: str, content: str) -> None:
    assert [st.content_text for st in extract(text)][:1] == [content]


def test_gratitude_that_names_only_those_thanked_says_nothing(extract: Extract) -> None:
    assert extract("I am grateful to all our heroes!") == []
    assert extract("We are grateful to all our soldiers. Glory to Ukraine!") == []


@pytest.mark.parametrize(
    "text",
    [
        "I asked the European leaders whether Ukraine will join NATO.",
        "Volunteers asked how they could help.",
        "The governor asked the nurses about their plans for the winter.",
        "Then I will ask the last question.",
    ],
)
def test_a_question_asked_or_a_topic_asked_about_says_nothing(extract: Extract, text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("We asked for air defence systems.", "for air defence systems"),
        ("I ask you for help.", "you for help"),
        ("The mayor asked residents to stay indoors.", "residents to stay indoors"),
    ],
)
def test_asking_for_something_is_a_request(extract: Extract, text: str, content: str) -> None:
    assert [st.content_text for st in extract(text)] == [content]


def test_a_habitual_saying_of_anyone_is_no_statement(extract: Extract) -> None:
    assert extract("Everyone has always said that borders cannot be changed by force.") == []
    assert extract("Generals often say that no plan survives the first battle.") == []
    (st,) = extract("The minister has always said that the border is closed.")
    assert st.speaker.text == "The minister"
    (st,) = extract("Some residents say the water is still unsafe.")
    assert st.content_text == "the water is still unsafe"


@pytest.mark.parametrize(
    "text",
    [
        "It is expected that the new plant will bring 300 jobs.",
        "It is widely believed that the dam was mined.",
        "The generals can be convinced that the offensive has failed.",
        "Demand an end to the blockade from your deputies!",
        "Tell everyone you know that the shelters are open.",
    ],
)
def test_a_belief_nobody_holds_and_an_order_to_the_reader_are_no_statements(
    extract: Extract, text: str
) -> None:
    assert extract(text) == []


def test_a_held_belief_and_a_passive_report_stay(extract: Extract) -> None:
    (st,) = extract("We are convinced that the front will hold.")
    assert st.content_text == "the front will hold"
    (st,) = extract("It was noted in the ministry that the talks had stalled.")
    assert st.speaker.text == "the ministry"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Workers were told by the plant manager that the night shift would end.", "the plant manager"),
        (
            "Employees were told in an email from chief executive Dana Kerr that the offices would close.",
            "Dana Kerr",
        ),
    ],
)
def test_those_told_are_no_speakers_but_a_named_teller_is(extract: Extract, text: str, speaker: str) -> None:
    (st,) = extract(text)
    assert st.speaker.text == speaker
    assert extract("Residents were told that the water was safe.") == []


@pytest.mark.parametrize(
    "text",
    [
        'This is what is called "liberation" in your capital.',
        'Such strikes can be called "terror" and nothing else.',
    ],
)
def test_a_name_given_in_the_passive_by_no_one_is_no_statement(extract: Extract, text: str) -> None:
    assert extract(text) == []


def test_others_attitudes_told_in_a_speech_are_the_speakers_claims(extract: Extract) -> None:
    address = (
        "Good evening! We met the commanders today. We discussed the front. We will hold. We are ready."
        "\n\nThe whole world admires the courage of our defenders."
    )
    assert not any(st.speaker.text == "The whole world" for st in extract(address))


def test_believing_in_someone_is_faith_not_a_statement(extract: Extract) -> None:
    assert extract("We believe in them, take care of them. Defend our state.") == []
    (st,) = extract("We believe in our army, and we believe that it will win.")
    assert st.content_text == "it will win"


def test_a_name_given_in_the_passive_by_someone_stays(extract: Extract) -> None:
    assert len(extract('The budget was called "a disgrace" by the opposition leader.')) == 1


def test_a_quoted_verdict_called_on_something(extract: Extract) -> None:
    (st,) = extract('The senator called the ruling "a gift to the smugglers."')
    assert st.content_text.startswith('the ruling "a gift to the smugglers')


def test_a_phone_call_to_someone_named_is_no_verdict(extract: Extract) -> None:
    assert extract("The minister called his deputy, Ivan Petrov, on Monday.") == []


def test_the_analysts_of_an_institute_named_but_not_yet_quoted(extract: Extract) -> None:
    text = (
        "The Centre for Eastern Studies has found no sign of a new offensive. "
        "The analysts wrote that the reserves were still in Belarus."
    )
    assert referents(extract, text)[-1] == ("The analysts", "The Centre for Eastern Studies")


def test_an_untitled_name_run_on_after_a_heading_opens_a_turn(extract: Extract) -> None:
    text = (
        "Meeting with regional governors Vladimir Putin: Good afternoon. The heating season has begun, "
        "and I believe we are ready.\n\nAlexander Gusev: The region is ready too."
    )
    speakers = [st.speaker.text for st in extract(text) if st.kind == "direct"]
    assert speakers == ["Vladimir Putin", "Alexander Gusev"]


@pytest.mark.parametrize("text", ["I emphasized the main thing.", "Let me say one more thing."])
def test_a_lead_in_to_the_next_sentence_says_nothing_yet(extract: Extract, text: str) -> None:
    assert extract(text) == []


def test_the_name_right_before_a_closing_cue_speaks(extract: Extract) -> None:
    text = (
        "Most of those freed had been held for two years, and some were medics from Kherson, "
        "the Ukrainian Coordination Headquarters for the Treatment of Prisoners of War said on Friday."
    )
    (st,) = extract(text)
    assert st.speaker.text.endswith("Headquarters for the Treatment of Prisoners of War")
    assert st.content_text.endswith("some were medics from Kherson")


def test_a_turn_after_a_section_break_on_one_line(extract: Extract) -> None:
    text = (
        "The President held a meeting on the heating season.\n\n"
        "Taking part were the ministers. * * * President of Russia Vladimir Putin: Colleagues, good "
        "afternoon. I would ask the Government to report on the reserves. "
        "Nikolai Shulginov: The reserves are full."
    )
    turns = [(st.speaker.text, st.content_text[:14]) for st in extract(text) if st.kind == "direct"]
    assert turns == [("Vladimir Putin", "Colleagues, go"), ("Nikolai Shulginov", "The reserves a")]


def test_posts_quoted_under_their_authors_lines(extract: Extract) -> None:
    text = (
        "Posts of the day.\n\n"
        "🔴 Oleksandr Prokudin, head of the regional administration, 12.10.2026, 07:15:\n"
        '"Kherson was shelled again overnight. Two people were injured."\n\n'
        "🔴 Oleksandr Prokudin, 12.10.2026, 19:40:\n"
        '"Power has been restored in the Korabel district."'
    )
    posts = [
        (st.speaker.text, st.said_on, st.content_text[:20]) for st in extract(text) if st.kind == "direct"
    ]
    assert posts == [
        ("Oleksandr Prokudin", dt.date(2026, 10, 12), "Kherson was shelled "),
        ("Oleksandr Prokudin", dt.date(2026, 10, 12), "Power has been resto"),
    ]


def test_posts_set_a_paragraph_apart_from_their_lines_and_posted_by_a_body(extract: Extract) -> None:
    text = (
        "Messages from the region.\n\n"
        "🔴 Ivan Fedorov, head of the regional administration, 03.11.2026, 09:30:\n\n"
        '"Zaporizhzhia was attacked by drones at night. Three houses are damaged."\n\n'
        "🔴 National Police in Zaporizhzhia region, 03.11.2026, 12:05:\n\n"
        '"Investigators are documenting the consequences of the attack on the city."'
    )
    posts = [(st.speaker.text, st.content_text[:14]) for st in extract(text) if st.kind == "direct"]
    assert posts == [
        ("Ivan Fedorov", "Zaporizhzhia w"),
        ("National Police in Zaporizhzhia region", "Investigators "),
    ]


def test_a_guest_label_is_the_person_the_host_talks_to(extract: Extract) -> None:
    text = (
        "In this episode, Anna Berg talks to retired general Petro Kovalenko about the winter.\n\n"
        "HOST: General, the ministry says the front is stable. Is it?\n\n"
        "GUEST: Stable is a big word. The line holds, but the drones decide the day.\n\n"
        "HOST: What comes next?\n\n"
        "GUEST: A hard winter for the grid, and a harder one for the Russians."
    )
    statements = extract(text)
    assert [st.speaker.text for st in statements if st.kind == "direct"] == ["Petro Kovalenko"] * 2
    assert ("the ministry", "the front is stable") in {
        (st.speaker.text, st.content_text) for st in statements
    }


def test_she_is_never_a_man_named_before(extract: Extract) -> None:
    text = (
        "President Volodymyr Zelensky said 272 people were home. Tetiana Moroz waited at the bus. "
        "She said she had recognised her son from the window."
    )
    assert referents(extract, text)[-1] == ("She", "Tetiana Moroz")


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Interfax quoted the mayor of Bilhorod, Pavlo Sych, as saying that the ferry would not run "
            "until spring.",
            "Pavlo Sych",
            "the ferry would not run until spring",
        ),
        ("The agency cited two officials as saying the convoy had turned back.", "two officials", None),
    ],
)
def test_the_one_quoted_as_saying_speaks_not_the_outlet(
    extract: Extract, text: str, speaker: str, content: str | None
) -> None:
    (st,) = extract(text)
    assert st.speaker.text == speaker
    assert content is None or st.content_text == content


def test_putting_it_bluntly_introduces_a_quotation(extract: Extract) -> None:
    text = 'The deputy mayor, who runs the water board, put it plainly: "We have pipes for one more winter."'
    (st,) = extract(text)
    assert (st.speaker.text, st.content_text) == ("The deputy mayor", "We have pipes for one more winter.")


def test_a_quotation_ending_a_reported_clause_belongs_to_the_outer_cue(extract: Extract) -> None:
    (st,) = extract('He said he hoped for a decision "within days, not weeks".')
    assert (st.kind, st.cue) == ("mixed", "said")
    assert st.content_text == 'he hoped for a decision "within days, not weeks"'


def test_according_to_covers_its_clause_up_to_another_source(extract: Extract) -> None:
    text = (
        "The dam held through the night, according to the regional administration, and villagers "
        "told reporters the water had stopped rising."
    )
    got = {(st.speaker.text, st.content_text) for st in extract(text)}
    assert got == {
        ("the regional administration", "The dam held through the night"),
        ("villagers", "the water had stopped rising"),
    }


def test_a_quotation_followed_by_and_is_not_cued_by_the_next_predicate(extract: Extract) -> None:
    text = (
        'She argued that the brigade held the hills, "every one of them", and blamed the governor for '
        'the "fairy tales" on television.'
    )
    statements = extract(text)
    assert all(st.speaker.text == "She" for st in statements)
    assert statements[0].content_text == 'the brigade held the hills, "every one of them"'


@pytest.mark.parametrize(
    "lead",
    [
        "The governor wrote on his Telegram channel on Sunday:",
        "Here is what the brigade's spokesman, Ivan Tkach, told Hromadske earlier today:",
    ],
)
def test_a_cue_closing_its_paragraph_with_a_colon_introduces_the_next(extract: Extract, lead: str) -> None:
    text = f"{lead}\n\nThe bridge is still standing. Our engineers check it every night.\n\nRain fell in May."
    (st,) = extract(text)
    assert st.content_text == "The bridge is still standing. Our engineers check it every night"


def test_a_titled_label_run_on_after_a_capitalised_heading_opens_a_turn(extract: Extract) -> None:
    text = (
        "The ministers reported on the budget.*** From the record of the session of the Joint Board "
        "President of the Republic of Belarus Alexander Lukashenko: Colleagues, I am sure we will agree "
        "on the gas price today."
    )
    turns = [st for st in extract(text) if st.kind == "direct"]
    got = [(st.speaker.text, st.content_text[:10]) for st in turns]
    assert got == [("Alexander Lukashenko", "Colleagues")]


def test_a_body_named_with_its_nationality_is_not_the_organisation_quoted_before(extract: Extract) -> None:
    text = (
        "The World Health Organization said two hospitals had closed. "
        "The Israeli military said the hospitals were used by fighters. "
        "The Israel Defense Forces said a tunnel was found. "
        "The Israeli military said it had been destroyed."
    )
    statements = extract(text)
    # The military is named as a body of its own, never as the WHO quoted before it.
    assert referent_text(text, statements[1]) == "Israeli military"
    assert referent_text(text, statements[3]) == "Israeli military"
    text = (
        "The World Health Organization said two hospitals had closed. "
        "The Israeli forces said the hospitals were used by fighters."
    )
    _, second = extract(text)
    assert referent_text(text, second) != "The World Health Organization"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The Head of State is convinced that the grid will last the winter.",
            "The Head of State",
            "the grid will last the winter",
        ),
        ("We are all convinced that the light will win.", "We", "the light will win"),
    ],
)
def test_a_conviction_read_as_a_passive_or_with_all_is_a_statement(
    extract: Extract, text: str, speaker: str, content: str
) -> None:
    (st,) = extract(text)
    assert (st.speaker.text, st.content_text) == (speaker, content)


def test_each_according_to_of_a_coordination_sources_its_own_clause(extract: Extract) -> None:
    text = (
        "At least 30 homes were flooded, according to the rescue service, and 12 of them were "
        "destroyed, according to the mayor's office."
    )
    got = [(st.speaker.text, st.content_text) for st in extract(text)]
    assert got == [
        ("the rescue service", "At least 30 homes were flooded"),
        ("the mayor's office", "12 of them were destroyed"),
    ]


def test_two_named_sources_are_a_group_and_their_they(extract: Extract) -> None:
    text = (
        "The fires burned for a week, according to analysis by Anna Lind of Lund University and Tom "
        "Berg of the Arctic Institute. They estimate that half the forest is lost."
    )
    first, second = extract(text)
    assert first.speaker.referent is None and "Tom Berg" in first.speaker.text
    assert referent_text(text, second) == first.speaker.text


def test_data_showing_something_leave_the_according_to_source_its_claim(extract: Extract) -> None:
    (st,) = extract("Satellite images show 90 craters, according to the monitoring group.")
    assert st.speaker.text == "the monitoring group"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "She drew attention to the shortage of generators in the hospitals.",
            "the shortage of generators in the hospitals",
        ),
        (
            "He also called attention to the importance of winter fuel reserves.",
            "the importance of winter fuel reserves",
        ),
    ],
)
def test_drawing_attention_to_something_makes_a_point(extract: Extract, text: str, content: str) -> None:
    (st,) = extract(text)
    assert st.content_text == content
    assert extract("The officer drew a map of the village.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Now we need to think about the reconstruction of the bridges.",
        "Every citizen must show that the city belongs to its people.",
        "So let's unite and show that our two nations can rebuild the port.",
        "No serious investor will want to invite the company to bid.",
        "Constant shellings of the suburbs show that the army wants the area empty.",
        "Sooner or later the looters will feel what justice is.",
        "This is how the brigade answers the general's question about the river crossing.",
        "The senate has confirmed the new Cabinet of Prime Minister Maria Holm.",
    ],
)
def test_tasks_wishes_forecasts_and_deeds_are_no_statements(extract: Extract, text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("I must say that the line is holding.", "the line is holding"),
        ("I want to thank the rescuers for their work in Izium.", "the rescuers for their work in Izium"),
        ("The ministry confirmed the deaths of 12 people.", "the deaths of 12 people"),
    ],
)
def test_saying_thanking_and_confirming_are_done_as_announced(
    extract: Extract, text: str, content: str
) -> None:
    (st,) = extract(text)
    assert st.content_text == content


def test_he_is_the_subject_before_not_an_owner_named_after_it(extract: Extract) -> None:
    text = 'After the vote, Harris walked to Okafor\'s desk. "He has earned the seat," she said.'
    (st,) = extract(text)
    assert referent_text(text, st) == "Harris"


def test_a_day_ending_a_fixture_heading_is_no_speaker(extract: Extract) -> None:
    text = (
        "The quarter-finals are set.\n\n"
        "No. 13 Mead (5-5) at No. 4 Durango (8-1), 1 p.m. Saturday: These two teams met in Week 5, and "
        "Durango won 30-16. The trip south is a long one.\n\n"
        "No. 9 Erie (7-3) at No. 8 Windsor (7-3), 7 p.m. Saturday: Windsor has won five in a row."
    )
    assert [st.speaker.text for st in extract(text)] == []


def test_an_addresss_we_is_its_author_after_others_spoke(nlp: Language) -> None:
    text = (
        "The regional governors reported that the grid held overnight. "
        "We note the courage of the repair crews in every region."
    )
    statements = extract_statements("d1", nlp(text), published=PUBLISHED, authors=("Oleh Marchuk",))
    we = next(st for st in statements if st.content_text.startswith("the courage"))
    assert (we.speaker.author, we.speaker.referent) == ("Oleh Marchuk", None)


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Olena Hrab, whose husband was taken prisoner near Kupiansk in 2023, said she had known him "
            "at once.",
            "Olena Hrab",
            "she had known him at once",
        ),
        (
            "Units of the Dnepr group took the village of Lobkove and went on to push towards Stepnohirsk, "
            "the Russian Ministry of Defense said on Sunday in its weekly summary.",
            "the Russian Ministry of Defense",
            "Units of the Dnepr group took the village of Lobkove and went on to push towards Stepnohirsk",
        ),
        (
            "Odesa will open three more heating points before the frosts, the city's mayor said on Monday, "
            "a day after a drone hit the port.",
            "the city's mayor",
            "Odesa will open three more heating points before the frosts",
        ),
    ],
)
def test_closing_sources_after_asides_and_with_their_own_time(
    extract: Extract, text: str, speaker: str, content: str
) -> None:
    (st,) = extract(text)
    assert (st.speaker.text, st.content_text) == (speaker, content)


def test_as_x_warned_that_is_a_report_of_its_own_not_a_frame(extract: Extract) -> None:
    text = (
        "Drones hit two substations overnight, officials said on Friday, as Kyiv warned that Moscow was "
        "trying to break the grid before winter."
    )
    got = {(st.speaker.text, st.content_text) for st in extract(text)}
    assert got == {
        ("officials", "Drones hit two substations overnight"),
        ("Kyiv", "Moscow was trying to break the grid before winter"),
    }


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Apart from that, I would like to inform you that the talks with the agency go on.", "I"),
        (
            '"Water is hard to find out there," said the lead author, a scientist at the Goddard Center '
            "in Maryland and American University in Washington.",
            "the lead author",
        ),
        (
            '"Water is hard to find out there," the lead author, a scientist at the Goddard Center '
            "and American University, said in a statement.",
            "the lead author",
        ),
    ],
)
def test_an_announced_report_and_a_source_of_two_institutions_are_statements(
    extract: Extract, text: str, speaker: str
) -> None:
    (st,) = extract(text)
    assert st.speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "The presidents reviewed the grain deal of last year. They agreed to meet again in spring.",
            "The presidents",
        ),
        (
            "Maia Sandu and Ivan Kask met in Chisinau. They said the talks were useful.",
            "Maia Sandu and Ivan Kask",
        ),
        (
            "Local bloggers on their video channels count the drones every night. They post maps of the "
            "launches. They also argue that the air defence is too thin.",
            "Local bloggers",
        ),
        (
            "The village's teachers stayed. Do not pity us. They say the school will open again.",
            "The village's teachers",
        ),
        (
            "Three volunteers said the road was cut. The bridge burned overnight.\n\n"
            "Exhausted Ukrainians keep coming anyway. They say there is no other way out.",
            "Exhausted Ukrainians",
        ),
    ],
)
def test_they_are_the_people_the_sentence_before_names_as_its_subject(
    extract: Extract, text: str, group: str
) -> None:
    st = extract(text)[-1]
    assert referent_text(text, st) == group


def test_it_was_agreed_after_the_presidents_spoke_is_theirs(extract: Extract) -> None:
    text = (
        "The presidents said the trade talks were going well. The President of Chile praised the new port. "
        "It was agreed to continue contacts at every level."
    )
    st = extract(text)[-1]
    assert referent_text(text, st) == "The presidents"
    (alone,) = extract("The ministry published the figures. It was noted that prices rose sharply.")
    assert alone.speaker.referent is None and alone.speaker.anonymous


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("I have no doubt that the line will hold this winter.", "the line will hold this winter"),
        (
            "The mayor has no doubt that the bridge will be rebuilt by spring.",
            "the bridge will be rebuilt by spring",
        ),
    ],
)
def test_having_no_doubt_that_is_a_stated_conviction(extract: Extract, text: str, content: str) -> None:
    (st,) = extract(text)
    assert st.content_text == content
    assert extract("The soldiers had no doubts about the plan.") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The health service advises residents to boil their water.", "residents to boil their water"),
        (
            "I speak plainly in such cases: the guilty will answer in court.",
            "the guilty will answer in court",
        ),
    ],
)
def test_advice_and_words_after_a_colon_are_statements(extract: Extract, text: str, content: str) -> None:
    (st,) = extract(text)
    assert st.content_text == content
    assert extract("He spoke about the war: its costs and its lessons.") == []


def test_she_is_not_a_man_whose_given_name_the_list_knows(extract: Extract) -> None:
    text = (
        "Vladimir Putin met the family of a soldier. Anna Petrova, his mother, spoke first. "
        "She said her son had served for two years."
    )
    assert referents(extract, text)[-1] == ("She", "Anna Petrova")
    text = "Vladimir Putin met the widow of a pilot. She said her husband had flown for ten years."
    assert referents(extract, text)[-1][1] != "Vladimir Putin"


@pytest.mark.parametrize(
    "text",
    ["As I was informed, our troops advanced near the river.", "I was told that the bridge is closed."],
)
def test_the_one_told_is_no_speaker(extract: Extract, text: str) -> None:
    assert extract(text) == []


def test_a_turn_labelled_with_its_scraped_tooltip(extract: Extract) -> None:
    text = (
        "Vladimir Putin: Thank you. Please go ahead, Mr Orlov. Governor of the Tver Region Pavel Orlov "
        "Orlov PavelGovernor of the Tver Region : Mr President, we have repaired all the bridges on time."
    )
    found = [(st.speaker.text, st.content_text) for st in extract(text)]
    assert ("Pavel Orlov", "Mr President, we have repaired all the bridges on time.") in found
    assert not any("Governor of the Tver" in content for _, content in found)


def test_a_turn_opens_after_a_quotation_closed_on_the_same_line(extract: Extract) -> None:
    text = (
        'Anna Lind: They told us "the clause means nothing." Oleg Marchenko: That is not what the text says '
        "at all, and we will insist on it."
    )
    found = [(st.speaker.text, st.content_text) for st in extract(text)]
    assert ("Oleg Marchenko", "That is not what the text says at all, and we will insist on it.") in found
    assert not any("Marchenko" in content for _, content in found)


def test_a_turn_opens_after_a_bracketed_summary(extract: Extract) -> None:
    text = (
        "Elena Orlova: I agree with you on the schools.\n\n"
        "(The matter of benefits for veterans was raised as well.) Vladimir Putin: As far as I know, "
        "you have outlined these issues already."
    )
    turns = [(st.speaker.text, st.content_text[:10]) for st in extract(text) if st.kind == "direct"]
    assert ("Vladimir Putin", "As far as ") in turns


def test_according_to_them_is_the_pair_named_before(extract: Extract) -> None:
    text = "Olga Ruda and Petr Lenk wrote the study in 2020. According to them, most towns lack shelters."
    st = extract(text)[-1]
    assert referent_text(text, st) == "Olga Ruda and Petr Lenk"


@pytest.mark.parametrize(
    "text",
    [
        "The way the occupiers behave shows that they fear the counteroffensive.",
        "We are opposing an army many times larger than ours.",
        "The position of the enemy forces threatens the whole southern front.",
    ],
)
def test_conduct_fighting_and_dangers_are_no_statements(extract: Extract, text: str) -> None:
    assert extract(text) == []
    assert len(extract("The ministry opposes the new tax on fuel.")) == 1


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "According to the minister, the port is working again, and grain ships are leaving every day.",
            "the port is working again, and grain ships are leaving every day.",
        ),
        (
            "She urged the council to open more shelters, because the frosts are coming.",
            "the council to open more shelters, because the frosts are coming",
        ),
    ],
)
def test_an_opening_source_and_a_reason_cover_the_rest_of_the_sentence(
    extract: Extract, text: str, content: str
) -> None:
    (st,) = extract(text)
    assert st.content_text == content


def test_a_that_clause_after_a_place_phrase_read_as_a_relative_clause_is_what_was_said(
    extract: Extract,
) -> None:
    text = (
        "The exchange took place on the border. Its secretary, Dmytro Usov, told reporters at the "
        "reception point that 41 of those returned needed hospital treatment. He added that the "
        "oldest was 63."
    )
    contents = [st.content_text for st in extract(text)]
    assert "41 of those returned needed hospital treatment" in contents


def test_a_coordinator_of_a_place_named_in_apposition_speaks_by_name(extract: Extract) -> None:
    text = "The UN resident coordinator for Sudan, Clementine Nkweta-Salami, said the convoy was hit."
    (st,) = extract(text)
    assert (st.speaker.text, st.speaker.description) == (
        "Clementine Nkweta-Salami",
        "The UN resident coordinator for Sudan",
    )


def test_what_was_said_at_the_meeting_a_release_opens_with_was_said_that_day(nlp: Language) -> None:
    text = (
        "The President held a meeting on the energy situation on Tuesday.\n\n"
        "The Head of State noted that the grid had held. According to the minister, repairs are ahead "
        "of plan. The minister will report again next week."
    )
    statements = extract_statements("d1", nlp(text), published=dt.date(2026, 11, 26))
    assert {st.said_on for st in statements} == {dt.date(2026, 11, 24)}
    plain = extract_statements(
        "d1", nlp("The mayor noted that the grid had held."), published=dt.date(2026, 11, 26)
    )
    assert plain[0].said_on is None


def test_a_meeting_lead_after_the_site_header_and_headline_gives_the_day(nlp: Language) -> None:
    header = "Government portal\n\nHome / News\n\nMinisters discuss the grid\n\n25 November 2026 - 11:20\n\n"
    lead = "On 24 November, the Prime Minister held a meeting with the energy ministers.\n\n"
    said = "The Prime Minister noted that the grid had held."
    (st,) = extract_statements("d1", nlp(header + lead + said), published=dt.date(2026, 11, 25))
    assert st.said_on == dt.date(2026, 11, 24)
    body = (
        "Repairs on the eastern line went on through the night and crews restored power to most of the "
        "city by the morning, the regional utility said in its update, adding that more work was due.\n\n"
    )
    later = "On 24 November, the mayor met with the utility's engineers.\n\n"
    statements = extract_statements("d1", nlp(body + later + said), published=dt.date(2026, 11, 25))
    assert statements[-1].said_on is None  # a meeting after the body's first paragraph is no lead


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Three people were hurt and two houses burned, Lysak wrote on Telegram, adding that rescuers "
            "were still at work.",
            "Lysak",
            "Three people were hurt and two houses burned",
        ),
        (
            "The Institute for the Study of War assessed in its November 12 update that Russian forces "
            "have likely reached the outskirts of the village.",
            "The Institute for the Study of War",
            "Russian forces have likely reached the outskirts of the village",
        ),
        (
            "According to the Air Force, 60 drones and 5 missiles were shot down.",
            "the Air Force",
            "60 drones and 5 missiles were shot down.",
        ),
        (
            "Beni (DR Congo) (AFP) - Rebels killed at least 12 villagers in a night attack, a local "
            "official told AFP on Monday.",
            "a local official",
            "Rebels killed at least 12 villagers in a night attack",
        ),
        (
            'The ministry said its forces had carried out a "precise strike" on fuel depots in Reni that, '
            "it said, supplied the army.",
            "The ministry",
            'its forces had carried out a "precise strike" on fuel depots in Reni that, it said, supplied '
            "the army",
        ),
    ],
)
def test_sources_the_parser_misplaces_keep_their_words(
    extract: Extract, text: str, speaker: str, content: str
) -> None:
    first = extract(text)[0]
    assert (first.speaker.text, first.content_text) == (speaker, content)


def test_a_message_quoted_in_part_is_the_whole_quotation(extract: Extract) -> None:
    text = (
        'The President sent greetings to the congress. The message reads, in part:"Your forum brings '
        'together our best film makers. I wish you success."\n\nThe congress opened on Monday.'
    )
    (st,) = extract(text)
    assert st.content_text.startswith("Your forum") and "I wish you success" in st.content_text


def test_a_refusal_to_act_is_no_statement(extract: Extract) -> None:
    assert extract("The ministry refused to take part in the talks in Istanbul.") == []


@pytest.mark.parametrize(
    "text",
    ["We have all felt the wish of the residents for freedom.", "Today we recall the feat of our ancestors."],
)
def test_feelings_and_commemorations_are_no_statements(extract: Extract, text: str) -> None:
    assert extract(text) == []
    assert len(extract("The minister recalled that the bridge was built in 1970.")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Putin sent messages of condolence to the two presidents. The messages read, in part: "
        '"Please accept my deepest sympathy."',
        "Vladimir Putin congratulated the staff of the 3rd Brigade on its new title. The message reads, "
        'in part: "This is a great honour for all of you."',
    ],
)
def test_a_message_is_its_senders_however_it_was_sent(extract: Extract, text: str) -> None:
    st = extract(text)[-1]
    assert referent_text(text, st) == "Vladimir Putin"


def test_the_president_is_not_the_head_of_the_presidents_office(extract: Extract) -> None:
    text = (
        "Head of the Office of the President Andriy Yermak said the talks went well. "
        "The President noted that the partners had agreed on air defence."
    )
    st = extract(text)[-1]
    assert st.speaker.text == "The President" and referent_text(text, st) != "Andriy Yermak"
    assert st.content_text == "the partners had agreed on air defence"


def test_it_is_said_in_a_bodys_summary_is_that_bodys(extract: Extract) -> None:
    text = '"The units pushed on towards the river," it is said in the summary of the defence ministry.'
    (st,) = extract(text)
    assert st.speaker.text == "the defence ministry"


@pytest.mark.parametrize(
    "turn",
    [
        "Good afternoon, Mr President, Lena Okhrimenko, a teacher from Lviv. Will schools stay open? Thanks.",
        "My name is Lena Okhrimenko. I have a question about heating. When will the boilers be repaired?",
        "Many parents are also interested in whether lessons will move online, since the shelters are small.",
        "How do you manage with all of it? I am referring to the evacuation of the children.",
    ],
)
def test_a_turn_that_only_asks_after_its_speaker_introduces_herself_says_nothing(
    extract: Extract, turn: str
) -> None:
    text = (
        f"Oleh Marchuk: The shelters will be ready by December.\nLena Okhrimenko: {turn}\n"
        "Oleh Marchuk: We will repair them."
    )
    said = {(s.speaker.text, s.content_text) for s in extract(text)}
    assert said == {
        ("Oleh Marchuk", "The shelters will be ready by December."),
        ("Oleh Marchuk", "We will repair them."),
    }


def test_a_turn_that_introduces_its_speaker_and_then_claims_something_is_kept(extract: Extract) -> None:
    text = (
        "Oleh Marchuk: The shelters will be ready by December.\n"
        "Lena Okhrimenko: Good afternoon, Lena Okhrimenko, a teacher from Poltava. "
        "Our school has no shelter at all. "
        "When will it get one?\n"
    )
    assert any(
        s.speaker.text == "Lena Okhrimenko" and "Our school has no shelter at all" in s.content_text
        for s in extract(text)
    )


@pytest.mark.parametrize(
    "text",
    [
        "A sign at the gate that reminds drivers to slow down was hit by shrapnel.",
        "Soil moisture is a factor that predicts how large the harvest will be.",
        "History tells us that occupations end.",
        "The shelling of the port should remind every buyer that the corridor is fragile.",
        "We have all seen how quickly the town was rebuilt.",
        "Everyone in the village has felt how much the shelling has worsened.",
    ],
)
def test_things_and_perceptions_say_nothing(extract: Extract, text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The governor reminded residents that the curfew starts at 11 pm.", "The governor"),
        ("A new poll reveals that most voters oppose the deal.", "A new poll"),
        ("Monitors warn that the dam could fail.", "Monitors"),
        ("Olena Kravets, who warned that the dam could fail, left the town.", "who"),
    ],
)
def test_people_bodies_and_documents_that_remind_or_warn_do_speak(
    extract: Extract, text: str, speaker: str
) -> None:
    (st,) = extract(text)
    assert st.speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The agency, which warned on Monday that the dam could break, evacuated two villages.",
            "the dam could break",
        ),
        ("Drivers who said the road was mined were turned back at the checkpoint.", "the road was mined"),
        ("Three nurses who told us that the ward had no power have stayed on.", "the ward had no power"),
    ],
)
def test_content_said_in_a_relative_clause_ends_before_the_sentence_goes_on(
    extract: Extract, text: str, content: str
) -> None:
    (st,) = extract(text)
    assert st.content_text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The minister stressed the need for more generators in order to keep hospitals running.",
            "the need for more generators in order to keep hospitals running",
        ),
        (
            "The mayor called for faster repairs of the dam, so that the villages downstream are safe.",
            "faster repairs of the dam, so that the villages downstream are safe",
        ),
    ],
)
def test_what_a_demand_is_for_belongs_to_it(extract: Extract, text: str, content: str) -> None:
    (st,) = extract(text)
    assert st.content_text == content


@pytest.mark.parametrize(
    ("label", "speaker"),
    [
        ("President of the Argentine Republic Alberto Fernandez", "Alberto Fernandez"),
        ("President of the Federal Republic Ulla Brandtner", "Ulla Brandtner"),
        # A title with no name closing it is no person's label.
        ("Director of the Federal Security Service", "Mikhail Orlov"),
    ],
)
def test_a_titled_turn_label_is_the_person_whose_name_closes_it(
    extract: Extract, label: str, speaker: str
) -> None:
    text = (
        "Opening remarks at the talks. Mikhail Orlov: Colleagues, welcome to Moscow. We have much to do. "
        f"Thank you. {label}: Mr Orlov, our trade grew by a third this year and will grow again."
    )
    assert [s.speaker.text for s in extract(text)][-1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The government confirmed that two soldiers died in the attack.", "The government"),
        ("The regional prosecution confirmed that the suspect was detained.", "The regional prosecution"),
        ("The health authorities of the province have confirmed that a third case was found.", None),
        ("The Roma community suggested that the census had missed them.", "The Roma community"),
    ],
)
def test_bodies_whose_names_end_like_events_still_speak(
    extract: Extract, text: str, speaker: str | None
) -> None:
    (st,) = extract(text)
    assert speaker is None or st.speaker.text == speaker


def test_it_seems_to_me_is_the_speakers_view(extract: Extract) -> None:
    (st,) = extract("It seems to me that the budget should be passed before the winter.")
    assert (st.speaker.text, st.content_text) == ("me", "the budget should be passed before the winter")
    assert extract("It seems that the budget will be late.") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The prisoners all say one thing: nobody told them where they were going.",
            "nobody told them where they were going",
        ),
        (
            "The mayor said the following: the water will be back on Friday.",
            "the water will be back on Friday",
        ),
        (
            "The mayor said two things: the water is back and the schools reopen.",
            "the water is back and the schools reopen",
        ),
    ],
)
def test_a_lead_in_before_a_colon_gives_the_words_after_it(extract: Extract, text: str, content: str) -> None:
    assert [s.content_text for s in extract(text)] == [content]


def test_those_who_were_told_something_are_no_speakers(extract: Extract) -> None:
    assert extract("The conscripts were told that the exercise would last three days.") == []
    assert extract("Kyiv was warned that the dam would be blown up.") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "I invite Polish engineers, Polish companies, the Polish state to take part in the rebuilding.",
            "Polish engineers, Polish companies, the Polish state to take part in the rebuilding",
        ),
        (
            "We expect them, the donors, to show how quickly they can act.",
            "them, the donors, to show how quickly they can act",
        ),
        (
            "The governor congratulated the region's rescuers on their professional holiday.",
            "the region's rescuers on their professional holiday",
        ),
    ],
)
def test_a_request_or_greeting_keeps_what_it_asks_or_greets_for(
    extract: Extract, text: str, content: str
) -> None:
    assert [s.content_text for s in extract(text)] == [content]


def test_this_was_stated_by_a_long_title_and_name_is_the_person(extract: Extract) -> None:
    text = (
        "The corridors from Sumy will open on Friday morning. This was stated by Adviser to the Head of the "
        "Regional Administration Oksana Levchenko after the meeting."
    )
    (st,) = extract(text)
    assert st.speaker.text == "Oksana Levchenko"
    assert st.speaker.description == "Adviser to the Head of the Regional Administration"


def test_two_titled_leaders_speak_together(extract: Extract) -> None:
    (st,) = extract("President Sandu and Prime Minister Recean stressed the need for a new gas route.")
    assert st.speaker.text == "President Sandu and Prime Minister Recean"
    assert st.speaker.referent is None
    (one,) = extract("Military analyst, retired colonel Petro Hnatiuk said the bridge would fall.")
    assert one.speaker.text == "Petro Hnatiuk"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "When engineers warned that the dam would not survive the spring, nobody listened.",
            "the dam would not survive the spring",
        ),
        ("After she said that the road was mined, the convoy turned back.", "the road was mined"),
        ("We can say with confidence that the grid will hold.", "the grid will hold"),
    ],
)
def test_content_ends_with_the_clause_said_and_leaves_out_how(
    extract: Extract, text: str, content: str
) -> None:
    assert [s.content_text for s in extract(text)] == [content]


def test_the_president_of_a_presidents_release_is_that_office_holder(nlp: Language) -> None:
    text = (
        "Maia Sandu held a phone call with Ursula von der Leyen, President of the European Commission. "
        "The President thanked the EU for the new package of aid. He also stressed the need for a gas link."
    )
    house = publishing_office("presedinte.example (Office of the President of Moldova, English site)")
    assert house == "the President of Moldova"
    statements = extract_statements("d1", nlp(text), published=PUBLISHED, house=house)
    assert [(s.speaker.text, s.speaker.referent, s.speaker.author) for s in statements] == [
        ("The President", None, "the President of Moldova"),
        ("He", None, "the President of Moldova"),
    ]
    # Elsewhere "The President" is whoever the text last named so.
    elsewhere = extract_statements("d1", nlp(text), published=PUBLISHED)
    assert elsewhere[0].speaker.author is None
    assert publishing_office("Kyiv Daybook") is None
    # the office's own site, named as the office
    assert publishing_office("President of Moldova") == "the President of Moldova"
    assert publishing_office("A President of Moldova fan club") is None


def test_a_day_run_into_the_speakers_name_is_left_out(extract: Extract) -> None:
    (st,) = extract("Yesterday Moldova's energy ministry said the line was repaired.")
    assert st.speaker.text == "Moldova's energy ministry"
    (st,) = extract("Tomorrow Russia announced that it would close the border.")
    assert st.speaker.text == "Russia"


@pytest.mark.parametrize(
    "text",
    [
        "We respond to the invading forces with courage and with our own drones.",
        "When the onions have softened, add in the garlic from step two.",
    ],
)
def test_deeds_and_recipe_steps_are_no_statements(extract: Extract, text: str) -> None:
    assert extract(text) == []


def test_a_reply_with_words_is_a_statement(extract: Extract) -> None:
    (st,) = extract("The ministry responded with a statement that the figures were false.")
    assert st.content_text == "the figures were false"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("The grid operator Ukrenergo said that the schedules would return on Monday.", "Ukrenergo"),
        ("Half the town has no water, according to the UN's children's agency, UNICEF.", "UNICEF"),
    ],
)
def test_a_description_set_beside_a_bodys_name_points_at_the_body(
    extract: Extract, text: str, named: str
) -> None:
    (st,) = extract(text)
    assert referent_text(text, st) == named


def test_a_known_body_opening_the_sentence_it_speaks_in_is_named(extract: Extract) -> None:
    text = (
        "Ukrenergo reported that power was cut in three regions overnight. Hourly schedules will return "
        '"as soon as the system allows", the company wrote.'
    )
    first, second = extract(text)
    assert referent_text(text, first) == "Ukrenergo"
    assert referent_text(text, second) == "Ukrenergo"


def test_a_body_named_in_capitals_is_not_the_other_body_quoted_before(extract: Extract) -> None:
    text = (
        "The Navy of Ukraine reported that two landing craft were hit. "
        "The enemy lost 1,040 troops over the past day, the General Staff said."
    )
    assert referent_text(text, extract(text)[-1]) in (None, "General Staff", "the General Staff")
    text = "The Navy of Ukraine reported that two landing craft were hit. The command said both sank."
    assert referent_text(text, extract(text)[-1]) in ("Navy", "The Navy of Ukraine", "Navy of Ukraine")


def test_the_minister_is_not_the_deputy_minister_quoted_last(extract: Extract) -> None:
    text = (
        "Minister of Health Olha Dmytrenko visited the hospital. The Minister said the ward would reopen.\n\n"
        "Deputy Minister Pavlo Hrytsenko said that two generators had arrived.\n\n"
        "The Minister also called on donors to send more fuel."
    )
    assert [referent_text(text, s) for s in extract(text)] == [
        "Olha Dmytrenko",
        "Pavlo Hrytsenko",
        "Olha Dmytrenko",
    ]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Olena Marchuk, who advises the mayor on housing, said the shelters were full.",
            [("Olena Marchuk", "the shelters were full")],
        ),
        ("The agency cited Security Council Secretary Ivan Dorosh.", []),
        (
            "The agency said, citing a security source, that two drones were downed.",
            [("The agency", "two drones were downed")],
        ),
        ("The doctor advised residents to stay indoors.", [("The doctor", "residents to stay indoors")]),
    ],
)
def test_advising_someone_on_a_subject_and_citing_a_source_say_nothing_themselves(
    extract: Extract, text: str, said: list[tuple[str, str]]
) -> None:
    assert [(s.speaker.text, s.content_text) for s in extract(text)] == said


def test_the_acting_mayor_is_the_acting_mayor_named_before(extract: Extract) -> None:
    text = (
        "Prime Minister Denys Kovalenko chaired the meeting. Minister of Health Ivan Rudko said the "
        "hospitals were ready. The Minister added that 40 generators had arrived."
    )
    assert referent_text(text, extract(text)[-1]) == "Ivan Rudko"
    text = (
        'Acting Mayor Ruslan Bondar toured the school. "We will rebuild it by spring," the acting mayor said.'
    )
    assert referent_text(text, extract(text)[-1]) == "Ruslan Bondar"


@pytest.mark.parametrize(
    "text",
    [
        "Did the minister say that the bridge would be rebuilt?",
        "Will the allies agree that the sanctions must stay?",
    ],
)
def test_a_report_inside_a_question_asserts_nothing(extract: Extract, text: str) -> None:
    assert extract(text) == []


def test_posts_under_a_header_with_a_bar_and_a_clock_time_are_their_authors(extract: Extract) -> None:
    text = (
        "Below we collect the official posts of the night.\n\n"
        "🔴 Олег Синєгубов | Харківська ОВА, 18.11.2026 02:14\n"
        "Attention! The region is under missile attack. Go to the shelters.\n\n"
        "🔴 Oleh Syniehubov | Kharkiv RMA, 18.11.2026 03:02\n"
        "A missile hit a warehouse in the Kyivskyi district. Nobody was hurt.\n"
    )
    said = [(s.speaker.text, s.content_text[:20], s.said_on) for s in extract(text)]
    assert said == [
        ("Олег Синєгубов", "Attention! The regio", dt.date(2026, 11, 18)),
        ("Oleh Syniehubov", "A missile hit a ware", dt.date(2026, 11, 18)),
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Pro-Kremlin channels spread the claim that a Ukrainian missile fell on the house.",
            "Pro-Kremlin channels",
            "a Ukrainian missile fell on the house",
        ),
        (
            'The governor called this "a cynical lie to cover up a war crime".',
            "The governor",
            "a cynical lie to cover up a war crime",
        ),
    ],
)
def test_a_claim_spread_and_a_verdict_quoted_after_this(
    extract: Extract, text: str, speaker: str, content: str
) -> None:
    (st,) = extract(text)
    assert (st.speaker.text, st.content_text) == (speaker, content)


def test_a_turn_ends_where_the_publisher_cuts_to_a_summary_of_others_remarks(extract: Extract) -> None:
    text = (
        "Vladimir Putin: You are saying the right things. We will work on this. <…>(Anna Lis spoke about "
        "the law on archives and proposed a working group.) Vladimir Putin: I agree, let us do it.\n"
    )
    turns = [s.content_text for s in extract(text) if s.speaker.text == "Vladimir Putin"]
    assert turns == ["You are saying the right things. We will work on this.", "I agree, let us do it."]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "LUHANSK, 17 November. /TASS/. Four civilians were killed and 9 wounded as a result of the "
            "strike on a market in the Artemivskyi district of Luhansk, informed the head of the LPR "
            "Leonid Pasechnik in his Telegram channel on Tuesday.",
            "Leonid Pasechnik",
            "Four civilians were killed and 9 wounded",
        ),
        (
            "BELGOROD, 16 November. /RIA Novosti/. Debris of a drone fell on a warehouse, one worker was "
            "injured, reported on Monday in the operational headquarters of the Belgorod Region.",
            "the operational headquarters of the Belgorod Region",
            "Debris of a drone fell on a warehouse",
        ),
        (
            "MOSCOW, 20 November. /TASS/. Russia remains open to talks, but Kiev is not ready for them, "
            "told to journalists the press secretary of the President Dmitry Peskov on Friday.",
            "Dmitry Peskov",
            "Russia remains open to talks",
        ),
    ],
)
def test_a_translated_digest_names_its_source_after_the_verb(
    extract: Extract, text: str, speaker: str, content: str
) -> None:
    (st,) = extract(text)
    assert st.speaker.text == speaker
    assert st.content_text.startswith(content)


def test_to_be_continued_is_the_publishers_not_the_turns(extract: Extract) -> None:
    (st,) = extract("Vladimir Putin: Colleagues, welcome. We start with the budget. To be continued.\n")
    assert st.content_text == "Colleagues, welcome. We start with the budget."


def test_a_conviction_of_something_in_the_first_person_is_a_stated_view(extract: Extract) -> None:
    (st,) = extract("I am convinced of our success at the front.")
    assert (st.speaker.text, st.content_text) == ("I", "our success at the front")
    assert extract("The soldiers are convinced of their victory.") == []
    assert extract("She is sure of it.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The governor mentioned the development of agriculture in the region.",
        "The two ministers agreed on the next diplomatic steps.",
        "He told the prime minister what the country needs this winter.",
        "The commander had reported to the president.",
        "The mayor explained to the residents what had to be done first.",
        "The mayor told residents which streets would be closed.",
    ],
)
def test_agendas_audiences_and_free_relatives_name_a_topic_only(extract: Extract, text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The sides agreed on the need to resume grain exports.", "on the need to resume grain exports"),
        ("She mentioned the need for more air defence.", "the need for more air defence"),
        ("He told me how they had shot his brother.", "how they had shot his brother"),
        ("The commander reported to the president that the village was taken.", "the village was taken"),
    ],
)
def test_a_stance_an_event_or_a_clause_is_said_on_a_topic(extract: Extract, text: str, content: str) -> None:
    assert [s.content_text for s in extract(text)] == [content]


@pytest.mark.parametrize(
    ("text", "referent"),
    [
        # a given name in -a is a woman's only beside an East Slavic surname
        (
            "Moussa Traoré, head of the drivers' union, gave another account. "
            '"Nine of our drivers were killed," he told reporters.',
            "Moussa Traoré",
        ),
        (
            'Luca Bianchi, who runs the shelter, disagreed. "Nobody came to help us," he told the radio.',
            "Luca Bianchi",
        ),
        (
            "Oksana Petrenko met Taras Marchuk in the square. "
            '"The water is back," he said after the meeting.',
            "Taras Marchuk",
        ),
    ],
)
def test_he_is_no_woman_by_a_foreign_given_name_in_a(extract: Extract, text: str, referent: str) -> None:
    (statement,) = extract(text)
    assert referent_text(text, statement) == referent


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "In a note published on Saturday, the police affirmed that its units held the main roads.",
            "the police",
            "its units held the main roads",
        ),
        (
            "The governor spoke in the evening. By his data, about 900 residents stay in the town.",
            "his",
            "about 900 residents stay in the town.",
        ),
        (
            "By the information of the General Staff, the enemy lost 40 tanks.",
            "the General Staff",
            "the enemy lost 40 tanks.",
        ),
        (
            "The water utility said in a statement that pressure remained low because a pipe had burst,"
            " and that water would return within days.",
            "The water utility",
            "pressure remained low because a pipe had burst, and that water would return within days",
        ),
    ],
)
def test_affirmations_translated_data_frames_and_two_that_clauses(
    extract: Extract, text: str, speaker: str, content: str
) -> None:
    assert [(s.speaker.text, s.content_text) for s in extract(text)][-1] == (speaker, content)


def test_a_commitment_reaffirmed_is_no_statement(extract: Extract) -> None:
    assert extract("The ministry reaffirmed its commitment to retaking the port.") == []


def test_data_with_no_owner_are_no_source(extract: Extract) -> None:
    assert extract("By these figures alone, the war costs the region two percent of its output.") == []


def test_a_chain_of_titles_ending_in_the_name_is_that_persons(extract: Extract) -> None:
    text = "Adviser to the Head of the Office of the President Mykhailo Podolyak said Russia was lying."
    (statement,) = extract(text)
    assert statement.speaker.text == "Mykhailo Podolyak"
    assert statement.speaker.description == "Adviser to the Head of the Office of the President"
    (other,) = extract("An adviser to President Oleksandr Marchenko said the talks were over.")
    assert other.speaker.text != "Oleksandr Marchenko"


def test_a_list_of_names_and_charges_is_no_transcript(extract: Extract) -> None:
    text = (
        "Ryan S. Hollman: Dealing in methamphetamine, possession of heroin, held in jail in lieu of bond.\n\n"
        "Victor N. Burton: Possession of methamphetamine, visiting a common nuisance, held in jail.\n\n"
        "Anna Berg: Absolutely, the town is held.\n"
    )
    assert [s.speaker.text for s in extract(text)] == ["Anna Berg"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("In general, according to experts, the roads will last for twenty years.", "the roads will last"),
        ("However, according to the ministry, the bridge is closed.", "the bridge is closed"),
        ("The reason, according to the mayor, is the river.", "The reason, according to the mayor"),
        ("'We are on a rapid trajectory. So it is time to act,' said the governor.", "We are on a rapid"),
    ],
)
def test_openers_stay_out_and_single_marks_quote(extract: Extract, text: str, content: str) -> None:
    (statement,) = extract(text)
    assert statement.content_text.startswith(content)


@pytest.mark.parametrize(
    "text",
    [
        "The company led employees to believe that their jobs were safe.",
        "That decision emphasizes that the war is far from over.",
        "The pandemic has highlighted that supply chains are fragile.",
    ],
)
def test_beliefs_brought_about_and_things_that_emphasize_are_no_statements(
    extract: Extract, text: str
) -> None:
    assert extract(text) == []


def test_people_and_reports_that_emphasize_still_speak(extract: Extract) -> None:
    text = (
        "The minister emphasized that the war is far from over. The report stresses that the dam could fail."
    )
    assert [s.speaker.text for s in extract(text)] == ["The minister", "The report"]


def test_a_lead_s_role_is_the_person_named_with_it_further_down(extract: Extract) -> None:
    text = (
        "Zarichne will open two more shelters in metro stations before the end of the term, the city's"
        " mayor said on Tuesday, a day after a bomb hit a school.\n\n"
        '"It is a school, and there is nothing around it but houses," Mayor Oksana Hrytsenko told'
        " journalists."
    )
    first = extract(text)[0]
    assert first.speaker.text == "the city's mayor"
    assert referent_text(text, first) == "Oksana Hrytsenko"


def test_a_conjoined_cue_and_a_speaker_reached_on_a_day_take_that_day(nlp: Language) -> None:
    text = (
        "On 24 November, the governor posted a video on his Telegram channel and wrote that it showed the"
        " square.\n\nA resident reached by phone on Monday said the shelling had not stopped.\n"
    )
    found = extract_statements("d1", nlp(text), published=dt.date(2026, 11, 26))
    assert [s.said_on for s in found] == [dt.date(2026, 11, 24), dt.date(2026, 11, 23)]


def test_an_interviews_answers_are_of_the_day_the_interview_was_held(nlp: Language) -> None:
    text = (
        "Moscow announced on Tuesday that it had taken the town. We spoke to Ivan Bondar on Sunday in"
        " Sloviansk.\n\nKP: Has the town fallen?\n\n"
        "Bondar: No. Our soldiers hold the centre and the west.\n\n"
        "KP: And the east?\n\nBondar: The Russians sit in the ruins near the quarry.\n"
    )
    found = extract_statements("d1", nlp(text), published=dt.date(2026, 11, 30))
    answers = [s for s in found if s.content_text.startswith("No.")]
    assert [s.said_on for s in answers] == [dt.date(2026, 11, 29)]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The regional council put the death toll at 14 on Tuesday, counting two people found later.",
            "the death toll at 14",
            "The regional council",
        ),
        (
            "The city hospital still gives the figure of 9 wounded.",
            "the figure of 9 wounded",
            "The city hospital",
        ),
        ("Officials later raised the number of dead to 23.", "the number of dead to 23", "Officials"),
    ],
)
def test_a_count_given_as_a_body_s_figure_is_its_statement(
    extract: Extract, text: str, content: str, speaker: str
) -> None:
    (st,) = extract(text)
    assert content in st.content_text
    assert st.speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The army gave a much higher figure.",  # no number yet
        "The governor ordered the evacuation of three villages, bringing the number of villages to 20.",
        "The toll was put at 12.",
        "She put the parcel on the table.",
    ],
)
def test_counts_nobody_gives_as_their_figure_are_no_statements(extract: Extract, text: str) -> None:
    assert all("number of villages" not in s.content_text for s in extract(text))
    assert all("toll" not in s.content_text and "parcel" not in s.content_text for s in extract(text))
    assert all("figure" not in s.content_text for s in extract(text))


def test_a_speaker_after_a_participle_cue_of_translated_text_speaks(extract: Extract) -> None:
    text = "The substation lost both lines and switched to reserve power, informed Ukrenergo on Monday."
    (st,) = extract(text)
    assert referent_text(text, st) == "Ukrenergo"
    assert st.content_text == "The substation lost both lines and switched to reserve power"


def test_a_company_the_knowledge_base_knows_is_the_company_referred_back_to(extract: Extract) -> None:
    text = (
        "Naftogaz said on Friday that the depot had been hit twice.\n\n"
        'The stock will last "for about three weeks", the company said.\n\n'
        "Energoatom said on Friday that the line had been cut. "
        'Its reserve is "enough for eight days", the company said.'
    )
    _, second, third, fourth = extract(text)
    assert referent_text(text, second) == "Naftogaz"
    assert referent_text(text, third) == "Energoatom"
    assert referent_text(text, fourth) == "Energoatom"


@pytest.mark.parametrize(
    ("second", "cue"),
    [
        ("The reserve is enough for ten days, it was stressed in the ministry.", "stressed"),
        ("The reserve is enough for ten days, was stressed in the ministry.", "stressed"),
        ('"All the targets are hit," it was underlined in the ministry.', "underlined"),
    ],
)
def test_a_passive_cue_in_a_body_is_the_body_s_statement(extract: Extract, second: str, cue: str) -> None:
    text = "The Ministry of Energy said on Monday that the plant had stopped. " + second
    statements = extract(text)
    said = next(s for s in statements if s.cue.startswith(cue))
    assert said.speaker.text == "the ministry"
    assert referent_text(text, said) == "The Ministry of Energy"


def test_it_said_in_a_place_is_no_body_s_statement(extract: Extract) -> None:
    text = "The mill was not hit, it was said in the village."
    assert all(s.speaker.text != "the village" for s in extract(text))


@pytest.mark.parametrize(
    "opening",
    [
        "By his data, over the past day near the river the enemy lost 140 soldiers.",
        "By the data of the brigade commander Ivan Sirko, after the strike the enemy lost 140 soldiers.",
    ],
)
def test_a_data_frame_reports_the_clause_after_its_comma(extract: Extract, opening: str) -> None:
    text = "The brigade commander Ivan Sirko said on Monday that the line held. " + opening
    statements = extract(text)
    framed = statements[-1]
    assert "the enemy lost 140 soldiers" in framed.content_text
    assert referent_text(text, framed) == "Ivan Sirko"


def test_a_body_speaking_through_its_spokesperson_gives_the_spokesperson(extract: Extract) -> None:
    text = (
        'The so-called "administration" of the port, installed by the occupiers, in its turn claims '
        "through its spokesman Pavlo Hrab that the crane was hit by a naval drone."
    )
    (st,) = extract(text)
    assert referent_text(text, st) == "Pavlo Hrab"
    assert st.content_text == "the crane was hit by a naval drone"


def test_a_quoted_word_inside_the_speaker_phrase_is_not_what_they_said(extract: Extract) -> None:
    text = 'The "liberators" of the village said the shelling would stop by Friday.'
    (st,) = extract(text)
    assert st.kind == "indirect"
    assert st.content_text == "the shelling would stop by Friday"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # PUBLISHED is Thursday 14 March 2024
        ("On Monday last week the ministry announced that the bridge had been rebuilt.", dt.date(2024, 3, 4)),
        (
            "The head of the council Ivan Marko on the air of the telethon on Tuesday declared that it held.",
            None,
        ),
        ("The head of the council Ivan Marko on Tuesday declared that the school would reopen.", None),
    ],
)
def test_a_day_before_the_cue_is_the_cue_s(extract: Extract, text: str, day: dt.date | None) -> None:
    (st,) = extract(text)
    assert st.said_on == (day or dt.date(2024, 3, 12))


def test_a_participle_cue_takes_the_day_of_its_verb_and_the_same_day_of_the_statement_before(
    extract: Extract,
) -> None:
    text = (
        "On 10 March, the governor posted a video and wrote that it showed the damaged school.\n\n"
        "The ministry released the same video the same day, saying it showed a military depot.\n\n"
        "The army posted photographs on Monday, saying they showed the depot intact."
    )
    first, second, third = extract(text)
    assert first.said_on == second.said_on == dt.date(2024, 3, 10)
    assert third.said_on == dt.date(2024, 3, 11)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Senator Ann Booth, D-Ore., called the judge's record “deeply troubling” as the hearing opened.",
            "the judge's record “deeply troubling”",
        ),
        (
            "Majority Leader Tom Reyes called Lang “a superb choice,” and noted that he had served as a "
            "prosecutor.",
            "Lang “a superb choice,”",
        ),
    ],
)
def test_a_verdict_called_of_someone_is_a_statement_without_the_clause_of_time(
    extract: Extract, text: str, content: str
) -> None:
    called = next(s for s in extract(text) if s.cue == "called")
    assert called.content_text == content


def test_a_report_after_a_quotation_that_lost_its_closing_mark_is_found(extract: Extract) -> None:
    text = (
        "In 2011, the judge dismissed the complaint as “nonsense, unless you count the dead.? In 2013, he "
        "wrote that the minister had “lied” about the law."
    )
    assert any(s.cue == "wrote" and s.content_text.startswith("the minister had") for s in extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "According to the bill, the fund will pay pensions to 40,000 veterans.",
        "According to the agreement, the corridor opens at 9 a.m. every day.",
    ],
)
def test_what_a_law_or_an_agreement_provides_is_no_statement(extract: Extract, text: str) -> None:
    assert extract(text) == []


def test_a_role_with_a_nationality_is_only_that_country_s_holder(extract: Extract) -> None:
    text = (
        "Olaf Brandt had a phone call with President of the European Council Anna Lind. "
        "The German chancellor urged the EU to act. The Swedish president said the call was useful.\n\n"
        "President of Finland Mika Aalto met the press. The Finnish president said the talks went well."
    )
    statements = extract(text)
    assert all(referent_text(text, s) != "Anna Lind" for s in statements)
    finnish = next(s for s in statements if s.speaker.text == "The Finnish president")
    assert referent_text(text, finnish) == "Mika Aalto"


def test_the_first_person_under_a_signed_heading_is_the_person_it_names(extract: Extract) -> None:
    text = (
        "Business leaders wrote to their staff this week.\n\n"
        "Maria Lopez, CEO of Acme Bank on LinkedIn\n\n"
        "I believe that the anger is justified.\n\n"
        "John Park, founder of Brightside, in a memo to staff\n\n"
        "We stand with our colleagues. I believe that we must act now."
    )
    lopez, park = extract(text)
    assert referent_text(text, lopez) == "Maria Lopez"
    assert lopez.speaker.description == "CEO of Acme Bank on LinkedIn"
    assert referent_text(text, park) == "John Park"
    unsigned = "The firm is quiet.\n\nI believe that the anger is justified."
    assert all(s.speaker.referent is None for s in extract(unsigned))


def test_a_bracketed_summary_of_the_next_remarks_ends_the_turn(extract: Extract) -> None:
    text = (
        "Vladimir Putin: Thank you. We will look into it. Ivan Belov, please.(In his remarks, Council member "
        "Ivan Belov spoke about the backlog of court cases in the regions.) Vladimir Putin: This matters. "
        "We will act (as I said before).\n\nQuestion: Will you act?\n\nVladimir Putin: Yes. (Applause.) Soon."
    )
    turns = [s.content_text for s in extract(text)]
    assert turns[0].endswith("Ivan Belov, please.")
    assert turns[1] == "This matters. We will act (as I said before)."
    assert "Belov spoke" not in " ".join(turns)


@pytest.mark.parametrize(
    "text",
    [
        "The evacuation routes agreed upon with the army did not open.",
        "We are thinking about our soldiers and about their families.",
        "Every evening we say their names.",
        "The new phone boasts a camera with three lenses.",
        "The director expressed his point of view on the questions of funding.",
    ],
)
def test_uses_of_speech_verbs_that_report_no_words(extract: Extract, text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The director expressed the view that funding had to grow.",
        "He boasted that the army had won.",
    ],
)
def test_the_same_verbs_with_what_was_said_are_statements(extract: Extract, text: str) -> None:
    assert len(extract(text)) == 1


def test_the_writer_s_we_outside_quotation_marks_is_not_the_last_speaker(extract: Extract) -> None:
    text = "The ministry said that the bridge held. We believe that the bridge will hold."
    _, ours = extract(text)
    assert ours.speaker.text == "We" and ours.speaker.referent is None


def test_a_capitalised_title_keeps_its_whole_of_phrase(extract: Extract) -> None:
    text = (
        "President of Moldova Ana Rusu spoke to the media after the meeting. "
        "The Head of the Moldovan state noted the symbolism of the date."
    )
    (st,) = extract(text)
    assert st.speaker.text == "The Head of the Moldovan state"
    assert referent_text(text, st) == "Ana Rusu"


def test_an_interview_printed_without_marks_gives_each_answer_to_the_person_asked(extract: Extract) -> None:
    text = (
        "Lake Herald\n\n"
        "2 March 2024 | Ola Nyberg\n\n"
        "The ferry line stopped in February. We asked harbour master Jonas Brekke what went wrong.\n\n"
        "Why did the ferries stop?\n\n"
        "The engines of both boats failed within a week. We had no spare parts.\n\n"
        "When will they sail again?\n\n"
        "Not before May, if the parts arrive.\n\n"
        "Some say the town lost interest in the line.\n\n"
        "That is wrong: two hundred people crossed every day.\n\n"
        "How many passengers are stranded?\n\n"
        "About forty a day take the bus around the lake now."
    )
    answers = [s for s in extract(text) if s.speaker.text == "Jonas Brekke"]
    assert [a.content_text[:20] for a in answers] == [
        "The engines of both ",
        "Not before May, if t",
        "About forty a day ta",
    ]
    assert all(a.kind == "direct" for a in answers)
    feature = (
        "Why did the ferries stop?\n\nThe engines failed.\n\nWhen will they sail?\n\nIn May.\n\n"
        "Who pays?\n\nThe town does."
    )
    assert all(s.speaker.text != "Jonas Brekke" for s in extract(feature))


def test_a_labelled_interview_is_not_read_again_as_an_unmarked_one(extract: Extract) -> None:
    text = (
        "We spoke to harbour master Jonas Brekke on Monday.\n\n"
        "Q: Why did the ferries stop?\n\nBrekke: The engines failed.\n\n"
        "Q: When will they sail?\n\nBrekke: Not before May.\n\n"
        "Q: Who pays?\n\nBrekke: The town does, as always."
    )
    contents = [s.content_text for s in extract(text)]
    assert not any(c.startswith("Brekke:") for c in contents)
    assert len(contents) == len(set(contents))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # PUBLISHED is Thursday 14 March 2024
        ("A week ago, the ministry announced that the bridge had been rebuilt.", dt.date(2024, 3, 7)),
        ("On Monday in Oslo, the minister repeated it: the dam, he said, is safe.", dt.date(2024, 3, 11)),
        ("The army said in a statement released on Tuesday that the depot was hit.", dt.date(2024, 3, 12)),
        ("The depot was hit, it is said in the army's summary, published on Tuesday.", dt.date(2024, 3, 12)),
    ],
)
def test_days_a_report_gives_its_words_in_other_places(extract: Extract, text: str, day: dt.date) -> None:
    statements = extract(text)
    assert statements and statements[-1].said_on == day


def test_an_interview_s_answers_take_the_day_its_introduction_gives(extract: Extract) -> None:
    text = (
        "The ferry line stopped on Friday. We asked harbour master Jonas Brekke what went wrong. The "
        "conversation took place on Tuesday, 12 March, by phone.\n\n"
        "Why did the ferries stop?\n\nThe engines failed.\n\n"
        "When will they sail again?\n\nNot before May.\n\n"
        "Who pays for the repairs?\n\nThe town does."
    )
    answers = [s for s in extract(text) if s.speaker.text == "Jonas Brekke"]
    assert len(answers) == 3 and {a.said_on for a in answers} == {dt.date(2024, 3, 12)}


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Nobody drowned, specified the mayor.", "the mayor", "Nobody drowned"),
        (
            "The warehouse stored rockets for the artillery, declared at the briefing on 4 March the "
            "official representative of the ministry Irina Sokolova.",
            "Irina Sokolova",
            "The warehouse stored rockets for the artillery",
        ),
        (
            "The chair of the regional council Pavlo Hryn summed up on Monday that the floods had "
            "destroyed 40 bridges.",
            "Pavlo Hryn",
            "the floods had destroyed 40 bridges",
        ),
        (
            "The speaker of the southern command Oleksii Dmytrenko informed on Tuesday that the "
            "ferry crossing stays closed.",
            "Oleksii Dmytrenko",
            "the ferry crossing stays closed",
        ),
    ],
)
def test_translated_orders_of_cue_and_speaker(
    extract: Extract, text: str, speaker: str, content: str
) -> None:
    # Translated Russian and Ukrainian reports put the cue before its speaker, with the day between.
    (st,) = extract(text)
    assert (referent_text(text, st) or st.speaker.text) == speaker
    assert st.content_text == content


def test_summing_up_without_a_clause_is_no_statement(extract: Extract) -> None:
    assert extract("The coach summed up the season in one word at the dinner.") == []


def test_clause_hung_on_an_opening_phrase_before_a_closing_passive(extract: Extract) -> None:
    text = (
        "The Ministry of Defence of Latvia said that the rebels had retreated.\n\n"
        "During the month the rebels lost in the northern direction up to 300 fighters, 4 tanks and "
        "2 trucks, it was noted in the department."
    )
    _, st = extract(text)
    assert st.content_text.startswith("During the month the rebels lost")
    assert st.content_text.endswith("2 trucks")
    assert referent_text(text, st) == "The Ministry of Defence of Latvia"


def test_closing_passive_after_a_phrase_with_no_clause_is_no_statement(extract: Extract) -> None:
    assert extract("During the long and cold night in the city, it was noted in the department.") == []


def test_she_after_a_named_subject_is_that_person_not_the_last_speaker(extract: Extract) -> None:
    text = (
        '"The count leaves out the missing," council spokesman Marco Reyes told AFP.\n\n'
        'Provincial governor Lucia Ferrer rejected that. "All of them drowned," she told AFP.'
    )
    _, second = extract(text)
    assert referent_text(text, second) == "Lucia Ferrer"


def test_he_after_a_sentence_about_someone_else_keeps_the_speaker_of_the_quote(extract: Extract) -> None:
    text = (
        '"The count leaves out the missing," council spokesman Marco Reyes told AFP.\n\n'
        'The storm hit the coast on Monday. "All of them drowned," he told AFP.'
    )
    _, second = extract(text)
    assert referent_text(text, second) == "Marco Reyes"


def test_a_reporting_verb_the_parser_took_for_a_modifier_of_a_long_subject(extract: Extract) -> None:
    text = (
        "The spokesman of the southern operational group Oleksii Dmytrenko informed in the air of the "
        "national telethon on Friday that the ferry crossing stays closed."
    )
    (st,) = extract(text)
    assert referent_text(text, st) == "Oleksii Dmytrenko"
    assert st.content_text == "the ferry crossing stays closed"


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "Night-shift nurses sleep less, a new survey reports.",
            "a new survey",
            "reports",
            "Night-shift nurses sleep less",
        ),
        (
            "The council state that the bridge reopens in June.",
            "The council",
            "state",
            "the bridge reopens in June",
        ),
        (
            "The chancellor made it clear that the budget would not change.",
            "The chancellor",
            "made it clear",
            "the budget would not change",
        ),
        (
            "Last spring the minister made a clear warning to the allies that the border would close.",
            "the minister",
            "warning",
            "the border would close",
        ),
        (
            "The governor gave assurances that the schools would open on time.",
            "The governor",
            "assurances",
            "the schools would open on time",
        ),
        (
            "A lawyer for the family asked for the inquest to be reopened.",
            "A lawyer",
            "asked for",
            "the inquest to be reopened",
        ),
    ],
)
def test_reports_the_parser_reads_awry(
    extract: Extract, text: str, speaker: str, cue: str, content: str
) -> None:
    (st,) = extract(text)
    assert (st.speaker.text, st.cue, st.content_text) == (speaker, cue, content)


@pytest.mark.parametrize(
    "text",
    [
        "The annual reports of the company were late.",
        "The shelling made it clear that the ceasefire was over.",
        "The ministry issued a warning that nobody heard.",
    ],
)
def test_nouns_and_things_that_report_nothing(extract: Extract, text: str) -> None:
    assert extract(text) == []


def test_thanks_that_say_nothing_of_what_for_are_no_statement(extract: Extract) -> None:
    assert extract("The President thanked the rescuers and the doctors of Odesa.") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The President thanked the Senate and the people of Chile, including for the medical aid.",
            "the Senate and the people of Chile, including for the medical aid",
        ),
        (
            "The President thanked the firefighters, who worked through the night.",
            "the firefighters, who worked through the night",
        ),
    ],
)
def test_thanks_with_what_for(extract: Extract, text: str, content: str) -> None:
    (st,) = extract(text)
    assert st.content_text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "I am grateful to him for the visit, as well as to all the Estonian people.",
            "to him for the visit, as well as to all the Estonian people",
        ),
        (
            "I am grateful to all the teachers who work in Sumy and Poltava, in Vinnytsia and Rivne, "
            "in Kherson, in Izium.",
            "to all the teachers who work in Sumy and Poltava, in Vinnytsia and Rivne, in Kherson, in Izium",
        ),
        (
            "I am grateful to our partners for the new package, and we will use it well.",
            "to our partners for the new package",
        ),
    ],
)
def test_gratitude_runs_to_the_last_of_those_thanked(extract: Extract, text: str, content: str) -> None:
    (st,) = extract(f"The President spoke in Kyiv.\n\n{text}")
    assert st.content_text == content


def test_a_turn_ends_before_a_summary_with_brackets_of_its_own(extract: Extract) -> None:
    text = (
        "Vladimir Putin: We will hear the chair first. Please, you have the floor.(In his report, the chair "
        "spoke about the prison service (FSIN), the use of QR codes and the law on foreign agents.) "
        "Vladimir Putin: As far as I know, these issues were raised before.\n"
    )
    turns = [s.content_text for s in extract(text) if s.speaker.text == "Vladimir Putin"]
    assert turns == [
        "We will hear the chair first. Please, you have the floor.",
        "As far as I know, these issues were raised before.",
    ]


def test_quoted_name_of_an_event_after_the_cue_is_no_more_of_the_quote(extract: Extract) -> None:
    text = (
        '"We have been at war for eight years," the President said during a press marathon'
        '"20 questions to the President". He also said that the borders were under control.'
    )
    first = extract(text)[0]
    assert first.content_text == "We have been at war for eight years"


def test_what_a_relative_clause_says_someone_called_a_thing(extract: Extract) -> None:
    text = (
        "Vladimir Putin: We will work on this.\n\n"
        "(Olga Brandt spoke about the law on archives, which she described as one of the most outdated "
        "laws, and proposed a working group.)"
    )
    described = next(s for s in extract(text) if s.cue == "described")
    assert described.content_text == "one of the most outdated laws"
    assert referent_text(text, described) == "Olga Brandt"


def test_a_post_the_page_embeds_is_its_authors(extract: Extract) -> None:
    text = (
        "The first tests were shared on social media.\n\n"
        "The handheld mode holds 30 frames a second, the docked mode does not. pic.twitter.com/AbC123xyz\n\n"
        "— Frame Lab (@framelab) March 4, 2024\n\n"
        "We tried the game ourselves."
    )
    (st,) = extract(text)
    assert st.content_text == "The handheld mode holds 30 frames a second, the docked mode does not."
    assert referent_text(text, st) == "Frame Lab"
    assert st.said_on == dt.date(2024, 3, 4)


def test_a_dash_line_without_an_account_signs_no_post(extract: Extract) -> None:
    text = "The handheld mode holds 30 frames a second.\n\n— Frame Lab, March 4, 2024"
    assert extract(text) == []


def test_a_name_after_the_cue_speaks_whatever_noun_the_parser_took_for_its_subject(extract: Extract) -> None:
    text = (
        "About 90 civilians still live in Zorianka, among them elderly people who refuse to leave, said "
        "to Interfax the head of the occupation administration Pavlo Dudar."
    )
    (st,) = extract(text)
    assert referent_text(text, st) == "Pavlo Dudar"
    assert st.content_text.startswith("About 90 civilians still live in Zorianka")


def test_a_sentence_ends_after_a_rate_unit(extract: Extract) -> None:
    text = (
        "The storm made landfall at about 11 p.m. on Tuesday, the weather bureau said, with gusts of up to "
        "200 km/h. Residents of Virac posted videos of the flooding."
    )
    (st,) = extract(text)
    assert st.speaker.text == "the weather bureau"


def test_a_rector_named_after_the_title_speaks(extract: Extract) -> None:
    text = "The rector of the academy, Oksana Bilyk, said 300 students had lived in the building."
    (st,) = extract(text)
    assert referent_text(text, st) == "Oksana Bilyk"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The observatory in Ankara put its magnitude at 5.9.", "its magnitude at 5.9"),
        ("The retail index put food inflation at 2.8%.", "food inflation at 2.8%"),
    ],
)
def test_whatever_a_body_puts_at_a_number_is_its_figure(extract: Extract, text: str, content: str) -> None:
    (st,) = extract(text)
    assert st.content_text == content


def test_a_meeting_put_at_an_hour_is_no_figure(extract: Extract) -> None:
    assert extract("The chairman put the meeting at 5 pm.") == []


def test_a_hyphenated_title_is_one_subject(extract: Extract) -> None:
    text = "The co-chair of the council, Dilan Arslan, said the permit had never been issued."
    (st,) = extract(text)
    assert referent_text(text, st) == "Dilan Arslan"


def test_which_after_an_apposition_stands_for_the_noun_it_describes(extract: Extract) -> None:
    text = (
        "The figure is lower than that of the Van Bar Association, a branch of the Union of Turkish Bar "
        "Associations, which said it had counted 40 cases."
    )
    (st,) = extract(text)
    assert referent_text(text, st) == "the Van Bar Association"


def test_a_hyphenated_title_before_a_name_keeps_the_speaker(extract: Extract) -> None:
    text = "Commander-in-Chief Oleh Marchuk said on Monday that the line held."
    (st,) = extract(text)
    assert referent_text(text, st) == "Oleh Marchuk"


@pytest.mark.parametrize(
    "text",
    [
        "Spokeswoman for the Polissia group of troops Captain Iryna Hlushko said that the bridge stood.",
        "The bridge still stands, informed the spokeswoman of the Polissia group of troops Iryna Hlushko.",
    ],
)
def test_a_name_that_only_names_a_group_is_no_speaker(extract: Extract, text: str) -> None:
    (st,) = extract(text)
    assert referent_text(text, st) == "Iryna Hlushko"


def test_the_speaker_after_a_translated_channel_phrase(extract: Extract) -> None:
    text = (
        "The ferry crossing at Zatoka remains closed, informed in the air of the national telemarathon "
        "the head of the regional administration Oleh Kiper."
    )
    (st,) = extract(text)
    assert referent_text(text, st) == "Oleh Kiper"
    assert st.content_text == "The ferry crossing at Zatoka remains closed"


def test_reports_a_transcript_turn_relays_are_their_sources_statements(extract: Extract) -> None:
    text = (
        "Moderator: Mr President, yesterday the Defence Ministry reported that Vovchansk had been taken. "
        "Kyiv says its brigade still holds the north of the town. Who is right?\n\n"
        "Vladimir Putin: The town is ours. The Chief of the General Staff, Valery Gerasimov, reported to me "
        "that the last basements were being cleared. Kyiv says many things."
    )
    found = [(st.speaker.text, st.content_text) for st in extract(text)]
    assert ("the Defence Ministry", "Vovchansk had been taken") in found
    assert ("Kyiv", "its brigade still holds the north of the town") in found
    assert ("Valery Gerasimov", "the last basements were being cleared") in found
    assert not any(speaker == "Moderator" for speaker, _ in found)  # it only asks about the reports
    assert any(speaker == "Vladimir Putin" for speaker, _ in found)
    assert not any(content == "many things" for _, content in found)


def test_a_courtesy_inside_a_turn_is_no_report_of_the_one_addressed(extract: Extract) -> None:
    text = (
        "President of Ukraine Volodymyr Zelenskyy: Dear Madam Prime Minister, dear Kristen, thank you for "
        "coming to Kyiv. Today we agreed on a new package of air defence."
    )
    assert [st.speaker.text for st in extract(text)] == ["Volodymyr Zelenskyy"]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Today I received a report from General Oleksandr Tarnavskyi: the line near Toretsk holds.",
            "Oleksandr Tarnavskyi",
            "the line near Toretsk holds",
        ),
        (
            "Some in Europe again hear from Budapest that sanctions do not work.",
            "Budapest",
            "sanctions do not work",
        ),
        (
            "The mayor received assurances from the ministry that the school would reopen in May.",
            "the ministry",
            "the school would reopen in May",
        ),
    ],
)
def test_words_received_from_someone_are_theirs(
    extract: Extract, text: str, speaker: str, content: str
) -> None:
    (st,) = extract(text)
    assert (st.speaker.text, st.content_text) == (speaker, content)


@pytest.mark.parametrize(
    "text",
    [
        "We got news from the front: the unit is safe and fed.",  # a place sends no words
        "She received a letter from her son on Monday.",  # a message with no words given
        "As long as the roof is whole, they tell themselves that everything is fine.",  # a thought
        "I told myself that we would survive the winter.",
        'Every time the Kremlin says "talks", the next night it sends a hundred drones.',
        "Whenever the ministry announces a capture, the village is still ours the next day.",
    ],
)
def test_no_statement_in(extract: Extract, text: str) -> None:
    assert extract(text) == []


def test_a_lead_title_is_the_person_a_later_paragraph_names_by_the_office(extract: Extract) -> None:
    text = (
        "Russian drones struck the port of Izmail overnight, wounding four people, the regional governor "
        "said on Wednesday.\n\n"
        "Oleh Kiper, head of the Odesa regional military administration, wrote on Telegram that a grain "
        "terminal had been damaged."
    )
    first, _ = extract(text)
    assert first.speaker.text == "the regional governor"
    assert referent_text(text, first) == "Oleh Kiper"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'One of the channels, Zolotoi Orel, wrote that "the bridge at Zatoka was destroyed".',
            "Zolotoi Orel",
        ),
        (
            'The Telegram channel "Dnipro Front", which has 90,000 readers, wrote that the dam held.',
            "Dnipro Front",
        ),
    ],
)
def test_a_description_gives_way_to_the_name_set_off_after_it(
    extract: Extract, text: str, speaker: str
) -> None:
    (st,) = extract(text)
    assert st.speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('The ministry said that "the town was taken".', "the town was taken"),
        (
            "The ministry wrote that “the town was taken, and the bridge too”.",
            "the town was taken, and the bridge too",
        ),
        ('He said the plan was "dead on arrival".', 'the plan was "dead on arrival"'),
    ],
)
def test_a_quotation_loses_its_closing_mark_with_its_opening_one(
    extract: Extract, text: str, content: str
) -> None:
    (st,) = extract(text)
    assert st.content_text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "By the data of the ministry, in the depot up to 30 tanks were repaired for the offensive.",
            "in the depot up to 30 tanks were repaired for the offensive.",
        ),
        (
            "By the data of the village council, in the village remain 40 residents, most of them old.",
            "in the village remain 40 residents, most of them old.",
        ),
    ],
)
def test_a_translated_source_frame_gives_the_clause_after_its_comma(
    extract: Extract, text: str, content: str
) -> None:
    (st,) = extract(text)
    assert st.content_text == content


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "In the Ministry of Defence informed that 12 drones were downed over the Belgorod region.",
            "Defence",
        ),
        ("In the Air Force answered that the investigation of the crash continues.", "Air Force"),
    ],
)
def test_a_body_a_translation_names_before_a_subjectless_verb_speaks(
    extract: Extract, text: str, speaker: str
) -> None:
    (st,) = extract(text)
    assert speaker in st.speaker.text


def test_a_council_is_not_the_body_quoted_before_it(extract: Extract) -> None:
    text = (
        "In the Air Force answered that the investigation continues. "
        'In the city council answered that "the cold in the flats does not depend on the method".'
    )
    _, second = extract(text)
    assert second.speaker.text == "the city council"
    assert second.speaker.referent is None


@pytest.mark.parametrize(
    "text",
    [
        'The Russian Ministry of Defence claimed on Friday that its troops "liberated" Kurakhove.',
        'The ministry claimed on Friday that units of the Centre group of forces "liberated" Kurakhove.',
    ],
)
def test_a_scare_quote_does_not_lose_the_claim_around_it(extract: Extract, text: str) -> None:
    (st,) = extract(text)
    assert st.content_text.endswith('"liberated" Kurakhove')


def test_a_relative_that_after_a_request_opens_no_report(extract: Extract) -> None:
    text = (
        "Residents have been asking for a permanent army post since an attack in May that killed 12 people."
    )
    assert not any(st.content_text == "killed 12 people" for st in extract(text))


def test_the_day_of_a_first_verb_dates_the_saying_joined_to_it(extract: Extract) -> None:
    text = "The governor visited the wounded at the hospital on Tuesday and said the toll had risen to nine."
    (st,) = extract(text)
    assert st.said_on == dt.date(2024, 3, 12)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The governor claimed on Monday that the bridge held and blamed the ministry.", "the bridge held"),
        ("The mayor said that was a lie.", "that was a lie"),
        ("The study found that combining the two drugs halved the risk.", "combining the two drugs"),
    ],
)
def test_a_that_the_parser_made_an_object_is_still_the_conjunction(
    extract: Extract, text: str, content: str
) -> None:
    assert extract(text)[0].content_text.startswith(content)


def test_a_stage_note_on_whom_the_speaker_addresses_does_not_end_the_turn(extract: Extract) -> None:
    text = (
        "President of Russia Vladimir Putin: Colleagues, today we are holding an important meeting of the "
        "Council. We will discuss the new roads.(Addressing Chairman of the Road Agency Roman Novikov.) "
        "I hope, Roman, that you will report on the projects. I know that the regions need them."
    )
    (turn,) = extract(text)
    assert turn.content_text.endswith("I know that the regions need them.")


def test_an_interview_by_phone_is_dated_by_its_intro_not_by_an_earlier_event() -> None:
    from claimgraph.nlp import load_pipeline

    text = (
        "Three days after Moscow announced the capture of the village, its head, Olha Hnatiuk, spoke by "
        "phone to presenter Ivan Bilyk on air on Tuesday evening, 13 October.\n\n"
        "BILYK: Who holds the village tonight?\n\n"
        "HNATIUK: Our soldiers do. The school and the whole northern part are ours.\n\n"
        "BILYK: And the road?\n\n"
        "HNATIUK: The road is cut."
    )
    found = extract_statements("d1", load_pipeline()(text), published=dt.date(2026, 10, 14))
    answer = next(st for st in found if st.content_text.startswith("Our soldiers"))
    assert answer.said_on == dt.date(2026, 10, 13)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The bridge stands," said to journalists the governor Oleh Kiper on Friday.', "Oleh Kiper"),
        ('"The bridge stands," said to RIA Novosti the head of the district Ivan Sorokin.', "Ivan Sorokin"),
    ],
)
def test_a_quotation_said_to_someone_before_its_speaker_is_the_speakers(
    extract: Extract, text: str, speaker: str
) -> None:
    (st,) = extract(text)
    assert st.speaker.text == speaker


def test_a_claim_noun_whose_owner_follows_of_is_the_owners_claim(extract: Extract) -> None:
    (st,) = extract("The warning of the governor that the dam could break reached the villages too late.")
    assert (st.speaker.text, st.content_text) == ("the governor", "the dam could break")


def test_a_that_clause_with_an_aside_keeps_its_predicate(extract: Extract) -> None:
    text = (
        "Mayor Ivan Hrytsenko told Reuters at the scene that the school, closed to pupils since 2022, "
        "had been used as a shelter for 60 displaced people."
    )
    (st,) = extract(text)
    assert st.content_text.endswith("had been used as a shelter for 60 displaced people")


def test_a_count_a_turn_relays_is_its_sources_statement(extract: Extract) -> None:
    text = (
        "Governor Ivan Petrov: The Defence Ministry reported 34 drones over the region. Most fell.\n\n"
        "Vladimir Putin: The Russians have announced this town three times already. Good."
    )
    found = [(st.speaker.text, st.content_text) for st in extract(text)]
    assert ("The Defence Ministry", "34 drones over the region") in found
    assert not any(content == "this town three times" for _, content in found)


@pytest.mark.parametrize(
    "text",
    [
        'Levytskyi called this "a lie told over the bodies of children" and said the city would list them.',
        'Levchenko called this "a lie told over the bodies of children" and said the city would list them.',
    ],
)
def test_a_quoted_word_before_the_cue_is_no_subject(extract: Extract, text: str) -> None:
    found = extract(text)
    assert found
    assert all(st.speaker.text.startswith("Lev") for st in found)
