"""Speakers across documents: each quote's resolved speaker name to one canonical Speaker of the corpus.

"Jane Smith", "Jane A. Smith", "Ms. Smith" and "Smith" become one speaker when nothing says otherwise. The
rules, in order:

1. Anonymous speakers (descriptions such as "a senior official", which start lower-case) stay scoped to
   their document: they never merge across documents.
2. Names that do not look like a person's (organisations: "Ministry of Defence", "Reuters") merge only
   with the same name, "the" and case aside.
3. Person names group by surname, then by first name ("Jane" and "John" Smith stay apart) and middle
   initial when both give one ("Jane A." and "Jane B."). Within one full name, documents whose roles
   (the head word of the descriptors: "minister", "plumber") are known and disjoint, and which share no
   co-occurring names, stay apart: two people with one name.
4. A surname alone ("Smith", "Ms. Smith") joins the full name seen in its own document, else the only full
   name of that surname in the corpus compatible with its title's gender, its roles and its context; when
   several remain it is left as its own speaker rather than guessed.
5. The user's corrections (``merge``, ``split``) are applied last, in the order they were made.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from quotetrace.model import Speaker
from quotetrace.store import Sighting

Override = tuple[Literal["merge", "split"], str, str]

# Titles before a name: dropped from the name, kept as evidence of gender where they give one.
_TITLES: dict[str, str | None] = {
    "mr": "m", "mister": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f",
    "dame": "f", "lady": "f", "dr": None, "prof": None, "professor": None, "president": None, "minister": None,
    "senator": None, "sen": None, "rep": None, "gov": None, "governor": None, "mayor": None, "gen": None,
    "general": None, "col": None, "colonel": None, "capt": None, "captain": None, "judge": None, "rev": None,
    "chancellor": None, "premier": None, "prime": None, "secretary": None, "ambassador": None,
}
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Words that make a name an organisation's, not a person's.
_ORG_WORDS = frozenset(
    "ministry department office agency association union party council committee commission company group "
    "bank institute university school police army navy force forces government parliament court service "
    "news times herald post radio tv press network foundation fund organisation organization corporation "
    "inc ltd plc llc co centre center society league federation alliance coalition board authority "
    "church hospital club team front movement campaign".split()
)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’\-]*\.?|[A-Z]\.)$")
_POSSESSIVE = re.compile(r"['’]s$")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Case, accents and spacing aside: the key two spellings of one name share."""
    folded = text.casefold()
    if not folded.isascii():
        folded = _COMBINING.sub("", unicodedata.normalize("NFKD", folded)).replace("’", "'")
    return " ".join(folded.split())


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name taken apart: first name (None when only the surname is given), middle initials."""

    first: str | None
    middle: str | None  # the first middle initial, folded
    surname: str
    gender: str | None  # from a title: "m", "f"


def parse_person(name: str) -> PersonName | None:
    """The parts of ``name`` when it looks like a person's name (1–4 capitalised words after any title)."""
    tokens = [_POSSESSIVE.sub("", t.strip(",;:")) for t in name.split()]
    tokens = [t for t in tokens if t]
    gender: str | None = None
    while tokens and fold(tokens[0]).rstrip(".") in _TITLES and len(tokens) > 1:
        gender = gender or _TITLES[fold(tokens.pop(0)).rstrip(".")]
    while tokens and fold(tokens[-1]).rstrip(".") in _SUFFIXES and len(tokens) > 1:
        tokens.pop()
    if not 1 <= len(tokens) <= 4 or not all(_NAME_TOKEN.match(t) for t in tokens):
        return None
    if any(fold(t).strip(".") in _ORG_WORDS for t in tokens) or tokens[-1].endswith("."):
        return None
    surname = fold(tokens[-1])
    if len(tokens) == 1:
        return PersonName(None, None, surname, gender)
    first = fold(tokens[0]).rstrip(".")
    middle = fold(tokens[1])[0] if len(tokens) > 2 else None
    return PersonName(first, middle, surname, gender)


# --- names across scripts and spellings (issue 7): "Иван Петров" = "Ivan Petrov" = "Ivan Petrow" ---------------
# Spelling variants of one romanised sound, applied in order to a folded name part ("Pyotr", "Piotr" → "petr").
_SPELLINGS = (("yo", "e"), ("io", "e"), ("ye", "e"), ("kh", "h"), ("ks", "x"), ("w", "v"), ("j", "i"), ("y", "i"),
              ("ph", "f"), ("tz", "ts"))
