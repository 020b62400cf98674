"""Writing documents: each distinct text a page showed is a version, and quotes found in any version stay, with
the versions they appear in (never overwritten)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from quotetrace.fingerprint import page_hash
from quotetrace.keys import content_hash, is_anonymous, speaker_key
from quotetrace.model import Document, Mention, Quote
from quotetrace.store.base import UpsertResult
from quotetrace.store.rows import (
    DocumentFilters,
    VersionRow,
)
from quotetrace.store.search import Search
from quotetrace.store.values import (
    json_list,
    now,
    spans_json,
)

_DOCUMENT_FIELDS = ("id", "source", "url", "outlet", "title", "published_at", "fetched_at", "language")
# The columns of a quote row written from a Quote (speaker_id apart: it follows the speaker).
_QUOTE_COLUMNS = (
    '"start"', '"end"', "text", "kind", "cue", "speaker_mention", "speaker_mention_start", "speaker_mention_end",
    "speaker", "descriptors", "confidence", "language", "type", "via", "via_start", "via_end", "fragments",
    "version_id",
)
_APOSTROPHES = frozenset("'’‘`´ʼ")


@dataclass(frozen=True, slots=True)
class _Arrival:
    """The document being stored: which version it is, and the stored quote each of its quotes became."""

    version_id: int
    doc: Document
    extraction: str
    matched: dict[int, Quote]


# Sorts after every date (versions and first sightings with no date come last).
_UNDATED = "\uffff"


@dataclass(frozen=True, slots=True)
class _VersionTimes:
    version_id: int
    partial: bool
    published_at: str | None
    first_seen: str | None
    last_seen: str | None

    @property
    def order(self) -> tuple[bool, str, int]:
        """Latest last: by the last capture that showed it (a page can show an older text again); a version no
        capture showed (a file ingested without a fetch time) comes before those captures date, in ingest order."""
        return (self.last_seen is not None, self.last_seen or "", self.version_id)

    @property
    def first_order(self) -> tuple[str, int]:
        return (self.first_seen or _UNDATED, self.version_id)


_QUOTE_MARKS = str.maketrans({c: '"' for c in "“”„‟«»‹›\"〝〞＂"} | {c: "'" for c in "‘’‚‛′"})


def _quote_key(text: str, speaker: str | None, with_speaker: bool) -> tuple[str, str]:
    """What makes two quotes of one page the same quote: their words (spacing and quotation marks aside) and,
    first, their speaker."""
    words = " ".join(text.translate(_QUOTE_MARKS).split())
    return (words, " ".join((speaker or "").casefold().split()) if with_speaker else "")


def _quote_values(quote: Quote, version_id: int | None) -> tuple[object, ...]:
    """A quote's values in the order of ``_QUOTE_COLUMNS``."""
    mention, via = quote.speaker_mention, quote.via
    return (
        quote.start, quote.end, quote.text, quote.kind, quote.cue,
        mention.text if mention else None, mention.start if mention else None, mention.end if mention else None,
        quote.speaker, json_list(quote.descriptors), quote.confidence, quote.language, quote.type,
        via.text if via else None, via.start if via else None, via.end if via else None,
        spans_json(quote.fragments), version_id,
    )



