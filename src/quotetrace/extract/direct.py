"""Direct quotations: quoted spans that are statements, each with the cue that attributes it.

A quoted span is attributed by, in order: a cue whose content clause is the quotation ("“…,” he said"),
a cue right after it in the same paragraph (", said Smith"), a cue right before it ("She writes: “…”"),
the speaker of the quotation it continues ("“…,” he said. “…”"). Short quoted terms and titles are not
statements unless a cue frames them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from quotetrace.extract.cues import SUBJECT_DEPS, Cue, mention_span
from quotetrace.extract.labels import HEADER_WORDS
from quotetrace.extract.marks import MarkedSpan
from quotetrace.extract.sources import colon_byline, colon_introduction, dash_signature, with_source
from quotetrace.lexicon import ABBREVIATIONS, FIRST_PERSON, QUESTION_VERBS, TITLE_CUES
from quotetrace.nlp import doc_text
from quotetrace.settings import Settings

WORD = re.compile(r"\w+(?:[’'-]\w+)*")
# Between a quotation and a cue after it: punctuation and a short subject ("” the former minister said").
MAX_GAP_AFTER = 80
# ... or a long one when the speaker's name opens it: '“…,” Leonard E. Burman, director of …, said of …'
MAX_SOURCE_GAP = 240
# Between a cue and the quotation it introduces: "said:", "told reporters on Tuesday," and the like.
MAX_GAP_BEFORE = 40
# How far a quotation may follow the one it continues (the attribution between them: ", she said. ").
MAX_SPLIT_GAP = 120
# How far back the context of an unattributed quotation may be.
MAX_CONTEXT_DISTANCE = 400


@dataclass(slots=True)
class DirectQuote:
    """A quoted span on its way to becoming a Quote; ``cue`` is None until something attributes it."""

    span: MarkedSpan
    start: int
    end: int
    cue: Cue | None = None
    continued_from: DirectQuote | None = None
    how: str = "none"  # which rule attributed it, for the confidence

    @property
    def fragments(self) -> list[tuple[int, int]]:
        return [(self.start, self.end)]


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def is_statement_like(text: str, span: MarkedSpan, settings: Settings) -> bool:
    """Long enough to be a statement rather than a scare-quoted term or a name."""
    inner = text[span.start + 1 : span.end - (1 if span.closed else 0)]
    return word_count(inner) >= settings.min_quote_words


def is_titled(text: str, span: MarkedSpan) -> bool:
    """Introduced as a title or an address: 'an ad titled “Scam.”', 'a letter addressed to “the Members …”', or
    after a header: 'Comments on: “…”'."""
    before = text[max(0, span.start - 40) : span.start]
    before = before[before.rfind("\n") + 1 :]  # only the quotation's own paragraph
    before = SENTENCE_END.split(before)[-1]  # and sentence: "… funding his campaign. “He’s …”" is no title
    cased = WORD.findall(before)
    words = [w.lower() for w in cased]
    if words and words[-1] in TITLE_CUES:
        return True
    if words and words[0] in HEADER_WORDS and before.rstrip().endswith(":"):
        return True  # "Comments on: “Council confirms …”", "Read more: “…”": the title of what is named
    # "titled as the …", "nicknamed him “the Admiral”"
    if len(words) >= 2 and words[-2] in TITLE_CUES and words[-1] in ("to", "the", "as", "a", *NAMED_OBJECTS):
        return True
    return _named_by_verb(cased, text, span)


def _named_by_verb(cased: list[str], text: str, span: MarkedSpan) -> bool:
    """A name given by a verb of naming: "is known in the village as “the nurse on the bicycle”", "locals call it
    “the Blue Eye”", "fans call the old ground “the Cauldron”". Only the present "call" names: a past one is a
    speech act, and a quotation that is no name is what was said ("called the plan “a disgrace”")."""
    words = [w.lower() for w in cased]
    if words and words[-1] == "as" and any(w in AS_NAMING for w in words[-NAMING_REACH:-1]):
        return True
    # the verb and its object ("call it", "call the old ground"), the name right after; in lower case, since a
    # headline's "Calls Clinton ‘A Disgrace’" is a speech act
    return any(w in ("call", "calls") for w in cased[-5:]) and looks_like_title(text, span)


def closed_by_punctuation(text: str, span: MarkedSpan) -> bool:
    """A quotation handed to the cue after it ends with a mark, inside its quotation marks or right after them:
    “Never,” she said; “Never”, she said; “Never!” she said."""
    inner = text[span.start + 1 : span.end - (1 if span.closed else 0)].rstrip(" '\"’”")  # ''Hopefully,''
    return inner.endswith(CLOSING_MARKS) or text[span.end : span.end + 1] in CLOSING_MARKS


CLOSING_MARKS = (",", ".", "!", "?", "…", ":", ";", "—", "–")


def named_with_article(text: str, span: MarkedSpan) -> bool:
    """Headline-cased words after an article or a preposition of place, as in 'the “Canal Derby”', 'The
    “Coastal Waters Bill”' or 'published in “Alpine Geology”': a name the sentence uses, whatever cue stands
    near it."""
    words = WORD.findall(text[max(0, span.start - 12) : span.start].lower())
    return bool(words) and words[-1] in NAME_LEAD_INS and looks_like_title(text, span)


# Words before a quoted name that the sentence uses as a name: an article, or where something appeared.
NAME_LEAD_INS = frozenset("the a an in on at into from".split())


def looks_like_title(text: str, span: MarkedSpan) -> bool:
    """Headline-cased words and nothing else, as in “The Art of the Deal”: a title unless a cue frames it."""
    tokens = [t.strip("()[]") for t in text[span.start + 1 : span.end - 1].strip(" .,").split()]
    return 0 < len(tokens) <= 8 and all(t[:1].isupper() or t[:1].isdigit() or t.lower() in _TITLE_SMALL
                                        for t in tokens)


_TITLE_SMALL = frozenset("a an the of and or in on at to for with by from".split())
NAMED_OBJECTS = ("him", "her", "it", "them")  # whom a naming verb names: "nicknamed him “the Admiral”"
# Participles that name with "as": "known as", "referred to as", "billed as", "styled as".
AS_NAMING = frozenset("known referred billed styled termed dubbed nicknamed".split())
# How many words back from "as" the participle may stand: "known in the health service as “…”".
NAMING_REACH = 8


def attach_cues(doc: Doc, spans: list[MarkedSpan], cues: list[Cue]) -> list[DirectQuote]:
    """Each quoted span with the cue that attributes it, when one can be found next to it."""
    text = doc_text(doc)
    quotes = [DirectQuote(s, s.start, s.end) for s in spans]
    # a cue inside any quotation is part of what was said: “That’s what Clinton understands,” he said. “…”
    cues = [c for c in cues if not any(s.start < c.start and c.end <= s.end for s in spans)]
    for q in quotes:
        q.cue, q.how = _cue_for(doc, q, quotes, cues)
    _link_continuations(text, quotes)
    questions = [c.content for c in cues if c.content is not None and _writer_asks(c)]
    for q in quotes:
        if q.cue is None and q.continued_from is None:
            cue = _context_cue(doc, q, quotes, cues, questions)
            if cue is not None:
                q.cue, q.how = cue, "context"
    return quotes


def _cue_for(doc: Doc, q: DirectQuote, quotes: list[DirectQuote], cues: list[Cue]) -> tuple[Cue | None, str]:
    text = doc_text(doc)
    # 0. a colon that hands the quotation to a name ('… TOO EARLY - Mark Blumenthal:', 'Continued Stone:')
    byline = colon_byline(doc, q.start)
    if byline is not None:
        return byline, "before"
    # 0b. a dash and a name closing its line sign it ('“…” ― Pamela Padilla')
    signature = dash_signature(doc, q.end)
    if signature is not None:
        return signature, "after"
    # 1. a cue whose content clause overlaps the quotation and lies outside it
    for cue in cues:  # (attach_cues has dropped the cues inside quotations)
        if cue.content and _overlap(cue.content, (q.start, q.end)) > 0 and _adjacent(text, q, cue):
            return with_source(doc, cue, q.start, q.end), "clause"
    # 2. a cue just after the quotation, in the same sentence, with nothing quoted between; the one whose
    # subject opens the gap first ('“…,” Scott Pruitt, …, one of the states suing the EPA, said'). Not a cue
    # of a clause coordinated after it that has content of its own: "… since ‘Lamp Oil’, and her publisher
    # says a sequel is under way" reports the sequel, and the quotation before it is a title
    nxt = _next_quote_start(q, quotes)
    after = [] if _ends_sentence(text, q) else [
        c for c in cues if q.end <= c.start < nxt and _same_sentence(text, q.end, c.start, MAX_SOURCE_GAP)
        and not _coordinated_report(text, q, c)]
    for cue in after:
        if _subject_opens(text, q, cue):
            return with_source(doc, cue, q.start, q.end), "after"
    for cue in after:
        if cue.start <= q.end + MAX_GAP_AFTER:
            return with_source(doc, cue, q.start, q.end), "after"
    # 3. a cue just before it ("X said:" / "X told reporters,")
    for cue in reversed(cues):
        if q.start - MAX_GAP_BEFORE <= cue.end <= q.start and _introduces(text[cue.end : q.start]):
            return with_source(doc, cue, q.start, q.end), "before"
    # 4. a paragraph ending in a colon introduces the quotation that opens the next one
    colon = colon_introduction(doc, q.start, cues)
    if colon is not None:
        return with_source(doc, colon, q.start, q.end), "before"
    return None, "none"


def _context_cue(doc: Doc, q: DirectQuote, quotes: list[DirectQuote], cues: list[Cue],
                 questions: list[tuple[int, int]]) -> Cue | None:
    """The latest attribution just before an unattributed quotation, outside any quotation: in news the
    quotation that follows "Smith spoke of the ceasefire." or a quoted exchange is most often Smith's.
    ``questions``: the content of the writer's own questions ("I ask whether …")."""
    text = doc_text(doc)
    # a cue inside a quotation, or inside what another cue reports ("told reporters she had cried when the
    # decision was read out"), is part of what was said
    inside = [(o.start, o.end) for o in quotes]
    reported = [(c, c.content) for c in cues if c.content is not None]
    for cue in reversed(cues):
        if cue.end > q.start or cue.subject is None:
            continue
        if q.start - cue.end > MAX_CONTEXT_DISTANCE or text.count("\n\n", cue.end, q.start) > 1:
            return None
        if any(s <= cue.start < e for s, e in inside) or any(
                other is not cue and s <= cue.start < e for other, (s, e) in reported):
            continue
        # the writer's own question ("I ask whether …", "When I asked what …"), or a cue inside it, is answered
        # by the quotation that follows, of the person the sentence before the quotation is about ("She pauses.")
        asked = _writer_asks(cue) or any(start <= cue.start < end for start, end in questions)
        return _answerer(doc, q) if asked else cue
    return None


