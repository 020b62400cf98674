"""An attribution set inside its content: "This campaign, he says, is different."

The parser hangs such a cue off the content in one of two ways, and either way the content runs on both
sides of it, as PolNeAR and our guidelines mark it (two fragments of one attribution):

- as a parenthetical (``parataxis``) of the clause around it: the cue's content is the clause after it, and
  the words before it ("This campaign") are the clause's opening;
- as the sentence's root with the clause before it as its complement ("The plan is not, its author insists,
  an attack on farmers"): what follows the cue and can only be the clause's ("an attack on farmers", an
  ``attr`` or ``acomp`` that no speech verb takes) is the clause's end.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from quotetrace.extract.cues import trim_chars
from quotetrace.extract.reported import ReportedQuote
from quotetrace.nlp import doc_text

# What only a copular clause takes: when the parser hangs it on the cue, it is the content's.
CLAUSE_TAIL_DEPS = frozenset({"attr", "acomp"})


def parenthetical_fragments(doc: Doc, reported: list[ReportedQuote]) -> dict[int, list[tuple[int, int]]]:
    """For each reported quote (by ``id``) whose cue sits inside its content, the content's two fragments."""
    text = doc_text(doc)
    out: dict[int, list[tuple[int, int]]] = {}
    for r in reported:
        if r.kind != "indirect":
            continue
        verb = r.cue.token
        fragments = _opening_before(doc, text, r, verb) if verb.dep_ == "parataxis" else _tail_after(doc, r, verb)
        if fragments is not None:
            out[id(r)] = fragments
    return out


def _opening_before(doc: Doc, text: str, r: ReportedQuote, verb: Token) -> list[tuple[int, int]] | None:
    """"This campaign, he says, is different": the clause's opening, before the cue set off by commas."""
    left = min(t.i for t in verb.subtree if not t.is_punct)  # (the parser may give it the commas around it)
    if left == 0 or doc[left - 1].text != "," or r.start < verb.idx:
        return None
    opening = trim_chars(doc, [t for t in doc[verb.sent.start : left - 1]])
    if opening is None or opening[1] > r.start or "\n" in text[opening[0] : r.start]:
        return None
    return [opening, (r.start, r.end)]


def _tail_after(doc: Doc, r: ReportedQuote, verb: Token) -> list[tuple[int, int]] | None:
    """"The plan is not, its author insists, an attack on farmers": the clause's end after the cue."""
    if r.end > verb.idx or verb.i + 1 >= len(doc) or doc[verb.i + 1].text != ",":
        return None
    tail = [c for c in verb.children if c.i > verb.i and c.dep_ in CLAUSE_TAIL_DEPS]
    if not tail:
        return None
    end = trim_chars(doc, [t for c in tail for t in c.subtree])
    if end is None:
        return None
    return [(r.start, r.end), end]
