"""How sure we are of a Russian statement: the share of statements found the same way that were right.

A statement keeps what found it as ``quotetrace.extract.confidence.Evidence``, as English quotes do: the rule
(for a quotation, how its cue was found: after, before, clause, ...; for reported speech "clause"; for a turn
of a conversation "turn"), kind, act, cue, source mention ("none" when the cue has no subject) and whether the
quotation closes. ``confidence`` reads ``data/confidence_ru.json``, fitted by ``scripts/train_confidence_ru.py``
on the Russian out-of-domain dev documents and the tuned fixtures: per rule (``key``) the share right, smoothed
toward the pooled share so that a rule seen four times does not get 1.0; and per condition that used to cost a
hand-set penalty (no source, belief, stance, unclosed) the ratio of right to what the rules alone expect,
smoothed toward 1. Too few Russian statements are wrong for a logistic model like the English one, hence a
table. Without the file the hand-set scores below are used (measured on 4 fixture documents: uncalibrated).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from quotetrace.extract.confidence import Evidence

# The fallback: each rule's hand-set precision, less a penalty per condition.
DIRECT_BASE = {"after": 0.9, "before": 0.85, "clause": 0.9, "argument": 0.8, "label": 0.8, "colon": 0.8,
               "split": 0.85, "next-paragraph": 0.6, "context": 0.5}
REPORTED_BASE = {"indirect": 0.7, "mixed": 0.8}
TURN_SCORE = DIRECT_BASE["label"]  # a turn of a conversation: its label (or the layout) says who speaks
PENALTIES = {"no-source": 0.25, "belief": 0.1, "stance": 0.1, "unclosed": 0.2}
LOWEST, HIGHEST = 0.01, 0.99
TABLE = "data/confidence_ru.json"  # in the package: read from disk, never fetched


def key(e: Evidence) -> str:
    """The rule a rate is kept for: "direct/after", "indirect/clause", "mixed/turn", ..."""
    return f"{e.kind}/{e.rule}"


def conditions(e: Evidence) -> list[str]:
    """The conditions that weaken a statement. A quotation's act is its cue's, which the hand-set scores never
    held against it, so belief and stance count for reported speech alone; a turn has none."""
    if e.rule == "turn":
        return []
    out = ["no-source"] if e.cue != "none" and e.source == "none" else []
    if e.kind != "direct" and e.type in ("belief", "stance"):
        out.append(str(e.type))
    return [*out, "unclosed"] if not e.closed else out


def confidence(e: Evidence) -> float:
    """The probability that a statement found on this evidence is right, by the shipped table."""
    table = _table()
    return min(HIGHEST, max(LOWEST, fallback(e) if table is None else by_table(table, e)))


def by_table(table: dict[str, Any], e: Evidence) -> float:
    """The rule's rate (the pooled one for a rule the data never showed) times each condition's factor."""
    score = float(table["rates"].get(key(e), table["pooled"]))
    for c in conditions(e):
        score *= table["factors"].get(c, 1.0)
    return score


def fallback(e: Evidence) -> float:
    """The hand-set score the Russian path gave before the table."""
    if e.rule == "turn":
        return TURN_SCORE
    score = DIRECT_BASE.get(e.rule, 0.5) if e.kind == "direct" else REPORTED_BASE[e.kind]
    for c in conditions(e):
        score -= PENALTIES[c]
    return score


@lru_cache(maxsize=1)
def _table() -> dict[str, Any] | None:
    try:
        raw = resources.files("quotetrace").joinpath(TABLE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    return dict(json.loads(raw))
