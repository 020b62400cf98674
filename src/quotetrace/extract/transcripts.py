"""Interviews and transcripts: a paragraph opened by a speaker's label is that speaker's statement.

    BRENNER: Forty years of numbers. If they say one thing, what is it?
    TOVE: That the melt season is about three weeks longer than it was in the early eighties. …
    Q: What does a farmer actually get?
    A: A text message. That's it. …

A label is a few capitalised words (a name, a surname in capitals, "Q", "A") and a colon opening a
paragraph; some label must open at least two paragraphs of the document, which tells a transcript from a
headline ("Analysis: …"), and what follows a label must be a sentence (a verb, or a question), which tells
it from a list ("Clinton: 1,769."). The whole rest of the paragraph is one statement, whatever cues it
holds ("I understand why …" inside an answer is the interviewee's, not a statement of its own). A quotation
after the label is left to ``direct.py`` ("Continued Stone: “…”"). Who "Q" and "A" are is for
``quotetrace.attribute``.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from quotetrace.extract.cues import Cue
from quotetrace.extract.marks import MarkedSpan
from quotetrace.extract.reported import ReportedQuote
from quotetrace.nlp import doc_text

# "TOVE:", "Q:", "JAKE TAPPER:", "Maren Tove:": up to three capitalised words and a colon opening a line.
LABEL = re.compile(r"^[ \t]*((?:[A-Z][\w.'’-]*)(?:[ \t]+[A-Z][\w.'’-]*){0,2})[ \t]*:[ \t]+(?=\S)", re.MULTILINE)
MIN_LABELLED_PARAGRAPHS = 2
OPENING_MARKS = frozenset("“\"‘«„")


def transcript_quotes(doc: Doc, spans: list[MarkedSpan]) -> list[ReportedQuote]:
    """A statement for each labelled paragraph of a transcript, attributed to its label."""
    text = doc_text(doc)
    found = [m for m in LABEL.finditer(text) if m.start() > 0]  # the first line is the title
    counts = Counter(m.group(1) for m in found)
    if max(counts.values(), default=0) < MIN_LABELLED_PARAGRAPHS:
        return []  # no one speaks twice: a headline or a list, not a transcript
    out = []
    for m in found:
        quote = _labelled_paragraph(doc, text, m, spans)
        if quote is not None:
            out.append(quote)
    return out


def _labelled_paragraph(doc: Doc, text: str, m: re.Match[str], spans: list[MarkedSpan]) -> ReportedQuote | None:
    start = m.end()
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    while end > start and text[end - 1].isspace():
        end -= 1
    if text[start] in OPENING_MARKS:
        return None  # a quotation: direct.py attributes it to the label
    label = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
    body = doc.char_span(start, end, alignment_mode="contract")
    if label is None or body is None or not _a_sentence(body):
        return None
    colon = doc.char_span(m.end(1), m.end(), alignment_mode="expand")
    if colon is None:
        return None
    token = next((t for t in colon if t.text == ":"), colon[0])
    inside = [s for s in spans if start <= s.start and s.end <= end]
    cue = Cue(token, ":", token.idx, token.idx + len(token), label, (start, end))
    return ReportedQuote(start, end, "mixed" if inside else "indirect", cue, inside)


def _a_sentence(body: Span) -> bool:
    return body.text.rstrip().endswith("?") or any(t.pos_ in ("VERB", "AUX") for t in body)
