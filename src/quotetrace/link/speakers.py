"""Speakers across documents: each quote's resolved speaker name to one canonical Speaker of the corpus.

"Jane Smith", "Jane A. Smith", "Ms. Smith" and "Smith" become one speaker when nothing says otherwise. The
rules, in order:

1. Anonymous speakers (descriptions such as "a senior official", which start lower-case) stay scoped to
   their document: they never merge across documents.
2. Names that do not look like a person's (organisations: "Ministry of Defence", "Reuters") merge only
   with the same name, "the" and case aside.
3. Person names group by surname, then by first name ("Jane" and "John" Smith stay apart) and middle
   initial when both give one ("Jane A." and "Jane B."). Names in Cyrillic are read transliterated
   ("Сергей Волков" = "Sergei Volkov"); a name seen in both scripts is compared by how it sounds, its Latin
   spelling read as English, French, Italian, German, Spanish or Polish letters would be transcribed
   ("Claude Renard" = «Клод Ренар», "Lucia" = «Лючия», "Juan" = «Хуан»), while Latin spellings alone are
   compared letter by letter. Within one full name, documents whose roles (the head word of the descriptors:
   "minister", "plumber"; a Russian descriptor's role words in English, roles.py) are known and disjoint, and
   which share no co-occurring names, stay apart: two people with one name; unless the roles are one in
   other words (role_meaning.py): a title of office loosely translated, a shared content word ("swimmer" /
   "Olympic swimming champion"), or, given the statements' multilingual sentence embeddings, descriptors
   close in meaning ("virologist" / "epidemiologist"; never "goalkeeper" / "finance minister").
4. A surname alone ("Smith", "Ms. Smith") joins the full name seen in its own document, else the only full
   name of that surname in the corpus compatible with its title's gender, its roles and its context (once
   rule 3 has joined one person's roles); when several remain it is left as its own speaker rather than
   guessed.
5. The user's corrections (``merge``, ``split``) are applied last, in the order they were made.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import combinations
from typing import TYPE_CHECKING, Literal

from quotetrace.link.role_meaning import RoleMeaning
from quotetrace.link.roles import BROAD_ROLES, role_heads, role_heads_by_script
from quotetrace.model import Speaker
from quotetrace.store import Sighting

if TYPE_CHECKING:
    from quotetrace.link.statements import ParaphraseScorer

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
        # "Pyotr"/"Piotr" → "petr"; but an opening "Yo"/"Io" is a consonant and a vowel ("Yonas" = «Йонас»)
        key = key[0] + key[1:].replace(a, b) if a in ("yo", "io") and key else key.replace(a, b)
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


# How a name sounds, for names written in both scripts: an English name in Cyrillic is spelt by its sound
# ("Dahl" = «Даль», "Mercer" = «Мерсер», "Stone" = «Стоун»), which a letter-for-letter key cannot match.
# Digraphs to one letter, then consonants only (vowels and a silent "h" are where transcriptions differ), after
# a mark for a name that opens with a vowel ("Anna" is not «Нина»). "ch" is «ч» in English names and «ш» in
# French ones ("Charlotte" = «Шарлотта»): one sound here, as are the two; an English "w" is written «у», a
# vowel ("Whitmore" = «Уитмор»).
_SOUNDS = (("shch", "S"), ("dzh", "J"), ("tch", "S"), ("sch", "S"), ("ch", "S"), ("sh", "S"), ("zh", "J"),
           ("kh", "h"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("gh", "g"), ("qu", "kv"), ("x", "ks"),
           ("wh", "w"), ("w", "u"), ("j", "J"), ("q", "k"))
_SOFT_C = re.compile(r"c(?=[eiy])")
# "gh" after a vowel is silent, and Russian writes nothing for it ("Brightwell" = «Брайтуэлл», "Everleigh" =
# «Эверли», "Hughes" = «Хьюз»); elsewhere it is a "g" ("Ghent" = «Гент»)
_SILENT_GH = re.compile(r"(?<=[aeiouy])gh")
# An "h" that opens a name or stands between vowels is sounded, and Russian writes it «г» ("Henrik" = «Генрик»,
# Ukrainian "Ihor" = «Игорь») or «х» ("Hannah" = «Ханна»): one sound here, as «г» and «х» are; elsewhere silent.
_SOUNDED_H = re.compile(r"^h|(?<=[aeiouy])h(?=[aeiouy])")
_INNER_H = re.compile(r"(?<=.)h")
_VOWEL = re.compile(r"[aeiouy'ʹʼ]")
OPENING_VOWEL = "a"  # what sound() writes for a name that opens with a vowel


def sound(part: str) -> str:
    """The consonants of a Latin name part as they sound ("Mercer" and «Мерсер» transliterated: "mrsr"; "Oliver"
    and «Оливер»: "alvr", the opening vowel marked)."""
    text = _SILENT_GH.sub("", fold(part).strip("."))
    for a, b in _SOUNDS:
        text = text.replace(a, b)
    text = _SOFT_C.sub("s", text).replace("c", "k").replace("z", "s")  # voiced or not: "Seltzer" = «Зельцер»
    text = _INNER_H.sub("", _SOUNDED_H.sub("g", text))
    opening = OPENING_VOWEL if _VOWEL.match(text) else ""
    return opening + re.sub(r"(.)\1+", r"\1", _VOWEL.sub("", text))


def _rules(*pairs: tuple[str, str]) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), letters) for pattern, letters in pairs)


# How a Russian transcription may read a Latin name's letters besides as English (sound() itself): as French,
# Italian, German (Dutch, Scandinavian), Spanish or Polish names are read. Each is applied in order, then sound().
_READINGS = (
    # English again, as Russian writes some of its letters apart from sound()'s: "th" («з» or «с»: "Fairweather" =
    # «Фэрвезер», "Heath" = «Хит» stays sound()'s), and "w" also «в» ("Wolfe" = «Вулф»)
    _rules(("th", "z"),),
    _rules(("th", "z"), ("w", "v")),
    # French: a silent last letter ("Dubois" = «Дюбуа», "Mercier" = «Мерсье», "Renard" = «Ренар», "Laurent" =
    # «Лоран», "Arnault" = «Арно»), a silent opening "h" ("Henri" = «Анри»), "qu" ("Jacques" = «Жак»), "g"
    # before e/i ("Gilles" = «Жиль»; "gu" stays hard)
    _rules((r"(?<=[aeiou])[sxtdz]$|(?<=ie)r$|(?<=r)[dt]$|(?<=[aeiou]n)[td]$|(?<=au)lt$", ""), (r"^h", ""),
           ("qu", "k"), (r"gu(?=[eiy])", "gh"), (r"g(?=[eiy])", "zh")),
    # Italian: "ci"/"ce" and "gi"/"ge" ("Lucia" = «Лючия», "Giorgio" = «Джорджо»), "ch" ("Chiara" = «Кьяра»),
    # "z" («ц»: "Lorenzo" = «Лоренцо»)
    _rules(("ch", "k"), ("z", "ts"), (r"c?c(?=[ei])", "ch"), (r"g?g(?=[ei])", "dzh")),
    # German, Dutch, Scandinavian: "w" («в»: "Wolfgang"), "j" («й»: "Jens" = «Йенс»), "z" («ц»: "Heinz"), "ch"
    # («х»: "Michael" = «Михаэль»)
    _rules((r"(?<!s)ch", "kh"), ("w", "v"), ("j", "y"), ("z", "ts")),
    # Spanish, Portuguese: "j" («х»: "Juan" = «Хуан»), a silent opening "h" ("Hernán" = «Эрнан»), "qu"
    _rules((r"^h", ""), ("j", "h"), ("qu", "k")),
    # Polish, Czech: "w", "j", "c" («ц»: "Wacław" = «Вацлав»), "cz", "sz", "rz", "ch" («х»)
    _rules(("ch", "kh"), ("cz", "ch"), ("sz", "sh"), ("rz", "zh"), (r"c(?!h)", "ts"), ("w", "v"), ("j", "y")),
)


@lru_cache(maxsize=1 << 16)
def readings(part: str) -> frozenset[str]:
    """The sounds a Latin name part may have in a Russian transcription: as English, French, Italian, German,
    Spanish or Polish letters read ("Claude" and «Клод»: "kld"; "Lucia" and «Лючия»: "lS")."""
    text = fold(part.casefold().replace("ç", "s").replace("ł", "l")).strip(".")
    out = {sound(text)}
    for rules in _READINGS:
        variant = text
        for pattern, letters in rules:
            variant = pattern.sub(letters, variant)
        out.add(sound(variant))
    return frozenset(out)


def heard_as(part: str, cyrillic: bool) -> frozenset[str]:
    """How a name part in Latin letters may sound: a Cyrillic spelling transliterated has the one sound its letters
    give (``sound``), a Latin spelling the readings a Russian transcription may give it (``readings``)."""
    return frozenset({sound(part)}) if cyrillic else readings(part)


def consonants(heard: str) -> int:
    """The consonants of a sound (``sound``), the opening vowel's mark aside."""
    return len(heard.removeprefix(OPENING_VOWEL))


