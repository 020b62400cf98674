"""How names made of common words compare across languages: what `link/translated_names.COUNTERPART` is chosen by.

For every pair of an original and its echo in the other script (the annotated echo files in trust.json's
format, and tests/fixtures/ru/echoes.jsonl), the veto's names that neither side spells on the other are
read as link/veto.py reads them. When every one of them is a common-word name (link/translated_names.py), it
prints each word's best cosine against the other quote's candidate words, by the echo's gold relation (an echo
of the statement, or a near-miss or altered echo), and, as the cosines of words with no counterpart, the same
words' best against the candidates of the originals in that language of the other files (whose invented
worlds hold other places and bodies: trust-blind3a and trust-blind3b share one, Velmora, and count as one
file). Pairs where a proper name is among them are counted: their names compare by spelling, as before.

    PYTHONPATH=src .venv/bin/python benchmarks/translated_names.py [FILE ...]
"""

from __future__ import annotations

import json
import statistics
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from quotetrace.link.facts import facts
from quotetrace.link.statements import UseScorer
from quotetrace.link.translated_names import COUNTERPART, Name, best_cosines, common_names
from quotetrace.link.units import Embeddings
from quotetrace.link.veto import across_scripts, unmatched_names

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
TRUST = ["trust", "trust-final", "trust-blind", "trust-blind2", "trust-blind3a", "trust-blind3b"]
ECHO = {"verbatim", "partial", "paraphrase", "translation"}
WORLDS = {"trust-blind3a.json": "velmora", "trust-blind3b.json": "velmora"}  # files that share one world

Pair = tuple[str, str, str, str]  # (file, original, echo, gold relation)


def pairs(paths: list[Path]) -> Iterator[Pair]:
    for path in paths:
        if path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    for text, label in record["en"]:
                        yield path.name, record["ru"], text, label
            continue
        for record in json.loads(path.read_text(encoding="utf-8"))["records"]:
            for echo in record["echoes"]:
                yield path.name, record["original"]["text"], echo["text"], echo["rel"]


def _scored(names: list[Name], cosines: list[list[float]]) -> list[tuple[str, float]]:
    return [(word, cosine) for name, found in zip(names, cosines, strict=True)
            for (_, word), cosine in zip(name, found, strict=True)]


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or [
        *(FIXTURES / "echo" / f"{name}.json" for name in TRUST), FIXTURES / "ru" / "echoes.jsonl"]
    everything = list(pairs(paths))
    originals = list(dict.fromkeys((WORLDS.get(name, name), original) for name, original, _, _ in everything))
    meaning = Embeddings(UseScorer(), pieces=True)
    kept: Counter[str] = Counter()
    lifted: Counter[str] = Counter()
    seen: dict[str, list[tuple[str, float]]] = {"echo": [], "other": []}
    unrelated: list[float] = []
    for name, original, echo, relation in everything:
        if not across_scripts(original, echo):
            continue
        label = "echo" if relation in ECHO else "other"
        mine, theirs = unmatched_names(facts(original).names, facts(echo).names)
        if not (mine and theirs):
            continue
        found = (common_names(mine, original), common_names(theirs, echo))
        if found[0] is None or found[1] is None:
            kept[label] += 1  # a proper name among them: by spelling, as before
            continue
        sides = ((found[0], original, echo), (found[1], echo, original))
        explained = []
        for names, text, other in sides:
            cosines = best_cosines(names, other, meaning.similarity)
            seen[label] += [(f"{word} ({name} {relation})", c) for word, c in _scored(names, cosines)]
            explained.append(all(c >= COUNTERPART for found_ in cosines for c in found_))
            world = WORLDS.get(name, name)
            for stranger in (o for w, o in originals if w != world and across_scripts(o, text)):
                unrelated += [c for _, c in _scored(names, best_cosines(names, stranger, meaning.similarity))]
        lifted[label] += any(explained)
    print(f"COUNTERPART = {COUNTERPART}")
    print(f"pairs with names unmatched on both sides and a proper name among them (veto as before): {dict(kept)}")
    print(f"pairs with only common-word names unmatched, veto lifted: {dict(lifted)}")
    for label, words in seen.items():
        print(f"  words of common-word names, best cosine in the {label} quote:")
        for word, cosine in sorted(words, key=lambda w: w[1]):
            print(f"    {cosine:.2f}  {word}")
    if unrelated:
        print(f"  the same words against the originals of other worlds ({len(unrelated)} word-quote pairs):"
              f" median {statistics.median(unrelated):.2f}, max {max(unrelated):.2f}")
    echoed = [c for _, c in seen["echo"]]
    for threshold in (0.45, 0.5, 0.55, 0.6):
        print(f"  at {threshold:.2f}: words of echoes at or above {_share(echoed, threshold)},"
              f" of other worlds {_share(unrelated, threshold)}")


def _share(cosines: list[float], threshold: float) -> str:
    above = sum(c >= threshold for c in cosines)
    return f"{above}/{len(cosines)} ({above / len(cosines):.0%})" if cosines else "none"

if __name__ == "__main__":
    main()