def _answerer(doc: Doc, q: DirectQuote) -> Cue | None:
    """The sentence just before the quotation, when a third person is its subject, as the answer's cue."""
    before = doc.char_span(0, q.start, alignment_mode="contract")
    if before is None or not len(before):
        return None
    sentence = before[-1].sent
    if sentence.end_char > q.start or "\n\n" in doc_text(doc)[sentence.end_char : q.start]:
        return None
    root = sentence.root
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.lower_ in FIRST_PERSON or (subject.pos_ != "PRON" and subject.ent_type_ != "PERSON"):
        return None
    mention = mention_span(subject)
    return Cue(root, root.text, root.idx, root.idx + len(root.text), mention, None, frame="answer")


def _writer_asks(cue: Cue) -> bool:
    subject = cue.subject
    return cue.token.lemma_.lower() in QUESTION_VERBS and subject is not None and subject.root.lower_ in ("i", "we")


def _adjacent(text: str, q: DirectQuote, cue: Cue) -> bool:
    """The cue sits in the quotation's own sentence: right before it or after it."""
    if cue.start >= q.end:
        if cue.start - q.end <= MAX_GAP_AFTER:
            return "\n" not in text[q.end : cue.start]
        return _subject_opens(text, q, cue) and _same_sentence(text, q.end, cue.start, MAX_SOURCE_GAP)
    return "\n" not in text[cue.end : q.start]


