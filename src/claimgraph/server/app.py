"""The ASGI application: API under /api (OpenAPI at /openapi.json), pages at /, static files, one error
shape, and security headers on every response."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from claimgraph import __version__
from claimgraph.errors import ClaimgraphError, StoreError, UnknownDocument, UnknownEntity, UsageError
from claimgraph.server import api, ui
from claimgraph.server.corpus import Corpus
from claimgraph.settings import DEFAULT_SETTINGS, Settings

# No script from anywhere, no plugin, no framing: article text can say what it likes.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
_STATUS = {UnknownDocument: 404, UnknownEntity: 404, UsageError: 400, StoreError: 503}


def create_app(*, settings: Settings = DEFAULT_SETTINGS) -> FastAPI:
    if not Path(settings.db).exists():
        raise StoreError(f"{settings.db}: no store here; run `claimgraph ingest` first")
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

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.exception_handler(ClaimgraphError)
    async def claimgraph_error(request: Request, exc: ClaimgraphError) -> Response:
        return _error(request, _STATUS.get(type(exc), 500), exc.code, exc.message)

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
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    return ui.TEMPLATES.TemplateResponse(request, "error.html", {"message": message}, status_code=status)
