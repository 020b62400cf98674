"""Interviews and transcripts: a labelled paragraph is one statement of the label's speaker."""

from __future__ import annotations

import quotetrace

QA = """Q&A: Sunniva Brekke on ferries, fog and the last night crossing

Sunniva Brekke has captained the Ostby ferry for nineteen years. Tomas Vik spoke to her on the car deck.

Q: Why keep the night crossing when almost nobody uses it?

A: Because the nurses use it. I know the numbers look bad, but the people on that boat at two in the morning \
have nowhere else to be.

Q: The council says the route loses money every winter.

A: It does. Every route loses money in winter. We run it anyway, because an island without a night boat is \
an island people leave.
"""

TRANSCRIPT = """Harbour debate: the candidates on the new quay

HALVORSEN: The quay will be finished by May. I have the contracts on my desk.

RENDT: He said the same thing last spring. The contracts are not the problem; the money is.

HALVORSEN: The money is there. Ask the treasury.
"""


def test_each_answer_is_one_statement_of_the_person_interviewed() -> None:
    quotes = quotetrace.extract(QA)
    answers = [q for q in quotes if q.speaker_mention is not None and q.speaker_mention.text == "A"]
    assert [q.text[:20] for q in answers] == ["Because the nurses u", "It does. Every route"]
    assert {q.speaker for q in answers} == {"Sunniva Brekke"}
    questions = [q for q in quotes if q.speaker_mention is not None and q.speaker_mention.text == "Q"]
    assert len(questions) == 2 and {q.speaker for q in questions} == {"Tomas Vik"}
    assert all(q.speaker != "the author" for q in quotes)  # "I know" inside an answer is the answer's


def test_a_named_label_is_its_speaker() -> None:
    quotes = quotetrace.extract(TRANSCRIPT)
    body = TRANSCRIPT.index("\n")  # (the title is a headline, not the transcript)
    labelled = [(q.speaker_mention.text, q.text[:15]) for q in quotes
                if q.speaker_mention and q.cue == ":" and q.start > body]
    assert labelled == [
        ("HALVORSEN", "The quay will b"), ("RENDT", "He said the sam"), ("HALVORSEN", "The money is th")]


def test_a_label_that_opens_one_paragraph_is_no_transcript() -> None:
    text = "Analysis: the quay will not be finished by May, whatever the contracts say.\n\nNobody disputes it."
    assert all(q.speaker_mention is None or q.speaker_mention.text != "Analysis" or q.speaker is None
               for q in quotetrace.extract(text))


BYLINED_QA = """The last lighthouse keeper on the north coast

The North Varn harbour trust voted in March to automate the lighthouse at the point. The keeper, Oskar \
Lindahl, has kept its lamp since 1994. Interview by Freya Moss.

Q: What will you miss most?

A: The quiet before dawn. You hear the shipping lanes wake up one engine at a time.

Q: Will the automated lamp be as reliable?

A: More reliable, probably. But a lamp cannot row out to a dinghy that has lost its oars.
"""

PROFILE = """A headmaster between two councils

By Ines Torvald

The rector, Alvar Brenn, has led the grammar school in Kelby for six years. I ask whether the county has \
promised to fund the new science block. He takes a long breath. “Promised is a strong word. We have a letter that says \
it is a priority.”

When I ask what success would look like in five years, he answers at once. “Every child who wants to study \
chemistry can study it here, in this town.”
"""


def test_a_byline_names_the_interviewer_and_a_name_qualifying_a_noun_is_no_interviewee() -> None:
    quotes = quotetrace.extract(BYLINED_QA)
    answers = {q.speaker for q in quotes if q.speaker_mention is not None and q.speaker_mention.text == "A"}
    questions = {q.speaker for q in quotes if q.speaker_mention is not None and q.speaker_mention.text == "Q"}
    assert answers == {"Oskar Lindahl"}  # not "North Varn", the first full name, which qualifies "trust"
    assert questions == {"Freya Moss"}


def test_the_quotation_after_the_writers_question_is_the_answer() -> None:
    quotes = quotetrace.extract(PROFILE)
    answers = [q for q in quotes if q.text.startswith("“")]
    assert [q.text[:12] for q in answers] == ["“Promised is", "“Every child"]
    assert {q.speaker for q in answers} == {"Alvar Brenn"}  # not the author who asked
