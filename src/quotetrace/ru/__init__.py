"""The Russian path: natasha for segmentation, morphology, syntax and NER; our rules for quotations, cues and
speakers (Russian typography, что-clauses, "по словам X", documents as sources, case forms of names).

``extract_russian(text, settings)`` is what the pipeline calls for a document detected (or declared) Russian.
"""

from __future__ import annotations

from quotetrace.ru.extract import extract_russian

__all__ = ["extract_russian"]
