"""The SQLite store: upserts, full-text search, filters, speaker counts, schema checks."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from quotetrace.keys import speaker_key
from quotetrace.model import Capture, Document, Mention, Quote, TextSpan
from quotetrace.store import SCHEMA_VERSION, Store, StoreError
from quotetrace.store.fts import fts_query

GENERAL_TEXT = (
    "“We will never surrender our land to anyone,” the general said. Café owners were not convinced."
)
MINISTER_TEXT = (
    "The minister, Anna Kovalenko, said talks would resume AND( soon. “Prices will fall,” she added."
)


def _quote(
    text: str, doc_text: str, *, kind: str = "direct", speaker: str | None = None, mention: str | None = None,
    cue: str | None = "said", descriptors: list[str] | None = None,
) -> Quote:
    start = doc_text.index(text)
    span = None
    if mention is not None:
        at = doc_text.index(mention)
        span = TextSpan(mention, at, at + len(mention))
    return Quote(text=text, start=start, end=start + len(text), kind=kind,  # type: ignore[arg-type]
                 cue=cue, speaker_mention=span, speaker=speaker, descriptors=descriptors or [],
                 confidence=0.9)


def general_doc() -> Document:
    quote = _quote("“We will never surrender our land to anyone,”", GENERAL_TEXT, mention="the general",
                   speaker="a senior general")
    return Document(
        id="general.txt", doc_id="d-general", source="in/general.txt", text=GENERAL_TEXT, title="The general",
        url="https://www.example.org/general", outlet="example.org", published_at="2024-03-01T08:00:00",
        quotes=[quote], mentions=[Mention("Café", 64, 68, "ORG")],
    )


def minister_doc() -> Document:
    quotes = [
        _quote("talks would resume AND( soon", MINISTER_TEXT, kind="indirect", speaker="Anna Kovalenko",
               mention="The minister, Anna Kovalenko", descriptors=["minister"]),
        _quote("“Prices will fall,”", MINISTER_TEXT, speaker="Anna Kovalenko", mention="she", cue="added"),
    ]
    return Document(
        id="minister.txt", doc_id="d-minister", source="in/minister.txt", text=MINISTER_TEXT,
        title="The minister", outlet="news.example.com", published_at="2024-02-10", quotes=quotes,
        mentions=[Mention("Anna Kovalenko", 14, 28, "PERSON")],
    )


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "quotes.db")


@pytest.fixture()
def filled(store: Store) -> Store:
    assert store.upsert_document(general_doc()) == "inserted"
    assert store.upsert_document(minister_doc()) == "inserted"
    return store


def _fts_rows(store: Store, word: str) -> list[tuple[int]]:
    return store._conn.execute("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?", (word,)).fetchall()


def test_store_sqlite_creates_schema_in_wal_mode(tmp_path: Path) -> None:
    with Store(tmp_path / "new.db") as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with Store(tmp_path / "new.db", create=False) as again:  # reopening migrates nothing
        assert again.schema_version == SCHEMA_VERSION


def test_store_sqlite_upsert_inserted_unchanged_updated(store: Store) -> None:
    doc = general_doc()
    assert store.upsert_document(doc) == "inserted"
    assert store.upsert_document(general_doc()) == "unchanged"
    changed = replace(doc, quotes=[replace(doc.quotes[0], confidence=0.4)])
    assert store.upsert_document(changed) == "updated"
    assert store.upsert_document(replace(changed, title="A new title")) == "updated"
    assert store.count_documents() == 1
    stored = store.get_document("d-general")
    assert stored is not None
    assert stored.title == "A new title"
    assert stored.quotes == changed.quotes
    assert stored.mentions == doc.mentions


def test_store_sqlite_unchanged_writes_nothing(store: Store) -> None:
    store.upsert_document(general_doc())
    before = store._conn.execute("SELECT ingested_at, content_hash FROM documents").fetchall()
    quote_ids = store._conn.execute("SELECT quote_id FROM quotes").fetchall()
    store._conn.execute("UPDATE documents SET ingested_at = 'then'")
    assert store.upsert_document(general_doc()) == "unchanged"
    assert store._conn.execute("SELECT ingested_at FROM documents").fetchone()[0] == "then"
    assert store._conn.execute("SELECT quote_id FROM quotes").fetchall() == quote_ids
    assert before[0][1] == store._conn.execute("SELECT content_hash FROM documents").fetchone()[0]


def test_store_sqlite_new_version_keeps_the_old_quotes_and_shows_the_new_text(filled: Store) -> None:
    assert _fts_rows(filled, '"surrender"')
    text = "“Nothing has changed here at all,” the general said."
    new = replace(general_doc(), text=text, quotes=[_quote("“Nothing has changed here at all,”", text)],
                  mentions=[])
    assert filled.upsert_document(new) == "updated"
    # the quote edited out stays searchable and traceable; the document shows the new text and its quote
    assert [r.text for r in filled.query_quotes(search="surrender")] == [general_doc().quotes[0].text]
    assert [r.text for r in filled.query_quotes(search="nothing changed")] == [new.quotes[0].text]
    shown = filled.get_document("d-general")
    assert shown is not None and shown.text == text and [q.text for q in shown.quotes] == [new.quotes[0].text]
    assert shown.mentions == []
    versions = filled.versions(["d-general"])["d-general"]
    assert [v.quotes for v in versions] == [1, 1] and [v.shown for v in versions] == [False, True]
    assert filled.version_text(versions[0].version_id) == GENERAL_TEXT
    assert filled.upsert_document(general_doc()) == "unchanged"  # the first version again: nothing new
    assert filled._conn.execute("SELECT count(*) FROM quotes WHERE doc_id = 'd-general'").fetchone() == (2,)


def test_store_sqlite_reread_version_replaces_its_quotes(filled: Store) -> None:
    """The same text read again with other quotes (a newer extractor): the version's quotes are replaced."""
    doc = general_doc()
    other = replace(doc, quotes=[_quote("Café owners were not convinced.", GENERAL_TEXT, kind="indirect")])
    assert filled.upsert_document(other) == "updated"
    assert [r.text for r in filled.query_quotes(search="surrender")] == []
    assert [q.text for q in (filled.get_document("d-general") or doc).quotes] == ["Café owners were not convinced."]
    assert not _fts_rows(filled, '"surrender"')
    assert "a senior general" not in [name for name, _, _ in filled.speaker_counts()]