def _merge_across_scripts(persons: dict[str, list[_Mention]]) -> dict[str, list[_Mention]]:
    """A surname seen only in Cyrillic joins the one surname seen only in Latin letters that sounds the same with
    a first name that sounds the same ("Ханна Рейес" = "Hannah Reyes", "Клод Ренар" = "Claude Renard"); its
    mentions take the Latin keys, so that the names group as one (rule 3). Never within one script, where
    spellings are compared letter by letter."""
    from quotetrace.ru.names import has_cyrillic

    def sounds(key: str) -> set[tuple[str, str]]:
        return set().union(*(_name_sounds(name) for name in {m.name for m in persons[key]}))

    script = {key: {has_cyrillic(m.name) for m in mentions} for key, mentions in persons.items()}
    if not any(True in scripts for scripts in script.values()):
        return persons  # no name seen in Cyrillic: nothing to hear (most corpora, at no cost)
    latin: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, scripts in script.items():
        if scripts == {False}:
            for found in sounds(key):
                latin[found].add(key)
    out = dict(persons)
    for key, scripts in script.items():
        if scripts != {True}:
            continue
        targets = {t for h in sounds(key) for t in latin.get(h, ())}
        if len(targets) != 1:
            continue  # none, or several people it could be: left apart rather than guessed
        target = targets.pop()
        _move(out, key, target, persons[target])
    return _latin_spellings_heard(out, sounds)


