"""Forum threads and comment sections: a quoted post is its author's statement, and so is a comment.

    spokesandspanners wrote:
    The lane is lovely until the bus stop …

    Quote from: Mags_Renting
    Don't let them fob you off with a dehumidifier.

    In reply to bramble_jo:
    > the only warm, free place in the Orchard estate
    There's the community centre on Lyle Road.

    kate_grows says: Old carpet between the rows! Looks awful, keeps the moisture in.

A header line that names a user and introduces their post ("X wrote:", "Quote from: X", "Quoting X:", "In
reply to X:", "Originally posted by X:") hands it the lines under it up to a blank line, or only the lines
marked ">" when the first one is (the rest is the reply's own text); a header with the post after its colon
on the same line hands it the rest of the line. A comment opened by "X says:" or "X writes:" is X's
statement to the end of its line: the comment is the attribution, whatever cues it holds inside. A user is
a handle ("gravel_grinder_88", "@Marrowman") or up to four capitalised words ("Wetherfield Library Friends").
Bylines ("Posted by X » 20 Nov") hand over nothing: what follows is the writer's own text.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from quotetrace.extract.cues import Cue
from quotetrace.extract.marks import MarkedSpan
from quotetrace.extract.reported import ReportedQuote
from quotetrace.nlp import doc_text

USER = r"(?P<user>@?[A-Za-z][\w.-]*\w(?:[ \t]+[A-Z][\w.'’-]*){0,3}|@?[A-Za-z])"
# "X wrote:" alone on its line (the post follows), or with the post after it.
WROTE = re.compile(rf"^[ \t]*{USER}[ \t]+(?P<cue>wrote|said|posted)[ \t]*:[ \t]*(?P<rest>[^\n]*)$", re.MULTILINE)
# "Quote from: X", "Quoting X:", "In reply to X:", "Originally posted by X:".
QUOTING = re.compile(
    rf"^[ \t]*(?P<cue>Quote from|Quoting|Quoted from|In reply to|Replying to|Originally posted by)[ \t]*:?[ \t]*"
    rf"{USER}[ \t]*(?::[ \t]*(?P<rest>[^\n]*))?$",
    re.MULTILINE,
)
# "kate_grows says: …": a comment and its author.
SAYS = re.compile(rf"^[ \t]*{USER}[ \t]+(?P<cue>says|writes|comments|replies)[ \t]*:[ \t]*(?P<rest>\S[^\n]*)$",
                  re.MULTILINE)
QUOTED_LINE = re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE)
# Words that open a sentence rather than name a user: "This wrote:" is not a handle.
NOT_USERS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "who", "someone", "everyone"})


def quoted_posts(doc: Doc, spans: list[MarkedSpan]) -> list[ReportedQuote]:
    """A statement for each quoted post and each comment of a thread, attributed to its user."""
    text = doc_text(doc)
    out = []
    for pattern in (WROTE, QUOTING, SAYS):
        for m in pattern.finditer(text):
            if m.group("user").lower() in NOT_USERS:
                continue
            found = _post(doc, text, m, spans)
            if found is not None:
                out.append(found)
    return sorted(out, key=lambda r: r.start)


def _post(doc: Doc, text: str, m: re.Match[str], spans: list[MarkedSpan]) -> ReportedQuote | None:
    rest = m.group("rest")
    if rest and rest.strip():
        if m.group("cue") == "said":
            return None  # "Smith said: …" on one line is news prose, which the cues read
        start = m.start("rest")
        end = m.end("rest")
    else:
        block = _block_under(text, m.end())
        if block is None:
            return None
        start, end = block
    while end > start and text[end - 1].isspace():
        end -= 1
    user = doc.char_span(m.start("user"), m.end("user"), alignment_mode="contract")
    cue_span = doc.char_span(m.start("cue"), m.end("cue"), alignment_mode="expand")
    if user is None or cue_span is None or end <= start:
        return None
    inside = [s for s in spans if start <= s.start and s.end <= end]
    cue = Cue(cue_span[0], m.group("cue"), m.start("cue"), m.end("cue"), user, (start, end))
    if len(inside) == 1 and (inside[0].start, inside[0].end) == (start, end):
        return ReportedQuote(start, end, "direct", cue, inside)  # 'Quoting X: “stored, not shelved”'
    return ReportedQuote(start, end, "mixed" if inside else "indirect", cue, inside)


def _block_under(text: str, header_end: int) -> tuple[int, int] | None:
    """The post under a header: the lines up to a blank line, or the ">" lines when the first is one."""
    lines = []
    at = header_end + 1
    while at < len(text):
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        line = text[at:end]
        if not line.strip():
            break
        lines.append((at, end))
        at = end + 1
    if not lines:
        return None
    marked = QUOTED_LINE.match(text, lines[0][0])
    if marked is not None:
        return marked.end(), _leading_marked(text, lines)[-1][1]
    first = lines[0][0] + len(text[lines[0][0] : lines[0][1]]) - len(text[lines[0][0] : lines[0][1]].lstrip())
    return first, lines[-1][1]


def _leading_marked(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for line in lines:
        if QUOTED_LINE.match(text, line[0]) is None:
            break
        out.append(line)
    return out