def test_store_sqlite_delete_cascades(filled: Store) -> None:
    assert filled.delete_document("d-minister")
    assert not filled.delete_document("d-minister")
    for table in ("quotes", "mentions"):
        count = filled._conn.execute(f"SELECT count(*) FROM {table} WHERE doc_id = 'd-minister'").fetchone()
        assert count == (0,)
    assert not _fts_rows(filled, '"prices"')
    assert filled.speaker_counts() == [("a senior general", 1, 1)]


def test_store_sqlite_search_words_all_required_and_accents_ignored(filled: Store) -> None:
    assert [r.doc_id for r in filled.query_quotes(search="SURRENDER land")] == ["d-general"]
    assert filled.query_quotes(search="surrender prices") == []
    # remove_diacritics: "resume" finds the text, "résumé" too
    assert [r.doc_id for r in filled.query_quotes(search="résumé")] == ["d-minister"]


@pytest.mark.parametrize(
    "hostile",
    ['"', '""', "AND(", "AND", "OR", "NOT", "*", "NEAR", "NEAR(", "a*", "-", "^", ":", "text:", "(", ")",
     "'; DROP TABLE quotes; --", '"unclosed', "{ }", "surrender\u0000"],
)
def test_store_sqlite_search_hostile_strings_are_plain_words(filled: Store, hostile: str) -> None:
    filled.query_quotes(search=hostile)  # no sqlite3.OperationalError
    filled.query_quotes(search=f"surrender {hostile}")
    assert filled.count_documents() == 2


