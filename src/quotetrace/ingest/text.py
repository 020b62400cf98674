"""Plain-text articles: one file, one document; a short first line with a blank line after it is the title."""

from __future__ import annotations

from quotetrace.model import RawDocument

# A first line longer than this is the article's opening paragraph, not a headline.
MAX_TITLE_CHARS = 200


def split_title(text: str) -> tuple[str | None, str]:
    """(title, body): the first line is the title when it is short and a blank line follows it."""
    first, sep, rest = text.partition("\n")
    title = first.strip()
    if not sep or not title or len(title) >= MAX_TITLE_CHARS:
        return None, text
    second, sep2, body = rest.partition("\n")
    body = body.lstrip("\n")
    if second.strip() or not sep2 or not body.strip():  # a lone line is the article, not its headline
        return None, text
    return title, body


def text_document(text: str, *, id: str, source: str, notes: list[str] | None = None) -> RawDocument:
    """One RawDocument from already decoded text (newlines normalised, no BOM)."""
    title, body = split_title(text)
    return RawDocument(id=id, source=source, text=body, title=title, notes=list(notes or []))
