"""Who said it, in a Russian document: the speaker mention resolved to a named person or organisation.

1. a mention that names someone (in any case form: "по словам Петрова", "Ивановой") resolves to the fullest
   nominative form of that name in the document ("Иван Петров"), by surname key and gender;
2. a pronoun (он/она/они, any case) to the nearest earlier person (organisation for "они") whose gender agrees
   with the pronoun and with the verb (заявил/заявила), preferring those already speaking;
3. a definite description ("генерал", "министр") to the nearest earlier person with that word among the
   titles written beside their name ("генерал-полковник в отставке Иван Петров"); in the headline, to the
   first person the article introduces with that title;
4. anything else stays as written, lower-cased: an anonymous source ("источник в Минобороны").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from quotetrace.ru.lexicon import (
    DOCUMENT_NOUNS,
    FIRST_PERSON,
    INDEFINITE_WORDS,
    PLURAL_PRONOUNS,
    PRONOUN_GENDER,
    RELATIVE_PRONOUNS,
)
from quotetrace.ru.names import name_gender, surname_key
from quotetrace.ru.nlp import (
    RuDoc,
    RuEntity,
    RuToken,
    is_given_name,
    is_noun,
    lemma_of,
    morph_vocab,
    name_in_nominative,
    noun_gender,
    noun_is_person,
)
from quotetrace.ru.sources import womans_surname_read_as_genitive

AUTHOR = "автор"
MAX_ANTECEDENT_DISTANCE = 3000
TITLE_REACH = 6  # words before a name that may hold the title a headline's description repeats
_DESCRIPTOR_POS = frozenset({"NOUN", "ADJ", "ADP"})


@dataclass(slots=True)
class Person:
    name: str
    label: str
    key: str
    mentions: list[RuEntity] = field(default_factory=list)
    descriptors: list[str] = field(default_factory=list)
    gender: str | None = None

    def mentioned_before(self, char: int) -> int | None:
        ends = [m.end for m in self.mentions if m.end <= char]
        return max(ends) if ends else None

    def descriptor_lemmas(self) -> set[str]:
        return {lemma_of(w) for d in self.descriptors for w in d.replace("-", " ").split()}

    def descriptor_heads(self) -> set[str]:
        """The first noun of each title: "мэр" of "действующий мэр", "кандидат" of "кандидат в мэры"."""
        heads = (next((w for w in d.split() if is_noun(w)), None) for d in self.descriptors)
        return {lemma_of(h) for h in heads if h is not None}


Fits = Callable[["Person"], bool]


def collect_people(doc: RuDoc) -> list[Person]:
    people: dict[str, Person] = {}
    orgs: dict[str, Person] = {}
    for ent in doc.ents:
        normal = _with_yo(" ".join(ent.normal.split()), ent.text)
        if ent.label == "PERSON" and _is_place_taken_for_person(doc, ent):
            continue
        if ent.label == "PERSON":
            normal = _nominative_name(_without_leading_genitive(doc, ent, normal), ent.text)
            if _woman_opening_a_sentence(doc, ent):
                normal = ent.text  # "Ильина задаёт вопрос": not the genitive of "Ильин"
            key = surname_key(normal.split()[-1])
            p = people.get(key)
            if p is None:
                p = people[key] = Person(normal, "PERSON", key)
            elif len(normal.split()) > len(p.name.split()):
                p.name = normal  # the fullest form names the person
            p.mentions.append(ent)
            gender = _entity_gender(doc, ent) or name_gender(normal)
            p.gender = p.gender or gender
            p.descriptors.extend(d for d in titles_before(doc, ent) if d not in p.descriptors)
        else:
            key = normal.lower()
            o = orgs.setdefault(key, Person(normal, ent.label, key))
            o.mentions.append(ent)
    return [*people.values(), *orgs.values()]


def _woman_opening_a_sentence(doc: RuDoc, ent: RuEntity) -> bool:
    """A lone surname opening its sentence, before a finite verb, that the tagger read as a man's in the
    genitive ("Ильина задаёт вопрос"): a woman's surname in the nominative."""
    if len(ent.tokens) != 1:
        return False
    token = doc.tokens[ent.tokens[0]]
    following = doc.tokens[token.i + 1] if token.i + 1 < len(doc.tokens) else None
    return (womans_surname_read_as_genitive(doc, token) and following is not None
            and following.feats.get("VerbForm") == "Fin")


