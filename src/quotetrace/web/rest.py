"""The read-only JSON endpoints under /api (ingest is in ``web/ingest.py``). Thin: parameters in, store reads out.

Every list answers a page of JSON with its ``total``, or, with ``format=csv`` or ``format=jsonl``, every
matching row (up to ``MAX_EXPORT``, or ``limit`` when given) as a download streamed a thousand rows at a time.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from quotetrace.link.provenance import LIVENESS, PageHistory, page_order, pages, trace
from quotetrace.model import DEFAULT_ACT_TYPES, Capture
from quotetrace.output import (
    DOCUMENT_COLUMNS,
    OUTLET_COLUMNS,
    SIGHTING_COLUMNS,
    STORED_QUOTE_COLUMNS,
    Format,
    document_record,
    outlet_record,
    quote_record,
    record_lines,
    sighting_records,
    speaker_record,
)
from quotetrace.reach import STATEMENT_COLUMNS, statements, with_reach
from quotetrace.store import DocumentRow, QuoteFilters, SortKey, StatementFilters, Store
from quotetrace.web import context
from quotetrace.web.provenance import history
from quotetrace.web.schemas import (
    DocumentList,
    DocumentOut,
    ErrorOut,
    OutletList,
    PageList,
    ProvenanceOut,
    QuotePage,
    SpeakerDetail,
    SpeakerList,
    StatementPage,
)

router = APIRouter(
    prefix="/api",
    responses={400: {"model": ErrorOut, "description": "Bad parameters"},
               500: {"model": ErrorOut, "description": "Server error (no details leave the server)"}},
)

EXPORT_CHUNK = 1000
SPEAKER_COLUMNS = ("speaker_id", "name", "aliases", "descriptors", "anonymous", "quotes", "documents", "statements")

T = TypeVar("T")

# -- parameters shared by the lists ---------------------------------------------------------------------------

Q = Annotated[str | None, Query(description="Search: words that must all occur (any form of a word: funeral "
                                            "finds funerals), \"exact phrase\", a OR b, prefix*, -leave_out. "
                                            "A long passage is searched by its most distinctive words.")]
Speaker = Annotated[str | None, Query(description="Part of the speaker's name or an alias (case, accents and "
                                                  "apostrophes ignored).")]
SpeakerId = Annotated[str | None, Query(description="Exactly this speaker.")]
Outlet = Annotated[str | None, Query(description="Part of the outlet's name (e.g. example.org, or example).")]
Since = Annotated[str | None, Query(description="On or after (ISO date: 2024, 2024-03, 2024-03-01, or a time).")]
Until = Annotated[str | None, Query(description="On or before (ISO date, inclusive at the precision given).")]
Types = Annotated[list[str] | None, Query(alias="type", description="speech, belief, stance or all; repeat or "
                                                                    "comma-separate (default: speech,belief).")]
Limit = Annotated[int | None, Query(description=f"1 to {context.MAX_LIMIT} (default 50); for a download, "
                                                f"1 to {context.MAX_EXPORT} (default: every row).")]
Offset = Annotated[int | None, Query(description="Rows to skip (next_offset of the previous page).")]
FormatParam = Annotated[str | None, Query(alias="format", description="json (default), csv or jsonl: a "
                                                                      "download of every matching row.")]


def export_format(value: str | None) -> Format | None:
    """None for a JSON page; csv or jsonl for a download; 400 otherwise."""
    if value is None or value in ("", "json"):
        return None
    if value in (Format.csv.value, Format.jsonl.value):
        return Format(value)
    raise context.ApiError(400, "format: must be json, csv or jsonl")


def export_limit(value: int | None) -> int:
    if value is None:
        return context.MAX_EXPORT
    if not 1 <= value <= context.MAX_EXPORT:
        raise context.ApiError(400, f"limit: must be between 1 and {context.MAX_EXPORT} for a download")
    return value


def download(name: str, fmt: Format, lines: Iterator[str]) -> StreamingResponse:
    media = "text/csv; charset=utf-8" if fmt is Format.csv else "application/x-ndjson; charset=utf-8"
    return StreamingResponse(lines, media_type=media, headers={
        "Content-Disposition": f'attachment; filename="quotetrace-{name}.{fmt.value}"'})


def _offset_rows(
    request: Request, fetch: Callable[[Store, int, int], list[T]], limit: int, offset: int
) -> Iterator[T]:
    """Every row from ``offset``, ``EXPORT_CHUNK`` at a time; each chunk on the store of the thread running it
    (a streamed body is produced in the thread pool, one step at a time)."""
    server = context.config(request)
    while limit > 0:
        rows = fetch(server.stores.get(), min(EXPORT_CHUNK, limit), offset)
        yield from rows
        if len(rows) < min(EXPORT_CHUNK, limit):
            return
        offset += len(rows)
        limit -= len(rows)


def offset_page(results: list[dict[str, Any]], total: int, offset: int, limit: int) -> dict[str, Any]:
    following = offset + limit
    return {"results": results, "total": total, "offset": offset,
            "next_offset": following if following < total else None}


def _offset_listing(
    request: Request, name: str, columns: Sequence[str],
    fetch: Callable[[Store, int, int], list[dict[str, Any]]], count: Callable[[Store], int],
    limit: int | None, offset: int | None, fmt: str | None,
) -> Response:
    """One page of records with how many there are (JSON), or every record from ``offset`` as a download."""
    start = context.offset(offset)
    export = export_format(fmt)
    if export is None:
        store = context.store(request)
        size = context.limit(limit)
        return JSONResponse(offset_page(fetch(store, size, start), count(store), start, size))
    rows = _offset_rows(request, fetch, export_limit(limit), start)
    return download(name, export, record_lines(rows, columns, export))


# -- quotes ------------------------------------------------------------------------------------------------------

def quote_page(store: Store, filters: QuoteFilters, limit: int, cursor: str | None) -> dict[str, Any]:
    """One page of quotes, how many match, and the cursor of the next page (None on the last), as QuotePage.

    Plain dicts, not models: this is the hot path, and validating fifty models twice costs more than the query.
    """
    rows = store.search_quotes(filters, limit + 1, context.decode_cursor(cursor))
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = context.encode_cursor(rows[-1].sort_key) if more and rows else None
    return {"results": [r.to_dict() for r in rows], "total": store.count_quotes(filters), "next_cursor": next_cursor}


@router.get("/quotes", response_model=QuotePage, summary="Search quotes")
def search_quotes(
    request: Request, q: Q = None, speaker: Speaker = None, speaker_id: SpeakerId = None, outlet: Outlet = None,
    since: Since = None, until: Until = None,
    kind: Annotated[str | None, Query(description="direct, indirect or mixed.")] = None,
    types: Types = None, limit: Limit = None,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page.")] = None,
    doc_id: Annotated[str | None, Query(description="Only this document's quotes (doc_id or doc_key).")] = None,
    fmt: FormatParam = None,
) -> Response:
    filters = context.quote_filters(q, speaker, outlet, since, until, kind, speaker_id, types)
    if doc_id:
        key = context.identifier("doc_id", doc_id)
        filters = replace(filters, doc_id=context.store(request).resolve_document(key) or key)
    export = export_format(fmt)
    if export is None:
        return JSONResponse(quote_page(context.store(request), filters, context.limit(limit), cursor))
    rows = _quote_rows(request, filters, export_limit(limit), context.decode_cursor(cursor))
    flat = export is Format.csv
    return download("quotes", export, record_lines((quote_record(r, flat=flat) for r in rows),
                                                   STORED_QUOTE_COLUMNS, export))


def _quote_rows(request: Request, filters: QuoteFilters, limit: int, after: SortKey | None) -> Iterator[Any]:
    server = context.config(request)
    while limit > 0:
        rows = server.stores.get().search_quotes(filters, min(EXPORT_CHUNK, limit), after)
        yield from rows
        if len(rows) < min(EXPORT_CHUNK, limit):
            return
        after = rows[-1].sort_key
        limit -= len(rows)


# -- statements --------------------------------------------------------------------------------------------------

def statement_page(store: Store, filters: StatementFilters, limit: int, offset: int) -> dict[str, Any]:
    results = [r.to_dict() for r in statements(store, filters, limit, offset)]
    return offset_page(results, store.count_statements(filters), offset, limit)


@router.get("/statements", response_model=StatementPage, summary="Search statements, with how far each travelled")
def search_statements(
    request: Request, q: Q = None, speaker: Speaker = None, speaker_id: SpeakerId = None, outlet: Outlet = None,
    since: Annotated[str | None, Query(description="Last seen on or after (ISO date).")] = None,
    until: Annotated[str | None, Query(description="First seen on or before (ISO date, inclusive).")] = None,
    types: Types = None,
    min_sightings: Annotated[int | None, Query(description="Seen in at least this many documents (2: echoed "
                                                           "statements only).")] = None,
    sort: Annotated[str | None, Query(description="first_seen (oldest first, default), last_seen (latest "
                                                  "first) or sightings (most first).")] = None,
    limit: Limit = None, offset: Offset = None, fmt: FormatParam = None,
) -> Response:
    filters = context.statement_filters(q, speaker, outlet, since, until, types, min_sightings, sort, speaker_id)
    start = context.offset(offset)
    export = export_format(fmt)
    if export is None:
        return JSONResponse(statement_page(context.store(request), filters, context.limit(limit), start))

    def fetch(store: Store, n: int, at: int) -> list[dict[str, Any]]:
        return [r.to_dict() for r in with_reach(store, store.search_statements(filters, n, at))]

    rows = _offset_rows(request, fetch, export_limit(limit), start)
    return download("statements", export, record_lines(rows, STATEMENT_COLUMNS, export))


@router.get(
    "/statements/{statement_id:path}/provenance", response_model=ProvenanceOut,
    summary="Where a statement first appeared and where it echoed (as `quotetrace trace --json`)",
    responses={404: {"model": ErrorOut, "description": "No such statement"}},
)
def get_provenance(
    request: Request, statement_id: Annotated[str, Path()],
    fmt: Annotated[str | None, Query(alias="format", description="json (default: the trace object), csv or "
                                                                 "jsonl (one row per sighting).")] = None,
) -> Response:
    key = context.identifier("statement_id", statement_id)
    export = export_format(fmt)
    found = trace(context.store(request), key)
    if found is None:
        raise context.ApiError(404, f"no statement {key!r}")
    if export is None:
        return JSONResponse(found.to_dict())
    records = sighting_records(found, flat=export is Format.csv)
    return download(f"statement-{key[:40]}", export, record_lines(records, SIGHTING_COLUMNS, export))


# -- speakers ------------------------------------------------------------------------------------------------------

@router.get("/speakers", response_model=SpeakerList, summary="Find speakers")
def list_speakers(
    request: Request,
    q: Annotated[str | None, Query(description="Part of the name or an alias (case, accents and apostrophes "
                                               "ignored).")] = None,
    limit: Limit = None, offset: Offset = None, fmt: FormatParam = None,
) -> Response:
    needle = context.text_param("q", q)

    def fetch(store: Store, n: int, at: int) -> list[dict[str, Any]]:
        return [speaker_record(r) for r in store.search_speakers(needle, n, at)]

    return _offset_listing(request, "speakers", SPEAKER_COLUMNS, fetch, lambda store: store.count_speakers(needle),
                           limit, offset, fmt)


@router.get(
    "/speakers/{speaker_id:path}", response_model=SpeakerDetail, summary="One speaker, with their statements",
    responses={404: {"model": ErrorOut, "description": "No such speaker"}},
)
def get_speaker(request: Request, speaker_id: Annotated[str, Path()]) -> JSONResponse:
    store = context.store(request)
    speaker_id = context.identifier("speaker_id", speaker_id)
    row = store.speaker_row(speaker_id)
    if row is None:
        raise context.ApiError(404, f"no speaker {speaker_id!r}")
    months, undated = store.statement_months(speaker_id, DEFAULT_ACT_TYPES)
    page = statement_page(store, StatementFilters(speaker_id=speaker_id, types=DEFAULT_ACT_TYPES), 50, 0)
    return JSONResponse({
        **speaker_record(row), "over_time": [{"month": m, "statements": n} for m, n in months],
        "undated": undated, "statements_page": page,
    })


# -- documents and outlets ------------------------------------------------------------------------------------------

@router.get("/documents", response_model=DocumentList, summary="List documents")
def list_documents(
    request: Request,
    q: Annotated[str | None, Query(description="Part of the title or of the id as ingested.")] = None,
    outlet: Outlet = None,
    since: Annotated[str | None, Query(description="Published on or after (ISO date).")] = None,
    until: Annotated[str | None, Query(description="Published on or before (ISO date, inclusive).")] = None,
    limit: Limit = None, offset: Offset = None, fmt: FormatParam = None,
) -> Response:
    filters = context.document_filters(q, outlet, since, until)

    def fetch(store: Store, n: int, at: int) -> list[dict[str, Any]]:
        return [document_record(r) for r in store.list_documents(filters, n, at)]

    return _offset_listing(request, "documents", DOCUMENT_COLUMNS, fetch, lambda store: store.count_documents(filters),
                           limit, offset, fmt)


@router.get(
    "/documents/{doc_id:path}", response_model=DocumentOut, summary="One document with its quotes and captures",
    responses={404: {"model": ErrorOut, "description": "No such document"}},
)
def get_document(request: Request, doc_id: Annotated[str, Path(description="doc_id (as ingested) or doc_key")]
                 ) -> JSONResponse:
    row, text, captures = document_with_captures(request, doc_id)
    page = history(row.doc_key, captures)
    quotes = context.store(request).document_quotes(row.doc_key)
    return JSONResponse({
        "doc_id": row.doc_id, "doc_key": row.doc_key, "source": row.source, "url": row.url, "outlet": row.outlet,
        "title": row.title, "published_at": row.published_at, "fetched_at": row.fetched_at,
        "language": row.language, "text": text, "quotes": [q.to_dict() for q in quotes],
        "captures": [
            {"url": c.url, "fetched_at": c.fetched_at, "http_status": c.http_status, "content_hash": c.content_hash,
             "location": c.location, "removal_notice": c.removal_notice}
            for c in captures
        ],
        "liveness": page.liveness, "first_seen": page.first_seen, "last_seen": page.last_seen,
        "removed_at": page.removed_at,
    })


@router.get("/outlets", response_model=OutletList, summary="List outlets")
def list_outlets(
    request: Request,
    q: Annotated[str | None, Query(description="Part of the outlet's name (case and accents ignored).")] = None,
    limit: Limit = None, offset: Offset = None, fmt: FormatParam = None,
) -> Response:
    needle = context.text_param("q", q)

    def fetch(store: Store, n: int, at: int) -> list[dict[str, Any]]:
        return [outlet_record(r) for r in store.list_outlets(needle, n, at)]

    return _offset_listing(request, "outlets", OUTLET_COLUMNS, fetch, lambda store: store.count_outlets(needle),
                           limit, offset, fmt)


def document_with_captures(request: Request, doc_id: str) -> tuple[DocumentRow, str, list[Capture]]:
    """A document by its id as ingested or its key, with its text and its page's captures; 404 when unknown."""
    store = context.store(request)
    key = context.identifier("doc_id", doc_id)
    resolved = store.resolve_document(key)
    found = store.documents_by_key([resolved]) if resolved is not None else {}
    text = store.document_text(resolved) if resolved is not None else None
    if resolved is None or resolved not in found or text is None:
        raise context.ApiError(404, f"no document {key!r}")
    return found[resolved], text, store.captures([resolved]).get(resolved, [])


