"""One settings object for the whole pipeline, instead of a growing list of keyword arguments."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# How a verb or noun becomes a cue (``Settings.cues``): "strict" reads it as one only in a sense of saying or
# thinking (extract/senses.py); "broad" as PolNeAR's annotators read political news, intentions ("sought to"),
# seeming, publishing and stances toward things included (README, "Accuracy and speed").
CueReading = Literal["strict", "broad"]
CUE_READINGS: tuple[CueReading, ...] = ("strict", "broad")


@dataclass(frozen=True, slots=True)
class Settings:
    """How extraction behaves. The defaults were calibrated together on PolNeAR train; change them as a set."""

    # "auto": detect each document's language (quotetrace.language); "en" or "ru": take every document as that.
    # A reader's own language field (a JSONL record's "language") wins over detection, not over a given one.
    language: str = "auto"
    # Documents longer than this are cut (with a warning) before parsing: spaCy's memory grows with length.
    max_chars: int = 1_000_000
    # Quoted spans shorter than this many words are scare quotes or terms, not statements, unless a
    # speech cue introduces them.
    min_quote_words: int = 4
    # Use the cue table learned from PolNeAR train (verbs with objects: "called for a ban"); off gives the
    # hand-written rules alone, for the with/without comparison in the README.
    learned_cues: bool = True
    # Sense rules (``extract.senses.SENSE_RULES``) to switch off one by one: for measuring what each gains and
    # costs (benchmarks/senses.py); ``cues="broad"`` switches off those PolNeAR's scheme does not share.
    without_senses: frozenset[str] = frozenset()
    # "strict": every sense rule judges a cue (precision outside political news); "broad": those PolNeAR's scheme
    # does not share do not (``extract.senses.NOT_POLNEAR_RULES``: more reported speech, less precision elsewhere).
    cues: CueReading = "strict"
    # Quotes below this confidence are dropped from output (0 keeps everything).
    min_confidence: float = 0.0


DEFAULT_SETTINGS = Settings()
