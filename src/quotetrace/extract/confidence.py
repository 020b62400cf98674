"""How sure we are of a quote and its speaker: a calibrated probability that it is right.

A quote's ``Evidence`` is what found it: the rule that attributed it, its kind and act type, what carries
its content (the cue's frame), the learned table's rate for its cue, what its source mention is (a name, a
pronoun, a thing, none). ``confidence`` turns the evidence into the probability that the quote is right (it
belongs to a real statement and names its speaker) with a small logistic model, ``data/confidence.json``:
weights per feature, trained by ``scripts/train_confidence.py`` on PolNeAR *train* scored held out and on
the out-of-domain dev set, and checked on slices it did not see (README, "Accuracy and speed"). Quotes given
confidence c were right about c of the time there. Without the model file every quote gets ``FALLBACK``.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from quotetrace.extract.cues import Cue
from quotetrace.extract.direct import DirectQuote, root_of
from quotetrace.extract.reported import ReportedQuote
from quotetrace.extract.senses import source_class
from quotetrace.model import ActType

FALLBACK = 0.5
DASHES = frozenset("-—–―")


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a quote was found by: the features its confidence is computed from."""

    rule: str  # direct: how its cue was found (clause, after, before, split, ...); reported: "clause"
    kind: str
    type: ActType
    rate: float | None  # the learned table's cue rate, when the cue rests on the table
    closed: bool
    lemma: str = ""
    frame: str = ""  # what carries the content: "ccomp", "dobj", "prep:for", "clause" (a noun's), ""
    source: str = "none"  # senses.source_class of the speaker mention
    cue: str = "none"  # what the cue is: verb, noun, adjective, according, colon, dash, none

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def features(self) -> dict[str, float]:
        """The model's inputs: one indicator per category, the learned rate, and a few pairs."""
        frame = "prep" if self.frame.startswith("prep:") else self.frame or "-"
        out = {
            f"rule={self.rule}": 1.0, f"kind={self.kind}": 1.0, f"type={self.type}": 1.0, f"frame={frame}": 1.0,
            f"source={self.source}": 1.0, f"cue={self.cue}": 1.0,
            f"kind={self.kind}&source={self.source}": 1.0, f"kind={self.kind}&cue={self.cue}": 1.0,
        }
        if self.rate is None:
            out["rate=none"] = 1.0
        else:
            out["rate"] = self.rate
        if not self.closed:
            out["unclosed"] = 1.0
        return out


def direct_evidence(q: DirectQuote) -> Evidence:
    cue = root_of(q).cue if q.continued_from is not None else q.cue
    act: ActType = "belief" if cue is not None and cue.act == "belief" else "speech"
    return Evidence(q.how, "direct", act, cue.rate if cue else None, q.span.closed,
                    cue.token.lemma_.lower() if cue else "", cue.frame if cue else "",
                    source_class(cue.subject) if cue else "none", cue_kind(cue))


def reported_evidence(r: ReportedQuote, continued: bool = False) -> Evidence:
    """``continued``: sentences around the quote continue it (``continuations``) and are its fragments."""
    # quoted words inside the content were said, whatever the verb: 'called the plan “a gift to developers”'
    act: ActType = "speech" if r.kind == "mixed" and r.cue.act == "stance" else r.cue.act
    return Evidence("continued" if continued else "clause", r.kind, act, r.cue.rate, True,
                    r.cue.token.lemma_.lower(), r.cue.frame, source_class(r.cue.subject), cue_kind(r.cue))


def turn_evidence(r: ReportedQuote) -> Evidence:
    """A turn of a conversation: its label's mark counts as the colon after a name ("TOVE: …") whatever it is
    (a dash, "Q.", a name alone on its line), and a turn that only the layout of a Q&A sets apart counts as
    named by its label."""
    evidence = reported_evidence(r)
    source = "name" if r.cue.subject is None else evidence.source
    return replace(evidence, source=source, cue="colon", lemma=":")


def cue_kind(cue: Cue | None) -> str:
    if cue is None:
        return "none"
    tok = cue.token
    if tok.text == ":":
        return "colon"
    if tok.text[:1] in DASHES:
        return "dash"
    if tok.lower_ == "according" or tok.pos_ == "ADP":
        return "according"  # a prepositional source: "according to the ministry", "in a new poll"
    if tok.pos_ == "NOUN":
        return "noun"
    return "adjective" if tok.dep_ == "acomp" else "verb"


def confidence(e: Evidence) -> float:
    """The probability that a quote found on this evidence is right, by the shipped model."""
    model = _model()
    if model is None:
        return FALLBACK
    intercept, weights = model
    z = intercept + sum(weights.get(name, 0.0) * value for name, value in e.features().items())
    return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def _model() -> tuple[float, dict[str, float]] | None:
    try:
        raw = resources.files("quotetrace").joinpath("data/confidence.json").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    data = json.loads(raw)
    return float(data["intercept"]), {str(k): float(v) for k, v in data["weights"].items()}
