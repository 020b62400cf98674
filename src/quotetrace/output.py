"""Writing documents, stored quotes and speaker counts as JSON Lines, CSV or a table (for the CLI).

JSONL and CSV stream (one write per document or row); a table needs every row first, so it is printed
when the writer closes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from enum import StrEnum
from types import TracebackType
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from quotetrace.link.provenance import Echo, PageHistory, Trace
from quotetrace.model import Document, Quote, Skip
from quotetrace.reach import STATEMENT_COLUMNS, Reach
from quotetrace.store import DocumentRow, MemberRow, OutletRow, QuoteRow, SpeakerRow


class Format(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


# Quote fields flattened for CSV (the speaker mention becomes three columns).
QUOTE_COLUMNS = (
    "text", "start", "end", "kind", "type", "cue", "speaker_mention", "speaker_mention_start",
    "speaker_mention_end", "speaker", "via", "descriptors", "confidence", "language",
)
# Everywhere users see documents, ``doc_id`` is the document's id as ingested (a record's own id, else the file
# name) and ``doc_key`` the store's key (the hash of its canonical URL or text).
DOCUMENT_QUOTE_COLUMNS = ("doc_id", "doc_key", "outlet", "published_at", *QUOTE_COLUMNS)
STORED_QUOTE_COLUMNS = (
    "quote_id", "statement_id", "relation", "doc_id", "doc_key", "title", "url", "outlet", "published_at",
    *QUOTE_COLUMNS, "speaker_id",
)
SPEAKER_COLUMNS = ("name", "quotes", "documents")
DOCUMENT_COLUMNS = ("doc_id", "doc_key", "title", "url", "outlet", "published_at", "language", "quotes", "source")
OUTLET_COLUMNS = ("outlet", "documents", "quotes", "first_published", "last_published")
SIGHTING_COLUMNS = (
    "statement_id", "role", "doc_id", "doc_key", "title", "outlet", "url", "published_at", "seen_at", "relation",
    "speaker", "misattributed", "language", "liveness", "removed_at", "up_days", "quote_status", "edited_out_at",
    "changes", "text",
)

QUOTE_WIDTH = 80  # characters of quote text shown in a table


def skip_line(skip: Skip) -> str:
    """The one line a Skip is reported as on stderr."""
    reason = " ".join(skip.reason.split())
    return f"quotetrace: {skip.source}: {reason}"


def shorten(text: str, width: int = QUOTE_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def quote_columns(quote: Quote | QuoteRow) -> dict[str, Any]:
    mention = quote.speaker_mention
    return {
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind,
        "type": quote.type,
        "cue": quote.cue,
        "speaker_mention": mention.text if mention else None,
        "speaker_mention_start": mention.start if mention else None,
        "speaker_mention_end": mention.end if mention else None,
        "speaker": quote.speaker,
        "via": quote.via.text if quote.via else None,
        "descriptors": "; ".join(quote.descriptors),
        "confidence": round(quote.confidence, 3),
        "language": quote.language,
    }


def _speaker_cell(quote: Quote | QuoteRow) -> str:
    if quote.speaker:
        return quote.speaker
    return quote.speaker_mention.text if quote.speaker_mention else "—"


def _table(*headers: str) -> Table:
    return Table(*headers, header_style="bold")


def _add_row(table: Table, *cells: str) -> None:
    # Text, not str: quoted text like "[bold]" must not be read as rich markup.
    table.add_row(*(Text(cell) for cell in cells))


# Piped or redirected, a table is printed this wide rather than rich's 80 columns, so quotes stay readable.
PIPED_TABLE_WIDTH = 160


def _print_table(table: Table, out: TextIO) -> None:
    is_terminal = hasattr(out, "isatty") and out.isatty()
    Console(file=out, soft_wrap=False, width=None if is_terminal else PIPED_TABLE_WIDTH).print(table)


class DocumentWriter:
    """Writes Documents in one format; use as a context manager (a table is printed on close)."""

    def __init__(self, fmt: Format, out: TextIO) -> None:
        self.fmt = fmt
        self.out = out
        self._csv: csv.DictWriter[str] | None = None
        self._table: Table | None = None
        if fmt is Format.csv:
            self._csv = csv.DictWriter(self.out, fieldnames=DOCUMENT_QUOTE_COLUMNS)
            self._csv.writeheader()
        elif fmt is Format.table:
            self._table = _table("speaker", "kind", "cue", "quote", "document")

    def write(self, doc: Document) -> None:
        if self._csv is not None:
            for quote in doc.quotes:
                self._csv.writerow({
                    "doc_id": doc.id, "doc_key": doc.doc_id, "outlet": doc.outlet,
                    "published_at": doc.published_at, **quote_columns(quote),
                })
        elif self._table is not None:
            for quote in doc.quotes:
                _add_row(
                    self._table, _speaker_cell(quote), quote.kind, quote.cue or "", shorten(quote.text),
                    doc.title or doc.id,
                )
        else:
            self.out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        self.out.flush()

    def close(self) -> None:
        if self._table is not None:
            _print_table(self._table, self.out)
            self._table = None

    def __enter__(self) -> DocumentWriter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            self.close()


# -- lists: one record per row, written as JSON Lines, CSV or a table --------------------------------------------

def _csv_cell(value: object) -> object:
    """Lists joined by "; ", objects as JSON, booleans as true/false: one plain cell each."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "; ".join(_csv_cell_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _csv_cell_text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else str(value)


