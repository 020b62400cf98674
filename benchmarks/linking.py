"""Linking figures: statement clustering, speaker merging and first sighting on the echo corpus; then scaling.

    python benchmarks/linking.py                         # accuracy (copies=3) and scaling at 10k, 100k quotes
    python benchmarks/linking.py --sizes 10000 100000 1000000
    python benchmarks/linking.py --scorer lexical        # paraphrase by the lexical scorer even if USE is there

Accuracy runs the whole link (speakers, then statements with paraphrase matching) over documents stored by
hand in an in-memory store (no extraction: what is measured is linking). Scores are pairwise over quotes:

- verbatim+partial: pairs of quotes in one family, neither a paraphrase (gold) vs in one statement;
- paraphrase: pairs with at least one paraphrase quote, in one family (gold) vs in one statement;
- speaker merge: pairs of named quotes attributed to one person (gold) vs with one canonical speaker;
- first seen: share of families whose statement's first sighting is the original (all originals are dated).

Scaling times link_speakers + link_statements without paraphrase on synthetic quotes (families of ~10
verbatim copies and fragments; no store), and reports peak memory (tracemalloc: Python allocations).
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from collections import defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_echo_corpus import build, scale_sightings
from quotetrace.link import link
from quotetrace.link.speakers import link_speakers
from quotetrace.link.statements import LexicalScorer, ParaphraseScorer, default_scorer, link_statements
from quotetrace.store import Store


def _prf(gold: set[tuple[int, int]], predicted: set[tuple[int, int]]) -> tuple[float, float, float]:
    tp = len(gold & predicted)
    p = tp / len(predicted) if predicted else 1.0
    r = tp / len(gold) if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _pairs(groups: dict[object, list[int]]) -> set[tuple[int, int]]:
    out: set[tuple[int, int]] = set()
    for members in groups.values():
        out.update((a, b) if a < b else (b, a) for a, b in combinations(sorted(members), 2))
    return out


def accuracy(copies: int, scorer: ParaphraseScorer) -> None:
    corpus = build(copies)
    with Store(":memory:") as store:
        for doc in corpus.documents:
            store.upsert_document(doc)
        report = link(store, scorer=scorer)
        rows = store.member_rows("1", [])
    index = {}
    for doc in corpus.documents:
        for i, _ in enumerate(doc.quotes):
            index[(doc.doc_id, i)] = len(index)
    # quotes are stored in document order, so quote_id order follows the corpus order
    by_quote = {r.quote_id: r for r in rows}
    ids = sorted(by_quote)
    gold = [corpus.gold[key] for key in index]
    statement = [by_quote[q].statement_id for q in ids]
    speaker = [by_quote[q].speaker_id for q in ids]
    fam: dict[object, list[int]] = defaultdict(list)
    pred: dict[object, list[int]] = defaultdict(list)
    for i, g in enumerate(gold):
        fam[g.family].append(i)
        pred[statement[i]].append(i)
    gold_pairs, pred_pairs = _pairs(fam), _pairs(pred)
    para = {i for i, g in enumerate(gold) if g.relation == "paraphrase"}
    vp_gold = {p for p in gold_pairs if not (set(p) & para)}
    vp_pred = {p for p in pred_pairs if not (set(p) & para)}
    pp_gold = {p for p in gold_pairs if set(p) & para}
    pp_pred = {p for p in pred_pairs if set(p) & para}
    people: dict[object, list[int]] = defaultdict(list)
    merged: dict[object, list[int]] = defaultdict(list)
    for i, g in enumerate(gold):
        people[g.person].append(i)
        merged[speaker[i]].append(i)
    first_ok = 0
    originals = [i for i, g in enumerate(gold) if g.original]
    for i in originals:
        first_ok += by_quote[ids[i]].relation == "original"
    print(f"echo corpus: {len(corpus.documents)} documents, {len(gold)} quotes, {len(fam)} families")
    print(f"  {report.line()}")
    for label, (p, r, f) in (
        ("verbatim+partial", _prf(vp_gold, vp_pred)),
        ("paraphrase", _prf(pp_gold, pp_pred)),
        ("speaker merge", _prf(_pairs(people), _pairs(merged))),
    ):
        print(f"  {label:18} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    print(f"  first seen accuracy {first_ok / len(originals):.3f} ({first_ok}/{len(originals)} dated originals)")


def scaling(sizes: list[int]) -> None:
    print("scaling (link without paraphrase; synthetic families of verbatim copies and fragments):")
    print(f"  {'quotes':>9} {'seconds':>9} {'µs/quote':>9} {'peak MiB':>9} {'statements':>11}")
    for n in sizes:
        sightings = scale_sightings(n)
        tracemalloc.start()
        started = time.perf_counter()
        speakers = link_speakers(sightings)
        links = link_statements(sightings, speakers.quote_speakers, scorer=None)
        seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"  {n:>9} {seconds:>9.1f} {seconds / n * 1e6:>9.1f} {peak / 2**20:>9.0f} {len(links.statements):>11}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--copies", type=int, default=1,
        help="fixture families per statement (copies > 1 repeat the same words under other names)",
    )
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--scorer", choices=["default", "lexical"], default="default")
    args = parser.parse_args()
    scorer = LexicalScorer() if args.scorer == "lexical" else default_scorer()
    accuracy(args.copies, scorer)
    if args.sizes:
        scaling(args.sizes)


if __name__ == "__main__":
    main()
