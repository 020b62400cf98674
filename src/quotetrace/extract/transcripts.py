"""Interviews and transcripts: each turn of a conversation is one statement of whoever the turn belongs to.

A turn opens with a speaker label (``labels``: "TOVE:", "**Lund:**", "Carmen Ruiz –", "[00:00:19] Anja
Petersen:", "Q.", a name alone on its line) or, in a Q&A without labels, is a question set apart by the layout
or the answer under it (``questions``). The whole rest of the label's line is the statement, whatever cues it
holds ("I understand why …" inside an answer is the interviewee's, not a statement of its own), and so are
the unlabelled paragraphs between it and the next label: an answer running over paragraphs (stage
directions such as "[LAUGHTER]" or a timestamp are skipped over; a paragraph that is no sentence, a heading
or a list, ends the turn). What follows the last label is the writer's again, past its first paragraph. When
the document labels only its questions ("Q:" over unlabelled answers), the paragraphs under a question are
its answer; when it labels only its answers, a question in bold or italics between them is the interviewer's.

When a label is a role ("CALLER", "QUESTION", "HOST") and its bracket starts with a name, the name is who
speaks; otherwise the bracket only says more about the speaker ("Dr Adjei (Lowmarsh General)"). A label
followed by one quotation, alone or signed with a dash, is left to ``direct.py`` (a headline "Tove: “…”", a
fact check's "THE CLAIM: “…” — Mayor Pryce"). Who a role ("Q", "HOST",
"INTERVIEWER") or a turn without a label is, ``quotetrace.attribute`` reads from ``TURN_ROLES``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from quotetrace.extract.cues import Cue
from quotetrace.extract.labels import MIN_REPEATS, STAGE_DIRECTION, Label, is_header, speaker_labels
from quotetrace.extract.marks import MarkedSpan
from quotetrace.extract.questions import layout_turns, set_apart_questions
from quotetrace.extract.reported import ReportedQuote
from quotetrace.extract.sources import DASHES
from quotetrace.nlp import doc_text

# Where the extractor leaves, for quotetrace.attribute, the part played by the speaker of each turn whose label
# is a role or that has no label: the start of the turn's statement → "question", "answer", "host" or
# "audience"; "label" for a turn whose label is a name as written ("OQ", "Ilse", "HARBOUR MASTER"); "user" for
# a thread's quoted post or comment, whose author is a user name as written ("lettie_rides").
TURN_ROLES = "quotetrace.turn_roles"
LABEL = "label"
USER = "user"
# ... and one closing a line of speech: "… I think. [LAUGHTER]", "… (inaudible)".
TRAILING_DIRECTION = re.compile(r"[ \t]*(?:\[[^\]\n]*\]|\([A-Za-z][a-z ]{0,30}\))$")
OPENING_MARKS = frozenset("“\"‘«„")
# Words a turn without a verb needs to be a sentence ("Anything with a battery."), not a figure ("52 percent.").
MIN_VERBLESS_WORDS = 3

IsSentence = Callable[[int, int], bool]


@dataclass(slots=True)
class TurnSpan:
    """One turn, before it meets the parse: the spans it runs over, the part its speaker plays (None for a
    name), the speaker as written (a label's who, or the name in its bracket; None when only the layout says),
    and its label's closing mark (the cue)."""

    fragments: list[tuple[int, int]]
    role: str | None
    speaker: tuple[int, int] | None = None
    marker: tuple[int, int] | None = None


@dataclass(slots=True)
class Turn:
    """A turn as a statement: its reported quote, the spans it runs over, its role for ``TURN_ROLES``, and
    where its speaker is written when that is not a whole token ('[quote="Pipit_77"]', "Q.")."""

    quote: ReportedQuote
    fragments: list[tuple[int, int]]
    role: str | None = None
    speaker: tuple[int, int] | None = None


def conversation(text: str, is_sentence: IsSentence, spans: list[MarkedSpan]) -> list[TurnSpan]:
    """The turns of ``text``, if it is a conversation: labelled turns, or a Q&A set out by its layout."""
    apart = set_apart_questions(text)
    labels = speaker_labels(text, asked_apart=len(apart) >= MIN_REPEATS)
    if not labels:
        return [TurnSpan(list(t.fragments), t.role) for t in layout_turns(text)]
    questions_only = all(label.role(text) == "question" for label in labels)
    labelled_lines = {label.line for label in labels}
    first = min(labelled_lines)
    # the questions set apart among the labelled turns (one just before the first label asks it)
    asked = [q for q in apart if q[0] not in labelled_lines and q[0] >= _line_before(text, first)]
    starts = sorted([*labelled_lines, *(q[0] for q in asked)])
    turns = [TurnSpan([(start, end)], "question") for _, start, end in asked]
    for label in labels:
        turn = _labelled(text, label, is_sentence, spans)
        if turn is None:
            continue
        following = _following(text, turn.fragments[0][1], starts, is_sentence)
        if questions_only and following:
            turns += [turn, TurnSpan(following, "answer")]
        else:
            turn.fragments += following
            turns.append(turn)
    return sorted(turns, key=lambda t: t.fragments[0][0])


def transcript_turns(doc: Doc, spans: list[MarkedSpan]) -> list[Turn]:
    """The turns of an English ``doc`` as statements."""
    text = doc_text(doc)
    turns = (_statement(doc, span, spans) for span in conversation(text, lambda a, b: _a_sentence(doc, a, b), spans))
    return [t for t in turns if t is not None]


def _labelled(text: str, label: Label, is_sentence: IsSentence, spans: list[MarkedSpan]) -> TurnSpan | None:
    start = label.body
    end = _line_end(text, start)
    if end <= start or not is_sentence(start, end):
        return None
    if text[start] in OPENING_MARKS and any(
            s.start == start and (s.end >= end - 1 or text[s.end:end].lstrip()[:1] in DASHES) for s in spans):
        return None  # one quotation, alone or signed ("THE CLAIM: “…” — Mayor Pryce"): direct.py attributes it
    role = label.role(text)
    speaker = label.who
    if label.bracket is not None and role is not None:
        named = _bracket_name(text, label.bracket)
        if named is not None:
            speaker, role = named, None  # "CALLER (RUTH)": the caller is named
    return TurnSpan([(start, end)], role or LABEL, speaker, None if label.alone else label.marker)


def _line_before(text: str, at: int) -> int:
    """Where the last non-blank line before ``at`` starts (-1 when there is none)."""
    end = len(text[:at].rstrip())
    return text.rfind("\n", 0, end) + 1 if end > 0 else -1


def _bracket_name(text: str, bracket: tuple[int, int]) -> tuple[int, int] | None:
    """The name a role's bracket starts with: "CALLER (RUTH)", "QUESTION (Selin Aksoy, Tarn Valley Echo)"."""
    inside = text[bracket[0] : bracket[1]]
    name = inside.split(",")[0].strip()
    if not name or not (name[:1].isupper() or len(name.split()) == 1):
        return None  # a name, or a handle ("Reader (tidewatcher)")
    at = bracket[0] + inside.index(name)
    return at, at + len(name)


def _following(text: str, after: int, labels: list[int], is_sentence: IsSentence) -> list[tuple[int, int]]:
    """The unlabelled paragraphs after a turn that go on with it: up to the next label when one follows them
    and all are sentences; none after the last label."""
    next_label = min((at for at in labels if at > after), default=None)
    if next_label is None:
        return []
    fragments: list[tuple[int, int]] = []
    at = after
    while True:
        line_start = text.find("\n", at) + 1
        if line_start <= 0 or line_start >= next_label:
            return fragments
        line_end = _line_end(text, line_start)
        at = max(line_end, line_start)
        line = text[line_start:line_end]
        if not line.strip() or STAGE_DIRECTION.match(line) or is_header(line):
            continue  # a caption or a note between two turns is no part of either
        begin = line_start + len(line) - len(line.lstrip())
        if not is_sentence(begin, line_end):
            return []  # a heading or a list between turns: not the answer's
        fragments.append((begin, line_end))


def _statement(doc: Doc, turn: TurnSpan, spans: list[MarkedSpan]) -> Turn | None:
    """A turn as a reported quote whose cue is its label's mark (or, without a label, its first token)."""
    start, end = turn.fragments[0][0], turn.fragments[-1][1]
    mark = turn.marker or (start, start + 1)
    cue_span = doc.char_span(mark[0], mark[1], alignment_mode="expand")
    speaker = None if turn.speaker is None else (doc.char_span(*turn.speaker, alignment_mode="contract")
                                                 or doc.char_span(*turn.speaker, alignment_mode="expand"))
    if cue_span is None or len(cue_span) == 0 or (turn.speaker is not None and speaker is None):
        return None
    token = next((t for t in cue_span if not t.is_space), cue_span[0])
    text = doc_text(doc)
    cue_text = text[mark[0] : mark[1]] if turn.marker is not None else ""
    cue = Cue(token, cue_text, token.idx, token.idx + len(token), speaker, (start, end))
    inside = [s for s in spans if start <= s.start and s.end <= end]
    quote = ReportedQuote(start, end, "mixed" if inside else "indirect", cue, inside)
    return Turn(quote, turn.fragments, turn.role, turn.speaker)


def _line_end(text: str, start: int) -> int:
    """Where the line from ``start`` ends, without trailing spaces or a stage direction ("… I think.
    [LAUGHTER]")."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    while end > start and text[end - 1].isspace():
        end -= 1
    closing = TRAILING_DIRECTION.search(text, start, end)
    if closing is not None and closing.start() > start:
        end = closing.start()
    return end


def _a_sentence(doc: Doc, start: int, end: int) -> bool:
    """Whether a turn's words are something said, not a figure in a list ("Clinton: 1,769."): a question, a
    clause, or a sentence of a few words without a verb ("Anything with a battery.")."""
    body: Span | None = doc.char_span(start, end, alignment_mode="contract")
    if body is None:
        return False
    words = body.text.rstrip()
    if words.endswith("?") or any(t.pos_ in ("VERB", "AUX") for t in body):
        return True
    return words.endswith((".", "!", "…")) and sum(t.is_alpha for t in body) >= MIN_VERBLESS_WORDS
