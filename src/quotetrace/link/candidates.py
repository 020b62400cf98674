"""Candidate buckets for verbatim and partial linking: distinct word sequences that may share their words.

Two indexes over the distinct word sequences of the corpus, built in bulk with numpy so that their cost is
linear in the number of words:

- a winnowed fingerprint index on word ``SHINGLE``-shingles: every run of at least ``WINDOW + SHINGLE - 1``
  words that two sequences share gives them a common fingerprint, however short the fragment is beside its
  source; a sequence shorter than that (five or six words) is looked up by each of its shingles;
- MinHash/LSH on word 3-shingles (``NUM_PERM`` hashes in ``BANDS`` bands of ``ROWS``): copies with a word or
  two changed.

Each index yields buckets (ids of sequences that share a fingerprint or a band), however large: a bucket of
thousands may be a template's near-copies or a stock phrase inside unrelated quotes, and only checking its
members word by word (the caller) tells which. Hashes are stable (crc32 of each word, then fixed mixing), so
a re-link finds the same candidates in every process, whatever PYTHONHASHSEED says.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence

import numpy as np
import numpy.typing as npt

U64 = npt.NDArray[np.uint64]
Ids = npt.NDArray[np.int64]

# Calibrated with statements.py's thresholds on the echo corpus (benchmarks/linking.py); change them as a set.
SHINGLE = 4  # words in a fingerprint shingle
WINDOW = 4  # winnowing window: runs of >= SHINGLE + WINDOW - 1 (7) words always share a fingerprint
NUM_PERM = 32
# datasketch's optimum for a Jaccard threshold of 0.6 with 32 permutations (equal weight on misses and
# false candidates): 6 bands of 5 rows.
BANDS, ROWS = 6, 5
MINHASH_CHUNK = 1 << 17  # shingles hashed at once: bounds the (chunk, NUM_PERM) temporaries to ~32 MiB each

_M1, _M2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)
_SHINGLE_MULTIPLIERS = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5,
                        0xFF51AFD7ED558CCD)
_SEEDS = np.random.default_rng(20260201).integers(1, 2**63, size=NUM_PERM, dtype=np.uint64)


def _mix(x: U64) -> U64:
    """splitmix64's finaliser: spreads every input bit over the 64 output bits."""
    x = (x ^ (x >> np.uint64(30))) * _M1
    x = (x ^ (x >> np.uint64(27))) * _M2
    out: U64 = x ^ (x >> np.uint64(31))
    return out


class WordArrays:
    """The sequences' word hashes end to end in one array, with where each sequence starts and its length."""

    def __init__(self, sequences: Sequence[tuple[str, ...]], ids: Sequence[int]) -> None:
        word_hash: dict[str, int] = {}
        for seq in sequences:
            for word in seq:
                if word not in word_hash:
                    word_hash[word] = zlib.crc32(word.encode("utf-8"))
        self.ids = np.asarray(ids, dtype=np.int64)
        self.lengths = np.fromiter((len(s) for s in sequences), dtype=np.int64, count=len(sequences))
        self.starts = np.concatenate(([0], np.cumsum(self.lengths)[:-1])).astype(np.int64)
        total = int(self.lengths.sum())
        self.words: U64 = np.fromiter((word_hash[w] for s in sequences for w in s), dtype=np.uint64, count=total)

    def shingles(self, size: int) -> tuple[U64, Ids]:
        """The hash of every ``size``-word shingle inside a sequence, and which sequence (row) it is in."""
        total = len(self.words) - size + 1
        if total <= 0:
            return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
        hashed = np.zeros(total, dtype=np.uint64)
        for offset in range(size):
            hashed += self.words[offset:offset + total] * np.uint64(_SHINGLE_MULTIPLIERS[offset])
        row = np.repeat(np.arange(len(self.lengths), dtype=np.int64), self.lengths)[:total]
        inside = np.arange(total, dtype=np.int64) - self.starts[row] <= self.lengths[row] - size
        return _mix(hashed[inside]), row[inside]


def buckets(sequences: Sequence[tuple[str, ...]], min_words: int) -> Iterator[Ids]:
    """Ids (indexes into ``sequences``, ascending) of sequences that share a fingerprint or an LSH band.

    Sequences of fewer than ``min_words`` words (at least SHINGLE + 1) are phrases: never candidates.
    """
    assert min_words > SHINGLE  # every indexed sequence has two shingles or more
    eligible = [i for i, seq in enumerate(sequences) if len(seq) >= min_words]
    if len(eligible) < 2:
        return
    arrays = WordArrays([sequences[i] for i in eligible], eligible)
    yield from _fingerprint_buckets(arrays)
    yield from _short_buckets(arrays)
    yield from _band_buckets(arrays)


