"""Learn which verbs, in which construction, introduce attributed content, from PolNeAR *train*.

For every verb and noun in the training texts we note its lemma and the construction that carries its
content (``ccomp``, ``dobj``, ``xcomp``, ``prep:for`` ...; nouns are prefixed ``n:``), and whether an
annotator marked it as (part of) the cue of an attribution. The output,
``src/quotetrace/data/cue_verbs.json``, holds only counts per (lemma, construction): no text of the corpus.
Reproduce with:

    python scripts/train_cue_lexicon.py ../shared/data/polnear/train.jsonl

Never run it on dev or test: the accuracy figures in the README are measured on dev.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from quotetrace.extract.cue_model import count_cues
from quotetrace.headlines import sentence_case_headlines
from quotetrace.nlp import load_pipeline

OUT = Path(__file__).resolve().parents[1] / "src" / "quotetrace" / "data" / "cue_verbs.json"


def cue_chars(record: dict[str, Any]) -> set[int]:
    """The character offsets of every cue word the annotators marked in one gold record."""
    chars: set[int] = set()
    for q in record["quotes"]:
        if q.get("cue_start") is not None:
            chars.update(range(q["cue_start"], q["cue_end"]))
    return chars


def parsed(records: Sequence[dict[str, Any]]) -> Iterator[tuple[Doc, set[int]]]:
    """Each record parsed as extraction parses it (headlines re-cased), with its cue characters."""
    nlp = load_pipeline("en")
    texts = (sentence_case_headlines(r["text"]) for r in records)
    for i, (record, doc) in enumerate(zip(records, nlp.pipe(texts, batch_size=16), strict=True)):
        if i % 50 == 0:
            print(f"{i}/{len(records)}", file=sys.stderr)
        yield doc, cue_chars(record)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    records = [json.loads(line) for line in args.train.open(encoding="utf-8")]
    table = count_cues(parsed(records))
    args.out.write_text(json.dumps(table, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(table)} (lemma, construction) entries to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
