"""Finding quoted spans by their marks, on plain text (no parse needed).

Handles curly, straight, guillemet and low-high marks, a curly mark paired with a straight one, single marks
nested in double ones, quotations that run over several paragraphs (the opening mark repeated at each
paragraph, the closing mark only at the end; or, the Russian way, no mark between the paragraphs), and marks
that never close (the span is cut at the paragraph end and flagged ``closed=False``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
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


class _Paragraphs:
    """Where each paragraph ends, found once: searching the text afresh for every quotation was quadratic
    in a long paragraph full of quotation marks."""

    def __init__(self, text: str) -> None:
        self.breaks = [m.start() for m in re.finditer(r"(?=\n\n)", text)]
        self.size = len(text)

    def end(self, i: int) -> int:
        """The first paragraph break at or after ``i`` (the text's end if none)."""
        k = bisect_left(self.breaks, i)
        return self.breaks[k] if k < len(self.breaks) else self.size


def _continues_next_paragraph(text: str, para_end: int, opener: str) -> int | None:
    """Where the next paragraph reopens the same quotation, if it does (multi-paragraph quotes)."""
    j = para_end
    while j < len(text) and text[j] in "\n \t":
        j += 1
    if j < len(text) and text[j] == opener:
        return j
    return None


def _closes_next_paragraph(text: str, para_end: int, opener: str, breaks: _Paragraphs) -> int | None:
    """Where the next paragraph closes the quotation when it does not reopen it (the Russian way: «… ¶ …»): a
    closing mark with no opening mark of the same kind before it in that paragraph."""
    j = para_end
    while j < len(text) and text[j] in "\n \t":
        j += 1
    end = breaks.end(j + 1)
    for k in range(j, end):
        if text[k] == opener:
            return None
        if _can_close(text, k, opener):
            return k
    return None


# Longest quotation in single marks we look for: past it an opening ‘ is taken for a stray mark (scanning
# a long paragraph to its end for every such mark would be quadratic).
MAX_SINGLE_SPAN = 2000

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
    paragraphs = _Paragraphs(text)
    while i < n:
        if i in tags:
            i = tags[i]
            continue
        ch = text[i]
        if ch in QUOTE_PAIRS and _can_open(text, i):
            span = _match(text, i, paragraphs)
            if span is not None:
                spans.append(span)
                i = span.end
                continue
        i += 1
    return spans


def _match(text: str, start: int, breaks: _Paragraphs) -> MarkedSpan | None:
    opener = text[start]
    i = start + 1
    paragraphs = 1
    para_end = breaks.end(i)
    while True:
        # a single mark that has not closed within MAX_SINGLE_SPAN is an apostrophe, not a quotation
        limit = min(para_end, start + MAX_SINGLE_SPAN) if opener in "‘'" else para_end
        close = _scan_to_close(text, i, limit, opener, mixed=True)
        if close is not None:
            return MarkedSpan(start, close + 1, opener, True, paragraphs)
        # no close in this paragraph: a multi-paragraph quote, or a mark that never closes
        reopen = _continues_next_paragraph(text, para_end, opener) if para_end < len(text) else None
        if reopen is None and opener not in "‘'\"" and para_end < len(text):
            close = _closes_next_paragraph(text, para_end, opener, breaks)
            if close is not None:
                return MarkedSpan(start, close + 1, opener, True, paragraphs + 1)
        if reopen is None:
            if opener in "‘'":
                return None  # likely an apostrophe or a stray single mark: not a quotation
            end = para_end
            while end > start + 1 and text[end - 1].isspace():
                end -= 1
            return MarkedSpan(start, end, opener, False, paragraphs)
        paragraphs += 1
        i = reopen + 1
        para_end = breaks.end(i)


def _scan_to_close(text: str, i: int, para_end: int, opener: str, *, mixed: bool = False) -> int | None:
    """Index of the mark closing ``opener`` before ``para_end``, skipping nested single-mark quotes. With
    ``mixed``, a mixed-style close (see ``MIXED_PAIRS``) counts too, until a nested opener of its style is
    seen. One pass: a paragraph full of stray marks costs no more than one scan per quotation."""
    nested = NESTED_OPENERS.get(opener) if mixed else None
    closers = QUOTE_PAIRS[opener] | (MIXED_PAIRS.get(opener, frozenset()) if mixed else frozenset())
    if not any(text.find(c, i, para_end) >= 0 for c in closers):
        return None  # checked at C speed first: a page of stray marks must not cost a scan for each
    while i < para_end:
        ch = text[i]
        if _can_close(text, i, opener):
            return i
        if nested is not None and _can_close(text, i, opener, MIXED_PAIRS):
            return i
        if ch == nested:
            nested = None  # “He said "no" …”: the straight marks are a nested quotation
        if ch == "‘" and opener != "‘" and _can_open(text, i):
            inner = _scan_to_close(text, i + 1, min(para_end, i + MAX_SINGLE_SPAN), "‘")
            if inner is not None:
                i = inner + 1
                continue
        i += 1
    return None
