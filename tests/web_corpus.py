"""A small corpus for the web tests, built by hand (no spaCy): an appeal, its repost (later removed), a partial
quote attributed to someone else, an undated anonymous quote, and a few dated quotes for paging and charts. Titles,
quotes, aliases and descriptors carry HTML and JavaScript that every page must escape."""

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
    title: str | None = None, url: str | None = None, input_id: str | None = None,
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
                          speaker_mention=mention, speaker=speaker, confidence=0.9))
    return Document(
        id=input_id or f"{doc_id}.txt", doc_id=doc_id, source=f"in/{doc_id}.txt", text=text, title=title,
        url=url, outlet=outlet, published_at=published_at, quotes=made,
    )


def corpus() -> list[Document]:
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
    ]


def build_store(path: Path) -> None:
    with Store(path) as store:
        for doc in corpus():
            store.upsert_document(doc)
        rows = store.query_quotes(limit=-1)
        ids = {(r.doc_id, r.speaker): r.quote_id for r in rows}
        speakers = [
            Speaker("jane-smith", "Jane Smith", aliases=["Ms. Smith", "<b>JS</b>"], descriptors=["<i>director</i>"]),
            Speaker("john-doe", "John Doe"),
            Speaker("d-undated:a senior official", "a senior official", anonymous=True),
        ]
        quote_speakers = [
            ("john-doe" if speaker == "John Doe" else "jane-smith" if speaker == "Jane Smith"
             else "d-undated:a senior official", quote_id)
            for (_, speaker), quote_id in ids.items()
        ]
        orig, radio, paper = ids[("d-orig", "Jane Smith")], ids[("d-radio", "Jane Smith")], ids[("d-paper", "John Doe")]
        store.replace_links(
            speakers, quote_speakers, [("st-appeal", "jane-smith", APPEAL, orig)],
            [("st-appeal", orig, "original"), ("st-appeal", radio, "verbatim"), ("st-appeal", paper, "partial")],
        )
        store.add_captures([
            (Capture("https://radio.example.com/news/1", "2024-03-02T10:00:00", 200, "h1"), "d-radio"),
            (Capture("https://radio.example.com/news/1", "2024-03-10T10:00:00", 404, "h404"), "d-radio"),
        ])
