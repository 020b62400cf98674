"""The HTML pages: statements (search), quotes, speakers, documents, outlets, a statement's journey, the API docs.

Thin over the store. Templates are rendered with autoescaping on: every value from the store is text, never
markup. A bad filter is shown above the form that holds it (status 400), the other filters kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined

from quotetrace import __version__
from quotetrace.dates import parse_timestamp
from quotetrace.model import ACT_TYPES, DEFAULT_ACT_TYPES, QUOTE_KINDS
from quotetrace.reach import statements
from quotetrace.store import STATEMENT_SORTS, StatementFilters
from quotetrace.store.fts import SYNTAX_HINT
from quotetrace.web import context
from quotetrace.web.charts import SHAPES, SYMBOLS, bar_chart, timeline_chart
from quotetrace.web.highlight import matched_runs, segments
from quotetrace.web.provenance import history, timeline
from quotetrace.web.rest import document_with_captures

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 50
TITLE_WORDS = 8  # a statement page's tab title: the statement's first words


# -- template filters ------------------------------------------------------------------------------------------

def _query_string(values: Mapping[str, object]) -> str:
    """``?a=1&b=2`` of the values that are set (empty string when none is)."""
    pairs = [(k, str(v)) for k, v in values.items() if v not in (None, "") and not (k == "offset" and v == 0)]
    return "?" + urlencode(pairs) if pairs else ""


def _safe_href(url: str | None) -> str | None:
    """Only http(s) links leave the site: a stored ``javascript:`` URL is shown as text, never linked."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def _short_url(url: str | None, width: int = 48) -> str:
    """A URL as a line can hold it: host and path, the middle elided (the link keeps the whole URL)."""
    if not url:
        return ""
    parts = urlsplit(url)
    shown = (parts.netloc + parts.path) if parts.netloc else url
    return shown if len(shown) <= width else shown[: width // 2 - 1] + "…" + shown[-(width // 2):]


def _path_segment(value: object) -> str:
    """An id as one URL path segment ("/" and everything else special percent-encoded)."""
    return quote(str(value), safe="")


_DAY = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def display_time(value: str | None) -> str:
    """Every date one way: the ISO date, then the time where known, in the page's own zone (as published)."""
    if not value:
        return "undated"
    text = value.strip()
    if _DAY.fullmatch(text):
        return text
    parsed = parse_timestamp(text)
    if parsed is None:
        return text
    shown = parsed.strftime("%Y-%m-%d %H:%M")
    offset = parsed.utcoffset()
    if offset is None:
        return shown
    if offset == timedelta(0):
        return shown + " UTC"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    return f"{shown} UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _first_words(text: str, words: int = TITLE_WORDS) -> str:
    found = text.strip(" \"'“”‘’«»„").split()
    return " ".join(found[:words]) + ("…" if len(found) > words else "")


def make_environment() -> Environment:
    env = Environment(
        loader=PackageLoader("quotetrace.web", "templates"), autoescape=True, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["qs"] = _query_string
    env.filters["safe_href"] = _safe_href
    env.filters["short_url"] = _short_url
    env.filters["path"] = _path_segment
    env.filters["when"] = display_time
    env.filters["first_words"] = _first_words
    env.filters["runs"] = matched_runs
    env.globals.update(version=__version__, kinds=QUOTE_KINDS, act_types=ACT_TYPES, sorts=STATEMENT_SORTS,
                       symbols=SYMBOLS, shapes=SHAPES, syntax_hint=SYNTAX_HINT)
    return env


_ENV = make_environment()


def render(name: str, status: int = 200, **values: Any) -> HTMLResponse:
    return HTMLResponse(_ENV.get_template(name).render(**values), status_code=status)


def error_page(status: int, message: str) -> HTMLResponse:
    return render("error.html", status=status, status_code=status, message=message, title=f"Error {status}")


# -- paging ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Pager:
    """Where a page of ``limit`` rows from ``offset`` lies in ``total``: "x–y of N", previous and next."""

    total: int
    offset: int
    limit: int
    shown: int

    @property
    def first(self) -> int:
        return self.offset + 1 if self.shown else 0

    @property
    def last(self) -> int:
        return self.offset + self.shown

    @property
    def previous(self) -> int | None:
        return max(0, self.offset - self.limit) if self.offset > 0 else None

    @property
    def next(self) -> int | None:
        return self.offset + self.limit if self.offset + self.limit < self.total else None


def _number(name: str, value: str | None) -> int | None:
    if value is None or not value.strip():
        return None
    if not value.strip().isdigit():
        raise context.ApiError(400, f"{name}: not a number")
    return int(value)


def _in_force(form: Mapping[str, str | None], labels: Mapping[str, str]) -> list[str]:
    """The filters a form holds, as words for "nothing matches …"."""
    out = []
    for name, label in labels.items():
        value = form.get(name)
        if value:
            out.append(label if label.endswith("only") else f"{label} “{value}”")
    return out


# -- statements (the search page) ----------------------------------------------------------------------------------

_STATEMENT_LABELS = {"q": "words", "speaker": "speaker", "outlet": "outlet", "since": "seen since",
                     "until": "first seen until", "type": "type", "echoed": "echoed only"}


@router.get("/", response_class=HTMLResponse)
def search(
    request: Request, q: str | None = None, speaker: str | None = None, outlet: str | None = None,
    since: str | None = None, until: str | None = None, type: str | None = None,
    echoed: str | None = None, sort: str | None = None, offset: str | None = None,
) -> HTMLResponse:
    form = {"q": q, "speaker": speaker, "outlet": outlet, "since": since, "until": until, "type": type,
            "echoed": "1" if echoed else None, "sort": sort}
    store = context.store(request)
    values: dict[str, Any] = {"form": form, "title": "Statements" if not q else f"“{_first_words(q)}”",
                              "results": [], "pager": None, "error": None, "note": None, "unlinked": False,
                              "in_force": _in_force(form, _STATEMENT_LABELS), "highlights": {}}
    try:
        filters = context.statement_filters(q, speaker, outlet, since, until, [type] if type else None,
                                            2 if echoed else None, sort)
        start = context.offset(_number("offset", offset))
    except context.ApiError as error:
        return render("search.html", status=error.status, **{**values, "error": error.message})
    found = statements(store, filters, PAGE_SIZE, start)
    expression = store.search_expression(filters.q)
    values.update(
        results=found, pager=Pager(store.count_statements(filters), start, PAGE_SIZE, len(found)),
        highlights=store.highlight([r.row.first_quote_id for r in found if r.row.first_quote_id], filters.q),
        note=expression.reduced_to if expression else None,
        unlinked=not found and store.count_statements() == 0 and store.count_quotes() > 0,
    )
    return render("search.html", **values)


# -- quotes -------------------------------------------------------------------------------------------------------

_QUOTE_LABELS = {"q": "words", "speaker": "speaker", "outlet": "outlet", "since": "since", "until": "until",
                 "kind": "kind", "type": "type"}


@router.get("/quotes", response_class=HTMLResponse)
def quotes(
    request: Request, q: str | None = None, speaker: str | None = None, outlet: str | None = None,
    since: str | None = None, until: str | None = None, kind: str | None = None,
    type: str | None = None, offset: str | None = None,
) -> HTMLResponse:
    form = {"q": q, "speaker": speaker, "outlet": outlet, "since": since, "until": until, "kind": kind, "type": type}
    store = context.store(request)
    values: dict[str, Any] = {"form": form, "title": "Quotes", "results": [], "pager": None, "error": None,
                              "in_force": _in_force(form, _QUOTE_LABELS), "highlights": {}}
    try:
        filters = context.quote_filters(q, speaker, outlet, since, until, kind, None, [type] if type else None)
        start = context.offset(_number("offset", offset))
    except context.ApiError as error:
        return render("quotes.html", status=error.status, **{**values, "error": error.message})
    rows = store.search_quotes(filters, PAGE_SIZE, offset=start)
    values.update(results=rows, pager=Pager(store.count_quotes(filters), start, PAGE_SIZE, len(rows)),
                  highlights=store.highlight([r.quote_id for r in rows], filters.q))
    return render("quotes.html", **values)


# -- speakers ---------------------------------------------------------------------------------------------------------

@router.get("/speakers", response_class=HTMLResponse)
def speakers(request: Request, q: str | None = None, offset: str | None = None) -> HTMLResponse:
    store = context.store(request)
    values: dict[str, Any] = {"title": "Speakers", "form": {"q": q}, "speakers": [], "pager": None, "error": None}
    try:
        needle = context.text_param("q", q)
        start = context.offset(_number("offset", offset))
    except context.ApiError as error:
        return render("speakers.html", status=error.status, **{**values, "error": error.message})
    rows = store.search_speakers(needle, PAGE_SIZE, start)
    return render("speakers.html", **{**values, "speakers": rows,
                                      "pager": Pager(store.count_speakers(needle), start, PAGE_SIZE, len(rows))})


@router.get("/speakers/{speaker_id:path}", response_class=HTMLResponse)
def speaker(request: Request, speaker_id: str, offset: str | None = None) -> HTMLResponse:
    store = context.store(request)
    speaker_id = context.identifier("speaker_id", speaker_id)
    row = store.speaker_row(speaker_id)
    if row is None:
        raise context.ApiError(404, f"no speaker {speaker_id!r}")
    start = context.offset(_number("offset", offset))
    filters = StatementFilters(speaker_id=speaker_id, types=DEFAULT_ACT_TYPES)
    months, undated = store.statement_months(speaker_id, DEFAULT_ACT_TYPES)
    found = statements(store, filters, PAGE_SIZE, start)
    pager = Pager(store.count_statements(filters), start, PAGE_SIZE, len(found))
    return render("speaker.html", title=row.name, speaker=row, chart=bar_chart(months), undated=undated,
                  results=found, pager=pager, highlights={})


# -- documents and outlets ------------------------------------------------------------------------------------------

@router.get("/documents", response_class=HTMLResponse)
def documents(
    request: Request, q: str | None = None, outlet: str | None = None, since: str | None = None,
    until: str | None = None, offset: str | None = None,
) -> HTMLResponse:
    store = context.store(request)
    form = {"q": q, "outlet": outlet, "since": since, "until": until}
    values: dict[str, Any] = {"title": "Documents", "form": form, "documents": [], "pager": None, "error": None,
                              "in_force": _in_force(form, {"q": "title", "outlet": "outlet", "since": "since",
                                                           "until": "until"})}
    try:
        filters = context.document_filters(q, outlet, since, until)
        start = context.offset(_number("offset", offset))
    except context.ApiError as error:
        return render("documents.html", status=error.status, **{**values, "error": error.message})
    rows = store.list_documents(filters, PAGE_SIZE, start)
    return render("documents.html", **{**values, "documents": rows,
                                       "pager": Pager(store.count_documents(filters), start, PAGE_SIZE, len(rows))})


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document(request: Request, doc_id: str) -> HTMLResponse:
    row, text, captures = document_with_captures(request, doc_id)
    quotes_found = context.store(request).document_quotes(row.doc_key)
    return render(
        "document.html", title=row.title or row.doc_id, doc=row, quotes=quotes_found,
        segments=segments(text, quotes_found), captures=captures, page=history(row.doc_key, captures),
    )


@router.get("/outlets", response_class=HTMLResponse)
def outlets(request: Request, q: str | None = None, offset: str | None = None) -> HTMLResponse:
    store = context.store(request)
    values: dict[str, Any] = {"title": "Outlets", "form": {"q": q}, "outlets": [], "pager": None, "error": None}
    try:
        needle = context.text_param("q", q)
        start = context.offset(_number("offset", offset))
    except context.ApiError as error:
        return render("outlets.html", status=error.status, **{**values, "error": error.message})
    rows = store.list_outlets(needle, PAGE_SIZE, start)
    return render("outlets.html", **{**values, "outlets": rows,
                                     "pager": Pager(store.count_outlets(needle), start, PAGE_SIZE, len(rows))})


# -- a statement's journey ------------------------------------------------------------------------------------------

@router.get("/statements/{statement_id:path}", response_class=HTMLResponse)
def statement(request: Request, statement_id: str) -> HTMLResponse:
    key = context.identifier("statement_id", statement_id)
    found = timeline(context.store(request), key)
    if found is None:
        raise context.ApiError(404, f"no statement {key!r}")
    chart = timeline_chart(found.documents, display_time)
    statuses = {d.liveness for d in found.documents} | {"edited_out" for d in found.documents if d.edited_out_at}
    return render("statement.html", title=_first_words(found.text), statement=found, chart=chart,
                  statuses=statuses)


# -- interactive API docs -------------------------------------------------------------------------------------------

@router.get("/docs", response_class=HTMLResponse)
def api_docs() -> HTMLResponse:
    return render("docs.html", title="API")

