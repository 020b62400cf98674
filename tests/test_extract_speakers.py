"""Who a statement's speaker is when the parse of its sentence misleads: a subject across a clause, the hearer of
a passive "was told", a message's sender before a colon, a belief passed on "according to" a document, a role
and its holder after a fronted place, a verb taken for a noun after a quotation, a negative quantifier, a
content clause taken for a relative one, a headline's group or role."""

from __future__ import annotations

import pytest

import quotetrace


def quote_with(text: str, words: str) -> quotetrace.Quote:
    quotes = [q for q in quotetrace.extract(text) if words in q.text]
    assert quotes, quotetrace.extract(text)
    return quotes[0]


def test_the_subject_after_but_is_the_speaker_not_the_clause_before() -> None:
    text = ("Most concerned noisy pipes and leaks lasting several weeks, but the council's annual survey singles out "
            "the way the landlord answers tenants who complain.")
    q = quote_with(text, "the way the landlord")
    assert q.speaker_mention is not None and q.speaker_mention.text == "the council's annual survey"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Maria Ortiz, a nurse from Kellbridge, said her shift had been cut twice. She asked to move to days but "
         "was told there were no vacancies on the ward.", "no vacancies"),
        ("The tenants were told that rents would rise.", "rents would rise"),
        ("Passengers were informed the flight would leave at noon.", "the flight would leave"),
        ("He was warned he could lose his licence.", "lose his licence"),
    ],
)
def test_who_was_told_is_the_hearer_not_the_speaker(text: str, words: str) -> None:
    q = quote_with(text, words)
    assert q.speaker_mention is None and q.speaker is None


def test_who_told_them_is_the_speaker_of_a_passive() -> None:
    q = quote_with("The coach was warned by the league that his side would lose points.", "lose points")
    assert q.speaker == "the league"


def test_a_message_before_a_colon_is_its_senders_and_who_shared_it_the_channel() -> None:
    text = ("Chief Inspector Dana Roe said the road would stay shut overnight. “We are not done yet,” she told "
            "reporters.\n\n18:05\nA statement from the county's flood response team, shared by Aldwick Town Council "
            "an hour ago: “River levels at the weir have started to fall. Please stay away from the banks until "
            "further notice.”")
    q = quote_with(text, "River levels")
    assert q.speaker == "the county's flood response team"
    assert q.via is not None and q.via.text == "Aldwick Town Council"


@pytest.mark.parametrize(
    ("text", "speaker", "via"),
    [
        ("Okafor fears the closure could cost the town hundreds of jobs, according to a letter seen by the "
         "Courier.", "Okafor", "a letter"),
        ("The minister believes the deal will collapse, according to a leaked email.", "The minister",
         "a leaked email"),
    ],
)
def test_a_belief_passed_on_according_to_a_document_is_the_holders(text: str, speaker: str, via: str) -> None:
    (q,) = quotetrace.extract(text)
    assert q.type == "belief"
    assert q.speaker_mention is not None and q.speaker_mention.text == speaker
    assert q.via is not None and q.via.text == via


def test_a_poll_after_a_groups_belief_stays_the_source() -> None:
    (q,) = quotetrace.extract("Most farmers expect prices to fall, according to the survey.")
    assert q.speaker_mention is not None and q.speaker_mention.text == "the survey" and q.via is None


def test_a_role_and_its_holder_after_a_fronted_place_speak() -> None:
    text = ("At a crowded press conference in the Ferry Road boardroom, the chairman, Colin Dace, said the old "
            "pavilion could not be saved.")
    (q,) = quotetrace.extract(text)
    assert q.speaker == "Colin Dace"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("She writes in a diary nobody else reads. “Leave it,” Corin snaps at her, “and go home.”", "Corin"),
        ("He keeps a ledger no one else may open. “Pay me,” Ada snaps.", "Ada"),
    ],
)
def test_a_verb_taken_for_a_noun_after_a_quotation_and_never_nobody(text: str, speaker: str) -> None:
    quotes = [q for q in quotetrace.extract(text) if q.kind == "direct"]
    assert quotes and all(q.speaker == speaker for q in quotes)


@pytest.mark.parametrize(
    "text",
    [
        "No one said the plan would fail.",
        "Nobody believes the mill will reopen.",
        "None of the tenants think the landlord will pay.",
    ],
)
def test_a_negative_quantifier_is_no_speaker(text: str) -> None:
    assert all(q.speaker_mention is None or q.speaker_mention.text.split()[0].lower() not in ("no", "nobody", "none")
               for q in quotetrace.extract(text))


def test_a_that_clause_after_an_occasion_is_the_content() -> None:
    text = ("Okoro, who grew up in the harbour town of Selby, said before the screening that the story began as a "
            "series of interviews with fishermen after the storms of her youth.")
    q = quote_with(text, "the story began")
    assert q.speaker == "Okoro"


def test_a_headline_source_the_tagger_took_for_a_verb() -> None:
    text = "Alder House tenants: 30% rent rise will “empty the building”\n\nTenants say the lifts have been broken."
    q = quote_with(text, "empty the building")
    assert q.speaker_mention is not None and q.speaker_mention.text == "Alder House tenants"


def test_an_adverbial_clause_with_its_own_attribution_ends_the_content() -> None:
    text = ("Residents of a 1970s estate in Marlow Vale say they cannot afford to stay after the management company "
            "told them charges would double from April.")
    outer = quote_with(text, "cannot afford")
    inner = quote_with(text, "charges would double")
    assert outer is not inner
    assert "charges" not in outer.text and outer.speaker is not None and outer.speaker.startswith("Residents")
    assert inner.speaker == "the management company"


def test_a_clause_whose_subject_is_none_of_which_goes_on_with_the_content() -> None:
    text = ("The inspector said the office had logged nine complaints by Friday, none of which described a danger "
            "to the public.")
    (q,) = quotetrace.extract(text)
    assert q.speaker == "The inspector" and q.text.endswith("a danger to the public")


@pytest.mark.parametrize(
    "text",
    [
        "The director said the trains could not run until engineers had confirmed the track was safe.",
        "The mayor said the bridge would reopen after inspectors told her the cracks were shallow.",
    ],
)
def test_a_condition_inside_what_was_said_stays_in_it(text: str) -> None:
    (q,) = quotetrace.extract(text)
    assert q.text.endswith(("was safe", "were shallow"))


def test_a_quotation_before_a_coordinated_report_is_not_that_reports() -> None:
    # "and her editor says …" reports what follows it; the quoted title before it is no one's words
    text = ("It is the boldest record the band has made since ‘Paper Boats’, and their label says a tour of "
            "small halls will follow in the spring.")
    found = {q.text: q.speaker_mention for q in quotetrace.extract(text)}
    assert "‘Paper Boats’" not in found
    assert any("a tour of small halls" in t for t in found)


def test_a_quotation_followed_by_its_speaker_and_more_words_is_still_theirs() -> None:
    text = "“We will not give up,” the coach said, and the players agreed that the season was not over."
    q = quote_with(text, "give up")
    assert q.speaker_mention is not None and q.speaker_mention.text == "the coach"
