from __future__ import annotations

from collections.abc import Iterable

from claimgraph.models import Entity, EntityMention, Span
from claimgraph.resolve import resolve
from claimgraph.resolve.entities import GroupId, home_countries, name_groups, resolve_groups
from claimgraph.resolve.kb import KbEntry, KnowledgeBase

NO_KB = KnowledgeBase.empty()


def mentions(*docs: list[tuple[str, str]]) -> tuple[list[EntityMention], dict[str, str]]:
    """Documents d0, d1, ... each made of "name." sentences; one mention per name, with its label."""
    out: list[EntityMention] = []
    texts: dict[str, str] = {}
    for n, names in enumerate(docs):
        doc, text = f"d{n}", ""
        for name, label in names:
            text += "Reports named "
            out.append(EntityMention(Span(doc, len(text), len(text) + len(name)), name, label, "test"))
            text += name + ". "
        texts[doc] = text
    return out, texts


def together(entities: list[Entity], *names: str) -> bool:
    return any({n for n in names} <= set(e.aliases) for e in entities)


def run(*docs: list[tuple[str, str]], kb: KnowledgeBase = NO_KB) -> list[Entity]:
    found, texts = mentions(*docs)
    return resolve(found, texts=texts, kb=kb).entities


def test_transliterations_and_one_letter_damage_merge_across_documents() -> None:
    entities = run(
        [("Mykhaylo Podolyak", "PERSON")],
        [("Mykhailo Podolyak", "PERSON")],
        [("Mykhailo Podoljak", "PERSON")],
        [("Михайло Подоляк", "PERSON")],
    )
    assert together(
        entities, "Mykhaylo Podolyak", "Mykhailo Podolyak", "Mykhailo Podoljak", "Михайло Подоляк"
    )


def test_a_surname_joins_the_full_name_and_shared_names_stay_apart() -> None:
    entities = run(
        [("Sergei Shoigu", "PERSON"), ("Sergei Lavrov", "PERSON")],
        [("Shoigu", "PERSON")],
        [("Dmitry Medvedev", "PERSON"), ("Sergei Medvedev", "PERSON")],
        [("Medvedev", "PERSON")],
    )
    assert together(entities, "Sergei Shoigu", "Shoigu")
    assert not together(entities, "Sergei Shoigu", "Sergei Lavrov")
    assert not together(entities, "Dmitry Medvedev", "Sergei Medvedev")
    # Two Medvedevs and nothing else in common: the surname alone is left alone.
    assert not any("Medvedev" in e.aliases and len(e.aliases) > 1 for e in entities)


def test_co_occurring_entities_pick_which_of_two_people_a_surname_means() -> None:
    entities = run(
        [("Dmitry Medvedev", "PERSON"), ("Security Council", "ORG")],
        [("Sergei Medvedev", "PERSON"), ("Free University", "ORG")],
        [("Medvedev", "PERSON"), ("Security Council", "ORG")],
    )
    assert together(entities, "Dmitry Medvedev", "Medvedev")


def test_groups_ministries_acronyms_and_members() -> None:
    entities = run(
        [("Wagner Group", "ORG"), ("Institute for the Study of War", "ORG")],
        [('PMK "Wagner"', "ORG"), ("Wagnerians", "NORP"), ("ISW", "ORG")],
        [("Russia’s Ministry of Defense", "ORG"), ("Russian Defence Ministry", "ORG")],
        [("Ukrainian Ministry of Defence", "ORG"), ("Russian Foreign Ministry", "ORG")],
    )
    assert together(entities, "Wagner Group", 'PMK "Wagner"', "Wagnerians")
    assert together(entities, "ISW", "Institute for the Study of War")
    assert together(entities, "Russia’s Ministry of Defense", "Russian Defence Ministry")
    assert not together(entities, "Russian Defence Ministry", "Ukrainian Ministry of Defence")
    assert not together(entities, "Russian Defence Ministry", "Russian Foreign Ministry")
    wagner = next(e for e in entities if "Wagnerians" in e.aliases)
    assert wagner.type == "ORG"


def test_a_ministry_of_the_rf_is_russia_s_and_a_body_of_an_owner_s_short_name_is_known() -> None:
    entities = run(
        [("Ministry of Defense of the RF", "ORG"), ("Ukrainian Ministry of Defence", "ORG")],
        [("Russian Ministry of Defence", "ORG")],
        [("General Staff of the ZSU", "ORG")],
        [("Ukrainian General Staff", "ORG")],
        kb=KnowledgeBase.bundled(),
    )
    assert together(entities, "Ministry of Defense of the RF", "Russian Ministry of Defence")
    assert not together(entities, "Ministry of Defense of the RF", "Ukrainian Ministry of Defence")
    assert together(entities, "General Staff of the ZSU", "Ukrainian General Staff")


def test_types_keep_apart_what_shares_a_name() -> None:
    entities = run([("Washington", "PERSON")], [("Washington", "GPE")])
    assert len([e for e in entities if "Washington" in e.aliases]) == 2


def test_places_get_coordinates_and_former_names_merge() -> None:
    entities = run(
        [("Ukraine", "GPE"), ("Bakhmut", "GPE"), ("Kyiv", "GPE")],
        [("Artemivsk", "GPE"), ("Ukraine", "GPE")],
    )
    bakhmut = next(e for e in entities if "Bakhmut" in e.aliases)
    assert "Artemivsk" in bakhmut.aliases
    assert bakhmut.lat is not None and abs(bakhmut.lat - 48.595) < 0.05
    assert bakhmut.lon is not None and abs(bakhmut.lon - 38.0) < 0.05
    ukraine = next(e for e in entities if e.name == "Ukraine")
    assert ukraine.lat is None  # a country is not a point


