"""Ingestion: find inputs, read and decode them, clean, analyse and store them."""

from claimgraph.ingest.pipeline import IngestReport, document_id, ingest
from claimgraph.ingest.readers import discover, read_source

__all__ = ["IngestReport", "discover", "document_id", "ingest", "read_source"]
