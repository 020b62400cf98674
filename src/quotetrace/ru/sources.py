"""Who a Russian cue's speaker is, and through what channel the statement came: the cue word's subject as a
noun phrase (titles and appositions kept, "министр обороны Валдонии Кирилл Вольнов"), an inverted subject the
parse missed ("— отметил, выступая на форуме, министр ..."), a source named by "со ссылкой на X" or quoted by a
channel ("приводит слова X агентство"), and the outlet a statement was made to ("в интервью радиостанции").
"""

from __future__ import annotations

import re

from quotetrace.ru.lexicon import (
    CLAUSE_MARKS,
    DASHES,
    DOCUMENT_NOUNS,
    DOCUMENT_VERBS,
    FEMININE_SURNAME_ENDINGS,
    MEDIA_NOUNS,
    PLACE_ADVERBS,
    PLURAL_PRONOUNS,
    PRONOUN_GENDER,
    QUOTING_VERBS,
)
from quotetrace.ru.nlp import RuDoc, RuToken


def speaker_and_channel(doc: RuDoc, verb: RuToken) -> tuple[list[int], tuple[int, int] | None]:
    """The speaker's tokens and the channel's span: a quoting channel ("приводит слова X агентство") and a
    reference ("сообщает агентство со ссылкой на X") give the speaker X and make the subject the channel."""
    subject = subject_of(doc, verb)
    via = _outlet(doc, verb)
    quoted = quoted_by(doc, verb) if verb.lemma in QUOTING_VERBS else []
    if quoted:
        subject, via = quoted, span_of(doc, subject) or via
    referred = _reference(doc, verb)
    if referred and not (subject and is_person(doc, subject)):
        subject, via = referred, span_of(doc, subject) or via
    return subject, via


def subject_of(doc: RuDoc, verb: RuToken) -> list[int]:
    kids = doc.kids(verb.i)
    if verb.lemma in DOCUMENT_VERBS:
        for k in kids:
            if k.rel in ("obl", "nmod") and (k.lemma in DOCUMENT_NOUNS or _text_of_document(doc, k)):
                return noun_phrase(doc, k)
    for k in kids:
        if k.rel.startswith("nsubj") and not k.placeholder and _agrees(verb, k):
            if not in_dateline(doc, k):
                return noun_phrase(doc, k)
            # the dateline's "apposition" is the subject: "ОЗЕРОГОРСК — Губернатор … заявил"
            named = next((a for a in doc.kids(k.i) if a.rel == "appos" and not in_dateline(doc, a)), None)
            if named is not None:
                return noun_phrase(doc, named)
    if verb.feats.get("Number") == "Plur":
        # an impersonal plural names its source as a place: "сообщили в МАГАТЭ", "заявили в пресс-службе",
        # or points back to the last one: "добавили там"
        for k in kids:
            if k.rel == "obl" and k.feats.get("Case") == "Loc" and any(
                    c.rel == "case" and c.lower in ("в", "во") for c in doc.kids(k.i)):
                return noun_phrase(doc, k)
            if k.lower in PLACE_ADVERBS:
                return [k.i]
    if verb.rel == "conj" and 0 <= verb.head < verb.i:
        # "раскритиковал политику и потребовал отставки": the first verb's subject
        shared = [k for k in doc.kids(verb.head) if k.rel.startswith("nsubj") and not k.placeholder]
        if shared:
            return noun_phrase(doc, shared[0])
    before = _subject_hung_elsewhere(doc, verb) or _subject_hung_past(doc, verb)
    if before is not None:
        return noun_phrase(doc, before)
    inverted = _inverted_subject(doc, verb)
    return noun_phrase(doc, inverted) if inverted is not None else []


# Nouns of a document's wording: "в тексте петиции говорится", "в формулировке приказа указывается".
WORDING_NOUNS = frozenset("текст формулировка содержание".split())