def test_the_knowledge_base_names_links_and_describes() -> None:
    kb = KnowledgeBase(
        [KbEntry("isw", "Institute for the Study of War", "ORG", ("ISW",), "US think tank", "Q123")]
    )
    entities = run([("ISW", "ORG")], kb=kb)
    (isw,) = entities
    assert isw.name == "Institute for the Study of War"
    assert isw.kb_id == "Q123" and isw.description == "US think tank"


def test_merges_say_why() -> None:
    found, texts = mentions([("Yevgeny Prigozhin", "PERSON")], [("Prigozhin", "PERSON")])
    resolution = resolve(found, texts=texts, kb=NO_KB)
    (entity,) = resolution.entities
    assert [r.rule for r in resolution.reasons[entity.id]] == [
        "surname of Yevgeny Prigozhin, the only one in the corpus"
    ]


def test_a_title_in_front_of_a_name_describes_the_person() -> None:
    text = "Russian Defense Minister Sergei Shoigu arrived."
    start = text.index("Sergei")
    mention = EntityMention(Span("d0", start, start + len("Sergei Shoigu")), "Sergei Shoigu", "PERSON", "t")
    (entity,) = resolve([mention], texts={"d0": text}, kb=NO_KB).entities
    assert entity.description == "Russian Defense Minister"


def test_a_namesake_in_a_country_the_documents_name_wins_over_one_at_home() -> None:
    # A corpus mostly about the United States: its towns of 500 people are candidates, Belfast, Maine
    # among them; a story that names the United Kingdom and never the United States means Belfast, UK.
    us_story = [("United States", "GPE"), ("Portland", "GPE"), ("Augusta", "GPE"), ("Bangor", "GPE")]
    entities = run(*[us_story] * 12, [("United Kingdom", "GPE"), ("Belfast", "GPE")])
    belfast = next(e for e in entities if e.name == "Belfast")
    assert belfast.lat is not None and belfast.lon is not None
    assert abs(belfast.lat - 54.6) < 0.2 and abs(belfast.lon + 5.93) < 0.2


def test_a_story_naming_the_home_country_keeps_the_town_at_home() -> None:
    us_story = [("United States", "GPE"), ("Portland", "GPE"), ("Augusta", "GPE"), ("Bangor", "GPE")]
    entities = run(
        *[us_story] * 12, [("United States", "GPE"), ("United Kingdom", "GPE"), ("Belfast", "GPE")]
    )
    belfast = next(e for e in entities if e.name == "Belfast")
    assert belfast.lon is not None and belfast.lon < -60  # in Maine


def test_a_name_a_letter_apart_joins_only_where_the_documents_agree() -> None:
    kyiv = [("Office of the President", "ORG"), ("Kyiv", "GPE"), ("Andriy Yermak", "PERSON")]
    entities = run(
        [("Mykhailo Podolyak", "PERSON"), *kyiv],
        [("Mykhailo Podloyak", "PERSON"), *kyiv],  # a translation swapped two letters
        [("Mykhailo Podolyek", "PERSON"), ("Lviv Polytechnic", "ORG"), ("Chess Olympiad", "EVENT")],
    )
    assert together(entities, "Mykhailo Podolyak", "Mykhailo Podloyak")
    assert not together(entities, "Mykhailo Podolyak", "Mykhailo Podolyek")


def test_a_near_spelling_in_another_story_is_another_thing() -> None:
    entities = run(
        [("Europe", "LOC"), ("Brussels", "GPE"), ("European Commission", "ORG"), ("Earth", "LOC")],
        [("Europa", "LOC"), ("Jupiter", "LOC"), ("Hubble", "ORG"), ("Earth", "LOC")],
        [("Johnson", "PERSON"), ("Boris Johnson", "PERSON"), ("Downing Street", "FAC"), ("Labour", "ORG")],
        [("Johnston", "PERSON"), ("Tom Johnston", "PERSON"), ("Doobie Brothers", "ORG"), ("Denver", "GPE")],
    )
    assert not together(entities, "Europe", "Europa")
    assert not together(entities, "Johnson", "Johnston")
    assert together(entities, "Johnston", "Tom Johnston")


def test_a_surname_in_other_company_is_not_the_only_full_name_of_the_corpus() -> None:
    entities = run(
        [("Brian Williams", "PERSON"), ("MSNBC", "ORG"), ("White House", "ORG")],
        [("Williams", "PERSON"), ("Titusville", "GPE"), ("Heritage High", "ORG")],
        [("Dmitry Kozak", "PERSON"), ("Kremlin", "ORG"), ("Minsk", "GPE")],
        [("Kozak", "PERSON"), ("Kremlin", "ORG"), ("Minsk", "GPE")],
    )
    assert not together(entities, "Brian Williams", "Williams")
    assert together(entities, "Dmitry Kozak", "Kozak")


