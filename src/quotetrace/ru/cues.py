"""Russian attribution cues on the (masked) parse: speech verbs with their subject and content, "по словам X",
"как сообщил X", belief verbs and adjectives of conviction, stances toward a thing ("осудил решение"),
documents as sources ("говорится в обращении"), a name before a colon ("Петров: «…»").

A cue's ``content`` is the reported clause when the cue carries one: the что-clause, the rest of the sentence
after "по словам X," / "как сообщил X,", the sentence around an attribution standing after or inside it
(", заявил Петров." / "Сроки, как отметил Петров, сдвинут"; then ``fragments`` are the pieces on either
side), the infinitive of a promise or a call ("пообещал выплатить ..."), the object of a stance, or the
sentence before "Об этом сообщил X". ``via`` is the channel beside a named speaker ("передаёт телеканал", "в
интервью радиостанции", the agency of "сообщает агентство со ссылкой на X"), as a character span.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import takewhile

from quotetrace.model import ActType
from quotetrace.ru.lexicon import (
    AFTER_DASH_VERBS,
    BELIEF_WORDS,
    CHANNEL_VERBS,
    CLAUSE_MARKS,
    COGNITION_VERBS,
    DASHES,
    DOCUMENT_NOUNS,
    FINDING_VERBS,
    INFINITIVE_VERBS,
    PHRASE_CUES,
    PREPOSITION_STANCES,
    QUOTATION_VERBS,
    QUOTING_VERBS,
    SPEAKING_VERBS,
    SPEECH_VERBS,
    STANCE_PREPOSITIONS,
    STANCE_VERBS,
)
from quotetrace.ru.nlp import RuDoc, RuToken, is_finite_verb, noun_is_person
from quotetrace.ru.sources import (
    is_outlet,
    is_relative,
    noun_phrase,
    quoted_by,
    span_of,
    speaker_and_channel,
    subject_of,
)

# "по словам X" (speech), "по данным X" / "по информации X" (reports) and "по мнению X" / "по оценке X"
# (belief): the preposition's noun lemma and whether it is a belief.
ACCORDING_NOUNS = {"слово": False, "данные": False, "информация": False, "сведение": False, "сведения": False,
                   "признание": False, "утверждение": False, "сообщение": False, "заявление": False,
                   "мнение": True, "оценка": True, "прогноз": True, "подсчёт": True, "подсчет": True, "расчёт": True,
                   "расчет": True}
# "Согласно отчёту компании, …", "согласно данным опроса": a document or a report as the preposition's noun
# ("согласно закону" is no source).
REPORT_NOUNS = DOCUMENT_NOUNS | frozenset("отчётность отчетность опрос перепись статистика".split())
# Words that join a sentence to the one before and say nothing of their own.
CONNECTIVES = frozenset("однако но а и впрочем правда кстати зато тем не менее при этом между тем".split())
# Possessives between the preposition and its noun: "по его словам", "по её данным", "по их мнению".
_POSSESSIVES = frozenset("его её ее их".split())
_SENT_END = ".!?…"
# Words a trailing attribution's content must have, so that ", заявил он." after a fragment is not one.
MIN_CONTENT_WORDS = 2
# How far after the verb (and its subject) a что-clause may open: "заявил в интервью радиостанции «…», что".
CLAUSE_WINDOW = 15
# How many words a speaker's name before a colon may have ("Глава района Иван Гусев: ...").
MAX_LABEL_WORDS = 12
# How many words may stand between a verb (and its subject) and the colon that opens its content.
COLON_REACH = 4
# How many words after a promise or call its infinitive may come ("предложила вместо трамвая закупить ...").
INFINITIVE_REACH = 4
# Words that stand for a predicate in a clause with no verb ("Пострадавших нет", "можно сдвинуть").
_PREDICATIVES = frozenset("нет можно нужно надо нельзя необходимо пора ясно понятно".split())
# Conjunctions before an aside that opens a statement of its own inside another's что-clause.
ASIDE_CONJUNCTIONS = frozenset("хотя но однако а впрочем".split())
_CUE_VERBS = SPEECH_VERBS | STANCE_VERBS | INFINITIVE_VERBS | CHANNEL_VERBS


@dataclass(slots=True)
class RuCue:
    """An attribution: the cue word(s), the speaker mention's tokens, the content (char span) and its pieces,
    the act it reports and the channel beside the speaker."""

    token: int
    start: int
    end: int
    text: str
    subject: list[int]
    content: tuple[int, int] | None
    gender: str | None
    plural: bool
    act: ActType
    how: str  # clause, trailing, middle, according, as, colon, label, signature, infinitive, object, anaphor, plain,
    # argument
    fragments: tuple[tuple[int, int], ...] = ()
    via: tuple[int, int] | None = None

    @property
    def belief(self) -> bool:
        return self.act == "belief"


def find_cues(doc: RuDoc) -> list[RuCue]:
    cues = [cue for t in doc.tokens if not t.placeholder and (cue := _cue_at(doc, t)) is not None]
    cues += [cue for t in doc.tokens if t.placeholder and (cue := _line_signature_cue(doc, t)) is not None]
    cues.sort(key=lambda c: c.start)
    return _without_nested(doc, _channels_as_via(doc, [c for c in cues if _stands_alone(doc, c)]))


def _stands_alone(doc: RuDoc, cue: RuCue) -> bool:
    """Whether a cue counts: with its content; or right after a quotation ("— считает он"); or, with none, a
    verb of speaking proper, which may introduce the quotations after it. "поддержал", "грозит", "считает"
    with nothing to attribute are not attributions."""
    if cue.content is not None or cue.how in ("trailing", "label", "argument", "signature"):
        return True
    lemma = doc.tokens[cue.token].lemma
    spoken = SPEECH_VERBS | SPEAKING_VERBS | AFTER_DASH_VERBS | PHRASE_CUES.keys()  # "задаёт вопрос: «…»"
    return cue.act == "speech" and lemma in spoken


def _without_nested(doc: RuDoc, cues: list[RuCue]) -> list[RuCue]:
    """A content that runs past a colon into another attribution ends at the colon: in "обратила внимание на
    то, что A: B, подсчитала она, C" the что-clause is A, and B ... C is a statement of its own. (A statement
    reported inside another, after no colon, stays inside it: attributions do not nest.)"""
    for c in cues:
        if c.content is None:
            continue
        inner = [o.content[0] for o in cues if o is not c and o.content is not None
                 and c.content[0] < o.content[0] < c.content[1]
                 and doc.text[c.content[0] : o.content[0]].rstrip().endswith((":", ";"))]
        if inner:
            end = len(doc.text[: min(inner)].rstrip().rstrip(":;").rstrip())
            if end > c.content[0]:
                c.content, c.fragments = (c.content[0], end), ()
    for c in cues:
        _before_aside(doc, c, cues)
    return cues


def _before_aside(doc: RuDoc, c: RuCue, cues: list[RuCue]) -> None:
    """"заявил, что зерна хватит, хотя, как признал он сам, доля пшеницы ниже": an attribution set inside
    another's что-clause after a conjunction ("хотя, как признал он", "но, как отметила она") starts a
    statement of its own: the outer content ends before the conjunction, the inner one is what follows it."""
    if c.content is None or c.how != "clause":
        return
    start, stop = c.content
    for o in cues:
        if o is c or o.how not in ("as", "middle") or not start < o.start < stop:
            continue
        head = doc.text[start : o.start].rstrip()
        if not head.endswith("как"):
            continue
        head = head[: -len("как")].rstrip(" ,")  # "…, и для экспорта, хотя"
        conjunction = head.split()[-1] if head.split() else ""
        close = doc.text.find(",", doc.tokens[max([o.token, *o.subject])].end, stop)
        if conjunction.lower() not in ASIDE_CONJUNCTIONS or close < 0:
            continue
        end = start + len(head[: len(head) - len(conjunction)].rstrip(" ,"))
        after = doc.text[close + 1 : stop]
        if end > start and after.strip():
            c.content, c.fragments = (start, end), ()
            o.content, o.fragments = (stop - len(after.lstrip()), stop), ()
        return


def _cue_at(doc: RuDoc, t: RuToken) -> RuCue | None:
    if t.pos in ("VERB", "AUX", "ADJ") and t.lower in BELIEF_WORDS:
        return _verb_cue(doc, t, "belief")
    if t.pos in ("VERB", "AUX") and t.feats.get("VerbForm") == "Part" and t.feats.get("Voice") == "Pass":
        return None  # "статья, опубликованная в журнале «…»": a passive participle describes a noun, reports nothing
    if t.pos in ("VERB", "AUX"):
        if t.lemma in FINDING_VERBS:  # "исследование показывает, что …", never "показал рост"
            cue = _verb_cue(doc, t, "speech")
            return cue if cue.how == "clause" and cue.subject else None
        if t.lemma in SPEAKING_VERBS:
            return _speaking_cue(doc, t)
        if t.lemma in PHRASE_CUES:
            noun, belief = PHRASE_CUES[t.lemma]
            if any(k.lemma == noun for k in doc.kids(t.i)):
                return _verb_cue(doc, t, "belief" if belief else "speech")
            if t.lemma not in QUOTING_VERBS:  # "приводит слова министра" quotes; "приводит доводы" does not
                return None
        if t.lemma in QUOTATION_VERBS:
            return _quotation_cue(doc, t)
        if t.lemma in QUOTING_VERBS and quoted_by(doc, t):
            return _verb_cue(doc, t, "speech")
        if t.lemma in _CUE_VERBS or (t.lemma in AFTER_DASH_VERBS and t.i > 0 and doc.tokens[t.i - 1].text in DASHES):
            return _verb_cue(doc, t, "belief" if t.lemma in COGNITION_VERBS else "speech")
        if _authors_words(doc, t):
            cue = _verb_cue(doc, t, "speech")
            return cue if cue.subject else None
    if (t.lemma in ACCORDING_NOUNS or t.lemma in REPORT_NOUNS) and _according_prep(doc, t.i) is not None:
        return _according_cue(doc, t)
    if t.text == ":":
        return _label_cue(doc, t)
    if t.text in DASHES:
        return _signature_cue(doc, t)
    return None


def _authors_words(doc: RuDoc, t: RuToken) -> bool:
    """A finite verb opening the writer's words after a quotation and its dash («…», — отрезала судья; «…?» —
    переспросил он): by the typography the verb attributes the quotation, whatever verb the writer chose
    (AFTER_DASH_VERBS are the verbs of asking, which do so only here)."""
    if t.i < 2 or doc.tokens[t.i - 1].text not in DASHES or t.feats.get("VerbForm") != "Fin":
        return False
    before = doc.tokens[t.i - 2]
    if before.text in (",", "!", "?", "…") and t.i >= 3:
        before = doc.tokens[t.i - 3]
    return before.placeholder


# --- the speaker and the channel -------------------------------------------------------------------------


def _gender(t: RuToken) -> tuple[str | None, bool]:
    gender = {"Masc": "m", "Fem": "f"}.get(t.feats.get("Gender", ""))
    return gender, t.feats.get("Number") == "Plur"


def _channels_as_via(doc: RuDoc, cues: list[RuCue]) -> list[RuCue]:
    """An outlet passing on what someone in the same sentence said ("…, заявил Петров, передаёт телеканал")
    is that statement's channel, not a cue of its own."""
    out: list[RuCue] = []
    for c in cues:
        verb = doc.tokens[c.token]
        speaker = _channel_target(doc, c, cues) if verb.lemma in CHANNEL_VERBS else None
        if speaker is None:
            out.append(c)
            continue
        speaker.via = speaker.via or span_of(doc, sorted({c.token, *c.subject}))
    return out