def _latin_spellings_heard(persons: dict[str, list[_Mention]],
                           sounds: Callable[[str], set[tuple[str, str]]]) -> dict[str, list[_Mention]]:
    """A surname seen only in Latin letters joins the one surname written in Cyrillic too whose Cyrillic
    spelling sounds the same, with a first name that sounds the same: two outlets' transliterations of one
    Russian name ("Mark Seltzer" and "Mark Zeltser", both «Марк Зельцер»; "Ihor Pasichnyk" and «Игорь
    Пасечник»). Never on Latin spellings alone, which are compared letter by letter."""
    from quotetrace.ru.names import has_cyrillic

    cyrillic: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, mentions in persons.items():
        if any(has_cyrillic(m.name) for m in mentions):
            for m in mentions:
                if has_cyrillic(m.name):
                    firsts, surname = _heard(m)
                    for first in firsts:
                        cyrillic[(first, sound(surname))].add(key)
    if not cyrillic:
        return persons
    heard: dict[str, set[str]] = {}  # each Latin-only surname: the surnames with a Cyrillic spelling it sounds as
    for key, mentions in persons.items():
        if not any(has_cyrillic(m.name) for m in mentions):
            heard[key] = {t for h in sounds(key) for t in cyrillic.get(h, ()) if t != key}
    hearers = Counter(t for targets in heard.values() if len(targets) == 1 for t in targets)
    out = dict(persons)
    for key, targets in heard.items():
        if len(targets) != 1 or hearers[next(iter(targets))] != 1:
            continue  # none, or several it could be, or several spellings it could join: left apart
        target = targets.pop()
        _move(out, key, target, out[target])
    return out


