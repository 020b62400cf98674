"""A statement's provenance as the web application shows it, on ``quotetrace.link.provenance``.

The API answers with ``link.provenance.trace(...).to_dict()``: the very object of ``quotetrace trace --json``.
The statement page needs a little more of each sighting (the store's doc_id and quote_id, to link to the
highlighted quote), so its timeline is built here from the same ``statement_members`` as ``trace``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from quotetrace.link.provenance import Members, PageHistory, page_history, statement_members, trace
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
    """A page's liveness history (unknown when it was never captured: nothing says it is up)."""
    return page_history(doc_id, list(captures))


def timeline(store: Store, statement_id: str) -> Timeline | None:
    """The statement's members, first sighting first, then in time order; None when there is no such statement."""
    members = statement_members(store, statement_id)
    if members is None:
        return None
    sightings = [_sighting(m, members) for m in members.rows]
    return Timeline(statement_id, members.speaker, members.speaker_id, members.text, sightings)


def _sighting(member: MemberRow, members: Members) -> Sighting:
    page = members.liveness(member.doc_id)
    return Sighting(
        doc_id=member.doc_id, id=member.id, quote_id=member.quote_id, outlet=member.outlet, url=member.url,
        published_at=member.published_at, seen_at=member.seen_at, relation=member.relation or "verbatim",
        speaker=member.speaker, speaker_id=member.speaker_id, text=member.text, liveness=page.liveness,
        removed_at=page.removed_at, misattributed=members.misattributed(member),
    )


def trace_object(store: Store, statement_id: str) -> dict[str, Any] | None:
    """The ``quotetrace trace --json`` object of a statement; None when there is no such statement."""
    found = trace(store, statement_id)
    return None if found is None else found.to_dict()
