"""Attribution cues on the dependency parse: a speech verb, noun or "according to", with who and what.

A ``Cue`` is the skeleton of an attribution: the cue words, the grammatical source (the speaker mention as
written) and, when the parse gives one, the content clause. ``direct.py`` and ``reported.py`` turn cues
and quotation marks into Quotes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from quotetrace.extract.labels import HEADER_WORDS
from quotetrace.extract.senses import (
    CONTENT_RULES,
    DEMONSTRATIVES,
    FRAMED_VERBS,
    headline_source,
    lexical_frame,
    noun_sense,
    source_class,
    verb_sense,
)
from quotetrace.lexicon import (
    ATTITUDE_VERBS,
    BELIEF_ADJECTIVES,
    BELIEF_NOUNS,
    BELIEF_VERBS,
    CLAUSE_SPEECH_NOUNS,
    CUE_NOUNS,
    GROUP_MEMBER_NOUNS,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    QUESTION_VERBS,
    QUOTE_ONLY_VERBS,
    RELATIVE_PRONOUNS,
    REPORTING_ADVERBS,
    SAYING_ADJECTIVES,
    SPEECH_NOUNS,
    SPEECH_VERBS,
)
from quotetrace.model import ActType
from quotetrace.nlp import doc_text

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CLAUSE_DEPS = frozenset({"ccomp"})
CIRCUMSTANCE_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"})
CIRCUMSTANCE_NOUNS = frozenset(
    "interview statement rally speech conference email letter tweet post show program programme magazine "
    "newspaper radio television tv broadcast event meeting hearing debate forum night morning evening "
    "afternoon week day year month".split()
)
# A speech verb with no complement of its own frames the clause it hangs on: "as Smith observed, ..."
FRAMING_DEPS = frozenset({"advcl", "parataxis"})
OBJECT_DEPS = frozenset({"dobj", "xcomp", "attr", "oprd", "acomp", "prep", "dative"})
# Walking up from a non-finite cue ("..., adding that", "and said") to the clause that has the subject.
SHARED_SUBJECT_DEPS = frozenset({"conj", "xcomp", "advcl", "acl", "relcl", "pcomp", "prep", "acomp"})
PARTICLES = frozenset({"prt"})
CONTRAST_MARKS = frozenset({"while", "though", "although", "whereas"})
# when the saying happened, set against something else: "denied the charges after the hearing", "despite ..."
OCCASION_PREPS = frozenset({"during", "throughout", "amid", "at", "after", "before", "until", "despite"})
PRO_FORMS = frozenset({"so", "yes", "no"})
# What reports its findings through a prepositional phrase that opens the sentence: "In a new poll, …".
POLL_NOUNS = frozenset({"poll"})
# Words that open a question clause; "when" and "where" are left out, as after "asked" they are more often when
# and where the asking was ("asked about it when she visited").
QUESTION_OPENERS = frozenset("if whether why how what who whom which".split())
# ... and those of them that never open a relative clause of the person or body asked ("asked the man who …")
ASKED_OPENERS = frozenset("if whether why how".split())
MAX_SUBJECT_TOKENS = 14
DATELINE_DASHES = frozenset({"—", "–", "-", "--"})
# "VELGRAD, Feb 16 (Kestrel Wire) -": how far into its sentence a dateline's dash may come
MAX_DATELINE_TOKENS = 12
CLOSING_MARKS = frozenset("”\"’»'")
# Pronouns that open a content clause as its subject, and the prepositions of where and when it was said after
# which such a clause is no relative clause ("told reporters outside the court she had cried").
SUBJECT_PRONOUNS = frozenset("i we you he she they".split())
PLACE_PREPS = OCCASION_PREPS | frozenset({"outside", "inside", "in", "on", "near", "following"})
MAX_HEADLINE_SOURCE = 5
MAX_HEADLINE_WORDS = 25
SAYING_ADJECTIVE_VERBS = frozenset(verb for verb, _ in SAYING_ADJECTIVES)
# Nouns whose "is that …" gives what their owner said or holds: "her argument was that …".
COPULAR_CUE_NOUNS = SPEECH_NOUNS | CUE_NOUNS | BELIEF_NOUNS | CLAUSE_SPEECH_NOUNS


@dataclass(frozen=True, slots=True)
class Cue:
    """One attribution cue: the cue words, the source span (tokens) and the content span (chars)."""

    token: Token
    text: str
    start: int
    end: int
    subject: Span | None
    content: tuple[int, int] | None
    act: ActType = "speech"  # what the content is: said, believed, or a thing the source takes a stance on
    rate: float | None = None  # the learned table's cue rate, when the cue rests on the table alone
    frame: str = ""  # what carries the content: a verb's construction ("ccomp", "dobj", "prep:for"), "noun", ...
    via: Span | None = None  # the channel it reached the writer through ("according to the ministry")


def construction_of(verb: Token) -> str:
    """Which dependent carries a verb's content: its clause, object, infinitive or prepositional phrase."""
    deps = {c.dep_: c for c in verb.children if not _consequence_of(verb, c)}
    if "ccomp" in deps or _question_clause(verb) is not None or _clause_after_place(verb) is not None or (
            _that_clause(verb) is not None):
        return "ccomp"
    if verb.dep_ == "parataxis" or (verb.dep_ == "ccomp" and verb.i > verb.head.i and _set_off(verb)):
        return "para"
    if verb.dep_ == "ccomp" and verb.i > verb.head.i:
        return "clause"  # the content of the verb before it ("said he agrees"), seldom a cue itself
    for dep in ("dobj", "xcomp", "attr", "oprd", "acomp"):
        if dep in deps:
            return dep
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and not _circumstance(c)), None)
    if prep is not None and any(g.dep_ in ("pobj", "pcomp") for g in prep.children):
        return f"prep:{prep.lower_}"
    if _for_clause(verb) is not None:
        return "prep:for"  # "calling for his rivals to drop out", parsed as a clause marked by "for"
    return "none"


def _consequence_of(verb: Token, clause: Token) -> bool:
    """'Lakeland is considered the wettest county, so the claim drew laughter': a clause before the verb that
    "so", "thus" or "therefore" follows is what the verb's sentence is a consequence of, not its content."""
    if clause.dep_ != "ccomp":
        return False
    if clause.i > verb.i:
        return _result_of_degree(clause)
    # the word hangs on the verb, or opens what follows the clause after a comma whatever the parser hangs it on
    # ("…, so imported grain will not come cheap", with "so" taken into the subject)
    return any(t.lower_ in CONSEQUENCE_WORDS and (
        (t.head.i == verb.i and t.dep_ in ("advmod", "cc")) or verb.doc[t.i - 1].text in (",", ";"))
        for t in verb.doc[clause.right_edge.i + 1 : verb.i])


CONSEQUENCE_WORDS = frozenset("so thus therefore hence consequently".split())


def _result_of_degree(clause: Token) -> bool:
    """'rain that goes on so long the audience begins to shift': a clause right after "so" and an adjective or
    an adverb is the result of that degree, whatever verb the parser hangs it on, not a content clause."""
    k = clause.left_edge.i
    doc = clause.doc
    return k >= 2 and doc[k - 1].pos_ in ("ADJ", "ADV") and doc[k - 2].lower_ == "so"


def _question_clause(verb: Token) -> Token | None:
    """'Asked if he was ever bullied, …', 'asked Clinton whether …': the question a question verb reports, which
    the parser may hang on it as an adverbial clause instead of its object clause."""
    if verb.lemma_.lower() not in QUESTION_VERBS:
        return None
    clause = next((c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
                   and verb.doc[c.left_edge.i].lower_ in QUESTION_OPENERS), None)
    if clause is not None:
        return clause
    # 'asked the road office how many people had applied': or on whom it asks, as a relative clause, when no
    # relative pronoun opens it
    asked = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i), None)
    return None if asked is None else next(
        (r for r in asked.children if r.dep_ in ("relcl", "acl") and r.left_edge.lower_ in ASKED_OPENERS), None)


def _that_clause(verb: Token) -> Token | None:
    """'said, as quoted by a trade weekly, that other cities were “watching”': a clause with "that" and a subject
    of its own that the parser hangs on the verb as its open complement or adverbial clause (the phrase set off
    before it misleads it) is its content clause all the same. The "that" comes right after the verb or a comma,
    not after "so" or "now" ("left early so that …")."""
    for c in verb.children:
        if c.i < verb.i or c.dep_ not in ("xcomp", "advcl"):
            continue
        that = next((m for m in c.children if m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i), None)
        if that is None or not any(g.dep_ in SUBJECT_DEPS for g in c.children):
            continue
        before = verb.doc[that.i - 1]
        if before.i == verb.i or before.text == ",":
            return c
    return None


