"""A speaker's bulletin: the same sentence with the day's figures, said again on another day.

An echo that keeps a statement's words but changes a figure is an altered echo (statements.py) only when it is
not the speaker's next bulletin. It is one when it came out on another calendar day, changes nothing but
figures (numbers and dates: a negation or a name changed is never a bulletin's), and

- the sentence dates itself by the day it is said ("today", "overnight", "in the past 24 hours", "as of",
  «за сутки», «на утро», «по состоянию на»): said on another day, it is about another day (``anchored``);
- or a date in it moved on by as many days as the echo came later ("as of 3 March" a day after "as of 2
  March": ``rolled``);
- or, said again by the speaker it is attributed to (statements.py asks), it states two figures or more anew in
  the same language (``restated``): an outlet's misquote changes one figure, a speaker's update all of the day's
  ("58 rescued, 5 missing" → "60 rescued, 3 missing");
- or the sentence has versions on three days or more, days apart, that differ from each other in the same
  places, each day its own figures (``series``; two outlets' misquotes of one statement change it in
  different places).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from itertools import combinations, pairwise

from quotetrace.link.changes import compare
from quotetrace.link.facts import Token, facts, read, same_polarity
from quotetrace.link.speakers import fold
from quotetrace.link.veto import across_scripts

# Words that date a sentence by the day it is said; calibrated on no fixture (none has a daily bulletin), written
# from the bulletins of emergency services and ministries in both languages.
_ANCHOR = re.compile(
    r"\b(?:today|tonight|overnight|yesterday|this (?:morning|afternoon|evening)|since midnight|"
    r"(?:past|last) (?:24 hours|day|night)|as of|"
    r"сегодня\w*|вчера\w*|за (?:минувшие |прошедшие |последние )?сутки|в течение (?:минувших |последних )?суток|"
    r"этои ночью|минувшеи ночью|за ночь|на утро|к утру|с полуночи|на сегодня|по состоянию на)\b"
)
_FIGURES = ("number", "month", "weekday", "season", "day")
_DATES = ("month", "weekday", "season", "day")
MIN_SERIES_DAYS = 3


def anchored(text: str) -> bool:
    return _ANCHOR.search(fold(text)) is not None


def figures_only(original: str, echo: str) -> bool:
    """The two differ in their figures and in nothing else that the facts read (names, negation)."""
    a, b = facts(original), facts(echo)
    return (_figures(read(original)) != _figures(read(echo)) and a.names == b.names
            and same_polarity(a.negations, b.negations))


def next_bulletin(original: str, echo: str, said: date, echoed: date) -> bool:
    """``echo`` (of ``echoed``) is the next bulletin after ``original`` (of ``said``), not an altered copy of it:
    a sentence of the day with another count in it, or with its date moved on."""
    if echoed == said or not figures_only(original, echo):
        return False
    if anchored(original) and anchored(echo) and _figures(read(original), _DATES) == _figures(read(echo), _DATES):
        return True  # "today" is another day: only the counts changed, not a date it names ("since August")
    return rolled(original, echo, said, echoed)


MIN_RESTATED = 2


def restated(original: str, echo: str) -> bool:
    """In one language, the echo keeps the original's words (all or a fragment) with MIN_RESTATED or more of its
    figures replaced and nothing else (changes.compare aligns the two: a negation or a name changed is no
    bulletin's)."""
    if across_scripts(original, echo):
        return False
    comparison = compare(original, echo)
    # counted by figure, not by change: two figures a few words apart are one change of the alignment ("46
    # человек. Двенадцать" / "53 человека. Двадцать")
    anew = sum(len(_figures(read(words), ("number",))) for _, words in comparison.changes)
    return comparison.verdict == "altered" and comparison.kinds == {"number"} and anew >= MIN_RESTATED


def rolled(original: str, echo: str, said: date, echoed: date) -> bool:
    """A date of the echo is a date of the original moved on by the days between them, or a weekday is, within
    the week and with the counts changed ("overnight into Thursday, gusts of 25 m/s" on Wednesday, "into Friday,
    18 m/s" on Thursday)."""
    gap = echoed.toordinal() - said.toordinal()
    moved = {d.toordinal() + gap for d in _dates(read(original), said.year)}
    if any(d.toordinal() in moved for d in _dates(read(echo), echoed.year)):
        return True
    # a weekday only with the day's counts changed too: an outlet's copy may change a weekday alone
    weekdays = {(day + gap) % 7 for day in _weekdays(read(original))}
    counts_changed = _figures(read(original), ("number",)) != _figures(read(echo), ("number",))
    return 0 < gap < 7 and counts_changed and any(day % 7 in weekdays for day in _weekdays(read(echo)))


def series(versions: Sequence[tuple[date, str]], gap: int) -> bool:
    """Versions of one sentence (in one language) on MIN_SERIES_DAYS days or more, at most ``gap`` days apart,
    each pair of them differing in every place where any two differ."""
    days = sorted({day.toordinal() for day, _ in versions})
    if len(days) < MIN_SERIES_DAYS or any(b - a > gap for a, b in pairwise(days)):
        return False
    slots = {_figures(read(text)) for _, text in versions}
    if len(slots) < MIN_SERIES_DAYS or len({len(s) for s in slots}) != 1:
        return False
    varying = {i for i, values in enumerate(zip(*slots, strict=True)) if len(set(values)) > 1}
    return all({i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y} == varying
               for a, b in combinations(slots, 2))


def _figures(tokens: tuple[Token, ...], kinds: tuple[str, ...] = _FIGURES) -> tuple[str, ...]:
    return tuple(t.value for t in tokens if t.kind in kinds)


def _weekdays(tokens: tuple[Token, ...]) -> set[int]:
    return {int(t.value[1:]) for t in tokens if t.kind == "weekday"}


def _dates(tokens: tuple[Token, ...], year: int) -> list[date]:
    """Day-and-month dates ("3 March", "March 3", «3 марта»), in ``year``."""
    out = []
    for x, y in pairwise(tokens):
        day, month = (x, y) if x.kind == "number" else (y, x)
        if {x.kind, y.kind} == {"number", "month"} and day.value.isdecimal() and 1 <= int(day.value) <= 31:
            try:
                out.append(date(year, int(month.value[1:]), int(day.value)))
            except ValueError:  # 31 April
                continue
    return out
