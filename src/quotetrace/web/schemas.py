"""The JSON the REST API answers with, as pydantic models (they make the OpenAPI spec at /openapi.json).

Hot paths answer with plain dicts built by the store's rows (``QuoteRow.to_dict``, ``Reach.to_dict``); these
models describe them, and the tests check that every answer validates against its model unchanged.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

DOC_ID = "The document's id as ingested (a record's own id, else the file name)."
DOC_KEY = "The store's key of the document (stable hash of its canonical URL, or of its text)."


class ErrorBody(BaseModel):
    status: int
    message: str


class ErrorOut(BaseModel):
    error: ErrorBody


class SpanOut(BaseModel):
    text: str
    start: int | None
    end: int | None


class QuoteOut(BaseModel):
    quote_id: int
    statement_id: str | None = Field(description="The statement it belongs to (after `quotetrace link`).")
    relation: str | None = Field(description="original, verbatim, partial, altered, paraphrase or translation.")
    doc_id: str = Field(description=DOC_ID)
    doc_key: str = Field(description=DOC_KEY)
    title: str | None
    url: str | None
    outlet: str | None
    published_at: str | None
    text: str
    start: int = Field(description="Python str offset of the quote in the document's cleaned text.")
    end: int
    kind: str = Field(description="direct, indirect or mixed.")
    type: str = Field(description="speech, belief or stance.")
    cue: str | None
    speaker_mention: SpanOut | None
    speaker: str | None = Field(description="The canonical speaker's name once linked, else as resolved.")
    speaker_id: str | None
    descriptors: list[str]
    confidence: float
    language: str
    via: SpanOut | None = Field(description="The channel the words came through, as written, when one is named.")
    fragments: list[SpanOut]


class QuotePage(BaseModel):
    results: list[QuoteOut]
    total: int = Field(description="How many quotes match in all.")
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page; null on the last page.")


class StatementOut(BaseModel):
    statement_id: str
    speaker: str | None
    speaker_id: str | None
    text: str = Field(description="The first sighting's words.")
    type: str
    sightings: int = Field(description="Documents the statement was seen in.")
    quotes: int = Field(description="Quotes linked to it (a document may quote it more than once).")
    outlets: int
    languages: list[str]
    relations: list[str] = Field(description="Relations present among its sightings.")
    altered: bool = Field(description="Some sighting changed its words (relation altered).")
    removed: bool = Field(description="The page of some sighting was taken down.")
    first_seen: str | None
    last_seen: str | None
    first_doc_id: str | None = Field(description=DOC_ID)
    first_doc_key: str | None = Field(description=DOC_KEY)
    first_outlet: str | None
    first_title: str | None


class OffsetPage(BaseModel):
    total: int = Field(description="How many match in all.")
    offset: int
    next_offset: int | None = Field(description="Pass as ?offset= for the next page; null on the last page.")


class StatementPage(OffsetPage):
    results: list[StatementOut]


class SpeakerOut(BaseModel):
    speaker_id: str
    name: str
    aliases: list[str]
    descriptors: list[str]
    anonymous: bool
    quotes: int
    documents: int
    statements: int = Field(description="Statements of which this speaker is the speaker.")


class SpeakerList(OffsetPage):
    results: list[SpeakerOut]


class MonthCount(BaseModel):
    month: str
    statements: int


class SpeakerDetail(SpeakerOut):
    over_time: list[MonthCount] = Field(description="The speaker's statements per month they were first seen.")
    undated: int
    statements_page: StatementPage = Field(description="The first page of the speaker's statements; more by "
                                                       "/api/statements?speaker_id=.")


class DocumentSummaryOut(BaseModel):
    doc_id: str = Field(description=DOC_ID)
    doc_key: str = Field(description=DOC_KEY)
    title: str | None
    url: str | None
    outlet: str | None
    published_at: str | None
    language: str
    quotes: int
    source: str


class DocumentList(OffsetPage):
    results: list[DocumentSummaryOut]


class OutletOut(BaseModel):
    outlet: str
    documents: int
    quotes: int
    first_published: str | None
    last_published: str | None


class OutletList(OffsetPage):
    results: list[OutletOut]


class CaptureOut(BaseModel):
    url: str
    fetched_at: str
    http_status: int | None
    content_hash: str
    location: str | None
    removal_notice: bool


class DocumentOut(BaseModel):
    doc_id: str = Field(description=DOC_ID)
    doc_key: str = Field(description=DOC_KEY)
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

    doc_id: str = Field(description=DOC_ID)
    outlet: str | None
    url: str | None
    published_at: str | None


class EchoOut(FirstSeen):
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
    doc_id: str = Field(description=DOC_ID)
    doc_key: str = Field(description=DOC_KEY)
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
