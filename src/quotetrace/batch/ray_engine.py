"""``--engine ray``: Ray Data runs the same per-document code on an actor pool (the extra ``quotetrace[ray]``).

The dataset starts from the list of input files; a ``flat_map`` reads each file into records, and
``map_batches`` with a callable class (``Extractor``) runs ``runner.process_one`` on them in a fixed pool
of actors, each of which loads spaCy once. Records travel pickled in one binary column, so the Arrow
schema never depends on which fields a record has. Results stream back to this process, where the
Collector writes the Parquet parts and the manifest (that is what makes a re-run exact per input).

A worker that dies is restarted and its batch retried (``MAX_TASK_RETRIES``); a batch that keeps killing
its worker is dropped (Ray Data's ``max_errored_blocks``), and its input is reported and left unfinished.
"""

from __future__ import annotations

import logging
import pickle
import warnings
from collections.abc import Iterator, Sequence
from typing import Any

from quotetrace import runner
from quotetrace.batch.core import BatchError, Captured, Engine, Event, InputRead, Processed, cpu_count
from quotetrace.batch.inputs import InputFile, read_records
from quotetrace.model import Capture
from quotetrace.runner import ProcessFn
from quotetrace.settings import Settings

# Records per batch sent to an actor: a lost batch costs at most this many; larger batches buy nothing,
# since one record takes tens of milliseconds to parse.
BATCH_SIZE = 8
# The size at which Ray Data cuts a block of records (see run_ray).
BLOCK_BYTES = 64 * 1024
# Actors fed by one reading task. Reading only parses records (the actors do the rest), so one reader keeps
# many actors busy, while each reader is a process of its own that imports quotetrace (spaCy included, ~2 s
# of CPU): on a small machine a second one only slows the actors' start. The count bounds the readers, as
# they ask for no CPU.
ACTORS_PER_READER = 8
# Retries of a batch whose actor died; past them the batch is dropped and reported.
MAX_TASK_RETRIES = 2
# Kinds of rows in the dataset.
_RECORD, _CAPTURE, _END = "record", "capture", "end"
INSTALL_HINT = "--engine ray needs Ray: pip install 'quotetrace[ray]'"


def ray_engine(address: str | None) -> Engine:
    """The Ray engine, joining the cluster at ``address`` (default: a local Ray on this machine)."""
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise BatchError(INSTALL_HINT) from None

    def run(
        files: Sequence[InputFile], settings: Settings, workers: int, process_fn: ProcessFn | None
    ) -> Iterator[Event]:
        return run_ray(files, settings, workers, process_fn, address=address)

    return run


def run_ray(
    files: Sequence[InputFile],
    settings: Settings,
    workers: int,
    process_fn: ProcessFn | None,
    *,
    address: str | None = None,
) -> Iterator[Event]:
    import ray

    started_here = _start_ray(address, workers)
    try:
        api: Any = ray  # typed or not, depending on whether the extra is installed where mypy runs
        resources: dict[str, float] = api.cluster_resources()
        workers = workers or max(1, int(resources.get("CPU", 1)))
        _configure_ray_data()
        dataset = _dataset(files, settings, workers, process_fn)
        for batch in dataset.iter_batches(batch_format="pyarrow", batch_size=None):
            for key, kind, payload in zip(*(batch.column(c).to_pylist() for c in ("key", "kind", "payload")),
                                          strict=True):
                yield _event(key, kind, payload)
    finally:
        if started_here:
            ray.shutdown()


def _start_ray(address: str | None, workers: int) -> bool:
    """Joins the cluster at ``address``, or starts a local Ray, unless Ray is running here already (tests,
    notebooks); True when this call started it, so that the run stops it."""
    import ray

    if ray.is_initialized():
        return False
    options: dict[str, Any] = {"address": address} if address else {"num_cpus": workers or cpu_count()}
    # No dashboard: a web server and its agents that compete with the actors for the CPUs while they start.
    ray.init(**options, include_dashboard=False, logging_level=logging.ERROR, log_to_driver=False)
    return True