def _channel_target(doc: RuDoc, channel: RuCue, cues: list[RuCue]) -> RuCue | None:
    """The statement an outlet's cue passes on: another cue with a speaker in the same sentence."""
    if channel.how not in ("trailing", "middle", "as", "plain") or not is_outlet(doc, channel.subject):
        return None
    sent = doc.tokens[channel.token].sent
    others = [c for c in cues if c is not channel and c.subject and doc.tokens[c.token].sent == sent
              and not is_outlet(doc, c.subject)]
    return others[0] if others else None


# --- content ---------------------------------------------------------------------------------------------


def _sentence_chars(doc: RuDoc, i: int) -> tuple[int, int]:
    a, b = doc.sent_of(i)
    end = b - 1
    while end > a and doc.tokens[end].pos == "PUNCT" and doc.tokens[end].text[:1] in _SENT_END + "—,":
        end -= 1
    return doc.tokens[a].start, doc.tokens[end].end


def _words(doc: RuDoc, start: int, end: int) -> int:
    return sum(1 for t in doc.tokens if start <= t.start and t.end <= end and t.pos != "PUNCT")


_Content = tuple[tuple[int, int] | None, tuple[tuple[int, int], ...], str]


def _verb_cue(doc: RuDoc, verb: RuToken, act: ActType) -> RuCue:
    gender, plural = _gender(verb)
    subject, via = speaker_and_channel(doc, verb)
    content, fragments, how = _verb_content(doc, verb, subject, act)
    if content is None and verb.lemma in STANCE_VERBS:
        content, act, how = _stance_object(doc, verb, subject), "stance", "object"
    elif content is None and verb.lemma in PREPOSITION_STANCES:
        content = _prepositional_object(doc, verb, subject, PREPOSITION_STANCES[verb.lemma])
        act, how = ("stance", "object") if content is not None else (act, how)
    if content is not None and content[1] <= content[0]:
        content, fragments = None, ()
    return RuCue(verb.i, verb.start, verb.end, verb.text, subject, content, gender, plural, act, how, fragments, via)


