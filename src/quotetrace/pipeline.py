"""Composes the per-document stages: prepare → clean → annotate → extract → attribute.

Every function here is a pure function of one document, so the same code runs in-process, in a process
pool (``runner.py``) or on a cluster.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit, urlunsplit

from quotetrace.attribute import attribute_speakers
from quotetrace.clean import clean_text
from quotetrace.errors import E
from quotetrace.extract import UNCLOSED_MARKS, find_quotes, named_mentions
from quotetrace.headlines import restore_text, sentence_case_headlines
from quotetrace.ingest.html import html_to_text
from quotetrace.language import SUPPORTED, Detection, detect_language
from quotetrace.model import Document, Mention, Quote, RawDocument, Skip
from quotetrace.nlp import load_pipeline
from quotetrace.settings import DEFAULT_SETTINGS, Settings


def extract_quotes(text: str, settings: Settings = DEFAULT_SETTINGS) -> list[Quote]:
    """Statements in ``text`` (taken as already clean), with offsets into ``text``."""
    quotes, _, _ = _annotate_and_extract(text, settings, choose_language(text, None, settings).language)
    return quotes


def process(raw: RawDocument, settings: Settings = DEFAULT_SETTINGS) -> tuple[Document | None, list[Skip]]:
    """One raw input to one Document with its quotes; problems come back as Skips, never as exceptions."""
    skips = [Skip(raw.source, note, fatal=False) for note in raw.notes]
    if raw.html is not None:
        extracted = html_to_text(raw.html)
        if extracted is None:
            return None, [*skips, Skip(raw.source, str(E.NO_MAIN_TEXT))]
        text = extracted.text
        title, url = raw.title or extracted.title, raw.url or extracted.url
        published_at = raw.published_at or extracted.published_at
    else:
        text, title, url, published_at = raw.text or "", raw.title, raw.url, raw.published_at
    text = clean_text(text)
    if not text.strip():
        return None, [*skips, Skip(raw.source, str(E.EMPTY))]
    if len(text) > settings.max_chars:
        skips.append(Skip(raw.source, E.TOO_LARGE.format(size=len(text), limit=settings.max_chars), fatal=False))
        text = text[: settings.max_chars]
    detected = choose_language(text, raw.language, settings)
    if not detected.supported:
        return None, [*skips, Skip(raw.source, E.UNSUPPORTED_LANGUAGE.format(detail=detected.note))]
    if detected.note:
        skips.append(Skip(raw.source, E.LANGUAGE_NOTE.format(detail=detected.note), fatal=False))
    quotes, mentions, unclosed = _annotate_and_extract(text, settings, detected.language)
    skips.extend(Skip(raw.source, E.UNCLOSED_QUOTE.format(offset=o), fatal=False) for o in unclosed)
    doc = Document(
        id=raw.id,
        doc_id=document_id(url, text),
        source=raw.source,
        text=text,
        title=title,
        url=url,
        outlet=raw.outlet or outlet_of(url),
        published_at=published_at,
        fetched_at=raw.fetched_at,
        language=detected.language,
        quotes=[q for q in quotes if q.confidence >= settings.min_confidence],
        mentions=mentions,
    )
    return doc, skips


def choose_language(text: str, given: str | None, settings: Settings) -> Detection:
    """The language to parse ``text`` as: the one set in ``settings``, else the reader's, else detected."""
    if settings.language != "auto":
        supported = settings.language in SUPPORTED
        note = None if supported else f"{settings.language} is not supported yet (supported: {', '.join(SUPPORTED)})"
        return Detection(settings.language, supported, note)
    if given and given.split("-")[0].lower() in SUPPORTED:
        return Detection(given.split("-")[0].lower(), True)
    return detect_language(text)


def _annotate_and_extract(text: str, settings: Settings, language: str) -> tuple[list[Quote], list[Mention], list[int]]:
    """Quotes, named mentions, and the offsets of quotation marks that never close."""
    if language == "ru":
        from quotetrace.ru import extract_russian

        quotes, mentions = extract_russian(text, settings)
        return quotes, mentions, []
    nlp = load_pipeline("en")
    parsed = sentence_case_headlines(text)  # same length: offsets into it are offsets into text
    spacy_doc = nlp(parsed)
    quotes = find_quotes(spacy_doc, settings)
    attribute_speakers(spacy_doc, quotes)
    mentions = named_mentions(spacy_doc)
    if parsed != text:
        quotes, mentions = restore_text(text, quotes, mentions)
    return quotes, mentions, spacy_doc.user_data.get(UNCLOSED_MARKS, [])


def canonical_url(url: str) -> str:
    """Scheme and host lower-cased, fragment and trailing slash dropped: one page, one key."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def document_id(url: str | None, text: str) -> str:
    key = canonical_url(url) if url else text
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def outlet_of(url: str | None) -> str | None:
    """The host without ``www.``: good enough for the registered domain of news sites."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
