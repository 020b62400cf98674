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
5. "I" outside a quotation is the author, by name when a byline gives one ("By Ottilie Grange").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from quotetrace.attribute.documents import Authorships, author_of, earlier_author, is_document
from quotetrace.attribute.interviews import Cast, is_label, user
from quotetrace.attribute.people import (
    ORG_LABELS,
    PLACES_AND_BODIES,
    Entity,
    collect_entities,
    descriptors_of,
    fuller_names,
    noun_gender,
)
from quotetrace.extract.cues import mention_span
from quotetrace.extract.transcripts import LABEL, TURN_ROLES, USER
from quotetrace.lexicon import (
    AGENT_NOUNS,
    DOCUMENT_NOUNS,
    FEMALE_NAMES,
    FIRST_PERSON,
    GENERIC_ORGANISATION_NOUNS,
    GROUP_MEMBER_NOUNS,
    IMPERSONAL_PRONOUNS,
    INDEFINITE_DETERMINERS,
    MALE_NAMES,
    OFFICE_NOUNS,
    ORGANISATION_KINDS,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PERSON_RELATIVES,
    PERSON_SUFFIXES,
    PLURAL_PRONOUNS,
    POSSESSIVE_RELATIVES,
    QUANTIFIERS,
    RELATIVE_PRONOUNS,
    ROLE_SYNONYMS,
    THING_PRONOUNS,
    TITLE_ABBREVIATIONS,
)
from quotetrace.model import Quote
from quotetrace.nlp import doc_text

Fits = Callable[[Entity], bool]
GIVEN_NAMES = MALE_NAMES | FEMALE_NAMES
AUTHOR = "the author"
# How far back (characters) a pronoun or description may reach for its antecedent.
MAX_ANTECEDENT_DISTANCE = 3000


def attribute_speakers(doc: Doc, quotes: list[Quote]) -> None:
    """Fill ``speaker`` and ``descriptors`` of each quote from its ``speaker_mention``.

    A mention that names no one (a pronoun left unresolved, "some", "it", a document with no author in the
    text) leaves ``speaker`` empty: the mention as written stays in ``speaker_mention``."""
    entities = collect_entities(doc)
    authorships = Authorships(doc)
    speakers: list[tuple[int, Entity]] = []  # (position, entity) of resolved speakers so far: salience
    roles: dict[int, str] = doc.user_data.get(TURN_ROLES, {})
    cast = Cast(doc, entities, lambda m: resolve(m, entities, [], authorships),
                [(q.start, q.end) for q in quotes if q.start in roles])
    for q in quotes:
        span = None if q.speaker_mention is None else doc.char_span(
            q.speaker_mention.start, q.speaker_mention.end, alignment_mode="expand")
        role = roles.get(q.start)
        if role == USER and q.speaker_mention is not None:
            entity: Entity | None = user(q.speaker_mention.text, span, entities)
        else:
            entity = None if role is None else cast.speaker(role, span)
        if entity is None and span is None and _interview_headline(doc, q, roles):
            entity = cast.speaker("answer", None)  # an interview's headline quotes the person interviewed
        if entity is None and span is None:
            if q.speaker_mention is not None:
                q.speaker = q.speaker_mention.text
            continue
        if entity is None and span is not None and role in (None, LABEL):
            entity = resolve(span, entities, speakers, authorships, label=role == LABEL)
            if entity is None and role is None:
                entity = _headline_description(span, entities)
        if entity is not None:
            q.speaker = entity.name
            q.descriptors = list(entity.descriptors)
            if span is not None:
                speakers.append((span.start_char, entity))
            continue
        assert span is not None
        q.speaker = unresolved_speaker(span)
        if q.speaker == AUTHOR and cast.writer() is not None:
            q.speaker = cast.writer().name  # type: ignore[union-attr]  # the byline names the author
        if q.speaker is None:
            continue
        if _person_description(span):
            # "A spokesman for the ministry ... “…,” he said": a later "he" is the spokesman
            speakers.append((span.start_char, Entity(q.speaker, "PERSON", [span])))
        elif span.root.lemma_.lower() in ORGANISATION_NOUNS and not _indefinite(span):
            # "The agriculture ministry said ..., it said": a later "it" is that ministry
            speakers.append((span.start_char, Entity(q.speaker, "ORG", [span])))


