"""Copies of one story: documents whose texts are near-duplicates (a wire story on ten sites, lightly
edited) form one group, so that claims repeated by syndication count as one source.

Each text is cut into overlapping five-word shingles and summarised by a MinHash signature;
locality-sensitive hashing (datasketch's MinHashLSH) proposes candidate pairs, and a candidate pair
whose estimated Jaccard similarity reaches the threshold (0.8) is a pair of copies; no pair of
documents is compared unless the hashes put them together. Groups are the connected components.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from datasketch import MinHash, MinHashLSH

THRESHOLD: Final = 0.8
CANDIDATE_THRESHOLD: Final = 0.5
NUM_PERM: Final = 128
SHINGLE_WORDS: Final = 5
_WORD = re.compile(r"\w+")


def copy_groups(texts: Mapping[str, str], *, threshold: float = THRESHOLD) -> dict[str, str]:
    """Document id -> the id standing for its group of copies (itself when it has none)."""
    # The hashes only propose candidates, at a lower threshold so that few true copies slip through;
    # each candidate pair is then checked against the real threshold on its signatures.
    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    signatures: dict[str, MinHash] = {}
    for doc_id, text in texts.items():
        signature = _signature(text)
        signatures[doc_id] = signature
        lsh.insert(doc_id, signature)
    parent = {doc_id: doc_id for doc_id in texts}

    def root(doc_id: str) -> str:
        while parent[doc_id] != doc_id:
            parent[doc_id] = parent[parent[doc_id]]
            doc_id = parent[doc_id]
        return doc_id

    for doc_id, signature in signatures.items():
        for other in lsh.query(signature):
            if other == doc_id or signature.jaccard(signatures[other]) < threshold:
                continue
            a, b = root(doc_id), root(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {doc_id: root(doc_id) for doc_id in texts}


def _signature(text: str) -> MinHash:
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    signature = MinHash(num_perm=NUM_PERM, seed=1)
    signature.update_batch([s.encode("utf-8") for s in shingles])
    return signature
