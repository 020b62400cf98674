"""A statement's provenance as the web application shows it, on ``quotetrace.link.provenance``.

The API answers with ``link.provenance.trace(...).to_dict()``: the very object of ``quotetrace trace --json``.
The statement page needs a little more of each sighting (the store's doc_id and quote_id, to link to the
highlighted quote), so its timeline is built here from the same rows, in the same order, with the same
first sighting and the same liveness rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from quotetrace.link.provenance import PageHistory, page_history, sighting_time, trace
from quotetrace.model import Capture
from quotetrace.store import MemberRow, Store


@dataclass(frozen=True, slots=True)
class Sighting:
    """One member of a statement on the timeline: where and when it appeared, how, and whether it is still up."""

    doc_id: str  # the store's key (links to the document page)
    id: str  # the document's id as ingested
    quote_id: int
    outlet: str | None
    url: str | None
    published_at: str | None
    seen_at: str | None
    relation: str
    speaker: str | None
    speaker_id: str | None
    text: str
    liveness: str
    removed_at: str | None
    misattributed: bool  # attributed here to someone other than the statement's speaker

    @property
    def when(self) -> str | None:
        return self.published_at or self.seen_at


@dataclass(frozen=True, slots=True)
class Timeline:
    statement_id: str
    speaker: str | None
    speaker_id: str | None
    text: str
    sightings: list[Sighting]  # the first sighting first, then the echoes in time order

    @property
    def first(self) -> Sighting | None:
        return self.sightings[0] if self.sightings else None


def history(doc_id: str, captures: Sequence[Capture]) -> PageHistory:
    """A page's liveness history (live when it was never captured: nothing says otherwise)."""
    return page_history(doc_id, list(captures))


def timeline(store: Store, statement_id: str) -> Timeline | None:
    """The statement's members, first sighting first, then in time order; None when there is no such statement."""
    found = store.statement(statement_id)
    if found is None:
        return None
    text, speaker_id, speaker = found
    members = sorted(store.statement_members(statement_id), key=sighting_time)
    captures = store.captures(sorted({m.doc_id for m in members})) if members else {}
    sightings = [_sighting(m, history(m.doc_id, captures.get(m.doc_id, [])), speaker_id) for m in members]
    first = next((s for s in sightings if s.relation == "original"), sightings[0] if sightings else None)
    ordered = ([first] if first else []) + [s for s in sightings if s is not first]
    return Timeline(statement_id, speaker, speaker_id, text, ordered)


def _sighting(member: MemberRow, page: PageHistory, speaker_id: str | None) -> Sighting:
    return Sighting(
        doc_id=member.doc_id, id=member.id, quote_id=member.quote_id, outlet=member.outlet, url=member.url,
        published_at=member.published_at, seen_at=member.seen_at, relation=member.relation or "verbatim",
        speaker=member.speaker, speaker_id=member.speaker_id, text=member.text, liveness=page.liveness,
        removed_at=page.removed_at,
        misattributed=speaker_id is not None and member.speaker_id is not None and member.speaker_id != speaker_id,
    )


def trace_object(store: Store, statement_id: str) -> dict[str, Any] | None:
    """The ``quotetrace trace --json`` object of a statement; None when there is no such statement."""
    found = trace(store, statement_id)
    return None if found is None else found.to_dict()
