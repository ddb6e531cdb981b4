from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.claims import PlaceWords, compare, dispute_kind, document_claims, read_claim


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        (
            "About 12,000 civilians remain in Velykyi Mlyn.",
            "By our count, 7,500 civilians are still in Velykyi Mlyn.",
            "numeric",
        ),
        (
            "About 12,000 civilians remain in Velykyi Mlyn.",
            "Some 12,400 civilians remain in Velykyi Mlyn.",
            None,
        ),
        ("The group evacuated 230 people from Kherson.", "More than 400 people remain in Kherson.", None),
        (
            "Wagner says its fighters have captured Bakhmut.",
            "Ukraine says its troops still hold Bakhmut.",
            "status",
        ),
        ("Russian forces took Soledar.", "Soledar fell to Russia.", None),
        (
            "Bakhmut is not of any strategic importance.",
            "Capturing Bakhmut will allow for further offensive operations.",
            "stance",
        ),
        ("The bridge was destroyed on Monday.", "The bridge is damaged but still in use.", "status"),
        (
            "Russia fired 84 missiles at Kharkiv on Monday.",
            "Russia fired 28 missiles at Kharkiv on Thursday.",
            None,
        ),
        (
            "Around 5,000 civilians remain in Toretsk.",
            "Around 9,000 civilians remain in Kostiantynivka.",
            None,
        ),
    ],
)
def test_dispute_kind(a: str, b: str, kind: str | None) -> None:
    assert dispute_kind(a, b) == kind


def test_identical_claims_are_one_source_not_a_dispute_nor_corroboration() -> None:
    text = "About 12,000 civilians remain in the town."
    assert dispute_kind(text, text) is None


def test_claims_weeks_apart_do_not_dispute() -> None:
    march = read_claim(
        "About 12,000 civilians remain in Zarichne.", places=["Zarichne"], when=dt.date(2024, 3, 14)
    )
    april = read_claim(
        "About 3,000 civilians remain in Zarichne.", places=["Zarichne"], when=dt.date(2024, 4, 28)
    )
    same_week = read_claim(
        "About 3,000 civilians remain in Zarichne.", places=["Zarichne"], when=dt.date(2024, 3, 16)
    )
    assert compare(march, april) is None
    assert compare(march, same_week) == ("numeric", "civilians remaining: About 12,000 vs About 3,000")


def test_claims_group_across_documents_and_copies_count_once() -> None:
    from claimgraph.claims import Side, assertions, group_claims

    wire = "About 12,000 civilians remain in Velykyi Mlyn, the governor said."
    own = "Some 12,000 civilians are still in Velykyi Mlyn, volunteers say."
    claims = [
        (Side("d1", 0, len(wire), wire), assertions(read_claim(wire, places=["Velykyi Mlyn"]))),
        (Side("d2", 0, len(wire), wire), assertions(read_claim(wire, places=["Velykyi Mlyn"]))),
        (Side("d3", 0, len(own), own), assertions(read_claim(own, places=["Velykyi Mlyn"]))),
    ]
    groups = {(g.predicate, g.value): g for g in group_claims(claims)}
    about = groups[("civilians remaining", "about 12,000")]
    assert about.topic == "Velykyi Mlyn"
    # Three sentences, two wordings: the wire story copied twice is one source, not two.
    assert len(about.sides) == 3 and about.independent == 2


def test_a_reading_survives_the_store_unchanged() -> None:
    from claimgraph.claims import reading_from_json, reading_to_json

    sentences = [
        "About 12,000 civilians remain in Velykyi Mlyn, most of them elderly, the governor said on Monday.",
        "The only road bridge over the Ostra was destroyed, but the dam is still standing.",
        "Russian forces have captured Bakhmut, which is of no strategic importance, in 2023.",
        "Between 200 and 400 m of the front moved; some 3.5 km² were lost.",
    ]
    for sentence in sentences:
        reading = read_claim(sentence, places=["Velykyi Mlyn", "Bakhmut"], when=dt.date(2024, 3, 14))
        assert reading_from_json(reading_to_json(reading)) == reading
    assert reading_from_json(reading_to_json(read_claim("Nothing here at all.", places=[]))) == read_claim(
        "Nothing here at all.", places=[]
    )


NAMES = [
    "Kyiv",
    "Kyiv Oblast",
    "Velykyi Mlyn",
    "Mlyn",
    "Ostra",
    "Bila Tserkva",
    "Zarechna region",
    "Novo-Kyiv",
]


