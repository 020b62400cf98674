"""What a sentence names or does is not what someone said: nicknames given by "call" or "known as", a nickname
inside a name, a title where something was published, "call" with a bare object ("should call the hotline"),
feigning ("pretended to"), an attitude verb of movement ("backed the boat away"), a refusal to speak with or
without its topic ("declined to comment (on the plan)"), a headline's kind of piece ("Q&A:") or time ("Forty
winters on the pier:"), a quoted word in the writer's own question; the speech forms beside them still count.
Russian: a story's dateline in capitals is never the speaker."""

from __future__ import annotations

import pytest

import quotetrace
from quotetrace.ru import extract_russian
from quotetrace.settings import Settings


def texts(text: str) -> list[str]:
    return [q.text for q in quotetrace.extract(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Dockers call the harbour master “the Walrus”, a name he says he has earned.",
        "Regulars call it “the Long Bar” and nobody knows why.",
        "She is known across the district as “the lady with the ladder”, and she still climbs it herself.",
        "The plan, referred to in the ministry as “Operation Lantern”, was dropped in May.",
        "Midfielder Jonas “Bulldog” Carver had scored twice before the interval.",
        "So where does “half” come from? According to the transport office, the figure counts only night buses.",
        "The habit, known in the hospital trade as “Corridor Care”, has spread to four wards this winter.",
        "Their paper, published on Tuesday in “Coastal Ecology Letters”, concludes that the dunes are moving.",
    ],
)
def test_names_given_in_quotation_marks_are_not_statements(text: str) -> None:
    found = texts(text)
    assert not [t for t in found if t.startswith(("“", '"'))], found


@pytest.mark.parametrize(
    "text",
    [
        "Tenants with burst pipes should call the housing office's emergency number.",
        "Walkers who lose the path can call the rescue line at any hour.",
        "The boy pretended to be asleep when the teacher came in.",
        "Captain Ula Brandt backed the ferry Osprey away from the pier at six.",
        "The club welcomed the two new signings aboard on Friday.",
        "A spokeswoman for the port declined to comment.",
        "Later that evening the driver refused to elaborate.",
        "Q&A: a ferry captain on fog, fares and the last crossing",
        "Forty winters on the pier: harbour master Ole Brun steps down",
        "A neighbour saw the van turn into Quay Street at speed.",
        "Staff watched the roof of the old market fold inwards.",
        "The two governments issued a rare joint statement on Friday.",
    ],
)
def test_acts_that_are_not_speech_are_not_statements(text: str) -> None:
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor called the budget “a gift to the landlords”.", "“a gift to the landlords”"),
        ("Senator Alma Reyes called her rival “Careless Carla” at the rally.", "“Careless Carla”"),
        ("He called the ruling unfair.", "unfair"),
        ("“Never,” she said.", "“Never,”"),
        ("She described the deal as “a fair price for the valley”.", "“a fair price for the valley”"),
        # a finding seen, and a request not to be named beside a statement
        ("Residents saw that the roof had gone.", "that the roof had gone"),
        ("A woman, who asked not to be named, said the water had been off since Monday.",
         "the water had been off since Monday"),
        # a headline's "from X" says whose the words are ("Forty winters on the pier:" does not)
        ("A warning from Ola Brun: “Nobody should cross the ice this week”\n\nThe lake froze late.",
         "“Nobody should cross the ice this week”"),
    ],
)
def test_what_a_speech_verb_gives_still_counts(text: str, content: str) -> None:
    found = texts(text)
    assert any(content in t for t in found), found


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The ministry declined to comment on the leaked budget.", "to comment on the leaked budget"),
        ("The mayor refused to say whether the pool would reopen.", "whether the pool would reopen"),
    ],
)
def test_a_refusal_that_names_its_topic_is_a_statement_only_as_polnear_reads(text: str, content: str) -> None:
    """A refusal to speak says nothing in our reading, topic or none; PolNeAR marks it (``cues="broad"``)."""
    assert texts(text) == []
    broad = [q.text for q in quotetrace.extract(text, settings=Settings(cues="broad"))]
    assert any(content in t for t in broad), broad