# Given names whose English, Polish or Ukrainian form is not a spelling of the Russian one.
_GIVEN_VARIANTS = {"peter": "petr", "petro": "petr", "paul": "pavel", "michael": "mihail", "alexander": "alexandr",
                   "oleksandr": "alexandr", "alex": "alexandr", "george": "georgi", "nicholas": "nikolai",
                   "gregory": "grigori", "eugene": "evgeni", "jevgeni": "evgeni", "fedor": "fedor", "theodore": "fedor",
                   "volodymyr": "vladimir", "andriy": "andrei", "andrew": "andrei", "dmytro": "dmitri"}
# Surnames of one person spelt differently beyond the rules above (calibrated on the fixtures' outlets).
NEAR_SURNAME = 0.88


def name_key(part: str) -> str:
    """A spelling-blind key of one name part: folded, variants unified, doubled letters collapsed."""
    key = fold(part).strip(".")
    key = _GIVEN_VARIANTS.get(key, key)
    for a, b in _SPELLINGS:
        key = key.replace(a, b)
    key = re.sub(r"ff$", "v", key)
    key = re.sub(r"(.)\1+", r"\1", key)
    return _GIVEN_VARIANTS.get(key, key)


def person_key(name: str) -> PersonName | None:
    """``parse_person`` on the Latin form of the name (Cyrillic transliterated), with spelling-blind parts."""
    from quotetrace.ru.names import has_cyrillic, transliterate

    person = parse_person(transliterate(name) if has_cyrillic(name) else name)
    if person is None:
        return None
    first = None if person.first is None else name_key(person.first)
    return PersonName(first, person.middle, name_key(person.surname), person.gender)


def _merge_near_surnames(persons: dict[str, list[_Mention]]) -> dict[str, list[_Mention]]:
    """Surnames one edit or so apart ("Zelensky"/"Zelenskyy" aside, already one key) that share a first name
    join the more frequent spelling; compared only within the same first two letters."""
    from difflib import SequenceMatcher

    by_prefix: dict[str, list[str]] = defaultdict(list)
    for key in sorted(persons, key=lambda k: (-len(persons[k]), k)):
        by_prefix[key[:2]].append(key)
    out: dict[str, list[_Mention]] = {}
    target: dict[str, str] = {}
    for keys in by_prefix.values():
        for i, key in enumerate(keys):
            firsts = {m.person.first for m in persons[key] if m.person and m.person.first}
            for other in keys[:i]:
                other_firsts = {m.person.first for m in persons[other] if m.person and m.person.first}
                near = SequenceMatcher(None, key, other).ratio() >= NEAR_SURNAME
                if len(key) >= 5 and firsts & other_firsts and near:
                    target[key] = target.get(other, other)
                    break
    for key, mentions in persons.items():
        out.setdefault(target.get(key, key), []).extend(mentions)
    return out


def _is_named(name: str) -> bool:
    """Names start upper-case ("the Ministry of Defence" too); descriptions ("a senior official") do not."""
    bare = name[4:] if name[:4].casefold() == "the " else name
    return bare[:1].isupper()


def role_heads(descriptors: Iterable[str]) -> frozenset[str]:
    """The role each descriptor names: its last word before any "of" ("chairwoman of the …" → chairwoman)."""
    heads = set()
    for descriptor in descriptors:
        words = re.findall(r"[\w'’-]+", fold(descriptor).split(" of ")[0])
        if words:
            heads.add(_POSSESSIVE.sub("", words[-1]))
    return frozenset(heads)


@dataclass(slots=True)
class _Mention:
    quote_id: int
    doc_id: str
    name: str
    descriptors: tuple[str, ...]
    person: PersonName | None


@dataclass(slots=True)
class _Cluster:
    mentions: list[_Mention] = field(default_factory=list)
    anonymous: bool = False

    def docs(self) -> set[str]:
        return {m.doc_id for m in self.mentions}

    def heads(self) -> frozenset[str]:
        return role_heads(d for m in self.mentions for d in m.descriptors)

    def gender(self) -> str | None:
        genders = {m.person.gender for m in self.mentions if m.person and m.person.gender}
        return genders.pop() if len(genders) == 1 else None


