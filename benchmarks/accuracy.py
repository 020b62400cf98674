"""Accuracy of quotetrace (and optionally textacy) against annotated gold: PolNeAR dev and our out-of-domain
set side by side, or any gold file.

    python benchmarks/accuracy.py [--data ../shared/data/polnear/dev.jsonl]
                                  [--ood-split dev|heldout|blind|blind2|blind3|blind4|blind5]
                                  [--ood-root benchmarks/ood]
                                  [--gold FILE] [--limit N] [--out preds.jsonl] [--threshold X] [--textacy]
                                  [--verbose] [--cues strict|broad] [--without-senses RULE,...]

Scores with ``quotetrace.evaluation`` and, when ``../shared/eval/score.py`` exists, with the reference scorer
too, and stops if the two disagree. See benchmarks/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import itertools
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache, partial
from pathlib import Path
from types import ModuleType
from typing import Any

import quotetrace
from quotetrace.evaluation import Scores, read_jsonl, score
from quotetrace.extract.senses import SENSE_RULES
from quotetrace.settings import CUE_READINGS, DEFAULT_SETTINGS, Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_DATA = SHARED / "data" / "polnear" / "dev.jsonl"
OOD_ROOT = ROOT / "benchmarks" / "ood"
# The splits of the out-of-domain set (benchmarks/ood/build.py SPLITS): see benchmarks/ood/README.md.
OOD_SPLITS = ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9")
REFERENCE = SHARED / "eval" / "score.py"
THRESHOLDS = (0.0, 0.3, 0.5, 0.7, 0.8)
KINDS = ("direct", "indirect", "mixed")
TYPES = ("speech", "belief", "stance")

Record = dict[str, Any]
Predictor = Callable[[Sequence[Record]], list[Record]]


# --- predictions -----------------------------------------------------------------------------------------


def progress(items: Sequence[Record], label: str) -> Iterator[Record]:
    """Yield ``items`` while showing a progress line on stderr."""
    started = shown = time.perf_counter()
    for done, item in enumerate(items, 1):
        yield item
        now = time.perf_counter()
        if now - shown > 0.2 or done == len(items):
            shown, rate = now, done / max(now - started, 1e-9)
            line = f"\r{label}: {done}/{len(items)} documents, {rate:.1f}/s"
            print(line, end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)


def predict_quotetrace(records: Sequence[Record], settings: Settings = DEFAULT_SETTINGS) -> list[Record]:
    """quotetrace.extract_document on each record's text; a document that fails is reported and skipped."""
    predictions = []
    for record in progress(records, "quotetrace"):
        quotes: list[Record] = []
        try:
            document = quotetrace.extract_document(text=record["text"], id=record["id"], settings=settings)
            rows = [row for q in document.quotes for row in quote_records(q)]
            quotes = in_input(record["text"], document.text, rows)
        except Exception as error:  # one bad document must not end the benchmark
            print(f"\n  {record['id']}: {type(error).__name__}: {error}", file=sys.stderr)
        predictions.append({"id": record["id"], "quotes": quotes})
    return predictions


def quote_records(quote: quotetrace.Quote) -> list[Record]:
    """A quote as predictions: a split quotation as its quoted pieces, which is how the metric wants it
    (PolNeAR sometimes annotates the two halves of “A,” he said. “B” as one attribution, sometimes as two)."""
    mention = quote.speaker_mention.text if quote.speaker_mention else None
    pieces = quote.fragments or [quotetrace.TextSpan(quote.text, quote.start, quote.end)]
    return [{"text": p.text, "start": p.start, "end": p.end, "speaker": quote.speaker, "speaker_mention": mention,
             "kind": quote.kind, "type": quote.type, "confidence": round(quote.confidence, 3)} for p in pieces]


def in_input(original: str, cleaned: str, rows: list[Record]) -> list[Record]:
    """``rows`` (offsets into ``cleaned``) with offsets and text from ``original``, the text as given. A
    scorer finds a quote at its own offsets or else at its first occurrence; cleaning shifts offsets (a
    double space made one), and the first occurrence of a short quote ("Hillary Clinton") may be elsewhere."""
    if original == cleaned:
        return rows
    where = cleaned_to_original(original, cleaned)
    return [{**row, "text": original[where[row["start"]] : where[row["end"]]], "start": where[row["start"]],
             "end": where[row["end"]]} for row in rows]


