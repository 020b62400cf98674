"""Speakers across documents: name variants merge, different people and anonymous speakers stay apart."""

from __future__ import annotations

from quotetrace.link.speakers import link_speakers, parse_person, role_heads
from quotetrace.store import Sighting


def _s(quote_id: int, doc_id: str, speaker: str, descriptors: tuple[str, ...] = ()) -> Sighting:
    return Sighting(quote_id, doc_id, doc_id, f"words {quote_id}", speaker, speaker, descriptors, None, None,
                    "2026-02-01", None)


def test_link_speakers_name_variants_become_one_speaker() -> None:
    sightings = [
        _s(1, "d1", "Jane Smith", ("former foreign minister",)),
        _s(2, "d2", "Smith"),
        _s(3, "d3", "Ms. Smith"),
        _s(4, "d4", "Jane A. Smith"),
    ]
    links = link_speakers(sightings)
    assert len(links.speakers) == 1
    speaker = links.speakers[0]
    assert speaker.name in {"Jane Smith", "Jane A. Smith"}  # the fullest of the most used names
    assert {speaker.name, *speaker.aliases} == {"Jane Smith", "Smith", "Ms. Smith", "Jane A. Smith"}
    assert speaker.descriptors == ["former foreign minister"]
    assert len(set(links.quote_speakers.values())) == 1


def test_link_speakers_descriptors_differing_only_in_case_are_one() -> None:
    sightings = [
        _s(1, "d1", "Ada Brook", ("Retired colonel",)),
        _s(2, "d2", "Ada Brook", ("retired colonel", "writer")),
        _s(3, "d3", "Brook", ("retired colonel",)),
    ]
    assert link_speakers(sightings).speakers[0].descriptors == ["retired colonel", "writer"]


def test_link_speakers_different_first_names_and_roles_stay_apart() -> None:
    sightings = [
        _s(1, "d1", "Jane Smith", ("former foreign minister",)),
        _s(2, "d2", "John Smith", ("plumber",)),
        _s(3, "d3", "Ms. Smith"),  # a woman: Jane, not John? no title on Jane's side, so role decides nothing
        _s(4, "d4", "Smith", ("plumber",)),
        _s(5, "d5", "Anna Berg", ("mayor",)),
        _s(6, "d6", "Anna Berg", ("goalkeeper",)),
    ]
    links = link_speakers(sightings)
    by_quote = links.quote_speakers
    assert by_quote[1] != by_quote[2]
    assert by_quote[4] == by_quote[2]  # the plumber
    assert by_quote[5] != by_quote[6]  # two Anna Bergs: roles disagree, no shared context


def test_link_speakers_same_name_with_shared_context_is_one_person() -> None:
    sightings = [_s(1, "d1", "Anna Berg", ("mayor",)), _s(2, "d2", "Anna Berg", ("former mayor",))]
    assert len(link_speakers(sightings).speakers) == 1


def test_link_speakers_anonymous_never_merge_across_documents() -> None:
    sightings = [_s(1, "d1", "a senior official"), _s(2, "d2", "a senior official"), _s(3, "d1", "a senior official")]
    links = link_speakers(sightings)
    assert links.quote_speakers[1] == links.quote_speakers[3]
    assert links.quote_speakers[1] != links.quote_speakers[2]
    assert all(s.anonymous for s in links.speakers)


def test_link_speakers_organisations_merge_by_name_only() -> None:
    sightings = [_s(1, "d1", "Ministry of Defence"), _s(2, "d2", "the Ministry of Defence"), _s(3, "d3", "Defence")]
    links = link_speakers(sightings)
    assert links.quote_speakers[1] == links.quote_speakers[2] != links.quote_speakers[3]


def test_link_speakers_overrides_merge_and_split() -> None:
    sightings = [_s(1, "d1", "Jane Smith"), _s(2, "d2", "Jane A. Smith"), _s(3, "d3", "J. Kowalski")]
    links = link_speakers(sightings, overrides=[("split", "Jane Smith", "Jane A. Smith"),
                                                ("merge", "Jane Smith", "J. Kowalski")])
    assert links.quote_speakers[1] != links.quote_speakers[2]
    assert links.quote_speakers[1] == links.quote_speakers[3]


def test_link_speakers_is_deterministic() -> None:
    sightings = [_s(i, f"d{i}", name) for i, name in enumerate(["Jane Smith", "Smith", "a source", "Reuters"])]
    assert link_speakers(sightings) == link_speakers(list(reversed(sightings)))