def test_an_acronym_needs_its_expansion_nearby_or_the_same_company() -> None:
    entities = run(
        [("CIS", "ORG"), ("CSTO", "ORG"), ("Tajikistan", "GPE")],
        [("Citizenship and Immigration Services", "ORG"), ("Homeland Security", "ORG"), ("CDC", "ORG")],
        [("B.S.", "GPE"), ("Berkeley", "GPE")],
        [("Black Sea", "LOC"), ("Odesa", "GPE")],
        [("Veterans Affairs", "ORG"), ("VA", "ORG")],
    )
    assert not together(entities, "CIS", "Citizenship and Immigration Services")
    assert not together(entities, "B.S.", "Black Sea")
    assert together(entities, "VA", "Veterans Affairs")


def test_rows_of_a_results_table_are_no_people_to_merge() -> None:
    entities = run(
        [("Tomas Herrera 2", "PERSON"), ("T. Vance 2", "PERSON"), ("Glenwood Arena", "PERSON")],
        [("NY @ Glenwood Arena", "PERSON"), ("Arena", "PERSON")],
    )
    assert not together(entities, "Tomas Herrera 2", "T. Vance 2")
    assert not together(entities, "NY @ Glenwood Arena", "Arena")


def test_a_country_and_its_long_form_are_one() -> None:
    entities = run(
        [("Kazakhstan", "GPE"), ("France", "GPE")],
        [("the Republic of Kazakhstan", "GPE"), ("the French Republic", "GPE"), ("Czech Republic", "GPE")],
    )
    assert together(entities, "Kazakhstan", "the Republic of Kazakhstan")
    assert together(entities, "France", "the French Republic")
    assert not any("Czech Republic" in e.aliases and len(e.aliases) > 1 for e in entities)


def test_a_wife_a_first_name_and_a_patronymic_are_not_the_surname() -> None:
    kyiv = [("Kyiv", "GPE"), ("Verkhovna Rada", "ORG")]
    entities = run(
        [("Petro Kovalskyi", "PERSON"), ("Kovalskyi", "PERSON"), *kyiv],
        [("Kovalska", "PERSON"), *kyiv],  # his wife, in a story of the same city
        [("Charles Michel", "PERSON"), *kyiv],
        [("Michael", "PERSON"), *kyiv],  # someone's first name, not a misspelt Michel
        [("Ivan Stepanovych", "PERSON"), ("Stepanovych", "PERSON"), *kyiv],  # an award list, cut
    )
    assert not together(entities, "Kovalskyi", "Kovalska")
    assert not together(entities, "Charles Michel", "Michael")
    assert not together(entities, "Ivan Stepanovych", "Stepanovych")


def test_a_pronoun_is_no_surname() -> None:
    entities = run([("Liu Yang", "PERSON"), ("Yang", "PERSON"), ("He", "PERSON"), ("Jia He", "PERSON")])
    assert together(entities, "Liu Yang", "Yang")
    assert not together(entities, "He", "Jia He")


def test_world_war_one_and_two_are_two_wars() -> None:
    entities = run([("World War I", "EVENT")], [("World War II", "EVENT")])
    assert not together(entities, "World War I", "World War II")


def test_an_acronym_in_a_name_counts_whole() -> None:
    news = [("Kyiv", "GPE"), ("Verkhovna Rada", "ORG"), ("Cabinet of Ministers", "ORG")]
    entities = run([("the UN Security Council", "ORG"), *news], [("USC", "ORG"), *news])
    assert not together(entities, "the UN Security Council", "USC")


def test_a_shared_country_is_no_shared_company() -> None:
    setting = [("Russia", "GPE"), ("Russian", "NORP")]
    entities = run(
        [("RSA", "ORG"), ("Rospotrebnadzor", "ORG"), ("Anna Popova", "PERSON"), *setting],
        [("Regional State Administration", "ORG"), ("Oleh Syniehubov", "PERSON"), *setting],
    )
    assert not together(entities, "RSA", "Regional State Administration")


def test_a_long_name_spelt_two_ways_is_one_in_any_company() -> None:
    entities = run(
        [("World Health Organisation", "ORG"), ("G20", "ORG"), ("Mario Draghi", "PERSON")],
        [("World Health Organization", "ORG"), ("Associated Press", "ORG"), ("Gaza", "GPE")],
    )
    assert together(entities, "World Health Organisation", "World Health Organization")


# -- places in context (issue 21, class 8) ---------------------------------------------------------------

US_STORY = [("United States", "GPE"), ("Portland", "GPE"), ("Augusta", "GPE"), ("Bangor", "GPE")]
UA_STORY = [("Ukraine", "GPE"), ("Russia", "GPE"), ("Kharkiv", "GPE"), ("Sumy", "GPE")]


def located(entities: list[Entity], name: str) -> tuple[float, float] | None:
    entity = next(e for e in entities if name in e.aliases and e.type in ("GPE", "LOC", "FAC"))
    return None if entity.lat is None or entity.lon is None else (entity.lat, entity.lon)


def near_point(found: tuple[float, float] | None, lat: float, lon: float) -> bool:
    return found is not None and abs(found[0] - lat) < 0.3 and abs(found[1] - lon) < 0.3


def test_the_countries_a_story_names_choose_among_namesakes() -> None:
    # A corpus about the United States; a report naming Russia and Moscow means Russia's second city.
    entities = run(*[US_STORY] * 12, [("Russia", "GPE"), ("Moscow", "GPE"), ("St Petersburg", "GPE")])
    assert near_point(located(entities, "St Petersburg"), 59.94, 30.31)
    # A corpus about Ukraine; beside Bulgaria and the port of Chornomorsk, "Varna" is the Bulgarian
    # port, not the village of that name in the Urals.
    entities = run(
        *[UA_STORY] * 6,
        [
            ("Ukraine", "GPE"),
            ("Russia", "GPE"),
            ("Bulgaria", "GPE"),
            ("Chornomorsk", "GPE"),
            ("Varna", "GPE"),
        ],
    )
    assert near_point(located(entities, "Varna"), 43.22, 27.91)


