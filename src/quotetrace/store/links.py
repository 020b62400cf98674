"""What ``link`` reads and writes: sightings in; canonical speakers, statements and their members out."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Literal

from quotetrace.model import Speaker
from quotetrace.store.captures import Captures
from quotetrace.store.rows import (
    MemberRow,
    Sighting,
    SpeakerRow,
)
from quotetrace.store.search import _SPEAKER_NAMED
from quotetrace.store.values import (
    changes_json,
    changes_of,
    fold,
    json_list,
)

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



class Links(Captures):
    """Sightings for linking, the canonical speakers and statements it writes, and their members read back."""

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
                    yield m[0], m[1], m[2], changes_json(m[3] if len(m) > 3 else ())

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
        rows = [
            (s.speaker_id, s.name, int(s.anonymous), json_list(s.descriptors), json_list(s.aliases)) for s in speakers
        ]
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
                speaker_id, language, changes_of(changes),
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
        key = fold(" ".join(name.split()))
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


