"""The people and organisations a document names: full names, the descriptors seen with them, gender.

"the former foreign minister Jane Smith" gives the person "Jane Smith" with the descriptor "former foreign
minister", which is what lets "the former minister" later refer to her.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from quotetrace.lexicon import (
    FEMALE_NAMES,
    FEMALE_NOUNS,
    FEMALE_TITLES,
    MALE_NAMES,
    MALE_NOUNS,
    MALE_TITLES,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    TITLE_ABBREVIATIONS,
)
from quotetrace.nlp import doc_text

ORG_LABELS = frozenset({"ORG", "GPE", "NORP"})
PLACES_AND_BODIES = ORG_LABELS | {"LOC", "FAC"}
OWNER_TYPES = frozenset({"PERSON", "ORG"})
DESCRIPTOR_DEPS = frozenset({"compound", "amod", "nmod"})
# "socialist opposition deputies": words between an adjective of belonging and the group noun it modifies
MAX_GROUP_GAP = 2
# Where fuller_names keeps its answer for the document.
FULLER_NAMES = "quotetrace.fuller_names"
# Proper nouns before a surname that are titles, not given names ("President Obama", "Sen. Rendt").
NOT_GIVEN_NAMES = frozenset(PERSON_NOUNS) | frozenset(TITLE_ABBREVIATIONS) | {"mr", "mrs", "ms", "dr", "sir", "lady"}
FUNCTION_POS = frozenset({"ADP", "DET", "ADV", "PRON", "CCONJ", "SCONJ", "AUX", "VERB"})


@dataclass(slots=True)
class Entity:
    """One person or organisation of the document, with every place it is named."""

    name: str
    label: str
    mentions: list[Span] = field(default_factory=list)
    descriptors: list[str] = field(default_factory=list)
    gender: str | None = None  # "m", "f" or None when unknown

    @property
    def surname(self) -> str:
        words = self.name.split()
        return words[-1].lower() if words else ""

    def mentioned_before(self, char: int) -> int | None:
        """End of the last mention before ``char``, if any."""
        ends = [m.end_char for m in self.mentions if m.end_char <= char]
        return max(ends) if ends else None


def collect_entities(doc: Doc) -> list[Entity]:
    people: dict[str, Entity] = {}
    orgs: dict[str, Entity] = {}
    for ent in doc.ents:
        if (ent.label_ == "PERSON" and not _common_noun_opening(ent)) or _titled_name(ent):
            _add_person(people, ent)
        elif ent.label_ in ORG_LABELS:
            group = _group_of(ent)
            if group is None:
                continue
            key = group.text.lower().removeprefix("the ")
            entity = orgs.setdefault(key, Entity(group.text, ent.label_))
            entity.mentions.append(group)
    full = fuller_names(doc)
    for person in people.values():
        person.gender = person.gender or _gender_from_pronouns(doc, person)
        if " " not in person.name and person.surname in full:
            # "HOLLOWAY:" or "Lind" alone where NER missed "Nell Holloway": the name in full
            person.name = full[person.surname].text
    for owned in _owned_organisations(doc):
        entity = orgs.setdefault(owned.text.lower(), Entity(owned.text, "ORG", descriptors=[owned.root.lower_]))
        entity.mentions.append(owned)
    return [*people.values(), *orgs.values()]


def fuller_names(doc: Doc) -> dict[str, Span]:
    """For each surname the document writes after given names, the first such full name ("Nell Holloway"),
    by the surname in lower case; in one pass over the tokens, once per document."""
    known: dict[str, Span] | None = doc.user_data.get(FULLER_NAMES)
    if known is not None:
        return known
    out: dict[str, Span] = {}
    doc.user_data[FULLER_NAMES] = out
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.lower_ in out:
            continue
        given = [c.i for c in tok.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" and c.i < tok.i
                 and c.text[:1].isupper() and not c.text.endswith(".") and c.lower_ not in NOT_GIVEN_NAMES]
        if given and tok.text[:1].isupper() and all(t.pos_ == "PROPN" for t in doc[min(given) : tok.i]):
            out[tok.lower_] = doc[min(given) : tok.i + 1]
    return out


def _titled_name(ent: Span) -> bool:
    """"Hessa mayor Ina Voll", "the trade minister Olga Rendt": two or more capitalised words right after a
    lower-case title name a person, whatever else NER took them for (a place, a body)."""
    if ent.label_ == "PERSON" or len(ent) < 2 or ent.start == 0:
        return False
    title = ent.doc[ent.start - 1]
    return (title.is_lower and title.lower_ in PERSON_NOUNS and all(t.pos_ == "PROPN" and t.is_title for t in ent)
            and ent.root.dep_ in ("nsubj", "nsubjpass", "appos", "pobj", "dobj", "ROOT"))


def _common_noun_opening(ent: Span) -> bool:
    """"Exit polls show …": a capital that opens a sentence on words the tagger reads as common nouns is no
    one's name, whatever NER guessed."""
    return bool(ent[0].is_sent_start) and all(t.pos_ in ("NOUN", "ADJ") for t in ent)


