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


BOLD_QA = """Five questions for the new harbour pilot

By Ruairi Voss

Katya Lund takes over the pilot launch at Brennock next month, the first woman in the post.

**Ruairi Voss:** How long did the training take?

**Katya Lund:** Four winters. Most of it is learning the sandbanks, and they move every year.

**Voss**: Does the new radar help?

**Lund**: It helps in fog. It does not help when a skipper ignores you.
"""


def test_labels_in_bold_open_statements_of_their_speakers() -> None:
    quotes = quotetrace.extract(BOLD_QA)
    labelled = [(q.speaker, q.text[:12]) for q in quotes if q.cue == ":"]
    assert labelled == [("Ruairi Voss", "How long did"), ("Katya Lund", "Four winters"),
                        ("Ruairi Voss", "Does the new"), ("Katya Lund", "It helps in ")]
    assert all("*" not in q.text for q in quotes)


PHONE_IN = """Night Line: the bypass, your calls

PRESENTER: Good evening. Tonight the bypass, and the lines are already busy.

CALLER (DEREK): I drive a bin lorry through Elmsted every morning. The bypass would save me forty minutes. [LAUGHS]

PRESENTER: Derek, thank you. Next, a question from the newsroom.

QUESTION (Ana Ruiz, Valley Radio): Has the county costed the bridge over the Tarr?

DR OSSAI (Elmsted Surgery): The surgery has not been asked about it at all, which worries me.
"""


def test_a_role_label_gives_the_floor_to_the_name_in_its_bracket() -> None:
    quotes = quotetrace.extract(PHONE_IN)
    mentions = {q.text[:10]: q.speaker_mention.text for q in quotes if q.speaker_mention and q.cue == ":"}
    assert mentions["I drive a "] == "DEREK"  # a caller's label: the caller is named in the bracket
    assert mentions["Has the co"] == "Ana Ruiz"  # not the outlet after the comma
    assert mentions["The surger"] == "DR OSSAI"  # a name's bracket only says where the speaker is from
    caller = next(q for q in quotes if q.text.startswith("I drive"))
    assert caller.text.endswith("forty minutes.")  # the stage direction is no part of what was said


TURNS = """Roundtable: who should run the lido?

The council wants to hand the lido to a trust. We asked two swimmers and an officer.

MB: I have swum there since I was six.

The trust would double the entry price in two years, I guarantee it. That is the end of it for families.

[CROSSTALK]

JT: The council has run it at a loss for a decade, Maureen.

MB: And it still should.

The roundtable was recorded on Friday. The council said it would decide in March.
"""


def test_an_answer_over_paragraphs_is_one_statement_and_the_prose_after_the_last_turn_is_not() -> None:
    quotes = quotetrace.extract(TURNS)
    first = next(q for q in quotes if q.text.startswith("I have swum"))
    assert [f.text[:14] for f in first.fragments] == ["I have swum th", "The trust woul"]
    assert first.speaker_mention is not None and first.speaker_mention.text == "MB"
    assert not any(q.start > first.start and q.start < first.end and q is not first for q in quotes)
    last = next(q for q in quotes if q.text.startswith("And it still"))
    assert last.text == "And it still should." and not last.fragments
    assert any(q.speaker_mention and q.speaker_mention.text == "The council" for q in quotes)


COMMENTS = """Reader letters: the tram timetable

The new timetable starts on Monday.

Comments (2)

Pip_Tram_Fan: Two trams an hour is not a service. I would rather walk.

Hollis (hollis_rides): The early tram is the one that matters and they kept it, so I'm happy.
"""


def test_labelled_comments_one_after_another_are_statements_though_no_one_speaks_twice() -> None:
    quotes = quotetrace.extract(COMMENTS)
    labelled = {q.speaker_mention.text: q.text for q in quotes if q.speaker_mention and q.cue == ":"}
    assert labelled == {
        "Pip_Tram_Fan": "Two trams an hour is not a service. I would rather walk.",
        "Hollis": "The early tram is the one that matters and they kept it, so I'm happy.",
    }


def test_a_lone_label_followed_by_prose_is_still_no_transcript() -> None:
    text = ("Canal repairs overrun\n\nUpdate: the towpath will stay shut until April, the trust says.\n\n"
            "Boaters were told on Friday. Nobody expected the delay.")
    assert not any(q.cue == ":" and q.speaker_mention and q.speaker_mention.text == "Update"
                   for q in quotetrace.extract(text))


RADIO_HOUR = """Morning Desk: the reservoir plan

PRESENTER: Welcome back. This is Tarek Holm, and with me in the studio is the engineer Ines Borg.

BORG: The reservoir can hold a wet winter, but not two.

PRESENTER: So the plan is late?

BORG: By a year at least.
"""


def test_a_host_label_is_the_name_the_host_gives_in_a_turn() -> None:
    quotes = quotetrace.extract(RADIO_HOUR)
    hosts = {q.speaker for q in quotes if q.speaker_mention and q.speaker_mention.text == "PRESENTER"}
    assert hosts == {"Tarek Holm"}
    assert {q.speaker for q in quotes if q.speaker_mention and q.speaker_mention.text == "BORG"} <= {"BORG",
                                                                                                    "Ines Borg"}


def test_a_host_who_never_introduces_himself_keeps_the_label() -> None:
    text = RADIO_HOUR.replace("This is Tarek Holm, and with me", "With me")
    quotes = quotetrace.extract(text)
    assert {q.speaker for q in quotes if q.speaker_mention and q.speaker_mention.text == "PRESENTER"} == {"PRESENTER"}


def test_a_labelled_quotation_signed_with_a_dash_is_its_signers() -> None:
    """A fact check's "THE CLAIM:" over a quotation signed "— Name, speaking at …": the quotation alone is the
    statement, and it is the signer's, not a turn of "THE CLAIM"."""
    text = ("Is the harbour really full?\n\n"
            "WHAT WAS SAID: “Every berth in the new harbour is already leased.” — Port Commissioner Ilse Varnholm, "
            "speaking to the council on 4 March.\n\n"
            "OUR FINDING: Wrong. Eleven of the forty berths are still free, the harbour's own register shows.\n")
    quotes = quotetrace.extract(text)
    claim = next(q for q in quotes if "berth in the new harbour" in q.text)
    assert claim.text == "“Every berth in the new harbour is already leased.”"
    assert claim.speaker == "Ilse Varnholm"


PRONOUN_QA = """Q&A: the keeper of the Skerry light

Marta Holm has kept the Skerry lighthouse for twenty-two years, and Marta Holm says the lamp will be automated \
in May. She talked to Petter Lund in the lamp room.

Q: What will you miss most?

A: The quiet before dawn. Nobody else sees the sea like that.
"""


def test_the_person_the_intro_is_about_is_interviewed_though_she_is_the_subject() -> None:
    """"She talked to Petter Lund": the intro was about her, so the newly named party asks."""
    quotes = quotetrace.extract(PRONOUN_QA)
    by_label = {q.speaker_mention.text: q.speaker for q in quotes if q.speaker_mention and q.cue == ":"}
    assert by_label == {"Q": "Petter Lund", "A": "Marta Holm"}


def test_a_quotation_with_no_source_in_an_interviews_headline_is_the_interviewees() -> None:
    text = PRONOUN_QA.replace("Q&A: the keeper of the Skerry light", "“Nobody else sees the sea like that”")
    headline = [q for q in quotetrace.extract(text) if q.start == 0]
    assert [q.speaker for q in headline] == ["Marta Holm"]
