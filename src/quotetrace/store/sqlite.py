"""The embedded store: one SQLite file with FTS5 over quote text. The ``Store`` class runs all of quotetrace's
SQL but the schema's (``schema.py``); what its queries return is in ``rows.py``."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from quotetrace.fingerprint import page_hash
from quotetrace.keys import content_hash, is_anonymous, speaker_key
from quotetrace.model import ACT_TYPES, Capture, Document, Mention, Quote, Speaker, TextSpan
from quotetrace.store.fts import LONG_QUERY_WORDS, parse_query, plain_query
from quotetrace.store.rows import (
    CaptureRow,
    DocumentFilters,
    DocumentRow,
    MemberRow,
    OutletRow,
    PageRow,
    QuoteFilters,
    QuoteRow,
    SearchExpression,
    Sighting,
    SortKey,
    SpeakerRow,
    StatementFilters,
    StatementRow,
    VersionRow,
)
from quotetrace.store.schema import MIGRATIONS, SCHEMA_VERSION

UpsertResult = Literal["inserted", "updated", "unchanged"]


_DOCUMENT_FIELDS = ("id", "source", "url", "outlet", "title", "published_at", "fetched_at", "language")
# The columns of a quote row written from a Quote (speaker_id apart: it follows the speaker).
_QUOTE_COLUMNS = (
    '"start"', '"end"', "text", "kind", "cue", "speaker_mention", "speaker_mention_start", "speaker_mention_end",
    "speaker", "descriptors", "confidence", "language", "type", "via", "via_start", "via_end", "fragments",
    "version_id",
)
_APOSTROPHES = frozenset("'’‘`´ʼ")


_ALL = 2**62  # a LIMIT that takes every row

# A search whose words match at least this many quotes, with no other filter, walks the dated documents in time
# order and stops at a page instead of sorting every match. Measured on 216k quotes: a word in 9k quotes 25 ms
# -> 3 ms; a word in 70 quotes stays with the sort (walking would take 50 ms). Sorting costs ~2.7 us a match,
# walking ~0.23 us an entry over 51 * quotes / matches entries: they cross near 1,000 matches at this size.
WALK_MIN_HITS = 1000
# The same for a statement search (STATEMENT_WALK_MIN_HITS quotes and more): each statement walked costs a probe
# of its members, so the walk pays later than for quotes. Measured on 100k statements (benchmarks/serve.py): a
# word in 9.7k quotes 73 -> 23 ms; a word in 1.5k quotes 15 ms sorted, 63 ms walked.
STATEMENT_WALK_MIN_HITS = 4000
DISTINCTIVE_CANDIDATES = 60  # words of a pasted passage it is searched by at most
DISTINCTIVE_WORDS = 6  # words a pasted passage is cut to at most
PASSAGE_CANDIDATES = 50  # quotes (best by bm25) compared word by word with a pasted passage
# What Store.highlight puts around a matched word: private-use characters, never in text, never markup.
HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"

_QUOTE_SORT = 'd.published_at IS NULL, ifnull(d.published_at, \'\'), q.doc_id, q."start", q.quote_id'
_HIT_COLUMNS = """q.quote_id, q.doc_id, d.id, d.title, d.url, d.outlet, d.published_at, q.text, q."start", q."end",
    q.kind, q.cue, q.speaker_mention, q.speaker_mention_start, q.speaker_mention_end, coalesce(s.name, q.speaker),
    q.speaker_id, q.descriptors, q.confidence, q.language, q.type, q.via, q.via_start, q.via_end, q.fragments,
    m.statement_id, m.relation, q.speaker"""
_HIT_FROM = """quotes AS q JOIN documents AS d ON d.doc_id = q.doc_id
    LEFT JOIN speakers AS s ON s.speaker_id = q.speaker_id
    LEFT JOIN statement_members AS m ON m.quote_id = q.quote_id"""
# A speaker ``s`` whose name or an alias contains the folded needle (given twice).
_SPEAKER_NAMED = """(instr(fold(s.name), ?) > 0
    OR EXISTS (SELECT 1 FROM json_each(s.aliases) WHERE instr(fold(json_each.value), ?) > 0))"""
_STATEMENT_ORDER: dict[str, str] = {
    "first_seen": "ss.undated, ss.first_seen, ss.statement_id",
    "last_seen": "ss.undated, ss.last_seen DESC, ss.statement_id",
    "sightings": "ss.sightings DESC, ss.undated, ss.first_seen, ss.statement_id",
}
_DOCUMENT_ROW_COLUMNS = """d.doc_id, d.id, d.title, d.url, d.outlet, d.published_at, d.fetched_at, d.language, d.source,
    (SELECT count(*) FROM quotes AS q WHERE q.doc_id = d.doc_id)"""
# The order relations are listed in (a statement's relations present, a legend).
RELATIONS = ("original", "verbatim", "partial", "altered", "paraphrase", "translation")


class StoreError(Exception):
    """The file cannot be used as a quotetrace store; ``str(error)`` is a one-line message for the user."""


def _fold(value: object) -> str | None:
    """Text as a name filter compares it: case, accents, apostrophes and runs of spaces ignored."""
    if value is None:
        return None
    decomposed = unicodedata.normalize("NFKD", str(value).casefold())
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch) and ch not in _APOSTROPHES)
    return " ".join(kept.split())


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


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A quotetrace SQLite file; use as a context manager. ``create=False`` refuses to make a new file."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
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
            self._conn.create_function("qt_page_hash", 2, _page_hash, deterministic=True)  # migrations use it
            self._check_and_migrate()
            self._conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.DatabaseError as error:
            self._conn.close()
            raise StoreError(f"{self.path}: not a quotetrace database ({error})") from None
        except StoreError:
            self._conn.close()
            raise
        self._conn.create_function("casefold", 1, _casefold, deterministic=True)
        self._conn.create_function("fold", 1, _fold, deterministic=True)
        self._expressions: dict[str, SearchExpression] = {}
        self._folded_cache: dict[str, tuple[tuple[int, int], list[tuple[str, str]]]] = {}
        self._counts: dict[tuple[str, object], tuple[tuple[int, int], int]] = {}

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
            (doc.doc_id, *(getattr(doc, name) for name in _DOCUMENT_FIELDS), doc.text, extraction, _now()),
        )
        version_id = int(conn.execute(
            """INSERT INTO document_versions (doc_id, page_hash, extraction_hash, partial, title, published_at,
                                              language, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            (doc.doc_id, key, extraction, int(partial), doc.title, doc.published_at, doc.language, _now()),
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
        values = (extraction, int(partial), doc.title, doc.published_at, doc.language, _now())
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
            (doc.source, doc.url, doc.outlet, doc.title, doc.language, doc.text, arrival.extraction, _now(),
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
                (speaker_id, name, int(is_anonymous(name)), _json(descriptors)),
            )
            return
        known: list[str] = json.loads(row[0])
        merged = known + [d for d in descriptors if d not in known]
        if merged != known:
            conn.execute(
                "UPDATE speakers SET descriptors = ? WHERE speaker_id = ?",
                (_json(merged), speaker_id),
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

    def query_quotes(
        self,
        speaker: str | None = None,
        search: str | None = None,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        kind: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[QuoteRow]:
        """Stored quotes of every act type matching every filter given (see ``QuoteFilters``), in list order."""
        filters = QuoteFilters(q=search, speaker=speaker, outlet=outlet, since=since, until=until, kind=kind)
        return self.search_quotes(filters, limit, offset=offset)

    # -- search: quotes ------------------------------------------------------------------------------------

    def search_expression(self, q: str | None) -> SearchExpression | None:
        """``q`` as the FTS5 expression it is searched by (None: no words given); remembered per text."""
        if q is None or not q.strip():
            return None
        found = self._expressions.get(q)
        if found is None:
            parsed = parse_query(q)
            words = parsed.plain_words
            found = self._distinctive(words) if len(words) > LONG_QUERY_WORDS else SearchExpression(parsed.fts())
            if len(self._expressions) >= 64:
                self._expressions.clear()
            self._expressions[q] = found
        return found

    def _distinctive(self, words: list[str]) -> SearchExpression:
        """A pasted passage, searched by the words it shares with the quote that shares most of them.

        Requiring every word of a passage finds nothing (an article's paragraph is more than the quote it
        carries), and its rarest words may come from around the quote. So: the quotes holding any of its words,
        best first by bm25; of those, the one sharing most distinct words with the passage; then as many of
        those shared words as still match together, rarest first (DISTINCTIVE_WORDS at most).
        """
        unique = list(dict.fromkeys(w for w in (_word_key(w) for w in words) if len(w) > 2))
        unique = unique[:DISTINCTIVE_CANDIDATES]
        if not unique:
            return SearchExpression(None)
        candidates = self._conn.execute(
            "SELECT rowid, text FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?",
            (" OR ".join(plain_query([w]) for w in unique), PASSAGE_CANDIDATES),
        ).fetchall()
        passage = set(unique)
        best = max(candidates, key=lambda c: len(passage & {_word_key(w) for w in str(c[1]).split()}), default=None)
        shared = [w for w in unique if best is not None and w in {_word_key(x) for x in str(best[1]).split()}]
        shared = shared or unique
        counted = sorted(shared, key=lambda w: (self._matches(plain_query([w])), -len(w)))
        for size in range(min(DISTINCTIVE_WORDS, len(counted)), 0, -1):
            expression = plain_query(counted[:size])
            if self._matches(expression, 1) or size == 1:
                return SearchExpression(expression, tuple(counted[:size]))
        return SearchExpression(None)  # unreachable: size 1 returns

    def _matches(self, expression: str, cap: int = WALK_MIN_HITS) -> int:
        """How many quotes match, counted up to ``cap``."""
        return int(self._conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT ?)", (expression, cap)
        ).fetchone()[0])

    def search_quotes(
        self, filters: QuoteFilters, limit: int, after: SortKey | None = None, offset: int = 0
    ) -> list[QuoteRow]:
        """At most ``limit`` quotes matching ``filters`` in list order, after the key ``after`` or ``offset`` rows.

        Two steps: choose the page's quote ids on the narrowest join, then read the full rows of those few.
        """
        limit = _ALL if limit < 0 else limit
        found = self._quote_conditions(filters)
        if found is None:
            return []
        where, params = found
        if offset == 0 and self._walkable(filters):
            ids = self._walked_quote_ids(where, params, limit, after)
        else:
            ids = self._sorted_quote_ids(where, params, limit, after, offset)
        return self._quote_rows_by_id(ids)

    def count_quotes(self, filters: QuoteFilters | None = None) -> int:
        return self._counted(("quotes", filters), lambda: self._count_quotes(filters or QuoteFilters()))

    def _count_quotes(self, filters: QuoteFilters) -> int:
        found = self._quote_conditions(filters)
        if found is None:
            return 0
        where, params = found
        if len(where) == 1 and where[0].startswith("q.quote_id IN (SELECT rowid FROM quotes_fts"):
            # words alone: the full-text index counts its matches without reading a quote row
            return int(self._conn.execute(
                "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?", params).fetchone()[0])
        documents = "JOIN documents AS d ON d.doc_id = q.doc_id" if any("d." in w for w in where) else ""
        sql = f"SELECT count(*) FROM quotes AS q {documents} WHERE {' AND '.join(where) or '1'}"
        return int(self._conn.execute(sql, params).fetchone()[0])

    def highlight(self, quote_ids: Sequence[int], q: str | None) -> dict[int, str]:
        """The text of those quotes that match ``q``, the matched words between HIGHLIGHT_START and HIGHLIGHT_END."""
        expression = self.search_expression(q)
        if expression is None or expression.match is None or not quote_ids:
            return {}
        marks = f"'{HIGHLIGHT_START}', '{HIGHLIGHT_END}'"
        return {
            int(rowid): str(text)
            for rowid, text in self._conn.execute(
                f"""SELECT rowid, highlight(quotes_fts, 0, {marks}) FROM quotes_fts
                    WHERE quotes_fts MATCH ? AND rowid IN ({_marks(quote_ids)})""",
                (expression.match, *quote_ids),
            )
        }

    def document_quotes(self, doc_id: str) -> list[QuoteRow]:
        """The quotes of the version a document shows (``doc_id``: the store's key), in text order, with their
        offsets into that version's text (a quote edited out of the page is not among them)."""
        spans = {qid: (start, end) for qid, start, end in self.quote_spans(doc_id)}
        rows = [
            replace(r, start=spans[r.quote_id][0], end=spans[r.quote_id][1])
            for r in self._quote_rows("q.doc_id = ?", [doc_id], "q.quote_id") if r.quote_id in spans
        ]
        return sorted(rows, key=lambda r: (r.start, r.quote_id))

    def _quote_conditions(self, filters: QuoteFilters) -> tuple[list[str], list[object]] | None:
        """SQL conditions on ``q`` (quotes) and ``d`` (documents); None when nothing can match."""
        where: list[str] = []
        params: list[object] = []
        if filters.q is not None and filters.q.strip():
            expression = self.search_expression(filters.q)
            if expression is None or expression.match is None:
                return None
            where.append("q.quote_id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
            params.append(expression.match)
        if filters.speaker and _fold(filters.speaker):
            speakers = self._speakers_named(filters.speaker)
            where.append(f"q.speaker_id IN ({_marks(speakers)})" if speakers else "0")
            params += speakers
        if filters.speaker_id:
            where.append("q.speaker_id = ?")
            params.append(filters.speaker_id)
        if filters.outlet and _fold(filters.outlet):
            outlets = self._outlets_named(filters.outlet)
            where.append(f"d.outlet IN ({_marks(outlets)})" if outlets else "0")
            params += outlets
        if filters.since:
            where.append("d.published_at >= ?")
            params.append(filters.since)
        if filters.until:
            where.append("substr(d.published_at, 1, length(?)) <= ?")
            params += [filters.until, filters.until]
        if filters.kind:
            where.append("q.kind = ?")
            params.append(filters.kind)
        if filters.types is not None and self._types_excluded(filters.types):
            where.append(f"q.type IN ({_marks(filters.types)})")
            params += list(filters.types)
        if filters.doc_id:
            where.append("q.doc_id = ?")
            params.append(filters.doc_id)
        return where, params

    def _speakers_named(self, name: str) -> list[str]:
        """Ids of the speakers whose name or an alias contains ``name``, folded; then looked up by index."""
        needle = _fold(name) or ""
        return [speaker_id for speaker_id, names in self._folded("speakers") if needle in names]

    def _outlets_named(self, name: str) -> list[str]:
        """The outlets whose name contains ``name``, folded; then looked up by index."""
        needle = _fold(name) or ""
        return [outlet for outlet, folded in self._folded("outlets") if needle in folded]

    def _types_excluded(self, types: Sequence[str]) -> bool:
        """Whether any stored quote is of a type not in ``types`` (else filtering by type changes nothing, and
        costs a row read per match). An index seek per left-out type."""
        others = [t for t in ACT_TYPES if t not in types]
        return bool(others) and self._conn.execute(
            f"SELECT 1 FROM quotes WHERE type IN ({_marks(others)}) LIMIT 1", others).fetchone() is not None

    def _version(self) -> tuple[int, int]:
        """Changes when this connection or another one writes to the file (what cached reads are keyed on)."""
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0]), self._conn.total_changes

    def _counted(self, key: tuple[str, object], count: Callable[[], int]) -> int:
        """A total, remembered until the file changes: a list's pages and its downloads ask for the same one."""
        version = self._version()
        found = self._counts.get(key)
        if found is not None and found[0] == version:
            return found[1]
        if len(self._counts) >= 256:
            self._counts.clear()
        total = count()
        self._counts[key] = (version, total)
        return total

    def _folded(self, what: Literal["speakers", "outlets"]) -> list[tuple[str, str]]:
        """(speaker_id, its names folded, one a line) or (outlet, folded), kept until the file changes: folding
        in SQL calls Python once per row, and the planner may push that into a scan of every document."""
        version = self._version()
        cached = self._folded_cache.get(what)
        if cached is not None and cached[0] == version:
            return cached[1]
        if what == "speakers":
            rows = [
                (str(sid), "\n".join(f for f in (_fold(n) for n in [name, *json.loads(aliases)]) if f))
                for sid, name, aliases in self._conn.execute("SELECT speaker_id, name, aliases FROM speakers")
            ]
        else:
            rows = [(str(outlet), _fold(outlet) or "") for (outlet,) in self._conn.execute(
                "SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL")]
        self._folded_cache[what] = (version, rows)
        return rows

    def _walkable(self, filters: QuoteFilters) -> bool:
        """Whether walking documents in time order finds a page sooner than sorting every match (WALK_MIN_HITS)."""
        others = (filters.speaker, filters.speaker_id, filters.outlet, filters.since, filters.until, filters.kind,
                  filters.doc_id)
        if any(others):
            return False
        expression = self.search_expression(filters.q)
        if expression is None or expression.match is None:
            return True
        row = self._conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT ?)",
            (expression.match, WALK_MIN_HITS),
        ).fetchone()
        return int(row[0]) >= WALK_MIN_HITS

    def _sorted_quote_ids(
        self, where: list[str], params: list[object], limit: int, after: SortKey | None, offset: int = 0
    ) -> list[int]:
        if after is not None:
            where = [*where, f"({_QUOTE_SORT}) > (?, ?, ?, ?, ?)"]
            params = [*params, *after]
        return [
            row[0]
            for row in self._conn.execute(
                f"""SELECT q.quote_id FROM quotes AS q JOIN documents AS d ON d.doc_id = q.doc_id
                    WHERE {' AND '.join(where) or '1'} ORDER BY {_QUOTE_SORT} LIMIT ? OFFSET ?""",
                (*params, limit, offset),
            )
        ]

    def _walked_quote_ids(
        self, where: list[str], params: list[object], limit: int, after: SortKey | None
    ) -> list[int]:
        """The page in the order of ``_sorted_quote_ids``: dated documents by the published_at index, then undated."""
        ids: list[int] = []
        if after is None or after[0] == 0:
            dated, values = [*where, "d.published_at IS NOT NULL"], list(params)
            if after is not None:
                dated += ["d.published_at >= ?", '(d.published_at, q.doc_id, q."start", q.quote_id) > (?, ?, ?, ?)']
                values += [after[1], after[1], after[2], after[3], after[4]]
            # CROSS JOIN keeps documents outside, walked in published_at order; the ORDER BY then only sorts
            # within one publication time, and LIMIT stops the walk.
            ids = [
                row[0]
                for row in self._conn.execute(
                    f"""SELECT q.quote_id FROM documents AS d CROSS JOIN quotes AS q ON q.doc_id = d.doc_id
                        WHERE {' AND '.join(dated)}
                        ORDER BY d.published_at, q.doc_id, q."start", q.quote_id LIMIT ?""",
                    (*values, limit),
                )
            ]
            after = None
        if len(ids) < limit:
            ids += self._sorted_quote_ids([*where, "d.published_at IS NULL"], params, limit - len(ids), after)
        return ids

    def _quote_rows_by_id(self, ids: Sequence[int]) -> list[QuoteRow]:
        if not ids:
            return []
        return self._quote_rows(f"q.quote_id IN ({_marks(ids)})", list(ids), _QUOTE_SORT)

    def _quote_rows(self, where: str, params: Sequence[object], order: str) -> list[QuoteRow]:
        # `where` and `order` are built in this module from fixed fragments; user values are all in params.
        cursor = self._conn.execute(
            f"SELECT {_HIT_COLUMNS} FROM {_HIT_FROM} WHERE {where} ORDER BY {order}", tuple(params)
        )
        return [_quote_row(row) for row in cursor]

    # -- search: statements ------------------------------------------------------------------------------

    def search_statements(self, filters: StatementFilters, limit: int, offset: int = 0) -> list[StatementRow]:
        """A page of statements matching ``filters`` in the order it asks for (see ``StatementFilters``)."""
        found = self._statement_conditions(filters, walk=True)
        if found is None:
            return []
        where, params = found
        ids = [
            str(row[0])
            for row in self._conn.execute(
                f"""SELECT ss.statement_id FROM statement_summary AS ss WHERE {' AND '.join(where) or '1'}
                    ORDER BY {_STATEMENT_ORDER[filters.sort]} LIMIT ? OFFSET ?""",
                (*params, _ALL if limit < 0 else limit, offset),
            )
        ]
        return self.statement_rows(ids)

    def count_statements(self, filters: StatementFilters | None = None) -> int:
        unsorted = replace(filters, sort="first_seen") if filters is not None else None  # the order counts no row
        return self._counted(("statements", unsorted), lambda: self._count_statements(filters or StatementFilters()))

    def _count_statements(self, filters: StatementFilters) -> int:
        found = self._statement_conditions(filters)
        if found is None:
            return 0
        where, params = found
        sql = f"SELECT count(*) FROM statement_summary AS ss WHERE {' AND '.join(where) or '1'}"
        return int(self._conn.execute(sql, params).fetchone()[0])

    def statement_rows(self, statement_ids: Sequence[str]) -> list[StatementRow]:
        """Those statements, in the order given (unknown ids left out)."""
        if not statement_ids:
            return []
        rows = {
            row[0]: StatementRow(
                statement_id=row[0], speaker_id=row[1], speaker=row[2], text=row[3], first_quote_id=row[4],
                first_doc_key=row[5], first_doc_id=row[6], first_title=row[7], first_outlet=row[8], type=row[9],
                sightings=row[10], quotes=row[11], outlets=row[12], languages=_distinct_json(row[13]),
                relations=_relations(row[14]), altered=bool(row[15]), first_seen=row[16], last_seen=row[17],
            )
            for row in self._conn.execute(
                f"""SELECT ss.statement_id, ss.speaker_id, coalesce(sp.name, fq.speaker),
                           coalesce(fq.text, st.text), ss.first_quote_id, fq.doc_id, d.id, d.title, d.outlet,
                           ss.type, ss.sightings, ss.quotes, ss.outlets, ss.languages, ss.relations, ss.altered,
                           ss.first_seen, ss.last_seen
                    FROM statement_summary AS ss JOIN statements AS st ON st.statement_id = ss.statement_id
                    LEFT JOIN speakers AS sp ON sp.speaker_id = ss.speaker_id
                    LEFT JOIN quotes AS fq ON fq.quote_id = ss.first_quote_id
                    LEFT JOIN documents AS d ON d.doc_id = fq.doc_id
                    WHERE ss.statement_id IN ({_marks(statement_ids)})""",
                list(statement_ids),
            )
        }
        return [rows[i] for i in statement_ids if i in rows]

    def statement_documents(self, statement_ids: Sequence[str]) -> dict[str, list[str]]:
        """The store keys of the documents each statement was seen in."""
        out: dict[str, list[str]] = {}
        if not statement_ids:
            return out
        for statement_id, doc_id in self._conn.execute(
            f"""SELECT DISTINCT m.statement_id, q.doc_id FROM statement_members AS m
                JOIN quotes AS q ON q.quote_id = m.quote_id WHERE m.statement_id IN ({_marks(statement_ids)})
                ORDER BY 1, 2""",
            list(statement_ids),
        ):
            out.setdefault(statement_id, []).append(doc_id)
        return out

    def statement_months(
        self, speaker_id: str, types: Sequence[str] | None = None
    ) -> tuple[list[tuple[str, int]], int]:
        """(month "YYYY-MM", statements first seen that month) of a speaker's statements, and the undated count."""
        type_filter = f"AND type IN ({_marks(types)})" if types is not None else ""
        months: list[tuple[str, int]] = []
        undated = 0
        for month, count in self._conn.execute(
            f"""SELECT substr(first_seen, 1, 7), count(*) FROM statement_summary WHERE speaker_id = ? {type_filter}
                GROUP BY 1 ORDER BY 1 IS NULL, 1""",
            (speaker_id, *(types or ())),
        ):
            if month is None or len(month) < 7:
                undated += int(count)
            else:
                months.append((str(month), int(count)))
        return months, undated

    def refresh_statement_summary(self) -> None:
        """Rebuild ``statement_summary`` from the statements (``replace_links`` does, in its transaction)."""
        with self._transaction() as conn:
            self._rebuild_statement_summary(conn)

    @staticmethod
    def _rebuild_statement_summary(
        conn: sqlite3.Connection, members: Iterable[tuple[str, int, str]] | None = None
    ) -> None:
        """The summary from sequential reads (``members``: (statement_id, quote_id, relation), else read back),
        aggregated here and written with its indexes dropped, then built again. SQL's DISTINCT aggregates over
        random row lookups, written index by index, took 25 s on 216k quotes and 168 s on 1M; this takes ~3 s on
        216k (the migration still uses the SQL, once, on an old file)."""
        conn.execute("DELETE FROM statement_summary")
        conn.execute("DELETE FROM statement_outlets")
        if members is None:
            members = conn.execute("SELECT statement_id, quote_id, relation FROM statement_members")
        by_statement: dict[str, list[tuple[int, str]]] = {}
        for statement_id, quote_id, relation in members:
            by_statement.setdefault(statement_id, []).append((quote_id, relation))
        quote_doc = dict(conn.execute("SELECT quote_id, doc_id FROM quotes"))  # the (doc_id, start) index alone
        first_capture = dict(conn.execute("SELECT doc_id, min(fetched_at) FROM captures GROUP BY doc_id"))
        documents = {
            doc_id: (outlet, language, published_at or first_capture.get(doc_id) or fetched_at)
            for doc_id, outlet, language, published_at, fetched_at in conn.execute(
                "SELECT doc_id, outlet, language, published_at, fetched_at FROM documents")
        }
        summaries: list[tuple[object, ...]] = []
        outlets: list[tuple[str, str]] = []
        as_json: dict[frozenset[str], str] = {}  # a handful of distinct sets: encoded once each

        def encoded(values: frozenset[str]) -> str:
            found = as_json.get(values)
            if found is None:
                found = as_json[values] = json.dumps(sorted(values))
            return found

        for statement_id, speaker_id, first_quote_id, act_type in conn.execute(
            """SELECT st.statement_id, st.speaker_id, st.first_quote_id, f.type FROM statements AS st
               LEFT JOIN quotes AS f ON f.quote_id = st.first_quote_id ORDER BY st.statement_id"""
        ):
            rows = by_statement.get(statement_id)
            if not rows:
                continue
            doc_ids = {quote_doc[quote_id] for quote_id, _ in rows if quote_id in quote_doc}
            seen = [documents[doc_id] for doc_id in doc_ids if doc_id in documents]
            found_outlets = sorted({outlet for outlet, _, _ in seen if outlet is not None})
            times = [when for _, _, when in seen if when]
            relations = {relation for _, relation in rows}
            summaries.append((
                statement_id, speaker_id, first_quote_id, act_type or "speech", len(doc_ids), len(rows),
                len(found_outlets), encoded(frozenset(lang for _, lang, _ in seen)), encoded(frozenset(relations)),
                int("altered" in relations), int(not times), min(times, default=None), max(times, default=None),
            ))
            outlets += [(outlet, statement_id) for outlet in found_outlets]
        indexes = [(name, sql) for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'statement_summary' "
            "AND sql IS NOT NULL")]
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        conn.executemany(
            """INSERT INTO statement_summary (statement_id, speaker_id, first_quote_id, type, sightings, quotes,
                   outlets, languages, relations, altered, undated, first_seen, last_seen)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            summaries,
        )
        for _, sql in indexes:
            conn.execute(sql)
        outlets.sort()
        conn.executemany("INSERT INTO statement_outlets (outlet, statement_id) VALUES (?, ?)", outlets)

    def _statement_conditions(
        self, filters: StatementFilters, *, walk: bool = False
    ) -> tuple[list[str], list[object]] | None:
        """Conditions on ``ss`` (statement_summary). With ``walk``, words that match many quotes are tested per
        statement while the summary is read in the page's order (a page stops early), as quote search walks
        documents; else the statements of the matching quotes are collected and sorted."""
        where: list[str] = []
        params: list[object] = []
        if filters.q is not None and filters.q.strip():
            expression = self.search_expression(filters.q)
            if expression is None or expression.match is None:
                return None
            if walk and self._matches(expression.match, STATEMENT_WALK_MIN_HITS) >= STATEMENT_WALK_MIN_HITS:
                where.append(
                    "EXISTS (SELECT 1 FROM statement_members AS m WHERE m.statement_id = ss.statement_id AND "
                    "m.quote_id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?))"
                )
            else:
                where.append(
                    "ss.statement_id IN (SELECT m.statement_id FROM statement_members AS m WHERE m.quote_id IN "
                    "(SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?))"
                )
            params.append(expression.match)
        if filters.speaker and _fold(filters.speaker):
            speakers = self._speakers_named(filters.speaker)
            where.append(f"ss.speaker_id IN ({_marks(speakers)})" if speakers else "0")
            params += speakers
        if filters.speaker_id:
            where.append("ss.speaker_id = ?")
            params.append(filters.speaker_id)
        if filters.outlet and _fold(filters.outlet):
            outlets = self._outlets_named(filters.outlet)
            where.append(
                f"ss.statement_id IN (SELECT so.statement_id FROM statement_outlets AS so WHERE so.outlet IN "
                f"({_marks(outlets)}))" if outlets else "0"
            )
            params += outlets
        if filters.since:
            where.append("ss.last_seen >= ?")
            params.append(filters.since)
        if filters.until:
            where.append("substr(ss.first_seen, 1, length(?)) <= ?")
            params += [filters.until, filters.until]
        if filters.types is not None:
            where.append(f"ss.type IN ({_marks(filters.types)})")
            params += list(filters.types)
        if filters.min_sightings > 1:
            where.append("ss.sightings >= ?")
            params.append(filters.min_sightings)
        return where, params

    # -- speakers, documents, outlets ------------------------------------------------------------------------

    def search_speakers(self, q: str | None, limit: int, offset: int = 0) -> list[SpeakerRow]:
        """Speakers whose name or an alias contains ``q`` (case, accents, apostrophes ignored; all when empty),
        most quoted first, with their numbers of quotes, documents and statements."""
        where, params = self._speaker_conditions(q)
        # Rank by number of quotes first (an index-only count per speaker), then count documents and statements
        # for the page of speakers kept: counting those for every speaker took 750 ms on 216k quotes, this 30 ms.
        sql = f"""
            SELECT c.speaker_id, s.name, s.aliases, s.descriptors, s.anonymous,
                   (SELECT count(DISTINCT q.doc_id) FROM quotes AS q WHERE q.speaker_id = c.speaker_id),
                   (SELECT count(*) FROM statement_summary AS ss WHERE ss.speaker_id = c.speaker_id), c.n
            FROM (SELECT speaker_id, n FROM
                    (SELECT s.speaker_id, (SELECT count(*) FROM quotes AS q WHERE q.speaker_id = s.speaker_id) AS n
                     FROM speakers AS s WHERE {where})
                  WHERE n > 0 ORDER BY n DESC, speaker_id LIMIT ? OFFSET ?) AS c
            JOIN speakers AS s ON s.speaker_id = c.speaker_id
            ORDER BY c.n DESC, c.speaker_id"""
        return [
            SpeakerRow(sid, name, json.loads(aliases), json.loads(descriptors), bool(anonymous), documents,
                       statements, quotes)
            for sid, name, aliases, descriptors, anonymous, documents, statements, quotes in self._conn.execute(
                sql, (*params, _ALL if limit < 0 else limit, offset)
            )
        ]

    def count_speakers(self, q: str | None = None) -> int:
        where, params = self._speaker_conditions(q)
        sql = f"""SELECT count(*) FROM speakers AS s WHERE {where}
                  AND EXISTS (SELECT 1 FROM quotes AS q WHERE q.speaker_id = s.speaker_id)"""
        return int(self._conn.execute(sql, params).fetchone()[0])

    def speaker_row(self, speaker_id: str) -> SpeakerRow | None:
        row = self._conn.execute(
            """SELECT s.speaker_id, s.name, s.aliases, s.descriptors, s.anonymous,
                      (SELECT count(DISTINCT q.doc_id) FROM quotes AS q WHERE q.speaker_id = s.speaker_id),
                      (SELECT count(*) FROM statement_summary AS ss WHERE ss.speaker_id = s.speaker_id),
                      (SELECT count(*) FROM quotes AS q WHERE q.speaker_id = s.speaker_id)
               FROM speakers AS s WHERE s.speaker_id = ?""",
            (speaker_id,),
        ).fetchone()
        if row is None:
            return None
        sid, name, aliases, descriptors, anonymous, documents, statements, quotes = row
        return SpeakerRow(sid, name, json.loads(aliases), json.loads(descriptors), bool(anonymous), documents,
                          statements, quotes)

    def _speaker_conditions(self, q: str | None) -> tuple[str, list[object]]:
        if not q or not _fold(q):
            return "1", []
        ids: list[object] = [q, *self._speakers_named(q)]
        return f"s.speaker_id IN ({_marks(ids)})", ids

    def list_documents(self, filters: DocumentFilters, limit: int, offset: int = 0) -> list[DocumentRow]:
        """Documents matching ``filters`` by publication time (undated last), with their numbers of quotes."""
        where, params = self._document_conditions(filters)
        cursor = self._conn.execute(
            f"""SELECT {_DOCUMENT_ROW_COLUMNS} FROM documents AS d WHERE {where}
                ORDER BY d.published_at IS NULL, d.published_at, d.doc_id LIMIT ? OFFSET ?""",
            (*params, _ALL if limit < 0 else limit, offset),
        )
        return [DocumentRow(*row) for row in cursor]

    def documents_by_key(self, doc_keys: Sequence[str]) -> dict[str, DocumentRow]:
        if not doc_keys:
            return {}
        cursor = self._conn.execute(
            f"SELECT {_DOCUMENT_ROW_COLUMNS} FROM documents AS d WHERE d.doc_id IN ({_marks(doc_keys)})",
            list(doc_keys),
        )
        return {row[0]: DocumentRow(*row) for row in cursor}

    def document_text(self, doc_key: str) -> str | None:
        row = self._conn.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_key,)).fetchone()
        return None if row is None else str(row[0])

    def resolve_document(self, key: str) -> str | None:
        """The store key of the document ``key`` names: its key (hash), else its id as ingested (the first)."""
        row = self._conn.execute("SELECT doc_id FROM documents WHERE doc_id = ?", (key,)).fetchone()
        if row is None:
            row = self._conn.execute(
                "SELECT doc_id FROM documents WHERE id = ? ORDER BY doc_id LIMIT 1", (key,)
            ).fetchone()
        return None if row is None else str(row[0])

    def _document_conditions(self, filters: DocumentFilters) -> tuple[str, list[object]]:
        where: list[str] = []
        params: list[object] = []
        title = _fold(filters.q) if filters.q else None
        if title:
            where.append("(instr(fold(d.title), ?) > 0 OR instr(fold(d.id), ?) > 0)")
            params += [title, title]
        if filters.outlet and _fold(filters.outlet):
            outlets = self._outlets_named(filters.outlet)
            where.append(f"d.outlet IN ({_marks(outlets)})" if outlets else "0")
            params += outlets
        if filters.since:
            where.append("d.published_at >= ?")
            params.append(filters.since)
        if filters.until:
            where.append("substr(d.published_at, 1, length(?)) <= ?")
            params += [filters.until, filters.until]
        return " AND ".join(where) or "1", params

    def list_outlets(self, q: str | None, limit: int, offset: int = 0) -> list[OutletRow]:
        """Outlets (part of the name, case and accents ignored; all when empty), most documents first."""
        where, params = self._outlet_conditions(q)
        cursor = self._conn.execute(
            f"""SELECT d.outlet, count(*), sum((SELECT count(*) FROM quotes AS q WHERE q.doc_id = d.doc_id)),
                       min(d.published_at), max(d.published_at)
                FROM documents AS d WHERE d.outlet IS NOT NULL AND {where}
                GROUP BY d.outlet ORDER BY count(*) DESC, d.outlet LIMIT ? OFFSET ?""",
            (*params, _ALL if limit < 0 else limit, offset),
        )
        return [OutletRow(str(o), int(n), int(quotes or 0), first, last) for o, n, quotes, first, last in cursor]

    def count_outlets(self, q: str | None = None) -> int:
        where, params = self._outlet_conditions(q)
        sql = f"SELECT count(DISTINCT d.outlet) FROM documents AS d WHERE d.outlet IS NOT NULL AND {where}"
        return int(self._conn.execute(sql, params).fetchone()[0])

    def _outlet_conditions(self, q: str | None) -> tuple[str, list[object]]:
        if not q or not _fold(q):
            return "1", []
        outlets: list[object] = list(self._outlets_named(q))
        return (f"d.outlet IN ({_marks(outlets)})" if outlets else "0"), outlets

    def speaker_counts(self, limit: int | None = None) -> list[tuple[str, int, int]]:
        """(name, quotes, documents) per speaker, most quoted first."""
        cursor = self._conn.execute(
            """SELECT s.name, count(*) AS n_quotes, count(DISTINCT q.doc_id) AS n_documents
               FROM quotes AS q JOIN speakers AS s ON s.speaker_id = q.speaker_id
               GROUP BY s.speaker_id
               ORDER BY n_quotes DESC, n_documents DESC, casefold(s.name), s.speaker_id
               LIMIT ?""",
            (-1 if limit is None else limit,),
        )
        return [(str(name), int(n_quotes), int(n_documents)) for name, n_quotes, n_documents in cursor]

    # -- linking (link/): sightings in, canonical speakers and statements out -------------------------------

    def sightings(self) -> Iterator[Sighting]:
        """Every stored quote with what linking needs of its document, by quote_id.

        A quote of every version of a page is here once (edited out or not). Its time is the page's: its
        ``published_at``, else its first capture; but a quote that appeared only in a later version of the page
        was not published with it: its time is the first capture that showed it (``published_at`` None).
        A million of them are held at once by ``link``: consecutive quotes of one document share its strings,
        and quotes share the strings of names already seen.
        """
        cursor = self._conn.execute(
            f"""SELECT q.quote_id, q.doc_id, d.id, q.text, q.speaker, q.speaker_mention, q.descriptors,
                      d.outlet, d.url, d.published_at, c.first_seen, d.fetched_at, w.first_seen, q.type
               FROM quotes AS q JOIN documents AS d ON d.doc_id = q.doc_id
               LEFT JOIN (SELECT doc_id, min(fetched_at) AS first_seen FROM captures
                          WHERE {_SHOWED_A_VERSION} GROUP BY doc_id) AS c ON c.doc_id = q.doc_id
               LEFT JOIN ({_QUOTE_FIRST_SEEN}) AS w ON w.quote_id = q.quote_id
               ORDER BY q.quote_id"""
        )
        names: dict[str, str] = {}
        previous: Sighting | None = None
        page_seen: str | None = None
        for (quote_id, doc_id, input_id, text, speaker, mention, descriptors, outlet, url, published_at,
             first_capture, fetched_at, quote_seen, act_type) in cursor:
            if previous is not None and previous.doc_id == doc_id:
                doc_id, input_id, outlet, url = previous.doc_id, previous.id, previous.outlet, previous.url
            else:
                page_seen = _first_seen(first_capture, fetched_at)
            seen_at, published = _sighting_times(published_at, page_seen, quote_seen)
            if speaker is not None:
                speaker = names.setdefault(speaker, speaker)
            mention = speaker if mention == speaker else mention
            previous = Sighting(
                quote_id, doc_id, input_id, text, speaker, mention,
                () if descriptors == "[]" else tuple(json.loads(descriptors)),  # most have none
                outlet, url, published, seen_at, act_type,
            )
            yield previous

    def document_entities(self) -> dict[str, set[str]]:
        """Names (people, organisations, places) mentioned in each document: the context of its speakers."""
        entities: dict[str, set[str]] = {}
        for doc_id, text in self._conn.execute(
            "SELECT doc_id, text FROM mentions WHERE label IN ('PERSON', 'ORG', 'GPE', 'NORP', 'LOC', 'FAC')"
        ):
            entities.setdefault(doc_id, set()).add(" ".join(str(text).casefold().split()))
        return entities

    def speaker_overrides(self) -> list[tuple[Literal["merge", "split"], str, str]]:
        """The user's merges and splits, oldest first (the order they are re-applied in)."""
        return [
            (kind, a, b)
            for kind, a, b in self._conn.execute(
                "SELECT kind, a, b FROM speaker_overrides ORDER BY override_id"
            )
        ]

    def add_speaker_override(self, kind: Literal["merge", "split"], a: str, b: str) -> None:
        """Record a merge or split; given again, it moves to the end (the newest correction wins)."""
        with self._transaction() as conn:
            conn.execute("DELETE FROM speaker_overrides WHERE kind = ? AND a = ? AND b = ?", (kind, a, b))
            conn.execute(
                "INSERT INTO speaker_overrides (kind, a, b, created_at) VALUES (?, ?, ?, ?)",
                (kind, a, b, datetime.now(UTC).isoformat(timespec="seconds")),
            )

    def replace_links(
        self,
        speakers: Iterable[Speaker],
        quote_speakers: Iterable[tuple[str, int]],
        statements: Iterable[tuple[str, str | None, str, int]],
        members: Iterable[tuple[str, int, str] | tuple[str, int, str, Sequence[tuple[str, str]]]],
    ) -> None:
        """Replace every canonical speaker and statement in one transaction (so a re-link is idempotent).

        ``quote_speakers``: (speaker_id, quote_id); ``statements``: (statement_id, speaker_id, text,
        first_quote_id); ``members``: (statement_id, quote_id, relation) or (..., relation, changes), the
        changes of an ``altered`` member being (original words, echo's words) pairs.
        """
        with self._transaction() as conn:
            conn.execute("DELETE FROM statement_members")
            conn.execute("DELETE FROM statements")
            self._replace_speakers(conn, speakers, quote_speakers)
            conn.executemany(
                "INSERT INTO statements (statement_id, speaker_id, text, first_quote_id) VALUES (?, ?, ?, ?)",
                statements,
            )
            written: list[tuple[str, int, str]] = []  # kept for the summary, not read back

            def rows() -> Iterator[tuple[str, int, str, str]]:
                for m in members:
                    written.append((m[0], m[1], m[2]))
                    yield m[0], m[1], m[2], _changes_json(m[3] if len(m) > 3 else ())

            conn.executemany(
                "INSERT INTO statement_members (statement_id, quote_id, relation, changes) VALUES (?, ?, ?, ?)", rows()
            )
            self._rebuild_statement_summary(conn, written)

    @staticmethod
    def _replace_speakers(
        conn: sqlite3.Connection, speakers: Iterable[Speaker], quote_speakers: Iterable[tuple[str, int]]
    ) -> None:
        """Upsert the speakers, move each quote to its speaker, then delete the speakers no longer given.

        In that order a re-link rewrites only the quotes whose speaker changed (a quote row carries its text:
        setting every one to NULL and back wrote each row twice), and a speaker deleted last has no quote left
        to set to NULL. The quotes' speakers go through a temporary table and one UPDATE, not a million
        single-row updates in no particular order.
        """
        conn.execute("CREATE TEMP TABLE link_speakers (speaker_id TEXT PRIMARY KEY)")
        conn.execute("CREATE TEMP TABLE link_quote_speakers (quote_id INTEGER PRIMARY KEY, speaker_id TEXT NOT NULL)")
        rows = [(s.speaker_id, s.name, int(s.anonymous), _json(s.descriptors), _json(s.aliases)) for s in speakers]
        conn.executemany(
            """INSERT INTO speakers (speaker_id, name, anonymous, descriptors, aliases) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (speaker_id) DO UPDATE SET name = excluded.name, anonymous = excluded.anonymous,
                   descriptors = excluded.descriptors, aliases = excluded.aliases""",
            rows,
        )
        conn.executemany("INSERT INTO link_speakers (speaker_id) VALUES (?)", ((row[0],) for row in rows))
        by_quote: list[tuple[str, int]] = sorted(quote_speakers, key=lambda row: row[1])
        conn.executemany("INSERT INTO link_quote_speakers (speaker_id, quote_id) VALUES (?, ?)", by_quote)
        new_speaker = "(SELECT t.speaker_id FROM link_quote_speakers AS t WHERE t.quote_id = quotes.quote_id)"
        conn.execute(f"UPDATE quotes SET speaker_id = {new_speaker} WHERE speaker_id IS NOT {new_speaker}")
        conn.execute("DELETE FROM speakers WHERE speaker_id NOT IN (SELECT speaker_id FROM link_speakers)")
        conn.execute("DROP TABLE link_speakers")
        conn.execute("DROP TABLE link_quote_speakers")

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

    def quote_spans(self, doc_id: str, version_id: int | None = None) -> list[tuple[int, int, int]]:
        """(quote_id, start, end) of the quotes in one version of a page (default: the one the document shows),
        offsets into that version's text, in text order."""
        return [
            (int(qid), int(start), int(end))
            for qid, start, end in self._conn.execute(
                """SELECT v.quote_id, v."start", v."end" FROM quote_versions AS v
                   WHERE v.version_id = coalesce(?, (SELECT version_id FROM documents WHERE doc_id = ?))
                   ORDER BY v."start", v.quote_id""",
                (version_id, doc_id),
            )
        ]

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

    def find_statement(self, words: str) -> str | None:
        """The statement whose members best match ``words`` (full text), or the statement with this id/prefix."""
        found = self.find_statements(words, 1)
        return found[0][0] if found else None

    def find_statements(self, words: str, limit: int = 10) -> list[tuple[str, int]]:
        """(statement_id, matching sightings) of the statements whose members match ``words``, best first; or
        the statement with this id or id prefix."""
        words = words.strip()
        if not words:
            return []
        if " " not in words:
            row = self._conn.execute(
                "SELECT statement_id FROM statements WHERE statement_id = ? OR statement_id LIKE ? "
                "ORDER BY statement_id LIMIT 1",
                (words, words.replace("%", "").replace("_", "") + "%"),
            ).fetchone()
            if row is not None:
                return [(str(row[0]), 0)]
        expression = self.search_expression(words)
        if expression is None or expression.match is None:
            return []
        return [
            (str(statement_id), int(n))
            for statement_id, n in self._conn.execute(
                """SELECT m.statement_id, count(*) AS n FROM quotes_fts AS f
                   JOIN statement_members AS m ON m.quote_id = f.rowid
                   WHERE quotes_fts MATCH ? GROUP BY m.statement_id ORDER BY n DESC, m.statement_id LIMIT ?""",
                (expression.match, limit),
            )
        ]

    def statement(self, statement_id: str) -> tuple[str, str | None, str | None] | None:
        """(text, speaker_id, speaker name) of a statement."""
        row = self._conn.execute(
            """SELECT st.text, st.speaker_id, s.name FROM statements AS st
               LEFT JOIN speakers AS s ON s.speaker_id = st.speaker_id WHERE st.statement_id = ?""",
            (statement_id,),
        ).fetchone()
        return None if row is None else (str(row[0]), row[1], row[2])

    def member_rows(self, where: str, params: Sequence[object]) -> list[MemberRow]:
        """Quotes with their statement, document and speaker, by time (``published_at``, else first seen; a
        quote that came in a later version of its page by the first capture that showed it), undated last."""
        # `where` comes from this module's callers in link/ as a fixed fragment; values are all in params.
        cursor = self._conn.execute(
            # first captures by index (captures (doc_id, fetched_at) and (version_id, fetched_at)): aggregating
            # every capture on each call made provenance ~100x slower on a 100k-statement store (benchmarks/serve.py)
            f"""SELECT m.statement_id, m.relation, q.quote_id, q.doc_id, d.id, d.outlet, d.url, d.published_at,
                       (SELECT min(c.fetched_at) FROM captures AS c WHERE c.doc_id = q.doc_id AND {_SHOWED_A_VERSION}),
                       d.fetched_at,
                       (SELECT min(c.fetched_at) FROM quote_versions AS v JOIN captures AS c
                            ON c.version_id = v.version_id WHERE v.quote_id = q.quote_id),
                       q.text, coalesce(s.name, q.speaker), q.speaker_id, d.language, m.changes, q."start"
                FROM quotes AS q JOIN documents AS d ON d.doc_id = q.doc_id
                LEFT JOIN statement_members AS m ON m.quote_id = q.quote_id
                LEFT JOIN speakers AS s ON s.speaker_id = q.speaker_id
                WHERE {where}""",
            tuple(params),
        )
        rows: list[tuple[tuple[bool, str, str, int], MemberRow]] = []
        for (statement_id, relation, quote_id, doc_id, input_id, outlet, url, published_at, first_capture,
             fetched_at, quote_seen, text, speaker, speaker_id, language, changes, start) in cursor:
            seen_at, published = _sighting_times(published_at, _first_seen(first_capture, fetched_at), quote_seen)
            when = published or seen_at
            rows.append(((when is None, when or "", doc_id, start), MemberRow(
                statement_id, relation, quote_id, doc_id, input_id, outlet, url, published, seen_at, text, speaker,
                speaker_id, language, _changes(changes),
            )))
        rows.sort(key=lambda pair: pair[0])
        return [row for _, row in rows]

    def statement_members(self, statement_id: str) -> list[MemberRow]:
        return self.member_rows("m.statement_id = ?", [statement_id])

    def speaker_quotes(self, speaker_id: str) -> list[MemberRow]:
        return self.member_rows("q.speaker_id = ?", [speaker_id])

    def find_speakers(self, name: str) -> list[str]:
        """Ids of speakers named ``name`` (or with it as an alias, or as their id); when none is, of those whose
        name or an alias contains it. Case, accents and apostrophes are ignored."""
        key = _fold(" ".join(name.split()))
        exact = [
            str(row[0])
            for row in self._conn.execute(
                """SELECT speaker_id FROM speakers WHERE speaker_id = ? OR fold(name) = ?
                   OR EXISTS (SELECT 1 FROM json_each(speakers.aliases) WHERE fold(json_each.value) = ?)
                   ORDER BY speaker_id""",
                (name, key, key),
            )
        ]
        if exact or not key:
            return exact
        return [
            str(row[0])
            for row in self._conn.execute(
                f"""SELECT s.speaker_id FROM speakers AS s WHERE {_SPEAKER_NAMED}
                    AND EXISTS (SELECT 1 FROM quotes AS q WHERE q.speaker_id = s.speaker_id) ORDER BY s.speaker_id""",
                (key, key),
            )
        ]

    def canonical_speakers(self, limit: int | None = None, speaker_id: str | None = None) -> list[SpeakerRow]:
        """Speakers with aliases, descriptors and numbers of documents, statements and quotes; most quoted first."""
        where = "WHERE s.speaker_id = ?" if speaker_id is not None else ""
        params: list[object] = [speaker_id] if speaker_id is not None else []
        cursor = self._conn.execute(
            f"""SELECT s.speaker_id, s.name, s.aliases, s.descriptors, s.anonymous,
                       count(DISTINCT q.doc_id), count(DISTINCT m.statement_id), count(q.quote_id)
                FROM speakers AS s JOIN quotes AS q ON q.speaker_id = s.speaker_id
                LEFT JOIN statement_members AS m ON m.quote_id = q.quote_id
                {where}
                GROUP BY s.speaker_id
                ORDER BY count(q.quote_id) DESC, count(DISTINCT q.doc_id) DESC, casefold(s.name), s.speaker_id
                LIMIT ?""",
            (*params, -1 if limit is None else limit),
        )
        return [
            SpeakerRow(sid, name, json.loads(aliases), json.loads(descriptors), bool(anonymous), docs, stmts, n)
            for sid, name, aliases, descriptors, anonymous, docs, stmts, n in cursor
        ]


# A capture that showed a version of its page, whole (what dates a page's first sighting).
_SHOWED_A_VERSION = "version_id IS NOT NULL AND truncated = 0"
# The first capture that showed each quote (captures first: a store with none costs nothing).
_QUOTE_FIRST_SEEN = """SELECT v.quote_id, min(k.fetched_at) AS first_seen
    FROM captures AS k CROSS JOIN quote_versions AS v ON v.version_id = k.version_id GROUP BY v.quote_id"""


def _first_seen(first_capture: str | None, fetched_at: str | None) -> str | None:
    return min(first_capture, fetched_at) if first_capture and fetched_at else first_capture or fetched_at or None


def _sighting_times(
    published_at: str | None, page_seen: str | None, quote_seen: str | None
) -> tuple[str | None, str | None]:
    """(seen_at, published_at) of a quote: the page's, unless the quote came in a later version of the page."""
    if quote_seen and page_seen and quote_seen > page_seen:
        return quote_seen, None
    return page_seen, published_at


def _quote_values(quote: Quote, version_id: int | None) -> tuple[object, ...]:
    """A quote's values in the order of ``_QUOTE_COLUMNS``."""
    mention, via = quote.speaker_mention, quote.via
    return (
        quote.start, quote.end, quote.text, quote.kind, quote.cue,
        mention.text if mention else None, mention.start if mention else None, mention.end if mention else None,
        quote.speaker, _json(quote.descriptors), quote.confidence, quote.language, quote.type,
        via.text if via else None, via.start if via else None, via.end if via else None,
        _spans_json(quote.fragments), version_id,
    )


def _capture_row(row: Sequence[Any]) -> CaptureRow:
    (_, url, fetched_at, status, digest, location, notice, source, state, reason, detail, content_type, truncated,
     version_id, payload_digest) = row
    capture = Capture(url, fetched_at, status, digest, location, bool(notice), source, state, reason, detail,
                      content_type, bool(truncated), payload_digest)
    return CaptureRow(capture, version_id)


def _page_hash(title: object, text: object) -> str:
    return page_hash(None if title is None else str(title), str(text or ""))


def _json(values: Sequence[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _casefold(value: object) -> str | None:
    return None if value is None else str(value).casefold()


def _changes_json(changes: Sequence[tuple[str, str]]) -> str:
    return json.dumps([{"original": a, "echo": b} for a, b in changes], ensure_ascii=False)


def _changes(raw: str | None) -> tuple[tuple[str, str], ...]:
    if not raw or raw == "[]":
        return ()
    return tuple((str(c["original"]), str(c["echo"])) for c in json.loads(raw))


def _spans_json(spans: Sequence[TextSpan]) -> str:
    return json.dumps([[s.text, s.start, s.end] for s in spans], ensure_ascii=False)


def _spans(raw: str | None) -> list[TextSpan]:
    if not raw or raw == "[]":
        return []
    return [TextSpan(str(text), int(start), int(end)) for text, start, end in json.loads(raw)]


def _word_key(word: str) -> str:
    return word.strip("\"'“”‘’«»„‚.,;:!?()[]{}—–-…*").casefold()


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


def _distinct_json(raw: str) -> list[str]:
    return sorted({str(v) for v in json.loads(raw) if v is not None})


def _relations(raw: str) -> list[str]:
    found = {str(v) for v in json.loads(raw) if v is not None}
    return [r for r in RELATIONS if r in found] + sorted(found - set(RELATIONS))


def _quote_row(row: sqlite3.Row | tuple[Any, ...]) -> QuoteRow:
    (quote_id, doc_id, input_id, title, url, outlet, published_at, text, start, end, kind, cue,
     mention_text, mention_start, mention_end, speaker, speaker_id, descriptors, confidence, language,
     act_type, via_text, via_start, via_end, fragments, statement_id, relation, resolved) = row
    mention = None
    if mention_text is not None:
        mention = TextSpan(mention_text, mention_start, mention_end)
    via = None if via_text is None else TextSpan(via_text, via_start, via_end)
    return QuoteRow(
        quote_id=quote_id, doc_id=doc_id, id=input_id, title=title, url=url, outlet=outlet,
        published_at=published_at, text=text, start=start, end=end, kind=kind, cue=cue,
        speaker_mention=mention, speaker=speaker, speaker_id=speaker_id,
        descriptors=json.loads(descriptors), confidence=confidence, language=language,
        type=act_type, via=via, fragments=_spans(fragments), statement_id=statement_id, relation=relation,
        resolved_speaker=resolved,
    )