def _group_of(ent: Span) -> Span | None:
    """"socialist deputies", "the Russian government": an adjective of belonging names the group or
    organisation it modifies, which is the entity; of one person ("the Republican nominee") it names no
    entity at all (an adjective never speaks)."""
    root = ent.root
    head = root.head
    if ent.label_ != "NORP" or root.dep_ not in ("amod", "compound") or head.pos_ != "NOUN":
        return ent
    if not 0 <= head.i - ent.end <= MAX_GROUP_GAP:
        return ent
    if head.tag_ == "NNS" or head.lemma_.lower() in ORGANISATION_NOUNS:
        return ent.doc[ent.start : head.i + 1]
    return None


def _owned_organisations(doc: Doc) -> list[Span]:
    """"Rendt's campaign", "the Rendt campaign", "the Lidova administration": an organisation named only by
    whose it is, so that a later "the campaign said" has a name to resolve to (the span is owner + noun)."""
    out = []
    for token in doc:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in ORGANISATION_NOUNS:
            continue
        owner = next((c for c in token.children if c.dep_ in ("poss", "compound") and c.ent_type_ in OWNER_TYPES), None)
        if owner is not None:
            start = min(t.i for t in doc[owner.left_edge.i : owner.i + 1] if t.ent_type_ == owner.ent_type_)
            out.append(doc[start : token.i + 1])
    return out


def _add_person(people: dict[str, Entity], ent: Span) -> None:
    tokens = _name_tokens(ent)
    if not tokens:
        return
    name = " ".join(t.text for t in tokens)
    surname = tokens[-1].text.lower()
    gender = _gender_from_name(ent)
    key = _person_key(people, surname, gender)
    entity = people.get(key)
    if entity is None:
        entity = people[key] = Entity(name, "PERSON")
    elif len(name) > len(entity.name):
        entity.name = name  # the fullest form names the person
    entity.mentions.append(ent)
    for d in descriptors_of(ent):
        if d not in entity.descriptors:
            entity.descriptors.append(d)
    entity.gender = entity.gender or gender


def _person_key(people: dict[str, Entity], surname: str, gender: str | None) -> str:
    """People are keyed by surname, except that "Mrs. Brel" after "Mr. Brel" (or "Anna Brel" after "Tomas
    Brel") is a second person of that name; a bare "Brel" stays with the first."""
    first = people.get(surname)
    if gender is None or first is None or first.gender in (None, gender):
        return surname
    return f"{surname}/{gender}"


