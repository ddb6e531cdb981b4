"""Persistence: the DuckDB store and its schema migrations."""

from claimgraph.store.db import Counts, Store, StoredBatch

__all__ = ["Counts", "Store", "StoredBatch"]
