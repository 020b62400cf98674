"""Institutions named by translation, not transliteration: one institution agrees across languages, another
does not."""

from __future__ import annotations

import pytest

from quotetrace.link.facts import facts
from quotetrace.link.institutions import institutions
from quotetrace.link.veto import capitals, disagreement, speaker_keys


@pytest.mark.parametrize(
    ("original", "echo"),
    [
        ("Завтра мы обратимся в Верховный суд Кальвии с жалобой на вердикт",
         "Tomorrow we will appeal to Calvia's Supreme Court against the verdict"),
        ("The Central Bank of Ostria will hold its key rate at 9 percent",
         "Центробанк Острии сохранит ключевую ставку на уровне 9 процентов"),
        ("По данным Минздрава, в Вельске госпитализированы 12 человек",
         "According to the Health Ministry, 12 people were taken to hospital in Velsk"),
        ("Госдума рассмотрит законопроект о Дарнии в пятницу",
         "The State Duma will consider the Darnia bill on Friday"),
        ("We have asked the United Nations and the Red Cross to send observers to Marinsk",
         "Мы попросили ООН и Красный Крест направить наблюдателей в Маринск"),
        ("Решение примут страны Евросоюза и НАТО до конца года",
         "The decision will be taken by EU and NATO countries before the end of the year"),
        ("The Prosecutor General's Office has opened a case against Orlov",
         "Генпрокуратура возбудила дело против Орлова"),
        ("Совет Безопасности ООН соберётся в четверг по просьбе Тарвии",
         "The UN Security Council will meet on Thursday at Tarvia's request"),
        ("Эксперты ВОЗ прибудут в Дарнию в среду", "Experts from the WHO will arrive in Darnia on Wednesday"),
        ("Позиция МИДа Вельмии не изменилась", "The position of Velmia's Foreign Ministry has not changed"),
        ("A commission of the European Union will visit Velm in May",
         "Комиссия ЕС посетит Вельм в мае"),
    ],
)
def test_a_translated_institution_is_the_same_name_both_ways(original: str, echo: str) -> None:
    assert disagreement(original, echo) is None
    assert disagreement(echo, original) is None


@pytest.mark.parametrize(
    ("original", "echo"),
    [
        ("Завтра мы обратимся в Конституционный суд Кальвии с жалобой на вердикт",
         "Tomorrow we will appeal to Calvia's Supreme Court against the verdict"),
        ("The Central Bank of Ostria will hold its key rate at 9 percent",
         "Для Острии Всемирный банк сохранит ставку на уровне 9 процентов"),
        ("По данным Минздрава, в Вельске госпитализированы 12 человек",
         "According to the Interior Ministry, 12 people were taken to hospital in Velsk"),
        ("We have asked the United Nations to send observers to Marinsk",
         "Мы попросили НАТО направить наблюдателей в Маринск"),
        ("Решение примет Совет Безопасности до конца года",
         "The decision will be taken by the European Commission before the end of the year"),
    ],
)
def test_another_institution_is_a_name_replaced(original: str, echo: str) -> None:
    assert disagreement(original, echo) == "name"
    assert disagreement(echo, original) == "name"


def test_institution_words_share_one_key_in_every_case_ending() -> None:
    forms = ["в Верховном суде", "решение Верховного суда", "с Верховным судом", "the Supreme Court"]
    assert {frozenset(facts(form).names) for form in forms} == {frozenset({"=supreme-court"})}


def test_the_longest_phrase_wins_and_plain_words_are_left_alone() -> None:
    words = ["the", "UN", "Security", "Council", "met", "constitutional", "lawyers", "Who"]
    assert institutions(words) == [None, "=united-nations", "=security-council", "=security-council",
                                   None, None, None, None]


def test_a_short_name_of_the_institution_is_no_other_institution() -> None:
    # "the Court" says no less than the court named in full; in one language as before
    assert disagreement("The Court of Velm will rule in May", "The Supreme Court of Velm will rule in May") is None
    assert disagreement("МИД Ветрии ответит в мае", "The Ministry will respond for Vetria in May") is None


def test_an_institution_opening_a_sentence_is_its_name_when_the_corpus_writes_it_so() -> None:
    corpus = capitals(["Жалобу рассмотрит Верховный суд.", "The ruling of the Supreme Court stands."])
    original, echo = "Верховный суд отклонил иск Тарвии", "The Constitutional Court rejected Tarvia's claim"
    assert disagreement(original, echo, corpus=corpus) == "name"
    assert disagreement(original, "The Supreme Court rejected Tarvia's claim", corpus=corpus) is None


def test_a_speakers_institution_is_left_out_of_the_comparison() -> None:
    speakers = speaker_keys(["Supreme Court spokesman"])
    assert "=supreme-court" in speakers
    assert disagreement("Верховный суд рассмотрит дело Орлова в мае", "The case of Orlov will be heard in May",
                        speakers) is None
