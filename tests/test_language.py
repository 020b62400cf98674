import pytest

from quotetrace.language import detect_language
from quotetrace.model import RawDocument
from quotetrace.pipeline import process
from quotetrace.settings import Settings


@pytest.mark.parametrize(
    ("text", "language", "supported"),
    [
        ("Генерал заявил, что армия готова к переговорам.", "ru", True),
        ("Генерал заявив, що армія готова до наступу.", "uk", False),
        ("The minister said the army was ready for talks.", "en", True),
        ("Petrov zayavil, chto armiya gotova k peregovoram, no eto ne tak.", "ru-Latn", False),
    ],
)
def test_language_detects(text: str, language: str, supported: bool) -> None:
    found = detect_language(text)
    assert (found.language, found.supported) == (language, supported)


def test_language_ukrainian_is_reported_not_parsed() -> None:
    doc, skips = process(RawDocument("u1", "u1.txt", text="Президент заявив, що переговори тривають."))
    assert doc is None
    assert any("[E040]" in s.reason and "Ukrainian is not supported yet" in s.reason for s in skips)


def test_language_override_wins() -> None:
    doc, _ = process(RawDocument("e1", "e1.txt", text="The minister said talks were over."), Settings(language="en"))
    assert doc is not None and doc.language == "en"
