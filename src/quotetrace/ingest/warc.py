"""Web archives (``.warc``, ``.warc.gz``) with warcio: each HTTP response record is a Capture of its URL.

A response record gives a Capture (URL, WARC-Date, HTTP status, hash of the page's main text, redirect
target, content type, and what it shows: ``ingest/capture_state.py``), and, when it is an HTML page whose text
is the page's content (not a not-found page, a removal notice, a bot wall or a geo-block), a RawDocument
carrying that text. Other records that say something of a URL are captures too:

- a ``revisit`` record (the crawler saw the same payload again) is the page up with the content it refers to;
- a ``request`` record with no response for its URL in the file, or a crawler's ``metadata``/``resource``
  record about a URL whose text says the fetch failed (timed out, connection refused, DNS, TLS), is the page
  ``down`` (there is no standard record for a failed fetch: these are what crawlers leave);
- a response cut short (``WARC-Truncated``, a file that ends inside the record, a body shorter than its
  Content-Length) is ``truncated``: its last paragraph, which may be cut, is dropped from its text.

Problems are Skips with a coded message naming the file and the record; the rest of the file still comes
through:

- a record of a non-HTML response (PDF, a feed) is captured but gives no document (W016); page furniture
  (images, scripts, style sheets, fonts, JSON) is captured silently;
- a response with no WARC-Date cannot be placed in time and is skipped (E017); a payload ``Date`` header
  that disagrees with the WARC-Date by more than a day is reported and the WARC-Date kept (W018);
- a record whose WARC-Record-ID was already seen in the file is skipped (E019);
- a corrupt record ends what can be read of the file (E020): the records before it are kept.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from quotetrace.dates import parse_timestamp
from quotetrace.errors import E
from quotetrace.fingerprint import page_hash
from quotetrace.ingest.capture_state import (
    Verdict,
    fetch_error,
    fetch_error_reason,
    is_asset,
    is_html_type,
    response_verdict,
)
from quotetrace.ingest.decode import decode_bytes
from quotetrace.ingest.html import html_to_text
from quotetrace.model import Capture, RawDocument, Skip

WARC_SUFFIXES = (".warc", ".warc.gz")
# The content hash of a revisit whose response is in another file (the store resolves it by payload digest).
REVISIT_PREFIX = "revisit:"
# (url, payload digest) -> the stored capture of that URL with that payload, if any: a response with the same
# payload shows the same, so it is not read (nor its page extracted) again.
SeenPayload = Callable[[str, str], Capture | None]

_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]+>", re.IGNORECASE | re.DOTALL)
_SPACES = re.compile(r"\s+")
# Of a page with no main text, this much of its visible text is read to tell a wall or a notice.
_VISIBLE_CHARS = 4000
# A request (or a crawler's error note) is answered by a response or revisit of its URL this close in time.
_ANSWER_WINDOW = timedelta(minutes=10)
# Crawler logs larger than this are whole-crawl logs, not a note about one URL.
_MAX_NOTE_BYTES = 20_000


@dataclass(slots=True)
class _FileState:
    """What one file's earlier records tell its later ones."""

    seen: set[str] = field(default_factory=set)  # record ids
    stored: SeenPayload | None = None
    answered: dict[str, list[datetime]] = field(default_factory=dict)  # url -> times of responses and revisits
    pending: list[Capture] = field(default_factory=list)  # requests and error notes waiting for a response
    digests: dict[str, tuple[str, Verdict]] = field(default_factory=dict)  # payload digest -> its response's