@given(
    st.lists(
        st.one_of(
            st.sampled_from([*NAMES, "Kyivan", "Kyiv's", "the", "Ostra.", "in", "Tserkva", "-"]),
            st.text(alphabet="ab K.-'", max_size=4),
        ),
        max_size=12,
    )
)
def test_place_words_find_what_a_whole_word_pattern_finds(words: list[str]) -> None:
    import re

    from claimgraph.claims import PlaceWords

    text = " ".join(words)
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(n) for n in sorted(NAMES, key=lambda n: (-len(n), n))) + r")\b"
    )
    assert PlaceWords(NAMES).findall(text) == pattern.findall(text)


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("The sanctions are working, the minister said.", "important"),
        ("The video is fake, the ministry said.", "unimportant"),
        ("Members accused each other of working for the other side in Zoryansk.", None),
        ("The Zoryansk fake factory works faster than its artillery.", None),
    ],
)
def test_a_stance_word_counts_as_a_judgement_only_when_it_judges(text: str, stance: str | None) -> None:
    assert read_claim(text, places=["Zoryansk"]).stance == stance


def test_killed_and_wounded_together_are_casualties_not_deaths() -> None:
    both = read_claim("The attackers lost 46 killed and wounded in one day near Dubky.", places=["Dubky"])
    dead = read_claim("The brigade lost six men killed and nineteen wounded near Dubky.", places=["Dubky"])
    assert [slot.split()[0] for slot, _ in both.numbers] == ["casualties"]
    assert [slot.split()[0] for slot, _ in dead.numbers] == ["deaths"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Only civilian homes were hit in Lozova, the mayor said.", "The strike hit a fuel depot in Lozova."),
        (
            "There was no military facility in Balakliia, residents said.",
            "Missiles struck a command post of the brigade in Balakliia.",
        ),
    ],
)
def test_what_a_strike_hit_is_disputed_between_military_and_civilian(a: str, b: str) -> None:
    place = a.split(" in ")[-1].split(",")[0]
    found = compare(read_claim(a, places=[place]), read_claim(b, places=[place]))
    assert found is not None and found[0] == "status" and "military target" in found[1]


def test_a_denied_military_target_is_no_claim_of_one() -> None:
    assert read_claim("The army did not hit any military target in Lozova.", places=["Lozova"]).target is None


def test_russian_and_ukrainian_forms_of_a_place_are_one_topic() -> None:
    a = read_claim("Russian troops captured Petrovka.", places=["Petrovka"])
    b = read_claim("Ukrainian troops still hold Petrivka.", places=["Petrivka"])
    assert a.places == b.places
    assert compare(a, b) is not None


@pytest.mark.parametrize(
    ("russian", "ukrainian"),
    [("Krasnopolye", "Krasnopillia"), ("Novoselovo", "Novoselove"), ("Bogatyrevo", "Bohatyreve")],
)
def test_a_russian_ending_meets_its_ukrainian_form(russian: str, ukrainian: str) -> None:
    a = read_claim(f"Russian troops captured {russian}.", places=[russian])
    b = read_claim(f"Ukrainian troops still hold {ukrainian}.", places=[ukrainian])
    assert a.places == b.places
    other = read_claim("Ukrainian troops still hold Krasnodar.", places=["Krasnodar"])
    assert not a.places & other.places


def test_place_words_find_any_spelling_of_a_known_place() -> None:
    words = PlaceWords(["Velykyi Mlyn", "Kharkiv", "West"])
    assert words.findall("Fighting went on in Velikiy Mlin and in the west of Kharkiv.") == [
        "Velykyi Mlyn",
        "Kharkiv",
    ]


def test_people_remaining_and_civilians_remaining_count_one_thing() -> None:
    a = read_claim("About 900 people remain in Kupiansk.", places=["Kupiansk"])
    b = read_claim("About 3,000 civilians remain in Kupiansk.", places=["Kupiansk"])
    assert compare(a, b) == ("numeric", "civilians remaining: About 900 vs About 3,000")


def test_claims_naming_no_place_compare_only_on_a_shared_name() -> None:
    attacks = read_claim("All attacks were repelled.", places=[])
    entered = read_claim("Russian groups have entered the town.", places=[])
    assert compare(attacks, entered) is None
    held = read_claim("The defenders still hold Zarichne Mala.", places=[])
    taken = read_claim("The army said it had taken Zarichne Mala.", places=[])
    assert compare(held, taken) is not None


