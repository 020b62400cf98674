"""The metric: hand-built cases, and agreement with the reference scorer in ../shared when it is there."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from quotetrace.evaluation import locate, name_match, read_jsonl, score, score_files

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "eval" / "score.py"
GATE = ROOT / "tests" / "fixtures" / "gate" / "articles.jsonl"

TEXT = (
    "Smith spoke first. “We will hold the line until the spring comes,” said Jane Smith. "
    "She added that the army had enough shells for a month. A so-called “peace plan” was tabled."
)
DIRECT = "“We will hold the line until the spring comes,”"
INDIRECT = "the army had enough shells for a month"


def gold_quote(quote: str, speaker: str | None, kind: str = "direct", aid: str | None = None,
               **extra: Any) -> dict[str, Any]:
    start = TEXT.index(quote)
    return {"quote": quote, "start": start, "end": start + len(quote), "speaker": speaker, "kind": kind,
            "attribution_id": aid, **extra}


def gold(*quotes: dict[str, Any], negatives: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    return [{"id": "d", "text": TEXT, "quotes": list(quotes), "negatives": list(negatives)}]


def pred(*quotes: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"id": "d", "quotes": list(quotes)}]


GOLD = gold(gold_quote(DIRECT, "Jane Smith", aid="E1"), gold_quote(INDIRECT, "Jane Smith", "indirect", "E2"),
            negatives=("“peace plan”",))


def test_evaluation_perfect_prediction_scores_one() -> None:
    quotes = {"text": DIRECT, "speaker": "Jane Smith"}, {"text": INDIRECT, "speaker": "Smith"}
    scores = score(GOLD, pred(*quotes))
    assert (scores.attributed_f1, scores.f1, scores.attribution_acc, scores.end_to_end_recall) == (1, 1, 1, 1)
    assert scores.by_kind["direct"].n == 1 and scores.by_kind["indirect"].recall == 1.0
    assert scores.problems == ()


def test_evaluation_empty_prediction_scores_zero() -> None:
    scores = score(GOLD, [])
    assert scores.to_dict()["recall"] == 0.0 and scores.pred == 0 and scores.gold_units == 2
    assert [p.kind for p in scores.problems] == ["MISS", "MISS"]


@pytest.mark.parametrize(("share", "found"), [(0.6, True), (0.5, True), (0.4, False)])
def test_evaluation_unit_found_when_half_covered(share: float, found: bool) -> None:
    piece = INDIRECT[: round(len(INDIRECT) * share)]
    assert score(GOLD, pred({"text": piece, "speaker": "Jane Smith"})).by_kind["indirect"].recall == found


def test_evaluation_split_unit_found_in_pieces() -> None:
    first, second = "“We will hold the line", " until the spring comes,”"
    split = gold(gold_quote(first, "Jane Smith", aid="E1"), gold_quote(second, "Jane Smith", aid="E1"))
    scores = score(split, pred({"text": first, "speaker": "Smith"}, {"text": second, "speaker": "Smith"}))
    assert (scores.gold_units, scores.pred, scores.precision, scores.recall) == (1, 2, 1.0, 1.0)


def test_evaluation_swallowing_prediction_is_false_positive() -> None:
    swallowing = TEXT[TEXT.index("Smith spoke") : TEXT.index("said Jane")] + "said Jane Smith. She added that"
    scores = score(gold(gold_quote(INDIRECT, "Jane Smith", "indirect")), pred({"text": swallowing}))
    assert (scores.precision, scores.recall) == (0.0, 0.0)
    assert [p.kind for p in scores.problems] == ["FP", "MISS"]


def test_evaluation_wrong_speaker_counts_for_quote_f1_only() -> None:
    scores = score(GOLD, pred({"text": DIRECT, "speaker": "Tom Brown"}, {"text": INDIRECT, "speaker": "he"}))
    assert (scores.f1, scores.attributed_f1, scores.attribution_acc) == (1.0, 0.0, 0.0)
    assert {p.kind for p in scores.problems} == {"WRONG SPEAKER"}


def test_evaluation_speaker_mention_as_written_counts() -> None:
    quotes = ({"text": DIRECT, "speaker": None, "speaker_mention": "Jane Smith"},
              {"text": INDIRECT, "speaker": "Brown", "speaker_mention": {"text": "Smith", "start": 0}})
    assert score(GOLD, pred(*quotes)).attribution_acc == 1.0


def test_evaluation_unlocated_prediction_is_wrong() -> None:
    scores = score(GOLD, pred({"text": DIRECT, "speaker": "Smith"}, {"text": "words nowhere in the text"}))
    assert (scores.pred, scores.unlocated_pred, scores.precision) == (2, 1, 0.5)


def test_evaluation_optional_unit_neither_rewards_nor_penalises() -> None:
    optional = gold(gold_quote(DIRECT, "Jane Smith", aid="E1"),
                    gold_quote(INDIRECT, "Jane Smith", "indirect", "E2", required=False))
    scores = score(optional, pred({"text": DIRECT, "speaker": "Smith"}, {"text": INDIRECT}))
    assert (scores.gold_units, scores.pred, scores.precision, scores.recall) == (1, 1, 1.0, 1.0)


def test_evaluation_prediction_goes_to_tightest_nested_unit() -> None:
    inner = "the line until the spring"
    nested = gold(gold_quote(DIRECT, "Jane Smith", aid="E1"), gold_quote(inner, "Tom Brown", aid="E2"))
    scores = score(nested, pred({"text": inner, "speaker": "Tom Brown"}))
    assert scores.end_to_end_recall == 0.5  # the inner unit found and attributed, the outer one missed


def test_evaluation_negative_hit_counted() -> None:
    assert score(GOLD, pred({"text": "“peace plan”"})).negatives_hit == 1
    assert score(GOLD, pred({"text": DIRECT})).negatives_hit == 0


def test_evaluation_kind_taken_from_attribution_kind() -> None:
    mixed = gold(gold_quote(INDIRECT, "Jane Smith", "indirect", attribution_kind="mixed"))
    assert list(score(mixed, []).by_kind) == ["mixed"]


def test_evaluation_to_dict_has_reference_keys() -> None:
    assert list(score(GOLD, []).to_dict()) == [
        "attributed_f1", "precision", "recall", "f1", "attribution_acc", "end_to_end_recall", "gold_units",
        "pred", "unlocated_pred", "negatives_hit", "by_kind",
    ]


@pytest.mark.parametrize(("predicted", "gold_name", "expected"), [
    ("Jane Smith", "Jane Smith", True),
    ("Smith", "the former foreign minister Jane Smith", True),
    ("the minister", "The former minister", True),
    ("he", "Jane Smith", False),
    ("the", "the", True),  # equal tokens, even without a content word
    ("the", "the army", False),
    ("", "Jane Smith", False),
    ("Ministry", "the ministry of defence", True),
])
def test_evaluation_name_match(predicted: str, gold_name: str, expected: bool) -> None:
    assert name_match(predicted, gold_name) is expected


def test_evaluation_name_match_aliases() -> None:
    assert name_match("the chairwoman", "Maria Kessler", ["the chairwoman of the association"])


def test_evaluation_locate_prefers_given_offsets_then_text_then_whitespace() -> None:
    text = "a b  c\nd a b"
    assert locate(text, "a b", 9, 12) == (9, 12)
    assert locate(text, "a b", 0, 5) == (0, 3)
    assert locate(text, "b c d") == (2, 8)
    assert locate(text, "zz") is None
    assert locate(text, "   ") is None


# --- agreement with the reference scorer ---------------------------------------------------------------

Variant = Callable[[dict[str, Any]], list[dict[str, Any]]]


def _fragments(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"text": q["quote"], "start": q["start"], "end": q["end"], "speaker": q["speaker"]}
            for q in record["quotes"]]


def _partial(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Every other fragment, cut to a varying share of its length (some found, some not)."""
    out = []
    for i, q in enumerate(record["quotes"][::2]):
        share = (0.3, 0.55, 0.8, 1.0)[i % 4]
        out.append({"text": q["quote"][: max(1, round(len(q["quote"]) * share))], "speaker": q["speaker"]})
    return out


