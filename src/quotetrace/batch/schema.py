"""The Parquet datasets a batch writes: their Arrow schemas, and Documents to rows and back.

Columns match the store's tables (``store/sqlite.py``); a quote row has the field names of a quote in
``quotetrace extract``'s JSONL, with the speaker mention flattened into three columns and the document's
``id`` and ``doc_id`` alongside. One input's rows go to files of the same name in every dataset
(``part-<input key>-<chunk>.parquet``), so a reader can join a documents file to its quotes file by name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from quotetrace.keys import content_hash, speaker_key
from quotetrace.model import CAPTURE_STATES, Capture, Document, Mention, Quote, Skip, TextSpan
from quotetrace.pipeline import document_id

DOCUMENTS = "documents"
QUOTES = "quotes"
MENTIONS = "mentions"
CAPTURES = "captures"
ERRORS = "errors"

_text = pa.string()
_int = pa.int64()

SCHEMAS: dict[str, pa.Schema] = {
    DOCUMENTS: pa.schema([
        ("doc_id", _text), ("id", _text), ("source", _text), ("url", _text), ("outlet", _text),
        ("title", _text), ("published_at", _text), ("fetched_at", _text), ("language", _text),
        ("text", _text), ("content_hash", _text), ("input", _text),
    ]),
    QUOTES: pa.schema([
        ("id", _text), ("doc_id", _text), ("quote_index", pa.int32()), ("text", _text), ("start", _int),
        ("end", _int), ("kind", _text), ("cue", _text), ("speaker_mention_text", _text),
        ("speaker_mention_start", _int), ("speaker_mention_end", _int), ("speaker", _text),
        ("speaker_id", _text), ("descriptors", pa.list_(_text)), ("confidence", pa.float64()),
        ("language", _text),
        ("fragments", pa.list_(pa.struct([("text", _text), ("start", _int), ("end", _int)]))),
        ("type", _text), ("via_text", _text), ("via_start", _int), ("via_end", _int),
    ]),
    MENTIONS: pa.schema([
        ("doc_id", _text), ("start", _int), ("end", _int), ("text", _text), ("label", _text),
    ]),
    CAPTURES: pa.schema([
        ("url", _text), ("doc_id", _text), ("fetched_at", _text), ("http_status", pa.int32()),
        ("content_hash", _text), ("location", _text), ("removal_notice", pa.bool_()), ("source", _text),
        ("state", _text), ("reason", _text), ("detail", _text), ("content_type", _text), ("truncated", pa.bool_()),
        ("payload_digest", _text),
    ]),
    # stage: "read" (the reader refused the record), "process" (clean/extract/attribute failed or warned),
    # "worker" (a worker died and took the record or batch with it: re-running retries the input).
    ERRORS: pa.schema([
        ("input", _text), ("source", _text), ("reason", _text), ("stage", _text), ("fatal", pa.bool_()),
    ]),
}
DATASETS = tuple(SCHEMAS)

Row = dict[str, Any]


@dataclass(slots=True)
class Rows:
    """Rows for each dataset, gathered until they are written as one part."""

    tables: dict[str, list[Row]] = field(default_factory=lambda: {name: [] for name in DATASETS})

    def extend(self, other: Rows) -> None:
        for name, rows in other.tables.items():
            self.tables[name].extend(rows)

    def __len__(self) -> int:
        return len(self.tables[DOCUMENTS]) + len(self.tables[ERRORS])

    def to_tables(self) -> dict[str, pa.Table]:
        """Non-empty datasets as Arrow tables with their schemas."""
        return {
            name: pa.Table.from_pylist(rows, schema=SCHEMAS[name]) for name, rows in self.tables.items() if rows
        }


def document_rows(doc: Document, input_uri: str) -> Rows:
    rows = Rows()
    rows.tables[DOCUMENTS].append({
        "doc_id": doc.doc_id, "id": doc.id, "source": doc.source, "url": doc.url, "outlet": doc.outlet,
        "title": doc.title, "published_at": doc.published_at, "fetched_at": doc.fetched_at,
        "language": doc.language, "text": doc.text, "content_hash": content_hash(doc), "input": input_uri,
    })
    rows.tables[QUOTES].extend(quote_row(doc, index, quote) for index, quote in enumerate(doc.quotes))
    rows.tables[MENTIONS].extend(
        {"doc_id": doc.doc_id, "start": m.start, "end": m.end, "text": m.text, "label": m.label}
        for m in doc.mentions
    )
    return rows


def quote_row(doc: Document, index: int, quote: Quote) -> Row:
    mention = quote.speaker_mention
    speaker = quote.speaker.strip() if quote.speaker else ""
    return {
        "id": doc.id, "doc_id": doc.doc_id, "quote_index": index, "text": quote.text, "start": quote.start,
        "end": quote.end, "kind": quote.kind, "cue": quote.cue,
        "speaker_mention_text": mention.text if mention else None,
        "speaker_mention_start": mention.start if mention else None,
        "speaker_mention_end": mention.end if mention else None,
        "speaker": quote.speaker, "speaker_id": speaker_key(speaker, doc.doc_id) if speaker else None,
        "descriptors": list(quote.descriptors), "confidence": quote.confidence, "language": quote.language,
        "fragments": [{"text": f.text, "start": f.start, "end": f.end} for f in quote.fragments],
        "type": quote.type, "via_text": quote.via.text if quote.via else None,
        "via_start": quote.via.start if quote.via else None, "via_end": quote.via.end if quote.via else None,
    }


def capture_row(capture: Capture) -> Row:
    """A capture is keyed like the document at its URL (hash of the canonical URL), as in the store."""
    return {
        "url": capture.url, "doc_id": document_id(capture.url, ""), "fetched_at": capture.fetched_at,
        "http_status": capture.http_status, "content_hash": capture.content_hash, "location": capture.location,
        "removal_notice": capture.removal_notice, "source": capture.source, "state": capture.state,
        "reason": capture.reason, "detail": capture.detail, "content_type": capture.content_type,
        "truncated": capture.truncated, "payload_digest": capture.payload_digest,
    }


def capture_from_row(row: Row) -> Capture:
    """A captures row back (a part written before captures had verdicts has none: they are derived on reading)."""
    state = row.get("state")
    return Capture(
        url=row["url"], fetched_at=row["fetched_at"], http_status=row["http_status"],
        content_hash=row["content_hash"], location=row["location"], removal_notice=bool(row["removal_notice"]),
        source=row["source"], state=state if state in CAPTURE_STATES else None, reason=row.get("reason"),
        detail=row.get("detail"), content_type=row.get("content_type"), truncated=bool(row.get("truncated")),
        payload_digest=row.get("payload_digest"),
    )


def error_row(input_uri: str, skip: Skip, stage: str) -> Row:
    return {"input": input_uri, "source": skip.source, "reason": skip.reason, "stage": stage, "fatal": skip.fatal}


def document_from_rows(document: Row, quotes: list[Row], mentions: list[Row]) -> Document:
    """The Document that ``document_rows`` was made from (what ``quotetrace load`` stores)."""
    return Document(
        id=document["id"], doc_id=document["doc_id"], source=document["source"], text=document["text"],
        title=document["title"], url=document["url"], outlet=document["outlet"],
        published_at=document["published_at"], fetched_at=document["fetched_at"], language=document["language"],
        quotes=[_quote(row) for row in sorted(quotes, key=lambda row: int(row["quote_index"]))],
        mentions=[Mention(row["text"], row["start"], row["end"], row["label"]) for row in mentions],
    )


def _quote(row: Row) -> Quote:
    mention = None
    if row["speaker_mention_text"] is not None:
        mention = TextSpan(row["speaker_mention_text"], row["speaker_mention_start"], row["speaker_mention_end"])
    return Quote(
        text=row["text"], start=row["start"], end=row["end"], kind=row["kind"], cue=row["cue"],
        speaker_mention=mention, speaker=row["speaker"], descriptors=list(row["descriptors"] or []),
        confidence=row["confidence"], language=row["language"],
        fragments=[TextSpan(f["text"], f["start"], f["end"]) for f in row.get("fragments") or []],
        type=row.get("type") or "speech",
        via=TextSpan(row["via_text"], row["via_start"], row["via_end"]) if row.get("via_text") is not None else None,
    )
