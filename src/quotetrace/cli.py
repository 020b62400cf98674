"""The ``quotetrace`` command: thin wrappers over the library, one function a subcommand.

Data goes to stdout; every Skip goes to stderr as one line ``quotetrace: SOURCE: REASON``, and so do notes about
the data (no rows matched; a --limit cut the list). Exit status: 0 when nothing fatal was skipped, 1 when an
input (or the database) failed while the rest went on, 2 for usage errors (including a --db that is missing or
not a quotetrace database). ``--db`` may be given once in ``$QUOTETRACE_DB``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal, NoReturn

import typer

from quotetrace import __version__, ingest, link, runner
from quotetrace.dates import date_filter
from quotetrace.language import SUPPORTED
from quotetrace.link import provenance
from quotetrace.model import ACT_TYPES, Capture, Document, RawDocument, Skip, chosen_act_types
from quotetrace.output import (
    DocumentWriter,
    Format,
    shorten,
    skip_line,
    write_canonical_speakers,
    write_pages,
    write_quote_rows,
    write_speaker_quotes,
    write_statements,
    write_trace,
)
from quotetrace.reach import statements as statement_reach
from quotetrace.settings import DEFAULT_SETTINGS, CueReading
from quotetrace.store import QuoteFilters, StatementFilters, Store, StoreError

app = typer.Typer(
    name="quotetrace",
    help="Who said what, where it first appeared, and where it echoed.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DB_ENV = "QUOTETRACE_DB"


def _print_version(value: bool) -> None:
    if value:
        print(f"quotetrace {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(
    version_: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                           help="Print the version and exit.")] = False,
) -> None:
    """Who said what, where it first appeared, and where it echoed."""


class Kind(StrEnum):
    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"


class StatementSortName(StrEnum):
    first_seen = "first_seen"
    last_seen = "last_seen"
    sightings = "sightings"


Paths = Annotated[
    list[str], typer.Argument(metavar="PATH...", help="Files or folders (.txt, .html, .htm, .jsonl, .warc, .warc.gz).")
]
Jobs = Annotated[
    int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes (default: one per CPU).")
]
NoProgress = Annotated[bool, typer.Option("--no-progress", help="Do not show a progress bar.")]
Db = Annotated[Path, typer.Option("--db", envvar=DB_ENV, help="The SQLite database file.", dir_okay=False)]
Limit = Annotated[int, typer.Option("--limit", "-n", min=0, help="At most this many rows (a cut is noted on stderr).")]
Offset = Annotated[int, typer.Option(min=0, help="Skip this many rows first.")]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
TypeOption = Annotated[
    list[str] | None,
    typer.Option("--type", help=f"Act type: {', '.join(ACT_TYPES)} or all; repeat for several "
                                "(default: speech and belief)."),
]


def _iso_date(value: str | None) -> str | None:
    """Accept 2024, 2024-03, 2024-03-01 or an ISO date-time; compared as text with published_at."""
    if value is None:
        return None
    try:
        return date_filter(value)
    except ValueError:
        raise typer.BadParameter(f"{value.strip()!r} is not an ISO date (e.g. 2024-03-01)") from None


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
    paths: list[str], jobs: int | None, no_progress: bool, min_confidence: float = 0.0, language: str = "auto",
    captures: list[Capture] | None = None, read_once: link.ReadOnce | None = None, cues: CueReading = "strict",
) -> Iterator[tuple[Document | None, list[Skip]]]:
    """Processed inputs; the Captures that WARC files give are put in ``captures`` (dropped when None), and a
    captured page that ``read_once`` says was read before is not read again."""
    settings = replace(DEFAULT_SETTINGS, min_confidence=min_confidence, language=language, cues=cues)
    items = ingest.read_inputs(paths) if read_once is None else ingest.read_inputs(paths, seen=read_once.seen_payload)
    return runner.run(_without_captures(items, captures, read_once), settings, jobs, progress=not no_progress)


def _without_captures(
    items: Iterable[RawDocument | Skip | Capture], captures: list[Capture] | None,
    read_once: link.ReadOnce | None = None,
) -> Iterator[RawDocument | Skip]:
    last: Capture | None = None
    for item in items:
        if isinstance(item, Capture):
            last = item
            if captures is not None:
                captures.append(item)
        elif (read_once is not None and isinstance(item, RawDocument) and last is not None
              and (item.url, item.fetched_at) == (last.url, last.fetched_at) and not read_once.needed(last)):
            continue  # a WARC page (read right after its capture) showing what was read before
        else:
            yield item


def _language(value: str) -> str:
    if value != "auto" and value not in SUPPORTED:
        raise typer.BadParameter(f"{value!r} is not supported (auto, {', '.join(SUPPORTED)})")
    return value


class Cues(StrEnum):
    strict = "strict"
    broad = "broad"


def _reading(option: Cues) -> CueReading:
    return "broad" if option is Cues.broad else "strict"


CuesOption = Annotated[
    Cues, typer.Option("--cues", help="strict: a verb or noun is a cue only when it reports saying or thinking; "
                                      "broad: as PolNeAR's annotators read political news, with intentions (\"sought "
                                      "to\"), seeming, publishing and stances toward things: more reported speech, "
                                      "less precision in other kinds of text (English).")
]


LanguageOption = Annotated[
    str, typer.Option("--language", callback=_language,
                      help=f"auto (detect each document), or {', '.join(SUPPORTED)}: take every document as that.")
]


def _act_types(values: list[str] | None) -> tuple[str, ...] | None:
    try:
        return chosen_act_types(values)
    except ValueError as unknown:
        raise typer.BadParameter(f"{unknown.args[0]!r} is not one of {', '.join(ACT_TYPES)} (or all)",
                                 param_hint="--type") from None


def _note_cut(what: str, shown: int, total: int, offset: int, limit: int) -> None:
    """Say on stderr when nothing matched, or when --limit left rows out (the data on stdout stays clean)."""
    if total == 0:
        print(f"quotetrace: no {what} match", file=sys.stderr)
    elif shown < total - offset and shown == limit:
        print(f"quotetrace: showing {what} {offset + 1}–{offset + shown} of {total} (more with --limit or --offset)",
              file=sys.stderr)


@app.command()
def extract(
    paths: Paths,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.jsonl,
    jobs: Jobs = None,
    no_progress: NoProgress = False,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Drop quotes below this confidence.")
    ] = 0.0,
    language: LanguageOption = "auto",
    cues: CuesOption = Cues.strict,
) -> None:
    """Extract quotes from articles and print them (one JSON line per document by default)."""
    fatal = False
    with _stdout_closed_ok(), DocumentWriter(fmt, sys.stdout) as writer:
        for doc, skips in _documents(paths, jobs, no_progress, min_confidence, language, cues=_reading(cues)):
            fatal = _report(skips) or fatal
            if doc is not None:
                writer.write(doc)
    raise typer.Exit(1 if fatal else 0)


NoParaphrase = Annotated[
    bool, typer.Option("--no-paraphrase", help="Link verbatim and partial quotes only (faster).")
]


@app.command("ingest")
def ingest_command(
    paths: Paths, db: Db, jobs: Jobs = None, no_progress: NoProgress = False,
    no_link: Annotated[bool, typer.Option("--no-link", help="Do not run `link` afterwards.")] = False,
    no_paraphrase: NoParaphrase = False,
    language: LanguageOption = "auto",
    cues: CuesOption = Cues.strict,
) -> None:
    """Extract quotes from articles (and pages of web archives) and store them in a database."""
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    quotes = skipped = 0
    fatal = False
    captures: list[Capture] = []
    with _open_store(db, create=True) as store:
        new_captures = 0
        read_once = link.ReadOnce(store)
        for doc, skips in _documents(paths, jobs, no_progress, captures=captures, language=language,
                                     read_once=read_once, cues=_reading(cues)):
            fatal = _report(skips) or fatal
            skipped += doc is None
            # a WARC record's capture is read ahead of its document: store it first
            new_captures += link.record_captures(store, captures)
            captures.clear()
            if doc is not None:
                result = link.store_document(store, doc)
                counts[result] += 1
                quotes += len(doc.quotes) if result != "unchanged" else 0
        new_captures += link.record_captures(store, captures)
        counts["unchanged"] += read_once.skipped
        print(
            f"quotetrace: {sum(counts.values())} documents ({counts['inserted']} inserted, {counts['updated']} "
            f"updated, {counts['unchanged']} unchanged), {quotes} quotes stored, {skipped} skipped"
            + (f", {new_captures} new captures" if new_captures else ""),
            file=sys.stderr,
        )
        if not no_link:
            print(f"quotetrace: {link.link(store, paraphrase=not no_paraphrase).line()}", file=sys.stderr)
    raise typer.Exit(1 if fatal else 0)


@app.command("link")
def link_command(db: Db, no_paraphrase: NoParaphrase = False) -> None:
    """Merge speakers and statements across documents (again: the result is the same)."""
    with _open_store(db, create=False) as store:
        print(f"quotetrace: {link.link(store, paraphrase=not no_paraphrase).line()}", file=sys.stderr)


Speaker = Annotated[
    str | None, typer.Option(help="Part of a speaker's name or alias (case, accents and apostrophes ignored).")
]
Search = Annotated[
    str | None,
    typer.Option(help='Words that must all occur (any form of a word); "a phrase", a OR b, prefix*, -word.'),
]
OutletOption = Annotated[str | None, typer.Option(help="Part of the outlet's name (e.g. bbc.co.uk).")]
Since = Annotated[str | None, typer.Option(callback=_iso_date, help="On or after (ISO date).")]
Until = Annotated[str | None, typer.Option(callback=_iso_date, help="On or before (ISO date, inclusive).")]


@app.command()
def quotes(
    db: Db,
    speaker: Speaker = None,
    search: Search = None,
    outlet: OutletOption = None,
    since: Since = None,
    until: Until = None,
    kind: Annotated[Kind | None, typer.Option(help="Only quotes of this kind.")] = None,
    types: TypeOption = None,
    limit: Limit = 100,
    offset: Offset = 0,
    fmt: FormatOption = Format.table,
) -> None:
    """Search the stored quotes; each names its statement (follow it with `trace --statement`)."""
    filters = QuoteFilters(q=search, speaker=speaker, outlet=outlet, since=since, until=until,
                           kind=kind.value if kind else None, types=_act_types(types))
    with _open_store(db, create=False) as store:
        rows = store.search_quotes(filters, limit, offset=offset)
        total = store.count_quotes(filters) if len(rows) in (0, limit) else offset + len(rows)
    _note_cut("quotes", len(rows), total, offset, limit)
    with _stdout_closed_ok():
        if rows or fmt is not Format.table:
            write_quote_rows(rows, fmt, sys.stdout)


@app.command()
def statements(
    db: Db,
    search: Search = None,
    speaker: Speaker = None,
    outlet: Annotated[str | None, typer.Option(help="Seen in this outlet (part of its name).")] = None,
    since: Annotated[str | None, typer.Option(callback=_iso_date, help="Last seen on or after (ISO date).")] = None,
    until: Annotated[str | None, typer.Option(callback=_iso_date,
                                              help="First seen on or before (ISO date, inclusive).")] = None,
    types: TypeOption = None,
    min_sightings: Annotated[int, typer.Option("--min-sightings", min=1,
                                               help="Seen in at least this many documents (2: echoed only).")] = 1,
    sort: Annotated[StatementSortName, typer.Option(
        help="first_seen (oldest first), last_seen (latest first) or sightings (most first).")
    ] = StatementSortName.first_seen,
    limit: Limit = 100,
    offset: Offset = 0,
    fmt: FormatOption = Format.table,
) -> None:
    """Statements with how far each travelled: sightings, outlets, languages, relations, removed or altered."""
    filters = StatementFilters(q=search, speaker=speaker, outlet=outlet, since=since, until=until,
                               types=_act_types(types), min_sightings=min_sightings,
                               sort=sort.value)
    with _open_store(db, create=False) as store:
        rows = statement_reach(store, filters, limit, offset)
        total = store.count_statements(filters) if len(rows) in (0, limit) else offset + len(rows)
        linked = total > 0 or store.count_statements() > 0
    if not linked:
        _error("no statements yet: run `quotetrace link` first", 1)
    _note_cut("statements", len(rows), total, offset, limit)
    with _stdout_closed_ok():
        if rows or fmt is not Format.table:
            write_statements(rows, fmt, sys.stdout)


@app.command()
def speakers(
    db: Db,
    limit: Limit = 100,
    fmt: FormatOption = Format.table,
) -> None:
    """List speakers (canonical after `link`) with aliases, descriptors and counts, most quoted first."""
    with _open_store(db, create=False) as store:
        rows = store.canonical_speakers(limit=limit + 1)
    _note_cut("speakers", min(len(rows), limit), len(rows) if len(rows) <= limit else limit + 1, 0, limit)
    with _stdout_closed_ok():
        if rows or fmt is not Format.table:
            write_canonical_speakers(rows[:limit], fmt, sys.stdout)


@app.command()
def speaker(
    name: Annotated[str, typer.Argument(help="A speaker's name, alias or id, or part of a name.")],
    db: Db,
    fmt: FormatOption = Format.table,
) -> None:
    """One speaker's statements in time order."""
    with _open_store(db, create=False) as store:
        found = store.find_speakers(name)
        if not found:
            hint = "" if store.count_statements() else " (run `quotetrace link` first?)"
            _error(f"no speaker named {name!r}{hint}", 1)
        rows = [r for speaker_id in found for r in store.canonical_speakers(speaker_id=speaker_id)]
        quotes = sorted((q for s in found for q in store.speaker_quotes(s)), key=provenance.sighting_time)
    if len(rows) > 1:
        print(f"quotetrace: {len(rows)} speakers match {name!r}: {', '.join(r.name for r in rows)}", file=sys.stderr)
    with _stdout_closed_ok():
        write_speaker_quotes(rows, quotes, fmt, sys.stdout)


