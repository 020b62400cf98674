"""Reading the store as users search it: quotes, statements, speakers, documents and outlets, with filters,
totals, highlights and the orders the lists are paged in."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Literal

from quotetrace.model import ACT_TYPES
from quotetrace.store.base import StoreBase
from quotetrace.store.fts import LONG_QUERY_WORDS, parse_query, plain_query
from quotetrace.store.rows import (
    DocumentFilters,
    DocumentRow,
    OutletRow,
    QuoteFilters,
    QuoteRow,
    SearchExpression,
    SortKey,
    SpeakerRow,
    StatementFilters,
    StatementRow,
)
from quotetrace.store.values import (
    distinct_of,
    fold,
    placeholders,
    quote_row,
    relations_of,
    word_key,
)

_ALL = 2**62  # a LIMIT that takes every row

# A search whose words match at least this many quotes, with no other filter, walks the dated documents in time
# order and stops at a page instead of sorting every match. Measured on 216k quotes: a word in 9k quotes 25 ms
# -> 3 ms; a word in 70 quotes stays with the sort (walking would take 50 ms). Sorting costs ~2.7 us a match,
# walking ~0.23 us an entry over 51 * quotes / matches entries: they cross near 1,000 matches at this size.
WALK_MIN_HITS = 1000
DISTINCTIVE_CANDIDATES = 60  # words of a pasted passage it is searched by at most
DISTINCTIVE_WORDS = 6  # words a pasted passage is cut to at most
PASSAGE_CANDIDATES = 50  # quotes (best by bm25) compared word by word with a pasted passage
# What Store.highlight puts around a matched word: private-use characters, never in text, never markup.
HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"

_QUOTE_SORT = 'd.published_at IS NULL, ifnull(d.published_at, \'\'), q.doc_id, q."start", q.quote_id'
# The same order as named columns (k0 to k4), for a page that follows a key.
_QUOTE_SORT_KEYS = """d.published_at IS NULL AS k0, ifnull(d.published_at, '') AS k1, q.doc_id AS k2,
    q."start" AS k3, q.quote_id AS k4"""
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


class Search(StoreBase):
    """Search and list queries (the web pages, the REST API and the CLI lists)."""

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
        unique = list(dict.fromkeys(w for w in (word_key(w) for w in words) if len(w) > 2))
        unique = unique[:DISTINCTIVE_CANDIDATES]
        if not unique:
            return SearchExpression(None)
        candidates = self._conn.execute(
            "SELECT rowid, text FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?",
            (" OR ".join(plain_query([w]) for w in unique), PASSAGE_CANDIDATES),
        ).fetchall()
        passage = set(unique)
        best = max(candidates, key=lambda c: len(passage & {word_key(w) for w in str(c[1]).split()}), default=None)
        shared = [w for w in unique if best is not None and w in {word_key(x) for x in str(best[1]).split()}]
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
            ids = self._sorted_quote_page(filters, where, params, limit, after, offset)
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
                    WHERE quotes_fts MATCH ? AND rowid IN ({placeholders(quote_ids)})""",
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

    def _words_and_speaker(
        self, q: str | None, speaker: str | None, speaker_id: str | None, words_sql: str, speaker_column: str
    ) -> tuple[list[str], list[object]] | None:
        """The conditions quote and statement searches share: words (``words_sql`` with ``{matching}``, the
        quotes they match) and a speaker by name or id on ``speaker_column``; None when nothing can match."""
        where: list[str] = []
        params: list[object] = []
        if q is not None and q.strip():
            expression = self.search_expression(q)
            if expression is None or expression.match is None:
                return None
            where.append(words_sql.format(matching="SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?"))
            params.append(expression.match)
        if speaker and fold(speaker):
            speakers = self._speakers_named(speaker)
            where.append(f"{speaker_column} IN ({placeholders(speakers)})" if speakers else "0")
            params += speakers
        if speaker_id:
            where.append(f"{speaker_column} = ?")
            params.append(speaker_id)
        return where, params

    def _outlet_and_dates(self, where: list[str], params: list[object], outlet: str | None, since: str | None,
                          until: str | None) -> None:
        """Add the conditions on ``d`` (documents) for an outlet's name and a publication window (inclusive)."""
        if outlet and fold(outlet):
            outlets = self._outlets_named(outlet)
            where.append(f"d.outlet IN ({placeholders(outlets)})" if outlets else "0")
            params += outlets
        if since:
            where.append("d.published_at >= ?")
            params.append(since)
        if until:
            where.append("substr(d.published_at, 1, length(?)) <= ?")
            params += [until, until]

    def _quote_conditions(self, filters: QuoteFilters) -> tuple[list[str], list[object]] | None:
        """SQL conditions on ``q`` (quotes) and ``d`` (documents); None when nothing can match."""
        found = self._words_and_speaker(filters.q, filters.speaker, filters.speaker_id,
                                        "q.quote_id IN ({matching})", "q.speaker_id")
        if found is None:
            return None
        where, params = found
        self._outlet_and_dates(where, params, filters.outlet, filters.since, filters.until)
        if filters.kind:
            where.append("q.kind = ?")
            params.append(filters.kind)
        if filters.types is not None and self._types_excluded(filters.types):
            where.append(f"q.type IN ({placeholders(filters.types)})")
            params += list(filters.types)
        if filters.doc_id:
            where.append("q.doc_id = ?")
            params.append(filters.doc_id)
        return where, params

    def _speakers_named(self, name: str) -> list[str]:
        """Ids of the speakers whose name or an alias contains ``name``, folded; then looked up by index."""
        needle = fold(name) or ""
        return [speaker_id for speaker_id, names in self._folded("speakers") if needle in names]

    def _outlets_named(self, name: str) -> list[str]:
        """The outlets whose name contains ``name``, folded; then looked up by index."""
        needle = fold(name) or ""
        return [outlet for outlet, folded in self._folded("outlets") if needle in folded]

    def _types_excluded(self, types: Sequence[str]) -> bool:
        """Whether any stored quote is of a type not in ``types`` (else filtering by type changes nothing, and
        costs a row read per match). An index seek per left-out type."""
        others = [t for t in ACT_TYPES if t not in types]
        return bool(others) and self._conn.execute(
            f"SELECT 1 FROM quotes WHERE type IN ({placeholders(others)}) LIMIT 1", others).fetchone() is not None

    def _version(self) -> tuple[int, int]:
        """Changes when this connection or another one writes to the file (what cached reads are keyed on)."""
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0]), self._conn.total_changes

    def _generation(self) -> int:
        """The caches' generation for what this connection reads now (taken before reading what is cached)."""
        return self._caches.generation(self._reader, self._version())

    def _counted(self, key: tuple[str, object], count: Callable[[], int]) -> int:
        """A total, remembered until the file changes: a list's pages and its downloads ask for the same one."""
        generation = self._generation()
        found = self._caches.count(key, generation)
        if found is not None:
            return found
        total = count()
        self._caches.file_count(key, generation, total)
        return total

    def _folded(self, what: Literal["speakers", "outlets"]) -> list[tuple[str, str]]:
        """(speaker_id, its names folded, one a line) or (outlet, folded), kept until the file changes: folding
        in SQL calls Python once per row, and the planner may push that into a scan of every document."""
        generation = self._generation()
        cached = self._caches.folded(what, generation)
        if cached is not None:
            return cached
        if what == "speakers":
            rows = [
                (str(sid), "\n".join(f for f in (fold(n) for n in [name, *json.loads(aliases)]) if f))
                for sid, name, aliases in self._conn.execute("SELECT speaker_id, name, aliases FROM speakers")
            ]
        else:
            rows = [(str(outlet), fold(outlet) or "") for (outlet,) in self._conn.execute(
                "SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL")]
        self._caches.file_folded(what, generation, rows)
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

    def _sorted_quote_page(
        self, filters: QuoteFilters, where: list[str], params: list[object], limit: int, after: SortKey | None,
        offset: int,
    ) -> list[int]:
        """A page of quote ids in list order, after the key ``after`` or ``offset`` rows. Every match is joined
        and sorted for it, so the same pass counts them and the total is remembered: counting joined and
        filtered every match a second time (a common word since a date: 57 ms, then 30 ms on 216k quotes)."""
        generation = self._generation()
        matches = f"""SELECT q.quote_id AS id, count(*) OVER () AS total, {_QUOTE_SORT_KEYS}
            FROM quotes AS q JOIN documents AS d ON d.doc_id = q.doc_id WHERE {' AND '.join(where) or '1'}"""
        if after is None:
            sql, values = f"{matches} ORDER BY {_QUOTE_SORT} LIMIT ? OFFSET ?", (*params, limit, offset)
        else:  # the total counts the rows before the key too
            sql = f"""SELECT id, total FROM ({matches}) WHERE (k0, k1, k2, k3, k4) > (?, ?, ?, ?, ?)
                      ORDER BY k0, k1, k2, k3, k4 LIMIT ? OFFSET ?"""
            values = (*params, *after, limit, offset)
        rows = self._conn.execute(sql, values).fetchall()
        if rows:
            self._caches.file_count(("quotes", filters), generation, int(rows[0][1]))
        return [int(row[0]) for row in rows]

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
        return self._quote_rows(f"q.quote_id IN ({placeholders(ids)})", list(ids), _QUOTE_SORT)

    def _quote_rows(self, where: str, params: Sequence[object], order: str) -> list[QuoteRow]:
        # `where` and `order` are built in this module from fixed fragments; user values are all in params.
        cursor = self._conn.execute(
            f"SELECT {_HIT_COLUMNS} FROM {_HIT_FROM} WHERE {where} ORDER BY {order}", tuple(params)
        )
        return [quote_row(row) for row in cursor]

    # -- search: statements ------------------------------------------------------------------------------

    def search_statements(self, filters: StatementFilters, limit: int, offset: int = 0) -> list[StatementRow]:
        """A page of statements matching ``filters`` in the order it asks for (see ``StatementFilters``)."""
        generation = self._generation()
        found = self._statement_conditions(filters)
        if found is None:
            return []
        where, params = found
        limits = (_ALL if limit < 0 else limit, offset)
        if not self._collected(filters):  # read off a summary index in page order: the page stops the walk
            ids = [str(row[0]) for row in self._conn.execute(
                f"""SELECT ss.statement_id FROM statement_summary AS ss WHERE {' AND '.join(where) or '1'}
                    ORDER BY {_STATEMENT_ORDER[filters.sort]} LIMIT ? OFFSET ?""", (*params, *limits))]
            return self.statement_rows(ids)
        # Collected statements are all read and sorted for any page, so the same pass counts them for the total.
        rows = self._conn.execute(
            f"""SELECT ss.statement_id, count(*) OVER () FROM statement_summary AS ss WHERE {' AND '.join(where)}
                ORDER BY {_STATEMENT_ORDER[filters.sort]} LIMIT ? OFFSET ?""", (*params, *limits)).fetchall()
        if rows:
            self._caches.file_count(_statement_count_key(filters), generation, int(rows[0][1]))
        return self.statement_rows([str(row[0]) for row in rows])

    def count_statements(self, filters: StatementFilters | None = None) -> int:
        filters = filters or StatementFilters()
        return self._counted(_statement_count_key(filters), lambda: self._count_statements(filters))

    def _count_statements(self, filters: StatementFilters) -> int:
        found = self._statement_conditions(filters)
        if found is None:
            return 0
        where, params = found
        sql = f"SELECT count(*) FROM statement_summary AS ss WHERE {' AND '.join(where) or '1'}"
        return int(self._conn.execute(sql, params).fetchone()[0])

    def _collected(self, filters: StatementFilters) -> bool:
        """Whether the statements matching ``filters`` are collected from elsewhere (the quotes matching words, an
        outlet's statements) and sorted, rather than read off a summary index in page order. Their page then
        carries their total: counting them again took as long as the page (a common word: 28 ms, then 17 ms on
        100k statements; an outlet: 12, then 7 ms)."""
        return self.search_expression(filters.q) is not None or bool(filters.outlet and fold(filters.outlet))

    def statement_rows(self, statement_ids: Sequence[str]) -> list[StatementRow]:
        """Those statements, in the order given (unknown ids left out)."""
        if not statement_ids:
            return []
        rows = {
            row[0]: StatementRow(
                statement_id=row[0], speaker_id=row[1], speaker=row[2], text=row[3], first_quote_id=row[4],
                first_doc_key=row[5], first_doc_id=row[6], first_title=row[7], first_outlet=row[8], type=row[9],
                sightings=row[10], quotes=row[11], outlets=row[12], languages=distinct_of(row[13]),
                relations=relations_of(row[14]), altered=bool(row[15]), first_seen=row[16], last_seen=row[17],
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
                    WHERE ss.statement_id IN ({placeholders(statement_ids)})""",
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
                JOIN quotes AS q ON q.quote_id = m.quote_id WHERE m.statement_id IN ({placeholders(statement_ids)})
                ORDER BY 1, 2""",
            list(statement_ids),
        ):
            out.setdefault(statement_id, []).append(doc_id)
        return out

    def statement_months(
        self, speaker_id: str, types: Sequence[str] | None = None
    ) -> tuple[list[tuple[str, int]], int]:
        """(month "YYYY-MM", statements first seen that month) of a speaker's statements, and the undated count."""
        type_filter = f"AND type IN ({placeholders(types)})" if types is not None else ""
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

    def _statement_conditions(self, filters: StatementFilters) -> tuple[list[str], list[object]] | None:
        """Conditions on ``ss`` (statement_summary); None when nothing can match. Words select the statements of
        the quotes they match."""
        found = self._words_and_speaker(
            filters.q, filters.speaker, filters.speaker_id,
            "ss.statement_id IN (SELECT m.statement_id FROM statement_members AS m WHERE m.quote_id IN ({matching}))",
            "ss.speaker_id",
        )
        if found is None:
            return None
        where, params = found
        if filters.outlet and fold(filters.outlet):
            outlets = self._outlets_named(filters.outlet)
            where.append(
                f"ss.statement_id IN (SELECT so.statement_id FROM statement_outlets AS so WHERE so.outlet IN "
                f"({placeholders(outlets)}))" if outlets else "0"
            )
            params += outlets
        if filters.since:
            where.append("ss.last_seen >= ?")
            params.append(filters.since)
        if filters.until:
            where.append("substr(ss.first_seen, 1, length(?)) <= ?")
            params += [filters.until, filters.until]
        if filters.types is not None:
            where.append(f"ss.type IN ({placeholders(filters.types)})")
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
        if not q or not fold(q):
            return "1", []
        ids: list[object] = [q, *self._speakers_named(q)]
        return f"s.speaker_id IN ({placeholders(ids)})", ids

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
            f"SELECT {_DOCUMENT_ROW_COLUMNS} FROM documents AS d WHERE d.doc_id IN ({placeholders(doc_keys)})",
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
        title = fold(filters.q) if filters.q else None
        if title:
            where.append("(instr(fold(d.title), ?) > 0 OR instr(fold(d.id), ?) > 0)")
            params += [title, title]
        self._outlet_and_dates(where, params, filters.outlet, filters.since, filters.until)
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
        if not q or not fold(q):
            return "1", []
        outlets: list[object] = list(self._outlets_named(q))
        return (f"d.outlet IN ({placeholders(outlets)})" if outlets else "0"), outlets

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


def _statement_count_key(filters: StatementFilters) -> tuple[str, object]:
    return ("statements", replace(filters, sort="first_seen"))  # the order counts no row
