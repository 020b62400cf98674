"""The nouns of quotetrace (see DESIGN.md): plain dataclasses, nothing else.

Every stage takes and returns these. Offsets are Python ``str`` offsets into the *cleaned* text of the
document, end exclusive, so ``doc.text[q.start:q.end] == q.text`` always holds.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

QuoteKind = Literal["direct", "indirect", "mixed"]
QUOTE_KINDS: tuple[QuoteKind, ...] = ("direct", "indirect", "mixed")
# What kind of act a statement reports: ``speech`` (said, wrote, told, asked, according to, a quotation),
# ``belief`` (believes, fears, thinks, realises) or ``stance`` (an attitude toward a thing: "criticized the
# buildup", "demanded his resignation"). Lists, speaker pages and linking show speech and belief by default.
ActType = Literal["speech", "belief", "stance"]
ACT_TYPES: tuple[ActType, ...] = ("speech", "belief", "stance")
DEFAULT_ACT_TYPES: tuple[ActType, ...] = ("speech", "belief")


def chosen_act_types(values: list[str] | None) -> tuple[str, ...] | None:
    """Act types given once or more, or comma-separated: None for ``all``, speech and belief when none given;
    ValueError naming the first unknown one."""
    given = [v.strip() for value in values or [] for v in value.split(",") if v.strip()]
    if not given:
        return DEFAULT_ACT_TYPES
    if "all" in given:
        return None
    unknown = [v for v in given if v not in ACT_TYPES]
    if unknown:
        raise ValueError(unknown[0])
    return tuple(t for t in ACT_TYPES if t in given)


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A span of the cleaned text: the text itself and where it lies."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Quote:
    """One attributed statement in one document."""

    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: str | None = None
    speaker_mention: TextSpan | None = None
    speaker: str | None = None
    descriptors: list[str] = field(default_factory=list)
    confidence: float = 0.5
    language: str = "en"
    # The quoted pieces of a quotation split by its attribution (“A,” she said. “B”): one statement, whose
    # span runs from A to B, and whose words are these. Empty when the quote is one piece.
    fragments: list[TextSpan] = field(default_factory=list)
    type: ActType = "speech"
    # The channel the statement reached the writer through, as written, when the text names one besides the
    # speaker: "the ministry" in "“…,” Halvorsen said, according to the ministry"; "state television" in
    # "as quoted by state television". The speaker stays the person who spoke.
    via: TextSpan | None = None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["confidence"] = round(self.confidence, 3)
        return out


@dataclass(frozen=True, slots=True)
class Mention:
    """A span naming a person, organisation or place (from NER), with its label."""

    text: str
    start: int
    end: int
    label: str


@dataclass(slots=True)
class RawDocument:
    """One article as a reader found it, before cleaning: exactly one of ``text`` and ``html`` is set."""

    id: str
    source: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published_at: str | None = None
    fetched_at: str | None = None
    language: str | None = None
    notes: list[str] = field(default_factory=list)  # non-fatal reader remarks, e.g. a guessed encoding


@dataclass(slots=True)
class Document:
    """One article as ingested: cleaned text, metadata, and what extraction found in it.

    ``id`` is the input's own id (a JSONL record's ``id``, else the file name); ``doc_id`` is the stable
    hash of the canonical URL, or of the text when there is no URL.
    """

    id: str
    doc_id: str
    source: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published_at: str | None = None
    fetched_at: str | None = None
    language: str = "en"
    quotes: list[Quote] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def to_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published_at": self.published_at,
            "language": self.language,
            "quotes": [q.to_dict() for q in self.quotes],
        }
        if with_text:
            out["text"] = self.text
        return out


# What one capture shows of its page: ``up`` (the page answered with its content), ``moved`` (a redirect to
# another page), ``gone`` (evidence of removal: 404, 410, 451, a not-found or removal page, a redirect to the
# front page), ``down`` (the server or the road to it failed: 5xx, a timeout, a connection error) or ``blocked``
# (the crawler was refused: a bot wall, a captcha, a geo-block, a log-in). See ``ingest/capture_state.py``.
CaptureState = Literal["up", "moved", "gone", "down", "blocked"]
CAPTURE_STATES: tuple[CaptureState, ...] = ("up", "moved", "gone", "down", "blocked")


@dataclass(frozen=True, slots=True)
class Capture:
    """One observation of a URL at a time.

    ``content_hash`` hashes the page's main text when there is one (so new page furniture is no change), else
    the payload. ``location`` is where a redirect pointed; ``removal_notice`` says the main text was a
    "this page has been removed" (or not-found) page; ``source`` names the file (and record) it came from.
    ``state`` is what the capture shows (None: not classified when it was read; derived from the status),
    ``reason`` a short code for why (``not_found``, ``legal``, ``soft_404``, ``bot_wall``, ``timeout``, ...)
    and ``detail`` the evidence matched (the phrase, the header). ``content_type`` is the response's MIME type;
    ``truncated`` says the record holds only the start of the page; ``payload_digest`` is the WARC's digest of
    the response body (a later ``revisit`` record names it to say "the same as before").
    """

    url: str
    fetched_at: str
    http_status: int | None
    content_hash: str
    location: str | None = None
    removal_notice: bool = False
    source: str = ""
    state: CaptureState | None = None
    reason: str | None = None
    detail: str | None = None
    content_type: str | None = None
    truncated: bool = False
    payload_digest: str | None = None


@dataclass(slots=True)
class Speaker:
    """A canonical person or organisation across the corpus; anonymous ones are scoped to a document."""

    speaker_id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    descriptors: list[str] = field(default_factory=list)
    anonymous: bool = False


@dataclass(frozen=True, slots=True)
class Skip:
    """An input that could not be used (or only partly), and why; reported, never raised."""

    source: str
    reason: str
    fatal: bool = True  # False: the document was still processed as far as it sensibly could be
