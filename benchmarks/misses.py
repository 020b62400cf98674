"""Why reported speech is missed: every indirect and mixed unit of PolNeAR train, scored held out, by cause.

    python benchmarks/misses.py [--cache /tmp/qt-parse] [--folds 4] [--slice 0:840] [--examples 3]

Each fold is extracted with a cue table trained on the other folds (as ``heldout.py`` and ``senses.py`` do)
four times: as shipped; with a cue table that keeps every (lemma, construction) pair annotators ever marked,
whatever its rate; with every cue-sense rule off (``Settings.without_senses``); and with both. A unit the
shipped extractor misses is then, in this order:

- ``boundary: too long`` — a prediction lies over most of it but belongs elsewhere (it runs past the unit,
  or swallows it with its neighbours); ``boundary: too short`` — its own predictions cover under half of it;
  ``boundary: elsewhere`` — predictions touch it, but hold little of it and belong to other units;
- ``gate: table`` — found with the full cue table (a pair under ``cue_model.MIN_CUE_RATE``, or seen too
  seldom);
- ``sense: RULE`` — found once the sense rules are off; RULE is the rule that rejects the gold cue word
  (``senses.verb_sense`` on it; ``noun`` for a noun cue, ``?`` when the cue word is no verb the rules judge);
- ``gate: table + sense: RULE`` — found only with both;
- ``never proposed`` — no run finds it: no cue word (the gold cue is a word that is never a candidate), a
  cue word whose frame is not taken, a cue without content, a cue whose content lies elsewhere, or a cue
  whose quote was given up (a clash with another attribution, a quotation's own path); with the most
  frequent gold cue keys (``cues.cue_key``).

It also counts the units found with the wrong speaker. Figures are counts of units; ``--examples`` prints a
few of each class (to the terminal only: the corpus text is never written to a file).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy  # a sibling script, not a package
import heldout
from quotetrace.clean import clean_text
from quotetrace.evaluation import Unit, locate, units_of
from quotetrace.extract.cue_model import count_cues, cue_rates
from quotetrace.extract.cues import Cue, construction_of, cue_key, find_cues, subject_of
from quotetrace.extract.senses import FRAMED_VERBS, SENSE_RULES, verb_sense
from quotetrace.lexicon import QUOTE_ONLY_VERBS, SPEECH_NOUNS, SPEECH_VERBS
from quotetrace.settings import DEFAULT_SETTINGS, Settings

Record = dict[str, Any]
REPORTED = ("indirect", "mixed")
NO_RULES = replace(DEFAULT_SETTINGS, without_senses=frozenset(SENSE_RULES))


@dataclass(frozen=True, slots=True)
class Located:
    """A prediction's character span in the gold text and whether it names the unit's speaker."""

    start: int
    end: int
    names: tuple[str | None, str | None]


def fold_tables(records: Sequence[Record], docs: Sequence[Doc], folds: Sequence[tuple[int, int]]
                ) -> list[tuple[dict[str, float], dict[str, float]]]:
    """Per fold, the cue table counted on the other folds: as shipped (``cue_rates``) and in full (every pair
    annotators marked at least once, whatever its rate)."""
    out = []
    for lo, hi in folds:
        counts = count_cues([(d, heldout.cue_chars(r)) for i, (r, d) in enumerate(zip(records, docs, strict=True))
                             if not lo <= i < hi])
        out.append((cue_rates(counts), {k: cued / seen for k, (cued, seen) in counts.items()}))
    return out


def predicted(records: Sequence[Record], docs: Sequence[Doc], folds: Sequence[tuple[int, int]],
              tables: Sequence[tuple[dict[str, float], dict[str, float]]], settings: Settings,
              full_table: bool) -> list[Record]:
    """Predictions for every record of ``folds``, each fold with its own cue table."""
    out: list[Record] = []
    for (lo, hi), (shipped, full) in zip(folds, tables, strict=True):
        p, _ = heldout.predict(records[lo:hi], docs[lo:hi], full if full_table else shipped, settings)
        out += p
    return out


def located(record: Record, prediction: Record) -> list[Located]:
    text = record["text"]
    out = []
    for q in prediction["quotes"]:
        where = locate(text, q.get("text") or "", q.get("start"), q.get("end"))
        if where is not None and where[1] > where[0]:
            out.append(Located(where[0], where[1], (q.get("speaker"), q.get("speaker_mention"))))
    return out


def belongs(p: Located, unit: Unit, units: Sequence[Unit]) -> bool:
    """Whether ``unit`` is the prediction's home (the scorer's rule: at least half of it, tightest fit)."""
    span = set(range(p.start, p.end))
    best, best_fit = None, -1.0
    for u in units:
        overlap = len(span & u.chars)
        if overlap >= 0.5 * len(span) and overlap / len(span | u.chars) > best_fit:
            best, best_fit = u, overlap / len(span | u.chars)
    return best is unit


def covered(unit: Unit, mine: Sequence[Located]) -> bool:
    chars: set[int] = set()
    for p in mine:
        chars.update(range(p.start, p.end))
    return len(chars & unit.chars) >= 0.5 * len(unit.chars)


def found_units(record: Record, prediction: Record) -> dict[int, list[Located]]:
    """For each reported unit (by index) found by ``prediction``: its member predictions."""
    units = units_of(record["quotes"])
    preds = located(record, prediction)
    out = {}
    for i, unit in enumerate(units):
        mine = [p for p in preds if belongs(p, unit, units)]
        if unit.required and mine and covered(unit, mine):
            out[i] = mine
    return out


def boundary(unit: Unit, units: Sequence[Unit], preds: Sequence[Located]) -> str | None:
    """Why predictions lying on a missed unit do not find it, if any lie on it."""
    touching = [p for p in preds if unit.chars & set(range(p.start, p.end))]
    if not touching:
        return None
    if any(belongs(p, unit, units) for p in touching):
        return "boundary: too short"
    over = max(len(unit.chars & set(range(p.start, p.end))) for p in touching)
    return "boundary: too long" if over >= 0.5 * len(unit.chars) else "boundary: elsewhere"


def to_cleaned(original: str, cleaned: str) -> dict[int, int]:
    """Offsets into ``original`` mapped to those in ``cleaned`` (the inverse of accuracy.cleaned_to_original)."""
    if original == cleaned:
        return {k: k for k in range(len(original) + 1)}
    where = accuracy.cleaned_to_original(original, cleaned)
    out: dict[int, int] = {}
    for k, o in enumerate(where):
        out.setdefault(o, k)
    return out


def cue_token(doc: Doc, mapping: dict[int, int], unit_fragments: Sequence[Record]) -> Token | None:
    """The gold cue's head word in the parse: its first verb, else its first noun, auxiliary or word."""
    first = unit_fragments[0]
    if first.get("cue_start") is None:
        return None
    start, end = mapping.get(first["cue_start"]), mapping.get(first["cue_end"])
    if start is None or end is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    for pos in (("VERB",), ("NOUN",), ("AUX",)):
        tok = next((t for t in span if t.pos_ in pos), None)
        if tok is not None:
            return tok
    return span[0]


