"""What the Russian path finds in a text, for the tests that check it one pattern at a time."""

from __future__ import annotations

from quotetrace.model import Quote
from quotetrace.ru import extract_russian
from quotetrace.settings import Settings


def ru_quotes(text: str) -> list[Quote]:
    return extract_russian(text, Settings(language="ru"))[0]


def ru_quote(text: str, containing: str) -> Quote:
    """The one statement whose text holds ``containing``."""
    found = [q for q in ru_quotes(text) if containing in q.text]
    assert len(found) == 1, [(q.text, q.speaker) for q in ru_quotes(text)]
    return found[0]