def record_lines(records: Iterable[Mapping[str, Any]], columns: Sequence[str], fmt: Format) -> Iterator[str]:
    """Records as lines of JSONL (every field) or CSV (a header, then the ``columns``); what exports stream."""
    if fmt is Format.jsonl:
        for record in records:
            yield json.dumps(record, ensure_ascii=False) + "\n"
        return
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for record in records:
        writer.writerow({k: _csv_cell(record.get(k)) for k in columns})
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _write_lines(lines: Iterable[str], out: TextIO) -> None:
    for line in lines:
        if line:
            out.write(line)


def quote_record(row: QuoteRow, *, flat: bool) -> dict[str, Any]:
    """A stored quote as exported: nested as the API gives it, or flat (CSV) with the mention in three columns."""
    if not flat:
        return row.to_dict()
    return {
        "quote_id": row.quote_id, "statement_id": row.statement_id, "relation": row.relation, "doc_id": row.id,
        "doc_key": row.doc_id, "title": row.title, "url": row.url, "outlet": row.outlet,
        "published_at": row.published_at, **quote_columns(row), "speaker_id": row.speaker_id,
    }


def write_quote_rows(rows: Iterable[QuoteRow], fmt: Format, out: TextIO) -> None:
    """Stored quotes (from ``Store.search_quotes``)."""
    if fmt is not Format.table:
        _write_lines(record_lines((quote_record(r, flat=fmt is Format.csv) for r in rows), STORED_QUOTE_COLUMNS,
                                  fmt), out)
        return
    table = _table("speaker", "kind", "cue", "quote", "outlet", "published", "document", "statement")
    for row in rows:
        _add_row(
            table, _speaker_cell(row), row.kind, row.cue or "", shorten(row.text), row.outlet or "",
            row.published_at or "", row.title or row.id, row.statement_id or "",
        )
    _print_table(table, out)


def write_statements(rows: Sequence[Reach], fmt: Format, out: TextIO) -> None:
    """Statements with their reach (from ``reach.statements``)."""
    if fmt is not Format.table:
        _write_lines(record_lines((r.to_dict() for r in rows), STATEMENT_COLUMNS, fmt), out)
        return
    table = _table("first seen", "speaker", "statement", "sightings", "outlets", "relations", "flags", "statement_id")
    for reach in rows:
        r = reach.row
        flags = ", ".join(f for f, on in (("removed", reach.removed), ("altered", r.altered)) if on)
        _add_row(table, r.first_seen or "undated", r.speaker or "—", shorten(r.text, 60), str(r.sightings),
                 str(r.outlets), ", ".join(x for x in r.relations if x != "original"), flags, r.statement_id)
    _print_table(table, out)


def document_record(row: DocumentRow) -> dict[str, Any]:
    return {"doc_id": row.doc_id, "doc_key": row.doc_key, "title": row.title, "url": row.url, "outlet": row.outlet,
            "published_at": row.published_at, "language": row.language, "quotes": row.quotes, "source": row.source}


