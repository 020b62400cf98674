"""What a speaker label is (extract/labels.py), and when a layout sets a Q&A's questions apart
(extract/questions.py): shapes at a line's start that the document repeats, never headers or lists."""

from __future__ import annotations

import pytest

from quotetrace.extract.labels import is_header, speaker_labels
from quotetrace.extract.questions import layout_turns


def _whos(text: str) -> list[str]:
    return [text[label.who[0] : label.who[1]] for label in speaker_labels(text)]


@pytest.mark.parametrize(("turns", "whos"), [
    (["HALE: We open at nine.", "ROOS: Not on Sundays.", "HALE: On Sundays too."], ["HALE", "ROOS", "HALE"]),
    (["**Hale:** We open at nine.", "**Roos:** Not on Sundays.", "**Hale:** Sundays too."], ["Hale", "Roos", "Hale"]),
    (["Ines Hale – We open at nine.", "Piet Roos – Not on Sundays.", "Ines Hale – On Sundays too."],
     ["Ines Hale", "Piet Roos", "Ines Hale"]),
    (["[00:01:02] Hale: We open at nine.", "[00:01:09] Roos: Not on Sundays.", "[00:01:15] Hale: Sundays too."],
     ["Hale", "Roos", "Hale"]),
    (["> Hale: We open at nine.", "> Roos: Not on Sundays.", "> Hale: On Sundays too."], ["Hale", "Roos", "Hale"]),
    (["Q. When do you open?", "A. At nine.", "Q. On Sundays too?"], ["Q", "A", "Q"]),
    (["HALE\nWe open at nine.", "ROOS\nNot on Sundays.", "HALE\nOn Sundays too."], ["HALE", "ROOS", "HALE"]),
    (["Ines Hale (00:01):\nWe open at nine.", "Piet Roos (00:09):\nNot on Sundays.", "Ines Hale (00:15):\nToo."],
     ["Ines Hale", "Piet Roos", "Ines Hale"]),
    (["Корреспондент: Почему так рано?", "Петров: Паром приходит в девять.", "Корреспондент: А в воскресенье?"],
     ["Корреспондент", "Петров", "Корреспондент"]),
])
def test_a_label_is_a_repeated_name_or_role_opening_a_line_in_any_of_its_shapes(
    turns: list[str], whos: list[str]
) -> None:
    assert _whos("Market hours\n\n" + "\n\n".join(turns) + "\n") == whos


def test_headers_that_repeat_are_never_labels() -> None:
    text = ("The quay reopens\n\nPhoto: Workers pour the last of the concrete.\n\nThe work took a year.\n\n"
            "Photo: The harbour master walks the new quay.\n\nUpdated: the date has moved to May.\n")
    assert speaker_labels(text) == []
    assert is_header("Photo: Workers pour the concrete.") and is_header("Updated 12:30")
    assert not is_header("Hale: We open at nine.")


def test_a_headline_a_dateline_or_a_name_said_once_is_no_transcript() -> None:
    text = ("Analysis: the quay will not open in May\n\nWASHINGTON — The council met on Friday.\n\n"
            "Hale: we open at nine, she said, and nobody believed her.\n")
    assert speaker_labels(text) == []


def test_one_who_answering_questions_set_apart_is_a_conversation() -> None:
    text = "Hours\n\n**Why nine?**\n\nHale: Because the ferry docks at ten to.\n\n**Sundays?**\n\nHale: Yes.\n"
    assert speaker_labels(text) == []
    assert _whos_apart(text) == ["Hale", "Hale"]


def _whos_apart(text: str) -> list[str]:
    return [text[label.who[0] : label.who[1]] for label in speaker_labels(text, asked_apart=True)]


QANDA = """Five questions for the harbour master

**Why close the quay in winter?**

Because the storms move the fenders, and I would rather lose a month than a boat.

**Will the ferry still run?**

It will, from the north slip. We have told every skipper.
"""

EXPLAINER = """Boil-water notice: what it means

**What is a boil-water notice?**

A notice tells households to boil tap water before drinking it, until tests come back clear.

**How long will it last?**

The water company says at least three days.
"""


def test_questions_in_bold_over_answers_make_a_qanda() -> None:
    turns = layout_turns(QANDA)
    assert [t.role for t in turns] == ["question", "answer", "question", "answer"]
    assert QANDA[turns[1].start : turns[1].end].startswith("Because the storms")


def test_an_explainer_whose_subheadings_are_questions_is_no_qanda() -> None:
    assert layout_turns(EXPLAINER) == []  # nobody answers as "I" or "we", nobody is asked as "you"


def test_a_numbered_list_of_points_is_no_qanda() -> None:
    text = "What the plan says\n\n1. The quay closes in winter.\nWe agreed.\n\n2. The ferry moves north.\nI agree.\n"
    assert layout_turns(text) == []