def read_warc(
    path: Path, source: str, *, seen: SeenPayload | None = None
) -> Iterator[RawDocument | Skip | Capture]:
    """Captures, documents and Skips of one WARC file, in record order (unanswered requests at the end).

    ``seen`` gives what a response with an already stored payload showed: such a response is a capture of that,
    without its page being read again.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as error:  # pragma: no cover - warcio is a dependency
        yield Skip(source, E.UNREADABLE.format(detail=f"warcio is not installed ({error})"))
        return
    state = _FileState(stored=seen)
    number = 0
    try:
        with path.open("rb") as handle:
            for number, record in enumerate(ArchiveIterator(handle, check_digests=False), start=1):
                yield from _record(record, f"{source}#{number}", state)
    except Exception as error:  # ArchiveLoadFailed, OSError, EOFError, zlib errors: keep what came before
        detail = " ".join(f"{type(error).__name__}: {error}".split())[:200]
        yield Skip(source, E.WARC_CORRUPT.format(record=number + 1, detail=detail))
    yield from _unanswered(state)


def _record(record: Any, where: str, state: _FileState) -> Iterator[RawDocument | Skip | Capture]:
    headers = record.rec_headers
    record_id = headers.get_header("WARC-Record-ID")
    if record_id:
        if record_id in state.seen:
            yield Skip(where, E.WARC_DUPLICATE.format(record_id=record_id))
            return
        state.seen.add(record_id)
    if record.rec_type == "response":
        yield from _response(record, where, state)
    elif record.rec_type == "revisit":
        yield from _revisit(record, where, state)
    elif record.rec_type in ("request", "metadata", "resource"):
        _note(record, where, state)


def _target(record: Any, where: str) -> tuple[str, str] | Skip:
    headers = record.rec_headers
    url, date = headers.get_header("WARC-Target-URI"), headers.get_header("WARC-Date")
    if not url:
        return Skip(where, str(E.WARC_NO_URL))
    if not date or parse_timestamp(date) is None:
        return Skip(where, E.WARC_NO_DATE.format(url=url))
    return url, date


def _response(record: Any, where: str, state: _FileState) -> Iterator[RawDocument | Skip | Capture]:
    target = _target(record, where)
    if isinstance(target, Skip):
        yield target
        return
    url, date = target
    http = record.http_headers
    status = _status(http)
    payload: bytes = record.content_stream().read()
    truncated = _truncated(record, http, payload)
    _answer(state, url, date)
    if http is not None and (other := http.get_header("Date")) and _date_conflict(date, other):
        yield Skip(where, E.WARC_DATE_CONFLICT.format(warc_date=date, http_date=other), fatal=False)
    content_type = (http.get_header("Content-Type") or "") if http is not None else ""
    location = http.get_header("Location") if http is not None and status and 300 <= status < 400 else None
    payload_digest = record.rec_headers.get_header("WARC-Payload-Digest")
    if payload_digest and not truncated and (again := _seen_before(state, url, payload_digest, status)):
        state.digests[payload_digest] = (again.content_hash, Verdict(again.state or "up", again.reason or "ok"))
        yield replace(again, fetched_at=date, source=where, location=location, payload_digest=payload_digest)
        return
    html_page = is_html_type(content_type) or (
        not content_type and payload.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html"))
    )
    page = _read_page(payload, truncated) if html_page and payload.strip() else _Page()
    verdict = _verdict(record, status, url, location, page, truncated)
    digest = page_hash(page.title, page.text) if page.text is not None else hashlib.sha256(payload).hexdigest()
    if payload_digest:
        state.digests[payload_digest] = (digest, verdict)
    mime = content_type.split(";")[0].strip().casefold() or ("text/html" if html_page else None)
    yield Capture(url, date, status, digest, location, verdict.state == "gone" and page.text is not None, where,
                  verdict.state, verdict.reason, verdict.detail, mime, truncated, payload_digest)
    if status is not None and 200 <= status < 300 and not html_page:
        if not is_asset(content_type, url):
            yield Skip(where, E.WARC_NOT_HTML.format(url=url, content_type=content_type or "unknown"), fatal=False)
    elif verdict.state == "up" and page.text:
        yield RawDocument(
            id=url, source=where, text=page.text, url=url, title=page.title, published_at=page.published_at,
            fetched_at=date, notes=page.notes,
        )


def _seen_before(state: _FileState, url: str, payload_digest: str, status: int | None) -> Capture | None:
    if state.stored is None:
        return None
    stored = state.stored(url, payload_digest)
    return stored if stored is not None and stored.http_status == status else None


@dataclass(frozen=True, slots=True)
class _Page:
    text: str | None = None  # main text (of a truncated page: without its last, perhaps cut, paragraph)
    title: str | None = None
    published_at: str | None = None
    visible: str | None = None  # what a page with no main text shows, to tell a wall or a notice
    notes: list[str] = field(default_factory=list)


def _read_page(payload: bytes, truncated: bool) -> _Page:
    try:
        html, notes = decode_bytes(payload)
    except Exception:
        return _Page()
    title_match = _TITLE.search(html, 0, 200_000)
    raw_title = _SPACES.sub(" ", title_match.group(1)).strip() if title_match else None
    extracted = html_to_text(html)
    if extracted is None:
        visible = _SPACES.sub(" ", _TAGS.sub(" ", html)).strip()[:_VISIBLE_CHARS]
        return _Page(title=raw_title, visible=visible or None, notes=notes)
    text = extracted.text
    if truncated:
        blocks = text.split("\n\n")
        text = "\n\n".join(blocks[:-1])
    return _Page(text or None, extracted.title or raw_title, extracted.published_at, notes=notes)


def _verdict(record: Any, status: int | None, url: str, location: str | None, page: _Page,
             truncated: bool) -> Verdict:
    cut = record.rec_headers.get_header("WARC-Truncated")
    if status is None and cut in ("time", "disconnect"):
        reason = "timeout" if cut == "time" else "connection_error"
        return Verdict("down", reason, f"WARC-Truncated: {cut}")
    return response_verdict(status, url, location=location, title=page.title, text=page.text or page.visible,
                            truncated=truncated)


def _truncated(record: Any, http: Any, payload: bytes) -> bool:
    """The record holds only the start of the response: marked so, cut by the end of the file, or short."""
    if record.rec_headers.get_header("WARC-Truncated"):
        return True
    if getattr(record.raw_stream, "limit", 0):  # the file ended before the record's declared length
        return True
    if http is None or http.get_header("Content-Encoding") or http.get_header("Transfer-Encoding"):
        return False
    declared = http.get_header("Content-Length")
    return bool(declared and declared.isdigit() and len(payload) < int(declared))


def _revisit(record: Any, where: str, state: _FileState) -> Iterator[Skip | Capture]:
    """The crawler saw the same payload again: the page was up, with the content of the record it refers to."""
    target = _target(record, where)
    if isinstance(target, Skip):
        yield target
        return
    url, date = target
    _answer(state, url, date)
    status = _status(record.http_headers) or 200
    content_type = record.http_headers.get_header("Content-Type") if record.http_headers is not None else None
    mime = (content_type or "").split(";")[0].strip().casefold() or None
    payload_digest = record.rec_headers.get_header("WARC-Payload-Digest") or ""
    if payload_digest in state.digests:  # the same payload as a response of this file: the same verdict
        digest, verdict = state.digests[payload_digest]
    else:  # its response is in another file: the store ties it to that response's capture by the digest
        digest = f"{REVISIT_PREFIX}{payload_digest}"
        verdict = Verdict("up", "revisit", "revisit of a payload not in this file") if status == 200 else (
            response_verdict(status, url))
    yield Capture(url, date, status, digest, None, False, where, verdict.state, verdict.reason, verdict.detail, mime,
                  payload_digest=payload_digest or None)


def _note(record: Any, where: str, state: _FileState) -> None:
    """A request, or a crawler's note about a URL that says its fetch failed: down unless a response answers it."""
    url, date = record.rec_headers.get_header("WARC-Target-URI"), record.rec_headers.get_header("WARC-Date")
    if not url or not url.startswith(("http://", "https://")) or not date or parse_timestamp(date) is None:
        return
    if record.rec_type == "request":
        verdict = Verdict("down", "connection_error", "a request with no response")
    else:
        body = record.content_stream().read(_MAX_NOTE_BYTES + 1)
        words = fetch_error(body.decode("utf-8", "replace")) if len(body) <= _MAX_NOTE_BYTES else None
        if words is None:
            return
        verdict = Verdict("down", fetch_error_reason(words), f"crawler note: {words}")
    state.pending.append(Capture(url, date, None, "", None, False, where, verdict.state, verdict.reason,
                                 verdict.detail))


