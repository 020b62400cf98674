"""The accuracy metric: quotation extraction and speaker attribution scored against annotated gold.

This is our own implementation of the metric that ``../shared/eval/score.py`` defines, so that the quality
gate and the benchmarks run without ``../shared``. ``tests/test_evaluation.py`` checks that both give the
same figures.

Gold records: ``{"id", "text", "quotes": [{"start", "end", "speaker", "speaker_aliases"?, "kind",
"attribution_kind"?, "required"?, "attribution_id"?, "quote"?}], "negatives"?: [str]}``.
Prediction records: ``{"id", "quotes": [{"text", "start"?, "end"?, "speaker"?, "speaker_mention"?}]}``;
predictions are located in the gold text by their text, so their offsets may refer to a cleaned text.

- **Units**: gold fragments sharing an ``attribution_id`` form one unit (a quote split by "he said", or one
  running over several paragraphs).
- **Membership**: a prediction belongs to the unit holding at least half of its characters; where several do
  (nested units), to the one it fits most tightly (overlap / union).
- **Precision**: share of predictions that belong to a unit (those belonging to an optional unit are left out
  of the count; those that cannot be located in the text count as wrong).
- **Recall**: share of required units at least half covered by the predictions belonging to them.
- **Attribution**: over found units, the member covering most of the unit must name the gold speaker, by its
  resolved ``speaker`` or its ``speaker_mention`` as written (equal tokens, or a shared content word).
- **attributed_f1** (the headline): precision and recall counting a prediction or a unit only when its speaker
  is right too.

Beyond the reference scorer (kept out of ``Scores.to_dict``, so the two still compare equal):

- **by type**: a gold unit's act ``type`` (speech, belief, stance; gold without types has none) and a
  prediction's ``type`` give recall per gold type and precision per predicted type; ``type_agrees`` counts
  the predictions whose unit has the type they give.
- **outcomes**: for each prediction, in input order per document, whether it was right (belongs to a
  required unit and names its speaker), wrong, or not scored (it belongs to an optional unit): what a
  confidence is calibrated against.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Record = Mapping[str, Any]

# Words that say nothing about who spoke; a name match needs a shared word outside this list.
STOPWORDS = frozenset({
    "the", "a", "an", "of", "and", "mr", "mrs", "ms", "dr",
    "said", "says", "to", "in", "for", "on", "who", "that",
})
_TOKEN = re.compile(r"[\w’'-]+")
_WHITESPACE = re.compile(r"\s+")


# --- names -----------------------------------------------------------------------------------------------


def name_tokens(name: str | None) -> list[str]:
    """Lower-cased word tokens of a name (apostrophes and hyphens kept inside words)."""
    return _TOKEN.findall((name or "").lower())


def _content_words(tokens: Iterable[str]) -> set[str]:
    return {t for t in tokens if t not in STOPWORDS and len(t) > 1}


def name_match(predicted: str, gold: str, aliases: Sequence[str] = ()) -> bool:
    """Whether ``predicted`` names the gold speaker: equal tokens, or a shared content word."""
    tokens = name_tokens(predicted)
    if not tokens:
        return False
    for candidate in (gold, *aliases):
        gold_tokens = name_tokens(candidate)
        if tokens == gold_tokens or _content_words(tokens) & _content_words(gold_tokens):
            return True
    return False


# --- gold units and predictions --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Unit:
    """One gold attribution: the characters of all its fragments."""

    chars: frozenset[int]
    speaker: str | None
    aliases: tuple[str, ...]
    kind: str
    required: bool
    quote: str
    type: str | None = None

    def speaker_named_by(self, names: Iterable[str | None]) -> bool:
        """Whether any of ``names`` matches this unit's speaker; units without a speaker match anything."""
        if not self.speaker:
            return True
        speaker = self.speaker
        return any(name and name_match(name, speaker, self.aliases) for name in names)


@dataclass(frozen=True, slots=True)
class Prediction:
    """One predicted quote, located in the gold text, with the names it gives for its speaker."""

    start: int
    end: int
    names: tuple[str | None, str | None]  # resolved speaker, speaker mention as written
    type: str | None = None
    index: int = 0  # its place among the document's predictions

    @property
    def chars(self) -> set[int]:
        return set(range(self.start, self.end))


