"""The ``quotetrace`` command: thin wrappers over the library, one function a subcommand.

Data goes to stdout; every Skip goes to stderr as one line ``quotetrace: SOURCE: REASON``. Exit status: 0
when nothing fatal was skipped, 1 when an input (or the database) failed while the rest went on, 2 for
usage errors (including a --db that is missing or not a quotetrace database).
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from quotetrace import __version__, ingest, runner
from quotetrace.model import Document, Skip
from quotetrace.output import DocumentWriter, Format, skip_line, write_quote_rows, write_speakers
from quotetrace.settings import DEFAULT_SETTINGS
from quotetrace.store import Store, StoreError

app = typer.Typer(
    name="quotetrace",
    help="Who said what, where it first appeared, and where it echoed.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)


class Kind(StrEnum):
    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"


Paths = Annotated[
    list[str], typer.Argument(metavar="PATH...", help="Files or folders (.txt, .html, .htm, .jsonl).")
]
Jobs = Annotated[
    int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes (default: one per CPU).")
]
NoProgress = Annotated[bool, typer.Option("--no-progress", help="Do not show a progress bar.")]
Db = Annotated[Path, typer.Option("--db", help="The SQLite database file.", dir_okay=False)]
Limit = Annotated[int, typer.Option("--limit", "-n", min=0, help="At most this many rows.")]


_DATE = re.compile(r"\d{4}(-\d{2})?")


def _iso_date(value: str | None) -> str | None:
    """Accept 2024, 2024-03, 2024-03-01 or an ISO date-time; compared as text with published_at."""
    if value is None:
        return None
    value = value.strip()
    if _DATE.fullmatch(value):
        return value
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO date (e.g. 2024-03-01)") from None
    return value


def _error(message: str, code: int) -> NoReturn:
    print(f"quotetrace: {message}", file=sys.stderr)
    raise typer.Exit(code)


def _report(skips: Iterable[Skip]) -> bool:
    """Print each Skip on stderr; True when any of them was fatal."""
    fatal = False
    for skip in skips:
        print(skip_line(skip), file=sys.stderr, flush=True)
        fatal = fatal or skip.fatal
    return fatal


@contextmanager
def _open_store(db: Path, *, create: bool) -> Iterator[Store]:
    try:
        store = Store(db, create=create)
    except StoreError as error:
        _error(str(error), 2)
    try:
        with store:
            yield store
    except sqlite3.Error as error:
        _error(f"{db}: database error ({error})", 1)


@contextmanager
def _stdout_closed_ok() -> Iterator[None]:
    """``quotetrace ... | head`` closing the pipe early is not an error."""
    try:
        yield
    except BrokenPipeError:
        # Python would complain again when flushing stdout at exit; point it at /dev/null first.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(0) from None


def _documents(
    paths: list[str], jobs: int | None, no_progress: bool, min_confidence: float = 0.0
) -> Iterator[tuple[Document | None, list[Skip]]]:
    settings = replace(DEFAULT_SETTINGS, min_confidence=min_confidence)
    return runner.run(ingest.read_inputs(paths), settings, jobs, progress=not no_progress)


@app.command()
def extract(
    paths: Paths,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.jsonl,
    jobs: Jobs = None,
    no_progress: NoProgress = False,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Drop quotes below this confidence.")
    ] = 0.0,
) -> None:
    """Extract quotes from articles and print them (one JSON line per document by default)."""
    fatal = False
    with _stdout_closed_ok(), DocumentWriter(fmt, sys.stdout) as writer:
        for doc, skips in _documents(paths, jobs, no_progress, min_confidence):
            fatal = _report(skips) or fatal
            if doc is not None:
                writer.write(doc)
    raise typer.Exit(1 if fatal else 0)


@app.command("ingest")
def ingest_command(paths: Paths, db: Db, jobs: Jobs = None, no_progress: NoProgress = False) -> None:
    """Extract quotes from articles and store them in a database (created when missing)."""
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    quotes = skipped = 0
    fatal = False
    with _open_store(db, create=True) as store:
        for doc, skips in _documents(paths, jobs, no_progress):
            fatal = _report(skips) or fatal
            skipped += doc is None
            if doc is not None:
                result = store.upsert_document(doc)
                counts[result] += 1
                quotes += len(doc.quotes) if result != "unchanged" else 0
    print(
        f"quotetrace: {sum(counts.values())} documents ({counts['inserted']} inserted, {counts['updated']} "
        f"updated, {counts['unchanged']} unchanged), {quotes} quotes stored, {skipped} skipped",
        file=sys.stderr,
    )
    raise typer.Exit(1 if fatal else 0)


@app.command()
def quotes(
    db: Db,
    speaker: Annotated[str | None, typer.Option(help="Speaker name or mention contains this.")] = None,
    search: Annotated[str | None, typer.Option(help="Quote contains all these words.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Published by this outlet (e.g. bbc.co.uk).")] = None,
    since: Annotated[
        str | None, typer.Option(callback=_iso_date, help="Published on or after (ISO date).")
    ] = None,
    until: Annotated[
        str | None, typer.Option(callback=_iso_date, help="Published on or before (ISO date).")
    ] = None,
    kind: Annotated[Kind | None, typer.Option(help="Only quotes of this kind.")] = None,
    limit: Limit = 100,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many rows first.")] = 0,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Search the stored quotes."""
    with _open_store(db, create=False) as store:
        rows = store.query_quotes(
            speaker=speaker, search=search, outlet=outlet, since=since, until=until,
            kind=kind.value if kind else None, limit=limit, offset=offset,
        )
    with _stdout_closed_ok():
        write_quote_rows(rows, fmt, sys.stdout)


@app.command()
def speakers(
    db: Db,
    limit: Limit = 100,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """List speakers with their numbers of quotes and documents, most quoted first."""
    with _open_store(db, create=False) as store:
        counts = store.speaker_counts(limit=limit)
    with _stdout_closed_ok():
        write_speakers(counts, fmt, sys.stdout)


@app.command()
def version() -> None:
    """Print the version."""
    print(f"quotetrace {__version__}")