def _configure_ray_data() -> None:
    import ray.data

    logging.getLogger("ray.data").setLevel(logging.WARNING)  # not a line per dataset started and finished
    # Nor "progress bars disabled": they are, on purpose.
    logging.getLogger("ray.data._internal.progress").setLevel(logging.ERROR)
    context = ray.data.DataContext.get_current()
    context.max_errored_blocks = -1  # a batch that failed for good is reported, not fatal to the run
    context.enable_progress_bars = False  # ours is on stderr already
    context.print_on_execution_start = False
    # Blocks, not batches, are what a task takes: small blocks spread one large input (a WARC file) over the
    # actors, and bound what a crash loses. Records are a few KiB to a few hundred.
    context.target_max_block_size = BLOCK_BYTES


def _dataset(files: Sequence[InputFile], settings: Settings, workers: int, process_fn: ProcessFn | None) -> Any:
    """Input files → records (``_read_file``) → results (``Extractor`` on ``workers`` actors)."""
    import ray.data

    dataset: Any = ray.data.from_items(
        [{"uri": f.uri, "size": f.size, "mtime_ns": f.mtime_ns} for f in files],
        override_num_blocks=max(1, len(files)),
    )
    # Reading is mostly waiting on storage: it must not wait for a CPU that the actors hold (a deadlock when
    # they hold them all), so it asks for none, and a small fixed pool of tasks bounds the processes.
    readers = ray.data.TaskPoolStrategy(size=reader_count(workers, len(files)))
    dataset = dataset.flat_map(_read_file, num_cpus=0, compute=readers)
    with warnings.catch_warnings():
        # Retries of an actor's tasks have no named parameter yet (Ray 2.60): ray_remote_args it is.
        warnings.simplefilter("ignore", DeprecationWarning)
        return dataset.map_batches(
            Extractor,
            # Sent once per actor, not with each batch.
            fn_constructor_args=(settings, process_fn),
            batch_size=BATCH_SIZE,
            batch_format="pyarrow",
            # A fixed pool: every actor starts (and loads spaCy) at once, while the first files are read.
            compute=ray.data.ActorPoolStrategy(size=workers),
            num_cpus=1,
            max_task_retries=MAX_TASK_RETRIES,
        )


def reader_count(workers: int, files: int) -> int:
    """Reading tasks at a time for ``workers`` actors over ``files`` inputs."""
    return max(1, min(files, -(-workers // ACTORS_PER_READER)))


def _read_file(row: dict[str, Any]) -> list[dict[str, Any]]:
    file = InputFile(uri=row["uri"], size=row["size"], mtime_ns=row["mtime_ns"])
    rows = []
    for item in read_records(file):
        kind = _CAPTURE if isinstance(item, Capture) else _RECORD
        rows.append({"key": file.key, "kind": kind, "payload": pickle.dumps(item)})
    rows.append({"key": file.key, "kind": _END, "payload": pickle.dumps(len(rows))})
    return rows


class Extractor:
    """The actor's callable: spaCy is loaded once, in ``__init__``, then each batch is processed."""

    def __init__(self, settings: Settings, process_fn: ProcessFn | None = None) -> None:
        self.settings = settings
        self.process_fn = process_fn
        if process_fn is None:
            runner._warm_worker(settings.language)  # as the local pool's workers do; a failure shows per record

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        payloads = batch.column("payload").to_pylist()
        kinds = batch.column("kind").to_pylist()
        out = []
        for kind, payload in zip(kinds, payloads, strict=True):
            if kind != _RECORD:
                out.append(payload)
                continue
            result = runner.process_one(pickle.loads(payload), self.settings, self.process_fn)
            out.append(pickle.dumps(result))
        return pa.table({"key": batch.column("key"), "kind": batch.column("kind"),
                         "payload": pa.array(out, type=pa.binary())})


def _event(key: str, kind: str, payload: bytes) -> Event:
    value = pickle.loads(payload)
    if kind == _END:
        return InputRead(key, int(value))
    if kind == _CAPTURE:
        return Captured(key, value)
    return Processed(key, value)