def rule_of(tok: Token | None) -> str:
    if tok is None or tok.pos_ not in ("VERB", "AUX"):
        return "noun" if tok is not None and tok.pos_ == "NOUN" else "?"
    return verb_sense(tok, construction_of(tok), subject_of(tok)).rule or "?"


def unproposed(tok: Token | None, unit: Unit, cues: Sequence[Cue], candidates: set[str]) -> str:
    """Why no run finds a unit: no cue at its cue word (a word that is never a cue, or a frame of one that
    is not taken), a cue with no content, or a cue whose content lies elsewhere or was given up."""
    if tok is None:
        return "no cue word in the parse"
    cue = next((c for c in cues if c.token.i == tok.i), None)
    if cue is None:
        lemma = tok.lemma_.lower()
        return "cue word, frame not taken" if lemma in candidates or f"n:{lemma}" in candidates else "no cue word"
    if cue.content is None:
        return "cue without content"
    chars = set(range(*cue.content))
    return "cue, content elsewhere" if len(chars & unit.chars) < 0.5 * len(unit.chars) else "cue, quote given up"


def candidate_words(table: dict[str, float]) -> set[str]:
    return {k.split("|")[0] for k in table} | SPEECH_VERBS | QUOTE_ONLY_VERBS | FRAMED_VERBS | SPEECH_NOUNS


