"""The CLI as a researcher uses it: statements, one doc_id, notes on stderr, --version, -h, $QUOTETRACE_DB, and
trace WORDS naming the other matches; over the web test corpus (tests/web_corpus.py)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import quotetrace
from quotetrace.cli import app
from quotetrace.store import Store
from web_corpus import build_store

cli = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli") / "corpus.db"
    build_store(path)
    return str(path)


def jsonl(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def test_cli_version_and_short_help() -> None:
    assert cli.invoke(app, ["--version"]).stdout == f"quotetrace {quotetrace.__version__}\n"
    short = cli.invoke(app, ["-h"])
    assert short.exit_code == 0 and "statements" in short.stdout
    assert cli.invoke(app, ["quotes", "-h"]).exit_code == 0


def test_cli_db_from_the_environment(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTETRACE_DB", db)
    result = cli.invoke(app, ["statements", "-f", "jsonl", "--min-sightings", "2"])
    assert result.exit_code == 0, result.output
    assert [r["statement_id"] for r in jsonl(result.stdout)] == ["st-appeal", "st-bridge"]


def test_cli_statements_with_their_reach(db: str) -> None:
    result = cli.invoke(app, ["statements", "--db", db, "-f", "jsonl", "--search", "reopen"])
    assert result.exit_code == 0 and result.stderr == ""
    (bridge,) = jsonl(result.stdout)
    assert (bridge["sightings"], bridge["outlets"], bridge["removed"], bridge["altered"]) == (7, 6, True, True)
    assert bridge["first_doc_id"] == "d-b0.txt" and bridge["first_doc_key"] == "d-b0"
    by_sightings = cli.invoke(app, ["statements", "--db", db, "-f", "csv", "--min-sightings", "2", "--sort",
                                    "sightings"])
    rows = list(csv.DictReader(io.StringIO(by_sightings.stdout)))
    assert [(r["statement_id"], r["sightings"]) for r in rows] == [("st-bridge", "7"), ("st-appeal", "3")]
    stance = cli.invoke(app, ["statements", "--db", db, "-f", "jsonl", "--type", "stance"])
    assert [r["statement_id"] for r in jsonl(stance.stdout)] == ["st-stance"]
    table = cli.invoke(app, ["statements", "--db", db, "--speaker", "o'brien"])
    assert table.exit_code == 0 and "st-bridge" in table.stdout and "removed, altered" in table.stdout
    assert cli.invoke(app, ["statements", "--db", db, "--sort", "random"]).exit_code == 2
    assert cli.invoke(app, ["statements", "--db", db, "--type", "shouting"]).exit_code == 2


def test_cli_statements_before_a_link(tmp_path: Path) -> None:
    db = tmp_path / "unlinked.db"
    Store(db).close()
    result = cli.invoke(app, ["statements", "--db", str(db)])
    assert result.exit_code == 1 and "run `quotetrace link` first" in result.stderr


def test_cli_quotes_name_their_statement_and_one_doc_id(db: str) -> None:
    rows = jsonl(cli.invoke(app, ["quotes", "--db", db, "-f", "jsonl", "--search", "tuesday"]).stdout)
    assert [(r["statement_id"], r["relation"], r["doc_id"], r["doc_key"]) for r in rows] == [
        ("st-bridge", "altered", "d-b3.txt", "d-b3")]
    (row,) = csv.DictReader(io.StringIO(cli.invoke(app, ["quotes", "--db", db, "-f", "csv", "--search",
                                                         "tuesday"]).stdout))
    assert (row["statement_id"], row["doc_id"], row["doc_key"]) == ("st-bridge", "d-b3.txt", "d-b3")
    table = cli.invoke(app, ["quotes", "--db", db, "--search", "tuesday"]).stdout
    assert "st-bridge" in table
    speaker = jsonl(cli.invoke(app, ["speaker", "Jane Smith", "--db", db, "-f", "jsonl"]).stdout)
    assert {"doc_id", "doc_key"} <= set(speaker[0]) and speaker[0]["doc_id"] != speaker[0]["doc_key"]
    trace = json.loads(cli.invoke(app, ["trace", "--statement", "st-bridge", "--db", db, "--json"]).stdout)
    assert (trace["first_seen"]["doc_id"], trace["first_seen"]["doc_key"]) == ("d-b0.txt", "d-b0")


def test_cli_a_limit_that_cuts_says_so_and_nothing_found_says_so(db: str) -> None:
    cut = cli.invoke(app, ["quotes", "--db", db, "-f", "jsonl", "--limit", "2"])
    assert len(jsonl(cut.stdout)) == 2
    assert cut.stderr.startswith("quotetrace: showing quotes 1–2 of ") and "--limit" in cut.stderr
    whole = cli.invoke(app, ["quotes", "--db", db, "-f", "jsonl", "--limit", "1000"])
    assert whole.stderr == ""
    cut = cli.invoke(app, ["statements", "--db", db, "-f", "jsonl", "--limit", "1", "--offset", "1"])
    assert cut.stderr.startswith("quotetrace: showing statements 2–2 of 10")
    none = cli.invoke(app, ["quotes", "--db", db, "--search", "nothing-matches-this"])
    assert none.exit_code == 0 and none.stdout == "" and none.stderr == "quotetrace: no quotes match\n"
    assert cli.invoke(app, ["speakers", "--db", db, "--limit", "1", "-f", "jsonl"]).stderr.startswith(
        "quotetrace: showing speakers 1–1 of")


def test_cli_speaker_by_part_of_a_name(db: str) -> None:
    result = cli.invoke(app, ["speaker", "obrien", "--db", db])
    assert result.exit_code == 0 and "Seán O’Brien" in result.stdout
    missing = cli.invoke(app, ["speaker", "Nobody Atall", "--db", db])
    assert missing.exit_code == 1 and "run `quotetrace link`" not in missing.stderr  # it was linked


def test_cli_trace_words_names_the_other_matches(db: str) -> None:
    result = cli.invoke(app, ["trace", "ceasefire", "--db", db, "--json"])
    assert result.exit_code == 0
    shown = json.loads(result.stdout)["statement_id"]
    assert "other statements match these words" in result.stderr
    others = [line.split()[0] for line in result.stderr.splitlines()[1:]]
    assert len(others) == 7 and shown not in others and set(others) <= {f"st-cf{i}" for i in range(7)} | {
        "st-undated"}
    alone = cli.invoke(app, ["trace", "Karsk", "--db", db])
    assert alone.exit_code == 0 and alone.stderr == ""


def test_cli_trace_as_csv_and_jsonl(db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(cli.invoke(app, ["trace", "--statement", "st-bridge", "--db", db, "-f",
                                                           "csv"]).stdout)))
    assert len(rows) == 8 and rows[0]["role"] == "first_seen"
    assert next(r for r in rows if r["relation"] == "altered")["changes"] == "Monday → Tuesday"
    lines = jsonl(cli.invoke(app, ["trace", "--statement", "st-bridge", "--db", db, "-f", "jsonl"]).stdout)
    assert [line["doc_key"] for line in lines][:2] == ["d-b0", "d-b1"]


@pytest.mark.parametrize("command", ["extract", "ingest", "batch"])
def test_cli_unknown_language_is_a_usage_error(tmp_path: Path, command: str) -> None:
    args = {"extract": ["extract", "a.txt"], "ingest": ["ingest", "a.txt", "--db", str(tmp_path / "x.db")],
            "batch": ["batch", "a.txt", "--out", str(tmp_path / "out")]}[command]
    result = cli.invoke(app, [*args, "--language", "fr"])
    assert result.exit_code == 2 and "'fr' is not supported" in result.output
    assert not (tmp_path / "x.db").exists()
