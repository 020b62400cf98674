"""Search that forgives, and statements read as a unit, on the web test corpus (tests/web_corpus.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from quotetrace.store import Store
from quotetrace.store.fts import LONG_QUERY_WORDS, fts_query, parse_query
from quotetrace.store.schema import MIGRATIONS as _MIGRATIONS
from quotetrace.store.sqlite import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    SCHEMA_VERSION,
    DocumentFilters,
    QuoteFilters,
    StatementFilters,
)
from web_corpus import BRIDGE, build_store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("search") / "corpus.db"
    build_store(path)
    with Store(path) as opened:
        yield opened


def keys(store: Store, **filters: object) -> list[str]:
    return [r.doc_id for r in store.search_quotes(QuoteFilters(**filters), 100)]  # type: ignore[arg-type]


# -- the query language --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("water medicine", '("water" AND "medicine")'),
        ('"exact words" more', '("exact words" AND "more")'),
        ("water OR food", '("water") OR ("food")'),
        ("medic*", '("medic" *)'),
        ("water -medicine", '(("water")) NOT ("medicine")'),
        ("NEAR(a b) col:umn", '("NEAR(a" AND "b)" AND "col:umn")'),
        ('say "unclosed', '("say" AND "unclosed")'),
        ("* -- OR", ""),
    ],
)
def test_store_search_query_language(typed: str, expected: str) -> None:
    assert fts_query(typed) == expected


@pytest.mark.parametrize(
    "typed", ['"', "OR OR", "-", "*a", 'a"b"c', "a\x00b", "(((", "NOT", "^x", "x:y", "-water", "ü" * 50],
)
def test_store_search_never_a_syntax_error(store: Store, typed: str) -> None:
    store.search_quotes(QuoteFilters(q=typed), 10)
    store.search_statements(StatementFilters(q=typed), 10)
    assert store.count_quotes(QuoteFilters(q=typed)) >= 0


def test_store_search_stems_prefixes_or_phrases_and_not(store: Store) -> None:
    assert keys(store, q="medicines") == ["d-orig", "d-radio", "d-paper"]  # "medicine" in the text
    assert keys(store, q="reopens traffic") == ["d-b0", "d-b1", "d-b2", "d-b3"]  # d-b4 quotes them apart
    assert keys(store, q="medic*") == ["d-orig", "d-radio", "d-paper"]
    assert keys(store, q="tuesday OR medicine") == ["d-orig", "d-radio", "d-paper", "d-b3"]
    assert keys(store, q='"reopen on Monday"') == ["d-b0", "d-b1", "d-b2", "d-b4"]
    assert keys(store, q="reopen -tuesday") == ["d-b0", "d-b1", "d-b2", "d-b4"]
    assert keys(store, q="Мост") == ["d-b6"]  # other scripts are matched as written


def test_store_search_a_long_passage_by_its_distinctive_words(store: Store) -> None:
    passage = ("Officials confirmed on Wednesday that, after weeks of repairs and a long closure that angered "
               f"residents, {BRIDGE} according to the regional transport office, which said crews worked through "
               "the night.")
    assert len(parse_query(passage).plain_words) > LONG_QUERY_WORDS
    expression = store.search_expression(passage)
    assert expression is not None and expression.reduced_to
    assert all(word in passage.casefold() for word in expression.reduced_to)
    assert keys(store, q=passage)[:3] == ["d-b0", "d-b1", "d-b2"]
    assert "st-stance" not in [r.statement_id for r in store.search_statements(StatementFilters(q=passage), 10)]


def test_store_search_highlights_matched_forms(store: Store) -> None:
    (row,) = store.search_quotes(QuoteFilters(q="medicines", doc_id="d-orig"), 10)
    marked = store.highlight([row.quote_id], "medicines")[row.quote_id]
    assert f"{HIGHLIGHT_START}medicine{HIGHLIGHT_END}" in marked
    assert marked.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "") == row.text
    assert store.highlight([row.quote_id], None) == {}


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [("sean o'brien", 8), ("SEÁN O’BRIEN", 8), ("obrien", 8), ("O`Brien", 8), ("brie", 8), ("smith", 9),
     ("nobody", 0)],
)
def test_store_search_speakers_blind_to_case_accents_and_apostrophes(store: Store, speaker: str, expected: int) -> None:
    assert store.count_quotes(QuoteFilters(speaker=speaker)) == expected
    assert (store.count_speakers(speaker) > 0) == (expected > 0)


@pytest.mark.parametrize(("outlet", "expected"), [("monde", ["d-b3"]), ("LE MONDE", ["d-b3"]),
                                                  ("radio.example", ["d-radio", "d-b1", "d-b2"])])
def test_store_search_outlets_by_part_of_the_name(store: Store, outlet: str, expected: list[str]) -> None:
    assert list(dict.fromkeys(keys(store, outlet=outlet))) == expected
    assert [r.doc_key for r in store.list_documents(DocumentFilters(outlet=outlet), 50)] == expected
    assert [o.outlet for o in store.list_outlets(outlet, 50)] == sorted({store.documents_by_key(expected)[k].outlet
                                                                        for k in expected})


def test_store_search_a_quote_hit_names_its_statement(store: Store) -> None:
    (row,) = store.search_quotes(QuoteFilters(q="Tuesday"), 10)
    assert (row.statement_id, row.relation, row.speaker, row.id) == ("st-bridge", "altered", "Seán O’Brien", "d-b3.txt")
    assert row.to_dict()["doc_id"] == "d-b3.txt" and row.to_dict()["doc_key"] == "d-b3"


# -- statements ----------------------------------------------------------------------------------------------------

def test_store_statements_carry_their_reach(store: Store) -> None:
    (bridge,) = store.search_statements(StatementFilters(q="Karsk"), 10)
    assert bridge.statement_id == "st-bridge" and bridge.speaker == "Seán O’Brien"
    assert (bridge.sightings, bridge.quotes, bridge.outlets) == (7, 8, 6)
    assert bridge.languages == ["en", "ru"] and bridge.altered
    assert bridge.relations == ["original", "verbatim", "partial", "altered", "paraphrase", "translation"]
    assert bridge.first_seen == "2024-05-01T08:00:00+02:00" and bridge.last_seen == "2024-05-04"
    assert bridge.text == BRIDGE and bridge.first_doc_id == "d-b0.txt" and bridge.first_title == "Bridge to reopen"


def test_store_statements_filters_and_sorts(store: Store) -> None:
    def ids(**filters: object) -> list[str]:
        return [r.statement_id for r in store.search_statements(StatementFilters(**filters), 100)]  # type: ignore[arg-type]

    assert ids(min_sightings=2) == ["st-appeal", "st-bridge"]
    assert ids(min_sightings=2, sort="sightings") == ["st-bridge", "st-appeal"]
    assert ids(min_sightings=2, sort="last_seen") == ["st-bridge", "st-appeal"]
    assert ids(speaker="smith", min_sightings=2) == ["st-appeal"]
    assert ids(outlet="ru.example") == ["st-bridge"]
    assert ids(since="2024-05") == ["st-bridge", "st-stance"]
    assert ids(until="2024-01") == ["st-cf0", "st-cf3", "st-cf6"]
    assert "st-stance" not in ids(types=("speech", "belief")) and ids(types=("stance",)) == ["st-stance"]
    everything = ids()
    assert everything[-1] == "st-undated" and len(everything) == store.count_statements() == 11
    assert store.count_statements(StatementFilters(min_sightings=2)) == 2
    page = [r.statement_id for r in store.search_statements(StatementFilters(), 3, offset=3)]
    assert page == everything[3:6]


def test_store_statements_months_count_statements(store: Store) -> None:
    months, undated = store.statement_months("jane-smith")
    assert sum(n for _, n in months) + undated == 8 and [m for m, _ in months] == sorted(m for m, _ in months)


def test_store_statement_summary_is_rebuilt_by_every_link(tmp_path: Path) -> None:
    path = tmp_path / "relink.db"
    build_store(path)
    with Store(path) as store:
        assert store.count_statements(StatementFilters(min_sightings=2)) == 2
        store.replace_links([], [], [("st-one", None, "x", 1)], [("st-one", 1, "original")])
        assert [r.statement_id for r in store.search_statements(StatementFilters(), 10)] == ["st-one"]


def test_store_migrating_a_v3_file_builds_the_summary_and_the_stemmed_index(tmp_path: Path) -> None:
    path = tmp_path / "v3.db"
    conn = sqlite3.connect(path)
    for target, script in enumerate(_MIGRATIONS[:3], start=1):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {target};\nCOMMIT;")
    conn.execute("INSERT INTO documents VALUES ('d1', 'a', 's', NULL, 'o.example', NULL, '2024-01-02', NULL, 'en', "
                 "'x', 'h', 'now')")
    conn.execute("INSERT INTO quotes (quote_id, doc_id, \"start\", \"end\", text, kind, confidence, language) "
                 "VALUES (1, 'd1', 0, 3, 'The funerals began', 'direct', 0.9, 'en')")
    conn.execute("INSERT INTO statements VALUES ('st-1', NULL, 'The funerals began', 1)")
    conn.execute("INSERT INTO statement_members (statement_id, quote_id, relation) VALUES ('st-1', 1, 'original')")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [r.statement_id for r in store.search_statements(StatementFilters(q="funeral"), 10)] == ["st-1"]
        assert store.count_quotes(QuoteFilters(q="funeral")) == 1


@pytest.mark.parametrize("sort", ["first_seen", "last_seen", "sightings"])
@pytest.mark.parametrize("q", ["ceasefire", "reopen", "water OR bridge", "the"])
def test_store_statements_walked_in_order_are_the_same_as_sorted(
    store: Store, monkeypatch: pytest.MonkeyPatch, sort: str, q: str
) -> None:
    from quotetrace.store import sqlite as store_sqlite

    filters = StatementFilters(q=q, sort=sort)  # type: ignore[arg-type]
    monkeypatch.setattr(store_sqlite, "STATEMENT_WALK_MIN_HITS", 10**9)  # collect the matches, then sort
    collected = [r.statement_id for r in store.search_statements(filters, 100)]
    monkeypatch.setattr(store_sqlite, "STATEMENT_WALK_MIN_HITS", 1)  # walk the summary in the page's order
    assert [r.statement_id for r in store.search_statements(filters, 100)] == collected
    assert [r.statement_id for r in store.search_statements(filters, 2, offset=1)] == collected[1:3]
