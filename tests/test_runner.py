"""The runner: order, failures as Skips, streaming, and the process pool (with a fake, fast ``process``)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from quotetrace import pipeline, runner
from quotetrace.model import Document, RawDocument, Skip
from quotetrace.settings import DEFAULT_SETTINGS, Settings


def fake_process(
    raw: RawDocument, settings: Settings = DEFAULT_SETTINGS
) -> tuple[Document | None, list[Skip]]:
    """Module level, so that worker processes can unpickle it; fails on ``boom``, dies on ``die``."""
    if raw.source == "boom":
        raise RuntimeError("the parser exploded\nwith a second line")
    if raw.source == "die":
        os._exit(3)
    notes = [Skip(raw.source, note, fatal=False) for note in raw.notes]
    return Document(id=raw.id, doc_id=raw.id, source=raw.source, text=raw.text or ""), notes


def raws(*sources: str) -> list[RawDocument | Skip]:
    return [RawDocument(id=f"{i}", source=source, text=f"text {i}") for i, source in enumerate(sources)]


def sources(results: list[tuple[Document | None, list[Skip]]]) -> list[str]:
    return [doc.source if doc else "skip:" + skips[-1].source for doc, skips in results]


@pytest.mark.parametrize("jobs", [1, 2])
def test_runner_failure_becomes_skip_and_order_is_kept(jobs: int) -> None:
    inputs = [*raws("a", "b", "boom", "c"), Skip("bad.bin", "[E002] binary data, not text"), *raws("d", "e")]
    results = list(runner.run(inputs, jobs=jobs, progress=False, process_fn=fake_process))
    assert sources(results) == ["a", "b", "skip:boom", "c", "skip:bad.bin", "d", "e"]
    (failed,) = results[2][1]
    assert failed.fatal
    assert failed.reason == "[E013] extraction failed: RuntimeError: the parser exploded"
    assert results[4] == (None, [inputs[4]])


@pytest.mark.parametrize("jobs", [1, 2])
def test_runner_many_documents_in_order(jobs: int) -> None:
    inputs = raws(*(f"doc{i}" for i in range(50)))
    results = list(runner.run(inputs, jobs=jobs, progress=False, process_fn=fake_process))
    assert sources(results) == [f"doc{i}" for i in range(50)]


def test_runner_non_fatal_notes_come_with_the_document() -> None:
    raw = RawDocument(id="1", source="latin1.txt", text="x", notes=["[W004] not UTF-8; decoded as cp1252"])
    ((doc, skips),) = runner.run([raw], jobs=1, progress=False, process_fn=fake_process)
    assert doc is not None
    assert skips == [Skip("latin1.txt", "[W004] not UTF-8; decoded as cp1252", fatal=False)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_runner_streams_with_a_bounded_window(jobs: int) -> None:
    consumed = 0

    def endless() -> Iterator[RawDocument]:
        nonlocal consumed
        while True:
            consumed += 1
            yield RawDocument(id=str(consumed), source=f"doc{consumed}", text="x")

    results = runner.run(endless(), jobs=jobs, progress=False, process_fn=fake_process)
    first = next(results)
    assert first[0] is not None and first[0].source == "doc1"
    results.close()  # shuts the pool down
    assert consumed <= jobs * runner.WINDOW_PER_JOB * runner.CHUNKSIZE + runner.CHUNKSIZE


def test_runner_monkeypatched_pipeline_process_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "process", fake_process)
    results = list(runner.run(raws("a", "boom"), jobs=1, progress=False))
    assert sources(results) == ["a", "skip:boom"]


def test_runner_dead_worker_fails_its_documents_and_the_rest_go_on() -> None:
    names = [f"doc{i}" for i in range(16)]
    names[5] = "die"
    results = list(runner.run(raws(*names), jobs=2, progress=False, process_fn=fake_process))
    assert len(results) == 16
    assert results[5][0] is None
    assert "worker process died" in results[5][1][0].reason
    # chunks after the one that kills its worker are resubmitted to a fresh pool, not blamed
    assert sources(results)[8:] == names[8:]
    for i, (doc, skips) in enumerate(results):
        assert (doc is not None and doc.id == str(i)) or (doc is None and skips[0].source == names[i])


def test_runner_progress_on_non_terminal_stderr_is_silent(capsys: pytest.CaptureFixture[str]) -> None:
    results = list(runner.run(raws("a", "b"), jobs=1, progress=True, process_fn=fake_process))
    assert len(results) == 2
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""
