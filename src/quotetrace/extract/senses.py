"""Whether a cue word is used in a communicative or cognitive sense, and which act it then reports.

A verb that the lexicon or the learned table proposes is a cue only when its use says so. The rules judge
what transfers across kinds of text, not how often one corpus marked a word:

- its **frame**: a content clause or quotation (speech or belief by the verb's class), an "as"-predicate
  ("sees the tariff as a tax"), an infinitive of a speech act ("vowed to fight on"), a noun phrase that is
  the object of an attitude ("criticised the tariff": a stance) or a speech noun ("issued a warning");
- its **sense**, from the verb's class (``lexicon``): naming ("a disease called measles"), perception
  ("want to see the road rebuilt"), wanting and trying ("sought to clear the square"), how a thing seems
  ("the video appears genuine"), and the writer's own asides ("to say the least") are not statements;
- its **subject**: not a pronoun that points at a fact ("this suggests"); what else the subject is
  (``source_class``: a person, an organisation, a group, a document, a thing) goes into the confidence.

Each rule has a name in ``SENSE_RULES``; ``Settings.without_senses`` switches rules off, which is how
``benchmarks/senses.py`` measures what each gains and costs.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from quotetrace.lexicon import (
    ATTITUDE_NOUNS,
    ATTITUDE_VERBS,
    BELIEF_NOUNS,
    BELIEF_VERBS,
    CARRIER_VERBS,
    CLAUSE_SPEECH_NOUNS,
    CUE_NOUNS,
    DOCUMENT_NOUNS,
    EMPTY_CONTENT_WORDS,
    EVIDENCE_NOUNS,
    FIRST_PERSON,
    GREETINGS,
    GROUP_NOUNS,
    HEDGE_OBJECTS,
    INFINITIVE_SPEECH_VERBS,
    MEDIA_NOUNS,
    NAMING_VERBS,
    NOT_PEOPLE,
    ORGANISATION_NOUNS,
    PERCEPTION_VERBS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PHRASAL_SPEECH_VERBS,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    REPORTING_VERBS,
    SEEM_VERBS,
    SPEECH_NOUNS,
    SPEECH_OBJECT_NOUNS,
    SPEECH_PREPOSITIONS,
    SPEECH_VERBS,
    STANCE_PREPOSITIONS,
    UNIVERSAL_PRONOUNS,
    VOLITION_VERBS,
)
from quotetrace.model import ActType

# Rules that judge the verb's sense: a verb they reject is no cue at all.
SENSE_RULES = ("subject", "naming", "perception", "volition", "seeming", "hedge", "object", "carrier", "topic",
               "infinitive", "refusal", "decision", "advice", "beat", "empty", "noun", "headline", "depiction",
               "asked", "label")
# Rules that keep out what PolNeAR's annotators mark in political news and our out-of-domain guidelines do not:
# intentions ("sought to"), the writer's "seems", stances toward things ("criticised the tariff"), cue nouns,
# publishing, topics ("questions about"), a refusal to speak ("declined to comment"), a decision ("the council
# decided to …", "voted to …"), advice ("councillors should ask …"), a picture's scene ("the video shows the
# crowd surging": PolNeAR train marks about half of these), a cue inside a question ("asked if the governor
# believes …", "considering how to attack": PolNeAR marks many), the source's name for a thing ("what it calls
# the hidden cost"). ``Settings.cues="broad"`` switches them off;
# the others (a subject that is no source, a naming, a perception, a hedge, empty content, a headline) hold in
# either reading.
NOT_POLNEAR_RULES = frozenset({"volition", "seeming", "object", "noun", "carrier", "topic", "infinitive", "refusal",
                               "decision", "advice", "depiction", "asked", "label"})
# Rules that judge only what follows the verb: a speech verb they reject still attributes a quotation
# beside it ("“…,” she told reporters").
CONTENT_RULES = frozenset({"object", "carrier", "topic", "infinitive", "refusal", "beat", "empty"})

CLAUSE_FRAMES = frozenset({"ccomp", "para", "clause"})
# Dependents a "that" clause may hang on its verb by.
CLAUSE_DEPS_WITH_THAT = frozenset({"ccomp", "advcl", "xcomp"})
NOUN_PHRASE_FRAMES = frozenset({"dobj", "oprd", "attr", "acomp", "dative"})
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Verbs whose subject may be a finding rather than a speaker, but not a bare "it" or "this": "the poll shows
# that ...", while "it shows that ..." is the writer's inference.
EVIDENCE_VERBS = frozenset("show indicate mean imply find prove demonstrate".split())
# Prepositions after a cue noun that carry its content: "a call for", "criticism of", "a warning about".
NOUN_CONTENT_PREPS = frozenset("for of on about against to over regarding toward towards".split())
# Verbs the lexicon knows frames of (``lexical_frame``), table or not.
PREPOSITION_FRAMES = STANCE_PREPOSITIONS | SPEECH_PREPOSITIONS
FRAMED_VERBS = ATTITUDE_VERBS | INFINITIVE_SPEECH_VERBS | BELIEF_VERBS | frozenset(v for v, _ in PREPOSITION_FRAMES)
# Adjectives whose infinitive "to say" is the writer's aside: "needless to say", "sad to say".
HEDGE_ADJECTIVES = frozenset("needless sad strange suffice fair safe true".split())
# Pronouns that point at a fact, and the verbs of inference that make them the writer's conclusion.
DEMONSTRATIVES = frozenset("this that these those what".split())
INFERENCE_VERBS = EVIDENCE_VERBS | frozenset("suggest confirm reveal".split())
# Verbs that answer what someone said: "responded to her remarks" (speech), "to a request for comment" (no).
ANSWER_VERBS = frozenset("respond reply react retort".split())
# Verbs of wishing that a perception under them belongs to: "would like to see", "hope to see".
WISH_VERBS = frozenset("like love hope expect wait long".split())
# Verbs of regarding, whose passive without an agent is the writer's description: "is considered the best".
REGARD_VERBS = frozenset("consider regard deem see view know".split())
LEMMA_MENDS = {"hop": "hope"}
# Verbs of bringing someone to a belief, whose passive reports the belief: "is convinced (that) …".
PERSUASION_VERBS = frozenset("convince persuade".split())
# Adverbs and prepositions of direction, which make an attitude verb a movement: "backed the boat away".
DIRECTIONS = frozenset("away aboard ashore astern into onto towards toward across".split())
# Words that ask for a speech: "a request for comment", "asked for an interview".
ASKING_WORDS = frozenset("request ask seek plea appeal".split())
# A refusal to speak, and the speaking refused: "declined to comment", "refused to elaborate", "declined to name
# the firms"; "give" and "provide" with a word for what would have been said ("refused to give details").
REFUSAL_VERBS = frozenset("decline refuse".split())
REFUSED_SPEECH = frozenset(
    """
    comment elaborate speculate say name discuss confirm deny disclose reveal identify specify detail explain
    answer divulge tell estimate predict respond quote
    """.split()
)
GIVING_VERBS = frozenset("give provide offer release".split())
WITHHELD_OBJECTS = frozenset(
    "detail details figure figures name names reason reasons number numbers breakdown estimate explanation "
    "information comment timetable date".split()
)
# Passives of being asked to speak: "declined to be drawn on", "refused to be interviewed".
REFUSED_PASSIVES = frozenset("draw interview quote question".split())
# What opens a question left open: "would not say whether …", "did not say how many …".
QUESTION_OPENERS = frozenset("whether if how why when where what which who whom".split())
# What a verb of telling can tell without saying anything: "tells its own story".
STORY_NOUNS = frozenset("story tale".split())
# Verbs of deciding: what a body decides or votes for is an act, not something said.
DECISION_VERBS = frozenset("decide resolve vote choose opt".split())
# Modals, verbs and words under which a speech is advised or allowed, not made: "should ask", "must explain",
# "ought to demand", "needs to say", "is entitled to ask", "has every right to know".
ADVICE_MODALS = frozenset("should must".split())
ADVICE_HEADS = frozenset("ought need".split())
ENTITLEMENT_WORDS = frozenset("entitled right".split())
# Speech verbs that the first person performs by naming them under a modal: "I must say …", "we should admit …".
PERFORMATIVE_VERBS = frozenset("say tell admit confess add stress".split())
# Verbs of a writer's or a reporter's beat: "writes about civic life for the Sentinel".
BEAT_VERBS = frozenset("write report blog".split())
# What a source asks not to be: "asked not to be named".
ANONYMITY_VERBS = frozenset("name identify quote".split())
# Verbs of showing, and the pictures whose showing is a scene, not a finding: "a video shows queues snaking round
# the car park", "photographs show the hall packed"; "the poll shows …" and "the footage shows that …" report one.
DEPICTING_VERBS = frozenset("show depict capture".split())
PICTURE_NOUNS = frozenset(
    "video footage photograph photo picture image film clip camera painting drawing mural sketch map diagram postcard "
    "illustration still snapshot screenshot cctv webcam livestream".split()
)
# What a showing teaches when a question word and "to" follow it: "shows owners where to find the code".
HOW_TO_WORDS = frozenset("how where what when which whether".split())
# Verbs that declare a thing to be what a name says: "declared the day a “Day of Rest”" (not "declared the
# vote a fraud", which says something of it).
DECLARING_VERBS = frozenset("declare proclaim pronounce".split())
# Verbs of wishing whose infinitive, with no object of its own, is the subject's own aim ("organisers hope to
# hold a rally"), not a belief ("hopes that the rally will go ahead", "hopes the council to relent").
HOPING_VERBS = frozenset({"hope"})
# Words that open a question, not a free relative ("what she said was …").
ASKED_OPENERS = frozenset("whether if how why when where".split())
# Prepositions whose object may be a question: "a request for comment on when …", "a question about whether …".
QUESTION_PREPOSITIONS = frozenset("on about over of into regarding concerning".split())
# Verbs under which a question's clause is asked, not asserted: "asked whether residents believe …".
ASKING_VERBS = frozenset("ask wonder inquire enquire question query".split())
# Where a statement was made, not what about: "a statement on the festival's website", "comments on radio".
OUTLET_PLACES = frozenset(
    "website site page account feed platform forum blog channel app timeline radio television tv podcast".split()
)
# Verbs of saying again, and the things one does again rather than says: "hope to repeat the experiment".
ECHO_VERBS = frozenset("repeat echo".split())
DONE_AGAIN_NOUNS = frozenset(
    "experiment test trial exercise procedure process mistake error feat success performance journey trip visit "
    "season victory win design pattern".split()
)
# What "read out" publishes when no content comes with it: "reads out a council letter", "read out the list".
READ_OUT_OBJECTS = DOCUMENT_NOUNS | frozenset("list name names poem passage roll verse notice extract text".split())
PERSON_ENDINGS = ("ist", "ian", "man", "woman", "men", "women", "person", "people")
ROLE_ENDINGS = ("er", "or", "ee", "ant", "ent", "ers", "ors", "ees", "ants", "ents")


@dataclass(frozen=True, slots=True)
class Sense:
    """The act a cue reports in this use, or the rule that says it reports none."""

    act: ActType | None
    rule: str = ""

    @property
    def is_cue(self) -> bool:
        return self.act is not None


def verb_sense(verb: Token, construction: str, subject: Span | None, off: frozenset[str] = frozenset()) -> Sense:
    """The act ``verb`` reports with ``construction`` (``cues.construction_of``) and ``subject``."""
    lemma = lemma_of(verb)
    for rule, check in _VERB_RULES:
        if rule not in off and check(verb, lemma, construction, subject):
            return Sense(None, rule)
    return Sense(verb_act(verb, lemma, construction))


def lemma_of(verb: Token) -> str:
    """The verb's lemma, mended where the small model's lemmatiser errs ("hoping" → "hop")."""
    lemma = verb.lemma_.lower()
    return LEMMA_MENDS.get(lemma, lemma)


def verb_act(verb: Token, lemma: str, construction: str) -> ActType:
    """Speech or belief by the verb's class when its content is a proposition; a stance when it is a thing."""
    said = _said_object(verb)
    if said is not None:
        return said  # "repeated its claim that the ship was safe", "voiced the fear that prices will rise"
    if construction == "none" and _passive(verb) and _has_agent(verb):
        return "stance" if lemma in ATTITUDE_VERBS else "speech"  # "her call for an inquiry was rejected by …"
    if lemma in PERSUASION_VERBS and _passive(verb) and construction in CLAUSE_FRAMES:
        return "belief"  # "she is convinced the repairs are an excuse": what she holds, not what was said
    if lemma in BELIEF_VERBS and (construction in CLAUSE_FRAMES or construction in ("xcomp", "none", "prep:as")
                                  or _as_predicate(verb) or _infinitive_after_object(verb)):
        return "belief"
    if _infinitive_after_object(verb):
        return "speech"  # "urged voters to stay home"
    if construction in NOUN_PHRASE_FRAMES or construction.startswith("prep:"):
        if construction == "prep:as" or _as_predicate(verb) or any(c.dep_ == "oprd" for c in verb.children):
            return "speech"  # "described the change as …", "called the findings “alarming”"
        if construction.startswith("prep:"):
            return "stance" if (lemma, construction[5:]) in STANCE_PREPOSITIONS else "speech"
        if lemma in ATTITUDE_VERBS:
            return "stance"  # "criticised the tariff", "demanded her resignation"
        if lemma in BELIEF_VERBS:
            return "belief"  # "officials expect a compromise"
    return "speech"  # a neutral verb of speech with a noun phrase: "predicted a recount", "announced the closure"