def test_store_sqlite_search_operator_words_match_as_text(filled: Store) -> None:
    assert [r.doc_id for r in filled.query_quotes(search="AND(")] == ["d-minister"]
    assert fts_query('say "hi" AND(') == '("say" AND "hi" AND "AND(")'


def test_store_sqlite_blank_search_is_no_filter(filled: Store) -> None:
    assert len(filled.query_quotes(search="   ")) == 3


def test_store_sqlite_results_ordered_by_published_then_doc_then_start(filled: Store) -> None:
    undated = Document(id="x", doc_id="d-undated", source="x", text="“Undated words said here,” he said.",
                       quotes=[_quote("“Undated words said here,”", "“Undated words said here,” he said.")])
    filled.upsert_document(undated)
    rows = filled.query_quotes()
    assert [(r.doc_id, r.start) for r in rows] == [
        ("d-minister", MINISTER_TEXT.index("talks")),
        ("d-minister", MINISTER_TEXT.index("“Prices")),
        ("d-general", 0),
        ("d-undated", 0),
    ]
    assert [r.doc_id for r in filled.query_quotes(limit=2, offset=2)] == ["d-general", "d-undated"]


def test_store_sqlite_filters(filled: Store) -> None:
    def docs(**filters: str) -> list[str]:
        return [r.doc_id for r in filled.query_quotes(**filters)]  # type: ignore[arg-type]

    assert docs(speaker="kovalenko") == ["d-minister", "d-minister"]
    assert docs(speaker="GENERAL") == ["d-general"]  # part of a speaker's name, case ignored
    assert docs(speaker="she") == []  # a pronoun as written names nobody
    assert docs(outlet="Example.org") == ["d-general"]
    assert docs(kind="indirect") == ["d-minister"]
    assert docs(since="2024-03-01") == ["d-general"]
    assert docs(until="2024-02") == ["d-minister", "d-minister"]
    assert docs(until="2024-03-01") == ["d-minister", "d-minister", "d-general"]  # inclusive at day precision
    assert docs(since="2024-02-11", until="2024-02-28") == []
    assert docs(speaker="kovalenko", kind="direct", search="prices") == ["d-minister"]
    assert docs(speaker="100%_") == []  # LIKE wildcards are plain characters


def test_store_sqlite_quote_row_fields(filled: Store) -> None:
    (row,) = filled.query_quotes(search="prices")
    assert (row.id, row.title, row.outlet, row.published_at) == (
        "minister.txt", "The minister", "news.example.com", "2024-02-10")
    assert row.speaker_mention == TextSpan("she", MINISTER_TEXT.index("she"), MINISTER_TEXT.index("she") + 3)
    assert MINISTER_TEXT[row.start:row.end] == row.text
    assert row.to_dict()["speaker_mention"] == {"text": "she", "start": row.speaker_mention.start,
                                                "end": row.speaker_mention.end}


def test_store_sqlite_speaker_counts(filled: Store) -> None:
    other = Document(
        id="y", doc_id="d-other", source="y", text="“More quotes from her,” Anna kovalenko said.",
        quotes=[_quote("“More quotes from her,”", "“More quotes from her,” Anna kovalenko said.",
                       speaker="ANNA KOVALENKO", descriptors=["diplomat"])],
    )
    filled.upsert_document(other)
    assert filled.speaker_counts() == [("Anna Kovalenko", 3, 2), ("a senior general", 1, 1)]
    assert filled.speaker_counts(limit=1) == [("Anna Kovalenko", 3, 2)]
    descriptors = filled._conn.execute(
        "SELECT descriptors FROM speakers WHERE speaker_id = 'anna kovalenko'").fetchone()[0]
    assert descriptors == '["minister", "diplomat"]'


