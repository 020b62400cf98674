"""Russian statements: direct quotations in «…» and „…“ with the conventions of Russian typography, and
reported speech from the cues in ``cues``; speakers resolved by ``speakers``.

Direct quotations are attributed by, in order: a cue after the dash that follows them ("«…», — заявил он."),
a cue whose clause ends in a colon right before them ("Петров сказал: «…»"), a cue whose что-clause holds them
(a mixed quote when other words are beside them), a paragraph ending in a colon, the quotation they continue
("«…», — сказал он. «…»"), and the nearest earlier attribution. Short quoted terms and titles of documents,
papers and parties ("газета «Известия»", "закон «О СМИ»") are not statements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from quotetrace.extract.confidence import Evidence
from quotetrace.extract.marks import MarkedSpan, find_marked_spans
from quotetrace.extract.transcripts import TurnSpan, conversation
from quotetrace.model import ActType, Mention, Quote, QuoteKind, TextSpan
from quotetrace.ru.confidence import confidence
from quotetrace.ru.cues import RuCue, find_cues
from quotetrace.ru.dialogue import DIALOGUE, dialogue_spans
from quotetrace.ru.interviews import speak_turns
from quotetrace.ru.lexicon import DOCUMENT_NOUNS, NAMING_VERBS, PLACE_ADVERBS, SPEECH_VERBS, TITLE_CUES
from quotetrace.ru.nlp import RuDoc, lemma_of, parse
from quotetrace.ru.speakers import Person, as_written, collect_people, resolve
from quotetrace.settings import Settings

WORD = re.compile(r"\w+(?:[-']\w+)*")
# After a quotation: its closing punctuation and the dash that introduces the attribution ("», — заявил").
_DASH_AFTER = re.compile(r"[,!?.…]*\s*[—–-]\s*")
MAX_GAP_AFTER = 40  # from the dash to the cue verb ("— заявил", "— отметил в разговоре с журналистами")
MAX_GAP_BEFORE = 80  # from the cue verb to the colon before the quotation
MAX_SPLIT_GAP = 160
MAX_CONTEXT_DISTANCE = 400
# How far before a quotation a noun can make it a title: "доклад Минобороны «…»", "закон о СМИ «…»".
TITLE_LOOKBACK_CHARS = 60
TITLE_LOOKBACK_WORDS = 4
# How far back the statement just before may end for "..., добавил чиновник" to continue with its speaker.
FOLLOWING_DISTANCE = 600
# How far back the statement may be whose source "там" in "добавили там" stands for.
PLACE_ADVERB_DISTANCE = 300
# Ways a quotation is attached to a cue that is its own (not the nearest earlier attribution).
OWN_CUE = frozenset({"after", "before", "clause", "argument", "label"})


@dataclass(slots=True)
class _Direct:
    span: MarkedSpan
    cue: RuCue | None = None
    how: str = "none"
    continued_from: _Direct | None = None


class _Found(NamedTuple):
    """A statement found, before attribution: its span, kind, cue and the rule that found it (its evidence), the
    pieces of a statement split by its attribution (empty for one piece), the act it reports, the channel beside
    its speaker and whether its quotation closes."""

    start: int
    end: int
    kind: QuoteKind
    cue: RuCue | None
    rule: str
    fragments: tuple[tuple[int, int], ...] = ()
    act: ActType = "speech"
    via: tuple[int, int] | None = None
    closed: bool = True


def extract_russian(text: str, settings: Settings) -> tuple[list[Quote], list[Mention]]:
    """Statements in a Russian ``text`` with their speakers (nominative names), and the named mentions."""
    found, mentions = extract_russian_with_evidence(text, settings)
    return [q for q, _ in found], mentions


def extract_russian_with_evidence(text: str, settings: Settings) -> tuple[list[tuple[Quote, Evidence]], list[Mention]]:
    """``extract_russian``, each statement with the evidence its confidence was computed from."""
    spans = _speech_spans(text)
    long_spans = [s for s in spans if _word_count(text, s) >= settings.min_quote_words]
    doc = parse(text, [(s.start, s.end) for s in long_spans])
    cues = find_cues(doc)
    absorbed: set[int] = set()
    found = _reported(text, cues, spans, absorbed)
    directs = _attach(doc, [s for s in spans if id(s) not in absorbed], cues)
    found += [_direct(group) for group in _groups(text, directs, settings)]
    turns = conversation(text, lambda a, b: _a_sentence(text, a, b), spans)
    found = _with_turns(text, found, turns, spans)
    people = collect_people(doc)
    quotes = _attribute(doc, _without_overlaps(found), people)
    speak_turns(doc, [q for q, _ in quotes], turns, people)
    mentions = [Mention(e.text, e.start, e.end, e.label) for e in doc.ents]
    return quotes, mentions


def _reported(text: str, cues: list[RuCue], spans: list[MarkedSpan], absorbed: set[int]) -> list[_Found]:
    """Reported speech from the cues' content clauses, longest first; quotations a clause holds with other
    words beside them make it mixed and are added to ``absorbed``."""
    found: list[_Found] = []
    for cue in sorted((c for c in cues if c.content), key=lambda c: -(c.content[1] - c.content[0])):  # type: ignore[index]
        start, end = cue.content  # type: ignore[misc]
        if any(s.start < cue.start < s.end for s in spans) or any(_overlaps(start, end, f[0], f[1]) for f in found):
            continue
        pieces = cue.fragments or ((start, end),)
        inside = [s for s in spans if any(s.start < b and s.end > a for a, b in pieces)]
        kind: QuoteKind = "indirect"
        if inside:
            if sum(_outside_words(text, a, b, inside) for a, b in pieces) < 2:
                continue  # a direct quotation: attributed below
            pieces = tuple(_widened(a, b, inside) for a, b in pieces)
            start, end = pieces[0][0], pieces[-1][1]
            kind = "mixed"
            absorbed.update(id(s) for s in inside)
        if not WORD.search(text[start:end]):
            continue
        found.append(_Found(start, end, kind, cue, "clause", pieces if len(pieces) > 1 else (), cue.act, cue.via))
    return found


def _with_turns(text: str, found: list[_Found], turns: list[TurnSpan], spans: list[MarkedSpan]) -> list[_Found]:
    """A conversation's turns replace the statements found inside them (an answer is its speaker's whole)."""
    if not turns:
        return found
    pieces = [piece for turn in turns for piece in turn.fragments]
    kept = [f for f in found if not any(f.start < b and a < f.end for a, b in pieces)]
    for turn in turns:
        start, end = turn.fragments[0][0], turn.fragments[-1][1]
        kind: QuoteKind = "mixed" if any(start <= s.start and s.end <= end for s in spans) else "indirect"
        pieces_of = tuple(turn.fragments) if len(turn.fragments) > 1 else ()
        kept.append(_Found(start, end, kind, None, "turn", pieces_of))
    return kept


def _a_sentence(text: str, start: int, end: int) -> bool:
    """Whether a turn's words are something said, not a figure in a list: a question, or words ending a
    sentence."""
    words = text[start:end].rstrip()
    return any(ch.isalpha() for ch in words) and (words.endswith(("?", ".", "!", "…")) or len(WORD.findall(words)) > 2)


def _widened(start: int, end: int, spans: list[MarkedSpan]) -> tuple[int, int]:
    """A piece of content widened to hold the quotations it overlaps."""
    over = [s for s in spans if s.start < end and s.end > start]
    return min([start, *(s.start for s in over)]), max([end, *(s.end for s in over)])


def _direct(group: list[_Direct]) -> _Found:
    root = group[0]
    pieces = tuple((d.span.start, d.span.end) for d in group) if len(group) > 1 else ()
    own = root.cue is not None and root.how in OWN_CUE
    # a quotation takes its cue's act when the cue is its own; a stance only as the object of one
    act: ActType = "speech"
    if own and root.cue is not None and (root.cue.act != "stance" or root.how == "argument"):
        act = root.cue.act
    via = root.cue.via if own and root.cue is not None else None
    return _Found(root.span.start, group[-1].span.end, "direct", root.cue, root.how, pieces, act, via, root.span.closed)


def _speech_spans(text: str) -> list[MarkedSpan]:
    """Quotations by their marks and dialogue speech by its dashes, in text order; a quotation inside a piece
    of dialogue belongs to it (the speaker quotes someone), and a dash-led line inside a quotation to that."""
    marked = [piece for span in find_marked_spans(text) for piece in _around_attribution(text, span)]
    dialogue = dialogue_spans(text)
    if not dialogue:
        return marked
    out = [d for d in dialogue if not any(m.start <= d.start and d.end <= m.end for m in marked)]
    out += [m for m in marked if not any(d.start <= m.start < d.end for d in out)]
    return sorted(out, key=lambda s: s.start)


def _around_attribution(text: str, span: MarkedSpan) -> list[MarkedSpan]:
    """A quotation that holds its own attribution between dashes, as Russian typography writes a quotation
    split by its author's words («Мы платили аренду восемь лет, — говорит Елена Соколова. — А теперь …»): the
    pieces before and after the attribution, so that the attribution is read as the cue of the first and the
    second continues it. Any other quotation stays whole."""
    if span.opener not in QUOTATION_OPENERS:
        return [span]
    inner = INNER_ATTRIBUTION.search(text, span.start + 1, span.end)
    if inner is None:
        return [span]
    first = MarkedSpan(span.start, inner.start(), span.opener, closed=False, paragraphs=1)
    second = MarkedSpan(inner.end(), span.end, span.opener, closed=span.closed, paragraphs=span.paragraphs)
    return [first, *_around_attribution(text, second)]


# Quotation marks that may hold their author's words between dashes.
QUOTATION_OPENERS = frozenset("«„“")
# The author's words inside a quotation: after the quoted words' comma (or "!", "?", "…"), a dash, words that
# open in lower case and hold no quotation mark, then a full stop or comma and a dash before the words go on.
INNER_ATTRIBUTION = re.compile(r"(?<=[,!?…])[ \t]+[—–][ \t]+[а-яё][^«»„“”—–\n]{2,120}?[.,][ \t]+[—–][ \t]+(?=\S)")


def _word_count(text: str, s: MarkedSpan) -> int:
    if s.opener == DIALOGUE:  # the span holds the words alone
        return len(WORD.findall(text[s.start : s.end]))
    return len(WORD.findall(text[s.start + 1 : s.end - (1 if s.closed else 0)]))


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return max(0, min(a1, b1) - max(a0, b0)) > 0.5 * (a1 - a0) or b0 <= a0 < b1


def _outside_words(text: str, start: int, end: int, spans: list[MarkedSpan]) -> int:
    pos, n = start, 0
    for s in sorted(spans, key=lambda s: s.start):
        n += len(WORD.findall(text[pos : max(pos, s.start)]))
        pos = max(pos, s.end)
    return n + len(WORD.findall(text[pos:end]))


def _attach(doc: RuDoc, spans: list[MarkedSpan], cues: list[RuCue]) -> list[_Direct]:
    text = doc.text
    directs = [_Direct(s) for s in spans]
    for d in directs:
        d.cue, d.how = _cue_for(doc, d.span, cues)
    prev: _Direct | None = None
    for d in directs:  # continuations: "«A», — сказал он. «B»" and a quotation opening the next paragraph
        if d.cue is None and prev is not None and (prev.cue is not None or prev.continued_from is not None):
            gap = text[prev.span.end : d.span.start]
            root = _root(prev)
            cue_in_gap = root.cue is not None and prev.span.end <= root.cue.start < d.span.start
            # the attribution must have ended: "— сказал он. «B»", not "— рассказал агентству «Норд-Пресс»"
            cue_in_gap = cue_in_gap and gap.rstrip()[-1:] in ".:,!?…—–"
            if len(gap) <= MAX_SPLIT_GAP and gap.count("\n\n") <= 1 and (cue_in_gap or gap.strip() == ""):
                d.continued_from = prev
                d.how = "split" if "\n\n" not in gap and cue_in_gap else "next-paragraph"
        prev = d
    inside = [(d.span.start, d.span.end) for d in directs]
    for d in directs:
        if d.cue is None and d.continued_from is None:
            for cue in reversed(cues):
                if cue.end > d.span.start or not cue.subject:
                    continue
                if d.span.start - cue.end > MAX_CONTEXT_DISTANCE or text.count("\n\n", cue.end, d.span.start) > 1:
                    break
                if not any(s <= cue.start < e for s, e in inside):
                    d.cue, d.how = cue, "context"
                    break
    return directs


def _cue_for(doc: RuDoc, span: MarkedSpan, cues: list[RuCue]) -> tuple[RuCue | None, str]:
    text = doc.text
    after = _DASH_AFTER.match(text, span.end)
    if after is not None:
        for cue in cues:
            near = after.end() <= cue.start <= after.end() + MAX_GAP_AFTER and "\n" not in text[span.end : cue.start]
            if near and cue.how != "label" and not re.search(r"[.!?]\s", text[after.end() : cue.start]):
                return cue, "after"
        signed = next((c for c in cues if c.how == "signature" and span.end <= c.start < after.end()), None)
        if signed is not None:
            return signed, "label"  # "«…» — председатель жюри": the signature names the speaker
    line = text.find("\n", span.end)
    if line >= 0 and not text[span.end : line].strip(" .!?…"):
        signed = next((c for c in cues if c.how == "signature" and c.start == c.end and line < c.start
                       and not text[line : c.start].strip()), None)
        if signed is not None:
            return signed, "label"  # "«…».\nИрина Соловьёва, жительница …": signed on the line below
    argument = _argument_of(doc, span, cues)
    if argument is not None:
        return argument, "argument"
    for cue in reversed(cues):
        if cue.end <= span.start and span.start - cue.end <= MAX_GAP_BEFORE and cue.how != "argument":
            gap = text[cue.end : span.start]
            opens = gap.rstrip().endswith(":") or (cue.how == "label" and not gap.strip())
            if opens and "\n\n" not in gap and not re.search(r"[.!?]\s", gap):
                return cue, "label" if cue.how == "label" else "before"
    for cue in cues:
        if cue.content is not None and cue.content[0] <= span.start < cue.content[1] + 2 and cue.how == "clause":
            return cue, "clause"
    before = text[max(0, span.start - 400) : span.start].rstrip()
    if before.endswith(":") and "\n\n" in text[span.start - 3 : span.start + 1] + before[-3:]:
        colon = span.start - (len(text[: span.start]) - len(text[: span.start].rstrip())) - 1
        prior = [c for c in cues if c.end <= colon and "\n" not in text[c.end : colon]]
        if prior:
            return prior[-1], "colon"
    return None, "none"


def _argument_of(doc: RuDoc, span: MarkedSpan, cues: list[RuCue]) -> RuCue | None:
    """The cue whose verb takes the quotation as its argument: "назвала решение «ошибкой»", "осудил «охоту на
    ведьм»"."""
    inside = [t for t in doc.tokens if span.start <= t.start and t.end <= span.end]
    heads = {t.head for t in inside if t.head >= 0 and not (span.start <= doc.tokens[t.head].start < span.end)}
    if len(heads) != 1:
        return None
    (head,) = heads
    rel = next(t.rel for t in inside if t.head == head)
    for c in cues:
        if c.token != head or (c.via is not None and c.via[0] <= span.start < c.via[1]):
            continue
        # a naming verb takes its quotation in any case ("назвал решение «ошибкой»"); others as their object
        if (c.how == "argument" and rel in ("obj", "obl", "xcomp", "ccomp")) or (
                c.how in ("object", "plain") and rel in ("obj", "xcomp", "ccomp")):
            return c
    return None