def test_a_sentence_with_no_place_is_about_the_place_its_document_names_most() -> None:
    text = (
        "Shelling of Zarichne went on all week.\n\nZarichne lost power again.\n\n"
        "By our count, 7,500 civilians are still here."
    )
    claims = document_claims("d", text, published=None, statements=[], place_words=PlaceWords(["Zarichne"]))
    assert claims[-1].places == ("Zarichne",)


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        (
            "Today, 215 Ukrainian defenders returned home from captivity in Zarichne.",
            "The ministry said 190 Ukrainian prisoners of war had been handed over in Zarichne.",
            "numeric",
        ),
        (
            "The army said it had captured Zarichne.",
            "Zarichne is still ours, the battalion commander said.",
            "status",
        ),
        (
            "Zarichne had about 41,000 residents before the full-scale invasion.",
            "Zarichne had a pre-war population of 48,000.",
            "numeric",
        ),
        (
            "There were no military objects nearby in Zarichne, the governor said.",
            "The missile hit a meeting of the command staff of the brigade in Zarichne.",
            "status",
        ),
    ],
)
def test_exchanges_pre_war_counts_our_towns_and_struck_commanders(a: str, b: str, kind: str) -> None:
    found = compare(read_claim(a, places=["Zarichne"]), read_claim(b, places=["Zarichne"]))
    assert found is not None and found[0] == kind


def test_occupied_territories_are_no_claim_that_a_place_was_taken() -> None:
    assert (
        read_claim("Twelve children were returned from the occupied territories.", places=[]).status is None
    )


def test_a_plant_that_repairs_weapons_is_a_military_target() -> None:
    reading = read_claim(
        "The strike hit a plant in Lozova that repaired air-defence systems.", places=["Lozova"]
    )
    assert reading.target == "military"


def test_a_places_former_name_from_the_knowledge_base_is_the_same_topic() -> None:
    a = read_claim("Units completely liberated the settlement of Dimitrov.", places=["Dimitrov"])
    b = read_claim("Ukrainian forces continue to hold their positions in Myrnohrad.", places=["Myrnohrad"])
    assert a.places == b.places
    assert compare(a, b) is not None


def test_an_exchange_compares_without_a_shared_place() -> None:
    a = read_claim("304 of our people are home, the president said in Kyiv.", places=["Kyiv"])
    b = read_claim("210 prisoners of war of the Armed Forces of Ukraine were handed over.", places=[])
    assert compare(a, b) == ("numeric", "prisoners exchanged: 304 vs 210")


@pytest.mark.parametrize(
    ("a", "b", "explained"),
    [
        (
            "The mayor blamed the Houthis, saying the shells were fired from Houthi positions near Mocha.",
            '"Our units did not fire a single shell at Mocha," the Houthi spokesman said.',
            "one blames the Houthis for the attack on Mocha, the other denies an attack",
        ),
        (
            "Residents of Zorianka said the school was struck by a Russian glide bomb.",
            "The ministry said the school in Zorianka was damaged by a Ukrainian air-defence missile.",
            "who attacked Zorianka: one names Russia, the other Ukraine",
        ),
        (
            "The army said the drone that hit the Kadugli market was launched by the RSF.",
            "The RSF said the explosion at the Kadugli market was caused by a military ammunition depot.",
            "one blames the RSF for the attack on Kadugli, the other denies an attack",
        ),
        (
            "Investigators found fragments of a Kalibr cruise missile at the port of Zorianka.",
            "The port of Zorianka was hit by Ukrainian artillery, the occupation authorities said.",
            "who attacked Zorianka: one names Russia, the other Ukraine",
        ),
    ],
)
def test_who_attacked_a_place_is_disputed(a: str, b: str, explained: str) -> None:
    places = ["Mocha", "Zorianka", "Kadugli"]
    when = dt.date(2026, 11, 2)
    found = compare(
        read_claim(a, places=[p for p in places if p in a], when=when),
        read_claim(b, places=[p for p in places if p in b], when=when),
    )
    assert found == ("status", explained)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # two attacks on one town, on different things
        ("Israeli warplanes bombed a house in Rafah.", "Hamas fighters fired rockets from Rafah."),
        # one side named twice
        ("A Russian missile hit a school in Zorianka.", "Russian forces struck a depot in Zorianka."),
        # a season's count is no single attack
        (
            "Ukrainian drones struck 19 refineries in Zorianka between August and November.",
            "Russian drones hit the Zorianka refinery.",
        ),
        # air defence shooting drones down attacks nobody
        (
            "Ukrainian air defence shot down 20 drones over Zorianka.",
            "A Russian drone hit a house in Zorianka.",
        ),
    ],
)
def test_attacks_that_can_both_be_true_are_no_dispute(a: str, b: str) -> None:
    places = ["Rafah", "Zorianka"]
    when = dt.date(2026, 11, 2)
    assert (
        compare(
            read_claim(a, places=[p for p in places if p in a], when=when),
            read_claim(b, places=[p for p in places if p in b], when=when),
        )
        is None
    )


