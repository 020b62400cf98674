"""Russian personal names: surnames in any case form to one key, gender, nominative, Latin transliteration.

Pure string rules (no model), so that the linking step can use them on stored names.
"""

from __future__ import annotations

import re

from quotetrace.ru.lexicon import FEMALE_NAMES, MALE_NAMES

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# Declined surname endings: -ов/-ев/-ин/-ын (Петров, Петрова, Петрову, Петровым, Петровой ...) and
# -ский/-цкий (Зелёнский, Зеленская, Зеленского ...). Longest first.
_OV = re.compile(r"^(.+?(?:ов|ев|ёв|ин|ын))(?:а|у|ым|ой|ою|ом|е|ы|ых|ыми)?$")
_SKY = re.compile(r"^(.+?(?:ск|цк))(?:ий|ая|ого|ой|ому|им|ом|ую|ие|их|ими)$")
_FEMALE_SURNAME = re.compile(r"(?:ова|ева|ёва|ина|ына|ская|цкая)$")
_MALE_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий)$")


def has_cyrillic(text: str) -> bool:
    return CYRILLIC.search(text) is not None


def surname_key(word: str) -> str:
    """One key for every case and gender form of a surname: Иванов / Иванова / Иванову → иванов."""
    w = word.lower().replace("ё", "е")
    m = _SKY.match(w)
    if m:
        return m.group(1) + "ий"
    m = _OV.match(w)
    if m and len(m.group(1)) >= 4:
        return m.group(1)
    return w


def name_gender(name: str) -> str | None:
    """Gender from a given name or a surname ending, when they give one."""
    words = name.lower().replace("ё", "е").split()
    if not words:
        return None
    first = words[0]
    if first in FEMALE_NAMES:
        return "f"
    if first in MALE_NAMES:
        return "m"
    last = words[-1]
    if _FEMALE_SURNAME.search(last):
        return "f"
    if _MALE_SURNAME.search(last):
        return "m"
    return None


# A simplified BGN/PCGN romanisation, the one most English-language outlets use ("Пётр" → "Pyotr",
# "Сергей" → "Sergei", "Шойгу" → "Shoigu").
_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}
_VOWELS = frozenset("аеёиоуыэюяьъ")


def transliterate(text: str) -> str:
    """Cyrillic to Latin letters; other characters kept. "Иван Петров" → "Ivan Petrov"."""
    out: list[str] = []
    for i, ch in enumerate(text):
        low = ch.lower()
        if low not in _TRANSLIT:
            out.append(ch)
            continue
        prev = text[i - 1].lower() if i > 0 else " "
        latin = _TRANSLIT[low]
        if low == "е" and (not prev.isalpha() or prev in _VOWELS):
            latin = "ye"  # word-initial and after a vowel: Yevgeny, Andreyev
        if low == "й" and prev in "иы" and (i + 1 == len(text) or not text[i + 1].isalpha()):
            latin = ""  # Sergei, Yuri: the ending "-ий"/"-ый" comes out as "-y"/"-i"
            if prev == "и":
                out[-1] = "y" if (len(text) > 2 and i >= 2 and text[i - 2].lower() not in _VOWELS) else "i"
        if ch.isupper() and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
    return "".join(out)
