"""Build the out-of-domain development set from its annotated sources: ``python benchmarks/ood/build.py``.

Each ``benchmarks/ood/<split>/*.txt`` file is one document, written for quotetrace (see LICENSE.md here),
annotated inline by PolNeAR's scheme (``../shared/data/README.md``) with the act type of each attribution:

    id: ood-dev-interview-01
    kind: interview
    outlet: harbour-courier.example          (optional; so are published_at and language, default en)
    ---
    Headline on the first line

    ⟦s1 The harbour master, Ines Palm,⟧ ⟦c1 said⟧ ⟦q1 the quay would reopen in May⟧.
    “⟦q2 We are not done yet,⟧” ⟦s2 she⟧ ⟦c2 added⟧. “⟦q2 Not by a long way.⟧”
    A ⟦x so-called “recovery plan”⟧ was tabled.
    ---
    @1 speech Ines Palm
    @2 speech Ines Palm; Palm

- ``⟦qN …⟧`` is the content of attribution N (several spans with one N are its fragments), ``⟦sN …⟧`` its
  source as written, ``⟦cN …⟧`` its cue; source and cue are optional (an implicit source has none).
- ``⟦x …⟧`` marks a negative: something an extractor should not report (scare quotes, a title, a naming
  "called", a wanting "want to see"); it is scored as "negatives hit".
- ``@N TYPE [NAME[; ALIAS…]]`` gives the attribution's type (speech, belief or stance) and the name(s) its
  source resolves to. Gold ``speaker`` is the source as written (or the first name when the text writes none),
  ``speaker_aliases`` the names.
- Marks do not nest. Direct content includes its quotation marks: write ``⟦q2 “We are not done yet,”⟧`` or
  put the marks inside, as above, where the builder moves them in (PolNeAR's spans hold the marks).

The kind of each attribution (direct, indirect, mixed) comes from its quotation marks, as in PolNeAR. The
output, ``<split>.jsonl`` beside the folders, is in the gold schema ``benchmarks/accuracy.py --gold`` reads.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SPLITS = ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9")
TYPES = frozenset({"speech", "belief", "stance"})
OPENING = "“‘«„\"'"
CLOSING = "”’»“\"'"
_MARK = re.compile(r"⟦(q\d+|s\d+|c\d+|x)\s(.*?)⟧", re.DOTALL)
_ATTRIBUTION = re.compile(r"@(\d+)\s+(\w+)\s*(.*)")


class BuildError(ValueError):
    """An annotated source that cannot be built; the message names the file and the problem."""


@dataclass
class Attribution:
    number: str
    type: str = ""
    names: list[str] = field(default_factory=list)
    fragments: list[tuple[int, int]] = field(default_factory=list)
    source: tuple[int, int] | None = None
    cue: tuple[int, int] | None = None


def parse(path: Path) -> dict[str, Any]:
    """One annotated source file as a gold record."""
    raw = path.read_text(encoding="utf-8")
    parts = raw.split("\n---\n")
    if len(parts) != 3:
        raise BuildError(f"{path}: expected a header, a body and attributions, separated by lines '---'")
    header, body, table = parts
    meta = _header(path, header)
    text, marks = _strip_marks(path, body.strip("\n"))
    attributions: dict[str, Attribution] = {}
    negatives: list[str] = []
    for tag, start, end in marks:
        if tag == "x":
            negatives.append(text[start:end])
            continue
        item = attributions.setdefault(tag[1:], Attribution(tag[1:]))
        if tag[0] == "q":
            item.fragments.append(_with_marks(text, start, end))
        elif tag[0] == "s":
            item.source = _once(path, item.source, (start, end), tag)
        else:
            item.cue = _once(path, item.cue, (start, end), tag)
    _read_table(path, table, attributions)
    quotes = [q for item in sorted(attributions.values(), key=lambda a: a.fragments[0]) for q in _gold(text, item)]
    return {"id": meta.pop("id"), "text": text, "meta": meta, "quotes": quotes, "negatives": negatives}


def _header(path: Path, header: str) -> dict[str, str]:
    meta: dict[str, str] = {"language": "en"}
    for line in header.strip().splitlines():
        key, sep, value = line.partition(":")
        if not sep:
            raise BuildError(f"{path}: header line {line!r} is not 'key: value'")
        meta[key.strip()] = value.strip()
    for key in ("id", "kind"):
        if not meta.get(key):
            raise BuildError(f"{path}: the header needs '{key}:'")
    return meta


def _strip_marks(path: Path, body: str) -> tuple[str, list[tuple[str, int, int]]]:
    """The body without its marks, and each mark's tag with its span in that text."""
    out: list[str] = []
    marks: list[tuple[str, int, int]] = []
    pos = length = 0
    for match in _MARK.finditer(body):
        inner = match.group(2)
        if "⟦" in inner:
            raise BuildError(f"{path}: marks do not nest: {match.group(0)[:80]!r}")
        out.append(body[pos : match.start()])
        length += match.start() - pos
        out.append(inner)
        marks.append((match.group(1), length, length + len(inner)))
        length += len(inner)
        pos = match.end()
    rest = body[pos:]
    if "⟦" in rest or "⟧" in rest or any("⟦" in piece or "⟧" in piece for piece in out):
        raise BuildError(f"{path}: an unmatched ⟦ or ⟧ (or a tag other than qN, sN, cN, x)")
    out.append(rest)
    return "".join(out), marks


