"""Translation-link and cross-script speaker-merge figures on tests/fixtures/ru/echoes.jsonl.

Each record is one Russian statement with English echoes labelled ``translation`` (full or fragment),
``paraphrase`` (a retelling) or ``none`` (a near-miss: same speaker and day, another statement; or the same
words with other numbers, dates or names). The thresholds of ``quotetrace.link.translations`` are chosen on
the ``tune`` split (best F1 of "linked at all") and the figures are reported on the ``test`` split.

    .venv/bin/python benchmarks/translation.py
"""

from __future__ import annotations

import json
import sys
from itertools import product
from pathlib import Path
from typing import Any

from quotetrace.link import translations
from quotetrace.link.speakers import link_speakers
from quotetrace.link.statements import UseScorer, link_statements
from quotetrace.store import Sighting

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "ru" / "echoes.jsonl"


def load(split: str | None = None) -> list[dict[str, Any]]:
    records = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in records if split is None or r["split"] == split]


def sightings_of(records: list[dict[str, Any]]) -> tuple[list[Sighting], dict[int, tuple[str, str]]]:
    """Sightings of every quote, and for each English one (record id, gold label)."""
    out: list[Sighting] = []
    gold: dict[int, tuple[str, str]] = {}
    for r in records:
        qid = len(out) + 1
        out.append(Sighting(qid, f"ru-{r['id']}", f"ru-{r['id']}", r["ru"], r["speaker_ru"], r["speaker_ru"], (),
                            "ria.example", None, r["day"], None))
        for k, (text, label) in enumerate(r["en"]):
            qid = len(out) + 1
            out.append(Sighting(qid, f"en-{r['id']}-{k}", f"en-{r['id']}-{k}", text, r["speaker_en"],
                                r["speaker_en"], (), f"outlet{k}.example", None, r["day"] + "T12:00:00", None))
            gold[qid] = (r["id"], label)
    return out, gold


def evaluate(records: list[dict[str, Any]], scorer: UseScorer) -> dict[str, float]:
    sightings, gold = sightings_of(records)
    speakers = link_speakers(sightings, scorer=scorer)
    anonymous = frozenset(s.speaker_id for s in speakers.speakers if s.anonymous)
    links = link_statements(sightings, speakers.quote_speakers, scorer=scorer, anonymous=anonymous)
    statement_of = {qid: sid for sid, qid, _ in links.members}
    relation_of = {qid: rel for _, qid, rel in links.members}
    ru_of = {s.doc_id.removeprefix("ru-"): s.quote_id for s in sightings if s.doc_id.startswith("ru-")}
    tp = fp = fn = right_relation = 0
    for qid, (rid, label) in gold.items():
        linked = statement_of.get(qid) == statement_of.get(ru_of[rid])
        if label == "none":
            fp += linked
        elif linked:
            tp += 1
            right_relation += relation_of.get(qid) == label
        else:
            fn += 1
    # links to another record's statement are wrong too
    for qid, (rid, _) in gold.items():
        others = [ru_of[o] for o in ru_of if o != rid]
        fp += any(statement_of.get(qid) == statement_of.get(o) for o in others)
    merged = sum(1 for r in records if r["speaker_ru"] and speakers.quote_speakers.get(ru_of[r["id"]]) == next(
        (speakers.quote_speakers.get(q) for q, (rid, _) in gold.items() if rid == r["id"]), None))
    named = sum(1 for r in records if r["speaker_ru"])
    ids = {speakers.quote_speakers.get(ru_of[r["id"]]) for r in records if r["speaker_ru"]}
    people = len({r["speaker_ru"] for r in records if r["speaker_ru"]})
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": precision, "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "relation_accuracy": right_relation / tp if tp else 0.0,
        "speaker_merge_recall": merged / named if named else 0.0,
        "speaker_false_merges": people - len(ids),
        "pairs": len(gold),
    }


def main() -> int:
    scorer = UseScorer()
    tune, test = load("tune"), load("test")
    best: tuple[float, float, float] = (-1.0, 0.0, 0.0)
    for low, high in product((0.45, 0.5, 0.55, 0.6), (0.6, 0.65, 0.7, 0.75, 0.8)):
        if high < low:
            continue
        translations.RETELLING_THRESHOLD, translations.TRANSLATION_THRESHOLD = low, high
        got = evaluate(tune, scorer)
        key = got["f1"] + 0.01 * got["relation_accuracy"]
        if key > best[0]:
            best = (key, low, high)
    _, low, high = best
    translations.RETELLING_THRESHOLD, translations.TRANSLATION_THRESHOLD = low, high
    print(f"thresholds chosen on tune: paraphrase >= {low}, translation >= {high}")
    for name, records in (("tune", tune), ("test", test)):
        got = evaluate(records, scorer)
        print(f"{name:5} pairs={got['pairs']:3d} precision={got['precision']:.3f} recall={got['recall']:.3f} "
              f"f1={got['f1']:.3f} relation_accuracy={got['relation_accuracy']:.3f} "
              f"speaker_merge_recall={got['speaker_merge_recall']:.3f} "
              f"speaker_false_merges={got['speaker_false_merges']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
