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

from quotetrace.batch.core import ENGINES, BatchError, BatchSummary, run_batch
from quotetrace.batch.load import LoadSummary, load_batch

__all__ = ["ENGINES", "BatchError", "BatchSummary", "LoadSummary", "load_batch", "run_batch"]