def fragments_by_unit(record: Record) -> list[list[Record]]:
    """The gold fragments of each unit, in ``units_of``'s order."""
    groups: dict[str, list[Record]] = {}
    for i, q in enumerate(record["quotes"]):
        groups.setdefault(q.get("attribution_id") or f"#{i}", []).append(q)
    return list(groups.values())


@dataclass(slots=True)
class Tally:
    classes: Counter[str]
    examples: dict[str, list[str]]
    keys: Counter[str]  # the cue keys of units no run finds


def classify(records: Sequence[Record], docs: Sequence[Doc], runs: Sequence[Sequence[Record]],
             full_tables: Sequence[dict[str, float]]) -> Tally:
    """Each reported unit's class; ``runs``: shipped, full table, no rules, no rules and full table."""
    tally = Tally(Counter(), defaultdict(list), Counter())
    for k, (record, doc) in enumerate(zip(records, docs, strict=True)):
        units = units_of(record["quotes"])
        fragments = fragments_by_unit(record)
        shipped, table, no_rules, neither = (found_units(record, run[k]) for run in runs)
        preds = located(record, runs[0][k])
        mapping = to_cleaned(record["text"], clean_text(record["text"]))
        cues = find_cues(doc, full_tables[k], frozenset(SENSE_RULES))
        for i, unit in enumerate(units):
            if unit.kind not in REPORTED or not unit.required:
                continue
            tally.classes["units"] += 1
            tok = cue_token(doc, mapping, fragments[i])
            cue = fragments[i][0].get("cue") or ""
            if i in shipped:
                named = unit.speaker_named_by(n for p in shipped[i] for n in p.names)
                name = "found" if named else "found, wrong speaker"
            elif (edge := boundary(unit, units, preds)) is not None:
                name = edge
            elif i in table:
                name = "gate: table"
            elif i in no_rules:
                name = f"sense: {rule_of(tok)}"
            elif i in neither:
                name = f"gate: table + sense: {rule_of(tok)}"
            else:
                name = f"never proposed: {unproposed(tok, unit, cues, candidate_words(full_tables[k]))}"
                tally.keys[(cue_key(tok) if tok is not None else None) or f"{tok.pos_ if tok else '-'}:{cue}"] += 1
            tally.classes[name] += 1
            tally.examples[name].append(f"[{cue}] {unit.quote[:110]}")
    return tally


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=heldout.TRAIN)
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--slice", help="classify only these train articles (LO:HI); tables still use folds")
    parser.add_argument("--cache", type=Path, help="a folder to keep the parses in between runs")
    parser.add_argument("--examples", type=int, default=0, help="print this many examples of each class")
    parser.add_argument("--keys", type=int, default=30, help="how many cue keys of never-proposed units to list")
    args = parser.parse_args(argv)
    records = accuracy.read_jsonl(args.train)
    docs = heldout.parse_all(records, args.cache)
    folds = heldout.fold_bounds(len(records), args.folds)
    if args.slice:
        lo, hi = heldout.parse_slice(args.slice, len(records))
        folds = [(max(a, lo), min(b, hi)) for a, b in folds if a < hi and b > lo]
    chosen = [i for lo, hi in folds for i in range(lo, hi)]
    tables = fold_tables(records, docs, folds)
    runs = [predicted(records, docs, folds, tables, s, full) for s, full in
            ((DEFAULT_SETTINGS, False), (DEFAULT_SETTINGS, True), (NO_RULES, False), (NO_RULES, True))]
    full_tables = [full for (lo, hi), (_, full) in zip(folds, tables, strict=True) for _ in range(lo, hi)]
    tally = classify([records[i] for i in chosen], [docs[i] for i in chosen], runs, full_tables)
    total = tally.classes.pop("units")
    print(f"PolNeAR train held out ({len(chosen)} documents): {total} reported-speech units (indirect + mixed)")
    for name, n in sorted(tally.classes.items(), key=lambda kv: (not kv[0].startswith("found"), -kv[1])):
        print(f"  {name:<44}{n:>6}{n / total:>8.3f}")
        for example in tally.examples[name][: args.examples]:
            print(f"      {example}")
    print(f"\nnever proposed, by gold cue key (top {args.keys}):")
    for key, n in tally.keys.most_common(args.keys):
        print(f"  {key:<36}{n:>6}")


if __name__ == "__main__":
    main()
