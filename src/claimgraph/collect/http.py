"""A polite HTTP client: robots.txt, a per-host rate limit, bounded retries, time-outs, a size limit.

Built on the standard library (urllib.request). Every request of one client, robots.txt included:

- names claimgraph in its User-Agent, with the version and ``settings.fetch_contact``;
- waits its turn: at most ``settings.fetch_rate`` requests a second to one host (0: no limit), or
  fewer when the host's robots.txt asks for a longer Crawl-delay;
- is checked against the host's robots.txt first (fetched once per host and client): a forbidden
  URL is never requested. robots.txt answering 404 (or any 4xx but 401/403) allows everything;
  401/403, a 5xx or no answer at all forbid everything on the host (RFC 9309);
- is tried again after a 5xx or 429 answer, a time-out or a connection error, ``settings.fetch_retries``
  times, waiting ``settings.fetch_backoff`` seconds and twice as long before each further try;
- follows redirects itself (at most ten), each hop checked against robots.txt and rate-limited, so
  the answer names the final URL;
- takes at most ``settings.fetch_timeout`` seconds from connecting to the last byte, and at most
  ``settings.max_response_bytes`` bytes.

Only http and https URLs are fetched. A conditional request sends back the validators of an earlier
answer (ETag as If-None-Match, Last-Modified as If-Modified-Since); a 304 then comes back as an
``HttpResponse`` with status 304 and no body.
"""

from __future__ import annotations

import gzip
import http.client
import io
import socket
import threading
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from claimgraph import __version__
from claimgraph.errors import FetchFailed, RobotsDisallowed
from claimgraph.models import HttpResponse, header_value
from claimgraph.settings import DEFAULT_SETTINGS, Settings

ROBOTS_TOKEN: Final = "claimgraph"
MAX_REDIRECTS: Final = 10
MAX_ROBOTS_BYTES: Final = 500_000  # RFC 9309 asks crawlers to read at least 500 KiB
_REDIRECTS: Final = frozenset({301, 302, 303, 307, 308})
_CHUNK: Final = 64 * 1024
_MAX_BACKOFF_SECONDS: Final = 60.0


def user_agent(settings: Settings = DEFAULT_SETTINGS) -> str:
    """``claimgraph/VERSION``, and ``(+CONTACT)`` when ``settings.fetch_contact`` is set."""
    agent = f"{ROBOTS_TOKEN}/{__version__}"
    return f"{agent} (+{settings.fetch_contact})" if settings.fetch_contact else agent


def check_url(url: str) -> str:
    """``url`` if it is an absolute http(s) URL with a host; else FetchFailed."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is no number
    except ValueError as exc:
        raise FetchFailed(url, f"not a valid URL ({exc})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchFailed(url, "not an http or https URL")
    if not parts.hostname:
        raise FetchFailed(url, "no host in the URL")
    return url


def host_key(url: str) -> str:
    """scheme://host[:port]: what a rate limit and a robots.txt apply to."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), "", "", ""))


class _Retryable(Exception):
    """A failure worth trying again (5xx, 429, time-out, connection error)."""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # The client follows redirects itself, so that every hop is checked against robots.txt.
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@dataclass(slots=True)
class _Robots:
    parser: RobotFileParser | None  # None: everything forbidden
    robots_url: str
    problem: str | None = None  # why everything is forbidden


