"""The channel a statement reached the writer through, kept apart from who made it (``Quote.via``).

"“…,” Halvorsen said, according to the ministry": Halvorsen said it, the ministry passed it on. The
speaker is the person who spoke; the channel, as written, becomes the cue's ``via``:

- "according to X" inside the clause of another attribution with a source of its own (alone, "according
  to X" stays X's attribution);
- "as quoted by X", "as reported by X" after an attribution, and "Y was quoted by X as saying …" (Y spoke);
- "told X" and "speaking to X", when X is an outlet (a news organisation, "the radio station"), not an
  audience ("told reporters", "told the committee");
- "in an interview with X", "in comments to X", "in an op-ed for X", "wrote in X", "said on X" (and the
  content is then what follows "that", not the channel: "wrote in a column for X that …").

The cues that only named a channel ("according to", "quoted") are dropped: their attribution is the
speaker's.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from quotetrace.extract.cues import Cue, mention_span, trim_chars
from quotetrace.lexicon import (
    AUDIENCE_NOUNS,
    BELIEF_VERBS,
    CHANNEL_OCCASIONS,
    COGNITION_VERBS,
    GROUP_MEMBER_NOUNS,
    MEDIA_NOUNS,
    PERCEPTION_VERBS,
    PERSON_NOUNS,
    RELAY_VERBS,
    SPEECH_VERBS,
)

# The prepositions that name a channel after an occasion noun: "an interview with X", "comments to X",
# "an op-ed for X", "remarks on X", "a post in X".
OCCASION_PREPOSITIONS = frozenset({"with", "to", "for", "on", "in"})
# ... and after the speech verb itself: "wrote in the Herald", "said on state television".
OUTLET_PREPOSITIONS = frozenset({"in", "on"})
# What opens an occasion: "in an interview with X", "during an appearance on X".
OCCASION_OPENERS = frozenset({"in", "on", "during"})
# Verbs whose addressee is a channel when it is an outlet: "told the radio", "speaking to Reuters".
ADDRESS_VERBS = frozenset({"tell", "speak", "talk"})
ADDRESS_PREPOSITIONS = frozenset({"to", "with"})
SAYING_VERBS = SPEECH_VERBS - COGNITION_VERBS
# Verbs of holding a view, which an "according to" passes on as it does a saying: not of perceiving ("would
# see their taxes go up, according to an analysis": the analysis is the source).
HELD_VERBS = BELIEF_VERBS - PERCEPTION_VERBS - {"know", "learn", "understand", "realize", "realise"}
# Who tells of what they saw or heard, and is a source themselves: "according to an attendee".
WITNESS_NOUNS = frozenset("source attendee witness participant insider person colleague friend".split())
# Words that make a speaker a share of those asked: "most voters said …", "a majority said …".
SHARE_WORDS = frozenset("most majority minority half third quarter many few percent".split())


def with_channels(cues: list[Cue]) -> list[Cue]:
    """``cues`` with each attribution's channel in its ``via``, without the cues that only named one."""
    relayed: dict[int, Span] = {}  # the token index of a cue → the channel another cue names for it
    dropped: set[int] = set()
    by_token = {c.token.i: c for c in cues}
    for cue in cues:
        carrier = _carrier(cue, by_token)
        if carrier is not None and cue.subject is not None:
            relayed.setdefault(carrier.token.i, cue.subject)
            dropped.add(id(cue))
    out = []
    for cue in cues:
        if id(cue) in dropped:
            continue
        reporter = _passive_reporter(cue)
        if reporter is not None:  # "Halvorsen was quoted by state television as saying …"
            speaker, channel = reporter
            out.append(replace(cue, subject=speaker, via=channel))
            continue
        via = relayed.get(cue.token.i) or _named_channel(cue.token)
        if via is None:
            out.append(cue)
        else:
            out.append(replace(cue, via=via, content=_content_after_channel(cue, via) or cue.content))
    return [c for c in out if not _relay_of_passive(c, out)]


