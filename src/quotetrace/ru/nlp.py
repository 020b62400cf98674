"""natasha, loaded once per process, and a parse of our own shape over it.

Two parse quirks shape this module. A colon before a quotation can split a sentence into two roots, and a long
quotation drags the parse of its attribution along with it; so quotations (``masks``) are replaced by a short
placeholder before parsing, and every offset is mapped back onto the original text. And natasha's trees can
contain cycles, so every walk up or down a tree keeps a visited set (``ancestors``, ``subtree``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

# What a masked quotation becomes in the parsed text: one quoted noun, which parses as an object or a clause.
PLACEHOLDER = "«цитата»"
# Parts of speech whose lemma we need (pymorphy look-ups cost time; the rest are never looked up).
_LEMMA_POS = frozenset({"VERB", "NOUN", "PROPN", "AUX", "ADJ"})
NER_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}


@dataclass(slots=True)
class RuToken:
    i: int
    text: str
    start: int  # offsets into the original text; a placeholder token spans the whole quotation
    end: int
    pos: str
    feats: dict[str, str]
    head: int  # index of the head token, -1 for a root
    rel: str
    lemma: str
    sent: int
    placeholder: bool = False

    @property
    def lower(self) -> str:
        return self.text.lower().replace("ё", "е")


@dataclass(frozen=True, slots=True)
class RuEntity:
    text: str
    start: int
    end: int
    label: str  # PERSON, ORG, GPE
    normal: str  # the nominative form (natasha's normalisation)
    tokens: tuple[int, ...]


@dataclass(slots=True)
class RuDoc:
    text: str
    tokens: list[RuToken]
    sents: list[tuple[int, int]]  # token index ranges, end exclusive
    ents: list[RuEntity]
    children: dict[int, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for t in self.tokens:
            if t.head >= 0:
                self.children.setdefault(t.head, []).append(t.i)

    def kids(self, i: int) -> list[RuToken]:
        return [self.tokens[j] for j in self.children.get(i, [])]

    def subtree(self, i: int) -> list[RuToken]:
        """Token ``i`` and everything below it, in text order (cycle-safe)."""
        seen: set[int] = set()
        stack = [i]
        while stack:
            j = stack.pop()
            if j in seen:
                continue
            seen.add(j)
            stack.extend(self.children.get(j, []))
        return [self.tokens[j] for j in sorted(seen)]

    def ancestors(self, i: int) -> Iterator[RuToken]:
        seen = {i}
        j = self.tokens[i].head
        while j >= 0 and j not in seen:
            seen.add(j)
            yield self.tokens[j]
            j = self.tokens[j].head

    def sent_of(self, i: int) -> tuple[int, int]:
        return self.sents[self.tokens[i].sent]

    def token_at(self, char: int) -> int | None:
        for t in self.tokens:
            if t.start <= char < t.end:
                return t.i
        return None


@dataclass(slots=True)
class Natasha:
    segmenter: Any
    morph_vocab: Any
    morph: Any
    syntax: Any
    ner: Any


_LINE = re.compile(r"[^\n]+")


def _line_segmenter() -> Any:
    """natasha's segmenter, with a line break always ending a sentence: razdel runs a line that opens with a
    dash ("— Нет, — сказал он.") into the sentence before it, and one long "sentence" over a whole dialogue
    parses badly."""
    from natasha import Segmenter
    from natasha.segment import Sent

    class LineSegmenter(Segmenter):  # type: ignore[misc]
        def sentenize(self, text: str) -> Iterator[Any]:
            for line in _LINE.finditer(text):
                for sent in super().sentenize(line.group()):
                    if sent.text.strip():  # a line of spaces is no sentence (the parser fails on no tokens)
                        yield Sent(sent.start + line.start(), sent.stop + line.start(), sent.text)

    return LineSegmenter()


@lru_cache(maxsize=1)
def load_natasha() -> Natasha:
    """natasha's news models (inside its wheel: nothing is downloaded), loaded once per process."""
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser

    emb = NewsEmbedding()
    return Natasha(_line_segmenter(), morph_vocab(), NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb))


