"""clean_text: page furniture and embed placeholders go, article text and quote marks stay exactly."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrace.clean import clean_text

BEFORE = "KARSK — “We will hold the bridge,” the mayor said on Monday."
AFTER = "Residents were told to ‘stay calm’ and keep their \"documents\" ready."


@pytest.mark.parametrize(
    "furniture",
    [
        "Loading Tweet ...",
        "Loading tweet…",
        "Loading post",
        "Tweet not loading? See it directly on Twitter",
        "Post not loading? See it directly on X",
        "IMAGE: Soldiers at a checkpoint near Karsk. Photograph: Reuters",
        "IMAGE:\nSoldiers at a checkpoint near Karsk. Photograph: Reuters",
        "Image copyright Getty Images Image caption Protesters outside parliament",
        "Image copyright AFP",
        "Image caption Deputies leave the chamber",
        "Media caption “We have nothing left,” says a Karsk resident",
        "Photo: Reuters",
        "Photograph: Jane Doe/AFP",
        "(Photo by Marta Lind/AFP via Getty Images)",
        "Share this article",
        "Share on Facebook",
        "Share",
        "Subscribe to our newsletter",
        "Sign up for the Northgate Morning Briefing",
        "Newsletter",
        "Follow us on Twitter",
        "Follow Radio Baltica on Telegram",
        "Click here to read the full report",
        "Read more: ‘We will not surrender,’ says mayor",
        "READ MORE",
        "Related: How the letter reached the council",
        "See also: Karsk timeline",
        "Advertisement",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "Video loading...",
        "Watch: The moment the bridge reopened",
        "Media playback is unsupported on your device",
        "We use cookies to improve your experience. Accept all cookies",
        "This site uses cookies. By continuing you agree to our cookie policy.",
        "Skip to main content",
    ],
)
def test_clean_furniture_line_removed(furniture: str) -> None:
    text = f"{BEFORE}\n\n{furniture}\n\n{AFTER}"
    assert clean_text(text) == f"{BEFORE}\n\n{AFTER}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The minister arrived (Photo by Marta Lind/AFP via Getty Images) and said “no.”",
            "The minister arrived and said “no.”",
        ),
        ("Crowds gathered (Photo: Reuters).", "Crowds gathered."),
        ("Crowds gathered [Picture credit: Radio Baltica] in Lidova.", "Crowds gathered in Lidova."),
        ("The crowd (Image copyright AFP) grew.", "The crowd grew."),
        ("Image copyright Reuters/Jane Doe The mayor said “no.”", "The mayor said “no.”"),
        ("(Photo: (Photo: nested) outer) “Stay,” he said.", "“Stay,” he said."),
    ],
)
def test_clean_inline_credit_removed(text: str, expected: str) -> None:
    assert clean_text(text) == expected


def test_clean_bare_image_marker_takes_only_its_caption() -> None:
    text = f"{BEFORE}\nIMAGE:\nA caption. Photograph: AP\n{AFTER}"
    assert clean_text(text) == f"{BEFORE}\n{AFTER}"


@pytest.mark.parametrize(
    "text",
    [
        "Share prices fell 4 percent on the news.",
        "Shares in the grain exchange rose.",
        "Related talks in Velgrad collapsed, the ministry said.",
        "Following talks on Tuesday, he said: “We follow the money on every route.”",
        "Subscribers to the channel said the post was deleted.",
        "“Advertisement is not a crime,” the minister said.",
        "Watch the river, the general said.",
        "Imagery from the front showed burned vehicles.",
        "The pictures (of the war) stay.",
        "Loading the trucks took all night.",
        "Continue to Karsk, the soldiers were told.",
        "Sign up for the draft? “Never,” he said." + " It was a long answer." * 20,
        "„Nein“, sagte er. «Non», dit-elle. ‘Single’ and \"double\" and “curly”.",
    ],
)
def test_clean_article_text_untouched(text: str) -> None:
    assert clean_text(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\tb\u00a0c\u2009d\u202fe", "a b c d e"),
        ("one    two", "one two"),
        ("trailing   \nleading\n   indented", "trailing\nleading\nindented"),
        ("p1\n\n\n\n\np2", "p1\n\np2"),
        ("p1\n \n\t\n\np2", "p1\n\np2"),
        ("\n\nstart and end\n\n\n", "start and end"),
        ("zero\u200bwidth\u200c \u200djoin\ufeff", "zerowidth join"),
        ("dis\u00adagree", "disagree"),
        ("crlf\r\nand\rcr", "crlf\nand\ncr"),
        ("line\u2028sep\u2029para", "line\nsep\npara"),
    ],
)
def test_clean_whitespace_normalised(text: str, expected: str) -> None:
    assert clean_text(text) == expected


def test_clean_paragraphs_stay_one_blank_line_apart() -> None:
    text = f"{BEFORE}\n\nAdvertisement\n\n\nShare this article\n\n{AFTER}"
    assert clean_text(text) == f"{BEFORE}\n\n{AFTER}"


@pytest.mark.parametrize("text", ["", "\n\n", "   ", "Advertisement", "\x00\x01", "\ud800 lone surrogate"])
def test_clean_degenerate_input_never_raises(text: str) -> None:
    assert isinstance(clean_text(text), str)


def test_clean_is_fast_on_a_large_text() -> None:
    paragraph = "The minister said on Thursday that “the front will not move this year,” adding more. " * 5
    text = "\n\n".join([paragraph.strip()] * 20_000)  # ~9 MB
    started = time.perf_counter()
    assert clean_text(text) == text
    assert time.perf_counter() - started < 5


_FRAGMENTS = st.sampled_from(
    [
        "IMAGE:", "Image copyright ", "Image caption ", "(Photo: x)", "(Photo", " by ", "Getty Images", ")",
        "[", "Share", " this article", "Advertisement", "Read more:", "We use cookies", "Loading Tweet",
        "Tweet not loading?", "Follow us on X", "Watch:", "“", "”", "‘", "’", '"', "The", " ", "  ", "\t",
        "\n", "\n\n", "\n\n\n", "\r", "\r\n", "\u00a0", "\u200b", "\u00ad", "\u2028", "a", ".", ":",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FRAGMENTS | st.text(max_size=8), max_size=40).map("".join))
def test_clean_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_clean_is_idempotent_on_any_text(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once
