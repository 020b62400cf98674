"""Institutions whose English and Russian names are translations, not spellings, of each other.

A name is compared across languages by its transliterated letters (veto.py), which cannot see that «Верховный
суд» is "the Supreme Court" or «ООН» "the UN". This table lists each institution once, by meaning, with the
forms a news text writes in either language; ``institutions(words)`` finds them in a quote's words, so that the
words of one institution share one key ("=supreme-court") and a different institution ("Constitutional Court")
keeps another. Only the phrases listed here are read: "the Court" alone, or a country's own ministry, stays a
plain name.

A phrase is a run of words. Each word is a regular expression matched against the whole folded word (a
possessive "'s" aside); a word ending in ``~`` is a Russian stem taking up to three letters of case ending
(«верховн~» reads «Верховный», «Верховного», «Верховным»); one in capitals is an acronym, read only when written
in capitals ("WHO", not "Who"); one in brackets may be left out ("ministry of [the] interior"). Hyphenated
words count as their parts ("Prosecutor-General's").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quotetrace.link.speakers import fold

_POSSESSIVE = re.compile(r"['’]s$")
_ENDING = r"\w{0,3}"
INSTITUTION_MARK = "="  # a name key that is an institution's starts with it; no spelt name does

# key (its last word is what the institution is called for short): its phrases in English and Russian
_TABLE: dict[str, tuple[str, ...]] = {
    "supreme-court": ("supreme court", "верховн~ суд~"),
    "constitutional-court": ("constitutional court", "конституционн~ суд~"),
    "central-bank": ("central bank", "centrobank", "центробанк~", "центральн~ банк~", "ЦБ"),
    "state-duma": ("state duma", "duma", "госдум~", "государственн~ дум(а|ы|е|у|ой)", "дум(а|ы|е|у|ой)"),
    "federation-council": ("federation council", "совфед~", "совет~ федерации"),
    "health-ministry": ("health ministry", "ministry of health", "минздрав~", "министерств~ здравоохранени~"),
    "foreign-ministry": ("foreign ministry", "ministry of foreign affairs", "foreign office", "МИД~",
                         "министерств~ иностранн~ дел"),
    "defence-ministry": ("defen[cs]e ministry", "ministry of defen[cs]e", "минобороны", "министерств~ обороны"),
    "interior-ministry": ("interior ministry", "ministry of [the] interior", "МВД", "министерств~ внутренн~ дел"),
    "finance-ministry": ("finance ministry", "ministry of finance", "минфин~", "министерств~ финансов"),
    "justice-ministry": ("justice ministry", "ministry of justice", "минюст~", "министерств~ юстиции"),
    "agriculture-ministry": ("agriculture ministry", "ministry of agriculture", "минсельхоз~",
                             "министерств~ сельск~ хозяйств~"),
    "emergencies-ministry": ("emergencies ministry", "emergency ministry", "ministry of emergency situations",
                             "МЧС", "министерств~ по чрезвычайн~ ситуаци~"),
    "united-nations": ("UN", "united nations", "ООН", "организаци~ объединенн~ наци~"),
    "european-union": ("EU", "european union", "евросоюз~", "ЕС", "европейск~ союз~"),
    "european-commission": ("european commission", "еврокомисси~", "европейск~ комисси~"),
    "european-parliament": ("european parliament", "европарламент~", "европейск~ парламент~"),
    "north-atlantic-alliance": ("NATO", "НАТО", "north atlantic alliance", "североатлантическ~ альянс~"),
    "red-cross": ("red cross", "красн~ крест~"),
    "red-crescent": ("red crescent", "красн~ полумесяц~"),
    "security-council": ("security council", "совбез~", "совет~ безопасности"),
    "general-prosecutor": ("prosecutor general", "prosecutor general office", "general prosecutor",
                           "general prosecutor office", "office of the prosecutor general",
                           "генпрокуратур~", "генеральн~ прокуратур~", "генпрокурор~", "генеральн~ прокурор~"),
    "investigative-committee": ("investigative committee", "следственн~ комитет~", "СК"),
    "federal-security-service": ("federal security service", "FSB", "ФСБ", "федеральн~ служб~ безопасности"),
    "world-health-organization": ("WHO", "ВОЗ", "world health organi[sz]ation",
                                  "всемирн~ организаци~ здравоохранени~"),
    "world-bank": ("world bank", "всемирн~ банк~"),
    "international-monetary-fund": ("IMF", "МВФ", "international monetary fund", "международн~ валютн~ фонд~"),
    "international-criminal-court": ("ICC", "МУС", "international criminal court", "международн~ уголовн~ суд~"),
    "election-commission": ("central election commission", "election commission", "electoral commission",
                            "ЦИК", "центризбирком~", "центральн~ избирательн~ комисси~", "избирательн~ комисси~",
                            "избирком~"),
    "state-department": ("state department", "госдеп~", "государственн~ департамент~"),
    "white-house": ("white house", "бел(ый|ого|ому|ым|ом) дом(а|у|ом|е)?"),
}


def _word(pattern: str) -> tuple[re.Pattern[str], bool, bool]:
    """A phrase word's pattern, whether it is written in capitals (an acronym: "WHO", not "who") and whether it
    may be left out ("[the]")."""
    optional = pattern.startswith("[")
    bare = pattern.strip("[]")
    return re.compile(fold(bare[:-1]) + _ENDING if bare.endswith("~") else fold(bare)), bare.isupper(), optional


_Phrase = tuple[tuple[tuple[re.Pattern[str], bool, bool], ...], str]


def _phrases() -> dict[str, list[_Phrase]]:
    """The phrases by the first two letters of their first word (written out, not a pattern), longest first."""
    out: dict[str, list[_Phrase]] = {}
    for key, phrases in _TABLE.items():
        for phrase in phrases:
            out.setdefault(fold(phrase[:2]), []).append((tuple(_word(w) for w in phrase.split()),
                                                         INSTITUTION_MARK + key))
    for entries in out.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return out


_PHRASES = _phrases()


def head_of(key: str) -> str:
    """The word an institution is called by for short ("court" for the Supreme Court, "ministry" for the
    Health Ministry), "" for a key that is no institution's: "the Court" says no less than "the Supreme Court"."""
    return key.rsplit("-", 1)[-1] if key.startswith(INSTITUTION_MARK) else ""


def institutions(words: Sequence[str]) -> list[str | None]:
    """For each word (as written), the key of the institution whose phrase it is part of, else None."""
    out: list[str | None] = [None] * len(words)
    parts = [(n, p, fold(p)) for n, word in enumerate(words) for p in _parts(word)]
    i = 0
    while i < len(parts):
        end, key = _longest(parts, i)
        if key is None:
            i += 1
            continue
        for n, _, _ in parts[i:end]:
            out[n] = key
        i = end
    return out


def _parts(word: str) -> list[str]:
    """A word's parts, a possessive aside ("Prosecutor-General's": "Prosecutor", "General")."""
    bare = _POSSESSIVE.sub("", word)
    return [p for p in bare.split("-") if p] or [bare]


def _longest(parts: list[tuple[int, str, str]], at: int) -> tuple[int, str | None]:
    """Where the longest phrase starting at ``at`` ends, and its institution."""
    for words, key in _PHRASES.get(parts[at][2][:2], ()):
        j = at
        for pattern, capitals, optional in words:
            if j < len(parts) and pattern.fullmatch(parts[j][2]) and (not capitals or parts[j][1][:2].isupper()):
                j += 1
            elif not optional:
                break
        else:
            return j, key
    return at + 1, None
