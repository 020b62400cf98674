"""Who said it: the speaker mention, resolved to a name within the document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotetrace.model import Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc


def attribute_speakers(doc: Doc, quotes: list[Quote]) -> None:
    return None
