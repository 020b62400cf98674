"""The channel a statement came through is kept apart from its speaker: ``Quote.via``."""

from __future__ import annotations

import pytest

import quotetrace


@pytest.mark.parametrize(
    ("text", "speaker", "via"),
    [
        ("“We will not sign,” Halvorsen said, according to the ministry.", "Halvorsen", "the ministry"),
        ("“We will not sign,” Halvorsen said, as quoted by state television.", "Halvorsen", "state television"),
        ("Halvorsen was quoted by state television as saying that the deal was dead.", "Halvorsen",
         "state television"),
        ("Halvorsen told the radio station that the deal was dead.", "Halvorsen", "the radio station"),
        ("In an interview with the Kestrel Wire, Halvorsen said the deal was dead.", "Halvorsen",
         "the Kestrel Wire"),
        ("Speaking to the Lidova Courier, Halvorsen said the grain deal was dead.", "Halvorsen",
         "the Lidova Courier"),
        ("“The deal is dead,” Halvorsen wrote in the Northgate Herald.", "Halvorsen", "the Northgate Herald"),
    ],
)
def test_channel_is_via_and_the_person_is_the_speaker(text: str, speaker: str, via: str) -> None:
    (q,) = quotetrace.extract(text)
    assert q.speaker == speaker
    assert q.via is not None and q.via.text == via
    assert text[q.via.start : q.via.end] == via


def test_according_to_alone_is_the_source() -> None:
    (q,) = quotetrace.extract("The convoy left the city on Monday night, according to officials.")
    assert (q.speaker, q.via) == ("officials", None)


@pytest.mark.parametrize(
    "text",
    [
        "Halvorsen told reporters that the deal was dead.",
        "Halvorsen told the parliamentary committee that the deal was dead.",
        "Halvorsen said in Lidova on Monday that the deal was dead.",
    ],
)
def test_an_audience_or_a_place_is_no_channel(text: str) -> None:
    (q,) = quotetrace.extract(text)
    assert (q.speaker, q.via) == ("Halvorsen", None)


def test_what_follows_that_after_a_channel_is_the_content() -> None:
    text = ("The former chief justice Ingrid Saelen wrote in a column for the Courier that she had signed the "
            "appeal with some hesitation.")
    (q,) = quotetrace.extract(text)
    assert q.text == "she had signed the appeal with some hesitation"
    assert (q.speaker, q.descriptors) == ("Ingrid Saelen", ["former chief justice"])
    assert q.via is not None and q.via.text == "the Courier"
