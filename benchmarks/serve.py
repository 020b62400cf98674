"""Latency of ``quotetrace serve`` under a bounded load, on a store of at least 100k statements.

    python benchmarks/serve.py [--db serve-bench.sqlite] [--statements 100000] [--seconds 30] [--rate 120]
                               [--clients 8] [--workers 1]
    python benchmarks/serve.py --db serve-1m.sqlite --statements 463000     # ~1M quotes

1. Builds a synthetic store (or reuses one with enough statements): documents written straight into the Store
   (no spaCy), each statement an original quote and 0–3 echoes (verbatim, partial, paraphrase) in later
   documents of other outlets, some attributed to someone else, some on pages later removed (404 captures).
   Quote words follow a Zipf law over a 5,000-word vocabulary, so common words match many quotes.
2. Starts ``quotetrace serve --workers WORKERS`` in a separate process on a free loopback port.
3. From this process, CLIENTS concurrent keep-alive connections (asyncio, requests written by hand so that the
   load generator costs the shared cores little) send requests paced at RATE per second for SECONDS (a few
   thousand requests; the plan is dealt round-robin to the connections, each sending its share in order): 50 %
   quote searches (one or two words drawn by frequency, a quarter with a filter, a fifth following the
   next_cursor of a previous page; each answer counts its total), 20 % statement searches with
   ``min_sightings=2`` (echoed statements only: half with words, a fifth sorted by sightings, a tenth by outlet,
   a fifth on a later page) and 30 % provenance look-ups of random statements. Until this release the same plan
   was sent by 8 httpx client threads, which took more CPU than the server (~9 ms a request) and so measured
   the client's share of the cores as much as the server.
4. Prints p50/p95/p99 latency (client side, whole request) and error counts per kind. Targets: search p95 <
   100 ms, statements p95 < 50 ms, no errors.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import httpx

from quotetrace.model import Capture, Document, Quote, Speaker, TextSpan
from quotetrace.store import Store


def connection(store: Store) -> sqlite3.Connection:
    """The store's own connection: this benchmark writes and counts its tables directly."""
    return store._conn


SEED = 20240301
VOCABULARY = 5000
OUTLETS = [f"outlet{i:02d}.example" for i in range(60)]
FIRST_NAMES = "Anna Jane John Olena Marco Sara Ivan Maria Peter Lina Omar Chen Ada Tomas Nina Paul".split()
SURNAMES = [f"Surname{i:04d}" for i in range(400)]
QUOTES_PER_DOC = 5
RELATIONS = ("verbatim", "partial", "paraphrase")


def _vocabulary(rng: random.Random) -> list[str]:
    syllables = ["ka", "lo", "mi", "re", "to", "sa", "ne", "vi", "du", "po", "ra", "li", "mo", "ze", "fa", "gu"]
    words: set[str] = set()
    while len(words) < VOCABULARY:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words, key=lambda w: (len(w), w))


@dataclass(slots=True)
class Member:
    statement: int
    relation: str
    day: date
    outlet: str
    speaker: int
    text: str
    quote_id: int = 0


@dataclass(slots=True)
class Corpus:
    statements: list[tuple[int, str]] = field(default_factory=list)  # (speaker, text)
    members: list[Member] = field(default_factory=list)


