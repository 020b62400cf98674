"""``--engine local``: the runner's process pool (``runner.run``), nothing beyond the base install.

Inputs are read in this process, in order, and their records stream through the pool in a bounded window;
results come back in input order, so each one's input is the next tag of a queue kept alongside.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence

from quotetrace import runner
from quotetrace.batch.core import Captured, Event, InputRead, Processed, cpu_count
from quotetrace.batch.inputs import InputFile, read_records
from quotetrace.model import Capture, RawDocument, Skip
from quotetrace.runner import ProcessFn
from quotetrace.settings import Settings


def run_local(
    files: Sequence[InputFile], settings: Settings, workers: int, process_fn: ProcessFn | None
) -> Iterator[Event]:
    # One entry per record sent to the pool (its input key), with the events due after it in between.
    tags: deque[str | Event] = deque()

    def records() -> Iterator[RawDocument | Skip]:
        for file in files:
            items = 0
            for item in read_records(file):
                items += 1
                if isinstance(item, Capture):  # nothing to extract: straight to the output
                    tags.append(Captured(file.key, item))
                    continue
                tags.append(file.key)
                yield item
            tags.append(InputRead(file.key, items))

    def due() -> Iterator[Event]:
        while tags and not isinstance(tags[0], str):
            event = tags.popleft()
            assert not isinstance(event, str)
            yield event

    jobs = workers or cpu_count()
    for result in runner.run(records(), settings, jobs, progress=False, process_fn=process_fn):
        yield from due()
        key = tags.popleft()
        assert isinstance(key, str)
        yield Processed(key, result)
        yield from due()
    yield from due()
