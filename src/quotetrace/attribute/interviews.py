"""Who plays which part in an interview: the person interviewed, the interviewer, the host; and whom a
transcript's label names.

The extractor marks each turn of a conversation with the part its speaker plays (``TURN_ROLES``): a question
("Q:", "INTERVIEWER:", a Q&A's bold question), an answer ("A:", "GUEST:", the paragraph under a bold
question), the host ("HOST:", "MODERATOR:"), a label that is a name as written ("OQ:", "Ilse:", "HARBOUR
MASTER:"), or a thread's user (whose quoted post or comment it is). The text says who plays each part in its
intro or outro, which this module reads:

- the parties of an interview verb ("We spoke to Dr Nadia Ferreira", "I met the harbour master, Ysolde Brann",
  "Harriet Monk asked him", "She spoke to our health reporter, Aled Prys", "put five questions to her"):
  the party who asks is "I" or "we", the byline's writer, or a journalist ("our culture editor"); the other
  is the person interviewed;
- a guest introduced in a host's turn or the intro ("With me today is the marine biologist Tavita Leota",
  "my guest is …", "joining us is …");
- failing those, the person the title names, else the first person the text names in full, never the
  writer;
- the interviewer, failing an interview verb, is the byline's writer ("By Lars Engstrom", "Interview by …"),
  else a journalist the intro names;
- a host names themself in a turn ("I'm Mira Castellane") or the text says who hosted, presented, moderated
  or chaired.

A label that is a name resolves by initials ("LF" is Lena Fiskaa), by a given name ("Ilse"), by a role the
text gives someone ("HARBOUR MASTER" is the harbour master, Ysolde Brann), or as any other mention.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import takewhile

from spacy.tokens import Doc, Span, Token

from quotetrace.attribute.bylines import byline
from quotetrace.attribute.people import NOT_GIVEN_NAMES, Entity, fuller_names
from quotetrace.extract.cues import mention_span, subject_of
from quotetrace.extract.labels import is_initials
from quotetrace.extract.transcripts import LABEL
from quotetrace.lexicon import FIRST_PERSON, ORGANISATION_NOUNS
from quotetrace.nlp import doc_text

Resolver = Callable[[Span], Entity | None]
# How far after a label its colon may be: past the bold's close ("**Voss**:").
LABEL_TAIL = 6
# Verbs whose parties are an interviewer and the person interviewed: "spoke to", "met", "asked him".
INTERVIEW_VERBS = frozenset({"speak", "talk", "interview", "chat", "meet", "ask", "question", "join", "sit",
                             "catch", "visit"})
# "put five questions to her", "put their case to its chair": the noun makes "put" an interview verb.
QUESTION_NOUNS = frozenset({"question", "questions", "case", "point", "points"})
# Nouns that make a mention the interviewer's side: "our health reporter, Aled Prys".
JOURNALIST_NOUNS = frozenset({
    "reporter", "editor", "correspondent", "journalist", "interviewer", "writer", "columnist", "critic",
    "producer", "presenter", "host", "blogger",
})
# Last words of names that are places or bodies, not people: "Linden Street", "Vell Agricultural College".
PLACE_NOUNS = frozenset({
    "street", "road", "lane", "avenue", "square", "park", "bridge", "river", "lake", "hall", "house", "college",
    "school", "university", "hospital", "museum", "library", "station", "airport", "port", "harbour", "market",
    "centre", "center", "club", "church", "island", "valley", "hill", "cross", "row", "quay", "bay",
})
# Verbs and nouns that say who runs the conversation: "presented by Greta Lundqvist", "moderator Lucía Ferrer".
HOST_VERBS = frozenset({"host", "present", "moderate", "chair", "anchor", "front", "compere"})
HOST_NOUNS = frozenset({"host", "presenter", "moderator", "chair", "anchor", "compere", "co-host"})
# "I'm Mira Castellane", "my name is …", "this is …": a full name (two capitalised words at least).
SELF_INTRODUCTION = re.compile(
    r"\b(?:I'm|I’m|I am|my name is|this is|This is)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)")
# "With me today is the marine biologist Tavita Leota", "my guests are …", "joining us is …".
GUEST_INTRODUCTION = re.compile(
    r"\b(?:[Ww]ith me|[Jj]oining (?:me|us)|[Mm]y guests?|[Oo]ur guests?)\b[^.?!\n]{0,80}?\b(?:is|are)\b"
    r"(?P<rest>[^.?!\n]{1,120})")


@dataclass(slots=True)
class Cast:
    """The people of one interview, worked out once per document when a turn needs them. ``turns`` are the
    spans of the conversation's turns: what the intro and outro say is read outside them."""

    doc: Doc
    entities: list[Entity]
    resolve: Resolver
    turns: list[tuple[int, int]]
    _found: dict[str, Entity | None] = field(default_factory=dict)

    def speaker(self, role: str, label: Span | None) -> Entity | None:
        """Who speaks a turn of ``role``; ``label`` is the turn's label as written, if any."""
        if role == "question":
            return self._interviewer()
        if role == "answer":
            return self._interviewee()
        if role == "host":
            introduced = None if label is None else self_introduced(label, self.entities)
            return introduced or self._once("host", lambda: _host(self.doc, self.entities, self.resolve)) \
                or self._interviewer()
        if role == LABEL and label is not None:
            return named_by_label(label, self.entities)
        return None

    def _once(self, part: str, find: Callable[[], Entity | None]) -> Entity | None:
        if part not in self._found:
            self._found[part] = find()
        return self._found[part]

    def writer(self) -> Entity | None:
        """The byline's writer, if the document has a byline."""
        return self._once("writer", lambda: _writer(self.doc, self.entities))

    def _asker(self) -> Entity | None:
        return self._parties()[0]

    def _parties(self) -> tuple[Entity | None, Entity | None]:
        """The interviewer and the person interviewed, as an interview verb outside the turns gives them."""
        if "asker" not in self._found:
            self._found["asker"], self._found["asked"] = _interview_parties(
                self.doc, self.resolve, self.writer(), self.turns)
        return self._found["asker"], self._found["asked"]

    def _interviewer(self) -> Entity | None:
        return self._once("interviewer", lambda: self._asker() or self.writer() or _journalist(
            self.entities, self._interviewee()))

    def _interviewee(self) -> Entity | None:
        return self._once("interviewee", self._find_interviewee)

    def _find_interviewee(self) -> Entity | None:
        asker, asked = self._parties()
        if asked is not None:
            return asked
        not_them = [e for e in (asker, self.writer()) if e is not None]
        return _introduced_guest(self.doc, self.resolve, not_them) or _first_person_named(
            self.doc, self.entities, not_them)


