"""The facts of a quote that an echo must keep: its numbers, dates, names and negation, in English or Russian.

``read(text)`` cuts a quote into tokens that know what they are (a number with its value, a month, a weekday,
a day relative to today, a negation, a name, or a plain word) and ``facts(text)`` sums them up, normalised so
that two languages and two spellings compare: "three" = "3" = «три»; "forty" = 40; "3,000" = «3 тысячи»;
"15 June" and «15 июня» give 15 and month 6; "spring" and «весной» one season; "Ostrand's" and «Остранда» give
one name key.

Negation is counted, not just seen: a quote's polarity is the number of its negations, clause by clause
(Russian negative concord, «никто не», counts once; a clause ends at punctuation and before a coordinating
conjunction), and two agree when they are as many modulo two and none on both sides or some on both
(``same_polarity``): a retelling that says "nobody wants" for "refuses" keeps it, one that drops one of two
negations ("is not damaged and is not closed" / "is damaged and is not closed") or both ("has not met him and
does not plan to" / "met him and plans to") does not. A word on the negative side of a pair of opposites
(opposites.py: "closed" against "open", "unharmed" against "harmed") counts as a negation when the other quote
takes the positive side, and cancels a "not" in its clause ("not closed" = "open"). A negative predicate cancels a
"not" before it the same way ("did not refuse"; "we do not rule out" = «мы не исключаем»).

A corrective negation ("not three months but three weeks", «не из-за травмы, просто хочу домой») denies a part of
the sentence to assert another: the claim is what follows. It counts only against a quote that does not say that
claim (``Facts.polarity``), so a retelling that says only "three weeks" keeps the claim while "I am leaving
because of the injury" / «я ухожу не из-за травмы, просто …» stays a flip.

Durations compare by length ("eight weeks" = "two months"); a capitalised word that opens a sentence may be a
name or not (``openers``): the corpus decides (veto.py).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise, product
from typing import Literal, NamedTuple

from quotetrace.link.conversions import Canonical, canonical
from quotetrace.link.fact_words import (
    ALTERNATIVES,
    AMBIGUOUS_SUFFIXES,
    AUXILIARIES,
    CONCESSIVE,
    CONCORD,
    CONDITION_JOINS,
    CONDITION_NEGATIONS,
    CONJUNCTIONS,
    CONTROL,
    CORRECTIVES,
    COUNTED_FRACTIONS,
    COUNTED_MULTIPLIERS,
    CURRENCY_SIGNS,
    DURATIONS,
    EXCEEDING,
    FIRST_PERSON_PLURAL,
    FRACTION_COUNTS,
    FRACTIONS,
    HALF_UNITS,
    HEDGE_BRIDGES,
    HEDGE_PAIRS,
    HEDGES,
    LONE_FRACTIONS,
    MANY,
    MONTHS,
    MULTIPLIERS,
    NEGATING_PAIRS,
    NEGATIONS,
    NEGATIVE_IDIOMS,
    NEGATIVE_PHRASES,
    NEGATIVE_PREDICATES,
    NEGATIVE_STEMS,
    NOT_NEGATING_AFTER,
    NOT_NEGATING_NEXT,
    NOT_NEGATIVE,
    NUMBER_WORDS,
    OBLIGATIONS,
    ORDINALS,
    OTHERWISE,
    PARTS,
    POSTPOSED_HEDGES,
    RATIO_COMPARATIVES,
    RATIO_WORDS,
    RELATIVE_DAYS,
    RU_DENOMINATORS,
    SEASONS,
    SUFFIX_MULTIPLIERS,
    TIMES,
    TURNED_BOUNDS,
    UNITS,
    VAGUE_PLURALS,
    WEEKDAYS,
)
from quotetrace.link.institutions import institutions
from quotetrace.link.opposites import ONE_SIDED, WITHOUT, Sides, read_sides
from quotetrace.link.speakers import fold, name_key
from quotetrace.link.units import FUNCTION_WORDS

Kind = Literal["number", "ratio", "month", "weekday", "season", "day", "negation", "name", "word"]

_TOKEN = re.compile(
    r"\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?!\d)"  # 40 000 (Russian thousands)
    r"|\d+(?:[.,]\d+)*"  # 40, 3,000, 7.5, 7,5
    r"|[^\W\d_]+(?:['’-][^\W\d_]+)*"  # words, with their apostrophes and hyphens
)
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th", "го", "й", "я", "е", "м", "х", "ого", "ой", "ым"})
_PART_OF_PERIOD = re.compile(r"(?:mid|early|late)-(?=[^\W\d_])")
_SENTENCE_GAP = re.compile(r"[.!?…]")
_POSSESSIVE = re.compile(r"['’]s$")
_PLURAL_ABBREVIATION = re.compile(r"^[A-Z]{2,}s$")
_CLAUSE_BREAK = re.compile(r"[,;:.!?…—–()]")
# Names whose English and Russian forms are not spellings of each other (keys as name_key gives them).
NAME_EQUIVALENTS = {"kiev": "kyiv", "kiiv": "kyiv", "ssha": "us", "usa": "us", "rf": "rusia", "rossia": "rusia",
                    "moskva": "moscow", "moscov": "moscow", "vashing": "washing", "germani": "germany",
                    "kremli": "kremlin", "kreml": "kremlin", "mid": "ministr",
                    # the international bodies news names by their initials in each language, and a feast day
                    "es": "eu", "on": "un", "voz": "vho", "mvf": "imf", "magate": "iaea", "obse": "osce",
                    "rozhdes": "christm"}
_NAME_KEY = 7  # letters of a name key: Russian case endings fall after them ("ostranda" / "ostrand")
_EN_COMPARATIVES = frozenset({"more", "less", "fewer", "later", "earlier", "sooner", "longer", "but", "other",
                              "lower", "higher", "greater", "smaller", "larger", "bigger", "cheaper", "closer",
                              "nearer", "further", "farther"})
# «более» / «менее» make an adjective comparative: «не более сильного толчка» ("not a stronger quake") negates,
# while before a figure they bound it («не более 40 машин», as "no more than 40").
_RU_COMPARATIVE_FORMERS = frozenset({"более", "менее"})
_COMPARATIVES = _EN_COMPARATIVES | _RU_COMPARATIVE_FORMERS
# Comparatives of distance, which bound a figure wherever the negation stands ("no boat will sail closer than 5 km",
# «не подойдёт к острову ближе чем на 5 километров»); not "more": "has not been staged for more than forty years"
# negates the staging.
_DISTANCE_COMPARATIVES = frozenset({"closer", "nearer", "further", "farther", "ближе", "дальше"})
_THAN = frozenset({"than", "чем"})
# «не более того» ("nothing more"), «не больше этого»: a comparative closing on "that" limits what was said
_THAT = frozenset({"того", "этого"})
ANCHOR_STEM = 4  # letters of a content word that tie two clauses ("towns" / "town"; conflating a few is safe:
# a clause tied to the other quote is compared, as every clause was before)
PARTICLE_REACH = 2  # words from a verb to its particle ("called the meeting off"), as opposites.py reads them
QUANTIFIERS = frozenset({"no", "none", "nobody", "nothing"})  # negations that quantify ("no pension")
ELLIPSIS = 3  # words of a clause that lists one more negated noun ("and no paperwork", "nor forms")
# Words inside one number: "a quarter of a million", "one and a half", «два с половиной».
_BRIDGES = frozenset({"a", "of", "and", "с", "небольшим", "лишним", "гаком"})  # «три с лишним миллиона»
_ONE = frozenset({"a", "an"})  # "a year", "an eighth"


class Duration(NamedTuple):
    """A length of time in days, as a range ("two months": 56 to 62), with the hedge before it (fact_words.HEDGES,
    "" for none) and the figure as written, in its unit ("less than two hours": 2), which decides whether a bound
    is round (veto.BOUND_MARGIN)."""

    low: float
    high: float
    hedge: str = ""
    figure: float = 0.0


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # as written
    start: int
    end: int
    kind: Kind
    value: str  # what compares: a number's value, "m4" for April, a name key, the folded word

    @property
    def fact(self) -> bool:
        return self.kind not in ("word",)

    @property
    def name_key(self) -> str:
        """Its name key: a name's own, and a word's as if it were one (a capitalised word opening a sentence)."""
        return self.value if self.kind == "name" else name_key_of(self.text)


@dataclass(frozen=True, slots=True)
class Opener:
    """A capitalised word that opens a sentence ("Sorna's schools …", "Schools in Sorna …"): a name or not."""

    key: str  # its name key
    word: str  # folded, without a possessive
    possessive: bool  # "Sorna's"


@dataclass(frozen=True, slots=True)
class Clause:
    """What negates one clause: its negation words (negative concord once), the entries (opposites.py) of each
    of its words on a negative side, and for each, whether a negation stands next to it (``negated``)."""

    negations: int
    opposite: tuple[frozenset[str], ...] = ()
    negated: tuple[bool, ...] = ()
    anchors: frozenset[str] = frozenset()  # what ties it to a clause of another quote (``anchors``)
    text: str = ""  # its words as written (what ties it by meaning to a clause in another language)
    # The side each of its words on a listed pair of opposites takes when nothing in the clause negates
    # ("will reopen": ("open", +1); "would stay shut": ("open", -1)): what ``Facts.stances`` sums
    stances: tuple[tuple[str, int], ...] = ()
    # For each word of ``opposite``: it is "without" and the word it governs is on a negative side, or that word
    # ("without outages", «без потерь»): two negatives that say one positive, counted as none
    doubled: tuple[bool, ...] = ()
    # Its negation corrects ("not X but Y", «не X, а Y»): the index of the clause that says the claim Y, and the
    # anchors of the part it denies, X (``_corrections``)
    corrects: int | None = None
    denied: frozenset[str] = frozenset()

    def polarity(self, engaged: frozenset[str], corrected: bool = False) -> int:
        """Its negations, with each word on the negative side of an ``engaged`` pair of opposites counting as
        one; such a word that a negation negates cancels it instead ("not closed" = "open"; «дефицита не
        будет» = "enough"), one that it does not negate does not ("no surgery because of a shortage" says
        "no" twice; «не позволим закрыть» negates "allow", not "close"). ``corrected``: its corrective negation
        is left out (the other quote says the claim it corrects to)."""
        doubled = self.doubled or (False,) * len(self.opposite)
        counted = [near for entries, near, double in zip(self.opposite, self.negated, doubled, strict=True)
                   if entries & engaged and not double]
        negations = self.negations - (corrected and self.corrects is not None and self.negations > 0)
        cancelled = min(negations, sum(counted))
        return negations + len(counted) - 2 * cancelled


@dataclass(frozen=True, slots=True)
class Facts:
    numbers: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    seasons: frozenset[str]
    days: frozenset[str]
    names: frozenset[str]
    clauses: tuple[Clause, ...] = ()
    measures: frozenset[str] = frozenset()  # a number with a unit that is no time: "40 tonne" ("forty tonnes")
    durations: frozenset[Duration] = frozenset()  # its lengths of time: "eight weeks", "about ten days"
    # the figures that count something other than time or a day's date, each with its readings ("7.2m": 7.2
    # million or 7.2 metres)
    figures: tuple[frozenset[str], ...] = ()
    dated: frozenset[str] = frozenset()  # days of a month: "1 November", "June 15", «1 октября» ("m11-1")
    openers: frozenset[Opener] = frozenset()
    sides: Sides = field(default_factory=Sides)  # where its words stand on pairs of opposites (opposites.py)
    we: bool = False  # it speaks as "we" («мы», "our"): the speaker's side, which a retelling may name
    name_order: tuple[str, ...] = ()  # the keys of its names and of the words opening its sentences, as written
    ratios: frozenset[str] = frozenset()  # factors it compares by: "x3" ("three times as much", «втрое»), "x1"
    # its amounts that a hedge makes approximate, with the side the true value may lie on (fact_words.HEDGES):
    # "almost a quarter" ("0.25", "<"), "more than 2,000" ("2000", ">")
    hedged: frozenset[tuple[str, str]] = frozenset()

    @property
    def amounts(self) -> frozenset[str]:
        """The values its figures may have."""
        return frozenset().union(*self.figures)

    @property
    def negations(self) -> int:
        return self.polarity()

    def polarity(self, engaged: frozenset[str] = frozenset(), within: frozenset[str] | None = None,
                 said: frozenset[int] | None = None) -> int:
        """The negations that negate, with the words on the negative side of ``engaged`` opposites; with
        ``within`` (another quote's anchors, in the same language), only in the clauses that have a counterpart
        there: a clause none of whose content words the other quote says was dropped, or added, not negated.

        A corrective negation ("not three months but three weeks") counts only when the other quote does not
        say the claim it corrects to: one that says it ("the wait will fall to three weeks") tells the same
        claim, which the negation only stresses; one that says the negated part alone ("because of the
        injury" / "not because of the injury, I just want to rest") still flips it. ``said``: the clauses
        holding such claims that the other quote says (``claims_said``; across languages veto.py ties them by
        meaning)."""
        return sum(clause.polarity(engaged, clause.corrects in (said or ()))
                   for clause in self.with_counterpart(within))

    def claims_said(self, other: Facts) -> frozenset[int]:
        """The clauses holding the claim of a corrective negation ("not X but Y": Y) that ``other``, in the same
        language, says: a clause of it shares what Y says and X does not, and none says X without Y ("from
        three months to three weeks" says both, as a correction does; "because of the injury" says X alone)."""
        out = set()
        for clause in self.clauses:
            if clause.corrects is None:
                continue
            claim = self.clauses[clause.corrects].anchors
            own = (claim - clause.denied) or claim
            denied = clause.denied - claim
            if any(o.anchors & own for o in other.clauses) and not any(
                    o.anchors & denied and not o.anchors & own for o in other.clauses):
                out.add(clause.corrects)
        return frozenset(out)

    def stances(self, within: frozenset[str] | None = None) -> Counter[str]:
        """The side its affirmative clauses take on each pair of opposites their words are on (a sum of +1 and
        -1: a quote that says both sides takes none), over the clauses with a counterpart ``within`` another
        quote's anchors (as ``polarity``)."""
        out: Counter[str] = Counter()
        for clause in self.with_counterpart(within):
            for entry, sign in clause.stances:
                out[entry] += sign
        return out

    def with_counterpart(self, within: frozenset[str] | None) -> list[Clause]:
        """Its clauses that share an anchor with ``within`` (another quote's anchors), and those with none to
        share; every clause when ``within`` is None."""
        return [c for c in self.clauses if within is None or not c.anchors or c.anchors & within]

    @property
    def anchors(self) -> frozenset[str]:
        return frozenset().union(*(clause.anchors for clause in self.clauses))


def same_polarity(a: int, b: int) -> bool:
    """Two counts of negations say the same: as many modulo two ("no ceasefire will hold if they are never
    named" = "a truce cannot last unless they are named"), and none on both sides or some on both ("has not
    met him and does not plan to" is not "met him and plans to")."""
    return a % 2 == b % 2 and (a == 0) == (b == 0)


def number_value(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _digits(text: str) -> float:
    """'3,000' → 3000; '7,5' → 7.5; '40 000' → 40000; a separator before exactly three digits groups them."""
    compact = re.sub(r"[\u00a0\u202f ]", "", text)
    parts = re.split(r"[.,]", compact)
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
        return float("".join(parts))
    if len(parts) == 2:
        return float(f"{parts[0]}.{parts[1]}")
    return float(parts[0]) if parts[0] else 0.0


def _word_number(key: str) -> float | None:
    if key in NUMBER_WORDS:
        return NUMBER_WORDS[key]
    pieces = key.removesuffix("-odd").split("-")  # "twenty-odd": a number, hedged (``_hedge``)
    if (len(pieces) > 1 or key.endswith("-odd")) and all(p in NUMBER_WORDS for p in pieces):  # forty-two
        return sum(NUMBER_WORDS[p] for p in pieces)
    return None


def _classify(raw: str, key: str, capital: bool, first: bool) -> tuple[Kind, str]:
    part = _PART_OF_PERIOD.match(key)
    if part:  # "mid-September", "late-autumn": the month or the season itself
        kind, value = _classify(raw[part.end():], key[part.end():], raw[part.end():][:1].isupper(), first)
        if kind in ("month", "season"):
            return kind, value
    # English writes months and weekdays with a capital ("may" and "march" are verbs); Russian without one
    # ("Марта" in mid-sentence is the name Marta).
    calendar = capital if key.isascii() else not capital or first
    if _word_number(key) is not None or key in MULTIPLIERS:
        return "number", ""
    if _ROMAN.fullmatch(raw):  # «в XIV веке» = "in the 14th century"; "Pope Leo XIV"
        return "number", number_value(_roman_value(raw))
    if key in RATIO_WORDS:
        return "ratio", f"x{number_value(RATIO_WORDS[key])}"
    day = _calendar_key(key)
    if day in MONTHS and calendar:
        return "month", f"m{MONTHS[day]}"
    if day in WEEKDAYS and calendar:
        return "weekday", f"w{WEEKDAYS[day]}"
    if day in SEASONS:
        return "season", f"s{SEASONS[day]}"
    if key in RELATIVE_DAYS:
        return "day", RELATIVE_DAYS[key]
    if key in NEGATIONS or key.endswith("n't") or key == "cannot" or key in NEGATIVE_PREDICATES or (
            key.startswith(NEGATIVE_STEMS) and key not in NOT_NEGATIVE):
        return "negation", key
    if (capital and not first and raw != "I" and len(raw) > 1 and key not in UNITS  # «400 МВт» is no name
            and key not in TITLE_FUNCTION_WORDS
            and not _PLURAL_ABBREVIATION.match(raw)):  # "APCs", "NGOs": common nouns
        return "name", name_key_of(raw)
    return "word", key


# Function words a title capitalises ("The Salt of Tarnak", "Of Mice and Men", «Война И Мир»): no name of their
# own, whatever the name they stand in, so that a translation leaving them out («Соль Тарнака») keeps the name.
TITLE_FUNCTION_WORDS = frozenset("the a an of and or in on at to for by with from "
                                 "и в во на о об с со к по за из".split())
# A Roman numeral of two letters or more, of the letters centuries and monarchs use: "CV" or "LCD" is an
# abbreviation more often than a number, and a lone "I" or "V" is a word or a letter.
_ROMAN = re.compile(r"(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})")
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10}


def _roman_value(raw: str) -> int:
    values = [_ROMAN_DIGITS[c] for c in raw]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def _calendar_key(key: str) -> str:
    """A month, weekday or season as the calendar lists it, an English possessive or a weekday's plural aside:
    "Saturday's match", "July's figures", "on Sundays" are dates, never names (a capitalised "Saturday's" in
    mid-sentence would otherwise be read as one, and veto a retelling that says "on Saturday")."""
    bare = _POSSESSIVE.sub("", key)
    if bare.isascii() and bare.endswith("days") and bare[:-1] in WEEKDAYS:
        return bare[:-1]
    return bare


@lru_cache(maxsize=1 << 16)
def name_key_of(word: str) -> str:
    """A spelling-blind key of a name in Latin letters, possessive and Russian case endings aside: a Russian
    word is read in its dictionary form first, so that a short name's ending does not count as letters of it
    («Рудного Бора» = "Rudny Bor", «Анны» = "Anna", «Льва» = "Lev")."""
    from quotetrace.ru.names import has_cyrillic, transliterate
    from quotetrace.ru.nlp import lemma_of

    bare = _POSSESSIVE.sub("", word)
    if has_cyrillic(bare):
        lemma = lemma_of(bare)
        # a case ending lengthens a name; a longer "lemma" is the dictionary's guess at an unknown word
        # («в Калмар» read as a form of «калмара»), and the word as written is its own dictionary form
        bare = lemma if len(lemma) <= len(bare) else bare
    key = name_key(transliterate(bare))[:_NAME_KEY]
    return NAME_EQUIVALENTS.get(key, key)


# Years named relative to the year a text is written in, with the offset from it.
_RELATIVE_YEARS = (
    (re.compile(r"\b(?:this|the current) year\b|\bв (?:этом|текущем) году\b|\b(?:этого|текущего) года\b",
                re.IGNORECASE), 0),
    (re.compile(r"\b(?:next|the coming) year\b|\bв (?:следующем|будущем) году\b|\b(?:следующего|будущего) года\b",
                re.IGNORECASE), 1),
    (re.compile(r"\blast year\b|\bв прошлом году\b|\bпрошлого года\b", re.IGNORECASE), -1),
)


# Words before a number of years that count them forward from when the text is written: "in two years' time",
# «через два года».
_YEARS_AHEAD = frozenset({"in", "within", "через"})
_MOST_YEARS_AHEAD = 50  # "in 2,000 years" counts no calendar year


def relative_years(text: str, year: int) -> frozenset[str]:
    """The years ``text``, written in ``year``, names relative to it: "next year", «в этом году», "last year's",
    "in two years' time" («через два года»)."""
    named = {str(year + offset) for pattern, offset in _RELATIVE_YEARS if pattern.search(text)}
    tokens = read(text)
    ahead = {int(float(n.value)) for before, n, unit in zip(tokens, tokens[1:], tokens[2:], strict=False)
             if fold(before.text) in _YEARS_AHEAD and n.kind == "number" and UNITS.get(unit.value) == "year"
             and float(n.value).is_integer() and 0 < float(n.value) <= _MOST_YEARS_AHEAD}
    return frozenset(named | {str(year + n) for n in ahead})


@lru_cache(maxsize=1 << 14)
def read(text: str) -> tuple[Token, ...]:
    """The tokens of ``text``, runs of number words and digits joined into one number ("forty two", «3 тысячи»)."""
    text = _HYPHENED_MULTIPLIER.sub(lambda m: m.group().replace("-", " "), text)  # as long: offsets hold
    text = _HEDGED_TENS.sub(r"\2 \1", text)  # «три с лишним десятка» as «три десятка с лишним»: as long
    raw: list[Token] = []
    previous_end = 0
    previous_digit = False
    for match in _TOKEN.finditer(text):
        word = match.group()
        key = fold(word)
        gap = text[previous_end:match.start()]
        if previous_digit and not gap and key in _ORDINAL_SUFFIXES:  # 15th, 15-го
            previous_end = match.end()
            continue
        if previous_digit and not gap and key in SUFFIX_MULTIPLIERS:  # "€600m", "2.4bn"
            figure = raw[-1]
            raw[-1] = Token(figure.text + word, figure.start, match.end(), "number",
                            number_value(float(figure.value) * SUFFIX_MULTIPLIERS[key]))
            previous_end, previous_digit = match.end(), False
            continue
        if word[0].isdecimal():
            raw.append(Token(word, match.start(), match.end(), "number", number_value(_digits(word))))
            previous_digit = True
        else:
            first = not raw or _SENTENCE_GAP.search(gap) is not None  # a sentence opens here
            # a word written onto a figure is its unit ("400MW", "12km"), never a name
            kind, value = _classify(word, key, word[0].isupper() and not (previous_digit and not gap), first)
            if kind == "word" and _ends_negative_phrase(raw, key):
                kind = "negation"  # "turned down", "turned the offer down", "out of the question"
            if key in _TIMES and raw and raw[-1].kind == "number" and fold(raw[-1].text) in _ONCE:
                raw[-1] = replace(raw[-1], kind="word", value=fold(raw[-1].text))  # "the first time": «впервые»
            raw.append(Token(word, match.start(), match.end(), kind, value))
            previous_digit = False
        previous_end = match.end()
    numbers = _postposed_hedges(text, _and_a_half(_clock_times(text, _join_numbers(
        text, _fractions(text, _counted_fractions(text, _counted_multipliers(raw)))))))
    return _institutions_named(_ratios(tuple(_proportions(text, numbers))))


# "For the first time" counts nothing, as «впервые» does not; "for the second time" («во второй раз») counts.
_ONCE, _TIMES = frozenset({"first", "1st"}), frozenset({"time"})
# A multiplier written onto its figure with hyphens ("a 14.6-billion-kalit contract") is read as words.
_HYPHENED_MULTIPLIER = re.compile(r"(?<=\d)-(?:thousand|million|billion|trillion)(?:-(?=[^\W\d_]))?"
                                  r"|(?<=\d)(?:bn|mn|mln|m|b|k)-(?=[^\W\d_])",  # "a 2.3bn-dukat theft"
                                  re.IGNORECASE)
# «десяток» after a hedge that says "and some more": the hedge is read after it («тремя с лишним десятками» =
# "thirty-odd", not "three-odd tens").
_HEDGED_TENS = re.compile(r"\b(с (?:лишним|небольшим)) (десят(?:ок|ка|ку|ком|ке|ки|ков|кам|ками|ках))\b", re.IGNORECASE)
# A time of day is one figure, in hours: "16:00" = "4 p.m." = 16; "02:17" = 2.28...
_CLOCK = re.compile(r":(?=\d\d(?!\d))")
_DOTTED_TIME = re.compile(r"(\d{1,2})\.(\d\d)")
_MERIDIEM = re.compile(r"\s?([ap])\.?\s?m\b\.?", re.IGNORECASE)
MINUTES = 60


# A score or a vote written with a colon is two numbers, not a time: «со счётом 19:11», "the vote was 19:11"
_SCORE = re.compile(r"(?:сч[её]т\w*|score\w*|vote\w*|голосовани\w*)(?:\W+\w+){0,2}\W{0,3}$", re.IGNORECASE)


def _clock_times(text: str, raw: list[Token]) -> list[Token]:
    """Hours and minutes ("16:00") joined into one figure, and "a.m." / "p.m." after an hour read into it."""
    out: list[Token] = []
    i = 0
    while i < len(raw):
        token = raw[i]
        dotted = _DOTTED_TIME.fullmatch(token.text) if _MERIDIEM.match(text, token.end) else None  # "7.30 p.m."
        if token.kind != "number" or not (token.text.isdecimal() or dotted) or float(token.value) > 24:
            out.append(token)
            i += 1
            continue
        hours = int(dotted[1]) + int(dotted[2]) / MINUTES if dotted else float(token.text)
        end = token.end
        following = raw[i + 1] if i + 1 < len(raw) else None
        if (following is not None and _CLOCK.match(text, end) and following.start == end + 1
                and following.text.isdecimal() and int(following.text) < MINUTES  # not "12:00 30 января"
                and not _SCORE.search(text, 0, token.start)):
            hours, end, i = hours + int(following.text) / MINUTES, following.end, i + 1
        meridiem = _MERIDIEM.match(text, end)
        if meridiem and hours < 13:
            afternoon = meridiem.group(1).casefold() == "p"
            hours = hours % 12 + (12 if afternoon else 0)
            end = meridiem.end()
            while i + 1 < len(raw) and raw[i + 1].start < end:  # the "a", "m" or "pm" read as words
                i += 1
        out.append(token if end == token.end else Token(text[token.start:end], token.start, end, "number",
                                                        number_value(hours)))
        i += 1
    return out


# "one in five", "one family in five", "two out of three", «каждый пятый»: a share, as "20 percent" or "a fifth"
# says it (veto.py compares fractions with percentages). The whole has to be a small count, so that "3 in 2024"
# stays two numbers.
_PROPORTION_GAPS = (("in",), ("out", "of"))
_EVERY = frozenset({"каждыи", "каждая", "каждое", "каждого", "каждую", "каждои", "каждому", "каждым"})
MAX_WHOLE = 1000
MAX_PART_WORDS = 2  # what the part counts may stand between: "one family in five", "one in five"


def _part_of_whole(part: Token, whole: Token) -> bool:
    """Two counts, the first smaller, the second a small whole: "one (family) in five", not "2.3 in 10"."""
    a, b = float(part.value), float(whole.value)
    return a.is_integer() and b.is_integer() and 0 < a < b <= MAX_WHOLE


def _proportions(text: str, tokens: list[Token]) -> list[Token]:
    """A share said as a part of a whole ("one in five", «каждый пятый») is one number, the fraction."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.kind == "number":
            for skip, gap in product(range(MAX_PART_WORDS + 1), _PROPORTION_GAPS):
                j = i + 1 + skip + len(gap)
                if (j < len(tokens) and tokens[j].kind == "number" and _part_of_whole(token, tokens[j])
                        and all(t.kind == "word" for t in tokens[i + 1:i + 1 + skip])
                        and tuple(fold(t.text) for t in tokens[i + 1 + skip:j]) == gap
                        and not (j + 1 < len(tokens) and tokens[j + 1].value in UNITS)):  # "2 metres in 10 years"
                    share = float(token.value) / float(tokens[j].value)
                    out.append(Token(text[token.start:tokens[j].end], token.start, tokens[j].end, "number",
                                     number_value(share)))
                    i = j + 1
                    break
            else:
                out.append(token)
                i += 1
            continue
        if (fold(token.text) in _EVERY and i + 1 < len(tokens) and tokens[i + 1].kind == "number"
                and 1 < float(tokens[i + 1].value) <= MAX_WHOLE):
            following = tokens[i + 1]
            out.append(Token(text[token.start:following.end], token.start, following.end, "number",
                             number_value(1 / float(following.value))))
            i += 2
            continue
        out.append(token)
        i += 1
    return out



_SAME = {"столько": ("же",), "same": ("as",)}  # «столько же», "the same as", "the same amount as"
SAME_REACH = 3
_TWICE = frozenset({"twice", "дважды"})  # "twice as high": a factor with no "times"


def _ratios(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """The comparisons by a factor: a number before "times" / «раза» and a comparative ("three times as much",
    «в три раза больше») is also its factor (a token "x3" after it); "the same as", «столько же» are the factor 1."""
    out: list[Token] = []
    for i, token in enumerate(tokens):
        out.append(token)
        following = [fold(t.text) for t in tokens[i + 1:i + 1 + SAME_REACH]]
        times = following[:1] and following[0] in TIMES and any(w in RATIO_COMPARATIVES for w in following[1:])
        twice = fold(token.text) in _TWICE and following[:1] and following[0] in RATIO_COMPARATIVES
        if token.kind == "number" and (times or twice):
            out.append(Token(token.text, token.start, token.end, "ratio", f"x{token.value}"))
        elif fold(token.text) in _SAME and any(word in _SAME[fold(token.text)] for word in following):
            out.append(Token(token.text, token.start, token.end, "ratio", "x1"))
    return tuple(out) if len(out) > len(tokens) else tokens


def _institutions_named(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """The names that are words of an institution's name (institutions.py) keyed by the institution, so that
    «Верховного суда» and "the Supreme Court" name one thing and "the Constitutional Court" another."""
    if not any(t.kind == "name" for t in tokens):
        return tokens
    keys = institutions([t.text for t in tokens])
    return tuple(Token(t.text, t.start, t.end, t.kind, key) if key is not None and t.kind == "name" else t
                 for t, key in zip(tokens, keys, strict=True))


# Words before "a third" / "a quarter" that make it a share ("fell by a third", "more than a quarter"); after "a"
# elsewhere "third" is an ordinal ("a third term").
_SHARE_BEFORE = frozenset({"by", "than", "about", "around", "nearly", "almost", "over", "under", "roughly",
                           "some", "на", "почти", "около", "более", "менее"})


def _counted_fractions(text: str, tokens: list[Token]) -> list[Token]:
    """A fraction with its count is one number: "one third", "two thirds", "seven tenths", "an eighth more",
    «две трети», «три десятых», "by a third" (1/3), «треть» alone (no ordinal in Russian), and a Russian ordinal
    before «часть» («на пятую часть», «десятая часть»: a fifth, a tenth), the share a retelling says for a
    percentage ("an eighth" for "12 percent"; veto.py reads a fraction as its percentage)."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        key = fold(token.text)
        share = COUNTED_FRACTIONS.get(key) or RU_DENOMINATORS.get(key)
        if share is None:
            out.append(token)
            i += 1
            continue
        part = (key in RU_DENOMINATORS and i + 1 < len(tokens) and fold(tokens[i + 1].text) in PARTS
                and not text[token.end:tokens[i + 1].start].strip())
        end = tokens[i + 1].end if part else token.end
        count = out[-1] if out and not text[out[-1].end:token.start].strip() else None
        count_key = fold(count.text) if count is not None else ""
        if count is not None and count_key in FRACTION_COUNTS and (count_key not in _ONE or _a_share(tokens, i)):
            value = share * (_word_number(count_key) or 1.0)
            out[-1] = Token(text[count.start:end], count.start, end, "number", number_value(value))
        elif part or key in LONE_FRACTIONS or (key in COUNTED_FRACTIONS and i and key != "third"
                                               and fold(tokens[i - 1].text) in _SHARE_BEFORE):
            out.append(Token(text[token.start:end], token.start, end, "number", number_value(share)))
        else:
            out.append(token)
            part = False
        i += 2 if part else 1
    return out


def _counted_multipliers(tokens: list[Token]) -> list[Token]:
    """«десяток» after a number multiplies it («четыре десятка» = 40, «2 десятка» = 20): a number there, a word
    elsewhere («десятки домов» is "dozens of homes", no figure)."""
    return [Token(t.text, t.start, t.end, "number", "")
            if t.kind == "word" and t.value in COUNTED_MULTIPLIERS and k and tokens[k - 1].kind == "number" else t
            for k, t in enumerate(tokens)]


_HALF = frozenset({"half", "половинои"})  # folded: «с половиной»
_AND_A = frozenset({"and", "a", "с"})


def _and_a_half(tokens: list[Token]) -> list[Token]:
    """A count of a unit with a half after the unit is the count and a half of it: "a year and a half" = 1.5
    years (18 months), "two hours and a half", «два часа с половиной»; the half is then no amount of its own."""
    out = list(tokens)
    for i, token in enumerate(tokens[:-3]):
        if tokens[i + 1].value not in UNITS or not (token.kind == "number" or token.value in _ONE):
            continue
        j = i + 2
        while j < len(tokens) and j - i <= 3 and tokens[j].kind == "word" and tokens[j].value in _AND_A:
            j += 1
        if j > i + 2 and j < len(tokens) and fold(tokens[j].text) in _HALF:
            count = float(token.value) if token.kind == "number" else 1.0
            out[i] = Token(token.text, token.start, token.end, "number", number_value(count + 0.5))
            out[j] = Token(tokens[j].text, tokens[j].start, tokens[j].end, "word", fold(tokens[j].text))
    return out


# Words after a number that say "and some more" (fact_words.POSTPOSED_HEDGES: «с лишним», "-odd").
_POSTPOSED = re.compile("|".join(re.escape(h) if h.startswith("-") else r"\s+" + r"\s+".join(map(re.escape, h.split()))
                                 for h in POSTPOSED_HEDGES) + r"\b", re.IGNORECASE)


def _postposed_hedges(text: str, tokens: list[Token]) -> list[Token]:
    """A number with the words after it that say "and some more" («сто с лишним», "300-odd") is one token, so
    that the unit after them is its unit («сто с лишним лет») and ``_hedge`` reads it as a bound."""
    out: list[Token] = []
    end = -1
    for token in tokens:
        if token.start < end:  # a word of the hedge, read into the number before it
            continue
        hedge = _POSTPOSED.match(text, token.end) if token.kind == "number" else None
        if hedge is None:
            out.append(token)
            continue
        end = hedge.end()
        out.append(Token(text[token.start:end], token.start, end, "number", token.value))
    return out


def _a_share(tokens: list[Token], at: int) -> bool:
    """"a third" / "a quarter" at ``at`` is a share: after "by", "than", ..., before "of" or a comparative ("a
    third smaller")."""
    before = fold(tokens[at - 2].text) if at >= 2 else ""
    after = fold(tokens[at + 1].text) if at + 1 < len(tokens) else ""
    return before in _SHARE_BEFORE or after == "of" or after in _EN_COMPARATIVES


def _without_bridges(text: str, tokens: list[Token]) -> list[Token]:
    """Without the words that join two parts of one number ("of a" in "a quarter of a million", "and a" in
    "one and a half"), which ``_joins`` then reads in the gap."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        out.append(token)
        j = _past_bridges(tokens, i)
        if token.kind == "number" and j > i + 1 and j < len(tokens) and tokens[j].kind == "number" \
                and _joins(text[token.end:tokens[j].start], tokens[j]):
            i = j
            continue
        i += 1
    return out


def _past_bridges(tokens: list[Token], i: int) -> int:
    """The index of the first token after ``tokens[i]`` that is not a bridge word ("of", "a", "and", «с»; two at
    most)."""
    j = i + 1
    while j < len(tokens) and j - i <= 2 and tokens[j].kind == "word" and fold(tokens[j].text) in _BRIDGES:
        j += 1
    return j


def _fractions(text: str, tokens: list[Token]) -> list[Token]:
    """A fraction before a multiplier is a number ("a quarter of a million", «четверть миллиона»)."""
    out = list(tokens)
    for i, token in enumerate(tokens):
        key = fold(token.text)
        if key not in FRACTIONS:
            continue
        j = _past_bridges(tokens, i)
        if j < len(tokens) and fold(tokens[j].text) in MULTIPLIERS and _joins(text[token.end:tokens[j].start],
                                                                             tokens[j]):
            out[i] = Token(token.text, token.start, token.end, "number", number_value(FRACTIONS[key]))
    return out


def _joins(gap: str, following: Token) -> bool:
    """Whether ``gap`` lets the number go on into ``following``: nothing between them, "a" or "of a" before a
    multiplier ("half a million", "a quarter of a million"), "and a" before a half ("one and a half"), «с»
    before a half in Russian («два с половиной»)."""
    words = " ".join(gap.split()).casefold()
    if not words:
        return True
    key = fold(following.text)
    if words in ("a", "of", "of a") or _POSTPOSED.fullmatch(" " + words):  # «три с небольшим миллиона»
        return key in MULTIPLIERS
    return (words == "and a" and key == "half") or (words == "с" and key.startswith("половин"))


def _ends_negative_phrase(before: list[Token], key: str) -> bool:
    if any(t.value.startswith(verb) and key == particle for t in before[-3:] for verb, particle in NEGATIVE_PHRASES):
        return True
    if any(key == then and any(t.value == first for t in before[-reach:]) for first, then, reach in NEGATING_PAIRS):
        return True  # "too badly damaged to be fixed", "would only enter if ordered"
    return any(idiom[-1] == key and tuple(t.value for t in before[1 - len(idiom):]) == idiom[:-1]
               for idiom in NEGATIVE_IDIOMS)


def _join_numbers(text: str, tokens: list[Token]) -> list[Token]:
    tokens = _without_bridges(text, tokens)
    out: list[Token] = []
    run: list[Token] = []
    for token in [*tokens, None]:
        if token is not None and token.kind == "number":
            if run and (not _joins(text[run[-1].end:token.start], token)  # "15th, 25": two numbers
                        or _digits_then_word(run[-1], token)):
                out.append(_number_run(text, run))
                run = []
            run.append(token)
            continue
        if run:
            out.append(_number_run(text, run))
            run = []
        if token is not None:
            out.append(token)
    return out


def _digits_then_word(previous: Token, token: Token) -> bool:
    """"shaft № 4 six hundred miners" («шахты № 4 шестьсот»): digits then a number word that multiplies
    nothing are two numbers ("3 тысячи", "1.5 million" are one); so are an ordinal and the number after it ("the
    first two batteries", «первые две машины»)."""
    if fold(previous.text) in ORDINALS:
        return True
    return bool(previous.value) and not token.value and fold(token.text) not in _MULTIPLYING


_MULTIPLYING = {**MULTIPLIERS, **COUNTED_MULTIPLIERS}  # in a run of number words («четыре десятка»)


def _number_run(text: str, run: list[Token]) -> Token:
    return Token(text[run[0].start:run[-1].end], run[0].start, run[-1].end, "number", number_value(_run_value(run)))


def _run_value(run: list[Token]) -> float:
    """'three hundred' → 300, 'forty two' → 42, '3 тысячи' → 3000, '1.5 million' → 1.5e6."""
    total = current = 0.0
    for token in run:
        key = fold(token.text)
        if token.value:  # digits
            current += float(token.value)
        elif key in _MULTIPLYING:
            multiplier = _MULTIPLYING[key]
            if multiplier >= 1000:
                total += (current or 1) * multiplier
                current = 0.0
            else:
                current = (current or 1) * multiplier
        else:
            current += _word_number(key) or 0.0
    return total + current


def clauses(tokens: tuple[Token, ...], text: str) -> list[list[int]]:
    """The token indexes of each clause: cut at punctuation, and before a coordinating conjunction."""
    out: list[list[int]] = []
    clause: list[int] = []
    for index, token in enumerate(tokens):
        if clause and (_CLAUSE_BREAK.search(text, tokens[clause[-1]].end, token.start)
                       or fold(token.text) in CONJUNCTIONS):
            out.append(clause)
            clause = []
        clause.append(index)
    return [*out, clause] if clause else out


def _clause_negations(tokens: tuple[Token, ...], clause: list[int], text: str) -> int:
    """Negation words that negate (see the module's docstring)."""
    plain = 0
    concord = 0
    until = _until_clause(tokens, clause, text)
    for at, i in enumerate(clause):
        token = tokens[i]
        if token.kind != "negation":
            continue
        following = fold(tokens[clause[at + 1]].text) if at + 1 < len(clause) else ""
        after = fold(tokens[clause[at + 2]].text) if at + 2 < len(clause) else ""
        preceding = fold(tokens[clause[at - 1]].text) if at > 0 else ""
        if following in NOT_NEGATING_NEXT and (following not in _COMPARATIVES or after in _THAN
                                               or token.value in ("nothing", "none") or _bounds_a_figure(
                                                   tokens, clause, at, following)
                                               or after in _THAT or len(clause) == 2):
            continue  # "no more than", "nothing less", "none other", «не более 40», «не более того», "…, not later"
        if (following in EXCEEDING and _figure_after(tokens, clause, at + 1)) or (
                after in HEDGES and HEDGES[after] in TURNED_BOUNDS and _figure_after(tokens, clause, at + 2)):
            continue  # "will not exceed 2.4 percent", «не опустится ниже +24»: a bound on the figure
        if (preceding in NOT_NEGATING_AFTER and at == 1) or (until and token.value not in CONCORD):
            continue  # «…, пока не получим» ("until"), not «страховщики пока не дают» ("not yet")
        if (preceding, token.value) == CONCESSIVE:
            continue  # «что бы ни случилось» ("whatever happens")
        if _nominal_predicate(tokens, clause, at):
            continue  # "no risk of the dam failing": a failure named, not a claim denied
        if token.value in QUANTIFIERS and _bounds(tokens, clause[at + 1:]):
            continue  # "no pension will be lower than 9,000": a bound, as "no more than" is
        if _bounds_a_figure_later(tokens, clause[at + 1:]):
            continue  # "none will come closer than 20 km", «никто не подойдёт ближе чем на 20 км»
        if token.value in CONCORD:
            concord += 1
        elif _refusal_negated(tokens, clause, at):
            plain = max(plain - 1, 0)  # "did not refuse", «не откажется»: the two say yes
        else:
            plain += 1
    return plain if plain else min(concord, 1)


def _bounds_a_figure(tokens: tuple[Token, ...], clause: list[int], at: int, following: str) -> bool:
    """«не более» / «не менее» before a figure, a date or a hedge on one: a bound, not a negation."""
    if following not in _RU_COMPARATIVE_FORMERS:
        return False
    rest = [tokens[i] for i in clause[at + 2:at + 4]]
    return bool(rest) and (rest[0].kind != "word" or fold(rest[0].text) in HEDGES)


def _figure_after(tokens: tuple[Token, ...], clause: list[int], at: int) -> bool:
    """A figure, or a hedge on one, right after the word at ``clause[at]`` (a bridge such as «на» between)."""
    rest = [tokens[i] for i in clause[at + 1:at + 3]]
    if rest and rest[0].kind == "word" and rest[0].value in HEDGE_BRIDGES:
        rest = rest[1:]
    return bool(rest) and (rest[0].kind in ("number", "ratio") or fold(rest[0].text) in HEDGES)


_NOMINAL_BEFORE = frozenset({"of", "from"})
NOMINAL_REACH = 3  # words from "of" to the predicate it takes ("of the dam failing")


def _nominal_predicate(tokens: tuple[Token, ...], clause: list[int], at: int) -> bool:
    """A negative predicate in "-ing" after "of" / "from" names an event ("the risk of the dam failing", "fears
    of talks failing"), unless it takes "to" ("accused of failing to pay" says "did not pay")."""
    token = tokens[clause[at]]
    if not token.value.startswith(NEGATIVE_STEMS) or not token.value.endswith("ing"):
        return False
    following = fold(tokens[clause[at + 1]].text) if at + 1 < len(clause) else ""
    before = {fold(tokens[i].text) for i in clause[max(at - NOMINAL_REACH, 0):at]}
    return following != "to" and bool(before & _NOMINAL_BEFORE)


def _until_clause(tokens: tuple[Token, ...], clause: list[int], text: str) -> bool:
    """A clause that «пока» opens after a comma, inside a sentence, is "until": its «не» negates nothing («не
    вернёмся, пока правительство не подпишет» = "until the government signs"); «пока» inside a clause is "not
    yet" («страховщики пока не дают»)."""
    first = tokens[clause[0]]
    return (fold(first.text) in NOT_NEGATING_AFTER and clause[0] > 0
            and text[tokens[clause[0] - 1].end:first.start].strip() == ",")


def _refusal_negated(tokens: tuple[Token, ...], clause: list[int], at: int) -> bool:
    """The negation at ``at`` is a negative predicate ("refuse", «отказаться», «исключаем») or the end of a
    negative phrase or idiom ("rule out", "turn down") right after a plain "not" (auxiliaries between allowed):
    "we do not rule out" = «мы не исключаем», each one "no" that cancels the other."""
    value = tokens[clause[at]].value
    start = at - _phrase_length(tokens, clause, at) + 1
    if start == at and not (value.startswith(NEGATIVE_STEMS) or value in NEGATIVE_PREDICATES):
        return False
    for i in reversed(clause[:start]):
        value = fold(tokens[i].text)
        if value in AUXILIARIES:
            continue
        return tokens[i].kind == "negation" and value not in CONCORD and not value.startswith(NEGATIVE_STEMS)
    return False


def _phrase_length(tokens: tuple[Token, ...], clause: list[int], at: int) -> int:
    """The words of the negative phrase or idiom whose last word is at ``at`` ("rule out": 2; "turned the offer
    down": 4), 1 when it ends none."""
    value = tokens[clause[at]].value
    before = [fold(tokens[i].text) for i in clause[:at]]
    for idiom in NEGATIVE_IDIOMS:
        if idiom[-1] == value and tuple(before[len(before) + 1 - len(idiom):]) == idiom[:-1]:
            return len(idiom)
    for verb, particle in NEGATIVE_PHRASES:
        if value == particle:
            back = next((k for k in range(1, 4) if k <= len(before) and before[-k].startswith(verb)), None)
            if back is not None:
                return back + 1
    return 1


def _bounds(tokens: tuple[Token, ...], rest: list[int]) -> bool:
    """The rest of a clause compares ("… lower than", "… more than"): a negative quantifier before it bounds."""
    words = [fold(tokens[i].text) for i in rest]
    return any(word in _EN_COMPARATIVES and following == "than" for word, following in pairwise(words))


def _bounds_a_figure_later(tokens: tuple[Token, ...], rest: list[int]) -> bool:
    """The rest of a clause bounds a distance ("… will come closer than 20 km", «не подойдёт к границе ближе чем
    на 20 километров»): a negation before it makes the bound, and says no "not"."""
    for k, (i, j) in enumerate(pairwise(rest)):
        word, following = fold(tokens[i].text), fold(tokens[j].text)
        if word in _DISTANCE_COMPARATIVES and following in _THAN:
            after = [tokens[x] for x in rest[k + 2:k + 4]]
            return any(t.kind in ("number", "ratio") for t in after)
    return False


@lru_cache(maxsize=1 << 14)
def facts(text: str) -> Facts:
    tokens = read(text)

    def values(kind: Kind) -> frozenset[str]:
        return frozenset(t.value for t in tokens if t.kind == kind)

    units = _units_of(tokens, text)
    timed = {i: UNITS[u.value] for i, u in units.items()
             if UNITS[u.value] in DURATIONS and not _calendar_year(tokens[i], u)}
    durations = _durations(tokens, timed)
    converted = _converted(tokens, text)
    # the words that write a converted figure's unit ("per second") count nothing themselves
    unit_words = {j for i, (_, _, width) in converted.items() for j in range(i + 1, i + 1 + width)}
    measures = frozenset(f"{tokens[i].value} {UNITS[u.value]}" for i, u in units.items()
                         if UNITS[u.value] not in DURATIONS and i not in converted) | frozenset(
        f"{number_value(value)} {unit}" for value, unit, _ in converted.values() if unit is not None)

    def readings(i: int, token: Token) -> tuple[str, ...]:
        """A number's values, with its value in its quantity's unit (conversions.py)."""
        own = _readings(token, text)
        return (*own, number_value(converted[i][0])) if i in converted else own

    none = {i for i, t in enumerate(tokens) if t.kind == "number" and t.value == "1" and _after_negation(tokens, i)}
    denied = {i for i, t in enumerate(tokens) if t.kind == "number" and i and tokens[i - 1].kind == "negation"}
    dated = _days_of_month(tokens, text)
    figures = tuple(frozenset(readings(i, t)) for i, t in enumerate(tokens)
                    if t.kind == "number" and i not in timed and i not in none and i not in dated
                    and i not in denied and i not in unit_words)  # "60, not 150": the figure set aside
    parts = clauses(tokens, text)
    negations = _elliptical(tokens, parts, _alternatives(tokens, text, parts, _distributed(
        tokens, text, parts, [_clause_negations(tokens, clause, text) for clause in parts])))
    corrections = _corrections(tokens, text, parts, negations)
    sides, negative = read_sides([fold(t.text) for t in tokens], sum(negations),
                                 {i for i, t in enumerate(tokens) if t.kind == "negation"})
    doubled = _double_negatives(parts, negative)
    numbers = frozenset(v for i, t in enumerate(tokens) if t.kind == "number" and i not in none
                        and i not in unit_words for v in readings(i, t))
    ratios = values("ratio")
    hedged = frozenset((v, sense) for i, t in enumerate(tokens) if t.kind == "number" and i not in timed
                       and (sense := _hedge(tokens, i)) is not None for v in readings(i, t))
    return Facts(numbers, values("month"), values("weekday"), values("season"), values("day") | _period_ends(tokens),
                 values("name"),
                 tuple(Clause(n, tuple(negative[i] for i in clause if i in negative),
                              tuple(_next_to_negation(tokens, clause, i) for i in clause if i in negative),
                              _anchors(tokens, clause), text[tokens[clause[0]].start:tokens[clause[-1]].end],
                              _stances(clause, n, sides), tuple(i in doubled for i in clause if i in negative),
                              *corrects)
                       for n, clause, corrects in zip(negations, parts, corrections, strict=True)),
                 measures, durations, figures, frozenset(dated.values()), _openers(tokens, text), sides,
                 any(fold(t.text) in FIRST_PERSON_PLURAL for t in tokens), _name_order(tokens, text), ratios, hedged)


CALENDAR_YEARS = (1800, 2200)


_MORE = frozenset({"more", "further", "additional", "extra"})
_RANGE_JOINS = frozenset({"to", "до", "по"})  # "from 18 to 12 months", «с 9,5 до 8,75 процента»
_BETWEEN = {"between": "and", "между": "и"}  # "between 2 and 4 hours"
_DASHES = frozenset("-–—")  # "2-4 hours"


def _units_of(tokens: tuple[Token, ...], text: str) -> dict[int, Token]:
    """The unit of each number that has one (fact_words.UNITS), by index: the word after it (past "more", or "a"
    after "half": "two more years", "half an hour"), or the unit of the range it opens ("from 18 to 12 months":
    18 months too; "between 2 and 4 hours", «с 9,5 до 8,75 процента», "2-4 hours"), so that the first figure of
    a range compares as what it measures."""
    out = {i: u for i, (t, u) in enumerate(pairwise(tokens)) if t.kind == "number" and u.value in UNITS}
    out.update({i: tokens[i + 2] for i, t in enumerate(tokens[:-2])  # "two more years", "half an hour"
                if t.kind == "number" and tokens[i + 2].value in UNITS
                and (tokens[i + 1].value in _MORE or (t.value == "0.5" and tokens[i + 1].value in _ONE))})
    for i in range(len(tokens) - 2, -1, -1):
        if tokens[i].kind != "number" or i in out:
            continue
        join = fold(tokens[i + 1].text)
        between = _BETWEEN.get(fold(tokens[i - 1].text)) if i else None
        if join in _RANGE_JOINS or join == between:
            end = i + 2
        elif tokens[i + 1].kind == "number" and text[tokens[i].end:tokens[i + 1].start].strip() in _DASHES:
            end = i + 1
        else:
            continue
        if end in out and tokens[end].kind == "number":
            out[i] = out[end]
    return out


def _calendar_year(number: Token, unit: Token) -> bool:
    """«до конца 2029 года», «в 2030 год»: a year of the calendar (as "by the end of 2029" says it), not a length of
    2,029 years; in English a figure before "years" stays a length ("2,000 years old")."""
    value = float(number.value)
    return (value.is_integer() and CALENDAR_YEARS[0] <= value <= CALENDAR_YEARS[1] and not unit.value.isascii()
            and UNITS.get(unit.value) == "year")


def _hedge(tokens: tuple[Token, ...], at: int) -> str | None:
    """The side a hedge leaves the true value of the number at ``at`` on (fact_words.HEDGES: "~", "-", ">", "<"),
    or None: a hedge before it ("more than", "at least", "just under"), one after it («с лишним», "-odd"), a
    bound turned by a negation before it ("no more than 2,000" is at most 2,000; «не менее трёх» at least)."""
    if _POSTPOSED.search(tokens[at].text):
        return ">"
    if fold(tokens[at].text) in VAGUE_PLURALS:
        return MANY
    i = at - 1
    while i >= 0 and at - i <= 3 and tokens[i].kind == "word" and tokens[i].value in HEDGE_BRIDGES:
        i -= 1
    if i < 0 or tokens[i].kind != "word":
        return None
    sense = HEDGE_PAIRS.get((fold(tokens[i - 1].text), tokens[i].value)) if i else None
    sense = sense or HEDGES.get(tokens[i].value)
    if sense in TURNED_BOUNDS and i and (tokens[i - 1].kind == "negation" or (
            i > 1 and tokens[i - 2].kind == "negation" and tokens[i - 1].kind == "word")):
        return TURNED_BOUNDS[sense]  # "no more than 40", "will not fall below 5 percent"
    return sense


def _name_order(tokens: tuple[Token, ...], text: str) -> tuple[str, ...]:
    """The name keys of its names and capitalised words, in the order written (the first is most often what the
    quote is about: its subject)."""
    openers = {o.key for o in _openers(tokens, text)}
    keys = institutions([t.text for t in tokens]) if openers else [None] * len(tokens)
    out: list[str] = []
    for token, key in zip(tokens, keys, strict=True):
        if token.kind == "name":
            out.append(token.value)
        elif token.kind == "word" and token.text[:1].isupper() and (key or name_key_of(token.text)) in openers:
            out.append(key or name_key_of(token.text))
    return tuple(dict.fromkeys(out))


PERIOD_ENDS = frozenset({"end", "конца", "конце", "конец", "концу"})
_PERIODS = frozenset({"week", "month", "year"})
PERIOD_REACH = 3  # words from "end" to its period ("the end of this week", «до конца недели»)


def _period_ends(tokens: tuple[Token, ...]) -> frozenset[str]:
    """The ends of periods a quote dates by: "by the end of the week", «до конца месяца» ("end-week",
    "end-month"): a deadline moved from one to another is a date changed."""
    out: set[str] = set()
    for i, token in enumerate(tokens):
        if fold(token.text) not in PERIOD_ENDS:
            continue
        period = next((UNITS[t.value] for t in tokens[i + 1:i + 1 + PERIOD_REACH] if UNITS.get(t.value) in _PERIODS),
                      None)
        if period is not None:
            out.add(f"end-{period}")
    return frozenset(out)


WITHOUT_REACH = 2  # words from "without" to the word it governs ("without rolling blackouts")


def _double_negatives(parts: list[list[int]], negative: dict[int, frozenset[str]]) -> set[int]:
    """The indexes of each "without" (opposites.WITHOUT) followed within WITHOUT_REACH words of its clause by a word
    that says "not" on its own (the negative side of a one-sided pair: "blackouts", "restrictions"), and of that
    word: "without blackouts" says "supplied", «без потерь» "no
    losses", as "no blackouts" does."""
    out: set[int] = set()
    for clause in parts:
        for k, i in enumerate(clause):
            if WITHOUT not in negative.get(i, frozenset()):
                continue
            governed = next((j for j in clause[k + 1:k + 1 + WITHOUT_REACH]
                             if negative.get(j, frozenset()) & ONE_SIDED), None)
            if governed is not None:
                out |= {i, governed}
    return out


def _converted(tokens: tuple[Token, ...], text: str) -> dict[int, Canonical]:
    """The numbers written in a unit of area, speed or basis points, by index, in their quantity's unit
    (conversions.canonical)."""
    words = [fold(t.text) if t.kind == "number" else t.value for t in tokens]  # "second", not its "2"
    gaps = [text[a.end:b.start] for a, b in pairwise(tokens)]
    return {i: found for i, t in enumerate(tokens)
            if t.kind == "number" and (found := canonical(words, gaps, i, float(t.value))) is not None}


def _readings(token: Token, text: str) -> tuple[str, ...]:
    """A number's values: "7.2m" with no currency sign before it is 7.2 million or 7.2 metres (either may be
    what the other quote says)."""
    suffix = token.text.rstrip(".")[-1:].casefold()
    if (suffix in AMBIGUOUS_SUFFIXES and not _MERIDIEM.search(token.text)  # "4 p.m." is no "4m"
            and text[token.start - 1:token.start] not in CURRENCY_SIGNS):
        return token.value, number_value(float(token.value) / SUFFIX_MULTIPLIERS[suffix])
    return (token.value,)


def _stances(clause: list[int], negations: int, sides: Sides) -> tuple[tuple[str, int], ...]:
    """The sides the words of an affirmative clause take on listed pairs. A clause with a negation takes none:
    what its negation negates is the polarity's to read ("not a single tanker will be allowed" says "barred"
    though "allowed" is no word after "not")."""
    if negations:
        return ()
    words = set(clause)
    return tuple((entry, sign) for at, entry, sign in sides.placed if at in words and entry != WITHOUT)


def _days_of_month(tokens: tuple[Token, ...], text: str) -> dict[int, str]:
    """The numbers that date a day of a month, by index: "1 November", "the 15th of June", "June 15", «1 октября»
    (a whole number up to 31 next to the month's name, "of" between allowed, no punctuation: "in June. Two
    officers" dates nothing): a date, not an amount, so that "cut by a quarter from 1 November" does not count a
    1 against "25 percent"."""
    out: dict[int, str] = {}

    def joined(one: Token, other: Token) -> bool:
        first, second = (one, other) if one.start < other.start else (other, one)
        return not _DATE_BREAK.search(text[first.end:second.start])

    for i, token in enumerate(tokens):
        if token.kind != "number" or not token.value.isdecimal() or not 1 <= int(token.value) <= 31:
            continue
        after = tokens[i + 2] if i + 2 < len(tokens) and fold(tokens[i + 1].text) == "of" else (
            tokens[i + 1] if i + 1 < len(tokens) else None)
        before = tokens[i - 1] if i > 0 else None
        month = next((t for t in (after, before) if t is not None and t.kind == "month" and joined(token, t)), None)
        if month is not None:
            out[i] = f"{month.value}-{token.value}"
    return _day_ranges(tokens, out)


_RANGE_WORDS = frozenset("to through till until and по до и".split())
_DATE_BREAK = re.compile(r"[.,;:!?()—–]")


def _day_ranges(tokens: tuple[Token, ...], dated: dict[int, str]) -> dict[int, str]:
    """``dated`` with the other end of a range of days whose month is written once: «с 3 по 17 августа», "from
    August 3 to 17", "3-17 August", "between 3 and 17 August" (a whole number up to 31 joined to a dated day by
    a dash or a word of ``_RANGE_WORDS``)."""
    out = dict(dated)

    def day(k: int) -> bool:
        t = tokens[k]
        return t.kind == "number" and t.value.isdecimal() and 1 <= int(t.value) <= 31 and k not in dated

    for i, value in dated.items():
        month = value.split("-")[0]
        for step in (-1, 1):
            j = i + step
            if 0 <= j < len(tokens) and tokens[j].kind == "word" and tokens[j].value in _RANGE_WORDS:
                j += step
            if 0 <= j < len(tokens) and day(j):
                out[j] = f"{month}-{tokens[j].value}"
    return out


def _anchors(tokens: tuple[Token, ...], clause: list[int]) -> frozenset[str]:
    """A clause's content words (their first ANCHOR_STEM letters: endings and plurals aside), numbers and
    names (by their name key, so that a name opening a sentence, read as a word, ties too)."""
    out: set[str] = set()
    for t in (tokens[i] for i in clause):
        if t.kind == "number":
            out.add(f"#{t.value}")
        elif t.kind == "name":
            out.add(f"@{t.value[:ANCHOR_STEM]}")
        elif t.kind == "word" and len(t.value) >= ANCHOR_STEM and t.value not in FUNCTION_WORDS:
            # a compound ties by each of its words too ("half-empty" / "empty", "visa-free" / "visa")
            out.add(t.value[:ANCHOR_STEM])
            out.update(part[:ANCHOR_STEM] for part in t.value.split("-")[1:]
                       if len(part) >= ANCHOR_STEM and part not in FUNCTION_WORDS)
            if t.text[:1].isupper():
                out.add(f"@{name_key_of(t.text)[:ANCHOR_STEM]}")
    return frozenset(out)


def _next_to_negation(tokens: tuple[Token, ...], clause: list[int], at: int) -> bool:
    """A negation of the clause negates the word: it is the first word after the negation that is no auxiliary
    ("is not closed", "will not be closed", "nobody was hurt"; a phrase's particle up to PARTICLE_REACH words
    on: "will not leave out"), or any word after it past a verb of control
    ("will not allow the library to be closed"); when only auxiliaries follow the negation to the clause's
    end, any word before it («дефицита топлива не будет», «жертв нет»); or the word whose object it is
    ("killed no one")."""
    for k, i in enumerate(clause):
        if tokens[i].kind != "negation":
            continue
        words = [fold(tokens[j].text) for j in clause[k + 1:]]
        after = [j for j, word in zip(clause[k + 1:], words, strict=True) if word not in AUXILIARIES]
        if not after:
            if at < i:
                return True
            continue
        if after[0] <= at <= after[0] + PARTICLE_REACH and all(j in clause for j in range(after[0], at + 1)):
            return True  # the word, or the particle of a phrase it opens ("will not leave out", "not called off")
        if k and clause[k - 1] == at and tokens[i].value in QUANTIFIERS:
            return True
        controlled = next((n for n, word in enumerate(words) if word in CONTROL), None)
        if controlled is not None and at in clause[k + 2 + controlled:]:
            return True
    return False


def _distributed(tokens: tuple[Token, ...], text: str, parts: list[list[int]], negations: list[int]) -> list[int]:
    """A condition's negation ("unless") negates each clause it joins by "and" / "or" in its sentence: "unless
    they are named and made to answer" = "if they are never named and never made to answer"."""
    out = list(negations)
    scope = False
    for k, clause in enumerate(parts):
        head = tokens[clause[0]]
        joined = k > 0 and fold(head.text) in CONDITION_JOINS and not _SENTENCE_GAP.search(
            text, tokens[parts[k - 1][-1]].end, head.start)
        if scope and joined:
            out[k] += 1
        scope = any(tokens[i].value in CONDITION_NEGATIONS for i in clause) or (scope and joined)
    return out


def _alternatives(tokens: tuple[Token, ...], text: str, parts: list[list[int]], negations: list[int]) -> list[int]:
    """A clause that says what follows when an obligation is not met counts one negation more: one that "or"
    opens after a clause of the same sentence holding an obligation ("must be ready by May, or we will move
    it"), or one that "otherwise" / «иначе» opens ("if it is not ready, we will move it" says the same)."""
    out = list(negations)
    for k in range(1, len(parts)):
        head = fold(tokens[parts[k][0]].text)
        before = parts[k - 1]
        same_sentence = not _SENTENCE_GAP.search(text, tokens[before[-1]].end, tokens[parts[k][0]].start)
        obliged = any(fold(tokens[i].text) in OBLIGATIONS for i in before)
        if (head in OTHERWISE or (head in ALTERNATIVES and obliged)) and same_sentence:
            out[k] += 1
    return out


def _elliptical(tokens: tuple[Token, ...], parts: list[list[int]], negations: list[int]) -> list[int]:
    """The second of two negated nouns in a list ("with no queues and no paperwork", "neither fees nor
    forms") repeats the first one's negation: one, as «без очередей и справок» says it. A short clause that is a
    conjunction, a negative quantifier and a word or two, after a negated clause, negates nothing more."""
    out = list(negations)
    for k in range(1, len(parts)):
        words = [fold(tokens[i].text) for i in parts[k]]
        if (len(words) <= ELLIPSIS and words[0] in CONJUNCTIONS and (words[0] == "nor" or words[1:2] == ["no"])
                and out[k - 1] and out[k] == 1):
            out[k] = 0
    return out


_PLAIN_NEGATIONS = frozenset({"not", "не"})


_NO_CORRECTION: tuple[int | None, frozenset[str]] = (None, frozenset())


def _corrections(tokens: tuple[Token, ...], text: str, parts: list[list[int]],
                 negations: list[int]) -> list[tuple[int | None, frozenset[str]]]:
    """For each clause whose one negation corrects, the index of the clause that says the claim and the anchors
    of the part it denies: a negated part of a sentence, not its verb, followed in the sentence by a clause
    that a corrective word opens ("not for the money but for the title", «не в понедельник, а в среду», «не
    из-за денег, просто устал»). Only the negation of a part corrects: "we will not raise taxes, but we will
    cut spending" denies a claim of its own. (A correction that comes first, «здесь, а не в Борске», is left
    to count: its claim's clause holds the whole predicate, which a flipped quote says too.)"""
    out = [_NO_CORRECTION] * len(parts)
    for k, clause in enumerate(parts[:-1]):
        at = next((n for n, i in enumerate(clause) if tokens[i].kind == "negation"), None)
        if (negations[k] == 1 and at is not None and tokens[clause[at]].value in _PLAIN_NEGATIONS
                and _of_a_part(tokens, clause, at) and fold(tokens[parts[k + 1][0]].text) in CORRECTIVES
                and _one_sentence(text, tokens, clause, parts[k + 1])):
            out[k] = (k + 1, _anchors(tokens, clause[at + 1:]))
    return out


def _of_a_part(tokens: tuple[Token, ...], clause: list[int], at: int) -> bool:
    """The plain negation at ``at`` negates a part of the sentence, not its verb: no auxiliary before it ("will
    not", "is not") or after it («не будет»), and in Russian no verb after it («не повысим»)."""
    before = fold(tokens[clause[at - 1]].text) if at > 0 else ""
    after = tokens[clause[at + 1]] if at + 1 < len(clause) else None
    if before in AUXILIARIES or after is None or fold(after.text) in AUXILIARIES:
        return False
    return not (tokens[clause[at]].value == "не" and _verb(fold(after.text)))


@lru_cache(maxsize=1 << 12)
def _verb(word: str) -> bool:
    """A Russian word read as a verb, an infinitive or a gerund (pymorphy)."""
    from quotetrace.ru.nlp import morph_vocab

    forms = morph_vocab()(word)
    return bool(forms) and forms[0].pos in ("VERB", "INFN", "GRND", "PRTS")


def _one_sentence(text: str, tokens: tuple[Token, ...], one: list[int], other: list[int]) -> bool:
    return not _SENTENCE_GAP.search(text, tokens[one[-1]].end, tokens[other[0]].start)


def _after_negation(tokens: tuple[Token, ...], at: int) -> bool:
    """A "one" that says "none" ("ни одного", "not one", "not a single"): the negation counts, not the number."""
    before = at - 1 - (at > 1 and tokens[at - 1].value == "a")
    return before >= 0 and tokens[before].kind == "negation"


_DURATION_JOINS = frozenset({"and", "и"})


def _durations(tokens: tuple[Token, ...], timed: dict[int, str]) -> frozenset[Duration]:
    """The lengths of time, a larger unit and a smaller one after it as one ("an hour and 35 minutes", «1 час 35
    минут»: 95 minutes), and half a unit in one word («полгода»), each with the hedge before it ("about ten
    days", "less than two hours")."""
    out: list[Duration] = []
    i = 0
    while i < len(tokens):
        one = tokens[i].value in _ONE and i + 1 < len(tokens) and UNITS.get(tokens[i + 1].value) in DURATIONS
        half = HALF_UNITS.get(tokens[i].value) if tokens[i].kind == "word" else None  # «полгода»
        if half is not None:
            low, high = _days(0.5, half)
            out.append(Duration(low, high, _hedge(tokens, i) or "", 0.5))
        if i not in timed and not one:
            i += 1
            continue
        unit = timed.get(i) or UNITS[tokens[i + 1].value]
        figure = 1.0 if one else float(tokens[i].value)
        low, high = _days(figure, unit)
        hedge = _hedge(tokens, i) or ""
        j = i + 2 + (i + 2 < len(tokens) and tokens[i + 2].value in _DURATION_JOINS)
        if j in timed and DURATIONS[timed[j]][1] < DURATIONS[unit][0]:
            more = _days(float(tokens[j].value), timed[j])
            out.append(Duration(low + more[0], high + more[1], hedge, figure))
            i = j + 2
            continue
        if not one:
            out.append(Duration(low, high, hedge, figure))
        i += 2
    return frozenset(out)


def _days(value: float, unit: str) -> tuple[float, float]:
    low, high = DURATIONS[unit]
    return value * low, value * high


def _openers(tokens: tuple[Token, ...], text: str) -> frozenset[Opener]:
    """The capitalised words that open a sentence (the first word of a quote too), an institution's words keyed
    by the institution (institutions.py)."""
    at = [i for i, t in enumerate(tokens)
          if t.kind == "word" and t.text[:1].isupper() and len(t.text) > 1 and t.text != "I"
          and (i == 0 or _SENTENCE_GAP.search(text, tokens[i - 1].end, t.start) is not None)]
    if not at:
        return frozenset()
    keys = institutions([t.text for t in tokens])
    return frozenset(Opener(keys[i] or name_key_of(tokens[i].text), fold(_POSSESSIVE.sub("", tokens[i].text)),
                            _POSSESSIVE.search(tokens[i].text) is not None) for i in at)