def _answer(state: _FileState, url: str, date: str) -> None:
    when = _instant(date)
    if when is not None:
        state.answered.setdefault(url, []).append(when)


def _unanswered(state: _FileState) -> Iterator[Capture]:
    for capture in state.pending:
        when = _instant(capture.fetched_at)
        times = state.answered.get(capture.url, [])
        if when is not None and not any(abs(t - when) <= _ANSWER_WINDOW for t in times):
            yield capture


def _status(http: Any) -> int | None:
    if http is None:
        return None
    try:
        return int(str(http.get_statuscode()))
    except (TypeError, ValueError):
        return None


def _instant(value: str) -> datetime | None:
    """A WARC-Date as a naive UTC time, to compare with others."""
    parsed = parse_timestamp(value)
    if parsed is None or parsed.tzinfo is None:
        return parsed
    return (parsed - (parsed.utcoffset() or timedelta())).replace(tzinfo=None)


def _date_conflict(warc_date: str, http_date: str) -> bool:
    """True when the server's Date header is more than a day away from the WARC-Date."""
    ours = parse_timestamp(warc_date)
    try:
        theirs = parsedate_to_datetime(http_date)
    except (TypeError, ValueError, IndexError):
        return True
    if ours is None or ours.tzinfo is None or theirs.tzinfo is None:
        return False
    return abs((ours - theirs).total_seconds()) > 86400
