"""Replay repeated crawls of news pages through ``quotetrace ingest``: captures/s and the store's growth.

    python benchmarks/captures.py                          # 1,000 URLs x 10 crawls = 10,000 captures
    python benchmarks/captures.py --urls 100 --baseline    # smaller, and against reading every capture

Each of ``--urls`` pages is captured once a day for ``--rounds`` days, one WARC file a day, and meets one fate
(mixed as in a real crawl: most pages stay up, some are edited, taken down, walled off or fail). A page that
shows what it showed before is a ``revisit`` record half the time (as crawlers write them), a plain response
otherwise. The files are ingested in order (``--no-link``), then linked:

- captures/s: captures over the seconds of the ingest (worker start-up and spaCy loading included);
- pages read: captures whose page went through the pipeline (a response with a payload already stored for
  its URL is not even extracted again, and one whose main text its page showed before is tied to that version
  without going through the pipeline);
- store growth: bytes of the tables and indexes (SQLite's ``dbstat``) added by the 2nd..last crawls, per new
  version (document_versions, quotes, quote_versions, mentions, documents, the full-text index) and per capture
  (captures and its indexes);
- liveness: the pages per state that ``pages`` finds, beside the fates they were given (they must agree).

``--baseline`` replays the same files into a second store with every capture read again (what ingest did
before versions: the ratio of the two rates is what not re-reading saves).
"""

from __future__ import annotations

import argparse
import io
import random
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quotetrace import link
from quotetrace.cli import app
from quotetrace.link.provenance import PageCounts, pages
from quotetrace.store import Store

HOST = "https://bench.example"
START = datetime(2026, 3, 1, 9)

NAMES = ["Lena Varga", "Tomas Brel", "Anna Kovalenko", "Marta Ilves", "Ivan Petrov", "Olga Rendt", "Jon Alder"]
TOPICS = ["the shelters", "the roads", "the heating", "the schools", "the bridge", "the hospital", "the water"]
VERBS = ["said", "told reporters", "added", "said on Monday", "wrote in a statement"]

# fate -> (share of pages, liveness that ``pages`` must find)
FATES: dict[str, tuple[float, str]] = {
    "stable": (0.38, "live"), "edited": (0.14, "changed"), "outage": (0.06, "live"), "truncated": (0.04, "live"),
    "not_found": (0.07, "removed"), "gone": (0.03, "removed"), "legal": (0.03, "removed"),
    "soft_404": (0.04, "removed"), "soft_404_ru": (0.02, "removed"), "notice": (0.03, "removed"),
    "front_page": (0.03, "removed"), "wall": (0.04, "blocked"), "geo": (0.02, "blocked"),
    "unreachable": (0.05, "unreachable"), "asset": (0.02, "not a page"),
}


