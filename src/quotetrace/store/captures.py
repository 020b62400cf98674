"""Captures: each observation of a page (WARC records, fetches), tied to the version of the page it showed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from quotetrace.model import Capture
from quotetrace.store.documents import Documents
from quotetrace.store.rows import (
    CaptureRow,
    PageRow,
)


def _capture_row(row: Sequence[Any]) -> CaptureRow:
    (_, url, fetched_at, status, digest, location, notice, source, state, reason, detail, content_type, truncated,
     version_id, payload_digest) = row
    capture = Capture(url, fetched_at, status, digest, location, bool(notice), source, state, reason, detail,
                      content_type, bool(truncated), payload_digest)
    return CaptureRow(capture, version_id)



class Captures(Documents):
    """A page's capture history and the pages it makes."""

    # -- captures and provenance ---------------------------------------------------------------------------

    def add_captures(self, captures: Iterable[tuple[Capture, str]]) -> int:
        """Record (capture, doc_id) pairs; one already recorded (same page, time and content) is not repeated.

        A capture that shows what an earlier capture of its page showed (the same content hash) is tied to that
        version at once: the page need not be read again.
        """
        with self._transaction() as conn:
            before = conn.total_changes
            inserted: list[int] = []
            for c, doc_id in captures:
                if c.reason == "revisit" and conn.execute(  # recorded before, and since resolved to its content
                    "SELECT 1 FROM captures WHERE doc_id = ? AND fetched_at = ? AND payload_digest = ?",
                    (doc_id, c.fetched_at, c.payload_digest),
                ).fetchone():
                    continue
                cursor = conn.execute(
                    """INSERT OR IGNORE INTO captures (url, doc_id, fetched_at, http_status, content_hash, location,
                           removal_notice, source, state, reason, detail, content_type, truncated, payload_digest)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (c.url, doc_id, c.fetched_at, c.http_status, c.content_hash, c.location, int(c.removal_notice),
                     c.source, c.state, c.reason, c.detail, c.content_type, int(c.truncated), c.payload_digest),
                )
                if not cursor.rowcount:
                    continue
                if c.payload_digest:  # a revisit and the response it repeats may come in either order
                    inserted += self._resolve_revisits(conn, doc_id, c.payload_digest)
                if (c.state is None or c.state == "up") and not c.removal_notice and c.reason != "revisit":
                    inserted.append(int(cursor.lastrowid or 0))
            added = conn.total_changes - before
            touched = self._tie_to_known_versions(conn, inserted)
            for doc_id in sorted(touched):
                self._refresh(conn, doc_id)
            return added

    @staticmethod
    def _resolve_revisits(conn: sqlite3.Connection, doc_id: str, payload_digest: str) -> list[int]:
        """Revisits of this payload whose response is in another file show what that response showed: its
        content and its state. Returns the captures resolved."""
        return [int(row[0]) for row in conn.execute(
            """UPDATE OR IGNORE captures SET (content_hash, state, reason, removal_notice, detail) = (
                   SELECT o.content_hash, o.state, o.reason, o.removal_notice, 'revisit of an identical payload'
                   FROM captures AS o WHERE o.doc_id = captures.doc_id AND o.payload_digest = captures.payload_digest
                       AND o.reason IS NOT 'revisit' ORDER BY o.fetched_at LIMIT 1)
               WHERE doc_id = ? AND payload_digest = ? AND reason = 'revisit' AND EXISTS (
                   SELECT 1 FROM captures AS o WHERE o.doc_id = captures.doc_id
                       AND o.payload_digest = captures.payload_digest AND o.reason IS NOT 'revisit')
               RETURNING capture_id""",
            (doc_id, payload_digest),
        )]

    @staticmethod
    def _tie_to_known_versions(conn: sqlite3.Connection, capture_ids: list[int]) -> set[str]:
        touched: set[str] = set()
        for capture_id in capture_ids:
            row = conn.execute(
                """UPDATE captures SET version_id = (
                       SELECT o.version_id FROM captures AS o WHERE o.doc_id = captures.doc_id
                           AND o.content_hash = captures.content_hash AND o.version_id IS NOT NULL LIMIT 1)
                   WHERE capture_id = ? RETURNING doc_id, version_id""",
                (capture_id,),
            ).fetchone()
            if row is not None and row[1] is not None:
                touched.add(str(row[0]))
        return touched

    _CAPTURE_COLUMNS = """doc_id, url, fetched_at, http_status, content_hash, location, removal_notice, source, state,
                          reason, detail, content_type, truncated, version_id, payload_digest"""

    def captures(self, doc_ids: Sequence[str] | None = None) -> dict[str, list[Capture]]:
        """Captures per doc_id (every page, or those given), oldest first."""
        return {doc_id: [row.capture for row in rows] for doc_id, rows in self.capture_rows(doc_ids).items()}

    def capture_rows(self, doc_ids: Sequence[str] | None = None) -> dict[str, list[CaptureRow]]:
        """Captures per doc_id (every page, or those given), oldest first, with the version each one showed."""
        sql = f"SELECT {self._CAPTURE_COLUMNS} FROM captures"
        params: list[str] = []
        if doc_ids is not None:
            sql += f" WHERE doc_id IN ({', '.join('?' for _ in doc_ids)})"
            params = list(doc_ids)
        out: dict[str, list[CaptureRow]] = {}
        for row in self._conn.execute(sql + " ORDER BY doc_id, fetched_at, capture_id", params):
            out.setdefault(row[0], []).append(_capture_row(row))
        return out

    def capture_at(self, doc_id: str, fetched_at: str) -> Capture | None:
        """The capture of a page at a time (the first recorded, when there are several)."""
        row = self._conn.execute(
            f"SELECT {self._CAPTURE_COLUMNS} FROM captures WHERE doc_id = ? AND fetched_at = ? "
            "ORDER BY capture_id LIMIT 1",
            (doc_id, fetched_at),
        ).fetchone()
        return None if row is None else _capture_row(row).capture

    def has_capture(self, doc_id: str, fetched_at: str) -> bool:
        return self._conn.execute(
            "SELECT 1 FROM captures WHERE doc_id = ? AND fetched_at = ? LIMIT 1", (doc_id, fetched_at)
        ).fetchone() is not None

    def has_version_of(self, doc_id: str, content_hash: str) -> bool:
        """Whether a capture of this page with this content was already read into a version (so a capture
        showing the same content need not be read again)."""
        return self._conn.execute(
            "SELECT 1 FROM captures WHERE doc_id = ? AND content_hash = ? AND version_id IS NOT NULL LIMIT 1",
            (doc_id, content_hash),
        ).fetchone() is not None

    def capture_with_payload(self, doc_id: str, payload_digest: str) -> Capture | None:
        """A capture of this page with this WARC payload digest that was read: tied to a version, or not up (a
        removal, a wall). A response with the same payload shows the same, without reading it again."""
        row = self._conn.execute(
            f"""SELECT {self._CAPTURE_COLUMNS} FROM captures WHERE doc_id = ? AND payload_digest = ?
                    AND reason IS NOT 'revisit' AND truncated = 0
                    AND (version_id IS NOT NULL OR coalesce(state, 'up') != 'up')
                ORDER BY fetched_at LIMIT 1""",
            (doc_id, payload_digest),
        ).fetchone()
        return None if row is None else _capture_row(row).capture

    def pages(self) -> Iterator[PageRow]:
        """Every page, by doc_id: each document with a URL (captured or not) and each captured URL, with its
        captures oldest first. Whether a URL seen only in captures is a page (not an image) is the caller's call."""
        columns = ", ".join("c." + c.strip() for c in self._CAPTURE_COLUMNS.split(","))
        cursor = self._conn.execute(
            f"""SELECT p.doc_id, d.id, d.url, d.title, {columns}
                FROM (SELECT doc_id FROM documents WHERE url IS NOT NULL UNION SELECT doc_id FROM captures) AS p
                LEFT JOIN documents AS d ON d.doc_id = p.doc_id
                LEFT JOIN captures AS c ON c.doc_id = p.doc_id
                ORDER BY p.doc_id, c.fetched_at, c.capture_id"""
        )
        current: PageRow | None = None
        for row in cursor:
            if current is None or current.doc_id != row[0]:
                if current is not None:
                    yield current
                current = PageRow(str(row[0]), row[1], row[2], row[3], [])
            if row[4] is not None:  # a document never captured has no capture row
                current.captures.append(_capture_row(row[4:]))
        if current is not None:
            yield current

    def count_pages_without_url(self) -> int:
        """Documents with no URL (a text file): never captured, so never a page."""
        return int(self._conn.execute("SELECT count(*) FROM documents WHERE url IS NULL").fetchone()[0])

