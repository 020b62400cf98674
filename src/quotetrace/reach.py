"""Statements as the unit: a page of statements, each with its reach and whether any of its pages is gone.

The counts come from the store's statement summary (as of the last ``link``); whether a sighting's page was
taken down comes from the pages' captures now, for the page of statements shown only. The CLI's
``statements``, ``GET /api/statements`` and the web's search and speaker pages all read statements here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quotetrace.link.provenance import page_history
from quotetrace.store import StatementFilters, StatementRow, Store


@dataclass(frozen=True, slots=True)
class Reach:
    """A statement with its reach: where and how far it travelled, and whether it was removed or altered."""

    row: StatementRow
    removed: bool  # the page of at least one sighting was taken down

    @property
    def echoed(self) -> bool:
        return self.row.sightings > 1

    def to_dict(self) -> dict[str, Any]:
        r = self.row
        return {
            "statement_id": r.statement_id, "speaker": r.speaker, "speaker_id": r.speaker_id, "text": r.text,
            "type": r.type, "sightings": r.sightings, "quotes": r.quotes, "outlets": r.outlets,
            "languages": list(r.languages), "relations": list(r.relations), "altered": r.altered,
            "removed": self.removed, "first_seen": r.first_seen, "last_seen": r.last_seen,
            "first_doc_id": r.first_doc_id, "first_doc_key": r.first_doc_key, "first_outlet": r.first_outlet,
            "first_title": r.first_title,
        }


STATEMENT_COLUMNS = (
    "statement_id", "speaker", "speaker_id", "text", "type", "sightings", "quotes", "outlets", "languages",
    "relations", "altered", "removed", "first_seen", "last_seen", "first_doc_id", "first_doc_key", "first_outlet",
    "first_title",
)


def with_reach(store: Store, rows: list[StatementRow]) -> list[Reach]:
    """Each statement with whether any of its sightings' pages was taken down (from their captures)."""
    documents = store.statement_documents([r.statement_id for r in rows])
    keys = sorted({key for found in documents.values() for key in found})
    captures = store.captures(keys) if keys else {}
    gone = {key for key in keys if page_history(key, captures.get(key, [])).liveness == "removed"}
    return [Reach(r, any(key in gone for key in documents.get(r.statement_id, []))) for r in rows]


def statements(store: Store, filters: StatementFilters, limit: int, offset: int = 0) -> list[Reach]:
    return with_reach(store, store.search_statements(filters, limit, offset))
