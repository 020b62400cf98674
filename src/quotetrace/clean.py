"""Removing page furniture and embed placeholders from plain text before extraction.

Scraped text keeps the leftovers of a page: embed placeholders ("Loading Tweet ..."), photo captions and
credits, share and newsletter prompts, cookie notices. A quote found in them would be reported as a
statement, so they go before anything looks for quotes. Everything else is left exactly as it is, quote
marks in particular; only whitespace is normalised: one space between words, no spaces at line ends, and
paragraphs separated by exactly one blank line.

``clean_text`` is idempotent (``clean_text(clean_text(x)) == clean_text(x)``), never raises, and is fast:
every pattern is compiled once, each starts with a literal or a short character class so the regex engine
can skip ahead, and whole-line patterns only look at short lines (~0.1 s for 10 MB of text).
"""

from __future__ import annotations

import re

# Furniture is short: a line longer than this is article text, whatever it starts with.
_MAX_FURNITURE_LINE = 300
# The rest of a furniture line after the words that give it away.
_REST = r"(?:[ :.…,|-].*)?"

# Whole lines that are furniture, matched (case-insensitively) against the full line after its whitespace
# is normalised. One pattern per kind, each with what it is for.
_FURNITURE_LINES: tuple[str, ...] = (
    # Social embeds that did not render: "Loading Tweet ...", "Loading post…", "Loading video".
    r"loading (?:tweets?|twitter|posts?|videos?|embeds?|content|comments|images?)\b[ .…]*",
    # Their fallback links: "Tweet not loading? See it directly on Twitter", "Post not loading? ...".
    r"(?:tweet|post|video|embed|content) not loading\b.*",
    # Photo captions: "IMAGE: Soldiers at the ... Photograph: ...". (A bare "IMAGE:" line also takes the
    # caption line under it: see _BARE_IMAGE.)
    r"image:.*",
    # Credit and caption lines: "Image copyright Getty Images", "Image caption ...", "Media caption ...".
    r"(?:image|media|photo|picture|video) (?:copyright|caption|source|credit)s?\b.*",
    # Caption credits alone on a line: "Photo: Reuters", "Photograph: J. Doe/AFP", "Picture credit: ...".
    r"(?:photo|photograph|picture|pic)s?(?: credits?)?:.*",
    # Share prompts: "Share this article", "Share on Facebook", "Share via email", "Share".
    r"share(?: (?:this|on|via|the|article|story|page|to)\b.*)?",
    # Newsletter and subscription prompts: "Subscribe to our newsletter", "Sign up for ...", "Get our ...".
    r"(?:subscribe|sign up|sign-up|newsletter|get our (?:free |daily |weekly )?newsletter)\b" + _REST,
    # Social follow prompts: "Follow us on Twitter", "Follow Radio Baltica on Telegram".
    r"follow (?:us|.{1,60}?) on (?:twitter|x|facebook|instagram|telegram|tiktok|youtube|linkedin|threads"
    r"|bluesky|mastodon|whatsapp|social media|google news)\b.*",
    # Link prompts: "Click here to ...", "Read more: ...", "READ MORE", "Related: ...", "See also: ...".
    r"(?:click|tap) here\b.*",
    r"(?:read more|related|see also|also read|more on this story|most read)\b[ ]?(?::.*)?",
    # Advertising: "Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Sponsored".
    r"(?:story continues below )?(?:advertisement|advertising|advert|sponsored(?: content)?)",
    r"(?:scroll to )?continue(?: reading)?(?: (?:below|with content))?",
    # Video placeholders: "Video loading...", "Watch: ...", "Play video", "Media playback is unsupported ...".
    r"video (?:loading|unavailable|not available)\b[ .…]*",
    r"watch:.*",
    r"(?:play|replay) video\b.*",
    r"media playback is (?:unsupported|not supported)\b.*",
    # Navigation left in the text: "Skip to main content", "Listen to this article", "Copy link".
    r"(?:skip to (?:main )?content|listen to this article|copy link(?: to clipboard)?|print this article)",
)
_FURNITURE_LINE = re.compile("|".join(_FURNITURE_LINES), re.IGNORECASE)

# Short lines that are furniture wherever these words stand in them: cookie notices.
_FURNITURE_MENTIONS: tuple[str, ...] = (
    # "We use cookies to ...", "This site uses cookies.", "Manage cookie settings", "Accept all cookies".
    r"\b(?:we use cookies|(?:web)?site uses cookies|cookie (?:policy|settings|preferences|notice)"
    r"|(?:accept|reject) (?:all )?cookies)\b",
)
_FURNITURE_MENTION = re.compile("|".join(_FURNITURE_MENTIONS), re.IGNORECASE)
_COOKIE_HINT = "cookie"  # every mention pattern has it: lines without it skip the search

