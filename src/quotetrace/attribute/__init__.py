"""Who said it: each quote's speaker mention, resolved to a named person or organisation of the document.

Rules, in order (no coreference model installs offline, so this is ours):
1. a mention that contains a name resolves to the fullest form of that name in the document ("Smith" →
   "Jane Smith");
2. a personal pronoun resolves to the nearest earlier person of matching gender, preferring people who
   were already speaking (salience), then the nearest by distance; "they"/"it" to an organisation;
3. a definite description ("the former minister") resolves to the nearest earlier person whose
   descriptors share its head noun;
4. indefinite descriptions ("a senior official") stay as written: anonymous speakers;
5. "I" outside a quotation is the author.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from quotetrace.attribute.people import ORG_LABELS, Entity, collect_entities
from quotetrace.extract.cues import mention_span
from quotetrace.lexicon import (
    DOCUMENT_NOUNS,
    FIRST_PERSON,
    INDEFINITE_DETERMINERS,
    ORGANISATION_NOUNS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    THING_PRONOUNS,
)
from quotetrace.model import Quote

Fits = Callable[[Entity], bool]
AUTHOR = "the author"
# How far back (characters) a pronoun or description may reach for its antecedent.
MAX_ANTECEDENT_DISTANCE = 3000


def attribute_speakers(doc: Doc, quotes: list[Quote]) -> None:
    """Fill ``speaker`` and ``descriptors`` of each quote from its ``speaker_mention``."""
    entities = collect_entities(doc)
    speakers: list[tuple[int, Entity]] = []  # (position, entity) of resolved speakers so far: salience
    for q in quotes:
        if q.speaker_mention is None:
            continue
        span = doc.char_span(q.speaker_mention.start, q.speaker_mention.end, alignment_mode="expand")
        if span is None:
            q.speaker = q.speaker_mention.text
            continue
        entity = resolve(span, entities, speakers)
        if entity is not None:
            q.speaker = entity.name
            q.descriptors = list(entity.descriptors)
            speakers.append((span.start_char, entity))
        else:
            q.speaker = _as_written(span)
            if q.speaker.strip() and _person_description(span):
                # "A spokesman for the ministry ... “…,” he said": a later "he" is the spokesman
                speakers.append((span.start_char, Entity(q.speaker, "PERSON", [span])))
            elif q.speaker.strip() and span.root.lemma_.lower() in ORGANISATION_NOUNS and not _indefinite(span):
                # "The agriculture ministry said ..., it said": a later "it" is that ministry
                speakers.append((span.start_char, Entity(q.speaker, "ORG", [span])))


def resolve(span: Span, entities: list[Entity], speakers: list[tuple[int, Entity]]) -> Entity | None:
    named = _named_in(span, entities)
    if named is not None:
        return named
    head = span.root
    word = head.lower_
    if word in RELATIVE_PRONOUNS:
        antecedent = _relative_antecedent(span)
        return None if antecedent is None else resolve(mention_span(antecedent), entities, speakers)
    if word in PERSON_PRONOUNS:
        return _antecedent(span.start_char, entities, speakers, lambda e: e.label == "PERSON"
                           and e.gender in (None, PERSON_PRONOUNS[word]), salient=True)
    if word in THING_PRONOUNS:
        # "The defence ministry was less warm. It said …": the organisation the sentence before is about
        subject = _previous_subject(span)
        if subject is not None:
            return resolve(subject, entities, speakers) or Entity(_as_written(subject), "ORG", [subject])
    if word in PLURAL_PRONOUNS or word in THING_PRONOUNS:
        return _antecedent(span.start_char, entities, speakers, lambda e: e.label in ORG_LABELS, salient=True)
    if head.pos_ == "NOUN" and not _indefinite(span):
        return _described(span, head.lemma_.lower(), entities, speakers)
    return None


def _described(span: Span, noun: str, entities: list[Entity], speakers: list[tuple[int, Entity]]) -> Entity | None:
    """"the former minister" → the person seen with "minister"; "the centre" → the Centre for Civic Studies;
    "the organisation" → the nearest organisation."""
    person = _antecedent(span.start_char, entities, speakers, lambda e: e.label == "PERSON" and any(
        noun in d.lower().split() for d in e.descriptors))
    if person is not None:
        return person
    named = _antecedent(span.start_char, entities, speakers, lambda e: e.label in ORG_LABELS and noun in (
        e.name.lower().split()))
    if named is not None or noun not in ORGANISATION_NOUNS:
        return named
    # "the organisation" is the nearest organisation; "the defence ministry" only one its words name (a name
    # in the description, as in "the Clinton campaign", is no such test: the organisation is often unnamed)
    modifiers = {t.lower_ for t in span if t.i < span.root.i and t.dep_ in ("compound", "amod") and t.is_lower}
    return _antecedent(span.start_char, entities, speakers, lambda e: e.label == "ORG" and (
        not modifiers or bool(modifiers & set(e.name.lower().split()))))


def _named_in(span: Span, entities: list[Entity]) -> Entity | None:
    """The person (or else organisation) the mention names, by surname for people."""
    words = {t.lower_ for t in span if t.pos_ == "PROPN" or t.ent_type_}
    if not words:
        return None
    # "Ostrand's trade minister, Olga Rendt": the owner in a possessive is not who speaks
    owners = {t.lower_ for t in span if t.dep_ == "poss" or (t.dep_ == "compound" and t.head.dep_ == "poss")}
    # ... unless the mention is the owner itself ("Pence's" of "Pence's press release")
    for names in (words - owners, words if span.root.lower_ in owners else set()):
        for e in entities:
            if e.label == "PERSON" and e.surname and e.surname in names:
                return e
    for e in entities:
        # the mention is the organisation itself, not "a spokesman for" it
        if any(m.start_char <= span.root.idx < m.end_char for m in e.mentions):
            return e
    return None


def _previous_subject(span: Span) -> Span | None:
    """The organisation that is the subject of the sentence before ``span``'s, if one is."""
    sent = span.sent
    if sent.start == 0:
        return None
    previous = span.doc[sent.start - 1].sent
    subject = next((c for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not (subject.lemma_.lower() in ORGANISATION_NOUNS or subject.ent_type_ == "ORG"):
        return None
    return mention_span(subject)


def _person_description(span: Span) -> bool:
    """A singular description of a person: "a spokesman for the ministry", "the retired officer"."""
    head = span.root
    noun = head.lemma_.lower()
    return head.tag_ == "NN" and noun not in ORGANISATION_NOUNS and noun not in DOCUMENT_NOUNS


def _antecedent(
    pos: int, entities: list[Entity], speakers: list[tuple[int, Entity]], fits: Fits, *, salient: bool = False
) -> Entity | None:
    """The latest fitting speaker; for a description, unless another fitting entity was named after them.

    ``salient`` (pronouns): the latest fitting speaker wins outright. Chosen with ``benchmarks/resolution.py``
    on train[:120]: pronouns 0.66 right this way, 0.48 with the override, 0.50 with it limited to a name in
    the last 150 characters; descriptions keep the override."""
    for where, e in reversed(speakers):
        if pos - where <= MAX_ANTECEDENT_DISTANCE and fits(e):
            later = None if salient else _nearest(pos, entities, fits)
            if later is not None and later[0] > where + 1 and later[1] is not e:
                return later[1]
            return e
    found = _nearest(pos, entities, fits)
    return found[1] if found is not None else None


def _nearest(pos: int, entities: list[Entity], fits: Fits) -> tuple[int, Entity] | None:
    best: tuple[int, Entity] | None = None
    for e in entities:
        end = e.mentioned_before(pos)
        if end is not None and pos - end <= MAX_ANTECEDENT_DISTANCE and fits(e) and (best is None or end > best[0]):
            best = (end, e)
    return best


def _indefinite(span: Span) -> bool:
    return any(t.dep_ == "det" and t.lower_ in INDEFINITE_DETERMINERS for t in span) or span[0].lower_ in (
        INDEFINITE_DETERMINERS
    )


def _as_written(span: Span) -> str:
    if span.root.lower_ in FIRST_PERSON and len(span) == 1:
        return AUTHOR
    antecedent = _relative_antecedent(span)
    if antecedent is not None:
        return mention_span(antecedent).text  # "an architect who said …" is the architect's, not "who"'s
    return span.text


def _relative_antecedent(span: Span) -> Token | None:
    """"Smith, who said …": the noun the relative clause hangs on."""
    head = span.root
    if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl" and head.head.head.i != head.i:
        antecedent = head.head.head
        return antecedent if antecedent.pos_ in ("PROPN", "NOUN") else None
    return None
