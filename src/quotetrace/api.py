"""The web application over a store: the REST API under /api (OpenAPI at /openapi.json, interactive docs at
/docs, served from the package) and the HTML pages. ``quotetrace serve`` runs it with uvicorn; ``create_app``
is all a test or another server needs.

Errors are JSON under /api (``{"error": {"status", "message"}}``) and a short page elsewhere, with the right
status; an unexpected exception is logged here and answered with a bare 500, never with its traceback.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from quotetrace import __version__
from quotetrace.store import Store
from quotetrace.web import context, ingest, pages, rest
from quotetrace.web.relink import LinkRun, Relinker

log = logging.getLogger("quotetrace.api")

TOKEN_ENV = "QUOTETRACE_TOKEN"
SERVE_ENV = "QUOTETRACE_SERVE"  # how `quotetrace serve --workers N` hands its settings to each worker process


def create_app(
    db_path: str | Path,
    allow_ingest: bool = False,
    token: str | None = None,
    *,
    max_body: int = context.DEFAULT_MAX_BODY,
    processor: context.Processor | None = None,
    link_after_ingest: bool = True,
    link_run: LinkRun | None = None,
) -> FastAPI:
    """The application over the store at ``db_path`` (which must exist; it is opened read-mostly).

    With ``allow_ingest``, ``POST /api/documents`` accepts articles carrying ``Authorization: Bearer TOKEN``:
    ``token``, else ``$QUOTETRACE_TOKEN``, else a random one (read it from ``app.state.quotetrace.token``).
    ``processor`` replaces ``quotetrace.pipeline.process`` for ingest (tests use a fake). Each ingest re-links
    the store in the background unless ``link_after_ingest`` is False; ``link_run`` replaces ``link.link``.
    """
    path = str(db_path)
    Store(path, create=False).close()  # fail now, with the store's own message, not on the first request
    if allow_ingest and not token:
        token = os.environ.get(TOKEN_ENV) or secrets.token_urlsafe(24)
    server = context.ServerConfig(path, allow_ingest=allow_ingest, token=token if allow_ingest else None,
                                  max_body=max_body, processor=processor)
    if allow_ingest and link_after_ingest:
        server.relinker = Relinker(path, link_run)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        server.stores.close()

    app = FastAPI(
        title="quotetrace", version=__version__, lifespan=lifespan,
        # FastAPI's docs pages load their scripts from a CDN; the product works offline, so /docs is our own
        # page (web/templates/docs.html with static/apidocs.js) over the same spec.
        docs_url=None, redoc_url=None,
        description="Search statements, their speakers and documents, and follow where a statement echoed.",
    )
    app.state.quotetrace = server
    app.include_router(rest.router)
    app.include_router(ingest.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(packages=[("quotetrace.web", "static")]), name="static")
    _add_error_handlers(app)
    _publish_errors_as_served(app)
    return app


def app_from_environment() -> FastAPI:
    """The application of one worker process of ``quotetrace serve --workers N`` (uvicorn calls this factory in
    each): the command's settings as JSON in ``$QUOTETRACE_SERVE``, the token in ``$QUOTETRACE_TOKEN``."""
    settings = json.loads(os.environ[SERVE_ENV])
    return create_app(settings["db"], allow_ingest=bool(settings["allow_ingest"]),
                      link_after_ingest=bool(settings["link_after_ingest"]))


def _publish_errors_as_served(app: FastAPI) -> None:
    """The spec as the server answers: a bad parameter is a 400 with our error body, never FastAPI's 422."""
    make_spec = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = make_spec()
            for operations in spec.get("paths", {}).values():
                for operation in operations.values():
                    responses = operation.get("responses", {})
                    if responses.pop("422", None) is not None and "400" not in responses:
                        responses["400"] = {"description": "Bad parameters",
                                            "content": {"application/json": {"schema": _ERROR_REF}}}
            schemas = spec.get("components", {}).get("schemas", {})
            for unused in ("HTTPValidationError", "ValidationError"):
                schemas.pop(unused, None)
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


_ERROR_REF = {"$ref": "#/components/schemas/ErrorOut"}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status, headers=headers)
    response = pages.error_page(status, message)
    if headers:
        response.headers.update(headers)
    return response


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(context.ApiError)
    async def api_error(request: Request, error: context.ApiError) -> Response:
        return _error(request, error.status, error.message, error.headers)

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(request: Request, error: RequestValidationError) -> Response:
        problems = []
        for item in error.errors():
            where = ".".join(str(part) for part in item.get("loc", ()) if part not in ("query", "path", "body"))
            problems.append(f"{where}: {item.get('msg', 'invalid')}")
        return _error(request, 400, "; ".join(problems) or "bad parameters")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        message = error.detail if isinstance(error.detail, str) else "error"
        if error.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return _error(request, error.status_code, message, dict(error.headers or {}))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        log.exception("error while answering %s %s", request.method, request.url.path)
        return _error(request, 500, "internal server error")