@lru_cache(maxsize=1 << 16)
def _name_sounds(name: str) -> frozenset[tuple[str, str]]:
    """(first name, surname) as a full name may sound: a Cyrillic spelling's one sound, a Latin one's readings;
    surnames of two consonants or more (fewer match too much), or of one with a first name of two or more
    ("Gordon Tate" = «Гордон Тейт»)."""
    from quotetrace.ru.names import has_cyrillic

    firsts, surname = _heard_name(name)
    surnames = heard_as(surname, has_cyrillic(name))
    return frozenset((f, s) for f in firsts for s in surnames
                     if consonants(s) >= 2 or (consonants(s) == 1 and consonants(f) >= 2))


def _move(persons: dict[str, list[_Mention]], key: str, target: str, named: list[_Mention]) -> None:
    """The mentions under surname ``key`` join ``target``'s, each with the first name that sounds as theirs among
    ``named`` (the target's own spelling of it), else their own."""
    firsts: dict[str, str] = {}
    for m in named:
        if m.person is not None and m.person.first is not None:
            for heard in sorted(_heard(m)[0]):
                firsts.setdefault(heard, m.person.first)
    moved = []
    for m in persons.pop(key):
        assert m.person is not None
        first = next((firsts[h] for h in sorted(_heard(m)[0]) if h in firsts), None) or m.person.first
        moved.append(_Mention(m.quote_id, m.doc_id, m.name, m.descriptors,
                              PersonName(first, m.person.middle, target, m.person.gender)))
    persons[target] = persons[target] + moved


def _heard(m: _Mention) -> tuple[frozenset[str], str]:
    """How a mention's first name may sound (none when it has none), and its surname as written in Latin
    letters."""
    return _heard_name(m.name)


@lru_cache(maxsize=1 << 16)
def _heard_name(name: str) -> tuple[frozenset[str], str]:
    from quotetrace.ru.names import has_cyrillic, transliterate

    cyrillic = has_cyrillic(name)
    person = parse_person(transliterate(name) if cyrillic else name)
    if person is None:
        return frozenset(), ""
    if person.first is None:
        return frozenset(), person.surname
    return heard_as(person.first, cyrillic), person.surname


def _first_names_across_scripts(persons: dict[str, list[_Mention]]) -> dict[str, list[_Mention]]:
    """Within one surname, a first name written in Cyrillic takes the one Latin first name that sounds the same
    ("Сэмюэл Осеи" = "Samuel Osei": the surname is spelt alike, the first name by its sound; "Лючия Ферранте" =
    "Lucia Ferrante", an Italian "ci" read «чи»)."""
    from quotetrace.ru.names import has_cyrillic

    out = dict(persons)
    for key, mentions in persons.items():
        named = [(m, has_cyrillic(m.name)) for m in mentions if m.person is not None and m.person.first is not None]
        if not any(cyrillic for _, cyrillic in named) or all(cyrillic for _, cyrillic in named):
            continue  # first names in one script only: nothing to hear alike
        latin: dict[str, set[str]] = defaultdict(set)
        for m, cyrillic in named:
            if not cyrillic and m.person is not None and m.person.first is not None:
                for heard in _heard(m)[0]:
                    latin[heard].add(m.person.first)
        moved = []
        for m in mentions:
            first = m.person.first if m.person is not None else None
            spellings: set[str] = set()  # the Latin first names it sounds as
            if first is not None and has_cyrillic(m.name):
                spellings = spellings.union(*(latin.get(h, set()) for h in _heard(m)[0]))
            if m.person is None or len(spellings) != 1 or first in spellings:
                moved.append(m)
                continue
            moved.append(_Mention(m.quote_id, m.doc_id, m.name, m.descriptors,
                                  PersonName(spellings.pop(), m.person.middle, m.person.surname, m.person.gender)))
        out[key] = moved
    return out


