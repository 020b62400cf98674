"""The learned part of cue detection: (verb lemma, construction) pairs that annotators mark as cues.

``data/cue_verbs.json`` holds, per "lemma|construction", how often the pair was a cue in PolNeAR *train*
and how often it was seen (``scripts/train_cue_lexicon.py``; counts only, no corpus text). A pair counts
as a cue when it was one in at least ``MIN_CUE_RATE`` of its uses. The rate was chosen on train[:200] with a
table trained on train[200:]: 0.20 gives reported-speech recall 0.658 at attributed F1 0.669, against 0.639
and 0.673 at 0.25; cues under ``confidence.UNCERTAIN_CUE_RATE`` get lower confidence, so a 0.5 threshold
on confidence takes the precision back.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from quotetrace.extract.cues import cue_key

MIN_CUE_RATE = 0.20
MIN_SEEN = 3

CueCounts = dict[str, list[int]]  # "lemma|construction" -> [times marked as a cue, times seen]


@lru_cache(maxsize=1)
def learned_cues(min_rate: float = MIN_CUE_RATE) -> dict[str, float]:
    """"lemma|construction" -> cue rate, for the pairs that clear ``min_rate`` (empty if no table ships)."""
    try:
        raw = resources.files("quotetrace").joinpath("data/cue_verbs.json").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return {}
    return cue_rates(json.loads(raw), min_rate)


def cue_rates(table: Mapping[str, list[int]], min_rate: float = MIN_CUE_RATE) -> dict[str, float]:
    """The rate of each pair seen ``MIN_SEEN`` times or more and marked in at least ``min_rate`` of them."""
    return {
        key: cued / seen
        for key, (cued, seen) in table.items()
        if seen >= MIN_SEEN and cued / seen >= min_rate
    }


def count_cues(annotated: Iterable[tuple[Doc, set[int]]]) -> CueCounts:
    """The table for parsed documents, each with the character offsets annotators marked as cue words."""
    seen: Counter[str] = Counter()
    cued: Counter[str] = Counter()
    for doc, cue_chars in annotated:
        for tok in doc:
            key = cue_key(tok)
            if key is None:
                continue
            seen[key] += 1
            if tok.idx in cue_chars:
                cued[key] += 1
    return {k: [cued[k], n] for k, n in sorted(seen.items()) if n >= MIN_SEEN and cued[k] > 0}
