"""Forum threads and comment sections: a quoted post is its author's statement, and so is a comment."""

from __future__ import annotations

import quotetrace

THREAD = """Re: Is the Millbrook footbridge really closing?

#7 otter_spotter » Tue 4 Mar 2025, 19:02

weir_walker42 wrote:
The engineers found rust in both main girders, so the bridge shuts in May for a year.

A year! I cross it twice a day with the dog. I think the council should have warned us sooner.

#8 Fen Granger » Tue 4 Mar 2025, 19:40

Quote from: otter_spotter
I cross it twice a day with the dog.

Same here. The detour is a mile and a half along the main road.

#9 weir_walker42 » Tue 4 Mar 2025, 20:15

In reply to Fen Granger:
> The detour is a mile and a half along the main road.
> No pavement for half of it, either.
There will be a temporary ferry at weekends, apparently.
"""


def _by_mention(text: str) -> dict[str, str]:
    """The first statement of each speaker mention."""
    found: dict[str, str] = {}
    for q in quotetrace.extract(text):
        if q.speaker_mention is not None:
            found.setdefault(q.speaker_mention.text, q.text)
    return found


def test_a_post_quoted_under_a_header_is_its_authors_statement() -> None:
    found = _by_mention(THREAD)
    assert found["weir_walker42"] == (
        "The engineers found rust in both main girders, so the bridge shuts in May for a year.")
    assert found["otter_spotter"] == "I cross it twice a day with the dog."


def test_a_quoted_reply_is_only_its_marked_lines_and_the_replier_keeps_the_rest() -> None:
    quotes = quotetrace.extract(THREAD)
    quoted = next(q for q in quotes if q.speaker_mention and q.speaker_mention.text == "Fen Granger")
    assert quoted.text == ("The detour is a mile and a half along the main road.\n"
                           "> No pavement for half of it, either.")
    assert not any(q.text.startswith("There will be") for q in quotes)  # the replier's own words


def test_a_byline_hands_over_nothing_and_first_person_beliefs_stay_the_posters() -> None:
    quotes = quotetrace.extract(THREAD)
    assert not any(q.speaker_mention and q.speaker_mention.text == "otter_spotter" and q.text.startswith("A year")
                   for q in quotes)
    belief = next(q for q in quotes if q.text.startswith("the council should"))
    assert belief.type == "belief" and belief.speaker_mention is not None and belief.speaker_mention.text == "I"


COMMENTS = """Comments on: Pool to close for six months

marsh_hen says: Six months is far too long. They said the same about the library and it took two years.

Dale Whitcombe says: I worked on the last refit. I believe the pumps are older than the building.

Quoting marsh_hen: “Six months is far too long.”
"""


def test_a_comment_is_its_authors_statement_whatever_cues_it_holds() -> None:
    found = _by_mention(COMMENTS)
    assert found["marsh_hen"] == ("Six months is far too long. They said the same about the library and it took "
                                  "two years.")
    assert found["Dale Whitcombe"] == "I worked on the last refit. I believe the pumps are older than the building."
    quotes = quotetrace.extract(COMMENTS)
    assert not any(q.speaker_mention and q.speaker_mention.text in ("They", "I") for q in quotes)


def test_a_post_quoted_on_the_headers_line_is_a_direct_quote_of_its_author() -> None:
    quotes = quotetrace.extract(COMMENTS)
    quoted = next(q for q in quotes if q.text.startswith("“Six"))
    assert quoted.kind == "direct" and quoted.speaker == "marsh_hen"