def test_a_capital_is_no_small_namesake_far_from_the_story() -> None:
    # A corpus about the United States; a festival report naming France and Israel: the Dutch capital.
    entities = run(*[US_STORY] * 12, [("France", "GPE"), ("Israel", "GPE"), ("Amsterdam", "GPE")])
    assert near_point(located(entities, "Amsterdam"), 52.37, 4.89)
    # A corpus about Australia: "Kiev" is Kyiv, never the Melbourne suburb of Kew.
    australia = [("Australia", "GPE"), ("Sydney", "GPE"), ("Melbourne", "GPE")]
    entities = run(*[australia] * 8, [("Australia", "GPE"), ("Melbourne", "GPE"), ("Kiev", "GPE")])
    assert near_point(located(entities, "Kiev"), 50.45, 30.52)


def test_the_other_places_of_a_story_choose_the_namesake_near_them() -> None:
    # Melbourne beside Palm Bay is the Florida town, though the corpus is about Ukraine.
    entities = run(*[UA_STORY] * 6, [("Palm Bay", "GPE"), ("Melbourne", "GPE")])
    assert near_point(located(entities, "Melbourne"), 28.08, -80.61)
    # Frankfurt beside Berlin and Paris is not far from them on the Main: it stays there, not on the
    # Oder beside Berlin.
    entities = run(*[UA_STORY] * 6, [("Berlin", "GPE"), ("Paris", "GPE"), ("Frankfurt", "GPE")])
    assert near_point(located(entities, "Frankfurt"), 50.12, 8.68)


def test_names_that_are_no_town_get_no_coordinates() -> None:
    entities = run(
        *[US_STORY] * 6,
        [("Ukraine", "GPE"), ("West", "LOC"), ("Earth", "LOC"), ("Africa", "LOC"), ("Jupiter", "LOC")],
        [("VA", "GPE"), ("La.", "GPE"), ("Delaware", "GPE"), ("Palestine", "GPE"), ("New Jersey", "GPE")],
        [("United States", "GPE"), ("New York", "GPE")],
    )
    for name in ("West", "Earth", "Africa", "Jupiter", "VA", "La.", "Delaware", "Palestine", "New Jersey"):
        assert located(entities, name) is None, name
    assert near_point(located(entities, "New York"), 40.71, -74.01)  # the state's city, not a namesake


def test_a_name_the_story_gives_a_person_or_an_event_is_no_place() -> None:
    entities = run(
        *[US_STORY] * 6,
        [("United States", "GPE"), ("Rachel Calhoun", "PERSON"), ("Calhoun", "GPE")],
        [
            ("China", "GPE"),
            ("Beijing", "GPE"),
            ("Olympic", "EVENT"),
            ("Olympic", "FAC"),
            ("Olympic", "EVENT"),
        ],
        [("Belarus", "GPE"), ("Minsk", "ORG"), ("Minsk", "GPE")],
        [("Russia", "GPE"), ("Vladimir Putin", "PERSON"), ("Vladimir", "GPE")],
        [("United Kingdom", "GPE"), ("Glasgow", "GPE"), ("Glasgow", "PERSON")],
    )
    assert located(entities, "Calhoun") is None  # Rachel Calhoun's surname
    assert located(entities, "Olympic") is None
    assert located(entities, "Vladimir") is None  # Vladimir Putin's given name, not the city
    assert near_point(located(entities, "Minsk"), 53.9, 27.57)  # a capital is its government too
    # A city of 600,000 once mistaken for a person's name is still the city.
    assert near_point(located(entities, "Glasgow"), 55.87, -4.26)


def test_a_town_the_model_once_tags_otherwise_is_still_the_town() -> None:
    # "the Djibo army base" tagged an organisation once, the town a place as often: the town.
    entities = run(
        *[UA_STORY] * 6,
        [("Burkina Faso", "GPE"), ("Ouagadougou", "GPE"), ("Djibo", "ORG"), ("Djibo", "GPE")],
    )
    assert near_point(located(entities, "Djibo"), 14.1, -1.63)
    # Written as an organisation more often than as a place, the name is no town here.
    entities = run(
        *[UA_STORY] * 6,
        [("Burkina Faso", "GPE"), ("Djibo", "ORG"), ("Djibo", "ORG"), ("Djibo", "GPE")],
    )
    assert located(entities, "Djibo") is None


def test_a_village_needs_its_region_or_a_neighbour() -> None:
    # A village of a thousand people, in a report naming its region; and in one naming only France.
    entities = run(*[UA_STORY] * 6, [("Ukraine", "GPE"), ("Luhansk region", "GPE"), ("Bilohorivka", "GPE")])
    assert near_point(located(entities, "Bilohorivka"), 48.93, 38.25)
    entities = run(*[UA_STORY] * 6, [("France", "GPE"), ("Bilohorivka", "GPE")])
    assert located(entities, "Bilohorivka") is None


