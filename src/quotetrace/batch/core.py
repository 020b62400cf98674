"""The engine-independent part of a batch: inputs → records → ``pipeline.process`` → Parquet rows.

An engine (``local.py``, ``ray_engine.py``) reads the inputs and runs ``runner.process_one`` on each record
wherever it likes, in any order, and streams back events tagged with the input they came from. The
``Collector`` here turns them into part files per input and, once every record of an input is back, adds
the input to the manifest. What an engine loses (a worker that died with a batch) is simply missing at the
end: those inputs are reported in ``errors/`` and left out of the manifest, so a re-run does them again.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from quotetrace import runner
from quotetrace.batch.inputs import InputFile, discover
from quotetrace.batch.output import OutputDir, part_name
from quotetrace.batch.progress import BatchProgress
from quotetrace.batch.schema import CAPTURES, ERRORS, Rows, capture_row, document_rows, error_row
from quotetrace.errors import E
from quotetrace.model import Capture, RawDocument, Skip
from quotetrace.runner import ProcessFn, Result
from quotetrace.settings import DEFAULT_SETTINGS, Settings

Item = RawDocument | Skip | Capture

# Rows (documents and errors) of one input kept before they are written as one part: bounds memory for
# inputs of any size while keeping part files large enough for Parquet readers.
PART_ROWS = 1000
ENGINES = ("local", "ray")

# Messages that come from the per-document stages rather than from reading the input.
_PROCESS_CODES = tuple(code.value.split("]")[0] + "]" for code in (E.FAILED, E.NO_MAIN_TEXT, E.TOO_LARGE,
                                                                   E.UNCLOSED_QUOTE))


class BatchError(Exception):
    """A batch cannot start (no such engine, Ray missing, unusable output); ``str()`` is a one-line message."""


@dataclass(frozen=True, slots=True)
class Processed:
    key: str  # the InputFile's key
    result: Result


@dataclass(frozen=True, slots=True)
class Captured:
    key: str
    capture: Capture


@dataclass(frozen=True, slots=True)
class InputRead:
    """Every item of the input has been read: ``items`` Processed and Captured events belong to it."""

    key: str
    items: int


Event = Processed | Captured | InputRead
# (files, settings, workers (0: the engine's default), process_fn) -> events
Engine = Callable[[Sequence[InputFile], Settings, int, ProcessFn | None], Iterator[Event]]


@dataclass(slots=True)
class BatchSummary:
    inputs: int = 0  # found by the paths given
    already_done: int = 0  # listed in the manifest, skipped
    finished: int = 0
    unfinished: int = 0  # a worker died on them: re-run to retry
    records: int = 0
    documents: int = 0
    quotes: int = 0
    errors: int = 0  # fatal: the record is not in documents/
    warnings: int = 0
    seconds: float = 0.0
    missing: list[Skip] = field(default_factory=list)  # paths that named no file

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        return (
            f"{self.finished} inputs done ({self.already_done} already done, {self.unfinished} unfinished), "
            f"{self.records} records, {self.documents} documents, {self.quotes} quotes, {self.errors} errors, "
            f"{self.warnings} warnings in {self.seconds:.1f} s ({self.docs_per_s:.1f} documents/s)"
        )


def run_batch(
    paths: Sequence[str],
    out: str,
    *,
    engine: str = "local",
    workers: int | None = None,
    address: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    progress: bool = True,
    process_fn: ProcessFn | None = None,
) -> BatchSummary:
    """Process the inputs named by ``paths`` into Parquet datasets under ``out``, skipping those already done.

    ``workers``: processes (local) or actors (Ray); default one per CPU (of the Ray cluster). ``address``: a Ray
    cluster to join (default: start a local one). ``process_fn`` replaces ``pipeline.process`` (tests).
    """
    run_engine = _engine(engine, address)
    started = time.perf_counter()
    files, missing = discover(paths)
    output = OutputDir(out)
    try:
        output.create()
        done = output.done()
    except OSError as error:
        raise BatchError(f"{out}: cannot use as output folder ({error})") from None
    pending = [file for file in files if (file.uri, file.size, file.mtime_ns) not in done]
    output.delete_parts(file.key for file in pending)
    summary = BatchSummary(inputs=len(files), already_done=len(files) - len(pending), missing=missing)
    with BatchProgress(progress, inputs=len(pending), total_bytes=sum(f.size for f in pending)) as bar:
        collector = Collector(output, pending, summary, bar)
        if pending:
            for event in run_engine(pending, settings, workers or 0, process_fn):
                collector.add(event)
        collector.finish()
    summary.seconds = time.perf_counter() - started
    return summary


def _engine(name: str, address: str | None) -> Engine:
    if name == "local":
        from quotetrace.batch.local import run_local

        return run_local
    if name == "ray":
        from quotetrace.batch.ray_engine import ray_engine

        return ray_engine(address)
    raise BatchError(f"no engine {name!r} (expected one of: {', '.join(ENGINES)})")


def cpu_count() -> int:
    """CPUs this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def stage_of(skip: Skip) -> str:
    """Where a record was lost or warned about: ``read``, ``process`` or ``worker``."""
    if runner.WORKER_DIED in skip.reason:
        return "worker"
    return "process" if skip.reason.startswith(_PROCESS_CODES) else "read"