def _without_leading_genitive(doc: RuDoc, ent: RuEntity, normal: str) -> str:
    """A name without the genitive the tagger ran into it: "глава МИД Тарвании Эльза Кирсте" (a word tagged
    genitive, one the normaliser changed while the name after it stays as written, or one that is a place or
    organisation elsewhere in the text)."""
    places = {e.text.lower() for e in doc.ents if e.label != "PERSON"}
    tokens = [doc.tokens[i] for i in ent.tokens]
    words = normal.split()
    if len(words) != len(tokens):
        return normal
    as_written = [w.lower() == t.text.lower() for w, t in zip(words, tokens, strict=True)]
    nominative = tokens[-1].feats.get("Case") == "Nom" and as_written[-1]
    lead = 0
    while lead < len(tokens) - 1 and (
            (nominative and (tokens[lead].feats.get("Case") == "Gen" or not as_written[lead]))
            or tokens[lead].text.lower() in places):
        lead += 1
    given = next((i for i, t in enumerate(tokens) if is_given_name(t.text)), None)
    if given is not None and given > lead and not any(is_given_name(t.text) for t in tokens[:given]):
        lead = given  # "Тарвании Эльза Кирсте": the name starts at the given name
    return " ".join(words[lead:]) if lead else normal


def _nominative_name(normal: str, written: str) -> str:
    """The normal form, or the written name put in the nominative where the normaliser left it as written."""
    words = written.split()
    if len(words) < 2 or normal.lower().replace("ё", "е") != written.lower().replace("ё", "е"):
        return normal
    return " ".join(name_in_nominative(words) or normal.split())


def _with_yo(normal: str, written: str) -> str:
    """natasha's normal form writes ё as е: a word written with ё keeps it ("Пётр", "Королёв")."""
    spelled = {w.replace("ё", "е").replace("Ё", "Е"): w for w in written.split() if "ё" in w.lower()}
    return " ".join(spelled.get(w, w) for w in normal.split())


def _entity_gender(doc: RuDoc, ent: RuEntity) -> str | None:
    genders = {doc.tokens[i].feats.get("Gender") for i in ent.tokens} - {None}
    if genders == {"Masc"}:
        return "m"
    if genders == {"Fem"}:
        return "f"
    return None


def titles_before(doc: RuDoc, ent: RuEntity) -> list[str]:
    """Titles written right before a name: "генерал-полковник в отставке Иван Петров", "эксперт Центра
    энергетической безопасности Марина Колесникова" (an organisation's name inside the title is kept). Two
    titles in a row are two: "глава комитета по обороне генерал-майор в отставке" gives "глава комитета по
    обороне" and "генерал-майор в отставке", so each can be compared with its translation."""
    if not ent.tokens:
        return []
    first = ent.tokens[0]
    a, _ = doc.sent_of(first)
    words: list[int] = []
    j = first - 1
    while j >= a and len(words) < _MOST_TITLE_WORDS:
        t = doc.tokens[j]
        if t.pos not in _DESCRIPTOR_POS and not (t.pos == "PROPN" and not _names_someone(doc, j)):
            break
        words.insert(0, j)
        j -= 1
    # a title starts with a common word: "В Москве генерал ..." is a place, then the title
    # and "по словам министра" has its title after the words that introduce the speaker
    while words and (doc.tokens[words[0]].pos == "ADP" or doc.tokens[words[0]].lemma in _NOT_TITLES or (
            doc.tokens[words[0]].pos == "PROPN" and not _is_title_word(doc, words[0], a))):
        words.pop(0)
    if not any(doc.tokens[i].pos in ("NOUN", "PROPN") for i in words):
        return []
    # a title agrees in case with the name it stands before: "в докладе комиссии министр Петров" has one
    case = doc.tokens[first].feats.get("Case")
    titles = [t for t in _one_title_each(doc, words) if doc.tokens[t[0]].feats.get("Case") in (None, case)]
    return [" ".join(doc.tokens[i].text for i in title).lower() for title in titles]


# Two titles of four words each ("глава комитета по обороне", "генерал-майор в отставке") fit.
_MOST_TITLE_WORDS = 9


def _one_title_each(doc: RuDoc, words: list[int]) -> list[list[int]]:
    """Cut a run of title words where a word in the nominative follows one in another case: a title's own
    words after its head are genitives and prepositional phrases, so a new nominative starts the next."""
    titles: list[list[int]] = [[]]
    for i in words:
        t, before = doc.tokens[i], doc.tokens[i - 1]
        starts_anew = (titles[-1] and t.pos in ("NOUN", "ADJ") and t.feats.get("Case") == "Nom"
                       and before.pos in ("NOUN", "ADJ", "PROPN") and before.feats.get("Case") not in (None, "Nom"))
        if starts_anew:
            titles.append([])
        titles[-1].append(i)
    return [t for t in titles if any(doc.tokens[i].pos in ("NOUN", "PROPN") for i in t)]


