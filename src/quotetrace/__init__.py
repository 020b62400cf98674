"""quotetrace: who said what, where it first appeared, and where it echoed.

>>> import quotetrace
>>> quotes = quotetrace.extract("“We will hold the line,” the general said.")
"""

from __future__ import annotations

from quotetrace.model import Capture, Document, Mention, Quote, RawDocument, Skip, Speaker, TextSpan
from quotetrace.pipeline import extract_quotes, process
from quotetrace.settings import DEFAULT_SETTINGS, Settings

__all__ = [
    "Capture", "Document", "Mention", "Quote", "RawDocument", "Settings", "Skip", "Speaker", "TextSpan",
    "extract", "extract_document",
]
__version__ = "0.1.0"


def extract(text: str, settings: Settings = DEFAULT_SETTINGS) -> list[Quote]:
    """The statements in ``text``; offsets index ``text`` itself (no cleaning is applied)."""
    return extract_quotes(text, settings)


def extract_document(
    text: str | None = None,
    *,
    html: str | None = None,
    id: str = "document",  # the field is called id everywhere else
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published_at: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> Document:
    """Clean one article (plain text or HTML) and extract its statements; offsets index ``Document.text``.

    Raises ``ValueError`` when the input has no usable text.
    """
    if (text is None) == (html is None):
        raise ValueError("give exactly one of text= and html=")
    raw = RawDocument(id=id, source=id, text=text, html=html, url=url, title=title, outlet=outlet,
                      published_at=published_at)
    doc, skips = process(raw, settings)
    if doc is None:
        raise ValueError("; ".join(s.reason for s in skips) or "no usable text")
    return doc