def _verb_content(doc: RuDoc, verb: RuToken, subject: list[int], act: ActType) -> _Content:
    """The content a verb carries, by the first construction that fits."""
    last = max([verb.i, *subject])
    clause = _clause(doc, verb, subject)
    if clause is not None:
        return clause, (), "clause"
    around = _around(doc, verb, subject)
    if around is not None:
        return around
    colon = _colon_after(doc, verb, last)
    if colon is not None and not doc.tokens[colon + 1].placeholder:
        # "Петров сказал: армия готова." / "Мэрия объясняет это так: ..." (a colon and no quotation)
        return (doc.tokens[colon + 1].start, _sentence_chars(doc, verb.i)[1]), (), "colon"
    anaphor = _anaphor(doc, verb)
    if anaphor is not None:
        return anaphor, (), "anaphor"
    if verb.lemma in INFINITIVE_VERBS:
        infinitive = _infinitive(doc, verb, subject)
        if infinitive is not None:
            return infinitive, (), "infinitive"
    return None, (), "plain"


def _colon_after(doc: RuDoc, verb: RuToken, last: int) -> int | None:
    """A colon that ends the attribution, a few words after the verb and its subject ("сказал журналистам:",
    "объясняет так:"), with words after it. A direct object on the way means the verb's content is that
    object ("раскритиковала сроки сборов: ...")."""
    _, b = doc.sent_of(verb.i)
    for k in range(last + 1, min(b - 1, last + 1 + COLON_REACH)):
        t = doc.tokens[k]
        if t.text == ":":
            return k
        if t.pos in ("VERB", "AUX", "PUNCT") or t.placeholder or t.feats.get("Case") == "Acc":
            return None
    return None


def _clause(doc: RuDoc, verb: RuToken, subject: list[int]) -> tuple[int, int] | None:
    """A что-clause right after the verb and its subject: "заявил (журналистам в интервью ...), что ...";
    not one further on, past a comma that ends the attribution ("Липам, напомнила она, нужно ..., чтобы")."""
    _, b = doc.sent_of(verb.i)
    s_end = _sentence_chars(doc, verb.i)[1]
    last = max([verb.i, *subject])
    for k in range(verb.i + 1, min(b, last + 1 + CLAUSE_WINDOW)):
        tok = doc.tokens[k]
        following = doc.tokens[k + 1] if k + 1 < b else None
        if tok.text == "," and k not in subject and following is not None:
            if following.lower in CLAUSE_MARKS:
                if k + 2 >= b or doc.tokens[k + 2].start >= s_end:
                    return None
                return doc.tokens[k + 2].start, min(s_end, _next_attribution(doc, k + 2, b,
                                                                             verb.lemma in COGNITION_VERBS))
            if following.feats.get("VerbForm") not in ("Conv", "Part") and following.i not in subject:
                return None
        if tok.pos in ("VERB", "AUX") and tok.i != verb.i and tok.feats.get("VerbForm") == "Fin":
            return None
        if tok.text in (":", ";") or tok.placeholder:
            return None
    return None


