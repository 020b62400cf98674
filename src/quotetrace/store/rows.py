"""What the store's queries return, and the filters they take: plain dataclasses, no SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from quotetrace.model import ActType, Capture, QuoteKind, TextSpan


@dataclass(slots=True)
class QuoteRow:
    """A stored quote with its document, speaker and statement: one search hit (``Store.search_quotes``).

    ``doc_id`` is the store's key of the document (the hash), ``id`` its id as ingested; ``to_dict`` names
    them as users see them everywhere: ``doc_id`` the id as ingested, ``doc_key`` the hash. ``speaker`` is the
    canonical speaker's name once linked, ``resolved_speaker`` the name resolved inside the document.
    """

    quote_id: int
    doc_id: str
    id: str  # the document's input id
    title: str | None
    url: str | None
    outlet: str | None
    published_at: str | None
    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: str | None
    speaker_mention: TextSpan | None
    speaker: str | None
    speaker_id: str | None
    descriptors: list[str] = field(default_factory=list)
    confidence: float = 0.5
    language: str = "en"
    type: ActType = "speech"
    via: TextSpan | None = None
    fragments: list[TextSpan] = field(default_factory=list)
    statement_id: str | None = None
    relation: str | None = None
    resolved_speaker: str | None = None

    @property
    def sort_key(self) -> SortKey:
        """Where the row lies in the order of every quote list (keyset pagination resumes after it)."""
        return (int(self.published_at is None), self.published_at or "", self.doc_id, self.start, self.quote_id)

    def to_dict(self) -> dict[str, Any]:
        mention = self.speaker_mention
        return {
            "quote_id": self.quote_id,
            "statement_id": self.statement_id,
            "relation": self.relation,
            "doc_id": self.id,
            "doc_key": self.doc_id,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published_at": self.published_at,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "type": self.type,
            "cue": self.cue,
            "speaker_mention": (
                None if mention is None
                else {"text": mention.text, "start": mention.start, "end": mention.end}
            ),
            "speaker": self.speaker,
            "speaker_id": self.speaker_id,
            "descriptors": list(self.descriptors),
            "confidence": round(self.confidence, 3),
            "language": self.language,
            "via": None if self.via is None else {"text": self.via.text, "start": self.via.start, "end": self.via.end},
            "fragments": [{"text": f.text, "start": f.start, "end": f.end} for f in self.fragments],
        }


# The order of every quote list: publication time (undated last), document, offset, quote. Unique by quote_id.
SortKey = tuple[int, str, str, int, int]
StatementSort = Literal["first_seen", "last_seen", "sightings"]
STATEMENT_SORTS: tuple[StatementSort, ...] = ("first_seen", "last_seen", "sightings")


@dataclass(frozen=True, slots=True)
class QuoteFilters:
    """What a quote search asks for; every field is optional and all given ones must hold.

    ``q``: search syntax (``store/fts.py``). ``speaker`` and ``outlet``: part of a name, case, accents and
    apostrophes ignored. ``since``/``until``: ISO dates or times compared with ``published_at``, both inclusive
    at the precision given (``until="2024-03"`` takes all of March). ``types``: act types (None: all).
    """

    q: str | None = None
    speaker: str | None = None
    speaker_id: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    kind: str | None = None
    types: tuple[str, ...] | None = None
    doc_id: str | None = None  # the store's key


@dataclass(frozen=True, slots=True)
class StatementFilters:
    """What a statement search asks for. A statement matches ``q`` when any of its sightings does, ``outlet``
    when any sighting is from it, ``speaker`` by its own speaker, ``since``/``until`` when the time between
    its first and last sighting meets that period, ``types`` by its first sighting's act type."""

    q: str | None = None
    speaker: str | None = None
    speaker_id: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    types: tuple[str, ...] | None = None
    min_sightings: int = 1
    sort: StatementSort = "first_seen"


@dataclass(frozen=True, slots=True)
class DocumentFilters:
    q: str | None = None  # part of the title or of the id as ingested
    outlet: str | None = None
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True, slots=True)
class StatementRow:
    """A statement with its reach, as of the last link (what ``Store.search_statements`` returns)."""

    statement_id: str
    speaker_id: str | None
    speaker: str | None
    text: str  # the first sighting's words
    first_quote_id: int | None
    first_doc_key: str | None
    first_doc_id: str | None  # the first sighting's document as ingested
    first_title: str | None
    first_outlet: str | None
    type: str
    sightings: int  # documents it was seen in
    quotes: int
    outlets: int
    languages: list[str]
    relations: list[str]
    altered: bool
    first_seen: str | None
    last_seen: str | None


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """A stored document without its text, with its number of quotes (what the document lists show)."""

    doc_key: str
    doc_id: str  # as ingested
    title: str | None
    url: str | None
    outlet: str | None
    published_at: str | None
    fetched_at: str | None
    language: str
    source: str
    quotes: int


@dataclass(frozen=True, slots=True)
class OutletRow:
    outlet: str
    documents: int
    quotes: int
    first_published: str | None
    last_published: str | None


@dataclass(frozen=True, slots=True)
class SearchExpression:
    """A search as run: the FTS5 expression (None: the text had nothing searchable) and, for a long pasted
    passage, the distinctive words it was cut to."""

    match: str | None
    reduced_to: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Sighting:
    """A stored quote with what linking needs of its document (what ``Store.sightings`` returns).

    ``seen_at`` is the first time the page was seen: its first capture, else the document's ``fetched_at``.
    """

    quote_id: int
    doc_id: str
    id: str
    text: str
    speaker: str | None
    speaker_mention: str | None
    descriptors: tuple[str, ...]
    outlet: str | None
    url: str | None
    published_at: str | None
    seen_at: str | None
    type: ActType = "speech"  # linking makes statements of speech and belief; a stance has a speaker only


@dataclass(frozen=True, slots=True)
class MemberRow:
    """A stored quote with its statement (if linked), document and canonical speaker."""

    statement_id: str | None
    relation: str | None
    quote_id: int
    doc_id: str
    id: str
    outlet: str | None
    url: str | None
    published_at: str | None
    seen_at: str | None
    text: str
    speaker: str | None
    speaker_id: str | None
    language: str | None = None
    changes: tuple[tuple[str, str], ...] = ()  # (original, echo) of an ``altered`` member


@dataclass(frozen=True, slots=True)
class CaptureRow:
    """A stored capture and the version of its page it showed (None: it showed none, or was not read)."""

    capture: Capture
    version_id: int | None


@dataclass(frozen=True, slots=True)
class VersionRow:
    """One version of a page: what it showed, when (first and last capture that showed it), how many quotes."""

    version_id: int
    doc_id: str
    title: str | None
    language: str
    partial: bool  # read from a truncated capture: only the start of the page
    ingested_at: str
    first_seen: str | None
    last_seen: str | None
    quotes: int
    shown: bool  # the version the document row shows


@dataclass(slots=True)
class PageRow:
    """A page (a document with a URL, or a captured URL) with its captures, oldest first."""

    doc_id: str
    id: str | None  # the document's id as ingested; None when no version of the page was read
    url: str | None  # the document's URL (else the captures')
    title: str | None
    captures: list[CaptureRow]


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    """A canonical speaker with its counts (what ``Store.canonical_speakers`` returns)."""

    speaker_id: str
    name: str
    aliases: list[str]
    descriptors: list[str]
    anonymous: bool
    documents: int
    statements: int
    quotes: int
