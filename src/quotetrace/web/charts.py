"""Chart geometry for the pages: plain numbers the templates draw as inline SVG (readable without JavaScript).

``static/chart.js`` only adds tooltips and keyboard focus on top of what the server drew.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from quotetrace.web.provenance import Sighting

WIDTH = 720
BAR_HEIGHT = 160
MAX_BARS = 120  # more months than this are drawn as years
MAX_BAR_WIDTH = 56


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class BarChart:
    width: int
    height: int
    bars: list[Bar]
    ticks: list[Tick]
    peak: int


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def bar_chart(counts: Sequence[tuple[str, int]]) -> BarChart | None:
    """Statements per month ("YYYY-MM", count), with empty months drawn too; per year when the span is long."""
    valid = [(m, c) for m, c in counts if len(m) == 7 and m[:4].isdigit() and m[5:7].isdigit() and m[4] == "-"]
    if not valid:
        return None
    by_key = dict(valid)
    keys = _month_range(valid[0][0], valid[-1][0])
    if len(keys) > MAX_BARS:
        years: dict[str, int] = {}
        for month, count in valid:
            years[month[:4]] = years.get(month[:4], 0) + count
        keys = [str(y) for y in range(int(min(years)), int(max(years)) + 1)]
        by_key = years
    peak = max(by_key.values())
    step = WIDTH / len(keys)
    bars = []
    for index, key in enumerate(keys):
        count = by_key.get(key, 0)
        height = 0.0 if peak == 0 else (BAR_HEIGHT - 20) * count / peak
        width = max(min(step - 2, MAX_BAR_WIDTH), 1)
        bars.append(Bar(round(index * step + (step - width) / 2, 1), round(BAR_HEIGHT - height, 1),
                        round(width, 1), round(height, 1), key, count))
    every = max(1, len(keys) // 8)
    ticks = [Tick(round(i * step + step / 2, 1), keys[i]) for i in range(0, len(keys), every)]
    return BarChart(WIDTH, BAR_HEIGHT, bars, ticks, peak)


def parse_time(value: str | None) -> datetime | None:
    """An ISO date or date-time ("2024", "2024-03", "2024-03-01", "2024-03-01T08:00:00Z") as naive UTC."""
    if not value:
        return None
    text = value.strip()
    if len(text) == 4 and text.isdigit():
        text += "-01-01"
    elif len(text) == 7 and text[:4].isdigit():
        text += "-01"
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


@dataclass(frozen=True, slots=True)
class Mark:
    x: float
    y: float
    sighting: Sighting
    label: str


@dataclass(frozen=True, slots=True)
class Lane:
    y: float
    outlet: str


@dataclass(frozen=True, slots=True)
class TimelineChart:
    width: int
    height: int
    left: int  # where the time axis starts (outlet names are written left of it)
    lanes: list[Lane]
    marks: list[Mark]
    ticks: list[Tick] = field(default_factory=list)
    undated_x: float | None = None


LANE = 34
LEFT = 170
RIGHT_PAD = 50
TOP = 20


def timeline_chart(sightings: Sequence[Sighting]) -> TimelineChart | None:
    """Sightings on a time axis, one lane per outlet (in order of first appearance); undated at the right end."""
    if not sightings:
        return None
    outlets: list[str] = []
    for s in sightings:
        if (s.outlet or "—") not in outlets:
            outlets.append(s.outlet or "—")
    lanes = [Lane(TOP + LANE * i + LANE / 2, name) for i, name in enumerate(outlets)]
    lane_y = {lane.outlet: lane.y for lane in lanes}
    times = [parse_time(s.when) for s in sightings]
    dated = [t for t in times if t is not None]
    has_undated = len(dated) < len(times)
    axis_end = WIDTH - RIGHT_PAD - (60 if has_undated else 0)
    ticks: list[Tick] = []
    if dated:
        start, end = min(dated), max(dated)
        span = (end - start).total_seconds()

        def x_of(moment: datetime) -> float:
            if span == 0:
                return (LEFT + axis_end) / 2
            return LEFT + (axis_end - LEFT) * (moment - start).total_seconds() / span

        ticks = [Tick(round(x_of(start), 1), _tick_label(start, span))]
        if span:
            middle = start + (end - start) / 2
            ticks += [Tick(round(x_of(middle), 1), _tick_label(middle, span)),
                      Tick(round(x_of(end), 1), _tick_label(end, span))]
    undated_x = float(WIDTH - RIGHT_PAD - 20) if has_undated else None
    marks = []
    for s, moment in zip(sightings, times, strict=True):
        x = x_of(moment) if moment is not None else (undated_x or 0.0)
        marks.append(Mark(round(x, 1), lane_y[s.outlet or "—"], s, s.when or "undated"))
    height = TOP + LANE * len(lanes) + 30
    return TimelineChart(WIDTH, height, LEFT, lanes, marks, ticks, undated_x)


def _tick_label(moment: datetime, span_seconds: float) -> str:
    if span_seconds < 2 * 86400:
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.strftime("%Y-%m-%d")
