"""The JSON the REST API answers with, as pydantic models (they make the OpenAPI spec at /openapi.json)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from quotetrace.web.queries import QuoteHit, SpeakerHit


class ErrorBody(BaseModel):
    status: int
    message: str


class ErrorOut(BaseModel):
    error: ErrorBody


class MentionOut(BaseModel):
    text: str
    start: int | None
    end: int | None


class QuoteOut(BaseModel):
    quote_id: int
    doc_id: str = Field(description="The store's key of the document (stable hash of its URL or text).")
    id: str = Field(description="The document's id as ingested.")
    title: str | None
    url: str | None
    outlet: str | None
    published_at: str | None
    text: str
    start: int = Field(description="Python str offset of the quote in the document's cleaned text.")
    end: int
    kind: str
    cue: str | None
    speaker_mention: MentionOut | None
    speaker: str | None
    speaker_id: str | None
    confidence: float
    statement_id: str | None
    relation: str | None

    @classmethod
    def of(cls, hit: QuoteHit) -> QuoteOut:
        mention = None
        if hit.speaker_mention is not None:
            mention = MentionOut(text=hit.speaker_mention, start=hit.speaker_mention_start,
                                 end=hit.speaker_mention_end)
        return cls(
            quote_id=hit.quote_id, doc_id=hit.doc_id, id=hit.id, title=hit.title, url=hit.url, outlet=hit.outlet,
            published_at=hit.published_at, text=hit.text, start=hit.start, end=hit.end, kind=hit.kind,
            cue=hit.cue, speaker_mention=mention, speaker=hit.speaker, speaker_id=hit.speaker_id,
            confidence=round(hit.confidence, 3), statement_id=hit.statement_id, relation=hit.relation,
        )


class QuotePage(BaseModel):
    results: list[QuoteOut]
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page; null on the last page.")


class SpeakerOut(BaseModel):
    speaker_id: str
    name: str
    aliases: list[str]
    descriptors: list[str]
    anonymous: bool
    quotes: int
    documents: int
    statements: int

    @classmethod
    def of(cls, hit: SpeakerHit) -> SpeakerOut:
        return cls(
            speaker_id=hit.speaker_id, name=hit.name, aliases=hit.aliases, descriptors=hit.descriptors,
            anonymous=hit.anonymous, quotes=hit.quotes, documents=hit.documents, statements=hit.statements,
        )


class SpeakerList(BaseModel):
    results: list[SpeakerOut]


class MonthCount(BaseModel):
    month: str
    quotes: int


class SpeakerDetail(SpeakerOut):
    over_time: list[MonthCount] = Field(description="Quotes per month of publication.")
    undated: int
    quotes_page: QuotePage = Field(description="The first page of the speaker's quotes; more by /api/quotes.")


class CaptureOut(BaseModel):
    url: str
    fetched_at: str
    http_status: int | None
    content_hash: str
    location: str | None
    removal_notice: bool


class DocumentOut(BaseModel):
    doc_id: str
    id: str
    source: str
    url: str | None
    outlet: str | None
    title: str | None
    published_at: str | None
    fetched_at: str | None
    language: str
    text: str
    quotes: list[QuoteOut]
    captures: list[CaptureOut]
    liveness: str = Field(description="live, changed, removed, unreachable, blocked, or unknown when never captured")
    first_seen: str | None
    last_seen: str | None
    removed_at: str | None


class FirstSeen(BaseModel):
    model_config = {"extra": "allow"}

    doc_id: str
    outlet: str | None
    url: str | None
    published_at: str | None


class EchoOut(BaseModel):
    model_config = {"extra": "allow"}

    doc_id: str
    outlet: str | None
    url: str | None
    published_at: str | None
    relation: str
    speaker: str | None
    liveness: str


class ProvenanceOut(BaseModel):
    """The same object as ``quotetrace trace --json``."""

    model_config = {"extra": "allow"}

    statement_id: str
    speaker: str | None
    text: str
    first_seen: FirstSeen | None
    echoes: list[EchoOut]


class IngestOut(BaseModel):
    doc_id: str
    id: str
    result: str = Field(description="inserted, updated or unchanged")
    quotes: int
    warnings: list[str]
    linking: str = Field(description="scheduled: speakers and echoes are re-linked in the background; off")


# -- pages (GET /api/pages) --------------------------------------------------------------------------------------

class EvidenceOut(BaseModel):
    fetched_at: str = Field(description="When the capture the liveness rests on was made.")
    http_status: int | None
    state: str = Field(description="What that capture showed: up, moved, gone, down or blocked.")
    reason: str = Field(description="Why: not_found, gone, legal, soft_404, removal_notice, front_page_redirect, "
                                    "removal_redirect, server_error, timeout, connection_error, bot_wall, geo_block, "
                                    "forbidden, login, rate_limited, ok, truncated, ...")
    detail: str | None = Field(description="What was matched: the phrase, the header, the redirect target.")
    source: str = Field(description="The file and record it came from.")


class OutageOut(BaseModel):
    start: str
    end: str
    reason: str
    captures: int


class PageOut(BaseModel):
    doc_id: str | None = Field(description="The document's id as ingested (null when no version was read).")
    doc_key: str = Field(description="The store's key of the page (hash of its canonical URL).")
    url: str
    title: str | None
    liveness: str = Field(description="live, changed, removed, unreachable, blocked or unknown (never captured)")
    first_seen: str | None = Field(description="First capture that showed the page up.")
    last_seen: str | None = Field(description="Last capture that showed the page up.")
    removed_at: str | None = Field(description="First evidence of removal after the page was last seen up.")
    up_days: float | None = Field(description="Days from first seen up to removal (else to last seen up).")
    captures: int
    contents: int = Field(description="Distinct contents the page showed (changed when more than one).")
    evidence: EvidenceOut | None
    outages: list[OutageOut] = Field(description="Failures between captures that showed the page up.")


class PageList(BaseModel):
    results: list[PageOut]
    next_cursor: str | None


def jsonable(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json")
