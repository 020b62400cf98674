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
    encoding = guess_encoding(data)
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
