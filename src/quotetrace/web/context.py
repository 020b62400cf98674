"""What every request handler shares: the server's settings, a store per thread, parameter checks, errors.

SQLite connections belong to the thread that opened them, and FastAPI runs plain handlers in a thread pool:
each worker thread opens the store once and keeps it (``StorePool``).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import Request

from quotetrace.dates import date_filter
from quotetrace.model import ACT_TYPES, DEFAULT_ACT_TYPES, QUOTE_KINDS, Document, RawDocument, Skip
from quotetrace.store import (
    STATEMENT_SORTS,
    DocumentFilters,
    QuoteFilters,
    ReadCaches,
    SortKey,
    StatementFilters,
    StatementSort,
    Store,
)
from quotetrace.web.relink import Relinker

Processor = Callable[[RawDocument], tuple[Document | None, list[Skip]]]

MAX_LIMIT = 500
MAX_EXPORT = 100_000  # rows of one CSV or JSONL download
MAX_QUERY_CHARS = 20_000  # a pasted passage is searched by its distinctive words (Store.search_expression)
DEFAULT_MAX_BODY = 2 * 1024 * 1024  # bytes of an ingested article; larger bodies get 413
# The server reads the file memory-mapped (up to this many bytes, shared by its threads and processes through the
# OS page cache) instead of copying each page into every connection's cache: a fifth less CPU for a quote search
# on 216k quotes (benchmarks/serve.py's load, in process). Writes are unchanged.
MMAP_SIZE = 1 << 30


class ApiError(Exception):
    """An error to answer with ``status`` and ``message`` (JSON under /api, a page elsewhere)."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