def units_of(gold_quotes: Sequence[Record]) -> list[Unit]:
    """Gold fragments grouped by ``attribution_id`` (a fragment without one is a unit of its own)."""
    groups: dict[str, list[Record]] = {}
    for i, quote in enumerate(gold_quotes):
        groups.setdefault(quote.get("attribution_id") or f"#{i}", []).append(quote)
    return [_unit(fragments) for fragments in groups.values()]


def _unit(fragments: list[Record]) -> Unit:
    first = fragments[0]
    chars: set[int] = set()
    for fragment in fragments:
        chars.update(range(fragment["start"], fragment["end"]))
    return Unit(
        chars=frozenset(chars),
        speaker=first.get("speaker"),
        aliases=tuple(first.get("speaker_aliases", [])),
        kind=first.get("attribution_kind") or first["kind"],
        required=all(f.get("required", True) for f in fragments),
        quote=first.get("quote", ""),
        type=first.get("type"),
    )


def locate(text: str, quote: str, start: int | None = None, end: int | None = None) -> tuple[int, int] | None:
    """Where ``quote`` lies in ``text``: its own offsets if they fit, else its first occurrence, else its
    first occurrence with any run of whitespace standing for any other."""
    if start is not None and end is not None and text[start:end] == quote:
        return start, end
    found = text.find(quote)
    if found >= 0:
        return found, found + len(quote)
    words = [w for w in _WHITESPACE.sub(" ", quote).strip().split(" ") if w]
    if not words:
        return None
    match = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return (match.start(), match.end()) if match else None


def _speaker_names(quote: Record) -> tuple[str | None, str | None]:
    mention = quote.get("speaker_mention")
    if isinstance(mention, Mapping):
        mention = mention.get("text")
    return quote.get("speaker"), mention


# --- tallies and scores ----------------------------------------------------------------------------------


@dataclass(slots=True)
class KindTally:
    units: int = 0
    found: int = 0
    attributed: int = 0


@dataclass(slots=True)
class TypeTally:
    units: int = 0
    found: int = 0
    attributed: int = 0
    predictions: int = 0
    correct: int = 0
    correct_attributed: int = 0
    type_agrees: int = 0


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one prediction: ``right`` is None when it belongs to an optional unit."""

    doc_id: str
    index: int
    right: bool | None


@dataclass(slots=True)
class Tally:
    """Raw counts over a corpus; ``Scores`` are computed from them."""

    predictions: int = 0
    correct: int = 0  # predictions belonging to a required unit
    correct_attributed: int = 0  # ... and naming its speaker
    unlocated: int = 0
    units: int = 0
    found: int = 0
    attributed: int = 0  # found units whose main prediction names the speaker
    negatives_hit: int = 0
    by_kind: dict[str, KindTally] = field(default_factory=dict)
    by_type: dict[str, TypeTally] = field(default_factory=dict)
    outcomes: list[Outcome] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Problem:
    """One error, for reading: a missed unit, a false positive or a wrong speaker."""

    kind: str  # "MISS", "FP" or "WRONG SPEAKER"
    doc_id: str
    text: str
    detail: str = ""

    def __str__(self) -> str:
        detail = f" ({self.detail})" if self.detail else ""
        return f"{self.kind} {self.doc_id}{detail}: {self.text!r}"


@dataclass(frozen=True, slots=True)
class KindScores:
    recall: float
    attr_of_found: float
    n: int


@dataclass(frozen=True, slots=True)
class TypeScores:
    """Per act type: recall and attribution over gold units of the type, precision over predictions of it."""

    recall: float
    attr_of_found: float
    units: int
    precision: float
    attributed_precision: float
    type_agreement: float  # of the type's predictions that belong to a unit, share whose unit has the type
    predictions: int


@dataclass(frozen=True, slots=True)
class Scores:
    """The figures; ``to_dict`` gives the reference scorer's JSON keys, in its order."""

    attributed_f1: float
    precision: float
    recall: float
    f1: float
    attribution_acc: float
    end_to_end_recall: float
    gold_units: int
    pred: int
    unlocated_pred: int
    negatives_hit: int
    by_kind: dict[str, KindScores]
    attributed_precision: float = 0.0
    attributed_recall: float = 0.0
    problems: tuple[Problem, ...] = ()
    by_type: dict[str, TypeScores] = field(default_factory=dict)
    outcomes: tuple[Outcome, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "attributed_f1": self.attributed_f1,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "attribution_acc": self.attribution_acc,
            "end_to_end_recall": self.end_to_end_recall,
            "gold_units": self.gold_units,
            "pred": self.pred,
            "unlocated_pred": self.unlocated_pred,
            "negatives_hit": self.negatives_hit,
            "by_kind": {
                kind: {"recall": k.recall, "attr_of_found": k.attr_of_found, "n": k.n}
                for kind, k in self.by_kind.items()
            },
        }


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _kind_scores(kind: KindTally) -> KindScores:
    return KindScores(round(_ratio(kind.found, kind.units), 3), round(_ratio(kind.attributed, kind.found), 3),
                      kind.units)


