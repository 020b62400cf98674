"""Readers (quotetrace.ingest): every input path, every kind of bad input, and HTML main-text extraction."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from quotetrace.errors import E
from quotetrace.ingest import html_to_text, read_inputs, split_title
from quotetrace.ingest.decode import decode_bytes, looks_binary
from quotetrace.model import RawDocument, Skip

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SAMPLES = Path(__file__).parent.parent / "samples"


def _read(*paths: str | Path) -> list[RawDocument | Skip]:
    return list(read_inputs([str(p) for p in paths]))


def _docs(items: list[RawDocument | Skip]) -> list[RawDocument]:
    return [i for i in items if isinstance(i, RawDocument)]


def _skips(items: list[RawDocument | Skip]) -> list[Skip]:
    return [i for i in items if isinstance(i, Skip)]


def _code(message: str) -> str:
    return message[: message.index("]") + 1]


# --- plain text -------------------------------------------------------------------------------------------


def test_ingest_text_title_is_first_line_and_not_in_text() -> None:
    (doc,) = _read(FIXTURES / "titled.txt")
    assert isinstance(doc, RawDocument)
    assert doc.title == "Governor orders new shelters"
    assert doc.text == "KARSK — The governor ordered new shelters on Monday.\n\n“We are building,” she said.\n"
    assert doc.id == "titled.txt"
    assert doc.source == str(FIXTURES / "titled.txt")
    assert doc.html is None and doc.notes == []


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [
        ("Headline\n\nBody text.", "Headline", "Body text."),
        ("Headline\n\n\n\nBody text.", "Headline", "Body text."),
        ("No blank line after\nBody text.", None, "No blank line after\nBody text."),
        ("x" * 250 + "\n\nBody.", None, "x" * 250 + "\n\nBody."),
        ("\n\nStarts blank.", None, "\n\nStarts blank."),
        ("Only one line", None, "Only one line"),
    ],
)
def test_ingest_split_title_cases(text: str, title: str | None, body: str) -> None:
    assert split_title(text) == (title, body)


def test_ingest_text_bom_and_crlf_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfTitle\r\n\r\nLine one.\rLine two.\r\n")
    (doc,) = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.title == "Title"
    assert doc.text == "Line one.\nLine two.\n"


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1252", "“We will hold,” said the minister — café, naïve, 5 €.\n"),
        ("latin-1", "The café in Zürich served crème brûlée; señor Müller said: «Non».\n"),
    ],
)
def test_ingest_text_legacy_encoding_decodes_with_note(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    (doc,) = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.text == text
    assert doc.notes == [E.DECODED_AS.format(encoding="cp1252")]


def test_ingest_text_utf16_with_bom_decodes_with_note(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("“Wide,” he said.".encode("utf-16"))
    (doc,) = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.text == "“Wide,” he said."
    assert doc.notes == [E.DECODED_AS.format(encoding="utf-16")]


def test_ingest_text_fifty_megabytes_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    paragraph = "“The front will not move this year,” the minister said on Thursday in Lidova.\n\n"
    path.write_text("Big file\n\n" + paragraph * (50_000_000 // len(paragraph.encode())), encoding="utf-8")
    assert path.stat().st_size > 49_000_000
    (doc,) = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.title == "Big file"
    assert doc.text is not None and len(doc.text) > 40_000_000


# --- bad input --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.txt", b"", "[E001]"),
        ("blank.txt", b" \n\r\n\t\n", "[E001]"),
        ("bom-only.txt", b"\xef\xbb\xbf", "[E001]"),
        ("nul.txt", b"Some text\x00with a NUL byte", "[E002]"),
        ("controls.txt", bytes(range(1, 9)) * 200 + b"a few letters", "[E002]"),
        ("noise.html", bytes(range(0x80, 0x100)) * 4, "[E003]"),
        ("empty.jsonl", b"\n\n", "[E001]"),
        ("binary.jsonl", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "[E002]"),
    ],
)
def test_ingest_bad_file_is_one_skip(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    (skip,) = _read(path)
    assert isinstance(skip, Skip)
    assert skip.source == str(path)
    assert skip.fatal
    assert _code(skip.reason) == code


def test_ingest_missing_path_is_skipped_and_batch_goes_on(tmp_path: Path) -> None:
    items = _read(tmp_path / "nope.txt", FIXTURES / "titled.txt")
    assert isinstance(items[0], Skip) and items[0].reason == str(E.NOT_FOUND)
    assert isinstance(items[1], RawDocument)


@pytest.mark.parametrize("name", ["notes.pdf", "data.csv", "README"])
def test_ingest_unsupported_suffix_given_explicitly(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("text", encoding="utf-8")
    (skip,) = _read(path)
    assert isinstance(skip, Skip)
    assert _code(skip.reason) == "[E010]"


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads everything")
def test_ingest_unreadable_file_is_e012(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("secret", encoding="utf-8")
    path.chmod(0)
    try:
        (skip,) = _read(path)
    finally:
        path.chmod(0o644)
    assert isinstance(skip, Skip)
    assert _code(skip.reason) == "[E012]"


def test_ingest_oserror_while_reading_is_e012(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text("text", encoding="utf-8")

    def broken(self: Path) -> bytes:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(Path, "read_bytes", broken)
    (skip,) = _read(path)
    assert isinstance(skip, Skip)
    assert skip.reason == E.UNREADABLE.format(detail="Input/output error")


@pytest.mark.parametrize(
    ("data", "binary"),
    [(b"plain text\n", False), (b"tab\tand\fform feed\x1b[0m", False), (b"\x00", True), (bytes(range(32)) * 4, True)],
)
def test_ingest_looks_binary(data: bytes, binary: bool) -> None:
    assert looks_binary(data) is binary


def test_ingest_decode_bytes_plain_utf8_has_no_note() -> None:
    assert decode_bytes("“Ja,” sagte er. Привіт.".encode()) == ("“Ja,” sagte er. Привіт.", [])


# --- folders ----------------------------------------------------------------------------------------------


def test_ingest_folder_is_recursed_sorted_and_filtered(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("two", encoding="utf-8")
    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    (tmp_path / "c.htm").write_text("<p>three</p>", encoding="utf-8")
    (tmp_path / "skip.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / "UPPER.TXT").write_text("upper", encoding="utf-8")
    items = _read(tmp_path)
    assert all(isinstance(i, RawDocument) for i in items)
    assert [i.source for i in items] == [
        str(tmp_path / name) for name in ("UPPER.TXT", "a.txt", "c.htm", "b/2.txt")
    ]


def test_ingest_samples_folder_reads_cleanly() -> None:
    items = _read(SAMPLES)
    assert not _skips(items)
    docs = _docs(items)
    assert len(docs) == 15  # 8 JSONL lines, 2 HTML pages, 2 text files, 3 pages in the sample WARC
    assert len({d.id for d in docs}) == 14  # the WARC holds one page twice
    assert sum(d.html is not None for d in docs) == 2


# --- HTML files -------------------------------------------------------------------------------------------


def test_ingest_html_file_keeps_markup_for_the_pipeline() -> None:
    (doc,) = _read(FIXTURES / "page.html")
    assert isinstance(doc, RawDocument)
    assert doc.html is not None and doc.text is None
    assert doc.id == "page.html"
    assert "<article>" in doc.html


# --- JSONL ------------------------------------------------------------------------------------------------


def test_ingest_jsonl_bad_lines_are_skipped_and_others_come_through() -> None:
    path = FIXTURES / "mixed.jsonl"
    items = _read(path)
    assert [(_code(i.reason), i.source) for i in _skips(items)] == [
        ("[E005]", f"{path}:2"),
        ("[E007]", f"{path}:3"),
        ("[E006]", f"{path}:4"),
    ]
    assert "line 2" in _skips(items)[0].reason
    first, from_html, numeric = _docs(items)
    assert (first.id, first.source, first.url, first.outlet, first.title, first.published_at) == (
        "good-1",
        f"{path}:1",
        "https://radio-baltica.example/a",
        "radio-baltica.example",
        "First",
        "2026-03-01",
    )
    assert first.text == "“We will hold,” the mayor said."
    assert from_html.id == "mixed.jsonl:6" and from_html.text is None and from_html.html is not None
    assert numeric.id == "42"
    assert numeric.text == "Numeric ids become strings.\nAnd newlines are normalised."


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ('{"id": "x", "text": ""}', "[E006]"),
        ('{"id": "x", "text": 5}', "[E006]"),
        ('"just a string"', "[E007]"),
        ("null", "[E007]"),
        ('{"id": "x", "text": "unterminated', "[E005]"),
        ("[" * 100_000 + "]" * 100_000, "[E"),
    ],
)
def test_ingest_jsonl_bad_record(tmp_path: Path, line: str, code: str) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(line + "\n" + '{"text": "fine"}\n', encoding="utf-8")
    skip, doc = _read(path)
    assert isinstance(skip, Skip) and skip.reason.startswith(code)
    assert skip.source == f"{path}:1"
    assert isinstance(doc, RawDocument) and doc.id == "one.jsonl:2" and doc.text == "fine"


def test_ingest_jsonl_non_utf8_line_decodes_with_note(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    path.write_bytes('{"id": "a", "text": "“Café,” he said, naïvely."}\n'.encode("cp1252"))
    (doc,) = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.text == "“Café,” he said, naïvely."
    assert doc.notes == [E.DECODED_AS.format(encoding="cp1252")]


def test_ingest_jsonl_samples_carry_metadata() -> None:
    docs = _docs(_read(SAMPLES / "articles.jsonl"))
    assert len(docs) == 8
    assert all(d.url and d.outlet and d.title and d.published_at and d.text for d in docs)


# --- standard input ---------------------------------------------------------------------------------------


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def _read_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> list[RawDocument | Skip]:
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    return list(read_inputs(["-"]))


def test_ingest_stdin_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    (doc,) = _read_stdin(monkeypatch, b"Headline\n\n\xe2\x80\x9cYes,\xe2\x80\x9d she said.\n{not json}\n")
    assert isinstance(doc, RawDocument)
    assert (doc.id, doc.source, doc.title) == ("stdin", "<stdin>", "Headline")
    assert doc.text == "“Yes,” she said.\n{not json}\n"


def test_ingest_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b'{"id": "a", "text": "one"}\n\n  {"text": "two"}\n{broken\n'
    items = _read_stdin(monkeypatch, data)
    assert [(i.id, i.source) for i in _docs(items)] == [("a", "<stdin>:1"), ("stdin:3", "<stdin>:3")]
    (skip,) = _skips(items)
    assert skip.source == "<stdin>:4" and _code(skip.reason) == "[E005]"


@pytest.mark.parametrize(("data", "code"), [(b"", "[E001]"), (b"\x00\x01binary", "[E002]")])
def test_ingest_stdin_bad_input(monkeypatch: pytest.MonkeyPatch, data: bytes, code: str) -> None:
    (skip,) = _read_stdin(monkeypatch, data)
    assert isinstance(skip, Skip) and _code(skip.reason) == code and skip.source == "<stdin>"


# --- html_to_text -----------------------------------------------------------------------------------------


def test_ingest_html_to_text_main_text_and_metadata() -> None:
    found = html_to_text((FIXTURES / "page.html").read_text(encoding="utf-8"))
    assert found is not None
    assert found.title == "Bridge reopens"
    assert found.url == "https://radio-baltica.example/news/2026/03/20/bridge-reopens"
    assert found.published_at == "2026-03-20"
    assert found.text.split("\n\n") == [
        "KARSK — The northern bridge over the Drevna reopened to buses on Friday, the regional governor's office said.",
        "“It is a small thing, but it is our small thing,” said driver Ivo Marek."
        " ‘Small things’ matter here, he added.",
        'Engineers said the "temporary" repair would last at least a year.',
    ]


@pytest.mark.parametrize(
    "furniture",
    ["Home", "Subscribe", "Share on Facebook", "Cookie policy", "script text", "Radio Baltica ·"],
)
def test_ingest_html_to_text_drops_page_furniture(furniture: str) -> None:
    found = html_to_text((FIXTURES / "page.html").read_text(encoding="utf-8"))
    assert found is not None and furniture not in found.text


def test_ingest_html_to_text_sample_page() -> None:
    html = (SAMPLES / "northgate-herald-2026-02-15-varga-letter.html").read_text(encoding="utf-8")
    found = html_to_text(html)
    assert found is not None
    assert found.published_at == "2026-02-15"
    assert found.url == "https://northgate-herald.example/world/2026/02/15/varga-letter-divides-lidova"
    assert "“Without monitors, any ceasefire is only a pause between funerals,” Varga wrote" in found.text
    for furniture in ("Most read", "All rights reserved", "dataLayer", "Share on X", "Politics"):
        assert furniture not in found.text


def test_ingest_html_to_text_short_page_falls_back() -> None:
    found = html_to_text("<html><head><title>T</title></head><body><p>“Yes,” he said.</p></body></html>")
    assert found is not None and found.text == "“Yes,” he said."


@pytest.mark.parametrize("cut", [0.1, 0.3, 0.5, 0.7, 0.9])
def test_ingest_html_to_text_truncated_never_raises(cut: float) -> None:
    html = (SAMPLES / "the-ledger-2026-03-05-peace-plan.html").read_text(encoding="utf-8")
    found = html_to_text(html[: int(len(html) * cut)])
    assert found is None or isinstance(found.text, str)


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<html><body></body></html>",
        "<div>" * 50_000 + "<p>deep</p>" + "</div>" * 50_000,
        "<p>" + "<b><i>" * 20_000 + "unclosed",
        '<p title="' + "x" * 5_000_000 + '">huge attribute</p>',
        "<script>" + "while(true){}" * 10_000 + "</script>",
        "<html><body><p>a\x00b</p></body></html>",
        "\x00\x01\x02<<<>>>&&&;;;",
    ],
    ids=["empty", "blank", "no-text", "deep", "unclosed", "huge-attr", "script-only", "nul", "garbage"],
)
def test_ingest_html_to_text_hostile_markup_never_raises(html: str) -> None:
    found = html_to_text(html)
    assert found is None or found.text.strip()


def test_ingest_html_to_text_xml_declaration() -> None:
    html = "<?xml version='1.0' encoding='utf-8'?><html><body><p>“Fine,” she said.</p></body></html>"
    found = html_to_text(html)
    assert found is not None and found.text == "“Fine,” she said."
