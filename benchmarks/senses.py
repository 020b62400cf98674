"""What each cue-sense rule (``quotetrace.extract.senses``) gains out of domain and costs on PolNeAR.

    python benchmarks/senses.py [--cache /tmp/qt-parse] [--folds 4] [--ood-root benchmarks/ood]

For every rule in ``SENSE_RULES`` it runs the extractor with that rule switched off
(``Settings.without_senses``), and then with that rule alone switched on, and prints quote precision, quote
recall and attributed F1 on the English documents of the out-of-domain dev split, and quote precision, quote
recall, reported-speech recall and attributed F1 on PolNeAR train scored held out (each fold with a cue table
trained on the other folds, as ``heldout.py`` does). "without X" against "all rules" is what X adds to the
others (rules overlap: "seem to" is both a seeming and an infinitive that is no speech act); "only X" against
"no rule" is what X does alone. A rule pays when it gains more out-of-domain precision than it costs PolNeAR
recall. Both sets are ones rules are tuned on: PolNeAR dev and the out-of-domain held-out split are never read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy  # a sibling script, not a package
import heldout
from quotetrace.evaluation import Scores, score
from quotetrace.extract.cue_model import count_cues, cue_rates, learned_cues
from quotetrace.extract.senses import SENSE_RULES
from quotetrace.settings import DEFAULT_SETTINGS, Settings

Record = dict[str, Any]
Batch = tuple[list[Record], list[Doc], dict[str, float]]  # gold, parses, the cue table to score them with


def batches(args: argparse.Namespace) -> tuple[list[Batch], list[Batch]]:
    """PolNeAR train in folds, each with a table trained on the others; the out-of-domain dev split."""
    records = accuracy.read_jsonl(args.train)
    docs = heldout.parse_all(records, args.cache)
    polnear = []
    for lo, hi in heldout.fold_bounds(len(records), args.folds):
        rest = [(d, heldout.cue_chars(r)) for i, (r, d) in enumerate(zip(records, docs, strict=True))
                if not lo <= i < hi]
        polnear.append((records[lo:hi], docs[lo:hi], cue_rates(count_cues(rest))))
    ood_gold = [r for r in accuracy.load_ood(args.ood_root, "dev") if r["meta"]["language"] == "en"]
    ood = [(ood_gold, heldout.parse_all(ood_gold, args.cache), learned_cues())]
    return polnear, ood


def scored(sets: Sequence[Batch], settings: Settings) -> Scores:
    gold: list[Record] = []
    predictions: list[Record] = []
    for records, docs, table in sets:
        p, _ = heldout.predict(records, docs, table, settings)
        gold += records
        predictions += p
    return score(gold, predictions)


def reported_recall(s: Scores) -> float:
    kinds = [k for k in (s.by_kind.get("indirect"), s.by_kind.get("mixed")) if k is not None]
    units = sum(k.n for k in kinds)
    return sum(k.recall * k.n for k in kinds) / units if units else 0.0


def row(name: str, ood: Scores, polnear: Scores) -> list[str]:
    return [name, f"{ood.precision:.3f}", f"{ood.recall:.3f}", f"{ood.attributed_f1:.3f}",
            f"{polnear.precision:.3f}", f"{polnear.recall:.3f}", f"{reported_recall(polnear):.3f}",
            f"{polnear.attributed_f1:.3f}"]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=heldout.TRAIN)
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--cache", type=Path, help="a folder to keep the parses in between runs")
    parser.add_argument("--ood-root", type=Path, default=accuracy.OOD_ROOT)
    parser.add_argument("--rules", nargs="*", default=list(SENSE_RULES), help="the rules to switch off one by one")
    args = parser.parse_args(argv)
    polnear, ood = batches(args)
    configurations = {"all rules": DEFAULT_SETTINGS}
    configurations |= {f"without {rule}": replace(DEFAULT_SETTINGS, without_senses=frozenset({rule}))
                       for rule in args.rules}
    configurations["no rule"] = replace(DEFAULT_SETTINGS, without_senses=frozenset(SENSE_RULES))
    configurations |= {f"only {rule}": replace(DEFAULT_SETTINGS, without_senses=frozenset(SENSE_RULES) - {rule})
                       for rule in args.rules}
    header = ["", "OOD quote P", "OOD quote R", "OOD attr. F1", "PolNeAR quote P", "PolNeAR quote R",
              "PolNeAR reported R", "PolNeAR attr. F1"]
    print("  ".join(f"{h:>18}" for h in header))
    for name, settings in configurations.items():
        cells = row(name, scored(ood, settings), scored(polnear, settings))
        print("  ".join(f"{c:>18}" for c in cells), flush=True)


if __name__ == "__main__":
    main()
