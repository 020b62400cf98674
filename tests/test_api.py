"""The REST API and the pages over a store built from hand-made documents (no spaCy): search, filters, cursors,
speakers, documents, provenance, errors, the ingest token and body limit, and escaping of hostile text."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from quotetrace.api import create_app
from quotetrace.link.provenance import trace
from quotetrace.model import Document, Quote, RawDocument, Skip
from quotetrace.store import Store, StoreError
from quotetrace.store import search as store_search
from web_corpus import APPEAL, HOSTILE_TITLE, TOKEN, build_store, corpus, make_doc


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "corpus.db"
    build_store(path)
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db), raise_server_exceptions=False) as test_client:
        yield test_client


def fake_process(raw: RawDocument) -> tuple[Document | None, list[Skip]]:
    """What pipeline.process returns, without spaCy: every “...” span is a quote of nobody."""
    text = raw.text if raw.text is not None else re.sub(r"<[^>]+>", " ", raw.html or "")
    text = " ".join(text.split())
    if not text:
        return None, [Skip(raw.source, "[E002] empty")]
    quotes = [Quote(m.group(), m.start(), m.end(), "direct") for m in re.finditer(r"“[^”]+”", text)]
    doc = Document(id=raw.id, doc_id=f"api-{abs(hash(text)) % 10**8}", source=raw.source, text=text,
                   title=raw.title, url=raw.url, outlet=raw.outlet, published_at=raw.published_at, quotes=quotes)
    return doc, []


def _error(response: object) -> str:
    from httpx import Response

    assert isinstance(response, Response)
    assert response.headers["content-type"].startswith("application/json")
    assert "Traceback" not in response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == response.status_code
    message: str = body["error"]["message"]
    assert message
    return message


# -- search ---------------------------------------------------------------------------------------------------

def test_api_openapi_is_served(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/quotes", "/api/speakers", "/api/speakers/{speaker_id}", "/api/documents/{doc_id}",
                 "/api/statements/{statement_id}/provenance", "/api/documents"):
        assert path in spec["paths"]
    assert "post" in spec["paths"]["/api/documents"]


def test_api_quotes_full_text_with_offsets_document_and_speaker(client: TestClient) -> None:
    body = client.get("/api/quotes", params={"q": "medicine water"}).json()
    results = body["results"]
    assert [r["doc_key"] for r in results] == ["d-orig", "d-radio", "d-paper"]  # by publication time
    assert [r["doc_id"] for r in results] == ["orig-1", "d-radio.txt", "d-paper.txt"]  # as ingested
    first = results[0]
    doc = next(d for d in corpus() if d.doc_id == "d-orig")
    assert doc.text[first["start"]:first["end"]] == first["text"] == APPEAL
    assert first["speaker"] == "Jane Smith" and first["speaker_id"] == "jane-smith"
    assert first["speaker_mention"] == {"text": "Jane Smith", "start": 0, "end": 10}
    assert first["outlet"] == "ngo.example.org" and first["title"] == HOSTILE_TITLE
    assert first["statement_id"] == "st-appeal" and first["relation"] == "original"
    assert body["next_cursor"] is None


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"speaker": "smith", "q": "water"}, ["d-orig", "d-radio"]),
        ({"speaker": "SENIOR official"}, ["d-undated"]),
        ({"speaker_id": "john-doe"}, ["d-paper"]),
        ({"outlet": "Radio.Example.com"}, ["d-radio", "d-b1", "d-b2"]),
        ({"outlet": "monde diplo"}, ["d-b3"]),  # part of the name, accents ignored
        ({"speaker": "sean obrien", "q": "traffic"}, ["d-b0", "d-b1", "d-b2", "d-b3", "d-b4"]),
        ({"speaker": "O'BRIEN", "q": "Tuesday"}, ["d-b3"]),  # apostrophes and case ignored
        ({"q": "criticize"}, []),  # a stance: not shown by default
        ({"q": "criticize", "type": "stance"}, ["d-b3"]),
        ({"q": "criticize", "type": "all"}, ["d-b3"]),
        ({"q": "criticize", "type": "speech,stance"}, ["d-b3"]),
        ({"q": "water", "since": "2024-03-02"}, ["d-radio", "d-paper"]),
        ({"q": "water", "until": "2024-03-01"}, ["d-orig"]),
        ({"kind": "indirect"}, ["d-b5", "d-undated"]),
        ({"q": "nothing-matches-this"}, []),
    ],
)
def test_api_quotes_filters(client: TestClient, params: dict[str, str], expected: list[str]) -> None:
    response = client.get("/api/quotes", params=params)
    assert response.status_code == 200, response.text
    assert [r["doc_key"] for r in response.json()["results"]] == expected


def test_api_quotes_undated_last(client: TestClient) -> None:
    results = client.get("/api/quotes", params={"limit": 500}).json()["results"]
    assert results[-1]["doc_key"] == "d-undated"
    assert len(results) == len([q for d in corpus() for q in d.quotes if q.type != "stance"])


def _walk(client: TestClient, params: dict[str, str | int]) -> list[int]:
    seen: list[int] = []
    cursor: str | None = None
    for _ in range(50):
        page = client.get("/api/quotes", params={**params, **({"cursor": cursor} if cursor else {})}).json()
        seen += [r["quote_id"] for r in page["results"]]
        cursor = page["next_cursor"]
        if cursor is None:
            return seen
    raise AssertionError("pagination did not end")


def test_api_quotes_cursor_pages_cover_everything_once(client: TestClient) -> None:
    everything = [r["quote_id"] for r in client.get("/api/quotes", params={"limit": 500}).json()["results"]]
    assert _walk(client, {"limit": 3}) == everything
    assert _walk(client, {"limit": 2, "q": "ceasefire"}) == [
        r["quote_id"] for r in client.get("/api/quotes", params={"q": "ceasefire", "limit": 500}).json()["results"]
    ]


@pytest.mark.parametrize("params", [{}, {"q": "ceasefire"}, {"q": "water"}, {"q": "the"}])
def test_api_quotes_walk_in_time_order_is_the_same_as_sorting(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, params: dict[str, str | int]
) -> None:
    monkeypatch.setattr(store_search, "WALK_MIN_HITS", 10**9)  # always sort every match
    sorted_pages = _walk(client, {**params, "limit": 2})
    monkeypatch.setattr(store_search, "WALK_MIN_HITS", 1)  # always walk documents by publication time
    assert _walk(client, {**params, "limit": 2}) == sorted_pages
    assert _walk(client, {**params, "limit": 500}) == sorted_pages


def test_api_quotes_cursor_is_stable_when_rows_are_added(tmp_path: Path) -> None:
    path = tmp_path / "stable.db"
    build_store(path)
    with TestClient(create_app(path)) as client:
        first = client.get("/api/quotes", params={"limit": 4}).json()
        with Store(path) as store:  # a document that sorts before everything seen so far
            store.upsert_document(make_doc("d-early", "Jane Smith said: “Early words.”",
                                       [("“Early words.”", "Jane Smith", "direct")], outlet="x.example",
                                       published_at="2000-01-01"))
        second = client.get("/api/quotes", params={"limit": 4, "cursor": first["next_cursor"]}).json()
        before = client.get("/api/quotes", params={"limit": 500}).json()["results"]
    ids_first = [r["quote_id"] for r in first["results"]]
    ids_second = [r["quote_id"] for r in second["results"]]
    assert not set(ids_first) & set(ids_second)
    order = [r["quote_id"] for r in before if r["doc_key"] != "d-early"]
    assert ids_first + ids_second == order[:8]


# -- bad parameters, unknown ids, server errors --------------------------------------------------------------

@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "501"}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"kind": "shouted"}, "kind"),
        ({"since": "last tuesday"}, "since"),
        ({"until": "2024-13-45"}, "until"),
        ({"cursor": "not a cursor!"}, "cursor"),
        ({"cursor": "WzEsMiwzXQ"}, "cursor"),  # base64 of [1,2,3]: JSON, but not a cursor
        ({"cursor": "eyJhIjoxfQ"}, "cursor"),  # base64 of {"a":1}
        ({"q": "x" * 20_001}, "q"),
        ({"type": "shouting"}, "type"),
        ({"format": "xml"}, "format"),
    ],
)
def test_api_quotes_bad_parameters_are_400(client: TestClient, params: dict[str, str], needle: str) -> None:
    response = client.get("/api/quotes", params=params)
    assert response.status_code == 400
    assert needle in _error(response)


@pytest.mark.parametrize(
    "q", ['"', "AND OR NOT", "NEAR(a b", "col:umn", "*", "a\x00b", "')); DROP TABLE quotes; --", "ü" * 300],
)
def test_api_quotes_query_syntax_never_errors(client: TestClient, q: str) -> None:
    response = client.get("/api/quotes", params={"q": q})
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    "path",
    ["/api/speakers/nobody", "/api/documents/nothing", "/api/statements/st-none/provenance", "/api/nowhere"],
)
def test_api_unknown_ids_are_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    _error(response)


def test_api_control_characters_in_an_id_are_400(client: TestClient) -> None:
    response = client.get("/api/documents/a%01b")
    assert response.status_code == 400
    _error(response)


def test_api_unexpected_error_is_a_bare_500(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> list[store_search.QuoteRow]:
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(Store, "search_quotes", broken)
    monkeypatch.setattr(Store, "search_statements", broken)
    response = client.get("/api/quotes")
    assert response.status_code == 500
    assert _error(response) == "internal server error"
    assert "secret" not in response.text
    page = client.get("/")
    assert page.status_code == 500 and "secret" not in page.text and "Traceback" not in page.text


def test_api_missing_database_fails_at_start(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        create_app(tmp_path / "missing.db")


# -- speakers, documents, provenance -------------------------------------------------------------------------

def test_api_speakers_search_and_detail(client: TestClient) -> None:
    found = client.get("/api/speakers", params={"q": "ms. smith"}).json()["results"]
    assert [s["speaker_id"] for s in found] == ["jane-smith"]
    everyone = client.get("/api/speakers").json()["results"]
    assert everyone[0]["speaker_id"] == "jane-smith" and everyone[0]["quotes"] == 9
    detail = client.get("/api/speakers/jane-smith").json()
    assert detail["aliases"] == ["Ms. Smith", "<b>JS</b>"] and detail["descriptors"] == ["<i>director</i>"]
    assert detail["statements"] == 8 and detail["documents"] == 9
    assert sum(m["statements"] for m in detail["over_time"]) + detail["undated"] == 8  # statements, not quotes
    assert [m["month"] for m in detail["over_time"]] == sorted(m["month"] for m in detail["over_time"])
    page = detail["statements_page"]
    assert page["total"] == 8 and "st-appeal" in [s["statement_id"] for s in page["results"]]
    anonymous = client.get("/api/speakers/d-undated:a senior official").json()
    assert anonymous["anonymous"] is True and anonymous["quotes"] == 1


def test_api_document_with_quotes_captures_and_liveness(client: TestClient) -> None:
    doc = client.get("/api/documents/d-radio").json()
    assert doc["outlet"] == "radio.example.com" and doc["text"].startswith("Repost.")
    assert [(q["start"], q["end"]) for q in doc["quotes"]] == [(doc["text"].index(APPEAL),
                                                                doc["text"].index(APPEAL) + len(APPEAL))]
    assert [c["http_status"] for c in doc["captures"]] == [200, 404]
    assert doc["liveness"] == "removed" and doc["removed_at"] == "2024-03-10T10:00:00"
    assert doc["doc_id"] == "d-radio.txt" and doc["doc_key"] == "d-radio"
    by_input_id = client.get("/api/documents/orig-1").json()
    assert by_input_id["doc_key"] == "d-orig" and by_input_id["doc_id"] == "orig-1"
    assert by_input_id["liveness"] == "unknown"  # never captured


def test_api_provenance_is_the_trace_json_object(client: TestClient, db: Path) -> None:
    body = client.get("/api/statements/st-appeal/provenance").json()
    with Store(db) as store:
        expected = trace(store, "st-appeal")
    assert expected is not None
    assert body == json.loads(json.dumps(expected.to_dict()))
    assert body["first_seen"]["doc_id"] == "orig-1"  # the id as ingested
    assert [(e["outlet"], e["relation"], e["liveness"], e["quote_status"]) for e in body["echoes"]] == [
        ("radio.example.com", "verbatim", "removed", "page_removed"),
        ("paper.example.net", "partial", "unknown", "unknown"),  # never captured
    ]
    assert body["echoes"][1]["misattributed"] is True


# -- ingest ---------------------------------------------------------------------------------------------------

ARTICLE = {"id": "posted-1", "text": "The mayor said: “Tunnels reopen on Monday.”", "outlet": "city.example",
           "published_at": "2024-04-01", "title": "Bridges"}


@pytest.fixture()
def ingest_client(tmp_path: Path) -> Iterator[TestClient]:
    path = tmp_path / "ingest.db"
    build_store(path)
    app = create_app(path, allow_ingest=True, token=TOKEN, max_body=4096, processor=fake_process)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def test_api_ingest_is_off_unless_allowed(client: TestClient) -> None:
    response = client.post("/api/documents", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403
    assert "--allow-ingest" in _error(response)


@pytest.mark.parametrize("header", [None, "Bearer wrong", f"Basic {TOKEN}", "Bearer", f"Bearer {TOKEN}x"])
def test_api_ingest_needs_the_token(ingest_client: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header is not None else {}
    response = ingest_client.post("/api/documents", json=ARTICLE, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    _error(response)


def test_api_ingest_with_the_token_stores_and_serves(ingest_client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    response = ingest_client.post("/api/documents", json=ARTICLE, headers=auth)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["result"] == "inserted" and body["quotes"] == 1 and body["doc_id"] == "posted-1"
    assert ingest_client.post("/api/documents", json=ARTICLE, headers=auth).json()["result"] == "unchanged"
    found = ingest_client.get("/api/quotes", params={"q": "tunnels"}).json()["results"]
    assert [r["doc_id"] for r in found] == [body["doc_id"]]
    html = "<html><body><p>“Roads are open,” she said.</p></body></html>"
    response = ingest_client.post("/api/documents", content=html, params={"url": "https://city.example/roads"},
                                  headers={**auth, "Content-Type": "text/html; charset=utf-8"})
    assert response.status_code == 201, response.text
    assert response.json()["doc_id"] == "https://city.example/roads"


def test_api_ingest_token_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "env.db"
    build_store(path)
    monkeypatch.setenv("QUOTETRACE_TOKEN", "from-env")
    app = create_app(path, allow_ingest=True, processor=fake_process)
    assert app.state.quotetrace.token == "from-env"
    monkeypatch.delenv("QUOTETRACE_TOKEN")
    generated = create_app(path, allow_ingest=True).state.quotetrace.token
    assert generated and len(generated) >= 24


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"{not json", "application/json", 400),
        (b"[1, 2]", "application/json", 400),
        (b'{"id": "x"}', "application/json", 400),
        (b"", "application/json", 400),
        (b"\xff\xfe\x00\x00garbage\x00\x01", "application/json", 400),
        (b"some text", "text/plain", 415),
        (b"[" * 3000 + b"]" * 3000, "application/json", 413),
        (b"[" * 2000 + b"]" * 2000, "application/json", 400),
    ],
)
def test_api_ingest_bad_bodies(ingest_client: TestClient, body: bytes, content_type: str, status: int) -> None:
    response = ingest_client.post("/api/documents", content=body,
                                  headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": content_type})
    assert response.status_code == status, response.text
    _error(response)


def test_api_ingest_too_large_without_a_length_is_413(ingest_client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(10):
            yield b'{"text": "' + b"x" * 1000

    response = ingest_client.post("/api/documents", content=chunks(),
                                  headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert response.status_code == 413
    _error(response)


# -- pages -----------------------------------------------------------------------------------------------------

ESCAPED_APPEAL = "&lt;img src=x onerror=alert(1)&gt;"
ESCAPED_TITLE = "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"
PAGES = [
    ("/", [ESCAPED_APPEAL, ESCAPED_TITLE]),
    ("/?q=water", [ESCAPED_APPEAL, ESCAPED_TITLE]),
    ("/?q=%3Cscript%3Ealert(1)%3C/script%3E", ["&lt;script&gt;alert(1)&lt;/script&gt;"]),
    ("/?speaker=smith", [ESCAPED_APPEAL]),
    ("/speakers", ["&lt;b&gt;JS&lt;/b&gt;", "&lt;i&gt;director&lt;/i&gt;"]),
    ("/speakers?q=%3Cb%3E", ["&lt;b&gt;JS&lt;/b&gt;"]),
    ("/speakers/jane-smith", ["&lt;b&gt;JS&lt;/b&gt;", ESCAPED_APPEAL, ESCAPED_TITLE]),
    ("/quotes?q=water", [ESCAPED_APPEAL, ESCAPED_TITLE]),
    ("/documents", [ESCAPED_TITLE]),
    ("/outlets?q=%3Cscript%3E", ["&lt;script&gt;"]),
    ("/documents/d-orig", [ESCAPED_APPEAL, ESCAPED_TITLE]),
    ("/documents/orig-1", [ESCAPED_TITLE]),
    ("/documents/d-radio", [ESCAPED_APPEAL]),
    ("/documents/d-paper", ["javascript:alert(&#39;url&#39;)"]),
    ("/statements/st-appeal", [ESCAPED_APPEAL, "javascript:alert(&#39;url&#39;)"]),
    ("/documents/%3Cscript%3Ex", ["&lt;script&gt;x"]),  # echoed in the 404 page
]


@pytest.mark.parametrize(("path", "escaped"), PAGES)
def test_web_pages_escape_hostile_text(client: TestClient, path: str, escaped: list[str]) -> None:
    response = client.get(path)
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    for raw in ("<script>alert", "<img src=x", "<b>JS</b>", "<i>director</i>", 'href="javascript:', "<script>x"):
        assert raw not in page, f"{raw!r} reached {path} unescaped"
    for text in escaped:
        assert text in page, f"{text!r} not shown on {path}"


def test_web_search_page_shows_results_with_links(client: TestClient) -> None:
    page = client.get("/", params={"q": "water"}).text
    assert 'href="/speakers/jane-smith"' in page
    assert 'href="/documents/d-orig#q' in page
    assert 'href="/statements/st-appeal"' in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_web_search_page_pages_with_offsets(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from quotetrace.web import pages

    monkeypatch.setattr(pages, "PAGE_SIZE", 3)
    first = client.get("/", params={"q": "ceasefire"}).text
    assert "1–3 of 8" in first and 'rel="prev"' not in first
    link = re.search(r'rel="next" href="([^"]+)"', first)
    assert link is not None
    second = client.get(link.group(1).replace("&amp;", "&"))
    assert second.status_code == 200 and "4–6 of 8" in second.text
    assert 'rel="prev"' in second.text and "q=ceasefire" in link.group(1)


def test_web_document_page_highlights_statements_and_speakers(client: TestClient) -> None:
    page = client.get("/documents/d-orig").text
    assert '<mark class="quote kind-direct"' in page and 'title="Jane Smith (direct)"' in page
    assert '<span class="mention"' in page


def test_web_statement_page_draws_the_timeline(client: TestClient) -> None:
    page = client.get("/statements/st-appeal").text
    assert page.count('class="mark ') == 3
    assert "mark verbatim removed" in page and 'class="removed-x"' in page
    assert "attributed to someone else" in page
    assert page.index("ngo.example.org") < page.index("radio.example.com") < page.index("paper.example.net")


def test_web_speaker_page_draws_a_chart(client: TestClient) -> None:
    page = client.get("/speakers/jane-smith").text
    assert '<svg class="bars"' in page and page.count('<rect class="bar"') >= 3


@pytest.mark.parametrize(("path", "status"), [("/speakers/nobody", 404), ("/?since=yesterday", 400),
                                              ("/documents/none", 404), ("/statements/none", 404)])
def test_web_errors_are_pages(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert "Traceback" not in response.text


def test_web_static_files_are_served(client: TestClient) -> None:
    assert client.get("/static/style.css").status_code == 200
    assert "data-tip" in client.get("/static/chart.js").text


# -- the serve command ----------------------------------------------------------------------------------------

def test_cli_serve_missing_db_is_exit_2(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from quotetrace.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "no such database" in result.output


def test_cli_serve_prints_the_token_and_runs_uvicorn(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from quotetrace.cli import app

    ran: dict[str, object] = {}

    def fake_run(web_app: object, host: str, port: int, log_level: str) -> None:
        ran.update(app=web_app, host=host, port=port)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.delenv("QUOTETRACE_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--port", "8123", "--allow-ingest"])
    assert result.exit_code == 0, result.output
    assert ran["host"] == "127.0.0.1" and ran["port"] == 8123
    token = ran["app"].state.quotetrace.token  # type: ignore[attr-defined]
    assert token in result.output
    monkeypatch.setenv("QUOTETRACE_TOKEN", "env-token")
    result = CliRunner().invoke(app, ["serve", "--db", str(db)])
    assert result.exit_code == 0 and "env-token" not in result.output
    assert ran["app"].state.quotetrace.token is None  # type: ignore[attr-defined]


def test_cli_serve_workers_build_their_app_from_the_environment(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn
    from typer.testing import CliRunner
    from uvicorn.importer import import_from_string

    from quotetrace.api import SERVE_ENV, TOKEN_ENV, app_from_environment
    from quotetrace.cli import app

    ran: dict[str, object] = {}

    def fake_run(target: object, **options: object) -> None:
        ran.update(options, target=target)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    for name in (SERVE_ENV, TOKEN_ENV):
        monkeypatch.setenv(name, "")  # restored after the test: the command sets both for its workers
    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--workers", "3", "--allow-ingest", "--no-link"])
    assert result.exit_code == 0, result.output
    assert ran["workers"] == 3 and ran["factory"] is True
    assert import_from_string(ran["target"]) is app_from_environment  # what each worker process calls
    worker_app = app_from_environment()
    token = worker_app.state.quotetrace.token
    assert token and token in result.output  # every worker accepts the token printed once
    assert worker_app.state.quotetrace.relinker is None
    with TestClient(worker_app) as worker:
        assert worker.get("/api/quotes", params={"limit": 1}).json()["total"] > 0


def test_cli_serve_workers_refuse_to_relink_in_each_process(db: Path) -> None:
    from typer.testing import CliRunner

    from quotetrace.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--workers", "2", "--allow-ingest"])
    assert result.exit_code == 2 and "--no-link" in result.output


def test_api_quotes_answer_matches_the_published_schema(client: TestClient, db: Path) -> None:
    from quotetrace.web.schemas import QuoteOut, QuotePage

    body = client.get("/api/quotes", params={"limit": 500}).json()
    assert QuotePage.model_validate(body).model_dump(mode="json") == body
    with Store(db) as store:
        rows = store.search_quotes(store_search.QuoteFilters(types=("speech", "belief")), 500)
    assert [QuoteOut.model_validate(r.to_dict()).model_dump(mode="json") for r in rows] == body["results"]


def test_api_ingest_relinks_in_the_background(tmp_path: Path) -> None:
    """An ingest returns before linking; one background run (or a few, coalesced) re-links the store."""
    path = tmp_path / "relink.db"
    build_store(path)
    seen: list[int] = []

    def counting_link(store: Store) -> None:
        seen.append(len(list(store.sightings())))

    app = create_app(path, allow_ingest=True, token=TOKEN, processor=fake_process, link_run=counting_link)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(app) as test_client:
        body = test_client.post("/api/documents", json=ARTICLE, headers=auth).json()
        assert body["linking"] == "scheduled"
        other = {**ARTICLE, "id": "posted-2", "text": "The mayor said: “Bridges reopen on Tuesday instead.”"}
        test_client.post("/api/documents", json=other, headers=auth)
        relinker = app.state.quotetrace.relinker
        assert relinker.wait_idle(30)
        assert 1 <= relinker.runs <= 2 and relinker.last_error is None
    with Store(str(path), create=False) as store:
        assert seen[-1] == len(list(store.sightings()))  # the last run saw both articles
    off = create_app(path, allow_ingest=True, token=TOKEN, processor=fake_process, link_after_ingest=False)
    with TestClient(off) as test_client:
        third = {**ARTICLE, "id": "posted-3", "text": "The mayor said: “Ferries run on Sunday.”"}
        assert test_client.post("/api/documents", json=third, headers=auth).json()["linking"] == "off"
