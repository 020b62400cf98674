"""GET /api/pages: every page with its liveness and evidence, filters, cursor pages, and bad parameters."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from quotetrace.api import create_app
from quotetrace.model import Capture
from quotetrace.store import Store
from web_corpus import build_store


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("pages") / "corpus.db"
    build_store(path, with_journey=False)
    with Store(path) as store:  # a few more pages, captured only: a wall, an outage, and an image (not a page)
        store.add_captures([
            (Capture("https://x.example/wall", "2024-03-03T00:00:00", 200, "a", state="up", reason="ok"), "p-wall"),
            (Capture("https://x.example/wall", "2024-03-04T00:00:00", 403, "b", state="blocked", reason="bot_wall",
                     detail="verifying you are human"), "p-wall"),
            (Capture("https://x.example/o", "2024-02-01T00:00:00", 200, "a", state="up", reason="ok"), "p-o"),
            (Capture("https://x.example/o", "2024-02-02T00:00:00", 503, "b", state="down", reason="server_error"),
             "p-o"),
            (Capture("https://x.example/o", "2024-02-03T00:00:00", 200, "a", state="up", reason="ok"), "p-o"),
            (Capture("https://x.example/i.png", "2024-02-03T00:00:00", 200, "c", state="up", reason="no_text",
                     content_type="image/png"), "p-img"),
        ])
    with TestClient(create_app(path), raise_server_exceptions=False) as test_client:
        yield test_client


def test_api_pages_lists_every_page_with_its_evidence(client: TestClient) -> None:
    body = client.get("/api/pages").json()
    by_url = {p["url"]: p for p in body["results"]}
    assert set(by_url) == {"https://ngo.example.org/appeal", "https://radio.example.com/news/1",
                           "javascript:alert('url')", "https://x.example/wall", "https://x.example/o"}
    radio = by_url["https://radio.example.com/news/1"]
    assert (radio["liveness"], radio["removed_at"], radio["evidence"]["http_status"], radio["evidence"]["reason"]) == (
        "removed", "2024-03-10T10:00:00", 404, "not_found")
    assert radio["up_days"] == 8.0 and (radio["doc_key"], radio["doc_id"]) == ("d-radio", "d-radio.txt")
    assert by_url["https://ngo.example.org/appeal"]["liveness"] == "unknown"  # never captured: never "live"
    assert by_url["https://ngo.example.org/appeal"]["evidence"] is None
    assert by_url["https://x.example/wall"]["evidence"]["detail"] == "verifying you are human"
    assert [(o["start"], o["reason"]) for o in by_url["https://x.example/o"]["outages"]] == [
        ("2024-02-02T00:00:00", "server_error")]
    assert body["next_cursor"] is None


@pytest.mark.parametrize(("params", "urls"), [
    ({"liveness": "removed"}, ["https://radio.example.com/news/1"]),
    ({"liveness": "blocked"}, ["https://x.example/wall"]),
    ({"liveness": "live"}, ["https://x.example/o"]),
    ({"since": "2024-03-04"}, ["https://radio.example.com/news/1", "https://x.example/wall"]),
    ({"liveness": "removed", "since": "2024-03-11"}, []),
])
def test_api_pages_filters(client: TestClient, params: dict[str, str], urls: list[str]) -> None:
    assert [p["url"] for p in client.get("/api/pages", params=params).json()["results"]] == urls


def test_api_pages_cursor_walks_every_page_once(client: TestClient) -> None:
    seen, cursor = [], None
    while True:
        body = client.get("/api/pages", params={"limit": 2, **({"cursor": cursor} if cursor else {})}).json()
        seen += [p["url"] for p in body["results"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == [p["url"] for p in client.get("/api/pages").json()["results"]] and len(seen) == 5


@pytest.mark.parametrize(("params", "needle"), [
    ({"liveness": "gone"}, "liveness"), ({"since": "last week"}, "since"), ({"limit": "0"}, "limit"),
    ({"cursor": "bm90IGEgY3Vyc29y"}, "cursor"),
])
def test_api_pages_bad_parameters_are_400(client: TestClient, params: dict[str, str], needle: str) -> None:
    response = client.get("/api/pages", params=params)
    assert response.status_code == 400 and needle in response.json()["error"]["message"]
