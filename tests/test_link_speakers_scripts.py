"""Names written in both scripts: an English name in Cyrillic is spelt by its sound, and generic role words
("head of …", «глава») never keep two mentions of one name apart."""

from __future__ import annotations

import pytest

from quotetrace.link.roles import role_heads
from quotetrace.link.speakers import link_speakers, sound
from quotetrace.ru.names import transliterate
from quotetrace.store import Sighting


def _sighting(quote_id: int, speaker: str, descriptors: tuple[str, ...] = ()) -> Sighting:
    return Sighting(quote_id=quote_id, doc_id=f"d{quote_id}", id=f"doc-{quote_id}", text=f"quote {quote_id}",
                    speaker=speaker, speaker_mention=speaker, descriptors=descriptors, outlet=None, url=None,
                    published_at="2026-05-01", seen_at=None)


def _speaker_ids(*sightings: Sighting) -> list[str]:
    links = link_speakers(sightings)
    return [links.quote_speakers[s.quote_id] for s in sightings]


@pytest.mark.parametrize(("cyrillic", "latin"), [
    ("Торвальд", "Thorvald"), ("Уитмор", "Whitmore"), ("Кершоу", "Kershaw"),
    ("Шарлотта", "Charlotte"), ("Джереми", "Jeremy"),
    ("Гельмут", "Helmut"), ("Ганна", "Hanna"), ("Игорь", "Ihor"),  # an "h" sounded: «г» or «х»
    ("Зальцман", "Saltzman"),  # voiced or not, "tz" or «ц»
])
def test_a_name_and_its_transcription_sound_alike(cyrillic: str, latin: str) -> None:
    assert sound(transliterate(cyrillic)) == sound(latin)


def test_an_english_name_in_cyrillic_is_the_same_speaker() -> None:
    ids = _speaker_ids(_sighting(1, "Oliver Whitmore"), _sighting(2, "Оливер Уитмор"), _sighting(3, "Уитмор"))
    assert len(set(ids)) == 1


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("Malcolm Fairweather", "Малкольм Фэрвезер"),  # "th" written «з», "w" written «в»
    ("Gordon Tate", "Гордон Тейт"),  # a surname of one consonant, with a first name of several
    ("Samuel Brightwell", "Сэмюэл Брайтуэлл"),  # "gh" after a vowel is silent
    ("Thomas Everleigh", "Томас Эверли"),
])
def test_an_english_name_spelt_by_another_sound_is_the_same_speaker(latin: str, cyrillic: str) -> None:
    ids = _speaker_ids(_sighting(1, latin), _sighting(2, cyrillic))
    assert ids[0] == ids[1]


def test_a_short_surname_with_another_first_name_stays_apart() -> None:
    ids = _speaker_ids(_sighting(1, "Gordon Tate"), _sighting(2, "Леонид Тейт"))
    assert ids[0] != ids[1]


def test_a_french_silent_ending_is_left_out_of_the_comparison() -> None:
    ids = _speaker_ids(_sighting(1, "Claude Mercier"), _sighting(2, "Клод Мерсье"))
    assert ids[0] == ids[1]


def test_another_first_name_keeps_them_apart() -> None:
    ids = _speaker_ids(_sighting(1, "Oliver Whitmore"), _sighting(2, "Эдвард Уитмор"))
    assert ids[0] != ids[1]


def test_two_latin_names_that_sound_alike_are_not_merged_by_sound() -> None:
    ids = _speaker_ids(_sighting(1, "Oliver Hale"), _sighting(2, "Oliver Hall"))
    assert ids[0] != ids[1]


def test_two_candidates_that_sound_alike_leave_the_cyrillic_name_apart() -> None:
    ids = _speaker_ids(_sighting(1, "Oliver Hale"), _sighting(2, "Oliver Hall"), _sighting(3, "Оливер Хейл"))
    assert ids[2] not in ids[:2]


def test_a_generic_role_is_no_conflict() -> None:
    assert role_heads(["head of the dockers' union"]) == frozenset()
    ids = _speaker_ids(_sighting(1, "Oleg Marin", ("head of the dockers' union",)),
                       _sighting(2, "Олег Марин", ("председатель профсоюза докеров",)))
    assert ids[0] == ids[1]