def _type_scores(t: TypeTally) -> TypeScores:
    return TypeScores(
        recall=round(_ratio(t.found, t.units), 3),
        attr_of_found=round(_ratio(t.attributed, t.found), 3),
        units=t.units,
        precision=round(_ratio(t.correct, t.predictions), 3),
        attributed_precision=round(_ratio(t.correct_attributed, t.predictions), 3),
        type_agreement=round(_ratio(t.type_agrees, t.correct), 3),
        predictions=t.predictions,
    )


def scores_of(tally: Tally, problems: Sequence[Problem] = ()) -> Scores:
    precision = _ratio(tally.correct, tally.predictions)
    recall = _ratio(tally.found, tally.units)
    attributed_precision = _ratio(tally.correct_attributed, tally.predictions)
    attributed_recall = _ratio(tally.attributed, tally.units)
    return Scores(
        attributed_f1=round(_f1(attributed_precision, attributed_recall), 3),
        precision=round(precision, 3),
        recall=round(recall, 3),
        f1=round(_f1(precision, recall), 3),
        attribution_acc=round(_ratio(tally.attributed, tally.found), 3),
        end_to_end_recall=round(attributed_recall, 3),
        gold_units=tally.units,
        pred=tally.predictions,
        unlocated_pred=tally.unlocated,
        negatives_hit=tally.negatives_hit,
        by_kind={kind: _kind_scores(k) for kind, k in sorted(tally.by_kind.items())},
        attributed_precision=round(attributed_precision, 3),
        attributed_recall=round(attributed_recall, 3),
        problems=tuple(problems),
        by_type={t: _type_scores(k) for t, k in sorted(tally.by_type.items())},
        outcomes=tuple(tally.outcomes),
    )


# --- scoring ---------------------------------------------------------------------------------------------


def score(gold: Iterable[Record], pred: Iterable[Record]) -> Scores:
    """Score prediction records against gold records (matched by ``id``; a later duplicate id wins)."""
    gold_by_id = {record["id"]: record for record in gold}
    pred_by_id = {record["id"]: record for record in pred}
    tally, problems = Tally(), []
    for doc_id, record in gold_by_id.items():
        quotes = pred_by_id.get(doc_id, {}).get("quotes", [])
        problems += _score_document(doc_id, record, quotes, tally)
    return scores_of(tally, problems)


