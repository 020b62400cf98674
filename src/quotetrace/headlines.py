"""Headlines in title case, put in sentence case for the parser (same length, so offsets hold).

The tagger reads "Trump Praises Boyle As ‘Very Good Reporter’" as a string of proper nouns: the speech verb
is lost and with it the attribution. News headlines and subheads are written this way, and PolNeAR
annotates the statements in them. Before parsing, a title-cased line gets its common words in lower case:
function words ("To", "Of", "Against"), and words the document itself writes in lower case elsewhere or
that are forms of a known speech verb ("Praises", "Calls"). A word the document capitalises inside one
of its ordinary sentences is a name and keeps its capital ("Trump", "Warren", "Will").

Extraction then runs on the re-cased text, and ``restore_text`` puts the document's own characters back
into what it returns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from quotetrace.lexicon import COGNITION_VERBS, QUOTE_ONLY_VERBS, SPEECH_VERBS
from quotetrace.model import Mention, Quote, TextSpan

WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
# A headline is short, and most of its words start with a capital ("Sanders To Release Medical Records").
MIN_HEADLINE_WORDS = 3
MAX_HEADLINE_CHARS = 200
MIN_CAPITALISED_SHARE = 0.7
FUNCTION_WORDS = frozenset(
    "a an the and or but nor of to in on at by for from with without into onto over under about against after "
    "before as than if is are was were be been being has have had do does did will would can could should may "
    "might must not no his her their its our your my this that these those who whom what why how when where "
    "while it he she they we you up out off down".split()
)
SPEECH_LEMMAS = SPEECH_VERBS | QUOTE_ONLY_VERBS | COGNITION_VERBS
IRREGULAR_FORMS = {
    "said": "say", "says": "say", "told": "tell", "spoke": "speak", "wrote": "write", "thought": "think",
    "felt": "feel", "knew": "know", "saw": "see", "took": "take", "gave": "give", "hit": "hit",
}  # fmt: skip


def sentence_case_headlines(text: str) -> str:
    """``text`` with the common words of its title-cased lines in lower case; the same length."""
    lines = text.split("\n")
    headlines = {k for k, line in enumerate(lines) if _title_cased(line)}
    if not headlines:
        return text
    names = _capitalised_in_sentences(line for k, line in enumerate(lines) if k not in headlines)
    lower = {w for w in WORD.findall(text) if w.islower()}
    for k in headlines:
        lines[k] = _recase(lines[k], names, lower)
    return "\n".join(lines)


def restore_text(original: str, quotes: list[Quote], mentions: list[Mention]) -> tuple[list[Quote], list[Mention]]:
    """Quotes and mentions found on the re-cased text, with the document's own characters."""
    return [_restored(original, q) for q in quotes], [replace(m, text=original[m.start : m.end]) for m in mentions]


def _restored(original: str, q: Quote) -> Quote:
    fragments = [TextSpan(original[f.start : f.end], f.start, f.end) for f in q.fragments]
    via = None if q.via is None else TextSpan(original[q.via.start : q.via.end], q.via.start, q.via.end)
    mention = q.speaker_mention
    if mention is None:
        return replace(q, text=original[q.start : q.end], fragments=fragments, via=via)
    written = TextSpan(original[mention.start : mention.end], mention.start, mention.end)
    speaker = written.text if q.speaker == mention.text else q.speaker  # an unresolved speaker is as written
    return replace(
        q, text=original[q.start : q.end], fragments=fragments, speaker_mention=written, speaker=speaker, via=via)


def _title_cased(line: str) -> bool:
    words: list[str] = WORD.findall(line)
    if len(words) < MIN_HEADLINE_WORDS or len(line) > MAX_HEADLINE_CHARS or line.isupper():
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= MIN_CAPITALISED_SHARE * len(words)


def _capitalised_in_sentences(lines: Iterable[str]) -> set[str]:
    """Words written with a capital after the first word of a sentence: names, in this document."""
    names: set[str] = set()
    for line in lines:
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            names.update(w for w in WORD.findall(sentence)[1:] if w[0].isupper())
    return names


def _recase(line: str, names: set[str], lower: set[str]) -> str:
    first = WORD.search(line)
    first_at = first.start() if first else -1

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        if match.start() == first_at or not word[0].isupper() or word.isupper() or word in names:
            return word  # the line's first word, acronyms ("ISIS") and the document's names keep their case
        low = word.lower()
        common = low in FUNCTION_WORDS or _speech_verb_form(low) or low in lower
        return low if common else word

    return WORD.sub(fix, line)


def _speech_verb_form(word: str) -> bool:
    if IRREGULAR_FORMS.get(word) in SPEECH_LEMMAS:
        return True
    stems = {word, word[:-1], word[:-2], word[:-3], word[:-3] + "e"}  # calls, praises, blasted, urging
    return bool(stems & SPEECH_LEMMAS)
