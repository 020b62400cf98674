"""The embedded store: one SQLite file with FTS5 over quote text. All of quotetrace's SQL lives here.

Tables are named after the nouns (documents, quotes, mentions, speakers). ``quotes_fts`` is an FTS5 index
over ``quotes.text`` (external content, kept in sync by triggers). The schema version is SQLite's
``PRAGMA user_version``; ``_MIGRATIONS[i]`` takes a file from version ``i`` to ``i + 1``.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from quotetrace.model import ActType, Capture, Document, Mention, Quote, QuoteKind, Speaker, TextSpan

UpsertResult = Literal["inserted", "updated", "unchanged"]

_SCHEMA_V1 = """
CREATE TABLE documents (
    doc_id        TEXT PRIMARY KEY,
    id            TEXT NOT NULL,
    source        TEXT NOT NULL,
    url           TEXT,
    outlet        TEXT,
    title         TEXT,
    published_at  TEXT,
    fetched_at    TEXT,
    language      TEXT NOT NULL,
    text          TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    ingested_at   TEXT NOT NULL
);
CREATE INDEX documents_published_at ON documents (published_at);
CREATE INDEX documents_outlet ON documents (outlet);

-- For now one row per resolved speaker name (anonymous ones per document); cross-document
-- canonicalisation (link/speakers.py) will rewrite these rows and quotes.speaker_id.
CREATE TABLE speakers (
    speaker_id   TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    anonymous    INTEGER NOT NULL DEFAULT 0,
    descriptors  TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE quotes (
    quote_id               INTEGER PRIMARY KEY,
    doc_id                 TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    "start"                INTEGER NOT NULL,
    "end"                  INTEGER NOT NULL,
    text                   TEXT NOT NULL,
    kind                   TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
    cue                    TEXT,
    speaker_mention        TEXT,
    speaker_mention_start  INTEGER,
    speaker_mention_end    INTEGER,
    speaker                TEXT,
    speaker_id             TEXT REFERENCES speakers (speaker_id) ON DELETE SET NULL,
    descriptors            TEXT NOT NULL DEFAULT '[]',
    confidence             REAL NOT NULL,
    language               TEXT NOT NULL
);
CREATE INDEX quotes_doc ON quotes (doc_id, "start");
CREATE INDEX quotes_speaker_id ON quotes (speaker_id);

CREATE TABLE mentions (
    doc_id   TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    "start"  INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    text     TEXT NOT NULL,
    label    TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions (doc_id);

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text, content = 'quotes', content_rowid = 'quote_id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text) VALUES (new.quote_id, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.quote_id, old.text);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.quote_id, old.text);
    INSERT INTO quotes_fts (rowid, text) VALUES (new.quote_id, new.text);
END;
"""

# Version 2: what ``quotetrace link`` and WARC ingest add. ``speakers`` rows become canonical speakers across
# documents (with their aliases) after a link; user corrections live apart in ``speaker_overrides`` so that
# every re-link re-applies them. ``captures`` is the liveness history of each page (keyed like documents, by
# the hash of the canonical URL, but with no foreign key: a 404 capture has no document).
_SCHEMA_V2 = """
ALTER TABLE speakers ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]';

CREATE TABLE speaker_overrides (
    override_id  INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
    a            TEXT NOT NULL,
    b            TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    UNIQUE (kind, a, b)
);

CREATE TABLE statements (
    statement_id    TEXT PRIMARY KEY,
    speaker_id      TEXT REFERENCES speakers (speaker_id) ON DELETE SET NULL,
    text            TEXT NOT NULL,
    first_quote_id  INTEGER REFERENCES quotes (quote_id) ON DELETE SET NULL
);

CREATE TABLE statement_members (
    statement_id  TEXT NOT NULL REFERENCES statements (statement_id) ON DELETE CASCADE,
    quote_id      INTEGER NOT NULL UNIQUE REFERENCES quotes (quote_id) ON DELETE CASCADE,
    relation      TEXT NOT NULL CHECK (relation IN ('original', 'verbatim', 'partial', 'paraphrase', 'translation'))
);
CREATE INDEX statement_members_statement ON statement_members (statement_id);

CREATE TABLE captures (
    capture_id      INTEGER PRIMARY KEY,
    url             TEXT NOT NULL,
    doc_id          TEXT NOT NULL,
    fetched_at      TEXT NOT NULL,
    http_status     INTEGER,
    content_hash    TEXT NOT NULL,
    location        TEXT,
    removal_notice  INTEGER NOT NULL DEFAULT 0,
    source          TEXT NOT NULL DEFAULT '',
    UNIQUE (doc_id, fetched_at, content_hash)
);
CREATE INDEX captures_doc ON captures (doc_id, fetched_at);
"""

# Version 3: what a statement is (its act ``type``: speech, belief or stance), the channel it came through
# (``via``), a split quotation's pieces (``fragments``, JSON), and statement members that alter what they echo
# (relation ``altered``, with the ``changes`` as JSON [{"original", "echo"}]). SQLite cannot change a CHECK
# constraint in place, so statement_members is rebuilt (it holds only what ``link`` rebuilds anyway).
_SCHEMA_V3 = """
ALTER TABLE quotes ADD COLUMN type TEXT NOT NULL DEFAULT 'speech' CHECK (type IN ('speech', 'belief', 'stance'));
ALTER TABLE quotes ADD COLUMN via TEXT;
ALTER TABLE quotes ADD COLUMN via_start INTEGER;
ALTER TABLE quotes ADD COLUMN via_end INTEGER;
ALTER TABLE quotes ADD COLUMN fragments TEXT NOT NULL DEFAULT '[]';
CREATE INDEX quotes_type ON quotes (type);

CREATE TABLE statement_members_v3 (
    statement_id  TEXT NOT NULL REFERENCES statements (statement_id) ON DELETE CASCADE,
    quote_id      INTEGER NOT NULL UNIQUE REFERENCES quotes (quote_id) ON DELETE CASCADE,
    relation      TEXT NOT NULL CHECK (relation IN ('original', 'verbatim', 'partial', 'paraphrase', 'translation',
                                                    'altered')),
    changes       TEXT NOT NULL DEFAULT '[]'
);
INSERT INTO statement_members_v3 (statement_id, quote_id, relation)
    SELECT statement_id, quote_id, relation FROM statement_members;
DROP TABLE statement_members;
ALTER TABLE statement_members_v3 RENAME TO statement_members;
CREATE INDEX statement_members_statement ON statement_members (statement_id);
"""

# _MIGRATIONS[i] migrates a file at schema version i to version i + 1. Append; never edit a shipped one.
_MIGRATIONS: tuple[str, ...] = (_SCHEMA_V1, _SCHEMA_V2, _SCHEMA_V3)
SCHEMA_VERSION = len(_MIGRATIONS)

_DOCUMENT_FIELDS = ("id", "source", "url", "outlet", "title", "published_at", "fetched_at", "language")


class StoreError(Exception):
    """The file cannot be used as a quotetrace store; ``str(error)`` is a one-line message for the user."""


@dataclass(slots=True)
class QuoteRow:
    """A stored quote with the document it came from (what ``Store.query_quotes`` returns)."""

    quote_id: int
    doc_id: str
    id: str  # the document's input id
    title: str | None
    url: str | None
    outlet: str | None
    published_at: str | None
    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: str | None
    speaker_mention: TextSpan | None
    speaker: str | None
    speaker_id: str | None
    descriptors: list[str] = field(default_factory=list)
    confidence: float = 0.5
    language: str = "en"
    type: ActType = "speech"
    via: TextSpan | None = None
    fragments: list[TextSpan] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        mention = self.speaker_mention
        return {
            "quote_id": self.quote_id,
            "doc_id": self.doc_id,
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published_at": self.published_at,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "cue": self.cue,
            "speaker_mention": (
                None if mention is None
                else {"text": mention.text, "start": mention.start, "end": mention.end}
            ),
            "speaker": self.speaker,
            "speaker_id": self.speaker_id,
            "descriptors": list(self.descriptors),
            "confidence": round(self.confidence, 3),
            "language": self.language,
            "type": self.type,
            "via": None if self.via is None else {"text": self.via.text, "start": self.via.start, "end": self.via.end},
            "fragments": [{"text": f.text, "start": f.start, "end": f.end} for f in self.fragments],
        }


@dataclass(frozen=True, slots=True)
class Sighting:
    """A stored quote with what linking needs of its document (what ``Store.sightings`` returns).

    ``seen_at`` is the first time the page was seen: its first capture, else the document's ``fetched_at``.
    """

    quote_id: int
    doc_id: str
    id: str
    text: str
    speaker: str | None
    speaker_mention: str | None
    descriptors: tuple[str, ...]
    outlet: str | None
    url: str | None
    published_at: str | None
    seen_at: str | None
    type: ActType = "speech"  # linking makes statements of speech and belief; a stance has a speaker only


@dataclass(frozen=True, slots=True)
class MemberRow:
    """A stored quote with its statement (if linked), document and canonical speaker."""

    statement_id: str | None
    relation: str | None
    quote_id: int
    doc_id: str
    id: str
    outlet: str | None
    url: str | None
    published_at: str | None
    seen_at: str | None
    text: str
    speaker: str | None
    speaker_id: str | None
    language: str | None = None
    changes: tuple[tuple[str, str], ...] = ()  # (original, echo) of an ``altered`` member


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    """A canonical speaker with its counts (what ``Store.canonical_speakers`` returns)."""

    speaker_id: str
    name: str
    aliases: list[str]
    descriptors: list[str]
    anonymous: bool
    documents: int
    statements: int
    quotes: int


def content_hash(doc: Document) -> str:
    """sha256 of the cleaned text and the quotes found in it: what decides whether a re-ingest rewrites."""
    quotes = json.dumps([q.to_dict() for q in doc.quotes], ensure_ascii=False, sort_keys=True)
    digest = hashlib.sha256(doc.text.encode("utf-8"))
    digest.update(b"\x00")
    digest.update(quotes.encode("utf-8"))
    return digest.hexdigest()


def fts_query(words: str) -> str:
    """User words as an FTS5 query that cannot be a syntax error: each word a quoted string, all required.

    Operators typed by the user (``AND``, ``NEAR``, ``*``, ``(``, ``"``) become plain text to match.
    """
    # NUL ends a string inside FTS5's query parser ("unterminated string"): drop it.
    return " ".join('"' + word.replace('"', '""') + '"' for word in words.replace("\x00", " ").split())


def is_anonymous(name: str) -> bool:
    """Descriptions ("a senior official", "the minister") start lower-case; names start upper-case."""
    return not name[:1].isupper()


def speaker_key(name: str, doc_id: str) -> str:
    """For now the lower-cased name; anonymous speakers are scoped to their document."""
    key = " ".join(name.casefold().split())
    return f"{doc_id}:{key}" if is_anonymous(name) else key


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
            self._check_and_migrate()
            self._conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.DatabaseError as error:
            self._conn.close()
            raise StoreError(f"{self.path}: not a quotetrace database ({error})") from None
        except StoreError:
            self._conn.close()
            raise
        self._conn.create_function("casefold", 1, _casefold, deterministic=True)

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
        for target, script in enumerate(_MIGRATIONS[version:], start=version + 1):
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

    def upsert_document(self, doc: Document) -> UpsertResult:
        """Insert ``doc`` or replace the stored one with the same ``doc_id`` (with its quotes and mentions).

        Nothing is written when the text, quotes and metadata are as stored.
        """
        digest = content_hash(doc)
        metadata = tuple(getattr(doc, name) for name in _DOCUMENT_FIELDS)
        with self._transaction() as conn:
            row = conn.execute(
                f"SELECT content_hash, {', '.join(_DOCUMENT_FIELDS)} FROM documents WHERE doc_id = ?",
                (doc.doc_id,),
            ).fetchone()
            if row is not None and row[0] == digest and tuple(row[1:]) == metadata:
                return "unchanged"
            if row is not None:
                conn.execute("DELETE FROM quotes WHERE doc_id = ?", (doc.doc_id,))
                conn.execute("DELETE FROM mentions WHERE doc_id = ?", (doc.doc_id,))
            conn.execute(
                f"""INSERT INTO documents (doc_id, {', '.join(_DOCUMENT_FIELDS)}, text, content_hash,
                                           ingested_at)
                    VALUES (?, {', '.join('?' for _ in _DOCUMENT_FIELDS)}, ?, ?, ?)
                    ON CONFLICT (doc_id) DO UPDATE SET
                        {', '.join(f'{name} = excluded.{name}' for name in _DOCUMENT_FIELDS)},
                        text = excluded.text, content_hash = excluded.content_hash,
                        ingested_at = excluded.ingested_at""",
                (doc.doc_id, *metadata, doc.text, digest, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            for quote in doc.quotes:
                self._insert_quote(conn, doc.doc_id, quote)
            conn.executemany(
                'INSERT INTO mentions (doc_id, "start", "end", text, label) VALUES (?, ?, ?, ?, ?)',
                [(doc.doc_id, m.start, m.end, m.text, m.label) for m in doc.mentions],
            )
            if row is not None:
                conn.execute(
                    "DELETE FROM speakers WHERE speaker_id NOT IN "
                    "(SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL)"
                )
        return "inserted" if row is None else "updated"

    def _insert_quote(self, conn: sqlite3.Connection, doc_id: str, quote: Quote) -> None:
        speaker_id = None
        if quote.speaker and quote.speaker.strip():
            speaker_id = speaker_key(quote.speaker, doc_id)
            self._add_speaker(conn, speaker_id, quote.speaker.strip(), quote.descriptors)
        mention, via = quote.speaker_mention, quote.via
        conn.execute(
            """INSERT INTO quotes (doc_id, "start", "end", text, kind, cue, speaker_mention,
                                   speaker_mention_start, speaker_mention_end, speaker, speaker_id,
                                   descriptors, confidence, language, type, via, via_start, via_end, fragments)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                doc_id, quote.start, quote.end, quote.text, quote.kind, quote.cue,
                mention.text if mention else None, mention.start if mention else None,
                mention.end if mention else None, quote.speaker, speaker_id,
                _json(quote.descriptors), quote.confidence, quote.language, quote.type,
                via.text if via else None, via.start if via else None, via.end if via else None,
                _spans_json(quote.fragments),
            ),
        )

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
        """Remove a document with its quotes and mentions; False when there was none."""
        with self._transaction() as conn:
            deleted = conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,)).rowcount
            conn.execute(
                "DELETE FROM speakers WHERE speaker_id NOT IN "
                "(SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL)"
            )
        return bool(deleted)

    # -- reading -----------------------------------------------------------------------------------------

    def get_document(self, doc_id: str) -> Document | None:
        row = self._conn.execute(
            f"SELECT {', '.join(_DOCUMENT_FIELDS)}, text FROM documents WHERE doc_id = ?", (doc_id,)
        ).fetchone()
        if row is None:
            return None
        fields = dict(zip(_DOCUMENT_FIELDS, row, strict=False))
        quotes = [
            Quote(
                text=r.text, start=r.start, end=r.end, kind=r.kind,
                cue=r.cue, speaker_mention=r.speaker_mention, speaker=r.speaker,
                descriptors=r.descriptors, confidence=r.confidence, language=r.language,
                fragments=r.fragments, type=r.type, via=r.via,
            )
            for r in self._quote_rows("q.doc_id = ?", [doc_id], 'q."start", q.quote_id', -1, 0)
        ]
        mentions = [
            Mention(text, start, end, label)
            for start, end, text, label in self._conn.execute(
                'SELECT "start", "end", text, label FROM mentions WHERE doc_id = ? ORDER BY "start", "end"',
                (doc_id,),
            )
        ]
        return Document(doc_id=doc_id, text=row[-1], quotes=quotes, mentions=mentions, **fields)

    def count_documents(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM documents").fetchone()[0])

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
        """Stored quotes matching every filter given, by publication time (undated last), document, offset.

        ``speaker``: case-insensitive substring of the resolved speaker or the speaker mention.
        ``search``: words that must all occur in the quote (full-text, accents ignored).
        ``since``/``until``: ISO dates or times compared with ``published_at``, both inclusive at the
        precision given (``until="2024-03"`` takes all of March).
        """
        where: list[str] = []
        params: list[object] = []
        if speaker:
            where.append("(instr(casefold(q.speaker), ?) > 0 OR instr(casefold(q.speaker_mention), ?) > 0)")
            params += [_casefold(speaker.strip()), _casefold(speaker.strip())]
        if search and search.strip():
            where.append("q.quote_id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
            params.append(fts_query(search))
        if outlet:
            where.append("casefold(d.outlet) = ?")
            params.append(_casefold(outlet.strip()))
        if since:
            where.append("d.published_at >= ?")
            params.append(since)
        if until:
            where.append("substr(d.published_at, 1, length(?)) <= ?")
            params += [until, until]
        if kind:
            where.append("q.kind = ?")
            params.append(kind)
        order = 'd.published_at IS NULL, d.published_at, q.doc_id, q."start", q.quote_id'
        return self._quote_rows(" AND ".join(where) or "1", params, order, limit, offset)

    def _quote_rows(
        self, where: str, params: Sequence[object], order: str, limit: int, offset: int
    ) -> list[QuoteRow]:
        # `where` and `order` are built in this module from fixed fragments; user values are all in params.
        cursor = self._conn.execute(
            f"""SELECT q.quote_id, q.doc_id, d.id, d.title, d.url, d.outlet, d.published_at, q.text,
                       q."start", q."end", q.kind, q.cue, q.speaker_mention, q.speaker_mention_start,
                       q.speaker_mention_end, q.speaker, q.speaker_id, q.descriptors, q.confidence,
                       q.language, q.type, q.via, q.via_start, q.via_end, q.fragments
                FROM quotes AS q JOIN documents AS d ON d.doc_id = q.doc_id
                WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?""",
            (*params, limit, offset),
        )
        return [_quote_row(row) for row in cursor]

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

        A million of them are held at once by ``link``: consecutive quotes of one document share its strings,
        and quotes share the strings of names already seen.
        """
        cursor = self._conn.execute(
            """SELECT q.quote_id, q.doc_id, d.id, q.text, q.speaker, q.speaker_mention, q.descriptors,
                      d.outlet, d.url, d.published_at, c.first_seen, d.fetched_at, q.type
               FROM quotes AS q JOIN documents AS d ON d.doc_id = q.doc_id
               LEFT JOIN (SELECT doc_id, min(fetched_at) AS first_seen FROM captures GROUP BY doc_id) AS c
                   ON c.doc_id = q.doc_id
               ORDER BY q.quote_id"""
        )
        names: dict[str, str] = {}
        previous: Sighting | None = None
        for (quote_id, doc_id, input_id, text, speaker, mention, descriptors, outlet, url, published_at,
             first_capture, fetched_at, act_type) in cursor:
            if previous is not None and previous.doc_id == doc_id:
                doc_id, input_id, outlet, url = previous.doc_id, previous.id, previous.outlet, previous.url
                published_at, seen_at = previous.published_at, previous.seen_at
            else:
                both = first_capture and fetched_at
                seen_at = min(first_capture, fetched_at) if both else first_capture or fetched_at or None
            if speaker is not None:
                speaker = names.setdefault(speaker, speaker)
            mention = speaker if mention == speaker else mention
            previous = Sighting(
                quote_id, doc_id, input_id, text, speaker, mention,
                () if descriptors == "[]" else tuple(json.loads(descriptors)),  # most have none
                outlet, url, published_at, seen_at, act_type,
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
            conn.executemany(
                "INSERT INTO statement_members (statement_id, quote_id, relation, changes) VALUES (?, ?, ?, ?)",
                ((m[0], m[1], m[2], _changes_json(m[3] if len(m) > 3 else ())) for m in members),
            )

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
        """Record (capture, doc_id) pairs; one already recorded (same page, time and content) is not repeated."""
        with self._transaction() as conn:
            before = conn.total_changes
            conn.executemany(
                """INSERT OR IGNORE INTO captures (url, doc_id, fetched_at, http_status, content_hash, location,
                                                   removal_notice, source)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                ((c.url, doc_id, c.fetched_at, c.http_status, c.content_hash, c.location, int(c.removal_notice),
                  c.source) for c, doc_id in captures),
            )
            return conn.total_changes - before

    def captures(self, doc_ids: Sequence[str] | None = None) -> dict[str, list[Capture]]:
        """Captures per doc_id (every page, or those given), oldest first."""
        sql = """SELECT doc_id, url, fetched_at, http_status, content_hash, location, removal_notice, source
                 FROM captures"""
        params: list[str] = []
        if doc_ids is not None:
            sql += f" WHERE doc_id IN ({', '.join('?' for _ in doc_ids)})"
            params = list(doc_ids)
        out: dict[str, list[Capture]] = {}
        for doc_id, url, fetched_at, status, digest, location, notice, source in self._conn.execute(
            sql + " ORDER BY doc_id, fetched_at, capture_id", params
        ):
            out.setdefault(doc_id, []).append(Capture(url, fetched_at, status, digest, location, bool(notice), source))
        return out

    def has_capture(self, doc_id: str, fetched_at: str) -> bool:
        return self._conn.execute(
            "SELECT 1 FROM captures WHERE doc_id = ? AND fetched_at = ? LIMIT 1", (doc_id, fetched_at)
        ).fetchone() is not None

    def document_fetched_at(self, doc_id: str) -> tuple[bool, str | None]:
        """(whether the document is stored, its fetched_at)."""
        row = self._conn.execute("SELECT fetched_at FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return (False, None) if row is None else (True, row[0])

    def find_statement(self, words: str) -> str | None:
        """The statement whose members best match ``words`` (full text), or the statement with this id/prefix."""
        words = words.strip()
        if not words:
            return None
        row = self._conn.execute(
            "SELECT statement_id FROM statements WHERE statement_id = ? OR statement_id LIKE ? "
            "ORDER BY statement_id LIMIT 1",
            (words, words.replace("%", "").replace("_", "") + "%"),
        ).fetchone()
        if row is not None and " " not in words:
            return str(row[0])
        row = self._conn.execute(
            """SELECT m.statement_id, count(*) AS n FROM quotes_fts AS f
               JOIN statement_members AS m ON m.quote_id = f.rowid
               WHERE quotes_fts MATCH ? GROUP BY m.statement_id ORDER BY n DESC, m.statement_id LIMIT 1""",
            (fts_query(words),),
        ).fetchone()
        return None if row is None else str(row[0])

    def statement(self, statement_id: str) -> tuple[str, str | None, str | None] | None:
        """(text, speaker_id, speaker name) of a statement."""
        row = self._conn.execute(
            """SELECT st.text, st.speaker_id, s.name FROM statements AS st
               LEFT JOIN speakers AS s ON s.speaker_id = st.speaker_id WHERE st.statement_id = ?""",
            (statement_id,),
        ).fetchone()
        return None if row is None else (str(row[0]), row[1], row[2])

    def member_rows(self, where: str, params: Sequence[object]) -> list[MemberRow]:
        # `where` comes from this module's callers in link/ as a fixed fragment; values are all in params.
        cursor = self._conn.execute(
            # the first capture per row by the (doc_id, fetched_at) index: aggregating every capture on each
            # call made provenance ~100x slower on a 100k-statement store (benchmarks/serve.py)
            f"""SELECT m.statement_id, m.relation, q.quote_id, q.doc_id, d.id, d.outlet, d.url, d.published_at,
                       coalesce((SELECT min(c.fetched_at) FROM captures AS c WHERE c.doc_id = q.doc_id),
                                d.fetched_at) AS seen_at,
                       q.text, coalesce(s.name, q.speaker), q.speaker_id, d.language, m.changes
                FROM quotes AS q JOIN documents AS d ON d.doc_id = q.doc_id
                LEFT JOIN statement_members AS m ON m.quote_id = q.quote_id
                LEFT JOIN speakers AS s ON s.speaker_id = q.speaker_id
                WHERE {where}
                ORDER BY coalesce(d.published_at, seen_at) IS NULL, coalesce(d.published_at, seen_at),
                         q.doc_id, q."start" """,
            tuple(params),
        )
        out = []
        for (statement_id, relation, quote_id, doc_id, input_id, outlet, url, published_at, seen_at, text, speaker,
             speaker_id, language, changes) in cursor:
            out.append(MemberRow(statement_id, relation, quote_id, doc_id, input_id, outlet, url, published_at,
                                 seen_at, text, speaker, speaker_id, language, _changes(changes)))
        return out

    def statement_members(self, statement_id: str) -> list[MemberRow]:
        return self.member_rows("m.statement_id = ?", [statement_id])

    def speaker_quotes(self, speaker_id: str) -> list[MemberRow]:
        return self.member_rows("q.speaker_id = ?", [speaker_id])

    def find_speakers(self, name: str) -> list[str]:
        """Ids of speakers named ``name`` (or with it as an alias, or as their id), case ignored."""
        key = _casefold(" ".join(name.split()))
        return [
            str(row[0])
            for row in self._conn.execute(
                """SELECT speaker_id FROM speakers WHERE speaker_id = ? OR casefold(name) = ?
                   OR EXISTS (SELECT 1 FROM json_each(speakers.aliases) WHERE casefold(json_each.value) = ?)
                   ORDER BY speaker_id""",
                (name, key, key),
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


def _quote_row(row: sqlite3.Row | tuple[Any, ...]) -> QuoteRow:
    (quote_id, doc_id, input_id, title, url, outlet, published_at, text, start, end, kind, cue,
     mention_text, mention_start, mention_end, speaker, speaker_id, descriptors, confidence, language,
     act_type, via_text, via_start, via_end, fragments) = row
    mention = None
    if mention_text is not None:
        mention = TextSpan(mention_text, mention_start, mention_end)
    via = None if via_text is None else TextSpan(via_text, via_start, via_end)
    return QuoteRow(
        quote_id=quote_id, doc_id=doc_id, id=input_id, title=title, url=url, outlet=outlet,
        published_at=published_at, text=text, start=start, end=end, kind=kind, cue=cue,
        speaker_mention=mention, speaker=speaker, speaker_id=speaker_id,
        descriptors=json.loads(descriptors), confidence=confidence, language=language,
        type=act_type, via=via, fragments=_spans(fragments),
    )
