"""The read-only JSON endpoints under /api (ingest is in ``web/ingest.py``). Thin: parameters in, queries out."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse

from quotetrace.link.provenance import LIVENESS, PageHistory, page_order, pages
from quotetrace.model import Capture
from quotetrace.store import Store
from quotetrace.web import context, queries
from quotetrace.web.provenance import history, trace_object
from quotetrace.web.schemas import (
    CaptureOut,
    DocumentOut,
    ErrorOut,
    MonthCount,
    PageList,
    ProvenanceOut,
    QuoteOut,
    QuotePage,
    SpeakerDetail,
    SpeakerList,
    SpeakerOut,
)

router = APIRouter(
    prefix="/api",
    responses={400: {"model": ErrorOut, "description": "Bad parameters"},
               500: {"model": ErrorOut, "description": "Server error (no details leave the server)"}},
)

def quote_page(
    store: Store, filters: queries.QuoteFilters, limit: int, cursor: str | None
) -> dict[str, Any]:
    """One page of quotes and the cursor of the next (None when this page is the last), shaped as QuotePage.

    Plain dicts, not models: this is the hot path, and validating fifty models twice costs more than the query.
    """
    hits = queries.search_quotes(store, filters, limit + 1, context.decode_cursor(cursor))
    more = len(hits) > limit
    hits = hits[:limit]
    next_cursor = context.encode_cursor(hits[-1].sort_key) if more and hits else None
    return {"results": [h.to_dict() for h in hits], "next_cursor": next_cursor}


@router.get("/quotes", response_model=QuotePage, summary="Search quotes")
def search_quotes(
    request: Request,
    q: Annotated[str | None, Query(description="Words that must all occur in the quote (full text).")] = None,
    speaker: Annotated[str | None, Query(description="Speaker's name or mention contains this.")] = None,
    speaker_id: Annotated[str | None, Query(description="Exactly this speaker.")] = None,
    outlet: Annotated[str | None, Query(description="Published by this outlet (e.g. example.org).")] = None,
    since: Annotated[str | None, Query(description="Published on or after (ISO date).")] = None,
    until: Annotated[str | None, Query(description="Published on or before (ISO date, inclusive).")] = None,
    kind: Annotated[str | None, Query(description="direct, indirect or mixed.")] = None,
    limit: Annotated[int | None, Query(description=f"1 to {context.MAX_LIMIT} (default 50).")] = None,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page.")] = None,
) -> JSONResponse:
    filters = context.quote_filters(q, speaker, outlet, since, until, kind, speaker_id)
    return JSONResponse(quote_page(context.store(request), filters, context.limit(limit), cursor))


@router.get("/speakers", response_model=SpeakerList, summary="Find speakers")
def list_speakers(
    request: Request,
    q: Annotated[str | None, Query(description="Name or alias contains this (case ignored).")] = None,
    limit: Annotated[int | None, Query(description=f"1 to {context.MAX_LIMIT} (default 50).")] = None,
) -> SpeakerList:
    hits = queries.find_speakers(context.store(request), context.text_param("q", q), context.limit(limit))
    return SpeakerList(results=[SpeakerOut.of(h) for h in hits])


@router.get(
    "/speakers/{speaker_id:path}", response_model=SpeakerDetail, summary="One speaker",
    responses={404: {"model": ErrorOut, "description": "No such speaker"}},
)
def get_speaker(request: Request, speaker_id: Annotated[str, Path()]) -> SpeakerDetail:
    store = context.store(request)
    speaker_id = context.identifier("speaker_id", speaker_id)
    hit = queries.get_speaker(store, speaker_id)
    if hit is None:
        raise context.ApiError(404, f"no speaker {speaker_id!r}")
    months, undated = queries.speaker_timeline(store, speaker_id)
    page = quote_page(store, queries.QuoteFilters(speaker_id=speaker_id), 50, None)
    return SpeakerDetail(
        **SpeakerOut.of(hit).model_dump(), over_time=[MonthCount(month=m, quotes=n) for m, n in months],
        undated=undated, quotes_page=QuotePage.model_validate(page),
    )


@router.get(
    "/documents/{doc_id:path}", response_model=DocumentOut, summary="One document with its quotes and captures",
    responses={404: {"model": ErrorOut, "description": "No such document"}},
)
def get_document(request: Request, doc_id: Annotated[str, Path(description="doc_id, or the id as ingested")]
                 ) -> DocumentOut:
    view, captures = document_with_captures(request, doc_id)
    page = history(view.doc_id, captures)
    return DocumentOut(
        doc_id=view.doc_id, id=view.id, source=view.source, url=view.url, outlet=view.outlet, title=view.title,
        published_at=view.published_at, fetched_at=view.fetched_at, language=view.language, text=view.text,
        quotes=[QuoteOut.of(q) for q in view.quotes],
        captures=[
            CaptureOut(url=c.url, fetched_at=c.fetched_at, http_status=c.http_status, content_hash=c.content_hash,
                       location=c.location, removal_notice=c.removal_notice)
            for c in captures
        ],
        liveness=page.liveness, first_seen=page.first_seen, last_seen=page.last_seen, removed_at=page.removed_at,
    )


@router.get(
    "/statements/{statement_id:path}/provenance", response_model=ProvenanceOut,
    summary="Where a statement first appeared and where it echoed (as `quotetrace trace --json`)",
    responses={404: {"model": ErrorOut, "description": "No such statement"}},
)
def get_provenance(request: Request, statement_id: Annotated[str, Path()]) -> dict[str, Any]:
    key = context.identifier("statement_id", statement_id)
    found = trace_object(context.store(request), key)
    if found is None:
        raise context.ApiError(404, f"no statement {key!r}")
    return found


def document_with_captures(request: Request, doc_id: str) -> tuple[queries.DocumentView, list[Capture]]:
    """A document by its store id or its id as ingested, with its page's captures; 404 when unknown."""
    store = context.store(request)
    key = context.identifier("doc_id", doc_id)
    resolved = queries.resolve_document_id(store, key)
    view = None if resolved is None else queries.get_document(store, resolved)
    if view is None:
        raise context.ApiError(404, f"no document {key!r}")
    return view, store.captures([view.doc_id]).get(view.doc_id, [])


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