def _wrong_speakers(record: dict[str, Any]) -> list[dict[str, Any]]:
    names = ("he", "Nobody Else", None, "the minister")
    return [{"text": q["quote"], "speaker": names[i % 4], "speaker_mention": q["speaker"] if i % 3 else None}
            for i, q in enumerate(record["quotes"])]


def _split(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Each fragment in two halves; each unit also predicted whole, joined with its context between."""
    out = []
    for q in record["quotes"]:
        half = len(q["quote"]) // 2
        out += [{"text": q["quote"][:half], "speaker": q["speaker"]},
                {"text": q["quote"][half:], "speaker_mention": q["speaker"]}]
    text = record["text"]
    out += [{"text": text[q["start"] : q["end"] + 30]} for q in record["quotes"][1::3]]
    return out


def _false_positives(record: dict[str, Any]) -> list[dict[str, Any]]:
    paragraphs = [p for p in record["text"].split("\n\n") if p]
    return ([{"text": p, "speaker": "Smith"} for p in paragraphs[::2]]
            + [{"text": n} for n in record.get("negatives", [])]
            + [{"text": "a sentence that is not in the article"}, {"text": ""}]
            + _fragments(record)[:1])


VARIANTS: dict[str, Variant] = {"perfect": _fragments, "partial": _partial, "wrong_speakers": _wrong_speakers,
                                "split": _split, "false_positives": _false_positives}


def _reference() -> ModuleType:
    if not REFERENCE.exists():
        pytest.skip(f"reference scorer not found at {REFERENCE}")
    spec = importlib.util.spec_from_file_location("reference_score", REFERENCE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_evaluation_agrees_with_reference(variant: str, tmp_path: Path) -> None:
    reference = _reference()
    records = [*read_jsonl(GATE), *GOLD]
    gold_path = _write_jsonl(tmp_path / "gold.jsonl", records)
    preds = [{"id": r["id"], "quotes": VARIANTS[variant](r)} for r in records]
    pred_path = _write_jsonl(tmp_path / "pred.jsonl", preds)
    assert score_files(gold_path, pred_path).to_dict() == reference.score(str(gold_path), str(pred_path))
