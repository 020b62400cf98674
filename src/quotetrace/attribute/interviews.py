"""Who "Q" and "A" are in an interview: the interviewer and the person interviewed.

"Q:" and "A:" label a Q&A's paragraphs (``extract/transcripts.py``). The person interviewed is the first
the document names in full (in its title, as a Q&A does); the interviewer is named where the text says who
spoke to whom ("Dara Quill spoke to her by video call", "He talked to the Courier's arts editor, Nell
Holloway", "interviewed by …", a byline "Interview by …").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from quotetrace.attribute.people import Entity, fuller_names
from quotetrace.extract.cues import mention_span, subject_of
from quotetrace.nlp import doc_text

QUESTION_LABELS = frozenset({"q", "question", "interviewer"})
ANSWER_LABELS = frozenset({"a", "answer"})
INTERVIEW_VERBS = frozenset({"speak", "talk", "interview", "chat"})
Resolver = Callable[[Span], Entity | None]
# How far after a label its colon may be: past the bold's close ("**Voss**:").
LABEL_TAIL = 6
# Labels of whoever runs the conversation, who often says who they are in their first turn.
HOST_LABELS = frozenset({"host", "co-host", "presenter", "anchor", "moderator", "chair", "interviewer"})
# "I'm Mira Castellane", "my name is …", "this is …": a full name (two capitalised words at least).
SELF_INTRODUCTION = re.compile(
    r"\b(?:I'm|I’m|I am|my name is|this is|This is)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)")


def interview_role(span: Span) -> str | None:
    """"question" or "answer" when ``span`` is a Q&A label ("Q" or "A" before a colon)."""
    word = span.text.strip().lower()
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is None or after.text != ":":
        return None
    if word in QUESTION_LABELS:
        return "question"
    return "answer" if word in ANSWER_LABELS else None


def is_label(span: Span) -> bool:
    """Whether ``span`` is a transcript's speaker label: it opens its line (perhaps in bold) and a colon follows
    it (perhaps after the bold's close or a bracket): "VOSS:", "**Voss**:", "CALLER (RUTH):"."""
    text = doc_text(span.doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    if text[line_start : span.start_char].strip(" \t*_(") or span.end >= len(span.doc):
        return False
    after = text[span.end_char : span.end_char + LABEL_TAIL].lstrip(" \t*_")
    return after.startswith(":") or (after.startswith(")") and after[1:].lstrip(" \t*_").startswith(":"))


def self_introduced(span: Span, entities: list[Entity]) -> Entity | None:
    """Who a host's label stands for: the full name the same label gives itself in one of its turns ("HOST:
    Good evening, I'm Mira Castellane, and with me …"). None for another label, or when no turn says."""
    word = span.text.strip(" *_").lower()
    if word not in HOST_LABELS or not is_label(span):
        return None
    text = doc_text(span.doc)
    turn = re.compile(rf"^[ \t*_]*{re.escape(span.text.strip())}[ \t*_]*(?:\([^()\n]*\))?[ \t*_]*:(?P<turn>.*)$",
                      re.MULTILINE)
    for line in turn.finditer(text):
        introduced = SELF_INTRODUCTION.search(line.group("turn"))
        if introduced is None:
            continue
        name = introduced.group("name")
        known = next((e for e in entities if e.label == "PERSON" and e.surname == name.split()[-1].lower()), None)
        start = line.start("turn") + introduced.start("name")
        mention = span.doc.char_span(start, start + len(name), alignment_mode="expand")
        return known or (Entity(name, "PERSON", [mention], [word]) if mention is not None else None)
    return None


def interviewee(doc: Doc, entities: list[Entity]) -> Entity | None:
    """The first person the text names in full, as a Q&A's title does ("Q&A: Lindiwe Osei on drones"); a
    name that only qualifies a common noun ("the Skerry Isles council") names no one."""
    names = sorted(fuller_names(doc).values(), key=lambda s: s.start)
    first = next((s for s in names if not _qualifies_a_noun(s)), None)
    if first is None:
        return None
    surname = first[-1].lower_
    known = next((e for e in entities if e.label == "PERSON" and e.surname == surname), None)
    return known or Entity(first.text, "PERSON", [first])


def _qualifies_a_noun(name: Span) -> bool:
    return name.root.dep_ == "compound" and name.root.head.pos_ == "NOUN"


def interviewer(doc: Doc, entities: list[Entity], resolve: Resolver) -> Entity | None:
    """The person who spoke to, talked to or interviewed the interviewee, as the text says."""
    guest = interviewee(doc, entities)
    for verb in doc:
        # "Interview by Joel Brandon": a byline names the interviewer with the noun
        if verb.pos_ not in ("VERB", "NOUN") or verb.lemma_.lower() not in INTERVIEW_VERBS:
            continue
        for mention in _parties(verb):
            person = resolve(mention)
            if person is not None and person.label == "PERSON" and person is not guest:
                return person
    return None


def _parties(verb: Token) -> list[Span]:
    """The subject of an interview verb, the agent of a passive one, and whom one spoke to."""
    out = []
    subject = subject_of(verb)
    if subject is not None:
        out.append(subject)
    for prep in verb.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in ("to", "with", "by"):
            out.extend(mention_span(g) for g in prep.children if g.dep_ == "pobj")
            out.extend(mention_span(a) for g in prep.children if g.dep_ == "pobj" for a in g.children
                       if a.dep_ == "appos")
    return out
