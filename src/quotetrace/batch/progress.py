"""Progress of a batch on stderr (a terminal only): records done, records/s, errors, inputs, ETA.

The ETA is by bytes of input finished, since the number of records in a JSONL or WARC file is not known
before it is read.
"""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.live import Live
from rich.text import Text


class BatchProgress:
    """Use as a context manager; ``record`` after each record, ``input_done`` after each input."""

    def __init__(self, enabled: bool, *, inputs: int, total_bytes: int) -> None:
        console = Console(stderr=True)
        self._live = Live(console=console, refresh_per_second=4, transient=False) if (
            enabled and console.is_terminal
        ) else None
        self.inputs, self.total_bytes = inputs, total_bytes
        self.records = self.errors = self.inputs_done = self.bytes_done = 0
        self._started = time.perf_counter()

    def record(self, *, errors: int = 0) -> None:
        self.records += 1
        self.errors += errors
        self._refresh()

    def input_done(self, size: int) -> None:
        self.inputs_done += 1
        self.bytes_done += size
        self._refresh()

    def line(self) -> str:
        elapsed = time.perf_counter() - self._started
        rate = self.records / elapsed if elapsed > 0 else 0.0
        eta = "?"
        if 0 < self.bytes_done < self.total_bytes:
            eta = _duration(elapsed * (self.total_bytes - self.bytes_done) / self.bytes_done)
        elif self.total_bytes and self.bytes_done >= self.total_bytes:
            eta = "0s"
        return (
            f"records {self.records}  {rate:.1f}/s  errors {self.errors}  "
            f"inputs {self.inputs_done}/{self.inputs}  elapsed {_duration(elapsed)}  ETA {eta}"
        )

    def _refresh(self) -> None:
        if self._live is not None:
            self._live.update(Text(self.line()))

    def __enter__(self) -> BatchProgress:
        if self._live is not None:
            self._live.start()
            self._refresh()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._live is not None:
            self._refresh()
            self._live.stop()


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}h{minutes:02d}m" if hours else (f"{minutes}m{secs:02d}s" if minutes else f"{secs}s")