def _clause_after_place(verb: Token) -> Token | None:
    """'told reporters outside the court she had cried': the parser may hang the content clause, which has no
    "that", on the noun of where or when it was said, as a relative clause without a relative word. A speech
    verb's clause opened by a subject pronoun right after such a phrase is its content ("the court she had
    cried" is no noun phrase), as is one opened by a noun whose verb is complete (``_complete``)."""
    if verb.lemma_.lower() not in SPEECH_VERBS or any(c.dep_ == "ccomp" for c in verb.children):
        return None  # a clause of its own: "told the jury at the hearing she had attended that …"
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and c.lower_ in PLACE_PREPS):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            clause = next((r for r in pobj.children if r.dep_ == "relcl"), None)
            if clause is None or clause.left_edge.i != _phrase_end(pobj, clause) + 1:
                continue
            if _marked_by_that(clause):
                return clause  # "said before the premiere that the film began as …": the parser took it for a
                # relative clause, but its "that" only marks it and fills no gap
            subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.left_edge.i == clause.left_edge.i),
                           None)
            if subject is None:
                continue
            if subject.lower_ in SUBJECT_PRONOUNS or _complete(clause):
                return clause
    return None


def _marked_by_that(clause: Token) -> bool:
    """A clause opened by "that" as a mark (not as a relative pronoun, its subject or object) with a subject of
    its own after it."""
    first = clause.left_edge
    return first.lower_ == "that" and first.dep_ == "mark" and first.head.i == clause.i and any(
        c.dep_ in SUBJECT_DEPS and c.i > first.i for c in clause.children)


def _complete(clause: Token) -> bool:
    """A clause with its own object or complement has no gap for a relative word to fill: "said in a written
    statement the company was “disappointed”" (content) against "in the statement the company issued"."""
    return any(c.dep_ in ("dobj", "attr", "acomp", "ccomp", "oprd") for c in clause.children)


def _phrase_end(noun: Token, clause: Token) -> int:
    """Where a noun's phrase ends before ``clause``, one of its dependents."""
    return max([noun.i, *(t.i for c in noun.children if c.i != clause.i and c.i < clause.i for t in c.subtree)])


def _for_clause(verb: Token) -> Token | None:
    return next(
        (c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and any(
            m.dep_ == "mark" and m.lower_ == "for" and m.i == verb.i + 1 for m in c.children)),
        None,
    )


def _pro_form(verb: Token) -> Token | None:
    """"said so", "said yes": a word right after the verb that stands for what was said."""
    if verb.i + 1 >= len(verb.doc):
        return None
    nxt = verb.nbor(1)
    return nxt if nxt.head.i == verb.i and nxt.lower_ in PRO_FORMS else None


def _set_off(verb: Token) -> bool:
    """"The plan will fail, she said": the attribution is set off by a comma or a quotation mark, which
    the content clause of "said he agrees" is not."""
    i = verb.left_edge.i - 1
    return i >= 0 and (verb.doc[i].is_punct or verb.doc[i].is_quote)


def _circumstance(prep: Token) -> bool:
    """"on Tuesday", "in Ohio", "at a rally", "to reporters": when, where and to whom, not what."""
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if pobj is None:
        return False
    if pobj.ent_type_ in CIRCUMSTANCE_ENTS:
        return True
    if pobj.lemma_.lower() in CIRCUMSTANCE_NOUNS:
        return prep.lower_ != "for"  # said at a debate, but called for one
    return prep.lower_ == "to" and pobj.pos_ in ("PRON", "PROPN")


def cue_key(tok: Token) -> str | None:
    """The learned table's key for a verb or noun: "lemma|construction" ("n:" before nouns)."""
    if tok.pos_ in ("VERB", "AUX"):
        return f"{tok.lemma_.lower()}|{construction_of(tok)}"
    if tok.pos_ == "NOUN":
        return f"n:{tok.lemma_.lower()}|{noun_construction_of(tok)}"
    return None


def noun_construction_of(noun: Token) -> str:
    """What carries a noun's content: "her call for a ban" (prep:for), "a plan to leave" (acl)."""
    for child in noun.children:
        if child.dep_ == "prep" and child.i > noun.i and any(g.dep_ in ("pobj", "pcomp") for g in child.children):
            return f"prep:{child.lower_}"
        if child.dep_ in ("acl", "ccomp") and child.i > noun.i:
            return "acl"
    return "none"


def find_cues(
    doc: Doc, learned: Mapping[str, float] | None = None, without_senses: frozenset[str] = frozenset()
) -> list[Cue]:
    """Every attribution cue in ``doc``, in text order.

    A verb is a candidate when it is a speech verb with a clause (``lexicon.SPEECH_VERBS``), or when
    ``learned`` (see ``cue_model``) gives its (lemma, construction) a high enough probability of being one;
    it is a cue when its use is a communicative or cognitive one (``senses``, less the rules named in
    ``without_senses``), which also gives the act it reports.
    """
    off = without_senses
    cues: list[Cue] = []
    # the lemmas that can be cues at all: most tokens are none, and need no construction worked out
    learned_lemmas = {key.split("|")[0] for key in learned} if learned is not None else set()
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.text == ":":
            cue = _headline_cue(doc, tok)
            if cue is not None and cue.subject is not None and headline_source(cue.subject, off):
                cues.append(cue)
        elif tok.dep_ == "acomp" and tok.lower_ in BELIEF_ADJECTIVES:
            # "she is convinced that …", "dive operators are worried that …", whatever the tagger calls them
            cue = _adjective_cue(doc, tok)
            if cue is not None:
                cues.append(cue)
        elif tok.dep_ == "amod" and tok.lower_ in BELIEF_ADJECTIVES:
            cue = _modifier_adjective_cue(doc, tok)
            if cue is not None:
                cues.append(cue)
        elif tok.lower_ == "according":
            cue = _according_cue(doc, tok) if _according_to(tok) is not None else None
            if cue is not None:
                cues.append(cue)
        elif tok.lower_ in REPORTING_ADVERBS and tok.dep_ == "advmod":
            cue = _reporting_adverb_cue(doc, tok)
            if cue is not None:
                cues.append(cue)
        elif tok.lower_ == "in" and tok.dep_ == "prep":
            cue = _words_of_cue(doc, tok) or _poll_cue(doc, tok)
            if cue is not None:
                cues.append(cue)
        elif tok.pos_ in ("VERB", "AUX"):
            cue = _saying_adjective_cue(doc, tok) if lemma in SAYING_ADJECTIVE_VERBS else None
            if cue is None:
                if lemma not in learned_lemmas and lemma not in SPEECH_VERBS and lemma not in QUOTE_ONLY_VERBS and (
                        lemma not in FRAMED_VERBS):
                    continue
                cue = _sensed_verb_cue(doc, tok, lemma, learned, off)
            if cue is not None:
                cues.append(cue)
        elif tok.pos_ == "NOUN" and _verb_taken_for_noun(tok):
            cue = _verb_taken_for_noun_cue(doc, tok)
            if cue is not None:
                cues.append(cue)
        elif tok.pos_ == "NOUN" and tok.tag_ in ("NN", "NNS") and (cue := _headline_verb_cue(doc, tok)) is not None:
            cues.append(cue)
        elif tok.pos_ == "NOUN":
            cue = _noun_cue(doc, tok) if lemma in SPEECH_NOUNS or lemma in CLAUSE_SPEECH_NOUNS else None
            if cue is None and lemma in COPULAR_CUE_NOUNS:
                cue = _copular_noun_cue(doc, tok)
            key = cue_key(tok) if cue is None and f"n:{lemma}" in learned_lemmas else None
            rate = learned.get(key) if key is not None and learned is not None else None
            if rate is not None:
                cue = _learned_noun_cue(doc, tok)
                cue = None if cue is None else replace(cue, rate=rate)
            sense = noun_sense(tok, cue.frame, off) if cue is not None else None
            if cue is not None and sense is not None and sense.act is not None:
                cues.append(replace(cue, act=sense.act))
    return [c for c in cues if c.subject is None or not negative_quantifier(c.subject)]


def negative_quantifier(mention: Span) -> bool:
    """"nobody else", "no one", "none of them", "nothing": a mention that says no one spoke, never a source
    ("a notebook nobody else may read" attributes nothing to anyone)."""
    root = mention.root
    return root.lower_ in NEGATIVE_QUANTIFIERS or (
        root.lower_ in ("one", "body") and any(c.lower_ == "no" and c.i < root.i for c in root.children))


NEGATIVE_QUANTIFIERS = frozenset({"nobody", "none", "nothing", "no-one", "noone"})