def test_prisoners_handed_over_by_one_side_dispute_those_the_other_counts_home() -> None:
    when = dt.date(2026, 10, 15)
    ours = read_claim("Kyiv said 190 soldiers and five civilians had returned home.", places=[], when=when)
    theirs = read_claim(
        "In return, 150 captured servicemen of the AFU were handed over.", places=[], when=when
    )
    assert compare(ours, theirs) == ("numeric", "prisoners exchanged: 190 vs 150")


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        (
            "The ministry said its troops liberated the settlement of Zorianka on Sunday.",
            'The brigade wrote on Tuesday that Zorianka "remains under the control of the Defence Forces".',
            "status",
        ),
        (
            "Two people were killed and seven wounded in Zorianka, the governor said.",
            "Three employees of the Zorianka port were killed in the overnight drone attack.",
            "numeric",
        ),
        (
            "Rebels killed at least 31 civilians in Zorianka, a local leader said.",
            'Soldiers recovered "18 bodies" in Zorianka, the army said.',
            "numeric",
        ),
        (
            "No more than 6,000 people are left in Zorianka.",
            "About 9,200 residents remain in Zorianka.",
            "numeric",
        ),
        (
            "No more than 6,000 people are left in Zorianka.",
            "About 5,500 residents remain in Zorianka.",
            None,
        ),
        (
            "Drones hit only civilian port infrastructure in Zorianka.",
            'Missiles struck "the fuel storages used for the supply of the formations" in Zorianka.',
            "status",
        ),
        # a toll named before its number, in any of its phrasings
        (
            "The province insisted the real toll in Zorianka was 14.",
            "Medics put the toll in Zorianka at 9.",
            "numeric",
        ),
        (
            "Officials raised the death toll in Zorianka to 23.",
            "Eleven people died in Zorianka, police said.",
            "numeric",
        ),
        ("The toll in Zorianka stood at 12.", "Twelve people were killed in Zorianka.", None),
        ("Lorries worth a toll of 40 euros crossed Zorianka.", "Seven trucks were seen in Zorianka.", None),
        # a running toll on two dates is two states, not a dispute
        (
            "On 2 June, medics said 14 people had died in Zorianka.",
            "By June 9 the toll in Zorianka had risen to 31, officials said.",
            None,
        ),
        # who hit it, named by the defence itself or after the fact
        (
            "Moscow says Ukrainian air defence, not a Russian missile, destroyed the school in Zorianka.",
            "The police in Zorianka found fragments of an Iskander-M missile at the school.",
            "status",
        ),
        (
            "In Zorianka, officials say it was a Russian drone.",
            "A Ukrainian drone hit the market in Zorianka.",
            "status",
        ),
        ("In Zorianka, it was not a Russian drone.", "Russian drones struck Zorianka overnight.", None),
        # whether people were warned in time
        (
            "Villagers in Zorianka said they had received no warning before the dam broke.",
            "The water agency said SMS alerts had been sent to all phones in Zorianka on Sunday.",
            "status",
        ),
        (
            "In Zorianka the air raid alert sounded only after the first explosions, residents said.",
            "In Zorianka the alert was declared 12 minutes before the first impact, the air force said.",
            "status",
        ),
        (
            "Sirens sounded across Zorianka on Monday night.",
            "On Thursday the strike on Zorianka came without any warning, the mayor said.",
            None,
        ),
        (
            "Children in Zorianka will sleep without sirens and alarms in the mountains.",
            "Sirens sounded across Zorianka overnight.",
            None,
        ),
        # drones by their long name or its letters
        (
            "Air defence destroyed 47 Ukrainian unmanned aerial vehicles over Zorianka.",
            "No more than 18 drones took part in the attack on Zorianka.",
            "numeric",
        ),
        ("Air defence downed 87 UAV over Zorianka.", "Only 24 drones flew at Zorianka.", "numeric"),
        # taken to hospital: hurt, and no place taken
        (
            "No one was hurt in Zorianka.",
            "In Zorianka two workers had been taken to hospital with burns.",
            "numeric",
        ),
        (
            "Two workers in Zorianka were taken to hospital.",
            "The defenders still hold Zorianka, the brigade said.",
            None,
        ),
        # homes cut off from a supply, however worded
        (
            "The strike left 55,000 households in Zorianka without power.",
            "In Zorianka without electricity remain no more than 20 thousand consumers.",
            "numeric",
        ),
        ("Zorianka has 55,000 households.", "In Zorianka 20,000 households were left without gas.", None),
        ("Shelling damaged 40 homes in Zorianka.", "Shelling damaged 12 homes in Zorianka.", "numeric"),
        # who was aboard a vehicle struck
        (
            "The minibus hit in Zorianka carried only pensioners: all the passengers were civilians.",
            "The drone destroyed a minibus carrying soldiers near Zorianka, the ministry said.",
            "status",
        ),
        (
            "Everyone on the train in Zorianka was a civilian, the railway said.",
            "Officials said that on that train in Zorianka there were servicemen going to the front.",
            "status",
        ),
        (
            "There were no soldiers on the bus in Zorianka.",
            "There were soldiers in the town of Zorianka all week.",
            None,
        ),
    ],
)
def test_disputes_read_in_the_words_reports_use(a: str, b: str, kind: str | None) -> None:
    assert dispute_kind(a, b) == kind


