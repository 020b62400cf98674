"""The facts of a quote that an echo must keep: its numbers, dates, names and negation, in English or Russian.

``read(text)`` cuts a quote into tokens that know what they are (a number with its value, a month, a weekday,
a day relative to today, a negation, a name, or a plain word) and ``facts(text)`` sums them up, normalised so
that two languages and two spellings compare: "three" = "3" = «три»; "forty" = 40; "3,000" = «3 тысячи»;
"15 June" and «15 июня» give 15 and month 6; "spring" and «весной» one season; "Ostrand's" and «Остранда» give
one name key.

Negation is counted, not just seen: a quote's polarity is the parity of its negations (Russian negative
concord, «никто не», counts once), so a retelling that says "nobody wants" for "refuses" keeps it, and an echo
that drops one of two negations does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from quotetrace.link.fact_words import (
    CONCORD,
    MONTHS,
    MULTIPLIERS,
    NEGATIONS,
    NEGATIVE_IDIOMS,
    NEGATIVE_PHRASES,
    NEGATIVE_STEMS,
    NOT_NEGATING_AFTER,
    NOT_NEGATING_NEXT,
    NUMBER_WORDS,
    RELATIVE_DAYS,
    SEASONS,
    UNITS,
    WEEKDAYS,
)
from quotetrace.link.speakers import fold, name_key

Kind = Literal["number", "month", "weekday", "season", "day", "negation", "name", "word"]

_TOKEN = re.compile(
    r"\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?!\d)"  # 40 000 (Russian thousands)
    r"|\d+(?:[.,]\d+)*"  # 40, 3,000, 7.5, 7,5
    r"|[^\W\d_]+(?:['’-][^\W\d_]+)*"  # words, with their apostrophes and hyphens
)
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th", "го", "й", "я", "е", "м", "х", "ого", "ой", "ым"})
_SENTENCE_GAP = re.compile(r"[.!?…]")
_CLAUSE_BREAK = re.compile(r"[,;:.!?…—–()]")
# Names whose English and Russian forms are not spellings of each other (keys as name_key gives them).
NAME_EQUIVALENTS = {"kiev": "kyiv", "kiiv": "kyiv", "ssha": "us", "usa": "us", "rf": "rusia", "rossia": "rusia",
                    "moskva": "moscow", "moscov": "moscow", "vashing": "washing", "germani": "germany",
                    "kremli": "kremlin", "kreml": "kremlin", "mid": "ministr"}
_NAME_KEY = 7  # letters of a name key: Russian case endings fall after them ("ostranda" / "ostrand")
_EN_COMPARATIVES = frozenset({"more", "less", "fewer", "later", "earlier", "sooner", "longer", "but", "other"})


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


@dataclass(frozen=True, slots=True)
class Facts:
    numbers: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    seasons: frozenset[str]
    days: frozenset[str]
    names: frozenset[str]
    negations: int
    measures: frozenset[str] = frozenset()  # a number with the unit after it: "3 week" ("three weeks", «три недели»)

    @property
    def polarity(self) -> int:
        return self.negations % 2


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
    pieces = key.split("-")
    if len(pieces) > 1 and all(p in NUMBER_WORDS for p in pieces):  # forty-two
        return sum(NUMBER_WORDS[p] for p in pieces)
    return None


def _classify(raw: str, key: str, capital: bool, first: bool) -> tuple[Kind, str]:
    # English writes months and weekdays with a capital ("may" and "march" are verbs); Russian without one
    # ("Марта" in mid-sentence is the name Marta).
    calendar = capital if key.isascii() else not capital or first
    if _word_number(key) is not None or key in MULTIPLIERS:
        return "number", ""
    if key in MONTHS and calendar:
        return "month", f"m{MONTHS[key]}"
    if key in WEEKDAYS and calendar:
        return "weekday", f"w{WEEKDAYS[key]}"
    if key in SEASONS:
        return "season", f"s{SEASONS[key]}"
    if key in RELATIVE_DAYS:
        return "day", RELATIVE_DAYS[key]
    if key in NEGATIONS or key.endswith("n't") or key == "cannot" or key.startswith(NEGATIVE_STEMS):
        return "negation", key
    if capital and not first and raw != "I" and len(raw) > 1:
        return "name", name_key_of(raw)
    return "word", key


def name_key_of(word: str) -> str:
    """A spelling-blind key of a name in Latin letters, possessive and Russian case endings aside."""
    from quotetrace.ru.names import transliterate

    bare = re.sub(r"['’]s$", "", word)
    key = name_key(transliterate(bare))[:_NAME_KEY]
    return NAME_EQUIVALENTS.get(key, key)


@lru_cache(maxsize=1 << 14)
def read(text: str) -> tuple[Token, ...]:
    """The tokens of ``text``, runs of number words and digits joined into one number ("forty two", «3 тысячи»)."""
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
        if word[0].isdigit():
            raw.append(Token(word, match.start(), match.end(), "number", number_value(_digits(word))))
            previous_digit = True
        else:
            first = not raw or _SENTENCE_GAP.search(gap) is not None  # a sentence opens here
            kind, value = _classify(word, key, word[0].isupper(), first)
            if kind == "word" and _ends_negative_phrase(raw, key):
                kind = "negation"  # "turned down", "turned the offer down", "out of the question"
            raw.append(Token(word, match.start(), match.end(), kind, value))
            previous_digit = False
        previous_end = match.end()
    return tuple(_join_numbers(text, raw))


def _ends_negative_phrase(before: list[Token], key: str) -> bool:
    if any(t.value.startswith(verb) and key == particle for t in before[-3:] for verb, particle in NEGATIVE_PHRASES):
        return True
    return any(idiom[-1] == key and tuple(t.value for t in before[1 - len(idiom):]) == idiom[:-1]
               for idiom in NEGATIVE_IDIOMS)


def _join_numbers(text: str, tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    run: list[Token] = []
    for token in [*tokens, None]:
        if token is not None and token.kind == "number":
            if run and text[run[-1].end:token.start].strip():  # "15th, 25": two numbers
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


def _number_run(text: str, run: list[Token]) -> Token:
    return Token(text[run[0].start:run[-1].end], run[0].start, run[-1].end, "number", number_value(_run_value(run)))


def _run_value(run: list[Token]) -> float:
    """'three hundred' → 300, 'forty two' → 42, '3 тысячи' → 3000, '1.5 million' → 1.5e6."""
    total = current = 0.0
    for token in run:
        key = fold(token.text)
        if token.value:  # digits
            current += float(token.value)
        elif key in MULTIPLIERS:
            multiplier = MULTIPLIERS[key]
            if multiplier >= 1000:
                total += (current or 1) * multiplier
                current = 0.0
            else:
                current = (current or 1) * multiplier
        else:
            current += _word_number(key) or 0.0
    return total + current


def negation_count(tokens: tuple[Token, ...], text: str) -> int:
    """Negations that negate, clause by clause (see the module's docstring)."""
    count = 0
    clause: list[int] = []
    for index, token in enumerate(tokens):
        if clause and _CLAUSE_BREAK.search(text, tokens[clause[-1]].end, token.start):
            count += _clause_negations(tokens, clause)
            clause = []
        clause.append(index)
    return count + _clause_negations(tokens, clause)


def _clause_negations(tokens: tuple[Token, ...], clause: list[int]) -> int:
    plain = 0
    concord = 0
    for i in clause:
        token = tokens[i]
        if token.kind != "negation":
            continue
        following = fold(tokens[i + 1].text) if i + 1 < len(tokens) else ""
        after = fold(tokens[i + 2].text) if i + 2 < len(tokens) else ""
        preceding = fold(tokens[i - 1].text) if i > 0 else ""
        if following in NOT_NEGATING_NEXT and (following not in _EN_COMPARATIVES or after == "than"
                                               or token.value in ("nothing", "none")):
            continue  # "no more than", "nothing less", "none other"
        if preceding in NOT_NEGATING_AFTER and clause.index(i) == 1:
            continue  # «…, пока не получим» ("until"), not «страховщики пока не дают» ("not yet")
        if token.value in CONCORD:
            concord += 1
        else:
            plain += 1
    return plain if plain else min(concord, 1)


@lru_cache(maxsize=1 << 14)
def facts(text: str) -> Facts:
    tokens = read(text)

    def values(kind: Kind) -> frozenset[str]:
        return frozenset(t.value for t in tokens if t.kind == kind)

    measures = frozenset(f"{t.value} {UNITS[u.value]}" for t, u in pairwise(tokens)
                         if t.kind == "number" and u.value in UNITS)
    return Facts(values("number"), values("month"), values("weekday"), values("season"), values("day"),
                 values("name"), negation_count(tokens, text), measures)
