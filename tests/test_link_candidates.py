"""Candidate buckets: shared runs and near-copies are found, boilerplate is dropped, hashes are stable."""

from __future__ import annotations

import os
import subprocess
import sys

from quotetrace.link.candidates import WordArrays, buckets, signatures
from quotetrace.link.statements import tokens

SOURCE = tokens("No ceasefire will hold if the people who break it are never named and never made to answer for it.")


def _pairs(sequences: list[tuple[str, ...]]) -> set[tuple[int, int]]:
    out: set[tuple[int, int]] = set()
    for bucket in buckets(sequences, 5):
        ids = bucket.tolist()
        assert ids == sorted(set(ids))
        out.update((a, b) for i, a in enumerate(ids) for b in ids[i + 1:])
    return out


def test_buckets_find_a_fragment_and_a_near_copy_but_not_strangers() -> None:
    fragment = SOURCE[5:13]  # eight words from the middle
    near = (*SOURCE[:9], "arrested", *SOURCE[10:])  # one word changed
    stranger = tokens("Prices at the bakery will fall before the spring, the owners promised on Monday.")
    found = _pairs([SOURCE, fragment, near, stranger, ("too", "short")])
    assert (0, 1) in found and (0, 2) in found
    assert not any(3 in pair or 4 in pair for pair in found)


def test_buckets_put_every_quote_sharing_a_phrase_in_one_bucket() -> None:
    # a stock phrase inside otherwise different quotes: its least shingle hash is every quote's fingerprint
    phrase = tokens("we do not comment on ongoing investigations")

    def quote(i: int) -> tuple[str, ...]:
        return (*(f"w{i}x{k}" for k in range(10)), *phrase, *(f"w{i}y{k}" for k in range(10)))

    assert _pairs([quote(i) for i in range(3)]) == {(0, 1), (0, 2), (1, 2)}
    assert any(len(b) == 500 for b in buckets([quote(i) for i in range(500)], 5))


def test_signatures_do_not_depend_on_the_interpreter_hash_seed() -> None:
    # crc32 and fixed seeds, not Python's salted hash(): a re-link in another process finds the same candidates
    program = (
        "from quotetrace.link.candidates import WordArrays, signatures\n"
        "print(signatures(WordArrays([('no', 'ceasefire', 'will', 'hold', 'if', 'the', 'people')], [0])).tolist())"
    )
    outputs = {
        subprocess.run([sys.executable, "-c", program], env={**os.environ, "PYTHONHASHSEED": seed},
                       capture_output=True, text=True, check=True).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
    assert signatures(WordArrays([SOURCE], [0])).shape == (1, 32)