@app.command()
def merge(
    a: Annotated[str, typer.Argument(help="A speaker (name, alias or id).")],
    b: Annotated[str, typer.Argument(help="Another speaker, to become one with the first.")],
    db: Db,
) -> None:
    """Make two speakers one; kept across re-links."""
    _override(db, "merge", a, [b])


@app.command()
def split(
    name: Annotated[str, typer.Argument(help="The speaker (name, alias or id).")],
    aliases: Annotated[list[str], typer.Argument(help="Names as written that are someone else.")],
    db: Db,
) -> None:
    """Take the quotes attributed under ALIASES away from a speaker; kept across re-links."""
    _override(db, "split", name, aliases)


def _override(db: Path, kind: Literal["merge", "split"], a: str, others: list[str]) -> None:
    with _open_store(db, create=False) as store:
        if not store.find_speakers(a):
            _error(f"no speaker named {a!r}", 1)
        for b in others:
            store.add_speaker_override(kind, a, b)
        print(f"quotetrace: {link.link(store).line()}", file=sys.stderr)


@app.command()
def trace(
    db: Db,
    words: Annotated[str | None, typer.Argument(help="Some words of the statement.")] = None,
    statement: Annotated[str | None, typer.Option("--statement", help="A statement id instead.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object.")] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table, or csv/jsonl: one row per sighting.")
                   ] = Format.table,
) -> None:
    """Where a statement first appeared, and every echo since, with each page's liveness."""
    if (words is None) == (statement is None):
        _error("give the statement's words or --statement ID", 2)
    with _open_store(db, create=False) as store:
        matches = store.find_statements(words or "", OTHER_MATCHES + 1) if statement is None else []
        statement_id = statement if statement is not None else (matches[0][0] if matches else None)
        found = provenance.trace(store, statement_id) if statement_id else None
        others = [(sid, n, store.statement(sid)) for sid, n in matches[1:]]
        linked = found is not None or store.count_statements() > 0
    if found is None:
        _error("no such statement" + ("" if linked else " (run `quotetrace link` first?)"), 1)
    with _stdout_closed_ok():
        write_trace(found, sys.stdout, as_json=as_json, fmt=fmt)
    if others:
        more = "more than " if len(matches) > OTHER_MATCHES else ""
        print(f"quotetrace: {more}{len(others)} other statement{'s' if len(others) != 1 else ''} match these words "
              "(see one with --statement ID):", file=sys.stderr)
        for statement_id, n, about in others[:OTHER_MATCHES - 1]:
            text = shorten(about[0], 70) if about else ""
            print(f"  {statement_id}  {n} matching sighting{'s' if n != 1 else ''}  {text}", file=sys.stderr)


