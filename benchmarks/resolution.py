"""Speaker resolution on its own: do pronoun and description speakers resolve to the right person?

PolNeAR's speakers are not coreference-resolved ("he", "the former minister"), so the gold referent is built
from the annotations themselves: for a gold attribution whose source is a pronoun (he, she, they, it...) or a
definite description ("the senator", "the campaign"), the referent is the source of the nearest *earlier* gold
attribution in the same article whose source names someone (holds a capitalised word other than a
determiner), skipping, for he/she, named sources that are plural ("Democrats"). That is how news attribution
chains work in the large majority of cases; it is a heuristic gold, so read the figure as an estimate.

For each such attribution that quotetrace finds (the prediction covering most of it), the resolved
``speaker`` counts as right when it shares a content word with the gold referent (the scorer's name rule).
Also printed: how often the speaker *as written* would already pass (it should be near zero: the figure
measures resolution, not extraction).

    python benchmarks/resolution.py [--data ../shared/data/polnear/dev.jsonl] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import quotetrace
from quotetrace.evaluation import name_match

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear" / "dev.jsonl"
PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "his", "its", "their"}
DETERMINERS = {"The", "A", "An", "This", "That", "These", "Those"}
Record = dict[str, Any]


def kind_of(speaker: str) -> str | None:
    """'pronoun', 'description' or None (a name, or something we do not score)."""
    words = speaker.split()
    if not words:
        return None
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    if words[0].lower() in ("the", "this") and not any(w[:1].isupper() for w in words[1:]):
        return "description"
    return None


def names_someone(speaker: str) -> bool:
    words = re.findall(r"[\w’'-]+", speaker)
    return any(w[:1].isupper() and w not in DETERMINERS and w.lower() not in PRONOUNS for w in words)


def gold_referents(record: Record) -> list[tuple[Record, str, str]]:
    """(gold quote, its kind, the referent's name) for pronoun and description sources."""
    quotes = sorted((q for q in record["quotes"] if q.get("speaker")), key=lambda q: q["start"])
    out = []
    for i, q in enumerate(quotes):
        kind = kind_of(q["speaker"])
        if kind is None:
            continue
        singular = q["speaker"].lower() in ("he", "she", "him", "her", "his")
        for earlier in reversed(quotes[:i]):
            name = earlier["speaker"]
            if names_someone(name) and not (singular and name.rstrip().endswith("s") and " " not in name):
                out.append((q, kind, name))
                break
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    if not args.data.exists():
        print(f"resolution: no data at {args.data}", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in args.data.open(encoding="utf-8")][: args.limit]
    counts: Counter[str] = Counter()
    for n, record in enumerate(records, 1):
        print(f"\rresolution: {n}/{len(records)}", end="", file=sys.stderr)
        cases = gold_referents(record)
        if not cases:
            continue
        doc = quotetrace.extract_document(text=record["text"], id=record["id"])
        for gold, kind, referent in cases:
            best = max(doc.quotes, key=lambda p: min(gold["end"], p.end) - max(gold["start"], p.start), default=None)
            if best is None or min(gold["end"], best.end) - max(gold["start"], best.start) <= 0:
                counts[f"{kind}: not found"] += 1
                continue
            counts[f"{kind}: found"] += 1
            if best.speaker and name_match(best.speaker, referent, []):
                counts[f"{kind}: resolved right"] += 1
            written = best.speaker_mention.text if best.speaker_mention else ""
            if written and name_match(written, referent, []):
                counts[f"{kind}: right as written"] += 1
    print(file=sys.stderr)
    print(f"{'':<14}{'gold cases':>11}{'found':>8}{'resolved right':>16}{'as written':>12}")
    for kind in ("pronoun", "description"):
        found = counts[f"{kind}: found"]
        total = found + counts[f"{kind}: not found"]
        right = counts[f"{kind}: resolved right"]
        written = counts[f"{kind}: right as written"]
        print(f"{kind:<14}{total:>11}{found:>8}{right / found if found else 0:>16.3f}"
              f"{written / found if found else 0:>12.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
