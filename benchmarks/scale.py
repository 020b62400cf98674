"""Cost of ``quotetrace batch`` at scale: both engines on 1 and 2 workers against the plain single-process path.

    python benchmarks/scale.py [--data FILE.jsonl ...] [--docs 1000] [--files 12] [--workers 1,2]
                               [--engines plain,local,ray] [--repeat 3] [--articles 10000000]

The corpus is the texts of PolNeAR dev and train (else the project's samples/), taken in turn up to ``--docs``
documents (a text repeats only past their number) and written as ``--files`` JSONL files. Each round runs
every configuration twice, each run in a fresh process as ``quotetrace batch`` would be; the engines at one
worker count run one after another (those compared ran minutes apart, under the same load from other jobs on
a shared machine), in an order that turns from round to round:

- on the corpus, end to end: ``run_batch`` (reading, workers starting and loading spaCy, Parquet and the
  manifest; for Ray, ``ray.init`` of a local Ray, Ray Data's planning and helper actors, and the shutdown);
  for plain, ``pipeline.process`` in a loop, spaCy loading included;
- on a corpus of one document: its time less that document's is the **start-up**, what a run pays once
  whatever its size (for Ray, ``ray.init`` is timed apart).

``--engines ray-cluster`` adds Ray runs that join a Ray this script keeps running, by its address, as
``quotetrace batch --engine ray --address`` joins a cluster: they skip ``ray.init`` and Ray Data's start of
its own helper actors, and show what a run costs on a cluster that is up already.

Every figure comes from these runs; the table gives the median of the rounds. Per configuration:

- end to end: seconds for the corpus, and documents/s over it;
- steady: documents/s while running, from when 10 % of the documents were back to when 90 % were (counted
  in characters, so that long and short documents do not tilt it; Ray returns a block at a time);
- overhead vs local: end-to-end time / local's at the same workers - 1 (steady: local's rate / this one - 1),
  also round by round, where the two ran minutes apart;
- overhead vs plain: end-to-end time x workers / plain's - 1, against that many perfect copies of the plain
  loop; at 2 workers it includes what the machine gives two processes (1.2-1.3x on 2 shared cores);
- CPU: seconds of CPU of every process of the run (the driver, its workers, Ray's own) per document;
- peak resident memory of the largest worker.

From start-up and steady it projects Ray's overhead at larger sizes (time = start-up + documents / steady),
and the hours and cores for ``--articles`` documents.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
DEFAULT_DATA = [POLNEAR / "dev.jsonl", POLNEAR / "train.jsonl"]
FALLBACK = [ROOT / "samples" / "articles.jsonl"]
TICKS = os.sysconf("SC_CLK_TCK")
RAY_ACTOR = "MapWorker(MapBatches(Extractor))"  # the process title of our Ray actors
RAY_CLUSTER = "ray-cluster"  # --engine ray --address on a Ray that runs already (this script starts it)
CLUSTER_ENV = "QUOTETRACE_SCALE_RAY_ADDRESS"
LABELS = {"plain": "plain process()", RAY_CLUSTER: "ray, running cluster"}
SAMPLE_S = 0.5  # between scans of the process tree: every scan costs CPU that the run competes with


@dataclass(frozen=True)
class Run:
    """One run in its own process: what it printed."""

    seconds: float  # end to end
    # (seconds from the start, characters of text) for each document as it came back, in time order
    stamps: list[tuple[float, int]]
    cpu_s: float  # all processes of the run
    peak_rss_mib: float  # the largest worker
    ray_init_s: float = 0.0
    import_s: float = 0.0  # importing ray and ray.data in the driver, before the run (not in its seconds)

    @property
    def docs(self) -> int:
        return len(self.stamps)

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds

    @property
    def steady_docs_per_s(self) -> float:
        """Documents/s from when 10 % of them were back to when 90 % were. Counted in characters of text, then
        turned into documents at the corpus's average length: documents differ in length, so the documents in
        a stretch of the run are not the rate of the whole."""
        times = [stamp for stamp, _ in self.stamps]
        start, end = times[len(times) // 10], times[(len(times) * 9) // 10 - 1]
        if end <= start:
            return self.docs_per_s
        done = sum(chars for _, chars in self.stamps[bisect_right(times, start):bisect_right(times, end)])
        return done / (end - start) * self.docs / max(1, sum(chars for _, chars in self.stamps))


@dataclass(frozen=True)
class Pair:
    """A configuration's two runs of one round: on the corpus, and on one document."""

    engine: str  # plain, local or ray
    workers: int
    corpus: Run
    one: Run

    @property
    def startup_s(self) -> float:
        """The one-document run less that document at one worker's steady rate."""
        return self.one.seconds - self.workers / self.corpus.steady_docs_per_s

    @property
    def label(self) -> str:
        return LABELS.get(self.engine, f"batch --engine {self.engine}")