class Documents(Search):
    """Documents in versions, their quotes and mentions; a document as ingested read back."""

    # -- writing -----------------------------------------------------------------------------------------

    def upsert_document(self, doc: Document, *, partial: bool = False) -> UpsertResult:
        """Store ``doc`` as a version of its page; nothing stored before is lost.

        What the page showed before (the same title and main text) is that version again: ``unchanged`` when
        its quotes are as stored, else they are read again (``updated``). Anything else is a new version
        (``updated``, or ``inserted`` for a new page), whose quotes are matched to the page's earlier quotes
        with the same words and speaker (then the same words) or added; the quotes of other versions stay.
        The capture the document was read from (at its ``fetched_at``) and the page's captures of the same
        content are tied to the version; a capture already tied to another version was read again (a newer
        quotetrace cleans or extracts differently), and that version is replaced. The document row shows the
        latest complete version. ``partial``: the text is only the start of a truncated page.
        """
        key = page_hash(doc.title, doc.text)
        extraction = content_hash(doc)
        with self._transaction() as conn:
            if conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc.doc_id,)).fetchone() is None:
                self._insert_page(conn, doc, key, extraction, partial)
                return "inserted"
            known = conn.execute(
                "SELECT version_id, extraction_hash, partial FROM document_versions WHERE doc_id = ? AND page_hash = ?",
                (doc.doc_id, key),
            ).fetchone()
            if known is not None and known[1] == extraction and known[2] <= int(partial):
                if self._tie_captures(conn, doc, known[0]):
                    self._refresh(conn, doc.doc_id)
                return "unchanged"
            speakers = [row[0] for row in conn.execute(
                "SELECT DISTINCT speaker_id FROM quotes WHERE doc_id = ? AND speaker_id IS NOT NULL", (doc.doc_id,))]
            version_id = self._version_for(conn, doc, key, extraction, partial, known)
            matched = self._sync_quotes(conn, doc, version_id)
            self._tie_captures(conn, doc, version_id)
            self._refresh(conn, doc.doc_id, _Arrival(version_id, doc, extraction, matched))
            # the page's speakers that no quote names any more (by the speaker_id index, not a scan of all quotes)
            conn.executemany(
                "DELETE FROM speakers WHERE speaker_id = ? AND NOT EXISTS "
                "(SELECT 1 FROM quotes WHERE quotes.speaker_id = speakers.speaker_id)",
                [(speaker_id,) for speaker_id in speakers],
            )
        return "updated"

    def _insert_page(self, conn: sqlite3.Connection, doc: Document, key: str, extraction: str, partial: bool) -> None:
        """A page seen for the first time: its document row, shown version, quotes and mentions."""
        conn.execute(
            f"""INSERT INTO documents (doc_id, {', '.join(_DOCUMENT_FIELDS)}, text, content_hash, ingested_at)
                VALUES (?, {', '.join('?' for _ in _DOCUMENT_FIELDS)}, ?, ?, ?)""",
            (doc.doc_id, *(getattr(doc, name) for name in _DOCUMENT_FIELDS), doc.text, extraction, now()),
        )
        version_id = int(conn.execute(
            """INSERT INTO document_versions (doc_id, page_hash, extraction_hash, partial, title, published_at,
                                              language, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            (doc.doc_id, key, extraction, int(partial), doc.title, doc.published_at, doc.language, now()),
        ).lastrowid or 0)
        conn.execute("UPDATE documents SET version_id = ? WHERE doc_id = ?", (version_id, doc.doc_id))
        conn.executemany(
            'INSERT INTO quote_versions (version_id, quote_id, "start", "end") VALUES (?, ?, ?, ?)',
            [(version_id, self._insert_quote(conn, doc.doc_id, q, version_id), q.start, q.end) for q in doc.quotes],
        )
        conn.executemany(
            'INSERT INTO mentions (doc_id, "start", "end", text, label) VALUES (?, ?, ?, ?, ?)',
            [(doc.doc_id, m.start, m.end, m.text, m.label) for m in doc.mentions],
        )
        self._tie_captures(conn, doc, version_id)

    def _version_for(
        self, conn: sqlite3.Connection, doc: Document, key: str, extraction: str, partial: bool,
        known: tuple[int, str, int] | None,
    ) -> int:
        """The version ``doc`` is: the known one with its page hash, the one its capture was read as before
        (read again: replaced), or a new one."""
        values = (extraction, int(partial), doc.title, doc.published_at, doc.language, now())
        if known is not None:
            conn.execute(
                """UPDATE document_versions SET extraction_hash = ?, partial = ?, title = ?, published_at = ?,
                       language = ?, ingested_at = ? WHERE version_id = ?""",
                (*values, known[0]),
            )
            return int(known[0])
        reread = None
        if doc.fetched_at:
            reread = conn.execute(
                """SELECT c.version_id FROM captures AS c WHERE c.doc_id = ? AND c.fetched_at = ?
                       AND c.version_id IS NOT NULL
                       AND NOT EXISTS (SELECT 1 FROM captures AS o WHERE o.version_id = c.version_id
                                       AND o.content_hash != c.content_hash)""",
                (doc.doc_id, doc.fetched_at),
            ).fetchone()
        if reread is not None:  # the same capture read again: its version is replaced, not joined by another
            conn.execute(
                """UPDATE document_versions SET page_hash = ?, extraction_hash = ?, partial = ?, title = ?,
                       published_at = ?, language = ?, ingested_at = ?,
                       text = CASE WHEN text IS NULL THEN NULL ELSE ? END WHERE version_id = ?""",
                (key, *values, doc.text, reread[0]),
            )
            conn.execute("UPDATE documents SET text = ? WHERE version_id = ?", (doc.text, reread[0]))
            return int(reread[0])
        cursor = conn.execute(
            """INSERT INTO document_versions (doc_id, page_hash, extraction_hash, partial, title, published_at,
                                              language, ingested_at, text)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (doc.doc_id, key, *values, doc.text),
        )
        return int(cursor.lastrowid or 0)

    def _sync_quotes(self, conn: sqlite3.Connection, doc: Document, version_id: int) -> dict[int, Quote]:
        """Tie each quote of ``doc`` to the page's quote row with the same words and speaker (else the same
        words, else a new row) and record where it appears in this version; a row no version holds any more
        (the version was read again without it) is deleted."""
        rows = conn.execute(
            'SELECT quote_id, text, speaker FROM quotes WHERE doc_id = ? ORDER BY "start", quote_id', (doc.doc_id,)
        ).fetchall()
        before = {int(qid) for (qid,) in conn.execute(
            "SELECT quote_id FROM quote_versions WHERE version_id = ?", (version_id,))}
        rows.sort(key=lambda row: row[0] not in before)  # a version read again keeps its own rows first
        matched: dict[int, Quote] = {}
        unmatched: list[Quote] = []
        for exact in (True, False):
            free: dict[tuple[str, str], list[int]] = {}
            for qid, text, speaker in rows:
                if qid not in matched:
                    free.setdefault(_quote_key(text, speaker, exact), []).append(int(qid))
            pending = doc.quotes if exact else unmatched
            unmatched = []
            for quote in pending:
                candidates = free.get(_quote_key(quote.text, quote.speaker, exact))
                if candidates:
                    matched[candidates.pop(0)] = quote
                else:
                    unmatched.append(quote)
        for quote in unmatched:
            matched[self._insert_quote(conn, doc.doc_id, quote, version_id)] = quote
        conn.execute("DELETE FROM quote_versions WHERE version_id = ?", (version_id,))
        conn.executemany(
            'INSERT INTO quote_versions (version_id, quote_id, "start", "end") VALUES (?, ?, ?, ?)',
            [(version_id, qid, q.start, q.end) for qid, q in matched.items()],
        )
        dropped = sorted(before - set(matched))
        if dropped:
            conn.execute(
                f"""DELETE FROM quotes WHERE quote_id IN ({', '.join('?' for _ in dropped)})
                    AND NOT EXISTS (SELECT 1 FROM quote_versions AS v WHERE v.quote_id = quotes.quote_id)""",
                dropped,
            )
        return matched

    @staticmethod
    def _tie_captures(conn: sqlite3.Connection, doc: Document, version_id: int) -> int:
        """Tie the capture ``doc`` was read from, and the page's captures of the same content, to its version."""
        if not doc.fetched_at:
            return 0
        up = "(state IS NULL OR state = 'up') AND removal_notice = 0"
        tied = conn.execute(
            f"UPDATE captures SET version_id = ? WHERE doc_id = ? AND fetched_at = ? AND version_id IS NOT ? AND {up}",
            (version_id, doc.doc_id, doc.fetched_at, version_id),
        ).rowcount
        tied += conn.execute(
            f"""UPDATE captures SET version_id = ? WHERE doc_id = ? AND version_id IS NULL AND {up}
                AND content_hash IN (SELECT content_hash FROM captures WHERE doc_id = ? AND fetched_at = ?)""",
            (version_id, doc.doc_id, doc.doc_id, doc.fetched_at),
        ).rowcount
        return tied

    def _refresh(self, conn: sqlite3.Connection, doc_id: str, arrival: _Arrival | None = None) -> None:
        """After a page's versions or captures changed: show its latest complete version, keep its earliest
        publication date, and point each quote at the latest version it appears in."""
        versions = [
            _VersionTimes(int(vid), bool(partial), published_at, first, last)
            for vid, partial, published_at, first, last in conn.execute(
                """SELECT v.version_id, v.partial, v.published_at,
                          (SELECT min(c.fetched_at) FROM captures AS c WHERE c.version_id = v.version_id),
                          (SELECT max(c.fetched_at) FROM captures AS c WHERE c.version_id = v.version_id)
                   FROM document_versions AS v WHERE v.doc_id = ?""",
                (doc_id,),
            )
        ]
        if not versions:
            return
        rank: dict[int, tuple[bool, str, int]] = {v.version_id: v.order for v in versions}
        complete = [v for v in versions if not v.partial]
        shown = max(complete or versions, key=lambda v: v.order).version_id
        self._show(conn, doc_id, shown, arrival if arrival is not None and arrival.version_id == shown else None)
        dated = [v for v in sorted(versions, key=lambda v: v.first_order) if v.published_at]
        conn.execute(
            "UPDATE documents SET published_at = ? WHERE doc_id = ? AND published_at IS NOT ?",
            (dated[0].published_at if dated else None, doc_id, dated[0].published_at if dated else None),
        )
        latest: dict[int, tuple[int, int, int]] = {}
        for qid, vid, start, end in conn.execute(
            """SELECT v.quote_id, v.version_id, v."start", v."end" FROM quote_versions AS v
               JOIN document_versions AS d ON d.version_id = v.version_id WHERE d.doc_id = ?""",
            (doc_id,),
        ):
            if qid not in latest or rank[vid] > rank[latest[qid][0]]:
                latest[qid] = (vid, start, end)
        pointed = dict(conn.execute("SELECT quote_id, version_id FROM quotes WHERE doc_id = ?", (doc_id,)).fetchall())
        for qid, (vid, start, end) in latest.items():
            if arrival is not None and vid == arrival.version_id and qid in arrival.matched:
                self._write_quote(conn, qid, doc_id, arrival.matched[qid], vid)
            elif pointed.get(qid) != vid:
                conn.execute('UPDATE quotes SET version_id = ?, "start" = ?, "end" = ? WHERE quote_id = ?',
                             (vid, start, end, qid))

    @staticmethod
    def _show(conn: sqlite3.Connection, doc_id: str, version_id: int, arrival: _Arrival | None) -> None:
        """Make the document row show this version (its text moves in; the text shown before moves out)."""
        shown, text = conn.execute("SELECT version_id, text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if shown != version_id:
            if shown is not None:
                conn.execute("UPDATE document_versions SET text = ? WHERE version_id = ?", (text, shown))
            title, language, extraction, text = conn.execute(
                "SELECT title, language, extraction_hash, text FROM document_versions WHERE version_id = ?",
                (version_id,),
            ).fetchone()
            conn.execute("UPDATE document_versions SET text = NULL WHERE version_id = ?", (version_id,))
            conn.execute(
                """UPDATE documents SET version_id = ?, text = ?, title = ?, language = ?, content_hash = ?
                   WHERE doc_id = ?""",
                (version_id, text, title, language, extraction, doc_id),
            )
        if arrival is None:
            return
        doc = arrival.doc
        conn.execute(
            """UPDATE documents SET source = ?, url = ?, outlet = ?, title = ?, language = ?, text = ?,
                   content_hash = ?, ingested_at = ?, fetched_at = min(coalesce(fetched_at, ?), coalesce(?, fetched_at))
               WHERE doc_id = ?""",
            (doc.source, doc.url, doc.outlet, doc.title, doc.language, doc.text, arrival.extraction, now(),
             doc.fetched_at, doc.fetched_at, doc_id),
        )
        conn.execute("DELETE FROM mentions WHERE doc_id = ?", (doc_id,))
        conn.executemany(
            'INSERT INTO mentions (doc_id, "start", "end", text, label) VALUES (?, ?, ?, ?, ?)',
            [(doc_id, m.start, m.end, m.text, m.label) for m in doc.mentions],
        )

    def _insert_quote(self, conn: sqlite3.Connection, doc_id: str, quote: Quote, version_id: int) -> int:
        speaker_id = self._speaker_of(conn, doc_id, quote)
        cursor = conn.execute(
            f"""INSERT INTO quotes (doc_id, speaker_id, {', '.join(_QUOTE_COLUMNS)})
                VALUES (?, ?, {', '.join('?' for _ in _QUOTE_COLUMNS)})""",
            (doc_id, speaker_id, *_quote_values(quote, version_id)),
        )
        return int(cursor.lastrowid or 0)

    def _write_quote(
        self, conn: sqlite3.Connection, quote_id: int, doc_id: str, quote: Quote, version_id: int | None
    ) -> None:
        speaker_id = self._speaker_of(conn, doc_id, quote)
        values = _quote_values(quote, version_id)
        # Only a row that differs is written, and its speaker_id (which a link may have made canonical) only
        # changes with its speaker: reading a page again that changes nothing leaves its rows alone.
        conn.execute(
            f"""UPDATE quotes SET {', '.join(f'{c} = ?' for c in _QUOTE_COLUMNS)},
                    speaker_id = CASE WHEN speaker IS ? THEN speaker_id ELSE ? END
                WHERE quote_id = ? AND ({' OR '.join(f'{c} IS NOT ?' for c in _QUOTE_COLUMNS)})""",
            (*values, quote.speaker, speaker_id, quote_id, *values),
        )

    def _speaker_of(self, conn: sqlite3.Connection, doc_id: str, quote: Quote) -> str | None:
        if not quote.speaker or not quote.speaker.strip():
            return None
        speaker_id = speaker_key(quote.speaker, doc_id)
        self._add_speaker(conn, speaker_id, quote.speaker.strip(), quote.descriptors)
        return speaker_id

    @staticmethod
    def _add_speaker(
        conn: sqlite3.Connection, speaker_id: str, name: str, descriptors: Sequence[str]
    ) -> None:
        row = conn.execute("SELECT descriptors FROM speakers WHERE speaker_id = ?", (speaker_id,)).fetchone()
        if row is None:
            conn.execute(
                "INSERT INTO speakers (speaker_id, name, anonymous, descriptors) VALUES (?, ?, ?, ?)",
                (speaker_id, name, int(is_anonymous(name)), json_list(descriptors)),
            )
            return
        known: list[str] = json.loads(row[0])
        merged = known + [d for d in descriptors if d not in known]
        if merged != known:
            conn.execute(
                "UPDATE speakers SET descriptors = ? WHERE speaker_id = ?",
                (json_list(merged), speaker_id),
            )

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document with its versions, quotes and mentions (its captures stay); False when there was none."""
        with self._transaction() as conn:
            deleted = conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,)).rowcount
            conn.execute("UPDATE captures SET version_id = NULL WHERE doc_id = ?", (doc_id,))
            conn.execute(
                "DELETE FROM speakers WHERE speaker_id NOT IN "
                "(SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL)"
            )
        return bool(deleted)

    # -- reading -----------------------------------------------------------------------------------------

    def get_document(self, doc_id: str) -> Document | None:
        """The document as it shows now (its latest complete version) with the quotes in that version."""
        row = self._conn.execute(
            f"SELECT {', '.join(_DOCUMENT_FIELDS)}, text FROM documents WHERE doc_id = ?", (doc_id,)
        ).fetchone()
        if row is None:
            return None
        fields = dict(zip(_DOCUMENT_FIELDS, row, strict=False))
        quotes = [
            Quote(
                text=r.text, start=r.start, end=r.end, kind=r.kind,
                cue=r.cue, speaker_mention=r.speaker_mention, speaker=r.resolved_speaker,
                descriptors=r.descriptors, confidence=r.confidence, language=r.language,
                fragments=r.fragments, type=r.type, via=r.via,
            )
            for r in self.document_quotes(doc_id)
        ]
        quotes.sort(key=lambda q: (q.start, q.end))
        mentions = [
            Mention(text, start, end, label)
            for start, end, text, label in self._conn.execute(
                'SELECT "start", "end", text, label FROM mentions WHERE doc_id = ? ORDER BY "start", "end"',
                (doc_id,),
            )
        ]
        return Document(doc_id=doc_id, text=row[-1], quotes=quotes, mentions=mentions, **fields)

    def count_documents(self, filters: DocumentFilters | None = None) -> int:
        where, params = self._document_conditions(filters or DocumentFilters())
        return int(self._conn.execute(f"SELECT count(*) FROM documents AS d WHERE {where}", params).fetchone()[0])

    def document_fetched_at(self, doc_id: str) -> tuple[bool, str | None]:
        """(whether the document is stored, its fetched_at)."""
        row = self._conn.execute("SELECT fetched_at FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return (False, None) if row is None else (True, row[0])

    def versions(self, doc_ids: Sequence[str]) -> dict[str, list[VersionRow]]:
        """The versions of each page, oldest first (by the first capture that showed them, undated last)."""
        if not doc_ids:
            return {}
        out: dict[str, list[VersionRow]] = {}
        for doc_id, vid, title, language, partial, ingested_at, first, last, quotes, shown in self._conn.execute(
            f"""SELECT v.doc_id, v.version_id, v.title, v.language, v.partial, v.ingested_at,
                       (SELECT min(c.fetched_at) FROM captures AS c WHERE c.version_id = v.version_id),
                       (SELECT max(c.fetched_at) FROM captures AS c WHERE c.version_id = v.version_id),
                       (SELECT count(*) FROM quote_versions AS q WHERE q.version_id = v.version_id),
                       v.text IS NULL
                FROM document_versions AS v WHERE v.doc_id IN ({', '.join('?' for _ in doc_ids)})""",
            list(doc_ids),
        ):
            out.setdefault(doc_id, []).append(
                VersionRow(vid, doc_id, title, language, bool(partial), ingested_at, first, last, quotes, bool(shown))
            )
        for rows in out.values():
            rows.sort(key=lambda v: (v.first_seen or _UNDATED, v.version_id))
        return out

    def version_text(self, version_id: int) -> str | None:
        """The main text of one version (the document's text for the version it shows)."""
        row = self._conn.execute(
            """SELECT coalesce(v.text, d.text) FROM document_versions AS v JOIN documents AS d ON d.doc_id = v.doc_id
               WHERE v.version_id = ?""",
            (version_id,),
        ).fetchone()
        return None if row is None else str(row[0])

    def quote_presence(self, quote_ids: Sequence[int]) -> dict[int, frozenset[int]]:
        """The versions each quote appears in."""
        out: dict[int, set[int]] = {}
        for start in range(0, len(quote_ids), 500):
            chunk = list(quote_ids[start:start + 500])
            for qid, vid in self._conn.execute(
                f"SELECT quote_id, version_id FROM quote_versions WHERE quote_id IN ({', '.join('?' for _ in chunk)})",
                chunk,
            ):
                out.setdefault(int(qid), set()).add(int(vid))
        return {qid: frozenset(vids) for qid, vids in out.items()}

