"""Stable keys of the nouns, computed the same way wherever a Document or Speaker is made or stored.

``store/`` and ``batch/`` both need them (a batch writes Parquet rows that ``load`` stores as ``ingest`` would),
so they live here, apart from either.
"""

from __future__ import annotations

import hashlib
import json

from quotetrace.model import Document


def content_hash(doc: Document) -> str:
    """sha256 of the cleaned text and the quotes found in it: what decides whether a re-ingest rewrites."""
    quotes = json.dumps([q.to_dict() for q in doc.quotes], ensure_ascii=False, sort_keys=True)
    digest = hashlib.sha256(doc.text.encode("utf-8"))
    digest.update(b"\x00")
    digest.update(quotes.encode("utf-8"))
    return digest.hexdigest()


def is_anonymous(name: str) -> bool:
    """Descriptions ("a senior official", "the minister") start lower-case; names start upper-case."""
    return not name[:1].isupper()


def speaker_key(name: str, doc_id: str) -> str:
    """For now the lower-cased name; anonymous speakers are scoped to their document."""
    key = " ".join(name.casefold().split())
    return f"{doc_id}:{key}" if is_anonymous(name) else key
