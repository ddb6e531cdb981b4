"""Entity resolution: entities merged across spellings and documents, linked to the knowledge base and
placed on the map. See ``entities`` for the merge rules, ``names`` for name keys, ``places`` for
geocoding and ``kb`` for the knowledge base."""

from claimgraph.resolve.entities import MergeReason, Resolution, resolve, resolve_entities

__all__ = ["MergeReason", "Resolution", "resolve", "resolve_entities"]