def lexical_frame(verb: Token, lemma: str, construction: str) -> bool:
    """Whether the lexicon alone makes ``verb`` a cue in this frame, as the table would: an attitude verb
    with its object ("welcomed the ban"), a speech act with its infinitive ("vowed to fight on"), a stance
    preposition ("called for an inquiry"), a belief with its infinitive ("expects the bank to hold")."""
    if construction == "dobj":
        if lemma == "say" or phrasal_speech(verb, lemma):
            # "said the same of Sanders", "pointed out the flaw"; not "which she read out at the meeting"
            return any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children)
        return lemma in ATTITUDE_VERBS or (lemma in INFINITIVE_SPEECH_VERBS and _infinitive_after_object(verb))
    if construction == "xcomp":
        return lemma in INFINITIVE_SPEECH_VERBS or lemma in BELIEF_VERBS
    if construction.startswith("prep:"):
        return (lemma, construction[5:]) in PREPOSITION_FRAMES or _calls_on(verb, lemma, construction)
    return False


def _calls_on(verb: Token, lemma: str, construction: str) -> bool:
    """'calls on the trustees to postpone the decision': a demand made of someone, its content the infinitive
    ("called on the minister" alone is a visit)."""
    if lemma != "call" or construction != "prep:on":
        return False
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"), None)
    if prep is None:
        return False
    edge = prep.right_edge.i
    return any(c.dep_ in ("advcl", "xcomp", "ccomp") and c.left_edge.i == edge + 1 and c.left_edge.lower_ == "to"
               for c in verb.children) or any(t.dep_ in ("acl", "relcl") and t.left_edge.lower_ == "to"
                                               for t in prep.subtree)