def test_names_resolved_again_read_their_documents_as_resolving_all_does() -> None:
    # claimgraph.update resolves the names of new documents again with what the rest of the corpus
    # says, given as the name groups each document mentions: the places must come out the same.
    docs = [
        *[UA_STORY] * 4,
        [("Ukraine", "GPE"), ("Kramatorsk", "GPE"), ("Sloviansk", "GPE"), ("Lyman", "GPE")],
        [("Palm Bay", "GPE"), ("Melbourne", "GPE")],
    ]
    found, texts = mentions(*docs)
    groups = name_groups(found, texts=texts)
    whole = resolve_groups(groups, kb=NO_KB)
    by_doc: dict[str, set[GroupId]] = {}
    for group in groups:
        for doc in group.docs:
            by_doc.setdefault(doc, set()).add(group.id)

    def cooccurring(docs: Iterable[str]) -> set[GroupId]:
        return set().union(*(by_doc[d] for d in docs))

    home = home_countries([(g.display, g.size) for g in groups if g.family == "place"], 500)
    part = [g for g in groups if g.display in ("Lyman", "Melbourne")]
    again = resolve_groups(part, kb=NO_KB, home=home, cooccurring=cooccurring)
    for name in ("Lyman", "Melbourne"):
        assert located(whole.entities, name) is not None, name
        assert located(again.entities, name) == located(whole.entities, name), name


def test_a_weak_surname_match_in_another_document_needs_people_in_common() -> None:
    entities = run(
        [("Viktor Liashko", "PERSON"), ("Ukraine", "GPE"), ("Ministry of Health", "ORG")],
        [("Sashko", "PERSON"), ("Ukraine", "GPE"), ("Kherson", "GPE"), ("Dnipro", "LOC")],  # a boy
        [("Ahasyiev Kyrylo", "PERSON"), ("Ukraine", "GPE"), ("Kherson", "GPE")],  # surname first
        [("Kyrylo", "PERSON"), ("Ukraine", "GPE"), ("Kherson", "GPE")],  # someone's first name
    )
    assert not together(entities, "Viktor Liashko", "Sashko")
    assert not together(entities, "Ahasyiev Kyrylo", "Kyrylo")


def test_a_full_name_a_letter_apart_needs_only_one_entity_in_common() -> None:
    entities = run(
        [("Iryna Vereshchuk", "PERSON"), ("Ukraine", "GPE"), ("Red Cross", "ORG")],
        [("Iryna Vereschuk", "PERSON"), ("Ukraine", "GPE"), ("Mariupol", "GPE")],
    )
    assert together(entities, "Iryna Vereshchuk", "Iryna Vereschuk")


def test_a_ministry_named_without_its_country_is_the_one_its_documents_name() -> None:
    entities = run(
        [("Ukraine's Energy Ministry", "ORG"), ("Kharkiv", "GPE"), ("Ukraine", "GPE")],
        [("Energy Ministry", "ORG"), ("Kharkiv", "GPE"), ("Ukraine", "GPE")],
    )
    assert together(entities, "Ukraine's Energy Ministry", "Energy Ministry")
    entities = run(
        [("Ukrainian Defence Ministry", "ORG"), ("Russian Defence Ministry", "ORG")],
        [("Defence Ministry", "ORG")],
    )
    assert not any("Defence Ministry" in e.aliases and len(e.aliases) > 1 for e in entities)
    # With both countries' ministries in the corpus, a document naming one of them says which it means
    entities = run(
        [("Russian Defence Ministry", "ORG"), ("Defence Ministry", "ORG"), ("Moscow", "GPE")],
        [("Ukrainian Defence Ministry", "ORG"), ("Kyiv", "GPE")],
        [("Russian Defence Ministry", "ORG"), ("Ukrainian Defence Ministry", "ORG")],
    )
    assert together(entities, "Russian Defence Ministry", "Defence Ministry")
    assert not together(entities, "Ukrainian Defence Ministry", "Defence Ministry")
    entities = run(
        [("Russian Defence Ministry", "ORG"), ("Defence Ministry", "ORG")],
        [("Ukrainian Defence Ministry", "ORG"), ("Defence Ministry", "ORG")],
    )
    assert not any("Defence Ministry" in e.aliases and len(e.aliases) > 1 for e in entities)


def test_a_persons_surname_is_among_their_names_when_it_is_theirs_alone() -> None:
    entities = run(
        [("Oleksandr Honcharenko", "PERSON"), ("Dmitry Medvedev", "PERSON")], [("Daniil Medvedev", "PERSON")]
    )
    assert together(entities, "Oleksandr Honcharenko", "Honcharenko")
    assert not any("Medvedev" in e.aliases for e in entities)


def test_a_lone_initial_is_nobodys_surname() -> None:
    entities = run([("Kardaun S", "PERSON"), ("S", "PERSON"), ("Ortonne N", "PERSON")])
    assert not together(entities, "Kardaun S", "S")


def test_a_nationality_names_its_country_for_the_towns_of_a_story() -> None:
    # A corpus about Ukraine; a story naming no country but "Russian" forces puts a mid-sized Russian
    # town on the map, and still puts its Ukrainian towns at home.
    home = [("Ukraine", "GPE"), ("Kharkiv", "GPE"), ("Sumy", "GPE")]
    with_nationality = run(*[home] * 6, [("Russian", "NORP"), ("Tuapse", "GPE"), ("Kharkiv", "GPE")])
    without = run(*[home] * 6, [("Tuapse", "GPE"), ("Kharkiv", "GPE")])
    tuapse = next(e for e in with_nationality if e.name == "Tuapse")
    assert tuapse.lat is not None and abs(tuapse.lat - 44.1) < 0.2
    assert next(e for e in without if e.name == "Tuapse").lat is None
    kharkiv = next(e for e in with_nationality if e.name == "Kharkiv")
    assert kharkiv.lat is not None and abs(kharkiv.lat - 50.0) < 0.2