@lru_cache(maxsize=1024)
def cleaned_to_original(original: str, cleaned: str) -> tuple[int, ...]:
    """For each offset into ``cleaned`` (and its end), the offset into ``original`` it came from: cleaning
    only drops characters and turns whitespace into other whitespace, so the two align block by block.
    Kept for the texts seen last: the held-out scripts extract the same documents several times."""
    where = list(range(len(cleaned) + 1))
    matcher = difflib.SequenceMatcher(None, original, cleaned, autojunk=False)
    for tag, a, _, x, y in matcher.get_opcodes():
        for k in range(x, y):
            where[k] = a + (k - x) if tag == "equal" else a
    where[len(cleaned)] = len(original)
    return tuple(where)


def predict_textacy(records: Sequence[Record]) -> list[Record]:
    """textacy's direct_quotations over the same spaCy pipeline, as a peer baseline.

    textacy refuses a whole document when its quote marks do not pair up (common: a quote running over
    paragraphs opens a mark in each and closes only the last); it is then given one paragraph at a time,
    so that it keeps its quotes in the other paragraphs.
    """
    from quotetrace.nlp import load_pipeline

    nlp = load_pipeline("en")
    docs = nlp.pipe(r["text"] for r in records)
    predictions, retried = [], 0
    for record, doc in zip(progress(records, "textacy"), docs, strict=True):
        quotes = textacy_quotes(doc)
        if quotes is None:
            retried += 1
            quotes = [q for paragraph in paragraphs(doc) for q in textacy_quotes(paragraph) or []]
        predictions.append({"id": record["id"], "quotes": quotes})
    print(f"textacy: unbalanced quote marks in {retried} of {len(records)} documents, run per paragraph there")
    return predictions


