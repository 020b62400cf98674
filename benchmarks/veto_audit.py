"""How often the veto is right, by what it vetoes on and by the kind of echo: every echo of a trust-format file
judged against its statement's original, as the linker would judge the pair (linking.PairJudge).

    python benchmarks/veto_audit.py tests/fixtures/echo/trust-blind8.json [more files ...]

The veto (quotetrace.link.veto) must keep apart a changed fact and let a retelling through. Each echo falls in
one of three classes by its gold relation:

- **same**: verbatim, partial, paraphrase, translation: the veto must stay silent; when it fires, the link is lost;
- **changed**: altered, and the near-misses that change a fact (number, date, name, negation): the veto must fire
  (an altered echo is then named altered, a near-miss kept apart);
- **other**: near-misses of another kind (bulletin, speaker, statement), which other tests keep apart.

It prints, per file and pooled, by regime (the echo quotes the words or retells them; one language or two) the
share of each class the veto fires on and its precision (changed / (changed + same) of what it fires on), then
the same by reason (number, date, name, negation). A precision near 0.5 says the veto cannot tell a retelling
from a changed claim there: what more rules on that reason can still win is small.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from linking import PairJudge
from make_echo_corpus import trust_corpus
from quotetrace.link.statements import ParaphraseScorer, default_scorer, gives_words, quote_language

SAME = frozenset({"verbatim", "partial", "paraphrase", "translation"})
FACTS = frozenset({"number", "date", "name", "negation"})
REASONS = ("number", "date", "name", "negation")
CLASSES = ("same", "changed", "other")

Tally = Counter[tuple[str, str, str, bool]]  # (regime, reason or "", class, vetoed) -> echoes


def audit(path: Path, scorer: ParaphraseScorer) -> Tally:
    """Each echo of ``path``: its regime, what the veto says of it against the original, and its class."""
    corpus = trust_corpus(path=path)
    judge = PairJudge(corpus, scorer)
    tally: Tally = Counter()
    for quote_id, gold in corpus.gold.items():
        if gold.relation == "original":
            continue
        first, echo = judge.pair(quote_id, gold.record)
        _, why = judge.judge(first, echo)
        words = "quoted" if gives_words(echo.text) else "retold"
        across = "two languages" if quote_language(first.text) != quote_language(echo.text) else "one language"
        kind = "same" if gold.relation in SAME else "changed" if gold.relation == "altered" or gold.miss in FACTS \
            else "other"
        tally[(f"{words}, {across}", why[0] if why else "", kind, why is not None)] += 1
    return tally


def print_audit(name: str, tally: Tally) -> None:
    print(f"{name}: {sum(tally.values())} echoes")
    print(f"    {'regime':28} {'same vetoed':>14} {'changed vetoed':>16} {'other vetoed':>14} {'precision':>10}")
    regimes = sorted({regime for regime, _, _, _ in tally})
    for regime in [*regimes, "all"]:
        _row(regime, Counter({key: n for key, n in tally.items() if regime in ("all", key[0])}))
    print(f"    {'reason':28} {'same':>14} {'changed':>16} {'other':>14} {'precision':>10}")
    for reason in REASONS:
        counts = {kind: sum(n for (_, why, k, _), n in tally.items() if why == reason and k == kind)
                  for kind in CLASSES}
        print(f"    {reason:28} {counts['same']:>14} {counts['changed']:>16} {counts['other']:>14} "
              f"{_precision(counts['changed'], counts['same']):>10}")


def _row(label: str, tally: Tally) -> None:
    def share(kind: str) -> str:
        vetoed = sum(n for (_, _, k, v), n in tally.items() if k == kind and v)
        return f"{vetoed}/{sum(n for (_, _, k, _), n in tally.items() if k == kind)}"

    right = sum(n for (_, _, k, v), n in tally.items() if k == "changed" and v)
    wrong = sum(n for (_, _, k, v), n in tally.items() if k == "same" and v)
    print(f"    {label:28} {share('same'):>14} {share('changed'):>16} {share('other'):>14} "
          f"{_precision(right, wrong):>10}")


def _precision(right: int, wrong: int) -> str:
    return f"{right / (right + wrong):.3f}" if right + wrong else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", type=Path, nargs="+", help="trust-format files (tests/fixtures/echo/*.json)")
    args = parser.parse_args()
    scorer = default_scorer()
    pooled: Tally = Counter()
    for path in args.files:
        tally = audit(path, scorer)
        print_audit(str(path), tally)
        pooled.update(tally)
    if len(args.files) > 1:
        print_audit(f"pooled over {len(args.files)} files", pooled)


if __name__ == "__main__":
    main()
