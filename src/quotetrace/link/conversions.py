"""Figures written in another unit of the same quantity: a retelling, or a translation for readers of another
country, converts ("3,200 hectares" / «32 квадратных километра»; «ветер до 25 метров в секунду» / "gusts of
90 km/h"; "cuts the rate from 9.5 to 8.75%" / "trims it by 75 basis points").

Each such figure is read in one unit of its quantity (``canonical``): an area in square kilometres, a speed in
kilometres an hour, basis points as percentage points. The veto (facts.py, veto.py) then compares the value in
that unit as one more reading of the figure, and the measure in that unit rather than as written, so that two
figures of one quantity compare whatever unit each side chose.

A unit is read from the words after the number as fact_words.UNITS reads them, with what makes it a unit of
another quantity: "square" or «квадратных» / «кв.» before a length (an area), "per hour", «в час» or a slash
and an hour or second after it (a speed).
"""

from __future__ import annotations

from collections.abc import Sequence

from quotetrace.link.fact_words import UNITS

# Square kilometres in a unit of area.
_AREAS = {"hectare": 0.01, "km2": 1.0, "км2": 1.0, "square kilometre": 1.0, "square metre": 1e-6}
# Kilometres an hour in a unit of length per unit of time.
_SPEEDS = {("kilometre", "hour"): 1.0, ("metre", "second"): 3.6, ("mile", "hour"): 1.609344}
_SHORT_LENGTHS = {"m": "metre", "м": "metre"}  # "m/s", «м/с» (UNITS reads "km" and «км» already)
_SQUARE = ("square", "кв")  # «квадратных», «кв.»
_PER = frozenset({"per", "an", "a", "в"})  # (a slash is no word: ``gaps`` holds it)
_TIMES = {"hour": "hour", "h": "hour", "час": "hour", "ч": "hour", "second": "second", "s": "second",
          "секунду": "second", "с": "second", "сек": "second"}
_BASIS = ("basis", "базисн")
_POINTS = ("point", "пункт")

# A figure's value in its quantity's unit, that unit (None for basis points: a change of a rate, which the
# other side writes as two rates or as "half a point"), and how many words after the number write the unit.
Canonical = tuple[float, str | None, int]


def canonical(words: Sequence[str], gaps: Sequence[str], at: int, value: float) -> Canonical | None:
    """The figure of value ``value`` at ``at`` (``words``: the folded words of a quote as written; ``gaps[i]``:
    what is written between word i and the next) in its quantity's unit (km2, km/h; percentage points for basis
    points), or None when its unit is no unit of area, speed or basis points."""
    after = [*words[at + 1:at + 5]]
    if not after:
        return None
    found = _area(after, value) or _speed(after, gaps[at + 1:at + 4], value)
    if found is None and len(after) > 1 and after[0].startswith(_BASIS) and after[1].startswith(_POINTS):
        found = value / 100, None, 2
    return None if found is None else (round(found[0], 3), *found[1:])


def _area(after: list[str], value: float) -> Canonical | None:
    """An area: "3,200 hectares", «32 квадратных километра», "40 km²", «32 кв. км»."""
    if after[0].startswith(_SQUARE) and len(after) > 1 and UNITS.get(after[1]) in ("kilometre", "metre"):
        return value * _AREAS[f"square {UNITS[after[1]]}"], "km2", 2
    if after[0] in _AREAS or UNITS.get(after[0]) == "hectare":
        return value * _AREAS[UNITS.get(after[0], after[0])], "km2", 1
    return None


def _speed(after: list[str], gaps: Sequence[str], value: float) -> Canonical | None:
    """A length per a time: "90 km/h", "25 m/s", "25 metres per second", «90 километров в час», «25 м/с»."""
    if after[0] == "mph":
        return value * _SPEEDS[("mile", "hour")], "km/h", 1
    length = UNITS.get(after[0]) or _SHORT_LENGTHS.get(after[0])
    if length is None or len(after) < 2:
        return None
    time, width = None, 2
    if gaps and gaps[0].strip() == "/":  # "km/h", «м/с»
        time = _TIMES.get(after[1])
    elif after[1] in _PER and len(after) > 2:  # "per hour", "an hour", «в секунду»
        time, width = _TIMES.get(after[2]) or UNITS.get(after[2]), 3
    factor = _SPEEDS.get((length, time or ""))
    return None if factor is None else (value * factor, "km/h", width)
