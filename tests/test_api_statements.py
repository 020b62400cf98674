"""Statements as the unit, exports, the index pages, the API docs and the statement page's journey, over the web
test corpus (tests/web_corpus.py): every parameter and every error of the new endpoints."""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from quotetrace.api import create_app
from quotetrace.link import provenance
from quotetrace.web import charts, pages
from quotetrace.web.provenance import mark_words, timeline
from quotetrace.web.schemas import DocumentList, OutletList, SpeakerList, StatementPage
from web_corpus import BRIDGE, build_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("statements") / "corpus.db"
    build_store(path)
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db), raise_server_exceptions=False) as test_client:
        yield test_client


def statement_ids(client: TestClient, **params: Any) -> list[str]:
    response = client.get("/api/statements", params=params)
    assert response.status_code == 200, response.text
    return [r["statement_id"] for r in response.json()["results"]]


# -- /api/statements -----------------------------------------------------------------------------------------------

def test_api_statements_answer_with_reach_and_total(client: TestClient) -> None:
    body = client.get("/api/statements", params={"q": "Karsk"}).json()
    assert StatementPage.model_validate(body).model_dump(mode="json") == body
    assert (body["total"], body["offset"], body["next_offset"]) == (1, 0, None)
    (bridge,) = body["results"]
    assert bridge["statement_id"] == "st-bridge" and bridge["text"] == BRIDGE and bridge["speaker"] == "Seán O’Brien"
    assert (bridge["sightings"], bridge["outlets"], bridge["languages"]) == (7, 6, ["en", "ru"])
    assert bridge["relations"] == ["original", "verbatim", "partial", "altered", "paraphrase", "translation"]
    assert bridge["altered"] is True and bridge["removed"] is True  # d-b2's page answered 410
    assert (bridge["first_seen"], bridge["last_seen"]) == ("2024-05-01T08:00:00+02:00", "2024-05-04")
    assert (bridge["first_doc_id"], bridge["first_doc_key"]) == ("d-b0.txt", "d-b0")
    appeal = client.get("/api/statements", params={"q": "medicine"}).json()["results"][0]
    assert appeal["removed"] is True and appeal["altered"] is False  # the radio repost was taken down
    single = client.get("/api/statements", params={"q": "ceasefire number 1"}).json()["results"][0]
    assert (single["sightings"], single["removed"], single["relations"]) == (1, False, ["original"])


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"min_sightings": 2}, ["st-appeal", "st-bridge"]),
        ({"min_sightings": 3, "sort": "sightings"}, ["st-bridge", "st-appeal"]),
        ({"min_sightings": 4}, ["st-bridge"]),
        ({"min_sightings": 2, "sort": "last_seen"}, ["st-bridge", "st-appeal"]),
        ({"speaker": "o'brien"}, ["st-bridge"]),
        ({"speaker_id": "john-doe"}, []),  # John Doe is quoted, but in Jane Smith's statement
        ({"outlet": "MONDE"}, ["st-bridge"]),
        ({"q": "water", "since": "2024-03-02"}, ["st-appeal"]),
        ({"q": "water", "since": "2024-03-06"}, []),
        ({"until": "2024-01", "q": "ceasefire"}, ["st-cf0", "st-cf3", "st-cf6"]),
        ({"q": "closure"}, []),
        ({"q": "closure", "type": "stance"}, ["st-stance"]),
        ({"q": "closure", "type": ["speech", "stance"]}, ["st-stance"]),
        ({"q": "closure", "type": "all"}, ["st-stance"]),
        ({"q": "reopen -tuesday"}, ["st-bridge"]),
        ({"q": "nothing-matches-this"}, []),
    ],
)
def test_api_statements_filters(client: TestClient, params: dict[str, Any], expected: list[str]) -> None:
    assert statement_ids(client, **params) == expected


def test_api_statements_pages_by_offset(client: TestClient) -> None:
    everything = statement_ids(client, limit=500)
    first = client.get("/api/statements", params={"limit": 4}).json()
    second = client.get("/api/statements", params={"limit": 4, "offset": first["next_offset"]}).json()
    assert first["total"] == second["total"] == len(everything) and first["next_offset"] == 4
    assert [r["statement_id"] for r in first["results"] + second["results"]] == everything[:8]


@pytest.mark.parametrize(
    ("params", "needle"),
    [({"min_sightings": "0"}, "min_sightings"), ({"min_sightings": "10001"}, "min_sightings"),
     ({"min_sightings": "two"}, "min_sightings"), ({"sort": "random"}, "sort"), ({"type": "shouting"}, "type"),
     ({"offset": "-1"}, "offset"), ({"limit": "0"}, "limit"), ({"limit": "501"}, "limit"),
     ({"format": "xml"}, "format"), ({"since": "soon"}, "since"), ({"until": "2024-13"}, "until"),
     ({"q": "x" * 20_001}, "q"), ({"format": "csv", "limit": "100001"}, "limit")],
)
def test_api_statements_bad_parameters_are_400(client: TestClient, params: dict[str, str], needle: str) -> None:
    response = client.get("/api/statements", params=params)
    assert response.status_code == 400 and response.headers["content-type"].startswith("application/json")
    assert needle in response.json()["error"]["message"]


