"""The per-document pipeline: warnings come back as Skips, never as exceptions."""

from __future__ import annotations

from dataclasses import replace

from quotetrace.model import RawDocument
from quotetrace.pipeline import canonical_url, document_id, outlet_of, process
from quotetrace.settings import DEFAULT_SETTINGS


def test_pipeline_unclosed_quote_is_reported_and_processed() -> None:
    raw = RawDocument(id="a", source="a.txt", text="She said “this never closes and goes on\n\nNext paragraph.")
    doc, skips = process(raw)
    assert doc is not None and doc.quotes
    assert any("W014" in s.reason and not s.fatal for s in skips)


def test_pipeline_huge_document_is_cut_with_a_warning() -> None:
    settings = replace(DEFAULT_SETTINGS, max_chars=200)
    raw = RawDocument(id="big", source="big.txt", text="“We will not retreat,” the general said. " * 50)
    doc, skips = process(raw, settings)
    assert doc is not None and len(doc.text) == 200
    assert any("W009" in s.reason for s in skips)


def test_pipeline_empty_text_is_a_fatal_skip() -> None:
    doc, skips = process(RawDocument(id="e", source="e.txt", text=" \n "))
    assert doc is None and skips[-1].fatal and "E001" in skips[-1].reason


def test_pipeline_document_id_is_stable_for_a_url() -> None:
    assert canonical_url("HTTPS://WWW.Example.org/a/#top") == "https://www.example.org/a"
    assert document_id("https://www.example.org/a/", "x") == document_id("https://www.example.org/a", "y")
    assert outlet_of("https://www.example.org/a") == "example.org"


def test_pipeline_speakers_of_the_samples_name_someone() -> None:
    """What `make demo` lists: no speaker is a pronoun, a relative, a bare quantifier or a document (those
    resolve, or leave the speaker empty with the mention kept)."""
    from pathlib import Path

    from quotetrace.ingest import read_inputs

    no_one = {"he", "she", "it", "they", "who", "whose", "which", "that", "this", "some", "many", "others"}
    documents = {"letter", "motion", "report", "statement", "appeal", "petition", "data", "poll"}
    samples = Path(__file__).resolve().parents[1] / "samples"
    speakers = []
    for raw in read_inputs([str(samples)]):
        if isinstance(raw, RawDocument):
            doc, _ = process(raw)
            speakers += [q.speaker for q in doc.quotes if q.speaker] if doc is not None else []
    assert speakers
    for speaker in speakers:
        words = speaker.lower().split()
        assert words[0] not in no_one and words[-1] not in documents, speaker