# --- corpus -----------------------------------------------------------------------------------------------


def load_texts(data: Sequence[Path] | None) -> tuple[str, list[str]]:
    paths = [path for path in (data or DEFAULT_DATA) if path.is_file()] or ([] if data else FALLBACK)
    texts = []
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            texts += [json.loads(line)["text"] for line in lines if line.strip()]
    if not texts:
        sys.exit(f"no texts found in {[str(p) for p in data or DEFAULT_DATA + FALLBACK]}")
    return " + ".join(str(path) for path in paths), texts


def write_corpus(texts: list[str], docs: int, files: int, folder: Path) -> Path:
    """``docs`` documents (the texts in turn, each with its own id) spread over ``files`` JSONL files."""
    folder.mkdir()
    handles = [open(folder / f"part-{i:03d}.jsonl", "w", encoding="utf-8") for i in range(files)]  # noqa: SIM115
    for i in range(docs):
        record = {"id": f"doc-{i}", "text": texts[i % len(texts)]}
        handles[i % files].write(json.dumps(record, ensure_ascii=False) + "\n")
    for handle in handles:
        handle.close()
    return folder


# --- measuring, in the child process ----------------------------------------------------------------------


class ProcessTree:
    """Samples the descendants of ``root`` while a run goes on (the local pool's workers; a Ray's daemons and
    workers): the CPU each has used meanwhile, and the peak resident memory of the workers."""

    def __init__(self, root: int, is_worker: Callable[[str], bool]) -> None:
        self.root, self.is_worker = root, is_worker
        self.cpu: dict[int, float] = {}
        self.peaks: dict[int, int] = {}
        self._before: dict[int, float] = {}  # CPU of the processes already there (a running cluster's)
        self._cmdlines: dict[int, str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> ProcessTree:
        self._sample()
        self._before, self.cpu = self.cpu, {}
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_S):
            self._sample()

    def _sample(self) -> None:
        parents: dict[int, int] = {}
        cpu: dict[int, float] = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    fields = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                pid = int(entry.name)
                parents[pid] = int(fields[1])
                cpu[pid] = (int(fields[11]) + int(fields[12])) / TICKS
        for pid in descendants(self.root, parents):
            if pid == os.getpid():  # counted apart, by process_time
                continue
            self.cpu[pid] = max(self.cpu.get(pid, 0.0), cpu[pid])
            if self.is_worker(self._cmdline(pid)):
                self.peaks[pid] = max(self.peaks.get(pid, 0), peak_rss_kib(pid))

    def _cmdline(self, pid: int) -> str:
        # Read again until it names a worker: a Ray worker starts idle and takes its actor's title later.
        if pid not in self._cmdlines or not self.is_worker(self._cmdlines[pid]):
            try:
                self._cmdlines[pid] = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                return ""
        return self._cmdlines[pid]

    @property
    def cpu_s(self) -> float:
        return sum(cpu - self._before.get(pid, 0.0) for pid, cpu in self.cpu.items())

    @property
    def peak_mib(self) -> float:
        return max(self.peaks.values(), default=0) / 1024


