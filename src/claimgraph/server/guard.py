"""What every request passes before a route sees it: the size limits, the read-only methods and, when
the server has a token, authentication. Also the one error shape and the HTTP status of each error.

Authentication: a request is let in by ``Authorization: Bearer TOKEN``, or by the cookie that opening
any page outside /api with ``?token=TOKEN`` sets (the answer to that is a redirect to the same page
without the token, so it stays out of the address bar, the history and the Referer). The cookie holds
a value derived from the token, not the token itself, and is HttpOnly and SameSite=Strict.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
from collections.abc import Iterator, Mapping
from urllib.parse import parse_qsl, quote, urlencode

from starlette.datastructures import MutableHeaders
from starlette.requests import cookie_parser
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimgraph.errors import (
    BodyTooLarge,
    ClaimgraphError,
    MethodNotAllowed,
    StoreBusy,
    StoreError,
    TargetTooLong,
    Unauthorized,
    UnknownDocument,
    UnknownEntity,
    UsageError,
)

COOKIE = "claimgraph_token"
READ_METHODS = frozenset({"GET", "HEAD"})
MIN_TOKEN_CHARS = 16
# RFC 6750's b64token: what a Bearer header can carry unquoted, and safe in a cookie too.
_TOKEN_SYNTAX = re.compile(r"[A-Za-z0-9\-._~+/]+=*")
_COOKIE_LABEL = b"claimgraph ui cookie"

HTTP_STATUS: dict[type[ClaimgraphError], int] = {
    UnknownDocument: 404,
    UnknownEntity: 404,
    UsageError: 400,
    Unauthorized: 401,
    MethodNotAllowed: 405,
    BodyTooLarge: 413,
    TargetTooLong: 414,
    StoreError: 503,
}
_HEADERS: dict[type[ClaimgraphError], dict[str, str]] = {
    Unauthorized: {"WWW-Authenticate": 'Bearer realm="claimgraph"'},
    MethodNotAllowed: {"Allow": "GET, HEAD"},
    StoreBusy: {"Retry-After": "5"},
}


def http_status(exc: ClaimgraphError) -> int:
    """The status of the nearest class of ``exc`` that has one; 500 for an error nobody expected."""
    return next((HTTP_STATUS[c] for c in type(exc).__mro__ if c in HTTP_STATUS), 500)


def error_json(
    status: int, code: str, message: str, *, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


def error_response(exc: ClaimgraphError) -> JSONResponse:
    headers = next((_HEADERS[c] for c in type(exc).__mro__ if c in _HEADERS), None)
    return error_json(http_status(exc), exc.code, exc.message, headers=headers)


def check_token(token: str) -> None:
    if len(token) < MIN_TOKEN_CHARS or not _TOKEN_SYNTAX.fullmatch(token):
        raise UsageError(
            f"a server token needs at least {MIN_TOKEN_CHARS} characters, letters, digits and -._~+/ only "
            '(make one with: python3 -c "import secrets; print(secrets.token_urlsafe(32))")'
        )


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach ``host``; a name other than localhost counts as reachable."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_api(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


class Guard:
    """Pure ASGI middleware, so that a refused request costs no routing and no more of its body is read
    than the limit."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        token: str | None,
        max_url_bytes: int,
        max_body_bytes: int,
        response_headers: Mapping[str, str],
    ) -> None:
        """``response_headers`` go on every response, refusals included."""
        self.app = app
        self.response_headers = dict(response_headers)
        self.max_url_bytes = max_url_bytes
        self.max_body_bytes = max_body_bytes
        self._token_digest = _digest(token) if token is not None else None
        self._cookie = hmac.new(token.encode(), _COOKIE_LABEL, hashlib.sha256).hexdigest() if token else ""
        self._cookie_digest = _digest(self._cookie)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        send = self._finishing(send, head=head)
        headers = _headers(scope)
        try:
            self._check_target(scope)
            receive = await self._check_body(headers, receive)
            if self._token_digest is not None:
                redirect = self._authenticate(scope, headers)
                if redirect is not None:
                    await redirect(scope, receive, send)
                    return
            if scope["method"] not in READ_METHODS:
                raise MethodNotAllowed(f"{scope['method']} is not served: every route is read-only")
        except ClaimgraphError as exc:
            await error_response(exc)(scope, receive, send)
            return
        # The routes answer GET only; a HEAD is their GET with the body left out (by ``_finishing``).
        await self.app({**scope, "method": "GET"} if head else scope, receive, send)

    def _finishing(self, send: Send, *, head: bool) -> Send:
        async def finish(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(raw=message["headers"])
                for name, value in self.response_headers.items():
                    headers[name] = value
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        return finish

    def _check_target(self, scope: Scope) -> None:
        path: bytes = scope.get("raw_path") or scope["path"].encode()
        query: bytes = scope["query_string"]
        length = len(path) + (len(query) + 1 if query else 0)
        if length > self.max_url_bytes:
            raise TargetTooLong(
                f"the path and query are {length} bytes; this server answers at most {self.max_url_bytes}"
            )

    async def _check_body(self, headers: dict[str, str], receive: Receive) -> Receive:
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                raise UsageError("the Content-Length header is not a number")
            if int(declared) > self.max_body_bytes:
                raise BodyTooLarge(
                    f"a request body of {int(declared)} bytes; this server takes at most "
                    f"{self.max_body_bytes} (every route is GET)"
                )
            return receive
        if "chunked" not in headers.get("transfer-encoding", "").lower():
            return receive
        # A chunked body announces no length: read it here, up to the limit, and hand it on as received.
        received: list[Message] = []
        size = 0
        while True:
            message = await receive()
            received.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.max_body_bytes:
                raise BodyTooLarge(
                    f"a request body over {self.max_body_bytes} bytes, the most this server takes "
                    "(every route is GET)"
                )
            if not message.get("more_body", False):
                break
        pending: Iterator[Message] = iter(received)

        async def replay() -> Message:
            return next(pending, None) or await receive()

        return replay

    def _authenticate(self, scope: Scope, headers: dict[str, str]) -> Response | None:
        """None when the request carries the token; a redirect that sets the cookie when a page is
        opened with the right ?token=; Unauthorized otherwise."""
        query = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
        given = [value for name, value in query if name == "token"]
        if given and scope["method"] in READ_METHODS and not is_api(scope["path"]):
            if not self._is_token(given[-1]):
                raise Unauthorized("the token in the address is not this server's token")
            return self._set_cookie(scope, [(n, v) for n, v in query if n != "token"])
        scheme, _, credentials = headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and self._is_token(credentials.strip()):
            return None
        cookie = cookie_parser(headers.get("cookie", "")).get(COOKIE)
        if cookie is not None and hmac.compare_digest(_digest(cookie), self._cookie_digest):
            return None
        raise Unauthorized(
            "this server needs its token: send the header `Authorization: Bearer TOKEN`, "
            "or open any page once with ?token=TOKEN to get a cookie for the browser"
        )

    def _is_token(self, value: str) -> bool:
        assert self._token_digest is not None
        # Digests of equal length: the comparison takes as long whatever the value and its length.
        return hmac.compare_digest(_digest(value), self._token_digest)

    def _set_cookie(self, scope: Scope, rest: list[tuple[str, str]]) -> Response:
        # One leading slash only: "//host" in a Location would send the browser to another site.
        location = "/" + quote(scope["path"].lstrip("/"), safe="/:@!$&'()*+,;=-._~")
        if rest:
            location += "?" + urlencode(rest)
        response = Response(status_code=303, headers={"Location": location, "Cache-Control": "no-store"})
        response.set_cookie(
            COOKIE,
            self._cookie,
            path="/",
            httponly=True,
            samesite="strict",
            secure=scope.get("scheme") == "https",
        )
        return response


def _digest(value: str) -> bytes:
    return hashlib.sha256(value.encode("utf-8", "surrogateescape")).digest()


def _headers(scope: Scope) -> dict[str, str]:
    """Header values by lower-case name; repeated headers joined as HTTP allows (cookies by "; ")."""
    out: dict[str, str] = {}
    for raw_name, raw_value in scope["headers"]:
        name, value = raw_name.decode("latin-1").lower(), raw_value.decode("latin-1")
        if name in out:
            value = out[name] + ("; " if name == "cookie" else ", ") + value
        out[name] = value
    return out