def _merge_near_surnames(persons: dict[str, list[_Mention]]) -> dict[str, list[_Mention]]:
    """Surnames one edit or so apart ("Zelensky"/"Zelenskyy" aside, already one key) that share a first name
    join the more frequent spelling; compared only within the same first two letters and first name."""
    order = sorted(persons, key=lambda k: (-len(persons[k]), k))
    rank = {key: i for i, key in enumerate(order)}
    firsts = {key: {m.person.first for m in persons[key] if m.person and m.person.first} for key in order}
    seen: dict[tuple[str, str], list[str]] = defaultdict(list)  # (first two letters, first name) -> surnames
    target: dict[str, str] = {}
    for key in order:
        blocks = [seen[(key[:2], first)] for first in firsts[key]]
        if len(key) >= 5:
            earlier = sorted({other for block in blocks for other in block}, key=rank.__getitem__)
            near = next((other for other in earlier if _near_surname(key, other)), None)
            if near is not None:
                target[key] = target.get(near, near)
        for block in blocks:
            block.append(key)
    out: dict[str, list[_Mention]] = {}
    for key, mentions in persons.items():
        out.setdefault(target.get(key, key), []).extend(mentions)
    return out


def _near_surname(a: str, b: str) -> bool:
    if 2 * min(len(a), len(b)) < NEAR_SURNAME * (len(a) + len(b)):  # the lengths alone bound the ratio
        return False
    matcher = SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= NEAR_SURNAME and matcher.ratio() >= NEAR_SURNAME  # a bound, then the ratio


def _is_named(name: str) -> bool:
    """Names start upper-case ("the Ministry of Defence" too); descriptions ("a senior official") do not."""
    bare = name[4:] if name[:4].casefold() == "the " else name
    return bare[:1].isupper()


@dataclass(frozen=True, slots=True)
class _Name:
    """One spelling of a speaker's name as linking reads it."""

    text: str  # spacing normalised
    folded: str
    named: bool  # False: a description ("a senior official"), scoped to its document
    person: PersonName | None  # None: not a person's name (or not named)


def _read_name(raw: str) -> _Name | None:
    text = " ".join(raw.split())
    if not text:
        return None
    named = _is_named(text)
    return _Name(text, fold(text), named, person_key(text) if named else None)


@lru_cache(maxsize=1 << 16)
def _heads(descriptors: tuple[str, ...]) -> frozenset[str]:
    """``role_heads`` of one mention's descriptors: a corpus repeats the same few, so each is parsed once."""
    return role_heads(descriptors)


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


@dataclass(eq=False, slots=True)
class _Standing:
    """What a bare surname is matched on in one full-name cluster, kept up to date as mentions join it
    (so that each bare surname costs a look at each cluster, not at each of its mentions)."""

    cluster: _Cluster
    docs: set[str] = field(default_factory=set)
    genders: set[str] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)
    context: set[str] | None = None  # the names in its documents; built when first asked for

    @classmethod
    def of(cls, cluster: _Cluster) -> _Standing:
        standing = cls(cluster)
        for m in cluster.mentions:
            standing.note(m)
        return standing

    def add(self, m: _Mention, entities: Mapping[str, set[str]]) -> None:
        self.cluster.mentions.append(m)
        self.note(m)
        if self.context is not None:
            self.context |= entities.get(m.doc_id, set())

    def note(self, m: _Mention) -> None:
        self.docs.add(m.doc_id)
        if m.person is not None and m.person.gender is not None:
            self.genders.add(m.person.gender)
        self.heads |= _heads(m.descriptors)

    def gender(self) -> str | None:
        return next(iter(self.genders)) if len(self.genders) == 1 else None

    def names_around(self, entities: Mapping[str, set[str]]) -> set[str]:
        if self.context is None:
            self.context = set().union(*(entities.get(d, set()) for d in self.docs))
        return self.context


@dataclass(slots=True)
class SpeakerLinks:
    """What canonicalisation found: the speakers, and each quote's speaker."""

    speakers: list[Speaker]
    quote_speakers: dict[int, str]