def test_two_specific_roles_still_disagree() -> None:
    ids = _speaker_ids(_sighting(1, "Anna Berg", ("mayor of Tolna",)), _sighting(2, "Anna Berg", ("goalkeeper",)))
    assert ids[0] != ids[1]


def test_a_first_name_spelt_by_its_sound_joins_the_same_surname() -> None:
    ids = _speaker_ids(_sighting(1, "Benjamin Ali"), _sighting(2, "Бенджамин Али"), _sighting(3, "Mustafa Ali"),
                       _sighting(4, "Эдвард Али"))
    assert ids[0] == ids[1] and len({ids[0], ids[2], ids[3]}) == 3


def test_a_general_director_is_a_chief_executive() -> None:
    ids = _speaker_ids(_sighting(1, "Tomas Lindgren", ("chief executive of Nordhavn Shipping",)),
                       _sighting(2, "Томас Линдгрен", ("генеральный директор компании Nordhavn Shipping",)))
    assert ids[0] == ids[1]


def test_a_title_of_office_in_another_language_is_a_loose_translation_not_another_person() -> None:
    # "port safety officer" and «капитан порта» share no word in the role lists; an officer is a title of office
    ids = _speaker_ids(_sighting(1, "Timur Galeev", ("port safety officer",)),
                       _sighting(2, "Тимур Галеев", ("капитан порта",)),
                       _sighting(3, "Тимур Галеев", ("старший лоцман",)))  # a role the lists do not know
    assert len(set(ids)) == 1


def test_two_roles_in_one_language_still_keep_a_name_apart() -> None:
    ids = _speaker_ids(_sighting(1, "Timur Galeev", ("mayor",)), _sighting(2, "Timur Galeev", ("goalkeeper",)))
    assert ids[0] != ids[1]


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("Rowan Ashworth", "Роуэн Эшворт"), ("Edwin Calloway", "Эдвин Кэллоуэй"),
])
def test_a_w_inside_a_name_may_be_written_v(latin: str, cyrillic: str) -> None:
    ids = _speaker_ids(_sighting(1, latin), _sighting(2, cyrillic))
    assert ids[0] == ids[1]


@pytest.mark.parametrize(("descriptor", "roles"), [
    ("auditor general of the province", {"auditor"}),  # "general" after an office qualifies it
    ("lieutenant general", {"general"}),  # a rank stays a rank
    ("источник в мэрии Ольховска", set()),  # the city hall, not its mayor
    ("the ferry company's boss", set()),  # a word any holder of a post may be called
])
def test_role_words_read_the_office(descriptor: str, roles: set[str]) -> None:
    assert role_heads([descriptor]) == roles


def test_two_specific_roles_across_languages_keep_a_name_apart() -> None:
    ids = _speaker_ids(_sighting(1, "Timur Galeev", ("goalkeeper",)), _sighting(2, "Тимур Галеев", ("губернатор",)))
    assert ids[0] != ids[1]


def test_two_latin_spellings_of_one_russian_name_join_through_its_cyrillic_spelling() -> None:
    ids = _speaker_ids(_sighting(1, "Борис Зайцев"), _sighting(2, "Boris Zaitsev"), _sighting(3, "Boris Saitzev"),
                       _sighting(4, "Taras Hrytsenko"), _sighting(5, "Тарас Гриценко"),
                       _sighting(6, "Taras Gritsenko"))
    assert ids[0] == ids[1] == ids[2] and ids[3] == ids[4] == ids[5] and ids[0] != ids[3]


def test_latin_spellings_alone_are_still_compared_letter_by_letter() -> None:
    ids = _speaker_ids(_sighting(1, "Boris Zaitsev"), _sighting(2, "Boris Saitzev"))
    assert ids[0] != ids[1]


def test_two_latin_spellings_that_hear_one_cyrillic_name_leave_it_alone() -> None:
    ids = _speaker_ids(_sighting(1, "Оливер Хейл"), _sighting(2, "Oliver Heil"), _sighting(3, "Oliver Hale"),
                       _sighting(4, "Oliver Hall"))
    assert len(set(ids[1:])) == 3