def test_initials_in_a_reference_list_are_nobodys_surname() -> None:
    entities = run([("Chen MH", "PERSON"), ("MH", "PERSON"), ("Kovalenko OG", "PERSON"), ("OG", "PERSON")])
    assert not together(entities, "Chen MH", "MH")
    assert not together(entities, "Kovalenko OG", "OG")


def test_a_short_surname_joins_a_full_name_only_in_its_own_documents() -> None:
    # "Li" in a story about Beijing is not the only Li the corpus names in full, in another story.
    assert not together(run([("Wei Li", "PERSON")], [("Li", "PERSON"), ("Beijing", "GPE")]), "Wei Li", "Li")
    assert together(run([("Wei Li", "PERSON"), ("Li", "PERSON")]), "Wei Li", "Li")


def test_a_surname_the_knowledge_base_gives_one_person_is_not_joined_to_a_relative() -> None:
    kb = KnowledgeBase(
        [
            KbEntry(
                "jb",
                "Joe Biden",
                "PERSON",
                ("Biden", "Joseph Biden"),
                "president of the United States",
                "Q6279",
            )
        ]
    )
    entities = run(
        [("Jill Biden", "PERSON"), ("Biden", "PERSON")],
        [("Biden", "PERSON"), ("Kamala Harris", "PERSON")],
        [("Joe Biden", "PERSON")],
        kb=kb,
    )
    assert not together(entities, "Jill Biden", "Joe Biden")


def test_a_service_named_with_a_plus_is_not_its_company() -> None:
    entities = run([("Disney", "ORG"), ("Marvel", "ORG")], [("Disney+", "ORG"), ("Marvel", "ORG")])
    assert not together(entities, "Disney", "Disney+")


def test_a_city_abroad_far_nearer_the_story_than_its_namesakes_is_meant() -> None:
    # A report from Ukraine naming "Geneva" with no country: the Swiss city, not the American one.
    entities = run(
        *[UA_STORY] * 6,
        [("Ukraine", "GPE"), ("Sumy", "GPE"), ("Chernihiv", "GPE"), ("Dnipro", "GPE"), ("Geneva", "GPE")],
    )
    assert near_point(located(entities, "Geneva"), 46.20, 6.15)


def test_an_acronym_is_what_its_own_document_names_by_those_letters() -> None:
    health = [("Homeland Security", "ORG"), ("Atlanta", "GPE")]
    chinese = run(
        [("CDC", "ORG"), ("Chinese Center for Disease Control and Prevention", "ORG"), ("Beijing", "GPE")],
        [("the Centers for Disease Control", "ORG"), *health],
    )
    assert not together(chinese, "CDC", "the Centers for Disease Control")
    american = run(
        [("CDC", "ORG"), ("the Centers for Disease Control", "ORG"), *health],
        [("CDC", "ORG"), ("Homeland Security", "ORG"), ("Atlanta", "GPE")],
        [("UN Development Programme", "ORG"), ("UNDP", "ORG")],
    )
    assert together(american, "CDC", "the Centers for Disease Control")


def test_two_letters_are_read_as_initials_only_beside_their_name() -> None:
    entities = run(
        [("AC", "ORG"), ("Dell", "ORG"), ("Netgear", "ORG")],
        [("Amazon Credit", "ORG"), ("Dell", "ORG"), ("Netgear", "ORG")],
    )
    assert not together(entities, "AC", "Amazon Credit")


def test_one_word_names_a_letter_apart_in_one_text_are_two_names() -> None:
    entities = run(
        [("Wikimedia", "ORG"), ("Wikipedia", "ORG"), ("Jimmy Wales", "PERSON")],
        [("Gazporm", "ORG"), ("Kremlin", "ORG"), ("Novatek", "ORG")],
        [("Gazprom", "ORG"), ("Kremlin", "ORG"), ("Novatek", "ORG")],
    )
    assert not together(entities, "Wikimedia", "Wikipedia")
    assert together(entities, "Gazporm", "Gazprom")


def test_the_cruiser_moskva_is_not_moscow_in_the_bundled_knowledge_base() -> None:
    entities = run(
        [("Moskva", "ORG"), ("Black Sea Fleet", "ORG"), ("Sevastopol", "GPE")],
        [("Moscow", "GPE"), ("Kremlin", "ORG"), ("Dmitry Peskov", "PERSON")],
        kb=KnowledgeBase.bundled(),
    )
    assert not together(entities, "Moskva", "Moscow")


def test_a_city_named_with_city_is_not_the_strip_or_state_of_its_name() -> None:
    entities = run(
        [("Gaza", "GPE"), ("Gaza City", "GPE"), ("Khan Younis", "GPE"), ("Rafah", "GPE")],
        [("Gaza", "GPE"), ("Khan Younis", "GPE"), ("Israel", "GPE")],
    )
    assert not together(entities, "Gaza", "Gaza City")


def test_an_oblast_body_is_the_regional_body_of_that_name() -> None:
    entities = run(
        [("Vinnytsia Oblast Military Administration", "ORG"), ("Vinnytsia", "GPE")],
        [("Vinnytsia regional military administration", "ORG"), ("Vinnytsia", "GPE")],
    )
    assert together(
        entities, "Vinnytsia Oblast Military Administration", "Vinnytsia regional military administration"
    )