# -- exports ---------------------------------------------------------------------------------------------------------

def rows_of(response: Any) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"].startswith("attachment; filename=\"quotetrace-")
    return list(csv.DictReader(io.StringIO(response.text)))


@pytest.mark.parametrize(
    ("path", "params", "column"),
    [("/api/quotes", {}, "quote_id"), ("/api/quotes", {"q": "reopen"}, "quote_id"),
     ("/api/statements", {}, "statement_id"), ("/api/statements", {"min_sightings": 2}, "statement_id"),
     ("/api/speakers", {}, "speaker_id"), ("/api/documents", {"outlet": "radio"}, "doc_key"),
     ("/api/outlets", {}, "outlet")],
)
def test_api_every_list_exports_csv_and_jsonl_with_every_row(
    client: TestClient, path: str, params: dict[str, Any], column: str
) -> None:
    page = client.get(path, params={**params, "limit": 2}).json()
    rows = rows_of(client.get(path, params={**params, "format": "csv"}))
    assert len(rows) == page["total"] > 0 and all(row[column] for row in rows)
    lines = client.get(path, params={**params, "format": "jsonl"})
    assert lines.headers["content-type"].startswith("application/x-ndjson")
    records = [json.loads(line) for line in lines.text.splitlines()]
    assert [str(r[column]) for r in records] == [row[column] for row in rows]
    assert len(rows_of(client.get(path, params={**params, "format": "csv", "limit": 1}))) == 1


def test_api_exports_name_documents_one_way(client: TestClient) -> None:
    rows = rows_of(client.get("/api/quotes", params={"q": "tuesday", "format": "csv"}))
    assert [(r["doc_id"], r["doc_key"], r["statement_id"], r["relation"]) for r in rows] == [
        ("d-b3.txt", "d-b3", "st-bridge", "altered")]
    (statement,) = rows_of(client.get("/api/statements", params={"q": "Karsk", "format": "csv"}))
    assert statement["relations"] == "original; verbatim; partial; altered; paraphrase; translation"
    assert (statement["removed"], statement["first_doc_id"]) == ("true", "d-b0.txt")
    assert rows_of(client.get("/api/quotes", params={"doc_id": "d-b4.txt", "format": "csv"}))[0]["doc_key"] == "d-b4"


