"""Russian confidence: each statement keeps the evidence that found it, and its confidence is the share right of
statements found the same way (``data/confidence_ru.json``, fitted by ``scripts/train_confidence_ru.py``),
smoothed toward the pooled share; without the table, the hand-set scores."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from quotetrace.extract.confidence import Evidence
from quotetrace.ru import confidence as ru_confidence
from quotetrace.ru.extract import extract_russian_with_evidence
from quotetrace.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
AFTER = "«Мы не отступим ни на шаг, пока не получим гарантий», — сказала Анна Иванова."
INDIRECT = "Министр финансов Олег Смирнов заявил, что бюджет будет принят до конца года."


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def no_table(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The package without its table."""
    monkeypatch.setattr(ru_confidence, "TABLE", "data/no-such-table.json")
    ru_confidence._table.cache_clear()
    yield
    ru_confidence._table.cache_clear()


def _one(text: str) -> tuple[float, Evidence]:
    ((quote, evidence),), _ = extract_russian_with_evidence(text, Settings(language="ru"))
    return quote.confidence, evidence


def test_a_quotation_keeps_what_found_it() -> None:
    _, evidence = _one(AFTER)
    assert (evidence.rule, evidence.kind, evidence.type, evidence.closed) == ("after", "direct", "speech", True)
    assert (evidence.cue, evidence.source, evidence.lemma) == ("verb", "name", "сказать")
    _, reported = _one(INDIRECT)
    assert (reported.rule, reported.kind, reported.cue, reported.source) == ("clause", "indirect", "verb", "name")


def test_confidence_comes_from_the_trained_table() -> None:
    table = ru_confidence._table()
    assert table is not None
    for text, key in ((AFTER, "direct/after"), (INDIRECT, "indirect/clause")):
        confidence, evidence = _one(text)
        assert ru_confidence.key(evidence) == key
        assert confidence == pytest.approx(min(0.99, table["rates"][key]))
        assert confidence > ru_confidence.fallback(evidence)  # the hand-set 0.9 and 0.7 underrated them


def test_a_condition_scales_the_rule_rate() -> None:
    table = {"pooled": 0.9, "rates": {"indirect/clause": 0.8}, "factors": {"no-source": 0.5, "belief": 0.75}}
    named = Evidence("clause", "indirect", "belief", None, True, cue="verb", source="name")
    unnamed = Evidence("clause", "indirect", "belief", None, True, cue="verb", source="none")
    assert ru_confidence.by_table(table, named) == pytest.approx(0.8 * 0.75)
    assert ru_confidence.by_table(table, unnamed) == pytest.approx(0.8 * 0.75 * 0.5)
    unseen = Evidence("split", "direct", "speech", None, True, cue="verb", source="name")
    assert ru_confidence.by_table(table, unseen) == pytest.approx(0.9)  # a rule never seen: the pooled rate


def test_without_the_table_the_hand_set_scores(no_table: None) -> None:
    assert ru_confidence._table() is None
    assert _one(AFTER)[0] == pytest.approx(0.9)
    assert _one(INDIRECT)[0] == pytest.approx(0.7)
    unnamed_belief = Evidence("clause", "indirect", "belief", None, True, cue="verb", source="none")
    assert ru_confidence.confidence(unnamed_belief) == pytest.approx(0.7 - 0.25 - 0.1)


def test_a_rule_seen_a_few_times_is_smoothed_toward_the_pool() -> None:
    train = _load("train_confidence_ru", ROOT / "scripts" / "train_confidence_ru.py")

    def row(rule: str, kind: str, right: bool) -> dict[str, object]:
        return {**Evidence(rule, kind, "speech", None, True, cue="verb", source="name").to_dict(), "right": right,
                "doc": "d"}

    rows = [row("after", "direct", True)] * 4 + [row("clause", "indirect", k % 4 != 0) for k in range(40)]
    table = train.fit(rows, strength=10.0)
    pooled = table["pooled"]
    assert pooled == pytest.approx((4 + 30 + 1) / (44 + 2))
    assert pooled < table["rates"]["direct/after"] < 1.0  # 4 of 4 right is not 1.0
    assert table["rates"]["direct/after"] == pytest.approx((4 + 10 * pooled) / 14)
    assert table["rates"]["indirect/clause"] == pytest.approx((30 + 10 * pooled) / 50)
    assert table["factors"] == {"no-source": 1.0, "belief": 1.0, "stance": 1.0, "unclosed": 1.0}


def test_accuracy_prints_the_expected_calibration_error() -> None:
    accuracy = _load("accuracy", ROOT / "benchmarks" / "accuracy.py")
    rows = [("0.5-0.6", 10, 0.5, 0.5), ("0.9-1.0", 30, 0.9, 1.0)]
    assert accuracy.expected_calibration_error(rows) == pytest.approx(30 * 0.1 / 40)
