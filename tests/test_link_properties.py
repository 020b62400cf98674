"""Property tests for the linker's reading of facts: on any two quotes, reading their numbers, dates, names and
negations, comparing them (the veto), aligning them (the changes) and asking whether one is the next bulletin
never raise. A corpus is linked as a whole, so one text the readers choke on would lose every link of it."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quotetrace.link.bulletins import next_bulletin
from quotetrace.link.changes import compare, fact_changes
from quotetrace.link.facts import facts
from quotetrace.link.veto import explain

# Text built from what the fact readers join and split: digits and separators, number words and multipliers,
# months, clock marks, hedges, negations, names and marks in both languages.
pieces = st.sampled_from(
    [" ", "  ", ":", ".", ",", "-", "–", "/", "%", "+", "«", "»", "“", "”", "'s", " a.m.", " p.m.", " 00", " 30",
     " 1 700", " 2,5", " 12:00", " 19:11", " three", " half", " a third", " one in five", " million", " bn",
     " тысяч", " млн", " полтора", " десятка", " с лишним", " January", " 3 March", " января", " Thursday",
     " в ночь на", " not", " never", " не", " ни", " без", " without", " about", " almost", " почти", " более",
     " Velmora", " Вельмора", " Народное вече", " the Old Bridge", " тарванский", " по счётом", " the vote was",
     " metres", " km", " per cent", " процента", " days", " недели", " from", " to", " с", " по", " until"]
)
quote_text = st.lists(pieces | st.integers(0, 3000).map(str) | st.text(max_size=6), max_size=30).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=80), quote_text), st.one_of(st.text(max_size=80), quote_text))
@example("«Перевал закрыт до 12:00 30 января»", "“The pass is closed until noon on 30 January”")
def test_reading_and_comparing_facts_never_raises(original: str, echo: str) -> None:
    facts(original)
    explain(original, echo)
    compare(original, echo)
    fact_changes(original, echo)
    next_bulletin(original, echo, date(2034, 1, 29), date(2034, 1, 30))
