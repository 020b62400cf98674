"""The embedded store: one SQLite file with FTS5 over quote text.

``Store`` is assembled from one class per concern, each in its own module and each building on the one before:
``base`` (connection, transactions), ``search`` (lists and search), ``documents`` (versions of a page and their
quotes), ``captures`` (a page's capture history), ``links`` (what ``link`` reads and writes). The schema is in
``schema.py``, what queries return in ``rows.py``, how values are stored in ``values.py``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import TracebackType

from quotetrace.store.base import ReadCaches, StoreError
from quotetrace.store.links import Links
from quotetrace.store.rows import (
    SearchExpression,
)
from quotetrace.store.schema import MIGRATIONS, SCHEMA_VERSION
from quotetrace.store.values import (
    casefold,
    fold,
    page_hash_of,
)


class Store(Links):
    """A quotetrace SQLite file; use as a context manager. ``create=False`` refuses to make a new file; the stores
    of one file given the same ``caches`` share the totals they count (a server's threads, one store each);
    ``mmap_size`` bytes of the file are read through memory mapping (SQLite's pragma; 0: read calls)."""

    def __init__(
        self, path: str | Path, *, create: bool = True, caches: ReadCaches | None = None, mmap_size: int = 0
    ) -> None:
        self.path = str(path)
        in_memory = self.path == ":memory:" or self.path.startswith("file::memory:")
        if not create and not in_memory and not Path(self.path).is_file():
            raise StoreError(f"{self.path}: no such database")
        try:
            # isolation_level=None: we open transactions ourselves (see _transaction).
            self._conn = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: cannot open database ({error})") from None
        try:
            self._conn.execute("PRAGMA busy_timeout = 5000")
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.create_function("qt_page_hash", 2, page_hash_of, deterministic=True)  # migrations use it
            self._check_and_migrate()
            self._conn.execute("PRAGMA journal_mode = WAL")
            if mmap_size:
                self._conn.execute(f"PRAGMA mmap_size = {int(mmap_size)}")
        except sqlite3.DatabaseError as error:
            self._conn.close()
            raise StoreError(f"{self.path}: not a quotetrace database ({error})") from None
        except StoreError:
            self._conn.close()
            raise
        self._conn.create_function("casefold", 1, casefold, deterministic=True)
        self._conn.create_function("fold", 1, fold, deterministic=True)
        self._expressions: dict[str, SearchExpression] = {}
        self._caches = caches or ReadCaches()  # shared by a server's stores (web/context.py's StorePool)
        self._reader = self._caches.reader()

    # -- life cycle --------------------------------------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def _check_and_migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {version} is newer than this quotetrace knows "
                f"({SCHEMA_VERSION}); upgrade quotetrace"
            )
        if version == 0 and self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise StoreError(f"{self.path}: an SQLite file, but not a quotetrace database")
        for target, script in enumerate(MIGRATIONS[version:], start=version + 1):
            # user_version lives in the file header and is transactional: a failed step leaves no trace.
            self._conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {target};\nCOMMIT;")