def _text_of_document(doc: RuDoc, k: RuToken) -> bool:
    """Whether ``k`` is the wording of a document named after it ("тексте петиции"): the document speaks."""
    return k.lemma in WORDING_NOUNS and any(c.rel == "nmod" and c.lemma in DOCUMENT_NOUNS for c in doc.kids(k.i))


# A story's dateline: a place in capitals opening its paragraph, perhaps with the agency and the date, before a
# dash ("ОЗЕРОГОРСК — Губернатор … заявил", "НИЖНИЙ НОВГОРОД, 5 марта —"); the parse takes it for the subject.
DATELINE = re.compile(r"^([А-ЯЁA-Z][А-ЯЁA-Z-]+(?: [А-ЯЁA-Z-]+)*)(?: \([^)\n]{1,40}\))?(?:, [^—–\n]{1,30})? [—–] ",
                      re.MULTILINE)


def in_dateline(doc: RuDoc, token: RuToken) -> bool:
    """The token is the place of a story's dateline: never a speaker. (Only its own line is read: a subject is
    asked of every cue, and a long text read from its start for each would cost quadratic time.)"""
    dateline = DATELINE.match(doc.text, doc.text.rfind("\n", 0, token.start) + 1)
    return dateline is not None and dateline.start(1) <= token.start < dateline.end(1)


def _subject_hung_elsewhere(doc: RuDoc, verb: RuToken) -> RuToken | None:
    """A nominative noun before the verb, in its clause, that the parse hung on another word ("В докладе
    комиссии министр Иван Петров заявил": "министр" as an apposition of "докладе"): the nearest that agrees
    in number, widened to the title its name hangs on."""
    a, _ = doc.sent_of(verb.i)
    for x in reversed(doc.tokens[a:verb.i]):
        if x.placeholder or x.text in (",", ";", ":", *DASHES) or (x.pos in ("VERB", "AUX") and x.feats.get(
                "VerbForm") == "Fin"):
            return None
        nominative = x.feats.get("Case") == "Nom" or womans_surname_read_as_genitive(doc, x)
        if x.pos in ("NOUN", "PROPN") and nominative and _agrees_in_number(verb, x):
            while x.rel in ("appos", "flat:name", "flat") and 0 <= x.head < x.i and (
                    doc.tokens[x.head].feats.get("Case") == "Nom") and not in_dateline(doc, doc.tokens[x.head]):
                x = doc.tokens[x.head]
            return x
    return None


def _subject_hung_past(doc: RuDoc, verb: RuToken) -> RuToken | None:
    """A subject before the verb that the parse hung on a verb after it, past a participial phrase
    ("Исследование …, опубликованное в журнале «…», показывает, что площадь озёр …": "Исследование" as the
    subject of a verb in the что-clause)."""
    a, _ = doc.sent_of(verb.i)
    return next((x for x in doc.tokens[a : verb.i] if x.rel.startswith("nsubj") and x.head > verb.i
                 and not x.placeholder and _agrees_in_number(verb, x)), None)


def womans_surname_read_as_genitive(doc: RuDoc, token: RuToken) -> bool:
    """"Белова задаёт вопрос": a woman's surname opening its sentence that the tagger read as a man's in the
    genitive (Белова, Зуева, Ильина are both)."""
    return (token.i == doc.sent_of(token.i)[0] and token.pos == "PROPN" and token.feats.get("Case") in ("Gen", "Acc")
            and token.lower.endswith(FEMININE_SURNAME_ENDINGS))



def _agrees_in_number(verb: RuToken, subject: RuToken) -> bool:
    numbers = {verb.feats.get("Number"), subject.feats.get("Number")}
    return None in numbers or len(numbers) == 1


