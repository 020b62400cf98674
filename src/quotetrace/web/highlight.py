"""Text cut into runs for the pages: a document's statements and speaker mentions, a search hit's matched words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from quotetrace.store import HIGHLIGHT_END, HIGHLIGHT_START, QuoteRow


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    role: Literal["plain", "quote", "mention"]
    quote: QuoteRow | None = None
    number: int = 0  # the quote's number in the document (1-based) for quotes and mentions


def segments(text: str, quotes: Sequence[QuoteRow]) -> list[Segment]:
    """``text`` as consecutive segments; where spans overlap the earlier-starting one wins the overlap."""
    spans: list[tuple[int, int, Literal["quote", "mention"], QuoteRow, int]] = []
    for number, quote in enumerate(quotes, start=1):
        spans.append((quote.start, quote.end, "quote", quote, number))
        if quote.speaker_mention is not None:
            mention = quote.speaker_mention
            spans.append((mention.start, mention.end, "mention", quote, number))
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


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    matched: bool


def matched_runs(highlighted: str) -> list[Run]:
    """Text from ``Store.highlight`` as runs, the matched ones flagged (the template marks them, escaped)."""
    runs: list[Run] = []
    for index, part in enumerate(highlighted.split(HIGHLIGHT_START)):
        matched, _, rest = part.partition(HIGHLIGHT_END) if index else ("", "", part)
        if matched:
            runs.append(Run(matched, True))
        if rest:
            runs.append(Run(rest, False))
    return runs
