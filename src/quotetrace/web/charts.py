"""Chart geometry for the pages: plain numbers the templates draw as inline SVG (readable without JavaScript).

``static/chart.js`` only adds tooltips and keyboard focus on top of what the server drew.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from quotetrace.dates import parse_timestamp
from quotetrace.web.provenance import DocumentSighting

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
    """Counts per month ("YYYY-MM", count), with empty months drawn too; per year when the span is long."""
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
    parsed = parse_timestamp(text)
    if parsed is None:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


# Each relation's mark: a shape and a colour of its own (the CSS colours them by class), so a first sighting, a
# verbatim copy and a partial one can be told apart without reading the legend.
SHAPES: dict[str, str] = {
    "original": "star", "verbatim": "circle", "partial": "diamond", "altered": "triangle",
    "paraphrase": "square", "translation": "down-triangle",
}
SYMBOLS: dict[str, str] = {
    "star": "★", "circle": "●", "diamond": "◆", "triangle": "▲", "square": "■", "down-triangle": "▼",
}
MARK = 9  # half the width of a mark (its removal cross too)
STACK = 2 * MARK + 4  # distance between two marks of one lane that would otherwise overlap


@dataclass(frozen=True, slots=True)
class Mark:
    x: float
    y: float
    sighting: DocumentSighting
    label: str  # its time as the page writes dates
    shape: str
    points: str  # the polygon of a star, diamond or triangle ("" for a circle or square)


@dataclass(frozen=True, slots=True)
class Band:
    """How long a page was seen up: from its first capture to its removal (or last capture)."""

    x1: float
    x2: float
    y: float
    removed: bool


@dataclass(frozen=True, slots=True)
class Lane:
    y: float  # the lane's middle (its label's line)
    top: float
    height: float
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
    bands: list[Band] = field(default_factory=list)
    axis_y: float = 0.0


LEFT = 170
RIGHT_PAD = 16
TOP = 14
LANE_PAD = 8
UNDATED_GAP = 110  # between the end of the time axis and the undated column: room for both labels
TICK_SPACING = 160  # pixels between ticks: a first label anchored at its start (a date and time: ~100 px)


def timeline_chart(documents: Sequence[DocumentSighting], format_time: Callable[[str], str] = str
                   ) -> TimelineChart | None:
    """One mark per document on a time axis, one lane per outlet (in order of first appearance), undated marks in
    a column at the right; marks that would overlap are stacked within their lane, never drawn on each other.
    A page's captures draw a band from when it was first seen up to when it was removed (or last seen up)."""
    if not documents:
        return None
    times = [parse_time(d.when) for d in documents]
    ends = [parse_time(e) for d in documents for e in (d.page.first_seen, d.page.removed_at or d.page.last_seen)]
    span = [t for t in times + ends if t is not None]
    has_undated = any(t is None for t in times)
    axis_start = LEFT + MARK + 4
    axis_end = WIDTH - RIGHT_PAD - MARK - (UNDATED_GAP if has_undated else 0)
    x_of = _scale(span, axis_start, axis_end)
    undated_x = float(WIDTH - RIGHT_PAD - MARK - 24) if has_undated else None
    xs = [round(x_of(t), 1) if t is not None else (undated_x or 0.0) for t in times]
    outlets = [d.outlet or "—" for d in documents]
    placed: dict[str, list[list[float]]] = {}
    rows = [_free_row(placed.setdefault(name, []), x) for name, x in zip(outlets, xs, strict=True)]
    lanes: list[Lane] = []
    top = float(TOP)
    for name, taken in placed.items():
        height = 2 * LANE_PAD + 2 * MARK + STACK * (len(taken) - 1)
        lanes.append(Lane(round(top + LANE_PAD + MARK, 1), top, height, name))
        top += height
    lane_y = {lane.outlet: lane.y for lane in lanes}
    marks: list[Mark] = []
    bands: list[Band] = []
    for x, name, row, d in zip(xs, outlets, rows, documents, strict=True):
        y = round(lane_y[name] + STACK * row, 1)
        shape = SHAPES.get(d.relation, "square")
        marks.append(Mark(x, y, d, format_time(d.when) if d.when else "undated", shape, _points(shape, x, y)))
        band = _band(d, x_of, y)
        if band is not None:
            bands.append(band)
    axis_y = round(top + 4, 1)
    ticks = _ticks(span, x_of, axis_start, axis_end, format_time)
    return TimelineChart(WIDTH, int(axis_y + 22), LEFT, lanes, marks, ticks, undated_x, bands, axis_y)


def _scale(times: Sequence[datetime], start: float, end: float) -> Callable[[datetime], float]:
    if not times:
        return lambda moment: (start + end) / 2
    first, last = min(times), max(times)
    seconds = (last - first).total_seconds()
    if seconds == 0:
        return lambda moment: (start + end) / 2
    return lambda moment: start + (end - start) * (moment - first).total_seconds() / seconds


def _free_row(rows: list[list[float]], x: float) -> int:
    """The first row of a lane where a mark at ``x`` overlaps no mark already placed (a new row when none)."""
    for index, taken in enumerate(rows):
        if all(abs(x - other) >= STACK for other in taken):
            taken.append(x)
            return index
    rows.append([x])
    return len(rows) - 1


def _points(shape: str, x: float, y: float) -> str:
    r = MARK - 1
    if shape == "star":
        corners = [(math.pi / 2 + i * math.pi / 5, r if i % 2 == 0 else r * 0.45) for i in range(10)]
    elif shape == "diamond":
        corners = [(math.pi / 2 * i, r) for i in range(4)]
    elif shape == "triangle":
        corners = [(math.pi / 2 + i * 2 * math.pi / 3, r) for i in range(3)]
    elif shape == "down-triangle":
        corners = [(-math.pi / 2 + i * 2 * math.pi / 3, r) for i in range(3)]
    else:
        return ""
    return " ".join(f"{x + d * math.cos(a):.1f},{y - d * math.sin(a):.1f}" for a, d in corners)


def _band(d: DocumentSighting, x_of: Callable[[datetime], float], y: float) -> Band | None:
    start = parse_time(d.page.first_seen)
    end = parse_time(d.page.removed_at or d.page.last_seen)
    if start is None or end is None or end <= start:
        return None
    return Band(round(x_of(start), 1), round(x_of(end), 1), y, d.page.removed_at is not None)


def _ticks(
    times: Sequence[datetime], x_of: Callable[[datetime], float], start: float, end: float,
    format_time: Callable[[str], str],
) -> list[Tick]:
    """Evenly spaced times, at least TICK_SPACING pixels apart, labelled as the page writes dates (by day when
    the span is two days or more); a label equal to the one before is left out."""
    if not times:
        return []
    first, last = min(times), max(times)
    if first == last:
        return [Tick(round(x_of(first), 1), format_time(_iso(first, last - first)))]
    count = max(2, min(6, int((end - start) // TICK_SPACING) + 1))
    ticks: list[Tick] = []
    for i in range(count):
        moment = first + (last - first) * i / (count - 1)
        label = format_time(_iso(moment, last - first))
        if not ticks or ticks[-1].label != label:
            ticks.append(Tick(round(x_of(moment), 1), label))
    return ticks


def _iso(moment: datetime, span: timedelta) -> str:
    return moment.strftime("%Y-%m-%d") if span >= timedelta(days=2) else moment.strftime("%Y-%m-%dT%H:%M")