class StorePool:
    """One open Store per thread, opened on first use; closed together at shutdown. The stores share their
    caches: a total or a list of folded names one thread read serves every thread until the file changes."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[Store] = []
        self._caches = ReadCaches()

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.path, create=False, caches=self._caches, mmap_size=MMAP_SIZE)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        # Connections of other threads cannot be closed from here (sqlite3 refuses); they go with the process.
        with self._lock:
            stores, self._all = self._all, []
        for store in stores:
            with contextlib.suppress(Exception):
                store.close()


@dataclass(slots=True)
class ServerConfig:
    db_path: str
    allow_ingest: bool = False
    token: str | None = None
    max_body: int = DEFAULT_MAX_BODY
    processor: Processor | None = None  # None: quotetrace.pipeline.process, loaded on first ingest
    relinker: Relinker | None = None  # re-links after each ingest; None: ingested quotes stay unlinked
    stores: StorePool = field(init=False)

    def __post_init__(self) -> None:
        self.stores = StorePool(self.db_path)


def config(request: Request) -> ServerConfig:
    found: ServerConfig = request.app.state.quotetrace
    return found


def store(request: Request) -> Store:
    return config(request).stores.get()


# -- parameters ---------------------------------------------------------------------------------------------

_SAFE_ID = re.compile(r"[^\x00-\x1f\x7f]{1,512}")


def iso_date(name: str, value: str | None) -> str | None:
    """2024, 2024-03, 2024-03-01 or an ISO date-time (compared as text with published_at); 400 otherwise."""
    if value is None or not value.strip():
        return None
    try:
        return date_filter(value)
    except ValueError:
        raise ApiError(400, f"{name}: {value.strip()[:40]!r} is not an ISO date (e.g. 2024-03-01)") from None


def kind(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if value not in QUOTE_KINDS:
        raise ApiError(400, f"kind: must be one of {', '.join(QUOTE_KINDS)}")
    return value


def limit(value: int | None, default: int = 50) -> int:
    if value is None:
        return default
    if not 1 <= value <= MAX_LIMIT:
        raise ApiError(400, f"limit: must be between 1 and {MAX_LIMIT}")
    return value


def identifier(name: str, value: str) -> str:
    """A path id: at most 512 characters, no control characters (else 404 would hide a malformed request)."""
    if not _SAFE_ID.fullmatch(value):
        raise ApiError(400, f"{name}: not a valid id")
    return value


def text_param(name: str, value: str | None, max_chars: int = 500) -> str | None:
    if value is None:
        return None
    if len(value) > max_chars:
        raise ApiError(400, f"{name}: at most {max_chars} characters")
    return value.replace("\x00", "").strip() or None


def act_types(values: list[str] | None) -> tuple[str, ...] | None:
    """``type`` given once or more, or comma-separated; ``all`` for every type. Default: speech and belief."""
    if not values:
        return DEFAULT_ACT_TYPES
    given = [v.strip() for value in values for v in value.split(",") if v.strip()]
    if not given:
        return DEFAULT_ACT_TYPES
    if "all" in given:
        return None
    unknown = [v for v in given if v not in ACT_TYPES]
    if unknown:
        raise ApiError(400, f"type: {unknown[0][:40]!r} is not one of {', '.join(ACT_TYPES)} (or all)")
    return tuple(t for t in ACT_TYPES if t in given)


def min_sightings(value: int | None) -> int:
    if value is None:
        return 1
    if not 1 <= value <= 10_000:
        raise ApiError(400, "min_sightings: must be between 1 and 10000")
    return value


def statement_sort(value: str | None) -> StatementSort:
    if value is None or not value.strip():
        return "first_seen"
    for known in STATEMENT_SORTS:
        if value.strip() == known:
            return known
    raise ApiError(400, f"sort: must be one of {', '.join(STATEMENT_SORTS)}")


def offset(value: int | None) -> int:
    if value is None:
        return 0
    if value < 0:
        raise ApiError(400, "offset: must be 0 or more")
    return value


def quote_filters(
    q: str | None, speaker: str | None, outlet: str | None, since: str | None, until: str | None,
    kind_: str | None, speaker_id: str | None = None, types: list[str] | None = None,
) -> QuoteFilters:
    return QuoteFilters(
        q=text_param("q", q, MAX_QUERY_CHARS), speaker=text_param("speaker", speaker),
        outlet=text_param("outlet", outlet), since=iso_date("since", since), until=iso_date("until", until),
        kind=kind(kind_), speaker_id=text_param("speaker_id", speaker_id), types=act_types(types),
    )


def statement_filters(
    q: str | None, speaker: str | None, outlet: str | None, since: str | None, until: str | None,
    types: list[str] | None, min_sightings_: int | None, sort: str | None, speaker_id: str | None = None,
) -> StatementFilters:
    return StatementFilters(
        q=text_param("q", q, MAX_QUERY_CHARS), speaker=text_param("speaker", speaker),
        outlet=text_param("outlet", outlet), since=iso_date("since", since), until=iso_date("until", until),
        types=act_types(types), min_sightings=min_sightings(min_sightings_), sort=statement_sort(sort),
        speaker_id=text_param("speaker_id", speaker_id),
    )


def document_filters(q: str | None, outlet: str | None, since: str | None, until: str | None) -> DocumentFilters:
    return DocumentFilters(q=text_param("q", q), outlet=text_param("outlet", outlet),
                           since=iso_date("since", since), until=iso_date("until", until))


# -- cursors --------------------------------------------------------------------------------------------------
# A cursor is the sort key of the last row of a page, as URL-safe base64 of JSON: opaque to clients, and a
# page that follows it starts after that row whatever was added or removed meanwhile.

def encode_cursor(key: SortKey) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key), separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(value: str | None) -> SortKey | None:
    if value is None or value == "":
        return None
    try:
        raw = json.loads(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise ApiError(400, "cursor: not a cursor this server gave out") from None
    if (
        not isinstance(raw, list) or len(raw) != 5
        or not all(isinstance(v, t) and not isinstance(v, bool) for v, t in zip(raw, (int, str, str, int, int),
                                                                                  strict=True))
    ):
        raise ApiError(400, "cursor: not a cursor this server gave out")
    return (raw[0], raw[1], raw[2], raw[3], raw[4])


def db_name(path: str) -> str:
    return Path(path).name