def test_an_acronym_is_what_its_documents_define_it_as_whatever_its_letters() -> None:
    text = "The Haitian National Police (PNH) said calm had returned. Later, PNH units left."
    name, letters = "Haitian National Police", "PNH"
    found = [
        EntityMention(Span("d0", text.index(name), text.index(name) + len(name)), name, "ORG", "test"),
        EntityMention(Span("d0", text.index("(PNH") + 1, text.index("(PNH") + 4), letters, "ORG", "test"),
        EntityMention(Span("d0", text.rindex(letters), text.rindex(letters) + 3), letters, "ORG", "test"),
    ]
    entities = resolve(found, texts={"d0": text}, kb=NO_KB).entities
    assert together(entities, "Haitian National Police", "PNH")
    # without the definition, the letters are not its initials: no merge
    bare = "The Haitian National Police said calm had returned. Later, PNH units left."
    undefined = [
        EntityMention(Span("d0", bare.index(name), bare.index(name) + len(name)), name, "ORG", "test"),
        EntityMention(Span("d0", bare.rindex(letters), bare.rindex(letters) + 3), letters, "ORG", "test"),
    ]
    assert not together(
        resolve(undefined, texts={"d0": bare}, kb=NO_KB).entities, "Haitian National Police", "PNH"
    )


def test_a_place_tagged_a_person_is_no_surname_where_its_documents_name_the_place() -> None:
    entities = run(
        [("Zorianka", "GPE"), ("Defends Zorianka", "PERSON"), ("Zorianka", "PERSON")],
        [("Ivan Petrenko", "PERSON"), ("Petrenko", "PERSON")],
    )
    assert not together(entities, "Defends Zorianka", "Zorianka")
    assert together(entities, "Ivan Petrenko", "Petrenko")


def test_hlib_is_gleb() -> None:
    entities = run(
        [("Gleb Nikitin", "PERSON"), ("Kstovo", "GPE")],
        [("Hlib Nikitin", "PERSON"), ("Kstovo", "GPE")],
    )
    assert together(entities, "Gleb Nikitin", "Hlib Nikitin")


def test_an_armed_service_is_its_countrys_and_a_bare_one_the_one_its_documents_name() -> None:
    entities = run(
        [("Ukrainian Air Force", "ORG"), ("Kyiv", "GPE"), ("Ukraine", "GPE")],
        [("the Air Force of Ukraine", "ORG"), ("Kyiv", "GPE")],
        [("the Air Force", "ORG"), ("Kyiv", "GPE"), ("Ukraine", "GPE")],
        [("Russian Navy", "ORG"), ("Sevastopol", "GPE")],
    )
    assert together(entities, "Ukrainian Air Force", "the Air Force of Ukraine", "the Air Force")
    assert not together(entities, "Ukrainian Air Force", "Russian Navy")


def test_two_presidents_whose_middle_initials_differ_stay_apart() -> None:
    entities = run(
        [("John Q. Adams", "PERSON"), ("Adams", "PERSON")],
        [("John T. Adams", "PERSON")],
        [("Ivan Petrovych Melnyk", "PERSON")],
        [("Ivan P. Melnyk", "PERSON")],
    )
    assert not together(entities, "John Q. Adams", "John T. Adams")
    assert together(entities, "Ivan Petrovych Melnyk", "Ivan P. Melnyk")


def test_two_names_a_letter_apart_in_one_text_are_two_people() -> None:
    entities = run(
        [("Stalin", "PERSON"), ("Stalik", "PERSON"), ("Moscow", "GPE")],
        [("Bondarenko", "PERSON"), ("Kyiv", "GPE")],
        [("Bondarenco", "PERSON"), ("Kyiv", "GPE")],
    )
    assert not together(entities, "Stalin", "Stalik")
    assert together(entities, "Bondarenko", "Bondarenco")


def test_a_cyrillic_acronym_in_the_knowledge_base_is_no_english_word() -> None:
    kb = KnowledgeBase.bundled()
    assert kb.lookup("Eyes", "ORG") is None  # the key of "ЄС", the EU
    assert kb.lookup("Yes", "ORG") is None
    found = [kb.lookup(name, "ORG") for name in ("EU", "ЄС", "Nato", "ZSU", "ЗСУ")]
    assert [e.name if e else None for e in found] == [
        "European Union",
        "European Union",
        "NATO",
        "Armed Forces of Ukraine",
        "Armed Forces of Ukraine",
    ]


def test_a_body_named_after_its_owner_is_the_body_with_the_owner_first() -> None:
    entities = run(
        [("operational headquarters of the Rostov Territory", "ORG")],
        [("Rostov Krai Operational Headquarters", "ORG")],
        [("military administration of the Sumy region", "ORG")],
        [("Sumy Regional Military Administration", "ORG")],
        [("Council of Europe", "ORG")],
        [("European Council", "ORG")],
    )
    assert together(
        entities, "operational headquarters of the Rostov Territory", "Rostov Krai Operational Headquarters"
    )
    assert together(
        entities, "military administration of the Sumy region", "Sumy Regional Military Administration"
    )
    assert not together(entities, "Council of Europe", "European Council")


def test_a_state_s_initials_do_not_join_a_city_of_its_name() -> None:
    entities = run(
        [("New York", "GPE"), ("NY", "GPE"), ("San Francisco", "GPE")],
        [("New York", "GPE")],
        [("ISW", "ORG"), ("Institute for the Study of War", "ORG")],
    )
    assert not together(entities, "NY", "New York")
    assert together(entities, "ISW", "Institute for the Study of War")


