"""Acts that sound like speech and say nothing: a refusal to speak with or without its topic, a saying denied
with the question it leaves open, an event seen or heard, a telephone call, a story "told" by a fact, a decision,
a speech advised or allowed but not made, a writer's beat; beside each, the use that still reports something.
The sentences are written for these tests."""

from __future__ import annotations

import pytest

import quotetrace
from quotetrace.settings import Settings


def texts(text: str, settings: Settings | None = None) -> list[str]:
    found = quotetrace.extract(text) if settings is None else quotetrace.extract(text, settings=settings)
    return [q.text for q in found]


@pytest.mark.parametrize(
    "text",
    [
        # a refusal to speak, whatever follows it
        "The ferry company declined to comment on the new timetable.",
        "A police spokesman refused to speculate about a motive.",
        "The agency declined to name the suppliers under review.",
        "Her office declined to give details of the settlement.",
        "The coach declined to be drawn on his future.",
        "The landlord refused to discuss how much the repairs had cost.",
        # a saying denied, with the question it leaves open
        "The board did not say whether any posts would be saved.",
        "The minister would not say how many beds would close.",
        "The operator has not said if the night service will return.",
        # an event seen or heard, whatever verb shows it
        "Villagers watched the floodwater creep up the church steps.",
        "Hikers heard the ice crack under the bridge.",
        # a telephone call, a summons
        "The warden spotted smoke above the ridge and called the coastguard.",
        "A neighbour heard shouting and called the police.",
        # a story that a fact tells
        "The depot was sold a week before the audit, which tells its own story.",
        # a decision
        "Tolls on the river crossing will double from May, the county board decided on Tuesday.",
        "The school governors voted to scrap the uniform rule.",
        "The trustees resolved that the library would open on Sundays.",
        # a speech advised or allowed, not made
        "Before signing, the trustees should ask for an independent valuation.",
        "Parents are entitled to ask why the classes were merged.",
        "The operator must explain why the ferry sailed without lights.",
        # a columnist's beat
        "Lena Hart writes about schools and housing for the Evening Post.",
        # "as if" compares; it says nothing is what something is
        "At the gate, the old ferryman rests a palm on the post as if patting a horse.",
    ],
)
def test_acts_that_sound_like_speech_say_nothing(text: str) -> None:
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # speech heard is still speech; a saying with a that-clause still says it
        ("I heard the skipper say the harbour would shut at noon.", "the harbour would shut at noon"),
        ("The port said it would reopen the quay, but did not say whether the ferry would return.",
         "it would reopen the quay"),
        # a past "called" with what the thing was called
        ("The senator called the ruling a gift to landlords.", "the ruling a gift to landlords"),
        # a story of something tells it
        ("Exit surveys told a tale of two cities.", "a tale of two cities"),
        # agreeing is speech; voting against a thing is a stance
        ("The harbour board agreed that the fees were too high.", "that the fees were too high"),
        ("Three councillors voted against the parking levy.", "against the parking levy"),
        # the first person performs what it names under a modal; an inference of a past speech stands
        ("I must say the new ferry terminal is a delight.", "the new ferry terminal is a delight"),
        ("She said the trustees should ask for a refund.", "the trustees should ask for a refund"),
        # a letter's words are no beat
        ("In the letter, she writes about her fears for the harbour.", "about her fears for the harbour"),
    ],
)
def test_the_same_verbs_that_report_something_still_count(text: str, content: str) -> None:
    found = texts(text)
    assert any(content in t for t in found), found


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The trust did not say whether any posts would be saved.", "whether any posts would be saved"),
        ("The agency declined to name the suppliers under review.", "to name the suppliers under review"),
        ("The school governors voted to scrap the uniform rule.", "to scrap the uniform rule"),
        ("Parents are entitled to ask why the classes were merged.", "why the classes were merged"),
    ],
)
def test_polnear_reading_marks_refusals_decisions_and_advice(text: str, content: str) -> None:
    """PolNeAR marks these (``cues="broad"``); our guidelines do not."""
    found = texts(text, Settings(cues="broad"))
    assert any(content in t for t in found), found


def test_a_working_title_in_quotation_marks_is_no_statement() -> None:
    found = texts("The curator, whose catalogue will bear the working title “Salt and Iron”, argues that the "
                  "collection belongs on the coast.")
    assert found == ["that the collection belongs on the coast"], found


def test_a_question_left_open_is_dropped_and_the_statement_beside_it_kept() -> None:
    found = texts("The port said it would reopen the quay, but did not say whether the ferry would return.")
    assert found == ["it would reopen the quay"], found
