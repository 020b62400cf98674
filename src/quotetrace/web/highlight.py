"""A document's text cut into plain runs, statements and speaker mentions, for the document page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from quotetrace.web.queries import QuoteHit


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    role: Literal["plain", "quote", "mention"]
    quote: QuoteHit | None = None
    number: int = 0  # the quote's number in the document (1-based) for quotes and mentions


def segments(text: str, quotes: Sequence[QuoteHit]) -> list[Segment]:
    """``text`` as consecutive segments; where spans overlap the earlier-starting one wins the overlap."""
    spans: list[tuple[int, int, Literal["quote", "mention"], QuoteHit, int]] = []
    for number, quote in enumerate(quotes, start=1):
        spans.append((quote.start, quote.end, "quote", quote, number))
        if quote.speaker_mention_start is not None and quote.speaker_mention_end is not None:
            spans.append((quote.speaker_mention_start, quote.speaker_mention_end, "mention", quote, number))
    spans.sort(key=lambda span: (span[0], -span[1]))
    out: list[Segment] = []
    at = 0
    for start, end, role, quote, number in spans:
        start, end = max(start, at, 0), min(end, len(text))
        if start >= end:
            continue
        if start > at:
            out.append(Segment(text[at:start], "plain"))
        out.append(Segment(text[start:end], role, quote, number))
        at = end
    if at < len(text):
        out.append(Segment(text[at:], "plain"))
    return out
