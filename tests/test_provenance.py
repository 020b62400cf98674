"""Provenance: first sighting, echoes in time order, and page liveness from captures."""

from __future__ import annotations

import sys
from pathlib import Path

from quotetrace.link import link, store_document
from quotetrace.link.provenance import page_history, pages, trace
from quotetrace.model import Capture
from quotetrace.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from make_echo_corpus import build


def _c(when: str, status: int | None = 200, digest: str = "a", location: str | None = None,
       notice: bool = False) -> Capture:
    return Capture("https://x.org/a", when, status, digest, location, notice)


def test_page_history_live_changed_removed() -> None:
    assert page_history("d", [_c("2026-01-01"), _c("2026-01-05")]).liveness == "live"
    assert page_history("d", [_c("2026-01-01"), _c("2026-01-05", digest="b")]).liveness == "changed"
    for gone in (_c("2026-01-09", 404), _c("2026-01-09", 410), _c("2026-01-09", 451),
                 _c("2026-01-09", 301, location="https://x.org/"), _c("2026-01-09", 302, location="/removed"),
                 _c("2026-01-09", notice=True, digest="n")):
        history = page_history("d", [_c("2026-01-05"), gone, _c("2026-01-01")])
        assert history.liveness == "removed", gone
        assert history.first_seen == "2026-01-01" and history.last_seen == "2026-01-05"
        assert history.removed_at == "2026-01-09" and history.up_days == 8.0
    moved = page_history("d", [_c("2026-01-01"), _c("2026-01-02", 301, location="https://x.org/2026/a-new-slug")])
    assert moved.liveness == "live"


def test_trace_first_seen_echoes_in_time_order_and_misattribution() -> None:
    corpus = build(1)
    with Store(":memory:") as store:
        for doc in corpus.documents:
            store_document(store, doc)
        link(store, paraphrase=False)
        statement_id = store.find_statement("never named and never made to answer")
        assert statement_id is not None
        found = trace(store, statement_id)
        assert found is not None
        assert found.speaker == "Jane Smith" or found.speaker == "Jane A. Smith"
        assert found.first_seen.doc_id.endswith("-original")
        times = [e.published_at or e.seen_at or "" for e in found.echoes]
        dated = [t for t, e in zip(times, found.echoes, strict=True) if e.published_at]
        assert dated == sorted(dated)
        assert {e.relation for e in found.echoes} >= {"verbatim", "partial"}
        assert [e.misattributed for e in found.echoes].count(True) == 1
        data = found.to_dict()
        assert set(data) == {"statement_id", "speaker", "text", "first_seen", "echoes"}
        assert {"doc_id", "outlet", "url", "published_at", "relation", "speaker", "liveness", "language"} <= set(
            data["echoes"][0]
        )
        assert data["first_seen"]["language"] == found.first_seen.language == "en"
        # every page was fetched once, at ingest: all live
        assert {h.liveness for h in pages(store)} == {"live"}


def test_store_document_keeps_text_when_a_later_capture_is_a_removal_notice() -> None:
    corpus = build(1)
    doc = corpus.documents[1]
    with Store(":memory:") as store:
        assert store_document(store, doc) == "inserted"
        notice = type(doc)(id=doc.id, doc_id=doc.doc_id, source="later", url=doc.url,
                           text="This article has been removed at the request of the publisher.",
                           fetched_at="2027-01-01T00:00:00Z")
        assert store_document(store, notice) == "unchanged"
        kept = store.get_document(doc.doc_id)
        assert kept is not None and kept.quotes
        assert [h.liveness for h in pages(store)] == ["removed"]


def test_page_history_unknown_unreachable_blocked_and_outages() -> None:
    never = page_history("d", [])
    assert (never.liveness, never.evidence, never.first_seen) == ("unknown", None, None)
    down = page_history("d", [_c("2026-01-01"), _c("2026-01-02", 503), _c("2026-01-03", 502)])
    assert down.liveness == "unreachable" and down.evidence is not None
    assert (down.evidence.fetched_at, down.evidence.http_status, down.evidence.reason) == ("2026-01-03", 502,
                                                                                         "server_error")
    assert page_history("d", [_c("2026-01-01"), _c("2026-01-02", 503), _c("2026-01-03", 429)]).liveness == "blocked"
    # evidence of removal after the last sign of life wins over later failures
    gone = page_history("d", [_c("2026-01-01"), _c("2026-01-02", 410), _c("2026-01-03", 503)])
    assert (gone.liveness, gone.removed_at) == ("removed", "2026-01-02")
    back = page_history("d", [_c("2026-01-01"), _c("2026-01-02", 404), _c("2026-01-03", 503), _c("2026-01-04")])
    assert back.liveness == "live" and back.removed_at is None
    assert [(o.start, o.end, o.reason, o.captures) for o in back.outages] == [
        ("2026-01-02", "2026-01-03", "not_found", 2)]


def test_quote_status_edited_out_back_again_and_partial() -> None:
    from quotetrace.link.liveness import quote_status
    from quotetrace.store import CaptureRow

    rows = [CaptureRow(_c("2026-01-01"), 1), CaptureRow(_c("2026-01-02", digest="b"), 2),
            CaptureRow(_c("2026-01-03", digest="b"), 2)]
    live = page_history("d", [r.capture for r in rows])
    assert quote_status(live, rows, frozenset({1})) == ("edited_out", "2026-01-02")
    assert quote_status(live, rows, frozenset({1, 2})) == ("present", None)
    assert quote_status(live, rows, frozenset({1}), partial=frozenset({2})) == ("present", None)
    back = [*rows, CaptureRow(_c("2026-01-04"), 1)]
    assert quote_status(page_history("d", [r.capture for r in back]), back, frozenset({1})) == ("present", None)
    removed = [*rows, CaptureRow(_c("2026-01-05", 404), None)]
    assert quote_status(page_history("d", [r.capture for r in removed]), removed, frozenset({1})) == (
        "page_removed", "2026-01-02")
    assert quote_status(page_history("d", []), [], frozenset({1})) == ("unknown", None)
