"""Linking figures: statement clustering, speaker merging and first sighting on the echo corpus; then scaling.

    python benchmarks/linking.py                         # accuracy, then scaling at 10k and 100k quotes
    python benchmarks/linking.py --sizes 10000 100000 1000000
    python benchmarks/linking.py --sizes 1000000 --store /tmp/qt-scale   # `quotetrace link` on SQLite files
    python benchmarks/linking.py --scorer lexical        # paraphrase by the lexical scorer even if USE is there
    python benchmarks/linking.py --sizes                 # accuracy only

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
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


from make_echo_corpus import QUOTES_PER_DOC, ScaleCorpus, build, scale_corpus
from quotetrace.link import link
from quotetrace.link.speakers import link_speakers
from quotetrace.link.statements import LexicalScorer, ParaphraseScorer, default_scorer, link_statements
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


def scaling(sizes: list[int], store_dir: Path | None) -> None:
    where = f"`quotetrace link --no-paraphrase` on SQLite files in {store_dir}" if store_dir else "in memory"
    print(f"scaling (link without paraphrase, {where}; synthetic corpus, each size in a fresh process):")
    relink = f" {'relink s':>8}" if store_dir else ""
    print(f"  {'quotes':>9} {'seconds':>8}{relink} {'µs/quote':>9} {'peak MiB':>9} {'before MiB':>10} "
          f"{'statements':>11}  {'P':>5} {'R':>5} {'F1':>5}")
    for n in sizes:
        command = [sys.executable, __file__, "--measure", str(n)]
        if store_dir is not None:
            _ensure_store(_store_path(store_dir, n), scale_corpus(n))
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


def measure(n: int, store_dir: Path | None) -> None:
    """One size, in this process: prints a JSON line (what ``scaling`` reads)."""
    if store_dir is None:
        corpus = scale_corpus(n)
        before = _rss_mib()
        _reset_peak()
        started = time.perf_counter()
        speakers = link_speakers(corpus.sightings)
        links = link_statements(corpus.sightings, speakers.quote_speakers, scorer=None)
        seconds = time.perf_counter() - started
        peak = _rss_mib("VmHWM")
        statement_of = {quote_id: st for st, quote_id, _ in links.members}
        predicted = [statement_of[s.quote_id] for s in corpus.sightings]
        statements = len(links.statements)
    else:  # link first, so that the peak is link()'s alone; the corpus is made again afterwards, for scoring
        work = _store_path(store_dir, n).with_suffix(".linking")
        shutil.copyfile(_store_path(store_dir, n), work)  # every run starts from the store as ingested
        before = _rss_mib()
        _reset_peak()
        with Store(work) as store:
            report = link(store, paraphrase=False)
            relink = link(store, paraphrase=False).seconds
            peak = _rss_mib("VmHWM")
            rows = connection(store).execute("SELECT quote_id, statement_id FROM statement_members ORDER BY quote_id")
            by_quote_id = dict(rows.fetchall())
        for suffix in ("", "-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
        seconds, statements = report.seconds, report.statements
        corpus = scale_corpus(n)
        order = _quote_order(corpus)
        predicted = [""] * len(order)
        for quote_id, index in enumerate(order, start=1):
            predicted[index] = by_quote_id[quote_id]
    p, r, f1 = _pair_scores(corpus.family, predicted)
    print(json.dumps({"seconds": seconds, "peak_mib": peak, "before_mib": before, "statements": statements,
                      "p": p, "r": r, "f1": f1, "relink": relink if store_dir is not None else None}))


def _store_path(store_dir: Path, n: int) -> Path:
    return store_dir / f"scale-{n}.sqlite"


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
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--scorer", choices=["default", "lexical"], default="default")
    parser.add_argument("--store", type=Path, metavar="DIR",
                        help="time `quotetrace link` on SQLite files in DIR (built on first use) instead of in memory")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)  # one size, in a child process
    args = parser.parse_args()
    if args.measure:
        measure(args.measure, args.store)
        return
    scorer = LexicalScorer() if args.scorer == "lexical" else default_scorer()
    accuracy(args.copies, scorer)
    if args.sizes:
        scaling(args.sizes, args.store)


if __name__ == "__main__":
    main()
