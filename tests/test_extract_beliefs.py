"""Beliefs said with a passive or an adjective and no "that", and a consequence that is no content."""

from __future__ import annotations

import pytest

import quotetrace


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The caretaker Olav Brekke is convinced the boiler was never serviced.", "the boiler was never serviced"),
        ("The inspectors were convinced that the fire had started in the kitchen.",
         "that the fire had started in the kitchen"),
        ("The fishermen are worried the quotas will be cut again.", "the quotas will be cut again"),
    ],
)
def test_a_belief_held(text: str, content: str) -> None:
    quotes = quotetrace.extract(text)
    assert [(q.text, q.type) for q in quotes] == [(content, "belief")]


def test_a_clause_followed_by_so_is_not_the_content_of_the_verb_after() -> None:
    assert quotetrace.extract("Brenmoor is rated the driest town in the region, so the forecast drew groans.") == []



def test_a_description_is_not_an_unnamed_speaker_with_another_noun() -> None:
    text = ("Ingrid Solberg sat on the county bench for twenty years.\n\n"
            "A fisherman who mends nets on the quay said the closure was a mistake.\n\n"
            "The former judge said the pupils would have to travel an hour each way.")
    speakers = {q.text: q.speaker for q in quotetrace.extract(text)}
    assert speakers["the pupils would have to travel an hour each way"] == "Ingrid Solberg", speakers


def test_in_the_words_of_names_the_source() -> None:
    quotes = quotetrace.extract("In the words of the club's founder, Edda Lind, the team “grew up on a car park”.")
    assert [(q.speaker, q.kind) for q in quotes] == [("Edda Lind", "mixed")], quotes


def test_a_plural_group_is_not_the_person_named_before() -> None:
    text = ("Harbour master Aksel Rudd praised the crews' patience after a week of gales.\n\n"
            "Asked by reporters whether the harbour would close, Rudd said it would stay open.")
    asked = next(q for q in quotetrace.extract(text) if q.text.startswith("whether"))
    assert asked.speaker != "Aksel Rudd" and asked.speaker_mention is not None, asked
    assert asked.speaker_mention.text == "reporters"