def _in_person(doc: RuDoc, i: int) -> bool:
    return any(i in e.tokens for e in doc.ents if e.label == "PERSON")


def _names_someone(doc: RuDoc, i: int) -> bool:
    return any(i in e.tokens for e in doc.ents if e.label == "PERSON" and not _is_place_taken_for_person(doc, e))


def _is_place_taken_for_person(doc: RuDoc, ent: RuEntity) -> bool:
    """A one-word "person" that is a place or organisation elsewhere in the text, or one word in an oblique
    case after a noun: the tagger takes an unfamiliar country for a person ("посол Валдонии в Лорнии")."""
    if len(ent.tokens) != 1:
        return False
    i = ent.tokens[0]
    if doc.tokens[i].feats.get("Case") not in (None, "Nom") and i > 0 and doc.tokens[i - 1].pos == "NOUN":
        return True
    forms = {ent.text.lower(), ent.normal.lower()}
    return any(e.label != "PERSON" and forms & {e.text.lower(), e.normal.lower()} for e in doc.ents)


# "по словам Петрова", "по мнению Ивановой": the noun before a name that is not a title.
_NOT_TITLES = frozenset({"слово", "мнение", "данные", "заявление", "слова"})


def _is_title_word(doc: RuDoc, i: int, sent_start: int) -> bool:
    """A capitalised title the tagger took for a name: "Генерал-полковник" opening a sentence, "МИД" in
    "глава МИД"."""
    t = doc.tokens[i]
    return not _in_person(doc, i) and (i == sent_start or t.text.isupper())


def resolve(
    doc: RuDoc, mention: list[int], verb_gender: str | None, verb_plural: bool, people: list[Person],
    speakers: list[tuple[int, Person]], *, follows: Person | None = None,
) -> Person | None:
    """The person or organisation ``mention`` stands for. ``follows``: the person of the statement just
    before, when the mention stands after its verb ("..., добавил чиновник"): a description no title matches
    is taken for them."""
    if not mention:
        return None
    start, end = doc.tokens[mention[0]].start, doc.tokens[mention[-1]].end
    # the name a title leads to is the last one in the mention: "министр обороны Валдонии Кирилл Вольнов"
    named = [(m.end, p) for p in people if p.label == "PERSON" for m in p.mentions if start <= m.start < end]
    if named:
        return max(named, key=lambda pair: pair[0])[1]
    for t in (doc.tokens[i] for i in mention):
        if t.pos == "PROPN":
            key = surname_key(t.text)
            found = [p for p in people if p.label == "PERSON" and p.key == key]
            if found:
                return found[0]
    for p in people:
        # an organisation anywhere in the mention speaks ("пресс-служба МЧС"); a place only when the mention
        # opens with it ("Москва ответила"), not where it says where the speakers live ("Жители Краснобора")
        if p.label != "PERSON" and any(start <= m.start < end and (p.label != "GPE" or m.start == start)
                                       for m in p.mentions):
            return p
    head = doc.tokens[mention[0]]
    word = head.lower
    if word in RELATIVE_PRONOUNS:
        return None
    if word in PRONOUN_GENDER or (word in PLURAL_PRONOUNS and not verb_plural):
        gender = PRONOUN_GENDER.get(word) or verb_gender
        return _antecedent(start, people, speakers, lambda p: p.label == "PERSON" and p.gender in (None, gender))
    if word in PLURAL_PRONOUNS:
        return _antecedent(start, people, speakers, lambda p: p.label != "PERSON")
    nouns = [doc.tokens[i] for i in mention if _is_common_noun(doc, i)]
    if not nouns or any(doc.tokens[i].lower in INDEFINITE_WORDS for i in mention):
        return None
    if verb_plural:
        return None  # "врачи предупреждают": a group, not the doctor named before
    described = _described(start, nouns[0], verb_gender, people, speakers, follows)
    if described is None and "\n" not in doc.text[:start]:
        return _introduced_later(doc, nouns[0], people)
    return described


def _is_common_noun(doc: RuDoc, i: int) -> bool:
    """A noun, or a title the tagger took for a name because it opens the sentence ("Омбудсмен подчеркнула")."""
    t = doc.tokens[i]
    return t.pos == "NOUN" or (t.pos == "PROPN" and i == doc.sent_of(i)[0] and not any(i in e.tokens for e in doc.ents))


