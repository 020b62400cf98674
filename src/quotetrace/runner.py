"""Running ``pipeline.process`` over many inputs: in-process, or in a pool of worker processes.

Results stream out in input order while at most a bounded window of documents is in flight, so a corpus
of any size runs in constant memory. One document failing becomes a Skip; the batch goes on.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager, nullcontext, suppress
from itertools import islice

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from quotetrace import pipeline
from quotetrace.errors import E
from quotetrace.model import Document, RawDocument, Skip
from quotetrace.nlp import load_pipeline
from quotetrace.settings import DEFAULT_SETTINGS, Settings

Result = tuple[Document | None, list[Skip]]
ProcessFn = Callable[[RawDocument, Settings], Result]

# Documents sent to a worker at a time: large enough to amortise pickling, small enough to keep order
# latency and memory low. The window holds WINDOW_PER_JOB chunks per worker so none of them idles.
CHUNKSIZE = 4
WINDOW_PER_JOB = 2
# How often a wait on a worker asks whether the pool broke under it.
BROKEN_POLL_SECONDS = 2.0
# The detail of the Skip for each document of a chunk lost with its worker (batch re-runs those inputs).
WORKER_DIED = "a worker process died"


def run(
    inputs: Iterable[RawDocument | Skip],
    settings: Settings = DEFAULT_SETTINGS,
    jobs: int | None = None,
    progress: bool = True,
    *,
    total: int | None = None,
    process_fn: ProcessFn | None = None,
) -> Generator[Result, None, None]:
    """``(document or None, skips)`` for each input, in input order; a Skip input passes through as is.

    ``jobs``: worker processes (default: one per CPU; 1 runs in this process). ``progress``: show a bar
    on stderr when it is a terminal. ``total``: the number of inputs, for the ETA (taken from ``inputs``
    when it has a length). ``process_fn``: replaces ``pipeline.process`` (a module-level function, so
    that worker processes can find it).
    """
    jobs = max(1, jobs if jobs is not None else (os.cpu_count() or 1))
    if total is None and isinstance(inputs, Sized):
        total = len(inputs)
    results: Generator[Result, None, None] = (
        _run_serial(inputs, settings, process_fn) if jobs == 1 else _run_pool(inputs, settings, jobs, process_fn)
    )
    try:
        with _progress_bar(progress, total) as advance:
            for result in results:
                yield result
                advance()
    finally:
        results.close()  # stops the pool now when the caller stops early, not at garbage collection


def process_one(item: RawDocument | Skip, settings: Settings, process_fn: ProcessFn | None = None) -> Result:
    """``process`` on one input, with any exception it raises turned into a fatal Skip."""
    if isinstance(item, Skip):
        return None, [item]
    fn = process_fn or pipeline.process  # looked up per call: tests and workers may replace it
    try:
        return fn(item, settings)
    except Exception as error:  # one bad document must not stop the batch
        detail = f"{type(error).__name__}: {error}".splitlines()[0]
        return None, [Skip(item.source, E.FAILED.format(detail=detail))]


def _run_serial(
    inputs: Iterable[RawDocument | Skip], settings: Settings, process_fn: ProcessFn | None
) -> Generator[Result, None, None]:
    for item in inputs:
        yield process_one(item, settings, process_fn)


def _process_chunk(
    chunk: list[RawDocument | Skip], settings: Settings, process_fn: ProcessFn | None
) -> list[Result]:
    return [process_one(item, settings, process_fn) for item in chunk]


def _warm_worker(language: str | None) -> None:
    # Load spaCy once per worker, before the first document, rather than inside the first task.
    # A failure here comes back for each document instead, as a Skip from process_one.
    if language is not None:
        with suppress(Exception):
            load_pipeline(language)


def _run_pool(
    inputs: Iterable[RawDocument | Skip], settings: Settings, jobs: int, process_fn: ProcessFn | None
) -> Generator[Result, None, None]:
    # Only the real pipeline needs spaCy in the workers; a replaced process_fn starts them bare.
    warm_language = settings.language if process_fn is None else None

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=jobs, initializer=_warm_worker, initargs=(warm_language,))

    pool = new_pool()
    window: deque[tuple[list[RawDocument | Skip], Future[list[Result]]]] = deque()
    chunks = _chunks(inputs, CHUNKSIZE)
    held: list[RawDocument | Skip] | None = None  # a chunk the broken pool refused, for the next pool
    try:
        while True:
            while len(window) < jobs * WINDOW_PER_JOB:
                chunk = held if held is not None else next(chunks, None)
                if chunk is None:
                    break
                try:
                    window.append((chunk, pool.submit(_process_chunk, chunk, settings, process_fn)))
                    held = None
                except BrokenProcessPool:
                    # a worker died while we were filling the window: the popped future below says so
                    held = chunk
                    break
            if not window:
                if held is None:
                    return
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                continue
            chunk, future = window.popleft()
            try:
                results = _result(pool, future)
            except BrokenProcessPool:
                # A worker died (killed, out of memory, crashed in native code). We cannot tell which
                # document did it: fail this chunk, restart the pool and resubmit the rest of the window.
                results = [_failed(item, WORKER_DIED) for item in chunk]
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                window = deque(
                    (pending, pool.submit(_process_chunk, pending, settings, process_fn))
                    for pending, _ in window
                )
            except Exception as error:  # e.g. a result that cannot be pickled
                results = [_failed(item, f"{type(error).__name__}: {error}") for item in chunk]
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _result(pool: ProcessPoolExecutor, future: Future[list[Result]]) -> list[Result]:
    """``future.result()``, but a chunk submitted just as a worker died can be left with a future that
    nothing will ever complete (the pool's manager failed its pending work before the chunk was queued).
    While waiting, ask the pool now and then whether it is broken, and fail the chunk if it is."""
    while True:
        try:
            return future.result(timeout=BROKEN_POLL_SECONDS)
        except FuturesTimeout:
            if _broken(pool):
                raise BrokenProcessPool("a worker process died") from None


def _broken(pool: ProcessPoolExecutor) -> bool:
    try:
        pool.submit(int).cancel()  # a broken pool refuses any work
    except RuntimeError:  # BrokenProcessPool is one, as is the refusal of a pool shut down
        return True
    return False


def _failed(item: RawDocument | Skip, detail: str) -> Result:
    if isinstance(item, Skip):
        return None, [item]
    return None, [Skip(item.source, E.FAILED.format(detail=detail))]


def _chunks(items: Iterable[RawDocument | Skip], size: int) -> Iterator[list[RawDocument | Skip]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:.1f} docs/s", style="progress.data.speed")


def _progress_bar(enabled: bool, total: int | None) -> AbstractContextManager[Callable[[], None]]:
    console = Console(stderr=True)
    if not enabled or not console.is_terminal:
        return nullcontext(_nothing)
    return _ProgressBar(console, total)


def _nothing() -> None:
    return None


class _ProgressBar(AbstractContextManager[Callable[[], None]]):
    """A rich progress bar on stderr: documents done, rate, and elapsed time (ETA when the total is known)."""

    def __init__(self, console: Console, total: int | None) -> None:
        columns: list[ProgressColumn] = [SpinnerColumn(), TextColumn("documents")]
        if total is not None:
            columns += [BarColumn(), MofNCompleteColumn()]
        else:
            columns.append(TextColumn("{task.completed}"))
        columns += [_RateColumn(), TimeElapsedColumn()]
        if total is not None:
            columns.append(TimeRemainingColumn())
        # Redirecting stdout would send our data to the bar's console (stderr) when stdout is a pipe.
        self._progress = Progress(*columns, console=console, redirect_stdout=sys.stdout.isatty())
        self._task = self._progress.add_task("documents", total=total)

    def __enter__(self) -> Callable[[], None]:
        self._progress.start()
        return self._advance

    def __exit__(self, *exc_info: object) -> None:
        self._progress.stop()

    def _advance(self) -> None:
        self._progress.advance(self._task)
