"""Documents that speak for their authors: "the letter asks …" was said by whoever wrote the letter.

A document noun (``lexicon.DOCUMENT_NOUNS``: letters, appeals, reports, records, data) finds its author on
the parse:

- its owner: "Berg's letter", "whose letter", "the Berg letter";
- a preposition after it: "a letter from Berg", "a report by the audit office";
- a participle or relative clause with an author: "a petition signed by 40 officers", "the appeal, written
  by Berg", "the letter, which Berg wrote in March";
- the verb it is the object of, or the passive it is the subject of: "Berg wrote a letter", "the audit
  office published a report", "the letter was signed by 40 officers";
- the speech verb it was said in: "the ministry said in a statement".

A mention such as "the two-page letter" with no author of its own is the nearest earlier document of the
same noun that has one. All of it is one pass over the document's tokens.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from quotetrace.extract.cues import mention_span, subject_of
from quotetrace.lexicon import AUTHOR_PREPOSITIONS, AUTHORING_VERBS, DOCUMENT_NOUNS, RELATIVE_PRONOUNS, SPEECH_VERBS

# An author is someone or something that can write: not a date, a time or a place ("a letter from March").
NOT_AUTHORS = frozenset({"DATE", "TIME", "LOC", "FAC", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
OWNER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Verbs a document is said or written in: "the ministry said in a statement".
SAYING_VERBS = SPEECH_VERBS | AUTHORING_VERBS


@dataclass(frozen=True, slots=True)
class Authorship:
    """A document noun of the text and the mention of who wrote or issued it."""

    noun: Token
    author: Span


class Authorships:
    """Every document noun of a document whose author the parse gives, in text order; found the first time
    a mention needs them (most documents never do)."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._found: list[Authorship] | None = None

    def all(self) -> list[Authorship]:
        if self._found is None:
            self._found = [Authorship(t, a) for t in self._doc if is_document(t) for a in [author_of(t)] if a]
        return self._found


def is_document(tok: Token) -> bool:
    # by the word too: the lemmatiser makes "data" "datum"
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in DOCUMENT_NOUNS or tok.lower_ in DOCUMENT_NOUNS)


def author_of(noun: Token) -> Span | None:
    """Who wrote or issued the document ``noun`` names, as the parse around it gives them."""
    for child in noun.children:
        if child.dep_ == "poss":
            return None if child.ent_type_ in NOT_AUTHORS else mention_span(child)  # not "Monday's report"
        if child.dep_ == "compound" and child.ent_type_ in OWNER_ENTS and not child.is_sent_start:
            return _entity_around(child)  # "a Vantage poll"; not "Exit polls", NER's guess at a capital
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in AUTHOR_PREPOSITIONS:
            author = _object_of(child)
            if author is not None:
                return author
        if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in AUTHORING_VERBS:
            author = _clause_author(child)
            if author is not None:
                return author
    return _author_by_verb(noun)


def earlier_author(noun: Token, authorships: Authorships) -> Span | None:
    """The author of the nearest earlier document of the same noun ("Berg wrote a letter … The letter").
    Only a definite mention refers back: "exit polls" or "a poll" is another poll than "a Bloomberg poll"."""
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in noun.children):
        return None
    lemma = noun.lemma_.lower()
    for a in reversed(authorships.all()):
        if a.noun.i < noun.i and a.noun.lemma_.lower() == lemma and a.noun.tag_ == noun.tag_:
            return a.author
    return None


def _author_by_verb(noun: Token) -> Span | None:
    """"Berg wrote a letter", "The letter was signed by …", "the ministry said in a statement"."""
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in AUTHORING_VERBS:
        return subject_of(verb)
    if noun.dep_ == "nsubjpass" and verb.lemma_.lower() in AUTHORING_VERBS:
        return _agent_of(verb)
    if noun.dep_ == "pobj" and noun.head.lower_ == "in":
        speech = noun.head.head
        if speech.pos_ in ("VERB", "AUX") and speech.lemma_.lower() in SAYING_VERBS:
            return subject_of(speech)
    return None


def _clause_author(verb: Token) -> Span | None:
    """"a petition signed by 40 officers", "the letter, which Berg wrote": the agent, or the subject of a
    relative clause whose object is the document."""
    agent = _agent_of(verb)
    if agent is not None:
        return agent
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.dep_ == "relcl" and subject is not None and subject.lower_ not in RELATIVE_PRONOUNS:
        return mention_span(subject)
    return None


def _agent_of(verb: Token) -> Span | None:
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return _object_of(agent) if agent is not None else None


def _object_of(prep: Token) -> Span | None:
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if pobj is None or pobj.ent_type_ in NOT_AUTHORS:
        return None
    return mention_span(pobj)


def _entity_around(tok: Token) -> Span:
    """The named entity ``tok`` is part of ("the Tomas Varga letter" → "Tomas Varga")."""
    return next((e for e in tok.doc.ents if e.start <= tok.i < e.end), tok.doc[tok.i : tok.i + 1])
