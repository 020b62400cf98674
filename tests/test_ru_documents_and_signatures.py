"""The Russian path on invented sentences: documents and studies as sources (a document's wording, "согласно
отчёту", "такие данные приводит", a headline opened by a study), quotations signed on the line below or
addressed in a headline, and what is no statement (a request for comment, a name given with "который назвали")."""

from __future__ import annotations

import pytest

from ru_quotes import ru_quote, ru_quotes


@pytest.mark.parametrize(
    ("text", "containing", "mention"),
    [
        # the wording of a document speaks for it
        ("Профсоюз разослал обращение. В тексте обращения говорится, что смены «стали длиннее на два часа».",
         "длиннее", "тексте обращения"),
        # "согласно" and a report with no owner: the report is the source
        ("Фонд выпустил доклад. Согласно докладу, каждый четвёртый мост в области требует ремонта.",
         "каждый четвёртый мост", "докладу"),
        # "Такие данные приводит X": the sentence before is X's
        ("Треть фермеров не застраховали урожай. Такие данные приводит аграрный союз, опросивший весной "
         "пятьсот хозяйств.", "Треть фермеров", "аграрный союз"),
        # a headline opened by a study alone
        ("Опрос: половина жителей области не пользуется автобусами\n\nТранспортники спорят с цифрами.\n",
         "половина жителей", "Опрос"),
        # a headline whose speaker addresses someone in the dative before the colon
        ("Рыбаки Озерков — губернатору: «Нам запретили выходить на лёд без причины»\n\nСпор идёт месяц.\n",
         "запретили выходить", "Рыбаки Озерков"),
        # "признаётся, что"
        ("Тренер Гусева признаётся, что после поражения не спала до утра.", "не спала", "Тренер Гусева"),
    ],
)
def test_ru_documents_and_headlines_are_sources(text: str, containing: str, mention: str) -> None:
    q = ru_quote(text, containing)
    assert q.speaker_mention is not None and q.speaker_mention.text == mention


def test_ru_a_quotation_signed_on_the_line_below_is_its_signers() -> None:
    text = ("Корреспондент спросил прохожих о новой парковке.\n\n"
            "«Места стало меньше, а цена выросла. Буду ездить на трамвае».\n"
            "Арина Лебедева, учительница\n\n"
            "«Мне всё равно, я хожу пешком».\n"
            "Павел Суханов, пенсионер\n\n"
            "Мэрия обещает пересмотреть тарифы.\n")
    found = {q.text: q.speaker for q in ru_quotes(text)}
    assert found["«Места стало меньше, а цена выросла. Буду ездить на трамвае»"] == "Арина Лебедева"
    assert found["«Мне всё равно, я хожу пешком»"] == "Павел Суханов"


def test_ru_a_line_after_a_quotation_with_no_name_signs_nothing() -> None:
    text = "«Места стало меньше, а цена выросла».\nФото пресс-службы\n\nМэрия обещает пересмотреть тарифы.\n"
    assert all(q.speaker is None for q in ru_quotes(text) if "Места" in q.text)


@pytest.mark.parametrize(
    "text",
    [
        "Редакция попросила прокомментировать решение начальника городского транспортного управления.",
        "Клуб болельщиков, который его основатели прозвали «Северный ветер с моря», собрал сто человек.",
    ],
)
def test_ru_requests_for_comment_and_names_given_are_no_statements(text: str) -> None:
    assert ru_quotes(text) == []


def test_ru_a_request_to_act_stays_a_statement() -> None:
    assert ru_quote("Мэр попросил горожан не оставлять машины у обочины.", "машины").speaker == "мэр"


def test_ru_a_doubt_ends_at_a_colon_before_the_writers_reason_and_speech_goes_on_past_it() -> None:
    doubt = ru_quote("Многие сомневаются, что дорогу сдадут в срок: подрядчик менялся уже трижды.", "дорогу")
    assert doubt.text == "дорогу сдадут в срок"
    said = ru_quote("Врач рассказала, что больных стало вдвое больше: многие лечатся дома.", "больных")
    assert said.text.endswith("многие лечатся дома")


def test_ru_a_collective_letter_is_signed_by_the_group_not_the_place_it_names() -> None:
    text = ("В администрацию района передали обращение.\n\n"
            "«Дорогу не ремонтировали десять лет. Просим включить её в план на следующий год».\n"
            "Совет жителей посёлка Ольховка (86 подписей)\n\n"
            "В администрации обещали ответить.\n")
    q = ru_quote(text, "Дорогу не ремонтировали")
    assert q.speaker_mention is not None and q.speaker_mention.text == "Совет жителей посёлка Ольховка"
    assert q.speaker is not None and q.speaker != "Ольховка"


def test_ru_people_of_a_place_are_the_speakers_and_a_place_opening_the_mention_speaks() -> None:
    assert ru_quote("Жители Ольховки заявили, что воду не дают третий день.", "воду").speaker == "жители Ольховки"
    assert ru_quote("Москва ответила, что переговоры продолжатся.", "переговоры").speaker == "Москва"
