"""A page's liveness from its captures, with the evidence, and whether a sighting's words are still on it.

Each capture shows the page ``up``, ``moved``, ``gone``, ``down`` or ``blocked`` (``ingest/capture_state.py``).
In time order, the page is:

- ``removed`` when a capture after the last sign of life (up or moved) is evidence of removal (404, 410, 451,
  a not-found or removal page, a redirect to the front page); ``removed_at`` is the first such capture;
- ``unreachable`` / ``blocked`` when the captures after the last sign of life are failures (5xx, timeouts,
  connection errors) / refusals (bot walls, captchas, geo-blocks, 401/403/429), by the latest of them;
- ``changed`` when the page is up and has shown more than one content; ``live`` when it is up with one;
- ``unknown`` when it was never captured (a page ingested without a fetch time: nothing says it is up).

Failures and refusals *between* signs of life are outages (``outages``), never a removal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise
from typing import Any, Literal

from quotetrace.dates import parse_timestamp
from quotetrace.ingest.capture_state import Verdict, verdict_of
from quotetrace.model import Capture
from quotetrace.store import CaptureRow

Liveness = Literal["live", "changed", "removed", "unreachable", "blocked", "unknown"]
LIVENESS: tuple[Liveness, ...] = ("live", "changed", "removed", "unreachable", "blocked", "unknown")
# Whether a sighting's words are still on its page: ``present`` (in the latest capture that showed the page),
# ``edited_out`` (the page is up without them), ``page_removed`` (the page is gone), ``unknown`` (never checked).
QuoteStatus = Literal["present", "edited_out", "page_removed", "unknown"]

_ALIVE = frozenset({"up", "moved"})
_FAILED_LIVENESS: dict[str, Liveness] = {"down": "unreachable", "blocked": "blocked"}


@dataclass(frozen=True, slots=True)
class Evidence:
    """The capture a liveness rests on: when, the HTTP status, what it showed and why (the reason matched)."""

    fetched_at: str
    http_status: int | None
    state: str
    reason: str
    detail: str | None
    source: str

    @staticmethod
    def of(capture: Capture, verdict: Verdict) -> Evidence:
        return Evidence(capture.fetched_at, capture.http_status, verdict.state, verdict.reason, verdict.detail,
                        capture.source)

    def to_dict(self) -> dict[str, Any]:
        return {"fetched_at": self.fetched_at, "http_status": self.http_status, "state": self.state,
                "reason": self.reason, "detail": self.detail, "source": self.source}


@dataclass(frozen=True, slots=True)
class Outage:
    """Failed or refused captures between two signs of life: the page came back."""

    start: str
    end: str
    reason: str
    captures: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "reason": self.reason, "captures": self.captures}


@dataclass(frozen=True, slots=True)
class PageHistory:
    """One page's liveness: first and last time seen up, when it was seen gone, how long it was up, and the
    capture that says so (``evidence``)."""

    doc_id: str  # the store's key of the page (``doc_key`` in what users see)
    url: str
    liveness: Liveness
    first_seen: str | None
    last_seen: str | None
    removed_at: str | None
    captures: int
    evidence: Evidence | None = None
    outages: tuple[Outage, ...] = ()
    contents: int = 0  # distinct contents the page showed (changed when more than one)
    id: str | None = None  # the document's id as ingested, when a version of the page was read
    title: str | None = None

    @property
    def up_days(self) -> float | None:
        """Days from first seen up to the first evidence of removal (else to the last time seen up)."""
        end = self.removed_at or self.last_seen
        start, stop = _when(self.first_seen), _when(end)
        if start is None or stop is None:
            return None
        return round((stop - start).total_seconds() / 86400, 1)

    @property
    def evidence_at(self) -> str | None:
        return None if self.evidence is None else self.evidence.fetched_at

    def to_dict(self) -> dict[str, Any]:
        return {
            # as everywhere users see documents: doc_id is the id as ingested, doc_key the store's key
            "doc_id": self.id, "doc_key": self.doc_id, "url": self.url, "title": self.title, "liveness": self.liveness,
            "first_seen": self.first_seen, "last_seen": self.last_seen, "removed_at": self.removed_at,
            "up_days": self.up_days, "captures": self.captures, "contents": self.contents,
            "evidence": None if self.evidence is None else self.evidence.to_dict(),
            "outages": [o.to_dict() for o in self.outages],
        }


def page_history(doc_id: str, captures: Sequence[Capture], *, url: str | None = None, id: str | None = None,
                 title: str | None = None) -> PageHistory:
    """Liveness of one page from its captures (any order)."""
    ordered = sorted(captures, key=lambda c: c.fetched_at)
    verdicts = [verdict_of(c) for c in ordered]
    alive = [i for i, v in enumerate(verdicts) if v.state in _ALIVE]
    up = [c for c, v in zip(ordered, verdicts, strict=True) if v.state == "up"]
    contents = {c.content_hash for c, v in zip(ordered, verdicts, strict=True) if _shows_content(v)}
    after = range((alive[-1] + 1) if alive else 0, len(ordered))
    liveness: Liveness = "unknown"
    removed_at = None
    evidence = None
    gone = next((i for i in after if verdicts[i].state == "gone"), None)
    if gone is not None:
        liveness, removed_at, evidence = "removed", ordered[gone].fetched_at, Evidence.of(ordered[gone], verdicts[gone])
    elif after:
        last = after[-1]
        liveness, evidence = _FAILED_LIVENESS[verdicts[last].state], Evidence.of(ordered[last], verdicts[last])
    elif alive:
        liveness = "changed" if len(contents) > 1 else "live"
        evidence = Evidence.of(ordered[alive[-1]], verdicts[alive[-1]])
    return PageHistory(
        doc_id=doc_id,
        url=url or (ordered[0].url if ordered else ""),
        liveness=liveness,
        first_seen=up[0].fetched_at if up else None,
        last_seen=up[-1].fetched_at if up else None,
        removed_at=removed_at,
        captures=len(ordered),
        evidence=evidence,
        outages=_outages(ordered, verdicts, alive),
        contents=len(contents),
        id=id,
        title=title,
    )


def _shows_content(verdict: Verdict) -> bool:
    # a truncated page, a revisit of a payload we cannot match, a page with no text: up, but no content to compare
    return verdict.state == "up" and verdict.reason == "ok"


def _outages(ordered: Sequence[Capture], verdicts: Sequence[Verdict], alive: Sequence[int]) -> tuple[Outage, ...]:
    outages = []
    for before, after in pairwise(alive):
        if after - before > 1:
            failed = range(before + 1, after)
            outages.append(Outage(ordered[failed[0]].fetched_at, ordered[failed[-1]].fetched_at,
                                  verdicts[failed[0]].reason, len(failed)))
    return tuple(outages)


def quote_status(
    history: PageHistory, rows: Sequence[CaptureRow], versions: frozenset[int], partial: frozenset[int] = frozenset()
) -> tuple[QuoteStatus, str | None]:
    """(status, edited_out_at) of a quote that appears in ``versions`` of a page with these captures.

    ``edited_out_at`` is the first capture, after the last one that showed the quote, where the page was up
    without it (None when it never was); a truncated capture (a ``partial`` version) without the quote is no
    evidence: the quote may have been in the part that was cut.
    """
    showed = [r for r in sorted(rows, key=lambda r: r.capture.fetched_at)
              if r.version_id is not None and verdict_of(r.capture).state == "up"]
    last_with = max((i for i, r in enumerate(showed) if r.version_id in versions), default=-1)
    without = next((r.capture.fetched_at for r in showed[last_with + 1:]
                    if r.version_id not in versions and r.version_id not in partial), None)
    if history.liveness == "removed":
        return "page_removed", without
    if not showed:
        return "unknown", None
    return ("edited_out" if without is not None else "present"), without


def _when(value: str | None) -> datetime | None:
    parsed = parse_timestamp(value)
    return parsed.replace(tzinfo=None) if parsed else None


@dataclass(slots=True)
class PageCounts:
    """What ``pages`` says besides the list: pages never captured, documents with no URL (never pages)."""

    pages: int = 0
    never_captured: int = 0
    without_url: int = 0
    by_liveness: dict[str, int] = field(default_factory=dict)
