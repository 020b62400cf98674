"""A statement's journey as its page shows it, on ``quotetrace.link.provenance``.

The API answers with ``link.provenance.trace(...).to_dict()``: the very object of ``quotetrace trace --json``.
The page shows the same sightings grouped one row per document, each sighting's own words with the part copied
from the first sighting marked and the words an altered echo changed highlighted beside the original words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal

from quotetrace.link.provenance import Echo, PageHistory, page_history, statement_members, trace
from quotetrace.model import Capture
from quotetrace.store import RELATIONS, DocumentRow, MemberRow, Store

Role = Literal["plain", "copied", "changed"]
# The relation a document's row is drawn with when it quotes the statement more than once: the closest copy.
_CLOSEST = ("original", "verbatim", "altered", "partial", "paraphrase", "translation")
_WORD = re.compile(r"\S+")
_EDGE_PUNCTUATION = "\"'“”‘’«»„‚.,;:!?()[]—–-…"
MIN_COPIED_WORDS = 2  # a lone common word in both texts is not a copy


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of a sighting's words: plain, copied from the first sighting, or changed from it (``was``)."""

    text: str
    role: Role = "plain"
    was: str | None = None


@dataclass(frozen=True, slots=True)
class Sighting:
    """One quote of the statement in one document: its words, relation and attribution there."""

    quote_id: int
    relation: str
    speaker: str | None
    speaker_id: str | None
    misattributed: bool  # attributed here to someone other than the statement's speaker
    text: str
    pieces: list[Piece]
    changes: tuple[tuple[str, str], ...]
    quote_status: str
    edited_out_at: str | None


@dataclass(frozen=True, slots=True)
class DocumentSighting:
    """One document the statement was seen in: where, when, whether its page is still up, and its sightings."""

    doc_key: str
    doc_id: str  # as ingested
    title: str | None
    outlet: str | None
    url: str | None
    published_at: str | None
    seen_at: str | None
    page: PageHistory
    sightings: list[Sighting]
    first: bool  # the statement's first sighting is here

    @property
    def when(self) -> str | None:
        return self.published_at or self.seen_at

    @property
    def relation(self) -> str:
        found = {s.relation for s in self.sightings}
        return next((r for r in _CLOSEST if r in found), self.sightings[0].relation)

    @property
    def liveness(self) -> str:
        return self.page.liveness

    @property
    def misattributed(self) -> bool:
        return any(s.misattributed for s in self.sightings)

    @property
    def edited_out_at(self) -> str | None:
        return next((s.edited_out_at for s in self.sightings if s.quote_status == "edited_out"), None)


@dataclass(frozen=True, slots=True)
class Timeline:
    statement_id: str
    speaker: str | None
    speaker_id: str | None
    text: str
    documents: list[DocumentSighting]  # the first sighting's document first, then in time order
    quotes: int
    outlets: int
    relations: list[str] = field(default_factory=list)  # present, in legend order

    @property
    def first(self) -> DocumentSighting | None:
        return self.documents[0] if self.documents else None


def history(doc_id: str, captures: Sequence[Capture]) -> PageHistory:
    """A page's liveness history (unknown when it was never captured: nothing says it is up)."""
    return page_history(doc_id, list(captures))


def timeline(store: Store, statement_id: str) -> Timeline | None:
    """The statement's sightings, one entry per document; None when there is no such statement."""
    members = statement_members(store, statement_id)
    found = trace(store, statement_id)
    if members is None or found is None:
        return None
    echoes = [found.first_seen, *found.echoes]
    if len(echoes) != len(members.rows):  # the store changed between the two reads: use what the rows say
        echoes = []
    original = members.rows[0].text
    documents = store.documents_by_key(sorted({r.doc_id for r in members.rows}))
    by_doc: dict[str, list[tuple[MemberRow, Sighting]]] = {}
    for index, row in enumerate(members.rows):
        echo = echoes[index] if echoes else None
        by_doc.setdefault(row.doc_id, []).append((row, _sighting(row, echo, members.misattributed(row), original,
                                                                  first=index == 0)))
    rows = [
        _document(key, pairs, documents.get(key), members.liveness(key), first=index == 0)
        for index, (key, pairs) in enumerate(by_doc.items())
    ]
    present = {s.relation for d in rows for s in d.sightings}
    outlets = {d.outlet for d in rows if d.outlet}
    return Timeline(statement_id, members.speaker, members.speaker_id, members.text, rows, len(members.rows),
                    len(outlets), [r for r in RELATIONS if r in present] + sorted(present - set(RELATIONS)))


def _sighting(row: MemberRow, echo: Echo | None, misattributed: bool, original: str, *, first: bool) -> Sighting:
    relation = row.relation or "verbatim"
    changes = echo.changes if echo is not None else row.changes
    pieces = [Piece(row.text)] if first else mark_words(original, row.text, changes)
    return Sighting(
        quote_id=row.quote_id, relation=relation, speaker=row.speaker, speaker_id=row.speaker_id,
        misattributed=misattributed, text=row.text, pieces=pieces, changes=tuple(changes),
        quote_status=echo.quote_status if echo is not None else "unknown",
        edited_out_at=echo.edited_out_at if echo is not None else None,
    )


def _document(
    key: str, pairs: list[tuple[MemberRow, Sighting]], doc: DocumentRow | None, page: PageHistory, *, first: bool
) -> DocumentSighting:
    row = pairs[0][0]
    return DocumentSighting(
        doc_key=key, doc_id=row.id, title=doc.title if doc else None, outlet=row.outlet, url=row.url,
        published_at=row.published_at, seen_at=row.seen_at, page=page, sightings=[s for _, s in pairs], first=first,
    )


def _key(word: str) -> str:
    return word.strip(_EDGE_PUNCTUATION).casefold()


def mark_words(original: str, text: str, changes: Sequence[tuple[str, str]] = ()) -> list[Piece]:
    """``text`` cut into runs: words copied from ``original`` (runs of at least MIN_COPIED_WORDS words, or the
    whole of a short text), words an altered echo changed (``changes``: (original, echo) pairs), and the rest."""
    words = list(_WORD.finditer(text))
    roles: list[Role] = ["plain"] * len(text)
    was: list[str | None] = [None] * len(text)
    ours = [_key(w.group()) for w in words]
    theirs = [_key(w) for w in original.split()]
    shortest = min(MIN_COPIED_WORDS, len(ours))
    for block in SequenceMatcher(None, theirs, ours, autojunk=False).get_matching_blocks():
        if block.size >= max(shortest, 1):
            for word in words[block.b:block.b + block.size]:
                for at in range(word.start(), word.end()):
                    roles[at] = "copied"
    folded = text.casefold()
    for before, after in changes:
        if not after.strip():
            continue
        at = folded.find(after.casefold())
        while at >= 0:
            for i in range(at, at + len(after)):
                roles[i], was[i] = "changed", before
            at = folded.find(after.casefold(), at + len(after))
    return _runs(text, roles, was)


def _runs(text: str, roles: list[Role], was: list[str | None]) -> list[Piece]:
    """Consecutive characters of one role as pieces; the spaces between two copied words stay copied."""
    for at, char in enumerate(text):
        if char.isspace() and 0 < at < len(text) - 1 and roles[at - 1] == roles[at + 1] != "plain":
            roles[at], was[at] = roles[at - 1], was[at - 1]
    pieces: list[Piece] = []
    start = 0
    for at in range(1, len(text) + 1):
        if at == len(text) or roles[at] != roles[start] or was[at] != was[start]:
            pieces.append(Piece(text[start:at], roles[start], was[start]))
            start = at
    return pieces
