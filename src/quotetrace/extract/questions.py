"""Q&As without speaker labels: the layout sets the questions apart, and what follows each is its answer.

    **Why close the lido rather than cut its hours?**        1. What will change first?
                                                             The opening hours. Too many branches …
    Because the heating bill does not care about the hours.
                                                             — Почему молодые врачи не едут в район?
    *So is there any chance the pool reopens?*               — Жильё. Мы можем предложить зарплату …

A question line is a whole line in bold or italics (either counts as one marking), a heading, a numbered
line, or (in a dialogue of dashes) a dash-led line; the document must set two lines or more apart the same
way, most of them must end in a question mark, and each must have lines of another kind under it (the
answer; for dashes, the next dash-led line). Most questions or answers must speak to "you" or as "I" or
"we", which tells a Q&A from an explainer whose subheadings are questions. The answer runs to the next
question line; after the last question only its first paragraph is the answer (what comes after it is the
writer's again). Who asks and who answers is for ``quotetrace.attribute``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

# A line set apart as a question: its marking and the words inside the marks.
_MARKED = (
    ("emphasis", re.compile(r"^[ \t]*(\*\*|__|\*|_)(?P<words>[^*_\s](?:(?!\1).)*?)\1[ \t]*$", re.MULTILINE)),
    ("heading", re.compile(r"^[ \t]*#{1,4}[ \t]+(?P<words>\S[^\n]*?)[ \t]*$", re.MULTILINE)),
    ("number", re.compile(r"^[ \t]*(?:Q(?:uestion)?[ \t]*)?\d{1,2}[.):][ \t]+(?P<words>\S[^\n]*?)[ \t]*$",
                          re.MULTILINE)),
    ("dash", re.compile(r"^[ \t]*[—–][ \t]+(?P<words>\S[^\n]*?)[ \t]*$", re.MULTILINE)),
)
MIN_QUESTIONS = 2
# Words that show two people talking: a question put to "you", an answer in the first person. Most pairs
# must have one, which tells a Q&A from an explainer whose subheadings are questions ("What is a boil notice?").
PERSONAL_WORDS = frozenset({
    "i", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "i'll", "i’ll", "me", "my", "we", "we're", "we’re", "us",
    "our", "you", "your", "you're", "you’re", "я", "мы", "меня", "мне", "мной", "нас", "нам", "нами", "мой", "моя",
    "моё", "мои", "наш", "наша", "наше", "наши", "вы", "вас", "вам", "вами", "ваш", "ваша", "ваше", "ваши",
})
_WORDS = re.compile(r"[^\W\d_][\w'’]*")
# Closing marks a question may end with after its "?": 'Is it "over"?' or "(…?)".
_QUESTION_END = re.compile(r"\?[\"'”’»)*_]*$")


@dataclass(frozen=True, slots=True)
class LayoutTurn:
    """A question or an answer of a Q&A without labels: its role and the spans of its lines."""

    role: str  # "question" or "answer"
    fragments: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


def set_apart_questions(text: str) -> list[tuple[int, int, int]]:
    """Lines set apart as questions by bold, italics or a heading, ending in a question mark: (where the line
    starts, where its words start, where they end). In a transcript whose answers are labelled ("**Why
    now?**" over "Lindqvist: Because …") they are its questions."""
    out = []
    for marking, pattern in _MARKED:
        if marking in ("emphasis", "heading"):
            out += [(m.start(), m.start("words"), m.end("words")) for m in pattern.finditer(text)
                    if _is_question(text, m.start("words"), m.end("words"))]
    return sorted(out)


def layout_turns(text: str) -> list[LayoutTurn]:
    """The questions and answers of ``text`` when a layout sets its questions apart; else none."""
    for marking, pattern in _MARKED:
        lines = [(m.start(), m.end(), m.start("words"), m.end("words")) for m in pattern.finditer(text)]
        turns = _dialogue(text, lines) if marking == "dash" else _marked(text, lines)
        if turns and _a_conversation(text, turns):
            return turns
    return []


def _a_conversation(text: str, turns: list[LayoutTurn]) -> bool:
    """Whether most question-and-answer pairs speak to "you" or as "I" or "we"."""
    pairs = [(q, a) for q, a in zip(turns[::2], turns[1::2], strict=True)]
    personal = sum(any(_personal(text, span) for span in (*q.fragments, *a.fragments)) for q, a in pairs)
    return personal * 2 >= len(pairs)


def _personal(text: str, span: tuple[int, int]) -> bool:
    return any(w.lower() in PERSONAL_WORDS for w in _WORDS.findall(text[span[0] : span[1]]))


def _is_question(text: str, start: int, end: int) -> bool:
    return bool(_QUESTION_END.search(text[start:end]))


def _mostly_questions(text: str, words: list[tuple[int, int]]) -> bool:
    asks = Counter(_is_question(text, a, b) for a, b in words)
    return len(words) >= MIN_QUESTIONS and asks[True] * 2 > len(words)


def _marked(text: str, lines: list[tuple[int, int, int, int]]) -> list[LayoutTurn]:
    """Questions in bold, italics, a heading or numbered, each with the unmarked lines under it."""
    marked = [line for i, line in enumerate(lines) if _answer_lines(text, line[1], _next_start(lines, i))]
    if not _mostly_questions(text, [(a, b) for _, _, a, b in marked]):
        return []
    turns = []
    for i, (_, line_end, words_start, words_end) in enumerate(marked):
        following = _next_start(marked, i)
        answer = _answer_lines(text, line_end, following)
        if following is None:
            answer = _first_paragraph(text, answer)
        turns.append(LayoutTurn("question", ((words_start, _trimmed(text, words_start, words_end)),)))
        turns.append(LayoutTurn("answer", tuple(answer)))
    return turns


def _dialogue(text: str, lines: list[tuple[int, int, int, int]]) -> list[LayoutTurn]:
    """Dash-led lines where questions and answers alternate: a line ending in "?" and the dash-led line under
    it, with only blank lines between."""
    pairs = []
    for (_, q_end, q_start, q_words_end), nxt in pairwise(lines):
        gap = text[q_end : nxt[0]]
        if _is_question(text, q_start, q_words_end) and not gap.strip() and not _is_question(text, nxt[2], nxt[3]):
            pairs.append(((q_start, q_words_end), (nxt[2], nxt[3])))
    if len(pairs) < MIN_QUESTIONS:
        return []
    turns = []
    for question, answer in pairs:
        turns.append(LayoutTurn("question", (question,)))
        turns.append(LayoutTurn("answer", (answer,)))
    return turns


def _next_start(lines: list[tuple[int, int, int, int]], i: int) -> int | None:
    return lines[i + 1][0] if i + 1 < len(lines) else None


def _answer_lines(text: str, after: int, before: int | None) -> list[tuple[int, int]]:
    """The non-blank lines between a question line's end and the next question line (or the text's end)."""
    stop = len(text) if before is None else before
    out = []
    at = after
    while at < stop:
        line_start = text.find("\n", at)
        if line_start < 0 or line_start >= stop:
            break
        line_start += 1
        line_end = text.find("\n", line_start)
        line_end = stop if line_end < 0 or line_end > stop else line_end
        words = text[line_start:line_end]
        if words.strip():
            begin = line_start + len(words) - len(words.lstrip())
            out.append((begin, _trimmed(text, begin, line_end)))
        at = line_end
    return out


def _first_paragraph(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines of the first paragraph: up to the first blank line."""
    out = lines[:1]
    for line in lines[1:]:
        if text[out[-1][1] : line[0]].count("\n") > 1:
            break
        out.append(line)
    return out


def _trimmed(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
