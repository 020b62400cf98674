"""What a user types into a search box, as an FTS5 query that can never be a syntax error.

The index stems English words (``porter``) and ignores case and accents, so "funeral" finds "funerals". On top
of that a user may write ``"an exact phrase"``, ``water OR food``, ``medic*`` (a prefix) and ``-word`` (not
this word). Everything else is a word that must occur. Each word becomes a quoted FTS5 string, so operators
the user did not mean (``NEAR``, ``AND``, ``(``, ``:``) are plain text to match, never syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SYNTAX_HINT = (
    'Any form of a word matches (funeral finds funerals) · "exact phrase" · water OR food · medic* (prefix) · '
    "-word (leave out)"
)
# More words than this, with no operator, is a pasted passage: it is searched by its rarest words (see
# Store.search_expression), since a quote that echoes it rarely carries every one of its words.
LONG_QUERY_WORDS = 12

_TOKEN = re.compile(r'"[^"]*"?|\S+')
_WORDLIKE = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Term:
    text: str  # the words of the term, without quotes, star or minus
    phrase: bool = False  # written in double quotes
    prefix: bool = False  # written with a trailing *
    negated: bool = False  # written with a leading -

    def fts(self) -> str:
        quoted = '"' + self.text.replace('"', '""') + '"'
        return quoted + " *" if self.prefix else quoted


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """The user's query: groups of terms joined by OR (each group's terms all required), and terms to leave out."""

    groups: list[list[Term]] = field(default_factory=list)
    negated: list[Term] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(self.groups)

    @property
    def plain_words(self) -> list[str]:
        """The words of a query written without any operator (else empty): what a long passage is cut to."""
        if len(self.groups) != 1 or self.negated or any(t.phrase or t.prefix for t in self.groups[0]):
            return []
        return [t.text for t in self.groups[0]]

    def fts(self) -> str | None:
        """The FTS5 MATCH expression, or None when nothing searchable was typed."""
        groups = ["(" + " AND ".join(t.fts() for t in group) + ")" for group in self.groups if group]
        if not groups:
            return None
        positive = " OR ".join(groups)
        if not self.negated:
            return positive
        return f"({positive}) NOT (" + " OR ".join(t.fts() for t in self.negated) + ")"


def parse_query(text: str) -> ParsedQuery:
    """Parse a search box's text; anything unrecognised is taken as words to match."""
    text = text.replace("\x00", " ")  # NUL ends a string inside FTS5's query parser
    groups: list[list[Term]] = [[]]
    negated: list[Term] = []
    for token in _TOKEN.findall(text):
        if token == "OR":
            if groups[-1]:
                groups.append([])
            continue
        term = _term(token)
        if term is None:
            continue
        (negated if term.negated else groups[-1]).append(term)
    return ParsedQuery([g for g in groups if g], negated)


def _term(token: str) -> Term | None:
    negated = token.startswith("-") and len(token) > 1
    if negated:
        token = token[1:]
    phrase = token.startswith('"')
    if phrase:
        token = token.strip('"')
    prefix = not phrase and token.endswith("*") and len(token.rstrip("*")) > 0
    token = token.rstrip("*") if prefix else token
    if not _WORDLIKE.search(token):
        return None  # punctuation alone: FTS5 would find no token in it
    return Term(token, phrase=phrase, prefix=prefix, negated=negated)


def fts_query(words: str) -> str:
    """User words as an FTS5 query (see parse_query); an empty string when nothing searchable was typed."""
    return parse_query(words).fts() or ""


def plain_query(words: list[str]) -> str:
    """Words that must all occur, as an FTS5 query."""
    return " AND ".join(Term(w).fts() for w in words)
