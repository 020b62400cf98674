"""Property tests: on any string the extractor never raises, and every offset slices the text exactly."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotetrace

MARKS = "“”‘’\"'«»„‹›"
# Text built from the pieces that trouble a quote extractor: marks, speech words, paragraph breaks.
pieces = st.sampled_from(
    [*MARKS, " ", "\n", "\n\n", ",", ".", ":", "?", " said", " he", " she", " warns that", " according to",
     " as quoted by", " told the radio", " in an interview with", " the letter", " whose", " who", " some",
     "Smith", " the minister", " We will", " not retreat", "—", "…",
     # transcripts and threads: labels, bold, brackets, quoted posts, stage directions
     "\nHOST: ", "\nQ: ", "\nA: ", "\nVOSS: ", "**", "(", ")", " wrote:", "\nQuote from: ", "\n> ",
     " says: ", "[LAUGHTER]", "Trust me", " I'm Ana Lee",
     # the other shapes of interviews: dash labels, timestamps, quoted and role labels, "Q.", names alone on
     # their line, questions set apart by bold, italics or a number, bylines and captions
     "\nRuiz – ", "\n[00:00:19] Anja Petersen: ", "\n> Reader (Bob_1): ", "\nQ. ", "\nA. ", "\nMARGIT SOLBERG\n",
     "\n**Why?**\n", "\n*Why?*\n", "\n1. ", "\nINTERVIEWER: ", "\nCALLER (Maureen, Oldfield): ", "\nLF: ",
     "(inaudible)", "\nBy Jane Roe\n", "\nPhoto: ", " we spoke to", " you", "—"]
)
tricky_text = st.lists(pieces | st.text(max_size=8), max_size=40).map("".join)


def check(text: str, doc_text: str, quotes: list[quotetrace.Quote]) -> None:
    for q in quotes:
        assert 0 <= q.start < q.end <= len(doc_text)
        assert doc_text[q.start : q.end] == q.text
        assert q.kind in ("direct", "indirect", "mixed")
        assert 0.0 <= q.confidence <= 1.0
        for piece in q.fragments:
            assert q.start <= piece.start < piece.end <= q.end
            assert doc_text[piece.start : piece.end] == piece.text
        for span in (q.speaker_mention, q.via):
            if span is not None:
                assert doc_text[span.start : span.end] == span.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200), tricky_text))
def test_extract_never_raises_and_offsets_slice_text(text: str) -> None:
    check(text, text, quotetrace.extract(text))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200), tricky_text))
def test_extract_document_offsets_slice_cleaned_text(text: str) -> None:
    try:
        doc = quotetrace.extract_document(text)
    except ValueError:
        return  # nothing usable in the input: a clear error, by contract
    check(text, doc.text, doc.quotes)
