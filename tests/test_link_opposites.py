"""Opposites: a word on the other side of a pair says what a negation says; the veto reads it so."""

from __future__ import annotations

import pytest

from quotetrace.link.changes import compare
from quotetrace.link.facts import facts
from quotetrace.link.opposites import engaged, negated_stem, read_sides
from quotetrace.link.veto import disagreement


def _entries(original: str, echo: str) -> frozenset[str]:
    return engaged(facts(original).sides, facts(echo).sides)


@pytest.mark.parametrize(
    ("original", "echo"),
    [
        ("The museum will reopen to visitors on Monday", "the museum would stay shut on Monday"),
        ("The match on Sunday will go ahead", "the match on Sunday had been scrapped"),
        ("Exports grew by a tenth", "exports shrank by a tenth"),
        ("Entry to the exhibition is free for pensioners", "pensioners must pay to enter the exhibition"),
        ("The rally in the square is permitted", "the rally in the square is banned"),
        ("The water supply has been restored", "the water supply was cut off"),
        ("The fire on the ridge is spreading to the valley", "the fire on the ridge has been contained"),
        ("The survey will leave out the northern villages", "the survey would include the northern villages"),
        ("The vaccine is effective against the new strain", "the vaccine is ineffective against the new strain"),
        ("«Матч состоится в воскресенье»", "матч в воскресенье отменён"),
        ("«Экспорт вырос на десятую часть»", "экспорт сократился на десятую часть"),
    ],
)
def test_an_opposite_without_a_not_is_vetoed_as_a_negation(original: str, echo: str) -> None:
    assert disagreement(original, echo) == "negation"


@pytest.mark.parametrize(
    ("original", "echo"),
    [
        ("The museum will not stay closed after Monday", "the museum would reopen after Monday"),
        ("The match has not been cancelled", "the match would go ahead"),
        ("Nobody was hurt in the blast at the depot", "everyone at the depot came through the blast unharmed"),
        ("Pensioners will not have to pay for the buses", "buses would be free for pensioners"),
        ("Prices will not change until the end of the year", "prices would stay the same until the end of the year"),
        ("The factory did not stop working during the strike", "the factory kept working during the strike"),
        ("The law is not unconstitutional", "the law is constitutional"),
        ("There is no shortage of bread", "there is enough bread"),
        ("The fire on the ridge is not spreading to the valley", "the fire on the ridge has been contained"),
        ("The survey will not leave out the northern villages", "the survey would include the northern villages"),
        ("«Цены не изменятся до конца года»", "цены останутся прежними до конца года"),
    ],
)
def test_a_negation_turned_into_its_opposite_keeps_the_meaning(original: str, echo: str) -> None:
    assert disagreement(original, echo) is None


def test_a_contrary_pair_vetoes_even_against_a_negation() -> None:
    # "did not fall" is not "rose": a contrary pair says more than "not"
    assert disagreement("Unemployment fell in the spring", "unemployment rose in the spring") == "negation"
    assert "rise" in _entries("Unemployment fell in the spring", "unemployment rose in the spring")


def test_the_same_word_on_both_sides_engages_nothing() -> None:
    # both say "rose"; one adds that wages stayed the same: no side is taken against the other
    assert not _entries("Prices rose and wages rose", "prices rose while wages stayed the same") - {"unchanged"}
    assert not _entries("The bridge was closed and then reopened", "the bridge was closed and reopened")


def test_without_counts_only_against_a_negation_in_its_place() -> None:
    assert disagreement("The families have had no clean water for a week",
                        "the families have gone without clean water for a week") is None
    assert not _entries("The villages spent a week without heating", "the villages had a cold week")


def test_a_phrase_counts_at_its_particle_and_a_context_is_no_form() -> None:
    sides, negative = read_sides("they called the meeting off".split())
    assert sides.listed[("take place", -1)] == 1 and set(negative) == {4}
    sides, _ = read_sides("the house close to the border".split())
    assert not sides.listed  # "close to" is no closing


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("unharmed", "harmed"),
        ("unconstitutional", "consti"),
        ("ineffective", "effect"),
        ("non-binding", "bindin"),
        ("непригодны", "пригод"),
        ("imprisoned", None),  # "im-" on a verb is no negation
        ("informed", None),
        ("unpaid", None),  # too short a remainder (a negation word already)
        ("under", None),
    ],
)
def test_negative_prefixes(word: str, stem: str | None) -> None:
    assert negated_stem(word) == stem


def test_a_prefixed_word_engages_only_when_the_other_quote_says_its_stem_more() -> None:
    assert _entries("The airport is operational again", "the airport is non-operational")
    assert not _entries("The airport is non-operational", "the airport is closed to flights")
    # both say it alike: the prefix is no side taken ("unusual" once on each side)
    assert not _entries("It was an unusual winter, and usual prices", "an unusual winter with usual prices")


def test_an_altered_copy_that_swaps_a_word_for_its_opposite_names_the_change() -> None:
    found = compare("The border crossing at Velm will open on Friday for lorries",
                    "The border crossing at Velm will close on Friday for lorries")
    assert found.verdict == "altered" and "negation" in found.kinds


@pytest.mark.parametrize(
    ("original", "echo", "reason"),
    [
        # in one language a one-sided pair's negative word says "not" though the other quote has no word of it
        ("The night trains to Corva will run again from 2 May", "the night trains to Corva from 2 May are cancelled",
         "negation"),
        ("The dye works on the canal will keep its licence", "the dye works on the canal is banned", "negation"),
        ("The dye works on the canal was banned", "the dye works on the canal was prohibited", None),
        ("The night trains to Corva were cancelled", "no night trains to Corva will run", None),
        # across languages the lists' words do not meet closely enough: only a pair both quotes engage counts
        ("«Ночные поезда в Корву снова пойдут со 2 мая»", "the night trains to Corva run again from 2 May", None),
    ],
)
def test_a_one_sided_pair_counts_in_one_language(original: str, echo: str, reason: str | None) -> None:
    assert disagreement(original, echo) == reason


@pytest.mark.parametrize(
    ("original", "echo", "reason"),
    [
        # a negation negates the word after it (auxiliaries and verbs of control aside), not one further on
        ("The council will not allow the library to be closed", "the library would not close, the council said",
         None),
        ("«Мы не дадим закрыть библиотеку»", "«Библиотеку закрывать не станут»", None),
        ("There were no deaths in the flood", "the flood killed no one", None),
        ("«Дефицита топлива не будет»", "«Топлива хватит»", None),
        # a shortage that a "no" elsewhere in the clause does not negate is one more negation
        ("«Из-за нехватки врачей клиника не будет принимать пациентов»",
         "«Клиника не принимает пациентов, потому что врачей не хватает»", None),
        ("«Из-за нехватки врачей клиника не будет принимать пациентов»",
         "«Клиника принимает пациентов, потому что врачей хватает»", "negation"),
    ],
)
def test_a_negation_negates_the_word_it_governs(original: str, echo: str, reason: str | None) -> None:
    assert disagreement(original, echo) == reason


def test_a_copy_that_runs_past_the_original_with_a_word_of_its_own_changed_it() -> None:
    # the echo drops the original's opening and adds a last word: not a fragment, a change
    found = compare("The harbour office said that the night ferries to Corva will run again from 2 May",
                    "the night ferries to Corva from 2 May are cancelled")
    assert found.verdict != "same" and "negation" in found.kinds
    assert compare("The harbour office said that the night ferries to Corva will run again from 2 May",
                   "the night ferries to Corva will run again").verdict == "same"  # a fragment
