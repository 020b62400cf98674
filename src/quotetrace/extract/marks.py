"""Finding quoted spans by their marks, on plain text (no parse needed).

Handles curly, straight, guillemet and low-high marks, a curly mark paired with a straight one, single marks
nested in double ones, quotations that run over several paragraphs (the opening mark repeated at each
paragraph, the closing mark only at the end), and marks that never close (the span is cut at the paragraph
end and flagged ``closed=False``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotetrace.lexicon import QUOTE_PAIRS


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """A quotation by its marks: ``start`` is the opening mark, ``end`` is just past the closing mark."""

    start: int
    end: int
    opener: str
    closed: bool = True
    paragraphs: int = 1


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _can_open(text: str, i: int) -> bool:
    """A mark opens when it is not inside a word and is followed by something to quote."""
    ch = text[i]
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if not nxt or nxt.isspace():
        return False
    prev = text[i - 1] if i > 0 else ""
    if ch in "‘'" or ch == '"':
        # an apostrophe or a closing straight quote sits right after a word character
        return not _is_word_char(prev)
    return True


# Scraped text often pairs a typographic mark with a straight one (“…" or "…”), where a content system
# converted only one of them. Such a close wins over a proper one further on unless the mark that would open
# a nested quotation of that style comes first (“He said "no" to me” is nested, not mixed).
MIXED_PAIRS: dict[str, frozenset[str]] = {"“": frozenset('"'), '"': frozenset("”")}
NESTED_OPENERS = {"“": '"', '"': "“"}


def _can_close(text: str, i: int, opener: str, pairs: dict[str, frozenset[str]] = QUOTE_PAIRS) -> bool:
    ch = text[i]
    if ch not in pairs.get(opener, ()):
        return False
    if ch == "’":
        # "don’t", "the people’s" – an apostrophe between letters (or after s) is not a closing mark
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if _is_word_char(nxt):
            return False
    if ch == '"':
        prev = text[i - 1] if i > 0 else ""
        return bool(prev) and not prev.isspace()
    return True


def _paragraph_end(text: str, i: int) -> int:
    j = text.find("\n\n", i)
    return len(text) if j < 0 else j


def _continues_next_paragraph(text: str, para_end: int, opener: str) -> int | None:
    """Where the next paragraph reopens the same quotation, if it does (multi-paragraph quotes)."""
    j = para_end
    while j < len(text) and text[j] in "\n \t":
        j += 1
    if j < len(text) and text[j] == opener:
        return j
    return None


# Markup left in scraped text (<tweet author="@x">): its attribute quotes are not quotations.
MARKUP_TAG = re.compile(r"<[A-Za-z/][^<>\n]{0,500}>")


# Typewriter doubles (''…'' and ``…'') stand for a double mark; scanned as '"' plus a filler character.
DOUBLED = ("''", "``")
FILLER = "\x00"


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Top-level quotations in ``text``, in order; nested quotes stay inside their outer span."""
    if any(d in text for d in DOUBLED) and FILLER not in text:
        view = text
        for d in DOUBLED:
            view = view.replace(d, '"' + FILLER)
        return [_widen(view, s) for s in _find(view)]
    return _find(text)


def _widen(view: str, span: MarkedSpan) -> MarkedSpan:
    """A closing double written as two characters ends one character later."""
    if span.closed and span.end < len(view) and view[span.end] == FILLER:
        return MarkedSpan(span.start, span.end + 1, span.opener, span.closed, span.paragraphs)
    return span


def _find(text: str) -> list[MarkedSpan]:
    spans: list[MarkedSpan] = []
    tags = {m.start(): m.end() for m in MARKUP_TAG.finditer(text)} if "<" in text else {}
    i, n = 0, len(text)
    while i < n:
        if i in tags:
            i = tags[i]
            continue
        ch = text[i]
        if ch in QUOTE_PAIRS and _can_open(text, i):
            span = _match(text, i)
            if span is not None:
                spans.append(span)
                i = span.end
                continue
        i += 1
    return spans


def _match(text: str, start: int) -> MarkedSpan | None:
    opener = text[start]
    i = start + 1
    paragraphs = 1
    para_end = _paragraph_end(text, i)
    while True:
        close = _mixed_close(text, start, i, para_end, _scan_to_close(text, i, para_end, opener))
        if close is not None:
            return MarkedSpan(start, close + 1, opener, True, paragraphs)
        # no close in this paragraph: a multi-paragraph quote, or a mark that never closes
        reopen = _continues_next_paragraph(text, para_end, opener) if para_end < len(text) else None
        if reopen is None:
            if opener in "‘'":
                return None  # likely an apostrophe or a stray single mark: not a quotation
            end = para_end
            while end > start + 1 and text[end - 1].isspace():
                end -= 1
            return MarkedSpan(start, end, opener, False, paragraphs)
        paragraphs += 1
        i = reopen + 1
        para_end = _paragraph_end(text, i)


def _mixed_close(text: str, start: int, i: int, para_end: int, proper: int | None) -> int | None:
    """The close of the quotation opened at ``start``: ``proper``, or an earlier mixed-style mark."""
    opener = text[start]
    if opener not in MIXED_PAIRS:
        return proper
    mixed = _scan_to_close(text, i, proper if proper is not None else para_end, opener, MIXED_PAIRS)
    if mixed is None or NESTED_OPENERS[opener] in text[start + 1 : mixed]:
        return proper
    return mixed


def _scan_to_close(
    text: str, i: int, para_end: int, opener: str, pairs: dict[str, frozenset[str]] = QUOTE_PAIRS
) -> int | None:
    """Index of the mark closing ``opener`` before ``para_end``, skipping nested single-mark quotes."""
    while i < para_end:
        ch = text[i]
        if _can_close(text, i, opener, pairs):
            return i
        if ch == "‘" and opener != "‘" and _can_open(text, i):
            inner = _scan_to_close(text, i + 1, para_end, "‘")
            if inner is not None:
                i = inner + 1
                continue
        i += 1
    return None
