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
from functools import lru_cache
from importlib import resources

MIN_CUE_RATE = 0.20
MIN_SEEN = 3


@lru_cache(maxsize=1)
def learned_cues(min_rate: float = MIN_CUE_RATE) -> dict[str, float]:
    """"lemma|construction" -> cue rate, for the pairs that clear ``min_rate`` (empty if no table ships)."""
    try:
        raw = resources.files("quotetrace").joinpath("data/cue_verbs.json").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return {}
    table: dict[str, list[int]] = json.loads(raw)
    return {
        key: cued / seen
        for key, (cued, seen) in table.items()
        if seen >= MIN_SEEN and cued / seen >= min_rate
    }