def descendants(root: int, parents: dict[int, int]) -> list[int]:
    children: dict[int, list[int]] = {}
    for pid, parent in parents.items():
        children.setdefault(parent, []).append(pid)
    found, todo = [], list(children.get(root, []))
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def peak_rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def own_peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def stamped(stamps: list[tuple[float, int]], started: float) -> Iterator[None]:
    """Records when each document comes back to ``run_batch`` (its Collector sees every result)."""
    from quotetrace.batch import core

    add = core.Collector.add

    def timed_add(self: core.Collector, event: core.Event) -> None:
        if isinstance(event, core.Processed):
            doc = event.result[0]
            stamps.append((time.perf_counter() - started, len(doc.text) if doc else 0))
        add(self, event)

    core.Collector.add = timed_add  # type: ignore[method-assign]
    try:
        yield
    finally:
        core.Collector.add = add  # type: ignore[method-assign]


@contextmanager
def timed_ray_init(seconds: list[float]) -> Iterator[None]:
    """Times the ``ray.init`` that the Ray engine calls (a local Ray: it starts one)."""
    import ray

    init = ray.init

    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return init(*args, **kwargs)
        finally:
            seconds.append(time.perf_counter() - started)

    ray.init = timed
    try:
        yield
    finally:
        ray.init = init


def run_plain(corpus: Path) -> Run:
    """The plain loop over the corpus's records; spaCy loading counts, as it does for every engine's workers."""
    from quotetrace.model import RawDocument
    from quotetrace.nlp import load_pipeline
    from quotetrace.pipeline import process

    records = [json.loads(line) for path in sorted(corpus.iterdir()) for line in path.read_text().splitlines()]
    stamps = []
    started, cpu = time.perf_counter(), time.process_time()
    load_pipeline("en")
    for record in records:
        doc, _ = process(RawDocument(id=record["id"], source=record["id"], text=record["text"]))
        stamps.append((time.perf_counter() - started, len(doc.text) if doc else 0))
    return Run(time.perf_counter() - started, stamps, time.process_time() - cpu, own_peak_mib())


def run_engine(engine: str, workers: int, corpus: Path, out: Path) -> Run:
    from quotetrace.batch import run_batch

    # ray-cluster: the Ray that the parent started and keeps (its processes are the parent's, not ours).
    address = os.environ[CLUSTER_ENV] if engine == RAY_CLUSTER else None
    on_ray = engine in ("ray", RAY_CLUSTER)
    started = time.perf_counter()
    if on_ray:  # before the clock, like every other import of the command
        import ray.data  # noqa: F401
    import_s = time.perf_counter() - started
    stamps: list[tuple[float, int]] = []
    init: list[float] = []
    tree = ProcessTree(os.getppid() if address else os.getpid(),
                       (lambda cmd: RAY_ACTOR in cmd) if on_ray else (lambda cmd: True))
    ray_timer: AbstractContextManager[None] = timed_ray_init(init) if on_ray else nullcontext()
    cpu = time.process_time()
    with tree, ray_timer:
        started = time.perf_counter()
        with stamped(stamps, started):
            summary = run_batch([str(corpus)], str(out), engine="ray" if on_ray else engine, workers=workers,
                                address=address, progress=False)
        seconds = time.perf_counter() - started
    if summary.documents != len(stamps) or summary.errors:
        print(f"warning: {engine} x{workers}: {summary.line()}", file=sys.stderr)
    in_process = workers == 1 and engine == "local"  # the runner starts no pool for one worker
    peak = own_peak_mib() if in_process else tree.peak_mib
    return Run(seconds, sorted(stamps), time.process_time() - cpu + tree.cpu_s, peak, sum(init), import_s)


# --- runs, from the parent --------------------------------------------------------------------------------


