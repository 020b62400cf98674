"""Dates as documents, captures and users write them: one parser, so every command reads them the same way."""

from __future__ import annotations

import re
from datetime import datetime

_YEAR_OR_MONTH = re.compile(r"\d{4}(-\d{2})?")


def parse_timestamp(value: str | None) -> datetime | None:
    """An ISO date or date-time ('Z' for UTC accepted); None when absent or not ISO (dates in the wild vary)."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def date_filter(value: str) -> str:
    """A date bound for a filter: 2024, 2024-03, 2024-03-01 or an ISO date-time, compared as text with
    ``published_at``; ValueError for anything else."""
    value = value.strip()
    if _YEAR_OR_MONTH.fullmatch(value) and (len(value) == 4 or 1 <= int(value[5:7]) <= 12):
        return value
    if parse_timestamp(value) is None:
        raise ValueError(f"{value!r} is not an ISO date")
    return value
