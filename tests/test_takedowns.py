"""Takedowns end to end: WARC captures of each case (``fixtures/warc/make_fixtures.py``) through ``ingest``, then
``pages`` and ``trace``: the liveness and its evidence, each quote's status, and no quote lost."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quotetrace.cli import app
from quotetrace.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "warc"))
import make_fixtures as fx

cli = CliRunner()
INGEST = ["--jobs", "1", "--no-progress", "--no-paraphrase"]


def _ingest(db: Path, *paths: Path) -> str:
    result = cli.invoke(app, ["ingest", *map(str, paths), "--db", str(db), *INGEST])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return fx.write_all(tmp_path_factory.mktemp("warc"))


@pytest.fixture(scope="module")
def db(crawls: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The later crawl ingested first: versions and liveness must still come out in time order."""
    path = tmp_path_factory.mktemp("db") / "takedowns.db"
    _ingest(path, crawls["second"], crawls["cut"], crawls["first"])
    return path


def _pages(db: Path, *options: str) -> dict[str, dict[str, Any]]:
    result = cli.invoke(app, ["pages", "--db", str(db), "-f", "jsonl", *options])
    assert result.exit_code == 0, result.output
    pages = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return {page["url"].removeprefix(fx.HOST): page for page in pages}


def _trace(db: Path, words: str) -> dict[str, Any]:
    result = cli.invoke(app, ["trace", words, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    body: dict[str, Any] = json.loads(result.stdout)
    return body


def _sightings(db: Path, words: str) -> dict[str, dict[str, Any]]:
    body = _trace(db, words)
    return {s["url"].removeprefix(fx.HOST): s for s in [body["first_seen"], *body["echoes"]]}


@pytest.mark.parametrize(("path", "liveness", "reason", "status"), [
    ("/edit", "changed", "ok", 200),
    ("/soft-en", "removed", "soft_404", 200),
    ("/soft-ru", "removed", "soft_404", 200),
    ("/wall", "blocked", "bot_wall", 403),
    ("/outage", "live", "ok", 200),
    ("/blip", "live", "ok", 200),
    ("/legal", "removed", "legal", 451),
    ("/gone", "removed", "gone", 410),
    ("/to-front", "removed", "front_page_redirect", 301),
    ("/notice", "removed", "removal_notice", 200),
    ("/geo", "blocked", "geo_block", 200),
    ("/down", "unreachable", "timeout", 504),
    ("/cut", "live", "truncated", 200),
    ("/same", "live", "ok", 200),
])
def test_takedowns_liveness_and_evidence(db: Path, path: str, liveness: str, reason: str, status: int) -> None:
    page = _pages(db)[path]
    assert (page["liveness"], page["evidence"]["reason"], page["evidence"]["http_status"]) == (
        liveness, reason, status)
    assert page["first_seen"] == "2026-03-01T09:00:00Z"
    if liveness == "removed":
        assert page["removed_at"] == page["evidence"]["fetched_at"] == "2026-03-04T09:00:00Z"
        assert page["up_days"] == 3.0
    assert ".warc" in page["evidence"]["source"] and "#" in page["evidence"]["source"]  # file and record


def test_takedowns_evidence_names_what_was_matched(db: Path) -> None:
    pages = _pages(db)
    assert "not found" in pages["/soft-en"]["evidence"]["detail"].casefold()
    assert "не найдена" in pages["/soft-ru"]["evidence"]["detail"]
    assert "moment" in pages["/wall"]["evidence"]["detail"].casefold()
    assert pages["/to-front"]["evidence"]["detail"] == f"redirect to {fx.HOST}/"


def test_takedowns_a_failure_between_live_captures_is_an_outage(db: Path) -> None:
    pages = _pages(db)
    assert [(o["start"], o["reason"]) for o in pages["/outage"]["outages"]] == [
        ("2026-03-04T09:00:00Z", "server_error")]
    assert [(o["start"], o["reason"]) for o in pages["/blip"]["outages"]] == [("2026-03-04T09:00:00Z", "not_found")]
    assert pages["/blip"]["removed_at"] is None and pages["/blip"]["last_seen"] == "2026-03-06T09:00:00Z"
    # failures after the last sign of life are not outages: the page is unreachable now
    assert pages["/down"]["outages"] == [] and pages["/down"]["captures"] == 4


def test_takedowns_revisits_show_what_their_response_showed(db: Path) -> None:
    """A revisit (same payload as before), in the same file or in a later one, is the page up with that content."""
    same = _pages(db)["/same"]
    assert (same["captures"], same["contents"], same["last_seen"]) == (3, 1, "2026-03-06T09:00:00Z")
    with Store(db) as store:
        (rows,) = [r for r in store.capture_rows().values() if r[0].capture.url == fx.HOST + "/same"]
        assert len({r.version_id for r in rows}) == 1 and rows[0].version_id is not None


def test_takedowns_only_pages_are_pages(db: Path) -> None:
    pages = _pages(db)
    assert not {"/logo.png", "/app.js", "/feed.json"} & set(pages)
    with Store(db) as store:
        urls = {doc.url for doc_id in _doc_ids(store) if (doc := store.get_document(doc_id))}
        assert not {fx.HOST + p for p in ("/logo.png", "/app.js", "/feed.json")} & urls
        assert any(c.content_type == "image/png" for rows in store.captures().values() for c in rows)


def _doc_ids(store: Store) -> list[str]:
    return [str(row[0]) for row in store._conn.execute("SELECT doc_id FROM documents")]


def test_takedowns_edited_out_quote_is_kept_and_dated(db: Path) -> None:
    edited = _trace(db, fx.QUOTE_A)["first_seen"]
    assert (edited["quote_status"], edited["edited_out_at"]) == ("edited_out", "2026-03-04T09:00:00Z")
    assert edited["liveness"] == "changed" and edited["published_at"] == "2026-03-01"
    kept = _trace(db, fx.QUOTE_B)["first_seen"]
    assert (kept["quote_status"], kept["edited_out_at"]) == ("present", None)
    table = cli.invoke(app, ["trace", fx.QUOTE_A, "--db", str(db)]).stdout
    assert "edited out 2026-03-04, page still up" in table


def test_takedowns_quote_status_per_page(db: Path) -> None:
    heating = _sightings(db, fx.QUOTE_C)
    expected = {
        "/soft-en": "page_removed", "/legal": "page_removed", "/gone": "page_removed", "/to-front": "page_removed",
        "/notice": "page_removed", "/wall": "present", "/geo": "present", "/down": "present",
        "/outage": "present", "/blip": "present", "/same": "present",
    }
    assert {path: heating[path]["quote_status"] for path in expected} == expected
    assert _sightings(db, fx.QUOTE_RU)["/soft-ru"]["quote_status"] == "page_removed"


def test_takedowns_truncated_capture_edits_nothing_out(db: Path) -> None:
    for words in (fx.QUOTE_D, fx.QUOTE_E):  # E is in the paragraphs the truncated captures lack
        status = _sightings(db, words)["/cut"]
        assert (status["quote_status"], status["edited_out_at"]) == ("present", None), words
    with Store(db) as store:
        (doc_id,) = [d for d in _doc_ids(store) if store.get_document(d).url == fx.HOST + "/cut"]  # type: ignore[union-attr]
        shown = store.get_document(doc_id)
        assert shown is not None and "nobody had given up" in shown.text  # the complete version is shown
        versions = store.versions([doc_id])[doc_id]
        assert sorted(v.partial for v in versions) == [False, True]


def test_takedowns_no_quote_lost_and_soft_404_never_replaces_the_article(db: Path) -> None:
    with Store(db) as store:
        for words in (fx.QUOTE_A, fx.QUOTE_B, fx.QUOTE_C, fx.QUOTE_D, fx.QUOTE_E, fx.QUOTE_RU):
            assert store.query_quotes(search=words), words
        texts = {doc.url: doc.text for d in _doc_ids(store) if (doc := store.get_document(d))}
    assert fx.QUOTE_C in texts[fx.HOST + "/soft-en"] and fx.QUOTE_RU in texts[fx.HOST + "/soft-ru"]
    assert all("couldn't find" not in text and "не существует" not in text for text in texts.values())
    assert fx.QUOTE_A not in texts[fx.HOST + "/edit"]  # the document shows the latest version


def test_takedowns_removed_since(db: Path) -> None:
    assert set(_pages(db, "--removed", "--since", "2026-03-04")) == {
        "/soft-en", "/soft-ru", "/legal", "/gone", "/to-front", "/notice"}
    assert _pages(db, "--removed", "--since", "2026-03-05") == {}
    assert set(_pages(db, "--liveness", "blocked", "--liveness", "unreachable")) == {"/wall", "/geo", "/down"}


def _state(db: Path) -> tuple[Any, ...]:
    with Store(db) as store:
        conn = store._conn
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("documents", "document_versions", "quotes", "quote_versions", "captures"))


def test_takedowns_reingest_is_idempotent_and_order_does_not_matter(
    db: Path, crawls: dict[str, Path], tmp_path: Path
) -> None:
    before = _state(db)
    output = _ingest(db, crawls["first"], crawls["second"], crawls["cut"])
    assert "0 inserted, 0 updated" in output and "new captures" not in output
    assert _state(db) == before
    in_order = tmp_path / "in-order.db"
    _ingest(in_order, crawls["first"], crawls["second"], crawls["cut"])

    def comparable(pages: dict[str, dict[str, Any]]) -> dict[str, Any]:
        return {p: {**v, "evidence": {**v["evidence"], "source": None}} for p, v in pages.items()}

    assert comparable(_pages(in_order)) == comparable(_pages(db))
    for words in (fx.QUOTE_A, fx.QUOTE_C, fx.QUOTE_E):
        a, b = _sightings(in_order, words), _sightings(db, words)
        assert {p: (s["quote_status"], s["edited_out_at"]) for p, s in a.items()} == {
            p: (s["quote_status"], s["edited_out_at"]) for p, s in b.items()}
    assert _state(in_order) == before


def test_takedowns_pages_lists_documents_never_captured_as_unknown(tmp_path: Path) -> None:
    from quotetrace.link import store_document
    from quotetrace.model import Document

    db = tmp_path / "files.db"
    with Store(db) as store:
        for name, url in (("a.html", "https://x.example/a"), ("b.html", "https://x.example/b"), ("c.txt", None)):
            store_document(store, Document(id=name, doc_id=name, source=name, text=f"Text of {name}.", url=url))
    result = cli.invoke(app, ["pages", "--db", str(db), "-f", "jsonl"])
    pages = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [(p["url"], p["liveness"], p["evidence"]) for p in pages] == [
        ("https://x.example/a", "unknown", None), ("https://x.example/b", "unknown", None)]
    assert "2 of 2 pages shown (2 unknown); 2 never captured (liveness unknown); documents without a URL (not " \
           "pages): 1" in result.output


def test_takedowns_batch_then_load_gives_what_ingest_gives(db: Path, crawls: dict[str, Path], tmp_path: Path) -> None:
    out, loaded = tmp_path / "out", tmp_path / "loaded.db"
    paths = [str(crawls[k]) for k in ("first", "second", "cut")]
    result = cli.invoke(app, ["batch", *paths, "--out", str(out), "--workers", "1", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert cli.invoke(app, ["load", str(out), "--db", str(loaded)]).exit_code == 0
    assert cli.invoke(app, ["link", "--db", str(loaded), "--no-paraphrase"]).exit_code == 0

    def liveness(path: Path) -> dict[str, tuple[Any, ...]]:
        return {p: (v["liveness"], v["removed_at"], v["evidence"]["reason"], len(v["outages"]), v["contents"])
                for p, v in _pages(path).items()}

    assert liveness(loaded) == liveness(db)
    edited = _trace(loaded, fx.QUOTE_A)["first_seen"]
    assert (edited["quote_status"], edited["edited_out_at"]) == ("edited_out", "2026-03-04T09:00:00Z")
