"""What every part of the ``Store`` shares: its connection, its caches and how it writes (one transaction)."""

from __future__ import annotations

import itertools
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

from quotetrace.store.rows import (
    SearchExpression,
)

UpsertResult = Literal["inserted", "updated", "unchanged"]


class StoreError(Exception):
    """The file cannot be used as a quotetrace store; ``str(error)`` is a one-line message for the user."""


class ReadCaches:
    """Totals and folded names, remembered until the file changes: one per Store, or shared by the stores of one
    server (a connection per thread), so that what one thread counted serves the others.

    Each connection sees the file's changes by its own counters (``Store._version``), which mean nothing to
    another connection. So the caches keep a generation: a connection that sees a version it has not seen
    before (a change, or its first look) starts a new one and empties them. Whatever a reader reads after a
    write was counted after some connection's first look past that write, in a later generation; a value counted
    from before it was filed under an older generation, and is never read (nor filed, if it comes back late).
    """

    MAX_COUNTS = 256

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._readers = itertools.count()
        self._seen: dict[int, tuple[int, int]] = {}  # reader -> the version its connection last read at
        self._generation = 0
        self._counts: dict[tuple[str, object], tuple[int, int]] = {}  # key -> (generation, total)
        self._folded: dict[str, tuple[int, list[tuple[str, str]]]] = {}

    def reader(self) -> int:
        """A number for one connection (what ``generation`` knows it by)."""
        return next(self._readers)

    def generation(self, reader: int, version: tuple[int, int]) -> int:
        """The generation to read and file under, for ``reader`` whose connection reads the file at ``version``."""
        with self._lock:
            if self._seen.get(reader) != version:
                self._seen[reader] = version
                self._generation += 1
                self._counts.clear()
                self._folded.clear()
            return self._generation

    def count(self, key: tuple[str, object], generation: int) -> int | None:
        found = self._counts.get(key)
        return found[1] if found is not None and found[0] == generation else None

    def file_count(self, key: tuple[str, object], generation: int, total: int) -> None:
        with self._lock:
            if generation == self._generation:
                if len(self._counts) >= self.MAX_COUNTS:
                    self._counts.clear()
                self._counts[key] = (generation, total)

    def folded(self, what: str, generation: int) -> list[tuple[str, str]] | None:
        found = self._folded.get(what)
        return found[1] if found is not None and found[0] == generation else None

    def file_folded(self, what: str, generation: int, rows: list[tuple[str, str]]) -> None:
        with self._lock:
            if generation == self._generation:
                self._folded[what] = (generation, rows)


class StoreBase:
    """The connection and caches that ``Store.__init__`` opens, and the transaction every write runs in."""

    path: str
    _conn: sqlite3.Connection
    _expressions: dict[str, SearchExpression]
    _caches: ReadCaches
    _reader: int  # this connection, to _caches

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        # IMMEDIATE: take the write lock up front, so the read-then-write in upsert cannot interleave.
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")
