"""Translation echoes: a quote in one language that renders a statement in the other, in full, in part, or retold.

Candidates are never all pairs: a Russian and an English statement are compared only when they share a
canonical speaker (speakers are matched across scripts in ``speakers.py``), or, when either speaker is
unknown or anonymous, when a sighting of one was published within ``DATE_WINDOW_DAYS`` of a sighting of the
other (a statement echoed for a week is near what is published around any of its echoes). Either may be the
original: the earlier is. Each side is cut into units (units.py: the whole quote, its sentences and its
two-sentence windows; outlets quote fragments) and embedded with the multilingual scorer (USE multilingual
v3); the pair's score is the best cosine between units. Members found this way are labelled ``translation``
(score at least ``TRANSLATION_THRESHOLD``: the same words in another language, whole or fragment) or
``paraphrase`` (at least ``RETELLING_THRESHOLD``: a retelling). Pairs are joined closest first, and never when
the two sides' members name different people (by canonical speaker and by surname), so that an unattributed
echo resembling two people's statements joins the one it renders best and cannot bridge the two.

The veto (veto.py) compares the two units that matched: a pair whose numbers, dates, names or negation
disagree is never joined as a translation. When such a pair is still a close translation (at least
``TRANSLATION_THRESHOLD``) of the same speaker's words, it is noted as a possible ``altered`` echo, for
statements.py to judge like one in the same language.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from quotetrace.link.provenance import sighting_dates, sighting_time
from quotetrace.link.units import Embeddings, Match
from quotetrace.link.veto import Capitals, Reason, disagreement, side_affiliations, speaker_keys
from quotetrace.store import Sighting

if TYPE_CHECKING:
    from quotetrace.link.statements import _Evidence

# Chosen on the "tune" split of tests/fixtures/echo/trust.json (with tests/fixtures/ru/echoes.jsonl) and
# reported on the "test" split (benchmarks/linking.py, benchmarks/translation.py); change them as a set. With
# the veto reading opposites, every retelling threshold from 0.40 to 0.45 and translation threshold from 0.60
# to 0.65 scores alike on tune (with a paraphrase threshold from 0.50 to 0.62): the middle of the plateau.
TRANSLATION_THRESHOLD = 0.60
RETELLING_THRESHOLD = 0.45
DATE_WINDOW_DAYS = 3
# A report in the other language of a direct quote (or a quote of a report) that scores TRANSLATION_THRESHOLD
# renders its words, as a quote in the other language does: "heating will be switched on in X on 5 October, a
# week earlier than usual" for «Отопление в X включат 5 октября, на неделю раньше обычного». A looser one (a
# summary, figures rounded, clauses reordered) is a paraphrase. The four echo files written since trust-blind2
# (whose annotators call a report a translation when a reader could back-translate it close to the original)
# score best with the one threshold for both (0.75 before: translation recall 0.59-0.75 there, now 0.85-0.91);
# the three older files call every report across languages a paraphrase, and lose paraphrase recall by it.


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
    """(Russian group, English group) pairs sharing a speaker (any of their members' named speakers: a group
    joins copies and retellings whose outlets did not all name the speaker alike), or with members dated close
    together when one has no named speaker; never all pairs."""
    from quotetrace.link.statements import quote_language

    lang = [quote_language(max((sightings[i].text for i in g), key=len)) for g in groups]
    speakers: list[set[str]] = []  # every named speaker of a group's members (one outlet may name another)
    days: list[set[int]] = []  # the days its members were published on: an echo near any of them is near it
    for members in groups:
        known = (quote_speakers.get(sightings[i].quote_id) for i in members)
        speakers.append({k for k in known if k is not None and k not in anonymous})
        days.append({d.toordinal() for d in (_day(sightings[i]) for i in members) if d is not None})
    pairs: set[tuple[int, int]] = set()
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for g, named in enumerate(speakers):
        for sp in named:
            by_speaker[sp].append(g)
    for members in by_speaker.values():
        pairs |= {(a, b) for a in members for b in members if lang[a] == "ru" and lang[b] == "en"}
    english = sorted((d, g) for g, ds in enumerate(days) if lang[g] == "en" for d in ds)
    keys = [k for k, _ in english]
    for a in range(len(groups)):
        if lang[a] != "ru":
            continue
        for d in days[a]:
            lo = bisect.bisect_left(keys, d - DATE_WINDOW_DAYS)
            hi = bisect.bisect_right(keys, d + DATE_WINDOW_DAYS)
            pairs.update((a, b) for _, b in english[lo:hi] if not speakers[a] or not speakers[b])
    return pairs


def merge_translations(
    groups: list[list[int]], sightings: Sequence[Sighting], quote_speakers: Mapping[int, str],
    anonymous: frozenset[str], embeddings: Embeddings, evidence: _Evidence, corpus: Capitals,
    named: Callable[[int], frozenset[str]] = lambda _: frozenset(),
) -> list[list[int]]:
    """Join statements with their echoes in the other language (statements.py labels them); ``corpus``: for the
    veto (veto.py). ``named``: who a sighting is attributed to (statements._Echoes.named): two statements
    whose members name different people are never joined, not even through an unattributed echo that each
    resembles (a fragment joined to one person's statement and retold from another's)."""
    pairs = candidate_pairs(groups, sightings, quote_speakers, anonymous)
    if not pairs:
        return groups
    representative = [max(g, key=lambda i: len(sightings[i].text)) for g in groups]
    first = [min(g, key=lambda i: sighting_time(sightings[i])) for g in groups]  # what an altered echo alters
    texts = [sightings[i].text for i in representative]
    first_texts = [sightings[i].text for i in first]
    embeddings.add([t for g in sorted({g for pair in pairs for g in pair}) for t in (texts[g], first_texts[g])])
    parent = list(range(len(groups)))
    people = [set().union(*map(named, g)) for g in groups]  # by root: who its members name

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Closest pairs first: an echo that resembles two statements joins the one it renders best, and the people
    # its statement then names keep it from the other.
    matches = [(embeddings.best(texts[a], texts[b]), a, b) for a, b in sorted(pairs)]
    for match, a, b in sorted(matches, key=lambda m: -m[0].score):
        if match.score < RETELLING_THRESHOLD:
            break
        pair = (representative[a], representative[b])
        reason = _disagreement(sightings, pair, match, corpus)
        if reason is not None and (first[a], first[b]) != pair:
            # A group's longest member may be an altered copy or a retelling: its first sighting gives the words
            # that the other language renders ("inflation is falling" kept apart by a copy saying "rising").
            first_match = embeddings.best(first_texts[a], first_texts[b])
            if first_match.score >= RETELLING_THRESHOLD and _disagreement(
                    sightings, (first[a], first[b]), first_match, corpus) is None:
                reason = None
        if reason is not None:
            evidence.veto(reason)
            if match.score >= TRANSLATION_THRESHOLD:  # the same words with a fact changed, if the speaker is the same
                evidence.altered.append((representative[a], representative[b]))
                if (first[a], first[b]) != (representative[a], representative[b]):
                    # a group's longest member may be a retelling; its first sighting gives the words
                    evidence.altered.append((first[a], first[b]))
            continue
        root_a, root_b = find(a), find(b)
        if people[root_a] and people[root_b] and not people[root_a] & people[root_b]:
            continue
        parent[root_b] = root_a
        people[root_a] |= people[root_b]
    merged: dict[int, list[int]] = defaultdict(list)
    for g, members in enumerate(groups):
        merged[find(g)] += members
    return list(merged.values())


def _disagreement(
    sightings: Sequence[Sighting], pair: tuple[int, int], match: Match, corpus: Capitals,
) -> Reason | None:
    """What the veto finds between two sightings' texts in two languages (None: nothing)."""
    one, other = sightings[pair[0]], sightings[pair[1]]
    return disagreement(one.text, other.text, speaker_keys((one.speaker, other.speaker)), match, corpus,
                        side_affiliations(one.descriptors, other.descriptors),
                        sighting_dates(one, other))


def renders(match: Match | None) -> bool:
    """The best-matching parts of two quotes in different languages are close enough for one to render the
    other's words, whether as a quote or as a report (``TRANSLATION_THRESHOLD``)."""
    return match is not None and match.score >= TRANSLATION_THRESHOLD
