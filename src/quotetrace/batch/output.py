"""The output folder of a batch, on any filesystem pyarrow understands: part files and the manifest.

``manifest.jsonl`` has one line per input finished (its path, size and modification time, and counts); a
re-run skips the inputs whose path, size and time it lists. An input that did not finish (the run stopped,
or a worker died on it) is not listed: its part files are deleted and it is read again from the start.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from quotetrace.batch.inputs import InputFile, is_uri
from quotetrace.batch.schema import DATASETS

MANIFEST = "manifest.jsonl"


def part_name(key: str, chunk: int) -> str:
    return f"part-{key}-{chunk:05d}.parquet"


def part_key(name: str) -> str | None:
    """The input key of a part file's name, or None for any other file."""
    stem = name.removesuffix(".parquet")
    if not name.endswith(".parquet") or not stem.startswith("part-"):
        return None
    return stem.removeprefix("part-").rpartition("-")[0] or None


class OutputDir:
    """DIR and its datasets; ``uri`` is a local path or a URI (``s3://bucket/run``)."""

    def __init__(self, uri: str) -> None:
        self.uri = uri
        if is_uri(uri):
            self.filesystem, self.root = pafs.FileSystem.from_uri(uri)
        else:
            self.filesystem, self.root = pafs.LocalFileSystem(), uri
        self.root = self.root.rstrip("/") or "/"
        self._local = isinstance(self.filesystem, pafs.LocalFileSystem)
        self._manifest_lines: list[str] | None = None

    def path(self, *parts: str) -> str:
        return "/".join((self.root, *parts))

    def create(self) -> None:
        for name in DATASETS:
            self.filesystem.create_dir(self.path(name), recursive=True)

    def exists(self, *parts: str) -> bool:
        return bool(self.filesystem.get_file_info(self.path(*parts)).type != pafs.FileType.NotFound)

    # -- parts -------------------------------------------------------------------------------------------

    def write_part(self, dataset: str, name: str, table: pa.Table) -> None:
        pq.write_table(table, self.path(dataset, name), filesystem=self.filesystem)

    def parts(self, dataset: str) -> list[str]:
        """Names of the part files of ``dataset``, sorted."""
        selector = pafs.FileSelector(self.path(dataset), allow_not_found=True)
        infos = self.filesystem.get_file_info(selector)
        return sorted(info.base_name for info in infos if part_key(info.base_name) is not None)

    def read_part(self, dataset: str, name: str) -> pa.Table | None:
        path = self.path(dataset, name)
        if self.filesystem.get_file_info(path).type != pafs.FileType.File:
            return None
        return pq.read_table(path, filesystem=self.filesystem)

    def delete_parts(self, keys: Iterable[str]) -> None:
        """Remove what an unfinished earlier run wrote for these inputs."""
        wanted = set(keys)
        for dataset in DATASETS:
            for name in self.parts(dataset):
                if part_key(name) in wanted:
                    self.filesystem.delete_file(self.path(dataset, name))

    # -- manifest ----------------------------------------------------------------------------------------

    def done(self) -> set[tuple[str, int, int]]:
        """(path, size, mtime) of every input the manifest lists as finished."""
        done = set()
        for entry in self._read_manifest():
            done.add((str(entry["input"]), int(entry["size"]), int(entry["mtime_ns"])))
        return done

    def mark_done(self, file: InputFile, counts: dict[str, int]) -> None:
        entry: dict[str, Any] = {
            "input": file.uri, "size": file.size, "mtime_ns": file.mtime_ns, "key": file.key, **counts,
            "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        if self._local:
            with open(self.path(MANIFEST), "a", encoding="utf-8") as handle:
                handle.write(line)
            return
        # Object stores cannot append: rewrite the (small) manifest whole.
        if self._manifest_lines is None:
            self._manifest_lines = [json.dumps(e, ensure_ascii=False) + "\n" for e in self._read_manifest()]
        self._manifest_lines.append(line)
        with self.filesystem.open_output_stream(self.path(MANIFEST)) as stream:
            stream.write("".join(self._manifest_lines).encode("utf-8"))

    def _read_manifest(self) -> list[dict[str, Any]]:
        path = self.path(MANIFEST)
        if self.filesystem.get_file_info(path).type != pafs.FileType.File:
            return []
        with self.filesystem.open_input_stream(path) as stream:
            text = stream.read().decode("utf-8")
        entries = []
        for line in text.splitlines():
            try:
                entries.append(json.loads(line))
            except json.JSONDecodeError:
                continue  # a line cut short when a run was killed while writing it: that input is redone
        return entries