def _sensed_verb_cue(
    doc: Doc, verb: Token, lemma: str, learned: Mapping[str, float] | None, off: frozenset[str]
) -> Cue | None:
    """The cue of a candidate verb, with the act its use reports; None when its use reports nothing."""
    construction = construction_of(verb)
    rate = learned.get(f"{lemma}|{construction}") if learned is not None else None
    framing = construction in ("ccomp", "para") or (construction == "none" and verb.dep_ in FRAMING_DEPS)
    said = lemma in SPEECH_VERBS or lemma in QUOTE_ONLY_VERBS
    if lemma in SPEECH_VERBS and framing:
        cue = _verb_cue(doc, verb, lemma, construction)
    elif rate is not None:
        cue = replace(_verb_cue(doc, verb, lemma, construction), rate=rate)
    elif lexical_frame(verb, lemma, construction):
        # "welcomed the ban", "vowed to fight on": the lexicon knows the frame without the table
        cue = _verb_cue(doc, verb, lemma, construction)
    elif said:
        # "“Who will pay?” the mayor asked.": a cue for the quotation beside it, with no clause
        cue = _verb_cue(doc, verb, lemma, None)
    else:
        return None
    sense = verb_sense(verb, construction, cue.subject, off)
    if sense.act is not None:
        return replace(cue, act=sense.act)
    if said and sense.rule in CONTENT_RULES:
        # "“…,” she told reporters": what follows the verb is no content, but the verb attributes the quotation
        return replace(cue, content=None, rate=None, act="belief" if lemma in BELIEF_VERBS else "speech")
    return None


def _saying_adjective_cue(doc: Doc, verb: Token) -> Cue | None:
    """"Made clear that the bridge stays shut", "has made it plain she will not resign": the verb and its
    adjective say what the clause holds, whatever the verb says alone. Not "this makes clear that …" (the
    writer's inference), nor "made clear his opposition" (no clause)."""
    lemma = verb.lemma_.lower()
    adjective = next((c for c in verb.children if c.i > verb.i and (lemma, c.lower_) in SAYING_ADJECTIVES), None)
    if adjective is None:
        return None
    # the parser hangs the clause on the verb ("made clear that …") or on the adjective ("made it clear that …")
    clause = next((c for c in [*verb.children, *adjective.children] if c.i > adjective.i
                   and (c.dep_ == "ccomp" or (c.dep_ == "advcl" and c.head.i == adjective.i))
                   and any(g.dep_ in SUBJECT_DEPS for g in c.children)), None)
    subject = subject_of(verb)
    if clause is None or (subject is not None and len(subject) == 1 and subject.root.lower_ in DEMONSTRATIVES):
        return None
    content = _clause_chars(verb, [clause])
    if content is None:
        return None
    end = adjective.idx + len(adjective)
    return Cue(verb, doc_text(doc)[verb.idx : end], verb.idx, end, subject, content, frame="ccomp")


def _adjective_cue(doc: Doc, adjective: Token) -> Cue | None:
    """"She is convinced (that) the closures would …", "Dive operators are worried that …": a belief."""
    clause = next((c for c in adjective.children if c.dep_ == "ccomp" and c.i > adjective.i), None)
    if clause is None:
        clause = _clause_above(adjective)
    if clause is None:
        return None
    content = _clause_chars(adjective, [clause])
    if content is None:
        return None
    subject = subject_of(adjective.head)
    end = adjective.idx + len(adjective)
    return Cue(adjective, adjective.text, adjective.idx, end, subject, content, act="belief", frame="ccomp")


def _modifier_adjective_cue(doc: Doc, adjective: Token) -> Cue | None:
    """"Beaufort is confident complaint numbers will fall", "she is convinced the repairs are an excuse": with no
    "that", the parser may read the adjective as a modifier of the clause's subject ("confident … numbers") and
    hang the clause on "be". An adjective right after "be" (an adverb between at most) is the belief all the
    same, and the clause whose subject it was hung on is its content."""
    k = adjective.i - 1
    if k >= 0 and adjective.doc[k].pos_ == "ADV":
        k -= 1
    be = adjective.doc[k] if k >= 0 else None
    noun = adjective.head
    clause = noun.head
    if be is None or be.lemma_ != "be" or noun.i <= adjective.i or noun.dep_ not in SUBJECT_DEPS:
        return None
    if clause.dep_ != "ccomp" or clause.head.i != be.i or clause.i <= noun.i:
        return None
    content = _clause_chars(adjective, [clause])
    if content is None:
        return None
    end = adjective.idx + len(adjective)
    return Cue(adjective, adjective.text, adjective.idx, end, subject_of(be), content, act="belief", frame="ccomp")


def _clause_above(adjective: Token) -> Token | None:
    """"The tenants are worried the repairs will never end": with no "that", the parser may make the content the
    sentence's root and hang "The tenants are worried" on it as its clause. The content is what follows the
    adjective, when it follows with no comma."""
    copula = adjective.head
    root = copula.head
    following = adjective.nbor(1) if adjective.i + 1 < len(adjective.doc) else None
    if copula.dep_ != "ccomp" or root.i <= adjective.i or following is None or following.is_punct:
        return None
    return root if following.i not in {t.i for t in copula.subtree} else None


def _verb_cue(doc: Doc, verb: Token, lemma: str, construction: str | None) -> Cue:
    """The cue of ``verb``; with its content when ``construction`` (``construction_of(verb)``) is given."""
    words = [verb, *(c for c in verb.children if c.dep_ in PARTICLES)]
    start = min(w.idx for w in words)
    end = max(w.idx + len(w) for w in words)
    subject = None if _asked_unasking(verb) else subject_of(verb)
    content = _verb_content(verb, construction) if construction is not None else None
    if content and subject is not None and subject.start_char < content[1] and content[0] < subject.end_char:
        content = None  # the "object" was the speaker of an inverted attribution
    return Cue(verb, doc_text(doc)[start:end], start, end, subject, content, frame=construction or "")


def _asked_unasking(verb: Token) -> bool:
    """'She was asked whether …', 'Asked if he was ever bullied, the candidate said no': who was asked is no
    source, and without an agent ('asked by a caller') the text names none. So with who was told, warned or
    assured: 'She tried to leave but was told she would lose her deposit' names the hearer, not the speaker."""
    lemma = verb.lemma_.lower()
    if lemma not in QUESTION_VERBS and not (lemma in HEARER_PASSIVE_VERBS and _told_what(verb)):
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    # the participle that opens a sentence: "Asked about …, she said"
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


# Verbs whose passive subject is the one addressed: "was told", "were informed", "had been warned".
HEARER_PASSIVE_VERBS = frozenset("tell inform assure warn advise notify".split())


def _told_what(verb: Token) -> bool:
    """The hearer was told something, in a clause after the verb ("was told she would have to pay", "was told to
    leave"); not "got told off" (scolded, with nothing reported)."""
    return not any(c.dep_ == "prt" for c in verb.children) and any(
        c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children)


def _verb_content(verb: Token, construction: str) -> tuple[int, int] | None:
    if construction == "ccomp":
        # "…: He said he’s raised $100,000" may come with the clause before the colon as a second clause
        clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS and not _comment_on_it(c)]
        clauses += [c for c in [_question_clause(verb), _clause_after_place(verb), _that_clause(verb)] if c is not None]
        if not clauses:
            return None
        heads = [c for c in clauses if c.i > verb.i] or clauses
        return _clause_chars(verb, heads + _second_that_clause(verb, heads[0]))
    pro_form = _pro_form(verb)
    if pro_form is not None:
        return pro_form.idx, pro_form.idx + len(pro_form)
    if construction == "none":
        if verb.dep_ in FRAMING_DEPS and verb.lemma_.lower() in SPEECH_VERBS:
            inside = {t.i for t in verb.subtree}
            return trim_chars(verb.doc, [t for t in _without_dateline(verb.sent) if t.i not in inside])
        return _fronted_content(verb) or _passive_content(verb)
    if construction != "para":
        # objects, infinitives and prepositional phrases after the verb ("called for a ban on ..."), but not
        # when and where it was said after the object ("praised the reporter at a press conference")
        after = [c for c in verb.children if c.i > verb.i and c.dep_ in OBJECT_DEPS] or [
            c for c in [_for_clause(verb)] if c is not None]
        # ... nor before an object that follows ("agreed on Friday to freeze the assets")
        objects_later = any(c.dep_ != "prep" for c in after[1:])
        after = [c for k, c in enumerate(after) if (k == 0 and not objects_later) or not _said_when_or_where(c)]
        after += [c for c in [_object_infinitive(verb, after)] if c is not None]
        after += _coordinated_infinitives(verb, after)
        return _clause_chars(verb, after) if after else None
    # "The plan will fail, she said." parsed with "said" hanging off "fail": the rest of the sentence
    inside = {t.i for t in verb.subtree}
    return trim_chars(verb.doc, [t for t in _without_dateline(verb.sent) if t.i not in inside])