def test_a_generation_after_the_surname_is_no_surname() -> None:
    entities = run(
        [("Ramon Ortiz Jr", "PERSON"), ("Ortiz", "PERSON")],
        [("Ramon Ortiz", "PERSON")],
        [("Peter Hale Snr", "PERSON"), ("Peter Hale Jnr", "PERSON")],
    )
    assert together(entities, "Ramon Ortiz Jr", "Ortiz", "Ramon Ortiz")
    assert not together(entities, "Peter Hale Snr", "Peter Hale Jnr")


def test_a_bare_navy_is_no_navy_of_a_country_its_documents_do_not_name() -> None:
    entities = run(
        [("the Ukrainian Navy", "ORG"), ("Sevastopol", "GPE"), ("Crimea", "GPE"), ("Ukraine", "GPE")],
        [("Navy", "ORG"), ("Sevastopol", "GPE"), ("Crimea", "GPE"), ("Russia", "GPE")],
        [("the National Guard", "ORG"), ("Kyiv", "GPE"), ("Ukrainian", "NORP")],
        [("the National Guard of Ukraine", "ORG"), ("Kyiv", "GPE")],
    )
    assert not together(entities, "the Ukrainian Navy", "Navy")
    assert together(entities, "the National Guard", "the National Guard of Ukraine")


def test_two_wordings_of_a_bare_ministry_are_one_only_where_their_documents_agree() -> None:
    entities = run(
        [
            ("the Interior Ministry", "ORG"),
            ("the FSB", "ORG"),
            ("Vladimir Putin", "PERSON"),
            ("Moscow", "GPE"),
        ],
        [("the Ministry of the Interior", "ORG"), ("Ihor Klymenko", "PERSON"), ("Kharkiv", "GPE")],
        [("the Defence Ministry", "ORG"), ("Rustem Umerov", "PERSON"), ("Kyiv", "GPE"), ("Odesa", "GPE")],
        [("the Ministry of Defence", "ORG"), ("Rustem Umerov", "PERSON"), ("Kyiv", "GPE"), ("Odesa", "GPE")],
    )
    assert not together(entities, "the Interior Ministry", "the Ministry of the Interior")
    assert together(entities, "the Defence Ministry", "the Ministry of Defence")


def test_a_small_town_of_a_country_its_document_names_is_found_abroad() -> None:
    ukraine = [[("Kyiv", "GPE"), ("Ukraine", "GPE"), ("Kharkiv", "GPE"), ("Lviv", "GPE")] for _ in range(12)]
    entities = run([("Philippines", "GPE"), ("Gigmoto", "GPE"), ("Virac", "GPE")], *ukraine)
    (gigmoto,) = [e for e in entities if e.name == "Gigmoto"]
    assert gigmoto.lat is not None and gigmoto.lon is not None
    assert abs(gigmoto.lat - 13.78) < 0.1 and abs(gigmoto.lon - 124.39) < 0.1


def test_a_bodys_abbreviation_is_the_words_it_stands_for() -> None:
    entities = run(
        [("Sumy OVA", "ORG"), ("Sumy", "GPE")],
        [("Sumy Regional Military Administration", "ORG"), ("Sumy", "GPE")],
        [("Sumy Oblast Military Administration", "ORG"), ("Sumy", "GPE")],
    )
    assert together(
        entities, "Sumy OVA", "Sumy Regional Military Administration", "Sumy Oblast Military Administration"
    )


def test_a_regions_name_is_no_village_that_shares_it() -> None:
    entities = run(
        [("Chechnya", "GPE"), ("Syria", "GPE"), ("Kyiv", "GPE"), ("Ukraine", "GPE"), ("Kharkiv", "GPE")],
        [("Donetsk", "GPE"), ("Kyiv", "GPE"), ("Ukraine", "GPE")],
    )
    (chechnya,) = [e for e in entities if e.name == "Chechnya"]
    assert chechnya.lat is None
    (donetsk,) = [e for e in entities if e.name == "Donetsk"]
    assert donetsk.lat is not None and abs(donetsk.lat - 48.0) < 0.2


def test_a_translations_abbreviated_ministry_and_a_capitals_ministry_are_the_states() -> None:
    entities = run(
        [("MFA of Russia", "ORG"), ("MOD of Russia", "ORG")],
        [("Russian Foreign Ministry", "ORG"), ("Moscow's defence ministry", "ORG")],
        [("Ukrainian Ministry of Defence", "ORG"), ("Cambodia's Ministry of National Defence", "ORG")],
    )
    assert together(entities, "MFA of Russia", "Russian Foreign Ministry")
    assert together(entities, "MOD of Russia", "Moscow's defence ministry")
    assert not together(entities, "MOD of Russia", "Ukrainian Ministry of Defence")
    assert not together(entities, "MFA of Russia", "MOD of Russia")


def test_a_surname_ending_like_a_patronymic_joins_the_full_name_beside_it() -> None:
    kyiv = [("Kyiv", "GPE"), ("Verkhovna Rada", "ORG")]
    entities = run(
        [("Andrii Raikovych", "PERSON"), ("Raikovych", "PERSON"), *kyiv],
        [("Andriy Raykovych", "PERSON"), ("Raykovych", "PERSON"), *kyiv],
    )
    assert together(entities, "Andrii Raikovych", "Raikovych")
    assert together(entities, "Raykovych", "Andriy Raykovych")
