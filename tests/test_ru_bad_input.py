"""Bad Russian-side input, from file to statements: a document in two languages, Russian in Latin letters,
Ukrainian, and Russian in the legacy code pages cp1251 and KOI8-R (tests/fixtures/ru/bad/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotetrace.errors import E
from quotetrace.ingest import read_inputs
from quotetrace.ingest.decode import decode_bytes
from quotetrace.language import detect_language
from quotetrace.model import Document, RawDocument, Skip
from quotetrace.pipeline import process
from quotetrace.ru import extract_russian
from quotetrace.ru.nlp import lemma_of
from quotetrace.settings import Settings

BAD = Path(__file__).parent / "fixtures" / "ru" / "bad"


def _process(name: str) -> tuple[Document | None, list[Skip], RawDocument]:
    (raw,) = list(read_inputs([str(BAD / name)]))
    assert isinstance(raw, RawDocument)
    doc, skips = process(raw)
    return doc, skips, raw


def test_ru_bad_mixed_document_is_parsed_as_its_majority_language_with_a_note() -> None:
    doc, skips, _ = _process("mixed_ru_en.txt")
    assert doc is not None and doc.language == "ru"
    assert any(s.reason.startswith("[W041]") and "mixed-language" in s.reason and not s.fatal for s in skips)
    said = {q.speaker for q in doc.quotes}
    assert {"Джон Уиллис", "Екатерина Белова"} <= said


def test_ru_bad_mixed_english_with_a_russian_quote_stays_english() -> None:
    text = ("The Kremlin spokesman Oleg Gurov said talks were over. Asked about the strikes, he told reporters "
            "that nothing had changed: «Ничего не изменилось» was all he said on Friday.")
    found = detect_language(text)
    assert (found.language, found.supported) == ("en", True)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("translit.txt", "Russian in Latin transliteration is not supported yet"),
        ("ukrainian.txt", "Ukrainian is not supported yet"),
    ],
)
def test_ru_bad_unsupported_language_is_refused_with_a_message(name: str, message: str) -> None:
    doc, skips, _ = _process(name)
    assert doc is None
    assert any(s.reason.startswith("[E040]") and message in s.reason and s.fatal for s in skips)


@pytest.mark.parametrize(
    ("name", "encoding", "speaker"),
    [("cp1251.txt", "cp1251", "Виталий Корнеев"), ("koi8r.txt", "koi8_r", "Рубцов")],
)
def test_ru_bad_legacy_encoding_decodes_and_extracts(name: str, encoding: str, speaker: str) -> None:
    doc, skips, raw = _process(name)
    assert raw.notes == [E.DECODED_AS.format(encoding=encoding)]
    assert any(s.reason == E.DECODED_AS.format(encoding=encoding) and not s.fatal for s in skips)
    assert doc is not None and doc.language == "ru"
    assert raw.title is not None and raw.title == (BAD / name).read_bytes().decode(encoding).split("\n")[0]
    assert speaker in {q.speaker for q in doc.quotes}


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp866", "mac_cyrillic"])
@pytest.mark.parametrize(
    "text",
    [
        "Министр заявил, что переговоры продолжатся.",  # one short line: charset_normalizer alone fails KOI8-R
        "«Мы не отступим», — сказала она. Штаб сообщил, что линия восстановлена к утру.",
    ],
)
def test_ru_bad_cyrillic_code_pages_decode(encoding: str, text: str) -> None:
    data = text.encode(encoding, errors="replace")  # KOI8 has no «»: they become "?"
    assert decode_bytes(data)[0] == data.decode(encoding)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [("Ελληνικά κείμενα για την κυβέρνηση και τη Βουλή.", "cp1253"),
     ("“We will hold,” said the minister — café, naïve, 5 €.", "cp1252")],
)
def test_ru_bad_cyrillic_check_leaves_other_code_pages_alone(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding))[0] == text


def test_ru_bad_characters_python_cannot_name_give_a_statement_and_no_error() -> None:
    # pymorphy guesses an unknown word's shape from its characters' Unicode names; Python names no Tangut ideograph
    text = "«Мост откроют в мае», — заявил мэр Олег Рябов. \U00017000\U00017001 Коротко."
    quotes, _ = extract_russian(text, Settings(language="ru"))
    assert [q.text for q in quotes] == ["«Мост откроют в мае»"]
    assert lemma_of("\U00017000") == "\U00017000"
