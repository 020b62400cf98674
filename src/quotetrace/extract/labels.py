"""Speaker labels: the short name or role that opens a line of a transcript and says who speaks the rest.

    BRENNER: Forty years of numbers.           **Katya Lund:** Four winters.        *Monk:* What happened?
    Carmen Ruiz – Why sail?                    [00:00:19] Anja Petersen: Thanks.    > Reader (Ballast_Bob): When …
    Q. Was this flood unusual?                 CALLER (RUTH): I walk with a stick.  Корреспондент: Почему …
    MARGIT SOLBERG                             (a name alone on its line: the turn is the line under it,
    Every February. …                           also "Priyanka Desai (00:00):", "Fern Achterberg  0:04")

What makes a label is its shape and that the document repeats it. The shape: at a line's start, perhaps after
a quoting ">" and a timestamp, perhaps in bold or italics, a who (one to four capitalised words, initials,
a handle, or a role such as "Q" or "HOST"), perhaps a bracket, then a colon, a spaced dash, or after "Q"/"A"
a full stop; or the who alone on its line (perhaps with the time it was said). The repetition: some who
opens two lines or more, and the document has two whos or more (a conversation), or its one who asks the
questions ("Q:" before unlabelled answers). Once a document is a transcript, a label of the same form as the
repeated ones counts though its who speaks once ("**Ruairi Voss:**" before "**Voss**:"; alone on its line, only
in capitals or with a time). Without repetition,
labelled lines that follow one another still count (a comment section: "Pip_Tram_Fan: …" then "Hollis
(hollis_rides): …").

A header that names what a line is, not who speaks it ("Photo:", "Updated:", "Editor's note:", "Source:"),
is never a label, however often it repeats.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

# "Q", "INTERVIEWER", "CALLER (RUTH)": labels that say what someone is in the conversation, not who. A role
# is resolved to a name by quotetrace.attribute (the intro, a byline, a bracket, a self-introduction).
QUESTION_ROLES = frozenset({
    "q", "question", "questioner", "interviewer", "reporter", "journalist", "correspondent", "me",
    "корреспондент", "журналист", "вопрос", "интервьюер", "редакция",
})
ANSWER_ROLES = frozenset({"a", "answer", "guest", "interviewee", "ответ", "гость", "собеседник"})
HOST_ROLES = frozenset({
    "host", "co-host", "presenter", "anchor", "moderator", "chair", "chairman", "chairwoman", "compere",
    "ведущий", "ведущая", "модератор",
})
AUDIENCE_ROLES = frozenset({
    "caller", "listener", "reader", "viewer", "audience", "member", "voice", "voicemail", "panellist", "panelist",
    "speaker", "participant", "слушатель", "читатель", "зритель", "участник",
})
ROLES = QUESTION_ROLES | ANSWER_ROLES | HOST_ROLES | AUDIENCE_ROLES
# First words of headers that say what a line is (a caption, a date, a note), never who speaks it.
HEADER_WORDS = frozenset({
    "photo", "photos", "photograph", "picture", "pictured", "image", "images", "video", "audio", "illustration",
    "graphic", "map", "chart", "figure", "fig", "credit", "credits", "source", "sources", "caption", "updated",
    "update", "updates", "posted", "published", "edited", "related", "read", "watch", "listen", "see", "note",
    "notes", "editor's", "editor’s", "editors", "correction", "corrections", "clarification", "disclaimer",
    "tags", "tag", "filed", "share", "contact", "email", "e-mail", "tel", "phone", "fax", "web", "website",
    "address", "date", "time", "location", "venue", "price", "prices", "tickets", "warning", "transcript",
    "analysis", "opinion", "comment", "comments", "review", "breaking", "exclusive", "live", "latest",
    "background", "summary", "words", "text", "ps", "p.s", "nb", "tl;dr", "sponsored", "advertisement",
    "subscribe", "follow", "also", "more", "previously", "next", "previous", "tip", "hint", "via", "topics",
    "category", "categories", "episode", "part", "chapter", "step", "round", "day", "week", "by", "from", "to",
    "subject", "re", "fwd", "cc", "attachment", "length", "duration", "recorded", "keywords",
    "quote", "quoting", "quoted", "reply", "replying", "replies", "originally", "posts", "thread", "topic",
    # the kind of piece a headline opens with ("Q&A: …", "Explainer: …"), never who says the rest
    "q&a", "interview", "explainer", "factbox", "fact-check", "factcheck", "profile", "obituary", "editorial",
    "column", "letters", "podcast", "recap", "preview", "timeline",
    "фото", "видео", "источник", "обновлено", "автор", "текст", "тема", "читайте", "смотрите", "примечание",
})
# Lower-case words that may stand inside a name ("Ludwig van Beethoven", "Nadia de la Cruz").
NAME_PARTICLES = frozenset({
    "van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "des", "la", "le", "al", "el", "bin",
    "ibn", "ter", "ten", "y", "dos", "das", "do", "zu",
})
# A line may open with a quoting ">" and a timestamp ("[00:12:03]", "(12:03)", "00:12:03 -") before the label.
_PREFIX = (r"[ \t]*(?:>[ \t]*)*(?P<stamp>(?:\[\d{1,2}(?::\d{2}){1,2}\]|\(\d{1,2}(?::\d{2}){1,2}\)|"
           r"\d{1,2}(?::\d{2}){1,2})[ \t]*(?:[-–—|][ \t]*)?)?")
_DECOR = r"(?:\*\*|__|\*|_)"
_WORD = r"[^\W\d_](?:[\w'’-]|\.(?=[^\W\d_]))*\.?"
_WHO = rf"{_WORD}(?:[ \t]+{_WORD}){{0,3}}"
_INLINE = re.compile(
    rf"^(?P<prefix>{_PREFIX})(?P<open>{_DECOR})?(?P<who>{_WHO})(?:[ \t]*\((?P<bracket>[^()\n]{{1,60}})\))?"
    rf"(?P<close>{_DECOR})?(?P<gap>[ \t]*)(?P<marker>:|[–—]|\.)[ \t]*(?P<after>{_DECOR})?[ \t]+(?=\S)",
    re.MULTILINE,
)
# ... or alone on its line, perhaps with when it was said after it ("Priyanka Desai (00:00):", "Fern
# Achterberg  0:04", as transcription services write them).
_ALONE = re.compile(
    rf"^(?P<prefix>{_PREFIX})(?P<open>{_DECOR})?(?P<who>{_WHO})(?P<close>{_DECOR})?"
    r"(?P<when>[ \t]*\(\d{1,2}(?::\d{2}){1,2}\)|[ \t]+\d{1,2}(?::\d{2}){1,2})?[ \t]*:?[ \t]*\n(?=[ \t]*\S)",
    re.MULTILINE,
)
# A line that is only a stage direction or a timestamp: "[LAUGHTER]", "(Applause)", "[00:08:40]", "14:05".
STAGE_DIRECTION = re.compile(r"^[ \t]*(?:\[[^\]\n]*\]|\([^)\n]*\)|\d{1,2}(?::\d{2}){1,2})[ \t]*$")
# A line that says what the text is, not what anyone said: "Photo: …", "Updated 12:30", "Editor's note: …".
_HEADER_LINE = re.compile(
    r"^[ \t]*[*_]{0,2}(?P<word>[^\W\d_][\w'’.;-]*)(?:[ \t]+[^\W\d_][\w'’]*)?[ \t]*[*_]{0,2}(?::|[ \t]+\d)")
MIN_REPEATS = 2
# Initials as a label ("HB", "J.T."): capitals, perhaps with full stops, at most three letters ("HALE" is a name).
_INITIALS = re.compile(r"^(?:[A-ZА-ЯЁ]\.?){2,3}$")


@dataclass(frozen=True, slots=True)
class Label:
    """One speaker label: its line, its who as written, the mark that closes it (a colon, a dash, a full stop;
    the who itself when it stands alone on its line), the bracket after the who, and where the turn begins."""

    line: int
    who: tuple[int, int]
    marker: tuple[int, int]
    body: int
    bracket: tuple[int, int] | None
    alone: bool
    form: tuple[str, bool, bool]  # (marker, decorated, prefixed): what tells one document's labels together

    def key(self, text: str) -> str:
        return " ".join(text[self.who[0] : self.who[1]].split()).lower()

    def role(self, text: str) -> str | None:
        """"question", "answer", "host" or "audience" when the who is a role word, else None (a name)."""
        word = self.key(text).rstrip(".").rstrip("0123456789").strip()
        if word in QUESTION_ROLES:
            return "question"
        if word in ANSWER_ROLES:
            return "answer"
        if word in HOST_ROLES:
            return "host"
        return "audience" if word in AUDIENCE_ROLES else None


def speaker_labels(text: str, asked_apart: bool = False) -> list[Label]:
    """The speaker labels of ``text``, in text order: none unless the document reads as a transcript.
    ``asked_apart``: the document sets questions apart by its layout, so one who answering them is a
    conversation too ("**Why now?**" over "Lindqvist: Because …")."""
    found = _candidates(text)
    counts = Counter(label.key(text) for label in found)
    repeated = {key for key, n in counts.items() if n >= MIN_REPEATS}
    forms = {label.form for label in found if label.key(text) in repeated}
    kept = [label for label in found if label.key(text) in repeated or (label.form in forms and (
        not label.alone or label.form[2] or text[label.who[0] : label.who[1]].isupper()))]
    whos = {label.key(text) for label in kept}
    asks = any(label.role(text) == "question" for label in kept if label.key(text) in repeated)
    if len(whos) >= MIN_REPEATS or asks or (asked_apart and repeated):
        return [label for label in kept if label.line > 0 or label.key(text) in repeated]  # not a headline
    return _in_runs(text, [label for label in found if label.line > 0 and not label.alone and label.form[0] == ":"])


def is_header(line: str) -> bool:
    """Whether ``line`` is a caption, a date or a note ("Photo: …", "Updated 12:30", "Editor's note: …")."""
    m = _HEADER_LINE.match(line)
    return m is not None and m.group("word").lower().rstrip(".") in HEADER_WORDS


def is_initials(who: str) -> bool:
    return bool(_INITIALS.match(who))


def _candidates(text: str) -> list[Label]:
    out = {}
    for m in _INLINE.finditer(text):
        label = _inline(text, m)
        if label is not None:
            out[label.line] = label
    for m in _ALONE.finditer(text):
        label = _alone(text, m)
        if label is not None and label.line not in out:
            out[label.line] = label
    return [out[line] for line in sorted(out)]


def _inline(text: str, m: re.Match[str]) -> Label | None:
    who = m.group("who")
    marker = m.group("marker")
    opened, closed = m.group("open"), m.group("close") or m.group("after")
    if (opened or "") != (closed or "") or not _names_someone(who, m.group("bracket")):
        return None
    if marker == "." and who.rstrip(".").lower() not in ("q", "a"):
        return None  # a full stop closes a sentence, not a label, except "Q." and "A."
    if marker in "–—" and not m.group("gap"):
        return None  # "well-known–or not": a dash closes a label only with a space before it
    who_end = m.end("who") - (1 if who.endswith(".") and marker == "." else 0)
    bracket = (m.start("bracket"), m.end("bracket")) if m.group("bracket") is not None else None
    form = (":" if marker == "." else marker.replace("—", "–"), bool(opened), bool(m.group("prefix").strip()))
    return Label(m.start(), (m.start("who"), who_end), (m.start("marker"), m.end("marker")), m.end(), bracket,
                 False, form)


def _alone(text: str, m: re.Match[str]) -> Label | None:
    """A who alone on its line, after a paragraph break and before the turn's line: capitals only or a name of
    two words or more, never a role or a sentence ("The quiet years" is a heading)."""
    who = m.group("who")
    words = who.split()
    if (m.group("open") or "") != (m.group("close") or "") or who.endswith("."):
        return None
    timed = m.group("when") is not None  # a time after the name says it is a speaker's
    if not (who.isupper() or timed or (len(words) >= 2 and all(w[:1].isupper() for w in words))):
        return None
    if not _names_someone(who, None) or who.lower() in ROLES or is_initials(who):
        return None
    if m.start() > 0 and not text[: m.start()].endswith("\n\n"):
        return None
    end = m.end("who")
    return Label(m.start(), (m.start("who"), end), (m.start("who"), end), m.end(), None, True,
                 ("alone", bool(m.group("open")), bool(m.group("prefix").strip()) or timed))


def _names_someone(who: str, bracket: str | None) -> bool:
    """Whether ``who`` can be a speaker: capitalised words (name particles between them), a handle, or a role;
    never a header word ("Photo", "Updated", "Editor's note")."""
    words = who.split()
    if words[0].lower().rstrip(".") in HEADER_WORDS or words[0].lower() in HEADER_WORDS:
        return False
    if len(words) == 1 and ("_" in who or any(ch.isdigit() for ch in who)):
        return True  # a handle ("Pip_Tram_Fan", "Q1")
    if not words[0][:1].isupper() or not words[-1][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words[1:-1])


def _in_runs(text: str, found: list[Label]) -> list[Label]:
    """The labels whose line comes right after or right before another labelled line, when the run holds two
    whos or more."""
    adjacent = [_adjacent(text, a, b) for a, b in pairwise(found)]
    kept = [label for i, label in enumerate(found)
            if (i > 0 and adjacent[i - 1]) or (i < len(adjacent) and adjacent[i])]
    return kept if len({label.key(text) for label in kept}) >= MIN_REPEATS else []


def _adjacent(text: str, first: Label, second: Label) -> bool:
    """Whether only blank lines and stage directions lie between ``first``'s line and ``second``."""
    line_end = text.find("\n", first.body)
    if line_end < 0 or line_end > second.line:
        return False
    return all(not line.strip() or STAGE_DIRECTION.match(line) for line in text[line_end : second.line].split("\n"))
