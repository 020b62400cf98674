"""The store's schema: one migration a release, applied in order (``Store`` runs them on open).

Tables are named after the nouns (documents, quotes, mentions, speakers, captures); a page's versions (each
distinct text it showed, with the quotes in it) are ``document_versions`` and ``quote_versions``, the document row
showing the latest complete one (see ``_SCHEMA_VERSIONS``). ``quotes_fts`` is an FTS5 index over ``quotes.text``
(external content, kept in sync by triggers). The schema version is SQLite's ``PRAGMA user_version``;
``MIGRATIONS[i]`` takes a file from version ``i`` to ``i + 1``.
"""

from __future__ import annotations

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

# Versions and capture verdicts (issue 15): a page's captures never overwrite each other. Each distinct thing a
# page showed (title and main text, ``page_hash``) is a row of ``document_versions``; the ``documents`` row shows
# one of them (``documents.version_id``: the latest complete one) and keeps its text, so that version's own
# ``text`` is NULL (the others keep theirs). A quote is one row per distinct quote of a page, matched across
# versions by its words and speaker; ``quote_versions`` says in which versions it appears, at which offsets,
# and ``quotes.version_id`` names the version its offsets and fields were read from. A capture that showed a
# version points to it (``captures.version_id``), and carries what it showed: ``state`` (up, moved, gone, down,
# blocked), a ``reason`` code and the ``detail`` matched, the ``content_type``, and whether the record was
# ``truncated``, and the WARC ``payload_digest`` a later revisit record names. Existing documents become one
# version each (``qt_page_hash`` is registered by the store).
_SCHEMA_VERSIONS = """
CREATE TABLE document_versions (
    version_id       INTEGER PRIMARY KEY,
    doc_id           TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    page_hash        TEXT NOT NULL,
    extraction_hash  TEXT NOT NULL,
    text             TEXT,
    title            TEXT,
    published_at     TEXT,
    language         TEXT NOT NULL,
    partial          INTEGER NOT NULL DEFAULT 0,
    ingested_at      TEXT NOT NULL,
    UNIQUE (doc_id, page_hash)
);
CREATE TABLE quote_versions (
    version_id  INTEGER NOT NULL REFERENCES document_versions (version_id) ON DELETE CASCADE,
    quote_id    INTEGER NOT NULL REFERENCES quotes (quote_id) ON DELETE CASCADE,
    "start"     INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    PRIMARY KEY (version_id, quote_id)
) WITHOUT ROWID;
CREATE INDEX quote_versions_quote ON quote_versions (quote_id);
ALTER TABLE documents ADD COLUMN version_id INTEGER;
ALTER TABLE quotes ADD COLUMN version_id INTEGER;
ALTER TABLE captures ADD COLUMN version_id INTEGER;
ALTER TABLE captures ADD COLUMN state TEXT;
ALTER TABLE captures ADD COLUMN reason TEXT;
ALTER TABLE captures ADD COLUMN detail TEXT;
ALTER TABLE captures ADD COLUMN content_type TEXT;
ALTER TABLE captures ADD COLUMN truncated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE captures ADD COLUMN payload_digest TEXT;
CREATE INDEX captures_version ON captures (version_id, fetched_at);

INSERT INTO document_versions (doc_id, page_hash, extraction_hash, text, title, published_at, language, ingested_at)
    SELECT doc_id, qt_page_hash(title, text), content_hash, NULL, title, published_at, language, ingested_at
    FROM documents;
UPDATE documents SET version_id = (SELECT v.version_id FROM document_versions AS v WHERE v.doc_id = documents.doc_id);
UPDATE quotes SET version_id = (SELECT d.version_id FROM documents AS d WHERE d.doc_id = quotes.doc_id);
INSERT INTO quote_versions (version_id, quote_id, "start", "end")
    SELECT version_id, quote_id, "start", "end" FROM quotes;
-- the capture a document was read from, then every capture of that page with the same content
UPDATE captures SET version_id = (SELECT d.version_id FROM documents AS d
                                  WHERE d.doc_id = captures.doc_id AND d.fetched_at = captures.fetched_at)
    WHERE (http_status IS NULL OR http_status BETWEEN 200 AND 299) AND removal_notice = 0;
UPDATE captures SET version_id = (SELECT c.version_id FROM captures AS c
                                  WHERE c.doc_id = captures.doc_id AND c.content_hash = captures.content_hash
                                        AND c.version_id IS NOT NULL LIMIT 1)
    WHERE version_id IS NULL AND (http_status IS NULL OR http_status BETWEEN 200 AND 299) AND removal_notice = 0;
"""