# --- the rules, each a pattern of use that is not a statement ----------------------------------------------


def _pointing_subject(verb: Token, subject: Span | None) -> bool:
    """'This suggests that …', 'that means …': a pronoun that points at a fact, with a verb of inference,
    is the writer drawing a conclusion, not a source. Nouns are left to the confidence: "the airline", "a
    source" and "59 percent" speak, and no list tells them from "the clip"; a rule on them cost more than it
    gained on both sets (benchmarks/senses.py)."""
    if subject is None or _passive(verb) or len(subject) != 1:
        return False
    return subject.root.lower_ in DEMONSTRATIVES and lemma_of(verb) in INFERENCE_VERBS


def _naming(verb: Token, lemma: str, construction: str, subject: Span | None) -> bool:
    """'a disease called measles', 'known as the Long Lap', 'locals call it the Blue Eye', 'is considered the
    best', 'is widely seen as'; not 'what she called “a trick”' or 'called the findings alarming'."""
    if lemma in REGARD_VERBS and construction not in CLAUSE_FRAMES and construction != "xcomp":
        return _passive(verb) and not _has_agent(verb)  # "is considered one of the fastest courses"
    if lemma in DECLARING_VERBS and _declared_name(verb):
        return True  # "declared the day a “Day of Rest”", whatever the parser made of the name
    if lemma not in NAMING_VERBS or construction in CLAUSE_FRAMES or construction == "prep:for":
        return False
    if lemma == "refer" and construction == "prep:to" and not _as_predicate(verb):
        return False  # the topic rule judges "referred to the report"
    if _passive(verb) and not _has_agent(verb):
        return True
    complement = next((c for c in verb.children if c.dep_ in ("oprd", "attr") and c.i > verb.i), None)
    if complement is None and verb.tag_ in ("VBP", "VBZ"):  # "fans call the old ground “the Cauldron”"
        complement = next((a for c in verb.children if c.dep_ == "dobj" for a in c.children if a.dep_ == "appos"),
                          None)
    if complement is not None and (complement.pos_ == "PROPN" or complement.ent_type_):
        return True
    return lemma in ("know", "refer", "dub", "nickname", "christen", "rename") and _as_predicate(verb)


def _declared_name(verb: Token) -> bool:
    """'declared the day a “Day of Rest”', 'proclaimed the town the Capital of Song': an object and, right
    after it, a name (a proper noun or words in quotation marks) it is declared to be."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PRON"):
        return False
    doc = verb.doc
    k = obj.i + 1
    while k < len(doc) and doc[k].pos_ == "DET":
        k += 1
    if k < len(doc) and doc[k].is_quote:
        k += 1  # "a “Day of Bells”", not "a “terrific piece”" (what it is said to be)
    return k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].is_title


def _label(verb: Token, lemma: str, construction: str, subject: Span | None) -> bool:
    """'sets out what it calls the hidden cost of regeneration': the source's name for a thing, which the
    writer uses (PolNeAR marks many: "what he calls corruption in politics")."""
    return lemma == "call" and _what_it_calls(verb)


def _what_it_calls(verb: Token) -> bool:
    """'what it calls the hidden cost of regeneration': "what" before the verb is its object and a noun phrase
    after it the name, with no quotation marks ("what she called “a trick”" gives her words)."""
    what = any(c.dep_ == "dobj" and c.lower_ == "what" and c.i < verb.i for c in verb.children)
    named = any(c.dep_ in ("oprd", "attr", "dobj") and c.i > verb.i for c in verb.children)
    doc = verb.doc
    quoted = verb.i + 1 < len(doc) and doc[verb.i + 1].is_quote
    return what and named and not quoted and not _quoted_after(verb)


def _perception(verb: Token, lemma: str, construction: str, subject: Span | None) -> bool:
    """'residents want to see the road rebuilt', 'I saw Marta'; not 'she sees the plan as a mistake'."""
    if _seen_event(verb, lemma):
        return True  # "watched storm clouds pass to the north": the event seen, whatever cue its verb is
    if lemma not in PERCEPTION_VERBS:
        return False
    if verb.dep_ == "xcomp" and lemma_of(verb.head) in VOLITION_VERBS | WISH_VERBS:
        return True  # "nobody wants to see the club go bust", "would like to see it reviewed"
    if construction in CLAUSE_FRAMES:
        return _scene(verb)  # "saw the van turn into Quay Street": what was seen, not a finding
    return not (construction == "prep:as" or _as_predicate(verb))


def _scene(verb: Token) -> bool:
    """A clause of perception that shows an event, not a proposition: its verb is a bare infinitive or a
    participle with no "that" ("watched the roof fold inwards", "saw smoke rising"); "saw that the roof had
    gone" is a finding."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None or any(c.dep_ in ("mark", "aux", "auxpass") for c in clause.children):
        return False
    return clause.tag_ in ("VB", "VBG") and any(c.dep_ == "nsubj" for c in clause.children)


