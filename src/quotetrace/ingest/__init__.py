"""Readers, one per input format. ``read_inputs`` walks paths and yields RawDocuments or Skips.

Bad input never raises out of here and never stops a batch: each problem is one Skip with a coded message
(quotetrace.errors.E), and everything else still comes through.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from quotetrace.errors import E, InputError
from quotetrace.ingest.decode import decode_bytes
from quotetrace.ingest.html import HtmlText, html_to_text
from quotetrace.ingest.jsonl import parse_jsonl_text, read_jsonl
from quotetrace.ingest.text import split_title, text_document
from quotetrace.ingest.warc import WARC_SUFFIXES, SeenPayload, read_warc
from quotetrace.model import Capture, RawDocument, Skip

__all__ = ["SUPPORTED_SUFFIXES", "HtmlText", "html_to_text", "read_inputs", "read_stdin", "split_title"]

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | frozenset(WARC_SUFFIXES)
STDIN = "-"
STDIN_NAME = "stdin"
STDIN_SOURCE = "<stdin>"


def read_inputs(paths: Sequence[str], *, seen: SeenPayload | None = None) -> Iterator[RawDocument | Skip | Capture]:
    """Documents from files, folders (recursed, sorted, hidden entries skipped) and ``-`` (standard input).

    ``seen``: what a WARC response with the same payload as one already stored showed (it is not read again).
    """
    for given in paths:
        if given == STDIN:
            yield from read_stdin()
            continue
        path = Path(given)
        try:
            if path.is_dir():
                yield from _read_folder(path, seen)
            elif not path.exists():
                yield Skip(given, str(E.NOT_FOUND))
            elif _suffix(path) not in SUPPORTED_SUFFIXES:
                yield Skip(given, E.UNSUPPORTED.format(suffix=path.suffix or path.name))
            else:
                yield from read_file(path, given, seen=seen)
        except OSError as error:  # e.g. a permission error while walking or statting
            yield Skip(given, E.UNREADABLE.format(detail=_os_detail(error)))


def read_stdin() -> Iterator[RawDocument | Skip]:
    """Standard input: JSONL when every non-empty line starts with ``{``, else one plain-text document."""
    try:
        data = sys.stdin.buffer.read()
        text, notes = decode_bytes(data)
    except InputError as error:
        yield Skip(STDIN_SOURCE, str(error))
        return
    except (OSError, ValueError, AttributeError) as error:  # closed, detached or missing standard input
        yield Skip(STDIN_SOURCE, E.UNREADABLE.format(detail=str(error)))
        return
    lines = [line for line in text.split("\n") if line.strip()]
    if all(line.lstrip().startswith("{") for line in lines):
        yield from parse_jsonl_text(text, name=STDIN_NAME, source=STDIN_SOURCE, notes=notes)
    else:
        yield text_document(text, id=STDIN_NAME, source=STDIN_SOURCE, notes=notes)


def read_file(
    path: Path, source: str, *, seen: SeenPayload | None = None
) -> Iterator[RawDocument | Skip | Capture]:
    """The document(s) in one file of a supported type; ``source`` names it in what comes back."""
    suffix = _suffix(path)
    if suffix in WARC_SUFFIXES:  # web archives also give a Capture per HTTP response
        yield from read_warc(path, source, seen=seen)
        return
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, source)
            return
        text, notes = decode_bytes(path.read_bytes())
    except InputError as error:
        yield Skip(source, str(error))
        return
    except OSError as error:
        yield Skip(source, E.UNREADABLE.format(detail=_os_detail(error)))
        return
    if suffix in HTML_SUFFIXES:
        yield RawDocument(id=path.name, source=source, html=text, notes=notes)
    else:
        yield text_document(text, id=path.name, source=source, notes=notes)


def _read_folder(folder: Path, seen: SeenPayload | None = None) -> Iterator[RawDocument | Skip | Capture]:
    """Supported files under ``folder`` in sorted order; others and hidden ones are passed over silently."""
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or _suffix(Path(name)) not in SUPPORTED_SUFFIXES:
                continue
            path = Path(root, name)
            yield from read_file(path, str(path), seen=seen)
        while errors:
            error = errors.pop(0)
            yield Skip(str(error.filename or folder), E.UNREADABLE.format(detail=_os_detail(error)))
    while errors:
        error = errors.pop(0)
        yield Skip(str(error.filename or folder), E.UNREADABLE.format(detail=_os_detail(error)))


def _suffix(path: Path) -> str:
    """The file type: the suffix, lower-cased, or ``.warc.gz`` for a compressed web archive."""
    return ".warc.gz" if path.name.lower().endswith(".warc.gz") else path.suffix.lower()


def _os_detail(error: OSError) -> str:
    return error.strerror or type(error).__name__