def article(rng: random.Random, index: int, edit: int = 0) -> tuple[str, bytes]:
    """A short article with two quotes; ``edit`` > 0 drops the first quote and rewords a paragraph."""
    a, b = rng.sample(NAMES, 2)
    topic = TOPICS[index % len(TOPICS)]
    first = f"“We will not give up on {topic} in district {index},” {a} {rng.choice(VERBS)}."
    second = f"“Repairs to {topic} must finish before the frost in district {index},” {b} {rng.choice(VERBS)}."
    paragraphs = [
        first if not edit else f"{a} spoke about {topic} in district {index} on Monday.",
        f"The regional council met on Tuesday to discuss {topic} and the budget of district {index}.",
        second,
        f"Residents of district {index} said they had waited for news for weeks{'.' if not edit else ' and more.'}",
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (f"<!doctype html><html><head><title>District {index}: {topic}</title></head><body><article>"
            f"<h1>District {index}: {topic}</h1>{body}</article></body></html>")
    return first, html.encode()


def _page(title: str, text: str) -> bytes:
    return f"<!doctype html><html><head><title>{title}</title></head><body><p>{text}</p></body></html>".encode()


SOFT_EN = _page("Page not found", "Sorry, we couldn't find that article. Try our search.")
SOFT_RU = _page("Страница не найдена", "К сожалению, запрашиваемая страница не существует.")
NOTICE = _page("News", "This article has been removed at the request of the publisher.")
WALL = _page("Just a moment...", "Verifying you are human. This may take a few seconds.")
GEO = _page("News", "This content is not available in your country.")
ERROR = _page("Error", "Service unavailable.")


@dataclass
class Response:
    path: str
    status: int
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    location: str | None = None
    revisit: bool = False
    truncated: bool = False
    request_only: bool = False


def crawl(urls: int, rounds: int, seed: int) -> tuple[list[list[Response]], Counter[str]]:
    """What each day's crawl recorded, and how many pages of each fate there are."""
    rng = random.Random(seed)
    names = list(FATES)
    fates = rng.choices(names, weights=[FATES[n][0] for n in names], k=urls)
    days: list[list[Response]] = [[] for _ in range(rounds)]
    for index, fate in enumerate(fates):
        path = f"/news/{index}" + (".png" if fate == "asset" else "")
        # the day the page's fate strikes (an outage and a truncated capture leave a live capture after them)
        turn = rng.randrange(1, rounds - 1 if fate in ("outage", "truncated") else rounds)
        _, v1 = article(random.Random(seed * 7919 + index), index)
        _, v2 = article(random.Random(seed * 7919 + index), index, edit=1)
        for day in range(rounds):
            days[day].append(_response(fate, path, day, turn, rounds, v1, v2, rng))
    return days, Counter(FATES[f][1] for f in fates)


def _response(fate: str, path: str, day: int, turn: int, rounds: int, v1: bytes, v2: bytes,
              rng: random.Random) -> Response:
    same = Response(path, 200, v1, revisit=day > 0 and rng.random() < 0.5)
    if fate == "asset":
        return Response(path, 200, bytes(range(256)), content_type="image/png")
    if day < turn or fate == "stable":
        return same
    if fate == "edited":
        return Response(path, 200, v2, revisit=day > turn and rng.random() < 0.5)
    if fate == "outage":
        return Response(path, 503, ERROR) if day == turn else same
    if fate == "truncated":
        return Response(path, 200, v1[: len(v1) * 2 // 3], truncated=True) if day == turn else same
    if fate == "unreachable":
        return Response(path, 504, ERROR) if day % 2 else Response(path, 0, b"", request_only=True)
    gone = {
        "not_found": Response(path, 404, ERROR), "gone": Response(path, 410, ERROR),
        "legal": Response(path, 451, ERROR), "soft_404": Response(path, 200, SOFT_EN),
        "soft_404_ru": Response(path, 200, SOFT_RU), "notice": Response(path, 200, NOTICE),
        "front_page": Response(path, 301, b"", location=f"{HOST}/"), "wall": Response(path, 403, WALL),
        "geo": Response(path, 200, GEO),
    }
    return gone[fate]


def write_day(path: Path, day: int, responses: list[Response], digests: dict[str, str]) -> None:
    """One day's crawl; ``digests`` (payload digest -> date of its first response) carries over from earlier days,
    so that a revisit names a response of an earlier file, as crawlers write them."""
    when = (START + timedelta(days=day)).strftime("%Y-%m-%dT%H:%M:%SZ")
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for r in responses:
            url = HOST + r.path
            if r.request_only:
                http = StatusAndHeaders(f"GET {r.path} HTTP/1.1", [("Host", "bench.example")], is_http_request=True)
                record = writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=http)
            else:
                headers = [("Content-Type", r.content_type)] + ([("Location", r.location)] if r.location else [])
                http = StatusAndHeaders(f"{r.status} X", headers, protocol="HTTP/1.1")
                extra = {"WARC-Truncated": "length"} if r.truncated else {}
                record = writer.create_warc_record(url, "response", payload=io.BytesIO(r.body), http_headers=http,
                                                   warc_headers_dict=extra)
                digest = record.rec_headers.get_header("WARC-Payload-Digest")
                if r.revisit and digest in digests:
                    record = writer.create_revisit_record(url, digest, url, digests[digest], http_headers=http)
                else:
                    digests.setdefault(digest, when)
            record.rec_headers.replace_header("WARC-Date", when)
            writer.write_record(record)


def table_bytes(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name")
        return {str(name): int(size) for name, size in rows}
    finally:
        conn.close()


_CAPTURE_TABLES = ("captures", "captures_doc", "captures_version", "sqlite_autoindex_captures_1")


def growth(before: dict[str, int], after: dict[str, int]) -> tuple[int, int]:
    """(bytes added by captures, bytes added by everything else: versions, quotes, index, documents)."""
    delta = {name: after.get(name, 0) - before.get(name, 0) for name in set(before) | set(after)}
    captures = sum(v for n, v in delta.items() if n in _CAPTURE_TABLES)
    return captures, sum(delta.values()) - captures


def counts(db: Path) -> dict[str, int]:
    with Store(db) as store:
        conn = store._conn
        return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                for t in ("documents", "document_versions", "quotes", "captures")}


def ingest(db: Path, files: list[Path], jobs: int) -> tuple[float, int]:
    """Seconds to ingest the files, and how many pages went through the pipeline."""
    read = 0
    needed = link.ReadOnce.needed

    def counting(self: link.ReadOnce, capture: object) -> bool:
        nonlocal read
        ok = needed(self, capture)  # type: ignore[arg-type]
        read += ok
        return ok

    link.ReadOnce.needed = counting  # type: ignore[method-assign]
    try:
        started = time.perf_counter()
        result = CliRunner().invoke(app, ["ingest", *map(str, files), "--db", str(db), "--jobs", str(jobs),
                                          "--no-progress", "--no-link"])
        seconds = time.perf_counter() - started
    finally:
        link.ReadOnce.needed = needed  # type: ignore[method-assign]
    if result.exit_code not in (0, 1):
        sys.exit(result.output)
    return seconds, read


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--urls", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--baseline", action="store_true", help="also replay with every capture read again")
    parser.add_argument("--keep", type=Path, help="write the WARC files and stores here (default: a temp dir)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        days, expected = crawl(args.urls, args.rounds, args.seed)
        files: list[Path] = []
        digests: dict[str, str] = {}
        for day, responses in enumerate(days):
            files.append(folder / f"day-{day:02d}.warc.gz")
            write_day(files[-1], day, responses, digests)
        db = folder / "captures.sqlite"
        db.unlink(missing_ok=True)
        first_s, first_read = ingest(db, files[:1], args.jobs)
        after_first, first_counts = table_bytes(db), counts(db)
        rest_s, rest_read = ingest(db, files[1:], args.jobs)
        after_all, all_counts = table_bytes(db), counts(db)
        started = time.perf_counter()
        with Store(db) as store:
            report = link.link(store, paraphrase=False)
            link_s = time.perf_counter() - started
            found = PageCounts()
            histories = pages(store, counts=found)
        captures = all_counts["captures"]
        capture_bytes, version_bytes = growth(after_first, after_all)
        new_versions = all_counts["document_versions"] - first_counts["document_versions"]
        new_captures = captures - first_counts["captures"]
        print(f"{args.urls} URLs x {args.rounds} crawls: {captures} captures, {all_counts['documents']} documents, "
              f"{all_counts['document_versions']} versions, {all_counts['quotes']} quotes")
        print(f"ingest: {first_s + rest_s:.1f} s, {captures / (first_s + rest_s):.0f} captures/s "
              f"(first crawl {first_s:.1f} s, {first_read} pages read; later crawls {rest_s:.1f} s, "
              f"{(captures - first_counts['captures']) / rest_s:.0f} captures/s, {rest_read} pages read)")
        print(f"link: {link_s:.1f} s ({report.line()})")
        print(f"store: {db.stat().st_size / 1e6:.1f} MB; crawls 2..{args.rounds} added {new_versions} versions and "
              f"{new_captures} captures: {version_bytes / max(new_versions, 1):,.0f} bytes per version, "
              f"{capture_bytes / max(new_captures, 1):,.0f} bytes per capture")
        got = Counter(h.liveness for h in histories)
        print("liveness  expected  found")
        for state in sorted(set(expected) | set(got)):
            print(f"{state:<12}{expected.get(state, 0):>6}{got.get(state, 0):>7}")
        if args.baseline:
            base = folder / "baseline.sqlite"
            base.unlink(missing_ok=True)
            link.ReadOnce.needed = lambda self, capture: True  # type: ignore[method-assign,assignment]
            link.ReadOnce.seen_payload = lambda self, url, digest: None  # type: ignore[method-assign,assignment]
            started = time.perf_counter()
            CliRunner().invoke(app, ["ingest", *map(str, files), "--db", str(base), "--jobs", str(args.jobs),
                                     "--no-progress", "--no-link"])
            base_s = time.perf_counter() - started
            print(f"baseline (every capture read): {base_s:.1f} s, {captures / base_s:.0f} captures/s; "
                  f"versions make ingest {base_s / (first_s + rest_s):.2f}x as fast; same versions: "
                  f"{counts(base)['document_versions'] == all_counts['document_versions']}")


if __name__ == "__main__":
    main()
