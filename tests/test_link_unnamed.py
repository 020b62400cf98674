"""Altered echoes of statements whose speaker is named by role only, or by no one; roles compared across
languages; and the readings of figures, units, shares and lengths of time the veto compares."""

from __future__ import annotations

import pytest

from quotetrace.link.facts import facts
from quotetrace.link.roles import same_role
from quotetrace.link.speakers import link_speakers
from quotetrace.link.statements import link_statements
from quotetrace.link.veto import explain
from quotetrace.store import Sighting

SAID = "“The ring road will be shut to heavy goods vehicles for nine days from Friday while the flyover is relaid.”"


def _sighting(quote_id: int, text: str, when: str, speaker: str | None = None,
              descriptors: tuple[str, ...] = ()) -> Sighting:
    doc = f"d{quote_id}"
    return Sighting(quote_id, doc, doc, text, speaker, speaker, descriptors, f"o{quote_id}.example",
                    f"https://o{quote_id}.example/{doc}", when, None)


def _relations(*sightings: Sighting) -> dict[int, str | None]:
    """Each sighting's relation to the first one's statement (None: another statement)."""
    speakers = link_speakers(sightings)
    anonymous = frozenset(s.speaker_id for s in speakers.speakers if s.anonymous)
    links = link_statements(sightings, speakers.quote_speakers, anonymous=anonymous)
    statement = {quote_id: st for st, quote_id, _ in links.members}
    relation = {quote_id: rel for _, quote_id, rel in links.members}
    first = statement[sightings[0].quote_id]
    return {s.quote_id: relation[s.quote_id] if statement[s.quote_id] == first else None for s in sightings[1:]}


@pytest.mark.parametrize(("original", "echo"), [
    (("a highways agency spokesman",), ("highways agency spokesman",)),
    (("spokesman for the highways agency",), ("представитель дорожного агентства",)),  # translated role
    (("a highways agency spokesman",), ()),  # an outlet's copy that says nothing of whose words they are
    ((), ()),  # no one's quoted words both times (an unsigned notice): quotation marks tie them
])
def test_a_near_copy_with_a_figure_changed_by_the_same_unnamed_role_is_altered(
        original: tuple[str, ...], echo: tuple[str, ...]) -> None:
    relations = _relations(_sighting(1, SAID, "2026-04-01T08:00:00Z", descriptors=original),
                           _sighting(2, SAID.replace("nine days", "nineteen days"), "2026-04-02T08:00:00Z",
                                     descriptors=echo))
    assert relations == {2: "altered"}


@pytest.mark.parametrize(("original", "echo"), [
    (("a highways agency spokesman",), ("a railway company spokesman",)),  # another body's spokesman
])
def test_another_role_or_none_keeps_the_changed_copy_apart(original: tuple[str, ...], echo: tuple[str, ...]) -> None:
    relations = _relations(_sighting(1, SAID, "2026-04-01T08:00:00Z", descriptors=original),
                           _sighting(2, SAID.replace("nine days", "nineteen days"), "2026-04-02T08:00:00Z",
                                     descriptors=echo))
    assert relations == {2: None}


def test_an_unnamed_copy_with_a_figure_changed_weeks_later_is_another_statement() -> None:
    relations = _relations(_sighting(1, SAID, "2026-04-01T08:00:00Z", descriptors=("a highways agency spokesman",)),
                           _sighting(2, SAID.replace("nine days", "nineteen days"), "2026-04-20T08:00:00Z",
                                     descriptors=("a highways agency spokesman",)))
    assert relations == {2: None}


def test_a_named_speaker_and_an_unnamed_one_alter_nothing() -> None:
    relations = _relations(_sighting(1, SAID, "2026-04-01T08:00:00Z", "Ilse Varga", ("transport minister",)),
                           _sighting(2, SAID.replace("nine days", "nineteen days"), "2026-04-02T08:00:00Z",
                                     descriptors=("a highways agency spokesman",)))
    assert relations == {2: None}


def test_a_roles_template_in_many_versions_alters_nothing() -> None:
    line = "{n} households were still without heating on Tuesday evening, the city's utility reported."
    versions = [_sighting(k + 1, line.format(n=n), f"2026-01-0{k + 1}T08:00:00Z", descriptors=("a utility spokesman",))
                for k, n in enumerate((120, 340, 85, 610, 47, 230))]
    assert set(_relations(*versions).values()) == {None}