def _seen_event(verb: Token, lemma: str) -> bool:
    """The verb of a scene that a perception verb shows ("watched the clouds pass", "heard the engine stop",
    "noticed the water rising"); not a speech verb, whose hearer reports what was said ("heard him say the
    mill would close")."""
    head = verb.head
    return (verb.dep_ == "ccomp" and head.i < verb.i and lemma not in SPEECH_VERBS
            and lemma_of(head) in PERCEPTION_VERBS and _scene(head))


def _volition(verb: Token, lemma: str, construction: str, subject: Span | None) -> bool:
    """'police sought to clear the square', 'we want more buses', 'designed to be cheap'."""
    if lemma in HOPING_VERBS and construction == "xcomp" and not _infinitive_after_object(verb):
        return True  # "organisers hope to hold a rally": their own aim ("hopes that …" is a belief)
    return lemma in VOLITION_VERBS  # "wants the council to act" is a wish, whatever its frame


def _depiction(verb: Token, lemma: str, construction: str, subject: Span | None) -> bool:
    """'a video the council posted shows queues snaking round the car park', 'photographs show the nave packed',
    'the leaflet shows tenants how to claim': a picture shows a scene, and showing someone how or where to do a
    thing teaches it; neither is a claim. 'The poll shows (that) …' and 'the footage shows that …' report a
    finding."""
    if lemma not in DEPICTING_VERBS or _that_marked(verb):
        return False
    if _how_to(verb):
        return True
    return subject is not None and lemma_of(subject.root) in PICTURE_NOUNS and not _shows_someone(verb)


def _shows_someone(verb: Token) -> bool:
    """The scene is of a person ("the video shows the senator stumbling", "shows him with his hands up"): in
    news such footage is cited for what the person did, and PolNeAR's annotators mark it as the picture's
    statement (five times in seven in its training split, against once in three for a scene of things); our
    guidelines have no example of it either way, so it is left to the cue."""
    shown = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if shown is None:
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
        shown = None if clause is None else next((g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")),
                                                 None)
    if shown is None:
        return False
    if shown.pos_ == "PRON":
        return shown.lower_ in PERSON_PRONOUNS or shown.lower_ in PLURAL_PRONOUNS
    return shown.ent_type_ == "PERSON" or _noun_class(shown) == "person"


def _that_marked(verb: Token) -> bool:
    return any(c.dep_ in CLAUSE_DEPS_WITH_THAT and c.i > verb.i and any(
        g.dep_ == "mark" and g.lower_ == "that" for g in c.children) for c in verb.children)



def _how_to(verb: Token) -> bool:
    """A question word and "to" in the verb's phrase, before any punctuation: "shows owners where to find"."""
    doc = verb.doc
    for k in range(verb.i + 1, min(verb.i + 9, len(doc) - 1)):
        if doc[k].is_punct:
            return False
        if doc[k].lower_ in HOW_TO_WORDS and doc[k + 1].lower_ == "to":
            return True
    return False


def _after_question_preposition(opener: Token) -> bool:
    """The question word follows a preposition that takes a question: "on when", "about whether", "as to why"
    (not a particle: "rained down when …")."""
    if opener.i == 0:
        return False
    prep = opener.doc[opener.i - 1]
    if prep.dep_ != "prep":
        return False
    if prep.lower_ == "to":
        return prep.i > 0 and opener.doc[prep.i - 1].lower_ == "as"
    return prep.lower_ in QUESTION_PREPOSITIONS


def _asked(verb: Token, lemma: str, construction: str, subject: Span | None) -> bool:
    """'did not respond to a request for comment on when the tenants could expect to move', 'asked whether
    residents believe the plan will work': a cue inside a question is what is asked about, not asserted."""
    opener = verb.doc[verb.left_edge.i]
    if opener.i == verb.i or opener.lower_ not in ASKED_OPENERS:
        return False  # "what" opens a free relative as often: "amounting to what the senators said was …"
    if any(c.dep_ == "aux" and c.lower_ == "to" and c.i == opener.i + 1 for c in verb.children):
        return True  # "shows tenants how to claim back the deposit": a question of what to do
    if opener.lower_ in ("how", "if"):
        return False  # "spoke about how they believed …" is as often "that", "like if …" a condition
    if _after_question_preposition(opener):
        return True  # "on when …", "about whether …", "as to why …", however the parser hangs the clause
    # "asked whether residents believe …"; not "When asked why, she responded", where the parser may hang the
    # answer on the question
    return verb.dep_ == "ccomp" and lemma_of(verb.head) in ASKING_VERBS and verb.head.i < opener.i


def _seeming(verb: Token, lemma: str, construction: str, subject: Span | None) -> bool:
    """'the video appears genuine', 'the idea sounded fair', 'it seems that …': how a thing seems to the
    writer (a speech verb under it, 'appeared to suggest', is a cue of its own)."""
    if lemma == "feel":
        return construction in ("acomp", "oprd", "attr") or construction.startswith("prep:")
    if lemma == "look":
        return True
    return lemma in SEEM_VERBS and lemma not in ("turn", "remain")


def _hedge(verb: Token, lemma: str, construction: str, subject: Span | None) -> bool:
    """'to say the least', 'to put it kindly', 'so to speak', 'needless to say', 'as anyone who lives here
    knows', 'as they say', 'trust me': the writer's aside."""
    if _common_knowledge(verb, subject) or _to_the_reader(verb) or _farewell(verb, lemma):
        return True
    if lemma not in ("say", "put", "speak"):
        return False
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if not infinitive or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    if _hedge_words_follow(verb):
        return True  # "is, to say the least, unfinished", whatever the parser hung on "say"
    if verb.dep_ == "xcomp" and (verb.head.pos_ == "VERB" or verb.head.lower_ not in HEDGE_ADJECTIVES):
        return False  # "urged him to say …", "refused to say whether …", "more likely to say that …"
    if any(c.dep_ == "ccomp" for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "advmod", "npadvmod")]
    return not objects or any(o.lower_ in HEDGE_OBJECTS for o in objects)


def _common_knowledge(verb: Token, subject: Span | None) -> bool:
    """"as anyone who has lived here knows", "as everybody remembers": what all know, said by no one."""
    framed = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if not framed or subject is None:
        return False
    # "as they say": a saying in the present tense, by no one in particular
    return subject.root.lower_ in UNIVERSAL_PRONOUNS or (subject.root.lower_ == "they" and verb.tag_ == "VBP"
                                                          and lemma_of(verb) == "say")