def _with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Content written inside its quotation marks (“⟦q1 …⟧”) is widened to hold them, as PolNeAR's spans do."""
    if start > 0 and end < len(text) and text[start - 1] in OPENING and text[end] in CLOSING:
        return start - 1, end + 1
    return start, end


def _once(path: Path, old: tuple[int, int] | None, new: tuple[int, int], tag: str) -> tuple[int, int]:
    if old is not None:
        raise BuildError(f"{path}: {tag} is marked twice")
    return new


def _read_table(path: Path, table: str, attributions: dict[str, Attribution]) -> None:
    given: set[str] = set()
    for line in table.strip().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _ATTRIBUTION.fullmatch(line.strip())
        if match is None:
            raise BuildError(f"{path}: attribution line {line!r} is not '@N TYPE [NAME[; ALIAS...]]'")
        number, act_type, names = match.groups()
        if act_type not in TYPES:
            raise BuildError(f"{path}: @{number}: type {act_type!r} is not one of {sorted(TYPES)}")
        if number not in attributions:
            raise BuildError(f"{path}: @{number} has no ⟦q{number} …⟧ in the text")
        attributions[number].type = act_type
        attributions[number].names = [n.strip() for n in names.split(";") if n.strip()]
        given.add(number)
    for number, item in attributions.items():
        if number not in given:
            raise BuildError(f"{path}: ⟦q{number}⟧ has no line @{number}")
        if not item.fragments:
            raise BuildError(f"{path}: attribution {number} has a source or cue but no ⟦q{number} …⟧")


def kind_of(content: str) -> str:
    """direct: one quotation, marks included; mixed: quoted words inside reported speech; else indirect."""
    bare = content.strip()
    if bare[:1] in OPENING and bare[-1:] in CLOSING:
        return "direct"
    return "mixed" if any(ch in "“”«»„" or ch == '"' for ch in bare) else "indirect"


def _gold(text: str, item: Attribution) -> list[dict[str, Any]]:
    source = text[item.source[0] : item.source[1]] if item.source else None
    speaker = source or (item.names[0] if item.names else None)
    kinds = {kind_of(text[s:e]) for s, e in item.fragments}
    kind = "direct" if kinds == {"direct"} else "mixed" if "direct" in kinds or "mixed" in kinds else "indirect"
    out = []
    for index, (start, end) in enumerate(sorted(item.fragments)):
        out.append({
            "quote": text[start:end], "start": start, "end": end, "speaker": speaker,
            "speaker_aliases": item.names, "speaker_start": item.source[0] if item.source else None,
            "speaker_end": item.source[1] if item.source else None, "kind": kind, "type": item.type,
            "attribution_id": f"A{item.number}", "fragment_index": index, "n_fragments": len(item.fragments),
            "cue": text[item.cue[0] : item.cue[1]] if item.cue else None,
            "cue_start": item.cue[0] if item.cue else None, "cue_end": item.cue[1] if item.cue else None,
            "has_source": item.source is not None,
        })
    return out


def build(split: str, root: Path = HERE) -> list[dict[str, Any]]:
    """Every document of one split, by file name; ids must be unique."""
    records = [parse(path) for path in sorted((root / split).glob("*.txt"))]
    ids = [r["id"] for r in records]
    if len(set(ids)) != len(ids):
        raise BuildError(f"{split}: duplicate ids {sorted({i for i in ids if ids.count(i) > 1})}")
    return records


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("splits", nargs="*", default=list(SPLITS))
    args = parser.parse_args()
    for split in args.splits:
        try:
            records = build(split)
        except BuildError as error:
            print(f"build: {error}", file=sys.stderr)
            return 1
        with open(HERE / f"{split}.jsonl", "w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        units = sum(len({q["attribution_id"] for q in r["quotes"]}) for r in records)
        kinds = sorted({r["meta"]["kind"] for r in records})
        print(f"{split}: {len(records)} documents, {units} attributions, kinds: {', '.join(kinds)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