def _agrees(verb: RuToken, subject: RuToken) -> bool:
    """A subject after its verb agrees with it in number: the parse hangs "«Энергоинформ»" of ", сообщает
    «Энергоинформ»" on the plural "заверили" before it. (Before the verb, "большинство ... ожидают" is fine.)"""
    numbers = {verb.feats.get("Number"), subject.feats.get("Number")}
    return subject.i < verb.i or None in numbers or len(numbers) == 1 or subject.pos == "PRON"


def _inverted_subject(doc: RuDoc, verb: RuToken) -> RuToken | None:
    """A nominative noun after the verb that the parse did not hang on it ("— отметил, выступая на форуме,
    министр ..."): the first in the clause, past a participial phrase, before any other finite verb."""
    a, b = doc.sent_of(verb.i)
    trailing = verb.i > a and doc.tokens[verb.i - 1].text in (",", *DASHES)
    in_aside = False
    for x in doc.tokens[verb.i + 1 : b]:
        # a quotation long enough to be masked ends the look; a short quoted name ("«Энергоинформ»") does not
        if x.placeholder or x.text == ":" or x.lower in CLAUSE_MARKS or is_relative(x):
            return None
        if x.text == ",":
            following = doc.tokens[x.i + 1] if x.i + 1 < b else None
            opens_aside = following is not None and following.feats.get("VerbForm") in ("Conv", "Part")
            if not (in_aside or opens_aside):
                return None  # past the attribution: ", предупредил гидролог, к середине века озеро ..."
            in_aside = opens_aside
            continue
        if in_aside:
            continue
        if x.pos in ("VERB", "AUX") and x.feats.get("VerbForm") == "Fin":
            return None
        case = x.feats.get("Case")
        # right after a trailing verb the tagger sometimes reads the speaker as an object ("предупредил гидролог")
        if x.pos in ("NOUN", "PROPN", "PRON") and (case == "Nom" or (trailing and case == "Acc" and x.i == verb.i + 1)):
            return x
    return None


def noun_phrase(doc: RuDoc, head: RuToken) -> list[int]:
    """A noun phrase: the head's subtree in its sentence, without clauses, quotations or edge punctuation."""
    a, b = doc.sent_of(head.i)
    out = [x.i for x in doc.subtree(head.i) if a <= x.i < b and not x.placeholder]
    # stop at a comma that opens a relative or participial clause after the head; one that opens an
    # apposition is part of the phrase ("Бывший советник министра, полковник запаса Андрей Шаталов")
    for i in out:
        if i > head.i and doc.tokens[i].text in ",—(" and not _opens_apposition(doc, head, i, out):
            out = [j for j in out if j < i]
            break
    while out and doc.tokens[out[0]].pos in ("PUNCT", "ADP", "CCONJ"):
        out.pop(0)
    while out and doc.tokens[out[-1]].pos == "PUNCT":
        out.pop()
    return out


def _opens_apposition(doc: RuDoc, head: RuToken, comma: int, phrase: list[int]) -> bool:
    """Whether the comma at ``comma`` opens an apposition to ``head``: the parse says so (the comma or the word
    after it hangs on an apposition of the head), or what follows up to the next comma names a person."""
    if doc.tokens[comma].text != ",":
        return False
    for i in (comma, comma + 1):
        if i < len(doc.tokens):
            t = doc.tokens[doc.tokens[i].head] if i == comma and doc.tokens[i].head >= 0 else doc.tokens[i]
            if t.head == head.i and t.rel == "appos":
                return True
    rest = [i for i in phrase if i > comma]
    stop = next((i for i in rest if doc.tokens[i].text == ","), None)
    piece = [i for i in rest if stop is None or i < stop]
    if any(doc.tokens[i].pos in ("VERB", "AUX") for i in piece):
        return False
    return any(e.label == "PERSON" and e.tokens and set(e.tokens) <= set(piece) for e in doc.ents)


