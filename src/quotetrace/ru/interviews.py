"""Russian interviews: who speaks each turn of a conversation (``quotetrace.extract.transcripts``).

    Корреспондент: Почему медведи идут к людям?          — Ольга Викторовна, кто сейчас принимает пациентов?
    Петров: Потому что в лесу голодно. …                  — В основном врачи пенсионного возраста. …

A label that is a name resolves to the person of that surname ("Петров" → "Илья Петров"); a question
("Корреспондент:", "Вопрос:", the first line of a pair of dashes) is the byline's writer's ("Беседовала Анна
Лосева"), and an answer ("Ответ:", the second line) belongs to the person interviewed: the one the intro says
the outlet spoke to ("мы поговорили с главным врачом больницы Ольгой Мироновой"), else the first person the
text names who is not the writer.
"""

from __future__ import annotations

import re

from quotetrace.attribute.bylines import byline
from quotetrace.extract.transcripts import LABEL, TurnSpan
from quotetrace.model import Quote, TextSpan
from quotetrace.ru.names import surname_key
from quotetrace.ru.nlp import RuDoc
from quotetrace.ru.speakers import Person

# "мы поговорили с …", "побеседовал с …", "интервью с …": the person after "с" is the one interviewed.
INTRO_REACH = 120  # how far after "с" the name may be: "с главным врачом районной больницы Ольгой Мироновой"
INTERVIEW_WITH = re.compile(r"(?:говори|беседова|интервью|встрети|разговарива)\w*\s[^.!?\n]{0,120}?\bс\s")


def speak_turns(doc: RuDoc, quotes: list[Quote], turns: list[TurnSpan], people: list[Person]) -> None:
    """Fill the speaker (and the label as written) of each quote that is a turn of ``turns``."""
    by_start = {turn.fragments[0][0]: turn for turn in turns}
    persons = [p for p in people if p.label == "PERSON"]
    writer = _writer(doc.text)
    interviewee: Person | None = None
    for q in quotes:
        turn = by_start.get(q.start)
        if turn is None:
            continue
        if turn.speaker is not None:
            q.speaker_mention = TextSpan(doc.text[turn.speaker[0] : turn.speaker[1]], *turn.speaker)
        if turn.marker is not None:
            q.cue = doc.text[turn.marker[0] : turn.marker[1]]
        if turn.role == "question":
            q.speaker = writer or (q.speaker_mention.text.lower() if q.speaker_mention else None)
        elif turn.role == "answer":
            interviewee = interviewee or _interviewee(doc, persons, writer)
            q.speaker = interviewee.name if interviewee is not None else None
        elif turn.role == LABEL and q.speaker_mention is not None:
            named = _by_surname(q.speaker_mention.text, persons)
            q.speaker = named.name if named is not None else q.speaker_mention.text
        elif q.speaker_mention is not None:
            q.speaker = q.speaker_mention.text.lower()


def _writer(text: str) -> str | None:
    at = byline(text)
    return None if at is None else text[at[0] : at[1]]


def _by_surname(label: str, persons: list[Person]) -> Person | None:
    words = label.split()
    if not words:
        return None
    key = surname_key(words[-1])
    return next((p for p in persons if p.key == key), None)


def _interviewee(doc: RuDoc, persons: list[Person], writer: str | None) -> Person | None:
    """The person the intro says was spoken to, else the first person named who is not the writer."""
    written = set() if writer is None else {w.lower() for w in writer.split()}
    # (not by surname alone: NER may run the byline's name into the next line, "Мария Кузина Этим")
    not_writer = [p for p in persons if not written & {w.lower() for w in p.name.split()}]
    for m in INTERVIEW_WITH.finditer(doc.text):
        after = [(mention.start, p) for p in not_writer for mention in p.mentions
                 if 0 <= mention.start - m.end() <= INTRO_REACH]
        if after:
            return min(after, key=lambda pair: pair[0])[1]
    named = [(min(mention.start for mention in p.mentions), p) for p in not_writer if p.mentions]
    return min(named, key=lambda pair: pair[0])[1] if named else None
