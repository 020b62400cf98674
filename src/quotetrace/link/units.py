"""The parts of a quote that an echo may carry alone, and how two quotes match part by part.

Outlets quote fragments and retell one sentence of several, so two quotes are compared part by part: the whole
quote, each sentence (or clause), and each two-sentence window; finer (``pieces``), the runs of up to
MAX_PIECES of a sentence's pieces between commas, dashes, and a conjunction that opens a negated clause ("and
never made", «и не планирует»; not any "and": "never named or made to answer" keeps its negation's scope). Two
quotes score the best cosine between their parts' sentence embeddings.

What the veto (veto.py) compares is ``Match.pairs``: the shorter quote whole with the part of the longer that
it carries, and each piece of the shorter with the part of the longer that it matches, so that "the president
met the ambassador and will see him again" is held against «Президент не встречался с послом» piece by piece;
pieces that match one part are held against it together (a sentence retold in two pieces carries its negation
in one of them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from quotetrace.link.statements import ParaphraseScorer

# Below this many letters a part ("Это так.") says too little to match on.
MIN_UNIT_CHARS = 20
MAX_PIECES = 3
# The part of the longer quote that a part of the shorter carries: of those scoring within NEAR_MARGIN of the
# best, the closest in length that is no shorter (a whole translation carries the whole, not its best-scoring
# clause). A piece of the shorter that matches nothing above PIECE_FLOOR is a piece the longer does not carry:
# not compared.
NEAR_MARGIN = 0.05
PIECE_FLOOR = 0.5
PIECE_SPAN = 1.6  # ... nor one whose matching part is this much longer (it holds more than the piece)
# A part of the longer quote as long as this share of the shorter's part carries it, though shorter (a
# translation's length differs from its original's).
SHORTER_CARRIER = 0.85
STEM = 5  # letters of a word that say which word it is, endings aside
NAME_STEM = 4  # letters of a name key that say which name it is, in either script («в Тесмаре» / "Tesmar")
_WORD = re.compile(r"[^\W\d_]+")
# Words of four letters or more that tie nothing: grammar, not content.
FUNCTION_WORDS = frozenset(
    "that this with will would have been were they them their there these those from into over said also only "
    "than then when what which while where must could should shall does about after before other some such each "
    "very just more most much many still even here being because until since against between through under "
    "это этот эта эти того этого этом будет будут было были была чтобы если когда также после через между может "
    "могут более всех всего только свои своих наши наших нашей наше который которые которых которая тоже уже "
    "сейчас пока ещё еще даже".split()
)
_SENTENCE = re.compile(r"(?<=[.!?…])[»”\"]?\s+(?=[«“\"A-ZА-ЯЁ])")
_CLAUSE = re.compile(r"[;:]\s+")
_PIECE = re.compile(r"(?:[;:,]|\s[—–])\s+|\s(?=(?:and|but|or|и|а|но|или)\s+(?:not|never|no|не|ни)\s)")
_MARKS = "«»“”„\""


def _sentences(text: str) -> list[str]:
    bare = text.strip().strip(_MARKS).strip()
    return [s.strip().strip(_MARKS) for s in _SENTENCE.split(bare) if len(s.strip()) >= MIN_UNIT_CHARS]


def _runs(sentence: str, cut: re.Pattern[str], longest: int) -> list[str]:
    """The sentence's runs of 1 to ``longest`` consecutive parts between the cuts, as written."""
    cuts = list(cut.finditer(sentence))
    starts = [0, *(m.end() for m in cuts)]
    ends = [*(m.start() for m in cuts), len(sentence)]
    return [sentence[starts[i]:ends[i + n - 1]].strip() for n in range(1, longest + 1)
            for i in range(len(starts) - n + 1)]


def pieces_of(text: str) -> list[str]:
    """The single pieces of a quote's sentences (long enough to match on)."""
    return [p for s in _sentences(text) for p in _runs(s, _PIECE, 1) if len(p) >= MIN_UNIT_CHARS]


def units(text: str, pieces: bool = False) -> list[str]:
    """The whole quote (first), its sentences, their clauses (or with ``pieces``, runs of their pieces), and
    its two-sentence windows."""
    bare = text.strip().strip(_MARKS).strip()
    sentences = _sentences(text)
    parts = [p for s in sentences for p in (_runs(s, _PIECE, MAX_PIECES) if pieces else _runs(s, _CLAUSE, 1))]
    windows = [f"{a} {b}" for a, b in pairwise(sentences)]
    return list(dict.fromkeys([bare, *sentences, *(p for p in parts if len(p) >= MIN_UNIT_CHARS), *windows]))


HalfVectors = npt.NDArray[np.float16]
Embedded = tuple[list[str], HalfVectors]
Similarity = Callable[[Sequence[str], Sequence[str]], npt.NDArray[np.float32]]


def embed_units(scorer: ParaphraseScorer, texts: Sequence[str], pieces: bool = False) -> list[Embedded]:
    """Each text's units and their embeddings (kept in half precision: a corpus holds many), in one batch."""
    parts = [units(t, pieces) for t in texts]
    flat = [u for p in parts for u in p]
    vectors: HalfVectors = (scorer.embed(flat).astype(np.float16) if flat
                            else np.zeros((0, 1), dtype=np.float16))
    out: list[Embedded] = []
    at = 0
    for p in parts:
        out.append((p, vectors[at:at + len(p)]))
        at += len(p)
    return out