def test_store_sqlite_anonymous_speakers_scoped_to_document() -> None:
    assert speaker_key("a senior official", "d1") != speaker_key("a senior official", "d2")
    assert speaker_key("Anna  Kovalenko", "d1") == speaker_key("ANNA KOVALENKO", "d2") == "anna kovalenko"
    with Store(":memory:") as store:
        for doc_id in ("d1", "d2"):
            text = "“We are not leaving here,” a senior official said."
            store.upsert_document(Document(id=doc_id, doc_id=doc_id, source=doc_id, text=text, quotes=[
                _quote("“We are not leaving here,”", text, speaker="a senior official")]))
        assert store.speaker_counts() == [("a senior official", 1, 1), ("a senior official", 1, 1)]
        assert store._conn.execute("SELECT count(*) FROM speakers WHERE anonymous = 1").fetchone() == (2,)


def test_store_sqlite_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()


def test_store_sqlite_rejects_non_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are not the tables you are looking for\n" * 100)
    with pytest.raises(StoreError, match="not a quotetrace database"):
        Store(path)


def test_store_sqlite_rejects_foreign_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE things (x)")
    conn.close()
    with pytest.raises(StoreError, match="not a quotetrace database"):
        Store(path)


def test_store_sqlite_rejects_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_store_sqlite_failed_upsert_rolls_back(store: Store) -> None:
    store.upsert_document(general_doc())
    bad = replace(general_doc(), quotes=[replace(general_doc().quotes[0], kind="shouted")])  # type: ignore[arg-type]
    with pytest.raises(sqlite3.IntegrityError):
        store.upsert_document(bad)
    stored = store.get_document("d-general")
    assert stored is not None and stored.quotes == general_doc().quotes


def test_store_sqlite_quote_type_via_and_fragments_round_trip(store: Store) -> None:
    doc = general_doc()
    quote = replace(doc.quotes[0], type="belief", via=TextSpan("the general", 48, 59),
                    fragments=[TextSpan("“We will", 0, 8)])
    store.upsert_document(replace(doc, quotes=[quote]))
    (row,) = store.query_quotes()
    assert (row.type, row.via) == ("belief", TextSpan("the general", 48, 59))
    assert row.fragments == [TextSpan("“We will", 0, 8)]
    stored = store.get_document(doc.doc_id)
    assert stored is not None and stored.quotes[0].type == "belief" and stored.quotes[0].via == quote.via


def test_store_sqlite_migrates_a_version_2_file_keeping_its_links(tmp_path: Path) -> None:
    from quotetrace.store.schema import MIGRATIONS as _MIGRATIONS

    path = tmp_path / "v2.db"
    conn = sqlite3.connect(path)
    for target, script in enumerate(_MIGRATIONS[:2], start=1):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {target};\nCOMMIT;")
    conn.execute("INSERT INTO documents VALUES ('d1', 'a', 's', NULL, NULL, NULL, NULL, NULL, 'en', 'x y', 'h', 'now')")
    conn.execute("INSERT INTO quotes (quote_id, doc_id, \"start\", \"end\", text, kind, confidence, language) "
                 "VALUES (1, 'd1', 0, 3, 'x y', 'direct', 0.9, 'en')")
    conn.execute("INSERT INTO statements VALUES ('st-1', NULL, 'x y', 1)")
    conn.execute("INSERT INTO statement_members VALUES ('st-1', 1, 'original')")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        (member,) = store.statement_members("st-1")
        assert (member.relation, member.changes) == ("original", ())
        assert store.query_quotes()[0].type == "speech"
        store.replace_links([], [], [("st-2", None, "x y", 1)], [("st-2", 1, "altered", [("four", "seven")])])
        assert store.statement_members("st-2")[0].changes == (("four", "seven"),)


def _capture(doc: Document, when: str, digest: str, status: int | None = 200) -> Capture:
    assert doc.url is not None
    return Capture(doc.url, when, status, digest, state="up" if status == 200 else "gone",
                   reason="ok" if status == 200 else "not_found")


def _version(doc: Document, text: str, quote: str, when: str) -> Document:
    return replace(doc, text=text, quotes=[_quote(quote, text)], fetched_at=when, mentions=[])