def test_api_export_of_quotes_follows_every_page(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from quotetrace.web import rest

    everything = [r["quote_id"] for r in client.get("/api/quotes", params={"limit": 500}).json()["results"]]
    monkeypatch.setattr(rest, "EXPORT_CHUNK", 3)  # several chunks, each resuming after the last
    rows = rows_of(client.get("/api/quotes", params={"format": "csv"}))
    assert [int(r["quote_id"]) for r in rows] == everything
    statements = rows_of(client.get("/api/statements", params={"format": "csv"}))
    assert [r["statement_id"] for r in statements] == statement_ids(client, limit=500)


def test_api_provenance_exports_one_row_per_sighting(client: TestClient) -> None:
    rows = rows_of(client.get("/api/statements/st-bridge/provenance", params={"format": "csv"}))
    assert [r["role"] for r in rows] == ["first_seen"] + ["echo"] * 7
    altered = next(r for r in rows if r["relation"] == "altered")
    assert (altered["changes"], altered["doc_id"], altered["doc_key"]) == ("Monday → Tuesday", "d-b3.txt", "d-b3")
    assert client.get("/api/statements/st-bridge/provenance", params={"format": "pdf"}).status_code == 400


# -- documents, outlets, speakers lists -----------------------------------------------------------------------------

def test_api_documents_and_outlets_lists(client: TestClient) -> None:
    body = client.get("/api/documents", params={"q": "news", "limit": 1}).json()
    assert DocumentList.model_validate(body).model_dump(mode="json") == body
    assert body["total"] == 2 and body["next_offset"] == 1 and body["results"][0]["doc_key"] == "d-b1"
    assert [d["doc_key"] for d in client.get("/api/documents", params={"since": "2024-05-03"}).json()["results"]] \
        == ["d-b4", "d-b6"]
    outlets = client.get("/api/outlets").json()
    assert OutletList.model_validate(outlets).model_dump(mode="json") == outlets
    paper = next(o for o in outlets["results"] if o["outlet"] == "paper.example.net")
    assert (paper["documents"], paper["quotes"]) == (9, 10)
    assert [o["outlet"] for o in client.get("/api/outlets", params={"q": "mónde"}).json()["results"]] == [
        "Le Mónde Diplomatique"]
    speakers = client.get("/api/speakers", params={"q": "obrien"}).json()
    assert SpeakerList.model_validate(speakers).model_dump(mode="json") == speakers
    assert [s["speaker_id"] for s in speakers["results"]] == ["sean-obrien"] and speakers["total"] == 1
    assert client.get("/api/documents", params={"since": "May"}).status_code == 400


# -- the spec and the docs page ----------------------------------------------------------------------------------------

def test_api_spec_lists_errors_as_served(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "422" not in json.dumps(spec) and "HTTPValidationError" not in json.dumps(spec)
    for path in ("/api/quotes", "/api/statements", "/api/speakers", "/api/documents", "/api/outlets"):
        assert "400" in spec["paths"][path]["get"]["responses"]
        names = {p["name"] for p in spec["paths"][path]["get"]["parameters"]}
        assert {"limit", "format"} <= names
    assert {"q", "speaker", "outlet", "since", "until", "type", "min_sightings", "sort", "offset"} <= {
        p["name"] for p in spec["paths"]["/api/statements"]["get"]["parameters"]}
    assert client.get("/api/quotes", params={"limit": "many"}).status_code == 400  # as the spec says


def test_web_api_docs_are_served_from_the_package(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and 'src="/static/apidocs.js"' in page.text and "/openapi.json" in page.text
    script = client.get("/static/apidocs.js")
    assert script.status_code == 200 and "Try it" in script.text
    assert not re.search(r"https?://", page.text + script.text)  # nothing from a CDN


# -- the pages -----------------------------------------------------------------------------------------------------

def test_web_search_page_shows_statements_with_counts(client: TestClient) -> None:
    page = client.get("/", params={"q": "reopen"}).text
    assert "1–1 of 1</strong> statement" in page
    assert "seen in 7 documents" in page and 'href="/statements/st-bridge"' in page
    assert '<mark class="hit">reopen</mark>' in page  # the matched word, highlighted
    assert "page removed" in page and "words altered" in page
    assert 'href="/api/statements?q=reopen&amp;format=csv"' in page
    assert "funeral finds funerals" in page  # the syntax hint


def test_web_search_page_echoed_only(client: TestClient) -> None:
    everything = client.get("/").text
    echoed = client.get("/", params={"echoed": "1"}).text
    assert everything.count('<li class="result statement') == 10  # every statement of speech or belief
    assert echoed.count('<li class="result statement') == 2 and 'name="echoed" value="1" checked' in echoed
    assert "min_sightings=2" in echoed  # the download takes the switch too


def test_web_search_page_error_is_inline_and_keeps_the_filters(client: TestClient) -> None:
    response = client.get("/", params={"q": "water", "speaker": "smith", "since": "yesterday", "echoed": "1"})
    assert response.status_code == 400
    page = response.text
    assert page.index('class="form-error"') < page.index("<form")
    assert "since" in page and 'value="water"' in page and 'value="smith"' in page and "checked" in page
    for path, params in (("/quotes", {"until": "2024-99"}), ("/documents", {"since": "x"}),
                         ("/speakers", {"offset": "-2"}), ("/outlets", {"offset": "x"})):
        response = client.get(path, params=params)
        assert response.status_code == 400 and 'class="form-error"' in response.text and "<form" in response.text


def test_web_empty_result_names_the_filters(client: TestClient) -> None:
    page = client.get("/", params={"q": "water", "outlet": "nowhere.example", "echoed": "1"}).text
    assert "No statements match words “water”, outlet “nowhere.example”, echoed only" in page
    assert "Include statements seen once" in page


def test_web_pages_offer_downloads_and_pagers(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages, "PAGE_SIZE", 2)
    for path in ("/", "/quotes", "/speakers", "/documents", "/outlets", "/speakers/jane-smith"):
        page = client.get(path).text
        assert "format=csv" in page and "format=jsonl" in page, path
        assert re.search(r"1–2 of \d+", page) and 'rel="next"' in page, path
    second = client.get("/documents", params={"offset": 2}).text
    assert "3–4 of" in second and 'rel="prev"' in second


def test_web_statement_page_shows_the_journey(client: TestClient) -> None:
    page = client.get("/statements/st-bridge").text
    assert "<title>The bridge at Karsk will reopen on Monday… · quotetrace</title>" in page
    assert page.count('<li class="sighting') == 7  # one row per document: d-b4 quotes it twice
    roads = page[page.index('href="/documents/d-b4'):]
    roads = roads[:roads.index("</li>")]
    assert roads.count('<blockquote class="words">') == 2
    assert '<ins class="changed">Tuesday</ins> <span class="was">was “Monday”</span>' in page
    assert '<mark class="copied">' in page and "Le Mónde Diplomatique" in page and "La réouverture" in page
    assert "2024-05-01 08:00 UTC+02:00" in page  # a time where known, in the page's own zone
    for relation in ("first sighting", "verbatim", "partial", "altered", "paraphrase", "translation"):
        assert f"{relation}</span>" in page
    assert "removed by <time" in page and "page seen up" in page


def test_web_statement_legend_lists_only_what_is_present(client: TestClient) -> None:
    page = client.get("/statements/st-appeal").text
    legend = page[page.index('<p class="legend">'):]
    legend = legend[:legend.index("</p>")]
    assert "first sighting" in legend and "verbatim" in legend and "partial" in legend
    assert "altered" not in legend and "paraphrase" not in legend and "translation" not in legend
    assert "page removed" in legend and "attributed to someone else" in legend


def test_web_statement_page_says_when_words_were_edited_out(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = provenance.trace

    def edited(store: Any, statement_id: str) -> provenance.Trace | None:
        found = real(store, statement_id)
        assert found is not None
        first = found.echoes[0]
        echo = provenance.Echo(**{**{f: getattr(first, f) for f in first.__dataclass_fields__},
                                  "quote_status": "edited_out", "edited_out_at": "2024-05-03T09:00:00Z"})
        return provenance.Trace(found.statement_id, found.speaker, found.text, found.first_seen,
                                [echo, *found.echoes[1:]])

    from quotetrace.web import provenance as web_provenance

    monkeypatch.setattr(web_provenance, "trace", edited)
    page = client.get("/statements/st-bridge").text
    assert "edited out <time" in page and "2024-05-03 09:00 UTC</time>, page still up" in page


def test_web_timeline_marks_never_overlap_and_labels_never_collide(db: Path) -> None:
    from quotetrace.store import Store

    with Store(db) as store:
        found = timeline(store, "st-bridge")
    assert found is not None
    chart = charts.timeline_chart(found.documents, pages.display_time)
    assert chart is not None and len(chart.marks) == 7
    for i, a in enumerate(chart.marks):
        for b in chart.marks[i + 1:]:
            assert abs(a.x - b.x) >= 2 * charts.MARK or abs(a.y - b.y) >= 2 * charts.MARK, (a, b)
    xs = [t.x for t in chart.ticks]
    assert all(b - a >= charts.TICK_SPACING - 1 for a, b in itertools.pairwise(xs))
    # the last tick's label ends at its tick (anchored at its end); "undated" (~50 px) is centred on its column
    assert chart.undated_x is not None and chart.undated_x - 30 > xs[-1]
    shapes = {m.sighting.relation: m.shape for m in chart.marks}
    assert len(set(shapes.values())) == len(shapes) == 6  # a shape of its own for each relation


def test_web_mark_words_marks_copies_and_changes() -> None:
    pieces = mark_words("The bridge will reopen on Monday for all", "It will reopen on Tuesday for all",
                        [("Monday", "Tuesday")])
    assert [(p.text, p.role) for p in pieces] == [
        ("It ", "plain"), ("will reopen on", "copied"), (" ", "plain"), ("Tuesday", "changed"), (" ", "plain"),
        ("for all", "copied")]
    assert pieces[3].was == "Monday"
    assert [p.role for p in mark_words("a b c", "nothing alike here")] == ["plain"]


@pytest.mark.parametrize(
    ("raw", "shown"),
    [(None, "undated"), ("2024", "2024"), ("2024-03", "2024-03"), ("2024-03-01", "2024-03-01"),
     ("2024-03-01T09:05:00", "2024-03-01 09:05"), ("2024-03-01T09:05:00Z", "2024-03-01 09:05 UTC"),
     ("2024-03-01T09:05:00+01:00", "2024-03-01 09:05 UTC+01:00"),
     ("2024-03-01T09:05:00-05:30", "2024-03-01 09:05 UTC−05:30"), ("not a date", "not a date")],
)
def test_web_dates_are_shown_one_way(raw: str | None, shown: str) -> None:
    assert pages.display_time(raw) == shown


def test_web_index_pages(client: TestClient) -> None:
    documents = client.get("/documents", params={"outlet": "radio"}).text
    assert "1–3 of 3</strong> document" in documents and "Morning news" in documents
    outlets = client.get("/outlets").text
    assert "paper.example.net" in outlets and 'href="/documents?outlet=paper.example.net"' in outlets
    quotes = client.get("/quotes", params={"q": "tuesday"}).text
    assert "1–1 of 1</strong> quote" in quotes and '<mark class="hit">Tuesday</mark>' in quotes