def measure(engine: str, workers: int, corpus: Path, scratch: Path) -> Run:
    """One run in a fresh process: a warm process would flatter whichever runs in it (spaCy loaded, and its
    vocabulary grown on the corpus already)."""
    out = scratch / f"out-{time.monotonic_ns()}"
    command = [sys.executable, __file__, "--child", engine, str(workers), str(corpus), str(out)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{engine} x{workers} failed:\n{done.stderr[-3000:]}")
    return Run(**json.loads(done.stdout.splitlines()[-1]))


def has_ray() -> bool:
    try:
        import ray.data  # noqa: F401
    except ImportError:
        print("ray is not installed (pip install 'quotetrace[ray]'): skipping --engine ray", file=sys.stderr)
        return False
    return True


@contextmanager
def running_ray(cpus: int) -> Iterator[None]:
    """A local Ray kept running by this process for the ray-cluster runs, which join it by its address, as
    ``quotetrace batch --engine ray --address`` does; one run first, so that Ray Data's own actors are up, as
    they are on a cluster that has run a job before."""
    import ray

    context: Any = ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)
    os.environ[CLUSTER_ENV] = context.address_info["address"]
    try:
        with tempfile.TemporaryDirectory(prefix="quotetrace-scale-") as folder:
            one = write_corpus(load_texts(None)[1], 1, 1, Path(folder) / "one")
            measure(RAY_CLUSTER, 1, one, Path(folder))
        yield
    finally:
        ray.shutdown()


def schedule(configs: list[tuple[str, int]], repeat: int) -> Iterator[tuple[int, str, int]]:
    """(round, engine, workers): every configuration once a round. The engines at one worker count run one
    after another, so that those compared ran minutes apart under the same load; their order turns each
    round, and so does the order of the worker counts."""
    groups: dict[int, list[str]] = {}
    for engine, workers in configs:
        groups.setdefault(workers, []).append(engine)
    counts = list(groups)
    for round_ in range(repeat):
        for workers in turned(counts, round_):
            for engine in turned(groups[workers], round_):
                yield round_, engine, workers


def turned(items: list[Any], by: int) -> list[Any]:
    return items[by % len(items):] + items[:by % len(items)]


# --- report -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    """The medians of one configuration's rounds."""

    label: str
    engine: str
    workers: int
    seconds: float
    docs_per_s: float
    steady: float
    startup: float
    ray_init: float
    ray_import: float
    cpu_per_doc: float
    peak_rss_mib: float
    spread: tuple[float, float]  # the fastest and slowest end-to-end runs


def medians(pairs: list[Pair]) -> Figures:
    first, runs = pairs[0], [pair.corpus for pair in pairs]
    seconds = [run.seconds for run in runs]

    def median(values: Iterator[float]) -> float:
        return statistics.median(values)

    return Figures(
        first.label, first.engine, first.workers, median(iter(seconds)), median(run.docs_per_s for run in runs),
        median(run.steady_docs_per_s for run in runs), median(pair.startup_s for pair in pairs),
        median(pair.one.ray_init_s for pair in pairs), median(pair.one.import_s for pair in pairs),
        median(run.cpu_s / run.docs for run in runs), max(run.peak_rss_mib for run in runs),
        (min(seconds), max(seconds)),
    )


Table = dict[tuple[str, int], Figures]
Rounds = dict[tuple[str, int], list[Pair]]  # a configuration's rounds, in order


