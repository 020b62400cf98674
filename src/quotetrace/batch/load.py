"""``quotetrace load``: the Parquet datasets of a batch into the store, one part file at a time.

A documents part and the quotes, mentions and captures parts of the same name hold the same input's rows,
so loading streams part by part in constant memory. Documents and captures are stored the way
``quotetrace ingest`` stores them (``link.store_document``, ``link.record_captures``), so a load gives the
rows an ingest of the same inputs would; run ``quotetrace link`` afterwards as usual.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quotetrace import link
from quotetrace.batch.core import BatchError
from quotetrace.batch.output import OutputDir
from quotetrace.batch.schema import CAPTURES, DOCUMENTS, MENTIONS, QUOTES, Row, capture_from_row, document_from_rows

if TYPE_CHECKING:  # only a type here: batch/ does not import the store (a Ray worker never needs it)
    from quotetrace.store import Store


@dataclass(slots=True)
class LoadSummary:
    documents: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    quotes: int = 0
    captures: int = 0

    def line(self) -> str:
        return (
            f"{self.documents} documents ({self.inserted} inserted, {self.updated} updated, {self.unchanged} "
            f"unchanged), {self.quotes} quotes, {self.captures} captures loaded"
        )


def load_batch(folder: str, store: Store) -> LoadSummary:
    """Load every part under ``folder`` (a local path or URI) into ``store``."""
    output = OutputDir(folder)
    if not output.exists(DOCUMENTS):
        raise BatchError(f"{folder}: not a folder written by quotetrace batch (no {DOCUMENTS}/)")
    summary = LoadSummary()
    names = sorted(set(output.parts(DOCUMENTS)) | set(output.parts(CAPTURES)))
    for name in names:
        # Captures first, as ingest does: a document whose WARC record gave its capture adds no second one.
        captures = [capture_from_row(row) for row in _rows(output, CAPTURES, name)]
        if captures:
            summary.captures += link.record_captures(store, captures)
        documents = _rows(output, DOCUMENTS, name)
        quotes = _by_doc(_rows(output, QUOTES, name))
        mentions = _by_doc(_rows(output, MENTIONS, name))
        for row in documents:
            doc = document_from_rows(row, quotes.get(row["doc_id"], []), mentions.get(row["doc_id"], []))
            result = link.store_document(store, doc)  # as `quotetrace ingest` stores it
            summary.documents += 1
            setattr(summary, result, getattr(summary, result) + 1)
            summary.quotes += len(doc.quotes)
    return summary


def _rows(output: OutputDir, dataset: str, name: str) -> list[Row]:
    table = output.read_part(dataset, name)
    return [] if table is None else table.to_pylist()


def _by_doc(rows: list[Row]) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[row["doc_id"]].append(row)
    return grouped