def link_speakers(
    sightings: Iterable[Sighting],
    entities: Mapping[str, set[str]] | None = None,
    overrides: Sequence[Override] = (),
    *,
    scorer: ParaphraseScorer | None = None,
) -> SpeakerLinks:
    """Canonical speakers for the resolved speaker names of ``sightings`` (see the module's rules).

    ``scorer``: the multilingual sentence embeddings statements are linked with, to compare roles written in
    other words (role_meaning.py); None compares them by their words only."""
    entities = entities or {}
    meaning = RoleMeaning(scorer)
    anonymous: dict[tuple[str, str], _Cluster] = {}
    named: dict[str, _Cluster] = {}
    persons: dict[str, list[_Mention]] = defaultdict(list)
    names: dict[str, _Name | None] = {}  # a corpus names the same people over and over: read each spelling once
    for s in sightings:
        raw = s.speaker or ""
        if raw not in names:
            names[raw] = _read_name(raw)
        name = names[raw]
        if name is None:
            continue
        mention = _Mention(s.quote_id, s.doc_id, name.text, s.descriptors, name.person)
        if not name.named:
            anonymous.setdefault((s.doc_id, name.folded), _Cluster(anonymous=True)).mentions.append(mention)
        elif name.person is None:
            named.setdefault(name.folded.removeprefix("the "), _Cluster()).mentions.append(mention)
        else:
            persons[name.person.surname].append(mention)
    persons = _first_names_across_scripts(_merge_across_scripts(_merge_near_surnames(persons)))
    clusters = list(anonymous.values()) + list(named.values())
    for surname in sorted(persons):
        clusters += _person_clusters(persons[surname], entities, meaning)
    clusters = _apply_overrides(clusters, overrides)
    return _result(clusters)


def _person_clusters(mentions: list[_Mention], entities: Mapping[str, set[str]],
                     meaning: RoleMeaning) -> list[_Cluster]:
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
            clusters += _split_by_role(merged, entities, meaning)
        else:  # "Jane A." and "Jane B.": two people; the plain "Jane" goes with the most quoted
            by_size = sorted(initials, key=lambda i: (-len(groups[i]), i))
            for initial in initials:
                extra = groups.get(None, []) if initial == by_size[0] else []
                clusters += _split_by_role(groups[initial] + extra, entities, meaning)
    standings = [_Standing.of(c) for c in clusters]
    by_doc: dict[str, list[_Standing]] = defaultdict(list)
    for standing in standings:
        for doc_id in standing.docs:
            by_doc[doc_id].append(standing)
    leftovers = _Cluster()
    for m in bare:
        target = _surname_target(m, standings, by_doc, entities)
        if target is None:
            leftovers.mentions.append(m)
            continue
        if m.doc_id not in target.docs:
            by_doc[m.doc_id].append(target)
        target.add(m, entities)
    if leftovers.mentions:
        clusters.append(leftovers)
    return clusters


def _split_by_role(mentions: list[_Mention], entities: Mapping[str, set[str]],
                   meaning: RoleMeaning) -> list[_Cluster]:
    """One full name's mentions as one cluster, unless documents disagree on role and share no context."""
    by_doc: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_doc[m.doc_id].append(m)
    docs = sorted(by_doc)
    heads = {d: frozenset().union(*(_heads(m.descriptors) for m in by_doc[d])) for d in docs}
    if len({h for h in heads.values() if h}) <= 1:
        return [_Cluster(mentions=list(mentions))]
    names = {fold(m.name) for m in mentions}
    context = {d: entities.get(d, set()) - names for d in docs}
    groups = _documents_together(docs, heads, context)
    headed = [g for g in groups if any(heads[d] for d in g)]
    headless = [g for g in groups if not any(heads[d] for d in g)]
    # Groups whose roles overlap are one person even when the documents between them are missing.
    merged: list[list[str]] = []
    merged_heads: list[set[str]] = []
    for g in sorted(headed, key=lambda g: (-len(g), g)):
        g_heads = set().union(*(heads[d] for d in g))
        k = next((k for k, known in enumerate(merged_heads) if g_heads & known), None)
        if k is None:
            merged.append(list(g))
            merged_heads.append(g_heads)
        else:
            merged[k] += g
            merged_heads[k] |= g_heads
    merged_context = [set().union(*(context[d] for d in group)) for group in merged]
    for g in headless:  # no role known: with the group sharing most context, else the largest
        g_context = set().union(*(context[d] for d in g))
        best = max(range(len(merged)), key=lambda k: (len(g_context & merged_context[k]), len(merged[k])))
        merged[best] += g
        merged_context[best] |= g_context
    merged = _join_alike_roles(merged, by_doc, meaning)
    return [_Cluster(mentions=[m for d in sorted(g) for m in by_doc[d]]) for g in merged]