def report(rounds: Rounds, docs: int, articles: int) -> None:
    table = {key: medians(pairs) for key, pairs in rounds.items()}
    print(f"\nmedians of {max(len(pairs) for pairs in rounds.values())} rounds, {docs} documents each")
    print(f"{'':<22}{'workers':>8}{'end to end':>18}{'docs/s':>8}{'steady':>8}{'start-up':>9}{'ray.init':>9}"
          f"{'vs local':>10}{'(steady)':>9}{'vs plain':>10}{'CPU/doc':>9}{'peak RSS':>10}")
    for row in table.values():
        print(table_row(row, table))
    print("end to end: median seconds (fastest-slowest run); steady: docs/s from 10 % to 90 % of the documents;\n"
          "start-up: a one-document run less its document (ray.init included); vs local: end-to-end time against\n"
          "local's at the same workers (steady: rate against rate); vs plain: time x workers / plain's;\n"
          "CPU/doc: CPU seconds of all the run's processes, per document")
    scaling(table)
    for (engine, workers), pairs in rounds.items():
        if engine in ("ray", RAY_CLUSTER) and ("local", workers) in rounds:
            ray_against_local(pairs, rounds[("local", workers)], table, docs)
    projection(table, articles)


def table_row(row: Figures, table: Table) -> str:
    local, plain = table.get(("local", row.workers)), table.get(("plain", 1))
    vs_local = vs_local_steady = vs_plain = ray_init = ""
    if row.engine in ("ray", RAY_CLUSTER) and local:
        vs_local = f"{row.seconds / local.seconds - 1:+.1%}"
        vs_local_steady = f"{local.steady / row.steady - 1:+.1%}"
    if row.engine != "plain" and plain:
        vs_plain = f"{row.seconds * row.workers / plain.seconds - 1:+.1%}"
    if row.engine == "ray":
        ray_init = f"{row.ray_init:.1f}s"
    spread = f"{row.spread[0]:.0f}-{row.spread[1]:.0f}"
    return (f"{row.label:<22}{row.workers:>8}{row.seconds:>7.1f}s ({spread:>8}){row.docs_per_s:>8.2f}"
            f"{row.steady:>8.2f}{row.startup:>8.1f}s{ray_init:>9}{vs_local:>10}{vs_local_steady:>9}{vs_plain:>10}"
            f"{row.cpu_per_doc:>8.3f}s{row.peak_rss_mib:>6.0f} MiB")


def scaling(table: Table) -> None:
    lines = []
    for (engine, workers), row in table.items():
        one = table.get((engine, 1))
        if engine != "plain" and workers > 1 and one:
            lines.append(f"{engine} x{workers}: {row.steady / (workers * one.steady):.0%} steady, "
                         f"{row.docs_per_s / (workers * one.docs_per_s):.0%} end to end")
    if lines:
        print("\nscaling (rate at W / (W x rate at 1)): " + "; ".join(lines))


def ray_against_local(ray_pairs: list[Pair], local_pairs: list[Pair], table: Table, docs: int) -> None:
    """Ray's overhead against local at the same workers: round by round, and at other sizes from the medians'
    start-up and steady figures (time = start-up + documents / steady)."""
    engine, workers = ray_pairs[0].engine, ray_pairs[0].workers
    ray, local = table[(engine, workers)], table[("local", workers)]
    paired = [r.corpus.seconds / lo.corpus.seconds - 1 for r, lo in zip(ray_pairs, local_pairs, strict=False)]
    print(f"\n{ray.label} x{workers} against local x{workers}:")
    print(f"  end to end on {docs} documents, round by round: {', '.join(f'{o:+.1%}' for o in paired)} "
          f"(median {statistics.median(paired):+.1%})")
    print(f"  start-up: {ray.startup:.1f} s, of which ray.init {ray.ray_init:.1f} s, against local's "
          f"{local.startup:.1f} s; importing ray in the driver took {ray.ray_import:.1f} s more, before")
    print(f"  steady: {ray.steady:.2f} against {local.steady:.2f} documents/s ({local.steady / ray.steady - 1:+.1%})")
    for row in (ray, local):
        model = row.startup + docs / row.steady
        print(f"  {row.engine}: start-up + {docs} / steady = {model:.1f} s against {row.seconds:.1f} s measured")
    sizes = [1_000, 10_000, 100_000, 1_000_000]
    overheads = [(ray.startup + n / ray.steady) / (local.startup + n / local.steady) - 1 for n in sizes]
    print("  end to end at other sizes (projected from these): "
          + ", ".join(f"{n:,} docs {o:+.1%}" for n, o in zip(sizes, overheads, strict=True)))


