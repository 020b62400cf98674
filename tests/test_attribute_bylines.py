"""The writer a byline names (attribute/bylines.py), and who "I" is when a byline names them."""

from __future__ import annotations

import pytest

import quotetrace
from quotetrace.attribute.bylines import byline


@pytest.mark.parametrize(("line", "name"), [
    ("By Jane Roe", "Jane Roe"),
    ("By Jane Roe, health reporter", "Jane Roe"),
    ("Words and photos: Sam Ortiz", "Sam Ortiz"),
    ("Interview by Freya Moss", "Freya Moss"),
    ("— Interview by Owen Marsh", "Owen Marsh"),
    ("Беседовала Анна Лосева", "Анна Лосева"),
    ("Текст: Мария Кузина", "Мария Кузина"),
])
def test_a_byline_names_its_writer(line: str, name: str) -> None:
    text = f"A headline\n\n{line}\n\nThe article begins here.\n"
    at = byline(text)
    assert at is not None and text[at[0] : at[1]] == name


@pytest.mark.parametrize("line", ["By the time the ferry left, nobody was waiting.", "By Tuesday, it was over.",
                                  "Posted by kelpie_kate » Sat Jul 06, 2024"])
def test_a_sentence_or_a_forum_header_is_no_byline(line: str) -> None:
    assert byline(f"A headline\n\n{line}\n") is None


def test_the_first_person_writer_is_named_by_the_byline() -> None:
    text = ("The clockmaker of Fell Street\n\nBy Ottilie Grange\n\nIvo Marangoni has mended clocks since 1974. "
            "I ask whether that worries him.\n")
    asked = next(q for q in quotetrace.extract(text) if q.text.startswith("whether"))
    assert asked.speaker == "Ottilie Grange"
    unsigned = next(q for q in quotetrace.extract(text.replace("By Ottilie Grange\n\n", ""))
                    if q.text.startswith("whether"))
    assert unsigned.speaker == "the author"