@dataclass(slots=True)
class SpeakerLinks:
    """What canonicalisation found: the speakers, and each quote's speaker."""

    speakers: list[Speaker]
    quote_speakers: dict[int, str]


def link_speakers(
    sightings: Iterable[Sighting],
    entities: Mapping[str, set[str]] | None = None,
    overrides: Sequence[Override] = (),
) -> SpeakerLinks:
    """Canonical speakers for the resolved speaker names of ``sightings`` (see the module's rules)."""
    entities = entities or {}
    anonymous: dict[tuple[str, str], _Cluster] = {}
    named: dict[str, _Cluster] = {}
    persons: dict[str, list[_Mention]] = defaultdict(list)
    for s in sightings:
        name = " ".join((s.speaker or "").split())
        if not name:
            continue
        mention = _Mention(s.quote_id, s.doc_id, name, s.descriptors, None)
        if not _is_named(name):
            anonymous.setdefault((s.doc_id, fold(name)), _Cluster(anonymous=True)).mentions.append(mention)
            continue
        mention.person = person_key(name)
        if mention.person is None:
            key = fold(name).removeprefix("the ")
            named.setdefault(key, _Cluster()).mentions.append(mention)
        else:
            persons[mention.person.surname].append(mention)
    persons = _merge_near_surnames(persons)
    clusters = list(anonymous.values()) + list(named.values())
    for surname in sorted(persons):
        clusters += _person_clusters(persons[surname], entities)
    clusters = _apply_overrides(clusters, overrides)
    return _result(clusters)


def _person_clusters(mentions: list[_Mention], entities: Mapping[str, set[str]]) -> list[_Cluster]:
    """Clusters for the mentions of one surname."""
    full: dict[tuple[str, str | None], list[_Mention]] = defaultdict(list)
    bare: list[_Mention] = []
    for m in mentions:
        assert m.person is not None
        if m.person.first is None:
            bare.append(m)
        else:
            full[(m.person.first, m.person.middle)].append(m)
    clusters: list[_Cluster] = []
    for first in sorted({first for first, _ in full}):
        groups = {middle: full[(f, middle)] for f, middle in full if f == first}
        initials = sorted(m for m in groups if m is not None)
        if len(initials) <= 1:  # "Jane Smith" and "Jane A. Smith" are one name
            merged = [m for group in groups.values() for m in group]
            clusters += _split_by_role(merged, entities)
        else:  # "Jane A." and "Jane B.": two people; the plain "Jane" goes with the most quoted
            by_size = sorted(initials, key=lambda i: (-len(groups[i]), i))
            for initial in initials:
                extra = groups.get(None, []) if initial == by_size[0] else []
                clusters += _split_by_role(groups[initial] + extra, entities)
    leftovers = _Cluster()
    for m in bare:
        target = _surname_target(m, clusters, entities)
        (target or leftovers).mentions.append(m)
    if leftovers.mentions:
        clusters.append(leftovers)
    return clusters


