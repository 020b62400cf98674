"""Linking figures: statement clustering, speaker merging and first sighting on the echo corpus; then scaling.

    python benchmarks/linking.py                         # accuracy, then scaling at 10k and 100k quotes
    python benchmarks/linking.py --sizes 10000 100000 1000000
    python benchmarks/linking.py --sizes 1000000 --store /tmp/qt-scale   # `quotetrace link` on SQLite files
    python benchmarks/linking.py --scorer lexical        # paraphrase by the lexical scorer even if USE is there
    python benchmarks/linking.py --sizes                 # accuracy only
    python benchmarks/linking.py --trust FILE            # per-relation figures on each split of a trust-format file
    python benchmarks/linking.py --trust FILE --misses   # ... and each echo linked wrongly, with its cause

Accuracy runs the whole link (speakers, then statements with paraphrase matching) over documents stored by
hand in an in-memory store (no extraction: what is measured is linking). Scores are pairwise over quotes:

- verbatim+partial: pairs of quotes in one family, neither a paraphrase (gold) vs in one statement;
- paraphrase: pairs with at least one paraphrase quote, in one family (gold) vs in one statement;
- speaker merge: pairs of named quotes attributed to one person (gold) vs with one canonical speaker;
- first seen: share of families whose statement's first sighting is the original (all originals are dated).

Scaling times linking without paraphrase on synthetic quotes (make_echo_corpus.scale_corpus: families of
~10 verbatim copies and fragments, stock lines copied everywhere, templates with thousands of near-copies,
speakers by Zipf's law), each size in a fresh process:

- by default link_speakers + link_statements on the quotes in memory (no store);
- with ``--store DIR``, ``link(store, paraphrase=False)`` (what ``quotetrace link --no-paraphrase`` runs: read
  the quotes, link, write speakers and statements back) on a copy of ``DIR/scale-N.sqlite`` as ingested
  (built on first use, about 5 quotes a document; building a million quotes takes minutes; reused while it
  holds the same corpus): "seconds" is the first link, "relink s" the same command run again.

It prints seconds, the process's peak resident memory while linking (Linux: VmHWM, reset before linking)
and what it held before (interpreter, imports and the quotes in memory; no quotes with ``--store``), and
pairwise precision/recall/F1 of the statements against the synthetic families.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations, product
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))


from make_echo_corpus import (
    QUOTES_PER_DOC,
    ScaleCorpus,
    TrustCorpus,
    TrustGold,
    build,
    news_sentences,
    scale_corpus,
    trust_corpus,
    trust_splits,
)
from quotetrace.link import link, translations
from quotetrace.link.provenance import sighting_dates
from quotetrace.link.speakers import link_speakers
from quotetrace.link.statements import (
    LexicalScorer,
    ParaphraseScorer,
    Vectors,
    default_scorer,
    gives_words,
    link_statements,
    quote_language,
)
from quotetrace.link.units import Embeddings, Match
from quotetrace.link.veto import capitals, explain, side_affiliations, speaker_keys
from quotetrace.model import Document, Quote, TextSpan
from quotetrace.store import Sighting, Store


def connection(store: Store) -> sqlite3.Connection:
    """The store's own connection: this benchmark reads and tunes its tables directly."""
    return store._conn


def _prf(gold: set[tuple[int, int]], predicted: set[tuple[int, int]]) -> tuple[float, float, float]:
    tp = len(gold & predicted)
    p = tp / len(predicted) if predicted else 1.0
    r = tp / len(gold) if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _pairs(groups: dict[object, list[int]]) -> set[tuple[int, int]]:
    out: set[tuple[int, int]] = set()
    for members in groups.values():
        out.update((a, b) if a < b else (b, a) for a, b in combinations(sorted(members), 2))
    return out