class Embeddings:
    """Texts' units and their vectors, embedded in batches and kept for the texts asked again (``pieces``:
    the finer units, what the veto compares)."""

    def __init__(self, scorer: ParaphraseScorer, pieces: bool = False) -> None:
        self.scorer = scorer
        self.pieces = pieces
        self._known: dict[str, Embedded] = {}
        self._clauses: dict[str, HalfVectors] = {}

    def add(self, texts: Sequence[str]) -> None:
        missing = [t for t in dict.fromkeys(texts) if t not in self._known]
        if missing:
            self._known.update(zip(missing, embed_units(self.scorer, missing, self.pieces), strict=True))

    def __getitem__(self, text: str) -> Embedded:
        found = self._known.get(text)
        if found is None:
            self.add([text])
            found = self._known[text]
        return found

    def best(self, original: str, echo: str) -> Match:
        return best_pair(self[original], self[echo], self.similarity)

    def similarity(self, one: Sequence[str], other: Sequence[str]) -> npt.NDArray[np.float32]:
        """The cosines between two lists of short texts (clauses, which the veto asks of a few pairs only:
        embedded when first asked, and kept)."""
        missing = [t for t in dict.fromkeys([*one, *other]) if t not in self._clauses]
        if missing:
            self._clauses.update(zip(missing, self.scorer.embed(missing).astype(np.float16), strict=True))

        def rows(texts: Sequence[str]) -> npt.NDArray[np.float32]:
            return np.stack([self._clauses[t] for t in texts]).astype(np.float32)

        return rows(one) @ rows(other).T


@dataclass(frozen=True, slots=True)
class Match:
    """How two quotes matched: the best cosine between their units, and the (original's words, echo's words)
    pairs that the veto compares (see the module's docstring), the whole quotes' pair first."""

    score: float
    pairs: tuple[tuple[str, str], ...]
    # How close two lists of texts are in meaning, by the same embeddings (what ties clauses across languages)
    similarity: Similarity | None = field(default=None, compare=False, repr=False)


def best_pair(original: Embedded, echo: Embedded, similarity: Similarity | None = None) -> Match:
    scores = original[1].astype(np.float32) @ echo[1].astype(np.float32).T
    echo_shorter = len(echo[0][0]) < len(original[0][0])
    shorter, longer = (echo, original) if echo_shorter else (original, echo)
    by_shorter = scores.T if echo_shorter else scores  # rows: the shorter's units
    pairs = [(part, unit) if echo_shorter else (unit, part) for unit, part in _carried(shorter, longer, by_shorter)]
    return Match(float(scores.max()), tuple(pairs), similarity)


def _carried(one: Embedded, other: Embedded, scores: npt.NDArray[np.float32]) -> list[tuple[str, str]]:
    """(unit of ``one``, the part of ``other`` that carries it): its whole, then each of its pieces. (Only the
    shorter quote's pieces are held against the longer: the other way round, a retelling's looser clauses
    vetoed more true paraphrases than near-misses on the tune split and the echo corpus.)"""
    pieces = set(pieces_of(one[0][0])) if len(one[0]) > 1 else set()
    out = []
    by_part: dict[str, list[str]] = {}  # the pieces each part carries
    for row, unit in enumerate(one[0]):
        if row and unit not in pieces:
            continue
        best = scores[row].max()
        near = np.flatnonzero(scores[row] >= best - NEAR_MARGIN)
        part = other[0][int(min(near, key=lambda j: (len(other[0][j]) < SHORTER_CARRIER * len(unit),
                                                    abs(len(other[0][j]) - len(unit)), j)))]
        if not row:
            out.append((unit, _covering(unit, part, other[0])))
        elif best >= PIECE_FLOOR:  # else a piece that the other does not carry
            by_part.setdefault(part, []).append(unit)
    if out and by_part:
        # the whole is carried by every part that carries one of its pieces: «… двух стран, и подчеркнул, что они
        # ни против кого не направлены» carries "It is not aimed at anyone" too, which its best part leaves out
        whole, carrier = out[0]
        out[0] = whole, min((u for u in other[0] if carrier in u and all(p in u for p in by_part)), key=len,
                            default=carrier)
    for part, carried in by_part.items():
        # the pieces that matched one part, as one: "will not need a visa for stays of up to 72 hours" is «не
        # понадобится виза» and «если они приезжают не больше чем на 72 часа» together, not each alone
        joined = ", ".join(carried)
        if len(part) <= PIECE_SPAN * len(joined):  # else the part holds more than the pieces say
            out.append((joined, part))
    return out


def _covering(shorter: str, part: str, longer_units: list[str]) -> str:
    """The part of the longer quote widened to the words of the shorter that it lacks and another of its parts
    holds ("the army would run the field hospitals" matched "three field hospitals will open", and the army
    is in "and the army will not be in charge of them"): the smallest unit holding both."""
    missing = (_anchors(shorter) & _anchors(longer_units[0])) - _anchors(part)
    if not missing:
        return part
    return min((u for u in longer_units if part in u and missing <= _anchors(u)), key=len, default=part)


@lru_cache(maxsize=1 << 14)
def _anchors(text: str) -> frozenset[str]:
    """What ties a part of a quote to a part of another: its names and numbers (in either language, facts.py)
    and the stems of its content words (in one language)."""
    from quotetrace.link.facts import read

    stems = {word[:STEM] for word in _WORD.findall(text.casefold()) if len(word) >= 4 and word not in FUNCTION_WORDS}
    facts = {f"#{t.value}" if t.kind == "number" else f"@{t.value[:NAME_STEM]}" for t in read(text)
             if t.kind in ("number", "name")}
    return frozenset(stems | facts)