# -- pages: liveness with its evidence, for a censorship watch ------------------------------------------------------

@router.get("/pages", response_model=PageList, summary="Pages with their liveness and its evidence")
def list_pages(
    request: Request,
    liveness: Annotated[str | None, Query(
        description="Only pages in this state: live, changed, removed, unreachable, blocked or unknown.")] = None,
    since: Annotated[str | None, Query(
        description="Only pages whose evidence (for a removed page: its first evidence of removal) is on or "
                    "after this ISO date.")] = None,
    limit: Annotated[int | None, Query(description=f"1 to {context.MAX_LIMIT} (default 50).")] = None,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page.")] = None,
) -> dict[str, Any]:
    """Every page (each document with a URL, each captured URL that is a page) by first sighting."""
    if liveness is not None and liveness not in LIVENESS:
        raise context.ApiError(400, f"liveness: must be one of {', '.join(LIVENESS)}")
    size, after = context.limit(limit), _page_cursor(cursor)
    found = pages(context.store(request), liveness=[liveness] if liveness else None,
                  since=context.iso_date("since", since))
    rows = [h for h in found if after is None or _page_key(h) > after][: size + 1]
    more = len(rows) > size
    rows = rows[:size]
    next_cursor = _encode_page_cursor(_page_key(rows[-1])) if more and rows else None
    return {"results": [h.to_dict() for h in rows], "next_cursor": next_cursor}


def _page_key(history: PageHistory) -> list[Any]:
    return list(page_order(history))


def _encode_page_cursor(key: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(key, separators=(",", ":")).encode()).decode().rstrip("=")


def _page_cursor(value: str | None) -> list[Any] | None:
    if not value:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        key = None
    if not (isinstance(key, list) and len(key) == 4 and isinstance(key[0], bool)
            and all(isinstance(v, str) for v in key[1:])):
        raise context.ApiError(400, "cursor: not a cursor this server gave out")
    return key
