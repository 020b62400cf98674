"""A small corpus for the web tests, built by hand (no spaCy): an appeal, its repost (later removed), a partial
quote attributed to someone else, an undated anonymous quote, and a few dated quotes for paging and charts. Titles,
quotes, aliases and descriptors carry HTML and JavaScript that every page must escape.

A second statement travels further (``st-bridge``, said by Seán O’Brien, whose name has an accent and a curly
apostrophe): copied verbatim the same day by two outlets and twice by one of them (marks that would overlap),
altered ("Monday" became "Tuesday"), quoted in part twice by one document (one row per document), paraphrased
undated, translated, and taken down on one page. A stance (not shown by default) sits beside it. Every quote
belongs to a statement, as after ``quotetrace link``: the ones seen once are statements of one sighting."""

from __future__ import annotations

from pathlib import Path

from quotetrace.model import Capture, Document, Quote, Speaker, TextSpan
from quotetrace.store import Store

HOSTILE_TITLE = "<script>alert('title')</script> Appeal"
HOSTILE_WORDS = "<img src=x onerror=alert(1)>"
APPEAL = f"“We need water and medicine now {HOSTILE_WORDS},”"
TOKEN = "s3cret-token"


def make_doc(
    doc_id: str, text: str, quotes: list[tuple[str, str | None, str]], *, outlet: str, published_at: str | None,
    title: str | None = None, url: str | None = None, input_id: str | None = None, language: str = "en",
    types: dict[str, str] | None = None,
) -> Document:
    """A document whose quotes are (quote text, speaker, kind), found in ``text`` by position."""
    made = []
    for quote_text, speaker, kind in quotes:
        start = text.index(quote_text)
        mention = None
        if speaker and speaker in text:
            at = text.index(speaker)
            mention = TextSpan(speaker, at, at + len(speaker))
        made.append(Quote(quote_text, start, start + len(quote_text), kind, cue="said",  # type: ignore[arg-type]
                          speaker_mention=mention, speaker=speaker, confidence=0.9, language=language,
                          type=(types or {}).get(quote_text, "speech")))  # type: ignore[arg-type]
    return Document(
        id=input_id or f"{doc_id}.txt", doc_id=doc_id, source=f"in/{doc_id}.txt", text=text, title=title,
        url=url, outlet=outlet, published_at=published_at, quotes=made, language=language,
    )


OBRIEN = "Seán O’Brien"
BRIDGE = "“The bridge at Karsk will reopen on Monday for all traffic,”"
ALTERED = "“The bridge at Karsk will reopen on Tuesday for all traffic,”"
PARAPHRASE = "Karsk's bridge opens again on Monday to every vehicle"
TRANSLATION = "«Мост в Карске откроется в понедельник для всего транспорта»"
STANCE = "criticized the long closure of the bridge"


def journey() -> list[Document]:
    """The documents of st-bridge (and the stance beside it)."""
    said = f"{OBRIEN} said: {BRIDGE} Crews were still at work."
    return [
        make_doc("d-b0", said, [(BRIDGE, OBRIEN, "direct")], outlet="wire.example",
                 published_at="2024-05-01T08:00:00+02:00", title="Bridge to reopen", url="https://wire.example/b0"),
        make_doc("d-b1", f"Radio: {said}", [(BRIDGE, OBRIEN, "direct")], outlet="radio.example.com",
                 published_at="2024-05-01T09:00:00+02:00", title="Morning news",
                 url="https://radio.example.com/news/b1"),
        make_doc("d-b2", f"Radio, again: {said}", [(BRIDGE, OBRIEN, "direct")], outlet="radio.example.com",
                 published_at="2024-05-01T10:00:00+02:00", title="Midday news",
                 url="https://radio.example.com/news/b2/" + "very-long-path-segment-" * 4),
        make_doc("d-b3", f"{OBRIEN} said: {ALTERED} Olga Rendt {STANCE}.",
                 [(ALTERED, OBRIEN, "direct"), (STANCE, "Olga Rendt", "indirect")], outlet="Le Mónde Diplomatique",
                 published_at="2024-05-02", title="La réouverture", url="https://monde.example/b3",
                 types={STANCE: "stance"}),
        make_doc("d-b4", f"{OBRIEN} said the bridge “will reopen on Monday” and be open “for all traffic”.",
                 [("“will reopen on Monday”", OBRIEN, "mixed"), ("“for all traffic”", OBRIEN, "mixed")],
                 outlet="paper.example.net", published_at="2024-05-03", title="Roads",
                 url="https://paper.example.net/roads"),
        make_doc("d-b5", f"{OBRIEN} said {PARAPHRASE}.", [(PARAPHRASE, OBRIEN, "indirect")], outlet="blog.example",
                 published_at=None, title="A blog"),
        make_doc("d-b6", f"{OBRIEN}: {TRANSLATION}", [(TRANSLATION, OBRIEN, "direct")], outlet="ru.example",
                 published_at="2024-05-04", title="Мост", url="https://ru.example/b6", language="ru"),
    ]


BRIDGE_RELATIONS = {"d-b0": "original", "d-b1": "verbatim", "d-b2": "verbatim", "d-b3": "altered",
                    "d-b4": "partial", "d-b5": "paraphrase", "d-b6": "translation"}


