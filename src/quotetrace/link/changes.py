"""What an echo changed: the facts it replaced, named as (original words, echo's words) pairs.

In one language the two quotes are aligned word by word (numbers by value, so "forty" and "40" align), and
``compare`` sorts the pair:

- ``same``: no fact differs where they overlap (a copy, a fragment, a near-copy with a word changed);
- ``altered``: they overlap on most of the echo's words, and what differs is a few facts (MAX_FACT_CHANGES:
  a number, a date, a name replaced, a negation dropped or added, a word swapped for its opposite: "open" →
  "closed", "north" → "south", «больше» → «меньше») with at most a word or two besides;
- ``apart``: anything else (another statement that shares a phrase, or one that differs in more than facts).

Where the overlap ends is a fragment's edge, not a change ("four days of oxygen left" inside the whole quote);
a replaced word at an edge is a change when it holds a fact ("Forty tonnes" → "Fourteen tonnes").

Across languages nothing aligns word by word: ``fact_changes`` names the facts one side holds and the other
does not, with the words that carry them (a number with the month it dates, a negation with the word it
negates); the side that has no word for a change (a negation dropped) is "". Numbers are counted (a value said
twice on one side and once on the other was changed once), a factor matches its number ("three times" /
«втрое»), and changed numbers pair by the unit they count, then by the nearest value; a length of time whose
unit changed is named with its unit; a negation is named in the clause whose counterpart by meaning (the
closest embedding on the other side) says none, not with every negation of the quote.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import pairwise, zip_longest
from typing import Literal

from quotetrace.link.fact_words import DURATIONS, HEDGE_BRIDGES, UNITS
from quotetrace.link.facts import PERIOD_ENDS, PERIOD_REACH, Token, facts, read, same_polarity
from quotetrace.link.opposites import ONE_SIDED, Sides, engaged, read_sides, swapped
from quotetrace.link.speakers import fold
from quotetrace.link.units import Match
from quotetrace.link.veto import name_matches

Verdict = Literal["same", "altered", "apart"]
Change = tuple[str, str]

# Calibrated on the tune split of tests/fixtures/echo/trust.json (benchmarks/linking.py); change them as a set.
MAX_FACT_CHANGES = 2  # an echo that changes more facts than this is another statement
MIN_SHARED = 4  # words the two must share, at least ...
MIN_SHARED_SHARE = 0.6  # ... and this share of the echo's words where they overlap
MAX_OTHER_WORDS = 2  # other words changed besides the facts, at least this many allowed ...
MAX_OTHER_SHARE = 0.25  # ... or this share of the echo's words where they overlap
EDGE_SLACK = 2  # an edit at an edge this close in length on both sides replaces words; a longer one is an edge
_DATE_KINDS = ("month", "weekday", "season", "day")


@dataclass(frozen=True, slots=True)
class Comparison:
    verdict: Verdict
    changes: tuple[Change, ...] = ()
    kinds: frozenset[str] = field(default_factory=frozenset)


def _key(token: Token) -> str:
    return f"#{token.value}" if token.kind == "number" else token.value


def compare(original: str, echo: str) -> Comparison:
    """Align two quotes in one language and sort the pair (see the module's docstring)."""
    a, b = read(original), read(echo)
    ops = SequenceMatcher(None, [_key(t) for t in a], [_key(t) for t in b], autojunk=False).get_opcodes()
    equal = [k for k, op in enumerate(ops) if op[0] == "equal"]
    if not equal:
        return Comparison("apart")
    first, last = equal[0], equal[-1]
    shared = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
    overlap = other = 0
    changes: list[Change] = []
    kinds: set[str] = set()
    overhang = _overhang(ops, first, last)
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        inside = first <= k <= last or k in overhang
        if not inside and tag != "replace":
            continue  # a fragment's edge
        if not inside and abs((i2 - i1) - (j2 - j1)) > EDGE_SLACK:  # a fragment's edge: only the original's
            width = j2 - j1                                          # words next to the echo's are in its place
            i1, i2 = (max(i1, i2 - width), i2) if k < first else (i1, min(i2, i1 + width))
            if k < first and i1 > 0 and a[i1 - 1].kind == "negation":
                i1 -= 1  # "Not one convoy" → "An … convoy": the negation goes with the figure
        overlap += j2 - j1
        if tag == "equal":
            continue
        counted = i1 > 0 and j1 > 0 and a[i1 - 1].kind == "number" and _key(a[i1 - 1]) == _key(b[j1 - 1])
        kind = _fact_change(a[i1:i2], b[j1:j2], counted, _hedges(a, i2) or _hedges(b, j2))
        if kind is None:
            other += max(i2 - i1, j2 - j1)
            continue
        kinds.add(kind)
        changes.append(_named(original, echo, a, b, (i1, i2, j1, j2)))
        other += max(_plain(a[i1:i2]), _plain(b[j1:j2]))
    if not changes:
        return Comparison("same")
    altered = (len(changes) <= MAX_FACT_CHANGES and shared >= MIN_SHARED and shared >= MIN_SHARED_SHARE * overlap
               and other <= max(MAX_OTHER_WORDS, MAX_OTHER_SHARE * overlap))
    return Comparison("altered" if altered else "apart", tuple(changes), frozenset(kinds))


def _plain(tokens: tuple[Token, ...]) -> int:
    return sum(1 for t in tokens if t.kind == "word")


def _hedges(tokens: tuple[Token, ...], end: int) -> bool:
    """The words before ``end`` hedge the number after it ("more than a third", «меньше трети»)."""
    rest = [t for t in tokens[end:end + 3] if t.value not in HEDGE_BRIDGES]
    return bool(rest) and rest[0].kind == "number"


def _fact_change(o: tuple[Token, ...], e: tuple[Token, ...], counted: bool = False,
                 hedge: bool = False) -> str | None:
    """The kind of fact one side of an edit holds and the other does not, or None. ``counted``: the edit
    follows the same number on both sides ("eight weeks" / "eight days": the unit is the figure's);
    ``hedge``: it hedges the number after it, and a hedge turned ("more than a third" / "less than a third")
    is the figure's, which the veto reads (veto._hedged_apart), no word swapped."""
    def values(tokens: tuple[Token, ...], *kinds: str) -> list[str]:
        return sorted(t.value for t in tokens if t.kind in kinds)

    if values(o, "number", "ratio") != values(e, "number", "ratio") and not _same_length(o, e):
        return "number"
    if values(o, *_DATE_KINDS) != values(e, *_DATE_KINDS):
        return "date"
    if len(values(o, "negation")) != len(values(e, "negation")) or _opposed(o, e, swaps=not hedge):
        return "negation"  # "not" dropped or added; "open" → "closed"
    names_o, names_e = values(o, "name"), values(e, "name")
    if names_o and names_e and not any(name_matches(x, names_e, spelt_apart=False) for x in names_o):
        return "name"
    units_o = {UNITS[t.value] for t in o if t.value in UNITS}
    units_e = {UNITS[t.value] for t in e if t.value in UNITS}
    if counted and units_o and units_e and units_o != units_e:
        return "number"
    return None


def _same_length(o: tuple[Token, ...], e: tuple[Token, ...]) -> bool:
    """Both sides of an edit are one length of time («за неделю» / «за семь дней»; "a month" / "30 days"): a unit
    with no number is one of it."""
    def days(tokens: tuple[Token, ...]) -> tuple[float, float] | None:
        low = high = 0.0
        count, found = 1.0, False
        for token in tokens:
            unit = UNITS.get(token.value)
            if token.kind == "number":
                count = float(token.value)
            elif unit in DURATIONS:
                low, high = low + count * DURATIONS[unit][0], high + count * DURATIONS[unit][1]
                count, found = 1.0, True
        return (low, high) if found else None

    x, y = days(o), days(e)
    return x is not None and y is not None and x[0] <= y[1] and y[0] <= x[1]


def _overhang(ops: Sequence[tuple[str, int, int, int, int]], first: int, last: int) -> set[int]:
    """The edge of the echo that runs past the original's end while the original runs past the echo's at the
    other edge: the echo is no fragment of the original (nor does it contain it), so its own words there
    are words it changed ("… the buses will run again from 15 June" / "the buses … from 15 June are
    cancelled"), not a fragment's edge."""
    lead, trail = ops[:first], ops[last + 1:]
    if any(op[0] == "delete" for op in lead) and any(op[0] == "insert" for op in trail):
        return {last + 1 + k for k, op in enumerate(trail) if op[0] == "insert"}
    if any(op[0] == "insert" for op in lead) and any(op[0] == "delete" for op in trail):
        return {k for k, op in enumerate(lead) if op[0] == "insert"}
    return set()


def _opposed(o: tuple[Token, ...], e: tuple[Token, ...], swaps: bool = True) -> bool:
    """The two sides of an edit take opposite sides of a pair of opposites (opposites.py), or one side holds
    more words on the negative side of a one-sided pair ("will run again" → "are cancelled"), or the edit swaps
    a word for another of its group (opposites.SWAPS: "more" → "fewer", "north" → "south")."""
    def sides(tokens: tuple[Token, ...]) -> tuple[Sides, int]:
        negations = {i for i, t in enumerate(tokens) if t.kind == "negation"}
        found, negative = read_sides([fold(t.text) for t in tokens], 0, negations)
        return found, sum(1 for entries in negative.values() if entries & ONE_SIDED)

    (a, one_sided_a), (b, one_sided_b) = sides(o), sides(e)
    return (bool(engaged(a, b)) or one_sided_a != one_sided_b
            or (swaps and swapped(tuple(fold(t.text) for t in o), tuple(fold(t.text) for t in e))))


def _named(original: str, echo: str, a: tuple[Token, ...], b: tuple[Token, ...],
           span: tuple[int, int, int, int]) -> Change:
    """The words of one change, widened so that they read: a dropped "not" with the word it negated, a day
    with its month."""
    i1, i2, j1, j2 = span
    if any(t.kind == "negation" for t in (*a[i1:i2], *b[j1:j2])):  # with the words around it: "is not safe"
        if i1 > 0 and j1 > 0:
            i1, j1 = i1 - 1, j1 - 1
        if i2 < len(a) and j2 < len(b):
            i2, j2 = i2 + 1, j2 + 1
    elif i1 == i2 or j1 == j2:  # one side has nothing: the word before (else the next) on both
        if i1 > 0 and j1 > 0:
            i1, j1 = i1 - 1, j1 - 1
        elif i2 < len(a) and j2 < len(b):
            i2, j2 = i2 + 1, j2 + 1
    if i1 > 0 and j1 > 0 and a[i1 - 1].kind == "number" and _key(a[i1 - 1]) == _key(b[j1 - 1]) and all(
            t.value in UNITS for t in a[i1:i2]):
        i1, j1 = i1 - 1, j1 - 1  # "eight weeks" → "eight days"
    if i2 < len(a) and j2 < len(b) and a[i2].kind in _DATE_KINDS and _key(a[i2]) == _key(b[j2]):
        i2, j2 = i2 + 1, j2 + 1  # "15 March" → "25 March"
    if i1 > 0 and j1 > 0 and a[i1 - 1].kind == "number" and _key(a[i1 - 1]) == _key(b[j1 - 1]) and any(
            t.kind in _DATE_KINDS for t in a[i1:i2]):
        i1, j1 = i1 - 1, j1 - 1  # "3 April" → "3 August"
    return _words(original, a[i1:i2]), _words(echo, b[j1:j2])


def _words(text: str, tokens: tuple[Token, ...]) -> str:
    return text[tokens[0].start:tokens[-1].end] if tokens else ""


def fact_changes(original: str, echo: str, match: Match | None = None) -> tuple[Change, ...]:
    """The facts that differ between two quotes in different languages, named by the words that hold them
    (a negation between the parts of original and echo that matched best)."""
    a, b = read(original), read(echo)
    fa, fb = facts(original), facts(echo)
    out: list[Change] = []
    only_a, only_b = _unmatched_numbers(a, b, fb.ratios), _unmatched_numbers(b, a, fa.ratios)
    if only_a and only_b:
        out += [(_with_date(original, a, x), _with_date(echo, b, y)) for x, y in _paired(a, b, only_a, only_b)]
    for kinds in (_DATE_KINDS,):
        dates_a = [t for t in a if t.kind in kinds and t.value not in {u.value for u in b if u.kind in kinds}]
        dates_b = [t for t in b if t.kind in kinds and t.value not in {u.value for u in a if u.kind in kinds}]
        if dates_a and dates_b:
            out += [(_with_date(original, a, x), _with_date(echo, b, y)) for x, y in zip_longest(dates_a, dates_b)]
    out += _lengths_changed(original, echo, a, b)  # «три недели» / "three months": the number kept, the unit not
    if fa.days != fb.days and fa.days and fb.days and not out:  # "by the end of the week" / «до конца месяца»
        out.append((_period(original, a), _period(echo, b)))
    names_a = [t for t in a if t.kind == "name" and not name_matches(t.value, fb.names)]
    names_b = [t for t in b if t.kind == "name" and not name_matches(t.value, fa.names)]
    if names_a and names_b:
        out += [(x.text if x else "", y.text if y else "") for x, y in zip_longest(names_a, names_b)]
    opposed = engaged(fa.sides, fb.sides)
    for unit_a, unit_b in match.pairs if match else ((original, echo),):
        if not same_polarity(facts(unit_a).polarity(opposed), facts(unit_b).polarity(opposed)):  # the first that differ
            out += _negations_changed(unit_a, unit_b, opposed, match)
            break
    return tuple(out)


def _unmatched_numbers(one: tuple[Token, ...], other: tuple[Token, ...], ratios: frozenset[str]) -> list[Token]:
    """The numbers of ``one`` the other quote does not say as often (a value said twice on one side and once on
    the other was changed once: "ten days" → «три дня» beside «из трёх больниц»), nor as a factor ("three times"
    for «втрое»)."""
    left = Counter(t.value for t in other if t.kind == "number")
    out = []
    for token in one:
        if token.kind != "number" or f"x{token.value}" in ratios:
            continue
        if left[token.value]:
            left[token.value] -= 1
        else:
            out.append(token)
    return out


def _paired(a: tuple[Token, ...], b: tuple[Token, ...], only_a: list[Token],
            only_b: list[Token]) -> list[tuple[Token | None, Token | None]]:
    """Numbers changed, paired by what they count (the unit after each: "72 hours" / «48 часов»), then by the
    nearest value ("2040" / "2030", not "half"), the rest in the order written."""
    def unit(tokens: tuple[Token, ...], token: Token) -> str | None:
        at = tokens.index(token)
        return UNITS.get(tokens[at + 1].value) if at + 1 < len(tokens) else None

    pairs: list[tuple[Token | None, Token | None]] = []
    rest_b = list(only_b)
    rest_a = []
    for x in only_a:
        y = next((y for y in rest_b if unit(a, x) is not None and unit(b, y) == unit(a, x)), None)
        if y is None:
            rest_a.append(x)
        else:
            rest_b.remove(y)
            pairs.append((x, y))
    for x in list(rest_a):
        if not rest_b:
            break
        y = min(rest_b, key=lambda y: _distance(x, y))
        rest_a.remove(x)
        rest_b.remove(y)
        pairs.append((x, y))
    return pairs + list(zip_longest(rest_a, rest_b))


def _distance(x: Token, y: Token) -> float:
    """How far apart two numbers are, as orders of magnitude."""
    a, b = abs(float(x.value)), abs(float(y.value))
    return abs(math.log10(a + 1e-9) - math.log10(b + 1e-9))


def _lengths_changed(original: str, echo: str, a: tuple[Token, ...], b: tuple[Token, ...]) -> list[Change]:
    """Lengths of time whose number both sides say but whose unit differs, named with their units."""
    def lengths(text: str, tokens: tuple[Token, ...]) -> list[tuple[str, str, float]]:
        return [(t.value, text[t.start:u.end], DURATIONS[UNITS[u.value]][0] * float(t.value))
                for t, u in pairwise(tokens)
                if t.kind == "number" and UNITS.get(u.value) in DURATIONS]

    mine, theirs = lengths(original, a), lengths(echo, b)
    return [(words, other_words) for value, words, days in mine for other_value, other_words, other_days in theirs
            if value == other_value and days != other_days
            and not any(d == days for _, _, d in theirs) and not any(d == other_days for _, _, d in mine)]


def _period(text: str, tokens: tuple[Token, ...]) -> str:
    """The words of the end of a period a quote dates by ("the end of the week", «конца месяца»)."""
    for at, token in enumerate(tokens):
        if token.value in PERIOD_ENDS:
            last = next((i for i in range(at + 1, min(at + 1 + PERIOD_REACH, len(tokens)))
                         if UNITS.get(tokens[i].value) in ("week", "month", "year")), at)
            return text[token.start:tokens[last].end]
    return ""


def _negations_changed(unit_a: str, unit_b: str, opposed: frozenset[str], match: Match | None) -> list[Change]:
    """The negations one side says in a clause whose counterpart on the other side (the closest in meaning) says
    none: each with its words, the other side's "" (a negation dropped or added). Without the embeddings, or
    when no clause stands out, all the negations of each side, as before."""
    one, other = facts(unit_a), facts(unit_b)
    similarity = match.similarity if match else None
    if similarity is not None and one.clauses and other.clauses:
        cosines = similarity([c.text for c in one.clauses], [c.text for c in other.clauses])
        out: list[Change] = []
        for i, clause in enumerate(one.clauses):
            if clause.polarity(opposed) and not other.clauses[int(cosines[i].argmax())].polarity(opposed):
                out.append((_negated(clause.text, read(clause.text)) or clause.text, ""))
        for j, clause in enumerate(other.clauses):
            if clause.polarity(opposed) and not one.clauses[int(cosines[:, j].argmax())].polarity(opposed):
                out.append(("", _negated(clause.text, read(clause.text)) or clause.text))
        if out:
            return out
    return [(_negated(unit_a, read(unit_a)), _negated(unit_b, read(unit_b)))]


def _with_date(text: str, tokens: tuple[Token, ...], token: Token | None) -> str:
    """A number with the month next to it or the negation before it, a month with its day ("3 апреля",
    "April 3", "ни одного")."""
    if token is None:
        return ""
    at = tokens.index(token)
    lo, hi = at, at + 1
    partner = ("month",) if token.kind == "number" else ("number",)
    if hi < len(tokens) and tokens[hi].kind in partner:
        hi += 1
    elif lo > 0 and tokens[lo - 1].kind in partner:
        lo -= 1
    if token.kind == "number" and lo > 0 and tokens[lo - 1].kind == "negation":
        lo -= 1  # "ни одного", "not one"
    return text[tokens[lo].start:tokens[hi - 1].end]


def _negated(text: str, tokens: tuple[Token, ...]) -> str:
    """The negation words of a quote with the words around them ("did not come"); "" when it has none."""
    pieces = []
    for at, token in enumerate(tokens):
        if token.kind == "negation":
            start, end = tokens[max(at - 1, 0)], tokens[min(at + 1, len(tokens) - 1)]
            pieces.append(text[start.start:end.end])
    return "; ".join(pieces)
