"""Interviews and transcripts: a paragraph opened by a speaker's label is that speaker's statement.

    BRENNER: Forty years of numbers. If they say one thing, what is it?
    TOVE: That the melt season is about three weeks longer than it was in the early eighties. …
    Q: What does a farmer actually get?
    A: A text message. That's it. …
    **Gil Amadi:** Have you put that to the highways people?
    CALLER (RUTH): I walk with a stick. …
    QUESTION (Selin Aksoy, Tarn Valley Echo): When will the notice be lifted?

A label is a few capitalised words (a name, a surname in capitals, initials, "Q", "A"), perhaps in bold
(``**…:**``) and perhaps followed by a bracket, and a colon opening a paragraph; some label must open at least
two paragraphs of the document, which tells a transcript from a headline ("Analysis: …"), and what follows a
label must be a sentence (a verb, or a question), which tells it from a list ("Clinton: 1,769."). When the
label is a role ("CALLER", "QUESTION", "HOST") and its bracket starts with a name, the name is who speaks;
otherwise the bracket only says more about the speaker ("Dr Adjei (Lowmarsh General)").

The whole rest of the paragraph is one statement, whatever cues it holds ("I understand why …" inside an
answer is the interviewee's, not a statement of its own), and so is an unlabelled paragraph between two
labelled ones: an answer running over paragraphs (stage directions such as "[LAUGHTER]" or a timestamp are
skipped over). A quotation after the label is left to ``direct.py`` ("Continued Stone: “…”"). Who "Q" and
"A" are is for ``quotetrace.attribute``.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from spacy.tokens import Doc, Span

from quotetrace.extract.cues import Cue
from quotetrace.extract.marks import MarkedSpan
from quotetrace.extract.reported import ReportedQuote
from quotetrace.nlp import doc_text

# "TOVE:", "Q:", "JAKE TAPPER:", "Maren Tove:", "**Amadi:**", "**Amadi**:", "CALLER (RUTH):": up to three
# capitalised words, perhaps in bold and with a bracket after them, and a colon opening a line.
LABEL = re.compile(
    r"^[ \t]*(?P<bold>\*\*|__)?(?P<words>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2})"
    r"(?:[ \t]*\((?P<bracket>[^()\n]{1,60})\))?[ \t]*(?P=bold)?[ \t]*:[ \t]*(?P=bold)?[ \t]+(?=\S)",
    re.MULTILINE,
)
# Labels that say what someone is in the conversation, not who: the bracket after them names the speaker.
ROLE_LABELS = frozenset({
    "q", "question", "questioner", "a", "answer", "host", "co-host", "caller", "reporter", "journalist",
    "moderator", "interviewer", "presenter", "anchor", "guest", "panellist", "panelist", "listener",
    "voicemail", "audience", "member", "voice", "chair", "speaker",
})
# A line that is only a stage direction or a timestamp: "[LAUGHTER]", "(Applause)", "[00:08:40]", "14:05".
STAGE_DIRECTION = re.compile(r"^[ \t]*(?:\[[^\]\n]*\]|\([^)\n]*\)|\d{1,2}(?::\d{2}){1,2})[ \t]*$")
# ... and one closing a line of speech.
TRAILING_DIRECTION = re.compile(r"[ \t]*\[[^\]\n]*\]$")
MIN_LABELLED_PARAGRAPHS = 2
OPENING_MARKS = frozenset("“\"‘«„")


# A labelled paragraph's statement and its fragments (the paragraphs it runs over).
Turn = tuple[ReportedQuote, list[tuple[int, int]]]


def transcript_turns(doc: Doc, spans: list[MarkedSpan]) -> list[Turn]:
    """Each labelled paragraph's statement with its fragments: the paragraph itself and the unlabelled
    paragraphs that go on with it before the next label (one fragment when it has none)."""
    text = doc_text(doc)
    found = [m for m in LABEL.finditer(text) if m.start() > 0]  # the first line is the title
    counts = Counter(m.group("words") for m in found)
    if max(counts.values(), default=0) < MIN_LABELLED_PARAGRAPHS:
        # no one speaks twice: a headline, not a transcript, unless labelled paragraphs follow one another
        # (a comment section: "Ben_coach_RR: Easy days EASY." then "Sal (Strider_Sal): Sorry for …")
        found = _in_runs(text, found)
    turns = []
    for m in found:
        quote = _labelled_paragraph(doc, text, m, spans)
        if quote is not None:
            turns.append(quote)
    labels = [m.start() for m in found]
    return [_continued(doc, text, turn, labels, spans) for turn in turns]


def _in_runs(text: str, found: list[re.Match[str]]) -> list[re.Match[str]]:
    """The labels whose paragraph comes right after or right before another labelled paragraph."""
    adjacent = [_adjacent(text, a, b) for a, b in pairwise(found)]
    return [m for i, m in enumerate(found) if (i > 0 and adjacent[i - 1]) or (i < len(adjacent) and adjacent[i])]


def _adjacent(text: str, first: re.Match[str], second: re.Match[str]) -> bool:
    """Whether only blank lines and stage directions lie between ``first``'s line and ``second``."""
    line_end = text.find("\n", first.end())
    if line_end < 0 or line_end > second.start():
        return False
    return all(not line.strip() or STAGE_DIRECTION.match(line) for line in text[line_end:second.start()].split("\n"))