def outlet_record(row: OutletRow) -> dict[str, Any]:
    return {"outlet": row.outlet, "documents": row.documents, "quotes": row.quotes,
            "first_published": row.first_published, "last_published": row.last_published}


def speaker_record(row: SpeakerRow) -> dict[str, Any]:
    return {"speaker_id": row.speaker_id, "name": row.name, "aliases": list(row.aliases),
            "descriptors": list(row.descriptors), "anonymous": row.anonymous, "quotes": row.quotes,
            "documents": row.documents, "statements": row.statements}


CANONICAL_SPEAKER_COLUMNS = ("name", "quotes", "documents", "statements", "aliases", "descriptors", "speaker_id")


def write_canonical_speakers(rows: Sequence[SpeakerRow], fmt: Format, out: TextIO) -> None:
    """Speakers with aliases, descriptors and numbers of quotes, documents and statements."""
    if fmt is not Format.table:
        records = ({"name": r.name, "quotes": r.quotes, "documents": r.documents, "statements": r.statements,
                    "aliases": r.aliases, "descriptors": r.descriptors, "speaker_id": r.speaker_id} for r in rows)
        _write_lines(record_lines(records, CANONICAL_SPEAKER_COLUMNS, fmt), out)
        return
    table = _table("speaker", "quotes", "documents", "statements", "aliases", "descriptors")
    for r in rows:
        _add_row(table, r.name, str(r.quotes), str(r.documents), str(r.statements), "; ".join(r.aliases),
                 "; ".join(r.descriptors))
    _print_table(table, out)


def write_speaker_quotes(
    speakers: Sequence[SpeakerRow], quotes: Sequence[MemberRow], fmt: Format, out: TextIO
) -> None:
    """One speaker's quotes in time order, each with its statement and relation."""
    records = [
        {"statement_id": q.statement_id, "relation": q.relation, "published_at": q.published_at or q.seen_at,
         "outlet": q.outlet, "url": q.url, "doc_id": q.id, "doc_key": q.doc_id, "text": q.text, "speaker": q.speaker}
        for q in quotes
    ]
    columns = ("statement_id", "relation", "published_at", "outlet", "url", "doc_id", "doc_key", "text", "speaker")
    if fmt is not Format.table:
        _write_lines(record_lines(records, columns, fmt), out)
        return
    for s in speakers:
        aliases = f" (also: {'; '.join(s.aliases)})" if s.aliases else ""
        roles = f" — {'; '.join(s.descriptors)}" if s.descriptors else ""
        out.write(f"{s.name}{aliases}{roles}: {s.quotes} quotes, {s.statements} statements, "
                  f"{s.documents} documents\n")
    table = _table("date", "outlet", "relation", "quote", "statement")
    for r in records:
        _add_row(table, str(r["published_at"] or ""), str(r["outlet"] or ""), str(r["relation"] or ""),
                 shorten(str(r["text"])), str(r["statement_id"] or ""))
    _print_table(table, out)


def changes_text(changes: Sequence[tuple[str, str]]) -> Text:
    """An altered echo's changes: the original words struck through, then the echo's in bold red ("—" where
    the echo has no words for it: a negation dropped). Built as rich Text, never markup, so that quoted
    words such as "[bold]" print as they are."""
    text = Text()
    for k, (original, echo) in enumerate(changes):
        if k:
            text.append("; ")
        text.append(original or "—", style="strike")
        text.append(" → ")
        text.append(echo or "—", style="bold red")
    return text


def sighting_records(trace: Trace, *, flat: bool) -> Iterator[dict[str, Any]]:
    """A statement's sightings, the first one first, one record each (``trace --format csv|jsonl``)."""
    sightings: list[tuple[str, Echo]] = [("first_seen", trace.first_seen), *(("echo", e) for e in trace.echoes)]
    for role, echo in sightings:
        record = {"statement_id": trace.statement_id, "role": role, **echo.to_dict(), "seen_at": echo.seen_at,
                  "misattributed": echo.misattributed}
        if flat:
            record["changes"] = "; ".join(f"{a} → {b}" for a, b in echo.changes)
        yield record


