"""Scaling of ``quotetrace batch``: documents/s on 1 and 2 workers, both engines, against the plain path.

    python benchmarks/scale.py [--data FILE.jsonl] [--docs N] [--files F] [--workers 1,2] [--engines local,ray]
                               [--articles 10000000]

The corpus is the texts of PolNeAR dev (else the project's samples/) repeated to N documents and written as F
JSONL files. Measured, one after the other on the same corpus:

- plain: ``pipeline.process`` in a loop in a fresh process (spaCy loaded first): the floor every engine pays;
- ``run_batch`` with each engine and worker count, end to end (reading, workers starting and loading spaCy,
  Parquet writing). Ray itself is started once before (its start-up is printed apart: a cluster pays it once).

Printed: documents/s; scaling efficiency (rate at W workers / (W x rate at 1)); the engine's overhead at W
workers against W x the plain rate; each worker's peak resident memory; and a projection of the hours and
cores for ``--articles`` documents from the best measured per-core rate.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from quotetrace.batch import core, run_batch
from quotetrace.model import RawDocument
from quotetrace.nlp import load_pipeline
from quotetrace.pipeline import process

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear" / "dev.jsonl"
FALLBACK = ROOT / "samples" / "articles.jsonl"


@dataclass(frozen=True)
class Run:
    name: str
    workers: int
    seconds: float
    docs: int
    peak_rss_mib: float  # per worker, the largest
    first_s: float | None = None  # until the first documents came back (start-up: workers, spaCy, planning)
    last_s: float | None = None
    first_docs: int = 1  # how many came back with the first (Ray returns a block at a time)

    @property
    def steady_docs_per_s(self) -> float:
        """The rate once running, after the first documents: what a run of millions sees."""
        if self.first_s is None or self.last_s is None or self.last_s <= self.first_s:
            return self.docs_per_s
        return (self.docs - self.first_docs) / (self.last_s - self.first_s)

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds


def load_texts(data: Path | None) -> tuple[str, list[str]]:
    for path in [data] if data else [DEFAULT_DATA, FALLBACK]:
        if path.is_file():
            with open(path, encoding="utf-8") as lines:
                texts = [json.loads(line)["text"] for line in lines if line.strip()]
            if texts:
                return str(path), texts
    sys.exit(f"no texts found in {data or [DEFAULT_DATA, FALLBACK]}")


def write_corpus(texts: list[str], docs: int, files: int, folder: Path) -> list[str]:
    """``docs`` documents (the texts repeated, each with its own id) spread over ``files`` JSONL files."""
    paths = [folder / f"part-{i:03d}.jsonl" for i in range(files)]
    handles = [open(path, "w", encoding="utf-8") for path in paths]  # noqa: SIM115
    for i in range(docs):
        record = {"id": f"doc-{i}", "text": texts[i % len(texts)]}
        handles[i % files].write(json.dumps(record, ensure_ascii=False) + "\n")
    for handle in handles:
        handle.close()
    return [str(path) for path in paths]


class PeakMemory:
    """Samples the resident memory of the worker processes (local pool children, or Ray actors) while a run
    goes on, keeping each one's peak (VmHWM)."""

    def __init__(self, is_worker: Callable[[int, str], bool]) -> None:
        self.is_worker = is_worker
        self.peaks: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(0.2):
            for entry in os.scandir("/proc"):
                if not entry.name.isdigit():
                    continue
                pid = int(entry.name)
                try:
                    status = Path(entry.path, "status").read_text()
                    cmdline = Path(entry.path, "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                except OSError:
                    continue
                if not self.is_worker(pid, status + "\n" + cmdline):
                    continue
                for line in status.splitlines():
                    if line.startswith("VmHWM:"):
                        self.peaks[pid] = max(self.peaks.get(pid, 0), int(line.split()[1]))

    @property
    def max_mib(self) -> float:
        return max(self.peaks.values(), default=0) / 1024


def local_worker(pid: int, text: str) -> bool:
    return f"PPid:\t{os.getpid()}\n" in text and "/ray/" not in text


def ray_worker(pid: int, text: str) -> bool:
    return "MapWorker(MapBatches(Extractor))" in text


def time_plain(texts: list[str], docs: int) -> Run:
    load_pipeline("en")
    process(RawDocument(id="warm", source="warm", text=texts[0]))
    started = time.perf_counter()
    for i in range(docs):
        process(RawDocument(id=f"doc-{i}", source=f"doc-{i}", text=texts[i % len(texts)]))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Run("plain process()", 1, seconds, docs, peak)


def time_plain_apart(data: Path | None, docs: int) -> Run:
    command = [sys.executable, __file__, "--plain-only", "--docs", str(docs)] + (["--data", str(data)] if data else [])
    figures = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    return Run("plain process()", 1, figures["seconds"], docs, figures["peak_rss_mib"])


def time_batch(engine: str, workers: int, paths: list[str], docs: int, scratch: Path) -> Run:
    out = scratch / f"out-{engine}-{workers}"
    is_worker = ray_worker if engine == "ray" else local_worker
    seen: list[float] = []
    add = core.Collector.add

    def timed_add(self: core.Collector, event: core.Event) -> None:
        if isinstance(event, core.Processed):
            seen.append(time.perf_counter())
        add(self, event)

    with PeakMemory(is_worker) as memory:
        core.Collector.add = timed_add  # type: ignore[method-assign]  # when each document comes back
        started = time.perf_counter()
        try:
            summary = run_batch(paths, str(out), engine=engine, workers=workers, progress=False)
        finally:
            core.Collector.add = add  # type: ignore[method-assign]
        seconds = time.perf_counter() - started
    if summary.documents != docs:
        print(f"warning: {engine} x{workers} gave {summary.documents} of {docs} documents", file=sys.stderr)
    in_process = workers == 1 and engine == "local"  # the runner does not start a pool for one worker
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 if in_process else memory.max_mib
    first, last = (seen[0] - started, seen[-1] - started) if seen else (None, None)
    first_docs = sum(1 for stamp in seen if stamp - seen[0] < 0.05)
    return Run(f"batch --engine {engine}", workers, seconds, summary.documents, peak, first, last, first_docs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path)
    parser.add_argument("--docs", type=int, default=240)
    parser.add_argument("--files", type=int, default=12)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--engines", default="local,ray")
    parser.add_argument("--articles", type=int, default=10_000_000)
    parser.add_argument("--plain-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.plain_only:
        run = time_plain(load_texts(args.data)[1], args.docs)
        print(json.dumps({"seconds": run.seconds, "peak_rss_mib": run.peak_rss_mib}))
        return
    worker_counts = [int(w) for w in args.workers.split(",")]
    engines = args.engines.split(",")

    source, texts = load_texts(args.data)
    words = sum(len(texts[i % len(texts)].split()) for i in range(args.docs))
    print(f"corpus: {args.docs} documents ({words / args.docs:.0f} words on average) from {source}, "
          f"in {args.files} JSONL files; {os.cpu_count()} CPUs", file=sys.stderr)
    runs: list[Run] = []
    ray_start = None
    with tempfile.TemporaryDirectory(prefix="quotetrace-scale-") as folder:
        scratch = Path(folder)
        paths = write_corpus(texts, args.docs, args.files, scratch)
        for engine in engines:
            if engine == "ray":
                ray_start = start_ray(max(worker_counts))
                if ray_start is None:
                    continue
            for workers in worker_counts:
                print(f"timing {engine} x{workers} ...", file=sys.stderr, flush=True)
                runs.append(time_batch(engine, workers, paths, args.docs, scratch))
        # In a fresh process, as each worker is: spaCy's vocabulary grows as it meets new words, and a process
        # that has already seen the corpus (this one) runs it faster than any worker can.
        print("timing plain process() ...", file=sys.stderr, flush=True)
        plain = time_plain_apart(args.data, args.docs)
    report(plain, runs, ray_start, args.articles)


def start_ray(cpus: int) -> float | None:
    try:
        import ray
    except ImportError:
        print("ray is not installed (pip install 'quotetrace[ray]'): skipping --engine ray", file=sys.stderr)
        return None
    started = time.perf_counter()
    ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    return time.perf_counter() - started


def report(plain: Run, runs: list[Run], ray_start: float | None, articles: int) -> None:
    print(f"\n{'':<22}{'workers':>8}{'seconds':>8}{'start-up':>9}{'docs/s':>8}{'steady':>8}{'scaling':>9}"
          f"{'overhead':>10}{'peak RSS/worker':>17}")
    print(f"{plain.name:<22}{1:>8}{plain.seconds:>8.1f}{'':>9}{plain.docs_per_s:>8.2f}{plain.docs_per_s:>8.2f}"
          f"{'':>9}{'':>10}{plain.peak_rss_mib:>13.0f} MiB")
    by_key = {(run.name, run.workers): run for run in runs}
    for run in runs:
        one = by_key.get((run.name, 1))
        scaling = f"{run.steady_docs_per_s / (run.workers * one.steady_docs_per_s):.0%}" if one else ""
        # Overhead: time lost against W perfect copies of the plain loop (>0: slower than ideal), once running.
        overhead = (run.workers * plain.docs_per_s) / run.steady_docs_per_s - 1
        print(f"{run.name:<22}{run.workers:>8}{run.seconds:>8.1f}{run.first_s or 0:>9.1f}{run.docs_per_s:>8.2f}"
              f"{run.steady_docs_per_s:>8.2f}{scaling:>9}{overhead:>+10.0%}{run.peak_rss_mib:>13.0f} MiB")
    if ray_start is not None:
        print(f"\nRay start-up (once per cluster, not in the figures above): {ray_start:.1f} s")
    print("start-up: seconds until the first documents came back; docs/s: end to end; steady: after "
          "those;\nscaling: steady docs/s at W / (W x steady docs/s at 1); "
          "overhead: (W x plain docs/s) / steady docs/s - 1")
    # Projection from the steady rate per core of the best engine at its most workers (start-up is minutes
    # against hours at this size).
    most = max((run.workers for run in runs), default=1)
    candidates = [run.steady_docs_per_s / run.workers for run in runs if run.workers == most] or [plain.docs_per_s]
    per_core = max(candidates)
    core_hours = articles / per_core / 3600
    print(f"\nprojection for {articles:,} articles at {per_core:.2f} documents/s per core "
          f"(measured here, articles like the corpus):")
    print(f"  {core_hours:,.0f} core-hours; e.g. {core_hours / 64:,.1f} h on 64 cores, "
          f"{core_hours / 256:,.1f} h on 256 cores, {core_hours / 1024:,.1f} h on 1024 cores; "
          f"{core_hours / 24:,.0f} cores to finish in a day")
    worst_rss = max([run.peak_rss_mib for run in runs] + [plain.peak_rss_mib])
    print(f"  memory: about {worst_rss:.0f} MiB per worker (peak measured), so ~{worst_rss * 64 / 1024:.0f} GiB "
          f"for 64 workers")


if __name__ == "__main__":
    main()
