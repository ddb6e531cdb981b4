from __future__ import annotations

from claimgraph.claims import Side, group_claims, read_claim
from claimgraph.dedupe import copy_groups

STORY = (
    "Russian forces pressed their assault on the eastern town on Monday as Ukrainian troops held the western "
    "districts, regional officials said. About 12,000 civilians remain in the town, most of them elderly, "
    "and the only road bridge was destroyed in a strike overnight. The governor said evacuation buses would "
    "run at night along a dirt track to the north while the shelling continued. Aid groups said food and "
    "water were running short and that the hospital had moved its patients into the basement. "
) * 3


def test_near_duplicate_wire_copies_form_one_group() -> None:
    edited = "By our wire service. " + STORY.replace("on Monday", "late on Monday")
    other = (
        "Grain ships left Odesa this week under a corridor agreed with insurers, the port authority said. "
        * 8
    )
    groups = copy_groups({"wire": STORY, "site": edited, "other": other})
    assert groups["wire"] == groups["site"]
    assert groups["other"] == "other"


def test_a_syndicated_claim_is_one_source() -> None:
    sentence = "About 12,000 civilians remain in Velykyi Mlyn, most of them elderly."
    reading = read_claim(sentence, places=["Velykyi Mlyn"])
    copies = [Side(doc, 0, len(sentence), sentence, copies="wire") for doc in ("site1", "site2", "site3")]
    own = Side("paper", 0, len(sentence), sentence, copies="paper")
    (group,) = [
        g for g in group_claims([(s, reading) for s in [*copies, own]]) if g.predicate.startswith("civilians")
    ]
    assert len(group.sides) == 4
    assert group.independent == 1  # three copies of one wire story, and a fourth repeating its words