# What a statement looks like from afar, one row per statement: how many documents it was seen in (its
# ``sightings``), by how many outlets, in which languages, with which relations, first and last seen (by
# publication, else first capture). Rebuilt whole by every ``replace_links`` (so it is as of the last link),
# it lets a page of statements filtered by reach and sorted by time be read from one index, not aggregated
# over every member on each request (benchmarks/serve.py: /api/statements?min_sightings=2). This SQL builds it
# once when a file is migrated; Store._rebuild_statement_summary builds the same rows faster on each link.
_STATEMENT_SUMMARY_BUILD = """
INSERT INTO statement_summary (statement_id, speaker_id, first_quote_id, type, sightings, quotes, outlets,
                               languages, relations, altered, undated, first_seen, last_seen)
SELECT m.statement_id, st.speaker_id, st.first_quote_id,
       coalesce((SELECT f.type FROM quotes AS f WHERE f.quote_id = st.first_quote_id), 'speech'),
       count(DISTINCT q.doc_id), count(*), count(DISTINCT d.outlet),
       json_group_array(DISTINCT d.language), json_group_array(DISTINCT m.relation),
       max(m.relation = 'altered'),
       min(coalesce(d.published_at, c.first_capture, d.fetched_at)) IS NULL,
       min(coalesce(d.published_at, c.first_capture, d.fetched_at)),
       max(coalesce(d.published_at, c.first_capture, d.fetched_at))
FROM statement_members AS m JOIN statements AS st ON st.statement_id = m.statement_id
JOIN quotes AS q ON q.quote_id = m.quote_id JOIN documents AS d ON d.doc_id = q.doc_id
LEFT JOIN (SELECT doc_id, min(fetched_at) AS first_capture FROM captures GROUP BY doc_id) AS c
    ON c.doc_id = q.doc_id
GROUP BY m.statement_id;
INSERT INTO statement_outlets (outlet, statement_id)
SELECT DISTINCT d.outlet, m.statement_id
FROM statement_members AS m JOIN quotes AS q ON q.quote_id = m.quote_id JOIN documents AS d ON d.doc_id = q.doc_id
WHERE d.outlet IS NOT NULL;
"""

# The web's version (issue 14): search that forgives and statements read as a unit.
# - quotes_fts is rebuilt with the porter stemmer in front of the same tokenizer, so "funeral" finds "funerals"
#   (English stems; other scripts pass through unchanged). Its triggers name the table, so they still apply.
# - statement_summary (above), with an index per sort order the API offers, and statement_outlets.
_SCHEMA_WEB = f"""
DROP TABLE quotes_fts;
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text, content = 'quotes', content_rowid = 'quote_id', tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');

-- Derived rows, rebuilt whole with the statements: no foreign keys (a cascade per deleted statement, and no
-- truncation of a table that has them, made each link pay for every row twice).
CREATE TABLE statement_summary (
    statement_id    TEXT PRIMARY KEY,
    speaker_id      TEXT,
    first_quote_id  INTEGER,
    type            TEXT NOT NULL,
    sightings       INTEGER NOT NULL,
    quotes          INTEGER NOT NULL,
    outlets         INTEGER NOT NULL,
    languages       TEXT NOT NULL,
    relations       TEXT NOT NULL,
    altered         INTEGER NOT NULL,
    undated         INTEGER NOT NULL,
    first_seen      TEXT,
    last_seen       TEXT
) WITHOUT ROWID;
CREATE INDEX statement_summary_first_seen ON statement_summary (undated, first_seen, sightings, type);
CREATE INDEX statement_summary_last_seen ON statement_summary (undated, last_seen DESC, sightings, type);
CREATE INDEX statement_summary_sightings ON statement_summary (sightings DESC, undated, first_seen, type);
CREATE INDEX statement_summary_speaker ON statement_summary (speaker_id, undated, first_seen);
-- Which outlets each statement was seen in: a statement search by outlet reads one index range.
CREATE TABLE statement_outlets (
    outlet        TEXT NOT NULL,
    statement_id  TEXT NOT NULL,
    PRIMARY KEY (outlet, statement_id)
) WITHOUT ROWID;
{_STATEMENT_SUMMARY_BUILD}
"""

# MIGRATIONS[i] migrates a file at schema version i to version i + 1. Append; never edit a shipped one.
MIGRATIONS: tuple[str, ...] = (_SCHEMA_V1, _SCHEMA_V2, _SCHEMA_V3, _SCHEMA_VERSIONS, _SCHEMA_WEB)
SCHEMA_VERSION = len(MIGRATIONS)
