"""Dates: one parser for what documents, captures and users write."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from quotetrace.dates import date_filter, parse_timestamp


@pytest.mark.parametrize("value", ["2031", "2031-07", "2031-07-14", "2031-07-14T08:30:00", " 2031-07-14 "])
def test_date_filter_keeps_year_month_day_and_date_times(value: str) -> None:
    assert date_filter(value) == value.strip()


@pytest.mark.parametrize("value", ["2031-13", "14/07/2031", "yesterday", "", "2031-07-32"])
def test_date_filter_rejects_what_is_not_iso(value: str) -> None:
    with pytest.raises(ValueError):
        date_filter(value)


def test_timestamps_with_z_are_utc_and_junk_is_none() -> None:
    assert parse_timestamp("2031-07-14T08:30:00Z") == datetime(2031, 7, 14, 8, 30, tzinfo=UTC)
    assert parse_timestamp("2031-07-14") == datetime(2031, 7, 14)
    assert parse_timestamp("last Tuesday") is None
    assert parse_timestamp(None) is None
    assert parse_timestamp("") is None