def _to_the_reader(verb: Token) -> bool:
    """"Trust me, …", "Believe me, …", "Mark my words", "But first, notice what …": a bare verb opening its
    sentence (after a conjunction or an adverb at most), with no subject and no auxiliary, is the writer
    turning to the reader."""
    before = [t for t in verb.sent if t.i < verb.i and not t.is_punct and not t.is_space]
    opens = all(t.dep_ in ("cc", "advmod") and t.head.i == verb.i for t in before)
    return verb.tag_ == "VB" and opens and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in verb.children)


def _farewell(verb: Token, lemma: str) -> bool:
    """"said goodbye to the old bakery", "say hello to …": a greeting is something done, not a statement."""
    return lemma == "say" and any(c.dep_ in ("dobj", "intj", "advmod") and c.lower_ in GREETINGS
                                  for c in verb.children)


def _hedge_words_follow(verb: Token) -> bool:
    """"to say the least,", "to put it mildly,": the aside's own words, then a comma that closes it."""
    after = [t for t in verb.doc[verb.i + 1 : verb.i + 5]]
    comma = next((k for k, t in enumerate(after) if t.text == ","), None)
    return comma is not None and 0 < comma <= 3 and any(t.lower_ in HEDGE_OBJECTS for t in after[:comma])


def _object(verb: Token, lemma: str, construction: str, subject: Span | None) -> bool:
    """A noun-phrase object is content only for verbs of attitude, of speech or of belief ('criticised the
    tariff', 'announced the closure', 'expect a compromise'); 'hired a lawyer' says nothing."""
    if construction not in NOUN_PHRASE_FRAMES or _as_predicate(verb):
        return False
    if _infinitive_after_object(verb):
        return lemma not in INFINITIVE_SPEECH_VERBS and lemma not in BELIEF_VERBS  # "urged voters to stay home"
    if lemma in EVIDENCE_VERBS:
        return source_class(subject) not in ("document", "none")  # "the poll shows Rendt ahead"
    if construction == "oprd" and lemma in SPEECH_VERBS:
        return False  # "declared himself the winner"
    if lemma == "read" and phrasal_speech(verb, lemma) and _bare_document(verb):
        return True  # "reads out a council letter": a document read aloud, with nothing said of what it says
    if lemma in ECHO_VERBS and _unsaid_object(verb):
        return True  # "hope to repeat the experiment": a thing done again, not words said again
    if lemma == "recall" and _withdrawn(verb, subject):
        return True  # "is recalling 90,000 kettles": a product withdrawn, not a memory told
    if phrasal_speech(verb, lemma):
        return False  # "pointed out the flaw", "walked back his comments"
    if lemma in ATTITUDE_VERBS and _moved(verb):
        return True  # "backed the trawler away from the quay", "welcomed the crew aboard": a movement
    if lemma == "call" and verb.tag_ not in ("VBD", "VBN") and not _complemented(verb) and not _quoted_after(verb):
        return True  # "should call the council's hotline", "to call a meeting": no naming, no speech (a past
        # "called" with a long object is most often a naming whose complement the parse lost)
    if lemma == "call" and not _complemented(verb) and not _quoted_after(verb) and _bare_object(verb):
        return True  # "saw the lights go out and called the lifeboat station.": a telephone call, a summons
    return lemma not in ATTITUDE_VERBS | REPORTING_VERBS | BELIEF_VERBS | NAMING_VERBS | CARRIER_VERBS


def _bare_document(verb: Token) -> bool:
    """The object is a document with nothing said of its content: "read out a letter", not "read out a statement
    saying …" or "read out the names of the dead"."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    return (obj is not None and obj.lemma_.lower() in READ_OUT_OBJECTS and not _quoted_after(verb)
            and not any(c.dep_ in ("acl", "relcl", "ccomp", "appos", "prep") for c in obj.children)
            and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children))


def _unsaid_object(verb: Token) -> bool:
    """The object is a thing done, not said: "repeated the experiment", "repeat last year's success"; not
    "repeated its warning", "echoed the minister's comments", "repeated his position", "repeated “never again”"
    (PolNeAR marks what is repeated or echoed, a position, a theme, a line, a name)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.pos_ != "NOUN" or _quoted_after(verb):
        return False
    return obj.lemma_.lower() in DONE_AGAIN_NOUNS


def _withdrawn(verb: Token, subject: Span | None) -> bool:
    """'is recalling more than 90,000 kettles', 'the firm recalled the model': a count of things, or an
    organisation noun recalling, withdraws a product; 'she recalled the night the river rose' tells a memory."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or _passive(verb):
        return False
    # a count of the things, not a year ("recalled a 2007 bill") or a length ("the three-year freeze")
    counted = obj.tag_ == "NNS" and any(c.dep_ == "nummod" and c.ent_type_ not in ("DATE", "TIME")
                                        for c in obj.children)
    company = subject is not None and subject.root.pos_ == "NOUN" and _noun_class(subject.root) == "organisation"
    return counted or company


def _bare_object(verb: Token) -> bool:
    """The verb's object is a short noun phrase that ends its clause: "called the police.", "called the
    harbour office at six"; not "called the plan, which had cost millions, …", whose complement may be lost."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or any(
            c.dep_ not in ("det", "compound", "poss", "amod", "case") for c in obj.children):
        return False
    after = obj.doc[obj.right_edge.i + 1] if obj.right_edge.i + 1 < len(obj.doc) else None
    return after is None or after.is_punct or after.is_space or after.pos_ in ("CCONJ", "ADP", "ADV")


def _complemented(verb: Token) -> bool:
    """An object, and what it is called or said to be after it: "called the plan a disgrace", "called it
    unfair"."""
    after = {c.dep_ for c in verb.children if c.i > verb.i}
    if not after & {"dobj", "dative"}:
        # a lone complement is the object when the verb tells someone what to do ("should call the council's
        # hotline"); otherwise the parse may have hung the object on it ("called the ruling unfair")
        return not any(c.tag_ == "MD" for c in verb.children) and bool(after & {"oprd", "attr", "acomp"})
    return bool(after & {"oprd", "attr", "acomp", "xcomp", "ccomp", "advcl"})


def _moved(verb: Token) -> bool:
    """The object is moved somewhere: an adverb or a preposition of direction after the verb."""
    return any(c.i > verb.i and c.dep_ in ("advmod", "prt", "prep") and c.lower_ in DIRECTIONS for c in verb.children)


