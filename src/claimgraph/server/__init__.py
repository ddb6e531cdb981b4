"""HTTP API and web UI over a store: `claimgraph serve`. See ``app.create_app``."""

from claimgraph.server.app import create_app

__all__ = ["create_app"]
