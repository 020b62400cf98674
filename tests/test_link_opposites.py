"""Opposites: a word on the other side of a pair says what a negation says; the veto reads it so."""

from __future__ import annotations

from collections import Counter

import pytest

from quotetrace.link.changes import compare
from quotetrace.link.facts import facts
from quotetrace.link.opposites import engaged, negated_stem, read_sides
from quotetrace.link.veto import disagreement, explain


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
        ("unharmed", "harm"),  # a participle negates its verb: "harm", "harmed"
        ("unheated", "heat"),
        ("unarmed", "armed"),  # ... when that is long enough not to start other words ("army")
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
        # "lift" that raises a quantity ends no restriction; one that ends a cap does
        ("The regional bank is raising its lending rate to 9 percent", "regional bank lifts lending rate to 9%",
         None),
        ("The mill keeps the cap on flour prices", "the mill lifted the cap on flour prices", "negation"),
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


@pytest.mark.parametrize(
    ("original", "echo", "reason"),
    [
        # jobs kept is jobs not cut, in either language
        ("The factory will not lay off any of its welders", "every welder at the factory keeps his job", None),
        ("«Завод не уволит ни одного сварщика»", "all the welders at the plant would keep their jobs", None),
        ("The factory will lay off its welders", "every welder at the factory keeps his job", "negation"),
        # a compound ending in "-free", "exempt from", "freed from" say "without"
        ("Pensioners will not pay a fee to enter the park", "entry to the park is fee-free for pensioners", None),
        ("Travellers from Norland will not need a permit", "travellers from Norland can enter permit-free", None),
        ("Farmers will not have to pay the new levy", "farmers will be exempt from the new levy", None),
        ("Residents will not be charged for the new bins", "the new bins are free for residents", None),
        ("«Перебоев с газом в Ольхове этой зимой не будет»", "Olkhov would be spared gas outages this winter", None),
        ("«Перебоев с газом в Ольхове этой зимой не будет»", "Olkhov would face gas outages this winter",
         "negation"),
        # abolished, kept off, suspended: a "not" in one word
        ("The toll on the coast road will be abolished in May",
         "drivers will no longer pay the toll on the coast road from May", None),
        ("The toll on the coast road will be abolished in May", "the toll on the coast road would go up in May",
         "negation"),
        ("Heavy vehicles will be kept off the old viaduct", "the old viaduct will stay closed to heavy vehicles", None),
        ("Flights to Varn have been suspended until Monday", "there will be no flights to Varn until Monday", None),
        ("There will be no disruption to gas supplies this winter", "gas supplies will continue as normal this winter",
         None),
        ("Gas supplies face disruption this winter", "gas supplies will continue as normal this winter", "negation"),
        ("The clinic will raise its fees this year", "«Клиника в этом году не будет поднимать плату»", "negation"),
        ("The nurses voted to end their walkout", "the nurses decided to stop their walkout", None),
        ("Flood risk on the Orva will reach its highest level on Sunday", "«В воскресенье паводковая опасность на Орве "
         "снизится»", "negation"),  # a level at its highest is a rise
        ("Flood risk on the Orva will reach its highest level on Sunday",
         "«В воскресенье паводковая опасность на Орве достигнет пика»", None),
        ("The nurses voted to end their walkout", "the nurses decided to carry on with their walkout", "negation"),
        ("Two guards were charged with theft", "the two guards were accused of theft and released for free", None),
        # a duty made mandatory or left optional; "voluntary" alone engages nothing
        ("Wearing a helmet on the new cycle lanes will be compulsory from May",
         "helmets on the new cycle lanes will be optional from May", "negation"),
        ("«С осени экзамен по физике станет обязательным»", "the physics exam will stay voluntary this autumn",
         "negation"),
        ("Registration for the course is voluntary", "signing up for the course is not mandatory", None),
        ("The council will offer voluntary redundancies to 40 staff",
         "the council is to cut 40 jobs through redundancies", None),
    ],
)
def test_opposites_listed_by_meaning(original: str, echo: str, reason: str | None) -> None:
    assert disagreement(original, echo) == reason


@pytest.mark.parametrize(
    ("original", "echo"),
    [
        ("The hearing will be open to the public, but cameras are not allowed",
         "the hearing will take place behind closed doors"),
        ("«Слушания будут открытыми, но снимать в зале не разрешат»", "the hearing would be held behind closed doors"),
        ("Heavy vehicles will be kept off the old viaduct", "the old viaduct will be open to heavy vehicles"),
        ("Flights to Varn have been suspended until Monday", "flights to Varn operate as normal until Monday"),
    ],
)
def test_affirmative_clauses_on_opposite_sides_veto_whatever_else_is_negated(original: str, echo: str) -> None:
    # "open" against "closed doors": the parity of negations would let "not allowed" make up for it
    found = explain(original, echo)
    assert found is not None and found[0] == "negation" and "opposite sides" in found[1]


def test_a_clause_with_a_negation_takes_no_side_of_its_own() -> None:
    # "allowed" is not after "not" here, but the clause says "barred": what it negates is the polarity's to read
    assert facts("Not a single lorry will be allowed through the pass").stances() == Counter()
    assert disagreement("Not a single lorry will be allowed through the pass", "lorries are barred from the pass") \
        is None


