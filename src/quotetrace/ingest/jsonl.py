"""JSON Lines: one article a line, read as a stream so a large file never sits in memory whole.

Each line stands alone: a line that is not JSON, not an object, or has no text is reported (E005, E007,
E006) and the lines around it still come through.
"""

from __future__ import annotations

import json
from collections.abc import Generator, Iterable, Iterator
from pathlib import Path
from typing import Any

from quotetrace.errors import E, InputError
from quotetrace.ingest.decode import decode_bytes, looks_binary, normalise_newlines
from quotetrace.model import RawDocument, Skip

# How much of a file is read up front to refuse binary data with one Skip instead of one per line.
_SNIFF_BYTES = 64 * 1024


def read_jsonl(path: Path, source: str) -> Iterator[RawDocument | Skip]:
    """Every record of the file at ``path``; ``source`` is how the file is named in Skips and documents."""
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
        if looks_binary(head):
            yield Skip(source, str(E.BINARY))
            return
        handle.seek(0)
        found = yield from _records(handle, name=path.name, source=source)
    if not found:
        yield Skip(source, str(E.EMPTY))


def parse_jsonl_text(text: str, *, name: str, source: str, notes: list[str]) -> Iterator[RawDocument | Skip]:
    """Every record of already decoded JSONL ``text`` (standard input)."""
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield parse_record(line, number=number, name=name, source=f"{source}:{number}", notes=notes)


def _records(
    lines: Iterable[bytes], *, name: str, source: str
) -> Generator[RawDocument | Skip, None, bool]:
    """The records of byte ``lines``, decoded one by one; returns whether any line was not blank."""
    found = False
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        found = True
        where = f"{source}:{number}"
        try:
            line, notes = decode_bytes(raw)
        except InputError as error:
            yield Skip(where, str(error))
            continue
        yield parse_record(line, number=number, name=name, source=where, notes=notes)
    return found


def parse_record(line: str, *, number: int, name: str, source: str, notes: list[str]) -> RawDocument | Skip:
    """One JSONL line as a RawDocument, or the Skip that says why it cannot be one."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return Skip(source, E.BAD_JSON.format(line=number, detail=error.msg))
    except RecursionError:
        return Skip(source, E.BAD_JSON.format(line=number, detail="nested too deeply"))
    if not isinstance(record, dict):
        return Skip(source, E.NOT_OBJECT.format(line=number))
    text, html = _content(record.get("text")), _content(record.get("html"))
    if text is None and html is None:
        return Skip(source, E.NO_TEXT.format(line=number))
    return RawDocument(
        id=_scalar(record.get("id")) or f"{name}:{number}",
        source=source,
        text=normalise_newlines(text) if text is not None else None,
        html=html if text is None else None,  # text given alongside html is the cleaner of the two
        url=_scalar(record.get("url")),
        title=_scalar(record.get("title")),
        outlet=_scalar(record.get("outlet")),
        published_at=_scalar(record.get("published_at")),
        fetched_at=_scalar(record.get("fetched_at")),
        language=_scalar(record.get("language")),
        notes=list(notes),
    )


def _content(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _scalar(value: Any) -> str | None:
    """A string field, or a number given where a string was expected (ids often are); else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float):
        return str(value)
    return None
