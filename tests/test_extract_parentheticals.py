"""An attribution set inside its content: the content runs on both sides of it, as two fragments."""

from __future__ import annotations

import quotetrace


def only_reported(text: str) -> quotetrace.Quote:
    quotes = [q for q in quotetrace.extract(text) if q.kind == "indirect"]
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_a_parenthetical_cue_keeps_the_clause_opening_before_it() -> None:
    text = "The tram extension, the planner says, will pay for itself within a decade."
    q = only_reported(text)
    assert [f.text for f in q.fragments] == ["The tram extension", "will pay for itself within a decade"]
    assert q.speaker_mention is not None and q.speaker_mention.text == "the planner"
    assert text[q.start : q.end] == q.text


def test_a_cue_between_a_copula_and_its_complement_keeps_the_complement() -> None:
    text = "The levy is not, the treasurer insists, a tax on pensioners."
    q = only_reported(text)
    assert [f.text for f in q.fragments] == ["The levy is not", "a tax on pensioners"]


def test_a_cue_that_closes_its_sentence_gives_one_span() -> None:
    q = only_reported("The levy is not a tax on pensioners, the treasurer insists.")
    assert q.fragments == [] and q.text == "The levy is not a tax on pensioners"
