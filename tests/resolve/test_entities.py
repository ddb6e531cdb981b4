from __future__ import annotations

from claimgraph.models import Entity, EntityMention, Span
from claimgraph.resolve import resolve
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
