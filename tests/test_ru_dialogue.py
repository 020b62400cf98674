"""Dialogue-dash direct speech in Russian: a paragraph opening with a dash is the speech, the author's words
follow another dash ("— Речь, — сказал он.")."""

from __future__ import annotations

import pytest

from quotetrace.model import Quote
from quotetrace.ru import extract_russian
from quotetrace.ru.dialogue import DIALOGUE, dialogue_spans
from quotetrace.settings import Settings

INTRO = "Министр обороны Олег Гуров провёл совещание в штабе округа.\n\n"


def _quotes(text: str) -> list[Quote]:
    return extract_russian(text, Settings(language="ru"))[0]


def _direct(text: str) -> list[Quote]:
    return [q for q in _quotes(text) if q.kind == "direct"]


@pytest.mark.parametrize(
    ("line", "speech", "cue"),
    [
        ("— Войска готовы к любому развитию событий, — сказал Гуров журналистам.",
         "Войска готовы к любому развитию событий", "сказал"),
        ("— Никаких переговоров не будет! — заявил он.", "Никаких переговоров не будет!", "заявил"),
        ("— Вы действительно готовы к наступлению? — спросил Гуров.", "Вы действительно готовы к наступлению?",
         "спросил"),
        ("— Выход один — укреплять оборону, — заявил он.", "Выход один — укреплять оборону", "заявил"),  # inner dash
        ("— Чиновники пишут доклады — сказал Гуров.", "Чиновники пишут доклады", "сказал"),  # no comma
        ("– Мы будем стоять до конца, – сказал он.", "Мы будем стоять до конца", "сказал"),  # en dashes
    ],
)
def test_ru_dialogue_speech_and_attribution(line: str, speech: str, cue: str) -> None:
    (q,) = _direct(INTRO + line)
    assert (q.text, q.cue, q.speaker, q.language) == (speech, cue, "Олег Гуров", "ru")


def test_ru_dialogue_speech_resumed_after_the_author_words_is_one_quote_in_two_pieces() -> None:
    text = INTRO + "— Никаких переговоров не будет, — добавил Гуров. — Пока противник обстреливает наши города."
    (q,) = _direct(text)
    assert [f.text for f in q.fragments] == ["Никаких переговоров не будет", "Пока противник обстреливает наши города"]
    assert q.text.startswith("Никаких") and q.text.endswith("города") and q.speaker == "Олег Гуров"


def test_ru_dialogue_pronoun_follows_the_verb_gender() -> None:
    text = (INTRO + "Глава региона Анна Лаптева с ним согласилась.\n\n"
            "— Выход один — укреплять оборону, — заявила она.\n\n"
            "— Мы с этим не согласны, — ответил он.")
    speakers = [q.speaker for q in _direct(text)]
    assert speakers == ["Анна Лаптева", "Олег Гуров"]


def test_ru_dialogue_speech_verbs_inside_the_speech_are_not_reported_speech() -> None:
    text = INTRO + "— Кто-то скажет, что это дорого, — ответил Гуров. — Но жизни людей дороже."
    quotes = _quotes(text)
    assert [q.kind for q in quotes] == ["direct"]
    assert quotes[0].speaker == "Олег Гуров"


def test_ru_dialogue_a_quotation_inside_the_speech_belongs_to_it() -> None:
    text = INTRO + "— Генштаб писал о «молниеносной операции», и все в это верили, — сказал Гуров."
    (q,) = _direct(text)
    assert q.text == "Генштаб писал о «молниеносной операции», и все в это верили"


@pytest.mark.parametrize(
    "text",
    [
        INTRO + "— Как вы оцениваете ситуацию на фронте?\n\n— Ситуация сложная, но контролируемая.",  # interview turns
        INTRO + "В плане три пункта:\n\n- усилить оборону городов;\n\n- закупить генераторы.",  # a list
        "МОСКВА, 5 марта — Министр обороны Олег Гуров провёл совещание.",  # a dateline dash
    ],
)
def test_ru_dialogue_dash_lines_without_author_words_are_not_speech(text: str) -> None:
    assert dialogue_spans(text) == []


def test_ru_dialogue_spans_hold_the_words_alone() -> None:
    text = "— Да, — сказал он. — Конечно.\n— Нет! — ответила она."
    spans = dialogue_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["Да", "Конечно", "Нет!"]
    assert all(s.opener == DIALOGUE for s in spans)


def test_ru_dialogue_line_break_ends_a_sentence_for_the_parse() -> None:
    # razdel alone runs a dash-led line into the sentence before it, and the cue then takes the wrong subject
    text = INTRO + "— Войска готовы, — сказал Гуров.\n\n— Никаких переговоров не будет, — добавил он."
    mentions = [q.speaker_mention.text for q in _direct(text) if q.speaker_mention]
    assert mentions == ["Гуров", "он"]
