"""Russian attribution cues on the (masked) parse: speech verbs with their subject and content clause,
"по словам X", "как сообщил X", belief verbs with a что-clause, and documents as sources ("говорится в
обращении").

A cue's ``content`` is the reported clause when the cue carries one: the что-clause, the rest of the sentence
after "по словам X," / "как сообщил X,", or the sentence before a trailing attribution (", заявил Петров.").
"""

from __future__ import annotations

from dataclasses import dataclass

from quotetrace.ru.lexicon import (
    AFTER_DASH_VERBS,
    COGNITION_VERBS,
    DOCUMENT_NOUNS,
    DOCUMENT_VERBS,
    SPEAKING_VERBS,
    SPEECH_VERBS,
)
from quotetrace.ru.nlp import RuDoc, RuToken

# "по словам X" (speech), "по данным X" / "по информации X" (reports) and "по мнению X" (belief): the
# preposition's noun lemma and whether it is a belief.
ACCORDING_NOUNS = {"слово": False, "данные": False, "информация": False, "сведение": False, "сведения": False,
                   "мнение": True}
# Possessives between the preposition and its noun: "по его словам", "по её данным", "по их мнению".
_POSSESSIVES = frozenset("его её ее их".split())
_CLAUSE_MARKS = frozenset({"что", "чтобы"})
_SENT_END = ".!?…"
# Words a trailing attribution's content must have, so that ", заявил он." after a fragment is not one.
MIN_CONTENT_WORDS = 2


@dataclass(slots=True)
class RuCue:
    """An attribution: the cue word(s), the speaker mention's tokens, the content clause (char span)."""

    token: int
    start: int
    end: int
    text: str
    subject: list[int]
    content: tuple[int, int] | None
    gender: str | None
    plural: bool
    belief: bool
    how: str  # clause, trailing, according, as, colon, plain


def find_cues(doc: RuDoc) -> list[RuCue]:
    cues: list[RuCue] = []
    for t in doc.tokens:
        if t.placeholder:
            continue
        if t.lemma in SPEAKING_VERBS and t.pos == "VERB":
            gender, plural = _gender(t)
            cues.append(RuCue(t.i, t.start, t.end, t.text, _subject(doc, t), None, gender, plural, False, "plain"))
        elif t.pos in ("VERB", "AUX") and (t.lemma in SPEECH_VERBS or (
                t.lemma in AFTER_DASH_VERBS and t.i > 0 and doc.tokens[t.i - 1].text in ("—", "–"))):
            cues.append(_verb_cue(doc, t))
        elif t.lemma in ACCORDING_NOUNS and _according_prep(doc, t.i) is not None:
            cue = _according_cue(doc, t)
            if cue is not None:
                cues.append(cue)
    return [c for c in cues if not (c.belief and c.content is None)]


def _according_prep(doc: RuDoc, i: int) -> int | None:
    """The "по" of "по словам" / "по его словам", if the noun at ``i`` has one."""
    if i > 0 and doc.tokens[i - 1].lower == "по":
        return i - 1
    if i > 1 and doc.tokens[i - 1].lower in _POSSESSIVES and doc.tokens[i - 2].lower == "по":
        return i - 2
    return None


def _gender(t: RuToken) -> tuple[str | None, bool]:
    gender = {"Masc": "m", "Fem": "f"}.get(t.feats.get("Gender", ""))
    return gender, t.feats.get("Number") == "Plur"


def _np(doc: RuDoc, head: RuToken) -> list[int]:
    """A noun phrase: the head's subtree in its sentence, without clauses, quotations or edge punctuation."""
    a, b = doc.sent_of(head.i)
    out = [x.i for x in doc.subtree(head.i) if a <= x.i < b and not x.placeholder]
    # stop at a comma that opens a relative or participial clause after the head; one that opens an
    # apposition is part of the phrase ("Бывший советник министра, полковник запаса Андрей Шаталов")
    for i in out:
        if i > head.i and doc.tokens[i].text in ",—(" and not _opens_apposition(doc, head, i):
            out = [j for j in out if j < i]
            break
    while out and doc.tokens[out[0]].pos in ("PUNCT", "ADP", "CCONJ"):
        out.pop(0)
    while out and doc.tokens[out[-1]].pos == "PUNCT":
        out.pop()
    return out


def _opens_apposition(doc: RuDoc, head: RuToken, comma: int) -> bool:
    after = doc.tokens[comma + 1] if comma + 1 < len(doc.tokens) else None
    return doc.tokens[comma].text == "," and after is not None and after.head == head.i and after.rel == "appos"


def _subject(doc: RuDoc, verb: RuToken) -> list[int]:
    kids = doc.kids(verb.i)
    if verb.lemma in DOCUMENT_VERBS:
        for k in kids:
            if k.rel in ("obl", "nmod") and k.lemma in DOCUMENT_NOUNS:
                return _np(doc, k)
    for k in kids:
        if k.rel.startswith("nsubj") and not k.placeholder:
            return _np(doc, k)
    if verb.feats.get("Number") == "Plur":
        # an impersonal plural names its source as a place: "сообщили в МАГАТЭ", "заявили в пресс-службе"
        for k in kids:
            if k.rel == "obl" and k.feats.get("Case") == "Loc" and any(
                    c.rel == "case" and c.lower in ("в", "во") for c in doc.kids(k.i)):
                return _np(doc, k)
    # an inverted subject the parse missed: a nominative noun right after the verb ("заявил глава МИД")
    _, b = doc.sent_of(verb.i)
    for x in doc.tokens[verb.i + 1 : min(b, verb.i + 4)]:
        if x.pos in ("NOUN", "PROPN", "PRON") and x.feats.get("Case") == "Nom" and not x.placeholder:
            return _np(doc, x)
        if x.pos == "PUNCT":
            break
    return []


