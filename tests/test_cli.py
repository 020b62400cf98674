"""The ``quotetrace`` command, through typer's CliRunner.

Most tests replace the readers and ``pipeline.process`` with fakes, to test the command itself; the
``real_pipeline`` ones run real files through the real readers and extractor.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

import quotetrace
from quotetrace import ingest, pipeline
from quotetrace.cli import app
from quotetrace.model import Document, Quote, RawDocument, Skip, TextSpan
from quotetrace.settings import DEFAULT_SETTINGS, Settings
from quotetrace.store import Store

GENERAL = "“We will never surrender our land to anyone,” the general said."

cli = CliRunner()


def fake_read_inputs(paths: Sequence[str], *, seen: object = None) -> Iterator[RawDocument | Skip]:
    for path in paths:
        if path.endswith(".bin"):
            yield Skip(path, "[E002] binary data, not text")
        else:
            notes = ["[W004] not UTF-8; decoded as cp1252"] if "latin" in path else []
            yield RawDocument(id=Path(path).name, source=path, text=GENERAL, notes=notes)


def fake_process(
    raw: RawDocument, settings: Settings = DEFAULT_SETTINGS
) -> tuple[Document | None, list[Skip]]:
    text = raw.text or ""
    end = text.index("”") + 1
    quote = Quote(text=text[:end], start=0, end=end, kind="direct", cue="said",
                  speaker_mention=TextSpan("the general", end + 1, end + 12), speaker="General Zaluzhny",
                  confidence=0.9)
    kept = [q for q in [quote] if q.confidence >= settings.min_confidence]
    doc = Document(id=raw.id, doc_id="d-" + raw.id, source=raw.source, text=text, outlet="example.org",
                   published_at="2024-03-01", quotes=kept)
    return doc, [Skip(raw.source, note, fatal=False) for note in raw.notes]


@pytest.fixture()
def fakes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "read_inputs", fake_read_inputs)
    monkeypatch.setattr(pipeline, "process", fake_process)


def jsonl(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def test_cli_version() -> None:
    result = cli.invoke(app, ["version"])
    assert result.exit_code == 0
    assert result.stdout == f"quotetrace {quotetrace.__version__}\n"


def test_cli_no_command_is_usage() -> None:
    assert cli.invoke(app, []).exit_code == 2
    assert cli.invoke(app, ["extract"]).exit_code == 2
    assert cli.invoke(app, ["extract", "a.txt", "--format", "xml"]).exit_code == 2


@pytest.mark.usefixtures("fakes")
def test_cli_extract_jsonl_one_line_per_document() -> None:
    result = cli.invoke(app, ["extract", "a.txt", "b.txt", "-j", "1", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    docs = jsonl(result.stdout)
    assert [d["id"] for d in docs] == ["a.txt", "b.txt"]
    assert set(docs[0]) == {"id", "source", "title", "url", "outlet", "published_at", "language", "quotes"}
    quote = docs[0]["quotes"][0]  # type: ignore[index]
    assert quote["speaker_mention"] == {"text": "the general", "start": 46, "end": 57}
    assert quote["kind"] == "direct"


@pytest.mark.usefixtures("fakes")
def test_cli_extract_fatal_skip_exit_1_and_the_rest_is_output() -> None:
    result = cli.invoke(app, ["extract", "a.txt", "broken.bin", "c.txt", "-j", "1"])
    assert result.exit_code == 1
    assert result.stderr == "quotetrace: broken.bin: [E002] binary data, not text\n"
    assert [d["id"] for d in jsonl(result.stdout)] == ["a.txt", "c.txt"]


@pytest.mark.usefixtures("fakes")
def test_cli_extract_warning_is_printed_but_exit_0() -> None:
    result = cli.invoke(app, ["extract", "latin.txt", "-j", "1"])
    assert result.exit_code == 0
    assert result.stderr == "quotetrace: latin.txt: [W004] not UTF-8; decoded as cp1252\n"


@pytest.mark.usefixtures("fakes")
def test_cli_extract_failure_inside_process_is_a_skip(monkeypatch: pytest.MonkeyPatch) -> None:
    def exploding(raw: RawDocument, settings: Settings) -> tuple[Document | None, list[Skip]]:
        if raw.source == "b.txt":
            raise ValueError("bad parse")
        return fake_process(raw, settings)

    monkeypatch.setattr(pipeline, "process", exploding)
    result = cli.invoke(app, ["extract", "a.txt", "b.txt", "c.txt", "-j", "1"])
    assert result.exit_code == 1
    assert result.stderr == "quotetrace: b.txt: [E013] extraction failed: ValueError: bad parse\n"
    assert [d["id"] for d in jsonl(result.stdout)] == ["a.txt", "c.txt"]


@pytest.mark.parametrize(("given", "reading"), [([], "strict"), (["--cues", "broad"], "broad")])
def test_cli_extract_and_ingest_pass_the_cue_reading(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                      given: list[str], reading: str) -> None:
    seen: list[str] = []

    def recording(raw: RawDocument, settings: Settings = DEFAULT_SETTINGS) -> tuple[Document | None, list[Skip]]:
        seen.append(settings.cues)
        return fake_process(raw, settings)

    monkeypatch.setattr(ingest, "read_inputs", fake_read_inputs)
    monkeypatch.setattr(pipeline, "process", recording)
    assert cli.invoke(app, ["extract", "a.txt", "-j", "1", *given]).exit_code == 0
    assert cli.invoke(app, ["ingest", "a.txt", "--db", str(tmp_path / "c.db"), "-j", "1", "--no-link",
                            *given]).exit_code == 0
    assert seen == [reading, reading]


def test_cli_unknown_cue_reading_is_a_usage_error(fakes: None) -> None:
    result = cli.invoke(app, ["extract", "a.txt", "--cues", "wide"])
    assert result.exit_code == 2
    assert "'wide' is not one of" in result.stderr


@pytest.mark.usefixtures("fakes")
def test_cli_extract_csv_flattens_the_speaker_mention() -> None:
    result = cli.invoke(app, ["extract", "a.txt", "-f", "csv", "-j", "1"])
    assert result.exit_code == 0
    (row,) = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["doc_id"] == "a.txt" and row["doc_key"] == "d-a.txt"
    assert row["outlet"] == "example.org" and row["published_at"] == "2024-03-01"
    assert (row["speaker_mention"], row["speaker_mention_start"], row["speaker_mention_end"]) == (
        "the general", "46", "57")
    assert row["text"] == GENERAL[:45]


@pytest.mark.usefixtures("fakes")
def test_cli_extract_table_and_min_confidence() -> None:
    result = cli.invoke(app, ["extract", "a.txt", "-f", "table", "-j", "1"])
    assert result.exit_code == 0
    assert "General Zaluzhny" in result.stdout and "speaker" in result.stdout
    result = cli.invoke(app, ["extract", "a.txt", "--min-confidence", "0.95", "-j", "1"])
    assert jsonl(result.stdout)[0]["quotes"] == []
    assert cli.invoke(app, ["extract", "a.txt", "--min-confidence", "2"]).exit_code == 2


@pytest.mark.usefixtures("fakes")
def test_cli_ingest_then_query(tmp_path: Path) -> None:
    db = str(tmp_path / "q.db")
    result = cli.invoke(app, ["ingest", "a.txt", "x.bin", "b.txt", "--db", db, "-j", "1", "--no-link"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "quotetrace: x.bin: [E002] binary data, not text",
        "quotetrace: 2 documents (2 inserted, 0 updated, 0 unchanged), 2 quotes stored, 1 skipped",
    ]
    again = cli.invoke(app, ["ingest", "a.txt", "--db", db, "-j", "1", "--no-link"])
    assert again.exit_code == 0
    assert again.stderr == (
        "quotetrace: 1 documents (0 inserted, 0 updated, 1 unchanged), 0 quotes stored, 0 skipped\n")

    rows = jsonl(cli.invoke(app, ["quotes", "--db", db, "-f", "jsonl", "--speaker", "zaluzhny"]).stdout)
    assert [r["doc_id"] for r in rows] == ["a.txt", "b.txt"]
    assert rows[0]["speaker_mention"] == {"text": "the general", "start": 46, "end": 57}
    searched = cli.invoke(app, ["quotes", "--db", db, "-f", "jsonl", "--search", "surrender", "--limit", "1"])
    assert len(jsonl(searched.stdout)) == 1
    for hostile in ['"', "AND(", "*", "NEAR", "'; DROP TABLE quotes; --"]:
        result = cli.invoke(app, ["quotes", "--db", db, "--search", hostile])
        assert result.exit_code == 0, (hostile, result.output)
    filtered = ["quotes", "--db", db, "--kind", "direct", "--since", "2024-03", "--outlet", "Example.org"]
    assert len(jsonl(cli.invoke(app, [*filtered, "-f", "jsonl"]).stdout)) == 2
    assert jsonl(cli.invoke(app, [*filtered, "-f", "jsonl", "--kind", "indirect"]).stdout) == []
    table = cli.invoke(app, filtered)
    assert table.exit_code == 0 and "speaker" in table.stdout and "Zaluzhny" in table.stdout
    assert cli.invoke(app, ["quotes", "--db", db, "--since", "last week"]).exit_code == 2

    speakers = cli.invoke(app, ["speakers", "--db", db, "-f", "csv"])
    assert speakers.exit_code == 0
    assert [row[:3] for row in csv.reader(io.StringIO(speakers.stdout))] == [
        ["name", "quotes", "documents"], ["General Zaluzhny", "2", "2"]]
    assert [{k: r[k] for k in ("name", "quotes", "documents")}
            for r in jsonl(cli.invoke(app, ["speakers", "--db", db, "-f", "jsonl"]).stdout)] == [
        {"name": "General Zaluzhny", "quotes": 2, "documents": 2}]


@pytest.mark.parametrize("command", ["quotes", "speakers"])
def test_cli_missing_db_is_one_line_exit_2(tmp_path: Path, command: str) -> None:
    db = tmp_path / "nope.db"
    result = cli.invoke(app, [command, "--db", str(db)])
    assert result.exit_code == 2
    assert result.stderr == f"quotetrace: {db}: no such database\n"
    assert not db.exists()


@pytest.mark.parametrize("command", ["quotes", "speakers", "ingest"])
def test_cli_db_that_is_not_sqlite_is_one_line(tmp_path: Path, command: str) -> None:
    db = tmp_path / "notes.db"
    db.write_text("not a database, just some notes\n" * 50)
    args = [command, "--db", str(db)] + (["a.txt"] if command == "ingest" else [])
    result = cli.invoke(app, args)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert "not a quotetrace database" in result.stderr
    assert "Traceback" not in result.output


def test_cli_empty_db_prints_empty_results(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    Store(db).close()
    assert cli.invoke(app, ["quotes", "--db", str(db), "-f", "jsonl"]).stdout == ""
    assert cli.invoke(app, ["speakers", "--db", str(db), "-f", "jsonl"]).stdout == ""


# -- the real readers and extractor -------------------------------------------------------------------


@pytest.fixture()
def real_pipeline(tmp_path: Path) -> None:
    probe = tmp_path / "probe.txt"
    probe.write_text("x")
    try:
        list(ingest.read_inputs([str(probe)]))
    except NotImplementedError:
        pytest.skip("ingest.read_inputs is not written yet")


@pytest.fixture()
def articles(tmp_path: Path, real_pipeline: None) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "general.txt").write_text(f"The general speaks\n\n{GENERAL}\n", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02\x03\xff\xfe binary \x00\x00")
    return folder


def _quotes_found() -> bool:
    return bool(quotetrace.extract(GENERAL))


def test_cli_real_extract_bad_file_exit_1_good_file_still_output(articles: Path) -> None:
    paths = [str(articles / "broken.txt"), str(articles / "general.txt")]
    result = cli.invoke(app, ["extract", *paths, "-j", "1"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"quotetrace: {articles / 'broken.txt'}: [E")
    assert len(result.stderr.splitlines()) == 1
    (doc,) = jsonl(result.stdout)
    assert doc["title"] == "The general speaks"
    if _quotes_found():
        quotes = doc["quotes"]
        assert isinstance(quotes, list) and len(quotes) == 1
        quote = quotes[0]
        assert quote["text"].startswith("“We will never surrender")
        assert quote["kind"] == "direct"


def test_cli_real_missing_path_exit_1(articles: Path) -> None:
    paths = [str(articles / "nope.txt"), str(articles / "general.txt")]
    result = cli.invoke(app, ["extract", *paths, "-j", "1"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"quotetrace: {articles / 'nope.txt'}: [E011]")
    assert len(jsonl(result.stdout)) == 1


@pytest.mark.slow
def test_cli_real_ingest_with_two_jobs(articles: Path, tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    result = cli.invoke(app, ["ingest", str(articles), "--db", str(db), "-j", "2"])
    assert result.exit_code == 1  # broken.txt
    assert "1 documents (1 inserted" in result.stderr
    rows = jsonl(cli.invoke(app, ["quotes", "--db", str(db), "-f", "jsonl", "--search", "surrender"]).stdout)
    assert len(rows) == (1 if _quotes_found() else 0)