def _next_attribution(doc: RuDoc, first: int, b: int, belief: bool = False) -> int:
    """Where a что-clause from token ``first`` gives way to another attribution in its sentence: a comma (and
    «а», «но», «и») before a subject and its verb of saying ("…, а её ведомство напомнило, что …"); the
    sentence's end (``b``'s character) when none. After a ``belief`` a colon before a clause of its own ends it
    too: a doubt or a fear is a state of mind, and what follows is the writer's reason for it ("Многие
    сомневаются, что сроки выдержат: ремонт начинали дважды"); after words said it goes on saying them
    ("рассказала, что пациентов вдвое больше: многие не добираются до больницы"), and a list ("…, что нужны три
    вещи: деньги, люди и время") is content anyway."""
    for k in range(first, b):
        if belief and doc.tokens[k].text == ":" and _clause_follows(doc, k + 1, b):
            return doc.tokens[k].start
        if doc.tokens[k].text != ",":
            continue
        end = next((j for j in range(k + 1, b) if doc.tokens[j].text in (",", ":", ";", *DASHES)), b)
        for v in doc.tokens[k + 1:end]:
            if (v.lemma in _CUE_VERBS and v.feats.get("VerbForm") == "Fin"
                    and any(c.rel == "nsubj" and k < c.i < v.i for c in doc.kids(v.i))):
                return doc.tokens[k].start
    return doc.tokens[b - 1].end


def _clause_follows(doc: RuDoc, first: int, b: int) -> bool:
    """Whether a clause with a finite verb of its own, not a quotation, runs from token ``first``."""
    if first >= b or doc.tokens[first].text in ("«", "„", "“", "\"", *DASHES):
        return False
    return any(t.pos in ("VERB", "AUX") and t.feats.get("VerbForm") == "Fin" for t in doc.tokens[first:b])


def _around(doc: RuDoc, verb: RuToken, subject: list[int]) -> _Content | None:
    """An attribution after the statement or inside it: "Армия готова, заявил Петров." / "«…», — сказал он."
    / "Как сообщил X, ..." / "..., как сообщил X." / "Сроки, как отметил X, можно сдвинуть"."""
    a, b = doc.sent_of(verb.i)
    as_form = verb.i > a and doc.tokens[verb.i - 1].lower == "как"
    lead = verb.i - 1 if as_form else verb.i
    s_end = _sentence_chars(doc, verb.i)[1]
    last = max([verb.i, *subject])
    if lead == a:
        close = _closing_mark(doc, last, b) if as_form else None  # "Как сообщил X, ..."
        if close is not None and doc.tokens[close].end < s_end:
            return (doc.tokens[close + 1].start, s_end), (), "as"
        return None
    mark = doc.tokens[lead - 1]
    if mark.text not in (",", *DASHES) or (subject and min(subject) < verb.i):
        return None  # "Голубкина, в свою очередь, пообещала": the subject stands before the verb
    start = _region_start(doc, a, lead)
    j = lead - 1
    while j >= start and doc.tokens[j].pos == "PUNCT":
        j -= 1
    how = "as" if as_form else "trailing"
    if j < start:
        return None
    if any(t.placeholder for t in doc.tokens[start : j + 1]):
        return None, (), "trailing"  # after a quotation: the cue the quotation takes from the dash
    if as_form and _reported_before(doc, start, j):
        return None, (), how  # "заявила, что тарифы вырастут на 9%, а не на 15%, как предлагал регулятор"
    first = (doc.tokens[start].start, doc.tokens[j].end)
    close = _closing_mark(doc, last, b)
    if close is not None and _continues(doc, start, j, close + 1, b):
        second = (doc.tokens[close + 1].start, s_end)
        return (first[0], s_end), (first, second), "middle"
    if _words(doc, *first) >= MIN_CONTENT_WORDS or how == "as":
        return first, (), how
    return None, (), "trailing"


def _reported_before(doc: RuDoc, start: int, j: int) -> bool:
    """Whether the words before a "как X сказал" already report someone's что-clause: the "как" phrase then
    sits inside what that cue reports, and attributions do not nest."""
    tokens = doc.tokens[start : j + 1]
    return any(t.pos == "VERB" and t.lemma in _CUE_VERBS and any(u.lower in CLAUSE_MARKS for u in tokens[k + 1 : k + 4])
               for k, t in enumerate(tokens))


def _region_start(doc: RuDoc, a: int, upto: int) -> int:
    """Where the statement before an attribution starts: the sentence, or what follows its last colon, or the
    relative clause it stands in ("осудила «охоту на ведьм», которую, по её мнению, развернули ...")."""
    start = a
    for i in range(a, upto):
        t = doc.tokens[i]
        if (t.text in (":", ";") and not t.placeholder) or (is_relative(t) and i > a
                                                             and doc.tokens[i - 1].text == ","):
            start = i + 1
    return start


def _closing_mark(doc: RuDoc, i: int, b: int) -> int | None:
    """The comma or colon that closes an attribution ending at token ``i``."""
    for k in range(i + 1, b):
        if doc.tokens[k].text in (",", ":") or doc.tokens[k].placeholder:
            return k if not doc.tokens[k].placeholder else None
    return None