@pytest.mark.parametrize(
    ("original", "echo", "reason"),
    [
        # across languages a one-sided word counts where it makes the two agree, never to disagree
        ("Swimming in the quarry lake is banned", "«Купаться в карьерном озере нельзя»", None),
        ("The ferry service to Holm has been suspended", "«Паромы на Хольм не ходят»", None),
        ("The ferry service to Holm has been suspended", "«Движение паромов на Хольм не приостановлено»",
         "negation"),
    ],
)
def test_a_one_sided_word_across_languages_only_agrees(original: str, echo: str, reason: str | None) -> None:
    assert disagreement(original, echo) == reason


@pytest.mark.parametrize(
    ("original", "echo", "change"),
    [
        ("Storms are expected in the north of the island on Tuesday and Wednesday",
         "Storms are expected in the south of the island on Tuesday and Wednesday", ("north", "south")),
        ("Exports of timber grew, with 12 percent more sawmills working than in spring",
         "Exports of timber grew, with 12 percent fewer sawmills working than in spring", ("more", "fewer")),
        ("«Цены на хлеб в районе на 7 процентов выше, чем год назад»",
         "«Цены на хлеб в районе на 7 процентов ниже, чем год назад»", ("выше", "ниже")),
        ("«На западе области снег ляжет уже в пятницу, дороги будут закрыты»",
         "«На востоке области снег ляжет уже в пятницу, дороги будут закрыты»", ("западе", "востоке")),
    ],
)
def test_a_copy_that_swaps_a_direction_or_a_comparative_is_altered(original: str, echo: str,
                                                                    change: tuple[str, str]) -> None:
    found = compare(original, echo)
    assert found.verdict == "altered" and found.changes == (change,)


def test_a_copy_that_says_a_direction_in_another_form_is_no_swap() -> None:
    assert compare("Storms are expected in the north of the island on Tuesday",
                   "Storms are expected in the northern part of the island on Tuesday").verdict == "same"


def test_a_hedge_turned_is_the_figures_change_not_a_swap() -> None:
    original = "A flood destroyed some 4,000 files. Less than a third of them had been copied"
    echo = "A flood destroyed some 4,000 files. More than a third of them had been copied"
    assert compare(original, echo).verdict == "same"  # the veto reads it: one figure hedged two ways
    assert disagreement(original, echo) == "number"


@pytest.mark.parametrize(
    ("original", "echo", "reason"),
    [
        # "without" says "no" against a word that says "not" on its own, as against a "not"
        ("The ferry to Holm will be cancelled for the whole of March", "Holm will be without a ferry in March", None),
        ("«Горячую воду в Заречье отключат на две недели»", "«Заречье две недели проживёт без горячей воды»", None),
        ("Visa rules for students from Norland will be lifted in May",
         "students from Norland can come without a visa from May", None),
        ("Visa rules for students from Norland will not be lifted in May",
         "students from Norland can come without a visa from May", "negation"),
        ("The ferry to Holm will be cancelled in March", "the ferry to Holm runs in March without delays", "negation"),
        # leaving a post is the other side of staying on
        ("I will not resign before the congress in May", "he would stay on at least until the May congress", None),
        ("I will resign before the congress in May", "he would stay on at least until the May congress", "negation"),
        ("«Я не уйду в отставку до съезда»", "«Он останется на посту до съезда»", None),
        # a place off limits is a place banned; a plant spared is one without job cuts
        ("Fishing in the reserve will stay banned", "the reserve remains off limits to anglers", None),
        ("Fishing in the reserve will be allowed", "the reserve remains off limits to anglers", "negation"),
        ("The bakery will cut 40 jobs in Orvik. Nobody will lose their job at the Tarn shop.",
         "bakery to cut 40 jobs in Orvik but spares its Tarn shop", None),
        ("There will be no spare parts for the trams", "the trams will be left without spare parts", None),
        # "at no cost" is free; "no threat" is safe (a threat alone says no "not")
        ("Flu jabs are free for pensioners until 1 March", "pensioners can get a flu jab at no cost until March",
         None),
        ("Flu jabs are paid for pensioners until 1 March", "pensioners can get a flu jab at no cost until March",
         "negation"),
        ("«Угрозы для Заречья пока нет»", "«Заречье пока в безопасности»", None),
        ("«Пожар угрожает Заречью»", "«Заречье пока в безопасности»", "negation"),
        ("The flood threatens the lower town", "the flood is advancing on the lower town", None),
        # a participle with a negative prefix negates its verb in any form: "unheated" / "no heating"
        ("One school in four in the valley has no working heating", "a quarter of the valley's schools are unheated",
         None),
        ("One school in four in the valley has working heating", "a quarter of the valley's schools are unheated",
         "negation"),
        # «откладывается» is put off, as «отложен»
        ("The new bridge will not open before May", "«Открытие нового моста откладывается до мая»", None),
    ],
)
def test_opposites_of_general_news_language(original: str, echo: str, reason: str | None) -> None:
    assert disagreement(original, echo) == reason
