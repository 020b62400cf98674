"""What one capture shows of its page: up, moved, gone, down or blocked, with the reason and the evidence.

The HTTP status decides first (404/410/451 gone, 5xx down, 401/403/429 blocked, a redirect to the front page
gone), then the page's own words (``liveness_lexicon``): a 200 whose short text is a not-found page, a removal
notice, a bot wall or a geo-block is not the article, and a 403 or 503 showing a challenge page is a bot wall.
A page only counts as speaking of itself when it is short and reads as a notice (it addresses the reader more
than it reports): an article that *reports* a removal, or is *about* captchas, stays content.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from quotetrace import liveness_lexicon as lex
from quotetrace.model import Capture, CaptureState


@dataclass(frozen=True, slots=True)
class Verdict:
    """A capture's state, a short ``reason`` code and the ``detail`` matched (a phrase, a header)."""

    state: CaptureState
    reason: str
    detail: str | None = None


def _compile(patterns: Sequence[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE | re.MULTILINE)


_NOT_FOUND = _compile(lex.NOT_FOUND)
_REMOVED = _compile(lex.REMOVED)
_LEGAL = _compile(lex.LEGAL)
_BOT_WALL = _compile(lex.BOT_WALL)
_GEO_BLOCK = _compile(lex.GEO_BLOCK)
_TITLE_ONLY = _compile(lex.TITLE_ONLY)
_READER_ADDRESS = _compile(lex.READER_ADDRESS)
_REPORTING = _compile(lex.REPORTING)
_REMOVAL_SEGMENT = re.compile(lex.REMOVAL_PATH_SEGMENT, re.IGNORECASE)
_WALL_SEGMENT = re.compile(lex.WALL_PATH_SEGMENT, re.IGNORECASE)
_FETCH_ERROR = _compile(lex.FETCH_ERROR)
_TITLE_SEPARATORS = re.compile(r"\s+[|–—·-]{1,2}\s+|\s*\|\s*")
_SPACES = re.compile(r"\s+")
# A title segment is the phrase itself when the phrase covers this much of it ("Page not found", not
# "Page not found: why the ministry's site went dark").
_TITLE_COVER = 0.6

# In the order they are tried: a wall or a block says nothing of the page, so it wins over a removal phrase.
_PAGE_KINDS: tuple[tuple[re.Pattern[str], CaptureState, str], ...] = (
    (_BOT_WALL, "blocked", "bot_wall"),
    (_GEO_BLOCK, "blocked", "geo_block"),
    (_REMOVED, "gone", "removal_notice"),
    (_NOT_FOUND, "gone", "soft_404"),
)


def _normal(text: str) -> str:
    return _SPACES.sub(" ", text.replace("’", "'").replace("ё", "е").replace("Ё", "Е")).strip()


def page_verdict(title: str | None, text: str | None) -> Verdict | None:
    """What a page's own words say of it (a wall, a geo-block, a removal, a not-found page); None for content."""
    found = _title_verdict(title) if title else None
    if found is None and text is not None:
        found = _text_verdict(_normal(text))
    if found is None or found.state != "gone":
        return found
    where = " ".join(_normal(part) for part in (title, text) if part and len(part) <= lex.MAX_NOTICE_CHARS)
    legal = _LEGAL.search(where)
    return Verdict("gone", "legal", f"{found.detail}; {legal.group()}") if legal else found


def _title_verdict(title: str) -> Verdict | None:
    for segment in _TITLE_SEPARATORS.split(_normal(title)):
        segment = segment.strip(" .…!?¡¿-–—")
        if not segment:
            continue
        if _TITLE_ONLY.search(segment):
            return Verdict("gone", "soft_404", f"title: {segment}")
        for pattern, state, reason in _PAGE_KINDS:
            match = pattern.search(segment)
            if match and len(match.group()) >= _TITLE_COVER * len(segment):
                return Verdict(state, reason, f"title: {segment}")
    return None


def _text_verdict(text: str) -> Verdict | None:
    if not text or len(text) > lex.MAX_NOTICE_CHARS:
        return None
    # news about a removal reports it (said, according to, сообщил); a notice speaks to its reader
    if len(_REPORTING.findall(text)) > len(_READER_ADDRESS.findall(text)):
        return None
    for pattern, state, reason in _PAGE_KINDS:
        match = pattern.search(text)
        if match:
            return Verdict(state, reason, match.group())
    return None


def response_verdict(
    status: int | None,
    url: str,
    *,
    location: str | None = None,
    title: str | None = None,
    text: str | None = None,
    truncated: bool = False,
) -> Verdict:
    """The state of one HTTP response: its status first, then what its page says of itself."""
    if status is None:
        return Verdict("down", "no_response", "no HTTP status line")
    if 300 <= status < 400:
        return redirect_verdict(status, url, location)
    page = page_verdict(title, text)
    if status in lex.GONE_STATUSES:
        legal = status in lex.LEGAL_STATUSES or (page is not None and page.reason == "legal")
        return Verdict("gone", "legal" if legal else _GONE_REASONS.get(status, "not_found"), f"http {status}")
    if page is not None and (page.state == "blocked" or 400 <= status < 500):
        return page  # a challenge page on a 403 or a 503, a removal notice served with a 403
    if status in lex.BLOCKED_STATUSES:
        return Verdict("blocked", _BLOCKED_REASONS.get(status, "forbidden"), f"http {status}")
    if status in lex.TIMEOUT_STATUSES:
        return Verdict("down", "timeout", f"http {status}")
    if status >= 500:
        return Verdict("down", "server_error", f"http {status}")
    if status >= 400:
        return Verdict("down", "client_error", f"http {status}")
    if page is not None:
        return page
    if status < 200:
        return Verdict("down", "client_error", f"http {status}")
    if truncated:
        return Verdict("up", "truncated", "only the start of the page was recorded")
    return Verdict("up", "ok" if text else "no_text", None if text else "no main text")


_GONE_REASONS = {404: "not_found", 410: "gone", 451: "legal"}
_BLOCKED_REASONS = {401: "login", 402: "payment", 403: "forbidden", 407: "login", 429: "rate_limited"}


def redirect_verdict(status: int, url: str, location: str | None) -> Verdict:
    """A redirect: to the front page or a removal page (gone), to a log-in or consent page (blocked), else moved."""
    if status == 304:
        return Verdict("up", "not_modified", "http 304")
    if not location:
        return Verdict("down", "bad_redirect", f"http {status} without a Location")
    source, target = urlsplit(url), urlsplit(location)
    host = (target.hostname or source.hostname or "").casefold()
    segments = [s.rsplit(".", 1)[0] if "." in s else s for s in target.path.split("/") if s]
    if host.startswith(lex.WALL_HOST_PREFIXES) or any(_WALL_SEGMENT.match(s) for s in segments):
        return Verdict("blocked", "login", f"redirect to {location}")
    if any(_REMOVAL_SEGMENT.match(s) for s in segments):
        return Verdict("gone", "removal_redirect", f"redirect to {location}")
    if _is_front_page(target.path) and not _is_front_page(source.path):
        return Verdict("gone", "front_page_redirect", f"redirect to {location}")
    return Verdict("moved", "redirect", f"redirect to {location}")


def _is_front_page(path: str) -> bool:
    return path.strip("/").casefold() in lex.FRONT_PAGE_PATHS


def fetch_error(text: str) -> str | None:
    """The words of a crawler's log (a WARC metadata or resource record) that say a fetch failed."""
    match = _FETCH_ERROR.search(text)
    return None if match is None else match.group()


def fetch_error_reason(words: str) -> str:
    return "timeout" if "time" in words.casefold() else "connection_error"


def is_html_type(content_type: str | None) -> bool:
    return (content_type or "").split(";")[0].strip().casefold() in lex.HTML_TYPES


def is_asset(content_type: str | None, url: str) -> bool:
    """Page furniture (an image, a script, a style sheet, a feed, JSON): captured, never a page."""
    kind = (content_type or "").split(";")[0].strip().casefold()
    if kind.startswith(lex.ASSET_TYPE_PREFIXES) or kind in lex.ASSET_TYPES:
        return True
    return urlsplit(url).path.casefold().endswith(lex.ASSET_SUFFIXES)


def is_page_capture(capture: Capture) -> bool:
    """Whether this capture is of a page: an HTML answer, or an error at a URL that is not furniture."""
    if capture.http_status is not None and 200 <= capture.http_status < 300 and capture.content_type:
        return is_html_type(capture.content_type)
    return not is_asset(None, capture.url) and not urlsplit(capture.url).path.casefold().endswith(lex.FILE_SUFFIXES)


def verdict_of(capture: Capture) -> Verdict:
    """The capture's stored verdict, or (a capture read before verdicts were kept) the one its status gives."""
    if capture.state is not None:
        return Verdict(capture.state, capture.reason or capture.state, capture.detail)
    if capture.removal_notice:
        return Verdict("gone", "removal_notice", "removal notice")
    status = capture.http_status
    if status is None or 200 <= status < 300:
        return Verdict("up", "ok")  # an ingested page with a fetched_at, or a 2xx read before verdicts: it was there
    return response_verdict(status, capture.url, location=capture.location)