def test_a_split_quotation_does_not_reach_over_another_sentence() -> None:
    found = texts("“Never,” the coach said. Where does the word “crisis” come from in all this?")
    assert found == ["“Never,”"], found


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("ЛЕСОГОРСК — Глава района Инна Орлова заявила в пятницу, что ни одна поликлиника не закроется.",
         "Инна Орлова"),
        ("СТАРЫЙ ОСКОЛ, 12 мая — Депутаты городской думы потребовали отставки директора водоканала.",
         "депутаты городской думы"),
    ],
)
def test_a_russian_dateline_is_not_the_speaker(text: str, speaker: str) -> None:
    quotes = extract_russian(text, Settings(language="ru"))[0]
    assert len(quotes) == 1, quotes
    assert (quotes[0].speaker or "").lower() == speaker.lower()


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Judge Mira Olsen warned the witnesses they must not discuss the case and closed the session early.",
         "they must not discuss the case"),
        ("The treasurer said the fund would recover and walked out before the vote.", "the fund would recover"),
        # a clause with its own subject goes on with what was said
        ("The treasurer said the fund would recover and the deficit would close by May.",
         "the fund would recover and the deficit would close by May"),
    ],
)
def test_a_past_verb_after_a_modal_content_goes_on_with_the_cue(text: str, content: str) -> None:
    assert texts(text) == [content]


def test_an_office_is_not_resolved_to_a_person_seen_with_another() -> None:
    quotes = quotetrace.extract("Judge Mira Olsen opened the hearing at nine.\n\n"
                                "The minister said the inquiry would report in June.")
    assert [q.speaker for q in quotes] == ["The minister"], quotes


def test_a_verb_whose_past_is_its_bare_form_stays_with_the_modal() -> None:
    assert texts("The operator confirmed it would close two depots and cut 40 jobs.") == [
        "it would close two depots and cut 40 jobs"]


@pytest.mark.parametrize(
    ("text", "content", "speaker", "act"),
    [
        ("Согласно отчёту банка, его прибыль за год выросла на 12 процентов.",
         "его прибыль за год выросла на 12 процентов", "банка", "speech"),
        ("Впрочем, по признанию самих подрядчиков, ремонт моста затянется до весны.",
         "ремонт моста затянется до весны", "самих подрядчиков", "speech"),
        ("По прогнозу метеорологов, жара продержится до конца месяца.", "жара продержится до конца месяца",
         "метеорологов", "belief"),
    ],
)
def test_russian_according_to_a_report_an_admission_a_forecast(text: str, content: str, speaker: str,
                                                                 act: str) -> None:
    quotes = extract_russian(text, Settings(language="ru"))[0]
    assert [(q.text, q.speaker_mention.text if q.speaker_mention else None, q.type) for q in quotes] == [
        (content, speaker, act)]


def test_russian_according_to_the_law_is_no_source() -> None:
    assert extract_russian("Согласно закону, выборы пройдут в сентябре.", Settings(language="ru"))[0] == []


def test_a_russian_quotation_closed_in_the_next_paragraph_is_one_quotation() -> None:
    text = ("Директор сказал: «Школу откроем осенью. Я знаю, что родители устали ждать.\n\n"
            "Но торопиться нельзя: нужно закончить проверку». Родители ему не верят.")
    quotes = [q for q in extract_russian(text, Settings(language="ru"))[0] if q.kind == "direct"]
    assert len(quotes) == 1 and quotes[0].text.endswith("проверку»"), quotes


def test_a_request_not_to_be_named_is_no_statement() -> None:
    found = texts("A woman, who asked not to be named, said the water had been off since Monday.")
    assert found == ["the water had been off since Monday"], found