def test_a_dateline_is_no_place_of_its_sentence_but_tells_the_story_s_main_place() -> None:
    text = (
        "ZARICHNE, Ukraine, Nov 21 (Reuters) - Drones struck the Ostra river port of Zarichne overnight.\n\n"
        "Two people were killed, the governor said.\n\nBarges on the Ostra were hit too."
    )
    words = PlaceWords(["Zarichne", "Ostra"])
    claims = document_claims("d", text, published=None, statements=[], place_words=words)
    assert [c.places for c in claims if c.reading.numbers] == [("Zarichne",)]


def test_the_liberated_territories_are_no_claim_that_a_place_was_taken() -> None:
    assert (
        dispute_kind(
            "Those who ask to leave for the liberated territories near Zoryansk are branded traitors.",
            "The garrison in Zoryansk denied losing the village.",
        )
        is None
    )


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        # the nearest words say what a number counts: six dead, 31 wounded
        (
            "A missile hit a block of flats in Zorianka, killing six people and wounding 31.",
            "Eleven people were killed in Zorianka, the mayor said.",
            "numeric",
        ),
        (
            "A missile hit a block of flats in Zorianka, killing six people and wounding 31.",
            "Thirty people were injured in Zorianka, medics said.",
            None,
        ),
        # a toll given "at least" so many is a count, not a bound
        (
            "Gunmen killed at least 12 villagers in Zorianka on Friday.",
            "At least 40 people were killed in Zorianka on Friday, a rights group said.",
            "numeric",
        ),
        (
            "Gunmen killed at least 12 villagers in Zorianka on Friday.",
            "Thirteen people died in Zorianka on Friday.",
            None,
        ),
        # nobody killed is a toll of zero
        (
            'The army insisted that "not a single civilian was killed" in Zorianka.',
            "Seven of our fishermen lost their lives in Zorianka, the union said.",
            "numeric",
        ),
        ("There were no casualties in Zorianka, the governor said.", "Four died in Zorianka.", None),
        (
            "Nobody was hurt when the drone fell in Zorianka.",
            "Three people were wounded in Zorianka by the drone.",
            "numeric",
        ),
    ],
)
def test_tolls_read_as_reports_give_them(a: str, b: str, kind: str | None) -> None:
    assert dispute_kind(a, b) == kind


def test_a_frame_of_the_whole_sentence_dates_a_far_number_before_the_war() -> None:
    reading = read_claim(
        "The town, where before the start of the special military operation more than 15 thousand people"
        " lived, was a rail hub.",
        places=[],
    )
    assert [slot for slot, _ in reading.numbers] == ["population before the war"]
    later = read_claim(
        "Before the war the town had 15,000 residents; now about 900 people remain there.", places=[]
    )
    assert [slot for slot, _ in later.numbers] == ["population before the war", "civilians remaining"]


@pytest.mark.parametrize(
    ("a", "b", "explained"),
    [
        (
            "Officials said a rocket of the Ukrainian air defence hit the school in Zorianka.",
            "A Russian glide bomb struck the school in Zorianka.",
            "who attacked Zorianka: one names Ukraine, the other Russia",
        ),
        (
            "Witnesses say it was a Russian air-defence missile that fell on the school in Zorianka.",
            "Ukrainian drones hit the school in Zorianka.",
            "who attacked Zorianka: one names Russia, the other Ukraine",
        ),
        (
            "Five were hurt in the shelling of the Ukrainian formations on the school in Zorianka.",
            "The school in Zorianka was hit by a Russian drone.",
            "who attacked Zorianka: one names Ukraine, the other Russia",
        ),
    ],
)
def test_a_defenders_own_missile_and_an_attack_of_a_side_name_who_attacked(
    a: str, b: str, explained: str
) -> None:
    when = dt.date(2026, 11, 2)
    found = compare(
        read_claim(a, places=["Zorianka"], when=when), read_claim(b, places=["Zorianka"], when=when)
    )
    assert found == ("status", explained)


