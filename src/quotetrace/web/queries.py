"""Read-only queries the web application needs and ``Store`` does not offer (yet).

They run on the Store's own connection and only read. The one thing here that ``Store.query_quotes`` cannot
do is keyset ("cursor") pagination: a page starts after the last row of the previous one, by value, so rows
added while a user pages never shift a page or repeat a row. The order is the store's: publication time
(undated last), document, offset in the document.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from quotetrace.store import Store
from quotetrace.store.sqlite import fts_query

# The sort key of a quote: (undated, published_at or "", doc_id, start, quote_id). Unique thanks to quote_id.
SortKey = tuple[int, str, str, int, int]
_SORT = 'd.published_at IS NULL, ifnull(d.published_at, \'\'), q.doc_id, q."start", q.quote_id'


@dataclass(frozen=True, slots=True)
class QuoteFilters:
    """What a search asks for; every field is optional and all given ones must hold."""

    q: str | None = None  # words that must all occur in the quote (full text)
    speaker: str | None = None  # case-insensitive substring of the speaker's name or mention
    speaker_id: str | None = None
    outlet: str | None = None
    since: str | None = None  # ISO date or time, inclusive
    until: str | None = None  # ISO date or time, inclusive at the precision given
    kind: str | None = None
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """A stored quote with its document, speaker and statement: one search result."""

    quote_id: int
    doc_id: str
    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published_at: str | None
    text: str
    start: int
    end: int
    kind: str
    cue: str | None
    speaker_mention: str | None
    speaker_mention_start: int | None
    speaker_mention_end: int | None
    speaker: str | None  # the canonical speaker's name when linked, else the name resolved in the document
    speaker_id: str | None
    confidence: float
    statement_id: str | None
    relation: str | None

    def to_dict(self) -> dict[str, Any]:
        """The quote as the API gives it (``schemas.QuoteOut``), built without a model on the hot path."""
        mention = None
        if self.speaker_mention is not None:
            mention = {"text": self.speaker_mention, "start": self.speaker_mention_start,
                       "end": self.speaker_mention_end}
        return {
            "quote_id": self.quote_id, "doc_id": self.doc_id, "id": self.id, "title": self.title, "url": self.url,
            "outlet": self.outlet, "published_at": self.published_at, "text": self.text, "start": self.start,
            "end": self.end, "kind": self.kind, "cue": self.cue, "speaker_mention": mention,
            "speaker": self.speaker, "speaker_id": self.speaker_id, "confidence": round(self.confidence, 3),
            "statement_id": self.statement_id, "relation": self.relation,
        }

    @property
    def sort_key(self) -> SortKey:
        return (int(self.published_at is None), self.published_at or "", self.doc_id, self.start, self.quote_id)


@dataclass(frozen=True, slots=True)
class SpeakerHit:
    speaker_id: str
    name: str
    aliases: list[str]
    descriptors: list[str]
    anonymous: bool
    quotes: int
    documents: int
    statements: int


@dataclass(frozen=True, slots=True)
class DocumentView:
    """A stored document with its quotes (in text order) as the document page and API show it."""

    doc_id: str
    id: str
    source: str
    url: str | None
    outlet: str | None
    title: str | None
    published_at: str | None
    fetched_at: str | None
    language: str
    text: str
    quotes: list[QuoteHit] = field(default_factory=list)


def connection(store: Store) -> sqlite3.Connection:
    # The store keeps its connection private; these helpers only read through it.
    return store._conn


_HIT_COLUMNS = """q.quote_id, q.doc_id, d.id, d.title, d.url, d.outlet, d.published_at, q.text, q."start", q."end",
    q.kind, q.cue, q.speaker_mention, q.speaker_mention_start, q.speaker_mention_end, coalesce(s.name, q.speaker),
    q.speaker_id, q.confidence, m.statement_id, m.relation"""
_HIT_FROM = """quotes AS q JOIN documents AS d ON d.doc_id = q.doc_id
    LEFT JOIN speakers AS s ON s.speaker_id = q.speaker_id
    LEFT JOIN statement_members AS m ON m.quote_id = q.quote_id"""


# A search whose words match at least this many quotes, with no other filter, walks the dated documents in time
# order and stops at a page instead of sorting every match. Measured on 216k quotes: a word in 9k quotes 25 ms
# -> 3 ms; a word in 70 quotes stays with the sort (walking would take 50 ms). Sorting costs ~2.7 us a match,
# walking ~0.23 us an entry over 51 * quotes / matches entries: they cross near 1,000 matches at this size.
WALK_MIN_HITS = 1000


def _conditions(filters: QuoteFilters) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    if filters.q and filters.q.strip():
        where.append("q.quote_id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        params.append(fts_query(filters.q))
    if filters.speaker and filters.speaker.strip():
        needle = filters.speaker.strip().casefold()
        where.append(
            "(instr(casefold(q.speaker), ?) > 0 OR instr(casefold(q.speaker_mention), ?) > 0"
            " OR instr(casefold(s.name), ?) > 0)"
        )
        params += [needle, needle, needle]
    if filters.speaker_id:
        where.append("q.speaker_id = ?")
        params.append(filters.speaker_id)
    if filters.outlet and filters.outlet.strip():
        where.append("casefold(d.outlet) = ?")
        params.append(filters.outlet.strip().casefold())
    if filters.since:
        where.append("d.published_at >= ?")
        params.append(filters.since)
    if filters.until:
        where.append("substr(d.published_at, 1, length(?)) <= ?")
        params += [filters.until, filters.until]
    if filters.kind:
        where.append("q.kind = ?")
        params.append(filters.kind)
    if filters.doc_id:
        where.append("q.doc_id = ?")
        params.append(filters.doc_id)
    return where, params


def _walkable(store: Store, filters: QuoteFilters) -> bool:
    """Whether walking documents in time order finds a page sooner than sorting every match (see WALK_MIN_HITS)."""
    others = (filters.speaker, filters.speaker_id, filters.outlet, filters.since, filters.until, filters.kind,
              filters.doc_id)
    if any(others):
        return False
    if not filters.q or not filters.q.strip():
        return True
    row = connection(store).execute(
        "SELECT count(*) FROM (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT ?)",
        (fts_query(filters.q), WALK_MIN_HITS),
    ).fetchone()
    return int(row[0]) >= WALK_MIN_HITS


def _sorted_ids(
    store: Store, filters: QuoteFilters, where: list[str], params: list[object], limit: int, after: SortKey | None
) -> list[int]:
    if after is not None:
        where = [*where, f"({_SORT}) > (?, ?, ?, ?, ?)"]
        params = [*params, *after]
    speakers = "LEFT JOIN speakers AS s ON s.speaker_id = q.speaker_id" if filters.speaker else ""
    return [
        row[0]
        for row in connection(store).execute(
            f"""SELECT q.quote_id FROM quotes AS q JOIN documents AS d ON d.doc_id = q.doc_id {speakers}
                WHERE {' AND '.join(where) or '1'} ORDER BY {_SORT} LIMIT ?""",
            (*params, limit),
        )
    ]


def _walked_ids(
    store: Store, filters: QuoteFilters, where: list[str], params: list[object], limit: int, after: SortKey | None
) -> list[int]:
    """The page in the same order as ``_sorted_ids``: dated documents by the published_at index, then undated."""
    ids: list[int] = []
    if after is None or after[0] == 0:
        dated, values = [*where, "d.published_at IS NOT NULL"], list(params)
        if after is not None:
            dated += ["d.published_at >= ?", '(d.published_at, q.doc_id, q."start", q.quote_id) > (?, ?, ?, ?)']
            values += [after[1], after[1], after[2], after[3], after[4]]
        # CROSS JOIN keeps documents outside, walked in published_at order; the ORDER BY then only sorts within
        # one publication time, and LIMIT stops the walk.
        ids = [
            row[0]
            for row in connection(store).execute(
                f"""SELECT q.quote_id FROM documents AS d CROSS JOIN quotes AS q ON q.doc_id = d.doc_id
                    WHERE {' AND '.join(dated)} ORDER BY d.published_at, q.doc_id, q."start", q.quote_id LIMIT ?""",
                (*values, limit),
            )
        ]
        after = None
    if len(ids) < limit:
        ids += _sorted_ids(store, filters, [*where, "d.published_at IS NULL"], params, limit - len(ids), after)
    return ids


def search_quotes(store: Store, filters: QuoteFilters, limit: int, after: SortKey | None = None) -> list[QuoteHit]:
    """At most ``limit`` quotes matching ``filters``, in sort order, starting after the key ``after``."""
    # Two steps: choose the page's quote ids on the narrowest join, then read the full rows of those few.
    # Every SQL fragment is fixed text; user values are all in params.
    where, params = _conditions(filters)
    choose = _walked_ids if _walkable(store, filters) else _sorted_ids
    ids = choose(store, filters, where, params, limit, after)
    if not ids:
        return []
    sql = (
        f"SELECT {_HIT_COLUMNS} FROM {_HIT_FROM} WHERE q.quote_id IN ({', '.join('?' for _ in ids)}) "
        f"ORDER BY {_SORT}"
    )
    return [QuoteHit(*row) for row in connection(store).execute(sql, ids)]


def _speaker_hits(store: Store, where: str, params: Sequence[object], limit: int) -> list[SpeakerHit]:
    # Rank by number of quotes first (an index-only count per speaker), then count documents and statements
    # for the page of speakers kept: counting those for every speaker took 750 ms on 216k quotes, this 30 ms.
    sql = f"""
        SELECT c.speaker_id, s.name, s.aliases, s.descriptors, s.anonymous, c.n,
               (SELECT count(DISTINCT q.doc_id) FROM quotes AS q WHERE q.speaker_id = c.speaker_id),
               (SELECT count(DISTINCT m.statement_id) FROM quotes AS q
                JOIN statement_members AS m ON m.quote_id = q.quote_id WHERE q.speaker_id = c.speaker_id)
        FROM (SELECT speaker_id, n FROM
                (SELECT s.speaker_id, (SELECT count(*) FROM quotes AS q WHERE q.speaker_id = s.speaker_id) AS n
                 FROM speakers AS s WHERE {where})
              WHERE n > 0 ORDER BY n DESC, speaker_id LIMIT ?) AS c
        JOIN speakers AS s ON s.speaker_id = c.speaker_id
        ORDER BY c.n DESC, c.speaker_id"""
    return [
        SpeakerHit(sid, name, json.loads(aliases), json.loads(descriptors), bool(anonymous), quotes, documents,
                   statements)
        for sid, name, aliases, descriptors, anonymous, quotes, documents, statements in connection(store).execute(
            sql, (*params, limit)
        )
    ]


def find_speakers(store: Store, q: str | None, limit: int) -> list[SpeakerHit]:
    """Speakers whose name or an alias contains ``q`` (case ignored; all when empty), most quoted first."""
    if not q or not q.strip():
        return _speaker_hits(store, "1", [], limit)
    needle = q.strip().casefold()
    return _speaker_hits(
        store,
        "(instr(casefold(s.name), ?) > 0 OR s.speaker_id = ? OR EXISTS "
        "(SELECT 1 FROM json_each(s.aliases) WHERE instr(casefold(json_each.value), ?) > 0))",
        [needle, q.strip(), needle],
        limit,
    )


def get_speaker(store: Store, speaker_id: str) -> SpeakerHit | None:
    hits = _speaker_hits(store, "s.speaker_id = ?", [speaker_id], 1)
    return hits[0] if hits else None


def speaker_timeline(store: Store, speaker_id: str) -> tuple[list[tuple[str, int]], int]:
    """(month "YYYY-MM", quotes) for every month with a dated quote of the speaker, and the undated count."""
    months: list[tuple[str, int]] = []
    undated = 0
    for month, count in connection(store).execute(
        """SELECT substr(d.published_at, 1, 7), count(*) FROM quotes AS q
           JOIN documents AS d ON d.doc_id = q.doc_id
           WHERE q.speaker_id = ? GROUP BY 1 ORDER BY 1 IS NULL, 1""",
        (speaker_id,),
    ):
        if month is None or len(month) < 7:
            undated += int(count)
        else:
            months.append((str(month), int(count)))
    return months, undated


def resolve_document_id(store: Store, key: str) -> str | None:
    """The doc_id of the document ``key`` names: its doc_id, else its input id (the first by doc_id)."""
    conn = connection(store)
    row = conn.execute("SELECT doc_id FROM documents WHERE doc_id = ?", (key,)).fetchone()
    if row is None:
        row = conn.execute("SELECT doc_id FROM documents WHERE id = ? ORDER BY doc_id LIMIT 1", (key,)).fetchone()
    return None if row is None else str(row[0])


def get_document(store: Store, doc_id: str) -> DocumentView | None:
    row = connection(store).execute(
        """SELECT doc_id, id, source, url, outlet, title, published_at, fetched_at, language, text
           FROM documents WHERE doc_id = ?""",
        (doc_id,),
    ).fetchone()
    if row is None:
        return None
    quotes = connection(store).execute(
        f'SELECT {_HIT_COLUMNS} FROM {_HIT_FROM} WHERE q.doc_id = ? ORDER BY q."start", q.quote_id', (doc_id,)
    )
    doc_id, input_id, source, url, outlet, title, published_at, fetched_at, language, text = row
    return DocumentView(doc_id, input_id, source, url, outlet, title, published_at, fetched_at, language, text,
                        [QuoteHit(*quote) for quote in quotes])


def statement_ids_of_quote(store: Store, quote_id: int) -> str | None:
    row = connection(store).execute(
        "SELECT statement_id FROM statement_members WHERE quote_id = ?", (quote_id,)
    ).fetchone()
    return None if row is None else str(row[0])


def count_quotes(store: Store) -> int:
    return int(connection(store).execute("SELECT count(*) FROM quotes").fetchone()[0])