def _ends_sentence(text: str, q: DirectQuote) -> bool:
    """A quotation closed by a full stop and followed by a capital ends its sentence: what comes after it
    ("“… or don't bother.” A user called Mick insisted …") is another sentence's attribution. (“…?” and
    “…!” may still be followed by their speaker.)"""
    closing = text[max(q.start, q.end - 3) : q.end].rstrip("”\"’»'")
    rest = text[q.end : q.end + 3].lstrip(" ")
    return closing.endswith(".") and not closing.endswith("..") and rest[:1].isupper()


def _same_sentence(text: str, start: int, end: int, limit: int) -> bool:
    gap = text[start:end]
    # the capital after a full stop or a question mark is the next word's: "… come from? According to …"
    return len(gap) <= limit and "\n" not in gap and not _sentence_break(text[start : end + 1])


def _coordinated_report(text: str, q: DirectQuote, cue: Cue) -> bool:
    """A cue in a clause that a coordinator joins after the quotation, reporting content of its own ("…
    ‘Lamp Oil’, and her publisher says a sequel is under way")."""
    opening = cue.subject.start_char if cue.subject is not None and cue.subject.start_char >= q.end else cue.start
    return cue.content is not None and COORDINATOR.search(text[q.end : opening]) is not None


COORDINATOR = re.compile(r"\b(?:and|but|while|whereas|yet)\b")