def _second_that_clause(verb: Token, clause: Token) -> list[Token]:
    """'said the port would reopen, but that the fees would rise': the parser may hang the second content
    clause on the verb as a conjunct; with it come the comma and conjunction that join the two."""
    if clause.i < verb.i:
        return []
    second = next((c for c in verb.children if c.dep_ == "conj" and c.i > clause.i and any(
        m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if second is None:
        return []
    joints = [c for c in verb.children if c.dep_ in ("cc", "punct") and clause.right_edge.i < c.i < second.left_edge.i]
    return [*joints, second]


def _comment_on_it(clause: Token) -> bool:
    """'…, which, as everyone here knows, means never': a clause whose subject is "which" after a comma is
    the writer's comment on what was said, though the parser may hang it on the cue as a second clause. A
    "which" before the cue is the relative clause the cue sits in ("the grants, which the auditors said were
    wasted"): what follows the cue is its content (``_clause_chars``)."""
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.lower_ != "which" or subject.i < clause.head.i:
        return False
    i = subject.i - 1
    while i > 0 and subject.doc[i].is_quote:  # ("… budget allowing,” which …")
        i -= 1
    return subject.doc[i].text == ","


def _passive_content(verb: Token) -> tuple[int, int] | None:
    """'The meeting was first reported by Politico': in a passive with its agent, the subject is what was
    said; the agent said it."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if agent is None or subject is None or subject.lower_ in RELATIVE_PRONOUNS:
        return None
    return trim_chars(verb.doc, [t for t in subject.subtree if t.i < verb.i])


def _fronted_content(verb: Token) -> tuple[int, int] | None:
    """'VELGRAD — The harbour will stay closed, the ministry said.': the parser may hang the fronted content
    on the dateline; when a speech verb ends its sentence right after its subject, and a comma ends what
    comes before that subject, what comes before is the content."""
    if verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    sent = _without_dateline(verb.sent)
    if subject is None or subject.left_edge.i - 1 <= sent.start or verb.doc[subject.left_edge.i - 1].text != ",":
        return None
    if any(not t.is_punct for t in verb.doc[verb.i + 1 : verb.sent.end]):
        return None
    return trim_chars(verb.doc, list(verb.doc[sent.start : subject.left_edge.i - 1]))


def _without_dateline(sent: Span) -> Span:
    """"CAMBRIDGE, Mass., Dec. 11 (UPI) — Young voters are …, a new poll indicates": the dateline is no
    part of what the poll says."""
    if not len(sent) or not (sent[0].text.isupper() and len(sent[0].text) > 2):
        return sent
    dash = next((t.i for t in sent[:MAX_DATELINE_TOKENS] if t.text in DATELINE_DASHES), None)
    return sent if dash is None else sent.doc[dash + 1 : sent.end]


def _clause_chars(verb: Token, heads: list[Token]) -> tuple[int, int] | None:
    """The content carried by ``heads``, without what the parser hangs on it but the speaker did not say:
    another attribution ("…, and 4 in 10 said …"), a participle after a comma ("…, putting them ahead"),
    or a contrast ("…, while others want …"). The block kept is the one that starts the content."""
    # "said they were worried, and 4 in 10 said …": the second attribution may be parsed as a second clause;
    # a bare infinitive has no speaker of its own ("urged the council to find a compromise" is one content)
    heads = [h for k, h in enumerate(heads) if k == 0 or h.lemma_.lower() not in SPEECH_VERBS or h.tag_ == "VB"
             or h.dep_ in ("cc", "punct") or _no_speaker_of_its_own(h)]
    opening = _without_dateline(verb.sent).start
    tokens = [t for t in _subtree_tokens(heads) if t.i >= opening]
    if all(h.i > verb.i for h in heads) and any(t.i > verb.i for t in tokens):
        # "the grants, which the auditors said were wasted": the relative pronoun the parser hangs on the
        # content comes before the cue; what was said is what follows it
        tokens = [t for t in tokens if t.i > verb.i]
    if not tokens:
        return None
    cut = {t.i for head in heads for d in head.subtree if d.i != head.i and (_detached(d) or _speaker_goes_on(verb, d))
           for t in d.subtree}
    last = max(t.i for t in tokens)
    for head in heads:
        for d in head.subtree:
            if _aside(d) and d.right_edge.i >= last - 1 and not _praised_quality(verb, d):
                cut.update(t.i for t in d.subtree)
    kept = [t for t in tokens if t.i not in cut]
    if not kept:
        return None
    run = [kept[0]]
    for t in kept[1:]:
        if t.i != run[-1].i + 1:
            break
        run.append(t)
    while len(run) > 1 and (run[-1].dep_ == "cc" or (run[-1].is_punct and not run[-1].is_quote)):
        run.pop()
    return trim_chars(verb.doc, _after_set_off_phrase(verb, run))


def _after_set_off_phrase(verb: Token, run: list[Token]) -> list[Token]:
    """'said, as quoted by a trade weekly, that …', 'said, according to the minutes, that …': a phrase set off
    by commas between the verb and the "that" of its clause is how or where it was said, not what; the
    content starts at the "that"."""
    doc = verb.doc
    if not run or run[0].i <= verb.i or doc[run[0].i - 1].text != ",":
        return run
    that = next((t for t in run[1:] if t.lower_ == "that" and t.dep_ == "mark"), None)
    if that is None or doc[that.i - 1].text != "," or that.head.i not in {t.i for t in run}:
        return run
    return [t for t in run if t.i >= that.i]


def _object_infinitive(head: Token, objects: list[Token]) -> Token | None:
    """'defended his call to raise the minimum wage', 'remembered her as hard to beat', 'faulted him for not
    doing more to help': the parser hangs the object's infinitive on ``head``, the verb (or cue noun), as if
    it were its purpose, when it follows the object, or a phrase after it, with no comma between."""
    if not objects or objects[-1].dep_ not in ("dobj", "prep"):
        return None
    edge = objects[-1].right_edge.i
    return next(
        (c for c in head.children if c.dep_ == "advcl" and c.left_edge.i == edge + 1 and c.left_edge.lower_ == "to"),
        None,
    )


def _coordinated_infinitives(verb: Token, objects: list[Token]) -> list[Token]:
    """'pledged to cut the fees, dredge the harbour and build a pier': the parser may hang the bare
    infinitives that go on with an infinitive content on the cue verb as its own conjuncts, which a finite
    verb cannot have ("pledged … dredge"); with them come the commas and conjunctions that join them."""
    if not objects or verb.tag_ == "VB" or not any(
            t.tag_ == "VB" and any(a.lower_ == "to" and a.dep_ == "aux" for a in t.children)
            for o in objects for t in o.subtree):
        return []
    edge = max(o.right_edge.i for o in objects)
    out: list[Token] = []
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.i > edge):
        joints = list(verb.doc[edge + 1 : conj.left_edge.i])
        if conj.tag_ != "VB" or any(g.dep_ in SUBJECT_DEPS or g.dep_ == "aux" for g in conj.children) or not all(
                t.head.i == verb.i and t.dep_ in ("cc", "punct") for t in joints):
            break
        out += [*joints, conj]
        edge = conj.right_edge.i
    return out


def _said_when_or_where(prep: Token) -> bool:
    """A prepositional phrase that places the saying, not the said: "during the debate", "at a rally"; "as"
    is what the object is said to be ("portrayed him as a selfish titan")."""
    return prep.dep_ == "prep" and prep.lower_ != "as" and (prep.lower_ in OCCASION_PREPS or _circumstance(prep))


def _detached(tok: Token) -> bool:
    """A clause inside a content clause that is not part of what was said (see ``_clause_chars``)."""
    if tok.pos_ not in ("VERB", "AUX") or tok.i == 0:
        return False
    after_comma = _after_comma(tok.left_edge)
    if tok.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
        return False  # "says X, and that Y": a second content clause of the same verb
    if tok.dep_ == "conj":
        # "said the vote was rushed, and support would have been higher": a clause with a subject of its own
        # after the comma is still what was said (PolNeAR train: 53 of 65 such clauses are content)
        has_subject = any(c.dep_ in SUBJECT_DEPS for c in tok.children)
        # ... and so is a speech verb under a modal: "said it was reviewing complaints and would publish its
        # findings" (the board has not published; the modal is the reported future)
        modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children)
        return ((tok.lemma_.lower() in SPEECH_VERBS and not modal and not _no_speaker_of_its_own(tok))
                or (after_comma and tok.tag_ == "VBG" and not has_subject)
                or (not has_subject and _beside_the_modal(tok)))
    if tok.dep_ == "advcl" and after_comma:
        marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
        return (tok.tag_ == "VBG" and not marks) or bool(marks & CONTRAST_MARKS)
    return tok.dep_ == "advcl" and _reports_of_its_own(tok)


def _reports_of_its_own(clause: Token) -> bool:
    """"say they are being pushed out after the landlord told them charges would double": an adverbial clause
    of time or reason that holds an attribution of its own in the simple past (a speech verb with its subject
    and its content clause) tells what happened before the speaker spoke, and is a statement of its own; the
    outer content ends before it. Not a condition inside what was said, in a reported future or in the past
    perfect ("said the work could not begin until engineers had confirmed the line was safe")."""
    if not any(c.dep_ == "mark" and c.i < clause.i and c.lower_ in OCCASION_MARKS for c in clause.children):
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in FUTURE_MODALS for c in clause.head.children):
        return False  # "would reopen after engineers said it was safe": the condition is part of what was said
    return any(t.pos_ == "VERB" and t.tag_ == "VBD" and t.lemma_.lower() in SPEECH_VERBS
               and t.lemma_.lower() not in COGNITION_LEMMAS
               and not any(c.dep_ in ("aux", "auxpass") for c in t.children)
               and any(c.dep_ == "nsubj" for c in t.children) and any(c.dep_ == "ccomp" for c in t.children)
               for t in clause.subtree)


# What opens a clause of what happened before someone spoke: "after the landlord told them …".
OCCASION_MARKS = frozenset({"after", "because", "since", "when", "once"})
# Modals of a reported future or a backshifted one ("can" and "must" tell of the present).
FUTURE_MODALS = frozenset("will would could might may shall should 'll 'd wo".split())


# Verbs of thinking, which a clause of time or reason may hold without a statement of its own ("after he
# realised the road was shut").
COGNITION_LEMMAS = frozenset("think believe feel know realise realize understand learn hear see notice".split())


def _no_speaker_of_its_own(verb: Token) -> bool:
    """A speech verb whose subject says no one spoke or refers back: "received nine complaints, none of which
    described fraud" goes on with the content it stands in (no attribution of its own)."""
    return any(c.dep_ in SUBJECT_DEPS and (negative_quantifier(c.doc[c.i : c.i + 1]) or any(
        t.lower_ in ("which", "whom") for t in c.subtree)) for c in verb.children)


def _speaker_goes_on(verb: Token, conj: Token) -> bool:
    """'The wardens said they had full trust in the chief and praised the volunteers': a stance verb joined to
    the reported clause, in the past with no subject or auxiliary of its own, whose clause's subject cannot
    speak or is a pronoun for the speaker, is what the speaker went on to do, not what they said. A verb of
    saying is cut as it is (``_detached``); with a speaker of its own in the clause ("said the minister had
    met the wardens and praised them") the stance is the minister's, reported."""
    if conj.dep_ != "conj" or conj.tag_ != "VBD" or not _act_of_speaking(conj) or any(
            c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in conj.children):
        return False
    clause = conj.head
    inner = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    if inner is None:
        return False
    if not _speaking_subject(clause):
        return True
    outer = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return outer is not None and _same_number_pronoun(inner, outer)


def _same_number_pronoun(pronoun: Token, speaker: Token) -> bool:
    """"they" for a plural speaker, "he", "she" or "it" for a single one."""
    word = pronoun.lower_
    plural = speaker.tag_ in ("NNS", "NNPS") or speaker.lower_ in ("they", "we")
    if word == "they":
        return plural
    return word in ("he", "she", "it") and not plural and speaker.lower_ not in ("i", "you")


def _beside_the_modal(conj: Token) -> bool:
    """'reminded the jury they must not read reports of the trial and adjourned the hearing': a past or present
    verb cannot share the modal of the bare verb it is hung on ("must … read"), so it goes on with the cue."""
    head = conj.head
    # a form the bare verb does not share: "adjourned", "left", not "cut" or "put" ("would close … and cut")
    return (conj.tag_ in ("VBD", "VBZ") and conj.lower_ != conj.lemma_.lower() and head.tag_ == "VB"
            and any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children))


def _aside(tok: Token) -> bool:
    """A non-restrictive relative clause or an object's apposition closing the content: "praised Jeb Bush,
    who dropped out …", "backing Bush, the former Florida governor" (what the writer adds about the
    object, not what was said)."""
    if not _after_comma(tok.left_edge):
        return False
    if tok.lower_ == "according":  # "said that …, according to exit polls": a second attribution
        return True
    return tok.dep_ == "relcl" or (tok.dep_ == "appos" and tok.head.dep_ in ("dobj", "pobj"))


def _praised_quality(verb: Token, clause: Token) -> bool:
    """'praised the dialogue, which is spare, funny and often cruel': a relative clause that only gives the
    object's qualities ("be" and adjectives) after a verb of attitude is what the stance holds of it, not the
    writer's aside ("praised the crew, which rescued two walkers" is one)."""
    if verb.lemma_.lower() not in ATTITUDE_VERBS or clause.dep_ != "relcl" or clause.lemma_ != "be":
        return False
    if clause.head.dep_ != "dobj" or clause.head.head.i != verb.i:
        return False
    kinds = {c.dep_ for c in clause.children}
    adjective = any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in clause.children)
    return adjective and kinds <= {"nsubj", "acomp", "advmod", "neg", "punct"}


def _after_comma(tok: Token) -> bool:
    """``tok`` follows a comma, or a comma and a conjunction (", and more than 4 in 10 said")."""
    i = tok.i - 1
    if i >= 0 and tok.doc[i].dep_ == "cc":
        i -= 1
    return i >= 0 and tok.doc[i].text in (",", ";", "—", "–")


def subject_of(tok: Token) -> Span | None:
    """The grammatical subject of ``tok``'s clause, walking up shared-subject constructions."""
    seen: set[int] = set()
    cur: Token | None = tok
    while cur is not None and cur.i not in seen:
        seen.add(cur.i)
        # a passive's agent said it: "The meeting was first reported by Politico"
        agent = next((c for c in cur.children if c.dep_ == "agent"), None)
        pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        if pobj is not None:
            return mention_span(pobj)
        # "Under cross-examination, Mbeki asked …": the parser may take a hyphen for a second subject
        subjects = [c for c in cur.children if c.dep_ in SUBJECT_DEPS and any(ch.isalnum() for ch in c.text)
                    ] or _misplaced_subjects(cur)
        if subjects:
            # "LONDON (Reuters) - Donald Trump said": the dateline may be parsed as a second subject
            subject = next((c for c in subjects if _dateline_dash(c) is None and not _clause_before(c, subjects)),
                           subjects[0])
            return mention_span(_after_contrast(subject))  # "who" stays as written; attribute/ resolves it
        inverted = _inverted_subject(cur)
        if inverted is not None:
            return inverted
        participle = _participle_root_subject(cur)
        if participle is not None:
            return participle
        if cur.dep_ == "agent":
            break
        if cur.dep_ in SHARED_SUBJECT_DEPS and cur.head.i != cur.i:
            if cur.dep_ in ("acl", "relcl") and cur.head.pos_ in ("NOUN", "PROPN", "PRON"):
                # "a statement saying ...", "Smith, who said ...": the noun is the source
                return mention_span(cur.head)
            cur = _past_reported_clause(cur)
            continue
        break
    return None


def _clause_before(subject: Token, subjects: list[Token]) -> bool:
    """"Most were about noise, but the inspector's report singles out …": the parser may hang a clause that a
    comma and a coordinator end on the verb of the next one, as a second subject; the subject after the
    coordinator is the verb's."""
    later = [s for s in subjects if s.i > subject.i]
    return bool(later) and any(
        c.dep_ == "cc" and c.i > subject.i and c.i < later[0].i and c.i > 0 and subject.doc[c.i - 1].text in (",", ";")
        for c in subject.children)


def _after_contrast(subject: Token) -> Token:
    """"Most concerned leaks and delays, but the survey singles out …": the parser may coordinate the noun
    phrase of a clause that ", but" ends with the verb's subject; the subject is the phrase after it."""
    cc = next((c for c in subject.children if c.dep_ == "cc" and c.lower_ in CONTRAST_CCS and c.i > subject.i
               and subject.doc[c.i - 1].text in (",", ";")), None)
    if cc is None:
        return subject
    return next((c for c in subject.children if c.dep_ == "conj" and c.i > cc.i), subject)


CONTRAST_CCS = frozenset({"but", "yet"})


def _past_reported_clause(verb: Token) -> Token:
    """Where a shared subject is looked for next. "Ferreira said the result showed X and urged Y": the parser
    hangs the speech verb "urged" inside what Ferreira said; while the clauses it sits in have subjects that
    say nothing (a result, an instrument), it shares the subject of the verb that reports them. So does a
    participle after them: "Sound Link said its profit fell, blaming the fuel bill" (the profit blames nothing)."""
    head = verb.head
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
    if not (participle or (verb.dep_ == "conj" and _act_of_speaking(verb))):
        return head
    clause = head
    while clause.dep_ == "ccomp" and not _speaking_subject(clause):
        clause = clause.head
    if clause is head:
        return head
    # a speech verb above says what it reports, whatever its subject is ("The Orrin branch of the union said
    # that jobs were at risk and demanded talks": the jobs demand nothing)
    return clause if _speaking_subject(clause) or clause.lemma_.lower() in SPEECH_VERBS else head


def _act_of_speaking(verb: Token) -> bool:
    """A verb of saying, or of taking a stance in words: "urged", "demanded", "praised", "thanked"."""
    lemma = verb.lemma_.lower()
    return lemma in SPEECH_VERBS or lemma in ATTITUDE_VERBS or lemma in ADDRESSING_VERBS


# Verbs that address someone in words, as a stance does: "thanked the staff", "apologised to residents".
ADDRESSING_VERBS = frozenset("thank apologise apologize congratulate".split())


def _speaking_subject(verb: Token) -> bool:
    """The verb's subject can say something: a name, a person, a group or an organisation."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return False
    if subject.pos_ in ("PROPN", "PRON") or subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    noun = subject.lemma_.lower()
    return noun in PERSON_NOUNS or noun in GROUP_MEMBER_NOUNS or noun in ORGANISATION_NOUNS


def _misplaced_subjects(verb: Token) -> list[Token]:
    """Subjects the parser hung elsewhere before the verb: on its auxiliary ("The judge is convinced …"), in
    a clausal subject ("Majorities of voters going to the polls said …"), on a participle it took for a clause
    ("A letter from her, read aloud by the director, said …"), or as a number ("About 4 in 10 say …")."""
    before = [c for c in verb.children if c.i < verb.i]
    for c in before:
        # set off by commas, with no auxiliary of its own ("read" may be tagged VB; "has lifted" is a clause)
        participle = (c.dep_ == "ccomp" and verb.doc[verb.i - 1].text == "," and c.i > 0
                      and verb.doc[c.i - 1].text == ","
                      and (c.tag_ == "VBN" or any(g.dep_ == "agent" for g in c.children))
                      and not any(g.dep_ in ("aux", "auxpass") for g in c.children))
        if c.dep_ in ("aux", "auxpass", "csubj") or participle:
            found = [g for g in c.children if g.dep_ in SUBJECT_DEPS and g.i < c.i]
            if found:
                return found
    # "At the shelter in the town of Harsk, Ida Koval, 67, said": a person set in apposition to the place;
    # "At a meeting in the library, the treasurer, Agnes Mott, said": a role whose holder is named beside it
    named = [t for c in before if c.dep_ == "prep" for t in c.subtree
             if t.dep_ == "appos" and t.head.dep_ == "pobj" and (t.ent_type_ == "PERSON" or any(
                 g.dep_ == "appos" and g.ent_type_ == "PERSON" for g in t.children))]
    if named:
        return named[-1:]
    return [c for c in before if c.dep_ in ("nummod", "npadvmod") and c.pos_ == "NUM"][:1]


def _participle_root_subject(verb: Token) -> Span | None:
    """"Engineers surveying the old viaduct say …": the parser may make the participle the root and hang the
    speech verb on it; the participle's subject is the verb's."""
    head = verb.head
    if verb.dep_ != "dep" or head.i >= verb.i or head.tag_ != "VBG" or head.dep_ != "ROOT":
        return None
    subject = next((c for c in head.children if c.dep_ == "nsubj" and c.i < head.i), None)
    return None if subject is None else mention_span(subject)


def _inverted_subject(verb: Token) -> Span | None:
    """“…?” asked Mr. Manafort: right after a closing quotation mark the parser often makes the speaker
    the verb's object."""
    before = doc_text(verb.doc)[max(0, verb.idx - 4) : verb.idx].rstrip()
    if not before or before[-1] not in CLOSING_MARKS:
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "npadvmod") and c.i > verb.i), None)
    if obj is None or not (obj.pos_ in ("PROPN", "NOUN") or obj.lower_ in INVERTED_PRONOUNS):
        return None
    return mention_span(obj)