def corpus(*, with_journey: bool = True) -> list[Document]:
    """Every document; ``with_journey=False`` leaves out st-bridge's (for tests written before it)."""
    return [
        make_doc("d-orig", f"Jane Smith said on Friday: {APPEAL} The appeal went out.",
             [(APPEAL, "Jane Smith", "direct")], outlet="ngo.example.org", published_at="2024-03-01T09:00:00",
             title=HOSTILE_TITLE, url="https://ngo.example.org/appeal", input_id="orig-1"),
        make_doc("d-radio", f"Repost. Jane Smith: {APPEAL} Listen again.",
             [(APPEAL, "Jane Smith", "direct")], outlet="radio.example.com", published_at="2024-03-02",
             title="Radio repost", url="https://radio.example.com/news/1"),
        make_doc("d-paper", "Water is short, John Doe said. “We need water and medicine now,” he added.",
             [("“We need water and medicine now,”", "John Doe", "direct")], outlet="paper.example.net",
             published_at="2024-03-05", title="Paper", url="javascript:alert('url')"),
        make_doc("d-undated", "A senior official said the ceasefire would hold.",
             [("the ceasefire would hold", "a senior official", "indirect")], outlet="agency.example",
             published_at=None, title="Undated"),
        *[
            make_doc(f"d-cf{i}", f"Jane Smith said: “The ceasefire number {i} holds.” Nothing else.",
                 [(f"“The ceasefire number {i} holds.”", "Jane Smith", "direct")], outlet="paper.example.net",
                 published_at=f"2024-0{1 + i % 3}-1{i}", title=f"Ceasefire {i}")
            for i in range(7)
        ],
        *(journey() if with_journey else []),
    ]


def build_store(path: Path, *, with_journey: bool = True) -> None:
    with Store(path) as store:
        for doc in corpus(with_journey=with_journey):
            store.upsert_document(doc)
        rows = store.query_quotes(limit=-1)
        names = {"Jane Smith": "jane-smith", "John Doe": "john-doe", OBRIEN: "sean-obrien",
                 "Olga Rendt": "olga-rendt", "a senior official": "d-undated:a senior official"}
        speakers = [
            Speaker("jane-smith", "Jane Smith", aliases=["Ms. Smith", "<b>JS</b>"], descriptors=["<i>director</i>"]),
            Speaker("john-doe", "John Doe"),
            Speaker("sean-obrien", OBRIEN, aliases=["O’Brien", "Sean O'Brien"]),
            Speaker("olga-rendt", "Olga Rendt"),
            Speaker("d-undated:a senior official", "a senior official", anonymous=True),
        ]
        quote_speakers = [(names[r.resolved_speaker or ""], r.quote_id) for r in rows]
        ids = {(r.doc_id, r.start): r.quote_id for r in rows}
        by_doc: dict[str, list[int]] = {}
        for r in rows:
            by_doc.setdefault(r.doc_id, []).append(r.quote_id)
        orig, radio, paper = by_doc["d-orig"][0], by_doc["d-radio"][0], by_doc["d-paper"][0]
        statements = [("st-appeal", "jane-smith", APPEAL, orig)]
        members: list[tuple[str, int, str] | tuple[str, int, str, list[tuple[str, str]]]] = [
            ("st-appeal", orig, "original"), ("st-appeal", radio, "verbatim"), ("st-appeal", paper, "partial"),
        ]
        for i in range(7):  # each seen once: a statement of one sighting
            (quote_id,) = by_doc[f"d-cf{i}"]
            statements.append((f"st-cf{i}", "jane-smith", f"“The ceasefire number {i} holds.”", quote_id))
            members.append((f"st-cf{i}", quote_id, "original"))
        statements.append(("st-undated", "d-undated:a senior official", "the ceasefire would hold",
                           by_doc["d-undated"][0]))
        members.append(("st-undated", by_doc["d-undated"][0], "original"))
        if with_journey:
            statements.append(("st-bridge", "sean-obrien", BRIDGE, by_doc["d-b0"][0]))
            for doc_id, relation in BRIDGE_RELATIONS.items():
                for quote_id in by_doc[doc_id]:
                    if relation == "altered" and quote_id == by_doc[doc_id][0]:
                        members.append(("st-bridge", quote_id, relation, [("Monday", "Tuesday")]))
                    elif doc_id != "d-b3":
                        members.append(("st-bridge", quote_id, relation))
            stance = by_doc["d-b3"][1]
            statements.append(("st-stance", "olga-rendt", STANCE, stance))
            members.append(("st-stance", stance, "original"))
        del ids
        store.replace_links(speakers, quote_speakers, statements, members)
        store.add_captures([
            (Capture("https://radio.example.com/news/1", "2024-03-02T10:00:00", 200, "h1"), "d-radio"),
            (Capture("https://radio.example.com/news/1", "2024-03-10T10:00:00", 404, "h404"), "d-radio"),
        ])
        if with_journey:
            b2 = "https://radio.example.com/news/b2/" + "very-long-path-segment-" * 4
            store.add_captures([(Capture(b2, "2024-05-01T12:00:00", 200, "b2"), "d-b2"),
                                (Capture(b2, "2024-05-06T12:00:00", 410, "gone"), "d-b2")])
