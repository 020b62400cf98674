"""Title-cased headlines are re-cased for the parser, and what comes back keeps the document's own text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import quotetrace
from quotetrace.headlines import sentence_case_headlines

BODY = "Olga Rendt said on Monday that the harbour board was wrong, and Will Tamsen agreed with her."


def test_headline_common_words_and_speech_verbs_go_lower_case() -> None:
    text = "Olga Rendt Criticizes Harbour Board Over Fees\n\n" + BODY
    assert sentence_case_headlines(text).split("\n")[0] == "Olga Rendt criticizes harbour board over Fees"


def test_headline_names_and_acronyms_keep_their_capitals() -> None:
    """'Will' is a name here: the body capitalises it inside a sentence."""
    text = "Rendt And Will Tamsen Praise NATO Plan\n\n" + BODY
    assert sentence_case_headlines(text).split("\n")[0] == "Rendt and Will Tamsen praise NATO Plan"


def test_ordinary_sentences_are_left_alone() -> None:
    assert sentence_case_headlines(BODY) == BODY


@given(st.text(alphabet=st.sampled_from(list("Ab Cd Ef\n.,‘’“”Said Calls The To")), max_size=200))
def test_recasing_keeps_the_length(text: str) -> None:
    assert len(sentence_case_headlines(text)) == len(text)


def test_headline_statement_is_found_and_returned_as_written() -> None:
    text = "Rendt Praises Harbour Pilots As ‘The Best On The Coast’\n\n" + BODY
    quotes = quotetrace.extract(text)
    headline = next(q for q in quotes if q.start < text.index("\n"))
    assert headline.speaker is not None and "Rendt" in headline.speaker
    assert text[headline.start : headline.end] == headline.text
    assert "‘The Best On The Coast’" in headline.text


HEADLINE_WORDS = [
    *"Rendt Praises Calls Says The Harbour To Against ‘Very Good’ “Fees Now” : Tamsen Blasts Plan said".split(),
    "\n",
]


@given(st.lists(st.sampled_from(HEADLINE_WORDS), max_size=30))
def test_offsets_slice_the_text_after_recasing(words: list[str]) -> None:
    text = " ".join(words) + "\n\n" + BODY
    for q in quotetrace.extract(text):
        assert text[q.start : q.end] == q.text
        if q.speaker_mention is not None:
            m = q.speaker_mention
            assert text[m.start : m.end] == m.text
