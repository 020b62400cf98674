"""Who said it: each quote's speaker mention, resolved to a named person or organisation of the document.

Rules, in order (no coreference model installs offline, so this is ours):
1. a mention that contains a name resolves to the fullest form of that name in the document ("Smith" →
   "Jane Smith");
2. a personal pronoun resolves to a person of matching gender named as main-clause subject earlier in its
   sentence or in the sentence before; else to the latest such speaker (salience), else the nearest by
   distance; "they"/"it" to an organisation;
3. a definite description ("the former minister", "the senator") resolves to the nearest earlier person
   whose descriptors share its head noun (titles spelt out: "Sen." is a senator); a role noun never seen
   with a name ("the businessman") to the latest speaker, as for a pronoun, unless it speaks for someone
   else ("the spokesman"); "the campaign" to an organisation, including one named by its owner ("Rendt's
   campaign");
4. indefinite descriptions ("a senior official") stay as written: anonymous speakers;
5. "I" outside a quotation is the author.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from quotetrace.attribute.people import ORG_LABELS, Entity, collect_entities, noun_gender
from quotetrace.extract.cues import mention_span
from quotetrace.lexicon import (
    AGENT_NOUNS,
    DOCUMENT_NOUNS,
    FIRST_PERSON,
    INDEFINITE_DETERMINERS,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PERSON_SUFFIXES,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_SYNONYMS,
    THING_PRONOUNS,
    TITLE_ABBREVIATIONS,
)
from quotetrace.model import Quote
from quotetrace.nlp import doc_text

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
        return _person_in_focus(span, entities, speakers, PERSON_PRONOUNS[word])
    if word in THING_PRONOUNS:
        # "The defence ministry was less warm. It said …": the organisation the sentence before is about
        subject = _previous_subject(span)
        if subject is not None:
            return resolve(subject, entities, speakers) or Entity(_as_written(subject), "ORG", [subject])
    if word in PLURAL_PRONOUNS or word in THING_PRONOUNS:
        return _antecedent(span.start_char, entities, speakers, lambda e: e.label in ORG_LABELS, salient=True)
    # the tagger often reads a lower-case title as a proper noun ("the senator said")
    if (head.pos_ == "NOUN" or (head.is_lower and word in PERSON_NOUNS)) and not _indefinite(span):
        return _described(span, head.lemma_.lower(), entities, speakers)
    return None


def _person_in_focus(
    span: Span, entities: list[Entity], speakers: list[tuple[int, Entity]], gender: str | None
) -> Entity | None:
    """"he"/"she": the subject of the sentence so far or of the one before ("Olga Rendt won the vote. She
    said ..."), else the latest speaker of that gender (salience), else the nearest such person. A gender of
    None (from "the candidate") fits anyone."""
    fits = _person_of(gender)
    subject = _recent_subject(span, entities, fits)
    if subject is not None:
        return subject
    return _antecedent(span.start_char, entities, speakers, fits, salient=True)


def _person_of(gender: str | None) -> Fits:
    """A person of ``gender``, or of unknown gender; anyone when ``gender`` is None."""
    return lambda e: e.label == "PERSON" and (gender is None or e.gender in (None, gender))


def _recent_subject(span: Span, entities: list[Entity], fits: Fits) -> Entity | None:
    """The fitting person named as a main-clause subject earlier in ``span``'s sentence, else in the one
    before: "Olga Rendt won the vote. She said ..." (the subject is what the next sentence goes on about)."""
    for lo, hi in _subject_windows(span):
        found = [
            (m.start_char, e) for e in entities if fits(e) for m in e.mentions
            if lo <= m.start_char and m.end_char <= hi and _is_subject(m.root)
        ]
        if found:
            return max(found, key=lambda f: f[0])[1]
    return None


def _subject_windows(span: Span) -> list[tuple[int, int]]:
    """Character ranges to look for a subject in: the sentence up to ``span``, then the sentence before."""
    sent = span.sent
    windows = [(sent.start_char, span.start_char)]
    if sent.start > 0:
        previous = span.doc[sent.start - 1].sent
        windows.append((previous.start_char, previous.end_char))
    return windows


def _is_subject(token: Token) -> bool:
    """The subject of the sentence's main clause, outside quotation marks: "Rendt said", "Rendt was asked",
    "Her rival, Rendt, won". Not "Brel says Rendt was flown home" (what Brel reports), nor a subject inside
    a quotation, where the person talked about is rarely the next "he"."""
    if token.dep_ == "appos":
        token = token.head
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = token.head
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT" and not _quoted(token)


def _quoted(token: Token) -> bool:
    """Whether ``token`` is inside quotation marks opened earlier in its sentence."""
    before = doc_text(token.doc)[token.sent.start_char : token.idx]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _described(span: Span, noun: str, entities: list[Entity], speakers: list[tuple[int, Entity]]) -> Entity | None:
    """"the former minister" → the person seen with "minister"; "the centre" → the Centre for Civic Studies;
    "the organisation" → the nearest organisation."""
    person = _antecedent(span.start_char, entities, speakers, lambda e: e.label == "PERSON" and _describes(noun, e))
    if person is not None or noun in PERSON_NOUNS:
        return person or _role_holder(span, noun, entities, speakers)
    named = _antecedent(span.start_char, entities, speakers, lambda e: e.label in ORG_LABELS and noun in (
        e.name.lower().split()))
    if named is not None or noun not in ORGANISATION_NOUNS:
        return named
    # "the organisation" is the nearest organisation; "the defence ministry" only one its words name (a name
    # in the description, as in "the Clinton campaign", is no such test: the organisation is often unnamed)
    modifiers = {t.lower_ for t in span if t.i < span.root.i and t.dep_ in ("compound", "amod") and t.is_lower}
    return _antecedent(span.start_char, entities, speakers, lambda e: e.label == "ORG" and (
        not modifiers or bool(modifiers & set(e.name.lower().split()))))


def _describes(noun: str, entity: Entity) -> bool:
    """Whether the role noun fits a descriptor seen with the person: "the senator" fits "Sen." and "former
    senator", "the congressman" fits "Rep."; an unnamed speaker ("a spokesman for Lidova") fits its noun."""
    nouns = {noun} | ROLE_SYNONYMS.get(noun, frozenset())
    return any(not nouns.isdisjoint(_role_words(d)) for d in [*entity.descriptors, entity.name])


def _role_words(descriptor: str) -> set[str]:
    words = (w.strip(".,").lower() for w in descriptor.split())
    return {TITLE_ABBREVIATIONS.get(w, w) for w in words}


def _role_holder(span: Span, noun: str, entities: list[Entity], speakers: list[tuple[int, Entity]]) -> Entity | None:
    """"The billionaire businessman said ...", with no one yet described so: the person the text is about,
    found as for "he" or "she". Not for "the spokesman" and the like, who speak for someone else."""
    if noun in AGENT_NOUNS:
        return None
    return _antecedent(span.start_char, entities, speakers, _person_of(noun_gender(noun)), salient=True)


def _named_in(span: Span, entities: list[Entity]) -> Entity | None:
    """The person (or else organisation) the mention names, by surname for people."""
    words = {t.lower_ for t in span if t.pos_ == "PROPN" or t.ent_type_}
    if not words:
        return None
    # "Ostrand's trade minister, Olga Rendt": the owner in a possessive is not who speaks
    owners = {t.lower_ for t in span if t.dep_ == "poss" or (t.dep_ == "compound" and t.head.dep_ == "poss")}
    # ... unless the mention is the owner itself ("Pence's" of "Pence's press release")
    # "Mrs. Brel" is the Brel whose mention this is, when two people share the surname
    people = [e for e in entities if e.label == "PERSON" and e.surname and e.surname in words]
    people.sort(key=lambda e: not _mentioned_in(e, span))
    for names in (words - owners, words if span.root.lower_ in owners else set()):
        for e in people:
            if e.surname in names:
                return e
    for e in entities:
        # the mention is the organisation itself, not "a spokesman for" it
        if any(m.start_char <= span.root.idx < m.end_char for m in e.mentions):
            return e
    return None


def _mentioned_in(entity: Entity, span: Span) -> bool:
    return any(span.start_char <= m.start_char < span.end_char for m in entity.mentions)


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
    if head.tag_ != "NN" or noun in ORGANISATION_NOUNS or noun in DOCUMENT_NOUNS:
        return False
    # "his pick", "the money" and "time" are no one: a role noun, or one formed like one ("a retiree")
    return noun in PERSON_NOUNS or noun.endswith(PERSON_SUFFIXES)


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
