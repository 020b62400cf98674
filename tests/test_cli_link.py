"""The link, speakers, speaker, merge, split, trace and pages commands over a small echo corpus."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from typer.testing import CliRunner

from quotetrace.cli import app
from quotetrace.link import store_document
from quotetrace.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from make_echo_corpus import build

cli = CliRunner()


def _db(tmp_path: Path) -> str:
    db = tmp_path / "echo.db"
    with Store(db) as store:
        for doc in build(1).documents:
            store_document(store, doc)
    return str(db)


def test_cli_link_is_idempotent_and_trace_speaks_json(tmp_path: Path) -> None:
    db = _db(tmp_path)
    first = cli.invoke(app, ["link", "--db", db, "--no-paraphrase"])
    assert first.exit_code == 0 and "paraphrase matching off" in first.stderr
    traced = cli.invoke(app, ["trace", "open their doors to those who have lost", "--db", db, "--json"])
    assert traced.exit_code == 0, traced.output
    data = json.loads(traced.stdout)
    assert data["first_seen"]["doc_id"].endswith("-original")
    assert {"doc_id", "outlet", "url", "published_at", "relation", "speaker", "liveness"} <= set(data["echoes"][0])
    again = cli.invoke(app, ["link", "--db", db, "--no-paraphrase"])
    assert again.exit_code == 0
    assert json.loads(cli.invoke(app, ["trace", "--statement", data["statement_id"], "--db", db, "--json"]).stdout) \
        == data
    table = cli.invoke(app, ["trace", "open their doors", "--db", db])
    assert table.exit_code == 0 and "first seen" in table.stdout
    assert cli.invoke(app, ["trace", "--db", db]).exit_code == 2
    assert cli.invoke(app, ["trace", "words nobody ever said anywhere", "--db", db]).exit_code == 1


def test_cli_speakers_speaker_merge_split(tmp_path: Path) -> None:
    db = _db(tmp_path)
    assert cli.invoke(app, ["link", "--db", db, "--no-paraphrase"]).exit_code == 0
    rows = [json.loads(line) for line in cli.invoke(app, ["speakers", "--db", db, "-f", "jsonl"]).stdout.splitlines()]
    varga = next(r for r in rows if r["name"] == "Lena Varga")
    assert {"Varga", "Ms. Varga"} <= set(varga["aliases"])
    assert varga["descriptors"] == ["chairwoman of the veterans' association"]
    assert varga["documents"] >= 8 and varga["statements"] >= 2
    one = cli.invoke(app, ["speaker", "Varga", "--db", db])
    assert one.exit_code == 0 and "Lena Varga" in one.stdout
    assert cli.invoke(app, ["speaker", "Nobody Atall", "--db", db]).exit_code == 1

    assert cli.invoke(app, ["split", "Lena Varga", "Ms. Varga", "--db", db]).exit_code == 0
    assert cli.invoke(app, ["link", "--db", db, "--no-paraphrase"]).exit_code == 0  # kept across re-links
    names = [json.loads(x)["name"] for x in cli.invoke(app, ["speakers", "--db", db, "-f", "jsonl"]).stdout.split("\n")
             if x]
    assert "Ms. Varga" in names
    assert cli.invoke(app, ["merge", "Lena Varga", "Ms. Varga", "--db", db]).exit_code == 0
    names = [json.loads(x)["name"] for x in cli.invoke(app, ["speakers", "--db", db, "-f", "jsonl"]).stdout.split("\n")
             if x]
    assert "Ms. Varga" not in names


def test_cli_pages_removed(tmp_path: Path) -> None:
    db = _db(tmp_path)
    result = cli.invoke(app, ["pages", "--db", db, "-f", "jsonl"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 66
    assert cli.invoke(app, ["pages", "--db", db, "--removed", "-f", "jsonl"]).stdout == ""
