"""Sentences that continue a reported statement join it, as PolNeAR annotates them.

A writer who summarises someone's argument often attributes it once for several sentences:

- closing: "The army is not short of recruits. It is short of sergeants. Drafting more is a waste, he
  argues." — the sentences before the one the attribution closes are the speaker's too;
- opening: "The retired judge argues: closing a court is not an administrative act. A courthouse is where a
  town watches the law being done." — free indirect speech after a colon.

A sentence joins while it is in the same paragraph, has a verb (a dateline has none), holds no quotation and
no attribution of its own (a cue the learned table guesses at with no one named, such as "190 opposed the
closures" or "people it can name", is part of the summary), and is not about a person or a document (its subject is no
personal pronoun, name of a person, or document noun: "From there the letter moves to bus timetables" and
"She is no stranger to the argument" are the writer's). The attribution must close its own sentence after a
comma, source first ("…, he argues.", "…, she says."), or open it with a colon; its verb is one of speech
(``lexicon.CONTINUATION_VERBS``). The joined sentences become the quote's fragments; its span runs from the
first to the last. In news the sentence before "…, he said." nearly always has an attribution of its own,
so PolNeAR moves by a unit or two either way.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from quotetrace.extract.cues import Cue
from quotetrace.extract.marks import MarkedSpan
from quotetrace.extract.reported import ReportedQuote
from quotetrace.lexicon import (
    CONTINUATION_VERBS,
    DOCUMENT_NOUNS,
    FIRST_PERSON,
    GROUP_MEMBER_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
)
from quotetrace.nlp import doc_text

# How many sentences a closing attribution reaches back over, and an opening one forward.
MAX_BEFORE = 4
MAX_AFTER = 6
PERSONAL = frozenset(PERSON_PRONOUNS) | PLURAL_PRONOUNS | FIRST_PERSON


@dataclass(frozen=True, slots=True)
class _Sentences:
    """The document's sentences, with what stops a continuation in each."""

    spans: list[Span]
    starts: list[int]
    closed: list[bool]  # holds a quotation or an attribution of its own

    def index(self, char: int) -> int:
        return bisect_right(self.starts, char) - 1


def continuation_fragments(
    doc: Doc, reported: list[ReportedQuote], cues: list[Cue], spans: list[MarkedSpan]
) -> dict[int, list[tuple[int, int]]]:
    """For each reported quote (by ``id``) that a continuation extends, all its fragments in text order."""
    candidates = [r for r in reported if r.kind == "indirect" and _continues(r.cue)]
    if not candidates:
        return {}
    sentences = _sentences(doc, cues, spans)
    text = doc_text(doc)
    out: dict[int, list[tuple[int, int]]] = {}
    for r in candidates:
        k = sentences.index(r.start)
        if k < 0:
            continue
        sent = sentences.spans[k]
        closing = _closing_comma(text, r, sent.end_char)
        opening = _opening(text, sent.start_char, r.start)
        if closing is not None and opening is not None:
            before = _walk(text, sentences, k, -1, MAX_BEFORE)
            if before:
                # the sentence the attribution closes is said up to it ("…, in cases never brought, she adds")
                out[id(r)] = [*before, (opening, max(r.end, closing))]
        elif r.cue.end <= r.start and text[r.cue.end : r.start].strip() == ":" and _closes(text, r.end, sent.end_char):
            after = _walk(text, sentences, k, +1, MAX_AFTER)
            if after:
                out[id(r)] = [(r.start, r.end), *after]
    return out


def _continues(cue: Cue) -> bool:
    """A verb of sustained argument with a source, which the table did not guess at."""
    return cue.subject is not None and cue.rate is None and cue.token.lemma_.lower() in CONTINUATION_VERBS


def _closing_comma(text: str, r: ReportedQuote, sentence_end: int) -> int | None:
    """Where the content ends when the attribution closes its sentence after a comma, source first: "…,
    he argues." (not "columns Bradley wrote", nor "…, and 4 in 10 said")."""
    subject = r.cue.subject
    if subject is None or not r.end <= subject.start_char < r.cue.start < sentence_end:
        return None
    before = text[r.end : subject.start_char].rstrip()
    if not before.endswith((",", ",”")) or text[subject.end_char : r.cue.start].strip(" ,"):
        return None
    return r.end + len(before.rstrip(",”").rstrip())


