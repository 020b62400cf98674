"""Cross-document stages over the store: speakers across documents, statements across documents, provenance.

``link(store)`` rebuilds every canonical speaker and statement from the stored quotes (and the user's
speaker corrections), so running it again gives the same result. ``store_document`` and
``record_captures`` are what ``quotetrace ingest`` calls to keep each page's capture history.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from quotetrace.ingest.warc import is_removal_notice, text_hash
from quotetrace.link.speakers import link_speakers
from quotetrace.link.statements import ParaphraseScorer, default_scorer, link_statements
from quotetrace.model import Capture, Document
from quotetrace.pipeline import document_id
from quotetrace.store import Store, UpsertResult

__all__ = ["LinkReport", "link", "record_captures", "store_document"]


@dataclass(frozen=True, slots=True)
class LinkReport:
    quotes: int
    speakers: int
    statements: int
    echoed: int  # statements with more than one member
    scorer: str | None  # the paraphrase scorer used; None when paraphrase matching was off
    seconds: float
    altered: int = 0  # echoes that alter their statement
    vetoed: int = 0  # candidate pairs the veto kept apart (facts that disagree)

    def line(self) -> str:
        scorer = f"paraphrase scorer: {self.scorer}" if self.scorer else "paraphrase matching off"
        return (
            f"linked {self.quotes} quotes: {self.speakers} speakers, {self.statements} statements "
            f"({self.echoed} seen more than once, {self.altered} altered echoes; {self.vetoed} near-misses kept "
            f"apart); {scorer}; {self.seconds:.1f}s"
        )


def link(store: Store, *, paraphrase: bool = True, scorer: ParaphraseScorer | None = None) -> LinkReport:
    """Rebuild canonical speakers (of every quote) and statements (of speech and belief, not stances) from the
    stored quotes; idempotent."""
    started = time.perf_counter()
    sightings = list(store.sightings())
    speakers = link_speakers(sightings, store.document_entities(), store.speaker_overrides())
    anonymous = frozenset(s.speaker_id for s in speakers.speakers if s.anonymous)
    if paraphrase and scorer is None:
        scorer = default_scorer()
    said = [s for s in sightings if s.type != "stance"]  # a stance is no statement that echoes
    statements = link_statements(
        said, speakers.quote_speakers, scorer=scorer if paraphrase else None, anonymous=anonymous
    )
    store.replace_links(
        speakers.speakers,
        ((speaker_id, quote_id) for quote_id, speaker_id in speakers.quote_speakers.items()),
        statements.statements,
        statements.rows(),
    )
    sizes: dict[str, int] = {}
    for statement_id, _, _ in statements.members:
        sizes[statement_id] = sizes.get(statement_id, 0) + 1
    return LinkReport(
        quotes=len(sightings),
        speakers=len(speakers.speakers),
        statements=len(statements.statements),
        echoed=sum(1 for n in sizes.values() if n > 1),
        scorer=statements.scorer,
        seconds=time.perf_counter() - started,
        altered=sum(1 for _, _, relation in statements.members if relation == "altered"),
        vetoed=sum(statements.vetoes.values()),
    )


def record_captures(store: Store, captures: Iterable[Capture]) -> int:
    """Store captures (from WARC files); returns how many were new."""
    return store.add_captures((c, document_id(c.url, "")) for c in captures)


def document_capture(doc: Document) -> Capture | None:
    """A re-ingested page with a ``fetched_at`` is a capture of its URL too."""
    if not doc.url or not doc.fetched_at:
        return None
    return Capture(doc.url, doc.fetched_at, None, text_hash(doc.text), None, is_removal_notice(doc.text), doc.source)


def store_document(store: Store, doc: Document) -> UpsertResult:
    """Upsert ``doc`` and record its capture; an older capture, or a removal notice, does not replace it."""
    capture = document_capture(doc)
    if capture is not None and not store.has_capture(doc.doc_id, capture.fetched_at):  # a WARC record has it
        store.add_captures([(capture, doc.doc_id)])
    stored, fetched_at = store.document_fetched_at(doc.doc_id)
    if stored and capture is not None and (capture.removal_notice or (fetched_at or "") > capture.fetched_at):
        return "unchanged"  # the page's history has it; the document keeps the text that carried the quotes
    return store.upsert_document(doc)
