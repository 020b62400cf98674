"""The source of a direct quotation when the parse of its sentence does not give it plainly.

spaCy parses a quotation together with the sentence around it, and the words inside the quotation often
take over the parse: in 'shared the news, writing “Feels great to …”' the participle becomes the subject
of "Feels". These repairs find the source from the words outside the quotation:

- a subject that lies inside the quotation is no source ('telling the crowd, “Some people get …”'), but
  a second subject of the same verb outside it is ('“… Full panic mode,” said Leslie Wimes');
- a participle after a comma shares the subject of the verb before it ('Flea shared the news, writing “…”');
- the noun phrase between a quotation and a subjectless cue after it is the source ('“…,” Jane Smith tells');
- a sentence ending in a colon introduces the quotation after it: its subject, or, when it has no verb,
  the name after its last dash ('IOWA POLLS … TOO EARLY - Mark Blumenthal and Jon Cohen: “…”').
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from quotetrace.extract.cues import SUBJECT_DEPS, Cue, mention_span, subject_of
from quotetrace.extract.labels import HEADER_WORDS
from quotetrace.lexicon import SPEECH_VERBS
from quotetrace.nlp import doc_text, noun_chunk_in

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
MAX_ANCESTOR_STEPS = 4
DASHES = frozenset({"-", "—", "–", "--", "―"})
# '“…” ― Julie A. Diaz Martinez', '“…” — Donald J. Trump (@realDonaldTrump) September 27, 2016'
MAX_SIGNATURE_TOKENS = 24  # the name and its occasion: "― Mayor Colin Pryce, speaking at a campaign event on 2 May"
PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})
MAX_SIGNATURE_CHARS = 200
MAX_SIGNATURE_NAME = 6
# A headline's byline after its dash is a few words ("- Mark Blumenthal and Jon Cohen"), not a clause.
MAX_BYLINE_TOKENS = 8
# Lead-ins of a byline that are not part of the name: "More from Jones:", "From the report:".
BYLINE_LEAD_INS = frozenset({"more", "from", "via", "by", "here", "’s", "'s"})
# 'Stated Stone:' — matched on the word, as the tagger reads such a line as a name.
INVERTED_LEAD_VERBS = frozenset(
    form for verb in (*SPEECH_VERBS, "continue") for form in (verb + "d", verb + "ed", verb + "s")
)


def with_source(doc: Doc, cue: Cue, start: int, end: int) -> Cue:
    """``cue`` with a subject outside the quotation ``start:end``, repaired as the module says."""
    subject = cue.subject
    if subject is not None and not _outside(subject, start, end):
        subject = _second_subject(cue.token, start, end)
    if subject is None and cue.start >= end:
        subject = _first_phrase(doc.char_span(end, cue.start, alignment_mode="contract"))
    if subject is None:
        subject = _participle_subject(cue.token, start, end)
    if subject is None:
        subject = _phrase_before(cue.token, start, end)
    if subject is None:
        subject = _ancestor_subject(cue.token, start, end)
    return cue if subject is cue.subject else replace(cue, subject=subject)


def _outside(span: Span, start: int, end: int) -> bool:
    """No part of ``span`` is in the quotation: neither inside it nor holding it ('the so-called “peace
    plan” was rejected' is no source of “peace plan”)."""
    return span.end_char <= start or span.start_char >= end


def _second_subject(verb: Token, start: int, end: int) -> Span | None:
    """'“… Full panic mode,” said Leslie Wimes': the quotation's last words became one subject of the verb
    and the speaker after it another; the one outside the quotation is the source."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            span = mention_span(child)
            if _outside(span, start, end):
                return span
    return None


def _first_phrase(gap: Span | None) -> Span | None:
    if gap is None:
        return None
    chunk = noun_chunk_in(gap.doc, gap.start, gap.end)
    return chunk if chunk is not None else next(iter(gap.ents), None)


def _participle_subject(verb: Token, start: int, end: int) -> Span | None:
    """'X shared the news, writing “…”': the subject of the verb the comma before the participle ends."""
    if verb.tag_ != "VBG" or verb.i == 0 or verb.nbor(-1).text != ",":
        return None
    head = verb.nbor(-1).head
    if head.i >= verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    subject = subject_of(head)
    return subject if subject is not None and _outside(subject, start, end) else None


def _phrase_before(verb: Token, start: int, end: int) -> Span | None:
    """'…, Speaker of the House Rep. Paul Ryan (R-WI) said “…”': when a long sentence derails the parse
    and a finite speech verb is left with no subject, the name right before it is the source."""
    if verb.tag_ not in FINITE_TAGS or verb.i == 0:
        return None
    j = verb.i - 1
    while j > 0 and verb.doc[j].pos_ in ("AUX", "ADV", "PART") and verb.doc[j].head.i == verb.i:
        j -= 1  # "Mr. Trump had said", "Smith also said"
    if verb.doc[j].text == ")":  # a party label or an age in brackets: "(R-WI)", "(58)"
        opening = next((k for k in range(j - 1, max(j - 8, -1), -1) if verb.doc[k].text == "("), None)
        if opening is None:
            return None
        j = opening - 1
    if j < 0 or verb.doc[j].pos_ != "PROPN":
        return None
    chunk = mention_span(verb.doc[j])
    return chunk if _outside(chunk, start, end) else None


def _ancestor_subject(verb: Token, start: int, end: int) -> Span | None:
    """'Auerbach went so far as to say: “…”': the parse hangs "say" on "far", so walking up shared-subject
    links stops short; the nearest verb above it with a subject outside the quotation is the source."""
    cur = verb
    for _ in range(MAX_ANCESTOR_STEPS):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            subject = subject_of(cur)
            if subject is not None and _outside(subject, start, end):
                return subject
    return None


def colon_byline(doc: Doc, quote_start: int) -> Cue | None:
    """A name that a colon hands the quotation to, before any cue in the sentence: the byline after a
    headline's dash ('… TOO EARLY - Mark Blumenthal and Jon Cohen:') or an inverted 'Continued Stone:'."""
    colon = _colon_before(doc, quote_start)
    if colon is None:
        return None
    lead = _lead(colon)
    source = _byline(lead) or _inverted_lead(lead)
    return Cue(colon, ":", colon.idx, colon.idx + 1, source, None) if source is not None else None


def dash_signature(doc: Doc, quote_end: int) -> Cue | None:
    """A dash and a name closing the quotation's line sign it, as under an epigraph, an embedded post or
    in a round-up of readers' voices ('“…” ― Pamela Padilla'). The rest of the line has no verb."""
    text = doc_text(doc)
    line_end = text.find("\n", quote_end, quote_end + MAX_SIGNATURE_CHARS)
    if line_end < 0 and quote_end + MAX_SIGNATURE_CHARS < len(text):
        return None  # the line goes on: a sentence, not a signature
    line = text[quote_end : line_end if line_end >= 0 else len(text)]
    lead = len(line) - len(line.lstrip())
    if not line.strip() or line.lstrip()[0] not in "-—–―":
        return None
    tail = doc.char_span(quote_end + lead, quote_end + len(line.rstrip()), alignment_mode="contract")
    if tail is None or len(tail) > MAX_SIGNATURE_TOKENS or tail[0].text not in DASHES:
        return None
    dash = tail[0]  # which the tagger may read as a verb
    if not _verbless_signature(tail):
        return None
    name: list[Token] = []
    for tok in tail[1:]:
        if not (tok.text[:1].isupper() or tok.text.startswith("@") or (tok.text == "." and name)):
            break
        name.append(tok)
    while name and name[-1].text == ".":
        name.pop()
    if not name or len(name) > MAX_SIGNATURE_NAME:
        return None
    return Cue(dash, dash.text, dash.idx, dash.idx + len(dash), doc[name[0].i : name[-1].i + 1], None)


def _verbless_signature(tail: Span) -> bool:
    """The dash's line names someone and says no more than where or how they spoke: no verb up to the first
    comma, and after it no finite verb, only a participle of the occasion ("― Mayor Colin Pryce, speaking at a
    campaign event", "― Ruth Varga, writing in the Courier"); "― Critics, however, argue that …" is a sentence."""
    comma = next((t.i for t in tail[1:] if t.text == ","), tail.end)
    before, after = tail.doc[tail.start + 1 : comma], tail.doc[comma : tail.end]
    return (not any(t.pos_ in ("VERB", "AUX") for t in before)
            and not any(t.pos_ in ("VERB", "AUX") and t.tag_ not in PARTICIPLE_TAGS for t in after))


def colon_introduction(doc: Doc, quote_start: int, cues: list[Cue]) -> Cue | None:
    """The cue of a quotation after a sentence ending in a colon: the sentence's last cue, else its
    subject, else the few verbless words that name someone ('More from the report:')."""
    colon = _colon_before(doc, quote_start)
    if colon is None:
        return None
    # not a cue in a relative clause: "Harriet_R posted this, which was the most useful thing anyone has
    # told me:" introduces Harriet_R's words
    in_sentence = [c for c in cues if colon.sent.start_char <= c.start < colon.idx and not _in_relative(c.token)]
    if in_sentence:
        return in_sentence[-1]
    lead = _lead(colon)
    source = _lead_subject(lead)
    if source is None:
        message = _message_lead(lead)
        if message is not None:
            return Cue(colon, ":", colon.idx, colon.idx + 1, message[0], None, via=message[1])
        source = _verbless_lead(lead)
    return Cue(colon, ":", colon.idx, colon.idx + 1, source, None) if source is not None else None


def _message_lead(lead: list[Token]) -> tuple[Span, Span | None] | None:
    """'A statement from the county's flood team, shared by the town council an hour ago:': a message noun
    heading a verbless lead names its sender after "from" (the mention runs to the sender's name); whoever
    passed it on ("shared by", "reposted by") is the channel."""
    if not lead or any(t.tag_ in FINITE_TAGS or t.tag_ == "MD" for t in lead):
        return None
    inside = {t.i for t in lead}
    noun = next((t for t in lead if t.head.i not in inside or t.head.i == t.i), None)
    if noun is None or noun.pos_ != "NOUN" or noun.lemma_.lower() not in MESSAGE_NOUNS:
        return None
    sender = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"
                   for g in c.children if g.dep_ == "pobj"), None)
    if sender is None:
        return None
    doc = noun.doc
    mention = doc[noun.left_edge.i : mention_span(sender).end]
    agents = [g for t in lead if t.dep_ == "agent" and t.head.tag_ == "VBN" for g in t.children if g.dep_ == "pobj"]
    return mention, (mention_span(agents[0]) if agents else None)


