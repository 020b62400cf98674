import json
from pathlib import Path
from typing import Any

import pytest

from quotetrace.evaluation import score
from quotetrace.model import Quote
from quotetrace.ru import extract_russian
from quotetrace.ru.names import surname_key, transliterate
from quotetrace.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "ru" / "articles.jsonl"
ARTICLES = {r["id"]: r for r in map(json.loads, FIXTURES.read_text(encoding="utf-8").splitlines())}
# The floor of attributed quotes found on the fixtures: only raised, never lowered without saying so.
MIN_FOUND = 15


@pytest.fixture(scope="module")
def extracted() -> dict[str, list[Quote]]:
    return {k: extract_russian(r["text"], Settings(language="ru"))[0] for k, r in ARTICLES.items()}


def _by_text(quotes: list[Quote]) -> dict[str, Quote]:
    return {q.text: q for q in quotes}


@pytest.mark.parametrize(
    ("doc", "quote", "speaker", "kind"),
    [
        ("ru1", "армия готова к переговорам", "Иван Петров", "indirect"),  # заявил, что
        ("ru1", "«Мы не отступим ни на шаг, пока не получим гарантий»", "Анна Иванова", "direct"),  # «…», — сказала
        ("ru1", "«Это наша земля»", "Анна Иванова", "direct"),  # pronoun by gender
        ("ru1", "переговоры сорваны по вине Киева", "Иван Петров", "indirect"),  # по словам + genitive surname
        ("ru1", "встреча в Стамбуле отменена", "Сергей Лавров", "indirect"),  # как сообщил
        ("ru1", "цены на бензин вырастут на 15%", "Анна Иванова", "indirect"),  # считает, что; Иванова
        ("ru1", "Армия готова к наступлению в ближайшие недели", "Иван Петров", "indirect"),  # trailing; apposition
        ("ru2", "удары продолжатся до 10 мая", "заявление министерства", "indirect"),  # отмечается в заявлении
        ("ru4", "„Президент не планирует встречу в ближайшее время“", "Дмитрий Песков", "direct"),  # сказал: „…“
    ],
)
def test_ru_extract_construction(
    extracted: dict[str, list[Quote]], doc: str, quote: str, speaker: str, kind: str
) -> None:
    found = _by_text(extracted[doc]).get(quote)
    assert found is not None, [q.text for q in extracted[doc]]
    assert (found.speaker, found.kind, found.language) == (speaker, kind, "ru")


def test_ru_extract_titles_are_not_statements(extracted: dict[str, list[Quote]]) -> None:
    assert not any("Почему мы проиграли" in q.text or "Известия" in q.text for q in extracted["ru2"])


def test_ru_extract_descriptor_from_apposition(extracted: dict[str, list[Quote]]) -> None:
    assert "генерал-полковник в отставке" in extracted["ru1"][0].descriptors


def test_ru_extract_gate(extracted: dict[str, list[Quote]]) -> None:
    expected = {(k, q[0], q[1]) for k, r in ARTICLES.items() for q in r["quotes"]}
    found = {(k, q.text, q.speaker) for k, qs in extracted.items() for q in qs}
    assert len(expected & found) >= MIN_FOUND


@pytest.mark.parametrize("form", ["Иванов", "Иванова", "Иванову", "Ивановым", "Ивановой"])
def test_ru_names_surname_key(form: str) -> None:
    assert surname_key(form) == "иванов"


def test_ru_names_transliterate() -> None:
    assert transliterate("Пётр Иванов") == "Pyotr Ivanov"
    assert transliterate("Дмитрий Песков") == "Dmitry Peskov"


def _one(text: str) -> Quote:
    (q,) = extract_russian(text, Settings(language="ru"))[0]
    return q


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a possessive between "по" and its noun, resolved by gender
        ("Губернатор Олег Рябов приехал в Курск. По его словам, в городе хватает генераторов.",
         "в городе хватает генераторов", "Олег Рябов"),
        # "по данным" / "по информации": reports, their source in the nominative
        ("По данным агентства, станция дважды теряла электроснабжение.",
         "станция дважды теряла электроснабжение", "агентство"),
        ("По информации источника в штабе, наступление отложено до весны.",
         "наступление отложено до весны", "источник в штабе"),
        # an impersonal plural names its source as a place
        ("Движение поездов восстановлено полностью, сообщили в пресс-службе железной дороги.",
         "Движение поездов восстановлено полностью", "пресс-служба железной дороги"),
        ("В областной администрации заявили, что школы откроются в понедельник.",
         "школы откроются в понедельник", "областная администрация"),
        # an apposition after a comma belongs to the subject
        ("Бывший советник министра, полковник запаса Андрей Шаталов, заявил, что армия не готова к зиме.",
         "армия не готова к зиме", "Андрей Шаталов"),
        # a two-word statement before a trailing attribution
        ("Губернатор Олег Рябов осмотрел место падения обломков. Пострадавших нет, уточнил он.",
         "Пострадавших нет", "Олег Рябов"),
    ],
)
def test_ru_extract_reported_sources(text: str, quote: str, speaker: str) -> None:
    q = _one(text)
    assert (q.text, q.speaker) == (quote, speaker)