def resolve(
    span: Span,
    entities: list[Entity],
    speakers: list[tuple[int, Entity]],
    authorships: Authorships | None = None,
    *,
    label: bool = False,
) -> Entity | None:
    """The person or organisation ``span`` names; ``label``: the span is a transcript's speaker label."""
    named = _named_in(span, entities)
    head = span.root
    capitalised_name = head.pos_ == "PROPN" and head.text[:1].isupper()
    if named is not None and (named.label == "PERSON" or not capitalised_name):
        return named
    if capitalised_name or (head.text[:1].isupper() and (label or is_label(span))):
        # "Berglund, a retired judge," is a person, whatever NER made of the name; so is a transcript's
        # label, whatever the tagger made of it ("**Voss**:")
        return _named_by_syntax(span, entities, named)
    appos = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.text[:1].isupper()), None)
    if appos is not None and head.pos_ == "NOUN" and named is None:
        # "the former chief justice, Ingrid Saelen": a role and its holder's name, whatever NER made of it
        return _named_by_syntax(mention_span(appos), entities, named, role=True)
    word = head.lower_
    if word in RELATIVE_PRONOUNS or word in POSSESSIVE_RELATIVES:
        antecedent = _relative_antecedent(span)
        return None if antecedent is None else resolve(mention_span(antecedent), entities, speakers, authorships)
    if is_document(head):
        # "The letter asks …": whoever wrote it (never the document itself, nor another document's author)
        return _author(head, entities, speakers, authorships or Authorships(span.doc))
    if word in PERSON_PRONOUNS:
        return _person_in_focus(span, entities, speakers, PERSON_PRONOUNS[word])
    if word in THING_PRONOUNS or word in PLURAL_PRONOUNS:
        # "The defence ministry was less warm. It said …", "Socialist deputies walked out. They demanded …":
        # the organisation or group the sentence so far, or the one before, is about
        subject = _group_subject(span, plural=word in PLURAL_PRONOUNS)
        found = None if subject is None else resolve(subject, entities, speakers)
        if found is not None and (found.label != "PERSON" or (found.gender is None and word in THING_PRONOUNS)):
            return found  # (the tagger's ORG may be a person's name, and its PERSON an organisation's)
        if subject is not None and found is None:
            return Entity(_as_written(subject), "ORG", [subject])
        return _antecedent(span.start_char, entities, speakers, lambda e: e.label in ORG_LABELS, salient=True)
    # the tagger often reads a lower-case title as a proper noun ("the senator said")
    if (head.pos_ == "NOUN" or (head.is_lower and word in PERSON_NOUNS)) and not _indefinite(span):
        return _described(span, head.lemma_.lower(), entities, speakers)
    return None


def _author(
    noun: Token, entities: list[Entity], speakers: list[tuple[int, Entity]], authorships: Authorships
) -> Entity | None:
    """The author of the document ``noun`` names, or of the nearest earlier one of that noun."""
    author = author_of(noun) or earlier_author(noun, authorships)
    if author is None or is_document(author.root):
        return None
    found = resolve(author, entities, speakers)
    if found is not None:
        return found
    name = unresolved_speaker(author)
    if name is None:
        return None
    return Entity(name, "PERSON" if _person_description(author) else "ORG", [author])


def _named_by_syntax(span: Span, entities: list[Entity], named: Entity | None, *, role: bool = False) -> Entity | None:
    """"Lind, the former ambassador, wrote", "Deputy harbour master Ines Palm told": a name NER missed or
    took for something else (``named``), whose title or apposition (or the ``role`` it stands beside) says it is
    a person. The name is the
    proper nouns that end at the head, without titles before them; titles and appositions are its
    descriptors. The person joins ``entities``, so that a later "Lind" or "the ambassador" finds them."""
    head = span.root
    if head.ent_type_ == "PERSON":
        return named
    names = [head]
    for tok in reversed(list(span.doc[span.start : head.i])):
        if tok.pos_ != "PROPN" or tok.head.i != head.i or tok.dep_ not in ("compound", "flat"):
            break
        names.insert(0, tok)
    while len(names) > 1 and _title_word(names[0]):
        names.pop(0)
    name_span = span.doc[names[0].i : head.i + 1]
    if len(names) == 1:
        # a surname alone ("HOLLOWAY:", "Lind said"): the name in full where the text gives it
        name_span = fuller_names(span.doc).get(head.lower_, name_span)
    descriptors = descriptors_of(name_span)
    # a person when something says so (a role, a title, a given name); else what NER named, or a name of no
    # known kind, which neither "he" nor "it" will take for their antecedent
    if role or any(_role_word(d.split()[-1]) for d in descriptors) or names[0].lower_ in GIVEN_NAMES:
        label = "PERSON"
    elif named is not None:
        return named
    else:
        label = "NAME"
    entity = Entity(name_span.text, label, [name_span], descriptors)
    entities.append(entity)
    return entity