# Nouns of a message that a colon hands on: "A statement from the club:", "An update from the council's team:".
MESSAGE_NOUNS = frozenset("message statement update notice note post announcement letter email bulletin".split())


def _in_relative(tok: Token) -> bool:
    """Whether ``tok`` is in a relative clause."""
    return any(t.dep_ == "relcl" for t in (tok, *tok.ancestors))


def _colon_before(doc: Doc, quote_start: int) -> Token | None:
    text = doc_text(doc)
    i = quote_start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i == 0 or text[i - 1] != ":":
        return None
    span = doc.char_span(i - 1, i, alignment_mode="expand")
    return span[0] if span is not None else None


def _lead(colon: Token) -> list[Token]:
    """The words of the colon's sentence before it; none when they are a header ("Comments on:", "Photo:",
    "Read more:"), which names what follows, not who says it."""
    lead = [t for t in colon.sent if t.i < colon.i and not t.is_space]
    header = lead and lead[0].lower_ in HEADER_WORDS and lead[0].lower_ not in BYLINE_LEAD_INS
    return [] if header else lead


def _lead_subject(lead: list[Token]) -> Span | None:
    """The subject of the verb that heads the words before the colon ('Trump went even further:')."""
    inside = {t.i for t in lead}
    tops = [t for t in lead if t.head.i not in inside or t.head.i == t.i]
    for top in tops:
        subject = next((c for c in top.children if c.dep_ in SUBJECT_DEPS and c.i in inside), None)
        if subject is not None:
            return mention_span(subject)
    return None