# Pronouns that stand after the verb as its speaker: "“Since when?” shouted someone at the back".
INVERTED_PRONOUNS = frozenset("someone somebody another one".split())


def mention_span(head: Token) -> Span:
    """The mention headed by ``head``: its subtree, without relative clauses, capped in length."""
    doc = head.doc
    dash = _dateline_dash(head)
    if dash is not None:
        # "LIDOVA — Retired general Tomas Varga ... published", "New York (AFP) – Vice President Joe Biden
        # ... hit": the parser heads the subject with the dateline
        head = next((c for c in head.children if c.dep_ == "appos" and c.i > dash), head)
    skip: set[int] = set()
    for child in head.children:
        if child.dep_ in ("relcl", "acl") or (child.dep_ == "punct" and child.i > head.i and child.text != ","):
            skip.update(t.i for t in child.subtree)
    idx = sorted(t.i for t in head.subtree if t.i not in skip)
    # keep the contiguous run around the head
    lo = hi = head.i
    allowed = set(idx)
    while lo - 1 in allowed:
        lo -= 1
    while hi + 1 in allowed:
        hi += 1
    if hi - lo + 1 > MAX_SUBJECT_TOKENS:
        # too long: first without an apposition after the head ("Members of the Walking Club, a group with some
        # two hundred members,"), then the words up to the head
        appositions = {t.i for c in head.subtree if c.dep_ == "appos" and c.i > head.i for t in c.subtree}
        first = min(appositions, default=hi + 1)
        hi = max(head.i, min(hi, first - 1))
        if hi - lo + 1 > MAX_SUBJECT_TOKENS:
            lo, hi = max(lo, head.i - 4), head.i
    # a dateline is not part of the source: "LIDOVA — Retired general Tomas Varga, ... published"
    dashes = [t.i for t in doc[lo:head.i] if _dateline_dash_token(t)]
    if dashes and dashes[-1] - doc[lo].sent.start <= MAX_DATELINE_TOKENS:
        lo = dashes[-1] + 1
    lo, hi = _whole_words(doc, lo, hi)
    # never across a paragraph or line break ("9:18 p.m.\n\nDonald Trump is thanking")
    breaks = [t.i for t in doc[lo : hi + 1] if "\n" in t.text]
    for b in breaks:
        if b < head.i:
            lo = b + 1
        elif b > head.i:
            hi = min(hi, b - 1)
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    return doc[lo : hi + 1]