def quoted_by(doc: RuDoc, verb: RuToken) -> list[int]:
    """Whom a quoting verb quotes: X in "приводит слова X", the person object of "цитирует X"."""
    _, b = doc.sent_of(verb.i)
    for k in doc.tokens[verb.i + 1 : min(b, verb.i + 6)]:  # the parse often hangs the object elsewhere
        if k.text in (",", ":") or k.placeholder:
            break
        if k.lemma == "слово" and k.feats.get("Case") == "Acc":
            owners = [o for o in doc.kids(k.i) if o.rel in ("nmod", "appos") and o.i > k.i]
            return noun_phrase(doc, owners[0]) if owners else []
        if verb.lemma.endswith("цитировать") and k.rel == "obj" and k.feats.get("Animacy") == "Anim":
            return noun_phrase(doc, k)
    return []


def _reference(doc: RuDoc, verb: RuToken) -> list[int]:
    """X in "со ссылкой на X" in the verb's sentence."""
    a, b = doc.sent_of(verb.i)
    for i in range(a, b - 3):
        words = [doc.tokens[i + k].lower for k in range(3)]
        if words[0] in ("со", "с") and words[1] == "ссылкой" and words[2] == "на":
            nouns = [t for t in doc.tokens[i + 3 : min(b, i + 6)] if t.pos in ("NOUN", "PROPN") and not t.placeholder]
            return noun_phrase(doc, nouns[0]) if nouns else []
    return []


def _outlet(doc: RuDoc, verb: RuToken) -> tuple[int, int] | None:
    """The outlet a statement was made to: "в интервью радиостанции «…»", "агентству", "«Известиям»"."""
    for k in doc.kids(verb.i):
        if k.rel not in ("obl", "iobj", "obj") or k.placeholder:
            continue
        dative = k.feats.get("Case") == "Dat"
        first = doc.subtree(k.i)[0]
        if k.lemma in ("интервью", "эфир") or (dative and (k.lemma in MEDIA_NOUNS or first.text == "«")):
            a, b = doc.sent_of(verb.i)
            tokens = [x.i for x in doc.subtree(k.i) if a <= x.i < b and not x.placeholder]
            while tokens and doc.tokens[tokens[-1]].text in (",", "—"):
                tokens.pop()
            return span_of(doc, tokens)
    return None


def is_person(doc: RuDoc, tokens: list[int]) -> bool:
    """A mention that names a person (an entity) or is a personal pronoun."""
    first = doc.tokens[tokens[0]].lower if tokens else ""
    people = (e for e in doc.ents if e.label == "PERSON")
    return first in PRONOUN_GENDER or first in PLURAL_PRONOUNS or any(set(e.tokens) & set(tokens) for e in people)


def is_outlet(doc: RuDoc, tokens: list[int]) -> bool:
    """A mention of a news outlet: "агентство «Норд-Пресс»", "телеканал", "«Известия»", an organisation."""
    if not tokens or is_person(doc, tokens):
        return False
    head = next((doc.tokens[i] for i in tokens if doc.tokens[i].pos in ("NOUN", "PROPN")), None)
    organisation = any(e.label == "ORG" and set(e.tokens) & set(tokens) for e in doc.ents)
    return doc.tokens[tokens[0]].text == "«" or organisation or (head is not None and head.lemma in MEDIA_NOUNS)


def span_of(doc: RuDoc, tokens: list[int]) -> tuple[int, int] | None:
    """The characters of a phrase, with the closing mark of a quoted name in it ("агентство «Урал-Пресс»")."""
    if not tokens:
        return None
    start, end = doc.tokens[tokens[0]].start, doc.tokens[tokens[-1]].end
    following = doc.tokens[tokens[-1] + 1] if tokens[-1] + 1 < len(doc.tokens) else None
    if following is not None and following.text in ("»", "“") and doc.text.count("«", start, end) > doc.text.count(
            "»", start, end):
        end = following.end
    return start, end


def is_relative(t: RuToken) -> bool:
    """"который" in any case and gender."""
    return t.lower.startswith("котор")