def test_store_sqlite_versions_follow_capture_time_not_arrival(store: Store) -> None:
    """An older capture stored after a newer one does not become the shown text; a page that shows an older
    text again shows it again (by the last capture that showed each version)."""
    doc = general_doc()
    old_text, new_text = "“Old words here,” she said.", "“New words here,” she said."
    old, new = _version(doc, old_text, "“Old words here,”", "2024-03-01"), _version(doc, new_text,
                                                                                     "“New words here,”", "2024-03-05")
    store.add_captures([(_capture(doc, "2024-03-05", "h-new"), doc.doc_id)])
    assert store.upsert_document(new) == "inserted"
    store.add_captures([(_capture(doc, "2024-03-01", "h-old"), doc.doc_id)])
    assert store.upsert_document(old) == "updated"
    shown = store.get_document(doc.doc_id)
    assert shown is not None and shown.text == new_text and [q.text for q in shown.quotes] == ["“New words here,”"]
    # the page shows the old text again: a capture with the old content is tied to that version at once
    store.add_captures([(_capture(doc, "2024-03-09", "h-old"), doc.doc_id)])
    shown = store.get_document(doc.doc_id)
    assert shown is not None and shown.text == old_text
    assert store.quote_spans(doc.doc_id) == [(shown_quote_id(store, "“Old words here,”"), 0, 17)]
    assert store.has_version_of(doc.doc_id, "h-old") and not store.has_version_of(doc.doc_id, "h-other")


def shown_quote_id(store: Store, text: str) -> int:
    return int(store._conn.execute("SELECT quote_id FROM quotes WHERE text = ?", (text,)).fetchone()[0])


def test_store_sqlite_a_quote_in_two_versions_is_one_row_and_one_sighting(store: Store) -> None:
    doc = general_doc()
    quote = "“We will never surrender our land to anyone,”"
    v2_text = "Updated: " + GENERAL_TEXT.replace("Café owners", "Shop owners")
    store.add_captures([(_capture(doc, "2024-03-01", "a"), doc.doc_id), (_capture(doc, "2024-03-02", "b"), doc.doc_id)])
    store.upsert_document(_version(doc, GENERAL_TEXT, quote, "2024-03-01"))
    store.upsert_document(_version(doc, v2_text, quote, "2024-03-02"))
    sightings = list(store.sightings())
    assert [s.text for s in sightings] == [quote]
    assert sightings[0].published_at == doc.published_at  # in the first version: the page's dates
    (presence,) = store.quote_presence([sightings[0].quote_id]).values()
    assert len(presence) == 2
    assert store.quote_spans(doc.doc_id) == [(sightings[0].quote_id, v2_text.index(quote),
                                              v2_text.index(quote) + len(quote))]


def test_store_sqlite_a_quote_added_later_is_dated_by_its_version(store: Store) -> None:
    doc = general_doc()
    added = "“A sentence added a week later,”"
    v2_text = GENERAL_TEXT + f" {added} she said."
    store.add_captures([(_capture(doc, "2024-03-01T00:00:00", "a"), doc.doc_id),
                        (_capture(doc, "2024-03-08T00:00:00", "b"), doc.doc_id)])
    store.upsert_document(_version(doc, GENERAL_TEXT, doc.quotes[0].text, "2024-03-01T00:00:00"))
    second = replace(doc, text=v2_text, fetched_at="2024-03-08T00:00:00", mentions=[],
                     quotes=[doc.quotes[0], _quote(added, v2_text)])
    store.upsert_document(second)
    by_text = {s.text: s for s in store.sightings()}
    assert (by_text[added].published_at, by_text[added].seen_at) == (None, "2024-03-08T00:00:00")
    first = by_text[doc.quotes[0].text]
    assert (first.published_at, first.seen_at) == (doc.published_at, "2024-03-01T00:00:00")
    assert {m.text: m.published_at for m in store.member_rows("q.doc_id = ?", [doc.doc_id])} == {
        added: None, doc.quotes[0].text: doc.published_at}