def _role_word(word: str) -> bool:
    word = word.lower().rstrip(".")
    return word in PERSON_NOUNS or word in TITLE_ABBREVIATIONS or word.endswith(PERSON_SUFFIXES)


def _title_word(tok: Token) -> bool:
    word = tok.lower_.rstrip(".")
    return word in PERSON_NOUNS or word in TITLE_ABBREVIATIONS or tok.text.endswith(".")


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
    found = _antecedent(span.start_char, entities, speakers, fits, salient=True)
    if gender is None or found is None or found.gender is not None:
        return found
    # A speaker of unknown gender ("a reality TV star-turned-candidate") does not outrank a person of the
    # pronoun's gender named after they spoke ("Sen. Claire McCaskill scolded him: “…,” she said").
    named = _nearest(span.start_char, entities, lambda e: e.label == "PERSON" and e.gender == gender)
    spoke = max((where for where, e in speakers if e is found), default=-1)
    return named[1] if named is not None and named[0] > spoke else found


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
    # "reporters", "the tenants": a group, never the one person named before (but "the authors" of a study are
    # its lead author, as the annotation guidelines have it); an organisation its words name is still found below
    group = span.root.tag_ == "NNS" and noun not in STUDY_AUTHORS
    person = None if group else _antecedent(span.start_char, entities, speakers,
                                            lambda e: e.label == "PERSON" and _describes(noun, e))
    if not group and (person is not None or noun in PERSON_NOUNS):
        return person or _role_holder(span, noun, entities, speakers)
    kinds = {noun} | ORGANISATION_KINDS.get(noun, frozenset())
    named = _antecedent(span.start_char, entities, speakers, lambda e: e.label in ORG_LABELS and not kinds.isdisjoint(
        e.name.lower().split()))
    if named is not None or noun not in GENERIC_ORGANISATION_NOUNS:
        return named  # "the ministry" is no court of appeal: a kind of body finds only one its name says
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
    if noun in AGENT_NOUNS or any(c.dep_ == "poss" for c in span.root.children):
        return None  # "his doctor", "Trump's lawyer": someone of the person's, not the person
    if noun in OFFICE_NOUNS and _office_of_a_named_place(span):
        return None  # "the mayor of Hessa" introduces the holder of that office, not the person the text is about
    gendered = _person_of(noun_gender(noun))
    return _antecedent(span.start_char, entities, speakers,
                       lambda e: gendered(e) and not _unnamed(e) and not _other_office(noun, e), salient=True)


def _headline_description(span: Span, entities: list[Entity]) -> Entity | None:
    """"… – fire chief says smoke is “not toxic”" over a story that names Chief Fire Officer Ana Roe: a
    headline's definite role description, which nothing before it can resolve, is the first person the story
    names with that role."""
    text = doc_text(span.doc)
    headline_end = text.find("\n")
    head = span.root
    if not 0 <= span.end_char <= headline_end or head.pos_ != "NOUN" or head.tag_ != "NN" or _indefinite(span):
        return None
    noun = head.lemma_.lower()
    if noun in AGENT_NOUNS or any(c.dep_ == "poss" for c in head.children):
        return None  # "spokesman", "her lawyer": someone of another's
    later = [(min(m.start_char for m in e.mentions if m.start_char >= span.end_char), e) for e in entities
             if e.label == "PERSON" and _describes(noun, e) and any(m.start_char >= span.end_char for m in e.mentions)]
    return min(later, key=lambda f: f[0])[1] if later else None


def _interview_headline(doc: Doc, quote: Quote, roles: dict[int, str]) -> bool:
    """A quotation with no source in the headline of an interview (a document with answers): “Most of our
    callouts start with a flat battery” over a Q&A is the interviewee's."""
    headline_end = doc_text(doc).find("\n")
    return quote.kind == "direct" and 0 <= quote.start < headline_end and "answer" in roles.values()