OTHER_MATCHES = 10  # statements listed after the one `trace WORDS` shows


class LivenessName(StrEnum):
    live = "live"
    changed = "changed"
    removed = "removed"
    unreachable = "unreachable"
    blocked = "blocked"
    unknown = "unknown"


@app.command()
def pages(
    db: Db,
    removed: Annotated[bool, typer.Option("--removed", help="Only pages taken down (--liveness removed).")] = False,
    liveness: Annotated[list[LivenessName] | None, typer.Option(
        "--liveness", help="Only pages in this state (repeat for several).")] = None,
    since: Annotated[str | None, typer.Option(
        callback=_iso_date, help="Only pages whose evidence (for a removed page: when it was first seen gone) "
                                 "is on or after this ISO date.")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Every page (each document with a URL, each captured URL) with its liveness, the evidence, and how long
    it stayed up; how many were never captured is said on stderr."""
    counts = provenance.PageCounts()
    with _open_store(db, create=False) as store:
        histories = provenance.pages(store, removed_only=removed, liveness=[s.value for s in liveness or []],
                                     since=since, counts=counts)
    with _stdout_closed_ok():
        write_pages(histories, fmt, sys.stdout)
    states = ", ".join(f"{counts.by_liveness[s]} {s}" for s in provenance.LIVENESS if counts.by_liveness.get(s))
    print(f"quotetrace: {len(histories)} of {counts.pages} pages shown ({states or 'none'}); "
          f"{counts.never_captured} never captured (liveness unknown)"
          + (f"; documents without a URL (not pages): {counts.without_url}" if counts.without_url else ""),
          file=sys.stderr)


class EngineName(StrEnum):
    local = "local"
    ray = "ray"


@app.command("batch")
def batch_command(
    inputs: Annotated[list[str], typer.Argument(
        metavar="INPUT...", help="Files, folders, globs, or URIs of any filesystem pyarrow knows (s3://...).")],
    out: Annotated[str, typer.Option("--out", help="Output folder (path or URI) for the Parquet datasets.")],
    engine: Annotated[EngineName, typer.Option(
        help="local: a process pool; ray: Ray Data (needs the 'ray' extra of quotetrace).")] = EngineName.local,
    address: Annotated[str | None, typer.Option(help="Ray cluster to join (default: start a local one).")] = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-w", min=1, help="Worker processes or Ray actors (default: one per CPU).")] = None,
    no_progress: NoProgress = False,
    language: LanguageOption = "auto",
) -> None:
    """Extract quotes from many inputs into Parquet datasets under --out; a re-run skips finished inputs."""
    from quotetrace.batch import BatchError, run_batch

    settings = replace(DEFAULT_SETTINGS, language=language)
    try:
        summary = run_batch(inputs, out, engine=engine.value, workers=workers, address=address,
                            settings=settings, progress=not no_progress)
    except BatchError as error:
        _error(str(error), 2)
    missing = _report(summary.missing)
    print(f"quotetrace: {summary.line()}", file=sys.stderr)
    raise typer.Exit(1 if missing or summary.errors or summary.unfinished else 0)


@app.command()
def load(
    folder: Annotated[str, typer.Argument(metavar="DIR", help="A folder written by quotetrace batch.")], db: Db
) -> None:
    """Load the Parquet datasets written by batch into a database (created when missing)."""
    from quotetrace.batch import BatchError, load_batch

    with _open_store(db, create=True) as store:
        try:
            summary = load_batch(folder, store)
        except BatchError as error:
            _error(str(error), 2)
    print(f"quotetrace: {summary.line()}", file=sys.stderr)


@app.command()
def serve(
    db: Db,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_ingest: Annotated[
        bool, typer.Option("--allow-ingest", help="Accept POST /api/documents with the bearer token.")
    ] = False,
    no_link: Annotated[
        bool, typer.Option("--no-link", help="Do not re-link in the background after an ingest.")
    ] = False,
    workers: Annotated[int, typer.Option(
        min=1, max=64, help="Server processes (one per core answers more at once); above 1, --allow-ingest "
                            "needs --no-link.")] = 1,
) -> None:
    """Serve the web pages and the REST API (OpenAPI at /openapi.json) over a database."""
    import uvicorn

    from quotetrace.api import SERVE_ENV, TOKEN_ENV, create_app

    if workers > 1 and allow_ingest and not no_link:
        # each process would re-link on its own, and two links of one file at once wait on each other's lock
        _error("--workers above 1 cannot re-link after an ingest: add --no-link (and run `quotetrace link`), "
               "or serve with one worker", 2)
    try:
        web_app = create_app(db, allow_ingest=allow_ingest, link_after_ingest=not no_link)
    except StoreError as error:
        _error(str(error), 2)
    token = web_app.state.quotetrace.token
    if allow_ingest:
        given = os.environ.get(TOKEN_ENV) == token
        print(f"quotetrace: ingest allowed with the bearer token {'from $' + TOKEN_ENV if given else ''}"
              f"{'' if given else token}", file=sys.stderr)
    print(f"quotetrace: serving {db} on http://{host}:{port}/"
          f"{f' with {workers} worker processes' if workers > 1 else ''}", file=sys.stderr)
    if workers == 1:
        uvicorn.run(web_app, host=host, port=port, log_level="warning")
        return
    # Each worker process builds its own application (uvicorn imports the factory there): the settings go by
    # the environment, the token with them, so that every worker accepts the one printed above.
    os.environ[SERVE_ENV] = json.dumps({"db": str(db), "allow_ingest": allow_ingest,
                                        "link_after_ingest": not no_link})
    if token:
        os.environ[TOKEN_ENV] = token
    uvicorn.run("quotetrace.api:app_from_environment", factory=True, workers=workers, host=host, port=port,
                log_level="warning")


@app.command()
def version() -> None:
    """Print the version (as --version does)."""
    print(f"quotetrace {__version__}")
