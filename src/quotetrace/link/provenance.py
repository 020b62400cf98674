"""Provenance: a statement's earliest sighting, its echoes in time order, and whether each page is still up.

A sighting's time is the document's ``published_at``, else the first time its page was captured (a WARC
record's date, or the ``fetched_at`` of an ingest). A page's liveness comes from its captures in time order:

- ``removed``: its latest capture answered 404, 410 or 451, redirected to a front page or a removal page, or
  had a removal notice for main text;
- ``changed``: its main text differs between captures (and it is not removed);
- ``live``: otherwise (a page never captured is taken as live: nothing says otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal
from urllib.parse import urlsplit

from quotetrace.model import Capture
from quotetrace.store import MemberRow, Sighting, Store

Liveness = Literal["live", "changed", "removed"]
# Whether a sighting's words are still on its page: ``present`` (in the page's latest text), ``edited_out``
# (the page is up without them), ``page_removed`` (the page is gone), ``unknown`` (never checked).
QuoteStatus = Literal["present", "edited_out", "page_removed", "unknown"]
GONE_STATUSES = frozenset({404, 410, 451})
_REMOVAL_PATHS = ("removed", "deleted", "not-found", "notfound", "404", "gone", "unavailable", "takedown")


def sighting_time(s: Sighting | MemberRow) -> tuple[int, str, str, int]:
    """Sort key: by published_at, else first capture; undated last; then document and quote for a stable order."""
    when = s.published_at or s.seen_at
    return (0 if when else 1, when or "", s.doc_id, s.quote_id)


def _redirects_away(capture: Capture) -> bool:
    if capture.http_status is None or not 300 <= capture.http_status < 400:
        return False
    if not capture.location:
        return True
    target = urlsplit(capture.location)
    path = target.path.strip("/").casefold()
    return not path or any(word in path for word in _REMOVAL_PATHS)


def is_gone(capture: Capture) -> bool:
    """This capture says the page is no longer there."""
    return capture.http_status in GONE_STATUSES or capture.removal_notice or _redirects_away(capture)


def _is_up(capture: Capture) -> bool:
    return (capture.http_status is None or 200 <= capture.http_status < 300) and not capture.removal_notice


@dataclass(frozen=True, slots=True)
class PageHistory:
    """One page's liveness: first and last time seen up, when it was seen gone, and for how long it was up."""

    doc_id: str
    url: str
    liveness: Liveness
    first_seen: str | None
    last_seen: str | None
    removed_at: str | None
    captures: int

    @property
    def up_days(self) -> float | None:
        end = self.removed_at or self.last_seen
        start, stop = _when(self.first_seen), _when(end)
        if start is None or stop is None:
            return None
        return round((stop - start).total_seconds() / 86400, 1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id, "url": self.url, "liveness": self.liveness, "first_seen": self.first_seen,
            "last_seen": self.last_seen, "removed_at": self.removed_at, "up_days": self.up_days,
            "captures": self.captures,
        }


def page_history(doc_id: str, captures: list[Capture]) -> PageHistory:
    """Liveness of one page from its captures (any order)."""
    ordered = sorted(captures, key=lambda c: c.fetched_at)
    up = [c for c in ordered if _is_up(c)]
    liveness: Liveness = "live"
    removed_at = None
    if ordered and is_gone(ordered[-1]):
        liveness = "removed"
        # when it went: the first capture that was gone after the last one that was up
        last_up = up[-1].fetched_at if up else ""
        removed_at = next(c.fetched_at for c in ordered if is_gone(c) and c.fetched_at > last_up)
    elif len({c.content_hash for c in up}) > 1:
        liveness = "changed"
    return PageHistory(
        doc_id=doc_id,
        url=(up[0] if up else ordered[0]).url if ordered else "",
        liveness=liveness,
        first_seen=up[0].fetched_at if up else None,
        last_seen=up[-1].fetched_at if up else None,
        removed_at=removed_at,
        captures=len(ordered),
    )


def pages(store: Store, *, removed_only: bool = False) -> list[PageHistory]:
    """Every captured page with its history, by first sighting."""
    histories = [page_history(doc_id, captures) for doc_id, captures in store.captures().items()]
    if removed_only:
        histories = [h for h in histories if h.liveness == "removed"]
    return sorted(histories, key=lambda h: (h.first_seen is None, h.first_seen or "", h.url))


