"""Documents speak for their authors: "the letter asks …" is said by whoever wrote the letter."""

from __future__ import annotations

import pytest

import quotetrace


def quote_with(text: str, words: str) -> quotetrace.Quote:
    quotes = [q for q in quotetrace.extract(text) if words in q.text]
    assert quotes, quotetrace.extract(text)
    return quotes[0]


@pytest.mark.parametrize(
    ("text", "words", "author"),
    [
        # the author named in a sentence before, by the verb that made the document
        ("Jonas Berg wrote a letter to the council in March. The two-page letter closes with the words: “We "
         "cannot wait any longer for the guns to stop.”", "guns", "Jonas Berg"),
        ("The audit office published a report on Tuesday. The report says that half the money was never spent.",
         "half the money", "The audit office"),
        ("More than 300 nurses signed a petition to the health minister. The petition warns that the wards "
         "cannot stay open through the winter.", "wards", "More than 300 nurses"),
        # ... by its owner, a preposition or a participle
        ("Mira Kostic's appeal reached the council on Monday. The appeal asks for an inquiry into the closure "
         "of the hospital.", "inquiry", "Mira Kostic"),
        ("An open letter from retired general Tomas Varga reached the council. The letter asks the council to "
         "send monitors.", "monitors", "Tomas Varga"),
        ("The report, written by the audit office, says that the money was lost.", "money", "the audit office"),
        # ... by the statement it was made in
        ("The harbour authority said in a statement that the quay would stay shut. The statement also says "
         "that no ship will dock before May.", "no ship", "The harbour authority"),
    ],
)
def test_document_resolves_to_its_author(text: str, words: str, author: str) -> None:
    q = quote_with(text, words)
    assert q.speaker == author
    assert q.speaker_mention is not None  # the document as written stays the mention


def test_only_a_definite_document_refers_back() -> None:
    """"exit polls" are other polls than "a Vantage poll"."""
    text = ("A Vantage poll shows that the mayor leads by six points. "
            "Exit polls show that turnout in the harbour district fell.")
    q = quote_with(text, "turnout")
    assert q.speaker is None
    assert q.speaker_mention is not None and q.speaker_mention.text == "Exit polls"
