"""Fit the confidence model (``src/quotetrace/data/confidence.json``) and check its calibration.

    python benchmarks/heldout.py --folds 4 --features /tmp/polnear-features.jsonl
    python benchmarks/heldout.py --ood-split dev --features /tmp/ood-features.jsonl
    python scripts/train_confidence.py /tmp/polnear-features.jsonl --ood /tmp/ood-features.jsonl

Each features line is one prediction: its evidence (``quotetrace.extract.confidence.Evidence``) and whether it
was right (belongs to a gold unit and names its speaker). The model is a logistic regression with an L2
penalty over ``Evidence.features()``, fitted by Newton's method in numpy. Out-of-domain lines weigh
``--ood-weight`` times a PolNeAR line (there are ~40 times fewer of them).

Before writing the model it prints, for slices the fit did not see, the calibration table (confidence
buckets: predictions, mean confidence, share right) and the expected calibration error: PolNeAR by document
folds, the out-of-domain set by leaving out a quarter of its documents at a time. The output holds only
feature names and weights: no text of either corpus.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from quotetrace.extract.confidence import Evidence

OUT = Path(__file__).resolve().parents[1] / "src" / "quotetrace" / "data" / "confidence.json"
FOLDS = 4
L2 = 1.0
BUCKETS = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)

Row = dict[str, Any]
Array = NDArray[np.float64]


def read(path: Path) -> list[Row]:
    with open(path, encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return [r for r in rows if r["right"] is not None]


def features(row: Row) -> dict[str, float]:
    fields = {k: row[k] for k in Evidence.__dataclass_fields__ if k in row}
    return Evidence(**fields).features()


def design(rows: Sequence[Row], names: list[str]) -> Array:
    index = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, -1] = 1.0  # the intercept
    for r, row in enumerate(rows):
        for name, value in features(row).items():
            if name in index:
                x[r, index[name]] = value
    return x


def fit(x: Array, y: Array, w: Array, l2: float = L2) -> Array:
    """Weighted L2-penalised logistic regression by Newton's method (the intercept is not penalised)."""
    beta = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ beta)))
        gradient = x.T @ (w * (p - y)) + penalty * beta
        hessian = (x * (w * p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return beta


def predict(x: Array, beta: Array) -> Array:
    result: Array = 1.0 / (1.0 + np.exp(-(x @ beta)))
    return result


def names_of(rows: Sequence[Row], minimum: int = 3) -> list[str]:
    """Features seen at least ``minimum`` times: rarer ones would be fitted to noise."""
    counts: dict[str, int] = {}
    for row in rows:
        for name in features(row):
            counts[name] = counts.get(name, 0) + 1
    return sorted(name for name, n in counts.items() if n >= minimum)


def train(rows: Sequence[Row], weights: Array) -> tuple[list[str], Array]:
    names = names_of(rows)
    y = np.array([float(r["right"]) for r in rows])
    return names, fit(design(rows, names), y, weights)


def weights_of(polnear: Sequence[Row], ood: Sequence[Row], ood_weight: float) -> Array:
    return np.array([1.0] * len(polnear) + [ood_weight] * len(ood))


def folds_by_document(rows: Sequence[Row], folds: int) -> list[set[str]]:
    docs = sorted({r["doc"] for r in rows})
    return [set(docs[k::folds]) for k in range(folds)]


def cross_validated(polnear: Sequence[Row], ood: Sequence[Row], ood_weight: float) -> tuple[Array, Array]:
    """Each PolNeAR fold and each quarter of the out-of-domain documents scored by a model fitted without it."""
    out_p = np.zeros(len(polnear))
    out_o = np.zeros(len(ood))
    for held_p, held_o in zip(folds_by_document(polnear, FOLDS), folds_by_document(ood, FOLDS), strict=True):
        train_p = [r for r in polnear if r["doc"] not in held_p]
        train_o = [r for r in ood if r["doc"] not in held_o]
        names, beta = train([*train_p, *train_o], weights_of(train_p, train_o, ood_weight))
        for rows, out, held in ((polnear, out_p, held_p), (ood, out_o, held_o)):
            mask = [i for i, r in enumerate(rows) if r["doc"] in held]
            if mask:
                out[mask] = predict(design([rows[i] for i in mask], names), beta)
    return out_p, out_o


def calibration(confidences: Array, rows: Sequence[Row]) -> tuple[list[tuple[str, int, float, float]], float]:
    """Per bucket (range, predictions, mean confidence, share right) and the expected calibration error."""
    right = np.array([float(r["right"]) for r in rows])
    table, error = [], 0.0
    for lo, hi in itertools.pairwise(BUCKETS):
        inside = (confidences >= lo) & ((confidences < hi) | (hi == 1.0))
        n = int(inside.sum())
        if n:
            mean, share = float(confidences[inside].mean()), float(right[inside].mean())
            table.append((f"{lo:.1f}-{hi:.1f}", n, mean, share))
            error += n * abs(mean - share)
    return table, error / max(len(rows), 1)


def print_calibration(name: str, confidences: Array, rows: Sequence[Row]) -> None:
    table, error = calibration(confidences, rows)
    print(f"\n{name}: expected calibration error {error:.3f}")
    print(f"{'confidence':>12}{'quotes':>9}{'mean conf.':>12}{'share right':>13}")
    for label, n, mean, share in table:
        print(f"{label:>12}{n:>9}{mean:>12.3f}{share:>13.3f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("polnear", type=Path, help="features of PolNeAR train scored held out (heldout.py)")
    parser.add_argument("--ood", type=Path, help="features of the out-of-domain dev split (heldout.py)")
    parser.add_argument("--ood-weight", type=float, default=10.0)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check-only", action="store_true", help="print the calibration, write nothing")
    args = parser.parse_args(argv)
    polnear = read(args.polnear)
    ood = read(args.ood) if args.ood else []
    out_p, out_o = cross_validated(polnear, ood, args.ood_weight)
    print_calibration("PolNeAR train, each fold by a model fitted without it", out_p, polnear)
    if ood:
        print_calibration("out-of-domain dev, each quarter by a model fitted without it", out_o, ood)
    if args.check_only:
        return 0
    names, beta = train([*polnear, *ood], weights_of(polnear, ood, args.ood_weight))
    model = {"intercept": round(float(beta[-1]), 4),
             "weights": {name: round(float(b), 4) for name, b in zip(names, beta[:-1], strict=True)}}
    args.out.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"\nwrote {len(names)} weights to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