def test_ru_extract_masculine_title_with_feminine_verb_names_the_woman() -> None:
    text = ("Уполномоченная по правам ребёнка Мария Львова посетила детский дом. Министр Олег Рябов был там же.\n\n"
            "Омбудсмен подчеркнула, что детей эвакуируют до конца недели.")
    assert _one(text).speaker == "Мария Львова"


def test_ru_extract_speaking_verb_names_the_speaker_of_the_quotation_after_it() -> None:
    text = ("Полковник запаса Андрей Шаталов выступил на круглом столе в Общественной палате.\n\n"
            "«Мы слишком долго жили иллюзией, что войны будущего будут короткими»")
    assert _one(text).speaker == "Андрей Шаталов"


@pytest.mark.parametrize(
    "text",
    [
        "Министр раскритиковал доклад Минобороны «О мерах по усилению охраны государственной границы».",
        "По её словам, законопроект «Об изменениях в закон о воинской обязанности и военной службе» внесут в марте.",
    ],
)
def test_ru_extract_title_after_a_document_noun_is_not_speech(text: str) -> None:
    quotes = extract_russian(text, Settings(language="ru"))[0]
    assert not any(q.kind == "direct" for q in quotes)


def test_ru_extract_document_source_with_colon_is_speech() -> None:
    q = _one("В докладе говорится: «Армия потеряла инициативу и должна перейти к обороне».")
    assert (q.kind, q.speaker) == ("direct", "доклад")


HELDOUT = Path(__file__).parent / "fixtures" / "ru" / "heldout.jsonl"
# Sets A and B of heldout.jsonl were held out once and tuned on since (benchmarks/accuracy_ru.py); set C is
# the held-out split and has no test here on purpose: a failing test on it would invite tuning on it.
TUNED_SETS = ("a", "b")
MIN_TUNED_ATTRIBUTED_F1 = 0.95


def _gold(record: dict[str, Any]) -> dict[str, Any]:
    text = record["text"]
    quotes = []
    for quote, speaker, kind, *extra in record["quotes"]:
        options = extra[0] if extra else {}
        start = text.index(quote)
        quotes.append({"start": start, "end": start + len(quote), "speaker": speaker, "kind": kind,
                       "speaker_aliases": options.get("aliases", []), "required": options.get("required", True)})
    return {"id": record["id"], "text": text, "quotes": quotes, "negatives": record.get("negatives", [])}


def test_ru_extract_tuned_sets_floor() -> None:
    records = [r for r in map(json.loads, HELDOUT.read_text(encoding="utf-8").splitlines()) if r["set"] in TUNED_SETS]
    gold = [_gold(r) for r in [*ARTICLES.values(), *records]]
    settings = Settings(language="ru")
    pred = [{"id": g["id"], "quotes": [q.to_dict() for q in extract_russian(g["text"], settings)[0]]}
            for g in gold]
    assert score(gold, pred).attributed_f1 >= MIN_TUNED_ATTRIBUTED_F1


@pytest.mark.parametrize(
    ("text", "descriptors"),
    [
        # two titles in a row are two descriptors, each comparable with its translation
        ("«Переправу закроют на ремонт», — сообщил начальник управления дорог полковник запаса Олег Сомов.",
         ["начальник управления дорог", "полковник запаса"]),
        # the words that introduce a speaker are not part of the title
        ("По мнению директора заповедника Ирины Гуляевой, зубров станет больше.", ["директора заповедника"]),
        # a place before the title is no title: it stands in another case than the name
        ("На совещании в мэрии архитектор Павел Лунин заявил, что сквер сохранят.", ["архитектор"]),
        ("На заседании комитета по бюджету депутат Олег Рябов заявил, что налоги вырастут.", ["депутат"]),
    ],
)
def test_ru_extract_titles_before_a_name(text: str, descriptors: list[str]) -> None:
    quotes, _ = extract_russian(text, Settings(language="ru"))
    assert [q.descriptors for q in quotes] == [descriptors]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("В обращении совета ветеранов генерал Юрий Ласточкин заявил, что парад отменят.", "парад отменят",
         "Юрий Ласточкин"),
        ("В письме профсоюза по охране труда инженер Максим Дёмин заявил, что шахту закроют.", "шахту закроют",
         "Максим Дёмин"),
    ],
)
def test_ru_extract_subject_the_parse_hung_elsewhere(text: str, content: str, speaker: str) -> None:
    # the parse hangs the title and name on the noun before them; the verb has no subject of its own
    quotes, _ = extract_russian(text, Settings(language="ru"))
    assert [(q.text, q.speaker) for q in quotes] == [(content, speaker)]
