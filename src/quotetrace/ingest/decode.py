"""Bytes to text for every reader: UTF-8 first, then charset detection; binary data refused.

``decode_bytes`` raises ``InputError`` with a coded message (E001, E002, E003); readers turn it into a Skip.
A guessed encoding comes back as a W004 note, which the pipeline reports without dropping the document.
"""

from __future__ import annotations

import codecs

import charset_normalizer

from quotetrace.errors import E, InputError

# How much of the start of the data the control-byte test looks at: binary formats show themselves early,
# and a 50 MB text file must not be scanned byte by byte in Python.
_SNIFF_BYTES = 64 * 1024
# C0 control bytes other than tab, newline, vertical tab, form feed, carriage return and escape; DEL too.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
# Share of control bytes above which data is not text. Text has next to none; random bytes have ~10%.
_MAX_CONTROL_SHARE = 0.05
# Among encodings that charset_normalizer scores as equally good (common for short Western texts, where
# cp1250, cp1252 and cp1257 decode the ASCII alike), prefer the one most legacy web text is in: WHATWG
# maps latin-1 labels to it too.
_PREFERRED_ON_TIE = "cp1252"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Single-byte Cyrillic code pages, in the order preferred on a tie (cp1251 is the web's; koi8-r the old Unix
# one). charset_normalizer guesses these poorly on short texts: a 100-byte KOI8-R paragraph comes back as
# cp932 (Japanese).
_CYRILLIC_CODEPAGES = ("cp1251", "koi8_r", "koi8_u", "mac_cyrillic", "iso8859_5", "cp866")
# Bytes >= 0x80 as a share of letter bytes above which data is taken for single-byte Cyrillic: every
# Cyrillic letter is such a byte, while accented Western text has a few per sentence.
_MIN_HIGH_SHARE = 0.3
# What charset_normalizer says of single-byte Cyrillic: a Cyrillic page (maybe the wrong one), a CJK
# multi-byte one, or UTF-16 without a BOM (a short all-capitals headline). Only then is its guess checked;
# Greek, Arabic or Hebrew pages are left to it.
_CYRILLIC_PAGES = frozenset({"cp1251", "koi8-r", "koi8-u", "mac-cyrillic", "iso8859-5", "cp866", "cp855", "cp1125",
                             "kz1048", "ptcp154"})
_CJK_PREFIXES = ("shift_jis", "euc", "iso2022", "gb", "hz", "big5", "cp932", "cp949", "cp950", "johab", "utf-16",
                 "utf-32")
# Punctuation that Russian text holds outside ASCII; any other non-letter a code page makes of a high byte
# counts against that code page.
_CYRILLIC_PUNCTUATION = frozenset("«»—–„“”‘’№…•·°\xa0")


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """``data`` as text with ``\\n`` newlines and no BOM, plus notes (W004 when it was not UTF-8)."""
    text, notes = _decode(data)
    if not text or text.isspace():
        raise InputError(str(E.EMPTY))
    return normalise_newlines(text), notes


def _decode(data: bytes) -> tuple[str, list[str]]:
    if data.startswith(_UTF16_BOMS):  # the one text encoding full of NUL bytes
        try:
            return data.decode("utf-16"), [E.DECODED_AS.format(encoding="utf-16")]
        except UnicodeDecodeError:
            raise InputError(str(E.UNDECODABLE)) from None
    if not data or data.isspace():
        raise InputError(str(E.EMPTY))
    if looks_binary(data):
        raise InputError(str(E.BINARY))
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    encoding = _second_opinion(data, guess_encoding(data))
    if encoding is None:
        raise InputError(str(E.UNDECODABLE))
    try:
        text = data.decode(encoding)
    except LookupError:
        raise InputError(str(E.UNDECODABLE)) from None
    except UnicodeDecodeError:  # the guess was made on samples of the data; keep what decodes
        text = data.decode(encoding, errors="replace")
    return text, [E.DECODED_AS.format(encoding=encoding)]


def looks_binary(data: bytes) -> bool:
    """NUL bytes anywhere, or more than a few non-text control bytes near the start."""
    if b"\x00" in data:
        return True
    sample = data[:_SNIFF_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > _MAX_CONTROL_SHARE * len(sample)


def _second_opinion(data: bytes, guess: str | None) -> str | None:
    """charset_normalizer's ``guess``, unless it is (or could be) single-byte Cyrillic and another Cyrillic code
    page reads better."""
    if guess is not None:
        try:
            name = codecs.lookup(guess).name
        except LookupError:
            return guess
        if name not in _CYRILLIC_PAGES and not name.startswith(_CJK_PREFIXES):
            return guess
    return cyrillic_encoding(data) or guess


def cyrillic_encoding(data: bytes) -> str | None:
    """The Cyrillic code page ``data`` reads best in, when most of its letters are high bytes; else None.

    Each code page puts lower- and upper-case letters in different byte ranges (KOI8-R's lower case is
    cp1251's upper case), and running text is mostly lower case: the right page gives lower-case letters and
    known punctuation, a wrong one capitals or symbols."""
    sample = data[:_SNIFF_BYTES]
    high = bytes(b for b in sample if b >= 0x80)
    ascii_letters = sum(1 for b in sample if 0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A)
    if len(high) < 4 or len(high) < _MIN_HIGH_SHARE * (len(high) + ascii_letters):
        return None
    best, best_score = None, 0.0
    for codepage in _CYRILLIC_CODEPAGES:
        score = _cyrillic_score(high.decode(codepage, errors="replace"))
        if score > best_score:
            best, best_score = codepage, score
    return best


_LOWER = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў")
_UPPER = frozenset("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЇЄҐЎ")


def _cyrillic_score(chars: str) -> float:
    score = 0.0
    for ch in chars:
        if ch in _LOWER:
            score += 1.0
        elif ch in _UPPER:
            score += 0.5
        elif ch not in _CYRILLIC_PUNCTUATION:
            score -= 2.0
    return score


def guess_encoding(data: bytes) -> str | None:
    """The encoding charset_normalizer finds best, cp1252 on a tie; None when nothing decodes sensibly."""
    try:
        matches = list(charset_normalizer.from_bytes(data))
    except Exception:  # a detector failure is an undecodable input, not a crash
        return None
    if not matches:
        return None
    best = matches[0]
    tied = [m for m in matches if m.chaos == best.chaos and m.coherence == best.coherence]
    if any(_PREFERRED_ON_TIE in m.could_be_from_charset for m in tied):
        return _PREFERRED_ON_TIE
    return str(best.encoding)


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` to ``\\n``; a BOM left at the start (e.g. after utf-16) dropped."""
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