def test_same_role_compares_what_the_role_is_of() -> None:
    assert same_role(["press officer of the port authority"], ["port authority press officer"])
    assert not same_role(["finance ministry spokeswoman"], ["defence ministry spokeswoman"])
    assert same_role(["spokeswoman"], ["finance ministry spokeswoman"])  # one says less
    assert same_role(["представитель Минфина"], ["finance ministry spokeswoman"])  # across languages: the role


def test_a_role_is_one_whoever_holds_it() -> None:
    assert same_role(["Defence Ministry spokesperson"], ["defence ministry spokesman"])
    assert same_role(["committee chairwoman"], ["chairperson of the committee"])
    assert not same_role(["health ministry spokeswoman"], ["interior ministry spokesperson"])
    assert not same_role(["представитель Минфина"], ["представитель Минобороны"])
    assert not same_role([], []) and not same_role([], ["spokeswoman"])


@pytest.mark.parametrize(("original", "echo"), [
    ("the fund will lend 3.2 million krona to the dairy", "the dairy gets a 3.2m krona loan from the fund"),
    ("a €75m grant for the harbour", "a grant of 75 million euros for the harbour"),
    ("a 250-megawatt wind farm off the cape", "a 250MW wind farm off the cape"),
    ("ветряная электростанция на 250 МВт у мыса", "a 250-megawatt wind farm off the cape"),
    ("bus fares will fall by a quarter", "bus fares will fall by one quarter"),
    ("bus fares will fall by a quarter", "bus fares will fall by 25 percent"),
    ("ridership fell by a third", "ridership fell by 33 percent"),
    ("проезд подешевеет на треть", "fares will fall by a third"),
    ("the ferry crossing will take an hour and 10 minutes", "the ferry crossing will take 70 minutes"),
    ("переправа займёт 1 час 10 минут", "the ferry crossing will take 70 minutes"),
])
def test_figures_written_two_ways_agree(original: str, echo: str) -> None:
    assert explain(original, echo) is None


@pytest.mark.parametrize(("original", "echo"), [
    ("the fund will lend 3.2 million krona to the dairy", "the dairy gets a 2.3m krona loan from the fund"),
    ("a 250-megawatt wind farm off the cape", "a 520MW wind farm off the cape"),
    ("bus fares will fall by a quarter", "bus fares will fall by a third"),
    ("the ferry crossing will take an hour and 10 minutes", "the ferry crossing will take 10 minutes"),
])
def test_figures_changed_still_veto(original: str, echo: str) -> None:
    found = explain(original, echo)
    assert found is not None and found[0] == "number"


def test_ambiguous_m_is_millions_or_metres_and_an_ordinal_stays_one() -> None:
    assert {"6.5", "6500000"} <= facts("the wave reached 6.5m").numbers
    assert explain("the wave reached 6.5 metres", "the wave reached 6.5m") is None
    assert facts("he was elected to a third term").numbers == {"3"}
    assert facts("the second unit of 400 МВт").names == frozenset()  # a unit is no name


@pytest.mark.parametrize(("original", "echo"), [
    # "without" and a word that says "not" on its own: one positive, as "no" and that word
    ("there will be no flight cancellations this week", "this week will pass without flight cancellations"),
    ("отмен рейсов на этой неделе не будет", "неделя пройдёт без отмен рейсов"),
    # "stay away" / "keep away" says "not go"
    ("pupils with a fever must not come to class", "pupils with a fever must stay away from class"),
    # a modal makes "close to" the verb: closed to traffic, as "barred"
    ("the pass will close to coaches on Monday", "coaches will be banned from the pass on Monday"),
    # «перестанет» ("will stop doing") says the service will not run
    ("ночное отделение клиники в мае закрывается", "клиника в мае перестанет принимать пациентов ночью"),
])
def test_restated_with_other_words_of_the_same_polarity(original: str, echo: str) -> None:
    assert explain(original, echo) is None


@pytest.mark.parametrize(("original", "echo"), [
    ("this week will pass without flight cancellations", "flights will be cancelled this week"),
    ("pupils with a fever must come to class", "pupils with a fever must stay away from class"),
    ("the pass will close to coaches on Monday", "the pass will stay open to coaches on Monday"),
    ("ночное отделение клиники продолжит работать", "клиника перестанет принимать пациентов ночью"),
])
def test_the_claim_flipped_in_those_words_still_vetoes(original: str, echo: str) -> None:
    found = explain(original, echo)
    assert found is not None and found[0] == "negation"


@pytest.mark.parametrize(("original", "echo"), [
    ("wage growth slowed to 4 percent in May", "wage growth picked up to 4 percent in May"),
    ("рост цен в мае замедлился до 4 процентов", "рост цен в мае ускорился до 4 процентов"),
])
def test_a_rate_that_slowed_is_not_one_that_picked_up(original: str, echo: str) -> None:
    found = explain(original, echo)
    assert found is not None and found[0] == "negation"


