"""Provenance: a statement's earliest sighting, its echoes in time order, and whether each is still up.

A sighting's time is the document's ``published_at``, else the first time its page was captured (a WARC
record's date, or the ``fetched_at`` of an ingest); a quote that only came in a later version of its page is
dated by the first capture that showed it. Each sighting carries its page's liveness (``link/liveness.py``:
live, changed, removed, unreachable, blocked or unknown, with the evidence) and its own ``quote_status``:
whether its words are still on the page (``present``), were edited out of a page that stays up
(``edited_out``, with ``edited_out_at``), went with the page (``page_removed``), or were never checked
(``unknown``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from quotetrace.dates import parse_timestamp
from quotetrace.ingest.capture_state import is_page_capture
from quotetrace.link.liveness import (
    LIVENESS,
    Evidence,
    Liveness,
    Outage,
    PageCounts,
    PageHistory,
    QuoteStatus,
    page_history,
    quote_status,
)
from quotetrace.model import Capture
from quotetrace.store import CaptureRow, MemberRow, PageRow, Sighting, Store

__all__ = [
    "LIVENESS", "Echo", "Evidence", "Liveness", "Members", "Outage", "PageCounts", "PageHistory", "QuoteStatus",
    "Trace", "page_history", "pages", "sighting_time", "statement_members", "trace",
]


def sighting_time(s: Sighting | MemberRow) -> tuple[int, str, str, int]:
    """Sort key: by published_at, else first capture; undated last; then document and quote for a stable order."""
    when = s.published_at or s.seen_at
    return (0 if when else 1, when or "", s.doc_id, s.quote_id)


@dataclass(frozen=True, slots=True)
class Published:
    """When a sighting was published (first captured, when undated): the year its "next year" counts from, and
    the day, when known, that a later retelling's "as she said in May" names (veto.py)."""

    year: int | None = None
    day: date | None = None


def sighting_dates(one: Sighting, other: Sighting) -> tuple[Published, Published]:
    """When each of two sightings was published (see ``Published``)."""
    return _published(one.published_at or one.seen_at), _published(other.published_at or other.seen_at)


@lru_cache(maxsize=1 << 16)
def _published(when: str | None) -> Published:
    """Parsed once per timestamp: the linker asks it of every candidate pair, and a corpus repeats its dates."""
    parsed = parse_timestamp(when)
    if parsed is not None:
        return Published(parsed.year, parsed.date())
    return Published(int(when[:4]) if when and when[:4].isdecimal() else None)


def is_page(row: PageRow) -> bool:
    """A document with a URL, or a URL whose captures are of a page (not an image, a script, a feed)."""
    return row.id is not None or all(is_page_capture(r.capture) for r in row.captures)


def pages(
    store: Store,
    *,
    removed_only: bool = False,
    liveness: Iterable[str] | None = None,
    since: str | None = None,
    counts: PageCounts | None = None,
) -> list[PageHistory]:
    """Every page with its history, by first sighting (never seen up last).

    ``liveness``: only these states (``removed_only``: only ``removed``); ``since``: only pages whose evidence
    (for a removed page, its first evidence of removal) is on or after this ISO date. ``counts``, when given,
    is filled with what the list leaves out.
    """
    wanted = {"removed"} if removed_only else (set(liveness) if liveness else None)
    histories = []
    for history in _histories(store.pages()):
        if counts is not None:
            counts.pages += 1
            counts.never_captured += history.captures == 0
            counts.by_liveness[history.liveness] = counts.by_liveness.get(history.liveness, 0) + 1
        if wanted is not None and history.liveness not in wanted:
            continue
        if since and (history.evidence_at is None or history.evidence_at[:len(since)] < since):
            continue
        histories.append(history)
    if counts is not None:
        counts.without_url = store.count_pages_without_url()
    return sorted(histories, key=page_order)


def page_order(history: PageHistory) -> tuple[int, str, str, str]:
    return (history.first_seen is None, history.first_seen or "", history.url, history.doc_id)


def _histories(rows: Iterator[PageRow]) -> Iterator[PageHistory]:
    for row in rows:
        if is_page(row):
            yield page_history(row.doc_id, [r.capture for r in row.captures], url=row.url, id=row.id,
                               title=row.title)


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
    removed_at: str | None = None  # the page's first evidence of removal
    up_days: float | None = None  # how long the page stayed up: first seen up -> removed (else -> last seen up)
    doc_key: str = ""  # the store's key of the document (the hash of its URL or text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id, "outlet": self.outlet, "url": self.url, "published_at": self.published_at,
            "relation": self.relation, "speaker": self.speaker, "liveness": self.liveness, "doc_key": self.doc_key,
            "language": self.language, "title": self.title, "text": self.text,
            "changes": [{"original": a, "echo": b} for a, b in self.changes],
            "quote_status": self.quote_status, "edited_out_at": self.edited_out_at, "removed_at": self.removed_at,
            "up_days": self.up_days,
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
                "removed_at": first.removed_at, "up_days": first.up_days,
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
    capture_rows: dict[str, list[CaptureRow]] = field(default_factory=dict)
    presence: dict[int, frozenset[int]] = field(default_factory=dict)  # quote_id -> versions it appears in
    partial: frozenset[int] = frozenset()  # versions read from truncated captures

    def liveness(self, doc_id: str) -> PageHistory:
        return page_history(doc_id, list(self.histories.get(doc_id, [])))

    def quote_status(self, row: MemberRow) -> tuple[QuoteStatus, str | None]:
        """Whether this sighting's words are still on its page, and since when they are not."""
        return quote_status(self.liveness(row.doc_id), self.capture_rows.get(row.doc_id, []),
                            self.presence.get(row.quote_id, frozenset()), self.partial)

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
    doc_ids = sorted({r.doc_id for r in rows})
    capture_rows = store.capture_rows(doc_ids)
    partial = frozenset(v.version_id for versions in store.versions(doc_ids).values() for v in versions if v.partial)
    return Members(
        text, speaker_id, speaker, ordered,
        {doc_id: [r.capture for r in captures] for doc_id, captures in capture_rows.items()},
        capture_rows, store.quote_presence([r.quote_id for r in rows]), partial,
    )


def trace(store: Store, statement_id: str) -> Trace | None:
    """The provenance of one stored statement (after ``quotetrace link``)."""
    members = statement_members(store, statement_id)
    if members is None:
        return None
    echoes = []
    for r in members.rows:
        status, edited_out_at = members.quote_status(r)
        page = members.liveness(r.doc_id)
        echoes.append(Echo(
            doc_id=r.id, outlet=r.outlet, url=r.url, published_at=r.published_at, seen_at=r.seen_at,
            relation=r.relation or "verbatim", speaker=r.speaker, misattributed=members.misattributed(r),
            liveness=page.liveness, language=r.language, text=r.text, changes=r.changes,
            quote_status=status, edited_out_at=edited_out_at, removed_at=page.removed_at, up_days=page.up_days,
            doc_key=r.doc_id,
        ))
    return Trace(statement_id, members.speaker, members.text, echoes[0], echoes[1:])
