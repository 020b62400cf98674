"""The HTML pages: search, speakers, a speaker, a document, a statement's provenance. Thin over the queries.

Templates are rendered with autoescaping on: every value from the store is text, never markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined

from quotetrace import __version__
from quotetrace.model import QUOTE_KINDS
from quotetrace.web import context, queries
from quotetrace.web.charts import bar_chart, timeline_chart
from quotetrace.web.highlight import segments
from quotetrace.web.provenance import history, timeline
from quotetrace.web.rest import document_with_captures, quote_page

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 50


def _query_string(values: Mapping[str, object]) -> str:
    """``?a=1&b=2`` of the values that are set (empty string when none is)."""
    pairs = [(k, str(v)) for k, v in values.items() if v not in (None, "")]
    return "?" + urlencode(pairs) if pairs else ""


def _safe_href(url: str | None) -> str | None:
    """Only http(s) links leave the site: a stored ``javascript:`` URL is shown as text, never linked."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def _path_segment(value: object) -> str:
    """An id as one URL path segment ("/" and everything else special percent-encoded)."""
    return quote(str(value), safe="")


def make_environment() -> Environment:
    env = Environment(
        loader=PackageLoader("quotetrace.web", "templates"), autoescape=True, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["qs"] = _query_string
    env.filters["safe_href"] = _safe_href
    env.filters["path"] = _path_segment
    env.globals["version"] = __version__
    env.globals["kinds"] = QUOTE_KINDS
    return env


_ENV = make_environment()


def render(name: str, status: int = 200, **values: Any) -> HTMLResponse:
    return HTMLResponse(_ENV.get_template(name).render(**values), status_code=status)


def error_page(status: int, message: str) -> HTMLResponse:
    return render("error.html", status=status, status_code=status, message=message, title=f"Error {status}")


@router.get("/", response_class=HTMLResponse)
def search(
    request: Request,
    q: str | None = None, speaker: str | None = None, outlet: str | None = None, since: str | None = None,
    until: str | None = None, kind: str | None = None, cursor: str | None = None,
) -> HTMLResponse:
    filters = context.quote_filters(q, speaker, outlet, since, until, kind)
    page = quote_page(context.store(request), filters, PAGE_SIZE, cursor)
    form = {"q": q, "speaker": speaker, "outlet": outlet, "since": since, "until": until, "kind": kind}
    return render("search.html", title="Search" if not q else f"“{q}”", form=form, page=page, cursor=cursor)


@router.get("/speakers", response_class=HTMLResponse)
def speakers(request: Request, q: str | None = None) -> HTMLResponse:
    hits = queries.find_speakers(context.store(request), context.text_param("q", q), 100)
    return render("speakers.html", title="Speakers", q=q, speakers=hits)


@router.get("/speakers/{speaker_id:path}", response_class=HTMLResponse)
def speaker(request: Request, speaker_id: str, cursor: Annotated[str | None, Query()] = None) -> HTMLResponse:
    store = context.store(request)
    speaker_id = context.identifier("speaker_id", speaker_id)
    hit = queries.get_speaker(store, speaker_id)
    if hit is None:
        raise context.ApiError(404, f"no speaker {speaker_id!r}")
    months, undated = queries.speaker_timeline(store, speaker_id)
    page = quote_page(store, queries.QuoteFilters(speaker_id=speaker_id), PAGE_SIZE, cursor)
    return render("speaker.html", title=hit.name, speaker=hit, chart=bar_chart(months), undated=undated,
                  page=page, cursor=cursor)


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document(request: Request, doc_id: str) -> HTMLResponse:
    view, captures = document_with_captures(request, doc_id)
    return render(
        "document.html", title=view.title or view.id, doc=view, segments=segments(view.text, view.quotes),
        captures=captures, page=history(view.doc_id, captures),
    )


@router.get("/statements/{statement_id:path}", response_class=HTMLResponse)
def statement(request: Request, statement_id: str) -> HTMLResponse:
    key = context.identifier("statement_id", statement_id)
    found = timeline(context.store(request), key)
    if found is None:
        raise context.ApiError(404, f"no statement {key!r}")
    return render("statement.html", title="Statement", statement=found, chart=timeline_chart(found.sightings))