def test_store_sqlite_same_capture_read_again_replaces_its_version(store: Store) -> None:
    """A newer quotetrace that cleans a capture differently gives a new text for the same capture: its version
    is replaced, not joined by a second one (which would read as an edit)."""
    doc = general_doc()
    store.add_captures([(_capture(doc, "2024-03-01", "raw"), doc.doc_id)])
    store.upsert_document(_version(doc, GENERAL_TEXT, doc.quotes[0].text, "2024-03-01"))
    cleaner = GENERAL_TEXT.replace("  ", " ") + " (Reuters)"
    assert store.upsert_document(_version(doc, cleaner, doc.quotes[0].text, "2024-03-01")) == "updated"
    (only,) = store.versions([doc.doc_id])[doc.doc_id]
    assert only.shown and (store.get_document(doc.doc_id) or doc).text == cleaner


def test_store_sqlite_migrates_a_version_3_file_into_versions(tmp_path: Path) -> None:
    from quotetrace.store.schema import MIGRATIONS as _MIGRATIONS

    path = tmp_path / "v3.db"
    conn = sqlite3.connect(path)
    for target, script in enumerate(_MIGRATIONS[:3], start=1):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {target};\nCOMMIT;")
    conn.execute("INSERT INTO documents VALUES ('d1', 'a', 's', 'https://x.org/a', NULL, 'T', NULL, '2024-01-02',"
                 " 'en', 'x y', 'h', 'now')")
    conn.execute("INSERT INTO quotes (quote_id, doc_id, \"start\", \"end\", text, kind, confidence, language) "
                 "VALUES (1, 'd1', 0, 3, 'x y', 'direct', 0.9, 'en')")
    conn.executemany("INSERT INTO captures (url, doc_id, fetched_at, http_status, content_hash) VALUES (?, ?, ?, ?, ?)",
                     [("https://x.org/a", "d1", "2024-01-02", 200, "raw"), ("https://x.org/a", "d1", "2024-01-05", 200,
                      "raw"), ("https://x.org/a", "d1", "2024-01-09", 404, "nf")])
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        (version,) = store.versions(["d1"])["d1"]
        assert (version.shown, version.quotes, version.first_seen, version.last_seen) == (
            True, 1, "2024-01-02", "2024-01-05")
        rows = store.capture_rows(["d1"])["d1"]
        assert [r.version_id for r in rows] == [version.version_id, version.version_id, None]
        assert [r.capture.state for r in rows] == [None, None, None]  # derived on reading
        assert store.quote_spans("d1") == [(1, 0, 3)]
        again = Document(id="a", doc_id="d1", source="s", text="x y", title="T", url="https://x.org/a",
                         quotes=[Quote("x y", 0, 3, "direct", confidence=0.9)])
        store.upsert_document(again)  # the same text read again: the same version, the same quote row
        assert len(store.versions(["d1"])["d1"]) == 1 and [q.quote_id for q in store.query_quotes()] == [1]


def test_store_sqlite_a_file_version_then_captures_shows_the_latest_capture(store: Store) -> None:
    """A page ingested from a file with no fetch time, then captured: the captures date the versions, and the
    file's undated version comes before them."""
    from quotetrace.link.liveness import quote_status
    from quotetrace.link.provenance import page_history

    doc = general_doc()
    store.upsert_document(doc)  # from a file: no fetched_at
    later_text = "A rewritten page. " + MINISTER_TEXT
    later = replace(doc, text=later_text, fetched_at="2024-03-09", mentions=[],
                    quotes=[_quote("“Prices will fall,”", later_text)])
    store.add_captures([(_capture(doc, "2024-03-09", "h-later"), doc.doc_id)])
    store.upsert_document(later)
    shown = store.get_document(doc.doc_id)
    assert shown is not None and shown.text == later_text
    rows = store.capture_rows([doc.doc_id])[doc.doc_id]
    general = shown_quote_id(store, doc.quotes[0].text)
    history = page_history(doc.doc_id, [r.capture for r in rows])
    assert quote_status(history, rows, store.quote_presence([general])[general]) == ("edited_out", "2024-03-09")
