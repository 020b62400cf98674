"""Interviews, Q&As, transcripts (tests/fixtures/interviews/) and forum threads, mailing lists and comment sections
(tests/fixtures/threads/) in the shapes real ones take, annotated in the format of benchmarks/ood/build.py:
every answer is the interviewee's by name, every question the interviewer's (by name, or by the role the intro
gives a name), every quoted post or comment its user's; no label or header is part of what was said, and no
byline, caption or header is a statement. (A headline quotation whose speaker the text never names beside it,
'"We were never told": a pharmacist on …', needs only to be found.)"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

import quotetrace
from ood_builder import load_builder
from quotetrace.evaluation import name_match

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


build = load_builder()
SHAPES = sorted([*(FIXTURES / "interviews").glob("*.txt"), *(FIXTURES / "threads").glob("*.txt")])


def _units(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    units: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for gold in record["quotes"]:
        units[gold["attribution_id"]].append(gold)
    return units


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@pytest.fixture(scope="module", params=SHAPES, ids=[p.stem for p in SHAPES])
def shape(request: pytest.FixtureRequest) -> tuple[dict[str, Any], list[quotetrace.Quote]]:
    record = build.parse(request.param)
    return record, quotetrace.extract(record["text"])


def test_every_turn_is_found_whole_and_names_its_speaker(shape: tuple[dict[str, Any], list[quotetrace.Quote]]) -> None:
    record, quotes = shape
    wrong = []
    for unit_id, fragments in _units(record).items():
        spans = [(g["start"], g["end"]) for g in fragments]
        size = sum(b - a for a, b in spans)
        best = max(quotes, key=lambda q: sum(_overlap((q.start, q.end), s) for s in spans), default=None)
        covered = 0 if best is None else sum(_overlap((best.start, best.end), s) for s in spans)
        names = fragments[0]["speaker_aliases"]
        if covered * 2 < size:
            wrong.append(f"{unit_id} missed: {fragments[0]['quote'][:40]!r}")
        elif names and (best is None or not name_match(best.speaker or "", names[0], names)):
            wrong.append(f"{unit_id} {fragments[0]['quote'][:30]!r}: {best and best.speaker!r}, not {names[0]!r}")
    assert not wrong, wrong


def test_no_label_is_part_of_what_was_said(shape: tuple[dict[str, Any], list[quotetrace.Quote]]) -> None:
    record, quotes = shape
    text = record["text"]
    labels = [(g[f"{part}_start"], g[f"{part}_end"]) for g in record["quotes"] if _labelled(text, g)
              for part in ("speaker", "cue") if g[f"{part}_start"] is not None]
    inside = [text[a:b] for a, b in labels for q in quotes if _overlap((q.start, q.end), (a, b))]
    assert not inside, inside


def _labelled(text: str, gold: dict[str, Any]) -> bool:
    """Whether a gold attribution's source or cue opens its line (past quoting marks, timestamps, bold): a
    label, not a "he says" between the pieces of a quotation."""
    starts = [gold[f"{part}_start"] for part in ("speaker", "cue") if gold[f"{part}_start"] is not None]
    return any(re.fullmatch(r"[\s>*_\[\]\d:]*", text[text.rfind("\n", 0, at) + 1 : at]) for at in starts)


def test_no_byline_caption_or_header_is_a_statement(shape: tuple[dict[str, Any], list[quotetrace.Quote]]) -> None:
    record, quotes = shape
    text = record["text"]
    # the fixtures mark as negatives their headlines that attribute nothing, bylines ("By …", "Беседовала …"),
    # captions ("Photo: …"), "Updated 12:30", editor's notes and corrections
    negatives = [(text.index(n), text.index(n) + len(n)) for n in record["negatives"]]
    hit = [q.text[:50] for q in quotes for n in negatives if _overlap((q.start, q.end), n)]
    assert not hit, hit