def textacy_quotes(doc: Any) -> list[Record] | None:
    """The quotes textacy finds in a spaCy Doc, or None when it gives up on it."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return None
    quotes = []
    for triple in triples:
        speaker = " ".join(t.text for t in sorted(triple.speaker, key=lambda t: t.i))
        quotes.append({"text": triple.content.text, "speaker": speaker, "speaker_mention": speaker,
                       "kind": "direct", "confidence": 1.0})
    return quotes


def paragraphs(doc: Any) -> list[Any]:
    """The paragraphs of a spaCy Doc (split at blank lines), each as a Doc of its own, parse kept."""
    out, start = [], 0
    for block in doc.text.split("\n\n"):
        span = doc.char_span(start, start + len(block), alignment_mode="expand")
        if span is not None and len(span):
            out.append(span.as_doc())
        start += len(block) + 2
    return out


def above(predictions: Sequence[Record], threshold: float) -> list[Record]:
    """The predictions keeping only quotes with confidence >= ``threshold``."""
    return [{**p, "quotes": [q for q in p["quotes"] if q.get("confidence", 1.0) >= threshold]}
            for p in predictions]


# --- scoring ---------------------------------------------------------------------------------------------


def load_reference() -> ModuleType | None:
    if not REFERENCE.exists():
        return None
    spec = importlib.util.spec_from_file_location("reference_score", REFERENCE)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_jsonl(path: Path, records: Sequence[Record]) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def check_against_reference(gold: Sequence[Record], predictions: Sequence[Record], ours: Scores,
                            name: str) -> None:
    """Score again with ../shared/eval/score.py and stop if the figures differ from ours."""
    reference = load_reference()
    if reference is None:
        print(f"reference scorer not found at {REFERENCE}: figures from quotetrace.evaluation only")
        return
    with tempfile.TemporaryDirectory() as tmp:
        gold_file, pred_file = Path(tmp) / "gold.jsonl", Path(tmp) / "pred.jsonl"
        write_jsonl(gold_file, gold)  # the gold as scored here (after --limit)
        write_jsonl(pred_file, predictions)
        theirs = reference.score(str(gold_file), str(pred_file))
    print(f"{name}, quotetrace.evaluation: {json.dumps(ours.to_dict())}")
    print(f"{name}, reference scorer:      {json.dumps(theirs)}")
    if theirs != ours.to_dict():
        sys.exit(f"quotetrace.evaluation disagrees with the reference scorer on {name}")
    print(f"{name}: quotetrace.evaluation agrees with the reference scorer")


# --- gold -----------------------------------------------------------------------------------------------


def ood_builder(root: Path) -> ModuleType:
    """``root/build.py``, the out-of-domain set's builder, loaded as a module (a script, not a package)."""
    spec = importlib.util.spec_from_file_location("ood_build", root / "build.py")
    if spec is None or spec.loader is None:
        sys.exit(f"no builder at {root / 'build.py'}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["ood_build"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def load_ood(root: Path, split: str) -> list[Record]:
    """The out-of-domain split built from its annotated sources (``benchmarks/ood/build.py``)."""
    records: list[Record] = ood_builder(root).build(split, root)
    return records


def datasets_of(args: argparse.Namespace) -> dict[str, list[Record]]:
    """The gold sets to score, by column name: --gold alone, else PolNeAR dev and the out-of-domain split."""
    if args.gold:
        if not args.gold.exists():
            sys.exit(f"no gold data at {args.gold}")
        return {args.gold.stem: read_jsonl(args.gold)[: args.limit]}
    sets = {}
    if args.data.exists():
        sets["polnear-dev"] = read_jsonl(args.data)[: args.limit]
    else:
        print(f"no PolNeAR at {args.data}: scoring the out-of-domain set alone")
    if (args.ood_root / args.ood_split).is_dir():
        sets[f"ood-{args.ood_split}"] = load_ood(args.ood_root, args.ood_split)[: args.limit]
    else:
        print(f"no out-of-domain split at {args.ood_root / args.ood_split}")
    if not sets:
        sys.exit("nothing to score: give --gold tests/fixtures/gate/articles.jsonl")
    return sets


def by_language(gold: Sequence[Record], predictions: Sequence[Record]) -> list[tuple[str, list[Record],
                                                                                 list[Record]]]:
    """A set's documents and predictions per language, when it holds more than one (the out-of-domain set
    has Russian documents beside the English ones)."""
    languages = sorted({r.get("meta", {}).get("language", "en") for r in gold})
    if len(languages) < 2:
        return []
    out = []
    for lang in languages:
        subset = [r for r in gold if r.get("meta", {}).get("language", "en") == lang]
        out.append((lang, subset, by_language_of(predictions, subset)))
    return out


def by_language_of(predictions: Sequence[Record], subset: Sequence[Record]) -> list[Record]:
    ids = {r["id"] for r in subset}
    return [p for p in predictions if p["id"] in ids]


# --- report ----------------------------------------------------------------------------------------------


def rows_of(scores: Scores) -> list[tuple[str, str]]:
    rows = [
        ("attributed F1 (headline)", f"{scores.attributed_f1:.3f}"),
        ("  attributed precision", f"{scores.attributed_precision:.3f}"),
        ("  attributed recall (end to end)", f"{scores.end_to_end_recall:.3f}"),
        ("quote precision", f"{scores.precision:.3f}"),
        ("quote recall", f"{scores.recall:.3f}"),
        ("quote F1", f"{scores.f1:.3f}"),
        ("attribution accuracy (of found)", f"{scores.attribution_acc:.3f}"),
    ]
    for kind in KINDS:
        k = scores.by_kind.get(kind)
        rows.append((f"{kind}: recall / attribution (n)",
                     f"{k.recall:.3f} / {k.attr_of_found:.3f} ({k.n})" if k else "-"))
    rows.append(("reported speech (indirect + mixed) recall", _reported_recall(scores)))
    for act in TYPES:
        t = scores.by_type.get(act)
        rows.append((f"{act}: recall / attribution (n)",
                     f"{t.recall:.3f} / {t.attr_of_found:.3f} ({t.units})" if t and t.units else "-"))
        rows.append((f"{act}: precision / attr. prec. (n)",
                     f"{t.precision:.3f} / {t.attributed_precision:.3f} ({t.predictions})"
                     if t and t.predictions else "-"))
        typed = any(v.units for v in scores.by_type.values())  # PolNeAR's gold has no types
        rows.append((f"{act}: type right (of found)",
                     f"{t.type_agreement:.3f}" if typed and t and t.predictions else "-"))
    rows += [("gold units / predictions", f"{scores.gold_units} / {scores.pred}"),
             ("unlocated predictions", str(scores.unlocated_pred)),
             ("negatives hit", str(scores.negatives_hit))]
    return rows


def _reported_recall(scores: Scores) -> str:
    """Recall over indirect and mixed units together: issue 3's target, weighted by their counts."""
    kinds = [k for k in (scores.by_kind.get("indirect"), scores.by_kind.get("mixed")) if k is not None and k.n]
    units = sum(k.n for k in kinds)
    return f"{sum(k.recall * k.n for k in kinds) / units:.3f}" if units else "-"


def print_table(results: dict[str, Scores]) -> None:
    columns = {name: dict(rows_of(s)) for name, s in results.items()}
    labels = [label for label, _ in rows_of(next(iter(results.values())))]
    width = max(map(len, labels)) + 2
    col = max(22, *(len(name) + 2 for name in results))
    print("\n" + "".ljust(width) + "".join(f"{name:>{col}}" for name in results))
    for label in labels:
        print(label.ljust(width) + "".join(f"{columns[name][label]:>{col}}" for name in results))


def print_thresholds(name: str, gold: Sequence[Record], predictions: Sequence[Record],
                     thresholds: Sequence[float]) -> None:
    print(f"\n{name}, keeping quotes with confidence >= t:")
    print(f"{'t':>6}{'quotes kept':>14}{'quote prec.':>13}{'attr. precision':>18}{'attr. recall':>15}"
          f"{'attributed F1':>16}")
    for t in thresholds:
        kept = above(predictions, t)
        s = score(gold, kept)
        n = sum(len(p["quotes"]) for p in kept)
        print(f"{t:>6.2f}{n:>14}{s.precision:>13.3f}{s.attributed_precision:>18.3f}{s.attributed_recall:>15.3f}"
              f"{s.attributed_f1:>16.3f}")


CONFIDENCE_BUCKETS = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def calibration_rows(gold: Sequence[Record], predictions: Sequence[Record]) -> list[tuple[str, int, float, float]]:
    """Per confidence bucket: its range, how many predictions fell in it, their mean confidence and the
    share of them that were right (belong to a gold unit and name its speaker)."""
    confidences = {(p["id"], i): q.get("confidence", 1.0) for p in predictions for i, q in enumerate(p["quotes"])}
    scored = [(confidences[(o.doc_id, o.index)], o.right) for o in score(gold, predictions).outcomes
              if o.right is not None]
    rows = []
    for lo, hi in itertools.pairwise(CONFIDENCE_BUCKETS):
        inside = [(c, r) for c, r in scored if lo <= c < hi or (hi == 1.0 and c == 1.0)]
        if inside:
            rows.append((f"{lo:.1f}-{hi:.1f}", len(inside), sum(c for c, _ in inside) / len(inside),
                         sum(r for _, r in inside) / len(inside)))
    return rows


def print_calibration(datasets: dict[str, tuple[Sequence[Record], Sequence[Record]]]) -> None:
    """The calibration table of each dataset: a well calibrated confidence c is right about c of the time."""
    for name, (gold, predictions) in datasets.items():
        rows = calibration_rows(gold, predictions)
        print(f"\ncalibration, {name} (right: belongs to a gold unit and names its speaker): "
              f"expected calibration error {expected_calibration_error(rows):.3f}")
        print(f"{'confidence':>12}{'quotes':>9}{'mean conf.':>12}{'share right':>13}")
        for label, n, mean, right in rows:
            print(f"{label:>12}{n:>9}{mean:>12.3f}{right:>13.3f}")


def expected_calibration_error(rows: Sequence[tuple[str, int, float, float]]) -> float:
    """The gap between mean confidence and share right, averaged over predictions (bucket by bucket)."""
    total = sum(n for _, n, _, _ in rows)
    return sum(n * abs(mean - right) for _, n, mean, right in rows) / max(total, 1)


def print_by_kind(name: str, gold: Sequence[Record], predictions: Sequence[Record]) -> None:
    """Per kind of document (the out-of-domain set's ``meta.kind``: analysis, interview, ...), and for the
    longest document alone: the figures the issue sets targets on."""
    kinds = sorted({r.get("meta", {}).get("kind") for r in gold} - {None})
    if not kinds:
        return
    longest = max(gold, key=lambda r: len(r["text"]))
    groups = [(kind, [r for r in gold if r.get("meta", {}).get("kind") == kind]) for kind in kinds]
    groups.append((f"longest: {longest['id']}", [longest]))
    print(f"\n{name}, by kind of document:")
    print(f"{'':>36}{'docs':>6}{'units':>7}{'quote P':>9}{'quote R':>9}{'attr. P':>9}{'attr. R':>9}"
          f"{'attr. F1':>10}{'attribution':>13}")
    for kind, subset in groups:
        s = score(subset, by_language_of(predictions, subset))
        print(f"{kind:>36}{len(subset):>6}{s.gold_units:>7}{s.precision:>9.3f}{s.recall:>9.3f}"
              f"{s.attributed_precision:>9.3f}{s.end_to_end_recall:>9.3f}{s.attributed_f1:>10.3f}"
              f"{s.attribution_acc:>13.3f}")


def print_problems(name: str, scores: Scores) -> None:
    print(f"\n{name}: {len(scores.problems)} problems")
    for problem in scores.problems:
        print(f"  {problem}")


# --- main ------------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Score quotetrace against annotated gold JSONL.")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="PolNeAR JSONL (default: ../shared/data/polnear/dev.jsonl)")
    parser.add_argument("--ood-split", choices=OOD_SPLITS, default="dev",
                        help="which half of the out-of-domain set to score beside it (default: dev)")
    parser.add_argument("--ood-root", type=Path, default=OOD_ROOT,
                        help="the out-of-domain set's folder (default: benchmarks/ood)")
    parser.add_argument("--gold", type=Path,
                        help="score this gold JSONL alone instead, e.g. tests/fixtures/gate/articles.jsonl")
    parser.add_argument("--limit", type=int, help="score only the first N documents of each set")
    parser.add_argument("--out", type=Path, help="write quotetrace's predictions here (JSONL, every set)")
    parser.add_argument("--threshold", type=float, default=0.0,
                        help="keep only quotes with confidence >= X for the main table")
    parser.add_argument("--textacy", action="store_true", help="also score textacy's direct_quotations")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="list misses, false positives and wrong speakers")
    parser.add_argument("--cues", choices=CUE_READINGS, default="strict",
                        help="the cue reading (quotetrace extract --cues): broad is PolNeAR's scheme")
    parser.add_argument("--without-senses", default="", metavar="RULE,...",
                        help="switch these cue-sense rules off (senses.SENSE_RULES), to measure what they cost")
    args = parser.parse_args(argv)
    unknown = set(rules_of(args.without_senses)) - set(SENSE_RULES)
    if unknown:
        parser.error(f"no sense rule {', '.join(sorted(unknown))}; the rules are {', '.join(SENSE_RULES)}")
    return args