def _quoted_after(verb: Token) -> bool:
    """A quotation among the verb's objects: a name or words it gives ("called her “Crooked Clara”"), which the
    quotation's own rules judge."""
    return any(t.is_quote for c in verb.children if c.i > verb.i and c.dep_ in NOUN_PHRASE_FRAMES for t in c.subtree)


def phrasal_speech(verb: Token, lemma: str) -> bool:
    """'pointed out', 'laid out', 'walked back': a verb that its particle makes one of speech."""
    # the parser takes "back" in "walked back his comments" for an adverb
    return any((c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == verb.i + 1))
               and (lemma, c.lower_) in PHRASAL_SPEECH_VERBS for c in verb.children)


def _carrier(verb: Token, lemma: str, construction: str, subject: Span | None) -> bool:
    """'published a report on its website', 'offered a discount', 'posted a video': an object that is not
    something said ('issued a warning', 'offered an apology' are)."""
    if lemma not in CARRIER_VERBS or construction not in NOUN_PHRASE_FRAMES or _infinitive_after_object(verb):
        return False
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")), None)
    return obj is None or obj.lemma_.lower() not in SPEECH_OBJECT_NOUNS


def _topic(verb: Token, lemma: str, construction: str, subject: Span | None) -> bool:
    """'did not respond to a request for comment', 'focused on hiring', 'referred to the report': a
    prepositional object that is a topic or a target, not what was said (see ``lexicon.STANCE_PREPOSITIONS``
    and ``lexicon.SPEECH_PREPOSITIONS`` for the pairs whose object is)."""
    if not construction.startswith("prep:") or construction == "prep:as":
        return False
    if lemma in SPEECH_VERBS and _clause_inside_prep(verb, construction[5:]):
        return False  # "wrote in a column for the Courier that she had signed …": the parse hid the clause
    if lemma in ANSWER_VERBS and construction == "prep:to" and _prep_object(verb, "to") in SPEECH_OBJECT_NOUNS:
        return False  # "responded to her remarks", not "did not respond to a request for comment"
    return (lemma, construction[5:]) not in PREPOSITION_FRAMES and not _calls_on(verb, lemma, construction)


def _prep_object(verb: Token, preposition: str) -> str | None:
    """The lemma of the object of ``verb``'s first ``preposition`` phrase."""
    pobj = _object_of(verb, preposition)
    return None if pobj is None else pobj.lemma_.lower()


def _object_of(head: Token, preposition: str) -> Token | None:
    """The object of ``head``'s first ``preposition`` phrase."""
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == preposition), None)
    return next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None


def _infinitive(verb: Token, lemma: str, construction: str, subject: Span | None) -> bool:
    """An infinitive is content after a speech act or a belief ('vowed to fight on', 'expects the bank to
    hold'), not after 'was designed to', 'went on to'."""
    return construction == "xcomp" and lemma not in INFINITIVE_SPEECH_VERBS and lemma not in BELIEF_VERBS


def _refusal(verb: Token, lemma: str, construction: str, subject: Span | None) -> bool:
    """'declined to comment', 'refused to elaborate on the plan', 'declined to name the firms', 'would not say
    whether the pool will reopen': a refusal to speak, with or without its topic, and a denied saying with the
    question it leaves open, say nothing (PolNeAR marks both, "declined to comment" 22 times in 25 in its
    training split and "would not say whether" 5 times in 6; our out-of-domain guidelines do not); nor does
    'who asked not to be named'."""
    if _left_open(verb, lemma):
        return True
    if construction != "xcomp":
        return False
    infinitive = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    if infinitive is None:
        return False
    if _unnamed_request(verb, infinitive):
        return True  # "who asked not to be named": a condition of speaking, not something said
    return lemma in REFUSAL_VERBS and _refused_speech(infinitive)


def _refused_speech(infinitive: Token) -> bool:
    """The infinitive after "declined to" is one of speaking: "comment", "name the firms", "give details", "be
    drawn on the timing"."""
    lemma = lemma_of(infinitive)
    if any(c.dep_ == "auxpass" for c in infinitive.children):
        return lemma in REFUSED_PASSIVES
    if lemma in GIVING_VERBS:
        return any(c.dep_ == "dobj" and c.lemma_.lower() in WITHHELD_OBJECTS for c in infinitive.children)
    return lemma in REFUSED_SPEECH


def _left_open(verb: Token, lemma: str) -> bool:
    """The speaking verb of a refusal ("refused to say whether …", "declined to discuss how …"), or a denied
    saying with a question for its object ("would not say whether …", "has not said how many …", "never
    said if …"): the question is what was not answered."""
    if lemma not in REFUSED_SPEECH:
        return False
    if verb.dep_ == "xcomp" and lemma_of(verb.head) in REFUSAL_VERBS:
        return _refused_speech(verb)
    if not any(c.dep_ == "neg" for c in verb.children):
        return False
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    return clause is not None and clause.doc[clause.left_edge.i].lower_ in QUESTION_OPENERS


def _unnamed_request(verb: Token, infinitive: Token) -> bool:
    """"asked not to be named", "requested not to be identified"."""
    return (lemma_of(verb) in ("ask", "request") and lemma_of(infinitive) in ANONYMITY_VERBS
            and any(c.dep_ == "neg" for c in infinitive.children)
            and any(c.dep_ == "auxpass" for c in infinitive.children))


def _decision(verb: Token, lemma: str, construction: str, subject: Span | None) -> bool:
    """'the council decided on Wednesday to charge …', '…, the board decided', 'voted to close the pool',
    'chose to wait': a decision is an act, whatever its frame (PolNeAR marks some: "administrators decided she
    should share the honor", "voted to ban"); voting for or against a thing is a stance ('voted against the
    bill')."""
    if construction == "clause" and lemma_of(verb.head) in DECISION_VERBS:
        return True  # "resolved that the library would open": the verb of what was decided is no cue either
    return lemma in DECISION_VERBS and not construction.startswith("prep:")


def _advice(verb: Token, lemma: str, construction: str, subject: Span | None) -> bool:
    """'councillors should ask for the full costs', 'the minister must explain why …', 'ought to demand an audit',
    'the public is entitled to ask why …': a speech advised or allowed has not been made (PolNeAR marks some in
    its writers' own voice: "the Committee should formally ask …", "Israel must also acknowledge …"). Not a
    belief ("must know"), nor an inference ("must have told"), nor the first person performing what it names
    ("I must say the library is a delight")."""
    if lemma in BELIEF_VERBS:
        return False
    if subject is not None and subject.root.lower_ in FIRST_PERSON and lemma in PERFORMATIVE_VERBS:
        return False
    if verb.dep_ in ("xcomp", "acl") and (lemma_of(verb.head) in ADVICE_HEADS or verb.head.lower_ in ENTITLEMENT_WORDS):
        return True  # "ought to demand", "needs to explain", "is entitled to ask", "every right to ask"
    modal = any(c.dep_ == "aux" and c.lower_ in ADVICE_MODALS for c in verb.children)
    inferred = any(c.dep_ == "aux" and c.lower_ == "must" for c in verb.children) and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return modal and not inferred