@dataclass(slots=True)
class _InputState:
    file: InputFile
    rows: Rows = field(default_factory=Rows)
    chunk: int = 0
    received: int = 0
    expected: int | None = None
    lost: bool = False  # a worker died with some of its records
    documents: int = 0
    errors: int = 0


class Collector:
    """Gathers an engine's events into part files, input by input, and keeps the manifest."""

    def __init__(self, output: OutputDir, files: Sequence[InputFile], summary: BatchSummary,
                 progress: BatchProgress) -> None:
        self.output = output
        self.summary = summary
        self.progress = progress
        self._states = {file.key: _InputState(file) for file in files}

    def add(self, event: Event) -> None:
        state = self._states.get(event.key)
        if state is None:  # an engine repeating an input it already finished: ignore the repeat
            return
        if isinstance(event, InputRead):
            state.expected = event.items
        elif isinstance(event, Captured):
            state.received += 1
            state.rows.tables[CAPTURES].append(capture_row(event.capture))
        else:
            state.received += 1
            self._add_result(state, event.result)
        if len(state.rows) >= PART_ROWS:
            self._flush(state)
        if state.expected is not None and state.received >= state.expected:
            self._finish(state)

    def _add_result(self, state: _InputState, result: Result) -> None:
        doc, skips = result
        self.summary.records += 1
        errors = 0
        for skip in skips:
            stage = stage_of(skip)
            state.lost = state.lost or stage == "worker"
            state.rows.tables[ERRORS].append(error_row(state.file.uri, skip, stage))
            errors += skip.fatal
            self.summary.errors += skip.fatal
            self.summary.warnings += not skip.fatal
        state.errors += errors
        if doc is not None:
            state.rows.extend(document_rows(doc, state.file.uri))
            state.documents += 1
            self.summary.documents += 1
            self.summary.quotes += len(doc.quotes)
        self.progress.record(errors=errors)

    def _flush(self, state: _InputState) -> None:
        for dataset, table in state.rows.to_tables().items():
            self.output.write_part(dataset, part_name(state.file.key, state.chunk), table)
        state.rows = Rows()
        state.chunk += 1

    def _finish(self, state: _InputState) -> None:
        self._flush(state)
        del self._states[state.file.key]
        if state.lost:
            self.summary.unfinished += 1
        else:
            counts = {"records": state.received, "documents": state.documents, "errors": state.errors}
            self.output.mark_done(state.file, counts)
            self.summary.finished += 1
        self.progress.input_done(state.file.size)

    def finish(self) -> None:
        """Inputs the engine did not bring back whole: what arrived is written; the rest is an error."""
        for state in list(self._states.values()):
            got = f"{state.received} of {state.expected}" if state.expected is not None else f"{state.received}"
            skip = Skip(state.file.uri, E.BATCH_LOST.format(received=got))
            state.rows.tables[ERRORS].append(error_row(state.file.uri, skip, "worker"))
            self.summary.errors += 1
            state.lost = True
            self._finish(state)


