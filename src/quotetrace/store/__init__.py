"""Where documents and their quotes are kept: SQLite by default.

``sqlite.py`` holds the ``Store`` and its SQL, ``schema.py`` the tables and their migrations, ``rows.py`` what
queries return and the filters they take, ``fts.py`` the search syntax.
"""

from __future__ import annotations

from quotetrace.store.rows import (
    STATEMENT_SORTS,
    CaptureRow,
    DocumentFilters,
    DocumentRow,
    MemberRow,
    OutletRow,
    PageRow,
    QuoteFilters,
    QuoteRow,
    SearchExpression,
    Sighting,
    SortKey,
    SpeakerRow,
    StatementFilters,
    StatementRow,
    StatementSort,
    VersionRow,
)
from quotetrace.store.schema import SCHEMA_VERSION
from quotetrace.store.sqlite import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    RELATIONS,
    Store,
    StoreError,
    UpsertResult,
)

__all__ = [
    "HIGHLIGHT_END", "HIGHLIGHT_START", "RELATIONS", "SCHEMA_VERSION", "STATEMENT_SORTS", "CaptureRow",
    "DocumentFilters", "DocumentRow", "MemberRow", "OutletRow", "PageRow", "QuoteFilters", "QuoteRow",
    "SearchExpression", "Sighting", "SortKey", "SpeakerRow", "StatementFilters", "StatementRow", "StatementSort",
    "Store", "StoreError", "UpsertResult", "VersionRow",
]