class HttpClient:
    """One crawl's HTTP client: its rate limits and robots.txt rules are kept per host for its life.

    ``sleep`` and ``clock`` are injectable for tests; ``on_request`` is told of every request sent.
    Thread-safe: requests to one host wait their turn.
    """

    def __init__(
        self,
        *,
        settings: Settings = DEFAULT_SETTINGS,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self.user_agent = user_agent(settings)
        self._sleep = sleep
        self._clock = clock
        self._opener = urllib.request.build_opener(_NoRedirects)
        self._robots: dict[str, _Robots] = {}
        self._next_slot: dict[str, float] = {}
        self._lock = threading.Lock()
        self.requests = 0

    # -- public -----------------------------------------------------------------------------------

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> HttpResponse:
        """The answer to GET ``url`` after redirects: status 200-299 or 304 (when validators are
        given), else FetchFailed (RobotsDisallowed for a URL robots.txt forbids). A 4xx is not
        retried: its FetchFailed says the status."""
        check_url(url)
        conditional = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            self.check_robots(current)
            status, headers, body = self._request_with_retries(current, conditional)
            if status in _REDIRECTS:
                location = header_value(headers, "Location")
                if not location:
                    raise FetchFailed(current, f"HTTP {status} redirect without a Location header")
                current = check_url(urljoin(current, location.strip()))
                continue
            if status == 304 and conditional:
                return HttpResponse(url=url, final_url=current, status=304, headers=headers, body=b"")
            if not 200 <= status < 300:
                where = "" if current == url else f" (redirected to {current})"
                raise FetchFailed(url, f"HTTP {status} {_reason(status)}{where}")
            return HttpResponse(url=url, final_url=current, status=status, headers=headers, body=body)
        raise FetchFailed(url, f"more than {MAX_REDIRECTS} redirects")

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets claimgraph fetch ``url`` (fetching robots.txt if not yet done)."""
        robots = self._robots_for(url)
        return robots.parser is not None and robots.parser.can_fetch(self.user_agent, url)

    def check_robots(self, url: str) -> None:
        robots = self._robots_for(url)
        if robots.parser is None:
            raise FetchFailed(url, f"{robots.problem}; not fetched (RFC 9309: everything is then forbidden)")
        if not robots.parser.can_fetch(self.user_agent, url):
            raise RobotsDisallowed(url, robots.robots_url)

    # -- robots.txt -------------------------------------------------------------------------------

    def _robots_for(self, url: str) -> _Robots:
        key = host_key(url)
        with self._lock:
            known = self._robots.get(key)
        if known is not None:
            return known
        robots = self._fetch_robots(key + "/robots.txt")
        with self._lock:
            return self._robots.setdefault(key, robots)

    def _fetch_robots(self, robots_url: str) -> _Robots:
        current = robots_url
        try:
            for _hop in range(6):  # RFC 9309: follow at least five redirects
                status, headers, body = self._request_with_retries(current, {}, limit=MAX_ROBOTS_BYTES)
                if status in _REDIRECTS and (location := header_value(headers, "Location")):
                    current = check_url(urljoin(current, location.strip()))
                    continue
                break
            else:
                return _Robots(None, robots_url, f"{robots_url} redirects too often")
        except FetchFailed as exc:
            return _Robots(None, robots_url, f"{robots_url} could not be read ({exc.problem})")
        parser = RobotFileParser(robots_url)
        if status in (401, 403):
            return _Robots(None, robots_url, f"{robots_url} answers HTTP {status}")
        if 400 <= status < 500:
            parser.parse([])  # no robots.txt: everything allowed
        elif 200 <= status < 300:
            parser.parse(body.decode("utf-8", errors="replace").splitlines())
        else:
            return _Robots(None, robots_url, f"{robots_url} answers HTTP {status}")
        return _Robots(parser, robots_url)

    def _crawl_delay(self, key: str) -> float:
        with self._lock:
            robots = self._robots.get(key)
        if robots is None or robots.parser is None:
            return 0.0
        delay = robots.parser.crawl_delay(self.user_agent)
        try:
            return float(delay) if delay is not None else 0.0
        except ValueError:
            return 0.0

    # -- one request ------------------------------------------------------------------------------

    def _wait_turn(self, url: str) -> None:
        """Sleep until this host may be asked again, and book the next slot."""
        rate = self.settings.fetch_rate
        key = host_key(url)
        interval = max(1.0 / rate if rate > 0 else 0.0, self._crawl_delay(key))
        with self._lock:
            now = self._clock()
            slot = max(now, self._next_slot.get(key, now))
            self._next_slot[key] = slot + interval
        if slot > now:
            self._sleep(slot - now)

    def _request_with_retries(
        self, url: str, headers: dict[str, str], *, limit: int | None = None
    ) -> tuple[int, tuple[tuple[str, str], ...], bytes]:
        retries = max(0, self.settings.fetch_retries)
        for attempt in range(retries + 1):
            try:
                return self._request(url, headers, limit=limit)
            except _Retryable as exc:
                if attempt == retries:
                    tries = f"after {attempt + 1} attempts" if attempt else "after 1 attempt"
                    raise FetchFailed(url, f"gave up {tries}: {exc}", transient=True) from None
                self._sleep(min(self.settings.fetch_backoff * 2**attempt, _MAX_BACKOFF_SECONDS))
        raise AssertionError("unreachable")

    def _request(
        self, url: str, extra: dict[str, str], *, limit: int | None
    ) -> tuple[int, tuple[tuple[str, str], ...], bytes]:
        """(status, headers, body) of one GET; _Retryable for what is worth another try."""
        limit = self.settings.max_response_bytes if limit is None else limit
        timeout = self.settings.fetch_timeout
        self._wait_turn(url)
        request = urllib.request.Request(
            url, headers={"User-Agent": self.user_agent, "Accept-Encoding": "gzip", **extra}
        )
        started = self._clock()
        with self._lock:
            self.requests += 1
        try:
            try:
                answer = self._opener.open(request, timeout=timeout)
            except urllib.error.HTTPError as error:
                answer = error  # a non-2xx answer still has a status, headers and a body
            with answer:
                status = int(answer.status if answer.status is not None else answer.getcode())
                headers = tuple((str(k), str(v)) for k, v in answer.headers.items())
                if status >= 500 or status == 429:
                    raise _Retryable(f"HTTP {status} {_reason(status)}")
                if status in _REDIRECTS or status == 304 or status >= 400:
                    return status, headers, b""
                body = _read_bounded(
                    answer, url=url, limit=limit, deadline=started + timeout, clock=self._clock
                )
        except _Retryable:
            raise
        except FetchFailed:
            raise
        except TimeoutError as exc:
            raise _Retryable(f"timed out (fetch_timeout {timeout:g} s)") from exc
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError | socket.timeout):
                raise _Retryable(f"timed out (fetch_timeout {timeout:g} s)") from exc
            raise _Retryable(f"connection failed ({reason})") from exc
        except (ConnectionError, http.client.HTTPException, OSError) as exc:
            raise _Retryable(f"connection failed ({type(exc).__name__}: {exc})") from exc
        encoding = (header_value(headers, "Content-Encoding") or "").strip().lower()
        if encoding in ("gzip", "x-gzip"):
            body = gunzip_bounded(body, limit=limit, url=url)
        elif encoding not in ("", "identity"):
            raise FetchFailed(url, f"unsupported Content-Encoding {encoding!r}")
        return status, headers, body


def _read_bounded(
    answer: urllib.response.addinfourl | urllib.error.HTTPError,
    *,
    url: str,
    limit: int,
    deadline: float,
    clock: Callable[[], float],
) -> bytes:
    length = answer.headers.get("Content-Length")
    if length and length.strip().isdigit() and int(length) > limit:
        raise FetchFailed(url, f"answer too large ({int(length):,} bytes, over the {_limit(limit)})")
    chunks: list[bytes] = []
    total = 0
    while chunk := answer.read(_CHUNK):
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise FetchFailed(url, f"answer too large (over the {_limit(limit)})")
        if clock() > deadline:
            raise TimeoutError("deadline passed while reading")
    return b"".join(chunks)


def gunzip_bounded(data: bytes, *, limit: int, url: str) -> bytes:
    """``data`` gunzipped, refusing more than ``limit`` bytes of output (a gzip bomb)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise FetchFailed(url, f"broken gzip data ({exc})") from exc
    if len(out) > limit:
        raise FetchFailed(url, f"gzip data expands past the {_limit(limit)}")
    return out


def _limit(limit: int) -> str:
    return f"{limit:,}-byte limit, setting max_response_bytes"


def _reason(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""