# A caption marker alone on its line: the caption is the line right under it.
_BARE_IMAGE = re.compile(r"image:", re.IGNORECASE)

_SENTENCE_OPENERS = (
    "(?:Image|Media|The|A|An|He|She|It|They|We|I|In|On|At|But|And|This|That|These|Those|His|Her|Their|When"
    "|After|As|If|Officials?|Police|Soldiers|Residents)"
)
# Photo credits inside a line; the spaces before them go too (see _remove_inline_credits).
_INLINE_CREDITS: tuple[str, ...] = (
    # "(Photo by Jane Doe/AFP via Getty Images)", "(Photo: Reuters)", "(Image: X)", "[Picture credit: ...]".
    # "(Image copyright AFP)", "(Photo credit Reuters)".
    r"[(\[](?i:photo(?:graph)?|image|picture|pic)s?(?i:(?: credits?| copyright| source)[ ]?:?|[ ]?(?:by\b|:))"
    r"[^()\[\]\n]{0,300}[)\]]",
    # "Image copyright Getty Images" run into a caption or a sentence: capitalised words only, and none that
    # usually opens a sentence, so the text after it stays.
    r"Image (?:copyright|source):?(?: (?:(?!" + _SENTENCE_OPENERS + r"\b)[A-Z][\w.&'/-]*|/|via|and)){1,6}",
)
# Every inline credit contains one of these: texts without any skip the regex (a find is ~10x cheaper).
_INLINE_CREDIT_HINTS = ("(P", "(p", "(I", "(i", "[P", "[p", "[I", "[i", "Image ")
_INLINE_CREDIT = re.compile("|".join(_INLINE_CREDITS))

# Characters that carry no text: zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen.
_DROPPED = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Whitespace inside a line becomes a plain space: tab, no-break, the Unicode spaces, ideographic space.
_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Line breaks other than "\n" ("\r\n" is replaced first, so it stays one break).
_BREAKS = "\r\u2028\u2029\x0b\x0c"
_REPLACEMENTS: tuple[tuple[str, str], ...] = (
    ("\r\n", "\n"),
    *((char, "") for char in _DROPPED),
    *((char, " ") for char in _SPACES),
    *((char, "\n") for char in _BREAKS),
)

_SPACE_RUN = re.compile("  +")
_BLANK_RUN = re.compile("\n\n\n+")


def clean_text(text: str) -> str:
    """``text`` without page furniture, with normalised whitespace; quote marks and words untouched."""
    try:
        return _clean(text)
    except Exception:  # cleaning is a nicety: never lose a document over it
        return text


def _clean(text: str) -> str:
    for old, new in _REPLACEMENTS:
        if old in text:  # a find is far cheaper than a replace that copies
            text = text.replace(old, new)
    text = _normalise_spaces(_remove_inline_credits(_normalise_spaces(text)))
    text = _remove_furniture_lines(text)
    if "\n\n\n" in text:
        text = _BLANK_RUN.sub("\n\n", text)
    return text.strip("\n")


def _normalise_spaces(text: str) -> str:
    """One space between words, none at either end of a line (spaces only: other whitespace is gone)."""
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    if " \n" in text:
        text = text.replace(" \n", "\n")
    if "\n " in text:
        text = text.replace("\n ", "\n")
    return text.strip(" ")


def _remove_inline_credits(text: str) -> str:
    """Credits with the spaces before them; repeated because removing one can complete another."""
    if not any(hint in text for hint in _INLINE_CREDIT_HINTS):
        return text
    while True:
        pieces: list[str] = []
        last = 0
        for match in _INLINE_CREDIT.finditer(text):
            start = match.start()
            while start > last and text[start - 1] == " ":
                start -= 1
            pieces.append(text[last:start])
            last = match.end()
        if not pieces:
            return text
        pieces.append(text[last:])
        text = "".join(pieces)


def _remove_furniture_lines(text: str) -> str:
    lines = text.split("\n")
    kept: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line or len(line) > _MAX_FURNITURE_LINE:
            kept.append(line)
        elif _is_furniture(line):
            if _BARE_IMAGE.fullmatch(line) and index < len(lines) and lines[index]:
                index += 1  # its caption
        else:
            kept.append(line)
    return "\n".join(kept)


def _is_furniture(line: str) -> bool:
    if _FURNITURE_LINE.fullmatch(line):
        return True
    return _COOKIE_HINT in line.lower() and _FURNITURE_MENTION.search(line) is not None
