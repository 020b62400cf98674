"""Direct speech set as dialogue, the other convention of Russian typography: a paragraph opening with a dash is
the speech, and the author's words follow it after another dash.

    — Мы предлагаем продлить отсрочку, — сказала Мазурова.
    — Это не уступка! — добавила она. — Это расчёт.
    — Чиновники пишут доклады — заявил он.

Each piece of speech becomes a ``MarkedSpan`` whose ``opener`` is ``DIALOGUE`` and whose offsets hold the words
alone (no dash, no comma before the author's words), so the extractor masks and attributes it as it does a
«…» quotation: the cue after the dash, a continuation after the author's words. A dash-led paragraph with no
author's words is left alone: in interviews those are turns whose speaker only the layout says (question or
answer), and in lists they are not speech at all.
"""

from __future__ import annotations

import re

from quotetrace.extract.marks import MarkedSpan
from quotetrace.ru.lexicon import SPEECH_VERBS
from quotetrace.ru.nlp import lemma_of

DIALOGUE = "—"
# A paragraph (a line) that opens with an em or en dash and a space. Hyphens are left out: "- " opens list items.
_OPENING = re.compile(r"^[ \t]*[—–][ \t]+(?=\S)", re.MULTILINE)
# The dash before the author's words: after the speech's own ",", "!", "?" or "…" ("— Нет, — сказал он"), or
# bare before a speech verb ("— Нет — сказал он"); the author's words start in lower case.
_AUTHOR_DASH = re.compile(r"(?P<punct>[,!?…]|\.\.\.)?[ \t]+[—–][ \t]+(?=(?P<word>[а-яё]+))")
# After the author's words, the speech goes on: ". — Продолжение" or ", — продолжение".
_RESUME_DASH = re.compile(r"[.,][ \t]+[—–][ \t]+(?=\S)")


def dialogue_spans(text: str) -> list[MarkedSpan]:
    """The pieces of dialogue speech in ``text``: one per dash-led paragraph with author's words, and one more
    where the speech resumes after them."""
    spans: list[MarkedSpan] = []
    for opening in _OPENING.finditer(text):
        line_end = text.find("\n", opening.end())
        line_end = len(text) if line_end < 0 else line_end
        spans.extend(_line_spans(text, opening.end(), line_end))
    return spans


def _line_spans(text: str, start: int, end: int) -> list[MarkedSpan]:
    author = _author_dash(text, start, end)
    if author is None:
        return []
    speech_end = author.start() + (len(author.group("punct")) if author.group("punct") in ("!", "?", "…", "...") else 0)
    if speech_end <= start:
        return []
    out = [MarkedSpan(start, speech_end, DIALOGUE)]
    resume = _RESUME_DASH.search(text, author.end(), end)
    if resume is not None:
        tail = _trimmed_end(text, resume.end(), end)
        if tail > resume.end():
            out.append(MarkedSpan(resume.end(), tail, DIALOGUE))
    return out


def _author_dash(text: str, start: int, end: int) -> re.Match[str] | None:
    """The dash that opens the author's words: after the speech's punctuation, or bare before a speech verb (a
    dash inside the speech, "Выход один — мобилизация", has neither)."""
    for m in _AUTHOR_DASH.finditer(text, start, end):
        if m.group("punct") or lemma_of(m.group("word")) in SPEECH_VERBS:
            return m
    return None


def _trimmed_end(text: str, start: int, end: int) -> int:
    """The end of resumed speech without the paragraph's closing full stop (kept: "!", "?", "…")."""
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] == "." and not text[start:end].endswith("..."):
        end -= 1
    return end