def _sentence_chars(doc: RuDoc, i: int) -> tuple[int, int]:
    a, b = doc.sent_of(i)
    end = b - 1
    while end > a and doc.tokens[end].pos == "PUNCT" and doc.tokens[end].text[:1] in _SENT_END + "—,":
        end -= 1
    return doc.tokens[a].start, doc.tokens[end].end


def _words(doc: RuDoc, start: int, end: int) -> int:
    return sum(1 for t in doc.tokens if start <= t.start and t.end <= end and t.pos != "PUNCT")


def _verb_cue(doc: RuDoc, verb: RuToken) -> RuCue:
    gender, plural = _gender(verb)
    subject = _subject(doc, verb)
    a, b = doc.sent_of(verb.i)
    s_start, s_end = _sentence_chars(doc, verb.i)
    belief = verb.lemma in COGNITION_VERBS
    content: tuple[int, int] | None = None
    how = "plain"
    after_subject = max([verb.i, *subject]) + 1
    # 1. a что-clause: "заявил, что ..."
    for k in range(verb.i + 1, min(b, after_subject + 6)):
        tok = doc.tokens[k]
        if tok.lower in _CLAUSE_MARKS and doc.tokens[k - 1].text == ",":
            if k + 1 < b and doc.tokens[k + 1].start < s_end:
                content, how = (doc.tokens[k + 1].start, s_end), "clause"
            break
        if tok.pos == "VERB" and tok.i != verb.i:
            break
    prev = doc.tokens[verb.i - 1] if verb.i > a else None
    before_as = doc.tokens[verb.i - 2] if verb.i - 2 >= a else None
    if content is None and prev is not None and prev.lower == "как":
        # 2. "Как сообщил X, ..." / "..., как сообщил X."
        if verb.i - 1 == a:
            close = _comma_after(doc, max([verb.i, *subject]), b)
            if close is not None and doc.tokens[close].end < s_end:
                content, how = (doc.tokens[close + 1].start, s_end), "as"
        elif before_as is not None and before_as.text in (",", "—"):
            content, how = (s_start, before_as.start), "as"
    elif content is None and prev is not None and prev.text in (",", "—", "–") and not belief:
        # 3. a trailing attribution: "Армия готова, заявил Петров." / "«…», — заявил он."
        j = verb.i - 1
        while j > a and doc.tokens[j].pos == "PUNCT":
            j -= 1
        if j > a or (j == a and doc.tokens[j].pos != "PUNCT"):
            end = doc.tokens[j].end
            if not any(t.placeholder for t in doc.tokens[a : j + 1]) and _words(doc, s_start, end) >= MIN_CONTENT_WORDS:
                content, how = (s_start, end), "trailing"
            else:
                how = "trailing"
    if content is None and not belief:
        # 4. "Петров сказал: армия готова." (a colon and no quotation)
        k = after_subject
        if k < b and doc.tokens[k].text == ":" and k + 1 < b and not doc.tokens[k + 1].placeholder:
            content, how = (doc.tokens[k + 1].start, s_end), "colon"
    if content is not None and content[1] <= content[0]:
        content = None
    return RuCue(verb.i, verb.start, verb.end, verb.text, subject, content, gender, plural, belief, how)


def _comma_after(doc: RuDoc, i: int, b: int) -> int | None:
    for k in range(i + 1, b):
        if doc.tokens[k].text == ",":
            return k
    return None


def _according_cue(doc: RuDoc, noun: RuToken) -> RuCue | None:
    """"По словам Петрова, ..." / "..., по словам Петрова." / "По мнению эксперта, ..." / "По его словам, ..."."""
    prep = doc.tokens[_according_prep(doc, noun.i) or noun.i - 1]
    a, b = doc.sent_of(noun.i)
    s_start, s_end = _sentence_chars(doc, noun.i)
    owners = [k for k in doc.kids(noun.i) if k.rel in ("nmod", "appos", "flat:name") and k.i > noun.i]
    if prep.i == noun.i - 2:
        owners = [doc.tokens[noun.i - 1]]  # the possessive is the source
    if not owners and noun.i + 1 < b and doc.tokens[noun.i + 1].pos in ("PROPN", "NOUN", "PRON"):
        owners = [doc.tokens[noun.i + 1]]
    if not owners:
        return None
    subject = sorted({i for o in owners for i in _np(doc, o)})
    last = max([noun.i, *subject])
    content: tuple[int, int] | None = None
    if prep.i == a or (prep.i > a and doc.tokens[prep.i - 1].pos == "PUNCT" and doc.tokens[prep.i - 1].text not in ","):
        close = _comma_after(doc, last, b)
        if close is not None and doc.tokens[close].end < s_end:
            content = (doc.tokens[close + 1].start, s_end)
    elif doc.tokens[prep.i - 1].text in (",", "—"):
        content = (s_start, doc.tokens[prep.i - 1].start)
        if last + 1 < b and doc.tokens[last + 1].text == "," and doc.tokens[last + 1].end < s_end:
            content = (s_start, s_end)  # ", по словам X, " in the middle: the whole sentence
    if content is None or content[1] <= content[0]:
        return None
    belief = ACCORDING_NOUNS[noun.lemma]
    return RuCue(noun.i, prep.start, noun.end, f"{prep.text.lower()} {noun.text}", subject, content, None, False,
                 belief, "according")
