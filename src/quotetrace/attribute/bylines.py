"""The writer a document names in its byline: "By Petra Alvik", "Words and photos: Sam Ortiz", "Interview by
Freya Moss", "Беседовала Анна Лосева".

A byline is a line of its own that opens with one of these words and goes on with a name (two to four
capitalised words, up to a comma or the line's end: "By Jane Roe, health reporter"). In an interview the
writer is who asks the questions, and who "I" and "we" are in the intro.
"""

from __future__ import annotations

import re

_NAME = r"(?P<name>[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){1,3})"
BYLINE = re.compile(
    r"^[ \t]*(?:[—–-][ \t]*)?(?:[Bb]y|BY|(?:[Ii]nterview|[Ii]nterviewed|[Qq]uestions|[Rr]eporting|[Ww]ords|[Tt]ext) by|"
    r"[Ww]ords(?: and (?:photos|pictures|photographs))?:|[Tt]ext:|[Ii]nterview:|"
    r"[Бб]еседовал[аи]?|[Бб]еседу вел[аи]?|[Тт]екст:|[Аа]втор:|[Ии]нтервью:)"
    rf"[ \t]+{_NAME}[ \t]*(?:,[^\n]*)?$",
    re.MULTILINE,
)


def byline(text: str) -> tuple[int, int] | None:
    """Where the first byline's name is in ``text``, if the text has a byline whose name is capitalised."""
    for m in BYLINE.finditer(text):
        words = m.group("name").split()
        if all(w[:1].isupper() for w in words):
            return m.start("name"), m.end("name")
    return None