@dataclass(frozen=True, slots=True)
class Echo:
    """One sighting of a statement: where, when, how (relation), attributed to whom, and is it still up."""

    doc_id: str  # the document's id as ingested (a JSONL record's own id)
    outlet: str | None
    url: str | None
    published_at: str | None
    seen_at: str | None
    relation: str
    speaker: str | None
    misattributed: bool
    liveness: Liveness
    language: str | None = None  # of the page: a translation echo shows the original's language beside its own
    text: str = ""  # the sighting's own words
    title: str | None = None  # of its document
    changes: tuple[tuple[str, str], ...] = ()  # (original, echo) words an ``altered`` echo changed
    quote_status: QuoteStatus = "unknown"
    edited_out_at: str | None = None  # the first capture with the page up and these words gone
    doc_key: str = ""  # the store's key of the document (the hash of its URL or text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id, "outlet": self.outlet, "url": self.url, "published_at": self.published_at,
            "relation": self.relation, "speaker": self.speaker, "liveness": self.liveness, "doc_key": self.doc_key,
            "language": self.language, "title": self.title, "text": self.text,
            "changes": [{"original": a, "echo": b} for a, b in self.changes],
            "quote_status": self.quote_status, "edited_out_at": self.edited_out_at,
        }


@dataclass(frozen=True, slots=True)
class Trace:
    """A statement's provenance: who said it, its first sighting and its echoes in time order."""

    statement_id: str
    speaker: str | None
    text: str
    first_seen: Echo
    echoes: list[Echo]

    def to_dict(self) -> dict[str, Any]:
        first = self.first_seen
        return {
            "statement_id": self.statement_id,
            "speaker": self.speaker,
            "text": self.text,
            "first_seen": {
                "doc_id": first.doc_id, "doc_key": first.doc_key, "outlet": first.outlet, "url": first.url,
                "published_at": first.published_at, "seen_at": first.seen_at, "liveness": first.liveness,
                "language": first.language, "title": first.title, "text": first.text,
                "quote_status": first.quote_status, "edited_out_at": first.edited_out_at,
            },
            "echoes": [
                {**echo.to_dict(), "seen_at": echo.seen_at, "misattributed": echo.misattributed}
                for echo in self.echoes
            ],
        }


@dataclass(frozen=True, slots=True)
class Members:
    """A stored statement's members, the first sighting first then the rest in time order, with the
    capture histories of their pages: what both ``trace`` and the web timeline are drawn from."""

    text: str
    speaker_id: str | None
    speaker: str | None
    rows: list[MemberRow]
    histories: dict[str, list[Capture]]

    def liveness(self, doc_id: str) -> PageHistory:
        return page_history(doc_id, list(self.histories.get(doc_id, [])))

    def misattributed(self, row: MemberRow) -> bool:
        return self.speaker_id is not None and row.speaker_id is not None and row.speaker_id != self.speaker_id


def statement_members(store: Store, statement_id: str) -> Members | None:
    """None when there is no such statement (or it has no members left)."""
    found = store.statement(statement_id)
    if found is None:
        return None
    text, speaker_id, speaker = found
    rows = sorted(store.statement_members(statement_id), key=sighting_time)
    if not rows:
        return None
    first = next((r for r in rows if r.relation == "original"), rows[0])
    ordered = [first, *(r for r in rows if r is not first)]
    return Members(text, speaker_id, speaker, ordered, store.captures(sorted({r.doc_id for r in rows})))


def trace(store: Store, statement_id: str) -> Trace | None:
    """The provenance of one stored statement (after ``quotetrace link``)."""
    members = statement_members(store, statement_id)
    if members is None:
        return None
    echoes = [
        Echo(
            doc_id=r.id, outlet=r.outlet, url=r.url, published_at=r.published_at, seen_at=r.seen_at,
            relation=r.relation or "verbatim", speaker=r.speaker, misattributed=members.misattributed(r),
            liveness=members.liveness(r.doc_id).liveness, language=r.language, text=r.text, changes=r.changes,
            doc_key=r.doc_id,
        )
        for r in members.rows
    ]
    return Trace(statement_id, members.speaker, members.text, echoes[0], echoes[1:])


def _when(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.replace(tzinfo=None)
