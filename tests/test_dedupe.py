from __future__ import annotations

from claimgraph.claims import Side, assertions, group_claims, read_claim
from claimgraph.dedupe import THRESHOLD, band_hashes, components, signature, similarity

STORY = (
    "Russian forces pressed their assault on the eastern town on Monday as Ukrainian troops held the western "
    "districts, regional officials said. About 12,000 civilians remain in the town, most of them elderly, "
    "and the only road bridge was destroyed in a strike overnight. The governor said evacuation buses would "
    "run at night along a dirt track to the north while the shelling continued. Aid groups said food and "
    "water were running short and that the hospital had moved its patients into the basement. "
) * 3
OTHER = (
    "Grain ships left Odesa this week under a corridor agreed with insurers, the port authority said. " * 8
)


def test_a_lightly_edited_copy_shares_a_band_and_passes_the_threshold() -> None:
    edited = "By our wire service. " + STORY.replace("on Monday", "late on Monday")
    wire, copy, other = signature(STORY), signature(edited), signature(OTHER)
    assert set(band_hashes(wire)) & set(band_hashes(copy))
    assert similarity(wire, copy) >= THRESHOLD
    assert similarity(wire, other) < 0.1
    assert not set(band_hashes(wire)) & set(band_hashes(other))


def test_signatures_are_stable_across_processes() -> None:
    # Stored signatures are compared with ones computed in later runs (and on other machines).
    assert signature("one two three four five six")[:3] == signature("one two three four five six")[:3]
    assert all(0 <= v < 2**32 for v in signature(STORY))


def test_groups_are_connected_components_named_by_their_smallest_id() -> None:
    assert components([("b", "c"), ("c", "a"), ("x", "y")]) == {
        "a": "a",
        "b": "a",
        "c": "a",
        "x": "x",
        "y": "x",
    }


def test_a_syndicated_claim_is_one_source() -> None:
    sentence = "About 12,000 civilians remain in Velykyi Mlyn, most of them elderly."
    made = assertions(read_claim(sentence, places=["Velykyi Mlyn"]))
    copies = [Side(doc, 0, len(sentence), sentence, copies="wire") for doc in ("site1", "site2", "site3")]
    own = Side("paper", 0, len(sentence), sentence, copies="paper")
    (group,) = [
        g for g in group_claims([(s, made) for s in [*copies, own]]) if g.predicate.startswith("civilians")
    ]
    assert len(group.sides) == 4
    assert group.independent == 1  # three copies of one wire story, and a fourth repeating its words
