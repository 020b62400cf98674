"""The pages in a real browser: headless Chromium (Debian's ``chromium`` package) driven by Playwright.

Search, open a speaker, open a statement's timeline; screenshots go to ``test-artifacts/``. The server runs
in a thread of this process on a free loopback port. Skipped, with the reason, when Playwright's Python
package or /usr/bin/chromium is missing (``.ci/run`` installs both; never ``playwright install``).
"""

from __future__ import annotations

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


@pytest.fixture()
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A page that fails the test on any script dialog (an injected alert) or request leaving the server."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    opened = context.new_page()
    problems: list[str] = []

    def on_dialog(dialog: Any) -> None:
        problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    def on_request(request: Any) -> None:
        if not request.url.startswith(base_url):
            problems.append(f"request off the server: {request.url}")

    opened.on("dialog", on_dialog)
    opened.on("request", on_request)
    opened.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    yield opened
    context.close()
    assert not problems, problems


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def test_web_browser_search_speaker_and_timeline(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.fill("input[name=q]", "water medicine")
    page.click("button[type=submit]")
    page.wait_for_selector("ol.results li.result")
    assert page.locator("li.result").count() == 3
    assert "onerror" in page.locator("li.result blockquote").first.inner_text()  # shown as text, not run
    _shot(page, "search.png")

    page.locator("li.result a.speaker", has_text="Jane Smith").first.click()
    page.wait_for_selector("svg.bars")
    assert page.locator("h1").inner_text().startswith("Jane Smith")
    assert page.locator("svg.bars rect.bar").count() >= 3
    _shot(page, "speaker.png")

    page.go_back()
    page.locator("li.result a.trace").first.click()
    page.wait_for_selector("svg.timeline")
    assert page.locator("svg.timeline g.mark").count() == 3
    assert page.locator("svg.timeline g.mark.removed path.removed-x").count() == 1
    assert page.locator("table.sightings tr.removed").count() == 1
    page.locator("svg.timeline g.mark.removed").hover()
    tip = page.locator(".chart-tip")
    tip.wait_for(state="visible")
    assert "removed" in tip.inner_text()
    _shot(page, "statement.png")

    page.locator("table.sightings a", has_text="orig-1").click()
    page.wait_for_selector("article.text mark.quote")
    assert page.locator("article.text mark.quote").count() == 1
    _shot(page, "document.png")


def test_web_browser_pages_read_without_javascript(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/statements/st-appeal")
    assert page.locator("svg.timeline g.mark").count() == 3
    assert page.locator("table.sightings tbody tr").count() == 3
    page.goto(base_url + "/?q=ceasefire")
    assert page.locator("li.result").count() == 8
    context.close()