def _join_alike_roles(groups: list[list[str]], by_doc: Mapping[str, list[_Mention]],
                      meaning: RoleMeaning) -> list[list[str]]:
    """Groups kept apart by role words join when their roles do not really disagree: across languages a title
    of office is a loose translation (``_disagree``: "chief public health officer" and «главный санитарный
    врач»), and in any language other words may name the same role (``RoleMeaning``: "swimmer" and "Olympic
    swimming champion", "virologist" and "epidemiologist")."""
    joined: list[list[str]] = []
    roles: list[dict[str, frozenset[str]]] = []
    described: list[list[str]] = []
    for group in groups:
        mentions = [m for d in group for m in by_doc[d]]
        mine = _roles_by_script(mentions)
        descriptors = sorted({d for m in mentions for d in m.descriptors})
        k = next((k for k, theirs in enumerate(roles)
                  if not _disagree(mine, theirs) or meaning.alike(descriptors, described[k])), None)
        if k is None:
            joined.append(list(group))
            roles.append(mine)
            described.append(descriptors)
        else:
            joined[k] += group
            roles[k] = _union(roles[k], mine)
            described[k] = sorted({*described[k], *descriptors})
    return joined


def _roles_by_script(mentions: list[_Mention]) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for m in mentions:
        out = _union(out, _heads_by_script(m.descriptors))
    return out