def _whole_words(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """The mention widened to whole hyphenated words, with the article before them: the parser may split "The
    co-operative" into an article and three words it hangs on the verb one by one."""
    sent, first = doc[lo].sent, lo
    while lo > sent.start and not doc[lo - 1].whitespace_ and HYPHENS & {doc[lo - 1].text, doc[lo].text}:
        lo -= 1
    while hi + 1 < sent.end and not doc[hi].whitespace_ and HYPHENS & {doc[hi].text, doc[hi + 1].text}:
        hi += 1
    if lo < first and lo > sent.start and doc[lo - 1].tag_ == "DT":
        lo -= 1
    return lo, hi


HYPHENS = frozenset({"-", "‐"})


def _dateline_dash_token(token: Token) -> bool:
    """A dash that may end a dateline: not a hyphen inside a word ("co-operative", which the tagger may not
    mark as one), so a hyphen-minus needs a space on each side."""
    if token.text not in DATELINE_DASHES or token.tag_ == "HYPH":
        return False
    if token.text != "-":
        return True
    return token.i > 0 and bool(token.doc[token.i - 1].whitespace_) and bool(token.whitespace_)


def _dateline_dash(head: Token) -> int | None:
    """Where the dateline that ``head`` heads ends: the dash of "LIDOVA —", "New York (AFP) –",
    "PHILADELPHIA, July 25 (UPI) —". None when ``head`` heads none: it must open its sentence, be a place or
    a word in capitals, and be followed by nothing but a date, an agency and punctuation before the dash
    ("Smith — a former minister — said" has no dateline)."""
    doc = head.doc
    start = head.sent.start
    if head.left_edge.i != start or head.i - start >= MAX_DATELINE_TOKENS:
        return None
    if head.ent_type_ not in ("GPE", "LOC") and not (len(head.text) > 2 and head.text.isupper()):
        return None
    for t in doc[head.i + 1 : start + MAX_DATELINE_TOKENS]:
        if _dateline_dash_token(t):
            return t.i
        if not (t.is_punct or t.like_num or t.pos_ == "PROPN" or t.ent_type_ in ("DATE", "ORG", "GPE")):
            return None
    return None


def _according_to(tok: Token) -> Token | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
        to = tok.nbor(1)
    if to is None:
        return None
    return next((c for c in to.children if c.dep_ == "pobj"), None)


def _according_cue(doc: Doc, tok: Token) -> Cue | None:
    source = _according_to(tok)
    if source is None:
        return None
    phrase = {t.i for t in tok.subtree} | {t.i for t in source.subtree} | {tok.i, tok.i + 1}
    content = trim_chars(doc, [t for t in _according_clause(tok, max(phrase)) if t.i not in phrase])
    end = tok.nbor(1).idx + len(tok.nbor(1)) if tok.i + 1 < len(doc) else tok.idx + len(tok)
    return Cue(tok, doc_text(doc)[tok.idx : end], tok.idx, end, mention_span(source), content)


def _according_clause(tok: Token, phrase_end: int) -> list[Token]:
    """The words "according to" reports: the clause it modifies, without a clause joined after the phrase
    ("… has risen to fourteen, according to the office, and its director believes …" reports the rise, not the
    director's belief; "… and according to the manager, two companies had asked …" reports the request). The
    whole sentence when it modifies no verb."""
    head = tok.head
    if head.pos_ not in ("VERB", "AUX") or head.i == tok.i:
        return list(tok.sent)
    # up to the clause the phrase reports: "said that the fees hurt the city, according to polls" reports the
    # saying; "A, and B, according to a study" reports both; "and according to X, B" reports B
    while head.head.i != head.i and (head.dep_ != "conj" or tok.i > head.i):
        head = head.head
    after = [c for c in head.children if c.dep_ == "conj" and c.i > phrase_end and c.pos_ in ("VERB", "AUX")]
    if not after:
        return list(head.subtree)
    cut = min(t.i for c in after for t in c.subtree)
    return [t for t in head.subtree if t.i < cut]


def _words_of_cue(doc: Doc, prep: Token) -> Cue | None:
    """"In the words of club president Siv Moe, the team “went from …”": "according to" said another way."""
    words = next((c for c in prep.children if c.dep_ == "pobj" and c.lower_ == "words"), None)
    of = None if words is None else next((c for c in words.children if c.lower_ == "of"), None)
    if of is None:
        return None
    source = next((c for c in of.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    content = trim_chars(doc, [t for t in prep.sent if t.i not in {t.i for t in prep.subtree}])
    end = of.idx + len(of)
    return Cue(prep, doc_text(doc)[prep.idx : end], prep.idx, end, mention_span(source), content)


def _reporting_adverb_cue(doc: Doc, adverb: Token) -> Cue | None:
    """"The mayor reportedly considered resigning": the clause the adverb sits in was reported, by a source
    the text does not name (no speaker), as "it was claimed that …" is. The clause is its verb's, subject
    included; a verb that says something itself ("reportedly told aides that …") is the cue instead."""
    verb = adverb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in SPEECH_VERBS:
        return None
    # not the relative pronoun of "the minister, who reportedly owns two ferries": the clause is about him
    clause = [t for t in verb.subtree if t.head.i != verb.i or not (
        (t.dep_ == "punct" and t.i > verb.i) or (t.i < adverb.i and t.lower_ in RELATIVE_PRONOUNS))]
    content = trim_chars(doc, clause)
    if content is None or not content[0] <= adverb.idx < content[1]:
        return None
    return Cue(adverb, adverb.text, adverb.idx, adverb.idx + len(adverb), None, content, frame="adverb")


def _poll_cue(doc: Doc, prep: Token) -> Cue | None:
    """"In a Harbour Gazette poll released Monday, 52 percent backed the plan": a poll named before its clause
    is the source of what the clause reports, as "according to" is. Only where it opens its sentence, and not
    before a speech verb of its own ("In the poll, seven in ten said …"), which is the cue there; "leads in the
    polls" further on is the writer's summary as often as it is the poll's finding."""
    sentence = _without_dateline(prep.sent)
    opening = next((t for t in sentence if not (t.is_punct or t.is_space)), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if opening is None or opening.i != prep.i or pobj is None or pobj.lemma_.lower() not in POLL_NOUNS:
        return None
    head = prep.head
    if head.lemma_.lower() in SPEECH_VERBS or head.lemma_.lower() in BELIEF_VERBS:
        return None
    # the clause starts with its subject; when the parser took the subject into the poll's phrase ("In a poll by
    # the Gazette, the mayor's rating fell"), after the comma that closes the phrase
    subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS and c.i > prep.i), None)
    comma = next((t for t in sentence if t.i > pobj.i and t.text == ","), None)
    start = subject.left_edge.i if subject is not None else comma.i + 1 if comma is not None else None
    if start is None:
        return None
    content = trim_chars(doc, [t for t in sentence if t.i >= start])
    source = mention_span(pobj)
    source = source if source.end <= start else doc[source.start : max(source.start + 1, start - 1)]
    if content is None:
        return None
    return Cue(prep, prep.text, prep.idx, prep.idx + len(prep), source, content, frame="prep:in")


def _verb_taken_for_noun(tok: Token) -> bool:
    """'A preliminary note from his laboratory reports that …': in a sentence the parser finds no verb in, the
    -s form of a speech verb right before "that" is the verb it missed, not a plural noun ("laboratory
    reports"): the words before it are its subject."""
    doc = tok.doc
    if tok.tag_ != "NNS" or not tok.lower_.endswith("s"):
        return False
    if _named_after_quotation(tok) is not None:
        return True
    if tok.lemma_.lower() not in SPEECH_VERBS:
        return False
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "that" or doc[tok.i + 1].dep_ != "mark":
        return False
    sent = _without_dateline(tok.sent)
    if sent.root.pos_ not in ("NOUN", "PROPN") or tok.i - sent.start < 2:
        return False
    return not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") or t.is_punct for t in doc[sent.start : tok.i])


def _named_after_quotation(verb: Token) -> Span | None:
    """'“Sit down,” Corin snaps at her': right after a quotation, the -s form of a speech verb (or of one that
    says only with a quotation beside it) that the parser took for a plural noun, with the name before it that
    it took for a modifier; the name, when it is so."""
    doc = verb.doc
    if verb.lemma_.lower() not in SPEECH_VERBS and verb.lemma_.lower() not in QUOTE_ONLY_VERBS:
        return None
    lo = verb.i
    while lo > 0 and verb.i - lo < MAX_TAKEN_NAME and doc[lo - 1].text[:1].isupper() and doc[lo - 1].is_alpha and (
            doc[lo - 1].head.i == verb.i and doc[lo - 1].dep_ in ("compound", "amod", "nmod")):
        lo -= 1
    if lo == verb.i or lo == 0 or doc[lo - 1].text not in CLOSING_MARKS:
        return None
    return doc[lo : verb.i]


# How many words the name before a verb taken for a noun may have: "Corin Vale snaps".
MAX_TAKEN_NAME = 3


def _verb_taken_for_noun_cue(doc: Doc, verb: Token) -> Cue | None:
    named = _named_after_quotation(verb)
    if named is not None:
        return Cue(verb, verb.text, verb.idx, verb.idx + len(verb), named, None)
    that = doc[verb.i + 1]
    content = _clause_chars(verb, [that.head]) if that.head.i > verb.i else None
    if content is None:
        return None
    sent = _without_dateline(verb.sent)
    subject = doc[sent.start : verb.i]
    return Cue(verb, verb.text, verb.idx, verb.idx + len(verb), subject, content, frame="ccomp")


def _headline_verb_cue(doc: Doc, word: Token) -> Cue | None:
    """'Musicians condemn end of folk festival as …', '… as ombudsman criticises “copy-and-paste” replies': in a
    headline with no verb it can read, the parser takes a present-tense verb of attitude or speech for a noun.
    It is one when a noun phrase that can speak comes right before it, agreeing with its form ("musicians
    condemn", "ombudsman criticises"), and words follow it up to the next clause or the line's end."""
    lemma = _verb_form_lemma(word.lower_)
    if lemma is None or word.i == 0:
        return None
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, word.idx) + 1
    line_end = text.find("\n", word.idx)
    line_end = len(text) if line_end < 0 else line_end
    line = doc.char_span(line_start, line_end, alignment_mode="contract")
    if line is None or len(line) > MAX_HEADLINE_WORDS or text[line_start:line_end].rstrip()[-1:] in ".!?":
        return None
    before = doc[word.i - 1]
    plural = before.tag_ in ("NNS", "NNPS")
    if before.i < line.start or before.pos_ not in ("NOUN", "PROPN") or plural != (word.lower_ == lemma):
        return None
    start = before.i
    while start - 1 >= line.start and doc[start - 1].pos_ in ("NOUN", "PROPN", "ADJ", "DET") and (
            doc[start - 1].lower_ not in HEADLINE_CLAUSE_WORDS):
        start -= 1
    source = doc[start : word.i]
    if source_class(source) not in ("name", "person", "group", "organisation"):
        return None
    if before.pos_ == "PROPN" and before.ent_type_ not in ("PERSON", "ORG"):
        return None  # "Paris attacks test …": a place or a capitalised word before a noun is no speaker
    end = word.i + 1
    while end < line.end and doc[end].text not in (",", ":", ";") and not (
            doc[end].lower_ in HEADLINE_CLAUSE_WORDS and doc[end - 1].whitespace_):  # not "copy-and-paste"
        end += 1
    content = trim_chars(doc, list(doc[word.i + 1 : end]))
    if content is None:
        return None
    act: ActType = "stance" if lemma in ATTITUDE_VERBS else "speech"
    return Cue(word, word.text, word.idx, word.idx + len(word), source, content, act=act, frame="dobj")


# Words that open a headline's next clause: "… double as ombudsman criticises …".
HEADLINE_CLAUSE_WORDS = frozenset("as while after amid and but despite over".split())


def _verb_form_lemma(word: str) -> str | None:
    """The attitude or speech verb ``word`` is the bare or the -s form of ("condemn", "criticises", "denies")."""
    verbs = ATTITUDE_VERBS | SPEECH_VERBS
    if word in verbs:
        return word
    for stem in (word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else "",
                 word[:-3] + "y" if word.endswith("ies") else ""):
        if stem and stem in verbs:
            return stem
    return None


def _noun_cue(doc: Doc, noun: Token) -> Cue | None:
    """"raised the possibility that ...", "his claim that ...": content is the noun's that-clause."""
    # (for a noun that reports only through its clause, "that" must open the clause, not be its subject)
    marked = noun.lemma_.lower() in CLAUSE_SPEECH_NOUNS
    clause = next(
        (c for c in noun.children if c.dep_ in ("acl", "ccomp") and any(
            g.lower_ == "that" and (g.dep_ == "mark" or not marked) for g in c.children)),
        None,
    )
    if clause is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    subject = mention_span(owner) if owner is not None else subject_of(noun.head)
    content = trim_chars(doc, list(clause.subtree))
    return Cue(noun, noun.text, noun.idx, noun.idx + len(noun), subject, content, frame="clause")


def _copular_noun_cue(doc: Doc, noun: Token) -> Cue | None:
    """"Her argument was that …", "the appeal's central claim is that …": the noun's owner said (or holds)
    what the clause after "be" says. Only with an owner: "the answer is that …" with none is the writer's."""
    be = noun.head
    if noun.dep_ != "nsubj" or be.lemma_ != "be":
        return None
    clause = copular_clause(be)
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if clause is None or owner is None:
        return None
    content = trim_chars(doc, list(clause.subtree))
    source = mention_span(owner)
    if len(source) > 1 and source[-1].dep_ == "case":
        source = source[:-1]  # "the appeal", not "the appeal's"
    return Cue(noun, noun.text, noun.idx, noun.idx + len(noun), source, content, frame="clause")


def copular_clause(be: Token) -> Token | None:
    """The "that" clause after a form of "be": "… is that the port will reopen"."""
    return next((c for c in be.children if c.dep_ in ("ccomp", "attr") and c.i > be.i
                 and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)


def _learned_noun_cue(doc: Doc, noun: Token) -> Cue | None:
    """"Trump’s call for a ban on ...", "his endorsement of Cruz": content is what follows the noun."""
    carriers = [c for c in noun.children if c.i > noun.i and c.dep_ in ("prep", "acl", "ccomp")][:1]
    if not carriers:
        return None
    carrier = carriers[0]
    body = [t for t in carrier.subtree if t.i != carrier.i] if carrier.dep_ == "prep" else list(carrier.subtree)
    # "her call for the council to act": the parser hangs the infinitive on the noun, or on the verb it is
    # the object of
    infinitive = _object_infinitive(noun, [carrier]) or (
        _object_infinitive(noun.head, [carrier]) if noun.dep_ == "dobj" else None)
    body += list(infinitive.subtree) if infinitive is not None else []
    content = trim_chars(doc, body)
    if content is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    # "Trump's call", "she made a call for": the owner, or the subject of the verb taking the noun as object
    subject = mention_span(owner) if owner is not None else subject_of(noun.head) if noun.dep_ in (
        "dobj", "attr") else None
    end = carrier.idx + len(carrier) if carrier.dep_ == "prep" else noun.idx + len(noun)
    frame = "clause" if carrier.dep_ in ("acl", "ccomp") else f"prep:{carrier.lower_}"
    return Cue(noun, doc_text(doc)[noun.idx : end], noun.idx, end, subject, content, frame=frame)


def _headline_cue(doc: Doc, colon: Token) -> Cue | None:
    """A headline "Clinton camp: Trump’s plan threatens security" attributes what follows to who leads."""
    text = doc_text(doc)
    para_start = text.rfind("\n", 0, colon.idx) + 1
    para_end = text.find("\n", colon.idx)
    para_end = len(text) if para_end < 0 else para_end
    head = doc.char_span(para_start, colon.idx, alignment_mode="contract")
    body = doc.char_span(colon.idx + 1, para_end, alignment_mode="contract")
    if head is None or body is None or not 0 < len(head) <= MAX_HEADLINE_SOURCE or len(body) > MAX_HEADLINE_WORDS:
        return None
    if not head[0].is_title or any(t.is_punct and not _possessive_mark(t) for t in head):
        return None
    if head[0].lower_ in HEADER_WORDS:
        return None  # "Photo: …", "Updated: …": a caption or a note, not who says it
    # "Trump went further:" is a sentence, not a headline
    if any(t.pos_ in ("VERB", "AUX") and not _people_taken_for_verb(t, head) for t in head):
        return None
    content = trim_chars(doc, list(body))
    if content is None or text[content[1] - 1] in ".":
        return None  # a sentence, not a headline
    return Cue(colon, ":", colon.idx, colon.idx + 1, head, content)


def _people_taken_for_verb(tok: Token, head: Span) -> bool:
    """"Holloway Court tenants:": a plural of people ending a headline's source after a name, which the tagger
    took for a verb's -s form. Not a verb that can report ("Mayor laments:")."""
    lemma = tok.lemma_.lower()
    return (tok.i == head.end - 1 and tok.tag_ == "VBZ" and tok.is_lower and tok.i > head.start
            and head.doc[tok.i - 1].pos_ == "PROPN" and tok.lower_ == lemma + "s"
            and (lemma in PERSON_NOUNS or lemma in GROUP_MEMBER_NOUNS or lemma.endswith(PEOPLE_ENDINGS))
            and not {lemma} & (SPEECH_VERBS | ATTITUDE_VERBS | BELIEF_VERBS | QUOTE_ONLY_VERBS))


# Endings of plurals of people a tagger reads as verbs: "tenants", "residents", "workers", "campaigners".
PEOPLE_ENDINGS = ("ant", "ent", "er", "or", "ist")


def _possessive_mark(tok: Token) -> bool:
    """"Mayor's office:", "Drivers' union:", "crews’ union": a possessive is no punctuation, whatever the tagger
    makes of a plural's apostrophe."""
    if tok.text in ("’s", "'s") or tok.tag_ == "POS":
        return True
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return (tok.text in ("'", "’") and before is not None and not before.whitespace_
            and before.lower_.endswith("s") and bool(tok.whitespace_))


def _subtree_tokens(heads: Iterable[Token]) -> list[Token]:
    out: dict[int, Token] = {}
    for h in heads:
        for t in h.subtree:
            out[t.i] = t
    return [out[i] for i in sorted(out)]


def trim_chars(doc: Doc, tokens: list[Token]) -> tuple[int, int] | None:
    """The char span of the contiguous block of ``tokens``, without edge punctuation (marks are kept)."""
    toks = sorted(tokens, key=lambda t: t.i)
    toks = _longest_run(toks)
    while toks and _edge_junk(toks[0], leading=True):
        toks = toks[1:]
    while toks and _edge_junk(toks[-1], leading=False):
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _longest_run(toks: list[Token]) -> list[Token]:
    best: list[Token] = []
    run: list[Token] = []
    for t in toks:
        if run and t.i != run[-1].i + 1:
            best = run if len(run) > len(best) else best
            run = []
        run.append(t)
    return run if len(run) > len(best) else best


def _edge_junk(tok: Token, *, leading: bool) -> bool:
    if tok.is_space:
        return True
    if tok.is_punct and not tok.is_quote:
        # a closing question or exclamation mark belongs to the content
        return leading or tok.text not in ("?", "!", "…")
    return False
