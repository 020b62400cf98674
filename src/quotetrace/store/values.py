"""How the store writes Python values into its columns and reads them back (JSON lists, spans, changes), and
the SQL functions it registers on its connection."""

from __future__ import annotations

import functools
import json
import sqlite3
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from quotetrace.fingerprint import page_hash
from quotetrace.model import TextSpan
from quotetrace.store.rows import (
    QuoteRow,
)

# The order relations are listed in (a statement's relations present, a legend).
RELATIONS = ("original", "verbatim", "partial", "altered", "paraphrase", "translation")

_APOSTROPHES = frozenset("'’‘`´ʼ")


def fold(value: object) -> str | None:
    """Text as a name filter compares it: case, accents, apostrophes and runs of spaces ignored."""
    if value is None:
        return None
    decomposed = unicodedata.normalize("NFKD", str(value).casefold())
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch) and ch not in _APOSTROPHES)
    return " ".join(kept.split())


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def page_hash_of(title: object, text: object) -> str:
    return page_hash(None if title is None else str(title), str(text or ""))


def json_list(values: Sequence[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def casefold(value: object) -> str | None:
    return None if value is None else str(value).casefold()


def changes_json(changes: Sequence[tuple[str, str]]) -> str:
    return json.dumps([{"original": a, "echo": b} for a, b in changes], ensure_ascii=False)


def changes_of(raw: str | None) -> tuple[tuple[str, str], ...]:
    if not raw or raw == "[]":
        return ()
    return tuple((str(c["original"]), str(c["echo"])) for c in json.loads(raw))


def spans_json(spans: Sequence[TextSpan]) -> str:
    return json.dumps([[s.text, s.start, s.end] for s in spans], ensure_ascii=False)


def spans_of(raw: str | None) -> list[TextSpan]:
    if not raw or raw == "[]":
        return []
    return [TextSpan(str(text), int(start), int(end)) for text, start, end in json.loads(raw)]


def word_key(word: str) -> str:
    return word.strip("\"'“”‘’«»„‚.,;:!?()[]{}—–-…*").casefold()


def placeholders(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


def distinct_of(raw: str) -> list[str]:
    return list(_distinct(raw))


def relations_of(raw: str) -> list[str]:
    return list(_relations(raw))


# A summary's languages and relations are JSON arrays drawn from a handful of distinct values: each is decoded
# once (a page of statements decoded 100 arrays a request).
@functools.lru_cache(maxsize=1024)
def _distinct(raw: str) -> tuple[str, ...]:
    return tuple(sorted({str(v) for v in json.loads(raw) if v is not None}))


@functools.lru_cache(maxsize=1024)
def _relations(raw: str) -> tuple[str, ...]:
    found = {str(v) for v in json.loads(raw) if v is not None}
    return tuple([r for r in RELATIONS if r in found] + sorted(found - set(RELATIONS)))


def quote_row(row: sqlite3.Row | tuple[Any, ...]) -> QuoteRow:
    (quote_id, doc_id, input_id, title, url, outlet, published_at, text, start, end, kind, cue,
     mention_text, mention_start, mention_end, speaker, speaker_id, descriptors, confidence, language,
     act_type, via_text, via_start, via_end, fragments, statement_id, relation, resolved) = row
    mention = None
    if mention_text is not None:
        mention = TextSpan(mention_text, mention_start, mention_end)
    via = None if via_text is None else TextSpan(via_text, via_start, via_end)
    return QuoteRow(
        quote_id=quote_id, doc_id=doc_id, id=input_id, title=title, url=url, outlet=outlet,
        published_at=published_at, text=text, start=start, end=end, kind=kind, cue=cue,
        speaker_mention=mention, speaker=speaker, speaker_id=speaker_id,
        descriptors=json.loads(descriptors), confidence=confidence, language=language,
        type=act_type, via=via, fragments=spans_of(fragments), statement_id=statement_id, relation=relation,
        resolved_speaker=resolved,
    )
