"""Removing page furniture and embed placeholders from plain text before extraction."""

from __future__ import annotations


def clean_text(text: str) -> str:  # helper fills in
    return text
