"""Readers, one per input format. ``read_inputs`` walks paths and yields RawDocuments or Skips."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from quotetrace.model import RawDocument, Skip


def read_inputs(paths: Sequence[str]) -> Iterator[RawDocument | Skip]:  # pragma: no cover - helper fills in
    raise NotImplementedError