def _labelled_paragraph(doc: Doc, text: str, m: re.Match[str], spans: list[MarkedSpan]) -> ReportedQuote | None:
    start = m.end()
    end = _line_end(text, start)
    if text[start] in OPENING_MARKS:
        return None  # a quotation: direct.py attributes it to the label
    label = _speaker(doc, m)
    body = doc.char_span(start, end, alignment_mode="contract")
    if label is None or body is None or not _a_sentence(body):
        return None
    colon_at = text.rindex(":", m.end("words"), m.end())  # not one inside the bracket ("HOST (10:30):")
    colon = doc.char_span(colon_at, colon_at + 1, alignment_mode="expand")
    if colon is None:
        return None
    token = next((t for t in colon if t.text == ":"), colon[0])
    inside = [s for s in spans if start <= s.start and s.end <= end]
    cue = Cue(token, ":", token.idx, token.idx + len(token), label, (start, end))
    return ReportedQuote(start, end, "mixed" if inside else "indirect", cue, inside)


def _speaker(doc: Doc, m: re.Match[str]) -> Span | None:
    """The label's words, or the name in its bracket when the words are a role ("CALLER (RUTH)")."""
    bracket = m.group("bracket")
    words = m.group("words")
    if bracket is not None and words.lower() in ROLE_LABELS:
        name = bracket.split(",")[0].strip()
        if name[:1].isupper():
            at = m.start("bracket") + bracket.index(name)
            return doc.char_span(at, at + len(name), alignment_mode="contract")
    return doc.char_span(m.start("words"), m.end("words"), alignment_mode="contract")


def _continued(
    doc: Doc, text: str, turn: ReportedQuote, labels: list[int], spans: list[MarkedSpan]
) -> Turn:
    """``turn`` with the unlabelled paragraphs after it, when another labelled paragraph follows them."""
    next_label = min((at for at in labels if at > turn.end), default=None)
    if next_label is None:
        return turn, [(turn.start, turn.end)]
    fragments = [(turn.start, turn.end)]
    at = turn.end
    while True:
        line_start = text.find("\n", at) + 1
        if line_start <= 0 or line_start >= next_label:
            break
        line_end = _line_end(text, line_start)
        at = max(line_end, line_start)
        line = text[line_start:line_end]
        if not line.strip() or STAGE_DIRECTION.match(line):
            continue
        begin = line_start + len(line) - len(line.lstrip())
        body = doc.char_span(begin, line_end, alignment_mode="contract")
        if body is None or not _a_sentence(body):
            return turn, [(turn.start, turn.end)]  # a heading or a list between turns: not the answer's
        fragments.append((begin, line_end))
    if len(fragments) > 1:
        end = fragments[-1][1]
        inside = [s for s in spans if turn.start <= s.start and s.end <= end]
        turn.absorbed = inside
        turn.kind = "mixed" if inside else "indirect"
    return turn, fragments


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


def _a_sentence(body: Span) -> bool:
    return body.text.rstrip().endswith("?") or any(t.pos_ in ("VERB", "AUX") for t in body)