def _inverted_lead(lead: list[Token]) -> Span | None:
    """'Stated Stone:', 'Continued Stone:': a speech verb and then its speaker."""
    if len(lead) < 2 or lead[0].lower_ not in INVERTED_LEAD_VERBS:
        return None
    rest = lead[1:]
    if all(t.pos_ == "PROPN" or t.text in (".",) for t in rest):
        return lead[0].doc[rest[0].i : rest[-1].i + 1]
    return None


def _byline(lead: list[Token]) -> Span | None:
    """'HEADLINE - Mark Blumenthal and Jon Cohen:', '… - More from the report:': the words after the last
    dash name the source when they are a few words with no verb."""
    dashes = [k for k, t in enumerate(lead) if t.text in DASHES or (t.text[0] in DASHES and t.text[1:].isalpha())]
    if not dashes:
        return None
    # "-More from Jones": the tokenizer may glue the dash to the word after it
    tail = lead[dashes[-1] + (1 if lead[dashes[-1]].text in DASHES else 0) :]
    if not tail or len(tail) > MAX_BYLINE_TOKENS or any(t.pos_ in ("VERB", "AUX") for t in tail):
        return None
    while tail and tail[0].lower_.lstrip("-—–") in BYLINE_LEAD_INS:
        tail = tail[1:]
    if not tail:
        return None
    return tail[0].doc[tail[0].i : tail[-1].i + 1]


def _verbless_lead(lead: list[Token]) -> Span | None:
    """'More from Blumenthal and Cohen:', 'From the report:': a few words with no verb, naming someone."""
    words = lead
    while words and words[0].lower_ in BYLINE_LEAD_INS:
        words = words[1:]
    if not words or len(lead) > MAX_BYLINE_TOKENS or any(t.pos_ in ("VERB", "AUX") for t in lead):
        return None
    if not any(t.pos_ in ("PROPN", "NOUN") for t in words):
        return None
    return words[0].doc[words[0].i : words[-1].i + 1]