def _continues(doc: RuDoc, start: int, j: int, rest: int, b: int) -> bool:
    """Whether the words after an attribution go on with the statement before it ("Подрядчик, пояснил он,
    сорвал сроки") rather than describe the speaker ("заявил Петров, глава МИД" / ", который ...")."""
    tail = [t for t in doc.tokens[rest:b] if t.pos != "PUNCT" or t.placeholder]
    if not tail:
        return False
    opener = tail[0]
    if is_relative(opener) or opener.feats.get("VerbForm") in ("Conv", "Part"):
        return False
    if opener.pos == "VERB" and opener.lemma in _CUE_VERBS:
        return False  # another attribution: "..., заверили в министерстве, сообщает агентство"
    return _has_predicate(tail) or not _has_predicate(doc.tokens[start : j + 1])


def _has_predicate(tokens: list[RuToken]) -> bool:
    return any(
        (t.pos in ("VERB", "AUX") and t.feats.get("VerbForm") in ("Fin", "Inf", None))
        or (t.pos == "ADJ" and t.feats.get("Variant") == "Short") or t.lower in _PREDICATIVES
        for t in tokens
    )


def _anaphor(doc: RuDoc, verb: RuToken) -> tuple[int, int] | None:
    """"Об этом сообщил X." / "К такому выводу пришли X." / "Такие данные приводит X.": the sentence before, in
    the same paragraph."""
    pointer = any(
        (k.lower in ("этом", "том") and any(c.lower in ("об", "о") for c in doc.kids(k.i)))
        or (k.lemma == "вывод" and any(c.lower in ("такому", "этому") for c in doc.kids(k.i)))
        or (k.lemma == "данные" and any(c.lower in ("такие", "эти") for c in doc.kids(k.i)))
        for k in doc.kids(verb.i)
    )
    sent = doc.tokens[verb.i].sent
    if not pointer or sent == 0:
        return None
    a, b = doc.sents[sent - 1]
    if b <= a or "\n" in doc.text[doc.tokens[b - 1].end : doc.tokens[verb.i].start]:
        return None
    if any(t.placeholder for t in doc.tokens[a:b]) or sum(t.pos != "PUNCT" for t in doc.tokens[a:b]) < 2:
        return None
    return _sentence_chars(doc, a)


def _infinitive(doc: RuDoc, verb: RuToken, subject: list[int]) -> tuple[int, int] | None:
    """A promise, call or request with an infinitive: "пообещал выплатить ...", "призвал стороны сесть ...":
    what the verb governs after it, when an infinitive opens it."""
    tokens = _governed_after(doc, verb, subject)
    words = [i for i in tokens if doc.tokens[i].pos != "PUNCT"][:INFINITIVE_REACH]
    if not any(doc.tokens[i].feats.get("VerbForm") == "Inf" for i in words):
        return None
    if verb.lemma in ASKING_VERBS and any(doc.tokens[i].lemma in REQUESTED_SPEECH for i in words):
        return None  # "попросили прокомментировать результаты специалиста": a request for comment, nothing said
    return span_of(doc, tokens)


def _governed_after(doc: RuDoc, verb: RuToken, subject: list[int], *, quotations: bool = False) -> list[int]:
    """The tokens after the verb that hang on it (its subject, channel and side clauses left out), from the
    first to the last, without edge punctuation; masked quotations only if ``quotations``."""
    a, b = doc.sent_of(verb.i)
    below: set[int] = set()
    for k in doc.kids(verb.i):
        if k.i > verb.i and k.i not in subject and k.rel not in ("punct", "parataxis", "conj", "nsubj", "cc"):
            below.update(x.i for x in doc.subtree(k.i) if a <= x.i < b and (quotations or not x.placeholder))
    if not below:
        return []
    tokens = list(range(min(below), max(below) + 1))
    while tokens and doc.tokens[tokens[-1]].pos == "PUNCT" and doc.tokens[tokens[-1]].text not in ("»", "”"):
        tokens.pop()
    while tokens and doc.tokens[tokens[0]].pos == "PUNCT":
        tokens.pop(0)
    return tokens


def _stance_object(doc: RuDoc, verb: RuToken, subject: list[int]) -> tuple[int, int] | None:
    """What a stance is toward: the verb's object phrase after it ("осудил проект приказа", "потребовал от
    министерства доклада"), up to the end of the clause."""
    if not subject:
        return None
    return _object_phrase(doc, verb.i, verb.i + 1, subject)


def _object_phrase(doc: RuDoc, head: int, first: int, subject: list[int]) -> tuple[int, int] | None:
    """The object phrase of the verb at ``head`` from ``first``: its nouns with what they govern, coordinated
    nouns too ("затянутый второй акт и громоздкие декорации") and a noun's infinitive ("решение показать
    эскизы"); not a circumstance of the verb after it ("раскритиковал решение уже через час после …")."""
    _, b = doc.sent_of(head)
    below = {x.i for x in doc.subtree(head)}
    tokens: list[int] = []
    tops: set[int] = set()  # the verb's dependents the phrase has entered
    for t in doc.tokens[first:b]:
        if t.i not in below or t.i in subject or t.text in (",", ":", ";", *DASHES):
            break
        if t.pos == "CCONJ" and not _joins_nouns(doc, t, tokens):
            break
        if t.pos in ("VERB", "AUX") and t.feats.get("VerbForm") in ("Fin", "Inf") and not _nouns_infinitive(
                doc, t, tokens):
            break
        # a circumstance of the verb (an adverb, a prepositional phrase) ends it, and so does an adverb the parse
        # hung on a noun ("инициативу фермеров ещё до начала заседания")
        top = _top(doc, head, t)
        if any(doc.tokens[i].pos in ("NOUN", "PROPN") for i in tokens) and (
                (top.i not in tops and _circumstance(doc, top))
                or (t.pos == "ADV" and t.head >= 0 and doc.tokens[t.head].pos in ("NOUN", "PROPN"))):
            break
        tokens.append(t.i)
        tops.add(top.i)
    while tokens and doc.tokens[tokens[-1]].pos == "PUNCT" and doc.tokens[tokens[-1]].text not in ("»", "”", "“"):
        tokens.pop()
    if not any(doc.tokens[i].pos in ("NOUN", "PROPN") or doc.tokens[i].placeholder for i in tokens):
        return None
    return span_of(doc, tokens)