def user(written: str, span: Span | None, entities: list[Entity]) -> Entity:
    """A thread's user, as written (``span`` is its token or tokens, if any): the person the text names in full
    when the user is a full name ("Jonah Ferris"), else the user name as written ("lettie_rides", "Warden
    Street Residents"), whatever the tagger made of it."""
    written = written.strip().lstrip("@")
    words = written.split()
    titled = _titled_person(words, entities)
    if titled is not None:
        return titled
    person = next((e for e in entities if e.label == "PERSON" and e.name == written), None)
    if person is None and len(words) == 2 and all(w[:1].isupper() for w in words):
        person = next((e for e in entities if e.label == "PERSON" and e.surname == words[-1].lower()), None)
        if person is not None and len(person.name.split()) < len(words):
            person.name = written  # the user's full name is the fullest form NER saw ("Ferris")
    return person or Entity(written, "NAME", [] if span is None else [span])


def _titled_person(words: list[str], entities: list[Entity]) -> Entity | None:
    """The person NER found in a user written with a title before the name ("Mayor Anton Brel wrote on
    Telegram: …", news prose that reads like a forum header): the name is the person's, the title one of their
    descriptors. None when no title opens the words or no person NER found bears the rest."""
    titles = list(takewhile(lambda w: w.lower().rstrip(".") in NOT_GIVEN_NAMES, words[:-1]))
    name = " ".join(words[len(titles):])
    person = next((e for e in entities if e.label == "PERSON" and e.name == name), None) if titles else None
    title = " ".join(titles)
    if person is not None and title not in person.descriptors:
        person.descriptors.append(title)
    return person


