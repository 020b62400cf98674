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
from collections import Counter
from pathlib import Path

from quotetrace.extract.cues import cue_key
from quotetrace.headlines import sentence_case_headlines
from quotetrace.nlp import load_pipeline

OUT = Path(__file__).resolve().parents[1] / "src" / "quotetrace" / "data" / "cue_verbs.json"
MIN_SEEN = 3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    records = [json.loads(line) for line in args.train.open(encoding="utf-8")]
    nlp = load_pipeline("en")
    seen: Counter[str] = Counter()
    cued: Counter[str] = Counter()
    texts = (sentence_case_headlines(r["text"]) for r in records)  # parsed as extraction parses them
    for i, (record, doc) in enumerate(zip(records, nlp.pipe(texts, batch_size=16), strict=True)):
        cue_chars = set()
        for q in record["quotes"]:
            if q.get("cue_start") is not None:
                cue_chars.update(range(q["cue_start"], q["cue_end"]))
        for tok in doc:
            key = cue_key(tok)
            if key is None:
                continue
            seen[key] += 1
            if tok.idx in cue_chars:
                cued[key] += 1
        if i % 50 == 0:
            print(f"{i}/{len(records)}", file=sys.stderr)
    table = {k: [cued[k], n] for k, n in sorted(seen.items()) if n >= MIN_SEEN and cued[k] > 0}
    args.out.write_text(json.dumps(table, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(table)} (lemma, construction) entries to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