@lru_cache(maxsize=1)
def morph_vocab() -> Any:
    """natasha's dictionary (pymorphy) alone: what a lone word's readings need, without the taggers' embeddings
    (linking reads Russian names with it and never parses)."""
    from natasha import MorphVocab

    class Dictionary(MorphVocab):  # type: ignore[misc]  # natasha is untyped
        """pymorphy guesses an unknown word's shape from its characters' Unicode names and raises on a character
        Python's database gives none (a Tangut ideograph, an unassigned code point): such a word has no reading."""

        def parse(self, word: str) -> list[Any]:
            try:
                return list(super().parse(word))
            except ValueError:
                return []

        __call__ = parse

    return Dictionary()


def _masked(text: str, masks: Sequence[tuple[int, int]]) -> tuple[str, list[tuple[int, int, int, bool]]]:
    """The text with each mask replaced by the placeholder, and pieces (masked start, original start, length,
    is placeholder) to map offsets back."""
    pieces: list[tuple[int, int, int, bool]] = []
    out: list[str] = []
    pos = mpos = 0
    for start, end in sorted(masks):
        if start < pos:
            continue
        out.append(text[pos:start])
        pieces.append((mpos, pos, start - pos, False))
        mpos += start - pos
        out.append(PLACEHOLDER)
        pieces.append((mpos, start, end - start, True))
        mpos += len(PLACEHOLDER)
        pos = end
    out.append(text[pos:])
    pieces.append((mpos, pos, len(text) - pos, False))
    return "".join(out), pieces


def _mapper(pieces: list[tuple[int, int, int, bool]]) -> Any:
    def to_original(mstart: int, mend: int) -> tuple[int, int, bool]:
        for p_mstart, p_start, length, is_mask in pieces:
            span = len(PLACEHOLDER) if is_mask else length
            if p_mstart <= mstart < p_mstart + span or (span == 0 and mstart == p_mstart):
                if is_mask:
                    return p_start, p_start + length, True
                return p_start + (mstart - p_mstart), p_start + (mend - p_mstart), False
        last_mstart, last_start, _, _ = pieces[-1]
        return last_start + (mstart - last_mstart), last_start + (mend - last_mstart), False

    return to_original


def parse(text: str, masks: Sequence[tuple[int, int]] = ()) -> RuDoc:
    """Segment, tag, parse and NER ``text`` with ``masks`` (quotations) replaced by a placeholder."""
    from natasha import Doc

    nat = load_natasha()
    masked, pieces = _masked(text, masks)
    to_original = _mapper(pieces)
    doc = Doc(masked)
    doc.segment(nat.segmenter)
    doc.tag_morph(nat.morph)
    doc.parse_syntax(nat.syntax)
    doc.tag_ner(nat.ner)
    tokens: list[RuToken] = []
    sents: list[tuple[int, int]] = []
    ids: dict[str, int] = {}
    heads: list[str] = []
    for s_index, sent in enumerate(doc.sents):
        first = len(tokens)
        for tok in sent.tokens:
            start, end, is_mask = to_original(tok.start, tok.stop)
            if is_mask and tokens and tokens[-1].placeholder and tokens[-1].start == start:
                ids[tok.id] = len(tokens) - 1  # the placeholder's marks and word: one token
                if tok.pos != "PUNCT":  # the word carries the placeholder's place in the tree
                    heads[-1], tokens[-1].rel = tok.head_id, tok.rel or ""
                continue
            lemma = ""
            if tok.pos in _LEMMA_POS and not is_mask:
                tok.lemmatize(nat.morph_vocab)
                lemma = tok.lemma.replace("ё", "е")
            ids[tok.id] = len(tokens)
            heads.append(tok.head_id)
            tokens.append(RuToken(len(tokens), text[start:end], start, end, "NOUN" if is_mask else tok.pos,
                                  dict(tok.feats or {}), -1, tok.rel or "", lemma, s_index, is_mask))
        sents.append((first, len(tokens)))
    for t, head in zip(tokens, heads, strict=True):
        h = ids.get(head, -1)
        t.head = -1 if h == t.i else h
    ents: list[RuEntity] = []
    for span in doc.spans:
        start, _, is_mask = to_original(span.start, span.stop)
        _, end, _ = to_original(span.stop - 1, span.stop)
        if is_mask or span.type not in NER_LABELS:
            continue
        span.normalize(nat.morph_vocab)
        members = tuple(i for i in range(len(tokens)) if tokens[i].start >= start and tokens[i].end <= end)
        ents.append(RuEntity(text[start:end], start, end, NER_LABELS[span.type], span.normal or span.text, members))
    return RuDoc(text, tokens, sents, ents)