def _subject_opens(text: str, q: DirectQuote, cue: Cue) -> bool:
    """The cue's subject comes right after the quotation: '“…,” Leonard E. Burman, director of …, said'."""
    subject = cue.subject
    return subject is not None and subject.start_char >= q.end and not text[q.end : subject.start_char].strip(" ,")


def _introduces(gap: str) -> bool:
    stripped = gap.strip()
    if "\n" in gap:
        return stripped.endswith(":") and len(stripped) <= 2
    return stripped.endswith((":", ",")) or stripped == ""


SENTENCE_END = re.compile(r"[.!?][”\"’»]?\s")
SENTENCE_BREAK = re.compile(r"(\w*)[.!?][”\"’»]?\s+[A-Z“\"«]")


def _sentence_break(gap: str) -> bool:
    """A sentence ends inside ``gap`` ("Mr. Manafort" and "Leonard E. Burman" are no sentence end)."""
    return any(
        m.group(1).lower() not in ABBREVIATIONS and not _initial(m.group(1)) for m in SENTENCE_BREAK.finditer(gap)
    )


def _initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def _next_quote_start(q: DirectQuote, quotes: list[DirectQuote]) -> int:
    later = [o.start for o in quotes if o.start >= q.end]
    return min(later) if later else 1 << 62


def _link_continuations(text: str, quotes: list[DirectQuote]) -> None:
    """A quotation with no cue of its own continues the attributed one before it when only that one's
    attribution, or a paragraph break, lies between them: “A,” he said. “B” (a split quotation: one
    statement), or a quotation opening the next paragraph (a new statement of the same speaker)."""
    prev: DirectQuote | None = None
    for q in quotes:
        if q.cue is None and prev is not None and (prev.cue is not None or prev.continued_from is not None):
            gap = text[prev.end : q.start]
            cue = root_of(prev).cue
            cue_in_gap = (cue is not None and prev.end <= cue.start and cue.end <= q.start
                          and _opens_after_attribution(text[cue.end : q.start]))
            if len(gap) <= MAX_SPLIT_GAP and gap.count("\n\n") <= 1 and (cue_in_gap or gap.strip() == ""):
                q.continued_from = prev
                q.how = "split" if "\n\n" not in gap and cue_in_gap else "next-paragraph"
        prev = q


def _opens_after_attribution(tail: str) -> bool:
    """Nothing but punctuation between the attribution and the next quotation: “A,” he said. “B” or “A,” he
    said, adding: “B”; not “A,” she said. Where does the “crisis” come from? (another sentence's words)."""
    return CLAUSE_PUNCTUATION.split(tail)[-1].strip().lower() in ("", *JOINING_WORDS)


CLAUSE_PUNCTUATION = re.compile(r"[.!?,:;—–]")
# ... or a word that joins the next quotation on: 'Oz is “smart as hell,” Mosko wrote in an email, and “full of …”'
JOINING_WORDS = ("and", "but", "or", "then", "and then", "adding", "and added", "before adding")


def root_of(q: DirectQuote) -> DirectQuote:
    seen: set[int] = set()
    while q.continued_from is not None and id(q) not in seen:
        seen.add(id(q))
        q = q.continued_from
    return q


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
