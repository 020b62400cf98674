"""Sentences that continue a reported statement join it as fragments of one quote."""

from __future__ import annotations

import quotetrace


def continued(text: str) -> quotetrace.Quote:
    quotes = [q for q in quotetrace.extract(text) if q.fragments and q.kind == "indirect"]
    assert len(quotes) == 1, quotetrace.extract(text)
    return quotes[0]


def test_an_attribution_closing_a_summary_takes_the_sentences_before_it() -> None:
    text = ("Former mayor Greta Holm wrote on Monday that the ferry subsidy was a mistake. The boats run half "
            "empty in winter. The money would buy two school buses a year. Cutting the timetable to four "
            "crossings a day would hurt nobody, she argues.")
    q = continued(text)
    assert [f.text for f in q.fragments] == [
        "The boats run half empty in winter",
        "The money would buy two school buses a year",
        "Cutting the timetable to four crossings a day would hurt nobody",
    ]
    assert q.speaker == "Greta Holm"
    assert text[q.start : q.end] == q.text and q.text.startswith("The boats") and q.text.endswith("nobody")


def test_free_indirect_speech_after_a_colon_joins_its_attribution() -> None:
    text = ("Her objection is not only about money. The retired surveyor argues: a bridge is not a road. "
            "A bridge is what a valley agrees to keep. Close it, and the valley splits in two.\n\n"
            "The council meets on Friday.")
    q = continued(text)
    assert [f.text for f in q.fragments] == [
        "a bridge is not a road",
        "A bridge is what a valley agrees to keep",
        "Close it, and the valley splits in two",
    ]


def test_a_sentence_about_the_speaker_or_their_document_is_the_writers() -> None:
    text = ("Halla Brenn sent the appeal to the council in May. From there the appeal moves to the bus "
            "timetables. A pensioner in Ostby would need two buses to reach a doctor. The savings would be "
            "paid for by the sick, she continues.")
    q = continued(text)
    assert [f.text for f in q.fragments] == [
        "A pensioner in Ostby would need two buses to reach a doctor",
        "The savings would be paid for by the sick",
    ]


def test_a_sentence_with_its_own_attribution_or_quotation_stops_the_summary() -> None:
    text = ("Greta Holm said the subsidy was a mistake. “The boats are empty,” a ferry worker said. The money "
            "would buy school buses, she argues.")
    quotes = quotetrace.extract(text)
    assert all(not q.fragments for q in quotes if q.kind == "indirect")


def test_they_after_a_sentence_about_things_continues_the_summary() -> None:
    text = ("Retired engineer Petra Dahl wrote to the council last week that the ring road should be shelved. "
            "Toll lanes pay for themselves in other regions. They need no new land and no new bridges. What is "
            "missing is a council willing to try them, she argues.")
    q = continued(text)
    assert [f.text for f in q.fragments] == [
        "Toll lanes pay for themselves in other regions",
        "They need no new land and no new bridges",
        "What is missing is a council willing to try them",
    ]


def test_a_closing_sentence_of_two_clauses_is_said_whole_and_a_common_noun_is_no_person() -> None:
    text = ("Former harbour master Ivo Lund wrote on Friday that the dredging plan comes too late. Silt "
            "already blocks the inner basin at low tide. Salt will then creep up the estuary, and salt does not "
            "leave. The big trawlers will cope for a while; after that, nothing will save them, he continues.")
    q = continued(text)
    assert [f.text for f in q.fragments] == [
        "Silt already blocks the inner basin at low tide",
        "Salt will then creep up the estuary, and salt does not leave",  # "Salt": a noun the tagger took for a name
        "The big trawlers will cope for a while; after that, nothing will save them",
    ]
