"""How sure we are of a quote and its source, from the rule that found it.

The base figures are each rule's precision with a right speaker, measured on PolNeAR *train*
(``benchmarks/accuracy.py --by-rule``); they are calibrated as a set, don't tune one alone.
"""

from __future__ import annotations

from quotetrace.extract.direct import DirectQuote
from quotetrace.extract.reported import ReportedQuote

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


def direct_confidence(q: DirectQuote, text: str) -> float:
    score = DIRECT_BASE.get(q.how, 0.5)
    cue = q.cue
    if q.continued_from is not None:
        seen: set[int] = set()
        root = q
        while root.continued_from is not None and id(root) not in seen:
            seen.add(id(root))
            root = root.continued_from
        cue = root.cue
    if cue is not None and cue.subject is None:
        score -= NO_SOURCE_PENALTY
    if not q.span.closed:
        score -= UNCLOSED_PENALTY
    return _clip(score)


def reported_confidence(r: ReportedQuote, text: str) -> float:
    score = REPORTED_BASE[r.kind]
    if r.cue.subject is None:
        score -= NO_SOURCE_PENALTY
    if r.cue.belief:
        score -= BELIEF_PENALTY
    if r.cue.rate is not None and r.cue.rate < UNCERTAIN_CUE_RATE:
        score -= UNCERTAIN_CUE_PENALTY  # "want to", "voted for": a cue in only a fifth of their uses
    return _clip(score)


def _clip(x: float) -> float:
    return min(0.99, max(0.01, x))