def _root(d: _Direct) -> _Direct:
    seen: set[int] = set()
    while d.continued_from is not None and id(d) not in seen:
        seen.add(id(d))
        d = d.continued_from
    return d


def _is_statement(text: str, d: _Direct, settings: Settings) -> bool:
    # the words before dialogue speech are the previous paragraph's: they cannot make it a title
    if d.span.opener != DIALOGUE and _is_title(text, d.span.start):
        return False
    if d.how == "split" or (d.cue is not None and d.how not in ("context", "none")):
        return True
    return _word_count(text, d.span) >= settings.min_quote_words


def _is_title(text: str, start: int) -> bool:
    """A quotation named by the noun before it is a title, not speech: "газета «Известия»", "закон «О СМИ»",
    "доклад Минобороны «О мерах ...»" (a name may stand between). A speech verb after the noun, or any
    punctuation ("говорится в докладе: «...»"), ends the look back."""
    before = text[max(0, start - TITLE_LOOKBACK_CHARS) : start]
    cut = max(before.rfind(ch) for ch in ".!?:;,—–()\n«»„“")
    words = WORD.findall(before[cut + 1 :].lower())[-TITLE_LOOKBACK_WORDS:]
    if any(w.startswith("котор") for w in words) and any(lemma_of(w) in NAMING_VERBS for w in words):
        return True  # "чат, который жильцы назвали «Ледниковый период»": the name of the thing, not a verdict
    for k in range(len(words) - 1, -1, -1):
        lemma = lemma_of(words[k])
        if lemma in TITLE_CUES or lemma in DOCUMENT_NOUNS:
            return not any(lemma_of(w) in SPEECH_VERBS for w in words[k + 1 :])
    return False


