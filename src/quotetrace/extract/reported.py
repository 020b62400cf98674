"""Reported speech: the content clause of a cue, as an indirect quote, or a mixed one when it carries a
quoted fragment.

PolNeAR attributions do not nest, so when cue clauses overlap ("X said Y told him that Z") the outer one
wins.
"""

from __future__ import annotations

from dataclasses import dataclass

from quotetrace.extract.cues import Cue
from quotetrace.extract.direct import WORD
from quotetrace.extract.marks import MarkedSpan
from quotetrace.model import QuoteKind

# Fewer unquoted words than this around a quotation make the clause a direct quote, not a mixed one.
MIN_MIXED_OUTSIDE_WORDS = 2
MIN_REPORTED_WORDS = 1


@dataclass(slots=True)
class ReportedQuote:
    start: int
    end: int
    kind: QuoteKind
    cue: Cue
    absorbed: list[MarkedSpan]


def reported_quotes(text: str, cues: list[Cue], spans: list[MarkedSpan]) -> list[ReportedQuote]:
    """Indirect and mixed quotes from cue clauses; ``absorbed`` lists the quoted spans a mixed one took in."""
    accepted: list[ReportedQuote] = []
    candidates = [c for c in cues if c.content is not None]
    # outer clauses first, so that nested attributions inside them are dropped
    candidates.sort(key=lambda c: -(c.content[1] - c.content[0]))  # type: ignore[index]
    for cue in candidates:
        assert cue.content is not None
        start, end = _within_paragraph(text, cue, *cue.content)
        start, end = _trimmed_to_utterance(text, start, end, cue, spans)
        if end <= start:
            continue
        if _inside_statement(cue, spans) or any(_clashes(start, end, cue, a) for a in accepted):
            continue
        inside = [s for s in spans if s.start < end and s.end > start]
        if inside and cue.subject is None and any(s.end <= cue.start for s in inside):
            continue  # “…,” Jane Smith, a former minister, tells: direct.py finds the source
        if inside:
            outside = _words_outside(text, start, end, inside)
            if outside < MIN_MIXED_OUTSIDE_WORDS:
                continue  # a direct quotation: direct.py attributes it
            start = min(start, *(s.start for s in inside))
            end = max(end, *(s.end for s in inside))
            accepted.append(ReportedQuote(start, end, "mixed", cue, inside))
        elif len(WORD.findall(text[start:end])) >= MIN_REPORTED_WORDS:
            accepted.append(ReportedQuote(start, end, "indirect", cue, []))
    accepted.sort(key=lambda r: r.start)
    return accepted


def _within_paragraph(text: str, cue: Cue, start: int, end: int) -> tuple[int, int]:
    """Reported content stays in its cue's paragraph: the parser's sentences sometimes run across one."""
    para_start = text.rfind("\n\n", 0, cue.start)
    para_end = text.find("\n\n", cue.end)
    lo = max(start, para_start + 2 if para_start >= 0 else 0)
    hi = min(end, para_end if para_end >= 0 else len(text))
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    while lo < hi and text[lo].isspace():
        lo += 1
    return lo, hi


# A quotation that ends on one of these inside its closing mark is a whole utterance: “We’ll see,”.
_UTTERANCE_END = frozenset(",.!?…")


def _trimmed_to_utterance(text: str, start: int, end: int, cue: Cue, spans: list[MarkedSpan]) -> tuple[int, int]:
    """A content clause that opens with a whole quoted utterance ends with it: in 'said, “We’ll see,” when
    asked whether …' and 'wrote, “It’s time,” and shared a link' the parser hangs the rest of the sentence
    on the speech verb, but only the quotation was said. Likewise a clause that ends with a whole utterance
    right before its cue (“…: “Change the world,” she said') starts with it."""
    for s in spans:
        if not s.closed or s.end <= start or s.start >= end or not _whole_utterance(text, s):
            continue
        opens = s.start <= start or text[start : s.start].strip() == ""
        closes = end <= s.end or text[s.end : end].strip(" ,") == ""
        if cue.end <= start and opens and s.end < end:
            return min(start, s.start), s.end
        if end <= cue.start and closes and s.start > start:
            return s.start, max(end, s.end)
    return start, end


# Closing marks of a quotation inside a quotation.
INNER_CLOSING = "’'"


def _whole_utterance(text: str, span: MarkedSpan) -> bool:
    """A closed quotation that opens on a capital and ends on a mark inside its closing mark (“We’ll see,”), past
    an inner quotation's closing mark (“… the pills you called ‘cures,’”); written with doubled apostrophes
    (''…,'') too. One that opens in lower case is a fragment of the writer's sentence ("a top priority ''is
    increasing the tax liability,'' he said"), not an utterance of its own."""
    width = 2 if text.startswith("''", span.start) else 1
    inner = text[span.start + width : span.end - width]
    opening = inner.lstrip(" ‘'\"")[:1]
    return opening.isupper() and inner.rstrip(INNER_CLOSING)[-1:] in _UTTERANCE_END


def _inside_statement(cue: Cue, spans: list[MarkedSpan]) -> bool:
    """A cue inside a quotation is part of what was quoted, not an attribution of ours."""
    return any(s.start < cue.start and cue.end <= s.end for s in spans)


def _clashes(start: int, end: int, cue: Cue, other: ReportedQuote) -> bool:
    if other.start <= cue.start < other.end:
        return True
    overlap = max(0, min(end, other.end) - max(start, other.start))
    return overlap > 0.5 * (end - start)


def _words_outside(text: str, start: int, end: int, spans: list[MarkedSpan]) -> int:
    pieces: list[str] = []
    pos = start
    for s in sorted(spans, key=lambda s: s.start):
        if s.start > pos:
            pieces.append(text[pos : s.start])
        pos = max(pos, s.end)
    if pos < end:
        pieces.append(text[pos:end])
    return sum(len(WORD.findall(p)) for p in pieces)