def _groups(keys: U64, ids: Ids) -> Iterator[Ids]:
    """Runs of equal keys with two or more distinct ids, ids ascending."""
    order = np.lexsort((ids, keys))
    keys, ids = keys[order], ids[order]
    fresh = np.ones(len(keys), dtype=bool)
    fresh[1:] = (keys[1:] != keys[:-1]) | (ids[1:] != ids[:-1])  # one (key, id) pair once
    keys, ids = keys[fresh], ids[fresh]
    edges = np.flatnonzero(np.diff(keys)) + 1
    starts = np.concatenate(([0], edges))
    ends = np.concatenate((edges, [len(keys)]))
    keep = ends - starts >= 2
    for start, end in zip(starts[keep].tolist(), ends[keep].tolist(), strict=True):
        yield ids[start:end]


def _fingerprint_buckets(arrays: WordArrays) -> Iterator[Ids]:
    """Winnowing: the least shingle hash of every window of WINDOW shingles (of all, for short sequences)."""
    hashed, row = arrays.shingles(SHINGLE)
    counts = np.bincount(row, minlength=len(arrays.lengths))  # >= 2 (see buckets)
    first = np.concatenate(([0], np.cumsum(counts)[:-1]))
    short = counts < WINDOW
    fingerprints = [np.minimum.reduceat(hashed, first)[short]]
    rows = [np.flatnonzero(short)]
    if len(hashed) >= WINDOW:
        window_min = np.lib.stride_tricks.sliding_window_view(hashed, WINDOW).min(axis=1)
        at = np.arange(len(window_min), dtype=np.int64)
        whole = at - first[row[:len(window_min)]] <= counts[row[:len(window_min)]] - WINDOW  # inside one row
        fingerprints.append(window_min[whole])
        rows.append(row[:len(window_min)][whole])
    yield from _groups(np.concatenate(fingerprints), arrays.ids[np.concatenate(rows)])


def _short_buckets(arrays: WordArrays) -> Iterator[Ids]:
    """A sequence too short to fill a winnowing window (a five-word fragment, a mixed quote's quoted run) shares
    no fingerprint for sure with the quote it comes from: every shingle of it is a key, and every sequence
    holding one of those shingles is in that key's bucket."""
    hashed, row = arrays.shingles(SHINGLE)
    short = np.bincount(row, minlength=len(arrays.lengths)) < WINDOW
    keys = np.unique(hashed[short[row]])
    if not len(keys):
        return
    holding = np.isin(hashed, keys)
    yield from _groups(hashed[holding], arrays.ids[row[holding]])


def signatures(arrays: WordArrays) -> npt.NDArray[np.uint32]:
    """MinHash signatures over word 3-shingles: one row of NUM_PERM hashes per sequence."""
    hashed, row = arrays.shingles(3)
    out = np.empty((len(arrays.lengths), NUM_PERM), dtype=np.uint32)
    counts = np.bincount(row, minlength=len(arrays.lengths))
    first = np.concatenate(([0], np.cumsum(counts)[:-1]))
    begin = 0
    while begin < len(counts):  # whole sequences per chunk, about MINHASH_CHUNK shingles each
        end = int(np.searchsorted(first, first[begin] + MINHASH_CHUNK, side="right"))
        end = max(end, begin + 1)
        lo, hi = int(first[begin]), int(first[end - 1] + counts[end - 1])
        permuted = _mix(hashed[lo:hi, None] ^ _SEEDS[None, :]) >> np.uint64(32)
        out[begin:end] = np.minimum.reduceat(permuted, first[begin:end] - lo, axis=0)
        begin = end
    return out


def _band_buckets(arrays: WordArrays) -> Iterator[Ids]:
    """LSH: sequences whose signatures agree on all ROWS hashes of one band share a bucket."""
    signature = signatures(arrays).astype(np.uint64)
    for band in range(BANDS):
        key = np.full(len(signature), np.uint64(band), dtype=np.uint64)
        for r in range(ROWS):
            key = _mix(key ^ signature[:, band * ROWS + r])
        yield from _groups(key, arrays.ids)
