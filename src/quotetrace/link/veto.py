"""The veto: a score may call two quotes one statement, but not when their facts disagree.

Every link that is not a verbatim copy (a fragment, a paraphrase, a translation) must keep the facts of what
it echoes (facts.py): the numbers, the dates (months, weekdays, seasons, days relative to today) and the
names of each side must not each hold one the other lacks ("40" and "14"; "3 April" and "3 August"; "Velm" and "Sorna"),
and the polarity must agree ("is damaged" / "is not damaged"). One side may say less than the other (a
fragment drops figures; a retelling drops a date): only a fact replaced by another, or a negation gained or
lost, vetoes. Negation is compared between the parts of the two quotes that match (units.py), so a
two-sentence original with one negated sentence does not veto the retelling of its other.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher
from typing import Literal

from quotetrace.link.facts import facts, name_key_of
from quotetrace.link.units import Match

Reason = Literal["number", "date", "name", "negation"]
# Two name keys match across scripts and case endings when their first letters agree, or they are this close
# ("ukraina"/"ukraine", "stambul"/"istanbu").
NAME_MATCH = 0.6


def disagreement(original: str, echo: str, speakers: frozenset[str] = frozenset(),
                 match: Match | None = None) -> Reason | None:
    """Why ``echo`` cannot be ``original`` in other words, or None.

    Numbers, dates and names are compared over the whole quotes (one side may hold fewer: a fragment); the
    polarity between the parts that matched (``match``, units.py; the whole quotes when not given).
    ``speakers``: name keys of the speakers (a retelling names its speaker, "Volkov said …", where the
    original did not).
    """
    a, b = facts(original), facts(echo)
    if _replaced(a.numbers, b.numbers) or _replaced(a.measures, b.measures):  # "three weeks" / "three months"
        return "number"
    if any(_replaced(x, y) for x, y in ((a.months, b.months), (a.weekdays, b.weekdays), (a.seasons, b.seasons),
                                         (a.days, b.days))):
        return "date"
    if names_replaced(a.names, b.names, speakers):
        return "name"
    pairs = match.pairs if match else ((original, echo),)
    if any(facts(one).polarity != facts(other).polarity for one, other in pairs):
        return "negation"
    return None


def _replaced(a: frozenset[str], b: frozenset[str]) -> bool:
    """Each side holds a value the other lacks (not one side saying less)."""
    return bool(a) and bool(b) and not (a <= b or b <= a)


def name_matches(x: str, others: Iterable[str]) -> bool:
    return any(x[:4] == y[:4] or SequenceMatcher(None, x, y).ratio() >= NAME_MATCH for y in others)


def names_replaced(a: frozenset[str], b: frozenset[str], speakers: frozenset[str] = frozenset()) -> bool:
    """Each side names someone or something the other does not (speakers aside)."""
    a = frozenset(x for x in a if not name_matches(x, speakers))
    b = frozenset(y for y in b if not name_matches(y, speakers))
    return any(not name_matches(x, b) for x in a) and any(not name_matches(y, a) for y in b)


def speaker_keys(names: Iterable[str | None]) -> frozenset[str]:
    """The name keys of every word of the given speaker names."""
    return frozenset(name_key_of(word) for name in names if name for word in name.split() if word[:1].isupper())
