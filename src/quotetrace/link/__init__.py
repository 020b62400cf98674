"""Cross-document stages over the store: speakers across documents, statements across documents, provenance.

``link(store)`` rebuilds every canonical speaker and statement from the stored quotes (and the user's
speaker corrections), so running it again gives the same result. ``store_document`` and
``record_captures`` are what ``quotetrace ingest`` calls to keep each page's capture history.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from quotetrace.fingerprint import page_hash
from quotetrace.ingest.capture_state import Verdict, page_verdict, verdict_of
from quotetrace.link.speakers import link_speakers
from quotetrace.link.statements import ParaphraseScorer, default_scorer, link_statements
from quotetrace.model import Capture, Document
from quotetrace.pipeline import document_id
from quotetrace.store import Store, UpsertResult

__all__ = ["LinkReport", "ReadOnce", "link", "record_captures", "store_document"]


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
            f"({self.echoed} seen more than once, {self.altered} altered {'echo' if self.altered == 1 else 'echoes'}; "
            f"{self.vetoed} near-misses kept apart); {scorer}; {self.seconds:.1f}s"
        )


def link(store: Store, *, paraphrase: bool = True, scorer: ParaphraseScorer | None = None) -> LinkReport:
    """Rebuild canonical speakers (of every quote) and statements (of speech and belief, not stances) from the
    stored quotes; idempotent."""
    started = time.perf_counter()
    sightings = list(store.sightings())
    if paraphrase and scorer is None:
        scorer = default_scorer()  # its model loads on first use, once for speakers' roles and statements
    speakers = link_speakers(sightings, store.document_entities(), store.speaker_overrides(),
                             scorer=scorer if paraphrase else None)
    anonymous = frozenset(s.speaker_id for s in speakers.speakers if s.anonymous)
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
    """A page ingested with a ``fetched_at`` (an HTML file, a JSONL record) is a capture of its URL too."""
    if not doc.url or not doc.fetched_at:
        return None
    verdict = page_verdict(doc.title, doc.text) or Verdict("up", "ok")
    return Capture(doc.url, doc.fetched_at, None, page_hash(doc.title, doc.text), None,
                   verdict.state == "gone", doc.source, verdict.state, verdict.reason, verdict.detail)


def store_document(store: Store, doc: Document) -> UpsertResult:
    """Record ``doc``'s capture, and store it as a version of its page unless its text is not the article.

    A page whose text is a not-found page, a removal notice, a bot wall or a geo-block (by its capture, or by
    its words when it has no capture) leaves the page's history that evidence and its versions untouched
    (``unchanged``). A document read from a truncated capture is stored as a partial version.
    """
    capture = store.capture_at(doc.doc_id, doc.fetched_at) if doc.url and doc.fetched_at else None
    if capture is None and (capture := document_capture(doc)) is not None:
        store.add_captures([(capture, doc.doc_id)])
    if capture is not None:
        shown = verdict_of(capture)
    else:
        shown = (page_verdict(doc.title, doc.text) if doc.url else None) or Verdict("up", "ok")
    if shown.state != "up":
        return "unchanged"
    return store.upsert_document(doc, partial=capture is not None and capture.truncated)


class ReadOnce:
    """Which captured pages need reading: one that shows what an earlier capture of its page showed (stored, or
    sent for reading earlier in this run) is tied to that version without being read again."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._sent: set[tuple[str, str]] = set()
        self.skipped = 0

    def seen_payload(self, url: str, payload_digest: str) -> Capture | None:
        """The stored capture of this URL with this WARC payload, if it was read (see ``ingest.read_inputs``)."""
        return self._store.capture_with_payload(document_id(url, ""), payload_digest)

    def needed(self, capture: Capture) -> bool:
        key = (document_id(capture.url, ""), capture.content_hash)
        if key in self._sent or self._store.has_version_of(*key):
            self.skipped += 1
            return False
        self._sent.add(key)
        return True
