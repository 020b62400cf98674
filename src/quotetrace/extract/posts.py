"""Forum threads, mailing lists and comment sections: a quoted post is its author's statement, and so is a
comment.

    spokesandspanners wrote:                         marrow_man said:
    The lane is lovely until the bus stop …          The list for Heath Lane is closed …
                                                     Click to expand...
    Quote from: Hedgehog_Hal on 14 May 2024, 21:05
    The developer promised tunnels …                 On Tue, 3 Sep 2024 at 10:02, Agnes Pilbeam <agnes@…> wrote:
                                                     > The stile past the second gate has rotted through.
    In reply to bramble_jo:
    > the only warm, free place in the Orchard estate   [quote="Pipit_77"]The hide has been shut …[/quote]
    There's the community centre on Lyle Road.
                                                     Jonah Ferris says:
    kate_grows says: Old carpet between the rows!    March 3, 2024 at 9:14 pm
                                                     Twenty minutes is fine in the day. …

A header line names a user and introduces their words: "X wrote:" (said, posted, replied, commented; perhaps
"On <date>, X <address> wrote:" as a mail client writes it, "X on <date> said:" as a blog does, perhaps "@X";
perhaps followed by a link back and a date, "wrote: ↑Sat Jul 06, 2024"), "Quote from: X", "Quoting X:",
"In reply to X:", "Originally Posted by X" (perhaps with "on <date>" after the user), and a comment's "X
says:" or "X writes:". It hands the user the lines under it up to a blank line (a line "Click to
expand..." or "Reply" ends them too, and a date line right under a comment's header is skipped), or only
the lines marked ">" when the first one is (the rest is the reply's own text); a header with the words after
its colon on the same line hands over the rest of the line. A BBCode quotation "[quote=X]…[/quote]" is X's.
A user is a handle ("gravel_grinder_88", "@Marrowman") or up to four capitalised words ("Wetherfield Library
Friends"). Bylines ("Posted by X » 20 Nov", "bramble_jo · 16 April 2024") hand over nothing: what follows is
the writer's own text.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from quotetrace.extract.cues import Cue
from quotetrace.extract.marks import MarkedSpan
from quotetrace.extract.reported import ReportedQuote
from quotetrace.extract.transcripts import USER, Turn
from quotetrace.model import QuoteKind
from quotetrace.nlp import doc_text

USER_NAME = r"(?P<user>@?[A-Za-z][\w.-]*\w(?:[ \t]+[A-Z][\w.'’-]*){0,3}|@?[A-Za-z])"
# When a post was written, after its user: "on 14 May 2024, 21:05", "at 10:02".
_WHEN = r"(?:[ \t]+(?:on|at|@)[ \t]+[^\n]{1,40}?)?"
# "X wrote:" alone on its line (the post follows), or with the post after it; "On <date>, X <mail> wrote:".
WROTE = re.compile(
    rf"^[ \t>]*(?:On[ \t]+[^\n]{{3,80}}?,[ \t]*)?{USER_NAME}(?:[ \t]*<[^<>\n]+>)?(?:[ \t]*\([^()\n]{{1,40}}\))?{_WHEN}"
    rf"[ \t]+(?P<cue>wrote|said|posted|replied|commented){_WHEN}[ \t]*:[ \t]*(?P<rest>[^\n]*)$",
    re.MULTILINE,
)
# What a forum may print after a header's colon instead of the post: a link back to it and its date
# ("wrote: ↑Sat Jul 06, 2024 6:55 pm").
_HEADER_TAIL = re.compile(
    r"^[ \t]*[↑^»]?[ \t]*(?:[A-Z][a-z]{2},?[ \t]+)?[A-Z][a-z]{2}[a-z]*[ \t]+\d{1,2},?[ \t]+\d{4}[^\n]*$")
# "Quote from: X", "Quoting X:", "In reply to X:", "Originally Posted by X on 14 May 2024".
QUOTING = re.compile(
    rf"^[ \t>]*(?P<cue>(?i:Quote from|Quoting|Quoted from|In reply to|Replying to|Reply to|Originally posted by))"
    rf"[ \t]*:?[ \t]*{USER_NAME}(?:[ \t]+(?:on|at|@)[ \t]+[^\n]{{1,40}}?[ \t]*$|[ \t]*(?::[ \t]*(?P<rest>[^\n]*))?$)",
    re.MULTILINE,
)
# "kate_grows says: …" (the comment after it, or under it): a comment and its author.
SAYS = re.compile(rf"^[ \t]*{USER_NAME}[ \t]+(?P<cue>says|writes|comments|replies)[ \t]*:[ \t]*(?P<rest>[^\n]*)$",
                  re.MULTILINE)
# "[quote=X]…[/quote]", '[quote="X"]…[/quote]': BBCode that a page's text kept.
BBCODE = re.compile(r"\[quote=[\"“']?(?P<user>[^\]\"”'\n]{1,40}?)[\"”']?(?:[ \t][^\]\n]*)?\](?P<body>.*?)\[/quote\]",
                    re.IGNORECASE | re.DOTALL)
QUOTED_LINE = re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE)
# Lines that close a quoted post or a comment: a forum's fold, a comment's reply link.
BLOCK_ENDS = frozenset({"click to expand...", "click to expand…", "reply", "reply ↓", "[/quote]"})
# A date alone on its line under a comment's header: "March 3, 2024 at 9:14 pm", "4 March 2024, 07:02".
DATE_LINE = re.compile(
    r"^[ \t]*(?:[A-Z][a-z]+,?[ \t]+)?(?:\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]+|[A-Z][a-z]+[ \t]+\d{1,2}"
    r"(?:st|nd|rd|th)?),?[ \t]+\d{4}(?:,?[ \t]+(?:at[ \t]+)?\d{1,2}[:.]\d{2}(?:[ \t]*[ap]\.?m\.?)?)?[ \t]*$"
    r"|^[ \t]*\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2})?[ \t]*$",
    re.IGNORECASE,
)
# Words that open a sentence rather than name a user: "This wrote:" is not a handle.
NOT_USERS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "who", "someone", "everyone"})


def quoted_posts(doc: Doc, spans: list[MarkedSpan]) -> list[Turn]:
    """A statement for each quoted post and each comment of a thread, attributed to its user."""
    text = doc_text(doc)
    out = []
    for pattern in (WROTE, QUOTING, SAYS):
        for m in pattern.finditer(text):
            if m.group("user").lstrip("@").lower() in NOT_USERS:
                continue
            found = _post(doc, text, m, spans)
            if found is not None:
                out.append(found)
    out.extend(q for q in (_bbcode(doc, m, spans) for m in BBCODE.finditer(text)) if q is not None)
    return sorted(out, key=lambda t: t.quote.start)


def _post(doc: Doc, text: str, m: re.Match[str], spans: list[MarkedSpan]) -> Turn | None:
    rest = m.group("rest")
    if rest and _HEADER_TAIL.match(rest):
        rest = ""  # the post is under the header; the rest of its line is when it was written
    if rest and rest.strip():
        if m.group("cue").lower() == "said":
            return None  # "Smith said: …" on one line is news prose, which the cues read
        start = m.start("rest")
        end = m.end("rest")
    else:
        block = _block_under(text, m.end(), skip_date=m.re is SAYS)
        if block is None:
            return None
        start, end = block
    return _statement(doc, text, (m.start("user"), m.end("user")), (m.start("cue"), m.end("cue")), start, end,
                      spans, m.start())


def _bbcode(doc: Doc, m: re.Match[str], spans: list[MarkedSpan]) -> Turn | None:
    body = m.group("body")
    start = m.start("body") + len(body) - len(body.lstrip())
    opening = m.group(0)[: m.start("user") - m.start()].rstrip("\"“'=")
    return _statement(doc, doc_text(doc), (m.start("user"), m.end("user")), (m.start(), m.start() + len(opening)),
                      start, m.end("body"), spans, m.start())


def _statement(doc: Doc, text: str, user_at: tuple[int, int], cue_at: tuple[int, int], start: int, end: int,
               spans: list[MarkedSpan], header: int) -> Turn | None:
    """The post from ``start`` to ``end``; quotation marks in its header ('[quote="X"]') quote nothing."""
    while end > start and text[end - 1].isspace():
        end -= 1
    user = doc.char_span(*user_at, alignment_mode="contract") or doc.char_span(*user_at, alignment_mode="expand")
    cue_span = doc.char_span(*cue_at, alignment_mode="expand")
    if user is None or cue_span is None or len(cue_span) == 0 or end <= start:
        return None
    inside = [s for s in spans if start <= s.start and s.end <= end]
    in_header = [s for s in spans if header <= s.start and s.end <= start]
    cue = Cue(cue_span[0], text[cue_at[0] : cue_at[1]], cue_at[0], cue_at[1], user, (start, end))
    whole = len(inside) == 1 and (inside[0].start, inside[0].end) == (start, end)  # 'Quoting X: “stored, not shelved”'
    kind: QuoteKind = "direct" if whole else "mixed" if inside else "indirect"
    return Turn(ReportedQuote(start, end, kind, cue, [*inside, *in_header]), [(start, end)], USER, user_at)


def _block_under(text: str, header_end: int, *, skip_date: bool = False) -> tuple[int, int] | None:
    """The post under a header: the lines up to a blank line or a closing line ("Click to expand...",
    "Reply"), or the ">" lines when the first is one; a comment's date line under its header is skipped."""
    lines: list[tuple[int, int]] = []
    at = header_end + 1
    while at < len(text):
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        line = text[at:end]
        if not line.strip() or line.strip().lower() in BLOCK_ENDS:
            break
        if not (skip_date and not lines and DATE_LINE.match(line)):
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
