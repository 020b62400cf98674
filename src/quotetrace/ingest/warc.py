"""Web archives (``.warc``, ``.warc.gz``) with warcio: each HTTP response record is a Capture of its URL.

A response record gives a Capture (URL, WARC-Date, HTTP status, hash of the page's main text, redirect
target, whether the main text is a removal notice), and, when it is an HTML page with main text that is not
a removal notice, a RawDocument carrying that text. Problems are Skips with a coded message naming the file
and the record; the rest of the file still comes through:

- a record of a non-HTML response (PDF, image, JSON) is captured but gives no document (W016);
- a response with no WARC-Date cannot be placed in time and is skipped (E017); a payload ``Date`` header
  that disagrees with the WARC-Date by more than a day is reported and the WARC-Date kept (W018);
- a record whose WARC-Record-ID was already seen in the file is skipped (E019);
- a truncated or corrupt record ends what can be read of the file (E020): the records before it are kept.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from quotetrace.errors import E
from quotetrace.ingest.decode import decode_bytes
from quotetrace.ingest.html import html_to_text
from quotetrace.model import Capture, RawDocument, Skip

WARC_SUFFIXES = (".warc", ".warc.gz")

# A page whose main text is only this is gone, whatever its HTTP status says. Short texts only: an article
# that *reports* a removal is not a removal notice.
_REMOVAL_NOTICE = re.compile(
    r"(?:(?:this|the) (?:article|page|story|post|content|statement|item)[^.]{0,40}?"
    r"(?:has been|was|is|have been) (?:removed|deleted|taken down|withdrawn|unpublished)"
    r"|no longer (?:available|accessible|online)|page (?:was )?not found|content (?:is )?unavailable"
    r"|(?:removed|taken down) (?:at the request|following a request|on the orders?)|error 404)",
    re.IGNORECASE,
)
MAX_NOTICE_CHARS = 600
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_removal_notice(text: str) -> bool:
    """True when a page's main text is a short "this page has been removed" notice."""
    return len(text) <= MAX_NOTICE_CHARS and _REMOVAL_NOTICE.search(text) is not None


def text_hash(text: str) -> str:
    """sha256 of the main text with spacing normalised: two captures with equal hashes say the same."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def read_warc(path: Path, source: str) -> Iterator[RawDocument | Skip | Capture]:
    """Captures, documents and Skips of one WARC file, in record order."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError as error:  # pragma: no cover - warcio is a dependency
        yield Skip(source, E.UNREADABLE.format(detail=f"warcio is not installed ({error})"))
        return
    seen: set[str] = set()
    number = 0
    try:
        with path.open("rb") as handle:
            for number, record in enumerate(ArchiveIterator(handle, check_digests=False), start=1):
                if record.rec_type != "response":
                    continue
                yield from _response(record, f"{source}#{number}", seen)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, Exception) as error:
        detail = " ".join(f"{type(error).__name__}: {error}".split())[:200]
        yield Skip(source, E.WARC_CORRUPT.format(record=number + 1, detail=detail))


def _response(record: Any, where: str, seen: set[str]) -> Iterator[RawDocument | Skip | Capture]:
    headers = record.rec_headers
    record_id = headers.get_header("WARC-Record-ID")
    if record_id:
        if record_id in seen:
            yield Skip(where, E.WARC_DUPLICATE.format(record_id=record_id))
            return
        seen.add(record_id)
    url = headers.get_header("WARC-Target-URI")
    date = headers.get_header("WARC-Date")
    if not url:
        yield Skip(where, str(E.WARC_NO_URL))
        return
    if not date or _parse_date(date) is None:
        yield Skip(where, E.WARC_NO_DATE.format(url=url))
        return
    http = record.http_headers
    status = _status(http)
    payload: bytes = record.content_stream().read()
    if http is not None and (other := http.get_header("Date")):
        conflict = _date_conflict(date, other)
        if conflict:
            yield Skip(where, E.WARC_DATE_CONFLICT.format(warc_date=date, http_date=other), fatal=False)
    content_type = (http.get_header("Content-Type") or "") if http is not None else ""
    location = http.get_header("Location") if http is not None and status and 300 <= status < 400 else None
    is_html = content_type.split(";")[0].strip().lower() in _HTML_TYPES or (
        not content_type and payload.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html"))
    )
    text: str | None = None
    title = published_at = None
    notes: list[str] = []
    if is_html and status is not None and 200 <= status < 300 and payload.strip():
        try:
            html, notes = decode_bytes(payload)
        except Exception:
            html = ""
        extracted = html_to_text(html) if html else None
        if extracted is not None:
            text, title, published_at = extracted.text, extracted.title, extracted.published_at
    notice = text is not None and is_removal_notice(text)
    digest = text_hash(text) if text is not None else hashlib.sha256(payload).hexdigest()
    yield Capture(url, date, status, digest, location, notice, where)
    if status is not None and 200 <= status < 300 and not is_html:
        yield Skip(where, E.WARC_NOT_HTML.format(url=url, content_type=content_type or "unknown"), fatal=False)
    elif text is not None and not notice:
        yield RawDocument(
            id=url, source=where, text=text, url=url, title=title, published_at=published_at, fetched_at=date,
            notes=notes,
        )


def _status(http: Any) -> int | None:
    if http is None:
        return None
    try:
        return int(str(http.get_statuscode()))
    except (TypeError, ValueError):
        return None


def _parse_date(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _date_conflict(warc_date: str, http_date: str) -> bool:
    """True when the server's Date header is more than a day away from the WARC-Date."""
    ours = _parse_date(warc_date)
    try:
        theirs = parsedate_to_datetime(http_date)
    except (TypeError, ValueError, IndexError):
        return True
    if ours is None or ours.tzinfo is None or theirs.tzinfo is None:
        return False
    return abs((ours - theirs).total_seconds()) > 86400
