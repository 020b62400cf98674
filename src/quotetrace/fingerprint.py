"""Hashes that say whether two captures or two versions of a page show the same thing.

Spacing is normalised, so a page re-flowed by its template is not a change; a page's title is part of what it
shows, so a headline edited with the text left alone is a new version.
"""

from __future__ import annotations

import hashlib


def text_hash(text: str) -> str:
    """sha256 of a text with spacing normalised."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def page_hash(title: str | None, text: str) -> str:
    """sha256 of what a page shows: its title and its main text, spacing normalised."""
    return text_hash(f"{title or ''}\n\x00\n{text}")