def _prepositional_object(doc: RuDoc, verb: RuToken, subject: list[int],
                          prepositions: frozenset[str]) -> tuple[int, int] | None:
    """What "жалуются на X" is about: the phrase after one of the verb's ``prepositions`` (PREPOSITION_STANCES)."""
    if not subject:
        return None
    for kid in doc.kids(verb.i):
        case = [c for c in doc.kids(kid.i) if c.rel == "case" and c.lower in prepositions]
        if kid.rel == "obl" and case and kid.i > verb.i:
            return _object_phrase(doc, verb.i, case[0].i + 1, subject)
    return None


def _nouns_infinitive(doc: RuDoc, verb: RuToken, tokens: list[int]) -> bool:
    """An infinitive a noun of the phrase governs ("решение показать эскизы"), not a clause of its own."""
    return (verb.feats.get("VerbForm") == "Inf" and verb.head in tokens
            and doc.tokens[verb.head].pos in ("NOUN", "PROPN"))


def _joins_nouns(doc: RuDoc, conjunction: RuToken, tokens: list[int]) -> bool:
    """«и» between two nouns of one object phrase: the conjunct it opens hangs on a noun already taken."""
    conjunct = doc.tokens[conjunction.head] if conjunction.head >= 0 else None
    return (conjunct is not None and conjunct.rel == "conj" and conjunct.pos in ("NOUN", "PROPN")
            and conjunct.head in tokens)


def _top(doc: RuDoc, verb: int, token: RuToken) -> RuToken:
    """The verb's dependent that ``token`` hangs under (itself when it is one)."""
    top = token
    while top.head >= 0 and top.head != verb:
        top = doc.tokens[top.head]
    return top


# Prepositions of a verb's circumstance of time ("через час после объявления"; not «до», which may bound the
# object: "дисквалификации до конца сезона"); «в» and «на» with the prepositional case say where ("на
# заседании"); with another case they may measure the object ("к снижению ставки на один пункт").
# A request to speak is no statement: "Мы попросили прокомментировать результаты …" (the newsroom asks).
ASKING_VERBS = frozenset("попросить просить".split())
REQUESTED_SPEECH = frozenset(
    "прокомментировать комментировать рассказать рассказывать объяснить объяснять пояснить пояснять уточнить "
    "ответить высказаться оценить".split())
TIME_PREPOSITIONS = frozenset({"через", "после", "спустя", "перед", "накануне"})


def _circumstance(doc: RuDoc, kid: RuToken) -> bool:
    """A dependent of the verb that says when or where: an adverb, or a prepositional phrase of time or place."""
    if kid.rel == "advmod":
        return True
    case = [c.lower for c in doc.kids(kid.i) if c.rel == "case"]
    return kid.rel == "obl" and bool(case) and (
        case[0] in TIME_PREPOSITIONS or (case[0] in ("в", "во", "на") and kid.feats.get("Case") == "Loc"))


def _speaking_cue(doc: RuDoc, verb: RuToken) -> RuCue:
    """"Петров выступил на круглом столе" names the speaker of the quotations after it; "выступил против X"
    is a stance toward X."""
    gender, plural = _gender(verb)
    subject = subject_of(doc, verb)
    for k in doc.kids(verb.i):
        prep = [c for c in doc.kids(k.i) if c.rel == "case" and c.lower in STANCE_PREPOSITIONS]
        if k.rel == "obl" and prep and subject:
            content = _object_phrase(doc, verb.i, prep[0].i + 1, subject)
            if content is not None:
                text = doc.text[verb.start : prep[0].end]
                return RuCue(verb.i, verb.start, prep[0].end, text, subject, content, gender, plural, "stance",
                             "object")
    return RuCue(verb.i, verb.start, verb.end, verb.text, subject, None, gender, plural, "speech", "plain")


def _quotation_cue(doc: RuDoc, verb: RuToken) -> RuCue | None:
    """"назвал решение «ошибкой»": a cue for the quotation it takes, and for nothing else."""
    below = doc.subtree(verb.i)
    if not any(t.placeholder or t.text in ("«", "„") for t in below if t.i > verb.i):
        return None
    gender, plural = _gender(verb)
    subject, via = speaker_and_channel(doc, verb)
    # what is named and the quoted name given it: "назвал требования профсоюза «шантажом»"
    content = span_of(doc, _governed_after(doc, verb, subject, quotations=True))
    return RuCue(verb.i, verb.start, verb.end, verb.text, subject, content, gender, plural, "speech", "argument",
                 (), via)


# --- "по словам X" and "X: «…»" --------------------------------------------------------------------------