def lemma_of(word: str) -> str:
    """The most likely lemma of a lone word (pymorphy)."""
    forms = morph_vocab()(word)
    return str(forms[0].normal).replace("ё", "е") if forms else word.lower()


def is_finite_verb(word: str) -> bool:
    """Whether a lone word's most likely reading is a finite verb (pymorphy): for the few places the tagger
    reads a verb in a headline as a noun ("Учёные: озеро мелеет ...")."""
    forms = morph_vocab()(word)
    return bool(forms) and forms[0].pos == "VERB"


def noun_gender(word: str) -> str | None:
    """The dictionary gender of a noun (pymorphy), whatever the sentence makes it agree with: the tagger calls
    "омбудсмен" feminine in "омбудсмен подчеркнула", the dictionary masculine."""
    for form in morph_vocab()(word):
        if form.pos == "NOUN":
            gender = form.feats.get("Gender")
            return str(gender) if gender else None
    return None


def is_noun(word: str) -> bool:
    """Whether a lone word's most likely reading is a noun (pymorphy)."""
    forms = morph_vocab()(word)
    return bool(forms) and forms[0].pos == "NOUN"


def noun_is_person(word: str) -> bool:
    """Whether the dictionary makes a noun animate ("гидролог", "дипломат"), whatever the tagger says."""
    return any(form.pos == "NOUN" and form.feats.get("Animacy") == "Anim" for form in morph_vocab()(word))


def name_in_nominative(words: Sequence[str]) -> list[str] | None:
    """A full name the normaliser left in an oblique case ("Игнату Белозёрову", when the tagger calls it
    nominative) put in the nominative by the dictionary: the given name fixes case and gender, the other words
    follow it. None when the given name can be nominative, or is not one."""
    vocab = morph_vocab()
    if not vocab.word_is_known(words[0].lower()):
        return None
    given = [p for p in vocab.parse(words[0].lower()) if "Name" in p.tag and "sing" in p.tag]
    if not given or any("nomn" in p.tag for p in given):
        return None
    case, gender = given[0].tag.case, given[0].tag.gender
    out = []
    for word in words:
        forms = [p for p in vocab.parse(word.lower()) if p.tag.case == case and p.tag.gender == gender
                 and ({"Name", "Surn", "Patr"} & set(str(p.tag).replace(" ", ",").split(",")))]
        inflected = forms[0].inflect({"Nom"}) if forms else None
        new = inflected.word if inflected is not None else word.lower()
        out.append(new[:1].upper() + new[1:] if word[:1].isupper() else new)
    return out


def is_given_name(word: str) -> bool:
    """Whether the dictionary knows a word as a given name in the nominative ("Эльза", "Тимур")."""
    vocab = morph_vocab()
    low = word.lower()
    return vocab.word_is_known(low) and any("Name" in p.tag and "nomn" in p.tag for p in vocab.parse(low))
