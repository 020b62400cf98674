"""benchmarks/accuracy.py reports each quote at its offsets in the text as given, not in the text quotetrace
cleaned: a scorer that cannot find a quote at its offsets takes its first occurrence, which for a short quote
may be another one."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from quotetrace.clean import clean_text
from quotetrace.evaluation import score

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _accuracy() -> ModuleType:
    spec = importlib.util.spec_from_file_location("accuracy", BENCHMARKS / "accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


accuracy = _accuracy()

# double spaces and a blank-line run that cleaning collapses; "the ferry" occurs twice
TEXT = "The mayor  praised the ferry.   \n\n\n\nLater the harbour master  criticised the ferry."


def test_accuracy_offsets_map_back_to_the_text_as_given() -> None:
    cleaned = clean_text(TEXT)
    assert cleaned != TEXT
    start = cleaned.rindex("the ferry")
    row = {"text": "the ferry", "start": start, "end": start + len("the ferry")}
    [mapped] = accuracy.in_input(TEXT, cleaned, [row])
    assert (mapped["start"], mapped["text"]) == (TEXT.rindex("the ferry"), "the ferry")


def test_accuracy_predictions_score_the_occurrence_they_were_found_at() -> None:
    second = TEXT.rindex("the ferry")
    gold = [{"id": "d", "text": TEXT, "quotes": [
        {"quote": "the ferry", "start": second, "end": second + 9, "speaker": "the harbour master",
         "kind": "indirect", "attribution_id": "A1"}]}]
    predictions = accuracy.predict_quotetrace(gold)
    found = [q for q in predictions[0]["quotes"] if q["speaker_mention"] == "the harbour master"]
    assert [(q["start"], q["text"]) for q in found] == [(second, "the ferry")]
    assert score(gold, predictions).recall == 1.0


def test_accuracy_without_senses_switches_the_named_rules_off() -> None:
    """`--without-senses` measures what cue-sense rules cost: the rules it names are off, an unknown one is an
    error, not a silent no-op."""
    record = {"id": "d", "text": "Firefighters sought to contain the blaze overnight."}
    args = accuracy.parse_args(["--without-senses", "volition,infinitive"])
    settings = accuracy.Settings(without_senses=accuracy.rules_of(args.without_senses))
    assert accuracy.predict_quotetrace([record])[0]["quotes"] == []
    assert [q["text"] for q in accuracy.predict_quotetrace([record], settings)[0]["quotes"]] == [
        "to contain the blaze overnight"]
    with pytest.raises(SystemExit):
        accuracy.parse_args(["--without-senses", "volition,objekt"])
