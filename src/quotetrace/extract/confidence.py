"""How sure we are of a quote and its source, from the evidence that found it.

The base figures are each rule's precision with a right speaker, measured on PolNeAR *train*
(``benchmarks/accuracy.py --by-rule``); they are calibrated as a set, don't tune one alone.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from quotetrace.extract.direct import DirectQuote, root_of
from quotetrace.extract.reported import ReportedQuote
from quotetrace.extract.senses import source_class
from quotetrace.model import ActType

DIRECT_BASE = {
    "clause": 0.92, "after": 0.9, "before": 0.85, "split": 0.85, "next-paragraph": 0.6, "context": 0.5, "none": 0.3,
}
REPORTED_BASE = {"indirect": 0.7, "mixed": 0.8}
NO_SOURCE_PENALTY = 0.25
BELIEF_PENALTY = 0.1
UNCLOSED_PENALTY = 0.2
# A learned cue that annotators marked in under this share of its uses is kept for recall, below 0.5
# confidence when the quote is indirect: thresholding at 0.5 leaves them out (see the README).
UNCERTAIN_CUE_RATE = 0.3
UNCERTAIN_CUE_PENALTY = 0.25


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a quote was found by: the features its confidence is computed from."""

    rule: str  # direct: how its cue was found (clause, after, before, split, ...); reported: "clause"
    kind: str
    type: ActType
    rate: float | None  # the learned table's cue rate, when the cue rests on the table
    has_source: bool
    closed: bool
    lemma: str = ""
    frame: str = ""
    source: str = "none"  # senses.source_class of the speaker mention

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def direct_evidence(q: DirectQuote) -> Evidence:
    cue = root_of(q).cue if q.continued_from is not None else q.cue
    act: ActType = "belief" if cue is not None and cue.act == "belief" else "speech"
    return Evidence(q.how, "direct", act, cue.rate if cue else None, cue is not None and cue.subject is not None,
                    q.span.closed, cue.token.lemma_.lower() if cue else "", cue.frame if cue else "",
                    source_class(cue.subject) if cue else "none")


def reported_evidence(r: ReportedQuote) -> Evidence:
    # quoted words inside the content were said, whatever the verb: 'called the plan “a gift to developers”'
    act: ActType = "speech" if r.kind == "mixed" and r.cue.act == "stance" else r.cue.act
    return Evidence("clause", r.kind, act, r.cue.rate, r.cue.subject is not None, True,
                    r.cue.token.lemma_.lower(), r.cue.frame, source_class(r.cue.subject))


def confidence(e: Evidence) -> float:
    if e.kind == "direct":
        score = DIRECT_BASE.get(e.rule, 0.5)
        if not e.closed:
            score -= UNCLOSED_PENALTY
    else:
        score = REPORTED_BASE[e.kind]
        if e.type == "belief":
            score -= BELIEF_PENALTY
        if e.rate is not None and e.rate < UNCERTAIN_CUE_RATE:
            score -= UNCERTAIN_CUE_PENALTY
    if not e.has_source and e.rule != "none":
        score -= NO_SOURCE_PENALTY
    return _clip(score)


def _clip(x: float) -> float:
    return min(0.99, max(0.01, x))