def _name_tokens(ent: Span) -> list[Token]:
    """The name's words, without punctuation, spaces, the possessive, or function words the tagger swept in from a
    title-cased headline ("Beneath Rendt's Wins" is not a person called "Beneath Rendt")."""
    # (nor the line break NER ran on with: "By Gil Amadi\n\n")
    tokens = [t for t in ent if not t.is_punct and not t.is_space and t.text.lower() not in ("'s", "’s")]
    # ... nor a title NER took in ("Dr Femi Lawal" is Femi Lawal)
    while len(tokens) > 1 and (tokens[0].pos_ in FUNCTION_POS or tokens[0].lower_.rstrip(".") in NOT_GIVEN_NAMES):
        tokens.pop(0)
    return tokens


def descriptors_of(ent: Span) -> list[str]:
    """Roles and titles written with a name: "former minister Jane Smith", "Smith, the former minister"."""
    root = ent.root
    out: list[str] = []
    # "Defence Minister Piotr Adamczyk": title words written as proper nouns count, other names do not
    left = [
        t for t in root.children
        if t.i < ent.start and t.dep_ in DESCRIPTOR_DEPS and t.pos_ in ("NOUN", "ADJ", "PROPN") and not t.ent_type_
    ]
    if left:
        lo = min(t.left_edge.i for t in left)
        words = [t.text for t in ent.doc[lo : ent.start] if t.pos_ in ("NOUN", "ADJ", "PROPN") and not t.ent_type_]
        if words:
            out.append(" ".join(words))
    appositions = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        appositions.append(root.head)
        if root.head.dep_ == "pobj" and root.head.ent_type_ in PLACES_AND_BODIES:
            # "The mayor of Karsk, Anton Brel": set beside the place, the name is the mayor's
            appositions.append(root.head.head.head)
    for head in appositions:
        if head.pos_ == "NOUN":
            out.append(_noun_phrase(head, ent))
    return [d for d in out if d]


def _noun_phrase(head: Token, exclude: Span) -> str:
    """The role a noun names, with its modifiers before it: "a lecturer in international law at …" gives
    "lecturer", "Ostrand's trade minister" gives "trade minister" (whose it is is not the role)."""
    dropped = {t.i for c in head.children if c.dep_ in ("det", "poss") for t in c.subtree}
    words = [
        t for t in head.doc[head.left_edge.i : head.i + 1]
        if t.i not in dropped and not (exclude.start <= t.i < exclude.end) and not t.is_punct
    ]
    return "".join(t.text_with_ws for t in words).strip()


def _gender_from_name(ent: Span) -> str | None:
    prev = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if prev in MALE_TITLES:
        return "m"
    if prev in FEMALE_TITLES:
        return "f"
    first = ent[0].lower_
    if first in MALE_NAMES and first not in FEMALE_NAMES:
        return "m"
    if first in FEMALE_NAMES and first not in MALE_NAMES:
        return "f"
    return None


def noun_gender(noun: str) -> str | None:
    """"m" for "the businessman", "f" for "the actress", None for "the senator"."""
    if noun in MALE_NOUNS:
        return "m"
    return "f" if noun in FEMALE_NOUNS else None


def _gender_from_pronouns(doc: Doc, person: Entity) -> str | None:
    """The subject pronoun that most often opens the sentence after one naming the person, outside quotations
    (in "“Dean can complain all he likes,” Quist said" the "he" is someone the speaker speaks of)."""
    votes = {"m": 0, "f": 0}
    for m in person.mentions:
        nxt = m.sent.end
        for tok in doc[m.end : min(len(doc), nxt + 12)]:
            g = PERSON_PRONOUNS.get(tok.lower_)
            if g is not None and tok.dep_ in ("nsubj", "nsubjpass") and not _inside_quotation(tok):
                votes[g] += 1
                break
    if votes["m"] == votes["f"]:
        return None
    return "m" if votes["m"] > votes["f"] else "f"


def _inside_quotation(tok: Token) -> bool:
    """``tok`` is inside quotation marks opened earlier in its paragraph."""
    text = doc_text(tok.doc)
    before = text[text.rfind("\n", 0, tok.idx) + 1 : tok.idx]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1