def _office_of_a_named_place(span: Span) -> bool:
    """"the mayor of Hessa", "the Hessa mayor", "the governor of Kestrel Province": an office that says where
    it is held."""
    root = span.root
    named = [t for c in root.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    named += [c for c in root.children if c.dep_ == "compound" and c.i < root.i]
    return any(t.pos_ == "PROPN" for t in named)


# Plural nouns for a study's authors, whom the annotation guidelines resolve to the lead author.
STUDY_AUTHORS = frozenset("author researcher scientist".split())


def _unnamed(entity: Entity) -> bool:
    """A speaker the text only describes ("A farmer", "a spokesman for Lidova"): "the former judge" is someone
    else, unless the description's own noun says so (``_describes``)."""
    first = entity.name.split()[0].lower() if entity.name else ""
    return first in INDEFINITE_DETERMINERS or first in ("the", "a", "an") or entity.name[:1].islower()


def _other_office(noun: str, entity: Entity) -> bool:
    """"The minister said …" is not Judge Ana Petrov: an office noun never resolves to a person seen with another
    office ("the veteran", "the 34-year-old" may describe anyone)."""
    if noun not in OFFICE_NOUNS:
        return False
    held = {w for d in [*entity.descriptors, entity.name] for w in _role_words(d)} & OFFICE_NOUNS
    return bool(held) and not held & ({noun} | ROLE_SYNONYMS.get(noun, frozenset()))


def _named_in(span: Span, entities: list[Entity]) -> Entity | None:
    """The person (or else organisation) the mention names, by surname for people. Not a name in a phrase
    after a preposition: "Staff at Harrow Bay", "a spokesman for Brel" are neither."""
    placed = {t.i for p in span if p.dep_ == "prep" for t in p.subtree} - _misplaced_names(span)
    placed |= _affiliations(span)
    words = {t.lower_ for t in span if (t.pos_ == "PROPN" or t.ent_type_) and t.i not in placed}
    if not words:
        return None
    # "Ostrand's trade minister, Olga Rendt": the owner in a possessive is not who speaks
    owners = {t.lower_ for t in span if t.dep_ == "poss" or (t.dep_ == "compound" and t.head.dep_ == "poss")}
    # ... unless the mention is the owner itself ("Pence's" of "Pence's press release")
    # "Mrs. Brel" is the Brel whose mention this is, when two people share the surname
    people = [e for e in entities if e.label == "PERSON" and e.surname and e.surname in words]
    # the person whose name heads the mention first: "Hessa mayor Ina Voll" is Voll, whatever NER made of "Hessa"
    people.sort(key=lambda e: (not any(m.start_char <= span.root.idx < m.end_char for m in e.mentions),
                               not _mentioned_in(e, span)))
    for names in (words - owners, words if span.root.lower_ in owners else set()):
        for e in people:
            if e.surname in names:
                return e
    for e in entities:
        # the mention is the organisation itself, not "a spokesman for" it
        if any(m.start_char <= span.root.idx < m.end_char for m in e.mentions):
            return e
    return None


def _affiliations(span: Span) -> set[int]:
    """"The Kettleford manager", "the Labour spokesman": a name before a role word says whose role it is; the
    mention is the role's holder, found as a description."""
    root = span.root
    if root.pos_ != "NOUN" or not root.is_lower or not _role_word(root.lower_):
        return set()
    return {t.i for c in root.children if c.dep_ == "compound" and c.i < root.i for t in c.subtree}


def _misplaced_names(span: Span) -> set[int]:
    """The tokens of a person's name that the parser set in apposition to a place or body after a preposition
    ("The mayor of Karsk, Anton Brel, said"; "a spokesman for the ministry, Ola Lund"): a person's name cannot
    stand for a place or a body, so it names the mention's head, the mayor or the spokesman."""
    return {t.i for name in span if name.dep_ == "appos" and name.ent_type_ == "PERSON"
            and name.head.dep_ == "pobj" and name.head.ent_type_ in PLACES_AND_BODIES for t in name.subtree}


def _mentioned_in(entity: Entity, span: Span) -> bool:
    return any(span.start_char <= m.start_char < span.end_char for m in entity.mentions)


def _group_subject(span: Span, *, plural: bool) -> Span | None:
    """The organisation (for "it") or group (for "they") that is the latest main-clause subject earlier in
    ``span``'s sentence, else in the sentence before ("Democrats want …, and Republicans want … (they want
    …)" is the Republicans)."""
    sent = span.sent
    sentences = [sent] if sent.start == 0 else [sent, span.doc[sent.start - 1].sent]
    for sentence in sentences:
        subjects = [
            t for t in sentence
            if t.i < span.root.i and t.dep_ in ("nsubj", "nsubjpass") and _is_subject(t)
            and _group_like(t, plural=plural)
        ]
        if subjects:
            return mention_span(subjects[-1])
    return None


def _group_like(tok: Token, *, plural: bool) -> bool:
    """An organisation ("the ministry", "Ostrand") or, for "they", a plural of people ("socialist deputies")."""
    if tok.ent_type_ in ("ORG", "GPE", "NORP") or tok.lemma_.lower() in ORGANISATION_NOUNS:
        return True
    if plural:
        return tok.tag_ in ("NNS", "NNPS") and _someone(tok)
    # "Ostrand presented what it calls …": a name that "it" stands for is no person, whatever NER says,
    # unless a given name or a title says it is one
    return tok.pos_ == "PROPN" and not any(_title_word(t) or t.lower_ in GIVEN_NAMES for t in mention_span(tok))


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


def unresolved_speaker(span: Span) -> str | None:
    """The speaker an unresolved mention gives: itself when it names someone ("a senior official", "the
    ministry"); the author for "I"; nothing for words that name no one (pronouns, relatives, quantifiers
    without their group, adjectives, dates, documents without an author)."""
    if span.root.lower_ in FIRST_PERSON and len(span) == 1:
        return AUTHOR
    antecedent = _relative_antecedent(span)
    if antecedent is not None:
        return unresolved_speaker(mention_span(antecedent))  # "an architect who said …" is the architect's
    return None if names_no_one(span) else span.text


def names_no_one(span: Span) -> bool:
    """Whether a mention, unresolved, names no one who could have said anything."""
    head = span.root
    word = head.lower_
    if word in QUANTIFIERS or head.pos_ == "NUM":
        return not _group_named(head)  # "some of the deputies" names a group; "some" does not
    if head.pos_ in ("PRON", "DET") or word in IMPERSONAL_PRONOUNS or word in RELATIVE_PRONOUNS:
        return True
    if word in PERSON_PRONOUNS or word in PLURAL_PRONOUNS or word in POSSESSIVE_RELATIVES:
        return True
    if head.ent_type_ in NOT_SOURCES or head.pos_ in ("ADV", "ADP", "SCONJ", "PUNCT"):
        return True
    if head.pos_ == "ADJ" and head.is_lower:  # "socialist", "severe" (a capital may be a name mis-tagged)
        return True
    return is_document(head)


# Entity types of words that name no one: "Saturday said", "10 percent".
NOT_SOURCES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})


