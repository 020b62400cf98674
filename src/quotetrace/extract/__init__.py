"""Finding statements in an annotated document: direct quotations and reported speech."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotetrace.model import Mention, Quote
from quotetrace.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc


def find_quotes(doc: Doc, settings: Settings) -> list[Quote]:
    return []


def named_mentions(doc: Doc) -> list[Mention]:
    return [Mention(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents
            if e.label_ in {"PERSON", "ORG", "GPE", "NORP"}]