def test_a_refusal_in_the_future_tense_is_a_negation() -> None:
    assert explain("профсоюз не откажется от забастовки", "профсоюз продолжит забастовку") is None
    found = explain("профсоюз откажется от забастовки", "профсоюз продолжит забастовку")
    assert found is not None and found[0] == "negation"


def test_a_place_is_not_the_speakers_first_name_for_sharing_letters() -> None:
    speakers = frozenset({"marita", "lunde"})
    original = "«Пациентов будут возить в Калмар, это 40 километров»"
    found = explain(original, "“Patients will be driven to Mardal, 40 kilometres away”", speakers)
    assert found is not None and found[0] == "name"
    assert explain(original, "“Patients will be driven to Kalmar, 40 kilometres away”", speakers) is None


@pytest.mark.parametrize(("original", "echo", "reason"), [
    ("the report will be published by the end of the month", "the report will be out by the end of the year", "date"),
    ("доклад опубликуют до конца месяца", "the report will be published by the end of the month", None),
    ("доклад опубликуют до конца месяца", "the report will be published by the end of the week", "date"),
    ("the report will be published by the end of the month", "the report will be published this month", None),
])
def test_the_end_of_a_period_is_a_date(original: str, echo: str, reason: str | None) -> None:
    found = explain(original, echo)
    assert (found[0] if found else None) == reason


def test_a_title_in_chief_is_its_first_word() -> None:
    from quotetrace.link.roles import role_words

    assert role_words("editor-in-chief of the Harbour Gazette") == {"editor"}
    assert role_words("commander-in-chief") == {"commander"}
    assert role_words("главный редактор газеты") == {"editor"}


def test_translation_candidates_by_any_named_speaker_of_a_group() -> None:
    from quotetrace.link.translations import candidate_pairs

    sightings = [_sighting(1, "«Паром до Вельма пойдёт с 4 мая»", "2026-05-01T08:00:00Z", "Пия Лунд"),
                 _sighting(2, "the ferry to Velm would sail from May 4", "2026-05-09T08:00:00Z", "P. Lund"),
                 _sighting(3, "“The ferry to Velm will run from 4 May”", "2026-05-09T09:00:00Z", "Pia Lund")]
    # the English group's first member is attributed to a spelling linked apart; its other member to her
    speakers = {1: "sp-lund", 2: "sp-p-lund", 3: "sp-lund"}
    assert candidate_pairs([[0], [1, 2]], sightings, speakers, frozenset()) == {(0, 1)}


@pytest.mark.parametrize(("original", "echo"), [
    ("«Дорогу до Белого Яра откроют в пятницу»", "“The road to Bely Yar will open on Friday”"),
    ("«Премию вручили Веры Осиповой ученикам»", "“The prize went to Vera Osipova's pupils”"),
    ("«Мост у Льва Толстого закрыт»", "“The bridge at Lev Tolstoy is closed”"),
])
def test_a_russian_name_in_another_case_is_the_english_name(original: str, echo: str) -> None:
    # a short name's case ending («Яра», «Веры», «Льва») is no letters of the name
    assert explain(original, echo) is None


def test_a_russian_name_in_another_case_still_differs_from_another_name() -> None:
    found = explain("«Дорогу до Белого Яра откроют в пятницу»", "“The road to Bely Dol will open on Friday”")
    assert found is not None and found[0] == "name"


def test_an_unattributed_echo_is_near_a_statement_when_near_any_of_its_sightings() -> None:
    """A statement first said on 1 May and echoed in its language on 10 May: an unattributed translation on
    12 May is within the window of the echo, though not of the first sighting."""
    from quotetrace.link.translations import candidate_pairs

    sightings = [_sighting(1, "“The ferry to Velm will run from 4 May”", "2026-05-01T08:00:00Z", "Pia Lund"),
                 _sighting(2, "“The ferry to Velm will run from 4 May”", "2026-05-10T08:00:00Z", "Pia Lund"),
                 _sighting(3, "«Паром до Вельма пойдёт с 4 мая»", "2026-05-12T08:00:00Z", None),
                 _sighting(4, "«Паром до Вельма пойдёт с 4 мая»", "2026-05-20T08:00:00Z", None)]
    speakers = {1: "sp-lund", 2: "sp-lund"}
    assert candidate_pairs([[0, 1], [2]], sightings, speakers, frozenset()) == {(1, 0)}
    assert candidate_pairs([[0, 1], [3]], sightings, speakers, frozenset()) == set()
