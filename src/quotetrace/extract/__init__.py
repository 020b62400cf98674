"""Finding statements in an annotated document: direct quotations and reported speech.

``find_quotes`` composes the steps: quotation marks (``marks``) and attribution cues on the parse
(``cues``) become reported quotes (``reported``) and attributed direct quotes (``direct``). The speaker is
left as written (``speaker_mention``); ``quotetrace.attribute`` resolves it to a name.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Span

from quotetrace.extract.channels import with_channels
from quotetrace.extract.confidence import Evidence, confidence, direct_evidence, reported_evidence, turn_evidence
from quotetrace.extract.continuations import continuation_fragments
from quotetrace.extract.cue_model import learned_cues
from quotetrace.extract.cues import Cue, find_cues
from quotetrace.extract.direct import (
    DirectQuote,
    attach_cues,
    closed_by_punctuation,
    is_statement_like,
    is_titled,
    looks_like_title,
    named_with_article,
    root_of,
)
from quotetrace.extract.marks import MarkedSpan, find_marked_spans
from quotetrace.extract.parentheticals import parenthetical_fragments
from quotetrace.extract.posts import quoted_posts
from quotetrace.extract.reported import ReportedQuote, reported_quotes
from quotetrace.extract.senses import NOT_POLNEAR_RULES
from quotetrace.extract.sources import with_source
from quotetrace.extract.transcripts import TURN_ROLES, USER, Turn, transcript_turns
from quotetrace.model import Mention, Quote, QuoteKind, TextSpan
from quotetrace.nlp import doc_text
from quotetrace.settings import Settings

__all__ = ["UNCLOSED_MARKS", "Evidence", "find_quotes", "find_quotes_with_evidence", "named_mentions"]

MENTION_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Where find_quotes leaves the offsets of quotation marks that never close, for the caller to report.
UNCLOSED_MARKS = "quotetrace.unclosed_marks"
# A split quotation is returned as one Quote when the attribution between its parts is this short
# (", she said. "); past that the parts are separate Quotes of the same speaker, so that a long
# attribution ("…,” Ms. Hughes said, pointing out where the store used to be. “…”) is not quoted text.
MAX_MERGE_GAP = 40


def find_quotes(doc: Doc, settings: Settings, cue_table: Mapping[str, float] | None = None) -> list[Quote]:
    """Every attributed statement in ``doc``, in text order, with offsets into ``doc.text``.

    ``cue_table`` replaces the shipped learned cue table (``cue_model``), as the held-out benchmarks do.
    """
    return [q for q, _ in find_quotes_with_evidence(doc, settings, cue_table)]


def find_quotes_with_evidence(
    doc: Doc, settings: Settings, cue_table: Mapping[str, float] | None = None
) -> list[tuple[Quote, Evidence]]:
    """``find_quotes``, each quote with the evidence its confidence was computed from."""
    text = doc_text(doc)
    spans = find_marked_spans(text)
    doc.user_data[UNCLOSED_MARKS] = [s.start for s in spans if not s.closed]
    table = (learned_cues() if cue_table is None else cue_table) if settings.learned_cues else None
    found = find_cues(doc, table, settings.without_senses | (NOT_POLNEAR_RULES if settings.cues == "broad"
                                                            else frozenset()))
    cues = with_channels([_source_outside_quotes(doc, c, spans) for c in found])
    attached = attach_cues(doc, spans, cues)
    turns = _with_posts(transcript_turns(doc, spans), quoted_posts(doc, spans))
    doc.user_data[TURN_ROLES] = {t.quote.start: t.role for t in turns if t.role is not None}
    reported = _with_transcript(reported_quotes(text, cues, spans), turns)
    absorbed = {id(s) for r in reported for s in r.absorbed}
    # a turn or a post is whole as it stands: no sentence around it continues it
    labelled = {id(t.quote): t for t in turns}
    others = [r for r in reported if id(r) not in labelled]
    continued = continuation_fragments(doc, others, cues, spans)
    around = parenthetical_fragments(doc, others)
    quotes = [_turn_quote(text, labelled[id(r)]) if id(r) in labelled else
              _reported_quote(text, r, continued.get(id(r)) or around.get(id(r), []), id(r) in continued)
              for r in reported]
    directs = [d for d in attached if id(d.span) not in absorbed]
    quotes.extend(_direct_quotes(text, directs, settings))
    quotes.sort(key=lambda q: q[0].start)
    return _without_overlaps(quotes)


def _with_posts(turns: list[Turn], posts: list[Turn]) -> list[Turn]:
    """A thread's quoted posts and comments join a transcript's turns, unless they lie inside one."""
    pieces = [piece for t in turns for piece in t.fragments]
    kept = [p for p in posts if not any(p.quote.start < end and start < p.quote.end for start, end in pieces)]
    return sorted([*turns, *kept], key=lambda t: t.quote.start)


def _with_transcript(reported: list[ReportedQuote], turns: list[Turn]) -> list[ReportedQuote]:
    """A transcript's turns (and the paragraphs that go on with them) replace the attributions found inside
    them (which do not nest)."""
    if not turns:
        return reported
    pieces = [piece for t in turns for piece in t.fragments]
    kept = [r for r in reported if not any(r.start < end and start < r.end for start, end in pieces)]
    return sorted([*kept, *(t.quote for t in turns)], key=lambda r: r.start)


def _source_outside_quotes(doc: Doc, cue: Cue, spans: list[MarkedSpan]) -> Cue:
    """A cue outside quotation marks is never said by someone named inside them ('when asked whether …'
    after “We’ll see,”): the parse ran into the quotation, so look for the source outside it."""
    if cue.subject is None:
        return cue
    for s in spans:
        if s.start <= cue.subject.start_char < s.end and not s.start <= cue.start < s.end:
            return with_source(doc, cue, s.start, s.end)
    return cue


def _reported_quote(
    text: str, r: ReportedQuote, fragments: list[tuple[int, int]], continued: bool
) -> tuple[Quote, Evidence]:
    """A reported quote; one that sentences before or after it continue, or whose cue sits inside it, runs
    over its fragments."""
    evidence = reported_evidence(r, continued=continued)
    if not fragments:
        return _quote(text, r.start, r.end, r.kind, r.cue, evidence)
    quote, _ = _quote(text, fragments[0][0], fragments[-1][1], r.kind, r.cue, evidence)
    quote.fragments = [TextSpan(text[a:b], a, b) for a, b in fragments]
    return quote, evidence


def _turn_quote(text: str, turn: Turn) -> tuple[Quote, Evidence]:
    """A turn of a conversation or a thread, over the paragraphs it runs over."""
    r = turn.quote
    # a label is a cue as a colon after a name is; a post's header ("X wrote:") is read as its cue
    evidence = reported_evidence(r) if turn.role == USER else turn_evidence(r)
    quote, _ = _quote(text, r.start, r.end, r.kind, r.cue, evidence)
    if turn.speaker is not None:
        quote.speaker_mention = TextSpan(text[turn.speaker[0] : turn.speaker[1]], *turn.speaker)
    if len(turn.fragments) > 1:
        quote.fragments = [TextSpan(text[a:b], a, b) for a, b in turn.fragments]
    return quote, evidence


def _direct_quotes(text: str, directs: list[DirectQuote], settings: Settings) -> list[tuple[Quote, Evidence]]:
    """One Quote per statement: a quotation split by its attribution ("“A,” he said. “B”") is one."""
    groups: list[list[DirectQuote]] = []
    for d in (d for d in directs if _is_statement(text, d, settings)):
        if (
            d.how == "split"
            and groups
            and groups[-1][-1] is d.continued_from
            and d.start - groups[-1][-1].end <= (MAX_MERGE_GAP)
        ):
            groups[-1].append(d)
        else:
            groups.append([d])
    quotes = []
    for g in groups:
        quote, evidence = _quote(text, g[0].start, g[-1].end, "direct", root_of(g[0]).cue, direct_evidence(g[0]))
        if len(g) > 1:
            quote.fragments = [TextSpan(text[d.start : d.end], d.start, d.end) for d in g]
        quotes.append((quote, evidence))
    return quotes


def _is_statement(text: str, d: DirectQuote, settings: Settings) -> bool:
    # a quoted name after an article, unless it is what its cue reports ("to fear a “Putin-RibbenTRUMP Pact”")
    if is_titled(text, d.span) or (named_with_article(text, d.span) and d.how != "clause"):
        return False
    short = not is_statement_like(text, d.span, settings)
    if short and d.how == "after" and not closed_by_punctuation(text, d.span):
        return False  # a nickname inside a name: 'Defender Kofi “Tank” Mensah had given City the lead'
    if d.how == "split" or (d.cue is not None and d.how != "context"):
        return True
    return not short and not looks_like_title(text, d.span)


def _quote(text: str, start: int, end: int, kind: QuoteKind, cue: Cue | None,
           evidence: Evidence) -> tuple[Quote, Evidence]:
    mention = None if cue is None else _text_span(cue.subject)
    quote = Quote(
        text=text[start:end],
        start=start,
        end=end,
        kind=kind,
        cue=cue.text or None if cue is not None else None,
        speaker_mention=mention,
        confidence=confidence(evidence),
        type=evidence.type,
        via=None if cue is None else _text_span(cue.via),
    )
    return quote, evidence


def _text_span(span: Span | None) -> TextSpan | None:
    return None if span is None else TextSpan(span.text, span.start_char, span.end_char)


def _without_overlaps(found: list[tuple[Quote, Evidence]]) -> list[tuple[Quote, Evidence]]:
    """Attributions do not nest: of two overlapping quotes keep the longer one."""
    out: list[tuple[Quote, Evidence]] = []
    for q, e in sorted(found, key=lambda f: -(f[0].end - f[0].start)):
        if all(q.end <= o.start or q.start >= o.end for o, _ in out):
            out.append((q, e))
    return sorted(out, key=lambda f: f[0].start)


def named_mentions(doc: Doc) -> list[Mention]:
    """People, organisations and places named in the document (NER)."""
    return [Mention(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in MENTION_LABELS]
