"""Translation echoes: an English quote that renders a Russian statement in full, in part, or retold.

Candidates are never all pairs: a Russian and an English statement are compared only when they share a
canonical speaker (speakers are matched across scripts in ``speakers.py``), or, when either speaker is
unknown or anonymous, when they were published within ``DATE_WINDOW_DAYS`` of each other. Each side is cut
into units (the whole quote, its sentences and its two-sentence windows: outlets quote fragments) and embedded
with the multilingual scorer (USE multilingual v3); the pair's score is the best cosine between units. A pair
whose numbers, dates or names disagree is vetoed whatever its score ("15%" is not "50%"). Members found this
way are labelled ``translation`` (score at least ``TRANSLATION_THRESHOLD``: the same words in another
language, whole or fragment) or ``paraphrase`` (at least ``RETELLING_THRESHOLD``: a retelling).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from difflib import SequenceMatcher
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np

from quotetrace.link.speakers import name_key
from quotetrace.ru.names import transliterate
from quotetrace.store import Sighting

if TYPE_CHECKING:
    from quotetrace.link.statements import ParaphraseScorer, Relation, Vectors

# Chosen on the "tune" split of tests/fixtures/ru/echoes.jsonl and reported on the "test" split
# (benchmarks/translation.py); change them as a set.
TRANSLATION_THRESHOLD = 0.60
RETELLING_THRESHOLD = 0.45
DATE_WINDOW_DAYS = 3
# Below this many letters a unit (a sentence such as "Это так.") says too little to match on.
MIN_UNIT_CHARS = 20
# Two names match across scripts when their spelling-blind keys are this close ("ukraina"/"ukraine").
NAME_MATCH = 0.6
_SENTENCE = re.compile(r"(?<=[.!?…])[»”\"]?\s+(?=[«“\"A-ZА-ЯЁ])")
_NUMBER = re.compile(r"\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?")
_CAPITAL = re.compile(r"(?<![.!?«“\"„]\s)(?<!^)\b[A-ZА-ЯЁ][\w’'-]+")
_MONTHS_EN = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), start=1)}
_MONTHS_RU = (("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("мая", 5), ("май", 5), ("июн", 6),
              ("июл", 7), ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12))
# Names whose English and Russian forms are not spellings of each other.
_NAME_EQUIVALENTS = {"kiev": "kyiv", "kiiv": "kyiv", "ssha": "us", "usa": "us", "rf": "rusia", "rossia": "rusia",
                     "moskva": "moscow", "moscov": "moscow", "vashington": "washington", "germania": "germany",
                     "kremli": "kremlin", "kreml": "kremlin", "nato": "nato", "mid": "ministry"}


def language_of(text: str) -> str:
    cyrillic = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return "ru" if cyrillic > latin else "en"


def units(text: str) -> list[str]:
    """The whole quote, its sentences and its two-sentence windows."""
    bare = text.strip().strip("«»“”„\"").strip()
    sentences = [s.strip().strip("«»“”„\"") for s in _SENTENCE.split(bare) if len(s.strip()) >= MIN_UNIT_CHARS]
    windows = [f"{a} {b}" for a, b in pairwise(sentences)]
    return list(dict.fromkeys([bare, *sentences, *windows]))


def numbers(text: str) -> set[str]:
    return {re.sub(r"[\s.,]", "", n) for n in _NUMBER.findall(text)}


def months(text: str) -> set[int]:
    low = text.lower()
    found = {n for m, n in _MONTHS_EN.items() if re.search(rf"\b{m}\b", low)}
    found |= {n for stem, n in _MONTHS_RU if re.search(rf"\b{stem}", low)}
    return found


def names(text: str) -> set[str]:
    """Spelling-blind keys of the capitalised words not opening a sentence, in Latin letters."""
    out = set()
    for word in _CAPITAL.findall(text.strip().strip("«»“”„\" ")):
        key = name_key(transliterate(word))[:7]
        out.add(_NAME_EQUIVALENTS.get(key, key))
    return out


def _names_agree(a: set[str], b: set[str]) -> bool:
    """False when each side names someone or something the other does not."""
    def matched(x: str, others: set[str]) -> bool:
        return any(x[:4] == y[:4] or SequenceMatcher(None, x, y).ratio() >= NAME_MATCH for y in others)

    if not a or not b:
        return True
    return any(matched(x, b) for x in a) or not (any(not matched(x, b) for x in a) and any(
        not matched(y, a) for y in b))


def vetoed(original: str, echo: str) -> bool:
    """The echo's numbers, months or names disagree with the original's."""
    n_orig, n_echo = numbers(original), numbers(echo)
    if n_echo and n_orig and not n_echo <= n_orig:
        return True
    m_orig, m_echo = months(original), months(echo)
    if m_echo and m_orig and not m_echo <= m_orig:
        return True
    return not _names_agree(names(original), names(echo))


def _day(s: Sighting) -> date | None:
    when = s.published_at or s.seen_at
    try:
        return date.fromisoformat(when[:10]) if when else None
    except ValueError:
        return None


def candidate_pairs(
    groups: Sequence[Sequence[int]], sightings: Sequence[Sighting], quote_speakers: Mapping[int, str],
    anonymous: frozenset[str],
) -> set[tuple[int, int]]:
    """(Russian group, English group) pairs sharing a speaker, or dated close together when a speaker is
    unknown; never all pairs."""
    lang = [language_of(max((sightings[i].text for i in g), key=len)) for g in groups]
    speaker: list[str | None] = []
    day: list[date | None] = []
    for members in groups:
        known = [quote_speakers.get(sightings[i].quote_id) for i in members]
        named = [k for k in known if k is not None and k not in anonymous]
        speaker.append(named[0] if named else None)
        days = [d for d in (_day(sightings[i]) for i in members) if d is not None]
        day.append(min(days) if days else None)
    pairs: set[tuple[int, int]] = set()
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for g, sp in enumerate(speaker):
        if sp is not None:
            by_speaker[sp].append(g)
    for members in by_speaker.values():
        pairs |= {(a, b) for a in members for b in members if lang[a] == "ru" and lang[b] == "en"}
    english = sorted((d.toordinal(), g) for g, d in enumerate(day) if lang[g] == "en" and d is not None)
    keys = [k for k, _ in english]
    for a in range(len(groups)):
        d = day[a]
        if lang[a] != "ru" or d is None:
            continue
        lo = bisect.bisect_left(keys, d.toordinal() - DATE_WINDOW_DAYS)
        hi = bisect.bisect_right(keys, d.toordinal() + DATE_WINDOW_DAYS)
        for _, b in english[lo:hi]:
            if speaker[a] is None or speaker[b] is None:
                pairs.add((a, b))
    return pairs


def merge_translations(
    groups: list[list[int]], sightings: Sequence[Sighting], quote_speakers: Mapping[int, str],
    anonymous: frozenset[str], scorer: ParaphraseScorer,
) -> tuple[list[list[int]], dict[int, Relation]]:
    """Join Russian statements with their English echoes; the relation of each joined sighting."""
    pairs = candidate_pairs(groups, sightings, quote_speakers, anonymous)
    if not pairs:
        return groups, {}
    texts = [max((sightings[i].text for i in g), key=len) for g in groups]
    involved = sorted({g for pair in pairs for g in pair})
    unit_texts = {g: units(texts[g]) for g in involved}
    flat = [u for g in involved for u in unit_texts[g]]
    vectors: Vectors = scorer.embed(flat)
    rows: dict[int, Vectors] = {}
    pos = 0
    for g in involved:
        rows[g] = vectors[pos : pos + len(unit_texts[g])]
        pos += len(unit_texts[g])
    parent = list(range(len(groups)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    verdict: dict[int, Relation] = {}
    for a, b in sorted(pairs):
        score = float(np.max(rows[a] @ rows[b].T))
        if score < RETELLING_THRESHOLD or vetoed(texts[a], texts[b]):
            continue
        relation: Relation = "translation" if score >= TRANSLATION_THRESHOLD else "paraphrase"
        parent[find(b)] = find(a)
        for i in groups[b]:
            verdict[i] = relation
        for i in groups[a]:
            verdict.setdefault(i, relation)
    merged: dict[int, list[int]] = defaultdict(list)
    for g, members in enumerate(groups):
        merged[find(g)] += members
    return list(merged.values()), verdict


def score_pair(scorer: ParaphraseScorer, original: str, echo: str) -> float:
    """The best unit cosine of two quotes (what merge_translations compares to its thresholds)."""
    a, b = units(original), units(echo)
    vectors = scorer.embed(a + b)
    return float(np.max(vectors[: len(a)] @ vectors[len(a) :].T))