def _according_prep(doc: RuDoc, i: int) -> int | None:
    """The "по" of "по словам" / "по его словам", or the "согласно" of "согласно отчёту", if the noun at ``i``
    has one."""
    noun = doc.tokens[i].lemma
    if i > 0 and doc.tokens[i - 1].lower == "согласно" and (noun in REPORT_NOUNS or noun in ACCORDING_NOUNS):
        return i - 1
    if noun not in ACCORDING_NOUNS:
        return None
    if i > 0 and doc.tokens[i - 1].lower == "по":
        return i - 1
    if i > 1 and doc.tokens[i - 1].lower in _POSSESSIVES and doc.tokens[i - 2].lower == "по":
        return i - 2
    return None


def _according_cue(doc: RuDoc, noun: RuToken) -> RuCue | None:
    """"По словам Петрова, ..." / "..., по словам Петрова." / "Сроки, по его словам, сдвинут" / "По мнению
    эксперта, ..."."""
    prep = doc.tokens[_according_prep(doc, noun.i) or noun.i - 1]
    a, b = doc.sent_of(noun.i)
    s_end = _sentence_chars(doc, noun.i)[1]
    owners = [k for k in doc.kids(noun.i) if k.rel in ("nmod", "appos", "flat:name") and k.i > noun.i]
    if prep.i == noun.i - 2:
        owners = [doc.tokens[noun.i - 1]]  # the possessive is the source
    if not owners and noun.i + 1 < b and doc.tokens[noun.i + 1].pos in ("PROPN", "NOUN", "PRON"):
        owners = [doc.tokens[noun.i + 1]]
    if not owners and prep.lower == "согласно" and noun.lemma in REPORT_NOUNS:
        owners = [noun]  # "Согласно отчёту, …": the document itself is the source, its author named before
    if not owners:
        return None
    subject = sorted({i for o in owners for i in noun_phrase(doc, o)})
    last = max([noun.i, *subject])
    content: tuple[int, int] | None = None
    fragments: tuple[tuple[int, int], ...] = ()
    before = doc.tokens[prep.i - 1] if prep.i > a else None
    if before is None or (before.pos == "PUNCT" and before.text not in ","):
        close = _closing_mark(doc, last, b)
        if close is not None and doc.tokens[close].end < s_end:
            content = (doc.tokens[close + 1].start, s_end)
    elif before.text in (",", "—"):
        start = _region_start(doc, a, prep.i)
        content = (doc.tokens[start].start, before.start) if start < before.i else None
        if all(t.lower in CONNECTIVES for t in doc.tokens[start:before.i]):
            content = None  # "Однако, по признанию самих строителей, сроки …": a connective is no content
        close = _closing_mark(doc, last, b)
        if close is not None and doc.tokens[close].end < s_end:
            # ", по словам X, " in the middle: the whole sentence, in two pieces
            after = (doc.tokens[close + 1].start, s_end)
            fragments = (content, after) if content is not None else ()
            content = (content[0], s_end) if content is not None else after
    if content is None or content[1] <= content[0]:
        return None
    act: ActType = "belief" if ACCORDING_NOUNS.get(noun.lemma, False) else "speech"
    return RuCue(noun.i, prep.start, noun.end, f"{prep.text.lower()} {noun.text}", subject, content, None, False,
                 act, "according", fragments)


# Question words that open a headline's topic after a colon: "Фермер: как пережить засуху".
TOPIC_WORDS = frozenset("как что почему зачем где когда куда кто чем сколько".split())


def _label_cue(doc: RuDoc, colon: RuToken) -> RuCue | None:
    """A speaker named before a colon, with no verb: "Глава района Иван Гусев: «Мост откроют к осени»",
    "Учёные: озеро мелеет быстрее, чем считалось". The words before the colon must be a person's or an
    organisation's name, or a phrase headed by a noun for people."""
    a, b = doc.sent_of(colon.i)
    k = colon.i
    if k == a or k + 1 >= b or k - a > MAX_LABEL_WORDS:
        return None
    words = _before_addressee(doc.tokens[a:k])
    if any(t.pos in ("VERB", "AUX") or t.placeholder or t.text in ("«", "„", *DASHES) for t in words):
        return None
    head = _speaker_head(doc, words) or _document_head(words)
    if head is None:
        return None
    nxt = doc.tokens[k + 1]
    content = None
    if not nxt.placeholder:
        s_end = _sentence_chars(doc, k)[1]
        rest = [t for t in doc.tokens[k + 1 : b] if t.end <= s_end]
        if _words(doc, nxt.start, s_end) < 3 or not (_has_predicate(rest) or any(
                t.pos == "NOUN" and is_finite_verb(t.text) for t in rest)):
            return None  # "Участники: Иван Петров, ..." is a list
        if nxt.lower in TOPIC_WORDS and not any(t.feats.get("VerbForm") == "Fin" for t in rest):
            return None  # "Фермер из-под Вологды: как пережить засуху" names a topic, not a statement
        content = (nxt.start, s_end)
    gender, plural = _gender(head)
    subject = [t.i for t in words if t.pos != "PUNCT"]
    return RuCue(k, colon.start, colon.end, colon.text, subject, content, gender, plural, "speech", "label")


def _before_addressee(words: list[RuToken]) -> list[RuToken]:
    """A headline's speaker before the dash that names whom they address: "Жители Краснобора — главе города:
    «…»" (the addressee in the dative)."""
    dash = next((i for i, t in enumerate(words) if t.text in DASHES), None)
    if dash is None or dash == 0 or not any(t.feats.get("Case") == "Dat" for t in words[dash + 1 :]):
        return words
    return words[:dash]


