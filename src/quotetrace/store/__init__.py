"""Where documents and their quotes are kept: SQLite by default (``store/sqlite.py`` holds all the SQL)."""

from __future__ import annotations

from quotetrace.store.sqlite import (
    SCHEMA_VERSION,
    CaptureRow,
    MemberRow,
    PageRow,
    QuoteRow,
    Sighting,
    SpeakerRow,
    Store,
    StoreError,
    UpsertResult,
    VersionRow,
)

__all__ = [
    "SCHEMA_VERSION", "CaptureRow", "MemberRow", "PageRow", "QuoteRow", "Sighting", "SpeakerRow", "Store",
    "StoreError", "UpsertResult", "VersionRow",
]
