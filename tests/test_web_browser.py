"""The pages in a real browser: headless Chromium (Debian's ``chromium`` package) driven by Playwright.

At a desktop width (1400 px) and a phone's (390 px): search, the "echoed only" switch, a statement's journey and
timeline, a speaker, a document, the speakers list; no page scrolls sideways, no two timeline marks overlap, a bad
filter is shown above its form, downloads arrive as CSV. Screenshots go to ``test-artifacts/``. The server runs in
a thread of this process on a free loopback port. Skipped, with the reason, when Playwright's Python package or
/usr/bin/chromium is missing (``.ci/run`` installs both; never ``playwright install``).
"""

from __future__ import annotations

import csv
import io
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from quotetrace.api import create_app
from web_corpus import build_store

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
WIDTHS = (1400, 390)

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is not installed")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "corpus.db"
    build_store(db)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        yield launched
        launched.close()


def _open(browser: Any, base_url: str, width: int, **options: Any) -> tuple[Any, Any, list[str]]:
    """A page that records any script dialog (an injected alert), script error or request leaving the server."""
    context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True, **options)
    opened = context.new_page()
    problems: list[str] = []

    def on_dialog(dialog: Any) -> None:
        problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    opened.on("dialog", on_dialog)
    opened.on("request", lambda r: None if r.url.startswith(base_url) else problems.append(f"off the server: {r.url}"))
    opened.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    return context, opened, problems


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def page(request: pytest.FixtureRequest, browser: Any, base_url: str) -> Iterator[Any]:
    context, opened, problems = _open(browser, base_url, request.param)
    opened.width = request.param
    yield opened
    context.close()
    assert not problems, problems


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{page.width}.png"), full_page=True)


def _no_sideways_scroll(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.width, f"{page.url} is {width} px wide in a {page.width} px viewport"


def _overlapping(boxes: list[dict[str, float]]) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i, a in enumerate(boxes) for j, b in enumerate(boxes[i + 1:], start=i + 1)
        if a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]
    ]


@pytest.mark.parametrize("path", ["/", "/?q=reopen", "/statements/st-bridge", "/statements/st-appeal",
                                  "/speakers/jane-smith", "/speakers", "/documents/d-b2", "/documents/d-orig",
                                  "/documents", "/outlets", "/quotes", "/docs"])
def test_web_browser_no_page_scrolls_sideways(page: Any, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    page.wait_for_load_state("load")
    _no_sideways_scroll(page)


def test_web_browser_search_echoed_only_and_a_csv_download(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.fill("input[name=q]", "reopen OR water")
    page.click("button[type=submit]")
    page.wait_for_selector("ol.results li.result")
    assert page.locator("li.result").count() == 2
    assert page.locator("mark.hit").count() >= 2
    assert "onerror" in page.locator("li.result blockquote").first.inner_text()  # shown as text, not run
    _shot(page, "search")

    page.goto(base_url + "/")
    everything = page.locator("li.result").count()
    with page.expect_navigation():
        page.check("input[name=echoed]")  # the switch submits its form
    assert "echoed=1" in page.url
    assert page.locator("li.result").count() == 2 < everything
    assert page.locator("li.result.echoed").count() == 2

    with page.expect_download() as info:
        page.click("a.download.csv")
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert [r["statement_id"] for r in rows] == ["st-appeal", "st-bridge"]
    assert info.value.suggested_filename == "quotetrace-statements.csv"


def test_web_browser_a_bad_filter_is_shown_above_the_form(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.fill("input[name=q]", "water")
    page.fill("input[name=since]", "last tuesday")
    page.click("button[type=submit]")
    error = page.locator(".form-error")
    error.wait_for()
    assert "since" in error.inner_text()
    assert page.input_value("input[name=q]") == "water" and page.input_value("input[name=since]") == "last tuesday"
    assert error.bounding_box()["y"] < page.locator("form.search").bounding_box()["y"]
    _no_sideways_scroll(page)
    _shot(page, "search-error")


def test_web_browser_statement_journey_and_timeline(page: Any, base_url: str) -> None:
    page.goto(base_url + "/?q=Karsk")
    page.locator("li.result a.trace").first.click()
    page.wait_for_selector("svg.timeline")
    assert page.title().startswith("The bridge at Karsk will reopen")
    marks = page.locator("svg.timeline g.mark")
    assert marks.count() == 7
    boxes = [marks.nth(i).bounding_box() for i in range(marks.count())]
    assert not _overlapping(boxes), "timeline marks drawn on each other"
    labels = page.locator("svg.timeline text.tick")
    assert not _overlapping([labels.nth(i).bounding_box() for i in range(labels.count())]), "tick labels collide"
    assert page.locator("ol.journey li.sighting").count() == 7
    assert page.locator("blockquote.words ins.changed").inner_text() == "Tuesday"
    assert page.locator("li.sighting.removed").count() == 1
    _no_sideways_scroll(page)
    _shot(page, "statement")

    with page.expect_download() as info:
        page.click("a.download.csv")
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == 8 and rows[0]["role"] == "first_seen"

    page.locator("li.sighting a.doc").first.click()
    page.wait_for_selector("article.text mark.quote")
    assert page.locator("article.text mark.quote").count() == 1
    _no_sideways_scroll(page)
    _shot(page, "document")


def test_web_browser_speaker_and_speakers(page: Any, base_url: str) -> None:
    page.goto(base_url + "/speakers")
    _shot(page, "speakers")
    page.locator("a.speaker", has_text="Jane Smith").first.click()
    page.wait_for_selector("svg.bars")
    assert page.locator("h1").inner_text().startswith("Jane Smith")
    assert page.locator("svg.bars rect.bar").count() >= 3
    assert page.locator("ol.results li.result.statement").count() == 8  # her statements, with their reach
    assert page.locator("li.result.echoed").count() == 1
    _no_sideways_scroll(page)
    _shot(page, "speaker")


def test_web_browser_a_tap_shows_a_mark_before_following_it(browser: Any, base_url: str) -> None:
    context, opened, problems = _open(browser, base_url, 390, has_touch=True, is_mobile=True)
    opened.goto(base_url + "/statements/st-appeal")
    mark = opened.locator("svg.timeline g.mark.removed")
    mark.scroll_into_view_if_needed()
    mark.tap()
    tip = opened.locator(".chart-tip")
    tip.wait_for(state="visible")
    assert "removed" in tip.inner_text() and opened.url.endswith("/statements/st-appeal")
    context.close()
    assert not problems, problems


def test_web_browser_pages_read_without_javascript(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/statements/st-appeal")
    assert page.locator("svg.timeline g.mark").count() == 3
    assert page.locator("ol.journey li.sighting").count() == 3
    page.goto(base_url + "/?q=ceasefire")
    assert page.locator("li.result").count() == 8
    context.close()


def test_web_browser_api_docs_try_a_call(page: Any, base_url: str) -> None:
    page.goto(base_url + "/docs")
    operation = page.locator("details.op", has_text="/api/statements").first
    operation.locator("summary").click()
    operation.locator("input[name=min_sightings]").fill("2")
    operation.locator("button", has_text="Try it").click()
    answer = operation.locator("pre")
    answer.filter(has_text="200").wait_for()
    assert '"st-bridge"' in answer.inner_text() and "GET /api/statements?min_sightings=2" in answer.inner_text()
    _no_sideways_scroll(page)
