"""``POST /api/documents``: ingest one article, only when the server allows it and with its bearer token.

The order of refusals: ingest off (403), no or wrong token (401), body too large (413, read no further),
body unusable (400 or 415). The article then goes through the same per-document pipeline as ``ingest``, and
the store is re-linked in the background (``web/relink.py``) unless the server was started with ``--no-link``.
"""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from quotetrace.ingest.decode import decode_bytes
from quotetrace.ingest.jsonl import parse_record
from quotetrace.model import RawDocument, Skip
from quotetrace.web import context
from quotetrace.web.schemas import ErrorOut, IngestOut

router = APIRouter(prefix="/api")

_SOURCE = "api"


def _check_allowed(request: Request, server: context.ServerConfig) -> None:
    if not server.allow_ingest or not server.token:
        raise context.ApiError(403, "ingest is disabled on this server (start it with --allow-ingest)")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    # compare_digest: the time taken does not tell how much of a guessed token was right.
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), server.token.encode()):
        raise context.ApiError(401, "a valid bearer token is required (Authorization: Bearer TOKEN)",
                               headers={"WWW-Authenticate": "Bearer"})


async def _read_body(request: Request, max_bytes: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise context.ApiError(400, "Content-Length is not a number")
        if int(declared) > max_bytes:
            raise context.ApiError(413, f"body too large: at most {max_bytes} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:  # a chunked body declares no length: count as it comes
            raise context.ApiError(413, f"body too large: at most {max_bytes} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _raw_document(body: bytes, content_type: str, request: Request) -> RawDocument:
    if not body.strip():
        raise context.ApiError(400, "empty body: send a JSON article or an HTML page")
    try:
        text, notes = decode_bytes(body)
    except Exception:  # any decoding failure is the client's body, reported as such
        raise context.ApiError(400, "body is not text in a known encoding") from None
    if content_type in ("application/json", ""):
        found = parse_record(text, number=1, name=_SOURCE, source=_SOURCE, notes=notes)
        if isinstance(found, Skip):
            raise context.ApiError(400, found.reason)
        return found
    if content_type in ("text/html", "application/xhtml+xml"):
        params = request.query_params
        url = context.text_param("url", params.get("url"), 2000)
        return RawDocument(
            id=context.text_param("id", params.get("id"), 512) or url or _SOURCE, source=_SOURCE, html=text,
            url=url, outlet=context.text_param("outlet", params.get("outlet")),
            published_at=context.iso_date("published_at", params.get("published_at")), notes=notes,
        )
    raise context.ApiError(415, "send application/json (an article record) or text/html (a page)")


def _ingest(server: context.ServerConfig, raw: RawDocument) -> IngestOut:
    processor = server.processor
    if processor is None:
        from quotetrace.pipeline import process  # spaCy loads only when a server actually ingests

        processor = process
    doc, skips = processor(raw)
    fatal = [s for s in skips if s.fatal]
    if doc is None or fatal:
        raise context.ApiError(400, "; ".join(s.reason for s in fatal) or "the article could not be used")
    from quotetrace.link import store_document  # as `quotetrace ingest` does: the page's capture too

    result = store_document(server.stores.get(), doc)
    if server.relinker is not None and result != "unchanged":
        server.relinker.request()
    return IngestOut(doc_id=doc.id, doc_key=doc.doc_id, result=result, quotes=len(doc.quotes),
                     warnings=[s.reason for s in skips], linking="scheduled" if server.relinker else "off")


@router.post(
    "/documents", response_model=IngestOut, status_code=201, summary="Ingest one article (with --allow-ingest)",
    responses={
        400: {"model": ErrorOut}, 401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 413: {"model": ErrorOut},
        415: {"model": ErrorOut},
    },
    openapi_extra={"requestBody": {"content": {
        "application/json": {"schema": {"type": "object", "properties": {
            "id": {"type": "string"}, "text": {"type": "string"}, "html": {"type": "string"},
            "url": {"type": "string"}, "title": {"type": "string"}, "outlet": {"type": "string"},
            "published_at": {"type": "string"}, "fetched_at": {"type": "string"},
        }}},
        "text/html": {"schema": {"type": "string"}},
    }, "required": True}},
)
async def ingest_document(request: Request) -> IngestOut:
    server = context.config(request)
    _check_allowed(request, server)
    body = await _read_body(request, server.max_body)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    raw = _raw_document(body, content_type, request)
    return await run_in_threadpool(_ingest, server, raw)