def quote_status_phrase(echo: Echo) -> str:
    """A sighting's quote status in words: "present", "edited out 2026-03-04, page still up", ..."""
    when = (echo.edited_out_at or "")[:10]
    if echo.quote_status == "edited_out":
        page = "page still up" if echo.liveness in ("live", "changed") else f"page now {echo.liveness}"
        return f"edited out {when}, {page}" if when else f"edited out, {page}"
    if echo.quote_status == "page_removed":
        return f"page removed (edited out {when} before)" if when else "page removed"
    return "not checked" if echo.quote_status == "unknown" else echo.quote_status


def write_trace(trace: Trace, out: TextIO, *, as_json: bool = False, fmt: Format = Format.table) -> None:
    """A statement's provenance: one JSON object, one record per sighting, or the first sighting then the echoes
    (an altered echo shows what it changed beside the original words)."""
    if as_json:
        out.write(json.dumps(trace.to_dict(), ensure_ascii=False) + "\n")
        return
    if fmt is not Format.table:
        _write_lines(record_lines(sighting_records(trace, flat=fmt is Format.csv), SIGHTING_COLUMNS, fmt), out)
        return
    first = trace.first_seen
    out.write(f"statement {trace.statement_id}: {trace.speaker or 'unknown speaker'}: {shorten(trace.text)}\n")
    out.write(f"first seen  {first.published_at or first.seen_at or 'undated'}  {first.outlet or ''}  "
              f"{first.url or first.doc_id}  [{first.liveness}; {quote_status_phrase(first)}]  "
              f"({first.language or '?'})\n")
    table = _table("date", "outlet", "relation", "changed", "language", "attributed to", "liveness", "quote", "url")
    for echo in trace.echoes:
        speaker = (echo.speaker or "—") + (" (!! other speaker)" if echo.misattributed else "")
        before = [echo.published_at or echo.seen_at or "undated", echo.outlet or "", echo.relation]
        after = [echo.language or "?", speaker, echo.liveness, quote_status_phrase(echo), echo.url or echo.doc_id]
        table.add_row(*(Text(cell) for cell in before), changes_text(echo.changes), *(Text(cell) for cell in after))
    _print_table(table, out)


PAGE_COLUMNS = (
    "doc_id", "doc_key", "url", "title", "liveness", "first_seen", "last_seen", "removed_at", "up_days", "captures",
    "contents", "evidence_at", "evidence_status", "evidence_state", "evidence_reason", "evidence_detail", "outages",
)


def _page_columns(h: PageHistory) -> dict[str, Any]:
    """A page as one flat row (CSV): its evidence spread over columns, its outages counted."""
    record = {name: value for name, value in h.to_dict().items() if name in PAGE_COLUMNS}
    e = h.evidence
    record.update(
        evidence_at=e and e.fetched_at, evidence_status=e and e.http_status, evidence_state=e and e.state,
        evidence_reason=e and e.reason, evidence_detail=e and e.detail, outages=len(h.outages),
    )
    return record


def _evidence_cell(h: PageHistory) -> str:
    if h.evidence is None:
        return "never captured"
    e = h.evidence
    status = f"{e.http_status} " if e.http_status is not None else ""
    detail = f": {shorten(e.detail, 40)}" if e.detail and not e.detail.startswith("http ") else ""
    return f"{status}{e.reason}{detail}"


def write_pages(histories: Sequence[PageHistory], fmt: Format, out: TextIO) -> None:
    """Pages with liveness and its evidence, first and last seen, removal, days up."""
    if fmt is Format.jsonl:
        for h in histories:
            out.write(json.dumps(h.to_dict(), ensure_ascii=False) + "\n")
    elif fmt is Format.csv:
        writer = csv.DictWriter(out, fieldnames=PAGE_COLUMNS)
        writer.writeheader()
        writer.writerows(_page_columns(h) for h in histories)
    else:
        table = _table("liveness", "evidence", "first seen", "last seen", "removed", "days up", "captures", "url")
        for h in histories:
            outages = f" ({len(h.outages)} outage{'s' if len(h.outages) > 1 else ''})" if h.outages else ""
            _add_row(table, h.liveness + outages, _evidence_cell(h), h.first_seen or "", h.last_seen or "",
                     h.removed_at or "", "" if h.up_days is None else str(h.up_days), str(h.captures), h.url)
        _print_table(table, out)
