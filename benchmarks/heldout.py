"""PolNeAR *train* scored as held-out text: each slice with a cue table trained on the rest of train.

    python benchmarks/heldout.py                            # train[:200], cue table from train[200:]
    python benchmarks/heldout.py --slice 200:400            # another slice
    python benchmarks/heldout.py --folds 4 --features F.jsonl   # every train article, 4-fold cross-fitted
    python benchmarks/heldout.py --cache /tmp/qt-parse      # parse once, reuse the parses on later runs
    python benchmarks/heldout.py --ood-split dev --features O.jsonl  # the out-of-domain dev split instead

This is where rules and thresholds are chosen (the README's dev figures are only reported, never tuned on):
the cue table (``scripts/train_cue_lexicon.py``) is retrained without the scored articles, so the scored
slice is as unseen as dev. ``--features`` writes, for every prediction, the evidence its confidence is
computed from and whether it was right (belongs to a gold unit and names its speaker): the training data of
``scripts/train_confidence.py``. ``--folds K`` scores every train article once, with a table trained on the
other K-1 folds. ``--ood-split dev`` scores the English documents of the out-of-domain dev split (``benchmarks/ood``)
instead, with the shipped table, which never saw them: the out-of-domain half of that training data. Never give it
``heldout``: that half is scored once, at the end, by ``accuracy.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin

sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy  # a sibling script, not a package
from quotetrace.attribute import attribute_speakers
from quotetrace.clean import clean_text
from quotetrace.evaluation import score
from quotetrace.extract import find_quotes_with_evidence
from quotetrace.extract.cue_model import count_cues, cue_rates, learned_cues
from quotetrace.headlines import restore_text, sentence_case_headlines
from quotetrace.nlp import ENGLISH_MODEL, load_pipeline
from quotetrace.settings import DEFAULT_SETTINGS, Settings

TRAIN = accuracy.SHARED / "data" / "polnear" / "train.jsonl"
Record = dict[str, Any]


# --- parsing, once -----------------------------------------------------------------------------------------


def parse_all(records: Sequence[Record], cache: Path | None) -> list[Doc]:
    """Every record cleaned and parsed as ``pipeline.process`` does it; from ``cache`` when it holds them."""
    nlp = load_pipeline("en")
    texts = [sentence_case_headlines(clean_text(r["text"])) for r in records]
    key = hashlib.sha256("\0".join([ENGLISH_MODEL, *texts]).encode()).hexdigest()[:16]
    path = cache / f"{key}.spacy" if cache else None
    if path is not None and path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(accuracy.progress(list(nlp.pipe(texts, batch_size=16)), "parsing"))  # type: ignore[arg-type]
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(attrs=["ORTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START"],
               docs=docs).to_disk(path)
    return docs


def cue_chars(record: Record) -> set[int]:
    chars: set[int] = set()
    for q in record["quotes"]:
        if q.get("cue_start") is not None:
            chars.update(range(q["cue_start"], q["cue_end"]))
    return chars


# --- extraction with a given cue table ---------------------------------------------------------------------


def predict(records: Sequence[Record], docs: Sequence[Doc], table: dict[str, float],
            settings: Settings = DEFAULT_SETTINGS) -> tuple[list[Record], list[Record]]:
    """Prediction records (as accuracy.py makes them) and, aligned with their quotes, each one's evidence."""
    predictions, evidence = [], []
    for record, doc in zip(records, docs, strict=True):
        found = find_quotes_with_evidence(doc, settings, table)
        quotes = [q for q, _ in found]
        attribute_speakers(doc, quotes)
        cleaned = clean_text(record["text"])
        if doc.text != cleaned:
            quotes, _ = restore_text(cleaned, quotes, [])
        rows: list[Record] = []
        features: list[Record] = []
        for quote, (_, ev) in zip(quotes, found, strict=True):
            for row in accuracy.quote_records(quote):
                rows.append(row)
                features.append(ev.to_dict())
        predictions.append({"id": record["id"], "quotes": accuracy.in_input(record["text"], cleaned, rows)})
        evidence.append({"id": record["id"], "evidence": features})
    return predictions, evidence


