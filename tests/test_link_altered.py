"""Altered echoes end to end: linked through the store with their changes, shown by ``trace`` (JSON and table);
a stance is never a statement; ``link`` says what it kept apart."""

from __future__ import annotations

import io
import json

from quotetrace.link import link, store_document
from quotetrace.link.provenance import trace
from quotetrace.model import Document, Quote, TextSpan
from quotetrace.output import changes_text, write_trace
from quotetrace.store import Store

WORDS = "“The ferry to Velm will run twice a day from 4 May, and tickets for pensioners will stay free.”"


def _doc(slug: str, day: str, words: str, speaker: str = "Pia Lund", act: str = "speech") -> Document:
    text = f"{words} {speaker} said."
    quote = Quote(words, 0, len(words), "direct", cue="said",
                  speaker_mention=TextSpan(speaker, len(words) + 1, len(words) + 1 + len(speaker)), speaker=speaker,
                  confidence=0.9)
    quote.type = act  # type: ignore[assignment]
    return Document(id=slug, doc_id=slug, source="test", text=text, url=f"https://{slug}.example/a",
                    outlet=f"{slug}.example", published_at=day, quotes=[quote])


def _store(*docs: Document) -> Store:
    store = Store(":memory:")
    for doc in docs:
        store_document(store, doc)
    return store


def test_altered_echo_through_the_store_trace_json_and_table() -> None:
    store = _store(
        _doc("original", "2026-05-01T08:00:00Z", WORDS),
        _doc("copy", "2026-05-01T12:00:00Z", WORDS),
        _doc("altered", "2026-05-02", WORDS.replace("4 May", "14 May").replace("stay free", "not stay free")),
    )
    with store:
        report = link(store, paraphrase=False)
        assert report.altered == 1 and "1 altered echo;" in report.line()
        statement_id = store.find_statement("ferry to Velm")
        assert statement_id is not None
        found = trace(store, statement_id)
        assert found is not None
        echoes = {e.doc_id: e for e in found.echoes}
        assert echoes["copy"].relation == "verbatim" and echoes["copy"].changes == ()
        assert echoes["altered"].relation == "altered"
        assert ("4 May", "14 May") in echoes["altered"].changes
        data = found.to_dict()
        altered = next(e for e in data["echoes"] if e["doc_id"] == "altered")
        assert {"original": "4 May", "echo": "14 May"} in altered["changes"]
        out = io.StringIO()
        write_trace(found, out)
        table = out.getvalue()
        assert "altered" in table and "4 May → 14 May" in table
        out = io.StringIO()
        write_trace(found, out, as_json=True)
        assert json.loads(out.getvalue()) == data


def test_changes_are_printed_as_text_never_as_markup() -> None:
    text = changes_text([("[bold]forty[/bold]", "fourteen"), ("не", "")])
    assert text.plain == "[bold]forty[/bold] → fourteen; не → —"
    assert any(span.style == "strike" for span in text.spans)


def test_a_stance_is_not_a_statement_but_keeps_its_speaker() -> None:
    store = _store(_doc("original", "2026-05-01", WORDS), _doc("stance", "2026-05-01", WORDS, act="stance"))
    with store:
        link(store, paraphrase=False)
        rows = {r.id: r for r in store.member_rows("1", [])}
        assert rows["original"].statement_id is not None
        assert rows["stance"].statement_id is None
        assert rows["stance"].speaker_id == rows["original"].speaker_id
