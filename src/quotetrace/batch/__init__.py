"""Batch extraction at scale: the per-document pipeline over many inputs, on a process pool or on Ray Data,
into Parquet datasets (``schema.py``) that ``quotetrace load``, DuckDB or Spark read.

| module | job |
|---|---|
| ``schema.py`` | the datasets' Arrow schemas; Documents to rows and back |
| ``inputs.py`` | finding input files (paths, globs, URIs) and reading their records |
| ``output.py`` | the output folder: part files and the manifest of finished inputs |
| ``core.py`` | ``run_batch``: engine-independent flow, from events to parts |
| ``local.py``, ``ray_engine.py`` | the engines |
| ``progress.py`` | records, rate, errors and ETA on stderr |
| ``load.py`` | Parquet datasets into the store |
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quotetrace.batch.core import ENGINES, BatchError, BatchSummary, run_batch
    from quotetrace.batch.load import LoadSummary, load_batch

__all__ = ["ENGINES", "BatchError", "BatchSummary", "LoadSummary", "load_batch", "run_batch"]

# Imported on first use: every Ray worker imports this package to reach ray_engine, and load.py pulls in the
# store and link (numpy indexes, scipy), a second of start-up in each worker process that never loads anything.
_LAZY = {"ENGINES": "core", "BatchError": "core", "BatchSummary": "core", "run_batch": "core",
         "LoadSummary": "load", "load_batch": "load"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)