def _described(
    start: int, noun: RuToken, verb_gender: str | None, people: list[Person], speakers: list[tuple[int, Person]],
    follows: Person | None,
) -> Person | None:
    """The person a definite description ("генерал", "эксперт") stands for: one whose title is headed by that
    word ("действующий мэр" for "мэр", before "кандидат в мэры"), else one whose title has it at all."""
    lemma = noun.lemma or noun.lower
    if lemma in DOCUMENT_NOUNS:
        return None

    def agrees(p: Person) -> bool:
        return p.label == "PERSON" and (verb_gender is None or p.gender in (None, verb_gender))

    found = _antecedent(start, people, speakers, lambda p: agrees(p) and lemma in p.descriptor_heads())
    found = found or _antecedent(start, people, speakers, lambda p: agrees(p) and lemma in p.descriptor_lemmas())
    if found is None and verb_gender == "f" and noun_gender(lemma) == "Masc":
        # a masculine title with a feminine verb ("омбудсмен подчеркнула") names a woman already in the text
        found = _antecedent(start, people, speakers, lambda p: p.label == "PERSON" and p.gender == "f")
    if found is None and follows is not None and agrees(follows) and noun_is_person(lemma):
        found = follows
    return found


def _introduced_later(doc: RuDoc, noun: RuToken, people: list[Person]) -> Person | None:
    """A headline's description ("Директор заповедника: «…»") names the first person the article goes on to
    introduce with that word among the few before their name ("с директором заповедника «Тоймский» Ильёй
    Петровым"), or among their titles."""
    lemma = noun.lemma or noun.lower
    found = []
    for p in (p for p in people if p.label == "PERSON"):
        for m in p.mentions:
            first = m.tokens[0] if m.tokens else None
            before = [] if first is None else doc.tokens[max(doc.sent_of(first)[0], first - TITLE_REACH) : first]
            if lemma in p.descriptor_heads() or any(t.lemma == lemma for t in before):
                found.append((m.start, p))
    return min(found, key=lambda pair: pair[0])[1] if found else None


def _antecedent(pos: int, people: list[Person], speakers: list[tuple[int, Person]], fits: Fits) -> Person | None:
    for where, p in reversed(speakers):
        if pos - where <= MAX_ANTECEDENT_DISTANCE and fits(p):
            later = _nearest(pos, people, fits)
            if later is not None and later[0] > where + 1 and later[1] is not p:
                return later[1]
            return p
    found = _nearest(pos, people, fits)
    return found[1] if found is not None else None


def _nearest(pos: int, people: list[Person], fits: Fits) -> tuple[int, Person] | None:
    best: tuple[int, Person] | None = None
    for p in people:
        end = p.mentioned_before(pos)
        if end is not None and pos - end <= MAX_ANTECEDENT_DISTANCE and fits(p) and (best is None or end > best[0]):
            best = (end, p)
    return best


def as_written(doc: RuDoc, mention: list[int]) -> str:
    """An unresolved mention as a speaker name, in the nominative ("в обращении ветеранов" → "обращение
    ветеранов", "по информации источника в штабе" → "источник в штабе"), lower-cased unless it starts with a
    name."""
    tokens = [doc.tokens[i] for i in mention]
    if len(tokens) == 1 and tokens[0].lower in FIRST_PERSON:
        return AUTHOR
    text = nominative(doc, mention)
    if tokens[0].pos != "PROPN":
        text = text[:1].lower() + text[1:]
    return text


@dataclass(frozen=True, slots=True)
class _NormToken:
    """The shape of token that natasha's syntax normaliser reads."""

    id: int
    head_id: int
    text: str
    pos: str
    feats: dict[str, str]
    start: int
    stop: int


def nominative(doc: RuDoc, mention: list[int]) -> str:
    """The mention with its head noun and the adjectives agreeing with it put in the nominative (natasha's
    syntax normaliser: dependents in other cases, "станции" in "пресс-служба станции", stay as they are)."""
    from natasha.norm import inflect_words, recover_shapes, recover_spaces, select_inflectable

    tokens = [doc.tokens[i] for i in mention]
    norm = [_NormToken(t.i, t.head, t.text, t.pos, t.feats, t.start, t.end) for t in tokens]
    try:
        words = list(inflect_words(morph_vocab(), norm, set(select_inflectable(norm))))
    except (AttributeError, KeyError, TypeError):  # an odd parse is not worth losing the speaker over
        return " ".join(t.text for t in tokens)
    # the normaliser writes ё as е; a word it left as it was keeps its own spelling
    words = [t.text if w == t.lower else w for w, t in zip(words, tokens, strict=True)]
    return str(recover_spaces(list(recover_shapes(words, norm)), norm))