def _content_after_channel(cue: Cue, via: Span) -> tuple[int, int] | None:
    """"wrote in a column for the Courier that she had signed …": the parser takes the that-clause for the
    outlet's relative clause, and the channel for the content; what was written is what follows "that"."""
    doc = via.doc
    if cue.content is None or cue.content[0] > via.start_char or via.end >= len(doc):
        return None
    that = doc[via.end]
    if that.lower_ != "that" or that.sent != via.sent or that.i < cue.token.i:
        return None
    return trim_chars(doc, list(doc[that.i + 1 : that.sent.end]))


def _carrier(cue: Cue, by_token: dict[int, Cue]) -> Cue | None:
    """The attribution that a channel cue ("according to X", "as quoted by X") only relays: another cue with
    a source of its own that it hangs on. Not one whose content it sits in ("Bloomberg reports that Trump
    won, according to the Roper Center": the figures are the Roper Center's)."""
    tok = cue.token
    relay = tok.lemma_.lower() in RELAY_VERBS and tok.dep_ == "advcl" and _marked_as(tok)
    if tok.lower_ != "according" and not relay:
        return None
    carrier = by_token.get(tok.head.i)
    if carrier is None and relay:
        # "“…,” Dalby said, as quoted by LNA" with the clause hung on the content: the nearest attribution
        # above (an "as quoted by" never names a source of the content itself)
        carrier = next((by_token[a.i] for a in tok.ancestors if a.i in by_token), None)
    elif carrier is None and cue.subject is not None:
        carrier = _reporting_clause_above(tok, cue.subject, by_token)
    if carrier is None or carrier is cue or carrier.subject is None:
        return None
    if not relay and carrier.content is not None and not _relayed_account(cue.subject, carrier.subject):
        return None  # "Six in ten tenants said …, according to the survey", however the parser hangs it
    # a verb of saying; not one the learned table alone made a cue ("plans to visit"), nor a perception
    # ("would see their taxes go up, according to an analysis": the analysis is the source)
    if carrier.rate is not None:
        return None
    lemma = carrier.token.lemma_.lower()
    return carrier if lemma in SAYING_VERBS or (lemma in HELD_VERBS and _one_holder(carrier.subject)) else None


def _one_holder(subject: Span) -> bool:
    """One person, named or not, or "he"/"she": whose fear or belief a document reports ("Okafor fears …, according to
    a letter"), unlike a group whose view a poll measures."""
    root = subject.root
    return root.ent_type_ == "PERSON" or root.lower_ in ("he", "she") or (
        root.tag_ == "NNP" and root.ent_type_ not in ("ORG", "NORP", "GPE")) or (
        root.tag_ == "NN" and root.lemma_.lower() in PERSON_NOUNS)


def _reporting_clause_above(tok: Token, source: Span, by_token: dict[int, Cue]) -> Cue | None:
    """"She said the state would not pay, according to a transcript the ministry released": an "according to"
    inside the clause a speech verb reports, when that verb has a speaker of its own, names how the words came
    to the writer, as it does after "“…,” she said". Not when what it names are people who were there and
    tell of it ("Police have said they …, according to lawyers for the family": their account), nor when the
    speakers are a count a poll gives ("six in ten voters said …, according to the survey"); nor after a verb
    of relaying ("the Post reports that …, according to the census": the figures are the census's)."""
    clause = tok.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.i not in by_token:
        return None
    carrier = by_token[clause.head.i]
    if carrier.subject is None or carrier.token.lemma_.lower() in RELAY_VERBS:
        return None
    return carrier if _relayed_account(source, carrier.subject) else None


def _relayed_account(source: Span | None, speaker: Span) -> bool:
    """Whether "according to ``source``" only passes on what ``speaker`` said in a reported clause: not when the
    source are people who tell of it, nor when the speakers are a share of those a survey asked."""
    return source is not None and not _people(source.root) and _one_speaker(speaker)