def _opening(text: str, sentence_start: int, start: int) -> int | None:
    """Where the content begins when it begins its sentence ("The army is short of sergeants, he argues."),
    or a clause after a semicolon does ("Estates will drill deeper; after that nothing will help, she
    continues.": the whole sentence is hers); None when the writer's words come first."""
    before = text[sentence_start:start]
    if before.strip(" \n“”\"'‘’") == "":
        return start
    if before.rstrip().endswith(";") and "," not in before[:3]:
        return len(before) - len(before.lstrip()) + sentence_start
    return None


def _closes(text: str, end: int, sentence_end: int) -> bool:
    """The content ends its sentence: "He argues: courts are not tax offices."."""
    return text[end:sentence_end].strip(" \n.!?…") == ""


def _walk(text: str, sentences: _Sentences, k: int, step: int, limit: int) -> list[tuple[int, int]]:
    """The sentences next to sentence ``k`` that continue it, up to ``limit``, as character spans."""
    out: list[tuple[int, int]] = []
    edge = _trimmed(text, sentences.spans[k].start_char, sentences.spans[k].end_char)
    j = k + step
    while edge is not None and 0 <= j < len(sentences.spans) and len(out) < limit and not sentences.closed[j]:
        before = sentences.spans[j - 1] if j > 0 else None
        if _about_someone(sentences.spans[j], before) or not any(t.pos_ in ("VERB", "AUX") for t in sentences.spans[j]):
            break
        span = _trimmed(text, sentences.spans[j].start_char, sentences.spans[j].end_char)
        if span is None:
            break
        between = text[span[1] : edge[0]] if step < 0 else text[edge[1] : span[0]]
        if "\n" in between or "\n" in text[span[0] : span[1]]:
            break  # a continuation stays in its paragraph
        out.append(span)
        edge = span
        j += step
    return sorted(out)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A sentence without surrounding space and its final full stop (as reported content is written)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".;"):
        end -= 1
    return (start, end) if end > start else None


def _sentences(doc: Doc, cues: list[Cue], spans: list[MarkedSpan]) -> _Sentences:
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]
    closed = [False] * len(sents)  # by attributions and quotations here; by what a sentence is about in _walk
    for cue in cues:
        if _own_attribution(cue):
            closed[bisect_right(starts, cue.start) - 1] = True
    for mark in spans:
        for k in range(max(0, bisect_right(starts, mark.start) - 1), bisect_right(starts, mark.end - 1)):
            closed[k] = True
    return _Sentences(sents, starts, closed)


def _own_attribution(cue: Cue) -> bool:
    """A cue that makes its sentence an attribution of its own: one with content, from the lexicon, or from
    the learned table when someone named or described says it ("The Europeans derided the deal"). Not the
    table's guesses at what no one in particular does ("190 opposed the closures", "people it can name"), nor
    a verb that could only attribute a quotation beside it ("what a valley agrees to keep")."""
    if cue.content is None:
        return False
    if cue.rate is None:
        return True
    subject = cue.subject.root if cue.subject is not None else None
    return subject is not None and (
        subject.pos_ == "PROPN"
        or subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or subject.lemma_.lower() in PERSON_NOUNS
        or subject.lemma_.lower() in GROUP_MEMBER_NOUNS
    )


def _about_someone(sent: Span, before: Span | None) -> bool:
    """The sentence tells of a person or of a document ("She is no stranger to the argument", "From there
    the letter moves to bus timetables"), as the writer does, or ends in a colon that introduces more. "They"
    after a sentence about things ("Audits are cheap. They take a week.") is those things."""
    if sent.text.rstrip().endswith(":"):
        return True
    subject = _subject(sent)
    if subject is None:
        return False
    word = subject.lower_
    if word == "they" and before is not None and _things(_subject(before)):
        return False
    return (
        word in PERSONAL
        or (subject.ent_type_ == "PERSON" and subject.pos_ == "PROPN")  # ("Salt will move inland" is no one)
        or (subject.pos_ == "NOUN" and subject.lemma_.lower() in DOCUMENT_NOUNS)
    )


def _subject(sent: Span) -> Token | None:
    return next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _things(subject: Token | None) -> bool:
    """A plural common noun that names no people ("reviews", "the meters"; not "farmers", "deputies")."""
    return (
        subject is not None and subject.tag_ == "NNS" and subject.ent_type_ == ""
        and subject.lemma_.lower() not in PERSON_NOUNS and subject.lemma_.lower() not in GROUP_MEMBER_NOUNS
    )
