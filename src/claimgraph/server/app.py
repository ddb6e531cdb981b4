"""The ASGI application: API under /api (OpenAPI at /openapi.json), pages at /, static files, one error
shape, security headers on every response, and the guard (``guard``) in front of it all."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from claimgraph import __version__
from claimgraph.errors import ClaimgraphError, StoreError, UsageError
from claimgraph.server import api, ui
from claimgraph.server.corpus import Corpus
from claimgraph.server.guard import Guard, check_token, error_json, error_response, http_status
from claimgraph.settings import DEFAULT_SETTINGS, Settings

# No script from anywhere, no plugin, no framing: article text can say what it likes.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(*, settings: Settings = DEFAULT_SETTINGS, token: str | None = None) -> FastAPI:
    """The app over the store at ``settings.db``; with a ``token``, every request must carry it (see
    ``guard``)."""
    if not Path(settings.db).exists():
        raise StoreError(f"{settings.db}: no store here; run `claimgraph ingest` first")
    if token is not None:
        check_token(token)
    if settings.max_url_bytes < 256 or settings.max_body_bytes < 0:
        raise UsageError(
            f"max_url_bytes {settings.max_url_bytes} and max_body_bytes {settings.max_body_bytes}: the first "
            "must be at least 256 (the UI's own links are longer than that), the second at least 0"
        )
    app = FastAPI(
        title="claimgraph",
        version=__version__,
        description="Who said what, when, about what, and who says otherwise — over one claimgraph store.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.corpus = Corpus(settings)
    app.include_router(api.router)
    app.include_router(ui.router)
    app.mount("/static", StaticFiles(directory=str(Path(__file__).parent / "static")), name="static")
    app.add_middleware(
        Guard,
        token=token,
        max_url_bytes=settings.max_url_bytes,
        max_body_bytes=settings.max_body_bytes,
        response_headers=SECURITY_HEADERS,
    )

    @app.exception_handler(ClaimgraphError)
    async def claimgraph_error(request: Request, exc: ClaimgraphError) -> Response:
        if request.url.path.startswith("/api"):
            return error_response(exc)
        return _error(request, http_status(exc), exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return _error(request, 422, "invalid-request", problems)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, "http-error", str(exc.detail))

    return app


def _error(request: Request, status: int, code: str, message: str) -> Response:
    if request.url.path.startswith("/api"):
        return error_json(status, code, message)
    return ui.TEMPLATES.TemplateResponse(request, "error.html", {"message": message}, status_code=status)