def _make_corpus(n_statements: int, rng: random.Random) -> tuple[Corpus, list[str]]:
    words = _vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(words))]
    corpus = Corpus()
    start = date(2023, 1, 1)
    for index in range(n_statements):
        speaker = rng.randrange(len(FIRST_NAMES) * len(SURNAMES))
        text = " ".join(rng.choices(words, weights, k=rng.randint(8, 20))).capitalize() + "."
        corpus.statements.append((speaker, text))
        day = start + timedelta(days=rng.randrange(3 * 365))
        outlets = rng.sample(OUTLETS, 4)
        corpus.members.append(Member(index, "original", day, outlets[0], speaker, text))
        for echo in range(rng.choice((0, 0, 1, 1, 2, 3))):
            relation = rng.choice(RELATIONS)
            echo_text = text
            if relation == "partial":
                echo_text = " ".join(text.split()[: max(3, len(text.split()) // 2)])
            elif relation == "paraphrase":
                echo_text = " ".join(rng.sample(text.split(), len(text.split())))
            said_by = speaker if rng.random() > 0.05 else rng.randrange(len(FIRST_NAMES) * len(SURNAMES))
            corpus.members.append(Member(index, relation, day + timedelta(days=1 + rng.randrange(30)),
                                         outlets[1 + echo], said_by, echo_text))
    return corpus, words


def _name(speaker: int) -> str:
    return f"{FIRST_NAMES[speaker % len(FIRST_NAMES)]} {SURNAMES[speaker // len(FIRST_NAMES)]}"


def build(path: Path, n_statements: int) -> None:
    rng = random.Random(SEED)
    corpus, _ = _make_corpus(n_statements, rng)
    members = sorted(corpus.members, key=lambda m: (m.day, m.outlet))
    t0 = time.perf_counter()
    with Store(path) as store:
        connection(store).execute("PRAGMA synchronous = OFF")  # a throwaway benchmark file
        docs: list[tuple[str, list[Member]]] = []
        for at in range(0, len(members), QUOTES_PER_DOC):
            docs.append((f"bench-{at // QUOTES_PER_DOC:07d}", members[at:at + QUOTES_PER_DOC]))
        for doc_id, group in docs:
            parts: list[str] = []
            quotes: list[Quote] = []
            offset = 0
            for member in group:
                name = _name(member.speaker)
                sentence = f"{name} said: “{member.text}” "
                q_start = offset + len(name) + len(" said: ")
                quote_text = f"“{member.text}”"
                quotes.append(Quote(quote_text, q_start, q_start + len(quote_text), "direct", cue="said",
                                    speaker_mention=TextSpan(name, offset, offset + len(name)), speaker=name,
                                    confidence=0.9))
                parts.append(sentence)
                offset += len(sentence)
            outlet = group[0].outlet
            store.upsert_document(Document(
                id=f"{doc_id}.json", doc_id=doc_id, source="benchmarks/serve.py", text="".join(parts),
                title=f"Report {doc_id}", url=f"https://{outlet}/{doc_id}", outlet=outlet,
                published_at=group[0].day.isoformat(), quotes=quotes,
            ))
        ids = connection(store).execute('SELECT quote_id FROM quotes ORDER BY doc_id, "start"').fetchall()
        for member, (quote_id,) in zip(members, ids, strict=True):
            member.quote_id = quote_id
        speakers_used = {m.speaker for m in members}
        speakers = [Speaker(f"sp-{s:05d}", _name(s), aliases=[_name(s).split()[-1]]) for s in sorted(speakers_used)]
        originals = {m.statement: m.quote_id for m in members if m.relation == "original"}
        store.replace_links(
            speakers,
            ((f"sp-{m.speaker:05d}", m.quote_id) for m in members),
            ((f"st-{i:06d}", f"sp-{s:05d}", text, originals[i]) for i, (s, text) in enumerate(corpus.statements)),
            ((f"st-{m.statement:06d}", m.quote_id, m.relation) for m in members),
        )
        removed = [(doc_id, group) for doc_id, group in docs if rng.random() < 0.1]
        store.add_captures(
            (capture, doc_id)
            for doc_id, group in removed
            for capture in (
                Capture(f"https://{group[0].outlet}/{doc_id}", f"{group[0].day.isoformat()}T12:00:00", 200, "a"),
                Capture(f"https://{group[0].outlet}/{doc_id}", f"{(group[0].day + timedelta(days=40)).isoformat()}"
                        "T12:00:00", 404, "gone"),
            )
        )
    print(f"built {path}: {len(docs)} documents, {len(members)} quotes, {len(corpus.statements)} statements, "
          f"{len(speakers)} speakers in {time.perf_counter() - t0:.1f} s", flush=True)


def _count(path: Path, table: str) -> int:
    with Store(path) as store:
        return int(connection(store).execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process and its children (Linux /proc: uvicorn's worker processes), to tell
    server cost from client cost and waiting."""
    stats: dict[int, list[str]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stats[int(entry.name)] = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # a process that ended meanwhile
    if pid not in stats:
        return None
    tree = {pid}
    for _ in range(3):  # the server, uvicorn's workers, anything they start
        tree |= {child for child, fields in stats.items() if int(fields[1]) in tree}
    return sum(int(stats[p][11]) + int(stats[p][12]) for p in tree) / os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", "from quotetrace.cli import app; app()", "serve", "--db", str(db),
               "--port", str(port), *(["--workers", str(workers)] if workers > 1 else [])]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"server exited: {server.stderr.read().decode() if server.stderr else ''}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/quotes?limit=1", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    server.kill()
    raise SystemExit("server did not start in 60 s")


@dataclass(slots=True)
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


class Connection:
    """One keep-alive HTTP/1.1 connection, requests written and answers read by hand: the client must cost the
    server's 2 cores little (httpx in 8 threads took ~9 ms of CPU a request, more than the server itself)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, url: str) -> tuple[int, bytes]:
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.streams
        writer.write(f"GET {url} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        head = await reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        headers = dict(line.split(b":", 1) for line in head.split(b"\r\n")[1:] if b":" in line)
        lengths = {k.strip().lower(): v for k, v in headers.items()}
        if b"content-length" not in lengths:
            raise ValueError("no content-length (a streamed answer: not in this benchmark's load)")
        return status, await reader.readexactly(int(lengths[b"content-length"]))

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


async def _client(connection: Connection, plan: list[tuple[float, str, str]], results: Results,
                  cursors: list[str]) -> None:
    """One simulated user: its share of the plan in order, each request sent when due (or when the last ends)."""
    for due, kind, url in plan:
        wait = due - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)
        if kind == "search-next":
            if not cursors:
                continue
            url = f"{url}&cursor={cursors.pop()}"
        started = time.perf_counter()
        try:
            status, body = await asyncio.wait_for(connection.get(url), timeout=10)
            elapsed = time.perf_counter() - started
            ok, detail = status == 200, f"{status} {url}"
            answer = json.loads(body) if ok and kind.startswith("search") else None
        except (OSError, asyncio.IncompleteReadError, ValueError) as error:  # OSError covers a timeout
            elapsed, ok, detail, answer = time.perf_counter() - started, False, f"{error!r} {url}", None
            connection.close()  # a broken or timed-out connection is opened afresh for the next request
        group = "search" if kind.startswith("search") else kind
        results.latencies[group].append(elapsed)
        if not ok:
            results.errors[group].append(detail)
        if answer and answer.get("next_cursor"):
            cursors.append(answer["next_cursor"])
    connection.close()


def request_plan(words: list[str], n_statements: int, seconds: float, rate: float, begin: float
                 ) -> list[tuple[float, str, str]]:
    """(when due, kind, URL) of every request: the mix and pace of the docstring, the same for every run."""
    rng = random.Random(SEED + 1)
    # Users search content words: draw by frequency, but not the 30 commonest (the "the"s and "said"s).
    content = words[30:]
    weights = [1 / (rank + 31) for rank in range(len(content))]
    plan: list[tuple[float, str, str]] = []
    for n in range(int(seconds * rate)):
        due = begin + n / rate
        roll = rng.random()
        if roll < 0.3:
            plan.append((due, "provenance", f"/api/statements/st-{rng.randrange(n_statements):06d}/provenance"))
            continue
        if roll < 0.5:
            plan.append((due, "statements", _statements_url(rng, content, weights)))
            continue
        query = "+".join(rng.choices(content, weights, k=rng.choice((1, 1, 2))))
        url = f"/api/quotes?q={query}&limit=50"
        extra = rng.random()
        if extra < 0.1:
            url += f"&outlet={rng.choice(OUTLETS)}"
        elif extra < 0.2:
            url += f"&since=202{rng.randrange(3, 6)}-0{rng.randrange(1, 10)}"
        elif extra < 0.25:
            url += f"&speaker={rng.choice(SURNAMES)}"
        plan.append((due, "search-next" if rng.random() < 0.2 else "search", url))
    return plan


def load(port: int, words: list[str], n_statements: int, seconds: float, rate: float, clients: int) -> Results:
    """The plan dealt round-robin to CLIENTS concurrent connections (as 8 client threads were before)."""
    plan = request_plan(words, n_statements, seconds, rate, time.monotonic() + 0.5)
    results = Results()
    cursors: list[str] = []

    async def run() -> None:
        await asyncio.gather(*(_client(Connection("127.0.0.1", port), plan[i::clients], results, cursors)
                               for i in range(clients)))

    asyncio.run(run())
    return results


def _statements_url(rng: random.Random, content: list[str], weights: list[float]) -> str:
    """Echoed statements only (min_sightings=2), as the search page's switch asks for them."""
    url = "/api/statements?min_sightings=2&limit=50"
    if rng.random() < 0.5:
        url += "&q=" + "+".join(rng.choices(content, weights, k=rng.choice((1, 1, 2))))
    extra = rng.random()
    if extra < 0.2:
        url += "&sort=sightings"
    elif extra < 0.3:
        url += f"&outlet={rng.choice(OUTLETS)}"
    elif extra < 0.5:
        url += f"&offset={50 * rng.randrange(1, 5)}"
    return url


def _percentile(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--db", type=Path, default=Path("serve-bench.sqlite"))
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--rate", type=float, default=120.0, help="requests per second (paced)")
    parser.add_argument("--workers", type=int, default=1, help="quotetrace serve --workers")
    parser.add_argument("--clients", type=int, default=8, help="concurrent connections the requests are dealt to")
    args = parser.parse_args()

    if not args.db.exists() or _count(args.db, "statements") < args.statements:
        args.db.unlink(missing_ok=True)
        build(args.db, args.statements)
    else:
        print(f"reusing {args.db}", flush=True)
    n_statements = _count(args.db, "statements")
    _, words = _make_corpus(0, random.Random(SEED))
    print(f"store: {_count(args.db, 'documents')} documents, {_count(args.db, 'quotes')} quotes, "
          f"{n_statements} statements; {os.cpu_count()} CPUs", flush=True)

    port = _free_port()
    server = _start_server(args.db, port, args.workers)
    try:
        base = f"http://127.0.0.1:{port}"
        for word in words[30:60]:  # the server's connections and page cache, a connection each (each worker)
            httpx.get(f"{base}/api/quotes?q={word}", timeout=30)
        cpu_before, client_before = _cpu_seconds(server.pid), sum(os.times()[:2])
        started = time.monotonic()
        results = load(port, words, n_statements, args.seconds, args.rate, args.clients)
        took = time.monotonic() - started
        cpu_after, client_cpu = _cpu_seconds(server.pid), sum(os.times()[:2]) - client_before
    finally:
        server.terminate()
        server.wait(timeout=10)
    total = sum(len(v) for v in results.latencies.values())
    print(f"\n{total} requests in {took:.1f} s ({total / took:.0f}/s), {args.clients} concurrent connections "
          f"(client CPU {client_cpu / max(total, 1) * 1000:.1f} ms a request), server: {args.workers} uvicorn "
          f"process{'es' if args.workers > 1 else ''}")
    if cpu_before is not None and cpu_after is not None:
        print(f"server CPU: {cpu_after - cpu_before:.1f} s ({(cpu_after - cpu_before) / max(total, 1) * 1000:.1f} ms "
              f"a request); load average now {os.getloadavg()[0]:.2f}")
    print(f"{'endpoint':<12}{'requests':>10}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}{'max ms':>10}{'errors':>8}")
    for kind in ("search", "statements", "provenance"):
        values = results.latencies.get(kind, [])
        if not values:
            continue
        row = [_percentile(values, q) * 1000 for q in (50, 95, 99)] + [max(values) * 1000]
        print(f"{kind:<12}{len(values):>10}" + "".join(f"{v:>10.1f}" for v in row)
              + f"{len(results.errors.get(kind, [])):>8}")
    for kind, errors in results.errors.items():
        for detail in errors[:5]:
            print(f"  {kind} error: {detail}")
    search = results.latencies.get("search", [])
    listed = results.latencies.get("statements", [])
    ok = (bool(search) and _percentile(search, 95) < 0.1 and bool(listed) and _percentile(listed, 95) < 0.05
          and not any(results.errors.values()))
    print(f"\ntargets (search p95 < 100 ms, statements p95 < 50 ms, no errors): {'met' if ok else 'NOT met'}")


if __name__ == "__main__":
    main()