def rules_of(spec: str) -> frozenset[str]:
    return frozenset(rule.strip() for rule in spec.split(",") if rule.strip())


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    datasets = datasets_of(args)
    settings = replace(DEFAULT_SETTINGS, without_senses=rules_of(args.without_senses), cues=args.cues)
    predictors: dict[str, Predictor] = {"quotetrace": partial(predict_quotetrace, settings=settings)}
    if args.textacy:
        predictors["textacy"] = predict_textacy
    results: dict[str, Scores] = {}
    ours: dict[str, tuple[Sequence[Record], Sequence[Record]]] = {}
    written: list[Record] = []
    for set_name, gold in datasets.items():
        print(f"{set_name}: {len(gold)} documents")
        for name, predictor in predictors.items():
            column = set_name if name == "quotetrace" else f"{set_name}/{name}"
            started = time.perf_counter()
            predictions = predictor(gold)
            print(f"{column}: {len(gold)} documents in {time.perf_counter() - started:.1f} s")
            if name == "quotetrace":
                ours[set_name] = (gold, predictions)
                predictions = above(predictions, args.threshold)
                written += predictions
            results[column] = score(gold, predictions)
            check_against_reference(gold, predictions, results[column], column)
            if name == "quotetrace":
                for lang, subset, chosen in by_language(gold, predictions):
                    results[f"{set_name} {lang}"] = score(subset, chosen)
                    ours[f"{set_name} {lang}"] = (subset, by_language_of(ours[set_name][1], subset))
    if args.out:
        write_jsonl(args.out, written)
    print_table(results)
    for set_name, (gold, predictions) in ours.items():
        print_thresholds(set_name, gold, predictions, sorted({*THRESHOLDS, args.threshold}))
    print_calibration(ours)
    for set_name, (gold, predictions) in ours.items():
        if " " not in set_name:  # whole sets, not their languages
            print_by_kind(set_name, gold, above(predictions, args.threshold))
    if args.verbose:
        for name, scores in results.items():
            print_problems(name, scores)


if __name__ == "__main__":
    main()
