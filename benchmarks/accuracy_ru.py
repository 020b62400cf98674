"""Russian extraction figures on the annotated fixtures (tests/fixtures/ru/articles.jsonl), scored with
``quotetrace.evaluation.score`` like the English ones, and the Russian path's throughput against bare natasha.

    .venv/bin/python benchmarks/accuracy_ru.py [--throughput]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from quotetrace.evaluation import score
from quotetrace.ru import extract_russian
from quotetrace.ru.nlp import load_natasha
from quotetrace.settings import Settings

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "ru" / "articles.jsonl"


def gold_records() -> list[dict[str, Any]]:
    """Fixture records as gold: each quote's offsets found from its text."""
    out = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        quotes = []
        for quote, speaker, kind in r["quotes"]:
            start = r["text"].index(quote)
            quotes.append({"start": start, "end": start + len(quote), "speaker": speaker, "kind": kind})
        out.append({"id": r["id"], "text": r["text"], "quotes": quotes})
    return out


def predictions(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    settings = Settings(language="ru")
    out = []
    for g in gold:
        quotes, _ = extract_russian(g["text"], settings)
        out.append({"id": g["id"], "quotes": [q.to_dict() for q in quotes]})
    return out


def throughput(rounds: int = 20) -> tuple[float, float]:
    """Characters per second: bare natasha (segment, morph, syntax, NER) and our whole Russian path."""
    from natasha import Doc

    texts = [g["text"] for g in gold_records()] * rounds
    nat = load_natasha()
    extract_russian(texts[0], Settings(language="ru"))  # warm
    started = time.perf_counter()
    for text in texts:
        doc = Doc(text)
        doc.segment(nat.segmenter)
        doc.tag_morph(nat.morph)
        doc.parse_syntax(nat.syntax)
        doc.tag_ner(nat.ner)
    bare = time.perf_counter() - started
    started = time.perf_counter()
    for text in texts:
        extract_russian(text, Settings(language="ru"))
    ours = time.perf_counter() - started
    chars = sum(len(t) for t in texts)
    return chars / bare, chars / ours


def main() -> int:
    gold = gold_records()
    scores = score(gold, predictions(gold))
    print(json.dumps(scores.to_dict() if hasattr(scores, "to_dict") else scores.__dict__, default=str, indent=1))
    if "--throughput" in sys.argv:
        bare, ours = throughput()
        print(f"throughput: bare natasha {bare:,.0f} chars/s, quotetrace ru {ours:,.0f} chars/s, "
              f"ratio {ours / bare:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
