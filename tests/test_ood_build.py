"""The out-of-domain set's builder (benchmarks/ood/build.py): marks become gold offsets, and the built files
match their sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ood_builder import load_builder

OOD = Path(__file__).resolve().parents[1] / "benchmarks" / "ood"


build = load_builder()

SOURCE = """id: t-1
kind: interview
---
Harbour to reopen

⟦s1 The harbour master, Ines Palm,⟧ ⟦c1 said⟧ ⟦q1 the quay would reopen in May⟧.
“⟦q2 We are not done yet,⟧” ⟦s2 she⟧ ⟦c2 added⟧. “⟦q2 Not by a long way.⟧”
A ⟦x so-called “plan”⟧ was tabled; dockers ⟦c3 fear⟧ ⟦q3 it will cost “many” jobs⟧.
---
@1 speech Ines Palm
@2 speech Ines Palm; Palm
@3 belief dockers
"""


def _write(folder: Path, text: str) -> Path:
    (folder / "dev").mkdir(parents=True, exist_ok=True)
    path = folder / "dev" / "a.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_ood_build_marks_become_gold_offsets_kinds_and_types(tmp_path: Path) -> None:
    _write(tmp_path, SOURCE)
    (record,) = build.build("dev", tmp_path)
    text = record["text"]
    assert "⟦" not in text and all(text[q["start"]:q["end"]] == q["quote"] for q in record["quotes"])
    by_unit = {(q["attribution_id"], q["fragment_index"]): q for q in record["quotes"]}
    assert by_unit["A1", 0]["speaker"] == "The harbour master, Ines Palm," and by_unit["A1", 0]["kind"] == "indirect"
    assert by_unit["A2", 1]["quote"] == "“Not by a long way.”" and by_unit["A2", 1]["kind"] == "direct"
    assert by_unit["A2", 0]["speaker_aliases"] == ["Ines Palm", "Palm"]
    assert (by_unit["A3", 0]["type"], by_unit["A3", 0]["kind"], by_unit["A3", 0]["speaker"]) == (
        "belief", "mixed", "dockers")
    assert record["negatives"] == ["so-called “plan”"]


@pytest.mark.parametrize("broken", [
    SOURCE.replace("@3 belief dockers\n", ""),  # an attribution without its line
    SOURCE.replace("@3 belief", "@3 opinion"),  # an unknown type
    SOURCE.replace("⟦c3 fear⟧", "⟦c3 fear"),  # an unclosed mark
    SOURCE.replace("⟦q3 it will", "⟦q3 ⟦c9 it⟧ will"),  # nested marks
    SOURCE.replace("\n---\n@1", "\n@1"),  # no separator
])
def test_ood_build_refuses_a_broken_source_naming_it(tmp_path: Path, broken: str) -> None:
    path = _write(tmp_path, broken)
    with pytest.raises(build.BuildError, match=str(path.name)):
        build.build("dev", tmp_path)


@pytest.mark.parametrize("split", build.SPLITS)
def test_ood_build_the_built_files_match_their_sources(split: str) -> None:
    built = OOD / f"{split}.jsonl"
    if not any((OOD / split).glob("*.txt")):
        pytest.skip(f"no {split} documents yet")
    lines = [json.loads(line) for line in built.read_text(encoding="utf-8").splitlines()]
    assert lines == build.build(split), f"run python benchmarks/ood/build.py {split}"
