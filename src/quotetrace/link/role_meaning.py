"""Roles by meaning: whether two sets of descriptors may name one person's roles in other words.

Head words (roles.py) tell roles apart only when outlets use the same words. "Swimmer" and "Olympic swimming
champion", "Nobel laureate in physics" and "physicist", "who heads the defence committee" and «председатель
комитета по обороне» are one person's role written twice; "goalkeeper" and "finance minister" are two
people's. Two checks, the cheap one first:

1. a shared content word: the descriptors (in one language) share a word or its stem (first STEM letters:
   "swimmer" / "swimming", «оборонного» / «обороне»), one that says what the role is about, not how high it
   ranks ("former", "chief", «главный»: QUALIFIERS) nor where (a name, capitalised on both sides: "Harnland's
   goalkeeper" and "Harnland's defence minister" share no content word; a Russian place adjective,
   «харнландский»);
2. sentence embeddings, when a multilingual scorer is given (one space for Russian and English): the closest
   pair of descriptors, each without its article and owner ("Rudenia's top diplomat" is read "top diplomat")
   and less what all roles share (the mean of COMMON_ROLES), at cosine ROLE_MEANING or more.

Embeddings are asked for only when the head words disagree and no word is shared, and each descriptor is
embedded once per linking run: most corpora never load the model for this.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from quotetrace.link.statements import ParaphraseScorer, Vectors

# Cosine at which two descriptors name one role: of USE multilingual v3 embeddings of the descriptors without
# article and owner, each less the mean of COMMON_ROLES' (what every role's embedding shares: single-word roles
# of unrelated trades are otherwise close, "opera singer" / "surgeon" 0.54). Chosen on pairs written for the
# purpose in other words than the fixtures' (no shared word): one person's roles 40 pairs, -0.01 to 0.94, 25
# at 0.5 or more ("striker" / "footballer", «фигуристка» / "figure skater"); clearly different roles, 4451 pairs
# across 11 trades, 3 at 0.5 or more (at most 0.57), 11 at 0.45. The dev files' six at stake (all one person):
# 0.35 ("top diplomat" / "foreign minister", left apart) to 0.82. A missed merge leaves one person as two
# speakers; a false one hides a second person: the threshold sits where the second costs almost nothing.
ROLE_MEANING = 0.50
COMMON_ROLES = (
    "manager", "officer", "worker", "specialist", "employee", "official", "member", "chairman", "expert",
    "representative", "engineer", "director", "adviser", "assistant", "secretary", "сотрудник", "специалист",
    "руководитель", "работник", "член", "представитель", "инженер", "консультант", "помощник", "секретарь",
)
STEM = 5  # letters of a word's stem (as the lexical scorer's): case endings and "-er"/"-ing" aside
_WORD = re.compile(r"[\w'’-]+")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_OWNER = re.compile(r"['’]s$")  # a name's possessive: "Harnland's", not "the miners'"
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_PLACE_ADJECTIVE = re.compile(r"ск(?:ий|ая|ое|ие|ого|ой|ую|ом|их|им|ими)$")  # «российский», «харнландской»
# Words any role may take: rank, time, scope, and the words of a relative clause ("who heads the ...").
QUALIFIERS = frozenset(
    "a an the of for to at in on from with by and or its his her their our who which that is was heads led leads "
    "former ex top senior junior deputy acting interim chief head leader boss first vice new current retired "
    "national state federal regional local general main assistant".split()
) | frozenset(
    "бывший бывшая глава главы главный главная руководитель первый первая заместитель старший старшая "
    "генеральный генеральная государственный государственная национальный национальная исполняющий "
    "обязанности временно вице который которая возглавляет".split()
)
_QUALIFIER_STEMS = frozenset(word[:STEM] for word in QUALIFIERS if _CYRILLIC.search(word))


def content_stems(descriptor: str) -> frozenset[tuple[str, bool]]:
    """The stems of a descriptor's content words, each with whether it was written lower-case there."""
    out: set[tuple[str, bool]] = set()
    for word in _WORD.findall(descriptor):
        folded = _POSSESSIVE.sub("", word.casefold()).strip("'’-")
        russian = _CYRILLIC.search(folded) is not None
        if len(folded) < 3 or folded in QUALIFIERS or (russian and folded[:STEM] in _QUALIFIER_STEMS):
            continue
        if russian and _PLACE_ADJECTIVE.search(folded):
            continue
        out.add((folded[:STEM], word[:1].islower()))
    return frozenset(out)


def share_content_word(one: Iterable[str], other: Iterable[str]) -> bool:
    """Some descriptor of each shares a content word's stem, lower-case on at least one side (a name
    capitalised on both, "Harnland", "Velmora Air", says where, not what)."""
    mine: dict[str, bool] = {}
    for descriptor in one:
        for stem, lower in content_stems(descriptor):
            mine[stem] = mine.get(stem, False) or lower
    for descriptor in other:
        for stem, lower in content_stems(descriptor):
            if stem in mine and (lower or mine[stem]):
                return True
    return False


def role_text(descriptor: str) -> str:
    """A descriptor as embedded: without its article and its owner's name ("Rudenia's top diplomat" → "top
    diplomat", "Velmora Air's chief executive" → "chief executive"; "the miners' union leader" is kept)."""
    words = descriptor.split()
    if words and words[0].casefold() in ("the", "a", "an"):
        words = words[1:]
    owner = next((i for i, word in enumerate(words) if _OWNER.search(word)), None)
    if owner is not None and owner < len(words) - 1 and all(w[:1].isupper() for w in words[:owner + 1]):
        words = words[owner + 1:]
    return " ".join(words) or descriptor


class RoleMeaning:
    """Whether descriptors may name one person's roles (see the module); ``scorer`` None or not multilingual:
    by shared words only (what linking did before embeddings)."""

    def __init__(self, scorer: ParaphraseScorer | None = None) -> None:
        self._scorer = scorer if getattr(scorer, "multilingual", False) else None
        self._vectors: dict[str, Vectors] = {}  # each descriptor's, centred and normalised
        self._centre: Vectors | None = None

    def alike(self, one: Sequence[str], other: Sequence[str]) -> bool:
        if not one or not other:
            return False
        if share_content_word(one, other):
            return True
        return self._scorer is not None and self.closeness(one, other) >= ROLE_MEANING

    def closeness(self, one: Sequence[str], other: Sequence[str]) -> float:
        """The cosine of the closest pair of descriptors (each embedded once, when first asked for)."""
        texts = {d: role_text(d) for d in (*one, *other)}
        self._embed(sorted({t for t in texts.values() if t not in self._vectors}))
        a = np.stack([self._vectors[texts[d]] for d in one])
        b = np.stack([self._vectors[texts[d]] for d in other])
        return float((a @ b.T).max())

    def _embed(self, texts: list[str]) -> None:
        if not texts:
            return
        assert self._scorer is not None
        if self._centre is None:
            self._centre = self._scorer.embed(list(COMMON_ROLES)).mean(axis=0)
        rows = self._scorer.embed(texts) - self._centre
        rows /= np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)
        self._vectors.update(zip(texts, rows, strict=True))