def test_air_defence_missiles_that_shoot_down_drones_attack_nobody() -> None:
    assert read_claim("Ukrainian air defence missiles shot down 20 drones over Zorianka.").attacker is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            'The army said its jets struck "a training camp of the rebels" near Zorianka.',
            "A teacher said there had been no fighters in Zorianka at all.",
        ),
        ("Police said they had regained control of Zorianka by noon.", '"Zorianka is ours now," he said.'),
    ],
)
def test_training_camps_and_regained_control(a: str, b: str) -> None:
    found = compare(read_claim(a, places=["Zorianka"]), read_claim(b, places=["Zorianka"]))
    assert found is not None and found[0] == "status"


def test_a_place_in_its_other_form_is_found_under_its_present_name() -> None:
    words = PlaceWords(["Dobropolye", "Dobropillia"], present={"Dobropolye": "Dobropillia"})
    assert words.findall("Units liberated Dobropolye.") == ["Dobropillia"]
    taken = read_claim("Units liberated Dobropolye.", places=words.findall("Units liberated Dobropolye."))
    held = read_claim("Dobropillia is not captured.", places=["Dobropillia"])
    assert compare(taken, held) is not None


def test_a_digest_item_filed_from_the_capital_is_about_the_town_it_names() -> None:
    text = (
        "MOSCOW, 19 November. /TASS/. Units liberated the city of Zorianka.\n\n"
        "The city, in which before the war lived more than 32 thousand people, was a logistics node.\n\n"
        "MOSCOW, 20 November. /TASS/. The talks in Moscow are not planned, Moscow said."
    )
    words = PlaceWords(["Moscow", "Zorianka"])
    claims = document_claims("d", text, published=None, statements=[], place_words=words)
    assert [c.places for c in claims if c.reading.numbers] == [("Zorianka",)]


def test_a_district_is_part_of_the_town_its_story_is_about() -> None:
    text = (
        "Night attack on Zorianka\n\nA missile hit a house in Zorianka overnight.\n\n"
        "A Russian missile hit a residential building in the Pivnichnyi district."
    )
    words = PlaceWords(["Zorianka", "Pivnichnyi"])
    claims = document_claims("d", text, published=None, statements=[], place_words=words)
    assert claims[-1].places == ("Pivnichnyi", "Zorianka")
    other = read_claim(
        "The house in Zorianka was hit by a rocket of the Ukrainian air defence.", places=["Zorianka"]
    )
    assert compare(claims[-1].reading, other) == (
        "status",
        "who attacked Zorianka: one names Russia, the other Ukraine",
    )


def test_people_leaving_a_district_named_after_its_town_take_nothing() -> None:
    text = (
        "Kupiansk under fire\n\nAbout 900 people remain in Kupiansk.\n\n"
        "Since August more than 3,100 people had left the Kupiansk district, the governor said."
    )
    words = PlaceWords(["Kupiansk", "Kupiansk district"])
    last = document_claims("d", text, published=None, statements=[], place_words=words)[-1]
    assert last.places == ("Kupiansk district",)
    assert last.reading.status is None


def test_a_count_over_years_is_no_toll_of_one_attack() -> None:
    assert (
        dispute_kind(
            "Rebels killed at least 31 civilians in an attack on Zorianka overnight.",
            "The rebels have killed thousands of civilians around Zorianka over the past decade.",
        )
        is None
    )


def test_two_accounts_of_an_attack_on_one_thing_in_one_story_dispute_wherever_each_places_it() -> None:
    from claimgraph.claims import Side, disputes_in_blocks

    rebels = "The RSF said a Sudanese army drone had struck the convoy near Tawila, killing seven."
    army = "The army accused RSF fighters of shelling the convoy in North Darfur."
    elsewhere = "In another town, a Sudanese army drone struck a convoy in North Darfur."
    when = dt.date(2026, 11, 2)
    claims = [
        (Side("d1", 0, 10, rebels, "s1"), read_claim(rebels, places=["Tawila"], when=when)),
        (Side("d1", 20, 30, army, "s2"), read_claim(army, places=["North Darfur"], when=when)),
        (Side("d2", 0, 10, elsewhere, "s3"), read_claim(elsewhere, places=["North Darfur"], when=when)),
    ]
    assert claims[0][1].attacker != claims[1][1].attacker
    found = list(disputes_in_blocks(claims, voices={"s1": "the rebels", "s2": "the army", "s3": "x"}))
    pairs = {(d.a.doc, d.a.start, d.b.doc, d.b.start) for d in found}
    assert ("d1", 0, "d1", 20) in pairs or ("d1", 20, "d1", 0) in pairs
    assert not any(d.a.doc != d.b.doc and {d.a.start, d.b.start} == {0} for d in found)
    assert all("convoy" in d.explanation or "North Darfur" in d.explanation for d in found)


