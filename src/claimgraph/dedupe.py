"""Copies of one story: documents whose texts are near-duplicates (a wire story on ten sites, lightly
edited) form one group, so that claims repeated by syndication count as one source.

Each text is cut into overlapping five-word shingles and summarised by a MinHash signature. The
signature is cut into bands (locality-sensitive hashing, with the band layout datasketch's MinHashLSH
chooses for a 0.5 threshold): two documents are candidates when any band hashes alike, and a
candidate pair whose signatures agree at the threshold (0.8, the estimated Jaccard similarity of
their shingles) is a pair of copies. The store keeps the bands, so a new document is compared only
with the documents sharing a band with it (``claimgraph.update``); groups are the connected
components of the pairs.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable, Sequence
from typing import Final

from datasketch import MinHash, MinHashLSH

THRESHOLD: Final = 0.8
CANDIDATE_THRESHOLD: Final = 0.5
NUM_PERM: Final = 128
SHINGLE_WORDS: Final = 5
_WORD = re.compile(r"\w+")
# Bands of rows that make two signatures candidates at CANDIDATE_THRESHOLD, so that few true copies
# slip through; the real threshold is checked on the whole signatures afterwards.
_BANDS: Final = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM).hashranges
_TEMPLATE: Final = MinHash(num_perm=NUM_PERM, seed=1)


def signature(text: str) -> list[int]:
    """The MinHash signature of a text's five-word shingles: NUM_PERM numbers below 2**32."""
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    # The permutations are made once, not per document; CRC-32 hashes shingles several times faster
    # than datasketch's SHA-1 and, like it, the same in every process (signatures are stored).
    minhash = MinHash(
        num_perm=NUM_PERM, hashfunc=zlib.crc32, permutations=_TEMPLATE.permutations, scheme=_TEMPLATE.scheme
    )
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return [int(v) for v in minhash.hashvalues]


def band_hashes(minhash: Sequence[int]) -> list[int]:
    """One signed 64-bit hash per band of the signature (a DuckDB BIGINT each)."""
    return [
        int.from_bytes(
            hashlib.blake2b(
                b"".join(v.to_bytes(4, "little") for v in minhash[start:end]), digest_size=8
            ).digest(),
            "little",
            signed=True,
        )
        for start, end in _BANDS
    ]


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """The share of equal positions of two signatures: an estimate of their shingles' Jaccard index."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / NUM_PERM


def components(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Document id -> the smallest id of its group, for every document in some pair of copies."""
    parent: dict[str, str] = {}

    def root(doc_id: str) -> str:
        parent.setdefault(doc_id, doc_id)
        while parent[doc_id] != doc_id:
            parent[doc_id] = parent[parent[doc_id]]
            doc_id = parent[doc_id]
        return doc_id

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {doc_id: root(doc_id) for doc_id in list(parent)}