def projection(table: Table, articles: int) -> None:
    # From the steady rate per worker of the best engine at its most workers: at this size start-up is
    # seconds against hours.
    most = max(workers for _, workers in table)
    per_core = max(row.steady / workers for (_, workers), row in table.items() if workers == most)
    core_hours = articles / per_core / 3600
    print(f"\nprojection for {articles:,} articles at {per_core:.2f} documents/s per worker (steady, measured here "
          "on articles like the corpus):")
    print(f"  {core_hours:,.0f} core-hours; e.g. {core_hours / 64:,.1f} h on 64 cores, "
          f"{core_hours / 256:,.1f} h on 256 cores, {core_hours / 1024:,.1f} h on 1024 cores; "
          f"{core_hours / 24:,.0f} cores to finish in a day")
    worst_rss = max(row.peak_rss_mib for row in table.values())
    print(f"  memory: about {worst_rss:.0f} MiB per worker (peak measured), so ~{worst_rss * 64 / 1024:.0f} GiB "
          "for 64 workers")


# --- main ---------------------------------------------------------------------------------------------------


def child(engine: str, workers: str, corpus: str, out: str) -> None:
    run = run_plain(Path(corpus)) if engine == "plain" else run_engine(engine, int(workers), Path(corpus), Path(out))
    print(json.dumps(asdict(run)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, nargs="+")
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--files", type=int, default=12)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--engines", default="plain,local,ray", help="plain runs once a round, on one worker")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the table gives their medians")
    parser.add_argument("--articles", type=int, default=10_000_000)
    parser.add_argument("--child", nargs=4, metavar=("ENGINE", "WORKERS", "CORPUS", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    engines = [e for e in args.engines.split(",") if e not in ("ray", RAY_CLUSTER) or has_ray()]
    configs = [(e, int(w)) for e in engines if e != "plain" for w in args.workers.split(",")]
    configs = [("plain", 1)] * ("plain" in engines) + configs
    source, texts = load_texts(args.data)
    words = sum(len(texts[i % len(texts)].split()) for i in range(args.docs))
    print(f"corpus: {args.docs} documents ({min(args.docs, len(texts))} distinct, {words / args.docs:.0f} words on "
          f"average) from {source}, in {args.files} JSONL files; {os.cpu_count()} CPUs; {args.repeat} rounds",
          file=sys.stderr)
    rounds: Rounds = {config: [] for config in configs}
    cluster = running_ray(max(w for _, w in configs)) if RAY_CLUSTER in engines else nullcontext()
    with tempfile.TemporaryDirectory(prefix="quotetrace-scale-") as folder, cluster:
        scratch = Path(folder)
        corpus = write_corpus(texts, args.docs, args.files, scratch / "corpus")
        one = write_corpus(texts, 1, 1, scratch / "one")
        for round_, engine, workers in schedule(configs, args.repeat):
            pair = Pair(engine, workers, measure(engine, workers, corpus, scratch),
                        measure(engine, workers, one, scratch))
            rounds[(engine, workers)].append(pair)
            print(f"  round {round_ + 1}: {pair.label} x{workers}: {pair.corpus.seconds:.1f} s, steady "
                  f"{pair.corpus.steady_docs_per_s:.2f} docs/s, start-up {pair.startup_s:.1f} s (ray.init "
                  f"{pair.one.ray_init_s:.1f} s), first back at {pair.corpus.stamps[0][0]:.1f} s, "
                  f"CPU {pair.corpus.cpu_s:.0f} s", file=sys.stderr, flush=True)
    report(rounds, args.docs, args.articles)


if __name__ == "__main__":
    main()