def _group_named(head: Token) -> bool:
    """"some of the deputies", "someone in the audience", "half of voters": the group is named after it."""
    return any(
        c.dep_ == "prep" and any(g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") for g in c.children)
        for c in head.children
    )


def _as_written(span: Span) -> str:
    return unresolved_speaker(span) or span.text


def _relative_antecedent(span: Span) -> Token | None:
    """"Smith, who said …", "Varga, whose letter urged …": the noun the relative clause hangs on; for
    "who", the person ("an official involved in the talks, who asked" is the official, not the talks)."""
    head = span.root
    word = head.lower_
    if word not in RELATIVE_PRONOUNS and word not in POSSESSIVE_RELATIVES:
        return None
    clause = head
    for _ in range(MAX_RELATIVE_STEPS):
        if clause.dep_ == "relcl" or clause.head.i == clause.i:
            break
        clause = clause.head
    if clause.dep_ != "relcl" or clause.head.i == head.i:
        return None
    antecedent = clause.head
    if word in PERSON_RELATIVES:
        antecedent = _person_above(antecedent) or antecedent
    return antecedent if antecedent.pos_ in ("PROPN", "NOUN") else None


# From a relative pronoun up to its clause: "whose" → "letter" → "urged" (the relative clause).
MAX_RELATIVE_STEPS = 3


def _person_above(tok: Token) -> Token | None:
    """``tok`` when it can be someone, else the nearest noun above it that can: the parser often hangs "who"
    on the last noun before it ("an official involved in the talks, who")."""
    cur = tok
    for _ in range(MAX_RELATIVE_STEPS + 2):
        if _someone(cur):
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _someone(tok: Token) -> bool:
    """A word that can name a person or a body of people."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    noun = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and not is_document(tok) and (
        noun in PERSON_NOUNS or noun in GROUP_MEMBER_NOUNS or noun in ORGANISATION_NOUNS or noun.endswith(
            PERSON_SUFFIXES))
