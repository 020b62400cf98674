"""Speaker resolution: pronouns and descriptions resolve to the person or organisation they refer back to."""

from __future__ import annotations

import pytest

import quotetrace
from quotetrace.attribute.people import collect_entities
from quotetrace.nlp import load_pipeline


def speaker_of(text: str, words: str) -> str | None:
    """The resolved speaker of the quote whose text contains ``words``."""
    quotes = [q for q in quotetrace.extract(text) if words in q.text]
    assert quotes, quotetrace.extract(text)
    return quotes[0].speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # the subject of the sentence before wins over an earlier speaker
        ("“The budget is a disgrace,” Mr. Tomas Brel said on Monday. Mr. Karel Vosk won the vote in the north. "
         "He said the result was “a gift to the whole region.”", "gift", "Karel Vosk"),
        # ... but not a subject inside what someone reports
        ("Tomas Brel spoke in Lidova on Monday. Brel says Karel Vosk was flown home on Sunday. "
         "He said the flight was “long overdue.”", "overdue", "Tomas Brel"),
    ],
)
def test_pronouns(text: str, words: str, speaker: str) -> None:
    assert speaker_of(text, words) == speaker


def test_hillary_is_a_female_given_name() -> None:
    """It was listed as male too, which left every Hillary without a gender."""
    nlp = load_pipeline("en")
    people = collect_entities(nlp("Hillary Rendt met voters in Lidova on Monday."))
    assert [(e.name, e.gender) for e in people if e.label == "PERSON"] == [("Hillary Rendt", "f")]


def test_two_people_of_one_surname_are_kept_apart() -> None:
    text = ("Mr. Tomas Brel arrived in Lidova with his wife, Anna Brel, on Monday. "
            "“We are home at last,” she said.")
    assert speaker_of(text, "home at last") == "Anna Brel"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # an abbreviated title before the name: "Sen." is a senator
        ("Sen. Olga Rendt visited the port of Lidova on Friday. “The harbour needs money,” the senator said.",
         "harbour", "Olga Rendt"),
        # a synonym of the title: "Rep." ↔ "the congressman"
        ("Rep. Olga Rendt toured the plant with workers. “These jobs will stay,” the congresswoman said.",
         "jobs will stay", "Olga Rendt"),
        # a role noun never seen with a name: the person the text is about
        ("Karel Vosk owns three hotels in Lidova. “Taxes are too high,” the businessman said.",
         "Taxes", "Karel Vosk"),
    ],
)
def test_descriptions(text: str, words: str, speaker: str) -> None:
    assert speaker_of(text, words) == speaker


def test_spokesman_is_not_the_person_he_speaks_for() -> None:
    text = "Karel Vosk was in Lidova on Friday. “No decision has been taken,” the spokesman said."
    assert speaker_of(text, "No decision") == "the spokesman"


def test_campaign_named_by_its_owner() -> None:
    text = ("Olga Rendt's campaign raised money in Lidova. The Brel Foundation gave nothing. "
            "“We will spend it on radio,” the campaign said.")
    assert "campaign" in (speaker_of(text, "radio") or "")
    assert "Rendt" in (speaker_of(text, "radio") or "")


def test_a_possessive_noun_is_no_speaker_for_he() -> None:
    """"his pick" is no person: a later "he" goes past it to the man who made it."""
    text = ("Tomas Brel said his pick was a careful one. “With an eye to the north,” his pick was explained. "
            "“We will see,” he said.")
    assert speaker_of(text, "We will see") == "Tomas Brel"