def _beat(verb: Token, lemma: str, construction: str, subject: Span | None) -> bool:
    """'writes about civic life for the Sentinel', 'reports on farming for a weekly': what a writer covers, and
    for whom, in the present of habit; a topic, not something said (PolNeAR leaves "who writes about the credit
    industry for consumers" unmarked too)."""
    if lemma not in BEAT_VERBS or construction not in ("prep:about", "prep:on") or verb.tag_ not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "ccomp") for c in verb.children):
        return False
    return any(t.dep_ == "prep" and t.lower_ == "for" and _outlet(t) for t in verb.subtree if t.i > verb.i)


def _outlet(prep: Token) -> bool:
    """The object of "for" is a newspaper, a station, a site: a name or a word for one ("for the Sentinel", "for a
    local paper")."""
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    return pobj is not None and (pobj.pos_ == "PROPN" or pobj.ent_type_ == "ORG" or pobj.lemma_.lower() in MEDIA_NOUNS)


def _empty(verb: Token, lemma: str, construction: str, subject: Span | None) -> bool:
    """'tell them', 'said it', 'say one thing', 'agrees with her': a pronoun or a placeholder says nothing."""
    if any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in verb.children):
        return False  # "what she called “a trick”", "asked him to stay": the complement is the content
    if lemma in ATTITUDE_VERBS:
        return False  # "criticised him", "condemned it": a person or a thing is what a stance is about
    if construction in NOUN_PHRASE_FRAMES and _announces_quotation(verb):
        return True  # "posted a short message: “…”": the quotation is what was said, the noun only names it
    if lemma == "say":
        # "I will keep saying it", "having said that": what was said before; "to say the least" is an aside
        return any(c.dep_ == "dobj" and c.lower_ == "least" for c in verb.children)
    if construction in NOUN_PHRASE_FRAMES:
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd", "dative") and c.i > verb.i), None)
        if obj is not None and _untold_story(verb, obj):
            return True  # "which tells its own story", "the numbers tell a story": no story is told
        if obj is not None and any(c.dep_ == "prep" and c.i > obj.i for c in verb.children):
            return False  # "accused him of lying", "asked her about the vote"
    elif construction.startswith("prep:"):
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == construction[5:]), None)
        obj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    else:
        return False
    return obj is not None and is_empty_phrase(obj)


def _announces_quotation(verb: Token) -> bool:
    """The verb's object noun, with what follows it up to a colon, and a quotation after the colon."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd") and c.i > verb.i), None)
    if obj is None or obj.pos_ != "NOUN":
        return False
    doc = verb.doc
    phrase = {t.i for t in obj.subtree}
    for k in range(obj.i + 1, min(obj.i + 9, len(doc))):
        if doc[k].is_punct or doc[k].is_quote:
            nxt = next((t for t in doc[k + 1 : k + 3] if not t.is_space), None)
            return doc[k].text == ":" and nxt is not None and nxt.is_quote
        if k not in phrase:
            return False  # "explained the headline by saying: “…”": the colon is another verb's
    return False


def _untold_story(verb: Token, obj: Token) -> bool:
    """"Tells its own story", "told a tale": a story with nothing said of what it is ("told the story of a
    mother who …" tells one)."""
    return (lemma_of(verb) == "tell" and obj.lemma_.lower() in STORY_NOUNS
            and not any(c.dep_ in ("prep", "acl", "relcl", "ccomp") for c in obj.children)
            and not any(c.dep_ in ("prep", "ccomp") and c.i > obj.i for c in verb.children))


def is_empty_phrase(head: Token) -> bool:
    """A noun phrase that stands for nothing said: a lone pronoun, 'one thing', 'nothing', 'the least'."""
    if head.lower_ not in EMPTY_CONTENT_WORDS and head.lemma_.lower() not in EMPTY_CONTENT_WORDS:
        return False
    return not any(c.dep_ in ("relcl", "acl", "prep", "ccomp", "amod") for c in head.children)


_VERB_RULES = (
    ("subject", lambda verb, lemma, construction, subject: _pointing_subject(verb, subject)),
    ("asked", _asked),
    ("hedge", _hedge),
    ("seeming", _seeming),
    ("naming", _naming),
    ("label", _label),
    ("perception", _perception),
    ("depiction", _depiction),
    ("volition", _volition),
    ("refusal", _refusal),
    ("decision", _decision),
    ("advice", _advice),
    ("beat", _beat),
    ("empty", _empty),
    ("carrier", _carrier),
    ("object", _object),
    ("topic", _topic),
    ("infinitive", _infinitive),
)


# --- nouns and headlines ---------------------------------------------------------------------------------


def noun_sense(noun: Token, frame: str, off: frozenset[str] = frozenset()) -> Sense:
    """A cue noun's act with ``frame`` ("clause" or "prep:for"...): 'her claim that …' (speech), 'the fear
    that …' (belief), 'her call for an inquiry' (a stance); 'information about', 'an attack on', 'the case
    for' are no cue, nor is what follows 'advice from' (its source) or 'talks with'."""
    lemma = noun.lemma_.lower()
    # "a sense that …", "her confidence that …"; "made the point that …", "her answer was that …"
    held = (lemma in BELIEF_NOUNS or lemma in CLAUSE_SPEECH_NOUNS) and _that_clause(noun)
    if "noun" not in off and lemma not in CUE_NOUNS and lemma not in SPEECH_NOUNS and not held:
        return Sense(None, "noun")
    if "noun" not in off and frame.startswith("prep:") and frame[5:] not in NOUN_CONTENT_PREPS:
        return Sense(None, "noun")
    if frame.startswith("prep:") and _when(noun, frame[5:]):
        return Sense(None, "empty")  # "said in a statement on Wednesday": when it was said, not what
    if frame in ("prep:on", "prep:in") and _where(noun, frame[5:]):
        return Sense(None, "empty")  # "in a statement on the festival's website": where it was said
    if "topic" not in off and _asked_for(noun):
        return Sense(None, "topic")
    if lemma in BELIEF_NOUNS:
        return Sense("belief")
    return Sense("stance" if frame != "clause" and lemma in ATTITUDE_NOUNS else "speech")


def _when(noun: Token, preposition: str) -> bool:
    """Whether the noun's prepositional object is a time: "a statement on Wednesday", "remarks on 3 May"."""
    pobj = _object_of(noun, preposition)
    return pobj is not None and pobj.ent_type_ in ("DATE", "TIME")


def _where(noun: Token, preposition: str) -> bool:
    """Whether the noun's prepositional object is where it was published: "a statement on its website"."""
    pobj = _object_of(noun, preposition)
    return pobj is not None and pobj.lemma_.lower() in OUTLET_PLACES


def _asked_for(noun: Token) -> bool:
    """'did not respond to a request for comment on her remarks': a speech asked for, which nobody gave."""
    return (noun.dep_ == "pobj" and noun.head.lower_ == "for"
            and noun.head.head.lemma_.lower() in ASKING_WORDS)


def _that_clause(noun: Token) -> bool:
    """"a sense that …", and "her sense is that …" (the clause hangs on "be")."""
    heads = [*noun.children, *(noun.head.children if noun.dep_ == "nsubj" and noun.head.lemma_ == "be" else [])]
    return any(c.dep_ in ("acl", "ccomp", "attr") and c.i > noun.i
               and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children) for c in heads)


