"""Build a synthetic but realistic echo corpus from tests/fixtures/echo/statements.json.

Each fixture statement becomes a family: the original on the speaker's own outlet, verbatim reposts with
other page furniture (one of them undated, one misattributed to someone else), partial quotes, and the
hand-written paraphrases. Anonymous quotes with unrelated words are mixed in. Documents are built by hand
(quotes with resolved speakers, as extraction would give them), so linking can be measured apart from
extraction; ``--out`` also writes them as JSONL and HTML pages in a WARC with repeated captures, a page
changed, one answering 404, one redirected to the front page and one replaced by a removal notice.

    python benchmarks/make_echo_corpus.py --out /tmp/echo          # articles.jsonl, crawl.warc.gz, gold.json
    python benchmarks/make_echo_corpus.py --out /tmp/echo --copies 20

``scale_corpus(n)`` makes n synthetic quotes (families of verbatim and partial echoes over a made-up
vocabulary, stock lines and templates, speakers by Zipf's law) for the scaling figures of linking.py.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from quotetrace.model import Document, Quote, TextSpan
from quotetrace.pipeline import document_id
from quotetrace.store import Sighting

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "echo" / "statements.json"
POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "train.jsonl"
START = datetime(2026, 2, 1, 9, 0, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Gold:
    family: int  # the statement family; 1000 + n for the n-th unrelated distractor
    relation: str  # original, verbatim, partial, paraphrase, unrelated
    person: str  # who the page attributes it to (a doc-scoped key for anonymous speakers)
    original: bool = False


@dataclass(slots=True)
class EchoCorpus:
    documents: list[Document] = field(default_factory=list)
    gold: dict[tuple[str, int], Gold] = field(default_factory=dict)  # (doc_id, quote index) -> gold


def load_fixture(path: Path = FIXTURE) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _document(
    corpus: EchoCorpus, outlet: dict[str, Any], slug: str, when: datetime | None, fetched: datetime,
    paragraphs: list[tuple[str, Quote | None, Gold | None]],
) -> Document:
    url = f"https://{outlet['outlet']}/{slug}"
    pieces = [outlet["furniture"][0]]
    quotes: list[Quote] = []
    golds: list[Gold] = []
    for text, quote, gold in paragraphs:
        offset = len("\n\n".join(pieces)) + 2
        pieces.append(text)
        if quote is not None and gold is not None:
            at = offset + text.index(quote.text)
            quote.start, quote.end = at, at + len(quote.text)
            if quote.speaker_mention is not None:
                m_at = offset + text.index(quote.speaker_mention.text)
                size = len(quote.speaker_mention.text)
                quote.speaker_mention = TextSpan(quote.speaker_mention.text, m_at, m_at + size)
            quotes.append(quote)
            golds.append(gold)
    pieces.append(outlet["furniture"][-1])
    text = "\n\n".join(pieces)
    doc = Document(
        id=slug, doc_id=document_id(url, text), source=f"echo:{slug}", text=text, url=url,
        outlet=outlet["outlet"], published_at=when.date().isoformat() if when else None,
        fetched_at=fetched.isoformat().replace("+00:00", "Z"), quotes=quotes,
    )
    for index, gold in enumerate(golds):
        corpus.gold[(doc.doc_id, index)] = gold
    corpus.documents.append(doc)
    return doc


def _quote(words: str, speaker: str, descriptors: list[str], kind: str, marks: bool) -> tuple[str, Quote]:
    quoted = f"“{words}”" if marks else words
    if kind == "direct":
        sentence = f"{quoted} {speaker}, {descriptors[0]}, said." if descriptors else f"{quoted} {speaker} said."
    elif kind == "mixed":
        sentence = f"{speaker} said that the authorities must {quoted} and nothing less."
        quoted = f"the authorities must {quoted} and nothing less"
    else:
        sentence = f"{speaker} said {quoted}"
    mention = TextSpan(speaker, 0, len(speaker))
    quote = Quote(text=quoted, start=0, end=0, kind=kind, cue="said",  # type: ignore[arg-type]
                  speaker_mention=mention, speaker=speaker, descriptors=list(descriptors), confidence=0.9)
    return sentence, quote


def build(copies: int = 1, seed: int = 0) -> EchoCorpus:
    """The accuracy corpus: every fixture statement as ``copies`` families (names made distinct per copy)."""
    fixture = load_fixture()
    rng = random.Random(seed)
    people = {p["person"]: p for p in fixture["people"]}
    outlets = fixture["outlets"]
    corpus = EchoCorpus()
    family = 0
    for copy in range(copies):
        for number, statement in enumerate(fixture["statements"]):
            person = people[statement["person"]]
            key = person["person"] if copy == 0 else f"{person['person']}-{copy}"
            names = person["names"] if copy == 0 else [_renamed(n, copy) for n in person["names"]]
            others = [p for p in fixture["people"] if p["person"] != person["person"]]
            wrong = rng.choice(others)
            wrong_key = wrong["person"] if copy == 0 else f"{wrong['person']}-{copy}"
            wrong_name = wrong["names"][0] if copy == 0 else _renamed(wrong["names"][0], copy)
            day = START + timedelta(days=3 * family)
            slug = f"c{copy}-s{number}"
            descriptors = person["descriptors"]
            context = " and ".join(person["context"])
            anon = rng.choice(fixture["anonymous"])

            def para(words: str, name: str, kind: str, marks: bool, gold: Gold, desc: list[str]) -> tuple[
                str, Quote | None, Gold | None
            ]:
                sentence, quote = _quote(words, name, desc, kind, marks)
                return sentence, quote, gold

            def anon_para(doc_slug: str, anon: str = anon) -> tuple[str, Quote | None, Gold | None]:
                # unrelated words from an anonymous source; the same distractor twice is one statement
                which = rng.randrange(len(fixture["distractors"]))
                sentence, quote = _quote(fixture["distractors"][which], anon, [], "indirect", False)
                return sentence, quote, Gold(1000 + which, "unrelated", f"{doc_slug}:{anon}")

            # the original, on the first outlet, dated
            _document(corpus, outlets[0], f"{slug}-original", day, day, [
                (f"News from {context}.", None, None),
                para(statement["original"], names[0], "direct", True, Gold(family, "original", key, True), descriptors),
            ])
            # verbatim reposts with other furniture and name variants; the last undated, fetched later
            for k in range(3):
                name = names[(k + 1) % len(names)]
                when = day + timedelta(days=k + 1) if k < 2 else None
                _document(corpus, outlets[1 + k], f"{slug}-repost{k}", when, day + timedelta(days=k + 2), [
                    (f"Reported from {context}.", None, None),
                    para(statement["original"], name, "direct", True, Gold(family, "verbatim", key), descriptors),
                    anon_para(f"{slug}-repost{k}"),
                ])
            # a misattributed verbatim echo
            _document(corpus, outlets[4], f"{slug}-misattributed", day + timedelta(days=2), day + timedelta(days=2), [
                (f"Around {context}.", None, None),
                para(statement["original"], wrong_name, "direct", True, Gold(family, "verbatim", wrong_key),
                     wrong["descriptors"]),
            ])
            for k, fragment in enumerate(statement["partials"]):
                name = names[(k + 2) % len(names)]
                _document(corpus, outlets[2 + k % 3], f"{slug}-partial{k}", day + timedelta(days=1, hours=k + 1),
                          day + timedelta(days=1, hours=k + 1), [
                    (f"Analysis: {context}.", None, None),
                    para(fragment, name, "mixed", True, Gold(family, "partial", key), descriptors),
                ])
            for k, words in enumerate(statement["paraphrases"]):
                name = names[k % len(names)]
                _document(corpus, outlets[3 + k % 3], f"{slug}-paraphrase{k}", day + timedelta(days=1, hours=6 + k),
                          day + timedelta(days=1, hours=6 + k), [
                    (f"Summary: {context}.", None, None),
                    para(words, name, "indirect", False, Gold(family, "paraphrase", key), descriptors),
                ])
            family += 1
    return corpus


def _renamed(name: str, copy: int) -> str:
    """A different person per copy: the surname (last word) gets a suffix that keeps it a name."""
    words = name.split()
    if words[0] == "the":
        return f"{name} {copy}"
    words[-1] = f"{words[-1]}{'abcdefghijklmnopqrstuvwxyz'[copy % 26]}{copy}"
    return " ".join(words)


def sightings_of(corpus: EchoCorpus) -> list[Sighting]:
    out: list[Sighting] = []
    quote_id = 0
    for doc in corpus.documents:
        for q in doc.quotes:
            quote_id += 1
            out.append(Sighting(quote_id, doc.doc_id, doc.id, q.text, q.speaker,
                                q.speaker_mention.text if q.speaker_mention else None, tuple(q.descriptors),
                                doc.outlet, doc.url, doc.published_at, doc.fetched_at))
    return out


# -- trust: statements with translations, alterations and near-misses, both ways between Russian and English --

TRUST_FIXTURE = FIXTURE.parent / "trust.json"
TRUST_OUTLETS = {"ru": ("lidova-vesti.example", "maravia-novosti.example", "velm-pravda.example"),
                 "en": ("kestrel-wire.example", "radio-baltica.example", "the-ledger.example")}


@dataclass(frozen=True, slots=True)
class TrustGold:
    record: str  # the statement (record id)
    relation: str  # original, verbatim, partial, paraphrase, translation, altered, none
    person: str | None  # who the page attributes it to: the record's id when it is the statement's speaker
    miss: str | None = None  # for a near-miss ("none"): number, date, name, negation, bulletin, speaker, statement
    changes: tuple[tuple[str, str], ...] = ()
    day: int = 0  # days after the original that the echo was published


@dataclass(slots=True)
class TrustCorpus:
    sightings: list[Sighting] = field(default_factory=list)
    gold: dict[int, TrustGold] = field(default_factory=dict)  # by quote_id


def trust_splits(path: Path | None = None) -> list[str | None]:
    """The splits of a trust-format file in the order they first appear; [None] when its records have none."""
    records = json.loads((path or TRUST_FIXTURE).read_text(encoding="utf-8"))["records"]
    return list(dict.fromkeys(record["split"] for record in records if record.get("split"))) or [None]


def trust_corpus(split: str | None = None, path: Path | None = None, extract: bool = False) -> TrustCorpus:
    """The records of ``trust.json`` or of a file in its format (one split, or all) as sightings: the original
    at 09:00 on its day on an outlet of its language, each echo ``day`` days later on another. ``extract``: an
    echo that quotes words inside the outlet's own sentences stands as the statement the extractor finds in it
    (``quoted_statement``), as ``quotetrace ingest`` would store it."""
    records = json.loads((path or TRUST_FIXTURE).read_text(encoding="utf-8"))["records"]
    corpus = TrustCorpus()
    for record in records:
        if split is not None and record.get("split") != split:
            continue
        day = datetime.fromisoformat(record["date"]).replace(hour=9, tzinfo=UTC)
        original = record["original"]
        named = record["speaker"][original["lang"]][0] is not None
        _trust_sighting(corpus, record, original, day, 0,
                        TrustGold(record["id"], "original", record["id"] if named else None))
        for k, echo in enumerate(record["echoes"], start=1):
            when = day + timedelta(days=echo["day"], hours=k)
            name = (echo.get("speaker") or record["speaker"][echo["lang"]])[0]
            other = echo.get("misattributed") or echo.get("miss") == "speaker"
            person = None if name is None else f"other:{name}" if other else record["id"]
            gold = TrustGold(record["id"], echo["rel"], person, echo.get("miss"),
                             tuple((a, b) for a, b in echo.get("changes", [])), echo["day"])
            if extract:
                echo = {**echo, "text": quoted_statement(echo["text"])}
            _trust_sighting(corpus, record, echo, when, k, gold)
    return corpus


# A quotation, with one level of quotation marks inside it written alike («… «Рысь» …», as some writers do)
_QUOTED = re.compile(r"«(?:[^«»]|«[^«»]*»)*»|“(?:[^“”]|“[^“”]*”)*”|\"[^\"]*\"")


def quoted_statement(text: str) -> str:
    """What ``quotetrace ingest`` stores for a text that quotes words inside the outlet's own sentences ("“…,”
    X said in March. Since then …"; «…», — уверял в феврале X. Теперь …): the statement (speech or belief) that
    the extractor finds holding the most quoted characters, without the attribution and the sentences around
    it, whether or not it finds the speaker (the corpus gives the echo's). A text with no quotation marks, or
    little besides them, stays as written."""
    import quotetrace

    runs = [m.span() for m in _QUOTED.finditer(text)]
    if not runs or len(_QUOTED.sub(" ", text).split()) <= 3:
        return text

    def held(quote: Quote) -> int:
        return sum(max(0, min(end, quote.end) - max(start, quote.start)) for start, end in runs)

    found = [q for q in quotetrace.extract(text) if q.type in ("speech", "belief")]
    best = max(found, key=held, default=None)
    return best.text if best is not None and held(best) else text


def _trust_sighting(corpus: TrustCorpus, record: dict[str, Any], item: dict[str, Any], when: datetime, k: int,
                    gold: TrustGold) -> None:
    name, descriptors = item.get("speaker") or record["speaker"][item["lang"]]
    quote_id = len(corpus.sightings) + 1
    doc = f"{record['id']}-{k}"
    outlets = TRUST_OUTLETS[item["lang"]]
    corpus.sightings.append(Sighting(quote_id, doc, doc, item["text"], name, name, tuple(descriptors),
                                     outlets[k % len(outlets)], f"https://{outlets[k % len(outlets)]}/{doc}",
                                     when.isoformat().replace("+00:00", "Z"), None))
    corpus.gold[quote_id] = gold


# -- scaling ---------------------------------------------------------------------------------------------

_SYLLABLES = "ka lo mi ne ru sa ti vo ze pa da go fi be hu ya ro li".split()
_ROLES = "minister mayor spokesman economist farmer analyst general governor senator activist".split()
QUOTES_PER_DOC = 5  # families published together share documents of this many quotes
# What a news corpus repeats verbatim: each line is one statement, however often it is copied.
STOCK_LINES = (
    "We do not comment on ongoing investigations.",
    "The situation is under control and there is no reason for panic.",
    "We will continue to monitor the situation closely and keep the public informed.",
    "Our thoughts are with the families of the victims.",
    "No decision has been taken yet.",
)
# Lines that differ in one number: near-copies of each other, each figure its own statement (a template's
# versions are never linked as the same statement, nor as altered), which put thousands of distinct quotes in
# one MinHash band.
TEMPLATES = (
    "{n} people have been evacuated from the flooded districts along the river since the weekend, the "
    "emergency service said.",
    "Prices rose by {n} percent in the capital last month, according to the statistics office.",
    "The committee will meet again on {n} March to review the budget and the new transport plan for the region.",
)
STOCK_SHARE = 0.01  # of quotes, each
TEMPLATE_SHARE = 0.01
TRANSLATED_SHARE = 0.1  # of families (with ``translated``)
_TO_CYRILLIC = str.maketrans("aoieuykKlLmMnNrRsStTvVzZpPdDgGfFbBhHAOIEUY",
                             "аоиэуйкКлЛмМнНрРсСтТвВзЗпПдДгГфФбБхХАОИЭУЙ")


def _cyrillic(text: str) -> str:
    """The made-up words in Cyrillic letters (transliterated back, a name is the same name)."""
    return text.translate(_TO_CYRILLIC)


@dataclass(slots=True)
class ScaleCorpus:
    """Synthetic quotes for the scaling figures, with each quote's gold family (one statement each)."""

    sightings: list[Sighting] = field(default_factory=list)
    family: list[str] = field(default_factory=list)

    def add(self, family: str, doc: str, text: str, speaker: str, descriptors: tuple[str, ...], when: str) -> None:
        quote_id = len(self.sightings) + 1
        self.sightings.append(Sighting(quote_id, doc, doc, text, speaker, speaker, descriptors, "outlet", None,
                                       when, when))
        self.family.append(family)


def news_sentences(path: Path = POLNEAR) -> list[str]:
    """Distinct sentences of 12 to 40 words from the PolNeAR articles (real news, for the paraphrase scaling
    run: made-up words all look alike to a sentence encoder, which then merges every family of a speaker)."""
    seen: dict[str, None] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        for sentence in re.split(r"(?<=[.!?])\s+", json.loads(line)["text"].replace("\n", " ")):
            words = sentence.split()
            if 12 <= len(words) <= 40 and not re.search(r"[“”\"«»]", sentence):
                seen.setdefault(" ".join(words), None)
    return list(seen)


def scale_corpus(n_quotes: int, seed: int = 0, translated: bool = False,
                 sentences: list[str] | None = None) -> ScaleCorpus:
    """``n_quotes`` synthetic quotes, mostly in families of ~10 (an original, verbatim copies and fragments)
    over a made-up vocabulary, in documents of about QUOTES_PER_DOC quotes.

    Also what makes linking hard at scale: stock lines copied verbatim all over the corpus, templates whose
    variants are near-copies of each other, speakers quoted by Zipf's law (the most quoted in about one quote
    in ten), named in full or by surname alone, a third of the time with a role, and namesakes (one name,
    two people with different roles). With ``translated``, TRANSLATED_SHARE of the families also have a copy
    in Cyrillic letters attributed to the speaker's name in Cyrillic, so that translation candidates (same
    speaker, two scripts) are compared: what that costs is the point, not whether the letters translate. With
    ``sentences``, the originals are those sentences, in turn, instead of made-up words.
    """
    rng = random.Random(seed)
    # sorted: a set's order changes with PYTHONHASHSEED, and the corpus must be the same in every process
    vocabulary = sorted({"".join(rng.choices(_SYLLABLES, k=rng.randint(1, 4))) for _ in range(20000)})
    surnames = rng.sample(vocabulary, 5000)
    speakers = [(f"{rng.choice(['Ana', 'Ivo', 'Lea', 'Tom', 'Mia', 'Ole'])} {w.capitalize()}", rng.choice(_ROLES))
                for w in surnames]
    for i in range(0, len(speakers), 100):  # namesakes: one speaker in a hundred shares a name, not a role
        speakers[i + 1] = (speakers[i][0], next(r for r in _ROLES if r != speakers[i][1]))
    weights = [1 / (rank + 1) for rank in range(len(speakers))]
    corpus = ScaleCorpus()
    family = 0
    while len(corpus.sightings) < n_quotes:
        if sentences:
            original = sentences[family % len(sentences)]
            words = original.split()
        else:
            words = rng.choices(vocabulary, k=rng.randint(12, 40))
            original = " ".join(words).capitalize() + "."
        name, role = rng.choices(speakers, weights)[0]
        day = START + timedelta(minutes=QUOTES_PER_DOC * (family // QUOTES_PER_DOC))
        for k in range(10):
            if len(corpus.sightings) >= n_quotes:
                break
            if k == 0 or k % 3:
                text = f"“{original}”"
            else:
                start = rng.randint(0, len(words) - 8)
                text = " ".join(words[start:start + rng.randint(7, len(words) - start)])
            doc = f"d{family // QUOTES_PER_DOC}-{k}"
            when = (day + timedelta(hours=k)).isoformat()
            said_by = name if k % 2 == 0 else name.split()[-1]
            descriptors = (f"the {role}",) if k % 3 == 1 else ()
            corpus.add(str(family), doc, text, said_by, descriptors, when)
            if len(corpus.sightings) < n_quotes and rng.random() < STOCK_SHARE * len(STOCK_LINES):
                line = rng.randrange(len(STOCK_LINES))
                corpus.add(f"stock{line}", doc, STOCK_LINES[line], rng.choices(speakers, weights)[0][0], (), when)
            if translated and k == 0 and len(corpus.sightings) < n_quotes and rng.random() < TRANSLATED_SHARE:
                corpus.add(str(family), f"{doc}-ru", f"«{_cyrillic(original)}»", _cyrillic(name), (), when)
            if len(corpus.sightings) < n_quotes and rng.random() < TEMPLATE_SHARE:
                template = rng.randrange(len(TEMPLATES))
                n = rng.randint(1, 100_000)
                text = TEMPLATES[template].format(n=n)
                # another figure is another statement (a daily bulletin), however alike the words
                corpus.add(f"template{template}-{n}", doc, text, "the Regional Emergency Service", (), when)
        family += 1
    return corpus


# -- files: JSONL and a WARC ---------------------------------------------------------------------------------


def page_html(doc: Document, body: str | None = None) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in (body or doc.text).split("\n\n"))
    published = f'<meta property="article:published_time" content="{doc.published_at}">' if doc.published_at else ""
    return (f"<html><head><title>{doc.id}</title>{published}</head><body><nav>Home News</nav>"
            f"<article>{paragraphs}</article><footer>About</footer></body></html>")


def write_warc(path: Path, records: list[dict[str, Any]]) -> None:
    """records: {"url", "date" (or None), "status", "body" (bytes), "content_type", "location", "record_id"}."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.name.endswith(".gz"))
        for r in records:
            reasons = {200: "OK", 301: "Moved Permanently", 302: "Found", 404: "Not Found", 410: "Gone"}
            headers = [("Content-Type", r.get("content_type", "text/html; charset=utf-8"))]
            if r.get("location"):
                headers.append(("Location", r["location"]))
            http = StatusAndHeaders(f"{r['status']} {reasons.get(r['status'], 'OK')}", headers,
                                    protocol="HTTP/1.1")
            warc_headers: dict[str, str] = {}
            if r.get("record_id"):
                warc_headers["WARC-Record-ID"] = r["record_id"]
            record = writer.create_warc_record(r["url"], "response", payload=io.BytesIO(r["body"]),
                                               http_headers=http, warc_headers_dict=warc_headers)
            if r.get("date") is not None:
                record.rec_headers.replace_header("WARC-Date", r["date"])
            else:
                record.rec_headers.remove_header("WARC-Date")
            writer.write_record(record)


def crawl_records(corpus: EchoCorpus, removal_notice: str) -> list[dict[str, Any]]:
    """Repeated captures of the first family's pages: live, changed, 404, redirected, removal notice."""
    docs = corpus.documents[:5]
    records: list[dict[str, Any]] = []

    def when(doc: Document, days: int) -> str:
        base = datetime.fromisoformat((doc.fetched_at or "2026-02-01T00:00:00Z").replace("Z", "+00:00"))
        return (base + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")

    for index, doc in enumerate(docs):
        assert doc.url is not None
        records.append({"url": doc.url, "date": when(doc, 0), "status": 200, "body": page_html(doc).encode()})
        records.append({"url": doc.url, "date": when(doc, 5), "status": 200, "body": page_html(doc).encode()})
        fate = index % 5
        if fate == 1:
            records.append({"url": doc.url, "date": when(doc, 9), "status": 404, "body": b"<html>Not found</html>"})
        elif fate == 2:
            records.append({"url": doc.url, "date": when(doc, 9), "status": 301, "body": b"",
                            "location": f"https://{doc.outlet}/"})
        elif fate == 3:
            notice = page_html(doc, removal_notice).encode()
            records.append({"url": doc.url, "date": when(doc, 9), "status": 200, "body": notice})
        elif fate == 4:
            changed = page_html(doc, doc.text + "\n\nUpdate: this story has been corrected.").encode()
            records.append({"url": doc.url, "date": when(doc, 9), "status": 200, "body": changed})
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    corpus = build(args.copies, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "articles.jsonl").open("w", encoding="utf-8") as handle:
        for doc in corpus.documents:
            handle.write(json.dumps({"id": doc.id, "text": doc.text, "url": doc.url, "outlet": doc.outlet,
                                     "published_at": doc.published_at, "fetched_at": doc.fetched_at},
                                    ensure_ascii=False) + "\n")
    write_warc(args.out / "crawl.warc.gz", crawl_records(corpus, load_fixture()["removal_notice"]))
    gold = [
        {"doc_id": d, "quote": i, "family": g.family, "relation": g.relation, "person": g.person}
        for (d, i), g in corpus.gold.items()
    ]
    (args.out / "gold.json").write_text(json.dumps(gold, indent=1), encoding="utf-8")
    print(f"{len(corpus.documents)} documents, {len(corpus.gold)} quotes -> {args.out}")


if __name__ == "__main__":
    main()
