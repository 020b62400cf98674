"""Where a reported statement's content ends, and who made it, when the parse runs the clause on or in."""

from __future__ import annotations

import pytest

import quotetrace


def _content(q: quotetrace.Quote) -> str:
    return q.text.removeprefix("that ")


def _one(text: str, cue: str) -> quotetrace.Quote:
    found = [q for q in quotetrace.extract(text) if q.cue == cue]
    assert len(found) == 1, [(q.cue, q.text) for q in quotetrace.extract(text)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "content", "via"),
    [
        ("A spokeswoman for the port said, as quoted by the shipping weekly Dock Review, that two berths "
         "would close “for the whole winter”.", "two berths would close “for the whole winter”",
         "the shipping weekly Dock Review"),
        ("Lindqvist had written in March, as quoted by the farming site Furrow Daily, that the co-operative was "
         "“close to the edge”.", "the co-operative was “close to the edge”", "the farming site Furrow Daily"),
        ("The mayor insisted, according to minutes of the meeting, that the bridge would reopen in spring.",
         "the bridge would reopen in spring", "minutes of the meeting"),
        ("The coach wrote, in an interview with the Harbour Ledger, that his players had been exhausted.",
         "his players had been exhausted", "the Harbour Ledger"),
    ],
)
def test_a_phrase_set_off_before_the_that_clause_is_no_content(text: str, content: str, via: str) -> None:
    (q,) = quotetrace.extract(text)
    assert _content(q) == content
    assert q.via is not None and q.via.text == via


def test_a_phrase_set_off_before_that_need_name_no_channel() -> None:
    (q,) = quotetrace.extract("Nurses argued, however, that the new rota left wards short.")
    assert (q.speaker, _content(q)) == ("Nurses", "the new rota left wards short")


def test_according_to_after_a_reported_clause_with_its_own_speaker_is_a_channel() -> None:
    text = ("He said the council would not cover the repair bill, according to a recording published by the "
            "harbour trust, but he expects the insurers to pay.")
    q = _one(text, "said")
    assert q.speaker_mention is not None and q.speaker_mention.text == "He"
    assert q.text == "the council would not cover the repair bill"
    assert q.via is not None and q.via.text == "a recording"
    assert not any(q.cue == "according to" for q in quotetrace.extract(text))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # people who were there and tell of it are a source of their own
        ("The wardens have said they will not reopen the path, according to lawyers for the landowners.",
         "lawyers for the landowners"),
        # ... and so is a survey of a share of those asked
        ("Six in ten tenants said the rents were too high, according to the housing survey.",
         "the housing survey"),
    ],
)
def test_according_to_stays_the_source_of_an_account_or_a_count(text: str, source: str) -> None:
    q = _one(text, "according to")
    assert q.speaker_mention is not None and q.speaker_mention.text == source


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The trustees said they had “every faith” in the headteacher and thanked parents for their patience "
         "over the summer.", "they had “every faith” in the headteacher"),
        ("The ferry company said it had carried more passengers than ever and thanked its crews.",
         "it had carried more passengers than ever"),
    ],
)
def test_a_stance_the_speaker_went_on_to_take_is_no_part_of_what_was_said(text: str, content: str) -> None:
    assert _one(text, "said").text == content


def test_a_stance_inside_a_reported_clause_of_things_is_the_speakers() -> None:
    text = ("The Lowmoor branch of the Dockers' Guild said that up to 80 posts at the container terminal were in "
            "danger and demanded an urgent meeting with the port owners.")
    said, demanded = _one(text, "said"), _one(text, "demanded")
    assert _content(said) == "up to 80 posts at the container terminal were in danger"
    assert demanded.speaker_mention is not None
    assert demanded.speaker_mention.text == "The Lowmoor branch of the Dockers' Guild"
    assert demanded.text == "an urgent meeting with the port owners"


def test_a_clause_that_so_opens_after_the_attribution_speaks_for_no_one() -> None:
    text = ("Bakers will absorb some of the cost, Moretti said, but flour is scarce this spring and energy is "
            "dear, so bread will not get cheaper.")
    (q,) = quotetrace.extract(text)
    assert q.speaker == "Moretti"
    assert q.text.startswith("Bakers will absorb some of the cost")


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("Nurses' union: ward closures left patients ‘waiting on trolleys for hours’\n\nThe union said more.",
         "Nurses' union", "ward closures left patients ‘waiting on trolleys for hours’"),
        ("Ferry crews’ union: new timetable will ‘stretch staff to breaking point’\n\nThe union said more.",
         "Ferry crews’ union", "new timetable will ‘stretch staff to breaking point’"),
    ],
)
def test_a_headline_source_with_a_plural_possessive(text: str, source: str, content: str) -> None:
    q = _one(text, ":")
    assert q.speaker_mention is not None and q.speaker_mention.text == source
    assert q.text == content


def test_a_speech_verb_the_parser_took_for_a_plural_noun() -> None:
    text = ("A short memo from her department reports that three of eight wells sampled near the quarry held "
            "traces of diesel, though Okafor warned that the tests were rushed.")
    q = _one(text, "reports")
    assert q.speaker_mention is not None and q.speaker_mention.text == "A short memo from her department"
    assert _content(q) == "three of eight wells sampled near the quarry held traces of diesel"
    assert _content(_one(text, "warned")) == "the tests were rushed"


@pytest.mark.parametrize(
    "text",
    [
        "The inspector rebuked the firm: “Nothing in the lab backs the tonics you sold as ‘remedies,’” she said.",
        "The coach put it bluntly: “We played like a team that calls itself ‘the favourites.’” he said.",
        "Asked about the vote, he said, “Half of them called it ‘a farce,’” and walked off.",
    ],
)
def test_a_quotation_ending_on_an_inner_quotation_is_still_a_whole_utterance(text: str) -> None:
    quote = next(q for q in quotetrace.extract(text) if "“" in q.text)
    assert quote.text.startswith("“") and quote.text.rstrip(",. ").endswith("”")