def _score_document(doc_id: str, gold: Record, pred_quotes: Sequence[Record], tally: Tally) -> list[Problem]:
    text: str = gold["text"]
    units = units_of(gold["quotes"])
    predictions = _locate_all(doc_id, text, pred_quotes, tally)
    members: dict[int, list[Prediction]] = {}
    problems = []
    for prediction in predictions:
        home = _home_unit(prediction, units)
        by_type = tally.by_type.setdefault(prediction.type, TypeTally()) if prediction.type else TypeTally()
        if home is None:
            tally.predictions += 1
            by_type.predictions += 1
            tally.outcomes.append(Outcome(doc_id, prediction.index, False))
            problems.append(Problem("FP", doc_id, text[prediction.start : prediction.end][:100]))
            continue
        members.setdefault(home, []).append(prediction)
        if units[home].required:
            named = units[home].speaker_named_by(prediction.names)
            tally.predictions += 1
            tally.correct += 1
            tally.correct_attributed += named
            by_type.predictions += 1
            by_type.correct += 1
            by_type.correct_attributed += named
            by_type.type_agrees += units[home].type == prediction.type
            tally.outcomes.append(Outcome(doc_id, prediction.index, named))
        else:
            tally.outcomes.append(Outcome(doc_id, prediction.index, None))
    tally.negatives_hit += _negatives_hit(text, gold.get("negatives", []), predictions)
    for index, unit in enumerate(units):
        if unit.required:
            problem = _score_unit(doc_id, unit, members.get(index, []), tally)
            problems += [problem] if problem else []
    return problems


def _locate_all(doc_id: str, text: str, pred_quotes: Sequence[Record], tally: Tally) -> list[Prediction]:
    """The predictions found in ``text``; the others count as unlocated (and wrong)."""
    predictions = []
    for index, quote in enumerate(pred_quotes):
        where = locate(text, quote.get("text") or "", quote.get("start"), quote.get("end"))
        if where is None or where[1] <= where[0]:
            tally.unlocated += 1
            tally.predictions += 1
            tally.outcomes.append(Outcome(doc_id, index, False))
            continue
        predictions.append(Prediction(where[0], where[1], _speaker_names(quote), quote.get("type"), index))
    return predictions


def _home_unit(prediction: Prediction, units: Sequence[Unit]) -> int | None:
    """The unit holding at least half of the prediction and fitting it most tightly, if any."""
    span = prediction.chars
    best, best_fit = None, -1.0
    for index, unit in enumerate(units):
        overlap = len(span & unit.chars)
        if overlap < 0.5 * len(span):
            continue
        fit = overlap / len(span | unit.chars)
        if fit > best_fit:
            best, best_fit = index, fit
    return best


def _negatives_hit(text: str, negatives: Iterable[str], predictions: Sequence[Prediction]) -> int:
    """How many negatives (scare quotes, titles...) hold at least half of some prediction."""
    hits = 0
    for negative in negatives:
        start = text.find(negative)
        if start < 0:
            continue
        end = start + len(negative)
        if any(min(end, p.end) - max(start, p.start) >= 0.5 * max(p.end - p.start, 1) for p in predictions):
            hits += 1
    return hits


def _score_unit(doc_id: str, unit: Unit, members: Sequence[Prediction], tally: Tally) -> Problem | None:
    """Count one required unit as found (and attributed) or not; returns a problem to report, if any."""
    tally.units += 1
    kind = tally.by_kind.setdefault(unit.kind, KindTally())
    kind.units += 1
    by_type = tally.by_type.setdefault(unit.type, TypeTally()) if unit.type else TypeTally()
    by_type.units += 1
    covered: set[int] = set()
    main: Prediction | None = None  # the member covering most of the unit
    main_overlap = 0
    for prediction in members:
        overlap = prediction.chars & unit.chars
        covered |= overlap
        if len(overlap) > main_overlap:
            main, main_overlap = prediction, len(overlap)
    if len(covered) < 0.5 * len(unit.chars):
        return Problem("MISS", doc_id, unit.quote[:90], f"{unit.kind}, {unit.speaker}")
    tally.found += 1
    kind.found += 1
    by_type.found += 1
    if unit.speaker_named_by(main.names if main else ()):
        tally.attributed += 1
        kind.attributed += 1
        by_type.attributed += 1
        return None
    got = main.names if main else None
    return Problem("WRONG SPEAKER", doc_id, unit.quote[:60], f"got {got!r}, gold {unit.speaker!r}")


# --- files -----------------------------------------------------------------------------------------------


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """The records of a JSONL file (blank lines skipped)."""
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def score_files(gold_path: str | Path, pred_path: str | Path) -> Scores:
    return score(read_jsonl(gold_path), read_jsonl(pred_path))