def _split_by_role(mentions: list[_Mention], entities: Mapping[str, set[str]]) -> list[_Cluster]:
    """One full name's mentions as one cluster, unless documents disagree on role and share no context."""
    by_doc: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_doc[m.doc_id].append(m)
    docs = sorted(by_doc)
    heads = {d: role_heads(x for m in by_doc[d] for x in m.descriptors) for d in docs}
    if len({h for h in heads.values() if h}) <= 1:
        return [_Cluster(mentions=list(mentions))]
    parent = {d: d for d in docs}

    def find(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    names = {fold(m.name) for m in mentions}
    context = {d: entities.get(d, set()) - names for d in docs}
    for i, a in enumerate(docs):
        for b in docs[i + 1:]:
            if (heads[a] & heads[b]) or len(context[a] & context[b]) >= 2:
                parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        groups[find(d)].append(d)
    headed = [g for g in groups.values() if any(heads[d] for d in g)]
    headless = [g for g in groups.values() if not any(heads[d] for d in g)]
    # Groups whose roles overlap are one person even when the documents between them are missing.
    merged: list[list[str]] = []
    for g in sorted(headed, key=lambda g: (-len(g), g)):
        g_heads = frozenset().union(*(heads[d] for d in g))
        for group in merged:
            if g_heads & frozenset().union(*(heads[d] for d in group)):
                group += g
                break
        else:
            merged.append(list(g))
    for g in headless:  # no role known: with the group sharing most context, else the largest
        g_context = set().union(*(context[d] for d in g))
        best = max(merged, key=lambda group: (len(g_context & set().union(*(context[d] for d in group))), len(group)))
        best += g
    return [_Cluster(mentions=[m for d in sorted(g) for m in by_doc[d]]) for g in merged]


def _surname_target(m: _Mention, clusters: list[_Cluster], entities: Mapping[str, set[str]]) -> _Cluster | None:
    """The one full-name cluster a bare surname belongs to, or None when there is none or several."""
    same_doc = [c for c in clusters if m.doc_id in c.docs()]
    if len(same_doc) == 1:
        return same_doc[0]
    candidates = same_doc or clusters
    assert m.person is not None
    gender = m.person.gender
    if gender is not None:
        candidates = [c for c in candidates if c.gender() in (None, gender)]
    heads = role_heads(m.descriptors)
    if len(candidates) > 1 and heads:
        candidates = [c for c in candidates if c.heads() & heads] or candidates
    if len(candidates) > 1:
        context = entities.get(m.doc_id, set())
        scored = [(len(context & set().union(*(entities.get(d, set()) for d in c.docs()))), c) for c in candidates]
        best = max(score for score, _ in scored)
        if best > 0:
            candidates = [c for score, c in scored if score == best]
    return candidates[0] if len(candidates) == 1 else None


def _apply_overrides(clusters: list[_Cluster], overrides: Sequence[Override]) -> list[_Cluster]:
    for kind, a, b in overrides:
        key_a, key_b = fold(a), fold(b)
        holder_a = _holder(clusters, key_a)
        if holder_a is None:
            continue
        if kind == "merge":
            holder_b = _holder(clusters, key_b)
            if holder_b is not None and holder_b is not holder_a and holder_a.anonymous == holder_b.anonymous:
                holder_a.mentions += holder_b.mentions
                clusters.remove(holder_b)
        else:
            moved = [m for m in holder_a.mentions if fold(m.name) == key_b]
            if moved and len(moved) < len(holder_a.mentions):
                holder_a.mentions = [m for m in holder_a.mentions if fold(m.name) != key_b]
                clusters.append(_Cluster(mentions=moved, anonymous=holder_a.anonymous))
    return clusters


def _holder(clusters: list[_Cluster], key: str) -> _Cluster | None:
    """The cluster whose canonical name is ``key``, else the one with ``key`` among its aliases or its id."""
    for c in clusters:
        if fold(_canonical_name(c)) == key or _speaker_id(c) == key:
            return c
    for c in clusters:
        if any(fold(m.name) == key for m in c.mentions):
            return c
    return None


def _canonical_name(c: _Cluster) -> str:
    """The most used full name (first name given, no title), then the longest; else the most used name."""
    counts = Counter(m.name for m in c.mentions)

    def rank(name: str) -> tuple[int, int, int, int, str]:
        person = parse_person(name)
        has_first = person is not None and person.first is not None
        titled = fold(name.split()[0]).rstrip(".") in _TITLES
        return (-int(has_first), int(titled), -counts[name], -len(name), name)

    return min(counts, key=rank)


def _speaker_id(c: _Cluster) -> str:
    # The first document keeps two people of one name (or two documents' "a source") apart.
    key = f"{fold(_canonical_name(c))}|{min(m.doc_id for m in c.mentions)}"
    return "sp-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _result(clusters: list[_Cluster]) -> SpeakerLinks:
    speakers: list[Speaker] = []
    quote_speakers: dict[int, str] = {}
    for c in clusters:
        if not c.mentions:
            continue
        name = _canonical_name(c)
        speaker_id = _speaker_id(c)
        descriptor_counts = Counter(d for m in c.mentions for d in dict.fromkeys(m.descriptors))
        speakers.append(Speaker(
            speaker_id=speaker_id,
            name=name,
            aliases=sorted({m.name for m in c.mentions} - {name}),
            descriptors=[d for d, _ in sorted(descriptor_counts.items(), key=lambda kv: (-kv[1], kv[0]))],
            anonymous=c.anonymous,
        ))
        for m in c.mentions:
            quote_speakers[m.quote_id] = speaker_id
    speakers.sort(key=lambda s: s.speaker_id)
    return SpeakerLinks(speakers, quote_speakers)