def test_a_count_with_no_place_of_its_own_is_of_its_storys_event() -> None:
    from claimgraph.claims import disputes_in_blocks

    text = (
        "Zorianka (AFP) - Rebels killed at least 31 civilians in a village of the Ostra province, a"
        " local leader told AFP.\n\nThe army gave a lower toll: soldiers had recovered 18 bodies, its"
        " spokesman said."
    )
    words = PlaceWords(["Zorianka", "Ostra"])
    second = text.index("The army")
    statements = [("s1", 0, second - 2), ("s2", second, len(text))]
    claims = document_claims("d", text, published=None, statements=statements, place_words=words)
    assert [c.reading.placeless for c in claims] == [False, True]
    pairs = [(c.side, c.reading) for c in claims]
    found = list(disputes_in_blocks(pairs, voices={"s1": "a local leader", "s2": "the army"}))
    assert [d.kind for d in found] == ["numeric"]
    # the same two counts told by one voice are no dispute
    assert list(disputes_in_blocks(pairs, voices={"s1": "the army", "s2": "the army"})) == []


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        # prisoners: a count captured against none
        (
            "The rebels said they had captured more than 300 soldiers at Zorianka.",
            '"Not a single soldier of the brigade was captured at Zorianka," he said.',
            "numeric",
        ),
        # the dead by other words
        (
            "The militants said more than 60 soldiers were killed at Zorianka.",
            'The army said "seven soldiers fell with arms in hand" at Zorianka.',
            "numeric",
        ),
        # displaced and fled count one thing
        (
            "About 6,400 people had fled Zorianka, the agency said.",
            "More than 18,000 citizens had been displaced from Zorianka, the governor said.",
            "numeric",
        ),
        # what a strike hit, in more words
        (
            'Channels claim that a "tank repair base" was hit in Zorianka.',
            "There are no military objects in this area of Zorianka and there never were.",
            "status",
        ),
        (
            'The army said it struck "a weapons storage facility" in a building in Zorianka.',
            'The mayor said the building in Zorianka held "eight apartments, a pharmacy and nothing else".',
            "status",
        ),
        # "Nobody has taken anything" holds the town
        (
            "The ministry said its troops had liberated Zorianka.",
            '"Nobody has taken anything in Zorianka," the commander said.',
            "status",
        ),
    ],
)
def test_prisoners_the_fallen_the_displaced_and_targets_in_more_words(a: str, b: str, kind: str) -> None:
    found = compare(read_claim(a, places=["Zorianka"]), read_claim(b, places=["Zorianka"]))
    assert found is not None and found[0] == kind


def test_captured_people_are_no_place_taken_and_a_holder_no_attacker() -> None:
    assert read_claim("His men captured more than 300 soldiers.", places=[]).status is None
    reading = read_claim(
        'She wrote that a Ukrainian drone attack had damaged the line "on territory controlled by Russia".',
        places=[],
    )
    assert reading.attacker == "Ukraine"


def test_a_capital_that_speaks_is_no_topic_of_its_claim() -> None:
    text = (
        "Siversk under fire\n\nMoscow says the town has been completely liberated.\n\n"
        "Siversk is not captured."
    )
    words = PlaceWords(["Moscow", "Siversk"])
    claims = document_claims("d", text, published=None, statements=[], place_words=words)
    assert [c.places for c in claims] == [("Siversk",), ("Siversk",)]