def accuracy(copies: int, scorer: ParaphraseScorer) -> None:
    corpus = build(copies)
    with Store(":memory:") as store:
        for doc in corpus.documents:
            store.upsert_document(doc)
        report = link(store, scorer=scorer)
        rows = store.member_rows("1", [])
    index = {}
    for doc in corpus.documents:
        for i, _ in enumerate(doc.quotes):
            index[(doc.doc_id, i)] = len(index)
    # quotes are stored in document order, so quote_id order follows the corpus order
    by_quote = {r.quote_id: r for r in rows}
    ids = sorted(by_quote)
    gold = [corpus.gold[key] for key in index]
    statement = [by_quote[q].statement_id for q in ids]
    speaker = [by_quote[q].speaker_id for q in ids]
    fam: dict[object, list[int]] = defaultdict(list)
    pred: dict[object, list[int]] = defaultdict(list)
    for i, g in enumerate(gold):
        fam[g.family].append(i)
        pred[statement[i]].append(i)
    gold_pairs, pred_pairs = _pairs(fam), _pairs(pred)
    para = {i for i, g in enumerate(gold) if g.relation == "paraphrase"}
    vp_gold = {p for p in gold_pairs if not (set(p) & para)}
    vp_pred = {p for p in pred_pairs if not (set(p) & para)}
    pp_gold = {p for p in gold_pairs if set(p) & para}
    pp_pred = {p for p in pred_pairs if set(p) & para}
    people: dict[object, list[int]] = defaultdict(list)
    merged: dict[object, list[int]] = defaultdict(list)
    for i, g in enumerate(gold):
        people[g.person].append(i)
        merged[speaker[i]].append(i)
    first_ok = 0
    originals = [i for i, g in enumerate(gold) if g.original]
    for i in originals:
        first_ok += by_quote[ids[i]].relation == "original"
    print(f"echo corpus: {len(corpus.documents)} documents, {len(gold)} quotes, {len(fam)} families")
    print(f"  {report.line()}")
    for label, (p, r, f) in (
        ("verbatim+partial", _prf(vp_gold, vp_pred)),
        ("paraphrase", _prf(pp_gold, pp_pred)),
        ("speaker merge", _prf(_pairs(people), _pairs(merged))),
    ):
        print(f"  {label:18} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    print(f"  first seen accuracy {first_ok / len(originals):.3f} ({first_ok}/{len(originals)} dated originals)")


RELATIONS = ("verbatim", "partial", "paraphrase", "translation", "altered")
# An echo published this many days or more after its original is late: past the linker's three-day windows (an
# altered copy, a translation whose speaker is unknown), where only what the two texts share can link them.
LATE_DAY = 4
SPLITS = (("tune", "thresholds chosen here"), ("test", "mended on its errors after its first run: tuned"),
          ("heldout", "written after the rules were frozen: held out"))


@dataclass(frozen=True, slots=True)
class Miss:
    """An echo linked wrongly: its gold, what it got (the record whose statement it joined, None when apart)."""

    quote_id: int
    gold: TrustGold
    predicted: str
    joined: str | None


@dataclass(slots=True)
class RelationFigures:
    """Per-relation counts over the echoes of a trust split (see ``relations``)."""

    gold: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    near_misses: int = 0
    misses_as_same: Counter[str] = field(default_factory=Counter)  # near-miss kind -> linked as the same statement
    misses_as_altered: Counter[str] = field(default_factory=Counter)
    changes_named: int = 0
    altered_found: int = 0
    vetoes: Counter[str] = field(default_factory=Counter)
    misattributed_flagged: int = 0
    misattributed: int = 0
    merged: int = 0  # echoes attributed to the statement's speaker that got the original's canonical speaker
    own: int = 0
    false_merges: int = 0  # echoes attributed to someone else that got the original's canonical speaker
    others: int = 0
    misses: list[Miss] = field(default_factory=list)  # the echoes linked wrongly
    # Paraphrase and translation with the label of an echo in the other language aside (files differ: some
    # call a retelling across languages a paraphrase, some a translation): gold, found, right.
    either: Counter[str] = field(default_factory=Counter)
    # Late echoes (LATE_DAY on): gold, right (as the gold relation), joined (to their statement, any relation);
    # near-misses, and those linked as the same statement.
    late: Counter[str] = field(default_factory=Counter)

    def prf(self, relation: str) -> tuple[float, float]:
        p = self.right[relation] / self.predicted[relation] if self.predicted[relation] else 1.0
        r = self.right[relation] / self.gold[relation] if self.gold[relation] else 1.0
        return p, r

    def score(self) -> float:
        """What thresholds are chosen by on tune: mean F1 over the relations, near-misses linked as the same
        statement counted as a heavy loss."""
        f1s = []
        for relation in RELATIONS:
            p, r = self.prf(relation)
            f1s.append(2 * p * r / (p + r) if p + r else 0.0)
        return sum(f1s) / len(f1s) - 0.1 * sum(self.misses_as_same.values())


def relation_figures(corpus: TrustCorpus, scorer: ParaphraseScorer | None) -> RelationFigures:
    """Link the corpus; each echo's predicted relation is its relation when it joined its own statement's
    original, else "none" (linked elsewhere: wrong, and counted against the relation it got)."""
    speakers = link_speakers(corpus.sightings, scorer=scorer)
    anonymous = frozenset(s.speaker_id for s in speakers.speakers if s.anonymous)
    links = link_statements(corpus.sightings, speakers.quote_speakers, scorer=scorer, anonymous=anonymous)
    statement_of = {m[1]: m[0] for m in links.members}
    relation_of = {m[1]: m[2] for m in links.members}
    changes_of = getattr(links, "changes", {})
    originals = {g.record: q for q, g in corpus.gold.items() if g.relation == "original"}
    record_of_statement = {statement_of[q]: record for record, q in originals.items()}
    speaker_of = speakers.quote_speakers
    figures = RelationFigures(vetoes=Counter(getattr(links, "vetoes", {})))
    text_of = {s.quote_id: s.text for s in corpus.sightings}
    for quote_id, gold in corpus.gold.items():
        if gold.relation == "original":
            continue
        joined = record_of_statement.get(statement_of[quote_id])
        predicted = relation_of[quote_id] if joined is not None else "none"
        figures.gold[gold.relation] += 1
        figures.predicted[predicted] += 1
        if (joined == gold.record and predicted == gold.relation) or gold.relation == predicted == "none":
            figures.right[predicted] += 1
        else:
            figures.misses.append(Miss(quote_id, gold, predicted, joined))
        if gold.relation == "none" and gold.miss not in (None, "statement"):
            figures.near_misses += 1
            if joined is not None:
                (figures.misses_as_altered if predicted == "altered" else figures.misses_as_same)[gold.miss] += 1
        _count_late(figures.late, gold, predicted, joined)
        _count_either(figures.either, gold, predicted, joined,
                      quote_language(text_of[quote_id]) != quote_language(text_of[originals[gold.record]]))
        if gold.relation == "altered" and predicted == "altered" and joined == gold.record:
            figures.altered_found += 1
            figures.changes_named += _changes_match(gold.changes, changes_of.get(quote_id, ()))
        original_speaker = speaker_of.get(originals[gold.record])
        same_speaker = original_speaker is not None and speaker_of.get(quote_id) == original_speaker
        if gold.person is not None and gold.person.startswith("other:"):
            figures.others += 1
            figures.false_merges += same_speaker
            if gold.relation in RELATIONS and joined == gold.record:
                figures.misattributed += 1
                figures.misattributed_flagged += not same_speaker
        elif gold.person is not None:
            figures.own += 1
            figures.merged += same_speaker
    return figures


LABEL_ASIDE = ("paraphrase", "translation")


def _count_late(late: Counter[str], gold: TrustGold, predicted: str, joined: str | None) -> None:
    """Count an echo published LATE_DAY or more days after its original for the late line."""
    if gold.day < LATE_DAY:
        return
    if gold.relation in RELATIONS:
        late["gold"] += 1
        late["right"] += joined == gold.record and predicted == gold.relation
        late["joined"] += joined == gold.record
    elif gold.miss not in (None, "statement"):
        late["near"] += 1
        late["near_linked"] += joined is not None and predicted != "altered"


def _count_either(either: Counter[str], gold: TrustGold, predicted: str, joined: str | None, across: bool) -> None:
    """Count an echo for the line that sets aside whether an echo in the other language is called a paraphrase
    or a translation: right when it joined its statement as either and, in the original's language, as the
    gold relation."""
    either["gold"] += gold.relation in LABEL_ASIDE
    either["found"] += predicted in LABEL_ASIDE
    either["right"] += (gold.relation in LABEL_ASIDE and predicted in LABEL_ASIDE and joined == gold.record
                        and (across or predicted == gold.relation))


def _changes_match(gold: Sequence[tuple[str, str]], found: Sequence[tuple[str, str]]) -> bool:
    """Every gold change is named: some found pair shares a word with its original words and one with its
    echo's words (or is empty where they are)."""
    def has(words: str, text: str) -> bool:
        if not words:
            return not text
        found_words = set(re.findall(r"\w+", text.casefold()))
        return any(w in found_words for w in re.findall(r"\w+", words.casefold()))

    return bool(found) and all(any(has(a, fa) and has(b, fb) for fa, fb in found) for a, b in gold)


def print_relations(name: str, figures: RelationFigures) -> None:
    print(f"  {name}: {sum(figures.gold.values())} echoes")
    print(f"    {'relation':12} {'gold':>5} {'found':>6} {'right':>6} {'P':>6} {'R':>6}")
    for relation in (*RELATIONS, "none"):
        p, r = figures.prf(relation)
        print(f"    {relation:12} {figures.gold[relation]:>5} {figures.predicted[relation]:>6} "
              f"{figures.right[relation]:>6} {p:>6.3f} {r:>6.3f}")
    either = figures.either
    p = either["right"] / either["found"] if either["found"] else 1.0
    r = either["right"] / either["gold"] if either["gold"] else 1.0
    print(f"    {'para|transl':12} {either['gold']:>5} {either['found']:>6} {either['right']:>6} {p:>6.3f} {r:>6.3f}"
          "   (lenient: paraphrase and translation as one relation; across languages either label is right)")
    late = figures.late
    if late["gold"] or late["near"]:
        r = late["right"] / late["gold"] if late["gold"] else 1.0
        print(f"    late echoes (published {LATE_DAY}+ days after the original): {late['gold']} of the same statement, "
              f"{late['right']} linked right (R {r:.3f}), {late['joined']} joined to it under any relation; "
              f"{late['near_linked']} of {late['near']} late near-misses linked as the same statement")
    same = sum(figures.misses_as_same.values())
    altered = sum(figures.misses_as_altered.values())
    print(f"    near-misses linked: {same} of {figures.near_misses} as the same statement "
          f"{dict(figures.misses_as_same) or ''}, {altered} as altered {dict(figures.misses_as_altered) or ''}")
    print(f"    veto rejections: {sum(figures.vetoes.values())} {dict(sorted(figures.vetoes.items()))}")
    print(f"    altered echoes with every change named: {figures.changes_named}/{figures.altered_found}")
    print(f"    misattributed echoes flagged: {figures.misattributed_flagged}/{figures.misattributed}; "
          f"speakers: merge recall {figures.merged}/{figures.own}, false merges {figures.false_merges}/"
          f"{figures.others}")


class PairJudge:
    """What the veto (veto.explain) says of an echo against its statement's original in a trust corpus, with
    the inputs the linker gives it (the two speakers, the corpus's capitalised words, the speakers'
    affiliations, the years of publication) and the best cosine between their parts."""

    def __init__(self, corpus: TrustCorpus, scorer: ParaphraseScorer | None) -> None:
        self.text = {s.quote_id: s for s in corpus.sightings}
        self.original = {g.record: q for q, g in corpus.gold.items() if g.relation == "original"}
        self.fine = Embeddings(scorer, pieces=True) if scorer is not None else None
        self.known = capitals(s.text for s in corpus.sightings)

    def pair(self, quote_id: int, record: str) -> tuple[Sighting, Sighting]:
        return self.text[self.original[record]], self.text[quote_id]

    def judge(self, first: Sighting, echo: Sighting) -> tuple[Match | None, tuple[str, str] | None]:
        match = self.fine.best(first.text, echo.text) if self.fine is not None else None
        speakers = speaker_keys(n for s in (first, echo) for n in (s.speaker, s.speaker_mention))
        return match, explain(first.text, echo.text, speakers, match, self.known,
                              side_affiliations(first.descriptors, echo.descriptors), sighting_dates(first, echo))


def print_misses(corpus: TrustCorpus, figures: RelationFigures, scorer: ParaphraseScorer | None) -> None:
    """Each echo linked wrongly, with its cause: what it joined, or, left apart, the best cosine between its
    parts and the original's and what the veto (veto.explain) says of the pair."""
    judge = PairJudge(corpus, scorer)
    print(f"    echoes linked wrongly: {len(figures.misses)}")
    for miss in sorted(figures.misses, key=lambda m: (m.gold.relation, m.predicted, m.quote_id)):
        first, echo = judge.pair(miss.quote_id, miss.gold.record)
        gold = miss.gold.relation + (f" ({miss.gold.miss})" if miss.gold.miss else "")
        got = miss.predicted + (f" of {miss.joined}" if miss.joined not in (None, miss.gold.record) else "")
        match, why = judge.judge(first, echo)
        score = f"cosine {match.score:.2f}" if match is not None else "no scorer"
        across = "across languages" if quote_language(first.text) != quote_language(echo.text) else "one language"
        words = "gives words" if gives_words(echo.text) else "retold"
        print(f"    - {miss.gold.record} #{miss.quote_id} gold {gold}, got {got}: {score}, {across}, {words}, "
              f"veto {why[0] + ': ' + why[1] if why else 'none'}")
        print(f"        original: {first.text}")
        print(f"        echo:     {echo.text} [{echo.speaker}]")


class _Remembering:
    """A scorer that embeds each text once (the threshold search links the same texts many times)."""

    def __init__(self, scorer: ParaphraseScorer) -> None:
        self.scorer = scorer
        self.name = scorer.name
        self.threshold = scorer.threshold
        self.multilingual = getattr(scorer, "multilingual", False)
        self._known: dict[str, Vectors] = {}

    def embed(self, texts: Sequence[str]) -> Vectors:
        missing = [t for t in dict.fromkeys(texts) if t not in self._known]
        if missing:
            self._known.update(zip(missing, self.scorer.embed(missing), strict=True))
        return np.stack([self._known[t] for t in texts]) if texts else self.scorer.embed([])


# Searched on the tune split: the paraphrase cosine (same language), the cosine that links across languages
# (a translation or a retelling), and the cosine of a close translation (an altered one).
GRID = {"paraphrase": [round(0.50 + 0.02 * k, 2) for k in range(11)],
        "retelling": [0.40, 0.45, 0.50, 0.55],
        "close translation": [0.55, 0.60, 0.65, 0.70]}


def _set_thresholds(scorer: _Remembering, paraphrase: float, retelling: float, close: float) -> None:
    scorer.threshold = paraphrase
    translations.RETELLING_THRESHOLD, translations.TRANSLATION_THRESHOLD = retelling, close


def relations(scorer: ParaphraseScorer | None, search: bool, trust: Path | None = None,
              misses: bool = False, extract: bool = False) -> None:
    """Per-relation figures on the trust fixtures (tests/fixtures/echo/trust.json): with ``search``, thresholds
    chosen on tune (best ``RelationFigures.score``, ties to the shipped values, then the stricter), then each
    split at the thresholds in use; with ``trust``, each split of that file instead (all its records when it
    has none), at the thresholds chosen on trust.json's tune split."""
    where = trust or "tests/fixtures/echo/trust.json"
    print(f"relations ({where}; scorer: {scorer.name if scorer else 'none'}"
          f"{'; quoted echoes as the extractor finds them' if extract else ''}):")
    if scorer is not None and search:
        remembering = _Remembering(scorer)
        shipped = (scorer.threshold, translations.RETELLING_THRESHOLD, translations.TRANSLATION_THRESHOLD)
        tune = trust_corpus("tune")
        results = {}
        for values in product(*GRID.values()):
            _set_thresholds(remembering, *values)
            results[values] = relation_figures(tune, remembering).score()
        best = max(results, key=lambda v: (round(results[v], 6), v == shipped, v))
        _set_thresholds(remembering, *best)
        scorer = remembering
        print(f"  thresholds chosen on tune: {dict(zip(GRID, best, strict=True))} (shipped: "
              f"{dict(zip(GRID, shipped, strict=True))})")
    splits = ([(name, name or "all records") for name in trust_splits(trust)] if trust is not None
              else [(split, f"{split} ({note})") for split, note in SPLITS])
    for split, title in splits:
        corpus = trust_corpus(split, trust, extract)
        figures = relation_figures(corpus, scorer)
        print_relations(title, figures)
        if misses:
            print_misses(corpus, figures, scorer)


def scaling(sizes: list[int], store_dir: Path | None, paraphrase: bool = False) -> None:
    command_name = "`quotetrace link`" if paraphrase else "`quotetrace link --no-paraphrase`"
    where = f"{command_name} on SQLite files in {store_dir}" if store_dir else "in memory"
    what = ("link with paraphrase and translation matching (USE), originals from PolNeAR's news sentences, 10% of "
            "families also in Cyrillic letters" if paraphrase else "link without paraphrase")
    print(f"scaling ({what}, {where}; synthetic corpus, each size in a fresh process):")
    relink = f" {'relink s':>8}" if store_dir else ""
    print(f"  {'quotes':>9} {'seconds':>8}{relink} {'µs/quote':>9} {'peak MiB':>9} {'before MiB':>10} "
          f"{'statements':>11}  {'P':>5} {'R':>5} {'F1':>5}")
    for n in sizes:
        command = [sys.executable, __file__, "--measure", str(n), *(["--paraphrase"] if paraphrase else [])]
        if store_dir is not None:
            _ensure_store(_store_path(store_dir, n, paraphrase), _scale_corpus(n, paraphrase))
            command += ["--store", str(store_dir)]
        result = subprocess.run(command, check=True, capture_output=True, text=True)
        print(result.stderr, end="", file=sys.stderr)
        r = json.loads(result.stdout.splitlines()[-1])
        relinked = f" {r['relink']:>8.1f}" if store_dir else ""
        print(f"  {n:>9} {r['seconds']:>8.1f}{relinked} {r['seconds'] / n * 1e6:>9.1f} {r['peak_mib']:>9.0f} "
              f"{r['before_mib']:>10.0f} {r['statements']:>11}  {r['p']:>5.3f} {r['r']:>5.3f} {r['f1']:>5.3f}",
              flush=True)


def _pair_scores(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of a clustering, by counting (no pair is listed: families are large)."""
    def pairs(counts: Counter[object]) -> int:
        return sum(c * (c - 1) // 2 for c in counts.values())

    tp = pairs(Counter(zip(gold, predicted, strict=True)))
    gold_pairs, predicted_pairs = pairs(Counter(gold)), pairs(Counter(predicted))
    p = tp / predicted_pairs if predicted_pairs else 1.0
    r = tp / gold_pairs if gold_pairs else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _rss_mib(field: str = "VmRSS") -> float:
    """This process's resident memory now (VmRSS) or at its peak (VmHWM), from /proc (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak() -> None:
    """Start the peak (VmHWM) afresh, so that it measures linking and not the imports or the corpus build."""
    with contextlib.suppress(OSError):  # else the peak covers the whole process
        Path("/proc/self/clear_refs").write_text("5")


def measure(n: int, store_dir: Path | None, paraphrase: bool = False) -> None:
    """One size, in this process: prints a JSON line (what ``scaling`` reads)."""
    scorer = default_scorer() if paraphrase else None
    if store_dir is None:
        corpus = _scale_corpus(n, paraphrase)
        before = _rss_mib()
        _reset_peak()
        started = time.perf_counter()
        speakers = link_speakers(corpus.sightings, scorer=scorer)
        links = link_statements(corpus.sightings, speakers.quote_speakers, scorer=scorer)
        seconds = time.perf_counter() - started
        peak = _rss_mib("VmHWM")
        statement_of = {quote_id: st for st, quote_id, _ in links.members}
        predicted = [statement_of[s.quote_id] for s in corpus.sightings]
        statements = len(links.statements)
    else:  # link first, so that the peak is link()'s alone; the corpus is made again afterwards, for scoring
        work = _store_path(store_dir, n, paraphrase).with_suffix(".linking")
        shutil.copyfile(_store_path(store_dir, n, paraphrase), work)  # every run starts from the store as ingested
        before = _rss_mib()
        _reset_peak()
        with Store(work) as store:
            report = link(store, paraphrase=paraphrase, scorer=scorer)
            relink = link(store, paraphrase=paraphrase, scorer=scorer).seconds
            peak = _rss_mib("VmHWM")
            rows = connection(store).execute("SELECT quote_id, statement_id FROM statement_members ORDER BY quote_id")
            by_quote_id = dict(rows.fetchall())
        for suffix in ("", "-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
        seconds, statements = report.seconds, report.statements
        corpus = _scale_corpus(n, paraphrase)
        order = _quote_order(corpus)
        predicted = [""] * len(order)
        for quote_id, index in enumerate(order, start=1):
            predicted[index] = by_quote_id[quote_id]
    p, r, f1 = _pair_scores(corpus.family, predicted)
    print(json.dumps({"seconds": seconds, "peak_mib": peak, "before_mib": before, "statements": statements,
                      "p": p, "r": r, "f1": f1, "relink": relink if store_dir is not None else None}))


def _scale_corpus(n: int, paraphrase: bool) -> ScaleCorpus:
    """The scaling corpus; for the run with paraphrase, on real news sentences with Cyrillic copies."""
    return scale_corpus(n, translated=True, sentences=news_sentences()) if paraphrase else scale_corpus(n)


def _store_path(store_dir: Path, n: int, translated: bool = False) -> Path:
    return store_dir / f"scale-{n}{'-translated' if translated else ''}.sqlite"


def _documents(corpus: ScaleCorpus) -> dict[str, list[int]]:
    by_doc: dict[str, list[int]] = defaultdict(list)
    for index, s in enumerate(corpus.sightings):
        by_doc[s.doc_id].append(index)
    return by_doc


def _quote_order(corpus: ScaleCorpus) -> list[int]:
    """The corpus index of each stored quote, in quote_id order (documents are written, and numbered, so)."""
    return [i for indexes in _documents(corpus).values() for i in indexes]


def _ensure_store(path: Path, corpus: ScaleCorpus) -> None:
    """Write the corpus as documents (``speaker said: quote`` sentences) unless ``path`` holds it already."""
    order = _quote_order(corpus)
    if path.exists():
        with Store(path) as store:
            ends = connection(store).execute(
                "SELECT text FROM quotes WHERE quote_id IN (1, ?) ORDER BY quote_id", (len(order),)
            ).fetchall()
        if [text for (text,) in ends] == [corpus.sightings[order[0]].text, corpus.sightings[order[-1]].text]:
            return
        print(f"  ({path} holds another corpus: building it again)", file=sys.stderr, flush=True)
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    building = path.with_suffix(".building")
    building.unlink(missing_ok=True)
    by_doc = _documents(corpus)
    with Store(building) as store:
        connection(store).execute("PRAGMA synchronous = OFF")  # a throwaway benchmark file
        for doc_id, indexes in by_doc.items():
            store.upsert_document(_document(doc_id, [corpus.sightings[i] for i in indexes]))
    for suffix in ("-wal", "-shm"):
        Path(f"{building}{suffix}").unlink(missing_ok=True)
    building.rename(path)
    print(f"  (built {path}: {len(by_doc)} documents of about {QUOTES_PER_DOC} quotes, {len(order)} quotes, "
          f"in {time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)


def _document(doc_id: str, sightings: list[Sighting]) -> Document:
    parts: list[str] = []
    quotes: list[Quote] = []
    offset = 0
    for s in sightings:
        name = s.speaker or ""
        at = offset + len(name) + len(" said: ")
        quotes.append(Quote(s.text, at, at + len(s.text), "direct", cue="said",
                            speaker_mention=TextSpan(name, offset, offset + len(name)), speaker=name,
                            descriptors=list(s.descriptors), confidence=0.9))
        parts.append(f"{name} said: {s.text} ")
        offset += len(parts[-1])
    first = sightings[0]
    return Document(id=doc_id, doc_id=doc_id, source="benchmarks/linking.py", text="".join(parts),
                    outlet=first.outlet, published_at=first.published_at, fetched_at=first.seen_at, quotes=quotes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--copies", type=int, default=1,
        help="fixture families per statement (copies > 1 repeat the same words under other names)",
    )
    parser.add_argument("--sizes", type=int, nargs="*",
                        help="quote counts to time linking at (default 10000 100000; none with --trust)")
    parser.add_argument("--scorer", choices=["default", "lexical"], default="default")
    parser.add_argument("--store", type=Path, metavar="DIR",
                        help="time `quotetrace link` on SQLite files in DIR (built on first use) instead of in memory")
    parser.add_argument("--shipped", action="store_true",
                        help="relations at the shipped thresholds, without choosing them on the tune split")
    parser.add_argument("--paraphrase", action="store_true",
                        help="scale with paraphrase and translation matching on (default: without)")
    parser.add_argument("--trust", type=Path, metavar="FILE",
                        help="per-relation figures on each split of FILE (trust.json's format) instead of the "
                             "echo corpus and trust.json")
    parser.add_argument("--misses", action="store_true",
                        help="with the relations, print each echo linked wrongly with its cause")
    parser.add_argument("--extract", action="store_true",
                        help="with --trust: an echo that quotes words inside the outlet's own sentences stands as "
                             "the statement quotetrace's extractor finds in it, as `quotetrace ingest` stores it")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)  # one size, in a child process
    args = parser.parse_args()
    if args.measure:
        measure(args.measure, args.store, args.paraphrase)
        return
    scorer = LexicalScorer() if args.scorer == "lexical" else default_scorer()
    if args.trust is None:
        accuracy(args.copies, scorer)
    relations(scorer, search=not args.shipped, trust=args.trust, misses=args.misses, extract=args.extract)
    sizes = args.sizes if args.sizes is not None else [] if args.trust else [10_000, 100_000]
    if sizes:
        scaling(sizes, args.store, args.paraphrase)


if __name__ == "__main__":
    main()
