"""HTML pages: main text and metadata with trafilatura, and a plain ``<p>`` fallback for short pages.

The text comes back with one paragraph per block separated by a blank line (``"\\n\\n"``), the convention
every later stage relies on (a multi-paragraph quote re-opens its mark after a blank line). Characters are
kept as the page has them: quotation marks in particular are never normalised.

Nothing here raises: a page that trafilatura or lxml cannot cope with (truncated, hostile, huge) gives
``None``, which the pipeline reports as ``E008``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import lxml.html  # type: ignore[import-untyped]  # no stubs in the dev set; only used in the fallback

# trafilatura's fast mode skips its justext/readability comparison: on the sample pages it was a little
# faster (bare_extraction ~1.5 ms a page; extract(output_format="json") only adds serialising) with the same
# text. Pages it finds nothing in are retried with favor_recall, then with the <p> fallback below.
_TRAFILATURA_OPTIONS: dict[str, Any] = {
    "with_metadata": True,
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "include_links": False,
    "fast": True,
    # Publication date from the page's own metadata, not a date guessed from the article's wording.
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}

# Elements whose text is never article text (for the fallback extractor).
_FURNITURE_ANCESTORS = frozenset({"nav", "footer", "header", "aside", "form", "script", "style", "noscript"})
# Published-date metadata, in the order we trust them (for the fallback extractor).
_DATE_META = (
    "article:published_time",
    "datePublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "og:published_time",
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SPACES = re.compile(r"\s+")
# The canonical link names the page better than og:url (which trafilatura prefers and which often carries
# tracking parameters); it sits in the head, so only the start of the page is searched.
_LINK_TAG = re.compile(r"<link\b[^>]{0,2000}>", re.IGNORECASE)
_CANONICAL_REL = re.compile(r"""\brel\s*=\s*["']?canonical\b""", re.IGNORECASE)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_HEAD_CHARS = 200_000
# lxml refuses a str that declares its own encoding; the text is already decoded, so the declaration goes.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


@dataclass(frozen=True, slots=True)
class HtmlText:
    text: str
    title: str | None = None
    url: str | None = None
    published_at: str | None = None


def html_to_text(html: str) -> HtmlText | None:
    """Main text of ``html`` with title, canonical URL and publication date (yyyy-mm-dd); None if no text."""
    if not html or not html.strip():
        return None
    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        return _with_trafilatura(html) or _with_paragraphs(html)
    except Exception:  # hostile or broken markup must never stop a batch
        return None


def _with_trafilatura(html: str) -> HtmlText | None:
    try:
        import trafilatura
    except ImportError:  # a broken install (e.g. lxml without lxml_html_clean): fall back to <p> text
        return None
    for favor_recall in (False, True):
        try:
            found = trafilatura.bare_extraction(html, favor_recall=favor_recall, **_TRAFILATURA_OPTIONS)
        except Exception:
            return None
        if found is None:
            continue
        title = _clean_attr(getattr(found, "title", None))
        text = _paragraphs(getattr(found, "text", None) or "", title)
        if text:
            return HtmlText(
                text=text,
                title=title,
                url=_canonical_link(html) or _clean_attr(getattr(found, "url", None)),
                published_at=_iso_date(getattr(found, "date", None)),
            )
    return None


def _canonical_link(html: str) -> str | None:
    for tag in _LINK_TAG.finditer(html, 0, _HEAD_CHARS):
        if _CANONICAL_REL.search(tag.group()) and (href := _HREF.search(tag.group())):
            return _clean_attr(next(g for g in href.groups() if g is not None))
    return None


def _paragraphs(text: str, title: str | None) -> str:
    """trafilatura's one-block-a-line text as blank-line separated paragraphs, without a repeated title."""
    blocks = [line.strip() for line in text.splitlines()]
    blocks = [b for b in blocks if b]
    if blocks and title and blocks[0] == title:
        blocks = blocks[1:]
    return "\n\n".join(blocks)


def _with_paragraphs(html: str) -> HtmlText | None:
    """The text of the page's ``<p>`` elements outside navigation and footers: for pages trafilatura skips."""
    tree = lxml.html.fromstring(html)
    blocks: list[str] = []
    for p in tree.iter("p"):
        if any(a.tag in _FURNITURE_ANCESTORS for a in p.iterancestors()):
            continue
        block = _SPACES.sub(" ", p.text_content()).strip()
        if block:
            blocks.append(block)
    if not blocks:
        return None
    return HtmlText(
        text="\n\n".join(blocks),
        title=_fallback_title(tree),
        url=_first(tree, "//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content"),
        published_at=_fallback_date(tree),
    )


def _fallback_title(tree: Any) -> str | None:
    return _first(tree, "//meta[@property='og:title']/@content", "//title/text()", "//h1//text()")


def _fallback_date(tree: Any) -> str | None:
    for name in _DATE_META:
        found = _first(tree, f"//meta[@property='{name}' or @name='{name}' or @itemprop='{name}']/@content")
        if found and (date := _iso_date(found)):
            return date
    return _iso_date(_first(tree, "//time/@datetime"))


def _first(tree: Any, *xpaths: str) -> str | None:
    for xpath in xpaths:
        for value in tree.xpath(xpath):
            if cleaned := _clean_attr(str(value)):
                return cleaned
    return None


def _clean_attr(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACES.sub(" ", value).strip()
    return value or None


def _iso_date(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.search(value)
    return "-".join(match.groups()) if match else None