def fold_bounds(n: int, folds: int) -> list[tuple[int, int]]:
    size = -(-n // folds)
    return [(k * size, min(n, (k + 1) * size)) for k in range(folds)]


def run(records: Sequence[Record], docs: Sequence[Doc], lo: int, hi: int) -> tuple[list[Record], list[Record]]:
    """Score records[lo:hi] with a cue table counted on the others."""
    rest = [(doc, cue_chars(r)) for i, (r, doc) in enumerate(zip(records, docs, strict=True)) if not lo <= i < hi]
    table = cue_rates(count_cues(rest))
    return predict(records[lo:hi], docs[lo:hi], table)


def write_features(path: Path, gold: Sequence[Record], predictions: Sequence[Record],
                   evidence: Sequence[Record]) -> None:
    """One line per prediction: its evidence and whether it was right (``None``: scored neither way)."""
    outcomes = score(gold, predictions).outcomes
    by_doc = {e["id"]: e["evidence"] for e in evidence}
    with open(path, "w", encoding="utf-8") as out:
        for outcome in outcomes:
            row = {**by_doc[outcome.doc_id][outcome.index], "right": outcome.right, "doc": outcome.doc_id}
            out.write(json.dumps(row) + "\n")


def polnear_held_out(args: argparse.Namespace) -> tuple[list[Record], list[Record], list[Record]]:
    """Gold, predictions and evidence for the train slice (or every fold), each with its own cue table."""
    records = accuracy.read_jsonl(args.train)
    docs = parse_all(records, args.cache)
    bounds = fold_bounds(len(records), args.folds) if args.folds else [parse_slice(args.slice, len(records))]
    print(f"held out: {', '.join(f'[{lo}:{hi}]' for lo, hi in bounds)}")
    predictions: list[Record] = []
    evidence: list[Record] = []
    for lo, hi in bounds:
        p, e = run(records, docs, lo, hi)
        predictions += p
        evidence += e
    return [r for lo, hi in bounds for r in records[lo:hi]], predictions, evidence


def parse_slice(spec: str, n: int) -> tuple[int, int]:
    lo, _, hi = spec.partition(":")
    return int(lo or 0), min(n, int(hi) if hi else n)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=TRAIN)
    parser.add_argument("--slice", default="0:200", help="the train articles to score, as LO:HI (default 0:200)")
    parser.add_argument("--folds", type=int, help="score every article, in K folds (overrides --slice)")
    parser.add_argument("--cache", type=Path, help="a folder to keep the parses in between runs")
    parser.add_argument("--features", type=Path, help="write each prediction's evidence and outcome here")
    parser.add_argument("--ood-split", choices=("dev",), help="score the out-of-domain dev split instead")
    parser.add_argument("--ood-root", type=Path, default=accuracy.OOD_ROOT)
    parser.add_argument("--verbose", "-v", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    if args.ood_split:
        # the English documents: Russian ones go through their own path (quotetrace.ru), with no evidence
        gold = [r for r in accuracy.load_ood(args.ood_root, args.ood_split) if r["meta"]["language"] == "en"]
        predictions, evidence = predict(gold, parse_all(gold, args.cache), learned_cues())
        name = f"ood-{args.ood_split}"
    else:
        if not args.train.exists():
            sys.exit(f"no PolNeAR train at {args.train}")
        gold, predictions, evidence = polnear_held_out(args)
        name = "PolNeAR train, held out"
    print(f"{name} ({len(gold)} documents)")
    scores = score(gold, predictions)
    accuracy.print_table({"quotetrace": scores})
    accuracy.print_thresholds(name, gold, predictions, accuracy.THRESHOLDS)
    accuracy.print_calibration({name: (gold, predictions)})
    if args.features:
        write_features(args.features, gold, predictions, evidence)
    if args.verbose:
        accuracy.print_problems("quotetrace", scores)


if __name__ == "__main__":
    main()