def test_parse_person_and_role_heads() -> None:
    assert parse_person("Ms. Jane A. Smith") is not None
    assert parse_person("Ministry of Defence") is None
    assert role_heads(["chairwoman of the veterans' association", "former foreign minister"]) == {
        "chairman", "minister"}  # one word for a role whoever holds it


def test_link_speakers_roles_and_shared_names_chain_documents_into_one_person() -> None:
    sightings = [_s(1, "d1", "Anna Berg", ("mayor",)), _s(2, "d2", "Anna Berg", ("former mayor",)),
                 _s(3, "d3", "Anna Berg", ("goalkeeper",)), _s(4, "d4", "Anna Berg", ("plumber",))]
    entities = {"d1": {"kestrel", "nato", "anna berg"}, "d3": {"kestrel", "nato"}, "d4": {"kestrel"}}
    by_quote = link_speakers(sightings, entities).quote_speakers
    assert by_quote[1] == by_quote[2] == by_quote[3]  # d3 shares two names with d1, which shares a role with d2
    assert by_quote[4] != by_quote[1]


def test_link_speakers_many_bare_surnames_join_by_role_or_stay_apart() -> None:
    sightings = [_s(i, f"j{i}", "Jane Smith", ("minister",)) for i in range(300)]
    sightings += [_s(1000 + i, f"p{i}", "John Smith", ("plumber",)) for i in range(300)]
    sightings += [_s(2000 + i, f"q{i}", "Smith", ("plumber",)) for i in range(300)]
    sightings += [_s(3000 + i, f"s{i}", "Smith" if i % 2 else "Ms. Smith") for i in range(600)]
    by_quote = link_speakers(sightings).quote_speakers
    jane, john = by_quote[0], by_quote[1000]
    assert {by_quote[i] for i in range(300)} == {jane} and {by_quote[1000 + i] for i in range(300)} == {john}
    assert {by_quote[2000 + i] for i in range(300)} == {john}  # the plumber's role names him
    # no role, title or context tells Jane from John: left as their own speaker rather than guessed
    bare = {by_quote[3000 + i] for i in range(600)}
    assert len(bare) == 1 and not bare & {jane, john}


def test_link_speakers_one_person_across_scripts_with_roles_in_two_languages() -> None:
    # a transliterated name with its roles written in each language is one speaker, both spellings aliases
    sightings = [
        _s(1, "ru1", "Ольга Лисова", ("председатель комиссии по обороне, вице-адмирал в отставке",)),
        _s(2, "en1", "Olga Lisova", ("retired Vice Admiral", "chair of the defence commission")),
        _s(3, "ru2", "Нина Орлик", ("официальный представитель мид",)),
        _s(4, "en2", "Nina Orlik", ("foreign ministry spokeswoman",)),
    ]
    links = link_speakers(sightings)
    assert links.quote_speakers[1] == links.quote_speakers[2] != links.quote_speakers[3]
    assert links.quote_speakers[3] == links.quote_speakers[4]
    lisova = next(s for s in links.speakers if s.speaker_id == links.quote_speakers[1])
    assert {lisova.name, *lisova.aliases} == {"Ольга Лисова", "Olga Lisova"}


def test_link_speakers_across_languages_only_a_real_conflict_keeps_two_apart() -> None:
    sightings = [
        _s(1, "ru1", "Иван Дорин", ("вратарь клуба",)),  # a goalkeeper ...
        _s(2, "en1", "Ivan Dorin", ("governor of the region",)),  # ... is not the governor
        _s(3, "ru2", "Пётр Галкин", ("дрессировщик цирка",)),  # a role the lexicon does not know says nothing
        _s(4, "en2", "Pyotr Galkin", ("mayor",)),
        _s(5, "ru3", "Олег Сомов", ("мэр",)),  # another first name
        _s(6, "en3", "Ivan Somov", ("mayor",)),
    ]
    by_quote = link_speakers(sightings).quote_speakers
    assert by_quote[1] != by_quote[2]
    assert by_quote[3] == by_quote[4]
    assert by_quote[5] != by_quote[6]


def test_role_heads_translate_russian_roles_and_skip_their_complements() -> None:
    assert role_heads(["генерал-майор в отставке"]) >= {"general"}
    assert "president" not in role_heads(["пресс-секретарь президента"])
    assert role_heads(["Maravia's ambassador to Ostrand"]) == {"ambassador"}
    assert role_heads(["spokeswoman for the foreign ministry"]) == {"spokesman"}
    assert role_heads(["неизвестная должность"]) == frozenset()