def _groups(text: str, directs: list[_Direct], settings: Settings) -> list[list[_Direct]]:
    groups: list[list[_Direct]] = []
    for d in directs:
        if not _is_statement(text, d, settings):
            continue
        if d.how == "split" and groups and groups[-1][-1] is d.continued_from:
            groups[-1].append(d)
        else:
            if d.continued_from is not None:
                d.cue = _root(d).cue
            groups.append([d])
    return groups


def _without_overlaps(found: list[_Found]) -> list[_Found]:
    out: list[_Found] = []
    for f in sorted(found, key=lambda f: -(f[1] - f[0])):
        if all(f[1] <= o[0] or f[0] >= o[1] for o in out):
            out.append(f)
    return sorted(out, key=lambda f: f[0])


def _attribute(doc: RuDoc, found: list[_Found], people: list[Person]) -> list[tuple[Quote, Evidence]]:
    text = doc.text
    speakers: list[tuple[int, Person]] = []
    quotes: list[Quote] = []
    evidence: list[Evidence] = []
    last: tuple[int, Person | None] = (-1, None)  # where the last statement ended, and its speaker if a person
    for start, end, kind, cue, rule, pieces, act, via, closed in found:
        e = _evidence(doc, cue, rule, kind, act, closed)
        q = Quote(text=text[start:end], start=start, end=end, kind=kind, cue=cue.text if cue else None,
                  confidence=confidence(e), language="ru",
                  fragments=[TextSpan(text[a:b], a, b) for a, b in pieces], type=act,
                  via=TextSpan(text[via[0] : via[1]], *via) if via is not None else None)
        if cue is not None and cue.subject:
            s0, s1 = doc.tokens[cue.subject[0]].start, doc.tokens[cue.subject[-1]].end
            q.speaker_mention = TextSpan(text[s0:s1], s0, s1)
            after_verb = cue.subject[0] > cue.token and start - last[0] <= FOLLOWING_DISTANCE
            person = resolve(doc, cue.subject, cue.gender, cue.plural, people, speakers,
                             follows=last[1] if after_verb else None)
            if person is not None:
                q.speaker, q.descriptors = person.name, list(person.descriptors)
                speakers.append((s0, person))
            elif q.speaker_mention.text.lower() in PLACE_ADVERBS:
                q.speaker = _previous_source(quotes, s0)
            else:
                q.speaker = as_written(doc, cue.subject)
            last = (end, person)
        else:
            last = (end, None)
        quotes.append(q)
        evidence.append(e)
    return list(zip(quotes, evidence, strict=True))


def _evidence(doc: RuDoc, cue: RuCue | None, rule: str, kind: QuoteKind, act: ActType, closed: bool) -> Evidence:
    """What found a statement, in the English quotes' shape. The source is told coarsely from the subject's
    parts of speech (name, person for a pronoun, noun; none without a subject); the frame is the cue's
    construction (``RuCue.how``); the cue is what its word is."""
    if cue is None:
        return Evidence(rule, kind, act, None, closed)
    tok = doc.tokens[cue.token]
    pos = {doc.tokens[i].pos for i in cue.subject}
    source = "none" if not cue.subject else "name" if "PROPN" in pos else "person" if "PRON" in pos else "noun"
    word = "colon" if tok.text == ":" else {"NOUN": "noun", "ADP": "according"}.get(tok.pos, "verb")
    return Evidence(rule, kind, act, None, closed, tok.lemma, cue.how, source, word)


def _previous_source(quotes: list[Quote], start: int) -> str | None:
    """Who "там" stands for in "добавили там": the source of the statement just before."""
    if quotes and quotes[-1].speaker and start - quotes[-1].end <= PLACE_ADVERB_DISTANCE:
        return quotes[-1].speaker
    return None
