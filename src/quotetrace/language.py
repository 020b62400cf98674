"""Which language a document is in: lingua (``lingua-language-detector``: accurate on short texts, its models
inside the wheel) over the languages news in our corpora comes in, with script rules around it for what a
detector gets wrong or cannot say:

- Ukrainian is told from Russian (lingua does this well; і/ї/є/ґ settle it when it is unsure) and reported as
  not supported yet, never parsed as Russian;
- transliterated Russian in Latin script ("zayavil, chto ...") is recognised and reported as not supported;
- a mixed-language document goes to the language of most of its letters, with a note;
- Latin-script text is English unless it is transliterated Russian (lingua is not asked: other Latin-script
  languages were parsed as English before detection existed, and still are).

Without lingua installed, the script rules alone decide between English, Russian and Ukrainian.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

SUPPORTED = ("en", "ru")
# How much of a document the detector reads: the start is enough, and lingua's time grows with length.
SAMPLE_CHARS = 3000
# Share of letters in the minority script above which a document is called mixed.
MIXED_SHARE = 0.2
_CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґЎў]")
_LATIN = re.compile(r"[A-Za-z]")
_UKRAINIAN_ONLY = re.compile(r"[ІіЇїЄєҐґ]")
_RUSSIAN_ONLY = re.compile(r"[ЫыЭэЪъЁё]")
# Frequent function words of Russian as written in Latin letters; several of them mean transliteration.
_TRANSLIT_WORDS = frozenset(
    "chto eto ne na ya my vy oni on ona kak tak no dlya bylo byl byla budet skazal zayavil zayavila soobshchil "
    "poetomu kotoryi kotorye kogda tolko uzhe esli ili tozhe vse vsyo ochen mozhno nado nuzhno segodnya".split()
)
# One detector per script, each over the languages our sources come in: lingua's memory and time grow with the
# number of languages (all 75 take ~1 GB; these take ~100 MB each, loaded on first use).
_CYRILLIC_LANGUAGES = {"RUSSIAN": "ru", "UKRAINIAN": "uk", "BELARUSIAN": "be", "BULGARIAN": "bg"}
_LATIN_LANGUAGES = {"ENGLISH": "en", "GERMAN": "de", "FRENCH": "fr", "SPANISH": "es"}
_LINGUA_CODES = {**_CYRILLIC_LANGUAGES, **_LATIN_LANGUAGES}


@dataclass(frozen=True, slots=True)
class Detection:
    """A document's language (ISO 639-1, or ``ru-Latn`` for transliterated Russian) and what to say of it."""

    language: str
    supported: bool
    note: str | None = None


@lru_cache(maxsize=2)
def _detector(script: str) -> Any:
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:
        return None
    names = _CYRILLIC_LANGUAGES if script == "cyrillic" else _LATIN_LANGUAGES
    languages = [getattr(Language, name) for name in names if hasattr(Language, name)]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect_language(text: str) -> Detection:
    sample = text[:SAMPLE_CHARS]
    cyrillic = len(_CYRILLIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    letters = cyrillic + latin
    if letters == 0:
        return Detection("und", False, "no letters to detect a language from")
    note = None
    if min(cyrillic, latin) > MIXED_SHARE * letters:
        note = "mixed-language document (Cyrillic and Latin): parsed as its majority language"
    if cyrillic >= latin:
        sample = " ".join(_CYRILLIC_RUNS.findall(sample)) if note else sample
        language = _cyrillic_language(sample)
    else:
        language = _latin_language(sample)
    return Detection(language, language in SUPPORTED, note if language in SUPPORTED else _unsupported(language))


_CYRILLIC_RUNS = re.compile(r"[^A-Za-z]+")


def _cyrillic_language(sample: str) -> str:
    ukrainian, russian = len(_UKRAINIAN_ONLY.findall(sample)), len(_RUSSIAN_ONLY.findall(sample))
    found = _lingua(sample, "cyrillic")
    if found is not None:
        if found in ("ru", "uk") and ukrainian and not russian:
            return "uk"
        if found in ("ru", "uk") and russian and not ukrainian:
            return "ru"
        return found
    return "uk" if ukrainian > russian else "ru"


def _latin_language(sample: str) -> str:
    """English, unless it is transliterated Russian. Other Latin-script languages are parsed as English, as
    before detection existed: telling them apart would only turn them away."""
    words = re.findall(r"[a-z]+", sample.lower())
    if words and sum(w in _TRANSLIT_WORDS for w in words) >= max(3, 0.08 * len(words)):
        return "ru-Latn"
    return "en"


def _lingua(sample: str, script: str) -> str | None:
    detector = _detector(script)
    if detector is None:
        return None
    found = detector.detect_language_of(sample)
    return None if found is None else _LINGUA_CODES.get(found.name)


def _unsupported(language: str) -> str:
    names = {"uk": "Ukrainian", "ru-Latn": "Russian in Latin transliteration", "be": "Belarusian"}
    return f"{names.get(language, language)} is not supported yet (supported: {', '.join(SUPPORTED)})"