def _document_head(words: list[RuToken]) -> RuToken | None:
    """A document or a study alone before a headline's colon: "Исследование: две трети подростков …"."""
    nouns = [t for t in words if t.pos in ("NOUN", "PROPN")]
    if nouns and nouns[0].lemma in REPORT_NOUNS and nouns[0].feats.get("Case") == "Nom" and len(words) <= 3:
        return nouns[0]
    return None


def _speaker_head(doc: RuDoc, words: list[RuToken]) -> RuToken | None:
    """The head of words that name a speaker with no verb: a person's or an organisation's name ending them, or
    a phrase headed by a noun for people ("Глава района Иван Гусев", "Учёные", "председатель жюри")."""
    named = any(e.label in ("PERSON", "ORG") and e.tokens and e.tokens[-1] == words[-1].i for e in doc.ents)
    head = next((t for t in words if t.pos in ("NOUN", "PROPN")), None)
    if noun_is_person(words[0].lemma or words[0].lower) and words[0].pos == "ADJ":
        head = words[0]  # "Главврач районной больницы:": the tagger took the title opening the line for an adjective
        named = True
    if head is None or not (named or (head.feats.get("Case") == "Nom" and (
            head.feats.get("Animacy") == "Anim" or noun_is_person(head.lemma or head.lower)))):
        return None
    return head


def _line_signature_cue(doc: RuDoc, quotation: RuToken) -> RuCue | None:
    """A quotation that ends its line, signed on the next line by its speaker's name alone, as street interviews
    are set: "«Мост нам нужен вчера».\nИрина Соловьёва, жительница улицы Береговой". The signature's first word
    is the cue; the line must open with a person's name, or name people in the nominative and nothing else (a
    line after a quotation may be a caption or a heading: "Фото пресс-службы" signs nothing)."""
    line_end = doc.text.find("\n", quotation.end)
    if line_end < 0 or doc.text[quotation.end : line_end].strip(" .!?…"):
        return None  # the quotation does not end its line
    if doc.text[line_end + 1 : line_end + 2] == "\n":
        return None  # a blank line: the next paragraph is not a signature
    next_end = doc.text.find("\n", line_end + 1)
    next_end = len(doc.text) if next_end < 0 else next_end
    words = list(takewhile(lambda t: t.end <= next_end,
                           (t for t in doc.tokens[quotation.i + 1 :] if t.start > line_end)))
    while words and words[-1].pos == "PUNCT":
        words.pop()
    if not 0 < len(words) <= MAX_LABEL_WORDS or any(
            t.pos in ("VERB", "AUX") or t.placeholder or t.text in ("«", "„", *DASHES, ":") for t in words):
        return None
    named = next((e for e in doc.ents if e.label == "PERSON" and e.tokens and e.tokens[0] == words[0].i), None)
    head: RuToken | None = doc.tokens[named.tokens[-1]] if named is not None else None
    if head is None:  # a collective letter signed by its authors: "Инициативная группа жителей (214 подписей)"
        words = words[: next((k for k, t in enumerate(words) if t.text == "("), len(words))]
        head = _signers(doc, words)
    if head is None:
        return None
    gender, plural = _gender(head)
    first = words[0]
    return RuCue(first.i, first.start, first.start, "", [t.i for t in words if t.pos != "PUNCT"], None, gender,
                 plural, "speech", "signature")


# Nouns of a body of people, which sign for their members: "группа жителей", "коллектив учителей".
COLLECTIVE_NOUNS = frozenset("группа коллектив совет комитет союз сообщество объединение".split())


def _signers(doc: RuDoc, words: list[RuToken]) -> RuToken | None:
    """The head of a signature that names people without a name: nouns for people in the nominative
    ("Родители учеников 5 «Б» класса") or a body of them ("Инициативная группа жителей …")."""
    head = next((t for t in words if t.pos in ("NOUN", "PROPN")), None)
    if head is None or head.feats.get("Case") != "Nom":
        return None
    if noun_is_person(head.lemma or head.lower):
        return head
    members = [k for k in doc.kids(head.i) if k.rel == "nmod" and noun_is_person(k.lemma or k.lower)]
    return head if head.lemma in COLLECTIVE_NOUNS and members else None


def _signature_cue(doc: RuDoc, dash: RuToken) -> RuCue | None:
    """A quotation signed with its speaker alone after a dash, to the end of the line: "«Олимпиада не должна
    стать гонкой» — председатель жюри" (a headline), "«…» — Иван Гусев". The dash is the cue."""
    k = dash.i
    before = doc.tokens[k - 1] if k > 0 else None
    if before is not None and before.text in (",", "!", "?", "…", ".") and k > 1:
        before = doc.tokens[k - 2]
    if before is None or not before.placeholder:
        return None
    line_end = doc.text.find("\n", dash.end)
    line_end = len(doc.text) if line_end < 0 else line_end
    words = [t for t in doc.tokens[k + 1 :] if t.end <= line_end]
    while words and words[-1].pos == "PUNCT":
        words.pop()
    if not 0 < len(words) <= MAX_LABEL_WORDS or any(
            t.pos in ("VERB", "AUX") or t.placeholder or t.text in ("«", "„", *DASHES) or t.lower in BELIEF_WORDS
            or t.feats.get("Variant") == "Short" for t in words):
        return None  # "— уверена экономист Вера Лапина" is a cue of its own
    head = _speaker_head(doc, words)
    if head is None:
        return None
    gender, plural = _gender(head)
    subject = [t.i for t in words if t.pos != "PUNCT"]
    return RuCue(k, dash.start, dash.end, dash.text, subject, None, gender, plural, "speech", "signature")