def _union(a: Mapping[str, frozenset[str]], b: Mapping[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """Roles by script, of both."""
    return {s: a.get(s, frozenset()) | b.get(s, frozenset()) for s in {*a, *b}}


def _disagree(a: Mapping[str, frozenset[str]], b: Mapping[str, frozenset[str]]) -> bool:
    """Roles disagree in one language when they share no word; across two only when neither is a title of
    office, which outlets translate loosely (a goalkeeper is no governor, a doctor may be a health officer)."""
    for s, mine in a.items():
        for t, theirs in b.items():
            if mine & theirs:
                continue
            if s == t or not (mine | theirs) & BROAD_ROLES:
                return True
    return False


@lru_cache(maxsize=1 << 16)
def _heads_by_script(descriptors: tuple[str, ...]) -> dict[str, frozenset[str]]:
    return role_heads_by_script(descriptors)


def _documents_together(
    docs: list[str], heads: Mapping[str, frozenset[str]], context: Mapping[str, set[str]]
) -> list[list[str]]:
    """Documents linked, directly or through others, by a shared role or two shared names, in ``docs`` order.

    Each document meets the first document that had each of its roles and each pair of its names, instead
    of every other document: the same groups, in time linear in the documents (times their names squared).
    """
    parent = {d: d for d in docs}

    def find(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    def join(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    first_with_head: dict[str, str] = {}
    first_with_names: dict[tuple[str, str], str] = {}
    for d in docs:
        for head in heads[d]:
            join(d, first_with_head.setdefault(head, d))
        for pair in combinations(sorted(context[d]), 2):
            join(d, first_with_names.setdefault(pair, d))
    groups: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        groups[find(d)].append(d)
    return list(groups.values())


def _surname_target(
    m: _Mention, standings: list[_Standing], by_doc: Mapping[str, list[_Standing]], entities: Mapping[str, set[str]]
) -> _Standing | None:
    """The one full-name cluster a bare surname belongs to, or None when there is none or several."""
    same_doc = by_doc.get(m.doc_id, [])
    if len(same_doc) == 1:
        return same_doc[0]
    candidates = same_doc or standings
    assert m.person is not None
    gender = m.person.gender
    if gender is not None:
        candidates = [c for c in candidates if c.gender() in (None, gender)]
    heads = _heads(m.descriptors)
    if len(candidates) > 1 and heads:
        candidates = [c for c in candidates if c.heads & heads] or candidates
    if len(candidates) > 1:
        context = entities.get(m.doc_id, set())
        scored = [(len(context & c.names_around(entities)), c) for c in candidates] if context else []
        best = max((score for score, _ in scored), default=0)
        if best > 0:
            candidates = [c for score, c in scored if score == best]
    return candidates[0] if len(candidates) == 1 else None


def _apply_overrides(clusters: list[_Cluster], overrides: Sequence[Override]) -> list[_Cluster]:
    directory = _Directory(clusters)
    for kind, a, b in overrides:
        key_a, key_b = fold(a), fold(b)
        holder_a = directory.holder(key_a)
        if holder_a is None:
            continue
        if kind == "merge":
            holder_b = directory.holder(key_b)
            if holder_b is not None and holder_b is not holder_a and holder_a.anonymous == holder_b.anonymous:
                holder_a.mentions += holder_b.mentions
                directory.forget(holder_a)
                directory.forget(holder_b)
                clusters.remove(holder_b)
        else:
            moved = [m for m in holder_a.mentions if fold(m.name) == key_b]
            if moved and len(moved) < len(holder_a.mentions):
                holder_a.mentions = [m for m in holder_a.mentions if fold(m.name) != key_b]
                directory.forget(holder_a)
                clusters.append(_Cluster(mentions=moved, anonymous=holder_a.anonymous))
    return clusters


class _Directory:
    """Which cluster a name in a user's correction means. What it reads of a cluster (canonical name, id,
    the names of its mentions) is kept until the cluster changes: each correction then costs a look at each
    cluster, not at each of a million mentions."""

    def __init__(self, clusters: list[_Cluster]) -> None:
        self.clusters = clusters
        self._known: dict[int, tuple[str, str, frozenset[str]]] = {}  # by id(cluster)

    def holder(self, key: str) -> _Cluster | None:
        """The cluster whose canonical name is ``key``, else the one with ``key`` among its aliases or its id."""
        for c in self.clusters:
            canonical, speaker_id, _ = self._read(c)
            if canonical == key or speaker_id == key:
                return c
        return next((c for c in self.clusters if key in self._read(c)[2]), None)

    def forget(self, c: _Cluster) -> None:
        self._known.pop(id(c), None)

    def _read(self, c: _Cluster) -> tuple[str, str, frozenset[str]]:
        known = self._known.get(id(c))
        if known is None:
            name = _canonical_name(c)
            known = self._known[id(c)] = (fold(name), _speaker_id(c, name), frozenset(fold(m.name) for m in c.mentions))
        return known


def _canonical_name(c: _Cluster) -> str:
    """The most used full name (first name given, no title), then the longest; else the most used name."""
    counts = Counter(m.name for m in c.mentions)

    def rank(name: str) -> tuple[int, int, int, int, str]:
        person = parse_person(name)
        has_first = person is not None and person.first is not None
        titled = fold(name.split()[0]).rstrip(".") in _TITLES
        return (-int(has_first), int(titled), -counts[name], -len(name), name)

    return min(counts, key=rank)


def _speaker_id(c: _Cluster, name: str) -> str:
    """``name``: the cluster's canonical name. The first document keeps two people of one name (or two
    documents' "a source") apart."""
    key = f"{fold(name)}|{min(m.doc_id for m in c.mentions)}"
    return "sp-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _descriptors(c: _Cluster) -> list[str]:
    """A cluster's descriptors, most used first; "Retired general" opening a sentence and "retired general"
    are one, written as most mentions write it (lower case on a tie: the form inside a sentence)."""
    written = Counter(d for m in c.mentions for d in dict.fromkeys(m.descriptors))
    counts: Counter[str] = Counter()
    forms: dict[str, list[str]] = {}
    for d, n in written.items():
        counts[d.casefold()] += n
        forms.setdefault(d.casefold(), []).append(d)
    shown = {k: min(v, key=lambda d: (-written[d], not d[:1].islower(), d)) for k, v in forms.items()}
    return [shown[k] for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _result(clusters: list[_Cluster]) -> SpeakerLinks:
    speakers: list[Speaker] = []
    quote_speakers: dict[int, str] = {}
    for c in clusters:
        if not c.mentions:
            continue
        name = _canonical_name(c)
        speaker_id = _speaker_id(c, name)
        speakers.append(Speaker(
            speaker_id=speaker_id,
            name=name,
            aliases=sorted({m.name for m in c.mentions} - {name}),
            descriptors=_descriptors(c),
            anonymous=c.anonymous,
        ))
        for m in c.mentions:
            quote_speakers[m.quote_id] = speaker_id
    speakers.sort(key=lambda s: s.speaker_id)
    return SpeakerLinks(speakers, quote_speakers)