def is_label(span: Span) -> bool:
    """Whether ``span`` opens its line (perhaps in bold) and a colon follows it (perhaps after the bold's close
    or a bracket): a label, or a headline's source ("Sanders: Clinton needs to …")."""
    text = doc_text(span.doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    if text[line_start : span.start_char].strip(" \t*_(") or span.end >= len(span.doc):
        return False
    after = text[span.end_char : span.end_char + LABEL_TAIL].lstrip(" \t*_")
    return after.startswith(":") or (after.startswith(")") and after[1:].lstrip(" \t*_").startswith(":"))


def named_by_label(label: Span, entities: list[Entity]) -> Entity | None:
    """The person a name-like label stands for, when its words are initials, a given name, or a role the text
    gives someone; None otherwise (the label resolves as any mention)."""
    words = label.text.strip(" *_").split()
    people = _people(label.doc, entities)
    if len(words) == 1 and is_initials(words[0]):
        letters = words[0].replace(".", "").lower()
        matches = [e for e in people if "".join(w[0] for w in e.name.split()).lower() == letters]
        matches = matches or [e for e in people if (e.name.split()[0][0] + e.name.split()[-1][0]).lower() == letters]
        return matches[0] if len(matches) == 1 else None
    if len(words) == 1:
        given = [e for e in people if e.name.split()[0].lower() == words[0].lower()]
        if len(given) == 1 and not any(e.surname == words[0].lower() for e in people):
            return given[0]
        return None
    role = " ".join(words).lower()
    holders = [e for e in people if any(d.lower() == role or d.lower().endswith(" " + role) for d in e.descriptors)]
    return holders[0] if len(holders) == 1 else None


def _people(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """The people the document names in full: NER's, and the full names it missed ("Odile Quaranta")."""
    people = [e for e in entities if e.label == "PERSON" and " " in e.name]
    known = {e.surname for e in people}
    for surname, name in fuller_names(doc).items():
        # (NER often takes a person's name for an organisation's: "Odile Quaranta" as ORG)
        if surname not in known and _a_persons_name(name) and not _qualifies_a_noun(name):
            people.append(Entity(name.text, "PERSON", [name]))
    return people


def self_introduced(span: Span, entities: list[Entity]) -> Entity | None:
    """Who a host's label stands for: the full name the same label gives itself in one of its turns ("HOST:
    Good evening, I'm Mira Castellane, and with me …"), a person's rather than a programme's ("This is Deep
    Water, and I'm Joss Whitcombe")."""
    text = doc_text(span.doc)
    label = re.escape(span.text.strip(" *_"))
    turn = re.compile(rf"^[ \t>*_]*(?:\[[\d:]+\][ \t]*)?{label}[ \t*_]*(?:\([^()\n]*\))?[ \t*_]*:(?P<turn>.*)$",
                      re.MULTILINE)
    for line in turn.finditer(text):
        found = sorted(SELF_INTRODUCTION.finditer(line.group("turn")), key=lambda m: m.group(0)[:4].lower() == "this")
        for introduced in found:  # "I'm …" before "this is …", which may name the programme
            name = introduced.group("name")
            start = line.start("turn") + introduced.start("name")
            mention = span.doc.char_span(start, start + len(name), alignment_mode="expand")
            known = next((e for e in entities if e.label == "PERSON" and e.surname == name.split()[-1].lower()),
                         None)
            if known is not None:
                return known
            if mention is not None and (mention.root.ent_type_ == "PERSON" or not introduced.group(0).lower()
                                        .startswith("this")):
                return Entity(name, "PERSON", [mention], [span.text.strip(" *_").lower()])
    return None


def _writer(doc: Doc, entities: list[Entity]) -> Entity | None:
    """The byline's writer, as a person of the document."""
    at = byline(doc_text(doc))
    if at is None:
        return None
    mention = doc.char_span(*at, alignment_mode="expand")
    if mention is None:
        return None
    surname = mention[-1].lower_
    known = next((e for e in entities if e.label == "PERSON" and e.surname == surname), None)
    return known or Entity(mention.text, "PERSON", [mention])


def _interview_parties(
    doc: Doc, resolve: Resolver, writer: Entity | None, turns: list[tuple[int, int]]
) -> tuple[Entity | None, Entity | None]:
    """The first interview verb's two parties, as (interviewer, interviewee); either may be None. The party
    who asks is the one marked as the interviewer's side ("we", the writer, "our reporter", the agent of
    "interviewed by"), else the verb's subject ("Tomas Vik spoke to her")."""
    for verb in doc:
        if not _interview_verb(verb) or any(a <= verb.idx < b for a, b in turns):
            continue
        subject = subject_of(verb) if verb.pos_ == "VERB" else None
        if subject is not None and subject.root.dep_ == "nsubjpass":
            subject = None  # "Oskar Lindahl was interviewed by …": the agent asks
        parties = ([(subject, False)] if subject is not None else []) + _objects(verb)
        people = [(p, agent or _asks(m, resolve, writer)) for m, agent in parties
                  if (p := _person(m, resolve, writer)) is not None]
        askers = [p for p, asks in people if asks]
        asked = [p for p, asks in people if not asks and not any(_same(p, a) for a in askers)]
        if not askers and subject is not None and len(asked) > 1:
            askers, asked = _asker_first(verb, asked[0], [p for p in asked[1:] if not _same(p, asked[0])])
        if askers or asked:
            return (askers[0] if askers else None), (asked[0] if asked else None)
    return None, None


def _asker_first(verb: Token, subject: Entity, others: list[Entity]) -> tuple[list[Entity], list[Entity]]:
    """(interviewer, interviewed) when no party is marked as the asker: the subject asks ("Tomas Vik spoke to
    her"), unless the text was about the subject before the verb's sentence and first names the other there
    ("She spoke to Tom Ferrers", after three sentences about her): an interview's intro is about the person
    interviewed, and introduces the interviewer in passing."""
    before = verb.sent.start_char
    if others and subject.mentioned_before(before) is not None and others[0].mentioned_before(before) is None:
        return others[:1], [subject]
    return [subject], others


def _same(a: Entity, b: Entity) -> bool:
    return a is b or a.name == b.name or (a.label == b.label == "PERSON" and a.surname == b.surname)


def _interview_verb(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if verb.pos_ == "VERB" and lemma in INTERVIEW_VERBS:
        return lemma != "sit" or any(c.lower_ in ("with", "down") for c in verb.children)
    if verb.pos_ == "VERB" and lemma == "put":
        return any(c.dep_ == "dobj" and c.lower_ in QUESTION_NOUNS for c in verb.children)
    if verb.pos_ == "VERB" and lemma == "conduct":  # "The interview was conducted by …"
        return any(c.dep_ in ("nsubjpass", "dobj") and c.lemma_.lower() == "interview" for c in verb.children)
    return verb.pos_ == "NOUN" and lemma == "interview" and any(c.lower_ == "by" for c in verb.children)


def _objects(verb: Token) -> list[tuple[Span, bool]]:
    """Whom an interview verb reaches, each with whether it is the agent ("interviewed by X", "Interview by
    X"): its object, the object of "to", "with" or "by", and what stands in apposition or conjunction with it."""
    out: list[tuple[Span, bool]] = []
    heads = [c for c in verb.children if c.dep_ in ("dobj", "agent", "prep") or (c.dep_ == "conj" and c.pos_ == "ADP")]
    heads += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "conj" and g.pos_ == "ADP"]
    for head in heads:
        if head.dep_ == "dobj":
            if head.lower_ not in QUESTION_NOUNS:
                out.extend((m, False) for m in _with_appositions(head))
            continue
        agent = head.lower_ == "by" and (head.dep_ == "agent" or verb.pos_ == "NOUN")
        if head.lower_ in ("to", "with") or agent:  # not "spoke to her by video call"
            for pobj in (g for g in head.children if g.dep_ == "pobj"):
                out.extend((m, agent) for m in _with_appositions(pobj))
    return out


def _with_appositions(noun: Token) -> list[Span]:
    out = [mention_span(noun)]
    out += [mention_span(a) for a in noun.children if a.dep_ == "appos"]
    for conj in (c for c in noun.children if c.dep_ == "conj"):
        out += _with_appositions(conj)
    return out


def _person(mention: Span, resolve: Resolver, writer: Entity | None) -> Entity | None:
    if mention.root.lower_ in FIRST_PERSON or mention.root.lower_ in ("we", "us"):
        return writer
    found = resolve(mention)
    return found if found is not None and found.label == "PERSON" else None


def _asks(mention: Span, resolve: Resolver, writer: Entity | None) -> bool:
    """Whether a party is the interviewer's side: "I", "we", the writer, or a journalist ("our reporter")."""
    root = mention.root
    if root.lower_ in FIRST_PERSON or root.lower_ in ("we", "us"):
        return True
    if root.lemma_.lower() in JOURNALIST_NOUNS or any(t.lower_ == "our" for t in mention):
        return True
    if root.dep_ == "appos" and root.head.lemma_.lower() in JOURNALIST_NOUNS:
        return True
    found = resolve(mention)
    return writer is not None and found is not None and (found is writer or found.surname == writer.surname)


def _introduced_guest(doc: Doc, resolve: Resolver, not_them: list[Entity]) -> Entity | None:
    """The person the text introduces as a guest: "With me today is the marine biologist Tavita Leota"."""
    text = doc_text(doc)
    for m in GUEST_INTRODUCTION.finditer(text):
        names = [s for s in fuller_names(doc).values() if m.start("rest") <= s.start_char < m.end("rest")]
        for name in sorted(names, key=lambda s: s.start):
            person = resolve(name)
            if person is not None and person.label == "PERSON" and not any(_same(person, e) for e in not_them):
                return person
    return None


def _first_person_named(doc: Doc, entities: list[Entity], not_them: list[Entity]) -> Entity | None:
    """The person the title names, else the first the text names in full (as a Q&A's title does: "Q&A:
    Lindiwe Osei on drones"); a name that only qualifies a common noun ("the Skerry Isles council") names no
    one, and neither the writer nor the interviewer is the person interviewed."""
    excluded = {e.surname for e in not_them}
    names = sorted(fuller_names(doc).values(), key=lambda s: s.start)
    for span in names:
        if _qualifies_a_noun(span) or span[-1].lower_ in excluded:
            continue
        known = next((e for e in entities if e.label == "PERSON" and e.surname == span[-1].lower_), None)
        if known is None and not _a_persons_name(span):
            continue  # "Fell Street", "Vell Agricultural College": a place or an organisation
        return known or Entity(span.text, "PERSON", [span])
    return None


def _a_persons_name(name: Span) -> bool:
    """Whether a full name may be a person's: NER says so, says nothing, or says organisation (which it often
    says of an unfamiliar person's name, "Lindiwe Osei") of a name that does not end in an organisation noun."""
    kind = name.root.ent_type_
    return kind in ("PERSON", "") or (kind == "ORG" and name[-1].lower_ not in ORGANISATION_NOUNS | PLACE_NOUNS)


def _qualifies_a_noun(name: Span) -> bool:
    return name.root.dep_ == "compound" and name.root.head.pos_ == "NOUN"


def _journalist(entities: list[Entity], interviewee: Entity | None) -> Entity | None:
    """A person the text calls a journalist ("our culture editor, Lena Fiskaa"), not the interviewee."""
    for e in entities:
        if e.label == "PERSON" and e is not interviewee and any(
                d.split()[-1].lower() in JOURNALIST_NOUNS for d in e.descriptors if d):
            return e
    return None


def _host(doc: Doc, entities: list[Entity], resolve: Resolver) -> Entity | None:
    """Who the text says hosted, presented, moderated or chaired the conversation."""
    for e in entities:
        if e.label == "PERSON" and any(d.split()[-1].lower() in HOST_NOUNS for d in e.descriptors if d):
            return e
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in HOST_VERBS:
            continue
        agents = [mention_span(g) for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        subject = subject_of(verb)
        if subject is not None and verb.lemma_.lower() != "present" and subject.root.dep_ != "nsubjpass":
            agents.append(subject)
        for mention in agents:
            person = resolve(mention)
            if person is not None and person.label == "PERSON":
                return person
    return None