def headline_source(head: Span, off: frozenset[str] = frozenset()) -> bool:
    """Whether the words before a headline's colon can be a source ('Clinton camp:', 'Q:'), not a label
    ('Analysis:', 'Media contact:') or a title ('Twelve weeks to Ravensholm:')."""
    if "headline" in off:
        return True
    return source_class(head) in ("name", "person", "organisation", "group")


# --- subjects ----------------------------------------------------------------------------------------------


def source_class(span: Span | None) -> str:
    """What a source mention is: name, person, group, organisation, document, it, thing or none."""
    if span is None or not len(span):
        return "none"
    head = span.root
    word = head.lower_
    if word in RELATIVE_PRONOUNS:
        return _relative_class(head)
    if head.pos_ == "PRON" or word in ("this", "these", "those"):
        if word in PERSON_PRONOUNS or word in FIRST_PERSON or word in PLURAL_PRONOUNS or word in ("you", "one"):
            return "person"
        if word in ("it", "its"):
            return "it"
        return "group" if word in GROUP_NOUNS else "thing"
    if head.ent_type_ in NAME_LABELS or head.pos_ == "PROPN":
        return "name"
    cls = _noun_class(head)
    if cls == "thing" and any(t.ent_type_ in ("PERSON", "ORG") and (t.i < head.i or _from_whom(t, head)) for t in span):
        # "Mr. Obama's team", "A lesson from Loretta Lynch": the head names no one, the name does; not where
        # the name only says where or when ("Thirty years on the Sund")
        return "name"
    return cls


def _from_whom(token: Token, head: Token) -> bool:
    """Whether ``token`` stands in a "from" or "by" phrase of ``head``: whose the thing is."""
    return any(c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by") and token in c.subtree for c in head.children)


def _noun_class(head: Token) -> str:
    lemma = head.lemma_.lower()
    if lemma in ORGANISATION_NOUNS:
        return "organisation"
    if lemma in EVIDENCE_NOUNS or lemma in DOCUMENT_NOUNS:
        return "document"
    if lemma in PERSON_NOUNS or head.lower_ in GROUP_NOUNS or lemma in GROUP_NOUNS or head.pos_ == "NUM":
        return "person" if lemma in PERSON_NOUNS else "group"
    if _person_like(lemma):
        return "person"
    return "thing"


def _person_like(lemma: str) -> bool:
    """A role noun by its form: 'pharmacist', 'paediatrician', 'spokeswoman', 'grower', 'trustee'."""
    if lemma in NOT_PEOPLE:
        return False
    return lemma.endswith(PERSON_ENDINGS) or (len(lemma) > 4 and lemma.endswith(ROLE_ENDINGS))


def _relative_class(pronoun: Token) -> str:
    """'who' stands for a person; 'which' and 'that' for what they refer to ('the ministry, which said')."""
    if pronoun.lower_ in ("who", "whom"):
        return "person"
    clause = pronoun.head
    antecedent = clause.head if clause.dep_ in ("relcl", "acl") else None
    if antecedent is None or antecedent.i == clause.i:
        return "thing"
    if antecedent.ent_type_ in NAME_LABELS or antecedent.pos_ == "PROPN":
        return "name"
    return _noun_class(antecedent) if antecedent.pos_ in ("NOUN", "NUM") else "thing"


# --- frames ------------------------------------------------------------------------------------------------


def _said_object(verb: Token) -> ActType | None:
    """The act of a speech noun object that carries its own clause: "its claim that …" (speech), "the fear
    that …" (belief)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or not any(c.dep_ in ("acl", "ccomp") for c in obj.children):
        return None
    lemma = obj.lemma_.lower()
    if lemma in BELIEF_NOUNS:
        return "belief"
    return "speech" if lemma in CUE_NOUNS or lemma in SPEECH_NOUNS else None


def _clause_inside_prep(verb: Token, preposition: str) -> bool:
    """The parser hung the content clause inside the prepositional phrase ('wrote in a column … that …')."""
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == preposition), None)
    return prep is not None and any(
        t.dep_ in ("relcl", "acl", "ccomp") and any(g.dep_ in ("nsubj", "nsubjpass") for g in t.children)
        and any(g.lower_ == "that" for g in t.children) for t in prep.subtree)


def _infinitive_after_object(verb: Token) -> bool:
    """'urged voters to stay home', 'asked him to condemn violence': an object and its infinitive."""
    return any(c.dep_ == "dobj" for c in verb.children) and any(
        c.dep_ in ("xcomp", "ccomp") and c.i > verb.i and any(a.lower_ == "to" for a in c.children)
        for c in verb.children)


def _as_predicate(verb: Token) -> bool:
    """'sees the tariff as a tax', 'described the change as “the simplest policy”'; not 'as if greeting an old
    friend', 'as though …' (a comparison)."""
    doc = verb.doc
    return any(c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i
               and not (c.i + 1 < len(doc) and doc[c.i + 1].lower_ in ("if", "though")) for c in verb.children)


def _passive(verb: Token) -> bool:
    """'is called', 'was known', and the participle of 'a disease called measles'."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    # "The course, considered one of the fastest, …": the tagger may take the participle for a past tense
    return verb.tag_ in ("VBN", "VBD") and verb.dep_ in ("acl", "amod") and not any(
        c.dep_ == "nsubj" for c in verb.children)


def _has_agent(verb: Token) -> bool:
    return any(c.dep_ == "agent" for c in verb.children)
