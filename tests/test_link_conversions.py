"""Figures in another unit of the same quantity (link/conversions.py): an area, a speed or basis points
converted by a retelling or a translation is the same figure; another figure in the converted unit still
vetoes."""

from __future__ import annotations

import pytest

from quotetrace.link.facts import facts
from quotetrace.link.veto import disagreement


@pytest.mark.parametrize(
    ("original", "echo"),
    [
        ("“The fire has burnt 5,400 hectares of pine forest and is moving east”",
         "«Огонь уничтожил 54 квадратных километра соснового леса и движется на восток»"),
        ("“The lake now covers 12 square kilometres”", "the lake now covers 1,200 hectares"),
        ("“Gusts will reach 30 metres per second on the coast tonight”",
         "gusts of up to 108 km/h are expected on the coast tonight"),
        ("«Ветер на побережье ночью усилится до 20 м/с»", "winds on the coast will strengthen to 72 km/h overnight"),
        ("“We are lowering the key rate from 6 to 5.5 percent”",
         "the central bank cut its key rate by 50 basis points"),
    ],
)
def test_a_figure_converted_to_another_unit_is_the_same_figure(original: str, echo: str) -> None:
    assert disagreement(original, echo) is None
    assert disagreement(echo, original) is None


@pytest.mark.parametrize(
    ("original", "echo"),
    [
        ("“The fire has burnt 5,400 hectares of pine forest and is moving east”",
         "«Огонь уничтожил 45 квадратных километров соснового леса и движется на восток»"),
        ("“Gusts will reach 30 metres per second on the coast tonight”",
         "gusts of up to 80 km/h are expected on the coast tonight"),
        ("“We are lowering the key rate from 6 to 5.5 percent”",
         "the central bank cut its key rate by 25 basis points"),
    ],
)
def test_another_figure_in_the_converted_unit_still_vetoes(original: str, echo: str) -> None:
    assert disagreement(original, echo) == "number"


def test_the_words_of_a_speed_unit_count_nothing() -> None:
    """"per second" is a unit, not the ordinal 2."""
    assert facts("“Gusts will reach 30 metres per second”").figures == (frozenset({"30", "108"}),)


@pytest.mark.parametrize(
    ("text", "measures"),
    [
        ("30 km from the town", {"30 kilometre"}),  # a distance
        ("90 km a day", {"90 kilometre"}),  # no speed
        ("20 квартир", set()),  # «кв…» opens more than «квадратных»
        ("1,500 hectares", {"15 km2"}),
        ("40 km²", {"40 km2"}),
        ("60 mph", {"96.561 km/h"}),
    ],
)
def test_a_measure_is_compared_in_its_quantitys_unit(text: str, measures: set[str]) -> None:
    assert facts(text).measures == measures
