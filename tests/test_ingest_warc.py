"""WARC files: captures per response record, HTML pages as documents, bad records as coded Skips."""

from __future__ import annotations

import sys
from pathlib import Path

from quotetrace.ingest import read_inputs
from quotetrace.model import Capture, RawDocument, Skip

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from make_echo_corpus import write_warc

PAGE = ("<html><head><title>Appeal</title></head><body><article><p>“We ask every family in the valley to open "
        "their doors,” Lena Varga said on Monday in Kestrel.</p><p>The association said more shelters would open "
        "this week across the region.</p></article></body></html>").encode()


def _records() -> list[dict[str, object]]:
    url = "https://veterans-association.org/appeal"
    return [
        {"url": url, "date": "2026-02-01T09:00:00Z", "status": 200, "body": PAGE, "record_id": "<urn:uuid:1>"},
        {"url": url, "date": "2026-02-05T09:00:00Z", "status": 200, "body": PAGE, "record_id": "<urn:uuid:1>"},
        {"url": "https://x.org/report.pdf", "date": "2026-02-02T09:00:00Z", "status": 200, "body": b"%PDF-1.4",
         "content_type": "application/pdf"},
        {"url": "https://x.org/nodate", "date": None, "status": 200, "body": PAGE},
        {"url": url, "date": "2026-02-09T09:00:00Z", "status": 404, "body": b"<html>Not found</html>"},
    ]


def test_ingest_warc_captures_documents_and_skips(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, _records())  # type: ignore[arg-type]
    items = list(read_inputs([str(path)]))
    captures = [i for i in items if isinstance(i, Capture)]
    docs = [i for i in items if isinstance(i, RawDocument)]
    skips = [i for i in items if isinstance(i, Skip)]
    assert [(c.url.rsplit("/", 1)[-1], c.http_status) for c in captures] == [
        ("appeal", 200), ("report.pdf", 200), ("appeal", 404)]
    assert len(docs) == 1 and docs[0].fetched_at == "2026-02-01T09:00:00Z" and "Lena Varga" in (docs[0].text or "")
    reasons = " | ".join(s.reason for s in skips)
    assert "[E019]" in reasons and "[W016]" in reasons and "[E017]" in reasons
    assert [s.fatal for s in skips if "[W016]" in s.reason] == [False]


def test_ingest_warc_truncated_file_keeps_the_records_before(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, _records()[:1] * 1 + [{**_records()[4], "record_id": "<urn:uuid:9>"}])  # type: ignore[arg-type]
    data = path.read_bytes()
    path.write_bytes(data + data[: len(data) // 3])  # a third record cut short
    items = list(read_inputs([str(path)]))
    assert sum(isinstance(i, Capture) for i in items) >= 2
    assert any(isinstance(i, Skip) and "[E020]" in i.reason for i in items) or any(
        isinstance(i, Skip) and "[E019]" in i.reason for i in items)


def test_ingest_warc_corrupt_file_is_one_skip(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(b"\x1f\x8b not really gzip at all")
    items = list(read_inputs([str(path)]))
    assert len(items) == 1 and isinstance(items[0], Skip) and items[0].fatal  # E020 or E021, never a traceback


def _fixtures(tmp_path: Path) -> dict[str, Path]:
    sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "warc"))
    import make_fixtures

    return make_fixtures.write_all(tmp_path)


def _by_path(items: list[object]) -> dict[str, list[Capture]]:
    out: dict[str, list[Capture]] = {}
    for item in items:
        if isinstance(item, Capture):
            out.setdefault(item.url.removeprefix("https://news.example"), []).append(item)
    return out


def test_ingest_warc_failed_fetches_revisits_and_truncation(tmp_path: Path) -> None:
    paths = _fixtures(tmp_path)
    second = list(read_inputs([str(paths["second"])]))
    captures = _by_path(second)
    # a request never answered, a crawler's note that the fetch timed out, then a 504
    assert [(c.state, c.reason, c.http_status) for c in captures["/down"]] == [
        ("down", "timeout", 504), ("down", "connection_error", None), ("down", "timeout", None)]
    # a revisit of a response in another file waits for the store to resolve it by its payload digest
    (revisit,) = captures["/same"]
    assert revisit.reason == "revisit" and revisit.content_hash.startswith("revisit:") and revisit.payload_digest
    (cut,) = captures["/cut"]
    assert (cut.truncated, cut.state, cut.reason) == (True, "up", "truncated")
    (doc,) = [i for i in second if isinstance(i, RawDocument) and i.url and i.url.endswith("/cut")]
    assert "warehouse near the railway station" in (doc.text or "") and "Ilves said" not in (doc.text or "")
    first = _by_path(list(read_inputs([str(paths["first"])])))
    response, same_file_revisit = first["/same"]
    assert same_file_revisit.content_hash == response.content_hash and same_file_revisit.state == "up"
    assert {c.content_type for c in first["/logo.png"] + first["/app.js"]} == {"image/png", "application/javascript"}
    items = list(read_inputs([str(paths["cut"])]))  # the file ends inside its only record
    assert [(c.truncated, c.reason) for c in items if isinstance(c, Capture)] == [(True, "truncated")]


def test_ingest_warc_a_stored_payload_is_not_read_again(tmp_path: Path) -> None:
    paths = _fixtures(tmp_path)
    first = [i for i in read_inputs([str(paths["first"])]) if isinstance(i, Capture)]
    stored = {(c.url, c.payload_digest): c for c in first}
    items = list(read_inputs([str(paths["first"])], seen=lambda url, digest: stored.get((url, digest))))
    assert not [i for i in items if isinstance(i, RawDocument)]  # every page was read before
    again = [i for i in items if isinstance(i, Capture)]
    assert [(c.url, c.content_hash, c.state) for c in again] == [(c.url, c.content_hash, c.state) for c in first]
