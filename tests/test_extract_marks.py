"""Quotation spans by their marks."""

from __future__ import annotations

import pytest

from quotetrace.extract.marks import find_marked_spans


def spans(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_marked_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we will go” today.", ["“we will go”"]),
        ('He said "we will go" today.', ['"we will go"']),
        ("Он сказал «мы пойдём» сегодня.", ["«мы пойдём»"]),
        ("Er sagte „wir gehen“ heute.", ["„wir gehen“"]),
        ("“They call it ‘a truce’ but it is not,” she said.", ["“They call it ‘a truce’ but it is not,”"]),
        ("We don’t know the people’s will.", []),
        ("The ‘peace plan’ failed.", ["‘peace plan’"]),
        # a typographic mark paired with a straight one, as content systems leave them
        ('“We are close," she said. "But the port won,” he said.', ['“We are close,"', '"But the port won,”']),
        # ... but a straight pair inside a typographic one is a nested quotation
        ('“He said "no" to me and left,” Brel said.', ['“He said "no" to me and left,”']),
        ('"He said “no” to me and left," Brel said.', ['"He said “no” to me and left,"']),
    ],
)
def test_marks_every_common_mark(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


def test_marks_multi_paragraph_quote_is_one_span() -> None:
    text = "She wrote:\n\n“First part of the appeal.\n\n“Second part,” she said.\n\nNext."
    (span,) = find_marked_spans(text)
    assert text[span.start : span.end] == "“First part of the appeal.\n\n“Second part,”"
    assert span.paragraphs == 2 and span.closed


def test_marks_unclosed_quote_stops_at_paragraph_end() -> None:
    text = "He said “this never closes\n\nAnother paragraph."
    (span,) = find_marked_spans(text)
    assert text[span.start : span.end] == "“this never closes"
    assert not span.closed


def test_marks_stray_apostrophe_is_not_a_quote() -> None:
    assert spans("The ‘90s were long\n\nyes") == []
