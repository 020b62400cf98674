"""The veto hears a name across scripts: an English spelling and its Russian transcription by sound match where
their letters part ("Brightwater" / «Брайтуотер»), while two names that sound apart, or alike in too few
consonants, stay a name replaced."""

from __future__ import annotations

import pytest

from quotetrace.link.veto import disagreement, heard

_TRANSCRIBED = [
    # "gh" silent, "w" as «у»
    ("Heavy snow cut off Brightwater's airport.", "Сильный снегопад отрезал аэропорт Брайтуотера."),
    # "c" as «к», "w" a vowel, "th" as «т»; the name in the prepositional case
    ("The Cawthorne plant will cut 300 jobs.", "Завод в Которне сократит 300 рабочих мест."),
    # "ck" as «к», "ea" as «и»
    ("Trains to Blackheath are delayed.", "Поезда в Блэкхит задерживаются."),
    # "ck" and "w" in one name, as written and in the genitive
    ("Police closed the road to Carrickworth.", "Полиция перекрыла дорогу в Каррикуорт."),
    ("The ferry from Carrickworth was cancelled.", "Паром из Каррикуорта отменили."),
]


@pytest.mark.parametrize(("english", "russian"), _TRANSCRIBED)
def test_a_name_transcribed_by_its_sound_is_the_same_name(english: str, russian: str) -> None:
    assert disagreement(english, russian) is None
    assert disagreement(russian, english) is None


_REPLACED = [
    # two names that sound apart
    ("Ferries to Kemsk will resume on Monday.", "Паромы в Торнов снова пойдут в понедельник."),
    ("The bridge at Lindmark will close for three weeks.", "Мост в Бреннвике закроют на три недели."),
    # alike in their first consonants only
    ("Heavy snow cut off Brightwater's airport.", "Сильный снегопад отрезал аэропорт Блэкхита."),
    # alike in two consonants: too few to tell two names apart ("tl")
    ("The road to Tull will reopen in May.", "Дорогу в Тали откроют в мае."),
]


@pytest.mark.parametrize(("english", "russian"), _REPLACED)
def test_names_that_do_not_sound_alike_stay_a_name_replaced(english: str, russian: str) -> None:
    assert disagreement(english, russian) == "name"
    assert disagreement(russian, english) == "name"


def test_a_name_is_heard_past_a_case_ending_the_dictionary_does_not_take_off() -> None:
    assert heard("Wessmark") & heard("Уэссмарком")
    assert heard("Brackwell") & heard("Брэкуэллом")


def test_a_sound_of_fewer_than_three_consonants_is_not_heard() -> None:
    assert heard("Tull") == frozenset()
    assert heard("Тали") == frozenset()


def test_sound_matches_only_across_scripts() -> None:
    # in one script a name is written one way: "Brightwater" is not "Braitwater"
    assert disagreement("Heavy snow cut off Brightwater's airport.",
                        "Heavy snow cut off Bratwoter's airport.") == "name"