@pytest.mark.parametrize(
    ("a", "b", "places_a", "places_b"),
    [
        (
            "The drone attack on Orsk was repelled and industrial enterprises were not damaged.",
            "Ukrainian drones hit the Orsk oil refinery overnight, the General Staff said.",
            ["Orsk"],
            ["Orsk"],
        ),
        (
            "No damage to the port infrastructure was recorded in Tuapse, the operational headquarters said.",
            "The strike caused a large fire at the Tuapse terminal, the navy said.",
            ["Tuapse"],
            ["Tuapse"],
        ),
        (
            "The governor said the plant in the Syzran district was not damaged.",
            "A processing unit at the Syzran plant had been hit, a source said.",
            ["Syzran district"],
            ["Syzran"],
        ),
        (
            "The work of the enterprise in Orsk is not disrupted, the governor said.",
            "The processing unit of the Orsk refinery remains out of work, the General Staff said.",
            ["Orsk"],
            ["Orsk"],
        ),
        (
            "The Orsk plant is working normally and did not stop even for a day, he said.",
            "A fire broke out at the Orsk plant after the strike.",
            ["Orsk"],
            ["Orsk"],
        ),
    ],
)
def test_a_facility_hit_against_one_not_damaged_is_disputed(
    a: str, b: str, places_a: list[str], places_b: list[str]
) -> None:
    found = compare(read_claim(a, places=places_a), read_claim(b, places=places_b))
    assert found is not None and found[0] == "status" and "not damaged" in found[1]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # another facility: a depot hit and a substation spared are no contradiction
        ("A fuel depot in Orsk was hit overnight.", "The substation in Orsk was not damaged."),
        # another town
        ("The refinery in Orsk was hit overnight.", "The refinery in Samara was not damaged."),
        # both say it was hit
        ("The refinery in Orsk was hit overnight.", "A fire broke out at the Orsk refinery."),
        # houses, no facility
        ("Houses in Orsk were hit overnight.", "Nothing in Orsk was damaged."),
        # both say it was spared
        ("Debris fell on the Orsk terminal without damaging it.", "The Orsk terminal was not damaged."),
        # a supposition is no report of a hit
        ("If the unit at the Orsk plant had been hit, output would fall.", "The Orsk plant was not damaged."),
    ],
)
def test_damage_to_other_things_or_places_is_no_dispute(a: str, b: str) -> None:
    def places(text: str) -> list[str]:
        return [p for p in ("Orsk", "Samara") if p in text]

    found = compare(read_claim(a, places=places(a)), read_claim(b, places=places(b)))
    assert found is None or "damaged" not in found[1]


def test_a_facility_s_damage_survives_the_store() -> None:
    from claimgraph.claims import reading_from_json, reading_to_json

    reading = read_claim("Industrial enterprises in Orsk were not damaged.", places=["Orsk"])
    assert reading.damaged is False and reading.facilities == {"enterprise"}
    assert reading_from_json(reading_to_json(reading)) == reading


@pytest.mark.parametrize(
    "text",
    [
        "Our soldiers hold the northern and eastern parts of the town.",
        "Ukrainian forces control the southern outskirts of Zorianka.",
        "Kyiv says its troops are still in the city.",
    ],
)
def test_defenders_holding_part_of_a_town_hold_it(text: str) -> None:
    assert read_claim(text, places=["Zorianka"]).status == "held"


@pytest.mark.parametrize(
    "text",
    [
        "Residents hold parts of their savings in dollars.",
        "The company controls parts of the market.",
        "Fighting continues in Zorianka.",
    ],
)
def test_parts_of_other_things_and_fighting_hold_no_town(text: str) -> None:
    assert read_claim(text, places=["Zorianka"]).status is None


def test_a_town_taken_against_defenders_holding_part_of_it_is_a_dispute() -> None:
    assert (
        dispute_kind(
            "The ministry said its units captured Zorianka.",
            "Our soldiers hold the northern and eastern parts of Zorianka, the brigade said.",
        )
        == "status"
    )


def test_civilians_who_still_live_in_a_town_remain_in_it() -> None:
    assert (
        dispute_kind(
            "About 140 civilians still live in Zorianka, the occupation head said.",
            "Only three civilians remain in Zorianka, the regional governor said.",
        )
        == "numeric"
    )


def test_a_place_in_a_units_name_is_not_what_its_claim_is_about() -> None:
    text = (
        "Russia said its troops had seized Zorianka.\n\n"
        "The spokesman of the Lutsk operational-tactical group said Ukrainian forces control the "
        "southern parts of the town."
    )
    claims = document_claims(
        "d", text, published=None, statements=[], place_words=PlaceWords(["Zorianka", "Lutsk"])
    )
    held = next(c for c in claims if c.reading.status == "held")
    assert held.places == ("Zorianka",)


def test_taken_with_an_adverb_and_took_place() -> None:
    assert read_claim("Moscow insists that Zorianka has been completely taken.").status == "taken"
    assert read_claim("The talks took place in Zorianka on Monday.").status is None


def test_a_unit_struck_at_a_place_is_there() -> None:
    text = (
        "The ministry said it struck the command post of the Lutsk operational-tactical grouping, killing "
        "60 soldiers."
    )
    (claim,) = document_claims("d", text, published=None, statements=[], place_words=PlaceWords(["Lutsk"]))
    assert claim.places == ("Lutsk",)