def _people(tok: Token) -> bool:
    """Persons, as a name or a noun: "an attendee", "lawyers for the family", "sources close to her"."""
    noun = tok.lemma_.lower()
    return (tok.ent_type_ == "PERSON" or noun in PERSON_NOUNS or noun in GROUP_MEMBER_NOUNS
            or noun in WITNESS_NOUNS)


def _one_speaker(subject: Span) -> bool:
    """Speakers who are not a share of those asked ("six in ten", "most voters", "a majority")."""
    return not any(t.like_num or t.lower_ in SHARE_WORDS for t in subject)


def _marked_as(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _passive_reporter(cue: Cue) -> tuple[Span, Span] | None:
    """"Y was quoted by X as saying …": the speaker Y and the channel X, for the cue "saying"."""
    verb = cue.token
    if verb.tag_ != "VBG" or verb.head.lower_ != "as":
        return None
    relay = verb.head.head
    if relay.lemma_.lower() not in RELAY_VERBS:
        return None
    speaker = next((c for c in relay.children if c.dep_ == "nsubjpass"), None)
    channel = _agent(relay)
    if speaker is None or channel is None:
        return None
    return mention_span(speaker), channel


def _relay_of_passive(cue: Cue, cues: list[Cue]) -> bool:
    """The cue "quoted" of "Y was quoted by X as saying …": the statement is the one "saying" carries."""
    return cue.token.lemma_.lower() in RELAY_VERBS and any(
        c.token.head.lower_ == "as" and c.token.head.head.i == cue.token.i for c in cues if c is not cue)


def _agent(verb: Token) -> Span | None:
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    return mention_span(pobj) if pobj is not None else None


def _named_channel(verb: Token) -> Span | None:
    """The outlet a speech verb names itself: "told the radio station", "speaking to Reuters", "in an
    interview with X", "wrote in the Herald"."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for child in verb.children:
        if verb.lemma_.lower() == "tell" and child.dep_ in ("dobj", "dative") and _outlet(child):
            return mention_span(child)
        if child.dep_ == "prep" and child.lower_ in OCCASION_OPENERS:
            channel = _occasion_channel(child)
            if channel is not None:
                return channel
        if child.dep_ == "advcl" and child.lemma_.lower() in ADDRESS_VERBS:
            channel = _addressee(child)
            if channel is not None:
                return channel
    return None


def _occasion_channel(prep: Token) -> Span | None:
    """"in an interview with X", "in comments to X" → X; "in the Herald", "on state television" → itself."""
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if pobj is None:
        return None
    if pobj.lemma_.lower() in CHANNEL_OCCASIONS:
        for inner in pobj.children:
            if inner.dep_ == "prep" and inner.lower_ in OCCASION_PREPOSITIONS:
                target = next((g for g in inner.children if g.dep_ == "pobj"), None)
                if target is not None and target.lemma_.lower() not in AUDIENCE_NOUNS:
                    return mention_span(target)
        return None
    if prep.lower_ in OUTLET_PREPOSITIONS and _outlet(pobj):
        return mention_span(pobj)
    return None


def _addressee(verb: Token) -> Span | None:
    """"speaking to Reuters", "talking with the radio station": the outlet spoken to."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ADDRESS_PREPOSITIONS:
            pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if pobj is not None and _outlet(pobj):
                return mention_span(pobj)
    return None


def _outlet(tok: Token) -> bool:
    """A news outlet or channel: "the radio station", "state television", "the Kestrel Wire", "Reuters"; not
    an audience or a body that hears testimony ("reporters", "the committee", "parliament")."""
    noun = tok.lemma_.lower()
    if noun in AUDIENCE_NOUNS:
        return False
    if noun in MEDIA_NOUNS or tok.lower_ in MEDIA_NOUNS:
        return True
    return tok.ent_type_ == "ORG" and not any(t.lemma_.lower() in AUDIENCE_NOUNS for t in mention_span(tok))
