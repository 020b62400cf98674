"""What every part of the ``Store`` shares: its connection, its caches and how it writes (one transaction)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

from quotetrace.store.rows import (
    SearchExpression,
)

UpsertResult = Literal["inserted", "updated", "unchanged"]


class StoreError(Exception):
    """The file cannot be used as a quotetrace store; ``str(error)`` is a one-line message for the user."""


class StoreBase:
    """The connection and caches that ``Store.__init__`` opens, and the transaction every write runs in."""

    path: str
    _conn: sqlite3.Connection
    _expressions: dict[str, SearchExpression]
    _folded_cache: dict[str, tuple[tuple[int, int], list[tuple[str, str]]]]
    _counts: dict[tuple[str, object], tuple[tuple[int, int], int]]

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
