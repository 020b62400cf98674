"""HTML pages: main text and metadata with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class HtmlText:
    text: str
    title: str | None = None
    url: str | None = None
    published_at: str | None = None


def html_to_text(html: str) -> HtmlText | None:  # pragma: no cover - helper fills in
    raise NotImplementedError
