"""Coded messages for input problems, so users can grep them and tests can check them (after spaCy's errors.py).

Input problems are never raised to the user as tracebacks: readers and the pipeline turn them into
``Skip`` records carrying one of these messages, and the CLI prints them one line each.
"""

from __future__ import annotations

from enum import StrEnum


class InputError(Exception):
    """An input that cannot be used; ``str(error)`` is the one-line message for the user."""


class E(StrEnum):
    """Message templates; format with ``E.X.format(...)``."""

    EMPTY = "[E001] empty input"
    BINARY = "[E002] binary data, not text"
    UNDECODABLE = "[E003] cannot decode text (tried UTF-8 and charset detection)"
    DECODED_AS = "[W004] not UTF-8; decoded as {encoding}"
    BAD_JSON = "[E005] line {line}: not valid JSON ({detail})"
    NO_TEXT = "[E006] line {line}: record has neither 'text' nor 'html'"
    NOT_OBJECT = "[E007] line {line}: record is not a JSON object"
    NO_MAIN_TEXT = "[E008] no main text found in the HTML"
    TOO_LARGE = "[W009] document of {size} characters truncated to {limit} for extraction"
    UNSUPPORTED = "[E010] unsupported file type '{suffix}' (expected .txt, .html, .htm, .jsonl)"
    NOT_FOUND = "[E011] no such file or folder"
    UNREADABLE = "[E012] cannot read: {detail}"
    FAILED = "[E013] extraction failed: {detail}"
    UNCLOSED_QUOTE = "[W014] a quotation mark at offset {offset} never closes; quote cut at the paragraph end"

    WARC_NOT_HTML = "[W016] {url}: not an HTML page ({content_type}); captured, no document"
    WARC_NO_DATE = "[E017] {url}: response record has no valid WARC-Date; skipped"
    WARC_DATE_CONFLICT = "[W018] WARC-Date {warc_date} and the server's Date {http_date} disagree; WARC-Date kept"
    WARC_DUPLICATE = "[E019] duplicate record {record_id}; skipped"
    WARC_CORRUPT = "[E020] truncated or corrupt WARC at record {record}; the records before it are kept ({detail})"
    WARC_NO_URL = "[E021] response record has no WARC-Target-URI; skipped"
    # languages (E04x)
    UNSUPPORTED_LANGUAGE = "[E040] {detail}; document skipped"
    LANGUAGE_NOTE = "[W041] {detail}"
    # quotetrace batch (E03x)
    BATCH_LOST = "[E030] a worker died with records of this input ({received} came back); re-run to retry it"
