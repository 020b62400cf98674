"""The inputs of a batch: local paths, folders and globs, or URIs of any filesystem pyarrow understands.

Each input file is named, sized and dated once up front (``InputFile``), which is what the manifest keys on,
and read later, on whichever worker gets it, by the same readers as ``quotetrace extract``.
"""

from __future__ import annotations

import glob
import hashlib
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from fnmatch import fnmatchcase
from pathlib import Path

import pyarrow.fs as pafs

from quotetrace import ingest
from quotetrace.errors import E
from quotetrace.model import Capture, RawDocument, Skip

_GLOB_CHARS = frozenset("*?[")
# Copied in blocks, so that a remote file of any size goes to local disk in constant memory.
_COPY_BLOCK = 1 << 20


@dataclass(frozen=True, slots=True)
class InputFile:
    """One file to read: ``uri`` is a local path (as written or found in a folder) or a URI."""

    uri: str
    size: int
    mtime_ns: int

    @property
    def key(self) -> str:
        """Names this input's part files in every dataset; stable across runs for the same path."""
        return hashlib.sha256(self.uri.encode("utf-8")).hexdigest()[:16]

    @property
    def is_remote(self) -> bool:
        return is_uri(self.uri)


def is_uri(path: str) -> bool:
    scheme, sep, _ = path.partition("://")
    return bool(sep) and scheme.isalnum() and len(scheme) > 1


def discover(paths: Sequence[str]) -> tuple[list[InputFile], list[Skip]]:
    """Files named by ``paths`` (folders recursed, globs expanded, in sorted order), and those not found."""
    found: list[InputFile] = []
    missing: list[Skip] = []
    seen: set[str] = set()
    for given in paths:
        try:
            files = _remote_files(given) if is_uri(given) else _local_files(given)
        except OSError as error:
            missing.append(Skip(given, E.UNREADABLE.format(detail=str(error))))
            continue
        if not files:
            missing.append(Skip(given, str(E.NOT_FOUND)))
        for file in files:
            if file.uri not in seen:
                seen.add(file.uri)
                found.append(file)
    return found, missing


def is_supported(name: str) -> bool:
    lowered = name.lower()
    return any(lowered.endswith(suffix) for suffix in ingest.SUPPORTED_SUFFIXES)


def _local_files(given: str) -> list[InputFile]:
    if given == "-":
        raise OSError("standard input cannot be resumed: save it to a file first")
    if _GLOB_CHARS & set(given):
        matches = sorted(glob.glob(given, recursive=True))
        return [file for match in matches for file in _local_files(match)]
    path = Path(given)
    if path.is_dir():
        return [_stat(str(Path(root, name))) for root, name in _walk(path)]
    # A file given by name is read even with an unknown suffix: the reader then says why it is refused.
    return [_stat(given)] if path.exists() else []


def _walk(folder: Path) -> Iterator[tuple[str, str]]:
    # Sorted, hidden entries skipped: the order `quotetrace extract` reads a folder in.
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and is_supported(name):
                yield root, name


def _stat(path: str) -> InputFile:
    stat = os.stat(path)
    return InputFile(uri=path, size=stat.st_size, mtime_ns=stat.st_mtime_ns)


def _remote_files(uri: str) -> list[InputFile]:
    pattern = uri if _GLOB_CHARS & set(uri) else None
    base = uri[: min(uri.index(c) for c in _GLOB_CHARS if c in uri)].rpartition("/")[0] if pattern else uri
    filesystem, path = pafs.FileSystem.from_uri(base)
    info = filesystem.get_file_info(path)
    if info.type == pafs.FileType.NotFound:
        return []
    if info.type == pafs.FileType.File:
        infos = [info]
    else:
        infos = [
            entry for entry in filesystem.get_file_info(pafs.FileSelector(path, recursive=True))
            if entry.type == pafs.FileType.File and not entry.base_name.startswith(".")
        ]
        infos = [entry for entry in infos if (pattern is not None or is_supported(entry.base_name))]
    files = []
    for entry in sorted(infos, key=lambda entry: entry.path):
        relative = entry.path[len(path):].lstrip("/") if entry.path.startswith(path) else entry.path
        entry_uri = base.rstrip("/") + "/" + relative if relative else base
        if pattern is not None and not fnmatchcase(entry_uri, pattern):
            continue
        mtime_ns = entry.mtime_ns if entry.mtime_ns is not None else 0
        files.append(InputFile(uri=entry_uri, size=entry.size or 0, mtime_ns=mtime_ns))
    return files


def read_records(file: InputFile) -> Iterator[RawDocument | Skip | Capture]:
    """The records of one input, by the readers of ``quotetrace extract`` (a remote file via a local copy)."""
    if not file.is_remote:
        yield from ingest.read_inputs([file.uri])
        return
    with tempfile.TemporaryDirectory(prefix="quotetrace-") as folder:
        local = os.path.join(folder, file.uri.rstrip("/").rpartition("/")[2] or "input")
        try:
            filesystem, path = pafs.FileSystem.from_uri(file.uri)
            with filesystem.open_input_stream(path) as source, open(local, "wb") as target:
                while block := source.read(_COPY_BLOCK):
                    target.write(block)
        except OSError as error:
            yield Skip(file.uri, E.UNREADABLE.format(detail=str(error)))
            return
        for item in ingest.read_inputs([local]):
            yield _renamed(item, local, file.uri)


def _renamed(item: RawDocument | Skip | Capture, local: str, uri: str) -> RawDocument | Skip | Capture:
    """Sources name the remote file, not its temporary copy."""
    if not item.source.startswith(local):
        return item
    return replace(item, source=uri + item.source[len(local):])
